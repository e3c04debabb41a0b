//! The words the dashboard uses for its own vocabulary (metrics, qualifiers, kinds), in every
//! interface language; a `match` on both languages makes a missing translation a compile error.

use crate::domain::dataset::date::DatePrecision;
use crate::domain::lang::Lang;
use crate::domain::dataset::model::{DisagreementKind, Metric, PublisherKind, Qualifier, SourceKind};

/// Short name of a metric, for legends, filters and cards.
pub fn metric_name(metric: Metric, lang: Lang) -> &'static str {
    match (metric, lang) {
        (Metric::Projects, Lang::En) => "Projects",
        (Metric::Projects, Lang::Fr) => "Projets",
        (Metric::FundingEur, Lang::En) => "Funding (EUR)",
        (Metric::FundingEur, Lang::Fr) => "Financement (EUR)",
        (Metric::MigrantsReturned, Lang::En) => "Migrants returned",
        (Metric::MigrantsReturned, Lang::Fr) => "Migrants rentrés",
        (Metric::MigrantsReintegration, Lang::En) => "Reintegration support",
        (Metric::MigrantsReintegration, Lang::Fr) => "Aide à la réintégration",
        (Metric::MigrantsRescued, Lang::En) => "Migrants rescued",
        (Metric::MigrantsRescued, Lang::Fr) => "Migrants secourus",
        (Metric::MigrantsProtectedAssisted, Lang::En) => "Migrants protected or assisted",
        (Metric::MigrantsProtectedAssisted, Lang::Fr) => "Migrants protégés ou aidés",
        (Metric::CountriesCovered, Lang::En) => "Countries covered",
        (Metric::CountriesCovered, Lang::Fr) => "Pays couverts",
        (Metric::CountriesHumanitarianAid, Lang::En) => "Countries with humanitarian aid",
        (Metric::CountriesHumanitarianAid, Lang::Fr) => "Pays bénéficiant d’aide humanitaire",
        (Metric::Partners, Lang::En) => "Partners",
        (Metric::Partners, Lang::Fr) => "Partenaires",
        (Metric::Other, Lang::En) => "Other release facts",
        (Metric::Other, Lang::Fr) => "Autres faits des communiqués",
    }
}

/// The words put in front of a number for a qualifier ("more than").
pub fn qualifier_words(qualifier: Qualifier, lang: Lang) -> &'static str {
    match (qualifier, lang) {
        (Qualifier::Exact, _) => "",
        (Qualifier::MoreThan, Lang::En) => "more than",
        (Qualifier::MoreThan, Lang::Fr) => "plus de",
        (Qualifier::About, Lang::En) => "about",
        (Qualifier::About, Lang::Fr) => "environ",
        (Qualifier::Almost, Lang::En) => "almost",
        (Qualifier::Almost, Lang::Fr) => "près de",
    }
}

/// Name of a qualifier as a category (legends, table headers).
pub fn qualifier_name(qualifier: Qualifier, lang: Lang) -> &'static str {
    match (qualifier, lang) {
        (Qualifier::Exact, Lang::En) => "as stated",
        (Qualifier::Exact, Lang::Fr) => "tel quel",
        (other, lang) => qualifier_words(other, lang),
    }
}

/// Name of a kind of source document.
pub fn source_kind_name(kind: SourceKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (SourceKind::PressRelease, Lang::En) => "Press release",
        (SourceKind::PressRelease, Lang::Fr) => "Communiqué de presse",
        (SourceKind::FactSheet, Lang::En) => "Fact sheet",
        (SourceKind::FactSheet, Lang::Fr) => "Fiche d’information",
        (SourceKind::News, Lang::En) => "News",
        (SourceKind::News, Lang::Fr) => "Actualité",
        (SourceKind::WebPage, Lang::En) => "Web page or report",
        (SourceKind::WebPage, Lang::Fr) => "Page web ou rapport",
    }
}

/// Name of a kind of publisher.
pub fn publisher_kind_name(kind: PublisherKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (PublisherKind::Eu, Lang::En) => "EU institution",
        (PublisherKind::Eu, Lang::Fr) => "Institution de l’UE",
        (PublisherKind::Iom, Lang::En) => "IOM",
        (PublisherKind::Iom, Lang::Fr) => "OIM",
        (PublisherKind::EuFunded, Lang::En) => "EU-funded portal",
        (PublisherKind::EuFunded, Lang::Fr) => "Portail financé par l’UE",
        (PublisherKind::Media, Lang::En) => "Media or republication",
        (PublisherKind::Media, Lang::Fr) => "Média ou reprise",
        (PublisherKind::OtherInstitution, Lang::En) => "Other institution",
        (PublisherKind::OtherInstitution, Lang::Fr) => "Autre institution",
    }
}

/// How a date's precision is described next to it.
pub fn precision_note(precision: DatePrecision, lang: Lang) -> &'static str {
    match (precision, lang) {
        (DatePrecision::Day, _) => "",
        (DatePrecision::Month, Lang::En) => "month only",
        (DatePrecision::Month, Lang::Fr) => "mois seulement",
        (DatePrecision::Quarter, Lang::En) => "quarter only",
        (DatePrecision::Quarter, Lang::Fr) => "trimestre seulement",
        (DatePrecision::Year, Lang::En) => "year only",
        (DatePrecision::Year, Lang::Fr) => "année seulement",
        (DatePrecision::Estimated, Lang::En) => "estimated date",
        (DatePrecision::Estimated, Lang::Fr) => "date estimée",
    }
}

/// Name of a kind of disagreement.
pub fn disagreement_kind_name(kind: DisagreementKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (DisagreementKind::Contradiction, Lang::En) => "Sources disagree",
        (DisagreementKind::Contradiction, Lang::Fr) => "Les sources divergent",
        (DisagreementKind::DefinitionChange, Lang::En) => "Definition changes",
        (DisagreementKind::DefinitionChange, Lang::Fr) => "Changement de définition",
        (DisagreementKind::ScopeDiffers, Lang::En) => "Scopes differ",
        (DisagreementKind::ScopeDiffers, Lang::Fr) => "Périmètres différents",
        (DisagreementKind::Imprecision, Lang::En) => "Less precise wording",
        (DisagreementKind::Imprecision, Lang::Fr) => "Formulation moins précise",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_language_tags_and_negotiates() {
        assert_eq!(Lang::from_tag("fr-BE"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::from_tag("de"), None);
        assert_eq!(Lang::from_tag(""), None);
        assert_eq!(Lang::negotiate(["de-DE", "fr", "en"]), Lang::Fr);
        assert_eq!(Lang::negotiate(["nl"]), Lang::En);
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
    }

    #[test]
    fn every_metric_has_distinct_names_in_each_language() {
        for lang in Lang::ALL {
            let mut names: Vec<_> = Metric::ALL.iter().map(|m| metric_name(*m, lang)).collect();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), Metric::ALL.len());
        }
    }
}
