//! The shipped dataset: complete, consistent, and faithful to the research and to the seed release.

use crate::common;

use std::collections::HashSet;

use eu_iom_dashboard::cli::import::{self, CountryNames};
use eu_iom_dashboard::domain::dataset::csv_import::load_csv;
use eu_iom_dashboard::domain::dataset::date::Date;
use eu_iom_dashboard::domain::dataset::model::{Metric, Position, Qualifier, Unit};
use eu_iom_dashboard::domain::dataset::raw::RawDataset;
use eu_iom_dashboard::domain::explore::aggregate::latest_by_country;
use eu_iom_dashboard::domain::export::to_csv;
use eu_iom_dashboard::domain::lang::Lang;
use serde_json::Value;

#[test]
fn the_shipped_dataset_loads_without_issues() {
    let loaded = common::published_dataset();
    assert!(loaded.issues.is_empty(), "{:#?}", loaded.issues);
    let dataset = &loaded.dataset;
    assert_eq!(dataset.sources().len(), 117);
    assert_eq!(dataset.figures().len(), 242);
    assert_eq!(dataset.disagreements().len(), 16);
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
        assert!(source.date().year() >= 2013 && source.date().year() <= 2026, "{}", source.id());
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
    assert_eq!(research_figures.len(), 242);
    assert_eq!(research_sources.len(), 117);
    // Nothing is added: as many dataset figures and sources as research ones, so the one-to-one
    // matching below leaves no dataset figure without its research figure.
    assert_eq!(dataset.figures().len(), research_figures.len());
    assert_eq!(dataset.sources().len(), research_sources.len());
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
    assert_eq!(used.len(), dataset.figures().len(), "every dataset figure is a research figure");
}

/// A figure the research's revision of 2026-12-07 left out, and why: the words quoted are the
/// revision's own ("Left out, …"), so the list cannot drift from the research. None of them may
/// reach the dataset: no figure of that value with that source, country and metric (any, for
/// each that is `None`).
struct LeftOut {
    /// Words of the revision entry that names it.
    named: &'static str,
    /// The source it would have come from, when the research keeps that source for other figures.
    source: Option<&'static str>,
    country: Option<&'static str>,
    metric: Option<Metric>,
    value: f64,
}

