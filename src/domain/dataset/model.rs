//! The validated dataset: sources (dated releases), the figures they report, and the vocabularies both use.
//!
//! Invariants, established by [`crate::domain::dataset::load`] and relied on everywhere else:
//! every figure points at an existing source, programme, region and country (by [`Position`]);
//! ids are unique; values are finite and not negative; dates exist in the calendar.
//! Fields are visible inside `dataset` alone, where `load` builds the records; every other
//! module reads them through accessors, so no code outside `dataset` can break these promises.
//! Lookups by id go through maps built once, when the dataset is made ([`Dataset::new`]).

use std::cmp::Ordering;
use std::collections::HashMap;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;

use crate::domain::dataset::date::{Date, DatePrecision};
use crate::domain::lang::{tr, Lang};

/// What a figure counts. The first nine are the dashboard's vocabulary; `Other` keeps the
/// release context (meeting ordinals, founding years, targets) that no chart sums up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Metric {
    /// Number of projects.
    Projects,
    /// Money, in euros.
    FundingEur,
    /// Migrants helped to return voluntarily to their country of origin.
    MigrantsReturned,
    /// Returnees given reception or reintegration support.
    MigrantsReintegration,
    /// Migrants rescued (desert search and rescue).
    MigrantsRescued,
    /// Migrants protected or otherwise assisted.
    MigrantsProtectedAssisted,
    /// Countries covered by a programme.
    CountriesCovered,
    /// Countries where humanitarian aid was delivered.
    CountriesHumanitarianAid,
    /// Partner organisations, services or authorities.
    Partners,
    /// Release context: ordinals, years, percentages, targets.
    Other,
}

impl Metric {
    /// Every metric, in the order filters list them.
    pub const ALL: [Metric; 10] = [
        Metric::MigrantsReturned,
        Metric::MigrantsReintegration,
        Metric::MigrantsRescued,
        Metric::MigrantsProtectedAssisted,
        Metric::Projects,
        Metric::FundingEur,
        Metric::CountriesCovered,
        Metric::CountriesHumanitarianAid,
        Metric::Partners,
        Metric::Other,
    ];

    /// The identifier used in data files and URLs.
    pub fn id(self) -> &'static str {
        match self {
            Metric::Projects => "projects",
            Metric::FundingEur => "funding_eur",
            Metric::MigrantsReturned => "migrants_returned",
            Metric::MigrantsReintegration => "migrants_reintegration",
            Metric::MigrantsRescued => "migrants_rescued",
            Metric::MigrantsProtectedAssisted => "migrants_protected_assisted",
            Metric::CountriesCovered => "countries_covered",
            Metric::CountriesHumanitarianAid => "countries_humanitarian_aid",
            Metric::Partners => "partners",
            Metric::Other => "other",
        }
    }

    /// Reads an identifier; `None` for anything unknown.
    pub fn from_id(id: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|metric| metric.id() == id)
    }

    /// The unit a figure of this metric has unless the data says otherwise.
    pub fn default_unit(self) -> Unit {
        match self {
            Metric::FundingEur => Unit::Eur,
            _ => Unit::Count,
        }
    }
}

/// How a figure's value is to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// A count of people, projects, countries or things.
    Count,
    /// An amount in euros.
    Eur,
    /// A percentage.
    Percent,
    /// An ordinal ("the 7th meeting").
    Ordinal,
    /// A calendar year ("since 2012").
    Year,
}

impl Unit {
    /// The identifier used in data files.
    pub fn id(self) -> &'static str {
        match self {
            Unit::Count => "count",
            Unit::Eur => "eur",
            Unit::Percent => "percent",
            Unit::Ordinal => "ordinal",
            Unit::Year => "year",
        }
    }

    /// Reads an identifier; `None` for anything unknown.
    pub fn from_id(id: &str) -> Option<Unit> {
        [Unit::Count, Unit::Eur, Unit::Percent, Unit::Ordinal, Unit::Year].into_iter().find(|unit| unit.id() == id)
    }

    /// True for units whose values can be compared as quantities on a chart.
    pub fn is_quantity(self) -> bool {
        matches!(self, Unit::Count | Unit::Eur)
    }
}

/// The wording a release puts in front of a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Qualifier {
    /// The number as printed, without hedging.
    Exact,
    /// "more than", "over": a lower bound.
    MoreThan,
    /// "about", "around", "some": an approximation.
    About,
    /// "almost", "nearly", "close to": just under.
    Almost,
}

impl Qualifier {
    /// Every qualifier.
    pub const ALL: [Qualifier; 4] = [Qualifier::Exact, Qualifier::MoreThan, Qualifier::About, Qualifier::Almost];

