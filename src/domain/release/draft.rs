//! The staff page's review of a release, as a value: the release text, the source being
//! described and one editable row per figure, all as the text staff type. It turns into the
//! [`Reviewed`] records `add` merges ([`Draft::to_reviewed`]), is checked by that same merge as
//! staff type ([`Draft::check`]), flags what the dataset already holds ([`Draft::duplicates`]),
//! and is saved and restored as JSON ([`Draft::restore`]) so a reload loses nothing.

use serde::{Deserialize, Serialize};

use crate::domain::dataset::issue::Issue;
use crate::domain::dataset::raw::{RawDataset, RawFigure, RawName, RawSource};
use crate::domain::release::add::{merge, AddError, FieldRef, Merged};
use crate::domain::release::extract::extract;
use crate::domain::release::review::{default_source_id, skeleton, Reviewed, PLACEHOLDER};

/// The publisher kinds a source may have, in the form's order.
pub const PUBLISHER_KINDS: [&str; 5] = ["eu", "iom", "eu_funded", "media", "other_institution"];
/// The units a figure may have.
pub const UNITS: [&str; 5] = ["count", "eur", "percent", "ordinal", "year"];
/// Where the staff page keeps the draft on the device.
pub const STORAGE_KEY: &str = "eu-iom-staff-draft";

/// The published dataset's text read as records, for the draft's choices, duplicate checks
/// and merge.
///
/// # Errors
/// [`AddError::Dataset`] or [`AddError::DatasetFormat`], as the merge would refuse it.
pub fn read_dataset(text: &str) -> Result<RawDataset, AddError> {
    crate::domain::dataset::load::load_dataset(text).map_err(|e| AddError::Dataset(e.to_string()))?;
    serde_json::from_str(text).map_err(|e| AddError::DatasetFormat(e.to_string()))
}

/// The source being described, field by field as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SourceDraft {
    /// Source id (`release-2020-10-13-201013-8`).
    pub id: String,
    /// Publisher as named on the page.
    pub publisher: String,
    /// eu, iom, eu_funded, media or other_institution.
    pub publisher_kind: String,
    /// Whether the publisher is the EU or IOM itself.
    pub official: bool,
    /// Publication date, YYYY-MM-DD.
    pub date: String,
    /// The release's own reference (`UNIQUE ID: 201013_8`).
    pub reference: String,
    /// Title as published.
    pub title: String,
    /// Address of the release.
    pub url: String,
    /// ISO 639-1 language.
    pub language: String,
}

/// One figure being reviewed, field by field as typed, with the sentence it was read from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RowDraft {
    /// Metric id.
    pub metric: String,
    /// The value, as typed (`84000`).
    pub value: String,
    /// Unit id.
    pub unit: String,
    /// Qualifier id.
    pub qualifier: String,
    /// Period start, YYYY-MM-DD or empty.
    pub period_start: String,
    /// Period end, YYYY-MM-DD or empty.
    pub period_end: String,
    /// Counted since, YYYY-MM-DD or empty.
    pub cumulative_since: String,
    /// Programme id of the dataset.
    pub programme_id: String,
    /// Region id of the dataset, or empty.
    pub region: String,
    /// ISO country code, or empty.
    pub country: String,
    /// What it counts, in English.
    pub detail_en: String,
    /// What it counts, in French.
    pub detail_fr: String,
    /// The reader's note.
    pub note: String,
    /// The sentence it was read from (empty for a row added by hand).
    pub sentence: String,
}

/// The whole review.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    /// The release text as pasted.
    pub text: String,
    /// The source.
    pub source: SourceDraft,
    /// The figures.
    pub rows: Vec<RowDraft>,
}

/// Where a problem is: a field of the source, a field of a row, or the review as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A source field (its serde name, as in [`SourceDraft`]).
    Source(&'static str),
    /// A field of a row (0-based), as in [`RowDraft`].
    Row(usize, &'static str),
    /// The review as a whole.
    Whole,
}

/// What is wrong with a draft.
#[derive(Debug, Clone, PartialEq)]
pub enum DraftProblem {
    /// A value that is not a number.
    NotANumber {
        /// The text typed.
        found: String,
    },
    /// The merge refused the records.
    Refused(AddError),
    /// The dashboard's validation would skip or repair a record of the draft.
    Invalid(Issue),
}

/// A problem and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldProblem {
    /// Where.
    pub at: Target,
    /// What.
    pub problem: DraftProblem,
}

