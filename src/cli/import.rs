//! Converts the research file (`eu-iom-sources.json`) into the dashboard's dataset format.
//!
//! The research file is a list of facts; this step adds only what the dashboard needs to use
//! them, each from a table that a reviewer can read at a glance (`import/curation.rs`):
//! ids for figures (`<source>:<n>`, n counting the source's figures in research order),
//! programme and region vocabularies (with French names), the kind of each publisher (which
//! decides "official EU/IOM publication"), the unit of each figure, country names from
//! `i18n-iso-countries`, the French wording of each `metric_detail` (from a reviewed file,
//! `metric-details.fr.json`, next to the research file), and the contradictions the research
//! documents. A release reference the research appends to a title ("(UNIQUE ID 201013_8)")
//! moves into the source's `reference`, written as the release writes it, and the title stays
//! verbatim without it. No value is changed and none is added: every research figure becomes exactly one
//! dataset figure.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Deserialize;

use crate::domain::dataset::date::Date;
use crate::domain::dataset::load::{SCHEMA, SCHEMA_VERSION};
use crate::domain::dataset::model::{Metric, Unit};
use crate::domain::dataset::raw::{RawCountry, RawDataset, RawDisagreement, RawFigure, RawInfo, RawName, RawSource};

mod curation;

use curation::{DISAGREEMENTS, PROGRAMMES, PROGRAMME_SHORT_NAMES, PUBLISHERS, REGIONS};

/// A research source, as the research file has it.
#[derive(Debug, Clone, Deserialize)]
pub struct ResearchSource {
    /// Identifier.
    pub id: String,
    /// Date (YYYY-MM-DD).
    pub date: String,
    /// Precision when not exact.
    #[serde(default)]
    pub date_precision: Option<String>,
    /// Publisher.
    pub publisher: String,
    /// Title.
    pub title: String,
    /// Why the title was rebuilt.
    #[serde(default)]
    pub title_note: Option<String>,
    /// Address.
    pub url: String,
    /// Language.
    pub language: String,
    /// Kind of document.
    pub kind: String,
    /// Remarks.
    #[serde(default)]
    pub source_note: Option<String>,
}

/// A research figure, as the research file has it.
#[derive(Debug, Clone, Deserialize)]
pub struct ResearchFigure {
    /// Source id.
    pub source: String,
    /// Metric id.
    pub metric: String,
    /// What is counted.
    pub metric_detail: String,
    /// Value.
    pub value: f64,
    /// Qualifier.
    pub qualifier: String,
    /// Period start.
    pub period_start: Option<String>,
    /// Period end.
    pub period_end: Option<String>,
    /// Start of a running total.
    pub cumulative_since: Option<String>,
    /// Programme as named.
    pub programme: String,
    /// Regions, separated by "; ".
    pub region: Option<String>,
    /// Country code.
    pub country: Option<String>,
    /// Note.
    pub note: String,
}

/// The research file.
#[derive(Debug, Clone, Deserialize)]
pub struct Research {
    /// Sources.
    pub sources: Vec<ResearchSource>,
    /// Figures.
    pub figures: Vec<ResearchFigure>,
}

/// Country names by ISO code, in English and French.
pub type CountryNames = BTreeMap<String, (String, String)>;

/// French wording of each research `metric_detail`, keyed by the English wording.
pub type FrenchDetails = HashMap<String, String>;

/// Why the research file could not be converted.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// The research file is not the expected JSON.
    Json(String),
    /// A value the tables in this file do not cover; extend the table after reviewing it.
    Unmapped {
        /// Which table.
        table: &'static str,
        /// The value.
        value: String,
    },
    /// A documented disagreement names a figure that is not (or not uniquely) in the research.
    DisagreementFigure {
        /// Source id.
        source: String,
        /// Value looked for.
        value: f64,
        /// Number of matches.
        matches: usize,
    },
    /// A `metric_detail` without a French wording.
    Untranslated(String),
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::Json(detail) => write!(f, "the research file is not valid: {detail}"),
            ImportError::Unmapped { table, value } => {
                write!(f, "no {table} mapping for \"{value}\"; review it and add it to src/cli/import.rs")
            }
            ImportError::DisagreementFigure { source, value, matches } => {
                write!(f, "a documented disagreement expects one figure of {value} in {source}, found {matches}")
            }
            ImportError::Untranslated(detail) => {
                write!(f, "no French wording for the metric_detail \"{detail}\"; add it to metric-details.fr.json")
            }
        }
    }
}

