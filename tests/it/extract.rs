//! Release ingestion end to end: the seed release and the test releases in
//! `tests/fixtures/releases/` give exactly their figures, the seed's agree with the shipped
//! dataset, and `eu-iom-data add` merges reviewed records or refuses them without touching the file.

use crate::common;

use std::path::{Path, PathBuf};

use eu_iom_dashboard::cli;
use eu_iom_dashboard::domain::dataset::date::Date;
use eu_iom_dashboard::domain::dataset::load::load_dataset;
use eu_iom_dashboard::domain::dataset::model::{Metric, Qualifier, Unit};
use eu_iom_dashboard::domain::dataset::raw::RawDataset;
use eu_iom_dashboard::domain::release::extract::{extract, ContextKind, Extraction, Proposal};
use serde_json::{json, Value};

pub(crate) const SEED: &str = "tests/fixtures/seeds/eeas-2020-10-13-eu-iom-7th-strategic-meeting.fr.txt";
const SEED_SOURCE: &str = "eeas-2020-10-13-eu-iom-7th-strategic-meeting";

/// A proposal as the tests state it: metric, value, unit, qualifier, then period start, period
/// end and cumulative-since as ISO dates.
type Expected = (Metric, f64, Unit, Qualifier, Option<&'static str>, Option<&'static str>, Option<&'static str>);

type Summary = (Metric, f64, Unit, Qualifier, Option<String>, Option<String>, Option<String>);

fn summary(proposal: &Proposal) -> Summary {
    let iso = |date: Option<Date>| date.map(|d| d.to_string());
    (
        proposal.metric,
        proposal.value,
        proposal.unit,
        proposal.qualifier,
        iso(proposal.period_start),
        iso(proposal.period_end),
        iso(proposal.cumulative_since),
    )
}

fn owned(expected: &[Expected]) -> Vec<Summary> {
    expected
        .iter()
        .map(|(metric, value, unit, qualifier, start, end, since)| {
            let text = |date: &Option<&str>| date.map(str::to_string);
            (*metric, *value, *unit, *qualifier, text(start), text(end), text(since))
        })
        .collect()
}

/// Extracts a release and checks its proposals, in order, against `expected`.
fn assert_release(relative: &str, expected: &[Expected]) -> Extraction {
    let text = common::read(relative);
    let extraction = extract(&text);
    let found: Vec<Summary> = extraction.proposals.iter().map(summary).collect();
    assert_eq!(found, owned(expected), "{relative}: {:#?}", extraction.proposals);
    assert_spans(&text, &extraction);
    extraction
}

/// Every span's offsets (characters and bytes) point at its text in the input.
pub(crate) fn assert_spans(text: &str, extraction: &Extraction) {
    let chars: Vec<char> = text.chars().collect();
    let spans = extraction
        .proposals
        .iter()
        .flat_map(|p| [&p.number, &p.sentence])
        .chain(extraction.context.iter().flat_map(|c| [&c.span, &c.sentence]));
    for span in spans {
        let by_chars: String = chars[span.start..span.end].iter().collect();
        assert_eq!(by_chars, span.text);
        assert_eq!(&text[span.byte_start..span.byte_end], span.text);
    }
    for proposal in &extraction.proposals {
        assert_eq!(proposal.number.text, proposal.number_text);
        assert!(proposal.sentence.start <= proposal.number.start && proposal.number.end <= proposal.sentence.end);
    }
}

fn has_context(extraction: &Extraction, kind: ContextKind, value: f64) -> bool {
    extraction.context.iter().any(|c| c.kind == kind && c.value == value)
}

use Metric::*;
use Qualifier::{About, Almost, Exact, MoreThan};
use Unit::{Count, Eur};

const SEED_FIGURES: &[Expected] = &[
    (Projects, 535.0, Count, Exact, Some("2015-01-01"), Some("2019-12-31"), None),
    (FundingEur, 1_880_000_000.0, Eur, About, Some("2015-01-01"), Some("2019-12-31"), None),
    (MigrantsReturned, 84_000.0, Count, MoreThan, None, Some("2020-10-13"), None),
    (MigrantsReintegration, 97_000.0, Count, Exact, None, Some("2020-10-13"), None),
    (MigrantsRescued, 25_000.0, Count, MoreThan, None, Some("2020-10-13"), None),
    (CountriesHumanitarianAid, 34.0, Count, Exact, Some("2017-01-01"), Some("2020-10-13"), Some("2017-01-01")),
];

#[test]
fn the_seed_release_gives_exactly_its_six_figures() {
    let extraction = assert_release(SEED, SEED_FIGURES);
    let release = &extraction.release;
    assert_eq!(release.date, Date::new(2020, 10, 13).ok());
    assert_eq!(release.unique_id.as_deref(), Some("201013_8"));
    assert_eq!(release.language.tag(), "fr");
    assert_eq!(
        release.title.as_deref(),
        Some("Les partenariats renforcés en matière de migration au cœur des dialogues lors de la septième réunion stratégique UE-OIM")
    );
    let returned = &extraction.proposals[2];
    assert_eq!(returned.number_text, "84\u{a0}000");
    assert_eq!(returned.qualifier_text.as_deref(), Some("plus de"));
    assert!(returned.sentence.text.starts_with("Depuis le lancement de l\u{2019}initiative conjointe"));
    assert!(returned.notes.iter().any(|n| n.contains("no start date")), "{:?}", returned.notes);
    let funding = &extraction.proposals[1];
    assert_eq!(funding.number_text, "1,88\u{a0}milliard d\u{2019}euros");
    assert_eq!(funding.qualifier_text.as_deref(), Some("environ"));
}

#[test]
fn the_seed_release_context_is_not_counted() {
    let extraction = extract(&common::read(SEED));
    // "septième réunion" (title and body) and "En juillet 2012" come out as context.
    assert!(has_context(&extraction, ContextKind::Ordinal, 7.0), "{:#?}", extraction.context);
    let framework = extraction.context.iter().find(|c| c.date.as_deref() == Some("2012-07")).expect("July 2012");
    assert_eq!((framework.kind, framework.value), (ContextKind::Date, 2012.0));
    assert!(framework.sentence.text.starts_with("En juillet\u{a0}2012, l\u{2019}UE et l\u{2019}OIM ont établi un cadre"));
    // The pact's date, inferred to be in the release's year, and the Joint Initiative's launch.
    let dates: Vec<&str> = extraction.context.iter().filter_map(|c| c.date.as_deref()).collect();
    assert_eq!(dates, vec!["2020-09-23", "2012-07", "2016-12"]);
    assert!(extraction.context.iter().all(|c| c.kind != ContextKind::Number), "{:#?}", extraction.context);
    assert!(extraction.proposals.iter().all(|p| p.value != 7.0 && p.value != 2012.0));
}

#[test]
fn the_seed_figures_agree_with_the_published_dataset() {
    let extraction = extract(&common::read(SEED));
    let loaded = common::published_dataset();
    let dataset = &loaded.dataset;
    let (source_index, _) = dataset.source_by_id(SEED_SOURCE).expect("the seed's source");
    let figures: Vec<_> = dataset.figures().iter().filter(|f| f.source_index() == source_index).collect();
    for proposal in &extraction.proposals {
        let figure = figures
            .iter()
            .find(|f| f.metric() == proposal.metric && f.value() == proposal.value && f.qualifier() == proposal.qualifier)
            .unwrap_or_else(|| panic!("no dataset figure for {:?}", summary(proposal)));
        assert_eq!(figure.unit(), proposal.unit, "{}", figure.id());
        assert_eq!(figure.period_start(), proposal.period_start, "{}", figure.id());
        assert_eq!(figure.period_end(), proposal.period_end, "{}", figure.id());
        match (proposal.cumulative_since, figure.cumulative_since()) {
            // "Depuis le lancement de l'initiative conjointe": the release dates the launch to
            // the month only ("lancée en décembre 2016", a context date of the reading); the day,
            // 15 December 2016, comes from the launch releases (research revision of 2026-12-01).
            (None, Some(since)) => {
                let month = format!("{:04}-{:02}", since.year(), since.month());
                assert!(
                    extraction.context.iter().any(|c| c.date.as_deref() == Some(month.as_str())),
                    "{}: {since} is in no month the release dates",
                    figure.id()
                );
            }
            (proposed, stored) => assert_eq!(stored, proposed, "{}", figure.id()),
        }
    }
    // The dataset's two context records of the source are the reader's context.
    for figure in figures.iter().filter(|f| f.metric() == Metric::Other) {
        let kind = match figure.unit() {
            Unit::Ordinal => ContextKind::Ordinal,
            _ => ContextKind::Date,
        };
        assert!(has_context(&extraction, kind, figure.value()), "{}", figure.id());
    }
    assert_eq!(figures.iter().filter(|f| f.unit().is_quantity()).count(), extraction.proposals.len());
}

#[test]
fn english_five_years_of_the_joint_initiative() {
    let extraction = assert_release(
        "tests/fixtures/releases/en-2021-10-12-joint-initiative-five-years.txt",
        &[
            (MigrantsReturned, 102_000.0, Count, MoreThan, Some("2016-12-01"), Some("2021-10-12"), Some("2016-12-01")),
            (MigrantsReintegration, 87_500.0, Count, About, Some("2016-12-01"), Some("2021-10-12"), Some("2016-12-01")),
            (MigrantsRescued, 4_300.0, Count, Almost, Some("2020-01-01"), Some("2020-12-31"), None),
            (CountriesCovered, 26.0, Count, Exact, None, Some("2021-10-12"), None),
            (FundingEur, 357_000_000.0, Eur, Exact, Some("2017-01-01"), Some("2020-12-31"), None),
        ],
    );
    assert_eq!(extraction.release.date, Date::new(2021, 10, 12).ok());
    assert_eq!(extraction.release.language.tag(), "en");
    assert!(has_context(&extraction, ContextKind::Ordinal, 11.0));
    assert!(has_context(&extraction, ContextKind::Percent, 28.0));
    assert!(has_context(&extraction, ContextKind::Percent, 19.0));
    // Article 8, Regulation 2021/947, the postal code and both phone numbers leave no trace.
    for trap in [8.0, 947.0, 1000.0, 32.0, 2.0, 287.0, 70.0] {
        assert!(extraction.context.iter().all(|c| c.value != trap), "{trap}: {:#?}", extraction.context);
    }
}

#[test]
fn english_ninth_senior_officials_meeting() {
    let extraction = assert_release(
        "tests/fixtures/releases/en-2022-11-03-ninth-senior-officials-meeting.txt",
        &[
            (Projects, 612.0, Count, Exact, Some("2018-01-01"), Some("2021-12-31"), None),
            (FundingEur, 2_150_000_000.0, Eur, About, Some("2018-01-01"), Some("2021-12-31"), None),
            (CountriesCovered, 120.0, Count, MoreThan, Some("2018-01-01"), Some("2021-12-31"), None),
            (Partners, 48.0, Count, Exact, None, Some("2022-11-03"), None),
            (MigrantsProtectedAssisted, 9_000.0, Count, Almost, Some("2021-01-01"), Some("2021-12-31"), None),
            (FundingEur, 25_500_000.0, Eur, Exact, Some("2023-01-01"), Some("2023-12-31"), None),
        ],
    );
    assert_eq!(extraction.release.unique_id.as_deref(), Some("221103_4"));
    assert_eq!(extraction.release.date, Date::new(2022, 11, 3).ok());
    let ahead = &extraction.proposals[5];
    assert!(ahead.notes.iter().any(|n| n.contains("target or forecast")), "{:?}", ahead.notes);
    assert!(has_context(&extraction, ContextKind::Ordinal, 9.0));
    assert!(has_context(&extraction, ContextKind::Percent, 15.0));
    assert!(has_context(&extraction, ContextKind::Year, 2012.0));
    assert!(extraction.context.iter().all(|c| c.value != 16.0 && c.value != 41.0 && c.value != 1211.0));
}

#[test]
fn english_voluntary_return_from_libya() {
    let extraction = assert_release(
        "tests/fixtures/releases/en-2022-07-15-libya-voluntary-return.txt",
        &[
            (MigrantsReturned, 60_617.0, Count, Exact, Some("2017-04-01"), Some("2022-06-30"), Some("2017-04-01")),
            (MigrantsProtectedAssisted, 35_000.0, Count, About, None, Some("2022-07-15"), None),
            (FundingEur, 57_000_000.0, Eur, MoreThan, Some("2017-01-01"), Some("2022-07-15"), Some("2017-01-01")),
        ],
    );
    // The charter flights and "1,900 of them" are numbers for the reviewer, not figures.
    assert!(has_context(&extraction, ContextKind::Number, 412.0));
    assert!(has_context(&extraction, ContextKind::Number, 1_900.0));
    let earlier = extraction.context.iter().find(|c| c.kind == ContextKind::Date).expect("a date");
    assert_eq!(earlier.date.as_deref(), Some("2021-10-12"));
    assert!(extraction.context.iter().all(|c| c.value != 19.0 && c.value != 4.0 && c.value != 12.0));
}

#[test]
fn french_four_years_of_the_joint_initiative() {
    let extraction = assert_release(
        "tests/fixtures/releases/fr-2020-12-01-initiative-conjointe-bilan.txt",
        &[
            (MigrantsReturned, 93_000.0, Count, Almost, Some("2016-12-01"), Some("2020-12-01"), Some("2016-12-01")),
            (MigrantsReintegration, 81_000.0, Count, About, Some("2016-12-01"), Some("2020-12-01"), Some("2016-12-01")),
            (MigrantsRescued, 12_500.0, Count, MoreThan, Some("2019-01-01"), Some("2019-12-31"), None),
            (FundingEur, 1_200_000_000.0, Eur, Exact, Some("2016-01-01"), Some("2020-12-31"), None),
            (CountriesCovered, 26.0, Count, Exact, Some("2016-01-01"), Some("2020-12-31"), None),
        ],
    );
    assert_eq!(extraction.release.date, Date::new(2020, 12, 1).ok());
    assert_eq!(extraction.release.language.tag(), "fr");
    assert!(has_context(&extraction, ContextKind::Ordinal, 5.0));
    assert!(has_context(&extraction, ContextKind::Percent, 28.0));
    assert!(has_context(&extraction, ContextKind::Percent, 17.0));
    assert_eq!(extraction.context.len(), 3, "{:#?}", extraction.context);
}

#[test]
fn french_humanitarian_cooperation() {
    let extraction = assert_release(
        "tests/fixtures/releases/fr-2021-07-05-cooperation-humanitaire.txt",
        &[
            (FundingEur, 140_000_000.0, Eur, Exact, None, Some("2021-07-05"), None),
            (CountriesHumanitarianAid, 41.0, Count, Exact, None, Some("2021-06-30"), None),
            (CountriesHumanitarianAid, 34.0, Count, Exact, Some("2020-01-01"), Some("2020-12-31"), None),
            (MigrantsProtectedAssisted, 2_300_000.0, Count, MoreThan, Some("2017-01-01"), Some("2021-07-05"), Some("2017-01-01")),
        ],
    );
    assert_eq!(extraction.release.unique_id.as_deref(), Some("210705_12"));
    assert_eq!(extraction.release.title.as_deref(), Some("L\u{2019}UE et l\u{2019}OIM renforcent leur coopération humanitaire"));
    assert!(has_context(&extraction, ContextKind::Ordinal, 3.0));
    assert!(has_context(&extraction, ContextKind::Ordinal, 7.0));
    assert!(has_context(&extraction, ContextKind::Percent, 12.5));
    assert!(extraction.context.iter().any(|c| c.date.as_deref() == Some("2020-10-13")));
    assert!(extraction.context.iter().all(|c| c.kind != ContextKind::Number), "{:#?}", extraction.context);
}

#[test]
fn french_desert_rescues() {
    let extraction = assert_release(
        "tests/fixtures/releases/fr-2022-01-20-sauvetages-sahara.txt",
        &[
            (MigrantsRescued, 2_750.0, Count, Exact, Some("2021-01-01"), Some("2021-12-31"), None),
            (MigrantsRescued, 2_100.0, Count, About, Some("2020-01-01"), Some("2020-12-31"), None),
            (MigrantsReturned, 84_000.0, Count, MoreThan, Some("2017-01-01"), Some("2022-01-20"), Some("2017-01-01")),
            (MigrantsReintegration, 61_000.0, Count, Almost, Some("2017-01-01"), Some("2022-01-20"), Some("2017-01-01")),
            (FundingEur, 3_500_000.0, Eur, Exact, Some("2021-01-01"), Some("2021-12-31"), None),
            (FundingEur, 1_000_000.0, Eur, MoreThan, None, Some("2022-01-20"), None),
            (Partners, 37.0, Count, Exact, None, Some("2022-01-20"), None),
            (Projects, 18.0, Count, Exact, None, Some("2022-01-20"), None),
        ],
    );
    assert!(has_context(&extraction, ContextKind::Ordinal, 3.0));
    assert!(has_context(&extraction, ContextKind::Percent, 95.0));
    assert!(extraction.context.iter().any(|c| c.date.as_deref() == Some("2022-03-15")));
    assert!(extraction.context.iter().all(|c| c.kind != ContextKind::Number), "{:#?}", extraction.context);
}

// ---------------------------------------------------------------------------------------------
// `add`
// ---------------------------------------------------------------------------------------------

const DATASET: &str = common::FIXTURE;
const RELEASE: &str = "tests/fixtures/releases/en-2021-10-12-joint-initiative-five-years.txt";
const NEW_SOURCE: &str = "ec-2021-10-12-joint-initiative-five-years";

/// A fresh copy of the test dataset in a directory of its own.
fn scratch(name: &str) -> (PathBuf, PathBuf) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("extract-add").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let dataset = dir.join("eu-iom-figures.json");
    std::fs::write(&dataset, common::read(DATASET)).unwrap();
    (dir, dataset)
}

