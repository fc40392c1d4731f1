// Builds the UI into dist/: esbuild bundles src/main.js (with Leaflet,
// leaflet.markercluster, topojson-client and the world-atlas outlines) and
// its CSS into dist/assets/, names carrying content hashes, and writes
// dist/index.html pointing at them. The output depends only on src/ and
// the locked packages, so rebuilding an unchanged tree changes nothing.
import * as esbuild from "esbuild";
import { readFileSync, writeFileSync, rmSync, mkdirSync } from "node:fs";
import path from "node:path";

const dist = "dist";
rmSync(dist, { recursive: true, force: true });
mkdirSync(path.join(dist, "assets"), { recursive: true });

const result = await esbuild.build({
  entryPoints: ["src/main.js"],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020", "chrome100", "firefox100", "safari15"],
  outdir: path.join(dist, "assets"),
  entryNames: "[name]-[hash]",
  assetNames: "[name]-[hash]",
  loader: { ".png": "file", ".svg": "file" },
  legalComments: "external",
  metafile: true,
  logLevel: "warning",
});

const outputs = Object.keys(result.metafile.outputs).map((f) => path.relative(path.join(dist, "assets"), f));
const js = outputs.find((f) => /^main-.*\.js$/.test(f));
const css = outputs.find((f) => /^main-.*\.css$/.test(f));
if (!js || !css) throw new Error(`build: no main bundle among ${outputs.join(", ")}`);
const html = readFileSync("src/index.html", "utf8").replace("{{JS}}", js).replace("{{CSS}}", css);
writeFileSync(path.join(dist, "index.html"), html);
for (const f of outputs) console.log(`dist/assets/${f}`);
