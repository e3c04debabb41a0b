//! The sources view: every release behind the selection, latest first, with the figures it
//! reports, a page at a time. The list's markup is `html::sources`, shared with the pre-rendered
//! first view.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::dataset::model::{Dataset, Figure, Position};
use crate::domain::lang::Lang;
use crate::domain::text::messages::{msg, Msg};
use crate::html::sources::{sources_list, PAGE_SOURCES};
use crate::ui::table::show_more_button;

/// The list of sources.
#[component]
pub fn SourcesPanel(dataset: Arc<Dataset>, selected: Memo<Vec<Position<Figure>>>, lang: Signal<Lang>) -> impl IntoView {
    let shown = RwSignal::new(PAGE_SOURCES);
    let list = Memo::new(move |_| selected.with(|s| sources_list(&dataset, s, lang.get(), shown.get())));
    view! {
        <h2 class="view__heading">{move || msg(Msg::SourcesHeading, lang.get())}</h2>
        <p class="section__intro">{move || msg(Msg::SourcesIntro, lang.get())}</p>
        <p class="section__intro" data-testid="no-sums">{move || msg(Msg::NoSums, lang.get())}</p>
        <div inner_html=move || list.with(|(html, _)| html.clone())></div>
        {show_more_button(Signal::derive(move || list.with(|(_, left)| *left)), shown, PAGE_SOURCES, lang)}
    }
}