/// Something the dataset may already hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Duplicate {
    /// The dataset has a source with the same id or address.
    Source {
        /// Its id.
        existing: String,
    },
    /// The dataset has a figure of the same metric, value and date from another source.
    Figure {
        /// The row (0-based).
        row: usize,
        /// The figure's id.
        existing: String,
    },
}

/// A stored draft that cannot be read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftError {
    /// The reader's explanation.
    pub detail: String,
}

/// A text left as typed, or empty for a skeleton placeholder.
fn typed(text: &str) -> String {
    if text.trim_start().to_ascii_uppercase().starts_with(PLACEHOLDER) {
        String::new()
    } else {
        text.to_string()
    }
}

fn optional(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// The row field a figure's serde field is shown in.
fn row_field(field: &str) -> &'static str {
    match field {
        "metric" => "metric",
        "value" | "id" => "value",
        "unit" => "unit",
        "qualifier" => "qualifier",
        "period_start" => "period_start",
        "period_end" => "period_end",
        "cumulative_since" => "cumulative_since",
        "programme" | "programme_id" => "programme_id",
        "regions" => "region",
        "country" => "country",
        "metric_detail" => "detail_en",
        "metric_detail_fr" => "detail_fr",
        _ => "note",
    }
}

/// The source field a source's serde field is shown in.
fn source_field(field: &str) -> &'static str {
    match field {
        "date" | "date_precision" => "date",
        "publisher" => "publisher",
        "publisher_kind" => "publisher_kind",
        "official" => "official",
        "title" | "title_note" => "title",
        "reference" => "reference",
        "url" => "url",
        "language" => "language",
        _ => "id",
    }
}

/// Where a reviewed record's field is shown in the draft.
fn target(at: Option<&FieldRef>) -> Target {
    match at {
        Some(at) if at.list == "sources" => Target::Source(source_field(at.field.as_deref().unwrap_or("id"))),
        Some(at) if at.list == "figures" => Target::Row(at.index, row_field(at.field.as_deref().unwrap_or("value"))),
        _ => Target::Whole,
    }
}

impl Draft {
    /// A draft for a pasted release: the source as far as the text tells it and a row per
    /// proposed figure.
    pub fn from_text(text: &str) -> Draft {
        let extraction = extract(text);
        let file = skeleton(&extraction, None, None);
        let source = file.sources.first().map_or_else(SourceDraft::default, |s| SourceDraft {
            id: typed(&default_source_id(&extraction)),
            publisher: typed(&s.publisher),
            publisher_kind: typed(&s.publisher_kind),
            official: s.official,
            date: typed(&s.date),
            reference: s.reference.clone().unwrap_or_default(),
            title: typed(&s.title),
            url: typed(&s.url),
            language: s.language.clone(),
        });
        let rows = file
            .figures
            .iter()
            .map(|f| RowDraft {
                metric: f.figure.metric.clone(),
                value: f.figure.value.to_string(),
                unit: f.figure.unit.clone(),
                qualifier: f.figure.qualifier.clone(),
                period_start: f.figure.period_start.clone().unwrap_or_default(),
                period_end: f.figure.period_end.clone().unwrap_or_default(),
                cumulative_since: f.figure.cumulative_since.clone().unwrap_or_default(),
                programme_id: String::new(),
                region: String::new(),
                country: String::new(),
                detail_en: String::new(),
                detail_fr: String::new(),
                note: f.figure.note.clone(),
                sentence: f.evidence.sentence.clone(),
            })
            .collect();
        Draft { text: text.to_string(), source, rows }
    }

