//! What the dashboard tells the user about its data and links, in every language: why a dataset
//! or map file was refused, which records were skipped, which settings of a link were ignored,
//! the banner naming where the figures come from, and the notice of figures from the copy saved
//! for offline use. The types live with their topic
//! (`dataset::issue`, `dataset::origin`, `map`, `explore::view`); their words, and `Display`
//! in English, live here.

use std::fmt;

use crate::domain::dataset::date::{Date, DateError, DatePrecision};
use crate::domain::dataset::issue::{AddressProblem, Issue, IssueKind, LoadError};
use crate::domain::dataset::json::{FileError, FileKind};
use crate::domain::dataset::load::MAX_REFERENCE_CHARS;
use crate::domain::dataset::origin::{DataOrigin, OfflineCopy};
use crate::domain::explore::select::YearError;
use crate::domain::explore::view::UrlNotice;
use crate::domain::lang::{tr, Lang};
use crate::domain::map::{CountryProblem, MapError, PROJECTION};
use crate::domain::text::format::format_date;
use crate::domain::text::messages::{msg, Msg};

impl DateError {
    /// Why a date was refused, in words.
    pub fn message(&self, lang: Lang) -> &'static str {
        match self {
            DateError::Format => tr!(lang, en: "not a date of the form YYYY-MM-DD", fr: "pas une date de la forme AAAA-MM-JJ"),
            DateError::NoSuchDay => tr!(lang, en: "no such day in the calendar", fr: "ce jour n’existe pas"),
            DateError::OutOfRange => tr!(lang, en: "year outside 1900–2199", fr: "année hors de 1900–2199"),
        }
    }
}

impl YearError {
    /// Why a typed year was not applied, with what would be.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            YearError::NotAYear => tr!(lang, en: "Type a year, such as 2020.", fr: "Saisissez une année, par exemple 2020.").to_string(),
            YearError::BeforeData { first } => tr!(lang,
                en: format!("The figures start in {first}: type {first} or later."),
                fr: format!("Les chiffres commencent en {first} : saisissez {first} ou après."),
            ),
            YearError::AfterData { last } => tr!(lang,
                en: format!("The figures end in {last}: type {last} or earlier."),
                fr: format!("Les chiffres s’arrêtent en {last} : saisissez {last} ou avant."),
            ),
            YearError::AfterEnd { to } => tr!(lang,
                en: format!("The first year cannot be after the last year ({to})."),
                fr: format!("La première année ne peut pas être après la dernière ({to})."),
            ),
            YearError::BeforeStart { from } => tr!(lang,
                en: format!("The last year cannot be before the first year ({from})."),
                fr: format!("La dernière année ne peut pas être avant la première ({from})."),
            ),
        }
    }
}

impl FileKind {
    /// The file, as a sentence names it: "the data file".
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            FileKind::Dataset => tr!(lang, en: "the data file", fr: "le fichier de données"),
            FileKind::Map => tr!(lang, en: "the map file", fr: "le fichier de carte"),
        }
    }
}

impl FileError {
    /// The message shown to the user, in `lang`, about a file of that kind.
    pub fn message(&self, file: FileKind, lang: Lang) -> String {
        let file = file.name(lang);
        match self {
            FileError::Empty => tr!(lang, en: format!("{file} is empty"), fr: format!("{file} est vide")),
            FileError::TooLarge { bytes, limit } => tr!(lang,
                en: format!("{file} is too large ({} MB; the limit is {} MB)", bytes / 1_000_000, limit / 1_000_000),
                fr: format!("{file} est trop volumineux ({} Mo ; la limite est de {} Mo)", bytes / 1_000_000, limit / 1_000_000),
            ),
            FileError::NotJson { line, column, detail } => tr!(lang,
                en: format!("{file} is not valid JSON (line {line}, column {column}: {detail})"),
                fr: format!("{file} n’est pas du JSON valide (ligne {line}, colonne {column} : {detail})"),
            ),
            FileError::NotAnObject => unexpected_structure(file, "a JSON object", lang),
            FileError::WrongSchema { found } if found.is_empty() => tr!(lang,
                en: format!("{file} does not declare its schema (field \"schema\")"),
                fr: format!("{file} ne déclare pas son schéma (champ « schema »)"),
            ),
            FileError::WrongSchema { found } => tr!(lang,
                en: format!("{file} is of another kind (schema \"{found}\")"),
                fr: format!("{file} est d’un autre type (schéma « {found} »)"),
            ),
            FileError::UnsupportedVersion { found } => tr!(lang,
                en: format!("{file} uses schema version {found}, which this version of the dashboard cannot read"),
                fr: format!("{file} utilise la version de schéma {found}, que cette version du tableau de bord ne sait pas lire"),
            ),
        }
    }
}

