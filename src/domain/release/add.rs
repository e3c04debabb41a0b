//! Merging reviewed records (sources, figures, countries) into the dataset file's text, the
//! same code for `eu-iom-data add` and the staff page: duplicates, leftover placeholders and
//! anything the dashboard's own validation would skip or repair are refused with an
//! [`AddError`] naming the record and field at fault; otherwise the merged file's text comes
//! back, ready to write. The words of the errors live in `text::review`.
//!
//! The reviewed file is JSON with the dataset's own record formats ([`RawSource`],
//! [`RawFigure`], [`RawCountry`]):
//!
//! ```json
//! { "sources": [ ... ], "figures": [ ... ], "countries": [ ... ] }
//! ```
//!
//! `countries` is optional (only for countries the dataset does not list yet), `instructions`
//! is ignored, and each figure may carry an `_evidence` object (the sentence it was read from,
//! written by `eu-iom-data extract --reviewable`), which is ignored too. Any other field is
//! refused ([`read_reviewed`]), so that a misspelt optional field cannot be dropped silently.

use serde_json::{Map, Value};

use crate::domain::dataset::issue::{Issue, RecordRef};
use crate::domain::dataset::load::load_dataset;
use crate::domain::dataset::raw::{RawCountry, RawDataset, RawFigure};
use crate::domain::release::review::{Reviewed, PLACEHOLDER};

/// Fields a record of each list may have (the serde names of the raw types).
pub const SOURCE_FIELDS: &[&str] = &[
    "id", "date", "date_precision", "publisher", "publisher_kind", "official", "title", "title_note", "reference", "url", "language",
    "kind", "note",
];
/// Fields a figure may have, `_evidence` included.
pub const FIGURE_FIELDS: &[&str] = &[
    "id", "source", "metric", "metric_detail", "metric_detail_fr", "value", "unit", "qualifier", "period_start", "period_end",
    "cumulative_since", "programme", "programme_id", "regions", "country", "note", "_evidence",
];
const COUNTRY_FIELDS: &[&str] = &["code", "name_en", "name_fr"];
const TOP_FIELDS: &[&str] = &["instructions", "sources", "figures", "countries"];

/// Where an id is already used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdPlace {
    /// In the dataset.
    Dataset,
    /// Earlier in the reviewed records.
    Reviewed,
}

/// A field of a record of the reviewed file: the list (`sources`, `figures`, `countries`), the
/// record's position in it, and the field (none when the whole record is at fault).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldRef {
    /// The list.
    pub list: &'static str,
    /// 0-based position in the reviewed file's list.
    pub index: usize,
    /// The field's serde name.
    pub field: Option<String>,
}

/// A problem the dashboard's validation finds in the merged dataset, and where it lies in the
/// reviewed records when it is in one of them.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The problem, as the dashboard reports it (records numbered in the merged file).
    pub issue: Issue,
    /// The reviewed record and field it is in.
    pub at: Option<FieldRef>,
}

/// A value of a reviewed record that still holds the skeleton's placeholder.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceholderLeft {
    /// Which record.
    pub record: RecordRef,
    /// The field.
    pub field: String,
    /// The placeholder text.
    pub value: String,
    /// Allowed values, when there is a short list.
    pub allowed: Option<String>,
}

/// Why reviewed records were refused.
#[derive(Debug, Clone, PartialEq)]
pub enum AddError {
    /// The dataset file cannot be read as a dataset.
    Dataset(String),
    /// The dataset file loads but is not in the format the writer writes.
    DatasetFormat(String),
    /// The reviewed file is not JSON of the reviewed format.
    Reviewed(String),
    /// A field the format does not have (`record` is `None` for the file's top level).
    UnknownField {
        /// Which record.
        record: Option<RecordRef>,
        /// The field.
        field: String,
    },
    /// The reviewed file holds no record.
    Nothing,
    /// A value still holds the skeleton's placeholder.
    Placeholder(Box<PlaceholderLeft>),
    /// An id (or country code) already used.
    DuplicateId {
        /// Which record.
        record: RecordRef,
        /// The id.
        id: String,
        /// Where it is used.
        place: IdPlace,
    },
    /// A figure that repeats another one (same source, metric, value, qualifier and period end).
    DuplicateFigure {
        /// Which record.
        record: RecordRef,
        /// The figure it repeats.
        other: String,
    },
    /// A country listed with other names than the dataset's.
    CountryConflict {
        /// Which record.
        record: RecordRef,
    },
    /// The merged dataset cannot be loaded at all.
    Unloadable(String),
    /// The merged dataset does not validate cleanly.
    Invalid {
        /// The problems.
        problems: Vec<Problem>,
    },
}

