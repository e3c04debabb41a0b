//! Raw → validated loading: turns the text of a dataset file into a [`Dataset`] plus the list of
//! records that were skipped or repaired, or a [`LoadError`] when nothing sensible can be shown.
//!
//! The file is read in one pass, through the envelope every dashboard file shares
//! ([`FileSpec::read`]), into lenient records ([`crate::domain::dataset::raw`]) that keep each
//! field as the file gives it, so that one record with a wrong type costs that record only,
//! never the whole file. Records are checked in dependency
//! order (vocabularies, sources, figures, disagreements), so a figure whose source was skipped is
//! skipped too, with an issue saying why.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use serde_json::Value;

use crate::domain::dataset::date::{Date, DatePrecision};
use crate::domain::dataset::issue::{Issue, IssueKind, LoadError, RecordRef};
use crate::domain::dataset::model::{
    Position, Country, Dataset, DatasetInfo, Disagreement, DisagreementKind, Figure, Ids, LocalName, Metric, Parts, Programme,
    PublisherKind, Qualifier, Region, Source, SourceKind, Unit,
};
use crate::domain::dataset::raw::{CountryRecord, DatasetLists, DisagreementRecord, FigureRecord, InfoRecord, NameRecord, SourceRecord};
use crate::domain::dataset::json::{FileSpec, Item, List, Raw};

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
/// Longest source `reference` accepted, in characters (`UNIQUE ID: 201013_8` has 19).
pub const MAX_REFERENCE_CHARS: usize = 60;

/// A dataset that loaded, with the problems met on the way.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Loaded {
    /// The usable records, shared as they are by every view that shows them.
    pub dataset: Arc<Dataset>,
    /// Records skipped or repaired, in file order.
    pub issues: Vec<Issue>,
}

impl Loaded {
    /// Number of records skipped.
    pub fn n_skipped(&self) -> usize {
        self.issues.iter().filter(|issue| !issue.kept).count()
    }
}

/// What a dataset file must be: its schema, version and size limit (the checks every file of
/// the dashboard shares).
pub const DATASET_FILE: FileSpec = FileSpec { schema: SCHEMA, version: SCHEMA_VERSION, max_bytes: MAX_BYTES };

/// Validates the text of a dataset file.
///
/// # Errors
/// A [`LoadError`] when the text is empty, too large, not JSON, not a dataset of this schema
/// and version, or when no figure survives validation.
pub fn load_dataset(text: &str) -> Result<Loaded, LoadError> {
    validate(&DATASET_FILE.read(text)?)
}

/// [`load_dataset`] without the size limit, for measuring the core on files the app refuses.
///
/// # Errors
/// As [`load_dataset`], except [`crate::domain::dataset::json::FileError::TooLarge`].
pub fn load_unlimited(text: &str) -> Result<Loaded, LoadError> {
    validate(&FileSpec { max_bytes: u64::MAX, ..DATASET_FILE }.read(text)?)
}

/// Validates an already-parsed dataset document.
///
/// # Errors
/// As [`load_dataset`], except for the text-level errors.
pub fn load_value(value: &Value) -> Result<Loaded, LoadError> {
    validate(&DATASET_FILE.read_value(value)?)
}

fn validate(lists: &DatasetLists<'_>) -> Result<Loaded, LoadError> {
    let mut validator = Validator::default();
    let info = validator.info(lists.info.as_ref());
    let programmes = validator.vocabulary("programmes", &lists.programmes, |id, name, short| Programme { id, name, short });
    let regions = validator.vocabulary("regions", &lists.regions, |id, name, _| Region { id, name });
    let countries = validator.countries(&lists.countries);
    let sources = validator.sources(&lists.sources)?;
    let ids = Ids::new(&programmes, &regions, &countries, &sources);
    let figures = validator.figures(&lists.figures, &ids, &sources)?;
    let disagreements = validator.disagreements(&lists.disagreements, &figures);
    let dataset = Dataset::new(Parts { info, programmes, regions, countries, sources, figures, disagreements, ids });
    if dataset.figures.is_empty() {
        return Err(LoadError::NoUsableFigures { skipped: validator.issues.iter().filter(|i| !i.kept).count() });
    }
    Ok(Loaded { dataset: Arc::new(dataset), issues: validator.issues })
}

#[derive(Default)]
struct Validator {
    issues: Vec<Issue>,
}

