"use strict";
// Citizens' data for admins: a response by its receipt code (→ the access page), contact details by
// e-mail or phone (erase them, with or without the response), and the forms' retention rules.
// Every search and erasure is audited by the server; no search term is kept in the page's address.
(() => {
  const { t, element } = Staff;
  const pageError = document.getElementById("page-error");
  const RECEIPT = /^[2-9A-HJKMNP-Z]{8}$/;
  const state = { contacts: null, rules: [], forms: [], lastSearch: null };

  // The canonical receipt: upper case, dashes and spaces dropped (as the server reads it).
  const canonicalReceipt = (typed) => typed.toUpperCase().replace(/[\s-]/g, "");

  document.getElementById("receipt-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const input = document.getElementById("receipt");
    Staff.clearFieldErrors(form);
    const receipt = canonicalReceipt(input.value);
    if (!receipt) return Staff.showFieldError(input, t("receiptMissing"));
    if (!RECEIPT.test(receipt)) return Staff.showFieldError(input, t("receiptInvalid"));
    location.assign("/staff/receipts/" + receipt.slice(0, 4) + "-" + receipt.slice(4));
  });

  // --- contact details by e-mail or phone

  function searchQuery(text) {
    const trimmed = text.trim();
    if (trimmed.includes("@")) return "email=" + encodeURIComponent(trimmed);
    if ((trimmed.match(/\d/g) || []).length >= 6) return "phone=" + encodeURIComponent(trimmed);
    return null;
  }

  async function search(query) {
    const status = document.getElementById("contact-status");
    const result = await Staff.api("GET", "/api/staff/contacts?" + query);
    if (result.status !== 200) {
      Staff.showMessage(pageError, Staff.failure(result));
      return;
    }
    Staff.showMessage(pageError, "");
    state.contacts = result.body.contacts || [];
    state.lastSearch = query;
    renderContacts();
    status.textContent = state.contacts.length ? t("contactSearchFound", { count: state.contacts.length }) : t("contactSearchNone");
  }

  function renderContacts() {
    const contacts = state.contacts || [];
    document.getElementById("contact-results").hidden = contacts.length === 0;
    document.getElementById("contact-rows").replaceChildren(...contacts.map((contact) => {
      const actions = element("td", { class: "row-actions" });
      const eraseOnly = element("button", { type: "button", class: "secondary", text: t("eraseContact") });
      const eraseBoth = element("button", { type: "button", class: "danger", text: t("eraseContactAndAnswer") });
      eraseOnly.addEventListener("click", () => confirmErase(actions, contact, false));
      eraseBoth.addEventListener("click", () => confirmErase(actions, contact, true));
      actions.append(eraseOnly, eraseBoth);
      const meeting = contact.session ? contact.session.title + " (" + contact.session.code + ")" : "–";
      return element("tr", {},
        element("td", { text: contact.name || "–" }),
        element("td", { text: contact.email }),
        element("td", { text: meeting }),
        element("td", {}, element("time", { datetime: contact.givenAt, text: Staff.formatDateTime(contact.givenAt) })),
        actions);
    }));
  }

  function confirmErase(cell, contact, withResponse) {
    const question = element("p", { class: "confirm-text",
      text: withResponse ? t("eraseBothConfirm") : t("eraseContactConfirm", { name: contact.name || contact.email }) });
    const yes = element("button", { type: "button", class: "danger", text: t("eraseYes") });
    const no = element("button", { type: "button", class: "secondary", text: t("eraseNo") });
    no.addEventListener("click", renderContacts);
    yes.addEventListener("click", async () => {
      yes.disabled = true;
      const result = await Staff.api("DELETE", "/api/staff/contacts/" + encodeURIComponent(contact.id) + (withResponse ? "?answers=true" : ""));
      if (result.status !== 200) {
        Staff.showMessage(pageError, Staff.failure(result));
        return renderContacts();
      }
      state.contacts = state.contacts.filter((entry) => entry.id !== contact.id);
      renderContacts();
      document.getElementById("contact-status").textContent = withResponse ? t("contactAndAnswerErased") : t("contactErased");
    });
    cell.replaceChildren(element("div", { class: "confirm" }, question, element("div", { class: "actions" }, yes, no)));
    no.focus();
  }

  document.getElementById("contact-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const input = document.getElementById("contact-query");
    Staff.clearFieldErrors(form);
    const query = searchQuery(input.value);
    if (!query) return Staff.showFieldError(input, t("contactSearchMissing"));
    search(query).catch(() => Staff.showMessage(pageError, t("networkError")));
  });

  // --- retention rules

  function unitName(amount, unit) {
    if (unit === "days") return amount === 1 ? t("unitDay") : t("unitDays");
    return amount === 1 ? t("unitMonth") : t("unitMonths");
  }

  function formTitle(id) {
    return state.forms.find((form) => form.id === id)?.title || id;
  }

  function renderRules() {
    const rules = state.rules;
    document.getElementById("rules").hidden = rules.length === 0;
    document.getElementById("rules-status").textContent = rules.length ? "" : t("rulesEmpty");
    document.getElementById("rule-rows").replaceChildren(...rules.map((rule) => {
      const remove = element("button", { type: "button", class: "secondary", text: t("ruleRemove") });
      remove.addEventListener("click", () => removeRule(rule));
      const appliesTo = rule.formId ? t("ruleForForm", { form: formTitle(rule.formId) })
        : t("ruleForSession", { code: rule.session || "?", title: rule.sessionTitle || "" });
      const target = element("td", {}, rule.session
        ? element("a", { href: "/staff/sessions/" + encodeURIComponent(rule.session), text: appliesTo })
        : document.createTextNode(appliesTo));
      return element("tr", {},
        target,
        element("td", { text: rule.target === "contacts" ? t("targetContacts") : t("targetAnswers") }),
        element("td", { text: t("ruleWhen", { amount: rule.amount, unit: unitName(rule.amount, rule.unit) }) }),
        element("td", { text: rule.createdBy + ", " + Staff.formatDateTime(rule.createdAt) }),
        element("td", {}, remove));
    }));
    const select = document.getElementById("rule-form-id");
    const chosen = select.value;
    select.replaceChildren(...state.forms.map((form) => element("option", { value: form.id, text: form.title })));
    if (chosen) select.value = chosen;
  }

  async function loadRules() {
    const [rules, forms] = await Promise.all([
      Staff.api("GET", "/api/staff/retention/rules"), Staff.api("GET", "/api/staff/forms"),
    ]);
    if (rules.status !== 200) return Staff.showMessage(pageError, Staff.failure(rules));
    state.rules = rules.body.rules || [];
    if (forms.status === 200) {
      state.forms = (forms.body.forms || []).filter((form) => form.status === "published")
        .map((form) => ({ id: form.id, title: form.title || form.id }));
    }
    renderRules();
  }

  async function removeRule(rule) {
    const result = await Staff.api("DELETE", "/api/staff/retention/rules/" + encodeURIComponent(rule.id));
    if (result.status !== 200) return Staff.showMessage(pageError, Staff.failure(result));
    await loadRules();
    document.getElementById("rules-status").textContent = t("ruleRemoved");
  }

  document.getElementById("rule-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    Staff.clearFieldErrors(form);
    Staff.showMessage(document.getElementById("rule-error"), "");
    const amountInput = document.getElementById("rule-amount");
    const amount = Number(amountInput.value);
    if (amountInput.value === "" || !Number.isInteger(amount) || amount < 0 || amount > 3650) {
      return Staff.showFieldError(amountInput, t("ruleAmountInvalid"));
    }
    const result = await Staff.api("PUT", "/api/staff/retention/rules", {
      formId: document.getElementById("rule-form-id").value,
      target: document.getElementById("rule-target").value,
      amount, unit: document.getElementById("rule-unit").value,
    });
    if (result.status !== 200) {
      return Staff.showMessage(document.getElementById("rule-error"), Staff.failure(result));
    }
    await loadRules();
    document.getElementById("rules-status").textContent = t("ruleSaved");
  });

  document.addEventListener("staff:language", () => {
    if (state.contacts) renderContacts();
    renderRules();
  });
  Staff.wireHeader();
  Staff.start().then(loadRules).catch(() => Staff.showMessage(pageError, t("networkError")));
})();
