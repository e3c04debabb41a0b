//! Names for what the views show: places, series, panels; shared by charts, tables and the
//! text alternatives so that a series is called the same everywhere.

use crate::domain::explore::aggregate::{Place, Series};
use crate::domain::lang::Lang;
use crate::domain::text::messages::{msg, Msg};
use crate::domain::dataset::model::{Dataset, Metric};

/// Name of a place: a country, one or more regions joined with " + ", or the programme as a whole.
pub fn place_name(dataset: &Dataset, place: &Place, lang: Lang) -> String {
    match place {
        Place::Whole => msg(Msg::ProgrammeWide, lang).into(),
        Place::Regions(regions) => regions
            .iter()
            .filter_map(|index| dataset.regions().get(*index))
            .map(|region| region.name(lang))
            .collect::<Vec<_>>()
            .join(" + "),
        Place::Country(index) => dataset.countries().get(*index).map(|c| c.name(lang).to_string()).unwrap_or_default(),
    }
}

/// Labels for the (programme, place) pairs shown together: each names only what tells it apart
/// from the others, and a lone pair is named in full.
pub fn entity_labels(dataset: &Dataset, entities: &[(usize, &Place)], lang: Lang) -> Vec<String> {
    let first = entities.first();
    let same_programme = entities.len() > 1 && entities.iter().all(|e| Some(e.0) == first.map(|f| f.0));
    let same_place = entities.len() > 1 && entities.iter().all(|e| Some(e.1) == first.map(|f| f.1));
    entities
        .iter()
        .map(|(programme, place)| {
            let mut parts: Vec<String> = Vec::new();
            if !same_programme {
                if let Some(programme) = dataset.programmes().get(*programme) {
                    parts.push(programme.short_name(lang).to_string());
                }
            }
            if !same_place {
                parts.push(place_name(dataset, place, lang));
            }
            parts.join(" · ")
        })
        .collect()
}

/// The metrics present in a list of series, in the order filters list them.
pub fn metrics_in(series: &[Series]) -> Vec<Metric> {
    Metric::ALL.into_iter().filter(|metric| series.iter().any(|s| s.key.metric == *metric)).collect()
}
