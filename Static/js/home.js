"use strict";
// The start page: a join code typed on the tablet leads to the session's form.
document.getElementById("join").addEventListener("submit", (event) => {
  event.preventDefault();
  const input = document.getElementById("join-code");
  const error = document.getElementById("join-error");
  const code = input.value.toUpperCase().replace(/[\s-]/g, "");
  if (!/^[A-Z0-9]{4,12}$/.test(code)) {
    error.textContent = "Skriv koden, du har fået af mødelederen.";
    error.hidden = false;
    input.setAttribute("aria-invalid", "true");
    input.focus();
    return;
  }
  window.location.assign("/s/" + encodeURIComponent(code));
});
