//! Metadata about the dataset, for those who find, harvest and cite it, built from the dataset so
//! it stays true after a release is added: the schema.org `Dataset` the page carries as JSON-LD
//! (dataset search), the DCAT-AP 3 catalogue record `data/catalog.jsonld` (open-data portals such
//! as data.europa.eu, with the EU's controlled vocabularies), the Frictionless Data package that
//! describes the CSV download's columns, and the latest headline figures in words (page title,
//! description and social previews).
//!
//! Addresses are absolute when the site's public address is known (`SITE_URL`), else relative to
//! the document that carries them, as JSON-LD resolves them.

use serde_json::{json, Map, Value};

use crate::domain::dataset::date::{Date, DatePrecision};
use crate::domain::dataset::model::{Dataset, Figure, Metric, Position, Qualifier};
use crate::domain::explore::aggregate::{headline_figure, Headline};
use crate::domain::explore::select::{select, sources_behind, Ignore};
use crate::domain::explore::view::from_query;
use crate::domain::lang::{self, Lang};
use crate::domain::text::describe::figure_value;
use crate::domain::text::format::{format_date, labelled};
use crate::domain::text::i18n::metric_name;
use crate::domain::text::labels::{headline_line_label, headline_title};
use crate::domain::text::messages::{msg, Msg};

use crate::domain::dataset::csv_import::CSV_COLUMNS;

/// Where the published files are, relative to the site's root.
pub const JSON_PATH: &str = "data/eu-iom-figures.json";
/// The CSV the release build writes beside the JSON (every figure, English names).
pub const CSV_PATH: &str = "data/eu-iom-figures.csv";
/// The Frictionless Data package describing [`CSV_PATH`].
pub const PACKAGE_PATH: &str = "data/datapackage.json";
/// The DCAT-AP catalogue record.
pub const CATALOG_PATH: &str = "data/catalog.jsonld";

const EU_AUTHORITY: &str = "http://publications.europa.eu/resource/authority";

/// Where the metadata is published and what it points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Publication {
    /// The site's public address, ending with `/` (`SITE_URL`), when known.
    pub site_url: Option<String>,
    /// Size in bytes of the JSON file.
    pub json_bytes: usize,
    /// Size in bytes of the CSV file.
    pub csv_bytes: usize,
}

impl Publication {
    /// The address of `path` (relative to the site's root) as written in a document that is
    /// itself at `from` (relative to the root too): absolute with a site address, else relative.
    fn address(&self, path: &str, from: &str) -> String {
        match &self.site_url {
            Some(site) => format!("{site}{path}"),
            None => {
                let depth = from.matches('/').count();
                let up = "../".repeat(depth);
                match format!("{up}{path}").as_str() {
                    "" => "./".to_string(),
                    relative => relative.to_string(),
                }
            }
        }
    }
}

/// Why metadata could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MetadataError {
    /// A country of the dataset has no ISO 3166-1 alpha-3 code in [`alpha3`] (the EU's country
    /// vocabulary is keyed by those).
    UnknownCountry(String),
    /// A CSV column has no description in the data package (see [`column`]).
    UndescribedColumn(String),
}

impl std::fmt::Display for MetadataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MetadataError::UnknownCountry(code) => {
                write!(f, "country {code} has no ISO 3166-1 alpha-3 code in src/domain/export/metadata.rs (alpha3): add it")
            }
            MetadataError::UndescribedColumn(name) => {
                write!(f, "CSV column {name} is not described in src/domain/export/metadata.rs (column): add it")
            }
        }
    }
}

/// ISO 3166-1 alpha-3 code of the countries the dataset names (the EU's country vocabulary uses
/// them); a new country stops the build until it is added here.
pub fn alpha3(alpha2: &str) -> Option<&'static str> {
    Some(match alpha2 {
        "CI" => "CIV",
        "DE" => "DEU",
        "ET" => "ETH",
        "GH" => "GHA",
        "GM" => "GMB",
        "GN" => "GIN",
        "IT" => "ITA",
        "LY" => "LBY",
        "ML" => "MLI",
        "NE" => "NER",
        "NG" => "NGA",
        "NL" => "NLD",
        "SN" => "SEN",
        "TN" => "TUN",
        "UA" => "UKR",
        _ => return None,
    })
}

