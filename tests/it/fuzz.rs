//! Property-based fuzzing of everything that reads outside input: the URL-state parser, the
//! dataset loaders (JSON and CSV) and the release extractor. A short, bounded run is part of
//! `cargo test`; for a longer one: `PROPTEST_CASES=20000 cargo test --release --test it fuzz::`.

use crate::common;

use std::sync::OnceLock;

use eu_iom_dashboard::domain::dataset::csv_import::load_csv;
use eu_iom_dashboard::domain::release::extract::extract;
use eu_iom_dashboard::domain::dataset::load::load_dataset;
use eu_iom_dashboard::domain::dataset::model::Dataset;
use eu_iom_dashboard::domain::explore::view::{from_query, to_query};
use proptest::prelude::*;

fn real_text() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| common::read("public/data/eu-iom-figures.json"))
}

fn real_dataset() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| common::real_dataset().dataset)
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
        Just("v"), Just("view"), Just("metric"), Just("programme"), Just("region"), Just("country"), Just("level"),
        Just("from"), Just("to"), Just("publisher"), Just("sort"), Just("by"), Just("corder"), Just("lang"),
        Just("theme"), Just("embed"), Just("eid"), Just("plain"), Just("data"), Just("zzz"), Just("")
    ];
    let value = prop_oneof![
        Just("all".to_string()), Just("migrants_returned,projects".to_string()), Just("LY,NE,zz".to_string()),
        Just("2015".to_string()), Just("99999".to_string()), Just("value-asc".to_string()), Just("fr".to_string()),
        Just("%E2%82%AC".to_string()), Just("%".to_string()), Just("%ZZ".to_string()), ".{0,12}".prop_map(|s| s),
    ];
    prop::collection::vec((key, value), 0..12)
        .prop_map(|pairs| pairs.into_iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn url_parsing_never_fails_and_its_output_round_trips(query in query_strategy()) {
        let (state, _) = from_query(&query, Some(real_dataset()));
        let written = to_query(&state);
        let (again, notices) = from_query(&written, Some(real_dataset()));
        prop_assert_eq!(&again, &state);
        prop_assert!(notices.is_empty(), "{:?}", notices);
    }

    #[test]
    fn url_parsing_survives_any_text(query in "\\PC{0,200}") {
        let (state, _) = from_query(&query, None);
        prop_assert_eq!(from_query(&to_query(&state), None).0, state);
    }

    #[test]
    fn the_loaders_survive_any_text(text in "\\PC{0,400}") {
        if let Ok(loaded) = load_dataset(&text) {
            assert_consistent(&loaded.dataset);
        }
        if let Ok(loaded) = load_csv(&text) {
            assert_consistent(&loaded.dataset);
        }
    }

    #[test]
    fn the_csv_loader_survives_mangled_rows(rows in prop::collection::vec(prop::collection::vec("[a-z0-9_,\" .:/-]{0,12}", 0..34), 0..6)) {
        let header = eu_iom_dashboard::domain::dataset::csv_import::CSV_COLUMNS.join(",");
        let body: Vec<String> = rows.iter().map(|r| r.join(",")).collect();
        let text = format!("{header}\n{}", body.join("\n"));
        if let Ok(loaded) = load_csv(&text) {
            assert_consistent(&loaded.dataset);
        }
    }

    #[test]
    fn the_extractor_survives_any_text(text in "\\PC{0,600}") {
        let extraction = extract(&text);
        for proposal in &extraction.proposals {
            prop_assert!(proposal.value.is_finite());
        }
    }
}

proptest! {
    // Each case parses the whole 160 KB file, so this property runs fewer cases.
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

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
