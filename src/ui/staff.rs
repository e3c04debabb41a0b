//! The staff page: paste a release's text and see the figures the extractor proposes, each with
//! its sentence highlighted, the release's date and identifier and the context it does not
//! count; review them as editable rows with the release as a source (a domain
//! [`Draft`], saved on the device), checked as staff type by the merge `eu-iom-data add` runs
//! against the published dataset, and download the merged dataset. The same Rust code as the
//! data tool, in the browser; nothing is sent anywhere. It is its own page, `staff.html`, with its own module
//! (`src/bin/eu-iom-staff.rs`); the dashboard's `?view=extract` leads there.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::dataset::issue::LoadError;
use crate::domain::dataset::load::DATASET_FILE;
use crate::domain::dataset::origin::PREVIEW_KEY;
use crate::domain::dataset::model::{Metric, PublisherKind, Qualifier};
use crate::domain::dataset::raw::RawDataset;
use crate::domain::lang::Lang;
use crate::domain::release::add::AddError;
use crate::domain::release::draft::{read_dataset, Draft, FieldProblem, RowDraft, SourceDraft, Target, PUBLISHER_KINDS, STORAGE_KEY, UNITS};
use crate::domain::text::i18n::{publisher_kind_name, qualifier_name};
use crate::domain::text::review::{field_message, name_choices};
use crate::ui::data::DATA_URL;
use crate::web::fetch::fetch_json_text;
use crate::web::paste::pasted_html;
use crate::web::storage;

