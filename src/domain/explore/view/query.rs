//! The view state's URL form: written to and read from the address bar's query string,
//! versioned and over-specified; reading never fails, what it cannot use comes back as a [`UrlNotice`].

use std::collections::BTreeSet;

use super::percent::{decode, encode};
use super::{CountryOrder, Presentation, ThemeChoice, View, ViewState};
use crate::domain::dataset::date::{MAX_YEAR, MIN_YEAR};
use crate::domain::dataset::model::{Dataset, Metric};
use crate::domain::explore::aggregate::BreakdownBy;
use crate::domain::explore::select::{Level, PublisherFilter};
use crate::domain::explore::table::TableSort;
use crate::domain::lang::Lang;

/// The version of the query-string format written by this build.
pub const URL_VERSION: u32 = 1;

/// Something in a link that was not understood and was replaced by a default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlNotice {
    /// A parameter this version does not know.
    UnknownParameter {
        /// Its name.
        key: String,
    },
    /// A known parameter with a value that cannot be used.
    BadValue {
        /// The parameter.
        key: String,
        /// The value.
        value: String,
    },
    /// The link was written by a newer version of the dashboard.
    NewerVersion {
        /// The version found.
        found: String,
    },
}

fn list<T>(items: impl IntoIterator<Item = T>, id: impl Fn(&T) -> String) -> String {
    let ids: Vec<String> = items.into_iter().map(|item| id(&item)).collect();
    if ids.is_empty() {
        "all".into()
    } else {
        ids.join(",")
    }
}

/// Writes the state as a query string, every setting included.
pub fn to_query(state: &ViewState) -> String {
    let filter = &state.filter;
    let mut pairs: Vec<(&str, String)> = vec![
        ("v", URL_VERSION.to_string()),
        ("view", state.view.id().into()),
        ("metric", list(Metric::ALL.into_iter().filter(|m| filter.metrics.contains(m)), |m| m.id().into())),
        ("programme", list(filter.programmes.iter(), |p| p.to_string())),
        ("region", list(filter.regions.iter(), |r| r.to_string())),
        ("country", list(filter.countries.iter(), |c| c.to_string())),
        ("level", list(Level::ALL.into_iter().filter(|l| filter.levels.contains(l)), |l| l.id().into())),
    ];
    match filter.years {
        Some((from, to)) => {
            pairs.push(("from", from.to_string()));
            pairs.push(("to", to.to_string()));
        }
        None => {
            pairs.push(("from", "all".into()));
            pairs.push(("to", "all".into()));
        }
    }
    pairs.push(("publisher", filter.publishers.id().into()));
    pairs.push(("sort", state.sort.id()));
    pairs.push(("by", state.breakdown_by.id().into()));
    pairs.push(("corder", state.country_order.id().into()));
    if let Some(lang) = state.lang {
        pairs.push(("lang", lang.tag().into()));
    }
    let presentation = &state.presentation;
    pairs.push(("theme", presentation.theme.id().into()));
    if presentation.embed {
        pairs.push(("embed", "1".into()));
    }
    if presentation.transparent {
        pairs.push(("transparent", "1".into()));
    }
    if presentation.plain {
        pairs.push(("plain", "1".into()));
    }
    if let Some(id) = &presentation.embed_id {
        pairs.push(("eid", id.clone()));
    }
    if let Some(data) = &state.data {
        pairs.push(("data", data.clone()));
    }
    if state.preview {
        pairs.push(("preview", "1".into()));
    }
    pairs.iter().map(|(key, value)| format!("{key}={}", encode(value))).collect::<Vec<_>>().join("&")
}

/// Reads a comma list; `all` (or nothing) means no restriction. Items failing `parse` are
/// dropped with a notice; when none is left, `default` is kept (an unusable list must not
/// silently widen the view to everything).
fn parse_list<T: Ord>(
    key: &str,
    value: &str,
    parse: impl Fn(&str) -> Option<T>,
    default: BTreeSet<T>,
    notices: &mut Vec<UrlNotice>,
) -> BTreeSet<T> {
    if value.is_empty() || value == "all" {
        return BTreeSet::new();
    }
    let mut out = BTreeSet::new();
    for item in value.split(',').filter(|item| !item.is_empty()) {
        match parse(item) {
            Some(parsed) => {
                out.insert(parsed);
            }
            None => notices.push(UrlNotice::BadValue { key: key.into(), value: item.chars().take(60).collect() }),
        }
    }
    if out.is_empty() {
        return default;
    }
    out
}

