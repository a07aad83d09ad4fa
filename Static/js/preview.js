"use strict";
// Preview mode: the tablet page as the form builder shows it (/staff/forms/{id}/preview?lang=da),
// a draft rendered by the tablet's own code. Nothing done here is sent, queued or kept: the form
// comes from the staff preview API, the outbox stays shut (outbox.js asks `Preview.active`), no
// service worker is registered and the kiosk never arms. Everywhere else `Preview.active` is false.
window.Preview = (() => {
  const match = location.pathname.match(/^\/staff\/forms\/([^/]+)\/preview\/?$/);
  if (!match) return { active: false };
  const query = new URLSearchParams(location.search);
  const formID = decodeURIComponent(match[1]);
  const version = query.get("version");
  const language = query.get("lang") === "en" ? "en" : "da";
  const texts = {
    da: {
      previewBanner: "Forhåndsvisning – svar gemmes ikke",
      previewProblems: "Forhåndsvisningen kan ikke vises endnu: spørgeskemaet har problemer, der skal rettes først. Se listen ved siden af.",
      previewSubmitted: "Det var forhåndsvisningen. Svarene er ikke sendt eller gemt nogen steder.",
    },
    en: {
      previewBanner: "Preview – answers are not saved",
      previewProblems: "The preview cannot be shown yet: the form has problems to fix first. See the list beside it.",
      previewSubmitted: "That was the preview. The answers have not been sent or saved anywhere.",
    },
  };
  Object.assign(Texts.da, texts.da);
  Object.assign(Texts.en, texts.en);

  // The marker sits above everything, always in the page's current language.
  const banner = document.createElement("p");
  banner.className = "preview-banner";
  banner.setAttribute("role", "note");
  const showBanner = () => {
    const current = document.documentElement.lang === "en" ? "en" : "da";
    banner.textContent = texts[current].previewBanner;
    banner.lang = current;
  };
  showBanner();
  document.body.prepend(banner);
  document.body.dataset.preview = "true";
  // Leaving kiosk mode means nothing in a preview.
  document.getElementById("facilitator").hidden = true;
  new MutationObserver(showBanner).observe(document.documentElement, { attributes: true, attributeFilter: ["lang"] });

  // The builder reloads the preview after every save while someone types beside it. The tablet
  // moves focus to each page's heading; in a frame that would pull the cursor out of the editor.
  // So focus moves inside the preview only once someone is using the preview itself.
  const focus = HTMLElement.prototype.focus;
  HTMLElement.prototype.focus = function focusWhenPreviewIsInUse(options) {
    if (window.top === window || document.hasFocus()) focus.call(this, options);
  };

  function formURL(lang) {
    return "/api/staff/forms/" + encodeURIComponent(formID) + "/preview?lang=" + lang
      + (version ? "&version=" + encodeURIComponent(version) : "");
  }

  // The builder names the question being edited (#q=its-id): show its page and bring it into view.
  function showQuestionOfAddress(main) {
    const id = decodeURIComponent((location.hash.match(/^#q=(.+)$/) || [])[1] || "");
    const target = id && main.querySelector('[data-question="' + CSS.escape(id) + '"]');
    const page = target && target.closest(".form-page");
    if (!page) return;
    TabletForm.showPage(Number(page.dataset.page));
    target.scrollIntoView({ block: "center" });
  }

  return { active: true, language, formURL, showQuestionOfAddress };
})();
