//! The interface's own words, in English and French: each [`Msg`] is declared with its text in
//! every language side by side, so a message cannot lack a translation (it would not compile),
//! and the few messages that take a number are functions next to them.

use crate::domain::lang::{tr, Lang};

/// Declares [`Msg`] and [`msg`] together from entries `Name { en: "…", fr: "…" }`; the
/// language columns are those of [`tr!`].
macro_rules! messages {
    ($($(#[$doc:meta])* $name:ident { $($words:tt)* })*) => {
        /// A fixed piece of interface text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg {
            $($(#[$doc])* $name,)*
        }

        /// The text of a message in a language.
        pub fn msg(message: Msg, lang: Lang) -> &'static str {
            match message {
                $(Msg::$name => tr!(lang, $($words)*),)*
            }
        }
    };
}

messages! {
    /// Page title.
    Title { en: "EU–IOM cooperation in figures", fr: "La coopération UE–OIM en chiffres" }
    /// Button that closes the filter drawer.
    CloseFilters { en: "Close", fr: "Fermer" }
    /// Disclosure of a headline figure: its source, with what it counts and its scope.
    ScopeAndSource { en: "Source", fr: "Source" }
    /// Pre-rendered page: the filters and other views start working once the app has loaded.
    PrerenderPending {
        en: "Loading the filters and the other views…",
        fr: "Chargement des filtres et des autres vues…",
    }
    /// Pre-rendered page without JavaScript: what still works and what needs JavaScript.
    PrerenderNoScript {
        en: "This is a snapshot of the published figures, made when the page was built. The filters, the other views and the downloads need JavaScript.",
        fr: "Ceci est un instantané des chiffres publiés, pris à la construction de la page. Les filtres, les autres vues et les téléchargements nécessitent JavaScript.",
    }
    /// The data file changed after the pre-rendered page was built.
    SnapshotReplaced {
        en: "The data file was updated after this page was built: the figures shown are the current ones.",
        fr: "Le fichier de données a été mis à jour après la construction de cette page : les chiffres affichés sont les chiffres actuels.",
    }
    /// A new version of the dashboard has been deployed and is ready.
    UpdateReady { en: "A new version of the dashboard is available.", fr: "Une nouvelle version du tableau de bord est disponible." }
    /// Button: reload the page to run the new version.
    UpdateReload { en: "Reload", fr: "Recharger" }
    /// Line under the title.
    Subtitle {
        en: "Projects, funding, migrants assisted and countries served, as reported in EU and IOM releases since 2013",
        fr: "Projets, financements, migrants aidés et pays couverts, tels que publiés dans les communiqués de l’UE et de l’OIM depuis 2013",
    }
    /// Line under the title on a phone: the subtitle, short enough for one line.
    SubtitleShort { en: "From EU and IOM releases since 2013", fr: "Communiqués UE et OIM depuis 2013" }
    /// Shown while the app and its data load.
    Loading { en: "Loading the figures…", fr: "Chargement des chiffres…" }
    /// Heading of the error panel.
    LoadFailed { en: "The figures could not be loaded", fr: "Les chiffres n’ont pas pu être chargés" }
    /// What to try when data cannot be loaded.
    LoadFailedHint {
        en: "Check your connection and try again. If the problem persists, the data file may have been moved or damaged.",
        fr: "Vérifiez votre connexion et réessayez. Si le problème persiste, le fichier de données a peut-être été déplacé ou endommagé.",
    }
    /// Button: try loading again.
    Retry { en: "Try again", fr: "Réessayer" }
    /// Heading of the headline cards section.
    HeadlinesHeading { en: "Latest reported figures", fr: "Derniers chiffres publiés" }
    /// Card title: projects.
    CardProjects { en: "Projects", fr: "Projets" }
    /// Card title: funding.
    CardFunding { en: "Funding", fr: "Financement" }
    /// Card title: migrants assisted.
    CardMigrants { en: "Migrants assisted", fr: "Migrants aidés" }
    /// Card title: countries.
    CardCountries { en: "Countries covered or served", fr: "Pays couverts ou aidés" }
    /// Line label: returned.
    LineReturned { en: "returned home", fr: "rentrés chez eux" }
    /// Line label: reintegration.
    LineReintegration { en: "reception and reintegration", fr: "accueil et réintégration" }
    /// Line label: rescued.
    LineRescued { en: "rescued", fr: "secourus" }
    /// No figure for this card.
    NoFigure { en: "No figure reported for this selection", fr: "Aucun chiffre publié pour cette sélection" }
    /// Link to the source release.
    SourceLink { en: "Source", fr: "Source" }
    /// Label of a release's own reference (`UNIQUE ID: 201013_8`).
    Reference { en: "Reference", fr: "Référence" }
    /// Heading of the timeline.
    TimelineHeading { en: "Reported figures over time", fr: "Chiffres publiés au fil du temps" }
    /// Short explanation under the timeline heading.
    TimelineIntro {
        en: "Each mark is one dated report. Running totals are joined by a line; totals for a period are drawn as a span.",
        fr: "Chaque marque est un chiffre publié à une date donnée. Les totaux cumulés sont reliés par une ligne ; les totaux sur une période sont tracés comme un intervalle.",
    }
    /// Placeholder title when nothing is selected.
    EmptyTitle { en: "No figures match these filters", fr: "Aucun chiffre ne correspond à ces filtres" }
    /// Placeholder hint when nothing is selected.
    EmptyHint {
        en: "Widen the period or remove a filter to see figures.",
        fr: "Élargissez la période ou retirez un filtre pour voir des chiffres.",
    }
    /// Heading of the skipped-records list.
    SkippedHeading { en: "Records skipped while loading", fr: "Enregistrements ignorés au chargement" }
    /// Footer: about the data.
    FooterData {
        en: "Figures as published by the cited sources; qualifiers such as “more than” follow each source’s wording. Every figure links to its dated source.",
        fr: "Chiffres tels que publiés par les sources citées ; les qualificatifs comme « plus de » suivent la formulation de chaque source. Chaque chiffre renvoie à sa source datée.",
    }
    /// Footer: not an official publication of the EU or IOM.
    FooterDisclaimer {
        en: "This dashboard compiles public releases; it is not itself an official publication of the European Union or IOM.",
        fr: "Ce tableau de bord rassemble des communiqués publics ; il n’est pas lui-même une publication officielle de l’Union européenne ou de l’OIM.",
    }
    /// "Data as of".
    DataAsOf { en: "Data as of", fr: "Données au" }
    /// Label of the language switcher.
    Language { en: "Language", fr: "Langue" }
    /// Skip link.
    SkipToContent { en: "Skip to the figures", fr: "Aller aux chiffres" }
    /// Link at the start of the filters: past them, to the chart.
    SkipToChart { en: "Skip the filters: go to the chart", fr: "Passer les filtres : aller au graphique" }
    /// Link at the start of the filters, in a view without a chart: past them, to the view.
    SkipToView { en: "Skip the filters: go to the view", fr: "Passer les filtres : aller à la vue" }
    /// "Official EU/IOM publication".
    OfficialSource { en: "Official EU/IOM publication", fr: "Publication officielle UE/OIM" }
    /// "Media or other republication".
    OtherSource { en: "Media or other republication", fr: "Média ou autre reprise" }
    /// "Period".
    Period { en: "Period", fr: "Période" }
    /// "since".
    Since { en: "since", fr: "depuis" }
    /// Tooltip heading for a warning.
    Warning { en: "Warning", fr: "Avertissement" }
    /// Warning: running total fell.
    WarningDecrease {
        en: "This running total is lower than an earlier report: definitions or start dates probably differ.",
        fr: "Ce total cumulé est inférieur à un chiffre antérieur : les définitions ou les dates de départ diffèrent probablement.",
    }
    /// Warning: reports about the same date disagree.
    WarningConflict {
        en: "Another report about the same date gives a clearly different value.",
        fr: "Un autre chiffre publié pour la même date donne une valeur nettement différente.",
    }
    /// Warning: running totals of one series count from different starts.
    WarningStartDiffers {
        en: "Other running totals of this series count from another start: they cannot be compared as a trend.",
        fr: "D’autres totaux cumulés de cette série comptent depuis une autre date : ils ne se comparent pas comme une tendance.",
    }
    /// Chart: series hidden.
    HiddenSeries {
        en: "more series are not drawn; the table lists every figure",
        fr: "autres séries non tracées ; le tableau liste tous les chiffres",
    }
    /// Heading of the filter panel.
    Filters { en: "Filters", fr: "Filtres" }
    /// Filter group: metric.
    FilterMetric { en: "What is counted", fr: "Ce qui est compté" }
    /// Filter group: programme.
    FilterProgramme { en: "Programme", fr: "Programme" }
    /// Filter group: geographic level.
    FilterLevel { en: "Geographic level", fr: "Niveau géographique" }
    /// Filter group: region.
    FilterRegion { en: "Region", fr: "Région" }
    /// Filter group: country.
    FilterCountry { en: "Country", fr: "Pays" }
    /// Placeholder of the country search box.
    SearchCountries { en: "Search countries", fr: "Rechercher un pays" }
    /// Sort countries by name.
    SortByName { en: "A–Z", fr: "A–Z" }
    /// Sort countries by value.
    SortByValue { en: "By value", fr: "Par valeur" }
    /// Filter group: period.
    FilterPeriod { en: "Period", fr: "Période" }
    /// First year.
    FromYear { en: "First year", fr: "Première année" }
    /// Last year.
    ToYear { en: "Last year", fr: "Dernière année" }
    /// Filter group: publisher.
    FilterPublisher { en: "Publisher", fr: "Éditeur" }
    /// All publishers.
    AllSources {
        en: "All sources, including media republications",
        fr: "Toutes les sources, y compris les reprises dans les médias",
    }
    /// Official publishers only.
    OfficialOnly {
        en: "Official EU and IOM publications only",
        fr: "Publications officielles de l’UE et de l’OIM seulement",
    }
    /// Reset the filters.
    Reset { en: "Reset filters", fr: "Réinitialiser les filtres" }
    /// Tab list label.
    Views { en: "Views", fr: "Vues" }
    /// Tab: timeline.
    TabTimeline { en: "Over time", fr: "Dans le temps" }
    /// Tab: breakdown.
    TabBreakdown { en: "By place", fr: "Par lieu" }
    /// Tab: table.
    TabTable { en: "Table", fr: "Tableau" }
    /// Tab: sources.
    TabSources { en: "Sources", fr: "Sources" }
    /// Breakdown heading.
    BreakdownHeading { en: "Latest reported value by place", fr: "Dernière valeur publiée par lieu" }
    /// Breakdown explanation.
    BreakdownIntro {
        en: "Each bar is the most recent report for that place; running totals are preferred over totals for a single period. Dates differ: compare with care.",
        fr: "Chaque barre est le chiffre le plus récent publié pour ce lieu ; les totaux cumulés sont préférés aux totaux d’une seule période. Les dates diffèrent : comparez avec prudence.",
    }
    /// Compare countries.
    ByCountry { en: "Countries", fr: "Pays" }
    /// Compare regions.
    ByRegion { en: "Regions", fr: "Régions" }
    /// Table heading.
    TableHeading { en: "Selected figures", fr: "Chiffres sélectionnés" }
    /// Column: metric.
    ColMetric { en: "What", fr: "Quoi" }
    /// Column: value.
    ColValue { en: "Value", fr: "Valeur" }
    /// Column: date.
    ColDate { en: "As of", fr: "Date" }
    /// Column: programme.
    ColProgramme { en: "Programme", fr: "Programme" }
    /// Column: place.
    ColPlace { en: "Place", fr: "Lieu" }
    /// Column: source.
    ColSource { en: "Source", fr: "Source" }
    /// Column: notes.
    ColNotes { en: "Notes", fr: "Remarques" }
    /// Sources heading.
    SourcesHeading { en: "Sources of the selected figures", fr: "Sources des chiffres sélectionnés" }
    /// Sources explanation.
    SourcesIntro {
        en: "Every release behind the current selection, latest first, with the figures it reports.",
        fr: "Chaque communiqué derrière la sélection actuelle, du plus récent au plus ancien, avec les chiffres qu’il publie.",
    }
    /// Why the dashboard never adds figures together.
    NoSums {
        en: "Figures are never added together: programmes and sources overlap (the Libya voluntary return totals and the Joint Initiative totals, for instance), so a sum would count the same people or money twice.",
        fr: "Les chiffres ne sont jamais additionnés : programmes et sources se recoupent (les totaux des retours volontaires depuis la Libye et ceux de l’Initiative conjointe, par exemple), et une somme compterait deux fois les mêmes personnes ou les mêmes fonds.",
    }
    /// Heading of the link notices.
    LinkNotices {
        en: "Some settings in this link could not be used",
        fr: "Certains paramètres de ce lien n’ont pas pu être utilisés",
    }
    /// Dismiss a message.
    Dismiss { en: "Dismiss", fr: "Fermer" }
    /// How to use a chart with the keyboard.
    ChartKeys {
        en: "Use the arrow keys to move from one figure to the next; Home and End go to the first and last.",
        fr: "Utilisez les flèches pour passer d’un chiffre à l’autre ; Début et Fin vont au premier et au dernier.",
    }
    /// No country matches the search.
    NoCountryMatch { en: "No country matches", fr: "Aucun pays ne correspond" }
    /// Figures reported (in the sources panel).
    FiguresReported { en: "Figures reported", fr: "Chiffres publiés" }
    /// The level filter does not apply to the breakdown.
    LevelNotUsed {
        en: "Not used by the “by place” view, which compares every country or region.",
        fr: "Sans effet sur la vue « par lieu », qui compare tous les pays ou régions.",
    }
    /// Download the chart as PNG.
    DownloadPng { en: "Download PNG", fr: "Télécharger en PNG" }
    /// Download the chart as SVG.
    DownloadSvg { en: "Download SVG", fr: "Télécharger en SVG" }
    /// Switch to the table of the same data.
    ShowAsTable { en: "Show as table", fr: "Voir sous forme de tableau" }
    /// Heading of the data downloads.
    DownloadData { en: "Download the data", fr: "Télécharger les données" }
    /// Intro of the data downloads.
    DownloadDataIntro {
        en: "Every download carries the source of each figure and a citation text.",
        fr: "Chaque téléchargement contient la source de chaque chiffre et un texte de citation.",
    }
    /// The current selection.
    CurrentSelection { en: "Current selection", fr: "Sélection actuelle" }
    /// The whole dataset.
    WholeDataset { en: "Whole dataset", fr: "Jeu de données complet" }
    /// How to cite.
    HowToCite { en: "How to cite", fr: "Comment citer" }
    /// The masthead's button that opens the language and theme choices on a phone.
    Settings { en: "Language and theme", fr: "Langue et thème" }
    /// Theme switcher label.
    Theme { en: "Theme", fr: "Thème" }
    /// Theme: automatic.
    ThemeAuto { en: "Auto", fr: "Auto" }
    /// Theme: light.
    ThemeLight { en: "Light", fr: "Clair" }
    /// Theme: dark.
    ThemeDark { en: "Dark", fr: "Sombre" }
    /// Printed on (print footer).
    PrintedOn { en: "Printed on", fr: "Imprimé le" }
    /// Active filters (print).
    ActiveFilters { en: "Filters", fr: "Filtres" }
    /// Summary of the chart's text description.
    DescribeChart { en: "Describe this chart in words", fr: "Décrire ce graphique en mots" }
    /// Link from an embed to the full dashboard.
    OpenFullDashboard { en: "Open the full dashboard", fr: "Ouvrir le tableau de bord complet" }
    /// Button opening the share dialog.
    EmbedShare { en: "Embed or share", fr: "Intégrer ou partager" }
    /// Share dialog: link to this view.
    ShareLink { en: "Link to this view", fr: "Lien vers cette vue" }
    /// Share dialog: code to embed.
    EmbedCode { en: "Code to embed in a web page", fr: "Code à intégrer dans une page web" }
    /// Share dialog: what to embed.
    EmbedWhat { en: "What to embed", fr: "Quoi intégrer" }
    /// Share dialog: embed the current chart.
    EmbedThisView { en: "This view", fr: "Cette vue" }
    /// Share dialog: embed the headline cards.
    EmbedCards { en: "The headline figures", fr: "Les chiffres clés" }
    /// Share dialog: no title or footer.
    EmbedPlain { en: "Without title and footer", fr: "Sans titre ni pied de page" }
    /// Share dialog: keep `?data=` in the link and the code (only offered when it is set).
    ShareOtherData {
        en: "Share these other figures (data=), not the published ones; an embed says so in a banner",
        fr: "Partager ces autres chiffres (data=), et non ceux publiés ; une intégration le signale par un bandeau",
    }
    /// Share dialog, during a staff preview: the preview is not shared.
    SharePreviewNote {
        en: "The preview is saved on this device only: this link and this code show the published figures.",
        fr: "L’aperçu n’est enregistré que sur cet appareil : ce lien et ce code affichent les chiffres publiés.",
    }
    /// Copy to the clipboard.
    Copy { en: "Copy", fr: "Copier" }
    /// Copied.
    Copied { en: "Copied", fr: "Copié" }
    /// Share dialog: how the embed works.
    EmbedNote {
        en: "The embedded chart keeps the current filters and adjusts its height to its content through the small script in the code.",
        fr: "Le graphique intégré garde les filtres actuels et ajuste sa hauteur à son contenu grâce au petit script inclus dans le code.",
    }
    /// Close a dialog.
    Close { en: "Close", fr: "Fermer" }
    /// Tab: map.
    TabMap { en: "Map", fr: "Carte" }
    /// Map heading.
    MapHeading { en: "Latest reported value by country", fr: "Dernière valeur publiée par pays" }
    /// Map explanation.
    MapIntro {
        en: "Each country is coloured by its most recent reported figure; hatched countries have none in this selection. Choose a country (click, or Enter on a focused country) to filter every view by it.",
        fr: "Chaque pays est coloré selon le dernier chiffre publié ; les pays hachurés n’en ont aucun dans cette sélection. Choisissez un pays (clic, ou Entrée sur un pays sélectionné) pour filtrer toutes les vues.",
    }
    /// Map: loading the shapes.
    MapLoading { en: "Loading the map…", fr: "Chargement de la carte…" }
    /// Map: outline partner countries.
    MapShowPartners {
        en: "Outline the countries the selected programmes name",
        fr: "Entourer les pays cités par les programmes sélectionnés",
    }
    /// Map legend: selected countries outlined.
    MapSelected { en: "Selected country", fr: "Pays sélectionné" }
    /// Map legend: partner countries outlined.
    MapPartners { en: "Named by the selected programmes", fr: "Cité par les programmes sélectionnés" }
    /// IOM's customary map disclaimer.
    MapDisclaimer {
        en: "The boundaries and names shown and the designations used on this map do not imply official endorsement or acceptance by the International Organization for Migration or the European Union.",
        fr: "Les frontières et les noms indiqués ainsi que les désignations employées sur cette carte n’impliquent ni reconnaissance ni acceptation officielles de la part de l’Organisation internationale pour les migrations ou de l’Union européenne.",
    }
    /// Go back to the published dataset.
    UsePublished { en: "Show the published data", fr: "Afficher les données publiées" }
    /// Reload the data.
    ReloadData { en: "Reload data", fr: "Recharger les données" }
    /// Open a local file.
    OpenLocalFile { en: "Open a local file…", fr: "Ouvrir un fichier local…" }
    /// A reload or file failed (the error follows).
    ReloadFailed {
        en: "The data could not be reloaded; the figures shown are the last ones loaded. Reason:",
        fr: "Les données n’ont pas pu être rechargées ; les chiffres affichés sont les derniers chargés. Motif :",
    }
    /// Drop a file here.
    DropFile {
        en: "Drop a JSON or CSV file to view its figures (nothing is uploaded)",
        fr: "Déposez un fichier JSON ou CSV pour voir ses chiffres (rien n’est envoyé)",
    }
    /// Staff page title.
    StaffTitle { en: "Read figures from a release", fr: "Lire les chiffres d’un communiqué" }
    /// Staff page explanation.
    StaffIntro {
        en: "For staff: paste an EU or IOM press release (its text, or the page copied from the website). The figures it reports are proposed with the sentence each comes from: check and complete them and the source below, preview them on the dashboard, then download the updated dataset to publish. Nothing leaves this browser; your review is kept on this device until you start a new one.",
        fr: "Pour le personnel : collez un communiqué de l’UE ou de l’OIM (son texte, ou la page copiée depuis le site). Les chiffres qu’il publie sont proposés avec la phrase d’où chacun provient : vérifiez-les et complétez-les, ainsi que la source ci-dessous, prévisualisez-les sur le tableau de bord, puis téléchargez le jeu de données mis à jour pour le publier. Rien ne quitte ce navigateur ; votre relecture est gardée sur cet appareil jusqu’à ce que vous en commenciez une nouvelle.",
    }
    /// Label of the release text box.
    ReleaseText { en: "Release text", fr: "Texte du communiqué" }
    /// Heading: the release.
    ReleaseFound { en: "Release", fr: "Communiqué" }
    /// Heading: proposed figures.
    Proposals { en: "Proposed figures", fr: "Chiffres proposés" }
    /// Heading: release context (not counts).
    ReleaseContext { en: "Release context (not counted)", fr: "Contexte du communiqué (non compté)" }
    /// No figure found.
    NoProposal { en: "No figure found yet.", fr: "Aucun chiffre trouvé pour l’instant." }
    /// Download the file to review.
    DownloadReviewable { en: "Download the file to review", fr: "Télécharger le fichier à vérifier" }
    /// Source id field.
    SourceId { en: "Source id", fr: "Identifiant de la source" }
    /// Address field.
    ReleaseAddress { en: "Address of the release", fr: "Adresse du communiqué" }
    /// Staff page: heading of the source form.
    SourceFormHeading { en: "The release as a source", fr: "Le communiqué comme source" }
    /// Staff page: publisher field.
    FieldPublisher { en: "Publisher, as named on the page", fr: "Éditeur, tel que nommé sur la page" }
    /// Staff page: publisher kind field.
    FieldPublisherKind { en: "Kind of publisher", fr: "Type d’éditeur" }
    /// Staff page: publisher kind, none chosen.
    ChooseOne { en: "— choose —", fr: "— choisir —" }
    /// Staff page: official checkbox.
    FieldOfficial { en: "Official (published by the EU or IOM itself)", fr: "Officielle (publiée par l’UE ou l’OIM elle-même)" }
    /// Staff page: date field.
    FieldDate { en: "Publication date (YYYY-MM-DD)", fr: "Date de publication (AAAA-MM-JJ)" }
    /// Staff page: reference field.
    FieldReference { en: "Reference (e.g. UNIQUE ID: 201013_8)", fr: "Référence (p. ex. UNIQUE ID: 201013_8)" }
    /// Staff page: title field.
    FieldTitle { en: "Title as published", fr: "Titre tel que publié" }
    /// Staff page: language field.
    FieldLanguage { en: "Language (en, fr)", fr: "Langue (en, fr)" }
    /// Staff page: heading of the rows.
    RowsHeading { en: "Figures to add", fr: "Chiffres à ajouter" }
    /// Staff page: value field.
    FieldValue { en: "Value", fr: "Valeur" }
    /// Staff page: unit field.
    FieldUnit { en: "Unit", fr: "Unité" }
    /// Staff page: qualifier field.
    FieldQualifier { en: "Qualifier", fr: "Qualificatif" }
    /// Staff page: period start field.
    FieldPeriodStart { en: "Period start", fr: "Début de la période" }
    /// Staff page: period end field.
    FieldPeriodEnd { en: "Period end (as of)", fr: "Fin de la période (au)" }
    /// Staff page: counted since field.
    FieldSince { en: "Counted since", fr: "Compté depuis" }
    /// Staff page: region field.
    FieldRegion { en: "Region (optional)", fr: "Région (facultatif)" }
    /// Staff page: no region.
    NoRegion { en: "— none —", fr: "— aucune —" }
    /// Staff page: country field.
    FieldCountry { en: "Country code (optional, e.g. NE)", fr: "Code pays (facultatif, p. ex. NE)" }
    /// Staff page: English description field.
    FieldDetailEn { en: "What it counts, in English", fr: "Ce qui est compté, en anglais" }
    /// Staff page: French description field.
    FieldDetailFr { en: "What it counts, in French", fr: "Ce qui est compté, en français" }
    /// Staff page: the sentence a row was read from.
    ReadFrom { en: "Read from", fr: "Lu dans" }
    /// Staff page: legend of a row, before its number.
    RowLegend { en: "Figure", fr: "Chiffre" }
    /// Staff page: add a row.
    AddRow { en: "Add a figure", fr: "Ajouter un chiffre" }
    /// Staff page: delete a row.
    DeleteRow { en: "Delete this figure", fr: "Supprimer ce chiffre" }
    /// Staff page: the published dataset is loading.
    DatasetLoading { en: "Loading the published dataset…", fr: "Chargement du jeu de données publié…" }
    /// Staff page: heading of the publish step.
    PublishHeading { en: "Publish", fr: "Publier" }
    /// Staff page: the review merges cleanly.
    ReviewReady { en: "The review is complete: the dataset with these figures validates cleanly.", fr: "La relecture est complète : le jeu de données avec ces chiffres est valide." }
    /// Staff page: the review still has problems.
    ReviewIncomplete { en: "Fix the fields marked above before publishing.", fr: "Corrigez les champs signalés ci-dessus avant de publier." }
    /// Staff page: show the merged dataset on the dashboard, from this device.
    PreviewOnDashboard { en: "Preview on the dashboard", fr: "Aperçu sur le tableau de bord" }
    /// Staff page: download the merged dataset.
    DownloadDataset { en: "Download the updated dataset", fr: "Télécharger le jeu de données mis à jour" }
    /// Staff page: download the reviewed records.
    DownloadReviewed { en: "Download the reviewed records (for eu-iom-data add)", fr: "Télécharger les enregistrements relus (pour eu-iom-data add)" }
    /// Staff page: what the site update is.
    SiteUpdateIntro {
        en: "To publish the release, download the site update: one ZIP with every file of the site that the release changes (the data, the page and its first view, the open-data files, the preview image and the service worker), made by the data tool’s own steps from this site’s files. Copy its files over the site’s folder on the host, as its README.txt says.",
        fr: "Pour publier le communiqué, téléchargez la mise à jour du site : un ZIP avec tous les fichiers du site que le communiqué change (les données, la page et sa première vue, les fichiers de données ouvertes, l’image d’aperçu et le service worker), produits par les étapes mêmes de l’outil de données à partir des fichiers de ce site. Copiez ses fichiers dans le dossier du site sur l’hébergement, comme l’indique son README.txt.",
    }
    /// Staff page: download the site update.
    DownloadSiteUpdate { en: "Download the site update", fr: "Télécharger la mise à jour du site" }
    /// Staff page: the site update is being made.
    SiteUpdateWorking { en: "Preparing the site update…", fr: "Préparation de la mise à jour du site…" }
    /// Staff page: the site update was offered; its files follow.
    SiteUpdateSaved { en: "The site update is downloaded. It holds these files, at their paths in the site:", fr: "La mise à jour du site est téléchargée. Elle contient ces fichiers, à leur chemin dans le site :" }
    /// Staff page: what to do with the downloaded dataset.
    PublishSteps {
        en: "With only this file in place of data/eu-iom-figures.json, the dashboard shows the new figures but says its first view is out of date: the site update below, or the data tool’s four commands (see the README), update the rest of the site.",
        fr: "Avec seulement ce fichier à la place de data/eu-iom-figures.json, le tableau de bord montre les nouveaux chiffres mais signale que sa première vue est dépassée : la mise à jour du site ci-dessous, ou les quatre commandes de l’outil de données (voir le README), mettent à jour le reste du site.",
    }
    /// Staff page: start over.
    ClearReview { en: "Start a new review", fr: "Commencer une nouvelle relecture" }
    /// Staff page: the review could not be saved on the device.
    DraftNotSaved { en: "This browser does not let the page save the review: a reload would lose it.", fr: "Ce navigateur ne permet pas d’enregistrer la relecture : un rechargement la perdrait." }
    /// Link to the staff page.
    StaffLink { en: "Staff: read figures from a release", fr: "Personnel : lire les chiffres d’un communiqué" }
    /// A view that exists, asked for where it cannot be shown (the staff page inside an embed).
    ViewUnavailable { en: "This view cannot be shown here.", fr: "Cette vue ne peut pas être affichée ici." }
    /// The computer's clock gives no valid date, which a download's citation needs.
    ClockInvalid {
        en: "This computer’s clock does not give a valid date, which a download needs for its retrieval date. Set the clock and try again.",
        fr: "L’horloge de cet ordinateur ne donne pas de date valide, alors qu’un téléchargement en a besoin pour sa date d’extraction. Réglez l’horloge et réessayez.",
    }
    /// In place of today's date when the computer's clock gives none.
    ClockUnknown {
        en: "an unknown date (this computer’s clock gives no valid date)",
        fr: "une date inconnue (l’horloge de cet ordinateur ne donne pas de date valide)",
    }
    /// A download could not be made (the browser's reason follows).
    DownloadFailed { en: "The download could not be prepared. Reason:", fr: "Le téléchargement n’a pas pu être préparé. Motif :" }
    /// A download's writer (loaded on first use) could not be loaded.
    DownloadToolsUnavailable {
        en: "The download could not be prepared: this part of the page could not be loaded (the connection may be down). Try again once online.",
        fr: "Le téléchargement n’a pas pu être préparé : cette partie de la page n’a pas pu être chargée (la connexion est peut-être coupée). Réessayez une fois en ligne.",
    }
    /// The CSV reader (loaded on first use) could not be loaded.
    CsvReaderUnavailable {
        en: "the CSV file cannot be read now: the part of the page that reads it could not be loaded (the connection may be down). Try again once online.",
        fr: "le fichier CSV ne peut pas être lu pour l’instant : la partie de la page qui le lit n’a pas pu être chargée (la connexion est peut-être coupée). Réessayez une fois en ligne.",
    }
    /// On a download button while its file is prepared (the first time, its writer loads).
    Preparing { en: "Preparing…", fr: "Préparation…" }
    /// Beside the file chooser while a CSV file is read (the first time, its reader loads).
    ReadingFile { en: "Reading the file…", fr: "Lecture du fichier…" }
    /// A chart has no size to be drawn at.
    ChartNoRoom { en: "the chart has no room to be drawn.", fr: "le graphique n’a pas la place d’être dessiné." }
    /// A chart could not be drawn (the reason follows).
    ChartNotDrawn { en: "The chart could not be drawn. Reason:", fr: "Le graphique n’a pas pu être dessiné. Motif :" }
    /// Back to the dashboard.
    BackToDashboard { en: "Back to the dashboard", fr: "Retour au tableau de bord" }
    /// Confidence column.
    Confidence { en: "Confidence", fr: "Confiance" }
    /// A place: the programme as a whole.
    ProgrammeWide { en: "Programme-wide", fr: "Ensemble du programme" }
    /// Filters in words: no metric filter.
    AllMetrics { en: "all metrics", fr: "tous les indicateurs" }
    /// Filters in words: no programme filter.
    AllProgrammes { en: "all programmes", fr: "tous les programmes" }
    /// Filters in words: no period filter.
    AllYears { en: "all years", fr: "toutes les années" }
    /// Filters in words: every publisher.
    AllPublishers { en: "all sources", fr: "toutes les sources" }
    /// Filters in words: official publishers only.
    OfficialPublishersOnly { en: "official EU/IOM publications only", fr: "publications officielles UE/OIM seulement" }
    /// What a download of everything covers.
    TheWholeDataset { en: "the whole dataset", fr: "le jeu de données complet" }
    /// Timeline key: a span or a whisker.
    KeyUncertain { en: "period or uncertain date", fr: "période ou date incertaine" }
    /// Timeline key: a ringed mark.
    KeyWarning { en: "see warning", fr: "voir l’avertissement" }
    /// Timeline note when marks are drawn densely.
    DenseData {
        en: "Dense data: qualifiers and dates are in the tooltips and the table",
        fr: "Données denses : qualificatifs et dates dans les infobulles et le tableau",
    }
    /// Map legend title.
    MapLegendTitle { en: "Latest figure per country", fr: "Dernier chiffre par pays" }
    /// Map legend: hatched countries.
    MapNoFigure { en: "No figure", fr: "Aucun chiffre" }
    /// Map credit line.
    MapCredit {
        en: "Country boundaries: Natural Earth (public domain), simplified; Equal Earth projection.",
        fr: "Frontières : Natural Earth (domaine public), simplifiées ; projection Equal Earth.",
    }
    /// Staff page: the release's date.
    ReleaseDate { en: "Date", fr: "Date" }
    /// Staff page: the release's unique identifier.
    ReleaseUniqueId { en: "Unique ID", fr: "Identifiant" }
    /// Staff page: the release's title.
    ReleaseTitle { en: "Title", fr: "Titre" }
    /// Staff page column: the number as written.
    InTheText { en: "In the text", fr: "Dans le texte" }
}

/// The filter button's label: `Filters`, `Filters (2 active)`.
pub fn active_filters(n: usize, lang: Lang) -> String {
    tr!(lang,
        en: if n == 0 { "Filters".to_string() } else { format!("Filters ({n} active)") },
        fr: match n {
            0 => "Filtres".to_string(),
            1 => "Filtres (1 actif)".to_string(),
            n => format!("Filtres ({n} actifs)"),
        },
    )
}

/// The live count of the filter panel: "12 figures from 9 sources match".
pub fn match_count(n_figures: usize, n_sources: usize, lang: Lang) -> String {
    tr!(lang,
        en: {
            let figures = if n_figures == 1 { "1 figure".to_string() } else { format!("{n_figures} figures") };
            let sources = if n_sources == 1 { "1 source".to_string() } else { format!("{n_sources} sources") };
            let verb = if n_figures == 1 { "matches" } else { "match" };
            format!("{figures} from {sources} {verb}")
        },
        fr: {
            // French treats 0 and 1 as singular.
            let sources = format!("{n_sources} source{}", if n_sources > 1 { "s" } else { "" });
            if n_figures <= 1 {
                format!("{n_figures} chiffre issu de {sources} correspond")
            } else {
                format!("{n_figures} chiffres issus de {sources} correspondent")
            }
        },
    )
}

/// The button under a long table: "Show more (120 left)".
pub fn show_more(remaining: usize, lang: Lang) -> String {
    tr!(lang, en: format!("Show more ({remaining} left)"), fr: format!("Afficher plus ({remaining} restants)"))
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
        assert_eq!(match_count(0, 0, Lang::Fr), "0 chiffre issu de 0 source correspond");
    }

    #[test]
    fn the_show_more_button_counts_what_is_left() {
        assert_eq!(show_more(120, Lang::En), "Show more (120 left)");
        assert_eq!(show_more(120, Lang::Fr), "Afficher plus (120 restants)");
    }
}
