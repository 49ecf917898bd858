//! The bundled corpus: the seed articles shipped in `seeds/`, compiled in so
//! the app shows them without fetching anything (every `seeds/*.txt`, in
//! file-name order, packed by `build.rs` with the knowledge tables).

use crate::knowledge::tables::SEEDS;
use crate::model::Article;

/// The seed articles, in file-name order.
pub fn seeds() -> Vec<Article> {
    SEEDS.iter().map(|(id, text)| Article { id: id.to_string(), text: text.text().to_string() }).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_seed_file_is_bundled() {
        let on_disk = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")).unwrap().count();
        assert_eq!(super::seeds().len(), on_disk);
        assert!(super::seeds().iter().all(|a| !a.text.is_empty()));
        for a in super::seeds() {
            let file = std::fs::read_to_string(format!("{}/seeds/{}.txt", env!("CARGO_MANIFEST_DIR"), a.id)).unwrap();
            assert_eq!(a.text, file, "the packed seed is the file");
        }
    }
}
