//! The figures under review, one fieldset each, with the sentence each was read from.

use leptos::prelude::*;

use crate::domain::dataset::model::{Metric, Qualifier};
use crate::domain::release::draft::{RowDraft, Target, UNITS};
use crate::domain::text::i18n::{metric_name, qualifier_name};
use crate::domain::text::messages::{msg, Msg};
use crate::domain::text::review::name_choices;

use super::form::{choice, text_input, Field, Place, Published, Review};

/// The rows, and their add and delete buttons' targets.
#[component]
pub fn Rows(review: Review) -> impl IntoView {
    view! {
        <For each=move || 0..review.draft.with(|d| d.rows.len()) key=|i| *i let:i>
            <Row review=review i=i/>
        </For>
    }
}

#[component]
fn Row(review: Review, i: usize) -> impl IntoView {
    let lang = review.lang();
    let field =
        move |name: &'static str, label: Msg, place: fn(&mut RowDraft) -> &mut String| Field { name, label, place: Place::Row(i, place) };
    let names = move |pick: fn(&crate::domain::dataset::raw::RawDataset) -> &_| {
        Signal::derive(move || match review.published.get() {
            Published::Ready(data) => name_choices(pick(&data.1), lang.get()),
            _ => Vec::new(),
        })
    };
    let metrics =
        Signal::derive(move || Metric::ALL.iter().map(|m| (m.id().to_string(), metric_name(*m, lang.get()).to_string())).collect());
    let units = Signal::derive(|| UNITS.iter().map(|u| (u.to_string(), u.to_string())).collect());
    let qualifiers =
        Signal::derive(move || Qualifier::ALL.iter().map(|q| (q.id().to_string(), qualifier_name(*q, lang.get()).to_string())).collect());
    let note = Target::Row(i, "note");
    view! {
        <fieldset class="staff__row" data-testid="staff-row">
            <legend>{move || format!("{} {}", msg(Msg::RowLegend, lang.get()), i + 1)}</legend>
            {move || review.draft.with(|d| d.rows.get(i).map(|r| r.sentence.clone())).filter(|s| !s.is_empty()).map(|s| view! {
                <blockquote class="staff__sentence"><span class="staff__read-from">{msg(Msg::ReadFrom, lang.get())}": "</span>{s}</blockquote>
            })}
            <div class="staff__fields">
                {choice(review, field("metric", Msg::ColMetric, |r| &mut r.metric), metrics, None)}
                {text_input(review, field("value", Msg::FieldValue, |r| &mut r.value))}
                {choice(review, field("unit", Msg::FieldUnit, |r| &mut r.unit), units, None)}
                {choice(review, field("qualifier", Msg::FieldQualifier, |r| &mut r.qualifier), qualifiers, None)}
                {text_input(review, field("period_start", Msg::FieldPeriodStart, |r| &mut r.period_start))}
                {text_input(review, field("period_end", Msg::FieldPeriodEnd, |r| &mut r.period_end))}
                {text_input(review, field("cumulative_since", Msg::FieldSince, |r| &mut r.cumulative_since))}
                {choice(review, field("programme_id", Msg::ColProgramme, |r| &mut r.programme_id), names(|d| &d.programmes), Some(Msg::ChooseOne))}
                {choice(review, field("region", Msg::FieldRegion, |r| &mut r.region), names(|d| &d.regions), Some(Msg::NoRegion))}
                {text_input(review, field("country", Msg::FieldCountry, |r| &mut r.country))}
                {text_input(review, field("detail_en", Msg::FieldDetailEn, |r| &mut r.detail_en))}
                {text_input(review, field("detail_fr", Msg::FieldDetailFr, |r| &mut r.detail_fr))}
            </div>
            <p class="staff__error">{move || review.problem(&note)}</p>
            <button type="button" class="button button--small" data-testid="staff-delete-row" on:click=move |_| review.edit(|d| d.delete_row(i))>
                {move || format!("{} ({})", msg(Msg::DeleteRow, lang.get()), i + 1)}
            </button>
        </fieldset>
    }
}
