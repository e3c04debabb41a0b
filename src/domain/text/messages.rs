//! The interface's own words, in English and French. Components ask for a [`Msg`] in a
//! [`Lang`]; because both languages are matched exhaustively, a message cannot be missing.

use crate::domain::lang::Lang;

/// A fixed piece of interface text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Msg {
    /// Page title.
    Title,
    /// Button that closes the filter drawer.
    CloseFilters,
    /// Disclosure of a headline figure: its source, with what it counts and its scope.
    ScopeAndSource,
    /// Pre-rendered page: the filters and other views start working once the app has loaded.
    PrerenderPending,
    /// Pre-rendered page without JavaScript: what still works and what needs JavaScript.
    PrerenderNoScript,
    /// The data file changed after the pre-rendered page was built.
    SnapshotReplaced,
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
    /// Heading of the filter panel.
    Filters,
    /// Filter group: metric.
    FilterMetric,
    /// Filter group: programme.
    FilterProgramme,
    /// Filter group: geographic level.
    FilterLevel,
    /// Filter group: region.
    FilterRegion,
    /// Filter group: country.
    FilterCountry,
    /// Placeholder of the country search box.
    SearchCountries,
    /// Sort countries by name.
    SortByName,
    /// Sort countries by value.
    SortByValue,
    /// Filter group: period.
    FilterPeriod,
    /// First year.
    FromYear,
    /// Last year.
    ToYear,
    /// Filter group: publisher.
    FilterPublisher,
    /// All publishers.
    AllSources,
    /// Official publishers only.
    OfficialOnly,
    /// Reset the filters.
    Reset,
    /// Tab list label.
    Views,
    /// Tab: timeline.
    TabTimeline,
    /// Tab: breakdown.
    TabBreakdown,
    /// Tab: table.
    TabTable,
    /// Tab: sources.
    TabSources,
    /// Breakdown heading.
    BreakdownHeading,
    /// Breakdown explanation.
    BreakdownIntro,
    /// Compare countries.
    ByCountry,
    /// Compare regions.
    ByRegion,
    /// Table heading.
    TableHeading,
    /// Column: metric.
    ColMetric,
    /// Column: value.
    ColValue,
    /// Column: date.
    ColDate,
    /// Column: programme.
    ColProgramme,
    /// Column: place.
    ColPlace,
    /// Column: source.
    ColSource,
    /// Column: notes.
    ColNotes,
    /// Sources heading.
    SourcesHeading,
    /// Sources explanation.
    SourcesIntro,
    /// Heading of the link notices.
    LinkNotices,
    /// Dismiss a message.
    Dismiss,
    /// How to use a chart with the keyboard.
    ChartKeys,
    /// Level: programme-wide.
    LevelProgramme,
    /// Level: regional.
    LevelRegional,
    /// Level: national.
    LevelNational,
    /// No country matches the search.
    NoCountryMatch,
    /// Figures reported (in the sources panel).
    FiguresReported,
    /// The level filter does not apply to the breakdown.
    LevelNotUsed,
    /// Download the chart as PNG.
    DownloadPng,
    /// Download the chart as SVG.
    DownloadSvg,
    /// Switch to the table of the same data.
    ShowAsTable,
    /// Heading of the data downloads.
    DownloadData,
    /// Intro of the data downloads.
    DownloadDataIntro,
    /// The current selection.
    CurrentSelection,
    /// The whole dataset.
    WholeDataset,
    /// How to cite.
    HowToCite,
    /// Theme switcher label.
    Theme,
    /// Theme: automatic.
    ThemeAuto,
    /// Theme: light.
    ThemeLight,
    /// Theme: dark.
    ThemeDark,
    /// Printed on (print footer).
    PrintedOn,
    /// Active filters (print).
    ActiveFilters,
    /// Summary of the chart's text description.
    DescribeChart,
    /// Link from an embed to the full dashboard.
    OpenFullDashboard,
    /// Button opening the share dialog.
    EmbedShare,
    /// Share dialog: link to this view.
    ShareLink,
    /// Share dialog: code to embed.
    EmbedCode,
    /// Share dialog: what to embed.
    EmbedWhat,
    /// Share dialog: embed the current chart.
    EmbedThisView,
    /// Share dialog: embed the headline cards.
    EmbedCards,
    /// Share dialog: no title or footer.
    EmbedPlain,
    /// Copy to the clipboard.
    Copy,
    /// Copied.
    Copied,
    /// Share dialog: how the embed works.
    EmbedNote,
    /// Close a dialog.
    Close,
    /// Tab: map.
    TabMap,
    /// Map heading.
    MapHeading,
    /// Map explanation.
    MapIntro,
    /// Map: loading the shapes.
    MapLoading,
    /// Map: outline partner countries.
    MapShowPartners,
    /// Map legend: selected countries outlined.
    MapSelected,
    /// Map legend: partner countries outlined.
    MapPartners,
    /// IOM's customary map disclaimer.
    MapDisclaimer,
    /// Go back to the published dataset.
    UsePublished,
    /// Reload the data.
    ReloadData,
    /// Open a local file.
    OpenLocalFile,
    /// A reload or file failed (the error follows).
    ReloadFailed,
    /// Drop a file here.
    DropFile,
    /// Staff page title.
    StaffTitle,
    /// Staff page explanation.
    StaffIntro,
    /// Label of the release text box.
    ReleaseText,
    /// Heading: the release.
    ReleaseFound,
    /// Heading: proposed figures.
    Proposals,
    /// Heading: release context (not counts).
    ReleaseContext,
    /// No figure found.
    NoProposal,
    /// Download the file to review.
    DownloadReviewable,
    /// Source id field.
    SourceId,
    /// Address field.
    ReleaseAddress,
    /// Link to the staff page.
    StaffLink,
    /// Back to the dashboard.
    BackToDashboard,
    /// Confidence column.
    Confidence,
}

