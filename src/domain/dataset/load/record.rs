//! One record's fields as validation reads them: each reader checks a field, records an issue
//! on the record when it is wrong, and gives back what can be used.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use crate::domain::dataset::date::Date;
use crate::domain::dataset::issue::{Issue, IssueKind, RecordRef};
use crate::domain::dataset::json::{Item, Raw};
use crate::domain::dataset::model::Position;

use super::{check_web_address, fits_in_pages, too_long, MAX_REFERENCE_CHARS, MAX_VALUE};

/// Checks the fields of one record, collecting issues; `failed` is set by any fatal field.
pub(super) struct Record<'r> {
    pub(super) list: &'static str,
    pub(super) index: usize,
    /// The record's `id` (else its `code`) as written, to name it in issues.
    pub(super) id: Option<&'r str>,
    pub(super) failed: bool,
    pub(super) issues: Vec<Issue>,
}

impl<'r> Record<'r> {
    /// A record read from an object, named by its `id` field, else its `code` field.
    pub(super) fn new(list: &'static str, index: usize, id: &'r Raw<'_>, code: &'r Raw<'_>) -> Self {
        let id = match id {
            Raw::Absent => code.as_text(),
            given => given.as_text(),
        };
        Record { list, index, id, failed: false, issues: Vec::new() }
    }

    /// A list item that is not an object: it fails, and its fields read as absent.
    pub(super) fn not_object(list: &'static str, index: usize) -> Self {
        let mut record = Record { list, index, id: None, failed: false, issues: Vec::new() };
        record.fail(None, IssueKind::WrongType { expected: "an object" });
        record
    }

    /// An object item with its record checker, or a non-object one checked as an empty record.
    pub(super) fn of<'i, R>(
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

    pub(super) fn at(&self) -> RecordRef {
        RecordRef { list: self.list, index: self.index, id: self.id.map(|id| id.chars().take(80).collect()), line: None }
    }

    pub(super) fn fail(&mut self, field: Option<&'static str>, kind: IssueKind) {
        self.failed = true;
        let record = self.at();
        self.issues.push(Issue { record, field, kind, kept: false });
    }

    pub(super) fn warn(&mut self, field: &'static str, kind: IssueKind) {
        let record = self.at();
        self.issues.push(Issue { record, field: Some(field), kind, kept: true });
    }

    /// A required, non-empty string, trimmed.
    pub(super) fn text<'v>(&mut self, field: &'static str, raw: &'v Raw<'_>) -> &'v str {
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
    pub(super) fn optional_text<'v>(&mut self, field: &'static str, raw: &'v Raw<'_>) -> Option<&'v str> {
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

    /// A required free text ([`Record::text`]) without the characters pages cannot hold (see
    /// [`fits_in_pages`]): they are removed, with a warning naming the field.
    pub(super) fn prose(&mut self, field: &'static str, raw: &Raw<'_>) -> String {
        let text = self.text(field, raw);
        let fitted = self.fit(field, text);
        if fitted.is_empty() && !text.is_empty() {
            self.fail(Some(field), IssueKind::BadText);
        }
        fitted
    }

    /// An optional free text ([`Record::optional_text`]), repaired as [`Record::prose`] is.
    pub(super) fn optional_prose(&mut self, field: &'static str, raw: &Raw<'_>) -> Option<String> {
        let text = self.optional_text(field, raw)?;
        Some(self.fit(field, text)).filter(|fitted| !fitted.is_empty())
    }

    /// `text` without the characters pages cannot hold, trimmed again; a warning counts them.
    fn fit(&mut self, field: &'static str, text: &str) -> String {
        if text.chars().all(fits_in_pages) {
            return text.to_string();
        }
        let fitted: String = text.chars().filter(|c| fits_in_pages(*c)).collect();
        self.warn(field, IssueKind::RemovedCharacters { count: text.chars().count() - fitted.chars().count() });
        fitted.trim().to_string()
    }

    /// An optional release reference: one trimmed line of 1 to [`MAX_REFERENCE_CHARS`]
    /// characters. Anything else is reported and the field dropped; the record is kept.
    pub(super) fn reference_text<'v>(&mut self, field: &'static str, raw: &'v Raw<'_>) -> Option<&'v str> {
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
    pub(super) fn choice<T>(&mut self, field: &'static str, raw: &Raw<'_>, parse: impl Fn(&str) -> Option<T>) -> Option<T> {
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

    pub(super) fn date(&mut self, field: &'static str, raw: &Raw<'_>) -> Option<Date> {
        let text = self.text(field, raw);
        if text.is_empty() {
            return None;
        }
        self.parse_date(field, text)
    }

    pub(super) fn optional_date(&mut self, field: &'static str, raw: &Raw<'_>) -> Option<Date> {
        match raw {
            Raw::Absent | Raw::Null => None,
            Raw::Text(text) => self.parse_date(field, text),
            _ => {
                self.fail(Some(field), IssueKind::WrongType { expected: "a date (YYYY-MM-DD)" });
                None
            }
        }
    }

    pub(super) fn parse_date(&mut self, field: &'static str, text: &str) -> Option<Date> {
        match Date::parse_iso(text) {
            Ok(date) => Some(date),
            Err(reason) => {
                self.fail(Some(field), IssueKind::BadDate { found: text.chars().take(40).collect(), reason });
                None
            }
        }
    }

    /// A required figure value: finite, not negative, plausible.
    pub(super) fn value(&mut self, field: &'static str, raw: &Raw<'_>) -> f64 {
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
    pub(super) fn string_list<'v>(&mut self, field: &'static str, raw: &'v Raw<'_>) -> &'v [Cow<'v, str>] {
        match raw {
            Raw::Absent | Raw::Null => &[],
            Raw::Texts(items) => items,
            _ => {
                self.fail(Some(field), IssueKind::WrongType { expected: "a list of ids" });
                &[]
            }
        }
    }

    pub(super) fn url<'v>(&mut self, field: &'static str, raw: &'v Raw<'_>) -> &'v str {
        let url = self.text(field, raw);
        if let (false, Err(problem)) = (url.is_empty(), check_web_address(url)) {
            self.fail(Some(field), IssueKind::BadUrl { found: url.chars().filter(|c| fits_in_pages(*c)).take(80).collect(), problem });
        }
        url
    }

    pub(super) fn id<'v>(&mut self, field: &'static str, raw: &'v Raw<'_>, seen: &mut HashSet<&'v str>) -> &'v str {
        let id = self.text(field, raw);
        if !id.chars().all(fits_in_pages) {
            // An id is not repaired: without the characters it could be another record's.
            self.fail(Some(field), IssueKind::UnfitCharacters);
        } else if !id.is_empty() && !seen.insert(id) {
            self.fail(Some(field), IssueKind::DuplicateId { id: id.to_string() });
        }
        id
    }

    /// Resolves a reference field to an index, failing the record when it dangles.
    pub(super) fn reference<T>(&mut self, field: &'static str, raw: &Raw<'_>, table: &HashMap<String, Position<T>>) -> Option<Position<T>> {
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
