//! The staff page: paste a release's text and see the figures the extractor proposes, each with
//! its sentence highlighted, the release's date and identifier, the context it does not count,
//! and the file to review for `eu-iom-data add`. The same Rust code as the data tool, in the
//! browser; nothing is sent anywhere. It is its own page, `staff.html`, with its own module
//! (`src/bin/eu-iom-staff.rs`); the dashboard's `?view=extract` leads there.

use leptos::prelude::*;

use crate::domain::release::extract::extract;
use crate::domain::text::describe::{proposal_period, proposal_value_stated};
use crate::domain::text::format::format_date;
use crate::domain::dataset::date::DatePrecision;
use crate::domain::text::i18n::{confidence_name, context_kind_name, metric_name};
use crate::domain::text::messages::{msg, Msg};
use crate::domain::release::review::{highlight_segments, skeleton};
use crate::domain::explore::view::{to_query, View, ViewState};
use crate::ui::masthead::Masthead;
use crate::domain::export::DownloadError;
use crate::ui::page::Page;
use crate::web::download::save_text;
use crate::web::env;

/// The staff page on its own (`staff.html`, built as its own WebAssembly module so that the
/// release reader is not in what every visitor downloads): the header and the reader.
#[component]
pub fn StaffApp() -> impl IntoView {
    let page = Page::start();
    let lang = page.lang;
    view! {
        <a class="skip-link" href="#main">{move || msg(Msg::SkipToContent, lang.get())}</a>
        <Masthead page=page/>
        <main id="main" tabindex="-1"><StaffPage page=page/></main>
        <footer class="site-footer"><p>{move || msg(Msg::FooterDisclaimer, lang.get())}</p></footer>
    }
}

/// The reader.
#[component]
pub fn StaffPage(page: Page) -> impl IntoView {
    let lang = page.lang;
    let text = RwSignal::new(String::new());
    let source_id = RwSignal::new(String::new());
    let url = RwSignal::new(String::new());
    let selected = RwSignal::new(None::<usize>);
    let extraction = Memo::new(move |_| text.with(|t| extract(t)));
    let download_error = RwSignal::new(None::<DownloadError>);

    let release = move || {
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
    };
    let proposals = move || {
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
    };
    let context = move || {
        let lang = lang.get();
        extraction.with(|e| {
            e.context
                .iter()
                .map(|c| view! { <li>{format!("{} — «{}»", context_kind_name(&c.kind, lang), c.span.text)}</li> })
                .collect_view()
        })
    };
    let highlighted = move || {
        let chosen = selected.get();
        text.with(|t| {
            extraction.with(|e| {
                highlight_segments(t, e)
                    .into_iter()
                    .map(|segment| match segment.proposal {
                        Some(n) => view! {
                            <mark class:staff__mark--selected=chosen == Some(n) data-proposal=n.to_string()>
                                <sup>{n + 1}</sup>{segment.text}
                            </mark>
                        }
                        .into_any(),
                        None => view! { <span>{segment.text}</span> }.into_any(),
                    })
                    .collect_view()
            })
        })
    };
    let download = move |_| {
        let file = extraction.with_untracked(|e| {
            let id = source_id.get_untracked();
            let address = url.get_untracked();
            skeleton(e, (!id.trim().is_empty()).then_some(id.trim()), (!address.trim().is_empty()).then_some(address.trim()))
        });
        let result = env::today().ok_or(DownloadError::Clock).and_then(|today| {
            serde_json::to_string_pretty(&file)
                .map_err(|e| DownloadError::Failed(e.to_string()))
                .and_then(|json| save_text(&format!("reviewed-{today}.json"), "application/json", &json))
        });
        download_error.set(result.err());
    };
    view! {
        <section class="section staff" aria-labelledby="staff-title">
            <div class="view__header">
                <h2 id="staff-title">{move || msg(Msg::StaffTitle, lang.get())}</h2>
                <button type="button" class="button button--small" on:click=move |_| {
                    let query = page.state.with_untracked(|s| to_query(&ViewState { view: View::Timeline, ..s.clone() }));
                    env::go_to(&format!("./?{query}"));
                }>
                    {move || msg(Msg::BackToDashboard, lang.get())}
                </button>
            </div>
            <p class="section__intro">{move || msg(Msg::StaffIntro, lang.get())}</p>
            <label class="dialog__label" for="staff-text">{move || msg(Msg::ReleaseText, lang.get())}</label>
            <textarea id="staff-text" class="input staff__input" rows="10" data-testid="staff-text"
                prop:value=move || text.get() on:input=move |ev| { selected.set(None); text.set(event_target_value(&ev)); }></textarea>
            <div class="staff__grid">
                <div>
                    <h3>{move || msg(Msg::ReleaseFound, lang.get())}</h3>
                    {release}
                    <h3>{move || msg(Msg::Proposals, lang.get())}</h3>
                    <div class="table-wrap">{proposals}</div>
                    <h3>{move || msg(Msg::ReleaseContext, lang.get())}</h3>
                    <ul class="staff__context" data-testid="staff-context">{context}</ul>
                    <div class="staff__export">
                        <label class="dialog__label" for="staff-source-id">{move || msg(Msg::SourceId, lang.get())}</label>
                        <input id="staff-source-id" class="input" prop:value=move || source_id.get() on:input=move |ev| source_id.set(event_target_value(&ev))/>
                        <label class="dialog__label" for="staff-url">{move || msg(Msg::ReleaseAddress, lang.get())}</label>
                        <input id="staff-url" class="input" type="url" prop:value=move || url.get() on:input=move |ev| url.set(event_target_value(&ev))/>
                        <p><button type="button" class="button" data-testid="staff-download" on:click=download>{move || msg(Msg::DownloadReviewable, lang.get())}</button></p>
                        {move || download_error.get().map(|e| view! { <p class="chart__error" role="alert" data-testid="download-error">{e.message(lang.get())}</p> })}
                    </div>
                </div>
                <div
                    class="staff__text"
                    data-testid="staff-highlighted"
                    tabindex="0"
                    role="region"
                    aria-label=move || msg(Msg::ReleaseText, lang.get())
                >
                    {highlighted}
                </div>
            </div>
        </section>
    }
}
