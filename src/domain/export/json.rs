//! The JSON download: a dataset file the dashboard can load again, with a `metadata` block
//! (citation, selection, view, retrieval date) first.

use serde::Serialize;

use crate::domain::dataset::model::Dataset;
use crate::domain::dataset::model::{Figure, Position};
use crate::domain::dataset::raw::RawDataset;
use crate::domain::explore::view::ViewState;
use crate::domain::export::citation::{citation, describe_filters};
use crate::domain::export::{ExportContext, Scope};

/// The metadata block of a JSON download.
#[derive(Debug, Clone, Serialize)]
pub struct ExportMetadata {
    /// The citation text.
    pub citation: String,
    /// The filters in words (or "the whole dataset").
    pub selection: String,
    /// Address of the view.
    pub view_url: String,
    /// Retrieval date.
    pub retrieved: String,
}

#[derive(Serialize)]
struct ExportJson<'a> {
    metadata: ExportMetadata,
    #[serde(flatten)]
    dataset: &'a RawDataset,
}

/// The figures as a dataset file (loadable by the dashboard) with a `metadata` block first.
///
/// # Errors
/// Only if serde_json fails, which plain data cannot make it do.
pub fn to_json(
    dataset: &Dataset,
    state: &ViewState,
    figures: &[Position<Figure>],
    scope: Scope,
    context: &ExportContext,
) -> Result<String, serde_json::Error> {
    let raw = RawDataset::from_dataset(dataset, if scope == Scope::Everything { None } else { Some(figures) });
    let metadata = ExportMetadata {
        citation: citation(dataset, state, figures, scope, context),
        selection: match scope {
            Scope::Everything => "all".into(),
            Scope::Selection => describe_filters(dataset, state, context.lang),
        },
        view_url: context.page_url.clone(),
        retrieved: context.today.to_string(),
    };
    let mut text = serde_json::to_string_pretty(&ExportJson { metadata, dataset: &raw })?;
    text.push('\n');
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dataset::model::{Metric, Qualifier};
    use crate::domain::export::context;
    use crate::domain::testing::{dataset, figure};

    #[test]
    fn json_downloads_reload_as_datasets() {
        let d = dataset(&[
            figure("a").date("2020-10-13").value(84000.0).qualifier(Qualifier::MoreThan).country("LY"),
            figure("b").date("2021-10-13").metric(Metric::Projects).value(5.0),
        ]);
        let state = ViewState::default_for(Some(&d));
        let text = to_json(&d, &state, &[Position::new(1)], Scope::Selection, &context()).unwrap();
        assert!(text.contains("\"metadata\""));
        let reloaded = crate::domain::dataset::load::load_dataset(&text).unwrap();
        assert!(reloaded.issues.is_empty(), "{:?}", reloaded.issues);
        assert_eq!(reloaded.dataset.figures().len(), 1);
        assert_eq!(reloaded.dataset.sources().len(), 1, "only the sources of the selection");
    }
}
