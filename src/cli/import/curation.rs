//! The project's own tables for the import, each readable at a glance by a reviewer: the
//! programme and region vocabularies with their French names, the kind of each publisher, and
//! the contradictions the research documents. Nothing here is a figure.

use crate::domain::dataset::model::PublisherKind;

/// Programme vocabulary: id, English and French names, and the names sources use for it.
pub(super) const PROGRAMMES: &[(&str, &str, &str, &[&str])] = &[
    (
        "joint-initiative",
        "EU-IOM Joint Initiative",
        "Initiative conjointe UE-OIM",
        &[
            "EU-IOM Joint Initiative",
            "EU-IOM Joint Initiative (EUTF for Africa)",
            "EUTF for Africa / EU-IOM Joint Initiative",
            "EU-IOM Joint Initiative / IOM search and rescue",
        ],
    ),
    ("strategic-cooperation", "EU-IOM strategic cooperation", "Coopération stratégique UE-OIM", &["EU-IOM strategic cooperation"]),
    ("eu-funding-to-iom", "EU funding to IOM", "Financements de l’UE à l’OIM", &["EU funding to IOM"]),
    (
        "eu-ms-funding-to-iom",
        "EU and Member States funding to IOM",
        "Financements de l’UE et des États membres à l’OIM",
        &["EU and Member States funding to IOM"],
    ),
    ("eu-humanitarian", "EU humanitarian funding to IOM", "Financement humanitaire de l’UE à l’OIM", &["EU humanitarian funding to IOM"]),
    (
        "libya-vhr",
        "IOM voluntary humanitarian return from Libya",
        "Retour humanitaire volontaire de l’OIM depuis la Libye",
        &["IOM Libya VHR", "IOM Libya Voluntary Humanitarian Return (EU-funded via EU-IOM Joint Initiative)"],
    ),
    (
        "mprr-ssa",
        "Migrant Protection, Return and Reintegration – Sub-Saharan Africa (MPRR-SSA)",
        "Protection, retour et réintégration des migrants – Afrique subsaharienne (MPRR-SSA)",
        &[
            "MPRR-SSA",
            "EU-funded Migrant Protection, Return and Reintegration Programme for Sub-Saharan Africa (MPRR-SSA)",
            "MPRR-SSA (and predecessor Joint Initiative)",
        ],
    ),
    (
        "mprr-na",
        "Migrant Protection, Return and Reintegration – North Africa (MPRR-NA)",
        "Protection, retour et réintégration des migrants – Afrique du Nord (MPRR-NA)",
        // IOM Tunisia's return programme, which the EU supports, is run under MPRR-NA (the
        // August and September 2025 releases say so; later pages name only the EU's support).
        &["MPRR-NA", "IOM Tunisia AVRR (EU-supported)"],
    ),
    (
        // The AP's 2025 investigation treats the Joint Initiative and what followed as one
        // programme and gives totals for 2022–2025: a series of its own, never added to the
        // Joint Initiative's (to 2022) or to Libya's.
        "eu-iom-return-programme-ap",
        "EU-funded IOM return and reintegration programme (as reported by the AP)",
        "Programme de retour et de réintégration de l’OIM financé par l’UE (selon l’AP)",
        &["EU-funded IOM return and reintegration programme (as reported by AP)"],
    ),
    (
        "eutf-africa",
        "EU Emergency Trust Fund for Africa",
        "Fonds fiduciaire d’urgence de l’UE pour l’Afrique",
        &["EUTF for Africa", "EUTF for Africa (AU-EU-UN Task Force follow-up)"],
    ),
    (
        "iom-niger",
        "IOM Niger (several donors)",
        "OIM Niger (plusieurs bailleurs)",
        &[
            "IOM Niger",
            "IOM Niger desert search and rescue",
            "IOM Niger AVR",
            "IOM Niger AVR (multi-donor)",
            "IOM Niger MRRM (multi-donor)",
        ],
    ),
    ("iom-guinea", "IOM Guinea (all programmes)", "OIM Guinée (tous programmes)", &["IOM Guinea (all programmes)"]),
];

