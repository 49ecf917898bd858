//! Stage: actors. The mentions read into the people and sides that take part:
//! known officials (with a rank and given names before them, or a surname
//! repeated), a role with its state before or after it ("Iran's defense
//! minister", "وزير الدفاع الإيراني", lists: "وزرای دفاع ایران و ازبکستان"),
//! counterparts ("بنظيره الكازاخستاني", "his Kazakh counterpart", "نظيريه
//! الهندي والإيراني"), bare states and adjectives; attendees ("in the presence
//! of") and the absent ("on behalf of", "former").

use crate::model::order;
use super::participants::term_days;
use super::reader::{CONNECTORS, MAX_CONNECTOR_GAP, Reader};
use crate::knowledge::{Entity, Knowledge, Mention, PartyId, Phrase};
use crate::model::PartialDate;
use crate::text;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::cell::OnceCell;
use std::collections::BTreeSet;

/// Urdu words between states and the role they precede, as folded: "of" ("کے", "کی" → "كي",
/// "کا" → "كا") and "and" ("افغانستان، بھارت اور نیپال کے وزرائے خارجہ").
const URDU_OF: &[&str] = &["كي", "كا", "اور", "،", ",", "و"];

/// The longest first line (folded bytes) read as a headline that names people by surname.
const HEADLINE_BYTES: usize = 300;

/// How an actor was recognised, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum ActorKind {
    Official,
    Role,
    Counterpart,
    Demonym,
    Country,
}

/// A person or side taking part, as read from the text.
#[derive(Debug, Clone)]
pub(super) struct Actor {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) party: PartyId,
    /// Officials whose forms matched (several when a name is shared).
    pub(super) officials: Box<[u16]>,
    /// Name written in the text but unknown to Didar.
    pub(super) written_name: Option<Box<str>>,
    pub(super) role: Option<&'static str>,
    pub(super) kind: ActorKind,
    /// Named after "in the presence of": attends, does not lead.
    pub(super) attendee: bool,
    /// One of several counterparts named together ("his Indian and Iranian
    /// counterparts"): each is met separately.
    pub(super) separate: bool,
}

impl Actor {
    pub(super) fn strong(&self) -> bool {
        self.kind <= ActorKind::Counterpart
    }
}

/// Actors by where they start, so that those near a position are found
/// without reading every actor of the article.
#[derive(Default)]
pub(super) struct ActorIndex {
    /// (start, index into the actors).
    pub(super) by_start: BTreeSet<(usize, usize)>,
    /// The longest span indexed: an actor covering a position starts at most this far before it.
    pub(super) longest: usize,
}

impl ActorIndex {
    pub(super) fn insert(&mut self, a: &Actor, i: usize) {
        self.by_start.insert((a.start, i));
        self.longest = self.longest.max(a.end - a.start);
    }

    pub(super) fn remove(&mut self, a: &Actor, i: usize) {
        self.by_start.remove(&(a.start, i));
    }

    /// The indices of the actors that start within `from..=to`, by start.
    pub(super) fn starting(&self, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
        let range = (from <= to).then(|| self.by_start.range((from, 0)..=(to, usize::MAX)));
        range.into_iter().flatten().map(super::reader::visit).map(|&(_, i)| i)
    }

    /// Does an indexed actor overlap `start..end`?
    pub(super) fn overlaps(&self, actors: &[Actor], start: usize, end: usize) -> bool {
        end > 0 && self.starting(start.saturating_sub(self.longest), end - 1).any(|i| actors[i].start < end && actors[i].end > start)
    }
}

/// Actors that no longer move, by where they start: a list sorted once, or
/// kept sorted by appending actors in text order.
#[derive(Default)]
struct SettledActors {
    /// (start, index into the actors), sorted.
    by_start: Vec<(usize, usize)>,
    /// The longest span listed: an actor covering a position starts at most this far before it.
    longest: usize,
}

impl SettledActors {
    fn of(actors: &[Actor]) -> Self {
        let mut by_start: Vec<(usize, usize)> = actors.iter().enumerate().map(|(i, a)| (a.start, i)).collect();
        order::sort(&mut by_start);
        SettledActors { by_start, longest: actors.iter().map(|a| a.end - a.start).max().unwrap_or(0) }
    }