use crate::domain::release::extract::extract;
use crate::domain::text::describe::{proposal_period, proposal_value_stated};
use crate::domain::text::format::format_date;
use crate::domain::dataset::date::DatePrecision;
use crate::domain::text::i18n::{confidence_name, context_kind_name, metric_name};
use crate::domain::text::messages::{msg, Msg};
use crate::domain::release::paste::text_from_html;
use crate::domain::release::review::highlight_segments;
use crate::domain::explore::view::{to_query, View, ViewState};
use crate::ui::masthead::Masthead;
use crate::domain::export::DownloadError;
use crate::ui::page::Page;
use crate::web::download::save_text;
use crate::web::{location, perf};

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
    let (restored, restore_error) = match storage::read(STORAGE_KEY).map(|t| Draft::restore(&t)) {
        Some(Ok(draft)) => (draft, None),
        Some(Err(error)) => (Draft::default(), Some(error)),
        None => (Draft::default(), None),
    };
    let draft = RwSignal::new(restored);
    let not_saved = RwSignal::new(false);
    let edit = move |change: &dyn Fn(&mut Draft)| {
        draft.update(|d| change(d));
        not_saved.set(!draft.with_untracked(|d| storage::write(STORAGE_KEY, &d.to_stored())));
    };
    let published = RwSignal::new(Published::Loading);
    spawn_local(async move {
        published.set(match fetch_json_text(DATA_URL, &DATASET_FILE).await {
            Ok(text) => match read_dataset(&text) {
                Ok(raw) => Published::Ready(Arc::new((text, raw))),
                Err(error) => Published::Refused(error),
            },
            Err(error) => Published::Failed(error),
        });
    });
    let text = Memo::new(move |_| draft.with(|d| d.text.clone()));
    let selected = RwSignal::new(None::<usize>);
    let extraction = Memo::new(move |_| text.with(|t| extract(t)));
    let download_error = RwSignal::new(None::<DownloadError>);
    let checked = Memo::new(move |_| match published.get() {
        Published::Ready(data) => Some(draft.with(|d| d.merge_into(&data.0, &data.1))),
        _ => None,
    });
    let problem = move |target: Target| -> Option<String> {
        let lang = lang.get();
        checked.with(|c| match c {
            Some(Err(problems)) => field_message(problems, &target, lang),
            _ => None,
        })
    };
    let duplicates = move || {
        let lang = lang.get();
        match published.get() {
            Published::Ready(data) => {
                draft.with(|d| d.duplicates(&data.1)).iter().map(|d| view! { <li>{d.message(lang)}</li> }).collect_view().into_any()
            }
            _ => ().into_any(),
        }
    };

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
    let done = RwSignal::new(false);
    let save = move |name: &str, text: Option<String>| {
        let result = text.ok_or(DownloadError::Failed(String::new())).and_then(|t| save_text(name, "application/json", &t));
        download_error.set(result.err());
    };
    let download_dataset = move |_| {
        let text = checked.with_untracked(|c| match c {
            Some(Ok(merged)) => Some(merged.text.clone()),
            _ => None,
        });
        save("eu-iom-figures.json", text);
        done.set(true);
    };
    let preview = move |_| {
        let text = checked.with_untracked(|c| match c {
            Some(Ok(merged)) => Some(merged.text.clone()),
            _ => None,
        });
        match text {
            Some(text) if storage::write(PREVIEW_KEY, &text) => {
                let query = page.state.with_untracked(|s| to_query(&ViewState { view: View::Timeline, preview: true, ..s.clone() }));
                location::go_to(&format!("./?{query}"));
            }
            _ => not_saved.set(true),
        }
    };
    let download_reviewed = move |_| {
        let text = match published.get_untracked() {
            Published::Ready(data) => draft.with_untracked(|d| d.to_reviewed(&data.1.programmes).ok()),
            _ => None,
        }
        .and_then(|reviewed| serde_json::to_string_pretty(&reviewed).ok());
        let name = perf::today().map_or_else(|| "reviewed.json".to_string(), |today| format!("reviewed-{today}.json"));
        save(&name, text);
    };
    let dataset_status = move || {
        let lang = lang.get();
        match published.get() {
            Published::Loading => view! { <p role="status">{msg(Msg::DatasetLoading, lang)}</p> }.into_any(),
            Published::Failed(error) => {
                view! { <p class="chart__error" role="alert" data-testid="staff-dataset-error">{error.message(lang)}</p> }.into_any()
            }
            Published::Refused(error) => {
                view! { <p class="chart__error" role="alert" data-testid="staff-dataset-error">{error.message(lang)}</p> }.into_any()
            }
            Published::Ready(_) => ().into_any(),
        }
    };
    let whole_problems = move || {
        let lang = lang.get();
        checked.with(|c| match c {
            Some(Err(problems)) => problems
                .iter()
                .filter(|p| p.at == Target::Whole)
                .map(|p: &FieldProblem| view! { <li>{p.problem.message(lang)}</li> })
                .collect_view()
                .into_any(),
            _ => ().into_any(),
        })
    };
    let ready = move || matches!(checked.with(|c| c.as_ref().map(Result::is_ok)), Some(true));
    let programmes = move || match published.get() {
        Published::Ready(data) => name_choices(&data.1.programmes, lang.get()),
        _ => Vec::new(),
    };
    let regions = move || match published.get() {
        Published::Ready(data) => name_choices(&data.1.regions, lang.get()),
        _ => Vec::<(String, String)>::new(),
    };
    let source_form = view! {
        <fieldset class="staff__source" data-testid="staff-source">
            <legend>{move || msg(Msg::SourceFormHeading, lang.get())}</legend>
            {source_input("id", Msg::SourceId, |s| &mut s.id, draft, edit, problem, lang)}
            {source_input("publisher", Msg::FieldPublisher, |s| &mut s.publisher, draft, edit, problem, lang)}
            {choice(
                "staff-source-publisher_kind".into(), Msg::FieldPublisherKind,
                Signal::derive(move || PUBLISHER_KINDS.iter().filter_map(|k| PublisherKind::from_id(k).map(|kind| (k.to_string(), publisher_kind_name(kind, lang.get()).to_string()))).collect()),
                Signal::derive(move || draft.with(|d| d.source.publisher_kind.clone())),
                move |v| edit(&|d| d.source.publisher_kind.clone_from(&v)),
                Signal::derive(move || problem(Target::Source("publisher_kind"))), lang, true,
            )}
            <div class="staff__field staff__field--check">
                <input id="staff-source-official" type="checkbox" prop:checked=move || draft.with(|d| d.source.official)
                    aria-invalid=move || problem(Target::Source("official")).is_some().then_some("true")
                    aria-describedby="staff-source-official-error"
                    on:change=move |ev| { let on = event_target_checked(&ev); edit(&|d| d.source.official = on); }/>
                <label for="staff-source-official">{move || msg(Msg::FieldOfficial, lang.get())}</label>
                <p id="staff-source-official-error" class="staff__error">{move || problem(Target::Source("official"))}</p>
            </div>
            {source_input("date", Msg::FieldDate, |s| &mut s.date, draft, edit, problem, lang)}
            {source_input("reference", Msg::FieldReference, |s| &mut s.reference, draft, edit, problem, lang)}
            {source_input("title", Msg::FieldTitle, |s| &mut s.title, draft, edit, problem, lang)}
            {source_input("url", Msg::ReleaseAddress, |s| &mut s.url, draft, edit, problem, lang)}
            {source_input("language", Msg::FieldLanguage, |s| &mut s.language, draft, edit, problem, lang)}
        </fieldset>
    };
    let rows = view! {
        <For each=move || 0..draft.with(|d| d.rows.len()) key=|i| *i let:i>
            <fieldset class="staff__row" data-testid="staff-row">
                <legend>{move || format!("{} {}", msg(Msg::RowLegend, lang.get()), i + 1)}</legend>
                {move || draft.with(|d| d.rows.get(i).map(|r| r.sentence.clone())).filter(|s| !s.is_empty()).map(|s| view! {
                    <blockquote class="staff__sentence"><span class="staff__read-from">{msg(Msg::ReadFrom, lang.get())}": "</span>{s}</blockquote>
                })}
                <div class="staff__fields">
                    {choice(
                        format!("staff-row-{i}-metric"), Msg::ColMetric,
                        Signal::derive(move || Metric::ALL.iter().map(|m| (m.id().to_string(), metric_name(*m, lang.get()).to_string())).collect()),
                        row_value(draft, i, |r| &r.metric), move |v| edit(&|d| if let Some(r) = d.rows.get_mut(i) { r.metric.clone_from(&v) }),
                        Signal::derive(move || problem(Target::Row(i, "metric"))), lang, false,
                    )}
                    {row_input(i, "value", Msg::FieldValue, |r| &mut r.value, draft, edit, problem, lang)}
                    {choice(
                        format!("staff-row-{i}-unit"), Msg::FieldUnit,
                        Signal::derive(move || UNITS.iter().map(|u| (u.to_string(), u.to_string())).collect()),
                        row_value(draft, i, |r| &r.unit), move |v| edit(&|d| if let Some(r) = d.rows.get_mut(i) { r.unit.clone_from(&v) }),
                        Signal::derive(move || problem(Target::Row(i, "unit"))), lang, false,
                    )}
                    {choice(
                        format!("staff-row-{i}-qualifier"), Msg::FieldQualifier,
                        Signal::derive(move || Qualifier::ALL.iter().map(|q| (q.id().to_string(), qualifier_name(*q, lang.get()).to_string())).collect()),
                        row_value(draft, i, |r| &r.qualifier), move |v| edit(&|d| if let Some(r) = d.rows.get_mut(i) { r.qualifier.clone_from(&v) }),
                        Signal::derive(move || problem(Target::Row(i, "qualifier"))), lang, false,
                    )}
                    {row_input(i, "period_start", Msg::FieldPeriodStart, |r| &mut r.period_start, draft, edit, problem, lang)}
                    {row_input(i, "period_end", Msg::FieldPeriodEnd, |r| &mut r.period_end, draft, edit, problem, lang)}
                    {row_input(i, "cumulative_since", Msg::FieldSince, |r| &mut r.cumulative_since, draft, edit, problem, lang)}
                    {choice(
                        format!("staff-row-{i}-programme_id"), Msg::ColProgramme, Signal::derive(programmes),
                        row_value(draft, i, |r| &r.programme_id), move |v| edit(&|d| if let Some(r) = d.rows.get_mut(i) { r.programme_id.clone_from(&v) }),
                        Signal::derive(move || problem(Target::Row(i, "programme_id"))), lang, true,
                    )}
                    {choice(
                        format!("staff-row-{i}-region"), Msg::FieldRegion, Signal::derive(regions),
                        row_value(draft, i, |r| &r.region), move |v| edit(&|d| if let Some(r) = d.rows.get_mut(i) { r.region.clone_from(&v) }),
                        Signal::derive(move || problem(Target::Row(i, "region"))), lang, true,
                    )}
                    {row_input(i, "country", Msg::FieldCountry, |r| &mut r.country, draft, edit, problem, lang)}
                    {row_input(i, "detail_en", Msg::FieldDetailEn, |r| &mut r.detail_en, draft, edit, problem, lang)}
                    {row_input(i, "detail_fr", Msg::FieldDetailFr, |r| &mut r.detail_fr, draft, edit, problem, lang)}
                </div>
                <p class="staff__error">{move || problem(Target::Row(i, "note"))}</p>
                <button type="button" class="button button--small" data-testid="staff-delete-row" on:click=move |_| edit(&|d| d.delete_row(i))>
                    {move || format!("{} ({})", msg(Msg::DeleteRow, lang.get()), i + 1)}
                </button>
            </fieldset>
        </For>
    };
    view! {
        <section class="section staff" aria-labelledby="staff-title">
            <div class="view__header">
                <h2 id="staff-title">{move || msg(Msg::StaffTitle, lang.get())}</h2>
                <button type="button" class="button button--small" on:click=move |_| {
                    let query = page.state.with_untracked(|s| to_query(&ViewState { view: View::Timeline, ..s.clone() }));
                    location::go_to(&format!("./?{query}"));
                }>
                    {move || msg(Msg::BackToDashboard, lang.get())}
                </button>
            </div>
            <p class="section__intro">{move || msg(Msg::StaffIntro, lang.get())}</p>
            {dataset_status}
            {move || restore_error.as_ref().map(|e| view! { <p class="chart__error" role="alert" data-testid="staff-restore-error">{e.message(lang.get())}</p> })}
            {move || not_saved.get().then(|| view! { <p class="chart__error" role="alert">{msg(Msg::DraftNotSaved, lang.get())}</p> })}
            <label class="dialog__label" for="staff-text">{move || msg(Msg::ReleaseText, lang.get())}</label>
            <textarea id="staff-text" class="input staff__input" rows="10" data-testid="staff-text"
                prop:value=move || text.get() on:input=move |ev| { selected.set(None); let t = event_target_value(&ev); edit(&|d| *d = d.with_text(&t)); }
                on:paste=move |ev| {
                    // A page copied from a browser: its text with the paragraphs kept and the site's furniture dropped.
                    if let Some(html) = pasted_html(&ev) {
                        ev.prevent_default();
                        selected.set(None);
                        let t = text_from_html(&html);
                        edit(&|d| *d = d.with_text(&t));
                    }
                }></textarea>
            <div class="staff__grid">
                <div>
                    <h3>{move || msg(Msg::ReleaseFound, lang.get())}</h3>
                    {release}
                    <h3>{move || msg(Msg::Proposals, lang.get())}</h3>
                    <div class="table-wrap">{proposals}</div>
                    <h3>{move || msg(Msg::ReleaseContext, lang.get())}</h3>
                    <ul class="staff__context" data-testid="staff-context">{context}</ul>
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
            <h3 id="staff-review">{move || msg(Msg::RowsHeading, lang.get())}</h3>
            <ul class="staff__duplicates" data-testid="staff-duplicates">{duplicates}</ul>
            {source_form}
            {rows}
            <p class="staff__actions">
                <button type="button" class="button button--small" data-testid="staff-add-row" on:click=move |_| edit(&|d| d.add_row())>{move || msg(Msg::AddRow, lang.get())}</button>
                <button type="button" class="button button--small" on:click=move |_| { edit(&|d| *d = Draft::default()); done.set(false); }>{move || msg(Msg::ClearReview, lang.get())}</button>
            </p>
            <h3>{move || msg(Msg::PublishHeading, lang.get())}</h3>
            <ul class="staff__problems">{whole_problems}</ul>
            <p data-testid="staff-status" role="status">{move || msg(if ready() { Msg::ReviewReady } else { Msg::ReviewIncomplete }, lang.get())}</p>
            <p class="staff__actions">
                <button type="button" class="button" data-testid="staff-preview" prop:disabled=move || !ready() on:click=preview>{move || msg(Msg::PreviewOnDashboard, lang.get())}</button>
                <button type="button" class="button" data-testid="staff-download-dataset" prop:disabled=move || !ready() on:click=download_dataset>{move || msg(Msg::DownloadDataset, lang.get())}</button>
                <button type="button" class="button button--small" data-testid="staff-download-reviewed" prop:disabled=move || !ready() on:click=download_reviewed>{move || msg(Msg::DownloadReviewed, lang.get())}</button>
            </p>
            {move || done.get().then(|| view! { <p class="staff__steps" data-testid="staff-steps">{msg(Msg::PublishSteps, lang.get())}</p> })}
            {move || download_error.get().map(|e| view! { <p class="chart__error" role="alert" data-testid="download-error">{e.message(lang.get())}</p> })}
        </section>
    }
}

