"use strict";
// What every staff page shares: the language switch, the JSON API with its CSRF token and the
// 401 → login redirect, the header (who is logged in, log out), field errors and date formatting.
window.Staff = (() => {
  const LANGUAGE_KEY = "borgerdialog.staff.language";
  const state = {
    language: localStorage.getItem(LANGUAGE_KEY) === "en" ? "en" : "da",
    csrfToken: null,
    user: null,
  };

  function t(key, values) {
    const text = StaffTexts[state.language][key] ?? StaffTexts.da[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (whole, name) => (values && name in values ? String(values[name]) : whole));
  }

  // Static HTML names its texts with data-i18n (text) and data-i18n-label (aria-label).
  function applyTexts(root = document) {
    document.documentElement.lang = state.language;
    for (const node of root.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
    for (const node of root.querySelectorAll("[data-i18n-label]")) node.setAttribute("aria-label", t(node.dataset.i18nLabel));
    const title = document.querySelector("meta[name='staff-title']");
    if (title) document.title = t(title.content) + " – Borgerdialog";
    const switcher = document.getElementById("language");
    if (switcher) {
      switcher.textContent = t("switchTo");
      switcher.lang = t("switchToLang");
    }
  }

  function setLanguage(language) {
    state.language = language;
    localStorage.setItem(LANGUAGE_KEY, language);
    applyTexts();
    renderWho();
    document.dispatchEvent(new CustomEvent("staff:language"));
  }

  function loginAddress() {
    return "/login?next=" + encodeURIComponent(location.pathname + location.search);
  }

  /// Calls the API; answers { status, body }. A 401 leaves for the login page; a lost connection throws.
  /// The server's reasons come back in the page's language. A `File`/`Blob` body is sent as it is,
  /// with `contentType`; anything else as JSON.
  async function api(method, path, body, contentType) {
    const headers = { Accept: "application/json", "Accept-Language": state.language };
    const raw = body instanceof Blob;
    if (body !== undefined) headers["Content-Type"] = raw ? contentType || body.type : "application/json";
    if (method !== "GET" && state.csrfToken) headers["X-CSRF-Token"] = state.csrfToken;
    const response = await fetch(path, {
      method, headers, credentials: "same-origin", cache: "no-store",
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
    });
    if (response.status === 401 && path !== "/api/login") {
      location.assign(loginAddress());
      return new Promise(() => {}); // the page is leaving; nothing after this should run
    }
    let parsed = null;
    if (response.status !== 204) {
      try { parsed = await response.json(); } catch { parsed = null; }
    }
    return { status: response.status, body: parsed || {} };
  }

  function roleName(role) {
    return t({ admin: "roleAdmin", facilitator: "roleFacilitator", analyst: "roleAnalyst" }[role] || role);
  }

  // The staff pages' navigation, in one place: every page's <nav class="staff-nav"> is filled from
  // it, and a link shows once the logged-in role may open its page (the server decides either way).
  const NAVIGATION = [
    { href: "/staff", text: "navSessions", roles: ["admin", "facilitator", "analyst"] },
    { href: "/staff/forms", text: "navForms", roles: ["admin", "facilitator", "analyst"] },
    { href: "/analyst", text: "navAnalysis", roles: ["admin", "analyst"] },
    { href: "/staff/privacy", text: "navPrivacy", roles: ["admin"] },
    { href: "/staff/audit", text: "navAudit", roles: ["admin"] },
    { href: "/staff/users", text: "navUsers", roles: ["admin"] },
  ];

  function renderNavigation() {
    const nav = document.querySelector(".staff-nav");
    if (!nav) return;
    const role = state.user && state.user.role;
    nav.replaceChildren(...NAVIGATION.map((item) => {
      const link = element("a", { href: item.href, "data-i18n": item.text, text: t(item.text) });
      link.hidden = !role || !item.roles.includes(role);
      const here = location.pathname === item.href || (item.href !== "/staff" && location.pathname.startsWith(item.href + "/"));
      if (here) link.setAttribute("aria-current", "page");
      return link;
    }));
  }

  function renderWho() {
    const who = document.getElementById("who");
    if (who && state.user) who.textContent = t("loggedInAs", { email: state.user.email, role: roleName(state.user.role) });
  }

  /// Loads who is logged in (and the CSRF token), fills the header; leaves for login when nobody is.
  async function start() {
    const { status, body } = await api("GET", "/api/me");
    if (status !== 200) throw new Error("me: " + status);
    state.csrfToken = body.csrfToken;
    state.user = body.user;
    renderWho();
    renderNavigation();
    for (const link of document.querySelectorAll("[data-admin]")) link.hidden = state.user.role !== "admin";
    return state.user;
  }

  async function logout() {
    try { await api("POST", "/api/logout"); } finally { location.assign("/login?loggedOut=1"); }
  }

  function wireHeader() {
    applyTexts();
    document.getElementById("language")?.addEventListener("click", () => setLanguage(state.language === "da" ? "en" : "da"));
    document.getElementById("logout")?.addEventListener("click", logout);
    renderNavigation();
  }

  /// Builds an element: attributes (class, text, and any other attribute), then children.
  function element(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "text") node.textContent = value;
      else node.setAttribute(name, value === true ? "" : value);
    }
    node.append(...children.filter((child) => child !== null && child !== undefined));
    return node;
  }

  // Each input's error paragraph is the element named in its aria-describedby that has class field-error.
  function errorSlot(input) {
    const ids = (input.getAttribute("aria-describedby") || "").split(/\s+/);
    return ids.map((id) => document.getElementById(id)).find((node) => node && node.classList.contains("field-error"));
  }

  function showFieldError(input, message) {
    const slot = errorSlot(input);
    input.setAttribute("aria-invalid", "true");
    input.closest(".field")?.classList.add("has-error");
    if (slot) {
      slot.textContent = message;
      slot.hidden = false;
    }
  }

  function clearFieldErrors(form) {
    for (const input of form.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
    for (const field of form.querySelectorAll(".has-error")) field.classList.remove("has-error");
    for (const slot of form.querySelectorAll(".field-error")) {
      slot.textContent = "";
      slot.hidden = true;
    }
  }

  function showMessage(node, message) {
    node.textContent = message || "";
    node.hidden = !message;
  }

  // Meetings happen on Danish time (the server reads typed times that way too), so every time shown
  // is Danish time, whatever zone the laptop is set to.
  const TIME_ZONE = "Europe/Copenhagen";

  function locale() {
    return state.language === "en" ? "en-GB" : "da-DK";
  }

  function formatDateTime(value) {
    if (!value) return "–";
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return value;
    return new Intl.DateTimeFormat(locale(), { dateStyle: "medium", timeStyle: "short", timeZone: TIME_ZONE }).format(date);
  }

  function formatTime(value) {
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return value || "–";
    return new Intl.DateTimeFormat(locale(), { hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: TIME_ZONE }).format(date);
  }

  function formatAgo(value, now = Date.now()) {
    const seconds = Math.round((new Date(value).getTime() - now) / 1000);
    if (Number.isNaN(seconds)) return "";
    if (Math.abs(seconds) < 5) return t("justNow");
    const format = new Intl.RelativeTimeFormat(locale(), { numeric: "auto" });
    if (Math.abs(seconds) < 60) return format.format(seconds, "second");
    if (Math.abs(seconds) < 3600) return format.format(Math.round(seconds / 60), "minute");
    return format.format(Math.round(seconds / 3600), "hour");
  }

  function statusLabel(status) {
    return t({ draft: "statusDraft", open: "statusOpen", closed: "statusClosed" }[status] || status);
  }

  function statusBadge(status) {
    return element("span", { class: "status status-" + status, text: statusLabel(status) });
  }

  // The join code split in groups of three, so it reads aloud as "K7M X4Q"; the text stays "K7MX4Q".
  function joinCode(code, className) {
    const groups = (code || "").match(/.{1,3}/g) || [];
    return element("span", { class: "join-code " + (className || "") },
      ...groups.map((group) => element("span", { class: "join-code-group", text: group })));
  }

  function tabletAddress(session) {
    return session.tabletURL || location.origin + "/s/" + encodeURIComponent(session.code);
  }

  /// The session code of pages at /staff/sessions/{code}[/print].
  function codeFromPath() {
    const parts = location.pathname.split("/").filter(Boolean);
    return decodeURIComponent(parts[2] || "").toUpperCase();
  }

  /// The text for a failed request: the server's own reason when it gave one.
  function failure(result) {
    if (result.status === 403) return result.body.error || t("forbidden");
    return result.body.error || t("serverError", { status: result.status });
  }

  return {
    state, t, applyTexts, setLanguage, api, start, wireHeader, element, showFieldError, clearFieldErrors,
    showMessage, formatDateTime, formatTime, formatAgo, statusLabel, statusBadge, joinCode, tabletAddress,
    codeFromPath, failure, roleName,
  };
})();
