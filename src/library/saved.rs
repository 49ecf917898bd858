//! The library as saved in the browser: one JSON record per article and per
//! correction (IndexedDB stores `articles` and `corrections`, keyed by id).
//!
//! Every record carries its schema version. A record of an older schema is
//! migrated when read (and rewritten by the app); a record that cannot be read
//! (not JSON, wrong shape, a newer schema, a key that does not match) is
//! [`Unreadable`]: the app moves it, untouched, to the `quarantine` store with
//! the reason and the time, and says so. Nothing is ever dropped silently.
//!
//! Schema history:
//! - 0: a bare article `{"id", "text"}` (no version, no order).
//! - 1: `{"schema": 1, "seq": n, "article": {...}}` and
//!   `{"schema": 1, "seq": n, "correction": {...}}`; `seq` keeps the order
//!   the user added things in, so an export is the same after a reload.

use crate::library::correction::Correction;
use crate::model::Article;
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub const SCHEMA: u32 = 1;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ArticleRecord {
    schema: u32,
    seq: u64,
    article: Article,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CorrectionRecord {
    schema: u32,
    seq: u64,
    correction: Correction,
}

/// Why a saved record could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable(pub String);

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A record read back: its order, its value, and whether it was migrated
/// from an older schema (then the app writes it back in the current one).
#[derive(Debug, Clone, PartialEq)]
pub struct Read<T> {
    pub seq: u64,
    pub value: T,
    pub migrated: bool,
}

pub fn encode_article(seq: u64, article: &Article) -> String {
    serde_json::to_string(&ArticleRecord { schema: SCHEMA, seq, article: article.clone() }).expect("serializes")
}

pub fn encode_correction(seq: u64, correction: &Correction) -> String {
    serde_json::to_string(&CorrectionRecord { schema: SCHEMA, seq, correction: correction.clone() }).expect("serializes")
}

fn schema_of(v: &Value) -> Result<u32, Unreadable> {
    match v.get("schema") {
        None => Ok(0),
        Some(s) => match s.as_u64() {
            Some(n) if n <= SCHEMA as u64 => Ok(n as u32),
            Some(n) => Err(Unreadable(format!("saved by a newer Didar (schema {n}; this one reads up to {SCHEMA})"))),
            None => Err(Unreadable("its schema version is not a number".into())),
        },
    }
}

fn parse(json: &str) -> Result<Value, Unreadable> {
    serde_json::from_str(json).map_err(|e| Unreadable(format!("not JSON ({e})")))
}

/// Read the article saved under `key`.
pub fn decode_article(key: &str, json: &str) -> Result<Read<Article>, Unreadable> {
    let v = parse(json)?;
    let (seq, article, migrated) = match schema_of(&v)? {
        0 => {
            let a: Article = serde_json::from_value(v).map_err(|e| Unreadable(format!("not an article ({e})")))?;
            (0, a, true)
        }
        _ => {
            let r: ArticleRecord = serde_json::from_value(v).map_err(|e| Unreadable(format!("not an article record ({e})")))?;
            (r.seq, r.article, false)
        }
    };
    if article.id != key {
        return Err(Unreadable(format!("saved under “{key}” but names itself “{}”", article.id)));
    }
    if let Err(e) = crate::library::check_text(&article.text) {
        return Err(Unreadable(e.to_string()));
    }
    Ok(Read { seq, value: article, migrated })
}

/// Read the correction saved under `key`.
pub fn decode_correction(key: &str, json: &str) -> Result<Read<Correction>, Unreadable> {
    let v = parse(json)?;
    match schema_of(&v)? {
        0 => Err(Unreadable("a correction without a schema version".into())),
        _ => {
            let r: CorrectionRecord = serde_json::from_value(v).map_err(|e| Unreadable(format!("not a correction record ({e})")))?;
            if r.correction.id != key {
                return Err(Unreadable(format!("saved under “{key}” but names itself “{}”", r.correction.id)));
            }
            r.correction.check().map_err(|e| Unreadable(format!("not a valid correction ({e})")))?;
            Ok(Read { seq: r.seq, value: r.correction, migrated: false })
        }
    }
}

/// The version of the extractor this build carries: a cached analysis made by
/// another is never used (see `build.rs`).
pub const EXTRACTOR: &str = env!("DIDAR_EXTRACTOR");

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct AnalysisRecord {
    extractor: String,
    analysis: crate::model::Analysis,
}

/// The cache key of an article's analysis: a hash of its text and its length
/// (the analysis depends on the text alone).
pub fn analysis_key(text: &str) -> String {
    format!("{:016x}-{}", crate::library::text_hash(text), text.len())
}

/// An analysis to cache, made by this build's extractor.
pub fn encode_analysis(analysis: &crate::model::Analysis) -> String {
    serde_json::to_string(&AnalysisRecord { extractor: EXTRACTOR.into(), analysis: analysis.clone() }).expect("serializes")
}

/// A cached analysis, if this build's extractor made it (anything else,
/// unreadable records included, is a miss: the cache holds nothing of the
/// user's that the articles do not).
pub fn decode_analysis(json: &str) -> Option<crate::model::Analysis> {
    let r: AnalysisRecord = serde_json::from_str(json).ok()?;
    (r.extractor == EXTRACTOR).then_some(r.analysis)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::correction::{Change, Fix};
    use crate::model::{Mode, Status};

    #[test]
    fn records_round_trip() {
        let a = Article { id: "x".into(), text: "Iran \"and\" Kazakhstan\n".into() };
        assert_eq!(decode_article("x", &encode_article(7, &a)).unwrap(), Read { seq: 7, value: a, migrated: false });
        let c = Correction {
            id: "x#add-1".into(),
            article: "x".into(),
            change: Change::Add { fix: Fix::parse("IR KZ", "2020", Status::Held, Mode::InPerson).unwrap() },
        };
        assert_eq!(decode_correction("x#add-1", &encode_correction(3, &c)).unwrap().value, c);
    }

    #[test]
    fn issue15_4_cached_analyses_round_trip_for_this_extractor_only() {
        for a in crate::corpus::seeds() {
            let analysis = crate::extract::analyze(&a);
            let json = encode_analysis(&analysis);
            assert_eq!(decode_analysis(&json).as_ref(), Some(&analysis), "{}", a.id);
            let other = json.replacen(EXTRACTOR, "0.0.0-0000000000000000", 1);
            assert_eq!(decode_analysis(&other), None, "another extractor's analysis is a miss");
        }
        assert_eq!(decode_analysis("{not json"), None);
        assert_ne!(analysis_key("Iran met Russia."), analysis_key("Iran met Russia!"));
        assert!(EXTRACTOR.len() > 10);
    }

    #[test]
    fn schema_0_articles_are_migrated() {
        let r = decode_article("old", r#"{"id":"old","text":"Iran met Russia."}"#).unwrap();
        assert!(r.migrated);
        assert_eq!(r.value.text, "Iran met Russia.");
        assert_eq!(decode_article("old", &encode_article(r.seq, &r.value)).unwrap().migrated, false);
    }

    #[test]
    fn unreadable_records_say_why() {
        let why = |k: &str, j: &str| decode_article(k, j).unwrap_err().0;
        assert!(why("x", "{not json").starts_with("not JSON"));
        assert!(why("x", r#"{"schema":2,"seq":1,"article":{"id":"x","text":"t"}}"#).contains("newer Didar"));
        assert!(why("x", r#"{"schema":1,"seq":1}"#).starts_with("not an article record"));
        assert!(why("x", r#"{"schema":1,"seq":1,"article":{"id":"y","text":"t"}}"#).contains("names itself"));
        assert!(why("x", r#"{"schema":1,"seq":1,"article":{"id":"x","text":"  "}}"#).contains("empty"));
        assert!(why("x", r#"{"schema":"1"}"#).contains("not a number"));
        assert!(decode_correction("c", r#"{"id":"c"}"#).is_err());
        // Values no form would take (issue 16, point 4) are set aside too.
        let bad = r#"{"schema":1,"seq":1,"correction":{"id":"a#add-1","article":"a","change":{"kind":"add","fix":{"parties":["IR","__PROTO__"],"date":"2147483647","status":"held","mode":"in_person"}}}}"#;
        assert!(decode_correction("a#add-1", bad).unwrap_err().0.starts_with("not a valid correction"));
        assert!(decode_correction("c", r#"{"schema":1,"seq":1,"correction":{"id":"c","article":"a","change":{"kind":"explode"}}}"#).is_err());
    }
}
