//! Release ingestion, first step: reads the text of an EU or IOM press release (French or
//! English) and proposes figure records for a person to review, each with the sentence it came from.
//!
//! The reader is a small hand-written scanner, not a parser of the language: it finds numbers in
//! their French and English forms (`84 000` with any kind of space, `84,000`, `84.000`,
//! `1,88 milliard d’euros`, `€1.88 billion`, `EUR 140 million`), the words in front of them
//! ("plus de", "about", "près de"), the nouns and verbs around them that say what is counted,
//! and the phrases that date them ("Entre 2015 et 2019", "since 2017", "since the launch of").
//! Years, dates, times, ordinals, percentages, phone numbers, postal codes and article or
//! regulation numbers are recognised first, so that they are never read as counts; ordinals,
//! dates, years and percentages that no figure uses come out as release context.
//!
//! A number becomes a proposal only when its surroundings name a metric: money is funding; the
//! noun right after a number decides projects, countries and partners; otherwise the verbs and
//! nouns of its own clause decide (reintegration, then rescue, then return, then protection and
//! assistance). A number with no such word comes out as context of kind `number`, never silently.
//!
//! Spans count Unicode scalar values (Rust `char`s) from the start of the input, start
//! inclusive and end exclusive; each span also carries the same range in UTF-8 bytes.
//! Everything here is pure: no files, no clock, no browser.

use serde::{Serialize, Serializer};

use crate::domain::dataset::date::{days_in_month, Date};
use crate::domain::lang::Lang;
use crate::domain::dataset::model::{Metric, Qualifier, Unit};

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
    /// The release's identifier (`UNIQUE ID: 201013_8`, `Reference: ...`).
    pub unique_id: Option<String>,
    /// The headline: the line above the dateline, else the first line of substance.
    pub title: Option<String>,
    /// Language of the text, guessed from its most common words.
    #[serde(serialize_with = "lang_tag")]
    pub language: Lang,
}

/// A stretch of the input text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    /// First character (Unicode scalar values from the start of the input).
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// First byte (UTF-8).
    pub byte_start: usize,
    /// One past the last byte.
    pub byte_end: usize,
    /// The text itself, exactly as in the input.
    pub text: String,
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
    let id_range = id.as_ref().map(|(_, start, end)| (*start, *end));
    let tokens: Vec<Token> = scan(&text)
        .into_iter()
        .filter(|token| id_range.is_none_or(|(start, end)| token.end <= start || token.start >= end))
        .collect();
    let dated = release_date(&tokens, &lines);
    let release = ReleaseInfo {
        date: dated.map(|(date, _, _)| date),
        unique_id: id.map(|(id, _, _)| id),
        title: title(&text, &lines, dated.map(|(_, _, line)| line)),
        language: guess_language(&text),
    };
    let mut reader = Reader {
        text: &text,
        tokens: &tokens,
        release_date: release.date,
        used: vec![false; tokens.len()],
        proposals: Vec::new(),
        numbers: Vec::new(),
    };
    if let Some(slot) = dated.and_then(|(_, token, _)| reader.used.get_mut(token)) {
        *slot = true;
    }
    for sentence in &sentences {
        reader.sentence(*sentence);
    }
    let context = reader.context(&sentences);
    Extraction { offsets: OFFSETS, release, proposals: reader.proposals, context }
}

// ---------------------------------------------------------------------------------------------
// The text, as characters and as normalised characters.
// ---------------------------------------------------------------------------------------------

/// The input as `char`s, a normalised copy for matching (lower case, one kind of space, one
/// apostrophe, one dash; same length, so indices agree) and the byte offset of every `char`.
struct Text<'a> {
    source: &'a str,
    chars: Vec<char>,
    norm: Vec<char>,
    bytes: Vec<usize>,
}

