//! Files the user drops or picks: `.txt` (an article), `.html` (an article,
//! reduced to its text here, in Rust: nothing is ever parsed by the page's
//! DOM), `.json` (a library export, or an array of `{"id"?, "text"}`).
//! A file that cannot be read is refused whole, with a message naming it.

use crate::library::{check_text, LibraryFile};
use crate::model::Article;
use serde::Deserialize;

/// Largest file read at all (a library export of ~10,000 articles fits).
pub const MAX_FILE_BYTES: usize = 40 * 1024 * 1024;

/// Why a file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub file: String,
    pub why: String,
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.why)
    }
}

/// Refuse `name` before reading it when it is larger than Didar reads.
pub fn check_size(name: &str, bytes: f64) -> Result<(), Refused> {
    if bytes > MAX_FILE_BYTES as f64 {
        return Err(Refused {
            file: name.into(),
            why: format!("{:.1} MB is too large; Didar reads files up to {} MB.", bytes / 1e6, MAX_FILE_BYTES / (1024 * 1024)),
        });
    }
    Ok(())
}

/// The article id a file's name gives: its name without the extension.
fn id_from_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = base.rsplit_once('.').map_or(base, |(s, _)| s);
    let id: String = stem.chars().filter(|c| !c.is_control()).take(100).collect();
    if id.trim().is_empty() { "article".into() } else { id.trim().to_string() }
}

/// Read one file into a library file (for `.txt`/`.html`, one article).
pub fn read_file(name: &str, bytes: &[u8]) -> Result<LibraryFile, Refused> {
    let refuse = |why: String| Refused { file: name.into(), why };
    check_size(name, bytes.len() as f64)?;
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    if !matches!(ext.as_str(), "txt" | "text" | "md" | "html" | "htm" | "xhtml" | "json") {
        return Err(refuse("Didar reads .txt, .html and .json files.".into()));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| refuse("not a text file (it is not UTF-8).".into()))?;
    if text.contains('\0') {
        return Err(refuse("not a text file (it holds binary data).".into()));
    }
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let article = |text: String| -> Result<LibraryFile, Refused> {
        check_text(&text).map_err(|e| refuse(e.to_string()))?;
        Ok(LibraryFile::new(vec![Article { id: id_from_name(name), text }], vec![]))
    };
    match ext.as_str() {
        "txt" | "text" | "md" => article(text.to_string()),
        "html" | "htm" | "xhtml" => article(html_to_text(text)),
        _ => read_json(text).map_err(refuse),
    }
}

#[derive(Deserialize)]
struct Entry {
    id: Option<String>,
    text: String,
}

/// A library export, or a JSON array of `{"id"?, "text"}` (other fields are ignored).
pub fn read_json(text: &str) -> Result<LibraryFile, String> {
    let v: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("not valid JSON ({e})."))?;
    match v {
        serde_json::Value::Object(ref o) if o.get("format").and_then(|f| f.as_str()) == Some(LibraryFile::FORMAT) => {
            match o.get("schema").and_then(|s| s.as_u64()) {
                Some(n) if n > LibraryFile::SCHEMA as u64 => {
                    return Err(format!("a library from a newer Didar (schema {n}); this one reads schema {}.", LibraryFile::SCHEMA))
                }
                Some(_) => {}
                None => return Err("a library export without a schema version.".into()),
            }
            let file: LibraryFile = serde_json::from_value(v).map_err(|e| format!("a damaged library export ({e})."))?;
            let mut seen = std::collections::HashSet::new();
            for a in &file.articles {
                check_id(&a.id)?;
                if !seen.insert(a.id.as_str()) {
                    return Err(format!("a damaged library export (the id “{}” is used twice).", a.id));
                }
                check_text(&a.text).map_err(|e| format!("article “{}”: {e}", a.id))?;
            }
            check_corrections(&file, &seen)?;
            Ok(file)
        }
        serde_json::Value::Array(items) => {
            let mut articles = Vec::with_capacity(items.len());
            for (i, item) in items.into_iter().enumerate() {
                let e: Entry = serde_json::from_value(item)
                    .map_err(|_| format!("item {} is not an article: expected {{\"id\"?: string, \"text\": string}}.", i + 1))?;
                check_text(&e.text).map_err(|err| format!("item {}: {err}", i + 1))?;
                let id = match e.id {
                    Some(id) => {
                        check_id(&id)?;
                        id
                    }
                    None => format!("imported-{}", i + 1),
                };
                articles.push(Article { id, text: e.text });
            }
            if articles.is_empty() {
                return Err("an empty list: no articles to import.".into());
            }
            Ok(LibraryFile::new(articles, vec![]))
        }
        _ => Err("neither a Didar library export nor a list of articles ({\"id\"?, \"text\"}).".into()),
    }
}

