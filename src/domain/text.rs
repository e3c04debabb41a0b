//! The interface's words, the only home of text shown to users: messages, vocabulary names,
//! number and date formats, labels, the text descriptions of charts, what is said about
//! errors and notices, and the citation of downloads. Each text's English and French sit side
//! by side in a `tr!` (see `domain::lang`), so a missing translation does not compile;
//! `tests/it/architecture.rs` checks that no other module decides by language.
//!
//! The types described (errors, notices, class breaks) live with their topic; the `impl`s that
//! put them into words live here.

pub mod i18n;
pub mod messages;
pub mod format;
pub mod labels;
pub mod describe;
pub mod notices;
pub mod downloads;
pub mod review;
pub mod site_update;
