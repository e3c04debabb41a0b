//! The whole state of a view (which tab, which filters, how sorted, which language), and how it
//! is written to and read from the address bar's query string.
//!
//! Links are over-specified and versioned (`v=1`): every setting is written out, defaults
//! included, so a shared link shows the same view even after the defaults change. Reading never
//! fails: unknown or invalid parameters fall back to defaults and come back as [`UrlNotice`]s.
//!
//! This file holds the state's types and the states derived from one (embeds, the full page);
//! `query` holds its URL form and `percent` the percent-coding of the query's values.

use std::collections::BTreeSet;

use crate::domain::dataset::model::{Dataset, Metric};
use crate::domain::explore::aggregate::BreakdownBy;
use crate::domain::explore::select::{Filter, Ignore, Level};
use crate::domain::explore::table::TableSort;
use crate::domain::lang::Lang;

mod percent;
mod query;

pub use percent::{decode, encode};
pub use query::{drop_unknown_ids, from_query, to_query, UrlNotice, URL_VERSION};

/// The views the dashboard offers, as tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum View {
    /// Reported values over time.
    #[default]
    Timeline,
    /// Latest value per place.
    Breakdown,
    /// Latest value per country on a map.
    Map,
    /// Every selected figure in a table.
    Table,
    /// The releases behind the selection.
    Sources,
    /// The headline cards alone (for embeds; the full page shows the cards above every view).
    Cards,
    /// The staff page that reads figures from a release text.
    Extract,
}

impl View {
    /// Every view.
    pub const ALL: [View; 7] = [View::Timeline, View::Breakdown, View::Map, View::Table, View::Sources, View::Cards, View::Extract];
    /// The views offered as tabs on the full page.
    pub const TABS: [View; 5] = [View::Timeline, View::Breakdown, View::Map, View::Table, View::Sources];

    /// Identifier used in URLs.
    pub fn id(self) -> &'static str {
        match self {
            View::Timeline => "timeline",
            View::Breakdown => "breakdown",
            View::Map => "map",
            View::Table => "table",
            View::Sources => "sources",
            View::Cards => "cards",
            View::Extract => "extract",
        }
    }

    /// Reads an identifier.
    pub fn from_id(id: &str) -> Option<View> {
        View::ALL.into_iter().find(|view| view.id() == id)
    }

    /// The tab a key moves to from this one (ARIA tabs pattern: arrows wrap around, Home and
    /// End go to the ends); `None` for any other key. A view that is not a tab moves as if it
    /// were the first.
    pub fn tab_after_key(self, key: &str) -> Option<View> {
        let tabs = View::TABS;
        let at = tabs.iter().position(|tab| *tab == self).unwrap_or(0);
        let next = match key {
            "ArrowRight" => (at + 1) % tabs.len(),
            "ArrowLeft" => (at + tabs.len() - 1) % tabs.len(),
            "Home" => 0,
            "End" => tabs.len() - 1,
            _ => return None,
        };
        tabs.get(next).copied()
    }

    /// Whether the view draws charts (the others are lists, a table, a form).
    pub fn has_chart(self) -> bool {
        matches!(self, View::Timeline | View::Breakdown | View::Map)
    }

    /// Whether the view ignores the level filter: the breakdown and the map compare places,
    /// so they take every level (the filter panel greys the level choice out there).
    pub fn ignores_level(self) -> bool {
        matches!(self, View::Breakdown | View::Map)
    }

    /// What the view's selection leaves out of the filter: the level, where it is ignored.
    pub fn ignore(self) -> Ignore {
        Ignore { metrics: false, levels: self.ignores_level() }
    }
}

/// How the country list in the filters is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum CountryOrder {
    /// Alphabetically, in the interface language.
    #[default]
    Name,
    /// By the latest value of the first selected metric, largest first.
    Value,
}

impl CountryOrder {
    /// Identifier used in URLs.
    pub fn id(self) -> &'static str {
        match self {
            CountryOrder::Name => "name",
            CountryOrder::Value => "value",
        }
    }

    /// Reads an identifier.
    pub fn from_id(id: &str) -> Option<CountryOrder> {
        [CountryOrder::Name, CountryOrder::Value].into_iter().find(|o| o.id() == id)
    }
}