fn run(args: &[&str]) -> cli::Outcome {
    cli::run(&args.iter().map(|a| a.to_string()).collect::<Vec<_>>()).unwrap()
}

/// The skeleton `extract --reviewable` prints for the English test release.
fn skeleton() -> Value {
    skeleton_of(RELEASE, NEW_SOURCE)
}

/// The skeleton `extract --reviewable` prints for a release, as source `source_id`.
fn skeleton_of(release: &str, source_id: &str) -> Value {
    let release = common::path(release).display().to_string();
    let outcome = run(&["extract", &release, "--reviewable", "--source-id", source_id, "--url", "https://example.org/ip_21_5172"]);
    assert!(outcome.success);
    serde_json::from_str(&outcome.output).unwrap()
}

/// The skeleton with every placeholder replaced, as a reviewer would.
fn reviewed() -> Value {
    completed(skeleton())
}

/// A skeleton with every placeholder replaced, as a reviewer would.
fn completed(mut file: Value) -> Value {
    let source = &mut file["sources"][0];
    source["publisher"] = json!("European Commission");
    source["publisher_kind"] = json!("eu");
    source["official"] = json!(true);
    for figure in file["figures"].as_array_mut().unwrap() {
        let detail = format!("{} (test release)", figure["metric"].as_str().unwrap());
        figure["metric_detail"] = json!(detail);
        figure["metric_detail_fr"] = json!(format!("{} (communiqué de test)", figure["metric"].as_str().unwrap()));
        figure["programme"] = json!("EU-IOM Joint Initiative");
        figure["programme_id"] = json!("joint-initiative");
    }
    file
}