/// "the data file does not have the expected structure: expected a JSON object".
fn unexpected_structure(file: &str, expected: &str, lang: Lang) -> String {
    tr!(lang,
        en: format!("{file} does not have the expected structure: expected {expected}"),
        fr: format!("{file} n’a pas la structure attendue : {expected} attendu"),
    )
}

impl LoadError {
    /// The message shown to the user, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            LoadError::File(error) => error.message(FileKind::Dataset, lang),
            LoadError::WrongShape { expected } => unexpected_structure(FileKind::Dataset.name(lang), expected, lang),
            LoadError::NoUsableFigures { skipped } => tr!(lang,
                en: format!("no usable figures in the data file ({skipped} records skipped)"),
                fr: format!("aucun chiffre utilisable dans le fichier de données ({skipped} enregistrements ignorés)"),
            ),
            LoadError::Http { status, url } => tr!(lang,
                en: format!("the server answered {status} for {url}"),
                fr: format!("le serveur a répondu {status} pour {url}"),
            ),
            LoadError::Network { url, detail } => tr!(lang,
                en: format!("could not reach {url} ({detail})"),
                fr: format!("impossible de joindre {url} ({detail})"),
            ),
            LoadError::WrongContentType { content_type } => tr!(lang,
                en: format!("the server sent \"{content_type}\" instead of JSON data"),
                fr: format!("le serveur a envoyé « {content_type} » au lieu de données JSON"),
            ),
            LoadError::RefusedOrigin { url } => tr!(lang,
                en: format!("data from {url} is not allowed: this dashboard only loads data from its approved addresses"),
                fr: format!("les données de {url} ne sont pas autorisées : ce tableau de bord ne charge des données que depuis ses adresses approuvées"),
            ),
            LoadError::PreviewInEmbed => tr!(lang,
                en: "a staff preview cannot be embedded: it is saved on one device only and is not published".into(),
                fr: "un aperçu du personnel ne peut pas être intégré : il n’est enregistré que sur un appareil et n’est pas publié".into(),
            ),
            LoadError::NoPreview => tr!(lang,
                en: "no preview is saved on this device: open it again from the staff page".into(),
                fr: "aucun aperçu n’est enregistré sur cet appareil : ouvrez-le à nouveau depuis la page du personnel".into(),
            ),
            LoadError::ToolsUnavailable => msg(Msg::CsvReaderUnavailable, lang).to_string(),
            LoadError::Csv { line, detail } => tr!(lang,
                en: format!("the CSV file cannot be read (line {line}: {detail})"),
                fr: format!("le fichier CSV est illisible (ligne {line} : {detail})"),
            ),
        }
    }
}

