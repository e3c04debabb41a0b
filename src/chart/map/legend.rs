//! What the map's colours mean: the sequential ramps and the colour of each class, the hatch of
//! the countries without a figure, and the legend that states every class in words and numbers.

use plotters::prelude::DrawingBackend;
use plotters::style::RGBColor;

use super::{values, LegendPlacement, MapInput, MapPlan};
use crate::chart::theme::{size, Theme};
use crate::chart::{Anchor, ChartError, Painter, Style};
use crate::domain::dataset::model::{Metric, Unit};
use crate::domain::map::{class_breaks, inside_spans, Bounds, ClassBreaks};
use crate::domain::text::i18n::metric_name;
use crate::domain::text::messages::{msg, Msg};

/// Sequential ramp for the light theme, lightest (lowest class) first: ColorBrewer "Blues"
/// (Brewer, Penn State), colour-blind safe, even steps of about 16 in CIELAB lightness; the
/// lightest step stays clearly bluer and darker than the no-figure grey.
pub const RAMP_LIGHT: [RGBColor; 5] =
    [RGBColor(189, 215, 238), RGBColor(107, 174, 214), RGBColor(49, 130, 189), RGBColor(8, 81, 156), RGBColor(8, 48, 107)];
/// Sequential ramp for the dark theme: the same blues running from dark to light, so higher
/// values stand out from the dark background.
pub const RAMP_DARK: [RGBColor; 5] =
    [RGBColor(33, 72, 120), RGBColor(37, 110, 175), RGBColor(62, 150, 214), RGBColor(128, 190, 236), RGBColor(205, 228, 250)];

/// Gap between hatch lines along x (and y), in CSS pixels; lines run at 45°.
const HATCH_STEP: f64 = 7.0;
/// Height of a legend row.
const LEGEND_ROW: f64 = 20.0;
/// Legend swatch size.
const SWATCH: (f64, f64) = (24.0, 14.0);
/// Inner padding of the legend box.
const LEGEND_PAD: f64 = 8.0;

/// The ramp of a theme.
pub fn ramp(theme: Theme) -> [RGBColor; 5] {
    match theme {
        Theme::Light => RAMP_LIGHT,
        Theme::Dark => RAMP_DARK,
    }
}

/// Colours for `n` classes, spread over the ramp so that the ends stay its ends.
pub fn class_colours(theme: Theme, n: usize) -> Vec<RGBColor> {
    let ramp = ramp(theme);
    let last = ramp.len() - 1;
    (0..n)
        .map(|i| {
            let step = if n <= 1 { last / 2 } else { (i * last + (n - 1) / 2) / (n - 1) };
            ramp.get(step.min(last)).copied().unwrap_or(RGBColor(128, 128, 128))
        })
        .collect()
}

/// Hatch colour over the no-figure grey.
pub(super) fn hatch_colour(theme: Theme) -> RGBColor {
    match theme {
        Theme::Light => RGBColor(190, 196, 207),
        Theme::Dark => RGBColor(78, 86, 100),
    }
}

/// Rows of the legend: title, subtitle, one per class, "no figure", and the outline's meaning.
pub(super) fn legend_rows(input: &MapInput<'_>) -> usize {
    let n_classes = class_breaks(&values(input)).map_or(0, |b| b.n_classes());
    2 + n_classes + 1 + usize::from(input.highlight_label.is_some())
}

pub(super) fn legend_height(rows: usize) -> f64 {
    rows as f64 * LEGEND_ROW + 2.0 * LEGEND_PAD
}

