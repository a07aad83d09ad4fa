"use strict";
// Submissions wait in IndexedDB until the server acknowledges them, so a reload, a closed browser or
// bad Wi-Fi never loses an answer. The server stores each submissionId once, so resending is safe.
const Outbox = (() => {
  const DATABASE = "borgerdialog";
  const STORE = "outbox";
  const listeners = new Set();
  let flushing = null;
  let retryTimer = null;
  let retryDelay = 2000;
  const MAX_RETRY_DELAY = 60000;

  function open() {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open(DATABASE, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "submissionId" });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }

  async function transact(mode, work) {
    const database = await open();
    try {
      return await new Promise((resolve, reject) => {
        const transaction = database.transaction(STORE, mode);
        const result = work(transaction.objectStore(STORE));
        transaction.oncomplete = () => resolve(result && "result" in result ? result.result : undefined);
        transaction.onerror = () => reject(transaction.error);
        transaction.onabort = () => reject(transaction.error);
      });
    } finally {
      database.close();
    }
  }

  const put = (entry) => transact("readwrite", (store) => store.put(entry));
  const remove = (submissionId) => transact("readwrite", (store) => store.delete(submissionId));
  const all = () => transact("readonly", (store) => store.getAll());

  async function notify() {
    const entries = await all().catch(() => []);
    listeners.forEach((listener) => listener(entries.length));
  }

  // Sends one entry. Returns "acknowledged", "rejected" (the server will never take it) or "waiting".
  async function send(entry) {
    let response;
    try {
      response = await fetch("/api/sessions/" + encodeURIComponent(entry.code) + "/responses", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(entry.body),
        cache: "no-store",
      });
    } catch (networkError) {
      return { state: "waiting" };
    }
    if (response.status === 200 || response.status === 201) {
      await remove(entry.submissionId);
      return { state: "acknowledged", status: response.status };
    }
    if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
      const details = await response.json().catch(() => ({}));
      await remove(entry.submissionId);
      return { state: "rejected", status: response.status, details };
    }
    return { state: "waiting" };
  }

  function scheduleRetry() {
    if (retryTimer) return;
    retryTimer = setTimeout(() => { retryTimer = null; flush(); }, retryDelay);
    retryDelay = Math.min(retryDelay * 2, MAX_RETRY_DELAY);
  }

  // Sends everything waiting, oldest first; stops at the first network failure and retries later.
  function flush() {
    if (flushing) return flushing;
    flushing = (async () => {
      const results = new Map();
      try {
        const entries = (await all()).sort((a, b) => a.queuedAt - b.queuedAt);
        for (const entry of entries) {
          const result = await send(entry);
          results.set(entry.submissionId, result);
          if (result.state === "waiting") { scheduleRetry(); break; }
        }
        if (![...results.values()].some((result) => result.state === "waiting")) retryDelay = 2000;
      } finally {
        flushing = null;
        await notify();
      }
      return results;
    })();
    return flushing;
  }

  // Queues a submission durably first, then tries to deliver it at once.
  async function submit(code, body) {
    await put({ submissionId: body.submissionId, code, body, queuedAt: Date.now() });
    await notify();
    if (flushing) await flushing;
    const results = await flush();
    return results.get(body.submissionId) || { state: "waiting" };
  }

  window.addEventListener("online", () => { retryDelay = 2000; flush(); });

  return {
    submit,
    flush,
    pendingCount: async () => (await all()).length,
    onChange: (listener) => { listeners.add(listener); notify(); },
  };
})();
