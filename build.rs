//! The extractor's version for the browser's cache of analyses
//! (`DIDAR_EXTRACTOR`): a hash of every source and data file the analysis
//! depends on (`src/` but the UI, `data/`), so a cached analysis is never
//! used by a build that would analyse the text differently.
//!
//! It also writes the data files as the program embeds them, to `OUT_DIR`:
//! each comment line (the provenance, for people) emptied, so that line
//! numbers stay and the app does not carry the comments (about 22 KB gzip),
//! and the fields that name each line's source ([`FOR_PEOPLE`]) emptied too;
//! and all of them, then the seed articles, as one text with where each lies
//! in it (`tables.rs`), which is what the program embeds: for the browser app
//! as one LZMA stream (`tables.lzma`), natively as it is (`tables.txt`).
use std::path::Path;

/// Fields of a data file that are for people only (its lines' sources), by
/// file and field number: emptied in the embedded copy like comments.
const FOR_PEOPLE: &[(&str, usize)] = &[("landmarks.tsv", 4)];

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
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("data");
    std::fs::create_dir_all(&out).expect("OUT_DIR/data");
    let (mut tables, mut index) = (String::new(), String::new());
    for f in files.iter().filter(|f| f.starts_with("data") && f.extension().is_some_and(|x| x == "tsv")) {
        let text = std::fs::read_to_string(f).expect("data files are UTF-8");
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let for_people = FOR_PEOPLE.iter().find(|(file, _)| *file == name).map(|&(_, field)| field);
        let stripped: String = text
            .lines()
            .map(|l| match for_people {
                _ if l.starts_with('#') => "\n".to_string(),
                // The field emptied, the others in their places.
                Some(field) => l.split('\t').enumerate().map(|(i, x)| if i == field { "" } else { x }).collect::<Vec<_>>().join("\t") + "\n",
                None => format!("{l}\n"),
            })
            .collect();
        std::fs::write(out.join(f.file_name().expect("a file")), &stripped).expect("write OUT_DIR/data");
        let constant = name.trim_end_matches(".tsv").replace('-', "_").to_uppercase();
        index.push_str(&format!("pub(crate) const {constant}: Table = Table {{ start: {}, end: {} }};\n", tables.len(), tables.len() + stripped.len()));
        tables.push_str(&stripped);
    }
    // And the seed articles (`corpus.rs`), by file name, as they are.
    println!("cargo:rerun-if-changed=seeds");
    let mut seeds: Vec<_> = std::fs::read_dir("seeds").expect("seeds/").flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
    seeds.sort();
    index.push_str("pub(crate) const SEEDS: &[(&str, Table)] = &[\n");
    for p in &seeds {
        let text = std::fs::read_to_string(p).expect("seed articles are UTF-8");
        let id = p.file_stem().and_then(|n| n.to_str()).expect("a seed's name");
        index.push_str(&format!("    ({id:?}, Table {{ start: {}, end: {} }}),\n", tables.len(), tables.len() + text.len()));
        tables.push_str(&text);
    }
    index.push_str("];\n");
    // The tables as the program embeds them. In the browser app, one LZMA stream decompressed on
    // first use (`knowledge/tables.rs`): LZMA finds the repeats across the whole 550 KB where the
    // gzip that serves the wasm looks back 32 KB only, so the tables and seeds weigh 124 KB instead
    // of 152 KB in the gzipped wasm (issue 14). Natively (the CLI, the tests), the text as it is:
    // decompressing costs about 48 million instructions at start-up, and size does not matter there.
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        let mut options = lzma_rust2::LzmaOptions::with_preset(9);
        (options.lc, options.lp, options.pb, options.dict_size) = (2, 0, 0, 1 << 20);
        let mut packed = Vec::new();
        let mut writer = lzma_rust2::LzmaWriter::new_use_header(&mut packed, &options, Some(tables.len() as u64)).expect("an LZMA writer");
        std::io::Write::write_all(&mut writer, tables.as_bytes()).expect("compress the tables");
        writer.finish().expect("compress the tables");
        std::fs::write(out.join("tables.lzma"), packed).expect("write OUT_DIR/data/tables.lzma");
    } else {
        std::fs::write(out.join("tables.txt"), &tables).expect("write OUT_DIR/data/tables.txt");
    }
    std::fs::write(out.join("tables.rs"), index).expect("write OUT_DIR/data/tables.rs");
    println!("cargo:rustc-env=DIDAR_EXTRACTOR={}-{h:016x}", std::env::var("CARGO_PKG_VERSION").unwrap_or_default());
}
