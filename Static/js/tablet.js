"use strict";
// The tablet form: one citizen after another on one shared tablet. After a submit it thanks the
// citizen and starts over blank; answers wait in the Outbox until the server has them.
(() => {
  const main = document.getElementById("main");
  const code = decodeURIComponent(location.pathname.split("/").filter(Boolean).pop() || "").toUpperCase();
  const FALLBACK_UI = {
    da: { submit: "Send svar", next: "Næste", back: "Tilbage", required: "skal besvares", thankYou: "Tak for dine svar!",
          yes: "Ja", no: "Nej", other: "Andet", dontKnow: "Ved ikke", requiredError: "Dette spørgsmål skal besvares.",
          nextCitizen: "Klar til næste borger …", pending: "svar venter på at blive sendt", savedOffline: "Dit svar er gemt på tabletten og sendes, så snart der er forbindelse.",
          closed: "Mødet er lukket, og der modtages ikke flere svar.", notFound: "Der findes ikke et møde med den kode.",
          loadFailed: "Spørgeskemaet kunne ikke hentes. Tjek forbindelsen og prøv igen.", retry: "Prøv igen", fixErrors: "Ret de markerede svar.",
          contactToggle: "Jeg vil gerne lægge mine kontaktoplysninger", consent: "Jeg giver samtykke", switchTo: "English" },
    en: { submit: "Send answers", next: "Next", back: "Back", required: "required", thankYou: "Thank you for your answers!",
          yes: "Yes", no: "No", other: "Other", dontKnow: "Don't know", requiredError: "This question must be answered.",
          nextCitizen: "Ready for the next citizen …", pending: "answers waiting to be sent", savedOffline: "Your answer is saved on the tablet and will be sent as soon as there is a connection.",
          closed: "The meeting is closed and no more answers are accepted.", notFound: "There is no meeting with that code.",
          loadFailed: "The form could not be loaded. Check the connection and try again.", retry: "Try again", fixErrors: "Please correct the marked answers.",
          contactToggle: "I would like to leave my contact details", consent: "I consent", switchTo: "Dansk" },
  };
  const state = { language: localStorage.getItem("borgerdialog.language") === "en" ? "en" : "da", documents: {}, pageIndex: 0, controls: [] };
  const ui = () => Object.assign({}, FALLBACK_UI[state.language], (state.documents[state.language] || {}).form?.ui || {});

  async function load(language) {
    if (state.documents[language]) return state.documents[language];
    const response = await fetch("/api/sessions/" + encodeURIComponent(code) + "/form?lang=" + language);
    if (response.status === 404) throw new Error("notFound");
    if (!response.ok) throw new Error("loadFailed");
    state.documents[language] = await response.json();
    return state.documents[language];
  }

  function message(text, withRetry) {
    const children = [Questions.element("p", { class: "notice", role: "alert", text })];
    if (withRetry) {
      const retry = Questions.element("button", { type: "button", class: "primary", text: ui().retry });
      retry.addEventListener("click", start);
      children.push(retry);
    }
    main.replaceChildren(...children);
  }

  // Splits the questions into pages at each section.
  function pages(questions) {
    const result = [[]];
    for (const question of questions) {
      if (question.type === "section" && result[result.length - 1].length > 0) result.push([]);
      result[result.length - 1].push(question);
    }
    return result;
  }

  function render(question) {
    const strings = ui();
    switch (question.type) {
      case "section": return { question, element: Questions.element("h2", { class: "section", text: question.label }) };
      case "info": return { question, element: Questions.element("p", { class: "info", text: question.label }) };
      case "text": return { question, ...Questions.text(question, strings) };
      case "single_choice": return { question, ...Questions.choices(question, strings, false) };
      case "multiple_choice": return { question, ...Questions.choices(question, strings, true) };
      case "scale": return { question, ...Questions.scale(question, strings) };
      case "yes_no": return { question, ...Questions.yesNo(question, strings) };
      case "number": return { question, ...Questions.number(question, strings) };
      case "ranking": return { question, ...Questions.ranking(question, strings) };
      case "points": return { question, ...Questions.points(question, strings) };
      default: return { question, element: Questions.element("p", { text: question.label }) };
    }
  }

  function answers() {
    const result = {};
    for (const control of state.controls) {
      if (!control.value || !isVisible(control.question, result)) continue;
      const value = control.value();
      if (value !== undefined) result[control.question.id] = value;
    }
    return result;
  }

  function isVisible(question, known) {
    const condition = question.showIf;
    if (!condition) return true;
    const answer = known[condition.question];
    const matches = (expected) => JSON.stringify(answer) === JSON.stringify(expected)
      || (Array.isArray(answer) && answer.includes(expected))
      || (answer && Array.isArray(answer.selected) && answer.selected.includes(expected));
    if ("equals" in condition) return matches(condition.equals);
    if (Array.isArray(condition.in)) return condition.in.some(matches);
    return true;
  }

  function applyConditions() {
    const known = answers();
    for (const control of state.controls) control.element.hidden = !isVisible(control.question, known);
  }

  function validatePage(controls) {
    const known = answers();
    let first = null;
    for (const control of controls) {
      if (!control.value) continue;
      control.clearError();
      if (!isVisible(control.question, known)) continue;
      if (control.question.required && known[control.question.id] === undefined) {
        control.showError(ui().requiredError);
        first = first || control;
      }
    }
    if (first) first.focus();
    return !first;
  }

  function showPage(index) {
    state.pageIndex = index;
    const pageList = pages(state.form.questions);
    document.querySelectorAll(".form-page").forEach((page, pageIndex) => { page.hidden = pageIndex !== index; });
    const last = index === pageList.length - 1;
    document.getElementById("back").hidden = index === 0;
    document.getElementById("next").hidden = last;
    document.getElementById("submit").hidden = !last;
    main.focus();
    window.scrollTo(0, 0);
  }

  function buildForm() {
    const { session, form } = state.documents[state.language];
    state.form = form;
    document.documentElement.lang = state.language;
    document.title = form.title + " – Borgerdialog";
    document.getElementById("session-title").textContent = session.title;
    document.getElementById("language").textContent = ui().switchTo;
    document.getElementById("language").setAttribute("lang", state.language === "da" ? "en" : "da");

    state.controls = [];
    const formElement = Questions.element("form", { id: "answers", novalidate: true, "aria-labelledby": "form-title" });
    const header = [Questions.element("h1", { id: "form-title", text: form.title })];
    if (form.intro) header.push(Questions.element("p", { class: "intro", text: form.intro }));
    pages(form.questions).forEach((pageQuestions, index) => {
      const page = Questions.element("div", { class: "form-page", "data-page": String(index) });
      for (const question of pageQuestions) {
        const control = render(question);
        state.controls.push(control);
        page.append(control.element);
      }
      formElement.append(page);
    });
    if (form.contact) formElement.lastElementChild.append(Contact.build(form.contact, ui()));
    const strings = ui();
    const navigation = Questions.element("div", { class: "navigation" }, [
      Questions.element("button", { type: "button", id: "back", class: "secondary", text: strings.back }),
      Questions.element("button", { type: "button", id: "next", class: "primary", text: strings.next }),
      Questions.element("button", { type: "submit", id: "submit", class: "primary", text: strings.submit }),
    ]);
    const summary = Questions.element("p", { id: "form-errors", class: "field-error", role: "alert", hidden: true });
    formElement.append(summary, navigation);
    formElement.addEventListener("input", applyConditions);
    formElement.addEventListener("change", applyConditions);
    formElement.addEventListener("click", () => setTimeout(applyConditions, 0));
    formElement.addEventListener("submit", (event) => { event.preventDefault(); submit(); });
    main.replaceChildren(...header, formElement);
    document.getElementById("back").addEventListener("click", () => showPage(state.pageIndex - 1));
    document.getElementById("next").addEventListener("click", () => {
      if (validatePage(pageControls(state.pageIndex))) showPage(state.pageIndex + 1);
    });
    applyConditions();
    showPage(0);
  }

  function pageControls(index) {
    const page = document.querySelector('.form-page[data-page="' + index + '"]');
    return state.controls.filter((control) => page.contains(control.element));
  }

  function newSubmissionId() {
    // crypto.randomUUID needs a secure context; a meeting's LAN address often is not one.
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }

  async function submit() {
    if (!validatePage(state.controls)) {
      const summary = document.getElementById("form-errors");
      summary.textContent = ui().fixErrors;
      summary.hidden = false;
      return;
    }
    const submitButton = document.getElementById("submit");
    submitButton.disabled = true;
    const body = { submissionId: newSubmissionId(), answers: answers(), clientSubmittedAt: new Date().toISOString(), language: state.language };
    const contact = Contact.value();
    if (contact) body.contact = contact;
    const result = await Outbox.submit(code, body);
    submitButton.disabled = false;
    if (result.state === "rejected") return showRejection(result);
    thankYou(result.state === "waiting");
  }

  function showRejection(result) {
    if (result.status === 409) return message(ui().closed, false);
    if (result.status === 404) return message(ui().notFound, false);
    const problems = (result.details && result.details.errors) || [];
    for (const problem of problems) {
      const control = state.controls.find((candidate) => candidate.question.id === problem.question);
      if (control && control.showError) control.showError(problem.reason);
    }
    const summary = document.getElementById("form-errors");
    summary.textContent = (result.details && result.details.error) || ui().fixErrors;
    summary.hidden = false;
  }

  // Thanks the citizen, then replaces the whole form with a fresh one: nothing of this citizen's
  // answers stays in the page or in history for the next one to find.
  function thankYou(savedOffline) {
    const strings = ui();
    const children = [Questions.element("h1", { class: "thank-you", text: strings.thankYou, tabindex: "-1" })];
    if (savedOffline) children.push(Questions.element("p", { class: "notice", text: strings.savedOffline }));
    children.push(Questions.element("p", { class: "next-citizen", text: strings.nextCitizen }));
    main.replaceChildren(...children);
    main.firstElementChild.focus();
    history.replaceState(null, "", location.pathname);
    setTimeout(buildForm, 4000);
  }

  async function start() {
    try {
      await load(state.language);
      buildForm();
    } catch (error) {
      message(ui()[error.message] || ui().loadFailed, error.message !== "notFound");
    }
  }

  document.getElementById("language").addEventListener("click", async () => {
    state.language = state.language === "da" ? "en" : "da";
    localStorage.setItem("borgerdialog.language", state.language);
    try { await load(state.language); buildForm(); } catch (error) { message(ui().loadFailed, true); }
  });
  Outbox.onChange((count) => {
    document.getElementById("pending").textContent = count > 0 ? count + " " + ui().pending : "";
  });
  if ("serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js").catch(() => {});
  Outbox.flush();
  start();
})();
