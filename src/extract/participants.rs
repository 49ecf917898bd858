//! Stage: participants. Which office term a matched name stands for (the one in
//! office on the meeting's date, the role the article gives, the counterpart's
//! office, the others' terms), and who an unnamed side is (the one person of that
//! side the article names, or the one holder of the office on the date).

use super::actors::{Actor, Actors};
use super::frames::Draft;
use crate::knowledge::{Knowledge, PartyId};
use crate::model::calendar::Ymd;
use crate::model::PartialDate;

/// A name key for telling people apart.
pub(super) fn person_key<'a>(k: &'a Knowledge, a: &'a Actor) -> Option<&'a str> {
    a.officials.first().map(|&o| k.official(o).name.as_str()).or(a.written_name.as_deref())
}

/// The names of a draft's people of one side.
pub(super) fn names_of<'a>(k: &'a Knowledge, d: &'a Draft, p: PartyId) -> Vec<&'a str> {
    d.actors.iter().filter(|a| a.party == p).filter_map(|a| person_key(k, a)).collect()
}

/// Two roles name the same office, or one is the generic "minister" of the other.
pub(super) fn roles_agree(a: &str, b: &str) -> bool {
    a == b || (a == "minister" && b.ends_with("minister")) || (b == "minister" && a.ends_with("minister"))
}

/// A term of office as days `[first, last]` (an open term ends with the knowledge's
/// [`known_until`](Knowledge::known_until)).
pub(super) fn term_days(k: &Knowledge, o: u16) -> (i64, i64) {
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
pub(super) fn choose_official(k: &Knowledge, candidates: &[u16], reference: Option<PartialDate>, actors: &Actors, side_role: Option<&str>) -> Option<u16> {
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
