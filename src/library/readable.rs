//! A saved news page read as a person reads it: the headline, the dateline and
//! the article's text, without the menus, "most read", "related news", footers
//! and the like, which name other meetings.
//!
//! The page is parsed by a real HTML parser (the WHATWG algorithm, as a browser
//! parses it): in the browser by the browser's own parser, into an inert
//! `<template>` never attached to the page (no script runs, nothing it names is
//! fetched, no event handler fires), natively by `scraper` (html5ever). Either
//! gives a [`Doc`], and [`article_text`] picks the main text with the
//! readability algorithm (Arc90's, as Mozilla's Readability.js scores it):
//! paragraphs score their ancestors by their length and commas, class names
//! and tags weigh in, link-heavy blocks count for little, and the best
//! container, with its siblings that score near it, is the article.
//!
//! Every walk over the tree is a loop, not a recursion: a page nested a
//! million deep does not overflow the stack.

/// A parsed page, reduced to what reading needs. Nodes are in document order:
/// a parent always comes before its children.
#[derive(Debug, Clone)]
pub struct Doc {
    nodes: Vec<Node>,
}

#[derive(Debug, Clone)]
struct Node {
    parent: usize,
    children: Vec<usize>,
    kind: Kind,
}

#[derive(Debug, Clone)]
enum Kind {
    Root,
    Element { tag: Box<str>, attrs: Vec<(Box<str>, Box<str>)> },
    Text(String),
}

/// The attributes reading looks at; the builders keep only these.
pub const KEPT_ATTRIBUTES: &[&str] =
    &["id", "class", "role", "itemprop", "property", "name", "content", "datetime", "hidden", "aria-hidden", "style"];

impl Default for Doc {
    fn default() -> Self {
        Self::new()
    }
}

impl Doc {
    pub const ROOT: usize = 0;

    pub fn new() -> Self {
        Doc { nodes: vec![Node { parent: 0, children: vec![], kind: Kind::Root }] }
    }

    /// Add an element under `parent` (a node of this document); returns its index.
    pub fn element<'a>(&mut self, parent: usize, tag: &str, attrs: impl IntoIterator<Item = (&'a str, &'a str)>) -> usize {
        let parent = parent.min(self.nodes.len() - 1);
        let attrs = attrs
            .into_iter()
            .filter(|(k, _)| KEPT_ATTRIBUTES.contains(&k.to_ascii_lowercase().as_str()))
            .map(|(k, v)| (k.to_ascii_lowercase().into(), v.into()))
            .collect();
        self.push(parent, Kind::Element { tag: tag.to_ascii_lowercase().into(), attrs })
    }

    /// Add text under `parent`.
    pub fn text(&mut self, parent: usize, text: &str) {
        let parent = parent.min(self.nodes.len() - 1);
        if let Some(&last) = self.nodes[parent].children.last() {
            if let Kind::Text(t) = &mut self.nodes[last].kind {
                t.push_str(text);
                return;
            }
        }
        self.push(parent, Kind::Text(text.to_string()));
    }

    fn push(&mut self, parent: usize, kind: Kind) -> usize {
        let i = self.nodes.len();
        self.nodes.push(Node { parent, children: vec![], kind });
        self.nodes[parent].children.push(i);
        i
    }

    fn tag(&self, i: usize) -> &str {
        match &self.nodes[i].kind {
            Kind::Element { tag, .. } => tag,
            _ => "",
        }
    }

    fn attr(&self, i: usize, name: &str) -> Option<&str> {
        match &self.nodes[i].kind {
            Kind::Element { attrs, .. } => attrs.iter().find(|(k, _)| &**k == name).map(|(_, v)| &**v),
            _ => None,
        }
    }

    /// Every node under `i` (itself first), in document order.
    fn subtree(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let mut stack = vec![i];
        std::iter::from_fn(move || {
            let n = stack.pop()?;
            stack.extend(self.nodes[n].children.iter().rev());
            Some(n)
        })
    }

    fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let mut at = i;
        std::iter::from_fn(move || {
            if at == Self::ROOT {
                return None;
            }
            at = self.nodes[at].parent;
            Some(at)
        })
    }
}

/// Parse an HTML document with the platform's HTML parser.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(html: &str) -> Doc {
    let page = scraper::Html::parse_document(html);
    let mut doc = Doc::new();
    let mut stack = vec![(page.tree.root(), Doc::ROOT)];
    while let Some((node, parent)) = stack.pop() {
        let at = match node.value() {
            scraper::Node::Element(e) => doc.element(parent, e.name(), e.attrs()),
            scraper::Node::Text(t) => {
                doc.text(parent, t);
                continue;
            }
            scraper::Node::Document | scraper::Node::Fragment => parent,
            _ => continue,
        };
        let children: Vec<_> = node.children().collect();
        stack.extend(children.into_iter().rev().map(|c| (c, at)));
    }
    doc
}

