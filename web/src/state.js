// The UI's state lives in the URL's query string, so every view is a
// permalink: the filters (since, until, type, modality, actor, min_sources,
// q, and article: the events of one article), the open event (event) or
// actor (actorview).

export const filterKeys = ["since", "until", "type", "modality", "actor", "min_sources", "q", "article"];
const viewKeys = ["event", "actorview"];

export function readState(search = location.search) {
  const p = new URLSearchParams(search);
  const s = {};
  for (const k of [...filterKeys, ...viewKeys]) {
    const v = p.get(k);
    if (v) s[k] = v;
  }
  return s;
}

export function writeState(s, push) {
  const p = new URLSearchParams();
  for (const k of [...filterKeys, ...viewKeys]) {
    if (s[k]) p.set(k, s[k]);
  }
  const q = p.toString();
  const url = location.pathname + (q ? "?" + q : "");
  if (url === location.pathname + location.search) return;
  if (push) history.pushState(null, "", url);
  else history.replaceState(null, "", url);
}

// filterQuery returns the API query string of the state's filters, leaving
// out the keys in omit.
export function filterQuery(s, omit = []) {
  const p = new URLSearchParams();
  for (const k of filterKeys) {
    if (s[k] && !omit.includes(k)) p.set(k, s[k]);
  }
  return p;
}
