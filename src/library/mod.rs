//! The user's library: the bundled seed articles and the user's own articles,
//! each with its analysis, and the user's corrections. Plain Rust, so the
//! app's logic is tested natively; the UI only wires it to signals and saves
//! what changed (`ui/storage.rs`).
//!
//! Seed articles are always present and kept apart: they are never saved,
//! exported or removed. Corrections may concern any article, seeds included.
//!
//! Layer: uses `model`, `extract` and `timeline` (and `corpus`, the bundled seeds).

pub mod correction;
pub mod export;
pub mod import;
pub mod readable;
pub mod saved;

use crate::corpus;
use correction::{Change, Correction, Fix, Handle, Invalid, Shown};
use crate::extract::analyze;
use crate::model::{Analysis, Article};
use crate::timeline::Timeline;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// Where an article came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// Shipped with Didar; always present, never edited.
    Bundled,
    /// Pasted or imported by the user.
    User,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub article: Article,
    /// What the extractor found.
    pub extracted: Analysis,
    /// What is shown: the extraction with the user's corrections applied.
    pub analysis: Analysis,
    /// The shown meetings (as in `analysis.meetings`) with how to correct each.
    pub shown: Vec<Shown>,
    pub origin: Origin,
}

impl Item {
    fn new(article: Article, extracted: Analysis, origin: Origin, mine: &[&Correction]) -> Item {
        let analysis = Analysis {
            id: extracted.id.clone(),
            lang: extracted.lang.clone(),
            published: extracted.published.clone(),
            meetings: Vec::new(),
        };
        let mut item = Item { analysis, extracted, article, shown: Vec::new(), origin };
        item.apply(mine);
        item
    }

    /// Show the extraction with `mine`, the corrections of this article.
    fn apply(&mut self, mine: &[&Correction]) {
        self.shown = correction::apply(&self.article.text, &self.extracted, mine);
        self.analysis.meetings = self.shown.iter().map(|s| s.meeting.clone()).collect();
    }
}

/// The corrections of one article.
fn of_article<'a>(corrections: &'a [Correction], article: &str) -> Vec<&'a Correction> {
    corrections.iter().filter(|c| c.article == article).collect()
}

/// Corrections grouped by the article they concern.
fn by_article(corrections: &[Correction]) -> HashMap<&str, Vec<&Correction>> {
    let mut map: HashMap<&str, Vec<&Correction>> = HashMap::new();
    for c in corrections {
        map.entry(c.article.as_str()).or_default().push(c);
    }
    map
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Library {
    items: Vec<Item>,
    /// Where each article id is in `items`.
    index: HashMap<String, usize>,
    /// Ids of saved articles still being opened: nobody else may take them.
    reserved: HashSet<String>,
    /// Hash of each article's text → the ids with that hash (to find a text already in the library).
    texts: HashMap<u64, Vec<String>>,
    corrections: Vec<Correction>,
}

/// A hash of an article's text (FNV-1a over all of it).
pub fn text_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf29ce484222325u64, |h, x| (h ^ x as u64).wrapping_mul(0x100000001b3))
}

/// Largest article accepted from a paste or file (bytes of UTF-8 text).
pub const MAX_ARTICLE_BYTES: usize = 2 * 1024 * 1024;

/// Why an article could not be added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejected {
    Empty,
    TooLarge { bytes: usize },
    /// The same text is already in the library, as this article.
    Duplicate { id: String },
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
            Rejected::Duplicate { id } => write!(f, "This text is already in the library (“{id}”)."),
        }
    }
}

/// Check an article's text before it is analysed.
pub fn check_text(text: &str) -> Result<(), Rejected> {
    if text.trim().is_empty() {
        return Err(Rejected::Empty);
    }
    if text.len() > MAX_ARTICLE_BYTES {
        return Err(Rejected::TooLarge { bytes: text.len() });
    }
    Ok(())
}