/// Every correction of a library file checked as the correction form checks
/// the user's values, and naming an article of the file or a bundled one.
fn check_corrections(file: &LibraryFile, articles: &std::collections::HashSet<&str>) -> Result<(), String> {
    let seeds: Vec<Article> = crate::corpus::seeds();
    let mut ids = std::collections::HashSet::new();
    for c in &file.corrections {
        let name: String = c.id.chars().take(60).collect();
        c.check().map_err(|e| format!("correction “{name}”: {e}"))?;
        if !articles.contains(c.article.as_str()) && !seeds.iter().any(|s| s.id == c.article) {
            return Err(format!("correction “{name}” is about an article the file does not hold."));
        }
        if !ids.insert(c.id.as_str()) {
            return Err(format!("a damaged library export (the id “{name}” is used twice)."));
        }
    }
    Ok(())
}

fn check_id(id: &str) -> Result<(), String> {
    if id.trim().is_empty() || id.chars().count() > 200 || id.chars().any(char::is_control) {
        return Err(format!("“{}” is not a usable article id.", id.chars().take(40).collect::<String>()));
    }
    Ok(())
}

/// Elements whose content is not text of the page.
const SKIPPED: &[&str] = &["script", "style", "head", "noscript", "template", "svg", "math", "iframe", "object", "textarea", "select"];
/// Elements that break a line.
const BLOCKS: &[&str] = &[
    "p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header",
    "footer", "blockquote", "pre", "hr", "title", "dd", "dt", "figcaption", "address", "main", "aside", "nav",
];

/// The text of an HTML document: tags removed, the content of scripts,
/// styles and the like dropped, block elements on lines of their own,
/// character references decoded. Never panics; never runs anything.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    // The <title> is inside <head>, which is skipped: keep it as the first line.
    if let Some(title) = element_text(html, "title") {
        out.push_str(&decode_entities(&title));
        out.push('\n');
    }
    let mut rest = html;
    let mut skipping: Option<String> = None;
    while let Some(lt) = rest.find('<') {
        if skipping.is_none() {
            push_text(&mut out, &rest[..lt]);
        }
        let tag = &rest[lt..];
        if let Some(comment) = tag.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |e| &comment[e + 3..]);
            continue;
        }
        let Some(gt) = tag_end(tag) else {
            rest = "";
            break;
        };
        let inner = &tag[1..gt];
        rest = &tag[gt + 1..];
        let closing = inner.starts_with('/');
        let name: String = inner
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if let Some(s) = &skipping {
            if closing && *s == name {
                skipping = None;
            }
            continue;
        }
        if !closing && SKIPPED.contains(&name.as_str()) && !inner.trim_end().ends_with('/') {
            skipping = Some(name);
            continue;
        }
        if BLOCKS.contains(&name.as_str()) && !out.ends_with('\n') {
            out.push('\n');
        }
    }
    if skipping.is_none() {
        push_text(&mut out, rest);
    }
    // Tidy: trim each line, at most one empty line in a row.
    let mut tidy = String::with_capacity(out.len());
    let mut blank = true;
    for line in out.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            if !blank {
                tidy.push('\n');
            }
            blank = true;
        } else {
            tidy.push_str(&line);
            tidy.push('\n');
            blank = false;
        }
    }
    tidy.trim_end().to_string()
}

