//! Small datasets for unit tests, built through the real loader.

use serde_json::{json, Value};

use crate::domain::dataset::load::{load_value, SCHEMA};
use crate::domain::dataset::model::{Dataset, Metric};

/// One test figure: (id, source date, metric, value, qualifier, country, period start).
pub type Spec<'a> = (&'a str, &'a str, &'a str, f64, &'a str, Option<&'a str>, Option<&'a str>);

/// A dataset with one source per figure (dated as given), one programme, a region, two countries.
pub fn dataset(figures: &[Spec<'_>]) -> Dataset {
    let sources: Vec<Value> = figures
        .iter()
        .map(|(id, date, ..)| {
            json!({"id": format!("s-{id}"), "date": date, "date_precision": "day", "publisher": "IOM", "publisher_kind": if id.starts_with('m') { "media" } else { "iom" },
                   "title": "t", "url": "https://example.org", "language": "en", "kind": "news"})
        })
        .collect();
    let figures: Vec<Value> = figures
        .iter()
        .map(|(id, _, metric, value, qualifier, country, start)| {
            let unit = Metric::from_id(metric).map(|m| m.default_unit().id());
            json!({"id": id, "source": format!("s-{id}"), "metric": metric, "metric_detail": "d", "value": value, "unit": unit,
                   "qualifier": qualifier, "programme": "P", "programme_id": "p", "country": country,
                   "regions": if country.is_some() { json!(["r"]) } else { json!([]) }, "period_start": start})
        })
        .collect();
    let doc = json!({
        "schema": SCHEMA, "schema_version": 1,
        "programmes": [{"id": "p", "name_en": "Programme", "name_fr": "Programme"}],
        "regions": [{"id": "r", "name_en": "Region", "name_fr": "Région"}],
        "countries": [{"code": "LY", "name_en": "Libya", "name_fr": "Libye"}, {"code": "NE", "name_en": "Niger", "name_fr": "Niger"}],
        "sources": sources, "figures": figures
    });
    match load_value(&doc) {
        Ok(loaded) if loaded.issues.is_empty() => std::sync::Arc::unwrap_or_clone(loaded.dataset),
        other => panic!("test dataset does not load cleanly: {other:?}"),
    }
}

/// The frozen test dataset's text (`tests/fixtures/dataset/`): real figures that a data release
/// does not change.
pub fn fixture_dataset_text() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/dataset/eu-iom-figures.json")).unwrap_or_default()
}

/// The seed release's text (the EEAS release of 13 October 2020, in French).
pub fn seed_release() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/seeds/eeas-2020-10-13-eu-iom-7th-strategic-meeting.fr.txt"
    ))
    .unwrap_or_default()
}
