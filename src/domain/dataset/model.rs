//! The validated dataset: sources (dated releases), the figures they report, and the vocabularies both use.
//!
//! Invariants, established by [`crate::domain::dataset::load`] and relied on everywhere else:
//! every figure points at an existing source, programme, region and country (by index);
//! ids are unique; values are finite and not negative; dates exist in the calendar.
//! Fields are private so that no code outside `load` can break these promises.

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
        [Unit::Count, Unit::Eur, Unit::Percent, Unit::Ordinal, Unit::Year]
            .into_iter()
            .find(|unit| unit.id() == id)
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
        [
            PublisherKind::Eu,
            PublisherKind::Iom,
            PublisherKind::EuFunded,
            PublisherKind::Media,
            PublisherKind::OtherInstitution,
        ]
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
    pub(crate) id: String,
    pub(crate) name: LocalName,
    pub(crate) short: LocalName,
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
    pub(crate) id: String,
    pub(crate) name: LocalName,
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
    pub(crate) code: String,
    pub(crate) name: LocalName,
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
    pub(crate) id: String,
    pub(crate) date: Date,
    pub(crate) date_precision: DatePrecision,
    pub(crate) publisher: String,
    pub(crate) publisher_kind: PublisherKind,
    pub(crate) title: String,
    pub(crate) title_note: Option<String>,
    pub(crate) url: String,
    pub(crate) language: String,
    pub(crate) kind: SourceKind,
    pub(crate) note: Option<String>,
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

/// One number reported by one source.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub(crate) id: String,
    pub(crate) source: usize,
    pub(crate) metric: Metric,
    pub(crate) detail: String,
    pub(crate) detail_fr: Option<String>,
    pub(crate) value: f64,
    pub(crate) unit: Unit,
    pub(crate) qualifier: Qualifier,
    pub(crate) period_start: Option<Date>,
    pub(crate) period_end: Option<Date>,
    pub(crate) cumulative_since: Option<Date>,
    pub(crate) programme_label: String,
    pub(crate) programme: usize,
    pub(crate) regions: Vec<usize>,
    pub(crate) country: Option<usize>,
    pub(crate) note: String,
    pub(crate) as_of: Date,
    pub(crate) as_of_precision: DatePrecision,
}

impl Figure {
    /// Stable identifier.
    pub fn id(&self) -> &str {
        &self.id
    }
    /// Index of the source in [`Dataset::sources`].
    pub fn source_index(&self) -> usize {
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
    /// Index of the programme in [`Dataset::programmes`].
    pub fn programme_index(&self) -> usize {
        self.programme
    }
    /// Indices of the regions in [`Dataset::regions`] (empty: no region named).
    pub fn region_indices(&self) -> &[usize] {
        &self.regions
    }
    /// Index of the country in [`Dataset::countries`] (none: not one country).
    pub fn country_index(&self) -> Option<usize> {
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
    /// One or more regions (indices, sorted).
    Regions(Vec<usize>),
    /// One country (index).
    Country(usize),
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
        [
            DisagreementKind::Contradiction,
            DisagreementKind::DefinitionChange,
            DisagreementKind::ScopeDiffers,
            DisagreementKind::Imprecision,
        ]
        .into_iter()
        .find(|kind| kind.id() == id)
    }
}

/// A documented disagreement between figures, kept visible instead of smoothed away.
#[derive(Debug, Clone, PartialEq)]
pub struct Disagreement {
    pub(crate) id: String,
    pub(crate) kind: DisagreementKind,
    pub(crate) figures: Vec<usize>,
    pub(crate) note: LocalName,
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
    /// Indices of the figures involved.
    pub fn figure_indices(&self) -> &[usize] {
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
    pub(crate) title: String,
    pub(crate) compiled: Option<Date>,
    pub(crate) description: String,
    pub(crate) licence: String,
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
    pub(crate) info: DatasetInfo,
    pub(crate) programmes: Vec<Programme>,
    pub(crate) regions: Vec<Region>,
    pub(crate) countries: Vec<Country>,
    pub(crate) sources: Vec<Source>,
    pub(crate) figures: Vec<Figure>,
    pub(crate) disagreements: Vec<Disagreement>,
}

impl Dataset {
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
    /// The source of a figure.
    pub fn source_of(&self, figure: &Figure) -> Option<&Source> {
        self.sources.get(figure.source)
    }
    /// The programme of a figure.
    pub fn programme_of(&self, figure: &Figure) -> Option<&Programme> {
        self.programmes.get(figure.programme)
    }
    /// The country of a figure, if it names one.
    pub fn country_of(&self, figure: &Figure) -> Option<&Country> {
        figure.country.and_then(|index| self.countries.get(index))
    }
    /// The regions of a figure.
    pub fn regions_of<'a>(&'a self, figure: &'a Figure) -> impl Iterator<Item = &'a Region> + 'a {
        figure.regions.iter().filter_map(|index| self.regions.get(*index))
    }
    /// Looks a figure up by id.
    pub fn figure_by_id(&self, id: &str) -> Option<(usize, &Figure)> {
        self.figures.iter().enumerate().find(|(_, figure)| figure.id == id)
    }
    /// Looks a source up by id.
    pub fn source_by_id(&self, id: &str) -> Option<(usize, &Source)> {
        self.sources.iter().enumerate().find(|(_, source)| source.id == id)
    }
    /// Index of a programme by id.
    pub fn programme_index(&self, id: &str) -> Option<usize> {
        self.programmes.iter().position(|programme| programme.id == id)
    }
    /// Index of a region by id.
    pub fn region_index(&self, id: &str) -> Option<usize> {
        self.regions.iter().position(|region| region.id == id)
    }
    /// Index of a country by code.
    pub fn country_index(&self, code: &str) -> Option<usize> {
        self.countries.iter().position(|country| country.code == code)
    }
    /// Disagreements a figure takes part in.
    pub fn disagreements_of(&self, figure_index: usize) -> impl Iterator<Item = &Disagreement> + '_ {
        self.disagreements.iter().filter(move |d| d.figures.contains(&figure_index))
    }
    /// The most recent source date, the "data as of" of the whole dataset.
    pub fn latest_source_date(&self) -> Option<Date> {
        self.sources.iter().map(|source| source.date).max()
    }
}