/// Checks the fields of one record, collecting issues; `failed` is set by any fatal field.
struct Record<'r> {
    list: &'static str,
    index: usize,
    /// The record's `id` (else its `code`) as written, to name it in issues.
    id: Option<&'r str>,
    failed: bool,
    issues: Vec<Issue>,
}

impl<'r> Record<'r> {
    /// A record read from an object, named by its `id` field, else its `code` field.
    fn new(list: &'static str, index: usize, id: &'r Raw<'_>, code: &'r Raw<'_>) -> Self {
        let id = match id {
            Raw::Absent => code.as_text(),
            given => given.as_text(),
        };
        Record { list, index, id, failed: false, issues: Vec::new() }
    }

    /// A list item that is not an object: it fails, and its fields read as absent.
    fn not_object(list: &'static str, index: usize) -> Self {
        let mut record = Record { list, index, id: None, failed: false, issues: Vec::new() };
        record.fail(None, IssueKind::WrongType { expected: "an object" });
        record
    }

    /// An object item with its record checker, or a non-object one checked as an empty record.
    fn of<'i, R>(
        list: &'static str,
        index: usize,
        item: &'i Item<R>,
        empty: &'i R,
        name: impl Fn(&'i R) -> (&'i Raw<'i>, &'i Raw<'i>),
    ) -> (&'i R, Record<'i>) {
        match item {
            Item::Object(fields) => {
                let (id, code) = name(fields);
                (fields, Record::new(list, index, id, code))
            }
            Item::NotObject => (empty, Record::not_object(list, index)),
        }
    }

    fn at(&self) -> RecordRef {
        RecordRef { list: self.list, index: self.index, id: self.id.map(|id| id.chars().take(80).collect()), line: None }
    }

    fn fail(&mut self, field: Option<&'static str>, kind: IssueKind) {
        self.failed = true;
        let record = self.at();
        self.issues.push(Issue { record, field, kind, kept: false });
    }

    fn warn(&mut self, field: &'static str, kind: IssueKind) {
        let record = self.at();
        self.issues.push(Issue { record, field: Some(field), kind, kept: true });
    }