    /// The identifier used in data files.
    pub fn id(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::MoreThan => "more_than",
            Qualifier::About => "about",
            Qualifier::Almost => "almost",
        }
    }

    /// Reads an identifier; `None` for anything unknown.
    pub fn from_id(id: &str) -> Option<Qualifier> {
        Qualifier::ALL.into_iter().find(|qualifier| qualifier.id() == id)
    }
}

/// Who published a source, as far as trust is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PublisherKind {
    /// An EU institution, service or EU trust fund.
    Eu,
    /// IOM, one of its offices or one of its programme sites.
    Iom,
    /// An information portal funded by the EU but not an institution itself.
    EuFunded,
    /// A news outlet or another site republishing or reporting figures.
    Media,
    /// Another public body (for example the African Union).
    OtherInstitution,
}

impl PublisherKind {
    /// The identifier used in data files.
    pub fn id(self) -> &'static str {
        match self {
            PublisherKind::Eu => "eu",
            PublisherKind::Iom => "iom",
            PublisherKind::EuFunded => "eu_funded",
            PublisherKind::Media => "media",
            PublisherKind::OtherInstitution => "other_institution",
        }
    }

    /// Reads an identifier; `None` for anything unknown.
    pub fn from_id(id: &str) -> Option<PublisherKind> {
        [PublisherKind::Eu, PublisherKind::Iom, PublisherKind::EuFunded, PublisherKind::Media, PublisherKind::OtherInstitution]
            .into_iter()
            .find(|kind| kind.id() == id)
    }

    /// True for official EU or IOM publications.
    pub fn is_official(self) -> bool {
        matches!(self, PublisherKind::Eu | PublisherKind::Iom)
    }
}

/// What sort of document a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceKind {
    /// A press release.
    PressRelease,
    /// A fact sheet.
    FactSheet,
    /// A news item or article.
    News,
    /// A web page, report or booklet.
    WebPage,
}

impl SourceKind {
    /// The identifier used in data files.
    pub fn id(self) -> &'static str {
        match self {
            SourceKind::PressRelease => "press-release",
            SourceKind::FactSheet => "fact-sheet",
            SourceKind::News => "news",
            SourceKind::WebPage => "web-page",
        }
    }

    /// Reads an identifier; `None` for anything unknown.
    pub fn from_id(id: &str) -> Option<SourceKind> {
        [SourceKind::PressRelease, SourceKind::FactSheet, SourceKind::News, SourceKind::WebPage]
            .into_iter()
            .find(|kind| kind.id() == id)
    }
}

/// A name in both interface languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalName {
    /// English.
    pub en: String,
    /// French.
    pub fr: String,
}

impl LocalName {
    /// The name in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        tr!(lang, en: &self.en, fr: &self.fr)
    }
}

/// A programme figures are grouped under (the Joint Initiative, Libya VHR, ...).
#[derive(Debug, Clone, PartialEq)]
pub struct Programme {
    pub(super) id: String,
    pub(super) name: LocalName,
    pub(super) short: LocalName,
}

impl Programme {
    /// Stable identifier (used in URLs).
    pub fn id(&self) -> &str {
        &self.id
    }
    /// Display name.
    pub fn name(&self, lang: Lang) -> &str {
        self.name.get(lang)
    }
    /// Display name in every language.
    pub fn names(&self) -> &LocalName {
        &self.name
    }
    /// Short name for legends (the full name when the file gives none).
    pub fn short_name(&self, lang: Lang) -> &str {
        self.short.get(lang)
    }
}

/// A geographic region named by the releases (EUTF windows, routes).
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    pub(super) id: String,
    pub(super) name: LocalName,
}

impl Region {
    /// Stable identifier (used in URLs).
    pub fn id(&self) -> &str {
        &self.id
    }
    /// Display name.
    pub fn name(&self, lang: Lang) -> &str {
        self.name.get(lang)
    }
    /// Display name in every language.
    pub fn names(&self) -> &LocalName {
        &self.name
    }
}

/// A country, by ISO 3166-1 alpha-2 code, with its names.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    pub(super) code: String,
    pub(super) name: LocalName,
}

impl Country {
    /// ISO 3166-1 alpha-2 code, upper case.
    pub fn code(&self) -> &str {
        &self.code
    }
    /// Display name.
    pub fn name(&self, lang: Lang) -> &str {
        self.name.get(lang)
    }
}

/// One public document (press release, fact sheet, article) that reports figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub(super) id: String,
    pub(super) date: Date,
    pub(super) date_precision: DatePrecision,
    pub(super) publisher: String,
    pub(super) publisher_kind: PublisherKind,
    pub(super) title: String,
    pub(super) title_note: Option<String>,
    pub(super) reference: Option<String>,
    pub(super) url: String,
    pub(super) language: String,
    pub(super) kind: SourceKind,
    pub(super) note: Option<String>,
}

