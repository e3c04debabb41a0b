//! What the merge of reviewed records says when it refuses them ([`AddError`]) and what the
//! staff page says about a draft (its problems, duplicates, a bad saved draft), in every
//! language; `Display` is the English the data tool prints.

use std::fmt;

use crate::domain::dataset::issue::IssueKind;
use crate::domain::dataset::load::MAX_TEXT_CHARS;
use crate::domain::dataset::raw::RawName;
use crate::domain::lang::{tr, Lang};
use crate::domain::release::add::{AddError, IdPlace, PlaceholderLeft};
use crate::domain::release::draft::{DraftError, DraftProblem, Duplicate, FieldProblem, Target};
use crate::domain::text::format::format_count;

/// A vocabulary of the dataset (programmes, regions) as `(id, name in lang)` choices.
pub fn name_choices(names: &[RawName], lang: Lang) -> Vec<(String, String)> {
    names.iter().map(|n| (n.id.clone(), tr!(lang, en: n.name_en.clone(), fr: n.name_fr.clone()))).collect()
}

impl IdPlace {
    /// Where the id is used, as a sentence ends: "the dataset".
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            IdPlace::Dataset => tr!(lang, en: "the dataset", fr: "le jeu de données"),
            IdPlace::Reviewed => tr!(lang, en: "this file", fr: "ce fichier"),
        }
    }
}

impl AddError {
    /// The message shown to the user, in `lang`, naming the record at fault.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            AddError::Dataset(detail) => tr!(lang,
                en: format!("the dataset file cannot be used: {detail}"),
                fr: format!("le fichier de données ne peut pas être utilisé : {detail}"),
            ),
            AddError::DatasetFormat(detail) => tr!(lang,
                en: format!("the dataset file cannot be used: not in the format this tool writes ({detail}); run eu-iom-data check on it"),
                fr: format!("le fichier de données ne peut pas être utilisé : il n’est pas au format de cet outil ({detail}) ; vérifiez-le avec eu-iom-data check"),
            ),
            AddError::Reviewed(detail) => tr!(lang,
                en: format!("the reviewed file is not in the expected format: {detail}"),
                fr: format!("le fichier relu n’est pas au format attendu : {detail}"),
            ),
            AddError::UnknownField { record, field } => {
                let record = record
                    .as_ref()
                    .map_or_else(|| tr!(lang, en: "the reviewed file", fr: "le fichier relu").to_string(), ToString::to_string);
                tr!(lang,
                    en: format!("{record}: unknown field \"{field}\" (misspelt?)"),
                    fr: format!("{record} : champ inconnu « {field} » (faute de frappe ?)"),
                )
            }
            AddError::Nothing => tr!(lang,
                en: "the reviewed file holds no source, figure or country".into(),
                fr: "le fichier relu ne contient aucune source, aucun chiffre ni aucun pays".into(),
            ),
            AddError::Placeholder(left) => {
                let PlaceholderLeft { record, field, value, allowed } = &**left;
                let text = tr!(lang,
                    en: format!("{record}: field {field} still holds the placeholder \"{value}\""),
                    fr: format!("{record} : le champ {field} contient encore l’indication « {value} »"),
                );
                match allowed {
                    Some(list) => tr!(lang, en: format!("{text}; one of: {list}"), fr: format!("{text} ; valeurs possibles : {list}")),
                    None => text,
                }
            }
            AddError::DuplicateId { record, id, place } => tr!(lang,
                en: format!("{record}: id \"{id}\" is already used in {}", place.name(lang)),
                fr: format!("{record} : l’identifiant « {id} » est déjà utilisé dans {}", place.name(lang)),
            ),
            AddError::DuplicateFigure { record, other } => tr!(lang,
                en: format!("{record}: repeats figure \"{other}\" (same source, metric, value, qualifier and period_end)"),
                fr: format!("{record} : répète le chiffre « {other} » (même source, indicateur, valeur, qualificatif et fin de période)"),
            ),
            AddError::CountryConflict { record } => tr!(lang,
                en: format!("{record}: the dataset already lists this country under other names"),
                fr: format!("{record} : le jeu de données liste déjà ce pays sous d’autres noms"),
            ),
            AddError::Unloadable(detail) => tr!(lang,
                en: format!("the merged dataset would not validate cleanly:\n  {detail}"),
                fr: format!("le jeu de données fusionné ne serait pas valide :\n  {detail}"),
            ),
            AddError::Invalid { problems } => {
                let mut text = tr!(lang,
                    en: "the merged dataset would not validate cleanly:".to_string(),
                    fr: "le jeu de données fusionné ne serait pas valide :".to_string(),
                );
                for problem in problems {
                    text.push_str("\n  ");
                    text.push_str(&problem.issue.message(lang));
                }
                text
            }
        }
    }
}

impl fmt::Display for AddError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl DraftProblem {
    /// The message shown next to the field.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            DraftProblem::NotANumber { found } => tr!(lang,
                en: format!("“{found}” is not a number (digits, with a point for decimals)"),
                fr: format!("« {found} » n’est pas un nombre (des chiffres, avec un point pour les décimales)"),
            ),
            DraftProblem::Refused(error) => error.message(lang),
            DraftProblem::Invalid(issue) => match issue.kind {
                // Next to the field, its name in the file format would only repeat the label.
                IssueKind::Missing | IssueKind::BadText => tr!(lang,
                    en: format!("Required, at most {} characters", format_count(MAX_TEXT_CHARS as f64, lang)),
                    fr: format!("À remplir, {} caractères au plus", format_count(MAX_TEXT_CHARS as f64, lang)),
                ),
                _ => issue.problem(lang),
            },
        }
    }
}

/// What is wrong with one field of the review, in words: each problem once (a field can stand
/// for two of the file format's, as the programme does for `programme` and `programme_id`).
pub fn field_message(problems: &[FieldProblem], target: &Target, lang: Lang) -> Option<String> {
    let mut words: Vec<String> = Vec::new();
    for message in problems.iter().filter(|p| p.at == *target).map(|p| p.problem.message(lang)) {
        if !words.contains(&message) {
            words.push(message);
        }
    }
    (!words.is_empty()).then(|| words.join(" "))
}

impl Duplicate {
    /// What the dataset already holds, in words.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Duplicate::Source { existing } => tr!(lang,
                en: format!("The dataset already has this source (same id or address): “{existing}”."),
                fr: format!("Le jeu de données contient déjà cette source (même identifiant ou adresse) : « {existing} »."),
            ),
            Duplicate::Figure { row, existing } => tr!(lang,
                en: format!("Figure {}: the dataset already has the same metric, value and date from another source (“{existing}”).", row + 1),
                fr: format!("Chiffre {} : le jeu de données contient déjà le même indicateur, la même valeur et la même date d’une autre source (« {existing} »).", row + 1),
            ),
        }
    }
}

impl DraftError {
    /// Why the saved review could not be restored.
    pub fn message(&self, lang: Lang) -> String {
        tr!(lang,
            en: format!("The review saved on this device could not be read back ({}); the page starts afresh.", self.detail),
            fr: format!("La relecture enregistrée sur cet appareil n’a pas pu être relue ({}) ; la page repart de zéro.", self.detail),
        )
    }
}
