"use strict";
// The audit log page's texts, added to the staff pages' text table (staff/i18n.js), so Staff.t and the
// data-i18n attributes find them. Danish first; English behind the language switch.
(() => {
  const texts = {
    da: {
      auditIntro: "Hvad medarbejdere har gjort i systemet, nyeste først. Vælg en person, en slags handling eller en periode for at finde noget bestemt.",
      auditFilters: "Find i loggen", auditActor: "Person", auditAllActors: "Alle personer", auditCli: "Kommandolinjen (cli)",
      auditUnknownActor: "Ukendt (login uden e-mail)", auditAction: "Handling", auditAllActions: "Alle handlinger",
      auditOtherActions: "Andre handlinger", auditFrom: "Fra og med dato", auditTo: "Til og med dato",
      auditReset: "Nulstil", auditColumnEvent: "Hændelse", auditNoMatch: "Ingen hændelser passer til det, du har valgt.",
      auditShowing: "Viser {count} hændelser.", auditShowingOne: "Viser 1 hændelse.",
      auditShowingNewest: "Viser de nyeste {count} hændelser. Vælg »Vis flere« for at se ældre.",
      auditLoading: "Henter …", auditDetails: "Detaljer",
    },
    en: {
      auditIntro: "What staff have done in the system, newest first. Choose a person, a kind of action or a period to find something in particular.",
      auditFilters: "Find in the log", auditActor: "Person", auditAllActors: "Everyone", auditCli: "The command line (cli)",
      auditUnknownActor: "Unknown (login without an e-mail)", auditAction: "Action", auditAllActions: "All actions",
      auditOtherActions: "Other actions", auditFrom: "From date (included)", auditTo: "To date (included)",
      auditReset: "Reset", auditColumnEvent: "Event", auditNoMatch: "No events match what you chose.",
      auditShowing: "Showing {count} events.", auditShowingOne: "Showing 1 event.",
      auditShowingNewest: "Showing the newest {count} events. Choose “Show more” to see older ones.",
      auditLoading: "Loading …", auditDetails: "Details",
    },
  };
  for (const language of Object.keys(texts)) Object.assign(StaffTexts[language], texts[language]);
})();
