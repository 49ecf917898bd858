//! Stage: the days a meeting can have been held on, reasoned as an analyst
//! does. Each piece of evidence is a [`Bound`]: a date the report gives, the
//! day of writing (a held meeting was on or before it), each named
//! participant's term of office, the datable events the article mentions
//! (after them; before those it looks "ahead" to), the occasion's edition.
//! Firm bounds are intersected in order of trust, each set aside if it
//! contradicts those before; then the likely ones (within a year of the latest
//! event mentioned; within six months of a participant's taking office when
//! the article says it is a first visit) where they leave a day. The result is
//! the meeting's [`Interval`] and the reasons that narrowed it.

use super::dates::{self, DateMention};
use super::meeting::evidence;
use super::reader::Reader;
use crate::knowledge::{Edition, Entity, Mention, Phrase};
use crate::model::calendar::Ymd;
use crate::model::{DateReason, Interval, Meeting, PartialDate, Status};
use crate::text::{Folded, Sentence};

/// How far before a landmark "ahead of" may stand (folded bytes).
const AHEAD_REACH: usize = 40;
/// An article names the latest event it mentions within this many days of it.
const RECENT_DAYS: i64 = 365;
/// "First visit since taking office": within this many days of the start.
const NEWLY_DAYS: i64 = 183;

/// One piece of evidence about when the meeting was held.
#[derive(Debug, Clone)]
pub(super) struct Bound {
    pub(super) kind: &'static str,
    pub(super) interval: Interval,
    /// Firm bounds are facts; the others are likely and yield to them.
    pub(super) firm: bool,
    pub(super) note: String,
    /// The words that gave it (folded byte offsets).
    pub(super) words: Option<(usize, usize)>,
}

/// The bounds applied so far: the firm interval, the likely one within it,
/// and the bounds that narrowed them.
#[derive(Debug, Clone, Default)]
pub(super) struct Dating {
    pub(super) firm: Interval,
    pub(super) likely: Interval,
    pub(super) reasons: Vec<Bound>,
}

impl Dating {
    /// Apply the bounds: firm ones in their order (each set aside if it leaves
    /// no day), then the likely ones where they leave a day.
    pub(super) fn of(bounds: Vec<Bound>) -> Dating {
        let mut dating = Dating::default();
        let (firm, likely): (Vec<Bound>, Vec<Bound>) = bounds.into_iter().partition(|b| b.firm);
        for b in firm.into_iter().chain(likely) {
            dating.apply(b);
        }
        dating
    }

    /// Narrow by one bound, if it leaves a day and says something new.
    pub(super) fn apply(&mut self, b: Bound) {
        let Some(likely) = self.likely.meet(&b.interval) else { return };
        if b.firm {
            let Some(firm) = self.firm.meet(&b.interval) else { return };
            self.firm = firm;
        }
        if likely != self.likely {
            self.likely = likely;
            self.reasons.push(b);
        }
    }

    /// Was anything known?
    pub(super) fn is_bounded(&self) -> bool {
        self.likely != Interval::ALWAYS
    }
}

fn ymd(d: &PartialDate, last: bool) -> Option<Ymd> {
    let i = Interval::of(d)?;
    if last { i.to } else { i.from }
}

