//! The reader scored on a corpus of releases written for the tests
//! (`tests/fixtures/release-corpus/`): precision and recall, printed, and a floor both must reach.

use crate::common;
use crate::extract::{assert_spans, SEED};

use std::path::PathBuf;

use eu_iom_dashboard::cli;
use eu_iom_dashboard::domain::dataset::date::Date;
use eu_iom_dashboard::domain::dataset::model::{Metric, Qualifier, Unit};
use eu_iom_dashboard::domain::release::extract::{extract, Proposal};
use serde_json::Value;

const CORPUS: &str = "tests/fixtures/release-corpus";

/// The lowest precision and recall the reader may have over the corpus.
const FLOOR: f64 = 0.95;

/// A figure a release is expected to give, from its `.expected.json` sidecar.
#[derive(Debug)]
struct ExpectedFigure {
    metric: Metric,
    value: f64,
    unit: Unit,
    qualifier: Qualifier,
    period_start: Option<String>,
    period_end: Option<String>,
}

fn expected_figures(sidecar: &str) -> Vec<ExpectedFigure> {
    let json: Value = serde_json::from_str(&common::read(sidecar)).unwrap_or_else(|e| panic!("{sidecar}: {e}"));
    let text = |figure: &Value, key: &str| figure[key].as_str().map(str::to_string);
    json["figures"]
        .as_array()
        .unwrap_or_else(|| panic!("{sidecar}: no figures"))
        .iter()
        .map(|figure| ExpectedFigure {
            metric: Metric::from_id(figure["metric"].as_str().unwrap_or_default()).unwrap_or_else(|| panic!("{sidecar}: {figure}")),
            value: figure["value"].as_f64().unwrap_or_else(|| panic!("{sidecar}: {figure}")),
            unit: Unit::from_id(figure["unit"].as_str().unwrap_or_default()).unwrap_or_else(|| panic!("{sidecar}: {figure}")),
            qualifier: Qualifier::from_id(figure["qualifier"].as_str().unwrap_or_default())
                .unwrap_or_else(|| panic!("{sidecar}: {figure}")),
            period_start: text(figure, "period_start"),
            period_end: text(figure, "period_end"),
        })
        .collect()
}

/// A proposal matches an expected figure when metric, unit and value agree.
fn matches(proposal: &Proposal, expected: &ExpectedFigure) -> bool {
    proposal.metric == expected.metric
        && proposal.unit == expected.unit
        && (proposal.value - expected.value).abs() <= expected.value.abs() * 1e-6
}

/// The period fields the sidecar gives agree with the proposal's.
fn period_agrees(proposal: &Proposal, expected: &ExpectedFigure) -> bool {
    let agrees = |want: &Option<String>, got: Option<Date>| want.as_ref().is_none_or(|w| got.is_some_and(|g| g.to_string() == *w));
    agrees(&expected.period_start, proposal.period_start) && agrees(&expected.period_end, proposal.period_end)
}

#[test]
fn the_corpus_is_read_with_high_precision_and_recall() {
    let mut releases: Vec<PathBuf> = std::fs::read_dir(common::path(CORPUS))
        .expect("the corpus folder")
        .map(|entry| entry.expect("a corpus entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    releases.sort();
    assert!(releases.len() >= 12, "the corpus has {} releases", releases.len());
    let (mut proposed, mut expected_total, mut matched) = (0usize, 0usize, 0usize);
    let (mut qualifier_agrees, mut dated, mut period_agreements) = (0usize, 0usize, 0usize);
    let mut report = String::new();
    for release in &releases {
        let name = release.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        let text = std::fs::read_to_string(release).expect("a corpus release");
        let sidecar = format!("{CORPUS}/{}.expected.json", name.trim_end_matches(".txt"));
        let expected = expected_figures(&sidecar);
        let extraction = extract(&text);
        assert_spans(&text, &extraction);
        let mut taken = vec![false; extraction.proposals.len()];
        let mut misses = Vec::new();
        for figure in &expected {
            let pair = extraction.proposals.iter().enumerate().find(|(k, p)| !taken[*k] && matches(p, figure));
            match pair {
                Some((k, proposal)) => {
                    taken[k] = true;
                    matched += 1;
                    qualifier_agrees += usize::from(proposal.qualifier == figure.qualifier);
                    if figure.period_start.is_some() || figure.period_end.is_some() {
                        dated += 1;
                        period_agreements += usize::from(period_agrees(proposal, figure));
                    }
                    if proposal.qualifier != figure.qualifier {
                        misses.push(format!(
                            "  qualifier {:?} for {:?} {} (expected {:?})",
                            proposal.qualifier, figure.metric, figure.value, figure.qualifier
                        ));
                    }
                }
                None => misses.push(format!("  missed    {:?} {} {:?} {:?}", figure.metric, figure.value, figure.unit, figure.qualifier)),
            }
        }
        for (proposal, _) in extraction.proposals.iter().zip(&taken).filter(|(_, t)| !**t) {
            misses.push(format!("  extra     {:?} {} {:?} ({:?})", proposal.metric, proposal.value, proposal.unit, proposal.number_text));
        }
        proposed += extraction.proposals.len();
        expected_total += expected.len();
        if !misses.is_empty() {
            report.push_str(&format!("{name}\n{}\n", misses.join("\n")));
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let precision = ratio(matched, proposed);
    let recall = ratio(matched, expected_total);
    println!("{report}");
    println!(
        "corpus: {} releases, {expected_total} expected figures, {proposed} proposals, {matched} matched: precision {precision:.3}, recall {recall:.3}",
        releases.len()
    );
    println!(
        "matched pairs: qualifier agrees {qualifier_agrees}/{matched}; period agrees {period_agreements}/{dated} where the corpus gives one"
    );
    assert!(precision >= FLOOR && recall >= FLOOR, "precision {precision:.3}, recall {recall:.3}, floor {FLOOR}\n{report}");
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