impl Issue {
    /// The message shown to the user, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let what = self.problem(lang);
        let outcome = if self.kept { tr!(lang, en: "kept", fr: "conservé") } else { tr!(lang, en: "skipped", fr: "ignoré") };
        let record = match (self.record.line, &self.record.id) {
            (None, _) => self.record.to_string(),
            (Some(line), None) => tr!(lang, en: format!("line {line}"), fr: format!("ligne {line}")),
            (Some(line), Some(id)) => tr!(lang, en: format!("line {line} \"{id}\""), fr: format!("ligne {line} « {id} »")),
        };
        format!("{record}: {what} ({outcome})")
    }

    /// What is wrong with the field, without naming the record (for a message shown next to
    /// the field itself).
    pub fn problem(&self, lang: Lang) -> String {
        let field = self.field.unwrap_or("");
        match &self.kind {
            IssueKind::Missing => tr!(lang,
                en: format!("field \"{field}\" is missing"),
                fr: format!("le champ « {field} » manque"),
            ),
            IssueKind::WrongType { expected } => tr!(lang,
                en: format!("field \"{field}\" should be {expected}"),
                fr: format!("le champ « {field} » devrait être de type {expected}"),
            ),
            IssueKind::UnknownValue { found } => tr!(lang,
                en: format!("unknown {field} \"{found}\""),
                fr: format!("valeur inconnue pour {field} : « {found} »"),
            ),
            IssueKind::Negative { value } => tr!(lang,
                en: format!("{field} is negative ({value})"),
                fr: format!("{field} est négatif ({value})"),
            ),
            IssueKind::NotFinite => tr!(lang,
                en: format!("{field} is not a finite number"),
                fr: format!("{field} n’est pas un nombre fini"),
            ),
            IssueKind::Implausible { value } => tr!(lang,
                en: format!("{field} is implausibly large ({value:e})"),
                fr: format!("{field} est invraisemblablement grand ({value:e})"),
            ),
            IssueKind::Dangling { target } => tr!(lang,
                en: format!("{field} refers to \"{target}\", which does not exist"),
                fr: format!("{field} renvoie à « {target} », qui n’existe pas"),
            ),
            IssueKind::DuplicateId { id } => tr!(lang,
                en: format!("id \"{id}\" is used twice"),
                fr: format!("l’identifiant « {id} » est utilisé deux fois"),
            ),
            IssueKind::BadDate { found, reason } => {
                let reason = reason.message(lang);
                tr!(lang, en: format!("{field} \"{found}\": {reason}"), fr: format!("{field} « {found} » : {reason}"))
            }
            IssueKind::InvertedPeriod => tr!(lang,
                en: "the period ends before it starts".into(),
                fr: "la période se termine avant de commencer".into(),
            ),
            IssueKind::BadUrl { found, problem: AddressProblem::NotWeb } => tr!(lang,
                en: format!("{field} \"{found}\" is not an http(s) address"),
                fr: format!("{field} « {found} » n’est pas une adresse http(s)"),
            ),
            IssueKind::BadUrl { found, problem: AddressProblem::UserInfo { host } } => tr!(lang,
                en: format!("{field} \"{found}\" leads to {host}: what comes before “@” is a user name, not the site"),
                fr: format!("{field} « {found} » mène à {host} : ce qui précède « @ » est un nom d’utilisateur, pas le site"),
            ),
            IssueKind::BadUrl { found, problem: AddressProblem::BadHost } => tr!(lang,
                en: format!("{field} \"{found}\" does not name its site by a domain name or an IP address"),
                fr: format!("{field} « {found} » ne désigne pas son site par un nom de domaine ou une adresse IP"),
            ),
            IssueKind::RemovedCharacters { count } => tr!(lang,
                en: format!("{count} character(s) that web pages cannot hold (control characters) removed from {field}"),
                fr: format!("{count} caractère(s) qu’une page web ne peut pas contenir (caractères de contrôle) supprimé(s) de {field}"),
            ),
            IssueKind::UnfitCharacters => tr!(lang,
                en: format!("{field} holds characters that web pages cannot hold (control characters)"),
                fr: format!("{field} contient des caractères qu’une page web ne peut pas contenir (caractères de contrôle)"),
            ),
            IssueKind::BadText => tr!(lang,
                en: format!("{field} is empty or too long"),
                fr: format!("{field} est vide ou trop long"),
            ),
            IssueKind::BadReference { found } => tr!(lang,
                en: format!("{field} \"{found}\" is not a release reference (one line of 1 to {MAX_REFERENCE_CHARS} characters)"),
                fr: format!("{field} « {found} » n’est pas une référence de communiqué (une ligne de 1 à {MAX_REFERENCE_CHARS} caractères)"),
            ),
            IssueKind::Inconsistent { other } => tr!(lang,
                en: format!("{field} disagrees with {other}"),
                fr: format!("{field} contredit {other}"),
            ),
            IssueKind::Assumed { value } => tr!(lang,
                en: format!("field \"{field}\" is missing; taken as \"{value}\""),
                fr: format!("le champ « {field} » manque ; pris comme « {value} »"),
            ),
        }
    }
}

