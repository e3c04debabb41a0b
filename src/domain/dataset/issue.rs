//! What can go wrong when loading a dataset: fatal [`LoadError`]s and per-record [`Issue`]s.
//!
//! Both carry their context as fields and render a short, user-readable message in either
//! interface language (see [`LoadError::message`], [`Issue::message`]); `Display` gives English.

use std::fmt;

use crate::domain::dataset::date::DateError;
use crate::domain::lang::Lang;

/// A problem that stops a dataset from loading at all.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The file is empty.
    Empty,
    /// The file is larger than the dashboard accepts.
    TooLarge {
        /// Size of the file in bytes.
        bytes: u64,
        /// Largest accepted size in bytes.
        limit: u64,
    },
    /// The text is not valid JSON.
    NotJson {
        /// 1-based line of the first error.
        line: usize,
        /// 1-based column of the first error.
        column: usize,
        /// What the JSON reader reported.
        detail: String,
    },
    /// The JSON is valid but is not an object with the expected lists.
    WrongShape {
        /// What was expected, in a few words.
        expected: &'static str,
    },
    /// The `schema` field names another kind of file.
    WrongSchema {
        /// The schema the file declares (empty when missing).
        found: String,
    },
    /// The file's `schema_version` is one this build cannot read.
    UnsupportedVersion {
        /// The version found, as text.
        found: String,
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
    /// A CSV file could not be read.
    Csv {
        /// 1-based line.
        line: usize,
        /// What is wrong.
        detail: String,
    },
}

