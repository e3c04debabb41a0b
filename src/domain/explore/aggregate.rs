//! From selected figures to what the views show: headline cards, time series with their
//! warnings, and the latest-value breakdown by place.
//!
//! "Latest" always means the most recent *report*: among the candidate figures, the one whose
//! source was published last (then the later as-of date, then the file order). Headline cards
//! first narrow the candidates to the widest geography available, so that a programme-wide
//! total is preferred over one country's figure published later.

use std::collections::BTreeMap;

use crate::domain::dataset::date::Date;
use crate::domain::dataset::model::{Country, Dataset, Figure, Metric, Place, Position, Programme, Unit};

/// The four things the dashboard exists to show, one card each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Headline {
    /// Projects.
    Projects,
    /// Funding in euros.
    Funding,
    /// Migrants assisted: returned, given reintegration support, rescued.
    MigrantsAssisted,
    /// Countries covered or served.
    Countries,
}

impl Headline {
    /// The cards, in display order (migrants last: its card is the widest).
    pub const ALL: [Headline; 4] = [Headline::Projects, Headline::Funding, Headline::Countries, Headline::MigrantsAssisted];

    /// The metrics a card reports; each gets its own line when there are several.
    pub fn lines(self) -> &'static [HeadlineLine] {
        match self {
            Headline::Projects => &[HeadlineLine { metrics: &[Metric::Projects] }],
            Headline::Funding => &[HeadlineLine { metrics: &[Metric::FundingEur] }],
            Headline::MigrantsAssisted => &[
                HeadlineLine { metrics: &[Metric::MigrantsReturned] },
                HeadlineLine { metrics: &[Metric::MigrantsReintegration] },
                HeadlineLine { metrics: &[Metric::MigrantsRescued] },
            ],
            Headline::Countries => &[HeadlineLine { metrics: &[Metric::CountriesCovered, Metric::CountriesHumanitarianAid] }],
        }
    }

    /// Identifier for URLs and test hooks.
    pub fn id(self) -> &'static str {
        match self {
            Headline::Projects => "projects",
            Headline::Funding => "funding",
            Headline::MigrantsAssisted => "migrants",
            Headline::Countries => "countries",
        }
    }
}

/// One line of a headline card: the latest figure among some metrics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeadlineLine {
    /// Metrics competing for the line.
    pub metrics: &'static [Metric],
}

/// Ordering key for "latest report": source date, then as-of date, then file order.
fn report_key(dataset: &Dataset, index: Position<Figure>) -> Option<(Date, Date, Position<Figure>)> {
    let figure = dataset.figure(index)?;
    let source = dataset.source_of(figure)?;
    Some((source.date(), figure.as_of(), index))
}

/// The latest report among `candidates` (indices into the dataset's figures).
pub fn latest(dataset: &Dataset, candidates: impl IntoIterator<Item = Position<Figure>>) -> Option<Position<Figure>> {
    candidates.into_iter().filter_map(|index| report_key(dataset, index)).max().map(|(_, _, index)| index)
}

/// The figure a headline line shows: widest geography first, then the latest report.
pub fn headline_figure(dataset: &Dataset, selected: &[Position<Figure>], line: HeadlineLine) -> Option<Position<Figure>> {
    headline_figures(dataset, selected, &[line]).pop().flatten()
}

/// The figure of each line of `lines`, as [`headline_figure`] chooses it, in one pass over the
/// selection (the cards ask for six lines at once, and a selection can hold every figure).
pub fn headline_figures(dataset: &Dataset, selected: &[Position<Figure>], lines: &[HeadlineLine]) -> Vec<Option<Position<Figure>>> {
    // Widest geography (lowest scope rank) first, then the latest report.
    type Best = (std::cmp::Reverse<u8>, (Date, Date, Position<Figure>));
    let mut best: Vec<Option<Best>> = vec![None; lines.len()];
    for &index in selected {
        let Some(figure) = dataset.figure(index) else { continue };
        for (line, slot) in lines.iter().zip(best.iter_mut()) {
            if !line.metrics.contains(&figure.metric()) {
                continue;
            }
            let Some(key) = report_key(dataset, index) else { continue };
            let candidate = (std::cmp::Reverse(figure.scope_rank()), key);
            if slot.as_ref().is_none_or(|current| candidate > *current) {
                *slot = Some(candidate);
            }
        }
    }
    best.into_iter().map(|best| best.map(|(_, (_, _, index))| index)).collect()
}

