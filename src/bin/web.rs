//! The browser app's entry point (built by Trunk for wasm32). The same module
//! also runs in the analysis worker (`scripts/analysis-worker.js`), where there
//! is no page to mount: there it only answers [`analyze_json`].

#[cfg(target_arch = "wasm32")]
fn main() {
    if web_sys::window().is_some() {
        didar::ui::mount();
    }
}

/// The analysis of one article (`didar::analyze`), as JSON: what the worker
/// sends back to the page.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn analyze_json(id: String, text: String) -> String {
    let analysis = didar::analyze(&didar::model::Article { id, text });
    serde_json::to_string(&analysis).unwrap_or_default()
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("didar-web is the browser app: build it with `scripts/serve` (Trunk), or use the `didar` command line.");
    std::process::exit(2);
}
