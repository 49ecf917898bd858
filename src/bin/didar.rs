//! `didar`: Didar's extraction on the command line, for batch work and scoring.
//!
//! ```text
//! didar extract PATH...    one JSON object per article per line (JSONL)
//! didar extract --jsonl    a streaming filter: {"id","text"} lines in, one result line out per line
//! didar timeline PATH...   the merged timeline of all the articles, as JSON
//! didar timeline --jsonl   the same, of {"id","text"} lines on stdin
//! didar bench [PATH...]    throughput and start-up cost of the extractor
//! didar bench --scaling    time at doubling lengths of real and adversarial text
//! ```
//! A PATH is a file, a folder (its `.txt` files, in name order) or `-` (stdin).

use didar::{analyze, Analysis, Article, Timeline};
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "usage:
  didar extract PATH...    print one JSON object per article per line
  didar extract --jsonl    read {\"id\",\"text\"} lines on stdin, print one result line per line
  didar timeline PATH...   print the merged timeline of the articles as JSON
  didar timeline --jsonl   the same, of {\"id\",\"text\"} lines on stdin
  didar bench [PATH...]    measure extraction speed (default: the bundled seeds)
  didar bench --scaling    time at 125 KB ... 8 MB of real and adversarial text
  didar mentions PATH...   list every known form found (for knowledge authors)
A PATH is a .txt file, a folder of .txt files, or - for standard input.
With --jsonl a bad line is reported on stderr with its number and skipped.";

/// Largest article read (bigger files are refused, not truncated).
const MAX_ARTICLE_BYTES: u64 = 20 * 1024 * 1024;

/// Read the articles named by the paths and hand each to `each` as it is read
/// (one article in memory at a time); report each unreadable one on stderr.
fn for_each_article(paths: &[String], failures: &mut usize, each: &mut dyn FnMut(Article) -> io::Result<()>) -> io::Result<()> {
    for p in paths {
        if p == "-" {
            let mut bytes = Vec::new();
            match io::stdin().take(MAX_ARTICLE_BYTES + 1).read_to_end(&mut bytes) {
                Ok(_) => {
                    if let Some(a) = to_article("stdin", "-", bytes, failures) {
                        each(a)?
                    }
                }
                Err(e) => fail(failures, "-", &format!("cannot read standard input: {e}")),
            }
            continue;
        }
        let path = Path::new(p);
        if path.is_dir() {
            let entries = match std::fs::read_dir(path) {
                Ok(entries) => entries,
                Err(e) => {
                    fail(failures, p, &format!("cannot list folder: {e}"));
                    continue;
                }
            };
            let mut files: Vec<_> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|f| f.is_file() && f.extension().is_some_and(|x| x == "txt"))
                .collect();
            files.sort();
            if files.is_empty() {
                fail(failures, p, "folder holds no .txt files");
            }
            for f in files {
                if let Some(a) = read_file(&f, failures) {
                    each(a)?
                }
            }
        } else if let Some(a) = read_file(path, failures) {
            each(a)?
        }
    }
    Ok(())
}

/// Every article named by the paths, read into memory.
fn load(paths: &[String], failures: &mut usize) -> Vec<Article> {
    let mut out = Vec::new();
    let _ = for_each_article(paths, failures, &mut |a| {
        out.push(a);
        Ok(())
    });
    out
}

/// Read one file as an article. Whatever the file is (a regular file, a FIFO,
/// a device such as /dev/zero), at most 20 MB and one byte are read.
fn read_file(path: &Path, failures: &mut usize) -> Option<Article> {
    let shown = path.display().to_string();
    let too_big = || format!("larger than {} MB, not an article", MAX_ARTICLE_BYTES >> 20);
    let file = match std::fs::File::open(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return fail_none(failures, &shown, "no such file or folder"),
        Err(e) => return fail_none(failures, &shown, &format!("cannot read: {e}")),
        Ok(f) => f,
    };
    // A regular file's size is known before reading it; other kinds report 0.
    if file.metadata().is_ok_and(|m| m.len() > MAX_ARTICLE_BYTES) {
        return fail_none(failures, &shown, &too_big());
    }
    let mut bytes = Vec::new();
    match file.take(MAX_ARTICLE_BYTES + 1).read_to_end(&mut bytes) {
        Ok(_) => {
            let id = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| shown.clone());
            to_article(&id, &shown, bytes, failures)
        }
        Err(e) => fail_none(failures, &shown, &format!("cannot read: {e}")),
    }
}

