//! The shipped map file and the choropleth drawn from the real dataset: every country with
//! figures has a shape, class breaks for the real selection, and an SVG snapshot.

use crate::common;

use eu_iom_dashboard::chart::map::{self, MapInput};
use eu_iom_dashboard::chart::theme::Theme;
use eu_iom_dashboard::chart::Style;
use eu_iom_dashboard::domain::dataset::model::{Country, Figure, Metric, Position, Unit};
use eu_iom_dashboard::domain::explore::aggregate::latest_by_country;
use eu_iom_dashboard::domain::lang::Lang;
use eu_iom_dashboard::domain::map::{class_breaks, load_world_map, WorldMap};
use plotters::prelude::*;

fn world() -> WorldMap {
    load_world_map(&common::read("public/data/world-map.json")).expect("the shipped map loads")
}

#[test]
fn the_shipped_map_loads_and_frames_the_region() {
    let map = world();
    assert!(map.countries().len() >= 100, "Africa, Europe and the Middle East: {}", map.countries().len());
    assert!(map.source().contains("Natural Earth") && map.source().contains("i18n-iso-countries"));
    let frame = map.bounds();
    for country in map.countries() {
        let b = country.bounds();
        assert!(b.x0 >= frame.x0 && b.x1 <= frame.x1 && b.y0 >= frame.y0 && b.y1 <= frame.y1, "{} inside the frame", country.code());
        assert!(country.contains(country.label_point()) || country.area() < 50.0, "{}: label point inside", country.code());
    }
    // Projected places land where they should: Tripoli is inside Libya, Dakar inside Senegal.
    let projection = map.projection();
    for (code, lon, lat) in [("LY", 13.19, 32.89), ("SN", -17.2, 14.75), ("DE", 13.4, 52.52), ("ET", 38.74, 9.03), ("IQ", 44.36, 33.31)] {
        let index = map.country_at(projection.project(lon, lat)).map(|i| map.countries()[i].code().to_string());
        assert_eq!(index.as_deref(), Some(code), "{lon}, {lat}");
    }
    // Names follow the dataset's rule (the package's first alias).
    let (_, gambia) = map.country("GM").expect("The Gambia");
    assert_eq!((gambia.name(Lang::En), gambia.name(Lang::Fr)), ("The Gambia", "Gambie"));
    let size = common::read("public/data/world-map.json").len();
    assert!(size < 250_000, "the map file stays small: {size} bytes");
}

#[test]
fn every_country_of_the_published_dataset_has_a_shape() {
    let map = world();
    let loaded = common::published_dataset();
    for country in loaded.dataset.countries() {
        let (_, shape) = map.country(country.code()).unwrap_or_else(|| panic!("no shape for {}", country.code()));
        assert!(shape.area() > 0.0);
    }
}

fn returns_by_country(dataset: &eu_iom_dashboard::domain::dataset::model::Dataset) -> Vec<(Position<Country>, Position<Figure>)> {
    let all: Vec<_> = dataset.figure_positions().collect();
    latest_by_country(dataset, &all, Metric::MigrantsReturned).into_iter().collect()
}

#[test]
fn class_breaks_for_latest_returns_by_country() {
    let loaded = common::fixture_dataset();
    let dataset = &loaded.dataset;
    let values: Vec<f64> = returns_by_country(dataset).iter().map(|(_, f)| dataset.figure(*f).unwrap().value()).collect();
    assert!(values.len() >= 3, "{values:?}");
    let breaks = class_breaks(&values).expect("values");
    assert!(breaks.n_classes() >= 2 && breaks.n_classes() <= 5);
    for class in 0..breaks.n_classes() {
        assert!(values.iter().any(|v| breaks.class_of(*v) == class), "class {class} holds a country: {breaks:?}");
        let en = breaks.describe(class, Unit::Count, Lang::En).expect("class");
        let fr = breaks.describe(class, Unit::Count, Lang::Fr).expect("classe");
        assert!(en.chars().any(|c| c.is_ascii_digit()) && fr.chars().any(|c| c.is_ascii_digit()), "{en} / {fr}");
    }
    // Eight countries: four classes (Sturges' rule), two countries each, round thresholds.
    assert_eq!(breaks.thresholds(), &[5_000.0, 8_500.0, 50_000.0]);
    let en: Vec<String> = (0..breaks.n_classes()).map(|c| breaks.describe(c, Unit::Count, Lang::En).unwrap()).collect();
    assert_eq!(en, ["less than 5,000", "5,000 to 8,500", "8,500 to 50,000", "50,000 or more"]);
    assert_eq!(breaks.describe(3, Unit::Count, Lang::Fr).as_deref(), Some("50\u{202F}000 ou plus"));
    for class in 0..breaks.n_classes() {
        assert_eq!(values.iter().filter(|v| breaks.class_of(**v) == class).count(), 2, "class {class}");
    }
}

