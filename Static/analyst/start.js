"use strict";
// /analyst: pick a form, tick its dialogue meetings (and optionally questions), start a run, and see
// the form's earlier runs. A started run opens its own page, which shows the progress.
(() => {
  const { t, element } = Staff;
  const formSelect = document.getElementById("form-id");
  const newRun = document.getElementById("new-run");
  const sessionsBox = document.getElementById("sessions");
  const selectAll = document.getElementById("select-all");
  const questionsBox = document.getElementById("questions");
  const themeCount = document.getElementById("theme-count");
  const startButton = document.getElementById("start-run");
  const startError = document.getElementById("start-error");
  const formsStatus = document.getElementById("forms-status");
  const runsList = document.getElementById("runs");
  const runsStatus = document.getElementById("runs-status");
  let forms = [];
  let runs = [];
  let loaded = false;
  const FORM_KEY = "borgerdialog.analyst.form";

  function currentForm() {
    return forms.find((form) => form.id === formSelect.value) || null;
  }

  function renderFormOptions() {
    const chosen = formSelect.value;
    Analyst.fill(formSelect, element("option", { value: "", text: t("chooseForm") }),
      ...forms.map((form) => element("option", { value: form.id, text: form.title })));
    formSelect.value = chosen;
  }

  function sessionDetails(session) {
    const parts = [session.place, session.startsAt ? Staff.formatDateTime(session.startsAt) : null,
      t("sessionResponses", { count: Analyst.formatNumber(session.responseCount) })];
    return parts.filter(Boolean).join(" · ");
  }

  // Keeps ticks across a language switch: the boxes are rebuilt from the same data.
  function ticked(container) {
    return [...container.querySelectorAll("input[type=checkbox]:checked")].map((box) => box.value);
  }

  function renderSessions() {
    const form = currentForm();
    const keep = new Set(ticked(sessionsBox));
    Analyst.fill(sessionsBox, ...(form ? form.sessions : []).map((session) => {
      const box = element("input", { type: "checkbox", name: "sessions", value: session.code, checked: keep.has(session.code) });
      return element("label", { class: "pick" }, box,
        element("span", { class: "pick-text" },
          element("span", { class: "pick-title", text: session.title || session.code }), " ",
          Staff.statusBadge(session.status),
          element("span", { class: "pick-details", text: sessionDetails(session) })));
    }));
    syncSelectAll();
  }

  function renderQuestions() {
    const form = currentForm();
    const keep = new Set(ticked(questionsBox));
    const texts = (form ? form.questions : []).filter((question) => question.type === "text" && !question.background);
    if (form && texts.length === 0) {
      Analyst.fill(questionsBox, element("p", { class: "muted", text: t("noTextQuestions") }));
      return;
    }
    Analyst.fill(questionsBox, ...texts.map((question) => element("label", { class: "pick" },
      element("input", { type: "checkbox", name: "questions", value: question.id, checked: keep.has(question.id) }),
      element("span", { class: "pick-text", text: question.label }))));
  }

  function syncSelectAll() {
    const boxes = [...sessionsBox.querySelectorAll("input")];
    const count = boxes.filter((box) => box.checked).length;
    selectAll.checked = boxes.length > 0 && count === boxes.length;
    selectAll.indeterminate = count > 0 && count < boxes.length;
    selectAll.disabled = boxes.length === 0;
  }

  function sessionTitle(code) {
    const session = (currentForm()?.sessions || []).find((candidate) => candidate.code === code);
    return session ? session.title || code : code;
  }

  function renderRuns() {
    runsStatus.textContent = runs.length ? "" : t("runsEmpty");
    Analyst.fill(runsList, ...runs.map((run) => {
      const started = Staff.formatDateTime(run.createdAt);
      const questions = (run.questions || []).length ? String(run.questions.length) : t("allQuestions");
      return element("li", { class: "run-item" },
        element("a", { href: Analyst.runAddress(run.id), class: "run-link", text: started,
          "aria-label": t("openRun", { time: started }) }),
        " ", Analyst.runStatusBadge(run.status),
        element("span", { class: "run-details", text: (run.sessions || []).map(sessionTitle).join(", ") }),
        element("span", { class: "run-details", text: t("columnQuestions") + ": " + questions }));
    }));
  }

  async function loadRuns() {
    const form = currentForm();
    runs = [];
    if (!form) {
      renderRuns();
      runsStatus.textContent = "";
      return;
    }
    try {
      const result = await Staff.api("GET", "/api/analyst/runs?formId=" + encodeURIComponent(form.id));
      if (result.status !== 200) {
        runsStatus.textContent = Staff.failure(result);
        return;
      }
      if (form !== currentForm()) return; // another form was chosen meanwhile
      runs = result.body.runs || [];
      renderRuns();
    } catch {
      runsStatus.textContent = t("networkError");
    }
  }

  function chooseForm() {
    localStorage.setItem(FORM_KEY, formSelect.value);
    Analyst.fill(sessionsBox);
    Analyst.fill(questionsBox);
    renderSessions();
    renderQuestions();
    loadRuns();
  }

  // Checks the choices in the page; answers the request body or null (with the errors shown).
  function request() {
    Staff.clearFieldErrors(newRun);
    Staff.showMessage(startError, "");
    const problems = [];
    if (!currentForm()) {
      Staff.showFieldError(formSelect, t("formMissing"));
      problems.push(formSelect);
    }
    const sessions = ticked(sessionsBox);
    if (currentForm() && sessions.length === 0) {
      showGroupError("sessions-error", t("sessionsMissing"));
      problems.push(sessionsBox.querySelector("input") || formSelect);
    }
    const k = themeCount.value.trim();
    if (k && !(/^\d+$/.test(k) && Number(k) >= 2 && Number(k) <= 30)) {
      Staff.showFieldError(themeCount, t("themeCountRange"));
      problems.push(themeCount);
    }
    if (problems.length) {
      problems[0].focus();
      return null;
    }
    const body = { formId: currentForm().id, sessions, questions: ticked(questionsBox) };
    if (k) body.k = Number(k);
    return body;
  }

  function showGroupError(id, message) {
    const slot = document.getElementById(id);
    slot.textContent = message;
    slot.hidden = false;
    slot.closest(".field")?.classList.add("has-error");
  }

  // A 422 names its fields; the rest of a refusal is said under the button.
  function showServerProblems(result) {
    const fields = { formId: formSelect, k: themeCount };
    for (const problem of result.body.errors || []) {
      if (fields[problem.field]) Staff.showFieldError(fields[problem.field], problem.reason);
      else if (problem.field === "sessions") showGroupError("sessions-error", problem.reason);
    }
    Staff.showMessage(startError, Staff.failure(result));
  }

  function busy(isBusy) {
    startButton.disabled = isBusy;
    startButton.textContent = t(isBusy ? "starting" : "startRun");
  }

  newRun.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = request();
    if (!body) return;
    busy(true);
    try {
      const result = await Staff.api("POST", "/api/analyst/runs", body);
      if (result.status === 202 || result.status === 201) {
        location.assign(Analyst.runAddress(result.body.run.id));
        return;
      }
      showServerProblems(result);
    } catch {
      Staff.showMessage(startError, t("networkError"));
    }
    busy(false);
  });

  formSelect.addEventListener("change", chooseForm);
  sessionsBox.addEventListener("change", syncSelectAll);
  selectAll.addEventListener("change", () => {
    for (const box of sessionsBox.querySelectorAll("input")) box.checked = selectAll.checked;
    selectAll.indeterminate = false;
  });
  document.addEventListener("staff:language", () => {
    renderFormOptions();
    renderSessions();
    renderQuestions();
    renderRuns();
    if (!startButton.disabled) busy(false);
    if (!formsStatus.hidden) formsStatus.textContent = t(loaded ? "noForms" : "formsLoading");
  });

  async function load() {
    Staff.wireHeader();
    try {
      await Staff.start();
      forms = await Analyst.loadForms();
      loaded = true;
    } catch (error) {
      formsStatus.hidden = true;
      Staff.showMessage(document.getElementById("page-error"), error instanceof TypeError ? t("networkError") : error.message);
      return;
    }
    if (forms.length === 0) {
      formsStatus.textContent = t("noForms");
      return;
    }
    formsStatus.hidden = true;
    renderFormOptions();
    const remembered = localStorage.getItem(FORM_KEY);
    if (forms.length === 1) formSelect.value = forms[0].id;
    else if (forms.some((form) => form.id === remembered)) formSelect.value = remembered;
    newRun.hidden = false;
    chooseForm();
  }

  load();
})();
