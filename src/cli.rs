//! The native data tool (`eu-iom-data`): checks dataset files and builds them from research,
//! using the same validation as the dashboard. Never compiled into the WebAssembly app.

pub mod compress;
pub mod csp;
pub mod import;
pub mod extract;
pub mod add;
pub mod bench;
pub mod import_map;
pub mod synth;

use std::fmt::Write as _;
use std::path::Path;

use crate::domain::dataset::date::Date;
use crate::domain::lang::Lang;
use crate::domain::dataset::load::load_dataset;

/// What a command printed and whether it succeeded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Text for standard output.
    pub output: String,
    /// True when the command did what was asked.
    pub success: bool,
}

/// How to call the tool.
pub const USAGE: &str = "\
usage: eu-iom-data <command> [arguments]

commands:
  check <dataset.json>
      validate a dataset file with the dashboard's own rules; lists every problem
      with its record and field; exit status 1 if any record is skipped or the file fails
  prerender <dist> <data.json>
      write the default view of the dataset into <dist>/index.html (before `csp`)
  csp <dist> [--frame-ancestors \"'self' https://intranet.example\"] [--connect https://data.example]
      after a release build: hash Trunk's inline loader, write the strict Content-Security-Policy
      into dist/index.html (meta) and example headers (dist/_headers, dist/nginx.conf.example),
      and fail if the built JavaScript evaluates strings (eval, new Function)
  compress <dist>
      after the csp step: write .gz (gzip -9) and .br (brotli 11) copies of every text and
      WebAssembly file of dist/ for hosts that serve them (nginx gzip_static, brotli_static)
  synth <n> --out <file.json>
      write a valid synthetic dataset of n figures (deterministic) for benchmarks
  bench-core [sizes...]
      time parsing, filtering and aggregation natively on synthetic datasets (default 1k to 1M)
  import-research <eu-iom-sources.json> <i18n-iso-countries/langs> --details-fr <metric-details.fr.json>
                  --compiled YYYY-MM-DD --out <dataset.json>
      convert the research file into the dataset format (see src/cli/import.rs)
  extract <release.txt> [--reviewable] [--source-id ID] [--url URL]
      read a press release (plain text, French or English) and print the figures it proposes
      as JSON, with their sentences; --reviewable prints a file to review and pass to add
  add <dataset.json> <reviewed.json>
      merge reviewed sources and figures into the dataset file; refuses (exit status 1, file
      unchanged) duplicates, leftover TODO placeholders and records the dashboard would skip
  import-map <world-atlas countries-50m.json> <i18n-iso-countries dir> --out <world-map.json>
      convert Natural Earth country shapes into the dashboard's map file (see src/cli/import_map.rs)
";

/// Runs one command.
///
/// # Errors
/// A message for the user when the arguments or files are wrong.
pub fn run(args: &[String]) -> Result<Outcome, String> {
    match args.first().map(String::as_str) {
        Some("check") => match args.get(1) {
            Some(path) => check(Path::new(path)),
            None => Err(USAGE.into()),
        },
        Some("import-research") => import_research(args.get(1..).unwrap_or_default()),
        Some("csp") => secure_dist(args.get(1..).unwrap_or_default()),
        Some("prerender") => match (args.get(1), args.get(2)) {
            (Some(dist), Some(data)) => prerender(Path::new(dist), Path::new(data)),
            _ => Err(USAGE.into()),
        },
        Some("compress") => match args.get(1) {
            Some(dist) => compress::compress_dist(Path::new(dist)).map(|entries| Outcome { output: compress::report(&entries), success: true }),
            None => Err(USAGE.into()),
        },
        Some("synth") => synthesize(args.get(1..).unwrap_or_default()),
        Some("bench-core") => {
            let sizes: Vec<usize> = args.get(1..).unwrap_or_default().iter().filter_map(|a| a.parse().ok()).collect();
            let sizes = if sizes.is_empty() { vec![1_000, 10_000, 100_000, 1_000_000] } else { sizes };
            bench::run(&sizes).map(|output| Outcome { output, success: true })
        }
        Some("import-map") => import_map::run(args.get(1..).unwrap_or_default()),
        Some("extract") => extract::run(args.get(1..).unwrap_or_default()),
        Some("add") => add::run(args.get(1..).unwrap_or_default()),
        Some("help" | "--help" | "-h") => Ok(Outcome { output: USAGE.into(), success: true }),
        _ => Err(USAGE.into()),
    }
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn option<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).map(String::as_str)
}

/// `check`: loads a dataset and reports every problem.
fn check(path: &Path) -> Result<Outcome, String> {
    let text = read(path)?;
    let mut output = String::new();
    match load_dataset(&text) {
        Ok(loaded) => {
            let dataset = &loaded.dataset;
            for issue in &loaded.issues {
                let _ = writeln!(output, "{}", issue.message(Lang::En));
            }
            let _ = writeln!(
                output,
                "{}: {} sources, {} figures, {} documented disagreements; {} records skipped, {} repaired",
                path.display(),
                dataset.sources().len(),
                dataset.figures().len(),
                dataset.disagreements().len(),
                loaded.n_skipped(),
                loaded.issues.len() - loaded.n_skipped()
            );
            Ok(Outcome { output, success: loaded.n_skipped() == 0 })
        }
        Err(error) => {
            let _ = writeln!(output, "{}: {}", path.display(), error.message(Lang::En));
            Ok(Outcome { output, success: false })
        }
    }
}

