//! A release copied from a web page (the clipboard's `text/html`) turned into the text the
//! reader expects: one paragraph per block, headings and list items on their own, and the
//! page's furniture dropped (navigation, menus, breadcrumbs, headers and footers of the site,
//! "share" links, forms, scripts). Parsed with `scraper` (html5ever), so any markup a browser
//! copies reads as the browser would.

use scraper::node::Node;
use scraper::{ElementRef, Html};

/// Elements never part of a release's text.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "footer", "form", "button", "menu", "select", "svg", "iframe", "aside", "head",
    "object",
];
/// Roles of page furniture.
const DROPPED_ROLES: &[&str] = &["navigation", "menu", "menubar", "banner", "contentinfo", "search", "toolbar", "dialog"];
/// Words in a class or id that mark furniture.
const FURNITURE: &[&str] = &["share", "social", "menu", "breadcrumb", "navbar", "nav-", "cookie", "skip-link", "print-link", "related"];
/// Link targets of sharing services.
const SHARE_LINKS: &[&str] =
    &["twitter.com/intent", "x.com/intent", "facebook.com/sharer", "linkedin.com/share", "mailto:?", "whatsapp.com/send", "/share?"];
/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "tr", "table",
    "dd", "dt", "dl", "figure", "figcaption", "pre", "address", "hr",
];

/// The text of a copied web page, paragraphs separated by a blank line.
pub fn text_from_html(html: &str) -> String {
    let document = Html::parse_document(html);
    let mut paragraphs = Paragraphs::default();
    walk(document.root_element(), &mut paragraphs);
    paragraphs.finish()
}

#[derive(Default)]
struct Paragraphs {
    done: Vec<String>,
    current: String,
}

impl Paragraphs {
    fn push_text(&mut self, text: &str) {
        // HTML's white space only: a no-break space is part of the text ("84\u{a0}000").
        for (index, word) in text.split([' ', '\t', '\n', '\r', '\u{c}']).enumerate() {
            if index > 0 && !self.current.ends_with([' ', '\n']) && !self.current.is_empty() {
                self.current.push(' ');
            }
            self.current.push_str(word);
        }
    }

    fn line_break(&mut self) {
        let kept = self.current.trim_end_matches(' ').len();
        self.current.truncate(kept);
        if !self.current.is_empty() {
            self.current.push('\n');
        }
    }

    fn end(&mut self) {
        let paragraph: Vec<&str> = self.current.lines().map(|l| l.trim_matches(' ')).filter(|l| !l.is_empty()).collect();
        if !paragraph.is_empty() {
            self.done.push(paragraph.join("\n"));
        }
        self.current.clear();
    }

    fn finish(mut self) -> String {
        self.end();
        self.done.join("\n\n")
    }
}

/// Whether an element is furniture rather than the release.
fn is_furniture(element: &ElementRef<'_>) -> bool {
    let value = element.value();
    let name = value.name();
    if DROPPED.contains(&name) || value.attr("hidden").is_some() || value.attr("aria-hidden") == Some("true") {
        return true;
    }
    if value.attr("role").is_some_and(|role| DROPPED_ROLES.contains(&role.trim())) {
        return true;
    }
    let marks = [value.attr("class").unwrap_or_default(), value.attr("id").unwrap_or_default()].join(" ").to_ascii_lowercase();
    if FURNITURE.iter().any(|word| marks.contains(word)) {
        return true;
    }
    name == "a" && value.attr("href").is_some_and(|href| SHARE_LINKS.iter().any(|link| href.to_ascii_lowercase().contains(link)))
}

