//! The words the dashboard uses for its own vocabulary (metrics, qualifiers, kinds, and the
//! release reader's confidence and context), in every interface language side by side in a
//! `tr!`, so a missing translation is a compile error.

use crate::domain::dataset::date::DatePrecision;
use crate::domain::dataset::model::{DisagreementKind, Metric, PublisherKind, Qualifier, SourceKind};
use crate::domain::explore::select::Level;
use crate::domain::lang::{tr, Lang};
use crate::domain::release::extract::{Confidence, ContextKind};

/// Short name of a metric, for legends, filters and cards.
pub fn metric_name(metric: Metric, lang: Lang) -> &'static str {
    match metric {
        Metric::Projects => tr!(lang, en: "Projects", fr: "Projets"),
        Metric::FundingEur => tr!(lang, en: "Funding (EUR)", fr: "Financement (EUR)"),
        Metric::MigrantsReturned => tr!(lang, en: "Migrants returned", fr: "Migrants rentrés"),
        Metric::MigrantsReintegration => tr!(lang, en: "Reintegration support", fr: "Aide à la réintégration"),
        Metric::MigrantsRescued => tr!(lang, en: "Migrants rescued", fr: "Migrants secourus"),
        Metric::MigrantsProtectedAssisted => tr!(lang, en: "Migrants protected or assisted", fr: "Migrants protégés ou aidés"),
        Metric::CountriesCovered => tr!(lang, en: "Countries covered", fr: "Pays couverts"),
        Metric::CountriesHumanitarianAid => tr!(lang, en: "Countries with humanitarian aid", fr: "Pays bénéficiant d’aide humanitaire"),
        Metric::Partners => tr!(lang, en: "Partners", fr: "Partenaires"),
        Metric::Other => tr!(lang, en: "Other release facts", fr: "Autres faits des communiqués"),
    }
}

/// The words put in front of a number for a qualifier ("more than").
pub fn qualifier_words(qualifier: Qualifier, lang: Lang) -> &'static str {
    match qualifier {
        Qualifier::Exact => "",
        Qualifier::MoreThan => tr!(lang, en: "more than", fr: "plus de"),
        Qualifier::About => tr!(lang, en: "about", fr: "environ"),
        Qualifier::Almost => tr!(lang, en: "almost", fr: "près de"),
    }
}

/// Name of a qualifier as a category (legends, table headers).
pub fn qualifier_name(qualifier: Qualifier, lang: Lang) -> &'static str {
    match qualifier {
        Qualifier::Exact => tr!(lang, en: "as stated", fr: "tel quel"),
        other => qualifier_words(other, lang),
    }
}

/// Name of a kind of source document.
pub fn source_kind_name(kind: SourceKind, lang: Lang) -> &'static str {
    match kind {
        SourceKind::PressRelease => tr!(lang, en: "Press release", fr: "Communiqué de presse"),
        SourceKind::FactSheet => tr!(lang, en: "Fact sheet", fr: "Fiche d’information"),
        SourceKind::News => tr!(lang, en: "News", fr: "Actualité"),
        SourceKind::WebPage => tr!(lang, en: "Web page or report", fr: "Page web ou rapport"),
    }
}

/// Name of a kind of publisher.
pub fn publisher_kind_name(kind: PublisherKind, lang: Lang) -> &'static str {
    match kind {
        PublisherKind::Eu => tr!(lang, en: "EU institution", fr: "Institution de l’UE"),
        PublisherKind::Iom => tr!(lang, en: "IOM", fr: "OIM"),
        PublisherKind::EuFunded => tr!(lang, en: "EU-funded portal", fr: "Portail financé par l’UE"),
        PublisherKind::Media => tr!(lang, en: "Media or republication", fr: "Média ou reprise"),
        PublisherKind::OtherInstitution => tr!(lang, en: "Other institution", fr: "Autre institution"),
    }
}

/// How a date's precision is described next to it.
pub fn precision_note(precision: DatePrecision, lang: Lang) -> &'static str {
    match precision {
        DatePrecision::Day => "",
        DatePrecision::Month => tr!(lang, en: "month only", fr: "mois seulement"),
        DatePrecision::Quarter => tr!(lang, en: "quarter only", fr: "trimestre seulement"),
        DatePrecision::Year => tr!(lang, en: "year only", fr: "année seulement"),
        DatePrecision::Estimated => tr!(lang, en: "estimated date", fr: "date estimée"),
    }
}

/// Name of a kind of disagreement.
pub fn disagreement_kind_name(kind: DisagreementKind, lang: Lang) -> &'static str {
    match kind {
        DisagreementKind::Contradiction => tr!(lang, en: "Sources disagree", fr: "Les sources divergent"),
        DisagreementKind::DefinitionChange => tr!(lang, en: "Definition changes", fr: "Changement de définition"),
        DisagreementKind::ScopeDiffers => tr!(lang, en: "Scopes differ", fr: "Périmètres différents"),
        DisagreementKind::Imprecision => tr!(lang, en: "Less precise wording", fr: "Formulation moins précise"),
    }
}

/// Name of a geographic level, for the level filter and the filters in words.
pub fn level_name(level: Level, lang: Lang) -> &'static str {
    match level {
        Level::ProgrammeWide => tr!(lang, en: "Programme-wide totals", fr: "Totaux pour l’ensemble du programme"),
        Level::Regional => tr!(lang, en: "Regional figures", fr: "Chiffres régionaux"),
        Level::National => tr!(lang, en: "Country figures", fr: "Chiffres par pays"),
    }
}

/// How sure the release reader is of a proposed figure.
pub fn confidence_name(confidence: Confidence, lang: Lang) -> &'static str {
    match confidence {
        Confidence::High => tr!(lang, en: "high", fr: "élevée"),
        Confidence::Medium => tr!(lang, en: "medium", fr: "moyenne"),
        Confidence::Low => tr!(lang, en: "low", fr: "faible"),
    }
}

/// What a number the release reader does not count is: a year, a percentage, ...
pub fn context_kind_name(kind: &ContextKind, lang: Lang) -> &'static str {
    match kind {
        ContextKind::Ordinal => "ordinal",
        ContextKind::Year => tr!(lang, en: "year", fr: "année"),
        ContextKind::Period => tr!(lang, en: "period", fr: "période"),
        ContextKind::Date => "date",
        ContextKind::Percent => tr!(lang, en: "percentage", fr: "pourcentage"),
        ContextKind::Number => tr!(lang, en: "number not attributed", fr: "nombre non attribué"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
