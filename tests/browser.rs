//! Tests that run in headless Chromium (wasm-bindgen-test): the extractor
//! compiled to WebAssembly gives the same answers as natively, and the app
//! mounts and draws the bundled corpus's timeline.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn extraction_runs_in_wasm() {
    let article = didar::Article {
        id: "t".into(),
        text: "والتقى العميد حاتمي بنظيره الكازاخستاني، على هامش مؤتمر موسكو الأمني الدّولي".into(),
    };
    let a = didar::analyze(&article);
    assert_eq!(a.lang, "ar");
    assert_eq!(a.meetings.len(), 1);
    assert_eq!(a.meetings[0].parties, ["IR", "KZ"]);
}

#[wasm_bindgen_test]
fn hostile_text_does_not_panic_in_wasm() {
    for text in ["", "\u{202E}\u{202E}", "<script>alert(1)</script> met", "التقى\u{0}\u{FFFF}", &"و".repeat(10_000)] {
        let _ = didar::analyze(&didar::Article { id: "x".into(), text: text.into() });
    }
}

#[wasm_bindgen_test]
fn app_mounts_and_draws_the_seed_timeline() {
    didar::ui::mount();
    let doc = web_sys::window().unwrap().document().unwrap();
    let timeline = doc.query_selector("ol.timeline").unwrap().expect("the timeline is drawn");
    let mut parties = Vec::new();
    let mut event = timeline.first_element_child();
    while let Some(el) = event {
        assert_eq!(el.get_attribute("data-testid").as_deref(), Some("timeline-event"));
        parties.push(el.get_attribute("data-parties").unwrap_or_default());
        event = el.next_element_sibling();
    }
    assert!(parties.len() >= 7, "only {} timeline events: {parties:?}", parties.len());
    for p in ["IR-KZ", "IR-PK", "IR-RU", "IR-UZ"] {
        assert!(parties.iter().any(|x| x == p), "no {p} event in {parties:?}");
    }
    assert!(doc.query_selector(r#"[data-testid="article-input"]"#).unwrap().is_some());
}

/// The browser's path of a saved page (DOMParser) and of a legacy encoding
/// (TextDecoder) gives what the native one does (tests/pages.rs).
#[wasm_bindgen_test]
fn saved_pages_and_legacy_encodings_read_in_the_browser() {
    let parties = |text: &str| {
        let a = didar::analyze(&didar::Article { id: "p".into(), text: text.into() });
        let mut p: Vec<String> = a.meetings.iter().map(|m| m.parties.join("-")).collect();
        p.sort();
        p.dedup();
        p
    };
    for (file, bytes, want) in [
        ("ar-news.html", &include_bytes!("pages/ar-news.html")[..], &["IR-OM", "IR-QA"][..]),
        ("fa-news.html", include_bytes!("pages/fa-news.html"), &["IR-OM", "IR-QA"]),
        ("en-news.html", include_bytes!("pages/en-news.html"), &["CN-PK", "PK-UZ"]),
        ("ur-news.html", include_bytes!("pages/ur-news.html"), &["CN-PK", "PK-UZ"]),
        ("ar-windows-1256.txt", include_bytes!("pages/ar-windows-1256.txt"), &["IR-KZ"]),
        ("fa-utf16.txt", include_bytes!("pages/fa-utf16.txt"), &["IR-OM"]),
        ("ar-meta-1256.html", include_bytes!("pages/ar-meta-1256.html"), &["IR-KZ"]),
    ] {
        let f = didar::library::import::read_file(file, bytes).unwrap();
        assert_eq!(parties(&f.articles[0].text), want, "{file}");
    }
}
