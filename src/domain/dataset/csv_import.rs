//! Reading a CSV file of figures (the columns of the dashboard's own CSV download) into a dataset,
//! through the same validation as JSON files: structural problems stop the file with the line
//! number; problems in single rows skip those rows with a message.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use crate::domain::dataset::issue::LoadError;
use crate::domain::dataset::load::{load_unlimited, Loaded, DATASET_FILE, SCHEMA, SCHEMA_VERSION};

/// Column names of the dashboard's CSV format: the CSV download writes them (`export`), and a CSV
/// file opened in the dashboard must have them.
pub const CSV_COLUMNS: [&str; 33] = [
    "figure_id",
    "metric",
    "metric_name",
    "metric_detail",
    "metric_detail_fr",
    "value",
    "unit",
    "qualifier",
    "as_of",
    "as_of_precision",
    "period_start",
    "period_end",
    "cumulative_since",
    "programme_id",
    "programme_name",
    "programme_as_published",
    "regions",
    "region_names",
    "country_code",
    "country_name",
    "note",
    "source_id",
    "source_title",
    "source_reference",
    "source_publisher",
    "source_publisher_kind",
    "source_date",
    "source_date_precision",
    "source_kind",
    "source_language",
    "source_url",
    "source_official",
    "source_note",
];

/// Characters that make a spreadsheet read a cell as a formula when they start it (OWASP, CSV
/// injection).
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether a text, once any leading apostrophes are set aside, would start a formula.
fn starts_formula(text: &str) -> bool {
    text.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// A text cell that is safe to open in a spreadsheet (OWASP's advice for CSV injection): always
/// quoted (RFC 4180), so no separator inside it, `,` or `;`, can start a new cell; and a cell that
/// would start a formula gets a leading apostrophe, which spreadsheets read as "text". A cell that
/// already starts with apostrophes before such a character gets one more, so that
/// [`csv_text_value`] gives every text back exactly.
pub fn csv_text(text: &str) -> String {
    let guard = if starts_formula(text) { "'" } else { "" };
    format!("\"{guard}{}\"", text.replace('"', "\"\""))
}

/// The text a [`csv_text`] cell stands for: its guarding apostrophe removed.
pub fn csv_text_value(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if starts_formula(rest) => rest,
        _ => cell,
    }
}

/// Splits CSV text into records of fields (RFC 4180: commas, double quotes, `""` escapes, CRLF
/// or LF line ends).
///
/// # Errors
/// [`LoadError::Csv`] for a quote left open.
pub fn parse_csv(text: &str) -> Result<Vec<Vec<String>>, LoadError> {
    Ok(parse_csv_records(text)?.into_iter().map(|record| record.fields).collect())
}

/// One record of a CSV file, with the line it starts on (a quoted field may hold line breaks,
/// so records and lines are not the same count).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRecord {
    /// 1-based line of the file where the record starts.
    pub line: usize,
    /// Its fields.
    pub fields: Vec<String>,
}

/// As [`parse_csv`], keeping the line each record starts on.
///
/// # Errors
/// [`LoadError::Csv`] for a quote left open.
pub fn parse_csv_records(text: &str) -> Result<Vec<CsvRecord>, LoadError> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut line = 1;
    let mut record_line = 1;
    let mut quote_line = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, other) => {
                if other == '\n' {
                    line += 1;
                }
                field.push(other);
            }
            (false, '"') if field.is_empty() => {
                quoted = true;
                quote_line = line;
            }
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(CsvRecord { line: record_line, fields: std::mem::take(&mut record) });
                line += 1;
                record_line = line;
            }
            (false, other) => field.push(other),
        }
    }
    if quoted {
        return Err(LoadError::Csv { line: quote_line, detail: "a quoted field is never closed".into() });
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(CsvRecord { line: record_line, fields: record });
    }
    Ok(records)
}

