//! Where the figures on screen come from: the published dataset, another address allowed at
//! build time (`?data=`), or a file the user opened. Anything but the published dataset is
//! announced by a banner, so altered figures cannot pass under the official look.

use crate::domain::dataset::issue::LoadError;

/// The origin of the data shown.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum DataOrigin {
    /// The dataset published with the dashboard.
    #[default]
    Published,
    /// Another address, given with `?data=`.
    Address(String),
    /// A file opened from the user's computer.
    LocalFile(String),
}

/// The origin (`scheme://host[:port]`, lower case, default ports dropped) of an absolute http(s)
/// address; `None` for anything else.
pub fn origin_of(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    let (scheme, rest) = lower.split_once("://")?;
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.is_empty() || authority.contains('@') || authority.chars().any(|c| c.is_whitespace()) {
        return None;
    }
    let authority = match (scheme, authority.rsplit_once(':')) {
        ("http", Some((host, "80"))) | ("https", Some((host, "443"))) => host.to_string(),
        _ => authority.to_string(),
    };
    Some(format!("{scheme}://{authority}"))
}

/// Decides whether the dashboard may load data from `url` (as given in `?data=`): relative paths
/// stay on the page's own origin and are allowed; absolute http(s) addresses must be on the page's
/// origin or in `allowed` (origins fixed at build time); anything else is refused.
///
/// # Errors
/// [`LoadError::RefusedOrigin`] naming the address.
pub fn check_data_address(url: &str, page_origin: &str, allowed: &[&str]) -> Result<(), LoadError> {
    let refused = || LoadError::RefusedOrigin { url: url.chars().take(200).collect() };
    let trimmed = url.trim();
    if trimmed.is_empty() || trimmed.chars().any(|c| c.is_control()) {
        return Err(refused());
    }
    if trimmed.contains("://") || trimmed.starts_with("//") {
        let origin = origin_of(trimmed).ok_or_else(refused)?;
        let page = origin_of(page_origin).unwrap_or_default();
        let permitted = origin == page || allowed.iter().filter_map(|a| origin_of(a)).any(|a| a == origin);
        return if permitted { Ok(()) } else { Err(refused()) };
    }
    // Schemes without "//" (javascript:, data:, blob:, file:) are never data addresses.
    let scheme_like = trimmed.split(['/', '?', '#']).next().unwrap_or("").contains(':');
    if scheme_like {
        return Err(refused());
    }
    Ok(())
}

/// Reads a build-time list of allowed origins ("https://a.example https://b.example", spaces or
/// commas), keeping only valid http(s) origins.
pub fn parse_allowed(list: &str) -> Vec<String> {
    list.split([' ', ',']).filter_map(origin_of).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::lang::Lang;

    const PAGE: &str = "https://stats.example.eu";

    #[test]
    fn origins_are_normalised() {
        assert_eq!(origin_of("https://Stats.Example.eu:443/a/b?c").as_deref(), Some("https://stats.example.eu"));
        assert_eq!(origin_of("http://127.0.0.1:8080/x").as_deref(), Some("http://127.0.0.1:8080"));
        assert_eq!(origin_of("ftp://x"), None);
        assert_eq!(origin_of("https://user@evil.example"), None);
        assert_eq!(origin_of("https://"), None);
    }

    #[test]
    fn same_origin_and_relative_addresses_are_allowed() {
        assert!(check_data_address("data/other.json", PAGE, &[]).is_ok());
        assert!(check_data_address("/archive/2024.json", PAGE, &[]).is_ok());
        assert!(check_data_address("https://stats.example.eu/data/x.json", PAGE, &[]).is_ok());
    }

    #[test]
    fn other_origins_need_the_allow_list() {
        assert!(check_data_address("https://evil.example/fake.json", PAGE, &[]).is_err());
        assert!(check_data_address("https://data.iom.int/x.json", PAGE, &["https://data.iom.int"]).is_ok());
        assert!(check_data_address("https://data.iom.int.evil.example/x.json", PAGE, &["https://data.iom.int"]).is_err());
        assert!(check_data_address("http://data.iom.int/x.json", PAGE, &["https://data.iom.int"]).is_err(), "scheme matters");
        assert!(check_data_address("//evil.example/x.json", PAGE, &[]).is_err());
    }

    #[test]
    fn script_and_inline_addresses_are_refused() {
        for url in ["javascript:alert(1)", "data:application/json,{}", "blob:https://stats.example.eu/1", "file:///etc/passwd", "", "a\nb"] {
            let error = check_data_address(url, PAGE, &["https://data.iom.int"]).unwrap_err();
            assert!(matches!(error, LoadError::RefusedOrigin { .. }), "{url}");
        }
    }

    #[test]
    fn banners_name_the_origin() {
        assert_eq!(DataOrigin::Published.banner(Lang::En), None);
        assert!(DataOrigin::Address("https://x.example/d.json".into()).banner(Lang::Fr).unwrap().contains("https://x.example/d.json"));
        assert!(DataOrigin::LocalFile("mine.csv".into()).banner(Lang::En).unwrap().starts_with("Local data"));
        assert_eq!(parse_allowed("https://a.example, http://b.example:8080 junk"), vec!["https://a.example", "http://b.example:8080"]);
    }
}
