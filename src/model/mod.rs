//! Didar's data model, shared by the extractor, the command line and the app.
//!
//! The JSON shape of [`Analysis`] and [`Meeting`] is the gold schema of the
//! evaluation corpus (`tests/data/README.md`), plus a few fields of our own
//! (`date_precision`, `date_source`, `topics`, `evidence` offsets).
//!
//! Layer: the bottom one. Uses nothing else of Didar.

pub mod calendar;
pub mod interval;
pub mod order;

pub use interval::{DateReason, Interval};

use serde::{Deserialize, Serialize};
use std::fmt;

/// An article as given by the user or bundled with the app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Stable identifier: the file name without `.txt`, or a generated one.
    pub id: String,
    /// The text exactly as given.
    pub text: String,
}

/// What Didar read in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub id: String,
    /// `ar`, `fa`, `en`, `ur` or `other`.
    pub lang: String,
    /// Publication date stated by the article (`YYYY-MM-DD`), if any.
    pub published: Option<String>,
    pub meetings: Vec<Meeting>,
}

/// A state or international body: ISO 3166-1 alpha-2 code or body code ("SCO").
pub type Party = String;

/// The most parties one meeting has. A sentence that gathers more states (an
/// assembly of every state, a conference's list of participants) reports an
/// event, not a meeting; the app's corrections accept no more either.
pub const MAX_PARTIES: usize = 40;

/// One encounter of officials of two or more parties.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Meeting {
    /// Party codes, sorted.
    pub parties: Vec<Party>,
    pub participants: Vec<Participant>,
    /// Real-world date, as precise as known: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: Option<String>,
    /// The date derivable from the article text alone.
    pub date_in_text: Option<String>,
    /// `day`, `month` or `year`: the precision of `date`.
    pub date_precision: Option<String>,
    /// Where `date` came from: `text`, `occasion`, `article`, `publication` or `interval`.
    pub date_source: Option<String>,
    /// Every day the evidence allows (EDTF), when anything bounds it; `date` is its best point.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_interval: Option<Interval>,
    /// What bounded `date_interval`, in the order it was applied.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub date_reasons: Vec<DateReason>,
    pub location: Option<Location>,
    /// Canonical English name of the event on whose sidelines it was held.
    pub occasion: Option<String>,
    pub mode: Mode,
    pub status: Status,
    /// Topics of the taxonomy in `data/topics.tsv` named in the meeting's passage.
    pub topics: Vec<String>,
    pub evidence: Evidence,
}

impl Meeting {
    /// The party codes joined by "-", e.g. "IR-KZ" (parties are kept sorted).
    pub fn party_key(&self) -> String {
        self.parties.join("-")
    }
}

/// A person (or an unnamed office holder) taking part in a meeting.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Participant {
    pub party: Party,
    /// Common English spelling when known; for a person not in Didar's
    /// knowledge, the text's spelling, romanised when it is in Arabic script
    /// (`name_in_text` then keeps the text's); `null` when the text names no one.
    pub name: Option<String>,
    /// The text's own spelling of a name Didar romanised ("شاهين محمدوف" for
    /// "Shahin Mammadov"); absent when `name` is the known or the text's spelling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_in_text: Option<String>,
    /// Short English role ("defense minister").
    pub role: Option<String>,
    /// "office" when the text gives only the role and the name is the one person
    /// who held that role of that state throughout the meeting's date (officials.tsv).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_from: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Location {
    pub city: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    InPerson,
    Phone,
    Video,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Held,
    Planned,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::InPerson => "in_person",
            Mode::Phone => "phone",
            Mode::Video => "video",
        }
    }
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Held => "held",
            Status::Planned => "planned",
        }
    }
}

/// The passage that reports a meeting: character offsets `[start, end)` into
/// the original, unnormalized article text, and the exact text between them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Evidence {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A Gregorian date known to the year, month or day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    pub fn day(year: i32, month: u8, day: u8) -> Self {
        PartialDate { year, month: Some(month), day: Some(day) }
    }
    pub fn month(year: i32, month: u8) -> Self {
        PartialDate { year, month: Some(month), day: None }
    }
    pub fn precision(&self) -> &'static str {
        match (self.month, self.day) {
            (Some(_), Some(_)) => "day",
            (Some(_), None) => "month",
            _ => "year",
        }
    }
    /// The first day it may be, as (year, month, day).
    pub fn first_day(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }
    /// The last day it may be, as (year, month, day) (day 31 stands for the month's end).
    pub fn last_day(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(12), self.day.unwrap_or(31))
    }
    /// Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Self> {
        let mut it = s.split('-');
        let year = it.next()?.parse().ok()?;
        let month = it.next().map(|m| m.parse().ok()).unwrap_or(Some(0))?;
        let day = it.next().map(|d| d.parse().ok()).unwrap_or(Some(0))?;
        if it.next().is_some() || month > 12 || day > 31 || (month == 0 && day != 0) {
            return None;
        }
        Some(PartialDate { year, month: (month > 0).then_some(month), day: (day > 0).then_some(day) })
    }
    /// Does `self` lie within `other` (same or finer precision, agreeing on it)?
    pub fn within(&self, other: &PartialDate) -> bool {
        self.year == other.year
            && other.month.map_or(true, |m| self.month == Some(m))
            && other.day.map_or(true, |d| self.day == Some(d))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl Meeting {
    /// A held, in-person meeting with nothing known but its evidence.
    pub fn bare(evidence: Evidence) -> Meeting {
        Meeting {
            parties: vec![],
            participants: vec![],
            date: None,
            date_in_text: None,
            date_precision: None,
            date_source: None,
            date_interval: None,
            date_reasons: vec![],
            location: None,
            occasion: None,
            mode: Mode::InPerson,
            status: Status::Held,
            topics: vec![],
            evidence,
        }
    }
}

#[cfg(test)]
impl Meeting {
    /// A held, in-person meeting of these parties with nothing else known, for
    /// tests to fill in with struct update syntax.
    pub fn of(parties: &[&str]) -> Meeting {
        Meeting { parties: parties.iter().map(|p| p.to_string()).collect(), ..Meeting::bare(Evidence { start: 0, end: 1, text: "x".into() }) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_print_parse_and_nest() {
        for s in ["2018", "2018-04", "2018-04-05"] {
            assert_eq!(PartialDate::parse(s).unwrap().to_string(), s);
        }
        assert!(PartialDate::parse("2018-13").is_none());
        assert!(PartialDate::parse("x").is_none());
        let d = PartialDate::day(2018, 4, 5);
        assert!(d.within(&PartialDate::month(2018, 4)));
        assert!(!PartialDate::month(2018, 4).within(&d));
        assert_eq!(d.precision(), "day");
    }

    #[test]
    fn modes_and_statuses_serialize_as_in_the_gold_schema() {
        assert_eq!(serde_json::to_string(&Mode::InPerson).unwrap(), "\"in_person\"");
        assert_eq!(serde_json::to_string(&Status::Planned).unwrap(), "\"planned\"");
    }
}