impl Source {
    /// Stable identifier.
    pub fn id(&self) -> &str {
        &self.id
    }
    /// Publication date (see [`Source::date_precision`]).
    pub fn date(&self) -> Date {
        self.date
    }
    /// How precisely the publication date is known.
    pub fn date_precision(&self) -> DatePrecision {
        self.date_precision
    }
    /// Publisher as named on the page.
    pub fn publisher(&self) -> &str {
        &self.publisher
    }
    /// Kind of publisher.
    pub fn publisher_kind(&self) -> PublisherKind {
        self.publisher_kind
    }
    /// True for official EU or IOM publications.
    pub fn is_official(&self) -> bool {
        self.publisher_kind.is_official()
    }
    /// Title as published (or a bracketed description, see [`Source::title_note`]).
    pub fn title(&self) -> &str {
        &self.title
    }
    /// Why the title was rebuilt, if it was.
    pub fn title_note(&self) -> Option<&str> {
        self.title_note.as_deref()
    }
    /// The release's own reference as it writes it (`UNIQUE ID: 201013_8`, `MEMO/16/4422`), if
    /// it has one; never part of [`Source::title`].
    pub fn reference(&self) -> Option<&str> {
        self.reference.as_deref()
    }
    /// Address of the document (http or https).
    pub fn url(&self) -> &str {
        &self.url
    }
    /// Language of the document (ISO 639-1).
    pub fn language(&self) -> &str {
        &self.language
    }
    /// Kind of document.
    pub fn kind(&self) -> SourceKind {
        self.kind
    }
    /// Remarks on the source (how the date was inferred, what could not be read).
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
}

/// Where a record sits in its list of a [`Dataset`], typed by the record: a figure's position
/// cannot be used to look up a country. Positions come from the dataset (its lookups and
/// [`Dataset::figure_positions`]); looking one up in another dataset gives `None` or another
/// record, as any index would, so they are not kept across loads.
pub struct Position<T> {
    position: usize,
    of: PhantomData<fn() -> T>,
}

impl<T> Position<T> {
    /// The record at `position` of its list.
    pub const fn new(position: usize) -> Self {
        Position { position, of: PhantomData }
    }
    /// Its place in the list, from 0.
    pub const fn get(self) -> usize {
        self.position
    }
}

// By hand, not derived: derives would ask the record type for the same traits.
impl<T> Clone for Position<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Position<T> {}
impl<T> PartialEq for Position<T> {
    fn eq(&self, other: &Self) -> bool {
        self.position == other.position
    }
}
impl<T> Eq for Position<T> {}
impl<T> PartialOrd for Position<T> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl<T> Ord for Position<T> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.position.cmp(&other.position)
    }
}
impl<T> Hash for Position<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.position.hash(state);
    }
}
impl<T> fmt::Debug for Position<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.position)
    }
}

/// One number reported by one source.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub(super) id: String,
    pub(super) source: Position<Source>,
    pub(super) metric: Metric,
    pub(super) detail: String,
    pub(super) detail_fr: Option<String>,
    pub(super) value: f64,
    pub(super) unit: Unit,
    pub(super) qualifier: Qualifier,
    pub(super) period_start: Option<Date>,
    pub(super) period_end: Option<Date>,
    pub(super) cumulative_since: Option<Date>,
    pub(super) programme_label: String,
    pub(super) programme: Position<Programme>,
    pub(super) regions: Vec<Position<Region>>,
    pub(super) country: Option<Position<Country>>,
    pub(super) note: String,
    pub(super) as_of: Date,
    pub(super) as_of_precision: DatePrecision,
}

