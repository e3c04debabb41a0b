//! Descriptive file names for downloads: what, which countries and years, and the date.

use crate::domain::dataset::date::Date;
use crate::domain::explore::view::ViewState;
use crate::domain::export::Scope;
use crate::domain::lang::folded;

/// A file name part made of lower-case ASCII letters, digits and dashes (accents set aside as
/// names are compared, by [`folded`]).
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in folded(text).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').chars().take(60).collect()
}

/// A descriptive file name: `eu-iom-figures_migrants-returned_2013-2025_2026-11-28.csv`.
pub fn file_name(state: &ViewState, scope: Scope, what: &str, today: Date, extension: &str) -> String {
    let filter = &state.filter;
    let subject = match scope {
        Scope::Everything => "all-figures".to_string(),
        Scope::Selection if filter.metrics.len() == 1 => filter.metrics.iter().next().map(|m| slug(m.id())).unwrap_or_default(),
        Scope::Selection => "selection".to_string(),
    };
    let mut parts = vec!["eu-iom-figures".to_string(), subject];
    if !what.is_empty() {
        parts.push(slug(what));
    }
    if scope == Scope::Selection {
        if !filter.countries.is_empty() && filter.countries.len() <= 3 {
            parts.push(filter.countries.iter().map(|c| c.to_ascii_lowercase()).collect::<Vec<_>>().join("-"));
        }
        if let Some((from, to)) = filter.years {
            parts.push(format!("{from}-{to}"));
        }
    }
    parts.push(today.to_string());
    format!("{}.{extension}", parts.join("_"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::{dataset, figure};

    #[test]
    fn file_names_describe_the_content() {
        let d = dataset(&[figure("a").date("2020-10-13")]);
        let mut state = ViewState::default_for(Some(&d));
        let today = Date::new(2026, 11, 28).unwrap();
        assert_eq!(file_name(&state, Scope::Selection, "", today, "csv"), "eu-iom-figures_migrants-returned_2020-2020_2026-11-28.csv");
        state.toggle_country("LY");
        assert_eq!(
            file_name(&state, Scope::Selection, "chart", today, "png"),
            "eu-iom-figures_migrants-returned_chart_ly_2020-2020_2026-11-28.png"
        );
        assert_eq!(file_name(&state, Scope::Everything, "", today, "json"), "eu-iom-figures_all-figures_2026-11-28.json");
    }

    #[test]
    fn slugs_keep_letters_without_accents_and_dash_the_rest() {
        assert_eq!(slug("Évolution des retours — 2020"), "evolution-des-retours-2020");
        assert_eq!(slug("migrants_returned"), "migrants-returned");
    }
}
