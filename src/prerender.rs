//! The pre-rendered first view: the default dashboard page as static HTML, written into
//! `index.html` by the release build (`eu-iom-data prerender`), so a visitor sees the headline
//! figures, the default chart (inline SVG from the same `chart` code), its description, its
//! data table and its sources before any WebAssembly arrives — and without JavaScript at all.
//!
//! The page holds one copy per interface language; a small script in the page's head (written
//! by [`HEAD_SCRIPT`]) picks the language (`lang=`, else the browser's), the theme and the embed
//! mode before the first paint, with the same rules as the app. The app then mounts over it
//! (see `web::document::reveal_app`). Markup shared with the app (masthead, headline heading, cards,
//! tabs, chart caption and tools, table rows, sources, footer) comes from [`crate::html`], so
//! nothing moves when the app takes over; what is left here is the frame around those regions
//! and the static stand-ins for controls that need the app.

use std::fmt::Write as _;

use plotters::prelude::{IntoDrawingArea, SVGBackend};

use crate::chart::spec::{draw_chart, ChartData};
use crate::chart::theme::Theme;
use crate::chart::Style;
use crate::domain::dataset::model::{Dataset, Figure, Position};
use crate::domain::explore::aggregate::build_series;
use crate::domain::explore::select::{count_sources, select, Ignore};
use crate::domain::explore::table::{sort_figures, TableSort};
use crate::domain::explore::view::{from_query, View, ViewState};
use crate::domain::lang::Lang;
use crate::domain::text::describe::describe_timeline;
use crate::domain::text::i18n::metric_name;
use crate::domain::text::labels::place_name;
use crate::domain::text::messages::{active_filters, match_count, msg, Msg};
use crate::html::cards::cards_inner;
use crate::html::sources::{sources_list, PAGE_SOURCES};
use crate::html::{chrome, element, escape, figure, table, tabs};

/// Chart sizes drawn for the page, in CSS pixels: (class suffix, width, height); the
/// stylesheet shows the narrow one on phones. The widths are the chart's width in the app at a
/// 375 px and a 1280 px wide window; the heights are what the chart asks for at those widths.
const CHART_SIZES: [(&str, f64); 2] = [("narrow", 345.0), ("wide", 806.0)];

/// The script that runs in the page's head before the first paint: the interface language
/// (`lang=`, else the first supported browser language, else English), the theme (`theme=`)
/// and the embed mode (`embed=1`), as the app reads them. The release build's policy step
/// hashes it, like Trunk's loader.
///
/// It also starts the request for the published dataset, in parallel with the WebAssembly,
/// unless `?data=` names another file or `?preview=1` shows the staff page's preview. The
/// pending answer waits in `window.__euIomData` ([`EARLY_DATA_GLOBAL`]) until the app takes it
/// (`web::fetch`), so the file is requested once; a failure is reported by the app, not as an
/// unhandled rejection.
pub const HEAD_SCRIPT: &str = r#"(function(){var d=document.documentElement,q=new URLSearchParams(location.search);function pick(t){t=String(t||"").split(/[-_]/)[0].toLowerCase();return t==="en"||t==="fr"?t:null}var l=pick(q.get("lang"));if(!l){var p=navigator.languages||[navigator.language];for(var i=0;i<p.length&&!l;i++)l=pick(p[i])}d.lang=l||"en";var t=q.get("theme");if(t==="light"||t==="dark")d.setAttribute("data-theme",t);if(q.get("embed")==="1")d.setAttribute("data-embed",q.get("view")==="cards"?"cards":"timeline");d.classList.add("js");if(!q.has("data")&&q.get("preview")!=="1"&&window.fetch){var f=fetch("data/eu-iom-figures.json");f.catch(function(){});window.__euIomData=f}})();"#;

/// Where [`HEAD_SCRIPT`] leaves the request it started for the published dataset (the app's
/// `web::fetch` reads the same name).
pub const EARLY_DATA_GLOBAL: &str = "__euIomData";

/// Closes the pre-rendered element, so a later run can find and replace it.
const END_MARK: &str = "</div><!--/prerendered-->";

/// What the pre-rendered page is built from.
pub struct Snapshot<'a> {
    /// The published dataset.
    pub dataset: &'a Dataset,
    /// [`crate::domain::dataset::fingerprint::fingerprint`] of the data file's bytes.
    pub fingerprint: &'a str,
}

/// The default view state, as a visitor without parameters gets it.
fn default_state(dataset: &Dataset) -> ViewState {
    from_query("", Some(dataset)).0
}