impl AddError {
    /// The reviewed record and field at fault, when the error is about one (for an invalid
    /// merge, the first problem that lies in a reviewed record).
    pub fn at(&self) -> Option<FieldRef> {
        let of =
            |record: &RecordRef, field: Option<&str>| FieldRef { list: record.list, index: record.index, field: field.map(str::to_string) };
        match self {
            AddError::UnknownField { record: Some(record), field } => Some(of(record, Some(field))),
            AddError::Placeholder(left) => Some(of(&left.record, Some(&left.field))),
            AddError::DuplicateId { record, .. } => Some(of(record, Some(if record.list == "countries" { "code" } else { "id" }))),
            AddError::DuplicateFigure { record, .. } => Some(of(record, Some("value"))),
            AddError::CountryConflict { record } => Some(of(record, None)),
            AddError::Invalid { problems } => problems.iter().find_map(|p| p.at.clone()),
            _ => None,
        }
    }
}

/// The merged dataset, ready to write, and what was added.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// The dataset file's new text (pretty JSON, as [`RawDataset::to_pretty_json`] writes it).
    pub text: String,
    /// Sources added.
    pub sources: usize,
    /// Figures added.
    pub figures: usize,
    /// Countries added.
    pub countries: usize,
    /// Sources in the merged dataset.
    pub total_sources: usize,
    /// Figures in the merged dataset.
    pub total_figures: usize,
}

fn record(list: &'static str, index: usize, id: &str) -> RecordRef {
    RecordRef { list, index, id: Some(id.to_string()), line: None }
}

/// Reads a reviewed file's text, refusing fields the format does not have before serde would
/// drop them silently.
///
/// # Errors
/// [`AddError::Reviewed`] for text that is not of the format, [`AddError::UnknownField`].
pub fn read_reviewed(text: &str) -> Result<Reviewed, AddError> {
    let value: Value = serde_json::from_str(text).map_err(|e| AddError::Reviewed(e.to_string()))?;
    check_fields(&value)?;
    serde_json::from_value(value).map_err(|e| AddError::Reviewed(e.to_string()))
}

/// Merges reviewed records into the dataset file's text: the text `eu-iom-data add` writes.
///
/// # Errors
/// An [`AddError`] naming the record and field at fault; nothing is merged then.
pub fn merge(dataset_text: &str, reviewed: &Reviewed) -> Result<Merged, AddError> {
    let baseline = load_dataset(dataset_text).map_err(|e| AddError::Dataset(e.to_string()))?;
    let mut dataset: RawDataset = serde_json::from_str(dataset_text).map_err(|e| AddError::DatasetFormat(e.to_string()))?;
    let countries = check_records(&dataset, reviewed)?;
    let before = [dataset.sources.len(), dataset.figures.len(), dataset.countries.len()];

    let added = (reviewed.sources.len(), reviewed.figures.len(), countries.len());
    dataset.sources.extend(reviewed.sources.iter().cloned());
    dataset.figures.extend(reviewed.figures.iter().cloned());
    dataset.countries.extend(countries);
    let text = dataset.to_pretty_json().map_err(|e| AddError::Dataset(e.to_string()))?;

    let loaded = load_dataset(&text).map_err(|e| AddError::Unloadable(e.to_string()))?;
    let mut known: Vec<String> = baseline.issues.iter().map(ToString::to_string).collect();
    let mut problems = Vec::new();
    for issue in loaded.issues {
        let words = issue.to_string();
        match known.iter().position(|k| *k == words) {
            Some(at) => {
                known.remove(at);
            }
            None => problems.push(Problem { at: locate(&issue, before), issue }),
        }
    }
    if !problems.is_empty() {
        return Err(AddError::Invalid { problems });
    }
    Ok(Merged {
        text,
        sources: added.0,
        figures: added.1,
        countries: added.2,
        total_sources: loaded.dataset.sources().len(),
        total_figures: loaded.dataset.figures().len(),
    })
}

