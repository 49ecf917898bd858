//! Paste an article and analyse it.

use super::i18n::{message as core_message, said, Said};
use crate::library::Library;
use leptos::prelude::*;

#[component]
pub fn PasteBox(library: RwSignal<Library>) -> impl IntoView {
    let ui = super::i18n::use_ui();
    let text = RwSignal::new(String::new());
    let message = RwSignal::new(None::<(bool, Said)>);
    let analyze = move |_| {
        let pasted = text.get_untracked();
        let mut outcome = None;
        library.update(|l| {
            outcome = Some(match l.add_text(&pasted) {
                Ok(item) => {
                    let n = item.analysis.meetings.len();
                    (true, said(move |l| (l.strings().pasted)(l, n)))
                }
                Err(e) => {
                    let e = e.to_string();
                    (false, said(move |l| core_message(l, &e)))
                }
            });
        });
        if outcome.as_ref().is_some_and(|(ok, _)| *ok) {
            text.set(String::new());
        }
        message.set(outcome);
    };
    view! {
        <h2><label for="article-input">{move || ui.t().add_article}</label></h2>
        <textarea
            id="article-input"
            data-testid="article-input"
            dir="auto"
            rows="8"
            placeholder=move || ui.t().paste_placeholder
            prop:value=move || text.get()
            on:input=move |ev| text.set(event_target_value(&ev))
        ></textarea>
        <button data-testid="analyze" on:click=analyze>{move || ui.t().analyze}</button>
        {move || message.get().map(|(ok, m)| view! {
            <p class=if ok { "note ok" } else { "note error" } role="status">{move || m(ui.lang())}</p>
        })}
    }
}
