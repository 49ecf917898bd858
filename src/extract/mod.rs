//! Meeting extraction: from the mentions of one article to its meetings.
//!
//! 1. Every known form is found in one pass ([`Knowledge::mentions`]).
//! 2. Mentions are read into *actors*: a known official, a role with its
//!    state ("وزير الدفاع الإيراني", "Iran's defense minister"), a counterpart
//!    ("بنظيره الكازاخستاني", "همتای ازبک خود"), or a bare state adjective.
//! 3. A sentence with a meeting phrase ("التقى", "دیدار کرد", "held talks",
//!    "اتصال هاتفي") and actors of two or more states is a meeting; when it
//!    names only one side, the article's protagonist is the other.
//! 4. Date, place, occasion, mode and status are read from the sentence, then
//!    from the article (dateline, visit, occasion), and the same meeting
//!    reported twice in the article is kept once.
//!
//! Layer: uses `model`, `text` and `knowledge` (and `corpus` for the scaling inputs).

mod actors;
pub mod dates;
pub mod examples;
mod date;
mod dating;
mod frames;
mod meeting;
mod names;
mod occasion;
mod participants;
mod place;
mod reader;
mod refine;
pub mod scaling;
mod topics;

use crate::model::order;
use crate::knowledge::Knowledge;
use crate::model::{Analysis, Article, Meeting};
use crate::text::{self, lang, Folded};
use actors::Actors;
use frames::{Draft, Reports};
use reader::Reader;
use rustc_hash::FxHashMap as HashMap;

/// Analyse one article: the pipeline's stages in their order.
pub fn analyze(article: &Article) -> Analysis {
    let folded = Folded::new(&article.text);
    let lang = lang::detect(&article.text);
    let Early { sentences, dates, reader, actors } = Early::read(&folded, lang);
    let text = folded.text.as_str();
    // Meeting frames, sentence by sentence; then the article's refiners.
    let drafts = frames::drafts(&reader, &sentences, &actors);
    let headline = sentences.first().copied().filter(|s| refine::is_headline(text, s));
    let drafts = refine::absorb_headline(refine::merge(drafts), headline);
    // Each meeting's attributes, from its stages (see `meeting`).
    let passages = Passages::of(&drafts, text.len());
    let mut passage_topics: HashMap<usize, Vec<String>> = HashMap::default();
    let mut meetings: Vec<Meeting> = Vec::with_capacity(drafts.len());
    for (d, &first) in drafts.iter().zip(&passages.firsts) {
        let passage = (first, passages.end_of(first));
        let reports = Reports::of(d);
        let mut m = meeting::finish(&reader, &folded, &article.text, d, &reports, &dates, &sentences, &actors, headline);
        date::date_from_later_reference(&mut m, &reader, &sentences, &dates, &reports, passage);
        // (Meetings reported in the same sentence share its passage and its topics.)
        m.topics = passage_topics.entry(first).or_insert_with(|| topics::topics(&reader, passage.0, passage.1)).clone();
        meetings.push(m);
    }
    // Refiners across the article's meetings.
    refine::date_from_siblings(&mut meetings);
    refine::date_from_lead(&mut meetings, date::lead_day_of_meetings(&reader, &sentences, &dates, headline));
    refine::continue_visits(&mut meetings, &passages.firsts);
    meetings.iter_mut().for_each(dating::date_from_interval);
    Analysis { id: article.id.clone(), lang: lang.to_string(), published: reader.published.map(|d| d.to_string()), meetings }
}

/// The stages before the meetings, which [`analyze`] and the stages' examples
/// ([`examples::stage`]) share.
struct Early<'t> {
    sentences: Vec<text::Sentence>,
    dates: Vec<dates::DateMention>,
    reader: Reader<'t>,
    actors: Actors,
}

impl<'t> Early<'t> {
    fn read(folded: &'t Folded, lang: &'static str) -> Early<'t> {
        let k = Knowledge::get();
        // Text: folded (by the caller), with a map back to the original; its sentences.
        let text = folded.text.as_str();
        let sentences = text::sentences(text);
        // Mentions: every form of the knowledge, in one pass; the dates written.
        let mentions = k.mentions(text);
        let dates = dates::find(text, &mentions);
        let published = dates::publication(text, &mentions, &dates);
        let mut reader = Reader::new(k, text, mentions, published, lang);
        // Actors: officials, roles with their states, counterparts, lists, bare states.
        let actors = Actors::new(reader.actors());
        // The day of writing: the publication date, a yearless dateline's year, or the lead's day.
        reader.published = reader.published.or_else(|| date::yearless_publication(&reader, &dates, &actors));
        reader.today = reader.published.or_else(|| date::lead_day(&reader, &dates, &sentences));
        Early { sentences, dates, reader, actors }
    }
}

/// Each meeting's passage runs from its first report to the next meeting's first report.
struct Passages {
    /// Each draft's first report's start, in the drafts' order.
    firsts: Vec<usize>,
    /// The distinct starts, in text order.
    starts: Vec<usize>,
    text_end: usize,
}

impl Passages {
    fn of(drafts: &[Draft], text_end: usize) -> Self {
        let firsts: Vec<usize> = drafts.iter().map(|d| d.reports.iter().map(|s| s.start).min().unwrap_or(0)).collect();
        let mut starts = firsts.clone();
        order::sort(&mut starts);
        starts.dedup();
        Passages { firsts, starts, text_end }
    }

    /// Where the passage that starts at `first` ends.
    fn end_of(&self, first: usize) -> usize {
        self.starts.get(self.starts.partition_point(|&f| f <= first)).copied().unwrap_or(self.text_end)
    }
}
