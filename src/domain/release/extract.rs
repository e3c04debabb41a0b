//! Release ingestion, first step: reads the text of an EU or IOM press release (French or
//! English) and proposes figure records for a person to review, each with the sentence it came from.
//!
//! The reader is a small hand-written scanner, not a parser of the language: it finds numbers in
//! their French and English forms (`84 000` with any kind of space, `84,000`, `84.000`,
//! `1,88 milliard d’euros`, `€1.88 billion`, `EUR 140 million`) and in words ("fifteen thousand",
//! "deux millions d’euros"; vague ones such as "a dozen" or "des milliers" become context), the words in front of them
//! ("plus de", "about", "près de"), the nouns and verbs around them that say what is counted,
//! and the phrases that date them ("Entre 2015 et 2019", "since 2017", "since the launch of").
//! Years, dates, times, ordinals, percentages, phone numbers, postal codes and article or
//! regulation numbers are recognised first, so that they are never read as counts; ordinals,
//! dates, years and percentages that no figure uses come out as release context.
//!
//! A number becomes a proposal only when its surroundings name a metric: money is funding; the
//! noun right after a number decides projects, countries and partners; otherwise the verbs and
//! nouns of its own clause decide (reintegration, then rescue, then return, then protection and
//! assistance), the names of programmes that hold such words ("… for Migrant Protection and
//! Reintegration") masked first, so that only what happened to the people decides. A number
//! whose clause states an aim ("aims to reach", "l’objectif est"), and a headline's figure that the
//! body repeats, are context too. A number with no such word comes out as context of kind
//! `number`, never silently.
//!
//! Spans count Unicode scalar values (Rust `char`s) from the start of the input, start
//! inclusive and end exclusive; each span also carries the same range in UTF-8 bytes.
//! Everything here is pure: no files, no clock, no browser.
//!
//! This module holds the public types and [`extract`]; the stages live in its submodules, in
//! reading order: `text` (characters, a normalised copy, spans), `sentences`, `scan` (numbers
//! and what they are), `facts` (the release's own facts, then the reader that attributes and
//! dates each quantity). Every word they recognise is in `lexicon`.

mod facts;
mod lexicon;
mod scan;
mod sentences;
mod text;

use serde::{Serialize, Serializer};

use crate::domain::dataset::date::Date;
use crate::domain::dataset::model::{Metric, Qualifier, Unit};
use crate::domain::lang::Lang;

use facts::{guess_language, programme_names, release_date, title_line, unique_id, Reader};
use scan::{scan, Token};
use sentences::{lines, split_sentences};
pub use text::Span;
use text::Text;

/// What span offsets count: Unicode scalar values (`char`s); `byte_*` fields count UTF-8 bytes.
pub const OFFSETS: &str = "unicode scalar values (byte_start/byte_end: UTF-8 bytes)";

/// Everything read from one release.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Extraction {
    /// What the span offsets count (see [`OFFSETS`]).
    pub offsets: &'static str,
    /// Facts about the release itself.
    pub release: ReleaseInfo,
    /// Proposed figures, in text order.
    pub proposals: Vec<Proposal>,
    /// Numbers that are not figures: ordinals, years, dates, percentages, unattributed numbers.
    pub context: Vec<ContextItem>,
}

/// The release's own date, identifier, title and language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReleaseInfo {
    /// Publication date, from the dateline (`Brussels, 13/10/2020 - 13:00`).
    #[serde(serialize_with = "optional_date")]
    pub date: Option<Date>,
    /// The release's identifier (`201013_8` of `UNIQUE ID: 201013_8`, `IP/21/123` of `Reference: IP/21/123`).
    pub unique_id: Option<String>,
    /// The same as the release writes it, the label included where it is part of it
    /// (`UNIQUE ID: 201013_8`, `IP/21/123`): a source's `reference`.
    pub reference: Option<String>,
    /// The headline: the line above the dateline, else the first line of substance.
    pub title: Option<String>,
    /// Language of the text, guessed from its most common words.
    #[serde(serialize_with = "lang_tag")]
    pub language: Lang,
}

