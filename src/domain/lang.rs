//! The interface languages: a leaf type every topic may name, so the dataset need not depend on
//! the interface's words.

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
