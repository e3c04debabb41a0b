//! The files worker's jobs: what the page asks of the worker (a data download, a CSV file to
//! read, a chart's SVG), the answer, both as the plain text they travel in between the page and the worker,
//! and running a job on the dataset's text. The writers and the CSV reader run only in the
//! worker's module (`src/bin/eu-iom-tools.rs`), so the page's module holds none of them.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::domain::dataset::csv_import::{csv_document, CsvDocument};
use crate::domain::dataset::date::Date;
use crate::domain::dataset::issue::LoadError;
use crate::domain::dataset::load::load_unlimited;
use crate::domain::dataset::model::{Dataset, Figure, Position};
use crate::domain::explore::view::from_query;
use crate::domain::export::{csv_archive, file_name, to_json, DownloadError, DownloadFormat, ExportContext, Scope};
use crate::domain::lang::Lang;

/// The files worker's binary, as Trunk names its files (`eu-iom-tools.js`, `…_bg.wasm`,
/// `…_loader.js`; without a content hash, which the release build adds: `crate::site::publish`).
pub const TOOLS_NAME: &str = "eu-iom-tools";
/// The page's `<meta name>` whose content names the worker's loader.
pub const TOOLS_META: &str = "eu-iom-tools";
/// What the worker posts once it answers jobs (jobs posted earlier wait in the page).
pub const READY: &str = "eu-iom-tools:ready";
/// What the release build's loader posts, with the browser's words, when the worker's
/// WebAssembly cannot be loaded.
pub const FAILED: &str = "eu-iom-tools:failed";

/// The files worker could not be loaded (offline before it was cached, a failed request) or
/// answered what this page cannot read; the browser's words follow, for the console.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToolsUnavailable(pub String);

impl From<ToolsUnavailable> for DownloadError {
    fn from(_: ToolsUnavailable) -> Self {
        DownloadError::ToolsUnavailable
    }
}

impl From<ToolsUnavailable> for LoadError {
    fn from(_: ToolsUnavailable) -> Self {
        LoadError::ToolsUnavailable
    }
}

/// What the page asks the worker to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Job {
    /// The data as CSV (zipped with its README and data package) or JSON. The text sent with it
    /// is the dataset's (JSON); the figures sent are the selection's.
    Download {
        /// CSV or JSON.
        format: DownloadFormat,
        /// The selection or everything.
        scope: Scope,
        /// The view's URL query (its filters name the file and the citation).
        query: String,
        /// Today's date, the page's address and language.
        context: ExportContext,
    },
    /// A CSV file of figures to rewrite as a dataset document; the text sent is the file's.
    ReadCsv,
    /// A chart as an SVG file; the text sent is the chart's recording
    /// (`crate::chart::record::Recording::encode`).
    Svg {
        /// The file's name.
        name: String,
    },
}

/// The worker's answer.
#[derive(Debug, Clone, PartialEq)]
pub enum JobAnswer {
    /// A file to offer.
    File {
        /// Its name.
        name: String,
        /// Its media type.
        mime: String,
        /// Its content.
        bytes: Vec<u8>,
    },
    /// The CSV file as a dataset document.
    Document(CsvDocument),
    /// The download could not be made.
    DownloadFailed(DownloadError),
    /// The CSV file cannot be read (only [`LoadError::Csv`] comes from the worker).
    ReadFailed {
        /// 1-based line of the file.
        line: usize,
        /// What is wrong.
        detail: String,
    },
}

/// A text on one line and without tabs (a field of the messages between the page and the
/// worker): backslashes, line breaks and tabs escaped.
pub fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('\n', "\\n").replace('\r', "\\r").replace('\t', "\\t")
}

/// The text [`escape`] was given.
pub fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// `key=value` lines, each value escaped.
fn header(fields: &[(&str, String)]) -> String {
    fields.iter().map(|(key, value)| format!("{key}={}\n", escape(value))).collect()
}

/// The fields of a header, by key.
fn fields(text: &str) -> BTreeMap<&str, String> {
    text.lines().filter_map(|line| line.split_once('=')).map(|(key, value)| (key, unescape(value))).collect()
}

