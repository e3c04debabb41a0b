//! A chart's figure as HTML around the drawing: the caption that describes the chart in words
//! (behind a disclosure) and the tools under it. The app's chart canvas and the pre-rendered
//! chart use these; the app wires the tools' clicks.

use std::fmt::Write as _;

use super::{element, escape};
use crate::domain::lang::Lang;
use crate::domain::text::messages::{msg, Msg};

/// A tool under a chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartTool {
    /// Download the chart as PNG.
    Png,
    /// Download the chart as SVG.
    Svg,
    /// Show the same figures as a table.
    AsTable,
}

impl ChartTool {
    /// Every tool, in the order shown.
    pub const ALL: [ChartTool; 3] = [ChartTool::Png, ChartTool::Svg, ChartTool::AsTable];

    /// The suffix of its test id (`<chart>-<suffix>`).
    pub fn id(self) -> &'static str {
        match self {
            ChartTool::Png => "png",
            ChartTool::Svg => "svg",
            ChartTool::AsTable => "as-table",
        }
    }

    /// Its label.
    pub fn label(self) -> Msg {
        match self {
            ChartTool::Png => Msg::DownloadPng,
            ChartTool::Svg => Msg::DownloadSvg,
            ChartTool::AsTable => Msg::ShowAsTable,
        }
    }
}

/// The class of a chart tool's button.
pub const TOOL_CLASS: &str = "button button--small";

/// The inside of the chart's `<figcaption class="chart__description"><details>`: the summary
/// and the description, the paragraph with `id` (the chart's `aria-describedby`).
pub fn caption_inner(description: &str, lang: Lang, id: &str) -> String {
    let mut out = String::new();
    element(&mut out, "summary", "", msg(Msg::DescribeChart, lang));
    let id = escape(id);
    element(&mut out, "p", &format!(r#"id="{id}" data-testid="{id}""#), description);
    out
}

/// The tools before the app runs: disabled buttons.
pub fn tools_static(lang: Lang) -> String {
    let mut out = String::new();
    for tool in ChartTool::ALL {
        let _ = write!(out, r#"<button type="button" class="{TOOL_CLASS}" disabled>{}</button>"#, escape(msg(tool.label(), lang)));
    }
    out
}
