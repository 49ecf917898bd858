//! Paste an article and analyse it.

use crate::library::Library;
use leptos::prelude::*;

#[component]
pub fn PasteBox(library: RwSignal<Library>) -> impl IntoView {
    let ui = super::i18n::use_ui();
    let text = RwSignal::new(String::new());
    let message = RwSignal::new(None::<(bool, String)>);
    let analyze = move |_| {
        let pasted = text.get_untracked();
        let mut outcome = None;
        library.update(|l| {
            outcome = Some(match l.add_text(&pasted) {
                Ok(item) => {
                    let n = item.analysis.meetings.len();
                    (true, format!("Added. {n} meeting{} found.", if n == 1 { "" } else { "s" }))
                }
                Err(e) => (false, e.to_string()),
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
            <p class=if ok { "note ok" } else { "note error" } role="status">{m}</p>
        })}
    }
}
