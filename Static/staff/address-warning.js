"use strict";
// The warning a meeting's page and its print sheet show when the tablet address is one tablets
// cannot reach (the server itself, or a link-local address): the server says which
// (session.tabletURLProblem); the remedy is the --public-url option, shown whole on one line.
window.StaffAddressWarning = {
  render(node, session) {
    if (!node) return;
    const problem = session && session.tabletURLProblem;
    node.hidden = !problem;
    if (!problem) {
      node.replaceChildren();
      return;
    }
    const { t, element } = Staff;
    const [before, after] = t("addressAdvice").split("{option}");
    node.replaceChildren(
      element("strong", { text: t(problem === "linkLocal" ? "addressLinkLocal" : "addressLoopback", { url: session.tabletURL }) }),
      " " + before,
      // Each half stays whole; a narrow column may break between them, never inside "--public-url".
      element("code", { class: "option" }, element("span", { text: "--public-url" }), " ",
        element("span", { text: "https://borgerdialog.kommune.dk" })),
      after);
  },
};
