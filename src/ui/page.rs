//! What the page's components share: the [`Page`] handles (language, theme, view state) and the
//! [`Selections`] every view reads, derived from the view state by pure functions of `domain`.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::dataset::model::{Dataset, Figure, Position};
use crate::domain::explore::select::{select, Filter, Ignore};
use crate::domain::explore::view::{from_query, UrlNotice, View, ViewState};
use crate::domain::lang::Lang;
use crate::domain::text::messages::{msg, Msg};
use crate::web::{document, location, perf};

/// Handles shared by the page's components: the language, the theme and the view state.
#[derive(Clone, Copy)]
pub struct Page {
    /// The interface language in use.
    pub lang: Signal<Lang>,
    /// Whether the page is dark (the theme choice applied to the system preference).
    pub dark: Signal<bool>,
    /// The view state; change it through [`Page::update`].
    pub state: RwSignal<ViewState>,
    /// Whether charts leave their background transparent (an embed flag).
    pub transparent: Memo<bool>,
    /// Whether the address has been read against a dataset yet (the first load does it).
    pub resolved: StoredValue<bool>,
}

impl Page {
    /// The page's handles, read from the address bar and the browser (preferred languages, dark
    /// mode), with the effects that keep `<html lang>`, the title and the theme in step.
    pub fn start() -> Page {
        let (initial, _) = from_query(&location::query_string(), None);
        let state = RwSignal::new(initial);
        let preferred = Lang::negotiate(document::preferred_languages().iter().map(String::as_str));
        // Memos, not derived signals: readers (every chart's repaint) must not re-run on each
        // change of the view state, only when the language or theme really changes.
        let lang: Signal<Lang> = Memo::new(move |_| state.with(|s| s.lang).unwrap_or(preferred)).into();
        let system_dark = RwSignal::new(document::prefers_dark());
        let media = StoredValue::new_local(document::watch_prefers_dark(move |dark| system_dark.set(dark)));
        let dark: Signal<bool> = Memo::new(move |_| state.with(|s| s.presentation.theme).is_dark(system_dark.get())).into();
        let transparent = Memo::new(move |_| state.with(|s| s.presentation.transparent));
        Effect::new(move |_| {
            let lang = lang.get();
            document::set_document_language(lang.tag(), msg(Msg::Title, lang));
        });
        Effect::new(move |_| {
            media.with_value(|_| ());
            document::set_document_theme(dark.get(), transparent.get());
        });
        Page { lang, dark, state, transparent, resolved: StoredValue::new(false) }
    }

    /// Applies a change to the view state (a new history entry) and marks the moment for the
    /// repaint benchmark.
    pub fn update(&self, change: impl FnOnce(&mut ViewState)) {
        perf::mark("filter-change");
        self.state.update(change);
    }
}

/// The selections every view reads, derived from the view state.
#[derive(Clone, Copy)]
pub struct Selections {
    /// The view shown.
    pub view: Memo<View>,
    /// Figures for the headline cards (every metric and level).
    pub cards: Memo<Vec<Position<Figure>>>,
    /// Figures for the current view (the breakdown ignores the level: it compares places).
    pub view_figures: Memo<Vec<Position<Figure>>>,
}

/// Reads the URL again now that the dataset is known (year bounds, unknown ids; see
/// [`ViewState::resolve`] and [`ViewState::known_to`]) and builds the selections.
pub fn use_selections(dataset: &Arc<Dataset>, page: Page) -> (Selections, Vec<UrlNotice>) {
    let current = page.state.get_untracked();
    let (state, found) = if page.resolved.get_value() {
        current.known_to(dataset)
    } else {
        page.resolved.set_value(true);
        ViewState::resolve(&location::query_string(), dataset, &current)
    };
    page.state.set(state);
    let filter = Memo::new(move |_| page.state.with(|s| s.filter.clone()));
    // The cards ignore the metric and level filters; keying them on the rest of the filter
    // spares a pass over every figure when only those change.
    let cards_filter = Memo::new(move |_| filter.with(Filter::for_cards));
    let cards_data = dataset.clone();
    let cards = Memo::new(move |_| cards_filter.with(|f| select(&cards_data, f, Ignore::default())));
    let view = Memo::new(move |_| page.state.with(|s| s.view));
    let selected_data = dataset.clone();
    let view_figures = Memo::new(move |_| filter.with(|f| select(&selected_data, f, view.get().ignore())));
    perf::mark("data-ready");
    (Selections { view, cards, view_figures }, found)
}
