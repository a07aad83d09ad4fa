"use strict";
// Autosave of the draft: a moment after the last change (at once after a structural one), one
// request at a time, again if more changed meanwhile, retried when the network or server fails.
// Leaving the page with anything unsaved asks first (beforeunload).
window.FormSaving = (() => {
  const { t } = Staff;
  const DELAY = 900;
  const RETRY = 5000;
  const state = { formID: null, definition: null, local: 0, saved: 0, inFlight: null, timer: null, onSaved: () => {} };
  let statusNode;

  const FORM_KEYS = ["$schema", "formatVersion", "id", "title", "intro", "themes", "questions", "contact"];
  const THEME_KEYS = ["key", "name", "description", "keywords"];
  const QUESTION_KEYS = ["id", "type", "label", "help", "required", "background", "themes", "purpose", "showIf", "multiline", "maxLength",
    "placeholder", "items", "options", "allowOther", "otherLabel", "minSelected", "maxSelected", "min", "max", "minLabel",
    "maxLabel", "allowDontKnow", "dontKnowLabel", "integer", "unit", "minRanked", "total", "requireAll"];
  const CONTACT_KEYS = ["label", "help", "consentText", "nameLabel", "emailLabel"];

  function ordered(object, keys) {
    const result = {};
    for (const key of keys) if (object[key] !== undefined) result[key] = object[key];
    for (const key of Object.keys(object)) if (!(key in result) && object[key] !== undefined) result[key] = object[key];
    return result;
  }

  /// The definition with its fields in the order of the format's documentation (as files are written).
  function tidy(definition) {
    const form = ordered(definition, FORM_KEYS);
    if (Array.isArray(form.themes)) form.themes = form.themes.map((theme) => ordered(theme, THEME_KEYS));
    if (Array.isArray(form.questions)) {
      form.questions = form.questions.map((question) => {
        const tidied = ordered(question, QUESTION_KEYS);
        if (Array.isArray(tidied.options)) tidied.options = tidied.options.map((option) => ordered(option, ["value", "label"]));
        if (tidied.showIf) tidied.showIf = ordered(tidied.showIf, ["question", "equals", "in"]);
        return tidied;
      });
    }
    if (form.contact) form.contact = ordered(form.contact, CONTACT_KEYS);
    return form;
  }

  // The status is kept as a text key with its values, so it follows a change of language.
  let shown = null;

  function show(key, values, kind) {
    shown = { key, values, kind };
    statusNode.textContent = t(key, values);
    statusNode.dataset.state = kind;
  }

  function retell() {
    if (shown) show(shown.key, shown.values, shown.kind);
  }

  function time() {
    return new Intl.DateTimeFormat(Staff.state.language === "en" ? "en-GB" : "da-DK",
      { hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: "Europe/Copenhagen" }).format(new Date());
  }

  function start({ formID, definition, onSaved }) {
    const first = !state.formID;
    Object.assign(state, { formID, definition, onSaved });
    statusNode = document.getElementById("save-status");
    show("autosaveOn", {}, "saved");
    if (!first) return;
    window.addEventListener("beforeunload", (event) => {
      if (!unsaved()) return;
      event.preventDefault();
      event.returnValue = "";
      save();
    });
    // A tab put away or a laptop closed saves what there is.
    document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") save(); });
  }

  /// Something changed: save soon (`now`: at once, for changes of structure).
  function changed(now) {
    state.local++;
    show("saveSoon", {}, "dirty");
    clearTimeout(state.timer);
    state.timer = setTimeout(save, now ? 0 : DELAY);
  }

  function unsaved() {
    return state.local !== state.saved;
  }

  async function save() {
    clearTimeout(state.timer);
    if (state.inFlight) return state.inFlight;
    if (!unsaved()) return;
    const version = state.local;
    show("saving", {}, "saving");
    state.inFlight = (async () => {
      let retry = false;
      let succeeded = false;
      try {
        const result = await Staff.api("PUT", "/api/staff/forms/" + encodeURIComponent(state.formID), tidy(state.definition));
        if (result.status === 200) {
          state.saved = Math.max(state.saved, version);
          succeeded = true;
          if (unsaved()) show("saveSoon", {}, "dirty"); else show("savedAt", { time: time() }, "saved");
          state.onSaved(result.body.form);
        } else {
          show("saveFailed", { reason: Staff.failure(result) }, "failed");
          retry = result.status >= 500 || result.status === 429;
        }
      } catch {
        show("saveOffline", {}, "failed");
        retry = true;
      } finally {
        state.inFlight = null;
      }
      if (retry) state.timer = setTimeout(save, RETRY);
      else if (succeeded && unsaved()) state.timer = setTimeout(save, 0);
    })();
    return state.inFlight;
  }

  /// Saves now and waits; answers whether everything is saved.
  async function flush() {
    for (let round = 0; round < 5 && (unsaved() || state.inFlight); round++) {
      await (state.inFlight || save());
      if (state.inFlight) await state.inFlight;
    }
    return !unsaved();
  }

  /// Forgets unsaved changes (after discarding the draft, or leaving on purpose).
  function forget() {
    clearTimeout(state.timer);
    state.saved = state.local;
  }

  return { start, changed, save, flush, unsaved, forget, tidy, retell };
})();
