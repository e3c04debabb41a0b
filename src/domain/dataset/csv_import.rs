//! Reading a CSV file of figures (the columns of the dashboard's own CSV download) into a dataset,
//! through the same validation as JSON files: structural problems stop the file with the line
//! number; problems in single rows skip those rows with a message.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use crate::domain::dataset::issue::LoadError;
use crate::domain::dataset::load::{load_value, Loaded, DATASET_FILE, SCHEMA, SCHEMA_VERSION};

/// Column names of the dashboard's CSV format: the CSV download writes them (`export`), and a CSV
/// file opened in the dashboard must have them.
pub const CSV_COLUMNS: [&str; 32] = [
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

/// Splits CSV text into records of fields (RFC 4180: commas, double quotes, `""` escapes, CRLF
/// or LF line ends).
///
/// # Errors
/// [`LoadError::Csv`] for a quote left open.
pub fn parse_csv(text: &str) -> Result<Vec<Vec<String>>, LoadError> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut line = 1;
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
                records.push(std::mem::take(&mut record));
                line += 1;
            }
            (false, other) => field.push(other),
        }
    }
    if quoted {
        return Err(LoadError::Csv { line: quote_line, detail: "a quoted field is never closed".into() });
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    Ok(records)
}

fn optional(text: &str) -> Value {
    if text.trim().is_empty() {
        Value::Null
    } else {
        Value::String(text.trim().to_string())
    }
}

