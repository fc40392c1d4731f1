// sitrep's web UI: filters, a map, a timeline and a side panel that lists
// the events in view, or shows one event with its reports, evidence
// highlighted in the article text, attribution chains, sources and
// conflicts, or one actor with its relations. State is in the URL
// (state.js). All API text is untrusted and enters the page as text only
// (dom.js).
import "leaflet/dist/leaflet.css";
import "leaflet.markercluster/dist/MarkerCluster.css";
import "./style.css";
import { h, fill, annotate } from "./dom.js";
import { readState, writeState, filterQuery } from "./state.js";
import { createMap, cssType } from "./map.js";
import { createTimeline } from "./timeline.js";

const PAGE = 1000;

async function api(path) {
  const r = await fetch(path, { headers: { Accept: "application/json" } });
  let body;
  try {
    body = await r.json();
  } catch {
    throw new Error(`${path}: answer ${r.status} is not JSON`);
  }
  if (!r.ok) throw new Error(body.message || `${path}: ${r.status}`);
  return body;
}

let state = readState();
const $ = (id) => document.getElementById(id);

const status = $("status");
const panel = $("panel");
const eventsMap = createMap($("map"), (id) => openEvent(id, true));
const timeline = createTimeline($("timeline"), (range) => {
  state.since = range ? range[0] : undefined;
  state.until = range ? range[1] : undefined;
  commit(true);
});
let features = [];
let info = null;

function setError(err) {
  fill(status, h("span", { class: "error" }, String(err.message || err)));
}

// Filters form
const form = $("filters");
function readForm() {
  const v = (name) => form.elements[name].value.trim() || undefined;
  state.type = v("type");
  state.modality = v("modality");
  state.actor = v("actor");
  state.min_sources = v("min_sources") && v("min_sources") !== "1" ? v("min_sources") : undefined;
  state.q = v("q");
}
function writeForm() {
  for (const k of ["type", "modality", "actor", "min_sources", "q"]) {
    form.elements[k].value = state[k] || (k === "min_sources" ? "1" : "");
  }
}
form.addEventListener("change", () => {
  readForm();
  commit(true);
});
form.addEventListener("submit", (ev) => {
  ev.preventDefault();
  readForm();
  commit(true);
});
$("reset").addEventListener("click", () => {
  state = {};
  writeForm();
  commit(true);
});

// commit writes the state to the URL and reloads what depends on it.
let loadSeq = 0;
async function commit(push, fit) {
  writeState(state, push);
  const seq = ++loadSeq;
  fill(status, "Loading…");
  try {
    const q = filterQuery(state);
    q.set("limit", PAGE);
    const [fc, days] = await Promise.all([
      api("/api/v1/events.geojson?" + q),
      api("/api/v1/counts?" + new URLSearchParams([...filterQuery(state, ["since", "until"]), ["by", "day"]])),
    ]);
    if (seq !== loadSeq) return;
    features = fc.features;
    const onMap = eventsMap.show(features, fit);
    timeline.set(days.counts, state.since || state.until ? [state.since || days.counts[0]?.key, state.until || days.counts.at(-1)?.key] : null);
    const more = (fc.next ? ` (the first ${PAGE}; narrow the filters to see the rest)` : "") + (state.article ? " of one article (Reset shows all)" : "");
    fill(
      status,
      h("span", { "data-testid": "event-count", dataset: { events: features.length, mapped: onMap } }, `${features.length} events${more}, ${onMap} on the map`),
    );
  } catch (err) {
    if (seq === loadSeq) setError(err);
    return;
  }
  if (state.event) openEvent(state.event, false);
  else if (state.actorview) openActor(state.actorview, false);
  else showList();
}

window.addEventListener("popstate", () => {
  state = readState();
  writeForm();
  commit(false);
});

// Panel: the list of events in view
function showList() {
  const items = features.slice(0, 200).map((f) => {
    const p = f.properties;
    return h(
      "li",
      {},
      h(
        "button",
        { class: "event-item", type: "button", onclick: () => openEvent(f.id, true) },
        h("span", { class: `swatch t-${cssType(p.type)}` }),
        h("strong", {}, p.type),
        " ",
        p.modality !== "asserted" && p.modality !== "reported" ? h("em", { class: "modality" }, p.modality, " ") : null,
        h("span", { class: "muted" }, p.date || "undated", " · ", p.place || "no location"),
        h("br"),
        [p.actor1, p.actor2].filter(Boolean).join(" → ") || "unnamed actors",
        p.fatalities != null ? ` · ${p.fatalities} killed` : "",
        ` · ${p.sources} source${p.sources === 1 ? "" : "s"}`,
      ),
    );
  });
  fill(panel, h("h2", {}, "Events"), features.length ? h("ol", { class: "event-list" }, items) : h("p", {}, "No events match the filters."));
}

