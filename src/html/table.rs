//! The figure table's markup: its column names and its rows (value, qualifier, date and its
//! precision, period, programme, place, source link and notes), written once for the app's
//! sortable table and the pre-rendered one.

use std::fmt::Write as _;

use super::{element, escape};
use crate::domain::dataset::model::{Dataset, Figure, Place, Position};
use crate::domain::explore::table::Column;
use crate::domain::lang::Lang;
use crate::domain::text::describe::{figure_date, figure_period, figure_value_stated, source_line};
use crate::domain::text::format::labelled;
use crate::domain::text::i18n::{disagreement_kind_name, metric_name, precision_note};
use crate::domain::text::labels::place_name;
use crate::domain::text::messages::{msg, Msg};

/// A sortable column's name.
pub fn column_label(column: Column) -> Msg {
    match column {
        Column::Metric => Msg::ColMetric,
        Column::Value => Msg::ColValue,
        Column::Date => Msg::ColDate,
        Column::Programme => Msg::ColProgramme,
        Column::Place => Msg::ColPlace,
        Column::Source => Msg::ColSource,
    }
}

/// The header row before the app runs: the columns' names, without the sort buttons.
pub fn head_static(lang: Lang) -> String {
    let mut out = String::from("<tr>");
    for label in Column::ALL.map(column_label).into_iter().chain([Msg::ColNotes]) {
        element(&mut out, "th", r#"scope="col""#, msg(label, lang));
    }
    out.push_str("</tr>");
    out
}

/// The table's body: a row per figure of `rows`, in that order, or the empty-selection message.
pub fn rows(dataset: &Dataset, rows: &[Position<Figure>], lang: Lang) -> String {
    let mut out = String::new();
    if rows.is_empty() {
        let text = format!("{} {}", msg(Msg::EmptyTitle, lang), msg(Msg::EmptyHint, lang));
        element(&mut out, "td", r#"colspan="7" class="table__empty" data-testid="table-empty""#, &text);
        return format!("<tr>{out}</tr>");
    }
    for index in rows {
        row(&mut out, dataset, *index, lang);
    }
    out
}

fn row(out: &mut String, dataset: &Dataset, index: Position<Figure>, lang: Lang) {
    let Some(figure) = dataset.figure(index) else { return };
    let (detail, detail_lang) = figure.detail_in(lang);
    let _ = write!(out, r#"<tr data-testid="table-row" data-figure="{}"><td>"#, escape(figure.id()));
    element(out, "span", r#"class="table__metric""#, metric_name(figure.metric(), lang));
    element(out, "span", &format!(r#"class="table__detail" lang="{}""#, detail_lang.tag()), detail);
    out.push_str("</td>");
    element(out, "td", r#"class="table__value""#, &figure_value_stated(figure, lang));
    let mut date = figure_date(figure, lang);
    let precision = precision_note(figure.as_of_precision(), lang);
    if !precision.is_empty() {
        date = format!("{date} ({precision})");
    }
    let _ = write!(out, "<td>{}", escape(&date));
    if let Some(period) = figure_period(figure, lang) {
        element(out, "span", r#"class="table__detail""#, &period);
    }
    out.push_str("</td>");
    element(out, "td", "", dataset.programme_of(figure).map(|p| p.name(lang)).unwrap_or_default());
    element(out, "td", "", &place_name(dataset, &Place::of(figure), lang));
    out.push_str("<td>");
    let url = dataset.source_of(figure).map(|s| s.url()).unwrap_or_default();
    element(out, "a", &format!(r#"href="{}" rel="noopener noreferrer" target="_blank""#, escape(url)), &source_line(dataset, figure, lang));
    out.push_str(r#"</td><td class="table__notes">"#);
    for disagreement in dataset.disagreements_of(index) {
        let note = labelled(disagreement_kind_name(disagreement.kind(), lang), disagreement.note(lang), lang);
        element(out, "span", r#"class="table__warning""#, &format!("⚠ {note}"));
    }
    element(out, "span", r#"lang="en""#, figure.note());
    out.push_str("</td></tr>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dataset::load::load_value;
    use crate::domain::testing::fixture_dataset_text;

    #[test]
    fn a_row_has_every_column_with_its_notes_and_an_empty_selection_says_so() {
        let loaded = load_value(&serde_json::from_str(&fixture_dataset_text()).unwrap()).unwrap();
        let dataset = &loaded.dataset;
        let all: Vec<_> = (0..dataset.figures().len()).map(Position::new).collect();
        let html = rows(dataset, &all, Lang::En);
        assert_eq!(html.matches("<tr ").count(), all.len());
        assert_eq!(html.matches("<td").count(), all.len() * 7, "seven cells a row, as the header has columns");
        assert_eq!(head_static(Lang::En).matches("<th").count(), 7);
        assert!(html.contains(r#"<td class="table__notes">"#));
        assert!(html.contains("⚠ "), "the fixture's disagreements are noted in their rows");
        let empty = rows(dataset, &[], Lang::Fr);
        assert!(empty.starts_with(r#"<tr><td colspan="7" class="table__empty""#) && empty.contains("Élargissez"), "{empty}");
    }
}
