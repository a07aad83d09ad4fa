"use strict";
// Staff accounts for admins: list, add (a one-time link to hand over, no e-mail), change role,
// disable and enable, reset the password (a new link), delete an account that has never been used.
// Anything that locks a person out asks first, in a row under the account.
(() => {
  const { t, element } = Staff;
  const pageError = document.getElementById("page-error");
  const listStatus = document.getElementById("users-status");
  const actionMessage = document.getElementById("action-message");
  const table = document.getElementById("users");
  const form = document.getElementById("new-user");
  const emailInput = document.getElementById("email");
  const roleInput = document.getElementById("role");
  const addButton = document.getElementById("add-user");
  const addError = document.getElementById("add-error");
  const linkBox = document.getElementById("link-box");
  const state = { users: [], rules: [], confirming: null, link: null };

  function statusCell(user) {
    const label = { disabled: "userDisabled", invited: "userInvited", active: "userActive" }[user.status] || "userActive";
    const note = user.status !== "invited" ? null
      : user.linkExpiresAt ? t("userLinkUntil", { date: Staff.formatDateTime(user.linkExpiresAt) }) : t("userLinkExpired");
    return element("td", {}, element("span", { class: "status user-status-" + user.status, text: t(label) }),
      note ? element("span", { class: "user-link-note", text: note }) : null);
  }

  function roleOption(role) {
    return t({ admin: "roleAdminOption", facilitator: "roleFacilitatorOption", analyst: "roleAnalystOption" }[role]);
  }

  // The server keeps the last enabled administrator; the page does not offer what it would refuse.
  function isLastAdmin(user) {
    const admins = state.users.filter((known) => known.role === "admin" && known.status !== "disabled");
    return user.role === "admin" && user.status !== "disabled" && admins.length === 1;
  }

  function roleCell(user) {
    if (isLastAdmin(user)) {
      return element("td", {}, element("span", { text: roleOption(user.role) }),
        element("span", { class: "user-link-note", text: t("onlyAdmin") }));
    }
    const select = element("select", { "aria-label": t("roleFor", { email: user.email }), "data-role-of": user.email },
      ...["facilitator", "analyst", "admin"].map((role) =>
        element("option", { value: role, selected: role === user.role, text: roleOption(role) })));
    const save = element("button", { type: "button", class: "secondary small", hidden: true, text: t("saveRole") });
    select.addEventListener("change", () => { save.hidden = select.value === user.role; });
    save.addEventListener("click", () => act(user, "role", { role: select.value }));
    return element("td", {}, element("div", { class: "inline-control" }, select, save));
  }

  function actionButton(user, action, label, kind = "secondary") {
    const button = element("button", { type: "button", class: kind + " small", "data-action": action, text: label });
    button.addEventListener("click", () => (needsConfirmation(action) ? askFirst(user, action) : act(user, action)));
    return button;
  }

  function needsConfirmation(action) {
    return action === "disable" || action === "reset" || action === "delete";
  }

  function actionsCell(user) {
    const buttons = [];
    if (user.status === "disabled") {
      buttons.push(actionButton(user, "enable", t("enableUser")));
    } else if (!user.isYou) {
      // One's own password and access are changed by another administrator (or the command line).
      const noLink = user.status === "invited" && !user.linkExpiresAt;
      buttons.push(actionButton(user, "reset", noLink ? t("newLink") : t("resetPassword")));
      buttons.push(actionButton(user, "disable", t("disableUser"), "danger"));
    }
    if (user.canDelete) buttons.push(actionButton(user, "delete", t("deleteUser"), "danger"));
    return element("td", {}, element("div", { class: "row-actions" }, ...buttons));
  }

  function confirmRow(user, action) {
    const text = element("p", { id: "confirm-text", text: t(action + "Confirm", { email: user.email }) });
    const yes = element("button", {
      type: "button", class: action === "reset" ? "primary" : "danger", "aria-describedby": "confirm-text",
      text: t(action + "Yes"),
    });
    const no = element("button", { type: "button", class: "secondary", text: t("cancel") });
    yes.addEventListener("click", () => act(user, action));
    no.addEventListener("click", () => {
      state.confirming = null;
      render();
      table.querySelector(`[data-user="${user.id}"] [data-action="${action}"]`)?.focus();
    });
    return element("tr", { class: "confirm-row" }, element("td", { colspan: "6" }, element("div", { class: "confirm" }, text,
      element("div", { class: "actions" }, yes, no))));
  }

  function render() {
    const rows = [];
    for (const user of state.users) {
      const name = [element("span", { text: user.email })];
      if (user.isYou) name.push(element("span", { class: "you", text: " " + t("you") }));
      rows.push(element("tr", { "data-user": user.id, class: user.status === "disabled" ? "disabled-row" : null },
        element("th", { scope: "row" }, ...name),
        roleCell(user),
        statusCell(user),
        element("td", { class: "date", text: Staff.formatDateTime(user.createdAt) }),
        element("td", { class: "date", text: user.lastLoginAt ? Staff.formatDateTime(user.lastLoginAt) : t("neverLoggedIn") }),
        actionsCell(user)));
      if (state.confirming && state.confirming.id === user.id) rows.push(confirmRow(user, state.confirming.action));
    }
    document.getElementById("users-body").replaceChildren(...rows);
    table.hidden = state.users.length === 0;
    listStatus.hidden = state.users.length > 0;
    document.getElementById("password-rules").replaceChildren(...state.rules.map((rule) =>
      element("li", { text: Staff.state.language === "en" ? rule.en : rule.da })));
    if (state.link) renderLink();
  }

  function askFirst(user, action) {
    state.confirming = { id: user.id, action };
    render();
    table.querySelector(".confirm-row button")?.focus();
  }

  function renderLink() {
    const { user, url, expiresAt, reason } = state.link;
    document.getElementById("link-title").textContent = t(reason === "add" ? "linkTitleNew" : "linkTitleReset", { email: user.email });
    document.getElementById("link-intro").textContent = t("linkIntro", { email: user.email });
    document.getElementById("link-url").value = url;
    document.getElementById("link-expiry").textContent = t("linkExpiry", { date: Staff.formatDateTime(expiresAt) });
  }

  function showLink(user, url, expiresAt, reason) {
    state.link = { user, url, expiresAt, reason };
    document.getElementById("link-copied").textContent = "";
    renderLink();
    linkBox.hidden = false;
    linkBox.focus();
  }

  async function load() {
    const result = await Staff.api("GET", "/api/staff/users");
    if (result.status !== 200) {
      Staff.showMessage(pageError, Staff.failure(result));
      return;
    }
    state.users = result.body.users || [];
    state.rules = result.body.passwordRules || [];
    render();
  }

  function replaceUser(user) {
    state.users = state.users.map((known) => (known.id === user.id ? user : known));
  }

  async function act(user, action, body) {
    Staff.showMessage(actionMessage, "");
    Staff.showMessage(pageError, "");
    const path = "/api/staff/users/" + encodeURIComponent(user.id) + (action === "delete" ? "" : "/" + action);
    let result;
    try {
      result = await Staff.api(action === "delete" ? "DELETE" : "POST", path, body || {});
    } catch {
      Staff.showMessage(pageError, t("networkError"));
      return;
    }
    state.confirming = null;
    if (result.status !== 200) {
      Staff.showMessage(pageError, Staff.failure(result));
      await load();
      pageError.scrollIntoView({ block: "nearest" });
      return;
    }
    if (action === "delete") {
      state.users = state.users.filter((known) => known.id !== user.id);
    } else {
      replaceUser(result.body.user);
    }
    render();
    if (action === "reset") {
      showLink(result.body.user, result.body.setPasswordURL, result.body.linkExpiresAt, "reset");
    } else {
      Staff.showMessage(actionMessage, t(action + "Done", { email: user.email, role: body?.role ? Staff.roleName(body.role) : "" }));
      // A change to one's own account (a new role, say) may change what this page may do.
      if (user.isYou) location.reload();
    }
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    Staff.clearFieldErrors(form);
    Staff.showMessage(addError, "");
    const email = emailInput.value.trim();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
      Staff.showFieldError(emailInput, t("emailInvalid"));
      emailInput.focus();
      return;
    }
    addButton.disabled = true;
    try {
      const result = await Staff.api("POST", "/api/staff/users", { email, role: roleInput.value });
      if (result.status === 201) {
        form.reset();
        state.users = [...state.users.filter((known) => known.id !== result.body.user.id), result.body.user]
          .sort((a, b) => a.email.localeCompare(b.email));
        render();
        showLink(result.body.user, result.body.setPasswordURL, result.body.linkExpiresAt, "add");
      } else if ((result.status === 422 || result.status === 400) && Array.isArray(result.body.errors)) {
        for (const problem of result.body.errors) {
          const input = problem.field === "role" ? roleInput : emailInput;
          Staff.showFieldError(input, problem.reason);
        }
        emailInput.focus();
      } else {
        Staff.showMessage(addError, Staff.failure(result));
      }
    } catch {
      Staff.showMessage(addError, t("networkError"));
    } finally {
      addButton.disabled = false;
    }
  });

  document.getElementById("link-copy").addEventListener("click", async () => {
    const input = document.getElementById("link-url");
    input.select();
    let copied = false;
    try {
      await navigator.clipboard.writeText(input.value);
      copied = true;
    } catch {
      copied = document.execCommand && document.execCommand("copy");
    }
    document.getElementById("link-copied").textContent = copied ? t("linkCopied") : t("linkCopyByHand");
  });
  document.getElementById("link-dismiss").addEventListener("click", () => {
    linkBox.hidden = true;
    state.link = null;
    document.getElementById("link-url").value = "";
    document.getElementById("users-title").focus();
  });

  document.addEventListener("staff:language", render);
  Staff.wireHeader();
  document.getElementById("welcome").hidden = !new URLSearchParams(location.search).has("welcome");
  Staff.start().then(load).catch(() => Staff.showMessage(pageError, t("networkError")));
})();
