"use strict";
// What both analyst pages share, on top of Staff (staff/staff.js): labels for run states and theme
// kinds, number formats, addresses, and putting the server's SVG charts into the page.
window.Analyst = (() => {
  const { t, element } = Staff;

  function locale() {
    return Staff.state.language === "en" ? "en-GB" : "da-DK";
  }

  function formatNumber(value, digits = 0) {
    if (value === null || value === undefined || Number.isNaN(Number(value))) return "–";
    return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(Number(value));
  }

  /// A share from 0…1 as a whole-number percentage text, "23".
  function percent(share) {
    return formatNumber(Math.round((Number(share) || 0) * 1000) / 10, 1);
  }

  function runStatusLabel(status) {
    return t({ queued: "runQueued", running: "runRunning", done: "runDone", failed: "runFailed" }[status] || status);
  }

  function runStatusBadge(status) {
    return element("span", { class: "status run-status run-" + status, text: runStatusLabel(status) });
  }

  function kindLabel(kind) {
    return t({
      guided: "kindGuided", emerging: "kindEmerging", discovered: "kindDiscovered", analyst: "kindAnalyst",
      other: "kindOther", offTopic: "kindOffTopic",
    }[kind] || kind);
  }

  function kindBadge(kind) {
    return element("span", { class: "kind kind-" + String(kind).replace(/[^A-Za-z]/g, ""), text: kindLabel(kind) });
  }

  /// What a question asked for, in words: "Det virker", "Det skal ændres", "Idéer", "Øvrige svar".
  function purposeLabel(purpose) {
    return t({ works: "purposeWorks", change: "purposeChange", idea: "purposeIdea", none: "purposeNone" }[purpose] || purpose);
  }

  /// How a run read the answers: "Ord", or "Ord + semantisk model" when a model read them too.
  function viewsLabel(views) {
    const semantic = (views || []).filter((view) => view !== "lexical");
    return semantic.length ? t("viewsSemantic", { model: semantic.join(", ") }) : t("viewsLexical");
  }

  function runAddress(id) {
    return "/analyst/runs/" + encodeURIComponent(id);
  }

  function exportAddress(sessions, format, runId, values) {
    const query = new URLSearchParams({ sessions: sessions.join(","), format });
    if (values) query.set("values", values);
    if (runId !== undefined && runId !== null) query.set("run", runId);
    return "/api/analyst/export?" + query.toString();
  }

  /// The forms an analyst can analyse: `{forms: [...]}` from the server, or throws with the reason.
  async function loadForms() {
    const result = await Staff.api("GET", "/api/analyst/forms");
    if (result.status !== 200) throw new Error(Staff.failure(result));
    return result.body.forms || [];
  }

  // The charts are the server's own SVG, not citizen text, so they go in as markup; still, anything
  // that could run (scripts, foreign objects, event attributes, javascript: links) is dropped.
  function chart(svgText, label) {
    const parsed = new DOMParser().parseFromString(String(svgText || ""), "image/svg+xml");
    const root = parsed.documentElement;
    if (!root || root.nodeName.toLowerCase() !== "svg" || parsed.getElementsByTagName("parsererror").length) return null;
    for (const node of root.querySelectorAll("script, foreignObject")) node.remove();
    for (const node of [root, ...root.querySelectorAll("*")]) {
      for (const attribute of [...node.attributes]) {
        const value = attribute.value.trim().toLowerCase();
        if (/^on/i.test(attribute.name) || attribute.name === "style" || value.startsWith("javascript:")) {
          node.removeAttribute(attribute.name);
        }
      }
    }
    const svg = document.importNode(root, true);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", label);
    svg.classList.add("chart-svg");
    return svg;
  }

  /// Replaces a container's children without touching innerHTML.
  function fill(container, ...children) {
    container.replaceChildren(...children.filter((child) => child !== null && child !== undefined));
  }

  return {
    formatNumber, percent, runStatusLabel, runStatusBadge, kindLabel, kindBadge, purposeLabel, viewsLabel, runAddress, exportAddress,
    loadForms, chart, fill,
  };
})();
