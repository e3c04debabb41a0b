//! Tests of loading and validation.

use super::*;
use crate::domain::dataset::json::FileError;
use crate::domain::lang::Lang;
use serde_json::{json, Map};

fn minimal() -> Value {
    json!({
        "schema": SCHEMA,
        "schema_version": 1,
        "programmes": [{"id": "ji", "name_en": "Joint Initiative", "name_fr": "Initiative conjointe"}],
        "regions": [{"id": "north-africa", "name_en": "North Africa", "name_fr": "Afrique du Nord"}],
        "countries": [{"code": "LY", "name_en": "Libya", "name_fr": "Libye"}],
        "sources": [{
            "id": "s1", "date": "2020-10-13", "date_precision": "day", "publisher": "EEAS", "publisher_kind": "eu", "official": true,
            "title": "Release", "url": "https://example.org/r", "language": "fr", "kind": "press-release"
        }],
        "figures": [figure("f1", 84000.0)]
    })
}

fn figure(id: &str, value: f64) -> Value {
    json!({
        "id": id, "source": "s1", "metric": "migrants_returned", "metric_detail": "returned",
        "value": value, "unit": "count", "qualifier": "more_than", "programme": "JI", "programme_id": "ji",
        "regions": ["north-africa"], "country": "LY", "period_end": "2020-10-13"
    })
}

fn with_figure(edit: impl FnOnce(&mut Map<String, Value>)) -> Value {
    let mut doc = minimal();
    let mut extra = figure("f2", 10.0);
    if let Some(map) = extra.as_object_mut() {
        edit(map);
    }
    doc["figures"].as_array_mut().unwrap().push(extra);
    doc
}

/// Loads a document with one good and one edited figure; returns the single issue raised.
fn single_issue(edit: impl FnOnce(&mut Map<String, Value>)) -> Issue {
    let loaded = load_value(&with_figure(edit)).unwrap();
    assert_eq!(loaded.dataset.figures().len(), 1, "the good figure still loads");
    assert_eq!(loaded.issues.len(), 1, "{:?}", loaded.issues);
    loaded.issues[0].clone()
}

#[test]
fn loads_a_minimal_dataset() {
    let loaded = load_value(&minimal()).unwrap();
    assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
    let dataset = &loaded.dataset;
    let figure = &dataset.figures()[0];
    assert_eq!(figure.value(), 84000.0);
    assert_eq!(figure.qualifier(), Qualifier::MoreThan);
    assert_eq!(figure.unit(), Unit::Count);
    assert_eq!(dataset.source_of(figure).unwrap().id(), "s1");
    assert_eq!(dataset.country_of(figure).unwrap().code(), "LY");
    assert_eq!(figure.as_of().to_string(), "2020-10-13");
    assert!(dataset.sources()[0].is_official());
}

#[test]
fn a_missing_unit_or_date_precision_is_reported_with_what_was_taken() {
    let mut doc = with_figure(|f| {
        f.remove("unit");
    });
    doc["sources"][0].as_object_mut().unwrap().remove("date_precision");
    let loaded = load_value(&doc).unwrap();
    assert_eq!(loaded.dataset.figures().len(), 2, "kept");
    let messages: Vec<String> = loaded.issues.iter().map(|i| i.message(Lang::En)).collect();
    assert_eq!(
        messages,
        [
            "sources[0] \"s1\": field \"date_precision\" is missing; taken as \"day\" (kept)",
            "figures[1] \"f2\": field \"unit\" is missing; taken as \"count\" (kept)",
        ]
    );
    assert_eq!(loaded.issues[1].message(Lang::Fr), "figures[1] \"f2\": le champ « unit » manque ; pris comme « count » (conservé)");
}

