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

pub mod dates;
pub mod scaling;

use crate::model::calendar::Ymd;
use dates::DateMention;
use crate::knowledge::{Edition, Entity, Knowledge, Mention, PartyId, Phrase, Relative};
use crate::model::{Analysis, Article, Evidence, Location, Meeting, Mode, Participant, PartialDate, Status};
use crate::knowledge::occasions;
use crate::text::{self, Folded, Sentence};
use crate::text::lang;
use std::cell::OnceCell;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeSet;

/// How an actor was recognised, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum ActorKind {
    Official,
    Role,
    Counterpart,
    Demonym,
    Country,
}

/// A person or side taking part, as read from the text.
#[derive(Debug, Clone)]
struct Actor {
    start: usize,
    end: usize,
    party: PartyId,
    /// Officials whose forms matched (several when a name is shared).
    officials: Vec<u16>,
    /// Name written in the text but unknown to Didar.
    written_name: Option<String>,
    role: Option<&'static str>,
    kind: ActorKind,
    /// Named after "in the presence of": attends, does not lead.
    attendee: bool,
    /// One of several counterparts named together ("his Indian and Iranian
    /// counterparts"): each is met separately.
    separate: bool,
}

impl Actor {
    fn strong(&self) -> bool {
        self.kind <= ActorKind::Counterpart
    }
}

/// Actors by where they start, so that those near a position are found
/// without reading every actor of the article.
#[derive(Default)]
struct ActorIndex {
    /// (start, index into the actors).
    by_start: BTreeSet<(usize, usize)>,
    /// The longest span indexed: an actor covering a position starts at most this far before it.
    longest: usize,
}

impl ActorIndex {
    fn insert(&mut self, a: &Actor, i: usize) {
        self.by_start.insert((a.start, i));
        self.longest = self.longest.max(a.end - a.start);
    }

    fn remove(&mut self, a: &Actor, i: usize) {
        self.by_start.remove(&(a.start, i));
    }

    /// The indices of the actors that start within `from..=to`, by start.
    fn starting(&self, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
        let range = (from <= to).then(|| self.by_start.range((from, 0)..=(to, usize::MAX)));
        range.into_iter().flatten().map(|&(_, i)| i)
    }

    /// Does an indexed actor overlap `start..end`?
    fn overlaps(&self, actors: &[Actor], start: usize, end: usize) -> bool {
        end > 0 && self.starting(start.saturating_sub(self.longest), end - 1).any(|i| actors[i].start < end && actors[i].end > start)
    }
}

/// The names written after ranks ("اللواء إمام علي صابرزاده"), read once.
struct RankNames {
    /// (the rank's mention index, the name, where the name ends), by mention index.
    by_mention: Vec<(usize, String, usize)>,
    /// (where the name ends, position in `by_mention`), by end.
    by_end: Vec<(usize, usize)>,
}

/// The widest gap (folded bytes) between a role and its state, or states of a list.
const MAX_CONNECTOR_GAP: usize = 60;

/// How close (in folded bytes, about eight words) a bare state name must be to the meeting phrase.
const NEAR_TRIGGER_BYTES: usize = 80;

/// Words that may stand between a role and its state, or between states of a list.
const CONNECTORS: &[&str] = &[
    "و", "،", ",", "and", "of", "the", "'s", "'", "s", "جمهوريه", "الجمهوريه", "جمهوري", "republic", "اسلامي",
    "الاسلاميه", "كشور", "دولت", "خود", "his", "her", "its", "their", "ضيفه", "ضيفها", "-", "بين", "between",
];

/// Words before a state named as a place ("في روسيا", "to Russia", "در ایران"), in lower case.
const PLACE_PREPOSITIONS: &[&str] =
    &["في", "الى", "الي", "من", "عبر", "in", "to", "from", "at", "into", "به", "در", "از", "وارد", "سوي", "inside"];

struct Reader<'a> {
    k: &'static Knowledge,
    text: &'a str,
    mentions: Vec<Mention>,
    published: Option<Ymd>,
    /// The article's language (`lang::detect` of its original text).
    lang: &'static str,
    /// The day the report is written on, which "today" and "tomorrow" are read
    /// against: the publication date, else the lead's date when the lead says
    /// it is today.
    today: Option<Ymd>,
    /// The longest mention's length: a mention covering a position starts at
    /// most this far before it (so look-ups around a position read only the
    /// mentions near it, found by binary search).
    longest: usize,
    /// The state of the first outlet the article names ([`Reader::home`]), once asked.
    home: OnceCell<Option<PartyId>>,
    /// The names after ranks ([`Reader::rank_name_near`]), once asked.
    rank_names: OnceCell<RankNames>,
    /// The article's first weekday, once asked.
    first_weekday: OnceCell<Option<u8>>,
    /// The event the article places its meetings at ("على هامش ..."), once asked.
    placed_event: OnceCell<Option<Mention>>,
    /// The article's events, in text order.
    events: OnceCell<Vec<Mention>>,
    /// The places the article gives that do not depend on the meeting ([`location`]), once asked.
    places: OnceCell<Places>,
}

impl<'a> Reader<'a> {
    fn new(k: &'static Knowledge, text: &'a str, mentions: Vec<Mention>, published: Option<Ymd>, lang: &'static str) -> Self {
        let longest = mentions.iter().map(|m| m.end - m.start).max().unwrap_or(0);
        Reader { k, text, mentions, published, lang, today: published, longest, home: OnceCell::new(), rank_names: OnceCell::new(), first_weekday: OnceCell::new(), placed_event: OnceCell::new(), events: OnceCell::new(), places: OnceCell::new() }
    }

    /// The mentions that start at or after `pos`, in text order.
    fn from(&self, pos: usize) -> &[Mention] {
        &self.mentions[self.mentions.partition_point(|m| m.start < pos)..]
    }

    /// The mentions that may cover `pos` or come after it: every mention from
    /// the first that could reach `pos`, in text order.
    fn around(&self, pos: usize) -> &[Mention] {
        &self.mentions[self.mentions.partition_point(|m| m.start + self.longest <= pos)..]
    }

    /// The first mention (in text order) that ends after `pos`.
    fn first_ending_after(&self, pos: usize) -> Option<&Mention> {
        self.around(pos).iter().find(|m| m.end > pos)
    }

    /// The article's events, in text order.
    fn events(&self) -> &[Mention] {
        self.events.get_or_init(|| self.mentions.iter().filter(|m| matches!(m.entity, Entity::Event(_))).copied().collect())
    }

    /// The mentions that start within `start..end`.
    fn starting_in(&self, start: usize, end: usize) -> impl Iterator<Item = &Mention> {
        self.from(start).iter().take_while(move |m| m.start < end)
    }

