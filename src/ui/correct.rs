//! Correcting an article's meetings: edit parties, date, status and mode,
//! delete a meeting, add one the extractor missed, remove one of your own
//! articles. The rules live in [`crate::library::correction`] and [`crate::library`].

use super::i18n::{message as core_message, said, use_ui, Said};
use super::storage::Shelf;
use crate::library::correction::{Fix, Handle, Shown};
use crate::library::Origin;
use crate::model::{Mode, Status};
use leptos::prelude::*;

fn status_of(s: &str) -> Status {
    if s == "planned" { Status::Planned } else { Status::Held }
}

fn mode_of(s: &str) -> Mode {
    match s {
        "phone" => Mode::Phone,
        "video" => Mode::Video,
        _ => Mode::InPerson,
    }
}

fn title_of(text: &str) -> String {
    text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("").chars().take(60).collect()
}

/// A refusal from the core, shown in the interface language.
fn refusal(e: impl std::fmt::Display) -> (bool, Said) {
    let e = e.to_string();
    (false, said(move |l| core_message(l, &e)))
}

/// Parties, date, status and mode fields, bound to signals.
#[component]
fn FixFields(prefix: &'static str, parties: RwSignal<String>, date: RwSignal<String>, status: RwSignal<String>, mode: RwSignal<String>) -> impl IntoView {
    let ui = use_ui();
    view! {
        <input type="text" class="fix-parties" data-testid=format!("{prefix}-parties") aria-label=move || ui.t().parties_field placeholder="IR KZ" dir="ltr"
            prop:value=move || parties.get() on:input=move |e| parties.set(event_target_value(&e)) />
        <input type="text" class="fix-date" data-testid=format!("{prefix}-date") aria-label=move || ui.t().date_field placeholder="YYYY-MM-DD" dir="ltr"
            prop:value=move || date.get() on:input=move |e| date.set(event_target_value(&e)) />
        <select data-testid=format!("{prefix}-status") aria-label=move || ui.t().status prop:value=move || status.get() on:change=move |e| status.set(event_target_value(&e))>
            <option value="held">{move || ui.t().held}</option>
            <option value="planned">{move || ui.t().planned}</option>
        </select>
        <select data-testid=format!("{prefix}-mode") aria-label=move || ui.t().mode prop:value=move || mode.get() on:change=move |e| mode.set(event_target_value(&e))>
            <option value="in_person">{move || ui.t().in_person}</option>
            <option value="phone">{move || ui.t().phone}</option>
            <option value="video">{move || ui.t().video}</option>
        </select>
    }
}

#[component]
fn MeetingRow(shelf: Shelf, article: String, shown: Shown, message: RwSignal<Option<(bool, Said)>>) -> impl IntoView {
    let ui = use_ui();
    let m = &shown.meeting;
    let parties = RwSignal::new(m.parties.join(" "));
    let date = RwSignal::new(m.date.clone().unwrap_or_default());
    let status = RwSignal::new(m.status.as_str().to_string());
    let mode = RwSignal::new(m.mode.as_str().to_string());
    let evidence = m.evidence.text.clone();
    let handle = StoredValue::new(shown.handle.clone());
    let article = StoredValue::new(article);
    let apply = move |fix: Option<Fix>| {
        let mut outcome = None;
        shelf.library.update(|l| outcome = Some(l.correct(&article.get_value(), &handle.get_value(), fix)));
        match outcome {
            Some(Err(e)) => message.set(Some(refusal(e))),
            _ => message.set(Some((true, said(|l| l.strings().saved_correction.into())))),
        }
    };
    let save = move |_| match Fix::parse(&parties.get_untracked(), &date.get_untracked(), status_of(&status.get_untracked()), mode_of(&mode.get_untracked())) {
        Ok(fix) => apply(Some(fix)),
        Err(e) => message.set(Some(refusal(e))),
    };
    let delete = move |_| apply(None);
    let added = matches!(shown.handle, Handle::Added(_));
    view! {
        <li class="fix-row" class:corrected=shown.corrected data-testid="meeting-row" data-parties=m.party_key()>
            <div class="fix-fields">
                <FixFields prefix="fix" parties=parties date=date status=status mode=mode />
            </div>
            {(!evidence.is_empty()).then(|| view! { <blockquote class="fix-evidence" dir="auto">{evidence}</blockquote> })}
            <div class="fix-actions">
                {shown.corrected.then(|| view! { <span class="badge">{move || if added { ui.t().added_by_you } else { ui.t().corrected }}</span> })}
                <button type="button" data-testid="fix-save" on:click=save>{move || ui.t().save}</button>
                <button type="button" class="secondary" data-testid="fix-delete" on:click=delete>{move || ui.t().delete_meeting}</button>
            </div>
        </li>
    }
}

