"use strict";
// The run page's answer search: words or phrases (the server matches stems and compound parts;
// commas separate alternatives), optionally within one theme; the matching answers listed with
// ticks (all ticked at first); then one correction for all of them: move to a theme, split off as
// a new theme, or make a theme of the search. With every match ticked the correction is the search
// itself and gathers new matching answers on every re-run; with some unticked it names the ticked
// answers. Citizen text goes in through textContent only.
window.AnalystSearch = (() => {
  const { t, element } = Staff;
  const state = { query: "", theme: "", answers: [], context: null, busy: false };
  const form = () => document.getElementById("search-form");
  const input = () => document.getElementById("search-query");
  const scope = () => document.getElementById("search-theme");
  const box = () => document.getElementById("search-results");

  /// Marks, in an answer's text, the whole words holding a searched word's beginning ("bus" marks
  /// "skolebussen", "ensomhed" marks "ensomheden"); the server decided what matched, this only shows where.
  function highlighted(text, query) {
    const beginnings = query.toLowerCase().split(/[\s,;]+/).filter((word) => word.length >= 3)
      .map((word) => word.slice(0, Math.max(3, word.length - 2)));
    const paragraph = element("p", { class: "answer-text" });
    if (!beginnings.length) {
      paragraph.textContent = text;
      return paragraph;
    }
    for (const part of text.split(/([\p{L}\p{N}]+)/u)) {
      if (!part) continue;
      const lower = part.toLowerCase();
      const hit = /[\p{L}\p{N}]/u.test(part) && beginnings.some((beginning) => lower.includes(beginning));
      paragraph.append(hit ? element("mark", { text: part }) : document.createTextNode(part));
    }
    return paragraph;
  }

  function ticked() {
    return [...box().querySelectorAll(".search-pick:checked")].map((node) => node.value);
  }

  /// Whether the correction can be the search itself: every match ticked (and, for a move or a new
  /// theme from the search, no theme limit, since those act on every match wherever it is).
  function wholeSearch() {
    return state.answers.length > 0 && ticked().length === state.answers.length;
  }

  function describeScope() {
    const chosen = ticked().length;
    if (!chosen) return t("searchNoneTicked");
    if (wholeSearch()) return t(state.theme ? "searchScopeWholeInTheme" : "searchScopeWhole", { query: state.query });
    return t("searchScopePicked", { count: chosen });
  }

  function answerItem(answer, context, number) {
    const textId = "search-answer-" + number;
    const tick = element("input", { type: "checkbox", class: "search-pick", value: answer.answerId, checked: true,
      "aria-describedby": textId, "aria-label": t("searchPick") });
    const text = highlighted(answer.text, state.query);
    text.id = textId;
    const labels = new Map(context.themes.map((theme) => [theme.key, theme.label]));
    const meta = element("p", { class: "answer-meta" },
      element("span", { text: context.questionLabel(answer.question) }), " · ",
      element("span", { text: context.sessionTitle(answer.session) }));
    if (answer.purpose) meta.append(" · ", element("span", { class: "purpose-tag purpose-" + answer.purpose, text: Analyst.purposeLabel(answer.purpose) }));
    meta.append(element("br"), element("span", { class: "answer-themes" }, element("span", { class: "small-label", text: t("answerThemes") + ": " }),
      ...(answer.themes || []).map((key, index) => element("span", { class: "answer-theme" + (index === 0 ? " current" : ""), "data-theme": key,
        text: labels.get(key) || key }))));
    return element("li", { class: "answer", "data-answer": answer.answerId },
      element("div", { class: "answer-pick" }, tick), element("div", { class: "answer-body" }, text, meta));
  }

  /// The found answers, the tick-all box and the three corrections.
  function drawResults() {
    const context = state.context;
    const results = box();
    if (!state.answers.length) {
      Analyst.fill(results, element("p", { id: "search-count", class: "search-count", role: "status", tabindex: "-1",
        text: t("searchNone", { query: state.query }) }));
      results.hidden = false;
      return;
    }
    const all = element("input", { type: "checkbox", id: "search-all", checked: true });
    const scopeNote = element("p", { id: "search-scope", class: "notice search-scope", role: "status" });
    const list = element("ul", { id: "search-list", class: "answers search-list" },
      ...state.answers.map((answer, index) => answerItem(answer, context, index + 1)));
    const moveSelect = AnalystCorrections.themeSelect("search-move-to", context.themes, null);
    const moveButton = element("button", { type: "button", id: "search-move", class: "secondary", text: t("searchMove") });
    const name = element("input", { type: "text", id: "search-name", maxlength: "120", autocomplete: "off",
      "aria-describedby": "search-name-error search-name-help" });
    const nameError = element("p", { id: "search-name-error", class: "field-error", role: "alert", hidden: true });
    const split = element("button", { type: "button", id: "search-split", class: "secondary", text: t("searchSplit") });
    const theme = element("button", { type: "button", id: "search-theme-from", class: "primary", text: t("searchMakeTheme") });
    const update = () => {
      const count = ticked().length;
      all.checked = count === state.answers.length;
      all.indeterminate = count > 0 && count < state.answers.length;
      scopeNote.textContent = describeScope();
    };
    all.addEventListener("change", () => {
      for (const node of list.querySelectorAll(".search-pick")) node.checked = all.checked;
      update();
    });
    list.addEventListener("change", update);

    moveButton.addEventListener("click", () => {
      if (!moveSelect.value) return context.complain(t("moveMissing"), moveSelect);
      const body = wholeSearch() && !state.theme
        ? { kind: "moveMatching", query: state.query, to: moveSelect.value }
        : { kind: "moveAnswers", answers: ticked(), to: moveSelect.value };
      decide(body, moveSelect.value, moveButton);
    });
    const named = () => {
      Staff.clearFieldErrors(results);
      const label = name.value.trim();
      if (!label) {
        Staff.showFieldError(name, t("searchNameMissing"));
        name.focus();
      }
      return label;
    };
    split.addEventListener("click", () => {
      const label = named();
      if (!label) return;
      const picked = ticked();
      const first = state.answers.find((answer) => answer.answerId === picked[0]);
      const body = wholeSearch() && state.theme
        ? { kind: "splitMatching", theme: state.theme, query: state.query, label }
        : { kind: "split", theme: state.theme || (first?.themes || [])[0], answers: picked, label };
      decide(body, null, split);
    });
    theme.addEventListener("click", () => {
      const label = named();
      if (!label) return;
      if (!wholeSearch() || state.theme) return context.complain(t("searchMakeThemeWhole"), theme);
      decide({ kind: "themeFromSearch", query: state.query, label }, null, theme);
    });

    Analyst.fill(results,
      element("p", { id: "search-count", class: "search-count", role: "status", tabindex: "-1",
        text: t("searchFound", { count: Analyst.formatNumber(state.answers.length), query: state.query }) }),
      element("label", { class: "pick pick-all search-all-label", for: "search-all" }, all, element("span", { text: t("searchTickAll") })),
      list,
      element("div", { class: "search-actions" },
        element("h3", { class: "small-heading", text: t("searchActionsTitle") }), scopeNote,
        element("div", { class: "search-action" },
          element("label", { for: "search-move-to", text: t("searchMoveLabel") }), moveSelect, moveButton),
        element("div", { class: "search-action field" },
          element("label", { for: "search-name", text: t("searchNameLabel") }), name,
          element("p", { id: "search-name-help", class: "help", text: t("searchNameHelp") }), nameError,
          element("div", { class: "actions" }, split, theme))));
    results.hidden = false;
    update();
  }

  async function decide(body, focusKey, button) {
    if (!body.answers && !body.query) return;
    if (body.answers && !body.answers.length) return state.context.complain(t("searchNoneTicked"), button);
    button.disabled = true;
    const outcome = await state.context.decide(body, focusKey);
    button.disabled = false;
    if (!outcome.ok) return;
    await search(state.query, state.theme, true);
    // A new theme is found by its name: the analyst sees where the answers went.
    const made = body.label && state.context.themes.find((theme) => theme.label === body.label);
    if (made) AnalystResults.focusTheme(made.key);
  }

  /// Runs a search and draws its answers; `quiet` keeps focus where it is (after a correction).
  async function search(query, theme, quiet) {
    const run = state.context.run();
    const error = document.getElementById("search-query-error");
    Staff.clearFieldErrors(form());
    const params = new URLSearchParams({ q: query });
    if (theme) params.set("theme", theme);
    let response;
    try {
      response = await Staff.api("GET", "/api/analyst/runs/" + encodeURIComponent(run.id) + "/search?" + params.toString());
    } catch {
      Staff.showFieldError(input(), t("networkError"));
      return;
    }
    if (response.status !== 200) {
      const problem = (response.body?.errors || []).find((entry) => entry.field === "q");
      Staff.showFieldError(input(), problem?.reason || Staff.failure(response));
      if (!quiet) input().focus();
      error.hidden = false;
      return;
    }
    state.query = response.body.query;
    state.theme = response.body.theme || "";
    state.answers = response.body.answers || [];
    drawResults();
    if (!quiet) document.getElementById("search-count")?.focus();
  }

  /// Fills the theme choice from the result shown; called on every redraw of the results.
  function render(result, context) {
    state.context = context;
    const select = scope();
    const chosen = select.value;
    Analyst.fill(select, element("option", { value: "", text: t("searchEverywhere") }),
      ...(result.themes || []).map((theme) => element("option", { value: theme.key, text: theme.label })));
    select.value = [...select.options].some((option) => option.value === chosen) ? chosen : "";
    form().hidden = false;
  }

  function wire() {
    form().addEventListener("submit", (event) => {
      event.preventDefault();
      const query = input().value.trim();
      if (!query) {
        Staff.clearFieldErrors(form());
        Staff.showFieldError(input(), t("searchMissing"));
        input().focus();
        return;
      }
      search(query, scope().value, false);
    });
  }

  return { render, wire };
})();
