//! Static HTML fragments shared by the running app and the pre-rendered first view: the page's
//! chrome (masthead, headline heading, footer), the headline cards, the chart's caption and
//! tools, the tab list, the table's rows and the sources list are written once, here, as
//! escaped HTML strings. The app sets them with `inner_html` (its interactive controls take
//! their classes, ids and labels from here), the release build writes them into `index.html`,
//! so the page a visitor sees before the WebAssembly arrives is the page the app then shows. The
//! embed code the share dialog offers is built here too.
//!
//! Pure (no browser types), natively tested. Every text and attribute goes through [`escape`].

pub mod cards;
pub mod chrome;
pub mod embed;
pub mod figure;
pub mod sources;
pub mod table;
pub mod tabs;

use std::fmt::Write as _;

/// Escapes text for an HTML text node or a quoted attribute value.
pub fn escape(text: &str) -> std::borrow::Cow<'_, str> {
    html_escape::encode_quoted_attribute(text)
}

/// JSON for the inside of a `<script>` element (the page's JSON-LD): every `<`, `>` and `&` is
/// written as a `\u` escape, so no text can close the element (`</script>`), open a comment
/// that swallows the rest of the page (`<!--`) or hold a marker another step searches for.
/// U+2028 and U+2029 are escaped too, for scripts that read the block as JavaScript. The JSON
/// means the same: a JSON reader gives back the same strings.
///
/// # Errors
/// The serialiser's message (a map with keys that are not strings).
pub fn script_json(value: &serde_json::Value) -> Result<String, String> {
    let text = serde_json::to_string(value).map_err(|e| e.to_string())?;
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    Ok(out)
}

/// Appends `<tag attrs>text</tag>`, escaping the text; `attrs` must already be escaped.
pub(crate) fn element(out: &mut String, tag: &str, attrs: &str, text: &str) {
    let space = if attrs.is_empty() { "" } else { " " };
    let _ = write!(out, "<{tag}{space}{attrs}>{}</{tag}>", escape(text));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(escape(r#"<a href="x">'&'</a>"#), "&lt;a href=&quot;x&quot;&gt;&#x27;&amp;&#x27;&lt;/a&gt;");
        let mut out = String::new();
        element(&mut out, "p", r#"class="x""#, "1 < 2");
        assert_eq!(out, r#"<p class="x">1 &lt; 2</p>"#);
    }

    #[test]
    fn json_in_a_script_holds_no_markup_and_reads_back_the_same() {
        let name = "<!--<script>x</script>--> </head> <!--/published--> & \u{2028}";
        let value = serde_json::json!({ "name": name });
        let written = script_json(&value).unwrap();
        assert!(!written.contains(['<', '>', '&', '\u{2028}']), "{written}");
        let read: serde_json::Value = serde_json::from_str(&written).unwrap();
        assert_eq!(read["name"], name);
    }
}
