"use strict";
// The meeting page's newest free-text answers as they arrive (masked by the server as in exports:
// CPR numbers, phone numbers and e-mail addresses replaced), so a facilitator can steer the table
// talk. A switch hides them while the screen is projected; the choice is remembered for this
// meeting's page on this computer. Answers and names never stand side by side: while the contact
// list (session-citizens.js) is open, the answers leave the page. Fed by session.js's poll (the
// "staff:live" event); renders into #live-text.
(() => {
  const texts = {
    da: {
      liveTextTitle: "Nye fritekstsvar", liveTextHide: "Skjul fritekstsvarene (når skærmen vises for andre)",
      liveTextHidden: "Fritekstsvarene er skjult. Slå skjulningen fra for at se dem igen.",
      liveTextContacts: "Fritekstsvarene vises ikke, mens kontaktlisten er åben, så navne og svar ikke står side om side.",
      liveTextNone: "Endnu ingen fritekstsvar.",
      liveTextMasked: "CPR-numre, telefonnumre og e-mailadresser er skjult, som i udtræk.",
    },
    en: {
      liveTextTitle: "New free-text answers", liveTextHide: "Hide the free-text answers (when the screen is shown to others)",
      liveTextHidden: "The free-text answers are hidden. Turn hiding off to see them again.",
      liveTextContacts: "The free-text answers are not shown while the contact list is open, so names and answers never stand side by side.",
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

  const contactsOpen = () => Boolean(document.getElementById("contacts-table"));

  // Minutes only: enough to follow the talk, too coarse to pair an answer with a contact's time.
  const minute = (value) => new Intl.DateTimeFormat(Staff.state.language === "en" ? "en-GB" : "da-DK",
    { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Copenhagen" }).format(new Date(value));

  function render() {
    if (!state.answers) return;
    root.hidden = false;
    heading.textContent = t("liveTextTitle");
    hideLabel.textContent = t("liveTextHide");
    masked.textContent = t("liveTextMasked");
    hide.checked = state.hidden;
    const none = state.answers.length === 0;
    const away = state.hidden || contactsOpen();
    note.textContent = contactsOpen() ? t("liveTextContacts") : state.hidden ? t("liveTextHidden") : none ? t("liveTextNone") : "";
    note.hidden = !note.textContent;
    list.hidden = away || none;
    masked.hidden = away || none;
    // Hidden answers leave the page altogether, not only the screen.
    if (away) {
      list.replaceChildren();
      state.shown = "";
      return;
    }
    // Rewritten only when something changed, so a screen reader hears new answers and nothing else.
    const key = Staff.state.language + JSON.stringify(state.answers);
    if (key === state.shown) return;
    state.shown = key;
    list.replaceChildren(...state.answers.map((answer) => {
      const where = [answer.question, answer.table ? t("atTable", { table: answer.table }) : null, minute(answer.receivedAt)];
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
  const citizens = document.getElementById("citizens-data");
  if (citizens) new MutationObserver(render).observe(citizens, { childList: true, subtree: true });
})();
