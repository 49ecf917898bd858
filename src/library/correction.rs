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

use crate::model::order;
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
        order::sort(&mut codes);
        codes.dedup();
        check_parties(&codes, true)?;
        let date = date.trim();
        let date = if date.is_empty() { None } else { Some(check_date(date)?) };
        Ok(Fix { parties: codes, date, status, mode })
    }

    /// Check values that did not come through [`Fix::parse`] (a library file, a
    /// saved record): known party codes, sorted, 2 to [`MAX_PARTIES`] of them,
    /// and a real date written as the form writes it.
    pub fn check(&self) -> Result<(), Invalid> {
        check_parties(&self.parties, true)?;
        if !self.parties.windows(2).all(|w| w[0] < w[1]) {
            return Err(Invalid("its parties are not sorted and distinct.".into()));
        }
        if let Some(d) = &self.date {
            if check_date(d)? != *d {
                return Err(Invalid(format!("“{d}” is not a date (use YYYY, YYYY-MM or YYYY-MM-DD).")));
            }
        }
        Ok(())
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

use crate::model::MAX_PARTIES;

/// Party codes: each one Didar knows (a state's ISO code or a body's code) when
/// `known`, else shaped like one; 2 to [`MAX_PARTIES`] of them.
fn check_parties(codes: &[String], known: bool) -> Result<(), Invalid> {
    if codes.len() > MAX_PARTIES {
        return Err(Invalid(format!("A meeting has at most {MAX_PARTIES} parties; this one has {}.", codes.len())));
    }
    let shaped = |c: &str| (2..=24).contains(&c.len()) && c.chars().all(|ch| ch.is_ascii_uppercase() || ch.is_ascii_digit() || ch == '_');
    let knowledge = crate::knowledge::Knowledge::get();
    if let Some(bad) = codes.iter().find(|c| !shaped(c) || (known && knowledge.party_id(c).is_none())) {
        let bad: String = bad.chars().take(40).collect();
        return Err(Invalid(format!("“{bad}” is not a party code (use codes like IR, KZ, SCO).")));
    }
    if codes.len() < 2 {
        return Err(Invalid("A meeting needs at least two parties.".into()));
    }
    Ok(())
}

/// A date `YYYY[-MM[-DD]]` of a real day, month or year (1 to 9999), written canonically.
fn check_date(date: &str) -> Result<String, Invalid> {
    match PartialDate::parse(date) {
        Some(d) if (1..=9999).contains(&d.year) && valid_day(&d) => Ok(d.to_string()),
        _ => {
            let shown: String = date.chars().take(40).collect();
            Err(Invalid(format!("“{shown}” is not a date (use YYYY, YYYY-MM or YYYY-MM-DD).")))
        }
    }
}

impl MeetingKey {
    /// A key as the extractor makes them: a span within an article Didar reads,
    /// party codes shaped like codes, sorted and distinct.
    pub fn check(&self) -> Result<(), Invalid> {
        if self.start > self.end || self.end > crate::library::MAX_ARTICLE_BYTES {
            return Err(Invalid(format!("its evidence span {}-{} is not a span of an article.", self.start, self.end)));
        }
        check_parties(&self.parties, false)?;
        if !self.parties.windows(2).all(|w| w[0] < w[1]) {
            return Err(Invalid("its parties are not sorted and distinct.".into()));
        }
        Ok(())
    }
}

impl Correction {
    /// Check a correction that did not come from this page's forms (a library
    /// file, a saved record, another tab), as the forms check the user's values:
    /// a usable id that names its article, a sound key, valid values.
    pub fn check(&self) -> Result<(), Invalid> {
        let usable = |s: &str| !s.trim().is_empty() && s.chars().count() <= 400 && !s.chars().any(char::is_control);
        if !usable(&self.id) || !usable(&self.article) {
            return Err(Invalid("its id or article is not a usable id.".into()));
        }
        match &self.change {
            Change::Edit { key, fix } => {
                key.check()?;
                fix.check()?;
            }
            Change::Delete { key } => key.check()?,
            Change::Add { fix } => fix.check()?,
        }
        let expected = match &self.change {
            Change::Edit { key, .. } | Change::Delete { key } => Some(Correction::id_for(&self.article, key)),
            Change::Add { .. } => None,
        };
        let ok = match expected {
            Some(id) => self.id == id,
            None => self.id.strip_prefix(&self.article).and_then(|r| r.strip_prefix("#add-")).is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')),
        };
        if !ok {
            return Err(Invalid("its id does not match the meeting it corrects.".into()));
        }
        Ok(())
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
    fn issue16_4_the_form_accepts_known_party_codes_only() {
        let why = |p: &str| Fix::parse(p, "", Status::Held, Mode::InPerson).unwrap_err().0;
        assert!(why("IR __PROTO__").contains("__PROTO__"), "{}", why("IR __PROTO__"));
        assert!(why("IR constructor").contains("CONSTRUCTOR"));
        assert!(why("IR QQ").contains("QQ"), "a well-shaped code Didar does not know");
        assert_eq!(Fix::parse("ir sco arab_league", "", Status::Held, Mode::InPerson).unwrap().parties, ["ARAB_LEAGUE", "IR", "SCO"]);
        // At most MAX_PARTIES parties: the form refuses a list of every state.
        let mut every: Vec<String> = include_str!(concat!(env!("OUT_DIR"), "/data/countries.tsv")).lines().filter(|l| !l.is_empty() && !l.starts_with('#')).filter_map(|l| l.split('\t').next()).map(str::to_string).collect();
        every.dedup();
        every.truncate(MAX_PARTIES + 1);
        assert_eq!(every.len(), MAX_PARTIES + 1);
        assert!(why(&every.join(" ")).contains("at most"));
        assert!(Fix::parse(&every[..MAX_PARTIES].join(" "), "", Status::Held, Mode::InPerson).is_ok());
    }

    #[test]
    fn issue16_4_values_from_outside_the_form_are_checked_like_the_form() {
        let ok = fix("IR KZ", "2024-02-29", Status::Held);
        assert!(ok.check().is_ok());
        let with = |parties: &[&str], date: Option<&str>| Fix { parties: parties.iter().map(|p| p.to_string()).collect(), date: date.map(str::to_string), ..ok.clone() };
        for (bad, why) in [
            (with(&["IR", "KZ"], Some("2147483647")), "not a date"),
            (with(&["IR", "KZ"], Some("2024-02-31")), "not a date"),
            (with(&["IR", "KZ"], Some("garbage")), "not a date"),
            (with(&["IR", "KZ"], Some("2024-2-3")), "not a date"),
            (with(&["IR", "KZ"], Some("-5")), "not a date"),
            (with(&["IR", "__PROTO__"], None), "not a party code"),
            (with(&["KZ", "IR"], None), "sorted"),
            (with(&["IR", "IR"], None), "sorted"),
            (with(&["IR"], None), "at least two"),
        ] {
            let e = bad.check().unwrap_err().0;
            assert!(e.contains(why), "{bad:?}: {e}");
        }
        let many: Vec<String> = (0..1000).map(|i| format!("P{i:03}")).collect();
        assert!(Fix { parties: many, ..ok.clone() }.check().unwrap_err().0.contains("at most"));

        let key = MeetingKey { start: 3, end: 9, parties: vec!["IR".into(), "KZ".into()] };
        let good = Correction { id: Correction::id_for("a", &key), article: "a".into(), change: Change::Edit { key: key.clone(), fix: ok.clone() } };
        assert!(good.check().is_ok());
        let add = Correction { id: "a#add-3".into(), article: "a".into(), change: Change::Add { fix: ok.clone() } };
        assert!(add.check().is_ok());
        for bad in [
            Correction { id: "b#add-1".into(), ..add.clone() },
            Correction { id: "a#add-".into(), ..add.clone() },
            Correction { id: "a#3-9-IR-RU".into(), ..good.clone() },
            Correction { id: "".into(), article: "".into(), ..add.clone() },
            Correction { change: Change::Delete { key: MeetingKey { start: 9, end: 3, ..key.clone() } }, id: Correction::id_for("a", &MeetingKey { start: 9, end: 3, ..key.clone() }), ..good.clone() },
        ] {
            assert!(bad.check().is_err(), "{bad:?}");
        }
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
