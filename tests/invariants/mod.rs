//! What holds for every input, checked by the property tests
//! (`tests/robustness.rs`) and by the fuzz targets (`fuzz/`, which include
//! this file): each check panics when its invariant breaks.

#![allow(dead_code)]

use didar::library::check_text;
use didar::library::import::read_file;
use didar::library::saved::{decode_analysis, decode_article, decode_correction, encode_analysis, encode_article, encode_correction, Read};
use didar::model::Analysis;
use didar::{analyze, text::char_slice, Article, PartialDate, Timeline};
use std::collections::BTreeSet;

/// Analyse `text`: every evidence span is the exact text between its offsets,
/// every meeting has two sides or more (sorted, distinct), and the article
/// merges into a timeline.
pub fn check_analyze(text: &str) -> Analysis {
    let a = analyze(&Article { id: "x".into(), text: text.to_string() });
    for m in &a.meetings {
        assert!(m.evidence.start <= m.evidence.end);
        assert_eq!(char_slice(text, m.evidence.start, m.evidence.end), m.evidence.text, "evidence offsets of {text:?}");
        assert!(m.parties.len() >= 2, "a meeting needs two sides: {text:?}");
        assert!(m.parties.windows(2).all(|w| w[0] < w[1]), "parties sorted and distinct: {text:?}");
    }
    check_timeline(std::slice::from_ref(&a));
    a
}

/// Whatever a file is read as: articles Didar can analyse, with usable ids.
pub fn check_file(name: &str, bytes: &[u8]) {
    if let Ok(f) = read_file(name, bytes) {
        assert!(!f.articles.is_empty(), "{name}: {bytes:?}");
        for a in &f.articles {
            assert!(check_text(&a.text).is_ok(), "{name}: {bytes:?}");
            assert!(!a.text.contains('\0'));
            assert!(!a.id.trim().is_empty() && !a.id.chars().any(char::is_control), "{name}: {:?}", a.id);
        }
    }
}

/// A saved record of any text is read or set aside; what is read is valid,
/// and written back it reads the same. (The key is the id the record names,
/// when it names one, so that decoding goes past the key check.)
pub fn check_saved(json: &str) {
    let v: Option<serde_json::Value> = serde_json::from_str(json).ok();
    let named = |path: &[&str]| -> String {
        let mut at = v.as_ref();
        for p in path {
            at = at.and_then(|x| x.get(p));
        }
        at.and_then(|x| x.as_str()).unwrap_or("a").to_string()
    };
    for key in [named(&["article", "id"]), named(&["id"])] {
        if let Ok(r) = decode_article(&key, json) {
            assert_eq!(r.value.id, key);
            assert!(check_text(&r.value.text).is_ok());
            let again = decode_article(&key, &encode_article(r.seq, &r.value));
            assert_eq!(again, Ok(Read { migrated: false, ..r }));
        }
    }
    let key = named(&["correction", "id"]);
    if let Ok(r) = decode_correction(&key, json) {
        assert!(r.value.check().is_ok(), "{:?}", r.value);
        assert_eq!(decode_correction(&key, &encode_correction(r.seq, &r.value)), Ok(r));
    }
    if let Some(a) = decode_analysis(json) {
        assert_eq!(decode_analysis(&encode_analysis(&a)).as_ref(), Some(&a));
        check_timeline(&[a]);
    }
}

fn date_of(m: &didar::Meeting) -> Option<PartialDate> {
    m.date.as_deref().and_then(PartialDate::parse)
}

/// The timeline of `analyses`: each report is one source of exactly one entry
/// of its parties, never more entries than meetings, entries in order of
/// their first day (the date's, else the bounded interval's), those without last.
pub fn check_timeline(analyses: &[Analysis]) -> Timeline {
    let t = Timeline::build(analyses);
    let meetings: usize = analyses.iter().map(|a| a.meetings.len()).sum();
    assert!(t.entries.len() <= meetings);
    assert_eq!(t.entries.iter().map(|e| e.sources.len()).sum::<usize>(), meetings);
    let days: Vec<_> = t.entries.iter().map(|e| e.order()).collect();
    assert!(days.windows(2).all(|w| w[0] <= w[1]), "entries out of date order: {days:?}");
    for e in &t.entries {
        assert!(!e.sources.is_empty());
        for s in &e.sources {
            let a = analyses.iter().find(|a| a.id == s.article).expect("a source names its article");
            assert!(
                a.meetings.iter().any(|m| m.evidence == s.evidence && m.parties == e.meeting.parties),
                "a source is a report of its entry's parties"
            );
        }
    }
    t
}

/// The reports of each entry, as sets of (article, evidence start, end).
pub fn partition(t: &Timeline) -> BTreeSet<BTreeSet<(String, usize, usize)>> {
    t.entries.iter().map(|e| e.sources.iter().map(|s| (s.article.clone(), s.evidence.start, s.evidence.end)).collect()).collect()
}

/// The merge of `analyses` (each report with its own evidence span in its
/// article): [`check_timeline`]; the same reports added again under other
/// article ids add sources, never entries (but for reports with no date and
/// no occasion, which never merge: nothing says two such are one meeting);
/// and with every report made exact (a day, no names), the groups of reports
/// are the same whatever the articles' order.
pub fn check_merge(analyses: &[Analysis]) {
    let once = check_timeline(analyses);
    let copies: Vec<Analysis> = analyses.iter().map(|a| Analysis { id: format!("{}\u{1}copy", a.id), ..a.clone() }).collect();
    let twice = check_timeline(&[analyses.to_vec(), copies].concat());
    let unmatchable = analyses.iter().flat_map(|a| &a.meetings).filter(|m| date_of(m).is_none() && m.occasion.is_none()).count();
    assert_eq!(twice.entries.len(), once.entries.len() + unmatchable, "reports added again");
    let exact: Vec<Analysis> = analyses
        .iter()
        .map(|a| {
            let mut a = a.clone();
            for m in &mut a.meetings {
                let d = date_of(m).filter(|d| d.day.is_some()).unwrap_or(PartialDate::day(2018, 1, 1));
                m.date = Some(d.to_string());
                m.participants.clear();
            }
            a
        })
        .collect();
    let reversed: Vec<Analysis> = exact.iter().rev().cloned().collect();
    let mut rotated = exact.clone();
    rotated.rotate_left(exact.len() / 2);
    let groups = partition(&check_timeline(&exact));
    assert_eq!(partition(&check_timeline(&reversed)), groups, "exact reports merge the same in any order");
    assert_eq!(partition(&check_timeline(&rotated)), groups, "exact reports merge the same in any order");
}