fn format_id(format: DownloadFormat) -> &'static str {
    match format {
        DownloadFormat::Csv => "csv",
        DownloadFormat::Json => "json",
    }
}

fn scope_id(scope: Scope) -> &'static str {
    match scope {
        Scope::Selection => "selection",
        Scope::Everything => "everything",
    }
}

/// The one of `all` whose word (`id`) is `name`, or what it is (`kind`) that is unknown: the
/// words are written once, in the `…_id` functions.
fn named<T: Copy>(all: &[T], id: fn(T) -> &'static str, name: &str, kind: &str) -> Result<T, String> {
    all.iter().copied().find(|value| id(*value) == name).ok_or_else(|| format!("unknown {kind} {name}"))
}

impl Job {
    /// The job as the text posted to the worker.
    pub fn encode(&self) -> String {
        match self {
            Job::Download { format, scope, query, context } => header(&[
                ("job", "download".into()),
                ("format", format_id(*format).into()),
                ("scope", scope_id(*scope).into()),
                ("query", query.clone()),
                ("today", context.today.to_string()),
                ("page", context.page_url.clone()),
                ("lang", context.lang.tag().into()),
            ]),
            Job::ReadCsv => header(&[("job", "read-csv".into())]),
            Job::Svg { name } => header(&[("job", "svg".into()), ("name", name.clone())]),
        }
    }

    /// Reads a job posted by the page.
    ///
    /// # Errors
    /// The field missing or unknown, in words (a page and a worker of different builds).
    pub fn decode(text: &str) -> Result<Job, String> {
        let fields = fields(text);
        let get = |key: &str| fields.get(key).ok_or_else(|| format!("the request has no {key}"));
        match get("job")?.as_str() {
            "download" => {
                let format = named(&[DownloadFormat::Csv, DownloadFormat::Json], format_id, get("format")?, "format")?;
                let scope = named(&[Scope::Selection, Scope::Everything], scope_id, get("scope")?, "scope")?;
                let today = Date::parse_iso(get("today")?).map_err(|e| e.to_string())?;
                let lang = Lang::from_tag(get("lang")?).ok_or("unknown language")?;
                let context = ExportContext { today, page_url: get("page")?.clone(), lang };
                Ok(Job::Download { format, scope, query: get("query")?.clone(), context })
            }
            "read-csv" => Ok(Job::ReadCsv),
            "svg" => Ok(Job::Svg { name: get("name")?.clone() }),
            other => Err(format!("unknown job {other}")),
        }
    }
}

impl JobAnswer {
    /// The answer as the text and bytes posted back to the page.
    pub fn encode(self) -> (String, Vec<u8>) {
        match self {
            JobAnswer::File { name, mime, bytes } => (header(&[("answer", "file".into()), ("name", name), ("mime", mime)]), bytes),
            JobAnswer::Document(CsvDocument { text, lines }) => {
                let mut list = vec![("answer", "document".to_string())];
                let lines: Vec<(String, String)> = lines
                    .into_iter()
                    .map(|(name, at)| (format!("lines.{name}"), at.iter().map(usize::to_string).collect::<Vec<_>>().join(",")))
                    .collect();
                list.extend(lines.iter().map(|(key, value)| (key.as_str(), value.clone())));
                (header(&list), text.into_bytes())
            }
            JobAnswer::DownloadFailed(error) => {
                let (kind, detail) = match error {
                    DownloadError::Clock => ("clock", String::new()),
                    DownloadError::NoRoom => ("no-room", String::new()),
                    DownloadError::ToolsUnavailable => ("unavailable", String::new()),
                    DownloadError::Failed(detail) => ("failed", detail),
                };
                (header(&[("answer", "download-failed".into()), ("error", kind.into()), ("detail", detail)]), Vec::new())
            }
            JobAnswer::ReadFailed { line, detail } => {
                (header(&[("answer", "read-failed".into()), ("line", line.to_string()), ("detail", detail)]), Vec::new())
            }
        }
    }

