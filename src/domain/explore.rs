//! Exploring the dataset: the selection (filters), aggregation into series and breakdowns, the
//! table's rows and order, the filters' country list, and the view state with its URL form.

pub mod select;
pub mod aggregate;
pub mod table;
pub mod view;
pub mod countries;
