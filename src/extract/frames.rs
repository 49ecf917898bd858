//! Stage: meeting frames, one per sentence. A sentence with a meeting phrase
//! (meet, receive: "استقبل", "was received by", "پذیرفت"; phone; video; or a
//! verb of talks with "with" before a side) and actors of two states is a
//! meeting draft; an interview or a background sentence is not. One side named
//! alone meets the article's protagonist. A visitor who meets several officials,
//! or a list met separately, is split into one bilateral each.

use crate::model::order;
use super::actors::{Actor, ActorKind, Actors, parties_of};
use super::participants::person_key;
use super::reader::Reader;
use super::refine::is_headline;
use crate::knowledge::{Entity, Knowledge, Mention, PartyId, Phrase};
use crate::model::MAX_PARTIES;
use crate::model::Mode;
use crate::text::Sentence;

/// How close (in folded bytes, about eight words) a bare state name must be to the meeting phrase.
pub(super) const NEAR_TRIGGER_BYTES: usize = 80;

/// A meeting being assembled, in folded offsets.
#[derive(Debug, Clone)]
pub(super) struct Draft {
    /// The sentences that report this meeting, in text order (more than one
    /// when the article reports it twice, e.g. in the headline and the body).
    pub(super) reports: Vec<Sentence>,
    pub(super) actors: Vec<Actor>,
    pub(super) mode: Mode,
    /// The text says how (phone, video); in person is otherwise only the default.
    pub(super) mode_stated: bool,
    /// Its first report announces a later meeting ("agreed to meet again", "will meet
    /// at next month's summit", "آئندہ ... ملاقات کریں گے"): not the one held before it,
    /// even between the same sides.
    pub(super) later: bool,
}

/// The sentences that report a meeting, in text order and each once, so that
/// what lies within them is found by binary search.
pub(super) struct Reports {
    pub(super) spans: Vec<(usize, usize)>,
}

impl Reports {
    pub(super) fn of(d: &Draft) -> Self {
        let mut spans: Vec<(usize, usize)> = d.reports.iter().map(|s| (s.start, s.end)).collect();
        order::sort(&mut spans);
        spans.dedup();
        Reports { spans }
    }

    /// Is `start..end` within one of the reports?
    pub(super) fn contains(&self, start: usize, end: usize) -> bool {
        let i = self.spans.partition_point(|&(s, _)| s <= start);
        i > 0 && self.spans[i - 1].1 >= end
    }

    /// The mentions within the reports, in text order.
    pub(super) fn mentions<'r>(&'r self, reader: &'r Reader) -> impl Iterator<Item = &'r Mention> {
        self.spans.iter().flat_map(move |&(start, end)| reader.mentions_in(&Sentence { start, end }))
    }
}

pub(super) fn draft(reader: &Reader, s: &Sentence, actors: &Actors, protagonist: Option<&Actor>) -> Option<Draft> {
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
    let mode = mode_of(reader, s);
    let mode_stated = mode != Mode::InPerson;
    Some(Draft { reports: vec![*s], actors: chosen, mode, mode_stated, later: announces_later(reader, s) })
}

/// Does the sentence announce a meeting later than one reported ("again", "next", "آینده")?
fn announces_later(reader: &Reader, s: &Sentence) -> bool {
    reader.has_phrase(s, Phrase::Planned) && reader.has_phrase(s, Phrase::Later)
}

