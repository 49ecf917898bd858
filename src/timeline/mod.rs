//! The timeline: the meetings of many articles in date order, with the same
//! meeting reported by several outlets (in any language) merged into one
//! entry that keeps every source.
//!
//! Layer: uses `model`, `text` and `knowledge` (names shown in the interface).

pub mod names;
pub mod scale;
pub mod typed_date;
pub mod view;

use crate::model::order;
use crate::model::{Analysis, DateReason, Evidence, Interval, Meeting, PartialDate, Participant, Party};
use std::collections::HashMap;
use serde::{Deserialize, Serialize};

/// One report of a meeting: which article said it, and where.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Source {
    pub article: String,
    pub lang: String,
    pub evidence: Evidence,
}

/// One meeting on the timeline, with every report of it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Entry {
    /// The meeting as best known from all its reports.
    pub meeting: Meeting,
    pub sources: Vec<Source>,
}

impl Entry {
    /// The first day the entry may stand for: its date's, else that of the
    /// interval its evidence bounds on both sides.
    pub fn first_day(&self) -> Option<(i32, u8, u8)> {
        let m = &self.meeting;
        let from_interval = || m.date_interval.filter(|i| i.is_bounded()).and_then(|i| i.from).map(|f| (f.year, f.month, f.day));
        date_of(m).map(|d| d.first_day()).or_else(from_interval)
    }

