"use strict";
// The audit log for admins: who did what, when, newest first; "show more" asks for a longer list.
(() => {
  const { t, element } = Staff;
  const PAGE = 100;
  const pageError = document.getElementById("page-error");
  const more = document.getElementById("more");
  let limit = PAGE;
  let events = [];

  function details(value) {
    if (value === null || value === undefined || value === "") return "";
    if (typeof value === "string") return value;
    if (typeof value === "object" && !Array.isArray(value)) {
      return Object.entries(value).map(([key, entry]) => key + ": " + (typeof entry === "string" ? entry : JSON.stringify(entry))).join(", ");
    }
    return JSON.stringify(value);
  }

  function render() {
    document.getElementById("audit-body").replaceChildren(...events.map((event) => element("tr", {},
      element("td", {}, element("time", { datetime: event.at, text: Staff.formatDateTime(event.at) })),
      element("td", { text: event.actor || "–" }),
      element("td", {}, element("code", { text: event.action })),
      element("td", { text: event.target || "" }),
      element("td", { class: "details", text: details(event.details) }))));
    document.getElementById("audit").hidden = events.length === 0;
    document.getElementById("audit-empty").hidden = events.length > 0;
  }

  async function load() {
    more.disabled = true;
    try {
      const result = await Staff.api("GET", "/api/staff/audit?limit=" + limit);
      if (result.status === 403) {
        Staff.showMessage(pageError, t("auditAdminsOnly"));
        return;
      }
      if (result.status !== 200) {
        Staff.showMessage(pageError, Staff.failure(result));
        return;
      }
      Staff.showMessage(pageError, "");
      events = result.body.events || [];
      render();
      more.hidden = events.length < limit;
    } catch {
      Staff.showMessage(pageError, t("networkError"));
    } finally {
      more.disabled = false;
    }
  }

  more.addEventListener("click", () => {
    limit += PAGE;
    load();
  });
  document.addEventListener("staff:language", render);
  Staff.wireHeader();
  Staff.start().then(load).catch(() => Staff.showMessage(pageError, t("networkError")));
})();