impl MapError {
    /// The message shown to the user.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            MapError::File(error) => error.message(FileKind::Map, lang),
            MapError::UnsupportedProjection { found } => tr!(lang,
                en: format!("the map file uses the projection \"{found}\"; only {PROJECTION} is supported"),
                fr: format!("le fichier de carte utilise la projection « {found} » ; seule la projection {PROJECTION} est prise en charge"),
            ),
            MapError::WrongShape { detail } => tr!(lang,
                en: format!("the map file does not have the expected structure ({detail})"),
                fr: format!("le fichier de carte n’a pas la structure attendue ({detail})"),
            ),
            MapError::BadCountry { index, code, problem } => tr!(lang,
                en: format!("country {} (\"{code}\") of the map file: {}", index + 1, problem.message(lang)),
                fr: format!("pays {} (« {code} ») du fichier de carte : {}", index + 1, problem.message(lang)),
            ),
            MapError::BadBounds => tr!(lang,
                en: "the map file's frame (\"bounds\") is empty or invalid".into(),
                fr: "le cadre du fichier de carte (« bounds ») est vide ou invalide".into(),
            ),
            MapError::NoCountries => tr!(lang,
                en: "the map file has no country".into(),
                fr: "le fichier de carte ne contient aucun pays".into(),
            ),
        }
    }
}

impl CountryProblem {
    /// The problem in words.
    pub fn message(self, lang: Lang) -> &'static str {
        match self {
            CountryProblem::BadCode => tr!(lang,
                en: "the code is not an ISO 3166-1 alpha-2 code",
                fr: "le code n’est pas un code ISO 3166-1 alpha-2",
            ),
            CountryProblem::DuplicateCode => tr!(lang,
                en: "the code is used twice",
                fr: "le code est utilisé deux fois",
            ),
            CountryProblem::MissingName => tr!(lang, en: "a name is missing", fr: "un nom manque"),
            CountryProblem::BadRing => tr!(lang,
                en: "a ring is not a list of at least three x, y pairs",
                fr: "un contour n’est pas une liste d’au moins trois paires x, y",
            ),
            CountryProblem::NoShape => tr!(lang, en: "it has no shape", fr: "il n’a pas de forme"),
        }
    }
}

impl UrlNotice {
    /// A short message for the user.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            UrlNotice::UnknownParameter { key } => tr!(lang,
                en: format!("unknown setting “{key}” ignored"),
                fr: format!("paramètre inconnu « {key} » ignoré"),
            ),
            UrlNotice::BadValue { key, value } => tr!(lang,
                en: format!("“{value}” is not a valid {key}; the default was used"),
                fr: format!("« {value} » n’est pas une valeur valide pour {key} ; la valeur par défaut a été utilisée"),
            ),
            UrlNotice::NewerVersion { found } => tr!(lang,
                en: format!("this link comes from a newer version of the dashboard (v{found}); some settings may be ignored"),
                fr: format!(
                    "ce lien provient d’une version plus récente du tableau de bord (v{found}) ; certains paramètres peuvent être ignorés"
                ),
            ),
        }
    }
}

impl DataOrigin {
    /// The compact line an embed shows for data that is not the published dataset, whatever its
    /// flags.
    pub fn embed_banner(&self, lang: Lang) -> Option<String> {
        match self {
            DataOrigin::Published => None,
            DataOrigin::Address(url) => tr!(lang,
                en: Some(format!("Not the published figures: data from {url}")),
                fr: Some(format!("Chiffres non publiés : données de {url}")),
            ),
            DataOrigin::LocalFile(name) => tr!(lang,
                en: Some(format!("Not the published figures: local file “{name}”")),
                fr: Some(format!("Chiffres non publiés : fichier local « {name} »")),
            ),
            DataOrigin::Preview => tr!(lang,
                en: Some("Not the published figures: staff preview".into()),
                fr: Some("Chiffres non publiés : aperçu du personnel".into()),
            ),
        }
    }

