//! Raw → validated loading: turns the text of a dataset file into a [`Dataset`] plus the list of
//! records that were skipped or repaired, or a [`LoadError`] when nothing sensible can be shown.
//!
//! The file is read as loosely typed JSON first, so that one record with a wrong type costs that
//! record only, never the whole file. Records are checked in dependency order (vocabularies,
//! sources, figures, disagreements), so a figure whose source was skipped is skipped too, with
//! an issue saying why.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use crate::domain::dataset::date::{Date, DatePrecision};
use crate::domain::dataset::issue::{Issue, IssueKind, LoadError, RecordRef};
use crate::domain::dataset::model::{
    Country, Dataset, DatasetInfo, Disagreement, DisagreementKind, Figure, LocalName, Metric, Programme,
    PublisherKind, Qualifier, Region, Source, SourceKind, Unit,
};

/// The `schema` value every dataset file declares.
pub const SCHEMA: &str = "eu-iom-dashboard/figures";
/// The schema version this build reads and writes.
pub const SCHEMA_VERSION: u64 = 1;
/// Largest dataset file accepted, in bytes.
pub const MAX_BYTES: u64 = 48_000_000;
/// Largest value a figure may have (ten trillion): anything above is a data-entry error.
pub const MAX_VALUE: f64 = 1e13;
/// Longest text field accepted, in characters.
pub const MAX_TEXT_CHARS: usize = 4_000;

/// A dataset that loaded, with the problems met on the way.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Loaded {
    /// The usable records.
    pub dataset: Dataset,
    /// Records skipped or repaired, in file order.
    pub issues: Vec<Issue>,
}

impl Loaded {
    /// Number of records skipped.
    pub fn n_skipped(&self) -> usize {
        self.issues.iter().filter(|issue| !issue.kept).count()
    }
}

/// Validates the text of a dataset file.
///
/// # Errors
/// A [`LoadError`] when the text is empty, too large, not JSON, not a dataset of this schema
/// and version, or when no figure survives validation.
pub fn load_dataset(text: &str) -> Result<Loaded, LoadError> {
    check_size(text.len())?;
    // Editors on some systems save a byte-order mark; it is not part of the JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    let value: Value = serde_json::from_str(text).map_err(|error| LoadError::NotJson {
        line: error.line(),
        column: error.column(),
        detail: error.to_string().split(" at line").next().unwrap_or_default().to_string(),
    })?;
    load_value(&value)
}

/// Refuses empty and oversized files before any parsing.
///
/// # Errors
/// [`LoadError::Empty`] or [`LoadError::TooLarge`].
pub fn check_size(bytes: usize) -> Result<(), LoadError> {
    let bytes = bytes as u64;
    if bytes == 0 {
        return Err(LoadError::Empty);
    }
    if bytes > MAX_BYTES {
        return Err(LoadError::TooLarge { bytes, limit: MAX_BYTES });
    }
    Ok(())
}

/// Validates an already-parsed dataset document.
///
/// # Errors
/// As [`load_dataset`], except for the text-level errors.
pub fn load_value(value: &Value) -> Result<Loaded, LoadError> {
    let root = value.as_object().ok_or(LoadError::WrongShape { expected: "a JSON object" })?;
    check_schema(root)?;
    let mut validator = Validator::default();
    let info = validator.info(root.get("info"));
    let programmes = validator.vocabulary(root, "programmes", |id, name, short| Programme { id, name, short });
    let regions = validator.vocabulary(root, "regions", |id, name, _| Region { id, name });
    let countries = validator.countries(root);
    let sources = validator.sources(root)?;
    let vocabularies = Vocabularies::new(&programmes, &regions, &countries, &sources);
    let figures = validator.figures(root, &vocabularies, &sources)?;
    let disagreements = validator.disagreements(root, &figures);
    let dataset = Dataset { info, programmes, regions, countries, sources, figures, disagreements };
    if dataset.figures.is_empty() {
        return Err(LoadError::NoUsableFigures { skipped: validator.issues.iter().filter(|i| !i.kept).count() });
    }
    Ok(Loaded { dataset, issues: validator.issues })
}

