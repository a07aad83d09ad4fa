"use strict";
// One dialogue meeting for its facilitator: join code and tablet address, open and close, and the
// live view (count, per table, latest arrivals), polled every 2 seconds without reloading the page.
(() => {
  const { t, element } = Staff;
  const POLL_MILLISECONDS = 2000;
  const code = Staff.codeFromPath();
  const pageError = document.getElementById("page-error");
  const liveError = document.getElementById("live-error");
  const transitionError = document.getElementById("transition-error");
  const confirmBox = document.getElementById("close-confirm");
  const closeButton = document.getElementById("close-session");
  const openButton = document.getElementById("open-session");
  const state = { session: null, live: null, user: null, timer: null, polling: false };

  function fact(label, value) {
    return element("div", {}, element("dt", { text: t(label) }), element("dd", { text: value }));
  }

  function renderSession() {
    const session = state.session;
    if (!session) return;
    document.title = session.title + " – Borgerdialog";
    document.getElementById("session-title").textContent = session.title;
    document.getElementById("session-status").replaceChildren(Staff.statusBadge(session.status));
    document.getElementById("state-note").textContent = t(session.status + "Note");
    document.getElementById("join-code").replaceChildren(Staff.joinCode(session.code, "large"));
    const address = Staff.tabletAddress(session);
    const link = document.getElementById("tablet-url");
    link.href = address;
    link.textContent = address;
    document.getElementById("print-link").href = "/staff/sessions/" + encodeURIComponent(session.code) + "/print";
    const tables = session.tables || [];
    const facts = [
      fact("formLabel", session.formTitle || session.formId || "–"),
      fact("startsLabel", session.startsAt ? Staff.formatDateTime(session.startsAt) : "–"),
      fact("placeLabel", session.place || "–"),
      fact("tablesLabel", tables.length ? tables.join(", ") : t("noTables")),
      fact("idleLabel", t("idleValue", { seconds: session.idleSeconds ?? 90 })),
      fact("createdLabel", Staff.formatDateTime(session.createdAt)),
    ];
    if (session.openedAt) facts.push(fact("openedLabel", Staff.formatDateTime(session.openedAt)));
    if (session.closedAt) facts.push(fact("closedLabel", Staff.formatDateTime(session.closedAt)));
    document.getElementById("facts").replaceChildren(...facts);

    const mayChange = state.user && (state.user.role === "admin" || state.user.role === "facilitator");
    document.getElementById("transitions").hidden = !mayChange || session.status === "closed";
    openButton.hidden = session.status !== "draft";
    closeButton.hidden = session.status !== "open" || !confirmBox.hidden;
    if (session.status !== "open") confirmBox.hidden = true;
    // session-manage.js (edit, duplicate, delete, archive) follows the session shown.
    document.dispatchEvent(new CustomEvent("staff:session", { detail: { session, user: state.user } }));
  }

  // Writes only what changed, so the live region announces a new count and nothing else.
  function setText(node, text) {
    if (node.textContent !== text) node.textContent = text;
  }

  function tableName(name) {
    return name === null || name === undefined || name === "" ? t("noTable") : name;
  }

  // Every table of the meeting is listed, those without answers yet at 0, in the order they were given.
  function tableCounts(reported) {
    const declared = (state.session?.tables || []).map((table) => ({ table, count: 0 }));
    const counts = new Map(declared.map((entry) => [entry.table, entry]));
    for (const entry of reported) {
      const key = entry.table || null;
      if (counts.has(key)) counts.get(key).count = entry.count;
      else if (entry.count > 0 || key !== null) counts.set(key, { table: key, count: entry.count });
    }
    return [...counts.values()];
  }

  function renderLive() {
    const live = state.live;
    if (!live) return;
    setText(document.getElementById("response-count"), String(live.responseCount ?? 0));
    const last = live.lastResponseAt;
    setText(document.getElementById("last-arrival"), last ? Staff.formatTime(last) + " (" + Staff.formatAgo(last) + ")" : "–");

    const perTable = tableCounts(live.perTable || []);
    const usesTables = perTable.some((entry) => entry.table);
    document.getElementById("per-table-section").hidden = !usesTables;
    if (usesTables) {
      document.getElementById("per-table").replaceChildren(...perTable.map((entry) =>
        element("li", { "data-table": entry.table ?? "" },
          element("span", { class: "table-name", text: tableName(entry.table) }),
          element("span", { class: "table-count", text: String(entry.count) }))));
    }

    const recent = live.recent || [];
    document.getElementById("no-responses").hidden = recent.length > 0 || (live.responseCount ?? 0) > 0;
    document.getElementById("recent").replaceChildren(...recent.map((entry) => {
      const parts = [element("time", { datetime: entry.receivedAt, text: Staff.formatTime(entry.receivedAt) })];
      if (entry.table) parts.push(element("span", { text: " " + t("atTable", { table: entry.table }) }));
      if (entry.late) parts.push(element("span", { class: "late", text: t("late") }));
      return element("li", {}, ...parts);
    }));

    // Someone may have opened or closed the meeting in another window.
    if (live.status && state.session && live.status !== state.session.status) loadSession();
  }

  async function loadSession() {
    const result = await Staff.api("GET", "/api/staff/sessions/" + encodeURIComponent(code));
    document.getElementById("loading").hidden = true;
    if (result.status === 404) {
      Staff.showMessage(pageError, t("notFound", { code }));
      return false;
    }
    if (result.status !== 200) {
      Staff.showMessage(pageError, Staff.failure(result));
      return false;
    }
    state.session = result.body.session;
    document.getElementById("session").hidden = false;
    renderSession();
    return true;
  }

  async function poll() {
    state.timer = null;
    if (document.hidden) return; // resumes on visibilitychange
    state.polling = true;
    try {
      const result = await Staff.api("GET", "/api/staff/sessions/" + encodeURIComponent(code) + "/live");
      if (result.status === 200) {
        state.live = result.body;
        Staff.showMessage(liveError, "");
        renderLive();
        document.dispatchEvent(new CustomEvent("staff:live", { detail: result.body }));
      } else {
        Staff.showMessage(liveError, t("liveFailed"));
      }
    } catch {
      Staff.showMessage(liveError, t("liveFailed"));
    } finally {
      state.polling = false;
      schedule();
    }
  }

  function schedule() {
    if (state.timer === null && !state.polling && !document.hidden) state.timer = setTimeout(poll, POLL_MILLISECONDS);
  }

  document.addEventListener("visibilitychange", () => {
    if (document.hidden) {
      clearTimeout(state.timer);
      state.timer = null;
    } else if (state.timer === null && !state.polling) {
      poll();
    }
  });

  async function transition(action) {
    Staff.showMessage(transitionError, "");
    for (const button of document.querySelectorAll("#transitions button")) button.disabled = true;
    try {
      const result = await Staff.api("POST", "/api/staff/sessions/" + encodeURIComponent(code) + "/" + action);
      if (result.status === 200) {
        state.session = result.body.session;
      } else if (result.status === 409) {
        Staff.showMessage(transitionError, t("transitionRefused"));
        await loadSession();
      } else {
        Staff.showMessage(transitionError, Staff.failure(result));
      }
    } catch {
      Staff.showMessage(transitionError, t("networkError"));
    } finally {
      for (const button of document.querySelectorAll("#transitions button")) button.disabled = false;
      confirmBox.hidden = true;
      renderSession();
      document.getElementById("session-title").focus();
    }
  }

  openButton.addEventListener("click", () => transition("open"));
  closeButton.addEventListener("click", () => {
    confirmBox.hidden = false;
    closeButton.hidden = true;
    document.getElementById("close-no").focus();
  });
  document.getElementById("close-no").addEventListener("click", () => {
    confirmBox.hidden = true;
    closeButton.hidden = false;
    closeButton.focus();
  });
  document.getElementById("close-yes").addEventListener("click", () => transition("close"));

  document.addEventListener("staff:language", () => {
    renderSession();
    renderLive();
  });
  document.addEventListener("staff:session-changed", (event) => {
    state.session = event.detail;
    renderSession();
  });
  Staff.wireHeader();
  Staff.start().then(async (user) => {
    state.user = user;
    if (user.role !== "analyst") MeetingFields.load();
    if (await loadSession()) poll();
  }).catch(() => Staff.showMessage(pageError, t("networkError")));
})();