    /// List `actors[i]`, which starts at or after every actor listed.
    fn append(&mut self, actors: &[Actor], i: usize) {
        let a = &actors[i];
        debug_assert!(self.by_start.last().is_none_or(|&(start, _)| start <= a.start), "appended out of text order");
        self.by_start.push((a.start, i));
        self.longest = self.longest.max(a.end - a.start);
    }

    /// Does a listed actor overlap `start..end`?
    fn overlaps(&self, actors: &[Actor], start: usize, end: usize) -> bool {
        let first = self.by_start.partition_point(|&(s, _)| s < start.saturating_sub(self.longest));
        self.by_start[first..].iter().map(super::reader::visit).take_while(|&&(s, _)| s < end).any(|&(_, i)| actors[i].start < end && actors[i].end > start)
    }
}

/// The actors of an article in text order (by start), with the longest span,
/// so that those of a sentence or near a position are found by binary search.
pub(super) struct Actors {
    pub(super) list: Vec<Actor>,
    pub(super) longest: usize,
    /// What the meetings' participants are read against, once a meeting is found.
    pub(super) cast: OnceCell<Cast>,
}

/// The article's people as a meeting's participants are resolved against them.
pub(super) struct Cast {
    /// (party, role) of every actor named by role alone ("the Kazakh defence minister").
    pub(super) stated_roles: HashSet<(PartyId, &'static str)>,
    /// The distinct sets of officials the actors' names match, each with the span
    /// of their terms (what [`choose_official`] reads of the other officials).
    pub(super) official_sets: Vec<(Vec<u16>, (i64, i64))>,
    /// For each party, its actors of distinct officials, role and written name, in text
    /// order (indices into the actors): the people of that side the article names.
    pub(super) people: HashMap<PartyId, Vec<usize>>,
}

impl std::ops::Deref for Actors {
    type Target = [Actor];
    fn deref(&self) -> &[Actor] {
        &self.list
    }
}

pub(super) fn parties_of<'a>(actors: impl IntoIterator<Item = &'a Actor>) -> Vec<PartyId> {
    let mut p: Vec<PartyId> = actors.into_iter().map(|a| a.party).collect();
    order::sort(&mut p);
    p.dedup();
    p
}

impl Actors {
    pub(super) fn new(list: Vec<Actor>) -> Self {
        debug_assert!(list.windows(2).all(|w| w[0].start <= w[1].start));
        let longest = list.iter().map(|a| a.end - a.start).max().unwrap_or(0);
        Actors { list, longest, cast: OnceCell::new() }
    }

    /// The article's people for resolving participants, read the first time a meeting asks.
    pub(super) fn cast(&self, k: &Knowledge) -> &Cast {
        self.cast.get_or_init(|| Cast::of(k, &self.list))
    }
}