const LEFT_OUT: &[LeftOut] = &[
    // The AP's budget is in US dollars, never converted.
    LeftOut {
        named: "the AP's $380 million budget (US dollars",
        source: None,
        country: None,
        metric: Some(Metric::FundingEur),
        value: 380e6,
    },
    LeftOut { named: "the AP's $380 million budget (US dollars", source: None, country: None, metric: None, value: 380.0 },
    LeftOut {
        named: "Germany's EUR 680,000 for Ukraine (2014)",
        source: None,
        country: None,
        metric: Some(Metric::FundingEur),
        value: 680_000.0,
    },
    LeftOut { named: "UNHCR's 3,800 evacuations from Libya (not IOM)", source: None, country: Some("LY"), metric: None, value: 3_800.0 },
    LeftOut { named: "103 refugees resettled from Tunisia in 2025", source: None, country: Some("TN"), metric: None, value: 103.0 },
    LeftOut { named: "Tunisia's 1,614 returns of 2022 (before MPRR-NA began)", source: None, country: None, metric: None, value: 1_614.0 },
    LeftOut {
        named: "the report's 1,500 is derived",
        source: Some("eutf-ji-north-africa-vhr-top-up"),
        country: None,
        metric: None,
        value: 1_500.0,
    },
    // Stale: below the "more than 6,500" of 16 September 2025.
    LeftOut { named: "\"more than 5,000 since January 2025\"", source: None, country: Some("TN"), metric: None, value: 5_000.0 },
    // Pages that name no EU role.
    LeftOut {
        named: "Kapitalis 13 Jun 2025 (196; more than 3,700 since 1 Jan)",
        source: None,
        country: Some("TN"),
        metric: None,
        value: 196.0,
    },
    LeftOut {
        named: "Kapitalis 13 Jun 2025 (196; more than 3,700 since 1 Jan)",
        source: None,
        country: Some("TN"),
        metric: None,
        value: 3_700.0,
    },
    LeftOut { named: "Tekiano 31 Jul 2025 (5,336 to 30 Jul", source: None, country: Some("TN"), metric: None, value: 5_336.0 },
    LeftOut { named: "12 charter and 201 commercial flights", source: None, country: Some("TN"), metric: None, value: 201.0 },
    LeftOut { named: "which says 166 commercial flights", source: None, country: Some("TN"), metric: None, value: 166.0 },
    LeftOut { named: "(154 on the first charter to Côte d'Ivoire)", source: None, country: None, metric: None, value: 154.0 },
    LeftOut { named: "(309 on 24–25 Feb; 1,182 since 1 Jan 2026)", source: None, country: Some("TN"), metric: None, value: 309.0 },
    LeftOut { named: "(309 on 24–25 Feb; 1,182 since 1 Jan 2026)", source: None, country: Some("TN"), metric: None, value: 1_182.0 },
    LeftOut {
        named: "letemps.news 1 Jun 2025 (more than 3,500 since 1 Jan; 313 and 66)",
        source: None,
        country: Some("TN"),
        metric: None,
        value: 3_500.0,
    },
    LeftOut {
        named: "letemps.news 1 Jun 2025 (more than 3,500 since 1 Jan; 313 and 66)",
        source: None,
        country: Some("TN"),
        metric: None,
        value: 313.0,
    },
    LeftOut {
        named: "Mauritania: agenceafrique/InfoMigrants May 2025 (322; 150 or 153; 995)",
        source: None,
        country: Some("MR"),
        metric: None,
        value: 322.0,
    },
    LeftOut {
        named: "Mauritania: agenceafrique/InfoMigrants May 2025 (322; 150 or 153; 995)",
        source: None,
        country: Some("MR"),
        metric: None,
        value: 995.0,
    },
    LeftOut { named: "Le Calame 25 Oct 2025 (1,754; 1,954;", source: None, country: Some("MR"), metric: None, value: 1_754.0 },
    LeftOut { named: "Rapide Info 25 Sep 2025 (177)", source: None, country: Some("MR"), metric: None, value: 177.0 },
    LeftOut {
        named: "Guinea's government via Foutanet, 11 Oct 2025 (more than 6,800; 147)",
        source: None,
        country: Some("GN"),
        metric: None,
        value: 6_800.0,
    },
    LeftOut {
        named: "IOM Nigeria's 2024 annual report via Punch (4,760; 1,101;",
        source: None,
        country: Some("NG"),
        metric: None,
        value: 4_760.0,
    },
    LeftOut { named: "Libya: addresslibya.net 2018 (12,544; 31,915)", source: None, country: Some("LY"), metric: None, value: 12_544.0 },
    LeftOut { named: "Libya: addresslibya.net 2018 (12,544; 31,915)", source: None, country: Some("LY"), metric: None, value: 31_915.0 },
    LeftOut {
        named: "(almost 20,000 rescued since Apr 2016; 406)",
        source: None,
        country: Some("NE"),
        metric: Some(Metric::MigrantsRescued),
        value: 20_000.0,
    },
    LeftOut {
        named: "A/HRC/41/38/Add.1 (27,821; 14,977; 20,056; 16,396)",
        source: None,
        country: Some("NE"),
        metric: None,
        value: 14_977.0,
    },
    LeftOut {
        named: "A/HRC/41/38/Add.1 (27,821; 14,977; 20,056; 16,396)",
        source: None,
        country: Some("NE"),
        metric: None,
        value: 27_821.0,
    },
    LeftOut { named: "86,000 returned; more than 5,000 in the centres", source: None, country: Some("NE"), metric: None, value: 86_000.0 },
    LeftOut {
        named: "Nigeria: ThisDay/NEMA 21 Sep 2018 (about 9,822; 8,657)",
        source: None,
        country: Some("NG"),
        metric: None,
        value: 9_822.0,
    },
    LeftOut {
        named: "Nigeria: ThisDay/NEMA 21 Sep 2018 (about 9,822; 8,657)",
        source: None,
        country: Some("NG"),
        metric: None,
        value: 8_657.0,
    },
];

