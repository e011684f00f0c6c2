// Dyad explorer: two actors' cooperation vs conflict per period, Goldstein, and the events behind each bar.
"use strict";
let dyadChart = null;
let current = null; // {params, periods}

function pairFilter(params) {
  const f = new URLSearchParams();
  f.set("source", params.get("a").toUpperCase());
  f.set("target", params.get("b").toUpperCase());
  f.set("directed", params.get("directed") || "false");
  for (const k of ["from", "to"]) if (params.get(k)) f.set(k, params.get(k));
  return f;
}

// The last day of the period starting at `start` (YYYY-MM-DD), for the events query.
function periodEnd(start, interval) {
  const d = new Date(start + "T00:00:00Z");
  if (interval === "day") d.setUTCDate(d.getUTCDate() + 1);
  else if (interval === "week") d.setUTCDate(d.getUTCDate() + 7);
  else if (interval === "year") d.setUTCFullYear(d.getUTCFullYear() + 1);
  else d.setUTCMonth(d.getUTCMonth() + 1);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

async function showEvents(extra, label) {
  const f = pairFilter(current.params);
  for (const [k, v] of Object.entries(extra)) f.set(k, v);
  f.set("limit", "200");
  const data = await api("events", f);
  document.getElementById("events-title").textContent = `Events ${label} (${data.total})`;
  document.getElementById("events").replaceChildren(eventTable(data.events));
}

// The dyad's periods from its first event to its last: the empty ones between stay (the
// axis is continuous), the undated events' row goes (it is no period).
function dyadSpan(periods) {
  const dated = splitUndated(periods).dated;
  const first = dated.findIndex((p) => p.events > 0);
  const last = dated.length - 1 - [...dated].reverse().findIndex((p) => p.events > 0);
  return first < 0 ? [] : dated.slice(first, last + 1);
}

function draw(periods, interval) {
  const labels = periods.map((p) => p.period);
  const coop = periods.map((p) => p.quad[1] + p.quad[2]);
  const conflict = periods.map((p) => -(p.quad[3] + p.quad[4]));
  if (dyadChart) dyadChart.destroy();
  dyadChart = new Chart(document.getElementById("dyad-chart"), {
    data: {
      labels,
      datasets: [
        { type: "bar", label: "Cooperation (quad 1–2)", data: coop, backgroundColor: QUAD_COLORS[1], stack: "s", yAxisID: "y" },
        { type: "bar", label: "Conflict (quad 3–4)", data: conflict, backgroundColor: QUAD_COLORS[4], stack: "s", yAxisID: "y" },
        { type: "line", label: "Goldstein Σ", data: periods.map((p) => p.goldstein_sum), borderColor: "#333", backgroundColor: "#333", yAxisID: "g", tension: 0.2 },
      ],
    },
    options: {
      maintainAspectRatio: false, animation: false,
      scales: { x: periodAxis(interval, { stacked: true }), y: { stacked: true, title: { display: true, text: "events" } }, g: { position: "right", grid: { drawOnChartArea: false }, title: { display: true, text: "Goldstein" } } },
      onClick: (_e, elements) => {
        if (!elements.length) return;
        const start = labels[elements[0].index];
        showEvents({ from: start, to: periodEnd(start, interval) }, `in the ${interval} of ${periodLabel(start, interval)}`).catch(showError);
      },
    },
  });
  const box = document.getElementById("dyad-box");
  box.dataset.events = periods.reduce((n, p) => n + p.events, 0);
  box.dataset.periods = periods.length;
}

async function load(params) {
  if (!params.get("a") || !params.get("b")) return;
  setState("loading");
  document.getElementById("error").textContent = "";
  try {
    const interval = params.get("interval") || "month";
    current = { params };
    const timeline = await api("timeline", new URLSearchParams([...pairFilter(params), ["interval", interval]]));
    const periods = dyadSpan(timeline.periods);
    const arrow = params.get("directed") === "true" ? "→" : "↔";
    document.getElementById("title").textContent = `${params.get("a").toUpperCase()} ${arrow} ${params.get("b").toUpperCase()}: cooperation and conflict per ${interval}`;
    draw(periods, interval);
    await showEvents({}, "in the whole range");
    setState("ready");
  } catch (err) { showError(err); }
}

document.addEventListener("DOMContentLoaded", async () => {
  header("/dyads");
  const form = document.getElementById("filters");
  try {
    const [actors, dyads] = await Promise.all([api("actors", { limit: 200 }), api("dyads", { limit: 50 })]);
    document.getElementById("actor-codes").replaceChildren(...actors.actors.map((a) => el("option", { value: a.code }, a.label)));
    // Start on the busiest dyad of two different actors when the URL names none.
    const url = new URLSearchParams(location.search);
    const top = dyads.dyads.find((d) => d.source !== d.target);
    if (!url.get("a") && top) {
      form.elements.a.value = top.source;
      form.elements.b.value = top.target;
      history.replaceState(null, "", `/dyads?a=${top.source}&b=${top.target}`);
    }
  } catch (err) { showError(err); }
  bindFilters(form, load);
});