    /// Is `from..to` a gap of at most `max` bytes on one line whose every word is
    /// one of `words` (punctuation aside) or lies within a mention `within` accepts?
    fn gap_of(&self, from: usize, to: usize, max: usize, words: &[&str], within: impl Fn(&Entity) -> bool) -> bool {
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
    fn gap_is_connector(&self, from: usize, to: usize) -> bool {
        self.gap_of(from, to, MAX_CONNECTOR_GAP, CONNECTORS, |e| *e == Entity::Rank)
    }

    /// Does "and" join what ends at `from` to what starts at `to` (also the
    /// Arabic "و" written joined to the article: "والرئيس")?
    fn joined_by_and(&self, from: usize, to: usize) -> bool {
        let gap = self.text.get(from..to).unwrap_or("");
        gap.split([' ', ',', '،']).any(|w| w == "و" || w.eq_ignore_ascii_case("and")) || self.text[to..].starts_with("وال")
    }

    /// The state of the first outlet the article names (its "our country").
    /// (With no outlet named, a Persian text's "کشورمان" is Iran: Persian-language
    /// news of diplomacy is overwhelmingly Iranian, and Afghan outlets write "کشور".)
    fn home(&self) -> Option<PartyId> {
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
    fn counterpart_gap(&self, from: usize, to: usize) -> bool {
        let gap = self.text.get(from..to).unwrap_or("");
        let lead = gap.len() - gap.trim_start().len();
        let word = ["from ", "من ", "از "].iter().find(|w| gap[lead..].starts_with(*w));
        match word {
            Some(w) => self.gap_is_connector(from + lead + w.len(), to),
            None => self.gap_is_connector(from, to),
        }
    }

    /// The name after a rank that stands right before or right after a span:
    /// "اللواء إمام علي صابرزاده وزير دفاع ..." or "وزير الدفاع ... العميد X".
    /// (The first such rank in text order: one whose name ends at most a connector's
    /// gap before the span, or one that starts at most that gap after it.)
    fn rank_name_near(&self, start: usize, end: usize) -> Option<String> {
        let ranks = self.rank_names.get_or_init(|| {
            let by_mention: Vec<(usize, String, usize)> = (self.mentions.iter().enumerate())
                .filter(|(_, m)| m.entity == Entity::Rank)
                .filter_map(|(i, r)| {
                    let name = self.name_after_rank(r)?;
                    let name_end = self.text[r.end..].find(name.as_str()).map(|n| r.end + n + name.len())?;
                    Some((i, name, name_end))
                })
                .collect();
            let mut by_end: Vec<(usize, usize)> = by_mention.iter().enumerate().map(|(n, r)| (r.2, n)).collect();
            by_end.sort_unstable();
            RankNames { by_mention, by_end }
        });
        let from = ranks.by_end.partition_point(|&(name_end, _)| name_end < start.saturating_sub(MAX_CONNECTOR_GAP));
        let before = (ranks.by_end[from..].iter())
            .take_while(|&&(name_end, _)| name_end <= start)
            .filter(|&&(name_end, _)| self.gap_is_connector(name_end, start))
            .map(|&(_, n)| n);
        let after_from = ranks.by_mention.partition_point(|r| self.mentions[r.0].start < end);
        let after = (after_from..ranks.by_mention.len())
            .take_while(|&n| self.mentions[ranks.by_mention[n].0].start <= end + MAX_CONNECTOR_GAP)
            .filter(|&n| self.gap_is_connector(end, self.mentions[ranks.by_mention[n].0].start));
        before.chain(after).min().map(|n| ranks.by_mention[n].1.clone())
    }

    /// Is a country mention a place rather than a side ("في روسيا", "to Russia", "در ایران")?
    fn locative(&self, start: usize) -> bool {
        let before = self.text[..start].trim_end();
        let word = before.rsplit(' ').next().unwrap_or("");
        PLACE_PREPOSITIONS.iter().any(|p| p.eq_ignore_ascii_case(word)) || self.text[..start].ends_with("بـ")
    }

    fn party_entities(&self, m: &Mention) -> Option<(PartyId, ActorKind)> {
        match m.entity {
            Entity::Country(p) | Entity::Body(p) => Some((p, ActorKind::Country)),
            Entity::Demonym(p) => Some((p, ActorKind::Demonym)),
            _ => None,
        }
    }

    /// Read every actor of the text.
    fn actors(&self) -> Vec<Actor> {
        let ms = &self.mentions;
        let mut used = vec![false; ms.len()];
        let mut out: Vec<Actor> = Vec::new();
        // Officials first: they carry names.
        let mut i = 0;
        while i < ms.len() {
            if let Entity::Official(_) = ms[i].entity {
                let (s, e) = (ms[i].start, ms[i].end);
                let mut officials = Vec::new();
                let mut j = i;
                while j < ms.len() && ms[j].start == s && ms[j].end == e {
                    if let Entity::Official(o) = ms[j].entity {
                        officials.push(o);
                        used[j] = true;
                    }
                    j += 1;
                }
                let party = self.k.official(officials[0]).party;
                out.push(Actor { start: s, end: e, party, officials, written_name: None, role: None, kind: ActorKind::Official, attendee: false, separate: false });
                i = j;
            } else {
                i += 1;
            }
        }
        // "العميد محمد رضا آشتياني": given names the data does not list between a rank and
        // an official's surname are part of the official's name.
        // (The officials are in text order, and do not overlap a rank.)
        for r in ms.iter().filter(|m| m.entity == Entity::Rank) {
            let next = out.partition_point(|a| a.start <= r.end);
            let Some(a) = out.get_mut(next).filter(|a| a.start - r.end <= 40) else { continue };
            let between = &self.text[r.end..a.start];
            let words: Vec<&str> = between.split(' ').filter(|w| !w.is_empty()).collect();
            let plain = (1..=3).contains(&words.len()) && words.iter().all(|w| w.chars().all(char::is_alphabetic));
            if plain && !self.starting_in(r.end, a.start).any(|m| m.end <= a.start) {
                a.start = r.start;
            }
        }
        // "العماد أيوب" after "العماد علي عبد الله أيوب": a rank and the surname of an
        // official the article names in full is that official.
        let named: Vec<(&str, Vec<u16>, PartyId)> = out
            .iter()
            .filter_map(|a| {
                let written = self.text.get(a.start..a.end)?.trim();
                let (_, surname) = written.rsplit_once(' ')?;
                (surname.chars().count() >= 3).then(|| (surname, a.officials.clone(), a.party))
            })
            .collect();
        // Each surname's first entry in `named`.
        let mut surnames: HashMap<&str, usize> = HashMap::default();
        for (i, (surname, ..)) in named.iter().enumerate() {
            surnames.entry(surname).or_insert(i);
        }
        let mut index = ActorIndex::default();
        for (i, a) in out.iter().enumerate() {
            index.insert(a, i);
        }
        for r in ms.iter().filter(|m| m.entity == Entity::Rank) {
            let start = r.end + 1;
            if self.text.get(r.end..start) != Some(" ") {
                continue;
            }
            let end = self.text[start..].find(|c: char| !text::is_word_char(c)).map_or(self.text.len(), |n| start + n);
            let word = &self.text[start..end];
            if index.overlaps(&out, start, end) {
                continue;
            }
            if let Some((_, officials, party)) = surnames.get(word).map(|&i| &named[i]) {
                out.push(Actor { start: r.start, end, party: *party, officials: officials.clone(), written_name: None, role: None, kind: ActorKind::Official, attendee: false, separate: false });
                index.insert(&out[out.len() - 1], out.len() - 1);
            }
        }
        // `index` holds the officials from here on.
        // Roles with their states, before ("Iranian defense minister", "Iran's defense minister")
        // or after ("وزير الدفاع الإيراني", "وزرای دفاع ایران و ازبکستان").
        for i in 0..ms.len() {
            let Entity::Role(r) = ms[i].entity else { continue };
            let role = self.k.roles[r as usize].as_str();
            let mut parties = Vec::new();
            let mut last = ms[i].end;
            for j in i + 1..ms.len() {
                if ms[j].start < last {
                    continue;
                }
                if !self.gap_is_connector(last, ms[j].start) {
                    break;
                }
                match self.party_entities(&ms[j]) {
                    Some((p, _)) => {
                        parties.push((j, p));
                        last = ms[j].end;
                    }
                    None if ms[j].entity == Entity::Rank => last = ms[j].end,
                    None => break,
                }
            }
            // "وزیر دفاع کشورمان": the state of the outlet reporting it.
            let ours = ms[i + 1..].iter().position(|m| m.start >= ms[i].end).map(|d| i + 1 + d);
            if let Some(j) = ours.filter(|&j| parties.is_empty() && ms[j].entity == Entity::Phrase(Phrase::Ours) && self.gap_is_connector(ms[i].end, ms[j].start)) {
                if let Some(home) = self.home() {
                    parties.push((j, home));
                }
            }
            if parties.is_empty() && i > 0 && self.text[ms[i].start..ms[i].end].is_ascii() {
                // State before the role, English order (Arabic and Persian name the state after
                // it: in "سيلتقي السوداني قائد الثورة" the word before is someone else).
                let mut j = i;
                // Where the nearest word taken so far starts.
                let mut edge = ms[i].start;
                while j > 0 {
                    j -= 1;
                    if ms[j].end > edge {
                        continue;
                    }
                    if !self.gap_is_connector(ms[j].end, edge) {
                        break;
                    }
                    edge = ms[j].start;
                    if let Some((p, _)) = self.party_entities(&ms[j]) {
                        // A list before a plural role: "Turkish, Russian and Iranian foreign ministers".
                        if !parties.iter().any(|&(_, q)| q == p) {
                            parties.push((j, p));
                        }
                        continue;
                    }
                    if ms[j].entity != Entity::Rank {
                        break;
                    }
                }
            }
            // A known official next to the role takes it.
            // (One before it only in apposition: in "هاكان فيدان والرئيس رجب طيب أردوغان"
            // the role is the next official's.)
            // (The first such official in the order read: one ending at most a gap before
            // the role, or starting at most a gap after it and its states.)
            let parties_end = parties.iter().map(|&(j, _)| ms[j].end).fold(ms[i].end, usize::max);
            let before = index.starting(ms[i].start.saturating_sub(MAX_CONNECTOR_GAP + index.longest), ms[i].start);
            let after = index.starting(parties_end, parties_end + MAX_CONNECTOR_GAP);
            let neighbour = before.chain(after).filter(|&n| {
                let a = &out[n];
                ((self.gap_is_connector(a.end, ms[i].start) && !self.joined_by_and(a.end, ms[i].start)) || self.gap_is_connector(parties_end, a.start))
                    && (parties.is_empty() || parties.iter().any(|&(_, p)| p == a.party))
            }).min();
            if let Some(n) = neighbour {
                out[n].role = Some(role);
                for &(j, p) in &parties {
                    if p == out[n].party {
                        used[j] = true;
                    }
                }
                used[i] = true;
                if parties.len() <= 1 {
                    continue;
                }
            }
            for &(j, p) in &parties {
                if used[j] {
                    continue;
                }
                used[j] = true;
                used[i] = true;
                let (s, e) = (ms[i].start.min(ms[j].start), ms[i].end.max(ms[j].end));
                let written_name = if parties.len() == 1 { self.name_after(e).or_else(|| self.rank_name_near(s, e)).or_else(|| self.latin_name_after(e)) } else { None };
                out.push(Actor { start: s, end: e, party: p, officials: vec![], written_name, role: Some(role), kind: ActorKind::Role, attendee: false, separate: false });
            }
        }
        // Counterparts: "بنظيره الكازاخستاني", "همتای ازبک خود", "his Kazakh counterpart".
        for i in 0..ms.len() {
            if ms[i].entity != Entity::Phrase(Phrase::Counterpart) {
                continue;
            }
            let after = ms[i + 1..].iter().enumerate().find(|(_, m)| m.start >= ms[i].end).map(|(d, _)| i + 1 + d);
            let before = (0..i).rev().find(|&j| ms[j].end <= ms[i].start);
            let pick = after
                .filter(|&j| self.party_entities(&ms[j]).is_some() && self.counterpart_gap(ms[i].end, ms[j].start))
                .or_else(|| before.filter(|&j| self.party_entities(&ms[j]).is_some() && self.gap_is_connector(ms[j].end, ms[i].start)));
            let Some(j) = pick else { continue };
            used[i] = true;
            // "نظيريه الهندي والإيراني": one counterpart per state of the list.
            let mut chain = vec![j];
            if j > i {
                let mut last = ms[j].end;
                for n in j + 1..ms.len() {
                    if ms[n].start < last {
                        continue;
                    }
                    if self.party_entities(&ms[n]).is_none() || !self.gap_is_connector(last, ms[n].start) {
                        break;
                    }
                    chain.push(n);
                    last = ms[n].end;
                }
            }
            let several = chain.len() > 1;
            for j in chain {
                let (p, _) = self.party_entities(&ms[j]).expect("chained for its party");
                used[j] = true;
                let (s, e) = (ms[i].start.min(ms[j].start), ms[i].end.max(ms[j].end));
                // "his Syrian counterpart General Ali Abdullah Ayyoub": the official after it.
                if let Some(n) = index.starting(e, e + MAX_CONNECTOR_GAP).filter(|&n| out[n].party == p && self.gap_is_connector(e, out[n].start)).min() {
                    index.remove(&out[n], n);
                    out[n].start = s;
                    index.insert(&out[n], n);
                    continue;
                }
                out.push(Actor {
                    start: s,
                    end: e,
                    party: p,
                    officials: vec![],
                    written_name: None,
                    role: None,
                    kind: ActorKind::Counterpart,
                    attendee: false,
                    separate: several,
                });
            }
        }
        // Bare states: weak evidence of a side. But a bare word that is the surname of an
        // official the article names in full is that official ("وكان السوداني قد التقى"
        // after "محمد شياع السوداني"), not the state it also names (Sudan).
        let mut index = ActorIndex::default();
        for (i, a) in out.iter().enumerate() {
            index.insert(a, i);
        }
        for (i, m) in ms.iter().enumerate() {
            if used[i] {
                continue;
            }
            let word = &self.text[m.start..m.end];
            // (The word itself, or after a one-letter clitic; the first entry of `named` of either.)
            let surname_of = || {
                let clitic = word.chars().next().map_or(0, char::len_utf8);
                [surnames.get(word), surnames.get(&word[clitic..])].into_iter().flatten().min().map(|&i| &named[i])
            };
            if let Some((_, officials, party)) = self.party_entities(m).and_then(|_| surname_of()) {
                if !index.overlaps(&out, m.start, m.end) {
                    out.push(Actor { start: m.start, end: m.end, party: *party, officials: officials.clone(), written_name: None, role: None, kind: ActorKind::Official, attendee: false, separate: false });
                    index.insert(&out[out.len() - 1], out.len() - 1);
                }
                continue;
            }
            if let Some((p, kind)) = self.party_entities(m) {
                if self.locative(m.start) {
                    continue;
                }
                out.push(Actor { start: m.start, end: m.end, party: p, officials: vec![], written_name: None, role: None, kind, attendee: false, separate: false });
                index.insert(&out[out.len() - 1], out.len() - 1);
            }
        }
        out.sort_by_key(|a| (a.start, a.kind));
        // Attendees: named after "in the presence of", to the end of the line or sentence.
        // (A later phrase before the end found for an earlier one ends there too.)
        let (mut searched_from, mut line_end) = (usize::MAX, 0);
        for m in ms.iter().filter(|m| m.entity == Entity::Phrase(Phrase::Presence)) {
            if !(searched_from..=line_end).contains(&m.end) {
                searched_from = m.end;
                line_end = self.text[m.end..].find(['\n', '.', '،']).map_or(self.text.len(), |i| m.end + i);
            }
            let first = out.partition_point(|a| a.start < m.end);
            for a in out[first..].iter_mut().take_while(|a| a.start < line_end) {
                a.attendee = true;
            }
        }
        // Absent: named after "on behalf of" / "at the instruction of", or next to "former".
        let absent = |a: &Actor| {
            let before = self.starting_in(a.start.saturating_sub(12 + self.longest), a.start + 1).any(|m| match m.entity {
                Entity::Phrase(Phrase::Behalf) => a.start >= m.end && a.start - m.end <= 12,
                Entity::Phrase(Phrase::Former) => a.start >= m.end && a.start - m.end <= 2,
                _ => false,
            });
            before || self.starting_in(a.end, a.end + 3).any(|m| m.entity == Entity::Phrase(Phrase::Former))
        };
        out.retain(|a| !absent(a));
        out
    }

    /// A name in apposition after a role phrase: "وزيرة دفاع جمهورية أفريقيا الوسطى، ماري نويل كويارا",
    /// "Kazakhstan's Defence Minister, Lieutenant General Nurlan Yermekbayev".
    fn name_after(&self, pos: usize) -> Option<String> {
        let rest = &self.text[pos..];
        let rest = rest.strip_prefix('،').or_else(|| rest.strip_prefix(','))?;
        let start = self.text.len() - rest.trim_start_matches(' ').len();
        self.written_name(start)
    }

    /// A Latin name written right after an English role phrase, without a
    /// comma: "Kyrgyz Defence Minister Baktybek Bekbolotov held talks". Two to
    /// four capitalised words (and name particles such as "bin" between them),
    /// ending at the first other word, punctuation or known form.
    fn latin_name_after(&self, pos: usize) -> Option<String> {
        const PARTICLES: [&str; 8] = ["bin", "bint", "ibn", "al", "el", "de", "van", "von"];
        let rest = self.text.get(pos..)?.strip_prefix(' ')?;
        let start = self.text.len() - rest.len();
        let next_mention = self.first_ending_after(start).map_or(self.text.len(), |m| m.start);
        let latin = |c: char| c.is_alphabetic() && (c.is_ascii() || ('\u{C0}'..='\u{24F}').contains(&c));
        let mut words: Vec<&str> = Vec::new();
        for w in self.text[start..next_mention.max(start)].split(' ') {
            let bare = w.strip_suffix("'s").unwrap_or(w);
            // ("al-Araji": the article's particle joined to a capitalised name.)
            let capital = ["al-", "el-"].iter().find_map(|p| bare.strip_prefix(p)).unwrap_or(bare);
            let name_word = bare.chars().count() >= 2 && bare.chars().all(|c| latin(c) || c == '-' || c == '\'') && capital.starts_with(|c: char| c.is_uppercase());
            if name_word {
                words.push(bare);
            } else if PARTICLES.contains(&w) && !words.is_empty() {
                words.push(w);
            } else {
                break;
            }
            if bare.len() < w.len() || words.len() > 6 {
                break;
            }
        }
        while words.last().is_some_and(|w| PARTICLES.contains(w)) {
            words.pop();
        }
        let capitalised = words.iter().filter(|w| !PARTICLES.contains(w)).count();
        (2..=4).contains(&capitalised).then(|| words.join(" "))
    }

    /// A name written right after a rank ("اللواء إمام علي صابرزاده", "General Ali Abdullah Ayyoub").
    fn name_after_rank(&self, rank: &Mention) -> Option<String> {
        let start = rank.end + (self.text[rank.end..].len() - self.text[rank.end..].trim_start_matches(' ').len());
        self.written_name(start)
    }

    /// One to four words that are not known forms, ending at punctuation or at a known form.
    fn written_name(&self, start: usize) -> Option<String> {
        let mut start = start;
        // Skip (further) ranks before the name.
        while let Some(m) = self.from(start).iter().take_while(|m| m.start == start).find(|m| m.entity == Entity::Rank) {
            start = m.end + (self.text[m.end..].len() - self.text[m.end..].trim_start_matches(' ').len());
        }
        let next_mention = self.first_ending_after(start).map_or(self.text.len(), |m| m.start);
        if next_mention <= start {
            return None;
        }
        let stop = self.text[start..]
            .find(['\n', '،', ',', '.', '(', ')', ':', '"', '؛', '-'])
            .map_or(self.text.len(), |i| start + i)
            .min(next_mention);
        let words: Vec<&str> = self.text[start..stop].split(' ').filter(|w| !w.is_empty()).collect();
        let plausible = |w: &&str| w.chars().count() >= 2 && w.chars().all(|c| c.is_alphabetic() || c == '\'' || c == '-');
        if words.is_empty() || words.len() > 4 || !words.iter().all(plausible) {
            return None;
        }
        // Latin names are capitalised.
        if words.iter().any(|w| w.starts_with(|c: char| c.is_ascii_lowercase())) {
            return None;
        }
        Some(words.join(" "))
    }

    /// An interview or press statement ("در گفتگو با اسپوتنیک", "told reporters"), not a meeting:
    /// an interview phrase, or a meeting phrase whose other side is a news outlet.
    fn is_interview(&self, s: &Sentence) -> bool {
        let here: Vec<&Mention> = self.mentions_in(s).collect();
        let meets = || here.iter().filter(|m| matches!(m.entity, Entity::Phrase(Phrase::Meet | Phrase::Receive)));
        let interview_phrase = here.iter().any(|m| m.entity == Entity::Phrase(Phrase::Interview));
        // (`here` is in text order: the outlets right after a phrase are found by binary search.)
        let outlet_after = |t: &&Mention| {
            let first = here.partition_point(|a| a.start < t.end);
            here[first..].iter().take_while(|a| a.start - t.end <= 2).any(|a| matches!(a.entity, Entity::Agency(_)))
        };
        let with_outlet = meets().all(outlet_after);
        meets().next().is_some() && with_outlet || interview_phrase && !self.names_two_sides(&here)
    }

    /// Do these mentions name officials or roles of two different states?
    fn names_two_sides(&self, here: &[&Mention]) -> bool {
        let mut parties: Vec<PartyId> = here
            .iter()
            .filter_map(|m| match m.entity {
                Entity::Official(o) => Some(self.k.official(o).party),
                Entity::Demonym(p) | Entity::Country(p) => Some(p),
                _ => None,
            })
            .collect();
        parties.sort_unstable();
        parties.dedup();
        parties.len() >= 2
    }

    /// The mentions within a sentence, in text order. Mentions are sorted by
    /// start: those of a sentence are found without reading the whole list
    /// (this is asked several times for every sentence).
    fn mentions_in<'m>(&'m self, s: &Sentence) -> impl Iterator<Item = &'m Mention> {
        let (start, end) = (s.start, s.end);
        let first = self.mentions.partition_point(|m| m.start < start);
        self.mentions[first..].iter().take_while(move |m| m.start < end).filter(move |m| m.end <= end)
    }

