//! Sentences and lines of a release as trimmed character ranges: where a full stop or a line
//! break ends a sentence, and where an abbreviation or an initial does not.

use super::lexicon::ABBREVIATIONS;
use super::text::Text;

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
pub(super) fn split_sentences(text: &Text<'_>) -> Vec<(usize, usize)> {
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
            let opens = text.ch(next).is_none_or(|n| n.is_uppercase() || n.is_ascii_digit() || matches!(n, '«' | '"' | '“' | '(' | '€'));
            let abbreviation = c == '.' && {
                let word = text.words_before(i, 1);
                word.first()
                    .is_some_and(|(at, w)| *at + w.chars().count() == i && (w.chars().count() == 1 || ABBREVIATIONS.contains(&w.as_str())))
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
pub(super) fn lines(text: &Text<'_>) -> Vec<(usize, usize)> {
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

#[cfg(test)]
mod tests {
    use crate::domain::release::extract::testing::one;

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
}
