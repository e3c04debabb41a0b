//! Embed mode: one view (or the headline cards) without the page chrome, with a title, a source
//! line and a link to the full dashboard, reporting its height to the host page.

use std::sync::Arc;

use leptos::html::Div;
use leptos::prelude::*;

use crate::domain::dataset::date::DatePrecision;
use crate::domain::dataset::load::Loaded;
use crate::domain::explore::view::{full_page_state, to_query, View};
use crate::domain::export::{describe_filters, source_summary};
use crate::domain::text::format::format_date;
use crate::domain::text::messages::{msg, Msg};
use crate::ui::page::{use_selections, Page, Selections};
use crate::ui::share::view_title;
use crate::ui::views::view_body;
use crate::web::embed::report_height;
use crate::web::location;
use crate::web::observe::SizeWatch;

/// The embed's frame: reports its height to the host page whatever it contains.
#[component]
pub fn EmbedShell(page: Page, children: Children) -> impl IntoView {
    let frame = NodeRef::<Div>::new();
    let watch = StoredValue::new_local(None::<SizeWatch>);
    let id = page.state.with_untracked(|s| s.presentation.embed_id.clone()).unwrap_or_else(|| "default".into());
    Effect::new(move |_| {
        if let Some(element) = frame.get() {
            watch.set_value(report_height(&element, id.clone()));
        }
    });
    view! {
        <div class="embed" node_ref=frame data-testid="embed">{children()}</div>
    }
}

/// The embedded view with its title, filters in words, source line and link to the dashboard.
#[component]
pub fn Embedded(loaded: Arc<Loaded>, page: Page) -> impl IntoView {
    let dataset = loaded.dataset.clone();
    let (Selections { view, cards, view_figures }, _) = use_selections(&dataset, page);
    let lang = page.lang;
    let plain = page.state.with_untracked(|s| s.presentation.plain);
    let selections = Selections { view, cards, view_figures };
    let body = {
        let dataset = dataset.clone();
        move || view_body(view.get(), dataset.clone(), selections, page)
    };
    let header_data = dataset.clone();
    let footer_data = dataset.clone();
    let full_link = move || {
        let query = page.state.with(|s| to_query(&full_page_state(s)));
        format!("{}?{query}", location::page_base_url())
    };
    view! {
        {(!plain).then(|| view! {
            <header class="embed__header">
                <p class="embed__title">{move || msg(view_title(view.get()), lang.get())}</p>
                <p class="embed__filters">{move || page.state.with(|s| describe_filters(&header_data, s, lang.get()))}</p>
            </header>
        })}
        <div class="embed__body">{body}</div>
        {(!plain).then(|| view! {
            <footer class="embed__footer">
                <p>
                    {move || {
                        let lang = lang.get();
                        let figures = if view.get() == View::Cards { cards.get() } else { view_figures.get() };
                        let as_of = footer_data.latest_source_date().map(|d| format_date(d, DatePrecision::Day, lang)).unwrap_or_default();
                        format!("{} {} {as_of}.", source_summary(&footer_data, &figures, lang), msg(Msg::DataAsOf, lang))
                    }}
                </p>
                <p><a href=full_link target="_blank" rel="noopener" data-testid="open-full">{move || msg(Msg::OpenFullDashboard, lang.get())}" ↗"</a></p>
            </footer>
        })}
    }
}