fn check_schema(root: &Map<String, Value>) -> Result<(), LoadError> {
    let schema = root.get("schema").and_then(Value::as_str).unwrap_or_default();
    if schema != SCHEMA {
        return Err(LoadError::WrongSchema { found: schema.to_string() });
    }
    match root.get("schema_version") {
        Some(Value::Number(number)) if number.as_u64() == Some(SCHEMA_VERSION) => Ok(()),
        Some(other) => Err(LoadError::UnsupportedVersion { found: other.to_string() }),
        None => Err(LoadError::UnsupportedVersion { found: "(none)".into() }),
    }
}

/// Lookup tables from ids in the file to indices in the validated lists.
struct Vocabularies {
    programmes: HashMap<String, usize>,
    regions: HashMap<String, usize>,
    countries: HashMap<String, usize>,
    sources: HashMap<String, usize>,
}

impl Vocabularies {
    fn new(programmes: &[Programme], regions: &[Region], countries: &[Country], sources: &[Source]) -> Self {
        fn index<T>(items: &[T], key: impl Fn(&T) -> &str) -> HashMap<String, usize> {
            items.iter().enumerate().map(|(index, item)| (key(item).to_string(), index)).collect()
        }
        Vocabularies {
            programmes: index(programmes, |p| &p.id),
            regions: index(regions, |r| &r.id),
            countries: index(countries, |c| &c.code),
            sources: index(sources, |s| &s.id),
        }
    }
}

#[derive(Default)]
struct Validator {
    issues: Vec<Issue>,
}

/// Reads the fields of one record, collecting issues; `failed` is set by any fatal field.
struct Record<'a> {
    map: Option<&'a Map<String, Value>>,
    at: RecordRef,
    failed: bool,
    issues: Vec<Issue>,
}

impl<'a> Record<'a> {
    fn new(list: &'static str, index: usize, value: &'a Value) -> Self {
        let map = value.as_object();
        let id = map
            .and_then(|m| m.get("id").or_else(|| m.get("code")))
            .and_then(Value::as_str)
            .map(|id| id.chars().take(80).collect());
        let mut record = Record { map, at: RecordRef { list, index, id }, failed: false, issues: Vec::new() };
        if map.is_none() {
            record.fail(None, IssueKind::WrongType { expected: "an object" });
        }
        record
    }

    fn fail(&mut self, field: Option<&'static str>, kind: IssueKind) {
        self.failed = true;
        self.issues.push(Issue { record: self.at.clone(), field, kind, kept: false });
    }

    fn warn(&mut self, field: &'static str, kind: IssueKind) {
        self.issues.push(Issue { record: self.at.clone(), field: Some(field), kind, kept: true });
    }