    /// Is the mention right beside the span `start..end`, nothing but a weekday,
    /// "on"/"يوم"/"روز" and punctuation between ("yesterday, 10 February")?
    fn beside(&self, m: &Mention, start: usize, end: usize) -> bool {
        let (from, to) = if m.end <= start { (m.end, start) } else { (end, m.start) };
        self.gap_of(from, to, 40, &["on", "يوم", "روز", "the"], |e| matches!(e, Entity::Weekday(_)))
    }

    /// Does a side start right at `from`: an official, a role, a rank or "counterpart",
    /// with states before it in English order ("his Omani counterpart")?
    fn side_follows(&self, from: usize, end: usize) -> bool {
        let start = from;
        let mut from = from;
        for n in self.from(start).iter().take_while(|n| n.start < end).filter(|n| n.end <= end) {
            if n.start < from {
                continue;
            }
            if !self.gap_is_connector(from, n.start) {
                return false;
            }
            match n.entity {
                Entity::Country(_) | Entity::Demonym(_) => from = n.end,
                Entity::Official(_) | Entity::Role(_) | Entity::Rank | Entity::Phrase(Phrase::Counterpart) => return true,
                _ => return false,
            }
        }
        false
    }

    /// "بحث X ... مع Y", "X discussed ... with Y": a verb of talks, then "with"
    /// right before an official, a role, a rank or "his counterpart".
    /// (A "with" after any verb of talks is after the one that ends first: the
    /// words after that one are read once.)
    fn discussed_with(&self, s: &Sentence) -> bool {
        let Some(m) = self.mentions_in(s).filter(|m| m.entity == Entity::Phrase(Phrase::Discuss)).min_by_key(|m| m.end) else { return false };
        let rest = &self.text[m.end..s.end];
        rest.match_indices([' ', '،', ','])
            .filter_map(|(i, sep)| {
                let word_start = m.end + i + sep.len();
                let word = self.text[word_start..s.end].split(' ').next()?;
                (word == "مع" || word.eq_ignore_ascii_case("with")).then_some(word_start + word.len())
            })
            .any(|after| self.side_follows(after, s.end))
    }