/// An empty cell is a missing value (`null`), never a default: the dataset's own validation then
/// refuses the record and says which field is missing, or says what it assumed.
fn optional(text: &str) -> Value {
    if text.trim().is_empty() {
        Value::Null
    } else {
        Value::String(text.trim().to_string())
    }
}

/// Whether a column describes a figure's source, which every row of that source must repeat
/// alike (`source_title`, `source_url`, …; not the id itself).
fn describes_source(column: &str) -> bool {
    column.starts_with("source_") && column != "source_id"
}

/// Reads a CSV file of figures into a dataset. Nothing is assumed: an empty cell is a missing
/// value, which the dataset's validation refuses (publisher kind, language, kind of source,
/// programme) or loads with a listed warning naming what it took (unit, date precision).
///
/// # Errors
/// [`LoadError`] when the file is empty, too large, badly quoted, lacks required columns, has a
/// column twice or one the download does not have, describes one source differently on two
/// lines, or has no usable figure. Line numbers count the file's lines, including those inside
/// quoted fields.
pub fn load_csv(text: &str) -> Result<Loaded, LoadError> {
    // The same size limit, byte-order mark and emptiness checks as a JSON dataset file.
    csv_document(DATASET_FILE.text(text)?)?.load()
}

/// A CSV file of figures rewritten as a dataset document (the JSON format), with the line of
/// the CSV file each record came from. The files worker writes it (`crate::domain::export::job`);
/// the page loads it with the JSON loader it already has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvDocument {
    /// The dataset document, as JSON text.
    pub text: String,
    /// For each list of the document (`figures`, `sources`, …), the CSV line of each record.
    pub lines: BTreeMap<String, Vec<usize>>,
}

impl CsvDocument {
    /// Validates the document as a dataset file, naming the CSV lines in its issues. The
    /// document may be longer than the CSV file it was written from, whose size was checked.
    ///
    /// # Errors
    /// [`LoadError::NoUsableFigures`] and the other errors of the dataset's validation.
    pub fn load(&self) -> Result<Loaded, LoadError> {
        let mut loaded = load_unlimited(&self.text)?;
        for issue in &mut loaded.issues {
            issue.record.line = self.lines.get(issue.record.list).and_then(|at| at.get(issue.record.index)).copied();
        }
        Ok(loaded)
    }
}

