// Package web holds sitrep's web UI: the map, timeline, filters, event
// panel and actor view served by sitrep serve. The source is in src/; the
// built bundle in dist/ is committed and embedded here, so building sitrep
// needs Go alone. Rebuild it after changing src/ with
//
//	cd web && npm ci && npm run build
//
// which bundles src/ with esbuild into dist/ (build.mjs): Leaflet and
// leaflet.markercluster for the map, and the world-atlas country outlines
// (Natural Earth, 1:110m) as an offline basemap. The page loads nothing
// from anywhere but the server: no tiles, no CDN.
package web

import (
	"embed"
	"io/fs"
)

//go:embed all:dist
var dist embed.FS

// Assets returns the built UI: index.html and, under assets/, the files
// it loads, their names carrying a hash of their content.
func Assets() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // dist is embedded at build time: cannot happen
	}
	return sub
}