fn walk(element: ElementRef<'_>, out: &mut Paragraphs) {
    for child in element.children() {
        match child.value() {
            Node::Text(text) => out.push_text(text),
            Node::Element(_) => {
                let Some(child) = ElementRef::wrap(child) else { continue };
                if is_furniture(&child) {
                    continue;
                }
                let name = child.value().name();
                if name == "br" {
                    out.line_break();
                } else if BLOCKS.contains(&name) {
                    out.end();
                    walk(child, out);
                    out.end();
                } else if matches!(name, "td" | "th") {
                    walk(child, out);
                    out.push_text(" ");
                } else {
                    walk(child, out);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::release::extract::extract;
    use crate::domain::testing::seed_release as seed;

    /// The seed release as the EEAS site marks it up: the site's header and menus, a
    /// breadcrumb, the title, the dateline, the paragraphs (some with inline markup), share
    /// links and the footer.
    fn eeas_page() -> String {
        let seed = seed();
        let paragraphs: Vec<&str> = seed.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect();
        let mut body = String::new();
        for (index, paragraph) in paragraphs.iter().enumerate() {
            let html = paragraph.replace('&', "&amp;").replace('<', "&lt;").replace('\n', "<br>\n");
            // Inline markup inside a paragraph must not split it.
            let html = if index == 2 { html.replacen(' ', " <strong>", 1).replacen(' ', "</strong> ", 2) } else { html };
            body.push_str(&format!("<p class=\"text\">{html}</p>\n"));
        }
        format!(
            r#"<html><head><title>EEAS</title><style>p {{ color: red }}</style></head><body>
<header role="banner"><a href="/">European External Action Service</a><ul class="main-menu"><li><a href="/topics">Topics</a></li><li><a href="/press">Press material</a></li></ul></header>
<nav aria-label="breadcrumb"><ol><li>Home</li><li>Newsroom</li></ol></nav>
<div class="region-content"><article>
<div class="share-buttons"><span>Share:</span><a href="https://twitter.com/intent/tweet?url=x">Twitter</a> <a href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a></div>
{body}
<p><a href="https://www.linkedin.com/shareArticle?url=x" class="btn">LinkedIn</a></p>
</article></div>
<footer><p>© European Union</p><a href="/legal">Legal notice</a></footer>
<script>var tracking = 1;</script>
</body></html>"#
        )
    }

    #[test]
    fn a_copied_eeas_page_reads_as_its_release_text() {
        let text = text_from_html(&eeas_page());
        for furniture in [
            "Topics", "Press material", "Newsroom", "Twitter", "Facebook", "LinkedIn", "Share", "Legal notice", "© European Union",
            "tracking", "color: red",
        ] {
            assert!(!text.contains(furniture), "{furniture:?} left in:\n{text}");
        }
        let expected: Vec<String> = seed()
            .split("\n\n")
            .map(|p| p.lines().map(str::trim).collect::<Vec<_>>().join("\n"))
            .filter(|p| !p.trim().is_empty())
            .collect();
        assert_eq!(text, expected.join("\n\n"));
        // The reader proposes the same figures from it as from the text itself.
        let summary = |t: &str| extract(t).proposals.iter().map(|p| (p.metric, p.value, p.qualifier)).collect::<Vec<_>>();
        assert_eq!(summary(&text), summary(&seed()));
        assert_eq!(extract(&text).release.unique_id.as_deref(), Some("201013_8"));
    }

    #[test]
    fn an_iom_news_page_keeps_headings_lists_and_paragraphs() {
        let html = r##"<div id="skip-link"><a href="#main">Skip to main content</a></div>
<div class="navbar"><a href="/">IOM</a> <a href="/donate">Donate</a></div>
<main id="main"><h1>Over 5,000 Migrants Return Home from Niger</h1>
<div class="date">Niamey, 12 October 2021</div>
<p>More than   5,000 migrants
 returned home with IOM's help.</p>
<ul><li>1,200 received reintegration assistance;</li><li>300 were rescued.</li></ul>
<div class="social-share"><a href="mailto:?subject=x">Email</a><a href="/print">Print</a></div>
<table><tr><td>Niger</td><td>5,000</td></tr></table></main>
<div role="contentinfo">Contact us</div>"##;
        assert_eq!(
            text_from_html(html),
            "Over 5,000 Migrants Return Home from Niger\n\nNiamey, 12 October 2021\n\nMore than 5,000 migrants returned home with IOM's help.\n\n1,200 received reintegration assistance;\n\n300 were rescued.\n\nNiger 5,000"
        );
    }

    #[test]
    fn plain_text_and_empty_markup_pass_through() {
        assert_eq!(text_from_html("Just a line"), "Just a line");
        assert_eq!(text_from_html(""), "");
        assert_eq!(text_from_html("<nav>menu</nav>"), "");
    }
}