/// The whole library as exported: the user's articles and all corrections
/// (the seeds are part of Didar, not of the export).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LibraryFile {
    /// Always [`LibraryFile::FORMAT`].
    pub format: String,
    /// [`LibraryFile::SCHEMA`] when written.
    pub schema: u32,
    pub articles: Vec<Article>,
    pub corrections: Vec<Correction>,
}

impl LibraryFile {
    pub const FORMAT: &'static str = "didar-library";
    pub const SCHEMA: u32 = 1;

    pub fn new(articles: Vec<Article>, corrections: Vec<Correction>) -> LibraryFile {
        LibraryFile { format: Self::FORMAT.into(), schema: Self::SCHEMA, articles, corrections }
    }
}

/// What a change to the corrections asks the storage to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    Put(Correction),
    Removed(String),
}

/// Articles and corrections ready to join the library: ids made unique,
/// corrections following renamed articles, exact duplicates dropped.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Plan {
    pub articles: Vec<Article>,
    pub corrections: Vec<Correction>,
    /// Articles whose text is already in the library (or earlier in the same import): left out.
    pub duplicates: usize,
}

impl Library {
    /// A library holding the bundled seed articles, analysed.
    pub fn with_seeds() -> Library {
        let mut library = Library::default();
        for article in corpus::seeds() {
            let extracted = analyze(&article);
            library.push(Item::new(article, extracted, Origin::Bundled, &[]));
        }
        library
    }

    fn push(&mut self, item: Item) -> &Item {
        self.texts.entry(text_hash(&item.article.text)).or_default().push(item.article.id.clone());
        self.index.insert(item.article.id.clone(), self.items.len());
        self.items.push(item);
        self.items.last().expect("just pushed")
    }

    pub fn items(&self) -> &[Item] {
        &self.items
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.index.get(id).map(|&i| &self.items[i])
    }

    pub fn corrections(&self) -> &[Correction] {
        &self.corrections
    }

    /// The user's own articles, in the order they were added.
    pub fn user_articles(&self) -> impl Iterator<Item = &Article> {
        self.items.iter().filter(|i| i.origin == Origin::User).map(|i| &i.article)
    }

    /// The article (bundled or the user's) that has exactly this text.
    pub fn with_text(&self, text: &str) -> Option<&Item> {
        self.texts.get(&text_hash(text))?.iter().filter_map(|id| self.item(id)).find(|i| i.article.text == text)
    }

    /// Is this id taken (by an article, or reserved for one being opened)?
    pub fn taken(&self, id: &str) -> bool {
        self.index.contains_key(id) || self.reserved.contains(id)
    }

    /// Keep these ids for articles that will be inserted later (the saved
    /// library, opened in parts): a paste meanwhile does not take them.
    pub fn reserve(&mut self, ids: impl IntoIterator<Item = String>) {
        self.reserved.extend(ids);
    }

    /// `wanted`, or `wanted-2`, `wanted-3`, ... whichever is free.
    pub fn free_id(&self, wanted: &str, also: &HashSet<String>) -> String {
        let wanted = if wanted.trim().is_empty() { "article" } else { wanted };
        let free = |id: &str| !self.taken(id) && !also.contains(id);
        if free(wanted) {
            return wanted.to_string();
        }
        (2..).map(|k| format!("{wanted}-{k}")).find(|id| free(id)).expect("some suffix is free")
    }

    /// Analyse a pasted article and add it; returns it.
    pub fn add_text(&mut self, text: &str) -> Result<&Item, Rejected> {
        let article = self.pasted_article(text)?;
        let extracted = analyze(&article);
        Ok(self.insert(article, extracted))
    }

    /// The article a pasted text would be (checked, not a duplicate, with a
    /// free id `pasted-N`), to be analysed and then [`Library::insert`]ed;
    /// the library is not changed.
    pub fn pasted_article(&self, text: &str) -> Result<Article, Rejected> {
        check_text(text)?;
        if let Some(same) = self.with_text(text) {
            return Err(Rejected::Duplicate { id: same.article.id.clone() });
        }
        let n = self.user_articles().count() + 1;
        let id = self.free_id(&format!("pasted-{n}"), &HashSet::new());
        Ok(Article { id, text: text.to_string() })
    }