/// The default view's headline figures (the cards a visitor first sees), one text per card with
/// its title: `Projects: 535`, `Migrants assisted: more than 25,000 returned home, …`; with
/// `first_lines` only each card's first figure.
pub fn headline_items(dataset: &Dataset, lang: Lang, first_lines: bool) -> Vec<String> {
    let state = from_query("", Some(dataset)).0;
    let cards = select(dataset, &state.filter.for_cards(), Ignore::default());
    let mut items = Vec::new();
    for headline in Headline::ALL {
        let lines = headline.lines();
        let lines = if first_lines { lines.get(..1).unwrap_or(lines) } else { lines };
        let values: Vec<String> = lines
            .iter()
            .filter_map(|line| {
                let figure = headline_figure(dataset, &cards, *line).and_then(|i| dataset.figure(i))?;
                Some(match headline_line_label(*line) {
                    Some(label) => format!("{} {}", figure_value(figure, lang), msg(label, lang)),
                    None => figure_value(figure, lang),
                })
            })
            .collect();
        if !values.is_empty() {
            items.push(labelled(msg(headline_title(headline), lang), &values.join(", "), lang));
        }
    }
    items
}

/// "data as of 12 Jun 2025" for the dataset's latest source.
pub fn as_of_words(dataset: &Dataset, lang: Lang) -> Option<String> {
    let words = msg(Msg::DataAsOf, lang);
    let mut chars = words.chars();
    let lower: String = chars.next().map(|c| std::iter::once(lang::lower(c)).chain(chars).collect()).unwrap_or_default();
    dataset.latest_source_date().map(|d| format!("{lower} {}", format_date(d, DatePrecision::Day, lang)))
}

/// The page title naming the latest figures: `EU–IOM cooperation in figures — Projects: 535 · …`
/// (each card's first figure).
pub fn page_title(dataset: &Dataset, lang: Lang) -> String {
    let items = headline_items(dataset, lang, true);
    if items.is_empty() {
        return msg(Msg::Title, lang).to_string();
    }
    format!("{} — {}", msg(Msg::Title, lang), items.join(" · "))
}

/// The page description naming every headline figure and their date.
pub fn page_description(dataset: &Dataset, lang: Lang) -> String {
    let mut text = labelled(msg(Msg::HeadlinesHeading, lang), &headline_items(dataset, lang, false).join("; "), lang);
    if let Some(as_of) = as_of_words(dataset, lang) {
        text.push_str(&format!(" ({as_of})."));
    }
    text
}

/// First and last day the figures describe: the earliest start (running totals from their
/// start, period totals from theirs, levels from their date) and the latest as-of date.
pub fn temporal_coverage(dataset: &Dataset) -> Option<(Date, Date)> {
    let figures = dataset.figures();
    let start = figures.iter().map(|f| f.cumulative_since().or(f.period_start()).unwrap_or(f.as_of())).min()?;
    let end = figures.iter().map(|f| f.as_of()).max()?;
    Some((start, end))
}

/// Metrics the dataset has figures for, in the filters' order (release context excluded).
fn metrics_present(dataset: &Dataset) -> Vec<Metric> {
    Metric::ALL.into_iter().filter(|m| *m != Metric::Other && dataset.figures().iter().any(|f| f.metric() == *m)).collect()
}

fn keywords(dataset: &Dataset, lang: Lang) -> Vec<String> {
    let mut out: Vec<String> = vec![msg(Msg::Title, lang).to_string()];
    out.extend(metrics_present(dataset).into_iter().map(|m| metric_name(m, lang).to_string()));
    out.extend(dataset.programmes().iter().map(|p| p.short_name(lang).to_string()));
    out.dedup();
    out
}

