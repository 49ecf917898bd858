//! Files the user drops or picks: `.txt` (an article), `.html` (a saved news
//! page: its article read as a person reads it, see [`crate::library::readable`]),
//! `.json` (a library export, or an array of `{"id"?, "text"}`). Text in a
//! legacy encoding (Windows-1256, UTF-16 with a byte order mark, whatever a
//! page's `<meta charset>` names) is decoded, see [`decode`]. A file that
//! cannot be read is refused whole, with a message naming it.

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
    let html = matches!(ext.as_str(), "html" | "htm" | "xhtml");
    let text = decode(bytes, html).map_err(refuse)?;
    let text = text.as_str();
    let article = |text: String| -> Result<LibraryFile, Refused> {
        check_text(&text).map_err(|e| refuse(e.to_string()))?;
        Ok(LibraryFile::new(vec![Article { id: id_from_name(name), text }], vec![]))
    };
    match ext.as_str() {
        "txt" | "text" | "md" => article(text.to_string()),
        "html" | "htm" | "xhtml" => article(crate::library::readable::article_text(&crate::library::readable::parse(text))),
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

/// A file's bytes as text. The encoding is, in this order: the one a byte
/// order mark names (UTF-8, UTF-16LE, UTF-16BE); UTF-8 when the bytes are
/// valid UTF-8 (a page saved again by a browser is UTF-8 whatever its old
/// `<meta charset>` still says), unless they are Windows-1256 Arabic that
/// is valid UTF-8 by chance (see [`arabic_in_disguise`]); the one an HTML page's `<meta charset>` or
/// `<meta http-equiv="Content-Type">` names; else Windows-1256 when that reads
/// as Arabic script, else Windows-1252. Bytes that are not text (a NUL, many
/// control characters) are refused.
pub fn decode(bytes: &[u8], html: bool) -> Result<String, String> {
    let label = encoding_of(bytes, html);
    let binary = "not a text file (it holds binary data).".to_string();
    if !label.starts_with("utf-16") && bytes.contains(&0) {
        return Err(binary);
    }
    let text = if label == "utf-8" {
        let b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        std::str::from_utf8(b).map(str::to_string).or_else(|_| decode_as("utf-8", b).ok_or(()))
    } else {
        decode_as(&label, bytes).ok_or(())
    }
    .map_err(|_| format!("not a text file (it cannot be read as {label})."))?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    let controls = text.chars().filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')).count();
    if text.contains('\0') || controls * 20 > text.chars().count() {
        return Err(binary);
    }
    Ok(text.to_string())
}

/// The name of the encoding [`decode`] reads `bytes` with.
pub fn encoding_of(bytes: &[u8], html: bool) -> String {
    match bytes {
        [0xEF, 0xBB, 0xBF, ..] => return "utf-8".into(),
        [0xFF, 0xFE, ..] => return "utf-16le".into(),
        [0xFE, 0xFF, ..] => return "utf-16be".into(),
        _ => {}
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return if arabic_in_disguise(text, bytes) { "windows-1256" } else { "utf-8" }.into();
    }
    if html {
        // A label that no decoder knows is ignored, as a browser does.
        if let Some(label) = meta_charset(bytes).filter(|l| decode_as(l, b"a").is_some()) {
            // A page cannot declare itself UTF-16 in its own bytes (HTML's rule): such a page is UTF-8.
            return if label.starts_with("utf-16") { "utf-8".into() } else { label };
        }
    }
    let arabic = decode_as("windows-1256", bytes).map(|t| {
        let high: Vec<char> = t.chars().filter(|c| !c.is_ascii()).collect();
        high.iter().filter(|c| ('\u{0600}'..='\u{06FF}').contains(*c)).count() * 2 > high.len()
    });
    if arabic == Some(true) { "windows-1256".into() } else { "windows-1252".into() }
}

/// Arabic script: the Arabic blocks and presentation forms, and the joiners,
/// direction marks and guillemets Arabic text carries (Windows-1256 has them all).
pub fn arabic_script(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
        || matches!(c, '\u{200C}'..='\u{200F}' | '«' | '»')
}

/// Windows-1256 bytes that are valid UTF-8 by chance: an Arabic letter's byte
/// (0xC2 to 0xDF) can lead a UTF-8 sequence and a Persian letter's or Arabic
/// punctuation's byte (پ ک گ ، ؟ « ...: 0x80 to 0xBF) continue it, so “كک”
/// is the bytes of “ߘ” (NKo). Such bytes are Windows-1256 when their UTF-8
/// reading has letters, none of a script Didar reads (Arabic, Latin beyond
/// ASCII), while every non-ASCII character of their Windows-1256 reading is
/// Arabic script. (Real UTF-8 Russian, Greek or Hebrew reads in Windows-1256
/// with signs and Latin letters among the Arabic, and stays UTF-8.)
fn arabic_in_disguise(utf8: &str, bytes: &[u8]) -> bool {
    let read = |c: char| c.is_alphabetic() && (arabic_script(c) || matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}'));
    utf8.chars().any(|c| !c.is_ascii() && c.is_alphabetic())
        && !utf8.chars().any(read)
        && decode_as("windows-1256", bytes).is_some_and(|t| t.chars().all(|c| c.is_ascii() || arabic_script(c)))
}

/// The encoding an HTML page names in a `<meta>` within its first 4 KB
/// (`<meta charset="windows-1256">`, or `<meta http-equiv="Content-Type"
/// content="text/html; charset=windows-1256">`), lower-cased.
fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head: String = bytes.iter().take(4096).map(|&b| if b.is_ascii() { (b as char).to_ascii_lowercase() } else { ' ' }).collect();
    let mut rest = head.as_str();
    while let Some(at) = rest.find("<meta") {
        let tag = &rest[at..];
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        if let Some(c) = tag.find("charset") {
            let value = tag[c + 7..].trim_start().strip_prefix('=').map(|v| v.trim_start().trim_start_matches(['"', '\'']));
            let label: String = value.unwrap_or("").chars().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':')).collect();
            if !label.is_empty() {
                return Some(label);
            }
        }
        rest = &rest[at + 5..];
    }
    None
}

