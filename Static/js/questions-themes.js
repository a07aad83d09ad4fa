"use strict";
// The two question types that work over a list of items (usually the policy's themes):
// ranking (put them in order) and points (share a budget among them). Both use plain buttons,
// so they work by touch and keyboard alike; nothing depends on dragging or hover.
Object.assign(Questions, (() => {
  const { element, frame } = Questions;

  function ranking(question, ui) {
    const parts = frame(question, ui, true);
    let order = question.options.map((option) => option.value);
    let touched = false;
    const labels = new Map(question.options.map((option) => [option.value, option.label]));
    const list = element("ol", { class: "ranking" });
    const status = element("p", { class: "visually-hidden", "aria-live": "polite" });

    function render(focusValue, focusDirection) {
      list.replaceChildren();
      order.forEach((value, index) => {
        const label = labels.get(value);
        const up = element("button", { type: "button", class: "rank-move", text: "▲",
          "aria-label": (ui.moveUp || "Flyt op") + ": " + label, disabled: index === 0 });
        const down = element("button", { type: "button", class: "rank-move", text: "▼",
          "aria-label": (ui.moveDown || "Flyt ned") + ": " + label, disabled: index === order.length - 1 });
        up.addEventListener("click", () => move(index, -1));
        down.addEventListener("click", () => move(index, 1));
        list.append(element("li", { class: "rank-item" }, [
          element("span", { class: "rank-number", text: String(index + 1) }),
          element("span", { class: "rank-label", text: label }), up, down]));
        if (value === focusValue) {
          const target = focusDirection < 0 ? (index === 0 ? down : up) : (index === order.length - 1 ? up : down);
          setTimeout(() => target.focus(), 0);
        }
      });
    }

    function move(index, direction) {
      const target = index + direction;
      if (target < 0 || target >= order.length) return;
      const value = order[index];
      [order[index], order[target]] = [order[target], order[index]];
      touched = true;
      status.textContent = labels.get(value) + ": " + (target + 1);
      render(value, direction);
    }

    const keep = element("button", { type: "button", class: "secondary", text: ui.keepOrder || "Behold rækkefølgen" });
    keep.addEventListener("click", () => { touched = true; status.textContent = ui.keepOrder || "Behold rækkefølgen"; });
    render();
    parts.container.append(list, keep, status);
    return {
      ...parts, element: parts.finish(), focus: () => (list.querySelector("button:not([disabled])") || keep).focus(),
      value: () => (touched ? order.slice() : undefined),
      snapshot: () => ({ order: order.slice(), touched }),
      restore(saved) {
        // The same items in the other language; anything unknown is left where it was.
        const known = saved.order.filter((value) => labels.has(value));
        order = [...known, ...order.filter((value) => !known.includes(value))];
        touched = saved.touched;
        render();
      },
    };
  }

  function points(question, ui) {
    const parts = frame(question, ui, true);
    const total = question.total || 10;
    const given = new Map(question.options.map((option) => [option.value, 0]));
    const remaining = element("p", { class: "points-remaining", "aria-live": "polite" });
    const rows = [];

    function spent() { return [...given.values()].reduce((sum, value) => sum + value, 0); }
    function update() {
      remaining.textContent = (ui.pointsLeft || "Point tilbage") + ": " + (total - spent()) + " / " + total;
      rows.forEach((row) => {
        row.count.textContent = String(given.get(row.value));
        row.minus.disabled = given.get(row.value) === 0;
        row.plus.disabled = spent() >= total;
      });
    }

    const list = element("ul", { class: "points" });
    for (const option of question.options) {
      const count = element("output", { class: "points-count", "aria-live": "polite" });
      const minus = element("button", { type: "button", class: "points-step", text: "−", "aria-label": (ui.fewerPoints || "Færre point") + ": " + option.label });
      const plus = element("button", { type: "button", class: "points-step", text: "+", "aria-label": (ui.morePoints || "Flere point") + ": " + option.label });
      minus.addEventListener("click", () => { given.set(option.value, Math.max(0, given.get(option.value) - 1)); update(); });
      plus.addEventListener("click", () => { if (spent() < total) { given.set(option.value, given.get(option.value) + 1); update(); } });
      rows.push({ value: option.value, count, minus, plus });
      list.append(element("li", { class: "points-item" }, [element("span", { class: "points-label", text: option.label }), minus, count, plus]));
    }
    update();
    parts.container.append(remaining, list);
    return {
      ...parts, element: parts.finish(), focus: () => rows[0] && rows[0].plus.focus(),
      snapshot: () => Object.fromEntries(given),
      restore(saved) {
        for (const value of given.keys()) given.set(value, Number(saved[value]) || 0);
        update();
      },
      value() {
        if (spent() === 0) return undefined;
        const answer = {};
        for (const [value, count] of given) if (count > 0) answer[value] = count;
        return answer;
      },
    };
  }

  return { ranking, points };
})());