/// The element that replaces the loading message inside `<body>`: one copy of the page per
/// language, inside `<div id="prerendered">`.
pub fn render(snapshot: &Snapshot<'_>) -> String {
    let state = default_state(snapshot.dataset);
    let mut out = String::new();
    let _ = write!(out, r#"<div id="prerendered" data-fingerprint="{}">"#, escape(snapshot.fingerprint));
    for lang in Lang::ALL {
        page(&mut out, snapshot.dataset, &state, lang);
    }
    out.push_str(END_MARK);
    // The shared fragments carry the app's test hooks; the snapshot's are renamed, so a hook
    // always names the live app's element and the snapshot is found as such.
    out.replace(r#" data-testid=""#, r#" data-snapshot-testid=""#)
}

fn page(out: &mut String, dataset: &Dataset, state: &ViewState, lang: Lang) {
    let cards = select(dataset, &state.filter.for_cards(), Ignore::default());
    let selected = select(dataset, &state.filter, Ignore::default());
    let tag = lang.tag();
    let _ = write!(out, r#"<div class="prerender" lang="{tag}" data-lang="{tag}">"#);
    let _ = write!(out, r##"<a class="skip-link" href="#main-{tag}">{}</a>"##, escape(msg(Msg::SkipToContent, lang)));
    let _ = write!(
        out,
        r#"<header class="masthead"><div class="masthead__inner"><div class="masthead__identity">{}</div>{}</div></header>"#,
        chrome::masthead_identity(lang),
        chrome::settings(lang, state.presentation.theme)
    );
    let _ = write!(out, r#"<main id="main-{tag}" tabindex="-1">"#);
    element(out, "p", r#"class="prerender__status prerender__status--noscript""#, msg(Msg::PrerenderNoScript, lang));
    let _ = write!(
        out,
        r#"<section class="section headlines prerender__headlines" aria-labelledby="headlines-heading-{tag}"><div class="section__header">{}</div><div class="cards">{}</div></section>"#,
        chrome::headlines_header(lang, dataset.latest_source_date(), &format!("headlines-heading-{tag}")),
        cards_inner(dataset, &cards, lang)
    );
    out.push_str(r#"<div class="explorer">"#);
    filters_placeholder(out, dataset, &selected, lang);
    let _ = write!(out, r#"<section class="section explorer__views" aria-label="{}">"#, escape(msg(Msg::Views, lang)));
    views_bar(out, state.view, lang);
    out.push_str(r#"<div class="tab-panel prerender__panel">"#);
    timeline(out, dataset, &selected, lang);
    figure_table(out, dataset, &selected, lang);
    let _ = write!(out, r#"<section class="prerender__sources" aria-labelledby="sources-heading-{tag}">"#);
    element(out, "h2", &format!(r#"class="view__heading" id="sources-heading-{tag}""#), msg(Msg::SourcesHeading, lang));
    element(out, "p", r#"class="section__intro""#, msg(Msg::SourcesIntro, lang));
    element(out, "p", r#"class="section__intro""#, msg(Msg::NoSums, lang));
    out.push_str(&sources_list(dataset, &selected, lang, PAGE_SOURCES).0);
    out.push_str(r#"</section></div><div class="data-controls">"#);
    for label in [Msg::ReloadData, Msg::OpenLocalFile] {
        element(out, "button", r#"type="button" class="link-button" disabled"#, msg(label, lang));
    }
    out.push_str("</div></section></div></main>");
    let _ = write!(out, r#"<footer class="site-footer">{}</footer>"#, chrome::footer_inner(lang, &chrome::staff_href(state)));
    out.push_str("</div>");
}

fn filters_placeholder(out: &mut String, dataset: &Dataset, selected: &[Position<Figure>], lang: Lang) {
    let tag = lang.tag();
    let _ = write!(
        out,
        r#"<aside class="filters section prerender__filters" aria-labelledby="filters-heading-{tag}"><div class="filters__head">"#
    );
    element(out, "h2", &format!(r#"id="filters-heading-{tag}""#), msg(Msg::Filters, lang));
    element(out, "button", r#"type="button" class="button filters__toggle" disabled"#, msg(Msg::CloseFilters, lang));
    out.push_str("</div>");
    element(out, "p", r#"class="filters__count""#, &match_count(selected.len(), count_sources(dataset, selected), lang));
    element(out, "p", r#"class="prerender__status prerender__status--pending" role="status""#, msg(Msg::PrerenderPending, lang));
    out.push_str("</aside>");
}

/// The tabs and, beside them, the filter and share buttons.
fn views_bar(out: &mut String, current: View, lang: Lang) {
    let _ = write!(out, r#"<div class="explorer__bar">{}<div class="explorer__actions">"#, tabs::tab_list_static(current, lang));
    element(out, "button", r#"type="button" class="button filters-open" disabled"#, &active_filters(0, lang));
    element(out, "button", r#"type="button" class="button button--small share__open" disabled"#, msg(Msg::EmbedShare, lang));
    out.push_str("</div></div>");
}

fn timeline(out: &mut String, dataset: &Dataset, selected: &[Position<Figure>], lang: Lang) {
    let series = build_series(dataset, selected);
    let description = describe_timeline(dataset, &series, lang);
    let data = ChartData::Timeline(series);
    element(out, "h2", r#"class="view__heading""#, msg(Msg::TimelineHeading, lang));
    let _ = write!(
        out,
        r#"<figure class="chart"><div class="chart__frame" data-testid="chart" role="img" aria-label="{}">"#,
        escape(&description)
    );
    for (size, width) in CHART_SIZES {
        for theme in [Theme::Light, Theme::Dark] {
            let class = format!("chart__svg chart__svg--{size} chart__svg--{}", if theme == Theme::Dark { "dark" } else { "light" });
            out.push_str(&chart_svg(dataset, &data, width, theme, lang, &class));
        }
    }
    let _ = write!(
        out,
        r#"</div><figcaption class="chart__description"><details>{}</details></figcaption><div class="chart__tools">{}</div></figure>"#,
        figure::caption_inner(&description, lang, &format!("timeline-description-{}", lang.tag())),
        figure::tools_static(lang)
    );
    element(out, "p", r#"class="section__intro""#, msg(Msg::TimelineIntro, lang));
}

/// The chart drawn as SVG at `width`, sized by the height the chart asks for; on failure, the
/// text description stands alone (the figure keeps its accessible name).
fn chart_svg(dataset: &Dataset, data: &ChartData, width: f64, theme: Theme, lang: Lang, class: &str) -> String {
    let height = data.height(width);
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (width.round() as u32, height.round() as u32)).into_drawing_area();
        if draw_chart(&area, dataset, data, None, &Style::svg(lang, theme)).is_err() || area.present().is_err() {
            return String::new();
        }
    }
    // Decorative inside the frame, which carries the description; classes choose the size and
    // theme shown.
    svg.replacen("<svg ", &format!(r#"<svg class="{class}" aria-hidden="true" focusable="false" "#), 1)
}

fn figure_table(out: &mut String, dataset: &Dataset, selected: &[Position<Figure>], lang: Lang) {
    let mut rows = selected.to_vec();
    sort_figures(dataset, &mut rows, TableSort::default(), lang, |m| metric_name(m, lang).to_string(), |p| place_name(dataset, p, lang));
    out.push_str(r#"<details class="prerender__table">"#);
    element(out, "summary", "", msg(Msg::ShowAsTable, lang));
    let _ = write!(
        out,
        r#"<div class="table-wrap"><table class="table" data-testid="figure-table"><thead>{}</thead><tbody>{}</tbody></table></div></details>"#,
        table::head_static(lang),
        table::rows(dataset, &rows, lang)
    );
}

/// Writes the pre-rendered page into a built `index.html`: the head script before the first
/// stylesheet (else at the end of `<head>`), the snapshot in place of the `<div class="boot">` loading message (or of an earlier
/// snapshot, so the step can run again after a release is added), and no `<noscript>` block
/// (the snapshot itself says what needs JavaScript).
///
/// # Errors
/// A message naming what the page lacks.
pub fn insert(index_html: &str, snapshot: &Snapshot<'_>) -> Result<String, String> {
    let (start, end) = match index_html.find(r#"<div id="prerendered""#) {
        Some(start) => {
            let end = index_html[start..].find(END_MARK).ok_or("the earlier pre-rendered page is not closed")?;
            (start, start + end + END_MARK.len())
        }
        None => {
            let start = index_html.find(r#"<div class="boot""#).ok_or("index.html has no <div class=\"boot\"> to replace")?;
            let end = index_html[start..].find("</div>").ok_or("the boot message is not closed")?;
            (start, start + end + "</div>".len())
        }
    };
    let head_end = index_html.find("</head>").ok_or("index.html has no </head>")?;
    if head_end > start {
        return Err("the boot message is inside <head>".into());
    }
    // Before the first stylesheet when there is one: a script waits for the stylesheets above
    // it, and the data request it starts should not.
    let script = format!("<script>{HEAD_SCRIPT}</script>\n");
    let at = index_html[..head_end].find(r#"<link rel="stylesheet""#).unwrap_or(head_end);
    let mut page = String::with_capacity(index_html.len() + 200_000);
    page.push_str(&index_html[..at]);
    if !index_html.contains(&script) {
        page.push_str(&script);
    }
    page.push_str(&index_html[at..start]);
    page.push_str(&render(snapshot));
    let rest = &index_html[end..];
    match (rest.find("<noscript>"), rest.find("</noscript>")) {
        (Some(from), Some(to)) if from < to => {
            page.push_str(&rest[..from]);
            page.push_str(&rest[to + "</noscript>".len()..]);
        }
        _ => page.push_str(rest),
    }
    Ok(page)
}
