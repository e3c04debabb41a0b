//! Reading a press release: the reader that proposes figures from its text (`extract`, split by
//! stage: text and spans, sentences, number scanning, facts, and the lexicon of words they
//! recognise), the review format staff edit, and the merge of reviewed records into the dataset (`add`).

pub mod extract;
pub mod add;
pub mod draft;
pub mod paste;
pub mod review;
pub mod site_update;
