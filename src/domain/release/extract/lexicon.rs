//! The reader's word lists, French and English: abbreviations, months, ordinals, scales,
//! references, measures, hedges, boilerplate, and the nouns, verbs and phrases that name a metric
//! or date a figure. Every word the reader recognises is here, so a new wording is one new entry.

use crate::domain::dataset::model::{Metric, Qualifier};

// Sentences.

/// Words that end with a full stop without ending a sentence.
pub(super) const ABBREVIATIONS: &[&str] = &[
    "mme", "mmes", "mlle", "mr", "mrs", "ms", "dr", "st", "prof", "no", "nos", "art", "p", "pp", "vs", "cf", "env", "approx", "ca", "fig",
    "vol", "jr", "sr", "mgr", "dept", "eg", "ie", "resp",
];

// Numbers, dates and the words in front of them.

pub(super) const MONTHS: &[(&str, u8)] = &[
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Words between two days of one month ("les 20 et 26 août", "du 20 au 26 août").
pub(super) const DAY_JOINS: &[&str] = &["et", "and", "au", "to"];

pub(super) fn month_number(word: &str) -> Option<u8> {
    MONTHS.iter().find(|(name, _)| *name == word).map(|(_, month)| *month)
}

/// Ordinals written as words. "premier", "first" and "second" are left out: they are too
/// often not about counting meetings ("Premier ministre", "first time", "a second").
pub(super) const ORDINAL_WORDS: &[(&str, u32)] = &[
    ("deuxième", 2),
    ("troisième", 3),
    ("quatrième", 4),
    ("cinquième", 5),
    ("sixième", 6),
    ("septième", 7),
    ("huitième", 8),
    ("neuvième", 9),
    ("dixième", 10),
    ("onzième", 11),
    ("douzième", 12),
    ("treizième", 13),
    ("quatorzième", 14),
    ("quinzième", 15),
    ("vingtième", 20),
    ("deuxieme", 2),
    ("troisieme", 3),
    ("quatrieme", 4),
    ("cinquieme", 5),
    ("sixieme", 6),
    ("septieme", 7),
    ("huitieme", 8),
    ("neuvieme", 9),
    ("dixieme", 10),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("twentieth", 20),
];

/// Letters that make a number an ordinal ("7e", "7ème", "1er", "7th").
pub(super) const ORDINAL_SUFFIXES: &[&str] = &["e", "è", "ème", "eme", "er", "re", "ère", "ere", "th", "st", "nd", "rd", "ᵉ", "ᵉʳ"];

/// Scale words and their power of ten.
pub(super) const SCALES: &[(&str, u32)] = &[
    ("million", 6),
    ("millions", 6),
    ("mio", 6),
    ("mn", 6),
    ("milliard", 9),
    ("milliards", 9),
    ("mrd", 9),
    ("billion", 9),
    ("billions", 9),
    ("bn", 9),
    ("thousand", 3),
];

pub(super) fn scale_of(word: &str) -> Option<u32> {
    SCALES.iter().find(|(name, _)| *name == word).map(|(_, power)| *power)
}

/// Numbers written as words, French and English, up to nineteen and the tens. A run of them
/// ("two hundred and fifty", "quatre-vingt-dix", "deux cent mille") is read with
/// [`NumberWord`]s; a run worth less than twenty with no "hundred", "thousand" or scale word in it
/// is not a count ("the two organisations", "un migrant").
pub(super) const NUMBER_WORDS: &[(&str, u64)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("un", 1),
    ("une", 1),
    ("deux", 2),
    ("trois", 3),
    ("quatre", 4),
    ("cinq", 5),
    ("six", 6),
    ("sept", 7),
    ("huit", 8),
    ("neuf", 9),
    ("dix", 10),
    ("onze", 11),
    ("douze", 12),
    ("treize", 13),
    ("quatorze", 14),
    ("quinze", 15),
    ("seize", 16),
    ("vingt", 20),
    ("vingts", 20),
    ("trente", 30),
    ("quarante", 40),
    ("cinquante", 50),
    ("soixante", 60),
];

/// What a word of a number written in words does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NumberWord {
    /// A unit or a ten, added ("twenty", "cinq").
    Add(u64),
    /// "hundred", "cent": multiplies what comes before it in the group.
    Hundred,
    /// "thousand", "mille": closes a group of thousands.
    Thousand,
    /// "million", "milliard", "billion": multiplies everything before it.
    Scale(u32),
}

