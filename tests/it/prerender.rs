//! The pre-rendered first view: built from the real dataset, it holds the headline figures, the
//! default chart as SVG, its description, its table and its sources in both languages, and it
//! changes only when the view really changes (a snapshot); region by region it is the markup
//! the app inserts, written once in `src/html/`.

use crate::common;

use eu_iom_dashboard::domain::dataset::fingerprint::fingerprint;
use eu_iom_dashboard::domain::explore::aggregate::build_series;
use eu_iom_dashboard::domain::explore::select::{select, Ignore};
use eu_iom_dashboard::domain::explore::table::{sort_figures, TableSort};
use eu_iom_dashboard::domain::explore::view::{from_query, View};
use eu_iom_dashboard::domain::lang::Lang;
use eu_iom_dashboard::domain::text::describe::describe_timeline;
use eu_iom_dashboard::domain::text::i18n::metric_name;
use eu_iom_dashboard::domain::text::labels::place_name;
use eu_iom_dashboard::html::cards::cards_inner;
use eu_iom_dashboard::html::{chrome, figure, table, tabs};
use eu_iom_dashboard::prerender::{insert, render, Snapshot, HEAD_SCRIPT};

fn snapshot_html() -> (String, String) {
    let text = common::read(common::FIXTURE);
    let loaded = common::fixture_dataset();
    let print = fingerprint(text.as_bytes());
    let html = render(&Snapshot { dataset: &loaded.dataset, fingerprint: &print });
    (html, print)
}