/// The dataset holds none of the figures the research's revision left out, and the list above
/// quotes the revision, so a figure named there cannot slip in unnoticed.
#[test]
fn the_figures_the_research_left_out_are_not_in_the_dataset() {
    let research = common::read("tests/fixtures/research/eu-iom-sources.md");
    let revision = research.split("**2026-12-07.**").nth(1).expect("the revision of 2026-12-07");
    let loaded = common::published_dataset();
    let dataset = &loaded.dataset;
    for left_out in LEFT_OUT {
        assert!(revision.contains(left_out.named), "the revision does not say: {}", left_out.named);
        let found: Vec<&str> = dataset
            .figures()
            .iter()
            .filter(|f| f.value() == left_out.value)
            .filter(|f| left_out.metric.is_none_or(|m| f.metric() == m))
            .filter(|f| left_out.source.is_none_or(|id| dataset.source_of(f).is_some_and(|s| s.id() == id)))
            .filter(|f| {
                left_out.country.is_none_or(|code| f.country_index().and_then(|c| dataset.country(c)).is_some_and(|c| c.code() == code))
            })
            .map(|f| f.id())
            .collect();
        assert!(found.is_empty(), "left out by the research ({}), yet in the dataset: {found:?}", left_out.named);
    }
    // No country the revision left out altogether (Mauritania) appears.
    assert_eq!(dataset.country_index("MR"), None);
}

/// The documented disagreements the research added on 2026-12-07 (10–16) and the one it
/// resolved (2), each pinned to its figures by source and value.
#[test]
fn the_new_and_resolved_disagreements_are_pinned_to_their_figures() {
    let loaded = common::published_dataset();
    let dataset = &loaded.dataset;
    // (id, kind, its figures by source and value)
    type Pinned = (&'static str, &'static str, &'static [(&'static str, f64)]);
    let expected: &[Pinned] = &[
        (
            "task-force-package-2018",
            "scope_differs",
            &[
                ("dgnear-2018-02-26-eutf-150m", 150e6),
                ("allafrica-2018-03-06-taskforce-15000", 115e6),
                ("skyafrica24-2018-02-27-commission-taskforce-package", 150e6),
                ("skyafrica24-2018-02-27-commission-taskforce-package", 115e6),
            ],
        ),
        ("libya-returns-2016", "contradiction", &[("libya-iom-vhr-page-2017", 2_777.0), ("un-news-2017-12-libya-vhr-15000", 2_775.0)]),
        (
            "hoa-ji-returns-ethiopia",
            "contradiction",
            &[("iom-ehoa-2023-04-25-ji-concludes-ethiopia", 11_000.0), ("iom-ehoa-ji-ends-six-years", 9_663.0)],
        ),
        (
            "tunisia-returns-2023",
            "contradiction",
            &[("ansa-2024-01-19-tunisia-mprr-na-2557", 2_557.0), ("leconomistemaghrebin-2024-01-19-tunisia-2257", 2_257.0)],
        ),
        (
            "ghana-printed-inconsistencies",
            "contradiction",
            &[("businessghana-2024-02-ghana-5143", 5_143.0), ("ji-2022-11-30-ghana-765", 765.0)],
        ),
        (
            "niger-returns-2018",
            "scope_differs",
            &[("iom-2019-10-niger-avrr-40000", 16_000.0), ("iom-2018-08-niger-avr-surpasses-2017", 10_000.0)],
        ),
        (
            "programme-wide-totals-after-2022",
            "scope_differs",
            &[
                ("ap-2025-11-takeaways-thelocalreport", 100_000.0),
                ("migrantprotection-five-years-on-booklet", 114_000.0),
                ("globaldiasporanews-2025-06-12-libya-100000", 100_000.0),
            ],
        ),
        (
            "same-figure-two-pages",
            "imprecision",
            &[
                ("iom-mena-2024-05-21-libya-80000", 80_000.0),
                ("standardmedia-2024-05-22-libya-80000", 80_000.0),
                ("iom-2018-08-niger-avr-surpasses-2017", 10_000.0),
                ("themigrantproject-2018-08-niger-avr", 10_000.0),
                ("iom-2018-08-niger-avr-surpasses-2017", 8_000.0),
                ("themigrantproject-2018-08-niger-avr", 8_000.0),
                ("themigrantproject-2018-08-niger-avr", 7_000.0),
                ("iom-2019-10-niger-avrr-40000", 7_000.0),
            ],
        ),
    ];
    for (id, kind, figures) in expected {
        let disagreement = dataset.disagreements().iter().find(|d| d.id() == *id).unwrap_or_else(|| panic!("{id} missing"));
        assert_eq!(disagreement.kind().id(), *kind, "{id}");
        let pinned: Vec<(&str, f64)> = disagreement
            .figure_indices()
            .iter()
            .map(|at| {
                let figure = dataset.figure(*at).unwrap();
                (dataset.source_of(figure).unwrap().id(), figure.value())
            })
            .collect();
        assert_eq!(pinned, *figures, "{id}");
    }
    // The resolved one says so: the EUR 115 million is inside the package, not a rival total.
    let resolved = dataset.disagreements().iter().find(|d| d.id() == "task-force-package-2018").unwrap();
    assert!(resolved.note(Lang::En).contains("inside"), "{}", resolved.note(Lang::En));
}

