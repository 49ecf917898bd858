//! The library saved in the browser's IndexedDB (database `didar`), so that
//! no work is lost: the user's articles (store `articles`) and corrections
//! (store `corrections`), one JSON record each in the format of
//! [`crate::library::saved`]. Seeds are never saved.
//!
//! On start the saved records are read; a record that cannot be read is moved,
//! untouched, to the store `quarantine` with the reason and the time, and the
//! page says so. Records of an older schema are migrated and written back.
//! After that, every change of the library is saved (only what changed).
//! A database made by a newer Didar is left alone and nothing is saved.

use super::import::{analyse_in_chunks, Pace, Progress};
use crate::library::correction::Correction;
use crate::library::Library;
use crate::library::saved;
use js_sys::{Array, Object, Promise, Reflect};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStoreParameters, IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode};

const DB_NAME: &str = "didar";
/// Version of the database's layout (its stores); records carry their own schema.
const DB_VERSION: u32 = 1;
const ARTICLES: &str = "articles";
const CORRECTIONS: &str = "corrections";
const QUARANTINE: &str = "quarantine";

/// Where saving stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Saving {
    /// Reading the saved library.
    Loading,
    /// Every change is saved in this browser.
    On,
    /// Nothing is saved, and why.
    Off(String),
}

/// Saved records that could not be read and were set aside.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Quarantine {
    /// Set aside by this start.
    pub now: Vec<String>,
    /// In the quarantine store in all (earlier starts included).
    pub total: usize,
}

/// The library and what the panels around it share.
#[derive(Clone, Copy)]
pub struct Shelf {
    pub library: RwSignal<Library>,
    pub progress: RwSignal<Option<Progress>>,
    pub saving: RwSignal<Saving>,
    pub quarantine: RwSignal<Quarantine>,
}

impl Shelf {
    pub fn new(library: RwSignal<Library>) -> Shelf {
        Shelf {
            library,
            progress: RwSignal::new(None),
            saving: RwSignal::new(Saving::Loading),
            quarantine: RwSignal::new(Quarantine::default()),
        }
    }
}

/// What is known to be in the database, to save only what changed.
#[derive(Default)]
struct Saved {
    /// Article id → fingerprint of its text.
    articles: HashMap<String, (usize, u64)>,
    corrections: HashMap<String, Correction>,
    next_seq: u64,
}

thread_local! {
    static DB: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
    static SAVED: RefCell<Saved> = RefCell::new(Saved::default());
    /// Writes begun and not yet committed: leaving the page now would lose them.
    static PENDING: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    /// A save is waiting for the next frame.
    static SAVE_SCHEDULED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Length and a hash of the ends of a text: tells a re-used id with another text.
fn fingerprint(text: &str) -> (usize, u64) {
    let b = text.as_bytes();
    let ends = b.iter().take(512).chain(b.iter().rev().take(512));
    (b.len(), ends.fold(0xcbf29ce484222325u64, |h, &x| (h ^ x as u64).wrapping_mul(0x100000001b3)))
}

fn js_error(e: &JsValue) -> String {
    if let Some(ex) = e.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", ex.name(), ex.message());
    }
    if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        return String::from(err.message());
    }
    e.as_string().unwrap_or_else(|| "unknown error".into())
}

/// Wait for a request's success (its result) or error.
async fn request(req: &IdbRequest) -> Result<JsValue, String> {
    let r = req.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        let ok = r.clone();
        let bad = r.clone();
        r.set_onsuccess(Some(
            &Closure::once_into_js(move |_: JsValue| {
                let _ = resolve.call1(&JsValue::NULL, &ok.result().unwrap_or(JsValue::UNDEFINED));
            })
            .unchecked_into(),
        ));
        r.set_onerror(Some(
            &Closure::once_into_js(move |_: JsValue| {
                let e = bad.error().ok().flatten().map(JsValue::from).unwrap_or(JsValue::UNDEFINED);
                let _ = reject.call1(&JsValue::NULL, &e);
            })
            .unchecked_into(),
        ));
    });
    JsFuture::from(promise).await.map_err(|e| js_error(&e))
}

