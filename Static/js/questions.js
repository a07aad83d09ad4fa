"use strict";
// One renderer per question type. Each builds accessible, touch-sized controls and knows how to
// read its answer back in the shape the server validates (see Forms/README.md). `snapshot()` and
// `restore()` carry what a citizen has done to a control over to the same form in the other
// language: option values are the same in both, only the words differ.
const Questions = (() => {
  let uniqueCounter = 0;
  const uid = (prefix) => prefix + "-" + (++uniqueCounter);

  function element(tag, attributes = {}, children = []) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined || value === null || value === false) continue;
      if (name === "text") node.textContent = value;
      else if (value === true) node.setAttribute(name, "");
      else node.setAttribute(name, value);
    }
    for (const child of children) if (child) node.append(child);
    return node;
  }

  // The frame every answerable question shares: a labelled group, help text and an error slot.
  function frame(question, ui, useFieldset) {
    const errorId = uid("error");
    const helpId = question.help ? uid("help") : null;
    const container = element(useFieldset ? "fieldset" : "div", {
      class: "question question-" + question.type, "data-question": question.id, "data-type": question.type,
    });
    // "Required" is part of the label's name, so a screen reader says it with the question; the
    // star is for the eye only.
    const label = element(useFieldset ? "legend" : "label", {}, [
      question.label,
      question.required ? element("span", { class: "required-mark", "aria-hidden": "true", text: " *" }) : null,
      question.required ? element("span", { class: "visually-hidden", text: " (" + ui.required + ")" }) : null,
    ]);
    container.append(label);
    if (helpId) container.append(element("p", { id: helpId, class: "help", text: question.help }));
    const error = element("p", { id: errorId, class: "field-error", role: "alert", hidden: true });
    const describedBy = [helpId, errorId].filter(Boolean).join(" ");
    return {
      container, label, error, describedBy,
      finish() { container.append(error); return container; },
      showError(message) {
        error.textContent = message;
        error.hidden = false;
        container.classList.add("has-error");
        container.querySelectorAll("input, textarea, button.rank-move, button.points-step")
          .forEach((input) => input.setAttribute("aria-invalid", "true"));
      },
      clearError() {
        error.textContent = "";
        error.hidden = true;
        container.classList.remove("has-error");
        container.querySelectorAll("[aria-invalid]").forEach((input) => input.removeAttribute("aria-invalid"));
      },
    };
  }

  function choiceInput(type, name, value, labelText, describedBy) {
    const id = uid("choice");
    const input = element("input", { type, name, id, value, "aria-describedby": describedBy || undefined });
    return { input, row: element("label", { class: "choice", for: id }, [input, element("span", { text: labelText })]) };
  }

  function text(question, ui) {
    const parts = frame(question, ui, false);
    const id = uid("text");
    parts.label.setAttribute("for", id);
    const input = element(question.multiline ? "textarea" : "input", {
      id, maxlength: question.maxLength, placeholder: question.placeholder,
      rows: question.multiline ? 5 : undefined, type: question.multiline ? undefined : "text",
      autocomplete: "off", "aria-required": question.required ? "true" : undefined, "aria-describedby": parts.describedBy,
    });
    parts.container.append(input);
    return {
      ...parts, element: parts.finish(), focus: () => input.focus(),
      value: () => (input.value.trim() === "" ? undefined : input.value.trim()),
      snapshot: () => input.value,
      restore: (text) => { input.value = text || ""; },
    };
  }

  function choices(question, ui, multiple) {
    const parts = frame(question, ui, true);
    const name = uid("group");
    const inputs = question.options.map((option) => {
      const { input, row } = choiceInput(multiple ? "checkbox" : "radio", name, option.value, option.label, parts.describedBy);
      parts.container.append(row);
      return input;
    });
    let otherInput = null;
    let otherText = null;
    if (question.allowOther) {
      const choice = choiceInput(multiple ? "checkbox" : "radio", name, "__other__", question.otherLabel || ui.other, parts.describedBy);
      otherInput = choice.input;
      otherText = element("input", { type: "text", class: "other-text", "aria-label": question.otherLabel || ui.other, maxlength: 500, autocomplete: "off" });
      otherText.addEventListener("input", () => { if (otherText.value.trim()) otherInput.checked = true; });
      parts.container.append(choice.row, otherText);
    }
    const every = otherInput ? [...inputs, otherInput] : inputs;
    return {
      ...parts, element: parts.finish(), focus: () => inputs[0] && inputs[0].focus(), inputs,
      snapshot: () => ({ checked: every.filter((input) => input.checked).map((input) => input.value), other: otherText ? otherText.value : "" }),
      restore({ checked, other }) {
        every.forEach((input) => { input.checked = checked.includes(input.value); });
        if (otherText) otherText.value = other;
      },
      value() {
        const selected = inputs.filter((input) => input.checked).map((input) => input.value);
        const other = otherInput && otherInput.checked && otherText.value.trim() ? otherText.value.trim() : null;
        if (!multiple) return other ? { other } : selected[0];
        if (selected.length === 0 && !other) return undefined;
        return other ? { selected, other } : selected;
      },
    };
  }

  function scale(question, ui) {
    const parts = frame(question, ui, true);
    const name = uid("scale");
    const row = element("div", { class: "scale-row" });
    const inputs = [];
    for (let step = question.min; step <= question.max; step++) {
      const { input, row: option } = choiceInput("radio", name, String(step), String(step), parts.describedBy);
      option.classList.add("scale-step");
      inputs.push(input);
      row.append(option);
    }
    parts.container.append(row);
    if (question.minLabel || question.maxLabel) {
      parts.container.append(element("div", { class: "scale-ends", "aria-hidden": "true" }, [
        element("span", { text: question.minLabel || "" }), element("span", { text: question.maxLabel || "" })]));
      // The end labels are read with the first and last step too.
      if (question.minLabel) inputs[0].setAttribute("aria-label", question.min + " – " + question.minLabel);
      if (question.maxLabel) inputs[inputs.length - 1].setAttribute("aria-label", question.max + " – " + question.maxLabel);
    }
    if (question.allowDontKnow) {
      const { input, row: option } = choiceInput("radio", name, "dont_know", question.dontKnowLabel || ui.dontKnow, parts.describedBy);
      option.classList.add("dont-know");
      inputs.push(input);
      parts.container.append(option);
    }
    return {
      ...parts, element: parts.finish(), focus: () => inputs[0].focus(), inputs,
      snapshot: () => (inputs.find((input) => input.checked) || {}).value,
      restore: (chosen) => inputs.forEach((input) => { input.checked = input.value === chosen; }),
      value() {
        const chosen = inputs.find((input) => input.checked);
        if (!chosen) return undefined;
        return chosen.value === "dont_know" ? "dont_know" : Number(chosen.value);
      },
    };
  }

  function yesNo(question, ui) {
    const parts = frame(question, ui, true);
    const name = uid("yesno");
    const yes = choiceInput("radio", name, "yes", ui.yes, parts.describedBy);
    const no = choiceInput("radio", name, "no", ui.no, parts.describedBy);
    parts.container.append(element("div", { class: "yes-no" }, [yes.row, no.row]));
    return {
      ...parts, element: parts.finish(), focus: () => yes.input.focus(), inputs: [yes.input, no.input],
      value: () => (yes.input.checked ? true : no.input.checked ? false : undefined),
      snapshot: () => (yes.input.checked ? "yes" : no.input.checked ? "no" : null),
      restore(chosen) { yes.input.checked = chosen === "yes"; no.input.checked = chosen === "no"; },
    };
  }

  function number(question, ui) {
    const parts = frame(question, ui, false);
    const id = uid("number");
    parts.label.setAttribute("for", id);
    const input = element("input", {
      id, type: "number", inputmode: question.integer ? "numeric" : "decimal",
      min: question.min, max: question.max, step: question.integer ? 1 : "any", autocomplete: "off",
      "aria-required": question.required ? "true" : undefined, "aria-describedby": parts.describedBy,
    });
    parts.container.append(question.unit ? element("div", { class: "with-unit" }, [input, element("span", { text: question.unit })]) : input);
    return {
      ...parts, element: parts.finish(), focus: () => input.focus(),
      value: () => (input.value === "" ? undefined : Number(input.value)),
      snapshot: () => input.value,
      restore: (text) => { input.value = text || ""; },
    };
  }

  return { element, frame, uid, text, choices, scale, yesNo, number };
})();