    /// Make incoming articles fit: ids not yet taken (an article whose text
    /// is already in the library, or earlier in the same import, is a
    /// duplicate and left out, and its corrections go to the article already
    /// there; another article with a taken id is renamed
    /// `id-2`, ... and its corrections follow).
    pub fn plan(&self, file: LibraryFile) -> Plan {
        let mut plan = Plan::default();
        let mut batch = HashSet::new();
        let mut batch_texts: HashMap<u64, Vec<usize>> = HashMap::new();
        let mut renamed: HashMap<String, String> = HashMap::new();
        for a in file.articles {
            let h = text_hash(&a.text);
            let earlier = batch_texts.get(&h).and_then(|is| is.iter().map(|&i| &plan.articles[i]).find(|b: &&Article| b.text == a.text));
            let same = self.with_text(&a.text).map(|i| i.article.id.clone()).or_else(|| earlier.map(|b| b.id.clone()));
            if let Some(same) = same {
                plan.duplicates += 1;
                if same != a.id {
                    renamed.insert(a.id.clone(), same);
                }
                continue;
            }
            let id = self.free_id(&a.id, &batch);
            if id != a.id {
                renamed.insert(a.id.clone(), id.clone());
            }
            batch.insert(id.clone());
            batch_texts.entry(h).or_default().push(plan.articles.len());
            plan.articles.push(Article { id, text: a.text });
        }
        for mut c in file.corrections {
            if let Some((old, new)) = renamed.get_key_value(&c.article) {
                c.id = format!("{new}{}", c.id.get(old.len()..).unwrap_or(""));
                c.article = new.clone();
            }
            plan.corrections.push(c);
        }
        plan
    }

    /// Add an article analysed elsewhere (in chunks, by the app). Its id is
    /// made free if it was taken meanwhile (unless it was reserved for it).
    pub fn insert(&mut self, mut article: Article, mut extracted: Analysis) -> &Item {
        let reserved = self.reserved.remove(&article.id);
        if !reserved && self.taken(&article.id) {
            article.id = self.free_id(&article.id, &HashSet::new());
        }
        extracted.id = article.id.clone();
        let mine = of_article(&self.corrections, &article.id);
        let item = Item::new(article, extracted, Origin::User, &mine);
        self.push(item)
    }

    /// Add corrections (replacing any with the same id) and re-apply them.
    pub fn merge_corrections(&mut self, incoming: Vec<Correction>) {
        let mut touched = HashSet::new();
        let mut at: HashMap<String, usize> = self.corrections.iter().enumerate().map(|(i, c)| (c.id.clone(), i)).collect();
        for c in incoming {
            touched.insert(c.article.clone());
            match at.get(&c.id) {
                Some(&i) => self.corrections[i] = c,
                None => {
                    at.insert(c.id.clone(), self.corrections.len());
                    self.corrections.push(c);
                }
            }
        }
        let mine = by_article(&self.corrections);
        for item in self.items.iter_mut().filter(|i| touched.contains(&i.article.id)) {
            item.apply(mine.get(item.article.id.as_str()).map_or(&[], Vec::as_slice));
        }
    }

    /// Remove one of the user's own articles and its corrections; returns the
    /// ids of the corrections removed. Seeds cannot be removed.
    pub fn remove(&mut self, id: &str) -> Option<Vec<String>> {
        let i = self.items.iter().position(|i| i.article.id == id && i.origin == Origin::User)?;
        let item = self.items.remove(i);
        if let Some(ids) = self.texts.get_mut(&text_hash(&item.article.text)) {
            ids.retain(|x| x != id);
        }
        self.index = self.items.iter().enumerate().map(|(i, item)| (item.article.id.clone(), i)).collect();
        let gone: Vec<String> = self.corrections.iter().filter(|c| c.article == id).map(|c| c.id.clone()).collect();
        self.corrections.retain(|c| c.article != id);
        Some(gone)
    }

