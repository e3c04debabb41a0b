//! The corpus of bad datasets in `tests/fixtures/bad-data/`: each gives a specific, readable
//! message (in English and French), records that are fine still load, and nothing panics.

use crate::common;

use eu_iom_dashboard::domain::dataset::issue::LoadError;
use eu_iom_dashboard::domain::dataset::json::FileError;
use eu_iom_dashboard::domain::dataset::load::{load_dataset, MAX_BYTES};
use eu_iom_dashboard::domain::lang::Lang;

/// What a file must give.
enum Expect {
    /// Refused as a whole, with a message containing this text.
    Fatal(&'static str),
    /// Loaded with this many figures, and an issue message containing each text.
    Partial(usize, &'static [&'static str]),
}

use Expect::{Fatal, Partial};

const CASES: &[(&str, Expect)] = &[
    ("00-valid-base.json", Partial(3, &[])),
    ("01-empty.json", Fatal("the data file is empty")),
    ("02-whitespace-only.json", Fatal("the data file is empty")),
    ("03-html-page.json", Fatal("not valid JSON (line 1, column 1")),
    ("04-truncated.json", Fatal("not valid JSON")),
    ("05-trailing-comma.json", Fatal("trailing comma")),
    ("06-top-level-array.json", Fatal("expected a JSON object")),
    ("07-top-level-string.json", Fatal("expected a JSON object")),
    ("08-null.json", Fatal("expected a JSON object")),
    ("09-no-schema.json", Fatal("does not declare its schema")),
    ("10-other-schema.json", Fatal("of another kind (schema \"geojson/FeatureCollection\")")),
    ("11-schema-version-2.json", Fatal("schema version 2, which this version of the dashboard cannot read")),
    ("12-schema-version-as-text.json", Fatal("schema version \"1\"")),
    ("13-no-schema-version.json", Fatal("schema version (none)")),
    ("14-no-sources.json", Fatal("expected a \"sources\" list")),
    ("15-figures-not-a-list.json", Fatal("expected a \"figures\" list")),
    ("16-no-figures.json", Fatal("no usable figures in the data file (0 records skipped)")),
    ("17-every-figure-bad.json", Fatal("no usable figures in the data file (3 records skipped)")),
    (
        "18-missing-fields.json",
        Partial(
            1,
            &["figures[0] \"f1\": field \"value\" is missing (skipped)", "figures[1] \"f2\": field \"metric\" is missing (skipped)"],
        ),
    ),
    ("19-wrong-types.json", Partial(1, &["field \"value\" should be a number", "field \"period_end\" should be a date (YYYY-MM-DD)"])),
    ("20-nan-literal.json", Fatal("not valid JSON")),
    ("21-nan-as-text.json", Partial(2, &["value is not a finite number"])),
    ("22-infinite-number.json", Fatal("number out of range")),
    ("23-negative-value.json", Partial(2, &["value is negative (-84000)"])),
    ("24-implausibly-huge-value.json", Partial(2, &["value is implausibly large (1e20)"])),
    ("25-unknown-metric.json", Partial(2, &["unknown metric \"migrants_teleported\""])),
    ("26-dangling-source.json", Partial(2, &["source refers to \"s99\", which does not exist"])),
    ("27-duplicate-figure-id.json", Partial(2, &["id \"f1\" is used twice"])),
    ("28-duplicate-source-id.json", Partial(1, &["id \"s1\" is used twice", "source refers to \"s2\", which does not exist"])),
    ("29-impossible-date.json", Partial(2, &["period_end \"2019-02-30\": no such day in the calendar"])),
    ("30-period-ends-before-it-starts.json", Partial(2, &["the period ends before it starts"])),
    ("31-html-and-script-in-text.json", Partial(3, &[])),
    ("32-javascript-url.json", Partial(2, &["url \"javascript:alert(document.cookie)\" is not an http(s) address"])),
    ("33-unknown-country.json", Partial(2, &["country refers to \"Libya\", which does not exist"])),
    ("34-unknown-qualifier.json", Partial(2, &["unknown qualifier \"roughly\""])),
    ("35-date-in-other-format.json", Partial(1, &["date \"16/12/2021\": not a date of the form YYYY-MM-DD"])),
    ("36-deeply-nested.json", Fatal("recursion limit exceeded")),
    ("37-byte-order-mark.json", Partial(3, &[])),
    ("38-figure-is-not-an-object.json", Partial(3, &["figures[0]: field \"\" should be an object (skipped)"])),
    ("39-unknown-publisher-kind.json", Partial(2, &["unknown publisher_kind \"blog\""])),
    ("40-unknown-region.json", Partial(2, &["regions refers to \"atlantis\", which does not exist"])),
];

#[test]
fn the_corpus_is_complete() {
    let files = std::fs::read_dir(common::path("tests/fixtures/bad-data")).unwrap().count();
    assert_eq!(files, CASES.len(), "every file has an expectation and every expectation a file");
    assert!(CASES.iter().filter(|(name, _)| !name.starts_with("00")).count() >= 30);
}

#[test]
fn every_bad_dataset_gives_a_specific_readable_message() {
    for (name, expect) in CASES {
        let text = common::read(&format!("tests/fixtures/bad-data/{name}"));
        let outcome = std::panic::catch_unwind(|| load_dataset(&text));
        let Ok(outcome) = outcome else { panic!("{name}: loading panicked") };
        match (expect, outcome) {
            (Fatal(expected), Err(error)) => {
                let message = error.message(Lang::En);
                assert!(message.contains(expected), "{name}: {message:?} should contain {expected:?}");
                assert_ne!(error.message(Lang::Fr), message, "{name}: the French message is French");
            }
            (Partial(n, expected), Ok(loaded)) => {
                assert_eq!(loaded.dataset.figures().len(), *n, "{name}: figures still loading");
                let messages: Vec<String> = loaded.issues.iter().map(|i| i.message(Lang::En)).collect();
                for text in *expected {
                    assert!(messages.iter().any(|m| m.contains(text)), "{name}: no issue says {text:?} in {messages:#?}");
                }
                if expected.is_empty() {
                    assert!(messages.is_empty(), "{name}: unexpected issues {messages:#?}");
                }
            }
            (Fatal(expected), Ok(_)) => panic!("{name}: loaded, but should fail with {expected:?}"),
            (Partial(..), Err(error)) => panic!("{name}: failed with {error}, but should load partly"),
        }
    }
}

#[test]
fn a_fifty_megabyte_file_is_refused_before_parsing() {
    let text = format!("{{\"padding\": \"{}\"}}", "x".repeat(50_000_000));
    let error = load_dataset(&text).unwrap_err();
    assert!(matches!(error, LoadError::File(FileError::TooLarge { limit: MAX_BYTES, .. })));
    assert_eq!(error.message(Lang::En), "the data file is too large (50 MB; the limit is 48 MB)");
}

#[test]
fn text_from_data_stays_text() {
    let loaded = load_dataset(&common::read("tests/fixtures/bad-data/31-html-and-script-in-text.json")).unwrap();
    let source = &loaded.dataset.sources()[0];
    assert!(source.title().starts_with("<img src=x"), "kept verbatim, to be shown as text");
}