/// Hatches the countries without a figure with 45° lines, cut to their shapes (the union of
/// their insides along each line, so a line crossing neighbours is drawn once).
pub(super) fn hatch<DB: DrawingBackend>(
    painter: &Painter<'_, DB>,
    countries: &[usize],
    rings: &[Vec<Vec<(f64, f64)>>],
    (width, height): (f64, f64),
    colour: RGBColor,
) -> Result<(), ChartError> {
    let boxes: Vec<(usize, Bounds)> =
        countries.iter().filter_map(|&i| Some((i, Bounds::of_points(rings.get(i)?.iter().flatten())?))).collect();
    let mut c = HATCH_STEP;
    while c < width + height {
        // The line x + y = c, from the bottom edge to the top edge of the area.
        let (a, b) = ((c - height, height), (c, 0.0));
        let mut spans: Vec<(f64, f64)> = Vec::new();
        for (index, bounds) in &boxes {
            if c < bounds.x0 + bounds.y0 || c > bounds.x1 + bounds.y1 {
                continue;
            }
            if let Some(country) = rings.get(*index) {
                spans.extend(inside_spans(country, a, b));
            }
        }
        spans.sort_by(|p, q| p.0.total_cmp(&q.0));
        let mut merged: Vec<(f64, f64)> = Vec::new();
        for (t0, t1) in spans {
            match merged.last_mut() {
                Some(last) if t0 <= last.1 + 1e-6 => last.1 = last.1.max(t1),
                _ => merged.push((t0, t1)),
            }
        }
        for (t0, t1) in merged {
            let at = |t: f64| (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
            painter.line(&[at(t0), at(t1)], colour, 1.0, (0, 0))?;
        }
        c += HATCH_STEP;
    }
    Ok(())
}

/// Splits a title into at most two lines that fit `width` (the second cut with an ellipsis).
fn title_lines<DB: DrawingBackend>(painter: &Painter<'_, DB>, title: &str, width: f64) -> Vec<String> {
    if painter.text_width(title, size::TEXT, true) <= width {
        return vec![title.to_string()];
    }
    let words: Vec<&str> = title.split(' ').collect();
    let mut first = String::new();
    let mut taken = 0;
    for word in &words {
        let candidate = if first.is_empty() { (*word).to_string() } else { format!("{first} {word}") };
        if painter.text_width(&candidate, size::TEXT, true) > width && !first.is_empty() {
            break;
        }
        first = candidate;
        taken += 1;
    }
    let rest = words.get(taken..).unwrap_or_default().join(" ");
    let mut lines = vec![painter.fit_text(&first, size::TEXT, true, width)];
    if !rest.is_empty() {
        lines.push(painter.fit_text(&rest, size::TEXT, true, width));
    }
    lines
}

/// What the legend explains.
pub(super) struct LegendInput<'a> {
    pub(super) breaks: Option<&'a ClassBreaks>,
    pub(super) colours: &'a [RGBColor],
    pub(super) metric: Option<(Metric, Unit)>,
    pub(super) highlight: Option<(&'a str, RGBColor)>,
}

/// The legend: title, what the colours show, one row per class (highest first), "no figure",
/// and the outline's meaning, on a box of the background colour.
pub(super) fn draw_legend<DB: DrawingBackend>(
    painter: &Painter<'_, DB>,
    style: &Style,
    plan: &MapPlan,
    legend: LegendInput<'_>,
) -> Result<(), ChartError> {
    let LegendInput { breaks, colours, metric, highlight } = legend;
    let lang = style.lang;
    let palette = &painter.palette;
    let room = plan.legend;
    let subtitle = msg(Msg::MapLegendTitle, lang);
    let no_figure = msg(Msg::MapNoFigure, lang);
    let unit = metric.map_or(Unit::Count, |(_, unit)| unit);
    // Rows: (swatch, label); the swatch is a class colour, the hatch or the outline.
    enum Swatch {
        Colour(RGBColor),
        Hatch,
        Outline,
    }
    let mut rows: Vec<(Swatch, String)> = Vec::new();
    if let Some(breaks) = breaks {
        for class in (0..breaks.n_classes()).rev() {
            let label = breaks.describe(class, unit, lang).unwrap_or_default();
            let colour = colours.get(class).copied().unwrap_or(palette.missing);
            rows.push((Swatch::Colour(colour), label));
        }
    }
    rows.push((Swatch::Hatch, no_figure.to_string()));
    if let Some((label, _)) = highlight {
        rows.push((Swatch::Outline, label.to_string()));
    }
    let inner_max = (room.width() - 2.0 * LEGEND_PAD).max(40.0);
    let title = metric.map_or("", |(metric, _)| metric_name(metric, lang));
    let title = title_lines(painter, title, inner_max);
    let row_w = |label: &str| SWATCH.0 + 8.0 + painter.text_width(label, size::SMALL, false);
    let inner = rows
        .iter()
        .map(|(_, label)| row_w(label))
        .chain(title.iter().map(|line| painter.text_width(line, size::TEXT, true)))
        .chain([painter.text_width(subtitle, size::SMALL, false)])
        .fold(0.0, f64::max)
        .min(inner_max);
    let n_rows = title.len() + 1 + rows.len();
    let box_h = legend_height(n_rows);
    let y0 = match plan.placement {
        LegendPlacement::Below => room.y0,
        LegendPlacement::Inset | LegendPlacement::Side => room.y1 - box_h,
    };
    let x0 = room.x0;
    painter.rect((x0, y0), (x0 + inner + 2.0 * LEGEND_PAD, y0 + box_h), palette.background, true)?;
    let x = x0 + LEGEND_PAD;
    let mut y = y0 + LEGEND_PAD + LEGEND_ROW / 2.0;
    for line in &title {
        painter.text(line, (x, y), size::TEXT, palette.text, Anchor::Left, true)?;
        y += LEGEND_ROW;
    }
    painter.text(&painter.fit_text(subtitle, size::SMALL, false, inner), (x, y), size::SMALL, palette.muted, Anchor::Left, false)?;
    let label_x = x + SWATCH.0 + 8.0;
    let label_w = inner - SWATCH.0 - 8.0;
    for (swatch, label) in &rows {
        y += LEGEND_ROW;
        let (a, b) = ((x, y - SWATCH.1 / 2.0), (x + SWATCH.0, y + SWATCH.1 / 2.0));
        match swatch {
            Swatch::Colour(colour) => painter.rect(a, b, *colour, true)?,
            Swatch::Hatch => {
                painter.rect(a, b, palette.missing, true)?;
                let hatch = hatch_colour(style.theme);
                let mut c = a.0 + a.1 + HATCH_STEP / 2.0;
                while c < b.0 + b.1 {
                    // The part of the line x + y = c inside the swatch.
                    let (start, end) = ((c - b.1).max(a.0), (c - a.1).min(b.0));
                    if end > start {
                        painter.line(&[(start, c - start), (end, c - end)], hatch, 1.0, (0, 0))?;
                    }
                    c += HATCH_STEP;
                }
            }
            Swatch::Outline => {
                painter.rect(a, b, palette.missing, true)?;
                let colour = highlight.map_or(palette.text, |(_, colour)| colour);
                painter.polygon(&[(a.0, a.1), (b.0, a.1), (b.0, b.1), (a.0, b.1)], colour, false, 2.0)?;
            }
        }
        let text = painter.fit_text(label, size::SMALL, false, label_w);
        painter.text(&text, (label_x, y), size::SMALL, palette.text, Anchor::Left, false)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn distance(a: RGBColor, b: RGBColor) -> f64 {
        let d = |x: u8, y: u8| (f64::from(x) - f64::from(y)).powi(2);
        (d(a.0, b.0) + d(a.1, b.1) + d(a.2, b.2)).sqrt()
    }

    fn lightness(c: RGBColor) -> f64 {
        let channel = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        let y = 0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2);
        116.0 * y.cbrt() - 16.0
    }

    #[test]
    fn ramps_are_ordered_and_apart_from_no_figure() {
        for theme in [Theme::Light, Theme::Dark] {
            let ramp = ramp(theme);
            let palette = crate::chart::theme::palette(theme);
            let l: Vec<f64> = ramp.iter().map(|c| lightness(*c)).collect();
            let light_to_dark = theme == Theme::Light;
            for pair in l.windows(2) {
                let step = if light_to_dark { pair[0] - pair[1] } else { pair[1] - pair[0] };
                assert!(step > 10.0, "{theme:?}: lightness steps of more than 10 ({l:?})");
            }
            for colour in ramp {
                assert!(distance(colour, palette.missing) > 40.0, "{theme:?} {colour:?} too close to the no-figure grey");
                assert!(distance(colour, palette.background) > 30.0, "{theme:?} {colour:?} too close to the sea");
            }
        }
    }

    #[test]
    fn class_colours_keep_the_ends_of_the_ramp() {
        assert_eq!(class_colours(Theme::Light, 5), RAMP_LIGHT.to_vec());
        assert_eq!(class_colours(Theme::Light, 2), vec![RAMP_LIGHT[0], RAMP_LIGHT[4]]);
        assert_eq!(class_colours(Theme::Light, 3), vec![RAMP_LIGHT[0], RAMP_LIGHT[2], RAMP_LIGHT[4]]);
        assert_eq!(class_colours(Theme::Dark, 1), vec![RAMP_DARK[2]]);
        assert!(class_colours(Theme::Dark, 0).is_empty());
    }
}