/// Decode with the WHATWG Encoding Standard: natively `encoding_rs`, in the
/// browser its own `TextDecoder` (the same standard; in Firefox the same
/// code): `encoding_rs` in the wasm would cost about 130 KB gzip, for tables
/// of Chinese, Japanese and Korean encodings Didar has no use for. `None` for a
/// label no decoder knows.
#[cfg(not(target_arch = "wasm32"))]
fn decode_as(label: &str, bytes: &[u8]) -> Option<String> {
    let encoding = encoding_rs::Encoding::for_label(label.as_bytes())?;
    Some(encoding.decode_with_bom_removal(bytes).0.into_owned())
}

#[cfg(target_arch = "wasm32")]
fn decode_as(label: &str, bytes: &[u8]) -> Option<String> {
    web_sys::TextDecoder::new_with_label(label).ok()?.decode_with_u8_array(bytes).ok()
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
        let f = read_file("a.html", html.as_bytes()).unwrap();
        assert_eq!(
            f.articles[0].text,
            "Iran’s minister\n\nTEHRAN, May 5, 2021 – Iran's defense minister met his Kazakh counterpart.\nالتقى &bogus; & c"
        );
    }

    #[test]
    fn broken_html_never_panics() {
        for s in ["<", "<p", "<script>never closed", "&#xFFFFFFFF;", "&#0;", "<<>>", "<p title=\"unclosed>text", "&", "<!--", "é<b>ü"] {
            let _ = crate::library::readable::article_text(&crate::library::readable::parse(s));
        }
        let deep = "<div>".repeat(3_000) + "Iran met Kazakhstan, in Astana, on Monday, and more words follow here.";
        assert!(crate::library::readable::article_text(&crate::library::readable::parse(&deep)).contains("Iran met Kazakhstan"));
    }

    #[test]
    fn legacy_encodings_are_decoded() {
        let arabic = "التقى وزير الدفاع الإيراني نظيره الروسي في موسكو";
        let (cp1256, _, bad) = encoding_rs::WINDOWS_1256.encode(arabic);
        assert!(!bad && std::str::from_utf8(&cp1256).is_err());
        assert_eq!(encoding_of(&cp1256, false), "windows-1256");
        assert_eq!(read_file("a.txt", &cp1256).unwrap().articles[0].text, arabic);
        let utf16 = |le: bool| -> Vec<u8> {
            let mut b = if le { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
            b.extend(arabic.encode_utf16().flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() }));
            b
        };
        assert_eq!(read_file("a.txt", &utf16(true)).unwrap().articles[0].text, arabic);
        assert_eq!(read_file("a.txt", &utf16(false)).unwrap().articles[0].text, arabic);
        let page = |meta: &str, body: &[u8]| [format!("<html><head>{meta}<title>t</title></head><body><p>").as_bytes(), body, b"</p></body></html>"].concat();
        for meta in [r#"<meta charset="windows-1256">"#, r#"<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=windows-1256">"#, "<meta charset=cp1256 />"] {
            assert_eq!(encoding_of(&page(meta, &cp1256), true), if meta.contains("cp1256 ") { "cp1256" } else { "windows-1256" });
            assert!(read_file("a.html", &page(meta, &cp1256)).unwrap().articles[0].text.ends_with(arabic), "{meta}");
        }
        // A page saved again as UTF-8 keeps its old meta: the bytes win.
        assert_eq!(encoding_of(&page(r#"<meta charset="windows-1256">"#, arabic.as_bytes()), true), "utf-8");
        let (latin, _, _) = encoding_rs::WINDOWS_1252.encode("Café Tehran – “talks”");
        assert_eq!(read_file("a.txt", &latin).unwrap().articles[0].text, "Café Tehran – “talks”");
        assert_eq!(encoding_of(&page(r#"<meta charset="x-unknown">"#, &latin), true), "windows-1252");
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
        let every_state: Vec<String> = include_str!(concat!(env!("OUT_DIR"), "/data/countries.tsv")).lines().filter(|l| !l.is_empty() && !l.starts_with('#')).filter_map(|l| l.split('\t').next()).map(|c| format!("\"{c}\"")).collect();
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
        assert!(why("a.png", b"\x89PNG").contains(".txt, .html and .json"));
        assert!(why("a.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").contains("binary"));
        assert!(why("a.txt", &[0x01, 0x02, 0x03, 0x04, b'a', 0xff]).contains("binary"));
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