    fn raw(&self, field: &str) -> Option<&'a Value> {
        self.map.and_then(|m| m.get(field)).filter(|v| !v.is_null())
    }

    /// A required, non-empty string.
    fn text(&mut self, field: &'static str) -> String {
        match self.raw(field) {
            None => {
                self.fail(Some(field), IssueKind::Missing);
                String::new()
            }
            Some(Value::String(text)) => {
                let trimmed = text.trim();
                if trimmed.is_empty() || trimmed.chars().count() > MAX_TEXT_CHARS {
                    self.fail(Some(field), IssueKind::BadText);
                }
                trimmed.to_string()
            }
            Some(_) => {
                self.fail(Some(field), IssueKind::WrongType { expected: "text" });
                String::new()
            }
        }
    }

    /// An optional string; a wrong type is reported and the field dropped.
    fn optional_text(&mut self, field: &'static str) -> Option<String> {
        match self.raw(field) {
            None => None,
            Some(Value::String(text)) if text.trim().is_empty() => None,
            Some(Value::String(text)) if text.chars().count() > MAX_TEXT_CHARS => {
                self.warn(field, IssueKind::BadText);
                None
            }
            Some(Value::String(text)) => Some(text.trim().to_string()),
            Some(_) => {
                self.warn(field, IssueKind::WrongType { expected: "text" });
                None
            }
        }
    }

    /// A required value from a closed vocabulary.
    fn choice<T>(&mut self, field: &'static str, parse: impl Fn(&str) -> Option<T>) -> Option<T> {
        let text = self.text(field);
        if text.is_empty() {
            return None;
        }
        let parsed = parse(&text);
        if parsed.is_none() {
            self.fail(Some(field), IssueKind::UnknownValue { found: text.chars().take(80).collect() });
        }
        parsed
    }

    fn date(&mut self, field: &'static str) -> Option<Date> {
        let text = self.text(field);
        if text.is_empty() {
            return None;
        }
        self.parse_date(field, &text)
    }

    fn optional_date(&mut self, field: &'static str) -> Option<Date> {
        match self.raw(field) {
            None => None,
            Some(Value::String(text)) => self.parse_date(field, text),
            Some(_) => {
                self.fail(Some(field), IssueKind::WrongType { expected: "a date (YYYY-MM-DD)" });
                None
            }
        }
    }

    fn parse_date(&mut self, field: &'static str, text: &str) -> Option<Date> {
        match Date::parse_iso(text) {
            Ok(date) => Some(date),
            Err(reason) => {
                self.fail(Some(field), IssueKind::BadDate { found: text.chars().take(40).collect(), reason });
                None
            }
        }
    }

    /// A required figure value: finite, not negative, plausible.
    fn value(&mut self, field: &'static str) -> f64 {
        let value = match self.raw(field) {
            None => {
                self.fail(Some(field), IssueKind::Missing);
                return 0.0;
            }
            Some(Value::Number(number)) => number.as_f64(),
            Some(Value::String(text)) if matches!(text.as_str(), "NaN" | "Infinity" | "-Infinity") => {
                self.fail(Some(field), IssueKind::NotFinite);
                return 0.0;
            }
            Some(_) => {
                self.fail(Some(field), IssueKind::WrongType { expected: "a number" });
                return 0.0;
            }
        };
        match value {
            Some(value) if !value.is_finite() => self.fail(Some(field), IssueKind::NotFinite),
            Some(value) if value < 0.0 => self.fail(Some(field), IssueKind::Negative { value }),
            Some(value) if value > MAX_VALUE => self.fail(Some(field), IssueKind::Implausible { value }),
            Some(value) => return value,
            None => self.fail(Some(field), IssueKind::NotFinite),
        }
        0.0
    }

    fn string_list(&mut self, field: &'static str) -> Vec<String> {
        match self.raw(field) {
            None => Vec::new(),
            Some(Value::Array(items)) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    match item.as_str() {
                        Some(text) => out.push(text.to_string()),
                        None => {
                            self.fail(Some(field), IssueKind::WrongType { expected: "a list of ids" });
                            return Vec::new();
                        }
                    }
                }
                out
            }
            Some(_) => {
                self.fail(Some(field), IssueKind::WrongType { expected: "a list of ids" });
                Vec::new()
            }
        }
    }

    fn url(&mut self, field: &'static str) -> String {
        let url = self.text(field);
        if !url.is_empty() && !is_web_address(&url) {
            self.fail(Some(field), IssueKind::BadUrl { found: url.chars().take(80).collect() });
        }
        url
    }

    fn id(&mut self, field: &'static str, seen: &mut HashSet<String>) -> String {
        let id = self.text(field);
        if !id.is_empty() && !seen.insert(id.clone()) {
            self.fail(Some(field), IssueKind::DuplicateId { id: id.clone() });
        }
        id
    }
}

