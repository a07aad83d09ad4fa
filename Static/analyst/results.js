"use strict";
// The run page's theme list, in three groups (the policy's themes, new themes from the answers, the
// rest): per theme its label, kind, key terms, size and share, and its split by what the questions
// asked for (what works, what should change, ideas); a panel with quotes (per side when split) and
// every answer in it with all its themes (and the correction controls); the merge bar and decisions.
// Everything from the result is citizen or analyst text and goes in through textContent only.
window.AnalystResults = (() => {
  const { t, element } = Staff;
  const PAGE_SIZE = 50;
  // What the analyst had open survives a redraw after a correction.
  const view = { open: new Set(), shown: new Map(), picks: [] };

  function answersByTheme(result) {
    const byTheme = new Map();
    for (const answer of result.answers || []) {
      for (const key of answer.themes || []) {
        if (!byTheme.has(key)) byTheme.set(key, []);
        byTheme.get(key).push(answer);
      }
    }
    return byTheme;
  }

  function terms(list, className) {
    return element("span", { class: className }, ...(list || []).map((term) => element("span", { class: "term", text: term })));
  }

  function shareMeter(theme) {
    const share = Math.max(0, Math.min(1, Number(theme.share) || 0));
    const text = t("themeShare", { percent: Analyst.percent(share) });
    return element("span", { class: "share" },
      element("meter", { class: "share-bar", min: "0", max: "1", value: String(share), "aria-label": text }),
      element("span", { class: "share-text", text }));
  }

  // The groups the theme list is shown in, by the themes' kinds.
  const GROUPS = [
    { name: "guided", title: "groupGuided", help: "groupGuidedHelp", kinds: ["guided"] },
    { name: "new", title: "groupNew", help: "groupNewHelp", kinds: ["emerging", "discovered", "analyst"] },
    { name: "rest", title: "groupRest", help: null, kinds: ["other", "offTopic"] },
  ];

  function quoteItems(quotes, context) {
    return element("ul", { class: "quote-list" }, ...quotes.map((quote) => element("li", {},
      element("blockquote", { class: "quote", "data-answer": quote.answerId }, element("p", { text: quote.text })),
      element("p", { class: "quote-source", text: t("quoteFrom", { session: context.sessionTitle(quote.session) }) }))));
  }

  /// The quotes: one list, or one column per purpose when the theme is split by purpose.
  function quoteList(theme, context) {
    const purposes = theme.purposes || [];
    if (purposes.length) {
      return element("div", { class: "purpose-quotes" }, ...purposes.map((group) =>
        element("section", { class: "purpose-side purpose-" + group.purpose, "data-purpose": group.purpose },
          element("h5", { text: Analyst.purposeLabel(group.purpose) + " (" + Analyst.formatNumber(group.size) + ")" }),
          (group.quotes || []).length ? quoteItems(group.quotes, context) : element("p", { class: "muted", text: t("noQuotes") }))));
    }
    const quotes = theme.quotes || [];
    if (!quotes.length) return null;
    return element("div", { class: "quotes" }, element("h5", { text: t("quotesTitle") }), quoteItems(quotes, context));
  }

  /// "Det virker 12 · Det skal ændres 8": the theme's split by purpose, at a glance.
  function purposeSplit(theme) {
    const purposes = theme.purposes || [];
    if (!purposes.length) return null;
    return element("p", { class: "purpose-split" }, element("span", { class: "small-label", text: t("purposeSplit") + ": " }),
      ...purposes.map((group) => element("span", { class: "purpose-count purpose-" + group.purpose, "data-purpose": group.purpose },
        element("span", { class: "purpose-name", text: Analyst.purposeLabel(group.purpose) }), " ",
        element("strong", { text: Analyst.formatNumber(group.size) }))));
  }

  /// Every theme an answer carries, the one it counts under first; `current` is marked.
  function answerThemes(answer, context, current) {
    const keys = answer.themes || [];
    if (keys.length < 2 && keys[0] === current) return null;
    const labels = new Map(context.themes.map((theme) => [theme.key, theme.label]));
    return element("span", { class: "answer-themes" }, element("span", { class: "small-label", text: t("answerThemes") + ": " }),
      ...keys.map((key) => element("span", { class: "answer-theme" + (key === current ? " current" : ""), "data-theme": key,
        text: labels.get(key) || key })));
  }

  /// One answer: its text, question, purpose, meeting, key words, all its themes, badges.
  function answerMeta(answer, context, current) {
    const meta = element("p", { class: "answer-meta" },
      element("span", { text: context.questionLabel(answer.question) }), " · ",
      element("span", { text: context.sessionTitle(answer.session) }));
    if (answer.purpose) {
      meta.append(" · ", element("span", { class: "purpose-tag purpose-" + answer.purpose, text: Analyst.purposeLabel(answer.purpose) }));
    }
    if ((answer.terms || []).length) meta.append(" · ", terms(answer.terms, "answer-terms"));
    if (answer.decided) meta.append(" ", element("span", { class: "decided", text: t("decidedBadge") }));
    const themes = answerThemes(answer, context, current);
    if (themes) meta.append(element("br"), themes);
    return meta;
  }

  function answerItem(answer, theme, context) {
    const textId = "answer-text-" + context.nextNumber();
    const { tick, controls } = AnalystCorrections.answerControls(answer, theme, context.themes, context, textId);
    return element("li", { class: "answer", "data-answer": answer.answerId },
      element("div", { class: "answer-pick" }, tick),
      element("div", { class: "answer-body" }, element("p", { class: "answer-text", id: textId, text: answer.text }),
        answerMeta(answer, context, theme.key), controls));
  }

  function answerList(theme, answers, context) {
    const list = element("ul", { class: "answers" });
    const more = element("button", { type: "button", class: "secondary show-more" });
    const shownCount = () => list.children.length;
    function showUpTo(count) {
      for (const answer of answers.slice(shownCount(), count)) list.append(answerItem(answer, theme, context));
      view.shown.set(theme.key, shownCount());
      const left = answers.length - shownCount();
      more.hidden = left <= 0;
      more.textContent = t("showMore", { count: left });
    }
    more.addEventListener("click", () => {
      const first = shownCount();
      showUpTo(first + PAGE_SIZE);
      list.children[first]?.querySelector("input, button, select")?.focus();
    });
    showUpTo(Math.max(PAGE_SIZE, view.shown.get(theme.key) || 0));
    return { list, more };
  }

  function themePanel(theme, index, answers, context) {
    const panel = element("div", { class: "theme-panel", id: "theme-panel-" + index });
    const parts = [quoteList(theme, context), element("h5", { text: t("answersTitle", { count: answers.length }) })];
    if (!answers.length) {
      parts.push(element("p", { class: "muted", text: t("noAnswers") }));
    } else {
      const { list, more } = answerList(theme, answers, context);
      parts.push(list, more, AnalystCorrections.splitBar(theme, list, context));
    }
    panel.append(...parts.filter(Boolean));
    return panel;
  }

  function themeItem(theme, index, answers, context, mergeUpdate) {
    const headingId = "theme-label-" + index;
    const toggle = element("button", { type: "button", class: "secondary small toggle-answers",
      "aria-controls": "theme-panel-" + index, "aria-describedby": headingId });
    const item = element("li", { class: "theme", "data-theme-key": theme.key, "data-kind": theme.kind },
      element("div", { class: "theme-head" },
        element("h4", { class: "theme-label", id: headingId, tabindex: "-1", text: theme.label }),
        Analyst.kindBadge(theme.kind)),
      element("p", { class: "theme-numbers" },
        element("span", { class: "theme-size", text: t("themeSize", { size: Analyst.formatNumber(theme.size) }) }),
        shareMeter(theme)));
    const split = purposeSplit(theme);
    if (split) item.append(split);
    if ((theme.terms || []).length) {
      item.append(element("p", { class: "theme-terms" },
        element("span", { class: "small-label", text: t("themeTerms") + ": " }), terms(theme.terms, "term-list")));
    }
    const actions = element("div", { class: "theme-actions" }, toggle);
    let renameForm = null;
    if (theme.kind !== "offTopic") {
      const rename = AnalystCorrections.renameControl(theme, context);
      actions.append(rename.button, AnalystCorrections.mergePicker(theme, view.picks, mergeUpdate));
      renameForm = rename.form;
    }
    item.append(actions);
    if (renameForm) item.append(renameForm);
    let panel = null;
    function setOpen(open) {
      if (open && !panel) {
        panel = themePanel(theme, index, answers, context);
        item.append(panel);
      }
      if (panel) panel.hidden = !open;
      toggle.setAttribute("aria-expanded", String(open));
      toggle.textContent = t(open ? "hideAnswers" : "showAnswers");
      if (open) view.open.add(theme.key);
      else view.open.delete(theme.key);
    }
    toggle.addEventListener("click", () => setOpen(toggle.getAttribute("aria-expanded") !== "true"));
    setOpen(view.open.has(theme.key));
    return item;
  }

  /// Draws the theme list, the merge bar and the decision list for `result`.
  function render(result, context) {
    const themes = result.themes || [];
    context.themes = themes;
    const keys = new Set(themes.map((theme) => theme.key));
    for (const key of [...view.open]) if (!keys.has(key)) view.open.delete(key);
    view.picks.splice(0, view.picks.length, ...view.picks.filter((key) => keys.has(key)));
    const byTheme = answersByTheme(result);
    const merge = AnalystCorrections.mergeBar(view.picks, context);
    const groups = GROUPS.map((group) => {
      const members = themes.map((theme, index) => ({ theme, index })).filter(({ theme }) => group.kinds.includes(theme.kind));
      if (!members.length) return null;
      const titleId = "theme-group-" + group.name;
      return element("section", { class: "theme-group", "data-group": group.name, "aria-labelledby": titleId },
        element("h3", { class: "theme-group-title", id: titleId, text: t(group.title, { count: members.length }) }),
        group.help ? element("p", { class: "help", text: t(group.help) }) : null,
        element("ul", { class: "themes", "aria-labelledby": titleId }, ...members.map(({ theme, index }) =>
          themeItem(theme, index, byTheme.get(theme.key) || [], context, merge.update))));
    });
    Analyst.fill(document.getElementById("themes"), ...groups);
    Analyst.fill(document.getElementById("merge"), merge.bar);
    Analyst.fill(document.getElementById("decisions-box"), ...AnalystCorrections.decisionList(result.decisions || [], context));
  }

  /// Moves focus to a theme's heading after a redraw (or the list's heading when it is gone).
  function focusTheme(key) {
    const item = [...document.querySelectorAll("#themes li.theme")].find((node) => node.dataset.themeKey === key);
    (item?.querySelector(".theme-label") || document.getElementById("themes-title")).focus();
  }

  return { render, focusTheme };
})();
