//! What the reader found in the pasted release: its date, identifier and title, the figures it
//! proposes (each selectable to show its sentence) and the context it does not count.

use leptos::prelude::*;

use crate::domain::dataset::date::DatePrecision;
use crate::domain::lang::Lang;
use crate::domain::release::extract::Extraction;
use crate::domain::text::describe::{proposal_period, proposal_value_stated};
use crate::domain::text::format::format_date;
use crate::domain::text::i18n::{confidence_name, context_kind_name, metric_name};
use crate::domain::text::messages::{msg, Msg};

/// The release's date, identifier and title.
#[component]
pub fn ReleaseFound(extraction: Memo<Extraction>, lang: Signal<Lang>) -> impl IntoView {
    move || {
        let lang = lang.get();
        extraction.with(|e| {
            let r = &e.release;
            let date = r.date.map(|d| format_date(d, DatePrecision::Day, lang)).unwrap_or_else(|| "–".into());
            view! {
                <dl class="staff__release" data-testid="staff-release">
                    <dt>{msg(Msg::ReleaseDate, lang)}</dt><dd data-testid="staff-date">{date}</dd>
                    <dt>{msg(Msg::ReleaseUniqueId, lang)}</dt><dd data-testid="staff-id">{r.unique_id.clone().unwrap_or_else(|| "–".into())}</dd>
                    <dt>{msg(Msg::ReleaseTitle, lang)}</dt><dd>{r.title.clone().unwrap_or_else(|| "–".into())}</dd>
                </dl>
            }
        })
    }
}

/// The proposed figures; choosing one marks its sentence in the text.
#[component]
pub fn Proposals(extraction: Memo<Extraction>, selected: RwSignal<Option<usize>>, lang: Signal<Lang>) -> impl IntoView {
    move || {
        let lang = lang.get();
        extraction.with(|e| {
            if e.proposals.is_empty() {
                return view! { <p class="empty">{msg(Msg::NoProposal, lang)}</p> }.into_any();
            }
            let rows = e
                .proposals
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let period = proposal_period(p, lang);
                    view! {
                        <tr data-testid="staff-proposal" class:staff__row--selected=move || selected.get() == Some(i)>
                            <td>{i + 1}</td>
                            <td>{metric_name(p.metric, lang)}</td>
                            <td class="table__value">{proposal_value_stated(p, lang)}</td>
                            <td>{period}</td>
                            <td>{confidence_name(p.confidence, lang)}</td>
                            <td>
                                <button type="button" class="link-button" on:click=move |_| selected.set(Some(i))>
                                    {format!("«{}»", p.number_text)}
                                </button>
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table class="table" data-testid="staff-proposals">
                    <thead><tr>
                        <th scope="col">"#"</th>
                        <th scope="col">{msg(Msg::ColMetric, lang)}</th>
                        <th scope="col">{msg(Msg::ColValue, lang)}</th>
                        <th scope="col">{msg(Msg::Period, lang)}</th>
                        <th scope="col">{msg(Msg::Confidence, lang)}</th>
                        <th scope="col">{msg(Msg::InTheText, lang)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
            .into_any()
        })
    }
}

/// The context the reader found and does not count.
#[component]
pub fn Context(extraction: Memo<Extraction>, lang: Signal<Lang>) -> impl IntoView {
    move || {
        let lang = lang.get();
        extraction.with(|e| {
            e.context
                .iter()
                .map(|c| view! { <li>{format!("{} — «{}»", context_kind_name(&c.kind, lang), c.span.text)}</li> })
                .collect_view()
        })
    }
}
