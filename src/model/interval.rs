//! The days a meeting can have been held on: an [`Interval`] of Gregorian
//! days, open on either side where nothing bounds it, written as an EDTF
//! (ISO 8601-2) interval: `2019-04-23`, `2019-04`, `2019-04-23/2019-04-25`,
//! `2025-01/2025-06`, `../2019-04-25`, `2017-08-20/..`.
//!
//! And the [`DateReason`]s that bounded it, each with the words that gave it.

use super::calendar::Ymd;
use super::PartialDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The days from `from` to `to`, inclusive; `None` is unbounded on that side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Interval {
    pub from: Option<Ymd>,
    pub to: Option<Ymd>,
}

impl Interval {
    /// Every day.
    pub const ALWAYS: Interval = Interval { from: None, to: None };

    /// The days of a date known to the day, month or year.
    pub fn of(d: &PartialDate) -> Option<Interval> {
        let (fy, fm, fd) = d.first_day();
        let (ly, lm, _) = d.last_day();
        let last = match d.day {
            Some(day) => day,
            None => super::calendar::days_in_month(ly, lm)?,
        };
        Some(Interval { from: Some(Ymd::new(fy, fm, fd)?), to: Some(Ymd::new(ly, lm, last)?) })
    }

    pub fn between(from: Ymd, to: Ymd) -> Interval {
        Interval { from: Some(from), to: Some(to) }
    }

    /// The days both hold, if any.
    pub fn meet(&self, other: &Interval) -> Option<Interval> {
        // (`Ymd` orders by year, month, day: the calendar's order.)
        let from = match (self.from, other.from) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        let to = match (self.to, other.to) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        match (from, to) {
            (Some(f), Some(t)) if f > t => None,
            _ => Some(Interval { from, to }),
        }
    }

    pub fn overlaps(&self, other: &Interval) -> bool {
        self.meet(other).is_some()
    }

    pub fn contains(&self, other: &Interval) -> bool {
        self.meet(other).as_ref() == Some(other)
    }

    pub fn is_bounded(&self) -> bool {
        self.from.is_some() && self.to.is_some()
    }

    /// Its length in days, when bounded.
    pub fn days(&self) -> Option<i64> {
        Some(self.to?.day_number() - self.from?.day_number() + 1)
    }

    /// The date it amounts to at the finest precision that covers it exactly
    /// or within one month or year: a day, its month, its year; `None` when it
    /// spans more than a year or is open.
    pub fn as_date(&self) -> Option<PartialDate> {
        let (f, t) = (self.from?, self.to?);
        if f == t {
            Some(PartialDate::day(f.year, f.month, f.day))
        } else if (f.year, f.month) == (t.year, t.month) {
            Some(PartialDate::month(f.year, f.month))
        } else {
            (f.year == t.year).then_some(PartialDate { year: f.year, month: None, day: None })
        }
    }

    /// The EDTF form of one side: the whole month or year it starts (`first`)
    /// or ends where that is what both sides say, else the day.
    fn edtf(&self) -> String {
        let day = |d: Ymd| PartialDate::day(d.year, d.month, d.day).to_string();
        let (f, t) = match (self.from, self.to) {
            (None, None) => return "../..".into(),
            (None, Some(t)) => return format!("../{}", day(t)),
            (Some(f), None) => return format!("{}/..", day(f)),
            (Some(f), Some(t)) => (f, t),
        };
        let whole_months = f.day == 1 && super::calendar::days_in_month(t.year, t.month) == Some(t.day);
        let whole_years = whole_months && f.month == 1 && t.month == 12;
        if f == t {
            day(f)
        } else if whole_years && f.year == t.year {
            format!("{:04}", f.year)
        } else if whole_months && (f.year, f.month) == (t.year, t.month) {
            PartialDate::month(f.year, f.month).to_string()
        } else if whole_years {
            format!("{:04}/{:04}", f.year, t.year)
        } else if whole_months {
            format!("{}/{}", PartialDate::month(f.year, f.month), PartialDate::month(t.year, t.month))
        } else {
            format!("{}/{}", day(f), day(t))
        }
    }

