//! Offline use after one visit: the page registers its service worker (`sw.js`,
//! written by `scripts/offline.mjs` with the build's files and their hashes) and
//! says so when a newer build has taken over while it was open. Only a page that
//! links its web app manifest does this: the single file opened from disk has none.

use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::{prelude::*, JsCast};

/// Register the worker; the signal turns true when a newer build takes over
/// this page (after it had been served by an earlier one).
pub fn start() -> RwSignal<bool> {
    let updated = RwSignal::new(false);
    let Some(window) = web_sys::window() else { return updated };
    let linked = window.document().and_then(|d| d.query_selector("link[rel=\"manifest\"]").ok().flatten()).is_some();
    // `navigator.serviceWorker` is missing where workers are not allowed (file://, plain http to another host).
    let container = js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("serviceWorker"))
        .ok()
        .filter(|v| v.is_object())
        .map(JsCast::unchecked_into::<web_sys::ServiceWorkerContainer>);
    let (true, Some(container)) = (linked, container) else { return updated };
    let controlled = Rc::new(Cell::new(container.controller().is_some()));
    let on_change = Closure::<dyn FnMut()>::new(move || {
        // The first worker taking over a page served from the network is no update.
        if controlled.replace(true) {
            updated.set(true);
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    let options = web_sys::RegistrationOptions::new();
    options.set_scope("./");
    // Always ask the host for sw.js itself, never the HTTP cache: a deploy is seen on the next visit.
    options.set_update_via_cache(web_sys::ServiceWorkerUpdateViaCache::None);
    let registered = container.register_with_options("sw.js", &options);
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = wasm_bindgen_futures::JsFuture::from(registered).await {
            leptos::logging::warn!("Didar: offline use is not available here: {e:?}");
        }
    });
    updated
}

/// The notice that a newer build is installed, with a button to reload into it.
#[component]
pub fn UpdateNotice(updated: RwSignal<bool>) -> impl IntoView {
    let ui = super::i18n::use_ui();
    let reload = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    };
    move || {
        updated.get().then(|| view! {
            <div class="update-notice" role="status" data-testid="update-ready">
                <span>{move || ui.t().update_ready}</span>
                <button type="button" class="secondary" data-testid="reload" on:click=reload>{move || ui.t().reload}</button>
            </div>
        })
    }
}
