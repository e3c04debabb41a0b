//! The code that embeds a view of the dashboard in another page: an iframe with its title and
//! embed id, and the host script that sizes it; every attribute value goes through
//! [`escape`](super::escape).

use super::escape;

/// The iframe and script to paste into a host page.
pub fn embed_snippet(url: &str, title: &str, id: &str, script_url: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"480\" loading=\"lazy\" \
         style=\"border:0;width:100%;min-height:320px;aspect-ratio:16/10\" data-eu-iom-embed=\"{}\"></iframe>\n\
         <script src=\"{}\" async></script>",
        escape(url),
        escape(title),
        escape(id),
        escape(script_url)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_iframe_and_the_host_script() {
        let snippet = embed_snippet(
            "https://example.org/dash/?v=1&view=map&embed=1&eid=e1",
            "EU–IOM cooperation in figures — Latest reported value by country",
            "e1",
            "https://example.org/dash/embed.js",
        );
        assert_eq!(
            snippet,
            "<iframe src=\"https://example.org/dash/?v=1&amp;view=map&amp;embed=1&amp;eid=e1\" \
             title=\"EU–IOM cooperation in figures — Latest reported value by country\" width=\"100%\" height=\"480\" \
             loading=\"lazy\" style=\"border:0;width:100%;min-height:320px;aspect-ratio:16/10\" data-eu-iom-embed=\"e1\"></iframe>\n\
             <script src=\"https://example.org/dash/embed.js\" async></script>"
        );
    }

    #[test]
    fn no_value_can_close_its_attribute_or_open_a_tag() {
        let snippet = embed_snippet("/x?a=\"><script>", "Chiffres \"clés\" d'<b>l'OIM</b> & co", "a\"b", "/e.js?'");
        assert!(snippet.contains("src=\"/x?a=&quot;&gt;&lt;script&gt;\""), "{snippet}");
        assert!(snippet.contains("title=\"Chiffres &quot;clés&quot; d&#x27;&lt;b&gt;l&#x27;OIM&lt;/b&gt; &amp; co\""), "{snippet}");
        assert!(snippet.contains("data-eu-iom-embed=\"a&quot;b\""), "{snippet}");
        assert!(snippet.contains("<script src=\"/e.js?&#x27;\" async>"), "{snippet}");
        assert_eq!(snippet.matches('<').count(), 4, "only the snippet's own tags: {snippet}");
        assert_eq!(snippet.matches('"').count(), 2 * 8, "every value stays inside its quotes: {snippet}");
    }
}
