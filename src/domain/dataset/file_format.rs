//! Which format a dataset file is in, JSON or CSV, told from its name and its first
//! characters, and loading it in that format. The published file, a `?data=` address and a
//! local file all go through [`DataFormat::sniff`]; the page reads a CSV file in the files
//! worker (`ui/data.rs`), the data tool and the tests with [`load_file`].

use crate::domain::dataset::csv_import::load_csv;
use crate::domain::dataset::issue::LoadError;
use crate::domain::dataset::load::{load_dataset, Loaded};

/// The format of a dataset file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataFormat {
    /// The dataset format (`eu-iom-dashboard/figures`).
    Json,
    /// One figure per line, with the columns of the CSV download.
    Csv,
}

impl DataFormat {
    /// CSV when the name (a file name or an address) ends in `.csv` in any case, or when the
    /// text does not open like JSON (`{` or `[` after a byte order mark and white space) yet
    /// holds a comma; JSON otherwise, so that a broken JSON file is reported with JSON's line
    /// and column.
    pub fn sniff(name: &str, text: &str) -> DataFormat {
        let looks_like_json = text.trim_start_matches('\u{feff}').trim_start().starts_with(['{', '[']);
        if name.to_ascii_lowercase().ends_with(".csv") || (!looks_like_json && text.contains(',')) {
            DataFormat::Csv
        } else {
            DataFormat::Json
        }
    }

    /// Loads `text` as a dataset in this format.
    ///
    /// # Errors
    /// The [`LoadError`] of the format's loader.
    pub fn load(self, text: &str) -> Result<Loaded, LoadError> {
        match self {
            DataFormat::Json => load_dataset(text),
            DataFormat::Csv => load_csv(text),
        }
    }
}

/// Loads a dataset file named `name` in the format [`DataFormat::sniff`] finds.
///
/// # Errors
/// The [`LoadError`] of that format's loader.
pub fn load_file(name: &str, text: &str) -> Result<Loaded, LoadError> {
    DataFormat::sniff(name, text).load(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::export::to_csv;
    use crate::domain::lang::Lang;

    #[test]
    fn a_csv_name_means_csv_in_any_case_whatever_the_text() {
        for name in ["figures.csv", "FIGURES.CSV", "data/Export.Csv", "https://example.org/data/figures.csv"] {
            assert_eq!(DataFormat::sniff(name, "metric,value\n"), DataFormat::Csv, "{name}");
            assert_eq!(DataFormat::sniff(name, "{\"schema\": \"x\"}"), DataFormat::Csv, "{name}");
        }
    }

    #[test]
    fn text_that_opens_like_json_is_json() {
        for text in ["{\"a\": 1, \"b\": 2}", "[1, 2]", "\u{feff}{\"a\": 1}", "\u{feff}  \n\t[1,2]", "  {,,,"] {
            assert_eq!(DataFormat::sniff("figures.json", text), DataFormat::Json, "{text:?}");
            assert_eq!(DataFormat::sniff("", text), DataFormat::Json, "{text:?}");
        }
    }

    #[test]
    fn other_text_is_csv_when_it_has_a_comma_whatever_the_name() {
        assert_eq!(DataFormat::sniff("figures.json", "metric,value\nprojects,535\n"), DataFormat::Csv);
        assert_eq!(DataFormat::sniff("", "\u{feff}id,source"), DataFormat::Csv);
        assert_eq!(DataFormat::sniff("figures.csv.json", "a,b"), DataFormat::Csv);
    }

    #[test]
    fn text_without_a_comma_or_a_json_opening_is_read_as_json() {
        for text in ["", "   ", "\u{feff}", "not a dataset", "<html>oops</html>"] {
            assert_eq!(DataFormat::sniff("figures.json", text), DataFormat::Json, "{text:?}");
            assert_eq!(DataFormat::sniff("figures", text), DataFormat::Json, "{text:?}");
        }
        assert_eq!(DataFormat::sniff("figures.csv.bak", "no comma here"), DataFormat::Json);
    }

    #[test]
    fn each_format_goes_to_its_own_loader() {
        let json = crate::domain::testing::fixture_dataset_text();
        let published = load_file("data/eu-iom-figures.json", &json);
        assert_eq!(published, load_dataset(&json));
        let dataset = published.unwrap().dataset;
        let all: Vec<_> = dataset.figure_positions().collect();
        let csv = to_csv(&dataset, &all, Lang::En);
        let imported = load_file("export.txt", &csv);
        assert_eq!(imported, load_csv(&csv));
        assert_eq!(imported.unwrap().dataset.figures().len(), dataset.figures().len());
        // The same text read both ways fails differently, so the comparisons above tell the
        // loaders apart.
        assert_ne!(load_csv(&json), load_dataset(&json));
        assert_eq!(load_file("figures.csv", &json), load_csv(&json));
        assert_eq!(load_file("figures.json", "not a dataset"), load_dataset("not a dataset"));
    }
}
