//! The sources view: every release behind the selection, latest first, with the figures it reports.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::text::describe::figure_value;
use crate::domain::text::format::format_date;
use crate::domain::text::i18n::{metric_name, publisher_kind_name, source_kind_name};
use crate::domain::lang::Lang;
use crate::domain::text::messages::{msg, Msg};
use crate::domain::dataset::model::Dataset;
use crate::domain::explore::table::sources_of;

/// The list of sources.
#[component]
pub fn SourcesPanel(dataset: Arc<Dataset>, selected: Memo<Vec<usize>>, lang: Signal<Lang>) -> impl IntoView {
    let list_data = dataset.clone();
    let list = move || {
        let lang = lang.get();
        let groups = selected.with(|s| sources_of(&list_data, s));
        if groups.is_empty() {
            return view! { <p class="empty" data-testid="sources-empty">{msg(Msg::EmptyTitle, lang)}" "{msg(Msg::EmptyHint, lang)}</p> }.into_any();
        }
        let items = groups
            .into_iter()
            .filter_map(|(source_index, figures)| {
                let source = list_data.sources().get(source_index)?;
                let official = source.is_official();
                let badge = if official { msg(Msg::OfficialSource, lang) } else { msg(Msg::OtherSource, lang) };
                let figures = figures
                    .iter()
                    .filter_map(|i| list_data.figures().get(*i))
                    .map(|f| {
                        let (detail, detail_lang) = f.detail_in(lang);
                        view! {
                            <li>
                                <strong>{figure_value(f, lang)}</strong>
                                " — "{metric_name(f.metric(), lang)}": "
                                <span lang=detail_lang.tag()>{detail.to_string()}</span>
                            </li>
                        }
                    })
                    .collect_view();
                Some(view! {
                    <li class="source" data-testid="source-item">
                        <p class="source__meta">
                            <time datetime=source.date().to_string()>{format_date(source.date(), source.date_precision(), lang)}</time>
                            " · "{source.publisher().to_string()}
                            " · "{source_kind_name(source.kind(), lang)}
                            " · "<span lang="">{source.language().to_uppercase()}</span>
                            <span class=if official { "badge badge--official" } else { "badge" } title=publisher_kind_name(source.publisher_kind(), lang)>{badge}</span>
                        </p>
                        <p class="source__title">
                            <a href=source.url().to_string() hreflang=source.language().to_string() rel="noopener noreferrer" target="_blank" lang=source.language().to_string()>
                                {source.title().to_string()}
                            </a>
                        </p>
                        {source.note().map(|n| view! { <p class="source__note" lang="en">{n.to_string()}</p> })}
                        <p class="source__figures-heading">{msg(Msg::FiguresReported, lang)}</p>
                        <ul class="source__figures">{figures}</ul>
                    </li>
                })
            })
            .collect_view();
        view! { <ol class="sources">{items}</ol> }.into_any()
    };
    view! {
        <h2 class="view__heading">{move || msg(Msg::SourcesHeading, lang.get())}</h2>
        <p class="section__intro">{move || msg(Msg::SourcesIntro, lang.get())}</p>
        {list}
    }
}
