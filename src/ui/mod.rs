//! The browser app (compiled for wasm32 only). The components wire the plain
//! Rust [`Library`](crate::library::Library) to signals; all logic lives there.

mod analyser;
mod article_view;
mod correct;
mod counterparts;
mod filters;
mod i18n;
mod export;
mod import;
mod offline;
mod paste;
mod storage;
mod timeline_view;

use crate::library::Library;
use leptos::prelude::*;

/// The HTML `lang` of an analysis language code, if it is a real language.
pub(crate) fn html_lang(code: &str) -> Option<&'static str> {
    match code {
        "ar" => Some("ar"),
        "fa" => Some("fa"),
        "en" => Some("en"),
        "ur" => Some("ur"),
        _ => None,
    }
}

/// Start the app: install the panic hook and mount it on `<body>`.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let ui = i18n::provide_ui();
    let library = RwSignal::new(Library::with_seeds());
    let shelf = storage::Shelf::new(library);
    storage::start(shelf);
    let updated = offline::start();
    // A change to the library changes its timeline: comparing thousands of
    // entries to find out would cost more than it saves.
    let timeline = Memo::new_with_compare(move |_| library.with(|l| l.timeline()), |_, _| true);
    let find_article = Callback::new(move |id: String| library.with(|l| l.items().iter().find(|i| i.article.id == id).map(|i| i.article.text.clone())));
    view! {
        <header class="masthead">
            <div class="brand">
                <h1>"Didar"</h1>
                <p class="tagline">{move || ui.t().tagline}</p>
            </div>
            <i18n::LangSelect />
        </header>
        <offline::UpdateNotice updated=updated />
        <main class="layout">
            <section class="side" aria-label=move || ui.t().articles>
                <paste::PasteBox library=library />
                <import::ImportBox shelf=shelf />
                <storage::StorageReport shelf=shelf />
                <export::ExportBox shelf=shelf />
                <correct::CorrectionPanel shelf=shelf />
                <ArticleList library=library />
            </section>
            <section class="main" aria-label=move || ui.t().timeline>
                <timeline_view::TimelineView timeline=timeline find_article=find_article />
            </section>
        </main>
    }
}

/// The library's articles, newest first; rows are keyed by article, so adding
/// one builds one row.
#[component]
fn ArticleList(library: RwSignal<Library>) -> impl IntoView {
    let ui = i18n::use_ui();
    let limit = RwSignal::new(timeline_view::LIST_PAGE);
    let rows = move || {
        let (lang, t) = (ui.lang(), ui.t());
        library.with(|l| {
            l.items()
                .iter()
                .rev()
                .take(limit.get())
                .map(|item| {
                    // The first line long enough to be a headline (not "Share this news", "News code: 39870").
                    let mut lines = item.article.text.lines().map(str::trim).filter(|l| !l.is_empty());
                    let first = lines.clone().next().unwrap_or("");
                    let title: String = lines.find(|l| l.split_whitespace().count() >= 5).unwrap_or(first).chars().take(90).collect();
                    let n = item.analysis.meetings.len();
                    let origin = match item.origin {
                        crate::library::Origin::Bundled => t.bundled,
                        crate::library::Origin::User => t.yours,
                    };
                    let meta = format!(
                        "{} · {} · {}{}",
                        (t.article_lang)(lang, &item.analysis.lang),
                        origin,
                        (t.meetings)(lang, n, n),
                        item.analysis.published.as_ref().map(|p| format!(" · {}", (t.published)(lang, p))).unwrap_or_default()
                    );
                    (item.article.id.clone(), title, html_lang(&item.analysis.lang), meta)
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <h2>{move || ui.t().articles}</h2>
        <ul class="articles">
            <For each=rows key=|row| row.clone() let:row>
                <li class="article" data-testid="article">
                    <span class="article-title" dir="auto" lang=row.2>{row.1}</span>
                    <span class="article-meta">{row.3}</span>
                </li>
            </For>
        </ul>
        {move || {
            let rest = library.with(|l| l.items().len()).saturating_sub(limit.get());
            (rest > 0).then(|| view! {
                <button type="button" class="secondary show-more" data-testid="show-more-articles" on:click=move |_| limit.update(|n| *n += timeline_view::LIST_PAGE)>
                    {(ui.t().show_more)(ui.lang(), rest)}
                </button>
            })
        }}
    }
}
