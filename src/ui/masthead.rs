//! The page header shared by the dashboard and the staff page: the institutions' marks, the
//! title and subtitle, and the language and theme switches.

use leptos::prelude::*;

use crate::domain::explore::view::ThemeChoice;
use crate::domain::lang::Lang;
use crate::domain::text::messages::{msg, Msg};
use crate::ui::page::Page;

/// The header.
#[component]
pub fn Masthead(page: Page) -> impl IntoView {
    let lang = page.lang;
    view! {
        <header class="masthead">
            <div class="masthead__inner">
                <p class="masthead__brand" aria-hidden="true"><span>"EU"</span><span>"IOM"</span></p>
                <div class="masthead__titles">
                    <h1>{move || msg(Msg::Title, lang.get())}</h1>
                    <p class="masthead__subtitle">{move || msg(Msg::Subtitle, lang.get())}</p>
                </div>
                <div class="masthead__tools">
                    <LanguageSwitch page=page/>
                    <ThemeSwitch page=page/>
                </div>
            </div>
        </header>
    }
}

/// Buttons to switch the interface language.
#[component]
fn LanguageSwitch(page: Page) -> impl IntoView {
    let lang = page.lang;
    view! {
        <nav class="lang-switch" aria-label=move || msg(Msg::Language, lang.get())>
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
        <div class="toggle toggle--small theme-switch" role="group" aria-label=move || msg(Msg::Theme, lang.get())>
            {ThemeChoice::ALL
                .into_iter()
                .map(|choice| {
                    let label = match choice {
                        ThemeChoice::Auto => Msg::ThemeAuto,
                        ThemeChoice::Light => Msg::ThemeLight,
                        ThemeChoice::Dark => Msg::ThemeDark,
                    };
                    view! {
                        <button
                            type="button"
                            data-testid=format!("theme-{}", choice.id())
                            aria-pressed=move || (current.get() == choice).to_string()
                            on:click=move |_| page.state.update(|s| s.presentation.theme = choice)
                        >
                            {move || msg(label, lang.get())}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