/// What makes figures one series: same metric, programme and place.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SeriesKey {
    /// Metric.
    pub metric: Metric,
    /// Programme.
    pub programme: Position<Programme>,
    /// Place.
    pub place: Place,
}

/// Something a reader must know about a point before comparing it with its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Warning {
    /// A running total lower than the previous report in the same series.
    Decrease,
    /// Another report in the same series, about the same date, gives a clearly different value.
    Conflict,
    /// The figure is part of a documented disagreement.
    Documented,
    /// A running total that counts from another start than another running total of the same
    /// series: the two are not comparable, and the line between them is no trend.
    StartDiffers,
}

/// One report in a series.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesPoint {
    /// Index of the figure in the dataset.
    pub figure: Position<Figure>,
    /// As-of date, in days since 1970-01-01.
    pub day: i64,
    /// Value.
    pub value: f64,
    /// Start of the period for a period total, in days.
    pub period_start_day: Option<i64>,
    /// Warnings, sorted, without repeats.
    pub warnings: Vec<Warning>,
}

/// Reports of one thing over time.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// What the series is.
    pub key: SeriesKey,
    /// Unit shared by every point.
    pub unit: Unit,
    /// Points by as-of date (then report date).
    pub points: Vec<SeriesPoint>,
}

impl Series {
    /// The starts the running totals of the series count from, earliest first, each once.
    pub fn starts(&self, dataset: &Dataset) -> Vec<Date> {
        distinct_starts(dataset, &self.points)
    }

    /// Number of points carrying a warning.
    pub fn n_warnings(&self) -> usize {
        self.points.iter().filter(|point| !point.warnings.is_empty()).count()
    }
}

/// Two reports this many days apart or less describe "about the same date".
pub const SAME_DATE_DAYS: i64 = 45;
/// Values differing by more than this fraction of the larger one conflict.
pub const CONFLICT_RATIO: f64 = 0.10;

