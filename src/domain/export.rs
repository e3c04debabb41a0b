//! Downloads: the selected figures (or the whole dataset) as CSV or JSON, each with the source of
//! every figure and a citation text, descriptive file names, the active filters in words, and a
//! minimal ZIP writer to bundle a CSV with its README and data package.

pub mod csv;
pub mod json;
pub mod zip;
pub mod citation;
pub mod file_name;
pub mod format;
pub mod metadata;
pub mod job;

pub use citation::{chart_footer, citation, describe_filters, source_summary, wrap_text, FOOTER_CHARS};
pub use csv::to_csv;
pub use file_name::file_name;
pub use format::{ChartFormat, DownloadFormat};
pub use json::{to_json, ExportMetadata};
pub use zip::{crc32, zip_store};

use crate::domain::dataset::date::Date;
use crate::domain::dataset::model::Dataset;
use crate::domain::dataset::model::{Figure, Position};
use crate::domain::explore::view::ViewState;
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
    /// The part of the page that writes files could not be loaded (see `job::ToolsUnavailable`).
    ToolsUnavailable,
}

impl DownloadError {
    /// The message shown to the user, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            DownloadError::Clock => msg(Msg::ClockInvalid, lang).to_string(),
            DownloadError::NoRoom => format!("{} {}", msg(Msg::DownloadFailed, lang), msg(Msg::ChartNoRoom, lang)),
            DownloadError::Failed(detail) => format!("{} {detail}", msg(Msg::DownloadFailed, lang)),
            DownloadError::ToolsUnavailable => msg(Msg::DownloadToolsUnavailable, lang).to_string(),
        }
    }
}

impl std::fmt::Display for DownloadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// The CSV download: a ZIP of the figures as CSV, their Frictionless data package and the README
/// with the citation; with its file name.
///
/// # Errors
/// [`metadata::MetadataError`] when a column lacks its description.
pub fn csv_archive(
    dataset: &Dataset,
    state: &ViewState,
    figures: &[Position<Figure>],
    scope: Scope,
    context: &ExportContext,
) -> Result<(String, Vec<u8>), metadata::MetadataError> {
    let csv_name = file_name(state, scope, "", context.today, "csv");
    let package = metadata::data_package(dataset, figures, &csv_name, &context.page_url)?;
    let files = vec![
        (csv_name, to_csv(dataset, figures, context.lang).into_bytes()),
        ("datapackage.json".to_string(), format!("{package:#}\n").into_bytes()),
        ("README.txt".to_string(), citation(dataset, state, figures, scope, context).into_bytes()),
    ];
    Ok((file_name(state, scope, "csv", context.today, "zip"), zip_store(&files, context.today)))
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
        assert_eq!(
            DownloadError::Failed("QuotaExceededError".into()).message(Lang::Fr),
            "Le téléchargement n’a pas pu être préparé. Motif : QuotaExceededError"
        );
        assert_eq!(DownloadError::Failed("x".into()).message(Lang::En), "The download could not be prepared. Reason: x");
        assert!(DownloadError::Clock.message(Lang::Fr).starts_with("L’horloge de cet ordinateur"));
        assert!(DownloadError::NoRoom.message(Lang::Fr).contains("pas la place"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dataset::model::Qualifier;
    use crate::domain::testing::{dataset, figure};

    #[test]
    fn the_csv_archive_holds_the_csv_its_data_package_and_the_readme() {
        let d = dataset(&[figure("a").date("2020-10-13").value(84000.0).qualifier(Qualifier::MoreThan).country("LY")]);
        let state = ViewState::default_for(Some(&d));
        let (name, zip) = csv_archive(&d, &state, &[Position::new(0)], Scope::Selection, &context()).unwrap();
        assert_eq!(name, "eu-iom-figures_migrants-returned_csv_2020-2020_2026-11-28.zip");
        let has = |needle: &[u8]| zip.windows(needle.len()).any(|w| w == needle);
        for file in ["eu-iom-figures_migrants-returned_2020-2020_2026-11-28.csv", "datapackage.json", "README.txt"] {
            assert!(has(file.as_bytes()), "{file} is in the archive");
        }
        assert!(has(br#""path": "eu-iom-figures_migrants-returned_2020-2020_2026-11-28.csv""#), "the package names the CSV beside it");
        assert!(has(b"Suggested citation"));
    }
}
