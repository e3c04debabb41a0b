//! Reviewing proposed figures before they enter the dataset: the reviewed-file format that
//! `eu-iom-data add` merges, and the skeleton of it built from an extraction, with the evidence
//! (sentence, number as printed, confidence) next to each proposed figure. Shared by the data
//! tool and the staff page of the dashboard.
//!
//! The skeleton is the release as a source plus one figure per proposal, ids `<source-id>:<n>`.
//! What the text cannot tell (the address, the publisher, the programme, an English
//! description) is left as a `TODO: ...` placeholder, and `add` refuses the file until a person
//! has replaced every one.

use serde::{Deserialize, Serialize};

use crate::domain::dataset::raw::{RawCountry, RawFigure, RawSource};
use crate::domain::release::extract::{Confidence, Extraction};

/// What a value left from the skeleton starts with; `add` refuses any record still holding one.
pub const PLACEHOLDER: &str = "TODO";

/// The reviewed file: new records in the dataset's own formats.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reviewed {
    /// How to review the file (written by `extract --reviewable`, ignored by `add`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instructions: Vec<String>,
    /// New sources.
    #[serde(default)]
    pub sources: Vec<RawSource>,
    /// New figures.
    #[serde(default)]
    pub figures: Vec<RawFigure>,
    /// Countries the dataset does not list yet.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<RawCountry>,
}

/// Where a proposed figure was read, kept next to it in the reviewed file for the reviewer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The number as printed.
    pub number_text: String,
    /// The words in front of it ("plus de"), if any.
    pub qualifier_text: Option<String>,
    /// How sure the reader was: high, medium or low.
    pub confidence: String,
    /// The sentence it came from.
    pub sentence: String,
    /// Where that sentence is in the release text, in characters (Unicode scalar values).
    pub chars: [usize; 2],
}

/// A figure of the reviewed file as `extract --reviewable` writes it: the record and its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewFigure {
    /// The record, fields in file order.
    #[serde(flatten)]
    pub figure: RawFigure,
    /// Where it was read.
    #[serde(rename = "_evidence")]
    pub evidence: Evidence,
}

/// The skeleton `extract --reviewable` prints: a [`Reviewed`] file with evidence on each figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewSkeleton {
    /// How to review the file.
    pub instructions: Vec<String>,
    /// The release as a source.
    pub sources: Vec<RawSource>,
    /// The proposed figures.
    pub figures: Vec<ReviewFigure>,
}

/// A piece of a release text for display: its text and, when it lies in the sentence of a
/// proposal, that proposal's position (0-based) in the extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The text.
    pub text: String,
    /// The proposal whose sentence this is, if any.
    pub proposal: Option<usize>,
}

/// Cuts a release text into segments so each proposal's sentence can be highlighted. Spans
/// are in characters; overlapping sentences go to the first proposal; spans outside the text
/// are ignored.
pub fn highlight_segments(text: &str, extraction: &Extraction) -> Vec<Segment> {
    let chars: Vec<char> = text.chars().collect();
    let mut owner: Vec<Option<usize>> = vec![None; chars.len()];
    for (index, proposal) in extraction.proposals.iter().enumerate() {
        let end = proposal.sentence.end.min(chars.len());
        for slot in owner.iter_mut().take(end).skip(proposal.sentence.start) {
            if slot.is_none() {
                *slot = Some(index);
            }
        }
    }
    let mut segments: Vec<Segment> = Vec::new();
    for (c, who) in chars.into_iter().zip(owner) {
        match segments.last_mut() {
            Some(last) if last.proposal == who => last.text.push(c),
            _ => segments.push(Segment { text: c.to_string(), proposal: who }),
        }
    }
    segments
}

/// A placeholder the reviewer must replace.
fn todo(what: &str) -> String {
    format!("{PLACEHOLDER}: {what}")
}

/// A source id from the release's date and identifier: `release-2020-10-13-201013-8`.
pub fn default_source_id(extraction: &Extraction) -> String {
    let Some(date) = extraction.release.date else { return todo("source id") };
    let mut id = format!("release-{date}");
    if let Some(unique) = &extraction.release.unique_id {
        let slug: String = unique.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
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
        reference: release.reference.clone(),
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
                metric_detail: todo(&format!("what is counted, in English (the release says \u{ab}{}\u{bb})", proposal.metric_detail)),
                metric_detail_fr: Some(todo("the same in French")),
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

/// How to review the file, in its first lines.
fn instructions() -> Vec<String> {
    [
        "Check every figure against the sentence under _evidence: metric, value, unit, qualifier, period_start, period_end, cumulative_since.",
        "Delete the figures that should not go into the dataset; add any the reader missed (ids must stay unique).",
        "Replace every value that starts with TODO; eu-iom-data add refuses the file while one is left.",
        "programme_id must be a programme id of the dataset, regions its region ids, country an ISO code the dataset lists (or add it under \"countries\").",
        "publisher_kind is eu, iom, eu_funded, media or other_institution; official is true exactly for eu and iom.",
        "metric_detail (English), metric_detail_fr (French) and note (English) are shown on the dashboard.",
        "Then run: eu-iom-data add public/data/eu-iom-figures.json <this file>, and eu-iom-data check public/data/eu-iom-figures.json.",
    ]
    .into_iter()
    .map(str::to_string)
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::release::extract::extract;

    #[test]
    fn segments_cover_the_text_and_mark_the_sentences() {
        let text = "Intro. More than 5,000 migrants returned home. Outro.";
        let extraction = extract(text);
        let segments = highlight_segments(text, &extraction);
        assert_eq!(segments.iter().map(|s| s.text.as_str()).collect::<String>(), text);
        let marked: Vec<&str> = segments.iter().filter(|s| s.proposal == Some(0)).map(|s| s.text.as_str()).collect();
        assert_eq!(marked.len(), 1);
        assert!(marked[0].contains("5,000"));
        assert!(segments.first().is_some_and(|s| s.proposal.is_none()));
    }

    #[test]
    fn the_skeleton_numbers_figures_after_the_source() {
        let extraction = extract("Brussels, 12/10/2021 - 10:00, UNIQUE ID: 211012_3\n\nMore than 5,000 migrants returned home.");
        let skeleton = skeleton(&extraction, None, None);
        let source = &skeleton.sources[0];
        assert_eq!(source.id, "release-2021-10-12-211012-3");
        assert_eq!(source.date, "2021-10-12");
        assert_eq!(source.reference.as_deref(), Some("UNIQUE ID: 211012_3"), "as the release writes it");
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
