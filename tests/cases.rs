//! Extraction cases as data (`tests/cases.json`): a snippet of an article and
//! the meetings a careful reader finds in it. Only the fields a case gives are
//! checked; meetings are matched by party set, in order.

use didar::{analyze, Article};
use serde_json::Value;

fn field<'a>(v: &'a Value, k: &str) -> Option<&'a Value> {
    v.get(k).filter(|x| !x.is_null())
}

#[test]
fn extraction_cases() {
    let cases: Vec<Value> = serde_json::from_str(include_str!("cases.json")).unwrap();
    let mut failures = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let a = analyze(&Article { id: "case".into(), text: case["text"].as_str().unwrap().into() });
        let mut problems = Vec::new();
        if let Some(p) = field(case, "published") {
            if a.published.as_deref() != p.as_str() {
                problems.push(format!("published {:?}, expected {p}", a.published));
            }
        }
        let expected = case["meetings"].as_array().unwrap();
        let got: Vec<Vec<String>> = a.meetings.iter().map(|m| m.parties.clone()).collect();
        let want: Vec<Vec<String>> = expected.iter().map(|m| serde_json::from_value(m["parties"].clone()).unwrap()).collect();
        if got != want {
            problems.push(format!("meetings {got:?}, expected {want:?}"));
        } else {
            for (m, e) in a.meetings.iter().zip(expected) {
                let check = |what: &str, actual: Option<&str>| {
                    field(e, what).and_then(|v| (v.as_str() != actual).then(|| format!("{what} {actual:?}, expected {v}")))
                };
                let city = m.location.as_ref().and_then(|l| l.city.as_deref());
                let country = m.location.as_ref().and_then(|l| l.country.as_deref());
                problems.extend(
                    [
                        check("date", m.date.as_deref()),
                        check("status", Some(m.status.as_str())),
                        check("mode", Some(m.mode.as_str())),
                        check("occasion", m.occasion.as_deref()),
                        check("city", city),
                        check("country", country),
                    ]
                    .into_iter()
                    .flatten(),
                );
                for t in field(e, "topics").and_then(Value::as_array).into_iter().flatten() {
                    if !m.topics.iter().any(|x| Some(x.as_str()) == t.as_str()) {
                        problems.push(format!("topics {:?} lack {t}", m.topics));
                    }
                }
                // "roles": [party, role] pairs, each held by some participant.
                for r in field(e, "roles").and_then(Value::as_array).into_iter().flatten() {
                    let (party, role) = (r[0].as_str(), r[1].as_str());
                    if !m.participants.iter().any(|p| Some(p.party.as_str()) == party && p.role.as_deref() == role) {
                        problems.push(format!("no participant of {party:?} with the role {role:?}"));
                    }
                }
                for n in field(e, "names").and_then(Value::as_array).into_iter().flatten() {
                    if !m.participants.iter().any(|p| p.name.as_deref() == n.as_str()) {
                        problems.push(format!("no participant named {n}"));
                    }
                }
                // "only_names": the names of all named participants, no more.
                if let Some(only) = field(e, "only_names").and_then(Value::as_array) {
                    let mut want: Vec<&str> = only.iter().filter_map(Value::as_str).collect();
                    let mut got: Vec<&str> = m.participants.iter().filter_map(|p| p.name.as_deref()).collect();
                    want.sort_unstable();
                    got.sort_unstable();
                    if want != got {
                        problems.push(format!("named {got:?}, not {want:?}"));
                    }
                }
            }
        }
        if !problems.is_empty() {
            failures.push(format!("{name}: {}", problems.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}
