//! The review's shared handles ([`Review`]: the draft, the published dataset and the merge
//! check) and its fields: a [`Field`] names where a value lives in the draft, its label and
//! where its problems are reported, so one text input or select serves every field.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::dataset::issue::LoadError;
use crate::domain::dataset::raw::RawDataset;
use crate::domain::lang::Lang;
use crate::domain::release::add::{AddError, Merged};
use crate::domain::release::draft::{Draft, FieldProblem, RowDraft, SourceDraft, Target, STORAGE_KEY};
use crate::domain::text::messages::{msg, Msg};
use crate::domain::text::review::field_message;
use crate::ui::page::Page;
use crate::web::storage;

/// Where the published dataset stands on the staff page.
#[derive(Debug, Clone, PartialEq)]
pub enum Published {
    /// Being fetched.
    Loading,
    /// Fetched: its text and records.
    Ready(Arc<(String, RawDataset)>),
    /// The fetch failed.
    Failed(LoadError),
    /// Fetched but not usable for a merge.
    Refused(AddError),
}

/// The staff page's handles, shared by its parts.
#[derive(Clone, Copy)]
pub struct Review {
    /// The page (language, address).
    pub page: Page,
    /// The review, saved on the device at each edit.
    pub draft: RwSignal<Draft>,
    /// Set when the device refused to save the review.
    pub not_saved: RwSignal<bool>,
    /// The published dataset.
    pub published: RwSignal<Published>,
    /// The review merged into the published dataset, or its problems; `None` until it is there.
    pub checked: Memo<Option<Result<Merged, Vec<FieldProblem>>>>,
}

impl Review {
    /// The interface language.
    pub fn lang(&self) -> Signal<Lang> {
        self.page.lang
    }

    /// Changes the review and saves it on the device.
    pub fn edit(&self, change: impl Fn(&mut Draft)) {
        self.draft.update(|d| change(d));
        self.not_saved.set(!self.draft.with_untracked(|d| storage::write(STORAGE_KEY, &d.to_stored())));
    }

    /// The problem the merge reports at `target`, in words.
    pub fn problem(&self, target: &Target) -> Option<String> {
        let lang = self.page.lang.get();
        self.checked.with(|c| match c {
            Some(Err(problems)) => field_message(problems, target, lang),
            _ => None,
        })
    }

    /// The merged dataset's text, when the review merges cleanly.
    pub fn merged_text(&self) -> Option<String> {
        self.checked.with_untracked(|c| c.as_ref().and_then(|r| r.as_ref().ok()).map(|m| m.text.clone()))
    }

    /// Whether the review merges cleanly.
    pub fn ready(&self) -> bool {
        matches!(self.checked.with(|c| c.as_ref().map(Result::is_ok)), Some(true))
    }
}

/// Where a field's text lives in the draft.
#[derive(Clone, Copy)]
pub enum Place {
    /// A field of the source.
    Source(fn(&mut SourceDraft) -> &mut String),
    /// A field of the row at this index.
    Row(usize, fn(&mut RowDraft) -> &mut String),
}

/// One text field of the review.
#[derive(Clone, Copy)]
pub struct Field {
    /// Its name, as the merge reports problems (`publisher`, `period_start`).
    pub name: &'static str,
    /// Its label.
    pub label: Msg,
    /// Where its value lives.
    pub place: Place,
}

impl Field {
    /// The input's id.
    fn id(&self) -> String {
        match self.place {
            Place::Source(_) => format!("staff-source-{}", self.name),
            Place::Row(i, _) => format!("staff-row-{i}-{}", self.name),
        }
    }

    /// Where the merge reports its problems.
    fn target(&self) -> Target {
        match self.place {
            Place::Source(_) => Target::Source(self.name),
            Place::Row(i, _) => Target::Row(i, self.name),
        }
    }

    fn get(&self, draft: &Draft) -> String {
        match self.place {
            Place::Source(field) => field(&mut draft.source.clone()).clone(),
            Place::Row(i, field) => draft.rows.get(i).map(|r| field(&mut r.clone()).clone()).unwrap_or_default(),
        }
    }

    fn set(&self, draft: &mut Draft, value: &str) {
        match self.place {
            Place::Source(field) => field(&mut draft.source).replace_range(.., value),
            Place::Row(i, field) => {
                if let Some(row) = draft.rows.get_mut(i) {
                    field(row).replace_range(.., value);
                }
            }
        }
    }
}

/// A labelled text input, its problem next to it.
pub fn text_input(review: Review, field: Field) -> AnyView {
    labelled(review, field, move |id, error_id, invalid| {
        view! {
            <input id=id class="input" prop:value=move || review.draft.with(|d| field.get(d)) aria-describedby=error_id aria-invalid=invalid
                on:input=move |ev| { let v = event_target_value(&ev); review.edit(|d| field.set(d, &v)); }/>
        }
        .into_any()
    })
}

/// A labelled select among `(value, label)` options, its problem next to it; `blank` names the
/// empty choice, when there is one.
pub fn choice(review: Review, field: Field, options: Signal<Vec<(String, String)>>, blank: Option<Msg>) -> AnyView {
    let lang = review.lang();
    let value = move || review.draft.with(|d| field.get(d));
    labelled(review, field, move |id, error_id, invalid| {
        view! {
            <select id=id class="input" aria-describedby=error_id aria-invalid=invalid
                on:change=move |ev| { let v = event_target_value(&ev); review.edit(|d| field.set(d, &v)); }>
                {move || blank.map(|blank| view! { <option value="" prop:selected=move || value().is_empty()>{msg(blank, lang.get())}</option> })}
                {move || options.get().into_iter().map(|(id, name)| {
                    let selected = id.clone();
                    view! { <option value=id prop:selected=move || value() == selected>{name}</option> }
                }).collect_view()}
            </select>
        }
        .into_any()
    })
}

/// A field's frame: its label, the control `control(id, error id, aria-invalid)` and its problem.
fn labelled(review: Review, field: Field, control: impl FnOnce(String, String, Signal<Option<&'static str>>) -> AnyView) -> AnyView {
    let (id, lang, target) = (field.id(), review.lang(), field.target());
    let error_id = format!("{id}-error");
    let problem = Signal::derive(move || review.problem(&target));
    view! {
        <div class="staff__field">
            <label class="dialog__label" for=id.clone()>{move || msg(field.label, lang.get())}</label>
            {control(id, error_id.clone(), Signal::derive(move || problem.get().is_some().then_some("true")))}
            <p id=error_id class="staff__error">{move || problem.get()}</p>
        </div>
    }
    .into_any()
}
