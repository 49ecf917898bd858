//! The article as the stages read it: its folded text with every mention of
//! the knowledge found in it (in text order), and the look-ups near a
//! position the stages share (the mentions from, around or within a span, the
//! gaps of connectors between them, places and the outlet's own state). Each
//! look-up reads only the mentions near its position (binary search).

use super::dating::Landmarks;
use super::actors::ActorKind;
use super::names::RankNames;
use super::place::Places;
use crate::knowledge::{Entity, Knowledge, Mention, PartyId, Phrase};
use crate::model::calendar::Ymd;
use crate::text::Sentence;
use std::cell::OnceCell;

/// The widest gap (folded bytes) between a role and its state, or states of a list.
pub(super) const MAX_CONNECTOR_GAP: usize = 60;

/// Words that may stand between a role and its state, or between states of a list.
pub(super) const CONNECTORS: &[&str] = &[
    "و", "،", ",", "and", "of", "the", "'s", "'", "s", "جمهوريه", "الجمهوريه", "جمهوري", "republic", "اسلامي",
    "الاسلاميه", "كشور", "دولت", "خود", "his", "her", "its", "their", "ضيفه", "ضيفها", "-", "بين", "between",
];

/// Words before a state named as a place ("في روسيا", "to Russia", "در ایران"), in lower case.
pub(super) const PLACE_PREPOSITIONS: &[&str] =
    &["في", "الى", "الي", "من", "عبر", "in", "to", "from", "at", "into", "به", "در", "از", "وارد", "سوي", "inside"];

// Work units of the tests' scaling check (`scaling::tests`): every mention
// or actor a position look-up reads. Counted only in the tests.
#[cfg(test)]
thread_local! {
    pub(super) static VISITED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// One mention or actor read by a look-up (counted in the tests only).
#[inline(always)]
pub(super) fn visit<T>(x: T) -> T {
    #[cfg(test)]
    VISITED.with(|v| v.set(v.get() + 1));
    x
}

pub(super) struct Reader<'a> {
    pub(super) k: &'static Knowledge,
    pub(super) text: &'a str,
    pub(super) mentions: Vec<Mention>,
    pub(super) published: Option<Ymd>,
    /// The article's language (`lang::detect` of its original text).
    pub(super) lang: &'static str,
    /// The day the report is written on, which "today" and "tomorrow" are read
    /// against: the publication date, else the lead's date when the lead says
    /// it is today.
    pub(super) today: Option<Ymd>,
    /// The longest mention's length: a mention covering a position starts at
    /// most this far before it (so look-ups around a position read only the
    /// mentions near it, found by binary search).
    pub(super) longest: usize,
    /// The state of the first outlet the article names ([`Reader::home`]), once asked.
    pub(super) home: OnceCell<Option<PartyId>>,
    /// The names after ranks ([`Reader::rank_name_near`]), once asked.
    pub(super) rank_names: OnceCell<RankNames>,
    /// The article's first weekday, once asked.
    pub(super) first_weekday: OnceCell<Option<Mention>>,
    /// The event the article places its meetings at ("على هامش ..."), once asked.
    pub(super) placed_event: OnceCell<Option<Mention>>,
    /// The article's events, in text order.
    pub(super) events: OnceCell<Vec<Mention>>,
    /// The places the article gives that do not depend on the meeting ([`location`]), once asked.
    pub(super) places: OnceCell<Places>,
    /// The datable events the article mentions ([`Reader::landmarks`]), once asked.
    pub(super) landmarks: OnceCell<Landmarks>,
    /// Its first "first visit since taking office" ([`Reader::newly`]), once asked.
    pub(super) newly: OnceCell<Option<Mention>>,
    /// Where the day of writing is written ([`Reader::today_words`]), once asked.
    pub(super) today_words: OnceCell<Option<(usize, usize)>>,
}

impl<'a> Reader<'a> {
    pub(super) fn new(k: &'static Knowledge, text: &'a str, mentions: Vec<Mention>, published: Option<Ymd>, lang: &'static str) -> Self {
        let longest = mentions.iter().map(|m| m.end - m.start).max().unwrap_or(0);
        Reader { k, text, mentions, published, lang, today: published, longest, home: OnceCell::new(), rank_names: OnceCell::new(), first_weekday: OnceCell::new(), placed_event: OnceCell::new(), events: OnceCell::new(), places: OnceCell::new(), landmarks: OnceCell::new(), newly: OnceCell::new(), today_words: OnceCell::new() }
    }

    /// The mentions that start at or after `pos`, in text order.
    pub(super) fn from(&self, pos: usize) -> &[Mention] {
        &self.mentions[self.mentions.partition_point(|m| m.start < pos)..]
    }

    /// The mentions that may cover `pos` or come after it: every mention from
    /// the first that could reach `pos`, in text order.
    pub(super) fn around(&self, pos: usize) -> &[Mention] {
        &self.mentions[self.mentions.partition_point(|m| m.start + self.longest <= pos)..]
    }

    /// The first mention (in text order) that ends after `pos`.
    pub(super) fn first_ending_after(&self, pos: usize) -> Option<&Mention> {
        self.around(pos).iter().find(|m| m.end > pos)
    }

