"use strict";
// The question cards: one per question, with the fields its type has (Forms/README.md), the
// themes it is about, its condition, and its code in exports. A card folds shut to keep a long
// form readable; moving, copying and deleting are buttons in its header.
window.FormQuestions = (() => {
  const { t, element } = Staff;
  const Fields = FormFields;
  const COMMON = ["id", "type", "label", "help", "required", "background", "themes", "purpose", "showIf"];
  const ALLOWED = {
    info: ["id", "type", "label", "help", "showIf"],
    section: ["id", "type", "label", "help"],
    text: COMMON.concat(["multiline", "maxLength", "placeholder"]),
    single_choice: COMMON.concat(["options", "allowOther", "otherLabel"]),
    multiple_choice: COMMON.concat(["options", "allowOther", "otherLabel", "minSelected", "maxSelected"]),
    scale: COMMON.concat(["min", "max", "minLabel", "maxLabel", "allowDontKnow", "dontKnowLabel"]),
    yes_no: COMMON,
    number: COMMON.concat(["min", "max", "integer", "unit"]),
    ranking: COMMON.concat(["items", "options", "minRanked"]),
    points: COMMON.concat(["items", "options", "total", "requireAll"]),
  };
  const CHOICE = ["single_choice", "multiple_choice"];
  const ITEMS = ["ranking", "points"];
  const ANSWERABLE = (type) => type !== "info" && type !== "section";

  const text = (translation) => FormStudio.localText(translation);

  // The settings a new question of a type starts with.
  function fill(question, context) {
    const type = question.type;
    const themes = context.definition.themes.length;
    if (type === "text" && question.multiline === undefined) question.multiline = true;
    if (type === "number" && question.integer === undefined) question.integer = true;
    if (type === "points" && question.total === undefined) question.total = 10;
    if (ITEMS.includes(type) && !question.options && themes >= 2) question.items = "themes";
    const needsOptions = CHOICE.includes(type) || (ITEMS.includes(type) && question.items !== "themes");
    if (needsOptions && !(question.options && question.options.length)) {
      // One at a time: each new option's value must differ from those already there.
      question.options = [];
      question.options.push(FormOptions.newOption(question, context));
      question.options.push(FormOptions.newOption(question, context));
    }
    return question;
  }

  /// A new question of `type`, with an id that no other question has.
  function create(type, context) {
    const taken = new Set(context.definition.questions.map((question) => question.id));
    const question = { id: FormStudio.unique(type === "section" ? "side" : "spoergsmaal", taken), type, label: { da: "", en: "" } };
    context.fresh.add(question);
    return fill(question, context);
  }

  /// Changes a question's type, keeping what the new type has in common with the old one.
  function changeType(question, type, context) {
    for (const key of Object.keys(question)) if (!ALLOWED[type].includes(key)) delete question[key];
    if (!CHOICE.includes(type)) delete question.background;
    question.type = type;
    fill(question, context);
  }

  function followLabel(question, context, idInput) {
    if (!context.fresh.has(question) || context.manual.has(question)) return;
    const taken = new Set(context.definition.questions.filter((other) => other !== question).map((other) => other.id));
    const id = FormStudio.unique(FormStudio.slug(question.label.da, question.type === "section" ? "side" : "spoergsmaal"), taken);
    if (id === question.id) return;
    FormOptions.renameQuestion(context.definition, question.id, id);
    question.id = id;
    idInput.value = id;
  }

  function card(question, index, context) {
    const questions = context.definition.questions;
    const key = Fields.keyOf(question);
    const path = "$.questions[" + index + "]";
    const name = t("questionNumbered", { number: index + 1 });
    const collapsed = context.collapsed.has(question);
    const bodyID = "question-body-" + key;
    const title = element("span", { class: "card-title", text: text(question.label) || t("untitled") });
    const toggle = element("button", { type: "button", class: "card-toggle", "aria-expanded": String(!collapsed),
      "aria-controls": bodyID, "data-focus-key": key + ":toggle" },
    element("span", { class: "card-number", text: (index + 1) + "." }), title,
    element("span", { class: "card-type", text: FormStudio.typeName(question.type) }));
    toggle.addEventListener("click", () => setOpen(body, context.collapsed.has(question)));
    const badges = element("span", { class: "card-badges" },
      question.required ? element("span", { class: "badge", text: t("badgeRequired") }) : null,
      question.showIf ? element("span", { class: "badge", text: t("badgeConditional") }) : null,
      question.background ? element("span", { class: "badge", text: t("badgeBackground") }) : null,
      element("span", { class: "badge badge-problem card-problems", hidden: true }));
    const duplicate = element("button", { type: "button", class: "secondary small", text: t("duplicate"),
      "aria-label": t("duplicateNamed", { name }) });
    duplicate.addEventListener("click", () => {
      const copy = JSON.parse(JSON.stringify(question));
      copy.id = FormStudio.unique(question.id + "-kopi", new Set(questions.map((other) => other.id)));
      questions.splice(index + 1, 0, copy);
      context.restructure("focus-label:" + Fields.keyOf(copy));
    });
    const remove = element("button", { type: "button", class: "secondary small danger-text", text: t("remove"),
      "aria-label": t("removeNamed", { name }) });
    remove.addEventListener("click", () => context.remove(questions, index, name));
    const header = element("div", { class: "card-header" }, Fields.dragHandle(name),
      element("h3", { class: "card-heading" }, toggle), badges,
      element("div", { class: "row-tools" }, ...Fields.moveButtons(questions, index, name), duplicate, remove));
    const item = element("li", { class: "question-card", id: "question-" + key, "data-question-id": question.id }, header);
    const body = element("div", { class: "card-body", id: bodyID, hidden: collapsed || null });
    cards.set(body, { question, toggle, context });
    const slot = Fields.group(path, item, toggle, name);
    item.append(slot, body);
    fields(question, index, path, name, context, body, title);
    return item;
  }

  // An optional text that is empty waits behind a small button, so a card shows what is in use.
  function optionalField(field, value, buttonText) {
    if (value) return [field];
    field.hidden = true;
    const show = element("button", { type: "button", class: "secondary small reveal-button", text: buttonText });
    show.addEventListener("click", () => {
      field.hidden = false;
      show.remove();
      field.querySelector("input, textarea").focus();
    });
    return [show, field];
  }

  // Folding only hides the body: its fields stay, so problems inside a folded card still find them.
  const cards = new WeakMap();

  function setOpen(body, open) {
    const { question, toggle, context } = cards.get(body);
    body.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
    if (open) context.collapsed.delete(question); else context.collapsed.add(question);
  }

  /// Opens whatever hides `node`: its folded card, its closed "codes" part.
  function reveal(node) {
    const body = node.closest(".card-body");
    if (body && body.hidden) setOpen(body, true);
    const details = node.closest("details");
    if (details) details.open = true;
    const field = node.closest(".field[hidden]");
    if (field) {
      field.hidden = false;
      if (field.previousElementSibling && field.previousElementSibling.classList.contains("reveal-button")) field.previousElementSibling.remove();
    }
  }

  /// Folds every card, or opens every card.
  function setAllOpen(root, open) {
    for (const body of root.querySelectorAll(".question-card > .card-body")) setOpen(body, open);
  }

  function fields(question, index, path, place, context, body, title) {
    const type = question.type;
    body.append(Fields.select({ value: type, path: path + ".type", label: t("fieldType"), place: place + " › " + t("fieldType"),
      choices: FormStudio.TYPES.map((value) => ({ value, text: FormStudio.typeName(value) })),
      onChange: (value) => { changeType(question, value, context); context.restructure("focus-type:" + Fields.keyOf(question)); } }));
    body.lastElementChild.querySelector("select").setAttribute("data-focus-key", "focus-type:" + Fields.keyOf(question));
    const labelName = t(type === "section" ? "fieldHeading" : type === "info" ? "fieldInfoText" : "fieldQuestion");
    const label = Fields.translation({ owner: question, key: "label", path: path + ".label", label: labelName,
      place: place + " › " + labelName, multiline: type === "info", rows: 3 });
    body.append(label);
    let idInput = null;
    label.querySelectorAll("input, textarea").forEach((input) => input.addEventListener("input", () => {
      title.textContent = text(question.label) || t("untitled");
      if (input.lang === "da" && idInput) followLabel(question, context, idInput);
    }));
    label.querySelector("[lang=da]").setAttribute("data-focus-key", "focus-label:" + Fields.keyOf(question));
    body.append(...optionalField(Fields.translation({ owner: question, key: "help", path: path + ".help", label: t("fieldHelp"),
      help: t("fieldHelpHelp"), optional: true, place: place + " › " + t("fieldHelp") }), question.help, t("addHelp")));
    const settings = FormSettings.of(question, path, place, context);
    if (settings.length) body.append(element("div", { class: "type-settings" }, ...settings));
    if (ANSWERABLE(type)) {
      body.append(Fields.check({ owner: question, key: "required", path: path + ".required", label: t("fieldRequired"),
        help: t("fieldRequiredHelp"), place: place + " › " + t("fieldRequired") }));
    }
    if (CHOICE.includes(type)) {
      body.append(Fields.check({ owner: question, key: "background", path: path + ".background", label: t("fieldBackground"),
        help: t("fieldBackgroundHelp"), place: place + " › " + t("fieldBackground") }));
    }
    if (ANSWERABLE(type)) body.append(themeTags(question, path, place, context));
    if (ANSWERABLE(type)) body.append(purposeField(question, path, place, context));
    if (type !== "section") body.append(FormOptions.condition(question, index, path, place, context));
    const codes = element("details", { class: "codes" }, element("summary", { text: t("codesSummary") }),
      element("p", { class: "help", text: t("codesHelp") }));
    const idField = Fields.text({ owner: question, key: "id", path: path + ".id", label: t("fieldID"), place: place + " › " + t("fieldID"),
      className: "code-input",
      onInput: (value) => { context.manual.add(question); FormOptions.renameQuestion(context.definition, question.id, value); } });
    idInput = idField.querySelector("input");
    codes.append(idField);
    if (question.options) codes.append(...FormOptions.valueFields(question, path, place, context));
    body.append(codes);
  }

  /// What the question asks for (what works, what should change, ideas): the analysis splits each theme by it.
  function purposeField(question, path, place, context) {
    return Fields.select({
      value: question.purpose || "", path: path + ".purpose", label: t("fieldPurpose"), help: t("fieldPurposeHelp"),
      place: place + " › " + t("fieldPurpose"),
      choices: ["", "works", "change", "idea"].map((value) => ({ value, text: t("purpose_" + (value || "none")) })),
      onChange: (value) => {
        if (value) question.purpose = value; else delete question.purpose;
        context.changed();
      },
    });
  }

  function themeTags(question, path, place, context) {
    const themes = context.definition.themes;
    const fieldset = element("fieldset", { class: "theme-tags" }, element("legend", { text: t("fieldThemes") }));
    if (!themes.length) {
      fieldset.append(element("p", { class: "help", text: t("fieldThemesNone") }));
    }
    const chosen = new Set(question.themes || []);
    for (const theme of themes) {
      const id = Fields.uid("tag");
      const box = element("input", { type: "checkbox", id, value: theme.key });
      box.checked = chosen.has(theme.key);
      box.addEventListener("change", () => {
        const keys = [...fieldset.querySelectorAll("input:checked")].map((input) => input.value);
        if (keys.length) question.themes = keys; else delete question.themes;
        context.changed();
      });
      fieldset.append(element("label", { class: "check-label", for: id }, box, element("span", { text: text(theme.name) || theme.key })));
    }
    // A theme tag that no longer names a theme stays visible, so its problem has a place.
    for (const key of chosen) {
      if (!themes.some((theme) => theme.key === key)) {
        fieldset.append(element("p", { class: "help", text: t("unknownThemeTag", { key }) }));
      }
    }
    fieldset.append(Fields.group(path + ".themes", fieldset, fieldset.querySelector("input"), place + " › " + t("fieldThemes")));
    return fieldset;
  }

  return { create, card, reveal, setAllOpen, ALLOWED, ANSWERABLE };
})();
