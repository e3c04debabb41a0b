//! The site update in words, in every language: why none was made, and the `README.txt` it
//! carries, listing each file and where it goes.

use std::fmt::Write as _;

use crate::domain::lang::{tr, Lang};
use crate::domain::release::site_update::{SiteFileKind, SiteUpdateError};

impl SiteUpdateError {
    /// What went wrong and what to do, for the staff page.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SiteUpdateError::Unreadable { file, detail } => tr!(lang,
                en: format!("No site update was made: this site’s {file} could not be read ({detail}). Open the staff page from the deployed dashboard’s own address and try again."),
                fr: format!("Aucune mise à jour du site n’a été préparée : le fichier {file} de ce site n’a pas pu être lu ({detail}). Ouvrez la page du personnel à l’adresse du tableau de bord déployé et réessayez."),
            ),
            SiteUpdateError::OtherVersion { file } => tr!(lang,
                en: format!("No site update was made: this site’s {file} was built by another version of the dashboard (or not by make dist). Deploy the staff page of the same build as the dashboard, or rebuild the site with the four commands of the README."),
                fr: format!("Aucune mise à jour du site n’a été préparée : le fichier {file} de ce site a été construit par une autre version du tableau de bord (ou pas par make dist). Déployez la page du personnel de la même construction que le tableau de bord, ou reconstruisez le site avec les quatre commandes du README."),
            ),
            SiteUpdateError::Refused { file, detail } => tr!(lang,
                en: format!("No site update was made: this site’s {file} cannot be updated ({detail})."),
                fr: format!("Aucune mise à jour du site n’a été préparée : le fichier {file} de ce site ne peut pas être mis à jour ({detail})."),
            ),
            SiteUpdateError::Preview { detail } => tr!(lang,
                en: format!("No site update was made: the preview image could not be drawn ({detail})."),
                fr: format!("Aucune mise à jour du site n’a été préparée : l’image d’aperçu n’a pas pu être dessinée ({detail})."),
            ),
        }
    }
}

/// What a file of the site update is.
fn describe(kind: SiteFileKind, lang: Lang) -> &'static str {
    match kind {
        SiteFileKind::Dataset => tr!(lang, en: "the dataset, with the new release", fr: "le jeu de données, avec le nouveau communiqué"),
        SiteFileKind::Page => tr!(lang,
            en: "the page: its first view shows the new figures, with its title, description, social tags and schema.org metadata",
            fr: "la page : sa première vue montre les nouveaux chiffres, avec son titre, sa description, ses balises de partage et ses métadonnées schema.org",
        ),
        SiteFileKind::Csv => tr!(lang, en: "every figure as CSV", fr: "tous les chiffres en CSV"),
        SiteFileKind::DataPackage => {
            tr!(lang, en: "the CSV’s data package (Frictionless)", fr: "le paquet de données du CSV (Frictionless)")
        }
        SiteFileKind::Catalog => {
            tr!(lang, en: "the catalogue record for open-data portals (DCAT-AP)", fr: "la fiche de catalogue pour les portails de données ouvertes (DCAT-AP)")
        }
        SiteFileKind::Preview => tr!(lang,
            en: "the image shown when the page is shared (drawn by the browser: the same size and chart as the data tool’s, not the same pixels)",
            fr: "l’image montrée quand la page est partagée (dessinée par le navigateur : même taille et même graphique que celle de l’outil de données, pas les mêmes pixels)",
        ),
        SiteFileKind::Worker => tr!(lang,
            en: "the service worker, with a new build id: returning visitors are offered the new version",
            fr: "le service worker, avec un nouvel identifiant de construction : les visiteurs qui reviennent se voient proposer la nouvelle version",
        ),
        SiteFileKind::Gzip => {
            tr!(lang, en: "its gzip copy, for hosts that send such copies", fr: "sa copie gzip, pour les hébergements qui envoient ces copies")
        }
        SiteFileKind::Brotli => {
            tr!(lang, en: "its brotli copy, for hosts that send such copies", fr: "sa copie brotli, pour les hébergements qui envoient ces copies")
        }
    }
}

/// The `README.txt` of a site update holding the files at `paths`.
pub fn site_update_readme(paths: &[String], lang: Lang) -> String {
    let mut out = String::from(tr!(lang,
        en: "EU–IOM dashboard: site update for a new release\n\nCopy these files into the folder the site is served from, at the same paths, replacing the files there (the folder that holds index.html). Copy them all at once: they belong together. This README.txt need not be copied.\n\n",
        fr: "Tableau de bord UE–OIM : mise à jour du site pour un nouveau communiqué\n\nCopiez ces fichiers dans le dossier d’où le site est servi, aux mêmes chemins, en remplaçant les fichiers existants (le dossier qui contient index.html). Copiez-les tous ensemble : ils vont de pair. Ce README.txt n’a pas besoin d’être copié.\n\n",
    ));
    for path in paths {
        let text = describe(SiteFileKind::of(path), lang);
        // A compressed copy is named after its original, which the list holds just above.
        let _ = match path.strip_suffix(".gz").or_else(|| path.strip_suffix(".br")) {
            Some(original) => writeln!(out, "{path}\n    {original}: {text}"),
            None => writeln!(out, "{path}\n    {text}"),
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_readme_lists_each_file_with_what_it_is() {
        let paths: Vec<String> = ["data/eu-iom-figures.json", "index.html", "index.html.br", "preview.png"].map(String::from).to_vec();
        let en = site_update_readme(&paths, Lang::En);
        assert!(en.contains("index.html\n    the page: its first view shows the new figures"), "{en}");
        assert!(en.contains("index.html.br\n    index.html: its brotli copy"), "{en}");
        assert!(en.contains("preview.png\n    the image shown when the page is shared (drawn by the browser"), "{en}");
        let fr = site_update_readme(&paths, Lang::Fr);
        assert!(fr.contains("data/eu-iom-figures.json\n    le jeu de données, avec le nouveau communiqué"), "{fr}");
        assert!(fr.starts_with("Tableau de bord UE–OIM"), "{fr}");
    }
}