/// The part of the page in one language.
fn copy_in<'a>(html: &'a str, tag: &str) -> &'a str {
    let start = html.find(&format!(r#"<div class="prerender" lang="{tag}""#)).expect("a copy per language");
    let rest = &html[start + 1..];
    let end = rest.find(r#"<div class="prerender" lang="#).map_or(rest.len(), |i| i);
    &rest[..end]
}

#[test]
fn the_page_is_a_reviewed_snapshot() {
    let (html, _) = snapshot_html();
    common::assert_snapshot("prerender.html", &html);
}

#[test]
fn it_carries_the_fingerprint_of_the_data_file_it_was_built_from() {
    let (html, print) = snapshot_html();
    assert_eq!(print.len(), 16);
    assert!(html.starts_with(&format!(r#"<div id="prerendered" data-fingerprint="{print}">"#)));
}

#[test]
fn both_languages_show_the_seed_release_figures_with_qualifiers_dates_and_sources() {
    let (html, _) = snapshot_html();
    let seed_url = "https://eeas.europa.eu/headquarters/headquarters-homepage/87429/node/87429_fr";
    for (tag, wordings) in [
        (
            "en",
            [
                "535",
                "about </span><span class=\"card__number\">€1.88\u{a0}bn",
                "more than 84,000",
                "more than 25,000",
                "13\u{a0}Oct\u{a0}2020",
            ],
        ),
        (
            "fr",
            [
                "535",
                "environ </span><span class=\"card__number\">1,88\u{a0}Md€",
                "plus de 84\u{202f}000",
                "plus de 25\u{202f}000",
                "13\u{a0}oct.\u{a0}2020",
            ],
        ),
    ] {
        let copy = copy_in(&html, tag);
        for wording in wordings {
            assert!(copy.contains(wording), "the {tag} page shows {wording:?}");
        }
        assert!(copy.contains(seed_url), "the {tag} page links the seed release");
        assert!(copy.contains(r#"class="chart__svg chart__svg--narrow chart__svg--light""#), "{tag}: narrow chart");
        assert!(copy.contains(r#"class="chart__svg chart__svg--wide chart__svg--dark""#), "{tag}: wide dark chart");
        assert!(copy.contains(r#"<table class="table""#), "{tag}: the chart's table");
        assert!(copy.contains(r#"<ol class="sources">"#), "{tag}: the sources");
        assert!(!copy.contains("data-testid="), "{tag}: test hooks of the live app are renamed in the snapshot");
    }
}

#[test]
fn controls_that_need_the_app_are_inactive() {
    let (html, _) = snapshot_html();
    for button in html.match_indices("<button").map(|(i, _)| &html[i..i + html[i..].find('>').unwrap()]) {
        assert!(button.contains(" disabled"), "a button in the snapshot is disabled until the app runs: {button}");
    }
    assert!(!html.contains("<input"), "no form control pretends to filter");
}

#[test]
fn insert_places_the_head_script_and_replaces_the_loading_message() {
    let index = "<!DOCTYPE html><html><head><title>x</title></head><body><div id=\"app\"><div class=\"boot\" role=\"status\"><p>Loading…</p></div></div><noscript><p>needs JS</p></noscript></body></html>";
    let loaded = common::fixture_dataset();
    let page = insert(index, &Snapshot { dataset: &loaded.dataset, fingerprint: "0123456789abcdef" }).expect("inserted");
    let head = &page[..page.find("</head>").unwrap()];
    assert!(head.ends_with(&format!("<script>{HEAD_SCRIPT}</script>\n")));
    assert!(!page.contains("Loading…") && !page.contains("<noscript>"));
    assert!(page.contains(r#"<div id="app"><div id="prerendered" data-fingerprint="0123456789abcdef">"#));
    assert!(page.ends_with("<!--/prerendered--></div></body></html>"));
    // Run again (a release was added): the earlier snapshot is replaced, the script kept once.
    let again = insert(&page, &Snapshot { dataset: &loaded.dataset, fingerprint: "fedcba9876543210" }).expect("inserted again");
    assert_eq!(again.matches(HEAD_SCRIPT).count(), 1);
    assert_eq!(again.matches(r#"<div id="prerendered""#).count(), 1);
    assert!(again.contains(r#"data-fingerprint="fedcba9876543210""#) && !again.contains("0123456789abcdef"));
    assert_eq!(again.len(), page.len());
    // With a stylesheet, the script comes before it: scripts wait for the stylesheets above them.
    let styled = index.replace("<title>x</title>", r#"<title>x</title><link rel="stylesheet" href="/main.css"/>"#);
    let page = insert(&styled, &Snapshot { dataset: &loaded.dataset, fingerprint: "0" }).expect("inserted");
    assert!(
        page.contains(&format!(
            r#"<script>{HEAD_SCRIPT}</script>
<link rel="stylesheet""#
        )),
        "the script precedes the stylesheet"
    );
    let error = insert("<html><head></head><body></body></html>", &Snapshot { dataset: &loaded.dataset, fingerprint: "" }).unwrap_err();
    assert!(error.contains("boot"), "{error}");
}

/// The live app's test hooks, as the snapshot renames them.
fn as_in_snapshot(fragment: &str) -> String {
    fragment.replace(r#" data-testid=""#, r#" data-snapshot-testid=""#)
}

#[test]
fn each_region_is_the_markup_the_app_inserts() {
    let loaded = common::fixture_dataset();
    let dataset = &loaded.dataset;
    let (html, _) = snapshot_html();
    // What a visitor without parameters gets, as the app derives it.
    let state = from_query("", Some(dataset)).0;
    let cards = select(dataset, &state.filter.for_cards(), Ignore::default());
    let selected = select(dataset, &state.filter, Ignore::default());
    for lang in Lang::ALL {
        let tag = lang.tag();
        let copy = copy_in(&html, tag);
        let mut rows = selected.clone();
        sort_figures(
            dataset,
            &mut rows,
            TableSort::default(),
            lang,
            |m| metric_name(m, lang).to_string(),
            |p| place_name(dataset, p, lang),
        );
        let series = build_series(dataset, &selected);
        let description = describe_timeline(dataset, &series, lang);
        let regions = [
            ("masthead", chrome::masthead_identity(lang)),
            ("language and theme", chrome::settings(lang, state.presentation.theme)),
            ("headline heading", chrome::headlines_header(lang, dataset.latest_source_date(), &format!("headlines-heading-{tag}"))),
            ("headline figures", format!(r#"<div class="cards">{}</div>"#, cards_inner(dataset, &cards, lang))),
            ("tabs", tabs::tab_list_static(View::Timeline, lang)),
            ("chart caption", figure::caption_inner(&description, lang, &format!("timeline-description-{tag}"))),
            ("chart tools", figure::tools_static(lang)),
            ("table head", table::head_static(lang)),
            ("table rows", table::rows(dataset, &rows, lang)),
            ("footer", format!(r#"<footer class="site-footer">{}</footer>"#, chrome::footer_inner(lang, &chrome::staff_href(&state)))),
        ];
        let mut at = 0;
        for (name, region) in regions {
            let region = as_in_snapshot(&region);
            let found = copy[at..].find(&region).map(|i| at + i);
            assert!(found.is_some(), "{tag}: the {name} is the app's markup, in page order");
            at = found.unwrap_or(at) + region.len();
        }
        assert!(copy.contains(r#"<td class="table__notes">"#), "{tag}: the table has the app's notes column");
        assert!(copy.contains(r#"<a href="staff.html?"#), "{tag}: the footer links the staff page as the app does");
    }
}

#[test]
fn the_shared_regions_are_written_only_in_src_html() {
    // Markup that only the shared fragments write: a second writer (a component or the
    // pre-render building it again) would let the two pages drift apart.
    let markers = [
        "masthead__brand",
        "masthead__subtitle",
        "card__number",
        "tabs__tab",
        "table__metric",
        "table__notes",
        "Msg::FooterData",
        "Msg::StaffLink",
        "Msg::DescribeChart",
        "Msg::DownloadPng",
        "Msg::HeadlinesHeading, lang",
    ];
    let mut files = vec![common::path("src/prerender.rs")];
    common::rust_files(&common::path("src/ui"), &mut files);
    common::rust_files(&common::path("src/site"), &mut files);
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for marker in markers {
            if text.contains(marker) {
                found.push(format!("{}: {marker}", file.display()));
            }
        }
    }
    assert_eq!(found, Vec::<String>::new(), "written outside src/html/");
    // The markers are real: each is written in src/html/.
    let shared: String = std::fs::read_dir(common::path("src/html"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    for marker in markers {
        assert!(shared.contains(marker), "{marker} is written in src/html/");
    }
}

#[test]
fn the_head_script_starts_the_published_files_request_where_the_app_takes_it() {
    use eu_iom_dashboard::domain::export::metadata::JSON_PATH;
    use eu_iom_dashboard::prerender::EARLY_DATA_GLOBAL;
    // The app (web::fetch) takes `window.<EARLY_DATA_GLOBAL>` for the published file's address.
    assert!(HEAD_SCRIPT.contains(&format!(r#"fetch("{JSON_PATH}")"#)), "{HEAD_SCRIPT}");
    assert!(HEAD_SCRIPT.contains(&format!("window.{EARLY_DATA_GLOBAL}=")), "{HEAD_SCRIPT}");
    // Not for another file or the staff page's preview, which the app loads from elsewhere.
    assert!(HEAD_SCRIPT.contains(r#"!q.has("data")&&q.get("preview")!=="1""#), "{HEAD_SCRIPT}");
}
