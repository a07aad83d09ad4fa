"use strict";
// Import of a form file (JSON or XLSX) by file input or drop zone. A JSON file whose id is taken is
// caught before it is sent: replace that own form's draft, or import as a new form. The server's
// problems are listed with their place (sheet, row and column, or JSON path).
window.FormsImport = (() => {
  const { t, element } = Staff;
  let knownForms = () => [];
  let result;

  function isJSON(file) {
    return !(/\.xlsx$/i.test(file.name) || file.type === FormStudio.XLSX_TYPE);
  }

  function say(...children) {
    result.replaceChildren(...children);
  }

  function choice(text, buttons) {
    const row = element("div", { class: "actions" });
    for (const [label, action, primary] of buttons) {
      const button = element("button", { type: "button", class: primary ? "primary" : "secondary", text: label });
      button.addEventListener("click", action);
      row.append(button);
    }
    say(element("div", { class: "confirm-box neutral" }, element("p", { text }), row));
    row.querySelector("button").focus();
  }

  async function send(file, name) {
    say(element("p", { class: "muted", text: t("importing", { name }) }));
    let answer;
    try {
      answer = await FormStudio.upload(file);
    } catch {
      return say(element("p", { class: "form-error", text: t("networkError") }));
    }
    if (answer.status === 201) {
      const address = "/staff/forms/" + encodeURIComponent(answer.body.form.id) + "?imported=1";
      const warnings = answer.body.warnings || [];
      if (!warnings.length) return location.assign(address);
      // What a workbook made elsewhere had that Borgerdialog does not: shown before the builder opens.
      const heading = element("p", { class: "notice", tabindex: "-1", text: t("importedWithWarnings", { name }) });
      say(heading, FormStudio.problemList(warnings), element("p", { class: "actions" },
        element("a", { class: "button primary", href: address, text: t("openDraft") })));
      document.dispatchEvent(new CustomEvent("forms:changed"));
      return heading.focus();
    }
    const heading = element("p", { class: "form-error", tabindex: "-1", text: t("importFailed", { name }) + " " + (answer.body.error || "") });
    const parts = [heading];
    if (Array.isArray(answer.body.errors) && answer.body.errors.length) parts.push(FormStudio.problemList(answer.body.errors));
    if (answer.status === 409) parts.push(element("p", { class: "help", text: t("importLibraryHint") }));
    say(...parts);
    heading.focus();
  }

  async function asNewForm(parsed, name) {
    const copy = FormStudio.copyDefinition(parsed);
    const taken = new Set(knownForms().map((form) => form.id));
    copy.id = FormStudio.unique(copy.id, taken);
    await send(new Blob([JSON.stringify(copy, null, 2)], { type: "application/json" }), name);
  }

  async function handle(file) {
    if (!file) return;
    const name = file.name;
    if (!isJSON(file)) return send(file, name);
    let parsed = null;
    try { parsed = JSON.parse(await file.text()); } catch { parsed = null; }
    // A file that is not JSON, or has no id, goes as it is: the server says what is wrong and where.
    const existing = parsed && typeof parsed.id === "string" && knownForms().find((form) => form.id === parsed.id);
    if (!existing) return send(file, name);
    if (existing.origin === "library") {
      return choice(t("importIsLibrary", { id: existing.id, title: existing.title }), [
        [t("importAsNew"), () => asNewForm(parsed, name), true], [t("cancel"), () => say()]]);
    }
    choice(t("importExists", { id: existing.id, title: existing.title }), [
      [t("importReplace"), () => send(file, name), true], [t("importAsNew"), () => asNewForm(parsed, name)], [t("cancel"), () => say()]]);
  }

  function start(forms) {
    knownForms = forms;
    result = document.getElementById("import-result");
    const zone = document.getElementById("drop-zone");
    const input = document.getElementById("import-file");
    input.addEventListener("change", () => {
      const file = input.files[0];
      input.value = "";
      handle(file);
    });
    zone.addEventListener("dragover", (event) => {
      event.preventDefault();
      zone.classList.add("drag-over");
    });
    zone.addEventListener("dragleave", () => zone.classList.remove("drag-over"));
    zone.addEventListener("drop", (event) => {
      event.preventDefault();
      zone.classList.remove("drag-over");
      handle(event.dataTransfer.files[0]);
    });
  }

  return { start, handle };
})();
