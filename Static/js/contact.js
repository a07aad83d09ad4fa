"use strict";
// The optional contact block: hidden until the citizen asks for it, and sent only with explicit consent.
// The server stores it apart from the answers, so the answers stay anonymous.
const Contact = (() => {
  let current = null;

  function build(contact, ui) {
    const { element, uid } = Questions;
    const toggleId = uid("contact-toggle");
    const toggle = element("input", { type: "checkbox", id: toggleId });
    const fields = element("div", { class: "contact-fields", hidden: true });
    const nameId = uid("contact-name");
    const emailId = uid("contact-email");
    const consentId = uid("contact-consent");
    const name = element("input", { type: "text", id: nameId, autocomplete: "off", maxlength: 200 });
    const email = element("input", { type: "email", id: emailId, autocomplete: "off", maxlength: 254, inputmode: "email" });
    const consent = element("input", { type: "checkbox", id: consentId });
    fields.append(
      element("label", { for: nameId, text: contact.nameLabel }), name,
      element("label", { for: emailId, text: contact.emailLabel }), email,
      element("p", { class: "consent-text", text: contact.consentText }),
      element("label", { class: "choice", for: consentId }, [consent, element("span", { text: ui.consent })]));
    toggle.addEventListener("change", () => { fields.hidden = !toggle.checked; });
    const box = element("fieldset", { class: "question contact" }, [
      element("legend", { text: contact.label }),
      contact.help ? element("p", { class: "help", text: contact.help }) : null,
      element("label", { class: "choice", for: toggleId }, [toggle, element("span", { text: ui.contactToggle })]),
      fields]);
    current = { toggle, name, email, consent };
    return box;
  }

  function value() {
    if (!current || !current.toggle.checked) return null;
    const name = current.name.value.trim();
    const email = current.email.value.trim();
    if (!name && !email) return null;
    return { name, email, consent: current.consent.checked };
  }

  return { build, value };
})();
