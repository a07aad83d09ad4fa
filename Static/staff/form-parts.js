"use strict";
// The parts of a form around its questions: title and welcome text, the policy's themes, and the
// optional contact block.
window.FormParts = (() => {
  const { t, element } = Staff;
  const Fields = FormFields;

  function about(definition) {
    return [
      Fields.translation({ owner: definition, key: "title", path: "$.title", label: t("fieldTitle"), place: t("fieldTitle") }),
      Fields.translation({ owner: definition, key: "intro", path: "$.intro", label: t("fieldIntro"), help: t("fieldIntroHelp"),
        multiline: true, optional: true, place: t("fieldIntro") }),
    ];
  }

  function newTheme(context) {
    const taken = new Set(context.definition.themes.map((theme) => theme.key));
    const theme = { key: FormStudio.unique("tema-" + (context.definition.themes.length + 1), taken),
      name: { da: "", en: "" }, description: { da: "", en: "" } };
    context.fresh.add(theme);
    return theme;
  }

  function renameThemeKey(definition, from, to) {
    for (const question of definition.questions) {
      if (Array.isArray(question.themes)) question.themes = question.themes.map((key) => (key === from ? to : key));
    }
  }

  // While a theme is new, its key follows its Danish name (and the questions tagged with it follow too).
  function followName(theme, context, keyInput) {
    if (!context.fresh.has(theme) || context.manual.has(theme)) return;
    const taken = new Set(context.definition.themes.filter((other) => other !== theme).map((other) => other.key));
    const key = FormStudio.unique(FormStudio.slug(theme.name.da, "tema"), taken);
    if (key === theme.key) return;
    renameThemeKey(context.definition, theme.key, key);
    theme.key = key;
    keyInput.value = key;
  }

  function themes(definition, context) {
    const list = element("ol", { class: "theme-list" });
    definition.themes.forEach((theme, index) => list.append(themeCard(theme, index, context)));
    Fields.sortable(list, definition.themes, (theme) => FormStudio.localText(theme.name) || theme.key);
    const add = element("button", { type: "button", class: "secondary add-button", id: "add-theme", text: t("addTheme") });
    add.addEventListener("click", () => {
      const theme = newTheme(context);
      definition.themes.push(theme);
      context.restructure("focus-theme:" + Fields.keyOf(theme));
    });
    return [list, add];
  }

  function themeCard(theme, index, context) {
    const definition = context.definition;
    const path = "$.themes[" + index + "]";
    const name = t("themeNumbered", { number: index + 1 });
    const heading = element("h3", { class: "theme-heading", text: name + (FormStudio.localText(theme.name) ? ": " + FormStudio.localText(theme.name) : "") });
    const remove = element("button", { type: "button", class: "icon-button danger-text", text: "✕", title: t("remove"),
      "aria-label": t("removeNamed", { name }) });
    remove.addEventListener("click", () => {
      // The tags go with the theme, and come back with it on undo.
      const tagged = definition.questions.filter((question) => (question.themes || []).includes(theme.key));
      context.remove(definition.themes, index, name, {
        onRemove: () => tagged.forEach((question) => {
          question.themes = question.themes.filter((key) => key !== theme.key);
          if (!question.themes.length) delete question.themes;
        }),
        onUndo: () => tagged.forEach((question) => { question.themes = (question.themes || []).concat(theme.key); }),
      });
    });
    const card = element("li", { class: "theme-card", id: "theme-" + Fields.keyOf(theme) },
      element("div", { class: "card-header" }, Fields.dragHandle(name), heading,
        element("div", { class: "row-tools" }, ...Fields.moveButtons(definition.themes, index, name), remove)));
    const slot = Fields.group(path, card, heading, name);
    const nameField = Fields.translation({ owner: theme, key: "name", path: path + ".name", label: t("themeName"),
      help: t("themeNameHelp"), place: name + " › " + t("themeName") });
    let keyInput = null;
    nameField.querySelector("[lang=da]").setAttribute("data-focus-key", "focus-theme:" + Fields.keyOf(theme));
    nameField.querySelectorAll("input").forEach((input) => input.addEventListener("input", () => {
      heading.textContent = name + (FormStudio.localText(theme.name) ? ": " + FormStudio.localText(theme.name) : "");
      if (input.lang === "da" && keyInput) followName(theme, context, keyInput);
    }));
    const users = definition.questions
      .map((question, position) => ((question.themes || []).includes(theme.key) ? String(position + 1) : null)).filter(Boolean);
    const codes = element("details", { class: "codes" }, element("summary", { text: t("codesSummary") }));
    const keyField = Fields.text({ owner: theme, key: "key", path: path + ".key", label: t("themeKey"), help: t("themeKeyHelp"),
      place: name + " › " + t("themeKey"), className: "code-input",
      onInput: (value) => { context.manual.add(theme); renameThemeKey(definition, theme.key, value); } });
    keyInput = keyField.querySelector("input");
    codes.append(keyField);
    card.append(slot, nameField,
      Fields.translation({ owner: theme, key: "description", path: path + ".description", label: t("themeDescription"),
        help: t("themeDescriptionHelp"), multiline: true, rows: 2, place: name + " › " + t("themeDescription") }),
      keywords(theme, path, name),
      element("p", { class: "help theme-users", text: users.length ? t("themeUsedBy", { list: users.join(", ") }) : t("themeUnused") }),
      codes);
    return card;
  }

  // Keywords are per language and never shown to citizens, so either side may stay empty.
  function keywords(theme, path, place) {
    const label = element("p", { class: "field-label", id: Fields.uid("label"), text: t("themeKeywords") + " " + t("optionalMark") });
    const help = Fields.helpText(t("themeKeywordsHelp"));
    const sides = ["da", "en"].map((language) => {
      const id = Fields.uid("keywords");
      const languageLabel = element("label", { for: id, id: Fields.uid("language"), class: "language-label",
        text: t(language === "da" ? "languageDanish" : "languageEnglish") });
      const error = Fields.errorSlot();
      const input = element("input", { type: "text", id, lang: language, "data-path": path + ".keywords." + language,
        "aria-labelledby": label.id + " " + languageLabel.id, "aria-describedby": Fields.describedBy(help, error) });
      input.value = ((theme.keywords || {})[language] || []).join(", ");
      input.addEventListener("input", () => {
        const words = input.value.split(",").map((word) => word.trim()).filter(Boolean);
        theme.keywords = theme.keywords || {};
        if (words.length) theme.keywords[language] = words; else delete theme.keywords[language];
        if (!Object.keys(theme.keywords).length) delete theme.keywords;
        Fields.notifyChanged();
      });
      Fields.register(path + ".keywords." + language, { focus: input, slot: error, place: place + " › " + t("themeKeywords") });
      return element("div", { class: "translation-side" }, languageLabel, input, error);
    });
    const groupError = Fields.errorSlot();
    Fields.register(path + ".keywords", { focus: sides[0].querySelector("input"), slot: groupError, place: place + " › " + t("themeKeywords") });
    return element("div", { class: "field translation" }, label, help, element("div", { class: "translation-pair" }, ...sides), groupError);
  }

  const CONTACT_DEFAULTS = {
    label: { da: "Vil du høre mere?", en: "Would you like to hear more?" },
    help: { da: "Dine kontaktoplysninger gemmes adskilt fra dine svar.", en: "Your contact details are stored apart from your answers." },
    consentText: {
      da: "Jeg giver samtykke til, at kommunen gemmer mit navn og min e-mail og kontakter mig om arbejdet med politikken. Jeg kan til enhver tid trække mit samtykke tilbage.",
      en: "I consent to the municipality storing my name and e-mail and contacting me about the work on the policy. I can withdraw my consent at any time.",
    },
    nameLabel: { da: "Navn", en: "Name" },
    emailLabel: { da: "E-mail", en: "E-mail" },
  };

  function contact(definition, context) {
    const id = Fields.uid("contact");
    const toggle = element("input", { type: "checkbox", id, "data-focus-key": "focus-contact" });
    toggle.checked = Boolean(definition.contact);
    toggle.addEventListener("change", () => {
      if (toggle.checked) definition.contact = JSON.parse(JSON.stringify(CONTACT_DEFAULTS)); else delete definition.contact;
      context.restructure("focus-contact");
    });
    const parts = [element("label", { class: "check-label", for: id }, toggle, element("span", { text: t("contactToggle") }))];
    if (!definition.contact) return parts;
    const owner = definition.contact;
    const field = (key, label, options = {}) => Fields.translation(Object.assign({ owner, key, path: "$.contact." + key, label,
      place: t("contactTitle") + " › " + label }, options));
    parts.push(element("p", { class: "help", text: t("contactHelp") }),
      field("label", t("contactLabel")),
      field("help", t("fieldHelp"), { optional: true }),
      field("consentText", t("contactConsent"), { multiline: true, rows: 4, help: t("contactConsentHelp") }),
      element("div", { class: "field-pair" }, field("nameLabel", t("contactName")), field("emailLabel", t("contactEmail"))));
    return parts;
  }

  return { about, themes, contact };
})();
