"use strict";
// The form list (/staff/forms): the library's forms and the municipality's own, with status,
// last change, and the meetings using each version; new forms from scratch, from a copy or from a
// file. Analysts see the list and open forms read-only.
(() => {
  const { t, element } = Staff;
  const $ = (id) => document.getElementById(id);
  let forms = [];
  let libraryProblems = [];
  let libraryConflicts = [];

  function searchText(form) {
    return [form.title, form.titles && form.titles.en, form.id, form.createdBy, form.changedBy,
      ...(form.themes || []).map((theme) => theme.name), form.origin === "library" ? t("originLibrary") : t("originOwn")]
      .filter(Boolean).join(" ").toLowerCase();
  }

  function visible() {
    const words = $("search").value.toLowerCase().split(/\s+/).filter(Boolean);
    const origin = $("origin-filter").value;
    return forms.filter((form) => (origin === "all" || form.origin === origin)
      && words.every((word) => searchText(form).includes(word)));
  }

  // Own forms first, the most recently changed on top; then the library by title.
  function sorted(list) {
    return list.slice().sort((a, b) => (a.origin === b.origin
      ? (a.origin === "own" ? b.changedAt.localeCompare(a.changedAt) : a.title.localeCompare(b.title, "da"))
      : a.origin === "own" ? -1 : 1));
  }

  function actions(form) {
    const cell = element("div", { class: "row-actions" });
    const editable = FormStudio.mayEdit() && form.origin === "own";
    cell.append(element("a", { class: "button secondary small", href: "/staff/forms/" + encodeURIComponent(form.id),
      text: editable ? t("edit") : t("view"), "aria-label": t(editable ? "editNamed" : "viewNamed", { title: form.title }) }));
    if (FormStudio.mayEdit()) {
      const copy = element("button", { type: "button", class: "secondary small", text: t("makeCopy"),
        "aria-label": t("copyNamed", { title: form.title }) });
      copy.addEventListener("click", () => copyForm(form, copy));
      cell.append(copy);
    }
    const download = element("button", { type: "button", class: "secondary small", text: t("downloadJSON"),
      "aria-label": t("downloadNamed", { title: form.title }) });
    download.addEventListener("click", async () => {
      try { await FormStudio.download(form.id, "json"); } catch (error) { showMessage(error.message); }
    });
    cell.append(download);
    return cell;
  }

  function row(form) {
    const details = [form.id, FormStudio.originText(form)];
    if (form.questionCount) details.push(t("questionCount", { count: form.questionCount }));
    if (form.themes && form.themes.length) details.push(t("themeList", { names: form.themes.map((theme) => theme.name).join(", ") }));
    const use = [element("span", { text: FormStudio.versionUse(form) })];
    if (form.lastUsedAt) use.push(element("br"), element("span", { class: "muted", text: t("lastUsed", { date: Staff.formatDateTime(form.lastUsedAt) }) }));
    return element("tr", { "data-form": form.id },
      element("th", { scope: "row" },
        element("a", { href: "/staff/forms/" + encodeURIComponent(form.id), text: form.title }),
        element("div", { class: "details", text: details.join(" · ") })),
      element("td", {}, FormStudio.statusBadge(form)),
      element("td", {}, element("time", { datetime: form.changedAt, text: Staff.formatDateTime(form.changedAt) }),
        element("div", { class: "details", text: t("changedBy", { who: form.changedBy === "library" ? t("originLibrary") : form.changedBy }) })),
      element("td", {}, ...use),
      element("td", {}, actions(form)));
  }

  function render() {
    const shown = sorted(visible());
    $("forms-body").replaceChildren(...shown.map(row));
    $("forms").hidden = shown.length === 0;
    $("list-status").textContent = forms.length === 0 ? t("formsEmpty")
      : shown.length === 0 ? t("formsNoMatch") : t("formsShown", { shown: shown.length, total: forms.length });
    renderLibraryProblems();
  }

  function renderLibraryProblems() {
    const panel = $("library-problems");
    panel.hidden = !libraryProblems.length && !libraryConflicts.length;
    const parts = [];
    if (libraryProblems.length) {
      parts.push(element("p", { text: t("libraryProblemsHelp") }),
        element("ul", { class: "problem-list" }, ...libraryProblems.map((problem) => element("li", {},
          element("span", { class: "problem-place", text: problem.file + " " + problem.path + ": " }), problem.reason))));
    }
    for (const id of libraryConflicts) parts.push(element("p", { text: t("libraryConflict", { id }) }));
    $("library-problems-body").replaceChildren(...parts);
  }

  function showMessage(text) {
    const box = $("page-message");
    box.replaceChildren(element("p", { text }));
    box.hidden = !text;
  }

  async function load() {
    const result = await Staff.api("GET", "/api/staff/forms");
    if (result.status !== 200) return Staff.showMessage($("page-error"), Staff.failure(result));
    forms = result.body.forms || [];
    libraryProblems = result.body.libraryProblems || [];
    libraryConflicts = result.body.libraryConflicts || [];
    render();
  }

  async function copyForm(form, button) {
    button.disabled = true;
    button.textContent = t("copying");
    try {
      const result = await FormStudio.copy(form.id);
      if (result.status === 201) return location.assign("/staff/forms/" + encodeURIComponent(result.body.form.id) + "?copied=1");
      showMessage(Staff.failure(result));
    } catch {
      showMessage(t("networkError"));
    } finally {
      button.disabled = false;
      button.textContent = t("makeCopy");
    }
  }

  async function createForm(event) {
    event.preventDefault();
    const input = $("new-title");
    Staff.clearFieldErrors($("new-form"));
    const title = input.value.trim();
    if (!title) {
      Staff.showFieldError(input, t("newFormTitleMissing"));
      return input.focus();
    }
    const button = $("create-form");
    button.disabled = true;
    try {
      const result = await FormStudio.create(FormStudio.newDefinition(title, FormStudio.slug(title, "skema", 56)));
      if (result.status === 201) return location.assign("/staff/forms/" + encodeURIComponent(result.body.form.id) + "?created=1");
      Staff.showFieldError(input, Staff.failure(result));
    } catch {
      Staff.showFieldError(input, t("networkError"));
    } finally {
      button.disabled = false;
    }
  }

  function arrivalMessage() {
    const query = new URLSearchParams(location.search);
    if (!query.has("deleted")) return;
    showMessage(t("formDeleted", { id: query.get("deleted") }));
    history.replaceState(null, "", location.pathname);
  }

  $("search").addEventListener("input", render);
  $("origin-filter").addEventListener("change", render);
  $("new-form").addEventListener("submit", createForm);
  document.addEventListener("staff:language", render);
  // An import that stays on this page (to show what a workbook had that was left out) adds a form.
  document.addEventListener("forms:changed", load);
  Staff.wireHeader();
  Staff.start().then(() => {
    $("start-panels").hidden = !FormStudio.mayEdit();
    if (FormStudio.mayEdit()) FormsImport.start(() => forms);
    arrivalMessage();
    return load();
  }).catch(() => Staff.showMessage($("page-error"), t("networkError")));
})();