fn write(dir: &Path, name: &str, value: &Value) -> String {
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string_pretty(value).unwrap()).unwrap();
    path.display().to_string()
}

/// Runs `add` and checks that it refused and left the dataset as it was.
fn assert_refused(dataset: &Path, reviewed: &str, expected: &str) -> String {
    let before = std::fs::read_to_string(dataset).unwrap();
    let outcome = run(&["add", &dataset.display().to_string(), reviewed]);
    assert!(!outcome.success, "{}", outcome.output);
    assert!(outcome.output.contains("refused"), "{}", outcome.output);
    assert!(outcome.output.contains(expected), "expected {expected:?} in: {}", outcome.output);
    assert_eq!(std::fs::read_to_string(dataset).unwrap(), before, "the dataset file changed");
    outcome.output
}

#[test]
fn add_merges_reviewed_figures_into_a_dataset_that_loads_cleanly() {
    let (dir, dataset) = scratch("success");
    let before = std::fs::read_to_string(&dataset).unwrap();
    let reviewed = write(&dir, "reviewed.json", &reviewed());
    let outcome = run(&["add", &dataset.display().to_string(), &reviewed]);
    assert!(outcome.success, "{}", outcome.output);
    assert!(outcome.output.contains("added 1 sources, 5 figures"), "{}", outcome.output);

    let merged_text = std::fs::read_to_string(&dataset).unwrap();
    let loaded = load_dataset(&merged_text).unwrap();
    assert!(loaded.issues.is_empty(), "{:#?}", loaded.issues);
    let original = load_dataset(&before).unwrap();
    assert_eq!(loaded.dataset.figures().len(), original.dataset.figures().len() + 5);
    assert_eq!(loaded.dataset.sources().len(), original.dataset.sources().len() + 1);
    let (_, returned) = loaded.dataset.figure_by_id(&format!("{NEW_SOURCE}:1")).expect("the first new figure");
    assert_eq!((returned.metric(), returned.value(), returned.qualifier()), (MigrantsReturned, 102_000.0, MoreThan));
    assert_eq!(returned.cumulative_since(), Date::new(2016, 12, 1).ok());
    let (_, funding) = loaded.dataset.figure_by_id(&format!("{NEW_SOURCE}:5")).expect("the funding figure");
    assert_eq!((funding.unit(), funding.value()), (Eur, 357_000_000.0));

    // Existing records are untouched and the file keeps the writer's format.
    let old: RawDataset = serde_json::from_str(&before).unwrap();
    let new: RawDataset = serde_json::from_str(&merged_text).unwrap();
    assert_eq!(new.figures[..old.figures.len()], old.figures[..]);
    assert_eq!(new.sources[..old.sources.len()], old.sources[..]);
    assert_eq!(new.to_pretty_json().unwrap(), merged_text);

    // `check` agrees.
    let check = run(&["check", &dataset.display().to_string()]);
    assert!(check.success, "{}", check.output);

    // The same file again: every id is taken now.
    assert_refused(&dataset, &reviewed, &format!("sources[0] \"{NEW_SOURCE}\": id \"{NEW_SOURCE}\" is already used in the dataset"));
}

