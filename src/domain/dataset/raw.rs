//! The dataset file format, as serde types: strict ones for what tools write and downloads
//! contain, lenient ones ([`DatasetLists`] and its records) for what the dashboard reads.
//!
//! Reading goes through [`crate::domain::dataset::load`], which checks every field of the
//! lenient records; the strict types are for writing files (the data tool, JSON downloads) and
//! for converting a validated [`Dataset`] back into its file form.

use serde::de::MapAccess;
use serde::{Deserialize, Serialize};

use crate::domain::dataset::json::{record, Fields, Item, List};
use crate::domain::dataset::load::{SCHEMA, SCHEMA_VERSION};
use crate::domain::dataset::model::Dataset;
use crate::domain::dataset::model::{Figure, Position};

// Fields in the order the tools write them; every record also reads `id` and `code`, because an
// issue names its record by the one or the other.

record! {
    /// The `info` block as read.
    pub struct InfoRecord { title, compiled, description, licence, id, code }
}

record! {
    /// A programme or region as read.
    pub struct NameRecord { id, name_en, name_fr, short_en, short_fr, code }
}

record! {
    /// A country as read.
    pub struct CountryRecord { code, name_en, name_fr, id }
}

record! {
    /// A source as read.
    pub struct SourceRecord {
        id, date, date_precision, publisher, publisher_kind, official, title, title_note, reference, url, language, kind, note, code,
    }
}

record! {
    /// A figure as read.
    pub struct FigureRecord {
        id, source, metric, metric_detail, metric_detail_fr, value, unit, qualifier, period_start, period_end,
        cumulative_since, programme, programme_id, regions, country, note, code,
    }
}

record! {
    /// A disagreement as read.
    pub struct DisagreementRecord { id, kind, figures, note_en, note_fr, code }
}

/// The lists of a dataset file as read, each record kept as the file gives it.
#[derive(Debug, Default)]
pub struct DatasetLists<'de> {
    /// The `info` block, when the key is there (`null` included).
    pub info: Option<Item<InfoRecord<'de>>>,
    /// Programmes.
    pub programmes: List<NameRecord<'de>>,
    /// Regions.
    pub regions: List<NameRecord<'de>>,
    /// Countries.
    pub countries: List<CountryRecord<'de>>,
    /// Sources.
    pub sources: List<SourceRecord<'de>>,
    /// Figures.
    pub figures: List<FigureRecord<'de>>,
    /// Disagreements.
    pub disagreements: List<DisagreementRecord<'de>>,
}

impl<'de> Fields<'de> for DatasetLists<'de> {
    fn read<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        match key {
            "info" => self.info = Some(map.next_value()?),
            "programmes" => self.programmes = map.next_value()?,
            "regions" => self.regions = map.next_value()?,
            "countries" => self.countries = map.next_value()?,
            "sources" => self.sources = map.next_value()?,
            "figures" => self.figures = map.next_value()?,
            "disagreements" => self.disagreements = map.next_value()?,
            _ => return Ok(false),
        }
        Ok(true)
    }
}

/// A whole dataset file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RawDataset {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u64,
    /// Facts about the file.
    pub info: RawInfo,
    /// Programme vocabulary.
    pub programmes: Vec<RawName>,
    /// Region vocabulary.
    pub regions: Vec<RawName>,
    /// Countries named by figures.
    pub countries: Vec<RawCountry>,
    /// Source documents.
    pub sources: Vec<RawSource>,
    /// Figures.
    pub figures: Vec<RawFigure>,
    /// Documented disagreements between figures.
    #[serde(default)]
    pub disagreements: Vec<RawDisagreement>,
}

/// Facts about the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct RawInfo {
    /// Title.
    pub title: String,
    /// Date compiled (YYYY-MM-DD).
    pub compiled: String,
    /// What the dataset holds and how it was made.
    pub description: String,
    /// Terms of reuse.
    pub licence: String,
}

