// Shared helpers for every dashboard page: API calls, filter forms bound to the
// URL (so a view can be bookmarked), safe DOM building and the event table.
"use strict";

const QUAD_COLORS = { 1: "#2e7d32", 2: "#1565c0", 3: "#ef6c00", 4: "#c62828" };
const QUAD_NAMES = { 1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict" };

async function api(path, params) {
  const query = params ? "?" + new URLSearchParams(params).toString() : "";
  const res = await fetch("/api/" + path + query, { headers: { Accept: "application/json" } });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.detail || res.status + " " + res.statusText);
  return body;
}

// el("a", {href: "..", class: "x"}, "text", child): text always goes in as text, never HTML.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : String(c));
  return node;
}

// A stored URL is input: only a web address becomes a link ("javascript:..." or
// "data:..." would run or open something in this origin when clicked).
function webLink(url) {
  return /^https?:\/\//i.test(url) ? el("a", { href: url, rel: "noopener noreferrer" }, url) : String(url);
}


// A code outside CAMEO (from a user's dictionaries) has no QuadClass.
function quadBadge(q) {
  if (q === null || q === undefined) return el("span", { class: "quad", title: "no QuadClass (a code outside CAMEO)" }, "–");
  return el("span", { class: "quad quad-" + q, title: QUAD_NAMES[q] }, q);
}
function fmt(n, digits = 1) { return n === null || n === undefined ? "–" : Number(n).toFixed(digits); }

// At most `max` characters of `text`, cut at the last word boundary with an ellipsis
// (a word cut in half reads as another word).
function clip(text, max) {
  const s = String(text || "").replace(/\s+/g, " ").trim();
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.\-–—]+$/, "") + "…";
}

// A period as its interval reads: "2019-03" for a month, "2019" for a year; a day or a
// week by its first day. The API names a period by its first day (YYYY-MM-DD).
function periodLabel(period, interval) {
  if (interval === "year") return period.slice(0, 4);
  if (interval === "month") return period.slice(0, 7);
  return period;
}

// /api/timeline's periods, split: the dated ones (every period from the first to the
// last, zeros included, so a chart's axis is continuous) and the undated events' row.
function splitUndated(periods) {
  return { dated: periods.filter((p) => p.period !== null), undated: periods.find((p) => p.period === null) || null };
}

// A category axis of periods, each tick labelled as its interval reads.
function periodAxis(interval, extra) {
  return { ...extra, ticks: { callback(value) { return periodLabel(this.getLabelForValue(value), interval); } } };
}

// Read a filter form as URL parameters (empty fields dropped; checkboxes repeat).
function formParams(form) {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (String(v).trim() !== "") params.append(k, String(v).trim());
  return params;
}

// Fill a form from the page URL, and keep the URL in step when it is submitted.
function bindFilters(form, onChange) {
  const url = new URLSearchParams(location.search);
  for (const input of form.elements) {
    if (!input.name) continue;
    if (input.type === "checkbox") input.checked = url.getAll(input.name).includes(input.value);
    else if (url.has(input.name)) input.value = url.get(input.name);
  }
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const params = formParams(form);
    history.replaceState(null, "", location.pathname + (params.toString() ? "?" + params : ""));
    onChange(params);
  });
  form.addEventListener("reset", () => setTimeout(() => form.requestSubmit(), 0));
  onChange(formParams(form));
}

// Pages mark themselves busy/ready, so tests (and people) can tell when a view is drawn.
function setState(state) { document.body.dataset.state = state; }

function showError(err) {
  setState("error");
  const box = document.getElementById("error");
  if (box) box.textContent = String(err.message || err);
}

function actorCell(actor) {
  if (!actor) return el("span", { class: "muted" }, "—");
  return el("span", { title: actor.text }, el("b", {}, actor.code), " ", el("span", { class: "muted" }, actor.name || actor.text));
}

function articleLink(ev, label) {
  return el("a", { href: "/article?id=" + encodeURIComponent(ev.article_id) + "&event=" + encodeURIComponent(ev.id), class: "event-link" }, label);
}

// How often the event was reported (its cluster from `thucydides aggregate`), when more than once.
function mentionsBadge(cluster) {
  if (!cluster || cluster.num_mentions < 2) return "";
  const title = `${cluster.num_mentions} mentions in ${cluster.num_articles} articles from ${cluster.num_sources} sources`;
  return el("span", { class: "mentions", title }, ` ×${cluster.num_mentions}`);
}

// The event table used by several pages; rows link to the article view.
function eventTable(events) {
  const rows = events.map((ev) =>
    el("tr", { "data-id": ev.id },
      el("td", {}, ev.date || ""),
      el("td", {}, actorCell(ev.source)),
      el("td", {}, quadBadge(ev.quad), " ", el("b", {}, ev.code), " ", el("span", { class: "muted" }, ev.code_name || "")),
      el("td", {}, actorCell(ev.target)),
      el("td", { class: "num" }, fmt(ev.goldstein)),
      el("td", {}, ev.modality),
      el("td", {}, articleLink(ev, ev.event_text.text), mentionsBadge(ev.cluster),
        el("div", { class: "muted evidence" }, clip(ev.sentence.text, 160)))));
  return el("table", { class: "events" },
    el("thead", {}, el("tr", {}, ["Date", "Source", "Event", "Target", "Goldstein", "Modality", "Evidence"].map((h) => el("th", {}, h)))),
    el("tbody", {}, rows));
}

function quadDatasets(periods, key = (p) => p.quad) {
  return [1, 2, 3, 4].map((q) => ({ label: QUAD_NAMES[q], data: periods.map((p) => key(p)[q]), backgroundColor: QUAD_COLORS[q], stack: "events" }));
}

// Header: navigation plus the store's freshness (refreshes on its own).
function header(active) {
  const pages = [["/", "Overview"], ["/dyads", "Dyads"], ["/network", "Network"], ["/map", "Map"], ["/events", "Events"], ["/docs", "API"]];
  const live = el("span", { class: "live", id: "live" });
  document.body.prepend(el("header", {},
    el("h1", {}, "Thucydides"),
    el("nav", {}, pages.map(([href, name]) => el("a", { href, class: href === active ? "active" : null }, name))),
    live));
  const tick = () => api("summary").then((s) => {
    live.textContent = `${s.articles} articles · ${s.events} events · snapshot ${new Date(s.snapshot_at).toLocaleTimeString()}`;
  }).catch(() => { live.textContent = "store unavailable"; });
  tick();
  setInterval(tick, 30000);
}
