//! The table view: every selected figure with its value, qualifier, date, programme, place and
//! source, sortable by clicking a column header. Its rows and column names are `html::table`'s,
//! shared with the pre-rendered page.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::dataset::model::{Dataset, Figure, Position};
use crate::domain::explore::select::count_sources;
use crate::domain::explore::table::{sort_figures, Column};
use crate::domain::lang::Lang;
use crate::domain::text::i18n::metric_name;
use crate::domain::text::labels::place_name;
use crate::domain::text::messages::{match_count, msg, show_more, Msg};
use crate::html::table::{self, column_label};
use crate::ui::page::Page;

/// Rows shown at once; more appear on request, so a large dataset stays responsive.
pub const PAGE_ROWS: usize = 100;

/// The table.
#[component]
pub fn FigureTable(dataset: Arc<Dataset>, selected: Memo<Vec<Position<Figure>>>, page: Page) -> impl IntoView {
    let lang = page.lang;
    let shown = RwSignal::new(PAGE_ROWS);
    let sort = Memo::new(move |_| page.state.with(|s| s.sort));
    let rows_data = dataset.clone();
    let rows = Memo::new(move |_| {
        let mut rows = selected.get();
        let lang = lang.get();
        sort_figures(&rows_data, &mut rows, sort.get(), lang, |m| metric_name(m, lang).to_string(), |p| place_name(&rows_data, p, lang));
        rows
    });
    let count_data = dataset.clone();
    let header = move |column: Column| {
        let aria_sort = move || {
            let sort = sort.get();
            match (sort.column == column, sort.descending) {
                (false, _) => "none",
                (true, true) => "descending",
                (true, false) => "ascending",
            }
        };
        view! {
            <th scope="col" aria-sort=aria_sort>
                <button type="button" class="table__sort" on:click=move |_| page.update(|s| s.sort = s.sort.clicked(column))>
                    {move || msg(column_label(column), lang.get())}
                    <span class="table__arrow" aria-hidden="true">
                        {move || match aria_sort() {
                            "descending" => "▼",
                            "ascending" => "▲",
                            _ => "↕",
                        }}
                    </span>
                </button>
            </th>
        }
    };
    let body_data = dataset.clone();
    let body = move || rows.with(|rows| table::rows(&body_data, rows.get(..shown.get().min(rows.len())).unwrap_or_default(), lang.get()));
    view! {
        <h2 class="view__heading">{move || msg(Msg::TableHeading, lang.get())}</h2>
        <p class="section__intro" data-testid="table-count">
            {move || selected.with(|s| match_count(s.len(), count_sources(&count_data, s), lang.get()))}
        </p>
        <div class="table-wrap" tabindex="0" role="region" aria-label=move || msg(Msg::TableHeading, lang.get())>
            <table class="table" data-testid="figure-table">
                <thead>
                    <tr>
                        {Column::ALL.into_iter().map(header).collect_view()}
                        <th scope="col">{move || msg(Msg::ColNotes, lang.get())}</th>
                    </tr>
                </thead>
                <tbody inner_html=body></tbody>
            </table>
        </div>
        {show_more_button(Signal::derive(move || rows.with(|r| r.len()).saturating_sub(shown.get())), shown, PAGE_ROWS, lang)}
    }
}

/// "Show more (120 left)" under a long list, while `remaining` items are not shown; a click
/// shows `step` more.
pub fn show_more_button(remaining: Signal<usize>, shown: RwSignal<usize>, step: usize, lang: Signal<Lang>) -> impl IntoView {
    move || {
        let remaining = remaining.get();
        (remaining > 0).then(|| {
            view! {
                <button type="button" class="button" on:click=move |_| shown.update(|n| *n += step)>
                    {move || show_more(remaining, lang.get())}
                </button>
            }
        })
    }
}