/// Where the published dataset stands on the staff page.
#[derive(Debug, Clone, PartialEq)]
enum Published {
    /// Being fetched.
    Loading,
    /// Fetched: its text and records.
    Ready(Arc<(String, RawDataset)>),
    /// The fetch failed.
    Failed(LoadError),
    /// Fetched but not usable for a merge.
    Refused(AddError),
}

fn row_value(draft: RwSignal<Draft>, i: usize, field: fn(&RowDraft) -> &String) -> Signal<String> {
    Signal::derive(move || draft.with(|d| d.rows.get(i).map(|r| field(r).clone()).unwrap_or_default()))
}

/// A labelled text input, its problem next to it.
fn text_input(
    id: String,
    label: Msg,
    value: Signal<String>,
    on_input: impl Fn(String) + 'static,
    problem: Signal<Option<String>>,
    lang: Signal<Lang>,
) -> AnyView {
    let error_id = format!("{id}-error");
    view! {
        <div class="staff__field">
            <label class="dialog__label" for=id.clone()>{move || msg(label, lang.get())}</label>
            <input id=id class="input" prop:value=value aria-describedby=error_id.clone()
                aria-invalid=move || problem.get().is_some().then_some("true")
                on:input=move |ev| on_input(event_target_value(&ev))/>
            <p id=error_id class="staff__error">{move || problem.get()}</p>
        </div>
    }
    .into_any()
}

