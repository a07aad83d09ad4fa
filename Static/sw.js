"use strict";
// Keeps the tablet working through a reload without network: pages, scripts and the session's
// form are answered from the network when it is there, and from this cache when it is not.
const CACHE = "borgerdialog-v1";
const SHELL = [
  "/static/css/borgerdialog.css", "/static/js/outbox.js", "/static/js/questions.js",
  "/static/js/questions-themes.js", "/static/js/contact.js", "/static/js/tablet.js",
];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Only reads of our own pages and forms are cached; submissions always go to the network.
  if (request.method !== "GET" || url.origin !== location.origin) return;
  const cacheable = url.pathname.startsWith("/s/") || url.pathname.startsWith("/static/")
    || /^\/api\/sessions\/[^/]+\/form$/.test(url.pathname);
  if (!cacheable) return;
  event.respondWith(fetch(request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(request, copy));
    }
    return response;
  }).catch(() => caches.match(request).then((cached) => cached || Response.error())));
});
