//! The CSV download: one row per figure with its source on the same row (RFC 4180 quoting), safe
//! to open in a spreadsheet (no cell starts a formula; values stay numbers).

use crate::domain::dataset::csv_import::{csv_text, CSV_COLUMNS};
use crate::domain::dataset::date::Date;
use crate::domain::dataset::model::Dataset;
use crate::domain::dataset::model::{Figure, Position};
use crate::domain::lang::Lang;
use crate::domain::text::i18n::metric_name;

/// Where the value is among [`CSV_COLUMNS`].
const VALUE_COLUMN: usize = 5;

/// The figures as CSV (UTF-8, comma-separated, one row per figure, its source on the same row).
/// Values are bare numbers; every other cell is quoted text, neutralised where a spreadsheet
/// would take it for a formula (see [`csv_text`]).
pub fn to_csv(dataset: &Dataset, figures: &[Position<Figure>], lang: Lang) -> String {
    let mut out = CSV_COLUMNS.join(",");
    out.push_str("\r\n");
    for figure in figures.iter().filter_map(|i| dataset.figure(*i)) {
        let source = dataset.source_of(figure);
        let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
        let value = if figure.value().fract() == 0.0 { format!("{:.0}", figure.value()) } else { figure.value().to_string() };
        let texts = [
            figure.id().to_string(),
            figure.metric().id().to_string(),
            metric_name(figure.metric(), lang).to_string(),
            figure.detail().to_string(),
            figure.detail_fr().unwrap_or_default().to_string(),
            figure.unit().id().to_string(),
            figure.qualifier().id().to_string(),
            figure.as_of().to_string(),
            figure.as_of_precision().as_str().to_string(),
            date(figure.period_start()),
            date(figure.period_end()),
            date(figure.cumulative_since()),
            dataset.programme_of(figure).map(|p| p.id().to_string()).unwrap_or_default(),
            dataset.programme_of(figure).map(|p| p.name(lang).to_string()).unwrap_or_default(),
            figure.programme_label().to_string(),
            dataset.regions_of(figure).map(|r| r.id().to_string()).collect::<Vec<_>>().join(";"),
            dataset.regions_of(figure).map(|r| r.name(lang).to_string()).collect::<Vec<_>>().join(";"),
            dataset.country_of(figure).map(|c| c.code().to_string()).unwrap_or_default(),
            dataset.country_of(figure).map(|c| c.name(lang).to_string()).unwrap_or_default(),
            figure.note().to_string(),
            source.map(|s| s.id().to_string()).unwrap_or_default(),
            source.map(|s| s.title().to_string()).unwrap_or_default(),
            source.and_then(|s| s.reference()).unwrap_or_default().to_string(),
            source.map(|s| s.publisher().to_string()).unwrap_or_default(),
            source.map(|s| s.publisher_kind().id().to_string()).unwrap_or_default(),
            source.map(|s| s.date().to_string()).unwrap_or_default(),
            source.map(|s| s.date_precision().as_str().to_string()).unwrap_or_default(),
            source.map(|s| s.kind().id().to_string()).unwrap_or_default(),
            source.map(|s| s.language().to_string()).unwrap_or_default(),
            source.map(|s| s.url().to_string()).unwrap_or_default(),
            source.map(|s| s.is_official().to_string()).unwrap_or_default(),
            source.and_then(|s| s.note()).unwrap_or_default().to_string(),
        ];
        // The value stays a bare number, in its own column; every other cell is text.
        let mut cells: Vec<String> = texts.iter().map(|t| csv_text(t)).collect();
        cells.insert(VALUE_COLUMN, value);
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dataset::csv_import::{csv_text_value, FORMULA_STARTS};
    use crate::domain::dataset::model::Qualifier;
    use crate::domain::testing::{dataset, figure};

    #[test]
    fn csv_quotes_text_and_keeps_sources() {
        let d = dataset(&[figure("a").date("2020-10-13").value(84000.0).qualifier(Qualifier::MoreThan).country("LY")]);
        let csv = to_csv(&d, &[Position::new(0)], Lang::En);
        let mut lines = csv.lines();
        assert_eq!(lines.next().unwrap().split(',').count(), CSV_COLUMNS.len());
        assert_eq!(CSV_COLUMNS[VALUE_COLUMN], "value");
        let row = lines.next().unwrap();
        assert!(
            row.starts_with(
                "\"a\",\"migrants_returned\",\"Migrants returned\",\"d\",\"\",84000,\"count\",\"more_than\",\"2020-10-13\",\"day\","
            ),
            "no French wording: an empty column; {row}"
        );
        assert!(row.contains("https://example.org"), "the source travels with the figure");
        assert_eq!(csv_text("a,b"), "\"a,b\"");
        assert_eq!(csv_text("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn cells_that_would_start_a_formula_are_neutralised_and_read_back_exactly() {
        for (text, cell) in [
            ("=1+1", "\"'=1+1\""),
            ("+cmd", "\"'+cmd\""),
            ("-2+3", "\"'-2+3\""),
            ("@SUM(A1)", "\"'@SUM(A1)\""),
            ("\tx", "\"'\tx\""),
            ("\r=x", "\"'\r=x\""),
            ("'=x", "\"''=x\""),
            ("'quoted", "\"'quoted\""),
            ("a;=b", "\"a;=b\""),
            ("plain", "\"plain\""),
            ("", "\"\""),
        ] {
            assert_eq!(csv_text(text), cell, "{text:?}");
            let inner = cell.trim_matches('"');
            assert_eq!(csv_text_value(inner), text, "{cell} reads back");
        }
    }

    #[test]
    fn a_dataset_of_formulas_downloads_as_text_with_numbers_as_numbers() {
        let loaded = crate::domain::dataset::load::load_dataset(
            &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/formulas.json")).unwrap(),
        )
        .unwrap();
        assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
        let d = loaded.dataset;
        let all: Vec<_> = d.figure_positions().collect();
        for lang in [Lang::En, Lang::Fr] {
            let csv = to_csv(&d, &all, lang);
            let records = crate::domain::dataset::csv_import::parse_csv(&csv).unwrap();
            let raw_rows: Vec<&str> = csv.split("\r\n").skip(1).filter(|r| !r.is_empty()).collect();
            assert_eq!(records.len(), d.figures().len() + 1);
            for (record, raw) in records.iter().skip(1).zip(raw_rows) {
                assert_eq!(record.len(), CSV_COLUMNS.len());
                for (column, cell) in record.iter().enumerate() {
                    if column == VALUE_COLUMN {
                        assert!(cell.parse::<f64>().is_ok(), "the value stays a number: {cell}");
                        assert!(!raw.contains(&format!("\"{cell}\"")), "the value is not quoted");
                    } else {
                        assert!(!cell.starts_with(FORMULA_STARTS), "column {} starts a formula: {cell:?}", CSV_COLUMNS[column]);
                    }
                }
            }
            for formula in [
                "'=1+1",
                "'@SUM(A1:A9)",
                "'-2+3",
                "'+cmd|' /C calc'!A0",
                "''=already quoted",
                "'=IMPORTXML(",
                "'-migrants helped",
                "'@programme",
                "'=HYPERLINK(",
            ] {
                assert!(csv.contains(formula), "{formula} is neutralised in {lang:?}");
            }
        }
        let reloaded = crate::domain::dataset::csv_import::load_csv(&to_csv(&d, &all, Lang::En)).unwrap().dataset;
        let notes = |d: &Dataset| d.figures().iter().map(|f| f.note().to_string()).collect::<Vec<_>>();
        assert_eq!(notes(&reloaded), notes(&d), "reading the download back gives the texts exactly");
        assert_eq!(
            reloaded.sources().iter().map(|s| s.title().to_string()).collect::<Vec<_>>(),
            d.sources().iter().map(|s| s.title().to_string()).collect::<Vec<_>>()
        );
    }
}
