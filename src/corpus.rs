//! The bundled corpus: the seed articles shipped in `seeds/`, compiled in so
//! the app shows them without fetching anything.

use crate::model::Article;

const SEEDS: &[(&str, &str)] = &[
    ("000_332a31c000effd37", include_str!("../seeds/000_332a31c000effd37.txt")),
    ("001_87eaad3e373b4705", include_str!("../seeds/001_87eaad3e373b4705.txt")),
    ("002_526074edfd101ad9", include_str!("../seeds/002_526074edfd101ad9.txt")),
    ("003_769beeb24f917cc1", include_str!("../seeds/003_769beeb24f917cc1.txt")),
    ("004_fa529241b47a1e68", include_str!("../seeds/004_fa529241b47a1e68.txt")),
];

/// The seed articles, in file-name order.
pub fn seeds() -> Vec<Article> {
    SEEDS.iter().map(|(id, text)| Article { id: id.to_string(), text: text.to_string() }).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_seed_file_is_bundled() {
        let on_disk = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")).unwrap().count();
        assert_eq!(super::seeds().len(), on_disk);
        assert!(super::seeds().iter().all(|a| !a.text.is_empty()));
    }
}
