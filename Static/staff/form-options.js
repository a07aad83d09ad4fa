"use strict";
// Two parts of a question card: its answer options (reordered by drag or buttons, values made from
// the Danish text while the option is new) and its condition, which is chosen from the earlier
// questions and their answers instead of typed.
window.FormOptions = (() => {
  const { t, element } = Staff;
  const Fields = FormFields;
  const CONDITION_TYPES = ["single_choice", "multiple_choice", "yes_no", "scale", "number", "text"];

  function newOption(question, context) {
    const taken = new Set((question.options || []).map((option) => option.value));
    const option = { value: FormStudio.unique("valg-" + ((question.options || []).length + 1), taken), label: { da: "", en: "" } };
    context.fresh.add(option);
    return option;
  }

  // While an option is new, its stored value follows its Danish text (conditions follow it too).
  function followLabel(question, option, context) {
    if (!context.fresh.has(option) || context.manual.has(option)) return;
    const taken = new Set(question.options.filter((other) => other !== option).map((other) => other.value));
    const value = FormStudio.unique(FormStudio.slug(option.label.da, "valg", 30), taken);
    if (value === option.value) return;
    renameOptionValue(context.definition, question.id, option.value, value);
    option.value = value;
    const input = document.querySelector('[data-value-of="' + Fields.keyOf(option) + '"]');
    if (input) input.value = value;
  }

  function renameOptionValue(definition, questionID, from, to) {
    for (const question of definition.questions) {
      const condition = question.showIf;
      if (!condition || condition.question !== questionID) continue;
      if (condition.equals === from) condition.equals = to;
      if (Array.isArray(condition.in)) condition.in = condition.in.map((value) => (value === from ? to : value));
    }
  }

  /// The options of a choice question (or of a ranking or points question with its own items).
  function editor(question, path, place, context) {
    question.options = question.options || [];
    const options = question.options;
    const list = element("ol", { class: "option-list" });
    options.forEach((option, index) => {
      const name = t("optionNumbered", { number: index + 1 });
      const optionPath = path + ".options[" + index + "]";
      const label = Fields.translation({ owner: option, key: "label", path: optionPath + ".label", label: name,
        place: place + " › " + name });
      label.querySelector("input[lang=da]").addEventListener("input", () => followLabel(question, option, context));
      const remove = element("button", { type: "button", class: "icon-button danger-text", "aria-label": t("removeNamed", { name }),
        title: t("remove"), text: "✕" });
      remove.addEventListener("click", () => context.remove(options, index, name));
      const row = element("li", { class: "option-row", id: "option-" + Fields.keyOf(option) },
        Fields.dragHandle(name), label,
        element("div", { class: "row-tools" }, ...Fields.moveButtons(options, index, name), remove));
      const slot = Fields.group(optionPath, row, label.querySelector("input"), place + " › " + name);
      row.append(slot);
      list.append(row);
    });
    Fields.sortable(list, options, (option) => option.label.da || option.value);
    const add = element("button", { type: "button", class: "secondary add-button", text: t("addOption") });
    add.addEventListener("click", () => {
      const option = newOption(question, context);
      options.push(option);
      context.restructure("focus-label:" + Fields.keyOf(option));
    });
    const legendText = question.type === "ranking" || question.type === "points" ? t("itemsOwn") : t("optionsLegend");
    const fieldset = element("fieldset", { class: "options-editor" }, element("legend", { text: legendText }), list);
    const slot = Fields.group(path + ".options", fieldset, add, place + " › " + legendText);
    fieldset.append(slot, add);
    return fieldset;
  }

  /// The stored values of the options, in the card's "codes" part (rarely needed, never hidden from problems).
  function valueFields(question, path, place, context) {
    return (question.options || []).map((option, index) => {
      const name = t("optionNumbered", { number: index + 1 });
      const field = Fields.text({ owner: option, key: "value", path: path + ".options[" + index + "].value",
        label: t("optionValue", { name, label: option.label.da || "" }), place: place + " › " + name + " › " + t("code"),
        className: "code-input",
        onInput: (value) => { context.manual.add(option); renameOptionValue(context.definition, question.id, option.value, value); } });
      field.querySelector("input").setAttribute("data-value-of", Fields.keyOf(option));
      return field;
    });
  }

  // --- Conditions ----------------------------------------------------------------------------

  function valuesOf(condition) {
    if ("equals" in condition) return [condition.equals];
    return Array.isArray(condition.in) ? condition.in : [];
  }

  function setValues(condition, values) {
    delete condition.equals;
    delete condition.in;
    if (values.length === 1) condition.equals = values[0];
    else if (values.length > 1) condition.in = values;
  }

  /// What an earlier question can be answered with, as choices: [{value, text}].
  function answersOf(target) {
    switch (target.type) {
      case "single_choice":
      case "multiple_choice":
        return (target.options || []).map((option) => ({ value: option.value, text: FormStudio.localText(option.label) || option.value }));
      case "yes_no":
        return [{ value: true, text: t("yes") }, { value: false, text: t("no") }];
      case "scale": {
        const low = Number.isInteger(target.min) ? target.min : 1;
        const high = Number.isInteger(target.max) ? target.max : 5;
        const steps = [];
        for (let step = low; step <= high && steps.length < 11; step++) steps.push({ value: step, text: String(step) });
        if (target.allowDontKnow) steps.push({ value: "dont_know", text: t("dontKnow") });
        return steps;
      }
      default:
        return null;
    }
  }

  function condition(question, index, path, place, context) {
    const questions = context.definition.questions;
    const earlier = questions.slice(0, index).filter((candidate) => CONDITION_TYPES.includes(candidate.type));
    const conditionPath = path + ".showIf";
    const conditionPlace = place + " › " + t("conditionLegend");
    const fieldset = element("fieldset", { class: "condition-editor" }, element("legend", { text: t("conditionLegend") }));
    const toggleID = Fields.uid("condition");
    const toggle = element("input", { type: "checkbox", id: toggleID, disabled: earlier.length === 0 && !question.showIf ? true : null });
    toggle.checked = Boolean(question.showIf);
    toggle.addEventListener("change", () => {
      if (toggle.checked) question.showIf = { question: earlier[earlier.length - 1].id };
      else delete question.showIf;
      context.restructure("focus-condition:" + Fields.keyOf(question));
    });
    toggle.setAttribute("data-focus-key", "focus-condition:" + Fields.keyOf(question));
    fieldset.append(element("label", { class: "check-label", for: toggleID }, toggle, element("span", { text: t("conditionToggle") })));
    if (earlier.length === 0 && !question.showIf) fieldset.append(element("p", { class: "help", text: t("conditionNoEarlier") }));
    const slot = Fields.group(conditionPath, fieldset, toggle, conditionPlace);
    if (question.showIf) fieldset.append(...conditionFields(question, earlier, conditionPath, conditionPlace, context));
    fieldset.append(slot);
    return fieldset;
  }

  function conditionFields(question, earlier, path, place, context) {
    const showIf = question.showIf;
    const known = earlier.some((candidate) => candidate.id === showIf.question);
    const choices = earlier.map((candidate) => ({
      value: candidate.id,
      text: (context.definition.questions.indexOf(candidate) + 1) + ". " + (FormStudio.localText(candidate.label) || candidate.id),
    }));
    if (!known) choices.unshift({ value: showIf.question || "", text: t("conditionUnknown", { id: showIf.question || "" }) });
    const chooser = Fields.select({ value: showIf.question || "", path: path + ".question", label: t("conditionQuestion"),
      place: place + " › " + t("conditionQuestion"), choices,
      onChange: (value) => {
        question.showIf = { question: value };
        context.restructure("focus-condition-question:" + Fields.keyOf(question));
      } });
    chooser.querySelector("select").setAttribute("data-focus-key", "focus-condition-question:" + Fields.keyOf(question));
    const target = earlier.find((candidate) => candidate.id === showIf.question);
    if (!target) return [chooser];
    return [chooser, conditionValues(question, target, path, place, context)];
  }

  function conditionValues(question, target, path, place, context) {
    const showIf = question.showIf;
    const answers = answersOf(target);
    const legend = t(target.type === "multiple_choice" ? "conditionWhenAny" : "conditionWhen");
    const group = element("fieldset", { class: "condition-values" }, element("legend", { text: legend }));
    const valuePath = path + ("in" in showIf ? ".in" : ".equals");
    let focus;
    if (answers) {
      const single = target.type === "yes_no";
      const name = Fields.uid("condition-value");
      const chosen = valuesOf(showIf);
      for (const answer of answers) {
        const id = Fields.uid("value");
        const input = element("input", { type: single ? "radio" : "checkbox", id, name });
        input.checked = chosen.some((value) => value === answer.value);
        input.addEventListener("change", () => {
          const picked = [...group.querySelectorAll("input")].map((box, position) => (box.checked ? answers[position].value : undefined))
            .filter((value) => value !== undefined);
          setValues(showIf, picked);
          context.changed();
        });
        focus = focus || input;
        group.append(element("label", { class: "check-label", for: id }, input, element("span", { text: answer.text })));
      }
    } else {
      // A number or a text: the one value it must equal.
      const holder = { value: "equals" in showIf ? showIf.equals : undefined };
      const id = Fields.uid("value");
      const input = element("input", { id, type: target.type === "number" ? "number" : "text", step: "any" });
      input.value = holder.value === undefined ? "" : String(holder.value);
      input.addEventListener("input", () => {
        const text = input.value.trim();
        const value = target.type === "number" ? (text === "" ? undefined : Number(text)) : text || undefined;
        setValues(showIf, value === undefined || Number.isNaN(value) ? [] : [value]);
        context.changed();
      });
      focus = input;
      group.append(element("label", { for: id, text: t("conditionEquals") }), input);
    }
    const slot = Fields.group(valuePath, group, focus, place + " › " + legend);
    Fields.register(path + ".equals", { focus, slot, place: place + " › " + legend, group });
    Fields.register(path + ".in", { focus, slot, place: place + " › " + legend, group });
    group.append(slot);
    return group;
  }

  /// Every question whose condition points at `from` points at `to` instead (a question id changed).
  function renameQuestion(definition, from, to) {
    for (const question of definition.questions) {
      if (question.showIf && question.showIf.question === from) question.showIf.question = to;
    }
  }

  return { editor, valueFields, newOption, condition, renameQuestion, CONDITION_TYPES };
})();