    /// Give one of the user's articles another id (another tab saved a
    /// different article under this one); its corrections follow. Returns the
    /// ids of the corrections renamed, as (old, new).
    pub fn rename(&mut self, old: &str, new: &str) -> Option<Vec<(String, String)>> {
        if self.taken(new) {
            return None;
        }
        let &i = self.index.get(old)?;
        if self.items[i].origin != Origin::User {
            return None;
        }
        self.index.remove(old);
        self.index.insert(new.to_string(), i);
        let item = &mut self.items[i];
        item.article.id = new.to_string();
        item.extracted.id = new.to_string();
        item.analysis.id = new.to_string();
        if let Some(ids) = self.texts.get_mut(&text_hash(&item.article.text)) {
            for x in ids.iter_mut().filter(|x| *x == old) {
                *x = new.to_string();
            }
        }
        let mut moved = Vec::new();
        for c in self.corrections.iter_mut().filter(|c| c.article == old) {
            let id = format!("{new}{}", c.id.get(old.len()..).unwrap_or(""));
            moved.push((std::mem::replace(&mut c.id, id.clone()), id));
            c.article = new.to_string();
        }
        let mine = of_article(&self.corrections, new);
        self.items[i].apply(&mine);
        Some(moved)
    }

    /// Give an added meeting's correction another id (another tab saved a
    /// different one under this id).
    pub fn rename_correction(&mut self, old: &str, new: &str) -> bool {
        if self.corrections.iter().any(|c| c.id == new) {
            return false;
        }
        match self.corrections.iter_mut().find(|c| c.id == old) {
            Some(c) => {
                c.id = new.to_string();
                true
            }
            None => false,
        }
    }

    /// A free id for another added meeting of `article`, avoiding `also`.
    pub fn free_add_id(&self, article: &str, also: &HashSet<String>) -> String {
        (1..)
            .map(|n| format!("{article}#add-{n}"))
            .find(|id| !also.contains(id) && !self.corrections.iter().any(|c| &c.id == id))
            .expect("some number is free")
    }

    /// Remove one correction (another tab removed it).
    pub fn remove_correction(&mut self, id: &str) -> bool {
        let Some(at) = self.corrections.iter().position(|c| c.id == id) else { return false };
        let c = self.corrections.remove(at);
        if let Some(&i) = self.index.get(&c.article) {
            self.items[i].apply(&of_article(&self.corrections, &c.article));
        }
        true
    }

    /// Correct a shown meeting: new values, or `None` to delete it.
    pub fn correct(&mut self, article: &str, handle: &Handle, fix: Option<Fix>) -> Result<Saved, Invalid> {
        if self.item(article).is_none() {
            return Err(Invalid(format!("There is no article “{article}”.")));
        }
        let saved = match (handle, fix) {
            (Handle::Extracted(key), Some(fix)) => Saved::Put(Correction {
                id: Correction::id_for(article, key),
                article: article.into(),
                change: Change::Edit { key: key.clone(), fix },
            }),
            (Handle::Extracted(key), None) => Saved::Put(Correction {
                id: Correction::id_for(article, key),
                article: article.into(),
                change: Change::Delete { key: key.clone() },
            }),
            (Handle::Added(id), Some(fix)) => {
                Saved::Put(Correction { id: id.clone(), article: article.into(), change: Change::Add { fix } })
            }
            (Handle::Added(id), None) => Saved::Removed(id.clone()),
        };
        match &saved {
            Saved::Put(c) => self.merge_corrections(vec![c.clone()]),
            Saved::Removed(id) => {
                self.corrections.retain(|c| &c.id != id);
                if let Some(&i) = self.index.get(article) {
                    self.items[i].apply(&of_article(&self.corrections, article));
                }
            }
        }
        Ok(saved)
    }

