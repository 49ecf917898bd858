//! The user's corrections to what Didar extracted: a meeting's parties, date,
//! status and mode edited, a meeting deleted, or a meeting added to an article.
//!
//! A correction names the meeting it corrects by a [`MeetingKey`]: the article,
//! the evidence span and the party set the extractor gave it. Corrections are
//! applied to every fresh extraction, so they win over re-extraction: when the
//! extractor changes (a span moves, a date is read differently), an edited
//! meeting is found again by its key, or by an overlapping span with the same
//! parties, and shows the user's values; an edited meeting that the new
//! extractor no longer finds at all is still shown with the user's values.

use crate::model::{Analysis, Evidence, Meeting, Mode, Participant, PartialDate, Status};
use serde::{Deserialize, Serialize};

/// Which extracted meeting a correction is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingKey {
    /// Evidence span, in characters of the article text.
    pub start: usize,
    pub end: usize,
    /// The parties the extractor gave, sorted.
    pub parties: Vec<String>,
}

impl MeetingKey {
    pub fn of(m: &Meeting) -> MeetingKey {
        MeetingKey { start: m.evidence.start, end: m.evidence.end, parties: m.parties.clone() }
    }

    fn exactly(&self, m: &Meeting) -> bool {
        *self == MeetingKey::of(m)
    }

    /// The same parties and an overlapping evidence span (the extractor moved it).
    fn roughly(&self, m: &Meeting) -> bool {
        self.parties == m.parties && m.evidence.start < self.end.max(self.start + 1) && self.start < m.evidence.end.max(m.evidence.start + 1)
    }
}

/// The values the user gave a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    /// Party codes, sorted, at least two.
    pub parties: Vec<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or none.
    pub date: Option<String>,
    pub status: Status,
    pub mode: Mode,
}

/// What a correction does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    Edit { key: MeetingKey, fix: Fix },
    Delete { key: MeetingKey },
    Add { fix: Fix },
}

/// One correction of one article's meetings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    /// Unique in a library: `article#start-end-PARTIES` for edits and
    /// deletions (so a meeting has at most one), `article#add-N` for additions.
    pub id: String,
    pub article: String,
    pub change: Change,
}

impl Correction {
    pub fn id_for(article: &str, key: &MeetingKey) -> String {
        format!("{article}#{}-{}-{}", key.start, key.end, key.parties.join("-"))
    }
}

/// How the user can get at a meeting shown for an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Handle {
    /// Found by the extractor (and maybe edited): its key.
    Extracted(MeetingKey),
    /// Added by the user: the id of the `Add` correction.
    Added(String),
}

/// A meeting as shown, with how to correct it.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub meeting: Meeting,
    pub handle: Handle,
    /// The user corrected or added it.
    pub corrected: bool,
}

/// Why the user's values were refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid(pub String);

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Fix {
    /// Read the user's values: parties as codes separated by spaces, commas or
    /// "-" ("IR KZ", "ir-kz"), a date `YYYY[-MM[-DD]]` or empty.
    pub fn parse(parties: &str, date: &str, status: Status, mode: Mode) -> Result<Fix, Invalid> {
        let mut codes: Vec<String> = parties
            .split(|c: char| c.is_whitespace() || c == ',' || c == '-' || c == '،')
            .filter(|s| !s.is_empty())
            .map(|s| s.to_ascii_uppercase())
            .collect();
        if let Some(bad) = codes.iter().find(|c| c.len() < 2 || c.len() > 24 || !c.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '_')) {
            return Err(Invalid(format!("“{bad}” is not a party code (use codes like IR, KZ, SCO).")));
        }
        codes.sort();
        codes.dedup();
        if codes.len() < 2 {
            return Err(Invalid("A meeting needs at least two parties.".into()));
        }
        let date = date.trim();
        let date = if date.is_empty() {
            None
        } else {
            match PartialDate::parse(date) {
                Some(d) if (1..=9999).contains(&d.year) && valid_day(&d) => Some(d.to_string()),
                _ => return Err(Invalid(format!("“{date}” is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)."))),
            }
        };
        Ok(Fix { parties: codes, date, status, mode })
    }

    /// Put the user's values on a meeting.
    fn onto(&self, m: &mut Meeting) {
        if m.parties != self.parties {
            m.participants.retain(|p| self.parties.contains(&p.party));
            for p in &self.parties {
                if !m.participants.iter().any(|q| &q.party == p) {
                    m.participants.push(Participant { party: p.clone(), ..Default::default() });
                }
            }
            m.parties = self.parties.clone();
        }
        if m.date != self.date {
            m.date = self.date.clone();
            m.date_precision = self.date.as_deref().and_then(PartialDate::parse).map(|d| d.precision().to_string());
            m.date_source = self.date.as_ref().map(|_| "user".to_string());
        }
        m.status = self.status;
        m.mode = self.mode;
    }

    /// A meeting made of the user's values alone, with this evidence.
    fn meeting(&self, evidence: Evidence) -> Meeting {
        let mut m = Meeting::bare(evidence);
        self.onto(&mut m);
        m
    }
}