fn normalise(c: char) -> char {
    match c {
        '\n' | '\r' => '\n',
        c if c.is_whitespace() => ' ',
        '\u{2019}' | '\u{2018}' | '\u{02bc}' | '\u{2032}' | '`' => '\'',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' => '-',
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

impl<'a> Text<'a> {
    fn new(source: &'a str) -> Text<'a> {
        let mut chars = Vec::with_capacity(source.len());
        let mut norm = Vec::with_capacity(source.len());
        let mut bytes = Vec::with_capacity(source.len() + 1);
        for (byte, c) in source.char_indices() {
            bytes.push(byte);
            chars.push(c);
            norm.push(normalise(c));
        }
        bytes.push(source.len());
        Text { source, chars, norm, bytes }
    }

    fn len(&self) -> usize {
        self.chars.len()
    }

    /// The original character at `i`.
    fn ch(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    /// The normalised character at `i`.
    fn n(&self, i: usize) -> Option<char> {
        self.norm.get(i).copied()
    }

    /// The normalised character before `i`.
    fn before(&self, i: usize) -> Option<char> {
        i.checked_sub(1).and_then(|p| self.n(p))
    }

    fn is_digit(&self, i: usize) -> bool {
        self.n(i).is_some_and(|c| c.is_ascii_digit())
    }

    fn is_letter(&self, i: usize) -> bool {
        self.n(i).is_some_and(char::is_alphabetic)
    }

    /// A space inside a line (ordinary, no-break, narrow no-break, thin...).
    fn is_inline_space(&self, i: usize) -> bool {
        self.n(i) == Some(' ')
    }

    fn byte(&self, i: usize) -> usize {
        self.bytes.get(i).copied().unwrap_or(self.source.len())
    }

    fn slice(&self, start: usize, end: usize) -> String {
        self.source.get(self.byte(start)..self.byte(end)).unwrap_or_default().to_string()
    }

    fn norm_slice(&self, start: usize, end: usize) -> String {
        self.norm.get(start..end).map(|chars| chars.iter().collect()).unwrap_or_default()
    }

    fn span(&self, start: usize, end: usize) -> Span {
        Span { start, end, byte_start: self.byte(start), byte_end: self.byte(end), text: self.slice(start, end) }
    }

    /// End of the run of ASCII digits starting at `i`.
    fn digits_end(&self, i: usize) -> usize {
        let mut k = i;
        while self.is_digit(k) {
            k += 1;
        }
        k
    }

    /// End of the run of letters starting at `i`.
    fn letters_end(&self, i: usize) -> usize {
        let mut k = i;
        while self.is_letter(k) {
            k += 1;
        }
        k
    }

    /// End of the run of letters, digits, `_`, `-`, `/` and `.` between them, starting at `i`.
    fn token_end(&self, i: usize) -> usize {
        let mut k = i;
        while let Some(c) = self.n(k) {
            let inner = matches!(c, '_' | '-' | '/' | '.' | ':') && self.n(k + 1).is_some_and(char::is_alphanumeric);
            if c.is_alphanumeric() || c == '_' || inner {
                k += 1;
            } else {
                break;
            }
        }
        k
    }

    /// True when the normalised text at `i` spells `needle`.
    fn matches_at(&self, i: usize, needle: &str) -> bool {
        needle.chars().enumerate().all(|(k, c)| self.n(i + k) == Some(c))
    }

    /// The first place in `start..end` where a word begins with `needle`.
    fn find_word(&self, start: usize, end: usize, needle: &str) -> Option<usize> {
        let length = needle.chars().count();
        (start..end.saturating_sub(length.saturating_sub(1)))
            .find(|&p| !self.before(p).is_some_and(char::is_alphabetic) && self.matches_at(p, needle))
    }

    fn contains_any(&self, start: usize, end: usize, needles: &[&str]) -> bool {
        needles.iter().any(|needle| self.find_word(start, end, needle).is_some())
    }

    /// Up to `max` words after `i` (nearest first), skipping spaces and apostrophes, stopping at
    /// punctuation, digits or a blank line. Each is (start, end, normalised word).
    fn words_after(&self, i: usize, max: usize) -> Vec<(usize, usize, String)> {
        let mut out = Vec::new();
        let mut k = i;
        while out.len() < max {
            let mut newlines = 0;
            while let Some(c) = self.n(k) {
                match c {
                    ' ' | '\'' => k += 1,
                    '\n' if newlines == 0 => {
                        newlines += 1;
                        k += 1;
                    }
                    _ => break,
                }
            }
            let start = k;
            while self.is_letter(k) || (self.n(k) == Some('-') && self.is_letter(k + 1) && k > start) {
                k += 1;
            }
            if k == start {
                break;
            }
            out.push((start, k, self.norm_slice(start, k)));
        }
        out
    }

    /// Up to `max` words before `i`, nearest first, with the same rules as [`Text::words_after`].
    fn words_before(&self, i: usize, max: usize) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        let mut k = i;
        while out.len() < max {
            let mut newlines = 0;
            while let Some(c) = self.before(k) {
                match c {
                    ' ' | '\'' => k -= 1,
                    '\n' if newlines == 0 => {
                        newlines += 1;
                        k -= 1;
                    }
                    _ => break,
                }
            }
            let end = k;
            while self.before(k).is_some_and(char::is_alphabetic)
                || (self.before(k) == Some('-') && k >= 2 && self.n(k - 2).is_some_and(char::is_alphabetic) && k < end)
            {
                k -= 1;
            }
            if k == end {
                break;
            }
            out.push((k, self.norm_slice(k, end)));
        }
        out
    }

    /// The word right before `i`, allowing one space and one full stop in between ("art. 12").
    fn word_before_loose(&self, i: usize) -> Option<String> {
        let mut k = i;
        if self.before(k) == Some(' ') {
            k -= 1;
        }
        if self.before(k) == Some('.') {
            k -= 1;
        }
        let end = k;
        while self.before(k).is_some_and(char::is_alphabetic) {
            k -= 1;
        }
        (k < end).then(|| self.norm_slice(k, end))
    }
}

/// True when the words before a place (nearest first) end with `phrase` (reading order).
fn ends_with(before: &[(usize, String)], phrase: &[&str]) -> bool {
    phrase.len() <= before.len() && phrase.iter().rev().zip(before).all(|(want, (_, word))| word == want)
}

// ---------------------------------------------------------------------------------------------
// Sentences and lines.
// ---------------------------------------------------------------------------------------------

/// Words that end with a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mme", "mmes", "mlle", "mr", "mrs", "ms", "dr", "st", "prof", "no", "nos", "art", "p", "pp", "vs", "cf", "env",
    "approx", "ca", "fig", "vol", "jr", "sr", "mgr", "dept", "eg", "ie", "resp",
];

/// The range `from..to` without the white space at either end; `None` when nothing is left.
fn trimmed(text: &Text<'_>, mut from: usize, mut to: usize) -> Option<(usize, usize)> {
    while from < to && text.ch(from).is_some_and(char::is_whitespace) {
        from += 1;
    }
    while to > from && text.ch(to - 1).is_some_and(char::is_whitespace) {
        to -= 1;
    }
    (to > from).then_some((from, to))
}

/// Sentences as (start, end) character ranges, trimmed. A line break ends a sentence unless the
/// next line carries on in lower case; `.`, `!`, `?` and `…` end one when followed by a space and
/// a capital, a digit or an opening quote, except after an abbreviation or an initial ("M.").
fn split_sentences(text: &Text<'_>) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut i = 0;
    let push = |out: &mut Vec<(usize, usize)>, from: usize, to: usize| out.extend(trimmed(text, from, to));
    while i < text.len() {
        let Some(c) = text.ch(i) else { break };
        let Some(from) = start else {
            if !c.is_whitespace() {
                start = Some(i);
            }
            i += 1;
            continue;
        };
        if c == '\n' {
            let mut k = i + 1;
            let mut blank = false;
            while let Some(next) = text.ch(k) {
                if next == '\n' {
                    blank = true;
                } else if !next.is_whitespace() {
                    break;
                }
                k += 1;
            }
            let carries_on = !blank && text.ch(k).is_some_and(|next| next.is_lowercase());
            if !carries_on {
                push(&mut out, from, i);
                start = None;
            }
        } else if matches!(c, '.' | '!' | '?' | '…') {
            let mut k = i + 1;
            while text.ch(k).is_some_and(|q| matches!(q, ')' | '»' | '"' | '”' | '’')) {
                k += 1;
            }
            let spaced = text.ch(k).is_none_or(char::is_whitespace);
            let mut next = k;
            while text.ch(next).is_some_and(char::is_whitespace) {
                next += 1;
            }
            let opens = text
                .ch(next)
                .is_none_or(|n| n.is_uppercase() || n.is_ascii_digit() || matches!(n, '«' | '"' | '“' | '(' | '€'));
            let abbreviation = c == '.' && {
                let word = text.words_before(i, 1);
                word.first().is_some_and(|(at, w)| {
                    *at + w.chars().count() == i && (w.chars().count() == 1 || ABBREVIATIONS.contains(&w.as_str()))
                })
            };
            if spaced && opens && !abbreviation {
                push(&mut out, from, k);
                start = None;
                i = k;
                continue;
            }
        }
        i += 1;
    }
    if let Some(from) = start {
        push(&mut out, from, text.len());
    }
    out
}

/// Non-empty lines as trimmed (start, end) ranges.
fn lines(text: &Text<'_>) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..=text.len() {
        if text.ch(i).is_none_or(|c| c == '\n') {
            out.extend(trimmed(text, start, i));
            start = i + 1;
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The scanner: numbers, dates, ordinals and the traps.
// ---------------------------------------------------------------------------------------------

/// A month, a day of it and its year, as far as the text gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PartialDate {
    year: Option<i32>,
    month: u8,
    day: Option<u8>,
}

/// Which money a number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Money {
    None,
    Euro,
    Other,
}

/// A hedge that has no qualifier of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Caution {
    UpTo,
    LessThan,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Quantity {
    value: f64,
    money: Money,
    qualifier: Qualifier,
    caution: Option<Caution>,
    /// Where the qualifier's words begin, when there are any.
    qualifier_start: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Found {
    Quantity(Quantity),
    Year(i32),
    YearRange(i32, i32),
    Date(PartialDate),
    Ordinal(u32),
    Percent(f64),
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Token {
    found: Found,
    start: usize,
    end: usize,
}

const MONTHS: &[(&str, u8)] = &[
    ("janvier", 1), ("février", 2), ("fevrier", 2), ("mars", 3), ("avril", 4), ("mai", 5), ("juin", 6),
    ("juillet", 7), ("août", 8), ("aout", 8), ("septembre", 9), ("octobre", 10), ("novembre", 11),
    ("décembre", 12), ("decembre", 12), ("january", 1), ("february", 2), ("march", 3), ("april", 4),
    ("may", 5), ("june", 6), ("july", 7), ("august", 8), ("september", 9), ("october", 10),
    ("november", 11), ("december", 12), ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6),
    ("jul", 7), ("aug", 8), ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
];

fn month_number(word: &str) -> Option<u8> {
    MONTHS.iter().find(|(name, _)| *name == word).map(|(_, month)| *month)
}

/// Ordinals written as words. "premier", "first" and "second" are left out: they are too
/// often not about counting meetings ("Premier ministre", "first time", "a second").
const ORDINAL_WORDS: &[(&str, u32)] = &[
    ("deuxième", 2), ("troisième", 3), ("quatrième", 4), ("cinquième", 5), ("sixième", 6), ("septième", 7),
    ("huitième", 8), ("neuvième", 9), ("dixième", 10), ("onzième", 11), ("douzième", 12), ("treizième", 13),
    ("quatorzième", 14), ("quinzième", 15), ("vingtième", 20), ("deuxieme", 2), ("troisieme", 3),
    ("quatrieme", 4), ("cinquieme", 5), ("sixieme", 6), ("septieme", 7), ("huitieme", 8), ("neuvieme", 9),
    ("dixieme", 10), ("third", 3), ("fourth", 4), ("fifth", 5), ("sixth", 6), ("seventh", 7), ("eighth", 8),
    ("ninth", 9), ("tenth", 10), ("eleventh", 11), ("twelfth", 12), ("thirteenth", 13), ("fourteenth", 14),
    ("fifteenth", 15), ("twentieth", 20),
];

/// Letters that make a number an ordinal ("7e", "7ème", "1er", "7th").
const ORDINAL_SUFFIXES: &[&str] = &["e", "è", "ème", "eme", "er", "re", "ère", "ere", "th", "st", "nd", "rd", "ᵉ", "ᵉʳ"];

/// Scale words and their power of ten.
const SCALES: &[(&str, u32)] = &[
    ("million", 6), ("millions", 6), ("mio", 6), ("mn", 6), ("milliard", 9), ("milliards", 9), ("mrd", 9),
    ("billion", 9), ("billions", 9), ("bn", 9), ("thousand", 3),
];

/// Scale letters written onto an amount of money ("€140m", "EUR 2bn").
const MONEY_SUFFIXES: &[(&str, u32)] = &[("m", 6), ("mn", 6), ("bn", 9), ("b", 9), ("k", 3)];

/// Words after which a number is a reference, not a quantity ("Article 7", "Rue de la Loi 200").
const REFERENCE_WORDS: &[&str] = &[
    "article", "articles", "art", "paragraphe", "paragraph", "paragraphs", "para", "alinéa", "section", "chapitre",
    "chapter", "annexe", "annex", "point", "points", "no", "nos", "numéro", "numero", "number", "page", "pages", "p",
    "pp", "règlement", "regulation", "directive", "décision", "decision", "com", "swd", "ip", "memo", "case",
    "affaire", "résolution", "resolution", "loi", "box", "boîte", "bp", "cs", "cedex", "table", "tableau",
    "figure", "graphique", "chart", "rue", "avenue", "av", "bd", "boulevard", "street", "road", "floor", "étage",
    "room", "salle", "bureau", "office", "version", "goal", "target", "objectif", "odd", "sdg", "tel", "tél", "fax",
];

/// Words that announce a phone number.
const PHONE_WORDS: &[&str] = &["tel", "tél", "phone", "telephone", "téléphone", "fax", "gsm", "mobile", "mob"];

/// Units of time and measure: "3 ans", "48 hours" are not counts.
const MEASURES: &[&str] = &[
    "an", "ans", "année", "années", "mois", "jour", "jours", "semaine", "semaines", "heure", "heures", "minute",
    "minutes", "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "km",
    "kilomètres", "kilometres", "kilometers", "miles", "kg", "tonnes", "tons", "fois", "times", "mètres", "metres",
    "meters", "ha", "hectares", "degrés", "degrees", "h", "ml", "litres", "liters",
];

/// Nouns that make a four-digit number a count rather than a year ("2000 migrants").
const COUNT_NOUNS: &[&str] = &[
    "migrants", "migrant", "personnes", "people", "persons", "projets", "projects", "pays", "countries", "returnees",
    "rapatriés", "enfants", "children", "femmes", "women", "partenaires", "partners", "bénéficiaires",
    "beneficiaries", "familles", "families", "jeunes", "victimes", "victims", "réfugiés", "refugees", "ménages",
    "households", "communautés", "communities", "organisations", "organizations",
];

fn scale_of(word: &str) -> Option<u32> {
    SCALES.iter().find(|(name, _)| *name == word).map(|(_, power)| *power)
}

/// A number as printed: its digits without separators and how many of them are decimals.
#[derive(Debug, Clone, Copy)]
struct Literal {
    end: usize,
    mantissa: u128,
    decimals: u32,
    /// Digits of the first run.
    lead: usize,
    /// Printed without any separator or decimal part.
    plain: bool,
    /// One `,` or `.` group of three digits: thousands, unless a scale word follows.
    ambiguous: bool,
}

impl Literal {
    fn integer(&self) -> Option<u64> {
        (self.decimals == 0).then(|| u64::try_from(self.mantissa).ok()).flatten()
    }

    /// The value times ten to the power `scale`, exact for whole results below 2^53.
    fn value(&self, scale: u32) -> f64 {
        let (mantissa, decimals) = if self.ambiguous && scale > 0 { (self.mantissa, 3) } else { (self.mantissa, self.decimals) };
        if scale >= decimals {
            match 10u128.checked_pow(scale - decimals).and_then(|factor| mantissa.checked_mul(factor)) {
                Some(whole) => whole as f64,
                None => f64::INFINITY,
            }
        } else {
            mantissa as f64 / 10f64.powi(i32::try_from(decimals - scale).unwrap_or(0))
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Separator {
    Space,
    Comma,
    Dot,
}

fn scan(text: &Text<'_>) -> Vec<Token> {
    let mut scanner = Scanner { text, tokens: Vec::new(), phone_until: 0 };
    let mut i = 0;
    while i < text.len() {
        let next = if text.is_digit(i) {
            scanner.number(i)
        } else if text.is_letter(i) && !text.before(i).is_some_and(char::is_alphanumeric) {
            scanner.word(i)
        } else {
            i + 1
        };
        i = next.max(i + 1);
    }
    scanner.tokens
}

struct Scanner<'t, 'a> {
    text: &'t Text<'a>,
    tokens: Vec<Token>,
    /// Numbers starting before this index follow a phone keyword.
    phone_until: usize,
}

impl Scanner<'_, '_> {
    fn push(&mut self, found: Found, start: usize, end: usize) -> usize {
        self.tokens.push(Token { found, start, end });
        end
    }

    /// A word at `i`: month dates, ordinal words, "un million", URLs and phone keywords.
    fn word(&mut self, i: usize) -> usize {
        let text = self.text;
        let end = text.letters_end(i);
        let word = text.norm_slice(i, end);
        if matches!(word.as_str(), "http" | "https" | "www") {
            let mut k = end;
            while text.n(k).is_some_and(|c| !c.is_whitespace()) {
                k += 1;
            }
            return k;
        }
        if let Some(month) = month_number(&word) {
            if let Some(stop) = self.month_first_date(i, end, month) {
                return stop;
            }
        }
        if let Some((_, n)) = ORDINAL_WORDS.iter().find(|(name, _)| *name == word) {
            return self.push(Found::Ordinal(*n), i, end);
        }
        if matches!(word.as_str(), "un" | "one") && text.is_inline_space(end) {
            let scale_end = text.letters_end(end + 1);
            if let Some(scale) = scale_of(&text.norm_slice(end + 1, scale_end)) {
                let literal = Literal { end, mantissa: 1, decimals: 0, lead: 1, plain: false, ambiguous: false };
                return self.quantity(i, literal, Some((scale, scale_end)));
            }
        }
        if PHONE_WORDS.contains(&word.as_str()) {
            self.phone_until = end + 12;
        }
        end
    }

    /// "juillet 2012", "July 2012", "October 12, 2021", "October 12".
    fn month_first_date(&mut self, start: usize, end: usize, month: u8) -> Option<usize> {
        let text = self.text;
        let mut k = end;
        if text.n(k) == Some('.') {
            k += 1;
        }
        if !text.is_inline_space(k) {
            return None;
        }
        k += 1;
        let run = text.digits_end(k);
        let number = text.norm_slice(k, run).parse::<i32>().ok()?;
        if text.is_letter(run) || text.is_digit(run) {
            return None;
        }
        if run - k == 4 && (1900..=2100).contains(&number) {
            let date = PartialDate { year: Some(number), month, day: None };
            return Some(self.push(Found::Date(date), start, run));
        }
        if run - k > 2 || !(1..=31).contains(&number) {
            return None;
        }
        let day = u8::try_from(number).ok();
        let mut y = run;
        if text.n(y) == Some(',') {
            y += 1;
        }
        if text.is_inline_space(y) && text.digits_end(y + 1) == y + 5 {
            if let Ok(year) = text.norm_slice(y + 1, y + 5).parse::<i32>() {
                if (1900..=2100).contains(&year) {
                    let date = PartialDate { year: Some(year), month, day };
                    return Some(self.push(Found::Date(date), start, y + 5));
                }
            }
        }
        Some(self.push(Found::Date(PartialDate { year: None, month, day }), start, run))
    }

    /// A number at `i`: a date, a phone number, a reference, an ordinal, a percentage, a year
    /// or a quantity. Returns where scanning continues.
    fn number(&mut self, i: usize) -> usize {
        let text = self.text;
        // Inside a word or a code ("G20", "COVID-19", "B-1049", "2019/1896", "7(2)").
        let before = text.before(i);
        let before2 = i.checked_sub(2).and_then(|p| text.n(p));
        let attached = before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '/' | '=' | '.' | ','))
            || (matches!(before, Some('-' | '(')) && before2.is_some_and(char::is_alphanumeric));
        if attached {
            return text.token_end(i);
        }
        if let Some(end) = self.numeric_date(i) {
            return end;
        }
        let leading_zero = text.n(i) == Some('0') && text.is_digit(i + 1);
        if before == Some('+') || i < self.phone_until || leading_zero || self.phone_groups(i) {
            return self.phone_end(i);
        }
        let literal = self.literal(i);
        let end = literal.end;
        match (text.n(end), text.n(end + 1)) {
            // A time ("13:00") or a reference ("2019/1896").
            (Some(':' | '/'), Some(d)) if d.is_ascii_digit() => return text.token_end(i),
            (Some('-'), Some(d)) if d.is_ascii_digit() => return self.range(i, literal),
            (Some('-'), Some(c)) if c.is_alphabetic() => return text.token_end(i),
            _ => {}
        }
        if text.is_letter(end) || text.n(end) == Some('_') {
            return self.attached_letters(i, literal);
        }
        // References: "Article 7", "art. 12", "n° 5", "§ 3".
        let mut k = i;
        if text.before(k) == Some(' ') {
            k -= 1;
        }
        if matches!(text.before(k), Some('°' | 'º' | '§' | '#'))
            || text.word_before_loose(i).is_some_and(|w| REFERENCE_WORDS.contains(&w.as_str()))
        {
            return text.token_end(i).max(end);
        }
        // Percentages.
        let mut p = end;
        if text.is_inline_space(p) {
            p += 1;
        }
        if text.n(p) == Some('%') {
            return self.push(Found::Percent(literal.value(0)), i, p + 1);
        }
        let after = text.words_after(end, 2);
        let first = after.first().map(|(_, _, w)| w.as_str()).unwrap_or_default();
        let second = after.get(1).map(|(_, _, w)| w.as_str()).unwrap_or_default();
        let percent_words = match (first, second) {
            ("per" | "pour", "cent") => after.get(1).map(|(_, e, _)| *e),
            ("percent" | "pourcent", _) => after.first().map(|(_, e, _)| *e),
            _ => None,
        };
        if let Some(stop) = percent_words {
            return self.push(Found::Percent(literal.value(0)), i, stop);
        }
        // A day and a month ("23 septembre", "12 October 2021").
        if let (Some(day), Some((_, month_end, word))) = (literal.integer().filter(|_| literal.plain), after.first()) {
            if let (Some(month), true) = (month_number(word), (1..=31).contains(&day) && literal.lead <= 2) {
                return self.day_first_date(i, u8::try_from(day).unwrap_or(1), month, *month_end);
            }
        }
        // Postal codes: four or five plain digits before a capitalised place name.
        let capitalised_next = text.is_inline_space(end) && text.ch(end + 1).is_some_and(char::is_uppercase);
        if literal.plain && (4..=5).contains(&literal.lead) && capitalised_next {
            let year_like = literal.lead == 4 && literal.integer().is_some_and(|y| (1900..=2100).contains(&y));
            if !year_like {
                return text.token_end(i);
            }
        }
        let scale = self.scale_after(end);
        let money_prefix = self.money_prefix(i);
        let money_after = self.money_after(scale.map_or(end, |(_, e)| e));
        // Years.
        if literal.plain && literal.lead == 4 && scale.is_none() && money_prefix.is_none() && money_after.is_none() {
            if let Some(year) = literal.integer().and_then(|y| i32::try_from(y).ok()).filter(|y| (1900..=2100).contains(y)) {
                if !COUNT_NOUNS.contains(&first) {
                    return self.push(Found::Year(year), i, end);
                }
            }
        }
        // Durations and measures.
        if scale.is_none() && money_prefix.is_none() && money_after.is_none() && MEASURES.contains(&first) {
            return after.first().map_or(end, |(_, e, _)| *e);
        }
        self.quantity(i, literal, scale)
    }

    /// A quantity: the number, its scale, its currency before or after, and its qualifier.
    fn quantity(&mut self, i: usize, literal: Literal, scale: Option<(u32, usize)>) -> usize {
        let text = self.text;
        let (power, mut end) = scale.unwrap_or((0, literal.end));
        let prefix = self.money_prefix(i);
        let suffix = self.money_after(end);
        let money = match (prefix, suffix) {
            (Some((money, _)), _) | (None, Some((money, _))) => money,
            (None, None) => Money::None,
        };
        if let Some((_, stop)) = suffix {
            end = stop;
        }
        let start = prefix.map_or(i, |(_, at)| at);
        let (qualifier, caution, qualifier_start) = qualifier_before(text, start);
        let quantity = Quantity { value: literal.value(power), money, qualifier, caution, qualifier_start };
        if !quantity.value.is_finite() {
            return end;
        }
        self.push(Found::Quantity(quantity), start, end)
    }

    /// Letters written onto a number: an ordinal ("7e", "1er octobre"), a money scale
    /// ("€140m"), or a code to skip ("5G", "201013_8").
    fn attached_letters(&mut self, i: usize, literal: Literal) -> usize {
        let text = self.text;
        let end = literal.end;
        let letters_end = text.letters_end(end);
        let letters = text.norm_slice(end, letters_end);
        let word_ends = !text.n(letters_end).is_some_and(|c| c.is_alphanumeric() || c == '_');
        if word_ends && ORDINAL_SUFFIXES.contains(&letters.as_str()) && literal.plain {
            if let Some(n) = literal.integer().and_then(|n| u32::try_from(n).ok()) {
                // "1er octobre 2020" is a date.
                if let Some((_, month_end, word)) = text.words_after(letters_end, 1).first() {
                    if let (Some(month), true) = (month_number(word), (1..=31).contains(&n)) {
                        return self.day_first_date(i, u8::try_from(n).unwrap_or(1), month, *month_end);
                    }
                }
                return self.push(Found::Ordinal(n), i, letters_end);
            }
        }
        if word_ends && self.money_prefix(i).is_some() {
            if let Some((_, power)) = MONEY_SUFFIXES.iter().find(|(name, _)| *name == letters) {
                return self.quantity(i, literal, Some((*power, letters_end)));
            }
        }
        text.token_end(i)
    }

    /// "23 septembre", "12 October 2021": the day and month are read, the year if it follows.
    fn day_first_date(&mut self, start: usize, day: u8, month: u8, month_end: usize) -> usize {
        let text = self.text;
        let mut k = month_end;
        if text.n(k) == Some('.') {
            k += 1;
        }
        if text.is_inline_space(k) && text.digits_end(k + 1) == k + 5 && !text.is_letter(k + 5) {
            if let Ok(year) = text.norm_slice(k + 1, k + 5).parse::<i32>() {
                if (1900..=2100).contains(&year) {
                    return self.push(Found::Date(PartialDate { year: Some(year), month, day: Some(day) }), start, k + 5);
                }
            }
        }
        self.push(Found::Date(PartialDate { year: None, month, day: Some(day) }), start, month_end)
    }

    /// "13/10/2020", "13.10.2020", "13-10-2020" and "2020-10-13".
    fn numeric_date(&mut self, i: usize) -> Option<usize> {
        let text = self.text;
        let first = text.digits_end(i);
        let separator = text.n(first).filter(|c| matches!(*c, '/' | '.' | '-'))?;
        let second = text.digits_end(first + 1);
        if text.n(second) != Some(separator) {
            return None;
        }
        let third = text.digits_end(second + 1);
        if text.n(third).is_some_and(|c| c.is_alphanumeric()) || (text.n(third) == Some(separator) && text.is_digit(third + 1)) {
            return None;
        }
        let part = |a: usize, b: usize| text.norm_slice(a, b).parse::<i32>().ok();
        let (year, month, day) = match (first - i, second - first - 1, third - second - 1) {
            (1 | 2, 1 | 2, 4) => (part(second + 1, third)?, part(first + 1, second)?, part(i, first)?),
            (4, 2, 2) if separator == '-' => (part(i, first)?, part(first + 1, second)?, part(second + 1, third)?),
            _ => return None,
        };
        let date = Date::new(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?).ok()?;
        let partial = PartialDate { year: Some(date.year()), month: date.month(), day: Some(date.day()) };
        Some(self.push(Found::Date(partial), i, third))
    }

    /// Four or more groups of digits separated by single spaces, dots or hyphens, not all of
    /// three digits after the first: a phone number ("02 123 45 67").
    fn phone_groups(&self, i: usize) -> bool {
        let text = self.text;
        let mut lengths = Vec::new();
        let mut k = i;
        loop {
            let end = text.digits_end(k);
            lengths.push(end - k);
            match text.n(end) {
                Some(' ' | '.' | '-') if text.is_digit(end + 1) => k = end + 1,
                _ => break,
            }
        }
        let thousands = lengths.first().is_some_and(|l| *l <= 3) && lengths.iter().skip(1).all(|l| *l == 3);
        lengths.len() >= 4 && !thousands
    }

    /// End of a phone number: digits with spaces, dots, hyphens, slashes and brackets between.
    fn phone_end(&self, i: usize) -> usize {
        let text = self.text;
        let mut k = i;
        let mut end = i;
        while let Some(c) = text.n(k) {
            if c.is_ascii_digit() {
                k += 1;
                end = k;
            } else if matches!(c, ' ' | '.' | '-' | '/' | '(' | ')')
                && (text.is_digit(k + 1) || (matches!(text.n(k + 1), Some('(' | ')' | ' ')) && text.is_digit(k + 2)))
            {
                k += 1;
            } else {
                break;
            }
        }
        end
    }

    /// "2015-2019" is a range of years; anything else with a hyphen between digits is a code.
    fn range(&mut self, i: usize, literal: Literal) -> usize {
        let text = self.text;
        let second_start = literal.end + 1;
        let second_end = text.digits_end(second_start);
        let year = |a: usize, b: usize| {
            (b - a == 4).then(|| text.norm_slice(a, b).parse::<i32>().ok()).flatten().filter(|y| (1900..=2100).contains(y))
        };
        if literal.plain && !text.n(second_end).is_some_and(|c| c.is_alphanumeric() || c == '-') {
            if let (Some(from), Some(to)) = (year(i, literal.end), year(second_start, second_end)) {
                if from <= to {
                    return self.push(Found::YearRange(from, to), i, second_end);
                }
            }
        }
        text.token_end(i)
    }

    /// The digits at `i` with their thousands separators and decimal part.
    fn literal(&self, i: usize) -> Literal {
        let text = self.text;
        let lead_end = text.digits_end(i);
        let lead = lead_end - i;
        let mut digits = text.norm_slice(i, lead_end);
        let mut k = lead_end;
        let mut separator: Option<Separator> = None;
        let mut groups = 0;
        if lead <= 3 {
            while let Some(c) = text.n(k) {
                let kind = match c {
                    ',' => Separator::Comma,
                    '.' => Separator::Dot,
                    ' ' => Separator::Space,
                    _ => break,
                };
                if separator.is_some_and(|s| s != kind) || text.digits_end(k + 1) != k + 4 {
                    break;
                }
                separator = Some(kind);
                digits.push_str(&text.norm_slice(k + 1, k + 4));
                groups += 1;
                k += 4;
            }
        }
        let mut decimals = 0;
        if let Some(c @ (',' | '.')) = text.n(k) {
            let allowed = match separator {
                Some(Separator::Comma) => c == '.',
                Some(Separator::Dot) => c == ',',
                _ => true,
            };
            let end = text.digits_end(k + 1);
            if allowed && end > k + 1 {
                digits.push_str(&text.norm_slice(k + 1, end));
                decimals = u32::try_from(end - k - 1).unwrap_or(0);
                k = end;
            }
        }
        let mantissa = if digits.len() > 30 { u128::MAX } else { digits.parse::<u128>().unwrap_or(u128::MAX) };
        Literal {
            end: k,
            mantissa,
            decimals,
            lead,
            plain: groups == 0 && decimals == 0,
            ambiguous: groups == 1 && decimals == 0 && matches!(separator, Some(Separator::Comma | Separator::Dot)),
        }
    }

    /// A scale word after a number ("million", "milliard", "bn"): its power and where it ends.
    fn scale_after(&self, end: usize) -> Option<(u32, usize)> {
        let text = self.text;
        if !text.is_inline_space(end) {
            return None;
        }
        let word_end = text.letters_end(end + 1);
        let word = text.norm_slice(end + 1, word_end);
        if word == "m" && self.money_prefix_before_number(end).is_none() {
            return None;
        }
        let power = scale_of(&word).or_else(|| (word == "m").then_some(6))?;
        Some((power, word_end))
    }

    fn money_prefix_before_number(&self, end: usize) -> Option<(Money, usize)> {
        let mut start = end;
        while start > 0 && self.text.before(start).is_some_and(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ' ')) {
            start -= 1;
        }
        while self.text.n(start) == Some(' ') {
            start += 1;
        }
        self.money_prefix(start)
    }

    /// Money written before a number ("€1.88", "EUR 140", "US$ 5"): its kind and start.
    fn money_prefix(&self, i: usize) -> Option<(Money, usize)> {
        let text = self.text;
        let mut k = i;
        if text.before(k) == Some(' ') {
            k -= 1;
        }
        match text.before(k) {
            Some('€') => return Some((Money::Euro, k - 1)),
            Some('$' | '£') => {
                let mut start = k - 1;
                while text.before(start).is_some_and(char::is_alphabetic) {
                    start -= 1;
                }
                return Some((Money::Other, start));
            }
            _ => {}
        }
        let words = text.words_before(i, 1);
        let (start, word) = words.first()?;
        if *start + word.chars().count() + 1 < i {
            return None;
        }
        match word.as_str() {
            "eur" | "euro" => Some((Money::Euro, *start)),
            "usd" | "chf" | "gbp" => Some((Money::Other, *start)),
            _ => None,
        }
    }

    /// Money written after a number or its scale ("€", "EUR", "euros", "d’euros", "de dollars").
    fn money_after(&self, end: usize) -> Option<(Money, usize)> {
        let text = self.text;
        let mut k = end;
        if text.is_inline_space(k) {
            k += 1;
        }
        match text.n(k) {
            Some('€') => return Some((Money::Euro, k + 1)),
            Some('$' | '£') => return Some((Money::Other, k + 1)),
            _ => {}
        }
        let words = text.words_after(end, 2);
        let (first_end, first) = words.first().map(|(_, e, w)| (*e, w.as_str()))?;
        let money = |word: &str| match word {
            "eur" | "euro" | "euros" => Some(Money::Euro),
            "usd" | "dollar" | "dollars" | "chf" | "francs" | "gbp" | "livres" | "pounds" => Some(Money::Other),
            _ => None,
        };
        if let Some(kind) = money(first) {
            return Some((kind, first_end));
        }
        if matches!(first, "d" | "de") {
            let (second_end, second) = words.get(1).map(|(_, e, w)| (*e, w.as_str()))?;
            return money(second).map(|kind| (kind, second_end));
        }
        None
    }
}

/// Qualifier phrases, in reading order, with what they mean.
const HEDGES: &[(&[&str], Hedge)] = &[
    (&["plus", "de"], Hedge::Is(Qualifier::MoreThan)),
    (&["plus", "d"], Hedge::Is(Qualifier::MoreThan)),
    (&["more", "than"], Hedge::Is(Qualifier::MoreThan)),
    (&["over"], Hedge::Is(Qualifier::MoreThan)),
    (&["above"], Hedge::Is(Qualifier::MoreThan)),
    (&["au-delà", "de"], Hedge::Is(Qualifier::MoreThan)),
    (&["in", "excess", "of"], Hedge::Is(Qualifier::MoreThan)),
    (&["upwards", "of"], Hedge::Is(Qualifier::MoreThan)),
    (&["exceeding"], Hedge::Is(Qualifier::MoreThan)),
    (&["pas", "moins", "de"], Hedge::Is(Qualifier::MoreThan)),
    (&["no", "fewer", "than"], Hedge::Is(Qualifier::MoreThan)),
    (&["no", "less", "than"], Hedge::Is(Qualifier::MoreThan)),
    (&["at", "least"], Hedge::Is(Qualifier::MoreThan)),
    (&["au", "moins"], Hedge::Is(Qualifier::MoreThan)),
    (&["environ"], Hedge::Is(Qualifier::About)),
    (&["about"], Hedge::Is(Qualifier::About)),
    (&["around"], Hedge::Is(Qualifier::About)),
    (&["approximately"], Hedge::Is(Qualifier::About)),
    (&["approx"], Hedge::Is(Qualifier::About)),
    (&["roughly"], Hedge::Is(Qualifier::About)),
    (&["some"], Hedge::Is(Qualifier::About)),
    (&["quelque"], Hedge::Is(Qualifier::About)),
    (&["approximativement"], Hedge::Is(Qualifier::About)),
    (&["circa"], Hedge::Is(Qualifier::About)),
    (&["estimated"], Hedge::Is(Qualifier::About)),
    (&["an", "estimated"], Hedge::Is(Qualifier::About)),
    (&["estimé", "à"], Hedge::Is(Qualifier::About)),
    (&["ordre", "de"], Hedge::Is(Qualifier::About)),
    (&["près", "de"], Hedge::Is(Qualifier::Almost)),
    (&["près", "d"], Hedge::Is(Qualifier::Almost)),
    (&["presque"], Hedge::Is(Qualifier::Almost)),
    (&["quasiment"], Hedge::Is(Qualifier::Almost)),
    (&["pratiquement"], Hedge::Is(Qualifier::Almost)),
    (&["almost"], Hedge::Is(Qualifier::Almost)),
    (&["nearly"], Hedge::Is(Qualifier::Almost)),
    (&["close", "to"], Hedge::Is(Qualifier::Almost)),
    (&["just", "under"], Hedge::Is(Qualifier::Almost)),
    (&["just", "below"], Hedge::Is(Qualifier::Almost)),
    (&["un", "peu", "moins", "de"], Hedge::Is(Qualifier::Almost)),
    (&["up", "to"], Hedge::Caution(Caution::UpTo)),
    (&["jusqu", "à"], Hedge::Caution(Caution::UpTo)),
    (&["jusqu", "a"], Hedge::Caution(Caution::UpTo)),
    (&["moins", "de"], Hedge::Caution(Caution::LessThan)),
    (&["moins", "d"], Hedge::Caution(Caution::LessThan)),
    (&["less", "than"], Hedge::Caution(Caution::LessThan)),
    (&["fewer", "than"], Hedge::Caution(Caution::LessThan)),
    (&["under"], Hedge::Caution(Caution::LessThan)),
    (&["below"], Hedge::Caution(Caution::LessThan)),
];

#[derive(Debug, Clone, Copy)]
enum Hedge {
    Is(Qualifier),
    Caution(Caution),
}

/// The qualifier in front of `start`: the longest hedge phrase that ends right there.
fn qualifier_before(text: &Text<'_>, start: usize) -> (Qualifier, Option<Caution>, Option<usize>) {
    let before = text.words_before(start, 4);
    let best = HEDGES
        .iter()
        .filter(|(phrase, _)| ends_with(&before, phrase))
        .max_by_key(|(phrase, _)| phrase.len());
    match best {
        Some((phrase, hedge)) => {
            let at = before.get(phrase.len().saturating_sub(1)).map(|(at, _)| *at);
            match hedge {
                Hedge::Is(qualifier) => (*qualifier, None, at),
                Hedge::Caution(caution) => (Qualifier::Exact, Some(*caution), at),
            }
        }
        None => (Qualifier::Exact, None, None),
    }
}

// ---------------------------------------------------------------------------------------------
// The release's own facts.
// ---------------------------------------------------------------------------------------------

/// The release date: the first full date in the first eight lines, with its token and line.
fn release_date(tokens: &[Token], lines: &[(usize, usize)]) -> Option<(Date, usize, usize)> {
    tokens.iter().enumerate().find_map(|(index, token)| {
        let Found::Date(PartialDate { year: Some(year), month, day: Some(day) }) = token.found else { return None };
        let line = lines.iter().take(8).position(|(start, end)| token.start >= *start && token.start < *end)?;
        Date::new(year, month, day).ok().map(|date| (date, index, line))
    })
}

/// `UNIQUE ID: 201013_8` or `Reference: IP/21/123`: the identifier and its character range.
fn unique_id(text: &Text<'_>) -> Option<(String, usize, usize)> {
    ["unique id", "reference", "référence", "ref."].iter().find_map(|label| {
        let at = text.find_word(0, text.len(), label)?;
        let mut k = at + label.chars().count();
        while text.n(k).is_some_and(|c| c == ' ' || c == ':') {
            k += 1;
        }
        let start = k;
        while text.n(k).is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '/' | '-' | '.')) {
            k += 1;
        }
        while k > start && text.before(k).is_some_and(|c| matches!(c, '.' | '-' | '/')) {
            k -= 1;
        }
        let id = text.slice(start, k);
        (id.chars().any(|c| c.is_ascii_digit())).then_some((id, start, k))
    })
}

/// Site names and section labels that are never a release's title.
const BOILERPLATE: &[&str] = &[
    "press release", "press releases", "communiqué de presse", "communiqués de presse", "european union external action",
    "news", "actualités", "languages:", "news release", "statement", "déclaration",
];

/// The title: the nearest line of substance above the dateline, else the first one below it or
/// the first line of the text.
fn title(text: &Text<'_>, lines: &[(usize, usize)], dateline: Option<usize>) -> Option<String> {
    let is_title = |(start, end): &(usize, usize)| {
        let line = text.norm_slice(*start, *end);
        !BOILERPLATE.contains(&line.trim()) && end - start <= 300 && line.chars().any(char::is_alphabetic)
    };
    let found = match dateline {
        Some(line) => lines
            .iter()
            .take(line)
            .rev()
            .find(|l| is_title(l))
            .or_else(|| lines.iter().skip(line + 1).take(3).find(|l| is_title(l))),
        None => lines.iter().take(5).find(|l| is_title(l)),
    };
    found.map(|(start, end)| text.slice(*start, *end))
}

/// French or English, by counting each language's commonest short words.
fn guess_language(text: &Text<'_>) -> Lang {
    const FRENCH: &[&str] = &["le", "la", "les", "des", "du", "et", "est", "une", "pour", "dans", "sur", "avec", "aux", "ont"];
    const ENGLISH: &[&str] = &["the", "and", "of", "to", "is", "with", "for", "has", "have", "by", "on", "were", "was"];
    let mut french = 0;
    let mut english = 0;
    let mut i = 0;
    while i < text.len() {
        if text.is_letter(i) {
            let end = text.letters_end(i);
            let word = text.norm_slice(i, end);
            french += usize::from(FRENCH.contains(&word.as_str()));
            english += usize::from(ENGLISH.contains(&word.as_str()));
            i = end;
        } else {
            i += 1;
        }
    }
    if french > english {
        Lang::Fr
    } else {
        Lang::En
    }
}

// ---------------------------------------------------------------------------------------------
// Metrics and dating, sentence by sentence.
// ---------------------------------------------------------------------------------------------

/// Keywords of the people metrics, in priority order: when a clause names several (the 97 000
/// "de retour" who got "réintégration"), the first listed wins.
const PEOPLE_METRICS: &[(Metric, &[&str])] = &[
    (Metric::MigrantsReintegration, &["réintégr", "reintegr", "réinsertion", "reinsertion", "accueil", "reception", "réception"]),
    (Metric::MigrantsRescued, &["secour", "sauvetage", "sauvé", "rescu", "saved"]),
    (Metric::MigrantsReturned, &["rentr", "retour", "return", "rapatri", "repatri"]),
    (
        Metric::MigrantsProtectedAssisted,
        &["protection", "protég", "protect", "assist", "aidé", "helped", "soutenu", "supported", "hébergé", "sheltered"],
    ),
];
const COUNTRY_NOUNS: &[&str] = &["pays", "country", "countries"];
const PROJECT_NOUNS: &[&str] = &["projet", "projets", "project", "projects"];
const PARTNER_NOUNS: &[&str] = &["partenaire", "partenaires", "partner", "partners", "organisations", "organizations", "ong", "ngo", "ngos"];
const HUMANITARIAN: &[&str] = &["humanitai"];

/// Nouns of things counted in releases: "412 charter flights" is not a number of migrants.
const THINGS: &[&str] = &[
    "charter", "charters", "flights", "flight", "vols", "vol", "centres", "centers", "centre", "center", "sessions",
    "workshops", "ateliers", "trainings", "formations", "kits", "meals", "repas", "vehicles", "véhicules",
    "ambulances", "buses", "bus", "boats", "bateaux", "missions", "campaigns", "campagnes", "meetings", "réunions",
    "events", "événements", "cases", "cas", "beds", "lits", "shelters", "abris", "offices", "bureaux",
    "municipalities", "communes", "villages", "districts", "regions", "régions", "provinces", "sites", "schools",
    "écoles", "hospitals", "hôpitaux", "items", "documents", "reports", "rapports", "studies", "études",
];

/// Words that compare a number with the one before it, which then gives it its metric.
const COMPARISONS: &[&[&str]] = &[
    &["contre"], &["compared", "with"], &["compared", "to"], &["against"], &["up", "from"], &["down", "from"],
    &["vs"], &["versus"], &["rapport", "à"], &["comparé", "à"],
];

/// Phrases that date a running total from a launch without giving the date.
const LAUNCH_PHRASES: &[&str] = &[
    "depuis le lancement", "depuis son lancement", "depuis sa création", "depuis le début", "depuis sa mise en place",
    "depuis le démarrage", "since the launch", "since its launch", "since the start", "since its start",
    "since its creation", "since its inception", "since the beginning", "since it began", "since it was launched",
    "since it started",
];

/// Verbs and nouns that make "en 2016" an event rather than the period of a figure.
const EVENT_WORDS: &[&str] = &[
    "lancé", "lancée", "lancés", "lancées", "launched", "créé", "créée", "created", "établi", "établie", "established",
    "founded", "fondé", "fondée", "signed", "signé", "signée", "adopted", "adopté", "adoptée", "started", "began",
    "commencé", "up", "launch", "lancement", "création", "creation", "inception", "start", "début",
];

/// A phrase of the sentence that dates the figures near it.
#[derive(Debug, Clone)]
struct Hint {
    kind: HintKind,
    start: usize,
    end: usize,
    tokens: Vec<usize>,
}

#[derive(Debug, Clone, Copy)]
enum HintKind {
    Period(Date, Date),
    Since(Date),
    SinceLaunch,
    AsOf(Date),
}

impl HintKind {
    fn is_start(self) -> bool {
        !matches!(self, HintKind::AsOf(_))
    }
}

fn first_day(found: Found, fallback_year: Option<i32>) -> Option<Date> {
    match found {
        Found::Year(year) | Found::YearRange(year, _) => Some(Date::start_of_year(year)),
        Found::Date(date) => {
            let year = date.year.or(fallback_year)?;
            Date::new(year, date.month, date.day.unwrap_or(1)).ok()
        }
        _ => None,
    }
}

fn last_day(found: Found, fallback_year: Option<i32>) -> Option<Date> {
    match found {
        Found::Year(year) | Found::YearRange(_, year) => Some(Date::end_of_year(year)),
        Found::Date(date) => {
            let year = date.year.or(fallback_year)?;
            Date::new(year, date.month, date.day.unwrap_or_else(|| days_in_month(year, date.month))).ok()
        }
        _ => None,
    }
}

fn is_time(found: Found) -> bool {
    matches!(found, Found::Year(_) | Found::YearRange(..) | Found::Date(_))
}

/// Distance between two character ranges (0 when they touch or overlap).
fn distance(a: (usize, usize), b: (usize, usize)) -> usize {
    if a.1 <= b.0 {
        b.0 - a.1
    } else {
        a.0.saturating_sub(b.1)
    }
}

/// A quantity of a sentence that has a metric, before it is dated.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    token: Token,
    quantity: Quantity,
    metric: Metric,
    confidence: Confidence,
    previous_end: usize,
    next_start: usize,
    /// The metric was taken from the figure before ("contre 2 100 en 2020").
    ellipsis: bool,
}

