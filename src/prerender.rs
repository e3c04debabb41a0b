//! The pre-rendered first view: the default dashboard page as static HTML, written into
//! `index.html` by the release build (`eu-iom-data prerender`), so a visitor sees the headline
//! figures, the default chart (inline SVG from the same `chart` code), its description, its
//! data table and its sources before any WebAssembly arrives — and without JavaScript at all.
//!
//! The page holds one copy per interface language; a small script in the page's head (written
//! by [`HEAD_SCRIPT`]) picks the language (`lang=`, else the browser's), the theme and the embed
//! mode before the first paint, with the same rules as the app. The app then mounts over it
//! (see `web::env::reveal_app`). Markup shared with the app (cards, sources) comes from
//! [`crate::html`]; the rest mirrors the app's classes so nothing moves when the app takes over.

use std::fmt::Write as _;

use plotters::prelude::{IntoDrawingArea, SVGBackend};

use crate::chart::spec::{draw_chart, ChartData};
use crate::chart::theme::Theme;
use crate::chart::Style;
use crate::domain::dataset::date::DatePrecision;
use crate::domain::dataset::model::{Figure, Position, Dataset, Place};
use crate::domain::explore::aggregate::build_series;
use crate::domain::explore::select::{count_sources, select, Ignore};
use crate::domain::explore::table::{sort_figures, TableSort};
use crate::domain::explore::view::{from_query, View, ViewState};
use crate::domain::lang::Lang;
use crate::domain::text::describe::{describe_timeline, figure_date, figure_period, figure_value_stated, source_line};
use crate::domain::text::format::format_date;
use crate::domain::text::i18n::metric_name;
use crate::domain::text::labels::{place_name, view_label};
use crate::domain::text::messages::{active_filters, match_count, msg, Msg};
use crate::html::cards::cards_inner;
use crate::html::sources::{sources_list, PAGE_SOURCES};
use crate::html::{element, escape};