/// Light or dark rendering, or whatever the reader's system prefers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ThemeChoice {
    /// Follow the system (`prefers-color-scheme`).
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemeChoice {
    /// Every choice, in switcher order.
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::Auto, ThemeChoice::Light, ThemeChoice::Dark];

    /// Identifier used in URLs.
    pub fn id(self) -> &'static str {
        match self {
            ThemeChoice::Auto => "auto",
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
        }
    }

    /// Reads an identifier.
    pub fn from_id(id: &str) -> Option<ThemeChoice> {
        ThemeChoice::ALL.into_iter().find(|t| t.id() == id)
    }

    /// Whether the page is dark, given whether the system prefers dark.
    pub fn is_dark(self, system_prefers_dark: bool) -> bool {
        match self {
            ThemeChoice::Auto => system_prefers_dark,
            ThemeChoice::Light => false,
            ThemeChoice::Dark => true,
        }
    }
}

/// How the page is presented, besides what it shows: embedded in another page or not, and
/// Datawrapper-style render flags for embeds.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Presentation {
    /// Light, dark or automatic.
    pub theme: ThemeChoice,
    /// Embed mode: one chart (or the cards) without the page chrome.
    pub embed: bool,
    /// No background (the host page shows through).
    pub transparent: bool,
    /// No title or footer around the embedded chart.
    pub plain: bool,
    /// Identifies the embed in the height messages it sends to the host page.
    pub embed_id: Option<String>,
}

impl Presentation {
    /// The identifier of an embed: 1–32 ASCII letters, digits, `-` or `_`.
    pub fn parse_embed_id(text: &str) -> Option<String> {
        let ok = !text.is_empty() && text.len() <= 32 && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        ok.then(|| text.to_string())
    }
}

/// Everything that defines what the page shows.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ViewState {
    /// The tab shown.
    pub view: View,
    /// The selection.
    pub filter: Filter,
    /// Order of the table.
    pub sort: TableSort,
    /// Places compared in the breakdown.
    pub breakdown_by: BreakdownBy,
    /// Order of the country list.
    pub country_order: CountryOrder,
    /// Interface language; `None` until chosen (the browser's preference then applies).
    pub lang: Option<Lang>,
    /// Theme and embed flags.
    pub presentation: Presentation,
    /// Another data file to show instead of the published one (`?data=`), when allowed.
    pub data: Option<String>,
    /// Show the preview the staff page saved on this device (`?preview=1`): the published
    /// dataset with a reviewed release merged in.
    pub preview: bool,
}

impl ViewState {
    /// The view a first visit shows: reported returns, programme-wide, every programme,
    /// every source, over the dataset's whole period.
    pub fn default_for(dataset: Option<&Dataset>) -> ViewState {
        ViewState {
            view: View::Timeline,
            filter: Filter {
                metrics: BTreeSet::from([Metric::MigrantsReturned]),
                levels: BTreeSet::from([Level::ProgrammeWide]),
                years: dataset.and_then(Dataset::year_bounds),
                ..Filter::default()
            },
            sort: TableSort::default(),
            breakdown_by: BreakdownBy::Country,
            country_order: CountryOrder::Name,
            lang: None,
            presentation: Presentation::default(),
            data: None,
            preview: false,
        }
    }

    /// Resets the filters to their defaults, keeping the tab, sorting and language.
    pub fn with_default_filters(&self, dataset: Option<&Dataset>) -> ViewState {
        ViewState { filter: ViewState::default_for(dataset).filter, ..self.clone() }
    }

    /// The state once the first dataset is known: the address `query` read again, now that
    /// the year bounds and ids can be checked, keeping the language and view chosen in
    /// `current` before the data arrived. Outside embeds the cards head every view, so a link
    /// to the cards opens the timeline.
    pub fn resolve(query: &str, dataset: &Dataset, current: &ViewState) -> (ViewState, Vec<UrlNotice>) {
        let (mut state, notices) = from_query(query, Some(dataset));
        state.lang = state.lang.or(current.lang);
        state.view = current.view;
        if state.view == View::Cards && !state.presentation.embed {
            state.view = View::Timeline;
        }
        (state, notices)
    }

    /// This state for a later dataset (a reload, a local file): the same view, without the
    /// ids the dataset does not know, each named in a notice.
    pub fn known_to(&self, dataset: &Dataset) -> (ViewState, Vec<UrlNotice>) {
        let (mut state, mut notices) = (self.clone(), Vec::new());
        drop_unknown_ids(&mut state, dataset, &mut notices);
        (state, notices)
    }

