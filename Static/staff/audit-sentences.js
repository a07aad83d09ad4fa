"use strict";
// The audit log in words: each event becomes a sentence ("Mette lukkede mødet »Borgermøde« (APQ CFM)"),
// Danish first, English beside it. Details the sentence does not use are listed as words, never as JSON.
// An action this file does not know yet still reads as a sentence, with its raw name.
window.AuditSentences = (() => {
  const TIME_ZONE = "Europe/Copenhagen";

  // The action kinds, by area, as the filter offers them; `prefix` chooses a whole area at once.
  const AREAS = [
    { key: "meetings", prefix: "session.", da: "Dialogmøder", en: "Dialogue meetings", allDa: "Alle mødehandlinger",
      allEn: "All meeting actions",
      actions: ["session.create", "session.update", "session.open", "session.close", "session.duplicate", "session.archive", "session.unarchive", "session.delete"] },
    { key: "forms", prefix: "form.", da: "Spørgeskemaer", en: "Forms", allDa: "Alle spørgeskemahandlinger", allEn: "All form actions",
      actions: ["form.create", "form.import", "form.save", "form.discard", "form.publish"] },
    { key: "accounts", prefix: "user.", da: "Konti", en: "Accounts", allDa: "Alle kontohandlinger", allEn: "All account actions",
      actions: ["user.add", "user.role", "user.reset", "user.disable", "user.enable", "user.delete", "setup.link", "setup.admin", "password.set"] },
    { key: "login", da: "Log ind og ud", en: "Logging in and out", actions: ["login", "login.failed", "logout"] },
    { key: "citizens", da: "Borgernes data", en: "Citizens' data",
      actions: ["contacts.view", "contacts.export", "receipt.view", "receipt.erase", "contact.erase", "retention.rule", "responses.purge"] },
    { key: "analysis", da: "Analyse og eksport", en: "Analysis and export", actions: ["analysis.start", "theme.decide", "theme.undo", "export"] },
  ];

  // Each kind's short name, for the filter.
  const KINDS = {
    "session.create": ["Møde oprettet", "Meeting created"], "session.update": ["Møde ændret", "Meeting changed"],
    "session.open": ["Møde åbnet", "Meeting opened"], "session.close": ["Møde lukket", "Meeting closed"],
    "session.duplicate": ["Møde kopieret", "Meeting copied"], "session.archive": ["Møde arkiveret", "Meeting archived"],
    "session.delete": ["Møde slettet", "Meeting deleted"], "session.unarchive": ["Møde hentet fra arkivet", "Meeting unarchived"],
    "form.create": ["Spørgeskema oprettet", "Form created"], "form.import": ["Spørgeskema importeret", "Form imported"],
    "form.save": ["Kladde gemt", "Draft saved"], "form.discard": ["Kladde kasseret", "Draft discarded"],
    "form.publish": ["Spørgeskema udgivet", "Form published"],
    "user.add": ["Konto oprettet", "Account created"], "user.role": ["Rolle ændret", "Role changed"],
    "user.reset": ["Adgangskode nulstillet", "Password reset"], "user.disable": ["Konto spærret", "Account disabled"],
    "user.enable": ["Konto genåbnet", "Account enabled"], "user.delete": ["Konto slettet", "Account deleted"],
    "setup.admin": ["Første administrator oprettet", "First administrator set up"],
    "setup.link": ["Opsætningslink lavet", "Setup link made"],
    "password.set": ["Adgangskode skiftet", "Password changed"],
    "login": ["Logget ind", "Logged in"], "login.failed": ["Mislykket login", "Failed login"], "logout": ["Logget ud", "Logged out"],
    "contacts.view": ["Kontaktoplysninger vist", "Contact details viewed"],
    "contacts.export": ["Kontaktoplysninger hentet", "Contact details downloaded"],
    "receipt.view": ["Kvittering slået op", "Receipt looked up"], "receipt.erase": ["Svar slettet efter kvittering", "Answer erased by receipt"],
    "contact.erase": ["Kontaktoplysninger slettet", "Contact details erased"],
    "retention.rule": ["Opbevaringsregel ændret", "Retention rule changed"], "responses.purge": ["Gamle svar slettet", "Old answers deleted"],
    "analysis.start": ["Analyse startet", "Analysis started"], "theme.decide": ["Tema rettet", "Theme corrected"],
    "theme.undo": ["Temarettelse fortrudt", "Theme correction undone"], "export": ["Svar eksporteret", "Answers exported"],
  };

  // Detail names, for the details a sentence does not use itself.
  const LABELS = {
    da: {
      address: "IP-adresse", role: "rolle", from: "fra", to: "til", title: "titel", form: "spørgeskema", deleted: "slettede svar",
      problems: "ting at rette", hash: "fingeraftryk", sessions: "møder", session: "møde", format: "format", values: "indhold",
      decision: "rettelse", count: "antal", reason: "begrundelse", version: "version", code: "kode", days: "dage", months: "måneder",
      email: "e-mail", place: "sted", startsAt: "tidspunkt", tables: "borde", fields: "felter", changed: "ændret", changes: "ændringer",
      receipt: "kvittering", kind: "slags", label: "navn", theme: "tema", themes: "temaer", answer: "svar", answers: "svar",
      copy: "kopi", newCode: "ny kode", status: "status",
    },
    en: {
      address: "IP address", role: "role", from: "from", to: "to", title: "title", form: "form", deleted: "answers deleted",
      problems: "things to fix", hash: "fingerprint", sessions: "meetings", session: "meeting", format: "format", values: "contents",
      decision: "correction", count: "count", reason: "reason", version: "version", code: "code", days: "days", months: "months",
      email: "e-mail", place: "place", startsAt: "time", tables: "tables", fields: "fields", changed: "changed", changes: "changes",
      receipt: "receipt", kind: "kind", label: "name", theme: "theme", themes: "themes", answer: "answer", answers: "answers",
      copy: "copy", newCode: "new code", status: "status",
    },
  };

  const ROLES = { admin: ["administrator", "administrator"], facilitator: ["mødeleder", "facilitator"], analyst: ["analytiker", "analyst"] };
  const VALUES = { text: ["tekster", "texts"], texts: ["tekster", "texts"], codes: ["koder", "codes"],
    draft: ["kladde", "draft"], open: ["åben", "open"], closed: ["lukket", "closed"] };

  function pick(pair, language) {
    return pair[language === "en" ? 1 : 0];
  }

  function kindName(action, language) {
    return KINDS[action] ? pick(KINDS[action], language) : action;
  }

  function quote(text, language) {
    return language === "en" ? "“" + text + "”" : "»" + text + "«";
  }

  function number(value, language) {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? new Intl.NumberFormat(language === "en" ? "en-GB" : "da-DK").format(parsed) : String(value);
  }

  function moment(value, language) {
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return String(value || "");
    return new Intl.DateTimeFormat(language === "en" ? "en-GB" : "da-DK",
      { dateStyle: "long", timeStyle: "short", timeZone: TIME_ZONE }).format(date);
  }

  // A join code in groups of three, as it is read aloud: "APQ CFM".
  function grouped(code) {
    return (String(code).match(/.{1,3}/g) || [String(code)]).join(" ");
  }

  function isPlainObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  // Any detail value as words: lists with commas, nested facts in parentheses, yes/no, numbers in the language's form.
  function words(value, language, key) {
    if (value === null || value === undefined || value === "") return "–";
    if (typeof value === "boolean") return value ? (language === "en" ? "yes" : "ja") : (language === "en" ? "no" : "nej");
    if (typeof value === "number") return number(value, language);
    if (Array.isArray(value)) return value.map((item) => words(item, language, key)).join(", ");
    if (isPlainObject(value)) {
      if (Array.isArray(value.terms) && value.terms.length) return themeName(value, language);
      return "(" + Object.entries(value).map(([name, item]) => label(name, language) + ": " + words(item, language, name)).join("; ") + ")";
    }
    const text = String(value);
    // Roles and states are named in the language; other texts are what someone typed, and stay as they are.
    if (["role", "from", "to"].includes(key) && ROLES[text]) return pick(ROLES[text], language);
    if (["values", "status", "from", "to"].includes(key) && VALUES[text]) return pick(VALUES[text], language);
    if (key === "hash" && text.length > 12) return text.slice(0, 12) + "…";
    return text;
  }

  // A detail's name: known names in the language, others split into words ("newCode" → "new code").
  function label(name, language) {
    return LABELS[language === "en" ? "en" : "da"][name] || name.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[_.-]+/g, " ").toLowerCase();
  }

  function themeName(reference, language) {
    if (!isPlainObject(reference)) return quote(String(reference ?? ""), language);
    const terms = Array.isArray(reference.terms) ? reference.terms.slice(0, 3) : [];
    return quote(terms.length ? terms.join(", ") : String(reference.key ?? ""), language);
  }

  function list(items, language) {
    return new Intl.ListFormat(language === "en" ? "en-GB" : "da-DK", { type: "conjunction" }).format(items);
  }

  /// The sentence for one event, and the details it did not use, as [name, value] pairs in words.
  /// `context.sessionTitles` names meetings by join code, `context.formTitles` forms by id.
  function describe(event, language, context = {}) {
    const en = language === "en";
    const details = isPlainObject(event.details) ? event.details : {};
    const used = new Set();
    const detail = (name) => {
      used.add(name);
      const value = details[name];
      return value === null || value === undefined || value === "" ? undefined : value;
    };
    const titles = context.sessionTitles || {};
    const formTitles = context.formTitles || {};
    const actor = event.actor === "cli" ? (en ? "The command line" : "Kommandolinjen")
      : event.actor === "unknown" ? (en ? "Someone unknown" : "En ukendt") : event.actor;
    const target = event.target || "";
    const meeting = (code) => {
      const title = (code && titles[code]) || undefined;
      return title ? quote(title, language) + " (" + grouped(code) + ")" : grouped(code);
    };
    const meetings = (codes) => {
      const given = codes.filter(Boolean);
      const noun = given.length === 1 ? (en ? "the meeting " : "mødet ") : (en ? "the meetings " : "møderne ");
      return given.length ? noun + list(codes.filter(Boolean).map(meeting), language) : (en ? "no meetings" : "ingen møder");
    };
    const form = (id) => {
      const title = detail("title") || formTitles[id];
      return title ? quote(String(title), language) + " (" + id + ")" : id;
    };
    const role = (value) => (value ? words(value, language, "role") : "");
    const from = () => {
      const address = detail("address");
      return address ? (en ? " from " : " fra ") + address : "";
    };
    const count = (value, one, many) => number(value, language) + " " + (Number(value) === 1 ? one : many);

    const sentences = {
      "login": () => (en ? `${actor} logged in${from()}` : `${actor} loggede ind${from()}`),
      "login.failed": () => (event.actor === "unknown" || !event.actor
        ? (en ? `A login without an e-mail address failed${from()}` : `Et login uden e-mailadresse mislykkedes${from()}`)
        : (en ? `A login failed for ${actor}${from()}` : `Et login mislykkedes for ${actor}${from()}`)),
      "logout": () => (en ? `${actor} logged out` : `${actor} loggede ud`),

      "session.create": () => {
        const title = detail("title");
        const formID = detail("form");
        const what = title ? quote(String(title), language) + " (" + grouped(target) + ")" : meeting(target);
        const using = formID ? (en ? ` with the form ${formID}` : ` med spørgeskemaet ${formID}`) : "";
        return en ? `${actor} created the meeting ${what}${using}` : `${actor} oprettede mødet ${what}${using}`;
      },
      "session.update": () => (en ? `${actor} changed the meeting ${meeting(target)}` : `${actor} ændrede mødet ${meeting(target)}`),
      "session.open": () => (en ? `${actor} opened the meeting ${meeting(target)}` : `${actor} åbnede mødet ${meeting(target)}`),
      "session.close": () => (en ? `${actor} closed the meeting ${meeting(target)}` : `${actor} lukkede mødet ${meeting(target)}`),
      "session.duplicate": () => {
        const copy = detail("copy") || detail("newCode") || detail("code");
        const into = copy ? (en ? ` as ${meeting(String(copy))}` : ` som ${meeting(String(copy))}`) : "";
        return en ? `${actor} copied the meeting ${meeting(target)}${into}` : `${actor} kopierede mødet ${meeting(target)}${into}`;
      },
      "session.archive": () => (en ? `${actor} archived the meeting ${meeting(target)}` : `${actor} arkiverede mødet ${meeting(target)}`),
      "session.delete": () => (en ? `${actor} deleted the meeting ${meeting(target)}` : `${actor} slettede mødet ${meeting(target)}`),
      "session.unarchive": () => (en ? `${actor} brought the meeting ${meeting(target)} back from the archive`
        : `${actor} hentede mødet ${meeting(target)} tilbage fra arkivet`),

      "form.create": () => (en ? `${actor} created the form ${form(target)}` : `${actor} oprettede spørgeskemaet ${form(target)}`),
      "form.import": () => (en ? `${actor} imported the form ${form(target)} from a file`
        : `${actor} importerede spørgeskemaet ${form(target)} fra en fil`),
      "form.save": () => {
        const problems = Number(detail("problems") || 0);
        const left = problems > 0 ? (en ? ` (${count(problems, "thing", "things")} still to fix)` : ` (${count(problems, "ting", "ting")} skal stadig rettes)`) : "";
        return en ? `${actor} saved the draft of the form ${form(target)}${left}` : `${actor} gemte kladden til spørgeskemaet ${form(target)}${left}`;
      },
      "form.discard": () => (en ? `${actor} discarded the draft of the form ${form(target)}`
        : `${actor} kasserede kladden til spørgeskemaet ${form(target)}`),
      "form.publish": () => {
        const version = detail("version");
        const as = version ? (en ? ` as version ${version}` : ` som version ${version}`) : "";
        return en ? `${actor} published the form ${form(target)}${as}` : `${actor} udgav spørgeskemaet ${form(target)}${as}`;
      },

      "user.add": () => {
        const given = role(detail("role"));
        return en ? `${actor} created the account ${target}${given ? " as " + given : ""}`
          : `${actor} oprettede kontoen ${target}${given ? " som " + given : ""}`;
      },
      "user.role": () => {
        const to = role(detail("role") || detail("to"));
        const before = role(detail("from"));
        const was = before ? (en ? ` (was ${before})` : ` (før: ${before})`) : "";
        return to ? (en ? `${actor} gave ${target} the role ${to}${was}` : `${actor} gav ${target} rollen ${to}${was}`)
          : (en ? `${actor} changed the role of ${target}` : `${actor} ændrede rollen for ${target}`);
      },
      "user.reset": () => (en ? `${actor} reset the password of ${target}` : `${actor} nulstillede adgangskoden for ${target}`),
      "user.disable": () => (en ? `${actor} disabled the account ${target}` : `${actor} spærrede kontoen ${target}`),
      "user.enable": () => (en ? `${actor} enabled the account ${target} again` : `${actor} genåbnede kontoen ${target}`),
      "user.delete": () => (en ? `${actor} deleted the account ${target}` : `${actor} slettede kontoen ${target}`),
      "setup.admin": () => (!target || target === event.actor
        ? (en ? `${actor} was set up as the first administrator` : `${actor} blev oprettet som den første administrator`)
        : (en ? `${actor} set up ${target} as the first administrator` : `${actor} oprettede ${target} som den første administrator`)),
      "setup.link": () => (en ? "The service made a setup link for the first administrator (no administrator yet)"
        : "Tjenesten lavede et opsætningslink til den første administrator (der var ingen administrator)"),
      "password.set": () => (!target || target === event.actor
        ? (en ? `${actor} changed their password` : `${actor} skiftede sin adgangskode`)
        : (en ? `${actor} set a new password for ${target}` : `${actor} satte en ny adgangskode for ${target}`)),

      "contacts.view": () => (target
        ? (en ? `${actor} viewed the contact details from the meeting ${meeting(target)}` : `${actor} så kontaktoplysningerne fra mødet ${meeting(target)}`)
        : (en ? `${actor} viewed citizens' contact details` : `${actor} så borgernes kontaktoplysninger`)),
      "contacts.export": () => {
        const format = detail("format");
        const as = format ? (en ? ` as ${String(format).toUpperCase()}` : ` som ${String(format).toUpperCase()}`) : "";
        return target
          ? (en ? `${actor} downloaded the contact details from the meeting ${meeting(target)}${as}` : `${actor} hentede kontaktoplysningerne fra mødet ${meeting(target)}${as}`)
          : (en ? `${actor} downloaded citizens' contact details${as}` : `${actor} hentede borgernes kontaktoplysninger${as}`);
      },
      "receipt.view": () => (en ? `${actor} looked up the receipt ${target}` : `${actor} slog kvitteringen ${target} op`),
      "receipt.erase": () => (en ? `${actor} erased the answer with the receipt ${target}` : `${actor} slettede svaret med kvitteringen ${target}`),
      "contact.erase": () => (en ? `${actor} erased a citizen's contact details${target ? " (" + target + ")" : ""}`
        : `${actor} slettede en borgers kontaktoplysninger${target ? " (" + target + ")" : ""}`),
      "retention.rule": () => {
        const months = detail("months");
        const days = detail("days");
        const span = months !== undefined ? count(months, en ? "month" : "måned", en ? "months" : "måneder")
          : days !== undefined ? count(days, en ? "day" : "dag", en ? "days" : "dage") : "";
        return en ? `${actor} changed how long answers are kept${span ? ": " + span : ""}`
          : `${actor} ændrede, hvor længe svar gemmes${span ? ": " + span : ""}`;
      },
      "responses.purge": () => {
        const deleted = detail("deleted") ?? 0;
        const before = target ? (en ? ` received before ${moment(target, language)}` : ` modtaget før ${moment(target, language)}`) : "";
        return en ? `${actor} deleted ${count(deleted, "answer", "answers")}${before}` : `${actor} slettede ${count(deleted, "svar", "svar")}${before}`;
      },

      "analysis.start": () => {
        const formID = detail("form");
        const codes = detail("sessions");
        const of = formID ? (en ? ` of the form ${formID}` : ` af spørgeskemaet ${formID}`) : "";
        const over = Array.isArray(codes) && codes.length ? (en ? " for " : " for ") + meetings(codes.map(String)) : "";
        return en ? `${actor} started analysis no. ${target}${of}${over}` : `${actor} startede analyse nr. ${target}${of}${over}`;
      },
      "theme.decide": () => decision(detail("decision")),
      "theme.undo": () => {
        const id = detail("decision");
        return en ? `${actor} undid correction no. ${id ?? "?"} in the form ${target}` : `${actor} fortrød rettelse nr. ${id ?? "?"} i spørgeskemaet ${target}`;
      },
      "export": () => {
        const format = detail("format");
        const values = detail("values");
        const as = format ? (en ? " as " : " som ") + String(format).toUpperCase() : "";
        const contents = values ? " (" + (en ? "with " : "med ") + words(values, language, "values") + ")" : "";
        const codes = target.split(",").filter(Boolean);
        return en ? `${actor} exported the answers from ${meetings(codes)}${as}${contents}`
          : `${actor} eksporterede svarene fra ${meetings(codes)}${as}${contents}`;
      },
    };

    // A theme correction, by kind.
    function decision(value) {
      const where = en ? ` in the form ${target}` : ` i spørgeskemaet ${target}`;
      const d = isPlainObject(value) ? value : {};
      const newName = d.label ? quote(String(d.label), language) : "";
      switch (d.kind) {
        case "rename":
          return en ? `${actor} renamed the theme ${themeName(d.theme, language)} to ${newName}${where}`
            : `${actor} omdøbte temaet ${themeName(d.theme, language)} til ${newName}${where}`;
        case "merge": {
          const themes = list((Array.isArray(d.themes) ? d.themes : []).map((theme) => themeName(theme, language)), language);
          const into = newName ? (en ? ` into ${newName}` : ` til ${newName}`) : "";
          return en ? `${actor} merged the themes ${themes}${into}${where}` : `${actor} slog temaerne ${themes} sammen${into}${where}`;
        }
        case "split": {
          const moved = Array.isArray(d.answers) ? d.answers.length : 0;
          return en ? `${actor} moved ${count(moved, "answer", "answers")} from the theme ${themeName(d.theme, language)} to a new theme ${newName}${where}`
            : `${actor} flyttede ${count(moved, "svar", "svar")} fra temaet ${themeName(d.theme, language)} til et nyt tema ${newName}${where}`;
        }
        case "move":
          return en ? `${actor} moved an answer to the theme ${themeName(d.to, language)}${where}`
            : `${actor} flyttede et svar til temaet ${themeName(d.to, language)}${where}`;
        case "offTopic":
          return en ? `${actor} marked an answer as off topic${where}` : `${actor} markerede et svar som uden for emnet${where}`;
        default:
          return en ? `${actor} corrected the themes${where}` : `${actor} rettede temaerne${where}`;
      }
    }

    const known = sentences[event.action];
    const text = known ? known()
      : (en ? `${actor} performed the action ${quote(event.action, language)}${target ? " on " + target : ""}`
        : `${actor} udførte handlingen ${quote(event.action, language)}${target ? " på " + target : ""}`);
    const rest = Object.entries(details)
      .filter(([name, value]) => !used.has(name) && value !== null && value !== undefined && value !== "")
      .map(([name, value]) => [label(name, language), words(value, language, name)]);
    return { text, details: rest };
  }

  /// The titles forms had in these events, by id (the newest first), for the events that do not carry one.
  function formTitles(events) {
    const titles = {};
    for (const event of events) {
      const title = isPlainObject(event.details) ? event.details.title : undefined;
      if (event.action.startsWith("form.") && event.target && typeof title === "string" && !(event.target in titles)) {
        titles[event.target] = title;
      }
    }
    return titles;
  }

  return { AREAS, describe, kindName, label, words, grouped, formTitles };
})();
