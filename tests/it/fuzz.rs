//! Property-based fuzzing of everything that reads outside input: the URL-state parser, the
//! dataset loaders (JSON and CSV), the release extractor, the `?data=` address check and the
//! spreadsheet-safe CSV cells; and of everything that writes data into documents: any text in
//! any data field gives a page that parses with the app's mount point, the pre-rendered view and
//! JSON-LD that reads back as the text, and a chart download that parses as XML. A short,
//! bounded run is part of `cargo test`; `make fuzz` runs them at depth: `FUZZ_CASES` (the cases
//! of the whole run) is shared out between the properties by [`cases`], cheap ones getting more.

use crate::common;

use std::sync::OnceLock;

use eu_iom_dashboard::chart::frame::FrameText;
use eu_iom_dashboard::chart::spec::{render_svg, ChartData};
use eu_iom_dashboard::chart::theme::Theme;
use eu_iom_dashboard::chart::{Style, SVG_TEXT_FACTOR};
use eu_iom_dashboard::domain::dataset::csv_import::{csv_text, csv_text_value, load_csv, parse_csv};
use eu_iom_dashboard::domain::dataset::date::Date;
use eu_iom_dashboard::domain::dataset::load::load_dataset;
use eu_iom_dashboard::domain::dataset::load::{fits_in_pages, load_value};
use eu_iom_dashboard::domain::dataset::model::Dataset;
use eu_iom_dashboard::domain::dataset::origin::{check_data_address, resolve_natively, ResolvedAddress};
use eu_iom_dashboard::domain::explore::aggregate::build_series;
use eu_iom_dashboard::domain::explore::select::{select, Ignore};
use eu_iom_dashboard::domain::explore::view::{from_query, to_query};
use eu_iom_dashboard::domain::export::citation::{chart_footer, describe_filters};
use eu_iom_dashboard::domain::export::metadata::{page_description, page_title, schema_org_dataset, Publication};
use eu_iom_dashboard::domain::export::ExportContext;
use eu_iom_dashboard::domain::lang::Lang;
use eu_iom_dashboard::domain::release::extract::extract;
use eu_iom_dashboard::prerender::{insert, Snapshot};
use eu_iom_dashboard::site::csp::{build_script_hashes, check_inline};
use eu_iom_dashboard::site::publish::{head_block, with_head};
use proptest::prelude::*;
use scraper::{ElementRef, Html};

/// The cases one property runs: its `share` of `FUZZ_CASES` when that is set (`make fuzz`),
/// else `bounded` (the run of `cargo test`).
fn cases(share: f64, bounded: u32) -> u32 {
    let total: f64 = std::env::var("FUZZ_CASES").ok().and_then(|v| v.trim().parse().ok()).unwrap_or(0.0);
    ((total * share) as u32).max(bounded)
}

/// Resolves an address against `base` as a browser does.
fn whatwg(base: &str) -> impl Fn(&str) -> Option<ResolvedAddress> + '_ {
    move |given| resolve_natively(base, given)
}

/// Addresses made of the pieces that fool string checks (slashes and backslashes, controls,
/// schemes, user info, hosts in other notations), with some junk.
fn address_strategy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("http:"),
        Just("https:"),
        Just("HTTP:"),
        Just("javascript:"),
        Just("data:"),
        Just("blob:"),
        Just("file:"),
        Just("//"),
        Just("/"),
        Just("\\"),
        Just("\t"),
        Just("\n"),
        Just("\r"),
        Just(" "),
        Just("\u{0}"),
        Just("%2F"),
        Just("%5C"),
        Just("evil.example"),
        Just("127.0.0.1"),
        Just("0x7f.1"),
        Just("2130706433"),
        Just("[::1]"),
        Just("[::ffff:127.0.0.1]"),
        Just("stats.example.eu"),
        Just("ｅｖｉｌ"),
        Just(":8080"),
        Just(":443"),
        Just("@"),
        Just("user:pw@"),
        Just("."),
        Just(".."),
        Just("?"),
        Just("#"),
        Just("data/x.json"),
        Just("x.json")
    ];
    (prop::collection::vec(piece, 0..10), "\\PC{0,6}").prop_map(|(pieces, junk)| format!("{}{junk}", pieces.concat()))
}

