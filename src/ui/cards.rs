//! The four headline cards: latest reported projects, funding, migrants assisted and countries,
//! each with its qualifier, scope, as-of date and a link to its source.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::explore::aggregate::{headline_figure, Headline};
use crate::domain::text::describe::{figure_as_of, figure_scope, figure_value, source_line};
use crate::domain::text::i18n::qualifier_words;
use crate::domain::lang::Lang;
use crate::domain::text::format::{format_value, labelled};
use crate::domain::text::messages::{msg, Msg};
use crate::domain::dataset::model::{Dataset, Metric};

fn card_title(headline: Headline) -> Msg {
    match headline {
        Headline::Projects => Msg::CardProjects,
        Headline::Funding => Msg::CardFunding,
        Headline::MigrantsAssisted => Msg::CardMigrants,
        Headline::Countries => Msg::CardCountries,
    }
}

fn line_label(metrics: &[Metric]) -> Option<Msg> {
    match metrics.first() {
        Some(Metric::MigrantsReturned) => Some(Msg::LineReturned),
        Some(Metric::MigrantsReintegration) => Some(Msg::LineReintegration),
        Some(Metric::MigrantsRescued) => Some(Msg::LineRescued),
        _ => None,
    }
}

/// The cards, following `figures` (the current selection, every metric).
#[component]
pub fn HeadlineCards(dataset: Arc<Dataset>, figures: Memo<Vec<usize>>, lang: Signal<Lang>) -> impl IntoView {
    view! {
        <div class="cards">
            {Headline::ALL
                .into_iter()
                .map(|headline| {
                    let dataset = dataset.clone();
                    view! {
                        <article class="card" data-testid=format!("card-{}", headline.id())>
                            <h3 class="card__title">{move || msg(card_title(headline), lang.get())}</h3>
                            {move || {
                                let lang = lang.get();
                                let selected = figures.get();
                                headline
                                    .lines()
                                    .iter()
                                    .map(|line| card_line(&dataset, headline_figure(&dataset, &selected, *line), line_label(line.metrics), lang))
                                    .collect_view()
                            }}
                        </article>
                    }
                })
                .collect_view()}
        </div>
    }
}

fn card_line(dataset: &Dataset, figure_index: Option<usize>, label: Option<Msg>, lang: Lang) -> AnyView {
    let label = label.map(|m| msg(m, lang));
    let Some(figure) = figure_index.and_then(|i| dataset.figures().get(i)) else {
        return view! {
            <div class="card__line card__line--empty" data-testid="card-line">
                {label.map(|l| view! { <p class="card__label">{l}</p> })}
                <p class="card__empty">{msg(Msg::NoFigure, lang)}</p>
            </div>
        }
        .into_any();
    };
    let qualifier = qualifier_words(figure.qualifier(), lang);
    let number = format_value(figure.value(), figure.unit(), lang);
    let source = dataset.source_of(figure);
    let url = source.map(|s| s.url().to_string()).unwrap_or_default();
    let source_lang = source.map(|s| s.language().to_string()).unwrap_or_default();
    let full = figure_value(figure, lang);
    let (detail, detail_lang) = figure.detail_in(lang);
    view! {
        <div class="card__line" data-testid="card-line" data-figure=figure.id().to_string()>
            <p class="card__value" aria-label=full>
                {(!qualifier.is_empty()).then(|| view! { <span class="card__qualifier">{qualifier}" "</span> })}
                <span class="card__number">{number}</span>
            </p>
            {label.map(|l| view! { <p class="card__label">{l}</p> })}
            <p class="card__detail" lang=detail_lang.tag()>{detail.to_string()}</p>
            <p class="card__scope">{figure_scope(dataset, figure, lang)}</p>
            <p class="card__meta">
                <span>{figure_as_of(figure, lang)}</span>
                " · "
                <a href=url hreflang=source_lang rel="noopener noreferrer" target="_blank">
                    {labelled(msg(Msg::SourceLink, lang), &source_line(dataset, figure, lang), lang)}
                </a>
            </p>
        </div>
    }
    .into_any()
}
