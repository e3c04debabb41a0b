//! The view tabs (ARIA tabs pattern): click or arrow keys switch the view; the view is part of
//! the URL like every other setting. Their order, ids, class and labels are `html::tabs`'s,
//! shared with the pre-rendered page.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::domain::explore::view::View;
use crate::domain::text::labels::view_label;
use crate::domain::text::messages::{msg, Msg};
use crate::html::tabs::{tab_id, TAB_CLASS};
use crate::ui::page::Page;
use crate::web::document;

/// The tab list.
#[component]
pub fn ViewTabs(page: Page) -> impl IntoView {
    let lang = page.lang;
    let current = Memo::new(move |_| page.state.with(|s| s.view));
    let on_key = move |event: KeyboardEvent| {
        if let Some(view) = current.get_untracked().tab_after_key(&event.key()) {
            event.prevent_default();
            page.update(|s| s.view = view);
            document::focus_element(&tab_id(view));
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
                            class=TAB_CLASS
                            id=tab_id(view)
                            data-testid=format!("tab-{}", view.id())
                            aria-controls="view-panel"
                            aria-selected=move || selected().to_string()
                            tabindex=move || if selected() { "0" } else { "-1" }
                            on:click=move |_| page.update(|s| s.view = view)
                        >
                            {move || msg(view_label(view), lang.get())}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
