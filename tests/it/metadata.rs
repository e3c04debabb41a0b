//! The metadata of the real dataset: the DCAT-AP catalogue record has every mandatory property of
//! DCAT-AP 3 (catalogue: title, description, publisher with a name, its dataset; dataset: title,
//! description; distribution: access URL) and the recommended ones, with the EU vocabularies; the
//! schema.org Dataset has what dataset search asks for; both are built from the data, so a new
//! release changes them. (`tests/e2e/specs/metadata.test.mjs` expands both with a JSON-LD
//! processor.) The preview image is a 1200 × 630 PNG of the chart with its words.

use crate::common;

use eu_iom_dashboard::cli::dist::preview_png;
use eu_iom_dashboard::domain::export::metadata::{dcat_catalog, schema_org_dataset, temporal_coverage, Publication};
use eu_iom_dashboard::site::preview::preview_svg;
use serde_json::Value;

fn publication() -> Publication {
    Publication { site_url: Some("https://stats.example.eu/dash/".into()), json_bytes: 1, csv_bytes: 1 }
}

/// The values of a property that may be one value or a list.
fn all(value: &Value) -> Vec<&Value> {
    match value {
        Value::Array(items) => items.iter().collect(),
        Value::Null => Vec::new(),
        other => vec![other],
    }
}

fn non_empty_literal(value: &Value, what: &str) {
    let literals = all(value);
    assert!(!literals.is_empty(), "{what} is missing");
    for literal in literals {
        let text = literal.get("@value").and_then(Value::as_str).or(literal.as_str()).unwrap_or_default();
        assert!(!text.trim().is_empty(), "{what} is empty: {literal}");
    }
}

#[test]
fn the_catalogue_has_the_mandatory_and_recommended_properties() {
    let loaded = common::fixture_dataset();
    let catalog = dcat_catalog(&loaded.dataset, &publication()).expect("every country has an alpha-3 code");
    assert_eq!(catalog["@type"], "dcat:Catalog");
    for property in ["dct:title", "dct:description"] {
        non_empty_literal(&catalog[property], &format!("catalogue {property}"));
    }
    non_empty_literal(&catalog["dct:publisher"]["foaf:name"], "the publisher's name");
    for property in ["dct:language", "dct:modified", "foaf:homepage", "dcat:themeTaxonomy"] {
        assert!(!all(&catalog[property]).is_empty(), "catalogue {property}");
    }
    let dataset = &catalog["dcat:dataset"];
    assert_eq!(dataset["@type"], "dcat:Dataset");
    for property in ["dct:title", "dct:description", "dcat:keyword"] {
        non_empty_literal(&dataset[property], &format!("dataset {property}"));
    }
    for property in
        ["dcat:contactPoint", "dct:publisher", "dct:spatial", "dct:temporal", "dcat:theme", "dcat:distribution", "dct:accrualPeriodicity"]
    {
        assert!(!all(&dataset[property]).is_empty(), "dataset {property}");
    }
    let eu = |table: &str, value: &Value| {
        let id = value["@id"].as_str().unwrap_or_default();
        assert!(id.starts_with(&format!("http://publications.europa.eu/resource/authority/{table}/")), "{table}: {id}");
    };
    eu("frequency", &dataset["dct:accrualPeriodicity"]);
    all(&dataset["dct:language"]).into_iter().for_each(|l| eu("language", l));
    all(&dataset["dcat:theme"]).into_iter().for_each(|t| eu("data-theme", t));
    let countries: Vec<&Value> = all(&dataset["dct:spatial"]).into_iter().filter(|s| s.get("@id").is_some()).collect();
    assert_eq!(countries.len(), loaded.dataset.countries().len(), "every country of the data, from the EU's table");
    countries.into_iter().for_each(|c| eu("country", c));
    let distributions = all(&dataset["dcat:distribution"]);
    assert_eq!(distributions.len(), 2, "JSON and CSV");
    for distribution in distributions {
        assert!(
            distribution["dcat:accessURL"]["@id"].as_str().is_some_and(|u| u.starts_with("https://stats.example.eu/dash/")),
            "access URL"
        );
        assert!(distribution["dcat:downloadURL"]["@id"].as_str().is_some_and(|u| u.starts_with("https://stats.example.eu/dash/data/")));
        eu("file-type", &distribution["dct:format"]);
        eu("planned-availability", &distribution["dcatap:availability"]);
        non_empty_literal(&distribution["dct:description"], "distribution description");
        non_empty_literal(&distribution["dct:license"]["rdfs:label"], "distribution licence");
    }
}

#[test]
fn the_schema_org_dataset_follows_the_data() {
    let loaded = common::fixture_dataset();
    let dataset = schema_org_dataset(&loaded.dataset, &publication());
    assert_eq!(dataset["@type"], "Dataset");
    assert_eq!(dataset["name"], loaded.dataset.info().title());
    assert_eq!(dataset["description"], loaded.dataset.info().description());
    assert_eq!(dataset["license"]["name"], loaded.dataset.info().licence());
    let (start, end) = temporal_coverage(&loaded.dataset).expect("figures have dates");
    assert_eq!(dataset["temporalCoverage"], format!("{start}/{end}"));
    assert_eq!(end, loaded.dataset.figures().iter().map(|f| f.as_of()).max().expect("figures"));
    assert!(start <= loaded.dataset.latest_source_date().expect("sources"));
    let places = dataset["spatialCoverage"].as_array().expect("places");
    assert_eq!(places.len(), loaded.dataset.countries().len() + loaded.dataset.regions().len());
    let formats: Vec<&str> =
        dataset["distribution"].as_array().expect("downloads").iter().filter_map(|d| d["encodingFormat"].as_str()).collect();
    assert_eq!(formats, vec!["application/json", "text/csv"]);
    assert!(dataset["keywords"].as_array().is_some_and(|k| k.iter().any(|k| k == "Migrants returned")));
}

#[test]
fn the_preview_is_1200_by_630_with_its_text_drawn() {
    let loaded = common::fixture_dataset();
    let svg = preview_svg(&loaded.dataset).expect("drawn");
    assert!(svg.contains("Migrants returned") && svg.contains("EU–IOM cooperation in figures"), "the chart's own words");
    let png = preview_png(&loaded.dataset).expect("rasterised (a sans-serif font is installed)");
    assert_eq!(&png[1..4], b"PNG");
    let size = |at: usize| u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
    assert_eq!((size(16), size(20)), (1200, 630));
}
