//! The validated dataset: sources (dated releases), the figures they report, and the vocabularies both use.
//!
//! Invariants, established by [`crate::domain::dataset::load`] and relied on everywhere else:
//! every figure points at an existing source, programme, region and country (by [`Position`]);
//! ids are unique; values are finite and not negative; dates exist in the calendar.
//! Fields are visible inside `dataset` alone, where `load` builds the records; every other
//! module reads them through accessors, so no code outside `dataset` can break these promises.
//! Lookups by id go through maps built once, when the dataset is made ([`Dataset::new`]).
//!
//! The parts: [`vocabulary`] (metrics, units, qualifiers, kinds), [`records`] (programmes,
//! regions, countries, sources, figures, places, disagreements), [`position`] (typed positions
//! in the dataset's lists); this file holds the dataset itself and its lookups.

pub mod position;
pub mod records;
pub mod vocabulary;

use std::collections::HashMap;

use crate::domain::dataset::date::Date;

pub use position::Position;
pub use records::{Country, Disagreement, Figure, LocalName, Place, Programme, Region, Source};
pub use vocabulary::{DisagreementKind, Metric, PublisherKind, Qualifier, SourceKind, Unit};

/// Facts about the dataset file itself.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DatasetInfo {
    pub(super) title: String,
    pub(super) compiled: Option<Date>,
    pub(super) description: String,
    pub(super) licence: String,
}

impl DatasetInfo {
    /// Dataset title.
    pub fn title(&self) -> &str {
        &self.title
    }
    /// When the dataset was compiled.
    pub fn compiled(&self) -> Option<Date> {
        self.compiled
    }
    /// What the dataset holds.
    pub fn description(&self) -> &str {
        &self.description
    }
    /// Licence or terms of reuse.
    pub fn licence(&self) -> &str {
        &self.licence
    }
}

/// The validated dataset. Build it with [`crate::domain::dataset::load::load_dataset`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dataset {
    pub(super) info: DatasetInfo,
    pub(super) programmes: Vec<Programme>,
    pub(super) regions: Vec<Region>,
    pub(super) countries: Vec<Country>,
    pub(super) sources: Vec<Source>,
    pub(super) figures: Vec<Figure>,
    pub(super) disagreements: Vec<Disagreement>,
    pub(super) index: Index,
}

/// Positions by id, and facts over every figure, worked out once when the dataset is made.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Index {
    pub(super) ids: Ids,
    /// The disagreements each figure takes part in (figures in none are not keys).
    disagreements_of: HashMap<Position<Figure>, Vec<Position<Disagreement>>>,
    /// First and last year of the figures' as-of dates.
    years: Option<(i32, i32)>,
    /// The most recent source date.
    latest_source_date: Option<Date>,
}

/// Positions of the ids that figures refer to, in their lists.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Ids {
    pub(super) programmes: HashMap<String, Position<Programme>>,
    pub(super) regions: HashMap<String, Position<Region>>,
    pub(super) countries: HashMap<String, Position<Country>>,
    pub(super) sources: HashMap<String, Position<Source>>,
}

impl Ids {
    /// The ids of validated records (unique by then).
    pub(super) fn new(programmes: &[Programme], regions: &[Region], countries: &[Country], sources: &[Source]) -> Ids {
        fn positions<T>(items: &[T], id: impl Fn(&T) -> &str) -> HashMap<String, Position<T>> {
            items.iter().enumerate().map(|(index, item)| (id(item).to_string(), Position::new(index))).collect()
        }
        Ids {
            programmes: positions(programmes, |p| &p.id),
            regions: positions(regions, |r| &r.id),
            countries: positions(countries, |c| &c.code),
            sources: positions(sources, |s| &s.id),
        }
    }
}

/// A dataset's validated parts, before its index is worked out.
pub(super) struct Parts {
    pub(super) info: DatasetInfo,
    pub(super) programmes: Vec<Programme>,
    pub(super) regions: Vec<Region>,
    pub(super) countries: Vec<Country>,
    pub(super) sources: Vec<Source>,
    pub(super) figures: Vec<Figure>,
    pub(super) disagreements: Vec<Disagreement>,
    /// The ids, as validation already looked them up.
    pub(super) ids: Ids,
}

impl Dataset {
    /// The dataset of validated parts, with its index.
    pub(super) fn new(parts: Parts) -> Dataset {
        let Parts { info, programmes, regions, countries, sources, figures, disagreements, ids } = parts;
        let mut disagreements_of: HashMap<Position<Figure>, Vec<Position<Disagreement>>> = HashMap::new();
        for (index, disagreement) in disagreements.iter().enumerate() {
            let index = Position::new(index);
            for figure in &disagreement.figures {
                let list = disagreements_of.entry(*figure).or_default();
                if !list.contains(&index) {
                    list.push(index);
                }
            }
        }
        let years = figures.iter().map(|figure| figure.as_of.year());
        let years = years.clone().min().zip(years.max());
        let latest_source_date = sources.iter().map(|source| source.date).max();
        let index = Index { ids, disagreements_of, years, latest_source_date };
        Dataset { info, programmes, regions, countries, sources, figures, disagreements, index }
    }

