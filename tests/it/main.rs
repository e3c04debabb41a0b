//! The integration tests, one test crate so that the library is linked once: each module is one
//! topic (the house rules, the bad datasets, chart snapshots, the shipped dataset, the release
//! reader and `add`, the reader's scored corpus, fuzzing, the map, the metadata and preview
//! image, the pipeline on the real data, the pre-rendered first view, release references);
//! `common` holds the helpers.

mod common;

mod architecture;
mod corpus;
mod bad_data;
mod charts;
mod dataset;
mod extract;
mod fuzz;
mod map;
mod metadata;
mod pipeline;
mod prerender;
mod reference;
mod site_update;
