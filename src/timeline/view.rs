//! What the timeline shows, as plain Rust the app's components only wire to
//! signals: which entries a [`TimelineFilter`] keeps, the lanes they are
//! grouped in ([`LaneBy`]), who met whom how often
//! ([`CounterpartMatrix`]), and an article's text split around its evidence.

use crate::model::order;
use crate::model::{Mode, Party, PartialDate, Status};
use crate::timeline::scale::day_span;
use crate::timeline::names::{self, Lang};
use crate::text::fold;
use crate::timeline::{Entry, Timeline};
use std::collections::BTreeMap;

/// The days an entry stands for on the axis (first, one past the last): its
/// date's, else (or where the date is only what the interval amounts to) the
/// interval its evidence bounds on both sides.
pub fn entry_span(e: &Entry) -> Option<(i64, i64)> {
    let m = &e.meeting;
    let interval = || {
        let i = m.date_interval.filter(|i| i.is_bounded())?;
        Some((i.from?.day_number(), i.to?.day_number() + 1))
    };
    let date = || m.date.as_deref().and_then(PartialDate::parse).as_ref().and_then(day_span);
    if m.date_source.as_deref() == Some("interval") { interval().or_else(date) } else { date().or_else(interval) }
}

/// What the user asked to see. Empty fields keep everything.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TimelineFilter {
    /// Free text, matched (folded, case-blind) against parties, people,
    /// roles, occasion, place, topics, evidence and article names.
    pub text: String,
    pub country: Option<Party>,
    pub person: Option<String>,
    pub role: Option<String>,
    /// Language of at least one source article.
    pub lang: Option<String>,
    pub topic: Option<String>,
    pub status: Option<Status>,
    pub mode: Option<Mode>,
    /// Keep meetings that may fall on or after this date (undated ones are dropped).
    pub from: Option<PartialDate>,
    /// Keep meetings that may fall on or before this date (undated ones are dropped).
    pub to: Option<PartialDate>,
}

fn searchable(s: &str) -> String {
    fold(s).to_lowercase()
}

impl TimelineFilter {
    pub fn is_empty(&self) -> bool {
        *self == TimelineFilter::default()
    }

    /// Does the entry pass every filter but the free text?
    fn fields_match(&self, e: &Entry) -> bool {
        let m = &e.meeting;
        let some_participant = |f: &dyn Fn(&crate::model::Participant) -> bool| m.participants.iter().any(f);
        if self.country.as_ref().is_some_and(|c| !m.parties.contains(c)) {
            return false;
        }
        if self.person.as_ref().is_some_and(|n| !some_participant(&|p| p.name.as_ref() == Some(n))) {
            return false;
        }
        if self.role.as_ref().is_some_and(|r| !some_participant(&|p| p.role.as_ref() == Some(r))) {
            return false;
        }
        if self.lang.as_ref().is_some_and(|l| !e.sources.iter().any(|s| &s.lang == l)) {
            return false;
        }
        if self.topic.as_ref().is_some_and(|t| !m.topics.contains(t)) {
            return false;
        }
        if self.status.is_some_and(|s| s != m.status) || self.mode.is_some_and(|x| x != m.mode) {
            return false;
        }
        if self.from.is_some() || self.to.is_some() {
            let Some((start, end)) = entry_span(e) else { return false };
            if self.from.as_ref().and_then(day_span).is_some_and(|(from, _)| end <= from) {
                return false;
            }
            if self.to.as_ref().and_then(day_span).is_some_and(|(_, to)| start >= to) {
                return false;
            }
        }
        true
    }

    /// The free text as searched for ("" when there is none).
    fn needle(&self) -> String {
        searchable(self.text.trim())
    }

    /// Is there text to search for?
    pub fn searches(&self) -> bool {
        !self.needle().is_empty()
    }

    /// Indices of the timeline's entries this filter keeps, in timeline
    /// order. `texts` is [`SearchTexts::of`] the same timeline; it is only
    /// read when the filter [`searches`](Self::searches).
    pub fn apply(&self, t: &Timeline, texts: &SearchTexts) -> Vec<usize> {
        let needle = self.needle();
        let found = |i: usize| needle.is_empty() || texts.0.get(i).is_some_and(|s| s.contains(&needle));
        t.entries.iter().enumerate().filter(|&(i, e)| self.fields_match(e) && found(i)).map(|(i, _)| i).collect()
    }
}