#[test]
fn add_stores_the_reference_the_reader_found() {
    let (dir, dataset) = scratch("reference");
    let source_id = "eeas-2022-11-03-ninth-senior-officials-meeting";
    let file = completed(skeleton_of("tests/fixtures/releases/en-2022-11-03-ninth-senior-officials-meeting.txt", source_id));
    assert_eq!(file["sources"][0]["reference"], "UNIQUE ID: 221103_4", "the skeleton carries it as the release writes it");
    let reviewed = write(&dir, "reviewed.json", &file);
    let outcome = run(&["add", &dataset.display().to_string(), &reviewed]);
    assert!(outcome.success, "{}", outcome.output);
    let loaded = load_dataset(&std::fs::read_to_string(&dataset).unwrap()).unwrap();
    assert!(loaded.issues.is_empty(), "{:#?}", loaded.issues);
    assert_eq!(loaded.dataset.source_by_id(source_id).unwrap().1.reference(), Some("UNIQUE ID: 221103_4"));
}

#[test]
fn the_published_dataset_round_trips_through_the_writer() {
    let text = common::read(common::PUBLISHED);
    let raw: RawDataset = serde_json::from_str(&text).unwrap();
    assert_eq!(raw.to_pretty_json().unwrap(), text, "add would reformat the dataset file");
}