    /// Toggles a metric in the filter.
    pub fn toggle_metric(&mut self, metric: Metric) {
        toggle(&mut self.filter.metrics, metric);
    }

    /// Toggles a programme in the filter.
    pub fn toggle_programme(&mut self, id: &str) {
        toggle(&mut self.filter.programmes, id.to_string());
    }

    /// Toggles a geographic level in the filter.
    pub fn toggle_level(&mut self, level: Level) {
        toggle(&mut self.filter.levels, level);
    }

    /// Toggles a country in the filter. Choosing a country also shows country-level figures,
    /// which the default (programme-wide) level would otherwise hide.
    pub fn toggle_country(&mut self, code: &str) {
        if !self.filter.countries.remove(code) {
            self.filter.countries.insert(code.to_string());
            if !self.filter.levels.is_empty() {
                self.filter.levels.insert(Level::National);
            }
        }
    }

    /// Toggles a region in the filter. Choosing a region also shows regional and national
    /// figures, for the same reason as [`ViewState::toggle_country`].
    pub fn toggle_region(&mut self, id: &str) {
        if !self.filter.regions.remove(id) {
            self.filter.regions.insert(id.to_string());
            if !self.filter.levels.is_empty() {
                self.filter.levels.insert(Level::Regional);
                self.filter.levels.insert(Level::National);
            }
        }
    }
}

/// Takes `item` out of `set`, or puts it in when it was not there.
fn toggle<T: Ord>(set: &mut BTreeSet<T>, item: T) {
    if !set.remove(&item) {
        set.insert(item);
    }
}

/// The state of the full dashboard for an embedded view: the same view and filters, without
/// the embed flags (the "open the full dashboard" link of an embed).
pub fn full_page_state(state: &ViewState) -> ViewState {
    let mut full = state.clone();
    full.presentation = Presentation { theme: state.presentation.theme, ..Presentation::default() };
    if full.view == View::Cards {
        full.view = View::Timeline;
    }
    full
}

/// The state an embed of the current view shows.
pub fn embed_state(state: &ViewState, view: View, embed_id: &str, plain: bool) -> ViewState {
    let mut embed = state.clone();
    embed.view = view;
    embed.presentation = Presentation {
        theme: state.presentation.theme,
        embed: true,
        transparent: false,
        plain,
        embed_id: Presentation::parse_embed_id(embed_id),
    };
    embed
}

