//! The knowledge tables as the program embeds them: every file of `data/` (as
//! `build.rs` writes it, comments and sources emptied), and the seed articles
//! (`corpus.rs`), in one LZMA stream, decompressed once, on first use. LZMA sees the repeats across all the tables
//! where the gzip serving the wasm looks back 32 KB only (issue 14).

use std::io::Read;
use std::sync::OnceLock;

/// Where one table lies in the decompressed text.
#[derive(Clone, Copy)]
pub(crate) struct Table {
    start: usize,
    end: usize,
}

include!(concat!(env!("OUT_DIR"), "/data/tables.rs"));

const PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/data/tables.lzma"));

fn all() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let mut text = String::new();
        // The stream is written by build.rs from UTF-8 files: it can only fail if the build is broken.
        lzma_rust2::LzmaReader::new_mem_limit(PACKED, u32::MAX, None)
            .and_then(|mut r| r.read_to_string(&mut text))
            .expect("the embedded knowledge tables decompress");
        text
    })
}

impl Table {
    /// The table's text: its lines, comments emptied (or a seed article's text).
    pub(crate) fn text(self) -> &'static str {
        &all()[self.start..self.end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_packed_tables_are_the_files_as_built() {
        assert_eq!(OFFICIALS.text(), include_str!(concat!(env!("OUT_DIR"), "/data/officials.tsv")));
        assert_eq!(WEEKDAYS.text(), include_str!(concat!(env!("OUT_DIR"), "/data/weekdays.tsv")));
        assert_eq!(INTERFACE_NAMES.text(), include_str!(concat!(env!("OUT_DIR"), "/data/interface-names.tsv")));
    }
}
