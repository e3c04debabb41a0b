//! Names for what the views show: places, series, panels, map classes; shared by charts, tables
//! and the text alternatives so that a series is called the same everywhere.

use crate::domain::dataset::model::{Dataset, Metric, Place, Position, Programme, Unit};
use crate::domain::explore::aggregate::{Headline, HeadlineLine, Series};
use crate::domain::explore::view::{ThemeChoice, View};
use crate::domain::lang::{tr, Lang};
use crate::domain::map::ClassBreaks;
use crate::domain::text::format::format_value;
use crate::domain::text::messages::{msg, Msg};

/// Name of a place: a country, one or more regions joined with " + ", or the programme as a whole.
pub fn place_name(dataset: &Dataset, place: &Place, lang: Lang) -> String {
    match place {
        Place::Whole => msg(Msg::ProgrammeWide, lang).into(),
        Place::Regions(regions) => regions
            .iter()
            .filter_map(|index| dataset.region(*index))
            .map(|region| region.name(lang))
            .collect::<Vec<_>>()
            .join(" + "),
        Place::Country(index) => dataset.country(*index).map(|c| c.name(lang).to_string()).unwrap_or_default(),
    }
}

/// Labels for the (programme, place) pairs shown together: each names only what tells it apart
/// from the others, and a lone pair is named in full.
pub fn entity_labels(dataset: &Dataset, entities: &[(Position<Programme>, &Place)], lang: Lang) -> Vec<String> {
    let first = entities.first();
    let same_programme = entities.len() > 1 && entities.iter().all(|e| Some(e.0) == first.map(|f| f.0));
    let same_place = entities.len() > 1 && entities.iter().all(|e| Some(e.1) == first.map(|f| f.1));
    entities
        .iter()
        .map(|(programme, place)| {
            let mut parts: Vec<String> = Vec::new();
            if !same_programme {
                if let Some(programme) = dataset.programme(*programme) {
                    parts.push(programme.short_name(lang).to_string());
                }
            }
            if !same_place {
                parts.push(place_name(dataset, place, lang));
            }
            parts.join(" · ")
        })
        .collect()
}

/// The metrics present in a list of series, in the order filters list them.
pub fn metrics_in(series: &[Series]) -> Vec<Metric> {
    Metric::ALL.into_iter().filter(|metric| series.iter().any(|s| s.key.metric == *metric)).collect()
}

impl ClassBreaks {
    /// A class in words and numbers: "less than 10,000", "10,000 to 50,000", "100,000 or more"
    /// (French: "moins de 10 000", "10 000 à 50 000", "100 000 ou plus"); with a single class,
    /// its value or range. `None` for a class that does not exist.
    pub fn describe(&self, class: usize, unit: Unit, lang: Lang) -> Option<String> {
        let number = |v: f64| format_value(v, unit, lang);
        let between = |lower: f64, upper: f64| {
            let (lower, upper) = (number(lower), number(upper));
            tr!(lang, en: format!("{lower} to {upper}"), fr: format!("{lower} à {upper}"))
        };
        if class >= self.n_classes() {
            return None;
        }
        let lower = class.checked_sub(1).and_then(|i| self.thresholds().get(i)).copied();
        let upper = self.thresholds().get(class).copied();
        Some(match (lower, upper) {
            (None, None) if self.min() == self.max() => number(self.min()),
            (None, None) => between(self.min(), self.max()),
            (None, Some(upper)) => {
                let upper = number(upper);
                tr!(lang, en: format!("less than {upper}"), fr: format!("moins de {upper}"))
            }
            (Some(lower), None) => {
                let lower = number(lower);
                tr!(lang, en: format!("{lower} or more"), fr: format!("{lower} ou plus"))
            }
            (Some(lower), Some(upper)) => between(lower, upper),
        })
    }
}

/// A theme choice's name, as the theme switch says it.
pub fn theme_label(choice: ThemeChoice) -> Msg {
    match choice {
        ThemeChoice::Auto => Msg::ThemeAuto,
        ThemeChoice::Light => Msg::ThemeLight,
        ThemeChoice::Dark => Msg::ThemeDark,
    }
}

/// A view's name, as its tab (and the staff page's title) says it.
pub fn view_label(view: View) -> Msg {
    match view {
        View::Timeline => Msg::TabTimeline,
        View::Breakdown => Msg::TabBreakdown,
        View::Map => Msg::TabMap,
        View::Table => Msg::TabTable,
        View::Sources => Msg::TabSources,
        View::Cards => Msg::HeadlinesHeading,
        View::Extract => Msg::StaffTitle,
    }
}

/// A headline card's title.
pub fn headline_title(headline: Headline) -> Msg {
    match headline {
        Headline::Projects => Msg::CardProjects,
        Headline::Funding => Msg::CardFunding,
        Headline::MigrantsAssisted => Msg::CardMigrants,
        Headline::Countries => Msg::CardCountries,
    }
}

/// The label of a line on a card of several lines (the migrants card), none otherwise.
pub fn headline_line_label(line: HeadlineLine) -> Option<Msg> {
    match line.metrics.first() {
        Some(Metric::MigrantsReturned) => Some(Msg::LineReturned),
        Some(Metric::MigrantsReintegration) => Some(Msg::LineReintegration),
        Some(Metric::MigrantsRescued) => Some(Msg::LineRescued),
        _ => None,
    }
}
