//! HTML articles: the article text of a web page, with every offset mapped back to the page.
//!
//! The page is tokenised by `html5gum` (a WHATWG tokenizer that reports the byte span of every tag,
//! comment and doctype). Text is whatever lies between two pieces of markup. Only the article's
//! text becomes prose:
//!
//! - the content root is the element marked `itemprop="articleBody"`, else the `<article>`
//!   elements, else `<main>`, else the whole page;
//! - `script`, `style`, `nav`, `header`, `footer`, `aside`, `form` and the like are left out, and so
//!   is any element whose role, class or id names boilerplate (navigation, sharing buttons,
//!   newsletter boxes, related stories, cookie banners, bylines, ...) or that is hidden;
//! - a block element (`p`, `div`, `li`, `h2`, `br`, ...) ends a sentence: its tag reads as a line
//!   break, as a blank line does in Markdown;
//! - character references are decoded (`&amp;` → `&`, `&#8217;` → `’`; a no-break space reads as a
//!   space), and a run of white space that holds a line break reads as one space, since HTML
//!   wraps lines freely.
//!
//! Each decoded reference and each collapsed run of white space is one [`SpanMap`] piece that
//! stands for its source bytes as a whole, so a claim that contains `&nbsp;` quotes the raw
//! `&nbsp;` of the file. Metadata comes from `<title>`, `og:title`, `og:site_name`, `og:url`,
//! `article:published_time`, `<link rel="canonical">` and JSON-LD (`headline`, `datePublished`,
//! `publisher.name`).

use crate::model::{Document, Meta, SpanMap};
use html5gum::{DefaultEmitter, Token, Tokenizer};
use std::collections::BTreeMap;
use std::ops::Range;

/// Extensions read as HTML.
pub const HTML_EXTENSIONS: &[&str] = &["html", "htm"];

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "svg",
    "math", "button", "select", "textarea", "object", "canvas", "dialog", "menu",
];

/// Elements that end a sentence: their tags read as a line break.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "br",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// Elements without end tags.
const VOID: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

/// Words in a class or id that mark page furniture rather than the article.
const BOILERPLATE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "byline",
    "comment",
    "comments",
    "consent",
    "cookie",
    "cookies",
    "footer",
    "header",
    "masthead",
    "menu",
    "modal",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "paywall",
    "popup",
    "promo",
    "related",
    "share",
    "sharing",
    "sidebar",
    "social",
    "sponsored",
    "subscribe",
    "subscription",
];

/// ARIA roles of page furniture.
const BOILERPLATE_ROLES: &[&str] =
    &["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar"];

/// One piece of markup, in source order.
#[derive(Debug)]
enum Markup {
    Start {
        name: String,
        attrs: BTreeMap<String, String>,
        span: Range<usize>,
        self_closing: bool,
    },
    End {
        name: String,
        span: Range<usize>,
    },
    /// Comments, doctypes, processing instructions: never text.
    Other {
        span: Range<usize>,
    },
}

impl Markup {
    fn span(&self) -> &Range<usize> {
        match self {
            Markup::Start { span, .. } | Markup::End { span, .. } | Markup::Other { span } => span,
        }
    }
}

fn tokenize(source: &str) -> Vec<Markup> {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // Script, style, title and textarea content is raw text, not markup.
    emitter.naively_switch_states(true);
    let mut out = Vec::new();
    for token in Tokenizer::new_with_emitter(source, emitter).flatten() {
        let lossy = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        match token {
            Token::StartTag(t) => out.push(Markup::Start {
                name: lossy(&t.name).to_ascii_lowercase(),
                attrs: t.attributes.iter().map(|(k, v)| (lossy(k).to_ascii_lowercase(), lossy(&v.value))).collect(),
                span: t.span.start..t.span.end,
                self_closing: t.self_closing,
            }),
            Token::EndTag(t) => {
                out.push(Markup::End { name: lossy(&t.name).to_ascii_lowercase(), span: t.span.start..t.span.end })
            }
            Token::Comment(c) => out.push(Markup::Other { span: c.span.start..c.span.end }),
            Token::Doctype(d) => out.push(Markup::Other { span: d.span.start..d.span.end }),
            Token::String(_) | Token::Error(_) => {}
        }
    }
    out
}

