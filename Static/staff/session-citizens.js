"use strict";
// The meeting page's part on citizens' data: the contact list (for what the citizens consented to;
// each view and download is audited by the server), and what the retention rules will delete when,
// with the meeting's own rule for admins. Renders into #citizens-data.
(() => {
  const { t, element } = Staff;
  const code = Staff.codeFromPath();
  const root = document.getElementById("citizens-data");
  const base = "/api/staff/sessions/" + encodeURIComponent(code);
  const state = { user: null, plan: null, contacts: null, error: "" };

  function unitName(amount, unit) {
    if (unit === "days") return amount === 1 ? t("unitDay") : t("unitDays");
    return amount === 1 ? t("unitMonth") : t("unitMonths");
  }

  function contactsPanel() {
    const count = state.plan?.stored?.contacts ?? 0;
    const children = [
      element("h3", { text: t("contactTitle") }),
      element("p", { id: "contacts-count", text: count === 0 ? t("contactsNone") : count === 1 ? t("contactsCountOne") : t("contactsCount", { count }) }),
    ];
    if (count > 0) {
      const toggle = element("button", { type: "button", id: "contacts-toggle", class: "secondary",
        "aria-expanded": String(Boolean(state.contacts)), text: state.contacts ? t("contactsHide") : t("contactsShow") });
      toggle.addEventListener("click", toggleContacts);
      children.push(
        element("p", { class: "help", text: t("contactsPurpose") }),
        element("div", { class: "contact-downloads" }, toggle,
          element("a", { class: "button secondary", id: "contacts-xlsx", href: base + "/contacts?format=xlsx", download: "", text: t("contactsDownloadExcel") }),
          element("a", { class: "button secondary", id: "contacts-csv", href: base + "/contacts?format=csv-semicolon", download: "", text: t("contactsDownloadCsv") })));
    }
    if (state.contacts) {
      children.push(element("div", { class: "table-scroll" }, element("table", { id: "contacts-table", class: "data-table" },
        element("caption", { class: "visually-hidden", text: t("contactsCaption") }),
        element("thead", {}, element("tr", {}, ...["columnName", "columnEmail", "columnGiven", "columnConsent"]
          .map((key) => element("th", { scope: "col", text: t(key) })))),
        element("tbody", {}, ...state.contacts.map((contact) => element("tr", {},
          element("td", { text: contact.name || "–" }),
          element("td", { text: contact.email }),
          element("td", {}, element("time", { datetime: contact.givenAt, text: Staff.formatDateTime(contact.givenAt) })),
          element("td", { class: "details", text: contact.consentText })))))));
    }
    return element("div", { class: "panel" }, ...children);
  }

  function planLine(entry) {
    const rule = entry.rule;
    const what = rule.target === "contacts" ? t("whatContacts") : t("whatAnswers");
    const after = t("retentionWhenAfter", { amount: rule.amount, unit: unitName(rule.amount, rule.unit) });
    const ruleText = after + "; " + (rule.session ? t("retentionRuleOwn") : t("retentionRuleFromForm"));
    if (!entry.dueAt) return t("retentionPending", { what, rule: ruleText.replace("; ", " (") + ")" });
    if (new Date(entry.dueAt).getTime() <= Date.now()) return t("retentionDuePast", { what, rule: ruleText });
    return t("retentionDue", { what, date: Staff.formatDateTime(entry.dueAt), rule: ruleText });
  }

  function retentionPanel() {
    const plan = state.plan;
    const rules = plan?.rules || [];
    const children = [element("h3", { text: t("retentionTitle") })];
    children.push(rules.length
      ? element("ul", { class: "retention-plan", id: "retention-plan" }, ...rules.map((entry) => element("li", { text: planLine(entry) })))
      : element("p", { id: "retention-plan", text: t("retentionNone") }));
    for (const purge of plan?.purges || []) {
      children.push(element("p", { class: "muted", text: t("retentionPurged", {
        date: Staff.formatDateTime(purge.at), responses: purge.responsesDeleted, contacts: purge.contactsDeleted }) }));
    }
    if (state.user?.role === "admin") children.push(ownRuleForm(rules));
    return element("div", { class: "panel" }, ...children);
  }

  // Admins set the meeting's own rule here; forms' rules live on the citizens' data page.
  function ownRuleForm(rules) {
    const target = element("select", { id: "own-rule-target" },
      element("option", { value: "contacts", text: t("targetContacts") }), element("option", { value: "answers", text: t("targetAnswers") }));
    const amount = element("input", { id: "own-rule-amount", type: "number", inputmode: "numeric", min: "0", max: "3650", step: "1", value: "30" });
    const unit = element("select", { id: "own-rule-unit" },
      element("option", { value: "days", text: t("unitDays") }), element("option", { value: "months", text: t("unitMonths") }));
    const save = element("button", { type: "submit", class: "secondary", text: t("retentionSet") });
    const buttons = element("div", { class: "actions" }, save);
    // The meeting's own rule for the chosen target, when it has one, is what the fields start from.
    const showOwn = () => {
      const own = rules.find((entry) => entry.rule.session && entry.rule.target === target.value);
      if (own) {
        amount.value = String(own.rule.amount);
        unit.value = own.rule.unit;
      }
    };
    target.addEventListener("change", showOwn);
    const form = element("form", { class: "staff-form rule-form", id: "own-rule", novalidate: true },
      element("h4", { text: t("retentionSetTitle") }),
      element("div", { class: "field-row" },
        element("div", { class: "field" }, element("label", { for: "own-rule-target", text: t("ruleTarget") }), target),
        element("div", { class: "field" }, element("label", { for: "own-rule-amount", text: t("ruleAmount") }), amount),
        element("div", { class: "field" }, element("label", { for: "own-rule-unit", text: t("ruleUnit") }), unit)),
      buttons);
    showOwn();
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const value = Number(amount.value);
      if (amount.value === "" || !Number.isInteger(value) || value < 0 || value > 3650) return showError(t("ruleAmountInvalid"));
      const result = await Staff.api("PUT", "/api/staff/retention/rules",
        { session: code, target: target.value, amount: value, unit: unit.value });
      if (result.status !== 200) return showError(Staff.failure(result));
      state.error = "";
      await load();
    });
    for (const entry of rules.filter((item) => item.rule.session)) {
      const remove = element("button", { type: "button", class: "secondary", text: t("retentionRemoveOwn") + " (" +
        (entry.rule.target === "contacts" ? t("targetContacts") : t("targetAnswers")) + ")" });
      remove.addEventListener("click", async () => {
        const result = await Staff.api("DELETE", "/api/staff/retention/rules/" + encodeURIComponent(entry.rule.id));
        if (result.status !== 200) return showError(Staff.failure(result));
        await load();
      });
      buttons.append(remove);
    }
    return form;
  }

  function showError(message) {
    state.error = message;
    render();
  }

  function render() {
    if (!state.plan) return;
    const error = element("p", { class: "form-error", role: "alert", text: state.error });
    error.hidden = !state.error;
    root.replaceChildren(element("h2", { id: "citizens-title", text: t("citizensTitle") }), error, contactsPanel(), retentionPanel());
    root.hidden = false;
  }

  async function toggleContacts() {
    if (state.contacts) {
      state.contacts = null;
      render();
    } else {
      const result = await Staff.api("GET", base + "/contacts");
      if (result.status !== 200) return showError(Staff.failure(result));
      state.contacts = result.body.contacts || [];
      render();
    }
    document.getElementById("contacts-toggle")?.focus();
  }

  async function load() {
    const result = await Staff.api("GET", base + "/retention");
    if (result.status !== 200) return;
    state.plan = result.body;
    render();
  }

  document.addEventListener("staff:language", render);
  // Opening or closing the meeting (here or in another window) moves the deletion dates: ask again.
  const status = document.getElementById("session-status");
  if (status) new MutationObserver(() => { if (state.plan) load(); }).observe(status, { childList: true, subtree: true, characterData: true });
  Staff.start().then((user) => {
    state.user = user;
    return load();
  }).catch(() => {});
})();
