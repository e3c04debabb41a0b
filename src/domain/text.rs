//! The interface's words: languages, messages, vocabulary names, number and date formats,
//! labels, and the text descriptions of charts.

pub mod i18n;
pub mod messages;
pub mod format;
pub mod labels;
pub mod describe;