    /// The timeline's order: by first day, entries without one last.
    pub fn order(&self) -> (bool, Option<(i32, u8, u8)>) {
        let d = self.first_day();
        (d.is_none(), d)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    pub entries: Vec<Entry>,
}

fn date_of(m: &Meeting) -> Option<PartialDate> {
    m.date.as_deref().and_then(PartialDate::parse)
}

/// The longest interval of an undated report that a shared name may join to a dated one (days).
const FEW_WEEKS: i64 = 45;

/// Could two reports be of the same meeting? (`da`, `db`: their dates, parsed.)
/// Their parties, mode and named participants must agree, and their dates:
/// both dated, one within the other; otherwise the days their evidence allows
/// must overlap, and the occasion agree where both give one; an undated
/// report joins a dated one when they share the occasion, or a named person
/// and its evidence leaves only a few weeks.
fn same_meeting(a: &Meeting, da: Option<PartialDate>, b: &Meeting, db: Option<PartialDate>) -> bool {
    if a.parties != b.parties || a.mode != b.mode || !a.parties.iter().all(|p| names_agree(&a.participants, &b.participants, p)) {
        return false;
    }
    let days = |m: &Meeting, d: Option<PartialDate>| m.date_interval.or_else(|| d.and_then(|d| Interval::of(&d))).unwrap_or(Interval::ALWAYS);
    if !days(a, da).overlaps(&days(b, db)) {
        return false;
    }
    let same_occasion = a.occasion.is_some() && a.occasion == b.occasion;
    match (da, db) {
        (Some(x), Some(y)) => x.within(&y) || y.within(&x),
        (None, None) => same_occasion,
        _ => {
            let occasions_agree = a.occasion.is_none() || b.occasion.is_none() || same_occasion;
            let shares_a_name = a.participants.iter().any(|p| b.participants.iter().any(|q| q.party == p.party && same_name(p, q)));
            let undated = if da.is_none() { a } else { b };
            // (The same officials meet many times: a shared name identifies the
            // meeting only when the undated report's evidence leaves a few weeks.)
            let few_weeks = undated.date_interval.and_then(|i| i.days()).is_some_and(|n| n <= FEW_WEEKS);
            occasions_agree && undated.date_interval.is_some() && (same_occasion || shares_a_name && few_weeks)
        }
    }
}

/// Named participants of a party agree when either side names none or they share a name.
fn names_agree(a: &[Participant], b: &[Participant], party: &str) -> bool {
    let named = |v: &'_ [Participant]| v.iter().filter(|p| p.party == party && p.name.is_some()).cloned().collect::<Vec<_>>();
    let (x, y) = (named(a), named(b));
    x.is_empty() || y.is_empty() || x.iter().any(|p| y.iter().any(|q| same_name(p, q)))
}

/// Two named participants are one person: the same name, or the same
/// spelling in the text of a name Didar romanised (a Persian and an Arabic
/// report romanise "حسين" as "Hossein" and "Hussein").
fn same_name(p: &Participant, q: &Participant) -> bool {
    let in_text = |p: &Participant| p.name_in_text.as_deref().map(crate::text::fold);
    p.name.is_some() && (p.name == q.name || in_text(p).is_some() && in_text(p) == in_text(q))
}

/// Fold what a second report knows into the entry's meeting; returns the
/// entry's date, which the report may make more precise.
fn enrich(into: &mut Meeting, date: Option<PartialDate>, from: &Meeting, from_date: Option<PartialDate>) -> Option<PartialDate> {
    let mut date = date;
    let more_precise = match (date, from_date) {
        (Some(x), Some(y)) => y.within(&x) && y != x,
        (None, Some(_)) => true,
        _ => false,
    };
    if more_precise {
        date = from_date;
        into.date = from.date.clone();
        into.date_precision = from.date_precision.clone();
        into.date_source = from.date_source.clone();
    }
    // The days both reports allow; the other report's reasons where they narrow them.
    if let Some(theirs) = from.date_interval {
        let ours = into.date_interval.unwrap_or(Interval::ALWAYS);
        if let Some(both) = ours.meet(&theirs).filter(|b| *b != ours) {
            into.date_interval = Some(both);
            into.date_reasons.push(DateReason {
                kind: "report".into(),
                interval: theirs,
                note: format!("another report of the same meeting ({}) dates it", from.date.as_deref().unwrap_or("by its evidence")),
                words: None,
            });
        }
    }
    for p in &from.participants {
        let named_here = into.participants.iter().any(|q| q.party == p.party && same_name(q, p));
        if p.name.is_some() && !named_here {
            match into.participants.iter().position(|q| q.party == p.party && q.name.is_none()) {
                Some(i) => into.participants[i] = p.clone(),
                None => into.participants.push(p.clone()),
            }
        }
    }
    if into.occasion.is_none() {
        into.occasion = from.occasion.clone();
    }
    if into.location.is_none() || into.location.as_ref().is_some_and(|l| l.city.is_none()) && from.location.as_ref().is_some_and(|l| l.city.is_some()) {
        into.location = from.location.clone().or(into.location.take());
    }
    for t in &from.topics {
        if !into.topics.contains(t) {
            into.topics.push(t.clone());
        }
    }
    date
}

impl Timeline {
    /// Merge the meetings of these analyses into a timeline in date order
    /// (a meeting without a date by its interval; those without either last).
    pub fn build<'a>(analyses: impl IntoIterator<Item = &'a Analysis>) -> Timeline {
        // Each entry with its date, parsed once.
        let mut dated: Vec<(Entry, Option<PartialDate>)> = Vec::new();
        // Only entries of the same parties can be the same meeting: look among
        // those (in the order they came) instead of all entries.
        let mut alike: HashMap<Vec<Party>, Vec<usize>> = HashMap::new();
        for a in analyses {
            for m in &a.meetings {
                let date = date_of(m);
                let source = Source { article: a.id.clone(), lang: a.lang.clone(), evidence: m.evidence.clone() };
                let candidates = match alike.get_mut(m.parties.as_slice()) {
                    Some(c) => c,
                    None => alike.entry(m.parties.clone()).or_default(),
                };
                match candidates.iter().copied().find(|&i| same_meeting(&dated[i].0.meeting, dated[i].1, m, date)) {
                    Some(i) => {
                        let (e, d) = &mut dated[i];
                        *d = enrich(&mut e.meeting, *d, m, date);
                        e.sources.push(source);
                    }
                    None => {
                        candidates.push(dated.len());
                        dated.push((Entry { meeting: m.clone(), sources: vec![source] }, date));
                    }
                }
            }
        }
        // By first day; undated last. (A stable sort: reports of one day and parties keep their order.)
        order::sort_by(&mut dated, |(a, _), (b, _)| a.order().cmp(&b.order()).then_with(|| a.meeting.parties.cmp(&b.meeting.parties)));
        let entries = dated.into_iter().map(|(e, _)| e).collect();
        Timeline { entries }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meeting(parties: &[&str], date: Option<&str>, names: &[(&str, Option<&str>)]) -> Meeting {
        Meeting {
            participants: names.iter().map(|(p, n)| Participant { party: p.to_string(), name: n.map(str::to_string), ..Default::default() }).collect(),
            date: date.map(str::to_string),
            ..Meeting::of(parties)
        }
    }

    fn analysis(id: &str, meetings: Vec<Meeting>) -> Analysis {
        Analysis { id: id.into(), lang: "ar".into(), published: None, meetings }
    }

    #[test]
    fn a_romanised_name_is_one_person_by_the_text_s_spelling() {
        let person = |name: &str, own: &str| Participant { party: "IQ".into(), name: Some(name.into()), name_in_text: Some(own.into()), ..Default::default() };
        let mut a = meeting(&["IQ", "IR"], Some("2019-03-02"), &[]);
        a.participants = vec![person("Hussein Ali", "حسين علي")];
        let mut b = meeting(&["IQ", "IR"], Some("2019-03-02"), &[]);
        b.participants = vec![person("Hossein Ali", "حسین علی")];
        let mut c = meeting(&["IQ", "IR"], Some("2019-03-02"), &[]);
        c.participants = vec![person("Hassan Ali", "حسن علي")];
        let t = Timeline::build([&analysis("a", vec![a]), &analysis("b", vec![b]), &analysis("c", vec![c])]);
        assert_eq!(t.entries.len(), 2);
    }

    #[test]
    fn the_same_meeting_from_two_articles_is_one_entry_with_both_sources() {
        let a = analysis("a", vec![meeting(&["IR", "KZ"], Some("2018-04"), &[("IR", Some("Amir Hatami")), ("KZ", None)])]);
        let b = analysis("b", vec![meeting(&["IR", "KZ"], Some("2018-04-04"), &[("KZ", Some("Beibut Atamkulov"))])]);
        let t = Timeline::build([&a, &b]);
        assert_eq!(t.entries.len(), 1);
        let e = &t.entries[0];
        assert_eq!(e.sources.iter().map(|s| s.article.as_str()).collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(e.meeting.date.as_deref(), Some("2018-04-04"));
        assert!(e.meeting.participants.iter().any(|p| p.name.as_deref() == Some("Beibut Atamkulov")));
    }

    #[test]
    fn different_people_or_dates_stay_apart_and_entries_are_in_date_order() {
        let a = analysis(
            "a",
            vec![
                meeting(&["CN", "IR"], Some("2018-09-08"), &[("CN", Some("Zhang Youxia"))]),
                meeting(&["CN", "IR"], Some("2018-09-07"), &[("CN", Some("Wei Fenghe"))]),
                meeting(&["CN", "IR"], Some("2018-09-08"), &[("CN", Some("Wei Fenghe"))]),
                meeting(&["IR", "RU"], None, &[]),
            ],
        );
        let t = Timeline::build([&a]);
        let dates: Vec<_> = t.entries.iter().map(|e| e.meeting.date.clone()).collect();
        assert_eq!(dates, [Some("2018-09-07".into()), Some("2018-09-08".into()), Some("2018-09-08".into()), None]);
    }

    fn with_interval(mut m: Meeting, interval: &str, occasion: Option<&str>) -> Meeting {
        m.date_interval = Interval::parse(interval);
        m.occasion = occasion.map(str::to_string);
        m
    }

    #[test]
    fn an_undated_report_takes_its_date_from_a_dated_report_of_the_same_occasion() {
        let mcis = Some("Moscow Conference on International Security");
        let undated = with_interval(meeting(&["IR", "UZ"], None, &[("IR", Some("Amir Hatami"))]), "2019-04-23/2019-04-25", mcis);
        let dated = with_interval(meeting(&["IR", "UZ"], Some("2019-04-24"), &[("UZ", Some("Bakhodir Kurbanov"))]), "2019-04-24", mcis);
        let t = Timeline::build([&analysis("seed", vec![undated]), &analysis("en", vec![dated])]);
        assert_eq!(t.entries.len(), 1);
        let m = &t.entries[0].meeting;
        assert_eq!(m.date.as_deref(), Some("2019-04-24"));
        assert_eq!(m.date_interval.map(|i| i.to_string()).as_deref(), Some("2019-04-24"));
        assert_eq!(m.date_reasons.last().map(|r| r.kind.as_str()), Some("report"));
        assert_eq!(m.participants.len(), 2);
    }

    #[test]
    fn reports_whose_evidence_allows_no_common_day_stay_apart() {
        // Both dated to the year 2025, but one at an edition in August, the other in May.
        let summit = with_interval(meeting(&["IR", "PK"], Some("2025"), &[]), "2025-08-31/2025-09-01", Some("SCO Summit"));
        let visit = with_interval(meeting(&["IR", "PK"], Some("2025-05-26"), &[]), "2025-05-26", None);
        assert_eq!(Timeline::build([&analysis("a", vec![summit]), &analysis("b", vec![visit])]).entries.len(), 2);
    }

    #[test]
    fn a_shared_name_joins_an_undated_report_only_when_its_evidence_leaves_a_few_weeks() {
        let people = [("RU", Some("Sergei Shoigu")), ("MM", Some("Min Aung Hlaing"))];
        let dated = with_interval(meeting(&["MM", "RU"], Some("2018-08-21"), &people), "2018-08-21", None);
        let years = with_interval(meeting(&["MM", "RU"], None, &people), "2012-11-06/2024-05-12", None);
        assert_eq!(Timeline::build([&analysis("a", vec![dated.clone()]), &analysis("b", vec![years])]).entries.len(), 2);
        let days = with_interval(meeting(&["MM", "RU"], None, &people), "2018-08-19/2018-08-25", None);
        assert_eq!(Timeline::build([&analysis("a", vec![dated]), &analysis("b", vec![days])]).entries.len(), 1);
    }
}
