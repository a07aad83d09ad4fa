"use strict";
// The audit log for admins: who did what, when, newest first, as sentences. The filters (person,
// kind of action, days) are asked of the server and kept in the address, so a filtered view can be
// reloaded or sent on; "show more" asks for a longer list with the same filters.
(() => {
  const { t, element } = Staff;
  const PAGE = 100;
  const FILTERS = ["actor", "action", "from", "to"];
  const form = document.getElementById("filters");
  const pageError = document.getElementById("page-error");
  const status = document.getElementById("audit-status");
  const empty = document.getElementById("audit-empty");
  const more = document.getElementById("more");
  const inputs = Object.fromEntries(FILTERS.map((name) => [name, document.getElementById(name)]));
  let limit = PAGE;
  let latest = { events: [], actors: [], actions: [], sessionTitles: {} };
  let asked = 0; // the newest request; answers to older ones are dropped
  let wanted = Object.fromEntries(FILTERS.map((name) => [name, new URLSearchParams(location.search).get(name) || ""]));

  function actorName(actor) {
    if (actor === "cli") return t("auditCli");
    if (actor === "unknown") return t("auditUnknownActor");
    return actor;
  }

  function option(value, text) {
    return element("option", { value, text });
  }

  // The person choice: everyone in the log, plus the one asked for if the log does not hold them (yet).
  function fillActors() {
    const actors = [...latest.actors];
    if (wanted.actor && !actors.includes(wanted.actor)) actors.push(wanted.actor);
    inputs.actor.replaceChildren(option("", t("auditAllActors")), ...actors.map((actor) => option(actor, actorName(actor))));
    inputs.actor.value = wanted.actor;
  }

  // The action choice: the known kinds by area (a whole area too, where it has a prefix), then any
  // kind the log holds that this page does not know yet, by its raw name.
  function fillActions() {
    const language = Staff.state.language;
    const known = new Set(AuditSentences.AREAS.flatMap((area) => area.actions));
    const groups = AuditSentences.AREAS.map((area) => element("optgroup", { label: language === "en" ? area.en : area.da },
      ...(area.prefix ? [option(area.prefix, language === "en" ? area.allEn : area.allDa)] : []),
      ...area.actions.map((action) => option(action, AuditSentences.kindName(action, language)))));
    const others = latest.actions.filter((action) => !known.has(action));
    if (wanted.action && !known.has(wanted.action) && !others.includes(wanted.action)
        && !AuditSentences.AREAS.some((area) => area.prefix === wanted.action)) others.push(wanted.action);
    if (others.length) groups.push(element("optgroup", { label: t("auditOtherActions") }, ...others.map((action) => option(action, action))));
    inputs.action.replaceChildren(option("", t("auditAllActions")), ...groups);
    inputs.action.value = wanted.action;
  }

  function detailsLine(details) {
    if (!details.length) return null;
    return element("p", { class: "audit-details" },
      element("span", { class: "visually-hidden", text: t("auditDetails") + ": " }),
      details.map(([name, value]) => name + ": " + value).join(" · "));
  }

  function render() {
    const language = Staff.state.language;
    const events = latest.events;
    const context = { sessionTitles: latest.sessionTitles, formTitles: AuditSentences.formTitles(events) };
    document.getElementById("audit-body").replaceChildren(...events.map((event) => {
      const { text, details } = AuditSentences.describe(event, language, context);
      return element("tr", { "data-action": event.action },
        element("td", {}, element("time", { datetime: event.at, text: Staff.formatDateTime(event.at) })),
        element("td", { class: "audit-event" }, element("p", { class: "audit-sentence", text }), detailsLine(details)));
    }));
    document.getElementById("audit").hidden = events.length === 0;
    const filtered = FILTERS.some((name) => wanted[name]);
    empty.textContent = filtered ? t("auditNoMatch") : t("auditEmpty");
    empty.hidden = events.length > 0;
    more.hidden = events.length < limit;
    if (events.length === 0) status.textContent = "";
    else if (!more.hidden) status.textContent = t("auditShowingNewest", { count: events.length });
    else status.textContent = events.length === 1 ? t("auditShowingOne") : t("auditShowing", { count: events.length });
    fillActors();
    fillActions();
  }

  function address() {
    const parameters = new URLSearchParams();
    for (const name of FILTERS) if (wanted[name]) parameters.set(name, wanted[name]);
    return parameters;
  }

  async function load() {
    const request = ++asked;
    more.disabled = true;
    Staff.clearFieldErrors(form);
    const parameters = address();
    history.replaceState(null, "", location.pathname + (parameters.toString() ? "?" + parameters : ""));
    parameters.set("limit", String(limit));
    try {
      const result = await Staff.api("GET", "/api/staff/audit?" + parameters);
      if (request !== asked) return;
      if (result.status === 403) {
        Staff.showMessage(pageError, t("auditAdminsOnly"));
        return;
      }
      if (result.status === 422 && Array.isArray(result.body.errors)) {
        for (const problem of result.body.errors) {
          if (inputs[problem.field]) Staff.showFieldError(inputs[problem.field], problem.reason);
        }
        return;
      }
      if (result.status !== 200) {
        Staff.showMessage(pageError, Staff.failure(result));
        return;
      }
      Staff.showMessage(pageError, "");
      latest = {
        events: result.body.events || [], actors: result.body.actors || [], actions: result.body.actions || [],
        sessionTitles: result.body.sessionTitles || {},
      };
      render();
    } catch {
      if (request === asked) Staff.showMessage(pageError, t("networkError"));
    } finally {
      if (request === asked) more.disabled = false;
    }
  }

  function applyFilters() {
    wanted = Object.fromEntries(FILTERS.map((name) => [name, inputs[name].value]));
    limit = PAGE;
    load();
  }

  form.addEventListener("change", applyFilters);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    applyFilters();
  });
  // The reset event comes before the fields are emptied.
  form.addEventListener("reset", () => setTimeout(applyFilters));
  more.addEventListener("click", () => {
    limit += PAGE;
    load();
  });
  document.addEventListener("staff:language", render);
  Staff.wireHeader();
  inputs.from.value = wanted.from;
  inputs.to.value = wanted.to;
  fillActors();
  fillActions();
  Staff.start().then(load).catch(() => Staff.showMessage(pageError, t("networkError")));
})();
