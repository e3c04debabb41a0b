//! Downloads: the selected figures (or the whole dataset) as CSV or JSON, each with the source of
//! every figure and a citation text, descriptive file names, the active filters in words, and a
//! minimal ZIP writer to bundle a CSV with its README.

use serde::Serialize;

use crate::domain::explore::aggregate::Place;
use crate::domain::dataset::date::Date;
use crate::domain::text::format::{format_date, format_period};
use crate::domain::text::i18n::{level_name, metric_name};
use crate::domain::lang::Lang;
use crate::domain::text::labels::place_name;
use crate::domain::text::messages::{msg, Msg};
use crate::domain::text::downloads::{citation_text, download_line, sources_line, CitationFacts};
use crate::domain::dataset::model::{Dataset, Metric};
use crate::domain::dataset::raw::RawDataset;
use crate::domain::explore::select::{count_sources, Level, PublisherFilter};
use crate::domain::explore::view::ViewState;

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

/// The active filters in words: `Migrants returned · all programmes · programme-wide totals ·
/// 2013–2025 · all sources`.
pub fn describe_filters(dataset: &Dataset, state: &ViewState, lang: Lang) -> String {
    let filter = &state.filter;
    let words = |message: Msg| msg(message, lang).to_string();
    let mut parts = Vec::new();
    parts.push(if filter.metrics.is_empty() {
        words(Msg::AllMetrics)
    } else {
        Metric::ALL.into_iter().filter(|m| filter.metrics.contains(m)).map(|m| metric_name(m, lang)).collect::<Vec<_>>().join(", ")
    });
    parts.push(if filter.programmes.is_empty() {
        words(Msg::AllProgrammes)
    } else {
        filter
            .programmes
            .iter()
            .filter_map(|id| dataset.programme_index(id).and_then(|i| dataset.programmes().get(i)))
            .map(|p| p.short_name(lang).to_string())
            .collect::<Vec<_>>()
            .join(", ")
    });
    if !filter.regions.is_empty() {
        parts.push(
            filter
                .regions
                .iter()
                .filter_map(|id| dataset.region_index(id).and_then(|i| dataset.regions().get(i)))
                .map(|r| r.name(lang).to_string())
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    if !filter.countries.is_empty() {
        parts.push(
            filter
                .countries
                .iter()
                .filter_map(|code| dataset.country_index(code).map(|i| place_name(dataset, &Place::Country(i), lang)))
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    if !filter.levels.is_empty() && filter.levels.len() < Level::ALL.len() {
        parts.push(
            Level::ALL
                .into_iter()
                .filter(|l| filter.levels.contains(l))
                .map(|l| level_name(l, lang).to_lowercase())
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    parts.push(match filter.years {
        Some((from, to)) if from == to => from.to_string(),
        Some((from, to)) => format!("{from}–{to}"),
        None => words(Msg::AllYears),
    });
    parts.push(match filter.publishers {
        PublisherFilter::All => words(Msg::AllPublishers),
        PublisherFilter::OfficialOnly => words(Msg::OfficialPublishersOnly),
    });
    parts.join(" · ")
}

/// One line naming where a selection's figures come from: `Sources: 10 releases from 7
/// publishers, 15 Dec 2017 to c. Jan 2022 (each figure's source is listed in the data download)`.
pub fn source_summary(dataset: &Dataset, figures: &[usize], lang: Lang) -> String {
    let mut sources: Vec<usize> = figures.iter().filter_map(|i| dataset.figures().get(*i)).map(|f| f.source_index()).collect();
    sources.sort_unstable();
    sources.dedup();
    let mut publishers: Vec<&str> = sources.iter().filter_map(|s| dataset.sources().get(*s)).map(|s| s.publisher()).collect();
    publishers.sort_unstable();
    publishers.dedup();
    let dated: Vec<_> = sources.iter().filter_map(|s| dataset.sources().get(*s)).map(|s| (s.date(), s.date_precision())).collect();
    let range = match (dated.iter().min(), dated.iter().max()) {
        (Some(first), Some(last)) if first == last => format_date(first.0, first.1, lang),
        (Some(first), Some(last)) => format!("{} – {}", format_date(first.0, first.1, lang), format_date(last.0, last.1, lang)),
        _ => String::new(),
    };
    sources_line(sources.len(), publishers.len(), &range, lang)
}

/// Characters per footer line of a downloaded chart (960 px wide at 12 px text).
pub const FOOTER_CHARS: usize = 128;

/// Breaks a text into lines of at most `max` characters, at spaces where possible; a word
/// longer than a line (an address) is broken after `&`, `?` or `/`, or anywhere if it must.
pub fn wrap_text(text: &str, max: usize) -> Vec<String> {
    let max = max.max(10);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let mut word = word.to_string();
        while word.chars().count() > max {
            let chars: Vec<char> = word.chars().collect();
            let room = max.saturating_sub(line.chars().count() + usize::from(!line.is_empty())).max(1);
            let head_len = chars
                .iter()
                .take(room)
                .enumerate()
                .filter(|(_, c)| matches!(c, '&' | '?' | '/'))
                .map(|(i, _)| i + 1)
                .next_back()
                .unwrap_or(room)
                .min(chars.len());
            let head: String = chars.iter().take(head_len).collect();
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&head);
            lines.push(std::mem::take(&mut line));
            word = chars.iter().skip(head_len).collect();
        }
        if line.chars().count() + word.chars().count() + usize::from(!line.is_empty()) > max && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The footer lines of a downloaded chart: sources, then data date, download date and address,
/// wrapped to fit the chart's width.
pub fn chart_footer(dataset: &Dataset, figures: &[usize], context: &ExportContext) -> Vec<String> {
    let lang = context.lang;
    let as_of = dataset.latest_source_date().map(|d| format_date(d, crate::domain::dataset::date::DatePrecision::Day, lang)).unwrap_or_default();
    let today = format_date(context.today, crate::domain::dataset::date::DatePrecision::Day, lang);
    let second = download_line(&as_of, &today, &context.page_url, lang);
    let mut lines = wrap_text(&source_summary(dataset, figures, lang), FOOTER_CHARS);
    lines.extend(wrap_text(&second, FOOTER_CHARS));
    lines
}

/// A file name part made of lower-case ASCII letters, digits and dashes.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let c = match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            other => other.to_ascii_lowercase(),
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').chars().take(60).collect()
}

/// A descriptive file name: `eu-iom-figures_migrants-returned_2013-2025_2026-11-28.csv`.
pub fn file_name(state: &ViewState, scope: Scope, what: &str, today: Date, extension: &str) -> String {
    let filter = &state.filter;
    let subject = match scope {
        Scope::Everything => "all-figures".to_string(),
        Scope::Selection if filter.metrics.len() == 1 => {
            filter.metrics.iter().next().map(|m| slug(m.id())).unwrap_or_default()
        }
        Scope::Selection => "selection".to_string(),
    };
    let mut parts = vec!["eu-iom-figures".to_string(), subject];
    if !what.is_empty() {
        parts.push(slug(what));
    }
    if scope == Scope::Selection {
        if !filter.countries.is_empty() && filter.countries.len() <= 3 {
            parts.push(filter.countries.iter().map(|c| c.to_ascii_lowercase()).collect::<Vec<_>>().join("-"));
        }
        if let Some((from, to)) = filter.years {
            parts.push(format!("{from}-{to}"));
        }
    }
    parts.push(today.to_string());
    format!("{}.{extension}", parts.join("_"))
}

/// The citation and metadata text shipped with every download.
pub fn citation(dataset: &Dataset, state: &ViewState, figures: &[usize], scope: Scope, context: &ExportContext) -> String {
    let lang = context.lang;
    let as_of = dataset.latest_source_date().map(|d| format_date(d, crate::domain::dataset::date::DatePrecision::Day, lang)).unwrap_or_default();
    let today = format_date(context.today, crate::domain::dataset::date::DatePrecision::Day, lang);
    let n_sources = count_sources(dataset, figures);
    let selection = match scope {
        Scope::Everything => msg(Msg::TheWholeDataset, lang).to_string(),
        Scope::Selection => describe_filters(dataset, state, lang),
    };
    let period = crate::domain::explore::select::year_bounds(dataset)
        .map(|(a, b)| format_period(Date::start_of_year(a), Date::end_of_year(b), lang))
        .unwrap_or_default();
    let facts = CitationFacts {
        n_figures: figures.len(),
        n_sources,
        period: &period,
        selection: &selection,
        as_of: &as_of,
        today: &today,
        url: &context.page_url,
    };
    citation_text(&facts, lang)
}

/// Quotes a CSV field when it contains a separator, quote or line break (RFC 4180).
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// Column names of the CSV download (also the columns a CSV file opened in the dashboard has).
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

/// The metadata block of a JSON download.
#[derive(Debug, Clone, Serialize)]
pub struct ExportMetadata {
    /// The citation text.
    pub citation: String,
    /// The filters in words (or "the whole dataset").
    pub selection: String,
    /// Address of the view.
    pub view_url: String,
    /// Retrieval date.
    pub retrieved: String,
}

#[derive(Serialize)]
struct ExportJson<'a> {
    metadata: ExportMetadata,
    #[serde(flatten)]
    dataset: &'a RawDataset,
}

/// The figures as a dataset file (loadable by the dashboard) with a `metadata` block first.
///
/// # Errors
/// Only if serde_json fails, which plain data cannot make it do.
pub fn to_json(dataset: &Dataset, state: &ViewState, figures: &[usize], scope: Scope, context: &ExportContext) -> Result<String, serde_json::Error> {
    let raw = RawDataset::from_dataset(dataset, if scope == Scope::Everything { None } else { Some(figures) });
    let metadata = ExportMetadata {
        citation: citation(dataset, state, figures, scope, context),
        selection: match scope {
            Scope::Everything => "all".into(),
            Scope::Selection => describe_filters(dataset, state, context.lang),
        },
        view_url: context.page_url.clone(),
        retrieved: context.today.to_string(),
    };
    let mut text = serde_json::to_string_pretty(&ExportJson { metadata, dataset: &raw })?;
    text.push('\n');
    Ok(text)
}

/// CRC-32 (IEEE), as ZIP needs it.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

/// A ZIP archive storing `files` uncompressed (name, content), dated `date`.
pub fn zip_store(files: &[(String, Vec<u8>)], date: Date) -> Vec<u8> {
    let dos_date = (((date.year() - 1980).clamp(0, 127) as u16) << 9) | (u16::from(date.month()) << 5) | u16::from(date.day());
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, content) in files {
        let offset = out.len() as u32;
        let crc = crc32(content);
        let size = content.len() as u32;
        let name_bytes = name.as_bytes();
        let header = |signature: u32, central_entry: bool| -> Vec<u8> {
            let mut h = Vec::new();
            h.extend(signature.to_le_bytes());
            if central_entry {
                h.extend(20u16.to_le_bytes());
            }
            h.extend(20u16.to_le_bytes()); // version needed
            h.extend(0x0800u16.to_le_bytes()); // UTF-8 names
            h.extend(0u16.to_le_bytes()); // stored
            h.extend(0u16.to_le_bytes()); // time
            h.extend(dos_date.to_le_bytes());
            h.extend(crc.to_le_bytes());
            h.extend(size.to_le_bytes());
            h.extend(size.to_le_bytes());
            h.extend((name_bytes.len() as u16).to_le_bytes());
            h.extend(0u16.to_le_bytes()); // extra length
            if central_entry {
                h.extend(0u16.to_le_bytes()); // comment length
                h.extend(0u16.to_le_bytes()); // disk
                h.extend(0u16.to_le_bytes()); // internal attributes
                h.extend(0u32.to_le_bytes()); // external attributes
                h.extend(offset.to_le_bytes());
            }
            h.extend(name_bytes);
            h
        };
        out.extend(header(0x0403_4b50, false));
        out.extend(content);
        central.extend(header(0x0201_4b50, true));
    }
    let central_offset = out.len() as u32;
    let central_size = central.len() as u32;
    out.extend(central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out.extend((files.len() as u16).to_le_bytes());
    out.extend((files.len() as u16).to_le_bytes());
    out.extend(central_size.to_le_bytes());
    out.extend(central_offset.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::dataset;
    use crate::domain::explore::view::ViewState;

    fn context() -> ExportContext {
        ExportContext { today: Date::new(2026, 11, 28).unwrap(), page_url: "https://example.org/?v=1".into(), lang: Lang::En }
    }

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

    #[test]
    fn json_downloads_reload_as_datasets() {
        let d = dataset(&[
            ("a", "2020-10-13", "migrants_returned", 84000.0, "more_than", Some("LY"), None),
            ("b", "2021-10-13", "projects", 5.0, "exact", None, None),
        ]);
        let state = ViewState::default_for(Some(&d));
        let text = to_json(&d, &state, &[1], Scope::Selection, &context()).unwrap();
        assert!(text.contains("\"metadata\""));
        let reloaded = crate::domain::dataset::load::load_dataset(&text).unwrap();
        assert!(reloaded.issues.is_empty(), "{:?}", reloaded.issues);
        assert_eq!(reloaded.dataset.figures().len(), 1);
        assert_eq!(reloaded.dataset.sources().len(), 1, "only the sources of the selection");
    }

    #[test]
    fn file_names_describe_the_content() {
        let d = dataset(&[("a", "2020-10-13", "migrants_returned", 1.0, "exact", None, None)]);
        let mut state = ViewState::default_for(Some(&d));
        let today = Date::new(2026, 11, 28).unwrap();
        assert_eq!(file_name(&state, Scope::Selection, "", today, "csv"), "eu-iom-figures_migrants-returned_2020-2020_2026-11-28.csv");
        state.toggle_country("LY");
        assert_eq!(file_name(&state, Scope::Selection, "chart", today, "png"), "eu-iom-figures_migrants-returned_chart_ly_2020-2020_2026-11-28.png");
        assert_eq!(file_name(&state, Scope::Everything, "", today, "json"), "eu-iom-figures_all-figures_2026-11-28.json");
    }

    #[test]
    fn filters_are_described_in_words() {
        let d = dataset(&[("a", "2020-10-13", "migrants_returned", 1.0, "exact", None, None)]);
        let state = ViewState::default_for(Some(&d));
        assert_eq!(describe_filters(&d, &state, Lang::En), "Migrants returned · all programmes · programme-wide totals · 2020 · all sources");
        assert_eq!(describe_filters(&d, &state, Lang::Fr), "Migrants rentrés · tous les programmes · totaux pour l’ensemble du programme · 2020 · toutes les sources");
    }

    #[test]
    fn citations_name_dates_and_the_view() {
        let d = dataset(&[("a", "2020-10-13", "migrants_returned", 1.0, "exact", None, None)]);
        let state = ViewState::default_for(Some(&d));
        let text = citation(&d, &state, &[0], Scope::Selection, &context());
        assert!(text.contains("Data as of: 13\u{a0}Oct\u{a0}2020"));
        assert!(text.contains("Retrieved: 28\u{a0}Nov\u{a0}2026"));
        assert!(text.contains("https://example.org/?v=1"));
    }

    #[test]
    fn source_lines_count_releases_and_publishers() {
        let d = dataset(&[
            ("a", "2017-12-15", "migrants_returned", 1.0, "exact", None, None),
            ("b", "2020-10-13", "migrants_returned", 2.0, "exact", None, None),
        ]);
        assert_eq!(
            source_summary(&d, &[0, 1], Lang::En),
            "Sources: 2 releases from 1 publisher, 15\u{a0}Dec\u{a0}2017 – 13\u{a0}Oct\u{a0}2020; each figure's source is listed in the table and the data download."
        );
        let footer = chart_footer(&d, &[1], &context());
        assert!(footer[1].starts_with("Data as of 13\u{a0}Oct\u{a0}2020 · Downloaded 28\u{a0}Nov\u{a0}2026"));
    }

    #[test]
    fn wrapping_keeps_every_character_and_breaks_addresses_sensibly() {
        let text = "Data as of 12 Jun 2025 · https://example.org/dash/?v=1&view=timeline&metric=migrants_returned&programme=all";
        let lines = wrap_text(text, 40);
        assert!(lines.iter().all(|l| l.chars().count() <= 40), "{lines:?}");
        assert_eq!(lines.join(" ").replace(' ', ""), text.replace(' ', ""));
        assert!(lines.iter().any(|l| l.ends_with('&')), "addresses break after &: {lines:?}");
        assert_eq!(wrap_text("short", 40), vec!["short"]);
    }

    #[test]
    fn crc_and_zip_layout() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        let zip = zip_store(&[("a.txt".into(), b"hello".to_vec())], Date::new(2026, 11, 28).unwrap());
        assert_eq!(&zip[..4], &[0x50, 0x4b, 0x03, 0x04]);
        assert_eq!(&zip[zip.len() - 22..zip.len() - 18], &[0x50, 0x4b, 0x05, 0x06]);
        assert!(zip.windows(5).any(|w| w == b"hello"));
    }
}