pub(super) fn number_word(word: &str) -> Option<NumberWord> {
    match word {
        "hundred" | "cent" | "cents" => Some(NumberWord::Hundred),
        "thousand" | "mille" => Some(NumberWord::Thousand),
        _ => NUMBER_WORDS
            .iter()
            .find(|(name, _)| *name == word)
            .map(|(_, n)| NumberWord::Add(*n))
            .or_else(|| scale_of(word).filter(|power| *power >= 6).map(NumberWord::Scale)),
    }
}

/// Words that join the words of a number ("two hundred and fifty", "vingt et un").
pub(super) const NUMBER_JOINS: &[&str] = &["and", "et"];

/// Vague quantities in words, with the order of magnitude they give: context, never figures.
pub(super) const VAGUE_QUANTITIES: &[(&str, f64)] = &[
    ("dozen", 12.0),
    ("dozens", 12.0),
    ("douzaine", 12.0),
    ("douzaines", 12.0),
    ("dizaine", 10.0),
    ("dizaines", 10.0),
    ("centaine", 100.0),
    ("centaines", 100.0),
    ("hundreds", 100.0),
    ("millier", 1_000.0),
    ("milliers", 1_000.0),
    ("thousands", 1_000.0),
    ("millions", 1_000_000.0),
    ("milliards", 1_000_000_000.0),
    ("billions", 1_000_000_000.0),
];

/// Codes of currencies other than the euro, written before or after an amount ("USD 380",
/// "5 MD" for millions of dinars, "2 000 TND"): such an amount is never funding in euros.
pub(super) const OTHER_CURRENCY_CODES: &[&str] =
    &["usd", "chf", "gbp", "tnd", "dt", "md", "mdt", "xof", "xaf", "fcfa", "cfa", "mru", "ngn", "ghs", "gmd", "mad", "dzd", "egp", "lyd"];

/// Names of currencies other than the euro, after an amount ("380 millions de dollars").
pub(super) const OTHER_CURRENCY_NAMES: &[&str] = &[
    "dollar", "dollars", "francs", "livres", "pounds", "dinar", "dinars", "naira", "nairas", "cedi", "cedis", "dalasi", "dalasis",
    "ouguiya", "ouguiyas", "dirham", "dirhams", "yen", "yuan", "rand", "shillings",
];

/// Words between an amount and its currency that do not stop the currency being read ("380
/// millions de dollars", "380 million US dollars").
pub(super) const CURRENCY_FILLERS: &[&str] = &["d", "de", "us", "american", "américains"];

/// Scale letters written onto an amount of money ("€140m", "EUR 2bn").
pub(super) const MONEY_SUFFIXES: &[(&str, u32)] = &[("m", 6), ("mn", 6), ("bn", 9), ("b", 9), ("k", 3)];

/// Words after which a number is a reference, not a quantity ("Article 7", "Rue de la Loi 200").
pub(super) const REFERENCE_WORDS: &[&str] = &[
    "article", "articles", "art", "paragraphe", "paragraph", "paragraphs", "para", "alinéa", "section", "chapitre", "chapter", "annexe",
    "annex", "point", "points", "no", "nos", "numéro", "numero", "number", "page", "pages", "p", "pp", "règlement", "regulation",
    "directive", "décision", "decision", "com", "swd", "ip", "memo", "case", "affaire", "résolution", "resolution", "loi", "box", "boîte",
    "bp", "cs", "cedex", "table", "tableau", "figure", "graphique", "chart", "rue", "avenue", "av", "bd", "boulevard", "street", "road",
    "floor", "étage", "room", "salle", "bureau", "office", "version", "goal", "target", "objectif", "odd", "sdg", "tel", "tél", "fax",
];

/// Words that announce a phone number.
pub(super) const PHONE_WORDS: &[&str] = &["tel", "tél", "phone", "telephone", "téléphone", "fax", "gsm", "mobile", "mob"];

/// Units of time and measure: "3 ans", "48 hours" are not counts.
pub(super) const MEASURES: &[&str] = &[
    "an", "ans", "année", "années", "mois", "jour", "jours", "semaine", "semaines", "heure", "heures", "minute", "minutes", "year",
    "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "km", "kilomètres", "kilometres", "kilometers", "miles",
    "kg", "tonnes", "tons", "fois", "times", "mètres", "metres", "meters", "ha", "hectares", "degrés", "degrees", "h", "ml", "litres",
    "liters",
];