/// The unit of a research figure: euros for funding; for release context, read from the
/// wording of `metric_detail`; counts otherwise.
pub fn unit_of(metric: Metric, detail: &str) -> Unit {
    let detail = detail.to_ascii_lowercase();
    match metric {
        Metric::FundingEur => Unit::Eur,
        Metric::Other if detail.starts_with("ordinal number") => Unit::Ordinal,
        Metric::Other if detail.starts_with("year ") => Unit::Year,
        Metric::Other if detail.contains("percent") => Unit::Percent,
        _ => Unit::Count,
    }
}

fn programme_id(name: &str) -> Result<&'static str, ImportError> {
    PROGRAMMES
        .iter()
        .find(|(_, _, _, aliases)| aliases.contains(&name))
        .map(|(id, _, _, _)| *id)
        .ok_or_else(|| ImportError::Unmapped { table: "programme", value: name.to_string() })
}

fn region_ids(regions: Option<&str>) -> Result<Vec<String>, ImportError> {
    let Some(regions) = regions else { return Ok(Vec::new()) };
    regions
        .split(';')
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(|name| {
            REGIONS
                .iter()
                .find(|(_, en, _)| *en == name)
                .map(|(id, _, _)| id.to_string())
                .ok_or_else(|| ImportError::Unmapped { table: "region", value: name.to_string() })
        })
        .collect()
}

/// Reads the research file.
///
/// # Errors
/// [`ImportError::Json`] when it does not parse.
pub fn parse_research(text: &str) -> Result<Research, ImportError> {
    serde_json::from_str(text).map_err(|e| ImportError::Json(e.to_string()))
}

/// Commission document series whose references research titles carry (`MEMO/16/4422`,
/// `IP/21/123`): `<series>/<two-digit year>/<number>`, kept as written.
const COMMISSION_SERIES: &[&str] = &["IP", "MEMO", "STATEMENT", "SPEECH", "QANDA", "AC"];

/// The EEAS label of a release's reference; its releases write `UNIQUE ID: 201013_8` in the
/// dateline, which is the form kept (the research writes `UNIQUE ID 201013_8`).
const EEAS_LABEL: &str = "UNIQUE ID";

/// A research title without the release reference appended to it in brackets, and that
/// reference as the release writes it. A title without one comes back unchanged.
pub fn split_reference(title: &str) -> (&str, Option<String>) {
    let Some((head, inner)) = title.strip_suffix(')').and_then(|t| t.rsplit_once(" (")) else { return (title, None) };
    let inner = inner.trim();
    let reference = if let Some(id) = inner.strip_prefix(EEAS_LABEL) {
        let id = id.trim_start_matches([' ', ':']);
        let well_formed = id.chars().all(|c| c.is_ascii_digit() || c == '_') && id.chars().any(|c| c.is_ascii_digit());
        well_formed.then(|| format!("{EEAS_LABEL}: {id}"))
    } else {
        let parts: Vec<&str> = inner.split('/').collect();
        let digits = |part: &str| !part.is_empty() && part.chars().all(|c| c.is_ascii_digit());
        match parts.as_slice() {
            [series, year, number] if COMMISSION_SERIES.contains(series) && year.len() == 2 && digits(year) && digits(number) => {
                Some(inner.to_string())
            }
            _ => None,
        }
    };
    match reference {
        Some(reference) => (head.trim_end(), Some(reference)),
        None => (title, None),
    }
}

/// Reads the French wordings of the research's `metric_detail`s (a JSON object, English → French).
///
/// # Errors
/// [`ImportError::Json`] when the file is not such an object.
pub fn parse_french_details(text: &str) -> Result<FrenchDetails, ImportError> {
    serde_json::from_str(text).map_err(|e| ImportError::Json(e.to_string()))
}

