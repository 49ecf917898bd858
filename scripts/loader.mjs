// Trunk's loader, rewritten so that the wasm is fetched once in every engine.
//
// Trunk writes `<link rel="preload" as="fetch" href="…_bg.wasm">` and a module script that
// imports the JS glue, whose init then fetch()es the wasm. Chromium and Firefox hand that
// fetch the preloaded response; WebKit (WebKitGTK 2.50) does not, and downloaded the
// 1.6 MB wasm twice on every load that is not served by the offline worker (seen in
// e2e/webdriver.test.mjs: two wasm requests at the server). The loader here starts the
// wasm's fetch itself, at once, and imports the glue beside it (still modulepreloaded), so
// the two download in parallel as the preload meant, and the wasm only once.
//
// Applied to the staged index.html by scripts/csp.mjs (Trunk's post_build hook) before the
// policy is written, so the policy's hash is the new loader's.

const LOADER = /<script type="module">\s*import init, \* as bindings from '(\.\/[^']+\.js)';\s*const wasm = await init\(\{ module_or_path: '(\.\/[^']+\.wasm)' \}\);\s*window\.wasmBindings = bindings;\s*dispatchEvent\(new CustomEvent\("TrunkApplicationStarted", \{detail: \{wasm\}\}\)\);\s*<\/script>/;

/** The HTML with the wasm fetched by the loader instead of a preload link (unchanged if already so). */
export function withEarlyWasm(html) {
  const m = html.match(LOADER);
  if (!m) {
    if (/<link rel="preload"[^>]*\.wasm"/.test(html)) throw new Error('loader: Trunk\'s loader changed shape; scripts/loader.mjs must follow it');
    return html;
  }
  const [, glue, wasm] = m;
  const loader = `<script type="module">
const wasmResponse = fetch('${wasm}');
const bindings = await import('${glue}');
const wasm = await bindings.default({ module_or_path: wasmResponse });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
</script>`;
  return html.replace(LOADER, loader).replace(/<link rel="preload"[^>]*\.wasm"[^>]*>\s*/g, '');
}
