//! Release references on the real data: the seed release's `UNIQUE ID: 201013_8` (and the
//! Commission's `MEMO/16/4422`) reach every place that shows or hands out a source — source
//! lines, tooltips, the sources list, the pre-rendered page, the citation, and the CSV, JSON and
//! data-package downloads — and CSV and JSON downloads read back with it.

use crate::common;

use eu_iom_dashboard::domain::dataset::csv_import::{load_csv, parse_csv, CSV_COLUMNS};
use eu_iom_dashboard::domain::dataset::date::Date;
use eu_iom_dashboard::domain::dataset::load::load_dataset;
use eu_iom_dashboard::domain::dataset::model::{Dataset, Figure, Position};
use eu_iom_dashboard::domain::explore::view::ViewState;
use eu_iom_dashboard::domain::export::metadata::data_package;
use eu_iom_dashboard::domain::export::{citation, to_csv, to_json, ExportContext, Scope};
use eu_iom_dashboard::domain::lang::Lang;
use eu_iom_dashboard::domain::text::describe::{source_line, tooltip_lines};
use eu_iom_dashboard::html::sources::sources_list;

const SEED: &str = "eeas-2020-10-13-eu-iom-7th-strategic-meeting";
const REFERENCE: &str = "UNIQUE ID: 201013_8";

/// The figures of one source.
fn figures_of(dataset: &Dataset, source: &str) -> Vec<Position<Figure>> {
    let (at, _) = dataset.source_by_id(source).expect("source");
    dataset.positioned_figures().filter(|(_, f)| f.source_index() == at).map(|(position, _)| position).collect()
}

/// Every figure.
fn all(dataset: &Dataset) -> Vec<Position<Figure>> {
    dataset.positioned_figures().map(|(at, _)| at).collect()
}

/// The figures whose source has no reference.
fn without_reference(dataset: &Dataset) -> Vec<Position<Figure>> {
    dataset
        .positioned_figures()
        .filter(|(_, f)| dataset.source_of(f).unwrap().reference().is_none())
        .map(|(at, _)| at)
        .collect()
}

fn context(lang: Lang) -> ExportContext {
    ExportContext { today: Date::new(2026, 12, 1).unwrap(), page_url: "https://example.org/?v=1".into(), lang }
}

#[test]
fn source_lines_and_tooltips_end_with_the_reference() {
    let dataset = common::fixture_dataset().dataset;
    let seed = figures_of(&dataset, SEED);
    let figure = dataset.figure(seed[0]).unwrap();
    assert_eq!(
        source_line(&dataset, figure, Lang::En),
        "European External Action Service (EEAS), 13\u{a0}Oct\u{a0}2020, UNIQUE ID: 201013_8"
    );
    assert_eq!(
        source_line(&dataset, figure, Lang::Fr),
        "European External Action Service (EEAS), 13\u{a0}oct.\u{a0}2020, UNIQUE ID: 201013_8"
    );
    for lang in [Lang::En, Lang::Fr] {
        let lines = tooltip_lines(&dataset, seed[0], &[], lang);
        assert!(lines.iter().any(|l| l.starts_with("Source") && l.ends_with(REFERENCE)), "{lines:?}");
    }
    let memo = figures_of(&dataset, "ec-factsheet-2016-12-15-eutf-iom-initiative");
    assert!(source_line(&dataset, dataset.figure(memo[0]).unwrap(), Lang::En).ends_with(", 15\u{a0}Dec\u{a0}2016, MEMO/16/4422"));
    let line = source_line(&dataset, dataset.figure(without_reference(&dataset)[0]).unwrap(), Lang::En);
    assert!(!line.ends_with(", "), "no trailing separator without a reference: {line}");
}