/// Parse an HTML document with the browser's HTML parser, as the content of
/// a `<template>` that is never attached to the page: an inert fragment, where
/// no script runs, no image loads and no event handler fires (a `DOMParser`
/// document still fires an `<img>`'s `onerror`, which the page's policy then
/// blocks). The template's parsing mode ignores `<html>`, `<head>` and `<body>`
/// and keeps what is in them (`<title>` and `<meta>` too).
#[cfg(target_arch = "wasm32")]
pub fn parse(html: &str) -> Doc {
    use wasm_bindgen::JsCast;
    let mut doc = Doc::new();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return doc };
    let Ok(template) = document.create_element("template") else { return doc };
    template.set_inner_html(html);
    let Some(template) = template.dyn_ref::<web_sys::HtmlTemplateElement>() else { return doc };
    let mut stack: Vec<(web_sys::Node, usize)> = vec![(template.content().into(), Doc::ROOT)];
    while let Some((node, parent)) = stack.pop() {
        let at = match node.node_type() {
            web_sys::Node::ELEMENT_NODE => {
                let e: &web_sys::Element = node.unchecked_ref();
                let attrs: Vec<(&str, String)> =
                    KEPT_ATTRIBUTES.iter().filter_map(|&k| e.get_attribute(k).map(|v| (k, v))).collect();
                doc.element(parent, &e.local_name(), attrs.iter().map(|(k, v)| (*k, v.as_str())))
            }
            web_sys::Node::TEXT_NODE | web_sys::Node::CDATA_SECTION_NODE => {
                doc.text(parent, &node.node_value().unwrap_or_default());
                continue;
            }
            web_sys::Node::DOCUMENT_FRAGMENT_NODE => parent,
            _ => continue,
        };
        let kids = node.child_nodes();
        let mut children = Vec::with_capacity(kids.length() as usize);
        for k in 0..kids.length() {
            if let Some(c) = kids.item(k) {
                children.push((c, at));
            }
        }
        stack.extend(children.into_iter().rev());
    }
    doc
}

/// Elements whose content is never text of the article.
const DROPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "form", "button",
    "select", "textarea", "input", "nav", "aside", "footer", "head", "dialog", "menu", "figure", "picture", "video", "audio",
];
/// Landmarks and widgets that are not the article.
const DROPPED_ROLES: &[&str] =
    &["navigation", "menu", "menubar", "complementary", "banner", "contentinfo", "alert", "alertdialog", "dialog", "search"];
/// Parts of class names and ids of blocks that are unlikely to be the article
/// (Readability's list, with the boxes of news sites: most read, latest, tags).
const UNLIKELY: &[&str] = &[
    "-ad-", "ad-break", "agegate", "banner", "breadcrumb", "combx", "comment", "community", "cover-wrap", "disqus", "extra",
    "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper",
    "social", "sponsor", "supplemental", "pagination", "pager", "popup", "yom-remote", "share", "most", "popular", "trending",
    "newsletter", "cookie", "widget", "promo", "latest", "more-", "also", "tags", "navbar", "ticker", "breaking",
];
/// ... unless they also name one of these.
const MAYBE: &[&str] = &["and", "article", "body", "column", "content", "main", "shadow", "story"];
const POSITIVE: &[&str] = &["article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text", "blog", "story", "detail"];
const NEGATIVE: &[&str] = &[
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead", "media", "meta", "outbrain",
    "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "widget", "most",
    "latest", "popular",
];
/// Block-level elements: a container holding one of these is not a paragraph itself.
const BLOCKS: &[&str] = &[
    "address", "article", "blockquote", "dd", "div", "dl", "dt", "fieldset", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "ol", "p", "pre", "section", "table", "tbody", "thead", "tr", "td", "th", "ul", "br", "time",
];

fn has_any(haystack: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| haystack.contains(n))
}

/// What reading works out once per page: which nodes are dropped, and each
/// node's text length, link text length and commas (of the nodes kept).
struct Reading<'a> {
    doc: &'a Doc,
    dropped: Vec<bool>,
    /// Never read at all: not text (scripts, styles), hidden, or a menu, an aside, a footer.
    unread: Vec<bool>,
    len: Vec<usize>,
    link_len: Vec<usize>,
    commas: Vec<usize>,
}

