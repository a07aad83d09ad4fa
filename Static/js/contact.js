"use strict";
// The optional contact block: hidden until the citizen asks for it, and sent only with explicit consent.
// The server stores it apart from the answers, so the answers stay anonymous.
// Each field (name, e-mail, consent) has its own error slot, so a problem is shown where it is,
// whether the tablet finds it first or the server names it (`contact.email`, `contact.consent`, …).
const Contact = (() => {
  let current = null;

  // Mirrors the server's rule (Form.isPlausibleEmail): one "@", a sane local part, a dotted domain
  // whose last label is letters only. The server still judges; this only saves a round trip.
  function plausibleEmail(email) {
    if (email.length > 254) return false;
    const parts = email.split("@");
    if (parts.length !== 2) return false;
    const [local, domain] = parts;
    if (!/^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]{1,64}$/u.test(local) || local.startsWith(".") || local.endsWith(".") || local.includes("..")) return false;
    const labels = domain.split(".");
    if (labels.length < 2 || !/^\p{L}{2,}$/u.test(labels[labels.length - 1])) return false;
    return labels.every((label) => /^[\p{L}\p{N}-]{1,63}$/u.test(label) && !label.startsWith("-") && !label.endsWith("-"));
  }

  function build(contact, ui) {
    const { element, uid } = Questions;
    const toggleId = uid("contact-toggle");
    const toggle = element("input", { type: "checkbox", id: toggleId });
    const fields = element("div", { class: "contact-fields", hidden: true });
    const slots = {};
    // One field with its label, its error slot and the input's description pointing at the slot.
    const slot = (member, input, row, container) => {
      const error = element("p", { id: uid("contact-error"), class: "field-error", role: "alert", hidden: true });
      input.setAttribute("aria-describedby", error.id);
      const box = element("div", { class: "contact-field", "data-contact-field": member }, [...row, error]);
      slots[member] = { box, input, error };
      (container || fields).append(box);
    };
    const nameId = uid("contact-name");
    const emailId = uid("contact-email");
    const consentId = uid("contact-consent");
    const name = element("input", { type: "text", id: nameId, autocomplete: "off", maxlength: 200 });
    const email = element("input", { type: "email", id: emailId, autocomplete: "off", maxlength: 254, inputmode: "email" });
    const consent = element("input", { type: "checkbox", id: consentId });
    slot("name", name, [element("label", { for: nameId, text: contact.nameLabel }), name]);
    slot("email", email, [element("label", { for: emailId, text: contact.emailLabel }), email]);
    fields.append(element("p", { class: "consent-text", text: contact.consentText }));
    slot("consent", consent, [element("label", { class: "choice", for: consentId }, [consent, element("span", { text: ui.consent })])]);
    toggle.addEventListener("change", () => { fields.hidden = !toggle.checked; });
    const box = element("fieldset", { class: "question contact", "data-contact": "" }, [
      element("legend", { text: contact.label }),
      contact.help ? element("p", { class: "help", text: contact.help }) : null,
      element("label", { class: "choice", for: toggleId }, [toggle, element("span", { text: ui.contactToggle })]),
      fields]);
    // Problems with the details as a whole ("contact") sit under the block's own choice.
    const blockError = element("p", { id: uid("contact-error"), class: "field-error", role: "alert", hidden: true });
    box.append(blockError);
    slots[""] = { box, input: toggle, error: blockError };
    current = { toggle, name, email, consent, fields, slots };
    return box;
  }

  function value() {
    if (!current || !current.toggle.checked) return null;
    const name = current.name.value.trim();
    const email = current.email.value.trim();
    if (!name && !email) return null;
    return { name, email, consent: current.consent.checked };
  }

  // The problems the tablet can see for itself, all at once, each at its field, in the server's words.
  function validate(ui) {
    const given = value();
    if (!given) return [];
    const problems = [];
    if (!given.consent) problems.push({ field: "contact.consent", text: ui.consentMissing });
    if (!given.email) problems.push({ field: "contact.email", text: ui.emailMissing });
    else if (!plausibleEmail(given.email)) problems.push({ field: "contact.email", text: ui.emailInvalid });
    return problems;
  }

  // Where a problem named `contact`, `contact.email`, … is shown; null when this block has no such field.
  function target(field) {
    if (!current || (field !== "contact" && !field.startsWith("contact."))) return null;
    const slot = current.slots[field === "contact" ? "" : field.slice("contact.".length)];
    if (!slot) return null;
    return {
      element: slot.box,
      show(text) {
        if (slot.input !== current.toggle) current.toggle.checked = true;
        current.fields.hidden = !current.toggle.checked;
        slot.error.textContent = text;
        slot.error.hidden = false;
        slot.box.classList.add("has-error");
        slot.input.setAttribute("aria-invalid", "true");
      },
      focus: () => slot.input.focus(),
    };
  }

  function clearErrors() {
    if (!current) return;
    for (const slot of Object.values(current.slots)) {
      slot.error.textContent = "";
      slot.error.hidden = true;
      slot.box.classList.remove("has-error");
      slot.input.removeAttribute("aria-invalid");
    }
  }

  // What the citizen has typed and ticked, for the same block in the other language.
  function snapshot() {
    if (!current) return null;
    return { open: current.toggle.checked, name: current.name.value, email: current.email.value, consent: current.consent.checked };
  }

  function restore(saved) {
    if (!current || !saved) return;
    current.toggle.checked = saved.open;
    current.fields.hidden = !saved.open;
    current.name.value = saved.name;
    current.email.value = saved.email;
    current.consent.checked = saved.consent;
  }

  // A form without a contact block forgets the last one.
  const reset = () => { current = null; };

  return { build, reset, value, validate, target, clearErrors, snapshot, restore, plausibleEmail };
})();
