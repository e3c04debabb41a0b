//! Downloads: the selected figures (or the whole dataset) as CSV or JSON, each with the source of
//! every figure and a citation text, descriptive file names, the active filters in words, and a
//! minimal ZIP writer to bundle a CSV with its README.

pub mod csv;
pub mod json;
pub mod zip;
pub mod citation;
pub mod file_name;
pub mod metadata;

pub use citation::{chart_footer, citation, describe_filters, source_summary, wrap_text, FOOTER_CHARS};
pub use csv::to_csv;
pub use file_name::file_name;
pub use json::{to_json, ExportMetadata};
pub use zip::{crc32, zip_store};

use crate::domain::dataset::date::Date;
use crate::domain::lang::Lang;
use crate::domain::text::messages::{msg, Msg};

/// What a download covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The figures the current filters select.
    Selection,
    /// Every figure in the dataset.
    Everything,
}

/// Facts a download needs besides the data: when, where from, under which filters.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportContext {
    /// Today's date (the retrieval date).
    pub today: Date,
    /// Address of the view the download was made from.
    pub page_url: String,
    /// Interface language of the texts.
    pub lang: Lang,
}

/// Why a download could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DownloadError {
    /// The computer's clock gives no valid date, and every download states its retrieval date.
    Clock,
    /// The chart has no size to be drawn at.
    NoRoom,
    /// The browser, the encoder or the drawing refused; their own words follow the message.
    Failed(String),
}

impl DownloadError {
    /// The message shown to the user, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            DownloadError::Clock => msg(Msg::ClockInvalid, lang).to_string(),
            DownloadError::NoRoom => format!("{} {}", msg(Msg::DownloadFailed, lang), msg(Msg::ChartNoRoom, lang)),
            DownloadError::Failed(detail) => format!("{} {detail}", msg(Msg::DownloadFailed, lang)),
        }
    }
}

impl std::fmt::Display for DownloadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// The context of the tests' downloads: English, 28 Nov 2026, an example address.
#[cfg(test)]
fn context() -> ExportContext {
    ExportContext { today: Date::new(2026, 11, 28).unwrap(), page_url: "https://example.org/?v=1".into(), lang: Lang::En }
}

#[cfg(test)]
mod download_error_tests {
    use super::*;

    #[test]
    fn download_errors_speak_the_page_language() {
        assert_eq!(DownloadError::Failed("QuotaExceededError".into()).message(Lang::Fr), "Le téléchargement n’a pas pu être préparé. Motif : QuotaExceededError");
        assert_eq!(DownloadError::Failed("x".into()).message(Lang::En), "The download could not be prepared. Reason: x");
        assert!(DownloadError::Clock.message(Lang::Fr).starts_with("L’horloge de cet ordinateur"));
        assert!(DownloadError::NoRoom.message(Lang::Fr).contains("pas la place"));
    }
}