    /// Add a meeting the extractor missed to an article.
    pub fn add_meeting(&mut self, article: &str, fix: Fix) -> Result<Correction, Invalid> {
        if self.item(article).is_none() {
            return Err(Invalid(format!("There is no article “{article}”.")));
        }
        let id = self.free_add_id(article, &HashSet::new());
        let c = Correction { id, article: article.into(), change: Change::Add { fix } };
        self.merge_corrections(vec![c.clone()]);
        Ok(c)
    }

    /// The user's articles and all corrections, as exported.
    pub fn to_file(&self) -> LibraryFile {
        LibraryFile::new(self.user_articles().cloned().collect(), self.corrections.clone())
    }

    /// The whole library as JSON (pretty, in the order things were added).
    pub fn export_json(&self) -> String {
        serde_json::to_string_pretty(&self.to_file()).expect("a library always serializes")
    }

    pub fn timeline(&self) -> Timeline {
        Timeline::build(self.items.iter().map(|i| &i.analysis))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Mode, Status};

    const KZ: &str = "Iran's defense minister met his Kazakh counterpart in Tehran on 5 May 2021.";

    /// Import a library file the way the app does (analysing each article).
    fn import(lib: &mut Library, file: LibraryFile) -> Plan {
        let plan = lib.plan(file);
        for a in &plan.articles {
            let ex = analyze(a);
            lib.insert(a.clone(), ex);
        }
        lib.merge_corrections(plan.corrections.clone());
        plan
    }

    #[test]
    fn seeds_are_bundled_and_pasted_articles_join_the_timeline() {
        let mut lib = Library::with_seeds();
        assert_eq!(lib.items().len(), 5);
        assert!(lib.items().iter().all(|i| i.origin == Origin::Bundled));
        let before = lib.timeline().entries.len();
        // Not a seed meeting (those are 2018-2025 in Moscow and Tehran), so a new entry.
        let item = lib.add_text(KZ).unwrap();
        assert_eq!(item.article.id, "pasted-1");
        assert_eq!(item.analysis.meetings.len(), 1);
        assert_eq!(lib.timeline().entries.len(), before + 1);
    }

    #[test]
    fn reserved_ids_wait_for_their_articles() {
        let mut lib = Library::with_seeds();
        lib.reserve(["pasted-1".to_string()]);
        assert_eq!(lib.add_text(KZ).unwrap().article.id, "pasted-1-2", "a paste while the library opens");
        let saved = Article { id: "pasted-1".into(), text: "Saved before.".into() };
        assert_eq!(lib.insert(saved.clone(), analyze(&saved)).article.id, "pasted-1");
        // Once inserted, the id is an ordinary taken id again.
        assert_eq!(lib.insert(saved.clone(), analyze(&saved)).article.id, "pasted-1-3");
    }

    #[test]
    fn empty_and_oversized_pastes_are_refused_and_change_nothing() {
        let mut lib = Library::with_seeds();
        assert_eq!(lib.add_text("  \n\t").unwrap_err(), Rejected::Empty);
        let big = "a".repeat(MAX_ARTICLE_BYTES + 1);
        assert!(matches!(lib.add_text(&big), Err(Rejected::TooLarge { .. })));
        assert_eq!(lib.items().len(), 5);
    }

    #[test]
    fn seeds_are_neither_exported_nor_removable() {
        let mut lib = Library::with_seeds();
        let seed = lib.items()[0].article.id.clone();
        assert_eq!(lib.remove(&seed), None);
        assert_eq!(lib.items().len(), 5);
        assert!(lib.to_file().articles.is_empty());
        lib.add_text(KZ).unwrap();
        assert_eq!(lib.to_file().articles.len(), 1);
        lib.add_text(&KZ.replace("Tehran", "Astana")).unwrap();
        assert_eq!(lib.remove("pasted-1"), Some(vec![]));
        assert_eq!(lib.items().len(), 6);
        assert!(lib.item("pasted-1").is_none());
        assert_eq!(lib.item("pasted-2").unwrap().article.id, "pasted-2", "found where it now is");
    }

