"use strict";
// The run page's theme list: per theme its label, kind, key terms, size and share; a panel with
// quotes and every answer in it (with the correction controls); the merge bar and the decisions.
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

  function quoteList(theme, context) {
    const quotes = theme.quotes || [];
    if (!quotes.length) return null;
    return element("div", { class: "quotes" }, element("h4", { text: t("quotesTitle") }),
      element("ul", { class: "quote-list" }, ...quotes.map((quote) => element("li", {},
        element("blockquote", { class: "quote", "data-answer": quote.answerId }, element("p", { text: quote.text })),
        element("p", { class: "quote-source", text: t("quoteFrom", { session: context.sessionTitle(quote.session) }) })))));
  }

  function answerItem(answer, theme, context) {
    const textId = "answer-text-" + context.nextNumber();
    const { tick, controls } = AnalystCorrections.answerControls(answer, theme, context.themes, context, textId);
    const meta = element("p", { class: "answer-meta" },
      element("span", { text: context.questionLabel(answer.question) }), " · ",
      element("span", { text: context.sessionTitle(answer.session) }));
    if ((answer.terms || []).length) meta.append(" · ", terms(answer.terms, "answer-terms"));
    if (answer.decided) meta.append(" ", element("span", { class: "decided", text: t("decidedBadge") }));
    return element("li", { class: "answer", "data-answer": answer.answerId },
      element("div", { class: "answer-pick" }, tick),
      element("div", { class: "answer-body" }, element("p", { class: "answer-text", id: textId, text: answer.text }), meta, controls));
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
    const parts = [quoteList(theme, context), element("h4", { text: t("answersTitle", { count: answers.length }) })];
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
        element("h3", { class: "theme-label", id: headingId, tabindex: "-1", text: theme.label }),
        Analyst.kindBadge(theme.kind)),
      element("p", { class: "theme-numbers" },
        element("span", { class: "theme-size", text: t("themeSize", { size: Analyst.formatNumber(theme.size) }) }),
        shareMeter(theme)));
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
    Analyst.fill(document.getElementById("themes"),
      ...themes.map((theme, index) => themeItem(theme, index, byTheme.get(theme.key) || [], context, merge.update)));
    Analyst.fill(document.getElementById("merge"), merge.bar);
    Analyst.fill(document.getElementById("decisions-box"), ...AnalystCorrections.decisionList(result.decisions || [], context));
  }

  /// Moves focus to a theme's heading after a redraw (or the list's heading when it is gone).
  function focusTheme(key) {
    const item = [...document.querySelectorAll("#themes > li")].find((node) => node.dataset.themeKey === key);
    (item?.querySelector(".theme-label") || document.getElementById("themes-title")).focus();
  }

  return { render, focusTheme };
})();