/// The reviewed record an issue of the merged dataset is in, given how many sources, figures
/// and countries the dataset had before.
fn locate(issue: &Issue, before: [usize; 3]) -> Option<FieldRef> {
    let (list, first) = match issue.record.list {
        "sources" => ("sources", before[0]),
        "figures" => ("figures", before[1]),
        "countries" => ("countries", before[2]),
        _ => return None,
    };
    let index = issue.record.index.checked_sub(first)?;
    Some(FieldRef { list, index, field: issue.field.map(str::to_string) })
}

/// Refuses fields the format does not have.
fn check_fields(value: &Value) -> Result<(), AddError> {
    let root = value.as_object().ok_or_else(|| AddError::Reviewed("expected a JSON object".into()))?;
    if let Some(field) = root.keys().find(|k| !TOP_FIELDS.contains(&k.as_str())) {
        return Err(AddError::UnknownField { record: None, field: field.clone() });
    }
    for (list, allowed, key) in [("sources", SOURCE_FIELDS, "id"), ("figures", FIGURE_FIELDS, "id"), ("countries", COUNTRY_FIELDS, "code")]
    {
        let Some(items) = root.get(list).and_then(Value::as_array) else { continue };
        for (index, item) in items.iter().enumerate() {
            let Some(map) = item.as_object() else { continue };
            if let Some(field) = map.keys().find(|k| !allowed.contains(&k.as_str())) {
                let id = map.get(key).and_then(Value::as_str).unwrap_or_default();
                return Err(AddError::UnknownField { record: Some(record(list, index, id)), field: field.clone() });
            }
        }
    }
    Ok(())
}

