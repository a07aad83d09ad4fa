"use strict";
// The live preview: the tablet page itself (/staff/forms/{id}/preview) in a frame the size of a
// tablet, upright (768 × 1024) or on its side (1024 × 768), in Danish or English, scaled down to
// fit beside the editor. It is loaded again after every save and opens at the question being edited.
window.FormPreview = (() => {
  const { t } = Staff;
  const SIZES = { portrait: [768, 1024], landscape: [1024, 768] };
  const state = { formID: null, version: null, size: "portrait", language: "da", question: null, loads: 0 };
  let frame, holder, openLink, waiting;

  // Whether the frame shows a form now (not the tablet's "cannot be shown yet").
  function showsForm() {
    try {
      return Boolean(frame.contentDocument && frame.contentDocument.querySelector("#answers, .thank-you"));
    } catch {
      return false;
    }
  }

  function address(withReload) {
    const query = "?lang=" + state.language + (state.version ? "&version=" + state.version : "")
      + (withReload ? "&load=" + (++state.loads) : "");
    return "/staff/forms/" + encodeURIComponent(state.formID) + "/preview" + query
      + (state.question ? "#q=" + encodeURIComponent(state.question) : "");
  }

  // The frame keeps the tablet's real size (so the tablet's own layout rules apply) and is scaled.
  function fit() {
    const [width, height] = SIZES[state.size];
    const panel = holder.parentElement;
    const style = getComputedStyle(panel);
    const bezel = holder.offsetWidth - holder.clientWidth;
    const across = panel.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - bezel;
    // Upright, the whole tablet should fit the window's height beside the editor where it can.
    const down = window.innerHeight - 200 - bezel;
    const scale = Math.max(0.25, Math.min(1, across / width, down / height));
    frame.style.width = width + "px";
    frame.style.height = height + "px";
    frame.style.transform = "scale(" + scale + ")";
    holder.style.width = Math.floor(width * scale) + bezel + "px";
    holder.style.height = Math.floor(height * scale) + bezel + "px";
    frame.dataset.size = state.size;
  }

  function apiAddress() {
    return "/api/staff/forms/" + encodeURIComponent(state.formID) + "/preview?lang=" + state.language
      + (state.version ? "&version=" + state.version : "");
  }

  /// Loads the preview again. After a save (`keepLastGood`), a draft the tablet cannot show yet
  /// (a question half written) leaves the last good rendering in place with a note, instead of
  /// replacing it with an error while someone is typing.
  async function reload(keepLastGood) {
    if (!frame || !state.formID) return;
    if (keepLastGood === true && showsForm()) {
      let status = 0;
      try {
        status = (await fetch(apiAddress(), { credentials: "same-origin", cache: "no-store" })).status;
      } catch {
        status = 0;
      }
      waiting.hidden = status === 200;
      if (status !== 200) return;
    }
    waiting.hidden = true;
    frame.src = address(true);
    openLink.href = address(false);
  }

  function wireChoice(name, key) {
    for (const input of document.querySelectorAll("input[name=" + name + "]")) {
      input.checked = input.value === state[key];
      input.addEventListener("change", () => {
        state[key] = input.value;
        fit();
        reload();
      });
    }
  }

  /// Starts the preview of a form; `language` is the page's, so a first look needs no switch.
  function start(formID, language) {
    state.formID = formID;
    state.language = language === "en" ? "en" : "da";
    frame = document.getElementById("preview-frame");
    holder = document.getElementById("preview-holder");
    openLink = document.getElementById("preview-open");
    waiting = document.getElementById("preview-waiting");

    wireChoice("preview-size", "size");
    wireChoice("preview-language", "language");
    document.getElementById("preview-reload").addEventListener("click", () => reload());
    new ResizeObserver(fit).observe(holder.parentElement);
    window.addEventListener("resize", fit);
    fit();
    reload();
  }

  /// The question the next load opens at (the one being edited).
  function follow(questionID) {
    state.question = questionID || null;
    if (openLink) openLink.href = address(false);
  }

  let newest = { hasDraft: true, number: 0 };

  function label() {
    const number = state.version || (newest.hasDraft ? null : newest.number);
    document.getElementById("preview-version").textContent = number ? t("previewVersion", { number }) : t("previewDraft");
  }

  /// What the preview shows without a chosen version: the draft, or the newest version when there is none.
  function describe(form) {
    newest = { hasDraft: form.hasDraft || !form.versions.length, number: form.versions.length };
    label();
  }

  /// Shows a published version instead of the draft (null: the draft again).
  function showVersion(number) {
    state.version = number || null;
    label();
    reload();
  }

  return { start, reload, follow, showVersion, describe, state };
})();
