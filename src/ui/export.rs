//! Export: the whole library (JSON, importable again) and the timeline's
//! meetings as CSV, JSON and iCalendar. Files are made in the page and handed
//! to the browser as a download; nothing is sent anywhere.

use super::i18n::{said, use_ui, Said};
use super::storage::Shelf;
use crate::library::export::{meetings_csv, meetings_ics, meetings_json};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Offer `content` as a file download.
pub fn download(name: &str, mime: &str, content: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(a) = doc.create_element("a").map(|e| e.unchecked_into::<web_sys::HtmlAnchorElement>()) {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    // Revoked once the browser has taken the file.
    set_timeout(move || { let _ = web_sys::Url::revoke_object_url(&url); }, std::time::Duration::from_secs(30));
}

/// Now as an iCalendar DTSTAMP (UTC).
fn stamp() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        d.get_utc_full_year(),
        d.get_utc_month() + 1,
        d.get_utc_date(),
        d.get_utc_hours(),
        d.get_utc_minutes(),
        d.get_utc_seconds()
    )
}

#[component]
pub fn ExportBox(shelf: Shelf) -> impl IntoView {
    let ui = use_ui();
    let note = RwSignal::new(None::<Said>);
    let library = shelf.library;
    let export_library = move |_| {
        let (json, n) = library.with_untracked(|l| (l.export_json(), l.user_articles().count()));
        download("didar-library.json", "application/json", &json);
        note.set(Some(said(move |l| (l.strings().exported)(l, n))));
    };
    let export_csv = move |_| {
        download("didar-meetings.csv", "text/csv;charset=utf-8", &library.with_untracked(|l| meetings_csv(&l.timeline())));
        note.set(None);
    };
    let export_json = move |_| {
        download("didar-meetings.json", "application/json", &library.with_untracked(|l| meetings_json(&l.timeline())));
        note.set(None);
    };
    let export_ics = move |_| {
        let (ics, undated) = library.with_untracked(|l| meetings_ics(&l.timeline(), &stamp()));
        download("didar-meetings.ics", "text/calendar;charset=utf-8", &ics);
        note.set((undated > 0).then(|| said(move |l| (l.strings().left_out_undated)(l, undated))));
    };
    view! {
        <div class="export" role="group" aria-label=move || ui.t().export>
            <span class="export-label">{move || ui.t().export}</span>
            <button type="button" class="secondary" data-testid="export-library" on:click=export_library>{move || ui.t().export_library}</button>
            <button type="button" class="secondary" data-testid="export-csv" on:click=export_csv>{move || ui.t().export_csv}</button>
            <button type="button" class="secondary" data-testid="export-json" on:click=export_json>{move || ui.t().export_json}</button>
            <button type="button" class="secondary" data-testid="export-ics" on:click=export_ics>{move || ui.t().export_ics}</button>
        </div>
        {move || note.get().map(|n| view! { <p class="note" role="status" data-testid="export-message">{move || n(ui.lang())}</p> })}
    }
}
