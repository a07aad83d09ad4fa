"use strict";
// Submissions wait in IndexedDB until the server acknowledges them, so a reload, a closed browser or
// bad Wi-Fi never loses an answer. Each keeps the id the tablet gave it, and the server stores each
// id once, so sending again after a lost acknowledgement is safe: delivery is exactly once.
// The outbox never shows what an entry holds; the page only ever learns how many are waiting.
const Outbox = (() => {
  const DATABASE = "borgerdialog";
  const STORE = "outbox";
  const FIRST_RETRY_DELAY = 1000;
  const MAX_RETRY_DELAY = 60000;
  // A request on bad Wi-Fi can hang for minutes; give up on it and try again later instead.
  const REQUEST_TIMEOUT = 15000;
  const listeners = new Set();
  const acknowledgementListeners = new Set();
  let flushing = null;
  let retryTimer = null;
  let retryDelay = FIRST_RETRY_DELAY;

  function open() {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open(DATABASE, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "submissionId" });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }

  // Resolves only once the transaction has committed, so "queued" really means on disk.
  async function transact(mode, work) {
    const database = await open();
    try {
      return await new Promise((resolve, reject) => {
        const transaction = database.transaction(STORE, mode, { durability: "strict" });
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
  const count = () => transact("readonly", (store) => store.count());

  async function notify() {
    const waiting = await count().catch(() => 0);
    listeners.forEach((listener) => listener(waiting));
  }

  async function post(entry) {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), REQUEST_TIMEOUT);
    try {
      // The server words its problems in the language the citizen answered in.
      const language = entry.body.language === "en" ? "en" : "da";
      return await fetch("/api/sessions/" + encodeURIComponent(entry.code) + "/responses", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept-Language": language },
        body: JSON.stringify(entry.body),
        cache: "no-store",
        signal: abort.signal,
      });
    } finally {
      clearTimeout(timer);
    }
  }

  // Sends one entry. The result's state is "acknowledged", "rejected" (the server will never take
  // it: a closed session, answers that do not fit) or "waiting" (try again later); "stop" says
  // whether the rest of the queue should wait too (no network, or the server asks to slow down).
  async function send(entry) {
    let response;
    try {
      response = await post(entry);
    } catch (networkError) {
      return { state: "waiting", stop: true };
    }
    if (response.status === 200 || response.status === 201) {
      const answer = await response.json().catch(() => ({}));
      await remove(entry.submissionId);
      // The receipt code is handed to the page once and kept nowhere: the next citizen cannot find it.
      const receipt = typeof answer.receipt === "string" ? answer.receipt : null;
      return { state: "acknowledged", status: response.status, late: answer.late === true, receipt };
    }
    if (response.status === 408 || response.status === 429 || response.status >= 500) {
      // One entry that makes the server fail must not hold back the others behind it.
      return { state: "waiting", stop: response.status !== 500 };
    }
    const details = await response.json().catch(() => ({}));
    await remove(entry.submissionId);
    return { state: "rejected", status: response.status, details };
  }

  // Backs off exponentially, with jitter so that many tablets coming back at once do not all
  // knock at the same moment.
  function scheduleRetry() {
    if (retryTimer) return;
    const delay = retryDelay * (0.8 + Math.random() * 0.4);
    retryTimer = setTimeout(() => { retryTimer = null; flush(); }, delay);
    retryDelay = Math.min(retryDelay * 2, MAX_RETRY_DELAY);
  }

  function retrySoon() {
    clearTimeout(retryTimer);
    retryTimer = null;
    retryDelay = FIRST_RETRY_DELAY;
    flush();
  }

  // Sends everything waiting, oldest first; stops at a network failure and retries later.
  // The form builder's preview never opens the outbox at all.
  function flush() {
    if (window.Preview && window.Preview.active) return Promise.resolve(new Map());
    if (flushing) return flushing;
    flushing = (async () => {
      const results = new Map();
      let retry = false;
      try {
        const entries = (await all()).sort((a, b) => a.queuedAt - b.queuedAt);
        for (const entry of entries) {
          const result = await send(entry);
          results.set(entry.submissionId, result);
          if (result.state === "acknowledged") acknowledgementListeners.forEach((listener) => listener(entry.submissionId, result));
          if (result.state === "waiting") retry = true;
          if (result.stop) break;
          if (result.state !== "waiting") notify();
        }
      } catch (storageError) {
        retry = true;
      } finally {
        flushing = null;
        if (retry) scheduleRetry(); else retryDelay = FIRST_RETRY_DELAY;
        await notify();
      }
      return results;
    })();
    return flushing;
  }

  // Queues a submission durably first, then tries to deliver it. Waits at most `patience`
  // milliseconds for the server's answer: after that the citizen is thanked anyway, and the
  // answer goes on waiting safely in the outbox (`onAcknowledged` hears when it arrives).
  async function submit(code, body, patience = 4000) {
    if (window.Preview && window.Preview.active) throw new Error("a preview never queues answers");
    await put({ submissionId: body.submissionId, code, body, queuedAt: Date.now() });
    await notify();
    const delivery = (async () => {
      if (flushing) await flushing;
      const results = await flush();
      return results.get(body.submissionId) || { state: "waiting" };
    })();
    let timer;
    const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve({ state: "waiting" }), patience); });
    try {
      return await Promise.race([delivery, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  window.addEventListener("online", retrySoon);
  // A tablet put down and picked up again (screen off, tab hidden) tries at once.
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "visible") retrySoon(); });

  return {
    submit,
    flush,
    retrySoon,
    pendingCount: () => count(),
    onChange: (listener) => { listeners.add(listener); notify(); },
    // Hears every acknowledgement with its receipt, also of answers sent later from the queue.
    onAcknowledged: (listener) => { acknowledgementListeners.add(listener); },
  };
})();
