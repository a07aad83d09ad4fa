"use strict";
// The page the server writes when a staff page cannot be shown (403/404). "Log in as someone else"
// ends this login first, or the login page would send the person straight back; the language link
// is remembered like the staff pages' own switch, and a language chosen there is followed here.
(() => {
  const LANGUAGE_KEY = "borgerdialog.staff.language";
  const chosen = localStorage.getItem(LANGUAGE_KEY);
  if (!new URLSearchParams(location.search).has("lang") && (chosen === "da" || chosen === "en")
      && chosen !== document.documentElement.lang) {
    location.replace(location.pathname + "?lang=" + chosen);
    return;
  }
  const language = document.getElementById("language");
  language?.addEventListener("click", () => localStorage.setItem(LANGUAGE_KEY, language.dataset.language));

  const switchUser = document.getElementById("switch-user");
  switchUser?.addEventListener("click", async (event) => {
    event.preventDefault();
    const destination = new URL(switchUser.href);
    try {
      const me = await fetch("/api/me", { credentials: "same-origin", cache: "no-store" });
      if (me.ok) {
        const { csrfToken } = await me.json();
        const out = await fetch("/api/logout", { method: "POST", credentials: "same-origin", headers: { "X-CSRF-Token": csrfToken } });
        if (out.ok) destination.searchParams.set("loggedOut", "1");
      }
    } catch {
      // Offline: the login page says so when it is tried.
    }
    location.assign(destination.href);
  });
})();
