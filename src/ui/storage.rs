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
//!
//! What is known to be written ([`Saved`]) changes only when a write has
//! committed: a change that could not be written (a full disk) stays pending,
//! removals included, and is tried again until it is written; meanwhile the
//! page says what is not saved, leaving the page asks first, and a note in
//! the tab's `sessionStorage` tells the page after a reload what was lost and
//! which removals still stand.
//!
//! Several tabs share the database. Writes are taken under one Web Lock
//! (`didar-write`), and a new article or added meeting whose id another tab
//! has meanwhile saved with other content is renamed before it is written;
//! each write is announced on the `BroadcastChannel` `didar`, and the other
//! tabs read what changed and show it. A database deleted under the page (a
//! `versionchange`) is let go at once and the page says its work is no longer
//! saved, with a button to save it again.

use crate::model::order;
use super::import::{analyse_in_chunks, Pace, Progress};
use crate::library::correction::{Change, Correction};
use crate::library::saved;
use crate::library::Library;
use crate::model::Article;
use js_sys::{Array, Function, Object, Promise, Reflect};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet, VecDeque};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStoreParameters, IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode};

const DB_NAME: &str = "didar";
/// Version of the database's layout (its stores); records carry their own
/// schema. Version 2 only repairs: opening a version 1 database creates any
/// of the stores it lacks.
/// Version 3 adds the store `analyses`, a cache (see [`ANALYSES`]).
const DB_VERSION: u32 = 3;
const ARTICLES: &str = "articles";
const DELETED: &str = "the saved library was deleted by another page; what is shown here is no longer saved";
const CORRECTIONS: &str = "corrections";
const QUARANTINE: &str = "quarantine";
/// The analyses of saved articles, keyed by [`saved::analysis_key`] and made
/// by the extractor [`saved::EXTRACTOR`]: a reload draws from it instead of
/// analysing every article again. Derived data only: it may be cleared at any
/// time (it is, when the disk is full).
const ANALYSES: &str = "analyses";
const STORES: [&str; 4] = [ARTICLES, CORRECTIONS, QUARANTINE, ANALYSES];
/// The Web Lock every tab's writes are taken under.
const LOCK: &str = "didar-write";
/// The channel on which tabs announce what they wrote.
const CHANNEL: &str = "didar";
/// The tab's notes of what is not saved (`sessionStorage`: they outlive a reload of the tab).
const UNSAVED_NOTE: &str = "didar.unsaved";
const IMPORT_NOTE: &str = "didar.import";
/// First wait before a failed write is tried again; it doubles up to [`RETRY_MAX_MS`].
const RETRY_MS: i32 = 2_000;
const RETRY_MAX_MS: i32 = 30_000;

/// Where saving stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Saving {
    /// Reading the saved library.
    Loading,
    /// Every change is saved in this browser.
    On,
    /// Nothing is saved, and why.
    Off(String),
    /// The database was deleted, or records emptied out of it, under the
    /// page: what it shows is no longer (all) saved; why.
    Gone(String),
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
    /// What an earlier load of this tab could not save (told once, after a reload).
    pub lost: RwSignal<Vec<String>>,
    /// The browser's answer to `navigator.storage.persist()`, once asked.
    pub persisted: RwSignal<Option<bool>>,
    /// Of the articles opened at the start, how many analyses came from the cache, of how many.
    pub cached: RwSignal<(usize, usize)>,
}

impl Shelf {
    pub fn new(library: RwSignal<Library>) -> Shelf {
        Shelf {
            library,
            progress: RwSignal::new(None),
            saving: RwSignal::new(Saving::Loading),
            quarantine: RwSignal::new(Quarantine::default()),
            lost: RwSignal::new(Vec::new()),
            persisted: RwSignal::new(None),
            cached: RwSignal::new((0, 0)),
        }
    }
}

/// What is known to be committed in the database, to save only what changed.
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
    /// A save is running; `AGAIN`: the library changed meanwhile.
    static RUNNING: Cell<bool> = const { Cell::new(false) };
    static AGAIN: Cell<bool> = const { Cell::new(false) };
    /// The library holds changes not yet written (leaving the page now would lose them).
    static UNSAVED: Cell<bool> = const { Cell::new(false) };
    /// Articles being written ahead of their analysis (an import).
    static STORING: Cell<usize> = const { Cell::new(0) };
    static RETRY_WAIT: Cell<i32> = const { Cell::new(RETRY_MS) };
    static RETRY_SET: Cell<bool> = const { Cell::new(false) };
    static CHANNEL_OPEN: RefCell<Option<web_sys::BroadcastChannel>> = const { RefCell::new(None) };
    /// Announcements of other tabs waiting to be read (kept while the library opens).
    static INBOX: RefCell<VecDeque<Announcement>> = const { RefCell::new(VecDeque::new()) };
    static READING_INBOX: Cell<bool> = const { Cell::new(false) };
    static LOADED: Cell<bool> = const { Cell::new(false) };
    static ASKED_PERSIST: Cell<bool> = const { Cell::new(false) };
}

/// Length and a hash of the ends of a text: tells a re-used id with another text.
fn fingerprint(text: &str) -> (usize, u64) {
    let b = text.as_bytes();
    let ends = b.iter().take(512).chain(b.iter().rev().take(512));
    (b.len(), ends.fold(0xcbf29ce484222325u64, |h, &x| (h ^ x as u64).wrapping_mul(0x100000001b3)))
}

