// Build-time only: copy the dashboard's JavaScript libraries (minified builds and
// their licences) from node_modules into the package, and turn Natural Earth's
// 1:110m land TopoJSON into a small GeoJSON outline for the offline map.
// Usage: npm ci && node tools/vendor_dashboard.mjs   (the output is committed)
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { feature } from "topojson-client";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const nm = join(root, "node_modules");
const out = join(root, "src/thucydides/dashboard/static/vendor");

const files = {
  "chart.js/dist/chart.umd.min.js": "chart.umd.min.js",
  "chart.js/LICENSE.md": "LICENSE.chart.js.md",
  "leaflet/dist/leaflet.js": "leaflet.js",
  "leaflet/dist/leaflet.css": "leaflet.css",
  "leaflet/LICENSE": "LICENSE.leaflet.txt",
  "cytoscape/dist/cytoscape.min.js": "cytoscape.min.js",
  "cytoscape/LICENSE": "LICENSE.cytoscape.txt",
  "world-atlas/LICENSE": "LICENSE.world-atlas.txt",
};

mkdirSync(out, { recursive: true });
for (const [src, dst] of Object.entries(files)) copyFileSync(join(nm, src), join(out, dst));

// Coordinates rounded to 0.1 degree: plenty at world zoom, and a third of the size.
const topo = JSON.parse(readFileSync(join(nm, "world-atlas/land-110m.json"), "utf8"));
const land = feature(topo, topo.objects.land);
const round = (c) => (typeof c[0] === "number" ? c.map((v) => Math.round(v * 10) / 10) : c.map(round));
// Leaflet draws a ring that jumps from +180 to -180 as a line across the map, so
// such rings are unwrapped (continued past 180); Antarctica, a band along the map's
// bottom edge, is left out.
const unwrap = (ring) => {
  let shift = 0;
  return ring.map((p, i) => {
    if (i > 0) {
      const d = p[0] + shift - ring[i - 1][0] - (ring[i - 1].shift || 0);
      if (d > 180) shift -= 360;
      else if (d < -180) shift += 360;
    }
    p.shift = shift;
    return [p[0] + shift, p[1]];
  });
};
// ...then moved by whole turns so that most of it lies in [-180, 180].
const recentre = (ring) => {
  const mean = ring.reduce((n, p) => n + p[0], 0) / ring.length;
  const turn = -360 * Math.round(mean / 360);
  return ring.map((p) => [p[0] + turn, p[1]]);
};
for (const f of land.features) {
  const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  const kept = polys.filter((poly) => poly[0].some((p) => p[1] > -60)).map((poly) => poly.map((ring) => recentre(unwrap(ring))));
  f.geometry = { type: "MultiPolygon", coordinates: round(kept) };
}
writeFileSync(join(out, "world-land-110m.geojson"), JSON.stringify(land));
console.log(`vendored ${Object.keys(files).length} files and world-land-110m.geojson into ${out}`);
