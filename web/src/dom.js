// DOM helpers. Every piece of text from the API (article text, titles,
// actor and place names, evidence) is untrusted: it only ever enters the
// page as a text node (textContent), never as HTML. Nothing here takes an
// HTML string.

// h builds an element: h("a", {href: "#", class: "x", dataset: {id: 1}}, "text", child).
// Attribute values are set with setAttribute (no "on*" handlers, no style);
// children are nodes or strings, and strings become text nodes.
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "dataset") {
      Object.assign(el.dataset, v);
    } else if (k === "onclick") {
      el.addEventListener("click", v);
    } else if (k.startsWith("on") || k === "style") {
      throw new Error(`h: attribute ${k} is not allowed; use addEventListener or a class`);
    } else {
      el.setAttribute(k, v === true ? "" : String(v));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

// clear empties an element and fills it with children.
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

// annotate returns the text as nodes, with the byte ranges marks = [{start,
// end, class, title}] wrapped in <mark>. Offsets are UTF-8 byte offsets into
// text, as every sitrep span is; overlapping marks are trimmed so the
// earlier one wins.
export function annotate(text, marks) {
  const bytes = enc.encode(text);
  const sorted = marks
    .filter((m) => m && m.end > m.start && m.start >= 0 && m.end <= bytes.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out = [];
  let at = 0;
  for (const m of sorted) {
    const start = Math.max(m.start, at);
    if (start >= m.end) continue;
    if (start > at) out.push(document.createTextNode(dec.decode(bytes.subarray(at, start))));
    const mark = h("mark", { class: m.class, title: m.title }, dec.decode(bytes.subarray(start, m.end)));
    if (m.id) mark.id = m.id;
    out.push(mark);
    at = m.end;
  }
  if (at < bytes.length) out.push(document.createTextNode(dec.decode(bytes.subarray(at))));
  return out;
}
