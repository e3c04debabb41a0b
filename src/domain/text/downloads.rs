//! The words that travel with downloads: the citation shipped with every data download, and
//! the source and date lines under a downloaded chart. `export` gathers the facts; the
//! sentences around them, in every language, are here.

use crate::domain::lang::{tr, Lang};

/// The facts a citation states, already formatted for its language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CitationFacts<'a> {
    /// How many figures the download holds.
    pub n_figures: usize,
    /// From how many sources.
    pub n_sources: usize,
    /// The years the dataset covers: `2013–2025`.
    pub period: &'a str,
    /// The filters in words, or the whole dataset.
    pub selection: &'a str,
    /// The date of the latest source.
    pub as_of: &'a str,
    /// The retrieval date.
    pub today: &'a str,
    /// Address of the view.
    pub url: &'a str,
    /// The references of the releases behind the download that have one, each with its
    /// publisher and date: `UNIQUE ID: 201013_8 (European External Action Service (EEAS), 13 Oct 2020)`.
    pub references: &'a [String],
}

/// The citation and metadata text shipped with every download.
pub fn citation_text(facts: &CitationFacts<'_>, lang: Lang) -> String {
    let CitationFacts { n_figures: n, n_sources, period, selection, as_of, today, url, references } = *facts;
    let listed = references.join("; ");
    let references = match references.is_empty() {
        true => String::new(),
        false => tr!(lang,
            en: format!("References of the releases: {listed}.\n"),
            fr: format!("Références des communiqués : {listed}.\n"),
        ),
    };
    tr!(lang,
        en: format!(
            "EU–IOM cooperation in figures\n\
             \n\
             What: {n} figures from {n_sources} sources on cooperation between the European Union and the International Organization for Migration (projects, funding, migrants assisted, countries served), as published in EU, IOM and media releases, {period}.\n\
             Selection: {selection}.\n\
             Where from: every figure carries its source (publisher, date, title, the release's own reference where it has one, and address); values are as published, and the qualifier (more than, about, almost) follows each source's wording; \"as stated\" (qualifier `exact` in the data) means the source gave the number without a qualifier, even when the number is round. Running totals say what they count from (cumulative_since); totals that count from different starts are not comparable. Figures are never added together: programmes and sources overlap, so a sum would count people or money twice. Cite the original source of a figure, not only this dashboard.\n\
             {references}\
             Data as of: {as_of} (latest source). Retrieved: {today}.\n\
             View: {url}\n\
             \n\
             Suggested citation: EU–IOM cooperation in figures, data as of {as_of}, retrieved {today}, {url}, citing the original releases listed with each figure.\n\
             This dashboard compiles public releases; it is not itself an official publication of the European Union or IOM.\n"
        ),
        fr: format!(
            "La coopération UE–OIM en chiffres\n\
             \n\
             Contenu : {n} chiffres issus de {n_sources} sources sur la coopération entre l’Union européenne et l’Organisation internationale pour les migrations (projets, financements, migrants aidés, pays couverts), tels que publiés dans des communiqués de l’UE, de l’OIM et des médias, {period}.\n\
             Sélection : {selection}.\n\
             Provenance : chaque chiffre porte sa source (éditeur, date, titre, la référence propre du communiqué quand il en a une, et adresse) ; les valeurs sont celles publiées et le qualificatif (plus de, environ, près de) suit la formulation de chaque source ; « tel quel » (qualificatif `exact` dans les données) signifie que la source a donné le nombre sans qualificatif, même quand il est rond. Les totaux cumulés disent depuis quand ils comptent (cumulative_since) ; des totaux qui comptent depuis des dates différentes ne se comparent pas. Les chiffres ne sont jamais additionnés : programmes et sources se recoupent, et une somme compterait deux fois les mêmes personnes ou les mêmes fonds. Citez la source d’origine d’un chiffre, pas seulement ce tableau de bord.\n\
             {references}\
             Données au : {as_of} (source la plus récente). Extraites le : {today}.\n\
             Vue : {url}\n\
             \n\
             Citation proposée : La coopération UE–OIM en chiffres, données au {as_of}, extraites le {today}, {url}, en citant les communiqués d’origine indiqués pour chaque chiffre.\n\
             Ce tableau de bord rassemble des communiqués publics ; il n’est pas lui-même une publication officielle de l’Union européenne ou de l’OIM.\n"
        ),
    )
}

/// Where a selection's figures come from: `Sources: 10 releases from 7 publishers, 15 Dec 2017
/// – c. Jan 2022; each figure's source is listed in the table and the data download.`
pub fn sources_line(n_releases: usize, n_publishers: usize, dates: &str, lang: Lang) -> String {
    tr!(lang,
        en: format!(
            "Sources: {n_releases} release{} from {n_publishers} publisher{}, {dates}; each figure's source is listed in the table and the data download.",
            if n_releases == 1 { "" } else { "s" },
            if n_publishers == 1 { "" } else { "s" }
        ),
        fr: format!(
            "Sources : {n_releases} communiqué{} de {n_publishers} éditeur{}, {dates} ; la source de chaque chiffre figure dans le tableau et le téléchargement des données.",
            if n_releases > 1 { "s" } else { "" },
            if n_publishers > 1 { "s" } else { "" }
        ),
    )
}

/// The last line under a downloaded chart: data date, download date, the dashboard and the view.
pub fn download_line(as_of: &str, today: &str, url: &str, lang: Lang) -> String {
    tr!(lang,
        en: format!("Data as of {as_of} · Downloaded {today} · EU–IOM cooperation in figures · {url}"),
        fr: format!("Données au {as_of} · Téléchargé le {today} · La coopération UE–OIM en chiffres · {url}"),
    )
}
