//! Where the figures on screen come from: the published dataset, another address allowed at
//! build time (`?data=`), or a file the user opened. Anything but the published dataset is
//! announced by a banner, so altered figures cannot pass under the official look. Figures the
//! service worker served from this device's copy, because the network failed, are an
//! [`OfflineCopy`].

use crate::domain::dataset::date::Date;
use crate::domain::dataset::issue::LoadError;

/// The response header with which the service worker marks a copy it served from its cache
/// because the network failed; its value is the time the copy was fetched (ISO 8601).
pub const OFFLINE_HEADER: &str = "x-eu-iom-offline";

/// Figures served from the copy saved on this device, because the network failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OfflineCopy {
    /// The day the copy was fetched, when the copy says.
    pub saved: Option<Date>,
}

impl OfflineCopy {
    /// Reads the [`OFFLINE_HEADER`] value (`2026-12-01T09:30:00.000Z`); a value that is not a
    /// time leaves the day unknown rather than guessing one.
    pub fn from_header(value: &str) -> OfflineCopy {
        OfflineCopy { saved: value.get(..10).and_then(|day| Date::parse_iso(day).ok()) }
    }
}

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
    /// The staff page's preview: the published dataset with a reviewed release merged in,
    /// saved on this device.
    Preview,
}

/// Where the staff page saves the preview's dataset on the device, for `?preview=1`.
pub const PREVIEW_KEY: &str = "eu-iom-staff-preview";

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

/// An address as a WHATWG URL parser read it, resolved against the page's base URL: the
/// browser's `URL` in the app, the `url` crate in native tests. Deciding on the parsed address,
/// never on the text, means the decision is about the request the browser would really make
/// (`/\host/x.json`, `\\host`, tabs or newlines inside the scheme all resolve to another host).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedAddress {
    /// The whole resolved address, as the parser serialises it: what is fetched.
    pub href: String,
    /// The scheme, lower case, without the colon.
    pub scheme: String,
    /// The serialised origin (`https://host:port`, default ports dropped; `null` when opaque).
    pub origin: String,
    /// Whether the address carries a user name or password.
    pub has_credentials: bool,
}

/// Resolves `given` against `base` with the `url` crate, which follows the same WHATWG URL
/// standard as browsers: the native counterpart of the browser's `URL` the app uses.
#[cfg(not(target_arch = "wasm32"))]
pub fn resolve_natively(base: &str, given: &str) -> Option<ResolvedAddress> {
    let url = url::Url::parse(base).ok()?.join(given).ok()?;
    Some(ResolvedAddress {
        href: url.as_str().to_string(),
        scheme: url.scheme().to_string(),
        origin: url.origin().ascii_serialization(),
        has_credentials: !url.username().is_empty() || url.password().is_some(),
    })
}

/// Decides whether the dashboard may load data from `given` (the `?data=` text), once a WHATWG
/// parser has resolved it (`resolve`, against the page's base URL): only http(s) addresses
/// without credentials, either on one of the `allowed` origins (fixed at build time, read by the
/// same parser), or on the page's own origin under the deployment's own path
/// (`deployment_base`, the base URL ending with `/`): on a shared origin (an organisation's
/// Pages site, an agency's host) the other files there are not this dashboard's. Percent-encoded
/// slashes and backslashes are refused on the page's origin, since a server that decodes them
/// could leave the deployment's path. Returns the resolved address, which is what must be
/// fetched, so what was checked is what is requested.
///
/// # Errors
/// [`LoadError::RefusedOrigin`] naming the address as given.
pub fn check_data_address(
    given: &str,
    resolve: impl Fn(&str) -> Option<ResolvedAddress>,
    page_origin: &str,
    deployment_base: &str,
    allowed: &[&str],
) -> Result<String, LoadError> {
    let refused = || LoadError::RefusedOrigin { url: given.chars().take(200).collect() };
    if given.trim().is_empty() {
        return Err(refused());
    }
    let address = resolve(given).ok_or_else(refused)?;
    if !matches!(address.scheme.as_str(), "http" | "https") || address.has_credentials || address.origin == "null" {
        return Err(refused());
    }
    let listed =
        |origin: &str| resolve(origin).is_some_and(|a| matches!(a.scheme.as_str(), "http" | "https") && a.origin == address.origin);
    if allowed.iter().any(|a| listed(a)) {
        return Ok(address.href);
    }
    let base = resolve(deployment_base).filter(|base| base.origin == page_origin && base.href.ends_with('/'));
    let under_base = base.is_some_and(|base| {
        address.href.strip_prefix(base.href.as_str()).is_some_and(|rest| {
            let path = rest.split(['?', '#']).next().unwrap_or_default().to_ascii_lowercase();
            !path.contains("%2f") && !path.contains("%5c")
        })
    });
    if address.origin == page_origin && under_base {
        Ok(address.href)
    } else {
        Err(refused())
    }
}