/// A message in every interface language, as JSON-LD language-tagged strings.
fn both(message: Msg) -> Value {
    Value::Array(Lang::ALL.into_iter().map(|lang| json!({ "@value": msg(message, lang), "@language": lang.tag() })).collect())
}

fn date_literal(date: Date) -> Value {
    json!({ "@value": date.to_string(), "@type": "xsd:date" })
}

/// The schema.org `Dataset` for the page's `<script type="application/ld+json">`, in English
/// (the page's default language) with the French title as alternate name.
pub fn schema_org_dataset(dataset: &Dataset, publication: &Publication) -> Value {
    let info = dataset.info();
    let page = publication.address("", "");
    let agent = json!({ "@type": "Organization", "name": msg(Msg::Title, Lang::En), "url": page });
    let mut places: Vec<Value> = dataset
        .countries()
        .iter()
        .map(|c| json!({ "@type": "Country", "name": c.name(Lang::En), "identifier": c.code() }))
        .collect();
    places.extend(dataset.regions().iter().map(|r| json!({ "@type": "Place", "name": r.name(Lang::En) })));
    let mut out = json!({
        "@context": "https://schema.org",
        "@type": "Dataset",
        "@id": format!("{page}#dataset"),
        "name": info.title(),
        "alternateName": msg(Msg::Title, Lang::Fr),
        "description": info.description(),
        "url": page,
        "license": { "@type": "CreativeWork", "name": info.licence() },
        "creator": agent,
        "publisher": agent,
        "isAccessibleForFree": true,
        "inLanguage": ["en", "fr"],
        "keywords": keywords(dataset, Lang::En),
        "spatialCoverage": places,
        "variableMeasured": metrics_present(dataset).into_iter().map(|m| json!({ "@type": "PropertyValue", "name": metric_name(m, Lang::En), "identifier": m.id() })).collect::<Vec<_>>(),
        "distribution": [
            { "@type": "DataDownload", "name": "JSON", "encodingFormat": "application/json", "contentUrl": publication.address(JSON_PATH, ""), "contentSize": format!("{} B", publication.json_bytes) },
            { "@type": "DataDownload", "name": "CSV", "encodingFormat": "text/csv", "contentUrl": publication.address(CSV_PATH, ""), "contentSize": format!("{} B", publication.csv_bytes) },
        ],
    });
    if let (Some(map), Some((start, end))) = (out.as_object_mut(), temporal_coverage(dataset)) {
        map.insert("temporalCoverage".into(), json!(format!("{start}/{end}")));
    }
    if let (Some(map), Some(compiled)) = (out.as_object_mut(), info.compiled()) {
        map.insert("dateModified".into(), json!(compiled.to_string()));
    }
    out
}

/// The JSON-LD context of the catalogue record: prefixes only, inline, so the record expands
/// without fetching anything.
fn catalog_context() -> Value {
    json!({
        "dcat": "http://www.w3.org/ns/dcat#",
        "dct": "http://purl.org/dc/terms/",
        "dcatap": "http://data.europa.eu/r5r/",
        "foaf": "http://xmlns.com/foaf/0.1/",
        "vcard": "http://www.w3.org/2006/vcard/ns#",
        "skos": "http://www.w3.org/2004/02/skos/core#",
        "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
    })
}

fn authority(table: &str, code: &str) -> Value {
    json!({ "@id": format!("{EU_AUTHORITY}/{table}/{code}") })
}