/// The first string field of a record that still starts with the placeholder.
fn placeholder(map: &Map<String, Value>) -> Option<(String, String)> {
    map.iter().find_map(|(field, value)| {
        let texts: Vec<&str> = match value {
            Value::String(text) => vec![text.as_str()],
            Value::Array(items) => items.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        texts
            .into_iter()
            .find(|text| text.trim_start().to_ascii_uppercase().starts_with(PLACEHOLDER))
            .map(|text| (field.clone(), text.to_string()))
    })
}

/// Placeholders, duplicate ids, repeated figures and conflicting countries. Returns the
/// countries to add: those the dataset already lists under the same names are dropped rather
/// than refused.
fn check_records(dataset: &RawDataset, reviewed: &Reviewed) -> Result<Vec<RawCountry>, AddError> {
    if reviewed.sources.is_empty() && reviewed.figures.is_empty() && reviewed.countries.is_empty() {
        return Err(AddError::Nothing);
    }
    let programme_ids = dataset.programmes.iter().map(|p| p.id.as_str()).collect::<Vec<_>>().join(", ");
    let region_ids = dataset.regions.iter().map(|r| r.id.as_str()).collect::<Vec<_>>().join(", ");
    let allowed = |field: &str| match field {
        "programme_id" => Some(programme_ids.clone()),
        "regions" => Some(region_ids.clone()),
        "publisher_kind" => Some("eu, iom, eu_funded, media, other_institution".to_string()),
        "date_precision" => Some("day, month, quarter, year, estimated".to_string()),
        _ => None,
    };
    let check_placeholders = |list: &'static str, index: usize, id: &str, value: Result<Value, serde_json::Error>| {
        let value = value.map_err(|e| AddError::Reviewed(e.to_string()))?;
        match value.as_object().and_then(placeholder) {
            Some((field, text)) => Err(AddError::Placeholder(Box::new(PlaceholderLeft {
                record: record(list, index, id),
                allowed: allowed(&field),
                field,
                value: text.chars().take(80).collect(),
            }))),
            None => Ok(()),
        }
    };

    let mut source_ids: Vec<&str> = Vec::new();
    for (index, source) in reviewed.sources.iter().enumerate() {
        check_placeholders("sources", index, &source.id, serde_json::to_value(source))?;
        let here = record("sources", index, &source.id);
        if dataset.sources.iter().any(|s| s.id == source.id) {
            return Err(AddError::DuplicateId { record: here, id: source.id.clone(), place: IdPlace::Dataset });
        }
        if source_ids.contains(&source.id.as_str()) {
            return Err(AddError::DuplicateId { record: here, id: source.id.clone(), place: IdPlace::Reviewed });
        }
        source_ids.push(&source.id);
    }

    let mut figure_ids: Vec<&str> = Vec::new();
    for (index, figure) in reviewed.figures.iter().enumerate() {
        check_placeholders("figures", index, &figure.id, serde_json::to_value(figure))?;
        let here = record("figures", index, &figure.id);
        if dataset.figures.iter().any(|f| f.id == figure.id) {
            return Err(AddError::DuplicateId { record: here, id: figure.id.clone(), place: IdPlace::Dataset });
        }
        if figure_ids.contains(&figure.id.as_str()) {
            return Err(AddError::DuplicateId { record: here, id: figure.id.clone(), place: IdPlace::Reviewed });
        }
        figure_ids.push(&figure.id);
        let earlier = reviewed.figures.iter().take(index);
        if let Some(other) = dataset.figures.iter().chain(earlier).find(|other| repeats(other, figure)) {
            return Err(AddError::DuplicateFigure { record: here, other: other.id.clone() });
        }
    }

    let mut added = Vec::new();
    let mut codes: Vec<&str> = Vec::new();
    for (index, country) in reviewed.countries.iter().enumerate() {
        check_placeholders("countries", index, &country.code, serde_json::to_value(country))?;
        let here = record("countries", index, &country.code);
        if codes.contains(&country.code.as_str()) {
            return Err(AddError::DuplicateId { record: here, id: country.code.clone(), place: IdPlace::Reviewed });
        }
        codes.push(&country.code);
        match dataset.countries.iter().find(|c| c.code == country.code) {
            Some(existing) if existing == country => {}
            Some(_) => return Err(AddError::CountryConflict { record: here }),
            None => added.push(country.clone()),
        }
    }
    Ok(added)
}

