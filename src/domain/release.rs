//! Reading a press release: the reader that proposes figures from its text (`extract`, split by
//! stage: text and spans, sentences, number scanning, facts, and the lexicon of words they
//! recognise), and the review format staff edit before `eu-iom-data add`.

pub mod extract;
pub mod review;
