//! The headline cards as HTML: per card its title and one line per metric with the latest
//! reported figure — qualifier and number ("as stated" after a number the source gave without
//! one), as-of date, and behind a disclosure what it counts,
//! its scope and its source link.

use std::fmt::Write as _;

use super::{element, escape};
use crate::domain::dataset::model::Dataset;
use crate::domain::dataset::model::Qualifier;
use crate::domain::dataset::model::{Figure, Position};
use crate::domain::explore::aggregate::{headline_figures, Headline, HeadlineLine};
use crate::domain::lang::Lang;
use crate::domain::text::describe::{figure_as_of, figure_scope, figure_value_stated, source_line};
use crate::domain::text::format::{format_value, labelled};
use crate::domain::text::i18n::{qualifier_name, qualifier_words};
use crate::domain::text::labels::{headline_line_label, headline_title};
use crate::domain::text::messages::{msg, Msg};

/// The cards' contents (the children of the `.cards` element) for the figures `selected`
/// (the current selection, every metric).
pub fn cards_inner(dataset: &Dataset, selected: &[Position<Figure>], lang: Lang) -> String {
    let lines: Vec<HeadlineLine> = Headline::ALL.iter().flat_map(|headline| headline.lines().iter().copied()).collect();
    let mut figures = headline_figures(dataset, selected, &lines).into_iter();
    let mut out = String::new();
    for headline in Headline::ALL {
        let _ = write!(out, r#"<article class="card card--{0}" data-testid="card-{0}">"#, headline.id());
        element(&mut out, "h3", r#"class="card__title""#, msg(headline_title(headline), lang));
        for line in headline.lines() {
            card_line(&mut out, dataset, figures.next().flatten(), headline_line_label(*line), lang);
        }
        out.push_str("</article>");
    }
    out
}

fn card_line(out: &mut String, dataset: &Dataset, figure_index: Option<Position<Figure>>, label: Option<Msg>, lang: Lang) {
    let label = label.map(|m| msg(m, lang));
    let Some(figure) = figure_index.and_then(|i| dataset.figure(i)) else {
        out.push_str(r#"<div class="card__line card__line--empty" data-testid="card-line">"#);
        if let Some(label) = label {
            element(out, "p", r#"class="card__label""#, label);
        }
        element(out, "p", r#"class="card__empty""#, msg(Msg::NoFigure, lang));
        out.push_str("</div>");
        return;
    };
    let qualifier = qualifier_words(figure.qualifier(), lang);
    let source = dataset.source_of(figure);
    let (url, source_lang) = source.map_or(("", ""), |s| (s.url(), s.language()));
    let (detail, detail_lang) = figure.detail_in(lang);
    let _ = write!(
        out,
        r#"<div class="card__line" data-testid="card-line" data-figure="{}"><p class="card__value" aria-label="{}">"#,
        escape(figure.id()),
        escape(&figure_value_stated(figure, lang)),
    );
    if !qualifier.is_empty() {
        let _ = write!(out, r#"<span class="card__qualifier">{} </span>"#, escape(qualifier));
    }
    element(out, "span", r#"class="card__number""#, &format_value(figure.value(), figure.unit(), lang));
    if figure.qualifier() == Qualifier::Exact {
        let _ = write!(out, r#"<span class="card__stated"> ({})</span>"#, escape(qualifier_name(Qualifier::Exact, lang)));
    }
    out.push_str("</p>");
    if let Some(label) = label {
        element(out, "p", r#"class="card__label""#, label);
    }
    element(out, "p", r#"class="card__meta""#, &figure_as_of(figure, lang));
    // What the figure counts, its scope and its source: one tap away.
    out.push_str(r#"<details class="card__more">"#);
    element(out, "summary", "", msg(Msg::ScopeAndSource, lang));
    element(out, "p", &format!(r#"class="card__detail" lang="{}""#, detail_lang.tag()), detail);
    element(out, "p", r#"class="card__scope""#, &figure_scope(dataset, figure, lang));
    out.push_str(r#"<p class="card__source">"#);
    element(
        out,
        "a",
        &format!(r#"href="{}" hreflang="{}" rel="noopener noreferrer" target="_blank""#, escape(url), escape(source_lang)),
        &labelled(msg(Msg::SourceLink, lang), &source_line(dataset, figure, lang), lang),
    );
    out.push_str("</p></details></div>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dataset::model::Metric;
    use crate::domain::dataset::model::Position;
    use crate::domain::testing::{dataset, figure};

    #[test]
    fn a_number_without_qualifier_reads_as_stated_on_its_card() {
        let d = dataset(&[
            figure("a").date("2020-10-13").metric(Metric::Projects).value(535.0),
            figure("b").date("2020-10-13").metric(Metric::FundingEur).value(1.88e9).qualifier(Qualifier::About),
        ]);
        let en = cards_inner(&d, &[Position::new(0), Position::new(1)], Lang::En);
        assert!(
            en.contains(
                r#"aria-label="535 (as stated)"><span class="card__number">535</span><span class="card__stated"> (as stated)</span></p>"#
            ),
            "{en}"
        );
        assert!(en.contains(r#"<span class="card__qualifier">about </span>"#));
        assert_eq!(en.matches("card__stated").count(), 1, "only the number given without a qualifier");
        let fr = cards_inner(&d, &[Position::new(0), Position::new(1)], Lang::Fr);
        assert!(fr.contains(r#"aria-label="535 (tel quel)""#) && fr.contains("> (tel quel)</span>"), "{fr}");
    }
}
