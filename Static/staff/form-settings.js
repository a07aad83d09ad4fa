"use strict";
// The settings each question type has beyond its text (Forms/README.md, "Question types").
window.FormSettings = (() => {
  const { t, element } = Staff;
  const Fields = FormFields;

  /// The fields of `question`'s own type, in the order a person sets them.
  function of(question, path, place, context) {
    const at = (key) => path + "." + key;
    const placed = (label) => place + " › " + label;
    const number = (key, label, options = {}) => Fields.number(Object.assign({ owner: question, key, path: at(key), label, place: placed(label) }, options));
    const check = (key, label, options = {}) => Fields.check(Object.assign({ owner: question, key, path: at(key), label, place: placed(label) }, options));
    const translated = (key, label, options = {}) => Fields.translation(Object.assign({ owner: question, key, path: at(key), label, optional: true, place: placed(label) }, options));
    // Ticking a box that brings its own text field redraws the card; unticking drops the text,
    // which the format refuses without the box.
    const toggling = (key, dependent) => ({
      onChange: (checked) => {
        if (!checked) delete question[dependent];
        context.restructure("focus-" + key + ":" + Fields.keyOf(question));
      },
    });
    const focusable = (node, key) => {
      node.querySelector("input").setAttribute("data-focus-key", "focus-" + key + ":" + Fields.keyOf(question));
      return node;
    };
    switch (question.type) {
      case "text":
        return [
          check("multiline", t("fieldMultiline")),
          element("div", { class: "field-row" },
            number("maxLength", t("fieldMaxLength"), { min: 1, max: 10000, help: t("fieldMaxLengthHelp") })),
          translated("placeholder", t("fieldPlaceholder"), { help: t("fieldPlaceholderHelp") }),
        ];
      case "single_choice":
      case "multiple_choice":
        return [
          FormOptions.editor(question, path, place, context),
          focusable(check("allowOther", t("fieldAllowOther"), toggling("allowOther", "otherLabel")), "allowOther"),
          question.allowOther ? translated("otherLabel", t("fieldOtherLabel"), { help: t("fieldOtherLabelHelp") }) : null,
          question.type === "multiple_choice" ? element("div", { class: "field-row" },
            number("minSelected", t("fieldMinSelected"), { min: 0 }),
            number("maxSelected", t("fieldMaxSelected"), { min: 1, help: t("fieldMaxSelectedHelp") })) : null,
        ].filter(Boolean);
      case "scale":
        return [
          element("div", { class: "field-row" },
            number("min", t("fieldScaleMin"), { placeholder: "1", help: t("fieldScaleMinHelp") }),
            number("max", t("fieldScaleMax"), { placeholder: "5", help: t("fieldScaleMaxHelp") })),
          translated("minLabel", t("fieldMinLabel")),
          translated("maxLabel", t("fieldMaxLabel")),
          focusable(check("allowDontKnow", t("fieldAllowDontKnow"), toggling("allowDontKnow", "dontKnowLabel")), "allowDontKnow"),
          question.allowDontKnow ? translated("dontKnowLabel", t("fieldDontKnowLabel"), { help: t("fieldDontKnowLabelHelp") }) : null,
        ].filter(Boolean);
      case "number":
        return [
          element("div", { class: "field-row" },
            number("min", t("fieldNumberMin"), { integer: false }),
            number("max", t("fieldNumberMax"), { integer: false })),
          check("integer", t("fieldInteger")),
          translated("unit", t("fieldUnit"), { help: t("fieldUnitHelp") }),
        ];
      case "ranking":
      case "points":
        return itemSettings(question, path, place, context, number, check);
      default:
        return [];
    }
  }

  // Ranking and points work over the policy's themes or over options of their own.
  function itemSettings(question, path, place, context, number, check) {
    const fromThemes = question.items === "themes" || (!question.options && question.items !== "options");
    const name = Fields.uid("items");
    const legend = t("fieldItems");
    const group = element("fieldset", { class: "items-choice" }, element("legend", { text: legend }));
    for (const [value, label] of [["themes", t("itemsThemes")], ["options", t("itemsOwn")]]) {
      const id = Fields.uid("items");
      const radio = element("input", { type: "radio", name, id, value, "data-focus-key": "focus-items-" + value + ":" + Fields.keyOf(question) });
      radio.checked = (value === "themes") === fromThemes;
      radio.addEventListener("change", () => {
        if (value === "themes") {
          question.items = "themes";
          delete question.options;
        } else {
          delete question.items;
          question.options = [FormOptions.newOption(question, context)];
          question.options.push(FormOptions.newOption(question, context));
        }
        context.restructure("focus-items-" + value + ":" + Fields.keyOf(question));
      });
      group.append(element("label", { class: "check-label", for: id }, radio, element("span", { text: label })));
    }
    const themeCount = context.definition.themes.length;
    if (fromThemes) {
      group.append(element("p", { class: "help", text: themeCount >= 2
        ? t("itemsThemesList", { names: context.definition.themes.map((theme) => FormStudio.localText(theme.name) || theme.key).join(", ") })
        : t("itemsThemesTooFew", { count: themeCount }) }));
    }
    group.append(Fields.group(path + ".items", group, group.querySelector("input"), place + " › " + legend));
    const fields = [group];
    if (!fromThemes) fields.push(FormOptions.editor(question, path, place, context));
    if (question.type === "ranking") {
      fields.push(number("minRanked", t("fieldMinRanked"), { min: 1, help: t("fieldMinRankedHelp") }));
    } else {
      fields.push(number("total", t("fieldTotal"), { min: 1, max: 1000, help: t("fieldTotalHelp") }),
        check("requireAll", t("fieldRequireAll")));
    }
    return fields;
  }

  return { of };
})();