/// The bounds of the text and the knowledge, strongest first. `said`: the
/// date the meeting's reports give and the sentence that gives it;
/// `officials`: each named participant's official and where the name stands.
pub(super) fn bounds(reader: &Reader, dates: &[DateMention], status: Status, said: Option<(PartialDate, &Sentence)>, officials: &[(u16, usize, usize)]) -> Vec<Bound> {
    let k = reader.k;
    let mut out = Vec::new();
    if let Some((date, s)) = said {
        if let Some(interval) = Interval::of(&date) {
            let words = dates::within(dates, s.start, s.end).next().map_or((s.start, s.end), |d| (d.start, d.end));
            out.push(Bound { kind: "text", interval, firm: true, note: format!("the report's date, {date}"), words: Some(words) });
        }
    }
    if let Some(day) = reader.today {
        let written = PartialDate::day(day.year, day.month, day.day);
        let words = reader.today_words(dates);
        let (interval, note) = match status {
            Status::Held => (Interval { from: None, to: Some(day) }, format!("written on {written}: held by then")),
            Status::Planned => (Interval { from: Some(day), to: None }, format!("written on {written}: still to come")),
        };
        out.push(Bound { kind: "published", interval, firm: true, note, words });
    }
    for &(o, start, end) in officials {
        let off = k.official(o);
        let interval = Interval { from: off.from.and_then(|d| ymd(&d, false)), to: off.to.and_then(|d| ymd(&d, true)) };
        if interval != Interval::ALWAYS {
            let term = format!("{}–{}", off.from.map(|d| d.to_string()).unwrap_or_default(), off.to.map(|d| d.to_string()).unwrap_or_default());
            let note = format!("{}, {} of {}, {term}", off.name, off.role, k.party(off.party));
            out.push(Bound { kind: "office", interval, firm: true, note, words: Some((start, end)) });
        }
    }
    let landmarks = reader.landmarks();
    for &(m, ahead) in &landmarks.first {
        let Entity::Landmark(l) = m.entity else { continue };
        let l = &k.landmarks[l as usize];
        let (interval, kind, note) = if ahead {
            (Interval { from: None, to: ymd(&l.date, false) }, "ahead", format!("ahead of {} ({})", l.name, l.date))
        } else {
            (Interval { from: ymd(&l.date, false), to: None }, "event", format!("after {} ({})", l.name, l.date))
        };
        out.push(Bound { kind, interval, firm: true, note, words: Some((m.start, m.end)) });
    }
    // The latest event mentioned as past is recent news.
    let latest = landmarks.latest.and_then(|m| match m.entity {
        Entity::Landmark(l) => Some((m, &k.landmarks[l as usize])),
        _ => None,
    });
    if let Some((m, l)) = latest {
        let end = ymd(&l.end.unwrap_or(l.date), true);
        if let (Some(from), Some(to)) = (ymd(&l.date, false), end.and_then(|e| e.add_days(RECENT_DAYS))) {
            out.push(Bound { kind: "recent", interval: Interval::between(from, to), firm: false, note: format!("{} is recent news (within a year)", l.name), words: Some((m.start, m.end)) });
        }
    }
    // "First foreign visit since taking office": the participant who took office last.
    if let Some(phrase) = reader.newly() {
        let newest = officials.iter().filter_map(|&(o, ..)| k.official(o).from.map(|f| (o, f))).max_by_key(|(_, f)| f.first_day());
        if let Some((o, from)) = newest {
            if let Some(start) = ymd(&from, false) {
                let to = start.add_days(NEWLY_DAYS);
                let note = format!("{} took office on {from}: a first visit comes within months", k.official(o).name);
                out.push(Bound { kind: "newly", interval: Interval { from: Some(start), to }, firm: false, note, words: Some((phrase.start, phrase.end)) });
            }
        }
    }
    out
}

/// The days of an occasion's edition, when its data give them.
pub(super) fn edition_days(ed: &Edition) -> Option<Interval> {
    Some(Interval::between(ymd(&ed.start?, false)?, ymd(&ed.end.or(ed.start)?, true)?))
}

/// The days of an occasion's edition, as a bound.
pub(super) fn edition_bound(ed: &Edition, name: &str, words: Option<(usize, usize)>) -> Option<Bound> {
    let interval = edition_days(ed)?;
    Some(Bound { kind: "occasion", interval, firm: true, note: format!("{name}, {interval}"), words })
}