/// Whether an element, by its name and attributes, holds page furniture.
fn is_boilerplate(name: &str, attrs: &BTreeMap<String, String>) -> bool {
    if SKIPPED.contains(&name) || attrs.contains_key("hidden") {
        return true;
    }
    // The page's frame and the article itself are never furniture, whatever their classes say
    // (`<body class="nav-open">`, `<article class="story has-sidebar">`).
    if matches!(name, "html" | "body" | "main" | "article") || root_of(name, attrs).is_some() {
        return false;
    }
    if attrs.get("aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
        return true;
    }
    if attrs.get("role").is_some_and(|r| BOILERPLATE_ROLES.contains(&r.to_ascii_lowercase().as_str())) {
        return true;
    }
    ["class", "id"].iter().filter_map(|k| attrs.get(*k)).any(|v| {
        v.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .any(|word| BOILERPLATE_WORDS.contains(&word.to_ascii_lowercase().as_str()))
    })
}

/// How the article's content is marked, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Root {
    ArticleBody,
    Article,
    Main,
}

fn root_of(name: &str, attrs: &BTreeMap<String, String>) -> Option<Root> {
    if attrs.get("itemprop").is_some_and(|v| v.split_whitespace().any(|w| w == "articleBody")) {
        Some(Root::ArticleBody)
    } else if name == "article" {
        Some(Root::Article)
    } else if name == "main" {
        Some(Root::Main)
    } else {
        None
    }
}

/// An element being tracked until its end tag: the name, and how many same-named elements are open.
struct Open {
    name: String,
    depth: usize,
}

impl Open {
    /// Feeds one piece of markup; true when the tracked element has just closed.
    fn closes(&mut self, m: &Markup) -> bool {
        match m {
            Markup::Start { name, self_closing: false, .. } if *name == self.name => self.depth += 1,
            Markup::End { name, .. } if *name == self.name => {
                self.depth -= 1;
                return self.depth == 0;
            }
            _ => {}
        }
        false
    }
}

fn opens(name: &str, self_closing: bool) -> bool {
    !self_closing && !VOID.contains(&name)
}

/// Which parts of the page are article text: the content root (or the whole page) less the
/// boilerplate inside it. Returns one flag per gap between markup (`markup.len() + 1` gaps: before
/// each piece and after the last) and one per piece of markup (inside the text on either side).
fn text_regions(markup: &[Markup]) -> (Vec<bool>, Vec<bool>) {
    // First pass: the strongest kind of content root that the page marks outside boilerplate.
    let mut best: Option<Root> = None;
    let mut skip: Option<Open> = None;
    for m in markup {
        if let Some(s) = &mut skip {
            if s.closes(m) {
                skip = None;
            }
            continue;
        }
        if let Markup::Start { name, attrs, self_closing, .. } = m {
            if is_boilerplate(name, attrs) {
                if opens(name, *self_closing) {
                    skip = Some(Open { name: name.clone(), depth: 1 });
                }
            } else if let Some(r) = root_of(name, attrs) {
                best = Some(best.map_or(r, |b| b.min(r)));
            }
        }
    }
    // Second pass: whether each gap, and each piece of markup, is in the article text.
    let mut gaps = Vec::with_capacity(markup.len() + 1);
    let mut tags = Vec::with_capacity(markup.len());
    let mut skip: Option<Open> = None;
    let mut root: Option<Open> = None;
    let is_text = |skip: &Option<Open>, root: &Option<Open>| skip.is_none() && (best.is_none() || root.is_some());
    for m in markup {
        let before = is_text(&skip, &root);
        gaps.push(before);
        if let Some(s) = &mut skip {
            if s.closes(m) {
                skip = None;
            }
        } else {
            if root.as_mut().is_some_and(|r| r.closes(m)) {
                root = None;
            }
            if let Markup::Start { name, attrs, self_closing, .. } = m {
                if is_boilerplate(name, attrs) {
                    if opens(name, *self_closing) {
                        skip = Some(Open { name: name.clone(), depth: 1 });
                    }
                } else if best.is_some() && root.is_none() && root_of(name, attrs) == best && opens(name, *self_closing)
                {
                    root = Some(Open { name: name.clone(), depth: 1 });
                }
            }
        }
        tags.push(before || is_text(&skip, &root));
    }
    gaps.push(is_text(&skip, &root));
    (gaps, tags)
}

