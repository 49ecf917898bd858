//! The timeline of meetings.

use crate::knowledge::Knowledge;
use crate::model::{Meeting, Mode, Status};
use crate::timeline::{Entry, Timeline};
use leptos::prelude::*;

fn parties_label(m: &Meeting) -> String {
    let k = Knowledge::get();
    m.parties.iter().map(|p| k.party_name(p).to_string()).collect::<Vec<_>>().join(" – ")
}

fn people_label(m: &Meeting) -> String {
    m.participants
        .iter()
        .map(|p| {
            let who = p.name.clone().unwrap_or_else(|| "unnamed".into());
            match &p.role {
                Some(r) => format!("{who} ({r}, {})", p.party),
                None => format!("{who} ({})", p.party),
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn entry_view(e: Entry) -> impl IntoView {
    let m = e.meeting;
    let key = m.party_key();
    let date = m.date.clone().unwrap_or_default();
    let shown_date = m.date.clone().unwrap_or_else(|| "date unknown".into());
    let mode = match m.mode {
        Mode::InPerson => "in person",
        Mode::Phone => "phone",
        Mode::Video => "video",
    };
    let status = match m.status {
        Status::Held => "held",
        Status::Planned => "planned",
    };
    let place = m.location.as_ref().map(|l| {
        let k = Knowledge::get();
        match (&l.city, &l.country) {
            (Some(c), Some(k2)) => format!("{c}, {}", k.party_name(k2)),
            (None, Some(k2)) => k.party_name(k2).to_string(),
            (Some(c), None) => c.clone(),
            (None, None) => String::new(),
        }
    });
    view! {
        <li class="event" class:planned=m.status == Status::Planned data-testid="timeline-event" data-parties=key data-date=date>
            <div class="event-date">{shown_date}</div>
            <div class="event-body">
                <div class="event-parties">{parties_label(&m)}</div>
                <div class="event-meta">
                    <span class="badge">{status}</span>
                    <span class="badge">{mode}</span>
                    {place.map(|p| view! { <span class="place">{p}</span> })}
                    {m.occasion.clone().map(|o| view! { <span class="occasion">{o}</span> })}
                </div>
                <div class="event-people">{people_label(&m)}</div>
                <ul class="sources">
                    {e.sources.into_iter().map(|s| view! {
                        <li class="source">
                            <blockquote class="evidence" dir="auto" lang=super::html_lang(&s.lang)>{s.evidence.text}</blockquote>
                            <cite>{s.article}</cite>
                        </li>
                    }).collect_view()}
                </ul>
            </div>
        </li>
    }
}

#[component]
pub fn TimelineView(timeline: Memo<Timeline>) -> impl IntoView {
    view! {
        <h2>"Timeline"</h2>
        <p class="count">{move || format!("{} meetings", timeline.with(|t| t.entries.len()))}</p>
        <ol class="timeline">
            {move || timeline.get().entries.into_iter().map(entry_view).collect_view()}
        </ol>
    }
}