/// Reads country names from `i18n-iso-countries` language files (`langs/en.json`, `langs/fr.json`).
/// Where the package lists several names (official first, then aliases), its first alias is used:
/// the common short name ("The Gambia", "Côte d'Ivoire"), as its `getName(…, {select: "alias"})` gives.
///
/// # Errors
/// [`ImportError::Json`] when a file is not in that package's format.
pub fn parse_country_names(en_json: &str, fr_json: &str) -> Result<CountryNames, ImportError> {
    fn names(text: &str) -> Result<HashMap<String, String>, ImportError> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| ImportError::Json(e.to_string()))?;
        let countries =
            value.get("countries").and_then(|c| c.as_object()).ok_or_else(|| ImportError::Json("no \"countries\" object".into()))?;
        Ok(countries
            .iter()
            .filter_map(|(code, name)| {
                let name = match name {
                    serde_json::Value::String(name) => name.clone(),
                    serde_json::Value::Array(names) => names.get(1).or(names.first())?.as_str()?.to_string(),
                    _ => return None,
                };
                Some((code.clone(), name))
            })
            .collect())
    }
    let en = names(en_json)?;
    let fr = names(fr_json)?;
    Ok(en.into_iter().filter_map(|(code, name_en)| fr.get(&code).map(|name_fr| (code, (name_en, name_fr.clone())))).collect())
}

/// The years the sources were published in, first and last ("2013–2026"), read from their
/// dates, so that the dataset's description follows the data.
fn years_covered(sources: &[ResearchSource]) -> String {
    let years = sources.iter().filter_map(|source| source.date.get(..4)?.parse::<u16>().ok());
    match (years.clone().min(), years.max()) {
        (Some(first), Some(last)) if first < last => format!("{first}–{last}"),
        (Some(year), _) => year.to_string(),
        _ => "undated".to_string(),
    }
}

