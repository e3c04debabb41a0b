//! The release as a source: its fields, each checked against the published dataset as staff type.

use leptos::prelude::*;

use crate::domain::dataset::model::PublisherKind;
use crate::domain::release::draft::{SourceDraft, Target, PUBLISHER_KINDS};
use crate::domain::text::i18n::publisher_kind_name;
use crate::domain::text::messages::{msg, Msg};

use super::form::{choice, text_input, Field, Place, Review};

fn field(name: &'static str, label: Msg, place: fn(&mut SourceDraft) -> &mut String) -> Field {
    Field { name, label, place: Place::Source(place) }
}

/// The source's fieldset.
#[component]
pub fn SourceForm(review: Review) -> impl IntoView {
    let lang = review.lang();
    let kinds = Signal::derive(move || {
        PUBLISHER_KINDS
            .iter()
            .filter_map(|k| PublisherKind::from_id(k).map(|kind| (k.to_string(), publisher_kind_name(kind, lang.get()).to_string())))
            .collect()
    });
    let official = Target::Source("official");
    let official_problem = Signal::derive(move || review.problem(&official));
    view! {
        <fieldset class="staff__source" data-testid="staff-source">
            <legend>{move || msg(Msg::SourceFormHeading, lang.get())}</legend>
            {text_input(review, field("id", Msg::SourceId, |s| &mut s.id))}
            {text_input(review, field("publisher", Msg::FieldPublisher, |s| &mut s.publisher))}
            {choice(review, field("publisher_kind", Msg::FieldPublisherKind, |s| &mut s.publisher_kind), kinds, Some(Msg::ChooseOne))}
            <div class="staff__field staff__field--check">
                <input id="staff-source-official" type="checkbox" prop:checked=move || review.draft.with(|d| d.source.official)
                    aria-invalid=move || official_problem.get().is_some().then_some("true")
                    aria-describedby="staff-source-official-error"
                    on:change=move |ev| { let on = event_target_checked(&ev); review.edit(|d| d.source.official = on); }/>
                <label for="staff-source-official">{move || msg(Msg::FieldOfficial, lang.get())}</label>
                <p id="staff-source-official-error" class="staff__error">{official_problem}</p>
            </div>
            {text_input(review, field("date", Msg::FieldDate, |s| &mut s.date))}
            {text_input(review, field("reference", Msg::FieldReference, |s| &mut s.reference))}
            {text_input(review, field("title", Msg::FieldTitle, |s| &mut s.title))}
            {text_input(review, field("url", Msg::ReleaseAddress, |s| &mut s.url))}
            {text_input(review, field("language", Msg::FieldLanguage, |s| &mut s.language))}
        </fieldset>
    }
}