impl Candidate {
    /// The number with its qualifier.
    fn own(&self) -> (usize, usize) {
        (self.quantity.qualifier_start.unwrap_or(self.token.start), self.token.end)
    }
}

struct Reader<'r, 'a> {
    text: &'r Text<'a>,
    tokens: &'r [Token],
    release_date: Option<Date>,
    /// Tokens that became part of a proposal or of the release's facts.
    used: Vec<bool>,
    proposals: Vec<Proposal>,
    /// Quantities with no metric, with the reason.
    numbers: Vec<(usize, &'static str)>,
}

impl Reader<'_, '_> {
    fn fallback_year(&self) -> Option<i32> {
        self.release_date.map(Date::year)
    }

    fn sentence(&mut self, (start, end): (usize, usize)) {
        let inside: Vec<usize> =
            (0..self.tokens.len()).filter(|k| self.tokens.get(*k).is_some_and(|t| t.start >= start && t.start < end)).collect();
        let quantities: Vec<usize> = inside
            .iter()
            .copied()
            .filter(|k| self.tokens.get(*k).is_some_and(|t| matches!(t.found, Found::Quantity(_))))
            .collect();
        let mut candidates: Vec<Candidate> = Vec::new();
        for (position, index) in quantities.iter().enumerate() {
            let Some(token) = self.tokens.get(*index).copied() else { continue };
            let Found::Quantity(quantity) = token.found else { continue };
            let previous_end = position
                .checked_sub(1)
                .and_then(|p| quantities.get(p))
                .and_then(|k| self.tokens.get(*k))
                .map_or(start, |t| t.end);
            let next_start =
                quantities.get(position + 1).and_then(|k| self.tokens.get(*k)).map_or(end, |t| t.start);
            let mut ellipsis = false;
            let found = self.metric(&token, quantity, previous_end, next_start, (start, end)).or_else(|| {
                let previous = candidates.last().map(|c| c.metric)?;
                ellipsis = quantity.money == Money::None && self.is_comparison(&token, quantity);
                ellipsis.then_some((previous, Confidence::Medium))
            });
            let Some((metric, confidence)) = found else {
                let reason = if quantity.money == Money::Other {
                    "an amount in a currency other than the euro"
                } else {
                    "no word near it says what it counts"
                };
                self.numbers.push((*index, reason));
                continue;
            };
            if let Some(slot) = self.used.get_mut(*index) {
                *slot = true;
            }
            candidates.push(Candidate { token, quantity, metric, confidence, previous_end, next_start, ellipsis });
        }
        let Some(first) = candidates.first().map(Candidate::own) else { return };
        let hints = self.hints(&inside, (start, end));
        // A phrase before the first figure dates every figure of the sentence; any other phrase
        // dates only the figure it is closest to, preferring one it shares a clause with.
        let owners: Vec<Option<usize>> = hints
            .iter()
            .map(|hint| {
                if hint.end <= first.0 {
                    None
                } else {
                    candidates.iter().enumerate().min_by_key(|(_, c)| self.reach(hint, c.own())).map(|(j, _)| j)
                }
            })
            .collect();
        let mut used_hints = vec![false; hints.len()];
        for (j, candidate) in candidates.iter().enumerate() {
            let pick = |start: bool| {
                let choose = |owner: Option<usize>| {
                    hints
                        .iter()
                        .zip(&owners)
                        .enumerate()
                        .filter(|(_, (hint, o))| **o == owner && hint.kind.is_start() == start)
                        .min_by_key(|(_, (hint, _))| self.reach(hint, candidate.own()))
                        .map(|(k, _)| k)
                };
                choose(Some(j)).or_else(|| choose(None))
            };
            let from = pick(true).and_then(|k| hints.get(k).map(|h| (k, h)));
            let as_of = pick(false).and_then(|k| hints.get(k).map(|h| (k, h)));
            let (proposal, used_from, used_as_of) = self.proposal(candidate, (start, end), from.map(|(_, h)| h), as_of.map(|(_, h)| h));
            for (picked, used) in [(from, used_from), (as_of, used_as_of)] {
                if let (Some((k, _)), true) = (picked, used) {
                    if let Some(slot) = used_hints.get_mut(k) {
                        *slot = true;
                    }
                }
            }
            self.proposals.push(proposal);
        }
        for (hint, used) in hints.iter().zip(&used_hints) {
            if *used {
                for token in &hint.tokens {
                    if let Some(slot) = self.used.get_mut(*token) {
                        *slot = true;
                    }
                }
            }
        }
    }

