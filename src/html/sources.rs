//! The sources list as HTML: every release behind a selection, latest first, with its date,
//! publisher, kind, language, whether it is an official EU/IOM publication, its title and
//! reference, and the figures it reports.

use std::fmt::Write as _;

use super::{element, escape};
use crate::domain::dataset::model::Dataset;
use crate::domain::dataset::model::{Figure, Position};
use crate::domain::explore::table::sources_of;
use crate::domain::lang::Lang;
use crate::domain::text::describe::{figure_value_stated, source_reference};
use crate::domain::text::format::format_date;
use crate::domain::text::i18n::{metric_name, publisher_kind_name, source_kind_name};
use crate::domain::text::messages::{msg, Msg};

/// Sources listed at once; more appear on request, so a large selection stays responsive.
pub const PAGE_SOURCES: usize = 100;

/// The list of the first `limit` sources of `selected`, or the empty-selection message; with
/// the number of sources left out.
pub fn sources_list(dataset: &Dataset, selected: &[Position<Figure>], lang: Lang, limit: usize) -> (String, usize) {
    let groups = sources_of(dataset, selected);
    let mut out = String::new();
    if groups.is_empty() {
        let text = format!("{} {}", msg(Msg::EmptyTitle, lang), msg(Msg::EmptyHint, lang));
        element(&mut out, "p", r#"class="empty" data-testid="sources-empty""#, &text);
        return (out, 0);
    }
    let left_out = groups.len().saturating_sub(limit);
    out.push_str(r#"<ol class="sources">"#);
    for (source_index, figures) in groups.into_iter().take(limit) {
        let Some(source) = dataset.source(source_index) else { continue };
        let official = source.is_official();
        let badge = if official { msg(Msg::OfficialSource, lang) } else { msg(Msg::OtherSource, lang) };
        let language = escape(source.language());
        out.push_str(r#"<li class="source" data-testid="source-item"><p class="source__meta">"#);
        element(&mut out, "time", &format!(r#"datetime="{}""#, source.date()), &format_date(source.date(), source.date_precision(), lang));
        let _ = write!(out, " · {} · {} · ", escape(source.publisher()), escape(source_kind_name(source.kind(), lang)));
        element(&mut out, "span", r#"lang="""#, &source.language().to_ascii_uppercase());
        let class = if official { "badge badge--official" } else { "badge" };
        element(
            &mut out,
            "span",
            &format!(r#"class="{class}" title="{}""#, escape(publisher_kind_name(source.publisher_kind(), lang))),
            badge,
        );
        out.push_str(r#"</p><p class="source__title">"#);
        element(
            &mut out,
            "a",
            &format!(
                r#"href="{}" hreflang="{language}" rel="noopener noreferrer" target="_blank" lang="{language}""#,
                escape(source.url())
            ),
            source.title(),
        );
        out.push_str("</p>");
        if let Some(reference) = source_reference(source, lang) {
            element(&mut out, "p", r#"class="source__reference" data-testid="source-reference""#, &reference);
        }
        if let Some(note) = source.note() {
            element(&mut out, "p", r#"class="source__note" lang="en""#, note);
        }
        element(&mut out, "p", r#"class="source__figures-heading""#, msg(Msg::FiguresReported, lang));
        out.push_str(r#"<ul class="source__figures">"#);
        for figure in figures.iter().filter_map(|i| dataset.figure(*i)) {
            let (detail, detail_lang) = figure.detail_in(lang);
            out.push_str("<li>");
            element(&mut out, "strong", "", &figure_value_stated(figure, lang));
            let _ = write!(out, " — {}: ", escape(metric_name(figure.metric(), lang)));
            element(&mut out, "span", &format!(r#"lang="{}""#, detail_lang.tag()), detail);
            out.push_str("</li>");
        }
        out.push_str("</ul></li>");
    }
    out.push_str("</ol>");
    (out, left_out)
}