    /// Facts about the file.
    pub fn info(&self) -> &DatasetInfo {
        &self.info
    }
    /// Programmes, in file order.
    pub fn programmes(&self) -> &[Programme] {
        &self.programmes
    }
    /// Regions, in file order.
    pub fn regions(&self) -> &[Region] {
        &self.regions
    }
    /// Countries, in file order.
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }
    /// Sources, in file order.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }
    /// Figures, in file order.
    pub fn figures(&self) -> &[Figure] {
        &self.figures
    }
    /// Documented disagreements.
    pub fn disagreements(&self) -> &[Disagreement] {
        &self.disagreements
    }
    /// The figure at a position.
    pub fn figure(&self, at: Position<Figure>) -> Option<&Figure> {
        self.figures.get(at.get())
    }
    /// The source at a position.
    pub fn source(&self, at: Position<Source>) -> Option<&Source> {
        self.sources.get(at.get())
    }
    /// The programme at a position.
    pub fn programme(&self, at: Position<Programme>) -> Option<&Programme> {
        self.programmes.get(at.get())
    }
    /// The region at a position.
    pub fn region(&self, at: Position<Region>) -> Option<&Region> {
        self.regions.get(at.get())
    }
    /// The country at a position.
    pub fn country(&self, at: Position<Country>) -> Option<&Country> {
        self.countries.get(at.get())
    }
    /// Every figure's position, in file order.
    pub fn figure_positions(&self) -> impl Iterator<Item = Position<Figure>> + '_ {
        (0..self.figures.len()).map(Position::new)
    }
    /// Every figure with its position, in file order.
    pub fn positioned_figures(&self) -> impl Iterator<Item = (Position<Figure>, &Figure)> + '_ {
        self.figures.iter().enumerate().map(|(at, figure)| (Position::new(at), figure))
    }
    /// Every country with its position, in file order.
    pub fn positioned_countries(&self) -> impl Iterator<Item = (Position<Country>, &Country)> + '_ {
        self.countries.iter().enumerate().map(|(at, country)| (Position::new(at), country))
    }
    /// Every source with its position, in file order.
    pub fn positioned_sources(&self) -> impl Iterator<Item = (Position<Source>, &Source)> + '_ {
        self.sources.iter().enumerate().map(|(at, source)| (Position::new(at), source))
    }
    /// The source of a figure.
    pub fn source_of(&self, figure: &Figure) -> Option<&Source> {
        self.source(figure.source)
    }
    /// The programme of a figure.
    pub fn programme_of(&self, figure: &Figure) -> Option<&Programme> {
        self.programme(figure.programme)
    }
    /// The country of a figure, if it names one.
    pub fn country_of(&self, figure: &Figure) -> Option<&Country> {
        figure.country.and_then(|at| self.country(at))
    }
    /// The regions of a figure.
    pub fn regions_of<'a>(&'a self, figure: &'a Figure) -> impl Iterator<Item = &'a Region> + 'a {
        figure.regions.iter().filter_map(|at| self.region(*at))
    }
    /// Looks a figure up by id (a scan: the tools and tests that ask do it rarely, and a map
    /// would hold every figure's id twice).
    pub fn figure_by_id(&self, id: &str) -> Option<(Position<Figure>, &Figure)> {
        self.positioned_figures().find(|(_, figure)| figure.id == id)
    }
    /// Looks a source up by id.
    pub fn source_by_id(&self, id: &str) -> Option<(Position<Source>, &Source)> {
        let at = *self.index.ids.sources.get(id)?;
        Some((at, self.source(at)?))
    }
    /// A programme's position, by id.
    pub fn programme_index(&self, id: &str) -> Option<Position<Programme>> {
        self.index.ids.programmes.get(id).copied()
    }
    /// A region's position, by id.
    pub fn region_index(&self, id: &str) -> Option<Position<Region>> {
        self.index.ids.regions.get(id).copied()
    }
    /// A country's position, by code.
    pub fn country_index(&self, code: &str) -> Option<Position<Country>> {
        self.index.ids.countries.get(code).copied()
    }
    /// Disagreements a figure takes part in.
    pub fn disagreements_of(&self, figure: Position<Figure>) -> impl Iterator<Item = &Disagreement> + '_ {
        let positions = self.index.disagreements_of.get(&figure).map_or(&[][..], Vec::as_slice);
        positions.iter().filter_map(|at| self.disagreements.get(at.get()))
    }
    /// First and last year of the figures' as-of dates.
    pub fn year_bounds(&self) -> Option<(i32, i32)> {
        self.index.years
    }
    /// The most recent source date, the "data as of" of the whole dataset.
    pub fn latest_source_date(&self) -> Option<Date> {
        self.index.latest_source_date
    }
}