/// The text of a message in a language.
pub fn msg(message: Msg, lang: Lang) -> &'static str {
    use Lang::{En, Fr};
    match (message, lang) {
        (Msg::Title, En) => "EU–IOM cooperation in figures",
        (Msg::Title, Fr) => "La coopération UE–OIM en chiffres",
        (Msg::CloseFilters, En) => "Close",
        (Msg::CloseFilters, Fr) => "Fermer",
        (Msg::ScopeAndSource, En) => "Source",
        (Msg::ScopeAndSource, Fr) => "Source",
        (Msg::PrerenderPending, En) => "Loading the filters and the other views…",
        (Msg::PrerenderPending, Fr) => "Chargement des filtres et des autres vues…",
        (Msg::PrerenderNoScript, En) => "This is a snapshot of the published figures, made when the page was built. The filters, the other views and the downloads need JavaScript.",
        (Msg::PrerenderNoScript, Fr) => "Ceci est un instantané des chiffres publiés, pris à la construction de la page. Les filtres, les autres vues et les téléchargements nécessitent JavaScript.",
        (Msg::SnapshotReplaced, En) => "The data file was updated after this page was built: the figures shown are the current ones.",
        (Msg::SnapshotReplaced, Fr) => "Le fichier de données a été mis à jour après la construction de cette page : les chiffres affichés sont les chiffres actuels.",
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
        (Msg::Filters, En) => "Filters",
        (Msg::Filters, Fr) => "Filtres",
        (Msg::FilterMetric, En) => "What is counted",
        (Msg::FilterMetric, Fr) => "Ce qui est compté",
        (Msg::FilterProgramme, En) => "Programme",
        (Msg::FilterProgramme, Fr) => "Programme",
        (Msg::FilterLevel, En) => "Geographic level",
        (Msg::FilterLevel, Fr) => "Niveau géographique",
        (Msg::FilterRegion, En) => "Region",
        (Msg::FilterRegion, Fr) => "Région",
        (Msg::FilterCountry, En) => "Country",
        (Msg::FilterCountry, Fr) => "Pays",
        (Msg::SearchCountries, En) => "Search countries",
        (Msg::SearchCountries, Fr) => "Rechercher un pays",
        (Msg::SortByName, En) => "A–Z",
        (Msg::SortByName, Fr) => "A–Z",
        (Msg::SortByValue, En) => "By value",
        (Msg::SortByValue, Fr) => "Par valeur",
        (Msg::FilterPeriod, En) => "Period",
        (Msg::FilterPeriod, Fr) => "Période",
        (Msg::FromYear, En) => "First year",
        (Msg::FromYear, Fr) => "Première année",
        (Msg::ToYear, En) => "Last year",
        (Msg::ToYear, Fr) => "Dernière année",
        (Msg::FilterPublisher, En) => "Publisher",
        (Msg::FilterPublisher, Fr) => "Éditeur",
        (Msg::AllSources, En) => "All sources, including media republications",
        (Msg::AllSources, Fr) => "Toutes les sources, y compris les reprises dans les médias",
        (Msg::OfficialOnly, En) => "Official EU and IOM publications only",
        (Msg::OfficialOnly, Fr) => "Publications officielles de l’UE et de l’OIM seulement",
        (Msg::Reset, En) => "Reset filters",
        (Msg::Reset, Fr) => "Réinitialiser les filtres",
        (Msg::Views, En) => "Views",
        (Msg::Views, Fr) => "Vues",
        (Msg::TabTimeline, En) => "Over time",
        (Msg::TabTimeline, Fr) => "Dans le temps",
        (Msg::TabBreakdown, En) => "By place",
        (Msg::TabBreakdown, Fr) => "Par lieu",
        (Msg::TabTable, En) => "Table",
        (Msg::TabTable, Fr) => "Tableau",
        (Msg::TabSources, En) => "Sources",
        (Msg::TabSources, Fr) => "Sources",
        (Msg::BreakdownHeading, En) => "Latest reported value by place",
        (Msg::BreakdownHeading, Fr) => "Dernière valeur publiée par lieu",
        (Msg::BreakdownIntro, En) => "Each bar is the most recent report for that place; running totals are preferred over totals for a single period. Dates differ: compare with care.",
        (Msg::BreakdownIntro, Fr) => "Chaque barre est le chiffre le plus récent publié pour ce lieu ; les totaux cumulés sont préférés aux totaux d’une seule période. Les dates diffèrent : comparez avec prudence.",
        (Msg::ByCountry, En) => "Countries",
        (Msg::ByCountry, Fr) => "Pays",
        (Msg::ByRegion, En) => "Regions",
        (Msg::ByRegion, Fr) => "Régions",
        (Msg::TableHeading, En) => "Selected figures",
        (Msg::TableHeading, Fr) => "Chiffres sélectionnés",
        (Msg::ColMetric, En) => "What",
        (Msg::ColMetric, Fr) => "Quoi",
        (Msg::ColValue, En) => "Value",
        (Msg::ColValue, Fr) => "Valeur",
        (Msg::ColDate, En) => "As of",
        (Msg::ColDate, Fr) => "Date",
        (Msg::ColProgramme, En) => "Programme",
        (Msg::ColProgramme, Fr) => "Programme",
        (Msg::ColPlace, En) => "Place",
        (Msg::ColPlace, Fr) => "Lieu",
        (Msg::ColSource, En) => "Source",
        (Msg::ColSource, Fr) => "Source",
        (Msg::ColNotes, En) => "Notes",
        (Msg::ColNotes, Fr) => "Remarques",
        (Msg::SourcesHeading, En) => "Sources of the selected figures",
        (Msg::SourcesHeading, Fr) => "Sources des chiffres sélectionnés",
        (Msg::SourcesIntro, En) => "Every release behind the current selection, latest first, with the figures it reports.",
        (Msg::SourcesIntro, Fr) => "Chaque communiqué derrière la sélection actuelle, du plus récent au plus ancien, avec les chiffres qu’il publie.",
        (Msg::LinkNotices, En) => "Some settings in this link could not be used",
        (Msg::LinkNotices, Fr) => "Certains paramètres de ce lien n’ont pas pu être utilisés",
        (Msg::Dismiss, En) => "Dismiss",
        (Msg::Dismiss, Fr) => "Fermer",
        (Msg::ChartKeys, En) => "Use the arrow keys to move from one figure to the next; Home and End go to the first and last.",
        (Msg::ChartKeys, Fr) => "Utilisez les flèches pour passer d’un chiffre à l’autre ; Début et Fin vont au premier et au dernier.",
        (Msg::LevelProgramme, En) => "Programme-wide totals",
        (Msg::LevelProgramme, Fr) => "Totaux pour l’ensemble du programme",
        (Msg::LevelRegional, En) => "Regional figures",
        (Msg::LevelRegional, Fr) => "Chiffres régionaux",
        (Msg::LevelNational, En) => "Country figures",
        (Msg::LevelNational, Fr) => "Chiffres par pays",
        (Msg::NoCountryMatch, En) => "No country matches",
        (Msg::NoCountryMatch, Fr) => "Aucun pays ne correspond",
        (Msg::FiguresReported, En) => "Figures reported",
        (Msg::FiguresReported, Fr) => "Chiffres publiés",
        (Msg::LevelNotUsed, En) => "Not used by the “by place” view, which compares every country or region.",
        (Msg::LevelNotUsed, Fr) => "Sans effet sur la vue « par lieu », qui compare tous les pays ou régions.",
        (Msg::DownloadPng, En) => "Download PNG",
        (Msg::DownloadPng, Fr) => "Télécharger en PNG",
        (Msg::DownloadSvg, En) => "Download SVG",
        (Msg::DownloadSvg, Fr) => "Télécharger en SVG",
        (Msg::ShowAsTable, En) => "Show as table",
        (Msg::ShowAsTable, Fr) => "Voir sous forme de tableau",
        (Msg::DownloadData, En) => "Download the data",
        (Msg::DownloadData, Fr) => "Télécharger les données",
        (Msg::DownloadDataIntro, En) => "Every download carries the source of each figure and a citation text.",
        (Msg::DownloadDataIntro, Fr) => "Chaque téléchargement contient la source de chaque chiffre et un texte de citation.",
        (Msg::CurrentSelection, En) => "Current selection",
        (Msg::CurrentSelection, Fr) => "Sélection actuelle",
        (Msg::WholeDataset, En) => "Whole dataset",
        (Msg::WholeDataset, Fr) => "Jeu de données complet",
        (Msg::HowToCite, En) => "How to cite",
        (Msg::HowToCite, Fr) => "Comment citer",
        (Msg::Theme, En) => "Theme",
        (Msg::Theme, Fr) => "Thème",
        (Msg::ThemeAuto, En) => "Auto",
        (Msg::ThemeAuto, Fr) => "Auto",
        (Msg::ThemeLight, En) => "Light",
        (Msg::ThemeLight, Fr) => "Clair",
        (Msg::ThemeDark, En) => "Dark",
        (Msg::ThemeDark, Fr) => "Sombre",
        (Msg::PrintedOn, En) => "Printed on",
        (Msg::PrintedOn, Fr) => "Imprimé le",
        (Msg::ActiveFilters, En) => "Filters",
        (Msg::ActiveFilters, Fr) => "Filtres",
        (Msg::DescribeChart, En) => "Describe this chart in words",
        (Msg::DescribeChart, Fr) => "Décrire ce graphique en mots",
        (Msg::OpenFullDashboard, En) => "Open the full dashboard",
        (Msg::OpenFullDashboard, Fr) => "Ouvrir le tableau de bord complet",
        (Msg::EmbedShare, En) => "Embed or share",
        (Msg::EmbedShare, Fr) => "Intégrer ou partager",
        (Msg::ShareLink, En) => "Link to this view",
        (Msg::ShareLink, Fr) => "Lien vers cette vue",
        (Msg::EmbedCode, En) => "Code to embed in a web page",
        (Msg::EmbedCode, Fr) => "Code à intégrer dans une page web",
        (Msg::EmbedWhat, En) => "What to embed",
        (Msg::EmbedWhat, Fr) => "Quoi intégrer",
        (Msg::EmbedThisView, En) => "This view",
        (Msg::EmbedThisView, Fr) => "Cette vue",
        (Msg::EmbedCards, En) => "The headline figures",
        (Msg::EmbedCards, Fr) => "Les chiffres clés",
        (Msg::EmbedPlain, En) => "Without title and footer",
        (Msg::EmbedPlain, Fr) => "Sans titre ni pied de page",
        (Msg::Copy, En) => "Copy",
        (Msg::Copy, Fr) => "Copier",
        (Msg::Copied, En) => "Copied",
        (Msg::Copied, Fr) => "Copié",
        (Msg::EmbedNote, En) => "The embedded chart keeps the current filters and adjusts its height to its content through the small script in the code.",
        (Msg::EmbedNote, Fr) => "Le graphique intégré garde les filtres actuels et ajuste sa hauteur à son contenu grâce au petit script inclus dans le code.",
        (Msg::Close, En) => "Close",
        (Msg::Close, Fr) => "Fermer",
        (Msg::TabMap, En) => "Map",
        (Msg::TabMap, Fr) => "Carte",
        (Msg::MapHeading, En) => "Latest reported value by country",
        (Msg::MapHeading, Fr) => "Dernière valeur publiée par pays",
        (Msg::MapIntro, En) => "Each country is coloured by its most recent reported figure; hatched countries have none in this selection. Choose a country (click, or Enter on a focused country) to filter every view by it.",
        (Msg::MapIntro, Fr) => "Chaque pays est coloré selon le dernier chiffre publié ; les pays hachurés n’en ont aucun dans cette sélection. Choisissez un pays (clic, ou Entrée sur un pays sélectionné) pour filtrer toutes les vues.",
        (Msg::MapLoading, En) => "Loading the map…",
        (Msg::MapLoading, Fr) => "Chargement de la carte…",
        (Msg::MapShowPartners, En) => "Outline the countries the selected programmes name",
        (Msg::MapShowPartners, Fr) => "Entourer les pays cités par les programmes sélectionnés",
        (Msg::MapSelected, En) => "Selected country",
        (Msg::MapSelected, Fr) => "Pays sélectionné",
        (Msg::MapPartners, En) => "Named by the selected programmes",
        (Msg::MapPartners, Fr) => "Cité par les programmes sélectionnés",
        (Msg::MapDisclaimer, En) => "The boundaries and names shown and the designations used on this map do not imply official endorsement or acceptance by the International Organization for Migration or the European Union.",
        (Msg::UsePublished, En) => "Show the published data",
        (Msg::UsePublished, Fr) => "Afficher les données publiées",
        (Msg::ReloadData, En) => "Reload data",
        (Msg::ReloadData, Fr) => "Recharger les données",
        (Msg::OpenLocalFile, En) => "Open a local file…",
        (Msg::OpenLocalFile, Fr) => "Ouvrir un fichier local…",
        (Msg::ReloadFailed, En) => "The data could not be reloaded; the figures shown are the last ones loaded. Reason:",
        (Msg::ReloadFailed, Fr) => "Les données n’ont pas pu être rechargées ; les chiffres affichés sont les derniers chargés. Motif :",
        (Msg::DropFile, En) => "Drop a JSON or CSV file to view its figures (nothing is uploaded)",
        (Msg::DropFile, Fr) => "Déposez un fichier JSON ou CSV pour voir ses chiffres (rien n’est envoyé)",
        (Msg::StaffTitle, En) => "Read figures from a release",
        (Msg::StaffTitle, Fr) => "Lire les chiffres d’un communiqué",
        (Msg::StaffIntro, En) => "For staff: paste the plain text of an EU or IOM press release. The figures it reports are proposed with the sentence each comes from, ready for review before they enter the dataset (see “Adding a new release” in the README). The text never leaves this browser.",
        (Msg::StaffIntro, Fr) => "Pour le personnel : collez le texte d’un communiqué de l’UE ou de l’OIM. Les chiffres qu’il publie sont proposés avec la phrase d’où chacun provient, prêts à être vérifiés avant d’entrer dans le jeu de données (voir « Adding a new release » dans le README). Le texte ne quitte pas ce navigateur.",
        (Msg::ReleaseText, En) => "Release text",
        (Msg::ReleaseText, Fr) => "Texte du communiqué",
        (Msg::ReleaseFound, En) => "Release",
        (Msg::ReleaseFound, Fr) => "Communiqué",
        (Msg::Proposals, En) => "Proposed figures",
        (Msg::Proposals, Fr) => "Chiffres proposés",
        (Msg::ReleaseContext, En) => "Release context (not counted)",
        (Msg::ReleaseContext, Fr) => "Contexte du communiqué (non compté)",
        (Msg::NoProposal, En) => "No figure found yet.",
        (Msg::NoProposal, Fr) => "Aucun chiffre trouvé pour l’instant.",
        (Msg::DownloadReviewable, En) => "Download the file to review",
        (Msg::DownloadReviewable, Fr) => "Télécharger le fichier à vérifier",
        (Msg::SourceId, En) => "Source id",
        (Msg::SourceId, Fr) => "Identifiant de la source",
        (Msg::ReleaseAddress, En) => "Address of the release",
        (Msg::ReleaseAddress, Fr) => "Adresse du communiqué",
        (Msg::StaffLink, En) => "Staff: read figures from a release",
        (Msg::StaffLink, Fr) => "Personnel : lire les chiffres d’un communiqué",
        (Msg::BackToDashboard, En) => "Back to the dashboard",
        (Msg::BackToDashboard, Fr) => "Retour au tableau de bord",
        (Msg::Confidence, En) => "Confidence",
        (Msg::Confidence, Fr) => "Confiance",
        (Msg::MapDisclaimer, Fr) => "Les frontières et les noms indiqués ainsi que les désignations employées sur cette carte n’impliquent ni reconnaissance ni acceptation officielles de la part de l’Organisation internationale pour les migrations ou de l’Union européenne.",
    }
}

