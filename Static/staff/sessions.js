"use strict";
// The staff start page: every dialogue meeting, and (for facilitators and admins) the form that
// creates one. After creating, the kiosk PIN is shown once, prominently, until dismissed.
(() => {
  const { t, element } = Staff;
  const form = document.getElementById("new-session");
  const fields = {
    formId: document.getElementById("form-id"),
    title: document.getElementById("title"),
    place: document.getElementById("place"),
    date: document.getElementById("date"),
    time: document.getElementById("time"),
    tables: document.getElementById("tables"),
    idleSeconds: document.getElementById("idle-seconds"),
    kioskPin: document.getElementById("kiosk-pin"),
  };
  const createButton = document.getElementById("create");
  const createError = document.getElementById("create-error");
  const pageError = document.getElementById("page-error");
  const listStatus = document.getElementById("sessions-status");
  const table = document.getElementById("sessions");
  const created = document.getElementById("created");
  let sessions = [];
  let lastCreated = null;

  function mayManage() {
    const role = Staff.state.user?.role;
    return role === "admin" || role === "facilitator";
  }

  // Archived meetings (closed, put away) are hidden unless asked for; a closed one can be archived here.
  const showArchived = document.getElementById("show-archived");
  const listMessage = document.getElementById("list-message");

  function archiveButton(session) {
    if (!mayManage() || session.status !== "closed") return null;
    const button = element("button", { type: "button", class: "secondary small", "data-archive": session.code,
      text: t(session.archivedAt ? "unarchiveButton" : "archiveButton") });
    button.addEventListener("click", async () => {
      const result = await Staff.api("POST", "/api/staff/sessions/" + encodeURIComponent(session.code) + (session.archivedAt ? "/unarchive" : "/archive"), {});
      if (result.status !== 200) {
        Staff.showMessage(pageError, Staff.failure(result));
        return;
      }
      sessions = sessions.map((known) => (known.code === session.code ? result.body.session : known));
      Staff.showMessage(listMessage, t(session.archivedAt ? "unarchivedTitle" : "archivedTitle", { title: session.title }));
      renderSessions();
    });
    return button;
  }

  function renderSessions() {
    const archivedCount = sessions.filter((session) => session.archivedAt).length;
    document.getElementById("list-tools").hidden = archivedCount === 0 && !showArchived.checked;
    document.getElementById("archived-count").textContent = archivedCount && !showArchived.checked ? t("archivedHidden", { count: archivedCount }) : "";
    const rows = sessions.filter((session) => showArchived.checked || !session.archivedAt).map((session) => {
      // Analysts read the list; the meeting pages (open, close, live view) are for facilitators and admins.
      const name = mayManage()
        ? element("a", { href: "/staff/sessions/" + encodeURIComponent(session.code), text: session.title })
        : session.title;
      const badges = [session.isDemo ? element("span", { class: "status demo-badge", text: t("demoBadge") }) : null,
        session.archivedAt ? element("span", { class: "status archived-badge", text: t("archivedBadge") }) : null];
      return element("tr", { "data-code": session.code },
        element("th", { scope: "row" }, name, ...badges.filter(Boolean).flatMap((badge) => [" ", badge])),
        element("td", {}, Staff.joinCode(session.code)),
        element("td", { class: "status-cell" }, Staff.statusBadge(session.status), archiveButton(session)),
        element("td", { text: session.startsAt ? Staff.formatDateTime(session.startsAt) : "–" }),
        element("td", { text: session.place || "–" }),
        element("td", { class: "number", text: String(session.responseCount ?? 0) }));
    });
    document.getElementById("sessions-body").replaceChildren(...rows);
    table.hidden = rows.length === 0;
    listStatus.textContent = sessions.length === 0 ? t("sessionsEmpty") : rows.length === 0 ? t("allArchived") : "";
    listStatus.hidden = rows.length > 0;
  }

  async function loadSessions() {
    const result = await Staff.api("GET", "/api/staff/sessions");
    if (result.status !== 200) {
      Staff.showMessage(pageError, Staff.failure(result));
      return;
    }
    sessions = result.body.sessions || [];
    renderSessions();
  }

  // The form picker: only published forms (a meeting needs a version), own forms first (most
  // recently used on top), then the library; the search narrows both by title, owner and last use.
  let publishedForms = [];
  const formSearch = document.getElementById("form-search");

  function formOption(entry) {
    const facts = [entry.origin === "own" ? entry.createdBy : null,
      entry.lastUsedAt ? t("formLastUsed", { date: Staff.formatDateTime(entry.lastUsedAt) }) : t("formNeverUsed")].filter(Boolean);
    const option = element("option", { value: entry.id, text: entry.title + " – " + facts.join(", ") });
    option.dataset.search = [entry.title, entry.titles && entry.titles.en, entry.id, entry.createdBy, ...facts].join(" ").toLowerCase();
    return option;
  }

  function renderFormChoices() {
    const chosen = fields.formId.value;
    const byUse = (a, b) => (b.lastUsedAt || "").localeCompare(a.lastUsedAt || "") || a.title.localeCompare(b.title, "da");
    const groups = [["own", t("formsOwn")], ["library", t("formsLibrary")]].map(([origin, label]) => {
      const entries = publishedForms.filter((entry) => entry.origin === origin).sort(byUse);
      return entries.length ? element("optgroup", { label }, ...entries.map(formOption)) : null;
    }).filter(Boolean);
    fields.formId.replaceChildren(element("option", { value: "", text: t("chooseForm") }), ...groups);
    fields.formId.value = publishedForms.some((entry) => entry.id === chosen) ? chosen : "";
    filterFormChoices();
  }

  function filterFormChoices() {
    const words = formSearch.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const option of fields.formId.querySelectorAll("option[value]:not([value=''])")) {
      const match = words.every((word) => option.dataset.search.includes(word));
      option.hidden = !match && option.value !== fields.formId.value;
      if (match) shown++;
    }
    for (const group of fields.formId.querySelectorAll("optgroup")) group.hidden = !group.querySelector("option:not([hidden])");
    const help = document.getElementById("form-search-help");
    help.textContent = words.length ? t("formsMatching", { shown, total: publishedForms.length }) : t("formSearchHelp");
    // One match is the obvious choice.
    if (words.length && shown === 1 && !fields.formId.value) {
      fields.formId.value = fields.formId.querySelector("option[value]:not([value='']):not([hidden])").value;
    }
  }

  async function loadForms() {
    const result = await Staff.api("GET", "/api/staff/forms");
    if (result.status !== 200) {
      Staff.showMessage(createError, t("formsFailed"));
      return;
    }
    publishedForms = (result.body.forms || []).filter((entry) => entry.status === "published");
    renderFormChoices();
    const wanted = new URLSearchParams(location.search).get("form");
    if (wanted && publishedForms.some((entry) => entry.id === wanted)) {
      fields.formId.value = wanted;
      fields.title.focus();
    } else if (publishedForms.length === 1) {
      fields.formId.value = publishedForms[0].id;
    }
  }
  formSearch.addEventListener("input", filterFormChoices);

  function showErrors(errors) {
    MeetingFields.show(fields, errors, createError);
  }

  function requestBody() {
    const body = { formId: fields.formId.value, title: fields.title.value.trim() };
    if (fields.place.value.trim()) body.place = fields.place.value.trim();
    if (fields.date.value && fields.time.value) body.startsAt = fields.date.value + "T" + fields.time.value;
    const names = MeetingFields.tableNames(fields.tables);
    if (names.length) body.tables = names;
    if (fields.idleSeconds.value.trim()) body.idleSeconds = Number(fields.idleSeconds.value.trim());
    if (fields.kioskPin.value.trim()) body.kioskPin = fields.kioskPin.value.trim();
    return body;
  }

  function showCreated(session, pin) {
    lastCreated = session;
    const path = "/staff/sessions/" + encodeURIComponent(session.code);
    document.getElementById("created-title").textContent = t("createdTitle", { title: session.title });
    document.getElementById("created-code").replaceChildren(Staff.joinCode(session.code, "large"));
    document.getElementById("created-pin").textContent = pin || "–";
    document.getElementById("created-open").href = path;
    document.getElementById("created-print").href = path + "/print";
    created.hidden = false;
    created.focus();
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    Staff.clearFieldErrors(form);
    Staff.showMessage(createError, "");
    const errors = MeetingFields.errors(fields, { requireForm: true });
    if (errors.length) {
      showErrors(errors);
      return;
    }
    createButton.disabled = true;
    createButton.textContent = t("creating");
    try {
      const result = await Staff.api("POST", "/api/staff/sessions", requestBody());
      if (result.status === 201) {
        form.reset();
        filterFormChoices();
        showCreated(result.body.session, result.body.kioskPin);
        sessions = [result.body.session, ...sessions.filter((known) => known.code !== result.body.session.code)];
        renderSessions();
      } else if (result.status === 422 && Array.isArray(result.body.errors)) {
        showErrors(result.body.errors.map((problem) => [problem.field, problem.reason]));
      } else {
        Staff.showMessage(createError, Staff.failure(result));
      }
    } catch {
      Staff.showMessage(createError, t("networkError"));
    } finally {
      createButton.disabled = false;
      createButton.textContent = t("createButton");
    }
  });

  // The PIN leaves the screen only when the facilitator says it has been noted.
  document.getElementById("created-dismiss").addEventListener("click", () => {
    created.hidden = true;
    document.getElementById("created-pin").textContent = "";
    document.getElementById("sessions-title").focus();
  });

  document.addEventListener("staff:language", () => {
    renderSessions();
    if (publishedForms.length) renderFormChoices();
    if (lastCreated) document.getElementById("created-title").textContent = t("createdTitle", { title: lastCreated.title });
  });
  showArchived.addEventListener("change", renderSessions);
  const deleted = new URLSearchParams(location.search).get("deleted");
  if (deleted) Staff.showMessage(listMessage, t("deletedTitle", { title: deleted }));
  Staff.wireHeader();
  Staff.start().then(() => {
    document.getElementById("new-session-section").hidden = !mayManage();
    return Promise.all([loadSessions(), mayManage() ? loadForms() : null, mayManage() ? MeetingFields.load() : null]);
  }).catch(() => Staff.showMessage(pageError, t("networkError")));
})();
