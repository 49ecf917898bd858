//! The timeline's meetings exported for other tools: CSV (RFC 4180), JSON and
//! iCalendar (RFC 5545).

use crate::model::calendar::Ymd;
use crate::knowledge::Knowledge;
use crate::model::{Meeting, PartialDate};
use crate::timeline::{Entry, Timeline};

/// The timeline's entries as JSON (each meeting with all its sources).
pub fn meetings_json(t: &Timeline) -> String {
    serde_json::to_string_pretty(&t.entries).expect("a timeline always serializes")
}

fn people(m: &Meeting) -> String {
    m.participants
        .iter()
        .map(|p| {
            let mut who = p.name.clone().unwrap_or_else(|| "unnamed".into());
            // A romanised name with the text's own spelling beside it.
            if let Some(own) = p.name_in_text.as_deref().filter(|_| p.name.is_some()) {
                who = format!("{who} «{own}»");
            }
            match &p.role {
                Some(r) => format!("{who} ({r}, {})", p.party),
                None => format!("{who} ({})", p.party),
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// One CSV field: quoted when it holds a comma, quote or line break (quotes
/// doubled), and prefixed with `'` when a spreadsheet would read it as a formula.
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_string() };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

pub const CSV_HEADER: &[&str] =
    &["date", "interval", "parties", "status", "mode", "city", "country", "occasion", "participants", "articles", "evidence"];

/// The timeline's meetings as CSV, one row per meeting, CRLF line ends.
pub fn meetings_csv(t: &Timeline) -> String {
    let mut out = CSV_HEADER.join(",") + "\r\n";
    for e in &t.entries {
        let m = &e.meeting;
        let loc = m.location.as_ref();
        let row = [
            m.date.clone().unwrap_or_default(),
            m.date_interval.map(|i| i.to_string()).unwrap_or_default(),
            m.party_key(),
            m.status.as_str().to_string(),
            m.mode.as_str().to_string(),
            loc.and_then(|l| l.city.clone()).unwrap_or_default(),
            loc.and_then(|l| l.country.clone()).unwrap_or_default(),
            m.occasion.clone().unwrap_or_default(),
            people(m),
            e.sources.iter().map(|s| s.article.as_str()).collect::<Vec<_>>().join("; "),
            e.sources.first().map(|s| s.evidence.text.clone()).unwrap_or_default(),
        ];
        out += &row.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(",");
        out += "\r\n";
    }
    out
}

/// An iCalendar TEXT value: `\`, `;`, `,` and line breaks escaped.
fn ics_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded to at most 75 octets per line (continuations start
/// with a space), never inside a UTF-8 character, ended by CRLF.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf29ce484222325, |h, b| (h ^ b as u64).wrapping_mul(0x100000001b3))
}

/// A UID that stays the same across exports: from the meeting's parties and
/// its first report (article and evidence span).
pub fn uid(e: &Entry) -> String {
    let first = e.sources.first();
    let seed = format!(
        "{}|{}|{}|{}",
        e.meeting.party_key(),
        first.map_or("", |s| s.article.as_str()),
        first.map_or(0, |s| s.evidence.start),
        first.map_or(0, |s| s.evidence.end)
    );
    format!("{:016x}@didar", fnv1a(&seed))
}

/// First day and the day after the last day of a partial date.
fn span(d: &PartialDate) -> Option<(Ymd, Ymd)> {
    let (y, m, day) = d.first_day();
    let start = Ymd::new(y, m, day)?;
    let end = match (d.month, d.day) {
        (Some(_), Some(_)) => start.add_days(1)?,
        (Some(m), None) => if m == 12 { Ymd::new(y + 1, 1, 1)? } else { Ymd::new(y, m + 1, 1)? },
        _ => Ymd::new(y + 1, 1, 1)?,
    };
    Some((start, end))
}

fn ics_date(d: Ymd) -> String {
    format!("{:04}{:02}{:02}", d.year, d.month, d.day)
}

/// The longest span a calendar event may stand for (days): a meeting known
/// only to the year, or to an interval of months, is left out.
const CALENDAR_SPAN_DAYS: i64 = 31;

/// The days a meeting stands for in a calendar (first, the day after the
/// last): its date's or its interval's, whichever is narrower, if at most a month.
fn calendar_span(m: &Meeting) -> Option<(Ymd, Ymd)> {
    let date = m.date.as_deref().and_then(PartialDate::parse).and_then(|d| span(&d));
    let interval = m.date_interval.filter(|i| i.is_bounded()).and_then(|i| Some((i.from?, i.to?.add_days(1)?)));
    let days = |(a, b): &(Ymd, Ymd)| b.day_number() - a.day_number();
    [date, interval].into_iter().flatten().min_by_key(days).filter(|s| days(s) <= CALENDAR_SPAN_DAYS)
}

/// The timeline's meetings as an iCalendar file, as all-day events of a day,
/// or of the month or interval (at most a month) the evidence allows; and how
/// many meetings were left out (undated, or known only to a longer span).
/// `stamp` is the DTSTAMP, `YYYYMMDDTHHMMSSZ`.
pub fn meetings_ics(t: &Timeline, stamp: &str) -> (String, usize) {
    let k = Knowledge::get();
    let mut out = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Didar//Diplomatic meetings//EN\r\nCALSCALE:GREGORIAN\r\n");
    let mut undated = 0;
    for e in &t.entries {
        let m = &e.meeting;
        let Some((start, end)) = calendar_span(m) else {
            undated += 1;
            continue;
        };
        let names = m.parties.iter().map(|p| k.party_name(p).to_string()).collect::<Vec<_>>().join(" – ");
        let mut summary = format!("{names} ({})", m.mode.as_str().replace('_', " "));
        if m.status == crate::model::Status::Planned {
            summary.push_str(", planned");
        }
        let known = match (m.date_precision.as_deref(), m.date_interval) {
            (Some("day"), _) | (_, None) => m.date_precision.as_deref().map_or(String::new(), |p| format!("date known to the {p}")),
            (_, Some(i)) => format!("held within {i}"),
        };
        let mut desc = format!("{}\n{known}", people(m));
        for s in &e.sources {
            desc.push_str(&format!("\n\n{}: {}", s.article, s.evidence.text));
        }
        out += "BEGIN:VEVENT\r\n";
        out += &fold(&format!("UID:{}", uid(e)));
        out += &format!("DTSTAMP:{stamp}\r\n");
        out += &format!("DTSTART;VALUE=DATE:{}\r\n", ics_date(start));
        out += &format!("DTEND;VALUE=DATE:{}\r\n", ics_date(end));
        out += &fold(&format!("SUMMARY:{}", ics_text(&summary)));
        if let Some(l) = &m.location {
            let place = [l.city.clone(), l.country.as_deref().map(|c| k.party_name(c).to_string())]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ");
            if !place.is_empty() {
                out += &fold(&format!("LOCATION:{}", ics_text(&place)));
            }
        }
        out += &fold(&format!("DESCRIPTION:{}", ics_text(&desc)));
        out += "END:VEVENT\r\n";
    }
    out += "END:VCALENDAR\r\n";
    (out, undated)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Analysis, Evidence, Participant};

    fn timeline(meetings: Vec<(Option<&str>, &str)>) -> Timeline {
        let meetings = meetings
            .into_iter()
            .enumerate()
            .map(|(i, (date, evidence))| Meeting {
                participants: vec![Participant { party: "IR".into(), name: Some("Amir Hatami".into()), role: Some("defense minister".into()), ..Default::default() }],
                date: date.map(str::to_string),
                date_precision: date.and_then(PartialDate::parse).map(|d| d.precision().to_string()),
                evidence: Evidence { start: 100 * i, end: 100 * i + 9, text: evidence.into() },
                ..Meeting::of(&["IR", "KZ"])
            })
            .collect();
        Timeline::build([&Analysis { id: "a1".into(), lang: "en".into(), published: None, meetings }])
    }

    #[test]
    fn csv_quotes_fields_and_defuses_formulas() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\"\nthen"), "\"say \"\"hi\"\"\nthen\"");
        for f in ["=HYPERLINK(\"x\")", "+1", "-1", "@SUM(A1)"] {
            assert!(csv_field(f).trim_start_matches('"').starts_with('\''), "{f}");
        }
        let csv = meetings_csv(&timeline(vec![(Some("2018-04-04"), "=cmd|' /C calc'!A0, \"quoted\"")]));
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], CSV_HEADER.join(","));
        assert_eq!(
            lines[1],
            r#"2018-04-04,,IR-KZ,held,in_person,,,,"Amir Hatami (defense minister, IR)",a1,"'=cmd|' /C calc'!A0, ""quoted""""#
        );
        assert_eq!(lines.len(), 3, "two rows and the empty string after the last CRLF");
    }

    #[test]
    fn csv_and_ics_carry_the_interval_and_the_calendar_keeps_spans_of_at_most_a_month() {
        let mut t = timeline(vec![(None, "a"), (Some("2019"), "b"), (Some("2025"), "c"), (Some("2018-04"), "d")]);
        let set = |t: &mut Timeline, evidence: &str, interval: &str| {
            let e = t.entries.iter_mut().find(|e| e.meeting.evidence.text == evidence).unwrap();
            e.meeting.date_interval = crate::model::Interval::parse(interval);
        };
        set(&mut t, "a", "2019-04-28/2019-05-03"); // undated, but bounded to six days
        set(&mut t, "b", "2019-04-23/2019-04-25"); // the year, but the edition's three days
        set(&mut t, "c", "2025-01-23/2025-07-25"); // half a year: left out
        let csv = meetings_csv(&t);
        assert!(csv.contains(",2019-04-28/2019-05-03,IR-KZ,"), "{csv}");
        assert!(csv.contains("2025,2025-01-23/2025-07-25,IR-KZ,"), "{csv}");
        let (ics, left_out) = meetings_ics(&t, "20250101T000000Z");
        assert_eq!(left_out, 1);
        assert!(ics.contains("DTSTART;VALUE=DATE:20190428\r\nDTEND;VALUE=DATE:20190504\r\n"));
        assert!(ics.contains("DTSTART;VALUE=DATE:20190423\r\nDTEND;VALUE=DATE:20190426\r\n"));
        assert!(ics.contains("DTSTART;VALUE=DATE:20180401\r\nDTEND;VALUE=DATE:20180501\r\n"), "a month is a month-long event");
        assert!(ics.replace("\r\n ", "").contains("held within 2019-04-23/2019-04-25"));
        let json = meetings_json(&t);
        assert!(json.contains("\"date_interval\": \"2019-04-28/2019-05-03\""), "the JSON carries the EDTF interval");
    }

    #[test]
    fn ics_escapes_folds_and_leaves_out_undated_meetings() {
        let long = "Hatami, Iran's minister; met \\ his counterpart\nin Moscow ".repeat(4) + "التقى وزير الدفاع";
        let t = timeline(vec![(Some("2018-04-04"), &long), (Some("2019-04"), "x"), (None, "y")]);
        let (ics, undated) = meetings_ics(&t, "20250101T000000Z");
        assert_eq!(undated, 1);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2);
        assert!(ics.contains("DTSTART;VALUE=DATE:20180404\r\nDTEND;VALUE=DATE:20180405\r\n"));
        assert!(ics.contains("DTSTART;VALUE=DATE:20190401\r\nDTEND;VALUE=DATE:20190501\r\n"), "a month is a month-long event");
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "line of {} octets: {line}", line.len());
            assert!(!line.contains('\n') && !line.contains('\r'));
        }
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains("Hatami\\, Iran's minister\\; met \\\\ his counterpart\\nin Moscow"));
        assert!(unfolded.contains("التقى وزير الدفاع"), "folding keeps multibyte characters whole");
        // UIDs are stable and distinct.
        let uids: Vec<&str> = unfolded.lines().filter_map(|l| l.strip_prefix("UID:")).collect();
        assert_eq!(uids.len(), 2);
        assert_ne!(uids[0], uids[1]);
        assert_eq!(meetings_ics(&t, "20250101T000000Z").0, ics);
    }

    #[test]
    fn json_export_keeps_every_source() {
        let json = meetings_json(&timeline(vec![(Some("2018"), "x")]));
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v[0]["meeting"]["parties"], serde_json::json!(["IR", "KZ"]));
        assert_eq!(v[0]["sources"][0]["article"], "a1");
    }
}
