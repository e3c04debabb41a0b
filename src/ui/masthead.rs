//! The page header shared by the dashboard and the staff page: the identity (marks, title,
//! subtitle; `html::chrome`, shared with the pre-rendered page) and the language and theme
//! control, a row of choices on wide screens and one button that shows them on a phone.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::domain::explore::view::ThemeChoice;
use crate::domain::lang::Lang;
use crate::domain::text::labels::theme_label;
use crate::domain::text::messages::{msg, Msg};
use crate::html::chrome::{masthead_identity, settings_class, settings_toggle_inner};
use crate::ui::page::Page;
use crate::web::document;

/// The header.
#[component]
pub fn Masthead(page: Page) -> impl IntoView {
    let lang = page.lang;
    view! {
        <header class="masthead">
            <div class="masthead__inner">
                <div class="masthead__identity" inner_html=move || masthead_identity(lang.get())></div>
                <Settings page=page/>
            </div>
        </header>
    }
}

/// The language and theme choices, behind a toggle on a phone (the stylesheet shows them at
/// once on wider screens); Escape closes them and gives the focus back to the toggle.
#[component]
fn Settings(page: Page) -> impl IntoView {
    let lang = page.lang;
    let open = RwSignal::new(false);
    let toggle_id = "settings-toggle";
    let on_key = move |event: KeyboardEvent| {
        if event.key() == "Escape" && open.get_untracked() {
            open.set(false);
            document::focus_element(toggle_id);
        }
    };
    view! {
        <div class=move || if open.get() { format!("{} settings--open", settings_class::ROOT) } else { settings_class::ROOT.to_string() } on:keydown=on_key>
            <button
                type="button"
                class=settings_class::TOGGLE
                id=toggle_id
                data-testid="settings-toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls=settings_class::PANEL_ID
                on:click=move |_| open.update(|o| *o = !*o)
                inner_html=move || settings_toggle_inner(lang.get())
            ></button>
            <div class=settings_class::PANEL id=settings_class::PANEL_ID>
                <LanguageSwitch page=page/>
                <ThemeSwitch page=page/>
            </div>
        </div>
    }
}

/// Buttons to switch the interface language.
#[component]
fn LanguageSwitch(page: Page) -> impl IntoView {
    let lang = page.lang;
    view! {
        <nav class=settings_class::LANGUAGES aria-label=move || msg(Msg::Language, lang.get())>
            {Lang::ALL
                .into_iter()
                .map(|option| {
                    view! {
                        <button
                            type="button"
                            lang=option.tag()
                            aria-pressed=move || (lang.get() == option).to_string()
                            on:click=move |_| page.state.update(|s| s.lang = Some(option))
                        >
                            {option.endonym()}
                        </button>
                    }
                })
                .collect_view()}
        </nav>
    }
}

/// Buttons to choose the theme: automatic (the system's), light or dark.
#[component]
fn ThemeSwitch(page: Page) -> impl IntoView {
    let lang = page.lang;
    let current = Memo::new(move |_| page.state.with(|s| s.presentation.theme));
    view! {
        <div class=settings_class::THEMES role="group" aria-label=move || msg(Msg::Theme, lang.get())>
            {ThemeChoice::ALL
                .into_iter()
                .map(|choice| {
                    view! {
                        <button
                            type="button"
                            data-testid=format!("theme-{}", choice.id())
                            aria-pressed=move || (current.get() == choice).to_string()
                            on:click=move |_| page.state.update(|s| s.presentation.theme = choice)
                        >
                            {move || msg(theme_label(choice), lang.get())}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