/// Whether `figure` repeats `other`: same source, metric, value, qualifier and period end.
pub fn repeats(other: &RawFigure, figure: &RawFigure) -> bool {
    other.source == figure.source
        && other.metric == figure.metric
        && other.value == figure.value
        && other.qualifier == figure.qualifier
        && other.period_end == figure.period_end
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dataset::raw::RawSource;
    use crate::domain::lang::Lang;

    fn full_figure() -> RawFigure {
        RawFigure {
            id: "s:1".into(),
            source: "s".into(),
            metric: "projects".into(),
            metric_detail: "projects".into(),
            metric_detail_fr: Some("projets".into()),
            value: 1.0,
            unit: "count".into(),
            qualifier: "exact".into(),
            period_start: Some("2020-01-01".into()),
            period_end: Some("2020-12-31".into()),
            cumulative_since: Some("2020-01-01".into()),
            programme: "P".into(),
            programme_id: "p".into(),
            regions: vec![],
            country: Some("NE".into()),
            note: "n".into(),
        }
    }

    #[test]
    fn field_lists_match_the_raw_types() {
        let figure = serde_json::to_value(full_figure()).unwrap();
        let mut keys: Vec<&str> = figure.as_object().unwrap().keys().map(String::as_str).collect();
        keys.push("_evidence");
        keys.sort_unstable();
        let mut listed = FIGURE_FIELDS.to_vec();
        listed.sort_unstable();
        assert_eq!(keys, listed);
        let source = RawSource {
            id: "s".into(),
            date: "2020-01-01".into(),
            date_precision: "day".into(),
            publisher: "P".into(),
            publisher_kind: "eu".into(),
            official: true,
            title: "T".into(),
            title_note: Some("t".into()),
            reference: Some("IP/21/123".into()),
            url: "https://example.org".into(),
            language: "en".into(),
            kind: "press-release".into(),
            note: Some("n".into()),
        };
        let source = serde_json::to_value(source).unwrap();
        let mut keys: Vec<&str> = source.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        let mut listed = SOURCE_FIELDS.to_vec();
        listed.sort_unstable();
        assert_eq!(keys, listed);
    }

    #[test]
    fn placeholders_are_found_in_texts_and_lists() {
        let mut figure = full_figure();
        assert_eq!(placeholder(serde_json::to_value(&figure).unwrap().as_object().unwrap()), None);
        figure.regions = vec!["TODO: region ids".into()];
        let found = placeholder(serde_json::to_value(&figure).unwrap().as_object().unwrap());
        assert_eq!(found, Some(("regions".into(), "TODO: region ids".into())));
    }

    #[test]
    fn unknown_fields_are_refused() {
        let value = serde_json::json!({"figures": [{"id": "x", "cumulative_snce": "2017-01-01"}]});
        let error = check_fields(&value).unwrap_err();
        assert_eq!(error.to_string(), "figures[0] \"x\": unknown field \"cumulative_snce\" (misspelt?)");
    }

    fn fixture() -> String {
        crate::domain::testing::fixture_dataset_text()
    }

    fn reviewed() -> Reviewed {
        let source = RawSource {
            id: "s".into(),
            date: "2020-01-01".into(),
            date_precision: "day".into(),
            publisher: "European Commission".into(),
            publisher_kind: "eu".into(),
            official: true,
            title: "T".into(),
            title_note: None,
            reference: None,
            url: "https://example.org/s".into(),
            language: "en".into(),
            kind: "press-release".into(),
            note: None,
        };
        let figure = RawFigure { programme_id: "joint-initiative".into(), ..full_figure() };
        Reviewed { instructions: vec![], sources: vec![source], figures: vec![figure], countries: vec![] }
    }

    #[test]
    fn the_merge_appends_the_records_in_the_writers_format() {
        let text = fixture();
        let merged = merge(&text, &reviewed()).unwrap();
        assert_eq!((merged.sources, merged.figures, merged.countries), (1, 1, 0));
        let raw: RawDataset = serde_json::from_str(&merged.text).unwrap();
        assert_eq!(raw.figures.last().map(|f| f.id.as_str()), Some("s:1"));
        assert_eq!(raw.to_pretty_json().unwrap(), merged.text);
        // What the reviewed file's text gives is the same.
        let file = serde_json::to_string(&reviewed()).unwrap();
        assert_eq!(merge(&text, &read_reviewed(&file).unwrap()).unwrap().text, merged.text);
    }

    #[test]
    fn refusals_name_the_reviewed_record_and_field() {
        let text = fixture();
        let mut bad = reviewed();
        bad.figures[0].programme_id = "atlantis".into();
        let error = merge(&text, &bad).unwrap_err();
        assert_eq!(error.at(), Some(FieldRef { list: "figures", index: 0, field: Some("programme_id".into()) }));
        assert!(error.to_string().contains("programme_id refers to \"atlantis\""), "{error}");
        assert!(error.message(Lang::Fr).starts_with("le jeu de données fusionné ne serait pas valide"), "{}", error.message(Lang::Fr));

        let mut todo = reviewed();
        todo.sources[0].publisher = "TODO: publisher".into();
        let error = merge(&text, &todo).unwrap_err();
        assert_eq!(error.at(), Some(FieldRef { list: "sources", index: 0, field: Some("publisher".into()) }));
        assert_eq!(error.message(Lang::Fr), "sources[0] \"s\" : le champ publisher contient encore l’indication « TODO: publisher »");

        let mut taken = reviewed();
        taken.sources[0].id = "eeas-2020-10-13-eu-iom-7th-strategic-meeting".into();
        let error = merge(&text, &taken).unwrap_err();
        assert_eq!(error.at().and_then(|at| at.field), Some("id".into()));
        assert!(error.message(Lang::Fr).ends_with("est déjà utilisé dans le jeu de données"), "{}", error.message(Lang::Fr));
    }
}
