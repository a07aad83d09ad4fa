"use strict";
// The run page's tables and charts: themes per dialogue meeting, themes by background question,
// summaries of the choice, scale, ranking and points questions, and the server's SVG charts.
window.AnalystTables = (() => {
  const { t, element } = Staff;

  function table(caption, headings, rows, numericFrom = 1) {
    const head = element("tr", {}, ...headings.map((heading, index) =>
      element("th", { scope: "col", class: index >= numericFrom ? "number" : null, text: heading })));
    const body = rows.map((cells) => element("tr", {}, ...cells.map((cell, index) => index === 0
      ? element("th", { scope: "row", text: cell })
      : element("td", { class: index >= numericFrom ? "number" : null, text: cell }))));
    return element("div", { class: "table-scroll" },
      element("table", { class: "data-table" }, element("caption", { text: caption }),
        element("thead", {}, head), element("tbody", {}, ...body)));
  }

  function count(value) {
    return Analyst.formatNumber(value || 0);
  }

  /// Rows of theme × column counts (people), with the column's number of people first.
  function themeRows(themes, columns) {
    const answered = [t("columnAnswers"), ...columns.map((column) => count(column.peopleCount))];
    return [answered, ...themes.map((theme) =>
      [theme.label, ...columns.map((column) => count((column.counts || {})[theme.key]))])];
  }

  function bySession(result, context) {
    const sessions = result.bySession || [];
    if (!sessions.length) return [];
    const headings = [t("columnTheme"), ...sessions.map((session) => session.title || context.sessionTitle(session.session))];
    const tables = result.byTable || [];
    const byTable = tables.length
      ? [table(t("byTableCaption"), [t("columnTheme"), ...tables.map((entry) => entry.label)], themeRows(result.themes || [], tables))]
      : [];
    return [table(t("bySessionCaption"), headings, themeRows(result.themes || [], sessions)), ...byTable];
  }

  function byBackground(result) {
    return (result.byBackground || []).map((question) => {
      const values = question.values || [];
      const headings = [t("columnTheme"), ...values.map((value) => value.label || value.value)];
      return element("section", { class: "breakdown" }, element("h3", { text: question.label }),
        table(t("byBackgroundCaption", { label: question.label }), headings, themeRows(result.themes || [], values)));
    });
  }

  function summaryFacts(summary) {
    const facts = [t("summaryAnswered", { count: count(summary.answered) })];
    if (summary.mean !== undefined && summary.mean !== null) facts.push(t("summaryMean", { mean: Analyst.formatNumber(summary.mean, 2) }));
    if (summary.dontKnow) facts.push(t("summaryDontKnow", { count: count(summary.dontKnow) }));
    return element("p", { class: "summary-facts", text: facts.join(" · ") });
  }

  function summaryTables(summary) {
    const tables = [];
    if ((summary.options || []).length) {
      tables.push(table(summary.label, [t("columnOption"), t("columnCount"), t("columnShare")],
        summary.options.map((option) => [option.label || option.value, count(option.count), Analyst.percent(option.share) + " %"])));
    }
    if ((summary.distribution || []).length) {
      tables.push(table(summary.label, [t("columnValue"), t("columnCount")],
        summary.distribution.map((step) => [String(step.value), count(step.count)])));
    }
    const items = summary.items || [];
    if (items.length) {
      const columns = [["meanRank", "columnMeanRank", 2], ["totalPoints", "columnTotalPoints", 0], ["meanPoints", "columnMeanPoints", 2]]
        .filter(([field]) => items.some((item) => item[field] !== undefined && item[field] !== null));
      tables.push(table(summary.label, [t("columnItem"), ...columns.map(([, heading]) => t(heading))],
        items.map((item) => [item.label || item.value, ...columns.map(([field, , digits]) => Analyst.formatNumber(item[field], digits))])));
    }
    return tables;
  }

  function summaries(result) {
    return (result.summaries || []).map((summary) => element("section", { class: "summary", "data-question": summary.question },
      element("h3", { text: summary.label }), summaryFacts(summary), ...summaryTables(summary)));
  }

  function charts(result) {
    const made = result.charts || {};
    return [["themes", "chartThemes"], ["bySession", "chartBySession"]]
      .map(([name, title]) => {
        const svg = made[name] ? Analyst.chart(made[name], t(title)) : null;
        return svg && element("figure", { class: "chart" }, svg, element("figcaption", { text: t(title) }));
      })
      .filter(Boolean);
  }

  /// Fills the breakdown, summary and chart sections (each hidden when it has nothing to show).
  function render(result, context) {
    const sections = [
      ["by-session", bySession(result, context)],
      ["by-background", byBackground(result)],
      ["summaries", summaries(result)],
      ["charts", charts(result)],
    ];
    for (const [id, children] of sections) {
      Analyst.fill(document.getElementById(id), ...children);
      document.getElementById(id + "-section").hidden = children.length === 0;
    }
  }

  return { render };
})();
