"use strict";
// The tablet form: one citizen after another on one shared tablet. After a submit it thanks the
// citizen and starts over blank; answers wait in the Outbox until the server has them. Nothing of
// one citizen (answers, language, page) is kept anywhere the next one could reach: the form is
// rebuilt from scratch, no web storage is written, and history holds only the back trap (the same
// address twice, no state). Switching language keeps the citizen's answers and page.
(() => {
  const main = document.getElementById("main");
  // In the form builder's preview nothing is sent or kept (see preview.js).
  const preview = window.Preview && window.Preview.active ? window.Preview : null;
  const code = decodeURIComponent(location.pathname.split("/").filter(Boolean).pop() || "").toUpperCase();
  const DEFAULT_IDLE_SECONDS = 90;
  const THANK_YOU_SECONDS = 5;
  const firstLanguage = preview ? preview.language : "da";
  // Long enough to photograph or write down the receipt code; "Næste borger" ends it at once.
  const RECEIPT_SECONDS = 30;
  const state = { language: firstLanguage, documents: {}, mode: "loading", pending: 0, thankYouTimer: null, awaitingReceipt: null };
  const ui = () => Object.assign({}, Texts[state.language], (state.documents[state.language] || {}).form?.ui || {});
  const formURL = (language) => (preview ? preview.formURL(language)
    : "/api/sessions/" + encodeURIComponent(code) + "/form?lang=" + language);
  // The table a tablet sits at is the facilitator's setting for the device, not a citizen's: it
  // lives in the page's address (?table=), so it survives reloads and stays out of web storage.
  const tables = () => ((state.documents.da || {}).session || {}).tables || [];
  const currentTable = () => {
    const table = new URLSearchParams(location.search).get("table");
    return tables().includes(table) ? table : null;
  };
  const pageAddress = () => location.pathname + (currentTable() ? "?table=" + encodeURIComponent(currentTable()) : "");

  async function load(language) {
    if (state.documents[language]) return state.documents[language];
    const response = await fetch(formURL(language));
    if (response.status === 404) throw new Error("notFound");
    if (response.status === 422 && preview) throw new Error("previewProblems");
    if (!response.ok) throw new Error("loadFailed");
    state.documents[language] = await response.json();
    return state.documents[language];
  }

  function setMode(mode) {
    state.mode = mode;
    document.body.dataset.mode = mode;
    document.getElementById("facilitator").hidden = mode === "facilitator" || Boolean(preview);
    if (mode !== "form") Kiosk.disarm();
  }

  function message(text, withRetry) {
    setMode("message");
    const children = [Questions.element("p", { class: "notice", role: "alert", text })];
    if (withRetry) {
      const retry = Questions.element("button", { type: "button", class: "primary", text: ui().retry });
      retry.addEventListener("click", start);
      children.push(retry);
    }
    main.replaceChildren(...children);
  }

  // The texts outside the form follow the language too.
  function applyLanguage() {
    const strings = ui();
    document.documentElement.lang = state.language;
    const language = document.getElementById("language");
    language.textContent = strings.switchTo;
    language.setAttribute("lang", state.language === "da" ? "en" : "da");
    document.getElementById("facilitator").textContent = strings.facilitator;
    showPending(state.pending);
  }

  // "3 svar venter" for the eye, so the header keeps to one row beside a long meeting title; the
  // rest of the sentence ("… på at blive sendt") is read out with it.
  function showPending(count) {
    state.pending = count;
    const strings = ui();
    const pending = document.getElementById("pending");
    if (count === 0) return pending.replaceChildren();
    pending.replaceChildren(count + " " + (count === 1 ? strings.pendingShortOne : strings.pendingShort),
      Questions.element("span", { class: "visually-hidden", text: strings.pendingRest }));
  }

  // Builds the form for the current language; `saved` (a snapshot of the form in the other
  // language) brings back the citizen's answers, page and marks.
  function buildForm(saved) {
    clearTimeout(state.thankYouTimer);
    const documentForLanguage = state.documents[state.language];
    const { session, form } = documentForLanguage;
    if (session.status === "closed") return message(ui().closed, false);
    if (session.status === "draft") return message(ui().notOpen, true);
    setMode("form");
    state.form = form;
    const kiosk = session.kiosk || {};
    Kiosk.configure({ idleSeconds: kiosk.idleSeconds || DEFAULT_IDLE_SECONDS, exitNeedsPin: kiosk.exitNeedsPin !== false,
                      pinMaxLength: kiosk.pinMaxLength || 8 });
    applyLanguage();
    document.title = form.title + " – Borgerdialog";
    document.getElementById("session-title").textContent = session.title;
    main.replaceChildren(...TabletForm.build(form, ui(), { onSubmit: submit, onStart: () => { if (!preview) Kiosk.arm(); } }));
    TabletForm.ready(saved);
    if (preview) preview.showQuestionOfAddress(main);
  }

  function submissionId() {
    // crypto.randomUUID needs a secure context; a meeting's LAN address often is not one.
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }

  async function submit(answers, contact) {
    if (preview) return thankYou({ state: "preview" }, null);
    const submitButton = document.getElementById("submit");
    submitButton.disabled = true;
    const body = { submissionId: submissionId(), answers, clientSubmittedAt: new Date().toISOString(), language: state.language };
    if (contact) body.contact = contact;
    if (currentTable()) body.table = currentTable();
    const result = await Outbox.submit(code, body);
    if (state.mode !== "form") return;
    submitButton.disabled = false;
    if (result.state === "rejected") return showRejection(result);
    thankYou(result, body.submissionId);
  }

  function showRejection(result) {
    if (result.status === 409) return message(ui().closed, false);
    if (result.status === 404) return message(ui().notFound, false);
    TabletForm.showProblems((result.details && result.details.errors) || [], (result.details && result.details.error) || ui().fixErrors);
  }

  // Thanks the citizen, with the receipt code that lets them see or erase the answer later, then a
  // blank form for the next one. The answers' page is gone from the DOM the moment the thank-you
  // shows, so Back or a glance at the screen finds nothing; the code goes with the next citizen too.
  function thankYou(result, submissionId) {
    setMode("thanks");
    const strings = ui();
    const next = Questions.element("button", { type: "button", id: "start-next", class: "primary", text: strings.startNext });
    next.addEventListener("click", newCitizen);
    const children = [Questions.element("h1", { class: "thank-you", text: strings.thankYou, tabindex: "-1" })];
    const receiptSlot = Questions.element("div", { id: "receipt-slot", role: "status" });
    if (preview) {
      children.push(Questions.element("p", { class: "notice", text: strings.previewSubmitted }));
    } else if (result.state === "waiting") {
      children.push(Questions.element("p", { class: "notice", text: strings.savedOffline }));
      receiptSlot.append(Questions.element("p", { class: "receipt-missing", text: strings.receiptLater }));
    } else if (result.receipt) {
      receiptSlot.append(...receiptBox(result.receipt, strings));
    }
    children.push(receiptSlot, Questions.element("p", { class: "next-citizen", text: strings.nextCitizen }), next);
    main.replaceChildren(...children);
    window.scrollTo(0, 0);
    main.firstElementChild.focus();
    history.replaceState(null, "", pageAddress());
    state.thankYouTimer = setTimeout(newCitizen, (result.receipt ? RECEIPT_SECONDS : THANK_YOU_SECONDS) * 1000);
    state.awaitingReceipt = result.state === "waiting" ? submissionId : null;
  }

  // An answer that waited in the outbox arrived while its citizen is still on the thank-you screen:
  // show the code after all, and give them the time to note it.
  function receiptArrived(submissionId, result) {
    const slot = document.getElementById("receipt-slot");
    if (state.mode !== "thanks" || submissionId !== state.awaitingReceipt || !result.receipt || !slot) return;
    state.awaitingReceipt = null;
    main.querySelector(".notice")?.remove(); // "saved on the tablet, sent later" is no longer true
    slot.replaceChildren(...receiptBox(result.receipt, ui()));
    clearTimeout(state.thankYouTimer);
    state.thankYouTimer = setTimeout(newCitizen, RECEIPT_SECONDS * 1000);
  }

  function receiptBox(receipt, strings) {
    return [Questions.element("div", { class: "receipt" }, [
      Questions.element("p", { class: "receipt-label", text: strings.receiptLabel }),
      Questions.element("p", { class: "receipt-code", id: "receipt-code", text: receipt }),
      Questions.element("p", { class: "receipt-purpose", text: strings.receiptPurpose }),
      Questions.element("p", { class: "receipt-how", text: strings.receiptHow }),
    ])];
  }

  // Every citizen starts in Danish on the first page of an empty form.
  async function newCitizen() {
    clearTimeout(state.thankYouTimer);
    state.awaitingReceipt = null;
    state.language = firstLanguage;
    history.replaceState(null, "", pageAddress());
    try {
      await load(state.language);
      buildForm();
      refreshSession();
    } catch (error) {
      message(ui()[error.message] || ui().loadFailed, error.message !== "notFound");
    }
  }

  // The form shows at once from memory; meanwhile the session is asked again, so a meeting closed
  // since the last citizen says so before anyone starts answering.
  async function refreshSession() {
    try {
      const response = await fetch(formURL("da"), { cache: "no-store" });
      if (!response.ok) return;
      const fresh = await response.json();
      if (fresh.session.status === state.documents.da.session.status) return;
      state.documents = { da: fresh };
      if (state.mode === "form" && state.language === "da" && !Kiosk.isArmed()) buildForm();
    } catch (networkError) {
      // Offline: the form in memory is the best there is, and the server judges the answers anyway.
    }
  }

  // After the PIN: what a facilitator needs, and the way back into kiosk mode.
  function facilitatorPanel() {
    setMode("facilitator");
    const strings = ui();
    const waiting = Questions.element("p", { id: "facilitator-pending", role: "status" });
    const update = async () => {
      const count = await Outbox.pendingCount().catch(() => 0);
      waiting.textContent = count > 0 ? count + " " + (count === 1 ? strings.pendingOne : strings.pending) : strings.nothingPending;
    };
    const send = Questions.element("button", { type: "button", class: "secondary", text: strings.sendNow });
    send.addEventListener("click", async () => { await Outbox.flush(); update(); });
    const resume = Questions.element("button", { type: "button", id: "resume-kiosk", class: "primary", text: strings.resumeKiosk });
    resume.addEventListener("click", newCitizen);
    const other = Questions.element("a", { href: "/", class: "button-link", text: strings.otherSession });
    const heading = Questions.element("h1", { tabindex: "-1", text: strings.kioskOff });
    main.replaceChildren(heading, waiting, ...tableChoice(strings), Questions.element("div", { class: "actions" }, [send, resume, other]));
    heading.focus();
    update();
  }

  // Which table this tablet serves, for the facilitators' count per table.
  function tableChoice(strings) {
    if (tables().length === 0) return [];
    const group = Questions.element("fieldset", { class: "question", id: "table-choice" }, [Questions.element("legend", { text: strings.tableQuestion })]);
    const name = Questions.uid("table");
    for (const table of [null, ...tables()]) {
      const id = Questions.uid("table-option");
      const input = Questions.element("input", { type: "radio", name, id, checked: table === currentTable() });
      input.addEventListener("change", () => {
        history.replaceState(null, "", location.pathname + (table ? "?table=" + encodeURIComponent(table) : ""));
        address = location.pathname + location.search;
        keepForOffline();
      });
      group.append(Questions.element("label", { class: "choice", for: id }, [input, Questions.element("span", { text: table || strings.noTable })]));
    }
    return [group];
  }

  // Once a session has opened, the page and both languages of its form are kept for offline reloads.
  function keepForOffline() {
    if (preview || !("serviceWorker" in navigator)) return;
    delete document.body.dataset.offlineReady;
    navigator.serviceWorker.register("/sw.js")
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => registration.active.postMessage({
        type: "keep", urls: [pageAddress(), formURL("da"), formURL("en")],
      }))
      .catch(() => {});
  }

  async function start() {
    try {
      await load(state.language);
      buildForm();
      keepForOffline();
    } catch (error) {
      message(ui()[error.message] || ui().loadFailed, error.message !== "notFound");
    }
  }

  // Only the words change: the answers given so far and the page stay, and so does the focus.
  document.getElementById("language").addEventListener("click", async (event) => {
    const button = event.currentTarget;
    const saved = state.mode === "form" ? TabletForm.snapshot() : null;
    const previous = state.language;
    state.language = state.language === "da" ? "en" : "da";
    try {
      await load(state.language);
    } catch (error) {
      // Offline without the other language kept: stay as it was rather than lose the answers.
      state.language = previous;
      return;
    }
    if (state.mode === "form" && saved) {
      buildForm(saved);
      button.focus();
    } else {
      applyLanguage();
    }
  });

  // The back gesture stays in the kiosk. One extra entry of this same address sits on top (no
  // state, nothing of the citizen); going back lands on the entry below it, and the entry is put
  // back at once. In the form, back means the previous page, as the Back button does. `address` is
  // the tablet's address (with its ?table=), which the trap keeps.
  let address = location.pathname + location.search;
  function trapBack() {
    if (!preview) history.pushState(null, "", address);
  }
  window.addEventListener("popstate", () => {
    if (preview) return;
    // The entry below may carry an older address (a table chosen since): keep the current one.
    history.replaceState(null, "", address);
    trapBack();
    if (state.mode === "form" && TabletForm.pageIndex() > 0) TabletForm.showPage(TabletForm.pageIndex() - 1);
  });
  document.getElementById("facilitator").addEventListener("click", Kiosk.askForPin);
  // A page restored from the back/forward cache would bring back the last citizen's screen.
  window.addEventListener("pageshow", (event) => { if (event.persisted && state.mode !== "facilitator") newCitizen(); });
  Kiosk.configure({ code, ui, onIdle: newCitizen, onExit: facilitatorPanel });
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.addEventListener("message", (event) => {
      if (event.data && event.data.type === "kept") document.body.dataset.offlineReady = "true";
    });
  }
  if (!preview) {
    Outbox.onChange(showPending);
    Outbox.onAcknowledged(receiptArrived);
    // Asks the browser not to evict the outbox when storage runs low (granted to installed or
    // often-used sites; harmless when refused).
    if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(() => {});
    Outbox.flush();
  }
  trapBack();
  applyLanguage();
  start();
})();