    /// The draft for a new text: its rows are proposed again; what was typed in the source
    /// form stays, blanks are filled from the new text.
    pub fn with_text(&self, text: &str) -> Draft {
        let mut fresh = Draft::from_text(text);
        let (old, new) = (&self.source, &mut fresh.source);
        for (kept, proposed) in [
            (&old.id, &mut new.id),
            (&old.publisher, &mut new.publisher),
            (&old.publisher_kind, &mut new.publisher_kind),
            (&old.date, &mut new.date),
            (&old.reference, &mut new.reference),
            (&old.title, &mut new.title),
            (&old.url, &mut new.url),
        ] {
            if !kept.trim().is_empty() {
                proposed.clone_from(kept);
            }
        }
        new.official = old.official || new.official;
        fresh
    }

    /// A row added by hand: a count, exact, for the release's date.
    pub fn add_row(&mut self) {
        let period_end = self.source.date.clone();
        self.rows.push(RowDraft { unit: "count".into(), qualifier: "exact".into(), period_end, ..RowDraft::default() });
    }

    /// Deletes a row (nothing when there is none at `index`).
    pub fn delete_row(&mut self, index: usize) {
        if index < self.rows.len() {
            self.rows.remove(index);
        }
    }

    /// The records `add` merges: one source and one figure per row, ids `<source-id>:<n>`.
    /// Programme names are the dataset's English names.
    ///
    /// # Errors
    /// The values that are not numbers.
    pub fn to_reviewed(&self, programmes: &[RawName]) -> Result<Reviewed, Vec<FieldProblem>> {
        let s = &self.source;
        let id = s.id.trim().to_string();
        let source = RawSource {
            id: id.clone(),
            date: s.date.trim().to_string(),
            date_precision: "day".into(),
            publisher: s.publisher.trim().to_string(),
            publisher_kind: s.publisher_kind.trim().to_string(),
            official: s.official,
            title: s.title.trim().to_string(),
            title_note: None,
            reference: optional(&s.reference),
            url: s.url.trim().to_string(),
            language: s.language.trim().to_string(),
            kind: "press-release".into(),
            note: Some("Figures read from the release text on the staff page, then reviewed.".into()),
        };
        let mut problems = Vec::new();
        let mut figures = Vec::new();
        for (index, row) in self.rows.iter().enumerate() {
            let value = match read_number(&row.value) {
                Some(value) => value,
                None => {
                    problems.push(FieldProblem {
                        at: Target::Row(index, "value"),
                        problem: DraftProblem::NotANumber { found: row.value.clone() },
                    });
                    continue;
                }
            };
            let programme_id = row.programme_id.trim().to_string();
            let programme = programmes.iter().find(|p| p.id == programme_id).map_or_else(String::new, |p| p.name_en.clone());
            figures.push(RawFigure {
                id: format!("{id}:{}", index + 1),
                source: id.clone(),
                metric: row.metric.trim().to_string(),
                metric_detail: row.detail_en.trim().to_string(),
                metric_detail_fr: optional(&row.detail_fr),
                value,
                unit: row.unit.trim().to_string(),
                qualifier: row.qualifier.trim().to_string(),
                period_start: optional(&row.period_start),
                period_end: optional(&row.period_end),
                cumulative_since: optional(&row.cumulative_since),
                programme,
                programme_id,
                regions: optional(&row.region).into_iter().collect(),
                country: optional(&row.country).map(|c| c.to_ascii_uppercase()),
                note: row.note.trim().to_string(),
            });
        }
        if problems.is_empty() {
            Ok(Reviewed { instructions: Vec::new(), sources: vec![source], figures, countries: Vec::new() })
        } else {
            Err(problems)
        }
    }

    /// Merges the draft into the dataset, as `add` does; the problem, placed on its field,
    /// when it is refused.
    ///
    /// # Errors
    /// The values that are not numbers, or the merge's refusal.
    pub fn merge_into(&self, dataset_text: &str, dataset: &RawDataset) -> Result<Merged, Vec<FieldProblem>> {
        let reviewed = self.to_reviewed(&dataset.programmes)?;
        merge(dataset_text, &reviewed).map_err(|error| match error {
            AddError::Invalid { problems } => {
                let source_at_fault = problems.iter().any(|p| p.at.as_ref().is_some_and(|at| at.list == "sources"));
                problems
                    .into_iter()
                    .filter(|p| !(source_at_fault && p.issue.record.list == "figures" && p.issue.field == Some("source")))
                    .map(|p| FieldProblem { at: target(p.at.as_ref()), problem: DraftProblem::Invalid(p.issue) })
                    .collect()
            }
            error => vec![FieldProblem { at: target(error.at().as_ref()), problem: DraftProblem::Refused(error) }],
        })
    }

