//! What each stage produced for a text, as JSON, so that the stages' tables of
//! examples (`tests/examples/<stage>.json`, run by `tests/examples.rs`) check
//! a stage's own output rather than only the meetings at the end.

use crate::model::order;
use super::actors::{Actor, ActorKind};
use super::{dates, frames, meeting, Early};
use crate::knowledge::Knowledge;
use crate::text::{lang, Folded};
use serde_json::{json, Value};

/// The stages that can be shown.
pub const STAGES: [&str; 4] = ["dates", "actors", "frames", "names"];

/// What `stage` produced for `text` (`None` for an unknown stage): for
/// `dates`, the dates written, in text order, and the publication date; for
/// `actors`, each actor's party, kind, role and name; for `frames`, each
/// sentence's meeting drafts with their sides and mode, before the refiners;
/// for `names`, each name the knowledge lacks as a participant gets it (its
/// English spelling, and the text's beside it when it is romanised).
pub fn stage(stage: &str, text: &str) -> Option<Value> {
    let k = Knowledge::get();
    let folded = Folded::new(text);
    let Early { sentences, dates, reader, actors } = Early::read(&folded, lang::detect(text));
    match stage {
        "dates" => {
            let written: Vec<Value> = dates.iter().map(|d| json!({"date": d.date.to_string(), "yearless": d.yearless})).collect();
            Some(json!({"dates": written, "published": dates::publication(&folded.text, &reader.mentions, &dates).map(|p| p.to_string())}))
        }
        "actors" => Some(Value::Array(actors.iter().map(|a| actor(k, a)).collect())),
        "frames" => {
            let drafts = frames::drafts(&reader, &sentences, &actors);
            Some(Value::Array(
                drafts
                    .iter()
                    .map(|d| {
                        let mut sides: Vec<&str> = d.actors.iter().map(|a| k.party(a.party)).collect();
                        order::sort(&mut sides);
                        sides.dedup();
                        json!({"sides": sides, "mode": d.mode.as_str()})
                    })
                    .collect(),
            ))
        }
        "names" => Some(Value::Array(
            (actors.iter())
                .filter(|a| a.officials.is_empty())
                .filter_map(|a| {
                    let (name, name_in_text) = meeting::written(&reader, &folded, text, a, a.written_name.as_deref()?);
                    Some(json!({"party": k.party(a.party), "name": name, "name_in_text": name_in_text}))
                })
                .collect(),
        )),
        _ => None,
    }
}

fn actor(k: &Knowledge, a: &Actor) -> Value {
    let kind = match a.kind {
        ActorKind::Official => "official",
        ActorKind::Role => "role",
        ActorKind::Counterpart => "counterpart",
        ActorKind::Demonym => "demonym",
        ActorKind::Country => "country",
    };
    let name = a.officials.first().map(|&o| k.official(o).name.clone()).or_else(|| a.written_name.as_deref().map(String::from));
    let role = a.role.map(str::to_string).or_else(|| a.officials.first().map(|&o| k.official(o).role.clone()));
    json!({"party": k.party(a.party), "kind": kind, "role": role, "name": name, "attendee": a.attendee})
}