/// An entry of a vocabulary (programme or region).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RawName {
    /// Identifier.
    pub id: String,
    /// English name.
    pub name_en: String,
    /// French name.
    pub name_fr: String,
    /// Short English name for legends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_en: Option<String>,
    /// Short French name for legends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_fr: Option<String>,
}

/// A country.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RawCountry {
    /// ISO 3166-1 alpha-2 code.
    pub code: String,
    /// English name.
    pub name_en: String,
    /// French name.
    pub name_fr: String,
}

/// A source document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RawSource {
    /// Identifier.
    pub id: String,
    /// Publication date (YYYY-MM-DD).
    pub date: String,
    /// day, month, quarter, year or estimated.
    pub date_precision: String,
    /// Publisher as named.
    pub publisher: String,
    /// eu, iom, eu_funded, media or other_institution.
    pub publisher_kind: String,
    /// True for official EU/IOM publications (follows `publisher_kind`).
    pub official: bool,
    /// Title.
    pub title: String,
    /// Why the title was rebuilt, if it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_note: Option<String>,
    /// The release's own reference as it writes it (`UNIQUE ID: 201013_8`, `MEMO/16/4422`), if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Address.
    pub url: String,
    /// ISO 639-1 language.
    pub language: String,
    /// press-release, fact-sheet, news or web-page.
    pub kind: String,
    /// Remarks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RawFigure {
    /// Identifier.
    pub id: String,
    /// Source id.
    pub source: String,
    /// Metric id.
    pub metric: String,
    /// What exactly is counted.
    pub metric_detail: String,
    /// The same in French, when the dataset has it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric_detail_fr: Option<String>,
    /// The number.
    pub value: f64,
    /// count, eur, percent, ordinal or year.
    pub unit: String,
    /// exact, more_than, about or almost.
    pub qualifier: String,
    /// Start of the period covered.
    pub period_start: Option<String>,
    /// End of the period, or as-of date.
    pub period_end: Option<String>,
    /// Start of a running total.
    pub cumulative_since: Option<String>,
    /// Programme as the source names it.
    pub programme: String,
    /// Programme id.
    pub programme_id: String,
    /// Region ids.
    pub regions: Vec<String>,
    /// Country code.
    pub country: Option<String>,
    /// Short note.
    pub note: String,
}

/// A documented disagreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RawDisagreement {
    /// Identifier.
    pub id: String,
    /// contradiction, definition_change, scope_differs or imprecision.
    pub kind: String,
    /// Figure ids.
    pub figures: Vec<String>,
    /// Explanation in English.
    pub note_en: String,
    /// Explanation in French.
    pub note_fr: String,
}

fn date_text(date: Option<crate::domain::dataset::date::Date>) -> Option<String> {
    date.map(|d| d.to_string())
}