/// How sure the reader is of a proposal's metric and dating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Money, or a noun right after the number ("535 projets", "34 pays").
    High,
    /// A verb or noun elsewhere in the clause ("ont bénéficié de secours").
    Medium,
    /// Something to check: an upper bound, a date after the release.
    Low,
}

/// One proposed figure record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Proposal {
    /// What is counted.
    #[serde(serialize_with = "metric_id")]
    pub metric: Metric,
    /// A short phrase of the sentence around the number, in the release's language.
    pub metric_detail: String,
    /// The number, scaled (`1,88 milliard` is 1 880 000 000).
    pub value: f64,
    /// `count` or `eur`.
    #[serde(serialize_with = "unit_id")]
    pub unit: Unit,
    /// The wording in front of the number.
    #[serde(serialize_with = "qualifier_id")]
    pub qualifier: Qualifier,
    /// That wording as printed ("plus de", "d’environ"), when there is one.
    pub qualifier_text: Option<String>,
    /// Start of the period the figure covers.
    #[serde(serialize_with = "optional_date")]
    pub period_start: Option<Date>,
    /// End of the period, or the as-of date (the release's date when the text gives none).
    #[serde(serialize_with = "optional_date")]
    pub period_end: Option<Date>,
    /// Start of a running total ("depuis 2017").
    #[serde(serialize_with = "optional_date")]
    pub cumulative_since: Option<Date>,
    /// The number as printed, with its scale and currency ("1,88 milliard d’euros").
    pub number_text: String,
    /// Where that text is.
    pub number: Span,
    /// The sentence the number came from.
    pub sentence: Span,
    /// How sure the reader is.
    pub confidence: Confidence,
    /// What a reviewer should know, in English sentences (dating, cautions).
    pub notes: Vec<String>,
}

/// What sort of context a number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ContextKind {
    /// "septième", "7e", "7th".
    Ordinal,
    /// A year on its own ("en 2012").
    Year,
    /// A range of years ("2015-2019") that no figure uses.
    Period,
    /// A month or a day ("juillet 2012", "23 septembre").
    Date,
    /// "28 %".
    Percent,
    /// A number the reader could not attribute to a metric.
    Number,
}

/// A number of the release that is not a proposed figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContextItem {
    /// What it is.
    pub kind: ContextKind,
    /// The number: the ordinal, the year (of a date or period), the percentage or the count.
    pub value: f64,
    /// For dates and periods: `2012-07`, `2020-09-23`, `2015/2019`; for years: `2012`.
    pub date: Option<String>,
    /// Where the number is.
    pub span: Span,
    /// The sentence it is in.
    pub sentence: Span,
    /// Why it is here, or how it was read.
    pub note: Option<String>,
}

fn optional_date<S: Serializer>(date: &Option<Date>, serializer: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(date) => serializer.serialize_some(&date.to_string()),
        None => serializer.serialize_none(),
    }
}

fn lang_tag<S: Serializer>(lang: &Lang, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(lang.tag())
}

fn metric_id<S: Serializer>(metric: &Metric, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(metric.id())
}

fn unit_id<S: Serializer>(unit: &Unit, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(unit.id())
}

fn qualifier_id<S: Serializer>(qualifier: &Qualifier, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(qualifier.id())
}

