//! Dates typed in the date-range filter, shown and read in the calendar the
//! timeline is drawn in and in the interface's digits.
//!
//! The filter's fields are text fields rather than `<input type="date">`: a
//! date input shows the browser's own locale format (Firefox shows
//! `mm/dd/yyyy` in a Persian page, WebKitGTK a bare text field, Chromium the
//! format of the machine's locale) and only the Gregorian calendar. Here every
//! engine shows the same: `2020-01-01` in English, `۲۰۲۰/۰۱/۰۱` in Persian,
//! `۱۳۹۸/۱۰/۱۱` with the Solar Hijri calendar chosen.

use super::names::Lang;
use super::scale::Calendar;
use crate::model::calendar::{days_in_month, from_hijri, from_jalali, Ymd};
use crate::model::PartialDate;

/// Which end of the range a field is: a month or a year typed in the Solar or
/// lunar Hijri calendar stands for its first day as a start, its last day as an end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    Start,
    Finish,
}

/// A day of `cal` as a Gregorian day (`None` for an invalid date).
fn to_gregorian(cal: Calendar, y: i32, m: u8, d: u8) -> Option<Ymd> {
    match cal {
        Calendar::Gregorian => Ymd::new(y, m, d).filter(|x| x.is_valid()),
        Calendar::Jalali => from_jalali(y, m, d),
        Calendar::Hijri => from_hijri(y, m, d),
    }
}

/// Read a typed date: year first (`1403/01/15`, `2020-1-5`, `2020.01`, `2020`) or
/// day first with a four-digit year (`15/01/1403`); Latin, Persian or Arabic
/// digits; `-`, `/` or `.` between the parts; in the calendar `cal`. A Gregorian
/// month or year stays a month or year; one of the other calendars becomes its
/// first or last day, as `end` says. `None` for anything else.
pub fn parse(s: &str, cal: Calendar, end: End) -> Option<PartialDate> {
    let mut ascii = String::new();
    for c in s.trim().chars() {
        ascii.push(match c {
            '0'..='9' => c,
            '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
            '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
            '-' | '/' | '.' | '\u{2010}' | '\u{2212}' | '\u{066B}' | '\u{060D}' => '-',
            // Marks a right-to-left editor may put around digits.
            '\u{200E}' | '\u{200F}' | '\u{061C}' => continue,
            _ => return None,
        });
    }
    let mut parts: Vec<&str> = ascii.split('-').collect();
    if parts.is_empty() || parts.len() > 3 || parts.iter().any(|p| p.is_empty() || p.len() > 4) {
        return None;
    }
    if parts.len() > 1 && parts[0].len() <= 2 && parts[parts.len() - 1].len() == 4 {
        parts.reverse();
    }
    let year: i32 = parts[0].parse().ok()?;
    let month: Option<u8> = match parts.get(1) {
        Some(m) => Some(m.parse().ok().filter(|m| (1..=12).contains(m))?),
        None => None,
    };
    let day: Option<u8> = match parts.get(2) {
        Some(d) => Some(d.parse().ok().filter(|d| (1..=31).contains(d))?),
        None => None,
    };
    if !(1..=9999).contains(&year) {
        return None;
    }
    match (cal, month, day) {
        (Calendar::Gregorian, Some(m), Some(d)) => {
            (d <= days_in_month(year, m)?).then_some(PartialDate::day(year, m, d))
        }
        (Calendar::Gregorian, Some(m), None) => Some(PartialDate::month(year, m)),
        (Calendar::Gregorian, None, _) => Some(PartialDate { year, month: None, day: None }),
        (_, m, d) => {
            let g = match (end, m, d) {
                (_, Some(m), Some(d)) => to_gregorian(cal, year, m, d)?,
                (End::Start, m, _) => to_gregorian(cal, year, m.unwrap_or(1), 1)?,
                (End::Finish, m, _) => {
                    let m = m.unwrap_or(12);
                    (29..=31).rev().find_map(|d| to_gregorian(cal, year, m, d))?
                }
            };
            Some(PartialDate::day(g.year, g.month, g.day))
        }
    }
}

