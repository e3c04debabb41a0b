//! Filtering: which figures a [`Filter`] selects from a [`Dataset`].
//!
//! A filter names things by id (as URLs do); [`Filter::resolve`] turns it into indices once,
//! so that selecting from a large dataset is one pass of integer comparisons.

use std::collections::BTreeSet;

use crate::domain::dataset::model::{Dataset, Figure, Metric, Position, Source};

/// How wide a figure's geography is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// No region or country named: the programme as a whole.
    ProgrammeWide,
    /// One or more regions named, no single country.
    Regional,
    /// One country.
    National,
}

impl Level {
    /// All levels, widest first.
    pub const ALL: [Level; 3] = [Level::ProgrammeWide, Level::Regional, Level::National];

    /// The identifier used in URLs.
    pub fn id(self) -> &'static str {
        match self {
            Level::ProgrammeWide => "programme",
            Level::Regional => "region",
            Level::National => "country",
        }
    }

    /// Reads an identifier.
    pub fn from_id(id: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|level| level.id() == id)
    }

    /// The level of a figure.
    pub fn of(figure: &Figure) -> Level {
        match figure.scope_rank() {
            0 => Level::ProgrammeWide,
            1 => Level::Regional,
            _ => Level::National,
        }
    }
}

/// Which publishers' figures to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum PublisherFilter {
    /// Every source, including media republications.
    #[default]
    All,
    /// Official EU and IOM publications only.
    OfficialOnly,
}

impl PublisherFilter {
    /// The identifier used in URLs.
    pub fn id(self) -> &'static str {
        match self {
            PublisherFilter::All => "all",
            PublisherFilter::OfficialOnly => "official",
        }
    }

    /// Reads an identifier.
    pub fn from_id(id: &str) -> Option<PublisherFilter> {
        [PublisherFilter::All, PublisherFilter::OfficialOnly].into_iter().find(|p| p.id() == id)
    }
}

/// A selection of figures, by id. Empty sets mean "no restriction".
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
pub struct Filter {
    /// Metrics to show.
    pub metrics: BTreeSet<Metric>,
    /// Programme ids.
    pub programmes: BTreeSet<String>,
    /// Region ids; a figure matches when one of its regions is listed.
    pub regions: BTreeSet<String>,
    /// Country codes.
    pub countries: BTreeSet<String>,
    /// Geographic levels.
    pub levels: BTreeSet<Level>,
    /// First and last year (inclusive) of the figures' as-of dates.
    pub years: Option<(i32, i32)>,
    /// Which publishers.
    pub publishers: PublisherFilter,
}

/// Which dimensions of a filter to ignore, for views that must not be narrowed by them
/// (headline cards keep every metric; the breakdown keeps every level).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Ignore {
    /// Ignore the metric filter.
    pub metrics: bool,
    /// Ignore the level filter.
    pub levels: bool,
}

/// A filter translated to dataset indices. Ids the dataset does not know select nothing.
#[derive(Debug, Clone)]
pub struct ResolvedFilter {
    metrics: Option<Vec<Metric>>,
    programmes: Option<Vec<bool>>,
    regions: Option<Vec<bool>>,
    countries: Option<Vec<bool>>,
    levels: Option<Vec<Level>>,
    years: Option<(i32, i32)>,
    official_only: bool,
    official_sources: Vec<bool>,
}

fn mask<T>(ids: &BTreeSet<String>, n: usize, index_of: impl Fn(&str) -> Option<Position<T>>) -> Option<Vec<bool>> {
    if ids.is_empty() {
        return None;
    }
    let mut mask = vec![false; n];
    for index in ids.iter().filter_map(|id| index_of(id)) {
        if let Some(slot) = mask.get_mut(index.get()) {
            *slot = true;
        }
    }
    Some(mask)
}

impl Filter {
    /// The filter of the headline cards: this one without its metric and level choices (the
    /// cards show every metric, each at its widest geography).
    pub fn for_cards(&self) -> Filter {
        Filter { metrics: BTreeSet::new(), levels: BTreeSet::new(), ..self.clone() }
    }

    /// How many of the filter's dimensions (metric, programme, region, country, level, period,
    /// publisher) differ from `default`: the count the filter button shows.
    pub fn changes_from(&self, default: &Filter) -> usize {
        [
            self.metrics != default.metrics,
            self.programmes != default.programmes,
            self.regions != default.regions,
            self.countries != default.countries,
            self.levels != default.levels,
            self.years != default.years,
            self.publishers != default.publishers,
        ]
        .into_iter()
        .filter(|changed| *changed)
        .count()
    }