    fn has_phrase(&self, s: &Sentence, p: Phrase) -> bool {
        self.mentions_in(s).any(|m| m.entity == Entity::Phrase(p))
    }
}

/// The actors of an article in text order (by start), with the longest span,
/// so that those of a sentence or near a position are found by binary search.
struct Actors {
    list: Vec<Actor>,
    longest: usize,
    /// What the meetings' participants are read against, once a meeting is found.
    cast: OnceCell<Cast>,
}

/// The article's people as a meeting's participants are resolved against them.
struct Cast {
    /// (party, role) of every actor named by role alone ("the Kazakh defence minister").
    stated_roles: HashSet<(PartyId, &'static str)>,
    /// The distinct sets of officials the actors' names match, each with the span
    /// of their terms (what [`choose_official`] reads of the other officials).
    official_sets: Vec<(Vec<u16>, (i64, i64))>,
    /// For each party, its actors of distinct officials, role and written name, in text
    /// order (indices into the actors): the people of that side the article names.
    people: HashMap<PartyId, Vec<usize>>,
}

impl std::ops::Deref for Actors {
    type Target = [Actor];
    fn deref(&self) -> &[Actor] {
        &self.list
    }
}

impl Actors {
    fn new(list: Vec<Actor>) -> Self {
        debug_assert!(list.windows(2).all(|w| w[0].start <= w[1].start));
        let longest = list.iter().map(|a| a.end - a.start).max().unwrap_or(0);
        Actors { list, longest, cast: OnceCell::new() }
    }

    /// The article's people for resolving participants, read the first time a meeting asks.
    fn cast(&self, k: &Knowledge) -> &Cast {
        self.cast.get_or_init(|| Cast::of(k, &self.list))
    }
}

impl Cast {
    fn of(k: &Knowledge, list: &[Actor]) -> Self {
        let stated_roles = list.iter().filter(|a| a.officials.is_empty()).filter_map(|a| Some((a.party, a.role?))).collect();
        let mut official_sets: Vec<(Vec<u16>, (i64, i64))> = Vec::new();
        let mut seen_sets = HashSet::default();
        for a in list.iter().filter(|a| !a.officials.is_empty()) {
            if seen_sets.insert(&a.officials) {
                let span = a.officials.iter().map(|&o| term_days(k, o)).fold((i64::MAX, i64::MIN), |(f, l), (tf, tl)| (f.min(tf), l.max(tl)));
                official_sets.push((a.officials.clone(), span));
            }
        }
        let mut people: HashMap<PartyId, Vec<usize>> = HashMap::default();
        let mut seen_people = HashSet::default();
        for (i, a) in list.iter().enumerate() {
            if seen_people.insert((a.party, &a.officials, a.role, &a.written_name)) {
                people.entry(a.party).or_default().push(i);
            }
        }
        Cast { stated_roles, official_sets, people }
    }
}

impl Actors {
    /// The actors that lie within `start..end`.
    fn within(&self, start: usize, end: usize) -> impl Iterator<Item = &Actor> {
        let first = self.list.partition_point(|a| a.start < start);
        self.list[first..].iter().take_while(move |a| a.start < end).filter(move |a| a.end <= end)
    }

    /// The actors that may cover `pos`: those that start at most the longest span before it, up to it.
    fn covering(&self, pos: usize) -> impl Iterator<Item = &Actor> {
        let first = self.list.partition_point(|a| a.start + self.longest < pos);
        self.list[first..].iter().take_while(move |a| a.start <= pos)
    }
}

/// The sentences that report a meeting, in text order and each once, so that
/// what lies within them is found by binary search.
struct Reports {
    spans: Vec<(usize, usize)>,
}

impl Reports {
    fn of(d: &Draft) -> Self {
        let mut spans: Vec<(usize, usize)> = d.reports.iter().map(|s| (s.start, s.end)).collect();
        spans.sort_unstable();
        spans.dedup();
        Reports { spans }
    }

    /// Is `start..end` within one of the reports?
    fn contains(&self, start: usize, end: usize) -> bool {
        let i = self.spans.partition_point(|&(s, _)| s <= start);
        i > 0 && self.spans[i - 1].1 >= end
    }

