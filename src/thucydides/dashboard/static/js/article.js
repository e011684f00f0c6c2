// Article view: the text with actor and event spans highlighted, and each event's explanation.
"use strict";
let article = null;
let selected = null;

// Split the text at every span boundary; each piece carries the classes of the spans covering it.
function highlighted(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(Math.max(0, Math.min(text.length, s.start))); cuts.add(Math.max(0, Math.min(text.length, s.end))); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    const piece = text.slice(a, b);
    if (!covering.length) { out.push(piece); continue; }
    const classes = [...new Set(covering.map((s) => s.cls))].join(" ");
    const title = [...new Set(covering.map((s) => s.title).filter(Boolean))].join("; ");
    const ev = covering.find((s) => s.event);
    out.push(el("span", { class: classes, title, "data-event": ev ? ev.event : null }, piece));
  }
  return out;
}

function spansFor(a) {
  const spans = a.actors.map((m) => ({ start: m.start, end: m.end, cls: "actor", title: `${m.code}${m.name ? " · " + m.name : ""}` }));
  for (const ev of a.events) {
    spans.push({ start: ev.event_text.start, end: ev.event_text.end, cls: "pred", title: `${ev.code} ${ev.code_name || ""}`, event: ev.id });
    const loc = ev.location;
    if (loc && Number.isInteger(loc.start) && Number.isInteger(loc.end)) spans.push({ start: loc.start, end: loc.end, cls: "place", title: `place: ${loc.name || loc.text}` });
  }
  const ev = a.events.find((e) => e.id === selected);
  if (ev) {
    spans.push({ start: ev.sentence.start, end: ev.sentence.start + ev.sentence.text.trimEnd().length, cls: "sentence-sel" });
    for (const s of [ev.source, ev.event_text, ev.target]) if (s && s.start !== null && s.start !== undefined) spans.push({ start: s.start, end: s.end, cls: "sel" });
  }
  return spans;
}

function quoteText(q) {
  if (!q) return null;
  if (typeof q === "string") return q;
  return q.text || JSON.stringify(q);
}

function figuresText(figs) {
  if (!figs || !figs.length) return null;
  return figs.map((f) => (typeof f === "object" ? f.text || [f.value, f.unit || f.kind].filter((x) => x !== undefined).join(" ") : String(f))).join("; ");
}

function explanation(ev) {
  const rows = [
    ["Code", `${ev.code} ${ev.code_name || ""} (root ${ev.root})`],
    ["QuadClass", QUAD_NAMES[ev.quad] || "— (a code outside CAMEO)"],
    ["Goldstein", fmt(ev.goldstein)],
    ["PLOVER", [ev.plover.type, ev.plover.mode].filter(Boolean).join(" / ") || "—"],
    ["Rule", ev.rule],
    ["Modality", ev.modality],
    ["Confidence", fmt(ev.confidence, 2)],
    ["Date", `${ev.date || "—"} (${ev.date_precision}${ev.date_text ? ": " + ev.date_text : ""})`],
    ["Quote", quoteText(ev.quote) || "—"],
    ["Figures", figuresText(ev.figures) || "—"],
    ["Location", ev.location ? [ev.location.name || ev.location.text, ev.location.country, ev.location.precision,
      ev.point ? `${fmt(ev.point.lat, 2)}, ${fmt(ev.point.lon, 2)}` : "no coordinates"].filter(Boolean).join(" · ") : "—"],
  ];
  return el("dl", {}, rows.flatMap(([k, v]) => [el("dt", {}, k), el("dd", { "data-field": k.toLowerCase() }, v)]));
}

function render() {
  document.getElementById("text").replaceChildren(...highlighted(article.text, spansFor(article)));
  const cards = article.events.map((ev) => el("div", { class: "ev" + (ev.id === selected ? " active" : ""), id: ev.id, "data-id": ev.id, onclick: () => select(ev.id) },
    quadBadge(ev.quad), " ", el("b", {}, ev.source ? ev.source.code : "—"), " → ", el("b", {}, ev.code), " → ", el("b", {}, ev.target ? ev.target.code : "—"),
    el("div", {}, "“", ev.event_text.text, "”"),
    explanation(ev)));
  document.getElementById("events").replaceChildren(...(cards.length ? cards : [el("p", { class: "muted" }, "No events were coded from this article.")]));
}

function select(id) {
  selected = id;
  const url = new URLSearchParams(location.search);
  url.set("event", id);
  history.replaceState(null, "", "/article?" + url);
  render();
  const mark = document.querySelector("#text .sel");
  if (mark) mark.scrollIntoView({ block: "center" });
}

document.addEventListener("DOMContentLoaded", async () => {
  header("");
  const url = new URLSearchParams(location.search);
  try {
    if (!url.get("id")) throw new Error("no article id in the address (?id=...)");
    article = await api("articles/" + encodeURIComponent(url.get("id")));
    selected = url.get("event");
    document.title = "Thucydides · " + (article.title || article.id);
    document.getElementById("title").textContent = article.title || article.id;
    document.getElementById("meta").replaceChildren(
      [article.date, article.source].filter(Boolean).join(" · "), article.url ? " · " : "",
      article.url ? webLink(article.url) : "",
      ` · ${article.actors.length} actor mentions`);
    document.getElementById("events-title").textContent = `Events (${article.events.length})`;
    render();
    if (selected) { const card = document.getElementById(selected); if (card) card.scrollIntoView({ block: "nearest" }); }
    setState("ready");
  } catch (err) { showError(err); }
});