fn to_article(id: &str, shown: &str, bytes: Vec<u8>, failures: &mut usize) -> Option<Article> {
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return fail_none(failures, shown, &format!("larger than {} MB, not an article", MAX_ARTICLE_BYTES >> 20));
    }
    if bytes.contains(&0) {
        return fail_none(failures, shown, "binary file (contains NUL bytes), not a text article");
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let why = format!("not valid UTF-8 (first bad byte at offset {})", e.utf8_error().valid_up_to());
            return fail_none(failures, shown, &why);
        }
    };
    let text = text.strip_prefix('\u{FEFF}').map(str::to_string).unwrap_or(text);
    if text.trim().is_empty() {
        return fail_none(failures, shown, "empty file");
    }
    Some(Article { id: id.to_string(), text })
}

/// Largest line read with --jsonl: a 20 MB text written with JSON's \uXXXX
/// escapes (three times the UTF-8 size of Arabic, Persian or an emoji) and its id.
const MAX_JSONL_LINE_BYTES: usize = 3 * MAX_ARTICLE_BYTES as usize + 64 * 1024;

/// One line of --jsonl input: `{"id", "text"}` (other fields are ignored).
#[derive(serde::Deserialize)]
struct JsonlArticle {
    #[serde(default)]
    id: Option<serde_json::Value>,
    text: String,
}

/// Read `{"id","text"}` lines from `input` and hand each article to `each`, in
/// order, holding one line in memory at a time. A bad line (not JSON, no
/// `text`, an `id` that is not a string or number, invalid UTF-8, too long) is
/// reported on stderr with its line number and skipped; blank lines are skipped.
/// A line without an `id` is given its line number as id. `flush` is called
/// before each read that would wait for input, so results stream out.
fn for_each_jsonl<R: Read>(
    input: &mut io::BufReader<R>,
    failures: &mut usize,
    flush: &mut dyn FnMut() -> io::Result<()>,
    each: &mut dyn FnMut(Article) -> io::Result<()>,
) -> io::Result<()> {
    let mut line = Vec::new();
    let mut number = 0u64;
    loop {
        number += 1;
        line.clear();
        let mut too_long = false;
        // Read up to the newline, keeping at most MAX_JSONL_LINE_BYTES of it.
        let mut eof = false;
        loop {
            if input.buffer().is_empty() {
                flush()?;
            }
            let chunk = match input.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                eof = true;
                break;
            }
            let (part, done) = match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => (&chunk[..i], i + 1),
                None => (chunk, chunk.len()),
            };
            if !too_long && line.len() + part.len() <= MAX_JSONL_LINE_BYTES {
                line.extend_from_slice(part);
            } else {
                too_long = true;
                line = Vec::new();
            }
            let newline = done > part.len();
            input.consume(done);
            if newline {
                break;
            }
        }
        if eof && line.is_empty() && !too_long {
            return Ok(());
        }
        let shown = format!("stdin line {number}");
        if too_long {
            fail(failures, &shown, &format!("longer than {} MB, skipped", MAX_JSONL_LINE_BYTES >> 20));
        } else if !line.iter().all(u8::is_ascii_whitespace) {
            match serde_json::from_slice::<JsonlArticle>(&line) {
                Err(e) => fail(failures, &shown, &format!("not an {{\"id\", \"text\"}} JSON object ({e}), skipped")),
                Ok(JsonlArticle { text, .. }) if text.len() as u64 > MAX_ARTICLE_BYTES => {
                    fail(failures, &shown, &format!("text larger than {} MB, skipped", MAX_ARTICLE_BYTES >> 20))
                }
                Ok(JsonlArticle { id, text }) => match id {
                    None | Some(serde_json::Value::Null) => each(Article { id: number.to_string(), text })?,
                    Some(serde_json::Value::String(id)) => each(Article { id, text })?,
                    Some(serde_json::Value::Number(n)) => each(Article { id: n.to_string(), text })?,
                    Some(_) => fail(failures, &shown, "\"id\" is neither a string nor a number, skipped"),
                },
            }
        }
        if eof {
            return Ok(());
        }
    }
}