/// Counts the loads started, so that only the last one started may change what is shown: a
/// slow earlier load (a reload, another `?data=`, a local file) that finishes after a newer one
/// is dropped, whatever order the answers arrive in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LoadGenerations {
    started: u64,
}

/// The mark of one load: its place in the order loads were started.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadTicket(u64);

impl LoadGenerations {
    /// Starts a load; every earlier ticket is outdated from now on.
    pub fn start(&mut self) -> LoadTicket {
        self.started = self.started.wrapping_add(1);
        LoadTicket(self.started)
    }

    /// Whether `ticket` belongs to the last load started.
    pub fn is_latest(&self, ticket: LoadTicket) -> bool {
        ticket.0 == self.started
    }
}

/// Reads a build-time list of allowed origins ("https://a.example https://b.example", spaces or
/// commas), keeping only valid http(s) origins. The build checks the list first with
/// [`check_allowed`], so nothing is dropped here that the policy lets through.
pub fn parse_allowed(list: &str) -> Vec<String> {
    list.split([' ', ',']).filter_map(origin_of).collect()
}

/// Checks a build-time list of allowed origins as [`parse_allowed`] reads it: every entry must be
/// an http(s) origin (no path, no user name), so the app's allow-list and the policy's
/// `connect-src` are the same list.
///
/// # Errors
/// The first entry that is not an origin.
pub fn check_allowed(list: &str) -> Result<Vec<String>, String> {
    list.split([' ', ','])
        .filter(|entry| !entry.is_empty())
        .map(|entry| {
            let authority_only =
                entry.strip_suffix('/').unwrap_or(entry).split_once("://").is_some_and(|(_, rest)| !rest.contains(['/', '?', '#']));
            match origin_of(entry) {
                Some(origin) if authority_only => Ok(origin),
                _ => Err(format!("\"{entry}\" is not an http(s) origin such as https://data.example.org")),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::lang::Lang;

    const PAGE: &str = "https://stats.example.eu";

    #[test]
    fn offline_copies_carry_the_day_they_were_saved() {
        assert_eq!(OfflineCopy::from_header("2026-12-01T09:30:00.000Z").saved, Date::new(2026, 12, 1).ok());
        assert_eq!(OfflineCopy::from_header("").saved, None);
        assert_eq!(OfflineCopy::from_header("yesterday").saved, None);
    }

    #[test]
    fn origins_are_normalised() {
        assert_eq!(origin_of("https://Stats.Example.eu:443/a/b?c").as_deref(), Some("https://stats.example.eu"));
        assert_eq!(origin_of("http://127.0.0.1:8080/x").as_deref(), Some("http://127.0.0.1:8080"));
        assert_eq!(origin_of("ftp://x"), None);
        assert_eq!(origin_of("https://user@evil.example"), None);
        assert_eq!(origin_of("https://"), None);
    }

    /// Resolves as a browser does, against `base`.
    fn whatwg(base: &str) -> impl Fn(&str) -> Option<ResolvedAddress> + '_ {
        move |given| resolve_natively(base, given)
    }

    #[test]
    fn tricky_addresses_are_decided_on_where_they_resolve() {
        let table: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/data-addresses.json")).unwrap(),
        )
        .unwrap();
        let page = "http://127.0.0.1:8080";
        let fill = |text: &str| text.replace("{origin}", page).replace("{port}", "8080");
        let rows = table["addresses"].as_array().unwrap();
        assert!(rows.len() >= 20, "{} addresses", rows.len());
        for row in rows {
            let address = fill(row["address"].as_str().unwrap());
            let expected_origin = row["origin"].as_str().map(fill);
            let resolved = whatwg("http://127.0.0.1:8080/")(&address);
            let origin = resolved.filter(|r| matches!(r.scheme.as_str(), "http" | "https")).map(|r| r.origin);
            assert_eq!(origin, expected_origin, "{address:?} resolves elsewhere");
            let decision = check_data_address(&address, whatwg("http://127.0.0.1:8080/"), page, "http://127.0.0.1:8080/", &[]);
            assert_eq!(decision.is_ok(), row["allowed"].as_bool().unwrap(), "{address:?}: {decision:?}");
            if let Ok(href) = decision {
                assert!(href.starts_with("http://127.0.0.1:8080/"), "the resolved address is what is fetched: {href}");
            }
        }
    }

    #[test]
    fn same_origin_addresses_are_allowed_under_the_deployments_path_only() {
        let base = "https://stats.example.eu/eu-iom/";
        let check = |url: &str| check_data_address(url, whatwg(base), PAGE, base, &[]);
        assert_eq!(check("data/other.json").unwrap(), "https://stats.example.eu/eu-iom/data/other.json");
        assert_eq!(check("/eu-iom/archive/2024.json?v=2").unwrap(), "https://stats.example.eu/eu-iom/archive/2024.json?v=2");
        assert!(check("https://Stats.Example.EU:443/eu-iom/data/x.json").is_ok(), "default port, upper case");
        // Other files of a shared origin are not this dashboard's.
        for other in [
            "/archive/2024.json",
            "https://stats.example.eu/data/x.json",
            "../other-team/data.json",
            "/eu-iom/../other-team/data.json",
            "/eu-iom/%2e%2e/other-team/data.json",
            "/eu-iom/..%2Fother-team/data.json",
            "/eu-iom/..%5cother-team/data.json",
            "/eu-iom-other/data.json",
        ] {
            assert!(check(other).is_err(), "{other}");
        }
        // A listed origin may serve from any path, the page's own included.
        assert!(check_data_address("/archive/2024.json", whatwg(base), PAGE, base, &[PAGE]).is_ok());
        // At the origin's root, the deployment's path is the whole origin.
        assert!(
            check_data_address("/archive/2024.json", whatwg("https://stats.example.eu/"), PAGE, "https://stats.example.eu/", &[]).is_ok()
        );
    }

    #[test]
    fn other_origins_need_the_allow_list() {
        let base = "https://stats.example.eu/eu-iom/";
        let check = |url: &str, allowed: &[&str]| check_data_address(url, whatwg(base), PAGE, base, allowed);
        assert!(check("https://evil.example/fake.json", &[]).is_err());
        assert!(check("https://data.iom.int/x.json", &["https://data.iom.int"]).is_ok());
        assert!(check("https://DATA.iom.int:443/x.json", &["https://data.iom.int/"]).is_ok());
        assert!(check("https://data.iom.int.evil.example/x.json", &["https://data.iom.int"]).is_err());
        assert!(check("http://data.iom.int/x.json", &["https://data.iom.int"]).is_err(), "scheme matters");
        assert!(check("//evil.example/x.json", &[]).is_err());
        assert!(check("/\\evil.example/x.json", &[]).is_err());
        assert!(check("https://evil.example/x.json", &["javascript:alert(1)", "not an origin", ""]).is_err());
    }

    #[test]
    fn script_and_inline_addresses_are_refused() {
        for url in ["javascript:alert(1)", "data:application/json,{}", "blob:https://stats.example.eu/1", "file:///etc/passwd", "", "  "] {
            let error =
                check_data_address(url, whatwg("https://stats.example.eu/"), PAGE, "https://stats.example.eu/", &["https://data.iom.int"])
                    .unwrap_err();
            assert!(matches!(error, LoadError::RefusedOrigin { .. }), "{url}");
        }
    }

    #[test]
    fn only_the_last_load_started_counts() {
        let mut loads = LoadGenerations::default();
        let slow = loads.start();
        assert!(loads.is_latest(slow));
        let fast = loads.start();
        assert!(loads.is_latest(fast));
        assert!(!loads.is_latest(slow), "the first load, answered last, must not replace the second");
    }

    #[test]
    fn banners_name_the_origin() {
        assert_eq!(DataOrigin::Published.banner(Lang::En), None);
        assert!(DataOrigin::Address("https://x.example/d.json".into()).banner(Lang::Fr).unwrap().contains("https://x.example/d.json"));
        assert!(DataOrigin::LocalFile("mine.csv".into()).banner(Lang::En).unwrap().starts_with("Local data"));
        for origin in
            [DataOrigin::Address("https://x.example/d.json".into()), DataOrigin::LocalFile("mine.csv".into()), DataOrigin::Preview]
        {
            assert!(origin.embed_banner(Lang::En).unwrap().starts_with("Not the published figures: "));
            assert!(origin.embed_banner(Lang::Fr).unwrap().starts_with("Chiffres non publiés : "));
        }
        assert_eq!(DataOrigin::Published.embed_banner(Lang::Fr), None);
        assert_eq!(parse_allowed("https://a.example, http://b.example:8080 junk"), vec!["https://a.example", "http://b.example:8080"]);
    }

    #[test]
    fn the_build_refuses_an_allow_list_entry_that_is_not_an_origin() {
        assert_eq!(check_allowed("https://a.example,https://B.example:8443 ").unwrap(), ["https://a.example", "https://b.example:8443"]);
        assert_eq!(check_allowed("").unwrap(), Vec::<String>::new());
        assert_eq!(check_allowed("https://a.example/").unwrap(), ["https://a.example"]);
        for bad in ["junk", "https://a.example/data", "ftp://a.example", "https://user@a.example", "https://a.example?x"] {
            assert!(check_allowed(&format!("https://ok.example {bad}")).unwrap_err().contains(bad), "{bad}");
        }
    }
}