    /// How far a dating phrase is from a figure: whether a `,`, `;` or `:` separates them, then
    /// the number of characters between them.
    fn reach(&self, hint: &Hint, own: (usize, usize)) -> (bool, usize) {
        let (from, to) = if hint.end <= own.0 { (hint.end, own.0) } else { (own.1, hint.start) };
        let separated = (from..to).any(|k| matches!(self.text.n(k), Some(',' | ';' | ':')));
        (separated, distance((hint.start, hint.end), own))
    }

    /// True when the words before a number compare it with the figure before ("contre environ
    /// 2 100 en 2020", "compared with 2,100").
    fn is_comparison(&self, token: &Token, quantity: Quantity) -> bool {
        let before = self.text.words_before(quantity.qualifier_start.unwrap_or(token.start), 3);
        COMPARISONS.iter().any(|phrase| ends_with(&before, phrase))
    }

    /// Where the clause of a quantity begins: after the last `,`, `;`, `:` or bracket before it,
    /// and never before the previous quantity.
    fn clause_start(&self, from: usize, start: usize) -> usize {
        let text = self.text;
        (from..start).rev().find(|k| matches!(text.n(*k), Some(',' | ';' | ':' | '(' | ')'))).map_or(from, |k| k + 1)
    }

    /// Where the right-hand window of a quantity ends: the next quantity, a `;`, or the sentence end.
    fn window_end(&self, end: usize, limit: usize) -> usize {
        (end..limit).find(|k| self.text.n(*k) == Some(';')).unwrap_or(limit)
    }