/// An id as URLs carry them: short, made of letters, digits, `-` and `_`.
fn plain_id(text: &str) -> Option<String> {
    let ok = !text.is_empty() && text.len() <= 80 && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    ok.then(|| text.to_string())
}

fn parse_year(text: &str) -> Option<i32> {
    let year: i32 = text.parse().ok()?;
    (MIN_YEAR..=MAX_YEAR).contains(&year).then_some(year)
}

/// Reads a query string (with or without the leading `?`). Never fails: what cannot be used
/// falls back to the defaults for `dataset` and is reported.
pub fn from_query(query: &str, dataset: Option<&Dataset>) -> (ViewState, Vec<UrlNotice>) {
    let mut state = ViewState::default_for(dataset);
    let mut notices = Vec::new();
    let query = query.trim_start_matches('?');
    if query.is_empty() {
        return (state, notices);
    }
    let mut from: Option<Option<i32>> = None;
    let mut to: Option<Option<i32>> = None;
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let (Some(key), Some(value)) = (decode(raw_key), decode(raw_value)) else {
            notices.push(UrlNotice::BadValue { key: raw_key.chars().take(40).collect(), value: raw_value.chars().take(60).collect() });
            continue;
        };
        let bad =
            |notices: &mut Vec<UrlNotice>| notices.push(UrlNotice::BadValue { key: key.clone(), value: value.chars().take(60).collect() });
        match key.as_str() {
            "v" => match value.parse::<u32>() {
                Ok(version) if version <= URL_VERSION => {}
                Ok(_) => notices.push(UrlNotice::NewerVersion { found: value.chars().take(10).collect() }),
                Err(_) => bad(&mut notices),
            },
            "view" => match View::from_id(&value) {
                Some(view) => state.view = view,
                None => bad(&mut notices),
            },
            "metric" => {
                let default = std::mem::take(&mut state.filter.metrics);
                state.filter.metrics = parse_list("metric", &value, Metric::from_id, default, &mut notices);
            }
            "programme" => {
                let default = std::mem::take(&mut state.filter.programmes);
                state.filter.programmes = parse_list("programme", &value, plain_id, default, &mut notices);
            }
            "region" => {
                let default = std::mem::take(&mut state.filter.regions);
                state.filter.regions = parse_list("region", &value, plain_id, default, &mut notices);
            }
            "country" => {
                let upper =
                    |code: &str| (code.len() == 2 && code.bytes().all(|b| b.is_ascii_alphabetic())).then(|| code.to_ascii_uppercase());
                let default = std::mem::take(&mut state.filter.countries);
                state.filter.countries = parse_list("country", &value, upper, default, &mut notices);
            }
            "level" => {
                let default = std::mem::take(&mut state.filter.levels);
                state.filter.levels = parse_list("level", &value, Level::from_id, default, &mut notices);
            }
            "from" | "to" => {
                let year = if value == "all" { Some(None) } else { parse_year(&value).map(Some) };
                match (year, key.as_str()) {
                    (Some(year), "from") => from = Some(year),
                    (Some(year), _) => to = Some(year),
                    (None, _) => bad(&mut notices),
                }
            }
            "publisher" => match PublisherFilter::from_id(&value) {
                Some(publishers) => state.filter.publishers = publishers,
                None => bad(&mut notices),
            },
            "sort" => match TableSort::from_id(&value) {
                Some(sort) => state.sort = sort,
                None => bad(&mut notices),
            },
            "by" => match BreakdownBy::from_id(&value) {
                Some(by) => state.breakdown_by = by,
                None => bad(&mut notices),
            },
            "corder" => match CountryOrder::from_id(&value) {
                Some(order) => state.country_order = order,
                None => bad(&mut notices),
            },
            "lang" => match Lang::from_tag(&value) {
                Some(lang) => state.lang = Some(lang),
                None => bad(&mut notices),
            },
            "theme" => match ThemeChoice::from_id(&value) {
                Some(theme) => state.presentation.theme = theme,
                None => bad(&mut notices),
            },
            "data" if !value.trim().is_empty() && value.len() <= 2_000 => state.data = Some(value.trim().to_string()),
            "data" => bad(&mut notices),
            "preview" if value == "1" => state.preview = true,
            "preview" => bad(&mut notices),
            "eid" => match Presentation::parse_embed_id(&value) {
                Some(id) => state.presentation.embed_id = Some(id),
                None => bad(&mut notices),
            },
            "embed" | "transparent" | "plain" => {
                let flag = match value.as_str() {
                    "1" | "true" | "yes" | "" => true,
                    "0" | "false" | "no" => false,
                    _ => {
                        bad(&mut notices);
                        continue;
                    }
                };
                match key.as_str() {
                    "embed" => state.presentation.embed = flag,
                    "transparent" => state.presentation.transparent = flag,
                    _ => state.presentation.plain = flag,
                }
            }
            _ => notices.push(UrlNotice::UnknownParameter { key: key.chars().take(40).collect() }),
        }
    }
    let bounds = dataset.and_then(Dataset::year_bounds);
    state.filter.years = match (from, to) {
        (None, None) => state.filter.years,
        (Some(None), Some(None)) => None,
        (from, to) => {
            let from = from.flatten().or(bounds.map(|b| b.0)).unwrap_or(MIN_YEAR);
            let to = to.flatten().or(bounds.map(|b| b.1)).unwrap_or(MAX_YEAR);
            Some((from.min(to), from.max(to)))
        }
    };
    // Views that exist only in one mode: the headline cards alone only in embeds, the staff
    // page only on the full page. Anywhere else the default view is shown, with a notice.
    let misplaced = match state.view {
        View::Cards => !state.presentation.embed,
        View::Extract => state.presentation.embed,
        _ => false,
    };
    if misplaced {
        notices.push(UrlNotice::BadValue { key: "view".into(), value: state.view.id().into() });
        state.view = ViewState::default_for(dataset).view;
    }
    if let Some(dataset) = dataset {
        drop_unknown_ids(&mut state, dataset, &mut notices);
    }
    (state, notices)
}