/// Groups the selected figures into series. Only quantities (counts and euros) are charted;
/// release context such as ordinals and years stays in the table.
pub fn build_series(dataset: &Dataset, selected: &[Position<Figure>]) -> Vec<Series> {
    let mut groups: BTreeMap<(SeriesKey, &'static str), Vec<Position<Figure>>> = BTreeMap::new();
    for index in selected {
        let Some(figure) = dataset.figure(*index) else { continue };
        if !figure.unit().is_quantity() {
            continue;
        }
        let key = SeriesKey { metric: figure.metric(), programme: figure.programme_index(), place: Place::of(figure) };
        groups.entry((key, figure.unit().id())).or_default().push(*index);
    }
    let mut out: Vec<Series> = groups.into_iter().filter_map(|((key, _), members)| series_from(dataset, key, members)).collect();
    // Longest series first: they carry most of the story and get the first colours.
    out.sort_by(|a, b| b.points.len().cmp(&a.points.len()).then_with(|| a.key.cmp(&b.key)));
    out
}

fn series_from(dataset: &Dataset, key: SeriesKey, mut members: Vec<Position<Figure>>) -> Option<Series> {
    // Keys are computed once per figure: comparing would otherwise look figures up at random
    // in a large dataset n·log n times.
    members.sort_by_cached_key(|index| {
        let figure = dataset.figure(*index);
        (figure.map(|f| f.as_of()), report_key(dataset, *index))
    });
    let unit = dataset.figure(*members.first()?)?.unit();
    let mut points: Vec<SeriesPoint> = members
        .iter()
        .filter_map(|index| {
            let figure = dataset.figure(*index)?;
            let documented = dataset.disagreements_of(*index).next().is_some();
            Some(SeriesPoint {
                figure: *index,
                day: figure.as_of().days_since_epoch(),
                value: figure.value(),
                period_start_day: if figure.is_period_total() { figure.period_start().map(|d| d.days_since_epoch()) } else { None },
                warnings: if documented { vec![Warning::Documented] } else { Vec::new() },
            })
        })
        .collect();
    mark_decreases(&mut points);
    mark_conflicts(&mut points);
    mark_start_differences(dataset, &mut points);
    for point in &mut points {
        point.warnings.sort_unstable();
        point.warnings.dedup();
    }
    Some(Series { key, unit, points })
}

/// Flags the running totals that say what they count from when another running total of the
/// series counts from another start.
fn mark_start_differences(dataset: &Dataset, points: &mut [SeriesPoint]) {
    if distinct_starts(dataset, points).len() < 2 {
        return;
    }
    for point in points.iter_mut() {
        if running_start(dataset, point).is_some() {
            point.warnings.push(Warning::StartDiffers);
        }
    }
}

/// What a running total counts from, when its source says.
fn running_start(dataset: &Dataset, point: &SeriesPoint) -> Option<Date> {
    if point.period_start_day.is_some() {
        return None;
    }
    dataset.figure(point.figure).and_then(Figure::cumulative_since)
}

/// The starts of the running totals among `points`, earliest first, each once.
fn distinct_starts(dataset: &Dataset, points: &[SeriesPoint]) -> Vec<Date> {
    let mut starts: Vec<Date> = points.iter().filter_map(|p| running_start(dataset, p)).collect();
    starts.sort_unstable();
    starts.dedup();
    starts
}

/// Flags running totals that fall below the highest earlier running total.
fn mark_decreases(points: &mut [SeriesPoint]) {
    let mut highest: Option<f64> = None;
    for point in points.iter_mut().filter(|p| p.period_start_day.is_none()) {
        if let Some(previous) = highest {
            if point.value < previous {
                point.warnings.push(Warning::Decrease);
            }
        }
        highest = Some(highest.map_or(point.value, |h| h.max(point.value)));
    }
}

/// Flags reports with another comparable report (same kind of period) within
/// [`SAME_DATE_DAYS`] whose value differs by more than [`CONFLICT_RATIO`] of the larger one.
///
/// Runs in O(n log n): per kind of period, a sliding window over dates keeps the window's values
/// in an ordered multiset, and a report conflicts exactly when the window's maximum is above
/// `v / (1 − r)` or its minimum below `v · (1 − r)`.
fn mark_conflicts(points: &mut [SeriesPoint]) {
    let mut groups: BTreeMap<Option<i64>, Vec<usize>> = BTreeMap::new();
    for (index, point) in points.iter().enumerate() {
        groups.entry(point.period_start_day).or_default().push(index);
    }
    let mut conflicted = vec![false; points.len()];
    let keep = 1.0 - CONFLICT_RATIO;
    for members in groups.values() {
        // Points are sorted by date already; `members` keeps that order.
        let day = |k: usize| members.get(k).and_then(|i| points.get(*i)).map_or(0, |p| p.day);
        let value = |k: usize| members.get(k).and_then(|i| points.get(*i)).map_or(0.0, |p| p.value);
        // Values are never negative, so the bit patterns of f64s sort like the numbers.
        let mut window: BTreeMap<u64, usize> = BTreeMap::new();
        let (mut lo, mut hi) = (0, 0);
        for k in 0..members.len() {
            while hi < members.len() && day(hi) <= day(k) + SAME_DATE_DAYS {
                *window.entry(value(hi).to_bits()).or_default() += 1;
                hi += 1;
            }
            while day(lo) < day(k) - SAME_DATE_DAYS {
                let bits = value(lo).to_bits();
                if let Some(count) = window.get_mut(&bits) {
                    *count -= 1;
                    if *count == 0 {
                        window.remove(&bits);
                    }
                }
                lo += 1;
            }
            let v = value(k);
            let max = window.keys().next_back().map_or(v, |b| f64::from_bits(*b));
            let min = window.keys().next().map_or(v, |b| f64::from_bits(*b));
            if max > 0.0 && (max * keep > v || min < v * keep) {
                if let Some(slot) = members.get(k).and_then(|i| conflicted.get_mut(*i)) {
                    *slot = true;
                }
            }
        }
    }
    for (point, conflicted) in points.iter_mut().zip(conflicted) {
        if conflicted {
            point.warnings.push(Warning::Conflict);
        }
    }
}

/// One bar of the breakdown: the latest value for one place.
#[derive(Debug, Clone, PartialEq)]
pub struct BreakdownBar {
    /// Where.
    pub place: Place,
    /// The figure shown (latest report for that place).
    pub figure: Position<Figure>,
    /// Its value.
    pub value: f64,
    /// Reports available for that place (the bar shows the latest).
    pub n_reports: usize,
}

/// Which places the breakdown compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum BreakdownBy {
    /// One bar per country.
    #[default]
    Country,
    /// One bar per region (figures naming several regions count for the combination).
    Region,
}

