"use strict";
// The access page for one receipt (admins): exactly what was stored – meeting, times, every answer
// with its question, the contact details – printable as the answer to a data-access request; and
// the erasure of it all. The server audits the lookup and the erasure (counts only).
(() => {
  const { t, element } = Staff;
  const typed = decodeURIComponent(location.pathname.split("/").filter(Boolean)[2] || "");
  const pageError = document.getElementById("page-error");
  const state = { view: null, user: null, erased: null };

  function fact(label, value) {
    return element("div", {}, element("dt", { text: t(label) }), element("dd", { text: value || "–" }));
  }

  function storedAsText(answer) {
    try { return JSON.parse(answer.value) === answer.answer; } catch { return false; }
  }

  function render() {
    if (state.erased) {
      document.getElementById("sheet").hidden = true;
      document.getElementById("erase-section").hidden = true;
      Staff.showMessage(document.getElementById("erased"), t("erased", state.erased));
      return;
    }
    const view = state.view;
    if (!view) return;
    document.title = t("accessKicker") + " " + view.receipt + " – Borgerdialog";
    // The code never breaks across lines: it is read out and compared character by character.
    const [before, after] = t("accessHeading").split("{receipt}");
    document.getElementById("access-heading").replaceChildren(before, element("span", { class: "receipt-inline", text: view.receipt }), after || "");
    const session = view.session;
    const facts = [
      fact("factMeeting", session.title + " (" + session.code + ")"),
      fact("factPlace", session.place),
      fact("factMeetingTime", session.startsAt ? Staff.formatDateTime(session.startsAt) : null),
      fact("factForm", session.formTitle || session.formId),
      fact("factReceived", Staff.formatDateTime(view.receivedAt)),
      fact("factSent", view.clientSubmittedAt ? Staff.formatDateTime(view.clientSubmittedAt) : null),
    ];
    if (view.table) facts.push(fact("factTable", view.table));
    facts.push(fact("factLate", view.late ? t("yes") : t("no")));
    document.getElementById("facts").replaceChildren(...facts);

    const answers = view.answers || [];
    document.getElementById("answers").hidden = answers.length === 0;
    document.getElementById("no-answers").hidden = answers.length > 0;
    document.getElementById("answer-rows").replaceChildren(...answers.map((answer) => element("tr", {},
      element("th", { scope: "row", text: answer.question }),
      element("td", { class: "answer-text", text: answer.answer || "–" }),
      // A text answer is stored as the text itself; only codes and numbers need showing as stored.
      element("td", {}, storedAsText(answer) ? null : element("code", { class: "stored-value", text: answer.value })))));

    const contact = view.contact;
    document.getElementById("no-contact").hidden = Boolean(contact);
    document.getElementById("contact").hidden = !contact;
    document.getElementById("contact").replaceChildren(...(contact ? [
      fact("columnName", contact.name), fact("columnEmail", contact.email),
      fact("columnConsent", contact.consentText), fact("columnGiven", Staff.formatDateTime(contact.givenAt)),
    ] : []));
    document.getElementById("printed-by").textContent = state.user
      ? t("printedBy", { date: Staff.formatDateTime(new Date().toISOString()), email: state.user.email }) : "";
    document.getElementById("sheet").hidden = false;
    document.getElementById("erase-section").hidden = false;
    document.getElementById("print").disabled = false;
  }

  async function load() {
    const result = await Staff.api("GET", "/api/staff/receipts/" + encodeURIComponent(typed));
    if (result.status !== 200) {
      Staff.showMessage(pageError, result.status === 404 ? t("receiptNotFound", { receipt: typed.toUpperCase() }) : Staff.failure(result));
      return;
    }
    state.view = result.body;
    render();
    document.getElementById("access-heading").focus();
  }

  const eraseButton = document.getElementById("erase");
  const confirmBox = document.getElementById("erase-confirm");
  eraseButton.addEventListener("click", () => {
    document.getElementById("erase-confirm-text").textContent = t("eraseConfirm", { receipt: state.view.receipt });
    confirmBox.hidden = false;
    eraseButton.hidden = true;
    document.getElementById("erase-no").focus();
  });
  document.getElementById("erase-no").addEventListener("click", () => {
    confirmBox.hidden = true;
    eraseButton.hidden = false;
    eraseButton.focus();
  });
  document.getElementById("erase-yes").addEventListener("click", async () => {
    const yes = document.getElementById("erase-yes");
    yes.disabled = true;
    try {
      const result = await Staff.api("DELETE", "/api/staff/receipts/" + encodeURIComponent(state.view.receipt));
      if (result.status !== 200) {
        Staff.showMessage(document.getElementById("erase-error"), Staff.failure(result));
        return;
      }
      // What was shown is gone from the page too: only the confirmation stays.
      state.erased = { receipt: state.view.receipt, answers: result.body.answers, contacts: result.body.contacts };
      state.view = null;
      document.getElementById("answer-rows").replaceChildren();
      document.getElementById("contact").replaceChildren();
      document.getElementById("print").disabled = true;
      render();
      document.getElementById("erased").focus?.();
    } catch {
      Staff.showMessage(document.getElementById("erase-error"), t("networkError"));
    } finally {
      yes.disabled = false;
    }
  });
  document.getElementById("print").addEventListener("click", () => window.print());
  document.addEventListener("staff:language", render);
  Staff.wireHeader();
  Staff.start().then((user) => {
    state.user = user;
    return load();
  }).catch(() => Staff.showMessage(pageError, t("networkError")));
})();