    /// A required, non-empty string, trimmed.
    fn text<'v>(&mut self, field: &'static str, raw: &'v Raw<'_>) -> &'v str {
        match raw {
            Raw::Absent | Raw::Null => {
                self.fail(Some(field), IssueKind::Missing);
                ""
            }
            Raw::Text(text) => {
                let trimmed = text.trim();
                if trimmed.is_empty() || too_long(trimmed) {
                    self.fail(Some(field), IssueKind::BadText);
                }
                trimmed
            }
            _ => {
                self.fail(Some(field), IssueKind::WrongType { expected: "text" });
                ""
            }
        }
    }

    /// An optional string; a wrong type is reported and the field dropped.
    fn optional_text<'v>(&mut self, field: &'static str, raw: &'v Raw<'_>) -> Option<&'v str> {
        match raw {
            Raw::Absent | Raw::Null => None,
            Raw::Text(text) if text.trim().is_empty() => None,
            Raw::Text(text) if too_long(text) => {
                self.warn(field, IssueKind::BadText);
                None
            }
            Raw::Text(text) => Some(text.trim()),
            _ => {
                self.warn(field, IssueKind::WrongType { expected: "text" });
                None
            }
        }
    }

    /// An optional release reference: one trimmed line of 1 to [`MAX_REFERENCE_CHARS`]
    /// characters. Anything else is reported and the field dropped; the record is kept.
    fn reference_text<'v>(&mut self, field: &'static str, raw: &'v Raw<'_>) -> Option<&'v str> {
        match raw {
            Raw::Absent | Raw::Null => None,
            Raw::Text(text) => {
                let trimmed = text.trim();
                let chars = trimmed.chars().count();
                if chars == 0 || chars > MAX_REFERENCE_CHARS || trimmed.chars().any(char::is_control) {
                    self.warn(field, IssueKind::BadReference { found: trimmed.chars().take(40).collect() });
                    return None;
                }
                Some(trimmed)
            }
            _ => {
                self.warn(field, IssueKind::WrongType { expected: "text" });
                None
            }
        }
    }

    /// A required value from a closed vocabulary.
    fn choice<T>(&mut self, field: &'static str, raw: &Raw<'_>, parse: impl Fn(&str) -> Option<T>) -> Option<T> {
        let text = self.text(field, raw);
        if text.is_empty() {
            return None;
        }
        let parsed = parse(text);
        if parsed.is_none() {
            self.fail(Some(field), IssueKind::UnknownValue { found: text.chars().take(80).collect() });
        }
        parsed
    }

    fn date(&mut self, field: &'static str, raw: &Raw<'_>) -> Option<Date> {
        let text = self.text(field, raw);
        if text.is_empty() {
            return None;
        }
        self.parse_date(field, text)
    }

    fn optional_date(&mut self, field: &'static str, raw: &Raw<'_>) -> Option<Date> {
        match raw {
            Raw::Absent | Raw::Null => None,
            Raw::Text(text) => self.parse_date(field, text),
            _ => {
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
    fn value(&mut self, field: &'static str, raw: &Raw<'_>) -> f64 {
        let value = match raw {
            Raw::Absent | Raw::Null => {
                self.fail(Some(field), IssueKind::Missing);
                return 0.0;
            }
            Raw::Number(number) => *number,
            Raw::Text(text) if matches!(text.as_ref(), "NaN" | "Infinity" | "-Infinity") => {
                self.fail(Some(field), IssueKind::NotFinite);
                return 0.0;
            }
            _ => {
                self.fail(Some(field), IssueKind::WrongType { expected: "a number" });
                return 0.0;
            }
        };
        match value {
            value if !value.is_finite() => self.fail(Some(field), IssueKind::NotFinite),
            value if value < 0.0 => self.fail(Some(field), IssueKind::Negative { value }),
            value if value > MAX_VALUE => self.fail(Some(field), IssueKind::Implausible { value }),
            value => return value,
        }
        0.0
    }

    /// An optional list of ids (empty when absent).
    fn string_list<'v>(&mut self, field: &'static str, raw: &'v Raw<'_>) -> &'v [Cow<'v, str>] {
        match raw {
            Raw::Absent | Raw::Null => &[],
            Raw::Texts(items) => items,
            _ => {
                self.fail(Some(field), IssueKind::WrongType { expected: "a list of ids" });
                &[]
            }
        }
    }

    fn url<'v>(&mut self, field: &'static str, raw: &'v Raw<'_>) -> &'v str {
        let url = self.text(field, raw);
        if !url.is_empty() && !is_web_address(url) {
            self.fail(Some(field), IssueKind::BadUrl { found: url.chars().take(80).collect() });
        }
        url
    }

    fn id<'v>(&mut self, field: &'static str, raw: &'v Raw<'_>, seen: &mut HashSet<&'v str>) -> &'v str {
        let id = self.text(field, raw);
        if !id.is_empty() && !seen.insert(id) {
            self.fail(Some(field), IssueKind::DuplicateId { id: id.to_string() });
        }
        id
    }

    /// Resolves a reference field to an index, failing the record when it dangles.
    fn reference<T>(&mut self, field: &'static str, raw: &Raw<'_>, table: &HashMap<String, Position<T>>) -> Option<Position<T>> {
        let id = self.text(field, raw);
        if id.is_empty() {
            return None;
        }
        let found = table.get(id).copied();
        if found.is_none() {
            self.fail(Some(field), IssueKind::Dangling { target: id.chars().take(80).collect() });
        }
        found
    }
}