/// Removes programme, region and country ids the dataset does not have, with a notice each.
pub fn drop_unknown_ids(state: &mut ViewState, dataset: &Dataset, notices: &mut Vec<UrlNotice>) {
    let filter = &mut state.filter;
    filter.programmes.retain(|id| {
        let known = dataset.programme_index(id).is_some();
        if !known {
            notices.push(UrlNotice::BadValue { key: "programme".into(), value: id.clone() });
        }
        known
    });
    filter.regions.retain(|id| {
        let known = dataset.region_index(id).is_some();
        if !known {
            notices.push(UrlNotice::BadValue { key: "region".into(), value: id.clone() });
        }
        known
    });
    filter.countries.retain(|code| {
        let known = dataset.country_index(code).is_some();
        if !known {
            notices.push(UrlNotice::BadValue { key: "country".into(), value: code.clone() });
        }
        known
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::explore::select::Filter;
    use crate::domain::explore::table::{Column, TableSort};

    fn sample_states() -> Vec<ViewState> {
        let base = ViewState::default_for(None);
        let mut many = base.clone();
        many.view = View::Table;
        many.filter.metrics = BTreeSet::from([Metric::FundingEur, Metric::Projects]);
        many.filter.programmes = BTreeSet::from(["joint-initiative".into(), "libya-vhr".into()]);
        many.filter.regions = BTreeSet::from(["north-africa".into()]);
        many.filter.countries = BTreeSet::from(["LY".into(), "NE".into()]);
        many.filter.levels = BTreeSet::new();
        many.filter.years = Some((2016, 2019));
        many.filter.publishers = PublisherFilter::OfficialOnly;
        many.sort = TableSort { column: Column::Value, descending: false };
        many.breakdown_by = BreakdownBy::Region;
        many.country_order = CountryOrder::Value;
        many.lang = Some(Lang::Fr);
        many.data = Some("https://data.example.org/figures.json?x=1&y=2".into());
        many.preview = true;
        many.presentation =
            Presentation { theme: ThemeChoice::Dark, embed: true, transparent: true, plain: true, embed_id: Some("chart-2".into()) };
        let mut everything = base.clone();
        everything.filter = Filter::default();
        vec![base, many, everything]
    }

    #[test]
    fn writing_then_reading_gives_the_same_state() {
        for state in sample_states() {
            let query = to_query(&state);
            let (read, notices) = from_query(&query, None);
            assert_eq!(read, state, "{query}");
            assert!(notices.is_empty(), "{query}: {notices:?}");
        }
    }

    #[test]
    fn links_are_over_specified_and_versioned() {
        let query = to_query(&ViewState::default_for(None));
        assert_eq!(
            query,
            "v=1&view=timeline&metric=migrants_returned&programme=all&region=all&country=all&level=programme&from=all&to=all&publisher=all&sort=date-desc&by=country&corder=name&theme=auto"
        );
    }

    #[test]
    fn an_empty_query_gives_the_defaults_without_notices() {
        assert_eq!(from_query("", None), (ViewState::default_for(None), Vec::new()));
        assert_eq!(from_query("?", None), (ViewState::default_for(None), Vec::new()));
    }

    #[test]
    fn the_preview_marker_is_one_setting_and_absent_by_default() {
        let (state, notices) = from_query("view=table&preview=1", None);
        assert!(state.preview && notices.is_empty());
        assert!(to_query(&state).ends_with("&preview=1"), "{}", to_query(&state));
        assert!(!to_query(&ViewState::default_for(None)).contains("preview"));
        let (state, notices) = from_query("preview=yes", None);
        assert!(!state.preview);
        assert_eq!(notices.len(), 1);
    }

    #[test]
    fn garbage_falls_back_to_defaults_with_notices() {
        let defaults = ViewState::default_for(None);
        for query in [
            "view=pie",
            "metric=happiness",
            "from=abc",
            "to=99999",
            "publisher=%ZZ",
            "lang=de",
            "sort=sideways",
            "country=Libya",
            "programme=%3Cscript%3E",
            "corder=random",
            "by=planet",
            "v=banana",
            "theme=purple",
            "embed=maybe",
            "eid=%3Cb%3E",
        ] {
            let (state, notices) = from_query(query, None);
            assert_eq!(notices.len(), 1, "{query}: {notices:?}");
            assert_eq!(state, defaults, "{query}");
        }
        let (state, notices) = from_query("metric=happiness,projects", None);
        assert_eq!(state.filter.metrics, BTreeSet::from([Metric::Projects]), "good items are kept");
        assert_eq!(notices.len(), 1);
        let (state, notices) = from_query("zoom=3&&=&view=table", None);
        assert_eq!(state.view, View::Table);
        assert_eq!(notices.len(), 2, "{notices:?}");
    }

    #[test]
    fn a_view_of_the_other_mode_is_not_shown_in_its_place_silently() {
        let (state, notices) = from_query("view=cards", None);
        assert_eq!(state.view, View::Timeline, "the cards alone are for embeds");
        assert_eq!(notices, [UrlNotice::BadValue { key: "view".into(), value: "cards".into() }]);
        let (state, notices) = from_query("view=extract&embed=1", None);
        assert_eq!(state.view, View::Timeline, "the staff page cannot be embedded");
        assert_eq!(notices.len(), 1, "{notices:?}");
        assert_eq!(from_query("view=cards&embed=1", None).0.view, View::Cards);
        assert_eq!(from_query("view=extract", None), (ViewState { view: View::Extract, ..ViewState::default_for(None) }, vec![]));
    }

    #[test]
    fn years_are_ordered_and_partial_ranges_use_the_bounds() {
        let (state, _) = from_query("from=2020&to=2016", None);
        assert_eq!(state.filter.years, Some((2016, 2020)));
        let (state, _) = from_query("from=2018", None);
        assert_eq!(state.filter.years, Some((2018, MAX_YEAR)));
    }

    #[test]
    fn newer_links_are_read_as_far_as_possible() {
        let (state, notices) = from_query("v=7&view=sources&sparkles=on", None);
        assert_eq!(state.view, View::Sources);
        assert_eq!(notices[0], UrlNotice::NewerVersion { found: "7".into() });
        assert_eq!(notices[1], UrlNotice::UnknownParameter { key: "sparkles".into() });
    }
}
