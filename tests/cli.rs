//! The command line as a user runs it: `extract --jsonl` as a streaming filter
//! (results in order, bad lines reported with their number and skipped), and
//! paths that are not regular files (a FIFO, /dev/zero) read with the same
//! 20 MB limit as a file, in bounded memory.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const DIDAR: &str = env!("CARGO_BIN_EXE_didar");

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(DIDAR)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("didar runs");
    let mut input = child.stdin.take().unwrap();
    let bytes = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn lines(bytes: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8(bytes.to_vec()).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn dev_articles() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/dev/articles");
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files
        .iter()
        .map(|f| (f.file_stem().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(f).unwrap()))
        .collect()
}

#[test]
fn jsonl_gives_the_same_results_as_the_files_in_the_same_order() {
    let articles = dev_articles();
    let mut input = String::new();
    for (id, text) in articles.iter().rev() {
        input += &serde_json::json!({"id": id, "text": text, "source": "ignored"}).to_string();
        input.push('\n');
    }
    let jsonl = run(&["extract", "--jsonl"], input.as_bytes());
    assert!(jsonl.status.success(), "{}", String::from_utf8_lossy(&jsonl.stderr));
    let files = run(&["extract", concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/dev/articles")], b"");
    let mut expected = lines(&files.stdout);
    expected.reverse();
    assert_eq!(expected.len(), articles.len());
    assert_eq!(lines(&jsonl.stdout), expected);
}

#[test]
fn a_bad_line_is_reported_with_its_number_and_skipped() {
    let good = |id: &str| serde_json::json!({"id": id, "text": "Iran's defense minister met his Kazakh counterpart in Moscow on 4 April 2018."}).to_string();
    let mut input: Vec<u8> = Vec::new();
    for line in [
        good("first"),
        "{\"id\": \"cut\", \"text\": \"Iran".into(), // line 2: cut off
        "".into(),                                    // line 3: blank, skipped silently
        "[1, 2]".into(),                              // line 4: not an object
        "{\"id\": \"no text\"}".into(),               // line 5
        "{\"id\": {}, \"text\": \"x\"}".into(),       // line 6: id neither string nor number
    ] {
        input.extend(line.as_bytes());
        input.push(b'\n');
    }
    input.extend(b"{\"id\": \"bad utf-8\", \"text\": \"\xff\"}\n"); // line 7
    input.extend(good("last").as_bytes()); // line 8, with no final newline
    let out = run(&["extract", "--jsonl"], &input);
    let ids: Vec<_> = lines(&out.stdout).iter().map(|a| a["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids, ["first", "last"]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    let reported: Vec<_> = stderr.lines().map(|l| l.split(':').nth(1).unwrap().trim().to_string()).collect();
    assert_eq!(reported, ["stdin line 2", "stdin line 4", "stdin line 5", "stdin line 6", "stdin line 7"], "{stderr}");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_line_longer_than_the_limit_is_skipped_and_the_stream_goes_on() {
    let mut input = Vec::with_capacity(70 << 20);
    input.extend(b"{\"id\": \"huge\", \"text\": \"");
    input.resize(input.len() + (62 << 20), b'a');
    input.extend(b"\"}\n{\"id\": \"after\", \"text\": \"Iran and Turkey held talks.\"}\n");
    let out = run(&["extract", "--jsonl"], &input);
    let ids: Vec<_> = lines(&out.stdout).iter().map(|a| a["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids, ["after"]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.starts_with("didar: stdin line 1: longer than"), "{stderr}");
}

#[test]
fn timeline_of_jsonl_is_the_timeline_of_the_files() {
    let mut input = String::new();
    for (id, text) in dev_articles() {
        input += &serde_json::json!({"id": id, "text": text}).to_string();
        input.push('\n');
    }
    let jsonl = run(&["timeline", "--jsonl"], input.as_bytes());
    let files = run(&["timeline", concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/dev/articles")], b"");
    assert!(jsonl.status.success() && files.status.success());
    assert!(files.stdout.len() > 1000);
    assert_eq!(jsonl.stdout, files.stdout);
}

/// Runs didar under a 300 MB address-space limit: reading /dev/zero past the
/// 20 MB limit (as it once did, to 1 GB) would fail to allocate and abort.
#[test]
fn a_device_is_read_only_to_the_limit_in_bounded_memory() {
    if !std::path::Path::new("/dev/zero").exists() {
        return;
    }
    let out = Command::new("sh")
        .args(["-c", "ulimit -v 300000 && exec \"$0\" extract /dev/zero", DIDAR])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.trim(), "didar: /dev/zero: larger than 20 MB, not an article");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_fifo_is_read_like_a_file_with_the_same_limit() {
    let dir = std::env::temp_dir().join(format!("didar-fifo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let fifo = dir.join("article.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return; // no mkfifo here
    }
    for (size, ok) in [(200usize, true), (21 << 20, false)] {
        let path = fifo.clone();
        let feeder = std::thread::spawn(move || {
            let mut text = b"Iran's defense minister met his Kazakh counterpart in Moscow on 4 April 2018. ".repeat(size / 79 + 1);
            text.truncate(size.max(79));
            // The reader stops after 20 MB and a byte: a broken pipe then is expected.
            let _ = std::fs::OpenOptions::new().write(true).open(&path).and_then(|mut f| f.write_all(&text));
        });
        let out = Command::new(DIDAR).arg("extract").arg(&fifo).output().unwrap();
        feeder.join().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        if ok {
            assert!(out.status.success(), "{stderr}");
            assert_eq!(lines(&out.stdout)[0]["id"], "article");
            assert_eq!(lines(&out.stdout)[0]["meetings"][0]["parties"], serde_json::json!(["IR", "KZ"]));
        } else {
            assert!(stderr.ends_with("article.txt: larger than 20 MB, not an article\n"), "{stderr}");
            assert!(out.stdout.is_empty());
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
