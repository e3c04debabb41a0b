//! The table of selected figures and the list of their sources: sorting and grouping.

use std::cmp::Ordering;

use crate::domain::dataset::model::{Dataset, Figure, Metric, Place, Position, Source};
use crate::domain::lang::{folded, Lang};

/// Columns the table can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Column {
    /// As-of date.
    #[default]
    Date,
    /// Value.
    Value,
    /// Metric name.
    Metric,
    /// Programme name.
    Programme,
    /// Place name.
    Place,
    /// Source publisher.
    Source,
}

impl Column {
    /// Every column, in table order.
    pub const ALL: [Column; 6] = [Column::Metric, Column::Value, Column::Date, Column::Programme, Column::Place, Column::Source];

    /// Identifier used in URLs.
    pub fn id(self) -> &'static str {
        match self {
            Column::Date => "date",
            Column::Value => "value",
            Column::Metric => "metric",
            Column::Programme => "programme",
            Column::Place => "place",
            Column::Source => "source",
        }
    }

    /// Reads an identifier.
    pub fn from_id(id: &str) -> Option<Column> {
        Column::ALL.into_iter().find(|c| c.id() == id)
    }
}

/// A sort order: a column and a direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TableSort {
    /// The column.
    pub column: Column,
    /// Largest, latest or last in the alphabet first.
    pub descending: bool,
}

impl Default for TableSort {
    fn default() -> Self {
        TableSort { column: Column::Date, descending: true }
    }
}

impl TableSort {
    /// Identifier used in URLs: `date-desc`, `value-asc`.
    pub fn id(self) -> String {
        format!("{}-{}", self.column.id(), if self.descending { "desc" } else { "asc" })
    }

    /// Reads an identifier.
    pub fn from_id(id: &str) -> Option<TableSort> {
        let (column, direction) = id.rsplit_once('-')?;
        let descending = match direction {
            "desc" => true,
            "asc" => false,
            _ => return None,
        };
        Some(TableSort { column: Column::from_id(column)?, descending })
    }

    /// The order after clicking a column header: the same column flips direction; another
    /// column starts with its natural direction (latest, largest first; names A to Z).
    pub fn clicked(self, column: Column) -> TableSort {
        if self.column == column {
            TableSort { column, descending: !self.descending }
        } else {
            TableSort { column, descending: matches!(column, Column::Date | Column::Value) }
        }
    }
}

/// Sorts figure indices for the table. Ties keep a stable order by date, then file order.
/// The metric and place columns sort by the names the table shows in `lang`, which the caller
/// gives: they are the interface's words (`text`), and `text` builds on `explore`, not the reverse.
pub fn sort_figures(
    dataset: &Dataset,
    figures: &mut [Position<Figure>],
    sort: TableSort,
    lang: Lang,
    metric_name: impl Fn(Metric) -> String,
    place_name: impl Fn(&Place) -> String,
) {
    let key_text = |index: Position<Figure>| -> String {
        let Some(figure) = dataset.figure(index) else { return String::new() };
        match sort.column {
            Column::Metric => metric_name(figure.metric()),
            Column::Programme => dataset.programme_of(figure).map(|p| p.name(lang).to_string()).unwrap_or_default(),
            Column::Place => place_name(&Place::of(figure)),
            Column::Source => dataset.source_of(figure).map(|s| s.publisher().to_string()).unwrap_or_default(),
            Column::Date | Column::Value => String::new(),
        }
    };
    let tie = |a: Position<Figure>, b: Position<Figure>| -> Ordering {
        let date = |i: Position<Figure>| dataset.figure(i).map(|f| f.as_of());
        date(a).cmp(&date(b)).then(a.cmp(&b))
    };
    figures.sort_by(|&a, &b| {
        let (Some(fa), Some(fb)) = (dataset.figure(a), dataset.figure(b)) else { return a.cmp(&b) };
        let primary = match sort.column {
            Column::Date => fa.as_of().cmp(&fb.as_of()),
            Column::Value => fa.value().total_cmp(&fb.value()),
            _ => folded(&key_text(a)).cmp(&folded(&key_text(b))),
        };
        let ordered = if sort.descending { primary.reverse() } else { primary };
        ordered.then_with(|| tie(a, b))
    });
}

/// The sources behind a selection, latest first, each with its selected figures.
pub fn sources_of(dataset: &Dataset, figures: &[Position<Figure>]) -> Vec<(Position<Source>, Vec<Position<Figure>>)> {
    let mut by_source: Vec<Vec<Position<Figure>>> = vec![Vec::new(); dataset.sources().len()];
    for &index in figures {
        if let Some(figure) = dataset.figure(index) {
            if let Some(list) = by_source.get_mut(figure.source_index().get()) {
                list.push(index);
            }
        }
    }
    let mut out: Vec<(Position<Source>, Vec<Position<Figure>>)> = by_source
        .into_iter()
        .enumerate()
        .filter(|(_, list)| !list.is_empty())
        .map(|(at, list)| (Position::new(at), list))
        .collect();
    out.sort_by(|a, b| {
        let date = |i: Position<Source>| dataset.source(i).map(|s| s.date());
        date(b.0).cmp(&date(a.0)).then(a.0.cmp(&b.0))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_ids_round_trip() {
        for column in Column::ALL {
            for descending in [true, false] {
                let sort = TableSort { column, descending };
                assert_eq!(TableSort::from_id(&sort.id()), Some(sort));
            }
        }
        assert_eq!(TableSort::from_id("date"), None);
        assert_eq!(TableSort::from_id("height-desc"), None);
        assert_eq!(TableSort::from_id("value-up"), None);
    }

    #[test]
    fn clicking_a_header_flips_or_starts_naturally() {
        let sort = TableSort::default();
        assert_eq!(sort.clicked(Column::Date), TableSort { column: Column::Date, descending: false });
        assert_eq!(sort.clicked(Column::Metric), TableSort { column: Column::Metric, descending: false });
        assert_eq!(sort.clicked(Column::Value), TableSort { column: Column::Value, descending: true });
    }
}
