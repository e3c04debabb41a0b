//! The view tabs (ARIA tabs pattern): click or arrow keys switch the view; the view is part of
//! the URL like every other setting.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::domain::text::messages::{msg, Msg};
use crate::domain::explore::view::View;
use crate::ui::page::Page;
use crate::web::env;

fn tab_label(view: View) -> Msg {
    match view {
        View::Timeline => Msg::TabTimeline,
        View::Breakdown => Msg::TabBreakdown,
        View::Map => Msg::TabMap,
        View::Table => Msg::TabTable,
        View::Sources => Msg::TabSources,
        View::Cards => Msg::HeadlinesHeading,
        View::Extract => Msg::StaffTitle,
    }
}

/// The tab list.
#[component]
pub fn ViewTabs(page: Page) -> impl IntoView {
    let lang = page.lang;
    let current = Memo::new(move |_| page.state.with(|s| s.view));
    let on_key = move |event: KeyboardEvent| {
        let views = View::TABS;
        let index = views.iter().position(|v| *v == current.get_untracked()).unwrap_or(0);
        let next = match event.key().as_str() {
            "ArrowRight" => (index + 1) % views.len(),
            "ArrowLeft" => (index + views.len() - 1) % views.len(),
            "Home" => 0,
            "End" => views.len() - 1,
            _ => return,
        };
        event.prevent_default();
        if let Some(view) = views.get(next).copied() {
            page.update(|s| s.view = view);
            env::focus_element(&format!("tab-{}", view.id()));
        }
    };
    view! {
        <div class="tabs" role="tablist" aria-label=move || msg(Msg::Views, lang.get()) on:keydown=on_key>
            {View::TABS
                .into_iter()
                .map(|view| {
                    let selected = move || current.get() == view;
                    view! {
                        <button
                            type="button"
                            role="tab"
                            class="tabs__tab"
                            id=format!("tab-{}", view.id())
                            data-testid=format!("tab-{}", view.id())
                            aria-controls="view-panel"
                            aria-selected=move || selected().to_string()
                            tabindex=move || if selected() { "0" } else { "-1" }
                            on:click=move |_| page.update(|s| s.view = view)
                        >
                            {move || msg(tab_label(view), lang.get())}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
