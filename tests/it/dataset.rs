//! The shipped dataset: complete, consistent, and faithful to the research and to the seed release.

use crate::common;

use std::collections::HashSet;

use eu_iom_dashboard::cli::import::{self, CountryNames};
use eu_iom_dashboard::domain::dataset::csv_import::load_csv;
use eu_iom_dashboard::domain::dataset::date::Date;
use eu_iom_dashboard::domain::export::to_csv;
use eu_iom_dashboard::domain::lang::Lang;
use eu_iom_dashboard::domain::dataset::model::{Metric, Position, Qualifier, Unit};
use eu_iom_dashboard::domain::dataset::raw::RawDataset;
use serde_json::Value;

#[test]
fn the_shipped_dataset_loads_without_issues() {
    let loaded = common::published_dataset();
    assert!(loaded.issues.is_empty(), "{:#?}", loaded.issues);
    let dataset = &loaded.dataset;
    assert_eq!(dataset.sources().len(), 79);
    assert_eq!(dataset.figures().len(), 167);
    assert_eq!(dataset.disagreements().len(), 9);
}

#[test]
fn ids_are_unique_and_references_resolve() {
    let loaded = common::published_dataset();
    let dataset = &loaded.dataset;
    let figure_ids: HashSet<&str> = dataset.figures().iter().map(|f| f.id()).collect();
    assert_eq!(figure_ids.len(), dataset.figures().len());
    let source_ids: HashSet<&str> = dataset.sources().iter().map(|s| s.id()).collect();
    assert_eq!(source_ids.len(), dataset.sources().len());
    for figure in dataset.figures() {
        let source = dataset.source_of(figure).expect("figure has a source");
        assert!(source_ids.contains(source.id()));
        assert!(dataset.programme_of(figure).is_some(), "{}", figure.id());
        assert_eq!(figure.region_indices().len(), dataset.regions_of(figure).count());
        assert!(source.date().year() >= 2013 && source.date().year() <= 2025, "{}", source.id());
        assert!(source.url().starts_with("http"), "{}", source.id());
    }
    for disagreement in dataset.disagreements() {
        assert!(disagreement.figure_indices().len() >= 2, "{}", disagreement.id());
    }
}

/// Every research figure is in the dataset, unchanged, under its source.
#[test]
fn every_research_figure_is_kept_with_its_source() {
    let research: Value = serde_json::from_str(&common::read("tests/fixtures/research/eu-iom-sources.json")).unwrap();
    let loaded = common::published_dataset();
    let dataset = &loaded.dataset;
    let research_figures = research["figures"].as_array().unwrap();
    let research_sources = research["sources"].as_array().unwrap();
    assert_eq!(research_figures.len(), 167);
    assert_eq!(research_sources.len(), 79);
    for source in research_sources {
        let (_, kept) = dataset.source_by_id(source["id"].as_str().unwrap()).expect("source kept");
        assert_eq!(kept.url(), source["url"].as_str().unwrap());
        assert_eq!(kept.date().to_string(), source["date"].as_str().unwrap());
        assert_eq!(kept.publisher(), source["publisher"].as_str().unwrap());
    }
    let mut used = HashSet::new();
    for expected in research_figures {
        let found = dataset.figures().iter().enumerate().find(|(index, figure)| {
            !used.contains(index)
                && dataset.source_of(figure).unwrap().id() == expected["source"].as_str().unwrap()
                && figure.metric().id() == expected["metric"].as_str().unwrap()
                && figure.value() == expected["value"].as_f64().unwrap()
                && figure.qualifier().id() == expected["qualifier"].as_str().unwrap()
                && figure.detail() == expected["metric_detail"].as_str().unwrap()
                && figure.country_index().map(|c| dataset.country(c).unwrap().code().to_string())
                    == expected["country"].as_str().map(str::to_string)
                && figure.period_end().map(|d| d.to_string()) == expected["period_end"].as_str().map(str::to_string)
        });
        let (index, _) = found.unwrap_or_else(|| panic!("research figure missing: {expected}"));
        used.insert(index);
    }
}