/// The DCAT-AP 3 catalogue record (`data/catalog.jsonld`): a catalogue with the dataset and its
/// JSON and CSV distributions, with every mandatory property and the recommended ones the data
/// can state truthfully; file types, languages, frequency, themes, access rights, availability
/// and countries from the EU's controlled vocabularies.
///
/// # Errors
/// [`MetadataError::UnknownCountry`] for a country without an alpha-3 code.
pub fn dcat_catalog(dataset: &Dataset, publication: &Publication) -> Result<Value, MetadataError> {
    let info = dataset.info();
    let at = |path: &str| json!({ "@id": publication.address(path, CATALOG_PATH) });
    let landing = at("");
    let publisher_id = format!("{}#publisher", publication.address(CATALOG_PATH, CATALOG_PATH));
    let publisher = json!({ "@id": publisher_id, "@type": "foaf:Agent", "foaf:name": both(Msg::Title) });
    let languages = json!([authority("language", "ENG"), authority("language", "FRA")]);
    let mut spatial = Vec::new();
    for country in dataset.countries() {
        let code = alpha3(country.code()).ok_or_else(|| MetadataError::UnknownCountry(country.code().to_string()))?;
        spatial.push(authority("country", code));
    }
    for region in dataset.regions() {
        spatial.push(json!({
            "@type": "dct:Location",
            "skos:prefLabel": [{ "@value": region.name(Lang::En), "@language": "en" }, { "@value": region.name(Lang::Fr), "@language": "fr" }],
        }));
    }
    let licence = json!({
        "@type": "dct:LicenseDocument",
        "rdfs:label": { "@value": info.licence(), "@language": "en" },
        "dct:type": { "@id": "http://purl.org/adms/licencetype/Attribution" },
    });
    let modified = info.compiled().map(date_literal);
    let distribution =
        |id: &str, path: &str, bytes: usize, file_type: &str, media_type: &str, title: &str, description: &str, conforms: Option<&str>| {
            let mut d = json!({
                "@id": format!("{}#{id}", publication.address(CATALOG_PATH, CATALOG_PATH)),
                "@type": "dcat:Distribution",
                "dct:title": { "@value": title, "@language": "en" },
                "dct:description": { "@value": description, "@language": "en" },
                "dcat:accessURL": landing,
                "dcat:downloadURL": at(path),
                "dct:format": authority("file-type", file_type),
                "dcat:mediaType": { "@id": format!("http://www.iana.org/assignments/media-types/{media_type}") },
                "dcat:byteSize": { "@value": bytes.to_string(), "@type": "xsd:nonNegativeInteger" },
                "dcatap:availability": authority("planned-availability", "AVAILABLE"),
                "dct:license": licence,
                "dct:language": languages,
            });
            if let Some(map) = d.as_object_mut() {
                if let Some(modified) = &modified {
                    map.insert("dct:modified".into(), modified.clone());
                }
                if let Some(schema) = conforms {
                    map.insert("dct:conformsTo".into(), at(schema));
                }
            }
            d
        };
    let mut keywords: Vec<Value> = keywords(dataset, Lang::En).into_iter().map(|k| json!({ "@value": k, "@language": "en" })).collect();
    keywords.extend(keywords_fr(dataset));
    let mut dataset_node = json!({
        "@id": format!("{}#dataset", publication.address(CATALOG_PATH, CATALOG_PATH)),
        "@type": "dcat:Dataset",
        "dct:title": [{ "@value": info.title(), "@language": "en" }, { "@value": msg(Msg::Title, Lang::Fr), "@language": "fr" }],
        "dct:description": { "@value": info.description(), "@language": "en" },
        "dct:identifier": "eu-iom-figures",
        "dcat:keyword": keywords,
        "dct:publisher": { "@id": publisher_id },
        "dcat:contactPoint": { "@type": "vcard:Organization", "vcard:fn": msg(Msg::Title, Lang::En), "vcard:hasURL": landing },
        "dct:spatial": spatial,
        "dcat:theme": [authority("data-theme", "INTR"), authority("data-theme", "SOCI")],
        "dct:accrualPeriodicity": authority("frequency", "IRREG"),
        "dct:language": languages,
        "dct:accessRights": authority("access-right", "PUBLIC"),
        "dct:provenance": { "@type": "dct:ProvenanceStatement", "rdfs:label": both(Msg::FooterData) },
        "dcat:landingPage": landing,
        "dcat:distribution": [
            distribution("json", JSON_PATH, publication.json_bytes, "JSON", "application/json", "Figures and their sources (JSON)",
                "Every figure with its dated source, the vocabularies and the documented disagreements, in the dashboard's own format (schema eu-iom-dashboard/figures).", None),
            distribution("csv", CSV_PATH, publication.csv_bytes, "CSV", "text/csv", "Figures and their sources (CSV)",
                "One row per figure with its source on the same row; columns described by the Frictionless Data package beside it.", Some(PACKAGE_PATH)),
        ],
    });
    if let (Some(map), Some((start, end))) = (dataset_node.as_object_mut(), temporal_coverage(dataset)) {
        map.insert(
            "dct:temporal".into(),
            json!({ "@type": "dct:PeriodOfTime", "dcat:startDate": date_literal(start), "dcat:endDate": date_literal(end) }),
        );
    }
    let mut catalog = json!({
        "@context": catalog_context(),
        "@id": format!("{}#catalogue", publication.address(CATALOG_PATH, CATALOG_PATH)),
        "@type": "dcat:Catalog",
        "dct:title": both(Msg::Title),
        "dct:description": both(Msg::Subtitle),
        "dct:publisher": publisher,
        "foaf:homepage": landing,
        "dct:language": languages,
        "dcat:themeTaxonomy": { "@id": format!("{EU_AUTHORITY}/data-theme") },
        "dcat:dataset": dataset_node,
    });
    if let (Some(map), Some(modified)) = (catalog.as_object_mut(), modified) {
        map.insert("dct:modified".into(), modified);
    }
    Ok(catalog)
}