impl BreakdownBy {
    /// The identifier used in URLs.
    pub fn id(self) -> &'static str {
        match self {
            BreakdownBy::Country => "country",
            BreakdownBy::Region => "region",
        }
    }

    /// Reads an identifier.
    pub fn from_id(id: &str) -> Option<BreakdownBy> {
        [BreakdownBy::Country, BreakdownBy::Region].into_iter().find(|b| b.id() == id)
    }
}

/// Latest reported value per place for one metric, largest first.
///
/// Period totals (for example "returns in 2018") are not compared with running totals: when a
/// place has both, only running totals compete for its bar, and a period total that covers a
/// running total's whole count, from its start to its as-of date or later ("8,853 returns in
/// 2025" beside "more than 6,500 since 1 January 2025"). Nothing is added: one figure is chosen.
pub fn build_breakdown(dataset: &Dataset, selected: &[Position<Figure>], metric: Metric, by: BreakdownBy) -> Vec<BreakdownBar> {
    let mut by_place: BTreeMap<Place, Vec<Position<Figure>>> = BTreeMap::new();
    for index in selected {
        let Some(figure) = dataset.figure(*index) else { continue };
        if figure.metric() != metric || !figure.unit().is_quantity() {
            continue;
        }
        let place = match (by, Place::of(figure)) {
            (BreakdownBy::Country, place @ Place::Country(_)) => place,
            (BreakdownBy::Region, place @ Place::Regions(_)) => place,
            _ => continue,
        };
        by_place.entry(place).or_default().push(*index);
    }
    let mut bars: Vec<BreakdownBar> = by_place
        .into_iter()
        .filter_map(|(place, members)| {
            let running: Vec<&Figure> = members.iter().filter_map(|i| dataset.figure(*i)).filter(|f| !f.is_period_total()).collect();
            let competes = |f: &Figure| running.is_empty() || !f.is_period_total() || running.iter().any(|r| covers(f, r));
            let competing = members.iter().copied().filter(|i| dataset.figure(*i).is_some_and(competes));
            let figure = latest(dataset, competing)?;
            let value = dataset.figure(figure)?.value();
            Some(BreakdownBar { place, figure, value, n_reports: members.len() })
        })
        .collect();
    bars.sort_by(|a, b| b.value.total_cmp(&a.value).then_with(|| a.place.cmp(&b.place)));
    bars
}

/// Whether the period total `total` counts all that the running total `running` counts: from the
/// running total's start (or earlier) to its as-of date (or later).
fn covers(total: &Figure, running: &Figure) -> bool {
    match (total.period_start(), running.cumulative_since()) {
        (Some(start), Some(since)) => start <= since && total.as_of() >= running.as_of(),
        _ => false,
    }
}

