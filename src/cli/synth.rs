//! Synthetic datasets for benchmarks: any number of figures, deterministic (the same size always
//! gives the same file), shaped like the real data (dated sources, several programmes, regions
//! and countries, running totals and period totals, every qualifier), and valid.

use crate::domain::dataset::load::{SCHEMA, SCHEMA_VERSION};
use crate::domain::dataset::raw::{RawCountry, RawDataset, RawFigure, RawInfo, RawName, RawSource};

/// A small deterministic random number generator (xorshift64*).
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items.get(self.below(items.len())).copied().unwrap_or_default()
    }
}

const METRICS: [&str; 6] =
    ["migrants_returned", "migrants_reintegration", "migrants_rescued", "projects", "funding_eur", "countries_covered"];
const QUALIFIERS: [&str; 4] = ["exact", "more_than", "about", "almost"];
const COUNTRIES: [(&str, &str, &str); 20] = [
    ("LY", "Libya", "Libye"),
    ("NE", "Niger", "Niger"),
    ("ML", "Mali", "Mali"),
    ("SN", "Senegal", "Sénégal"),
    ("NG", "Nigeria", "Nigéria"),
    ("GN", "Guinea", "Guinée"),
    ("CI", "Côte d'Ivoire", "Côte d'Ivoire"),
    ("GM", "The Gambia", "Gambie"),
    ("GH", "Ghana", "Ghana"),
    ("ET", "Ethiopia", "Éthiopie"),
    ("SO", "Somalia", "Somalie"),
    ("SD", "Sudan", "Soudan"),
    ("DJ", "Djibouti", "Djibouti"),
    ("TD", "Chad", "Tchad"),
    ("BF", "Burkina Faso", "Burkina Faso"),
    ("CM", "Cameroon", "Cameroun"),
    ("MR", "Mauritania", "Mauritanie"),
    ("MA", "Morocco", "Maroc"),
    ("TN", "Tunisia", "Tunisie"),
    ("EG", "Egypt", "Égypte"),
];

/// A valid dataset with `n` figures.
pub fn synthetic(n: usize) -> RawDataset {
    let mut random = Random(0x9E37_79B9_7F4A_7C15 ^ n as u64);
    let n_sources = (n / 4).max(1);
    let programmes = ["joint-initiative", "libya-vhr", "mprr-ssa", "eutf-africa", "strategic-cooperation"];
    let regions = ["north-africa", "sahel-lake-chad", "horn-of-africa"];
    let sources: Vec<RawSource> = (0..n_sources)
        .map(|i| {
            let day = 15_706 + random.below(4_500) as i64; // 2013-01-01 + up to ~12 years
            let date = crate::domain::dataset::date::Date::from_days_since_epoch(day);
            let official = random.below(3) > 0;
            RawSource {
                id: format!("s{i}"),
                date: date.to_string(),
                date_precision: random.pick(&["day", "day", "day", "month", "estimated"]).to_string(),
                publisher: if official { "International Organization for Migration (IOM)".into() } else { "Example News".into() },
                publisher_kind: if official { "iom".into() } else { "media".into() },
                official,
                title: format!("Synthetic release {i}"),
                title_note: None,
                reference: None,
                url: format!("https://example.org/releases/{i}"),
                language: random.pick(&["en", "fr"]).to_string(),
                kind: random.pick(&["press-release", "news", "fact-sheet", "web-page"]).to_string(),
                note: None,
            }
        })
        .collect();
    let figures: Vec<RawFigure> = (0..n)
        .map(|i| {
            let source = random.below(n_sources);
            let source_date = sources.get(source).map(|s| s.date.clone()).unwrap_or_default();
            let metric = random.pick(&METRICS);
            let scope = random.below(3);
            let country = (scope == 2).then(|| COUNTRIES.get(random.below(COUNTRIES.len())).map(|c| c.0).unwrap_or_default().to_string());
            let region_list = if scope >= 1 { vec![random.pick(&regions).to_string()] } else { Vec::new() };
            let period = random.below(4) == 0;
            let value = match metric {
                "funding_eur" => (random.below(2_000) as f64 + 1.0) * 1e6,
                "projects" | "countries_covered" => random.below(800) as f64 + 1.0,
                _ => random.below(150_000) as f64,
            };
            RawFigure {
                id: format!("f{i}"),
                source: format!("s{source}"),
                metric: metric.to_string(),
                metric_detail: "synthetic".into(),
                metric_detail_fr: None,
                value,
                unit: if metric == "funding_eur" { "eur".into() } else { "count".into() },
                qualifier: random.pick(&QUALIFIERS).to_string(),
                period_start: period.then(|| format!("{}-01-01", source_date.get(..4).unwrap_or("2020"))),
                period_end: Some(source_date),
                cumulative_since: None,
                programme: "P".into(),
                programme_id: random.pick(&programmes).to_string(),
                regions: region_list,
                country,
                note: String::new(),
            }
        })
        .collect();
    RawDataset {
        schema: SCHEMA.into(),
        schema_version: SCHEMA_VERSION,
        info: RawInfo {
            title: format!("Synthetic dataset, {n} figures"),
            compiled: "2026-11-28".into(),
            description: "Generated for benchmarks; not real figures.".into(),
            licence: "none".into(),
        },
        programmes: programmes
            .iter()
            .map(|id| RawName { id: id.to_string(), name_en: id.to_string(), name_fr: id.to_string(), short_en: None, short_fr: None })
            .collect(),
        regions: regions
            .iter()
            .map(|id| RawName { id: id.to_string(), name_en: id.to_string(), name_fr: id.to_string(), short_en: None, short_fr: None })
            .collect(),
        countries: COUNTRIES
            .iter()
            .map(|(code, en, fr)| RawCountry { code: code.to_string(), name_en: en.to_string(), name_fr: fr.to_string() })
            .collect(),
        sources,
        figures,
        disagreements: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dataset::load::load_dataset;

    #[test]
    fn synthetic_datasets_are_valid_and_deterministic() {
        let text = serde_json::to_string(&synthetic(500)).unwrap();
        let loaded = load_dataset(&text).unwrap();
        assert!(loaded.issues.is_empty(), "{:?}", loaded.issues.first());
        assert_eq!(loaded.dataset.figures().len(), 500);
        assert_eq!(text, serde_json::to_string(&synthetic(500)).unwrap());
    }
}
