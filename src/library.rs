//! The user's library: the bundled seed articles and the articles the user
//! added, each with its analysis. Plain Rust, so the app's logic is tested
//! natively; the UI only wires it to signals.

use crate::corpus;
use crate::extract::analyze;
use crate::model::{Analysis, Article};
use crate::timeline::Timeline;
use serde::{Deserialize, Serialize};

/// Where an article came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// Shipped with Didar; always present, never edited.
    Bundled,
    /// Pasted or imported by the user.
    User,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub article: Article,
    pub analysis: Analysis,
    pub origin: Origin,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Library {
    items: Vec<Item>,
}

/// Largest article accepted from a paste or file (characters of UTF-8 text).
pub const MAX_ARTICLE_BYTES: usize = 2 * 1024 * 1024;

/// Why an article could not be added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejected {
    Empty,
    TooLarge { bytes: usize },
}

impl std::fmt::Display for Rejected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Rejected::Empty => write!(f, "The article is empty."),
            Rejected::TooLarge { bytes } => write!(
                f,
                "The article is {:.1} MB; Didar reads articles up to {} MB.",
                *bytes as f64 / 1e6,
                MAX_ARTICLE_BYTES / (1024 * 1024)
            ),
        }
    }
}

impl Library {
    /// A library holding the bundled seed articles, analysed.
    pub fn with_seeds() -> Library {
        let items = corpus::seeds()
            .into_iter()
            .map(|article| Item { analysis: analyze(&article), article, origin: Origin::Bundled })
            .collect();
        Library { items }
    }

    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// Analyse a pasted article and add it; returns its analysis.
    pub fn add_text(&mut self, text: &str) -> Result<&Item, Rejected> {
        if text.trim().is_empty() {
            return Err(Rejected::Empty);
        }
        if text.len() > MAX_ARTICLE_BYTES {
            return Err(Rejected::TooLarge { bytes: text.len() });
        }
        let n = self.items.iter().filter(|i| i.origin == Origin::User).count() + 1;
        let mut id = format!("pasted-{n}");
        let mut k = n;
        while self.items.iter().any(|i| i.article.id == id) {
            k += 1;
            id = format!("pasted-{k}");
        }
        let article = Article { id, text: text.to_string() };
        self.items.push(Item { analysis: analyze(&article), article, origin: Origin::User });
        Ok(self.items.last().expect("just pushed"))
    }

    pub fn timeline(&self) -> Timeline {
        Timeline::build(self.items.iter().map(|i| &i.analysis))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_are_bundled_and_pasted_articles_join_the_timeline() {
        let mut lib = Library::with_seeds();
        assert_eq!(lib.items().len(), 5);
        assert!(lib.items().iter().all(|i| i.origin == Origin::Bundled));
        let before = lib.timeline().entries.len();
        // Not a seed meeting (those are 2018-2025 in Moscow and Tehran), so a new entry.
        let item = lib.add_text("Iran's defense minister met his Kazakh counterpart in Tehran on 5 May 2021.").unwrap();
        assert_eq!(item.article.id, "pasted-1");
        assert_eq!(item.analysis.meetings.len(), 1);
        assert_eq!(lib.timeline().entries.len(), before + 1);
    }

    #[test]
    fn empty_and_oversized_pastes_are_refused_and_change_nothing() {
        let mut lib = Library::with_seeds();
        assert_eq!(lib.add_text("  \n\t").unwrap_err(), Rejected::Empty);
        let big = "a".repeat(MAX_ARTICLE_BYTES + 1);
        assert!(matches!(lib.add_text(&big), Err(Rejected::TooLarge { .. })));
        assert_eq!(lib.items().len(), 5);
    }
}