#[test]
fn add_refuses_placeholders_left_from_the_skeleton() {
    let (dir, dataset) = scratch("placeholders");
    let skeleton = write(&dir, "skeleton.json", &skeleton());
    assert_refused(&dataset, &skeleton, "sources[0] \"ec-2021-10-12-joint-initiative-five-years\": field publisher");
    let mut file = reviewed();
    file["figures"][2]["programme_id"] = json!("TODO: one of the dataset's programme ids");
    let partly = write(&dir, "partly.json", &file);
    let output =
        assert_refused(&dataset, &partly, &format!("figures[2] \"{NEW_SOURCE}:3\": field programme_id still holds the placeholder"));
    assert!(output.contains("joint-initiative, strategic-cooperation"), "{output}");
}

#[test]
fn add_refuses_duplicates() {
    let (dir, dataset) = scratch("duplicates");
    // A figure id the dataset already has.
    let mut file = reviewed();
    file["figures"][1]["id"] = json!(format!("{SEED_SOURCE}:1"));
    let taken = write(&dir, "taken.json", &file);
    assert_refused(&dataset, &taken, &format!("figures[1] \"{SEED_SOURCE}:1\": id \"{SEED_SOURCE}:1\" is already used in the dataset"));
    // The same id twice in the file.
    let mut file = reviewed();
    file["figures"][1]["id"] = file["figures"][0]["id"].clone();
    let twice = write(&dir, "twice.json", &file);
    assert_refused(&dataset, &twice, "is already used in this file");
    // A new id for a figure the dataset already has: the seed's 84 000 returns.
    let mut figure = reviewed()["figures"][0].clone();
    figure["id"] = json!(format!("{SEED_SOURCE}:99"));
    figure["source"] = json!(SEED_SOURCE);
    figure["value"] = json!(84000.0);
    figure["period_start"] = Value::Null;
    figure["cumulative_since"] = Value::Null;
    figure["period_end"] = json!("2020-10-13");
    let repeat = write(&dir, "repeat.json", &json!({ "figures": [figure] }));
    assert_refused(&dataset, &repeat, &format!("figures[0] \"{SEED_SOURCE}:99\": repeats figure \"{SEED_SOURCE}:3\""));
}

