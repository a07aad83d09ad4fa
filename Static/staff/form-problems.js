"use strict";
// The server's problems at the fields they concern, and a summary that links to each one. A text
// written in one language only is not shown as an error: it is marked as a missing translation
// while you type, and listed apart (a draft may lack translations; a published form may not).
window.FormProblems = (() => {
  const { t, element } = Staff;
  let marked = [];
  let lastProblems = [];

  function isTranslationGap(entry) {
    if (!entry || !entry.translation || entry.input.value.trim() !== "") return false;
    const other = entry.input.lang === "da" ? "en" : "da";
    const pair = entry.input.closest(".translation-pair");
    const partner = pair && pair.querySelector("[lang=" + other + "]");
    return Boolean(partner && partner.value.trim() !== "");
  }

  function clear() {
    for (const { slot, input, field } of marked) {
      slot.textContent = "";
      slot.hidden = true;
      if (input) input.removeAttribute("aria-invalid");
      if (field) field.classList.remove("has-error");
    }
    marked = [];
    for (const badge of document.querySelectorAll(".card-problems")) badge.hidden = true;
  }

  /// Shows `problems` at their fields; answers the ones that are not just missing translations.
  function show(problems) {
    clear();
    lastProblems = problems;
    const real = [];
    const perCard = new Map();
    for (const problem of problems) {
      const entry = FormFields.lookup(problem.path);
      if (isTranslationGap(entry)) continue;
      real.push({ problem, entry });
      if (!entry || FormFields.isQuiet(entry)) continue;
      const slot = entry.slot;
      slot.textContent = (slot.hidden ? "" : slot.textContent + " ") + problem.reason;
      slot.hidden = false;
      // The field itself is invalid only when the problem is about it, not about a part it stands for.
      const input = !entry.group && entry.focus && /^(INPUT|SELECT|TEXTAREA)$/.test(entry.focus.tagName) ? entry.focus : null;
      if (input) input.setAttribute("aria-invalid", "true");
      const field = slot.closest(".field");
      if (field) field.classList.add("has-error");
      marked.push({ slot, input, field });
      const card = slot.closest(".question-card");
      if (card) perCard.set(card, (perCard.get(card) || 0) + 1);
    }
    for (const [card, count] of perCard) {
      const badge = card.querySelector(".card-problems");
      badge.textContent = count === 1 ? t("oneProblem") : t("problemCount", { count });
      badge.hidden = false;
    }
    return real;
  }

  /// Brings a field into view (opening a folded card or a closed part) and puts the cursor in it.
  function goTo(node) {
    if (!node) return;
    FormQuestions.reveal(node);
    node.scrollIntoView({ block: "center" });
    node.focus({ preventScroll: true });
  }

  function link(text, node) {
    if (!node) return element("span", { text });
    if (!node.id) node.id = FormFields.uid("target");
    const anchor = element("a", { href: "#" + node.id, text });
    anchor.addEventListener("click", (event) => {
      event.preventDefault();
      goTo(node);
    });
    return anchor;
  }

  /// The summary above the editor: what stops publishing, and which translations are missing.
  // Red for problems, amber for translations only, a calm line when all is well.
  function summarize(panel, real, gaps, state) {
    const heading = element("h2", { id: "problems-title", tabindex: "-1" });
    const parts = [heading];
    panel.dataset.state = real.length ? "problems" : gaps.length ? "gaps" : "ok";
    const gapList = () => element("ul", { class: "problem-list" }, ...gaps.map((gap) =>
      element("li", {}, link(gap.place + " – " + t(gap.language === "da" ? "missingDanish" : "missingEnglish"), gap.input))));
    if (real.length) {
      heading.textContent = real.length === 1 ? t("problemsOneTitle") : t("problemsTitle", { count: real.length });
      parts.push(element("p", { class: "help", text: t("problemsHelp") }),
        element("ul", { class: "problem-list" }, ...real.map(({ problem, entry }) => element("li", {},
          link((entry ? entry.place : FormStudio.humanPath(problem.path)) + ": " + problem.reason, entry && (entry.focus || entry.slot))))));
      if (gaps.length) {
        parts.push(element("details", { class: "translation-gaps" },
          element("summary", { text: gaps.length === 1 ? t("gapsOne") : t("gapsCount", { count: gaps.length }) }),
          element("p", { class: "help", text: t("gapsHelp") }), gapList()));
      }
    } else if (gaps.length) {
      heading.textContent = gaps.length === 1 ? t("gapsOne") : t("gapsCount", { count: gaps.length });
      parts.push(element("p", { class: "help", text: t("gapsHelp") }), gapList());
    } else {
      heading.textContent = t("problemsNoneTitle");
      parts.push(element("p", { text: state.hasUnsaved ? t("problemsAfterSave") : t("problemsNone") }));
    }
    panel.replaceChildren(...parts);
  }

  return { show, summarize, goTo, clear, last: () => lastProblems };
})();