    /// Reads the worker's answer.
    ///
    /// # Errors
    /// The field missing or unknown, in words.
    pub fn decode(text: &str, bytes: Vec<u8>) -> Result<JobAnswer, String> {
        let fields = fields(text);
        let get = |key: &str| fields.get(key).cloned().ok_or_else(|| format!("the answer has no {key}"));
        match get("answer")?.as_str() {
            "file" => Ok(JobAnswer::File { name: get("name")?, mime: get("mime")?, bytes }),
            "document" => {
                let mut lines = BTreeMap::new();
                for (key, value) in &fields {
                    let Some(name) = key.strip_prefix("lines.") else { continue };
                    let at = value.split(',').filter(|n| !n.is_empty()).map(str::parse).collect::<Result<Vec<usize>, _>>();
                    lines.insert(name.to_string(), at.map_err(|e| e.to_string())?);
                }
                let text = String::from_utf8(bytes).map_err(|e| e.to_string())?;
                Ok(JobAnswer::Document(CsvDocument { text, lines }))
            }
            "download-failed" => Ok(JobAnswer::DownloadFailed(match get("error")?.as_str() {
                "clock" => DownloadError::Clock,
                "no-room" => DownloadError::NoRoom,
                "unavailable" => DownloadError::ToolsUnavailable,
                _ => DownloadError::Failed(get("detail")?),
            })),
            "read-failed" => {
                Ok(JobAnswer::ReadFailed { line: get("line")?.parse().map_err(|_| "a line that is not a number")?, detail: get("detail")? })
            }
            other => Err(format!("unknown answer {other}")),
        }
    }
}

/// Draws a chart's SVG from the text of its recording (`crate::chart::record`, which the
/// domain does not import).
pub type SvgDrawer = fn(&str) -> Result<String, String>;

/// Runs jobs in the worker, keeping the last dataset read so that a second download of the
/// same data does not read it again.
pub struct JobRunner {
    last: Option<(String, Arc<Dataset>)>,
    draw_svg: SvgDrawer,
}

impl JobRunner {
    /// A runner that draws SVG files with `draw_svg`.
    pub fn new(draw_svg: SvgDrawer) -> JobRunner {
        JobRunner { last: None, draw_svg }
    }

    /// The dataset of `text`, read once per text.
    fn dataset(&mut self, text: &str) -> Result<Arc<Dataset>, DownloadError> {
        match &self.last {
            Some((seen, dataset)) if seen == text => Ok(dataset.clone()),
            _ => {
                // The page has read this text already (its size was checked there, and a CSV
                // file's document may be longer than the file).
                let dataset = load_unlimited(text).map_err(|e| DownloadError::Failed(e.to_string()))?.dataset;
                self.last = Some((text.to_string(), dataset.clone()));
                Ok(dataset)
            }
        }
    }

    /// Runs the job posted as `request`, with its text and the positions of the selected
    /// figures.
    pub fn run(&mut self, request: &str, text: &str, selected: &[u32]) -> JobAnswer {
        let job = match Job::decode(request) {
            Ok(job) => job,
            Err(detail) => return JobAnswer::DownloadFailed(DownloadError::Failed(detail)),
        };
        match job {
            Job::ReadCsv => match csv_document(text) {
                Ok(document) => JobAnswer::Document(document),
                Err(LoadError::Csv { line, detail }) => JobAnswer::ReadFailed { line, detail },
                Err(other) => JobAnswer::ReadFailed { line: 1, detail: other.to_string() },
            },
            Job::Download { format, scope, query, context } => match self.download(format, scope, &query, &context, text, selected) {
                Ok(answer) => answer,
                Err(error) => JobAnswer::DownloadFailed(error),
            },
            Job::Svg { name } => match (self.draw_svg)(text) {
                Ok(svg) => JobAnswer::File { name, mime: "image/svg+xml".into(), bytes: svg.into_bytes() },
                Err(detail) => JobAnswer::DownloadFailed(DownloadError::Failed(detail)),
            },
        }
    }

