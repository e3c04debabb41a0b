//! The interface languages: a leaf type every topic may name, so the dataset need not depend on
//! the interface's words, and [`tr!`], the one switch between languages.

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// French.
    Fr,
}

impl Lang {
    /// Both languages, in the order the switcher lists them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// BCP 47 tag, for `<html lang>` and URLs.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// Reads a language tag such as `fr`, `fr-BE` or `en-GB`; `None` for other languages.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            _ => None,
        }
    }

    /// The first supported language in a browser's preference list, else English.
    pub fn negotiate<'a>(preferences: impl IntoIterator<Item = &'a str>) -> Lang {
        preferences.into_iter().find_map(Lang::from_tag).unwrap_or_default()
    }

    /// The language's own name, for the switcher.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
        }
    }
}

/// `c` in lower case, for the letters the interface languages write: ASCII, Latin-1 and the
/// French Œ and Ÿ; any other character is kept as it is. The standard library's
/// `char::to_lowercase` knows all of Unicode, with tables that would cost every visitor of the
/// dashboard several kilobytes of WebAssembly, so shipped code lowers with this instead.
pub fn lower(c: char) -> char {
    match c {
        'A'..='Z' | 'À'..='Þ' if c != '×' => char::from_u32(u32::from(c) + 32).unwrap_or(c),
        'Œ' => 'œ',
        'Ÿ' => 'ÿ',
        _ => c,
    }
}

/// `text` in lower case, letter by letter as [`lower`].
pub fn lowercase(text: &str) -> String {
    text.chars().map(lower).collect()
}

/// A name as the interface languages compare and match it: in lower case, with the accents of
/// Latin letters set aside and the ligatures written out, so that "Éthiopie" sorts among the
/// E's (not after "Zimbabwe") and is found by "ethiopie". English and French share the rule.
pub fn folded(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().map(lower) {
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => out.push('a'),
            'ç' => out.push('c'),
            'è' | 'é' | 'ê' | 'ë' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' => out.push('i'),
            'ñ' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => out.push('o'),
            'ù' | 'ú' | 'û' | 'ü' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            other => out.push(other),
        }
    }
    out
}

/// One value per interface language, of which `lang`'s is chosen:
/// `tr!(lang, en: "Map", fr: "Carte")`. Every language is a required argument, so a missing
/// translation does not compile, and only the chosen one is evaluated (`format!` is fine).
/// The words themselves live in `domain::text` (a test checks); adding a language adds one
/// argument here and one column to every use.
macro_rules! tr {
    ($lang:expr, en: $en:expr, fr: $fr:expr $(,)?) => {
        match $lang {
            $crate::domain::lang::Lang::En => $en,
            $crate::domain::lang::Lang::Fr => $fr,
        }
    };
}
pub(crate) use tr;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_lower_as_the_standard_library_does_for_the_interface_languages() {
        // Every Latin-1 character and the ligatures: the same answer as `char::to_lowercase`.
        for c in ('\0'..='\u{ff}').chain(['Œ', 'œ', 'Ÿ']) {
            assert_eq!(lower(c).to_string(), c.to_lowercase().to_string(), "{c:?}");
        }
        assert_eq!(lowercase("À L'ÉCHELLE DU PROGRAMME × ŒUVRE"), "à l'échelle du programme × œuvre");
        // Other scripts are kept as they are.
        assert_eq!(lowercase("ΑΘΉΝΑ"), "ΑΘΉΝΑ");
    }

    #[test]
    fn names_fold_to_lower_case_without_accents() {
        assert_eq!(folded("Éthiopie"), "ethiopie");
        assert_eq!(folded("Côte d’Ivoire"), "cote d’ivoire");
        assert_eq!(folded("Cœur ÆGIR"), "coeur aegir");
        assert!(folded("Éthiopie") < folded("Libye"), "É sorts with the E's");
    }

    #[test]
    fn reads_language_tags_and_negotiates() {
        assert_eq!(Lang::from_tag("fr-BE"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::from_tag("de"), None);
        assert_eq!(Lang::from_tag(""), None);
        assert_eq!(Lang::negotiate(["de-DE", "fr", "en"]), Lang::Fr);
        assert_eq!(Lang::negotiate(["nl"]), Lang::En);
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
    }
}
