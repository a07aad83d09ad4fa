"use strict";
// The pages a one-time link opens: /setup (the first administrator) and /password (a new account's
// first password, or one after a reset). The token is in the link's fragment, which the browser
// never sends; it is posted in the body. The link is checked before anything is typed, so an old
// link says so at once; the password rules come from the server's policy.
(() => {
  const { t, element } = Staff;
  const purpose = document.body.dataset.purpose; // "setup" or "password"
  const api = purpose === "setup" ? "/api/setup" : "/api/password";
  const token = decodeURIComponent(location.hash.replace(/^#/, ""));
  const form = document.getElementById("password-form");
  const email = document.getElementById("email");
  const password = document.getElementById("password");
  const repeat = document.getElementById("repeat");
  const save = document.getElementById("save");
  const formError = document.getElementById("form-error");
  const state = { check: null, problem: null };

  function renderRules() {
    const rules = state.check?.passwordRules || [];
    document.getElementById("rules-list").replaceChildren(...rules.map((rule) =>
      element("li", { text: Staff.state.language === "en" ? rule.en : rule.da })));
  }

  function render() {
    const check = state.check;
    if (purpose === "password") {
      const first = check ? check.firstPassword : true;
      document.getElementById("page-title").textContent = t(first ? "passwordTitle" : "passwordTitleReset");
      document.getElementById("password-intro").textContent = check ? t(first ? "passwordIntro" : "passwordIntroReset") : "";
    }
    if (check) {
      document.getElementById("link-expires").textContent = t("linkWorksUntil", { date: Staff.formatDateTime(check.expiresAt) });
    }
    renderRules();
    if (state.problem) showProblem(state.problem);
  }

  function showProblem(problem) {
    state.problem = problem;
    document.getElementById("checking").hidden = true;
    form.hidden = true;
    const box = document.getElementById("link-problem");
    document.getElementById("link-problem-text").textContent = problem.text;
    const help = document.getElementById("link-problem-help");
    help.replaceChildren();
    if (problem.kind === "adminExists") {
      help.append(t("goToLoginBefore"), element("a", { href: "/login", text: t("goToLogin") }), ".");
    } else if (problem.kind === "linkNotValid") {
      help.textContent = t(purpose === "setup" ? "setupLinkHelp" : "passwordLinkHelp");
    }
    box.hidden = false;
  }

  function problemOf(result) {
    if (result.status === 409) return { kind: "adminExists", text: result.body.error || t("adminExists") };
    if (result.status === 410 || result.status === 404) return { kind: "linkNotValid", text: result.body.error || t("linkNotValid") };
    return { kind: "other", text: Staff.failure(result) };
  }

  async function check() {
    if (!token) {
      showProblem({ kind: "linkNotValid", text: t("linkIncomplete") });
      return;
    }
    let result;
    try {
      result = await Staff.api("POST", api + "/check", { token });
    } catch {
      showProblem({ kind: "other", text: t("networkError") });
      return;
    }
    if (result.status !== 200) {
      showProblem(problemOf(result));
      return;
    }
    state.check = result.body;
    document.getElementById("checking").hidden = true;
    if (purpose === "password") email.value = result.body.email;
    form.hidden = false;
    render();
    (purpose === "setup" ? email : password).focus();
    if (purpose === "password") warnAboutOtherLogin(result.body.email);
  }

  // An admin who opens the link to try it would otherwise be logged out of their own account silently.
  async function warnAboutOtherLogin(owner) {
    try {
      const response = await fetch("/api/me", { credentials: "same-origin", cache: "no-store" });
      if (!response.ok) return;
      const me = await response.json();
      if (me.user && me.user.email.toLowerCase() !== owner.toLowerCase()) {
        Staff.showMessage(document.getElementById("other-login"), t("otherLogin", { me: me.user.email, owner }));
      }
    } catch {
      // Only a courtesy: without it the page still works.
    }
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    Staff.clearFieldErrors(form);
    Staff.showMessage(formError, "");
    let first = null;
    const mark = (input, message) => {
      Staff.showFieldError(input, message);
      first = first || input;
    };
    if (purpose === "setup" && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.value.trim())) mark(email, t("emailInvalid"));
    if (!password.value) mark(password, t("passwordMissing"));
    else if (password.value !== repeat.value) mark(repeat, t("passwordsDiffer"));
    if (first) {
      first.focus();
      return;
    }
    save.disabled = true;
    save.textContent = t("saving");
    const body = purpose === "setup" ? { token, email: email.value.trim(), password: password.value } : { token, password: password.value };
    let result;
    try {
      result = await Staff.api("POST", api, body);
    } catch {
      Staff.showMessage(formError, t("networkError"));
      save.disabled = false;
      save.textContent = t(purpose === "setup" ? "setupButton" : "passwordButton");
      return;
    }
    if (result.status === 200 || result.status === 201) {
      // The link is used up; leave no trace of it in the history.
      history.replaceState(null, "", location.pathname);
      location.assign(purpose === "setup" ? "/staff/users?welcome=1" : "/staff");
      return;
    }
    save.disabled = false;
    save.textContent = t(purpose === "setup" ? "setupButton" : "passwordButton");
    if (result.status === 422 && Array.isArray(result.body.errors)) {
      for (const problem of result.body.errors) mark(problem.field === "email" ? email : password, problem.reason);
      first?.focus();
    } else if ([409, 410, 404].includes(result.status)) {
      showProblem(problemOf(result));
    } else {
      Staff.showMessage(formError, Staff.failure(result));
    }
  });

  document.getElementById("show-password").addEventListener("change", (event) => {
    const type = event.target.checked ? "text" : "password";
    password.type = type;
    repeat.type = type;
  });
  document.addEventListener("staff:language", render);
  Staff.wireHeader();
  check();
})();