    #[test]
    fn export_then_import_into_an_empty_library_gives_the_same_export() {
        let mut lib = Library::with_seeds();
        lib.add_text(KZ).unwrap();
        lib.add_text("وزير الدفاع الإيراني التقى نظيره الروسي في موسكو \"اقتباس\" \\ \u{202E}").unwrap();
        let seed = lib.items()[0].clone();
        let key = correction::MeetingKey::of(&seed.analysis.meetings[0]);
        lib.correct(&seed.article.id, &Handle::Extracted(key), Some(Fix::parse("IR KZ", "2018-04-04", Status::Held, Mode::InPerson).unwrap())).unwrap();
        lib.add_meeting("pasted-1", Fix::parse("IR RU", "", Status::Planned, Mode::Phone).unwrap()).unwrap();
        let exported = lib.export_json();

        let file: LibraryFile = serde_json::from_str(&exported).unwrap();
        let mut empty = Library::with_seeds();
        let plan = import(&mut empty, file);
        assert_eq!(plan.duplicates, 0);
        assert_eq!(empty.export_json(), exported);
        assert_eq!(empty.timeline(), lib.timeline(), "the same meetings, corrections included");

        // Importing the same file again adds nothing.
        let again = import(&mut empty, serde_json::from_str(&exported).unwrap());
        assert_eq!((again.articles.len(), again.duplicates), (0, 2));
        assert_eq!(empty.export_json(), exported);
    }

