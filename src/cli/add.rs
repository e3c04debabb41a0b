//! `eu-iom-data add`: merges reviewed records (sources, figures, countries) into the dataset
//! file, refusing duplicates, leftover placeholders and anything the dashboard's own validation
//! would skip or repair. The dataset file is written only when every new record is clean.
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
//! refused, so that a misspelt optional field cannot be dropped silently.

use std::fmt;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::cli::{read, Outcome};
use crate::domain::dataset::load::load_dataset;
use crate::domain::dataset::raw::{RawCountry, RawDataset, RawFigure};
use crate::domain::release::review::{Reviewed, PLACEHOLDER};

/// Fields a record of each list may have (the serde names of the raw types).
const SOURCE_FIELDS: &[&str] = &[
    "id", "date", "date_precision", "publisher", "publisher_kind", "official", "title", "title_note", "reference", "url", "language",
    "kind", "note",
];
const FIGURE_FIELDS: &[&str] = &[
    "id", "source", "metric", "metric_detail", "metric_detail_fr", "value", "unit", "qualifier", "period_start", "period_end",
    "cumulative_since", "programme", "programme_id", "regions", "country", "note", "_evidence",
];
const COUNTRY_FIELDS: &[&str] = &["code", "name_en", "name_fr"];
const TOP_FIELDS: &[&str] = &["instructions", "sources", "figures", "countries"];

/// Why reviewed records were refused.
#[derive(Debug, Clone, PartialEq)]
pub enum AddError {
    /// The dataset file cannot be read as a dataset.
    Dataset(String),
    /// The reviewed file is not JSON of the reviewed format.
    Reviewed(String),
    /// A field the format does not have.
    UnknownField {
        /// Which record.
        record: String,
        /// The field.
        field: String,
    },
    /// The reviewed file holds no record.
    Nothing,
    /// A value still holds the skeleton's placeholder.
    Placeholder {
        /// Which record.
        record: String,
        /// The field.
        field: String,
        /// The placeholder text.
        value: String,
        /// Allowed values, when there is a short list.
        allowed: Option<String>,
    },
    /// An id (or country code) already used.
    DuplicateId {
        /// Which record.
        record: String,
        /// The id.
        id: String,
        /// "the dataset" or "this file".
        place: &'static str,
    },
    /// A figure that repeats another one (same source, metric, value, qualifier and period end).
    DuplicateFigure {
        /// Which record.
        record: String,
        /// The figure it repeats.
        other: String,
    },
    /// A country listed with other names than the dataset's.
    CountryConflict {
        /// Which record.
        record: String,
    },
    /// The merged dataset does not validate cleanly.
    Invalid {
        /// The problems, in the dashboard's words.
        problems: Vec<String>,
    },
}

impl fmt::Display for AddError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AddError::Dataset(detail) => write!(f, "the dataset file cannot be used: {detail}"),
            AddError::Reviewed(detail) => write!(f, "the reviewed file is not in the expected format: {detail}"),
            AddError::UnknownField { record, field } => {
                write!(f, "{record}: unknown field \"{field}\" (misspelt?)")
            }
            AddError::Nothing => write!(f, "the reviewed file holds no source, figure or country"),
            AddError::Placeholder { record, field, value, allowed } => {
                write!(f, "{record}: field {field} still holds the placeholder \"{value}\"")?;
                match allowed {
                    Some(list) => write!(f, "; one of: {list}"),
                    None => Ok(()),
                }
            }
            AddError::DuplicateId { record, id, place } => write!(f, "{record}: id \"{id}\" is already used in {place}"),
            AddError::DuplicateFigure { record, other } => {
                write!(f, "{record}: repeats figure \"{other}\" (same source, metric, value, qualifier and period_end)")
            }
            AddError::CountryConflict { record } => {
                write!(f, "{record}: the dataset already lists this country under other names")
            }
            AddError::Invalid { problems } => {
                write!(f, "the merged dataset would not validate cleanly:")?;
                for problem in problems {
                    write!(f, "\n  {problem}")?;
                }
                Ok(())
            }
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