    /// Reads the EDTF forms [`Interval`] writes (a date, or two dates or
    /// `..` separated by `/`).
    pub fn parse(s: &str) -> Option<Interval> {
        let side = |x: &str| -> Option<Option<Interval>> {
            if x == ".." || x.is_empty() {
                return Some(None);
            }
            let d = PartialDate::parse(x)?;
            if !(1..=9999).contains(&d.year) {
                return None;
            }
            Some(Some(Interval::of(&d)?))
        };
        match s.split_once('/') {
            None => side(s)?,
            Some((a, b)) => {
                let (a, b) = (side(a)?, side(b)?);
                let i = Interval { from: a.and_then(|a| a.from), to: b.and_then(|b| b.to) };
                match (i.from, i.to) {
                    (Some(f), Some(t)) if f.day_number() > t.day_number() => None,
                    _ => Some(i),
                }
            }
        }
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.edtf())
    }
}

impl From<Interval> for String {
    fn from(i: Interval) -> String {
        i.to_string()
    }
}

impl TryFrom<String> for Interval {
    type Error = String;
    fn try_from(s: String) -> Result<Interval, String> {
        Interval::parse(&s).ok_or_else(|| format!("not an EDTF interval: {s:?}"))
    }
}

/// One piece of evidence that bounded a meeting's date, with the words of the
/// text that gave it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateReason {
    /// `text` (a date the report gives), `published` (the day of writing: a
    /// held meeting was on or before it), `occasion` (the edition's dates),
    /// `office` (a participant's term), `event` (after an event the article
    /// mentions), `ahead` (before an event it looks ahead to), `recent`
    /// (within a year of the latest event it mentions), `newly` (within six
    /// months of a participant's taking office), `weekday` (the one day of the
    /// occasion on the weekday the article gives), `article` (a sibling
    /// meeting of the same article), `report` (another report of the same
    /// meeting, on the timeline).
    pub kind: String,
    /// The days this evidence allows.
    pub interval: Interval,
    /// What the evidence is, in English ("Aleksandar Vulin, defense minister of RS").
    pub note: String,
    /// The words of the text that gave it (character offsets into the article), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub words: Option<super::Evidence>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(s: &str) -> Ymd {
        Ymd::parse_iso(s).unwrap()
    }

    #[test]
    fn edtf_forms_round_trip() {
        for s in ["2019-04-23", "2019-04", "2019", "2019-04-23/2019-04-25", "2025-01/2025-06", "2018/2020", "../2019-04-25", "2017-08-20/..", "../.."] {
            let i = Interval::parse(s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!(i.to_string(), s);
        }
        assert_eq!(Interval::parse("2019-04").unwrap(), Interval::between(ymd("2019-04-01"), ymd("2019-04-30")));
        assert_eq!(Interval::parse("2020-02").unwrap().to, Some(ymd("2020-02-29")));
        for bad in ["2019-13", "x", "2019-04-25/2019-04-23", "2019-02-30", "0/1", "2019/2019/2019"] {
            assert!(Interval::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn intervals_meet_and_name_the_date_they_amount_to() {
        let terms = Interval::between(ymd("2017-06-29"), ymd("2020-10-28"));
        let after = Interval { from: Some(ymd("2019-04-08")), to: None };
        let both = terms.meet(&after).unwrap();
        assert_eq!(both.to_string(), "2019-04-08/2020-10-28");
        assert_eq!(both.as_date(), None);
        assert!(terms.meet(&Interval { from: Some(ymd("2021-01-01")), to: None }).is_none());
        let edition = Interval::between(ymd("2019-04-23"), ymd("2019-04-25"));
        assert_eq!(both.meet(&edition).unwrap().as_date(), Some(PartialDate::month(2019, 4)));
        assert!(both.contains(&edition));
        assert_eq!(Interval::ALWAYS.meet(&edition), Some(edition));
    }
}