/// The filter button's label: `Filters`, `Filters (2 active)`.
pub fn active_filters(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::En, 0) => "Filters".to_string(),
        (Lang::En, n) => format!("Filters ({n} active)"),
        (Lang::Fr, 0) => "Filtres".to_string(),
        (Lang::Fr, 1) => "Filtres (1 actif)".to_string(),
        (Lang::Fr, n) => format!("Filtres ({n} actifs)"),
    }
}

/// The live count of the filter panel: "12 figures from 9 sources match".
pub fn match_count(n_figures: usize, n_sources: usize, lang: Lang) -> String {
    let figures = match (lang, n_figures) {
        (Lang::En, 1) => "1 figure".to_string(),
        (Lang::En, n) => format!("{n} figures"),
        (Lang::Fr, 0 | 1) => format!("{n_figures} chiffre"),
        (Lang::Fr, n) => format!("{n} chiffres"),
    };
    let sources = match (lang, n_sources) {
        (Lang::En, 1) => "1 source".to_string(),
        (Lang::En, n) => format!("{n} sources"),
        (_, n) => format!("{n} source{}", if n > 1 { "s" } else { "" }),
    };
    match (lang, n_figures) {
        (Lang::En, 1) => format!("{figures} from {sources} matches"),
        (Lang::En, _) => format!("{figures} from {sources} match"),
        (Lang::Fr, 0 | 1) => format!("{figures} issu de {sources} correspond"),
        (Lang::Fr, _) => format!("{figures} issus de {sources} correspondent"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_in_number() {
        assert_eq!(match_count(12, 9, Lang::En), "12 figures from 9 sources match");
        assert_eq!(match_count(1, 1, Lang::En), "1 figure from 1 source matches");
        assert_eq!(match_count(0, 0, Lang::En), "0 figures from 0 sources match");
        assert_eq!(match_count(12, 9, Lang::Fr), "12 chiffres issus de 9 sources correspondent");
        assert_eq!(match_count(1, 1, Lang::Fr), "1 chiffre issu de 1 source correspond");
    }
}
