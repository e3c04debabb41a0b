//! `eu-iom-data score DIR`: runs the release reader ([`crate::domain::release::extract`]) on
//! every `NAME.txt` of a folder and scores its proposals against `NAME.expected.json`, with
//! precision (matched proposals over all proposals) and recall (matched expected figures over
//! all expected figures). The invented corpus (`tests/fixtures/release-corpus/`) is scored by
//! the tests with it; real releases, which are not part of the project, only by this command.
//!
//! A sidecar lists the expected figures under `figures` (the corpus: metric, value, unit,
//! qualifier, optional period) or `must` (real texts: metric, value, qualifier), and may list
//! `never_values`, numbers of the text that are not figures. A proposal matches an expected
//! figure when metric and value agree, and the unit too where the sidecar gives one.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::cli::{read, Outcome};
use crate::domain::dataset::date::Date;
use crate::domain::dataset::model::{Metric, Qualifier, Unit};
use crate::domain::release::extract::{extract, Proposal};

/// A figure a release is expected to give, from its sidecar.
#[derive(Debug, Clone, PartialEq)]
pub struct ExpectedFigure {
    /// What is counted.
    pub metric: Metric,
    /// The value.
    pub value: f64,
    /// The unit, when the sidecar gives it.
    pub unit: Option<Unit>,
    /// The qualifier.
    pub qualifier: Qualifier,
    /// Start of the period, when the sidecar gives it (YYYY-MM-DD).
    pub period_start: Option<String>,
    /// End of the period, when the sidecar gives it.
    pub period_end: Option<String>,
}

/// What a sidecar expects of its release.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Expected {
    /// The figures.
    pub figures: Vec<ExpectedFigure>,
    /// Numbers of the text that must never be proposed.
    pub never_values: Vec<f64>,
}

/// A sidecar's metric: a metric id, or `countries` for countries covered (the research's reading
/// of "mis en œuvre dans 16 pays").
fn metric_of(id: &str) -> Option<Metric> {
    match id {
        "countries" => Some(Metric::CountriesCovered),
        id => Metric::from_id(id),
    }
}