    fn download(
        &mut self,
        format: DownloadFormat,
        scope: Scope,
        query: &str,
        context: &ExportContext,
        text: &str,
        selected: &[u32],
    ) -> Result<JobAnswer, DownloadError> {
        let dataset = self.dataset(text)?;
        let (state, _) = from_query(query, Some(&dataset));
        let count = dataset.figures().len();
        let figures: Vec<Position<Figure>> = match scope {
            Scope::Selection => selected.iter().map(|&i| i as usize).filter(|&i| i < count).map(Position::new).collect(),
            Scope::Everything => dataset.figure_positions().collect(),
        };
        let failed = |e: &dyn std::fmt::Display| DownloadError::Failed(e.to_string());
        Ok(match format {
            DownloadFormat::Json => {
                let text = to_json(&dataset, &state, &figures, scope, context).map_err(|e| failed(&e))?;
                let name = file_name(&state, scope, "", context.today, "json");
                JobAnswer::File { name, mime: "application/json".into(), bytes: text.into_bytes() }
            }
            DownloadFormat::Csv => {
                let (name, bytes) = csv_archive(&dataset, &state, &figures, scope, context).map_err(|e| failed(&e))?;
                JobAnswer::File { name, mime: "application/zip".into(), bytes }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dataset::csv_import::load_csv;
    use crate::domain::dataset::load::load_dataset;
    use crate::domain::explore::select::select;
    use crate::domain::explore::view::{to_query, ViewState};
    use crate::domain::export::to_csv;
    use crate::domain::testing::fixture_dataset_text;

    fn context(lang: Lang) -> ExportContext {
        ExportContext { today: Date::new(2026, 12, 7).unwrap(), page_url: "https://example.org/dash/?lang=fr&x=a\nb".into(), lang }
    }

    #[test]
    fn a_job_reads_back_as_it_was_written() {
        let jobs = [
            Job::Download {
                format: DownloadFormat::Csv,
                scope: Scope::Selection,
                query: "metric=projects&country=LY".into(),
                context: context(Lang::Fr),
            },
            Job::Download { format: DownloadFormat::Json, scope: Scope::Everything, query: String::new(), context: context(Lang::En) },
            Job::ReadCsv,
            Job::Svg { name: "eu-iom-figures_timeline-chart.svg".into() },
        ];
        for job in jobs {
            assert_eq!(Job::decode(&job.encode()), Ok(job.clone()), "{}", job.encode());
        }
        assert_eq!(Job::decode("job=zip\n"), Err("unknown job zip".into()));
        assert_eq!(Job::decode("job=download\nformat=csv\n"), Err("the request has no scope".into()));
    }

    #[test]
    fn an_answer_reads_back_as_it_was_written() {
        let mut lines = BTreeMap::new();
        lines.insert("figures".to_string(), vec![2, 3, 7]);
        lines.insert("sources".to_string(), vec![]);
        let answers = [
            JobAnswer::File { name: "a b.zip".into(), mime: "application/zip".into(), bytes: vec![0, 1, 255] },
            JobAnswer::Document(CsvDocument { text: "{\"schema\": 1}".into(), lines }),
            JobAnswer::DownloadFailed(DownloadError::Clock),
            JobAnswer::DownloadFailed(DownloadError::NoRoom),
            JobAnswer::DownloadFailed(DownloadError::Failed("line one\nline two \\ end".into())),
            JobAnswer::ReadFailed { line: 12, detail: "source \"x\" has another source_url than on line 3".into() },
        ];
        for answer in answers {
            let (text, bytes) = answer.clone().encode();
            assert_eq!(text.lines().count(), text.matches('\n').count(), "one field a line: {text:?}");
            assert_eq!(JobAnswer::decode(&text, bytes), Ok(answer));
        }
    }

    #[test]
    fn a_download_in_the_worker_is_the_file_the_writers_make() {
        let text = fixture_dataset_text();
        let dataset = load_dataset(&text).unwrap().dataset;
        let (state, _) = from_query("metric=migrants_returned&lang=fr", Some(&dataset));
        let selected = select(&dataset, &state.filter, state.view.ignore());
        assert!(!selected.is_empty() && selected.len() < dataset.figures().len());
        let positions: Vec<u32> = selected.iter().map(|p| p.get() as u32).collect();
        let french = context(Lang::Fr);
        let mut runner = JobRunner::new(no_svg);
        for format in [DownloadFormat::Csv, DownloadFormat::Json] {
            let job = Job::Download { format, scope: Scope::Selection, query: to_query(&state), context: french.clone() };
            let (head, bytes) = runner.run(&job.encode(), &text, &positions).encode();
            let JobAnswer::File { name, bytes, .. } = JobAnswer::decode(&head, bytes).unwrap() else { panic!("{head}") };
            let expected = match format {
                DownloadFormat::Csv => csv_archive(&dataset, &state, &selected, Scope::Selection, &french).unwrap(),
                DownloadFormat::Json => (
                    file_name(&state, Scope::Selection, "", french.today, "json"),
                    to_json(&dataset, &state, &selected, Scope::Selection, &french).unwrap().into_bytes(),
                ),
            };
            assert_eq!((name, bytes), expected);
        }
        let everything =
            Job::Download { format: DownloadFormat::Json, scope: Scope::Everything, query: String::new(), context: context(Lang::En) };
        let JobAnswer::File { bytes, .. } = runner.run(&everything.encode(), &text, &[]) else { panic!("a file") };
        let all: Vec<_> = dataset.figure_positions().collect();
        let default = ViewState::default_for(Some(&dataset));
        assert_eq!(bytes, to_json(&dataset, &default, &all, Scope::Everything, &context(Lang::En)).unwrap().into_bytes());
    }

    /// The tests' SVG "drawing": the recording's text in a tag (the real one is tested in
    /// `crate::chart::record`).
    fn no_svg(text: &str) -> Result<String, String> {
        if text.is_empty() {
            Err("nothing to draw".into())
        } else {
            Ok(format!("<svg>{text}</svg>"))
        }
    }

    #[test]
    fn an_svg_job_draws_the_text_it_is_sent() {
        let mut runner = JobRunner::new(no_svg);
        let job = Job::Svg { name: "chart.svg".into() };
        let JobAnswer::File { name, mime, bytes } = runner.run(&job.encode(), "L 1 2", &[]) else { panic!("a file") };
        assert_eq!((name.as_str(), mime.as_str(), bytes.as_slice()), ("chart.svg", "image/svg+xml", b"<svg>L 1 2</svg>".as_slice()));
        assert_eq!(runner.run(&job.encode(), "", &[]), JobAnswer::DownloadFailed(DownloadError::Failed("nothing to draw".into())));
    }

    #[test]
    fn escaped_texts_stay_on_one_line_without_tabs_and_read_back() {
        for text in ["", "plain", "a\tb\nc\r\\n", "\\", "trailing \\", "é « » ✓"] {
            let escaped = escape(text);
            assert!(!escaped.contains(['\n', '\r', '\t']), "{escaped:?}");
            assert_eq!(unescape(&escaped), text);
        }
    }

    #[test]
    fn a_csv_file_read_in_the_worker_loads_as_load_csv_loads_it() {
        let dataset = load_dataset(&fixture_dataset_text()).unwrap().dataset;
        let all: Vec<_> = dataset.figure_positions().collect();
        // A last row the validation skips (no source), so that an issue names its CSV line.
        let csv = format!("{}\"x\"{}\r\n", to_csv(&dataset, &all, Lang::En), ",".repeat(32));
        let mut runner = JobRunner::new(no_svg);
        let (head, bytes) = runner.run(&Job::ReadCsv.encode(), &csv, &[]).encode();
        let JobAnswer::Document(document) = JobAnswer::decode(&head, bytes).unwrap() else { panic!("{head}") };
        let loaded = document.load();
        assert_eq!(loaded, load_csv(&csv));
        assert!(loaded.unwrap().issues.iter().any(|i| i.record.line == Some(all.len() + 2)), "the skipped row's line");
        let broken = "figure_id,metric\n\"open";
        let (head, bytes) = runner.run(&Job::ReadCsv.encode(), broken, &[]).encode();
        let JobAnswer::ReadFailed { line, detail } = JobAnswer::decode(&head, bytes).unwrap() else { panic!("{head}") };
        assert_eq!(Err(LoadError::Csv { line, detail }), load_csv(broken));
        assert!(matches!(runner.run("job=nothing\n", "", &[]), JobAnswer::DownloadFailed(DownloadError::Failed(_))));
    }
}
