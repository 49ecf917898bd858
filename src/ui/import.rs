//! Dropping or picking files (.txt, .html, .json): read in Rust
//! ([`crate::library::import`]), analysed in chunks that yield to the browser so the
//! page never freezes, with a progress bar.

use super::i18n::{isolated, message as core_message, said, use_ui, Lang, Said, Strings};
use super::storage::Shelf;
use crate::library::import::{check_size, read_file, Refused};
use crate::library::LibraryFile;
use crate::model::{Analysis, Article};
use js_sys::{Promise, Uint8Array};
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Work in progress: what, and how far.
#[derive(Debug, Clone)]
pub struct Progress {
    /// What is being done, in the interface language.
    pub label: fn(&Strings) -> &'static str,
    pub done: usize,
    pub total: usize,
}

/// How long one chunk of analysis may hold the page before yielding.
const CHUNK_MS: f64 = 30.0;

/// If no frame comes (a hidden tab draws none), go on after this long.
const FRAME_WAIT_MS: i32 = 50;

/// Let the browser draw a frame and handle input before going on: resume in a
/// task after the next animation frame (a bare `setTimeout(0)` lets Chromium
/// run many chunks back to back without drawing), or after [`FRAME_WAIT_MS`]
/// when the page draws no frames.
pub(super) async fn yield_to_browser() {
    let promise = Promise::new(&mut |resolve, _| {
        let Some(w) = web_sys::window() else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            return;
        };
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, FRAME_WAIT_MS);
        let after_frame = Closure::once_into_js(move || {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
            }
        });
        let _ = w.request_animation_frame(after_frame.unchecked_ref());
    });
    let _ = JsFuture::from(promise).await;
}

/// Paces a long piece of work done in chunks of about [`CHUNK_MS`].
pub(super) struct Pace {
    start: f64,
}

impl Pace {
    pub(super) fn new() -> Pace {
        Pace { start: js_sys::Date::now() }
    }

    /// This chunk has held the page long enough.
    pub(super) fn due(&self) -> bool {
        js_sys::Date::now() - self.start > CHUNK_MS
    }

    /// Yield to the browser and start a new chunk.
    pub(super) async fn rest(&mut self) {
        yield_to_browser().await;
        self.start = js_sys::Date::now();
    }

    /// Yield if this chunk is due.
    pub(super) async fn step(&mut self) {
        if self.due() {
            self.rest().await;
        }
    }
}

/// Analyse articles a chunk at a time (about 30 ms each), showing progress,
/// and hand each to `add` as soon as it is analysed, so adding them is spread
/// over the chunks too. An article that comes with its analysis (from the
/// cache) is not analysed again.
pub async fn analyse_in_chunks(articles: Vec<(Article, Option<Analysis>)>, label: fn(&Strings) -> &'static str, progress: RwSignal<Option<Progress>>, mut add: impl FnMut(Article, Analysis)) {
    let total = articles.len();
    progress.set(Some(Progress { label, done: 0, total }));
    yield_to_browser().await;
    let mut pace = Pace::new();
    for (done, (article, cached)) in articles.into_iter().enumerate() {
        let analysis = match cached {
            Some(analysis) => analysis,
            // A long article is analysed in the worker (a few hundred ms in wasm at 2 MB);
            // the page goes on meanwhile.
            None if article.text.len() >= super::analyser::LONG => match super::analyser::analyse(&article).await {
                super::analyser::Outcome::Done(analysis) => {
                    pace = Pace::new();
                    analysis
                }
                _ => crate::analyze(&article),
            },
            None => crate::analyze(&article),
        };
        add(article, analysis);
        if pace.due() {
            progress.set(Some(Progress { label, done: done + 1, total }));
            pace.rest().await;
        }
    }
    progress.set(None);
}

