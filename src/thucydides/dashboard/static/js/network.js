// Actor network: directed dyads as edges, coloured by mean Goldstein (red conflict, green cooperation).
"use strict";
let cy = null;

function goldsteinColor(g) {
  // -10 red .. 0 grey .. +10 green, linear in each half.
  const t = Math.max(-1, Math.min(1, g / 10));
  const [from, to] = t < 0 ? [[176, 183, 191], [198, 40, 40]] : [[176, 183, 191], [46, 125, 50]];
  const a = Math.abs(t);
  return `rgb(${from.map((c, i) => Math.round(c + (to[i] - c) * a)).join(",")})`;
}

function draw(dyads) {
  const nodes = new Map();
  for (const d of dyads) for (const code of [d.source, d.target]) nodes.set(code, (nodes.get(code) || 0) + d.events);
  const elements = [
    ...[...nodes].map(([id, n]) => ({ data: { id, label: id, size: 16 + 6 * Math.sqrt(n) } })),
    ...dyads.map((d, i) => ({ data: { id: "e" + i, source: d.source, target: d.target, n: d.events, color: goldsteinColor(d.goldstein_mean), width: 1 + 2 * Math.sqrt(d.events) } })),
  ];
  if (cy) cy.destroy();
  cy = cytoscape({
    container: document.getElementById("network"),
    elements,
    layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: 9000, idealEdgeLength: 90 },
    style: [
      { selector: "node", style: { label: "data(label)", width: "data(size)", height: "data(size)", "background-color": "#3d6f9e", color: "#1d2733", "font-size": 11, "text-valign": "bottom", "text-margin-y": 3 } },
      { selector: "edge", style: { width: "data(width)", "line-color": "data(color)", "target-arrow-color": "data(color)", "target-arrow-shape": "triangle", "curve-style": "bezier", opacity: 0.85 } },
      { selector: "edge[source = target]", style: { "loop-direction": "0deg", "loop-sweep": "50deg" } },
    ],
  });
  cy.on("tap", "edge", (e) => { location.href = `/dyads?a=${e.target.data("source")}&b=${e.target.data("target")}&directed=true`; });
  const box = document.getElementById("network");
  box.dataset.nodes = nodes.size;
  box.dataset.edges = dyads.length;
}

function edgesTable(dyads) {
  return el("table", { id: "edges-table" },
    el("thead", {}, el("tr", {}, el("th", {}, "Source → target"), el("th", { class: "num" }, "Events"), el("th", { class: "num" }, "Mean Goldstein"), ...[1, 2, 3, 4].map((q) => el("th", { class: "num" }, quadBadge(q))))),
    el("tbody", {}, dyads.map((d) => el("tr", {},
      el("td", {}, el("a", { href: `/dyads?a=${d.source}&b=${d.target}&directed=true` }, `${d.source} → ${d.target}`)),
      el("td", { class: "num" }, d.events),
      el("td", { class: "num", style: "color:" + goldsteinColor(d.goldstein_mean) }, fmt(d.goldstein_mean, 2)),
      ...[1, 2, 3, 4].map((q) => el("td", { class: "num" }, d.quad[q]))))));
}

async function load(params) {
  setState("loading");
  document.getElementById("error").textContent = "";
  try {
    const data = await api("dyads", params);
    draw(data.dyads);
    document.getElementById("edges-title").textContent = `Edges (${data.dyads.length})`;
    document.getElementById("edges").replaceChildren(edgesTable(data.dyads));
    setState("ready");
  } catch (err) { showError(err); }
}

document.addEventListener("DOMContentLoaded", () => {
  header("/network");
  bindFilters(document.getElementById("filters"), load);
});