/// True for `http://` and `https://` addresses with a host; anything else (`javascript:`,
/// relative paths, `data:`) must never become a link.
pub fn is_web_address(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty() && !url.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    }
}

impl Validator {
    fn finish<T>(&mut self, record: Record<'_>, item: T) -> Option<T> {
        let failed = record.failed;
        self.issues.extend(record.issues);
        (!failed).then_some(item)
    }

    fn list<'v>(&mut self, root: &'v Map<String, Value>, name: &'static str) -> &'v [Value] {
        match root.get(name) {
            Some(Value::Array(items)) => items,
            None | Some(Value::Null) => &[],
            Some(_) => {
                self.issues.push(Issue {
                    record: RecordRef { list: name, index: 0, id: None },
                    field: None,
                    kind: IssueKind::WrongType { expected: "a list" },
                    kept: false,
                });
                &[]
            }
        }
    }

    fn info(&mut self, value: Option<&Value>) -> DatasetInfo {
        let Some(value) = value else { return DatasetInfo::default() };
        let mut record = Record::new("info", 0, value);
        let info = DatasetInfo {
            title: record.optional_text("title").unwrap_or_default(),
            compiled: match record.raw("compiled") {
                Some(Value::String(text)) => Date::parse_iso(text).ok(),
                _ => None,
            },
            description: record.optional_text("description").unwrap_or_default(),
            licence: record.optional_text("licence").unwrap_or_default(),
        };
        // The info block is descriptive; its problems never cost data.
        record.failed = false;
        for issue in &mut record.issues {
            issue.kept = true;
        }
        self.finish(record, info).unwrap_or_default()
    }