/// A visitor who meets several officials of the host in one sentence meets
/// each separately; "met X, Y and Z separately" is one bilateral with each.
pub(super) fn split(d: Draft, separately: bool, protagonist: Option<&Actor>) -> Vec<Draft> {
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

impl<'a> Reader<'a> {
    /// An interview or press statement ("در گفتگو با اسپوتنیک", "told reporters"), not a meeting:
    /// an interview phrase, or a meeting phrase whose other side is a news outlet.
    pub(super) fn is_interview(&self, s: &Sentence) -> bool {
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
    pub(super) fn names_two_sides(&self, here: &[&Mention]) -> bool {
        let mut parties: Vec<PartyId> = here
            .iter()
            .filter_map(|m| match m.entity {
                Entity::Official(o) => Some(self.k.official(o).party),
                Entity::Demonym(p) | Entity::Country(p) => Some(p),
                _ => None,
            })
            .collect();
        order::sort(&mut parties);
        parties.dedup();
        parties.len() >= 2
    }

    /// Does a side start right at `from`: an official, a role, a rank or "counterpart",
    /// with states before it in English order ("his Omani counterpart")?
    pub(super) fn side_follows(&self, from: usize, end: usize) -> bool {
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

    /// "بحث X ... مع Y", "X discussed ... with Y": a verb of talks (or "separately"), then "with"
    /// right before an official, a role, a rank or "his counterpart".
    /// (A "with" after any verb of talks is after the one that ends first: the
    /// words after that one are read once.)
    pub(super) fn discussed_with(&self, s: &Sentence) -> bool {
        // ("Separately" with "with" is talks too: "عقد ... لقاءات منفصلة مع", "met separately with".)
        let Some(m) = self.mentions_in(s).filter(|m| matches!(m.entity, Entity::Phrase(Phrase::Discuss | Phrase::Separately))).min_by_key(|m| m.end) else { return false };
        let rest = &self.text[m.end..s.end];
        rest.match_indices([' ', '،', ','])
            .filter_map(|(i, sep)| {
                let word_start = m.end + i + sep.len();
                let word = self.text[word_start..s.end].split(' ').next()?;
                (word == "مع" || word.eq_ignore_ascii_case("with")).then_some(word_start + word.len())
            })
            .any(|after| self.side_follows(after, s.end))
    }
}

/// One side that meets three or more others (or calls two or more), in a sentence
/// that does not say they met together, meets each in turn: "met the foreign ministers of Iraq, Syria and
/// Qatar", "التقى سموه وزير الدفاع الكويتي ... والأفغاني ...", "با A، B و C
/// دیدار کرد", "A، B اور C سے ملاقاتیں کیں". They met together when the sentence
/// says so ("trilateral", "joint", "the three ministers": a `joint` phrase;
/// "together with"; a video summit), or when the sides are named side by side as
/// its subject ("the presidents of Russia, Iran and Turkey will meet"). The side
/// that meets each: the first the sentence names, or, where a pronoun or honorific
/// comes before any ("والتقى سموه A وB وC", "he met A, B and C"), `unstated`'s.
fn meets_each(reader: &Reader, s: &Sentence, d: &Draft, actors: &Actors, unstated: impl FnOnce() -> Option<Actor>) -> Option<Actor> {
    if d.mode == Mode::Video || reader.has_phrase(s, Phrase::Joint) || reader.has_phrase(s, Phrase::Together) {
        return None;
    }
    let here: Vec<&Actor> = actors.within(s.start, s.end).filter(|a| !a.attendee).collect();
    let first = here.iter().find(|a| a.strong())?;
    let pronoun_first = reader.mentions_in(&Sentence { start: s.start, end: first.start }).any(|m| m.entity == Entity::Phrase(Phrase::Pronoun));
    let parties = parties_of(&d.actors);
    if pronoun_first {
        // Every side named is met: two or more of them.
        return if parties.len() >= 2 { unstated() } else { None };
    }
    // Sides named side by side first are the subject together ("A, B and C met", "the
    // foreign ministers of A, B and C met": one role's list overlaps its first state's actor).
    let second = here.iter().find(|a| a.party != first.party);
    if second.is_some_and(|b| b.start < first.end || reader.gap_is_connector(first.end, b.start)) {
        return None;
    }
    // (Two others received in person are usually one delegation or a trilateral: "Assad
    // received Iran's chief of staff and Iraq's"; three or more, or calls, are met in turn.)
    let others = parties.iter().filter(|&&p| p != first.party).count();
    let in_turn = others >= MET_IN_TURN || (others >= 2 && d.mode == Mode::Phone);
    (in_turn && parties.contains(&first.party)).then(|| (*first).clone())
}

/// How many others one side meets in person before they are taken as met in turn, not together.
const MET_IN_TURN: usize = 3;

/// How the sentence says a meeting was held: by video, by phone, else in person.
fn mode_of(reader: &Reader, s: &Sentence) -> Mode {
    if reader.has_phrase(s, Phrase::Video) {
        Mode::Video
    } else if reader.has_phrase(s, Phrase::Phone) {
        Mode::Phone
    } else {
        Mode::InPerson
    }
}

/// A sentence whose sides are "the two leaders", "الوزيران", "دو طرف", "دونوں
/// رہنماؤں" (a `both` phrase) and that names no person or role of its own
/// reports a meeting of the sides of the meeting just before.
fn both_sides_again(reader: &Reader, s: &Sentence, actors: &Actors, earlier: &[Draft]) -> Option<Draft> {
    if !reader.has_phrase(s, Phrase::Both) || actors.within(s.start, s.end).any(|a| a.kind <= ActorKind::Role) {
        return None;
    }
    let last = earlier.last()?;
    let mode = mode_of(reader, s);
    Some(Draft { reports: vec![*s], actors: last.actors.clone(), mode, mode_stated: mode != Mode::InPerson, later: announces_later(reader, s) })
}

/// How many of the meetings just before a sentence its unstated subject is looked for in.
const SUBJECT_LOOKBACK: usize = 4;

/// The subject of a sentence that names no side before its meeting phrase: a
/// pronoun ("وی", "he", "انہوں نے") or a role without its state ("the prime
/// minister", "الرئيس", "رئیس‌جمهور"). A role is the person of one of the
/// meetings just before who holds it; a pronoun is the first side of the
/// meeting just before. None when the sentence states its subject.
fn unstated_subject(reader: &Reader, s: &Sentence, actors: &Actors, earlier: &[Draft], protagonist: Option<&Actor>) -> Option<Actor> {
    // (The subject comes before "separately" also where the verb comes first: "التقى X كلا على حدة".)
    let phrase = reader.mentions_in(s).find(|m| m.entity == Entity::Phrase(Phrase::Separately)).or_else(|| {
        reader.mentions_in(s).find(|m| matches!(m.entity, Entity::Phrase(Phrase::Meet | Phrase::Receive | Phrase::Phone | Phrase::Video)))
    })?;
    if actors.within(s.start, phrase.start).any(|a| a.strong()) {
        return None;
    }
    let role = bare_role(reader, s, phrase.start, actors);
    let recent = earlier.iter().rev().take(SUBJECT_LOOKBACK);
    let listed = parties_of(actors.within(s.start, s.end).filter(|a| a.start >= phrase.start));
    // (A role that the article's protagonist holds is the protagonist: "the president" in a
    // report of the president's trip, though his counterparts are presidents too.)
    let found = match role {
        Some(role) if protagonist.is_some_and(|p| holds(p, role) && earlier.iter().rev().take(SUBJECT_LOOKBACK).any(|d| d.actors.iter().any(|a| a.party == p.party))) => protagonist,
        Some(role) => recent.flat_map(|d| d.actors.iter()).find(|a| a.strong() && holds(a, role)),
        None => earlier.last().and_then(|d| d.actors.iter().find(|a| a.strong())),
    };
    found.filter(|a| !listed.contains(&a.party)).cloned()
}

/// How many actors before a sentence a role without its state is looked for among.
const ROLE_LOOKBACK: usize = 32;

/// How far (in folded bytes) a state may stand from a role and be its state ("Kazakhstan's Defence Minister", "الرئيس الروسي").
const ROLE_STATE_GAP: usize = 4;

/// The first role the sentence names without its state, not part of an actor
/// ("the king", "الملك", "رئیس‌جمهور"), before `end`.
fn bare_role(reader: &Reader, s: &Sentence, end: usize, actors: &Actors) -> Option<&'static str> {
    let here: Vec<&Mention> = reader.mentions_in(&Sentence { start: s.start, end }).collect();
    let state = |m: &&&Mention| matches!(m.entity, Entity::Country(_) | Entity::Demonym(_));
    // (`here` is in text order: the states beside a role are found by binary search.)
    let stated = |m: &Mention| {
        let first = here.partition_point(|n| n.end + ROLE_STATE_GAP < m.start);
        here[first..].iter().take_while(|n| n.start <= m.end + ROLE_STATE_GAP).filter(state).any(|n| n.end + ROLE_STATE_GAP >= m.start)
    };
    here.iter().find_map(|m| match m.entity {
        Entity::Role(r) if !actors.covering(m.start).any(|a| a.end > m.start) && !stated(m) => Some(reader.k.roles[r as usize].as_str()),
        _ => None,
    })
}

/// Does this actor hold this role (as written, or as the official's office)?
fn holds(a: &Actor, role: &str) -> bool {
    a.role == Some(role) || a.officials.iter().any(|&o| Knowledge::get().official(o).role == role)
}

/// "The king will meet President Trump": a role named without its state is the
/// person named before who holds it (among the last actors before the sentence),
/// when that person's state is not already a side of the sentence.
fn role_holder(reader: &Reader, s: &Sentence, actors: &Actors) -> Option<Actor> {
    let role = bare_role(reader, s, s.end, actors)?;
    let here = parties_of(actors.within(s.start, s.end).filter(|a| a.strong()));
    let before = actors.list.partition_point(|a| a.start < s.start);
    actors.list[..before].iter().rev().take(ROLE_LOOKBACK).find(|a| a.strong() && holds(a, role)).filter(|a| !here.contains(&a.party)).cloned()
}

/// The meeting drafts of the article, sentence by sentence. With no meeting
/// phrase anywhere but "the meeting" referred to, the first sentence naming
/// two sides (after the headline) reports it.
pub(super) fn drafts(reader: &Reader, sentences: &[Sentence], actors: &Actors) -> Vec<Draft> {
    // The protagonist: the strongest actor mentioned first (usually in the lead).
    let protagonist = actors.iter().filter(|a| a.strong()).min_by_key(|a| (a.kind.min(ActorKind::Role), a.start)).cloned();
    let mut drafts: Vec<Draft> = Vec::new();
    for s in sentences {
        let triggered = [Phrase::Meet, Phrase::Receive, Phrase::Phone, Phrase::Video].iter().any(|p| reader.has_phrase(s, *p)) || reader.discussed_with(s);
        // (A welcome at the airport on arrival is not a meeting: the talks are reported apart.)
        if !triggered || reader.is_interview(s) || reader.has_phrase(s, Phrase::Background) || reader.has_phrase(s, Phrase::Arrival) {
            continue;
        }
        // "The two leaders agreed to meet again", "الوزراء الثلاثة توافقوا على الالتقاء": the
        // sides of the meeting just before, when the sentence names no person of its own.
        if let Some(d) = both_sides_again(reader, s, actors, &drafts) {
            drafts.push(d);
            continue;
        }
        // A list met separately by a subject the sentence does not state ("he",
        // "the prime minister"): that subject is the one of the meetings before.
        let listed_separately = reader.has_phrase(s, Phrase::Separately) || actors.within(s.start, s.end).any(|a| a.separate);
        let subject = if listed_separately { unstated_subject(reader, s, actors, &drafts, protagonist.as_ref()) } else { role_holder(reader, s, actors) };
        let own = subject.as_ref().or(protagonist.as_ref());
        if let Some(d) = draft(reader, s, actors, own) {
            let separately = reader.has_phrase(s, Phrase::Separately) || d.actors.iter().any(|a| a.separate);
            // One side meeting several others without "together": each in turn.
            let unstated = || unstated_subject(reader, s, actors, &drafts, protagonist.as_ref()).or_else(|| protagonist.clone());
            let each_subject = if separately { None } else { meets_each(reader, s, &d, actors, unstated) };
            let (separately, own) = match &each_subject {
                Some(a) => (true, Some(a)),
                None => (separately, own),
            };
            // (More parties than a meeting has: an assembly of states, not a meeting.)
            drafts.extend(split(d, separately, own).into_iter().filter(|d| parties_of(&d.actors).len() <= MAX_PARTIES));
        }
    }
    if drafts.is_empty() && sentences.iter().any(|s| reader.has_phrase(s, Phrase::Anaphor)) {
        let two_sides = |s: &Sentence| draft(reader, s, actors, None).filter(|d| parties_of(d.actors.iter().filter(|a| a.strong())).len() >= 2);
        let body = sentences.iter().skip_while(|s| is_headline(reader.text, s)).find_map(two_sides);
        if let Some(d) = body.or_else(|| sentences.iter().find_map(two_sides)) {
            drafts.push(d);
        }
    }
    drafts
}
