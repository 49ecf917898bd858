//! A draft made a [`Meeting`]: its evidence (the report naming fewest other
//! states), status, date, participants, occasion and place, each from its stage.

use crate::model::order;
use super::actors::{Actor, ActorKind, Actors, parties_of};
use super::date::{edition_contains, edition_date, relative_in, sentence_date, weekday_within};
use super::dating::{Bound, Dating, bounds, edition_bound, settle};
use super::dates::DateMention;
use super::frames::{Draft, Reports};
use super::occasion::occasion;
use super::participants::{choose_official, roles_agree};
use super::place::location;
use super::reader::{MAX_CONNECTOR_GAP, Reader};
use crate::knowledge::romanise::{Style, romanise};
use crate::knowledge::{Entity, Mention, PartyId, Phrase};
use crate::model::{Evidence, Interval, Meeting, Mode, Participant, PartialDate, Status};
use crate::text::{self, Folded, Sentence};

/// A name the knowledge lacks, as (`name`, `name_in_text`): written in Arabic
/// script, its English spelling and the text's own (found near the actor that
/// names it, as the original writes it); in Latin script, the text's.
pub(super) fn written(reader: &Reader, folded: &Folded, original: &str, a: &Actor, name: &str) -> (Option<String>, Option<String>) {
    let Some(english) = romanise(name, Style::of_lang(reader.lang)) else { return (Some(name.to_string()), None) };
    // (The name follows the role or a rank after it, or ends a connector's gap before it.)
    let from = text::floor_boundary(reader.text, a.start.saturating_sub(name.len() + MAX_CONNECTOR_GAP));
    let to = text::floor_boundary(reader.text, a.end + name.len() + 2 * MAX_CONNECTOR_GAP);
    let own = reader.text[from..to].find(name).map(|at| {
        let (s, e) = folded.span(from + at, from + at + name.len());
        text::char_slice(original, s, e).to_string()
    });
    (Some(english), Some(own.unwrap_or_else(|| name.to_string())))
}

