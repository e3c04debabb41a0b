//! The file formats a reader can download: the data (CSV in a ZIP, or JSON) and a chart (PNG
//! or SVG), with the names their buttons show.

use crate::domain::text::messages::Msg;

/// The file format of a data download.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DownloadFormat {
    /// The figures as CSV, zipped with their data package and README.
    Csv,
    /// The figures and their sources as one JSON dataset file.
    Json,
}

impl DownloadFormat {
    /// The button's label: the format's name, with the archive it comes in.
    pub fn label(self) -> &'static str {
        match self {
            DownloadFormat::Csv => "CSV (.zip)",
            DownloadFormat::Json => "JSON",
        }
    }
}

/// The file format of a chart download.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartFormat {
    /// A bitmap at the screen's resolution.
    Png,
    /// A vector drawing.
    Svg,
}

impl ChartFormat {
    /// Every format, in the order the chart's tools show them.
    pub const ALL: [ChartFormat; 2] = [ChartFormat::Png, ChartFormat::Svg];

    /// The file name's extension, also the identifier in the buttons' test ids (`map-svg`).
    pub fn extension(self) -> &'static str {
        match self {
            ChartFormat::Png => "png",
            ChartFormat::Svg => "svg",
        }
    }

    /// The words on the button.
    pub fn label(self) -> Msg {
        match self {
            ChartFormat::Png => Msg::DownloadPng,
            ChartFormat::Svg => Msg::DownloadSvg,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_format_has_its_own_name() {
        assert_ne!(DownloadFormat::Csv.label(), DownloadFormat::Json.label());
        assert_ne!(ChartFormat::Png.extension(), ChartFormat::Svg.extension());
        assert_ne!(ChartFormat::Png.label(), ChartFormat::Svg.label());
    }
}