fn real_text() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| common::read(common::FIXTURE))
}

fn real_dataset() -> &'static Dataset {
    static DATASET: OnceLock<std::sync::Arc<Dataset>> = OnceLock::new();
    DATASET.get_or_init(|| common::fixture_dataset().dataset)
}

/// Checks the promises a loaded dataset makes to the rest of the code.
fn assert_consistent(dataset: &Dataset) {
    let mut ids = std::collections::HashSet::new();
    for figure in dataset.figures() {
        assert!(ids.insert(figure.id()), "duplicate id {}", figure.id());
        assert!(dataset.source_of(figure).is_some());
        assert!(dataset.programme_of(figure).is_some());
        assert!(figure.value().is_finite() && figure.value() >= 0.0);
        assert_eq!(dataset.regions_of(figure).count(), figure.region_indices().len());
    }
}

/// Query strings built from the parser's own vocabulary, mixed with junk.
fn query_strategy() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        Just("v"),
        Just("view"),
        Just("metric"),
        Just("programme"),
        Just("region"),
        Just("country"),
        Just("level"),
        Just("from"),
        Just("to"),
        Just("publisher"),
        Just("sort"),
        Just("by"),
        Just("corder"),
        Just("lang"),
        Just("theme"),
        Just("embed"),
        Just("eid"),
        Just("plain"),
        Just("data"),
        Just("zzz"),
        Just("")
    ];
    let value = prop_oneof![
        Just("all".to_string()),
        Just("migrants_returned,projects".to_string()),
        Just("LY,NE,zz".to_string()),
        Just("2015".to_string()),
        Just("99999".to_string()),
        Just("value-asc".to_string()),
        Just("fr".to_string()),
        Just("%E2%82%AC".to_string()),
        Just("%".to_string()),
        Just("%ZZ".to_string()),
        ".{0,12}".prop_map(|s| s),
    ];
    prop::collection::vec((key, value), 0..12)
        .prop_map(|pairs| pairs.into_iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(0.05, 256), ..ProptestConfig::default() })]

    #[test]
    fn url_parsing_never_fails_and_its_output_round_trips(query in query_strategy()) {
        let (state, _) = from_query(&query, Some(real_dataset()));
        let written = to_query(&state);
        let (again, notices) = from_query(&written, Some(real_dataset()));
        prop_assert_eq!(&again, &state);
        prop_assert!(notices.is_empty(), "{:?}", notices);
    }

}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(0.16, 256), ..ProptestConfig::default() })]

    #[test]
    fn url_parsing_survives_any_text(query in "\\PC{0,200}") {
        let (state, _) = from_query(&query, None);
        prop_assert_eq!(from_query(&to_query(&state), None).0, state);
    }

}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(0.16, 256), ..ProptestConfig::default() })]

    #[test]
    fn the_loaders_survive_any_text(text in "\\PC{0,400}") {
        if let Ok(loaded) = load_dataset(&text) {
            assert_consistent(&loaded.dataset);
        }
        if let Ok(loaded) = load_csv(&text) {
            assert_consistent(&loaded.dataset);
        }
    }

}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(0.10, 256), ..ProptestConfig::default() })]

    #[test]
    fn the_csv_loader_survives_mangled_rows(rows in prop::collection::vec(prop::collection::vec("[a-z0-9_,\" .:/-]{0,12}", 0..34), 0..6)) {
        let header = eu_iom_dashboard::domain::dataset::csv_import::CSV_COLUMNS.join(",");
        let body: Vec<String> = rows.iter().map(|r| r.join(",")).collect();
        let text = format!("{header}\n{}", body.join("\n"));
        if let Ok(loaded) = load_csv(&text) {
            assert_consistent(&loaded.dataset);
        }
    }

}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(0.08, 256), ..ProptestConfig::default() })]

    #[test]
    fn the_extractor_survives_any_text(text in "\\PC{0,600}") {
        let extraction = extract(&text);
        for proposal in &extraction.proposals {
            prop_assert!(proposal.value.is_finite());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(0.25, 256), ..ProptestConfig::default() })]

    /// Whatever the address, an allowed one resolves to the page's origin over http(s) without
    /// credentials, and what is fetched reads back as itself.
    #[test]
    fn no_allowed_address_leaves_the_origin(address in address_strategy(), sub_path in prop_oneof![Just("/"), Just("/eu-iom/dash/")]) {
        let page = "http://127.0.0.1:8080";
        let base = format!("{page}{sub_path}");
        let resolve = whatwg(&base);
        if let Ok(href) = check_data_address(&address, &resolve, page, &base, &[]) {
            let fetched = resolve(&href).expect("the fetched address parses");
            prop_assert_eq!(&fetched.origin, page, "{:?} → {}", address, href);
            prop_assert!(href.starts_with(&base), "{:?} → {} leaves the deployment's path", address, href);
            prop_assert!(matches!(fetched.scheme.as_str(), "http" | "https") && !fetched.has_credentials);
            prop_assert_eq!(&fetched.href, &href);
        } else if let Some(resolved) = resolve(&address).filter(|_| !address.trim().is_empty()) {
            let under_base = resolved.href.starts_with(&base) && !resolved.href.to_ascii_lowercase().contains("%2f") && !resolved.href.to_ascii_lowercase().contains("%5c");
            prop_assert!(resolved.origin != page || !under_base || resolved.has_credentials || !resolved.scheme.starts_with("http"), "{:?} refused", address);
        }
    }

    /// Any text survives a CSV cell exactly, and no cell a spreadsheet reads starts a formula.
    #[test]
    fn csv_cells_read_back_exactly_and_never_start_a_formula(texts in prop::collection::vec("\\PC{0,12}|[=+@\t\r'\";,-]{1,4}\\PC{0,4}", 1..6)) {
        let row = texts.iter().map(|t| csv_text(t)).collect::<Vec<_>>().join(",");
        let records = parse_csv(&format!("{row}\r\n")).expect("one record");
        prop_assert_eq!(records.len(), 1);
        prop_assert_eq!(records[0].len(), texts.len());
        for (cell, text) in records[0].iter().zip(&texts) {
            prop_assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{:?}", cell);
            prop_assert_eq!(csv_text_value(cell), text.as_str());
        }
    }
}

