//! The dataset's closed vocabularies: what a figure counts (metric), how to read its number
//! (unit, qualifier), who published a source and what kind of document it is, and the kinds of
//! documented disagreement. Each has the identifier the data files and URLs use.

use std::collections::BTreeSet;

/// What a figure counts. The first nine are the dashboard's vocabulary; `Other` keeps the
/// release context (meeting ordinals, founding years, targets) that no chart sums up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Metric {
    /// Number of projects.
    Projects,
    /// Money, in euros.
    FundingEur,
    /// Migrants helped to return voluntarily to their country of origin.
    MigrantsReturned,
    /// Returnees given reception or reintegration support.
    MigrantsReintegration,
    /// Migrants rescued (desert search and rescue).
    MigrantsRescued,
    /// Migrants protected or otherwise assisted.
    MigrantsProtectedAssisted,
    /// Countries covered by a programme.
    CountriesCovered,
    /// Countries where humanitarian aid was delivered.
    CountriesHumanitarianAid,
    /// Partner organisations, services or authorities.
    Partners,
    /// Release context: ordinals, years, percentages, targets.
    Other,
}

impl Metric {
    /// Every metric, in the order filters list them.
    pub const ALL: [Metric; 10] = [
        Metric::MigrantsReturned,
        Metric::MigrantsReintegration,
        Metric::MigrantsRescued,
        Metric::MigrantsProtectedAssisted,
        Metric::Projects,
        Metric::FundingEur,
        Metric::CountriesCovered,
        Metric::CountriesHumanitarianAid,
        Metric::Partners,
        Metric::Other,
    ];

    /// The identifier used in data files and URLs.
    pub fn id(self) -> &'static str {
        match self {
            Metric::Projects => "projects",
            Metric::FundingEur => "funding_eur",
            Metric::MigrantsReturned => "migrants_returned",
            Metric::MigrantsReintegration => "migrants_reintegration",
            Metric::MigrantsRescued => "migrants_rescued",
            Metric::MigrantsProtectedAssisted => "migrants_protected_assisted",
            Metric::CountriesCovered => "countries_covered",
            Metric::CountriesHumanitarianAid => "countries_humanitarian_aid",
            Metric::Partners => "partners",
            Metric::Other => "other",
        }
    }

    /// Reads an identifier; `None` for anything unknown.
    pub fn from_id(id: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|metric| metric.id() == id)
    }

    /// Whether this metric's figures can be set side by side across places (in the
    /// breakdown, on the map, in the country list): every metric but `other`, whose figures
    /// count unlike things.
    pub fn compares_places(self) -> bool {
        self != Metric::Other
    }

    /// The metrics a comparison of places shows for the `selected` ones: those that can be
    /// compared, in the filters' order; all of them when none is selected.
    pub fn compared(selected: &BTreeSet<Metric>) -> Vec<Metric> {
        Metric::ALL.into_iter().filter(|m| m.compares_places() && (selected.is_empty() || selected.contains(m))).collect()
    }

    /// The one metric a view of a single metric shows for the `selected` ones (the map's
    /// shading, the country list's values): the first of [`Metric::compared`], migrants
    /// returned when that leaves none.
    pub fn primary(selected: &BTreeSet<Metric>) -> Metric {
        Metric::compared(selected).into_iter().next().unwrap_or(Metric::MigrantsReturned)
    }

    /// The unit a figure of this metric has unless the data says otherwise.
    pub fn default_unit(self) -> Unit {
        match self {
            Metric::FundingEur => Unit::Eur,
            _ => Unit::Count,
        }
    }
}

/// How a figure's value is to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// A count of people, projects, countries or things.
    Count,
    /// An amount in euros.
    Eur,
    /// A percentage.
    Percent,
    /// An ordinal ("the 7th meeting").
    Ordinal,
    /// A calendar year ("since 2012").
    Year,
}

impl Unit {
    /// The identifier used in data files.
    pub fn id(self) -> &'static str {
        match self {
            Unit::Count => "count",
            Unit::Eur => "eur",
            Unit::Percent => "percent",
            Unit::Ordinal => "ordinal",
            Unit::Year => "year",
        }
    }

    /// Reads an identifier; `None` for anything unknown.
    pub fn from_id(id: &str) -> Option<Unit> {
        [Unit::Count, Unit::Eur, Unit::Percent, Unit::Ordinal, Unit::Year].into_iter().find(|unit| unit.id() == id)
    }

    /// True for units whose values can be compared as quantities on a chart.
    pub fn is_quantity(self) -> bool {
        matches!(self, Unit::Count | Unit::Eur)
    }
}

/// The wording a release puts in front of a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Qualifier {
    /// The number as printed, without hedging.
    Exact,
    /// "more than", "over": a lower bound.
    MoreThan,
    /// "about", "around", "some": an approximation.
    About,
    /// "almost", "nearly", "close to": just under.
    Almost,
}

impl Qualifier {
    /// Every qualifier.
    pub const ALL: [Qualifier; 4] = [Qualifier::Exact, Qualifier::MoreThan, Qualifier::About, Qualifier::Almost];

