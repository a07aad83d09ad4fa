"use strict";
// /analyst/runs/{id}: polls the run every second while it is queued or running (progress bar and
// message), then shows the result; stores the analyst's corrections and redraws with the result the
// server answers; starts a re-run over the same meetings and questions.
(() => {
  const { t, element } = Staff;
  const POLL_MILLISECONDS = 1000;
  const runId = decodeURIComponent(location.pathname.split("/").filter(Boolean)[2] || "");
  const state = { run: null, result: null, form: null };
  const progressSection = document.getElementById("progress-section");
  const progress = document.getElementById("run-progress");
  const progressText = document.getElementById("progress-text");
  const runMessage = document.getElementById("run-message");
  const pageError = document.getElementById("page-error");
  const results = document.getElementById("results");
  const decisionStatus = document.getElementById("decision-status");
  const decisionError = document.getElementById("decision-error");
  const rerun = document.getElementById("rerun");
  const rerunError = document.getElementById("rerun-error");
  let answerNumber = 0;

  function sessionTitle(code) {
    const fromResult = (state.result?.bySession || []).find((entry) => entry.session === code);
    const fromForm = (state.form?.sessions || []).find((session) => session.code === code);
    return fromResult?.title || fromForm?.title || code || "–";
  }

  function questionLabel(id) {
    return (state.form?.questions || []).find((question) => question.id === id)?.label || id || "–";
  }

  const context = {
    themes: [],
    sessionTitle,
    questionLabel,
    nextNumber: () => (answerNumber += 1),
    run: () => state.run,
    decide,
    undo,
    complain,
  };

  /// An error about a control that sends nothing yet: said aloud, and focus goes back to the control.
  function complain(message, control) {
    Staff.showMessage(decisionStatus, "");
    Staff.showMessage(decisionError, message);
    control.focus();
  }

  function renderFacts() {
    const run = state.run;
    if (!run) return;
    const facts = [
      ["runForm", state.form?.title || run.formId],
      ["runSessions", (run.sessions || []).map(sessionTitle).join(", ")],
      ["runQuestions", (run.questions || []).length ? run.questions.map(questionLabel).join("; ") : t("allQuestions")],
      ["runStarted", Staff.formatDateTime(run.createdAt)],
      ["runBy", run.createdBy],
    ];
    if (run.finishedAt) facts.push(["runFinished", Staff.formatDateTime(run.finishedAt)]);
    if (state.result) facts.push(["runViews", Analyst.viewsLabel(state.result.views)]);
    const list = document.getElementById("run-facts");
    Analyst.fill(list, ...facts.map(([label, value]) => element("div", {},
      element("dt", { text: t(label) }), element("dd", { text: value || "–" }))),
      element("div", {}, element("dt", { text: t("columnRunStatus") }), element("dd", {}, Analyst.runStatusBadge(run.status))));
    list.hidden = false;
  }

  function setMessage(node, text) {
    if (node.textContent !== (text || "")) node.textContent = text || "";
  }

  function renderProgress() {
    const run = state.run;
    progressSection.hidden = false;
    if (run.status === "queued") {
      progress.removeAttribute("value"); // indeterminate while it waits
      setMessage(progressText, "");
      setMessage(runMessage, run.message || t("progressQueued"));
      return;
    }
    const percent = Math.round(Math.max(0, Math.min(1, Number(run.progress) || 0)) * 100);
    progress.value = percent;
    setMessage(progressText, t("progressPercent", { percent }));
    setMessage(runMessage, run.message || "");
  }

  function renderExports() {
    // Tables come with question texts and answer labels unless "codes" is asked for (ids and option codes).
    const formats = [["html", "exportHTML"], ["xlsx", "exportXLSX"], ["csv-semicolon", "exportCSVExcel"], ["csv", "exportCSV"],
      ["xlsx", "exportXLSXCodes", "codes"], ["csv", "exportCSVCodes", "codes"], ["json", "exportJSON"]];
    Analyst.fill(document.getElementById("exports"), ...formats.map(([format, label, values]) => element("li", {},
      element("a", { class: "button secondary export", download: "", "data-format": format, "data-values": values || "text",
        href: Analyst.exportAddress(state.run.sessions || [], format, state.run.id, values), text: t(label) }))));
  }

  function renderResult() {
    const result = state.result;
    answerNumber = 0;
    progressSection.hidden = true;
    results.hidden = false;
    document.getElementById("answer-count").textContent = t("answerCount", { count: Analyst.formatNumber(result.answerCount) });
    // Answers erased (a citizen's request, a retention rule) since the run are left out: say so.
    Staff.showMessage(document.getElementById("removed-since"),
      result.removedSinceRun > 0 ? t("removedSinceRun", { count: Analyst.formatNumber(result.removedSinceRun) }) : "");
    renderExports();
    renderFacts();
    AnalystResults.render(result, context);
    AnalystSearch.render(result, context);
    AnalystTables.render(result, context);
  }

  function showFailure(message) {
    progressSection.hidden = true;
    Staff.showMessage(pageError, message);
  }

  async function poll() {
    let response;
    try {
      response = await Staff.api("GET", "/api/analyst/runs/" + encodeURIComponent(runId));
    } catch {
      setMessage(runMessage, t("pollFailed"));
      setTimeout(poll, POLL_MILLISECONDS * 3);
      return;
    }
    document.getElementById("run-loading").hidden = true;
    if (response.status === 404) return showFailure(t("runNotFound"));
    if (response.status !== 200) return showFailure(Staff.failure(response));
    state.run = response.body.run;
    if (!state.form) await loadForm();
    renderFacts();
    if (state.run.status === "queued" || state.run.status === "running") {
      renderProgress();
      setTimeout(poll, POLL_MILLISECONDS);
    } else if (state.run.status === "done" && response.body.result) {
      state.result = response.body.result;
      renderResult();
    } else {
      showFailure(t("runFailedNote") + (state.run.message ? " " + state.run.message : ""));
    }
  }

  // The form supplies the question labels and meeting titles; the page still works without them.
  async function loadForm() {
    try {
      const forms = await Analyst.loadForms();
      state.form = forms.find((form) => form.id === state.run.formId) || null;
    } catch {
      state.form = null;
    }
  }

  function announce(text) {
    Staff.showMessage(decisionError, "");
    Staff.showMessage(decisionStatus, text);
  }

  /// Stores one correction for the run being looked at; answers {ok, message}.
  async function decide(body, focusKey) {
    Staff.showMessage(decisionStatus, "");
    Staff.showMessage(decisionError, "");
    const path = "/api/analyst/forms/" + encodeURIComponent(state.run.formId) + "/decisions";
    let response;
    try {
      response = await Staff.api("POST", path, { ...body, run: state.run.id });
    } catch {
      Staff.showMessage(decisionError, t("networkError"));
      return { ok: false, message: t("networkError") };
    }
    if ((response.status === 201 || response.status === 200) && response.body.result) {
      state.result = response.body.result;
      renderResult();
      announce(t("decisionSaved"));
      AnalystResults.focusTheme(focusKey);
      return { ok: true };
    }
    const message = Staff.failure(response);
    Staff.showMessage(decisionError, message);
    return { ok: false, message };
  }

  async function undo(decisionId) {
    Staff.showMessage(decisionStatus, "");
    Staff.showMessage(decisionError, "");
    const path = "/api/analyst/decisions/" + encodeURIComponent(decisionId) + "?run=" + encodeURIComponent(state.run.id);
    let response;
    try {
      response = await Staff.api("DELETE", path);
    } catch {
      Staff.showMessage(decisionError, t("networkError"));
      return;
    }
    if (response.status === 200 && response.body.result) {
      state.result = response.body.result;
      renderResult();
      announce(t("decisionUndone"));
      document.getElementById("decisions-title").setAttribute("tabindex", "-1");
      document.getElementById("decisions-title").focus();
      return;
    }
    Staff.showMessage(decisionError, Staff.failure(response));
  }

  rerun.addEventListener("click", async () => {
    Staff.showMessage(rerunError, "");
    rerun.disabled = true;
    rerun.textContent = t("rerunning");
    const run = state.run;
    try {
      const response = await Staff.api("POST", "/api/analyst/runs",
        { formId: run.formId, sessions: run.sessions || [], questions: run.questions || [] });
      if ((response.status === 202 || response.status === 201) && response.body.run) {
        location.assign(Analyst.runAddress(response.body.run.id));
        return;
      }
      Staff.showMessage(rerunError, Staff.failure(response));
    } catch {
      Staff.showMessage(rerunError, t("networkError"));
    }
    rerun.disabled = false;
    rerun.textContent = t("rerun");
  });

  document.addEventListener("staff:language", () => {
    renderFacts();
    if (state.result) renderResult();
    else if (state.run && !progressSection.hidden) renderProgress();
  });

  async function load() {
    Staff.wireHeader();
    AnalystSearch.wire();
    try {
      await Staff.start();
    } catch {
      document.getElementById("run-loading").hidden = true;
      Staff.showMessage(pageError, t("networkError"));
      return;
    }
    await poll();
  }

  load();
})();
