//! Dates written in a text: Gregorian, Solar Hijri (Jalali) and lunar Hijri
//! month names with day and year numbers, numeric dates, and the
//! publication date line.

use crate::model::order;
use crate::model::calendar::{from_hijri, from_jalali, Ymd};
use crate::knowledge::{Calendar, Entity, Mention, Phrase};
use crate::model::PartialDate;

/// A date written in the (folded) text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    /// Folded byte offsets of the whole expression.
    pub start: usize,
    pub end: usize,
    /// Gregorian date; `year` 0 when the text gives no year (to be filled from context).
    pub date: PartialDate,
    /// The text gave no year.
    pub yearless: bool,
}

/// The endings of English ordinal numbers written in digits ("1st", "22nd", "3rd", "17th").
const ORDINAL_SUFFIXES: [&str; 4] = ["st", "nd", "rd", "th"];

fn digits_before(text: &str, pos: usize) -> Option<(usize, u32, usize)> {
    let before = text[..pos].trim_end_matches(' ');
    // An English ordinal day: "17th June".
    let before = ORDINAL_SUFFIXES.iter().find_map(|x| before.strip_suffix(x).filter(|b| b.ends_with(|c: char| c.is_ascii_digit()))).unwrap_or(before);
    let digits: String = before.chars().rev().take_while(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() || digits.len() > 4 {
        return None;
    }
    let start = before.len() - digits.len();
    // A number glued to letters ("x12") is not a free-standing number.
    if before[..start].chars().next_back().is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    let value: u32 = digits.chars().rev().collect::<String>().parse().ok()?;
    Some((start, value, digits.len()))
}

fn digits_after(text: &str, pos: usize) -> Option<(usize, u32, usize)> {
    let after = text[pos..].trim_start_matches([' ', ',', '.']);
    let skipped = text.len() - pos - after.len();
    let digits: String = after.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() || digits.len() > 4 {
        return None;
    }
    let mut end = pos + skipped + digits.len();
    // An English ordinal day: "May 2nd, 2024".
    if let Some(x) = ORDINAL_SUFFIXES.iter().find(|x| text[end..].starts_with(*x) && !text[end + x.len()..].starts_with(char::is_alphanumeric)) {
        end += x.len();
    }
    // A number glued to letters is not a free-standing number, except a year
    // with its era letter: "2022م" (Gregorian), "1440ه" (Hijri), "1397ش" (Solar).
    let mut rest = text[end..].chars();
    if rest.next().is_some_and(|c| c.is_alphanumeric() && !c.is_ascii_alphabetic() && !(matches!(c, 'م' | 'ه' | 'ش') && !rest.next().is_some_and(char::is_alphanumeric))) {
        return None;
    }
    Some((end, digits.parse().ok()?, digits.len()))
}

/// Skip words that may stand between a month name and its year ("ماه", "سال", "من عام").
fn skip_filler(text: &str, mut pos: usize) -> usize {
    loop {
        let rest = text[pos..].trim_start_matches([' ', ',']);
        let at = text.len() - rest.len();
        let Some(word) = ["ماه", "سال", "عام", "من عام", "من", "of"].iter().find(|w| {
            rest.get(..w.len()).is_some_and(|r| r.eq_ignore_ascii_case(w)) && rest[w.len()..].chars().next().map_or(true, |c| !c.is_alphanumeric())
        }) else {
            return pos;
        };
        pos = at + word.len();
    }
}

/// A day written as an ordinal before "of" and the month: "السادس من نيسان"
/// (the sixth of April). Not the last word of a compound ("الحادي والعشرين من",
/// the twenty-first), which the ordinals do not cover.
fn ordinal_day_before(text: &str, mentions: &[Mention], month: &Mention) -> Option<(usize, u32, usize)> {
    let o = mentions.iter().find(|o| matches!(o.entity, Entity::Ordinal(_)) && text.get(o.end..month.start).is_some_and(|gap| matches!(gap, " من " | " of ")))?;
    let Entity::Ordinal(n) = o.entity else { return None };
    if text[o.start..].starts_with("وال") {
        return None;
    }
    Some((o.start, u32::from(n), 1))
}

/// Where a month name ends, with the same month's other name written beside
/// it: "تشرين الأول/أكتوبر", "أكتوبر / تشرين الأول", "تشرين الأول (أكتوبر)".
fn paired_month_end(text: &str, mentions: &[Mention], m: &Mention) -> usize {
    let rest = text[m.end..].trim_start_matches(' ');
    let Some(open) = rest.chars().next().filter(|c| matches!(c, '/' | '(')) else { return m.end };
    let second = text.len() - rest[open.len_utf8()..].trim_start_matches(' ').len();
    let Some(pair) = mentions.iter().find(|n| n.start == second && matches!(n.entity, Entity::Month(..))) else { return m.end };
    if pair.entity != m.entity {
        return m.end;
    }
    let after = text[pair.end..].trim_start_matches(' ');
    match (open, after.strip_prefix(')')) {
        ('(', Some(closed)) => text.len() - closed.len(),
        ('(', None) => m.end,
        _ => pair.end,
    }
}

fn to_gregorian(calendar: Calendar, year: i32, month: u8, day: u8) -> Option<Ymd> {
    match calendar {
        Calendar::Gregorian => Ymd::new(year, month, day),
        Calendar::Jalali => from_jalali(year, month, day),
        Calendar::Hijri => from_hijri(year, month, day),
    }
}

/// Normalise a written year of a calendar: two-digit Jalali years ("۹۶") are 13xx/14xx.
fn full_year(calendar: Calendar, year: u32, ndigits: usize) -> Option<i32> {
    match (calendar, ndigits) {
        (_, 4) => Some(year as i32),
        (Calendar::Jalali, 2) => Some(if year < 50 { 1400 + year } else { 1300 + year } as i32),
        _ => None,
    }
}

/// Every date expression in a folded text.
pub fn find(text: &str, mentions: &[Mention]) -> Vec<DateMention> {
    let mut out = Vec::new();
    for m in mentions {
        let Entity::Month(calendar, month) = m.entity else { continue };
        // Day before the month ("24 تیر 1397", "07 April 2018") or after it ("April 29, 2019").
        let before = digits_before(text, m.start).filter(|(_, d, n)| *n <= 2 && (1..=31).contains(d)).or_else(|| ordinal_day_before(text, mentions, m));
        let after_pos = skip_filler(text, paired_month_end(text, mentions, m));
        let after = digits_after(text, after_pos);
        let (start, day, year_probe) = match (before, after) {
            (Some((s, d, _)), _) => (s, Some(d as u8), after),
            (None, Some((e, d, 1..=2))) if (1..=31).contains(&d) && calendar == Calendar::Gregorian => {
                (m.start, Some(d as u8), digits_after(text, skip_filler(text, e)).map(|y| y).filter(|_| true))
            }
            _ => (m.start, None, after),
        };
        let year = year_probe.and_then(|(e, y, n)| full_year(calendar, y, n).map(|y| (e, y)));
        let (end, year) = match year {
            Some((e, y)) => (e, Some(y)),
            None => {
                // Day after month without year: the end is after the day.
                let e = match (before, after) {
                    (None, Some((e, _, 1..=2))) if day.is_some() => e,
                    _ => m.end,
                };
                (e, None)
            }
        };
        // A month name alone is not a date (and "مه"/"اسد" are also ordinary words).
        if day.is_none() && year.is_none() {
            continue;
        }
        let date = match (year, day) {
            (Some(y), Some(d)) => to_gregorian(calendar, y, month, d).map(|g| PartialDate::day(g.year, g.month, g.day)),
            (Some(y), None) => match calendar {
                Calendar::Gregorian => Some(PartialDate::month(y, month)),
                // A Jalali or Hijri month straddles two Gregorian months: keep the year only
                // when both ends fall in the same Gregorian month.
                _ => {
                    let first = to_gregorian(calendar, y, month, 1);
                    let last = to_gregorian(calendar, y, month, 29);
                    match (first, last) {
                        (Some(a), Some(b)) if a.year == b.year && a.month == b.month => Some(PartialDate::month(a.year, a.month)),
                        (Some(a), Some(b)) if a.year == b.year => Some(PartialDate { year: a.year, month: None, day: None }),
                        _ => None,
                    }
                }
            },
            (None, Some(d)) if calendar == Calendar::Gregorian => Some(PartialDate::day(0, month, d)),
            _ => None,
        };
        if let Some(date) = date {
            out.push(DateMention { start, end, date, yearless: year.is_none() });
        }
    }
    out.extend(numeric_dates(text));
    order::sort_by_key(&mut out, |d| d.start);
    out.dedup_by(|b, a| b.start < a.end);
    out
}

/// The dates written within `start..end`, in text order (`dates` is sorted by start).
pub fn within(dates: &[DateMention], start: usize, end: usize) -> impl Iterator<Item = &DateMention> {
    dates[dates.partition_point(|d| d.start < start)..].iter().take_while(move |d| d.start < end).filter(move |d| d.end <= end)
}

/// Numeric dates: `21.08.2018`, `26/08/2018`, `2018-08-26`, `1397/04/24` (Jalali), `1440/09/09` (Hijri).
fn numeric_dates(text: &str) -> Vec<DateMention> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(skip) = b[i..].iter().position(u8::is_ascii_digit) {
        i += skip;
        if i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'.' || b[i - 1] == b'/') {
            i += 1;
            continue;
        }
        // Read up to three numbers separated by one of . / -
        let start = i;
        let mut parts: Vec<(u32, usize)> = Vec::new();
        let mut sep = None;
        let mut j = i;
        loop {
            let k = j;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            if j == k || j - k > 4 {
                break;
            }
            parts.push((text[k..j].parse().unwrap_or(0), j - k));
            if parts.len() == 3 || j + 1 >= b.len() || !matches!(b[j], b'.' | b'/' | b'-') || sep.is_some_and(|s| s != b[j]) || !b[j + 1].is_ascii_digit() {
                break;
            }
            sep = Some(b[j]);
            j += 1;
        }
        let end = parts.iter().map(|p| p.1).sum::<usize>() + parts.len().saturating_sub(1) + start;
        i = end.max(start + 1);
        if parts.len() != 3 || b.get(end).is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        let (a, m, c) = (parts[0], parts[1], parts[2]);
        let ymd = if a.1 == 4 {
            let (y, mo, d) = (a.0 as i32, m.0 as u8, c.0 as u8);
            match y {
                1300..=1429 => from_jalali(y, mo, d),
                1430..=1600 => from_hijri(y, mo, d),
                1900..=2100 => Ymd::new(y, mo, d),
                _ => None,
            }
        } else if c.1 == 4 && (1900..=2100).contains(&c.0) {
            Ymd::new(c.0 as i32, m.0 as u8, a.0 as u8)
        } else if c.1 == 4 && (1300..=1429).contains(&c.0) {
            from_jalali(c.0 as i32, m.0 as u8, a.0 as u8)
        } else {
            None
        };
        if let Some(g) = ymd {
            out.push(DateMention { start, end, date: PartialDate::day(g.year, g.month, g.day), yearless: false });
        }
    }
    out
}