fn js_error(e: &JsValue) -> String {
    if let Some(ex) = e.dyn_ref::<web_sys::DomException>() {
        let message = ex.message();
        return if message.trim().is_empty() { ex.name() } else { format!("{}: {}", ex.name(), message) };
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

fn factory() -> Result<web_sys::IdbFactory, String> {
    web_sys::window().ok_or("no window")?.indexed_db().map_err(|e| js_error(&e))?.ok_or_else(|| "this browser offers no IndexedDB".to_string())
}

async fn open_once() -> Result<IdbDatabase, String> {
    let req: IdbOpenDbRequest = factory()?.open_with_u32(DB_NAME, DB_VERSION).map_err(|e| js_error(&e))?;
    let upgrade = req.clone();
    req.set_onupgradeneeded(Some(
        &Closure::once_into_js(move |_: JsValue| {
            // Layout migrations go here, by the old version. Every version
            // creates the stores that are missing (a version 1 database made
            // by another script without them is repaired so).
            let Ok(db) = upgrade.result().and_then(|d| d.dyn_into::<IdbDatabase>().map_err(JsValue::from)) else { return };
            let names = db.object_store_names();
            for store in [ARTICLES, CORRECTIONS, ANALYSES] {
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

/// Open the database, repairing one that has no stores at all (it holds
/// nothing to lose: it is deleted and made again).
async fn open() -> Result<IdbDatabase, String> {
    let db = open_once().await?;
    let names = db.object_store_names();
    let missing: Vec<&str> = STORES.iter().copied().filter(|s| !names.contains(s)).collect();
    if missing.is_empty() {
        return Ok(db);
    }
    db.close();
    if names.length() > 0 {
        return Err(format!("the saved library lacks the store(s) {}; it is left untouched", missing.join(", ")));
    }
    let deleting = factory()?.delete_database(DB_NAME).map_err(|e| js_error(&e))?;
    request(deleting.unchecked_ref()).await?;
    open_once().await
}

/// Take the database for this page: let it go as soon as another page asks
/// to delete or upgrade it.
fn hold(shelf: Shelf, db: IdbDatabase) {
    let handler = Closure::<dyn FnMut(web_sys::IdbVersionChangeEvent)>::new(move |ev: web_sys::IdbVersionChangeEvent| {
        let Some(db) = DB.with(|d| d.borrow_mut().take()) else { return };
        db.close();
        if ev.new_version().is_none() {
            // Deleted: nothing this page shows is saved any more.
            SAVED.with(|s| {
                let mut s = s.borrow_mut();
                s.articles.clear();
                s.corrections.clear();
            });
            shelf.saving.set(Saving::Gone(DELETED.into()));
            let pending = shelf.library.with_untracked(|l| l.user_articles().count() + l.corrections().len());
            UNSAVED.with(|u| u.set(pending > 0));
            note_unsaved(shelf, "the saved library was deleted by another page");
        } else {
            shelf.saving.set(Saving::Off("a newer Didar opened the library in another tab; reload this page".into()));
        }
    });
    db.set_onversionchange(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
    DB.with(|d| *d.borrow_mut() = Some(db));
}

fn tx(db: &IdbDatabase, stores: &[&str], mode: IdbTransactionMode) -> Result<IdbTransaction, String> {
    let names: Array = stores.iter().map(|s| JsValue::from_str(s)).collect();
    db.transaction_with_str_sequence_and_mode(&names, mode).map_err(|e| js_error(&e))
}

fn the_db() -> Result<IdbDatabase, String> {
    DB.with(|d| d.borrow().clone()).ok_or_else(|| "the library is not open".to_string())
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

/// Every key of a store, as text.
async fn keys_of(db: &IdbDatabase, name: &str) -> Result<HashSet<String>, String> {
    let t = tx(db, &[name], IdbTransactionMode::Readonly)?;
    let req = t.object_store(name).and_then(|s| s.get_all_keys()).map_err(|e| js_error(&e))?;
    let keys: Array = request(&req).await?.unchecked_into();
    Ok(keys.iter().filter_map(|k| k.as_string()).collect())
}

/// The values saved under these keys (text records), in their order.
async fn get_many(db: &IdbDatabase, name: &str, keys: &[String]) -> Result<Vec<Option<String>>, String> {
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    // Asked for in groups, each its own transaction, yielding when due: ten
    // thousand requests at once would hold the page for a long task.
    let mut out = Vec::with_capacity(keys.len());
    let mut pace = Pace::new();
    for group in keys.chunks(250) {
        let t = tx(db, &[name], IdbTransactionMode::Readonly)?;
        let store = t.object_store(name).map_err(|e| js_error(&e))?;
        let reqs = group.iter().map(|k| store.get(&JsValue::from_str(k)).map_err(|e| js_error(&e))).collect::<Result<Vec<_>, _>>()?;
        for r in &reqs {
            out.push(request(r).await?.as_string());
        }
        pace.step().await;
    }
    Ok(out)
}

async fn count(db: &IdbDatabase, name: &str) -> Result<usize, String> {
    let t = tx(db, &[name], IdbTransactionMode::Readonly)?;
    let req = t.object_store(name).and_then(|s| s.count()).map_err(|e| js_error(&e))?;
    Ok(request(&req).await?.as_f64().unwrap_or(0.0) as usize)
}

fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// `navigator.<name>`, when the browser has it.
fn navigator_part(name: &str) -> Option<JsValue> {
    let window: JsValue = web_sys::window()?.into();
    let navigator = Reflect::get(&window, &JsValue::from_str("navigator")).ok()?;
    Reflect::get(&navigator, &JsValue::from_str(name)).ok().filter(|v| v.is_object())
}

/// Run `work` holding the lock all tabs write under (without Web Locks, as is).
async fn locked<T>(work: impl std::future::Future<Output = T>) -> T {
    let locks = navigator_part("locks");
    let request_fn = locks.as_ref().and_then(|l| Reflect::get(l, &JsValue::from_str("request")).ok()).and_then(|f| f.dyn_into::<Function>().ok());
    let (Some(locks), Some(request_fn)) = (locks, request_fn) else { return work.await };
    let mut release: Option<Function> = None;
    let held = Promise::new(&mut |resolve, _| release = Some(resolve));
    let granted = Promise::new(&mut |resolve, _| {
        let held = held.clone();
        let go = resolve.clone();
        let on_grant = Closure::once_into_js(move |_lock: JsValue| -> JsValue {
            let _ = resolve.call0(&JsValue::NULL);
            held.into()
        });
        match request_fn.call2(&locks, &JsValue::from_str(LOCK), &on_grant) {
            // A refused lock (it should not be) must not stop saving.
            Ok(p) => {
                if let Ok(p) = p.dyn_into::<Promise>() {
                    let refused = Closure::once(move |_: JsValue| {
                        let _ = go.call0(&JsValue::NULL);
                    });
                    let _ = p.catch(&refused);
                    refused.forget();
                }
            }
            Err(_) => {
                let _ = go.call0(&JsValue::NULL);
            }
        }
    });
    let _ = JsFuture::from(granted).await;
    let out = work.await;
    if let Some(release) = release {
        let _ = release.call0(&JsValue::NULL);
    }
    out
}

/// One record to write.
enum Put {
    Article { id: String, print: (usize, u64), json: String },
    Correction { correction: Correction, json: String },
}

impl Put {
    fn store(&self) -> &'static str {
        match self {
            Put::Article { .. } => ARTICLES,
            Put::Correction { .. } => CORRECTIONS,
        }
    }
    fn key(&self) -> &str {
        match self {
            Put::Article { id, .. } => id,
            Put::Correction { correction, .. } => &correction.id,
        }
    }
    fn json(&self) -> &str {
        match self {
            Put::Article { json, .. } | Put::Correction { json, .. } => json,
        }
    }
}

/// One write: put these records, delete these keys, set these aside.
#[derive(Default)]
struct Batch {
    puts: Vec<Put>,
    deletes: Vec<(&'static str, String)>,
    /// (store, key, raw value, reason)
    aside: Vec<(&'static str, JsValue, JsValue, String)>,
}

impl Batch {
    fn is_empty(&self) -> bool {
        self.puts.is_empty() && self.deletes.is_empty() && self.aside.is_empty()
    }
}

/// What one committed write did, as announced to the other tabs.
#[derive(Default, Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
struct Announcement {
    tab: String,
    articles: Vec<String>,
    removed: Vec<String>,
    corrections: Vec<String>,
    removed_corrections: Vec<String>,
}

impl Announcement {
    fn is_empty(&self) -> bool {
        self.articles.is_empty() && self.removed.is_empty() && self.corrections.is_empty() && self.removed_corrections.is_empty()
    }
}

fn tab_id() -> String {
    thread_local!(static ID: String = format!("{:x}", (js_sys::Math::random() * 1e15) as u64));
    ID.with(String::clone)
}

/// Records per transaction: a large import is saved in parts, yielding between
/// them, so saving never holds the page long.
const RECORDS_PER_WRITE: usize = 100;

/// Write one batch in one transaction; once it has committed, [`SAVED`]
/// knows it and the other tabs are told.
async fn write(batch: &Batch) -> Result<(), String> {
    let db = the_db()?;
    let t = tx(&db, &STORES, IdbTransactionMode::Readwrite)?;
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
    for p in &batch.puts {
        store(p.store())?.put_with_key(&JsValue::from_str(p.json()), &JsValue::from_str(p.key())).map_err(|e| js_error(&e))?;
    }
    for (name, key) in &batch.deletes {
        store(name)?.delete(&JsValue::from_str(key)).map_err(|e| js_error(&e))?;
    }
    committed(&t).await?;
    let mut said = Announcement { tab: tab_id(), ..Announcement::default() };
    SAVED.with(|s| {
        let mut s = s.borrow_mut();
        for p in &batch.puts {
            match p {
                Put::Article { id, print, .. } => {
                    s.articles.insert(id.clone(), *print);
                    said.articles.push(id.clone());
                }
                Put::Correction { correction, .. } => {
                    s.corrections.insert(correction.id.clone(), correction.clone());
                    said.corrections.push(correction.id.clone());
                }
            }
        }
        for (name, key) in &batch.deletes {
            if *name == ARTICLES {
                s.articles.remove(key);
                said.removed.push(key.clone());
            } else {
                s.corrections.remove(key);
                said.removed_corrections.push(key.clone());
            }
        }
    });
    announce(&said);
    Ok(())
}

/// Write a batch: the removals first (they free space), then the records in
/// parts of at most [`RECORDS_PER_WRITE`], each committed on its own.
async fn write_in_parts(mut batch: Batch) -> Result<(), String> {
    if !batch.deletes.is_empty() || !batch.aside.is_empty() {
        let first = Batch { deletes: std::mem::take(&mut batch.deletes), aside: std::mem::take(&mut batch.aside), ..Batch::default() };
        write(&first).await?;
    }
    while !batch.puts.is_empty() {
        let rest = batch.puts.split_off(batch.puts.len().min(RECORDS_PER_WRITE));
        let part = Batch { puts: std::mem::replace(&mut batch.puts, rest), ..Batch::default() };
        write(&part).await?;
        if !batch.puts.is_empty() {
            super::import::yield_to_browser().await;
        }
    }
    Ok(())
}

/// What differs between the library and the database.
fn differences(library: &Library) -> Batch {
    let mut batch = Batch::default();
    SAVED.with(|s| {
        let mut s = s.borrow_mut();
        let mut present = HashSet::new();
        for a in library.user_articles() {
            present.insert(a.id.as_str());
            let print = fingerprint(&a.text);
            if s.articles.get(&a.id) != Some(&print) {
                let seq = s.next_seq;
                s.next_seq += 1;
                batch.puts.push(Put::Article { id: a.id.clone(), print, json: saved::encode_article(seq, a) });
            }
        }
        // (An id reserved for an article being analysed is not a removal: it is saved ahead of its analysis.)
        for k in s.articles.keys().filter(|k| !present.contains(k.as_str()) && !library.taken(k)) {
            batch.deletes.push((ARTICLES, k.clone()));
        }
        let mut present = HashSet::new();
        for c in library.corrections() {
            present.insert(c.id.as_str());
            if s.corrections.get(&c.id) != Some(c) {
                let seq = s.next_seq;
                s.next_seq += 1;
                batch.puts.push(Put::Correction { correction: c.clone(), json: saved::encode_correction(seq, c) });
            }
        }
        for k in s.corrections.keys().filter(|k| !present.contains(k.as_str())) {
            batch.deletes.push((CORRECTIONS, k.clone()));
        }
    });
    batch
}

/// How a run of saving ended.
enum Run {
    Written,
    /// Ids another tab took were given up; the library changed: run again.
    Renamed,
}

/// New records whose ids another tab has saved meanwhile: the same content is
/// taken as saved; other content makes this tab's record take a free id.
async fn settle_conflicts(shelf: Shelf, batch: &mut Batch) -> Result<bool, String> {
    let db = the_db()?;
    let (new_articles, new_adds): (Vec<String>, Vec<String>) = SAVED.with(|s| {
        let s = s.borrow();
        let arts = batch.puts.iter().filter_map(|p| match p {
            Put::Article { id, .. } if !s.articles.contains_key(id) => Some(id.clone()),
            _ => None,
        });
        let adds = batch.puts.iter().filter_map(|p| match p {
            Put::Correction { correction, .. } if matches!(correction.change, Change::Add { .. }) && !s.corrections.contains_key(&correction.id) => Some(correction.id.clone()),
            _ => None,
        });
        (arts.collect(), adds.collect())
    });
    let found_articles = get_many(&db, ARTICLES, &new_articles).await?;
    let found_adds = get_many(&db, CORRECTIONS, &new_adds).await?;
    let mut same = HashSet::new();
    let mut clash_articles = Vec::new();
    let mut clash_adds = Vec::new();
    for (id, found) in new_articles.iter().zip(found_articles) {
        let Some(json) = found else { continue };
        let theirs = saved::decode_article(id, &json).ok().map(|r| r.value.text);
        let ours = shelf.library.with_untracked(|l| l.item(id).map(|i| i.article.text.clone()));
        if theirs.is_some() && theirs == ours {
            same.insert((ARTICLES, id.clone()));
            SAVED.with(|s| s.borrow_mut().articles.insert(id.clone(), fingerprint(ours.as_deref().unwrap_or(""))));
        } else {
            clash_articles.push(id.clone());
        }
    }
    for (id, found) in new_adds.iter().zip(found_adds) {
        let Some(json) = found else { continue };
        let theirs = saved::decode_correction(id, &json).ok().map(|r| r.value);
        let ours = shelf.library.with_untracked(|l| l.corrections().iter().find(|c| &c.id == id).cloned());
        if let Some(ours) = ours.filter(|o| theirs.as_ref() == Some(o)) {
            same.insert((CORRECTIONS, id.clone()));
            SAVED.with(|s| s.borrow_mut().corrections.insert(id.clone(), ours));
        } else {
            clash_adds.push(id.clone());
        }
    }
    batch.puts.retain(|p| !same.contains(&(p.store(), p.key().to_string())));
    if clash_articles.is_empty() && clash_adds.is_empty() {
        return Ok(false);
    }
    let taken_articles = if clash_articles.is_empty() { HashSet::new() } else { keys_of(&db, ARTICLES).await? };
    let taken_corrections = if clash_adds.is_empty() && clash_articles.is_empty() { HashSet::new() } else { keys_of(&db, CORRECTIONS).await? };
    // (Not those another tab's announcement has meanwhile put here under that id.)
    let known = |store: &str, id: &str| SAVED.with(|s| if store == ARTICLES { s.borrow().articles.contains_key(id) } else { s.borrow().corrections.contains_key(id) });
    clash_articles.retain(|id| !known(ARTICLES, id));
    clash_adds.retain(|id| !known(CORRECTIONS, id));
    shelf.library.update(|l| {
        for id in &clash_articles {
            let new = l.free_id(id, &taken_articles);
            l.rename(id, &new);
        }
        for id in &clash_adds {
            let Some(article) = l.corrections().iter().find(|c| &c.id == id).map(|c| c.article.clone()) else { continue };
            let new = l.free_add_id(&article, &taken_corrections);
            l.rename_correction(id, &new);
        }
    });
    Ok(true)
}

async fn save_run(shelf: Shelf) -> Result<Run, String> {
    the_db()?;
    let mut batch = shelf.library.with_untracked(differences);
    if batch.is_empty() {
        return Ok(Run::Written);
    }
    if settle_conflicts(shelf, &mut batch).await? {
        return Ok(Run::Renamed);
    }
    write_in_parts(batch).await?;
    check_not_emptied(shelf).await?;
    Ok(Run::Written)
}

/// After a write, the database must hold every record this page knows it
/// wrote. Records removed behind Didar's back (a script, the browser's tools)
/// are not silently written again: the page lets the database go and says
/// how many are gone, with the button that saves everything shown again.
async fn check_not_emptied(shelf: Shelf) -> Result<(), String> {
    let db = the_db()?;
    let (articles, corrections) = SAVED.with(|s| (s.borrow().articles.len(), s.borrow().corrections.len()));
    let (a, c) = (count(&db, ARTICLES).await?, count(&db, CORRECTIONS).await?);
    if a >= articles && c >= corrections {
        return Ok(());
    }
    let present = keys_of(&db, ARTICLES).await?;
    let present_c = keys_of(&db, CORRECTIONS).await?;
    let missing = SAVED.with(|s| {
        let mut s = s.borrow_mut();
        let before = s.articles.len() + s.corrections.len();
        s.articles.retain(|k, _| present.contains(k));
        s.corrections.retain(|k, _| present_c.contains(k));
        before - s.articles.len() - s.corrections.len()
    });
    if let Some(db) = DB.with(|d| d.borrow_mut().take()) {
        db.close();
    }
    shelf.saving.set(Saving::Gone(format!(
        "{} deleted outside Didar; what is shown here is not all saved",
        plural(missing, "saved record was", "saved records were")
    )));
    note_unsaved(shelf, "saved records were deleted outside Didar");
    Ok(())
}

/// Counts of what the library holds that the database does not.
fn pending(library: &Library) -> (Vec<String>, Vec<String>, usize, Vec<String>) {
    SAVED.with(|s| {
        let s = s.borrow();
        let mut present = HashSet::new();
        let mut articles = Vec::new();
        for a in library.user_articles() {
            present.insert(a.id.as_str());
            if s.articles.get(&a.id) != Some(&fingerprint(&a.text)) {
                articles.push(a.id.clone());
            }
        }
        let removed: Vec<String> = s.articles.keys().filter(|k| !present.contains(k.as_str()) && !library.taken(k)).cloned().collect();
        let present: HashSet<&str> = library.corrections().iter().map(|c| c.id.as_str()).collect();
        let corrections = library.corrections().iter().filter(|c| s.corrections.get(&c.id) != Some(*c)).count();
        let removed_corrections = s.corrections.keys().filter(|k| !present.contains(k.as_str())).cloned().collect();
        (articles, removed, corrections, removed_corrections)
    })
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// The tab's note of what is not saved, for the page after a reload.
#[derive(Default, Debug, serde::Serialize, serde::Deserialize)]
struct Note {
    why: String,
    at: String,
    articles: Vec<String>,
    removed: Vec<String>,
    corrections: usize,
    removed_corrections: Vec<String>,
}

/// Write (or clear) the note of what the library holds that is not saved.
fn note_unsaved(shelf: Shelf, why: &str) {
    let Some(store) = session() else { return };
    let (articles, removed, corrections, removed_corrections) = shelf.library.with_untracked(pending);
    if articles.is_empty() && removed.is_empty() && corrections == 0 && removed_corrections.is_empty() {
        let _ = store.remove_item(UNSAVED_NOTE);
        return;
    }
    let note = Note { why: why.to_string(), at: now_iso(), articles, removed, corrections, removed_corrections };
    let _ = store.set_item(UNSAVED_NOTE, &serde_json::to_string(&note).unwrap_or_default());
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {many}") }
}

fn listed(ids: &[String]) -> String {
    let shown: Vec<&str> = ids.iter().take(5).map(String::as_str).collect();
    let more = ids.len().saturating_sub(shown.len());
    format!("{}{}", shown.join(", "), if more > 0 { format!(" and {more} more") } else { String::new() })
}

/// What is not saved, in words.
fn unsaved_words(articles: usize, removed: usize, corrections: usize, removed_corrections: usize) -> String {
    let mut parts = Vec::new();
    if articles > 0 {
        parts.push(plural(articles, "article", "articles"));
    }
    if removed > 0 {
        parts.push(plural(removed, "removal", "removals"));
    }
    if corrections + removed_corrections > 0 {
        parts.push(plural(corrections + removed_corrections, "correction", "corrections"));
    }
    parts.join(", ")
}

/// Save the library's changes once the browser has drawn them: an import of
/// a thousand articles shows up first and is encoded after, in its own task,
/// and changes made within one frame are saved together. Until everything
/// is written, leaving the page asks first. A write that fails is tried
/// again, later and later, until it is written; the page says what waits.
fn schedule_save(shelf: Shelf) {
    UNSAVED.with(|u| u.set(true));
    if RUNNING.with(|r| r.replace(true)) {
        AGAIN.with(|a| a.set(true));
        return;
    }
    spawn_local(async move {
        super::import::yield_to_browser().await;
        let mut failure = None;
        loop {
            AGAIN.with(|a| a.set(false));
            match locked(save_run(shelf)).await {
                Ok(Run::Written) if !AGAIN.with(Cell::get) => break,
                Ok(_) => super::import::yield_to_browser().await,
                Err(why) => {
                    failure = Some(why);
                    break;
                }
            }
        }
        RUNNING.with(|r| r.set(false));
        let (articles, removed, corrections, removed_corrections) = shelf.library.with_untracked(pending);
        let left = articles.len() + removed.len() + corrections + removed_corrections.len();
        UNSAVED.with(|u| u.set(left > 0));
        match failure {
            _ if matches!(shelf.saving.get_untracked(), Saving::Gone(_)) => note_unsaved(shelf, "the saved library was deleted or emptied outside this page"),
            None if left == 0 => {
                RETRY_WAIT.with(|w| w.set(RETRY_MS));
                note_unsaved(shelf, "");
                if matches!(shelf.saving.get_untracked(), Saving::Off(_)) && the_db().is_ok() {
                    shelf.saving.set(Saving::On);
                }
                ask_to_persist(shelf);
            }
            // Changed as the run ended: run again (at once when it was asked for).
            None if AGAIN.with(Cell::get) => schedule_save(shelf),
            None => retry_later(shelf),
            Some(why) => {
                if why.starts_with("QuotaExceededError") {
                    clear_cache().await;
                }
                let what = unsaved_words(articles.len(), removed.len(), corrections, removed_corrections.len());
                note_unsaved(shelf, &why);
                if the_db().is_ok() {
                    shelf.saving.set(Saving::Off(format!("{what} not saved yet ({why}); trying again")));
                    retry_later(shelf);
                }
            }
        }
    });
}

fn retry_later(shelf: Shelf) {
    if RETRY_SET.with(|r| r.replace(true)) {
        return;
    }
    let wait = RETRY_WAIT.with(|w| {
        let now = w.get();
        w.set((now * 2).min(RETRY_MAX_MS));
        now
    });
    let again = Closure::once_into_js(move || {
        RETRY_SET.with(|r| r.set(false));
        schedule_save(shelf);
    });
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(again.unchecked_ref(), wait);
    }
}

/// Ask the browser to keep the library (not to clear it when space runs
/// low), once the library holds the user's own work; the answer is shown.
fn ask_to_persist(shelf: Shelf) {
    if shelf.library.with_untracked(|l| l.user_articles().next().is_none() && l.corrections().is_empty()) {
        return;
    }
    if ASKED_PERSIST.with(|a| a.replace(true)) {
        return;
    }
    let Some(storage) = navigator_part("storage") else { return };
    let Some(persist) = Reflect::get(&storage, &JsValue::from_str("persist")).ok().and_then(|f| f.dyn_into::<Function>().ok()) else { return };
    spawn_local(async move {
        let Ok(p) = persist.call0(&storage).and_then(|p| p.dyn_into::<Promise>().map_err(JsValue::from)) else { return };
        if let Ok(answer) = JsFuture::from(p).await {
            shelf.persisted.set(answer.as_bool());
        }
    });
}

/// Write these articles before they are analysed (an import): a reload
/// during the analysis loses none of them. Ids another tab has taken are
/// changed first. Returns the articles with the ids they were saved under,
/// and why some could not be written (they stay to be saved with the library).
pub async fn store_first(shelf: Shelf, mut articles: Vec<Article>) -> (Vec<Article>, Option<String>) {
    if articles.is_empty() || the_db().is_err() {
        return (articles, None);
    }
    STORING.with(|s| s.set(s.get() + articles.len()));
    let total = articles.len();
    if let Some(s) = session() {
        let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
        let _ = s.set_item(IMPORT_NOTE, &serde_json::json!({ "at": now_iso(), "ids": ids }).to_string());
    }
    let outcome = locked(async {
        let db = the_db()?;
        let taken = keys_of(&db, ARTICLES).await?;
        let mut batch_ids = HashSet::new();
        shelf.library.with_untracked(|l| {
            for a in articles.iter_mut() {
                if taken.contains(&a.id) || batch_ids.contains(&a.id) {
                    let mut also = taken.clone();
                    also.extend(batch_ids.iter().cloned());
                    a.id = l.free_id(&a.id, &also);
                }
                batch_ids.insert(a.id.clone());
            }
        });
        shelf.library.update_untracked(|l| l.reserve(articles.iter().map(|a| a.id.clone())));
        let mut written = 0;
        for part in articles.chunks(RECORDS_PER_WRITE) {
            let puts = SAVED.with(|s| {
                let mut s = s.borrow_mut();
                part.iter()
                    .map(|a| {
                        let seq = s.next_seq;
                        s.next_seq += 1;
                        Put::Article { id: a.id.clone(), print: fingerprint(&a.text), json: saved::encode_article(seq, a) }
                    })
                    .collect()
            });
            write(&Batch { puts, ..Batch::default() }).await?;
            written += part.len();
            if let Some(s) = session() {
                let ids: Vec<&str> = articles[written..].iter().map(|a| a.id.as_str()).collect();
                let _ = s.set_item(IMPORT_NOTE, &serde_json::json!({ "at": now_iso(), "ids": ids }).to_string());
            }
            super::import::yield_to_browser().await;
        }
        Ok::<(), String>(())
    })
    .await;
    STORING.with(|s| s.set(s.get().saturating_sub(total)));
    let why = outcome.err();
    if let Some(s) = session() {
        // A failure leaves the rest to the library's saving, which notes what it cannot write.
        let _ = s.remove_item(IMPORT_NOTE);
    }
    (articles, why)
}

/// Open the saved library, add it to `shelf.library`, then save every change
/// and follow the other tabs' changes.
pub fn start(shelf: Shelf) {
    // Closing or reloading the page while something is not saved, or while
    // an import is analysed, asks first.
    let guard = window_event_listener(leptos::ev::beforeunload, move |ev| {
        let busy = UNSAVED.with(Cell::get) || RUNNING.with(Cell::get) || STORING.with(Cell::get) > 0 || shelf.progress.get_untracked().is_some();
        if busy {
            ev.prevent_default();
            ev.set_return_value("");
        }
    });
    on_cleanup(move || guard.remove());
    listen(shelf);
    spawn_local(async move {
        match load(shelf).await {
            Ok(()) => {
                shelf.saving.set(Saving::On);
                LOADED.with(|l| l.set(true));
                read_inbox(shelf);
                Effect::new(move |_| {
                    shelf.library.track();
                    schedule_save(shelf);
                });
            }
            Err(why) => shelf.saving.set(Saving::Off(why)),
        }
    });
}

/// Open the database again after it was deleted under the page, and save
/// everything the page holds into it.
pub fn save_again(shelf: Shelf) {
    spawn_local(async move {
        match open().await {
            Ok(db) => {
                hold(shelf, db);
                // "Saved" only once it is written.
                shelf.saving.set(Saving::Off("saving everything shown here again".into()));
                schedule_save(shelf);
            }
            Err(why) => shelf.saving.set(Saving::Off(why)),
        }
    });
}

/// What the tab's notes from before the reload say; removals still pending.
fn read_notes(shelf: Shelf) -> (HashSet<String>, HashSet<String>) {
    let Some(store) = session() else { return Default::default() };
    let mut told = Vec::new();
    let mut removed = HashSet::new();
    let mut removed_corrections = HashSet::new();
    if let Some(note) = store.get_item(UNSAVED_NOTE).ok().flatten().and_then(|j| serde_json::from_str::<Note>(&j).ok()) {
        let what = unsaved_words(note.articles.len(), 0, note.corrections, 0);
        if !what.is_empty() {
            let ids = if note.articles.is_empty() { String::new() } else { format!(": {}", listed(&note.articles)) };
            told.push(format!("Before this page was reloaded, {what} could not be saved ({}){ids}.", note.why));
        }
        removed.extend(note.removed);
        removed_corrections.extend(note.removed_corrections);
    }
    if let Some(ids) = store.get_item(IMPORT_NOTE).ok().flatten().and_then(|j| serde_json::from_str::<serde_json::Value>(&j).ok()) {
        let ids: Vec<String> = ids.get("ids").and_then(|v| v.as_array()).map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect()).unwrap_or_default();
        if !ids.is_empty() {
            told.push(format!(
                "An import was cut short by a reload: {} not saved ({}); import the file again (what is already here is skipped).",
                plural(ids.len(), "article was", "articles were"),
                listed(&ids)
            ));
        }
    }
    let _ = store.remove_item(IMPORT_NOTE);
    if !told.is_empty() {
        shelf.lost.set(told);
    }
    (removed, removed_corrections)
}

async fn load(shelf: Shelf) -> Result<(), String> {
    let db = open().await?;
    hold(shelf, db.clone());
    let (removed, removed_corrections) = read_notes(shelf);
    let mut batch = Batch::default();
    let mut migrated = Vec::new();
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
                    migrated.push(k.clone());
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
    order::sort_by(&mut articles, |a, b| (a.seq, &a.value.id).cmp(&(b.seq, &b.value.id)));
    order::sort_by(&mut corrections, |a, b| (a.seq, &a.value.id).cmp(&(b.seq, &b.value.id)));
    let mut next_seq = articles.iter().map(|r| r.seq).chain(corrections.iter().map(|r| r.seq)).max().map_or(1, |s| s + 1);
    // Migrated records are written back in the current schema, in their order.
    for r in articles.iter_mut().filter(|r| migrated.contains(&r.value.id)) {
        r.seq = next_seq;
        next_seq += 1;
        batch.puts.push(Put::Article { id: r.value.id.clone(), print: fingerprint(&r.value.text), json: saved::encode_article(r.seq, &r.value) });
    }
    let now: Vec<String> = batch.aside.iter().map(|(s, k, _, why)| format!("{s} “{}”: {why}", k.as_string().unwrap_or_else(|| format!("{k:?}")))).collect();
    SAVED.with(|s| {
        let mut s = s.borrow_mut();
        s.articles = articles.iter().map(|r| (r.value.id.clone(), fingerprint(&r.value.text))).collect();
        s.corrections = corrections.iter().map(|r| (r.value.id.clone(), r.value.clone())).collect();
        s.next_seq = next_seq;
    });
    if !batch.is_empty() {
        write(&batch).await?;
    }
    let total = count(&db, QUARANTINE).await?;
    shelf.quarantine.set(Quarantine { now, total });
    // Removals the tab made before a reload that could not be written stand:
    // the records stay known as saved, so the first save deletes them.
    articles.retain(|r| !removed.contains(&r.value.id));
    corrections.retain(|r| !removed_corrections.contains(&r.value.id) && !removed.contains(&r.value.article));

    if !articles.is_empty() || !corrections.is_empty() {
        // Analyses made before by this extractor are taken from the cache.
        let keys: Vec<String> = articles.iter().map(|r| saved::analysis_key(&r.value.text)).collect();
        let cached = get_many(&db, ANALYSES, &keys).await.unwrap_or_default();
        let mut opened = Vec::with_capacity(articles.len());
        let mut misses = Vec::new();
        for (i, r) in articles.into_iter().enumerate() {
            let hit = cached.get(i).cloned().flatten().and_then(|j| saved::decode_analysis(&j));
            if hit.is_none() {
                misses.push((keys[i].clone(), r.value.id.clone()));
            }
            opened.push((r.value, hit));
        }
        shelf.cached.set((opened.len() - misses.len(), opened.len()));
        // Added without telling the page (their ids kept from pastes meanwhile);
        // it is drawn once, with the corrections.
        shelf.library.update_untracked(|l| l.reserve(opened.iter().map(|(a, _)| a.id.clone())));
        analyse_in_chunks(opened, |t| t.opening_library, shelf.progress, |article, analysis| {
            shelf.library.update_untracked(|l| {
                l.insert(article, analysis);
            });
        })
        .await;
        shelf.library.update(|l| l.merge_corrections(corrections.into_iter().map(|r| r.value).collect()));
        spawn_local(refresh_cache(shelf, keys.into_iter().collect(), misses));
    }
    if !removed.is_empty() || !removed_corrections.is_empty() {
        schedule_save(shelf);
    }
    ask_to_persist(shelf);
    if shelf.persisted.get_untracked().is_none() && shelf.library.with_untracked(|l| l.user_articles().next().is_some()) {
        persisted_now(shelf).await;
    }
    Ok(())
}

/// Put the analyses the cache missed into it, and drop what no saved article
/// needs any more. Best effort: a failure only means analysing again later.
async fn refresh_cache(shelf: Shelf, wanted: HashSet<String>, misses: Vec<(String, String)>) {
    let Ok(db) = the_db() else { return };
    let Ok(present) = keys_of(&db, ANALYSES).await else { return };
    let stale: Vec<String> = present.into_iter().filter(|k| !wanted.contains(k)).collect();
    let mut pace = Pace::new();
    let mut records = Vec::new();
    for (key, id) in misses {
        pace.step().await;
        if let Some(json) = shelf.library.with_untracked(|l| l.item(&id).map(|i| saved::encode_analysis(&i.extracted))) {
            records.push((key, json));
        }
    }
    let write_part = |puts: &[(String, String)], deletes: &[String]| -> Result<IdbTransaction, String> {
        let t = tx(&db, &[ANALYSES], IdbTransactionMode::Readwrite)?;
        let store = t.object_store(ANALYSES).map_err(|e| js_error(&e))?;
        for k in deletes {
            store.delete(&JsValue::from_str(k)).map_err(|e| js_error(&e))?;
        }
        for (k, v) in puts {
            store.put_with_key(&JsValue::from_str(v), &JsValue::from_str(k)).map_err(|e| js_error(&e))?;
        }
        Ok(t)
    };
    if let Ok(t) = write_part(&[], &stale) {
        let _ = committed(&t).await;
    }
    for part in records.chunks(RECORDS_PER_WRITE) {
        let Ok(t) = write_part(part, &[]) else { return };
        if committed(&t).await.is_err() {
            return;
        }
        super::import::yield_to_browser().await;
    }
}

/// Empty the cache of analyses (the disk is full: the user's work comes first).
async fn clear_cache() {
    let Ok(db) = the_db() else { return };
    if let Ok(t) = tx(&db, &[ANALYSES], IdbTransactionMode::Readwrite) {
        if t.object_store(ANALYSES).and_then(|s| s.clear()).is_ok() {
            let _ = committed(&t).await;
        }
    }
}

/// Whether the browser already keeps this origin's storage.
async fn persisted_now(shelf: Shelf) {
    let Some(storage) = navigator_part("storage") else { return };
    let Some(f) = Reflect::get(&storage, &JsValue::from_str("persisted")).ok().and_then(|f| f.dyn_into::<Function>().ok()) else { return };
    if let Ok(p) = f.call0(&storage).and_then(|p| p.dyn_into::<Promise>().map_err(JsValue::from)) {
        if let Ok(answer) = JsFuture::from(p).await {
            if shelf.persisted.get_untracked().is_none() {
                shelf.persisted.set(answer.as_bool());
            }
        }
    }
}

/// Tell the other tabs what this one wrote.
fn announce(said: &Announcement) {
    if said.is_empty() {
        return;
    }
    CHANNEL_OPEN.with(|c| {
        if let Some(c) = c.borrow().as_ref() {
            let _ = c.post_message(&JsValue::from_str(&serde_json::to_string(said).unwrap_or_default()));
        }
    });
}

/// Listen to the other tabs (their announcements wait until the library is open).
fn listen(shelf: Shelf) {
    let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else { return };
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        let Some(said) = ev.data().as_string().and_then(|j| serde_json::from_str::<Announcement>(&j).ok()) else { return };
        if said.tab == tab_id() {
            return;
        }
        INBOX.with(|i| i.borrow_mut().push_back(said));
        if LOADED.with(Cell::get) {
            read_inbox(shelf);
        }
    });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    CHANNEL_OPEN.with(|c| *c.borrow_mut() = Some(channel));
}

/// Show what other tabs wrote, one announcement after another.
fn read_inbox(shelf: Shelf) {
    if READING_INBOX.with(|r| r.replace(true)) {
        return;
    }
    spawn_local(async move {
        while let Some(said) = INBOX.with(|i| i.borrow_mut().pop_front()) {
            if let Err(why) = follow(shelf, said).await {
                web_sys::console::warn_1(&JsValue::from_str(&format!("Didar: another tab's change could not be read: {why}")));
            }
        }
        READING_INBOX.with(|r| r.set(false));
    });
}

/// Take in what another tab wrote: read its records from the database and
/// put them in this tab's library, which then knows them as saved.
async fn follow(shelf: Shelf, said: Announcement) -> Result<(), String> {
    let db = the_db()?;
    let article_json = get_many(&db, ARTICLES, &said.articles).await?;
    let correction_json = get_many(&db, CORRECTIONS, &said.corrections).await?;
    let mut incoming = Vec::new();
    let mut pace = Pace::new();
    for (id, json) in said.articles.iter().zip(article_json) {
        let Some(article) = json.and_then(|j| saved::decode_article(id, &j).ok()).map(|r| r.value) else { continue };
        let known = shelf.library.with_untracked(|l| l.item(id).is_some_and(|i| i.article.text == article.text));
        if known {
            SAVED.with(|s| s.borrow_mut().articles.insert(id.clone(), fingerprint(&article.text)));
            continue;
        }
        pace.step().await;
        let analysis = crate::analyze(&article);
        incoming.push((article, analysis));
    }
    let corrections: Vec<Correction> =
        said.corrections.iter().zip(correction_json).filter_map(|(id, json)| json.and_then(|j| saved::decode_correction(id, &j).ok()).map(|r| r.value)).collect();
    let incoming_ids: HashSet<String> = incoming.iter().map(|(a, _)| a.id.clone()).collect();
    // All at once, so that a save never sees the database's state and the library's apart.
    shelf.library.update(|l| {
        SAVED.with(|s| {
            let mut s = s.borrow_mut();
            for (article, analysis) in incoming {
                if l.item(&article.id).is_some() {
                    // This tab's own, unsaved article under that id takes another.
                    let new = l.free_id(&article.id, &incoming_ids);
                    l.rename(&article.id, &new);
                    if l.item(&article.id).is_some() {
                        l.remove(&article.id);
                    }
                }
                s.articles.insert(article.id.clone(), fingerprint(&article.text));
                l.insert(article, analysis);
            }
            for id in &said.removed {
                s.articles.remove(id);
                l.remove(id);
            }
            for id in &said.removed_corrections {
                s.corrections.remove(id);
                l.remove_correction(id);
            }
            for c in &corrections {
                let ours = l.corrections().iter().find(|x| x.id == c.id).cloned();
                if let (Some(ours), false) = (&ours, s.corrections.contains_key(&c.id)) {
                    if *ours != *c && matches!(ours.change, Change::Add { .. }) {
                        let new = l.free_add_id(&ours.article, &said.corrections.iter().cloned().collect());
                        l.rename_correction(&ours.id, &new);
                    }
                }
                s.corrections.insert(c.id.clone(), c.clone());
            }
            l.merge_corrections(corrections);
        });
    });
    Ok(())
}

/// Every record set aside, as JSON, for the user to keep or inspect.
pub async fn quarantine_json() -> Result<String, String> {
    let db = the_db()?;
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
        <p class="storage" data-testid="storage-status" role="status"
            data-cached=move || shelf.cached.get().0 data-opened=move || shelf.cached.get().1>
            {move || {
                let (l, t) = (ui.lang(), ui.t());
                match shelf.saving.get() {
                    Saving::Loading => t.opening_saved.to_string(),
                    Saving::On => t.saved_here.to_string(),
                    Saving::Off(why) => (t.not_saved)(l, &super::i18n::message(l, &why)),
                    Saving::Gone(why) => (t.not_saved)(l, &super::i18n::message(l, &why)),
                }
            }}
        </p>
        {move || matches!(shelf.saving.get(), Saving::Gone(_)).then(|| view! {
            <button type="button" class="secondary" data-testid="save-again" on:click=move |_| save_again(shelf)>{move || ui.t().save_again}</button>
        })}
        {move || shelf.persisted.get().map(|kept| {
            let (l, t) = (ui.lang(), ui.t());
            let _ = l;
            view! { <p class="storage persist" data-testid="persist-status">{if kept { t.persist_granted } else { t.persist_denied }}</p> }
        })}
        {move || {
            let lost = shelf.lost.get();
            let l = ui.lang();
            (!lost.is_empty()).then(|| view! {
                <div class="quarantine" data-testid="unsaved-report" role="alert">
                    <ul>{lost.into_iter().map(|r| view! { <li dir="auto">{super::i18n::message(l, &r)}</li> }).collect_view()}</ul>
                </div>
            })
        }}
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
