"use strict";
// Kiosk mode: one tablet, many citizens. A citizen who walks away half-way must not leave their
// answers for the next one: after a while without a touch the tablet warns, then starts over blank.
// A facilitator leaves kiosk mode with the session's PIN, which only the server can check.
const Kiosk = (() => {
  const { element } = Questions;
  // Touches, keys and scrolling all count as someone being there; captured so that no control can
  // swallow them.
  const ACTIVITY = ["pointerdown", "keydown", "input", "wheel", "scroll", "touchstart"];
  let options = { idleSeconds: 90, exitNeedsPin: true, pinMaxLength: 8, ui: () => Texts.da, onIdle: () => {}, onExit: () => {}, code: "" };
  let armed = false;
  let warnTimer = null;
  let resetTimer = null;
  let countdownTimer = null;
  let warning = null;

  function configure(changes) {
    options = Object.assign({}, options, changes);
  }

  // The warning comes a little before the reset, long enough to read it and tap the button.
  function warningSeconds() {
    return Math.max(5, Math.min(20, Math.round(options.idleSeconds / 3)));
  }

  // Starts watching once a citizen has begun: a blank form left on the table is no one's.
  function arm() {
    if (armed) return;
    armed = true;
    restart();
  }

  function disarm() {
    armed = false;
    clearTimeout(warnTimer);
    clearTimeout(resetTimer);
    closeWarning();
  }

  function restart() {
    clearTimeout(warnTimer);
    clearTimeout(resetTimer);
    if (!armed) return;
    const idle = options.idleSeconds * 1000;
    warnTimer = setTimeout(warn, idle - warningSeconds() * 1000);
    resetTimer = setTimeout(reset, idle);
  }

  function activity() {
    if (!armed) return;
    closeWarning();
    restart();
  }

  function warn() {
    const ui = options.ui();
    let left = warningSeconds();
    const counter = element("p", { class: "countdown", "aria-hidden": "true", text: left + " " + ui.secondsLeft });
    const stay = element("button", { type: "button", class: "primary", text: ui.stillHere });
    warning = element("dialog", {
      id: "idle-warning", class: "kiosk-dialog", role: "alertdialog",
      "aria-labelledby": "idle-title", "aria-describedby": "idle-message",
    }, [
      element("h2", { id: "idle-title", text: ui.idleTitle }),
      element("p", { id: "idle-message", text: ui.idleMessage }),
      counter, stay,
    ]);
    // Escape, the button or any touch (caught by the activity listeners) all mean "still here".
    warning.addEventListener("cancel", (event) => { event.preventDefault(); activity(); });
    stay.addEventListener("click", activity);
    document.body.append(warning);
    warning.showModal();
    stay.focus();
    countdownTimer = setInterval(() => {
      left = Math.max(0, left - 1);
      counter.textContent = left + " " + ui.secondsLeft;
    }, 1000);
  }

  function closeWarning() {
    clearInterval(countdownTimer);
    if (!warning) return;
    const open = warning;
    warning = null;
    if (open.open) open.close();
    open.remove();
  }

  function reset() {
    disarm();
    // A PIN dialog left open belongs to no one either.
    const pinDialog = document.getElementById("kiosk-exit");
    if (pinDialog) pinDialog.remove();
    options.onIdle();
  }

  // The facilitator's way out: a PIN dialog checked by the server. A session made without a PIN
  // has no lock to open.
  function askForPin() {
    if (!options.exitNeedsPin) {
      disarm();
      return options.onExit();
    }
    const ui = options.ui();
    const input = element("input", {
      id: "kiosk-pin", type: "password", inputmode: "numeric", autocomplete: "off",
      maxlength: options.pinMaxLength, "aria-describedby": "kiosk-pin-error",
    });
    const error = element("p", { id: "kiosk-pin-error", class: "field-error", role: "alert", hidden: true });
    const cancel = element("button", { type: "button", class: "secondary", text: ui.cancel });
    const confirm = element("button", { type: "submit", class: "primary", text: ui.exitKiosk });
    const form = element("form", { novalidate: true, autocomplete: "off" }, [
      element("h2", { id: "kiosk-exit-title", text: ui.exitTitle }),
      element("label", { for: "kiosk-pin", text: ui.pinLabel }), input, error,
      element("div", { class: "navigation" }, [cancel, confirm]),
    ]);
    const dialog = element("dialog", { id: "kiosk-exit", class: "kiosk-dialog", "aria-labelledby": "kiosk-exit-title" }, [form]);
    const close = () => { dialog.close(); dialog.remove(); document.getElementById("facilitator").focus(); };
    const fail = (text) => {
      error.textContent = text;
      error.hidden = false;
      input.setAttribute("aria-invalid", "true");
      input.value = "";
      input.focus();
    };
    cancel.addEventListener("click", close);
    dialog.addEventListener("cancel", (event) => { event.preventDefault(); close(); });
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const pin = input.value.trim();
      if (!pin) return fail(ui.pinMissing);
      confirm.disabled = true;
      const outcome = await checkPin(pin);
      confirm.disabled = false;
      if (outcome !== "ok") return fail(ui[outcome]);
      dialog.close();
      dialog.remove();
      disarm();
      options.onExit();
    });
    document.body.append(dialog);
    dialog.showModal();
    input.focus();
  }

  async function checkPin(pin) {
    let response;
    try {
      const language = document.documentElement.lang === "en" ? "en" : "da";
      response = await fetch("/api/sessions/" + encodeURIComponent(options.code) + "/kiosk/exit", {
        method: "POST", headers: { "Content-Type": "application/json", "Accept-Language": language },
        body: JSON.stringify({ pin }), cache: "no-store",
      });
    } catch (networkError) {
      return "exitNeedsNetwork";
    }
    if (response.ok) return "ok";
    if (response.status === 403) return "wrongPin";
    if (response.status === 429) return "tooManyTries";
    if (response.status === 404 || response.status === 405) return "exitUnavailable";
    return "exitNeedsNetwork";
  }

  ACTIVITY.forEach((name) => document.addEventListener(name, activity, { capture: true, passive: true }));

  return { configure, arm, disarm, askForPin, isArmed: () => armed };
})();
