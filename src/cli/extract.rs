//! `eu-iom-data extract`: reads a press release (plain text) and prints what
//! [`crate::domain::release::extract`] proposes, either as the full extraction (JSON) or, with
//! `--reviewable`, as a skeleton of the reviewed file that `eu-iom-data add` merges.
//!
//! The skeleton is the release as a source plus one figure per proposal, ids `<source-id>:<n>`,
//! each with the sentence it was read from under `_evidence`. What the text cannot tell (the
//! address, the publisher, the programme, an English description) is left as a `TODO: ...`
//! placeholder, and `add` refuses the file until a person has replaced every one.

use std::path::Path;

use crate::cli::{read, Outcome};
use crate::domain::release::extract::extract;
use crate::domain::release::review::skeleton;

/// `extract <release.txt> [--reviewable] [--source-id ID] [--url URL]`.
///
/// # Errors
/// A message when the release cannot be read or the JSON cannot be written.
pub fn run(release: &Path, reviewable: bool, source_id: Option<&str>, url: Option<&str>) -> Result<Outcome, String> {
    let extraction = extract(&read(release)?);
    let json = if reviewable {
        let skeleton = skeleton(&extraction, source_id, url);
        serde_json::to_string_pretty(&skeleton)
    } else {
        serde_json::to_string_pretty(&extraction)
    };
    let mut output = json.map_err(|e| format!("cannot write JSON: {e}"))?;
    output.push('\n');
    Ok(Outcome { output, success: true })
}
