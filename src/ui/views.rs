//! One view's body, chosen by [`View`]: what a tab of the dashboard shows and what an embed
//! shows.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::dataset::model::Dataset;
use crate::domain::explore::view::View;
use crate::domain::text::messages::{msg, Msg};
use crate::ui::breakdown::BreakdownView;
use crate::ui::cards::HeadlineCards;
use crate::ui::map::MapView;
use crate::ui::page::{Page, Selections};
use crate::ui::sources::SourcesPanel;
use crate::ui::table::FigureTable;
use crate::ui::timeline::TimelineView;

/// The body of a view (a tab of the dashboard, or what an embed shows).
pub fn view_body(view: View, dataset: Arc<Dataset>, selections: Selections, page: Page) -> AnyView {
    let Selections { cards, view_figures: selected, .. } = selections;
    let lang = page.lang;
    match view {
        View::Timeline => view! { <TimelineView dataset=dataset selected=selected page=page/> }.into_any(),
        View::Breakdown => view! { <BreakdownView dataset=dataset selected=selected page=page/> }.into_any(),
        View::Map => view! { <MapView dataset=dataset page=page/> }.into_any(),
        View::Table => view! { <FigureTable dataset=dataset selected=selected page=page/> }.into_any(),
        View::Sources => view! { <SourcesPanel dataset=dataset selected=selected lang=lang/> }.into_any(),
        View::Cards => view! { <HeadlineCards dataset=dataset figures=cards lang=lang/> }.into_any(),
        // The staff page replaces the dashboard before a view is shown and is not embeddable;
        // should it be asked for here all the same, the page says so instead of showing another.
        View::Extract => view! { <p class="section__intro" role="status" data-testid="view-unavailable">{move || msg(Msg::ViewUnavailable, lang.get())}</p> }.into_any(),
    }
}
