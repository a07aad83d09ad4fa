"use strict";
// The builder's fields. Each one writes straight into the definition being edited, carries the
// JSON path the server names in its problems (data-path), and has its own message slot, so a
// problem is shown at the field it concerns. Lists move by drag (pointer: mouse and touch) and by
// buttons (keyboard), which do the same thing.
window.FormFields = (() => {
  const { t, element } = Staff;
  let counter = 0;
  let registry = new Map();
  let pairs = [];
  let hooks = { changed() {}, restructure() {}, announce() {}, isFresh: () => false };
  // Which texts of which objects someone has typed in or left: an empty text of a part just added
  // is not an error yet, only once it has been visited.
  const visited = new WeakMap();
  const keys = new WeakMap();
  let keyCounter = 0;

  const uid = (prefix) => "f-" + prefix + "-" + (++counter);

  function configure(changes) {
    hooks = Object.assign({}, hooks, changes);
  }

  /// Tells the builder that a value changed (for fields built elsewhere).
  function notifyChanged() {
    hooks.changed();
  }

  /// Forgets every field; called before the editor is drawn again.
  function reset() {
    registry = new Map();
    pairs = [];
  }

  /// A stable name for an object of the definition, so focus can find it again after a redraw.
  function keyOf(object) {
    if (!keys.has(object)) keys.set(object, "k" + (++keyCounter));
    return keys.get(object);
  }

  // Where problems at a path go: what to focus, the message slot, and the place in words.
  function register(path, entry) {
    registry.set(path, entry);
  }

  function parentPath(path) {
    const match = path.match(/^(.*)(\.[^.[\]]+|\[\d+\])$/);
    return match ? match[1] : "";
  }

  /// The field for a path, or the nearest part of the form that holds it.
  function lookup(path) {
    for (let current = path; current; current = parentPath(current)) {
      if (registry.has(current)) return Object.assign({ path: current }, registry.get(current));
    }
    return registry.has("$") ? Object.assign({ path: "$" }, registry.get("$")) : null;
  }

  function visit(owner, key) {
    if (!visited.has(owner)) visited.set(owner, new Set());
    visited.get(owner).add(key);
  }

  /// Whether a problem at this field should wait: an empty text of a new part nobody has visited.
  function isQuiet(entry) {
    return Boolean(entry && entry.owner && entry.input && entry.input.value.trim() === "" && hooks.isFresh(entry.owner)
      && !(visited.get(entry.owner) || new Set()).has(entry.key));
  }

  function errorSlot() {
    return element("p", { class: "field-error", id: uid("error"), hidden: true });
  }

  function helpText(help) {
    return help ? element("p", { class: "help", id: uid("help"), text: help }) : null;
  }

  function describedBy(...nodes) {
    return nodes.filter(Boolean).map((node) => node.id).join(" ") || null;
  }

  /// A text in Danish and English side by side; a missing side is marked as you type.
  function translation({ owner, key, path, label, help, multiline, optional, place, rows }) {
    const labelNode = element("p", { class: "field-label", id: uid("label"), text: label + (optional ? " " + t("optionalMark") : "") });
    const helpNode = helpText(help);
    const groupError = errorSlot();
    const inputs = {};
    const missing = {};
    const sides = ["da", "en"].map((language) => {
      const id = uid(language);
      const languageLabel = element("label", { for: id, id: uid("language"), class: "language-label",
        text: t(language === "da" ? "languageDanish" : "languageEnglish") });
      missing[language] = element("p", { class: "missing-translation", id: uid("missing"), hidden: true,
        text: t(language === "da" ? "missingDanish" : "missingEnglish") });
      const error = errorSlot();
      const input = element(multiline ? "textarea" : "input", {
        id, type: multiline ? null : "text", rows: multiline ? rows || 3 : null, lang: language, "data-path": path + "." + language,
        "aria-labelledby": labelNode.id + " " + languageLabel.id, "aria-describedby": describedBy(helpNode, missing[language], error),
      });
      input.value = (owner[key] && owner[key][language]) || "";
      input.addEventListener("focusout", () => visit(owner, key));
      input.addEventListener("input", () => {
        visit(owner, key);
        const da = inputs.da.value, en = inputs.en.value;
        if (optional && !da.trim() && !en.trim()) delete owner[key]; else owner[key] = { da, en };
        markTranslations();
        hooks.changed();
      });
      inputs[language] = input;
      register(path + "." + language, { focus: input, slot: error, input, translation: true, owner, key,
        place: place + " (" + t(language === "da" ? "languageDanish" : "languageEnglish") + ")" });
      return element("div", { class: "translation-side" }, languageLabel, input, missing[language], error);
    });
    register(path, { focus: inputs.da, slot: groupError, place });
    pairs.push({ inputs, missing, optional, place });
    return element("div", { class: "field translation", "data-path": path }, labelNode, helpNode,
      element("div", { class: "translation-pair" }, ...sides), groupError);
  }

  /// Marks each text written in one language only; answers the inputs that miss their translation.
  function markTranslations() {
    const gaps = [];
    for (const pair of pairs) {
      const filled = { da: pair.inputs.da.value.trim() !== "", en: pair.inputs.en.value.trim() !== "" };
      for (const language of ["da", "en"]) {
        const gap = filled[language === "da" ? "en" : "da"] && !filled[language];
        pair.missing[language].hidden = !gap;
        pair.inputs[language].classList.toggle("is-missing", gap);
        if (gap) gaps.push({ input: pair.inputs[language], place: pair.place, language });
      }
    }
    return gaps;
  }

  function check({ owner, key, path, label, help, place, onChange }) {
    const id = uid("check");
    const helpNode = helpText(help);
    const error = errorSlot();
    const input = element("input", { type: "checkbox", id, "data-path": path, "aria-describedby": describedBy(helpNode, error) });
    input.checked = owner[key] === true;
    input.addEventListener("change", () => {
      if (input.checked) owner[key] = true; else delete owner[key];
      hooks.changed();
      if (onChange) onChange(input.checked);
    });
    register(path, { focus: input, slot: error, place: place || label });
    return element("div", { class: "field check" },
      element("label", { class: "check-label", for: id }, input, element("span", { text: label })), helpNode, error);
  }

  function number({ owner, key, path, label, help, place, integer = true, min, max, placeholder }) {
    const id = uid("number");
    const helpNode = helpText(help);
    const error = errorSlot();
    const input = element("input", {
      id, type: "number", inputmode: integer ? "numeric" : "decimal", step: integer ? "1" : "any", min, max, placeholder,
      "data-path": path, "aria-describedby": describedBy(helpNode, error),
    });
    input.value = owner[key] === undefined ? "" : String(owner[key]);
    input.addEventListener("input", () => {
      const text = input.value.trim();
      if (text === "") delete owner[key]; else if (!Number.isNaN(Number(text))) owner[key] = Number(text);
      hooks.changed();
    });
    register(path, { focus: input, slot: error, place: place || label });
    return element("div", { class: "field number" }, element("label", { for: id, text: label }), input, helpNode, error);
  }

  function text({ owner, key, path, label, help, place, onInput, className }) {
    const id = uid("text");
    const helpNode = helpText(help);
    const error = errorSlot();
    const input = element("input", { id, type: "text", "data-path": path, class: className, spellcheck: "false",
      "aria-describedby": describedBy(helpNode, error) });
    input.value = owner[key] === undefined ? "" : String(owner[key]);
    input.addEventListener("input", () => {
      owner[key] = input.value.trim();
      if (onInput) onInput(input.value.trim());
      hooks.changed();
    });
    register(path, { focus: input, slot: error, place: place || label });
    return element("div", { class: "field" }, element("label", { for: id, text: label }), input, helpNode, error);
  }

  function select({ value, path, label, help, place, choices, onChange }) {
    const id = uid("select");
    const helpNode = helpText(help);
    const error = errorSlot();
    const input = element("select", { id, "data-path": path, "aria-describedby": describedBy(helpNode, error) },
      ...choices.map((choice) => element("option", { value: choice.value, text: choice.text })));
    input.value = value;
    input.addEventListener("change", () => onChange(input.value));
    register(path, { focus: input, slot: error, place: place || label });
    return element("div", { class: "field" }, element("label", { for: id, text: label }), input, helpNode, error);
  }

  /// A part of the form (a question, a list) that problems about it as a whole are shown at.
  function group(path, node, focus, place) {
    const error = errorSlot();
    node.setAttribute("data-path", path);
    register(path, { focus: focus || node, slot: error, place, group: node });
    return error;
  }

  // --- Moving items of a list -------------------------------------------------------------

  function move(array, from, to, focusKey, name) {
    if (to < 0 || to >= array.length || from === to) return;
    const [item] = array.splice(from, 1);
    array.splice(to, 0, item);
    hooks.restructure(focusKey);
    hooks.announce(t("movedTo", { name, position: to + 1, count: array.length }));
  }

  /// "Flyt op" and "Flyt ned" for item `index` of `array`; the keyboard and switch way to reorder.
  function moveButtons(array, index, name) {
    const key = keyOf(array[index]);
    const up = element("button", { type: "button", class: "icon-button", "data-focus-key": key + ":up",
      "aria-label": t("moveUpNamed", { name }), title: t("moveUp"), disabled: index === 0 || null, text: "↑" });
    const down = element("button", { type: "button", class: "icon-button", "data-focus-key": key + ":down",
      "aria-label": t("moveDownNamed", { name }), title: t("moveDown"), disabled: index === array.length - 1 || null, text: "↓" });
    up.addEventListener("click", () => move(array, index, index - 1, key + ":up", name));
    down.addEventListener("click", () => move(array, index, index + 1, key + ":down", name));
    return [up, down];
  }

  /// The handle that drags an item; for pointers only (the buttons beside it do the same by keyboard).
  function dragHandle(name) {
    return element("span", { class: "drag-handle", "aria-hidden": "true", title: t("dragToMove", { name }), text: "⠿" });
  }

  /// Lets the items of `list` (one `li` per entry of `items`, an array or a function answering it)
  /// be dragged by their handles.
  function sortable(list, items, nameOf) {
    list.addEventListener("pointerdown", (event) => {
      const array = typeof items === "function" ? items() : items;
      const handle = event.target.closest(".drag-handle");
      const item = handle && handle.closest("li");
      if (!item || item.parentElement !== list || event.button > 0) return;
      event.preventDefault();
      const from = [...list.children].indexOf(item);
      item.classList.add("dragging");
      list.classList.add("drag-active");
      const follow = (moveEvent) => {
        for (const other of list.children) {
          if (other === item) continue;
          const box = other.getBoundingClientRect();
          if (moveEvent.clientY < box.top || moveEvent.clientY > box.bottom) continue;
          const before = moveEvent.clientY < box.top + box.height / 2;
          list.insertBefore(item, before ? other : other.nextSibling);
          break;
        }
        if (moveEvent.clientY < 60) window.scrollBy(0, -12);
        if (moveEvent.clientY > window.innerHeight - 60) window.scrollBy(0, 12);
      };
      const listening = new AbortController();
      const finish = (commit) => {
        listening.abort();
        item.classList.remove("dragging");
        list.classList.remove("drag-active");
        const to = [...list.children].indexOf(item);
        if (commit && to !== from) {
          move(array, from, to, keyOf(array[from]) + ":up", nameOf(array[from]));
        } else if (to !== from) {
          hooks.restructure(null);
        }
      };
      // The document listens, not the handle: moving the item in the list would end a pointer capture.
      document.addEventListener("pointermove", follow, { signal: listening.signal });
      document.addEventListener("pointerup", () => finish(true), { signal: listening.signal });
      document.addEventListener("pointercancel", () => finish(false), { signal: listening.signal });
    });
  }

  return {
    uid, configure, notifyChanged, isQuiet, reset, keyOf, register, lookup, errorSlot, translation, markTranslations, check, number, text,
    select, group, moveButtons, dragHandle, sortable, describedBy, helpText,
  };
})();