/// What a share link or an embed code carries of the view: the data shown only when the
/// person asks for it (`keep_data`: figures from another address, which the embed then labels
/// as such), and never the staff preview, which is saved on one device and not published.
pub fn shared_state(state: &ViewState, keep_data: bool) -> ViewState {
    ViewState { data: state.data.clone().filter(|_| keep_data), preview: false, ..state.clone() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::{dataset, figure};

    #[test]
    fn shared_views_carry_other_data_only_on_request_and_never_the_preview() {
        let state = ViewState { data: Some("data/draft.json".into()), preview: true, ..ViewState::default_for(None) };
        let shared = shared_state(&state, false);
        assert_eq!((shared.data.as_deref(), shared.preview), (None, false));
        assert_eq!(ViewState { data: state.data.clone(), preview: true, ..shared }, state, "nothing else changes");
        let asked = shared_state(&state, true);
        assert_eq!((asked.data.as_deref(), asked.preview), (Some("data/draft.json"), false));
    }

    #[test]
    fn the_timeline_breakdown_and_map_are_the_views_with_charts() {
        let charted: Vec<View> = View::ALL.into_iter().filter(|v| v.has_chart()).collect();
        assert_eq!(charted, [View::Timeline, View::Breakdown, View::Map]);
    }

    #[test]
    fn only_the_views_that_compare_places_ignore_the_level() {
        let ignoring: Vec<View> = View::ALL.into_iter().filter(|v| v.ignores_level()).collect();
        assert_eq!(ignoring, [View::Breakdown, View::Map]);
        assert_eq!(View::Map.ignore(), Ignore { metrics: false, levels: true });
        assert_eq!(View::Table.ignore(), Ignore::default(), "the table keeps every filter");
    }

    #[test]
    fn arrow_keys_walk_the_tabs_round_and_other_keys_do_nothing() {
        assert_eq!(View::Timeline.tab_after_key("ArrowRight"), Some(View::Breakdown));
        assert_eq!(View::Sources.tab_after_key("ArrowRight"), Some(View::Timeline), "wraps at the end");
        assert_eq!(View::Timeline.tab_after_key("ArrowLeft"), Some(View::Sources), "wraps at the start");
        assert_eq!(View::Map.tab_after_key("Home"), Some(View::Timeline));
        assert_eq!(View::Map.tab_after_key("End"), Some(View::Sources));
        assert_eq!(View::Map.tab_after_key("Enter"), None);
        assert_eq!(View::Cards.tab_after_key("ArrowRight"), Some(View::Breakdown), "not a tab: from the first");
    }

    #[test]
    fn metrics_programmes_and_levels_toggle_in_and_out() {
        let mut state = ViewState::default_for(None);
        state.toggle_metric(Metric::Projects);
        assert_eq!(state.filter.metrics, BTreeSet::from([Metric::MigrantsReturned, Metric::Projects]));
        state.toggle_metric(Metric::MigrantsReturned);
        assert_eq!(state.filter.metrics, BTreeSet::from([Metric::Projects]));
        state.toggle_programme("p");
        assert!(state.filter.programmes.contains("p"));
        state.toggle_programme("p");
        assert!(state.filter.programmes.is_empty());
        state.toggle_level(Level::National);
        assert_eq!(state.filter.levels, BTreeSet::from([Level::ProgrammeWide, Level::National]));
        state.toggle_level(Level::ProgrammeWide);
        assert_eq!(state.filter.levels, BTreeSet::from([Level::National]), "unlike a country, a level adds no other");
    }

    fn one_figure() -> Dataset {
        dataset(&[figure("a").date("2019-06-01").country("LY")])
    }

    #[test]
    fn the_first_dataset_reads_the_address_again_keeping_choices_made_before_it() {
        let d = one_figure();
        let mut current = ViewState::default_for(None);
        current.lang = Some(Lang::Fr);
        current.view = View::Map;
        let (state, notices) = ViewState::resolve("v=1&view=table&country=LY,ZZ&from=2019&to=2019", &d, &current);
        assert_eq!((state.lang, state.view), (Some(Lang::Fr), View::Map), "chosen while the data loaded");
        assert_eq!(state.filter.countries, BTreeSet::from(["LY".to_string()]));
        assert_eq!(state.filter.years, Some((2019, 2019)));
        assert_eq!(notices, [UrlNotice::BadValue { key: "country".into(), value: "ZZ".into() }]);
        let (english, _) = ViewState::resolve("lang=en", &d, &current);
        assert_eq!(english.lang, Some(Lang::En), "a language in the address wins");
    }

    #[test]
    fn a_link_to_the_cards_opens_the_timeline_except_in_an_embed() {
        let d = one_figure();
        let cards = ViewState { view: View::Cards, ..ViewState::default_for(None) };
        assert_eq!(ViewState::resolve("view=cards", &d, &cards).0.view, View::Timeline);
        let embedded = ViewState::resolve("view=cards&embed=1", &d, &cards).0;
        assert_eq!(embedded.view, View::Cards);
    }

    #[test]
    fn a_later_dataset_keeps_the_view_and_drops_what_it_does_not_know() {
        let d = one_figure();
        let mut current = ViewState { view: View::Table, ..ViewState::default_for(None) };
        current.filter.countries = BTreeSet::from(["LY".to_string(), "ML".to_string()]);
        let (state, notices) = current.known_to(&d);
        assert_eq!(state.view, View::Table);
        assert_eq!(state.filter.countries, BTreeSet::from(["LY".to_string()]));
        assert_eq!(notices, [UrlNotice::BadValue { key: "country".into(), value: "ML".into() }]);
    }

    #[test]
    fn choosing_a_country_shows_country_figures() {
        let mut state = ViewState::default_for(None);
        state.toggle_country("LY");
        assert!(state.filter.countries.contains("LY"));
        assert!(state.filter.levels.contains(&Level::National));
        state.toggle_country("LY");
        assert!(state.filter.countries.is_empty());
        state.toggle_region("north-africa");
        assert!(state.filter.levels.contains(&Level::Regional));
    }
}