    /// Sources and figures of the dataset this draft may repeat: a source with the same id or
    /// address; a figure of the same metric, value and period end from another source.
    pub fn duplicates(&self, dataset: &RawDataset) -> Vec<Duplicate> {
        let id = self.source.id.trim();
        let url = self.source.url.trim();
        let mut found: Vec<Duplicate> = dataset
            .sources
            .iter()
            .filter(|s| (!id.is_empty() && s.id == id) || (!url.is_empty() && s.url == url))
            .map(|s| Duplicate::Source { existing: s.id.clone() })
            .collect();
        for (row, draft) in self.rows.iter().enumerate() {
            let Some(value) = read_number(&draft.value) else { continue };
            let end = optional(&draft.period_end);
            found.extend(
                dataset
                    .figures
                    .iter()
                    .filter(|f| f.source != id && f.metric == draft.metric.trim() && f.value == value && f.period_end == end)
                    .map(|f| Duplicate::Figure { row, existing: f.id.clone() }),
            );
        }
        found
    }

    /// The draft as saved on the device.
    pub fn to_stored(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A saved draft read back.
    ///
    /// # Errors
    /// A [`DraftError`] when the text is not a saved draft.
    pub fn restore(text: &str) -> Result<Draft, DraftError> {
        serde_json::from_str(text).map_err(|e| DraftError { detail: e.to_string() })
    }
}

/// A typed number: digits with an optional decimal point, spaces (also no-break and thin)
/// between groups allowed.
fn read_number(text: &str) -> Option<f64> {
    let digits: String = text.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}')).collect();
    digits.parse::<f64>().ok().filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::seed_release as seed;

    fn fixture() -> (String, RawDataset) {
        let text = crate::domain::testing::fixture_dataset_text();
        let raw = serde_json::from_str(&text).unwrap();
        (text, raw)
    }

    /// The seed release reviewed as staff would: source filled in, each row given a programme
    /// and descriptions, under a new source id.
    fn reviewed_seed() -> Draft {
        let mut draft = Draft::from_text(&seed());
        draft.source.id = "eeas-2020-10-13-staff-test".into();
        draft.source.publisher = "European External Action Service (EEAS)".into();
        draft.source.publisher_kind = "eu".into();
        draft.source.official = true;
        draft.source.url = "https://example.org/staff-test".into();
        for row in &mut draft.rows {
            row.programme_id = "strategic-cooperation".into();
            row.detail_en = format!("{} (staff test)", row.metric);
            row.detail_fr = format!("{} (test du personnel)", row.metric);
            row.value = format!("{}1", row.value);
        }
        draft
    }

    #[test]
    fn a_pasted_release_gives_its_source_and_one_row_per_figure() {
        let draft = Draft::from_text(&seed());
        assert_eq!(draft.rows.len(), 6);
        assert_eq!(draft.source.date, "2020-10-13");
        assert_eq!(draft.source.reference, "UNIQUE ID: 201013_8");
        assert_eq!(draft.source.id, "release-2020-10-13-201013-8");
        assert_eq!(draft.source.publisher, "", "placeholders are left blank for staff to fill");
        assert_eq!((draft.rows[0].metric.as_str(), draft.rows[0].value.as_str()), ("projects", "535"));
        assert!(draft.rows[0].sentence.contains("535 projets"));
    }

    #[test]
    fn a_blank_field_is_said_to_be_required_once_without_the_file_format_s_name() {
        use crate::domain::lang::Lang;
        use crate::domain::text::review::field_message;
        let (text, raw) = fixture();
        let problems = Draft::from_text(&seed()).merge_into(&text, &raw).unwrap_err();
        let publisher = field_message(&problems, &Target::Source("publisher"), Lang::Fr);
        assert_eq!(publisher.as_deref(), Some("À remplir, 4\u{202f}000 caractères au plus"));
        let programme = field_message(&problems, &Target::Row(0, "programme_id"), Lang::En);
        assert_eq!(programme.as_deref(), Some("Required, at most 4,000 characters"), "programme and programme_id, said once");
        assert_eq!(field_message(&problems, &Target::Source("date"), Lang::En), None);
    }