/// `import-research`: writes the dataset built from the research file.
fn import_research(args: &[String]) -> Result<Outcome, String> {
    let (Some(research), Some(langs)) = (args.first(), args.get(1)) else { return Err(USAGE.into()) };
    let compiled = option(args, "--compiled").ok_or_else(|| USAGE.to_string())?;
    let compiled = Date::parse_iso(compiled).map_err(|e| format!("--compiled: {e}"))?;
    let out = option(args, "--out").ok_or_else(|| USAGE.to_string())?;
    let research = import::parse_research(&read(Path::new(research))?).map_err(|e| e.to_string())?;
    let langs = Path::new(langs);
    let names = import::parse_country_names(&read(&langs.join("en.json"))?, &read(&langs.join("fr.json"))?)
        .map_err(|e| e.to_string())?;
    let details_fr = option(args, "--details-fr").ok_or_else(|| USAGE.to_string())?;
    let details_fr = import::parse_french_details(&read(Path::new(details_fr))?).map_err(|e| e.to_string())?;
    let raw = import::import_research(&research, &names, &details_fr, compiled).map_err(|e| e.to_string())?;
    let text = raw.to_pretty_json().map_err(|e| e.to_string())?;
    // The result must pass the dashboard's own validation before it is written.
    let loaded = load_dataset(&text).map_err(|e| format!("the converted dataset does not load: {e}"))?;
    if !loaded.issues.is_empty() {
        let list: Vec<String> = loaded.issues.iter().map(|i| i.to_string()).collect();
        return Err(format!("the converted dataset has problems:\n{}", list.join("\n")));
    }
    std::fs::write(out, text).map_err(|e| format!("cannot write {out}: {e}"))?;
    Ok(Outcome {
        output: format!(
            "wrote {out}: {} sources, {} figures, {} disagreements\n",
            raw.sources.len(),
            raw.figures.len(),
            raw.disagreements.len()
        ),
        success: true,
    })
}

/// `prerender`: writes the default view of a dataset into a built `index.html` (see
/// [`crate::prerender`]).
fn prerender(dist: &Path, data: &Path) -> Result<Outcome, String> {
    let bytes = std::fs::read(data).map_err(|e| format!("cannot read {}: {e}", data.display()))?;
    let text = String::from_utf8(bytes).map_err(|_| format!("{} is not UTF-8", data.display()))?;
    let loaded = crate::domain::dataset::load::load_dataset(&text).map_err(|e| format!("{}: {e}", data.display()))?;
    let fingerprint = crate::domain::dataset::fingerprint::fingerprint(text.as_bytes());
    let index = dist.join("index.html");
    let html = read(&index)?;
    let snapshot = crate::prerender::Snapshot { dataset: &loaded.dataset, fingerprint: &fingerprint };
    let page = crate::prerender::insert(&html, &snapshot).map_err(|e| format!("{}: {e}", index.display()))?;
    std::fs::write(&index, &page).map_err(|e| format!("cannot write {}: {e}", index.display()))?;
    Ok(Outcome { output: format!("pre-rendered the default view into {} ({} bytes, data {fingerprint})\n", index.display(), page.len()), success: true })
}

/// `csp`: secures a release build (see [`csp`]).
fn secure_dist(args: &[String]) -> Result<Outcome, String> {
    let Some(dist) = args.first() else { return Err(USAGE.into()) };
    let ancestors = option(args, "--frame-ancestors").unwrap_or("'self'");
    let connect: Vec<String> = option(args, "--connect").map(|c| c.split_whitespace().map(str::to_string).collect()).unwrap_or_default();
    match csp::secure_dist(Path::new(dist), &connect, ancestors) {
        Ok(policy) => Ok(Outcome { output: format!("Content-Security-Policy: {policy}\n"), success: true }),
        Err(error) => Ok(Outcome { output: format!("{error}\n"), success: false }),
    }
}

/// `synth`: writes a synthetic dataset.
fn synthesize(args: &[String]) -> Result<Outcome, String> {
    let n: usize = args.first().and_then(|n| n.parse().ok()).ok_or_else(|| USAGE.to_string())?;
    let out = option(args, "--out").ok_or_else(|| USAGE.to_string())?;
    let text = serde_json::to_string(&synth::synthetic(n)).map_err(|e| e.to_string())?;
    std::fs::write(out, &text).map_err(|e| format!("cannot write {out}: {e}"))?;
    Ok(Outcome { output: format!("wrote {out}: {n} figures, {} bytes\n", text.len()), success: true })
}