    fn metric(
        &self,
        token: &Token,
        quantity: Quantity,
        previous_end: usize,
        next_start: usize,
        sentence: (usize, usize),
    ) -> Option<(Metric, Confidence)> {
        let text = self.text;
        let left = self.clause_start(previous_end, quantity.qualifier_start.unwrap_or(token.start));
        let right = self.window_end(token.end, next_start);
        match quantity.money {
            Money::Euro => return Some((Metric::FundingEur, Confidence::High)),
            Money::Other => return None,
            Money::None => {}
        }
        let head = text.words_after(token.end, 3);
        for (position, (_, _, word)) in head.iter().enumerate() {
            let word = word.as_str();
            if COUNTRY_NOUNS.contains(&word) {
                let humanitarian = text.contains_any(sentence.0, sentence.1, HUMANITARIAN);
                let metric = if humanitarian { Metric::CountriesHumanitarianAid } else { Metric::CountriesCovered };
                return Some((metric, Confidence::High));
            }
            if PROJECT_NOUNS.contains(&word) {
                return Some((Metric::Projects, Confidence::High));
            }
            let partner_of_countries = matches!(word, "partner" | "partenaire")
                && head.get(position + 1).is_some_and(|(_, _, next)| COUNTRY_NOUNS.contains(&next.as_str()));
            if PARTNER_NOUNS.contains(&word) && !partner_of_countries {
                return Some((Metric::Partners, Confidence::High));
            }
        }
        if head.iter().take(2).any(|(_, _, word)| THINGS.contains(&word.as_str())) {
            return None;
        }
        PEOPLE_METRICS
            .iter()
            .find(|(_, words)| text.contains_any(token.end, right, words) || text.contains_any(left, token.start, words))
            .map(|(metric, _)| (*metric, Confidence::Medium))
    }