    #[test]
    fn the_merge_refuses_a_blank_field_and_places_the_message_on_it() {
        let (text, raw) = fixture();
        let draft = Draft::from_text(&seed());
        let problems = draft.merge_into(&text, &raw).unwrap_err();
        let places: Vec<&Target> = problems.iter().map(|p| &p.at).collect();
        for expected in [Target::Source("publisher"), Target::Source("url"), Target::Row(0, "detail_en"), Target::Row(5, "programme_id")] {
            assert!(places.contains(&&expected), "{expected:?} not in {places:?}");
        }
        assert!(!places.contains(&&Target::Row(0, "note")), "a figure's dangling source is the source's problem: {places:?}");

        let mut draft = reviewed_seed();
        draft.rows[2].programme_id = "atlantis".into();
        let problems = draft.merge_into(&text, &raw).unwrap_err();
        assert_eq!(problems[0].at, Target::Row(2, "programme_id"), "{problems:?}");

        draft.rows[2].value = "84 000 people".into();
        let problems = draft.to_reviewed(&raw.programmes).unwrap_err();
        assert_eq!(
            problems,
            vec![FieldProblem { at: Target::Row(2, "value"), problem: DraftProblem::NotANumber { found: "84 000 people".into() } }]
        );
    }

    #[test]
    fn a_reviewed_draft_merges_as_add_does() {
        let (text, raw) = fixture();
        let draft = reviewed_seed();
        let merged = draft.merge_into(&text, &raw).unwrap();
        assert_eq!(merged.figures, 6);
        let reviewed = draft.to_reviewed(&raw.programmes).unwrap();
        let file = serde_json::to_string_pretty(&reviewed).unwrap();
        let by_add = merge(&text, &crate::domain::release::add::read_reviewed(&file).unwrap()).unwrap();
        assert_eq!(by_add.text, merged.text);
        assert_eq!(reviewed.figures[0].programme, "EU-IOM strategic cooperation");
        assert_eq!(reviewed.sources[0].reference.as_deref(), Some("UNIQUE ID: 201013_8"), "the reference goes into the dataset");
        assert!(merged.text.contains("\"reference\": \"UNIQUE ID: 201013_8\""));
    }

    #[test]
    fn duplicates_of_the_dataset_are_flagged() {
        let (_, raw) = fixture();
        let mut draft = Draft::from_text(&seed());
        assert!(
            draft.duplicates(&raw).iter().any(|d| matches!(d, Duplicate::Figure { row: 2, existing } if existing.ends_with(":3"))),
            "{:?}",
            draft.duplicates(&raw)
        );
        assert!(!draft.duplicates(&raw).iter().any(|d| matches!(d, Duplicate::Source { .. })));
        draft.source.url = "https://eeas.europa.eu/headquarters/headquarters-homepage/87429/node/87429_fr".into();
        assert!(draft.duplicates(&raw).contains(&Duplicate::Source { existing: "eeas-2020-10-13-eu-iom-7th-strategic-meeting".into() }));
        let reviewed = reviewed_seed();
        assert!(reviewed.duplicates(&raw).is_empty(), "{:?}", reviewed.duplicates(&raw));
    }

    #[test]
    fn a_draft_survives_storage_and_a_bad_one_is_an_error() {
        let mut draft = reviewed_seed();
        draft.add_row();
        draft.delete_row(0);
        draft.delete_row(99);
        assert_eq!(draft.rows.len(), 6);
        assert_eq!(draft.rows[5].period_end, "2020-10-13");
        assert_eq!(Draft::restore(&draft.to_stored()), Ok(draft));
        assert!(Draft::restore("{\"rows\": 3}").is_err());
    }

    #[test]
    fn a_new_text_keeps_the_source_typed_and_proposes_rows_again() {
        let mut draft = Draft::from_text("");
        draft.source.publisher = "EEAS".into();
        let draft = draft.with_text(&seed());
        assert_eq!(draft.source.publisher, "EEAS");
        assert_eq!(draft.source.date, "2020-10-13");
        assert_eq!(draft.rows.len(), 6);
    }
}
