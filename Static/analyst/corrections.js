"use strict";
// The analyst's corrections on the run page: rename (inline), merge (pick two or more themes),
// split (tick answers → a new theme), move the ticked answers to another theme (one decision), move
// an answer, mark it off-topic, and the list of decisions with undo. Each control calls context.decide(body, focusKey), which stores the decision and
// redraws the results; citizen and analyst text only ever goes in as textContent.
window.AnalystCorrections = (() => {
  const { t, element } = Staff;
  let uniqueNumber = 0;

  function nextId(prefix) {
    uniqueNumber += 1;
    return prefix + "-" + uniqueNumber;
  }

  /// The rename button and its inline form (hidden until the button is pressed).
  function renameControl(theme, context) {
    const inputId = nextId("rename");
    const errorId = inputId + "-error";
    const button = element("button", { type: "button", class: "secondary small rename", "aria-expanded": "false",
      "aria-label": t("rename") + ": " + theme.label, text: t("rename") });
    const input = element("input", { type: "text", id: inputId, class: "rename-input", maxlength: "120",
      value: theme.label, "aria-describedby": errorId, autocomplete: "off" });
    const error = element("p", { id: errorId, class: "field-error", role: "alert", hidden: true });
    const save = element("button", { type: "submit", class: "primary small", text: t("renameSave") });
    const cancel = element("button", { type: "button", class: "secondary small", text: t("cancel") });
    const form = element("form", { class: "rename-form staff-form", novalidate: true, hidden: true },
      element("div", { class: "field" },
        element("label", { for: inputId, text: t("renameLabel", { label: theme.label }) }), input, error),
      element("div", { class: "actions" }, save, cancel));

    function close() {
      form.hidden = true;
      button.setAttribute("aria-expanded", "false");
      button.focus();
    }
    button.addEventListener("click", () => {
      form.hidden = false;
      button.setAttribute("aria-expanded", "true");
      input.value = theme.label;
      input.select();
      input.focus();
    });
    cancel.addEventListener("click", close);
    form.addEventListener("keydown", (event) => { if (event.key === "Escape") close(); });
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      Staff.clearFieldErrors(form);
      const label = input.value.trim();
      if (!label) {
        Staff.showFieldError(input, t("renameMissing"));
        input.focus();
        return;
      }
      if (label === theme.label) {
        close();
        return;
      }
      save.disabled = true;
      const outcome = await context.decide({ kind: "rename", theme: theme.key, label }, theme.key);
      save.disabled = false;
      if (!outcome.ok) {
        Staff.showFieldError(input, outcome.message);
        input.focus();
      }
    });
    return { button, form };
  }

  /// The checkbox that picks a theme for merging; the merge bar counts the picks.
  function mergePicker(theme, picks, onChange) {
    const box = element("input", { type: "checkbox", class: "merge-pick", value: theme.key,
      "aria-label": t("mergePick", { label: theme.label }), checked: picks.includes(theme.key) });
    box.addEventListener("change", () => {
      const index = picks.indexOf(theme.key);
      if (box.checked && index < 0) picks.push(theme.key);
      if (!box.checked && index >= 0) picks.splice(index, 1);
      onChange();
    });
    return element("label", { class: "pick merge-label" }, box, element("span", { text: t("mergeShort") }));
  }

  /// The merge bar under the theme list: how many are picked, an optional name, the button.
  function mergeBar(picks, context) {
    const nameId = nextId("merge-name");
    const count = element("p", { id: "merge-count", class: "merge-count", role: "status" });
    const name = element("input", { type: "text", id: nameId, maxlength: "120", autocomplete: "off" });
    const button = element("button", { type: "submit", id: "merge-button", class: "primary", text: t("mergeButton") });
    const bar = element("form", { class: "merge-bar staff-form", novalidate: true, "aria-labelledby": "merge-title" },
      element("h3", { id: "merge-title", text: t("mergeTitle") }),
      element("p", { class: "help", text: t("mergeHelp") }), count,
      element("div", { class: "field" }, element("label", { for: nameId, text: t("mergeName") }), name), button);

    function update() {
      count.textContent = t("mergeSelected", { count: picks.length });
      button.disabled = picks.length < 2;
    }
    bar.addEventListener("submit", async (event) => {
      event.preventDefault();
      if (picks.length < 2) return;
      // Emptied before the redraw that a stored merge causes, so the new list starts with no picks.
      const chosen = picks.splice(0, picks.length);
      const body = { kind: "merge", themes: chosen };
      if (name.value.trim()) body.label = name.value.trim();
      button.disabled = true;
      const outcome = await context.decide(body, chosen[0]);
      if (!outcome.ok) picks.push(...chosen);
      update();
    });
    update();
    return { bar, update };
  }

  /// Per answer: a tick for splitting, "move to" with a theme list, and "off-topic".
  function answerControls(answer, theme, themes, context, textId) {
    const tick = element("input", { type: "checkbox", class: "split-pick", value: answer.answerId,
      "aria-label": t("splitPick"), "aria-describedby": textId });
    const selectId = nextId("move");
    const targets = themes.filter((other) => other.key !== theme.key && other.kind !== "offTopic");
    const select = themeSelect(selectId, themes, theme.key);
    const move = element("button", { type: "button", class: "secondary small move", text: t("moveButton"),
      "aria-describedby": textId });
    const offTopic = element("button", { type: "button", class: "secondary small off-topic", text: t("offTopic"),
      "aria-describedby": textId, title: t("offTopicLabel") });
    move.addEventListener("click", () => {
      if (select.value) context.decide({ kind: "move", answer: answer.answerId, to: select.value }, select.value);
      else context.complain(t("moveMissing"), select);
    });
    offTopic.addEventListener("click", () => context.decide({ kind: "offTopic", answer: answer.answerId }, theme.key));
    const moveGroup = element("span", { class: "move-group" },
      element("label", { for: selectId, class: "small-label", text: t("moveLabel") }), select, move);
    if (targets.length === 0) moveGroup.hidden = true;
    const controls = element("div", { class: "answer-controls" }, moveGroup);
    if (theme.kind !== "offTopic") controls.append(offTopic);
    return { tick, controls };
  }

  /// A theme picker: every theme but `exceptKey` and the off-topic one.
  function themeSelect(id, themes, exceptKey) {
    return element("select", { id, class: "move-to" }, element("option", { value: "", text: t("moveChoose") }),
      ...themes.filter((other) => other.key !== exceptKey && other.kind !== "offTopic")
        .map((other) => element("option", { value: other.key, text: other.label })));
  }

  /// The bar under one theme's answer list: the ticked answers become a new theme (split), or move
  /// to another theme; either is one decision.
  function splitBar(theme, list, context) {
    const nameId = nextId("split-name");
    const errorId = nameId + "-error";
    const name = element("input", { type: "text", id: nameId, class: "split-name", maxlength: "120",
      autocomplete: "off", "aria-describedby": errorId });
    const error = element("p", { id: errorId, class: "field-error", role: "alert", hidden: true });
    const button = element("button", { type: "submit", class: "secondary split", text: t("splitButton") });
    const selectId = nextId("move-picked");
    const select = themeSelect(selectId, context.themes, theme.key);
    const move = element("button", { type: "button", class: "secondary move-picked", text: t("movePickedButton") });
    const count = element("p", { class: "picked-count", role: "status" });
    const bar = element("form", { class: "split-bar staff-form", novalidate: true },
      element("h5", { text: t("pickedTitle") }), count,
      element("div", { class: "field" }, element("label", { for: nameId, text: t("splitName") }), name, error), button,
      element("div", { class: "move-picked-group" },
        element("label", { for: selectId, class: "small-label", text: t("movePickedLabel") }), select, move));
    const picked = () => [...list.querySelectorAll(".split-pick:checked")].map((box) => box.value);
    const update = () => { count.textContent = t("pickedCount", { count: picked().length }); };
    list.addEventListener("change", update);
    update();
    bar.addEventListener("submit", async (event) => {
      event.preventDefault();
      Staff.clearFieldErrors(bar);
      const answers = picked();
      if (answers.length === 0 || !name.value.trim()) {
        Staff.showFieldError(name, t("splitMissing"));
        name.focus();
        return;
      }
      button.disabled = true;
      const outcome = await context.decide({ kind: "split", theme: theme.key, answers, label: name.value.trim() }, theme.key);
      button.disabled = false;
      if (!outcome.ok) Staff.showFieldError(name, outcome.message);
    });
    move.addEventListener("click", async () => {
      const answers = picked();
      if (answers.length === 0) return context.complain(t("movePickedNone"), list.querySelector(".split-pick") || move);
      if (!select.value) return context.complain(t("moveMissing"), select);
      move.disabled = true;
      await context.decide({ kind: "moveAnswers", answers, to: select.value }, select.value);
      move.disabled = false;
    });
    return bar;
  }

  /// The list of decisions, newest as the server orders them, each with its undo button.
  function decisionList(decisions, context) {
    if (!decisions.length) return [element("p", { class: "muted", id: "decisions-empty", text: t("decisionsEmpty") })];
    return [element("ul", { id: "decisions", class: "decisions" }, ...decisions.map((decision) => {
      const undo = element("button", { type: "button", class: "secondary small undo", text: t("undo"),
        "aria-label": t("undo") + ": " + decision.summary });
      undo.addEventListener("click", () => context.undo(decision.id));
      const item = element("li", { class: "decision", "data-kind": decision.kind, "data-applied": String(decision.applied !== false) },
        element("span", { class: "decision-summary", text: decision.summary }),
        element("span", { class: "decision-by", text: t("decisionBy", {
          who: decision.decidedBy || "–", time: Staff.formatDateTime(decision.decidedAt) }) }));
      if (decision.applied === false) item.append(element("span", { class: "not-applied", text: t("decisionNotApplied") }));
      item.append(undo);
      return item;
    }))];
  }

  return { renameControl, mergePicker, mergeBar, answerControls, splitBar, decisionList, themeSelect };
})();
