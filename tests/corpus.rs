//! Accuracy on the evaluation corpus, scored by the corpus's own scorer
//! (`tests/score.py`, copied unchanged from the shared tools): the test fails
//! when a figure drops below its floor. Floors sit just under the figures
//! reached; raise them when the extractor improves (README, "Accuracy").

use didar::{analyze, Article};
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn articles(dir: &Path) -> Vec<Article> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
    files.sort();
    files
        .iter()
        .map(|p| Article { id: p.file_stem().unwrap().to_string_lossy().into(), text: std::fs::read_to_string(p).unwrap() })
        .collect()
}

/// Run the scorer on our predictions for these articles; returns its JSON figures.
fn score(name: &str, gold: &Path, articles: &[Article]) -> serde_json::Value {
    let pred: String = articles.iter().map(|a| serde_json::to_string(&analyze(a)).unwrap() + "\n").collect();
    let pred_path = std::env::temp_dir().join(format!("didar-{name}-{}.jsonl", std::process::id()));
    std::fs::write(&pred_path, pred).unwrap();
    let out = Command::new("python3")
        .arg(root().join("tests/score.py"))
        .arg(gold)
        .arg(&pred_path)
        .arg("--json")
        .output()
        .expect("python3 runs the scorer");
    let _ = std::fs::remove_file(&pred_path);
    assert!(out.status.success(), "scorer failed: {}", String::from_utf8_lossy(&out.stderr));
    // The scorer prints NaN (not JSON) for a figure with nothing to count.
    let figures: serde_json::Value = serde_json::from_str(&String::from_utf8_lossy(&out.stdout).replace("NaN", "null")).unwrap();
    eprintln!("{name}: {figures}");
    figures
}

/// Each figure at least its floor.
fn floors(figures: &serde_json::Value, each: &[(&str, f64)]) {
    for &(key, floor) in each {
        at_least(figures, key, floor);
    }
}

fn at_least(figures: &serde_json::Value, key: &str, floor: f64) {
    let v = figures[key].as_f64().unwrap_or(f64::NAN);
    assert!(v >= floor, "{key} = {v:.3}, below its floor {floor}");
}

#[test]
fn seeds_meet_the_accuracy_floor() {
    let f = score("seeds", &root().join("tests/data/seeds-gold.jsonl"), &articles(&root().join("seeds")));
    floors(&f, &[("f1", 0.95), ("names", 0.9), ("evidence", 0.95), ("occasion", 0.95)]);
    // Dated from the constraints the texts give (occasion editions, terms, events): 5 of 8.
    at_least(&f, "date", 0.6);
}

#[test]
fn dev_corpus_meets_the_accuracy_floor() {
    let f = score("dev", &root().join("tests/data/dev/gold.jsonl"), &articles(&root().join("tests/data/dev/articles")));
    floors(&f, &[("f1", 0.96), ("date", 0.84), ("date_in_text", 0.97), ("names", 0.97), ("status", 0.97), ("mode", 0.98), ("occasion", 0.97), ("location_country", 0.97), ("evidence", 0.94)]);
}

/// The second batch (d051-d150), which the rules were not tuned on at first
/// (untuned F1 0.625): floors just under today's figures, so that no change
/// makes it worse; issue 11's targets are far above them.
#[test]
fn second_dev_batch_meets_its_floor() {
    let f = score("dev-new", &root().join("tests/data/dev-new/gold.jsonl"), &articles(&root().join("tests/data/dev-new/articles")));
    floors(&f, &[("f1", 0.79), ("date", 0.76), ("names", 0.885), ("status", 0.97), ("occasion", 0.71), ("location_country", 0.87), ("evidence", 0.845)]);
}
