"use strict";
// The form builder (/staff/forms/{id}): every part of a form in Danish and English side by side,
// saved as a draft while you work, checked by the server at each save (its problems shown at their
// fields), previewed on a tablet beside the editor, and published as a new version. Library forms
// and analysts' visits are read-only; a library form is changed by making a copy.
(() => {
  const { t, element } = Staff;
  const formID = decodeURIComponent(location.pathname.split("/").filter(Boolean)[2] || "");
  const $ = (id) => document.getElementById(id);
  const questionList = $("question-list");
  let form = null;
  let definition = null;
  let editable = false;
  const announcer = element("p", { class: "visually-hidden", "aria-live": "polite" });
  document.body.append(announcer);

  const context = {
    definition: null,
    fresh: new WeakSet(),
    manual: new WeakSet(),
    collapsed: new WeakSet(),
    changed: () => changed(false),
    restructure,
    remove,
    announce,
  };

  function announce(text) {
    announcer.textContent = "";
    setTimeout(() => { announcer.textContent = text; }, 50);
  }

  function changed(now) {
    if (!editable) return;
    FormSaving.changed(now);
    renderHeading();
  }

  function restructure(focusKey, noSave) {
    render(focusKey);
    if (!noSave) changed(true);
  }

  function focusByKey(key) {
    let target = document.querySelector('[data-focus-key="' + CSS.escape(key) + '"]');
    if (!target) return;
    // A move button at the end of the list is disabled: its neighbour takes the focus.
    if (target.disabled) target = target.parentElement.querySelector("button:not([disabled])") || target;
    FormQuestions.reveal(target);
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "nearest" });
  }

  // --- Drawing --------------------------------------------------------------------------------

  function render(focusKey) {
    const remembered = focusKey === undefined ? document.activeElement && document.activeElement.getAttribute("data-focus-key") : focusKey;
    FormFields.reset();
    FormFields.register("$", { focus: $("about-title"), slot: $("form-error"), place: t("wholeForm") });
    FormFields.register("$.themes", { focus: $("themes-title"), slot: $("themes-error"), place: t("themesTitle") });
    FormFields.register("$.questions", { focus: $("questions-title"), slot: $("questions-error"), place: t("questionsTitle") });
    FormFields.register("$.contact", { focus: $("contact-title"), slot: $("contact-error"), place: t("contactTitle") });
    $("about-body").replaceChildren(...FormParts.about(definition));
    $("themes-body").replaceChildren(...FormParts.themes(definition, context));
    questionList.replaceChildren(...definition.questions.map((question, index) => FormQuestions.card(question, index, context)));
    $("contact-body").replaceChildren(...FormParts.contact(definition, context));
    if (!editable) lock();
    renderPaletteNote();
    refreshChecks();
    if (remembered) focusByKey(remembered);
  }

  // Read-only: every field shows its value but takes no input; folding still works.
  function lock() {
    for (const control of $("editor").querySelectorAll("input, select, textarea, button:not(.card-toggle):not(.keep-enabled)")) control.disabled = true;
  }

  // A new form ends with "Har du andre kommentarer?"; while it is still last, questions are added
  // before it, so the closing question stays the closing question.
  function closingQuestion() {
    const last = definition && definition.questions[definition.questions.length - 1];
    return last && last.id === FormStudio.CLOSING_QUESTION_ID ? last : null;
  }

  function renderPaletteNote() {
    const closing = closingQuestion();
    $("add-question-note").hidden = !closing;
    if (closing) $("add-question-note").textContent = t("addBeforeClosing", { label: FormStudio.localText(closing.label) });
  }

  function renderPalette() {
    $("add-question-buttons").replaceChildren(...FormStudio.TYPES.map((type) => {
      const button = element("button", { type: "button", class: "secondary type-button", "data-type": type },
        element("span", { class: "type-name", text: FormStudio.typeName(type) }),
        element("span", { class: "type-hint", text: t("hint_" + type) }));
      button.addEventListener("click", () => {
        const question = FormQuestions.create(type, context);
        // The new question is the one being worked on: the others fold to their titles.
        definition.questions.forEach((other) => context.collapsed.add(other));
        const position = closingQuestion() ? definition.questions.length - 1 : definition.questions.length;
        definition.questions.splice(position, 0, question);
        restructure("focus-label:" + FormFields.keyOf(question));
        announce(t("questionAdded", { type: FormStudio.typeName(type), number: position + 1 }));
      });
      return button;
    }));
  }

  function renderHeading() {
    const title = FormStudio.localText(definition.title) || form.id;
    $("form-heading").textContent = title;
    document.title = title + " – " + t("navForms") + " – Borgerdialog";
    $("form-status").replaceChildren(FormStudio.statusBadge(form), " ",
      element("span", { class: "origin", text: FormStudio.originText(form) }));
    $("form-meta").textContent = t("formMeta", {
      id: form.id, changed: Staff.formatDateTime(form.changedAt), by: form.changedBy === "library" ? t("originLibrary") : form.changedBy,
      meetings: FormStudio.sessionsCount(form.sessionCount),
    });
    FormPreview.describe(form);
  }

  function refreshChecks() {
    const gaps = FormFields.markTranslations();
    const real = FormProblems.show(form.problems || []);
    FormProblems.summarize($("problems"), real, gaps, { hasUnsaved: FormSaving.unsaved() });
    renderPublish(real, gaps);
  }

  function renderPublish(real, gaps) {
    const button = $("publish");
    const note = $("publish-note");
    const reasons = [];
    if (real.length) reasons.push(real.length === 1 ? t("blockOneProblem") : t("blockProblems", { count: real.length }));
    if (gaps.length) reasons.push(gaps.length === 1 ? t("blockOneGap") : t("blockGaps", { count: gaps.length }));
    if (!reasons.length && !form.publishable) reasons.push(t("blockUnknown"));
    const nothingNew = !reasons.length && !form.hasDraft && !FormSaving.unsaved();
    button.setAttribute("aria-disabled", String(reasons.length > 0 || nothingNew));
    note.dataset.state = reasons.length ? "blocked" : nothingNew ? "idle" : "ready";
    if (reasons.length) note.textContent = t("cannotPublish", { reasons: reasons.join(" " + t("and") + " ") });
    else if (nothingNew) note.textContent = t("nothingToPublish", { number: form.versions.length });
    else note.textContent = form.versions.length ? t("readyToPublishNext", { number: form.versions.length + 1 }) : t("readyToPublishFirst");
  }

  // --- Actions ------------------------------------------------------------------------------

  function showAction(text, buttonText, onClick, link) {
    const box = $("action-message");
    const children = [element("p", { text })];
    if (link) children.push(element("a", { href: link.href, class: "button secondary", text: link.text }));
    let button = null;
    if (buttonText) {
      button = element("button", { type: "button", class: "secondary small", text: buttonText });
      button.addEventListener("click", onClick);
      children.push(button);
    }
    box.replaceChildren(...children);
    box.hidden = false;
    return button;
  }

  function hideAction() {
    $("action-message").hidden = true;
  }

  function remove(array, index, name, hooks = {}) {
    const [item] = array.splice(index, 1);
    if (hooks.onRemove) hooks.onRemove();
    render(null);
    changed(true);
    const undo = showAction(t("removed", { name }), t("undo"), () => {
      array.splice(index, 0, item);
      if (hooks.onUndo) hooks.onUndo();
      hideAction();
      restructure(FormFields.keyOf(item) + ":up");
      announce(t("restored", { name }));
    });
    undo.focus();
  }

  async function publish() {
    const button = $("publish");
    if (button.getAttribute("aria-disabled") === "true") {
      const title = $("problems-title");
      if ($("publish-note").dataset.state === "blocked" && title) title.focus(); else $("publish-note").focus();
      return;
    }
    button.disabled = true;
    try {
      if (!(await FormSaving.flush())) return showAction(t("publishNeedsSave"));
      if (!form.publishable) return refreshChecks();
      const result = await Staff.api("POST", "/api/staff/forms/" + encodeURIComponent(formID) + "/publish");
      if (result.status === 200) {
        form = result.body.form;
        renderHeading();
        FormVersions.render(form);
        refreshChecks();
        FormPreview.showVersion(null);
        showAction(t("published", { number: result.body.version }), null, null,
          { href: "/staff?form=" + encodeURIComponent(formID), text: t("createMeetingWithForm") });
        $("action-message").querySelector("a").focus();
      } else if (result.status === 422) {
        form.problems = result.body.errors || [];
        form.publishable = false;
        refreshChecks();
        $("problems-title").focus();
      } else {
        showAction(Staff.failure(result));
      }
    } catch {
      showAction(t("networkError"));
    } finally {
      button.disabled = false;
    }
  }

  async function discard() {
    $("discard-confirm").hidden = true;
    await FormSaving.flush();
    FormSaving.forget();
    const result = await Staff.api("DELETE", "/api/staff/forms/" + encodeURIComponent(formID) + "/draft");
    if (result.status !== 200) return showAction(Staff.failure(result));
    if (result.body.status === "deleted") return location.assign("/staff/forms?deleted=" + encodeURIComponent(formID));
    start(result.body.form);
    showAction(t("discarded", { number: form.versions.length }));
    $("form-heading").focus();
  }

  function askDiscard() {
    $("more-actions").open = false;
    $("discard-question").textContent = form.versions.length
      ? t("discardQuestionPublished", { number: form.versions.length }) : t("discardQuestionNew");
    $("discard-confirm").hidden = false;
    $("discard-yes").focus();
  }

  async function copy(button) {
    button.disabled = true;
    try {
      await FormSaving.flush();
      const result = await FormStudio.copy(formID);
      if (result.status === 201) return location.assign("/staff/forms/" + encodeURIComponent(result.body.form.id) + "?copied=1");
      showAction(Staff.failure(result));
    } catch {
      showAction(t("networkError"));
    } finally {
      button.disabled = false;
    }
  }

  async function exportFile(format) {
    $("more-actions").open = false;
    try {
      await FormSaving.flush();
      await FormStudio.download(formID, format);
    } catch (error) {
      showAction(error.message || t("networkError"));
    }
  }

  // The preview opens at the question being edited (a heading or a paragraph: the question after it).
  function followFocus(event) {
    const card = event.target.closest && event.target.closest(".question-card");
    if (!card) return;
    const index = [...questionList.children].indexOf(card);
    const next = definition.questions.slice(index).find((question) => FormQuestions.ANSWERABLE(question.type));
    FormPreview.follow(next && next.id);
  }

  // --- Start --------------------------------------------------------------------------------

  function onSaved(detail) {
    const versionsChanged = detail.versions.length !== form.versions.length || detail.hasDraft !== form.hasDraft;
    form = detail;
    renderHeading();
    if (versionsChanged) FormVersions.render(form);
    refreshChecks();
    FormPreview.reload(true);
  }

  function start(detail) {
    form = detail;
    definition = FormSaving.tidy(detail.definition && typeof detail.definition === "object" ? detail.definition : {});
    definition.themes = Array.isArray(definition.themes) ? definition.themes : [];
    definition.questions = Array.isArray(definition.questions) ? definition.questions : [];
    context.definition = definition;
    if (definition.questions.length > 6) definition.questions.forEach((question) => context.collapsed.add(question));
    FormSaving.start({ formID, definition, onSaved });
    renderHeading();
    render(null);
    FormVersions.render(form);
  }

  function wire() {
    $("publish").addEventListener("click", publish);
    $("discard").addEventListener("click", askDiscard);
    $("discard-yes").addEventListener("click", discard);
    $("discard-no").addEventListener("click", () => { $("discard-confirm").hidden = true; $("discard").focus(); });
    $("copy-form").addEventListener("click", (event) => copy(event.currentTarget));
    $("copy-own").addEventListener("click", (event) => copy(event.currentTarget));
    $("export-json").addEventListener("click", () => exportFile("json"));
    $("export-xlsx").addEventListener("click", () => exportFile("xlsx"));
    $("fold-all").addEventListener("click", () => FormQuestions.setAllOpen(questionList, false));
    $("unfold-all").addEventListener("click", () => FormQuestions.setAllOpen(questionList, true));
    questionList.addEventListener("focusin", followFocus);
    FormFields.sortable(questionList, () => definition.questions, (question) => FormStudio.localText(question.label) || question.id);
    document.addEventListener("keydown", (event) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
        event.preventDefault();
        if (editable) FormSaving.save();
      }
    });
    FormFields.configure({ changed: () => changed(false), restructure, announce, isFresh: (object) => context.fresh.has(object) });
    FormVersions.start();
  }

  function arrivalMessage() {
    const query = new URLSearchParams(location.search);
    const key = ["created", "copied", "imported"].find((name) => query.has(name));
    if (key) showAction(t("arrived_" + key));
    if (key) history.replaceState(null, "", location.pathname);
  }

  async function load() {
    const result = await Staff.api("GET", "/api/staff/forms/" + encodeURIComponent(formID));
    $("loading").hidden = true;
    if (result.status !== 200) return Staff.showMessage($("page-error"), result.status === 404 ? t("formNotFound", { id: formID }) : Staff.failure(result));
    editable = FormStudio.mayEdit() && result.body.form.origin === "own";
    $("builder").hidden = false;
    $("builder").classList.toggle("read-only", !editable);
    $("toolbar").hidden = !editable;
    $("add-question").hidden = !editable;
    const library = result.body.form.origin === "library";
    $("read-only").hidden = editable;
    $("read-only-text").textContent = !FormStudio.mayEdit() ? t("readOnlyRole") : library ? t("readOnlyLibrary") : "";
    $("copy-form").hidden = !FormStudio.mayEdit();
    renderPalette();
    start(result.body.form);
    FormPreview.start(formID, Staff.state.language);
    $("preview-frame").title = t("previewFrame");
    arrivalMessage();
    $("form-heading").focus();
  }

  wire();
  Staff.wireHeader();
  document.addEventListener("staff:language", () => {
    if (!form) return;
    renderPalette();
    renderHeading();
    render(undefined);
    FormVersions.render(form);
    FormSaving.retell();
    hideAction();
    $("preview-frame").title = t("previewFrame");
  });
  Staff.start().then(load).catch(() => Staff.showMessage($("page-error"), t("networkError")));
})();