/// The programmes that followed the Joint Initiative are series of their own: the AP's
/// programme-wide totals (2022–2025) and MPRR-NA's Tunisia returns are never filed under the
/// Joint Initiative or Libya's voluntary humanitarian return, so no view can put them together.
#[test]
fn later_programme_wide_totals_are_their_own_series() {
    let loaded = common::published_dataset();
    let dataset = &loaded.dataset;
    let programme_of = |source: &str, value: f64| {
        let figure = dataset
            .figures()
            .iter()
            .find(|f| dataset.source_of(f).unwrap().id() == source && f.value() == value)
            .unwrap_or_else(|| panic!("{source} {value}"));
        dataset.programme_of(figure).unwrap().id().to_string()
    };
    assert_eq!(programme_of("ap-2025-11-takeaways-thelocalreport", 100_000.0), "eu-iom-return-programme-ap");
    assert_eq!(programme_of("particle-2025-11-ap-iom-return-programme", 90_000.0), "eu-iom-return-programme-ap");
    for (source, value) in [
        ("guinee28-2026-01-tunisia-8853", 8_853.0),
        ("kapitalis-2025-09-17-tunisia-6500", 6_500.0),
        ("turess-businessnews-2025-10-14-tunisia-19th-charter", 138.0),
        ("babnet-2026-01-29-tunisia-135", 135.0),
    ] {
        assert_eq!(programme_of(source, value), "mprr-na", "{source}");
    }
    // Running totals keep what they count from; period totals keep their period.
    let since = |source: &str, value: f64| {
        let figure = dataset.figures().iter().find(|f| dataset.source_of(f).unwrap().id() == source && f.value() == value).unwrap();
        (figure.cumulative_since().map(|d| d.to_string()), figure.period_start().map(|d| d.to_string()))
    };
    assert_eq!(since("ap-2025-11-takeaways-thelocalreport", 100_000.0), (Some("2022-01-01".into()), Some("2022-01-01".into())));
    assert_eq!(since("kapitalis-2025-09-17-tunisia-6500", 6_500.0), (Some("2025-01-01".into()), Some("2025-01-01".into())));
    assert_eq!(since("guinee28-2026-01-tunisia-8853", 8_853.0), (None, Some("2025-01-01".into())));
}

