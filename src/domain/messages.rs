//! The interface's own words, in English and French. Components ask for a [`Msg`] in a
//! [`Lang`]; because both languages are matched exhaustively, a message cannot be missing.

use crate::domain::i18n::Lang;

/// A fixed piece of interface text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Msg {
    /// Page title.
    Title,
    /// Line under the title.
    Subtitle,
    /// Shown while the app and its data load.
    Loading,
    /// Heading of the error panel.
    LoadFailed,
    /// What to try when data cannot be loaded.
    LoadFailedHint,
    /// Button: try loading again.
    Retry,
    /// Heading of the headline cards section.
    HeadlinesHeading,
    /// Card title: projects.
    CardProjects,
    /// Card title: funding.
    CardFunding,
    /// Card title: migrants assisted.
    CardMigrants,
    /// Card title: countries.
    CardCountries,
    /// Line label: returned.
    LineReturned,
    /// Line label: reintegration.
    LineReintegration,
    /// Line label: rescued.
    LineRescued,
    /// No figure for this card.
    NoFigure,
    /// "as of" before a date.
    AsOf,
    /// Link to the source release.
    SourceLink,
    /// Heading of the timeline.
    TimelineHeading,
    /// Short explanation under the timeline heading.
    TimelineIntro,
    /// Placeholder title when nothing is selected.
    EmptyTitle,
    /// Placeholder hint when nothing is selected.
    EmptyHint,
    /// Heading of the skipped-records list.
    SkippedHeading,
    /// Footer: about the data.
    FooterData,
    /// Footer: not an official publication of the EU or IOM.
    FooterDisclaimer,
    /// "Data as of".
    DataAsOf,
    /// Label of the language switcher.
    Language,
    /// Skip link.
    SkipToContent,
    /// "Official EU/IOM publication".
    OfficialSource,
    /// "Media or other republication".
    OtherSource,
    /// "Period".
    Period,
    /// "since".
    Since,
    /// Tooltip heading for a warning.
    Warning,
    /// Warning: running total fell.
    WarningDecrease,
    /// Warning: reports about the same date disagree.
    WarningConflict,
    /// Chart: series hidden.
    HiddenSeries,
}