/// Chart sizes drawn for the page, in CSS pixels: (class suffix, width, height); the
/// stylesheet shows the narrow one on phones. The widths are the chart's width in the app at a
/// 375 px and a 1280 px wide window; the heights are what the chart asks for at those widths.
const CHART_SIZES: [(&str, f64); 2] = [("narrow", 317.0), ("wide", 806.0)];

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
    masthead(out, lang);
    let _ = write!(out, r#"<main id="main-{tag}" tabindex="-1">"#);
    element(out, "p", r#"class="prerender__status prerender__status--noscript""#, msg(Msg::PrerenderNoScript, lang));
    let _ = write!(
        out,
        r#"<section class="section prerender__headlines" aria-labelledby="headlines-heading-{tag}"><div class="section__header">"#
    );
    element(out, "h2", &format!(r#"id="headlines-heading-{tag}""#), msg(Msg::HeadlinesHeading, lang));
    let as_of = dataset
        .latest_source_date()
        .map(|d| format!("{} {}", msg(Msg::DataAsOf, lang), format_date(d, DatePrecision::Day, lang)));
    out.push_str(r#"<div class="data-as-of">"#);
    element(out, "p", r#"data-testid="data-as-of""#, as_of.as_deref().unwrap_or_default());
    out.push_str(r#"<div class="data-controls">"#);
    for label in [Msg::ReloadData, Msg::OpenLocalFile] {
        element(out, "button", r#"type="button" class="link-button" disabled"#, msg(label, lang));
    }
    out.push_str("</div></div></div>");
    let _ = write!(out, r#"<div class="cards">{}</div></section>"#, cards_inner(dataset, &cards, lang));
    out.push_str(r#"<div class="explorer">"#);
    filters_placeholder(out, dataset, &selected, lang);
    let _ = write!(out, r#"<section class="section explorer__views" aria-label="{}">"#, escape(msg(Msg::Views, lang)));
    tabs(out, state.view, lang);
    out.push_str(r#"<div class="tab-panel prerender__panel">"#);
    timeline(out, dataset, &selected, lang);
    table(out, dataset, &selected, lang);
    let _ = write!(out, r#"<section class="prerender__sources" aria-labelledby="sources-heading-{tag}">"#);
    element(out, "h2", &format!(r#"class="view__heading" id="sources-heading-{tag}""#), msg(Msg::SourcesHeading, lang));
    element(out, "p", r#"class="section__intro""#, msg(Msg::SourcesIntro, lang));
    element(out, "p", r#"class="section__intro""#, msg(Msg::NoSums, lang));
    out.push_str(&sources_list(dataset, &selected, lang, PAGE_SOURCES).0);
    out.push_str("</section></div></section></div></main>");
    footer(out, lang);
    out.push_str("</div>");
}

fn masthead(out: &mut String, lang: Lang) {
    out.push_str(r#"<header class="masthead"><div class="masthead__inner"><p class="masthead__brand" aria-hidden="true"><span>EU</span><span>IOM</span></p><div class="masthead__titles">"#);
    element(out, "h1", "", msg(Msg::Title, lang));
    element(out, "p", r#"class="masthead__subtitle""#, msg(Msg::Subtitle, lang));
    out.push_str(r#"</div><div class="masthead__tools">"#);
    // Language links work without the app: the head script reads `lang=`.
    let _ = write!(out, r#"<nav class="lang-switch" aria-label="{}">"#, escape(msg(Msg::Language, lang)));
    for option in Lang::ALL {
        let current = if option == lang { r#" aria-current="true""# } else { "" };
        let _ = write!(
            out,
            r#"<a class="lang-switch__link" href="?lang={0}" lang="{0}" hreflang="{0}"{current}>{1}</a>"#,
            option.tag(),
            escape(option.endonym())
        );
    }
    let _ =
        write!(out, r#"</nav><div class="toggle toggle--small theme-switch" role="group" aria-label="{}">"#, escape(msg(Msg::Theme, lang)));
    for label in [Msg::ThemeAuto, Msg::ThemeLight, Msg::ThemeDark] {
        element(out, "button", r#"type="button" disabled"#, msg(label, lang));
    }
    out.push_str("</div></div></div></header>");
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

fn tabs(out: &mut String, current: View, lang: Lang) {
    out.push_str(r#"<div class="explorer__bar"><div class="tabs" role="tablist">"#);
    for view in View::TABS {
        let label = view_label(view);
        let selected = view == current;
        element(
            out,
            "button",
            &format!(r#"type="button" role="tab" class="tabs__tab" aria-selected="{selected}" disabled"#),
            msg(label, lang),
        );
    }
    out.push_str(r#"</div><div class="explorer__actions">"#);
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
    out.push_str(r#"</div><figcaption class="chart__description"><details>"#);
    element(out, "summary", "", msg(Msg::DescribeChart, lang));
    element(out, "p", "", &description);
    out.push_str(r#"</details></figcaption><div class="chart__tools">"#);
    for label in [Msg::DownloadPng, Msg::DownloadSvg, Msg::ShowAsTable] {
        element(out, "button", r#"type="button" class="button button--small" disabled"#, msg(label, lang));
    }
    out.push_str("</div></figure>");
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

fn table(out: &mut String, dataset: &Dataset, selected: &[Position<Figure>], lang: Lang) {
    let mut rows = selected.to_vec();
    sort_figures(dataset, &mut rows, TableSort::default(), lang, |m| metric_name(m, lang).to_string(), |p| place_name(dataset, p, lang));
    out.push_str(r#"<details class="prerender__table">"#);
    element(out, "summary", "", msg(Msg::ShowAsTable, lang));
    let _ = write!(out, r#"<div class="table-wrap"><table class="table" data-testid="table"><thead><tr>"#);
    for column in [Msg::ColMetric, Msg::ColValue, Msg::ColDate, Msg::ColProgramme, Msg::ColPlace, Msg::ColSource] {
        element(out, "th", r#"scope="col""#, msg(column, lang));
    }
    out.push_str("</tr></thead><tbody>");
    for figure in rows.iter().filter_map(|i| dataset.figure(*i)) {
        let _ = write!(out, r#"<tr data-figure="{}"><td>"#, escape(figure.id()));
        element(out, "span", r#"class="table__metric""#, metric_name(figure.metric(), lang));
        out.push_str("</td>");
        element(out, "td", r#"class="table__value""#, &figure_value_stated(figure, lang));
        out.push_str("<td>");
        out.push_str(&escape(&figure_date(figure, lang)));
        if let Some(period) = figure_period(figure, lang) {
            element(out, "span", r#"class="table__detail""#, &period);
        }
        out.push_str("</td>");
        element(out, "td", "", dataset.programme_of(figure).map(|p| p.name(lang)).unwrap_or_default());
        element(out, "td", "", &place_name(dataset, &Place::of(figure), lang));
        out.push_str("<td>");
        let url = dataset.source_of(figure).map(|s| s.url()).unwrap_or_default();
        element(
            out,
            "a",
            &format!(r#"href="{}" rel="noopener noreferrer" target="_blank""#, escape(url)),
            &source_line(dataset, figure, lang),
        );
        out.push_str("</td></tr>");
    }
    out.push_str("</tbody></table></div></details>");
}

fn footer(out: &mut String, lang: Lang) {
    out.push_str(r#"<footer class="site-footer">"#);
    element(out, "p", "", msg(Msg::FooterData, lang));
    element(out, "p", "", msg(Msg::FooterDisclaimer, lang));
    let _ = write!(out, r#"<p><a href="?view=extract">{}</a></p></footer>"#, escape(msg(Msg::StaffLink, lang)));
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