/// The eight figures of the release the project started from, exactly as printed.
#[test]
fn the_seed_release_figures_are_present_exactly() {
    let loaded = common::published_dataset();
    let dataset = &loaded.dataset;
    let seed = common::read("tests/fixtures/seeds/eeas-2020-10-13-eu-iom-7th-strategic-meeting.fr.txt");
    let (_, source) = dataset.source_by_id("eeas-2020-10-13-eu-iom-7th-strategic-meeting").expect("seed source");
    assert_eq!(source.date().to_string(), "2020-10-13");
    // The release's dateline writes "UNIQUE ID: 201013_8"; the title is the headline alone.
    assert!(seed.lines().take(6).any(|line| line.ends_with("UNIQUE ID: 201013_8")));
    assert_eq!(source.reference(), Some("UNIQUE ID: 201013_8"));
    assert_eq!(
        source.title(),
        "Les partenariats renforcés en matière de migration au cœur des dialogues lors de la septième réunion stratégique UE-OIM"
    );
    assert!(seed.contains(source.title()), "the title is the release's headline verbatim");
    assert!(source.is_official());
    let of_seed: Vec<_> = dataset.figures().iter().filter(|f| dataset.source_of(f).unwrap().id() == source.id()).collect();
    assert_eq!(of_seed.len(), 8);
    // (metric, value, qualifier, unit, period start, period end, wording in the release;
    // the release separates thousands with a no-break space)
    type Expected = (Metric, f64, Qualifier, Unit, Option<&'static str>, Option<&'static str>, &'static str);
    let expected: [Expected; 8] = [
        (Metric::Projects, 535.0, Qualifier::Exact, Unit::Count, Some("2015-01-01"), Some("2019-12-31"), "535 projets"),
        (
            Metric::FundingEur,
            1.88e9,
            Qualifier::About,
            Unit::Eur,
            Some("2015-01-01"),
            Some("2019-12-31"),
            "environ 1,88\u{a0}milliard d’euros",
        ),
        (Metric::MigrantsReturned, 84_000.0, Qualifier::MoreThan, Unit::Count, None, Some("2020-10-13"), "plus de 84\u{a0}000 migrants"),
        (
            Metric::MigrantsReintegration,
            97_000.0,
            Qualifier::Exact,
            Unit::Count,
            None,
            Some("2020-10-13"),
            "97\u{a0}000 migrants de retour",
        ),
        (
            Metric::MigrantsRescued,
            25_000.0,
            Qualifier::MoreThan,
            Unit::Count,
            None,
            Some("2020-10-13"),
            "plus de 25\u{a0}000 migrants en détresse",
        ),
        (
            Metric::CountriesHumanitarianAid,
            34.0,
            Qualifier::Exact,
            Unit::Count,
            Some("2017-01-01"),
            Some("2020-10-13"),
            "dans 34 pays depuis 2017",
        ),
        (Metric::Other, 7.0, Qualifier::Exact, Unit::Ordinal, None, Some("2020-10-13"), "septième réunion stratégique"),
        (Metric::Other, 2012.0, Qualifier::Exact, Unit::Year, None, None, "En juillet\u{a0}2012"),
    ];
    for (metric, value, qualifier, unit, start, end, wording) in expected {
        assert!(seed.contains(wording), "the seed release says \"{wording}\"");
        let figure = of_seed
            .iter()
            .find(|f| f.metric() == metric && f.value() == value)
            .unwrap_or_else(|| panic!("seed figure {metric:?} {value} missing"));
        assert_eq!(figure.qualifier(), qualifier, "{metric:?}");
        assert_eq!(figure.unit(), unit, "{metric:?}");
        assert_eq!(figure.period_start().map(|d| d.to_string()).as_deref(), start, "{metric:?}");
        assert_eq!(figure.period_end().map(|d| d.to_string()).as_deref(), end, "{metric:?}");
    }
}

/// The seed release counts its three Joint Initiative totals "Depuis le lancement de l'initiative
/// conjointe": they run from the launch, 15 December 2016 (research revision of 2026-12-01).
#[test]
fn the_seed_releases_joint_initiative_totals_count_from_the_launch() {
    let loaded = common::published_dataset();
    let dataset = &loaded.dataset;
    let seed = common::read("tests/fixtures/seeds/eeas-2020-10-13-eu-iom-7th-strategic-meeting.fr.txt");
    assert!(
        seed.contains("Depuis le lancement de l'initiative conjointe") || seed.contains("Depuis le lancement de l’initiative conjointe")
    );
    let totals: Vec<_> = dataset
        .figures()
        .iter()
        .filter(|f| dataset.source_of(f).unwrap().id() == "eeas-2020-10-13-eu-iom-7th-strategic-meeting")
        .filter(|f| matches!(f.metric(), Metric::MigrantsReturned | Metric::MigrantsReintegration | Metric::MigrantsRescued))
        .collect();
    assert_eq!(totals.len(), 3);
    for figure in totals {
        assert_eq!(dataset.programme_of(figure).unwrap().id(), "joint-initiative", "{}", figure.id());
        assert_eq!(figure.cumulative_since().map(|d| d.to_string()).as_deref(), Some("2016-12-15"), "{}", figure.id());
    }
}

#[test]
fn official_publications_are_eu_or_iom() {
    let loaded = common::published_dataset();
    let official: Vec<_> = loaded.dataset.sources().iter().filter(|s| s.is_official()).collect();
    assert!(official.len() > 20 && official.len() < 79, "{}", official.len());
    for source in official {
        let publisher = source.publisher();
        assert!(
            publisher.contains("IOM") || publisher.contains("Commission") || publisher.contains("European") || publisher.contains("EU "),
            "{publisher}"
        );
        assert!(!publisher.contains("republish") && !publisher.contains("Xinhua"), "{publisher}");
    }
}

/// The shipped file is exactly what `eu-iom-data import-research` makes of the research file and
/// the French wordings, so regenerating it (`make data`) changes nothing. Country names come
/// from npm's i18n-iso-countries at import time; here they are taken from the shipped file.
#[test]
fn the_shipped_dataset_is_what_the_import_makes() {
    let shipped: RawDataset = serde_json::from_str(&common::read(common::PUBLISHED)).unwrap();
    let research = import::parse_research(&common::read("tests/fixtures/research/eu-iom-sources.json")).unwrap();
    let french = import::parse_french_details(&common::read("tests/fixtures/research/metric-details.fr.json")).unwrap();
    let names: CountryNames = shipped.countries.iter().map(|c| (c.code.clone(), (c.name_en.clone(), c.name_fr.clone()))).collect();
    let compiled = Date::parse_iso(&shipped.info.compiled).unwrap();
    let imported = import::import_research(&research, &names, &french, compiled).unwrap();
    assert_eq!(imported, shipped);
}

/// The research appends two releases' references to their titles; the import moves them into
/// `reference` and keeps every title otherwise exactly as the research has it.
#[test]
fn the_import_moves_release_references_out_of_the_research_titles() {
    let research = import::parse_research(&common::read("tests/fixtures/research/eu-iom-sources.json")).unwrap();
    let shipped: RawDataset = serde_json::from_str(&common::read(common::PUBLISHED)).unwrap();
    let french = import::parse_french_details(&common::read("tests/fixtures/research/metric-details.fr.json")).unwrap();
    let names: CountryNames = shipped.countries.iter().map(|c| (c.code.clone(), (c.name_en.clone(), c.name_fr.clone()))).collect();
    let imported = import::import_research(&research, &names, &french, Date::parse_iso("2026-12-01").unwrap()).unwrap();
    let with_reference: Vec<(&str, &str, &str)> =
        imported.sources.iter().filter_map(|s| s.reference.as_deref().map(|r| (s.id.as_str(), r, s.title.as_str()))).collect();
    assert_eq!(
        with_reference,
        [
            (
                "eeas-2020-10-13-eu-iom-7th-strategic-meeting",
                "UNIQUE ID: 201013_8",
                "Les partenariats renforcés en matière de migration au cœur des dialogues lors de la septième réunion stratégique UE-OIM"
            ),
            (
                "ec-factsheet-2016-12-15-eutf-iom-initiative",
                "MEMO/16/4422",
                "EUTF for Africa and IOM initiative for Protection and Reintegration of returnees along the Central Mediterranean migration routes"
            ),
        ]
    );
    for (source, researched) in imported.sources.iter().zip(&research.sources) {
        match &source.reference {
            None => assert_eq!(source.title, researched.title, "{}", source.id),
            Some(_) => assert!(researched.title.starts_with(&format!("{} (", source.title)), "{}", source.id),
        }
    }
}

/// French readers get every figure's wording in French, and a translation never changes a number.
#[test]
fn every_figure_says_what_it_counts_in_french_with_the_same_numbers() {
    fn numbers(text: &str) -> Vec<String> {
        let mut out: Vec<String> = text.split(|c: char| !c.is_ascii_digit()).filter(|run| !run.is_empty()).map(str::to_string).collect();
        out.sort();
        out
    }
    let loaded = common::published_dataset();
    for figure in loaded.dataset.figures() {
        let (french, lang) = figure.detail_in(Lang::Fr);
        assert_eq!(lang, Lang::Fr, "{} has no French wording", figure.id());
        assert_ne!(french, figure.detail(), "{}", figure.id());
        // "H1 2018" reads "1er semestre 2018" in French: the one rewording of a digit.
        let english = figure.detail().replace("H1 ", "1er semestre ");
        assert_eq!(numbers(french), numbers(&english), "{}: {french:?} / {:?}", figure.id(), figure.detail());
        assert_eq!(figure.detail_in(Lang::En), (figure.detail(), Lang::En));
    }
}

/// A CSV download opened again in the dashboard keeps both wordings of every figure.
#[test]
fn the_csv_download_keeps_both_wordings() {
    let dataset = common::published_dataset().dataset;
    let all: Vec<_> = dataset.figure_positions().collect();
    let reloaded = load_csv(&to_csv(&dataset, &all, Lang::Fr)).unwrap().dataset;
    assert_eq!(reloaded.figures().len(), dataset.figures().len());
    for (before, after) in dataset.figures().iter().zip(reloaded.figures()) {
        assert_eq!(after.detail_in(Lang::Fr), before.detail_in(Lang::Fr), "{}", before.id());
        assert_eq!(after.detail(), before.detail(), "{}", before.id());
    }
}

/// The maps built at load time answer what a scan of the lists would.
#[test]
fn lookups_by_id_agree_with_the_lists() {
    let dataset = common::published_dataset().dataset;
    for (index, programme) in dataset.programmes().iter().enumerate() {
        assert_eq!(dataset.programme_index(programme.id()), Some(Position::new(index)));
    }
    for (index, region) in dataset.regions().iter().enumerate() {
        assert_eq!(dataset.region_index(region.id()), Some(Position::new(index)));
    }
    for (index, country) in dataset.countries().iter().enumerate() {
        assert_eq!(dataset.country_index(country.code()), Some(Position::new(index)));
    }
    for (index, source) in dataset.sources().iter().enumerate() {
        assert_eq!(dataset.source_by_id(source.id()).map(|(i, s)| (i, s.id())), Some((Position::new(index), source.id())));
    }
    assert_eq!(dataset.programme_index("nowhere"), None);
    assert_eq!(dataset.country_index("ly"), None, "codes are matched exactly");
    let mut with_disagreements = 0;
    for index in dataset.figure_positions() {
        let scanned: Vec<&str> = dataset.disagreements().iter().filter(|d| d.figure_indices().contains(&index)).map(|d| d.id()).collect();
        let looked_up: Vec<&str> = dataset.disagreements_of(index).map(|d| d.id()).collect();
        assert_eq!(looked_up, scanned, "figure {index:?}");
        with_disagreements += usize::from(!scanned.is_empty());
    }
    assert!(with_disagreements >= 9, "the documented disagreements are found: {with_disagreements} figures");
    let years = dataset.figures().iter().map(|f| f.as_of().year());
    assert_eq!(dataset.year_bounds(), years.clone().min().zip(years.max()));
    assert_eq!(dataset.latest_source_date(), dataset.sources().iter().map(|s| s.date()).max());
}
