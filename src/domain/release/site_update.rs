//! The site update staff download to publish a release without a toolchain (made by
//! `site::update`): what can go wrong, and the kinds of file it holds (put into words by
//! `domain::text::site_update`).

/// Why no site update was made (the page then offers no partial ZIP).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SiteUpdateError {
    /// A deployed file could not be read from the site.
    Unreadable {
        /// Its path in the site.
        file: String,
        /// Why (the browser's or the server's words).
        detail: String,
    },
    /// The deployed page was built by another version of the dashboard, or not by `make dist`.
    OtherVersion {
        /// Its path in the site.
        file: String,
    },
    /// A release step cannot rewrite the deployed file.
    Refused {
        /// Its path in the site.
        file: String,
        /// The step's reason (in English, as the data tool says it).
        detail: String,
    },
    /// The preview image could not be drawn.
    Preview {
        /// Why.
        detail: String,
    },
}

/// What a file of the site update is, for its README.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SiteFileKind {
    /// The dataset (`data/eu-iom-figures.json`).
    Dataset,
    /// The page with its pre-rendered first view and metadata.
    Page,
    /// The figures as CSV.
    Csv,
    /// The Frictionless data package.
    DataPackage,
    /// The DCAT-AP catalogue record.
    Catalog,
    /// The social preview image.
    Preview,
    /// The service worker.
    Worker,
    /// A gzip copy of another file.
    Gzip,
    /// A brotli copy of another file.
    Brotli,
}

impl SiteFileKind {
    /// The kind of the file at `path` in the site.
    pub fn of(path: &str) -> SiteFileKind {
        match path {
            _ if path.ends_with(".gz") => SiteFileKind::Gzip,
            _ if path.ends_with(".br") => SiteFileKind::Brotli,
            _ if path.ends_with(".csv") => SiteFileKind::Csv,
            _ if path.ends_with("datapackage.json") => SiteFileKind::DataPackage,
            _ if path.ends_with(".jsonld") => SiteFileKind::Catalog,
            _ if path.ends_with(".png") => SiteFileKind::Preview,
            _ if path.ends_with(".js") => SiteFileKind::Worker,
            _ if path.ends_with(".html") => SiteFileKind::Page,
            _ => SiteFileKind::Dataset,
        }
    }
}
