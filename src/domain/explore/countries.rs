//! The filters' country list: the countries a search finds, each with the latest value of the
//! chosen metric under the other filters, in the order asked for; and those latest values per
//! country, which the map shades.

use std::collections::BTreeSet;

use crate::domain::dataset::model::{Country, Dataset, Figure, Metric, Position};
use crate::domain::explore::aggregate::latest_by_country;
use crate::domain::explore::select::{select, Filter, Ignore};
use crate::domain::explore::view::CountryOrder;
use crate::domain::lang::{folded, Lang};

/// The latest figure of `metric` per country under `filter` with its country and level
/// choices cleared: what choosing a country would add (the country list) and what each country
/// reports (the map shading), levels being ignored wherever places are compared.
pub fn latest_values(dataset: &Dataset, filter: &Filter, metric: Metric) -> Vec<(Position<Country>, Position<Figure>)> {
    let others = Filter { metrics: BTreeSet::from([metric]), countries: BTreeSet::new(), ..filter.clone() };
    let selected = select(dataset, &others, Ignore { metrics: false, levels: true });
    latest_by_country(dataset, &selected, metric).into_iter().collect()
}

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
    use crate::domain::explore::select::{Level, PublisherFilter};
    use crate::domain::testing::{dataset, figure};

    fn sample() -> Dataset {
        dataset(&[figure("a").value(10.0).country("LY")])
    }

    fn values<'d>(d: &'d Dataset, filter: &Filter, metric: Metric) -> Vec<(&'d str, f64)> {
        latest_values(d, filter, metric)
            .into_iter()
            .map(|(country, figure)| (d.country(country).unwrap().code(), d.figure(figure).unwrap().value()))
            .collect()
    }

    #[test]
    fn latest_values_ignore_the_country_and_level_choices_but_keep_the_other_filters() {
        let d = dataset(&[
            figure("ly-old").date("2019-01-01").value(10.0).country("LY"),
            figure("ly-new").date("2021-01-01").value(30.0).country("LY"),
            figure("ne").value(20.0).country("NE").published_by_media(),
            figure("ne-projects").date("2022-01-01").metric(Metric::Projects).value(5.0).country("NE"),
            figure("whole").date("2022-01-01").value(99.0),
        ]);
        let mut filter = Filter {
            countries: BTreeSet::from(["LY".into()]),
            levels: BTreeSet::from([Level::ProgrammeWide]),
            metrics: BTreeSet::from([Metric::Projects]),
            ..Filter::default()
        };
        assert_eq!(values(&d, &filter, Metric::MigrantsReturned), [("LY", 30.0), ("NE", 20.0)], "latest per country, of the metric asked");
        assert_eq!(values(&d, &filter, Metric::Projects), [("NE", 5.0)]);
        filter.years = Some((2019, 2020));
        assert_eq!(values(&d, &filter, Metric::MigrantsReturned), [("LY", 10.0), ("NE", 20.0)], "the period applies");
        filter.publishers = PublisherFilter::OfficialOnly;
        assert_eq!(values(&d, &filter, Metric::MigrantsReturned), [("LY", 10.0)], "the publisher filter applies");
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
