// The analysis worker: analyses a long article off the page's main thread, so a
// 2 MB paste never holds the page (issue 15, point 2). It runs the app's own
// code: the page sends the URLs of its JS glue and wasm (Trunk's hashed names,
// read from the page's preload links), and the worker imports the glue and
// instantiates the same wasm (the service worker serves both offline), whose
// export `analyze_json` is `didar::analyze` with its result as JSON.
// Copied into dist/ unchanged by Trunk (index.html); so it is in sw.js's list.
// The single file opened from disk (file://) cannot start a worker: there the
// page analyses on its main thread.
let app;
self.onmessage = async ({ data }) => {
  try {
    app ??= import(data.glue).then(async (glue) => {
      await glue.default({ module_or_path: data.wasm });
      return glue;
    });
    const glue = await app;
    self.postMessage({ id: data.id, json: glue.analyze_json(data.article, data.text) });
  } catch (e) {
    app = undefined;
    self.postMessage({ id: data.id, error: String(e) });
  }
};