/// Narrow the interval to the date a later stage set (a later sentence, a
/// sibling meeting of the same visit or occasion).
pub(super) fn narrow_to_date(m: &mut Meeting, kind: &str, note: &str) {
    let Some(interval) = m.date.as_deref().and_then(PartialDate::parse).and_then(|d| Interval::of(&d)) else { return };
    let current = m.date_interval.unwrap_or(Interval::ALWAYS);
    if let Some(narrowed) = current.meet(&interval).filter(|n| *n != current) {
        m.date_interval = Some(narrowed);
        m.date_reasons.push(DateReason { kind: kind.into(), interval, note: note.into(), words: None });
    }
}

/// The meeting's interval and reasons, and a date where it had none and the
/// interval amounts to one (a month, a year).
pub(super) fn settle(m: &mut Meeting, dating: &Dating, folded: &Folded, original: &str) {
    if !dating.is_bounded() {
        return;
    }
    m.date_interval = Some(dating.likely);
    m.date_reasons = dating
        .reasons
        .iter()
        .map(|b| DateReason {
            kind: b.kind.into(),
            interval: b.interval,
            note: b.note.clone(),
            words: b.words.map(|(s, e)| evidence(folded, original, s, e)),
        })
        .collect();
}

/// A meeting the text and refiners left undated takes the date its interval amounts to.
pub(super) fn date_from_interval(m: &mut Meeting) {
    if m.date.is_some() {
        return;
    }
    if let Some(date) = m.date_interval.and_then(|i| i.as_date()) {
        m.date = Some(date.to_string());
        m.date_precision = Some(date.precision().to_string());
        m.date_source = Some("interval".into());
    }
}

/// The datable events an article mentions, read once per article.
#[derive(Debug, Default)]
pub(super) struct Landmarks {
    /// The first mention of each event, as past or looked ahead to, in text
    /// order (a later mention of the same bounds nothing more).
    pub(super) first: Vec<(Mention, bool)>,
    /// The latest event mentioned as past (its last mention, if several).
    pub(super) latest: Option<Mention>,
}

impl Reader<'_> {
    /// The datable events the article mentions ([`Landmarks`]), each with
    /// whether "ahead of" stands right before it.
    pub(super) fn landmarks(&self) -> &Landmarks {
        self.landmarks.get_or_init(|| {
            let k = self.k;
            let mut all = Vec::new();
            for m in self.mentions.iter().filter(|m| matches!(m.entity, Entity::Landmark(_))) {
                let is_ahead = |p: &Mention| p.entity == Entity::Phrase(Phrase::Ahead);
                let before = self.starting_in(m.start.saturating_sub(AHEAD_REACH + self.longest), m.start).any(|p| is_ahead(p) && p.end <= m.start && m.start - p.end <= AHEAD_REACH);
                // Urdu's postposition follows the name: "... توسیع سے قبل".
                let after = self.lang == "ur" && self.starting_in(m.end, m.end + 2).any(is_ahead);
                all.push((*m, before || after));
            }
            let last_day = |m: &Mention| match m.entity {
                Entity::Landmark(l) => k.landmarks[l as usize].end.unwrap_or(k.landmarks[l as usize].date).last_day(),
                _ => (0, 0, 0),
            };
            let latest = all.iter().filter(|(_, ahead)| !ahead).map(|(m, _)| m).max_by_key(|m| last_day(m)).copied();
            let mut seen = rustc_hash::FxHashSet::default();
            all.retain(|(m, ahead)| seen.insert((m.entity, *ahead)));
            Landmarks { first: all, latest }
        })
    }

    /// The article's first "first visit since taking office", if any.
    pub(super) fn newly(&self) -> Option<Mention> {
        *self.newly.get_or_init(|| self.mentions.iter().find(|m| m.entity == Entity::Phrase(Phrase::Newly)).copied())
    }

    /// Where the day of writing stands in the text, if a date written there is it.
    fn today_words(&self, dates: &[DateMention]) -> Option<(usize, usize)> {
        *self.today_words.get_or_init(|| {
            let day = self.today?;
            let written = PartialDate::day(day.year, day.month, day.day);
            dates.iter().find(|d| d.date == written).map(|d| (d.start, d.end))
        })
    }
}