impl Cast {
    pub(super) fn of(k: &Knowledge, list: &[Actor]) -> Self {
        let stated_roles = list.iter().filter(|a| a.officials.is_empty()).filter_map(|a| Some((a.party, a.role?))).collect();
        let mut official_sets: Vec<(Vec<u16>, (i64, i64))> = Vec::new();
        let mut seen_sets = HashSet::default();
        for a in list.iter().filter(|a| !a.officials.is_empty()) {
            if seen_sets.insert(&a.officials) {
                let span = a.officials.iter().map(|&o| term_days(k, o)).fold((i64::MAX, i64::MIN), |(f, l), (tf, tl)| (f.min(tf), l.max(tl)));
                official_sets.push((a.officials.to_vec(), span));
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
    pub(super) fn within(&self, start: usize, end: usize) -> impl Iterator<Item = &Actor> {
        let first = self.list.partition_point(|a| a.start < start);
        self.list[first..].iter().map(super::reader::visit).take_while(move |a| a.start < end).filter(move |a| a.end <= end)
    }

    /// The actors that may cover `pos`: those that start at most the longest span before it, up to it.
    pub(super) fn covering(&self, pos: usize) -> impl Iterator<Item = &Actor> {
        let first = self.list.partition_point(|a| a.start + self.longest < pos);
        self.list[first..].iter().map(super::reader::visit).take_while(move |a| a.start <= pos)
    }
}

impl<'a> Reader<'a> {
    /// The side a name stands for that has served more than one (Imangali Tasmagambetov:
    /// Kazakhstan's, then the CSTO's): the one all its terms in office on the day of
    /// writing share, else the first listed.
    fn party_when_written(&self, officials: &[u16]) -> PartyId {
        let first = self.k.official(officials[0]).party;
        let Some(p) = self.published else { return first };
        let day = PartialDate::day(p.year, p.month, p.day);
        let mut serving = officials.iter().map(|&o| self.k.official(o)).filter(|o| o.in_office(&day)).map(|o| o.party);
        match serving.next() {
            Some(party) if serving.all(|q| q == party) => party,
            _ => first,
        }
    }

    /// Read every actor of the text.
    pub(super) fn actors(&self) -> Vec<Actor> {
        let ms = &self.mentions;
        let mut used = vec![false; ms.len()];
        // A state taken as a side takes every reading of its words ("روسيا": the state and
        // the adjective's form), so that none is left over as a bare state.
        let use_span = |used: &mut Vec<bool>, j: usize| {
            let same = |m: &Mention| (m.start, m.end) == (ms[j].start, ms[j].end);
            let first = (0..j).rev().take_while(|&a| same(&ms[a])).last().unwrap_or(j);
            let last = (j + 1..ms.len()).take_while(|&b| same(&ms[b])).last().unwrap_or(j);
            used[first..=last].fill(true);
        };
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
                let party = self.party_when_written(&officials);
                out.push(Actor { start: s, end: e, party, officials: officials.into(), written_name: None, role: None, kind: ActorKind::Official, attendee: false, separate: false });
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
        let named: Vec<(&str, Box<[u16]>, PartyId)> = out
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
        // "دیدار رئیسی و لوکاشنکو", "شكري يلتقي ...": a headline names people by the surname
        // of an official the article names in full (a word too common to be a form alone).
        let headline_end = self.text.find('\n').filter(|&n| n <= HEADLINE_BYTES && self.text[n..].trim().len() > n).unwrap_or(0);
        let mut word_start = None;
        for (i, c) in self.text[..headline_end].char_indices().chain(std::iter::once((headline_end, ' '))) {
            match (text::is_word_char(c), word_start) {
                (true, None) => word_start = Some(i),
                (false, Some(start)) => {
                    word_start = None;
                    if index.overlaps(&out, start, i) {
                        continue;
                    }
                    if let Some((_, officials, party)) = surnames.get(&self.text[start..i]).map(|&n| &named[n]) {
                        out.push(Actor { start, end: i, party: *party, officials: officials.clone(), written_name: None, role: None, kind: ActorKind::Official, attendee: false, separate: false });
                        index.insert(&out[out.len() - 1], out.len() - 1);
                    }
                }
                _ => {}
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
            let state_first = self.lang == "ur" || self.text[ms[i].start..ms[i].end].is_ascii();
            if parties.is_empty() && i > 0 && state_first {
                // State before the role, English and Urdu order ("ایران کے وزیر خارجہ"; Arabic and
                // Persian name the state after it: in "سيلتقي السوداني قائد الثورة" the word
                // before is someone else).
                let mut j = i;
                // Where the nearest word taken so far starts.
                let mut edge = ms[i].start;
                while j > 0 {
                    j -= 1;
                    if ms[j].end > edge {
                        continue;
                    }
                    // (A word that is also another kind of mention, "افغانستان" a topic too: its state.)
                    let same_span = |n: &Mention| n.start == ms[j].start && n.end == ms[j].end;
                    if self.party_entities(&ms[j]).is_none() && ms[..j].iter().rev().take_while(|n| same_span(n)).any(|n| self.party_entities(n).is_some()) {
                        continue;
                    }
                    if !self.gap_is_connector(ms[j].end, edge) && !(self.lang == "ur" && self.gap_of(ms[j].end, edge, MAX_CONNECTOR_GAP, URDU_OF, |e| *e == Entity::Rank)) {
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
                        use_span(&mut used, j);
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
                use_span(&mut used, j);
                used[i] = true;
                let (s, e) = (ms[i].start.min(ms[j].start), ms[i].end.max(ms[j].end));
                let written_name = if parties.len() == 1 { self.name_after(e).or_else(|| self.rank_name_near(s, e)).or_else(|| self.latin_name_after(e)).map(String::into_boxed_str) } else { None };
                out.push(Actor { start: s, end: e, party: p, officials: Box::default(), written_name, role: Some(role), kind: ActorKind::Role, attendee: false, separate: false });
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
                use_span(&mut used, j);
                let (s, e) = (ms[i].start.min(ms[j].start), ms[i].end.max(ms[j].end));
                // "his Syrian counterpart General Ali Abdullah Ayyoub": the official after it.
                if let Some(n) = index.starting(e, e + MAX_CONNECTOR_GAP).filter(|&n| out[n].party == p && self.gap_is_connector(e, out[n].start)).min() {
                    index.remove(&out[n], n);
                    out[n].start = s;
                    index.insert(&out[n], n);
                    continue;
                }
                // ("بنظيره" and the "نظيره" within it: one counterpart.)
                if out.last().is_some_and(|a| a.kind == ActorKind::Counterpart && a.party == p && a.start <= s && a.end >= e) {
                    continue;
                }
                out.push(Actor {
                    start: s,
                    end: e,
                    party: p,
                    officials: Box::default(),
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
        // (The actors read so far no longer move, and those read here come in text order:
        // two sorted lists, no tree to insert thousands of bare states into; they are
        // dropped before the actors are put in order.)
        {
            let earlier = SettledActors::of(&out);
            let mut bare = SettledActors::default();
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
                    if !earlier.overlaps(&out, m.start, m.end) && !bare.overlaps(&out, m.start, m.end) {
                        out.push(Actor { start: m.start, end: m.end, party: *party, officials: officials.clone(), written_name: None, role: None, kind: ActorKind::Official, attendee: false, separate: false });
                        bare.append(&out, out.len() - 1);
                    }
                    continue;
                }
                if let Some((p, kind)) = self.party_entities(m) {
                    if self.locative(m.start) {
                        continue;
                    }
                    out.push(Actor { start: m.start, end: m.end, party: p, officials: Box::default(), written_name: None, role: None, kind, attendee: false, separate: false });
                    bare.append(&out, out.len() - 1);
                }
            }
        }
        order::sort_by_key(&mut out, |a| (a.start, a.kind));
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
        // (Only those phrases are read, not every mention near each actor: an article of
        // thousands of actors and none of them reads nothing.)
        let markers: Vec<&Mention> = ms.iter().filter(|m| matches!(m.entity, Entity::Phrase(Phrase::Behalf | Phrase::Former))).collect();
        let markers_in = |start: usize, end: usize| {
            let first = markers.partition_point(|m| m.start < start);
            markers[first..].iter().map(super::reader::visit).take_while(move |m| m.start < end)
        };
        let absent = |a: &Actor| {
            // (After "on behalf of", the role and state before the name too: "بتكليف من الرئيس
            // الروسي فلاديمير بوتين".)
            let reach = 12 + MAX_CONNECTOR_GAP;
            let before = markers_in(a.start.saturating_sub(reach + self.longest), a.start + 1).any(|m| match m.entity {
                Entity::Phrase(Phrase::Behalf) => {
                    a.start >= m.end && (a.start - m.end <= 12 || self.gap_of(m.end, a.start, reach, CONNECTORS, |e| matches!(e, Entity::Role(_) | Entity::Rank | Entity::Demonym(_) | Entity::Country(_))))
                }
                Entity::Phrase(Phrase::Former) => a.start >= m.end && a.start - m.end <= 2,
                _ => false,
            });
            before || markers_in(a.end, a.end + 3).any(|m| m.entity == Entity::Phrase(Phrase::Former))
        };
        out.retain(|a| !absent(a));
        out
    }
}
