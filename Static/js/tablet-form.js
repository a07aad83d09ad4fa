"use strict";
// One citizen's form: pages split at sections, conditions, validation and the answers in the shape
// the server checks. Built fresh for every citizen; it never writes to history or web storage.
// Every problem, the tablet's own or the server's, is shown at its question or contact field with
// what to do, and focus goes to the first one, on its page.
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

  function pageOf(node) {
    const page = node.closest(".form-page");
    return page ? Number(page.dataset.page) : 0;
  }

  function pageControls(index) {
    return current.controls.filter((control) => pageOf(control.element) === index);
  }

  function showSummary(text) {
    const summary = document.getElementById("form-errors");
    summary.textContent = text;
    summary.hidden = !text;
  }

  // Where a question's problem is shown: the same shape as Contact.target's.
  const controlTarget = (control) => ({ element: control.element, show: control.showError, focus: control.focus });

  // The problems the tablet sees itself among `controls` (and in the contact block, when asked):
  // required questions left empty, contact details that cannot be right. Old marks are cleared.
  function problemsIn(controls, withContact) {
    const known = answers();
    const found = [];
    for (const control of controls) {
      if (!control.value) continue;
      control.clearError();
      if (!isVisible(control.question, known)) continue;
      if (control.question.required && known[control.question.id] === undefined) {
        found.push({ target: controlTarget(control), text: current.ui.requiredError });
      }
    }
    if (withContact) {
      Contact.clearErrors();
      for (const problem of Contact.validate(current.ui)) {
        const target = Contact.target(problem.field);
        if (target) found.push({ target, text: problem.text });
      }
    }
    return found;
  }

  // Shows every problem at its place and the summary; the first in reading order gets its page
  // and the focus, so a screen reader reads it and a citizen sees what to fix.
  function mark(found, summaryText, { moveFocus = true } = {}) {
    for (const { target, text } of found) target.show(text);
    const first = found.map((problem) => problem.target).sort((a, b) =>
      (a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))[0];
    if (first && pageOf(first.element) !== current.pageIndex) showPage(pageOf(first.element), { focus: false });
    showSummary(summaryText);
    current.errorsShown = found.length > 0;
    if (first && moveFocus) first.focus();
  }

  function showPage(index, { focus = true } = {}) {
    current.pageIndex = index;
    document.querySelectorAll(".form-page").forEach((page, pageIndex) => { page.hidden = pageIndex !== index; });
    const last = index === current.pageCount - 1;
    document.getElementById("back").hidden = index === 0;
    document.getElementById("next").hidden = last;
    document.getElementById("submit").hidden = !last;
    // The title and the introduction greet the citizen once; later pages start with their section.
    document.querySelectorAll("#form-title, #form-intro").forEach((node) => { node.hidden = index > 0; });
    const progress = document.getElementById("form-progress");
    progress.hidden = current.pageCount < 2;
    progress.textContent = (current.ui.pageOf || "{page} / {pages}")
      .replace("{page}", String(index + 1)).replace("{pages}", String(current.pageCount));
    showSummary("");
    current.errorsShown = false;
    if (!focus) return;
    // The new page's heading (or the form's title) is where a screen reader picks up again.
    const heading = document.querySelector('.form-page[data-page="' + index + '"] h2.section') || document.getElementById("form-title");
    heading.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }

  function next() {
    const found = problemsIn(pageControls(current.pageIndex), current.pageIndex === current.contactPage);
    if (found.length === 0) showPage(current.pageIndex + 1);
    else mark(found, current.ui.fixErrors);
  }

  // The server's problems, each at its question or contact field (`contact.email`, …); a problem
  // with no place on this form is said in the summary, so none goes unseen.
  function showProblems(problems, summaryText) {
    const found = [];
    const unplaced = [];
    for (const problem of problems) {
      const field = problem.question || problem.field || "";
      const control = current.controls.find((candidate) => candidate.question.id === field && candidate.showError);
      const target = control ? controlTarget(control) : Contact.target(field);
      if (target) found.push({ target, text: problem.reason });
      else if (problem.reason) unplaced.push(problem.reason);
    }
    mark(found, [summaryText, ...unplaced].filter(Boolean).join(" "));
  }

  // What the citizen has done so far, to carry over to the form rebuilt in the other language.
  function snapshot() {
    const controls = {};
    for (const control of current.controls) {
      if (control.snapshot) controls[control.question.id] = control.snapshot();
    }
    return { pageIndex: current.pageIndex, controls, contact: Contact.snapshot(), errorsShown: current.errorsShown };
  }

  function restore(saved) {
    for (const control of current.controls) {
      if (control.restore && control.question.id in saved.controls) control.restore(saved.controls[control.question.id]);
    }
    Contact.restore(saved.contact);
    applyConditions();
    showPage(Math.min(saved.pageIndex, current.pageCount - 1), { focus: false });
    // Marks shown before the switch come back in the new language (the tablet's own checks).
    if (saved.errorsShown) {
      const found = problemsIn(pageControls(current.pageIndex), current.pageIndex === current.contactPage);
      if (found.length > 0) mark(found, current.ui.fixErrors, { moveFocus: false });
    }
  }

  function build(form, strings, { onSubmit, onStart }) {
    current = { controls: [], pageIndex: 0, pageCount: 1, ui: strings, contactPage: -1, errorsShown: false };
    Contact.reset();
    // autocomplete="off": the browser must not offer one citizen's words to the next.
    const formElement = element("form", { id: "answers", novalidate: true, autocomplete: "off", "aria-labelledby": "form-title" });
    const header = [
      element("p", { id: "form-progress", class: "progress", hidden: true }),
      element("h1", { id: "form-title", tabindex: "-1", text: form.title }),
    ];
    if (form.intro) header.push(element("p", { id: "form-intro", class: "intro", text: form.intro }));
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
    if (form.contact) {
      formElement.lastElementChild.append(Contact.build(form.contact, strings));
      current.contactPage = current.pageCount - 1;
    }
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
      const found = problemsIn(current.controls, current.contactPage >= 0);
      if (found.length > 0) return mark(found, current.ui.fixErrors);
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
    snapshot,
    controls: () => current.controls,
    pageIndex: () => current.pageIndex,
    // Called after the elements are in the document, so conditions can hide what they hide; with
    // a snapshot (a language switch) the citizen's answers, page and marks come back.
    ready(saved) {
      if (saved) return restore(saved);
      applyConditions();
      showPage(0);
    },
  };
})();
