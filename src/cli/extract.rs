//! `eu-iom-data extract`: reads a press release (plain text) and prints what
//! [`crate::domain::release::extract`] proposes, either as the full extraction (JSON) or, with
//! `--reviewable`, as a skeleton of the reviewed file that `eu-iom-data add` merges.
//!
//! The skeleton is the release as a source plus one figure per proposal, ids `<source-id>:<n>`,
//! each with the sentence it was read from under `_evidence`. What the text cannot tell (the
//! address, the publisher, the programme, an English description) is left as a `TODO: ...`
//! placeholder, and `add` refuses the file until a person has replaced every one.

use std::path::Path;

use crate::cli::{option, read, Outcome, USAGE};
use crate::domain::release::extract::extract;
use crate::domain::release::review::skeleton;

/// `extract <release.txt> [--reviewable] [--source-id ID] [--url URL]`.
///
/// # Errors
/// A message when the arguments are wrong or the release cannot be read.
pub fn run(args: &[String]) -> Result<Outcome, String> {
    let mut path = None;
    let mut reviewable = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--reviewable" => reviewable = true,
            "--source-id" | "--url" => {
                rest.next().ok_or_else(|| format!("{arg} needs a value\n\n{USAGE}"))?;
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}\n\n{USAGE}")),
            file if path.is_none() => path = Some(file),
            _ => return Err(USAGE.into()),
        }
    }
    let path = path.ok_or_else(|| USAGE.to_string())?;
    let extraction = extract(&read(Path::new(path))?);
    let json = if reviewable {
        let skeleton = skeleton(&extraction, option(args, "--source-id"), option(args, "--url"));
        serde_json::to_string_pretty(&skeleton)
    } else {
        serde_json::to_string_pretty(&extraction)
    };
    let mut output = json.map_err(|e| format!("cannot write JSON: {e}"))?;
    output.push('\n');
    Ok(Outcome { output, success: true })
}
