// The map: country outlines from world-atlas (Natural Earth 1:110m, drawn
// from the bundle, no tiles), events as dots coloured by type, clustered
// at low zoom by leaflet.markercluster.
import L from "./leaflet-global.js";
import "leaflet.markercluster";
import { feature } from "topojson-client";
import countries from "world-atlas/countries-110m.json";

export function createMap(el, onSelect) {
  const map = L.map(el, { worldCopyJump: true, minZoom: 2, maxZoom: 12, zoomSnap: 0.5, attributionControl: true, preferCanvas: false });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Country outlines: Natural Earth via world-atlas");
  L.geoJSON(outlines(), {
    interactive: false,
    style: { color: "#8a94a6", weight: 0.7, fillColor: "#eef0f3", fillOpacity: 1 },
  }).addTo(map);
  map.setView([20, 20], 2);

  const clusters = L.markerClusterGroup({
    maxClusterRadius: 40,
    showCoverageOnHover: false,
    spiderfyOnMaxZoom: true,
    disableClusteringAtZoom: 7,
    iconCreateFunction(cluster) {
      const kids = cluster.getAllChildMarkers();
      const byType = {};
      for (const m of kids) byType[m.options.eventType] = (byType[m.options.eventType] || 0) + 1;
      const top = Object.entries(byType).sort((a, b) => b[1] - a[1])[0][0];
      const n = kids.length;
      const size = n < 10 ? 28 : n < 100 ? 34 : 40;
      // The count is a number; the type a class from a fixed list.
      return L.divIcon({ html: `<span>${n}</span>`, className: `ev-cluster t-${cssType(top)}`, iconSize: [size, size] });
    },
  });
  map.addLayer(clusters);

  const markers = new Map();
  return {
    map,
    // show replaces the events on the map with the located features.
    show(features, fit) {
      clusters.clearLayers();
      markers.clear();
      const layers = [];
      for (const f of features) {
        if (!f.geometry) continue;
        const [lon, lat] = f.geometry.coordinates;
        const p = f.properties;
        const m = L.marker([lat, lon], {
          eventType: p.type,
          icon: L.divIcon({ html: "", className: `ev-dot t-${cssType(p.type)}${p.happened ? "" : " not-happened"}`, iconSize: [14, 14] }),
          title: `${p.type} · ${p.date || "undated"} · ${p.place || ""}`,
          keyboard: true,
        });
        m.on("click", () => onSelect(f.id));
        m.on("add", () => {
          const e = m.getElement();
          if (e) e.dataset.eventId = f.id;
        });
        markers.set(f.id, m);
        layers.push(m);
      }
      clusters.addLayers(layers);
      if (fit && layers.length) {
        map.fitBounds(L.latLngBounds(layers.map((m) => m.getLatLng())).pad(0.2), { maxZoom: 6 });
      }
      return layers.length;
    },
    // focus zooms to an event's marker, out of its cluster.
    focus(id) {
      const m = markers.get(id);
      if (m) clusters.zoomToShowLayer(m, () => {});
    },
  };
}

// cssType keeps a class name to the known type letters.
export function cssType(t) {
  return String(t || "").replace(/[^A-Z]/g, "");
}

// outlines returns the world-atlas countries without Antarctica, their
// rings unwrapped at the antimeridian (Russia's and Fiji's longitudes run
// past 180 instead of jumping back to -180), so no polygon draws a line
// across the whole map.
function outlines() {
  const fc = feature(countries, countries.objects.countries);
  fc.features = fc.features.filter((f) => f.id !== "010");
  const unwrap = (ring) => {
    let shift = 0;
    return ring.map(([lon, lat], i) => {
      if (i > 0) {
        const prev = ring[i - 1][0];
        if (lon - prev > 180) shift -= 360;
        else if (prev - lon > 180) shift += 360;
      }
      return [lon + shift, lat];
    });
  };
  for (const f of fc.features) {
    const g = f.geometry;
    if (g.type === "Polygon") g.coordinates = g.coordinates.map(unwrap);
    else if (g.type === "MultiPolygon") g.coordinates = g.coordinates.map((p) => p.map(unwrap));
  }
  return fc;
}
