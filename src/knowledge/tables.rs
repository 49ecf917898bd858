//! The knowledge tables as the program embeds them: every file of `data/` (as
//! `build.rs` writes it, comments and sources emptied), and the seed articles
//! (`corpus.rs`), one after another. In the browser app they are one LZMA
//! stream, decompressed once, on first use: LZMA sees the repeats across all
//! the tables where the gzip serving the wasm looks back 32 KB only (issue 14).

/// Where one table lies in the text.
#[derive(Clone, Copy)]
pub(crate) struct Table {
    start: usize,
    end: usize,
}

include!(concat!(env!("OUT_DIR"), "/data/tables.rs"));

/// Every table and seed, one after another: in the browser app, decompressed from the embedded
/// LZMA stream on first use.
#[cfg(target_arch = "wasm32")]
fn all() -> &'static str {
    use std::io::Read;
    static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    const PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/data/tables.lzma"));
    TEXT.get_or_init(|| {
        let mut text = String::new();
        // The stream is written by build.rs from UTF-8 files: it can only fail if the build is broken.
        lzma_rust2::LzmaReader::new_mem_limit(PACKED, u32::MAX, None)
            .and_then(|mut r| r.read_to_string(&mut text))
            .expect("the embedded knowledge tables decompress");
        text
    })
}

/// Every table and seed, one after another: natively, as text (start-up matters more than size).
#[cfg(not(target_arch = "wasm32"))]
fn all() -> &'static str {
    include_str!(concat!(env!("OUT_DIR"), "/data/tables.txt"))
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