impl<'a> Reading<'a> {
    fn new(doc: &'a Doc) -> Self {
        let n = doc.nodes.len();
        let (mut dropped, mut unread) = (vec![false; n], vec![false; n]);
        for i in 1..n {
            let parent = doc.nodes[i].parent;
            unread[i] = unread[parent] || Self::unread(doc, i);
            dropped[i] = dropped[parent] || unread[i] || Self::drops(doc, i);
        }
        let (mut len, mut link_len, mut commas) = (vec![0; n], vec![0; n], vec![0; n]);
        for i in (0..n).rev() {
            if dropped[i] {
                continue;
            }
            if let Kind::Text(t) = &doc.nodes[i].kind {
                // As a browser shows it: each run of white space one space.
                let words = t.split_whitespace();
                len[i] = words.clone().map(|w| w.chars().count() + 1).sum::<usize>();
                commas[i] = t.chars().filter(|c| matches!(c, ',' | '،' | '，')).count();
            }
            if doc.tag(i) == "a" {
                link_len[i] = len[i];
            }
            if i > 0 {
                let p = doc.nodes[i].parent;
                len[p] += len[i];
                link_len[p] += link_len[i];
                commas[p] += commas[i];
            }
        }
        Reading { doc, dropped, unread, len, link_len, commas }
    }

    /// A node never read, with everything in it: not text, hidden, a menu, an aside, a footer.
    fn unread(doc: &Doc, i: usize) -> bool {
        let tag = doc.tag(i);
        if tag.is_empty() {
            return false;
        }
        if DROPPED_TAGS.contains(&tag) || doc.attr(i, "hidden").is_some() || doc.attr(i, "aria-hidden") == Some("true") {
            return true;
        }
        doc.attr(i, "style").is_some_and(|style| {
            let style: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
            style.contains("display:none") || style.contains("visibility:hidden")
        })
    }

    /// A node dropped from the article with everything in it: a landmark
    /// that is not the article, or a box whose class or id says so.
    fn drops(doc: &Doc, i: usize) -> bool {
        let tag = doc.tag(i);
        if tag.is_empty() {
            return false;
        }
        if doc.attr(i, "role").is_some_and(|r| DROPPED_ROLES.contains(&r.trim().to_ascii_lowercase().as_str())) {
            return true;
        }
        if matches!(tag, "html" | "body" | "article" | "main" | "a") {
            return false;
        }
        let names = class_and_id(doc, i);
        // An advertisement's box ("ad", "ads", "ad-300x250", "advert").
        let ad = names.split([' ', '_']).any(|t| t == "ad" || t == "ads" || t.starts_with("ad-") || t.starts_with("advert"));
        ad || (has_any(&names, UNLIKELY) && !has_any(&names, MAYBE))
    }

    fn link_density(&self, i: usize) -> f64 {
        if self.len[i] == 0 {
            0.0
        } else {
            self.link_len[i] as f64 / self.len[i] as f64
        }
    }

    fn kept_elements(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.doc.subtree(i).filter(move |&n| !self.dropped[n] && !self.doc.tag(n).is_empty())
    }

    /// Text of a node as lines: block elements on lines of their own.
    fn text(&self, i: usize, skip: &[bool]) -> String {
        let mut out = String::new();
        let mut stack = vec![(i, false)];
        while let Some((n, closing)) = stack.pop() {
            if self.dropped[n] || skip.get(n).copied().unwrap_or(false) {
                continue;
            }
            let block = BLOCKS.contains(&self.doc.tag(n));
            if closing {
                if block && !out.ends_with('\n') {
                    out.push('\n');
                }
                continue;
            }
            match &self.doc.nodes[n].kind {
                Kind::Text(t) => push_text(&mut out, t),
                _ => {
                    if block && !out.is_empty() && !out.ends_with('\n') {
                        out.push('\n');
                    }
                    stack.push((n, true));
                    stack.extend(self.doc.nodes[n].children.iter().rev().map(|&c| (c, false)));
                }
            }
        }
        tidy(&out)
    }
}

fn class_and_id(doc: &Doc, i: usize) -> String {
    format!("{} {}", doc.attr(i, "class").unwrap_or(""), doc.attr(i, "id").unwrap_or("")).to_ascii_lowercase()
}

/// Readability's class weight: +25 for a name that says "article", -25 for
/// one that says "sidebar" (each at most once).
fn class_weight(doc: &Doc, i: usize) -> f64 {
    let mut w = 0.0;
    for name in [doc.attr(i, "class"), doc.attr(i, "id")].into_iter().flatten() {
        let name = name.to_ascii_lowercase();
        if has_any(&name, NEGATIVE) {
            w -= 25.0;
        }
        if has_any(&name, POSITIVE) {
            w += 25.0;
        }
    }
    w
}