    /// The mentions within the reports, in text order.
    fn mentions<'r>(&'r self, reader: &'r Reader) -> impl Iterator<Item = &'r Mention> {
        self.spans.iter().flat_map(move |&(start, end)| reader.mentions_in(&Sentence { start, end }))
    }
}

/// A meeting being assembled, in folded offsets.
#[derive(Debug, Clone)]
struct Draft {
    /// The sentences that report this meeting, in text order (more than one
    /// when the article reports it twice, e.g. in the headline and the body).
    reports: Vec<Sentence>,
    actors: Vec<Actor>,
    mode: Mode,
    /// The text says how (phone, video); in person is otherwise only the default.
    mode_stated: bool,
}

/// Analyse one article.
pub fn analyze(article: &Article) -> Analysis {
    let k = Knowledge::get();
    let folded = Folded::new(&article.text);
    let text = folded.text.as_str();
    let mentions = k.mentions(text);
    let dates = dates::find(text, &mentions);
    let published = dates::publication(text, &mentions, &dates);
    let lang = lang::detect(&article.text);
    let mut reader = Reader::new(k, text, mentions, published, lang);
    let actors = Actors::new(reader.actors());
    if reader.published.is_none() {
        reader.published = yearless_publication(&reader, &dates, &actors);
    }
    let published = reader.published;
    let sentences = text::sentences(text);
    reader.today = published.or_else(|| lead_day(&reader, &dates, &sentences));

    // The protagonist: the strongest actor mentioned first (usually in the lead).
    let protagonist = actors.iter().filter(|a| a.strong()).min_by_key(|a| (a.kind.min(ActorKind::Role), a.start)).cloned();

    let mut drafts: Vec<Draft> = Vec::new();
    for s in &sentences {
        let triggered = [Phrase::Meet, Phrase::Receive, Phrase::Phone, Phrase::Video].iter().any(|p| reader.has_phrase(s, *p)) || reader.discussed_with(s);
        if !triggered || reader.is_interview(s) || reader.has_phrase(s, Phrase::Background) {
            continue;
        }
        if let Some(d) = draft(&reader, s, &actors, protagonist.as_ref()) {
            let separately = reader.has_phrase(s, Phrase::Separately) || d.actors.iter().any(|a| a.separate);
            drafts.extend(split(d, separately, protagonist.as_ref()));
        }
    }
    if drafts.is_empty() {
        // No meeting phrase, but "the meeting" is referred to: the first sentence naming two sides reports it.
        if sentences.iter().any(|s| reader.has_phrase(s, Phrase::Anaphor)) {
            let two_sides = |s: &Sentence| draft(&reader, s, &actors, None).filter(|d| parties_of(d.actors.iter().filter(|a| a.strong())).len() >= 2);
            let body = sentences.iter().skip_while(|s| is_headline(text, s)).find_map(two_sides);
            if let Some(d) = body.or_else(|| sentences.iter().find_map(two_sides)) {
                drafts.push(d);
            }
        }
    }
    let headline = sentences.first().copied().filter(|s| is_headline(text, s));
    let drafts = absorb_headline(merge(drafts), headline);
    // Each meeting's passage runs from its first report to the next meeting's first report.
    let firsts: Vec<usize> = drafts.iter().map(|d| d.reports.iter().map(|s| s.start).min().unwrap_or(0)).collect();
    let passage_starts: Vec<usize> = {
        let mut f = firsts.clone();
        f.sort_unstable();
        f.dedup();
        f
    };
    // (Meetings reported in the same sentence share its passage and its topics.)
    let mut passage_topics: HashMap<usize, Vec<String>> = HashMap::default();
    let mut meetings: Vec<Meeting> = Vec::with_capacity(drafts.len());
    for (d, &first) in drafts.iter().zip(&firsts) {
        let passage_end = passage_starts.get(passage_starts.partition_point(|&f| f <= first)).copied().unwrap_or(text.len());
        let reports = Reports::of(d);
        let mut m = finish(&reader, &folded, &article.text, d, &reports, &dates, &sentences, &actors, headline);
        m.topics = passage_topics.entry(first).or_insert_with(|| topics(&reader, first, passage_end)).clone();
        // "The meeting took place on 2 September 2024", "این دیدار روز چهارشنبه ...
        // انجام شد": a later sentence of its passage that refers back to it dates it.
        if m.date_in_text.is_none() {
            let later = sentences[sentences.partition_point(|s| s.start <= first)..]
                .iter()
                .take_while(|s| s.end <= passage_end)
                .filter(|s| !reports.contains(s.start, s.end) && reader.has_phrase(s, Phrase::Anaphor))
                .find_map(|s| sentence_date(&reader, s, &dates, m.status));
            if let Some(date) = later {
                m.date = Some(date.to_string());
                m.date_in_text = m.date.clone();
                m.date_precision = Some(date.precision().to_string());
                m.date_source = Some("text".into());
            }
        }
        meetings.push(m);
    }
    // A meeting the text does not date, held at the same occasion or place as one it does
    // ("the bilateral came before the trilateral held yesterday"): that meeting's day.
    // (Only a held meeting's for a held one: a visit's planned meetings come later.)
    // (The first such meeting of each status and occasion, and of each status and place with a city.)
    let mut by_occasion: HashMap<(Status, String), (usize, Option<String>)> = HashMap::default();
    let mut by_place: HashMap<(Status, Location), (usize, Option<String>)> = HashMap::default();
    for (n, m) in meetings.iter().filter(|m| m.date_source.as_deref() == Some("text")).enumerate() {
        if let Some(o) = &m.occasion {
            by_occasion.entry((m.status, o.clone())).or_insert((n, m.date.clone()));
        }
        if let Some(l) = m.location.as_ref().filter(|l| l.city.is_some()) {
            by_place.entry((m.status, l.clone())).or_insert((n, m.date.clone()));
        }
    }
    for m in meetings.iter_mut().filter(|m| m.date_source.as_deref() == Some("publication")) {
        let same_occasion = m.occasion.clone().and_then(|o| by_occasion.get(&(m.status, o)));
        let same_place = m.location.clone().and_then(|l| by_place.get(&(m.status, l)));
        if let Some((_, date)) = same_occasion.into_iter().chain(same_place).min_by_key(|(n, _)| *n) {
            m.date = date.clone();
            m.date_source = Some("article".into());
        }
    }

    // A held meeting the text gives nothing of when or where ("كما التقى وزير الدفاع
    // الروسي" after a meeting on an occasion's sidelines) continues the visit of the
    // held meeting of the same side reported before it: that meeting's day, occasion
    // and place.
    let order: Vec<usize> = {
        let mut o: Vec<usize> = (0..meetings.len()).collect();
        o.sort_by_key(|&i| firsts[i]);
        o
    };
    // (For each party, the last held and dated meeting of it so far, as a place in `order`.)
    let mut last_dated: HashMap<String, usize> = HashMap::default();
    for (n, &i) in order.iter().enumerate() {
        let m = &meetings[i];
        let open = m.status == Status::Held && m.date.is_none() && m.occasion.is_none() && m.location.is_none();
        let before = m.parties.iter().filter_map(|x| last_dated.get(x)).max().map(|&b| &meetings[order[b]]);
        if let Some(p) = before.filter(|_| open) {
            let (date, precision, occasion, location) = (p.date.clone(), p.date_precision.clone(), p.occasion.clone(), p.location.clone());
            let m = &mut meetings[i];
            m.date = date;
            m.date_precision = precision;
            m.date_source = Some("article".into());
            if m.mode == Mode::InPerson {
                m.occasion = occasion;
                m.location = location;
            }
        }
        let m = &meetings[i];
        if m.status == Status::Held && m.date.is_some() {
            for x in &m.parties {
                last_dated.insert(x.clone(), n);
            }
        }
    }

    Analysis {
        id: article.id.clone(),
        lang: lang.to_string(),
        published: published.map(|d| d.to_string()),
        meetings,
    }
}

/// With no publication date, the lead's date when the lead says it is today:
/// "استقبل ... مساء الاثنين 13 كانون الثاني 2025" (a Monday), "today, 3 May 2025".
fn lead_day(reader: &Reader, dates: &[DateMention], sentences: &[Sentence]) -> Option<Ymd> {
    let first = dates.iter().find(|d| !d.yearless && d.date.day.is_some())?;
    let day = Ymd::new(first.date.year, first.date.month?, first.date.day?)?;
    let s = sentences.iter().find(|s| s.start <= first.start && first.end <= s.end)?;
    let says_today = reader.mentions_in(s).any(|m| match m.entity {
        Entity::Phrase(Phrase::Relative(r)) => r == Relative::Days(0, 0),
        Entity::Weekday(w) => w == day.weekday(),
        _ => false,
    });
    says_today.then_some(day)
}

/// A dateline without a year ("TEHRAN, Aug. 26 (MNA)"): the one year in which
/// every official the article names was in office and that day fell on the
/// weekday the article mentions (up to a year after Didar's knowledge ends).
fn yearless_publication(reader: &Reader, dates: &[DateMention], actors: &[Actor]) -> Option<Ymd> {
    let head_end = reader.text.char_indices().filter(|&(_, c)| c == '\n').nth(3).map_or(reader.text.len(), |(i, _)| i);
    let day = dates.iter().find(|d| d.yearless && d.start < head_end && d.date.day.is_some())?.date;
    let weekday = reader.mentions.iter().find_map(|m| if let Entity::Weekday(w) = m.entity { Some(w) } else { None })?;
    let officials: Vec<&Actor> = actors.iter().filter(|a| !a.officials.is_empty()).collect();
    if officials.is_empty() {
        return None;
    }
    let k = reader.k;
    let fits: Vec<Ymd> = (1990..=k.known_until)
        .filter_map(|y| Ymd::new(y, day.month?, day.day?))
        .filter(|d| d.weekday() == weekday)
        .filter(|d| {
            let pd = PartialDate::day(d.year, d.month, d.day);
            officials.iter().all(|a| a.officials.iter().any(|&o| k.official(o).in_office(&pd)))
        })
        .collect();
    match fits.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

fn parties_of<'a>(actors: impl IntoIterator<Item = &'a Actor>) -> Vec<PartyId> {
    let mut p: Vec<PartyId> = actors.into_iter().map(|a| a.party).collect();
    p.sort_unstable();
    p.dedup();
    p
}

fn draft(reader: &Reader, s: &Sentence, actors: &Actors, protagonist: Option<&Actor>) -> Option<Draft> {
    let here: Vec<Actor> = actors.within(s.start, s.end).cloned().collect();
    let mut chosen: Vec<Actor> = here.iter().filter(|a| a.strong()).cloned().collect();
    // A bare state name counts only close to the meeting phrase ("met Syrian officials").
    let triggers: Vec<&Mention> = reader
        .mentions_in(s)
        .filter(|m| matches!(m.entity, Entity::Phrase(Phrase::Meet | Phrase::Receive | Phrase::Phone | Phrase::Video)))
        .collect();
    // (A phone or video word alone does not make a bare state a side: "a meeting held by video".)
    // (`triggers` is in text order: only those starting near the actor can be near it.)
    let near_trigger = |a: &Actor| {
        let first = triggers.partition_point(|t| t.start + NEAR_TRIGGER_BYTES + reader.longest < a.start);
        triggers[first..].iter().take_while(|t| t.start <= a.end + NEAR_TRIGGER_BYTES).any(|t| {
            matches!(t.entity, Entity::Phrase(Phrase::Meet | Phrase::Receive)) && a.start.abs_diff(t.end).min(t.start.abs_diff(a.end)) <= NEAR_TRIGGER_BYTES
        })
    };
    // "met General X" where X is unknown: the other side is X, of unknown state, and a
    // state merely named nearby is not it.
    let unknown_counterpart = triggers.iter().any(|t| {
        reader.starting_in(t.end, t.end + 4).any(|r| {
            r.entity == Entity::Rank && !actors.covering(r.end + 1).any(|a| a.end > r.end && a.kind == ActorKind::Official)
        })
    });
    if parties_of(&chosen).len() < 2 && !unknown_counterpart {
        for a in here.iter().filter(|a| !a.strong() && near_trigger(a)) {
            if !chosen.iter().any(|c| c.party == a.party) {
                chosen.push(a.clone());
            }
        }
    }
    // One side named ("met the Kazakh minister"), or others listed "together with":
    // the article's protagonist is the other.
    let together = reader.has_phrase(s, Phrase::Together);
    if parties_of(&chosen).len() == 1 || together {
        if let Some(p) = protagonist.filter(|p| !chosen.iter().any(|c| c.party == p.party)) {
            chosen.insert(0, p.clone());
        }
    }
    if parties_of(&chosen).len() < 2 {
        return None;
    }
    let mode = if reader.has_phrase(s, Phrase::Video) {
        Mode::Video
    } else if reader.has_phrase(s, Phrase::Phone) {
        Mode::Phone
    } else {
        Mode::InPerson
    };
    let mode_stated = mode != Mode::InPerson;
    Some(Draft { reports: vec![*s], actors: chosen, mode, mode_stated })
}

/// A name key for telling people apart.
fn person_key<'a>(k: &'a Knowledge, a: &'a Actor) -> Option<&'a str> {
    a.officials.first().map(|&o| k.official(o).name.as_str()).or(a.written_name.as_deref())
}

/// The names of a draft's people of one side.
fn names_of<'a>(k: &'a Knowledge, d: &'a Draft, p: PartyId) -> Vec<&'a str> {
    d.actors.iter().filter(|a| a.party == p).filter_map(|a| person_key(k, a)).collect()
}

/// A visitor who meets several officials of the host in one sentence meets
/// each separately; "met X, Y and Z separately" is one bilateral with each.
fn split(d: Draft, separately: bool, protagonist: Option<&Actor>) -> Vec<Draft> {
    let k = Knowledge::get();
    let parties = parties_of(&d.actors);
    if separately && parties.len() >= 2 {
        // The side that does the meeting: the one not among the counterparts named
        // together, or the article's protagonist.
        let own_parties = parties_of(d.actors.iter().filter(|a| !a.separate));
        let own_party = match (own_parties.as_slice(), protagonist) {
            ([one], _) if d.actors.iter().any(|a| a.separate) => Some(*one),
            (_, Some(p)) => Some(p.party),
            _ => None,
        };
        if let Some(own_party) = own_party {
            let others: Vec<PartyId> = parties.iter().copied().filter(|&x| x != own_party).collect();
            if others.len() >= 2 || (others.len() == 1 && !parties.contains(&own_party)) {
                let own: Vec<Actor> = d.actors.iter().filter(|a| a.party == own_party).cloned().collect();
                let own = match (own.is_empty(), protagonist) {
                    (true, Some(p)) => vec![p.clone()],
                    _ => own,
                };
                return others
                    .into_iter()
                    .map(|o| Draft { actors: own.iter().cloned().chain(d.actors.iter().filter(|a| a.party == o).cloned()).collect(), ..d.clone() })
                    .collect();
            }
        }
    }
    if parties.len() != 2 {
        return vec![d];
    }
    // The distinct people of a side, told apart by name, or by role when unnamed.
    let principals = |p: PartyId| -> Vec<&Actor> {
        let mut v: Vec<&Actor> = Vec::new();
        for a in d.actors.iter().filter(|a| a.party == p && !a.attendee && a.strong()) {
            let key = person_key(k, a).or(a.role);
            if key.is_some() && !v.iter().any(|b| person_key(k, b).or(b.role) == key) {
                v.push(a);
            }
        }
        v
    };
    let (a, b) = (principals(parties[0]), principals(parties[1]));
    let (many, one) = if a.len() >= 2 && b.len() <= 1 { (a, parties[1]) } else if b.len() >= 2 && a.len() <= 1 { (b, parties[0]) } else { return vec![d] };
    let single: Vec<Actor> = d.actors.iter().filter(|x| x.party == one).cloned().collect();
    many.into_iter()
        .map(|m| Draft { actors: single.iter().cloned().chain(std::iter::once(m.clone())).collect(), ..d.clone() })
        .collect()
}

/// A headline that names only some of the sides of a meeting the body reports
/// ("Assad receives the chiefs of staff of Iran and Iraq") is that meeting; one
/// that sums up several of the body's meetings is none of its own.
fn absorb_headline(mut drafts: Vec<Draft>, headline: Option<Sentence>) -> Vec<Draft> {
    let Some(h) = headline else { return drafts };
    let Some(i) = drafts.iter().position(|d| d.reports == [h]) else { return drafts };
    let sides = parties_of(&drafts[i].actors);
    let fuller = drafts.iter().enumerate().find(|(j, d)| *j != i && sides.iter().all(|p| parties_of(&d.actors).contains(p))).map(|(j, _)| j);
    if let Some(j) = fuller {
        drafts[j].reports.push(h);
        drafts.remove(i);
        return drafts;
    }
    // A headline that sums up several meetings of the body ("Rajnath Singh holds talks
    // with Uzbek, Kazakh and Tajik defence ministers") is not one more meeting.
    let reported = |p: &PartyId| drafts.iter().enumerate().any(|(j, d)| j != i && parties_of(&d.actors).contains(p));
    if sides.len() >= 3 && sides.iter().all(reported) {
        drafts.remove(i);
    }
    drafts
}

/// The same meeting reported twice in one article is one meeting.
/// Two reports are of one meeting when they name the same sides, do not
/// contradict on how (phone, video), and name the same people of each side,
/// or, where one names nobody, people of agreeing roles.
fn merge(drafts: Vec<Draft>) -> Vec<Draft> {
    let k = Knowledge::get();
    let roles = |x: &Draft, p: PartyId| -> Vec<&str> {
        x.actors
            .iter()
            .filter(|a| a.party == p)
            .filter_map(|a| a.role.or_else(|| a.officials.first().map(|&o| k.official(o).role.as_str())))
            .collect()
    };
    let mut out: Vec<Draft> = Vec::new();
    for d in drafts {
        let sides = parties_of(&d.actors);
        let same = out.iter().position(|o| {
            parties_of(&o.actors) == sides
                && (o.mode == d.mode || !o.mode_stated || !d.mode_stated)
                && sides.iter().all(|&p| {
                    let (x, y) = (names_of(k, o, p), names_of(k, &d, p));
                    let (rx, ry) = (roles(o, p), roles(&d, p));
                    if !x.is_empty() && !y.is_empty() {
                        x.iter().any(|n| y.contains(n))
                    } else {
                        rx.is_empty() || ry.is_empty() || rx.iter().any(|a| ry.iter().any(|b| roles_agree(a, b)))
                    }
                })
        });
        match same {
            Some(i) => {
                // Keep the first report, learn the names of the second.
                for a in d.actors {
                    let known = out[i].actors.iter().any(|o| o.party == a.party && (person_key(k, o) == person_key(k, &a) || person_key(k, &a).is_none()));
                    if !known {
                        if let Some(pos) = out[i].actors.iter().position(|o| o.party == a.party && person_key(k, o).is_none()) {
                            out[i].actors[pos] = a;
                        } else {
                            out[i].actors.push(a);
                        }
                    }
                }
                out[i].reports.extend(d.reports);
                if d.mode_stated && !out[i].mode_stated {
                    out[i].mode = d.mode;
                    out[i].mode_stated = true;
                }
            }
            None => out.push(d),
        }
    }
    out
}

/// The topics named in a passage, in the taxonomy's order.
fn topics(reader: &Reader, start: usize, end: usize) -> Vec<String> {
    let mut found: Vec<u16> = reader
        .mentions_in(&Sentence { start, end })
        .filter_map(|m| if let Entity::Topic(t) = m.entity { Some(t) } else { None })
        .collect();
    found.sort_unstable();
    found.dedup();
    found.into_iter().map(|t| reader.k.topics[t as usize].clone()).collect()
}

/// A headline: the first line, short, not ending like a sentence, with more text after it.
fn is_headline(text: &str, s: &Sentence) -> bool {
    let line_end = text[s.end..].find('\n').map_or(text.len(), |i| s.end + i);
    s.start == text.len() - text.trim_start().len()
        && line_end < text.trim_end().len()
        && !text[s.start..s.end].ends_with(['.', '!', '?', '؟'])
        && text[s.start..s.end].split(' ').count() <= 25
}

#[allow(clippy::too_many_arguments)]
fn finish(
    reader: &Reader,
    folded: &Folded,
    original: &str,
    d: &Draft,
    reports: &Reports,
    dates: &[DateMention],
    sentences: &[Sentence],
    actors: &Actors,
    headline: Option<Sentence>,
) -> Meeting {
    let k = reader.k;
    // The evidence: the report naming fewest other states (the one about this meeting),
    // from the body rather than the headline.
    let own = parties_of(&d.actors);
    let others_named = |s: &Sentence| {
        let mut p: Vec<PartyId> = actors.within(s.start, s.end).filter(|a| a.strong() && !own.contains(&a.party)).map(|a| a.party).collect();
        p.sort_unstable();
        p.dedup();
        p.len()
    };
    let evidence = d.reports.iter().min_by_key(|s| (others_named(s), Some(**s) == headline, s.start)).unwrap_or(&d.reports[0]);
    // Held or planned as the evidence says (a headline "will meet" may precede "met").
    let status = if reader.has_phrase(evidence, Phrase::Planned) { Status::Planned } else { Status::Held };
    let date_in_text = d.reports.iter().find_map(|s| sentence_date(reader, s, dates, status));
    let reference = date_in_text.or_else(|| reader.published.map(|p| PartialDate::day(p.year, p.month, p.day)));

    // Participants, with shared names resolved by the date.
    let mut participants: Vec<Participant> = Vec::new();
    let role_of_side = d.actors.iter().find_map(|a| a.role.or_else(|| a.officials.first().map(|&o| k.official(o).role.as_str())));
    for a in &d.actors {
        let official = choose_official(k, &a.officials, reference, actors, role_of_side);
        let (name, role) = match official {
            Some(o) => (Some(k.official(o).name.clone()), a.role.or(Some(k.official(o).role.as_str()))),
            None => (a.written_name.clone(), a.role.or(if a.kind == ActorKind::Counterpart { role_of_side } else { None })),
        };
        let role = role.map(String::from);
        let p = Participant { party: k.party(a.party).to_string(), name, role, ..Default::default() };
        if !participants.iter().any(|x| x.party == p.party && x.name == p.name && (x.name.is_some() || x.role == p.role)) {
            participants.push(p);
        }
    }
    // An unnamed participant ("his Kazakh counterpart") is the one person of that
    // side and role the article names elsewhere, if there is exactly one.
    for p in participants.iter_mut().filter(|p| p.name.is_none()) {
        let mut named: Vec<(String, Option<String>)> = Vec::new();
        // (Actors alike give the same name and role: each kind is read once. Two names
        // already decide that the side's person is not known.)
        let party = k.party_id(&p.party);
        let people = party.and_then(|q| actors.cast(k).people.get(&q)).map_or(&[][..], Vec::as_slice);
        for a in people.iter().map(|&i| &actors[i]) {
            if named.len() >= 2 {
                break;
            }
            let official = choose_official(k, &a.officials, reference, actors, p.role.as_deref());
            let (name, role) = match official {
                Some(o) => (Some(k.official(o).name.clone()), a.role.or(Some(k.official(o).role.as_str())).map(String::from)),
                None => (a.written_name.clone(), a.role.map(String::from)),
            };
            let Some(name) = name else { continue };
            let compatible = match (&p.role, &role) {
                (Some(x), Some(y)) => roles_agree(x, y),
                _ => true,
            };
            if compatible && !named.iter().any(|(n, _)| *n == name) {
                named.push((name, role));
            }
        }
        if let [(name, role)] = named.as_slice() {
            p.name = Some(name.clone());
            if p.role.is_none() {
                p.role = role.clone();
            }
        }
    }
    // One line per named person: the first mention, with the most specific role any mention gives.
    let mut unique: Vec<Participant> = Vec::new();
    for p in participants {
        match unique.iter_mut().find(|q| q.name.is_some() && q.party == p.party && q.name == p.name) {
            Some(q) => {
                if q.role.as_deref().map_or(true, |r| r == "minister") {
                    q.role = p.role.or(q.role.take());
                }
            }
            None => unique.push(p),
        }
    }
    let mut participants = unique;
    // An unnamed participant is dropped when the same side has a named one of the same role.
    let snapshot = participants.clone();
    participants.retain(|p| p.name.is_some() || !snapshot.iter().any(|q| q.party == p.party && q.name.is_some() && (q.role == p.role || p.role.is_none())));

    let occasion = occasion(reader, reports, d, reference);
    let published = reader.published.map(|p| PartialDate::day(p.year, p.month, p.day));
    let edition = occasion.as_ref().and_then(|o| o.edition.as_ref());
    // "today, Sunday" at a forum whose edition had one Sunday: that day.
    let weekday_of = |m: &Mention| if let Entity::Weekday(w) = m.entity { Some(w) } else { None };
    // The report's weekday, else the article's first (the day of the lead).
    let weekday = reports.mentions(reader).find_map(weekday_of).or_else(|| *reader.first_weekday.get_or_init(|| reader.mentions.iter().find_map(weekday_of)));
    let edition_day = edition.zip(weekday).and_then(|(ed, w)| weekday_within(ed, w));
    // The text's own date; else the publication day when it falls within the
    // occasion (or there is no occasion): news reports a meeting the day it happens;
    // else the occasion's dates.
    let (date, source) = match (date_in_text, edition, published) {
        (Some(t), _, _) => (Some(t), Some("text")),
        (None, Some(ed), Some(p)) if edition_contains(ed, &p) => (Some(p), Some("publication")),
        (None, Some(_), _) if edition_day.is_some() => (edition_day, Some("occasion")),
        (None, Some(ed), _) => (edition_date(ed), edition_date(ed).map(|_| "occasion")),
        // (Not when the report puts the meeting in another week or month.)
        (None, None, Some(p)) if !d.reports.iter().any(|s| relative_in(reader, s).is_some()) => (Some(p), Some("publication")),
        (None, None, _) => (None, None),
    };
    // A side named only by its role ("his Kazakh counterpart") is the one person who
    // held that role of that state throughout the meeting's date.
    if let Some(date) = date {
        for p in participants.iter_mut().filter(|p| p.name.is_none()) {
            let (Some(role), Some(party)) = (p.role.as_deref(), k.party_id(&p.party)) else { continue };
            let mut holders = k.officials.iter().filter(|o| o.party == party && o.role == role && o.holds_throughout(&date));
            if let (Some(o), None) = (holders.next(), holders.next()) {
                p.name = Some(o.name.clone());
                p.name_from = Some("office".into());
            }
        }
    }
    let location = if d.mode != Mode::InPerson {
        None
    } else {
        location(reader, reports, occasion.as_ref(), sentences, &parties_of(&d.actors))
    };

    let mut parties: Vec<String> = parties_of(&d.actors).into_iter().map(|p| k.party(p).to_string()).collect();
    parties.sort();
    let (s, e) = folded.span(evidence.start, evidence.end);
    Meeting {
        parties,
        participants,
        date: date.map(|d| d.to_string()),
        date_in_text: date_in_text.map(|d| d.to_string()),
        date_precision: date.map(|d| d.precision().to_string()),
        date_source: source.map(str::to_string),
        location,
        occasion: occasion.map(|o| o.name),
        mode: d.mode,
        status,
        topics: Vec::new(),
        evidence: Evidence { start: s, end: e, text: text::char_slice(original, s, e).to_string() },
    }
}

/// The time relative to publication a sentence gives: its most specific
/// relative phrase ("بعد غد" rather than the "غد" within it), and one other
/// than "today" if there is one ("announced today that he will meet tomorrow").
fn relative_in<'m>(reader: &'m Reader, s: &Sentence) -> Option<(&'m Mention, Relative)> {
    let found: Vec<(&Mention, Relative)> = reader
        .mentions_in(s)
        .filter_map(|m| if let Entity::Phrase(Phrase::Relative(r)) = m.entity { Some((m, r)) } else { None })
        .collect();
    // (`found` is in text order: a phrase containing another starts at most the longest mention before it.)
    let contains = |o: &Mention, m: &Mention| o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start;
    let outermost = found.iter().filter(|(m, _)| {
        let first = found.partition_point(|(o, _)| o.start + reader.longest < m.start);
        !found[first..].iter().take_while(|(o, _)| o.start <= m.start).any(|(o, _)| contains(o, m))
    });
    let mut candidates = outermost.copied();
    let first = candidates.next()?;
    Some(std::iter::once(first).chain(candidates).find(|&(_, r)| r != Relative::Days(0, 0)).unwrap_or(first))
}

