// Trunk's loader, rewritten so that the wasm is fetched once in every engine.
//
// Trunk writes `<link rel="preload" as="fetch" href="…_bg.wasm">` and a module script that
// imports the JS glue, whose init then fetch()es the wasm. Chromium and Firefox hand that
// fetch the preloaded response; WebKit (WebKitGTK 2.50) does not, and downloaded the
// 1.6 MB wasm twice on every load that is not served by the offline worker (seen in
// e2e/webdriver.test.mjs: two wasm requests at the server). In the preload's place a tiny
// classic script starts the wasm's fetch itself, as early in the page as the preload did
// (a module script runs only once the document is parsed: starting the fetch there cost
// Chromium 150-250 ms to the timeline), and the loader hands that pending response to init.
// One download in every engine, begun as early as before. The script carries the wasm's
// name (`data-wasm`), where the analysis worker's launcher (src/ui/analyser.rs) reads it.
//
// Applied to the staged index.html by scripts/csp.mjs (Trunk's post_build hook) before the
// policy is written, so the policy's hash is the new loader's.

const LOADER = /<script type="module">\s*import init, \* as bindings from '(\.\/[^']+\.js)';\s*const wasm = await init\(\{ module_or_path: '(\.\/[^']+\.wasm)' \}\);\s*window\.wasmBindings = bindings;\s*dispatchEvent\(new CustomEvent\("TrunkApplicationStarted", \{detail: \{wasm\}\}\)\);\s*<\/script>/;

/** The HTML with the wasm fetched by the page instead of a preload link (unchanged if already so). */
export function withEarlyWasm(html) {
  const link = html.match(/<link rel="preload" href="(\.\/[^"]+\.wasm)"[^>]*>/);
  if (!link) return html;
  const m = html.match(LOADER);
  if (!m || m[2] !== link[1]) throw new Error('loader: Trunk\'s loader changed shape; scripts/loader.mjs must follow it');
  const [, glue, wasm] = m;
  const loader = `<script type="module">
import init, * as bindings from '${glue}';
// The wasm's download began in the <head> (scripts/loader.mjs).
const wasm = await init({ module_or_path: globalThis.__didarWasm });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
</script>`;
  return html.replace(LOADER, loader).replace(link[0], `<script data-wasm="${wasm}">globalThis.__didarWasm = fetch(document.currentScript.dataset.wasm);</script>`);
}