#[allow(clippy::too_many_arguments)]
pub(super) fn finish(
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
    // from the body rather than the headline; among those, the one naming fewest other
    // states even in passing ("met leaders from Malta, Bhutan and Kenya" before "In his
    // meeting with Bhutan's foreign minister").
    let own = parties_of(&d.actors);
    let others_named = |s: &Sentence, strong: bool| {
        let mut p: Vec<PartyId> = actors.within(s.start, s.end).filter(|a| (a.strong() || !strong) && !own.contains(&a.party)).map(|a| a.party).collect();
        order::sort(&mut p);
        p.dedup();
        p.len()
    };
    let evidence_sentence = d.reports.iter().min_by_key(|s| (others_named(s, true), Some(**s) == headline, others_named(s, false), s.start)).unwrap_or(&d.reports[0]);
    // Held or planned as the evidence says (a headline "will meet" may precede "met").
    let status = if reader.has_phrase(evidence_sentence, Phrase::Planned) { Status::Planned } else { Status::Held };
    let said = d.reports.iter().find_map(|s| sentence_date(reader, s, dates, status).map(|date| (date, s)));
    let date_in_text = said.map(|(date, _)| date);
    let reference = date_in_text.or_else(|| reader.published.map(|p| PartialDate::day(p.year, p.month, p.day)));

    // Participants, with shared names resolved by the date.
    let mut participants: Vec<Participant> = Vec::new();
    // The officials named, and where: their terms bound the date.
    let mut named: Vec<(u16, usize, usize)> = Vec::new();
    let role_of_side = d.actors.iter().find_map(|a| a.role.or_else(|| a.officials.first().map(|&o| k.official(o).role.as_str())));
    for a in &d.actors {
        let official = choose_official(k, &a.officials, reference, actors, role_of_side);
        if let Some(o) = official {
            named.push((o, a.start, a.end));
        }
        let (name, role) = match official {
            Some(o) => (Some(k.official(o).name.clone()), a.role.or(Some(k.official(o).role.as_str()))),
            None => (a.written_name.as_deref().map(String::from), a.role.or(if a.kind == ActorKind::Counterpart { role_of_side } else { None })),
        };
        let role = role.map(String::from);
        let (name, name_in_text) = match (official, name) {
            (None, Some(n)) => written(reader, folded, original, a, &n),
            (_, n) => (n, None),
        };
        let p = Participant { party: k.party(a.party).to_string(), name, role, name_in_text, ..Default::default() };
        if !participants.iter().any(|x| x.party == p.party && x.name == p.name && (x.name.is_some() || x.role == p.role)) {
            participants.push(p);
        }
    }
    // An unnamed participant ("his Kazakh counterpart") is the one person of that
    // side and role the article names elsewhere, if there is exactly one.
    for p in participants.iter_mut().filter(|p| p.name.is_none()) {
        let mut people_named: Vec<(String, Option<String>, Option<(u16, usize, usize)>, Option<String>)> = Vec::new();
        // (Actors alike give the same name and role: each kind is read once. Two names
        // already decide that the side's person is not known.)
        let party = k.party_id(&p.party);
        let people = party.and_then(|q| actors.cast(k).people.get(&q)).map_or(&[][..], Vec::as_slice);
        for a in people.iter().map(|&i| &actors[i]) {
            if people_named.len() >= 2 {
                break;
            }
            let official = choose_official(k, &a.officials, reference, actors, p.role.as_deref());
            let (name, role) = match official {
                Some(o) => (Some(k.official(o).name.clone()), a.role.or(Some(k.official(o).role.as_str())).map(String::from)),
                None => (a.written_name.as_deref().map(String::from), a.role.map(String::from)),
            };
            let Some(name) = name else { continue };
            let (name, name_in_text) = match official {
                None => written(reader, folded, original, a, &name),
                Some(_) => (Some(name), None),
            };
            let Some(name) = name else { continue };
            let compatible = match (&p.role, &role) {
                (Some(x), Some(y)) => roles_agree(x, y),
                _ => true,
            };
            if compatible && !people_named.iter().any(|(n, ..)| *n == name) {
                people_named.push((name, role, official.map(|o| (o, a.start, a.end)), name_in_text));
            }
        }
        if let [(name, role, official, name_in_text)] = people_named.as_slice() {
            named.extend(official);
            p.name = Some(name.clone());
            p.name_in_text = name_in_text.clone();
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

    let mut dating = Dating::of(bounds(reader, dates, status, said, &named));
    let occasion = occasion(reader, reports, d, reference, &dating);
    if let Some(b) = occasion.as_ref().and_then(|o| edition_bound(o.edition.as_ref()?, &o.name, Some(o.words))) {
        dating.apply(b);
    }
    let published = reader.published.map(|p| PartialDate::day(p.year, p.month, p.day));
    let edition = occasion.as_ref().and_then(|o| o.edition.as_ref());
    // "today, Sunday" at a forum whose edition had one Sunday: that day.
    let weekday_of = |m: &Mention| if let Entity::Weekday(w) = m.entity { Some(w) } else { None };
    // The report's weekday, else the article's first (the day of the lead).
    let weekday = reports.mentions(reader).find(|m| weekday_of(m).is_some()).or_else(|| reader.first_weekday.get_or_init(|| reader.mentions.iter().find(|m| weekday_of(m).is_some()).copied()).as_ref());
    let edition_day = edition.zip(weekday.and_then(weekday_of)).and_then(|(ed, w)| weekday_within(ed, w));
    // The text's own date; else the publication day when it falls within the
    // occasion (or there is no occasion): news reports a meeting the day it happens;
    // else the occasion's dates.
    let (date, source) = match (date_in_text, edition, published) {
        (Some(t), _, _) => (Some(t), Some("text")),
        (None, Some(ed), Some(p)) if edition_contains(ed, &p) => (Some(p), Some("publication")),
        (None, Some(_), _) if edition_day.is_some() => {
            if let (Some(day), Some(w)) = (edition_day, weekday) {
                let note = format!("the one day of the occasion that fell on the weekday the article gives, {day}");
                dating.apply(Bound { kind: "weekday", interval: Interval::of(&day).unwrap_or_default(), firm: true, note, words: Some((w.start, w.end)) });
            }
            (edition_day, Some("occasion"))
        }
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
    order::sort(&mut parties);
    let mut meeting = Meeting {
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
        evidence: evidence(folded, original, evidence_sentence.start, evidence_sentence.end),
        date_interval: None,
        date_reasons: Vec::new(),
    };
    settle(&mut meeting, &dating, folded, original);
    meeting
}

/// The words of the folded span `start..end` as the original text has them
/// (character offsets into it).
pub(super) fn evidence(folded: &Folded, original: &str, start: usize, end: usize) -> Evidence {
    let (s, e) = folded.span(start, end);
    Evidence { start: s, end: e, text: text::char_slice(original, s, e).to_string() }
}