/// What the free-text search looks at, per entry of a timeline (folded,
/// lower-case): parties, places, roles, topics and occasions by their names
/// in English, Arabic and Persian, people, dates, article names and the
/// sources' evidence. Made once per timeline, when a search begins.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchTexts(Vec<String>);

impl SearchTexts {
    pub fn of(t: &Timeline) -> SearchTexts {
        SearchTexts(t.entries.iter().map(|e| searchable(&haystack(e))).collect())
    }
}

/// Everything the free-text search looks at in an entry, in one string.
fn haystack(e: &Entry) -> String {
    let m = &e.meeting;
    let mut s = String::new();
    let mut add = |x: &str| {
        s.push_str(x);
        s.push('\n');
    };
    for p in &m.parties {
        add(p);
    }
    for lang in [Lang::En, Lang::Ar, Lang::Fa] {
        for p in &m.parties {
            add(&names::party(lang, p));
        }
        for p in &m.participants {
            p.role.as_deref().map(|r| add(&names::role(lang, r)));
        }
        m.occasion.as_deref().map(|o| add(&names::occasion(lang, o)));
        if let Some(l) = &m.location {
            l.city.as_deref().map(|c| add(&names::city(lang, c)));
            l.country.as_deref().map(|c| add(&names::party(lang, c)));
        }
        m.topics.iter().for_each(|t| add(&names::topic(lang, t)));
    }
    for p in &m.participants {
        p.name.as_deref().map(&mut add);
    }
    m.date.as_deref().map(&mut add);
    let mut said = std::collections::HashSet::new();
    for src in &e.sources {
        add(&src.article);
        // Many reports quote the same sentence.
        if said.insert(src.evidence.text.as_str()) {
            add(&src.evidence.text);
        }
    }
    s
}

/// The values the filters can take on a timeline, each sorted and distinct.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facets {
    pub countries: Vec<Party>,
    pub people: Vec<String>,
    pub roles: Vec<String>,
    pub langs: Vec<String>,
    pub topics: Vec<String>,
}

impl Facets {
    pub fn of(t: &Timeline) -> Facets {
        let mut f = Facets::default();
        for e in &t.entries {
            f.countries.extend(e.meeting.parties.iter().cloned());
            for p in &e.meeting.participants {
                f.people.extend(p.name.clone());
                f.roles.extend(p.role.clone());
            }
            f.langs.extend(e.sources.iter().map(|s| s.lang.clone()));
            f.topics.extend(e.meeting.topics.iter().cloned());
        }
        for v in [&mut f.countries, &mut f.people, &mut f.roles, &mut f.langs, &mut f.topics] {
            order::sort(v);
            v.dedup();
        }
        f
    }
}

/// How entries are grouped into horizontal lanes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LaneBy {
    /// By the party met: every party but the one in most of the shown meetings.
    #[default]
    Counterpart,
    Occasion,
    /// By named participant (a meeting of two named people is in both lanes).
    Person,
}

/// One lane: its key (a party key, an occasion, a name; empty for "none") and
/// the indices of its entries, in timeline order.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    pub key: String,
    pub entries: Vec<usize>,
}

/// The party taking part in most of these entries (ties: the first code).
pub fn home_party(t: &Timeline, shown: &[usize]) -> Option<Party> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for &i in shown {
        for p in t.entries.get(i).into_iter().flat_map(|e| &e.meeting.parties) {
            *counts.entry(p).or_default() += 1;
        }
    }
    let best = counts.values().copied().max()?;
    counts.into_iter().find(|&(_, n)| n == best).map(|(p, _)| p.to_string())
}