proptest! {
    // Each case parses the whole 160 KB file, so this property runs fewer cases.
    #![proptest_config(ProptestConfig { cases: cases(0.002, 48), ..ProptestConfig::default() })]

    #[test]
    fn the_loader_survives_random_edits_of_the_real_file(
        edits in prop::collection::vec((0usize..170_000, 0usize..40, "\\PC{0,6}"), 1..6)
    ) {
        let mut text = real_text().to_string();
        for (at, remove, insert) in edits {
            let start = text.char_indices().map(|(i, _)| i).take_while(|i| *i <= at % text.len().max(1)).last().unwrap_or(0);
            let end = text[start..].char_indices().map(|(i, _)| start + i).nth(remove).unwrap_or(text.len());
            text.replace_range(start..end, &insert);
        }
        if let Ok(loaded) = load_dataset(&text) {
            assert_consistent(&loaded.dataset);
        }
    }
}

/// Texts made of what breaks writers (markup, comment and CDATA openers, the markers the release
/// steps search for, quotes, controls, noncharacters, line separators), mixed with any text.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<!--"),
        Just("-->"),
        Just("<script>"),
        Just("</script>"),
        Just("</head>"),
        Just("<!--published-->"),
        Just("<!--/published-->"),
        Just("<div id=\"prerendered\">"),
        Just("</div><!--/prerendered-->"),
        Just("<div class=\"boot\">"),
        Just("<![CDATA["),
        Just("]]>"),
        Just("<svg onload=alert(1)>"),
        Just(" onclick="),
        Just("\""),
        Just("'"),
        Just("&"),
        Just("&amp;"),
        Just("\\"),
        Just("\u{0}"),
        Just("\u{1}"),
        Just("\u{b}"),
        Just("\u{1b}"),
        Just("\u{7f}"),
        Just("\u{85}"),
        Just("\u{fffe}"),
        Just("\u{ffff}"),
        Just("\u{fdd0}"),
        Just("\u{2028}"),
        Just("\r\n"),
        Just("\t"),
        Just(" "),
        Just("é"),
        Just("€"),
        Just("𝔘"),
    ];
    (prop::collection::vec(piece, 0..8), "\\PC{0,12}", ".{0,6}").prop_map(|(pieces, text, any)| format!("{}{text}{any}", pieces.concat()))
}

