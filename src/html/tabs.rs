//! The view tabs' names and markup: the app's tab list (interactive, `ui::tabs`) and the
//! pre-rendered one (below) take their order, ids, class and labels from here.

use std::fmt::Write as _;

use super::escape;
use crate::domain::explore::view::View;
use crate::domain::lang::Lang;
use crate::domain::text::labels::view_label;
use crate::domain::text::messages::{msg, Msg};

/// The class of a tab.
pub const TAB_CLASS: &str = "tabs__tab";

/// The element id of a view's tab (the tab panel's `aria-labelledby`).
pub fn tab_id(view: View) -> String {
    format!("tab-{}", view.id())
}

/// The tab list before the app runs: `current` selected, every tab disabled.
pub fn tab_list_static(current: View, lang: Lang) -> String {
    let mut out = String::new();
    let _ = write!(out, r#"<div class="tabs" role="tablist" aria-label="{}">"#, escape(msg(Msg::Views, lang)));
    for view in View::TABS {
        let _ = write!(
            out,
            r#"<button type="button" role="tab" class="{TAB_CLASS}" aria-selected="{}" disabled>{}</button>"#,
            view == current,
            escape(msg(view_label(view), lang))
        );
    }
    out.push_str("</div>");
    out
}
