//! The source article of a meeting, with the evidence that reports it marked.
//! The text is put in the page as text nodes only; the evidence is found by
//! its character offsets (never cutting a character).

use super::i18n::use_ui;
use crate::model::Evidence;
use crate::timeline::view::evidence_parts;
use leptos::prelude::*;

/// Which report to show: the article and its evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenSource {
    pub article: String,
    pub lang: String,
    pub evidence: Evidence,
}

#[component]
pub fn ArticleView(open: RwSignal<Option<OpenSource>>, find_article: Callback<String, Option<String>>) -> impl IntoView {
    let ui = use_ui();
    let close_button = NodeRef::<leptos::html::Button>::new();
    let mark = NodeRef::<leptos::html::Mark>::new();
    // Focus returns where it was when the view closes.
    let returns_to = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |was_open: Option<bool>| {
        let is_open = open.with(Option::is_some);
        if is_open && was_open != Some(true) {
            let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
            returns_to.set_value(active.and_then(|a| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(a).ok()));
        }
        if !is_open && was_open == Some(true) {
            if let Some(el) = returns_to.get_value() {
                let _ = el.focus();
            }
        }
        is_open
    });
    Effect::new(move |_| {
        if let Some(b) = close_button.get() {
            let _ = b.focus();
        }
        if let Some(m) = mark.get() {
            m.scroll_into_view();
        }
    });
    let close = move || open.set(None);
    move || {
        let src = open.get()?;
        let t = ui.t();
        let text = find_article.run(src.article.clone());
        let body = match &text {
            Some(text) => {
                let (before, evidence, after) = evidence_parts(text, &src.evidence);
                let (before, evidence, after) = (before.to_string(), evidence.to_string(), after.to_string());
                view! {
                    <div class="article-text" dir="auto" lang=super::html_lang(&src.lang) data-testid="article-text">
                        {before}<mark node_ref=mark data-testid="evidence-mark">{evidence}</mark>{after}
                    </div>
                }
                .into_any()
            }
            None => view! { <p class="note error">{t.article_missing}</p> }.into_any(),
        };
        Some(view! {
            <div class="overlay" on:click=move |_| close()>
                <section
                    class="article-view"
                    role="dialog"
                    aria-modal="true"
                    aria-labelledby="article-view-title"
                    data-testid="article-view"
                    on:click=|ev| ev.stop_propagation()
                    on:keydown=move |ev| if ev.key() == "Escape" { close() }
                >
                    <header>
                        <h2 id="article-view-title" dir="auto">{src.article.clone()}</h2>
                        <button type="button" class="secondary" node_ref=close_button data-testid="close-article" on:click=move |_| close()>{t.close}</button>
                    </header>
                    {body}
                </section>
            </div>
        })
    }
}