/// Builds prose and its span map from a page.
struct ProseBuilder<'a> {
    source: &'a str,
    prose: String,
    map: SpanMap,
}

impl ProseBuilder<'_> {
    /// Prose that stands for `source` bytes as a whole (or copies them, when equal).
    fn push(&mut self, text: &str, source: Range<usize>) {
        if text.is_empty() {
            return;
        }
        self.prose.push_str(text);
        self.map.push(text.len(), source.start, source.len());
    }

    fn copy(&mut self, source: Range<usize>) {
        let text = &self.source[source.clone()];
        self.push(text, source);
    }

    /// A line break standing for a block element's tag.
    fn line_break(&mut self, tag: Range<usize>) {
        self.push("\n", tag);
    }

    /// Text between markup: references decoded, white space with a line break folded to a space.
    fn text(&mut self, range: Range<usize>) {
        let text = &self.source[range.clone()];
        let bytes = text.as_bytes();
        let mut plain = 0; // start of the text not yet pushed, relative to `range`
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'&' {
                if let Some((len, decoded)) = decode_reference(&text[i..]) {
                    self.copy(range.start + plain..range.start + i);
                    self.push(&decoded, range.start + i..range.start + i + len);
                    i += len;
                    plain = i;
                    continue;
                }
            } else if bytes[i].is_ascii_whitespace() {
                let run = bytes[i..].iter().take_while(|b| b.is_ascii_whitespace()).count();
                if bytes[i..i + run].iter().any(|&b| b != b' ') {
                    self.copy(range.start + plain..range.start + i);
                    self.push(" ", range.start + i..range.start + i + run);
                    plain = i + run;
                }
                i += run;
                continue;
            }
            i += 1;
        }
        self.copy(range.start + plain..range.end);
    }
}

/// Decodes the character reference at the start of `text` (which starts with `&`): its length in
/// bytes and what it stands for, or None when it is a plain ampersand. The decoding is html5gum's
/// own (the WHATWG table and rules); a no-break space reads as a space.
fn decode_reference(text: &str) -> Option<(usize, String)> {
    let body = text[1..].bytes().take(32).take_while(|b| b.is_ascii_alphanumeric() || *b == b'#').count();
    if body == 0 {
        return None;
    }
    let mut len = 1 + body;
    if text.as_bytes().get(len) == Some(&b';') {
        len += 1;
    }
    let raw = &text[..len];
    let decoded = decode_text(raw);
    (decoded != raw).then(|| (len, decoded.replace('\u{a0}', " ")))
}

/// Decodes the character references of a text as HTML text content.
pub fn decode_text(raw: &str) -> String {
    let mut out = String::new();
    for token in Tokenizer::new(raw).flatten() {
        if let Token::String(s) = token {
            out.push_str(&String::from_utf8_lossy(&s.value));
        }
    }
    out
}