fn record(list: &str, index: usize, id: &str) -> String {
    format!("{list}[{index}] \"{id}\"")
}

/// `add <dataset.json> <reviewed.json>`.
///
/// # Errors
/// A message when a file cannot be read or written; refusals are an unsuccessful [`Outcome`]
/// (exit status 1) with the reason, and the dataset file is untouched.
pub fn run(dataset: &Path, reviewed: &Path) -> Result<Outcome, String> {
    let dataset_text = read(dataset)?;
    let reviewed_text = read(reviewed)?;
    let merged = match merge(&dataset_text, &reviewed_text) {
        Ok(merged) => merged,
        Err(error) => {
            return Ok(Outcome {
                output: format!("{}: refused, {} left unchanged: {error}\n", reviewed.display(), dataset.display()),
                success: false,
            })
        }
    };
    // Write beside the file and rename, so that a failed write never leaves half a dataset.
    let mut temporary = dataset.as_os_str().to_owned();
    temporary.push(".adding");
    let temporary = PathBuf::from(temporary);
    std::fs::write(&temporary, &merged.text).map_err(|e| format!("cannot write {}: {e}", temporary.display()))?;
    if let Err(error) = std::fs::rename(&temporary, dataset) {
        let _ = std::fs::remove_file(&temporary);
        return Err(format!("cannot replace {}: {error}", dataset.display()));
    }
    Ok(Outcome {
        output: format!(
            "added {} sources, {} figures and {} countries to {} (now {} sources, {} figures)\n",
            merged.sources,
            merged.figures,
            merged.countries,
            dataset.display(),
            merged.total_sources,
            merged.total_figures
        ),
        success: true,
    })
}

