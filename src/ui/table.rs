//! The table view: every selected figure with its value, qualifier, date, programme, place and
//! source, sortable by clicking a column header.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::text::describe::{figure_date, figure_period, figure_value_stated, source_line};
use crate::domain::text::format::labelled;
use crate::domain::text::i18n::{disagreement_kind_name, metric_name, precision_note};
use crate::domain::lang::Lang;
use crate::domain::text::labels::place_name;
use crate::domain::text::messages::{match_count, msg, show_more, Msg};
use crate::domain::dataset::model::{Dataset, Figure, Place, Position};
use crate::domain::explore::select::count_sources;
use crate::domain::explore::table::{sort_figures, Column};
use crate::ui::page::Page;

/// Rows shown at once; more appear on request, so a large dataset stays responsive.
pub const PAGE_ROWS: usize = 100;

fn column_label(column: Column) -> Msg {
    match column {
        Column::Metric => Msg::ColMetric,
        Column::Value => Msg::ColValue,
        Column::Date => Msg::ColDate,
        Column::Programme => Msg::ColProgramme,
        Column::Place => Msg::ColPlace,
        Column::Source => Msg::ColSource,
    }
}

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
    let body = move || {
        let lang = lang.get();
        let rows = rows.get();
        if rows.is_empty() {
            return view! {
                <tr><td colspan="7" class="table__empty" data-testid="table-empty">{msg(Msg::EmptyTitle, lang)}" "{msg(Msg::EmptyHint, lang)}</td></tr>
            }
            .into_any();
        }
        rows.iter().take(shown.get()).map(|index| table_row(&body_data, *index, lang)).collect_view().into_any()
    };
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
                <tbody>{body}</tbody>
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

fn table_row(dataset: &Dataset, index: Position<Figure>, lang: Lang) -> AnyView {
    let Some(figure) = dataset.figure(index) else { return ().into_any() };
    let source = dataset.source_of(figure);
    let mut date = figure_date(figure, lang);
    let precision = precision_note(figure.as_of_precision(), lang);
    if !precision.is_empty() {
        date = format!("{date} ({precision})");
    }
    let period = figure_period(figure, lang);
    let notes: Vec<String> = dataset
        .disagreements_of(index)
        .map(|d| format!("⚠ {}", labelled(disagreement_kind_name(d.kind(), lang), d.note(lang), lang)))
        .collect();
    let (detail, detail_lang) = figure.detail_in(lang);
    view! {
        <tr data-testid="table-row" data-figure=figure.id().to_string()>
            <td>
                <span class="table__metric">{metric_name(figure.metric(), lang)}</span>
                <span class="table__detail" lang=detail_lang.tag()>{detail.to_string()}</span>
            </td>
            <td class="table__value">{figure_value_stated(figure, lang)}</td>
            <td>{date}{period.map(|p| view! { <span class="table__detail">{p}</span> })}</td>
            <td>{dataset.programme_of(figure).map(|p| p.name(lang).to_string())}</td>
            <td>{place_name(dataset, &Place::of(figure), lang)}</td>
            <td>
                <a href=source.map(|s| s.url().to_string()) rel="noopener noreferrer" target="_blank">
                    {source_line(dataset, figure, lang)}
                </a>
            </td>
            <td class="table__notes">
                {notes.into_iter().map(|n| view! { <span class="table__warning">{n}</span> }).collect_view()}
                <span lang="en">{figure.note().to_string()}</span>
            </td>
        </tr>
    }
    .into_any()
}