/// The small valid dataset of the bad-data cases, as JSON.
fn small_document() -> &'static serde_json::Value {
    static DOC: OnceLock<serde_json::Value> = OnceLock::new();
    DOC.get_or_init(|| serde_json::from_str(&common::read("tests/fixtures/bad-data/00-valid-base.json")).expect("the fixture is JSON"))
}

/// The free-text fields of every record: (list, field).
const TEXT_FIELDS: [(&str, &str); 14] = [
    ("programmes", "name_en"),
    ("programmes", "name_fr"),
    ("regions", "name_en"),
    ("regions", "name_fr"),
    ("countries", "name_en"),
    ("countries", "name_fr"),
    ("sources", "publisher"),
    ("sources", "title"),
    ("sources", "title_note"),
    ("sources", "note"),
    ("figures", "metric_detail"),
    ("figures", "metric_detail_fr"),
    ("figures", "programme"),
    ("figures", "note"),
];

/// The small dataset with `text` in its info block and in every free-text field of every record.
fn dataset_holding(text: &str) -> Option<std::sync::Arc<Dataset>> {
    let mut doc = small_document().clone();
    for field in ["title", "description", "licence"] {
        doc["info"][field] = text.into();
    }
    for (list, field) in TEXT_FIELDS {
        for record in doc[list].as_array_mut()?.iter_mut() {
            record[field] = text.into();
        }
    }
    load_value(&doc).ok().map(|loaded| loaded.dataset)
}

/// Where the pages of these properties are published.
fn publication() -> Publication {
    Publication { site_url: Some("https://stats.example.eu/dash/".into()), json_bytes: 1, csv_bytes: 1 }
}

/// The `prerender` step on a page.
fn prerender(page: &str, dataset: &Dataset) -> String {
    insert(page, &Snapshot { dataset, fingerprint: "f1" }).expect("the page has its boot message or an earlier snapshot")
}

/// The `publish` step's writing into a page.
fn publish(page: &str, dataset: &Dataset) -> String {
    let block = head_block(dataset, &publication(), Some("b1")).expect("the head block");
    with_head(page, &block, &page_title(dataset, Lang::En), &page_description(dataset, Lang::En)).expect("the page has a head")
}

/// The page the release steps write for `dataset` into Trunk's page (the project's `index.html`).
fn release_page(dataset: &Dataset) -> String {
    static TRUNK: OnceLock<String> = OnceLock::new();
    publish(&prerender(TRUNK.get_or_init(|| common::read("index.html")), dataset), dataset)
}

