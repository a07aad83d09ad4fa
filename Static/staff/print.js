"use strict";
// The sheet for the meeting's wall: a big QR code, the join code spaced for reading aloud, the
// tablet address and what the meeting is. The buttons never reach the paper (see staff.css).
(() => {
  const { t } = Staff;
  const code = Staff.codeFromPath();
  let session = null;

  function render() {
    if (!session) return;
    const address = Staff.tabletAddress(session);
    document.title = session.code + " – " + session.title;
    document.getElementById("print-title").textContent = session.title;
    const when = [session.startsAt ? Staff.formatDateTime(session.startsAt) : null, session.place].filter(Boolean);
    document.getElementById("print-when").textContent = when.join(" · ");
    const qr = document.getElementById("qr");
    qr.alt = t("qrAlt", { url: address });
    if (!qr.getAttribute("src")) qr.src = "/api/sessions/" + encodeURIComponent(session.code) + "/qr.svg";
    document.getElementById("print-code").replaceChildren(Staff.joinCode(session.code, "huge"));
    document.getElementById("print-url").textContent = address;
    // Printed from the server itself, the address would be one no tablet can reach: say so before paper is spent.
    StaffAddressWarning.render(document.getElementById("address-warning"), session);
    document.getElementById("sheet").hidden = false;
  }

  document.getElementById("back").href = "/staff/sessions/" + encodeURIComponent(code);
  document.getElementById("print").addEventListener("click", () => window.print());
  document.addEventListener("staff:language", render);
  Staff.wireHeader();
  Staff.start()
    .then(() => Staff.api("GET", "/api/staff/sessions/" + encodeURIComponent(code)))
    .then((result) => {
      if (result.status === 200) {
        session = result.body.session;
        render();
      } else {
        const message = result.status === 404 ? t("notFound", { code }) : Staff.failure(result);
        Staff.showMessage(document.getElementById("page-error"), message);
      }
    })
    .catch(() => Staff.showMessage(document.getElementById("page-error"), t("networkError")));
})();