/// Builds the document of an HTML page.
pub fn parse_html(path: String, source: String, index: usize) -> Document {
    let markup = tokenize(&source);
    let (gaps, tags) = text_regions(&markup);
    let mut b = ProseBuilder { source: &source, prose: String::with_capacity(source.len()), map: SpanMap::default() };
    let mut at = 0;
    for (i, m) in markup.iter().enumerate() {
        if gaps[i] && at < m.span().start {
            b.text(at..m.span().start);
        }
        let block = match m {
            Markup::Start { name, .. } | Markup::End { name, .. } => BLOCKS.contains(&name.as_str()),
            Markup::Other { .. } => false,
        };
        if block && tags[i] {
            b.line_break(m.span().clone());
        }
        at = m.span().end;
    }
    if gaps[markup.len()] && at < source.len() {
        b.text(at..source.len());
    }
    let meta = metadata(&source, &markup);
    let ProseBuilder { prose, map, .. } = b;
    Document { index, path, meta, source, prose, map }
}

/// Other `<meta>` names (or `itemprop`s) that carry a page's publication date, lower case.
const PUBLISHED_META: &[&str] = &[
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "article.published",
    "dc.date.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.issued",
    "sailthru.date",
    "parsely-pub-date",
];

/// Metadata a page states about itself.
fn metadata(source: &str, markup: &[Markup]) -> Meta {
    let mut metas: BTreeMap<String, String> = BTreeMap::new();
    let mut title = None;
    let mut canonical = None;
    let mut ld = LinkedData::default();
    for (i, m) in markup.iter().enumerate() {
        let Markup::Start { name, attrs, span, .. } = m else { continue };
        // The raw text up to the next piece of markup (the element's content for title and script).
        let content = || {
            let end = markup.get(i + 1).map_or(source.len(), |n| n.span().start);
            &source[span.end..end]
        };
        match name.as_str() {
            "meta" => {
                let key = attrs.get("property").or_else(|| attrs.get("name")).or_else(|| attrs.get("itemprop"));
                if let (Some(key), Some(value)) = (key, attrs.get("content")) {
                    metas.entry(key.to_ascii_lowercase()).or_insert_with(|| value.trim().to_string());
                }
            }
            "title" if title.is_none() => title = Some(collapse(&decode_text(content()))),
            "link" if attrs.get("rel").is_some_and(|r| r.split_whitespace().any(|w| w == "canonical")) => {
                canonical = canonical.or_else(|| attrs.get("href").cloned());
            }
            "script" if attrs.get("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) => {
                if let Ok(value) = serde_json::from_str::<serde_json::Value>(content()) {
                    ld.read(&value);
                }
            }
            _ => {}
        }
    }
    let get = |key: &str| metas.get(key).filter(|v| !v.is_empty()).cloned();
    let outlet = get("og:site_name").or(ld.publisher);
    let title = get("og:title").or(ld.headline).or_else(|| title.map(|t| strip_site(&t, outlet.as_deref())));
    // Open Graph first, then JSON-LD, then the names other publishing systems use.
    let published = get("article:published_time")
        .or(ld.date_published)
        .into_iter()
        .chain(PUBLISHED_META.iter().filter_map(|key| get(key)))
        .find_map(|d| crate::load::parse_iso_date(d.trim()));
    Meta { title: title.filter(|t| !t.is_empty()), outlet, published, url: get("og:url").or(canonical).or(ld.url) }
}