/// The date a relative time names: the day, else the month or year its whole
/// span lies in.
fn relative_date(p: Ymd, r: Relative) -> Option<PartialDate> {
    let (first, last) = match r {
        Relative::Days(a, b) => (p.add_days(a.into())?, p.add_days(b.into())?),
        Relative::Month(n) => {
            let months = i64::from(p.year) * 12 + i64::from(p.month) - 1 + i64::from(n);
            let year = i32::try_from(months.div_euclid(12)).ok()?;
            let month = u8::try_from(months.rem_euclid(12) + 1).ok()?;
            return Some(PartialDate::month(year, month));
        }
    };
    if first == last {
        Some(PartialDate::day(first.year, first.month, first.day))
    } else if (first.year, first.month) == (last.year, last.month) {
        Some(PartialDate::month(first.year, first.month))
    } else {
        (first.year == last.year).then_some(PartialDate { year: first.year, month: None, day: None })
    }
}

/// The date the sentence gives: an explicit date, or a relative time read against the day it is written on.
fn sentence_date(reader: &Reader, s: &Sentence, dates: &[DateMention], status: Status) -> Option<PartialDate> {
    let published = reader.today;
    let here = || reader.mentions_in(s);
    let relative = relative_in(reader, s);
    // "CAIRO, 3 March 2023 – ... will receive tomorrow": the dateline's date is
    // what "tomorrow" is read against, not the meeting's date.
    let shifted = relative.is_some_and(|(_, r)| r != Relative::Days(0, 0)) || here().any(|m| matches!(m.entity, Entity::Weekday(_)));
    let explicit = dates.iter().find(|d| d.start >= s.start && d.end <= s.end && d.date.day.is_some() && !(dates::opens_line(reader.text, d) && shifted));
    // The nearest such weekday: on or before `from` for a held meeting, after it for a planned one.
    let nearest = |from: Ymd, w: u8| {
        let fw = from.weekday() as i64;
        let day = match status {
            Status::Held => from.add_days(-(fw - w as i64).rem_euclid(7)),
            Status::Planned => from.add_days((w as i64 - fw).rem_euclid(7)),
        }?;
        Some(PartialDate::day(day.year, day.month, day.day))
    };
    if let Some(dm) = explicit {
        let mut date = dm.date;
        if dm.yearless {
            date.year = published?.year;
        }
        // "will meet on Saturday, ... sources said on Thursday, 5 December 2024": another
        // weekday than the date's own is read against that date.
        let day = date.month.zip(date.day).and_then(|(m, d)| Ymd::new(date.year, m, d));
        // "will hold talks ... next month, a source said on Tuesday, 11 February 2025": a
        // relative time apart from the date is read against it ("yesterday, 10 February"
        // is that date).
        if let (Some(d), Some((rm, r))) = (day, relative.filter(|(_, r)| *r != Relative::Days(0, 0))) {
            if !reader.beside(rm, dm.start, dm.end) {
                return relative_date(d, r);
            }
        }
        // A weekday right beside the date names that date, even where the two
        // disagree (a slip in one of them): the date's numbers win.
        let other = here().find_map(|m| match m.entity {
            Entity::Weekday(w) if day.is_some_and(|d| d.weekday() != w) && !reader.beside(m, dm.start, dm.end) => Some(w),
            _ => None,
        });
        return match (day, other) {
            (Some(d), Some(w)) => nearest(d, w),
            _ => Some(date),
        };
    }
    let p = published?;
    if let Some((_, r)) = relative {
        return relative_date(p, r);
    }
    let w = here().find_map(|m| if let Entity::Weekday(w) = m.entity { Some(w) } else { None })?;
    nearest(p, w)
}

