//! `eu-iom-data add`: reads the dataset file and a reviewed file, merges them with
//! [`crate::domain::release::add`] (the code the staff page runs too) and writes the merged
//! dataset beside the file and renames it over, only when every new record is clean.

use std::path::{Path, PathBuf};

use crate::cli::{read, Outcome};
use crate::domain::release::add::{merge, read_reviewed, AddError, Merged};

/// `add <dataset.json> <reviewed.json>`.
///
/// # Errors
/// A message when a file cannot be read or written; refusals are an unsuccessful [`Outcome`]
/// (exit status 1) with the reason, and the dataset file is untouched.
pub fn run(dataset: &Path, reviewed: &Path) -> Result<Outcome, String> {
    let dataset_text = read(dataset)?;
    let reviewed_text = read(reviewed)?;
    let merged = match read_reviewed(&reviewed_text).and_then(|records| merge(&dataset_text, &records)) {
        Ok(merged) => merged,
        Err(error) => return Ok(refused(dataset, reviewed, &error)),
    };
    // Write beside the file and rename, so that a failed write never leaves half a dataset.
    let mut temporary = dataset.as_os_str().to_owned();
    temporary.push(".adding");
    let temporary = PathBuf::from(temporary);
    std::fs::write(&temporary, &merged.text).map_err(|e| format!("cannot write {}: {e}", temporary.display()))?;
    if let Err(error) = std::fs::rename(&temporary, dataset) {
        let _ = std::fs::remove_file(&temporary);
        return Err(format!("cannot replace {}: {error}", dataset.display()));
    }
    Ok(added(dataset, &merged))
}

fn refused(dataset: &Path, reviewed: &Path, error: &AddError) -> Outcome {
    Outcome { output: format!("{}: refused, {} left unchanged: {error}\n", reviewed.display(), dataset.display()), success: false }
}

fn added(dataset: &Path, merged: &Merged) -> Outcome {
    Outcome {
        output: format!(
            "added {} sources, {} figures and {} countries to {} (now {} sources, {} figures)\n",
            merged.sources,
            merged.figures,
            merged.countries,
            dataset.display(),
            merged.total_sources,
            merged.total_figures
        ),
        success: true,
    }
}
