//! The browser app's entry point (built by Trunk for wasm32).

#[cfg(target_arch = "wasm32")]
fn main() {
    didar::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("didar-web is the browser app: build it with `scripts/serve` (Trunk), or use the `didar` command line.");
    std::process::exit(2);
}