fn fail(failures: &mut usize, path: &str, why: &str) {
    *failures += 1;
    eprintln!("didar: {path}: {why}");
}

fn fail_none<T>(failures: &mut usize, path: &str, why: &str) -> Option<T> {
    fail(failures, path, why);
    None
}

fn bench(paths: &[String], failures: &mut usize) -> io::Result<()> {
    let articles = if paths.is_empty() { didar::corpus::seeds() } else { load(paths, failures) };
    let one_pass: usize = articles.iter().map(|a| a.text.len()).sum();
    if one_pass == 0 {
        eprintln!("didar: nothing to measure");
        return Ok(());
    }
    // Start-up: the knowledge, and the first article with the tries of
    // the scripts it is written in (the others are built when first needed).
    let started = Instant::now();
    drop(analyze(&articles[0]));
    let startup = started.elapsed();
    let started = Instant::now();
    didar::knowledge::Knowledge::get().build_every_script();
    let other_scripts = started.elapsed();
    let target: usize = 20 * 1024 * 1024;
    let rounds = target.div_ceil(one_pass);
    let mut meetings = 0usize;
    let t = Instant::now();
    for _ in 0..rounds {
        for a in &articles {
            meetings += analyze(a).meetings.len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    let mb = (one_pass * rounds) as f64 / 1e6;
    let per_article_ms = secs * 1e3 / (rounds * articles.len()) as f64;
    println!(
        "start-up (knowledge load + first article, {}, with its scripts' tries): {:.1} ms",
        articles[0].id,
        startup.as_secs_f64() * 1e3
    );
    println!("tries of the other scripts, built when a text first needs them: {:.1} ms", other_scripts.as_secs_f64() * 1e3);
    println!(
        "throughput: {:.1} MB/s on one core ({} articles x {} rounds = {:.1} MB in {:.2} s, {} meetings)",
        mb / secs,
        articles.len(),
        rounds,
        mb,
        secs,
        meetings
    );
    println!("mean time per article: {per_article_ms:.3} ms");
    Ok(())
}

/// Time extraction of each input kind at 125 KB and every doubling up to 8 MB
/// (the fastest of three runs), with the ratio of each doubling and the
/// process's peak memory while that size was measured. A kind stops
/// growing once one size takes longer than a minute.
fn scaling(out: &mut impl Write) -> io::Result<()> {
    const SIZES_KB: [usize; 7] = [125, 250, 500, 1000, 2000, 4000, 8000];
    drop(analyze(&Article { id: "warm-up".into(), text: "Iran و ایران".into() }));
    didar::knowledge::Knowledge::get().build_every_script();
    for kind in &didar::extract::scaling::KINDS {
        writeln!(out, "{}:", kind.name)?;
        let mut previous: Option<f64> = None;
        for kb in SIZES_KB {
            reset_peak_memory();
            let text = (kind.make)(kb * 1000);
            let article = Article { id: kind.name.into(), text };
            // The fastest of three runs (the slower ones are the machine's noise).
            let mut secs = f64::INFINITY;
            let mut meetings = 0;
            for _ in 0..3 {
                let started = Instant::now();
                meetings = analyze(&article).meetings.len();
                secs = secs.min(started.elapsed().as_secs_f64());
            }
            let ratio = previous.map_or(String::from("     "), |p| format!("{:5.2}", secs / p));
            writeln!(out, "  {kb:>5} KB  {:>9.3} s  ratio {ratio}  {meetings:>6} meetings  peak memory {} MB", secs, peak_memory_mb())?;
            out.flush()?;
            previous = Some(secs);
            if secs > 60.0 {
                writeln!(out, "  (larger sizes skipped)")?;
                break;
            }
        }
    }
    Ok(())
}

/// Start the process's peak memory again from what it holds now (Linux:
/// writing 5 to clear_refs), so that each size's peak is its own, not the
/// largest of the sizes and kinds measured before it. (The memory the
/// allocator kept from earlier sizes is given back first, with glibc's
/// `malloc_trim`: else it would count as held.)
fn reset_peak_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        extern "C" {
            fn malloc_trim(pad: usize) -> i32;
        }
        // SAFETY: glibc's malloc_trim only returns free memory to the system.
        unsafe { malloc_trim(0) };
    }
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// The process's peak resident memory since the last [`reset_peak_memory`] (Linux: VmHWM), in MB.
fn peak_memory_mb() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find_map(|l| l.strip_prefix("VmHWM:").map(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())).flatten())
        .map_or_else(|| "?".into(), |kb| (kb / 1024).to_string())
}

