//! The extractor's version for the browser's cache of analyses
//! (`DIDAR_EXTRACTOR`): a hash of every source and data file the analysis
//! depends on (`src/` but the UI, `data/`), so a cached analysis is never
//! used by a build that would analyse the text differently.
use std::path::Path;

fn walk(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n == "ui") {
                continue;
            }
            walk(&p, files);
        } else {
            files.push(p);
        }
    }
}

fn main() {
    let mut files = Vec::new();
    for dir in ["src", "data"] {
        println!("cargo:rerun-if-changed={dir}");
        walk(Path::new(dir), &mut files);
    }
    files.sort();
    let mut h: u64 = 0xcbf29ce484222325;
    for f in &files {
        for b in f.to_string_lossy().bytes().chain(std::fs::read(f).unwrap_or_default()) {
            h = (h ^ b as u64).wrapping_mul(0x100000001b3);
        }
    }
    println!("cargo:rustc-env=DIDAR_EXTRACTOR={}-{h:016x}", std::env::var("CARGO_PKG_VERSION").unwrap_or_default());
}