/// Group the shown entries into lanes: fullest lane first, the "none" lane last.
pub fn lanes(t: &Timeline, shown: &[usize], by: LaneBy) -> Vec<Lane> {
    let home = home_party(t, shown);
    let mut lanes: Vec<Lane> = Vec::new();
    for &i in shown {
        let Some(e) = t.entries.get(i) else { continue };
        let m = &e.meeting;
        let keys: Vec<String> = match by {
            LaneBy::Counterpart => {
                let others: Vec<&str> = m.parties.iter().filter(|p| Some(*p) != home.as_ref()).map(String::as_str).collect();
                vec![if others.is_empty() { m.party_key() } else { others.join("-") }]
            }
            LaneBy::Occasion => vec![m.occasion.clone().unwrap_or_default()],
            LaneBy::Person => {
                let mut names: Vec<String> = m.participants.iter().filter_map(|p| p.name.clone()).collect();
                names.dedup();
                if names.is_empty() {
                    vec![String::new()]
                } else {
                    names
                }
            }
        };
        for key in keys {
            match lanes.iter_mut().find(|l| l.key == key) {
                Some(l) if !l.entries.contains(&i) => l.entries.push(i),
                Some(_) => {}
                None => lanes.push(Lane { key, entries: vec![i] }),
            }
        }
    }
    order::sort_by(&mut lanes, |a, b| (a.key.is_empty(), std::cmp::Reverse(a.entries.len()), &a.key).cmp(&(b.key.is_empty(), std::cmp::Reverse(b.entries.len()), &b.key)));
    lanes
}

/// Who met whom how often: parties ordered by their number of meetings, and
/// the symmetric table of counts (`counts[i][j]`: meetings of both i and j).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CounterpartMatrix {
    pub parties: Vec<Party>,
    pub counts: Vec<Vec<u32>>,
    /// Meetings each party took part in, in the order of `parties`.
    pub totals: Vec<u32>,
}

