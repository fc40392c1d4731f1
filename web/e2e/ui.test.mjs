// Browser tests of sitrep's web UI, with playwright-core driving the
// system's Chromium headless. They run against a server that holds the
// sample reports and the hostile article of testdata/xss.txt: the Go test
// e2e_test.go starts one and runs this file with SITREP_URL set, so
// `go test ./web/e2e/` (and CI) runs them. Screenshots go to
// SITREP_SHOTS (web/test-results/ by default, ignored by git).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const base = process.env.SITREP_URL;
const shots = process.env.SITREP_SHOTS || path.resolve(import.meta.dirname, "..", "test-results");
const executablePath = process.env.SITREP_CHROMIUM || "/usr/bin/chromium";
if (!base) throw new Error("SITREP_URL is not set: run these tests with go test ./web/e2e/, which starts a server");
mkdirSync(shots, { recursive: true });

let browser, page;
const errors = [];

before(async () => {
  browser = await chromium.launch({ executablePath, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("dialog", (d) => {
    errors.push("a dialog opened: " + d.message());
    d.dismiss();
  });
});
after(async () => {
  await browser?.close();
});

const shot = (name) => page.screenshot({ path: path.join(shots, name + ".png") });
const api = async (p) => (await fetch(base + p)).json();

async function loaded() {
  const el = await page.waitForSelector("[data-testid=event-count]", { timeout: 15000 });
  return { events: Number(await el.getAttribute("data-events")), mapped: Number(await el.getAttribute("data-mapped")) };
}

test("the page shows the sample events on the map and the timeline", async () => {
  await page.goto(base + "/");
  const { events, mapped } = await loaded();
  const fc = await api("/api/v1/events.geojson?limit=1000");
  assert.equal(events, fc.features.length, "the status counts every event the API lists");
  const located = fc.features.filter((f) => f.geometry).length;
  assert.ok(located >= 10, `only ${located} located events in the samples`);
  assert.equal(mapped, located, "every located event is on the map");
  // Clusters and single dots together hold every located event.
  const onMap = await page.$$eval(".leaflet-marker-pane .ev-cluster, .leaflet-marker-pane .ev-dot", (els) =>
    els.reduce((n, el) => n + (el.classList.contains("ev-cluster") ? Number(el.textContent) : 1), 0),
  );
  assert.equal(onMap, located, "clusters and dots add up to the located events");
  assert.ok((await page.$$(".leaflet-overlay-pane path")).length > 100, "the country outlines are drawn");
  const bars = await page.$$("#timeline rect.bar");
  assert.ok(bars.length >= 10, `${bars.length} timeline bars`);
  assert.equal(await page.isVisible("#demo"), true, "the demo banner says the data is for demonstration");
  await shot("01-map");
});

test("the seed report's events are on the map", { skip: !process.env.SITREP_SEED_ARTICLE && "no ../shared/seed beside the repository" }, async () => {
  const id = process.env.SITREP_SEED_ARTICLE;
  const fc = await api("/api/v1/events.geojson?limit=1000&article=" + encodeURIComponent(id));
  const located = fc.features.filter((f) => f.geometry);
  assert.ok(fc.features.length >= 5, `the seed report yields ${fc.features.length} events`);
  assert.ok(located.length >= 3, `${located.length} of the seed report's events are located`);
  assert.ok(located.some((f) => f.properties.country === "LBY"), "the seed report's events are in Libya");
  await page.goto(base + "/?article=" + encodeURIComponent(id));
  const { events, mapped } = await loaded();
  assert.equal(events, fc.features.length, "the article permalink lists the seed report's events");
  assert.equal(mapped, located.length, "every located seed event is on the map");
  await shot("01-seed");
});

test("brushing the timeline keeps the chosen dates, in the URL too", async () => {
  await page.goto(base + "/");
  const before = await loaded();
  // Drag from just before the middle day's bar to 60 pixels after it.
  const bars = await page.$$("#timeline rect.bar");
  const bar = await bars[Math.floor(bars.length / 2)].boundingBox();
  const y = bar.y + bar.height / 2;
  await page.mouse.move(bar.x - 2, y);
  await page.mouse.down();
  await page.mouse.move(bar.x + bar.width + 60, y, { steps: 8 });
  await page.mouse.up();
  await page.waitForFunction(() => new URL(location.href).searchParams.has("since"));
  await page.waitForFunction((n) => Number(document.querySelector("[data-testid=event-count]")?.dataset.events) < n, before.events);
  const u = new URL(page.url());
  const since = u.searchParams.get("since"), until = u.searchParams.get("until");
  assert.match(since, /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(until >= since, `until ${until} before since ${since}`);
  const after = await loaded();
  const api1 = await api(`/api/v1/events?limit=1000&since=${since}&until=${until}`);
  assert.equal(after.events, api1.events.length, "the page lists what the API selects for the brushed dates");
  assert.ok(after.events > 0 && after.events < before.events, `${after.events} events after brushing, ${before.events} before`);
  assert.ok((await page.$$("#timeline rect.bar.out")).length > 0, "bars outside the brush are dimmed");
  await shot("02-brushed");

  // The permalink restores the same view.
  await page.goto(page.url());
  assert.equal((await loaded()).events, after.events);
});

test("opening an event from the map shows its evidence highlighted in the article", async () => {
  await page.goto(base + "/");
  await loaded();
  // Zoom into a cluster until a single event's dot can be clicked.
  for (let i = 0; i < 6 && !(await page.$(".leaflet-marker-pane .ev-dot")); i++) {
    await page.click(".leaflet-marker-pane .ev-cluster");
    await page.waitForTimeout(600);
  }
  const dot = await page.waitForSelector(".leaflet-marker-pane .ev-dot", { timeout: 5000 });
  const id = await dot.getAttribute("data-event-id");
  await dot.click({ force: true });
  await page.waitForSelector("[data-testid=event-title]");
  assert.equal(new URL(page.url()).searchParams.get("event"), id, "the URL names the open event");
  const mark = await page.waitForSelector(".article-text mark.evidence-mark", { timeout: 5000 });
  const ev = await api("/api/v1/events/" + id);
  const evidence = ev.reports[0].event.evidence.text;
  assert.equal((await mark.textContent()).trim(), evidence.trim(), "the highlighted text is the report's evidence sentence");
  assert.ok(await mark.isVisible());
  await shot("03-event");
});

test("an event from the list opens with its attribution chain and actors", async () => {
  await page.goto(base + "/?type=ASSAULT&q=Tripoli");
  const { events } = await loaded();
  assert.ok(events > 0, "the Tripoli clashes are in the samples");
  assert.equal(await page.inputValue("select[name=type]"), "ASSAULT", "the filter state comes from the URL");
  await page.click(".event-item");
  await page.waitForSelector(".article-text mark.evidence-mark");
  const chain = await page.textContent(".report .chain");
  assert.match(chain, /^According to: \S/);
  const actor = await page.$(".facts button.link");
  if (actor) {
    await actor.click();
    const name = await page.waitForSelector("[data-testid=actor-name]");
    assert.ok((await name.textContent()).length > 0);
    assert.ok(new URL(page.url()).searchParams.has("actorview"));
    await shot("04-actor");
  }
});

test("the actor view lists an actor's relations with their evidence", async () => {
  const list = await api("/api/v1/actors?q=Turkey&limit=5");
  const turkey = list.actors.find((a) => a.name === "Turkey");
  assert.ok(turkey, "a sample report says Turkey supports the government in Tripoli");
  await page.goto(base + "/?actorview=" + encodeURIComponent(turkey.id));
  const name = await page.waitForSelector("[data-testid=actor-name]");
  assert.equal(await name.textContent(), "Turkey");
  const rel = await page.waitForSelector(".relations li");
  assert.match(await rel.textContent(), /SUPPORT/);
  assert.match(await rel.textContent(), /Turkey supports the government in Tripoli/);
  await page.click("text=Show this actor's events on the map");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("actor"));
  await shot("05-actor-relations");
});

test("hostile article text and titles are shown as text and never run", async () => {
  // The hostile article reports an attack in Zawiya; find its event.
  const list = await api("/api/v1/articles?q=Zawiya&limit=10");
  const hit = list.articles.find((a) => a.title.includes("<script>"));
  assert.ok(hit, "the hostile article is stored with its title as given");
  const art = await api("/api/v1/articles/" + hit.id);
  assert.ok(art.reports.length > 0, "the hostile article yields an event");
  await page.goto(base + "/?event=" + encodeURIComponent(art.reports[0].event_id));
  await page.waitForSelector(".article-text mark.evidence-mark", { timeout: 10000 });
  await page.waitForTimeout(300);

  const panelText = await page.textContent("#panel");
  assert.ok(panelText.includes('<script>window.__xssRan = "title";</script>'), "the title's script tag is shown as text");
  assert.ok(panelText.includes("onerror="), "the onerror attribute is shown as text");
  const injected = await page.$$eval("#panel script, #panel img, #panel b, #panel [onerror], #panel [onmouseover]", (els) => els.length);
  assert.equal(injected, 0, "no element was made from the article's markup");
  const link = await page.$$eval("#panel a[href^='javascript']", (els) => els.length);
  assert.equal(link, 0, "a javascript: URL is not a link");
  assert.equal(await page.evaluate(() => window.__xssRan), undefined, "no injected script ran");
  assert.deepEqual(errors.filter((e) => /xss/i.test(e)), []);
  await shot("06-xss");
});

test("the page raised no script errors", () => {
  assert.deepEqual(errors, []);
});