/// The text of a message in a language.
pub fn msg(message: Msg, lang: Lang) -> &'static str {
    use Lang::{En, Fr};
    match (message, lang) {
        (Msg::Title, En) => "EU–IOM cooperation in figures",
        (Msg::Title, Fr) => "La coopération UE–OIM en chiffres",
        (Msg::Subtitle, En) => "Projects, funding, migrants assisted and countries served, as reported in EU and IOM releases since 2013",
        (Msg::Subtitle, Fr) => "Projets, financements, migrants aidés et pays couverts, tels que publiés dans les communiqués de l’UE et de l’OIM depuis 2013",
        (Msg::Loading, En) => "Loading the figures…",
        (Msg::Loading, Fr) => "Chargement des chiffres…",
        (Msg::LoadFailed, En) => "The figures could not be loaded",
        (Msg::LoadFailed, Fr) => "Les chiffres n’ont pas pu être chargés",
        (Msg::LoadFailedHint, En) => "Check your connection and try again. If the problem persists, the data file may have been moved or damaged.",
        (Msg::LoadFailedHint, Fr) => "Vérifiez votre connexion et réessayez. Si le problème persiste, le fichier de données a peut-être été déplacé ou endommagé.",
        (Msg::Retry, En) => "Try again",
        (Msg::Retry, Fr) => "Réessayer",
        (Msg::HeadlinesHeading, En) => "Latest reported figures",
        (Msg::HeadlinesHeading, Fr) => "Derniers chiffres publiés",
        (Msg::CardProjects, En) => "Projects",
        (Msg::CardProjects, Fr) => "Projets",
        (Msg::CardFunding, En) => "Funding",
        (Msg::CardFunding, Fr) => "Financement",
        (Msg::CardMigrants, En) => "Migrants assisted",
        (Msg::CardMigrants, Fr) => "Migrants aidés",
        (Msg::CardCountries, En) => "Countries covered or served",
        (Msg::CardCountries, Fr) => "Pays couverts ou aidés",
        (Msg::LineReturned, En) => "returned home",
        (Msg::LineReturned, Fr) => "rentrés chez eux",
        (Msg::LineReintegration, En) => "reception and reintegration",
        (Msg::LineReintegration, Fr) => "accueil et réintégration",
        (Msg::LineRescued, En) => "rescued",
        (Msg::LineRescued, Fr) => "secourus",
        (Msg::NoFigure, En) => "No figure reported for this selection",
        (Msg::NoFigure, Fr) => "Aucun chiffre publié pour cette sélection",
        (Msg::AsOf, En) => "as of",
        (Msg::AsOf, Fr) => "au",
        (Msg::SourceLink, En) => "Source",
        (Msg::SourceLink, Fr) => "Source",
        (Msg::TimelineHeading, En) => "Reported figures over time",
        (Msg::TimelineHeading, Fr) => "Chiffres publiés au fil du temps",
        (Msg::TimelineIntro, En) => "Each mark is one dated report. Running totals are joined by a line; totals for a period are drawn as a span.",
        (Msg::TimelineIntro, Fr) => "Chaque marque est un chiffre publié à une date donnée. Les totaux cumulés sont reliés par une ligne ; les totaux sur une période sont tracés comme un intervalle.",
        (Msg::EmptyTitle, En) => "No figures match these filters",
        (Msg::EmptyTitle, Fr) => "Aucun chiffre ne correspond à ces filtres",
        (Msg::EmptyHint, En) => "Widen the period or remove a filter to see figures.",
        (Msg::EmptyHint, Fr) => "Élargissez la période ou retirez un filtre pour voir des chiffres.",
        (Msg::SkippedHeading, En) => "Records skipped while loading",
        (Msg::SkippedHeading, Fr) => "Enregistrements ignorés au chargement",
        (Msg::FooterData, En) => "Figures as published by the cited sources; qualifiers such as “more than” follow each source’s wording. Every figure links to its dated source.",
        (Msg::FooterData, Fr) => "Chiffres tels que publiés par les sources citées ; les qualificatifs comme « plus de » suivent la formulation de chaque source. Chaque chiffre renvoie à sa source datée.",
        (Msg::FooterDisclaimer, En) => "This dashboard compiles public releases; it is not itself an official publication of the European Union or IOM.",
        (Msg::FooterDisclaimer, Fr) => "Ce tableau de bord rassemble des communiqués publics ; il n’est pas lui-même une publication officielle de l’Union européenne ou de l’OIM.",
        (Msg::DataAsOf, En) => "Data as of",
        (Msg::DataAsOf, Fr) => "Données au",
        (Msg::Language, En) => "Language",
        (Msg::Language, Fr) => "Langue",
        (Msg::SkipToContent, En) => "Skip to the figures",
        (Msg::SkipToContent, Fr) => "Aller aux chiffres",
        (Msg::OfficialSource, En) => "Official EU/IOM publication",
        (Msg::OfficialSource, Fr) => "Publication officielle UE/OIM",
        (Msg::OtherSource, En) => "Media or other republication",
        (Msg::OtherSource, Fr) => "Média ou autre reprise",
        (Msg::Period, En) => "Period",
        (Msg::Period, Fr) => "Période",
        (Msg::Since, En) => "since",
        (Msg::Since, Fr) => "depuis",
        (Msg::Warning, En) => "Warning",
        (Msg::Warning, Fr) => "Avertissement",
        (Msg::WarningDecrease, En) => "This running total is lower than an earlier report: definitions or start dates probably differ.",
        (Msg::WarningDecrease, Fr) => "Ce total cumulé est inférieur à un chiffre antérieur : les définitions ou les dates de départ diffèrent probablement.",
        (Msg::WarningConflict, En) => "Another report about the same date gives a clearly different value.",
        (Msg::WarningConflict, Fr) => "Un autre chiffre publié pour la même date donne une valeur nettement différente.",
        (Msg::HiddenSeries, En) => "more series are not drawn; the table lists every figure",
        (Msg::HiddenSeries, Fr) => "autres séries non tracées ; le tableau liste tous les chiffres",
    }
}