#[test]
fn map_of_latest_returns() {
    let loaded = common::fixture_dataset();
    let dataset = &loaded.dataset;
    let world = world();
    let values = returns_by_country(dataset);
    let partners: Vec<String> = ["LY", "NE", "ML"].map(String::from).to_vec();
    let input = MapInput {
        map: &world,
        dataset,
        values: &values,
        highlight: &partners,
        highlight_label: Some("Programme partner country"),
        focus: None,
    };
    let width = 640u32;
    let height = map::recommended_height(&world, f64::from(width)) as u32;
    let mut svg = String::new();
    let layout = {
        let area = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let layout = map::draw_map(&area, input, &Style::svg(Lang::En, Theme::Light)).expect("draws");
        area.present().expect("present");
        layout
    };
    assert_eq!(layout.points.len(), values.len(), "one hit point per country with a figure");
    let ramp: Vec<String> = map::RAMP_LIGHT.iter().map(|c| format!("fill=\"#{:02X}{:02X}{:02X}\"", c.0, c.1, c.2)).collect();
    let filled_with_data = svg.lines().filter(|l| l.starts_with("<polygon") && ramp.iter().any(|r| l.contains(r.as_str()))).count();
    let data_rings: usize = values
        .iter()
        .map(|(country, _)| {
            let code = dataset.country(*country).unwrap().code();
            let (_, shape) = world.country(code).expect("shape");
            (0..shape.rings().len()).filter(|r| !shape.is_hole(*r)).count()
        })
        .sum();
    // One filled polygon per outer ring of a country with a figure (legend swatches are rectangles).
    assert_eq!(filled_with_data, data_rings, "filled country polygons with data");
    assert!(svg.contains("No figure") && svg.contains("Migrants returned") && svg.contains("Programme partner country"));
    // Hover by shape: the middle of Niger finds Niger's figure.
    let niger = world.projection().project(9.0, 17.0);
    let fit = map::plan(&input, f64::from(width), f64::from(height)).fit;
    let hit = map::hit_at(&input, f64::from(width), f64::from(height), fit.to_screen(niger)).expect("Niger has a figure");
    assert_eq!(dataset.countries()[hit.series].code(), "NE");
    assert!(layout.points.iter().any(|p| p.figure == hit.figure));
    common::assert_snapshot("map-returns.svg", &svg);
}

#[test]
fn the_inset_legend_stays_in_the_sea() {
    let loaded = common::fixture_dataset();
    let dataset = &loaded.dataset;
    let world = world();
    let values = returns_by_country(dataset);
    let input = MapInput { map: &world, dataset, values: &values, highlight: &[], highlight_label: Some("Partner"), focus: None };
    for width in (640..=1800).step_by(40) {
        let width = f64::from(width);
        let height = map::recommended_height(&world, width);
        let plan = map::plan(&input, width, height);
        assert_eq!(plan.placement, map::LegendPlacement::Inset, "{width}");
        // No country bigger than a small island has a point in the room the legend may use.
        for country in world.countries().iter().filter(|c| c.area() > 500.0) {
            let covered = country.rings().iter().flatten().any(|p| plan.legend.contains(plan.fit.to_screen(*p)));
            assert!(!covered, "the legend covers {} at width {width}", country.code());
        }
    }
    // Narrow: below the map; wide and short: beside it; neither overlaps the map.
    for (width, height, placement) in [(360.0, 900.0, map::LegendPlacement::Below), (900.0, 640.0, map::LegendPlacement::Side)] {
        let plan = map::plan(&input, width, height);
        assert_eq!(plan.placement, placement);
        let frame = plan.fit.screen_frame();
        assert!(!frame.intersects(&plan.legend) || plan.legend.x0 >= frame.x1 || plan.legend.y0 >= frame.y1);
        assert!(plan.legend.x1 <= width && plan.legend.y1 <= height, "{plan:?}");
    }
}
