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

// Node labels are drawn at this size on screen whatever the zoom: a graph fitted into its
// box is zoomed out, and labels sized in graph units shrink with it to a blur.
const LABEL_PX = 12;

function nodeElements(dyads, labels) {
  const events = new Map();
  for (const d of dyads) for (const code of [d.source, d.target]) events.set(code, (events.get(code) || 0) + d.events);
  return [...events].map(([id, n]) => ({ data: { id, label: id, name: labels.get(id) || id, size: 14 + 5 * Math.sqrt(n) } }));
}

function edgeElements(dyads) {
  return dyads.map((d, i) => ({ data: { id: "e" + i, source: d.source, target: d.target, n: d.events, color: goldsteinColor(d.goldstein_mean), width: 1 + 2 * Math.sqrt(d.events) } }));
}

// What is drawn in graph units (label size, margins) is scaled by 1/zoom, so that it
// keeps its size on screen (re-evaluated on zoom: `keepLabelsLegible`).
const onScreen = (px) => (ele) => px / ele.cy().zoom();

const STYLE = [
  { selector: "node", style: {
    label: "data(label)", width: "data(size)", height: "data(size)", "background-color": "#3d6f9e", color: "#1d2733",
    "font-size": onScreen(LABEL_PX), "font-weight": 600, "text-valign": "bottom", "text-margin-y": onScreen(2),
    "text-background-color": "#fbfcfd", "text-background-opacity": 0.85, "text-background-padding": onScreen(1) } },
  { selector: "node.unlabelled", style: { label: "" } },
  { selector: "node.hover", style: { label: "data(name)", "z-index": 10, "text-background-opacity": 1 } },
  { selector: "edge", style: { width: "data(width)", "line-color": "data(color)", "target-arrow-color": "data(color)", "target-arrow-shape": "triangle", "curve-style": "bezier", opacity: 0.85 } },
  { selector: "edge:loop", style: { "loop-direction": "0deg", "loop-sweep": "50deg" } },
];

function keepLabelsLegible() {
  cy.style().update();  // the stylesheet as it is, its sizes for the new zoom
}

function overlaps(a, b) {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

// Label the busiest actors first and leave out a label that would cover one already
// placed: legible labels, never a pile of them (zooming in makes room for more; hovering
// a node names it).
function placeLabels() {
  keepLabelsLegible();
  const nodes = cy.nodes().sort((a, b) => b.data("size") - a.data("size") || a.id().localeCompare(b.id()));
  nodes.removeClass("unlabelled");
  const boxes = nodes.map((n) => n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }));
  const placed = [];
  nodes.forEach((n, i) => {
    if (placed.some((box) => overlaps(box, boxes[i]))) n.addClass("unlabelled");
    else placed.push(boxes[i]);
  });
}

function draw(dyads, labels) {
  const nodes = nodeElements(dyads, labels);
  if (cy) cy.destroy();
  cy = cytoscape({
    container: document.getElementById("network"), elements: [...nodes, ...edgeElements(dyads)], style: STYLE,
    layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: 12000, idealEdgeLength: 80, componentSpacing: 60, padding: 24 },
  });
  placeLabels();
  cy.on("zoom", placeLabels);
  cy.on("mouseover", "node", (e) => e.target.addClass("hover"));  // the code's role and country, in words
  cy.on("mouseout", "node", (e) => e.target.removeClass("hover"));
  cy.on("tap", "edge", (e) => { location.href = `/dyads?a=${e.target.data("source")}&b=${e.target.data("target")}&directed=true`; });
  const box = document.getElementById("network");
  box.dataset.nodes = nodes.length;
  box.dataset.edges = dyads.length;
  box.dataset.labelled = cy.nodes().not(".unlabelled").length;
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
    const [data, actors] = await Promise.all([api("dyads", params), api("actors", { limit: 500 })]);
    draw(data.dyads, new Map(actors.actors.map((a) => [a.code, a.label])));
    document.getElementById("edges-title").textContent = `Edges (${data.dyads.length})`;
    document.getElementById("edges").replaceChildren(edgesTable(data.dyads));
    setState("ready");
  } catch (err) { showError(err); }
}

document.addEventListener("DOMContentLoaded", () => {
  header("/network");
  bindFilters(document.getElementById("filters"), load);
});
