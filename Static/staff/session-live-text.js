"use strict";
// The meeting page's newest free-text answers as they arrive (masked by the server as in exports:
// CPR numbers, phone numbers and e-mail addresses replaced), so a facilitator can steer the table
// talk. A switch hides them while the screen is projected; the choice is remembered for this
// meeting's page on this computer. Fed by session.js's poll (the "staff:live" event); renders into
// #live-text.
(() => {
  const texts = {
    da: {
      liveTextTitle: "Nye fritekstsvar", liveTextHide: "Skjul fritekstsvarene (når skærmen vises for andre)",
      liveTextHidden: "Fritekstsvarene er skjult. Slå skjulningen fra for at se dem igen.",
      liveTextNone: "Endnu ingen fritekstsvar.",
      liveTextMasked: "CPR-numre, telefonnumre og e-mailadresser er skjult, som i udtræk.",
    },
    en: {
      liveTextTitle: "New free-text answers", liveTextHide: "Hide the free-text answers (when the screen is shown to others)",
      liveTextHidden: "The free-text answers are hidden. Turn hiding off to see them again.",
      liveTextNone: "No free-text answers yet.",
      liveTextMasked: "CPR numbers, phone numbers and e-mail addresses are masked, as in exports.",
    },
  };
  Object.assign(window.StaffTexts.da, texts.da);
  Object.assign(window.StaffTexts.en, texts.en);

  const { t, element } = Staff;
  const root = document.getElementById("live-text");
  if (!root) return;
  const KEY = "borgerdialog.staff.liveTextHidden." + Staff.codeFromPath();
  const state = { answers: null, hidden: localStorage.getItem(KEY) === "true", shown: "" };

  const heading = element("h3", { id: "live-text-title" });
  const hide = element("input", { type: "checkbox", id: "live-text-hide", role: "switch" });
  const hideLabel = element("span");
  const note = element("p", { id: "live-text-note", class: "muted" });
  const masked = element("p", { class: "help" });
  const list = element("ol", { id: "live-text-list", class: "live-text-list", "aria-live": "polite" });
  root.append(heading, element("label", { class: "live-text-switch", for: "live-text-hide" }, hide, hideLabel), note, list, masked);

  hide.addEventListener("change", () => {
    state.hidden = hide.checked;
    localStorage.setItem(KEY, String(state.hidden));
    render();
  });

  function render() {
    if (!state.answers) return;
    root.hidden = false;
    heading.textContent = t("liveTextTitle");
    hideLabel.textContent = t("liveTextHide");
    masked.textContent = t("liveTextMasked");
    hide.checked = state.hidden;
    const none = state.answers.length === 0;
    note.textContent = state.hidden ? t("liveTextHidden") : none ? t("liveTextNone") : "";
    note.hidden = !note.textContent;
    list.hidden = state.hidden || none;
    masked.hidden = state.hidden || none;
    // Rewritten only when something changed, so a screen reader hears new answers and nothing else.
    const key = Staff.state.language + JSON.stringify(state.answers);
    if (state.hidden || key === state.shown) return;
    state.shown = key;
    list.replaceChildren(...state.answers.map((answer) => {
      const where = [answer.question, answer.table ? t("atTable", { table: answer.table }) : null, Staff.formatTime(answer.receivedAt)];
      return element("li", {},
        element("p", { class: "live-text-answer", text: answer.text }),
        element("p", { class: "live-text-meta", text: where.filter(Boolean).join(" · ") }));
    }));
  }

  document.addEventListener("staff:live", (event) => {
    state.answers = Array.isArray(event.detail.freeText) ? event.detail.freeText : [];
    render();
  });
  document.addEventListener("staff:language", () => { state.shown = ""; render(); });
})();
