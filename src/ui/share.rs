//! The "Embed or share" dialog: a link to the current view and the code that embeds it (or the
//! headline figures) in another page, with auto-height. Neither carries figures other than the
//! published ones (`data=`) unless the person ticks the box that says so, nor the staff preview.

use leptos::prelude::*;

use crate::domain::explore::view::{embed_state, full_page_state, shared_state, to_query, View};
use crate::domain::text::messages::{msg, Msg};
use crate::html::embed::embed_snippet;
use crate::ui::page::Page;
use crate::web::{document, location, perf};

/// The button and its dialog.
#[component]
pub fn ShareDialog(page: Page) -> impl IntoView {
    let lang = page.lang;
    let cards = RwSignal::new(false);
    let plain = RwSignal::new(false);
    let embed_id = RwSignal::new(String::new());
    let copied = RwSignal::new(None::<&'static str>);
    let keep_data = RwSignal::new(false);
    let other_data = move || page.state.with(|s| s.data.is_some());
    let preview = move || page.state.with(|s| s.preview);
    let shared = move || page.state.with(|s| shared_state(s, keep_data.get()));
    let link = move || format!("{}?{}", location::page_base_url(), to_query(&full_page_state(&shared())));
    let snippet = move || {
        let view = if cards.get() { View::Cards } else { page.state.with(|s| s.view) };
        let state = embed_state(&shared(), view, &embed_id.get(), plain.get());
        let url = format!("{}?{}", location::page_base_url(), to_query(&state));
        let title = format!("{} — {}", msg(Msg::Title, lang.get()), msg(view_title(view), lang.get()));
        embed_snippet(&url, &title, &embed_id.get(), &format!("{}embed.js", location::deployment_base_url()))
    };
    let copy = move |what: &'static str, text: String| {
        copied.set(document::copy_to_clipboard(&text).then_some(what));
    };
    view! {
        <button
            type="button"
            class="button button--small share__open"
            data-testid="share-open"
            on:click=move |_| {
                embed_id.set(perf::new_embed_id());
                copied.set(None);
                keep_data.set(false);
                document::show_dialog("share-dialog");
            }
        >
            {move || msg(Msg::EmbedShare, lang.get())}
        </button>
        <dialog id="share-dialog" class="dialog" aria-labelledby="share-title" data-testid="share-dialog">
            <h2 id="share-title">{move || msg(Msg::EmbedShare, lang.get())}</h2>
            {move || other_data().then(|| view! {
                <div class="check">
                    <input type="checkbox" id="share-other-data" data-testid="share-other-data" prop:checked=move || keep_data.get()
                        on:change=move |_| keep_data.update(|k| *k = !*k)/>
                    <label for="share-other-data">{move || msg(Msg::ShareOtherData, lang.get())}</label>
                </div>
            })}
            {move || preview().then(|| view! {
                <p class="dialog__note" data-testid="share-preview-note">{move || msg(Msg::SharePreviewNote, lang.get())}</p>
            })}
            <label class="dialog__label" for="share-link">{move || msg(Msg::ShareLink, lang.get())}</label>
            <div class="dialog__row">
                <input id="share-link" class="input" readonly prop:value=link data-testid="share-link"/>
                <button type="button" class="button button--small" on:click=move |_| copy("link", link())>
                    {move || if copied.get() == Some("link") { msg(Msg::Copied, lang.get()) } else { msg(Msg::Copy, lang.get()) }}
                </button>
            </div>
            <fieldset class="dialog__options">
                <legend>{move || msg(Msg::EmbedWhat, lang.get())}</legend>
                <div class="check">
                    <input type="radio" name="embed-what" id="embed-view" prop:checked=move || !cards.get() on:change=move |_| cards.set(false)/>
                    <label for="embed-view">{move || msg(Msg::EmbedThisView, lang.get())}</label>
                </div>
                <div class="check">
                    <input type="radio" name="embed-what" id="embed-cards" prop:checked=move || cards.get() on:change=move |_| cards.set(true)/>
                    <label for="embed-cards">{move || msg(Msg::EmbedCards, lang.get())}</label>
                </div>
                <div class="check">
                    <input type="checkbox" id="embed-plain" prop:checked=move || plain.get() on:change=move |_| plain.update(|p| *p = !*p)/>
                    <label for="embed-plain">{move || msg(Msg::EmbedPlain, lang.get())}</label>
                </div>
            </fieldset>
            <label class="dialog__label" for="share-code">{move || msg(Msg::EmbedCode, lang.get())}</label>
            <textarea id="share-code" class="input dialog__code" readonly rows="6" prop:value=snippet data-testid="share-code"></textarea>
            <p class="dialog__note">{move || msg(Msg::EmbedNote, lang.get())}</p>
            <div class="dialog__actions">
                <button type="button" class="button" on:click=move |_| copy("code", snippet())>
                    {move || if copied.get() == Some("code") { msg(Msg::Copied, lang.get()) } else { msg(Msg::Copy, lang.get()) }}
                </button>
                <button type="button" class="button" data-testid="share-close" on:click=move |_| document::close_dialog("share-dialog")>
                    {move || msg(Msg::Close, lang.get())}
                </button>
            </div>
        </dialog>
    }
}

/// The heading of a view, used as its title in embeds.
pub fn view_title(view: View) -> Msg {
    match view {
        View::Timeline => Msg::TimelineHeading,
        View::Breakdown => Msg::BreakdownHeading,
        View::Map => Msg::MapHeading,
        View::Table => Msg::TableHeading,
        View::Sources => Msg::SourcesHeading,
        View::Cards => Msg::HeadlinesHeading,
        View::Extract => Msg::StaffTitle,
    }
}