impl CounterpartMatrix {
    pub fn of(t: &Timeline, shown: &[usize]) -> CounterpartMatrix {
        let entries: Vec<&Entry> = shown.iter().filter_map(|&i| t.entries.get(i)).collect();
        let mut totals: BTreeMap<&str, u32> = BTreeMap::new();
        for e in &entries {
            for p in &e.meeting.parties {
                *totals.entry(p).or_default() += 1;
            }
        }
        let mut parties: Vec<(&str, u32)> = totals.into_iter().collect();
        order::sort_by(&mut parties, |a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let index = |p: &str| parties.iter().position(|(q, _)| *q == p);
        let mut counts = vec![vec![0u32; parties.len()]; parties.len()];
        for e in &entries {
            let ps = &e.meeting.parties;
            for (a, pa) in ps.iter().enumerate() {
                for pb in &ps[a + 1..] {
                    if let (Some(i), Some(j)) = (index(pa), index(pb)) {
                        counts[i][j] += 1;
                        counts[j][i] += 1;
                    }
                }
            }
        }
        CounterpartMatrix {
            totals: parties.iter().map(|p| p.1).collect(),
            parties: parties.into_iter().map(|p| p.0.to_string()).collect(),
            counts,
        }
    }

    /// The largest count in the table (for shading).
    pub fn max(&self) -> u32 {
        self.counts.iter().flatten().copied().max().unwrap_or(0)
    }
}

/// An article's text split at its evidence: (before, evidence, after). The
/// offsets are Unicode scalar values, clamped to the text; never splits a character.
pub fn split_at_evidence(text: &str, start: usize, end: usize) -> (&str, &str, &str) {
    let byte = |n: usize| text.char_indices().nth(n).map_or(text.len(), |(b, _)| b);
    let (b0, b1) = (byte(start), byte(end.max(start)));
    (&text[..b0], &text[b0..b1], &text[b1..])
}

/// An article split around a report's evidence: at its offsets when the text
/// there is the evidence, else at the evidence's first occurrence, else the
/// whole text with nothing marked.
pub fn evidence_parts<'a>(text: &'a str, evidence: &crate::model::Evidence) -> (&'a str, &'a str, &'a str) {
    let parts = split_at_evidence(text, evidence.start, evidence.end);
    if parts.1 == evidence.text {
        return parts;
    }
    match text.find(evidence.text.as_str()).filter(|_| !evidence.text.is_empty()) {
        Some(b) => (&text[..b], &text[b..b + evidence.text.len()], &text[b + evidence.text.len()..]),
        None => (text, "", ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Evidence, Location, Meeting, Participant};
    use crate::timeline::Source;
    use crate::model::calendar::Ymd;
    use crate::timeline::scale::{shown_date, Calendar, Scale, ShownDate, TickUnit};

    fn entry(parties: &[&str], date: Option<&str>, people: &[(&str, &str, &str)], langs: &[&str]) -> Entry {
        Entry {
            meeting: Meeting {
                participants: people.iter().map(|(p, n, r)| Participant { party: p.to_string(), name: Some(n.to_string()), role: Some(r.to_string()), ..Default::default() }).collect(),
                date: date.map(str::to_string),
                location: Some(Location { city: Some("Moscow".into()), country: Some("RU".into()) }),
                evidence: Evidence { start: 0, end: 3, text: "met".into() },
                ..Meeting::of(parties)
            },
            sources: langs.iter().enumerate().map(|(i, l)| Source { article: format!("a{i}"), lang: l.to_string(), evidence: Evidence { start: 0, end: 3, text: "التقى met".into() } }).collect(),
        }
    }

    fn sample() -> Timeline {
        let mut planned = entry(&["CN", "IR"], Some("2018-09"), &[("CN", "Wei Fenghe", "defense minister")], &["fa"]);
        planned.meeting.status = Status::Planned;
        planned.meeting.occasion = Some("SCO summit".into());
        let mut phone = entry(&["IR", "RU"], None, &[], &["en"]);
        phone.meeting.mode = Mode::Phone;
        Timeline {
            entries: vec![
                entry(&["IR", "KZ"], Some("2018-04-04"), &[("IR", "Amir Hatami", "defense minister")], &["ar", "en"]),
                planned,
                entry(&["IR", "PK"], Some("2019"), &[("IR", "Amir Hatami", "defense minister"), ("PK", "Qamar Bajwa", "army chief")], &["en"]),
                phone,
            ],
        }
    }

    fn keep(f: TimelineFilter) -> Vec<usize> {
        let t = sample();
        f.apply(&t, &SearchTexts::of(&t))
    }

    #[test]
    fn each_filter_keeps_only_what_it_names() {
        assert_eq!(keep(TimelineFilter::default()), [0, 1, 2, 3]);
        assert_eq!(keep(TimelineFilter { country: Some("PK".into()), ..Default::default() }), [2]);
        assert_eq!(keep(TimelineFilter { person: Some("Amir Hatami".into()), ..Default::default() }), [0, 2]);
        assert_eq!(keep(TimelineFilter { role: Some("army chief".into()), ..Default::default() }), [2]);
        assert_eq!(keep(TimelineFilter { lang: Some("ar".into()), ..Default::default() }), [0]);
        assert_eq!(keep(TimelineFilter { status: Some(Status::Planned), ..Default::default() }), [1]);
        assert_eq!(keep(TimelineFilter { mode: Some(Mode::Phone), ..Default::default() }), [3]);
        assert_eq!(keep(TimelineFilter { topic: Some("navy".into()), ..Default::default() }), Vec::<usize>::new());
    }

    #[test]
    fn date_range_keeps_overlapping_dates_and_drops_undated() {
        let range = |a: &str, b: &str| TimelineFilter { from: PartialDate::parse(a), to: PartialDate::parse(b), ..Default::default() };
        assert_eq!(keep(range("2018-09-15", "2018-12")), [1], "a month overlapping the range is kept");
        assert_eq!(keep(range("2018", "2018")), [0, 1]);
        assert_eq!(keep(TimelineFilter { from: PartialDate::parse("2019-06-01"), ..Default::default() }), [2]);
        assert_eq!(keep(range("2020", "2021")), Vec::<usize>::new());
    }

    #[test]
    fn text_search_is_case_blind_and_folds_arabic_letters() {
        let text = |s: &str| keep(TimelineFilter { text: s.into(), ..Default::default() });
        assert_eq!(text("hatami"), [0, 2]);
        assert_eq!(text("kazakhstan"), [0], "party names are searched");
        assert_eq!(text("SCO SUMMIT"), [1]);
        assert_eq!(text("moscow"), [0, 1, 2, 3]);
        assert_eq!(text("التقي"), [0, 1, 2, 3], "ى/ي folded");
        assert_eq!(text("   "), [0, 1, 2, 3]);
        assert_eq!(text("nothing like this"), Vec::<usize>::new());
        assert_eq!(text("قزاقستان"), [0], "a party by its Persian name");
        assert_eq!(text("كازاخستان"), [0], "a party by its Arabic name");
        assert_eq!(text("مسکو"), [0, 1, 2, 3], "a city by its Persian name");
        assert_eq!(text("وزير الدفاع"), [0, 1, 2], "a role by its Arabic name");
    }

    #[test]
    fn facets_list_each_value_once() {
        let f = Facets::of(&sample());
        assert_eq!(f.countries, ["CN", "IR", "KZ", "PK", "RU"]);
        assert_eq!(f.people, ["Amir Hatami", "Qamar Bajwa", "Wei Fenghe"]);
        assert_eq!(f.langs, ["ar", "en", "fa"]);
    }

    #[test]
    fn lanes_by_counterpart_occasion_and_person() {
        let t = sample();
        let all = [0, 1, 2, 3];
        assert_eq!(home_party(&t, &all).as_deref(), Some("IR"));
        let keys = |by| lanes(&t, &all, by).into_iter().map(|l| (l.key, l.entries)).collect::<Vec<_>>();
        assert_eq!(keys(LaneBy::Counterpart), [("CN".into(), vec![1]), ("KZ".into(), vec![0]), ("PK".into(), vec![2]), ("RU".into(), vec![3])]);
        assert_eq!(keys(LaneBy::Occasion), [("SCO summit".into(), vec![1]), (String::new(), vec![0, 2, 3])]);
        assert_eq!(
            keys(LaneBy::Person),
            [("Amir Hatami".into(), vec![0, 2]), ("Qamar Bajwa".into(), vec![2]), ("Wei Fenghe".into(), vec![1]), (String::new(), vec![3])]
        );
        assert!(lanes(&t, &[], LaneBy::Counterpart).is_empty());
        assert!(lanes(&t, &[99], LaneBy::Person).is_empty(), "an index out of range is skipped");
    }

    #[test]
    fn counterpart_matrix_counts_pairs_symmetrically() {
        let t = sample();
        let m = CounterpartMatrix::of(&t, &[0, 1, 2, 3]);
        assert_eq!(m.parties[0], "IR");
        assert_eq!(m.totals[0], 4);
        let i = m.parties.iter().position(|p| p == "PK").unwrap();
        assert_eq!((m.counts[0][i], m.counts[i][0], m.counts[i][i]), (1, 1, 0));
        assert_eq!(m.max(), 1);
        assert_eq!(CounterpartMatrix::of(&t, &[]).max(), 0);
    }

    #[test]
    fn zoom_keeps_the_anchor_and_stays_within_a_week_and_two_centuries() {
        let s = Scale { start: 0.0, end: 1000.0 };
        let z = s.zoom(2.0, 0.25);
        assert_eq!((z.start, z.end), (125.0, 625.0));
        assert!((z.zoom(0.5, 0.25).start - s.start).abs() < 1e-9, "zooming back out returns");
        let mut deep = s;
        for _ in 0..100 {
            deep = deep.zoom(3.0, 0.5);
        }
        assert_eq!(deep.span(), Scale::MIN_SPAN);
        let mut wide = s;
        for _ in 0..100 {
            wide = wide.zoom(0.3, 0.5);
        }
        assert_eq!(wide.span(), Scale::MAX_SPAN);
        assert_eq!(s.zoom(f64::NAN, 0.5), s);
        assert_eq!(s.pan(0.1), Scale { start: 100.0, end: 1100.0 });
        assert_eq!(s.pan(f64::INFINITY), s);
        assert_eq!(s.x(500.0, 200.0), 100.0);
    }

    #[test]
    fn ticks_go_from_decades_to_days() {
        let day = |y, m, d| Ymd::new(y, m, d).unwrap().day_number();
        let fit = |a: i64, b: i64| Scale { start: a as f64, end: b as f64 };
        let decades = fit(day(1950, 1, 1), day(2030, 1, 1)).ticks(Calendar::Gregorian, 12);
        assert!(decades.iter().all(|t| t.unit == TickUnit::Year && t.year % 10 == 0), "{decades:?}");
        assert!(decades.len() <= 12 && decades.len() >= 7);
        let years = fit(day(2015, 6, 1), day(2021, 6, 1)).ticks(Calendar::Gregorian, 8);
        assert_eq!(years.iter().map(|t| t.year).collect::<Vec<_>>(), [2016, 2017, 2018, 2019, 2020, 2021]);
        let months = fit(day(2018, 1, 15), day(2018, 6, 15)).ticks(Calendar::Gregorian, 12);
        assert_eq!(months.iter().map(|t| t.month).collect::<Vec<_>>(), [2, 3, 4, 5, 6]);
        let days = fit(day(2018, 4, 1), day(2018, 4, 8)).ticks(Calendar::Gregorian, 12);
        assert_eq!(days.iter().map(|t| t.dom).collect::<Vec<_>>(), [1, 2, 3, 4, 5, 6, 7, 8]);
        // Jalali months begin around the 21st of Gregorian months: Farvardin 1397 = 21 March 2018.
        let jalali = fit(day(2018, 3, 1), day(2018, 5, 1)).ticks(Calendar::Jalali, 4);
        assert_eq!(jalali.iter().map(|t| (t.year, t.month, t.day)).collect::<Vec<_>>(), [(1397, 1, day(2018, 3, 21)), (1397, 2, day(2018, 4, 21))]);
        let half_years = fit(day(2018, 2, 1), day(2020, 9, 1)).ticks(Calendar::Gregorian, 6);
        assert_eq!(half_years.iter().map(|t| (t.year, t.month)).collect::<Vec<_>>(), [(2018, 7), (2019, 1), (2019, 7), (2020, 1), (2020, 7)]);
        let narrow = fit(day(2018, 1, 1), day(2021, 1, 1)).ticks(Calendar::Gregorian, 4);
        assert_eq!(narrow.iter().map(|t| (t.unit, t.year)).collect::<Vec<_>>(), [(TickUnit::Year, 2018), (TickUnit::Year, 2019), (TickUnit::Year, 2020), (TickUnit::Year, 2021)]);
        assert!(Scale { start: f64::NAN, end: 3.0 }.ticks(Calendar::Hijri, 12).len() <= 61);
    }

    #[test]
    fn fit_shows_every_span_and_has_a_default() {
        let s = Scale::fit([(100, 200), (5000, 5001)]);
        assert!(s.start < 100.0 && s.end > 5001.0);
        assert!(Scale::fit([]).span() > 3000.0);
        assert_eq!(Scale::fit([(10, 11)]).span(), 31.0);
    }

    #[test]
    fn dates_shown_in_three_calendars() {
        let d = PartialDate::parse("2018-04-04").unwrap();
        assert_eq!(shown_date(&d, Calendar::Gregorian), Some(ShownDate::Day { year: 2018, month: 4, day: 4 }));
        assert_eq!(shown_date(&d, Calendar::Jalali), Some(ShownDate::Day { year: 1397, month: 1, day: 15 }));
        assert_eq!(shown_date(&d, Calendar::Hijri), Some(ShownDate::Day { year: 1439, month: 7, day: 18 }));
        let m = PartialDate::parse("2018-04").unwrap();
        assert_eq!(shown_date(&m, Calendar::Jalali), Some(ShownDate::Months { from: (1397, 1), to: (1397, 2) }));
        let y = PartialDate::parse("2018").unwrap();
        assert_eq!(shown_date(&y, Calendar::Jalali), Some(ShownDate::Years { from: 1396, to: 1397 }));
        assert_eq!(day_span(&PartialDate::parse("2019-02").unwrap()).map(|(a, b)| b - a), Some(28));
        assert_eq!(Calendar::from_code("hijri"), Some(Calendar::Hijri));
    }

    #[test]
    fn evidence_split_never_cuts_a_character() {
        let text = "ایران و روسیه دیدار کردند.";
        let (a, b, c) = split_at_evidence(text, 6, 13);
        assert_eq!((a, b, c), ("ایران ", "و روسیه", " دیدار کردند."));
        assert_eq!(split_at_evidence("abc", 2, 99), ("ab", "c", ""));
        assert_eq!(split_at_evidence("abc", 5, 1), ("abc", "", ""));
        assert_eq!(split_at_evidence("", 0, 0), ("", "", ""));
        let ev = |start, end, text: &str| Evidence { start, end, text: text.into() };
        assert_eq!(evidence_parts(text, &ev(6, 13, "و روسیه")), ("ایران ", "و روسیه", " دیدار کردند."));
        assert_eq!(evidence_parts(text, &ev(0, 7, "دیدار")), ("ایران و روسیه ", "دیدار", " کردند."), "stale offsets: found by text");
        assert_eq!(evidence_parts(text, &ev(0, 3, "nowhere")), (text, "", ""));
        let emoji = "a👍🏽b";
        assert_eq!(split_at_evidence(emoji, 1, 3), ("a", "👍🏽", "b"));
    }
}