/// Pick an article and correct its meetings.
#[component]
pub fn CorrectionPanel(shelf: Shelf) -> impl IntoView {
    let ui = use_ui();
    let library = shelf.library;
    let chosen = RwSignal::new(String::new());
    let message = RwSignal::new(None::<(bool, Said)>);
    let confirm_remove = RwSignal::new(false);
    // The panel's body is built only while it is open: with thousands of
    // articles, keeping their list up to date unseen would cost every import.
    let open = RwSignal::new(false);
    // The chosen article, or the newest one.
    let current = Memo::new(move |_| {
        let want = chosen.get();
        library.with(|l| {
            l.item(&want).or_else(|| l.items().last()).map(|i| i.article.id.clone()).unwrap_or_default()
        })
    });
    let options = Memo::new(move |_| {
        library.with(|l| l.items().iter().rev().map(|i| (i.article.id.clone(), title_of(&i.article.text), i.origin)).collect::<Vec<_>>())
    });
    let (add_parties, add_date, add_status, add_mode) =
        (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new("held".to_string()), RwSignal::new("in_person".to_string()));
    let add = move |_| {
        let fix = match Fix::parse(&add_parties.get_untracked(), &add_date.get_untracked(), status_of(&add_status.get_untracked()), mode_of(&add_mode.get_untracked())) {
            Ok(f) => f,
            Err(e) => return message.set(Some(refusal(e))),
        };
        let mut outcome = None;
        library.update(|l| outcome = Some(l.add_meeting(&current.get_untracked(), fix)));
        match outcome {
            Some(Err(e)) => message.set(Some(refusal(e))),
            _ => {
                add_parties.set(String::new());
                add_date.set(String::new());
                message.set(Some((true, said(|l| l.strings().added_meeting.into()))));
            }
        }
    };
    let remove = move |_| {
        if !confirm_remove.get_untracked() {
            return confirm_remove.set(true);
        }
        confirm_remove.set(false);
        let id = current.get_untracked();
        let mut removed = false;
        library.update(|l| removed = l.remove(&id).is_some());
        if removed {
            chosen.set(String::new());
            message.set(Some((true, said(move |l| (l.strings().removed_article)(l, &id)))));
        }
    };
    view! {
        <details class="corrections" data-testid="corrections"
            on:toggle=move |e| open.set(event_target::<web_sys::Element>(&e).has_attribute("open"))>
            <summary><h2>{move || ui.t().correct_meetings}</h2></summary>
            {move || open.get().then(|| view! {
                <label class="fix-choose">
                    {move || ui.t().article}" "
                    <select data-testid="correct-article" prop:value=move || current.get()
                        on:change=move |e| { confirm_remove.set(false); message.set(None); chosen.set(event_target_value(&e)) }>
                        {move || options.get().into_iter().map(|(id, title, origin)| {
                            let label = format!("{}{id} — {title}", if origin == Origin::Bundled { ui.t().bundled_tag } else { "" });
                            view! { <option value=id>{label}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <ul class="fix-list">
                    {move || {
                        let id = current.get();
                        library.with(|l| l.item(&id).map(|item| item.shown.clone()).unwrap_or_default())
                            .into_iter()
                            .map(|s| view! { <MeetingRow shelf=shelf article=id.clone() shown=s message=message /> })
                            .collect_view()
                    }}
                </ul>
                <div class="fix-row fix-add">
                    <div class="fix-fields">
                        <FixFields prefix="add" parties=add_parties date=add_date status=add_status mode=add_mode />
                    </div>
                    <div class="fix-actions">
                        <button type="button" data-testid="add-meeting" on:click=add>{move || ui.t().add_meeting}</button>
                        {move || {
                            let own = library.with(|l| l.item(&current.get()).is_some_and(|i| i.origin == Origin::User));
                            own.then(|| view! {
                                <button type="button" class="danger" data-testid="remove-article" on:click=remove>
                                    {move || if confirm_remove.get() { ui.t().really_remove } else { ui.t().remove_article }}
                                </button>
                            })
                        }}
                    </div>
                </div>
                {move || message.get().map(|(ok, m)| view! {
                    <p class=if ok { "note ok" } else { "note error" } role="status" data-testid="correct-message">{move || m(ui.lang())}</p>
                })}
            })}
        </details>
    }
}
