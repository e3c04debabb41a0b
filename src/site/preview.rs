//! The social preview image (`preview.png`, 1200 × 630): the default chart drawn by the same
//! chart code as the page, inside the download frame with the title, the headline figures and
//! the data date. The data tool draws it as SVG and rasterises it with resvg
//! (`cli::dist::preview_png`); the staff page's site update draws the same chart and frame on a
//! canvas of the same size.

use plotters::prelude::{IntoDrawingArea, SVGBackend};

use crate::chart::frame::{draw_framed, FrameText};
use crate::chart::spec::{draw_chart, ChartData};
use crate::chart::theme::Theme;
use crate::chart::Style;
use crate::domain::dataset::model::Dataset;
use crate::domain::explore::aggregate::build_series;
use crate::domain::explore::select::{select, Ignore};
use crate::domain::explore::view::from_query;
use crate::domain::export::metadata::headline_items;
use crate::domain::export::{describe_filters, source_summary};
use crate::domain::lang::Lang;
use crate::domain::text::describe::describe_timeline;
use crate::domain::text::messages::{msg, Msg};

/// Size of the image in pixels (Open Graph's recommended 1.91:1).
pub const WIDTH: u32 = 1200;
/// See [`WIDTH`].
pub const HEIGHT: u32 = 630;
/// The chart is drawn at this fraction of the image's size and scaled up, so its text stays
/// legible where previews are shown small.
pub const ZOOM: f32 = 1.5;

/// The preview's size in CSS pixels, before the zoom: what the chart is drawn at.
pub fn drawn_size() -> (u32, u32) {
    ((WIDTH as f32 / ZOOM).round() as u32, (HEIGHT as f32 / ZOOM).round() as u32)
}

/// The default view's chart, its frame texts (title, filters in words, sources and data date)
/// and its text alternative (for the image's `alt`).
pub fn default_chart(dataset: &Dataset) -> (ChartData, FrameText, String) {
    let state = from_query("", Some(dataset)).0;
    let selected = select(dataset, &state.filter, Ignore::default());
    let series = build_series(dataset, &selected);
    let description = describe_timeline(dataset, &series, Lang::En);
    let frame = FrameText {
        title: format!("{} · {}", msg(Msg::Title, Lang::En), msg(Msg::TimelineHeading, Lang::En)),
        filters: describe_filters(dataset, &state, Lang::En),
        footer: vec![source_summary(dataset, &selected, Lang::En), headline_items(dataset, Lang::En, true).join(" · ")],
    };
    (ChartData::Timeline(series), frame, description)
}

/// The text alternative of the preview image: the chart's description, in English.
pub fn alt_text(dataset: &Dataset) -> String {
    default_chart(dataset).2
}

/// The preview as SVG, `WIDTH / ZOOM` × `HEIGHT / ZOOM` CSS pixels.
///
/// # Errors
/// A message when drawing fails.
pub fn preview_svg(dataset: &Dataset) -> Result<String, String> {
    let (data, frame, _) = default_chart(dataset);
    let (width, height) = drawn_size();
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        draw_framed(&area, &frame, &Style::svg(Lang::En, Theme::Light), |inner, style| draw_chart(inner, dataset, &data, None, style))
            .map_err(|e| format!("the preview chart could not be drawn: {e}"))?;
        area.present().map_err(|e| format!("the preview chart could not be drawn: {e}"))?;
    }
    Ok(svg)
}