fn valid_day(d: &PartialDate) -> bool {
    match (d.month, d.day) {
        (Some(m), Some(day)) => crate::model::calendar::days_in_month(d.year, m).is_some_and(|n| day <= n),
        _ => true,
    }
}

/// The text of `[start, end)` characters of `text` (empty when out of range).
fn span(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end.saturating_sub(start)).collect()
}

/// The meetings to show for an article: its fresh extraction with these
/// corrections (all of this article) applied, in extraction order, additions last.
pub fn apply(text: &str, extracted: &Analysis, corrections: &[&Correction]) -> Vec<Shown> {
    let mut shown: Vec<Shown> = extracted
        .meetings
        .iter()
        .map(|m| Shown { meeting: m.clone(), handle: Handle::Extracted(MeetingKey::of(m)), corrected: false })
        .collect();
    let mut taken = vec![false; shown.len()];
    // Exact keys first, so a moved meeting cannot steal another's correction.
    let mut pending: Vec<&Correction> = Vec::new();
    for c in corrections {
        let key = match &c.change {
            Change::Edit { key, .. } | Change::Delete { key } => key,
            Change::Add { .. } => continue,
        };
        match shown.iter().enumerate().position(|(i, s)| !taken[i] && key.exactly(&s.meeting)) {
            Some(i) => {
                taken[i] = true;
                correct(&mut shown[i], c);
            }
            None => pending.push(c),
        }
    }
    let mut lost = Vec::new();
    for c in pending {
        let key = match &c.change {
            Change::Edit { key, .. } | Change::Delete { key } => key,
            Change::Add { .. } => continue,
        };
        match shown.iter().enumerate().position(|(i, s)| !taken[i] && key.roughly(&s.meeting)) {
            Some(i) => {
                taken[i] = true;
                correct(&mut shown[i], c);
            }
            None => lost.push(c),
        }
    }
    shown.retain(|s| !s.meeting.parties.is_empty());
    // An edited meeting the extractor no longer finds keeps the user's values.
    for c in lost {
        if let Change::Edit { key, fix } = &c.change {
            let evidence = Evidence { start: key.start, end: key.end, text: span(text, key.start, key.end) };
            shown.push(Shown { meeting: fix.meeting(evidence), handle: Handle::Extracted(key.clone()), corrected: true });
        }
    }
    for c in corrections {
        if let Change::Add { fix } = &c.change {
            let evidence = Evidence { start: 0, end: 0, text: String::new() };
            shown.push(Shown { meeting: fix.meeting(evidence), handle: Handle::Added(c.id.clone()), corrected: true });
        }
    }
    shown
}

