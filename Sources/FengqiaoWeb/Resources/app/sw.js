/* 网格通 service worker: keeps the app shell so the app opens without signal. The JSON API is never cached
   (work done offline waits in the page's IndexedDB outbox instead). */
const SHELL = "fq-gridapp-shell-v1";
const FILES = ["/app", "/app/app.js", "/app/outbox.js", "/app/app.css", "/static/app.css", "/app/manifest.webmanifest",
  "/app/icon.svg", "/app/icon-192.png"];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((n) => n.startsWith("fq-gridapp-") && n !== SHELL).map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !FILES.includes(url.pathname)) return;
  // The network first (a fresh shell after an update), the cache when there is no signal.
  event.respondWith(fetch(request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      caches.open(SHELL).then((cache) => cache.put(url.pathname, copy));
    }
    return response;
  }).catch(() => caches.match(url.pathname).then((cached) => cached || Response.error())));
});
