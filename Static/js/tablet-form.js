"use strict";
// One citizen's form: pages split at sections, conditions, validation and the answers in the shape
// the server checks. Built fresh for every citizen; it never writes to history or web storage.
const TabletForm = (() => {
  const { element } = Questions;
  let current = { controls: [], pageIndex: 0, pageCount: 1, ui: {} };

  // Splits the questions into pages at each section.
  function pages(questions) {
    const result = [[]];
    for (const question of questions) {
      if (question.type === "section" && result[result.length - 1].length > 0) result.push([]);
      result[result.length - 1].push(question);
    }
    return result;
  }

  function render(question, strings) {
    switch (question.type) {
      case "section": return { question, element: element("h2", { class: "section", text: question.label }) };
      case "info": return { question, element: element("p", { class: "info", text: question.label }) };
      case "text": return { question, ...Questions.text(question, strings) };
      case "single_choice": return { question, ...Questions.choices(question, strings, false) };
      case "multiple_choice": return { question, ...Questions.choices(question, strings, true) };
      case "scale": return { question, ...Questions.scale(question, strings) };
      case "yes_no": return { question, ...Questions.yesNo(question, strings) };
      case "number": return { question, ...Questions.number(question, strings) };
      case "ranking": return { question, ...Questions.ranking(question, strings) };
      case "points": return { question, ...Questions.points(question, strings) };
      default: return { question, element: element("p", { text: question.label }) };
    }
  }

  function answers() {
    const result = {};
    for (const control of current.controls) {
      if (!control.value || !isVisible(control.question, result)) continue;
      const value = control.value();
      if (value !== undefined) result[control.question.id] = value;
    }
    return result;
  }

  function isVisible(question, known) {
    const condition = question.showIf;
    if (!condition) return true;
    const answer = known[condition.question];
    const matches = (expected) => JSON.stringify(answer) === JSON.stringify(expected)
      || (Array.isArray(answer) && answer.includes(expected))
      || (answer && Array.isArray(answer.selected) && answer.selected.includes(expected));
    if ("equals" in condition) return matches(condition.equals);
    if (Array.isArray(condition.in)) return condition.in.some(matches);
    return true;
  }

  function applyConditions() {
    const known = answers();
    for (const control of current.controls) control.element.hidden = !isVisible(control.question, known);
  }

  function validate(controls) {
    const known = answers();
    let first = null;
    for (const control of controls) {
      if (!control.value) continue;
      control.clearError();
      if (!isVisible(control.question, known)) continue;
      if (control.question.required && known[control.question.id] === undefined) {
        control.showError(current.ui.requiredError);
        first = first || control;
      }
    }
    if (first) first.focus();
    return !first;
  }

  function pageOf(control) {
    const page = control.element.closest(".form-page");
    return page ? Number(page.dataset.page) : 0;
  }

  function pageControls(index) {
    return current.controls.filter((control) => pageOf(control) === index);
  }

  function showSummary(text) {
    const summary = document.getElementById("form-errors");
    summary.textContent = text;
    summary.hidden = !text;
  }

  function showPage(index) {
    current.pageIndex = index;
    document.querySelectorAll(".form-page").forEach((page, pageIndex) => { page.hidden = pageIndex !== index; });
    const last = index === current.pageCount - 1;
    document.getElementById("back").hidden = index === 0;
    document.getElementById("next").hidden = last;
    document.getElementById("submit").hidden = !last;
    showSummary("");
    // The new page's heading (or the form's title) is where a screen reader picks up again.
    const heading = document.querySelector('.form-page[data-page="' + index + '"] h2.section') || document.getElementById("form-title");
    heading.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }

  function next() {
    if (validate(pageControls(current.pageIndex))) showPage(current.pageIndex + 1);
    else showSummary(current.ui.fixErrors);
  }

  // The server's per-question problems, on their questions; the first one's page is shown.
  function showProblems(problems, summaryText) {
    let first = null;
    for (const problem of problems) {
      const control = current.controls.find((candidate) => candidate.question.id === problem.question);
      if (!control || !control.showError) continue;
      control.showError(problem.reason);
      first = first || control;
    }
    if (first && pageOf(first) !== current.pageIndex) showPage(pageOf(first));
    showSummary(summaryText);
    if (first) first.focus();
  }

  function build(form, strings, { onSubmit, onStart }) {
    current = { controls: [], pageIndex: 0, pageCount: 1, ui: strings };
    // autocomplete="off": the browser must not offer one citizen's words to the next.
    const formElement = element("form", { id: "answers", novalidate: true, autocomplete: "off", "aria-labelledby": "form-title" });
    const header = [element("h1", { id: "form-title", tabindex: "-1", text: form.title })];
    if (form.intro) header.push(element("p", { class: "intro", text: form.intro }));
    const pageList = pages(form.questions);
    current.pageCount = pageList.length;
    pageList.forEach((pageQuestions, index) => {
      const page = element("div", { class: "form-page", "data-page": String(index) });
      for (const question of pageQuestions) {
        const control = render(question, strings);
        if (question.type === "section") control.element.setAttribute("tabindex", "-1");
        current.controls.push(control);
        page.append(control.element);
      }
      formElement.append(page);
    });
    if (form.contact) formElement.lastElementChild.append(Contact.build(form.contact, strings));
    const navigation = element("div", { class: "navigation" }, [
      element("button", { type: "button", id: "back", class: "secondary", text: strings.back }),
      element("button", { type: "button", id: "next", class: "primary", text: strings.next }),
      element("button", { type: "submit", id: "submit", class: "primary", text: strings.submit }),
    ]);
    const summary = element("p", { id: "form-errors", class: "field-error", role: "alert", hidden: true });
    formElement.append(summary, navigation);
    const changed = () => { onStart(); applyConditions(); };
    formElement.addEventListener("input", changed);
    formElement.addEventListener("change", changed);
    formElement.addEventListener("click", () => setTimeout(changed, 0));
    formElement.addEventListener("submit", (event) => {
      event.preventDefault();
      // Enter in a text field submits the form from any page: there it means "next".
      if (current.pageIndex < current.pageCount - 1) return next();
      if (!validate(current.controls)) return showSummary(current.ui.fixErrors);
      onSubmit(answers(), Contact.value());
    });
    navigation.querySelector("#back").addEventListener("click", () => showPage(current.pageIndex - 1));
    navigation.querySelector("#next").addEventListener("click", next);
    return [...header, formElement];
  }

  return {
    build,
    showPage,
    showProblems,
    controls: () => current.controls,
    // Called after the elements are in the document, so conditions can hide what they hide.
    ready: () => { applyConditions(); showPage(0); },
  };
})();
