"use strict";
// The fields a meeting has (title, date and time, tables, idle time, kiosk PIN) as the new-meeting
// form and the edit form share them: the rules come from the server (GET /api/staff/session-settings,
// where SessionSettings keeps them), so the pages check and explain exactly what the server checks.
window.MeetingFields = (() => {
  const { t } = Staff;
  let rules = null;
  let loading = null;

  /// Asks the server for the rules once; the help texts and input limits follow them.
  function load() {
    loading = loading || Staff.api("GET", "/api/staff/session-settings").then((result) => {
      if (result.status === 200) rules = result.body;
      describe();
      return rules;
    }).catch(() => null);
    return loading;
  }

  /// Help texts (elements with data-meeting-help="idle|pin|newPin") and input limits with the rules' numbers.
  function describe() {
    if (!rules) return;
    const texts = { idle: ["idleHelp", rules.idleSeconds], pin: ["kioskPinHelp", rules.kioskPin], newPin: ["newKioskPinHelp", rules.kioskPin] };
    for (const node of document.querySelectorAll("[data-meeting-help]")) {
      const [key, values] = texts[node.dataset.meetingHelp] || [];
      if (key) node.textContent = t(key, values);
    }
    for (const input of document.querySelectorAll("input[name=idleSeconds]")) {
      input.min = rules.idleSeconds.min;
      input.max = rules.idleSeconds.max;
      if (input.hasAttribute("data-meeting-default") && !input.value) input.value = rules.idleSeconds.default;
    }
    for (const input of document.querySelectorAll("input[name=kioskPin]")) input.maxLength = rules.kioskPin.maxLength;
  }

  /// The table names typed, one per line (commas and semicolons also separate).
  function tableNames(textarea) {
    return textarea.value.split(/[\n,;]/).map((name) => name.trim()).filter(Boolean);
  }

  /// The mistakes the page can see before asking the server, as [field name, reason]; an empty
  /// idle time is only a mistake where the form has no default (`idleRequired`).
  function errors(fields, { requireForm = false, idleRequired = false } = {}) {
    const found = [];
    if (requireForm && !fields.formId.value) found.push(["formId", t("formMissing")]);
    if (!fields.title.value.trim()) found.push(["title", t("titleMissing")]);
    if (fields.time.value && !fields.date.value) found.push(["date", t("dateMissing")]);
    if (fields.date.value && !fields.time.value) found.push(["time", t("timeMissing")]);
    const names = tableNames(fields.tables);
    const twice = names.find((name, index) => names.indexOf(name) !== index);
    if (twice) found.push(["tables", t("tableTwice", { name: twice })]);
    if (!rules) return found;
    if (!twice && (names.length > rules.tables.maximum || names.some((name) => name.length > rules.tables.maximumNameLength))) {
      found.push(["tables", t("tablesLimit", rules.tables)]);
    }
    const idle = fields.idleSeconds.value.trim();
    const idleFits = /^\d+$/.test(idle) && Number(idle) >= rules.idleSeconds.min && Number(idle) <= rules.idleSeconds.max;
    if ((idle || idleRequired) && !idleFits) found.push(["idleSeconds", t("idleRange", rules.idleSeconds)]);
    const pin = fields.kioskPin.value.trim();
    const pinFits = new RegExp("^\\d{" + rules.kioskPin.minLength + "," + rules.kioskPin.maxLength + "}$").test(pin);
    if (pin && !pinFits) found.push(["kioskPin", t("pinFormat", rules.kioskPin)]);
    return found;
  }

  /// Shows each [field name, reason] at its field (the server names date and time together as
  /// startsAt) and the rest in `message`; focuses the first field with a problem.
  function show(fields, found, message) {
    let first = null;
    const unplaced = [];
    for (const [name, reason] of found) {
      const input = fields[name === "startsAt" ? "date" : name];
      if (input) {
        Staff.showFieldError(input, reason);
        first = first || input;
      } else {
        unplaced.push(reason);
      }
    }
    Staff.showMessage(message, unplaced.length ? unplaced.join(" ") : t("fixFields"));
    if (first) {
      first.closest("details")?.setAttribute("open", "");
      first.focus();
    }
  }

  document.addEventListener("staff:language", describe);
  return { load, describe, tableNames, errors, show };
})();
