//! Stage: the occasion. The event a meeting was held at (named in its report,
//! or placed by the article: "على هامش ..."), and which edition: a year or an
//! ordinal written with it, the date, or the one edition every named official
//! was in office for.

use super::dating::{Dating, edition_days};
use super::frames::{Draft, Reports};
use super::reader::Reader;
use crate::knowledge::occasions;
use crate::knowledge::{Edition, Entity, Mention, Phrase};
use crate::model::calendar::Ymd;
use crate::model::{Interval, Mode, PartialDate};
use crate::text::{self, Sentence};

/// How far (folded bytes) after an event a trip is for the sentence's meeting phrase is looked for.
const ATTEND_REACH: usize = 400;

/// The event a meeting was held on the sidelines of.
pub(super) struct Occasion {
    /// Canonical English name, with the edition's year or number when known.
    pub(super) name: String,
    pub(super) event: u16,
    pub(super) edition: Option<Edition>,
    /// Where the text names it (folded byte offsets).
    pub(super) words: (usize, usize),
}

/// The occasion: an event named in the sentence, or one the article says the visit was for.
pub(super) fn occasion(reader: &Reader, reports: &Reports, d: &Draft, reference: Option<PartialDate>, dating: &Dating) -> Option<Occasion> {
    let k = reader.k;
    let in_sentence = reports.mentions(reader).find(|m| matches!(m.entity, Entity::Event(_))).copied();
    let mention = in_sentence.or_else(|| {
        if d.mode != Mode::InPerson {
            return None;
        }
        // An event the article places the meetings at ("على هامش ...", in a headline or lead).
        let placed = *reader.placed_event.get_or_init(|| {
            let phrase_before = |m: &Mention, phrase: Phrase| {
                (reader.starting_in(m.start.saturating_sub(40 + reader.longest), m.start + 1))
                    .any(|p| p.entity == Entity::Phrase(phrase) && p.end <= m.start && m.start - p.end <= 40)
            };
            // ("To attend" places the meetings at the event when a meeting is reported in the
            // same sentence: "who came to New York to attend the General Assembly met ...";
            // not "left Astana for Dushanbe to attend the summit", "invited him to attend".)
            let meeting_follows = |m: &Mention| {
                let end = text::floor_boundary(reader.text, m.end + ATTEND_REACH);
                let end = reader.text[m.end..end].find(['.', '\n', '؟', '!']).map_or(end, |i| m.end + i);
                reader.starting_in(m.end, end).any(|p| matches!(p.entity, Entity::Phrase(Phrase::Meet | Phrase::Receive | Phrase::Discuss)) && p.end <= end)
            };
            reader.events().iter().find(|m| phrase_before(m, Phrase::Sidelines) || (phrase_before(m, Phrase::Attend) && meeting_follows(m))).copied()
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
        // The one edition the evidence leaves (the officials' terms, the events
        // the article mentions), among those its firm bounds allow, else among
        // the likely ones.
        let within = |i: &Interval| editions.iter().filter(|ed| edition_days(ed).is_some_and(|e| e.overlaps(i))).collect::<Vec<_>>();
        let firm = within(&dating.firm);
        match firm.as_slice() {
            _ if !dating.is_bounded() => None,
            [one] => Some(*one),
            [] => None,
            _ => match within(&dating.likely).as_slice() {
                [one] => Some(*one),
                _ => None,
            },
        }
    }
    .map(|ed| (*ed).clone());
    let name = occasions::name(k, event, edition.as_ref());
    Some(Occasion { name, event: e, edition, words: (mention.start, mention.end) })
}
