// Map of located events: Leaflet over a bundled world outline, no tile server (works offline).
"use strict";
const MAX_POINTS = 500; // the API's page size; enough for a readable map
let map = null;
let markers = null;

async function initMap() {
  map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 10, attributionControl: true }).setView([25, 10], 2);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Land: Natural Earth (world-atlas)");
  const land = await fetch("/static/vendor/world-land-110m.geojson").then((r) => r.json());
  L.geoJSON(land, { style: { color: "#9aa9b6", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1 }, interactive: false }).addTo(map);
  markers = L.layerGroup().addTo(map);
  document.getElementById("legend").replaceChildren(...[1, 2, 3, 4].map((q) => el("span", {}, el("i", { style: "background:" + QUAD_COLORS[q] }), QUAD_NAMES[q])));
}

function popup(ev) {
  const place = (ev.location && (ev.location.name || ev.location.text)) || `${fmt(ev.point.lat, 2)}, ${fmt(ev.point.lon, 2)}`;
  return el("div", {},
    el("b", {}, `${ev.source ? ev.source.code : "—"} ${ev.code} ${ev.target ? ev.target.code : "—"}`), " ", el("span", {}, ev.code_name || ""),
    el("div", {}, place, " · ", ev.date || ""),
    el("div", { class: "muted evidence" }, clip(ev.sentence.text, 200)),
    articleLink(ev, "article and evidence →"));
}

async function load(params) {
  setState("loading");
  document.getElementById("error").textContent = "";
  try {
    if (!map) await initMap();
    const located = new URLSearchParams([...params, ["located", "true"], ["limit", String(MAX_POINTS)]]);
    const all = new URLSearchParams([...params, ["limit", "1"]]);
    const [data, total] = await Promise.all([api("events", located), api("events", all)]);
    markers.clearLayers();
    for (const ev of data.events) {
      L.circleMarker([ev.point.lat, ev.point.lon], { radius: 6, color: "#fff", weight: 1, fillColor: QUAD_COLORS[ev.quad], fillOpacity: 0.85 })
        .bindPopup(popup(ev)).addTo(markers);
    }
    const shown = data.events.length < data.total ? ` (showing ${data.events.length})` : "";
    document.getElementById("map-title").textContent = `${data.total} located events of ${total.total} matching${shown}`
      + (data.total ? "" : " — none of these events has coordinates yet");
    document.getElementById("map").dataset.markers = data.events.length;
    setState("ready");
  } catch (err) { showError(err); }
}

document.addEventListener("DOMContentLoaded", () => {
  header("/map");
  bindFilters(document.getElementById("filters"), load);
});
