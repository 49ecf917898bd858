//! The tables of examples, one per stage (`tests/examples/<stage>.json`), in
//! the manner of Duckling's corpora: each example is a snippet of an article
//! and what the stage must produce for it. Only the fields an example gives
//! are checked. `meetings.json` holds whole meetings (the end of the
//! pipeline), matched by party set in order; the others check one stage's own
//! output (`didar::extract::examples::stage`): `dates` (dates written and the
//! publication date), `actors` (each actor's party, kind, role, name), `frames`
//! (each sentence's meeting drafts, before the refiners), `names` (each name
//! the knowledge lacks, as a participant gets it: romanised, and as written). `dating.json` holds
//! whole meetings too, for their date's interval and the kinds of its reasons.
//!
//! A new rule comes with its examples in the table of its stage, in every
//! language the phenomenon occurs in.

use didar::{analyze, Article};
use serde_json::Value;
use std::path::Path;

fn field<'a>(v: &'a Value, k: &str) -> Option<&'a Value> {
    v.get(k).filter(|x| !x.is_null())
}

/// What is wrong with the meetings found in an example of `meetings.json`.
fn meeting_problems(case: &Value) -> Vec<String> {
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
                    check("interval", m.date_interval.map(|i| i.to_string()).as_deref()),
                    check("status", Some(m.status.as_str())),
                    check("mode", Some(m.mode.as_str())),
                    check("occasion", m.occasion.as_deref()),
                    check("city", city),
                    check("country", country),
                ]
                .into_iter()
                .flatten(),
            );
            // "date": null — the meeting must stay undated; "occasion": null — held at none.
            if e.get("date").is_some_and(Value::is_null) && m.date.is_some() {
                problems.push(format!("date {:?}, expected none", m.date));
            }
            if e.get("occasion").is_some_and(Value::is_null) && m.occasion.is_some() {
                problems.push(format!("occasion {:?}, expected none", m.occasion));
            }
            // "reasons": the kinds of the date's reasons, in order.
            if let Some(want) = field(e, "reasons").and_then(Value::as_array) {
                let got: Vec<&str> = m.date_reasons.iter().map(|r| r.kind.as_str()).collect();
                if want.iter().map(Value::as_str).collect::<Vec<_>>() != got.iter().map(|k| Some(*k)).collect::<Vec<_>>() {
                    problems.push(format!("date reasons {got:?}, expected {want:?}"));
                }
            }
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
    problems
}

/// What is wrong with a stage's output for an example: every field the
/// example gives (the list under the stage's name, compared item by item, and
/// any other field of the stage's output, such as `published`) must be equal.
fn stage_problems(stage: &str, case: &Value) -> Vec<String> {
    let text = case["text"].as_str().unwrap();
    let Some(output) = didar::extract::examples::stage(stage, text) else { return vec![format!("no stage {stage:?}")] };
    let output = if output.is_array() { serde_json::json!({ stage: output }) } else { output };
    let mut problems = Vec::new();
    let expected = case[stage].as_array().unwrap();
    let got = output[stage].as_array().unwrap();
    if expected.len() != got.len() {
        problems.push(format!("{} {stage}, expected {}: {got:?}", got.len(), expected.len()));
    } else {
        for (n, (e, g)) in expected.iter().zip(got).enumerate() {
            for (k, v) in e.as_object().unwrap() {
                if g.get(k) != Some(v) {
                    problems.push(format!("{stage}[{n}].{k} = {:?}, expected {v}", g.get(k)));
                }
            }
        }
    }
    for (k, v) in case.as_object().unwrap().iter().filter(|(k, _)| !["name", "lang", "text", stage].contains(&k.as_str())) {
        if output.get(k) != Some(v) {
            problems.push(format!("{k} = {:?}, expected {v}", output.get(k)));
        }
    }
    problems
}

#[test]
fn every_stage_table() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/examples");
    let mut tables: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "json")).collect();
    tables.sort();
    let (mut failures, mut count) = (Vec::new(), 0);
    for table in &tables {
        let stage = table.file_stem().unwrap().to_str().unwrap();
        let cases: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(table).unwrap()).unwrap();
        for case in &cases {
            count += 1;
            let problems = if stage == "meetings" || stage == "dating" { meeting_problems(case) } else { stage_problems(stage, case) };
            if !problems.is_empty() {
                failures.push(format!("{stage}: {}: {}", case["name"].as_str().unwrap(), problems.join("; ")));
            }
        }
    }
    assert!(tables.len() >= 4, "tables found: {tables:?}");
    assert!(failures.is_empty(), "{} of {count} examples failed:\n{}", failures.len(), failures.join("\n"));
}