#[test]
fn the_french_wording_is_optional_and_english_stands_in_for_it() {
    let loaded = load_value(&with_figure(|f| {
        f.insert("metric_detail_fr".into(), json!(" rentrés "));
    }))
    .unwrap();
    assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
    let [without, with] = loaded.dataset.figures() else { panic!("two figures") };
    assert_eq!(with.detail_in(Lang::Fr), ("rentrés", Lang::Fr));
    assert_eq!(with.detail_in(Lang::En), ("returned", Lang::En));
    assert_eq!(without.detail_in(Lang::Fr), ("returned", Lang::En), "marked as English text");
    let loaded = load_value(&with_figure(|f| {
        f.insert("metric_detail_fr".into(), json!(["rentrés"]));
    }))
    .unwrap();
    assert_eq!(loaded.dataset.figures().len(), 2, "a bad French wording drops the wording, not the figure");
    let [issue] = loaded.issues.as_slice() else { panic!("one issue: {:?}", loaded.issues) };
    assert_eq!((issue.field, &issue.kind, issue.kept), (Some("metric_detail_fr"), &IssueKind::WrongType { expected: "text" }, true));
}

#[test]
fn a_release_reference_is_kept_trimmed_and_a_bad_one_is_dropped_with_a_warning() {
    let with_reference = |reference: Value| {
        let mut doc = minimal();
        doc["sources"][0]["reference"] = reference;
        load_value(&doc).unwrap()
    };
    let loaded = with_reference(json!("  UNIQUE ID: 201013_8 "));
    assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
    assert_eq!(loaded.dataset.sources()[0].reference(), Some("UNIQUE ID: 201013_8"));
    assert_eq!(load_value(&minimal()).unwrap().dataset.sources()[0].reference(), None, "the field is optional");
    assert!(load_value(&minimal()).unwrap().issues.is_empty());
    assert_eq!(with_reference(Value::Null).dataset.sources()[0].reference(), None);
    for (bad, kind) in [
        (json!("  "), IssueKind::BadReference { found: String::new() }),
        (json!("IP/21/1\nsecond line"), IssueKind::BadReference { found: "IP/21/1\nsecond line".into() }),
        (json!("x".repeat(MAX_REFERENCE_CHARS + 1)), IssueKind::BadReference { found: "x".repeat(40) }),
        (json!(201013), IssueKind::WrongType { expected: "text" }),
    ] {
        let loaded = with_reference(bad.clone());
        assert_eq!(loaded.dataset.figures().len(), 1, "{bad}: the source and its figures stay");
        assert_eq!(loaded.dataset.sources()[0].reference(), None, "{bad}: the field is dropped");
        let [issue] = loaded.issues.as_slice() else { panic!("{bad}: one issue, {:?}", loaded.issues) };
        assert_eq!((issue.field, &issue.kind, issue.kept), (Some("reference"), &kind, true), "{bad}");
    }
    assert_eq!(with_reference(json!("x".repeat(MAX_REFERENCE_CHARS))).dataset.sources()[0].reference().map(str::len), Some(60));
    let issue = &with_reference(json!("")).issues[0];
    assert_eq!(
        issue.message(Lang::En),
        "sources[0] \"s1\": reference \"\" is not a release reference (one line of 1 to 60 characters) (kept)"
    );
    assert_eq!(
        issue.message(Lang::Fr),
        "sources[0] \"s1\": reference «  » n’est pas une référence de communiqué (une ligne de 1 à 60 caractères) (conservé)"
    );
}

#[test]
fn unknown_metric_skips_the_figure() {
    let issue = single_issue(|f| {
        f.insert("metric".into(), json!("happiness"));
    });
    assert_eq!(issue.field, Some("metric"));
    assert_eq!(issue.kind, IssueKind::UnknownValue { found: "happiness".into() });
    assert!(!issue.kept);
    assert_eq!(issue.to_string(), "figures[1] \"f2\": unknown metric \"happiness\" (skipped)");
}

#[test]
fn negative_value_skips_the_figure() {
    let issue = single_issue(|f| {
        f.insert("value".into(), json!(-5));
    });
    assert_eq!(issue.kind, IssueKind::Negative { value: -5.0 });
}