impl LoadError {
    /// The message shown to the user, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (LoadError::Empty, Lang::En) => "the data file is empty".into(),
            (LoadError::Empty, Lang::Fr) => "le fichier de données est vide".into(),
            (LoadError::TooLarge { bytes, limit }, Lang::En) => format!(
                "the data file is too large ({} MB; the limit is {} MB)",
                bytes / 1_000_000,
                limit / 1_000_000
            ),
            (LoadError::TooLarge { bytes, limit }, Lang::Fr) => format!(
                "le fichier de données est trop volumineux ({} Mo ; la limite est de {} Mo)",
                bytes / 1_000_000,
                limit / 1_000_000
            ),
            (LoadError::NotJson { line, column, detail }, Lang::En) => {
                format!("the data file is not valid JSON (line {line}, column {column}: {detail})")
            }
            (LoadError::NotJson { line, column, detail }, Lang::Fr) => {
                format!("le fichier de données n’est pas du JSON valide (ligne {line}, colonne {column} : {detail})")
            }
            (LoadError::WrongShape { expected }, Lang::En) => {
                format!("the data file does not have the expected structure: expected {expected}")
            }
            (LoadError::WrongShape { expected }, Lang::Fr) => {
                format!("le fichier de données n’a pas la structure attendue : {expected} attendu")
            }
            (LoadError::WrongSchema { found }, Lang::En) if found.is_empty() => {
                "the data file does not declare its schema (field \"schema\")".into()
            }
            (LoadError::WrongSchema { found }, Lang::Fr) if found.is_empty() => {
                "le fichier de données ne déclare pas son schéma (champ « schema »)".into()
            }
            (LoadError::WrongSchema { found }, Lang::En) => {
                format!("the data file is of another kind (schema \"{found}\")")
            }
            (LoadError::WrongSchema { found }, Lang::Fr) => {
                format!("le fichier de données est d’un autre type (schéma « {found} »)")
            }
            (LoadError::UnsupportedVersion { found }, Lang::En) => format!(
                "the data file uses schema version {found}, which this version of the dashboard cannot read"
            ),
            (LoadError::UnsupportedVersion { found }, Lang::Fr) => format!(
                "le fichier de données utilise la version de schéma {found}, que cette version du tableau de bord ne sait pas lire"
            ),
            (LoadError::NoUsableFigures { skipped }, Lang::En) => {
                format!("no usable figures in the data file ({skipped} records skipped)")
            }
            (LoadError::NoUsableFigures { skipped }, Lang::Fr) => {
                format!("aucun chiffre utilisable dans le fichier de données ({skipped} enregistrements ignorés)")
            }
            (LoadError::Http { status, url }, Lang::En) => {
                format!("the server answered {status} for {url}")
            }
            (LoadError::Http { status, url }, Lang::Fr) => {
                format!("le serveur a répondu {status} pour {url}")
            }
            (LoadError::Network { url, detail }, Lang::En) => {
                format!("could not reach {url} ({detail})")
            }
            (LoadError::Network { url, detail }, Lang::Fr) => {
                format!("impossible de joindre {url} ({detail})")
            }
            (LoadError::WrongContentType { content_type }, Lang::En) => {
                format!("the server sent \"{content_type}\" instead of JSON data")
            }
            (LoadError::WrongContentType { content_type }, Lang::Fr) => {
                format!("le serveur a envoyé « {content_type} » au lieu de données JSON")
            }
            (LoadError::RefusedOrigin { url }, Lang::En) => {
                format!("data from {url} is not allowed: this dashboard only loads data from its approved addresses")
            }
            (LoadError::RefusedOrigin { url }, Lang::Fr) => {
                format!("les données de {url} ne sont pas autorisées : ce tableau de bord ne charge des données que depuis ses adresses approuvées")
            }
            (LoadError::Csv { line, detail }, Lang::En) => format!("the CSV file cannot be read (line {line}: {detail})"),
            (LoadError::Csv { line, detail }, Lang::Fr) => {
                format!("le fichier CSV est illisible (ligne {line} : {detail})")
            }
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for LoadError {}

/// Which record an issue is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordRef {
    /// The list in the file: `sources`, `figures`, `programmes`, ...
    pub list: &'static str,
    /// 0-based position in that list.
    pub index: usize,
    /// The record's id, when it has a readable one.
    pub id: Option<String>,
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
    /// A link that is not an http(s) address.
    BadUrl {
        /// The text found.
        found: String,
    },
    /// Text that is empty or far too long.
    BadText,
    /// Two fields disagree (for example `official` and `publisher_kind`).
    Inconsistent {
        /// The other field.
        other: &'static str,
    },
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

impl Issue {
    /// The message shown to the user, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let field = self.field.unwrap_or("");
        let what = match (&self.kind, lang) {
            (IssueKind::Missing, Lang::En) => format!("field \"{field}\" is missing"),
            (IssueKind::Missing, Lang::Fr) => format!("le champ « {field} » manque"),
            (IssueKind::WrongType { expected }, Lang::En) => format!("field \"{field}\" should be {expected}"),
            (IssueKind::WrongType { expected }, Lang::Fr) => {
                format!("le champ « {field} » devrait être de type {expected}")
            }
            (IssueKind::UnknownValue { found }, Lang::En) => format!("unknown {field} \"{found}\""),
            (IssueKind::UnknownValue { found }, Lang::Fr) => format!("valeur inconnue pour {field} : « {found} »"),
            (IssueKind::Negative { value }, Lang::En) => format!("{field} is negative ({value})"),
            (IssueKind::Negative { value }, Lang::Fr) => format!("{field} est négatif ({value})"),
            (IssueKind::NotFinite, Lang::En) => format!("{field} is not a finite number"),
            (IssueKind::NotFinite, Lang::Fr) => format!("{field} n’est pas un nombre fini"),
            (IssueKind::Implausible { value }, Lang::En) => format!("{field} is implausibly large ({value:e})"),
            (IssueKind::Implausible { value }, Lang::Fr) => {
                format!("{field} est invraisemblablement grand ({value:e})")
            }
            (IssueKind::Dangling { target }, Lang::En) => {
                format!("{field} refers to \"{target}\", which does not exist")
            }
            (IssueKind::Dangling { target }, Lang::Fr) => {
                format!("{field} renvoie à « {target} », qui n’existe pas")
            }
            (IssueKind::DuplicateId { id }, Lang::En) => format!("id \"{id}\" is used twice"),
            (IssueKind::DuplicateId { id }, Lang::Fr) => format!("l’identifiant « {id} » est utilisé deux fois"),
            (IssueKind::BadDate { found, reason }, Lang::En) => format!("{field} \"{found}\": {reason}"),
            (IssueKind::BadDate { found, reason }, Lang::Fr) => {
                let reason = match reason {
                    DateError::Format => "pas une date de la forme AAAA-MM-JJ",
                    DateError::NoSuchDay => "ce jour n’existe pas",
                    DateError::OutOfRange => "année hors de 1900–2199",
                };
                format!("{field} « {found} » : {reason}")
            }
            (IssueKind::InvertedPeriod, Lang::En) => "the period ends before it starts".into(),
            (IssueKind::InvertedPeriod, Lang::Fr) => "la période se termine avant de commencer".into(),
            (IssueKind::BadUrl { found }, Lang::En) => format!("{field} \"{found}\" is not an http(s) address"),
            (IssueKind::BadUrl { found }, Lang::Fr) => {
                format!("{field} « {found} » n’est pas une adresse http(s)")
            }
            (IssueKind::BadText, Lang::En) => format!("{field} is empty or too long"),
            (IssueKind::BadText, Lang::Fr) => format!("{field} est vide ou trop long"),
            (IssueKind::Inconsistent { other }, Lang::En) => format!("{field} disagrees with {other}"),
            (IssueKind::Inconsistent { other }, Lang::Fr) => format!("{field} contredit {other}"),
        };
        let outcome = match (self.kept, lang) {
            (true, Lang::En) => "kept",
            (true, Lang::Fr) => "conservé",
            (false, Lang::En) => "skipped",
            (false, Lang::Fr) => "ignoré",
        };
        format!("{}: {what} ({outcome})", self.record)
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}