/// Reads a release and proposes its figures.
pub fn extract(source: &str) -> Extraction {
    let text = Text::new(source);
    let sentences = split_sentences(&text);
    let lines = lines(&text);
    let id = unique_id(&text);
    let id_range = id.as_ref().map(|found| (found.start, found.end));
    let tokens: Vec<Token> = scan(&text)
        .into_iter()
        .filter(|token| id_range.is_none_or(|(start, end)| token.end <= start || token.start >= end))
        .collect();
    let dated = release_date(&tokens, &lines);
    let headline = title_line(&text, &lines, dated.map(|(_, _, line)| line));
    let release = ReleaseInfo {
        date: dated.map(|(date, _, _)| date),
        reference: id.as_ref().map(|found| found.reference.clone()),
        unique_id: id.map(|found| found.id),
        title: headline.map(|(start, end)| text.slice(start, end)),
        language: guess_language(&text),
    };
    let mut reader = Reader {
        text: &text,
        tokens: &tokens,
        release_date: release.date,
        used: vec![false; tokens.len()],
        proposals: Vec::new(),
        numbers: Vec::new(),
        programmes: programme_names(&text),
        previous_sentence: None,
    };
    if let Some(slot) = dated.and_then(|(_, token, _)| reader.used.get_mut(token)) {
        *slot = true;
    }
    let mut previous: Option<(usize, usize)> = None;
    for sentence in &sentences {
        // The sentence before counts only inside the same paragraph (no blank line between).
        reader.previous_sentence = previous.filter(|(_, end)| text.norm_slice(*end, sentence.0).matches('\n').count() < 2);
        reader.sentence(*sentence);
        previous = Some(*sentence);
    }
    reader.drop_headline_repeats(headline);
    reader.drop_body_repeats();
    reader.drop_breakdowns();
    let context = reader.context(&sentences);
    Extraction { offsets: OFFSETS, release, proposals: reader.proposals, context }
}

#[cfg(test)]
mod testing {
    //! Shorthands for the stage tests: the single proposal of a text, its values, its context.

    use super::{extract, ContextKind, Proposal};

    /// The single proposal of a text.
    pub fn one(text: &str) -> Proposal {
        let extraction = extract(text);
        assert_eq!(extraction.proposals.len(), 1, "{text}: {:#?}", extraction.proposals);
        extraction.proposals.into_iter().next().unwrap()
    }

    pub fn values(text: &str) -> Vec<f64> {
        extract(text).proposals.iter().map(|p| p.value).collect()
    }

    pub fn context_kinds(text: &str) -> Vec<(ContextKind, f64)> {
        extract(text).context.iter().map(|c| (c.kind, c.value)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::extract;

    #[test]
    fn never_panics_on_odd_text() {
        let tricky = "Brussels, 13/10/2020 - 13:00, UNIQUE ID: 1_2\nPlus de 84\u{a0}000 migrants, \u{20ac}1.88bn, 7e, 28 %, +32 2 1 (0)2, B-1049, 2015-2019, l\u{2019}art. 7(2), depuis le lancement en 2016; Entre 2015 et \u{2026} M. 1,2 milliard d\u{2019}euros. 99999999999999999999999999999999999 \u{130}\u{301}";
        let chars: Vec<char> = tricky.chars().collect();
        for end in 0..=chars.len() {
            for start in (0..end).step_by(5) {
                let text: String = chars[start..end].iter().collect();
                let _ = extract(&text);
            }
        }
        // A small deterministic generator over an alphabet of separators, digits and letters.
        let alphabet: Vec<char> = "0123456789 ,.%\u{20ac}$/:-\u{2019}'\n()+eErmM\u{a0}de".chars().collect();
        let mut state: u64 = 7;
        for _ in 0..2_000 {
            let text: String = (0..30)
                .map(|_| {
                    state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                    alphabet[(state >> 33) as usize % alphabet.len()]
                })
                .collect();
            let extraction = extract(&text);
            let total = text.chars().count();
            assert!(extraction.proposals.iter().all(|p| p.number.end <= total && p.value.is_finite()), "{text:?}");
        }
    }

    #[test]
    fn serialises_ids_and_iso_dates() {
        let json = serde_json::to_value(extract("Brussels, 12 October 2021\n\nMore than 5,000 migrants returned.")).unwrap();
        assert_eq!(json["release"]["date"], "2021-10-12");
        assert_eq!(json["release"]["language"], "en");
        assert_eq!(json["proposals"][0]["metric"], "migrants_returned");
        assert_eq!(json["proposals"][0]["qualifier"], "more_than");
        assert_eq!(json["proposals"][0]["unit"], "count");
        assert_eq!(json["proposals"][0]["period_end"], "2021-10-12");
        assert_eq!(json["proposals"][0]["confidence"], "medium");
    }
}