    /// The article's events, in text order.
    pub(super) fn events(&self) -> &[Mention] {
        self.events.get_or_init(|| self.mentions.iter().filter(|m| matches!(m.entity, Entity::Event(_))).copied().collect())
    }

    /// The mentions that start within `start..end`.
    pub(super) fn starting_in(&self, start: usize, end: usize) -> impl Iterator<Item = &Mention> {
        self.from(start).iter().map(visit).take_while(move |m| m.start < end)
    }

    /// Is `from..to` a gap of at most `max` bytes on one line whose every word is
    /// one of `words` (punctuation aside) or lies within a mention `within` accepts?
    pub(super) fn gap_of(&self, from: usize, to: usize, max: usize, words: &[&str], within: impl Fn(&Entity) -> bool) -> bool {
        if to < from || to - from > max {
            return false;
        }
        let gap = &self.text[from..to];
        if gap.contains('\n') {
            return false;
        }
        let mut pos = from;
        gap.split(' ').all(|w| {
            let (start, end) = (pos, pos + w.len());
            pos = end + 1;
            let w = w.trim_matches(|c: char| c == ',' || c == '،');
            w.is_empty()
                || words.iter().any(|c| c.eq_ignore_ascii_case(w))
                || self.around(start).iter().take_while(|m| m.start <= start).any(|m| within(&m.entity) && m.end >= end)
        })
    }

    /// Every word of the gap is a connector or part of a rank ("وزير الدفاع ... العميد").
    pub(super) fn gap_is_connector(&self, from: usize, to: usize) -> bool {
        self.gap_of(from, to, MAX_CONNECTOR_GAP, CONNECTORS, |e| *e == Entity::Rank)
    }

    /// Does "and" join what ends at `from` to what starts at `to` (also the
    /// Arabic "و" written joined to the article: "والرئيس")?
    pub(super) fn joined_by_and(&self, from: usize, to: usize) -> bool {
        let gap = self.text.get(from..to).unwrap_or("");
        gap.split([' ', ',', '،']).any(|w| w == "و" || w.eq_ignore_ascii_case("and")) || self.text[to..].starts_with("وال")
    }

    /// The state of the first outlet the article names (its "our country").
    /// (With no outlet named, a Persian text's "کشورمان" is Iran: Persian-language
    /// news of diplomacy is overwhelmingly Iranian, and Afghan outlets write "کشور".)
    pub(super) fn home(&self) -> Option<PartyId> {
        *self.home.get_or_init(|| {
            self.mentions
                .iter()
                .find_map(|m| match m.entity {
                    Entity::Agency(a) => self.k.agencies[a as usize].country,
                    _ => None,
                })
                .or_else(|| (self.lang == "fa").then(|| self.k.party_id("IR")).flatten())
        })
    }

    /// Between "counterparts" and their state: connectors, or "from" ("his counterparts from Uzbekistan").
    pub(super) fn counterpart_gap(&self, from: usize, to: usize) -> bool {
        let gap = self.text.get(from..to).unwrap_or("");
        let lead = gap.len() - gap.trim_start().len();
        let word = ["from ", "من ", "از "].iter().find(|w| gap[lead..].starts_with(*w));
        match word {
            Some(w) => self.gap_is_connector(from + lead + w.len(), to),
            None => self.gap_is_connector(from, to),
        }
    }

    /// Is a country mention a place rather than a side ("في روسيا", "to Russia", "در ایران")?
    pub(super) fn locative(&self, start: usize) -> bool {
        let before = self.text[..start].trim_end();
        let word = before.rsplit(' ').next().unwrap_or("");
        PLACE_PREPOSITIONS.iter().any(|p| p.eq_ignore_ascii_case(word)) || self.text[..start].ends_with("بـ")
    }

    pub(super) fn party_entities(&self, m: &Mention) -> Option<(PartyId, ActorKind)> {
        match m.entity {
            Entity::Country(p) | Entity::Body(p) => Some((p, ActorKind::Country)),
            Entity::Demonym(p) => Some((p, ActorKind::Demonym)),
            _ => None,
        }
    }

    /// The mentions within a sentence, in text order. Mentions are sorted by
    /// start: those of a sentence are found without reading the whole list
    /// (this is asked several times for every sentence).
    pub(super) fn mentions_in<'m>(&'m self, s: &Sentence) -> impl Iterator<Item = &'m Mention> {
        let (start, end) = (s.start, s.end);
        let first = self.mentions.partition_point(|m| m.start < start);
        self.mentions[first..].iter().map(visit).take_while(move |m| m.start < end).filter(move |m| m.end <= end)
    }

    /// Is the mention right beside the span `start..end`, nothing but a weekday,
    /// "on"/"يوم"/"روز" and punctuation between ("yesterday, 10 February")?
    pub(super) fn beside(&self, m: &Mention, start: usize, end: usize) -> bool {
        let (from, to) = if m.end <= start { (m.end, start) } else { (end, m.start) };
        self.gap_of(from, to, 40, &["on", "يوم", "روز", "the"], |e| matches!(e, Entity::Weekday(_)))
    }

    pub(super) fn has_phrase(&self, s: &Sentence, p: Phrase) -> bool {
        self.mentions_in(s).any(|m| m.entity == Entity::Phrase(p))
    }
}