    /// A short phrase around the number: up to four words before it in its clause, and its
    /// clause after it up to the next comma, capped at fourteen words.
    fn detail(&self, token: &Token, quantity: Quantity, previous_end: usize, next_start: usize) -> String {
        let text = self.text;
        let own_start = quantity.qualifier_start.unwrap_or(token.start);
        let left = self.clause_start(previous_end, own_start);
        let before = text.words_before(own_start, 4);
        let from = before.iter().map(|(at, _)| *at).filter(|at| *at >= left).min().unwrap_or(own_start);
        let limit = self.window_end(token.end, next_start);
        let to = (token.end..limit).find(|k| matches!(text.n(*k), Some(',' | '.' | ';' | ':' | '('))).unwrap_or(limit);
        let words: Vec<String> = text.slice(from, to).split_whitespace().map(str::to_string).collect();
        let mut phrase = words.iter().take(4 + 14).cloned().collect::<Vec<_>>().join(" ");
        if words.len() > 18 {
            phrase.push('…');
        }
        phrase
    }

    /// Every dating phrase of a sentence.
    fn hints(&self, inside: &[usize], sentence: (usize, usize)) -> Vec<Hint> {
        let text = self.text;
        let year = self.fallback_year();
        let mut hints = Vec::new();
        let mut taken: Vec<usize> = Vec::new();
        // Launch phrases, dated when they say "in December 2016".
        for phrase in LAUNCH_PHRASES {
            let Some(at) = text.find_word(sentence.0, sentence.1, phrase) else { continue };
            let mut stop = (at..sentence.1).find(|k| matches!(text.n(*k), Some(',' | ';' | '.'))).unwrap_or(sentence.1);
            if let Some(next) = inside.iter().filter_map(|k| self.tokens.get(*k)).find(|t| t.start > at && matches!(t.found, Found::Quantity(_))) {
                stop = stop.min(next.start);
            }
            let dated = inside.iter().copied().find(|k| {
                self.tokens.get(*k).is_some_and(|t| {
                    t.start > at && t.end <= stop && is_time(t.found) && {
                        let before = text.words_before(t.start, 1);
                        ends_with(&before, &["en"]) || ends_with(&before, &["in"])
                    }
                })
            });
            let hint = match dated.and_then(|k| self.tokens.get(k).map(|t| (k, t))) {
                Some((k, t)) => match first_day(t.found, year) {
                    Some(date) => {
                        taken.push(k);
                        Hint { kind: HintKind::Since(date), start: at, end: stop, tokens: vec![k] }
                    }
                    None => Hint { kind: HintKind::SinceLaunch, start: at, end: stop, tokens: Vec::new() },
                },
                None => Hint { kind: HintKind::SinceLaunch, start: at, end: stop, tokens: Vec::new() },
            };
            hints.push(hint);
            break;
        }
        let times: Vec<usize> = inside
            .iter()
            .copied()
            .filter(|k| !taken.contains(k) && self.tokens.get(*k).is_some_and(|t| is_time(t.found)))
            .collect();
        let mut skip_next = false;
        for (position, index) in times.iter().enumerate() {
            if skip_next {
                skip_next = false;
                continue;
            }
            let Some(token) = self.tokens.get(*index) else { continue };
            let before = text.words_before(token.start, 4);
            let prefix_start = |words: usize| before.get(words.saturating_sub(1)).map_or(token.start, |(at, _)| *at);
            let next = times.get(position + 1).and_then(|k| self.tokens.get(*k).map(|t| (*k, t)));
            // "Entre 2015 et 2019", "from 2015 to 2019".
            if let Some((next_index, next_token)) = next {
                let between = text.norm_slice(token.end, next_token.start);
                let between = between.trim();
                let opens_range = ends_with(&before, &["entre"]) || ends_with(&before, &["between"]);
                let opens_from = ends_with(&before, &["de"]) || ends_with(&before, &["from"]) || ends_with(&before, &["du"]);
                let closes = if opens_range {
                    matches!(between, "et" | "and")
                } else {
                    opens_from && matches!(between, "à" | "a" | "au" | "to" | "until" | "till" | "through" | "-" | "jusqu'à" | "jusqu'en" | "jusqu'au")
                };
                if closes {
                    if let (Some(from), Some(to)) = (first_day(token.found, year), last_day(next_token.found, year)) {
                        hints.push(Hint { kind: HintKind::Period(from, to), start: prefix_start(1), end: next_token.end, tokens: vec![*index, next_index] });
                        skip_next = true;
                        continue;
                    }
                }
            }
            let kind = if let Found::YearRange(from, to) = token.found {
                Some((HintKind::Period(Date::start_of_year(from), Date::end_of_year(to)), 0))
            } else if ends_with(&before, &["depuis"]) || ends_with(&before, &["since"]) || ends_with(&before, &["depuis", "le"]) {
                first_day(token.found, year).map(|d| (HintKind::Since(d), if ends_with(&before, &["depuis", "le"]) { 2 } else { 1 }))
            } else if ends_with(&before, &["fin"]) || ends_with(&before, &["end", "of"]) || ends_with(&before, &["end"]) {
                last_day(token.found, year).map(|d| (HintKind::AsOf(d), 1))
            } else if ends_with(&before, &["as", "of"]) || ends_with(&before, &["as", "at"]) || ends_with(&before, &["date", "du"]) {
                last_day(token.found, year).map(|d| (HintKind::AsOf(d), 2))
            } else if ends_with(&before, &["au"]) || ends_with(&before, &["by"]) || ends_with(&before, &["ici"]) {
                last_day(token.found, year).map(|d| (HintKind::AsOf(d), 1))
            } else if let Found::Year(y) = token.found {
                let preposition = ["en", "in", "during", "pendant", "throughout", "for"].iter().any(|p| ends_with(&before, &[*p]))
                    || ends_with(&before, &["au", "cours", "de"]);
                let event = before.get(1).is_some_and(|(_, w)| EVENT_WORDS.contains(&w.as_str()));
                (preposition && !event).then(|| (HintKind::Period(Date::start_of_year(y), Date::end_of_year(y)), 1))
            } else {
                None
            };
            if let Some((kind, words)) = kind {
                hints.push(Hint { kind, start: prefix_start(words), end: token.end, tokens: vec![*index] });
            }
        }
        hints
    }