impl Figure {
    /// Stable identifier.
    pub fn id(&self) -> &str {
        &self.id
    }
    /// Its source's place in [`Dataset::sources`].
    pub fn source_index(&self) -> Position<Source> {
        self.source
    }
    /// What is counted.
    pub fn metric(&self) -> Metric {
        self.metric
    }
    /// What exactly is counted, in the source's terms (English).
    pub fn detail(&self) -> &str {
        &self.detail
    }
    /// What exactly is counted, in French, when the dataset has that wording.
    pub fn detail_fr(&self) -> Option<&str> {
        self.detail_fr.as_deref()
    }
    /// What exactly is counted, in `lang` when the dataset has that wording, else in English;
    /// with the language of the text returned, for its `lang` attribute.
    pub fn detail_in(&self, lang: Lang) -> (&str, Lang) {
        match tr!(lang, en: Some(self.detail.as_str()), fr: self.detail_fr()) {
            Some(wording) => (wording, lang),
            None => (&self.detail, Lang::En),
        }
    }
    /// The number.
    pub fn value(&self) -> f64 {
        self.value
    }
    /// How to read the number.
    pub fn unit(&self) -> Unit {
        self.unit
    }
    /// The wording in front of the number.
    pub fn qualifier(&self) -> Qualifier {
        self.qualifier
    }
    /// Start of the period the figure covers, when it covers a period.
    pub fn period_start(&self) -> Option<Date> {
        self.period_start
    }
    /// End of the period, or the as-of date of a running total.
    pub fn period_end(&self) -> Option<Date> {
        self.period_end
    }
    /// Start of a running total ("since April 2017").
    pub fn cumulative_since(&self) -> Option<Date> {
        self.cumulative_since
    }
    /// Programme as the source names it.
    pub fn programme_label(&self) -> &str {
        &self.programme_label
    }
    /// Its programme's place in [`Dataset::programmes`].
    pub fn programme_index(&self) -> Position<Programme> {
        self.programme
    }
    /// Its regions' places in [`Dataset::regions`] (empty: no region named).
    pub fn region_indices(&self) -> &[Position<Region>] {
        &self.regions
    }
    /// Its country's place in [`Dataset::countries`] (none: not one country).
    pub fn country_index(&self) -> Option<Position<Country>> {
        self.country
    }
    /// Short note on the figure (English).
    pub fn note(&self) -> &str {
        &self.note
    }
    /// The date the figure describes: the end of its period, else its source's date.
    pub fn as_of(&self) -> Date {
        self.as_of
    }
    /// How precisely [`Figure::as_of`] is known.
    pub fn as_of_precision(&self) -> DatePrecision {
        self.as_of_precision
    }
    /// True for a total over a bounded period (a year, 2015–2019), false for a running total or a level.
    pub fn is_period_total(&self) -> bool {
        self.period_start.is_some() && self.cumulative_since.is_none()
    }
    /// How wide the figure's geography is: 0 programme-wide, 1 regional, 2 one country.
    pub fn scope_rank(&self) -> u8 {
        if self.country.is_some() {
            2
        } else if !self.regions.is_empty() {
            1
        } else {
            0
        }
    }
}

/// Where a figure is: the programme as a whole, regions or one country; series and breakdowns
/// group figures by it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Place {
    /// The programme as a whole.
    Whole,
    /// One or more regions (sorted).
    Regions(Vec<Position<Region>>),
    /// One country.
    Country(Position<Country>),
}

impl Place {
    /// The place of a figure.
    pub fn of(figure: &Figure) -> Place {
        match figure.country_index() {
            Some(country) => Place::Country(country),
            None if figure.region_indices().is_empty() => Place::Whole,
            None => {
                let mut regions = figure.region_indices().to_vec();
                regions.sort_unstable();
                Place::Regions(regions)
            }
        }
    }
}

/// Kinds of documented disagreement between figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DisagreementKind {
    /// Sources give different values for the same thing.
    Contradiction,
    /// A series changes definition, so values are not comparable over time.
    DefinitionChange,
    /// Figures look alike but cover different scopes.
    ScopeDiffers,
    /// One source is less precise than another; not a real conflict.
    Imprecision,
}

impl DisagreementKind {
    /// The identifier used in data files.
    pub fn id(self) -> &'static str {
        match self {
            DisagreementKind::Contradiction => "contradiction",
            DisagreementKind::DefinitionChange => "definition_change",
            DisagreementKind::ScopeDiffers => "scope_differs",
            DisagreementKind::Imprecision => "imprecision",
        }
    }

    /// Reads an identifier; `None` for anything unknown.
    pub fn from_id(id: &str) -> Option<DisagreementKind> {
        [DisagreementKind::Contradiction, DisagreementKind::DefinitionChange, DisagreementKind::ScopeDiffers, DisagreementKind::Imprecision]
            .into_iter()
            .find(|kind| kind.id() == id)
    }
}

/// A documented disagreement between figures, kept visible instead of smoothed away.
#[derive(Debug, Clone, PartialEq)]
pub struct Disagreement {
    pub(super) id: String,
    pub(super) kind: DisagreementKind,
    pub(super) figures: Vec<Position<Figure>>,
    pub(super) note: LocalName,
}

impl Disagreement {
    /// Stable identifier.
    pub fn id(&self) -> &str {
        &self.id
    }
    /// What sort of disagreement.
    pub fn kind(&self) -> DisagreementKind {
        self.kind
    }
    /// The figures involved.
    pub fn figure_indices(&self) -> &[Position<Figure>] {
        &self.figures
    }
    /// Explanation.
    pub fn note(&self, lang: Lang) -> &str {
        self.note.get(lang)
    }
}

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