/// Merges the reviewed file into the dataset file's text.
///
/// # Errors
/// An [`AddError`] naming the record and field at fault; nothing is merged then.
pub fn merge(dataset_text: &str, reviewed_text: &str) -> Result<Merged, AddError> {
    let baseline = load_dataset(dataset_text).map_err(|e| AddError::Dataset(e.to_string()))?;
    let mut dataset: RawDataset = serde_json::from_str(dataset_text)
        .map_err(|e| AddError::Dataset(format!("not in the format this tool writes ({e}); run eu-iom-data check on it")))?;
    let value: Value = serde_json::from_str(reviewed_text).map_err(|e| AddError::Reviewed(e.to_string()))?;
    check_fields(&value)?;
    let reviewed: Reviewed = serde_json::from_value(value).map_err(|e| AddError::Reviewed(e.to_string()))?;
    let mut countries = reviewed.countries.clone();
    check_records(&dataset, &reviewed, &mut countries)?;

    let added = (reviewed.sources.len(), reviewed.figures.len(), countries.len());
    dataset.sources.extend(reviewed.sources);
    dataset.figures.extend(reviewed.figures);
    dataset.countries.extend(countries);
    let text = dataset.to_pretty_json().map_err(|e| AddError::Dataset(e.to_string()))?;

    let loaded = load_dataset(&text).map_err(|e| AddError::Invalid { problems: vec![e.to_string()] })?;
    let mut known: Vec<String> = baseline.issues.iter().map(ToString::to_string).collect();
    let mut problems = Vec::new();
    for issue in loaded.issues.iter().map(ToString::to_string) {
        match known.iter().position(|k| *k == issue) {
            Some(at) => {
                known.remove(at);
            }
            None => problems.push(issue),
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

/// Refuses fields the format does not have, before serde would drop them silently.
fn check_fields(value: &Value) -> Result<(), AddError> {
    let root = value.as_object().ok_or_else(|| AddError::Reviewed("expected a JSON object".into()))?;
    if let Some(field) = root.keys().find(|k| !TOP_FIELDS.contains(&k.as_str())) {
        return Err(AddError::UnknownField { record: "the reviewed file".into(), field: field.clone() });
    }
    for (list, allowed, key) in [("sources", SOURCE_FIELDS, "id"), ("figures", FIGURE_FIELDS, "id"), ("countries", COUNTRY_FIELDS, "code")]
    {
        let Some(items) = root.get(list).and_then(Value::as_array) else { continue };
        for (index, item) in items.iter().enumerate() {
            let Some(map) = item.as_object() else { continue };
            if let Some(field) = map.keys().find(|k| !allowed.contains(&k.as_str())) {
                let id = map.get(key).and_then(Value::as_str).unwrap_or_default();
                return Err(AddError::UnknownField { record: record(list, index, id), field: field.clone() });
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

/// Placeholders, duplicate ids, repeated figures and conflicting countries. Countries the
/// dataset already lists under the same names are dropped from `countries` rather than refused.
fn check_records(dataset: &RawDataset, reviewed: &Reviewed, countries: &mut Vec<RawCountry>) -> Result<(), AddError> {
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
    let check_placeholders = |list: &str, index: usize, id: &str, value: Result<Value, serde_json::Error>| {
        let value = value.map_err(|e| AddError::Reviewed(e.to_string()))?;
        match value.as_object().and_then(placeholder) {
            Some((field, text)) => Err(AddError::Placeholder {
                record: record(list, index, id),
                allowed: allowed(&field),
                field,
                value: text.chars().take(80).collect(),
            }),
            None => Ok(()),
        }
    };

    let mut source_ids: Vec<&str> = Vec::new();
    for (index, source) in reviewed.sources.iter().enumerate() {
        check_placeholders("sources", index, &source.id, serde_json::to_value(source))?;
        let here = record("sources", index, &source.id);
        if dataset.sources.iter().any(|s| s.id == source.id) {
            return Err(AddError::DuplicateId { record: here, id: source.id.clone(), place: "the dataset" });
        }
        if source_ids.contains(&source.id.as_str()) {
            return Err(AddError::DuplicateId { record: here, id: source.id.clone(), place: "this file" });
        }
        source_ids.push(&source.id);
    }

    let mut figure_ids: Vec<&str> = Vec::new();
    for (index, figure) in reviewed.figures.iter().enumerate() {
        check_placeholders("figures", index, &figure.id, serde_json::to_value(figure))?;
        let here = record("figures", index, &figure.id);
        if dataset.figures.iter().any(|f| f.id == figure.id) {
            return Err(AddError::DuplicateId { record: here, id: figure.id.clone(), place: "the dataset" });
        }
        if figure_ids.contains(&figure.id.as_str()) {
            return Err(AddError::DuplicateId { record: here, id: figure.id.clone(), place: "this file" });
        }
        figure_ids.push(&figure.id);
        let same = |other: &&RawFigure| {
            other.source == figure.source
                && other.metric == figure.metric
                && other.value == figure.value
                && other.qualifier == figure.qualifier
                && other.period_end == figure.period_end
        };
        let earlier = reviewed.figures.iter().take(index);
        if let Some(other) = dataset.figures.iter().chain(earlier).find(same) {
            return Err(AddError::DuplicateFigure { record: here, other: other.id.clone() });
        }
    }

    countries.clear();
    let mut codes: Vec<&str> = Vec::new();
    for (index, country) in reviewed.countries.iter().enumerate() {
        check_placeholders("countries", index, &country.code, serde_json::to_value(country))?;
        let here = record("countries", index, &country.code);
        if codes.contains(&country.code.as_str()) {
            return Err(AddError::DuplicateId { record: here, id: country.code.clone(), place: "this file" });
        }
        codes.push(&country.code);
        match dataset.countries.iter().find(|c| c.code == country.code) {
            Some(existing) if existing == country => {}
            Some(_) => return Err(AddError::CountryConflict { record: here }),
            None => countries.push(country.clone()),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dataset::raw::RawSource;

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
}
