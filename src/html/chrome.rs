//! The page's chrome as HTML: the masthead's identity (the institutions' marks, the title and
//! its subtitle, long on wide screens and short on phones), the static form of the language and
//! theme control, the headline section's heading, and the footer with its link to the staff
//! page. The app inserts these strings; the pre-rendered page writes them.

use std::fmt::Write as _;

use super::{element, escape};
use crate::domain::dataset::date::{Date, DatePrecision};
use crate::domain::explore::view::{to_query, ThemeChoice, View, ViewState};
use crate::domain::lang::Lang;
use crate::domain::text::format::format_date;
use crate::domain::text::labels::theme_label;
use crate::domain::text::messages::{msg, Msg};

/// The staff page, next to `index.html`.
pub const STAFF_PAGE: &str = "staff.html";

/// The language and theme control's classes and ids, for the app's view and [`settings`].
pub mod settings_class {
    /// The control.
    pub const ROOT: &str = "settings";
    /// The button that shows the choices on a phone (wider screens show them at once).
    pub const TOGGLE: &str = "settings__toggle";
    /// The choices.
    pub const PANEL: &str = "settings__panel";
    /// The choices' element id, named by the toggle's `aria-controls`.
    pub const PANEL_ID: &str = "settings-panel";
    /// The language choices.
    pub const LANGUAGES: &str = "lang-switch";
    /// The theme choices.
    pub const THEMES: &str = "toggle toggle--small theme-switch";
}

/// The masthead's identity: the marks (decorative), the title and the subtitle.
pub fn masthead_identity(lang: Lang) -> String {
    let mut out =
        String::from(r#"<p class="masthead__brand" aria-hidden="true"><span>EU</span><span>IOM</span></p><div class="masthead__titles">"#);
    element(&mut out, "h1", "", msg(Msg::Title, lang));
    element(&mut out, "p", r#"class="masthead__subtitle masthead__subtitle--long""#, msg(Msg::Subtitle, lang));
    element(&mut out, "p", r#"class="masthead__subtitle masthead__subtitle--short""#, msg(Msg::SubtitleShort, lang));
    out.push_str("</div>");
    out
}

/// The contents of the control's toggle: the language's code, and in words what it opens.
pub fn settings_toggle_inner(lang: Lang) -> String {
    let mut out = String::new();
    element(&mut out, "span", r#"class="settings__code""#, &lang.tag().to_uppercase());
    element(&mut out, "span", r#"class="visually-hidden""#, &format!(" · {}", msg(Msg::Settings, lang)));
    out.push_str(r#"<span class="settings__caret" aria-hidden="true">▾</span>"#);
    out
}

/// The language and theme control before the app runs: the languages as links (the page's
/// head script reads `lang=`), the themes and the phone's toggle as disabled buttons.
pub fn settings(lang: Lang, theme: ThemeChoice) -> String {
    use settings_class::*;
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<div class="{ROOT}"><button type="button" class="{TOGGLE}" aria-expanded="false" disabled>{}</button><div class="{PANEL}">"#,
        settings_toggle_inner(lang)
    );
    let _ = write!(out, r#"<nav class="{LANGUAGES}" aria-label="{}">"#, escape(msg(Msg::Language, lang)));
    for option in Lang::ALL {
        let current = if option == lang { r#" aria-current="true""# } else { "" };
        let _ = write!(
            out,
            r#"<a class="lang-switch__link" href="?lang={0}" lang="{0}" hreflang="{0}"{current}>{1}</a>"#,
            option.tag(),
            escape(option.endonym())
        );
    }
    let _ = write!(out, r#"</nav><div class="{THEMES}" role="group" aria-label="{}">"#, escape(msg(Msg::Theme, lang)));
    for choice in ThemeChoice::ALL {
        element(
            &mut out,
            "button",
            &format!(r#"type="button" aria-pressed="{}" disabled"#, choice == theme),
            msg(theme_label(choice), lang),
        );
    }
    out.push_str("</div></div></div>");
    out
}

/// The inside of the headline section's header: its heading, with `id` (the section's
/// `aria-labelledby`), and the date of the latest source.
pub fn headlines_header(lang: Lang, as_of: Option<Date>, id: &str) -> String {
    let mut out = String::new();
    element(&mut out, "h2", &format!(r#"id="{}""#, escape(id)), msg(Msg::HeadlinesHeading, lang));
    let as_of = as_of.map(|d| format!("{} {}", msg(Msg::DataAsOf, lang), format_date(d, DatePrecision::Day, lang)));
    element(&mut out, "p", r#"class="data-as-of" data-testid="data-as-of""#, as_of.as_deref().unwrap_or_default());
    out
}

/// The address of the staff page, carrying the view state `state` (so its way back keeps it).
pub fn staff_href(state: &ViewState) -> String {
    format!("{STAFF_PAGE}?{}", to_query(&ViewState { view: View::Extract, ..state.clone() }))
}

/// The footer's contents: what the figures are, what the dashboard is not, and the staff link.
pub fn footer_inner(lang: Lang, staff_href: &str) -> String {
    let mut out = String::new();
    element(&mut out, "p", "", msg(Msg::FooterData, lang));
    element(&mut out, "p", "", msg(Msg::FooterDisclaimer, lang));
    out.push_str("<p>");
    element(&mut out, "a", &format!(r#"href="{}""#, escape(staff_href)), msg(Msg::StaffLink, lang));
    out.push_str("</p>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_staff_link_carries_the_view_state_to_the_staff_page() {
        let state = crate::domain::explore::view::from_query("lang=fr", None).0;
        let href = staff_href(&state);
        assert!(href.starts_with("staff.html?") && href.contains("view=extract") && href.contains("lang=fr"), "{href}");
        let footer = footer_inner(Lang::Fr, &href);
        assert!(footer.contains(&format!(r#"<a href="{}">Personnel"#, escape(&href))), "{footer}");
    }

    #[test]
    fn the_static_control_marks_the_current_language_and_theme() {
        let html = settings(Lang::Fr, ThemeChoice::Dark);
        assert!(html.contains(r#"lang="fr" hreflang="fr" aria-current="true">Français</a>"#), "{html}");
        assert!(!html.contains(r#"hreflang="en" aria-current"#));
        assert!(html.contains(r#"aria-pressed="true" disabled>Sombre</button>"#), "{html}");
        assert_eq!(html.matches(r#"aria-pressed="true""#).count(), 1);
        assert!(
            html.contains(r#"<span class="settings__code">FR</span><span class="visually-hidden"> · Langue et thème</span>"#),
            "{html}"
        );
    }
}