    /// Translates ids to indices for `dataset`, dropping the dimensions in `ignore`.
    pub fn resolve(&self, dataset: &Dataset, ignore: Ignore) -> ResolvedFilter {
        ResolvedFilter {
            metrics: (!self.metrics.is_empty() && !ignore.metrics).then(|| self.metrics.iter().copied().collect()),
            programmes: mask(&self.programmes, dataset.programmes().len(), |id| dataset.programme_index(id)),
            regions: mask(&self.regions, dataset.regions().len(), |id| dataset.region_index(id)),
            countries: mask(&self.countries, dataset.countries().len(), |code| dataset.country_index(code)),
            levels: (!self.levels.is_empty() && !ignore.levels).then(|| self.levels.iter().copied().collect()),
            years: self.years,
            official_only: self.publishers == PublisherFilter::OfficialOnly,
            official_sources: dataset.sources().iter().map(|source| source.is_official()).collect(),
        }
    }
}

impl ResolvedFilter {
    /// True when the figure passes every dimension.
    pub fn matches(&self, figure: &Figure) -> bool {
        fn allowed<T>(mask: &Option<Vec<bool>>, at: Position<T>) -> bool {
            mask.as_ref().is_none_or(|mask| mask.get(at.get()).copied().unwrap_or(false))
        }
        if let Some(metrics) = &self.metrics {
            if !metrics.contains(&figure.metric()) {
                return false;
            }
        }
        if !allowed(&self.programmes, figure.programme_index()) {
            return false;
        }
        if let Some(regions) = &self.regions {
            let any = figure.region_indices().iter().any(|index| regions.get(index.get()).copied().unwrap_or(false));
            if !any {
                return false;
            }
        }
        if self.countries.is_some() {
            match figure.country_index() {
                Some(index) if allowed(&self.countries, index) => {}
                _ => return false,
            }
        }
        if let Some(levels) = &self.levels {
            if !levels.contains(&Level::of(figure)) {
                return false;
            }
        }
        if let Some((from, to)) = self.years {
            let year = figure.as_of().year();
            if year < from || year > to {
                return false;
            }
        }
        if self.official_only && !self.official_sources.get(figure.source_index().get()).copied().unwrap_or(false) {
            return false;
        }
        true
    }
}

/// Indices of the figures `filter` selects, in dataset order.
pub fn select(dataset: &Dataset, filter: &Filter, ignore: Ignore) -> Vec<Position<Figure>> {
    let resolved = filter.resolve(dataset, ignore);
    dataset.positioned_figures().filter(|(_, figure)| resolved.matches(figure)).map(|(at, _)| at).collect()
}

/// Number of distinct sources behind a list of figures.
pub fn count_sources(dataset: &Dataset, figures: &[Position<Figure>]) -> usize {
    sources_behind(dataset, figures).len()
}

/// The distinct sources behind a list of figures, in dataset order.
pub fn sources_behind(dataset: &Dataset, figures: &[Position<Figure>]) -> Vec<Position<Source>> {
    let mut seen = vec![false; dataset.sources().len()];
    for figure in figures.iter().filter_map(|at| dataset.figure(*at)) {
        if let Some(slot) = seen.get_mut(figure.source_index().get()) {
            *slot = true;
        }
    }
    seen.iter().enumerate().filter(|(_, seen)| **seen).map(|(at, _)| Position::new(at)).collect()
}

/// One end of the period filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearEnd {
    /// The first year.
    From,
    /// The last year.
    To,
}

impl YearEnd {
    /// Both ends, first year first.
    pub const BOTH: [YearEnd; 2] = [YearEnd::From, YearEnd::To];

    /// The id of the end, as the controls' ids spell it: `from`, `to`.
    pub fn id(self) -> &'static str {
        match self {
            YearEnd::From => "from",
            YearEnd::To => "to",
        }
    }

    /// This end's year of a period.
    pub fn of(self, (from, to): (i32, i32)) -> i32 {
        match self {
            YearEnd::From => from,
            YearEnd::To => to,
        }
    }
}

