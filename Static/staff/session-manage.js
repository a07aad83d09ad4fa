"use strict";
// A meeting after it was created: edit its details (a draft may change form, an open meeting may
// not), duplicate it (a new draft with a new code and PIN), delete a draft or the demo, archive a
// closed one. Follows the session session.js shows ("staff:session") and hands changes back
// ("staff:session-changed"). Also warns when the tablet address is one tablets cannot reach.
(() => {
  const { t, element } = Staff;
  const manage = document.getElementById("manage");
  const editForm = document.getElementById("edit-form");
  const facts = document.getElementById("facts");
  const message = document.getElementById("manage-message");
  const manageError = document.getElementById("manage-error");
  const deleteButton = document.getElementById("delete-session");
  const archiveButton = document.getElementById("archive-session");
  const editButton = document.getElementById("edit-session");
  const deleteConfirm = document.getElementById("delete-confirm");
  const fields = {
    formId: document.getElementById("edit-form-id"),
    title: document.getElementById("edit-title-input"),
    place: document.getElementById("edit-place"),
    date: document.getElementById("edit-date"),
    time: document.getElementById("edit-time"),
    tables: document.getElementById("edit-tables"),
    idleSeconds: document.getElementById("edit-idle"),
    kioskPin: document.getElementById("edit-pin"),
  };
  const state = { session: null, user: null, forms: null, messageKey: null, messageValues: null };

  function mayManage() {
    return state.user && (state.user.role === "admin" || state.user.role === "facilitator");
  }

  // The date and time fields show Danish time, as the server reads what is typed.
  function danishParts(iso) {
    if (!iso) return { date: "", time: "" };
    const parts = Object.fromEntries(new Intl.DateTimeFormat("en-CA", {
      timeZone: "Europe/Copenhagen", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
    }).formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
    return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
  }

  function render() {
    const session = state.session;
    if (!session) return;
    StaffAddressWarning.render(document.getElementById("address-warning"), session);
    if (session.isDemo && !document.querySelector("#session-status .demo-badge")) {
      document.getElementById("session-status").append(" ", element("span", { class: "status demo-badge", text: t("demoBadge") }));
    }
    manage.hidden = !mayManage();
    if (!mayManage()) return;
    document.getElementById("demo-note").hidden = !session.isDemo;
    editButton.hidden = session.status === "closed" || !editForm.hidden;
    const deletable = session.status === "draft" || session.isDemo;
    deleteButton.hidden = !deletable || !deleteConfirm.hidden;
    deleteButton.textContent = t(session.isDemo ? "deleteDemo" : "deleteDraft");
    archiveButton.hidden = session.status !== "closed";
    archiveButton.textContent = t(session.archivedAt ? "unarchiveButton" : "archiveButton");
    if (state.messageKey) message.textContent = t(state.messageKey, state.messageValues);
  }

  function say(key, values) {
    state.messageKey = key;
    state.messageValues = values;
    Staff.showMessage(message, key ? t(key, values) : "");
  }

  async function loadForms() {
    if (state.forms) return state.forms;
    const result = await Staff.api("GET", "/api/staff/forms");
    // Only forms with a published version can be used by a meeting.
    state.forms = result.status === 200 ? (result.body.forms || []).filter((form) => form.status !== "draft") : [];
    return state.forms;
  }

  async function openEditor() {
    const session = state.session;
    Staff.clearFieldErrors(editForm);
    Staff.showMessage(document.getElementById("edit-error"), "");
    const isDraft = session.status === "draft";
    fields.formId.replaceChildren();
    if (isDraft) {
      const forms = await loadForms();
      const options = forms.map((form) => element("option", { value: form.id, text: form.title || form.id }));
      if (!forms.some((form) => form.id === session.formId)) {
        options.unshift(element("option", { value: session.formId, text: session.formTitle || session.formId }));
      }
      fields.formId.append(...options);
    } else {
      fields.formId.append(element("option", { value: session.formId, text: session.formTitle || session.formId }));
    }
    fields.formId.value = session.formId;
    fields.formId.disabled = !isDraft;
    document.getElementById("edit-form-id-help").textContent = t(isDraft ? "formDraftHelp" : "formFixedHelp");
    fields.title.value = session.title;
    fields.place.value = session.place || "";
    const { date, time } = danishParts(session.startsAt);
    fields.date.value = date;
    fields.time.value = time;
    fields.tables.value = (session.tables || []).join("\n");
    fields.idleSeconds.value = String(session.idleSeconds);
    fields.kioskPin.value = "";
    editForm.hidden = false;
    facts.hidden = true;
    render();
    fields.title.focus();
  }

  function closeEditor() {
    editForm.hidden = true;
    facts.hidden = false;
    render();
    editButton.focus();
  }

  function showErrors(errors) {
    MeetingFields.show(fields, errors, document.getElementById("edit-error"));
  }

  function changes() {
    const session = state.session;
    const body = {};
    if (session.status === "draft" && fields.formId.value !== session.formId) body.formId = fields.formId.value;
    const title = fields.title.value.trim();
    if (title !== session.title) body.title = title;
    const place = fields.place.value.trim();
    if (place !== (session.place || "")) body.place = place || null;
    const before = danishParts(session.startsAt);
    if (fields.date.value !== before.date || fields.time.value !== before.time) {
      body.startsAt = fields.date.value && fields.time.value ? fields.date.value + "T" + fields.time.value : null;
    }
    const names = MeetingFields.tableNames(fields.tables);
    if (names.join("\n") !== (session.tables || []).join("\n")) body.tables = names;
    const idle = Number(fields.idleSeconds.value.trim());
    if (idle !== session.idleSeconds) body.idleSeconds = idle;
    const pin = fields.kioskPin.value.trim();
    if (pin) body.kioskPin = pin;
    return body;
  }

  editForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    Staff.clearFieldErrors(editForm);
    Staff.showMessage(document.getElementById("edit-error"), "");
    const errors = MeetingFields.errors(fields, { idleRequired: true });
    if (errors.length) {
      showErrors(errors);
      return;
    }
    const body = changes();
    if (Object.keys(body).length === 0) {
      closeEditor();
      return;
    }
    const save = document.getElementById("edit-save");
    save.disabled = true;
    try {
      const result = await Staff.api("PATCH", "/api/staff/sessions/" + encodeURIComponent(state.session.code), body);
      if (result.status === 200) {
        say(body.kioskPin ? "savedWithPin" : "saved", { pin: body.kioskPin });
        editForm.hidden = true;
        facts.hidden = false;
        document.dispatchEvent(new CustomEvent("staff:session-changed", { detail: result.body.session }));
        message.focus?.();
      } else if ((result.status === 422 || result.status === 400) && Array.isArray(result.body.errors)) {
        showErrors(result.body.errors.map((problem) => [problem.field, problem.reason]));
      } else {
        Staff.showMessage(document.getElementById("edit-error"), Staff.failure(result));
      }
    } catch {
      Staff.showMessage(document.getElementById("edit-error"), t("networkError"));
    } finally {
      save.disabled = false;
    }
  });

  async function run(method, suffix) {
    Staff.showMessage(manageError, "");
    say(null);
    try {
      return await Staff.api(method, "/api/staff/sessions/" + encodeURIComponent(state.session.code) + suffix, method === "DELETE" ? undefined : {});
    } catch {
      Staff.showMessage(manageError, t("networkError"));
      return null;
    }
  }

  document.getElementById("duplicate-session").addEventListener("click", async () => {
    const result = await run("POST", "/duplicate");
    if (!result) return;
    if (result.status !== 201) {
      Staff.showMessage(manageError, Staff.failure(result));
      return;
    }
    const copy = result.body.session;
    const box = document.getElementById("duplicated");
    document.getElementById("duplicated-title").textContent = t("duplicatedTitle", { title: copy.title });
    document.getElementById("duplicated-code").replaceChildren(Staff.joinCode(copy.code, "large"));
    document.getElementById("duplicated-pin").textContent = result.body.kioskPin;
    document.getElementById("duplicated-open").href = "/staff/sessions/" + encodeURIComponent(copy.code);
    box.hidden = false;
    box.focus();
  });

  archiveButton.addEventListener("click", async () => {
    const archived = Boolean(state.session.archivedAt);
    const result = await run("POST", archived ? "/unarchive" : "/archive");
    if (!result) return;
    if (result.status !== 200) {
      Staff.showMessage(manageError, Staff.failure(result));
      return;
    }
    say(archived ? "unarchived" : "archived");
    document.dispatchEvent(new CustomEvent("staff:session-changed", { detail: result.body.session }));
  });

  deleteButton.addEventListener("click", () => {
    document.getElementById("delete-confirm-text").textContent =
      t(state.session.isDemo ? "deleteDemoConfirm" : "deleteDraftConfirm", { title: state.session.title });
    deleteConfirm.hidden = false;
    render();
    document.getElementById("delete-no").focus();
  });
  document.getElementById("delete-no").addEventListener("click", () => {
    deleteConfirm.hidden = true;
    render();
    deleteButton.focus();
  });
  document.getElementById("delete-yes").addEventListener("click", async () => {
    const result = await run("DELETE", "");
    if (!result) return;
    if (result.status === 200) {
      location.assign("/staff?deleted=" + encodeURIComponent(state.session.title));
      return;
    }
    deleteConfirm.hidden = true;
    Staff.showMessage(manageError, Staff.failure(result));
    render();
  });

  editButton.addEventListener("click", openEditor);
  document.getElementById("edit-cancel").addEventListener("click", closeEditor);
  document.addEventListener("staff:session", (event) => {
    state.session = event.detail.session;
    state.user = event.detail.user;
    render();
  });
  document.addEventListener("staff:language", render);
})();