/// Short programme names for legends: id, English, French.
pub(super) const PROGRAMME_SHORT_NAMES: &[(&str, &str, &str)] = &[
    ("joint-initiative", "Joint Initiative", "Initiative conjointe"),
    ("strategic-cooperation", "Strategic cooperation", "Coopération stratégique"),
    ("eu-funding-to-iom", "EU funding", "Financements UE"),
    ("eu-ms-funding-to-iom", "EU + Member States funding", "Financements UE + États membres"),
    ("eu-humanitarian", "EU humanitarian aid", "Aide humanitaire UE"),
    ("libya-vhr", "Libya VHR", "RHV Libye"),
    ("mprr-ssa", "MPRR-SSA", "MPRR-SSA"),
    ("mprr-na", "MPRR-NA", "MPRR-NA"),
    ("eu-iom-return-programme-ap", "EU–IOM returns (AP)", "Retours UE–OIM (AP)"),
    ("eutf-africa", "EUTF for Africa", "FFU pour l’Afrique"),
    ("iom-niger", "IOM Niger", "OIM Niger"),
    ("iom-guinea", "IOM Guinea", "OIM Guinée"),
];

/// Region vocabulary: id, English name as the research writes it, French name.
pub(super) const REGIONS: &[(&str, &str, &str)] = &[
    ("north-africa", "North Africa", "Afrique du Nord"),
    ("sahel-lake-chad", "Sahel and Lake Chad", "Sahel et lac Tchad"),
    ("horn-of-africa", "Horn of Africa", "Corne de l’Afrique"),
    ("west-central-africa", "West and Central Africa", "Afrique de l’Ouest et du Centre"),
    ("sub-saharan-africa", "Sub-Saharan Africa", "Afrique subsaharienne"),
    ("sahara-desert", "Sahara desert", "Désert du Sahara"),
    ("central-mediterranean-route", "Central Mediterranean route", "Route de la Méditerranée centrale"),
    ("libya", "Libya", "Libye"),
    ("africa", "Africa", "Afrique"),
    ("western-balkans-turkey", "Western Balkans and Turkey", "Balkans occidentaux et Turquie"),
    ("eastern-europe", "Eastern Europe", "Europe orientale"),
];

