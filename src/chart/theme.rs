//! Colours, marker shapes, dash patterns and sizes shared by every chart, in CSS pixels.
//!
//! Series colours come from a colour-blind-safe set (after Okabe and Ito), darkened for the
//! light theme so every mark keeps a 3:1 contrast with the background (WCAG 1.4.11); each
//! series also has its own marker shape and dash pattern, so colour never carries meaning alone.

use plotters::style::RGBColor;

/// Light or dark rendering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Theme {
    /// Dark text on white.
    #[default]
    Light,
    /// Light text on a dark background.
    Dark,
}

impl Theme {
    /// Identifier used in URLs.
    pub fn id(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// Colours of one theme.
#[derive(Debug, Clone, PartialEq)]
pub struct Palette {
    /// Chart background.
    pub background: RGBColor,
    /// Main text.
    pub text: RGBColor,
    /// Secondary text (axis labels, notes).
    pub muted: RGBColor,
    /// Grid lines.
    pub grid: RGBColor,
    /// Axis lines.
    pub axis: RGBColor,
    /// Warnings (falls, disagreements).
    pub warning: RGBColor,
    /// Series colours, in order of use.
    pub series: [RGBColor; 8],
    /// Bars of the breakdown.
    pub bar: RGBColor,
    /// Places without a figure (map).
    pub missing: RGBColor,
}

/// The palette of a theme.
pub fn palette(theme: Theme) -> Palette {
    match theme {
        Theme::Light => Palette {
            background: RGBColor(255, 255, 255),
            text: RGBColor(23, 31, 42),
            muted: RGBColor(84, 94, 108),
            grid: RGBColor(226, 230, 236),
            axis: RGBColor(120, 128, 140),
            warning: RGBColor(178, 34, 34),
            series: [
                RGBColor(0, 84, 166),
                RGBColor(192, 74, 0),
                RGBColor(0, 121, 107),
                RGBColor(164, 71, 126),
                RGBColor(128, 98, 0),
                RGBColor(46, 112, 160),
                RGBColor(68, 68, 68),
                RGBColor(106, 61, 154),
            ],
            bar: RGBColor(0, 84, 166),
            missing: RGBColor(236, 238, 242),
        },
        Theme::Dark => Palette {
            background: RGBColor(20, 24, 31),
            text: RGBColor(236, 239, 244),
            muted: RGBColor(172, 181, 194),
            grid: RGBColor(52, 60, 72),
            axis: RGBColor(128, 138, 152),
            warning: RGBColor(255, 122, 112),
            series: [
                RGBColor(102, 170, 255),
                RGBColor(240, 140, 70),
                RGBColor(64, 200, 160),
                RGBColor(230, 140, 190),
                RGBColor(230, 200, 70),
                RGBColor(120, 200, 240),
                RGBColor(210, 210, 210),
                RGBColor(180, 150, 240),
            ],
            bar: RGBColor(102, 170, 255),
            missing: RGBColor(44, 50, 60),
        },
    }
}

/// Marker shapes, one per series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// ●
    Circle,
    /// ■
    Square,
    /// ▲
    Triangle,
    /// ◆
    Diamond,
    /// ▼
    TriangleDown,
    /// ⬟
    Pentagon,
    /// ✚
    Plus,
    /// ✖
    Cross,
}

/// Markers in order of use.
pub const MARKERS: [Marker; 8] = [
    Marker::Circle,
    Marker::Square,
    Marker::Triangle,
    Marker::Diamond,
    Marker::TriangleDown,
    Marker::Pentagon,
    Marker::Plus,
    Marker::Cross,
];

/// Dash patterns (on, off) in CSS pixels; `(0, 0)` is a solid line.
pub const DASHES: [(u32, u32); 4] = [(0, 0), (7, 4), (2, 3), (10, 3)];

/// The look of the series at position `index`.
pub fn series_look(palette: &Palette, index: usize) -> (RGBColor, Marker, (u32, u32)) {
    let colour = palette.series.get(index % palette.series.len()).copied().unwrap_or(palette.text);
    let marker = MARKERS.get(index % MARKERS.len()).copied().unwrap_or(Marker::Circle);
    let dash = DASHES.get(index % DASHES.len()).copied().unwrap_or((0, 0));
    (colour, marker, dash)
}

/// Sizes in CSS pixels, multiplied by the device pixel ratio when drawing.
pub mod size {
    /// Axis and legend text.
    pub const TEXT: f64 = 13.0;
    /// Small notes.
    pub const SMALL: f64 = 12.0;
    /// Panel titles.
    pub const TITLE: f64 = 15.0;
    /// Export headline.
    pub const HEADLINE: f64 = 20.0;
    /// Marker radius.
    pub const MARKER: f64 = 5.0;
    /// Series line width.
    pub const LINE: f64 = 2.0;
    /// Gap around the plot.
    pub const PAD: f64 = 12.0;
}

/// Font stack used for every chart label, the same as the page's: system fonts, so nothing is downloaded
/// and labels are measured with the font they are drawn in.
pub const FONT_FAMILY: &str = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif";

#[cfg(test)]
mod tests {
    use super::*;

    fn luminance(c: RGBColor) -> f64 {
        let channel = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    }

    fn contrast(a: RGBColor, b: RGBColor) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn series_colours_contrast_with_the_background() {
        for theme in [Theme::Light, Theme::Dark] {
            let p = palette(theme);
            for colour in p.series {
                assert!(contrast(colour, p.background) >= 3.0, "{theme:?} {colour:?}");
            }
            assert!(contrast(p.text, p.background) >= 7.0);
            assert!(contrast(p.muted, p.background) >= 4.5);
            assert!(contrast(p.warning, p.background) >= 4.5);
        }
    }

    #[test]
    fn series_looks_differ_beyond_colour() {
        let p = palette(Theme::Light);
        let looks: Vec<_> = (0..8).map(|i| series_look(&p, i)).collect();
        for (i, a) in looks.iter().enumerate() {
            for b in looks.iter().skip(i + 1) {
                assert_ne!(a.1, b.1, "marker shapes repeat within the first eight series");
            }
        }
    }
}
