//! Stage: the meeting's date. The date a sentence gives (explicit, relative to
//! the day of writing, a weekday), the day of writing itself (the lead's
//! date; a yearless dateline's year from the officials' terms and the weekday),
//! and the dates an occasion's edition gives.

use super::actors::Actor;
use super::dates::{self, DateMention};
use super::frames::Reports;
use super::reader::Reader;
use crate::knowledge::{Edition, Entity, Mention, Phrase, Relative};
use crate::model::calendar::Ymd;
use crate::model::{Interval, Meeting, PartialDate, Status};
use crate::text::Sentence;

/// With no publication date, the lead's date when the lead says it is today:
/// "استقبل ... مساء الاثنين 13 كانون الثاني 2025" (a Monday), "today, 3 May 2025".
pub(super) fn lead_day(reader: &Reader, dates: &[DateMention], sentences: &[Sentence]) -> Option<Ymd> {
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
pub(super) fn yearless_publication(reader: &Reader, dates: &[DateMention], actors: &[Actor]) -> Option<Ymd> {
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

/// The time relative to publication a sentence gives: its most specific
/// relative phrase ("بعد غد" rather than the "غد" within it), and one other
/// than "today" if there is one ("announced today that he will meet tomorrow").
pub(super) fn relative_in<'m>(reader: &'m Reader, s: &Sentence) -> Option<(&'m Mention, Relative)> {
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
pub(super) fn relative_date(p: Ymd, r: Relative) -> Option<PartialDate> {
    let (first, last) = match r {
        Relative::Days(a, b) => (p.add_days(a.into())?, p.add_days(b.into())?),
        Relative::Month(n) => {
            let months = i64::from(p.year) * 12 + i64::from(p.month) - 1 + i64::from(n);
            let year = i32::try_from(months.div_euclid(12)).ok()?;
            let month = u8::try_from(months.rem_euclid(12) + 1).ok()?;
            return Some(PartialDate::month(year, month));
        }
    };
    Interval::between(first, last).as_date()
}

/// The date the sentence gives: an explicit date, or a relative time read against the day it is written on.
pub(super) fn sentence_date(reader: &Reader, s: &Sentence, dates: &[DateMention], status: Status) -> Option<PartialDate> {
    let published = reader.today;
    let here = || reader.mentions_in(s);
    let relative = relative_in(reader, s);
    // "CAIRO, 3 March 2023 – ... will receive tomorrow": the dateline's date is
    // what "tomorrow" is read against, not the meeting's date.
    let shifted = relative.is_some_and(|(_, r)| r != Relative::Days(0, 0)) || here().any(|m| matches!(m.entity, Entity::Weekday(_)));
    let explicit = dates::within(dates, s.start, s.end).find(|d| d.date.day.is_some() && !(dates::opens_line(reader.text, d) && shifted));
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
    // "in March 2023", "في أبريل 2023", "ژوئیه ۲۰۲۲", "جولائی 2021": a month with its year, when nothing gives the day.
    let month = || dates::within(dates, s.start, s.end).find(|d| !d.yearless && d.date.day.is_none() && d.date.month.is_some()).map(|d| d.date);
    let Some(p) = published else { return month() };
    if let Some((_, r)) = relative {
        return relative_date(p, r);
    }
    // Of several weekdays, the one in the meeting phrase's clause (between commas), else
    // the nearest it: "که چهارشنبه ... ترک کرد، در روز دوم سفر (پنجشنبه) ... دیدار کرد",
    // "Qureshi, who left for Bishkek on Wednesday, met Wang Yi on Thursday": the Thursday.
    let phrases: Vec<usize> = here().filter(|m| matches!(m.entity, Entity::Phrase(Phrase::Meet | Phrase::Receive | Phrase::Phone | Phrase::Video | Phrase::Discuss | Phrase::Separately))).map(|m| m.start).collect();
    // (The commas are read only where there is a choice of weekdays.)
    let several = here().filter(|m| matches!(m.entity, Entity::Weekday(_))).nth(1).is_some();
    let commas: Vec<usize> = if several { reader.text[s.start..s.end].match_indices([',', '،']).map(|(i, _)| s.start + i).collect() } else { Vec::new() };
    let clause = |at: usize| commas.partition_point(|&c| c < at);
    let key = |m: &Mention| {
        let nearest = phrases.iter().min_by_key(|&&t| t.abs_diff(m.start));
        nearest.map_or((true, 0), |&t| (clause(t) != clause(m.start), t.abs_diff(m.start)))
    };
    let weekday = here().filter(|m| matches!(m.entity, Entity::Weekday(_))).min_by_key(|m| key(m));
    match weekday.map(|m| m.entity) {
        Some(Entity::Weekday(w)) => nearest(p, w),
        _ => month(),
    }
}

/// Is the day within the edition's dates?
pub(super) fn edition_contains(ed: &Edition, day: &PartialDate) -> bool {
    match (ed.start, ed.end.or(ed.start)) {
        (Some(s), Some(e)) => day.first_day() >= s.first_day() && day.last_day() <= e.last_day(),
        _ => false,
    }
}

/// The one day of the edition that falls on this weekday (1 = Monday), if exactly one does.
pub(super) fn weekday_within(ed: &Edition, weekday: u8) -> Option<PartialDate> {
    let (s, e) = (ed.start?, ed.end.or(ed.start)?);
    let (s, e) = (Ymd::new(s.year, s.month?, s.day?)?, Ymd::new(e.year, e.month?, e.day?)?);
    let days: Vec<Ymd> = (0..=e.days_since(s).clamp(0, 31)).filter_map(|n| s.add_days(n)).filter(|d| d.weekday() == weekday).collect();
    match days.as_slice() {
        [d] => Some(PartialDate::day(d.year, d.month, d.day)),
        _ => None,
    }
}

/// The date an occasion's edition gives: its day, or its month, or its year.
pub(super) fn edition_date(ed: &Edition) -> Option<PartialDate> {
    let (s, e) = (ed.start?, ed.end.or(ed.start)?);
    Some(if s == e {
        s
    } else if s.month == e.month {
        PartialDate { day: None, ..s }
    } else {
        PartialDate { year: s.year, month: None, day: None }
    })
}

/// "The meeting took place on 2 September 2024", "این دیدار روز چهارشنبه ...
/// انجام شد": a later sentence of its passage that refers back to a meeting
/// dates it, when its reports do not.
pub(super) fn date_from_later_reference(m: &mut Meeting, reader: &Reader, sentences: &[Sentence], dates: &[DateMention], reports: &Reports, passage: (usize, usize)) {
    if m.date_in_text.is_some() {
        return;
    }
    let (first, passage_end) = passage;
    let later = sentences[sentences.partition_point(|s| s.start <= first)..]
        .iter()
        .take_while(|s| s.end <= passage_end)
        .filter(|s| !reports.contains(s.start, s.end) && reader.has_phrase(s, Phrase::Anaphor))
        .find_map(|s| sentence_date(reader, s, dates, m.status));
    if let Some(date) = later {
        date_from_text(m, date, "a later sentence about the meeting dates it");
    }
}

/// The meeting took place on `date`, which the text gives outside its reports (`note`
/// says where): its date, read from the text, and a reason narrowing its interval.
pub(super) fn date_from_text(m: &mut Meeting, date: PartialDate, note: &str) {
    m.date = Some(date.to_string());
    m.date_in_text = m.date.clone();
    m.date_precision = Some(date.precision().to_string());
    m.date_source = Some("text".into());
    super::dating::narrow_to_date(m, "text", note);
}

/// How many sentences from the top (headline and dateline included) the lead is looked for in.
const LEAD_SENTENCES: usize = 4;

/// The day the article's lead gives its held meetings: "عقد ولي العهد أمس في
/// الرياض سلسلة من اللقاءات الثنائية", "held talks on Sunday with ...", "روز
/// یکشنبه ... دیدار کرد". News writes the day once, in the lead; the meetings the
/// body goes on to report without a day of their own ("ثم التقى ...", "He also
/// met ...") were held on it. The lead is the first sentence below the headline
/// that gives a day and speaks of meeting (a meeting, a reception, a visit, the
/// sidelines of an occasion).
pub(super) fn lead_day_of_meetings(reader: &Reader, sentences: &[Sentence], dates: &[DateMention], headline: Option<Sentence>) -> Option<PartialDate> {
    let meeting_words = |s: &Sentence| {
        reader.mentions_in(s).any(|m| matches!(m.entity, Entity::Phrase(Phrase::Meet | Phrase::Receive | Phrase::Discuss | Phrase::Sidelines | Phrase::Visit)))
    };
    sentences
        .iter()
        .take(LEAD_SENTENCES)
        .filter(|s| headline.is_none_or(|h| h.start != s.start))
        .find_map(|s| sentence_date(reader, s, dates, Status::Held).filter(|d| d.day.is_some() && meeting_words(s)))
}