/// Why a typed year was refused (the period stays as it was); its words are in
/// `text::notices`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearError {
    /// The text is not a whole year.
    NotAYear,
    /// Before the data's first year.
    BeforeData {
        /// The data's first year.
        first: i32,
    },
    /// After the data's last year.
    AfterData {
        /// The data's last year.
        last: i32,
    },
    /// A first year after the period's last year.
    AfterEnd {
        /// The period's last year.
        to: i32,
    },
    /// A last year before the period's first year.
    BeforeStart {
        /// The period's first year.
        from: i32,
    },
}

/// The years the data covers, its first and last as-of year: the ends of the period control.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearBounds {
    /// The first as-of year.
    pub first: i32,
    /// The last as-of year.
    pub last: i32,
}

impl YearBounds {
    /// The bounds of the dataset's figures ([`year_bounds`]); `None` when it has none.
    pub fn of(dataset: &Dataset) -> Option<YearBounds> {
        dataset.year_bounds().map(|(first, last)| YearBounds { first, last })
    }

    /// The years a filter's period covers: its own range, or every year of the data.
    pub fn selected(self, years: Option<(i32, i32)>) -> (i32, i32) {
        years.unwrap_or((self.first, self.last))
    }

    /// The period after the slider's thumb for `end` is moved to `text` (the range input's
    /// value; `years` is the filter's period): the year read from the text, clamped into the
    /// bounds, and at most the other end (for [`YearEnd::From`]) or at least it (for
    /// [`YearEnd::To`]), so a thumb moved past the other one stops there. `None` when the text
    /// is not a year, which leaves the period as it was.
    pub fn slide_end(self, years: Option<(i32, i32)>, end: YearEnd, text: &str) -> Option<(i32, i32)> {
        let year = text.trim().parse::<i32>().ok()?.clamp(self.first, self.last);
        let (from, to) = self.selected(years);
        Some(match end {
            YearEnd::From => (year.min(to), to),
            YearEnd::To => (from, year.max(from)),
        })
    }

    /// The period after a year is typed into the number field for its `end` (`years` is the
    /// filter's period), read strictly, since what is typed should be what is applied: a whole year within the
    /// bounds, and not past the period's other end; otherwise why not, and the period stays.
    pub fn typed_end(self, years: Option<(i32, i32)>, end: YearEnd, text: &str) -> Result<(i32, i32), YearError> {
        let year = text.trim().parse::<i32>().map_err(|_| YearError::NotAYear)?;
        if year < self.first {
            return Err(YearError::BeforeData { first: self.first });
        }
        if year > self.last {
            return Err(YearError::AfterData { last: self.last });
        }
        let (from, to) = self.selected(years);
        match end {
            YearEnd::From if year > to => Err(YearError::AfterEnd { to }),
            YearEnd::To if year < from => Err(YearError::BeforeStart { from }),
            YearEnd::From => Ok((year, to)),
            YearEnd::To => Ok((from, year)),
        }
    }