/// Read, analyse and add these files; returns what to tell the user.
async fn import_files(shelf: Shelf, files: Vec<web_sys::File>) -> (bool, Said) {
    let mut incoming = LibraryFile::new(Vec::new(), Vec::new());
    let mut refused: Vec<Refused> = Vec::new();
    for file in files {
        let name = file.name();
        if let Err(r) = check_size(&name, file.size()) {
            refused.push(r);
            continue;
        }
        let bytes = match JsFuture::from(file.array_buffer()).await {
            Ok(buf) => Uint8Array::new(&buf).to_vec(),
            Err(_) => {
                refused.push(Refused { file: name, why: "the browser could not read it.".into() });
                continue;
            }
        };
        match read_file(&name, &bytes) {
            Ok(f) => {
                incoming.articles.extend(f.articles);
                incoming.corrections.extend(f.corrections);
            }
            Err(r) => refused.push(r),
        }
    }
    let mut plan = shelf.library.with_untracked(|l| l.plan(incoming));
    let (added, duplicates) = (plan.articles.len(), plan.duplicates);
    let corrections = plan.corrections.len();
    let mut meetings = 0;
    if added > 0 || corrections > 0 {
        // Saved before they are analysed, so a reload meanwhile loses none
        // (the progress bar shows from the start: leaving the page asks first).
        shelf.progress.set(Some(Progress { label: |t| t.analysing, done: 0, total: added }));
        let (articles, _why) = super::storage::store_first(shelf, std::mem::take(&mut plan.articles)).await;
        // Added without telling the page; it is drawn once, with the corrections.
        analyse_in_chunks(articles.into_iter().map(|a| (a, None)).collect(), |t| t.analysing, shelf.progress, |article, analysis| {
            shelf.library.update_untracked(|l| meetings += l.insert(article, analysis).analysis.meetings.len());
        })
        .await;
        shelf.library.update(|l| l.merge_corrections(plan.corrections));
    }
    let ok = refused.is_empty();
    let told = said(move |l| {
        let t = l.strings();
        let mut parts = Vec::new();
        if added > 0 || refused.is_empty() {
            parts.push((t.imported)(l, added, meetings));
        }
        if corrections > 0 {
            parts.push((t.corrections_imported)(l, corrections));
        }
        if duplicates > 0 {
            parts.push((t.already_in_library)(l, duplicates));
        }
        if !refused.is_empty() {
            // In a right-to-left language each file name is isolated, so a Latin name does not run into the text around it.
            let list = refused
                .iter()
                .map(|r| if l == Lang::En { format!("{}: {}", r.file, r.why) } else { format!("{}: {}", isolated(&r.file), core_message(l, &r.why)) })
                .collect::<Vec<_>>()
                .join(" ");
            parts.push(format!("{} {list}", t.not_imported));
            if added == 0 && corrections == 0 {
                parts.push(t.nothing_changed.into());
            }
        }
        parts.join(" ")
    });
    (ok, told)
}

fn file_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The file picker, the drop target (the whole page) and the progress bar.
#[component]
pub fn ImportBox(shelf: Shelf) -> impl IntoView {
    let ui = use_ui();
    let message = RwSignal::new(None::<(bool, Said)>);
    let dragging = RwSignal::new(false);
    let start = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        if shelf.progress.get_untracked().is_some() {
            message.set(Some((false, said(|l| l.strings().wait_for_import.into()))));
            return;
        }
        message.set(None);
        spawn_local(async move {
            let outcome = import_files(shelf, files).await;
            message.set(Some(outcome));
        });
    };
    let _over = window_event_listener(ev::dragover, move |e| {
        e.prevent_default();
        dragging.set(true);
    });
    let _leave = window_event_listener(ev::dragleave, move |e| {
        if e.related_target().is_none() {
            dragging.set(false);
        }
    });
    let _drop = window_event_listener(ev::drop, move |e| {
        e.prevent_default();
        dragging.set(false);
        start(file_list(e.data_transfer().and_then(|d| d.files())));
    });
    let picked = move |e: ev::Event| {
        let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let files = file_list(input.files());
        input.set_value("");
        start(files);
    };
    view! {
        <div class="import" class:dragging=move || dragging.get()>
            <label class="file-button">
                {move || ui.t().open_files}
                <input
                    type="file"
                    multiple
                    accept=".txt,.html,.htm,.json,text/plain,text/html,application/json"
                    data-testid="import-input"
                    on:change=picked
                />
            </label>
            <span class="hint">{move || ui.t().import_hint}</span>
        </div>
        {move || shelf.progress.get().map(|p| view! {
            <div class="progress" data-testid="import-progress">
                <label>
                    {move || (ui.t().progress)(ui.lang(), (p.label)(ui.t()), p.done, p.total)}
                    <progress max=p.total.max(1) value=p.done></progress>
                </label>
            </div>
        })}
        {move || message.get().map(|(ok, m)| view! {
            <p class=if ok { "note ok" } else { "note error" } role="status" data-testid="import-message">{move || m(ui.lang())}</p>
        })}
        {move || dragging.get().then(|| view! { <div class="drop-overlay" aria-hidden="true">{move || ui.t().drop_files}</div> })}
    }
}
