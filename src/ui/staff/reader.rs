//! The release reader: the pasted text, what the extractor found in it beside the text with
//! each proposed figure's sentence marked.

use leptos::prelude::*;

use crate::domain::release::extract::extract;
use crate::domain::release::paste::text_from_html;
use crate::domain::release::review::highlight_segments;
use crate::domain::text::messages::{msg, Msg};
use crate::web::paste::pasted_html;

use super::form::Review;
use super::proposals::{Context, Proposals, ReleaseFound};

/// The text area and what was read from it.
#[component]
pub fn Reader(review: Review) -> impl IntoView {
    let lang = review.lang();
    let text = Memo::new(move |_| review.draft.with(|d| d.text.clone()));
    let selected = RwSignal::new(None::<usize>);
    let extraction = Memo::new(move |_| text.with(|t| extract(t)));
    let set_text = move |t: &str| {
        selected.set(None);
        review.edit(|d| *d = d.with_text(t));
    };
    let highlighted = move || {
        let chosen = selected.get();
        text.with(|t| {
            extraction.with(|e| {
                highlight_segments(t, e)
                    .into_iter()
                    .map(|segment| match segment.proposal {
                        Some(n) => view! {
                            <mark class:staff__mark--selected=chosen == Some(n) data-proposal=n.to_string()>
                                <sup>{n + 1}</sup>{segment.text}
                            </mark>
                        }
                        .into_any(),
                        None => view! { <span>{segment.text}</span> }.into_any(),
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <label class="dialog__label" for="staff-text">{move || msg(Msg::ReleaseText, lang.get())}</label>
        <textarea id="staff-text" class="input staff__input" rows="10" data-testid="staff-text"
            prop:value=move || text.get() on:input=move |ev| set_text(&event_target_value(&ev))
            on:paste=move |ev| {
                // A page copied from a browser: its text with the paragraphs kept and the site's furniture dropped.
                if let Some(html) = pasted_html(&ev) {
                    ev.prevent_default();
                    set_text(&text_from_html(&html));
                }
            }></textarea>
        <div class="staff__grid">
            <div>
                <h3>{move || msg(Msg::ReleaseFound, lang.get())}</h3>
                <ReleaseFound extraction=extraction lang=lang/>
                <h3>{move || msg(Msg::Proposals, lang.get())}</h3>
                <div class="table-wrap"><Proposals extraction=extraction selected=selected lang=lang/></div>
                <h3>{move || msg(Msg::ReleaseContext, lang.get())}</h3>
                <ul class="staff__context" data-testid="staff-context"><Context extraction=extraction lang=lang/></ul>
            </div>
            <div class="staff__text" data-testid="staff-highlighted" tabindex="0" role="region" aria-label=move || msg(Msg::ReleaseText, lang.get())>
                {highlighted}
            </div>
        </div>
    }
}
