//! The text of a release as characters: a normalised copy for matching, byte offsets, word
//! lookups around a position, and the spans (character and byte ranges) that point back into it.

use serde::Serialize;

use crate::domain::lang::lower;

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

/// The input as `char`s, a normalised copy for matching (lower case, one kind of space, one
/// apostrophe, one dash; same length, so indices agree) and the byte offset of every `char`.
pub(super) struct Text<'a> {
    source: &'a str,
    chars: Vec<char>,
    norm: Vec<char>,
    bytes: Vec<usize>,
}

impl<'a> Text<'a> {
    pub(super) fn new(source: &'a str) -> Text<'a> {
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

    pub(super) fn len(&self) -> usize {
        self.chars.len()
    }

    /// The original character at `i`.
    pub(super) fn ch(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    /// The normalised character at `i`.
    pub(super) fn n(&self, i: usize) -> Option<char> {
        self.norm.get(i).copied()
    }

    /// The normalised character before `i`.
    pub(super) fn before(&self, i: usize) -> Option<char> {
        i.checked_sub(1).and_then(|p| self.n(p))
    }

    pub(super) fn is_digit(&self, i: usize) -> bool {
        self.n(i).is_some_and(|c| c.is_ascii_digit())
    }

    pub(super) fn is_letter(&self, i: usize) -> bool {
        self.n(i).is_some_and(char::is_alphabetic)
    }

    /// A space inside a line (ordinary, no-break, narrow no-break, thin...).
    pub(super) fn is_inline_space(&self, i: usize) -> bool {
        self.n(i) == Some(' ')
    }

    pub(super) fn byte(&self, i: usize) -> usize {
        self.bytes.get(i).copied().unwrap_or(self.source.len())
    }

    pub(super) fn slice(&self, start: usize, end: usize) -> String {
        self.source.get(self.byte(start)..self.byte(end)).unwrap_or_default().to_string()
    }

    pub(super) fn norm_slice(&self, start: usize, end: usize) -> String {
        self.norm.get(start..end).map(|chars| chars.iter().collect()).unwrap_or_default()
    }

    pub(super) fn span(&self, start: usize, end: usize) -> Span {
        Span { start, end, byte_start: self.byte(start), byte_end: self.byte(end), text: self.slice(start, end) }
    }

    /// End of the run of ASCII digits starting at `i`.
    pub(super) fn digits_end(&self, i: usize) -> usize {
        let mut k = i;
        while self.is_digit(k) {
            k += 1;
        }
        k
    }

    /// End of the run of letters starting at `i`.
    pub(super) fn letters_end(&self, i: usize) -> usize {
        let mut k = i;
        while self.is_letter(k) {
            k += 1;
        }
        k
    }

    /// End of the run of letters, digits, `_`, `-`, `/` and `.` between them, starting at `i`.
    pub(super) fn token_end(&self, i: usize) -> usize {
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
    pub(super) fn matches_at(&self, i: usize, needle: &str) -> bool {
        needle.chars().enumerate().all(|(k, c)| self.n(i + k) == Some(c))
    }

    /// The first place in `start..end` where a word begins with `needle`.
    pub(super) fn find_word(&self, start: usize, end: usize, needle: &str) -> Option<usize> {
        let length = needle.chars().count();
        (start..end.saturating_sub(length.saturating_sub(1)))
            .find(|&p| !self.before(p).is_some_and(char::is_alphabetic) && self.matches_at(p, needle))
    }

    pub(super) fn contains_any(&self, start: usize, end: usize, needles: &[&str]) -> bool {
        needles.iter().any(|needle| self.find_word(start, end, needle).is_some())
    }

    /// Like [`Text::contains_any`], ignoring words that begin inside one of the `masked` ranges.
    pub(super) fn contains_any_outside(&self, start: usize, end: usize, needles: &[&str], masked: &[(usize, usize)]) -> bool {
        needles.iter().any(|needle| {
            let mut from = start;
            while let Some(at) = self.find_word(from, end, needle) {
                if !masked.iter().any(|(a, b)| (*a..*b).contains(&at)) {
                    return true;
                }
                from = at + 1;
            }
            false
        })
    }

    /// Every place where one of `phrases` begins a word, as (start, end), longest first at each place.
    pub(super) fn find_phrases(&self, phrases: &[&str]) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < self.len() {
            let at_word = !self.before(i).is_some_and(char::is_alphanumeric);
            let hit = phrases.iter().filter(|phrase| at_word && self.matches_at(i, phrase)).map(|phrase| phrase.chars().count()).max();
            match hit {
                Some(length) => {
                    found.push((i, i + length));
                    i += length;
                }
                None => i += 1,
            }
        }
        found
    }

    /// Up to `max` words after `i` (nearest first), skipping spaces and apostrophes, stopping at
    /// punctuation, digits or a blank line. Each is (start, end, normalised word).
    pub(super) fn words_after(&self, i: usize, max: usize) -> Vec<(usize, usize, String)> {
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
    pub(super) fn words_before(&self, i: usize, max: usize) -> Vec<(usize, String)> {
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

    /// Every word of `start..end` in reading order, across numbers and punctuation (normalised,
    /// letters only: "l'année" gives "l" and "année").
    pub(super) fn words_between(&self, start: usize, end: usize) -> Vec<String> {
        self.norm_slice(start, end).split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).map(str::to_string).collect()
    }

    /// The word right before `i`, allowing one space and one full stop in between ("art. 12").
    pub(super) fn word_before_loose(&self, i: usize) -> Option<String> {
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

fn normalise(c: char) -> char {
    match c {
        '\n' | '\r' => '\n',
        c if c.is_whitespace() => ' ',
        '\u{2019}' | '\u{2018}' | '\u{02bc}' | '\u{2032}' | '`' => '\'',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' => '-',
        c => lower(c),
    }
}

/// True when `words` (reading order) hold `phrase` as consecutive words.
pub(super) fn has_phrase(words: &[String], phrase: &[&str]) -> bool {
    words.windows(phrase.len().max(1)).any(|window| window.iter().zip(phrase).all(|(word, want)| word == want))
}

/// True when the words before a place (nearest first) end with `phrase` (reading order).
pub(super) fn ends_with(before: &[(usize, String)], phrase: &[&str]) -> bool {
    phrase.len() <= before.len() && phrase.iter().rev().zip(before).all(|(want, (_, word))| word == want)
}