/// Reads a CSV file of figures into a dataset.
///
/// # Errors
/// [`LoadError`] when the file is empty, too large, badly quoted, lacks required columns, or
/// has no usable figure.
pub fn load_csv(text: &str) -> Result<Loaded, LoadError> {
    // The same size limit, byte-order mark and emptiness checks as a JSON dataset file.
    let text = DATASET_FILE.text(text)?;
    let records = parse_csv(text)?;
    let mut rows = records.into_iter();
    let header: Vec<String> = rows.next().unwrap_or_default().into_iter().map(|h| h.trim().to_string()).collect();
    let required = ["figure_id", "metric", "metric_detail", "value", "qualifier", "source_id", "source_date", "source_url", "source_title", "source_publisher"];
    if let Some(missing) = required.iter().find(|name| !header.iter().any(|h| h == *name)) {
        return Err(LoadError::Csv { line: 1, detail: format!("column \"{missing}\" is missing; expected the columns of the dashboard's CSV download ({})", CSV_COLUMNS.join(", ")) });
    }
    let column = |name: &str| header.iter().position(|h| h == name);
    let mut figures = Vec::new();
    let mut sources: BTreeMap<String, Value> = BTreeMap::new();
    let mut programmes: BTreeMap<String, Value> = BTreeMap::new();
    let mut regions: BTreeMap<String, Value> = BTreeMap::new();
    let mut countries: BTreeMap<String, Value> = BTreeMap::new();
    for (index, row) in rows.enumerate() {
        if row.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if row.len() != header.len() {
            return Err(LoadError::Csv {
                line: index + 2,
                detail: format!("{} fields where the header has {}", row.len(), header.len()),
            });
        }
        let get = |name: &str| column(name).and_then(|i| row.get(i)).map(|s| s.trim()).unwrap_or("");
        let programme_id = if get("programme_id").is_empty() { "unspecified" } else { get("programme_id") };
        let programme_name = [get("programme_name"), get("programme_as_published"), programme_id].into_iter().find(|n| !n.is_empty()).unwrap_or(programme_id);
        programmes.entry(programme_id.to_string()).or_insert_with(|| json!({"id": programme_id, "name_en": programme_name, "name_fr": programme_name}));
        let region_ids: Vec<&str> = get("regions").split(';').map(str::trim).filter(|r| !r.is_empty()).collect();
        let region_names: Vec<&str> = get("region_names").split(';').map(str::trim).collect();
        for (i, id) in region_ids.iter().enumerate() {
            let name = region_names.get(i).filter(|n| !n.is_empty()).copied().unwrap_or(id);
            regions.entry(id.to_string()).or_insert_with(|| json!({"id": id, "name_en": name, "name_fr": name}));
        }
        let code = get("country_code");
        if !code.is_empty() {
            let name = if get("country_name").is_empty() { code } else { get("country_name") };
            countries.entry(code.to_string()).or_insert_with(|| json!({"code": code, "name_en": name, "name_fr": name}));
        }
        let source_id = get("source_id");
        if !source_id.is_empty() && !sources.contains_key(source_id) {
            let kind = get("source_publisher_kind");
            let official = get("source_official") == "true";
            let publisher_kind = if kind.is_empty() { if official { "iom" } else { "media" } } else { kind };
            let mut source = Map::new();
            for (key, value) in [
                ("id", json!(source_id)),
                ("date", json!(get("source_date"))),
                ("date_precision", optional(get("source_date_precision"))),
                ("publisher", json!(get("source_publisher"))),
                ("publisher_kind", json!(publisher_kind)),
                ("title", json!(get("source_title"))),
                ("url", json!(get("source_url"))),
                ("language", json!(if get("source_language").is_empty() { "und" } else { get("source_language") })),
                ("kind", json!(if get("source_kind").is_empty() { "web-page" } else { get("source_kind") })),
                ("note", optional(get("source_note"))),
            ] {
                source.insert(key.to_string(), value);
            }
            sources.insert(source_id.to_string(), Value::Object(source));
        }
        let value = match get("value").replace(' ', "").parse::<f64>() {
            Ok(number) if number.is_finite() => json!(number),
            _ => json!(get("value")),
        };
        figures.push(json!({
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
            "programme": if get("programme_as_published").is_empty() { programme_name } else { get("programme_as_published") },
            "programme_id": programme_id,
            "regions": region_ids,
            "country": optional(code),
            "note": get("note"),
        }));
    }
    let document = json!({
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "info": {"title": "CSV file", "description": "Figures read from a CSV file.", "licence": ""},
        "programmes": programmes.into_values().collect::<Vec<_>>(),
        "regions": regions.into_values().collect::<Vec<_>>(),
        "countries": countries.into_values().collect::<Vec<_>>(),
        "sources": sources.into_values().collect::<Vec<_>>(),
        "figures": figures,
    });
    load_value(&document)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::export::to_csv;
    use crate::domain::lang::Lang;
    use crate::domain::testing::dataset;

    #[test]
    fn parses_quotes_escapes_and_line_ends() {
        let records = parse_csv("a,\"b,c\",\"say \"\"hi\"\"\"\r\n1,\"two\nlines\",3\n").unwrap();
        assert_eq!(records, vec![vec!["a", "b,c", "say \"hi\""], vec!["1", "two\nlines", "3"]]);
        assert_eq!(parse_csv("x\n\"open").unwrap_err(), LoadError::Csv { line: 2, detail: "a quoted field is never closed".into() });
    }

    #[test]
    fn the_csv_download_reads_back() {
        let d = dataset(&[
            ("a", "2020-10-13", "migrants_returned", 84000.0, "more_than", Some("LY"), None),
            ("b", "2021-12-16", "projects", 535.0, "exact", None, Some("2015-01-01")),
        ]);
        let csv = to_csv(&d, &[0, 1], Lang::En);
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
        let d = dataset(&[("a", "2020-10-13", "migrants_returned", 1.0, "exact", None, None)]);
        let csv = to_csv(&d, &[0], Lang::En);
        let short = format!("{csv}only,three,fields\n");
        assert_eq!(load_csv(&short).unwrap_err(), LoadError::Csv { line: 3, detail: format!("3 fields where the header has {}", CSV_COLUMNS.len()) });
        let bad_row = csv.replacen(",84000,", ",-5,", 1).replace(",1,count,", ",-5,count,");
        let loaded = load_csv(&format!("{bad_row}{}", csv.lines().nth(1).unwrap().replacen("a,", "b,", 1))).unwrap();
        assert_eq!(loaded.dataset.figures().len(), 1);
        assert!(loaded.issues.iter().any(|i| i.to_string().contains("negative")));
    }
}