/// Wait for a transaction to commit.
async fn committed(tx: &IdbTransaction) -> Result<(), String> {
    let t = tx.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        let bad = t.clone();
        t.set_oncomplete(Some(&Closure::once_into_js(move |_: JsValue| {
            let _ = resolve.call0(&JsValue::NULL);
        })
        .unchecked_into()));
        let fail = Closure::once_into_js(move |_: JsValue| {
            let e = bad.error().map(JsValue::from).unwrap_or_else(|| JsValue::from_str("the transaction was aborted"));
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        t.set_onerror(Some(fail.unchecked_ref()));
        t.set_onabort(Some(fail.unchecked_ref()));
    });
    JsFuture::from(promise).await.map(|_| ()).map_err(|e| js_error(&e))
}

async fn open() -> Result<IdbDatabase, String> {
    let factory = web_sys::window()
        .ok_or("no window")?
        .indexed_db()
        .map_err(|e| js_error(&e))?
        .ok_or("this browser offers no IndexedDB")?;
    let req: IdbOpenDbRequest = factory.open_with_u32(DB_NAME, DB_VERSION).map_err(|e| js_error(&e))?;
    let upgrade = req.clone();
    req.set_onupgradeneeded(Some(
        &Closure::once_into_js(move |_: JsValue| {
            // Layout migrations go here, by the old version; version 1 creates the stores.
            let Ok(db) = upgrade.result().and_then(|d| d.dyn_into::<IdbDatabase>().map_err(JsValue::from)) else { return };
            let names = db.object_store_names();
            for store in [ARTICLES, CORRECTIONS] {
                if !names.contains(store) {
                    let _ = db.create_object_store(store);
                }
            }
            if !names.contains(QUARANTINE) {
                let params = IdbObjectStoreParameters::new();
                params.set_auto_increment(true);
                let _ = db.create_object_store_with_optional_parameters(QUARANTINE, &params);
            }
        })
        .unchecked_into(),
    ));
    let db = request(&req).await.map_err(|e| {
        if e.starts_with("VersionError") {
            "the saved library was written by a newer Didar; it is left untouched".to_string()
        } else {
            e
        }
    })?;
    db.dyn_into::<IdbDatabase>().map_err(|_| "IndexedDB gave no database".to_string())
}

fn tx(db: &IdbDatabase, stores: &[&str], mode: IdbTransactionMode) -> Result<IdbTransaction, String> {
    let names: Array = stores.iter().map(|s| JsValue::from_str(s)).collect();
    db.transaction_with_str_sequence_and_mode(&names, mode).map_err(|e| js_error(&e))
}

/// Every key and value of a store.
async fn read_store(db: &IdbDatabase, name: &str) -> Result<Vec<(JsValue, JsValue)>, String> {
    let t = tx(db, &[name], IdbTransactionMode::Readonly)?;
    let store = t.object_store(name).map_err(|e| js_error(&e))?;
    let keys = store.get_all_keys().map_err(|e| js_error(&e))?;
    let values = store.get_all().map_err(|e| js_error(&e))?;
    let keys: Array = request(&keys).await?.unchecked_into();
    let values: Array = request(&values).await?.unchecked_into();
    Ok(keys.iter().zip(values.iter()).collect())
}

async fn count(db: &IdbDatabase, name: &str) -> Result<usize, String> {
    let t = tx(db, &[name], IdbTransactionMode::Readonly)?;
    let req = t.object_store(name).and_then(|s| s.count()).map_err(|e| js_error(&e))?;
    Ok(request(&req).await?.as_f64().unwrap_or(0.0) as usize)
}

fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// One write: put these records, delete these keys, set these aside.
#[derive(Default)]
struct Batch {
    puts: Vec<(&'static str, String, String)>,
    deletes: Vec<(&'static str, String)>,
    /// (store, key, raw value, reason)
    aside: Vec<(&'static str, JsValue, JsValue, String)>,
}

impl Batch {
    fn is_empty(&self) -> bool {
        self.puts.is_empty() && self.deletes.is_empty() && self.aside.is_empty()
    }
}

/// Records per transaction: a large import is saved in parts, yielding between
/// them, so saving never holds the page long.
const RECORDS_PER_WRITE: usize = 100;

/// Write a batch in parts of at most [`RECORDS_PER_WRITE`] records.
async fn write_in_parts(mut batch: Batch) -> Result<(), String> {
    while batch.puts.len() > RECORDS_PER_WRITE {
        let rest = batch.puts.split_off(RECORDS_PER_WRITE);
        let part = Batch { puts: std::mem::replace(&mut batch.puts, rest), ..Batch::default() };
        write(part).await?;
        super::import::yield_to_browser().await;
    }
    write(batch).await
}

async fn write(batch: Batch) -> Result<(), String> {
    let db = DB.with(|d| d.borrow().clone()).ok_or("the library is not open")?;
    let t = tx(&db, &[ARTICLES, CORRECTIONS, QUARANTINE], IdbTransactionMode::Readwrite)?;
    let store = |n: &str| t.object_store(n).map_err(|e| js_error(&e));
    let at = now_iso();
    for (name, key, raw, reason) in &batch.aside {
        let record = Object::new();
        for (k, v) in [("store", JsValue::from_str(name)), ("key", key.clone()), ("value", raw.clone()), ("reason", JsValue::from_str(reason)), ("at", JsValue::from_str(&at))] {
            let _ = Reflect::set(&record, &JsValue::from_str(k), &v);
        }
        store(QUARANTINE)?.add(&record).map_err(|e| js_error(&e))?;
        store(name)?.delete(key).map_err(|e| js_error(&e))?;
    }
    for (name, key, value) in &batch.puts {
        store(name)?.put_with_key(&JsValue::from_str(value), &JsValue::from_str(key)).map_err(|e| js_error(&e))?;
    }
    for (name, key) in &batch.deletes {
        store(name)?.delete(&JsValue::from_str(key)).map_err(|e| js_error(&e))?;
    }
    committed(&t).await
}

/// Open the saved library, add it to `shelf.library`, then save every change.
pub fn start(shelf: Shelf) {
    // Closing or reloading the page while a save is under way asks first.
    let guard = window_event_listener(leptos::ev::beforeunload, |ev| {
        if PENDING.with(|p| p.get()) > 0 {
            ev.prevent_default();
            ev.set_return_value("");
        }
    });
    on_cleanup(move || guard.remove());
    spawn_local(async move {
        match load(shelf).await {
            Ok(()) => {
                shelf.saving.set(Saving::On);
                Effect::new(move |_| {
                    shelf.library.track();
                    schedule_save(shelf);
                });
            }
            Err(why) => shelf.saving.set(Saving::Off(why)),
        }
    });
}

async fn load(shelf: Shelf) -> Result<(), String> {
    let db = open().await?;
    DB.with(|d| *d.borrow_mut() = Some(db.clone()));
    let mut batch = Batch::default();
    let mut articles = Vec::new();
    // Reading thousands of records is paced like their analysis.
    let mut pace = Pace::new();
    for (key, value) in read_store(&db, ARTICLES).await? {
        pace.step().await;
        let k = key.as_string().unwrap_or_default();
        let read = value.as_string().ok_or_else(|| saved::Unreadable("not a saved record (not text)".into())).and_then(|json| saved::decode_article(&k, &json));
        match read {
            Ok(r) => {
                if r.migrated {
                    batch.puts.push((ARTICLES, k.clone(), String::new()));
                }
                articles.push(r);
            }
            Err(why) => batch.aside.push((ARTICLES, key, value, why.0)),
        }
    }
    let mut corrections = Vec::new();
    for (key, value) in read_store(&db, CORRECTIONS).await? {
        pace.step().await;
        let k = key.as_string().unwrap_or_default();
        let read = value.as_string().ok_or_else(|| saved::Unreadable("not a saved record (not text)".into())).and_then(|json| saved::decode_correction(&k, &json));
        match read {
            Ok(r) => corrections.push(r),
            Err(why) => batch.aside.push((CORRECTIONS, key, value, why.0)),
        }
    }
    articles.sort_by(|a, b| (a.seq, &a.value.id).cmp(&(b.seq, &b.value.id)));
    corrections.sort_by(|a, b| (a.seq, &a.value.id).cmp(&(b.seq, &b.value.id)));
    let mut next_seq = articles.iter().map(|r| r.seq).chain(corrections.iter().map(|r| r.seq)).max().map_or(1, |s| s + 1);
    // Migrated records are written back in the current schema, in their order.
    for (_, key, value) in batch.puts.iter_mut() {
        if let Some(r) = articles.iter_mut().find(|r| r.value.id == *key) {
            r.seq = next_seq;
            next_seq += 1;
            *value = saved::encode_article(r.seq, &r.value);
        }
    }
    let now: Vec<String> = batch.aside.iter().map(|(s, k, _, why)| format!("{s} “{}”: {why}", k.as_string().unwrap_or_else(|| format!("{k:?}")))).collect();
    if !batch.is_empty() {
        write(batch).await?;
    }
    let total = count(&db, QUARANTINE).await?;
    shelf.quarantine.set(Quarantine { now, total });

    SAVED.with(|s| {
        let mut s = s.borrow_mut();
        s.articles = articles.iter().map(|r| (r.value.id.clone(), fingerprint(&r.value.text))).collect();
        s.corrections = corrections.iter().map(|r| (r.value.id.clone(), r.value.clone())).collect();
        s.next_seq = next_seq;
    });
    if !articles.is_empty() || !corrections.is_empty() {
        // Added without telling the page (their ids kept from pastes meanwhile);
        // it is drawn once, with the corrections.
        shelf.library.update_untracked(|l| l.reserve(articles.iter().map(|r| r.value.id.clone())));
        analyse_in_chunks(articles.into_iter().map(|r| r.value).collect(), |t| t.opening_library, shelf.progress, |article, analysis| {
            shelf.library.update_untracked(|l| {
                l.insert(article, analysis);
            });
        })
        .await;
        shelf.library.update(|l| l.merge_corrections(corrections.into_iter().map(|r| r.value).collect()));
    }
    Ok(())
}

/// Save the library's changes once the browser has drawn them: an import of
/// a thousand articles shows up first and is encoded after, in its own task,
/// and changes made within one frame are saved together. Until then the
/// save counts as pending for the guard against leaving the page.
fn schedule_save(shelf: Shelf) {
    if SAVE_SCHEDULED.with(|s| s.replace(true)) {
        return;
    }
    PENDING.with(|p| p.set(p.get() + 1));
    spawn_local(async move {
        super::import::yield_to_browser().await;
        SAVE_SCHEDULED.with(|s| s.set(false));
        shelf.library.with_untracked(|l| save_changes(shelf, l));
        PENDING.with(|p| p.set(p.get().saturating_sub(1)));
    });
}

/// Save what differs between the library and the database.
fn save_changes(shelf: Shelf, library: &Library) {
    let mut batch = Batch::default();
    SAVED.with(|s| {
        let mut s = s.borrow_mut();
        let mut present = HashSet::new();
        for a in library.user_articles() {
            present.insert(a.id.as_str());
            let f = fingerprint(&a.text);
            if s.articles.get(&a.id) != Some(&f) {
                let seq = s.next_seq;
                s.next_seq += 1;
                batch.puts.push((ARTICLES, a.id.clone(), saved::encode_article(seq, a)));
                s.articles.insert(a.id.clone(), f);
            }
        }
        let gone: Vec<String> = s.articles.keys().filter(|k| !present.contains(k.as_str())).cloned().collect();
        for k in gone {
            s.articles.remove(&k);
            batch.deletes.push((ARTICLES, k));
        }
        let mut present = HashSet::new();
        for c in library.corrections() {
            present.insert(c.id.as_str());
            if s.corrections.get(&c.id) != Some(c) {
                let seq = s.next_seq;
                s.next_seq += 1;
                batch.puts.push((CORRECTIONS, c.id.clone(), saved::encode_correction(seq, c)));
                s.corrections.insert(c.id.clone(), c.clone());
            }
        }
        let gone: Vec<String> = s.corrections.keys().filter(|k| !present.contains(k.as_str())).cloned().collect();
        for k in gone {
            s.corrections.remove(&k);
            batch.deletes.push((CORRECTIONS, k));
        }
    });
    if batch.is_empty() {
        return;
    }
    let written: Vec<(&'static str, String)> = batch.puts.iter().map(|(s, k, _)| (*s, k.clone())).collect();
    PENDING.with(|p| p.set(p.get() + 1));
    spawn_local(async move {
        let result = write_in_parts(batch).await;
        PENDING.with(|p| p.set(p.get().saturating_sub(1)));
        if let Err(why) = result {
            // Forget what failed, so the next change tries again.
            SAVED.with(|s| {
                let mut s = s.borrow_mut();
                for (store, key) in written {
                    if store == ARTICLES {
                        s.articles.remove(&key);
                    } else {
                        s.corrections.remove(&key);
                    }
                }
            });
            shelf.saving.set(Saving::Off(format!("the last change could not be saved ({why})")));
        }
    });
}

/// Every record set aside, as JSON, for the user to keep or inspect.
pub async fn quarantine_json() -> Result<String, String> {
    let db = DB.with(|d| d.borrow().clone()).ok_or("the library is not open")?;
    let records: Array = read_store(&db, QUARANTINE).await?.into_iter().map(|(_, v)| v).collect();
    let json = js_sys::JSON::stringify_with_replacer_and_space(&records, &JsValue::NULL, &JsValue::from_f64(2.0)).map_err(|e| js_error(&e))?;
    Ok(json.as_string().unwrap_or_default())
}

/// What the page says about saving: always visible, so unsaved work is never a surprise.
#[component]
pub fn StorageReport(shelf: Shelf) -> impl IntoView {
    let ui = super::i18n::use_ui();
    let download = move |_| {
        spawn_local(async move {
            match quarantine_json().await {
                Ok(json) => super::export::download("didar-set-aside.json", "application/json", &json),
                Err(why) => shelf.saving.set(Saving::Off(why)),
            }
        })
    };
    view! {
        <p class="storage" data-testid="storage-status" role="status">
            {move || {
                let (l, t) = (ui.lang(), ui.t());
                match shelf.saving.get() {
                    Saving::Loading => t.opening_saved.to_string(),
                    Saving::On => t.saved_here.to_string(),
                    Saving::Off(why) => (t.not_saved)(l, &super::i18n::message(l, &why)),
                }
            }}
        </p>
        {move || {
            let q = shelf.quarantine.get();
            let (l, t) = (ui.lang(), ui.t());
            (q.total > 0).then(|| view! {
                <div class="quarantine" data-testid="quarantine-report" role="alert">
                    <p>{(t.set_aside)(l, q.total)}</p>
                    <ul>{q.now.into_iter().map(|r| view! { <li dir="auto">{super::i18n::message(l, &r)}</li> }).collect_view()}</ul>
                    <button type="button" class="secondary" data-testid="quarantine-download" on:click=download>{t.download_set_aside}</button>
                </div>
            })
        }}
    }
}
