//! The dataset: its typed model, dates, the raw file format, reading JSON data files in one
//! lenient pass (json, also used for the map file), loading and validation with per-record
//! issues, CSV import, telling JSON from CSV (file format), and where a dataset came from (its
//! origin).

pub mod date;
pub mod json;
pub mod model;
pub mod issue;
pub mod load;
pub mod raw;
pub mod origin;
pub mod csv_import;
pub mod file_format;
pub mod fingerprint;