fn tag_score(tag: &str) -> f64 {
    match tag {
        "div" | "article" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// The page as a person reads it: the headline, the dateline, and the
/// article's text, each block on its own line. A page with no article-like
/// text gives all its text that is not a menu, a footer or the like.
pub fn article_text(doc: &Doc) -> String {
    let r = Reading::new(doc);
    let headline = headline(&r);
    let dateline = dateline(&r);
    let body = match top_candidate(&r) {
        Some(top) => content(&r, top, headline.as_deref()),
        None => r.text(Doc::ROOT, &[]),
    };
    let mut out = String::new();
    for line in [headline, dateline].into_iter().flatten() {
        if !body.starts_with(&line) && !out.contains(&line) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    if !out.is_empty() && !body.is_empty() {
        out.push('\n');
    }
    out.push_str(&body);
    out.trim().to_string()
}

/// The first `<h1>` that is not dropped (a headline of a few words), else the
/// page's `og:title`, else its `<title>`.
fn headline(r: &Reading) -> Option<String> {
    let doc = r.doc;
    let first = |tag: &str, dropped_too: bool| {
        doc.subtree(Doc::ROOT)
            .filter(|&i| doc.tag(i) == tag && (dropped_too || !r.dropped[i]))
            .map(|i| one_line(&all_text(doc, i)))
            .find(|t| t.split_whitespace().count() >= 2)
    };
    first("h1", false)
        .or_else(|| {
            doc.subtree(Doc::ROOT)
                .filter(|&i| doc.tag(i) == "meta" && doc.attr(i, "property") == Some("og:title"))
                .find_map(|i| doc.attr(i, "content").map(one_line).filter(|t| !t.is_empty()))
        })
        .or_else(|| first("title", true))
}

/// When the page says the article was published: the `<time>` (or element
/// marked `datePublished`, or named "date") nearest the headline, shown as the
/// page shows it (a box the reading drops by its class, like an article's
/// header, still counts; a menu or a footer does not).
fn dateline(r: &Reading) -> Option<String> {
    let doc = r.doc;
    let short = |t: String| (t.chars().any(|c| c.is_numeric()) && t.chars().count() <= 100).then_some(t);
    let shown = |i: usize| short(one_line(&all_text(doc, i)));
    let h1 = doc.subtree(Doc::ROOT).find(|&i| doc.tag(i) == "h1" && !r.dropped[i]).unwrap_or(0);
    // Nearest the headline first: a page's first date may be the site's clock.
    let mut order: Vec<usize> = (1..doc.nodes.len()).filter(|&i| !r.unread[i] && !doc.tag(i).is_empty()).collect();
    crate::model::order::sort_by_key(&mut order, |&i| i.abs_diff(h1));
    order
        .iter()
        .filter(|&&i| doc.tag(i) == "time" || doc.attr(i, "itemprop") == Some("datePublished"))
        .find_map(|&i| shown(i).or_else(|| doc.attr(i, "datetime").or(doc.attr(i, "content")).and_then(|d| short(iso_day(d)?))))
        .or_else(|| {
            order.iter().find_map(|&i| {
                let names = class_and_id(doc, i);
                let dated = ["date", "time", "publish", "dateline"].iter().any(|n| names.contains(n)) && !names.contains("update");
                if dated { shown(i) } else { None }
            })
        })
        .or_else(|| {
            doc.subtree(Doc::ROOT)
                .filter(|&i| doc.tag(i) == "meta" && doc.attr(i, "property") == Some("article:published_time"))
                .find_map(|i| iso_day(doc.attr(i, "content")?))
        })
}

/// "2021-05-05T10:30:00+04:30" → "2021-05-05".
fn iso_day(s: &str) -> Option<String> {
    let day: String = s.trim().chars().take(10).collect();
    let ok = day.len() == 10 && day.chars().enumerate().all(|(k, c)| if k == 4 || k == 7 { c == '-' } else { c.is_ascii_digit() });
    ok.then_some(day)
}

/// The element that holds the article: every paragraph-like element scores
/// its ancestors (by its length and commas), which start from their tag and
/// class; the best, discounted by its share of link text.
fn top_candidate(r: &Reading) -> Option<usize> {
    let doc = r.doc;
    let mut score: Vec<Option<f64>> = vec![None; doc.nodes.len()];
    for i in r.kept_elements(Doc::ROOT) {
        let tag = doc.tag(i);
        let paragraph = match tag {
            "p" | "pre" | "td" => true,
            "div" | "section" | "span" | "font" | "center" => {
                doc.nodes[i].children.iter().all(|&c| !BLOCKS.contains(&doc.tag(c)) || doc.tag(c) == "br")
                    && doc.nodes[i].children.iter().any(|&c| matches!(doc.nodes[c].kind, Kind::Text(_)))
            }
            _ => false,
        };
        if !paragraph || r.len[i] < 25 || doc.ancestors(i).any(|a| a != Doc::ROOT && score_of_paragraph_parent(doc, a)) {
            continue;
        }
        let points = 1.0 + r.commas[i] as f64 + (r.len[i] / 100).min(3) as f64;
        for (level, a) in doc.ancestors(i).take(5).enumerate() {
            if a == Doc::ROOT || doc.tag(a).is_empty() {
                break;
            }
            let s = score[a].get_or_insert_with(|| tag_score(doc.tag(a)) + class_weight(doc, a));
            *s += points / if level == 0 { 1.0 } else if level == 1 { 2.0 } else { level as f64 * 3.0 };
        }
    }
    let mut best: Option<(usize, f64)> = None;
    for (i, s) in score.iter().enumerate() {
        if let Some(s) = s {
            let s = s * (1.0 - r.link_density(i));
            if best.is_none_or(|(_, b)| s > b) {
                best = Some((i, s));
            }
        }
    }
    best.map(|(i, _)| i)
}

/// A paragraph inside another paragraph is scored once, as part of it.
fn score_of_paragraph_parent(doc: &Doc, a: usize) -> bool {
    matches!(doc.tag(a), "p" | "pre")
}

/// The article's text: the top candidate and its siblings that look like
/// more of it, without the link lists, heading-only boxes and repeated
/// headline inside.
fn content(r: &Reading, top: usize, headline: Option<&str>) -> String {
    let doc = r.doc;
    let parent = doc.nodes[top].parent;
    let top_weight = class_weight(doc, top);
    let mut parts = vec![];
    if parent == Doc::ROOT || doc.tag(parent) == "html" {
        parts.push(top);
    } else {
        for &s in &doc.nodes[parent].children {
            if r.dropped[s] {
                continue;
            }
            let text_len = r.len[s];
            let ld = r.link_density(s);
            let keep = s == top
                || (class_weight(doc, s) == top_weight && doc.attr(s, "class").is_some() && doc.attr(s, "class") == doc.attr(top, "class") && ld < 0.25 && text_len > 80)
                || (doc.tag(s) == "p" && ((text_len > 80 && ld < 0.25) || (text_len > 0 && ld == 0.0 && ends_sentence(&all_text(doc, s)))));
            if keep {
                parts.push(s);
            }
        }
    }
    // Inside the article: blocks that are mostly links (a "read also" list) go.
    let mut skip = vec![false; doc.nodes.len()];
    for &p in &parts {
        for i in r.kept_elements(p) {
            let tag = doc.tag(i);
            let boxy = matches!(tag, "ul" | "ol" | "div" | "section" | "table" | "dl" | "header" | "p" | "li" | "h2" | "h3" | "h4");
            if i != p && boxy && r.len[i] > 0 && (r.link_density(i) > 0.5 || (class_weight(doc, i) < 0.0 && r.link_density(i) > 0.2)) {
                skip[i] = true;
            }
            if let Some(h) = headline {
                if matches!(tag, "h1" | "h2") && one_line(&all_text(doc, i)) == h {
                    skip[i] = true;
                }
            }
        }
    }
    let texts: Vec<String> = parts.iter().map(|&p| r.text(p, &skip)).filter(|t| !t.is_empty()).collect();
    texts.join("\n")
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['.', '。', '؟', '?', '!', '۔'])
}

/// All the text under a node, dropped or not (for the `<title>` in `<head>`).
fn all_text(doc: &Doc, i: usize) -> String {
    let mut out = String::new();
    for n in doc.subtree(i) {
        if let Kind::Text(t) = &doc.nodes[n].kind {
            push_text(&mut out, t);
        }
    }
    out
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text between tags: each run of white space one space (as a browser shows it).
fn push_text(out: &mut String, raw: &str) {
    let mut space = raw.starts_with(char::is_whitespace);
    for c in raw.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() && !out.ends_with(['\n', ' ']) {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    if space && !out.is_empty() && !out.ends_with(['\n', ' ']) {
        out.push(' ');
    }
}

/// Each line trimmed, no empty lines.
fn tidy(s: &str) -> String {
    s.lines().map(one_line).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")
}
