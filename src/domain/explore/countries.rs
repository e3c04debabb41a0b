//! The filters' country list: the countries a search finds, each with the latest value of the
//! chosen metric under the other filters, in the order asked for.

use crate::domain::dataset::model::{Country, Dataset, Position};
use crate::domain::explore::view::CountryOrder;
use crate::domain::lang::{folded, Lang};

/// One line of the country list.
#[derive(Debug, Clone, PartialEq)]
pub struct CountryRow {
    /// The country.
    pub country: Position<Country>,
    /// Its code.
    pub code: String,
    /// Its name in the interface language.
    pub name: String,
    /// The latest value of the metric, when the selection has one.
    pub value: Option<f64>,
    /// The value as a share of the largest in the list (0 to 1; 0 without a value).
    pub share: f64,
}

/// The countries of `dataset` that `search` finds (in their names without regard to case or
/// accents, or by their exact code), with their values from `values`, ordered by `order`:
/// by name, or by value (largest first, countries without one last, ties by name).
pub fn country_list(
    dataset: &Dataset,
    values: &[(Position<Country>, f64)],
    search: &str,
    order: CountryOrder,
    lang: Lang,
) -> Vec<CountryRow> {
    let needle = folded(search.trim());
    let largest = values.iter().map(|(_, value)| *value).fold(0.0, f64::max);
    let mut rows: Vec<(String, CountryRow)> = dataset
        .positioned_countries()
        .filter_map(|(at, c)| {
            // The folded name is both what the search looks in and the key names sort by.
            let key = folded(c.name(lang));
            if !(needle.is_empty() || key.contains(&needle) || c.code().eq_ignore_ascii_case(&needle)) {
                return None;
            }
            let value = values.iter().find(|(country, _)| *country == at).map(|(_, value)| *value);
            let share = match value {
                Some(value) if largest > 0.0 => value / largest,
                _ => 0.0,
            };
            Some((key, CountryRow { country: at, code: c.code().to_string(), name: c.name(lang).to_string(), value, share }))
        })
        .collect();
    match order {
        CountryOrder::Name => rows.sort_by(|a, b| a.0.cmp(&b.0)),
        CountryOrder::Value => {
            rows.sort_by(|a, b| b.1.value.unwrap_or(-1.0).total_cmp(&a.1.value.unwrap_or(-1.0)).then_with(|| a.0.cmp(&b.0)));
        }
    }
    rows.into_iter().map(|(_, row)| row).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::dataset;

    fn sample() -> Dataset {
        dataset(&[("a", "2020-01-01", "migrants_returned", 10.0, "exact", Some("LY"), None)])
    }

    fn names(rows: &[CountryRow]) -> Vec<&str> {
        rows.iter().map(|row| row.name.as_str()).collect()
    }

    #[test]
    fn orders_by_name_or_by_value_with_the_missing_last() {
        let d = sample();
        let libya = d.country_index("LY").unwrap();
        let niger = d.country_index("NE").unwrap();
        let values = [(libya, 10.0), (niger, 40.0)];
        assert_eq!(names(&country_list(&d, &values, "", CountryOrder::Name, Lang::En)), ["Libya", "Niger"]);
        let by_value = country_list(&d, &values, "", CountryOrder::Value, Lang::En);
        assert_eq!(names(&by_value), ["Niger", "Libya"]);
        assert_eq!(by_value.iter().map(|r| r.share).collect::<Vec<_>>(), [1.0, 0.25]);
        let only_libya = country_list(&d, &values[..1], "", CountryOrder::Value, Lang::Fr);
        assert_eq!(names(&only_libya), ["Libye", "Niger"], "a country without a value comes last");
        assert_eq!((only_libya[1].value, only_libya[1].share), (None, 0.0));
    }

    #[test]
    fn a_search_finds_names_in_any_case_or_accent_and_exact_codes() {
        let d = sample();
        assert_eq!(names(&country_list(&d, &[], " lib ", CountryOrder::Name, Lang::Fr)), ["Libye"]);
        assert_eq!(names(&country_list(&d, &[], "ne", CountryOrder::Name, Lang::En)), ["Niger"], "the code, whatever its case");
        assert!(country_list(&d, &[], "zz", CountryOrder::Name, Lang::En).is_empty());
    }
}
