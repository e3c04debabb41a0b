//! What can go wrong when loading a dataset: fatal [`LoadError`]s and per-record [`Issue`]s.
//!
//! Both carry their context as fields and render a short, user-readable message in either
//! interface language (see [`LoadError::message`], [`Issue::message`], whose words live in
//! `text::notices`); `Display` gives English.

use std::fmt;

use crate::domain::dataset::date::DateError;
use crate::domain::dataset::json::FileError;

/// A problem that stops a dataset from loading at all.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The file fails the checks every dashboard file shares: empty, too large, not JSON, not
    /// an object, another schema or version.
    File(FileError),
    /// The file is an object, but without the expected lists.
    WrongShape {
        /// What was expected, in a few words.
        expected: &'static str,
    },
    /// After skipping bad records, nothing is left to show.
    NoUsableFigures {
        /// How many records were skipped.
        skipped: usize,
    },
    /// The server answered with an HTTP error.
    Http {
        /// Status code.
        status: u16,
        /// Address requested.
        url: String,
    },
    /// The request did not reach the server or was interrupted.
    Network {
        /// Address requested.
        url: String,
        /// What the browser reported.
        detail: String,
    },
    /// The server sent something that is not JSON (for example an HTML page).
    WrongContentType {
        /// The content type the server declared.
        content_type: String,
    },
    /// The address is not one the dashboard may load data from.
    RefusedOrigin {
        /// The address given.
        url: String,
    },
    /// `?preview=1` but no preview is saved on this device.
    NoPreview,
    /// `?preview=1` in an embed: a preview is saved on one device and not published, so it is
    /// never shown under another page's title.
    PreviewInEmbed,
    /// The part of the page that reads CSV files could not be loaded (offline before it was
    /// cached, a failed request).
    ToolsUnavailable,
    /// A CSV file could not be read.
    Csv {
        /// 1-based line.
        line: usize,
        /// What is wrong.
        detail: String,
    },
}

impl std::error::Error for LoadError {}

impl From<FileError> for LoadError {
    fn from(error: FileError) -> Self {
        LoadError::File(error)
    }
}

/// Which record an issue is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordRef {
    /// The list in the file: `sources`, `figures`, `programmes`, ...
    pub list: &'static str,
    /// 0-based position in that list.
    pub index: usize,
    /// The record's id, when it has a readable one.
    pub id: Option<String>,
    /// The 1-based line of a CSV file the record was read from (its first line, for a record
    /// several rows share, a source or a country), which names it instead of `index`.
    pub line: Option<usize>,
}

impl fmt::Display for RecordRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.id {
            Some(id) => write!(f, "{}[{}] \"{}\"", self.list, self.index, id),
            None => write!(f, "{}[{}]", self.list, self.index),
        }
    }
}

/// What is wrong with one field of one record.
#[derive(Debug, Clone, PartialEq)]
pub enum IssueKind {
    /// A required field is absent or null.
    Missing,
    /// The field has the wrong JSON type.
    WrongType {
        /// The type expected.
        expected: &'static str,
    },
    /// The field's value is not in the vocabulary (unknown metric, qualifier, ...).
    UnknownValue {
        /// The value found.
        found: String,
    },
    /// A negative number where only zero or more makes sense.
    Negative {
        /// The value found.
        value: f64,
    },
    /// Not a finite number.
    NotFinite,
    /// Larger than any plausible figure.
    Implausible {
        /// The value found.
        value: f64,
    },
    /// A reference to a record that does not exist (or was skipped).
    Dangling {
        /// The id referred to.
        target: String,
    },
    /// Another record already uses this id.
    DuplicateId {
        /// The id.
        id: String,
    },
    /// A date that cannot be read.
    BadDate {
        /// The text found.
        found: String,
        /// Why it was refused.
        reason: DateError,
    },
    /// The period ends before it starts.
    InvertedPeriod,
    /// A link that is not an http(s) address leading to the host it names.
    BadUrl {
        /// The text found.
        found: String,
        /// What is wrong with it.
        problem: AddressProblem,
    },
    /// Characters that web pages and XML cannot hold (control characters, noncharacters) were
    /// removed from a text; the record was kept.
    RemovedCharacters {
        /// How many.
        count: usize,
    },
    /// An id holds characters that web pages and XML cannot hold.
    UnfitCharacters,
    /// Text that is empty or far too long.
    BadText,
    /// A source's `reference` that is not one: empty, longer than
    /// [`crate::domain::dataset::load::MAX_REFERENCE_CHARS`] or more than one line.
    BadReference {
        /// The text found (its first characters).
        found: String,
    },
    /// Two fields disagree (for example `official` and `publisher_kind`).
    Inconsistent {
        /// The other field.
        other: &'static str,
    },
    /// A field is missing and the record was kept with a value taken in its place, named here
    /// so that nothing is assumed silently.
    Assumed {
        /// The value taken.
        value: &'static str,
    },
}

/// Why a link is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddressProblem {
    /// Not an `http://` or `https://` address (or one with spaces, backslashes or control
    /// characters).
    NotWeb,
    /// A user name (or password) before `@`: the link leads to the host after it.
    UserInfo {
        /// Where the link really leads.
        host: String,
    },
    /// The host is neither a domain name nor an IP address, or the port is not a number.
    BadHost,
}

/// One problem with one record. A record with an issue is skipped unless `kept` is true.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    /// The record.
    pub record: RecordRef,
    /// The field, when the problem is in one field.
    pub field: Option<&'static str>,
    /// What is wrong.
    pub kind: IssueKind,
    /// True when the record was still loaded (the problem was repaired or harmless).
    pub kept: bool,
}
