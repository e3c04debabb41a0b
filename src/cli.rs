//! The native data tool (`eu-iom-data`), with the same validation as the dashboard; never
//! compiled into the WebAssembly app. Its commands: `check` a dataset file; the release build's
//! steps `prerender`, `publish`, `csp` and `compress`; `import-research`, `extract` and `add` to
//! build the dataset from research and releases; `import-map` for the country shapes; `synth`
//! and `bench-core` for the benchmarks.

pub mod dist;
pub mod import;
pub mod extract;
pub mod score;
pub mod add;
pub mod bench;
pub mod import_map;
pub mod synth;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use clap::error::ErrorKind;
use clap::{Parser, Subcommand};

use crate::domain::dataset::date::Date;
use crate::domain::dataset::load::load_dataset;
use crate::domain::lang::Lang;
use crate::site::publish;

/// What a command printed and whether it succeeded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Text for standard output.
    pub output: String,
    /// True when the command did what was asked.
    pub success: bool,
}

/// The data tool's command line: one parser for every command, which also writes `--help`.
#[derive(Debug, Parser)]
#[command(
    name = "eu-iom-data",
    about = "The EU–IOM dashboard's data tool: checks dataset files and builds them, with the dashboard's own validation",
    arg_required_else_help = true
)]
struct Tool {
    #[command(subcommand)]
    command: Command,
}

/// The commands, each with its arguments.
#[derive(Debug, Subcommand)]
enum Command {
    /// Validate a dataset file with the dashboard's own rules
    ///
    /// Lists every problem with its record and field; exit status 1 if any record is skipped or
    /// the file fails.
    Check {
        /// The dataset file
        #[arg(value_name = "dataset.json")]
        dataset: PathBuf,
    },
    /// Write the default view of the dataset into <dist>/index.html (before csp)
    Prerender {
        /// The release build's directory
        #[arg(value_name = "dist")]
        dist: PathBuf,
        /// The dataset file the build ships
        #[arg(value_name = "data.json")]
        data: PathBuf,
    },
    /// After prerender: write the metadata, social preview and service worker of a release build
    ///
    /// Writes the page's title, description, social tags and schema.org Dataset JSON-LD,
    /// data/catalog.jsonld (DCAT-AP), data/eu-iom-figures.csv with data/datapackage.json and
    /// preview.png, and stamps sw.js with the build id and its files (or turns it off).
    Publish {
        /// The release build's directory
        #[arg(value_name = "dist")]
        dist: PathBuf,
        /// The dataset file the build ships
        #[arg(value_name = "data.json")]
        data: PathBuf,
        /// The site's public address (https://…/) for absolute addresses and the preview image tags; empty: none
        #[arg(long, value_name = "URL", default_value = "", value_parser = parse_site_url)]
        site_url: SiteUrl,
        /// Whether the service worker keeps the dashboard usable offline
        #[arg(long, value_name = "on|off", default_value = "on", value_parser = parse_switch, action = clap::ArgAction::Set)]
        service_worker: bool,
    },
    /// After a release build: write the strict Content-Security-Policy into it
    ///
    /// Hashes Trunk's inline loader, writes the policy into dist/index.html (meta) and example
    /// headers (dist/_headers, dist/nginx.conf.example), and fails if the built JavaScript
    /// evaluates strings (eval, new Function).
    Csp {
        /// The release build's directory
        #[arg(value_name = "dist")]
        dist: PathBuf,
        /// Who may frame the dashboard (frame-ancestors), e.g. "'self' https://intranet.example"
        #[arg(long, value_name = "SOURCES", default_value = "'self'")]
        frame_ancestors: String,
        /// Other origins datasets may be fetched from (connect-src), space-separated
        #[arg(long, value_name = "ORIGINS", default_value = "")]
        connect: String,
    },
    /// After the csp step: write .gz and .br copies of dist/'s files for hosts that serve them
    ///
    /// Writes .gz (gzip -9) and .br (brotli 11) copies of every text and WebAssembly file of
    /// dist/ for hosts that serve them (nginx gzip_static, brotli_static). A copy already there
    /// that decodes to its file's bytes is kept, so a rebuild recompresses only what changed.
    Compress {
        /// The release build's directory
        #[arg(value_name = "dist")]
        dist: PathBuf,
        /// Another build of the same code: a copy there of the same file is taken when it decodes to this build's bytes
        #[arg(long, value_name = "DIR")]
        reuse: Option<PathBuf>,
    },
    /// Write a valid synthetic dataset of n figures (deterministic) for benchmarks
    Synth {
        /// How many figures
        n: usize,
        /// The file to write
        #[arg(long, value_name = "file.json")]
        out: PathBuf,
    },
    /// Time parsing, filtering and aggregation natively on synthetic datasets
    BenchCore {
        /// Dataset sizes in figures (default 1000 10000 100000 1000000)
        sizes: Vec<usize>,
    },
    /// Convert the research file into the dataset format (see src/cli/import.rs)
    ImportResearch {
        /// The research file
        #[arg(value_name = "eu-iom-sources.json")]
        research: PathBuf,
        /// The `langs` directory of the npm package i18n-iso-countries
        #[arg(value_name = "i18n-iso-countries/langs")]
        langs: PathBuf,
        /// The reviewed French wording of what each figure counts
        #[arg(long, value_name = "metric-details.fr.json")]
        details_fr: PathBuf,
        /// The date the dataset is compiled on
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        compiled: Date,
        /// The dataset file to write
        #[arg(long, value_name = "dataset.json")]
        out: PathBuf,
    },
    /// Read a press release and print the figures it proposes, as JSON with their sentences
    ///
    /// The release is plain text, French or English; --reviewable prints a file to review and
    /// pass to add.
    Extract {
        /// The release's text (UTF-8)
        #[arg(value_name = "release.txt")]
        release: PathBuf,
        /// Print the file to review for add instead of the full extraction
        #[arg(long)]
        reviewable: bool,
        /// The new source's id in the reviewable file
        #[arg(long, value_name = "ID")]
        source_id: Option<String>,
        /// The release's address in the reviewable file
        #[arg(long, value_name = "URL")]
        url: Option<String>,
    },
    /// Score the release reader on a folder of releases: precision and recall against their sidecars
    ///
    /// Reads every NAME.txt that has a NAME.expected.json beside it, prints what the reader
    /// missed or proposed wrongly in each, then precision and recall over all of them.
    Score {
        /// The folder of releases
        #[arg(value_name = "dir")]
        dir: PathBuf,
    },
    /// Merge reviewed sources and figures into the dataset file
    ///
    /// Refuses (exit status 1, file unchanged) duplicates, leftover TODO placeholders and records
    /// the dashboard would skip.
    Add {
        /// The dataset file to add to
        #[arg(value_name = "dataset.json")]
        dataset: PathBuf,
        /// The reviewed file (from extract --reviewable)
        #[arg(value_name = "reviewed.json")]
        reviewed: PathBuf,
    },
    /// Convert Natural Earth country shapes into the dashboard's map file (see src/cli/import_map.rs)
    ImportMap {
        /// world-atlas's countries-50m.json
        #[arg(value_name = "countries-50m.json")]
        topology: PathBuf,
        /// The directory of the npm package i18n-iso-countries
        #[arg(value_name = "i18n-iso-countries dir")]
        i18n: PathBuf,
        /// The map file to write
        #[arg(long, value_name = "world-map.json")]
        out: PathBuf,
    },
}

