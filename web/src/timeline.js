// The timeline: events per day as bars (all dates of the current filters
// but the date range), and a brush: drag across it to keep only the events
// of those days; a click without a drag clears the range.
import { h } from "./dom.js";

const svgNS = "http://www.w3.org/2000/svg";
const DAY = 86400000;

function s(tag, attrs) {
  const el = document.createElementNS(svgNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, String(v));
  return el;
}

const iso = (t) => new Date(t).toISOString().slice(0, 10);
const parse = (d) => Date.parse(d + "T00:00:00Z");

export function createTimeline(el, onBrush) {
  const svg = s("svg", { class: "timeline-svg", role: "img", "aria-label": "Events per day; drag to choose dates" });
  const label = h("div", { class: "timeline-label", "data-testid": "timeline-label" });
  el.replaceChildren(svg, label);
  let counts = [];
  let range = null; // [since, until] as YYYY-MM-DD
  let x0 = 0, x1 = 1; // domain, ms
  const pad = { l: 8, r: 8, t: 6, b: 18 };

  const width = () => Math.max(200, el.clientWidth);
  const height = () => 90;
  const xOf = (t) => pad.l + ((t - x0) / (x1 - x0)) * (width() - pad.l - pad.r);
  const tOf = (x) => x0 + ((x - pad.l) / (width() - pad.l - pad.r)) * (x1 - x0);

  function draw() {
    const w = width(), ht = height();
    svg.setAttribute("viewBox", `0 0 ${w} ${ht}`);
    svg.setAttribute("width", w);
    svg.setAttribute("height", ht);
    svg.replaceChildren();
    if (!counts.length) {
      label.textContent = "No dated events match the filters.";
      return;
    }
    const max = Math.max(...counts.map((c) => c.events));
    const bw = Math.max(2, ((width() - pad.l - pad.r) * DAY) / (x1 - x0) - 1);
    for (const c of counts) {
      const t = parse(c.key);
      const bh = Math.max(2, (c.events / max) * (ht - pad.t - pad.b));
      const inRange = !range || (c.key >= range[0] && c.key <= range[1]);
      const r = s("rect", { x: xOf(t), y: ht - pad.b - bh, width: bw, height: bh, class: inRange ? "bar" : "bar out" });
      const tip = s("title");
      tip.textContent = `${c.key}: ${c.events} events, ${c.fatalities} reported fatalities`;
      r.append(tip);
      svg.append(r);
    }
    // month ticks
    const d = new Date(x0);
    d.setUTCDate(1);
    let lastLabel = -Infinity;
    for (let m = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1); m < x1; ) {
      const x = xOf(m);
      svg.append(s("line", { x1: x, x2: x, y1: ht - pad.b, y2: ht - pad.b + 4, class: "tick" }));
      if (x - lastLabel >= 56) {
        // label a month only where there is room for it
        const t = s("text", { x: x + 2, y: ht - 4, class: "tick-label" });
        t.textContent = new Date(m).toISOString().slice(0, 7);
        svg.append(t);
        lastLabel = x;
      }
      const n = new Date(m);
      m = Date.UTC(n.getUTCFullYear(), n.getUTCMonth() + 1, 1);
    }
    if (range) {
      const a = xOf(parse(range[0])), b = xOf(parse(range[1]) + DAY);
      svg.append(s("rect", { x: Math.min(a, b), y: pad.t - 4, width: Math.max(2, Math.abs(b - a)), height: ht - pad.b - pad.t + 4, class: "brush" }));
      label.textContent = `${range[0]} to ${range[1]} · drag again to change, click to clear`;
    } else {
      label.textContent = `${iso(x0)} to ${iso(x1 - DAY)} · drag across the bars to choose dates`;
    }
  }

  // brushing with pointer events
  let start = null, live = null;
  const xIn = (ev) => {
    const r = svg.getBoundingClientRect();
    return ((ev.clientX - r.left) / r.width) * width();
  };
  svg.addEventListener("pointerdown", (ev) => {
    if (!counts.length) return;
    start = xIn(ev);
    svg.setPointerCapture(ev.pointerId);
    live = s("rect", { x: start, y: 0, width: 0, height: height() - pad.b, class: "brush live" });
    svg.append(live);
  });
  svg.addEventListener("pointermove", (ev) => {
    if (start === null) return;
    const x = xIn(ev);
    live.setAttribute("x", Math.min(start, x));
    live.setAttribute("width", Math.abs(x - start));
  });
  const end = (ev) => {
    if (start === null) return;
    const x = xIn(ev);
    const a = Math.min(start, x), b = Math.max(start, x);
    start = null;
    if (b - a < 4) {
      range = null;
    } else {
      const lo = Math.max(x0, tOf(a)), hi = Math.min(x1 - DAY, tOf(b));
      range = [iso(lo), iso(Math.max(lo, hi))];
    }
    draw();
    onBrush(range);
  };
  svg.addEventListener("pointerup", end);
  svg.addEventListener("pointercancel", () => { start = null; draw(); });
  new ResizeObserver(() => draw()).observe(el);

  return {
    // set shows counts by day ([{key, events, fatalities}], in date order)
    // and the chosen range.
    set(c, r) {
      counts = c.filter((x) => /^\d{4}-\d{2}-\d{2}$/.test(x.key));
      range = r;
      if (counts.length) {
        x0 = parse(counts[0].key) - 3 * DAY;
        x1 = parse(counts[counts.length - 1].key) + 4 * DAY;
      }
      draw();
    },
  };
}