    /// The proposal for a candidate dated by the phrases picked for it; also says whether
    /// each phrase was used.
    fn proposal(
        &self,
        candidate: &Candidate,
        sentence: (usize, usize),
        from: Option<&Hint>,
        as_of: Option<&Hint>,
    ) -> (Proposal, bool, bool) {
        let text = self.text;
        let Candidate { token, quantity, metric, mut confidence, previous_end, next_start, ellipsis } = *candidate;
        let quote = |hint: &Hint| text.slice(hint.start, hint.end).split_whitespace().collect::<Vec<_>>().join(" ");
        let mut notes = Vec::new();
        if ellipsis {
            notes.push("Compared with the figure before it in the sentence, whose metric it was given.".to_string());
        }
        let mut period_start = None;
        let mut period_end = None;
        let mut cumulative_since = None;
        let mut used_from = false;
        let mut used_as_of = false;
        if let Some(hint) = from {
            used_from = true;
            match hint.kind {
                HintKind::Period(start, end) => {
                    period_start = Some(start);
                    period_end = Some(end);
                    notes.push(format!("Covers {start} to {end} (\u{ab}{}\u{bb}).", quote(hint)));
                }
                HintKind::Since(date) => {
                    period_start = Some(date);
                    cumulative_since = Some(date);
                    notes.push(format!("Running total since {date} (\u{ab}{}\u{bb}).", quote(hint)));
                }
                HintKind::SinceLaunch => {
                    notes.push(format!("Running total \u{ab}{}\u{bb}; the release gives no start date.", quote(hint)));
                }
                HintKind::AsOf(_) => used_from = false,
            }
        }
        if period_end.is_none() {
            if let Some(hint @ Hint { kind: HintKind::AsOf(date), .. }) = as_of {
                used_as_of = true;
                period_end = Some(*date);
                notes.push(format!("As of {date} (\u{ab}{}\u{bb}).", quote(hint)));
            }
        }
        if period_end.is_none() {
            period_end = self.release_date;
            match self.release_date {
                Some(date) => notes.push(format!("As of the release date, {date}.")),
                None => {
                    notes.push("No release date found: set period_end before adding.".to_string());
                    confidence = Confidence::Low;
                }
            }
        }
        // A period that ends in the release's own year is normal; a later year, or an as-of
        // day after the release, is a target or a forecast.
        if let (Some(end), Some(release)) = (period_end, self.release_date) {
            if end.year() > release.year() || (used_as_of && end > release) {
                notes.push(format!("Dated {end}, after the release: a target or forecast? Check before adding."));
                confidence = Confidence::Low;
            }
        }
        match quantity.caution {
            Some(Caution::UpTo) => {
                notes.push("Printed as an upper bound (\u{ab}up to\u{bb}), which no qualifier expresses.".to_string());
                confidence = Confidence::Low;
            }
            Some(Caution::LessThan) => {
                notes.push("Printed as an upper bound (\u{ab}less than\u{bb}), which no qualifier expresses.".to_string());
                confidence = Confidence::Low;
            }
            None => {}
        }
        let qualifier_text = quantity
            .qualifier_start
            .map(|at| text.slice(at, token.start).trim_end().to_string())
            .filter(|q| !q.is_empty());
        let proposal = Proposal {
            metric,
            metric_detail: self.detail(&token, quantity, previous_end, next_start),
            value: quantity.value,
            unit: if quantity.money == Money::Euro { Unit::Eur } else { Unit::Count },
            qualifier: quantity.qualifier,
            qualifier_text,
            period_start,
            period_end,
            cumulative_since,
            number_text: text.slice(token.start, token.end),
            number: text.span(token.start, token.end),
            sentence: text.span(sentence.0, sentence.1),
            confidence,
            notes,
        };
        (proposal, used_from, used_as_of)
    }

