"use strict";
// The login page: e-mail and password; on success back to the page that sent the user here.
(() => {
  const form = document.getElementById("login");
  const email = document.getElementById("email");
  const password = document.getElementById("password");
  const button = document.getElementById("login-button");
  const formError = document.getElementById("login-error");
  const parameters = new URLSearchParams(location.search);
  const requested = parameters.get("next");

  // Only a path on this site: "//evil.example" or "/\evil" would leave it.
  function destination() {
    if (requested && requested.startsWith("/") && !requested.startsWith("//") && !requested.startsWith("/\\")) return requested;
    return "/staff";
  }

  function busy(isBusy) {
    button.disabled = isBusy;
    button.textContent = Staff.t(isBusy ? "loginBusy" : "loginButton");
  }

  // Keeps the button disabled while the server refuses attempts, then lets the user try again.
  function lockFor(seconds) {
    const until = Date.now() + seconds * 1000;
    const tick = () => {
      const left = Math.ceil((until - Date.now()) / 1000);
      if (left <= 0) {
        busy(false);
        Staff.showMessage(formError, "");
        return;
      }
      button.disabled = true;
      formError.textContent = Staff.t("loginLocked", { seconds: left });
      setTimeout(tick, 1000);
    };
    Staff.showMessage(formError, Staff.t("loginLocked", { seconds }));
    setTimeout(tick, 1000);
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    Staff.clearFieldErrors(form);
    Staff.showMessage(formError, "");
    const address = email.value.trim();
    let first = null;
    if (!address) {
      Staff.showFieldError(email, Staff.t("emailMissing"));
      first = email;
    }
    if (!password.value) {
      Staff.showFieldError(password, Staff.t("passwordMissing"));
      first = first || password;
    }
    if (first) {
      first.focus();
      return;
    }
    busy(true);
    let result;
    try {
      result = await Staff.api("POST", "/api/login", { email: address, password: password.value });
    } catch {
      busy(false);
      Staff.showMessage(formError, Staff.t("networkError"));
      return;
    }
    if (result.status === 200) {
      location.assign(destination());
      return;
    }
    busy(false);
    password.value = "";
    if (result.status === 429) {
      lockFor(Math.max(1, Number(result.body.retryAfterSeconds) || 30));
    } else if (result.status === 401) {
      Staff.showMessage(formError, Staff.t("loginWrong"));
      password.focus();
    } else {
      Staff.showMessage(formError, Staff.failure(result));
    }
  });

  Staff.wireHeader();
  document.getElementById("login-next").hidden = !requested;
  document.getElementById("logged-out").hidden = !parameters.has("loggedOut");
  document.addEventListener("staff:language", () => { if (!button.disabled) busy(false); });
  // Someone already logged in goes straight on.
  fetch("/api/me", { credentials: "same-origin", cache: "no-store" })
    .then((response) => { if (response.ok) location.replace(destination()); })
    .catch(() => {});
  email.focus();
})();