fn run() -> io::Result<ExitCode> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, paths)) = args.split_first() else {
        eprintln!("{USAGE}");
        return Ok(ExitCode::from(2));
    };
    let mut failures = 0;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match command.as_str() {
        "extract" | "timeline" if paths.is_empty() => {
            eprintln!("didar {command}: give at least one PATH (or - for standard input)\n{USAGE}");
            return Ok(ExitCode::from(2));
        }
        "extract" | "timeline" if paths.iter().any(|p| p == "--jsonl") && paths.len() > 1 => {
            eprintln!("didar {command} --jsonl: reads standard input only, give no PATH\n{USAGE}");
            return Ok(ExitCode::from(2));
        }
        "extract" => {
            if paths[0] == "--jsonl" {
                let mut input = io::BufReader::with_capacity(1 << 16, io::stdin().lock());
                // (The writer is flushed before each read that would wait for input.)
                let out_cell = std::cell::RefCell::new(&mut out);
                let mut write = |article: Article| -> io::Result<()> {
                    let mut out = out_cell.borrow_mut();
                    serde_json::to_writer(&mut **out, &analyze(&article))?;
                    out.write_all(b"\n")
                };
                for_each_jsonl(&mut input, &mut failures, &mut || out_cell.borrow_mut().flush(), &mut write)?;
            } else {
                let mut write = |article: Article| -> io::Result<()> {
                    serde_json::to_writer(&mut out, &analyze(&article))?;
                    out.write_all(b"\n")
                };
                for_each_article(paths, &mut failures, &mut write)?;
            }
        }
        "timeline" => {
            let mut analyses: Vec<Analysis> = Vec::new();
            let mut add = |article: Article| -> io::Result<()> {
                analyses.push(analyze(&article));
                Ok(())
            };
            if paths[0] == "--jsonl" {
                let mut input = io::BufReader::with_capacity(1 << 16, io::stdin().lock());
                for_each_jsonl(&mut input, &mut failures, &mut || Ok(()), &mut add)?;
            } else {
                for_each_article(paths, &mut failures, &mut add)?;
            }
            serde_json::to_writer_pretty(&mut out, &Timeline::build(&analyses))?;
            out.write_all(b"\n")?;
        }
        "bench" if paths.first().map(String::as_str) == Some("--scaling") => scaling(&mut out)?,
        "bench" => bench(paths, &mut failures)?,
        "mentions" => {
            let k = didar::knowledge::Knowledge::get();
            for article in load(paths, &mut failures) {
                let folded = didar::text::Folded::new(&article.text);
                writeln!(out, "## {}", article.id)?;
                for m in k.mentions(&folded.text) {
                    let (s, e) = folded.span(m.start, m.end);
                    writeln!(out, "{s}\t{e}\t{}\t{}", k.describe(&m.entity), didar::text::char_slice(&article.text, s, e))?;
                }
            }
        }
        "-h" | "--help" | "help" => println!("{USAGE}"),
        other => {
            eprintln!("didar: unknown command {other:?}\n{USAGE}");
            return Ok(ExitCode::from(2));
        }
    }
    out.flush()?;
    Ok(if failures > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        // A closed pipe (`didar extract … | head`) is not an error worth a message.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("didar: {e}");
            ExitCode::from(1)
        }
    }
}