fn keywords_fr(dataset: &Dataset) -> Vec<Value> {
    keywords(dataset, Lang::Fr).into_iter().map(|k| json!({ "@value": k, "@language": "fr" })).collect()
}

/// How a CSV column is described in the data package: its type, what it holds, whether every
/// row has it, and the values it may take.
pub fn column(name: &str) -> Option<Value> {
    let qualifiers: Vec<&str> = Qualifier::ALL.into_iter().map(Qualifier::id).collect();
    let metrics: Vec<&str> = Metric::ALL.into_iter().map(Metric::id).collect();
    let precisions = ["day", "month", "quarter", "year", "estimated"];
    let (kind, description, required, allowed): (&str, &str, bool, Option<Vec<&str>>) = match name {
        "figure_id" => ("string", "Identifier of the figure: <source_id>:<n>.", true, None),
        "metric" => ("string", "What the figure counts (identifier).", true, Some(metrics)),
        "metric_name" => ("string", "What the figure counts, in the download's language.", true, None),
        "metric_detail" => ("string", "What exactly is counted, in the source's terms (English).", true, None),
        "metric_detail_fr" => ("string", "What exactly is counted, in French, where the dataset has that wording.", false, None),
        "value" => ("number", "The number as published.", true, None),
        "unit" => ("string", "How to read the value.", true, Some(vec!["count", "eur", "percent", "ordinal", "year"])),
        "qualifier" => ("string", "The source's wording before the number (more than, about, almost).", true, Some(qualifiers)),
        "as_of" => ("date", "The date the figure describes: the end of its period, else its source's date.", true, None),
        "as_of_precision" => ("string", "How precisely as_of is known.", true, Some(precisions.to_vec())),
        "period_start" => ("date", "Start of the period the figure covers.", false, None),
        "period_end" => ("date", "End of the period the figure covers.", false, None),
        "cumulative_since" => ("date", "Start of a running total.", false, None),
        "programme_id" => ("string", "Programme identifier.", true, None),
        "programme_name" => ("string", "Programme name, in the download's language.", true, None),
        "programme_as_published" => ("string", "Programme as the source names it.", true, None),
        "regions" => ("string", "Region identifiers, separated by semicolons.", false, None),
        "region_names" => ("string", "Region names, separated by semicolons.", false, None),
        "country_code" => ("string", "ISO 3166-1 alpha-2 code of the country, for a national figure.", false, None),
        "country_name" => ("string", "Country name, in the download's language.", false, None),
        "note" => ("string", "Note on the figure (English).", false, None),
        "source_id" => ("string", "Identifier of the source.", true, None),
        "source_title" => ("string", "Title of the source as published.", true, None),
        "source_reference" => {
            ("string", "The release's own reference as it writes it (UNIQUE ID: 201013_8, MEMO/16/4422), where it has one.", false, None)
        }
        "source_publisher" => ("string", "Publisher as named on the source.", true, None),
        "source_publisher_kind" => {
            ("string", "Kind of publisher.", true, Some(vec!["eu", "iom", "eu_funded", "media", "other_institution"]))
        }
        "source_date" => ("date", "Publication date of the source.", true, None),
        "source_date_precision" => ("string", "How precisely source_date is known.", true, Some(precisions.to_vec())),
        "source_kind" => ("string", "Kind of document.", true, Some(vec!["press-release", "fact-sheet", "news", "web-page"])),
        "source_language" => ("string", "Language of the source (ISO 639-1).", true, None),
        "source_url" => ("string", "Address of the source.", true, None),
        "source_official" => ("boolean", "True for official EU or IOM publications.", true, None),
        "source_note" => ("string", "Remarks on the source.", false, None),
        _ => return None,
    };
    let mut field = Map::new();
    field.insert("name".into(), json!(name));
    field.insert("type".into(), json!(kind));
    field.insert("description".into(), json!(description));
    match kind {
        "boolean" => {
            field.insert("trueValues".into(), json!(["true"]));
            field.insert("falseValues".into(), json!(["false"]));
        }
        "string" if name == "source_url" => {
            field.insert("format".into(), json!("uri"));
        }
        _ => {}
    }
    let mut constraints = Map::new();
    if required {
        constraints.insert("required".into(), json!(true));
    }
    if let Some(values) = allowed {
        constraints.insert("enum".into(), json!(values));
    }
    if name == "country_code" {
        constraints.insert("pattern".into(), json!("[A-Z]{2}"));
    }
    if !constraints.is_empty() {
        field.insert("constraints".into(), Value::Object(constraints));
    }
    Some(Value::Object(field))
}

