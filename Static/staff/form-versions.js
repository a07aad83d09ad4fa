"use strict";
// Published versions: when and by whom, the meetings that use each one, their files, and a
// readable comparison of two versions (or of a version and the draft).
window.FormVersions = (() => {
  const { t, element } = Staff;
  let current = null;

  function sessionItem(session) {
    const title = FormStudio.mayEdit()
      ? element("a", { href: "/staff/sessions/" + encodeURIComponent(session.code), text: session.title })
      : element("span", { text: session.title });
    return element("li", {}, title, " ", Staff.joinCode(session.code), " ", Staff.statusBadge(session.status), " ",
      element("span", { class: "muted", text: t("responsesCount", { count: session.responseCount }) }));
  }

  function downloadButton(format, version) {
    const button = element("button", { type: "button", class: "secondary small",
      text: format === "xlsx" ? t("downloadXLSX") : t("downloadJSON"),
      "aria-label": t(format === "xlsx" ? "downloadVersionXLSX" : "downloadVersionJSON", { number: version }) });
    button.addEventListener("click", async () => {
      const message = document.getElementById("versions-message");
      Staff.showMessage(message, "");
      try {
        await FormStudio.download(current.id, format, version);
      } catch (error) {
        Staff.showMessage(message, error.message);
      }
    });
    return button;
  }

  function previewButton(version) {
    const button = element("button", { type: "button", class: "secondary small", text: t("previewThisVersion"),
      "aria-label": t("previewVersion", { number: version }) });
    button.addEventListener("click", () => FormPreview.showVersion(version));
    return button;
  }

  /// Draws the versions of `form` (the detail the API answered).
  function render(form) {
    current = form;
    const body = document.getElementById("versions-body");
    const versions = form.versions || [];
    if (!versions.length) {
      body.replaceChildren(element("p", { class: "muted", text: t("versionsNone") }));
      document.getElementById("compare").hidden = true;
      return;
    }
    const rows = versions.slice().reverse().map((version) => element("tr", {},
      element("th", { scope: "row", text: t("versionShort", { number: version.number }) }),
      element("td", {}, element("time", { datetime: version.publishedAt, text: Staff.formatDateTime(version.publishedAt) }),
        element("br"), element("span", { class: "muted", text: version.publishedBy })),
      element("td", {}, version.sessions.length
        ? element("ul", { class: "plain-list" }, ...version.sessions.map(sessionItem))
        : element("span", { class: "muted", text: t("noMeetingsYet") })),
      element("td", { class: "cell-actions" }, previewButton(version.number), downloadButton("json", version.number),
        downloadButton("xlsx", version.number))));
    const table = element("table", { class: "data-table versions-table" },
      element("caption", { class: "visually-hidden", text: t("versionsCaption") }),
      element("thead", {}, element("tr", {},
        element("th", { scope: "col", text: t("columnVersion") }), element("th", { scope: "col", text: t("columnPublished") }),
        element("th", { scope: "col", text: t("columnMeetings") }), element("th", { scope: "col", text: t("columnFiles") }))),
      element("tbody", {}, ...rows));
    body.replaceChildren(element("div", { class: "table-scroll" }, table));
    fillComparison(form);
  }

  function fillComparison(form) {
    const compare = document.getElementById("compare");
    const versions = form.versions.map((version) => version.number);
    const targets = versions.map((number) => ({ value: String(number), text: t("versionShort", { number }) }));
    if (form.hasDraft) targets.push({ value: "draft", text: t("theDraft") });
    compare.hidden = targets.length < 2;
    const from = document.getElementById("compare-from");
    const to = document.getElementById("compare-to");
    from.replaceChildren(...versions.map((number) => element("option", { value: String(number), text: t("versionShort", { number }) })));
    to.replaceChildren(...targets.map((target) => element("option", { value: target.value, text: target.text })));
    // The newest change first: the newest version against the draft, or the last two versions.
    from.value = String(versions[Math.max(0, versions.length - (form.hasDraft ? 1 : 2))]);
    to.value = targets[targets.length - 1].value;
  }

  const KIND_CLASS = { added: "change-added", removed: "change-removed", changed: "change-changed" };

  async function compare(event) {
    event.preventDefault();
    const from = document.getElementById("compare-from").value;
    const to = document.getElementById("compare-to").value;
    const result = document.getElementById("compare-result");
    result.replaceChildren(element("p", { class: "muted", text: t("comparing") }));
    let answer;
    try {
      answer = await Staff.api("GET", "/api/staff/forms/" + encodeURIComponent(current.id) + "/diff?from=" + from + "&to=" + to);
    } catch {
      result.replaceChildren(element("p", { class: "form-error", text: t("networkError") }));
      return;
    }
    if (answer.status !== 200) {
      result.replaceChildren(element("p", { class: "form-error", text: Staff.failure(answer) }));
      return;
    }
    const changes = answer.body.changes || [];
    const heading = element("h3", { tabindex: "-1", text: t("compareHeading", {
      from: t("versionShort", { number: from }), to: to === "draft" ? t("theDraft") : t("versionShort", { number: to }) }) });
    result.replaceChildren(heading, changes.length
      ? element("ul", { class: "change-list" }, ...changes.map((change) => element("li", { class: KIND_CLASS[change.kind] || "" },
        element("span", { class: "change-kind", text: t("change_" + change.kind) }), " ", change.text)))
      : element("p", { class: "muted", text: t("compareSame") }));
    heading.focus();
  }

  function start() {
    document.getElementById("compare").addEventListener("submit", compare);
  }

  return { start, render };
})();