/// Nouns that make a four-digit number a count rather than a year ("2000 migrants").
pub(super) const COUNT_NOUNS: &[&str] = &[
    "migrants", "migrant", "personnes", "people", "persons", "projets", "projects", "pays", "countries", "returnees", "rapatriés",
    "enfants", "children", "femmes", "women", "partenaires", "partners", "bénéficiaires", "beneficiaries", "familles", "families",
    "jeunes", "victimes", "victims", "réfugiés", "refugees", "ménages", "households", "communautés", "communities", "organisations",
    "organizations",
];

/// Qualifier phrases, in reading order, with what they mean.
pub(super) const HEDGES: &[(&[&str], Hedge)] = &[
    (&["plus", "de"], Hedge::Is(Qualifier::MoreThan)),
    (&["plus", "d"], Hedge::Is(Qualifier::MoreThan)),
    (&["more", "than"], Hedge::Is(Qualifier::MoreThan)),
    (&["over"], Hedge::Is(Qualifier::MoreThan)),
    (&["above"], Hedge::Is(Qualifier::MoreThan)),
    (&["au-delà", "de"], Hedge::Is(Qualifier::MoreThan)),
    (&["in", "excess", "of"], Hedge::Is(Qualifier::MoreThan)),
    (&["upwards", "of"], Hedge::Is(Qualifier::MoreThan)),
    (&["exceeding"], Hedge::Is(Qualifier::MoreThan)),
    (&["pas", "moins", "de"], Hedge::Is(Qualifier::MoreThan)),
    (&["no", "fewer", "than"], Hedge::Is(Qualifier::MoreThan)),
    (&["no", "less", "than"], Hedge::Is(Qualifier::MoreThan)),
    (&["at", "least"], Hedge::Is(Qualifier::MoreThan)),
    (&["au", "moins"], Hedge::Is(Qualifier::MoreThan)),
    (&["environ"], Hedge::Is(Qualifier::About)),
    (&["about"], Hedge::Is(Qualifier::About)),
    (&["around"], Hedge::Is(Qualifier::About)),
    (&["approximately"], Hedge::Is(Qualifier::About)),
    (&["approx"], Hedge::Is(Qualifier::About)),
    (&["roughly"], Hedge::Is(Qualifier::About)),
    (&["some"], Hedge::Is(Qualifier::About)),
    (&["quelque"], Hedge::Is(Qualifier::About)),
    (&["approximativement"], Hedge::Is(Qualifier::About)),
    (&["circa"], Hedge::Is(Qualifier::About)),
    (&["estimated"], Hedge::Is(Qualifier::About)),
    (&["an", "estimated"], Hedge::Is(Qualifier::About)),
    (&["estimé", "à"], Hedge::Is(Qualifier::About)),
    (&["ordre", "de"], Hedge::Is(Qualifier::About)),
    (&["près", "de"], Hedge::Is(Qualifier::Almost)),
    (&["près", "d"], Hedge::Is(Qualifier::Almost)),
    (&["presque"], Hedge::Is(Qualifier::Almost)),
    (&["quasiment"], Hedge::Is(Qualifier::Almost)),
    (&["pratiquement"], Hedge::Is(Qualifier::Almost)),
    (&["almost"], Hedge::Is(Qualifier::Almost)),
    (&["nearly"], Hedge::Is(Qualifier::Almost)),
    (&["close", "to"], Hedge::Is(Qualifier::Almost)),
    (&["just", "under"], Hedge::Is(Qualifier::Almost)),
    (&["just", "below"], Hedge::Is(Qualifier::Almost)),
    (&["un", "peu", "moins", "de"], Hedge::Is(Qualifier::Almost)),
    (&["up", "to"], Hedge::Caution(Caution::UpTo)),
    (&["jusqu", "à"], Hedge::Caution(Caution::UpTo)),
    (&["jusqu", "a"], Hedge::Caution(Caution::UpTo)),
    (&["moins", "de"], Hedge::Caution(Caution::LessThan)),
    (&["moins", "d"], Hedge::Caution(Caution::LessThan)),
    (&["less", "than"], Hedge::Caution(Caution::LessThan)),
    (&["fewer", "than"], Hedge::Caution(Caution::LessThan)),
    (&["under"], Hedge::Caution(Caution::LessThan)),
    (&["below"], Hedge::Caution(Caution::LessThan)),
];