/// Reads a sidecar (`NAME.expected.json`).
///
/// # Errors
/// A message naming the field when the file is not such a sidecar.
pub fn parse_expected(text: &str) -> Result<Expected, String> {
    let json: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let list = ["figures", "must"]
        .iter()
        .find_map(|key| json.get(key).and_then(Value::as_array))
        .ok_or("no \"figures\" or \"must\" list")?;
    let figures = list
        .iter()
        .map(|figure| {
            let text = |key: &str| figure.get(key).and_then(Value::as_str).map(str::to_string);
            let field = |key: &str| figure.get(key).and_then(Value::as_str).ok_or_else(|| format!("{figure}: no \"{key}\""));
            Ok(ExpectedFigure {
                metric: metric_of(field("metric")?).ok_or_else(|| format!("{figure}: unknown metric"))?,
                value: figure.get("value").and_then(Value::as_f64).ok_or_else(|| format!("{figure}: no numeric \"value\""))?,
                unit: match text("unit") {
                    Some(id) => Some(Unit::from_id(&id).ok_or_else(|| format!("{figure}: unknown unit"))?),
                    None => None,
                },
                qualifier: Qualifier::from_id(field("qualifier")?).ok_or_else(|| format!("{figure}: unknown qualifier"))?,
                period_start: text("period_start"),
                period_end: text("period_end"),
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let never_values = json
        .get("never_values")
        .and_then(Value::as_array)
        .map(|values| values.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default();
    Ok(Expected { figures, never_values })
}

/// A proposal matches an expected figure when metric, value and (if given) unit agree.
fn matches(proposal: &Proposal, expected: &ExpectedFigure) -> bool {
    proposal.metric == expected.metric
        && expected.unit.is_none_or(|unit| proposal.unit == unit)
        && (proposal.value - expected.value).abs() <= expected.value.abs() * 1e-6
}

/// The period fields the sidecar gives agree with the proposal's.
fn period_agrees(proposal: &Proposal, expected: &ExpectedFigure) -> bool {
    let agrees = |want: &Option<String>, got: Option<Date>| want.as_ref().is_none_or(|w| got.is_some_and(|g| g.to_string() == *w));
    agrees(&expected.period_start, proposal.period_start) && agrees(&expected.period_end, proposal.period_end)
}

/// The reader's score over some releases.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Score {
    /// Releases read.
    pub releases: usize,
    /// Expected figures.
    pub expected: usize,
    /// Proposals made.
    pub proposed: usize,
    /// Expected figures matched by a proposal (each proposal matches at most one).
    pub matched: usize,
    /// Matched pairs whose qualifiers agree.
    pub qualifier_agrees: usize,
    /// Matched pairs where the sidecar gives a period.
    pub dated: usize,
    /// Of those, pairs whose period agrees.
    pub period_agrees: usize,
    /// Proposals of a value the sidecar says is never a figure.
    pub never_proposed: usize,
    /// What went wrong, release by release.
    pub report: String,
}

impl Score {
    /// Matched proposals over all proposals (0 when nothing is proposed).
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.proposed)
    }

    /// Matched expected figures over all expected figures.
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.expected)
    }

    /// The totals, in two lines.
    pub fn summary(&self) -> String {
        format!(
            "{} releases, {} expected figures, {} proposals, {} matched: precision {:.3}, recall {:.3}\n\
             matched pairs: qualifier agrees {}/{}; period agrees {}/{} where the sidecar gives one; never-values proposed: {}\n",
            self.releases,
            self.expected,
            self.proposed,
            self.matched,
            self.precision(),
            self.recall(),
            self.qualifier_agrees,
            self.matched,
            self.period_agrees,
            self.dated,
            self.never_proposed
        )
    }

    /// Scores one release's text against what its sidecar expects, adding to the totals.
    pub fn add(&mut self, name: &str, text: &str, expected: &Expected) {
        let extraction = extract(text);
        let mut taken = vec![false; extraction.proposals.len()];
        let mut misses = Vec::new();
        for figure in &expected.figures {
            let pair = extraction.proposals.iter().enumerate().find(|(k, p)| !taken.get(*k).copied().unwrap_or(true) && matches(p, figure));
            match pair {
                Some((k, proposal)) => {
                    if let Some(slot) = taken.get_mut(k) {
                        *slot = true;
                    }
                    self.matched += 1;
                    self.qualifier_agrees += usize::from(proposal.qualifier == figure.qualifier);
                    if figure.period_start.is_some() || figure.period_end.is_some() {
                        self.dated += 1;
                        self.period_agrees += usize::from(period_agrees(proposal, figure));
                    }
                    if proposal.qualifier != figure.qualifier {
                        misses.push(format!(
                            "  qualifier {} for {} {} (expected {})",
                            proposal.qualifier.id(),
                            figure.metric.id(),
                            figure.value,
                            figure.qualifier.id()
                        ));
                    }
                }
                None => misses.push(format!("  missed    {} {} {}", figure.metric.id(), figure.value, figure.qualifier.id())),
            }
        }
        for (proposal, _) in extraction.proposals.iter().zip(&taken).filter(|(_, t)| !**t) {
            let never = expected.never_values.contains(&proposal.value);
            self.never_proposed += usize::from(never);
            misses.push(format!(
                "  {} {} {} {} ({:?})",
                if never { "never    " } else { "extra    " },
                proposal.metric.id(),
                proposal.value,
                proposal.unit.id(),
                proposal.number_text
            ));
        }
        self.releases += 1;
        self.proposed += extraction.proposals.len();
        self.expected += expected.figures.len();
        let _ = writeln!(
            self.report,
            "{name}: {} expected, {} proposed, {} matched",
            expected.figures.len(),
            extraction.proposals.len(),
            taken.iter().filter(|t| **t).count()
        );
        for miss in misses {
            let _ = writeln!(self.report, "{miss}");
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores every `NAME.txt` of `dir` that has a `NAME.expected.json` beside it, in name order.
///
/// # Errors
/// A message when the folder or a file cannot be read, a sidecar is not valid, or no release has one.
pub fn score_dir(dir: &Path) -> Result<Score, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut releases: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "txt") && sidecar(path).is_file())
        .collect();
    releases.sort();
    if releases.is_empty() {
        return Err(format!("{}: no NAME.txt with a NAME.expected.json beside it", dir.display()));
    }
    let mut score = Score::default();
    for release in &releases {
        let expected = parse_expected(&read(&sidecar(release))?).map_err(|e| format!("{}: {e}", sidecar(release).display()))?;
        let name = release.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        score.add(name, &read(release)?, &expected);
    }
    Ok(score)
}

fn sidecar(release: &Path) -> PathBuf {
    release.with_extension("expected.json")
}

/// `score <dir>`: prints what went wrong in each release, then precision and recall.
///
/// # Errors
/// As [`score_dir`].
pub fn run(dir: &Path) -> Result<Outcome, String> {
    let score = score_dir(dir)?;
    Ok(Outcome { output: format!("{}{}", score.report, score.summary()), success: true })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sidecar_of_either_form_is_read_and_scored() {
        let real = parse_expected(
            r#"{"must": [{"metric": "migrants_returned", "value": 150, "qualifier": "exact"},
                         {"metric": "countries", "value": 16, "qualifier": "exact"}], "never_values": [16, 2025]}"#,
        )
        .unwrap();
        assert_eq!(real.figures[1].metric, Metric::CountriesCovered);
        assert_eq!((real.figures[0].unit, real.never_values.clone()), (None, vec![16.0, 2025.0]));
        let mut score = Score::default();
        score.add("a.txt", "Le 16 septembre 2025, 150 migrants sont rentrés chez eux. Le programme couvre 16 pays.", &real);
        assert_eq!((score.expected, score.matched), (2, 2), "{}", score.report);
        assert_eq!((score.precision(), score.recall()), (1.0, 1.0));
        // A proposal of a value the sidecar rules out is counted, and is an extra.
        score.add(
            "b.txt",
            "Le 16e vol a ramené 16 migrants rentrés chez eux.",
            &Expected { figures: Vec::new(), never_values: vec![16.0] },
        );
        assert_eq!((score.proposed, score.never_proposed), (3, 1), "{}", score.report);
        assert!(score.report.contains("never     migrants_returned 16"), "{}", score.report);
        assert!(parse_expected(r#"{"must": [{"metric": "nonsense", "value": 1, "qualifier": "exact"}]}"#).is_err());
        assert!(parse_expected(r#"{"note": "nothing"}"#).is_err());
    }
}