/// A date opening its line, after at most a place and an agency ("BISHKEK,
/// April 29, 2019 - ...", "الرياض، 14 فبراير 2023 (واس) -"): the date the
/// report was filed, not necessarily that of what it reports.
/// (A line break among the 41 bytes before the date, or none needed: only those bytes are read.)
pub fn opens_line(text: &str, d: &DateMention) -> bool {
    d.start <= 40 || text.as_bytes()[d.start - 41..d.start].contains(&b'\n')
}

/// The publication date: a full date in the first lines, or on a line
/// introduced by a dateline label ("تاريخ النشر", "published").
pub fn publication(text: &str, mentions: &[Mention], dates: &[DateMention]) -> Option<Ymd> {
    let head_end = text.char_indices().filter(|&(_, c)| c == '\n').nth(3).map_or(text.len(), |(i, _)| i).min(600);
    // Where each line starts and ends, found by binary search among the line breaks.
    let breaks: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
    let line_of = |start: usize, end: usize| {
        let before = breaks.partition_point(|&i| i < start);
        let line_start = before.checked_sub(1).map_or(0, |n| breaks[n] + 1);
        let after = breaks.partition_point(|&i| i < end);
        (line_start, breaks.get(after).copied().unwrap_or(text.len()))
    };
    // The lines a dateline label introduces, in text order (each line once).
    let mut labelled_lines: Vec<(usize, usize)> =
        mentions.iter().filter(|m| m.entity == Entity::Phrase(Phrase::Dateline)).map(|m| line_of(m.start, m.end)).collect();
    labelled_lines.dedup();
    let labelled = |d: &DateMention| {
        let n = labelled_lines.partition_point(|&(s, _)| s <= d.start);
        n > 0 && d.end <= labelled_lines[n - 1].1
    };
    // A dateline is a short line, or a date opening its line ("BISHKEK, April 29, 2019 - ...").
    let on_dateline = |d: &DateMention| {
        let (line_start, line_end) = line_of(d.start, d.end);
        text[line_start..line_end].split(' ').count() <= 12 || opens_line(text, d)
    };
    dates
        .iter()
        .filter(|d| d.date.day.is_some() && !d.yearless)
        .find(|d| (d.start < head_end && on_dateline(d)) || labelled(d))
        .and_then(|d| Ymd::new(d.date.year, d.date.month?, d.date.day?))
}