/// A labelled select among `(value, label)` options, its problem next to it.
#[allow(clippy::too_many_arguments)]
fn choice(
    id: String,
    label: Msg,
    options: Signal<Vec<(String, String)>>,
    value: Signal<String>,
    on_change: impl Fn(String) + 'static,
    problem: Signal<Option<String>>,
    lang: Signal<Lang>,
    blank: bool,
) -> AnyView {
    let error_id = format!("{id}-error");
    view! {
        <div class="staff__field">
            <label class="dialog__label" for=id.clone()>{move || msg(label, lang.get())}</label>
            <select id=id class="input" aria-describedby=error_id.clone()
                aria-invalid=move || problem.get().is_some().then_some("true")
                on:change=move |ev| on_change(event_target_value(&ev))>
                {move || blank.then(|| view! { <option value="" prop:selected=move || value.get().is_empty()>{msg(if label == Msg::FieldRegion { Msg::NoRegion } else { Msg::ChooseOne }, lang.get())}</option> })}
                {move || options.get().into_iter().map(|(id, name)| {
                    let selected = id.clone();
                    view! { <option value=id prop:selected=move || value.get() == selected>{name}</option> }
                }).collect_view()}
            </select>
            <p id=error_id class="staff__error">{move || problem.get()}</p>
        </div>
    }
    .into_any()
}

