// Overview: events per period by QuadClass with articles per period, top actors and dyads.
"use strict";
let timelineChart = null;

function drawTimeline(periods, interval) {
  const { dated, undated } = splitUndated(periods);
  const datasets = [
    ...quadDatasets(dated).map((d) => ({ ...d, type: "bar", yAxisID: "y" })),
    { type: "line", label: "Articles", data: dated.map((p) => p.articles), borderColor: "#555", backgroundColor: "#555", yAxisID: "y", pointRadius: 2, tension: 0.2 },
  ];
  if (timelineChart) timelineChart.destroy();
  timelineChart = new Chart(document.getElementById("timeline"), {
    data: { labels: dated.map((p) => p.period), datasets },
    options: { maintainAspectRatio: false, animation: false, scales: { x: periodAxis(interval, { stacked: true }), y: { stacked: true, beginAtZero: true, title: { display: true, text: "count" } } } },
  });
  const box = document.getElementById("timeline-box");
  box.dataset.events = dated.reduce((n, p) => n + p.events, 0);
  box.dataset.periods = dated.length;
  box.dataset.undated = undated ? undated.events : 0;
  document.getElementById("undated").textContent = undatedNote(undated ? undated.events : 0);
}

function undatedNote(n) {
  if (!n) return "";
  return n === 1 ? "1 event has no date (none of its own, none from its article) and is not in the chart."
    : `${n} events have no date (none of their own, none from their article) and are not in the chart.`;
}

function actorsTable(actors, params) {
  return el("table", { id: "actors-table" },
    el("thead", {}, el("tr", {}, el("th", {}, "Code"), el("th", {}, "Actor"), el("th", { class: "num" }, "Events"), el("th", { class: "num" }, "As source"), el("th", { class: "num" }, "As target"), el("th", { class: "num" }, "Mean Goldstein"))),
    el("tbody", {}, actors.map((a) => el("tr", {},
      el("td", {}, el("a", { href: "/events?actor=" + encodeURIComponent(a.code) }, a.code)),
      el("td", {}, a.label),
      el("td", { class: "num" }, a.events), el("td", { class: "num" }, a.as_source), el("td", { class: "num" }, a.as_target),
      el("td", { class: "num" }, fmt(a.goldstein_mean, 2))))));
}

function dyadsTable(dyads) {
  return el("table", { id: "dyads-table" },
    el("thead", {}, el("tr", {}, el("th", {}, "Source → target"), ...[1, 2, 3, 4].map((q) => el("th", { class: "num" }, quadBadge(q))), el("th", { class: "num" }, "Goldstein Σ"))),
    el("tbody", {}, dyads.map((d) => el("tr", {},
      el("td", {}, el("a", { href: `/dyads?a=${encodeURIComponent(d.source)}&b=${encodeURIComponent(d.target)}` }, `${d.source} → ${d.target}`)),
      ...[1, 2, 3, 4].map((q) => el("td", { class: "num" }, d.quad[q])),
      el("td", { class: "num" }, fmt(d.goldstein_sum))))));
}

async function load(params) {
  setState("loading");
  document.getElementById("error").textContent = "";
  try {
    const filters = new URLSearchParams(params);
    const interval = filters.get("interval") || "month";
    filters.delete("interval");
    const [summary, timeline, actors, dyads] = await Promise.all([
      api("summary"),
      api("timeline", new URLSearchParams([...filters, ["interval", interval]])),
      api("actors", new URLSearchParams([...filters, ["limit", "12"]])),
      api("dyads", new URLSearchParams([...filters, ["limit", "12"]])),
    ]);
    document.getElementById("stats").replaceChildren(
      ...[["articles", summary.articles], ["events", summary.events], ["actor mentions", summary.actor_mentions], ["located events", summary.located_events],
          ["first day", summary.first_date || "–"], ["last day", summary.last_date || "–"]].map(([k, v]) => el("div", {}, el("b", {}, v), el("span", {}, k))));
    drawTimeline(timeline.periods, interval);
    document.getElementById("actors").replaceChildren(actorsTable(actors.actors));
    document.getElementById("dyads").replaceChildren(dyadsTable(dyads.dyads));
    setState("ready");
  } catch (err) { showError(err); }
}

document.addEventListener("DOMContentLoaded", () => {
  header("/");
  bindFilters(document.getElementById("filters"), load);
});