/// Kind of every publisher in the research. Official means published by an EU institution or
/// by IOM itself (including their texts hosted verbatim by ReliefWeb); republications by news
/// sites, EU-funded portals and research institutes are not.
pub(super) const PUBLISHERS: &[(&str, PublisherKind)] = &[
    ("European External Action Service (EEAS)", PublisherKind::Eu),
    ("European Commission", PublisherKind::Eu),
    ("European Commission (via ReliefWeb)", PublisherKind::Eu),
    ("European Commission – EU Emergency Trust Fund for Africa", PublisherKind::Eu),
    ("European Commission – DG International Partnerships (INTPA)", PublisherKind::Eu),
    ("European Commission – DG Migration and Home Affairs", PublisherKind::Eu),
    ("European Commission – DG NEAR", PublisherKind::Eu),
    ("European Parliament – Commission answer (Mimica), E-001084/2018", PublisherKind::Eu),
    ("EU Emergency Trust Fund for Africa – 'Stories from Africa' site", PublisherKind::Eu),
    ("International Organization for Migration (IOM)", PublisherKind::Iom),
    ("IOM Global Office Brussels", PublisherKind::Iom),
    ("IOM Regional Office Brussels (eea.iom.int)", PublisherKind::Iom),
    ("IOM Regional Office Dakar", PublisherKind::Iom),
    ("IOM Regional Office for East and Horn of Africa", PublisherKind::Iom),
    ("IOM (via ReliefWeb)", PublisherKind::Iom),
    ("IOM Netherlands (copy of IOM release)", PublisherKind::Iom),
    ("IOM Niger", PublisherKind::Iom),
    ("IOM Libya", PublisherKind::Iom),
    ("IOM – Migrant Protection Platform (migrantprotection.iom.int)", PublisherKind::Iom),
    ("IOM Regional Office MENA", PublisherKind::Iom),
    ("IOM The Gambia", PublisherKind::Iom),
    ("IOM Global Office Brussels (via Public)", PublisherKind::Iom),
    ("EU-IOM Joint Initiative (migrationjointinitiative.org)", PublisherKind::Iom),
    ("EU Neighbours South (EU-funded portal)", PublisherKind::EuFunded),
    ("African Union (via ReliefWeb)", PublisherKind::OtherInstitution),
    ("EuroMeSCo / European Institute of the Mediterranean", PublisherKind::OtherInstitution),
    ("Fondazione ISMU", PublisherKind::OtherInstitution),
    ("UN News", PublisherKind::OtherInstitution),
    ("Government of the Netherlands", PublisherKind::OtherInstitution),
    ("European External Action Service (EEAS), republished by denederlandsegrondwet.nl", PublisherKind::Media),
    ("EU (EEAS/Commission) text via Libya Business News", PublisherKind::Media),
    ("IOM text (report summary) reproduced on pmgzimbabwe.org", PublisherKind::Media),
    ("News Ghana (republishing IOM release)", PublisherKind::Media),
    ("Mirage News (republishing IOM release)", PublisherKind::Media),
    ("Global Diaspora News (copy of IOM release)", PublisherKind::Media),
    ("African Link Magazine (Anadolu copy of IOM statement)", PublisherKind::Media),
    ("Pulse Ghana (APO/IOM)", PublisherKind::Media),
    ("The Migrant Project", PublisherKind::Media),
    ("ActuMigrant", PublisherKind::Media),
    ("AllAfrica", PublisherKind::Media),
    ("AllAfrica (This Day)", PublisherKind::Media),
    ("AllAfrica (French)", PublisherKind::Media),
    ("Abidjan.net", PublisherKind::Media),
    ("Le Quotidien du Peuple en ligne (sn-sn.com)", PublisherKind::Media),
    ("The Standard (Gambia)", PublisherKind::Media),
    ("The Point (Gambia)", PublisherKind::Media),
    ("Associated Press of Pakistan (APP)", PublisherKind::Media),
    ("Africa Climate Reports (Xinhua copy)", PublisherKind::Media),
    ("EUobserver", PublisherKind::Media),
    ("VOA Afrique (AFP)", PublisherKind::Media),
    ("RTL Info (Belga)", PublisherKind::Media),
    ("InfoMigrants", PublisherKind::Media),
    ("Pouvoirs d'Afrique (AFP)", PublisherKind::Media),
    ("Global Times (Xinhua)", PublisherKind::Media),
    ("The Standard (Kenya) / Xinhua", PublisherKind::Media),
    ("Euronews", PublisherKind::Media),
    ("Inside Afrika News", PublisherKind::Media),
    ("News Summed Up (summary of Libya Today item)", PublisherKind::Media),
    ("DirectActu (Senegal)", PublisherKind::Media),
    ("European Commission text, republished by Sky Africa 24", PublisherKind::Media),
    ("EU humanitarian aid (DG ECHO) text via EIN Presswire", PublisherKind::Media),
    ("Equatorial Guinea News Wire (copy of IOM release)", PublisherKind::Media),
    ("Business Ghana (IOM Ghana)", PublisherKind::Media),
    ("Kapitalis (copy of IOM Tunisia communiqué)", PublisherKind::Media),
    ("Business News (Tunisia) via Turess", PublisherKind::Media),
    ("L'Économiste Maghrébin (TAP)", PublisherKind::Media),
    ("Babnet (TAP)", PublisherKind::Media),
    ("Guinée28", PublisherKind::Media),
    ("Guinée360 (dpa)", PublisherKind::Media),
    ("ANSA", PublisherKind::Media),
    ("Actuvision (RFI)", PublisherKind::Media),
    ("Arise TV", PublisherKind::Media),
    ("Independent (Nigeria)", PublisherKind::Media),
    ("Libya Herald", PublisherKind::Media),
    ("UrduPoint (Sputnik)", PublisherKind::Media),
    ("Associated Press (republished by The Local Report)", PublisherKind::Media),
    ("Particle (summary of the AP report)", PublisherKind::Media),
];

/// One documented disagreement: the figures are named by source and value.
pub(super) struct Documented {
    pub(super) id: &'static str,
    pub(super) kind: &'static str,
    pub(super) figures: &'static [(&'static str, f64)],
    pub(super) note_en: &'static str,
    pub(super) note_fr: &'static str,
}