/// Apply one edit or deletion to the meeting it was matched to (a deleted
/// meeting is marked by emptied parties and removed afterwards).
fn correct(s: &mut Shown, c: &Correction) {
    match &c.change {
        Change::Edit { fix, .. } => {
            fix.onto(&mut s.meeting);
            s.corrected = true;
        }
        Change::Delete { .. } => s.meeting.parties.clear(),
        Change::Add { .. } => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meeting(parties: &[&str], date: Option<&str>, start: usize, end: usize) -> Meeting {
        Fix { parties: parties.iter().map(|p| p.to_string()).collect(), date: date.map(str::to_string), status: Status::Held, mode: Mode::InPerson }
            .meeting(Evidence { start, end, text: "x".into() })
    }

    fn analysis(meetings: Vec<Meeting>) -> Analysis {
        Analysis { id: "a".into(), lang: "en".into(), published: None, meetings }
    }

    fn fix(parties: &str, date: &str, status: Status) -> Fix {
        Fix::parse(parties, date, status, Mode::InPerson).unwrap()
    }

    fn edit(key: MeetingKey, fix: Fix) -> Correction {
        Correction { id: Correction::id_for("a", &key), article: "a".into(), change: Change::Edit { key, fix } }
    }

    #[test]
    fn user_values_are_read_and_checked() {
        let f = Fix::parse(" kz, ir ", "2018-04", Status::Planned, Mode::Phone).unwrap();
        assert_eq!(f.parties, ["IR", "KZ"]);
        assert_eq!(f.date.as_deref(), Some("2018-04"));
        assert_eq!(Fix::parse("IR-KZ-IR", "", Status::Held, Mode::InPerson).unwrap().parties, ["IR", "KZ"]);
        assert!(Fix::parse("IR", "", Status::Held, Mode::InPerson).is_err());
        assert!(Fix::parse("IR <b>", "", Status::Held, Mode::InPerson).is_err());
        assert!(Fix::parse("IR KZ", "2018-02-30", Status::Held, Mode::InPerson).is_err());
        assert!(Fix::parse("IR KZ", "April", Status::Held, Mode::InPerson).is_err());
    }

    #[test]
    fn an_edit_changes_parties_date_and_status_and_keeps_the_rest() {
        let mut m = meeting(&["IR", "KZ"], Some("2018-04"), 10, 40);
        m.participants[0].name = Some("Amir Hatami".into());
        m.occasion = Some("MCIS".into());
        let a = analysis(vec![m.clone(), meeting(&["IR", "RU"], None, 50, 60)]);
        let c = edit(MeetingKey::of(&m), fix("IR UZ", "2018-04-05", Status::Planned));
        let shown = apply("", &a, &[&c]);
        assert_eq!(shown.len(), 2);
        let s = &shown[0];
        assert!(s.corrected);
        assert_eq!(s.meeting.parties, ["IR", "UZ"]);
        assert_eq!(s.meeting.date.as_deref(), Some("2018-04-05"));
        assert_eq!(s.meeting.date_precision.as_deref(), Some("day"));
        assert_eq!(s.meeting.status, Status::Planned);
        assert_eq!(s.meeting.occasion.as_deref(), Some("MCIS"));
        assert_eq!(s.meeting.participants.iter().map(|p| (p.party.as_str(), p.name.clone())).collect::<Vec<_>>(), [("IR", Some("Amir Hatami".into())), ("UZ", None)]);
        assert_eq!(s.handle, Handle::Extracted(MeetingKey::of(&m)), "still corrected through its original key");
        assert!(!shown[1].corrected);
    }

    #[test]
    fn corrections_win_over_a_changed_extractor() {
        let old = meeting(&["IR", "KZ"], Some("2018-04"), 10, 40);
        let c = edit(MeetingKey::of(&old), fix("IR KZ", "2018-04-04", Status::Held));
        let del_key = MeetingKey { start: 50, end: 60, parties: vec!["IR".into(), "RU".into()] };
        let d = Correction { id: Correction::id_for("a", &del_key), article: "a".into(), change: Change::Delete { key: del_key } };
        // The new extractor moves the span, reads another date, and moves the deleted one too.
        let new = analysis(vec![meeting(&["IR", "KZ"], Some("2018"), 12, 45), meeting(&["IR", "RU"], Some("2019"), 48, 58)]);
        let shown = apply("", &new, &[&c, &d]);
        assert_eq!(shown.len(), 1, "the deleted meeting stays deleted");
        assert_eq!(shown[0].meeting.date.as_deref(), Some("2018-04-04"), "the user's date wins");
        assert_eq!(shown[0].meeting.evidence.start, 12, "the fresh evidence is kept");
        // An extractor that no longer finds the meeting at all: the user's values are still shown.
        let text = "0123456789The ministers met in Moscow on 4 April.";
        let shown = apply(text, &analysis(vec![]), &[&c, &d]);
        assert_eq!(shown.len(), 1);
        assert_eq!(shown[0].meeting.parties, ["IR", "KZ"]);
        assert_eq!(shown[0].meeting.date.as_deref(), Some("2018-04-04"));
        assert_eq!(shown[0].meeting.evidence.text, "The ministers met in Moscow on");
    }

    #[test]
    fn an_exact_key_is_not_taken_by_a_rough_match() {
        let a1 = meeting(&["IR", "KZ"], None, 10, 40);
        let a2 = meeting(&["IR", "KZ"], None, 30, 60);
        let c1 = edit(MeetingKey::of(&a2), fix("IR KZ", "2020", Status::Held));
        let c2 = edit(MeetingKey { start: 5, end: 35, parties: a1.parties.clone() }, fix("IR KZ", "2021", Status::Held));
        let shown = apply("", &analysis(vec![a1, a2]), &[&c2, &c1]);
        assert_eq!(shown.iter().map(|s| s.meeting.date.clone().unwrap()).collect::<Vec<_>>(), ["2021", "2020"]);
    }

    #[test]
    fn added_meetings_come_last_with_their_handle() {
        let add = Correction { id: "a#add-1".into(), article: "a".into(), change: Change::Add { fix: fix("SCO IR", "2024-07-04", Status::Held) } };
        let shown = apply("", &analysis(vec![meeting(&["IR", "KZ"], None, 0, 5)]), &[&add]);
        assert_eq!(shown.len(), 2);
        assert_eq!(shown[1].meeting.parties, ["IR", "SCO"]);
        assert_eq!(shown[1].handle, Handle::Added("a#add-1".into()));
        assert_eq!(shown[1].meeting.participants.len(), 2);
    }

    #[test]
    fn corrections_serialize_with_a_kind_tag() {
        let add = Correction { id: "a#add-1".into(), article: "a".into(), change: Change::Add { fix: fix("IR KZ", "", Status::Planned) } };
        let json = serde_json::to_string(&add).unwrap();
        assert_eq!(json, r#"{"id":"a#add-1","article":"a","change":{"kind":"add","fix":{"parties":["IR","KZ"],"date":null,"status":"planned","mode":"in_person"}}}"#);
        assert_eq!(serde_json::from_str::<Correction>(&json).unwrap(), add);
    }
}