/// Converts the research into a dataset file.
///
/// # Errors
/// [`ImportError::Unmapped`] for a programme, region, publisher, metric or country the tables
/// do not cover, [`ImportError::Untranslated`] for a `metric_detail` without French wording,
/// and [`ImportError::DisagreementFigure`] when a documented disagreement cannot be pinned to
/// its figures.
pub fn import_research(
    research: &Research,
    country_names: &CountryNames,
    french_details: &FrenchDetails,
    compiled: Date,
) -> Result<RawDataset, ImportError> {
    let mut sources = Vec::with_capacity(research.sources.len());
    for source in &research.sources {
        let kind = PUBLISHERS
            .iter()
            .find(|(name, _)| *name == source.publisher)
            .map(|(_, kind)| *kind)
            .ok_or_else(|| ImportError::Unmapped { table: "publisher", value: source.publisher.clone() })?;
        let (title, reference) = split_reference(&source.title);
        sources.push(RawSource {
            id: source.id.clone(),
            date: source.date.clone(),
            date_precision: source.date_precision.clone().unwrap_or_else(|| "day".into()),
            publisher: source.publisher.clone(),
            publisher_kind: kind.id().to_string(),
            official: kind.is_official(),
            title: title.to_string(),
            title_note: source.title_note.clone(),
            reference,
            url: source.url.clone(),
            language: source.language.clone(),
            kind: source.kind.clone(),
            note: source.source_note.clone(),
        });
    }

    let mut per_source: HashMap<&str, usize> = HashMap::new();
    let mut figures = Vec::with_capacity(research.figures.len());
    let mut countries_used = BTreeSet::new();
    let mut regions_used = BTreeSet::new();
    for figure in &research.figures {
        let n = per_source.entry(figure.source.as_str()).or_insert(0);
        *n += 1;
        let metric =
            Metric::from_id(&figure.metric).ok_or_else(|| ImportError::Unmapped { table: "metric", value: figure.metric.clone() })?;
        let regions = region_ids(figure.region.as_deref())?;
        regions_used.extend(regions.iter().cloned());
        if let Some(code) = &figure.country {
            countries_used.insert(code.clone());
        }
        figures.push(RawFigure {
            id: format!("{}:{}", figure.source, n),
            source: figure.source.clone(),
            metric: metric.id().to_string(),
            metric_detail: figure.metric_detail.clone(),
            metric_detail_fr: Some(
                french_details
                    .get(&figure.metric_detail)
                    .cloned()
                    .ok_or_else(|| ImportError::Untranslated(figure.metric_detail.clone()))?,
            ),
            value: figure.value,
            unit: unit_of(metric, &figure.metric_detail).id().to_string(),
            qualifier: figure.qualifier.clone(),
            period_start: figure.period_start.clone(),
            period_end: figure.period_end.clone(),
            cumulative_since: figure.cumulative_since.clone(),
            programme: figure.programme.clone(),
            programme_id: programme_id(&figure.programme)?.to_string(),
            regions,
            country: figure.country.clone(),
            note: figure.note.clone(),
        });
    }

    let countries = countries_used
        .iter()
        .map(|code| {
            country_names
                .get(code)
                .map(|(en, fr)| RawCountry { code: code.clone(), name_en: en.clone(), name_fr: fr.clone() })
                .ok_or_else(|| ImportError::Unmapped { table: "country name", value: code.clone() })
        })
        .collect::<Result<Vec<_>, _>>()?;

    let mut disagreements = Vec::new();
    for documented in DISAGREEMENTS {
        let mut ids = Vec::new();
        for (source, value) in documented.figures {
            let matches: Vec<&RawFigure> = figures.iter().filter(|f| f.source == *source && f.value == *value).collect();
            match matches.as_slice() {
                [one] => ids.push(one.id.clone()),
                _ => return Err(ImportError::DisagreementFigure { source: source.to_string(), value: *value, matches: matches.len() }),
            }
        }
        disagreements.push(RawDisagreement {
            id: documented.id.to_string(),
            kind: documented.kind.to_string(),
            figures: ids,
            note_en: documented.note_en.to_string(),
            note_fr: documented.note_fr.to_string(),
        });
    }

    Ok(RawDataset {
        schema: SCHEMA.to_string(),
        schema_version: SCHEMA_VERSION,
        info: RawInfo {
            title: "EU–IOM cooperation in figures".into(),
            compiled: compiled.to_string(),
            description: format!(
                "{} figures from {} public EU, IOM and media sources ({}) on cooperation between the European Union and the International Organization for Migration. Values are as published; qualifiers (more than, about, almost) follow each source's wording.",
                figures.len(),
                sources.len(),
                years_covered(&research.sources)
            ),
            licence: "Figures are facts reported by the cited public sources; cite the original source of each figure.".into(),
        },
        programmes: PROGRAMMES
            .iter()
            .map(|(id, en, fr, _)| {
                let short = PROGRAMME_SHORT_NAMES.iter().find(|(short_id, _, _)| short_id == id);
                RawName {
                    id: id.to_string(),
                    name_en: en.to_string(),
                    name_fr: fr.to_string(),
                    short_en: short.map(|(_, en, _)| en.to_string()),
                    short_fr: short.map(|(_, _, fr)| fr.to_string()),
                }
            })
            .collect(),
        regions: REGIONS
            .iter()
            .filter(|(id, _, _)| regions_used.contains(*id))
            .map(|(id, en, fr)| RawName {
                id: id.to_string(),
                name_en: en.to_string(),
                name_fr: fr.to_string(),
                short_en: None,
                short_fr: None,
            })
            .collect(),
        countries,
        sources,
        figures,
        disagreements,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_are_read_from_the_wording() {
        assert_eq!(unit_of(Metric::FundingEur, "value"), Unit::Eur);
        assert_eq!(unit_of(Metric::Other, "ordinal number of the meeting"), Unit::Ordinal);
        assert_eq!(unit_of(Metric::Other, "year the framework was set up (July)"), Unit::Year);
        assert_eq!(unit_of(Metric::Other, "growth versus 2015, percent"), Unit::Percent);
        assert_eq!(unit_of(Metric::Other, "charter flights from Libya"), Unit::Count);
        assert_eq!(unit_of(Metric::Projects, "projects"), Unit::Count);
    }

    #[test]
    fn a_bracketed_release_reference_leaves_the_title() {
        assert_eq!(
            split_reference("La septième réunion stratégique UE-OIM (UNIQUE ID 201013_8)"),
            ("La septième réunion stratégique UE-OIM", Some("UNIQUE ID: 201013_8".to_string()))
        );
        assert_eq!(split_reference("A release (UNIQUE ID: 211012_3)"), ("A release", Some("UNIQUE ID: 211012_3".to_string())));
        assert_eq!(split_reference("EUTF and IOM (MEMO/16/4422)"), ("EUTF and IOM", Some("MEMO/16/4422".to_string())));
        assert_eq!(split_reference("Five years on (IP/21/123)"), ("Five years on", Some("IP/21/123".to_string())));
        for kept in [
            "EU-IOM Joint Initiative: one year on (Fact Sheet)",
            "Près de 9.000 migrants rapatriés de Libye en six mois (OIM)",
            "Gambia (country update, January–March 2020)",
            "Regulation (EU/2019/1896)",
            "A title (UNIQUE ID)",
            "No brackets IP/21/123",
        ] {
            assert_eq!(split_reference(kept), (kept, None), "{kept}");
        }
    }

    #[test]
    fn every_programme_alias_is_unique() {
        let mut seen = BTreeSet::new();
        for (_, _, _, aliases) in PROGRAMMES {
            for alias in *aliases {
                assert!(seen.insert(*alias), "{alias} listed twice");
            }
        }
    }

    #[test]
    fn unknown_vocabulary_is_an_error_not_a_guess() {
        assert!(matches!(programme_id("Some new programme"), Err(ImportError::Unmapped { table: "programme", .. })));
        assert!(matches!(region_ids(Some("Atlantis")), Err(ImportError::Unmapped { table: "region", .. })));
        assert_eq!(region_ids(Some("Sahel and Lake Chad; Libya")).unwrap(), vec!["sahel-lake-chad", "libya"]);
    }

    #[test]
    fn a_detail_without_french_wording_is_an_error_not_an_english_fallback() {
        let research = parse_research(
            r#"{"sources": [{"id": "s", "date": "2020-10-13", "publisher": "European Commission", "title": "T",
                "url": "https://ec.europa.eu/", "language": "en", "kind": "press-release"}],
               "figures": [{"source": "s", "metric": "projects", "metric_detail": "projects run together", "value": 5,
                "qualifier": "exact", "period_start": null, "period_end": null, "cumulative_since": null,
                "programme": "EU-IOM strategic cooperation", "region": null, "country": null, "note": ""}]}"#,
        )
        .unwrap();
        let compiled = Date::parse_iso("2026-11-28").unwrap();
        let none = FrenchDetails::new();
        assert_eq!(
            import_research(&research, &CountryNames::new(), &none, compiled).unwrap_err(),
            ImportError::Untranslated("projects run together".into())
        );
        let french = parse_french_details(r#"{"projects run together": "projets menés ensemble"}"#).unwrap();
        // With the wording, the import goes on to the documented disagreements, which this
        // two-line research cannot satisfy: the figure itself got past translation.
        assert!(matches!(import_research(&research, &CountryNames::new(), &french, compiled), Err(ImportError::DisagreementFigure { .. })));
    }

    #[test]
    fn country_names_take_the_packages_first_alias() {
        let en = r#"{"locale":"en","countries":{"CI":["Cote d'Ivoire","Côte d'Ivoire","Ivory Coast"],"LY":"Libya"}}"#;
        let fr = r#"{"locale":"fr","countries":{"CI":"Côte-d'Ivoire","LY":"Libye"}}"#;
        let names = parse_country_names(en, fr).unwrap();
        assert_eq!(names["CI"], ("Côte d'Ivoire".to_string(), "Côte-d'Ivoire".to_string()));
        assert_eq!(names["LY"].1, "Libye");
    }
}