/// A change a test makes to a reviewed file.
type Edit = fn(&mut Value);

#[test]
fn add_refuses_records_the_dashboard_would_skip() {
    let (dir, dataset) = scratch("invalid");
    let cases: [(&str, Edit, &str); 6] = [
        ("programme", |f| f["figures"][0]["programme_id"] = json!("atlantis"), "programme_id refers to \"atlantis\", which does not exist"),
        ("negative", |f| f["figures"][1]["value"] = json!(-5), "value is negative (-5)"),
        ("period", |f| f["figures"][2]["period_start"] = json!("2021-01-01"), "the period ends before it starts"),
        ("metric", |f| f["figures"][3]["metric"] = json!("happiness"), "unknown metric \"happiness\""),
        ("official", |f| f["sources"][0]["official"] = json!(false), "official disagrees with publisher_kind"),
        ("misspelt", |f| f["figures"][0]["cumulative_snce"] = json!("2017-01-01"), "unknown field \"cumulative_snce\""),
    ];
    for (name, edit, expected) in cases {
        let mut file = reviewed();
        edit(&mut file);
        let path = write(&dir, &format!("{name}.json"), &file);
        assert_refused(&dataset, &path, expected);
    }
    let empty = write(&dir, "empty.json", &json!({}));
    assert_refused(&dataset, &empty, "holds no source, figure or country");
    let broken = dir.join("broken.json");
    std::fs::write(&broken, "{ \"figures\": [").unwrap();
    assert_refused(&dataset, &broken.display().to_string(), "not in the expected format");
}

// What real press texts of 2025 tripped the reader on (measured with `eu-iom-data score` on
// texts kept outside the project): each case below is written for the test, in their layouts.

fn proposed(text: &str) -> Vec<(Metric, f64, Unit)> {
    extract(text).proposals.iter().map(|p| (p.metric, p.value, p.unit)).collect()
}

#[test]
fn a_press_agency_paragraph_is_no_headline_and_its_figures_stay() {
    // The date sits in the first paragraph of body text, as agencies and news sites write it:
    // no line below it is a headline, so no figure of the body is dropped as a headline's.
    let text = "Tunis, le 3 mars 2025 (TAP) - Le bureau de l\u{2019}OIM a organisé un vol qui a permis à 120 ressortissants maliens de regagner Bamako, dans le cadre du programme d\u{2019}aide au retour volontaire et à la réintégration financé par l\u{2019}Union européenne.\n\
        Plus de 120 migrants avaient déjà été aidés le mois précédent par la même équipe, pour un retour volontaire vers leur pays.";
    let extraction = extract(text);
    assert_eq!(extraction.release.date, Date::new(2025, 3, 3).ok());
    assert_eq!(extraction.release.title, None, "{:?}", extraction.release.title);
    assert_eq!(proposed(text), vec![(Metric::MigrantsReturned, 120.0, Unit::Count)], "{:#?}", extraction.proposals);
    assert_eq!(extraction.proposals[0].number.start, text.chars().position(|c| c == '1').unwrap(), "the first mention is kept");
}

#[test]
fn regaining_ones_country_and_flights_are_returns() {
    assert_eq!(
        proposed("Le vol a permis à 140 ressortissants sénégalais de regagner Dakar."),
        vec![(Metric::MigrantsReturned, 140.0, Unit::Count)]
    );
    // People "supported" through flights were returned; the flights themselves are no figure.
    assert_eq!(
        proposed(
            "Rien qu\u{2019}en mai 2025, 2.040 personnes ont été soutenues grâce à quatre vols charters et vingt-deux vols commerciaux."
        ),
        vec![(Metric::MigrantsReturned, 2040.0, Unit::Count)]
    );
}