    /// Where a period sits on a track running from the first to the last year: how far its
    /// ends are from the track's left and right ends, in percent of the track's length.
    pub fn track_gaps(self, (from, to): (i32, i32)) -> (f64, f64) {
        let span = f64::from((self.last - self.first).max(1));
        (f64::from(from - self.first) / span * 100.0, f64::from(self.last - to) / span * 100.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dataset::model::Qualifier;
    use crate::domain::testing::{dataset, figure};

    fn sample() -> Dataset {
        dataset(&[
            figure("whole").date("2017-01-01").value(10.0),
            figure("ly").date("2019-06-01").value(20.0).country("LY"),
            figure("ne").date("2021-01-01").metric(Metric::Projects).value(3.0).country("NE"),
            figure("media").date("2022-01-01").value(30.0).qualifier(Qualifier::About).published_by_media(),
        ])
    }

    const BOUNDS: YearBounds = YearBounds { first: 2013, last: 2025 };

    #[test]
    fn the_bounds_are_the_first_and_last_year_of_the_data() {
        assert_eq!(YearBounds::of(&sample()), Some(YearBounds { first: 2017, last: 2022 }));
        assert_eq!(YearBounds::of(&Dataset::default()), None, "no figures, no years");
        let one = dataset(&[figure("whole").date("2019-05-01").metric(Metric::Projects)]);
        assert_eq!(YearBounds::of(&one), Some(YearBounds { first: 2019, last: 2019 }));
    }

    #[test]
    fn without_a_period_the_filter_covers_every_year_of_the_data() {
        assert_eq!(BOUNDS.selected(None), (2013, 2025));
        assert_eq!(BOUNDS.selected(Some((2016, 2019))), (2016, 2019));
        assert_eq!(BOUNDS.selected(Some((2000, 2199))), (2000, 2199), "a period from a link stays as it is");
    }

    #[test]
    fn a_typed_year_moves_its_end_of_the_period() {
        assert_eq!(BOUNDS.slide_end(None, YearEnd::From, "2017"), Some((2017, 2025)));
        assert_eq!(BOUNDS.slide_end(None, YearEnd::To, "2020"), Some((2013, 2020)));
        assert_eq!(BOUNDS.slide_end(Some((2016, 2019)), YearEnd::From, "2018"), Some((2018, 2019)));
        assert_eq!(BOUNDS.slide_end(Some((2016, 2019)), YearEnd::To, " 2022 "), Some((2016, 2022)));
    }

    #[test]
    fn a_typed_year_is_clamped_into_the_data_s_years() {
        assert_eq!(BOUNDS.slide_end(None, YearEnd::From, "1999"), Some((2013, 2025)));
        assert_eq!(BOUNDS.slide_end(None, YearEnd::To, "2199"), Some((2013, 2025)));
        assert_eq!(BOUNDS.slide_end(Some((2016, 2019)), YearEnd::To, "-5"), Some((2016, 2016)), "clamped, then kept after the start");
        assert_eq!(BOUNDS.slide_end(Some((2016, 2019)), YearEnd::From, "3000"), Some((2019, 2019)), "clamped, then kept before the end");
    }

    #[test]
    fn an_end_never_passes_the_other_one() {
        assert_eq!(BOUNDS.slide_end(Some((2016, 2019)), YearEnd::From, "2021"), Some((2019, 2019)));
        assert_eq!(BOUNDS.slide_end(Some((2016, 2019)), YearEnd::To, "2014"), Some((2016, 2016)));
        assert_eq!(BOUNDS.slide_end(Some((2019, 2019)), YearEnd::To, "2019"), Some((2019, 2019)));
    }

    #[test]
    fn a_typed_year_within_the_bounds_and_the_period_sets_its_end() {
        assert_eq!(BOUNDS.typed_end(None, YearEnd::From, "2017"), Ok((2017, 2025)));
        assert_eq!(BOUNDS.typed_end(None, YearEnd::To, " 2020 "), Ok((2013, 2020)));
        assert_eq!(BOUNDS.typed_end(Some((2016, 2019)), YearEnd::From, "2013"), Ok((2013, 2019)), "the first year of the data");
        assert_eq!(BOUNDS.typed_end(Some((2016, 2019)), YearEnd::To, "2025"), Ok((2016, 2025)), "the last year of the data");
        assert_eq!(BOUNDS.typed_end(Some((2016, 2019)), YearEnd::From, "2019"), Ok((2019, 2019)), "a single year");
        assert_eq!(BOUNDS.typed_end(Some((2016, 2019)), YearEnd::To, "2016"), Ok((2016, 2016)));
    }

    #[test]
    fn a_typed_year_outside_the_data_is_refused_with_the_bound_it_crossed() {
        assert_eq!(BOUNDS.typed_end(None, YearEnd::From, "2012"), Err(YearError::BeforeData { first: 2013 }));
        assert_eq!(BOUNDS.typed_end(None, YearEnd::To, "-5"), Err(YearError::BeforeData { first: 2013 }));
        assert_eq!(BOUNDS.typed_end(None, YearEnd::To, "2026"), Err(YearError::AfterData { last: 2025 }));
        assert_eq!(BOUNDS.typed_end(Some((2016, 2019)), YearEnd::From, "3000"), Err(YearError::AfterData { last: 2025 }));
    }

    #[test]
    fn a_typed_year_past_the_other_end_is_refused_rather_than_moved() {
        assert_eq!(BOUNDS.typed_end(Some((2016, 2019)), YearEnd::From, "2021"), Err(YearError::AfterEnd { to: 2019 }));
        assert_eq!(BOUNDS.typed_end(Some((2016, 2019)), YearEnd::To, "2014"), Err(YearError::BeforeStart { from: 2016 }));
    }

    #[test]
    fn typed_text_that_is_not_a_whole_year_is_refused() {
        for text in ["", " ", "twenty", "2017.5", "2017-2018", "99999999999", "20 17"] {
            assert_eq!(BOUNDS.typed_end(Some((2016, 2019)), YearEnd::From, text), Err(YearError::NotAYear), "{text:?}");
        }
    }

    #[test]
    fn each_end_names_itself_and_picks_its_year() {
        assert_eq!(YearEnd::BOTH.map(YearEnd::id), ["from", "to"]);
        assert_eq!(YearEnd::BOTH.map(|e| e.of((2016, 2019))), [2016, 2019]);
    }

    #[test]
    fn text_that_is_not_a_year_changes_nothing() {
        for text in ["", " ", "twenty", "2017.5", "2017-2018", "99999999999"] {
            assert_eq!(BOUNDS.slide_end(Some((2016, 2019)), YearEnd::From, text), None, "{text:?}");
            assert_eq!(BOUNDS.slide_end(None, YearEnd::To, text), None, "{text:?}");
        }
    }

    #[test]
    fn the_track_shows_the_period_between_its_gaps() {
        assert_eq!(BOUNDS.track_gaps((2013, 2025)), (0.0, 0.0));
        assert_eq!(BOUNDS.track_gaps((2016, 2022)), (25.0, 25.0));
        assert_eq!(BOUNDS.track_gaps((2025, 2025)), (100.0, 0.0));
        let single = YearBounds { first: 2019, last: 2019 };
        assert_eq!(single.track_gaps((2019, 2019)), (0.0, 0.0), "one year of data: a full track, no division by zero");
    }

    #[test]
    fn counts_the_dimensions_that_differ_from_the_default() {
        let default = Filter { metrics: [Metric::MigrantsReturned].into(), years: Some((2013, 2025)), ..Filter::default() };
        assert_eq!(default.changes_from(&default), 0);
        let mut changed = default.clone();
        changed.metrics.insert(Metric::Projects);
        changed.countries.insert("LY".into());
        changed.countries.insert("NE".into());
        changed.years = Some((2017, 2025));
        assert_eq!(changed.changes_from(&default), 3, "two countries are one dimension");
        changed.publishers = PublisherFilter::OfficialOnly;
        assert_eq!(changed.changes_from(&default), 4);
    }

    fn ids<'a>(dataset: &'a Dataset, filter: &Filter, ignore: Ignore) -> Vec<&'a str> {
        select(dataset, filter, ignore).into_iter().map(|i| dataset.figure(i).unwrap().id()).collect()
    }