/// The Frictionless Data package (tabular data package) of a CSV download named `csv_name`:
/// its columns with their types, and the sources of the `figures` it holds.
///
/// # Errors
/// [`MetadataError::UndescribedColumn`] when a CSV column has no description.
pub fn data_package(dataset: &Dataset, figures: &[Position<Figure>], csv_name: &str, page_url: &str) -> Result<Value, MetadataError> {
    let info = dataset.info();
    let fields = CSV_COLUMNS
        .iter()
        .map(|name| column(name).ok_or_else(|| MetadataError::UndescribedColumn((*name).to_string())))
        .collect::<Result<Vec<_>, _>>()?;
    let sources: Vec<Value> = sources_behind(dataset, figures)
        .into_iter()
        .filter_map(|s| dataset.source(s))
        .map(|s| match s.reference() {
            Some(reference) => json!({ "title": s.title(), "path": s.url(), "reference": reference }),
            None => json!({ "title": s.title(), "path": s.url() }),
        })
        .collect();
    Ok(json!({
        "profile": "tabular-data-package",
        "name": "eu-iom-figures",
        "title": info.title(),
        "description": info.description(),
        "homepage": page_url,
        "sources": sources,
        "resources": [{
            "profile": "tabular-data-resource",
            "name": "figures",
            "path": csv_name,
            "title": info.title(),
            "description": format!("{} {}", msg(Msg::FooterData, Lang::En), info.licence()),
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": { "delimiter": ",", "lineTerminator": "\r\n", "quoteChar": "\"", "doubleQuote": true, "header": true },
            "schema": { "fields": fields, "primaryKey": "figure_id", "missingValues": [""] },
        }],
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::{dataset, figure};

    fn publication(site: Option<&str>) -> Publication {
        Publication { site_url: site.map(str::to_string), json_bytes: 1000, csv_bytes: 500 }
    }

    #[test]
    fn addresses_are_absolute_with_a_site_and_relative_to_the_document_without() {
        let with = publication(Some("https://stats.example.eu/dash/"));
        assert_eq!(with.address(JSON_PATH, CATALOG_PATH), "https://stats.example.eu/dash/data/eu-iom-figures.json");
        let without = publication(None);
        assert_eq!(without.address(JSON_PATH, CATALOG_PATH), "../data/eu-iom-figures.json");
        assert_eq!(without.address("", CATALOG_PATH), "../");
        assert_eq!(without.address(JSON_PATH, ""), "data/eu-iom-figures.json");
        assert_eq!(without.address("", ""), "./");
    }

    #[test]
    fn every_csv_column_is_described_and_nothing_else() {
        for name in CSV_COLUMNS {
            assert!(column(name).is_some(), "{name}");
        }
        assert!(column("invented").is_none());
        let d = dataset(&[figure("a").date("2020-10-13").value(84000.0).qualifier(Qualifier::MoreThan).country("LY")]);
        let package = data_package(&d, &[Position::new(0)], "figures.csv", "https://example.org/").unwrap();
        let fields = package["resources"][0]["schema"]["fields"].as_array().unwrap();
        let names: Vec<&str> = fields.iter().map(|f| f["name"].as_str().unwrap()).collect();
        assert_eq!(names, CSV_COLUMNS.to_vec(), "the package lists the CSV's columns in order");
        assert_eq!(fields[5]["type"], "number");
        assert_eq!(package["resources"][0]["path"], "figures.csv");
        assert_eq!(package["sources"][0]["path"], "https://example.org", "the figures' sources travel with the package");
    }

    #[test]
    fn a_country_without_an_alpha3_code_stops_the_catalogue() {
        let d = dataset(&[figure("a").date("2020-10-13").country("LY")]);
        assert!(dcat_catalog(&d, &publication(None)).is_ok());
        let doc = serde_json::json!({
            "schema": crate::domain::dataset::load::SCHEMA, "schema_version": 1,
            "programmes": [{"id": "p", "name_en": "P", "name_fr": "P"}], "regions": [],
            "countries": [{"code": "ZZ", "name_en": "Nowhere", "name_fr": "Nulle part"}],
            "sources": [{"id": "s", "date": "2020-10-13", "publisher": "IOM", "publisher_kind": "iom", "title": "t", "url": "https://example.org", "language": "en", "kind": "news"}],
            "figures": [{"id": "f", "source": "s", "metric": "projects", "metric_detail": "d", "value": 1.0, "qualifier": "exact", "programme": "P", "programme_id": "p", "country": "ZZ", "regions": []}]
        });
        let d = crate::domain::dataset::load::load_value(&doc).unwrap().dataset;
        assert_eq!(dcat_catalog(&d, &publication(None)), Err(MetadataError::UnknownCountry("ZZ".into())));
    }

    #[test]
    fn the_headline_figures_are_in_words() {
        let d = dataset(&[
            figure("a").date("2020-10-13").value(84000.0).qualifier(Qualifier::MoreThan),
            figure("b").date("2020-10-13").metric(Metric::Projects).value(535.0),
        ]);
        assert_eq!(
            headline_items(&d, Lang::En, false),
            vec!["Projects: 535".to_string(), "Migrants assisted: more than 84,000 returned home".to_string()]
        );
        assert_eq!(
            page_description(&d, Lang::En),
            "Latest reported figures: Projects: 535; Migrants assisted: more than 84,000 returned home (data as of 13\u{a0}Oct\u{a0}2020)."
        );
        assert!(page_description(&d, Lang::Fr).ends_with("(données au 13\u{a0}oct.\u{a0}2020)."));
        assert!(page_title(&d, Lang::En).starts_with("EU–IOM cooperation in figures — Projects: 535 · "));
    }
}
