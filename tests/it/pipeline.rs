//! The real dataset through the whole pure pipeline: URL → view state → selection →
//! headline cards, series with warnings, breakdown, table and sources.

use crate::common;

use eu_iom_dashboard::domain::explore::aggregate::{build_breakdown, build_series, headline_figure, BreakdownBy, Headline, Warning};
use eu_iom_dashboard::domain::lang::Lang;
use eu_iom_dashboard::domain::dataset::model::{Dataset, Metric, Place};
use eu_iom_dashboard::domain::explore::select::{count_sources, select, Ignore};
use eu_iom_dashboard::domain::explore::table::{sort_figures, sources_of, Column, TableSort};
use eu_iom_dashboard::domain::explore::view::{from_query, to_query, View};
use eu_iom_dashboard::domain::text::i18n::metric_name;
use eu_iom_dashboard::domain::text::labels::place_name;

fn headline_values(dataset: &Dataset, selected: &[usize]) -> Vec<(String, f64)> {
    Headline::ALL
        .iter()
        .flat_map(|h| h.lines().iter().map(move |line| (h, line)))
        .filter_map(|(h, line)| {
            let figure = &dataset.figures()[headline_figure(dataset, selected, *line)?];
            Some((format!("{}:{}", h.id(), figure.metric().id()), figure.value()))
        })
        .collect()
}

#[test]
fn the_first_visit_shows_the_seed_headlines_and_the_joint_initiative_returns() {
    let loaded = common::real_dataset();
    let dataset = &loaded.dataset;
    let (state, notices) = from_query("", Some(dataset));
    assert!(notices.is_empty());
    assert_eq!(state.filter.years, Some((2013, 2025)));
    let cards = select(dataset, &state.filter, Ignore { metrics: true, levels: true });
    assert_eq!(
        headline_values(dataset, &cards),
        vec![
            ("projects:projects".to_string(), 535.0),
            ("funding:funding_eur".to_string(), 1.88e9),
            ("countries:countries_humanitarian_aid".to_string(), 34.0),
            ("migrants:migrants_returned".to_string(), 114_000.0),
            ("migrants:migrants_reintegration".to_string(), 103_000.0),
            ("migrants:migrants_rescued".to_string(), 25_000.0),
        ]
    );
    let selected = select(dataset, &state.filter, Ignore::default());
    assert_eq!(selected.len(), 10);
    assert_eq!(count_sources(dataset, &selected), 10);
}

#[test]
fn choosing_libya_follows_through_every_view() {
    let loaded = common::real_dataset();
    let dataset = &loaded.dataset;
    let (state, notices) = from_query("v=1&metric=migrants_returned&country=LY&level=country", Some(dataset));
    assert!(notices.is_empty(), "{notices:?}");
    let selected = select(dataset, &state.filter, Ignore::default());
    assert!(selected.iter().all(|i| dataset.country_of(&dataset.figures()[*i]).unwrap().code() == "LY"));
    let cards = select(dataset, &state.filter, Ignore { metrics: true, levels: true });
    let returned = headline_values(dataset, &cards).into_iter().find(|(k, _)| k == "migrants:migrants_returned");
    assert_eq!(returned, Some(("migrants:migrants_returned".into(), 100_000.0)), "the latest Libyan report (June 2025)");

    let series = build_series(dataset, &selected);
    let vhr = dataset.programme_index("libya-vhr").unwrap();
    let libya_vhr = series.iter().find(|s| s.key.programme == vhr).expect("Libya VHR series");
    let falls: Vec<f64> = libya_vhr.points.iter().filter(|p| p.warnings.contains(&Warning::Decrease)).map(|p| p.value).collect();
    assert!(falls.contains(&3100.0), "the Task Force count since Nov 2017 is lower than the total since 2015: {falls:?}");
    let documented: Vec<f64> = libya_vhr.points.iter().filter(|p| p.warnings.contains(&Warning::Documented)).map(|p| p.value).collect();
    assert!(documented.contains(&16_753.0) && documented.contains(&17_500.0), "{documented:?}");
    let ji = dataset.programme_index("joint-initiative").unwrap();
    let ji_libya = series.iter().find(|s| s.key.programme == ji).expect("JI Libya series");
    assert!(
        ji_libya.points.iter().filter(|p| p.warnings.contains(&Warning::Conflict)).count() >= 2,
        "50,000 (Inside Afrika) and almost 33,000 (Euronews) in June 2020 conflict"
    );
}