    fn vocabulary<T>(
        &mut self,
        root: &Map<String, Value>,
        name: &'static str,
        build: impl Fn(String, LocalName, LocalName) -> T,
    ) -> Vec<T> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for (index, value) in self.list(root, name).iter().enumerate() {
            let mut record = Record::new(name, index, value);
            let id = record.id("id", &mut seen);
            let name = LocalName { en: record.text("name_en"), fr: record.text("name_fr") };
            let short = LocalName {
                en: record.optional_text("short_en").unwrap_or_else(|| name.en.clone()),
                fr: record.optional_text("short_fr").unwrap_or_else(|| name.fr.clone()),
            };
            if let Some(item) = self.finish(record, build(id, name, short)) {
                out.push(item);
            }
        }
        out
    }

    fn countries(&mut self, root: &Map<String, Value>) -> Vec<Country> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for (index, value) in self.list(root, "countries").iter().enumerate() {
            let mut record = Record::new("countries", index, value);
            let code = record.id("code", &mut seen);
            let is_alpha2 = code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase());
            if !code.is_empty() && !is_alpha2 {
                record.fail(Some("code"), IssueKind::UnknownValue { found: code.chars().take(20).collect() });
            }
            let name = LocalName { en: record.text("name_en"), fr: record.text("name_fr") };
            if let Some(country) = self.finish(record, Country { code, name }) {
                out.push(country);
            }
        }
        out
    }

    fn sources(&mut self, root: &Map<String, Value>) -> Result<Vec<Source>, LoadError> {
        if !matches!(root.get("sources"), Some(Value::Array(_))) {
            return Err(LoadError::WrongShape { expected: "a \"sources\" list" });
        }
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for (index, value) in self.list(root, "sources").iter().enumerate() {
            let mut record = Record::new("sources", index, value);
            let id = record.id("id", &mut seen);
            let date = record.date("date");
            let date_precision = match record.raw("date_precision") {
                None => {
                    record.warn("date_precision", IssueKind::Assumed { value: DatePrecision::Day.as_str() });
                    Some(DatePrecision::Day)
                }
                Some(_) => record.choice("date_precision", DatePrecision::parse),
            };
            let publisher = record.text("publisher");
            let publisher_kind = record.choice("publisher_kind", PublisherKind::from_id);
            if let (Some(kind), Some(official)) = (publisher_kind, record.raw("official")) {
                if official.as_bool() != Some(kind.is_official()) {
                    record.warn("official", IssueKind::Inconsistent { other: "publisher_kind" });
                }
            }
            let title = record.text("title");
            let title_note = record.optional_text("title_note");
            let url = record.url("url");
            let language = record.text("language");
            let kind = record.choice("kind", SourceKind::from_id);
            let note = record.optional_text("note");
            let (Some(date), Some(date_precision), Some(publisher_kind), Some(kind)) =
                (date, date_precision, publisher_kind, kind)
            else {
                record.failed = true;
                self.issues.extend(record.issues);
                continue;
            };
            let source = Source {
                id,
                date,
                date_precision,
                publisher,
                publisher_kind,
                title,
                title_note,
                url,
                language,
                kind,
                note,
            };
            if let Some(source) = self.finish(record, source) {
                out.push(source);
            }
        }
        Ok(out)
    }

    fn figures(
        &mut self,
        root: &Map<String, Value>,
        vocabularies: &Vocabularies,
        sources: &[Source],
    ) -> Result<Vec<Figure>, LoadError> {
        if !matches!(root.get("figures"), Some(Value::Array(_))) {
            return Err(LoadError::WrongShape { expected: "a \"figures\" list" });
        }
        let mut seen = HashSet::new();
        let items = self.list(root, "figures");
        let mut out = Vec::with_capacity(items.len());
        for (index, value) in items.iter().enumerate() {
            let mut record = Record::new("figures", index, value);
            let id = record.id("id", &mut seen);
            let source = reference(&mut record, "source", &vocabularies.sources);
            let metric = record.choice("metric", Metric::from_id);
            let detail = record.text("metric_detail");
            let detail_fr = record.optional_text("metric_detail_fr");
            let value = record.value("value");
            let unit = match (record.raw("unit"), metric.map(Metric::default_unit)) {
                (None, Some(unit)) => {
                    record.warn("unit", IssueKind::Assumed { value: unit.id() });
                    Some(unit)
                }
                (None, None) => None,
                (Some(_), _) => record.choice("unit", Unit::from_id),
            };
            let qualifier = record.choice("qualifier", Qualifier::from_id);
            let period_start = record.optional_date("period_start");
            let period_end = record.optional_date("period_end");
            let cumulative_since = record.optional_date("cumulative_since");
            if let (Some(start), Some(end)) = (period_start, period_end) {
                if end < start {
                    record.fail(Some("period_end"), IssueKind::InvertedPeriod);
                }
            }
            let programme_label = record.text("programme");
            let programme = reference(&mut record, "programme_id", &vocabularies.programmes);
            let mut regions = Vec::new();
            for region in record.string_list("regions") {
                match vocabularies.regions.get(&region) {
                    Some(index) => regions.push(*index),
                    None => record.fail(Some("regions"), IssueKind::Dangling { target: region }),
                }
            }
            let country = match record.raw("country") {
                None => None,
                Some(_) => reference(&mut record, "country", &vocabularies.countries),
            };
            let note = record.optional_text("note").unwrap_or_default();
            let (Some(source), Some(metric), Some(unit), Some(qualifier), Some(programme)) =
                (source, metric, unit, qualifier, programme)
            else {
                record.failed = true;
                self.issues.extend(record.issues);
                continue;
            };
            let Some(source_record) = sources.get(source) else {
                record.fail(Some("source"), IssueKind::Dangling { target: String::new() });
                self.issues.extend(record.issues);
                continue;
            };
            let (as_of, as_of_precision) = match period_end {
                Some(end) if end != source_record.date => (end, DatePrecision::Day),
                _ => (source_record.date, source_record.date_precision),
            };
            let figure = Figure {
                id,
                source,
                metric,
                detail,
                detail_fr,
                value,
                unit,
                qualifier,
                period_start,
                period_end,
                cumulative_since,
                programme_label,
                programme,
                regions,
                country,
                note,
                as_of,
                as_of_precision,
            };
            if let Some(figure) = self.finish(record, figure) {
                out.push(figure);
            }
        }
        Ok(out)
    }

    fn disagreements(&mut self, root: &Map<String, Value>, figures: &[Figure]) -> Vec<Disagreement> {
        let by_id: HashMap<&str, usize> =
            figures.iter().enumerate().map(|(index, figure)| (figure.id.as_str(), index)).collect();
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for (index, value) in self.list(root, "disagreements").iter().enumerate() {
            let mut record = Record::new("disagreements", index, value);
            let id = record.id("id", &mut seen);
            let kind = record.choice("kind", DisagreementKind::from_id);
            let mut members = Vec::new();
            for figure in record.string_list("figures") {
                match by_id.get(figure.as_str()) {
                    Some(index) => members.push(*index),
                    None => record.fail(Some("figures"), IssueKind::Dangling { target: figure }),
                }
            }
            let note = LocalName { en: record.text("note_en"), fr: record.text("note_fr") };
            let Some(kind) = kind else {
                record.failed = true;
                self.issues.extend(record.issues);
                continue;
            };
            if let Some(disagreement) = self.finish(record, Disagreement { id, kind, figures: members, note }) {
                out.push(disagreement);
            }
        }
        out
    }
}