#[test]
fn non_finite_and_implausible_values_skip_the_figure() {
    let issue = single_issue(|f| {
        f.insert("value".into(), json!("NaN"));
    });
    assert_eq!(issue.kind, IssueKind::NotFinite);
    let issue = single_issue(|f| {
        f.insert("value".into(), json!(1e300));
    });
    assert!(matches!(issue.kind, IssueKind::Implausible { .. }));
    let issue = single_issue(|f| {
        f.insert("value".into(), json!("84000"));
    });
    assert_eq!(issue.kind, IssueKind::WrongType { expected: "a number" });
}

#[test]
fn non_finite_literals_are_not_json() {
    let text = serde_json::to_string(&minimal()).unwrap().replace("84000.0", "NaN");
    assert!(matches!(load_dataset(&text), Err(LoadError::File(FileError::NotJson { .. }))));
}

#[test]
fn dangling_references_skip_the_figure() {
    let issue = single_issue(|f| {
        f.insert("source".into(), json!("nowhere"));
    });
    assert_eq!(issue.kind, IssueKind::Dangling { target: "nowhere".into() });
    assert_eq!(issue.field, Some("source"));
    let issue = single_issue(|f| {
        f.insert("country".into(), json!("ZZ"));
    });
    assert_eq!(issue.field, Some("country"));
    let issue = single_issue(|f| {
        f.insert("regions".into(), json!(["atlantis"]));
    });
    assert_eq!(issue.field, Some("regions"));
}

#[test]
fn duplicate_ids_keep_the_first_record() {
    let issue = single_issue(|f| {
        f.insert("id".into(), json!("f1"));
    });
    assert_eq!(issue.kind, IssueKind::DuplicateId { id: "f1".into() });
}

#[test]
fn bad_dates_skip_the_figure() {
    let issue = single_issue(|f| {
        f.insert("period_end".into(), json!("2019-02-30"));
    });
    assert!(matches!(issue.kind, IssueKind::BadDate { .. }));
    let issue = single_issue(|f| {
        f.insert("period_start".into(), json!("2021-01-01"));
    });
    assert_eq!(issue.kind, IssueKind::InvertedPeriod);
}

#[test]
fn figures_of_a_skipped_source_are_skipped_too() {
    let mut doc = minimal();
    doc["sources"][0]["date"] = json!("13/10/2020");
    let error = load_value(&doc).unwrap_err();
    assert_eq!(error, LoadError::NoUsableFigures { skipped: 2 });
}

#[test]
fn links_must_be_web_addresses() {
    let mut doc = minimal();
    let mut bad = doc["sources"][0].clone();
    bad["id"] = json!("s2");
    bad["url"] = json!("javascript:alert(1)");
    doc["sources"].as_array_mut().unwrap().push(bad);
    let loaded = load_value(&doc).unwrap();
    assert_eq!(loaded.dataset.sources().len(), 1);
    assert!(matches!(loaded.issues[0].kind, IssueKind::BadUrl { .. }));
    assert!(is_web_address("https://eeas.europa.eu/x?y=1"));
    assert!(!is_web_address("https://"));
    assert!(!is_web_address("data:text/html,hi"));
    assert!(!is_web_address("https://exa mple.org"));
}