#[derive(Debug, Clone, Copy)]
pub(super) enum Hedge {
    Is(Qualifier),
    Caution(Caution),
}

/// A hedge that has no qualifier of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Caution {
    UpTo,
    LessThan,
}

// The release's own facts.

/// Labels in front of a release's identifier (`UNIQUE ID: 201013_8`, `Reference: IP/21/123`).
pub(super) const ID_LABELS: &[&str] = &["unique id", "reference", "référence", "ref."];

/// Of those, the labels that belong to the reference as the release writes it: the EEAS's
/// `UNIQUE ID: 201013_8` (a bare `201013_8` says nothing), unlike `Reference:` before `IP/21/123`.
pub(super) const ID_LABELS_KEPT: &[&str] = &["unique id"];

/// The commonest short words of French and of English, which tell the release's language.
pub(super) const FRENCH_WORDS: &[&str] = &["le", "la", "les", "des", "du", "et", "est", "une", "pour", "dans", "sur", "avec", "aux", "ont"];
pub(super) const ENGLISH_WORDS: &[&str] = &["the", "and", "of", "to", "is", "with", "for", "has", "have", "by", "on", "were", "was"];

/// Site names and section labels that are never a release's title.
pub(super) const BOILERPLATE: &[&str] = &[
    "press release",
    "press releases",
    "communiqué de presse",
    "communiqués de presse",
    "european union external action",
    "news",
    "actualités",
    "languages:",
    "news release",
    "statement",
    "déclaration",
];

// What a number counts and when.

/// Keywords of the people metrics, in priority order: when a clause names several (the 97 000
/// "de retour" who got "réintégration"), the first listed wins.
pub(super) const PEOPLE_METRICS: &[(Metric, &[&str])] = &[
    (Metric::MigrantsReintegration, &["réintégr", "reintegr", "réinsertion", "reinsertion", "accueil", "reception", "réception"]),
    (Metric::MigrantsRescued, &["secour", "sauvetage", "sauvé", "rescu", "saved"]),
    // People carried on flights or charters were returned ("1.096 personnes ont été soutenues
    // grâce à trois vols charters"); "regagner leur pays" is to return.
    (Metric::MigrantsReturned, &["rentr", "retour", "return", "rapatri", "repatri", "regagn", "vols", "charter", "flight"]),
    (
        Metric::MigrantsProtectedAssisted,
        &["protection", "protég", "protect", "assist", "aidé", "helped", "soutenu", "supported", "hébergé", "sheltered"],
    ),
];

/// Names of programmes whose words would otherwise name a metric ("… for Migrant Protection and
/// Reintegration"), normalised (lower case, one kind of dash and apostrophe). They are masked before
/// a figure's metric is chosen, so that only what happened to the people decides it. Longer
/// names first, so that the longest one at a place is masked.
pub(super) const PROGRAMME_NAMES: &[&str] = &[
    "eu-iom joint initiative for migrant protection and reintegration",
    "joint initiative for migrant protection and reintegration",
    "initiative conjointe ue-oim pour la protection et la réintégration des migrants",
    "initiative conjointe pour la protection et la réintégration des migrants",
    "facility on sustainable and dignified return and reintegration",
    "migrant protection, return and reintegration programme",
    "migrant protection, return and reintegration",
    "programme de protection, de retour et de réintégration des migrants",
    "programme de protection, retour et réintégration des migrants",
    "protection, retour et réintégration des migrants",
    "aide au retour volontaire et à la réintégration",
    "assistance au retour volontaire et à la réintégration",
    "assisted voluntary return and reintegration",
];

pub(super) const COUNTRY_NOUNS: &[&str] = &["pays", "country", "countries"];

pub(super) const PROJECT_NOUNS: &[&str] = &["projet", "projets", "project", "projects"];

/// Organisations are partners only when the text says so ("30 partner organisations", "30
/// organisations partenaires"): "30 civil society organisations" met at an event are not.
pub(super) const PARTNER_NOUNS: &[&str] = &["partenaire", "partenaires", "partner", "partners", "ong", "ngo", "ngos"];