    #[test]
    fn an_imported_article_whose_id_is_taken_is_renamed_with_its_corrections() {
        let mut lib = Library::with_seeds();
        lib.add_text(KZ).unwrap();
        let other = Article { id: "pasted-1".into(), text: "Another text about Iran and Russia.".into() };
        let c = Correction {
            id: "pasted-1#add-1".into(),
            article: "pasted-1".into(),
            change: Change::Add { fix: Fix::parse("IR RU", "2020", Status::Held, Mode::InPerson).unwrap() },
        };
        import(&mut lib, LibraryFile::new(vec![other], vec![c]));
        let ids: Vec<_> = lib.user_articles().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["pasted-1", "pasted-1-2"]);
        assert_eq!(lib.corrections()[0].id, "pasted-1-2#add-1");
        assert_eq!(lib.item("pasted-1-2").unwrap().analysis.meetings.last().unwrap().parties, ["IR", "RU"]);
        assert_eq!(lib.item("pasted-1").unwrap().analysis.meetings.len(), 1, "the first article is untouched");
    }

    #[test]
    fn issue16_6_a_text_already_in_the_library_is_reported_not_added_again() {
        let mut lib = Library::with_seeds();
        let same = |id: &str| Article { id: id.into(), text: KZ.into() };
        let other = Article { id: "same".into(), text: "Another text about Iran and Russia.".into() };
        // A list holding one text three times under one id, and another text under that id.
        let file = || LibraryFile::new(vec![same("same"), same("same"), other.clone(), same("same")], vec![]);
        let plan = import(&mut lib, file());
        assert_eq!(plan.articles.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["same", "same-2"]);
        assert_eq!(plan.duplicates, 2);
        // Importing it again adds nothing, whatever the ids.
        let again = import(&mut lib, file());
        assert_eq!((again.articles.len(), again.duplicates), (0, 4));
        let renamed = import(&mut lib, LibraryFile::new(vec![same("elsewhere")], vec![]));
        assert_eq!((renamed.articles.len(), renamed.duplicates), (0, 1));
        assert_eq!(lib.user_articles().count(), 2);
        // A paste of a text already there is refused, naming the article that holds it.
        assert_eq!(lib.add_text(KZ).unwrap_err(), Rejected::Duplicate { id: "same".into() });
        let seed = lib.items()[0].article.clone();
        assert_eq!(lib.add_text(&seed.text).unwrap_err(), Rejected::Duplicate { id: seed.id.clone() });
        // Once removed, the text can come back.
        lib.remove("same").unwrap();
        assert_eq!(lib.add_text(KZ).unwrap().article.id, "pasted-2");
    }

    #[test]
    fn issue16_1_an_article_renamed_for_another_tab_takes_its_corrections_along() {
        let mut lib = Library::with_seeds();
        lib.add_text(KZ).unwrap();
        let add = lib.add_meeting("pasted-1", Fix::parse("IR RU", "2020", Status::Held, Mode::InPerson).unwrap()).unwrap();
        let key = correction::MeetingKey::of(&lib.item("pasted-1").unwrap().extracted.meetings[0]);
        lib.correct("pasted-1", &Handle::Extracted(key), Some(Fix::parse("IR KZ", "2021-05-04", Status::Held, Mode::InPerson).unwrap())).unwrap();
        assert_eq!(lib.rename("pasted-1", lib.items()[0].article.id.clone().as_str()), None, "never onto a taken id");
        let moved = lib.rename("pasted-1", "pasted-1-2").unwrap();
        assert_eq!(moved.len(), 2);
        assert!(lib.item("pasted-1").is_none());
        let item = lib.item("pasted-1-2").unwrap();
        assert_eq!(item.analysis.id, "pasted-1-2");
        assert_eq!(item.analysis.meetings.iter().map(|m| m.date.clone()).collect::<Vec<_>>(), [Some("2021-05-04".into()), Some("2020".into())]);
        assert!(lib.corrections().iter().all(|c| c.article == "pasted-1-2" && c.id.starts_with("pasted-1-2#") && c.check().is_ok()));
        assert!(lib.with_text(KZ).is_some_and(|i| i.article.id == "pasted-1-2"));
        // An added meeting's correction can take another number, and be removed.
        let new_id = lib.free_add_id("pasted-1-2", &HashSet::new());
        assert_eq!(new_id, "pasted-1-2#add-2");
        assert!(lib.rename_correction(&add.id.replace("pasted-1", "pasted-1-2"), &new_id));
        assert!(lib.remove_correction(&new_id));
        assert_eq!(lib.item("pasted-1-2").unwrap().analysis.meetings.len(), 1);
    }

    #[test]
    fn corrections_change_what_is_shown_and_can_be_undone() {
        let mut lib = Library::with_seeds();
        lib.add_text(KZ).unwrap();
        let key = correction::MeetingKey::of(&lib.item("pasted-1").unwrap().analysis.meetings[0]);
        let h = Handle::Extracted(key);
        let fix = Fix::parse("IR KZ", "2021-05-06", Status::Planned, Mode::Video).unwrap();
        lib.correct("pasted-1", &h, Some(fix)).unwrap();
        let m = &lib.item("pasted-1").unwrap().analysis.meetings[0];
        assert_eq!((m.date.as_deref(), m.status, m.mode), (Some("2021-05-06"), Status::Planned, Mode::Video));
        assert!(lib.timeline().entries.iter().any(|e| e.meeting.date.as_deref() == Some("2021-05-06")));
        // Deleting replaces the edit (one correction per meeting).
        lib.correct("pasted-1", &h, None).unwrap();
        assert_eq!(lib.corrections().len(), 1);
        assert!(lib.item("pasted-1").unwrap().analysis.meetings.is_empty());
        // An added meeting can be edited and removed through its handle.
        let add = lib.add_meeting("pasted-1", Fix::parse("IR TJ", "", Status::Held, Mode::InPerson).unwrap()).unwrap();
        let ah = Handle::Added(add.id.clone());
        lib.correct("pasted-1", &ah, Some(Fix::parse("IR TJ", "2022", Status::Held, Mode::InPerson).unwrap())).unwrap();
        assert_eq!(lib.item("pasted-1").unwrap().analysis.meetings[0].date.as_deref(), Some("2022"));
        assert_eq!(lib.correct("pasted-1", &ah, None).unwrap(), Saved::Removed(add.id));
        assert!(lib.item("pasted-1").unwrap().analysis.meetings.is_empty());
        assert!(lib.correct("nope", &ah, None).is_err());
    }
}