impl RawDataset {
    /// The file form of a validated dataset, restricted to the figures listed (all when `None`).
    /// Sources, countries and disagreements are kept only when a kept figure needs them.
    pub fn from_dataset(dataset: &Dataset, only: Option<&[Position<Figure>]>) -> RawDataset {
        let all: Vec<Position<Figure>>;
        let figures: &[Position<Figure>] = match only {
            Some(figures) => figures,
            None => {
                all = dataset.figure_positions().collect();
                &all
            }
        };
        let mut used_sources = vec![false; dataset.sources().len()];
        let mut used_countries = vec![false; dataset.countries().len()];
        for figure in figures.iter().filter_map(|i| dataset.figure(*i)) {
            if let Some(slot) = used_sources.get_mut(figure.source_index().get()) {
                *slot = true;
            }
            if let Some(slot) = figure.country_index().and_then(|c| used_countries.get_mut(c.get())) {
                *slot = true;
            }
        }
        let keep_all = only.is_none();
        let info = dataset.info();
        RawDataset {
            schema: SCHEMA.to_string(),
            schema_version: SCHEMA_VERSION,
            info: RawInfo {
                title: info.title().to_string(),
                compiled: info.compiled().map(|d| d.to_string()).unwrap_or_default(),
                description: info.description().to_string(),
                licence: info.licence().to_string(),
            },
            programmes: dataset
                .programmes()
                .iter()
                .map(|p| RawName {
                    id: p.id.clone(),
                    name_en: p.name.en.clone(),
                    name_fr: p.name.fr.clone(),
                    short_en: (p.short.en != p.name.en).then(|| p.short.en.clone()),
                    short_fr: (p.short.fr != p.name.fr).then(|| p.short.fr.clone()),
                })
                .collect(),
            regions: dataset
                .regions()
                .iter()
                .map(|r| RawName {
                    id: r.id.clone(),
                    name_en: r.name.en.clone(),
                    name_fr: r.name.fr.clone(),
                    short_en: None,
                    short_fr: None,
                })
                .collect(),
            countries: dataset
                .countries()
                .iter()
                .zip(&used_countries)
                .filter(|(_, used)| keep_all || **used)
                .map(|(c, _)| RawCountry { code: c.code.clone(), name_en: c.name.en.clone(), name_fr: c.name.fr.clone() })
                .collect(),
            sources: dataset
                .sources()
                .iter()
                .zip(&used_sources)
                .filter(|(_, used)| keep_all || **used)
                .map(|(s, _)| RawSource {
                    id: s.id.clone(),
                    date: s.date.to_string(),
                    date_precision: s.date_precision.as_str().to_string(),
                    publisher: s.publisher.clone(),
                    publisher_kind: s.publisher_kind.id().to_string(),
                    official: s.is_official(),
                    title: s.title.clone(),
                    title_note: s.title_note.clone(),
                    reference: s.reference.clone(),
                    url: s.url.clone(),
                    language: s.language.clone(),
                    kind: s.kind.id().to_string(),
                    note: s.note.clone(),
                })
                .collect(),
            figures: figures
                .iter()
                .filter_map(|i| dataset.figure(*i))
                .map(|f| RawFigure {
                    id: f.id.clone(),
                    source: dataset.source_of(f).map(|s| s.id.clone()).unwrap_or_default(),
                    metric: f.metric.id().to_string(),
                    metric_detail: f.detail.clone(),
                    metric_detail_fr: f.detail_fr.clone(),
                    value: f.value,
                    unit: f.unit.id().to_string(),
                    qualifier: f.qualifier.id().to_string(),
                    period_start: date_text(f.period_start),
                    period_end: date_text(f.period_end),
                    cumulative_since: date_text(f.cumulative_since),
                    programme: f.programme_label.clone(),
                    programme_id: dataset.programme_of(f).map(|p| p.id.clone()).unwrap_or_default(),
                    regions: dataset.regions_of(f).map(|r| r.id.clone()).collect(),
                    country: dataset.country_of(f).map(|c| c.code.clone()),
                    note: f.note.clone(),
                })
                .collect(),
            disagreements: dataset
                .disagreements()
                .iter()
                .filter(|d| keep_all || d.figures.iter().all(|i| figures.contains(i)))
                .map(|d| RawDisagreement {
                    id: d.id.clone(),
                    kind: d.kind.id().to_string(),
                    figures: d.figures.iter().filter_map(|i| dataset.figure(*i)).map(|f| f.id.clone()).collect(),
                    note_en: d.note.en.clone(),
                    note_fr: d.note.fr.clone(),
                })
                .collect(),
        }
    }

    /// Pretty JSON with a trailing newline, the form committed to `public/data/`.
    ///
    /// # Errors
    /// Only if serde_json fails to serialise, which plain data cannot make it do.
    pub fn to_pretty_json(&self) -> Result<String, serde_json::Error> {
        let mut text = serde_json::to_string_pretty(self)?;
        text.push('\n');
        Ok(text)
    }
}