    /// The identifier used in data files.
    pub fn id(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::MoreThan => "more_than",
            Qualifier::About => "about",
            Qualifier::Almost => "almost",
        }
    }

    /// Reads an identifier; `None` for anything unknown.
    pub fn from_id(id: &str) -> Option<Qualifier> {
        Qualifier::ALL.into_iter().find(|qualifier| qualifier.id() == id)
    }
}

/// Who published a source, as far as trust is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PublisherKind {
    /// An EU institution, service or EU trust fund.
    Eu,
    /// IOM, one of its offices or one of its programme sites.
    Iom,
    /// An information portal funded by the EU but not an institution itself.
    EuFunded,
    /// A news outlet or another site republishing or reporting figures.
    Media,
    /// Another public body (for example the African Union).
    OtherInstitution,
}

impl PublisherKind {
    /// The identifier used in data files.
    pub fn id(self) -> &'static str {
        match self {
            PublisherKind::Eu => "eu",
            PublisherKind::Iom => "iom",
            PublisherKind::EuFunded => "eu_funded",
            PublisherKind::Media => "media",
            PublisherKind::OtherInstitution => "other_institution",
        }
    }

    /// Reads an identifier; `None` for anything unknown.
    pub fn from_id(id: &str) -> Option<PublisherKind> {
        [PublisherKind::Eu, PublisherKind::Iom, PublisherKind::EuFunded, PublisherKind::Media, PublisherKind::OtherInstitution]
            .into_iter()
            .find(|kind| kind.id() == id)
    }

    /// True for official EU or IOM publications.
    pub fn is_official(self) -> bool {
        matches!(self, PublisherKind::Eu | PublisherKind::Iom)
    }
}

/// What sort of document a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceKind {
    /// A press release.
    PressRelease,
    /// A fact sheet.
    FactSheet,
    /// A news item or article.
    News,
    /// A web page, report or booklet.
    WebPage,
}

impl SourceKind {
    /// The identifier used in data files.
    pub fn id(self) -> &'static str {
        match self {
            SourceKind::PressRelease => "press-release",
            SourceKind::FactSheet => "fact-sheet",
            SourceKind::News => "news",
            SourceKind::WebPage => "web-page",
        }
    }

    /// Reads an identifier; `None` for anything unknown.
    pub fn from_id(id: &str) -> Option<SourceKind> {
        [SourceKind::PressRelease, SourceKind::FactSheet, SourceKind::News, SourceKind::WebPage]
            .into_iter()
            .find(|kind| kind.id() == id)
    }
}

/// Kinds of documented disagreement between figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DisagreementKind {
    /// Sources give different values for the same thing.
    Contradiction,
    /// A series changes definition, so values are not comparable over time.
    DefinitionChange,
    /// Figures look alike but cover different scopes.
    ScopeDiffers,
    /// One source is less precise than another; not a real conflict.
    Imprecision,
}

impl DisagreementKind {
    /// The identifier used in data files.
    pub fn id(self) -> &'static str {
        match self {
            DisagreementKind::Contradiction => "contradiction",
            DisagreementKind::DefinitionChange => "definition_change",
            DisagreementKind::ScopeDiffers => "scope_differs",
            DisagreementKind::Imprecision => "imprecision",
        }
    }

    /// Reads an identifier; `None` for anything unknown.
    pub fn from_id(id: &str) -> Option<DisagreementKind> {
        [DisagreementKind::Contradiction, DisagreementKind::DefinitionChange, DisagreementKind::ScopeDiffers, DisagreementKind::Imprecision]
            .into_iter()
            .find(|kind| kind.id() == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(items: &[Metric]) -> BTreeSet<Metric> {
        items.iter().copied().collect()
    }

    #[test]
    fn places_are_compared_on_the_selected_metrics_without_other() {
        assert_eq!(
            Metric::compared(&set(&[Metric::Projects, Metric::Other, Metric::MigrantsRescued])),
            [Metric::MigrantsRescued, Metric::Projects]
        );
        assert_eq!(Metric::compared(&set(&[Metric::Other])), [], "other alone leaves nothing to compare");
        let every: Vec<Metric> = Metric::ALL.into_iter().filter(|m| *m != Metric::Other).collect();
        assert_eq!(Metric::compared(&BTreeSet::new()), every, "no choice compares every metric but other");
    }

    #[test]
    fn the_primary_metric_is_the_first_compared_one_in_the_filters_order() {
        assert_eq!(Metric::primary(&set(&[Metric::Projects, Metric::MigrantsRescued])), Metric::MigrantsRescued);
        assert_eq!(Metric::primary(&set(&[Metric::FundingEur])), Metric::FundingEur);
        assert_eq!(Metric::primary(&set(&[Metric::Other, Metric::Partners])), Metric::Partners, "other is passed over");
    }

    #[test]
    fn with_nothing_to_compare_the_primary_metric_is_returns() {
        assert_eq!(Metric::primary(&BTreeSet::new()), Metric::MigrantsReturned);
        assert_eq!(Metric::primary(&set(&[Metric::Other])), Metric::MigrantsReturned);
        assert_eq!(Metric::primary(&Metric::ALL.into_iter().collect()), Metric::MigrantsReturned);
    }
}