/// Words in a number's clause that make it an aim, not a result ("aims to reach 20,000",
/// "l’objectif est d’atteindre 150 000", "vise à accompagner 10 000"). Whole words only:
/// "targeted assistance" is a result.
pub(super) const TARGET_WORDS: &[&str] = &[
    "aim", "aims", "aiming", "target", "targets", "goal", "goals", "objective", "objectives", "ambition", "objectif", "objectifs", "vise",
    "visent", "viser", "visant", "ambitionne", "ambitionnent", "prévoit", "prévoient", "plans", "planned",
];

/// Words that join a number to a target before it in the same sentence ("prévoit de faciliter le
/// retour de 21 187 migrants, ainsi que la réintégration de 18 420"): it is a target too.
pub(super) const TARGET_JOINS: &[&[&str]] = &[&["ainsi", "que"], &["as", "well", "as"], &["de", "même", "que"], &["et"], &["and"]];

pub(super) const HUMANITARIAN: &[&str] = &["humanitai"];

/// Nouns of things counted in releases: "412 charter flights" is not a number of migrants.
pub(super) const THINGS: &[&str] = &[
    "charter", "charters", "flights", "flight", "vols", "vol", "centres", "centers", "centre", "center", "sessions", "workshops",
    "ateliers", "trainings", "formations", "kits", "meals", "repas", "vehicles", "véhicules", "ambulances", "buses", "bus", "boats",
    "bateaux", "missions", "campaigns", "campagnes", "meetings", "réunions", "events", "événements", "cases", "cas", "beds", "lits",
    "shelters", "abris", "offices", "bureaux", "municipalities", "communes", "villages", "districts", "regions", "régions", "provinces",
    "sites", "schools", "écoles", "hospitals", "hôpitaux", "items", "documents", "reports", "rapports", "studies", "études", "demandes",
    "requests", "applications", "dossiers", "opérations", "operations",
];

/// Nouns of people right after a number ("6.500 migrants", "150 ressortissants"): when its clause
/// says nothing of what happened to them, the sentence before may ("… d’autres retours facilités.
/// Au total, plus de 6.500 migrants ont pu bénéficier de ce dispositif").
pub(super) const PEOPLE_NOUNS: &[&str] =
    &["migrants", "migrant", "personnes", "people", "persons", "ressortissants", "nationals", "returnees", "individuals", "individus"];

/// Words that open a list of the parts of a figure just given ("268 migrants, dont 159 le 20
/// août"): a part is not a figure of its own.
pub(super) const BREAKDOWN_WORDS: &[&[&str]] =
    &[&["dont"], &["including"], &["of", "whom"], &["of", "which"], &["among", "them"], &["parmi", "lesquels"], &["parmi", "lesquelles"]];

/// Words that compare a number with the one before it, which then gives it its metric.
pub(super) const COMPARISONS: &[&[&str]] = &[
    &["contre"],
    &["compared", "with"],
    &["compared", "to"],
    &["against"],
    &["up", "from"],
    &["down", "from"],
    &["vs"],
    &["versus"],
    &["rapport", "à"],
    &["comparé", "à"],
    &["a", "further"],
    &["another"],
];

/// Phrases that date a running total from a launch without giving the date.
pub(super) const LAUNCH_PHRASES: &[&str] = &[
    "depuis le lancement",
    "depuis son lancement",
    "depuis sa création",
    "depuis le début",
    "depuis sa mise en place",
    "depuis le démarrage",
    "since the launch",
    "since its launch",
    "since the start",
    "since its start",
    "since its creation",
    "since its inception",
    "since the beginning",
    "since it began",
    "since it was launched",
    "since it started",
];

/// Phrases that start a running total on the first of January ("depuis le début de l’année
/// 2025", "since the start of the year"): of the year that follows them, else the release's.
pub(super) const YEAR_START_PHRASES: &[&str] = &[
    "depuis le début de l'année",
    "depuis le début de cette année",
    "depuis début",
    "since the start of the year",
    "since the beginning of the year",
    "since the start of this year",
    "since the beginning of this year",
    "so far this year",
    "cette année",
    "this year",
];

/// Verbs and nouns that make "en 2016" an event rather than the period of a figure.
pub(super) const EVENT_WORDS: &[&str] = &[
    "lancé", "lancée", "lancés", "lancées", "launched", "créé", "créée", "created", "établi", "établie", "established", "founded", "fondé",
    "fondée", "signed", "signé", "signée", "adopted", "adopté", "adoptée", "started", "began", "commencé", "up", "launch", "lancement",
    "création", "creation", "inception", "start", "début",
];
