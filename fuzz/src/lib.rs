//! What the fuzz targets check: the invariants of the property tests
//! (`tests/invariants/mod.rs`, included here so both check the same), and the
//! generated reports of the `timeline` target.

use arbitrary::Arbitrary;
use didar::model::{Analysis, Evidence, Meeting, Mode, Participant, Status};

#[path = "../../tests/invariants/mod.rs"]
mod invariants;
pub use invariants::{check_analyze, check_file, check_merge, check_saved, check_timeline};

/// Few codes, years, months, days, names and occasions, so that generated
/// reports often are, or nearly are, the same meeting.
const CODES: &[&str] = &["CN", "IR", "KZ", "RU", "US", "SCO", "ARAB_LEAGUE"];
const NAMES: &[&str] = &["Amir Hatami", "Sergei Shoigu", "حاتمي"];
const OCCASIONS: &[&str] = &["Army-2018", "MCIS"];

/// A report's date: of any precision, or a string no date parses.
#[derive(Arbitrary, Debug)]
pub enum Date {
    None,
    Year(u8),
    Month(u8, u8),
    Day(u8, u8, u8),
    Raw(String),
}

/// One generated report of a meeting.
#[derive(Arbitrary, Debug)]
pub struct Report {
    /// Which of [`CODES`] are its parties (the first two when fewer than two are set).
    parties: u8,
    date: Date,
    /// (index into its parties, name index or none).
    participants: Vec<(u8, Option<u8>)>,
    occasion: Option<u8>,
    mode: u8,
    planned: bool,
    evidence_len: u8,
}

impl Report {
    fn meeting(&self, at: usize) -> Meeting {
        let mut parties: Vec<String> = CODES.iter().enumerate().filter(|(i, _)| self.parties >> i & 1 == 1).map(|(_, c)| c.to_string()).collect();
        if parties.len() < 2 {
            parties = vec![CODES[1].into(), CODES[2].into()];
        }
        parties.sort();
        let year = |y: u8| 2016 + i32::from(y % 4);
        let date = match &self.date {
            Date::None => None,
            Date::Year(y) => Some(format!("{}", year(*y))),
            Date::Month(y, m) => Some(format!("{}-{:02}", year(*y), 1 + m % 3)),
            Date::Day(y, m, d) => Some(format!("{}-{:02}-{:02}", year(*y), 1 + m % 3, 1 + d % 3)),
            Date::Raw(s) => Some(s.clone()),
        };
        let participants = self
            .participants
            .iter()
            .map(|&(p, n)| Participant {
                party: parties[usize::from(p) % parties.len()].clone(),
                name: n.map(|n| NAMES[usize::from(n) % NAMES.len()].to_string()),
                ..Default::default()
            })
            .collect();
        let len = usize::from(self.evidence_len % 16);
        let evidence = Evidence { start: 1000 * at, end: 1000 * at + len, text: "x".repeat(len) };
        Meeting {
            parties,
            participants,
            date,
            occasion: self.occasion.map(|o| OCCASIONS[usize::from(o) % OCCASIONS.len()].to_string()),
            mode: [Mode::InPerson, Mode::Phone, Mode::Video][usize::from(self.mode % 3)],
            status: if self.planned { Status::Planned } else { Status::Held },
            ..Meeting::bare(evidence)
        }
    }
}

/// The analyses `a1`, `a2`, ... of these articles' reports, merged and checked.
pub fn check_reports(articles: &[Vec<Report>]) {
    let analyses: Vec<Analysis> = articles
        .iter()
        .enumerate()
        .map(|(i, reports)| Analysis {
            id: format!("a{}", i + 1),
            lang: "en".into(),
            published: None,
            meetings: reports.iter().enumerate().map(|(j, r)| r.meeting(j)).collect(),
        })
        .collect();
    check_merge(&analyses);
}