#[test]
fn a_number_of_people_takes_its_metric_from_the_sentence_before_when_its_own_clause_is_silent() {
    let extraction = extract(
        "Bruxelles, 2 juin 2025\n\nLe programme facilite aussi des retours par vols commerciaux. Au total, plus de 4.200 migrants ont pu bénéficier de ce dispositif.",
    );
    let proposal = extraction.proposals.first().expect("a proposal");
    assert_eq!((proposal.metric, proposal.value, proposal.qualifier), (Metric::MigrantsReturned, 4200.0, Qualifier::MoreThan));
    assert_eq!(proposal.confidence, eu_iom_dashboard::domain::release::extract::Confidence::Low);
    assert!(proposal.notes.iter().any(|n| n.contains("sentence before")), "{:?}", proposal.notes);
    // Not across a paragraph, and not for things.
    assert!(proposed("Le programme facilite des retours.\n\nAu total, 4.200 migrants ont pu bénéficier de ce dispositif.").is_empty());
    assert!(proposed("Le programme facilite des retours. Au total, 42 bureaux ont été ouverts.").is_empty());
}

#[test]
fn running_totals_since_the_start_of_the_year_and_one_month_figures_are_dated() {
    let release = "Tunis, 16 septembre 2025\n\n";
    let iso = |p: &Proposal| {
        (p.period_start.map(|d| d.to_string()), p.period_end.map(|d| d.to_string()), p.cumulative_since.map(|d| d.to_string()))
    };
    let p = extract(&format!("{release}Depuis le début de l\u{2019}année, plus de 6 100 migrants sont rentrés chez eux."))
        .proposals
        .remove(0);
    assert_eq!(iso(&p), (Some("2025-01-01".into()), Some("2025-09-16".into()), Some("2025-01-01".into())));
    let p = extract(&format!("{release}Depuis le début de l\u{2019}année 2024, 3 000 migrants sont rentrés chez eux."))
        .proposals
        .remove(0);
    assert_eq!(iso(&p).2.as_deref(), Some("2024-01-01"));
    let p = extract(&format!("{release}So far this year, 6,100 migrants have returned home.")).proposals.remove(0);
    assert_eq!(iso(&p).2.as_deref(), Some("2025-01-01"));
    let p = extract(&format!("{release}Rien qu\u{2019}en juillet 2025, 1.100 migrants sont rentrés chez eux.")).proposals.remove(0);
    assert_eq!(iso(&p), (Some("2025-07-01".into()), Some("2025-07-31".into()), None));
    let p = extract(&format!("{release}In August 2025, 300 migrants returned home.")).proposals.remove(0);
    assert_eq!(iso(&p), (Some("2025-08-01".into()), Some("2025-08-31".into()), None));
}

#[test]
fn small_counts_of_flights_ordinals_and_day_lists_are_context() {
    let text = "Tunis, 14 octobre 2025\n\nIl s\u{2019}agit du 21ᵉ vol charter de l\u{2019}année, après 14 opérations charter et 30 vols commerciaux; deux vols ont eu lieu les 12 et 19 septembre, et le 22e charter partira bientôt.";
    let extraction = extract(text);
    assert!(extraction.proposals.is_empty(), "{:#?}", extraction.proposals);
    assert!(has_context(&extraction, ContextKind::Ordinal, 21.0) && has_context(&extraction, ContextKind::Ordinal, 22.0));
    assert!(
        extraction.context.iter().all(|c| c.value != 12.0),
        "the 12 of \u{ab}les 12 et 19 septembre\u{bb} is a day: {:#?}",
        extraction.context
    );
    assert_eq!(extraction.context.iter().filter(|c| c.kind == ContextKind::Date).count(), 2, "{:#?}", extraction.context);
    assert_eq!(proposed("The 19th charter flight carried 151 migrants home."), vec![(Metric::MigrantsReturned, 151.0, Unit::Count)]);
}

#[test]
fn the_parts_of_a_figure_are_not_figures_of_their_own() {
    // By flight, adding up to the total.
    let text = "En mai 2025, l\u{2019}OIM a facilité le retour volontaire de 300 migrants.\n\nUn premier vol a permis à 180 migrants de regagner Bamako, suivi d\u{2019}un second avec 120 migrants.";
    let extraction = extract(text);
    assert_eq!(proposed(text), vec![(Metric::MigrantsReturned, 300.0, Unit::Count)], "{:#?}", extraction.proposals);
    assert!(extraction.context.iter().any(|c| c.value == 180.0 && c.note.as_deref().is_some_and(|n| n.contains("part of"))));
    // By country, after "dont", even when the list is not complete.
    let text = "Au total, 950 migrants sont rentrés chez eux, dont 400 migrants maliens et 300 migrants guinéens partis de Libye.";
    let extraction = extract(text);
    assert_eq!(proposed(text), vec![(Metric::MigrantsReturned, 950.0, Unit::Count)]);
    assert_eq!(extraction.context.iter().filter(|c| c.note.as_deref().is_some_and(|n| n.contains("part of"))).count(), 2);
    // Two figures that do not add up to a third stay.
    assert_eq!(proposed("En 2024, 700 migrants sont rentrés chez eux; en 2023, 500 migrants sont rentrés chez eux.").len(), 2);
}