/// Text between tags: references decoded, each run of white space one space
/// (as a browser shows it).
fn push_text(out: &mut String, raw: &str) {
    let mut space = false;
    for c in decode_entities(raw).chars() {
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

/// The end `>` of a tag starting at `<`, skipping quoted attribute values.
fn tag_end(tag: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in tag.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

fn element_text(html: &str, name: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let open = lower.find(&format!("<{name}"))?;
    let start = open + lower[open..].find('>')? + 1;
    let end = start + lower[start..].find(&format!("</{name}"))?;
    html.get(start..end).map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// Decode character references: numeric ones and the common named ones.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest.char_indices().take(12).find(|&(_, c)| c == ';').map(|(i, _)| i);
        let decoded = end.and_then(|e| entity(&rest[1..e]).map(|c| (c, e)));
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(n).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "zwnj" => '\u{200C}',
        "zwj" => '\u{200D}',
        "lrm" => '\u{200E}',
        "rlm" => '\u{200F}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "laquo" => '«',
        "raquo" => '»',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "middot" => '·',
        "copy" => '©',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_its_text() {
        let html = r#"<!doctype html><html><head><title>Hatami &amp; Kazakh minister</title><style>p{color:red}</style>
            <script>alert("x<p>y</p>")</script></head><body><!-- a <p> comment -->
            <h1>Iran&#8217;s minister</h1><p class="a>b">TEHRAN, May 5, 2021 &ndash; Iran's defense minister
            met his Kazakh counterpart.</p><p>&#x627;&#1604;&#1578;&#1602;&#1609; &bogus; &amp c</p><img src=x onerror=alert(1)></body></html>"#;
        assert_eq!(
            html_to_text(html),
            "Hatami & Kazakh minister\nIran’s minister\nTEHRAN, May 5, 2021 – Iran's defense minister met his Kazakh counterpart.\nالتقى &bogus; &amp c"
        );
    }

    #[test]
    fn broken_html_never_panics() {
        for s in ["<", "<p", "<script>never closed", "&#xFFFFFFFF;", "&#0;", "<<>>", "<p title=\"unclosed>text", "&", "<!--", "é<b>ü"] {
            let _ = html_to_text(s);
        }
        assert_eq!(html_to_text("a<br>b"), "a\nb");
    }

    #[test]
    fn files_are_read_by_kind() {
        let f = read_file("dir/report 1.txt", "\u{FEFF}Iran met Kazakhstan.".as_bytes()).unwrap();
        assert_eq!(f.articles, [Article { id: "report 1".into(), text: "Iran met Kazakhstan.".into() }]);
        let f = read_file("x.HTML", b"<p>Iran met <b>Kazakhstan</b>.</p>").unwrap();
        assert_eq!(f.articles[0].text, "Iran met Kazakhstan.");
        let f = read_file("list.json", br#"[{"id":"a","text":"one","url":"ignored"},{"text":"two"}]"#).unwrap();
        assert_eq!(f.articles.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["a", "imported-2"]);
    }

    #[test]
    fn issue16_4_imported_corrections_are_checked_like_the_form() {
        let kz = r#"{"id":"a","text":"Iran's defense minister met his Kazakh counterpart."}"#;
        let file = |c: &str| format!(r#"{{"format":"didar-library","schema":1,"articles":[{kz}],"corrections":[{c}]}}"#);
        let add = |id: &str, parties: &str, date: &str| {
            format!(r#"{{"id":"{id}","article":"a","change":{{"kind":"add","fix":{{"parties":[{parties}],"date":{date},"status":"held","mode":"in_person"}}}}}}"#)
        };
        assert!(read_json(&file(&add("a#add-1", r#""IR","KZ""#, r#""2024-02-29""#))).is_ok());
        let thousand = (0..1000).map(|i| format!("\"P{i:03}\"")).collect::<Vec<_>>().join(",");
        let every_state: Vec<String> = include_str!("../../data/countries.tsv").lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split('\t').next()).map(|c| format!("\"{c}\"")).collect();
        let mut every_state = every_state;
        every_state.dedup();
        for (c, why) in [
            (add("a#add-1", r#""IR","KZ""#, r#""2147483647""#), "correction “a#add-1”: “2147483647” is not a date"),
            (add("a#add-1", r#""IR","KZ""#, r#""2024-02-31""#), "“2024-02-31” is not a date"),
            (add("a#add-1", r#""IR","KZ""#, r#""garbage""#), "“garbage” is not a date"),
            (add("a#add-1", r#""IR","__PROTO__""#, "null"), "“__PROTO__” is not a party code"),
            (add("a#add-1", &thousand, "null"), "at most 40 parties; this one has 1000"),
            (add("a#add-1", &every_state.join(","), "null"), "at most 40 parties"),
            (add("b#add-1", r#""IR","KZ""#, "null").replace(r#""article":"a""#, r#""article":"b""#), "correction “b#add-1” is about an article the file does not hold"),
            (add("x#add-1", r#""IR","KZ""#, "null"), "correction “x#add-1”: its id does not match"),
            (format!("{},{}", add("a#add-1", r#""IR","KZ""#, "null"), add("a#add-1", r#""IR","RU""#, "null")), "used twice"),
        ] {
            let e = read_json(&file(&c)).unwrap_err();
            assert!(e.contains(why), "{why}: {e}");
        }
        // A correction of a bundled article needs no article in the file.
        let seed = crate::corpus::seeds()[0].id.clone();
        let c = add(&format!("{seed}#add-1"), r#""IR","KZ""#, "null").replace(r#""article":"a""#, &format!(r#""article":"{seed}""#));
        assert!(read_json(&file(&c)).is_ok());
    }

    #[test]
    fn bad_files_are_refused_with_a_reason() {
        let why = |name: &str, bytes: &[u8]| read_file(name, bytes).unwrap_err().why;
        assert!(why("a.txt", &[0xff, 0xfe, 0x00, 0x01]).contains("not a text file"));
        assert!(why("a.txt", b"abc\0def").contains("binary"));
        assert!(why("a.txt", b"   ").contains("empty"));
        assert!(why("a.pdf", b"%PDF").contains(".txt, .html and .json"));
        assert!(why("a.json", b"{not json").starts_with("not valid JSON"));
        assert!(why("a.json", br#"{"foo":1}"#).starts_with("neither"));
        assert!(why("a.json", b"[1,2]").contains("item 1 is not an article"));
        assert!(why("a.json", b"[]").contains("empty list"));
        assert!(why("a.json", br#"[{"text":""}]"#).contains("item 1: The article is empty"));
        assert!(why("a.json", br#"{"format":"didar-library","schema":9,"articles":[],"corrections":[]}"#).contains("newer Didar"));
        assert!(why("a.json", br#"{"format":"didar-library","schema":1,"articles":[{"id":"a"}],"corrections":[]}"#).contains("damaged"));
        assert!(why("a.json", br#"{"format":"didar-library","schema":1,"articles":[{"id":"a","text":"x"},{"id":"a","text":"y"}],"corrections":[]}"#).contains("twice"));
        assert!(check_size("big.txt", 50e6).unwrap_err().why.contains("too large"));
        assert!(why("big.txt", &vec![b'a'; 3 * 1024 * 1024]).contains("up to 2 MB"));
    }
}
