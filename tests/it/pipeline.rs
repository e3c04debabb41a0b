//! The real dataset through the whole pure pipeline: URL → view state → selection →
//! headline cards, series with warnings, breakdown, table and sources.

use std::collections::HashMap;

use crate::common;

use eu_iom_dashboard::domain::dataset::model::{Dataset, Figure, Metric, Place, Position};
use eu_iom_dashboard::domain::explore::aggregate::{build_breakdown, build_series, headline_figure, BreakdownBy, Headline, Warning};
use eu_iom_dashboard::domain::explore::select::{count_sources, select, Ignore};
use eu_iom_dashboard::domain::explore::table::{sort_figures, sources_of, Column, TableSort};
use eu_iom_dashboard::domain::explore::view::{from_query, to_query, View};
use eu_iom_dashboard::domain::lang::{folded, Lang};
use eu_iom_dashboard::domain::text::i18n::metric_name;
use eu_iom_dashboard::domain::text::labels::place_name;

fn headline_values(dataset: &Dataset, selected: &[Position<Figure>]) -> Vec<(String, f64)> {
    Headline::ALL
        .iter()
        .flat_map(|h| h.lines().iter().map(move |line| (h, line)))
        .filter_map(|(h, line)| {
            let figure = &dataset.figure(headline_figure(dataset, selected, *line)?).unwrap();
            Some((format!("{}:{}", h.id(), figure.metric().id()), figure.value()))
        })
        .collect()
}

#[test]
fn the_first_visit_shows_the_seed_headlines_and_the_joint_initiative_returns() {
    let loaded = common::fixture_dataset();
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
    let loaded = common::fixture_dataset();
    let dataset = &loaded.dataset;
    let (state, notices) = from_query("v=1&metric=migrants_returned&country=LY&level=country", Some(dataset));
    assert!(notices.is_empty(), "{notices:?}");
    let selected = select(dataset, &state.filter, Ignore::default());
    assert!(selected.iter().all(|i| dataset.country_of(dataset.figure(*i).unwrap()).unwrap().code() == "LY"));
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
    let loaded = common::fixture_dataset();
    let dataset = &loaded.dataset;
    let (state, _) = from_query("metric=migrants_reintegration&level=programme", Some(dataset));
    let series = build_series(dataset, &select(dataset, &state.filter, Ignore::default()));
    let points = &series[0].points;
    let fall = points.iter().find(|p| p.value == 92_000.0).expect("almost 92,000 in Dec 2021");
    assert!(fall.warnings.contains(&Warning::Decrease) && fall.warnings.contains(&Warning::Documented));
}

