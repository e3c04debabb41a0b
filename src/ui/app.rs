//! The root component: loads the dataset, owns the view's signals and lays out the page.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::format::format_date;
use crate::domain::i18n::Lang;
use crate::domain::issue::LoadError;
use crate::domain::load::{load_dataset, Loaded};
use crate::domain::messages::{msg, Msg};
use crate::domain::select::{select, Filter, Ignore, Level};
use crate::domain::aggregate::build_series;
use crate::domain::model::Metric;
use crate::domain::date::DatePrecision;
use crate::ui::cards::HeadlineCards;
use crate::ui::status::{ErrorPanel, LoadingPanel, SkippedRecords};
use crate::ui::timeline::TimelineChart;
use crate::web::env;
use crate::web::fetch::fetch_json_text;

/// Where the dataset is, relative to the page's base URL.
pub const DATA_URL: &str = "data/eu-iom-figures.json";

/// Where loading stands.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadState {
    /// Waiting for the file.
    Loading,
    /// Loaded (possibly with skipped records).
    Ready(Arc<Loaded>),
    /// Nothing to show.
    Failed(LoadError),
}

/// Fetches and validates the dataset, then stores the outcome in `state`.
fn start_loading(state: RwSignal<LoadState>) {
    state.set(LoadState::Loading);
    spawn_local(async move {
        let outcome = match fetch_json_text(DATA_URL).await {
            Ok(text) => load_dataset(&text),
            Err(error) => Err(error),
        };
        state.set(match outcome {
            Ok(loaded) => LoadState::Ready(Arc::new(loaded)),
            Err(error) => {
                env::warn(&error.to_string());
                LoadState::Failed(error)
            }
        });
    });
}

/// The page.
#[component]
pub fn App() -> impl IntoView {
    let preferred = env::preferred_languages();
    let lang = RwSignal::new(Lang::negotiate(preferred.iter().map(String::as_str)));
    let state = RwSignal::new(LoadState::Loading);
    start_loading(state);

    Effect::new(move |_| {
        let lang = lang.get();
        env::set_document_language(lang.tag(), msg(Msg::Title, lang));
    });

    let body = move || match state.get() {
        LoadState::Loading => view! { <LoadingPanel lang=lang/> }.into_any(),
        LoadState::Failed(error) => {
            view! { <ErrorPanel lang=lang error=error on_retry=move || start_loading(state)/> }.into_any()
        }
        LoadState::Ready(loaded) => view! { <Dashboard loaded=loaded lang=lang/> }.into_any(),
    };

    view! {
        <a class="skip-link" href="#main">{move || msg(Msg::SkipToContent, lang.get())}</a>
        <header class="masthead">
            <div class="masthead__inner">
                <p class="masthead__brand" aria-hidden="true"><span>"EU"</span><span>"IOM"</span></p>
                <div class="masthead__titles">
                    <h1>{move || msg(Msg::Title, lang.get())}</h1>
                    <p class="masthead__subtitle">{move || msg(Msg::Subtitle, lang.get())}</p>
                </div>
                <LanguageSwitch lang=lang/>
            </div>
        </header>
        <main id="main" tabindex="-1">{body}</main>
        <footer class="site-footer">
            <p>{move || msg(Msg::FooterData, lang.get())}</p>
            <p>{move || msg(Msg::FooterDisclaimer, lang.get())}</p>
        </footer>
    }
}

/// Buttons to switch the interface language.
#[component]
fn LanguageSwitch(lang: RwSignal<Lang>) -> impl IntoView {
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
                            on:click=move |_| lang.set(option)
                        >
                            {option.endonym()}
                        </button>
                    }
                })
                .collect_view()}
        </nav>
    }
}

/// Everything shown once the data is loaded.
#[component]
fn Dashboard(loaded: Arc<Loaded>, lang: RwSignal<Lang>) -> impl IntoView {
    let dataset = Arc::new(loaded.dataset.clone());
    let filter = RwSignal::new(Filter {
        metrics: [Metric::MigrantsReturned].into(),
        levels: [Level::ProgrammeWide].into(),
        ..Filter::default()
    });
    let cards_data = dataset.clone();
    let card_figures = Memo::new(move |_| {
        filter.with(|f| select(&cards_data, f, Ignore { metrics: true, levels: true }))
    });
    let series_data = dataset.clone();
    let series = Memo::new(move |_| filter.with(|f| build_series(&series_data, &select(&series_data, f, Ignore::default()))));
    let as_of = dataset.latest_source_date();
    let issues = loaded.issues.clone();
    env::mark("data-ready");

    view! {
        <section class="section" aria-labelledby="headlines-heading">
            <div class="section__header">
                <h2 id="headlines-heading">{move || msg(Msg::HeadlinesHeading, lang.get())}</h2>
                <p class="data-as-of" data-testid="data-as-of">
                    {move || {
                        let lang = lang.get();
                        as_of.map(|d| format!("{} {}", msg(Msg::DataAsOf, lang), format_date(d, DatePrecision::Day, lang))).unwrap_or_default()
                    }}
                </p>
            </div>
            <HeadlineCards dataset=dataset.clone() figures=card_figures lang=lang/>
        </section>
        <section class="section" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{move || msg(Msg::TimelineHeading, lang.get())}</h2>
            <p class="section__intro">{move || msg(Msg::TimelineIntro, lang.get())}</p>
            <TimelineChart dataset=dataset.clone() series=series lang=lang/>
        </section>
        <SkippedRecords issues=issues lang=lang/>
    }
}
