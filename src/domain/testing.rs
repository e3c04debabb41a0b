//! Small datasets for unit tests, built through the real loader.

use serde_json::{json, Value};

use crate::domain::dataset::load::{load_value, SCHEMA};
use crate::domain::dataset::model::{Dataset, Metric, Qualifier};

/// One test figure, built by naming what differs from the defaults:
/// `figure("ly").date("2019-06-01").metric(Metric::Projects).value(3.0).country("LY")`.
///
/// Defaults: reported on 2020-01-01 by IOM (an official publisher), one migrant returned,
/// exact, programme-wide, a running total (no period start).
#[derive(Debug, Clone)]
pub struct TestFigure {
    id: String,
    date: String,
    metric: Metric,
    value: f64,
    qualifier: Qualifier,
    country: Option<String>,
    period_start: Option<String>,
    counted_since: Option<String>,
    media: bool,
}

/// A test figure with the defaults of [`TestFigure`] and its own source (`s-<id>`).
pub fn figure(id: &str) -> TestFigure {
    TestFigure {
        id: id.to_string(),
        date: "2020-01-01".to_string(),
        metric: Metric::MigrantsReturned,
        value: 1.0,
        qualifier: Qualifier::Exact,
        country: None,
        period_start: None,
        counted_since: None,
        media: false,
    }
}

impl TestFigure {
    /// The date of its source (`YYYY-MM-DD`).
    pub fn date(self, date: &str) -> TestFigure {
        TestFigure { date: date.to_string(), ..self }
    }

    /// What it counts.
    pub fn metric(self, metric: Metric) -> TestFigure {
        TestFigure { metric, ..self }
    }

    /// Its number.
    pub fn value(self, value: f64) -> TestFigure {
        TestFigure { value, ..self }
    }

    /// How its number is to be read.
    pub fn qualifier(self, qualifier: Qualifier) -> TestFigure {
        TestFigure { qualifier, ..self }
    }

    /// The country it is about (`LY` or `NE`, the dataset's two; it then lies in region `r`).
    pub fn country(self, code: &str) -> TestFigure {
        TestFigure { country: Some(code.to_string()), ..self }
    }

    /// Makes it a period total, counted from `date` to its source's date.
    pub fn period_start(self, date: &str) -> TestFigure {
        TestFigure { period_start: Some(date.to_string()), ..self }
    }

    /// Makes it a running total counted from `date` ("since 1 January 2025").
    pub fn counted_since(self, date: &str) -> TestFigure {
        TestFigure { counted_since: Some(date.to_string()), ..self }
    }

    /// Has a news outlet publish its source instead of IOM (the "official only" filter drops it).
    pub fn published_by_media(self) -> TestFigure {
        TestFigure { media: true, ..self }
    }

    fn source_json(&self) -> Value {
        json!({"id": format!("s-{}", self.id), "date": self.date, "date_precision": "day", "publisher": "IOM",
               "publisher_kind": if self.media { "media" } else { "iom" },
               "title": "t", "url": "https://example.org", "language": "en", "kind": "news"})
    }

    fn figure_json(&self) -> Value {
        json!({"id": self.id, "source": format!("s-{}", self.id), "metric": self.metric.id(), "metric_detail": "d",
               "value": self.value, "unit": self.metric.default_unit().id(), "qualifier": self.qualifier.id(),
               "programme": "P", "programme_id": "p", "country": self.country,
               "regions": if self.country.is_some() { json!(["r"]) } else { json!([]) }, "period_start": self.period_start.as_ref().or(self.counted_since.as_ref()),
               "cumulative_since": self.counted_since})
    }
}

/// A dataset holding `figures`, each with its own source, in one programme (`p`), with one
/// region (`r`) and two countries (Libya `LY`, Niger `NE`).
pub fn dataset(figures: &[TestFigure]) -> Dataset {
    let doc = json!({
        "schema": SCHEMA, "schema_version": 1,
        "programmes": [{"id": "p", "name_en": "Programme", "name_fr": "Programme"}],
        "regions": [{"id": "r", "name_en": "Region", "name_fr": "Région"}],
        "countries": [{"code": "LY", "name_en": "Libya", "name_fr": "Libye"}, {"code": "NE", "name_en": "Niger", "name_fr": "Niger"}],
        "sources": figures.iter().map(TestFigure::source_json).collect::<Vec<_>>(),
        "figures": figures.iter().map(TestFigure::figure_json).collect::<Vec<_>>()
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