#[test]
fn breakdown_ranks_countries_by_their_latest_report() {
    let loaded = common::fixture_dataset();
    let dataset = &loaded.dataset;
    let (state, _) = from_query("metric=migrants_returned", Some(dataset));
    let selected = select(dataset, &state.filter, Ignore { metrics: false, levels: true });
    let bars = build_breakdown(dataset, &selected, Metric::MigrantsReturned, BreakdownBy::Country);
    let codes: Vec<&str> = bars
        .iter()
        .map(|b| match b.place {
            Place::Country(c) => dataset.country(c).unwrap().code(),
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
    let loaded = common::fixture_dataset();
    let dataset = &loaded.dataset;
    let mut all: Vec<_> = dataset.figure_positions().collect();
    let sort = |all: &mut Vec<Position<Figure>>, sort: TableSort, lang: Lang| {
        sort_figures(dataset, all, sort, lang, |m| metric_name(m, lang).to_string(), |p| place_name(dataset, p, lang));
    };
    sort(&mut all, TableSort { column: Column::Value, descending: true }, Lang::En);
    assert_eq!(dataset.figure(all[0]).unwrap().value(), 3.39e9, "the largest figure is the EUTF's EUR 3.39 billion");
    sort(&mut all, TableSort::default(), Lang::En);
    assert!(all.windows(2).all(|w| dataset.figure(w[0]).unwrap().as_of() >= dataset.figure(w[1]).unwrap().as_of()));
    for lang in [Lang::En, Lang::Fr] {
        sort(&mut all, TableSort { column: Column::Place, descending: false }, lang);
        let names: Vec<String> =
            all.iter().map(|i| place_name(dataset, &Place::of(dataset.figure(*i).unwrap()), lang).to_lowercase()).collect();
        assert!(names.windows(2).all(|w| folded(&w[0]) <= folded(&w[1])), "places A to Z by their {lang:?} names");
        if lang == Lang::Fr {
            let first = |name: &str| names.iter().position(|n| n == name);
            assert!(first("éthiopie") < first("libye") && first("éthiopie").is_some(), "Éthiopie among the E's, not after the Z's");
        }
        sort(&mut all, TableSort { column: Column::Metric, descending: true }, lang);
        let names: Vec<String> = all.iter().map(|i| metric_name(dataset.figure(*i).unwrap().metric(), lang).to_lowercase()).collect();
        assert!(names.windows(2).all(|w| w[0] >= w[1]), "metrics Z to A by their {lang:?} names");
    }
    let sources = sources_of(dataset, &all);
    let with_figures = dataset.positioned_sources().filter(|(s, _)| dataset.figures().iter().any(|f| f.source_index() == *s)).count();
    assert_eq!(sources.len(), with_figures);
    assert!(with_figures < dataset.sources().len(), "some sources only document a meeting");
    assert!(sources.windows(2).all(|w| dataset.source(w[0].0).unwrap().date() >= dataset.source(w[1].0).unwrap().date()));
}

#[test]
fn a_shared_link_reproduces_the_view() {
    let loaded = common::fixture_dataset();
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

/// Running totals say what they count from, totals from different starts are named as such, and
/// a number given without a qualifier reads "as stated" wherever qualifiers are listed.
#[test]
fn running_totals_say_what_they_count_from_and_exact_reads_as_stated() {
    use eu_iom_dashboard::domain::text::describe::{describe_timeline, series_tooltip_lines};
    let loaded = common::fixture_dataset();
    let dataset = &loaded.dataset;
    let (state, _) = from_query("", Some(dataset));
    let selected = select(dataset, &state.filter, Ignore::default());
    let series = build_series(dataset, &selected);
    let [returns] = series.as_slice() else { panic!("one series: {series:?}") };
    let starts: Vec<String> = returns.starts(dataset).iter().map(ToString::to_string).collect();
    assert_eq!(starts, ["2016-12-15", "2017-01-01", "2017-05-01"]);
    let text = describe_timeline(dataset, &series, Lang::En);
    assert!(text.contains("from more than 15,000 (15\u{a0}Dec\u{a0}2017, since 15\u{a0}Dec\u{a0}2016)"), "{text}");
    assert!(text.contains("to almost 114,000 (c.\u{a0}Jan\u{a0}2022, since May\u{a0}2017)"), "{text}");
    assert!(
        text.contains("Careful: its running totals count from different starts (15\u{a0}Dec\u{a0}2016, 2017, May\u{a0}2017)"),
        "{text}"
    );
    let french = describe_timeline(dataset, &series, Lang::Fr);
    assert!(
        french
            .contains("Attention : ses totaux cumulés comptent depuis des dates différentes (15\u{a0}déc.\u{a0}2016, 2017, mai\u{a0}2017)"),
        "{french}"
    );

    let (seed_returns, _) = dataset.figure_by_id("eeas-2020-10-13-eu-iom-7th-strategic-meeting:3").expect("seed returns");
    let tip = series_tooltip_lines(dataset, &series, seed_returns, Lang::En);
    assert!(tip.iter().any(|l| l.ends_with("since 15\u{a0}Dec\u{a0}2016")), "{tip:?}");
    assert!(tip.iter().any(|l| l == "⚠ In this series, its running totals count from different starts (15\u{a0}Dec\u{a0}2016, 2017, May\u{a0}2017) and cannot be compared as a trend."), "{tip:?}");
    let (exact, _) = dataset.figure_by_id("eutf-2018-02-05-one-year-on:2").expect("an exact figure");
    assert!(series_tooltip_lines(dataset, &series, exact, Lang::En)[0].starts_with("15,000 (as stated) — "));
    assert!(series_tooltip_lines(dataset, &series, exact, Lang::Fr)[0].starts_with("15\u{202f}000 (tel quel) — "));
}

/// Every formatted figure value and date of the dataset, and every text copied from it, in `lang`.
fn known_texts(dataset: &Dataset, lang: Lang) -> HashMap<String, Vec<String>> {
    use eu_iom_dashboard::domain::dataset::date::DatePrecision;
    use eu_iom_dashboard::domain::dataset::model::Qualifier;
    use eu_iom_dashboard::domain::text::format::{format_date, format_qualified, format_since};
    let mut known: Vec<String> = Vec::new();
    for figure in dataset.figures() {
        known.push(format_qualified(figure.value(), figure.unit(), Qualifier::Exact, lang));
        known.push(format!("{}", figure.value()));
        known.push(format!("{:.0}", figure.value()));
        for date in [Some(figure.as_of()), figure.period_start(), figure.period_end(), figure.cumulative_since()].into_iter().flatten() {
            known.push(date.to_string());
            known.push(format_since(date, lang));
            for precision in [DatePrecision::Day, DatePrecision::Month, DatePrecision::Year] {
                known.push(format_date(date, precision, lang));
            }
        }
        known.push(format_date(figure.as_of(), figure.as_of_precision(), lang));
    }
    // Texts copied from the data (titles, addresses, notes, wordings) carry their own numbers.
    for figure in dataset.figures() {
        known
            .extend([figure.detail(), figure.detail_fr().unwrap_or_default(), figure.note(), figure.programme_label()].map(str::to_string));
    }
    for source in dataset.sources() {
        known.extend(
            [source.title(), source.reference().unwrap_or_default(), source.url(), source.note().unwrap_or_default(), source.publisher()]
                .map(str::to_string),
        );
    }
    for disagreement in dataset.disagreements() {
        known.extend([disagreement.note(Lang::En), disagreement.note(Lang::Fr)].map(str::to_string));
    }
    let escaped: Vec<String> = known.iter().map(|k| eu_iom_dashboard::html::escape(k).into_owned()).collect();
    known.extend(escaped);
    for source in dataset.sources() {
        known.push(source.date().to_string());
        known.push(format_date(source.date(), source.date_precision(), lang));
        known.push(format_date(source.date(), DatePrecision::Day, lang));
    }
    known.sort();
    known.dedup();
    // Indexed by the numbers they hold, so that a number in a text is looked up directly.
    let mut by_number: HashMap<String, Vec<String>> = HashMap::new();
    for k in known {
        for (start, end, _) in number_tokens(&k) {
            by_number.entry(k[start..end].to_string()).or_default().push(k.clone());
        }
    }
    by_number
}

/// The numbers in a text: byte span and value (digits with `,` `.` or narrow no-break spaces).
fn number_tokens(text: &str) -> Vec<(usize, usize, f64)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut end = 0;
    for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
        if c.is_ascii_digit() {
            start.get_or_insert(at);
            end = at + 1;
        } else if start.is_some() && matches!(c, ',' | '.' | '\u{202f}') {
        } else if let Some(from) = start.take() {
            let digits: String = text[from..end].chars().filter(|c| c.is_ascii_digit() || *c == '.').collect();
            out.extend(digits.parse::<f64>().ok().map(|value| (from, end, value)));
        }
    }
    out
}

/// The numbers of a text that are neither inside a [`known_texts`] text found there, nor a year,
/// nor a count (of figures, sources, series, places). A sum of figures, which the dashboard must
/// never show, would be one of them.
fn numbers_left_over(dataset: &Dataset, known: &HashMap<String, Vec<String>>, text: &str) -> Vec<f64> {
    let covered = |start: usize, end: usize| {
        known.get(&text[start..end]).is_some_and(|candidates| {
            candidates.iter().any(|k| text.match_indices(k.as_str()).any(|(at, _)| at <= start && at + k.len() >= end))
        })
    };
    number_tokens(text)
        .into_iter()
        .filter(|(_, _, value)| !((1900.0..=2199.0).contains(value) && value.fract() == 0.0) && *value > dataset.figures().len() as f64)
        .filter(|(start, end, _)| !covered(*start, *end))
        .map(|(_, _, value)| value)
        .collect()
}

/// No view or download adds figures together: every number the views and downloads produce is
/// a figure's own value, a date, or a count of figures, sources, series or places.
#[test]
fn no_view_or_download_shows_a_sum_of_figures() {
    assert_no_view_or_download_sums(&common::fixture_dataset().dataset);
}

/// The check of [`no_view_or_download_shows_a_sum_of_figures`] on any dataset (the published
/// one too: `dataset::the_published_views_show_no_sum`).
pub(crate) fn assert_no_view_or_download_sums(dataset: &Dataset) {
    use eu_iom_dashboard::domain::explore::aggregate::HeadlineLine;
    use eu_iom_dashboard::domain::export::{citation, source_summary, to_csv, to_json, ExportContext, Scope};
    use eu_iom_dashboard::domain::text::describe::{
        describe_breakdown, describe_timeline, figure_period, figure_value_stated, series_tooltip_lines,
    };
    use eu_iom_dashboard::html::sources::sources_list;
    let values: Vec<f64> = dataset.figures().iter().map(|f| f.value()).collect();
    let is_value = |v: f64| values.contains(&v);
    // The check itself sees a sum: the seed's returned and reintegration totals added.
    let known = [known_texts(dataset, Lang::En), known_texts(dataset, Lang::Fr)];
    assert_eq!(numbers_left_over(dataset, &known[0], "more than 181,000 since 15\u{a0}Dec\u{a0}2016"), [181_000.0]);
    for query in [
        "",
        "metric=all&level=all",
        "metric=migrants_returned&level=country",
        "metric=funding_eur&level=all&by=region",
        "metric=all&level=all&country=LY,NE&publisher=official",
    ] {
        let (state, _) = from_query(query, Some(dataset));
        let selected = select(dataset, &state.filter, Ignore::default());
        let cards = select(dataset, &state.filter, Ignore { metrics: true, levels: true });
        for line in Headline::ALL.iter().flat_map(|h| h.lines().iter().copied()).collect::<Vec<HeadlineLine>>() {
            if let Some(figure) = headline_figure(dataset, &cards, line) {
                assert!(is_value(dataset.figure(figure).unwrap().value()));
            }
        }
        let series = build_series(dataset, &selected);
        assert!(
            series.iter().flat_map(|s| &s.points).all(|p| p.value == dataset.figure(p.figure).unwrap().value()),
            "{query}: series points are figures"
        );
        let by = BreakdownBy::Country;
        let metrics: Vec<Metric> =
            if state.filter.metrics.is_empty() { Metric::ALL.to_vec() } else { state.filter.metrics.iter().copied().collect() };
        let mut bars = Vec::new();
        for metric in metrics {
            let found = build_breakdown(dataset, &select(dataset, &state.filter, Ignore { metrics: false, levels: true }), metric, by);
            assert!(found.iter().all(|b| b.value == dataset.figure(b.figure).unwrap().value()), "{query}: bars are figures");
            bars.extend(found);
        }
        let context = ExportContext {
            today: eu_iom_dashboard::domain::dataset::date::Date::new(2026, 12, 1).unwrap(),
            page_url: "https://example.org/".into(),
            lang: Lang::En,
        };
        for lang in [Lang::En, Lang::Fr] {
            let context = ExportContext { lang, ..context.clone() };
            let mut texts = vec![
                describe_timeline(dataset, &series, lang),
                describe_breakdown(dataset, &bars, lang),
                sources_list(dataset, &selected, lang, usize::MAX).0,
                source_summary(dataset, &selected, lang),
                citation(dataset, &state, &selected, Scope::Selection, &context),
            ];
            for index in &selected {
                let figure = &dataset.figure(*index).unwrap();
                texts.push(figure_value_stated(figure, lang));
                texts.extend(figure_period(figure, lang));
                texts.extend(series_tooltip_lines(dataset, &series, *index, lang));
            }
            for text in &texts {
                let known = &known[usize::from(lang == Lang::Fr)];
                assert_eq!(numbers_left_over(dataset, known, text), Vec::<f64>::new(), "{query} ({lang:?}): {text}");
            }
            let csv = to_csv(dataset, &selected, lang);
            let records = eu_iom_dashboard::domain::dataset::csv_import::parse_csv(&csv).unwrap();
            let value_column = records[0].iter().position(|c| c == "value").unwrap();
            assert!(records.iter().skip(1).all(|r| is_value(r[value_column].parse().unwrap())), "{query}: CSV values are figures");
            let json: serde_json::Value =
                serde_json::from_str(&to_json(dataset, &state, &selected, Scope::Selection, &context).unwrap()).unwrap();
            assert!(
                json["figures"].as_array().unwrap().iter().all(|f| is_value(f["value"].as_f64().unwrap())),
                "{query}: JSON values are figures"
            );
        }
    }
}

/// The filters' country list on the real data, in French: a search without accents finds a
/// name with one, and names sort with their accents set aside.
#[test]
fn the_country_list_searches_and_sorts_french_names_without_regard_to_accents() {
    use eu_iom_dashboard::domain::explore::countries::country_list;
    use eu_iom_dashboard::domain::explore::view::CountryOrder;
    let loaded = common::fixture_dataset();
    let dataset = &loaded.dataset;
    let found: Vec<String> = country_list(dataset, &[], "ethiopie", CountryOrder::Name, Lang::Fr).into_iter().map(|row| row.name).collect();
    assert_eq!(found, ["Éthiopie"]);
    let names: Vec<String> = country_list(dataset, &[], "", CountryOrder::Name, Lang::Fr).into_iter().map(|row| row.name).collect();
    assert_eq!(names.len(), dataset.countries().len());
    let at = |name: &str| names.iter().position(|n| n == name).unwrap();
    assert!(at("Éthiopie") < at("Libye"), "Éthiopie among the E's: {names:?}");
}