    /// Every token that is not part of a proposal or of the release's facts, in text order.
    fn context(&self, sentences: &[(usize, usize)]) -> Vec<ContextItem> {
        let text = self.text;
        let year = self.fallback_year();
        let mut out = Vec::new();
        for (index, token) in self.tokens.iter().enumerate() {
            if self.used.get(index).copied().unwrap_or(true) {
                continue;
            }
            let sentence = sentences
                .iter()
                .find(|(start, end)| token.start >= *start && token.start < *end)
                .copied()
                .unwrap_or((token.start, token.end));
            let mut note = None;
            let (kind, value, date) = match token.found {
                Found::Ordinal(n) => (ContextKind::Ordinal, f64::from(n), None),
                Found::Year(y) => (ContextKind::Year, f64::from(y), Some(y.to_string())),
                Found::YearRange(from, to) => (ContextKind::Period, f64::from(from), Some(format!("{from}/{to}"))),
                Found::Percent(value) => (ContextKind::Percent, value, None),
                Found::Date(date) => {
                    let known = date.year.or(year);
                    if date.year.is_none() && known.is_some() {
                        note = Some("year taken from the release date".to_string());
                    }
                    let iso = match (known, date.day) {
                        (Some(y), Some(d)) => Some(format!("{y:04}-{:02}-{d:02}", date.month)),
                        (Some(y), None) => Some(format!("{y:04}-{:02}", date.month)),
                        (None, Some(d)) => Some(format!("--{:02}-{d:02}", date.month)),
                        (None, None) => None,
                    };
                    (ContextKind::Date, f64::from(known.unwrap_or(0)), iso)
                }
                Found::Quantity(quantity) => {
                    let reason = self.numbers.iter().find(|(k, _)| *k == index).map_or("not read as a figure", |(_, r)| *r);
                    note = Some(reason.to_string());
                    (ContextKind::Number, quantity.value, None)
                }
            };
            out.push(ContextItem {
                kind,
                value,
                date,
                span: text.span(token.start, token.end),
                sentence: text.span(sentence.0, sentence.1),
                note,
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The single proposal of a text.
    fn one(text: &str) -> Proposal {
        let extraction = extract(text);
        assert_eq!(extraction.proposals.len(), 1, "{text}: {:#?}", extraction.proposals);
        extraction.proposals.into_iter().next().unwrap()
    }

    fn values(text: &str) -> Vec<f64> {
        extract(text).proposals.iter().map(|p| p.value).collect()
    }

    fn context_kinds(text: &str) -> Vec<(ContextKind, f64)> {
        extract(text).context.iter().map(|c| (c.kind, c.value)).collect()
    }

    #[test]
    fn reads_thousands_with_every_kind_of_space_and_separator() {
        for text in [
            "Plus de 84\u{a0}000 migrants sont rentrés.",
            "Plus de 84\u{202f}000 migrants sont rentrés.",
            "Plus de 84 000 migrants sont rentrés.",
            "More than 84,000 migrants returned home.",
            "Plus de 84.000 migrants sont rentrés.",
            "More than 84000 migrants returned home.",
        ] {
            let proposal = one(text);
            assert_eq!(proposal.value, 84000.0, "{text}");
            assert_eq!(proposal.metric, Metric::MigrantsReturned, "{text}");
            assert_eq!(proposal.qualifier, Qualifier::MoreThan, "{text}");
            assert_eq!(proposal.unit, Unit::Count);
        }
        assert_eq!(values("In total 1 234 567 migrants returned."), vec![1_234_567.0]);
        assert_eq!(values("In total 1,234,567 migrants returned."), vec![1_234_567.0]);
    }

    #[test]
    fn reads_money_in_french_and_english() {
        let cases = [
            ("un montant d\u{2019}environ 1,88\u{a0}milliard d\u{2019}euros", 1_880_000_000.0, Qualifier::About),
            ("worth about \u{20ac}1.88 billion in total", 1_880_000_000.0, Qualifier::About),
            ("a budget of EUR 140 million for the region", 140_000_000.0, Qualifier::Exact),
            ("un budget de 140 millions d'euros pour la région", 140_000_000.0, Qualifier::Exact),
            ("un budget de plus de 2,5 millions d\u{2019}euros", 2_500_000.0, Qualifier::MoreThan),
            ("a package of \u{20ac}140m for the region", 140_000_000.0, Qualifier::Exact),
            ("a package of EUR 2.125 billion", 2_125_000_000.0, Qualifier::Exact),
            ("un financement de 15 000 \u{20ac} par projet", 15_000.0, Qualifier::Exact),
            ("plus d\u{2019}un milliard d\u{2019}euros", 1_000_000_000.0, Qualifier::MoreThan),
            ("nearly EUR 3 million", 3_000_000.0, Qualifier::Almost),
        ];
        for (text, value, qualifier) in cases {
            let proposal = one(text);
            assert_eq!(proposal.value, value, "{text}");
            assert_eq!(proposal.unit, Unit::Eur, "{text}");
            assert_eq!(proposal.metric, Metric::FundingEur, "{text}");
            assert_eq!(proposal.qualifier, qualifier, "{text}");
        }
        let proposal = one("un montant d\u{2019}environ 1,88\u{a0}milliard d\u{2019}euros.");
        assert_eq!(proposal.number_text, "1,88\u{a0}milliard d\u{2019}euros");
        assert_eq!(proposal.qualifier_text.as_deref(), Some("environ"));
    }

    #[test]
    fn reads_every_qualifier() {
        let cases = [
            ("plus de 500 migrants rapatriés", Qualifier::MoreThan),
            ("more than 500 migrants returned", Qualifier::MoreThan),
            ("over 500 migrants returned", Qualifier::MoreThan),
            ("at least 500 migrants returned", Qualifier::MoreThan),
            ("au moins 500 migrants rapatriés", Qualifier::MoreThan),
            ("environ 500 migrants rapatriés", Qualifier::About),
            ("about 500 migrants returned", Qualifier::About),
            ("some 500 migrants returned", Qualifier::About),
            ("quelque 500 migrants rapatriés", Qualifier::About),
            ("around 500 migrants returned", Qualifier::About),
            ("près de 500 migrants rapatriés", Qualifier::Almost),
            ("almost 500 migrants returned", Qualifier::Almost),
            ("nearly 500 migrants returned", Qualifier::Almost),
            ("close to 500 migrants returned", Qualifier::Almost),
            ("500 migrants returned", Qualifier::Exact),
        ];
        for (text, qualifier) in cases {
            assert_eq!(one(text).qualifier, qualifier, "{text}");
        }
        let capped = one("up to 500 migrants will be returned");
        assert_eq!(capped.qualifier, Qualifier::Exact);
        assert_eq!(capped.confidence, Confidence::Low);
        assert!(capped.notes.iter().any(|n| n.contains("upper bound")));
    }

    #[test]
    fn years_dates_and_times_are_not_counts() {
        let extraction = extract("Brussels, 13/10/2020 - 13:00\n\nIn 2019 the programme ran in Niger. On 12 October 2021 and on 2021-10-12 it met again.");
        assert!(extraction.proposals.is_empty(), "{:#?}", extraction.proposals);
        assert_eq!(extraction.release.date, Date::new(2020, 10, 13).ok());
        let kinds: Vec<ContextKind> = extraction.context.iter().map(|c| c.kind).collect();
        assert_eq!(kinds, vec![ContextKind::Year, ContextKind::Date, ContextKind::Date]);
        assert_eq!(extraction.context[1].date.as_deref(), Some("2021-10-12"));
    }

    #[test]
    fn ordinals_are_context() {
        assert_eq!(context_kinds("La 7e réunion a eu lieu."), vec![(ContextKind::Ordinal, 7.0)]);
        assert_eq!(context_kinds("La septième réunion a eu lieu."), vec![(ContextKind::Ordinal, 7.0)]);
        assert_eq!(context_kinds("The 11th meeting took place."), vec![(ContextKind::Ordinal, 11.0)]);
        assert_eq!(context_kinds("The seventh meeting took place."), vec![(ContextKind::Ordinal, 7.0)]);
        assert_eq!(context_kinds("Bruxelles, 2 octobre 2020\n\nLe 1er octobre 2020, rien."), vec![(ContextKind::Date, 2020.0)]);
        assert!(extract("La 7e réunion sur le retour des migrants.").proposals.is_empty());
    }

    #[test]
    fn percentages_are_context() {
        for text in ["28 % des migrants rentrés", "28% of returned migrants", "28 per cent of returned migrants", "28\u{a0}% des rapatriés"] {
            assert_eq!(context_kinds(text), vec![(ContextKind::Percent, 28.0)], "{text}");
            assert!(extract(text).proposals.is_empty(), "{text}");
        }
        assert_eq!(context_kinds("un taux de 28,5 % de retours"), vec![(ContextKind::Percent, 28.5)]);
    }

    #[test]
    fn phone_numbers_postal_codes_and_references_are_skipped() {
        for text in [
            "Contact: +32 2 123 45 67 for returns.",
            "Tél. : 02 123 45 67 (retours).",
            "Call 02 123 45 67 about returns.",
            "Rue de la Loi 200, 1049 Bruxelles, returns office.",
            "B-1049 Brussels, returns office.",
            "Under Article 7 of Regulation (EU) 2019/1896 on returns.",
            "Conformément à l\u{2019}article 12, paragraphe 3, sur le retour.",
            "Per art. 5 on returns.",
            "COVID-19 slowed returns, and so did G20 talks on 5G.",
            "UNIQUE ID: 201013_8 retours",
            "See https://example.org/returns/2019/1234 for returns.",
            "Le programme a duré 3 ans et aidé des migrants à rentrer.",
        ] {
            let extraction = extract(text);
            assert!(extraction.proposals.is_empty(), "{text}: {:#?}", extraction.proposals);
            assert!(extraction.context.iter().all(|c| c.kind != ContextKind::Number), "{text}: {:#?}", extraction.context);
        }
    }

    #[test]
    fn nouns_after_the_number_decide_projects_countries_and_partners() {
        assert_eq!(one("dans le cadre de 535 projets").metric, Metric::Projects);
        assert_eq!(one("in 26 countries of origin").metric, Metric::CountriesCovered);
        assert_eq!(one("in 34 partner countries").metric, Metric::CountriesCovered);
        assert_eq!(one("l\u{2019}OIM apporte une aide humanitaire dans 34 pays").metric, Metric::CountriesHumanitarianAid);
        assert_eq!(one("with 120 partner organisations").metric, Metric::Partners);
        assert_eq!(one("avec 45 organisations partenaires").metric, Metric::Partners);
    }

    #[test]
    fn clauses_decide_the_people_metrics() {
        let extraction = extract(
            "Depuis le lancement, plus de 84\u{a0}000 migrants ont bénéficié d\u{2019}une protection et d\u{2019}une assistance pour rentrer dans leur pays d\u{2019}origine, \
             97\u{a0}000 migrants de retour au pays d\u{2019}origine ont bénéficié d\u{2019}une aide à la réintégration, \
             et plus de 25\u{a0}000 migrants en détresse ont bénéficié de secours.",
        );
        let metrics: Vec<Metric> = extraction.proposals.iter().map(|p| p.metric).collect();
        assert_eq!(metrics, vec![Metric::MigrantsReturned, Metric::MigrantsReintegration, Metric::MigrantsRescued]);
        assert_eq!(one("IOM provided reintegration assistance to 8,000 returnees.").metric, Metric::MigrantsReintegration);
        assert_eq!(one("IOM protected and assisted 5,000 stranded migrants.").metric, Metric::MigrantsProtectedAssisted);
        let unattributed = extract("There were 5,000 people at the event.");
        assert!(unattributed.proposals.is_empty());
        assert_eq!(unattributed.context[0].kind, ContextKind::Number);
    }

    #[test]
    fn dating_phrases_set_periods_and_running_totals() {
        let release = "Brussels, 12 October 2021\n\n";
        let p = one(&format!("{release}Between 2015 and 2019, the EU funded 535 projects."));
        assert_eq!((p.period_start, p.period_end), (Date::new(2015, 1, 1).ok(), Date::new(2019, 12, 31).ok()));
        let p = one(&format!("{release}Over 2015-2019, the EU funded 535 projects."));
        assert_eq!(p.period_start, Date::new(2015, 1, 1).ok());
        let p = one(&format!("{release}IOM has worked in 34 countries since 2017."));
        assert_eq!(p.cumulative_since, Date::new(2017, 1, 1).ok());
        assert_eq!(p.period_end, Date::new(2021, 10, 12).ok());
        let p = one(&format!("{release}Depuis avril 2017, 5 000 migrants sont rentrés."));
        assert_eq!(p.cumulative_since, Date::new(2017, 4, 1).ok());
        let p = one(&format!("{release}Since the launch of the Joint Initiative, 5,000 migrants returned."));
        assert_eq!((p.period_start, p.cumulative_since), (None, None));
        assert_eq!(p.period_end, Date::new(2021, 10, 12).ok());
        assert!(p.notes[0].contains("Since the launch of the Joint Initiative"), "{:?}", p.notes);
        let p = one(&format!("{release}In 2019, 5,000 migrants returned."));
        assert_eq!((p.period_start, p.period_end), (Date::new(2019, 1, 1).ok(), Date::new(2019, 12, 31).ok()));
        let p = one(&format!("{release}As of 30 June 2021, 5,000 migrants had returned."));
        assert_eq!(p.period_end, Date::new(2021, 6, 30).ok());
        let p = one(&format!("{release}The programme, launched in 2016, helped 5,000 migrants return."));
        assert_eq!((p.period_start, p.period_end), (None, Date::new(2021, 10, 12).ok()));
        let p = one(&format!("{release}By 2025, 9,000 migrants will have returned."));
        assert_eq!(p.confidence, Confidence::Low);
    }

    #[test]
    fn leading_phrases_date_every_figure_and_trailing_ones_their_own() {
        let release = "Bruxelles, 5 juillet 2021\n\n";
        let extraction = extract(&format!(
            "{release}Au 30 juin 2021, l\u{2019}OIM fournissait une aide humanitaire dans 41 pays, contre 34 pays en 2020."
        ));
        let dated: Vec<(f64, Option<Date>, Option<Date>)> =
            extraction.proposals.iter().map(|p| (p.value, p.period_start, p.period_end)).collect();
        assert_eq!(
            dated,
            vec![(41.0, None, Date::new(2021, 6, 30).ok()), (34.0, Date::new(2020, 1, 1).ok(), Date::new(2020, 12, 31).ok())]
        );
        assert!(extraction.proposals.iter().all(|p| p.metric == Metric::CountriesHumanitarianAid));
        let extraction = extract(&format!(
            "{release}Les équipes de sauvetage ont secouru 2.750 migrants en 2021, contre environ 2.100 en 2020."
        ));
        let rescued: Vec<(f64, Metric, Qualifier, Option<Date>)> =
            extraction.proposals.iter().map(|p| (p.value, p.metric, p.qualifier, p.period_start)).collect();
        assert_eq!(
            rescued,
            vec![
                (2750.0, Metric::MigrantsRescued, Qualifier::Exact, Date::new(2021, 1, 1).ok()),
                (2100.0, Metric::MigrantsRescued, Qualifier::About, Date::new(2020, 1, 1).ok()),
            ]
        );
    }

    #[test]
    fn things_are_not_people() {
        let extraction = extract("IOM helped 60,617 migrants to return home on 412 charter flights.");
        assert_eq!(extraction.proposals.len(), 1);
        assert_eq!(extraction.proposals[0].value, 60617.0);
        assert_eq!(extraction.context[0].value, 412.0);
        assert_eq!(extraction.context[0].kind, ContextKind::Number);
    }

    #[test]
    fn reads_the_release_facts() {
        let extraction = extract(
            "European Union External Action\n\nA headline about returns\n\nBrussels, 13/10/2020 - 13:00, UNIQUE ID: 201013_8\nPress releases\n\nLe texte est en français et les chiffres sont dans le texte.",
        );
        let release = extraction.release;
        assert_eq!(release.date, Date::new(2020, 10, 13).ok());
        assert_eq!(release.unique_id.as_deref(), Some("201013_8"));
        assert_eq!(release.title.as_deref(), Some("A headline about returns"));
        assert_eq!(release.language, Lang::Fr);
        assert!(extraction.context.is_empty(), "{:#?}", extraction.context);
    }

    #[test]
    fn sentences_survive_abbreviations_and_spans_count_characters() {
        let text = "Selon M. Vitorino, l\u{2019}OIM a aidé 500 migrants à rentrer. Ensuite, rien.";
        let p = one(text);
        assert_eq!(p.sentence.start, 0);
        assert_eq!(p.sentence.text, "Selon M. Vitorino, l\u{2019}OIM a aidé 500 migrants à rentrer.");
        let chars: Vec<char> = text.chars().collect();
        let number: String = chars[p.number.start..p.number.end].iter().collect();
        assert_eq!(number, "500");
        assert_eq!(&text[p.number.byte_start..p.number.byte_end], "500");
        assert!(p.number.byte_start > p.number.start, "the apostrophe and accents take several bytes");
    }

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