/// The contradictions and inconsistencies the research documents, paraphrased.
pub(super) const DISAGREEMENTS: &[Documented] = &[
    Documented {
        id: "ji-launch-budget",
        kind: "contradiction",
        figures: &[
            ("iom-2016-12-15-launch", 100e6),
            ("ec-factsheet-2017-12-15-one-year", 140e6),
            ("eutf-2018-02-05-one-year-on", 140e6),
            ("europarl-2018-05-15-answer-e001084", 140e6),
        ],
        note_en: "Joint Initiative launch budget: IOM announced EUR 100 million in December 2016; the Commission gives an indicative budget of EUR 140 million.",
        note_fr: "Budget de lancement de l’Initiative conjointe : l’OIM annonce 100 millions d’euros en décembre 2016 ; la Commission indique un budget indicatif de 140 millions d’euros.",
    },
    Documented {
        // Contradiction 2 of the research, resolved in its revision of 2026-12-07: the
        // Commission's full text shows the EUR 115 million inside the "over EUR 150 million".
        id: "task-force-package-2018",
        kind: "scope_differs",
        figures: &[
            ("dgnear-2018-02-26-eutf-150m", 150e6),
            ("allafrica-2018-03-06-taskforce-15000", 115e6),
            ("skyafrica24-2018-02-27-commission-taskforce-package", 150e6),
            ("skyafrica24-2018-02-27-commission-taskforce-package", 115e6),
        ],
        note_en: "EU package after the AU-EU-UN Task Force (February 2018): the EUR 115 million for Libya is one of the programmes inside the \"over EUR 150 million\" package, as the Commission's full text shows. Nested figures, not rival ones: never add them.",
        note_fr: "Enveloppe de l’UE après la task force UA-UE-ONU (février 2018) : les 115 millions d’euros pour la Libye sont l’un des programmes compris dans l’enveloppe de « plus de 150 millions d’euros », comme le montre le texte complet de la Commission. Des montants emboîtés, non concurrents : ne jamais les additionner.",
    },
    Documented {
        id: "libya-returns-2018",
        kind: "contradiction",
        figures: &[("infomigrants-2019-libya-2018-total", 16_753.0), ("pouvoirsafrique-2019-02-25-libya-40000", 17_500.0)],
        note_en: "Returns from Libya in 2018: 16,753 according to IOM's coordinator (InfoMigrants), about 17,500 according to AFP.",
        note_fr: "Retours depuis la Libye en 2018 : 16 753 selon le coordinateur de l’OIM (InfoMigrants), environ 17 500 selon l’AFP.",
    },
    Documented {
        id: "ji-libya-returns-mid-2020",
        kind: "contradiction",
        figures: &[
            ("euronews-2020-06-19-voluntary-return-investigation", 33_000.0),
            ("insideafrikanews-2020-eu-iom-81000", 50_000.0),
        ],
        note_en: "Joint Initiative returns from Libya by mid-2020: almost 33,000 according to Euronews, 50,000 according to an undated Inside Afrika News article.",
        note_fr: "Retours depuis la Libye au titre de l’Initiative conjointe mi-2020 : près de 33 000 selon Euronews, 50 000 selon un article non daté d’Inside Afrika News.",
    },
    Documented {
        id: "ji-reintegration-definitions",
        kind: "definition_change",
        figures: &[
            ("eeas-2020-10-13-eu-iom-7th-strategic-meeting", 97_000.0),
            ("storiesfromafrica-2020-12-eutf-migration-management", 100_000.0),
            ("euneighbours-2021-12-30-five-years", 92_000.0),
            ("migrantprotection-five-years-on-booklet", 103_000.0),
        ],
        note_en: "Joint Initiative reintegration figures go up and down (97,000, over 100,000, close to 92,000, over 103,000): sources mix reception, post-arrival and reintegration counts.",
        note_fr: "Les chiffres de réintégration de l’Initiative conjointe montent et descendent (97 000, plus de 100 000, près de 92 000, plus de 103 000) : les sources mêlent accueil, aide après l’arrivée et réintégration.",
    },
    Documented {
        id: "hoa-reintegration-definitions",
        kind: "definition_change",
        figures: &[("ji-hoa-impact-evaluation-2020", 11_200.0), ("africanlink-2021-03-31-hoa-four-years", 8_200.0)],
        note_en: "Horn of Africa reintegration: about 11,200 in 2020, then over 8,200 in March 2021. A change of definition, not a real fall.",
        note_fr: "Réintégration dans la Corne de l’Afrique : environ 11 200 en 2020, puis plus de 8 200 en mars 2021. Un changement de définition, pas une baisse réelle.",
    },
    Documented {
        id: "project-count-scopes",
        kind: "scope_differs",
        figures: &[
            ("iom-eu-valletta-report-summary-2015-2016", 543.0),
            ("iom-rob-eu-cooperation-around-world", 850.0),
            ("eeas-2020-10-13-eu-iom-7th-strategic-meeting", 535.0),
        ],
        note_en: "Project counts cover different scopes: 543 (2015–2016, EU and Member States), about 850 (2015–2017, EU), 535 (2015–2019, Commission and IOM only).",
        note_fr: "Les nombres de projets couvrent des périmètres différents : 543 (2015-2016, UE et États membres), environ 850 (2015-2017, UE), 535 (2015-2019, Commission et OIM seulement).",
    },
    Documented {
        id: "ninth-year-wording",
        kind: "contradiction",
        figures: &[("newsghana-2022-10-08-9th-strategic-meeting", 9.0), ("eeas-2020-10-13-eu-iom-7th-strategic-meeting", 2012.0)],
        note_en: "The 2022 release calls the framework \"in its ninth year\", but it dates from July 2012; the phrase most likely refers to the ninth meeting.",
        note_fr: "Le communiqué de 2022 dit le cadre « dans sa neuvième année », alors qu’il date de juillet 2012 ; la formule vise sans doute la neuvième réunion.",
    },
    Documented {
        id: "libya-vhr-start",
        kind: "imprecision",
        figures: &[("iom-2017-11-guinea-243-vhr-13530", 13_530.0), ("pouvoirsafrique-2019-02-25-libya-40000", 40_000.0)],
        note_en: "Libya voluntary humanitarian return is said to run \"since March 2015\" (IOM, 2017) or \"since 2015\" elsewhere: consistent, only less precise.",
        note_fr: "Le retour humanitaire volontaire depuis la Libye est dit « depuis mars 2015 » (OIM, 2017) ou « depuis 2015 » ailleurs : c’est cohérent, seulement moins précis.",
    },
    Documented {
        id: "libya-returns-2016",
        kind: "contradiction",
        figures: &[("libya-iom-vhr-page-2017", 2_777.0), ("un-news-2017-12-libya-vhr-15000", 2_775.0)],
        note_en: "Returns from Libya in 2016: 2,777 on IOM Libya's page, 2,775 according to UN News (December 2017). The cause is not stated.",
        note_fr: "Retours depuis la Libye en 2016 : 2 777 selon la page de l’OIM Libye, 2 775 selon ONU Info (décembre 2017). La cause n’est pas indiquée.",
    },
    Documented {
        id: "hoa-ji-returns-ethiopia",
        kind: "contradiction",
        figures: &[("iom-ehoa-2023-04-25-ji-concludes-ethiopia", 11_000.0), ("iom-ehoa-ji-ends-six-years", 9_663.0)],
        note_en: "Joint Initiative returns in the Horn of Africa: close to 11,000 Ethiopians alone (IOM's closing release, about April 2023), more than the over 9,663 IOM gives for the whole Horn window. The cause is not stated; the scopes may differ.",
        note_fr: "Retours de l’Initiative conjointe dans la Corne de l’Afrique : près de 11 000 Éthiopiens à eux seuls (communiqué de clôture de l’OIM, vers avril 2023), plus que les plus de 9 663 que l’OIM donne pour tout le volet Corne. La cause n’est pas indiquée ; les périmètres diffèrent peut-être.",
    },
    Documented {
        id: "tunisia-returns-2023",
        kind: "contradiction",
        figures: &[("ansa-2024-01-19-tunisia-mprr-na-2557", 2_557.0), ("leconomistemaghrebin-2024-01-19-tunisia-2257", 2_257.0)],
        note_en: "Returns from Tunisia in 2023 under MPRR-NA: 2,557 (ANSA, Kapitalis) or 2,257 (TAP) for the same IOM communiqué. Both add +45% on 2022, which cannot settle it; 2,557 is the majority reading.",
        note_fr: "Retours depuis la Tunisie en 2023 au titre du MPRR-NA : 2 557 (ANSA, Kapitalis) ou 2 257 (TAP) pour le même communiqué de l’OIM. Tous deux ajoutent +45 % par rapport à 2022, ce qui ne permet pas de trancher ; 2 557 est la lecture majoritaire.",
    },
    Documented {
        id: "ghana-printed-inconsistencies",
        kind: "contradiction",
        figures: &[("businessghana-2024-02-ghana-5143", 5_143.0), ("ji-2022-11-30-ghana-765", 765.0)],
        note_en: "Ghana's figures are inconsistent as printed: 5,143 returned since 2017 next to a split by sex that does not add up to it; 765 returned in 2022 next to 833 in the page's address and text.",
        note_fr: "Les chiffres du Ghana sont incohérents tels que publiés : 5 143 retours depuis 2017, à côté d’une répartition par sexe dont la somme diffère ; 765 retours en 2022, à côté de 833 dans l’adresse et le texte de la page.",
    },
    Documented {
        id: "niger-returns-2018",
        kind: "scope_differs",
        figures: &[("iom-2019-10-niger-avrr-40000", 16_000.0), ("iom-2018-08-niger-avr-surpasses-2017", 10_000.0)],
        note_en: "Returns from Niger in 2018: about 16,000 for the whole year (IOM, October 2019) updates the more than 10,000 of January–July. A UN Special Rapporteur gives 14,977 returns of non-Nigeriens, a narrower scope not recorded here. The 2019 release, as stored, names no funder.",
        note_fr: "Retours depuis le Niger en 2018 : environ 16 000 pour l’année entière (OIM, octobre 2019) actualisent les plus de 10 000 de janvier à juillet. Un rapporteur spécial de l’ONU donne 14 977 retours de non-Nigériens, un périmètre plus étroit non repris ici. Le communiqué de 2019, tel que conservé, ne nomme aucun bailleur.",
    },
    Documented {
        id: "programme-wide-totals-after-2022",
        kind: "scope_differs",
        figures: &[
            ("ap-2025-11-takeaways-thelocalreport", 100_000.0),
            ("migrantprotection-five-years-on-booklet", 114_000.0),
            ("globaldiasporanews-2025-06-12-libya-100000", 100_000.0),
        ],
        note_en: "The AP's more than 100,000 returns (2022–2025, North Africa and Niger) is a different series: it covers the MPRR-SSA and MPRR-NA years and overlaps neither the Joint Initiative's about 114,000 (to 2022) nor Libya's voluntary humanitarian return totals cleanly. Never add it to either.",
        note_fr: "Les plus de 100 000 retours de l’AP (2022–2025, Afrique du Nord et Niger) forment une autre série : ils couvrent les années du MPRR-SSA et du MPRR-NA et ne recoupent proprement ni les quelque 114 000 de l’Initiative conjointe (jusqu’en 2022) ni les totaux du retour humanitaire volontaire depuis la Libye. Ne jamais les additionner.",
    },
    Documented {
        id: "same-figure-two-pages",
        kind: "imprecision",
        figures: &[
            ("iom-mena-2024-05-21-libya-80000", 80_000.0),
            ("standardmedia-2024-05-22-libya-80000", 80_000.0),
            ("iom-2018-08-niger-avr-surpasses-2017", 10_000.0),
            ("themigrantproject-2018-08-niger-avr", 10_000.0),
            ("iom-2018-08-niger-avr-surpasses-2017", 8_000.0),
            ("themigrantproject-2018-08-niger-avr", 8_000.0),
            ("themigrantproject-2018-08-niger-avr", 7_000.0),
            ("iom-2019-10-niger-avrr-40000", 7_000.0),
        ],
        note_en: "The same figure from two pages, an IOM release and a copy: Libya's 80,000 returns (May 2024); Niger's more than 10,000 returns and more than 8,000 rescues in 2018; Niger's about 7,000 returns in 2017. Count each once, never add them.",
        note_fr: "Le même chiffre sur deux pages, un communiqué de l’OIM et une copie : les 80 000 retours depuis la Libye (mai 2024) ; plus de 10 000 retours et plus de 8 000 sauvetages au Niger en 2018 ; environ 7 000 retours depuis le Niger en 2017. Compter chacun une fois, sans jamais les additionner.",
    },
];
