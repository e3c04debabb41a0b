//! `eu-iom-data extract`: reads a press release (plain text) and prints what
//! [`crate::domain::extract`] proposes, either as the full extraction (JSON) or, with
//! `--reviewable`, as a skeleton of the reviewed file that `eu-iom-data add` merges.
//!
//! The skeleton is the release as a source plus one figure per proposal, ids `<source-id>:<n>`,
//! each with the sentence it was read from under `_evidence`. What the text cannot tell (the
//! address, the publisher, the programme, an English description) is left as a `TODO: ...`
//! placeholder, and `add` refuses the file until a person has replaced every one.

use std::path::Path;

use crate::cli::add::{Evidence, ReviewFigure, ReviewSkeleton, PLACEHOLDER};
use crate::cli::{option, read, Outcome, USAGE};
use crate::domain::extract::{extract, Confidence, Extraction};
use crate::domain::raw::{RawFigure, RawSource};

/// `extract <release.txt> [--reviewable] [--source-id ID] [--url URL]`.
///
/// # Errors
/// A message when the arguments are wrong or the release cannot be read.
pub fn run(args: &[String]) -> Result<Outcome, String> {
    let mut path = None;
    let mut reviewable = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--reviewable" => reviewable = true,
            "--source-id" | "--url" => {
                rest.next().ok_or_else(|| format!("{arg} needs a value\n\n{USAGE}"))?;
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}\n\n{USAGE}")),
            file if path.is_none() => path = Some(file),
            _ => return Err(USAGE.into()),
        }
    }
    let path = path.ok_or_else(|| USAGE.to_string())?;
    let extraction = extract(&read(Path::new(path))?);
    let json = if reviewable {
        let skeleton = skeleton(&extraction, option(args, "--source-id"), option(args, "--url"));
        serde_json::to_string_pretty(&skeleton)
    } else {
        serde_json::to_string_pretty(&extraction)
    };
    let mut output = json.map_err(|e| format!("cannot write JSON: {e}"))?;
    output.push('\n');
    Ok(Outcome { output, success: true })
}

fn todo(what: &str) -> String {
    format!("{PLACEHOLDER}: {what}")
}

/// A source id from the release's date and identifier: `release-2020-10-13-201013-8`.
pub fn default_source_id(extraction: &Extraction) -> String {
    let Some(date) = extraction.release.date else { return todo("source id") };
    let mut id = format!("release-{date}");
    if let Some(unique) = &extraction.release.unique_id {
        let slug: String =
            unique.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
        id.push('-');
        id.push_str(slug.trim_matches('-'));
    }
    id
}

/// The reviewed-file skeleton for an extraction.
pub fn skeleton(extraction: &Extraction, source_id: Option<&str>, url: Option<&str>) -> ReviewSkeleton {
    let release = &extraction.release;
    let source_id = source_id.map_or_else(|| default_source_id(extraction), str::to_string);
    let source = RawSource {
        id: source_id.clone(),
        date: release.date.map_or_else(|| todo("publication date, YYYY-MM-DD"), |d| d.to_string()),
        date_precision: "day".into(),
        publisher: todo("publisher as named on the page"),
        publisher_kind: todo("eu, iom, eu_funded, media or other_institution"),
        official: false,
        title: release.title.clone().unwrap_or_else(|| todo("title as published")),
        title_note: None,
        url: url.map_or_else(|| todo("https address of the release"), str::to_string),
        language: release.language.tag().into(),
        kind: "press-release".into(),
        note: Some("Figures read from the release text with eu-iom-data extract, then reviewed.".into()),
    };
    let figures = extraction
        .proposals
        .iter()
        .enumerate()
        .map(|(index, proposal)| ReviewFigure {
            figure: RawFigure {
                id: format!("{source_id}:{}", index + 1),
                source: source_id.clone(),
                metric: proposal.metric.id().into(),
                metric_detail: todo(&format!(
                    "what is counted, in English (the release says \u{ab}{}\u{bb})",
                    proposal.metric_detail
                )),
                value: proposal.value,
                unit: proposal.unit.id().into(),
                qualifier: proposal.qualifier.id().into(),
                period_start: proposal.period_start.map(|d| d.to_string()),
                period_end: proposal.period_end.map(|d| d.to_string()),
                cumulative_since: proposal.cumulative_since.map(|d| d.to_string()),
                programme: todo("programme as the release names it"),
                programme_id: todo("one of the dataset's programme ids"),
                regions: Vec::new(),
                country: None,
                note: proposal.notes.join(" "),
            },
            evidence: Evidence {
                number_text: proposal.number_text.clone(),
                qualifier_text: proposal.qualifier_text.clone(),
                confidence: match proposal.confidence {
                    Confidence::High => "high",
                    Confidence::Medium => "medium",
                    Confidence::Low => "low",
                }
                .into(),
                sentence: proposal.sentence.text.clone(),
                chars: [proposal.sentence.start, proposal.sentence.end],
            },
        })
        .collect();
    ReviewSkeleton { instructions: instructions(), sources: vec![source], figures }
}

fn instructions() -> Vec<String> {
    [
        "Check every figure against the sentence under _evidence: metric, value, unit, qualifier, period_start, period_end, cumulative_since.",
        "Delete the figures that should not go into the dataset; add any the reader missed (ids must stay unique).",
        "Replace every value that starts with TODO; eu-iom-data add refuses the file while one is left.",
        "programme_id must be a programme id of the dataset, regions its region ids, country an ISO code the dataset lists (or add it under \"countries\").",
        "publisher_kind is eu, iom, eu_funded, media or other_institution; official is true exactly for eu and iom.",
        "metric_detail and note are shown on the dashboard: write them in English.",
        "Then run: eu-iom-data add public/data/eu-iom-figures.json <this file>, and eu-iom-data check public/data/eu-iom-figures.json.",
    ]
    .into_iter()
    .map(str::to_string)
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_skeleton_numbers_figures_after_the_source() {
        let extraction = extract("Brussels, 12/10/2021 - 10:00, UNIQUE ID: 211012_3\n\nMore than 5,000 migrants returned home.");
        let skeleton = skeleton(&extraction, None, None);
        let source = &skeleton.sources[0];
        assert_eq!(source.id, "release-2021-10-12-211012-3");
        assert_eq!(source.date, "2021-10-12");
        assert!(source.url.starts_with(PLACEHOLDER));
        let figure = &skeleton.figures[0].figure;
        assert_eq!(figure.id, "release-2021-10-12-211012-3:1");
        assert_eq!((figure.metric.as_str(), figure.value, figure.qualifier.as_str()), ("migrants_returned", 5000.0, "more_than"));
        assert_eq!(figure.period_end.as_deref(), Some("2021-10-12"));
        assert!(figure.programme_id.starts_with(PLACEHOLDER));
        assert_eq!(skeleton.figures[0].evidence.sentence, "More than 5,000 migrants returned home.");
        let with_id = super::skeleton(&extraction, Some("iom-2021-10-12-returns"), Some("https://example.org/r"));
        assert_eq!(with_id.figures[0].figure.id, "iom-2021-10-12-returns:1");
        assert_eq!(with_id.sources[0].url, "https://example.org/r");
    }
}