#[test]
fn the_joint_initiative_reintegration_series_says_where_it_falls() {
    let loaded = common::real_dataset();
    let dataset = &loaded.dataset;
    let (state, _) = from_query("metric=migrants_reintegration&level=programme", Some(dataset));
    let series = build_series(dataset, &select(dataset, &state.filter, Ignore::default()));
    let points = &series[0].points;
    let fall = points.iter().find(|p| p.value == 92_000.0).expect("almost 92,000 in Dec 2021");
    assert!(fall.warnings.contains(&Warning::Decrease) && fall.warnings.contains(&Warning::Documented));
}

#[test]
fn breakdown_ranks_countries_by_their_latest_report() {
    let loaded = common::real_dataset();
    let dataset = &loaded.dataset;
    let (state, _) = from_query("metric=migrants_returned", Some(dataset));
    let selected = select(dataset, &state.filter, Ignore { metrics: false, levels: true });
    let bars = build_breakdown(dataset, &selected, Metric::MigrantsReturned, BreakdownBy::Country);
    let codes: Vec<&str> = bars
        .iter()
        .map(|b| match b.place {
            Place::Country(c) => dataset.countries()[c].code(),
            _ => "?",
        })
        .collect();
    assert_eq!(codes.first(), Some(&"LY"));
    assert!(bars.windows(2).all(|w| w[0].value >= w[1].value));
    assert_eq!(codes, ["LY", "NE", "ML", "CI", "NG", "GM", "SN", "GN"]);
    let regions = build_breakdown(dataset, &selected, Metric::MigrantsReturned, BreakdownBy::Region);
    assert!(!regions.is_empty());
}

#[test]
fn table_sorting_and_sources() {
    let loaded = common::real_dataset();
    let dataset = &loaded.dataset;
    let mut all: Vec<usize> = (0..dataset.figures().len()).collect();
    let sort = |all: &mut Vec<usize>, sort: TableSort, lang: Lang| {
        sort_figures(dataset, all, sort, lang, |m| metric_name(m, lang).to_string(), |p| place_name(dataset, p, lang));
    };
    sort(&mut all, TableSort { column: Column::Value, descending: true }, Lang::En);
    assert_eq!(dataset.figures()[all[0]].value(), 3.39e9, "the largest figure is the EUTF's EUR 3.39 billion");
    sort(&mut all, TableSort::default(), Lang::En);
    assert!(all.windows(2).all(|w| dataset.figures()[w[0]].as_of() >= dataset.figures()[w[1]].as_of()));
    for lang in [Lang::En, Lang::Fr] {
        sort(&mut all, TableSort { column: Column::Place, descending: false }, lang);
        let names: Vec<String> = all.iter().map(|i| place_name(dataset, &Place::of(&dataset.figures()[*i]), lang).to_lowercase()).collect();
        assert!(names.windows(2).all(|w| w[0] <= w[1]), "places A to Z by their {lang:?} names");
        sort(&mut all, TableSort { column: Column::Metric, descending: true }, lang);
        let names: Vec<String> = all.iter().map(|i| metric_name(dataset.figures()[*i].metric(), lang).to_lowercase()).collect();
        assert!(names.windows(2).all(|w| w[0] >= w[1]), "metrics Z to A by their {lang:?} names");
    }
    let sources = sources_of(dataset, &all);
    let with_figures = (0..dataset.sources().len()).filter(|s| dataset.figures().iter().any(|f| f.source_index() == *s)).count();
    assert_eq!(sources.len(), with_figures);
    assert!(with_figures < dataset.sources().len(), "some sources only document a meeting");
    assert!(sources.windows(2).all(|w| dataset.sources()[w[0].0].date() >= dataset.sources()[w[1].0].date()));
}

#[test]
fn a_shared_link_reproduces_the_view() {
    let loaded = common::real_dataset();
    let dataset = &loaded.dataset;
    let (mut state, _) = from_query("", Some(dataset));
    state.view = View::Table;
    state.toggle_country("NE");
    state.filter.years = Some((2017, 2020));
    let link = to_query(&state);
    let (again, notices) = from_query(&link, Some(dataset));
    assert_eq!(again, state);
    assert!(notices.is_empty());
    let (_, notices) = from_query("country=ZZ&programme=atlantis", Some(dataset));
    assert_eq!(notices.len(), 2, "unknown ids are dropped with a notice: {notices:?}");
}
