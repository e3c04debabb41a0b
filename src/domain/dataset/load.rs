//! Raw → validated loading: turns the text of a dataset file into a [`Dataset`] plus the list of
//! records that were skipped or repaired, or a [`LoadError`] when nothing sensible can be shown.
//!
//! The file is read in one pass, through the envelope every dashboard file shares
//! ([`FileSpec::read`]), into lenient records ([`crate::domain::dataset::raw`]) that keep each
//! field as the file gives it, so that one record with a wrong type costs that record only,
//! never the whole file. Records are checked in dependency
//! order (vocabularies, sources, figures, disagreements), so a figure whose source was skipped is
//! skipped too, with an issue saying why.

mod record;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use serde_json::Value;

use crate::domain::dataset::date::{Date, DatePrecision};
use crate::domain::dataset::issue::{AddressProblem, Issue, IssueKind, LoadError, RecordRef};
use crate::domain::dataset::json::{FileSpec, Item, List, Raw};
use crate::domain::dataset::model::{
    Country, Dataset, DatasetInfo, Disagreement, DisagreementKind, Figure, Ids, LocalName, Metric, Parts, Position, Programme,
    PublisherKind, Qualifier, Region, Source, SourceKind, Unit,
};
use crate::domain::dataset::raw::{CountryRecord, DatasetLists, DisagreementRecord, FigureRecord, InfoRecord, NameRecord, SourceRecord};

use record::Record;

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

/// More than [`MAX_TEXT_CHARS`] characters (counted only when the bytes could be that many).
pub(super) fn too_long(text: &str) -> bool {
    text.len() > MAX_TEXT_CHARS && text.chars().count() > MAX_TEXT_CHARS
}

/// Whether a character can stand in an HTML page and in an XML document (an SVG download): not a
/// control character other than tab, line feed and carriage return, and not a noncharacter
/// (U+FDD0 to U+FDEF, U+FFFE, U+FFFF and their counterparts in the other planes).
pub fn fits_in_pages(c: char) -> bool {
    let code = u32::from(c);
    let control = c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    let noncharacter = (0xFDD0..=0xFDEF).contains(&code) || (code & 0xFFFE) == 0xFFFE;
    !control && !noncharacter
}

/// True for `http://` and `https://` addresses whose host is a domain name or an IP address;
/// anything else (`javascript:`, relative paths, `data:`, a user name before the host) must
/// never become a link.
pub fn is_web_address(url: &str) -> bool {
    check_web_address(url).is_ok()
}

/// Checks that a link is an `http://` or `https://` address that leads to the host it names:
/// no user name or password before `@` (`https://eeas.europa.eu@other.example/` leads to
/// other.example), a host that is a domain name or an IP address (the dotted IPv4 form, or IPv6
/// in brackets), an optional port, and no spaces, backslashes or characters pages cannot hold.
///
/// # Errors
/// The [`AddressProblem`].
pub fn check_web_address(url: &str) -> Result<(), AddressProblem> {
    let lower = url.trim().to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://")).ok_or(AddressProblem::NotWeb)?;
    if lower.chars().any(|c| c.is_whitespace() || c == '\\' || !fits_in_pages(c)) {
        return Err(AddressProblem::NotWeb);
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if let Some((_, host)) = authority.rsplit_once('@') {
        return Err(AddressProblem::UserInfo { host: host.chars().take(80).collect() });
    }
    let (host, port) = match authority.strip_prefix('[') {
        Some(bracketed) => {
            let (inside, after) = bracketed.split_once(']').ok_or(AddressProblem::BadHost)?;
            inside.parse::<std::net::Ipv6Addr>().map_err(|_| AddressProblem::BadHost)?;
            if !after.is_empty() && !after.starts_with(':') {
                return Err(AddressProblem::BadHost);
            }
            (None, after.strip_prefix(':'))
        }
        None => match authority.rsplit_once(':') {
            Some((host, port)) => (Some(host), Some(port)),
            None => (Some(authority), None),
        },
    };
    if let Some(port) = port {
        if !port.bytes().all(|b| b.is_ascii_digit()) || port.parse::<u16>().is_err() {
            return Err(AddressProblem::BadHost);
        }
    }
    match host {
        Some(host) if !is_host_name(host) => Err(AddressProblem::BadHost),
        _ => Ok(()),
    }
}

/// Whether `host` is a domain name (labels of letters, digits and inner hyphens, an optional
/// final dot) or a dotted IPv4 address. A host that ends in a number is read by browsers as an
/// IPv4 address in any notation (`0x7f.1`, `2130706433`): only the dotted decimal one is taken.
fn is_host_name(host: &str) -> bool {
    let name = host.strip_suffix('.').unwrap_or(host);
    let Some(last) = name.rsplit('.').next() else { return false };
    if last.bytes().all(|b| b.is_ascii_digit()) || last.starts_with("0x") {
        return name.parse::<std::net::Ipv4Addr>().is_ok();
    }
    name.len() <= 253
        && name.split('.').all(|label| {
            !label.is_empty()
                && label.chars().count() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
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
            title: record.optional_prose("title", &fields.title).unwrap_or_default(),
            compiled: fields.compiled.as_text().and_then(|text| Date::parse_iso(text).ok()),
            description: record.optional_prose("description", &fields.description).unwrap_or_default(),
            licence: record.optional_prose("licence", &fields.licence).unwrap_or_default(),
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
            let name = LocalName { en: record.prose("name_en", &fields.name_en), fr: record.prose("name_fr", &fields.name_fr) };
            let short = LocalName {
                en: record.optional_prose("short_en", &fields.short_en).unwrap_or_else(|| name.en.clone()),
                fr: record.optional_prose("short_fr", &fields.short_fr).unwrap_or_else(|| name.fr.clone()),
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
            let name = LocalName { en: record.prose("name_en", &fields.name_en), fr: record.prose("name_fr", &fields.name_fr) };
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
            let publisher = record.prose("publisher", &fields.publisher);
            let publisher_kind = record.choice("publisher_kind", &fields.publisher_kind, PublisherKind::from_id);
            if let Some(kind) = publisher_kind {
                if fields.official.is_given() && !matches!(fields.official, Raw::Bool(official) if official == kind.is_official()) {
                    record.warn("official", IssueKind::Inconsistent { other: "publisher_kind" });
                }
            }
            let title = record.prose("title", &fields.title);
            let title_note = record.optional_prose("title_note", &fields.title_note);
            let reference = record.reference_text("reference", &fields.reference);
            let url = record.url("url", &fields.url);
            let language = record.prose("language", &fields.language);
            let kind = record.choice("kind", &fields.kind, SourceKind::from_id);
            let note = record.optional_prose("note", &fields.note);
            let (Some(date), Some(date_precision), Some(publisher_kind), Some(kind)) = (date, date_precision, publisher_kind, kind) else {
                self.drop_record(record);
                continue;
            };
            let source = Source {
                id: id.to_string(),
                date,
                date_precision,
                publisher,
                publisher_kind,
                title,
                title_note,
                reference: reference.map(str::to_string),
                url: url.to_string(),
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
            let detail = record.prose("metric_detail", &fields.metric_detail);
            let detail_fr = record.optional_prose("metric_detail_fr", &fields.metric_detail_fr);
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
            let programme_label = record.prose("programme", &fields.programme);
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
            let note = record.optional_prose("note", &fields.note).unwrap_or_default();
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
            let note = LocalName { en: record.prose("note_en", &fields.note_en), fr: record.prose("note_fr", &fields.note_fr) };
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
mod tests;