    #[test]
    fn an_empty_filter_selects_everything() {
        let d = sample();
        assert_eq!(ids(&d, &Filter::default(), Ignore::default()), ["whole", "ly", "ne", "media"]);
    }

    #[test]
    fn each_dimension_narrows() {
        let d = sample();
        let metric = Filter { metrics: [Metric::Projects].into(), ..Filter::default() };
        assert_eq!(ids(&d, &metric, Ignore::default()), ["ne"]);
        assert_eq!(ids(&d, &metric, Ignore { metrics: true, levels: false }).len(), 4);
        let country = Filter { countries: ["LY".to_string()].into(), ..Filter::default() };
        assert_eq!(ids(&d, &country, Ignore::default()), ["ly"]);
        let region = Filter { regions: ["r".to_string()].into(), ..Filter::default() };
        assert_eq!(ids(&d, &region, Ignore::default()), ["ly", "ne"]);
        let level = Filter { levels: [Level::ProgrammeWide].into(), ..Filter::default() };
        assert_eq!(ids(&d, &level, Ignore::default()), ["whole", "media"]);
        assert_eq!(ids(&d, &level, Ignore { metrics: false, levels: true }).len(), 4);
        let years = Filter { years: Some((2019, 2021)), ..Filter::default() };
        assert_eq!(ids(&d, &years, Ignore::default()), ["ly", "ne"]);
        let official = Filter { publishers: PublisherFilter::OfficialOnly, ..Filter::default() };
        assert_eq!(ids(&d, &official, Ignore::default()), ["whole", "ly", "ne"]);
    }

    #[test]
    fn unknown_ids_select_nothing() {
        let d = sample();
        let filter = Filter { programmes: ["nowhere".to_string()].into(), ..Filter::default() };
        assert!(select(&d, &filter, Ignore::default()).is_empty());
        let filter = Filter { countries: ["ZZ".to_string()].into(), ..Filter::default() };
        assert!(select(&d, &filter, Ignore::default()).is_empty());
    }

    #[test]
    fn sources_and_bounds() {
        let d = sample();
        assert_eq!(count_sources(&d, &[Position::new(0), Position::new(1), Position::new(1)]), 2);
        assert_eq!(d.year_bounds(), Some((2017, 2022)));
        assert_eq!(Level::from_id("country"), Some(Level::National));
    }
}