/// A filter's date as its field shows it: in `cal` (a Gregorian month or year
/// shown in another calendar is its first or last day), year first, in the
/// digits of `lang`, with `-` between the parts in English and `/` in Arabic and Persian.
pub fn show(lang: Lang, cal: Calendar, d: &PartialDate, end: End) -> String {
    let parts: Vec<String> = match (cal, d.month, d.day) {
        (Calendar::Gregorian, m, dd) => {
            let mut v = vec![format!("{:04}", d.year)];
            v.extend(m.map(|m| format!("{m:02}")));
            v.extend(dd.filter(|_| m.is_some()).map(|x| format!("{x:02}")));
            v
        }
        _ => {
            let (y, m, day) = match end {
                End::Start => d.first_day(),
                End::Finish => d.last_day(),
            };
            let day = day.min(days_in_month(y, m).unwrap_or(28));
            match Ymd::new(y, m, day).and_then(|g| cal.date_of(g)) {
                Some((y, m, d)) => vec![format!("{y:04}"), format!("{m:02}"), format!("{d:02}")],
                None => return show(lang, Calendar::Gregorian, d, end),
            }
        }
    };
    lang.digits(&parts.join(if lang.rtl() { "/" } else { "-" }))
}

/// What an empty field shows: the shape of a date in `cal` and `lang`.
pub fn placeholder(lang: Lang, cal: Calendar) -> String {
    match lang {
        Lang::En => "YYYY-MM-DD".to_string(),
        _ => {
            let example = match cal {
                Calendar::Gregorian => "2024/03/20",
                Calendar::Jalali => "1403/01/01",
                Calendar::Hijri => "1445/09/10",
            };
            lang.digits(example)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    #[test]
    fn gregorian_dates_in_any_digits_and_separators() {
        for s in ["2020-01-05", "2020/1/5", "2020.01.05", "۲۰۲۰/۰۱/۰۵", "٢٠٢٠/٠١/٠٥", "05/01/2020", " 2020-01-05 "] {
            assert_eq!(parse(s, Calendar::Gregorian, End::Start), Some(p("2020-01-05")), "{s}");
        }
        assert_eq!(parse("2020-03", Calendar::Gregorian, End::Start), Some(p("2020-03")));
        assert_eq!(parse("۲۰۲۰", Calendar::Gregorian, End::Finish), Some(p("2020")));
        for bad in ["", "2020-02-30", "2020-13-01", "2020-00", "2020--01", "abc", "2020-01-05-01", "12345", "mm/dd/yyyy", "0000"] {
            assert_eq!(parse(bad, Calendar::Gregorian, End::Start), None, "{bad}");
        }
    }

    #[test]
    fn solar_hijri_dates_typed_in_a_persian_interface() {
        // 1 Farvardin 1399 = 20 March 2020.
        assert_eq!(parse("۱۳۹۹/۰۱/۰۱", Calendar::Jalali, End::Start), Some(p("2020-03-20")));
        assert_eq!(parse("1399/1", Calendar::Jalali, End::Start), Some(p("2020-03-20")));
        // The last day of Farvardin 1399 (31 days) = 19 April 2020; of 1399 (a leap year, Esfand 30) = 20 March 2021.
        assert_eq!(parse("1399/01", Calendar::Jalali, End::Finish), Some(p("2020-04-19")));
        assert_eq!(parse("1399", Calendar::Jalali, End::Finish), Some(p("2021-03-20")));
        assert_eq!(parse("1398/12/30", Calendar::Jalali, End::Start), None, "Esfand 1398 has 29 days");
        assert_eq!(parse("1445/09/01", Calendar::Hijri, End::Start), Some(p("2024-03-11")));
    }

    #[test]
    fn shown_in_the_calendar_and_digits_of_the_interface() {
        let d = p("2020-03-20");
        assert_eq!(show(Lang::En, Calendar::Gregorian, &d, End::Start), "2020-03-20");
        assert_eq!(show(Lang::Fa, Calendar::Gregorian, &d, End::Start), "۲۰۲۰/۰۳/۲۰");
        assert_eq!(show(Lang::Fa, Calendar::Jalali, &d, End::Start), "۱۳۹۹/۰۱/۰۱");
        assert_eq!(show(Lang::Ar, Calendar::Gregorian, &p("2020-03"), End::Start), "٢٠٢٠/٠٣");
        assert_eq!(show(Lang::Fa, Calendar::Jalali, &p("2020-02"), End::Finish), "۱۳۹۸/۱۲/۱۰");
        // What is shown reads back as the same day.
        for cal in Calendar::ALL {
            for lang in Lang::ALL {
                let shown = show(lang, cal, &d, End::Start);
                assert_eq!(parse(&shown, cal, End::Start), Some(d), "{shown}");
            }
        }
        assert_eq!(placeholder(Lang::Fa, Calendar::Jalali), "۱۴۰۳/۰۱/۰۱");
        assert_eq!(placeholder(Lang::En, Calendar::Jalali), "YYYY-MM-DD");
    }
}
