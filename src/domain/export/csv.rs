//! The CSV download: one row per figure with its source on the same row (RFC 4180 quoting).

use crate::domain::dataset::csv_import::CSV_COLUMNS;
use crate::domain::dataset::date::Date;
use crate::domain::dataset::model::Dataset;
use crate::domain::lang::Lang;
use crate::domain::text::i18n::metric_name;

/// Quotes a CSV field when it contains a separator, quote or line break (RFC 4180).
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// The figures as CSV (UTF-8, comma-separated, one row per figure, its source on the same row).
pub fn to_csv(dataset: &Dataset, figures: &[usize], lang: Lang) -> String {
    let mut out = CSV_COLUMNS.join(",");
    out.push_str("\r\n");
    for figure in figures.iter().filter_map(|i| dataset.figures().get(*i)) {
        let source = dataset.source_of(figure);
        let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
        let value = if figure.value().fract() == 0.0 { format!("{:.0}", figure.value()) } else { figure.value().to_string() };
        let row = [
            figure.id().to_string(),
            figure.metric().id().to_string(),
            metric_name(figure.metric(), lang).to_string(),
            figure.detail().to_string(),
            figure.detail_fr().unwrap_or_default().to_string(),
            value,
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
        out.push_str(&row.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::dataset;

    #[test]
    fn csv_quotes_what_needs_quoting_and_keeps_sources() {
        let d = dataset(&[("a", "2020-10-13", "migrants_returned", 84000.0, "more_than", Some("LY"), None)]);
        let csv = to_csv(&d, &[0], Lang::En);
        let mut lines = csv.lines();
        assert_eq!(lines.next().unwrap().split(',').count(), CSV_COLUMNS.len());
        let row = lines.next().unwrap();
        assert!(row.starts_with("a,migrants_returned,Migrants returned,d,,84000,count,more_than,2020-10-13,day,"), "no French wording: an empty column");
        assert!(row.contains("https://example.org"), "the source travels with the figure");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