#[test]
fn source_addresses_lead_to_the_host_they_name() {
    // A user name before "@" makes the link text name one site and lead to another.
    for bad in [
        "https://eeas.europa.eu@other.example/",
        "https://user:pw@example.org/x",
        "https://exa_mple!.org/",
        "https://-example.org/",
        "https://999.1.1.1/",
        "https://0x7f.1/",
        "https://2130706433/",
        "https://example.org:99999/",
        "https://[::1/",
        "https://example.org\\@other.example/",
        "https://%65xample.org/",
    ] {
        assert!(!is_web_address(bad), "{bad}");
    }
    for good in [
        "https://eeas.europa.eu/x?y=1&z=a@b",
        "https://127.0.0.1:8080/x",
        "https://[2001:db8::1]/x",
        "http://données.example.fr/",
        "https://www.iom.int./news",
        "https://example.org/path@with-at",
    ] {
        assert!(is_web_address(good), "{good}");
    }
    let mut doc = minimal();
    doc["sources"][0]["url"] = json!("https://eeas.europa.eu@other.example/");
    assert!(matches!(load_value(&doc), Err(LoadError::NoUsableFigures { .. })), "the source and its figures are skipped");
    let mut doc = minimal();
    let mut second = doc["sources"][0].clone();
    second["id"] = json!("s2");
    second["url"] = json!("https://eeas.europa.eu@other.example/");
    doc["sources"].as_array_mut().unwrap().push(second);
    let loaded = load_value(&doc).unwrap();
    let message = loaded.issues[0].message(Lang::En);
    assert!(message.contains("other.example") && message.contains("eeas.europa.eu"), "the message says where it leads: {message}");
    assert!(loaded.issues[0].message(Lang::Fr).contains("other.example"));
}

#[test]
fn text_fields_lose_the_characters_pages_cannot_hold_with_a_warning() {
    let mut doc = minimal();
    doc["info"] = json!({ "title": "Figures\u{1} of\u{b} the year\u{ffff}", "description": "ok", "licence": "CC BY 4.0" });
    doc["sources"][0]["title"] = json!("Release\u{0} one\u{1b}[31m");
    doc["sources"][0]["publisher"] = json!("EEAS\u{7f}\u{85}");
    doc["figures"][0]["note"] = json!("tab\tand\nnew line stay");
    let loaded = load_value(&doc).unwrap();
    let dataset = &loaded.dataset;
    assert_eq!(dataset.info().title(), "Figures of the year");
    let source = &dataset.sources()[0];
    assert_eq!(source.title(), "Release one[31m");
    assert_eq!(source.publisher(), "EEAS");
    assert_eq!(dataset.figures()[0].note(), "tab\tand\nnew line stay", "tabs and line breaks are text");
    let repaired: Vec<(&str, Option<&str>)> = loaded.issues.iter().filter(|i| i.kept).map(|i| (i.record.list, i.field)).collect();
    assert_eq!(repaired, [("info", Some("title")), ("sources", Some("publisher")), ("sources", Some("title"))]);
    let message = loaded.issues[0].message(Lang::En);
    assert!(message.contains("removed") && message.contains("(kept)"), "{message}");
    assert!(loaded.issues[0].message(Lang::Fr).contains("supprimé"), "{}", loaded.issues[0].message(Lang::Fr));
}

#[test]
fn whole_file_errors_are_fatal() {
    assert_eq!(load_dataset(""), Err(LoadError::File(FileError::Empty)));
    assert!(matches!(load_dataset("{\"schema\": "), Err(LoadError::File(FileError::NotJson { line: 1, .. }))));
    assert_eq!(load_dataset("[]"), Err(LoadError::File(FileError::NotAnObject)));
    assert_eq!(load_dataset("{}"), Err(LoadError::File(FileError::WrongSchema { found: String::new() })));
    let mut doc = minimal();
    doc["schema_version"] = json!(2);
    assert_eq!(load_value(&doc), Err(LoadError::File(FileError::UnsupportedVersion { found: "2".into() })));
    let mut doc = minimal();
    doc["figures"] = json!({});
    assert_eq!(load_value(&doc), Err(LoadError::WrongShape { expected: "a \"figures\" list" }));
}

#[test]
fn messages_exist_in_french() {
    let issue = single_issue(|f| {
        f.insert("metric".into(), json!("bonheur"));
    });
    assert_eq!(issue.message(crate::domain::lang::Lang::Fr), "figures[1] \"f2\": valeur inconnue pour metric : « bonheur » (ignoré)");
    assert_eq!(LoadError::File(FileError::Empty).message(crate::domain::lang::Lang::Fr), "le fichier de données est vide");
}
