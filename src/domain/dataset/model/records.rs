//! The dataset's records: programmes, regions and countries (with their names in each
//! language), sources, figures, where a figure is ([`Place`]) and documented disagreements.
//! Fields are visible inside `dataset` alone (see [`super`]).

use crate::domain::dataset::date::{Date, DatePrecision};
use crate::domain::lang::{tr, Lang};

#[cfg(doc)]
use super::Dataset;
use super::{DisagreementKind, Metric, Position, PublisherKind, Qualifier, SourceKind, Unit};

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
    pub(in crate::domain::dataset) id: String,
    pub(in crate::domain::dataset) name: LocalName,
    pub(in crate::domain::dataset) short: LocalName,
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
    pub(in crate::domain::dataset) id: String,
    pub(in crate::domain::dataset) name: LocalName,
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
    pub(in crate::domain::dataset) code: String,
    pub(in crate::domain::dataset) name: LocalName,
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
    pub(in crate::domain::dataset) id: String,
    pub(in crate::domain::dataset) date: Date,
    pub(in crate::domain::dataset) date_precision: DatePrecision,
    pub(in crate::domain::dataset) publisher: String,
    pub(in crate::domain::dataset) publisher_kind: PublisherKind,
    pub(in crate::domain::dataset) title: String,
    pub(in crate::domain::dataset) title_note: Option<String>,
    pub(in crate::domain::dataset) reference: Option<String>,
    pub(in crate::domain::dataset) url: String,
    pub(in crate::domain::dataset) language: String,
    pub(in crate::domain::dataset) kind: SourceKind,
    pub(in crate::domain::dataset) note: Option<String>,
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

/// One number reported by one source.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub(in crate::domain::dataset) id: String,
    pub(in crate::domain::dataset) source: Position<Source>,
    pub(in crate::domain::dataset) metric: Metric,
    pub(in crate::domain::dataset) detail: String,
    pub(in crate::domain::dataset) detail_fr: Option<String>,
    pub(in crate::domain::dataset) value: f64,
    pub(in crate::domain::dataset) unit: Unit,
    pub(in crate::domain::dataset) qualifier: Qualifier,
    pub(in crate::domain::dataset) period_start: Option<Date>,
    pub(in crate::domain::dataset) period_end: Option<Date>,
    pub(in crate::domain::dataset) cumulative_since: Option<Date>,
    pub(in crate::domain::dataset) programme_label: String,
    pub(in crate::domain::dataset) programme: Position<Programme>,
    pub(in crate::domain::dataset) regions: Vec<Position<Region>>,
    pub(in crate::domain::dataset) country: Option<Position<Country>>,
    pub(in crate::domain::dataset) note: String,
    pub(in crate::domain::dataset) as_of: Date,
    pub(in crate::domain::dataset) as_of_precision: DatePrecision,
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

/// A documented disagreement between figures, kept visible instead of smoothed away.
#[derive(Debug, Clone, PartialEq)]
pub struct Disagreement {
    pub(in crate::domain::dataset) id: String,
    pub(in crate::domain::dataset) kind: DisagreementKind,
    pub(in crate::domain::dataset) figures: Vec<Position<Figure>>,
    pub(in crate::domain::dataset) note: LocalName,
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