proptest! {
    // Each case pre-renders and publishes a whole page, and draws a chart.
    #![proptest_config(ProptestConfig { cases: cases(0.001, 48), ..ProptestConfig::default() })]

    /// Any text in any data field gives a page that parses as the app needs it: its mount point
    /// holding the pre-rendered view, the texts as text, one JSON-LD block that reads back as the
    /// dataset's, only the build's own scripts and no handler or style; and a second run of the
    /// release steps writes the same page.
    #[test]
    fn no_text_breaks_the_page(text in hostile_text()) {
        let Some(dataset) = dataset_holding(&text) else {
            // Only a text with nothing to show (blank once the unfit characters are gone) may fail the required fields.
            prop_assert!(text.chars().filter(|c| fits_in_pages(*c)).all(char::is_whitespace), "{:?} was refused", text);
            return Ok(());
        };
        let page = release_page(&dataset);
        prop_assert_eq!(&publish(&page, &dataset), &page, "publishing again changes nothing");
        prop_assert_eq!(&prerender(&page, &dataset), &page, "pre-rendering again changes nothing");
        prop_assert!(check_inline(&page, "index.html").is_ok(), "{:?}", check_inline(&page, "index.html"));
        prop_assert!(build_script_hashes(&page, "index.html").is_ok(), "{:?}", build_script_hashes(&page, "index.html"));

        let parsed = Html::parse_document(&page);
        let elements: Vec<ElementRef<'_>> = parsed.root_element().descendants().filter_map(ElementRef::wrap).collect();
        let by_id = |id: &str| elements.iter().find(|e| e.value().id() == Some(id)).copied();
        let app = by_id("app").expect("the app's mount point");
        let prerendered = by_id("prerendered").expect("the pre-rendered view");
        prop_assert!(prerendered.ancestors().any(|a| a.id() == app.id()), "the pre-rendered view is inside the mount point");
        // An HTML parser reads line breaks as line feeds.
        let as_parsed = |text: &str| text.replace("\r\n", "\n").replace('\r', "\n");
        let view_text = prerendered.text().collect::<String>();
        prop_assert!(view_text.contains(&as_parsed(dataset.sources()[0].title())), "the source's title is text of the view");
        let json_ld: Vec<String> = elements
            .iter()
            .filter(|e| e.value().name() == "script" && e.value().attr("type") == Some("application/ld+json"))
            .map(|e| e.text().collect())
            .collect();
        prop_assert_eq!(json_ld.len(), 1);
        let read: serde_json::Value = serde_json::from_str(&json_ld[0]).expect("the JSON-LD is JSON");
        prop_assert_eq!(&read, &schema_org_dataset(&dataset, &publication()));
        prop_assert_eq!(read["name"].as_str(), Some(dataset.info().title()), "the JSON-LD reads back as the text");
        let title: String = elements.iter().find(|e| e.value().name() == "title").expect("a title").text().collect();
        prop_assert_eq!(title, as_parsed(&page_title(&dataset, Lang::En)));
    }

    /// Any text in any data field gives a chart download that parses as XML and holds the text.
    #[test]
    fn no_text_breaks_a_chart_download(text in hostile_text()) {
        let Some(dataset) = dataset_holding(&text) else { return Ok(()) };
        for lang in Lang::ALL {
            let state = from_query("level=all", Some(dataset.as_ref())).0;
            let selected = select(&dataset, &state.filter, Ignore::default());
            let context = ExportContext { today: Date::new(2026, 12, 7).unwrap(), page_url: format!("https://stats.example.eu/?lang={}", lang.tag()), lang };
            let frame = FrameText {
                title: dataset.info().title().to_string(),
                filters: describe_filters(&dataset, &state, lang),
                footer: chart_footer(&dataset, &selected, &context),
            };
            let style = Style { text_factor: SVG_TEXT_FACTOR, opaque: true, ..Style::svg(lang, Theme::Light) };
            let svg = render_svg(&dataset, &ChartData::Timeline(build_series(&dataset, &selected)), &frame, &style).expect("the chart draws");
            let document = roxmltree::Document::parse(&svg);
            prop_assert!(document.is_ok(), "{:?} in {}", document.err(), svg);
        }
    }
}