/// Percentages are `other` figures whose wording says "percent": they carry the percent unit,
/// so no chart reads them as counts.
#[test]
fn the_map_shows_tunisias_total_for_2025_not_the_september_count() {
    // "More than 6,500 since the start of the year" (September 2025), then 8,853 for the whole
    // year (January 2026): the whole year's total covers the running count, so it is the latest.
    let loaded = common::published_dataset();
    let dataset = &loaded.dataset;
    let all: Vec<_> = dataset.figure_positions().collect();
    let tunisia = dataset.country_index("TN").expect("Tunisia is in the data");
    let latest = latest_by_country(dataset, &all, Metric::MigrantsReturned);
    let figure = latest.get(&tunisia).and_then(|f| dataset.figure(*f)).expect("Tunisia has a figure");
    assert_eq!(
        (figure.value(), figure.period_start(), figure.period_end()),
        (8853.0, Date::parse_iso("2025-01-01").ok(), Date::parse_iso("2025-12-31").ok())
    );
}

#[test]
fn percentages_carry_the_percent_unit() {
    let loaded = common::published_dataset();
    let dataset = &loaded.dataset;
    let percents: Vec<&str> = dataset.figures().iter().filter(|f| f.unit() == Unit::Percent).map(|f| f.id()).collect();
    for figure in dataset.figures() {
        let says_percent = figure.metric() == Metric::Other && figure.detail().contains("percent");
        assert_eq!(figure.unit() == Unit::Percent, says_percent, "{}", figure.id());
    }
    for id in ["ap-2025-11-takeaways-thelocalreport:2", "guinee28-2026-01-tunisia-8853:3"] {
        assert!(percents.contains(&id), "{id} in {percents:?}");
    }
    assert!(!Unit::Percent.is_quantity());
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

/// No view or download of the published data adds figures together (the check of
/// `pipeline.rs`, on the new data), and its first view shows the newest programme-wide return
/// total (2022–2025) on its card and as a series of its own beside the Joint Initiative's.
#[test]
fn the_published_views_show_no_sum_and_the_newest_total_first() {
    use eu_iom_dashboard::domain::explore::aggregate::{build_series, headline_figure, Headline};
    use eu_iom_dashboard::domain::explore::select::{select, Ignore};
    use eu_iom_dashboard::domain::explore::view::from_query;
    let loaded = common::published_dataset();
    let dataset = &loaded.dataset;
    crate::pipeline::assert_no_view_or_download_sums(dataset);
    let (state, _) = from_query("", Some(dataset));
    let cards = select(dataset, &state.filter, Ignore { metrics: true, levels: true });
    let id = |at| dataset.figure(at).unwrap().id().to_string();
    let lines = Headline::MigrantsAssisted.lines();
    assert_eq!(headline_figure(dataset, &cards, lines[0]).map(id).as_deref(), Some("ap-2025-11-takeaways-thelocalreport:1"));
    assert!(headline_figure(dataset, &cards, lines[1])
        .map(id)
        .is_some_and(|i| i.starts_with("particle-2025-11-ap-iom-return-programme:")));
    let selected = select(dataset, &state.filter, Ignore::default());
    assert_eq!(selected.len(), 11, "the Joint Initiative's ten programme-wide return totals and the AP's");
    let series = build_series(dataset, &selected);
    let programmes: Vec<&str> = series.iter().map(|s| dataset.programme(s.key.programme).unwrap().id()).collect();
    assert_eq!(programmes, ["joint-initiative", "eu-iom-return-programme-ap"], "two series, never one");
    assert_eq!(dataset.latest_source_date().map(|d| d.to_string()).as_deref(), Some("2026-01-29"));
    assert_eq!(dataset.year_bounds(), Some((2013, 2026)));
}
