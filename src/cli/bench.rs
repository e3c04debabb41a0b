//! Native timings of the pure pipeline on synthetic datasets of growing size: parse and validate,
//! filter, and build what the charts draw (series, breakdown). The browser benchmark
//! (`tests/e2e/bench.mjs`) measures the same steps in Chromium and adds fetching and repainting.

use std::fmt::Write as _;
use std::time::Instant;

use crate::cli::synth::synthetic;
use crate::domain::dataset::load::load_unlimited;
use crate::domain::dataset::model::Metric;
use crate::domain::explore::aggregate::{build_breakdown, build_series, BreakdownBy};
use crate::domain::explore::select::{select, Ignore};
use crate::domain::explore::view::ViewState;

fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples.get(samples.len() / 2).copied().unwrap_or(0.0)
}

fn time<T>(mut step: impl FnMut() -> T) -> (f64, T) {
    let started = Instant::now();
    let value = step();
    (started.elapsed().as_secs_f64() * 1000.0, value)
}

/// A Markdown table of median timings (milliseconds) for each size.
///
/// # Errors
/// A message when a synthetic dataset does not load, which would be a bug.
pub fn run(sizes: &[usize]) -> Result<String, String> {
    let mut out =
        String::from("| figures | JSON size | parse + validate | filter | series | breakdown |\n|---:|---:|---:|---:|---:|---:|\n");
    for &n in sizes {
        let text = serde_json::to_string(&synthetic(n)).map_err(|e| e.to_string())?;
        let runs = if n >= 100_000 { 3 } else { 7 };
        let mut parse_ms = Vec::new();
        let mut loaded = None;
        for _ in 0..runs {
            // Files above the app's size limit (which the app refuses) are parsed the same way, to
            // show how the core scales.
            let (ms, result) = time(|| load_unlimited(&text));
            parse_ms.push(ms);
            loaded = Some(result.map_err(|e| format!("synthetic dataset of {n} figures does not load: {e}"))?);
        }
        let dataset = loaded.map(|l| l.dataset).ok_or("no run")?;
        let state = ViewState::default_for(Some(&dataset));
        let (mut filter, mut series, mut breakdown) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..runs {
            let (ms, selected) = time(|| select(&dataset, &state.filter, Ignore::default()));
            filter.push(ms);
            series.push(time(|| build_series(&dataset, &selected)).0);
            let all = select(&dataset, &state.filter, Ignore { metrics: false, levels: true });
            breakdown.push(time(|| build_breakdown(&dataset, &all, Metric::MigrantsReturned, BreakdownBy::Country)).0);
        }
        let _ = writeln!(
            out,
            "| {n} | {:.1} MB | {:.1} ms | {:.2} ms | {:.2} ms | {:.2} ms |",
            text.len() as f64 / 1e6,
            median(parse_ms),
            median(filter),
            median(series),
            median(breakdown)
        );
    }
    Ok(out)
}
