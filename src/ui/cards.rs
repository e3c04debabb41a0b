//! The four headline cards: latest reported projects, funding, migrants assisted and countries,
//! each with its qualifier, scope, as-of date and a link to its source. Their markup is
//! `html::cards`, shared with the pre-rendered first view.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::dataset::model::{Dataset, Figure, Position};
use crate::domain::lang::Lang;
use crate::html::cards::cards_inner;

/// The cards, following `figures` (the current selection, every metric).
#[component]
pub fn HeadlineCards(dataset: Arc<Dataset>, figures: Memo<Vec<Position<Figure>>>, lang: Signal<Lang>) -> impl IntoView {
    view! { <div class="cards" inner_html=move || figures.with(|f| cards_inner(&dataset, f, lang.get()))></div> }
}