/// Resolves a reference field to an index, failing the record when it dangles.
fn reference(record: &mut Record<'_>, field: &'static str, table: &HashMap<String, usize>) -> Option<usize> {
    let id = record.text(field);
    if id.is_empty() {
        return None;
    }
    let found = table.get(&id).copied();
    if found.is_none() {
        record.fail(Some(field), IssueKind::Dangling { target: id.chars().take(80).collect() });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use crate::domain::lang::Lang;

    fn minimal() -> Value {
        json!({
            "schema": SCHEMA,
            "schema_version": 1,
            "programmes": [{"id": "ji", "name_en": "Joint Initiative", "name_fr": "Initiative conjointe"}],
            "regions": [{"id": "north-africa", "name_en": "North Africa", "name_fr": "Afrique du Nord"}],
            "countries": [{"code": "LY", "name_en": "Libya", "name_fr": "Libye"}],
            "sources": [{
                "id": "s1", "date": "2020-10-13", "date_precision": "day", "publisher": "EEAS", "publisher_kind": "eu", "official": true,
                "title": "Release", "url": "https://example.org/r", "language": "fr", "kind": "press-release"
            }],
            "figures": [figure("f1", 84000.0)]
        })
    }

    fn figure(id: &str, value: f64) -> Value {
        json!({
            "id": id, "source": "s1", "metric": "migrants_returned", "metric_detail": "returned",
            "value": value, "unit": "count", "qualifier": "more_than", "programme": "JI", "programme_id": "ji",
            "regions": ["north-africa"], "country": "LY", "period_end": "2020-10-13"
        })
    }

    fn with_figure(edit: impl FnOnce(&mut Map<String, Value>)) -> Value {
        let mut doc = minimal();
        let mut extra = figure("f2", 10.0);
        if let Some(map) = extra.as_object_mut() {
            edit(map);
        }
        doc["figures"].as_array_mut().unwrap().push(extra);
        doc
    }

    /// Loads a document with one good and one edited figure; returns the single issue raised.
    fn single_issue(edit: impl FnOnce(&mut Map<String, Value>)) -> Issue {
        let loaded = load_value(&with_figure(edit)).unwrap();
        assert_eq!(loaded.dataset.figures().len(), 1, "the good figure still loads");
        assert_eq!(loaded.issues.len(), 1, "{:?}", loaded.issues);
        loaded.issues[0].clone()
    }

    #[test]
    fn loads_a_minimal_dataset() {
        let loaded = load_value(&minimal()).unwrap();
        assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
        let dataset = &loaded.dataset;
        let figure = &dataset.figures()[0];
        assert_eq!(figure.value(), 84000.0);
        assert_eq!(figure.qualifier(), Qualifier::MoreThan);
        assert_eq!(figure.unit(), Unit::Count);
        assert_eq!(dataset.source_of(figure).unwrap().id(), "s1");
        assert_eq!(dataset.country_of(figure).unwrap().code(), "LY");
        assert_eq!(figure.as_of().to_string(), "2020-10-13");
        assert!(dataset.sources()[0].is_official());
    }

    #[test]
    fn a_missing_unit_or_date_precision_is_reported_with_what_was_taken() {
        let mut doc = with_figure(|f| {
            f.remove("unit");
        });
        doc["sources"][0].as_object_mut().unwrap().remove("date_precision");
        let loaded = load_value(&doc).unwrap();
        assert_eq!(loaded.dataset.figures().len(), 2, "kept");
        let messages: Vec<String> = loaded.issues.iter().map(|i| i.message(Lang::En)).collect();
        assert_eq!(
            messages,
            [
                "sources[0] \"s1\": field \"date_precision\" is missing; taken as \"day\" (kept)",
                "figures[1] \"f2\": field \"unit\" is missing; taken as \"count\" (kept)",
            ]
        );
        assert_eq!(loaded.issues[1].message(Lang::Fr), "figures[1] \"f2\": le champ « unit » manque ; pris comme « count » (conservé)");
    }

    #[test]
    fn the_french_wording_is_optional_and_english_stands_in_for_it() {
        let loaded = load_value(&with_figure(|f| {
            f.insert("metric_detail_fr".into(), json!(" rentrés "));
        }))
        .unwrap();
        assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
        let [without, with] = loaded.dataset.figures() else { panic!("two figures") };
        assert_eq!(with.detail_in(Lang::Fr), ("rentrés", Lang::Fr));
        assert_eq!(with.detail_in(Lang::En), ("returned", Lang::En));
        assert_eq!(without.detail_in(Lang::Fr), ("returned", Lang::En), "marked as English text");
        let loaded = load_value(&with_figure(|f| {
            f.insert("metric_detail_fr".into(), json!(["rentrés"]));
        }))
        .unwrap();
        assert_eq!(loaded.dataset.figures().len(), 2, "a bad French wording drops the wording, not the figure");
        let [issue] = loaded.issues.as_slice() else { panic!("one issue: {:?}", loaded.issues) };
        assert_eq!((issue.field, &issue.kind, issue.kept), (Some("metric_detail_fr"), &IssueKind::WrongType { expected: "text" }, true));
    }

    #[test]
    fn unknown_metric_skips_the_figure() {
        let issue = single_issue(|f| {
            f.insert("metric".into(), json!("happiness"));
        });
        assert_eq!(issue.field, Some("metric"));
        assert_eq!(issue.kind, IssueKind::UnknownValue { found: "happiness".into() });
        assert!(!issue.kept);
        assert_eq!(issue.to_string(), "figures[1] \"f2\": unknown metric \"happiness\" (skipped)");
    }

    #[test]
    fn negative_value_skips_the_figure() {
        let issue = single_issue(|f| {
            f.insert("value".into(), json!(-5));
        });
        assert_eq!(issue.kind, IssueKind::Negative { value: -5.0 });
    }

    #[test]
    fn non_finite_and_implausible_values_skip_the_figure() {
        let issue = single_issue(|f| {
            f.insert("value".into(), json!("NaN"));
        });
        assert_eq!(issue.kind, IssueKind::NotFinite);
        let issue = single_issue(|f| {
            f.insert("value".into(), json!(1e300));
        });
        assert!(matches!(issue.kind, IssueKind::Implausible { .. }));
        let issue = single_issue(|f| {
            f.insert("value".into(), json!("84000"));
        });
        assert_eq!(issue.kind, IssueKind::WrongType { expected: "a number" });
    }

    #[test]
    fn non_finite_literals_are_not_json() {
        let text = serde_json::to_string(&minimal()).unwrap().replace("84000.0", "NaN");
        assert!(matches!(load_dataset(&text), Err(LoadError::NotJson { .. })));
    }

    #[test]
    fn dangling_references_skip_the_figure() {
        let issue = single_issue(|f| {
            f.insert("source".into(), json!("nowhere"));
        });
        assert_eq!(issue.kind, IssueKind::Dangling { target: "nowhere".into() });
        assert_eq!(issue.field, Some("source"));
        let issue = single_issue(|f| {
            f.insert("country".into(), json!("ZZ"));
        });
        assert_eq!(issue.field, Some("country"));
        let issue = single_issue(|f| {
            f.insert("regions".into(), json!(["atlantis"]));
        });
        assert_eq!(issue.field, Some("regions"));
    }

    #[test]
    fn duplicate_ids_keep_the_first_record() {
        let issue = single_issue(|f| {
            f.insert("id".into(), json!("f1"));
        });
        assert_eq!(issue.kind, IssueKind::DuplicateId { id: "f1".into() });
    }

    #[test]
    fn bad_dates_skip_the_figure() {
        let issue = single_issue(|f| {
            f.insert("period_end".into(), json!("2019-02-30"));
        });
        assert!(matches!(issue.kind, IssueKind::BadDate { .. }));
        let issue = single_issue(|f| {
            f.insert("period_start".into(), json!("2021-01-01"));
        });
        assert_eq!(issue.kind, IssueKind::InvertedPeriod);
    }

    #[test]
    fn figures_of_a_skipped_source_are_skipped_too() {
        let mut doc = minimal();
        doc["sources"][0]["date"] = json!("13/10/2020");
        let error = load_value(&doc).unwrap_err();
        assert_eq!(error, LoadError::NoUsableFigures { skipped: 2 });
    }

    #[test]
    fn links_must_be_web_addresses() {
        let mut doc = minimal();
        let mut bad = doc["sources"][0].clone();
        bad["id"] = json!("s2");
        bad["url"] = json!("javascript:alert(1)");
        doc["sources"].as_array_mut().unwrap().push(bad);
        let loaded = load_value(&doc).unwrap();
        assert_eq!(loaded.dataset.sources().len(), 1);
        assert!(matches!(loaded.issues[0].kind, IssueKind::BadUrl { .. }));
        assert!(is_web_address("https://eeas.europa.eu/x?y=1"));
        assert!(!is_web_address("https://"));
        assert!(!is_web_address("data:text/html,hi"));
        assert!(!is_web_address("https://exa mple.org"));
    }

    #[test]
    fn whole_file_errors_are_fatal() {
        assert_eq!(load_dataset(""), Err(LoadError::Empty));
        assert!(matches!(load_dataset("{\"schema\": "), Err(LoadError::NotJson { line: 1, .. })));
        assert_eq!(load_dataset("[]"), Err(LoadError::WrongShape { expected: "a JSON object" }));
        assert_eq!(load_dataset("{}"), Err(LoadError::WrongSchema { found: String::new() }));
        let mut doc = minimal();
        doc["schema_version"] = json!(2);
        assert_eq!(load_value(&doc), Err(LoadError::UnsupportedVersion { found: "2".into() }));
        let mut doc = minimal();
        doc["figures"] = json!({});
        assert_eq!(load_value(&doc), Err(LoadError::WrongShape { expected: "a \"figures\" list" }));
    }

    #[test]
    fn messages_exist_in_french() {
        let issue = single_issue(|f| {
            f.insert("metric".into(), json!("bonheur"));
        });
        assert_eq!(issue.message(crate::domain::lang::Lang::Fr), "figures[1] \"f2\": valeur inconnue pour metric : « bonheur » (ignoré)");
        assert_eq!(LoadError::Empty.message(crate::domain::lang::Lang::Fr), "le fichier de données est vide");
    }
}
