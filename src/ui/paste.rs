//! Paste an article and analyse it. A long paste (from [`analyser::LONG`]) is
//! analysed in the worker, with a progress indication and a Cancel button,
//! so the page never waits for it; Cancel leaves the library unchanged.
//!
//! The text area is not bound to a signal: its text is read when "Analyse" is
//! pressed. (Bound, each input event copied the whole text into the signal
//! and wrote it back into the text area, which laid it out again.) A paste of
//! a long text is not put into the text area at all: laying out a text area
//! of hundreds of KB takes the browser itself seconds to minutes (Chromium,
//! growing faster than the text). It is held, and the page shows its size
//! and beginning instead.

use super::analyser::{self, Outcome};
use super::i18n::{message as core_message, said, Said};
use super::import::yield_to_browser;
use crate::library::Library;
use crate::model::{Analysis, Article};
use leptos::html::Textarea;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// The beginning of a held paste shown in its place (characters).
const SHOWN: usize = 160;

#[component]
pub fn PasteBox(library: RwSignal<Library>) -> impl IntoView {
    let ui = super::i18n::use_ui();
    let input: NodeRef<Textarea> = NodeRef::new();
    let message = RwSignal::new(None::<(bool, Said)>);
    // A long paste being analysed: its size in KB.
    let busy = RwSignal::new(None::<usize>);
    // A long paste held instead of put into the text area.
    let held = RwSignal::new(None::<Arc<str>>);
    let on_paste = move |ev: leptos::ev::ClipboardEvent| {
        let Some(text) = ev.clipboard_data().and_then(|d| d.get_data("text/plain").ok()) else { return };
        if text.len() >= analyser::LONG && busy.get_untracked().is_none() {
            ev.prevent_default();
            if let Some(el) = input.get_untracked() {
                el.set_value("");
            }
            message.set(None);
            held.set(Some(text.into()));
        }
    };
    let add = move |article: Article, analysis: Analysis| {
        let mut n = 0;
        library.update(|l| n = l.insert(article, analysis).analysis.meetings.len());
        held.set(None);
        if let Some(el) = input.get_untracked() {
            el.set_value("");
        }
        message.set(Some((true, said(move |l| (l.strings().pasted)(l, n)))));
    };
    let analyze = move |_| {
        if busy.get_untracked().is_some() {
            return;
        }
        let Some(el) = input.get_untracked() else { return };
        let text = held.with_untracked(|h| h.as_ref().map(|t| t.to_string())).unwrap_or_else(|| el.value());
        let article = match library.with_untracked(|l| l.pasted_article(&text)) {
            Ok(article) => article,
            Err(e) => {
                let e = e.to_string();
                message.set(Some((false, said(move |l| core_message(l, &e)))));
                return;
            }
        };
        if article.text.len() < analyser::LONG {
            let analysis = crate::analyze(&article);
            add(article, analysis);
            return;
        }
        message.set(None);
        busy.set(Some(article.text.len().div_ceil(1024)));
        spawn_local(async move {
            // The progress and the Cancel button are drawn first.
            yield_to_browser().await;
            let analysis = match analyser::analyse(&article).await {
                Outcome::Done(analysis) => Some(analysis),
                Outcome::Cancelled => None,
                // No worker (the single file opened from disk): on the page, at once.
                Outcome::Unavailable => Some(crate::analyze(&article)),
            };
            busy.set(None);
            match analysis {
                Some(analysis) => add(article, analysis),
                None => message.set(Some((true, said(|l| l.strings().paste_cancelled.into())))),
            }
        });
    };
    view! {
        <h2><label for="article-input">{move || ui.t().add_article}</label></h2>
        <textarea
            id="article-input"
            data-testid="article-input"
            dir="auto"
            rows="8"
            placeholder=move || ui.t().paste_placeholder
            node_ref=input
            on:paste=on_paste
            hidden=move || held.with(Option::is_some)
        ></textarea>
        {move || held.get().map(|text| {
            let kb = text.len().div_ceil(1024);
            let start: String = text.chars().take(SHOWN).collect();
            view! {
                <div class="held-paste" data-testid="held-paste">
                    <p>{move || (ui.t().long_paste)(ui.lang(), kb)}</p>
                    <blockquote dir="auto">{start}"…"</blockquote>
                    <button type="button" class="secondary" data-testid="held-clear" disabled=move || busy.get().is_some() on:click=move |_| held.set(None)>{move || ui.t().clear_paste}</button>
                </div>
            }
        })}
        <button data-testid="analyze" on:click=analyze disabled=move || busy.get().is_some()>{move || ui.t().analyze}</button>
        {move || busy.get().map(|kb| view! {
            <div class="progress" data-testid="paste-progress">
                <label>
                    {move || (ui.t().analysing_paste)(ui.lang(), kb)}
                    <progress></progress>
                </label>
                <button type="button" class="secondary" data-testid="paste-cancel" on:click=move |_| analyser::cancel()>{move || ui.t().cancel}</button>
            </div>
        })}
        {move || message.get().map(|(ok, m)| view! {
            <p class=if ok { "note ok" } else { "note error" } role="status" data-testid="paste-message">{move || m(ui.lang())}</p>
        })}
    }
}
