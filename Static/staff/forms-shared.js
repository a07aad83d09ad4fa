"use strict";
// What the form list and the form builder share: ids made from titles, the first definition of a
// new form, copies, imports, downloads of exports, and how versions and their meetings are told.
window.FormStudio = (() => {
  const { t, element } = Staff;

  const TYPES = ["text", "single_choice", "multiple_choice", "scale", "yes_no", "number", "ranking", "points", "info", "section"];
  const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  function typeName(type) {
    return t("type_" + type);
  }

  /// A form text in the page's language, else the other one.
  function localText(translation) {
    if (!translation) return "";
    const own = (translation[Staff.state.language] || "").trim();
    return own || (translation.da || "").trim() || (translation.en || "").trim();
  }

  function mayEdit() {
    const role = Staff.state.user?.role;
    return role === "admin" || role === "facilitator";
  }

  // Ids, keys and option values are slugs; Danish letters become ae, oe and aa as the format asks.
  function slug(text, fallback, maxLength = 40) {
    let result = (text || "").toLowerCase().replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa")
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    if (result.length > maxLength) {
      result = result.slice(0, maxLength);
      const cut = result.lastIndexOf("-");
      if (cut > maxLength / 2) result = result.slice(0, cut);
      result = result.replace(/-+$/, "");
    }
    return result || fallback;
  }

  function unique(base, taken) {
    if (!taken.has(base)) return base;
    for (let number = 2; ; number++) {
      if (!taken.has(base + "-" + number)) return base + "-" + number;
    }
  }

  const CLOSING_QUESTION_ID = "andre-kommentarer";

  // A new form starts with one ordinary closing question in both languages, so it is a valid draft
  // at once and only the English title is missing.
  function newDefinition(title, id) {
    return {
      formatVersion: 1, id, title: { da: title, en: "" }, themes: [],
      questions: [{
        id: CLOSING_QUESTION_ID, type: "text", multiline: true,
        label: { da: "Har du andre kommentarer?", en: "Do you have any other comments?" },
      }],
    };
  }

  async function knownIDs() {
    const result = await Staff.api("GET", "/api/staff/forms");
    return new Set((result.body.forms || []).map((form) => form.id));
  }

  /// Creates an own form from a definition; a clash of ids is solved by a new id. Answers the result.
  async function create(definition) {
    const taken = await knownIDs();
    definition.id = unique(definition.id, taken);
    let result = await Staff.api("POST", "/api/staff/forms", definition);
    if (result.status === 422 && (result.body.errors || []).some((problem) => problem.path === "$.id")) {
      taken.add(definition.id);
      definition.id = unique(definition.id, taken);
      result = await Staff.api("POST", "/api/staff/forms", definition);
    }
    return result;
  }

  function copyDefinition(definition) {
    const copy = JSON.parse(JSON.stringify(definition));
    const title = copy.title || { da: "", en: "" };
    // The title is the form's own text in both languages, whatever the page's language is.
    copy.title = { da: title.da ? title.da + " (kopi)" : "", en: title.en ? title.en + " (copy)" : "" };
    copy.id = slug(copy.title.da || copy.id, "skema", 56);
    delete copy.$schema;
    return copy;
  }

  /// Makes a copy of any form (library or own) and answers the API's result for the new form.
  async function copy(formID) {
    const detail = await Staff.api("GET", "/api/staff/forms/" + encodeURIComponent(formID));
    if (detail.status !== 200) return detail;
    let result = await create(copyDefinition(detail.body.form.definition));
    // A draft with problems cannot be copied; its newest published version can.
    if (result.status === 422 && detail.body.form.versions.length > 0) {
      const newest = detail.body.form.versions[detail.body.form.versions.length - 1].number;
      const published = await fetchText("/api/staff/forms/" + encodeURIComponent(formID) + "/export?format=json&version=" + newest);
      result = await create(copyDefinition(JSON.parse(published)));
    }
    return result;
  }

  function contentTypeOf(file) {
    return /\.xlsx$/i.test(file.name) || file.type === XLSX_TYPE ? XLSX_TYPE : "application/json";
  }

  /// Uploads a form file (JSON or XLSX) as it is.
  function upload(file) {
    return Staff.api("POST", "/api/staff/forms/import?name=" + encodeURIComponent(file.name || ""), file, contentTypeOf(file));
  }

  const PATH_PARTS = { questions: "questionNumbered", options: "optionNumbered", themes: "themeNumbered" };
  const PATH_NAMES = { title: "fieldTitle", intro: "fieldIntro", contact: "contactTitle", label: "fieldInfoText", showIf: "conditionLegend",
    help: "fieldHelp", da: "languageDanish", en: "languageEnglish" };

  /// "Spørgsmål 4 › Svarmulighed 2 › »label« ($.questions[3].options[1].label)": a JSON path in words, path kept.
  function humanPath(path) {
    const words = [];
    for (const [, key, index] of (path || "").matchAll(/\.([^.[\]]+)(?:\[(\d+)\])?/g)) {
      if (index !== undefined && PATH_PARTS[key]) words.push(t(PATH_PARTS[key], { number: Number(index) + 1 }));
      else if (PATH_NAMES[key] && index === undefined) words.push(t(PATH_NAMES[key]));
      else words.push("»" + key + "«" + (index !== undefined ? " " + (Number(index) + 1) : ""));
    }
    return words.length ? words.join(" › ") + " (" + path + ")" : path;
  }

  /// "Ark »Spørgsmål«, række 4, kolonne C" or the place in the form: where an upload's problem is.
  function placeOf(problem) {
    const parts = [];
    if (problem.sheet) parts.push(t("placeSheet", { sheet: problem.sheet }));
    if (problem.row) parts.push(t("placeRow", { row: problem.row }));
    if (problem.column) parts.push(t("placeColumn", { column: problem.column }));
    if (problem.path) parts.push(humanPath(problem.path));
    return parts.join(", ");
  }

  function problemList(problems) {
    return element("ul", { class: "problem-list" }, ...problems.map((problem) => {
      const place = placeOf(problem);
      return element("li", {}, place ? element("span", { class: "problem-place", text: place + ": " }) : null, problem.reason || "");
    }));
  }

  async function fetchText(path) {
    const response = await fetch(path, { credentials: "same-origin", cache: "no-store", headers: { "Accept-Language": Staff.state.language } });
    if (!response.ok) throw new Error(await reasonOf(response));
    return response.text();
  }

  async function reasonOf(response) {
    const body = await response.json().catch(() => ({}));
    return body.error || t("serverError", { status: response.status });
  }

  /// Downloads an export (JSON or XLSX) as a file; throws with the server's reason when refused.
  async function download(formID, format, version) {
    const path = "/api/staff/forms/" + encodeURIComponent(formID) + "/export?format=" + format + (version ? "&version=" + version : "");
    const response = await fetch(path, { credentials: "same-origin", cache: "no-store", headers: { "Accept-Language": Staff.state.language } });
    if (!response.ok) throw new Error(await reasonOf(response));
    const disposition = response.headers.get("Content-Disposition") || "";
    const name = (disposition.match(/filename="([^"]+)"/) || [])[1] || formID + (version ? "-v" + version : "") + "." + format;
    const address = URL.createObjectURL(await response.blob());
    const link = element("a", { href: address, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(address), 10000);
  }

  function sessionsCount(count) {
    return count === 1 ? t("oneMeeting") : t("meetings", { count });
  }

  /// "v2: 3 møder · v1: 1 møde", the meetings per published version that has any.
  function versionUse(form) {
    if (!form.versions.length) return t("notPublished");
    const used = form.versions.filter((version) => version.sessions.length).reverse();
    if (!used.length) return t("noMeetings");
    return used.map((version) => t("versionUse", { number: version.number, meetings: sessionsCount(version.sessions.length) })).join(" · ");
  }

  function statusText(form) {
    if (!form.versions.length) return t("statusNeverPublished");
    const newest = form.versions[form.versions.length - 1].number;
    return form.hasDraft ? t("statusPublishedWithDraft", { number: newest }) : t("statusPublished", { number: newest });
  }

  function statusBadge(form) {
    const kind = !form.versions.length ? "draft" : form.hasDraft ? "changed" : "published";
    return element("span", { class: "status form-status-" + kind, text: statusText(form) });
  }

  function originText(form) {
    return form.origin === "library" ? t("originLibrary") : t("originOwn");
  }

  return {
    TYPES, XLSX_TYPE, CLOSING_QUESTION_ID, typeName, localText, mayEdit, slug, unique, newDefinition, create, copy, copyDefinition, upload, placeOf, problemList,
    download, fetchText, humanPath, versionUse, statusText, statusBadge, originText, sessionsCount,
  };
})();
