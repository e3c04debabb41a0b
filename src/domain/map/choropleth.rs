//! What the map shows for a selection besides its values: the countries it outlines (the
//! metric it shades is [`Metric::primary`](crate::domain::dataset::model::Metric::primary)).

use std::collections::BTreeSet;

use crate::domain::dataset::model::Dataset;

/// The countries the map outlines, as sorted ISO codes without repeats: the `chosen` ones
/// and, with `partners`, every country that has a figure in one of `programmes` (in any
/// programme when `programmes` is empty).
pub fn outline_countries(dataset: &Dataset, chosen: &BTreeSet<String>, programmes: &BTreeSet<String>, partners: bool) -> Vec<String> {
    let mut codes: BTreeSet<&str> = chosen.iter().map(String::as_str).collect();
    if partners {
        for figure in dataset.figures() {
            let in_programme = programmes.is_empty() || dataset.programme_of(figure).is_some_and(|p| programmes.contains(p.id()));
            if let (true, Some(country)) = (in_programme, dataset.country_of(figure)) {
                codes.insert(country.code());
            }
        }
    }
    codes.into_iter().map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::domain::dataset::load::{load_value, SCHEMA};

    fn codes(items: &[&str]) -> BTreeSet<String> {
        items.iter().map(|c| c.to_string()).collect()
    }

    /// Two programmes: `a` with figures in Libya and Niger (and one for the whole
    /// programme), `b` with a figure in Mali.
    fn two_programmes() -> Dataset {
        let figure = |id: &str, programme: &str, country: Option<&str>| {
            json!({"id": id, "source": "s", "metric": "migrants_returned", "metric_detail": "d", "value": 1.0, "unit": "count",
                   "qualifier": "exact", "programme": programme, "programme_id": programme, "country": country,
                   "regions": if country.is_some() { json!(["r"]) } else { json!([]) }})
        };
        let doc = json!({
            "schema": SCHEMA, "schema_version": 1,
            "programmes": [{"id": "a", "name_en": "A", "name_fr": "A"}, {"id": "b", "name_en": "B", "name_fr": "B"}],
            "regions": [{"id": "r", "name_en": "Region", "name_fr": "Région"}],
            "countries": [{"code": "LY", "name_en": "Libya", "name_fr": "Libye"}, {"code": "ML", "name_en": "Mali", "name_fr": "Mali"},
                          {"code": "NE", "name_en": "Niger", "name_fr": "Niger"}, {"code": "SN", "name_en": "Senegal", "name_fr": "Sénégal"}],
            "sources": [{"id": "s", "date": "2020-01-01", "date_precision": "day", "publisher": "IOM", "publisher_kind": "iom", "title": "t",
                         "url": "https://example.org", "language": "en", "kind": "news"}],
            "figures": [figure("ne", "a", Some("NE")), figure("ly", "a", Some("LY")), figure("ly2", "a", Some("LY")),
                        figure("whole", "a", None), figure("ml", "b", Some("ML"))]
        });
        match load_value(&doc) {
            Ok(loaded) if loaded.issues.is_empty() => std::sync::Arc::unwrap_or_clone(loaded.dataset),
            other => panic!("test dataset does not load cleanly: {other:?}"),
        }
    }

    #[test]
    fn without_partners_the_map_outlines_the_chosen_countries_only() {
        let dataset = two_programmes();
        assert_eq!(outline_countries(&dataset, &BTreeSet::new(), &BTreeSet::new(), false), Vec::<String>::new());
        assert_eq!(outline_countries(&dataset, &codes(&["NE", "LY"]), &codes(&["b"]), false), ["LY", "NE"]);
    }

    #[test]
    fn partners_are_the_countries_with_a_figure_in_the_chosen_programmes() {
        let dataset = two_programmes();
        assert_eq!(outline_countries(&dataset, &BTreeSet::new(), &codes(&["a"]), true), ["LY", "NE"], "each once, in code order");
        assert_eq!(outline_countries(&dataset, &BTreeSet::new(), &codes(&["b"]), true), ["ML"]);
        assert_eq!(outline_countries(&dataset, &BTreeSet::new(), &codes(&["unknown"]), true), Vec::<String>::new());
    }

    #[test]
    fn with_no_programme_chosen_partners_are_the_countries_of_every_programme() {
        let dataset = two_programmes();
        assert_eq!(outline_countries(&dataset, &BTreeSet::new(), &BTreeSet::new(), true), ["LY", "ML", "NE"], "Senegal has no figure");
    }

    #[test]
    fn chosen_countries_stay_outlined_beside_the_partners() {
        let dataset = two_programmes();
        assert_eq!(outline_countries(&dataset, &codes(&["SN", "NE"]), &codes(&["b"]), true), ["ML", "NE", "SN"]);
    }
}
