//! The timeline: the meetings of many articles in date order, with the same
//! meeting reported by several outlets (in any language) merged into one
//! entry that keeps every source.
//!
//! Layer: uses `model`, `text` and `knowledge` (names shown in the interface).

pub mod names;
pub mod scale;
pub mod typed_date;
pub mod view;

use crate::model::{Analysis, Evidence, Meeting, PartialDate, Participant, Party};
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

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    pub entries: Vec<Entry>,
}

fn date_of(m: &Meeting) -> Option<PartialDate> {
    m.date.as_deref().and_then(PartialDate::parse)
}

/// Could two reports be of the same meeting? (`da`, `db`: their dates, parsed.)
fn same_meeting(a: &Meeting, da: Option<PartialDate>, b: &Meeting, db: Option<PartialDate>) -> bool {
    if a.parties != b.parties || a.mode != b.mode {
        return false;
    }
    let dates_agree = match (da, db) {
        (Some(x), Some(y)) => x.within(&y) || y.within(&x),
        (None, None) => a.occasion.is_some() && a.occasion == b.occasion,
        _ => false,
    };
    dates_agree && a.parties.iter().all(|p| names_agree(&a.participants, &b.participants, p))
}

/// Named participants of a party agree when either side names none or they share a name.
fn names_agree(a: &[Participant], b: &[Participant], party: &str) -> bool {
    let names = |v: &[Participant]| -> Vec<String> {
        v.iter().filter(|p| p.party == party).filter_map(|p| p.name.clone()).collect()
    };
    let (x, y) = (names(a), names(b));
    x.is_empty() || y.is_empty() || x.iter().any(|n| y.contains(n))
}

/// Fold what a second report knows into the entry's meeting; returns the
/// entry's date, which the report may make more precise.
fn enrich(into: &mut Meeting, date: Option<PartialDate>, from: &Meeting, from_date: Option<PartialDate>) -> Option<PartialDate> {
    let mut date = date;
    if let (Some(x), Some(y)) = (date, from_date) {
        if y.within(&x) && y != x {
            date = Some(y);
            into.date = from.date.clone();
            into.date_precision = from.date_precision.clone();
            into.date_source = from.date_source.clone();
        }
    }
    for p in &from.participants {
        let named_here = into.participants.iter().any(|q| q.party == p.party && q.name.is_some() && q.name == p.name);
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
    /// (undated meetings last).
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
        // Undated last. (A stable sort: reports of one day and parties keep their order.)
        dated.sort_by(|(a, da), (b, db)| {
            let key = |d: &Option<PartialDate>| (d.is_none(), d.map(|d| d.first_day()));
            key(da).cmp(&key(db)).then_with(|| a.meeting.parties.cmp(&b.meeting.parties))
        });
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
}