#[test]
fn the_sources_list_labels_the_reference_in_both_languages() {
    let dataset = common::fixture_dataset().dataset;
    let seed = figures_of(&dataset, SEED);
    let (en, _) = sources_list(&dataset, &seed, Lang::En, usize::MAX);
    assert!(en.contains(r#"<p class="source__reference" data-testid="source-reference">Reference: UNIQUE ID: 201013_8</p>"#), "{en}");
    let (fr, _) = sources_list(&dataset, &seed, Lang::Fr, usize::MAX);
    assert!(fr.contains("Référence\u{202f}: UNIQUE ID: 201013_8</p>"), "{fr}");
    let (everything, _) = sources_list(&dataset, &all(&dataset), Lang::En, usize::MAX);
    assert_eq!(everything.matches("data-testid=\"source-reference\"").count(), 2, "only the two releases with a reference");
}

#[test]
fn the_citation_names_the_references_of_the_releases_it_covers() {
    let dataset = common::fixture_dataset().dataset;
    let state = ViewState::default_for(Some(&dataset));
    let seed = figures_of(&dataset, SEED);
    let en = citation(&dataset, &state, &seed, Scope::Selection, &context(Lang::En));
    assert!(
        en.contains("References of the releases: UNIQUE ID: 201013_8 (European External Action Service (EEAS), 13\u{a0}Oct\u{a0}2020).\n"),
        "{en}"
    );
    assert!(en.contains("title, the release's own reference where it has one, and address"));
    let fr = citation(&dataset, &state, &seed, Scope::Selection, &context(Lang::Fr));
    assert!(
        fr.contains(
            "Références des communiqués : UNIQUE ID: 201013_8 (European External Action Service (EEAS), 13\u{a0}oct.\u{a0}2020).\n"
        ),
        "{fr}"
    );
    let memo = figures_of(&dataset, "ec-factsheet-2016-12-15-eutf-iom-initiative");
    let with_memo = citation(&dataset, &state, &memo, Scope::Selection, &context(Lang::En));
    assert!(with_memo.contains("MEMO/16/4422 (European Commission, 15\u{a0}Dec\u{a0}2016)"), "{with_memo}");
    let plain = citation(&dataset, &state, &without_reference(&dataset), Scope::Selection, &context(Lang::En));
    assert!(!plain.contains("References of the releases"), "no line without a reference");
}

#[test]
fn csv_and_json_downloads_carry_the_reference_and_read_back_with_it() {
    let dataset = common::fixture_dataset().dataset;
    let all = all(&dataset);
    let csv = to_csv(&dataset, &all, Lang::En);
    let records = parse_csv(&csv).unwrap();
    let column = CSV_COLUMNS.iter().position(|c| *c == "source_reference").expect("a source_reference column");
    assert_eq!(records[0][column], "source_reference");
    let source_column = CSV_COLUMNS.iter().position(|c| *c == "source_id").unwrap();
    for record in records.iter().skip(1) {
        let expected = match record[source_column].as_str() {
            SEED => REFERENCE,
            "ec-factsheet-2016-12-15-eutf-iom-initiative" => "MEMO/16/4422",
            _ => "",
        };
        assert_eq!(record[column], expected, "{}", record[0]);
    }
    let reloaded = load_csv(&csv).unwrap();
    assert!(reloaded.issues.is_empty(), "{:?}", reloaded.issues);
    assert_eq!(reloaded.dataset.source_by_id(SEED).unwrap().1.reference(), Some(REFERENCE));

    let state = ViewState::default_for(Some(&dataset));
    let json = to_json(&dataset, &state, &all, Scope::Everything, &context(Lang::En)).unwrap();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let seed = value["sources"].as_array().unwrap().iter().find(|s| s["id"] == SEED).unwrap();
    assert_eq!(seed["reference"], REFERENCE);
    let reloaded = load_dataset(&json).unwrap();
    assert_eq!(reloaded.dataset.source_by_id(SEED).unwrap().1.reference(), Some(REFERENCE));
    let references = value["sources"].as_array().unwrap().iter().filter(|s| s.get("reference").is_some()).count();
    assert_eq!(references, 2, "sources without a reference have no reference key");
}

#[test]
fn the_data_package_describes_the_column_and_its_sources_carry_the_reference() {
    let dataset = common::fixture_dataset().dataset;
    let seed = figures_of(&dataset, SEED);
    let package = data_package(&dataset, &seed, "figures.csv", "https://example.org/").unwrap();
    let fields = package["resources"][0]["schema"]["fields"].as_array().unwrap();
    let field = fields.iter().find(|f| f["name"] == "source_reference").expect("the column is described");
    assert!(field["description"].as_str().unwrap().contains("reference"));
    assert!(field.get("constraints").is_none(), "optional");
    assert_eq!(package["sources"][0]["reference"], REFERENCE);
    assert_eq!(package["sources"][0]["title"], dataset.source_by_id(SEED).unwrap().1.title());
}

#[test]
fn the_pre_rendered_page_shows_the_reference_in_its_sources_and_table() {
    let text = common::read(common::FIXTURE);
    let dataset = common::fixture_dataset().dataset;
    let print = eu_iom_dashboard::domain::dataset::fingerprint::fingerprint(text.as_bytes());
    let html = eu_iom_dashboard::prerender::render(&eu_iom_dashboard::prerender::Snapshot { dataset: &dataset, fingerprint: &print });
    assert!(html.contains("Reference: UNIQUE ID: 201013_8"), "the English sources list");
    assert!(html.contains("Référence\u{202f}: UNIQUE ID: 201013_8"), "the French sources list");
    assert!(html.contains("13\u{a0}Oct\u{a0}2020, UNIQUE ID: 201013_8"), "the English table's source line");
}