/// Two roles name the same office, or one is the generic "minister" of the other.
fn roles_agree(a: &str, b: &str) -> bool {
    a == b || (a == "minister" && b.ends_with("minister")) || (b == "minister" && a.ends_with("minister"))
}

/// A term of office as days `[first, last]` (an open term ends with the knowledge's
/// [`known_until`](Knowledge::known_until)).
fn term_days(k: &Knowledge, o: u16) -> (i64, i64) {
    let off = k.official(o);
    let day = |(y, m, d): (i32, u8, u8)| Ymd { year: y, month: m, day: d }.day_number();
    let first = off.from.map_or(i64::MIN / 4, |f| day(f.first_day()));
    let last = off.to.map_or_else(|| day((k.known_until, 12, 31)), |t| day(t.last_day()));
    (first, last)
}

/// Which of the office terms a matched name stands for: the one in office at
/// the date; else the one whose role the article gives that side; else one of
/// `side_role`, the office of the meeting's other side (a counterpart holds the
/// same); else the one that overlaps most with the terms of the other officials
/// the article names (the latest when none tells).
fn choose_official(k: &Knowledge, candidates: &[u16], reference: Option<PartialDate>, actors: &Actors, side_role: Option<&str>) -> Option<u16> {
    let in_office: Vec<u16> = match reference {
        Some(r) => candidates.iter().copied().filter(|&o| k.official(o).in_office(&r)).collect(),
        None => candidates.to_vec(),
    };
    let pool = if in_office.is_empty() { candidates.to_vec() } else { in_office };
    if let [only] = pool.as_slice() {
        return Some(*only);
    }
    let stated = pool.iter().copied().find(|&o| {
        let off = k.official(o);
        actors.cast(k).stated_roles.contains(&(off.party, off.role.as_str()))
    });
    if stated.is_some() {
        return stated;
    }
    // When the others were in office: the span of each one's terms, intersected.
    // (Intersecting the same span twice changes nothing: each distinct set is read once.)
    let window = (actors.cast(k).official_sets.iter())
        .filter(|(officials, _)| !officials.iter().any(|o| candidates.contains(o)))
        .map(|&(_, span)| span)
        .reduce(|(f, l), (af, al)| (f.max(af), l.min(al)));
    let best = |terms: &mut dyn Iterator<Item = u16>| {
        terms.max_by_key(|&o| {
            let (first, last) = term_days(k, o);
            let overlap = window.map_or(0, |(wf, wl)| (last.min(wl) - first.max(wf)).max(-1));
            (overlap, first)
        })
    };
    best(&mut pool.iter().copied().filter(|&o| Some(k.official(o).role.as_str()) == side_role)).or_else(|| best(&mut pool.iter().copied()))
}

/// Is the day within the edition's dates?
fn edition_contains(ed: &Edition, day: &PartialDate) -> bool {
    match (ed.start, ed.end.or(ed.start)) {
        (Some(s), Some(e)) => day.first_day() >= s.first_day() && day.last_day() <= e.last_day(),
        _ => false,
    }
}

/// The one day of the edition that falls on this weekday (1 = Monday), if exactly one does.
fn weekday_within(ed: &Edition, weekday: u8) -> Option<PartialDate> {
    let (s, e) = (ed.start?, ed.end.or(ed.start)?);
    let (s, e) = (Ymd::new(s.year, s.month?, s.day?)?, Ymd::new(e.year, e.month?, e.day?)?);
    let days: Vec<Ymd> = (0..=e.days_since(s).clamp(0, 31)).filter_map(|n| s.add_days(n)).filter(|d| d.weekday() == weekday).collect();
    match days.as_slice() {
        [d] => Some(PartialDate::day(d.year, d.month, d.day)),
        _ => None,
    }
}