/// Latest value per country for one metric (for the country list's "sort by value" and the map).
pub fn latest_by_country(
    dataset: &Dataset,
    selected: &[Position<Figure>],
    metric: Metric,
) -> BTreeMap<Position<Country>, Position<Figure>> {
    build_breakdown(dataset, selected, metric, BreakdownBy::Country)
        .into_iter()
        .filter_map(|bar| match bar.place {
            Place::Country(country) => Some((country, bar.figure)),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dataset::model::Qualifier;
    use crate::domain::testing::{dataset, figure};

    fn all(dataset: &Dataset) -> Vec<Position<Figure>> {
        dataset.figure_positions().collect()
    }

    #[test]
    fn latest_means_latest_report_then_latest_as_of() {
        let d = dataset(&[figure("a").date("2019-01-01").value(10.0), figure("b").date("2021-01-01").value(5.0), figure("c").value(30.0)]);
        assert_eq!(latest(&d, all(&d)), Some(Position::new(1)));
        assert_eq!(latest(&d, Vec::new()), None);
    }

    #[test]
    fn headlines_prefer_the_widest_geography() {
        let d = dataset(&[
            figure("whole").date("2019-01-01").metric(Metric::Projects).value(500.0),
            figure("ly").date("2024-01-01").metric(Metric::Projects).value(20.0).country("LY"),
            figure("funds").metric(Metric::FundingEur).value(1e9).qualifier(Qualifier::About).country("NE"),
        ]);
        let line = Headline::Projects.lines()[0];
        assert_eq!(headline_figure(&d, &all(&d), line), Some(Position::new(0)));
        // Without a programme-wide figure, the national one is the headline.
        assert_eq!(headline_figure(&d, &[Position::new(1)], line), Some(Position::new(1)));
        assert_eq!(headline_figure(&d, &all(&d), Headline::Funding.lines()[0]), Some(Position::new(2)));
        assert_eq!(headline_figure(&d, &all(&d), Headline::Countries.lines()[0]), None);
    }

    #[test]
    fn series_split_by_place_and_skip_non_quantities() {
        let d = dataset(&[figure("a").date("2019-01-01").value(10.0), figure("b").value(20.0), figure("c").value(5.0).country("LY")]);
        let series = build_series(&d, &all(&d));
        assert_eq!(series.len(), 2);
        assert_eq!(series[0].points.len(), 2, "the longer series comes first");
        assert_eq!(series[1].key.place, Place::Country(Position::new(0)));
    }

    /// Running totals of one series with the starts given (`None`: the source names none), and
    /// one total for a period.
    fn totals_since(starts: &[Option<&str>]) -> Dataset {
        let figure = |i: usize, since: &Option<&str>| {
            serde_json::json!({"id": format!("f{i}"), "source": "s", "metric": "migrants_returned", "metric_detail": "d", "value": 1000.0 * (i as f64 + 1.0),
                "unit": "count", "qualifier": "exact", "programme": "P", "programme_id": "p", "period_end": format!("20{}-06-30", 18 + i), "cumulative_since": since})
        };
        let mut figures: Vec<_> = starts.iter().enumerate().map(|(i, since)| figure(i, since)).collect();
        figures.push(serde_json::json!({"id": "period", "source": "s", "metric": "migrants_returned", "metric_detail": "d", "value": 10.0, "unit": "count",
            "qualifier": "exact", "programme": "P", "programme_id": "p", "period_start": "2019-01-01", "period_end": "2019-12-31"}));
        let doc = serde_json::json!({"schema": crate::domain::dataset::load::SCHEMA, "schema_version": 1,
            "programmes": [{"id": "p", "name_en": "P", "name_fr": "P"}],
            "sources": [{"id": "s", "date": "2025-01-01", "date_precision": "day", "publisher": "IOM", "publisher_kind": "iom", "title": "t", "url": "https://example.org", "language": "en", "kind": "news"}],
            "figures": figures});
        std::sync::Arc::unwrap_or_clone(crate::domain::dataset::load::load_value(&doc).unwrap().dataset)
    }

    #[test]
    fn running_totals_from_different_starts_are_flagged_in_one_series() {
        let d = totals_since(&[Some("2016-12-15"), Some("2017-05-01"), None]);
        let series = build_series(&d, &all(&d));
        assert_eq!(series.len(), 1);
        let flagged: Vec<(&str, bool)> = series[0]
            .points
            .iter()
            .map(|p| (d.figure(p.figure).unwrap().id(), p.warnings.contains(&Warning::StartDiffers)))
            .collect();
        assert_eq!(
            flagged,
            [("f0", true), ("f1", true), ("period", false), ("f2", false)],
            "a total without a stated start and a period total are not flagged"
        );
        assert_eq!(series[0].starts(&d).iter().map(ToString::to_string).collect::<Vec<_>>(), ["2016-12-15", "2017-05-01"]);
        let same = totals_since(&[Some("2016-12-15"), Some("2016-12-15"), None]);
        let series = build_series(&same, &all(&same));
        assert!(series[0].points.iter().all(|p| !p.warnings.contains(&Warning::StartDiffers)), "one start: nothing to name");
    }

    #[test]
    fn a_falling_running_total_is_flagged_not_smoothed() {
        let d = dataset(&[
            figure("a").date("2019-01-01").metric(Metric::MigrantsReintegration).value(100.0),
            figure("b").metric(Metric::MigrantsReintegration).value(92.0).qualifier(Qualifier::Almost),
            figure("c").date("2021-01-01").metric(Metric::MigrantsReintegration).value(103.0).qualifier(Qualifier::MoreThan),
        ]);
        let series = build_series(&d, &all(&d));
        let warnings: Vec<_> = series[0].points.iter().map(|p| p.warnings.clone()).collect();
        assert_eq!(warnings, vec![vec![], vec![Warning::Decrease], vec![]]);
        assert_eq!(series[0].points[1].value, 92.0, "the value is kept as reported");
    }

    #[test]
    fn period_totals_neither_fall_nor_join_the_line() {
        let d = dataset(&[
            figure("a").date("2019-01-01").value(20000.0),
            figure("y").date("2019-06-01").value(3000.0).period_start("2019-01-01"),
        ]);
        let series = build_series(&d, &all(&d));
        let year = &series[0].points[1];
        assert!(year.period_start_day.is_some());
        assert!(year.warnings.is_empty());
    }

    #[test]
    fn reports_about_the_same_date_that_disagree_are_flagged() {
        let d = dataset(&[
            figure("a").date("2020-06-01").value(50000.0),
            figure("b").date("2020-06-19").value(33000.0).qualifier(Qualifier::Almost),
            figure("c").date("2020-06-20").value(33500.0),
            figure("d").date("2021-06-20").value(60000.0),
        ]);
        let series = build_series(&d, &all(&d));
        let conflicted: Vec<bool> = series[0].points.iter().map(|p| p.warnings.contains(&Warning::Conflict)).collect();
        assert_eq!(conflicted, vec![true, true, true, false]);
    }

    /// The pairwise definition the sliding window must agree with.
    fn naive_conflicts(points: &[SeriesPoint]) -> Vec<bool> {
        points
            .iter()
            .map(|a| {
                points.iter().any(|b| {
                    let larger = a.value.max(b.value);
                    (a.day - b.day).abs() <= SAME_DATE_DAYS
                        && a.period_start_day == b.period_start_day
                        && larger > 0.0
                        && (a.value - b.value).abs() / larger > CONFLICT_RATIO
                })
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn the_sliding_window_agrees_with_the_pairwise_definition(
            raw in proptest::collection::vec((0i64..400, 0u32..60, proptest::option::of(0i64..3)), 0..40)
        ) {
            let mut raw = raw;
            raw.sort_by_key(|(day, _, _)| *day);
            let mut points: Vec<SeriesPoint> = raw
                .iter()
                .enumerate()
                .map(|(i, (day, value, start))| SeriesPoint {
                    figure: Position::new(i),
                    day: *day,
                    value: f64::from(*value) * 10.0,
                    period_start_day: *start,
                    warnings: Vec::new(),
                })
                .collect();
            let expected = naive_conflicts(&points);
            mark_conflicts(&mut points);
            let actual: Vec<bool> = points.iter().map(|p| p.warnings.contains(&Warning::Conflict)).collect();
            proptest::prop_assert_eq!(actual, expected);
        }
    }

    #[test]
    fn breakdown_shows_the_latest_running_total_per_place_largest_first() {
        let d = dataset(&[
            figure("ly1").date("2019-01-01").value(40000.0).qualifier(Qualifier::MoreThan).country("LY"),
            figure("ly2").date("2025-01-01").value(100000.0).qualifier(Qualifier::MoreThan).country("LY"),
            figure("lyyear").date("2025-02-01").value(9000.0).country("LY").period_start("2024-01-01"),
            figure("ne").date("2024-01-01").value(66000.0).country("NE"),
            figure("whole").date("2024-01-01"),
        ]);
        let bars = build_breakdown(&d, &all(&d), Metric::MigrantsReturned, BreakdownBy::Country);
        let summary: Vec<(usize, f64, usize)> = bars.iter().map(|b| (b.figure.get(), b.value, b.n_reports)).collect();
        assert_eq!(summary, vec![(1, 100000.0, 3), (3, 66000.0, 1)]);
        assert!(build_breakdown(&d, &all(&d), Metric::Projects, BreakdownBy::Country).is_empty());
        assert_eq!(latest_by_country(&d, &all(&d), Metric::MigrantsReturned).get(&Position::new(0)), Some(&Position::new(1)));
    }

    #[test]
    fn a_later_period_total_that_covers_a_running_total_takes_its_place() {
        // Libya here stands for Tunisia's returns in 2025: "more than 6,500 since the start of the
        // year" in September, then 8,853 for the whole year in January. In Niger the total of
        // 2023 ends before the running total's date, so it covers it not and the running total stays.
        let d = dataset(&[
            figure("sept").date("2025-09-16").value(6500.0).qualifier(Qualifier::MoreThan).country("LY").counted_since("2025-01-01"),
            figure("year").date("2026-01-15").value(8853.0).country("LY").period_start("2025-01-01"),
            figure("older").date("2024-01-10").value(2557.0).country("NE").period_start("2023-01-01"),
            figure("ne").date("2024-06-01").value(900.0).country("NE").counted_since("2024-03-01"),
        ]);
        let bars = build_breakdown(&d, &all(&d), Metric::MigrantsReturned, BreakdownBy::Country);
        let summary: Vec<(usize, f64)> = bars.iter().map(|b| (b.figure.get(), b.value)).collect();
        assert_eq!(summary, vec![(1, 8853.0), (3, 900.0)]);
    }
}