#[test]
fn a_figure_the_body_repeats_is_proposed_once() {
    let text = "Retours depuis la Mauritanie\n\nNouakchott, 21 mai 2025\n\nDepuis janvier, 410 migrants sont rentrés chez eux.\n\nEntre janvier et mai, 410 migrants ont ainsi été rapatriés.";
    let extraction = extract(text);
    assert_eq!(extraction.proposals.len(), 1, "{:#?}", extraction.proposals);
    assert!(extraction.proposals[0].sentence.text.starts_with("Depuis janvier"), "the first mention is kept");
    assert!(extraction.context.iter().any(|c| c.value == 410.0 && c.note.as_deref().is_some_and(|n| n.contains("repeats"))));
}

#[test]
fn plans_and_the_figures_joined_to_them_are_targets() {
    let text = "Selon l\u{2019}OIM, le programme prévoit en 2026 de faciliter le retour de 12 500 migrants, ainsi que la réintégration de 9 800 d\u{2019}entre eux.";
    let extraction = extract(text);
    assert!(extraction.proposals.is_empty(), "{:#?}", extraction.proposals);
    assert_eq!(extraction.context.iter().filter(|c| c.note.as_deref().is_some_and(|n| n.contains("target"))).count(), 2);
    // A comparison with requests is not a count of returns.
    assert_eq!(
        proposed("Depuis janvier, 322 migrants sont rentrés chez eux, contre 150 demandes traitées en 2024."),
        vec![(Metric::MigrantsReturned, 322.0, Unit::Count)]
    );
}

#[test]
fn amounts_in_other_currencies_never_become_funding_in_euros() {
    for text in [
        "The programme had a budget of $380 million for returns.",
        "The programme had a budget of 380 million US dollars for returns.",
        "Le programme dispose de 380 millions de dollars pour les retours.",
        "Le programme dispose de 5 MD pour les retours.",
        "Le programme dispose de 12 000 dinars pour les retours.",
        "Le programme dispose de 2 milliards de francs CFA pour les retours.",
        "The programme had USD 380 million for returns.",
    ] {
        let extraction = extract(text);
        assert!(extraction.proposals.is_empty(), "{text}: {:#?}", extraction.proposals);
        assert!(
            extraction.context.iter().any(|c| c.note.as_deref().is_some_and(|n| n.contains("currency other than the euro"))),
            "{text}: {:#?}",
            extraction.context
        );
    }
    assert_eq!(proposed("Le programme dispose de 380 millions d\u{2019}euros."), vec![(Metric::FundingEur, 380e6, Unit::Eur)]);
}

#[test]
fn a_date_that_belongs_to_a_number_that_is_no_figure_dates_nothing() {
    // "en 2023" is the requests' year, in their clause; the returns are this year's.
    let text = "Depuis le début de cette année, 540 migrants sont rentrés chez eux, contre 210 demandes traitées en 2023.";
    let p = extract(text).proposals.remove(0);
    assert_eq!((p.value, p.period_start, p.period_end), (540.0, None, None), "{p:#?}");
    // "Sur l'ensemble de l'année 2023" is a year; "cette année" counts from its first of January.
    let p = extract("Sur l\u{2019}ensemble de l\u{2019}année 2023, l\u{2019}OIM a facilité 870 rapatriements.").proposals.remove(0);
    assert_eq!((p.period_start, p.period_end), (Date::new(2023, 1, 1).ok(), Date::new(2023, 12, 31).ok()));
    let p = extract(
        "Tunis, 2 juin 2025\n\nLe 9e vol organisé cette année a permis à l\u{2019}OIM de soutenir 3 100 migrants dans leur retour.",
    )
    .proposals
    .remove(0);
    assert_eq!(p.cumulative_since, Date::new(2025, 1, 1).ok());
}

#[test]
fn without_a_dateline_only_the_first_line_can_be_the_headline() {
    let text = "En mai 2025, l\u{2019}OIM a facilité le retour volontaire de 300 migrants vers leurs pays d\u{2019}origine à travers deux vols organisés depuis la capitale, avec le soutien des autorités consulaires de chacun des pays concernés.\n\nCes retours illustrent la collaboration entre les autorités et l\u{2019}OIM.";
    assert_eq!(extract(text).release.title, None);
    assert_eq!(
        extract("OIM : retour de 300 migrants\n\nEn mai 2025, 300 migrants sont rentrés chez eux.").release.title.as_deref(),
        Some("OIM : retour de 300 migrants")
    );
}