function back() {
  return h("button", { type: "button", class: "back", onclick: () => { state.event = state.actorview = undefined; writeState(state, true); showList(); } }, "← all events");
}

function actorLink(a) {
  if (!a) return h("span", { class: "muted" }, "—");
  const key = a.id || (a.name ? "name:" + a.name.toLowerCase().split(/\s+/).join(" ") : "");
  return h("button", { type: "button", class: "link", onclick: () => openActor(key, true) }, a.name || a.id);
}

function dl(rows) {
  return h("dl", { class: "facts" }, rows.filter((r) => r[1] !== undefined && r[1] !== null && r[1] !== "").map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
}

// claimed lists the death tolls an armed group claimed, which the
// fatalities above do not count (the conservative rule): "2 killed, as
// claimed: VoJ reported 2 fatalities".
function claimed(ev) {
  const qs = (ev.quantities || []).filter((q) => q.unit === "claimed fatalities");
  if (!qs.length) return undefined;
  return qs.map((q) => `${q.value} killed, as claimed: “${q.text}”`).join("; ");
}

// Panel: one event
async function openEvent(id, push) {
  state.event = id;
  state.actorview = undefined;
  writeState(state, push);
  let e;
  try {
    e = await api("/api/v1/events/" + encodeURIComponent(id));
  } catch (err) {
    fill(panel, back(), h("p", { class: "error" }, String(err.message)));
    return;
  }
  if (state.event !== id) return;
  eventsMap.focus(id);
  const ev = e.event;
  const loc = ev.location;
  const date = ev.date ? (ev.date.start === ev.date.end ? ev.date.start : `${ev.date.start} to ${ev.date.end}`) : "undated";
  const reports = h("div", { class: "reports" });
  fill(
    panel,
    back(),
    h("h2", { "data-testid": "event-title" }, h("span", { class: `swatch t-${cssType(ev.type)}` }), ev.type, ev.mode ? ` (${ev.mode})` : ""),
    h("p", { class: "modality-line" }, e.happened ? "Happened" : "Did not happen as far as the reports say", " · ", ev.modality, " · confidence ", (ev.confidence ?? 0).toFixed(2)),
    dl([
      ["Date", date],
      ["Where", loc ? `${loc.name}${loc.admin1 ? ", " + loc.admin1 : ""}${loc.country ? " (" + loc.country + ")" : ""}` : "not located"],
      ["Actor 1", actorLink(ev.actor1)],
      ["Actor 2", actorLink(ev.actor2)],
      ["ACLED", ev.acled_event_type ? `${ev.acled_event_type} / ${ev.acled_sub_event_type || ""}` : ""],
      ["Fatalities", ev.fatalities],
      ["Claimed", claimed(ev)],
      ["Injuries", ev.injuries],
      ["Sources", (e.sources || []).join(", ")],
      ["Outlets", (e.outlets || []).join(", ")],
    ]),
    e.conflicts && e.conflicts.length
      ? h(
          "div",
          { class: "conflicts", "data-testid": "conflicts" },
          h("h3", {}, "Where the reports disagree"),
          h("ul", {}, e.conflicts.map((c) => h("li", {}, h("strong", {}, c.field), ": ", c.values.map((v) => `${v.value} (${v.reports.length} report${v.reports.length === 1 ? "" : "s"})`).join(" vs ")))),
        )
      : null,
    h("h3", {}, `${e.report_count} report${e.report_count === 1 ? "" : "s"}`),
    reports,
  );
  for (const [i, r] of (e.reports || []).entries()) {
    reports.append(reportView(r, i === 0));
  }
}

// chain shows a report's attribution chain as the coder read it, from the
// publishing outlet to the innermost source it cites ("Outlet → officials
// (speaker)"); sources of one role side by side are joined by a comma
// ("Outlet → residents (speaker), a rebel group (speaker)"): each speaks,
// neither quotes the other.
function chain(r) {
  const srcs = r.event.sources || [];
  if (!srcs.length) return h("p", { class: "chain", "data-testid": "attribution" }, "According to: the outlet itself (", r.outlets?.[0] || "unknown", ")");
  return h(
    "p",
    { class: "chain", "data-testid": "attribution" },
    "According to: ",
    srcs.map((s, i) => [i ? (s.role === srcs[i - 1].role ? ", " : " → ") : "", h("span", { class: "source" }, s.name), h("span", { class: "muted" }, ` (${s.role})`)]),
  );
}

function reportView(r, open) {
  const body = h("div", { class: "article-text", "data-testid": "article-text" });
  const d = h(
    "details",
    { class: "report", open },
    h("summary", {}, h("span", { class: "report-title" }, r.title || r.article_id), h("span", { class: "muted" }, ` · ${(r.outlets || []).join(", ")} · ${(r.published || "").slice(0, 10)}`)),
    chain(r),
    h("blockquote", { class: "evidence" }, r.event.evidence?.text || ""),
    h(
      "button",
      {
        type: "button",
        class: "link",
        onclick: () => {
          state = { article: r.article_id };
          writeForm();
          commit(true, true);
        },
      },
      "All events of this article",
    ),
    r.url ? h("p", { class: "muted" }, "Original: ", h("a", { href: safeURL(r.url), rel: "noopener noreferrer nofollow", target: "_blank" }, r.url)) : null,
    body,
  );
  let loaded = false;
  const load = async () => {
    if (loaded) return;
    loaded = true;
    try {
      const a = await api("/api/v1/articles/" + encodeURIComponent(r.article_id));
      const marks = (r.event.mentions || []).map((m) => ({ start: m.start, end: m.end, class: "mention", title: "another mention of this event" }));
      marks.unshift({ start: r.event.evidence.start, end: r.event.evidence.end, class: "evidence-mark", title: "the evidence for this event" });
      for (const s of r.event.sources || []) {
        if (s.start !== undefined && s.end > s.start) marks.push({ start: s.start, end: s.end, class: "attribution-mark", title: `source: ${s.role}` });
      }
      const box = h("div", { class: "text" }, annotate(a.text, marks));
      fill(body, h("h4", {}, "Article text, evidence highlighted"), box);
      // Scroll the text box, not the panel, to the evidence.
      const m = box.querySelector(".evidence-mark");
      if (m) box.scrollTop = Math.max(0, m.offsetTop - 24); // offsetParent is box (position: relative)
    } catch (err) {
      fill(body, h("p", { class: "error" }, String(err.message)));
    }
  };
  d.addEventListener("toggle", () => d.open && load());
  if (open) load();
  return d;
}

// safeURL lets only http and https links through.
function safeURL(u) {
  try {
    const x = new URL(u);
    return x.protocol === "http:" || x.protocol === "https:" ? x.href : "#";
  } catch {
    return "#";
  }
}

// Panel: one actor
async function openActor(id, push) {
  state.actorview = id;
  state.event = undefined;
  writeState(state, push);
  let a;
  try {
    a = await api("/api/v1/actors/" + encodeURIComponent(id));
  } catch (err) {
    fill(panel, back(), h("p", { class: "error" }, String(err.message)));
    return;
  }
  if (state.actorview !== id) return;
  const rels = (a.relations || []).map((r) =>
    h(
      "li",
      {},
      actorLink(r.from),
      " ",
      h("strong", {}, r.type),
      " ",
      actorLink(r.to),
      r.modality && r.modality !== "asserted" ? h("em", {}, ` (${r.modality})`) : null,
      h("blockquote", { class: "evidence" }, r.evidence?.text || ""),
    ),
  );
  fill(
    panel,
    back(),
    h("h2", { "data-testid": "actor-name" }, a.name || a.id),
    dl([
      ["Id", a.id],
      ["Country", a.country],
      ["Kind", a.kind],
      ["Events", a.events],
      ["Articles", a.articles],
      ["First seen", a.first_seen],
      ["Last seen", a.last_seen],
    ]),
    h(
      "button",
      {
        type: "button",
        onclick: () => {
          state.actor = a.id || a.name;
          state.actorview = undefined;
          writeForm();
          commit(true);
        },
      },
      "Show this actor's events on the map",
    ),
    h("h3", {}, "Relations"),
    rels.length ? h("ul", { class: "relations" }, rels) : h("p", { class: "muted" }, "No relations recorded."),
  );
}

// Start: the server's settings, the filter choices, then the data.
(async () => {
  try {
    info = await api("/api/v1/info");
  } catch (err) {
    setError(err);
    return;
  }
  if (info.demo) $("demo").hidden = false;
  const sel = (name, values) => form.elements[name].append(...values.map((v) => h("option", { value: v }, v)));
  sel("type", info.event_types);
  sel("modality", info.modalities.map((m) => m.name));
  api("/api/v1/actors?limit=200")
    .then((r) => $("actor-names").append(...r.actors.map((a) => h("option", { value: a.id || a.name }, a.name))))
    .catch(() => {});
  writeForm();
  commit(false, true);
})();