/// Where an event is usually held, when its edition is unknown: the country all its
/// editions share, and the city at least two thirds of them were held in.
fn usual_venue(k: &Knowledge, event: u16) -> Option<Location> {
    let editions: Vec<&Edition> = k.editions.iter().filter(|e| e.event == event).collect();
    let country = editions.first()?.country?;
    if editions.iter().any(|e| e.country != Some(country)) {
        return None;
    }
    let mut cities: Vec<(&str, usize)> = Vec::new();
    for e in &editions {
        if let Some(c) = e.city.as_deref() {
            match cities.iter_mut().find(|(x, _)| *x == c) {
                Some((_, n)) => *n += 1,
                None => cities.push((c, 1)),
            }
        }
    }
    let city = cities.into_iter().max_by_key(|&(_, n)| n).filter(|&(_, n)| n * 3 >= editions.len() * 2).map(|(c, _)| c.to_string());
    Some(Location { city, country: Some(k.party(country).to_string()) })
}

/// The date an occasion's edition gives: its day, or its month, or its year.
fn edition_date(ed: &Edition) -> Option<PartialDate> {
    let (s, e) = (ed.start?, ed.end.or(ed.start)?);
    Some(if s == e {
        s
    } else if s.month == e.month {
        PartialDate { day: None, ..s }
    } else {
        PartialDate { year: s.year, month: None, day: None }
    })
}

/// The event a meeting was held on the sidelines of.
struct Occasion {
    /// Canonical English name, with the edition's year or number when known.
    name: String,
    event: u16,
    edition: Option<Edition>,
}

/// The occasion: an event named in the sentence, or one the article says the visit was for.
fn occasion(reader: &Reader, reports: &Reports, d: &Draft, reference: Option<PartialDate>) -> Option<Occasion> {
    let k = reader.k;
    let in_sentence = reports.mentions(reader).find(|m| matches!(m.entity, Entity::Event(_))).copied();
    let mention = in_sentence.or_else(|| {
        if d.mode != Mode::InPerson {
            return None;
        }
        // An event the article places the meetings at ("على هامش ...", in a headline or lead).
        let placed = *reader.placed_event.get_or_init(|| {
            let sidelines_before = |m: &Mention| {
                (reader.starting_in(m.start.saturating_sub(40 + reader.longest), m.start + 1))
                    .any(|p| p.entity == Entity::Phrase(Phrase::Sidelines) && p.end <= m.start && m.start - p.end <= 40)
            };
            reader.events().iter().find(|m| sidelines_before(m)).copied()
        });
        // "On the sidelines of the summit", the event named before.
        let first = reports.spans.first()?.0;
        let sidelines = || reports.spans.iter().any(|&(start, end)| reader.has_phrase(&Sentence { start, end }, Phrase::Sidelines));
        let named_before = || {
            let events = reader.events();
            events[..events.partition_point(|m| m.start < first)].iter().rev().find(|m| m.end <= first).copied()
        };
        placed.or_else(|| sidelines().then(named_before).flatten())
    })?;
    let Entity::Event(e) = mention.entity else { return None };
    let event = &k.events[e as usize];
    let editions: Vec<&Edition> = k.editions.iter().filter(|ed| ed.event == e).collect();
    // A year written with the name ("Army-2018"), an ordinal near it ("السادس"), or the date.
    let window_end = text::floor_boundary(reader.text, mention.end + 40);
    let window_start = mention.start.saturating_sub(40);
    let year_written = text::slice_at(reader.text, mention.start, window_end.min(mention.end + 6))
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|y| y.parse::<i32>().ok())
        .find(|y| (1990..=2100).contains(y));
    let ordinal = reader.starting_in(window_start, window_end).find_map(|m| match m.entity {
        Entity::Ordinal(n) if m.end <= window_end => Some(n as u32),
        _ => None,
    });
    let edition = if let Some(y) = year_written {
        editions.iter().find(|ed| ed.year == y)
    } else if let Some(n) = ordinal {
        editions.iter().find(|ed| ed.number == Some(n))
    } else if let Some(r) = reference {
        // The edition held within six weeks before (or a week after) the reference date.
        editions.iter().find(|ed| {
            ed.start.zip(Ymd::new(r.year, r.month.unwrap_or(1), r.day.unwrap_or(1))).is_some_and(|(st, r)| {
                Ymd::new(st.year, st.month.unwrap_or(1), st.day.unwrap_or(1)).is_some_and(|st| {
                    let diff = r.days_since(st);
                    (-7..=45).contains(&diff)
                })
            })
        })
    } else {
        // The one edition every named participant was in office for.
        let fits: Vec<&&Edition> = editions
            .iter()
            .filter(|ed| {
                ed.start.is_some_and(|st| d.actors.iter().filter(|a| !a.officials.is_empty()).all(|a| a.officials.iter().any(|&o| k.official(o).in_office(&st))))
                    && d.actors.iter().any(|a| !a.officials.is_empty())
            })
            .collect();
        if fits.len() == 1 { Some(fits[0]) } else { None }
    }
    .map(|ed| (*ed).clone());
    let name = occasions::name(k, event, edition.as_ref());
    Some(Occasion { name, event: e, edition })
}


/// Where the meeting took place: a city in the sentence, the occasion's venue,
/// the place the article says the visit was to, or the dateline city.
fn location(reader: &Reader, reports: &Reports, occasion: Option<&Occasion>, sentences: &[Sentence], parties: &[PartyId]) -> Option<Location> {
    let k = reader.k;
    let city_loc = |c: u16| {
        let city = &k.cities[c as usize];
        Location { city: Some(city.name.clone()), country: Some(k.party(city.country).to_string()) }
    };
    let capital_of = |p: PartyId| -> Location {
        let capital = k.cities.iter().find(|c| c.country == p && c.capital);
        Location { city: capital.map(|c| c.name.clone()), country: Some(k.party(p).to_string()) }
    };
    let ms = &reader.mentions;
    // "in the Russian capital", "في العاصمة الروسية": the capital of that state.
    let capital_phrase = |range: (usize, usize)| {
        reader.mentions_in(&Sentence { start: range.0, end: range.1 }).find_map(|m| {
            // The first mention after the phrase (mentions may overlap it).
            (m.entity == Entity::Phrase(Phrase::Visit))
                .then(|| reader.from(m.end).first())
                .flatten()
                .filter(|n| n.start - m.end <= 2)
                .and_then(|n| match n.entity {
                    Entity::Demonym(p) | Entity::Country(p) if is_capital_phrase(&reader.text[m.start..m.end]) => Some(capital_of(p)),
                    _ => None,
                })
        })
    };
    // A city form that is also another word ("دوشنبه" is Dushanbe and Monday) counts
    // only after a preposition of place.
    let plain_city = |m: &Mention| -> Option<u16> {
        let Entity::City(c) = m.entity else { return None };
        let ambiguous = reader.from(m.start).iter().take_while(|o| o.start == m.start).any(|o| o.end == m.end && !matches!(o.entity, Entity::City(_)));
        (!ambiguous || reader.locative(m.start)).then_some(c)
    };
    // The dateline: a city opening one of the first lines ("دمشق - الاثنين",
    // "BISHKEK, April 29"), where the report was filed: the place only when no other is said.
    let dateline = |m: &Mention| {
        matches!(m.entity, Entity::City(_))
            && sentences.iter().take(3).any(|line| {
                line.start == m.start && {
                    let rest = reader.text[m.end..line.end.max(m.end)].trim_start();
                    rest.starts_with(['-', ',', '،', ':', '(', '–', '—']) || rest.is_empty()
                }
            })
    };
    if let Some(c) = reports.mentions(reader).filter(|m| !dateline(m)).find_map(plain_city) {
        return Some(city_loc(c));
    }
    if let Some(l) = reports.spans.iter().find_map(|&span| capital_phrase(span)) {
        return Some(l);
    }
    if let Some(o) = occasion {
        match &o.edition {
            Some(ed) if ed.country.is_some() => {
                return Some(Location { city: ed.city.clone(), country: ed.country.map(|c| k.party(c).to_string()) })
            }
            Some(_) => {}
            None => {
                if let Some(l) = usual_venue(k, o.event) {
                    return Some(l);
                }
            }
        }
    }
    // The rest depends on the article only, not on the meeting.
    let places = reader.places.get_or_init(|| {
        // The visit the article reports: "arrived in Damascus", "وارد پکن شد".
        let visit = ms.iter().filter(|m| m.entity == Entity::Phrase(Phrase::Visit)).find_map(|m| {
            let n = reader.from(m.end).first().filter(|n| n.start - m.end <= 12)?;
            match n.entity {
                Entity::City(c) if plain_city(n).is_some() => Some(city_loc(c)),
                Entity::Country(p) => Some(Location { city: None, country: Some(k.party(p).to_string()) }),
                _ => None,
            }
        });
        // Each state's first city named in the body.
        let first_lines_end = sentences.get(2).map_or(0, |s| s.start);
        let mut body_city: HashMap<PartyId, (usize, u16)> = HashMap::default();
        for (n, c) in reader.from(first_lines_end).iter().filter_map(plain_city).enumerate() {
            body_city.entry(k.cities[c as usize].country).or_insert((n, c));
        }
        let dateline = ms.iter().filter(|m| dateline(m)).find_map(|m| match m.entity {
            Entity::City(c) => Some(city_loc(c)),
            _ => None,
        });
        Places { visit, capital: capital_phrase((0, reader.text.len())), body_city, dateline }
    });
    if let Some(l) = places.visit.clone().or_else(|| places.capital.clone()) {
        return Some(l);
    }
    // A city of one of the sides named in the body ("signed an agreement in Damascus").
    if let Some(&(_, c)) = parties.iter().filter_map(|p| places.body_city.get(p)).min_by_key(|(n, _)| *n) {
        return Some(city_loc(c));
    }
    places.dateline.clone()
}

/// The places an article gives apart from any one meeting's reports, in the order [`location`] reads them.
struct Places {
    /// The place of the visit the article reports.
    visit: Option<Location>,
    /// The capital of the state named after "in the capital".
    capital: Option<Location>,
    /// For each state, its first city named after the first lines (with its rank among the cities named there).
    body_city: HashMap<PartyId, (usize, u16)>,
    /// The dateline's city.
    dateline: Option<Location>,
}

/// "in the capital", "في العاصمة": the state named next is the place, at its capital.
fn is_capital_phrase(phrase: &str) -> bool {
    phrase.contains("عاصمه") || phrase.contains("پايتخت") || phrase.to_ascii_lowercase().contains("capital")
}
