//! Local files the user picks or drops on the page, read as text in the browser (nothing is
//! uploaded anywhere).

use gloo::file::File;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, Event, HtmlInputElement};

use crate::domain::dataset::issue::LoadError;
use crate::domain::dataset::load::DATASET_FILE;

/// A file chosen by the user.
pub struct PickedFile {
    file: File,
}

impl PickedFile {
    /// Its name, as on the user's computer.
    pub fn name(&self) -> String {
        self.file.name()
    }
}

/// The file chosen in an `<input type="file">`, from its `change` event.
pub fn file_from_input(event: &Event) -> Option<PickedFile> {
    let input: HtmlInputElement = event.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0)?;
    // Reset the input so that choosing the same file again still fires `change`.
    input.set_value("");
    Some(PickedFile { file: File::from(file) })
}

/// The first file dropped on the page.
pub fn file_from_drop(event: &DragEvent) -> Option<PickedFile> {
    let file = event.data_transfer()?.files()?.get(0)?;
    Some(PickedFile { file: File::from(file) })
}

/// True when a drag carries files (not text or links).
pub fn drag_has_files(event: &DragEvent) -> bool {
    event.data_transfer().is_some_and(|t| t.types().iter().any(|kind| kind.as_string().as_deref() == Some("Files")))
}

/// Reads a picked file as UTF-8 text, refusing files larger than the dashboard accepts.
///
/// # Errors
/// [`LoadError::File`] for an empty or oversized file, or [`LoadError::Network`] when the
/// browser cannot read it.
pub async fn read_text(file: &PickedFile) -> Result<String, LoadError> {
    DATASET_FILE.check_size(file.file.size())?;
    gloo::file::futures::read_as_text(&file.file)
        .await
        .map_err(|error| LoadError::Network { url: file.name(), detail: error.to_string() })
}