/// Rewrites a CSV file of figures (after [`DATASET_FILE`]'s checks) as a [`CsvDocument`].
///
/// # Errors
/// [`LoadError::Csv`] for the structural problems [`load_csv`] lists.
pub fn csv_document(text: &str) -> Result<CsvDocument, LoadError> {
    let records = parse_csv_records(text)?;
    let mut rows = records.into_iter();
    let header: Vec<String> = rows.next().map(|r| r.fields).unwrap_or_default().into_iter().map(|h| h.trim().to_string()).collect();
    let required = [
        "figure_id",
        "metric",
        "metric_detail",
        "value",
        "qualifier",
        "programme_id",
        "programme_as_published",
        "source_id",
        "source_date",
        "source_url",
        "source_title",
        "source_publisher",
        "source_publisher_kind",
        "source_kind",
        "source_language",
    ];
    let expected = || CSV_COLUMNS.join(", ");
    if let Some(missing) = required.iter().find(|name| !header.iter().any(|h| h == *name)) {
        return Err(LoadError::Csv {
            line: 1,
            detail: format!("column \"{missing}\" is missing; expected the columns of the dashboard's CSV download ({})", expected()),
        });
    }
    for (at, name) in header.iter().enumerate() {
        if !CSV_COLUMNS.contains(&name.as_str()) {
            return Err(LoadError::Csv {
                line: 1,
                detail: format!("column \"{name}\" is not one of the dashboard's CSV download ({})", expected()),
            });
        }
        if header.iter().skip(at + 1).any(|other| other == name) {
            return Err(LoadError::Csv { line: 1, detail: format!("column \"{name}\" appears twice") });
        }
    }
    let column = |name: &str| header.iter().position(|h| h == name);
    // Each record with the line it was first read from, so that issues name lines, not positions.
    let mut figures: Vec<(usize, Value)> = Vec::new();
    let mut sources: BTreeMap<String, (usize, Value)> = BTreeMap::new();
    // Where each source was first described, and how, to refuse a file that disagrees with itself.
    let mut described: BTreeMap<String, (usize, Vec<String>)> = BTreeMap::new();
    let mut programmes: BTreeMap<String, (usize, Value)> = BTreeMap::new();
    let mut regions: BTreeMap<String, (usize, Value)> = BTreeMap::new();
    let mut countries: BTreeMap<String, (usize, Value)> = BTreeMap::new();
    for CsvRecord { line, fields: row } in rows {
        if row.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if row.len() != header.len() {
            return Err(LoadError::Csv { line, detail: format!("{} fields where the header has {}", row.len(), header.len()) });
        }
        let get = |name: &str| column(name).and_then(|i| row.get(i)).map(|s| csv_text_value(s.trim()).trim()).unwrap_or("");
        let programme_id = get("programme_id");
        if !programme_id.is_empty() {
            let name = [get("programme_name"), get("programme_as_published"), programme_id]
                .into_iter()
                .find(|n| !n.is_empty())
                .unwrap_or(programme_id);
            programmes
                .entry(programme_id.to_string())
                .or_insert_with(|| (line, json!({"id": programme_id, "name_en": name, "name_fr": name})));
        }
        let region_ids: Vec<&str> = get("regions").split(';').map(str::trim).filter(|r| !r.is_empty()).collect();
        let region_names: Vec<&str> = get("region_names").split(';').map(str::trim).collect();
        for (i, id) in region_ids.iter().enumerate() {
            let name = region_names.get(i).filter(|n| !n.is_empty()).copied().unwrap_or(id);
            regions.entry(id.to_string()).or_insert_with(|| (line, json!({"id": id, "name_en": name, "name_fr": name})));
        }
        let code = get("country_code");
        if !code.is_empty() {
            let name = if get("country_name").is_empty() { code } else { get("country_name") };
            countries.entry(code.to_string()).or_insert_with(|| (line, json!({"code": code, "name_en": name, "name_fr": name})));
        }
        let source_id = get("source_id");
        let source_columns = CSV_COLUMNS.iter().filter(|c| describes_source(c));
        let description: Vec<String> = source_columns.clone().map(|name| get(name).to_string()).collect();
        match described.get(source_id) {
            Some((first, earlier)) if *earlier != description => {
                let differs = source_columns
                    .zip(earlier.iter().zip(&description))
                    .find(|(_, (a, b))| a != b)
                    .map(|(name, _)| *name)
                    .unwrap_or("description");
                return Err(LoadError::Csv { line, detail: format!("source \"{source_id}\" has another {differs} than on line {first}") });
            }
            Some(_) => {}
            None if source_id.is_empty() => {}
            None => {
                described.insert(source_id.to_string(), (line, description));
                let official = match get("source_official") {
                    "true" => json!(true),
                    "false" => json!(false),
                    other => optional(other),
                };
                let mut source = Map::new();
                for (key, value) in [
                    ("id", json!(source_id)),
                    ("date", json!(get("source_date"))),
                    ("date_precision", optional(get("source_date_precision"))),
                    ("publisher", json!(get("source_publisher"))),
                    ("publisher_kind", optional(get("source_publisher_kind"))),
                    ("official", official),
                    ("title", json!(get("source_title"))),
                    ("reference", optional(get("source_reference"))),
                    ("url", json!(get("source_url"))),
                    ("language", optional(get("source_language"))),
                    ("kind", optional(get("source_kind"))),
                    ("note", optional(get("source_note"))),
                ] {
                    source.insert(key.to_string(), value);
                }
                sources.insert(source_id.to_string(), (line, Value::Object(source)));
            }
        }
        let value = match get("value").replace(' ', "").parse::<f64>() {
            Ok(number) if number.is_finite() => json!(number),
            _ => json!(get("value")),
        };
        figures.push((
            line,
            json!({
                "id": get("figure_id"),
                "source": source_id,
                "metric": get("metric"),
                "metric_detail": get("metric_detail"),
                "metric_detail_fr": optional(get("metric_detail_fr")),
                "value": value,
                "unit": optional(get("unit")),
                "qualifier": get("qualifier"),
                "period_start": optional(get("period_start")),
                "period_end": optional(get("period_end")),
                "cumulative_since": optional(get("cumulative_since")),
                "programme": optional(get("programme_as_published")),
                "programme_id": optional(programme_id),
                "regions": region_ids,
                "country": optional(code),
                "note": get("note"),
            }),
        ));
    }
    let mut lines: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut list = |name: &str, records: Vec<(usize, Value)>| {
        let (at, values): (Vec<usize>, Vec<Value>) = records.into_iter().unzip();
        lines.insert(name.to_string(), at);
        values
    };
    let document = json!({
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "info": {"title": "CSV file", "description": "Figures read from a CSV file.", "licence": ""},
        "programmes": list("programmes", programmes.into_values().collect()),
        "regions": list("regions", regions.into_values().collect()),
        "countries": list("countries", countries.into_values().collect()),
        "sources": list("sources", sources.into_values().collect()),
        "figures": list("figures", figures),
    });
    Ok(CsvDocument { text: document.to_string(), lines })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dataset::model::Position;
    use crate::domain::dataset::model::{Metric, Qualifier};
    use crate::domain::export::to_csv;
    use crate::domain::lang::Lang;
    use crate::domain::testing::{dataset, figure};

    #[test]
    fn parses_quotes_escapes_and_line_ends() {
        let records = parse_csv("a,\"b,c\",\"say \"\"hi\"\"\"\r\n1,\"two\nlines\",3\n").unwrap();
        assert_eq!(records, vec![vec!["a", "b,c", "say \"hi\""], vec!["1", "two\nlines", "3"]]);
        assert_eq!(parse_csv("x\n\"open").unwrap_err(), LoadError::Csv { line: 2, detail: "a quoted field is never closed".into() });
    }

    #[test]
    fn the_csv_download_reads_back() {
        let d = dataset(&[
            figure("a").date("2020-10-13").value(84000.0).qualifier(Qualifier::MoreThan).country("LY"),
            figure("b").date("2021-12-16").metric(Metric::Projects).value(535.0).period_start("2015-01-01"),
        ]);
        let csv = to_csv(&d, &[Position::new(0), Position::new(1)], Lang::En);
        let loaded = load_csv(&csv).unwrap();
        assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
        let figures = loaded.dataset.figures();
        assert_eq!(figures.len(), 2);
        assert_eq!(figures[0].value(), 84000.0);
        assert_eq!(loaded.dataset.country_of(&figures[0]).unwrap().code(), "LY");
        assert_eq!(figures[1].period_start().unwrap().to_string(), "2015-01-01");
    }

    #[test]
    fn structural_problems_name_the_line_and_row_problems_skip_the_row() {
        assert!(matches!(load_csv("name,value\nx,1\n"), Err(LoadError::Csv { line: 1, .. })));
        let d = dataset(&[figure("a").date("2020-10-13")]);
        let csv = to_csv(&d, &[Position::new(0)], Lang::En);
        let short = format!("{csv}only,three,fields\n");
        assert_eq!(
            load_csv(&short).unwrap_err(),
            LoadError::Csv { line: 3, detail: format!("3 fields where the header has {}", CSV_COLUMNS.len()) }
        );
        let row = csv.lines().nth(1).unwrap();
        let bad_row = csv.replacen(",1,\"count\",", ",-5,\"count\",", 1);
        assert_ne!(bad_row, csv);
        let loaded = load_csv(&format!("{bad_row}{}\r\n", row.replacen("\"a\",", "\"b\",", 1))).unwrap();
        assert_eq!(loaded.dataset.figures().len(), 1);
        assert!(loaded.issues.iter().any(|i| i.to_string().contains("negative")), "{:?}", loaded.issues);
    }

    /// A download of `d` with the cells of `column` replaced by `cell` in every row.
    fn with_cell(csv: &str, column: &str, cell: &str) -> String {
        let at = CSV_COLUMNS.iter().position(|c| *c == column).unwrap();
        let records = parse_csv(csv).unwrap();
        let mut out = String::new();
        for (i, record) in records.iter().enumerate() {
            let cells: Vec<String> = record
                .iter()
                .enumerate()
                .map(|(j, f)| if i > 0 && j == at { cell } else { f.as_str() })
                .map(|f| format!("\"{}\"", f.replace('"', "\"\"")))
                .collect();
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
        out
    }

    #[test]
    fn nothing_is_assumed_for_a_missing_publisher_kind_language_kind_or_programme() {
        let d = dataset(&[figure("a").date("2020-10-13")]);
        let csv = to_csv(&d, &[Position::new(0)], Lang::En);
        for column in ["source_publisher_kind", "source_language", "source_kind", "programme_id", "programme_as_published"] {
            let field = column.trim_start_matches("source_").replace("programme_as_published", "programme");
            let error = load_csv(&with_cell(&csv, column, "")).unwrap_err();
            assert_eq!(error, LoadError::NoUsableFigures { skipped: 1 + usize::from(column.starts_with("source_")) }, "{column}");
            let official = with_cell(&with_cell(&csv, "source_official", "true"), column, "");
            let Err(LoadError::NoUsableFigures { .. }) = load_csv(&official) else {
                panic!("{column}: an official source without {field} is not made IOM's")
            };
        }
        // The dataset's validation names what is missing.
        let kindless = format!(
            "{}{}",
            with_cell(&csv, "source_publisher_kind", ""),
            to_csv(&dataset(&[figure("b").date("2021-10-13").metric(Metric::Projects).value(5.0)]), &[Position::new(0)], Lang::En)
                .lines()
                .nth(1)
                .unwrap()
        );
        let loaded = load_csv(&kindless).unwrap();
        let messages: Vec<String> = loaded.issues.iter().map(ToString::to_string).collect();
        assert!(messages.iter().any(|m| m.contains("field \"publisher_kind\" is missing (skipped)")), "{messages:?}");
        assert!(loaded.dataset.sources().iter().all(|s| s.id() != "s-a"), "the source without a kind is not shown at all");
    }

    #[test]
    fn a_missing_unit_or_date_precision_is_loaded_with_a_warning_naming_what_was_taken() {
        let d = dataset(&[figure("a").date("2020-10-13")]);
        let csv = with_cell(&with_cell(&to_csv(&d, &[Position::new(0)], Lang::En), "unit", ""), "source_date_precision", "");
        let loaded = load_csv(&csv).unwrap();
        let messages: Vec<String> = loaded.issues.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages[0].ends_with("field \"date_precision\" is missing; taken as \"day\" (kept)"), "{messages:?}");
        assert!(messages[1].ends_with("field \"unit\" is missing; taken as \"count\" (kept)"), "{messages:?}");
    }

    #[test]
    fn line_numbers_count_lines_inside_quoted_fields() {
        let d = dataset(&[figure("a").date("2020-10-13"), figure("b").date("2021-10-13").metric(Metric::Projects).value(5.0)]);
        // The first figure's note spans three lines, so the second record starts on line 5.
        let csv = with_cell(&to_csv(&d, &[Position::new(0), Position::new(1)], Lang::En), "note", "one\ntwo\nthree");
        let records = parse_csv_records(&csv).unwrap();
        assert_eq!(records.iter().map(|r| r.line).collect::<Vec<_>>(), [1, 2, 5]);
        let broken = format!("{csv}\"x\",\"y\"\r\n");
        assert_eq!(
            load_csv(&broken).unwrap_err(),
            LoadError::Csv { line: 8, detail: format!("2 fields where the header has {}", CSV_COLUMNS.len()) }
        );
        assert_eq!(
            parse_csv("a\n\"b\nc\"\n\"open").unwrap_err(),
            LoadError::Csv { line: 4, detail: "a quoted field is never closed".into() }
        );
    }

    #[test]
    fn row_issues_name_the_line_of_the_file_not_a_list_position() {
        let d = dataset(&[
            figure("a").date("2020-10-13"),
            figure("b").date("2021-10-13").metric(Metric::Projects).value(5.0),
            figure("c").date("2022-10-13").metric(Metric::Projects).value(7.0),
        ]);
        // Every row's note spans two lines, so the rows start on lines 2, 4 and 6; the second
        // source (line 4) gets a date that cannot be read and the third figure (line 6) a
        // negative value. Sources are listed by id, so no list position is a line.
        let mut records =
            parse_csv(&with_cell(&to_csv(&d, &[Position::new(0), Position::new(1), Position::new(2)], Lang::En), "note", "one\ntwo"))
                .unwrap();
        let at = |name: &str| CSV_COLUMNS.iter().position(|c| *c == name).unwrap();
        records[2][at("source_date")] = "2021-13-13".into();
        records[3][at("value")] = "-7".into();
        let csv: String = records
            .iter()
            .map(|r| r.iter().map(|f| format!("\"{}\"", f.replace('"', "\"\""))).collect::<Vec<_>>().join(",") + "\r\n")
            .collect();
        let loaded = load_csv(&csv).unwrap();
        let en: Vec<String> = loaded.issues.iter().map(|i| i.message(Lang::En)).collect();
        assert_eq!(en.len(), 3, "{en:?}");
        assert!(en[0].starts_with("line 4 \"s-b\": date \"2021-13-13\""), "{en:?}");
        assert_eq!(en[1], "line 4 \"b\": source refers to \"s-b\", which does not exist (skipped)");
        assert_eq!(en[2], "line 6 \"c\": value is negative (-7) (skipped)");
        assert_eq!(loaded.issues[2].message(Lang::Fr), "ligne 6 « c »: value est négatif (-7) (ignoré)");
    }

    #[test]
    fn a_file_that_describes_a_source_two_ways_is_refused() {
        let d = dataset(&[figure("a").date("2020-10-13")]);
        let csv = to_csv(&d, &[Position::new(0)], Lang::En);
        let row = csv.lines().nth(1).unwrap();
        let other = row.replacen("\"a\",", "\"a2\",", 1).replace("\"iom\"", "\"eu\"");
        assert_eq!(
            load_csv(&format!("{csv}{other}\r\n")).unwrap_err(),
            LoadError::Csv { line: 3, detail: "source \"s-a\" has another source_publisher_kind than on line 2".into() }
        );
    }

    #[test]
    fn unknown_and_repeated_columns_are_refused() {
        let d = dataset(&[figure("a").date("2020-10-13")]);
        let csv = to_csv(&d, &[Position::new(0)], Lang::En);
        let typo = csv.replacen("source_note", "sorce_note", 1);
        assert!(
            matches!(load_csv(&typo), Err(LoadError::Csv { line: 1, detail }) if detail.starts_with("column \"sorce_note\" is not one of"))
        );
        let twice = csv.replacen("source_note", "note", 1);
        assert_eq!(load_csv(&twice).unwrap_err(), LoadError::Csv { line: 1, detail: "column \"note\" appears twice".into() });
    }
}