/// More than [`MAX_TEXT_CHARS`] characters (counted only when the bytes could be that many).
fn too_long(text: &str) -> bool {
    text.len() > MAX_TEXT_CHARS && text.chars().count() > MAX_TEXT_CHARS
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

    /// Drops a record whose required fields were not all usable.
    fn drop_record(&mut self, mut record: Record<'_>) {
        record.failed = true;
        self.issues.extend(record.issues);
    }

    /// The items of a list; one that is not a list is reported and read as empty.
    fn list<'l, R>(&mut self, name: &'static str, list: &'l List<R>) -> &'l [Item<R>] {
        match list {
            List::Items(items) => items,
            List::Absent | List::Null => &[],
            List::Other => {
                self.issues.push(Issue {
                    record: RecordRef { list: name, index: 0, id: None, line: None },
                    field: None,
                    kind: IssueKind::WrongType { expected: "a list" },
                    kept: false,
                });
                &[]
            }
        }
    }

    fn info(&mut self, item: Option<&Item<InfoRecord<'_>>>) -> DatasetInfo {
        let Some(item) = item else { return DatasetInfo::default() };
        let empty = InfoRecord::default();
        let (fields, mut record) = Record::of("info", 0, item, &empty, |r| (&r.id, &r.code));
        let info = DatasetInfo {
            title: record.optional_text("title", &fields.title).unwrap_or_default().to_string(),
            compiled: fields.compiled.as_text().and_then(|text| Date::parse_iso(text).ok()),
            description: record.optional_text("description", &fields.description).unwrap_or_default().to_string(),
            licence: record.optional_text("licence", &fields.licence).unwrap_or_default().to_string(),
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
        name: &'static str,
        list: &List<NameRecord<'_>>,
        build: impl Fn(String, LocalName, LocalName) -> T,
    ) -> Vec<T> {
        let empty = NameRecord::default();
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for (index, item) in self.list(name, list).iter().enumerate() {
            let (fields, mut record) = Record::of(name, index, item, &empty, |r| (&r.id, &r.code));
            let id = record.id("id", &fields.id, &mut seen).to_string();
            let name = LocalName { en: record.text("name_en", &fields.name_en).into(), fr: record.text("name_fr", &fields.name_fr).into() };
            let short = LocalName {
                en: record.optional_text("short_en", &fields.short_en).map_or_else(|| name.en.clone(), str::to_string),
                fr: record.optional_text("short_fr", &fields.short_fr).map_or_else(|| name.fr.clone(), str::to_string),
            };
            if let Some(item) = self.finish(record, build(id, name, short)) {
                out.push(item);
            }
        }
        out
    }

    fn countries(&mut self, list: &List<CountryRecord<'_>>) -> Vec<Country> {
        let empty = CountryRecord::default();
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for (index, item) in self.list("countries", list).iter().enumerate() {
            let (fields, mut record) = Record::of("countries", index, item, &empty, |r| (&r.id, &r.code));
            let code = record.id("code", &fields.code, &mut seen);
            let is_alpha2 = code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase());
            if !code.is_empty() && !is_alpha2 {
                record.fail(Some("code"), IssueKind::UnknownValue { found: code.chars().take(20).collect() });
            }
            let code = code.to_string();
            let name = LocalName { en: record.text("name_en", &fields.name_en).into(), fr: record.text("name_fr", &fields.name_fr).into() };
            if let Some(country) = self.finish(record, Country { code, name }) {
                out.push(country);
            }
        }
        out
    }

    fn sources(&mut self, list: &List<SourceRecord<'_>>) -> Result<Vec<Source>, LoadError> {
        if !matches!(list, List::Items(_)) {
            return Err(LoadError::WrongShape { expected: "a \"sources\" list" });
        }
        let empty = SourceRecord::default();
        let mut seen = HashSet::new();
        let items = self.list("sources", list);
        let mut out = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            let (fields, mut record) = Record::of("sources", index, item, &empty, |r| (&r.id, &r.code));
            let id = record.id("id", &fields.id, &mut seen);
            let date = record.date("date", &fields.date);
            let date_precision = match fields.date_precision.is_given() {
                false => {
                    record.warn("date_precision", IssueKind::Assumed { value: DatePrecision::Day.as_str() });
                    Some(DatePrecision::Day)
                }
                true => record.choice("date_precision", &fields.date_precision, DatePrecision::parse),
            };
            let publisher = record.text("publisher", &fields.publisher);
            let publisher_kind = record.choice("publisher_kind", &fields.publisher_kind, PublisherKind::from_id);
            if let Some(kind) = publisher_kind {
                if fields.official.is_given() && !matches!(fields.official, Raw::Bool(official) if official == kind.is_official()) {
                    record.warn("official", IssueKind::Inconsistent { other: "publisher_kind" });
                }
            }
            let title = record.text("title", &fields.title);
            let title_note = record.optional_text("title_note", &fields.title_note);
            let reference = record.reference_text("reference", &fields.reference);
            let url = record.url("url", &fields.url);
            let language = record.text("language", &fields.language);
            let kind = record.choice("kind", &fields.kind, SourceKind::from_id);
            let note = record.optional_text("note", &fields.note);
            let (Some(date), Some(date_precision), Some(publisher_kind), Some(kind)) = (date, date_precision, publisher_kind, kind) else {
                self.drop_record(record);
                continue;
            };
            let source = Source {
                id: id.to_string(),
                date,
                date_precision,
                publisher: publisher.to_string(),
                publisher_kind,
                title: title.to_string(),
                title_note: title_note.map(str::to_string),
                reference: reference.map(str::to_string),
                url: url.to_string(),
                language: language.to_string(),
                kind,
                note: note.map(str::to_string),
            };
            if let Some(source) = self.finish(record, source) {
                out.push(source);
            }
        }
        Ok(out)
    }

    fn figures(&mut self, list: &List<FigureRecord<'_>>, ids: &Ids, sources: &[Source]) -> Result<Vec<Figure>, LoadError> {
        if !matches!(list, List::Items(_)) {
            return Err(LoadError::WrongShape { expected: "a \"figures\" list" });
        }
        let empty = FigureRecord::default();
        let mut seen = HashSet::new();
        let items = self.list("figures", list);
        seen.reserve(items.len());
        let mut out = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            let (fields, mut record) = Record::of("figures", index, item, &empty, |r| (&r.id, &r.code));
            let id = record.id("id", &fields.id, &mut seen);
            let source = record.reference("source", &fields.source, &ids.sources);
            let metric = record.choice("metric", &fields.metric, Metric::from_id);
            let detail = record.text("metric_detail", &fields.metric_detail);
            let detail_fr = record.optional_text("metric_detail_fr", &fields.metric_detail_fr);
            let value = record.value("value", &fields.value);
            let unit = match (fields.unit.is_given(), metric.map(Metric::default_unit)) {
                (false, Some(unit)) => {
                    record.warn("unit", IssueKind::Assumed { value: unit.id() });
                    Some(unit)
                }
                (false, None) => None,
                (true, _) => record.choice("unit", &fields.unit, Unit::from_id),
            };
            let qualifier = record.choice("qualifier", &fields.qualifier, Qualifier::from_id);
            let period_start = record.optional_date("period_start", &fields.period_start);
            let period_end = record.optional_date("period_end", &fields.period_end);
            let cumulative_since = record.optional_date("cumulative_since", &fields.cumulative_since);
            if let (Some(start), Some(end)) = (period_start, period_end) {
                if end < start {
                    record.fail(Some("period_end"), IssueKind::InvertedPeriod);
                }
            }
            let programme_label = record.text("programme", &fields.programme);
            let programme = record.reference("programme_id", &fields.programme_id, &ids.programmes);
            let mut regions = Vec::new();
            for region in record.string_list("regions", &fields.regions) {
                match ids.regions.get(region.as_ref()) {
                    Some(index) => regions.push(*index),
                    None => record.fail(Some("regions"), IssueKind::Dangling { target: region.to_string() }),
                }
            }
            let country = match fields.country.is_given() {
                false => None,
                true => record.reference("country", &fields.country, &ids.countries),
            };
            let note = record.optional_text("note", &fields.note).unwrap_or_default();
            let (Some(source), Some(metric), Some(unit), Some(qualifier), Some(programme)) = (source, metric, unit, qualifier, programme)
            else {
                self.drop_record(record);
                continue;
            };
            let Some(source_record) = sources.get(source.get()) else {
                record.fail(Some("source"), IssueKind::Dangling { target: String::new() });
                self.issues.extend(record.issues);
                continue;
            };
            if record.failed {
                self.issues.extend(record.issues);
                continue;
            }
            let (as_of, as_of_precision) = match period_end {
                Some(end) if end != source_record.date => (end, DatePrecision::Day),
                _ => (source_record.date, source_record.date_precision),
            };
            out.push(Figure {
                id: id.to_string(),
                source,
                metric,
                detail: detail.to_string(),
                detail_fr: detail_fr.map(str::to_string),
                value,
                unit,
                qualifier,
                period_start,
                period_end,
                cumulative_since,
                programme_label: programme_label.to_string(),
                programme,
                regions,
                country,
                note: note.to_string(),
                as_of,
                as_of_precision,
            });
            self.issues.extend(record.issues);
        }
        Ok(out)
    }

    fn disagreements(&mut self, list: &List<DisagreementRecord<'_>>, figures: &[Figure]) -> Vec<Disagreement> {
        let items = self.list("disagreements", list);
        if items.is_empty() {
            return Vec::new();
        }
        let by_id: HashMap<&str, Position<Figure>> =
            figures.iter().enumerate().map(|(at, figure)| (figure.id.as_str(), Position::new(at))).collect();
        let empty = DisagreementRecord::default();
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let (fields, mut record) = Record::of("disagreements", index, item, &empty, |r| (&r.id, &r.code));
            let id = record.id("id", &fields.id, &mut seen).to_string();
            let kind = record.choice("kind", &fields.kind, DisagreementKind::from_id);
            let mut members = Vec::new();
            for figure in record.string_list("figures", &fields.figures) {
                match by_id.get(figure.as_ref()) {
                    Some(index) => members.push(*index),
                    None => record.fail(Some("figures"), IssueKind::Dangling { target: figure.to_string() }),
                }
            }
            let note = LocalName { en: record.text("note_en", &fields.note_en).into(), fr: record.text("note_fr", &fields.note_fr).into() };
            let Some(kind) = kind else {
                self.drop_record(record);
                continue;
            };
            if let Some(disagreement) = self.finish(record, Disagreement { id, kind, figures: members, note }) {
                out.push(disagreement);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Map};
    use crate::domain::dataset::json::FileError;
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
    fn a_release_reference_is_kept_trimmed_and_a_bad_one_is_dropped_with_a_warning() {
        let with_reference = |reference: Value| {
            let mut doc = minimal();
            doc["sources"][0]["reference"] = reference;
            load_value(&doc).unwrap()
        };
        let loaded = with_reference(json!("  UNIQUE ID: 201013_8 "));
        assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
        assert_eq!(loaded.dataset.sources()[0].reference(), Some("UNIQUE ID: 201013_8"));
        assert_eq!(load_value(&minimal()).unwrap().dataset.sources()[0].reference(), None, "the field is optional");
        assert!(load_value(&minimal()).unwrap().issues.is_empty());
        assert_eq!(with_reference(Value::Null).dataset.sources()[0].reference(), None);
        for (bad, kind) in [
            (json!("  "), IssueKind::BadReference { found: String::new() }),
            (json!("IP/21/1\nsecond line"), IssueKind::BadReference { found: "IP/21/1\nsecond line".into() }),
            (json!("x".repeat(MAX_REFERENCE_CHARS + 1)), IssueKind::BadReference { found: "x".repeat(40) }),
            (json!(201013), IssueKind::WrongType { expected: "text" }),
        ] {
            let loaded = with_reference(bad.clone());
            assert_eq!(loaded.dataset.figures().len(), 1, "{bad}: the source and its figures stay");
            assert_eq!(loaded.dataset.sources()[0].reference(), None, "{bad}: the field is dropped");
            let [issue] = loaded.issues.as_slice() else { panic!("{bad}: one issue, {:?}", loaded.issues) };
            assert_eq!((issue.field, &issue.kind, issue.kept), (Some("reference"), &kind, true), "{bad}");
        }
        assert_eq!(with_reference(json!("x".repeat(MAX_REFERENCE_CHARS))).dataset.sources()[0].reference().map(str::len), Some(60));
        let issue = &with_reference(json!("")).issues[0];
        assert_eq!(
            issue.message(Lang::En),
            "sources[0] \"s1\": reference \"\" is not a release reference (one line of 1 to 60 characters) (kept)"
        );
        assert_eq!(
            issue.message(Lang::Fr),
            "sources[0] \"s1\": reference «  » n’est pas une référence de communiqué (une ligne de 1 à 60 caractères) (conservé)"
        );
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
        assert!(matches!(load_dataset(&text), Err(LoadError::File(FileError::NotJson { .. }))));
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
        assert_eq!(load_dataset(""), Err(LoadError::File(FileError::Empty)));
        assert!(matches!(load_dataset("{\"schema\": "), Err(LoadError::File(FileError::NotJson { line: 1, .. }))));
        assert_eq!(load_dataset("[]"), Err(LoadError::File(FileError::NotAnObject)));
        assert_eq!(load_dataset("{}"), Err(LoadError::File(FileError::WrongSchema { found: String::new() })));
        let mut doc = minimal();
        doc["schema_version"] = json!(2);
        assert_eq!(load_value(&doc), Err(LoadError::File(FileError::UnsupportedVersion { found: "2".into() })));
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
        assert_eq!(LoadError::File(FileError::Empty).message(crate::domain::lang::Lang::Fr), "le fichier de données est vide");
    }
}