    /// The banner text for data that is not the published dataset.
    pub fn banner(&self, lang: Lang) -> Option<String> {
        match self {
            DataOrigin::Published => None,
            DataOrigin::Address(url) => tr!(lang,
                en: Some(format!(
                    "These figures come from {url}, not from the dataset published with this dashboard."
                )),
                fr: Some(format!(
                    "Ces chiffres proviennent de {url}, et non du jeu de données publié avec ce tableau de bord."
                )),
            ),
            DataOrigin::LocalFile(name) => tr!(lang,
                en: Some(format!(
                    "Local data: these figures come from the file “{name}” opened on this computer, not from the published dataset."
                )),
                fr: Some(format!(
                    "Données locales : ces chiffres proviennent du fichier « {name} » ouvert sur cet ordinateur, et non du jeu de données publié."
                )),
            ),
            DataOrigin::Preview => tr!(lang,
                en: Some("Preview: the published dataset with the release reviewed on the staff page, saved on this device only. Nothing is published yet.".into()),
                fr: Some("Aperçu : le jeu de données publié avec le communiqué relu sur la page du personnel, enregistré sur cet appareil seulement. Rien n’est encore publié.".into()),
            ),
        }
    }
}

/// English, for logs and the data tool.
impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// English, for logs and the data tool.
impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// English, for logs and the data tool.
impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message(Lang::En))
    }
}

/// English, for logs and the data tool.
impl fmt::Display for MapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl OfflineCopy {
    /// The notice shown while the figures are this copy: "Offline — figures as of 13 Oct 2020,
    /// from the copy saved on 1 Dec 2026; they are fetched again when the connection returns."
    /// `as_of` is the data's latest source date.
    pub fn message(&self, as_of: Option<Date>, lang: Lang) -> String {
        let day = |date: Date| format_date(date, DatePrecision::Day, lang);
        let saved = self.saved.map(day);
        match as_of.map(day) {
            Some(as_of) => tr!(lang,
                en: format!(
                    "Offline — figures as of {as_of}, from the copy saved {}; they are fetched again when the connection returns.",
                    saved.map_or("on this device".to_string(), |d| format!("on {d}"))
                ),
                fr: format!(
                    "Hors ligne — chiffres au {as_of}, d’après la copie enregistrée {} ; ils seront récupérés à nouveau au retour de la connexion.",
                    saved.map_or("sur cet appareil".to_string(), |d| format!("le {d}"))
                ),
            ),
            None => tr!(lang,
                en: "Offline — figures from the copy saved on this device; they are fetched again when the connection returns.".to_string(),
                fr: "Hors ligne — chiffres d’après la copie enregistrée sur cet appareil ; ils seront récupérés à nouveau au retour de la connexion.".to_string(),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_year_says_what_to_type_in_both_languages() {
        assert_eq!(YearError::BeforeData { first: 2013 }.message(Lang::En), "The figures start in 2013: type 2013 or later.");
        assert_eq!(YearError::AfterData { last: 2025 }.message(Lang::Fr), "Les chiffres s’arrêtent en 2025 : saisissez 2025 ou avant.");
        assert_eq!(YearError::AfterEnd { to: 2019 }.message(Lang::En), "The first year cannot be after the last year (2019).");
        assert_eq!(YearError::BeforeStart { from: 2016 }.message(Lang::Fr), "La dernière année ne peut pas être avant la première (2016).");
        for error in [YearError::NotAYear, YearError::BeforeData { first: 2013 }, YearError::AfterEnd { to: 2019 }] {
            assert_ne!(error.message(Lang::En), error.message(Lang::Fr), "{error:?}");
        }
    }

    #[test]
    fn the_offline_notice_names_both_dates() {
        let as_of = Date::new(2020, 10, 13).ok();
        let copy = OfflineCopy { saved: Date::new(2026, 12, 1).ok() };
        assert_eq!(
            copy.message(as_of, Lang::En),
            "Offline — figures as of 13\u{a0}Oct\u{a0}2020, from the copy saved on 1\u{a0}Dec\u{a0}2026; they are fetched again when the connection returns."
        );
        assert!(copy
            .message(as_of, Lang::Fr)
            .starts_with("Hors ligne — chiffres au 13\u{a0}oct.\u{a0}2020, d’après la copie enregistrée le 1\u{a0}déc.\u{a0}2026 ;"));
        assert!(OfflineCopy { saved: None }.message(as_of, Lang::En).contains("saved on this device"));
    }
}
