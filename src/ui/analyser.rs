//! Long articles analysed off the page's main thread, in a Web Worker
//! (`scripts/analysis-worker.js`), so that a 2 MB paste, import or saved
//! article never holds the page (issue 15, point 2). One call of
//! [`crate::analyze`] on 2 MB takes a few hundred ms in wasm, and its result
//! depends on the whole article (its publication date, its protagonist, the
//! same meeting reported twice), so it cannot be cut into pieces: it runs
//! whole, elsewhere. The worker runs this very wasm: the page tells it the
//! URLs of its JS glue and wasm, read from Trunk's preload links.
//!
//! Where no worker can start (the single file opened from disk has neither
//! the links nor an origin to load a worker from), [`analyse`] answers
//! [`Outcome::Unavailable`] and the caller analyses on the main thread.

use crate::model::{Analysis, Article};
use js_sys::{Function, Object, Promise, Reflect};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

/// Articles at least this long (bytes) are analysed in the worker; shorter
/// ones take a few ms on the page (and the worker's start would cost more).
pub const LONG: usize = 64 * 1024;

const WORKER_URL: &str = "analysis-worker.js";
const CANCELLED: &str = "cancelled";

/// How an analysis in the worker ended.
pub enum Outcome {
    Done(Analysis),
    /// [`cancel`] was called meanwhile.
    Cancelled,
    /// No worker (or it failed): analyse on the page instead.
    Unavailable,
}

struct Analyser {
    worker: Worker,
    glue: String,
    wasm: String,
    /// Each request's `resolve`, by its id.
    pending: Rc<RefCell<HashMap<u32, Function>>>,
    next: u32,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static ANALYSER: RefCell<Option<Analyser>> = const { RefCell::new(None) };
    /// The worker failed to start once: do not try again in this page.
    static BROKEN: Cell<bool> = const { Cell::new(false) };
}

/// The absolute URLs of the app's JS glue and wasm: Trunk's preload links, or
/// the script that fetches the wasm early (`scripts/loader.mjs`, `data-wasm`).
fn app_urls() -> Option<(String, String)> {
    let doc = web_sys::window()?.document()?;
    let base = doc.url().ok()?;
    let url = |selector: &str, attribute: &str| {
        let element = doc.query_selector(selector).ok()??;
        web_sys::Url::new_with_base(&element.get_attribute(attribute)?, &base).ok().map(|u| u.href())
    };
    let wasm = url("link[rel=preload][href$='.wasm']", "href").or_else(|| url("script[data-wasm]", "data-wasm"))?;
    Some((url("link[rel=modulepreload][href$='.js']", "href")?, wasm))
}

fn settle_all(pending: &RefCell<HashMap<u32, Function>>, with: &JsValue) {
    let all: Vec<Function> = pending.borrow_mut().drain().map(|(_, f)| f).collect();
    for resolve in all {
        let _ = resolve.call1(&JsValue::NULL, with);
    }
}

fn start() -> Option<Analyser> {
    if BROKEN.with(Cell::get) {
        return None;
    }
    let (glue, wasm) = app_urls()?;
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let Ok(worker) = Worker::new_with_options(WORKER_URL, &options) else {
        BROKEN.with(|b| b.set(true));
        return None;
    };
    let pending: Rc<RefCell<HashMap<u32, Function>>> = Rc::default();
    let mine = pending.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let data = e.data();
        let id = Reflect::get(&data, &"id".into()).ok().and_then(|v| v.as_f64()).unwrap_or(-1.0) as u32;
        let resolve = mine.borrow_mut().remove(&id);
        if let Some(resolve) = resolve {
            let _ = resolve.call1(&JsValue::NULL, &data);
        }
    });
    let mine = pending.clone();
    // The script could not be loaded or run: every request falls back to the page.
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        e.prevent_default();
        BROKEN.with(|b| b.set(true));
        settle_all(&mine, &JsValue::NULL);
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Some(Analyser { worker, glue, wasm, pending, next: 0, _on_message: on_message, _on_error: on_error })
}

/// Analyse `article` in the worker.
pub async fn analyse(article: &Article) -> Outcome {
    let promise = ANALYSER.with(|slot| {
        let mut slot = slot.borrow_mut();
        if BROKEN.with(Cell::get) {
            if let Some(a) = slot.take() {
                a.worker.terminate();
            }
            return None;
        }
        if slot.is_none() {
            *slot = start();
        }
        let a = slot.as_mut()?;
        let id = a.next;
        a.next += 1;
        let message = Object::new();
        for (key, value) in [("id", JsValue::from(id)), ("glue", a.glue.as_str().into()), ("wasm", a.wasm.as_str().into()), ("article", article.id.as_str().into()), ("text", article.text.as_str().into())] {
            Reflect::set(&message, &key.into(), &value).ok()?;
        }
        let pending = a.pending.clone();
        let promise = Promise::new(&mut |resolve, _| {
            pending.borrow_mut().insert(id, resolve);
        });
        if a.worker.post_message(&message).is_err() {
            a.pending.borrow_mut().remove(&id);
            return None;
        }
        Some(promise)
    });
    let Some(promise) = promise else { return Outcome::Unavailable };
    let data = JsFuture::from(promise).await.unwrap_or(JsValue::NULL);
    if data.as_string().as_deref() == Some(CANCELLED) {
        return Outcome::Cancelled;
    }
    let json = Reflect::get(&data, &"json".into()).ok().and_then(|v| v.as_string());
    match json.and_then(|j| serde_json::from_str::<Analysis>(&j).ok()) {
        Some(analysis) => Outcome::Done(analysis),
        None => {
            if let Some(error) = Reflect::get(&data, &"error".into()).ok().and_then(|v| v.as_string()) {
                leptos::logging::warn!("didar: the analysis worker failed ({error}); analysing on the page");
            }
            Outcome::Unavailable
        }
    }
}

/// Stop every analysis under way (the worker is ended; the next analysis
/// starts a new one): each ends as [`Outcome::Cancelled`].
pub fn cancel() {
    let gone = ANALYSER.with(|slot| slot.borrow_mut().take());
    if let Some(a) = gone {
        a.worker.terminate();
        settle_all(&a.pending, &CANCELLED.into());
    }
}
