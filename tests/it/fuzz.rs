//! Property-based fuzzing of everything that reads outside input: the URL-state parser, the
//! dataset loaders (JSON and CSV), the release extractor, the `?data=` address check and the
//! spreadsheet-safe CSV cells. A short, bounded run is part of `cargo test`; `make fuzz` runs
//! them at depth: `FUZZ_CASES` (the cases of the whole run) is shared out between the
//! properties by [`cases`], cheap ones getting more.

use crate::common;

use std::sync::OnceLock;

use eu_iom_dashboard::domain::dataset::csv_import::{csv_text, csv_text_value, load_csv, parse_csv};
use eu_iom_dashboard::domain::dataset::origin::{check_data_address, resolve_natively, ResolvedAddress};
use eu_iom_dashboard::domain::release::extract::extract;
use eu_iom_dashboard::domain::dataset::load::load_dataset;
use eu_iom_dashboard::domain::dataset::model::Dataset;
use eu_iom_dashboard::domain::explore::view::{from_query, to_query};
use proptest::prelude::*;

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
        if let Ok(href) = check_data_address(&address, &resolve, page, &[]) {
            let fetched = resolve(&href).expect("the fetched address parses");
            prop_assert_eq!(&fetched.origin, page, "{:?} → {}", address, href);
            prop_assert!(matches!(fetched.scheme.as_str(), "http" | "https") && !fetched.has_credentials);
            prop_assert_eq!(&fetched.href, &href);
        } else if let Some(resolved) = resolve(&address).filter(|_| !address.trim().is_empty()) {
            prop_assert!(resolved.origin != page || resolved.has_credentials || !resolved.scheme.starts_with("http"), "{:?} refused", address);
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