/// A checked `--site-url` (see [`publish::site_url`]).
#[derive(Debug, Clone)]
struct SiteUrl(Option<String>);

fn parse_site_url(text: &str) -> Result<SiteUrl, String> {
    publish::site_url(text).map(SiteUrl)
}

fn parse_switch(text: &str) -> Result<bool, String> {
    match text {
        "on" => Ok(true),
        "off" => Ok(false),
        other => Err(format!("on or off, not {other:?}")),
    }
}

fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse_iso(text).map_err(|e| e.to_string())
}

/// Runs one command; `--help` (of the tool or of a command) succeeds with the help as output.
///
/// # Errors
/// A message for the user, with the usage, when the arguments are wrong; a message when a file
/// cannot be read or written.
pub fn run(args: &[String]) -> Result<Outcome, String> {
    let tool = match Tool::try_parse_from(std::iter::once("eu-iom-data").chain(args.iter().map(String::as_str))) {
        Ok(tool) => tool,
        Err(error) if matches!(error.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            return Ok(Outcome { output: error.to_string(), success: true })
        }
        Err(error) => return Err(error.to_string().trim_end().to_string()),
    };
    match tool.command {
        Command::Check { dataset } => check(&dataset),
        Command::Prerender { dist, data } => dist::prerender(&dist, &data).map(|output| Outcome { output, success: true }),
        Command::Publish { dist, data, site_url, service_worker } => {
            let options = publish::Options { site_url: site_url.0, service_worker };
            Ok(match dist::publish_dist(&dist, &data, &options) {
                Ok(output) => Outcome { output, success: true },
                Err(error) => Outcome { output: format!("{error}\n"), success: false },
            })
        }
        Command::Csp { dist, frame_ancestors, connect } => secure_dist(&dist, &frame_ancestors, &connect),
        Command::Compress { dist, reuse } => dist::compress_dist(&dist, reuse.as_deref())
            .map(|entries| Outcome { output: crate::site::compress::report(&entries), success: true }),
        Command::Synth { n, out } => synthesize(n, &out),
        Command::BenchCore { sizes } => {
            let sizes = if sizes.is_empty() { vec![1_000, 10_000, 100_000, 1_000_000] } else { sizes };
            bench::run(&sizes).map(|output| Outcome { output, success: true })
        }
        Command::ImportResearch { research, langs, details_fr, compiled, out } => {
            import_research(&research, &langs, &details_fr, compiled, &out)
        }
        Command::Extract { release, reviewable, source_id, url } => {
            extract::run(&release, reviewable, source_id.as_deref(), url.as_deref())
        }
        Command::Score { dir } => score::run(&dir),
        Command::Add { dataset, reviewed } => add::run(&dataset, &reviewed),
        Command::ImportMap { topology, i18n, out } => import_map::run(&topology, &i18n, &out),
    }
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
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
fn import_research(research: &Path, langs: &Path, details_fr: &Path, compiled: Date, out: &Path) -> Result<Outcome, String> {
    let research = import::parse_research(&read(research)?).map_err(|e| e.to_string())?;
    let names = import::parse_country_names(&read(&langs.join("en.json"))?, &read(&langs.join("fr.json"))?).map_err(|e| e.to_string())?;
    let details_fr = import::parse_french_details(&read(details_fr)?).map_err(|e| e.to_string())?;
    let raw = import::import_research(&research, &names, &details_fr, compiled).map_err(|e| e.to_string())?;
    let text = raw.to_pretty_json().map_err(|e| e.to_string())?;
    // The result must pass the dashboard's own validation before it is written.
    let loaded = load_dataset(&text).map_err(|e| format!("the converted dataset does not load: {e}"))?;
    if !loaded.issues.is_empty() {
        let list: Vec<String> = loaded.issues.iter().map(|i| i.to_string()).collect();
        return Err(format!("the converted dataset has problems:\n{}", list.join("\n")));
    }
    std::fs::write(out, text).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    Ok(Outcome {
        output: format!(
            "wrote {}: {} sources, {} figures, {} disagreements\n",
            out.display(),
            raw.sources.len(),
            raw.figures.len(),
            raw.disagreements.len()
        ),
        success: true,
    })
}

/// `csp`: secures a release build (see [`crate::site::csp`]).
fn secure_dist(dist: &Path, frame_ancestors: &str, connect: &str) -> Result<Outcome, String> {
    // The same list, read the same way, as the app's allow-list (EU_IOM_DATA_ORIGINS).
    let connect = crate::domain::dataset::origin::check_allowed(connect).map_err(|e| format!("--connect: {e}"))?;
    match dist::secure_dist(dist, &connect, frame_ancestors) {
        Ok(policy) => Ok(Outcome { output: format!("Content-Security-Policy: {policy}\n"), success: true }),
        Err(error) => Ok(Outcome { output: format!("{error}\n"), success: false }),
    }
}

/// `synth`: writes a synthetic dataset.
fn synthesize(n: usize, out: &Path) -> Result<Outcome, String> {
    let text = serde_json::to_string(&synth::synthetic(n)).map_err(|e| e.to_string())?;
    std::fs::write(out, &text).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    Ok(Outcome { output: format!("wrote {}: {n} figures, {} bytes\n", out.display(), text.len()), success: true })
}

#[cfg(test)]
mod tests {
    use super::run;

    fn call(args: &[&str]) -> Result<super::Outcome, String> {
        run(&args.iter().map(|a| a.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn help_succeeds_for_the_tool_and_for_each_command() {
        for args in [&["--help"][..], &["-h"], &["help"], &["extract", "--help"], &["help", "add"]] {
            let outcome = call(args).unwrap();
            assert!(outcome.success && outcome.output.contains("Usage: eu-iom-data"), "{args:?}: {}", outcome.output);
        }
        let help = call(&["--help"]).unwrap().output;
        for command in [
            "check", "prerender", "publish", "csp", "compress", "synth", "bench-core", "import-research", "extract", "score", "add",
            "import-map",
        ] {
            assert!(help.contains(&format!("\n  {command} ")), "{command} missing from\n{help}");
        }
        let extract = call(&["extract", "--help"]).unwrap().output;
        for flag in ["--reviewable", "--source-id <ID>", "--url <URL>"] {
            assert!(extract.contains(flag), "{flag} missing from\n{extract}");
        }
    }

    #[test]
    fn wrong_arguments_say_what_is_wrong_and_how_to_call() {
        let error = call(&[]).unwrap_err();
        assert!(error.contains("Usage: eu-iom-data <COMMAND>"), "{error}");
        let error = call(&["frobnicate"]).unwrap_err();
        assert!(error.contains("unrecognized subcommand 'frobnicate'"), "{error}");
        let error = call(&["add", "dataset.json"]).unwrap_err();
        assert!(error.contains("<reviewed.json>") && error.contains("Usage: eu-iom-data add"), "{error}");
        let error = call(&["synth", "many", "--out", "x.json"]).unwrap_err();
        assert!(error.contains("invalid value 'many'"), "{error}");
        let error = call(&["import-research", "a", "b", "--details-fr", "c", "--compiled", "2026-02-30", "--out", "d"]).unwrap_err();
        assert!(error.contains("--compiled <YYYY-MM-DD>") && error.contains("no such day"), "{error}");
        let error = call(&["bench-core", "10k"]).unwrap_err();
        assert!(error.contains("invalid value '10k'"), "{error}");
        let error = call(&["publish", "dist", "data.json", "--service-worker", "maybe"]).unwrap_err();
        assert!(error.contains("on or off"), "{error}");
        let error = call(&["publish", "dist", "data.json", "--site-url", "ftp://example.org/"]).unwrap_err();
        assert!(error.contains("SITE_URL must be"), "{error}");
    }

    #[test]
    fn publish_stamps_the_worker_on_and_off_as_make_dist_calls_it() {
        let dist = std::env::temp_dir().join(format!("eu-iom-publish-{}", std::process::id()));
        std::fs::create_dir_all(dist.join("data")).unwrap();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        std::fs::copy(root.join("tests/fixtures/dataset/eu-iom-figures.json"), dist.join("data/eu-iom-figures.json")).unwrap();
        std::fs::copy(root.join("public/sw.js"), dist.join("sw.js")).unwrap();
        std::fs::write(dist.join("main-0123456789abcdef.css"), "body{}").unwrap();
        std::fs::write(dist.join("other-page-0123456789abcdef.js"), "").unwrap();
        std::fs::write(dist.join("eu-iom-dashboard-0123456789abcdef.js"), "").unwrap();
        std::fs::write(dist.join("eu-iom-dashboard-0123456789abcdef_bg.wasm"), "").unwrap();
        std::fs::write(
            dist.join("index.html"),
            format!(
                "<head>\n<meta name=\"description\" content=\"\">\n<title>t</title>\n<link rel=\"stylesheet\" href=\"/main-0123456789abcdef.css\">\n\
                 <script type=\"module\">{}</script>\n</head><body></body>",
                crate::site::csp::trunk_loader("/eu-iom-dashboard-0123456789abcdef")
            ),
        )
        .unwrap();
        let (dir, data) = (dist.display().to_string(), dist.join("data/eu-iom-figures.json").display().to_string());
        let on = call(&["publish", &dir, &data, "--site-url", "", "--service-worker", "on"]).unwrap();
        assert!(on.success, "{}", on.output);
        let worker = std::fs::read_to_string(dist.join("sw.js")).unwrap();
        // The stylesheet is in the page now; the worker caches the module the page loads, not
        // another page's.
        let expected = r#"const PRECACHE = ["index.html","eu-iom-dashboard-0123456789abcdef.js","eu-iom-dashboard-0123456789abcdef_bg.wasm","data/eu-iom-figures.json"];"#;
        assert!(worker.contains(expected), "{worker}");
        let page = std::fs::read_to_string(dist.join("index.html")).unwrap();
        assert!(page.contains("<meta name=\"eu-iom-service-worker\""));
        assert!(page.contains("<style>body{}</style>") && !page.contains("main-0123456789abcdef.css"), "{page}");
        assert!(page.contains(&crate::site::publish::keeping_loader("/eu-iom-dashboard-0123456789abcdef")), "{page}");
        let off = call(&["publish", &dir, &data, "--service-worker", "off"]).unwrap();
        assert!(off.success, "{}", off.output);
        assert!(std::fs::read_to_string(dist.join("sw.js")).unwrap().contains("const BUILD = \"off\";"));
        let page = std::fs::read_to_string(dist.join("index.html")).unwrap();
        assert!(!page.contains("eu-iom-service-worker"));
        assert!(page.contains(&crate::site::csp::trunk_loader("/eu-iom-dashboard-0123456789abcdef")), "Trunk's loader is back: {page}");
        std::fs::remove_dir_all(&dist).unwrap();
    }
}