#[allow(clippy::too_many_arguments)]
fn source_input(
    name: &'static str,
    label: Msg,
    field: fn(&mut SourceDraft) -> &mut String,
    draft: RwSignal<Draft>,
    edit: impl Fn(&dyn Fn(&mut Draft)) + Copy + 'static,
    problem: impl Fn(Target) -> Option<String> + Copy + Send + Sync + 'static,
    lang: Signal<Lang>,
) -> AnyView {
    text_input(
        format!("staff-source-{name}"),
        label,
        Signal::derive(move || draft.with(|d| field(&mut d.source.clone()).clone())),
        move |v| edit(&|d| field(&mut d.source).clone_from(&v)),
        Signal::derive(move || problem(Target::Source(name))),
        lang,
    )
}

#[allow(clippy::too_many_arguments)]
fn row_input(
    i: usize,
    name: &'static str,
    label: Msg,
    field: fn(&mut RowDraft) -> &mut String,
    draft: RwSignal<Draft>,
    edit: impl Fn(&dyn Fn(&mut Draft)) + Copy + 'static,
    problem: impl Fn(Target) -> Option<String> + Copy + Send + Sync + 'static,
    lang: Signal<Lang>,
) -> AnyView {
    text_input(
        format!("staff-row-{i}-{name}"),
        label,
        Signal::derive(move || draft.with(|d| d.rows.get(i).map(|r| field(&mut r.clone()).clone()).unwrap_or_default())),
        move |v| {
            edit(&|d| {
                if let Some(r) = d.rows.get_mut(i) {
                    field(r).clone_from(&v);
                }
            })
        },
        Signal::derive(move || problem(Target::Row(i, name))),
        lang,
    )
}
