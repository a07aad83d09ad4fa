"use strict";
// Keeps the tablet working through a reload without network: the pages, scripts and an opened
// session's form are answered from the network when it answers in time, and from this cache when
// it does not. Submissions never pass through here: they wait in the page's IndexedDB outbox.
const CACHE = "borgerdialog-v2";
const SHELL = [
  "/", "/static/favicon.svg", "/static/css/borgerdialog.css", "/static/js/home.js", "/static/js/texts.js", "/static/js/preview.js", "/static/js/outbox.js",
  "/static/js/questions.js", "/static/js/questions-themes.js", "/static/js/contact.js", "/static/js/kiosk.js",
  "/static/js/tablet-form.js", "/static/js/tablet.js",
];
// Village-hall Wi-Fi often neither answers nor fails; after this long the cached copy is used.
const NETWORK_PATIENCE = 3000;

function cacheable(url) {
  return url.origin === location.origin && (url.pathname === "/" || url.pathname.startsWith("/s/")
    || url.pathname.startsWith("/static/") || /^\/api\/sessions\/[^/]+\/form$/.test(url.pathname));
}

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

// The page that opened a session asks for it to be kept: its first load came before this worker
// controlled it, so the fetch handler below never saw those requests.
self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type !== "keep" || !Array.isArray(data.urls)) return;
  const urls = data.urls.map((url) => new URL(url, location.origin)).filter(cacheable);
  event.waitUntil(caches.open(CACHE)
    .then((cache) => Promise.all(urls.map((url) => fetch(url, { cache: "no-store" })
      .then((response) => (response.ok ? cache.put(url, response) : undefined)))))
    .then(() => event.source && event.source.postMessage({ type: "kept" }))
    .catch(() => {}));
});

function fromNetwork(request) {
  return fetch(request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(request, copy));
    }
    return response;
  });
}

// Network first, so a changed page or a closed session is seen at once; the cache when the
// network fails or is too slow; the slow network after all when nothing is cached.
function networkOrCache(request) {
  const network = fromNetwork(request);
  const late = new Promise((resolve) => setTimeout(resolve, NETWORK_PATIENCE));
  const cachedAfterFailure = network.then(() => null, () => caches.match(request));
  const cachedWhenSlow = late.then(() => caches.match(request));
  return Promise.race([network.catch(() => cachedAfterFailure), cachedWhenSlow.then((cached) => cached || network)])
    .then((response) => response || network)
    .catch(() => caches.match(request).then((cached) => cached || Response.error()));
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !cacheable(new URL(request.url))) return;
  event.respondWith(networkOrCache(request));
});
