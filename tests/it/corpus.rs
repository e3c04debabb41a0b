//! The reader scored on a corpus of releases written for the tests
//! (`tests/fixtures/release-corpus/`) by `eu-iom-data score`'s own code: precision and recall,
//! printed, and a floor both must reach.

use crate::common;
use crate::extract::{assert_spans, SEED};

use eu_iom_dashboard::cli;
use eu_iom_dashboard::cli::score::score_dir;
use eu_iom_dashboard::domain::release::extract::extract;
use serde_json::Value;

const CORPUS: &str = "tests/fixtures/release-corpus";

/// The lowest precision and recall the reader may have over the corpus.
const FLOOR: f64 = 0.95;

#[test]
fn the_corpus_is_read_with_high_precision_and_recall() {
    let score = score_dir(&common::path(CORPUS)).expect("the corpus scores");
    assert!(score.releases >= 12, "the corpus has {} releases", score.releases);
    for entry in std::fs::read_dir(common::path(CORPUS)).expect("the corpus folder") {
        let path = entry.expect("a corpus entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).expect("a corpus release");
            assert_spans(&text, &extract(&text));
        }
    }
    println!("{}{}", score.report, score.summary());
    let (precision, recall) = (score.precision(), score.recall());
    assert!(precision >= FLOOR && recall >= FLOOR, "precision {precision:.3}, recall {recall:.3}, floor {FLOOR}\n{}", score.report);
}

/// The command prints the same score as the test computes, and refuses a folder without sidecars.
#[test]
fn the_score_command_prints_precision_and_recall() {
    let outcome = cli::run(&["score".to_string(), common::path(CORPUS).display().to_string()]).unwrap();
    assert!(outcome.success);
    let score = score_dir(&common::path(CORPUS)).unwrap();
    assert!(outcome.output.ends_with(&score.summary()), "{}", outcome.output);
    assert!(outcome.output.contains(&format!("precision {:.3}, recall {:.3}", score.precision(), score.recall())));
    let error = cli::run(&["score".to_string(), common::path("tests/fixtures/seeds").display().to_string()]).unwrap_err();
    assert!(error.contains("no NAME.txt with a NAME.expected.json"), "{error}");
}

#[test]
fn the_extract_command_prints_json() {
    let outcome = cli::run(&["extract".to_string(), common::path(SEED).display().to_string()]).unwrap();
    assert!(outcome.success);
    let json: Value = serde_json::from_str(&outcome.output).unwrap();
    assert_eq!(json["release"]["unique_id"], "201013_8");
    assert_eq!(json["proposals"].as_array().unwrap().len(), 6);
    assert_eq!(json["proposals"][1]["value"], 1_880_000_000.0);
    assert_eq!(json["proposals"][1]["unit"], "eur");
    assert!(cli::run(&["extract".to_string()]).is_err());
    assert!(cli::run(&["extract".to_string(), "a.txt".to_string(), "--nonsense".to_string()]).is_err());
}