/// "Headline | The Ledger" → "Headline" when the site's name is known.
fn strip_site(title: &str, site: Option<&str>) -> String {
    if let Some(site) = site {
        for sep in [" | ", " - ", " — ", " – ", " · "] {
            if let Some(rest) = title.strip_suffix(&format!("{sep}{site}")) {
                return rest.trim().to_string();
            }
        }
    }
    title.to_string()
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What JSON-LD says about the article: the first article object's fields win.
#[derive(Default)]
struct LinkedData {
    headline: Option<String>,
    date_published: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
}

impl LinkedData {
    fn read(&mut self, value: &serde_json::Value) {
        match value {
            serde_json::Value::Array(items) => items.iter().for_each(|v| self.read(v)),
            serde_json::Value::Object(obj) => {
                if let Some(graph) = obj.get("@graph") {
                    self.read(graph);
                }
                let is_article = match obj.get("@type") {
                    Some(serde_json::Value::String(t)) => t.ends_with("Article") || t == "BlogPosting",
                    Some(serde_json::Value::Array(ts)) => {
                        ts.iter().filter_map(|t| t.as_str()).any(|t| t.ends_with("Article") || t == "BlogPosting")
                    }
                    _ => false,
                };
                if !is_article {
                    // Articles may sit deeper: "mainEntity", "itemListElement", ...
                    obj.iter().filter(|(k, _)| *k != "@graph").for_each(|(_, v)| self.read(v));
                    return;
                }
                let text = |k: &str| obj.get(k).and_then(|v| v.as_str()).map(|s| s.trim().to_string());
                self.headline = self.headline.take().or_else(|| text("headline"));
                self.date_published = self.date_published.take().or_else(|| text("datePublished"));
                self.url = self.url.take().or_else(|| text("url"));
                let publisher = match obj.get("publisher") {
                    Some(serde_json::Value::Object(p)) => p.get("name").and_then(|n| n.as_str()),
                    Some(serde_json::Value::String(s)) => Some(s.as_str()),
                    _ => None,
                };
                self.publisher = self.publisher.take().or_else(|| publisher.map(|p| p.trim().to_string()));
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CivilDate;

    fn doc(src: &str) -> Document {
        parse_html("a.html".into(), src.into(), 0)
    }

    /// The source text of the prose range where `needle` occurs.
    fn source_of(d: &Document, needle: &str) -> String {
        let at = d.prose.find(needle).unwrap_or_else(|| panic!("{needle:?} not in {:?}", d.prose));
        d.source[d.source_span(at..at + needle.len())].to_string()
    }

    #[test]
    fn boilerplate_is_left_out_and_blocks_break_sentences() {
        let src = r#"<!doctype html><html><head><title>T</title><style>p { margin: 84px }</style></head>
<body><nav><a href="/">Home</a> 12 killed</nav>
<header class="site-header"><h1>Headline</h1></header>
<div class="share-bar">Share 99</div>
<p>First sentence<br>second line.</p><p>Third.</p>
<script>var deaths = 62;</script>
<aside>Related: 5 dead</aside><footer>© 2024</footer></body></html>"#;
        let d = doc(src);
        for gone in ["84", "12", "Headline", "99", "62", "Related", "2024", "Home"] {
            assert!(!d.prose.contains(gone), "{gone} leaked into {:?}", d.prose);
        }
        assert!(d.prose.contains("First sentence\nsecond line.\n"), "{:?}", d.prose);
        assert!(d.prose.contains("Third."));
        assert_eq!(source_of(&d, "second line"), "second line");
    }

    #[test]
    fn the_article_element_is_the_content_when_there_is_one() {
        let d = doc("<body><p>Teaser: 7 dead</p><article><p>Body: 9 dead</p></article><p>More: 8</p></body>");
        assert!(d.prose.contains("Body: 9 dead"));
        assert!(!d.prose.contains('7') && !d.prose.contains('8'), "{:?}", d.prose);
    }

    #[test]
    fn entities_decode_and_map_to_their_raw_bytes() {
        let src = "<p>Russia&#8217;s toll: at least&nbsp;143 &amp; more, AT&T &copy 2024</p>";
        let d = doc(src);
        assert!(d.prose.contains("Russia’s toll: at least 143 & more, AT&T © 2024"), "{:?}", d.prose);
        assert_eq!(source_of(&d, "at least 143"), "at least&nbsp;143");
        assert_eq!(source_of(&d, "’s"), "&#8217;s");
        assert_eq!(source_of(&d, "143"), "143");
        assert_eq!(source_of(&d, "AT&T"), "AT&T");
        // An offset inside a reference maps to the whole reference.
        let at = d.prose.find('’').unwrap();
        assert_eq!(d.source_span(at..at + 1), src.find("&#8217;").unwrap()..src.find("&#8217;").unwrap() + 7);
    }

    #[test]
    fn wrapped_lines_read_as_one_sentence() {
        let src = "<p>More than 60 people\n    were killed.</p>";
        let d = doc(src);
        assert!(d.prose.contains("More than 60 people were killed."), "{:?}", d.prose);
        assert_eq!(source_of(&d, "people were"), "people\n    were");
    }

    #[test]
    fn inline_markup_is_dropped_but_spans_cover_it() {
        let d = doc("<p>At least <b>143</b> people died.</p>");
        assert!(d.prose.contains("At least 143 people died."));
        assert_eq!(source_of(&d, "143 people"), "143</b> people");
    }

    #[test]
    fn metadata_from_open_graph_and_json_ld() {
        let src = r#"<html><head><title>Headline &amp; more | The Ledger</title>
<meta property="og:site_name" content="The Ledger">
<meta property="article:published_time" content="2024-03-23T09:30:00+03:00">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"LD headline","datePublished":"2024-03-22","publisher":{"@type":"Organization","name":"LD Ledger"}}</script>
</head><body><p>x</p></body></html>"#;
        let m = doc(src).meta;
        assert_eq!(m.title.as_deref(), Some("LD headline"), "JSON-LD headline before <title>");
        assert_eq!(m.outlet.as_deref(), Some("The Ledger"));
        assert_eq!(m.published, Some(CivilDate { year: 2024, month: 3, day: 23 }));

        let m = doc("<title>Headline &amp; more | The Ledger</title><meta property=og:site_name content='The Ledger'>")
            .meta;
        assert_eq!(m.title.as_deref(), Some("Headline & more"));
        let m = doc(r#"<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":["NewsArticle"],"datePublished":"2024-04-01","publisher":{"name":"Eastbridge"}}]}</script>"#).meta;
        assert_eq!(m.published, Some(CivilDate { year: 2024, month: 4, day: 1 }));
        assert_eq!(m.outlet.as_deref(), Some("Eastbridge"));
        // Other publishing systems' names for the date; one that is no ISO date is passed over.
        let published = |head: &str| doc(head).meta.published;
        let march_2 = Some(CivilDate { year: 2024, month: 3, day: 2 });
        assert_eq!(published(r#"<meta name="date" content="2024-03-02">"#), march_2);
        assert_eq!(published(r#"<meta itemprop="datePublished" content="2024-03-02T10:00:00Z">"#), march_2);
        assert_eq!(
            published(r#"<meta name="pubdate" content="March 1, 2024"><meta name="DC.date" content="2024-03-02">"#),
            march_2
        );
    }

    #[test]
    fn the_frame_and_the_article_are_never_boilerplate() {
        let d = doc("<body class=\"nav-open\"><article class=\"story has-sidebar\"><p>9 dead</p></article></body>");
        assert!(d.prose.contains("9 dead"), "{:?}", d.prose);
        let m = doc(r#"<script type="application/ld+json">{"@type":"WebPage","mainEntity":{"@type":"NewsArticle","headline":"Deep"}}</script>"#).meta;
        assert_eq!(m.title.as_deref(), Some("Deep"));
    }

    #[test]
    fn comments_and_unclosed_boilerplate_do_not_leak() {
        let d = doc("<p>Kept.</p><!-- 99 dead --><div class=\"newsletter\"><div>Sign up</div> 3 </div><p>After.</p>");
        assert!(!d.prose.contains("99") && !d.prose.contains("Sign up") && !d.prose.contains('3'), "{:?}", d.prose);
        assert!(d.prose.contains("After."));
    }
}
