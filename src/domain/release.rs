//! Reading a press release: the reader that proposes figures from its text, and the review
//! format staff edit before `eu-iom-data add`.

pub mod extract;
pub mod review;
