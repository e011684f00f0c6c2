// A small offline rendering of the OpenAPI document (FastAPI's own docs pages load from a CDN).
"use strict";
document.addEventListener("DOMContentLoaded", async () => {
  header("/docs");
  try {
    const spec = await fetch("/api/openapi.json").then((r) => r.json());
    const cards = [];
    for (const [path, ops] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const params = (op.parameters || []).map((p) => {
          const s = p.schema || {};
          const type = s.type || (s.anyOf || []).map((x) => x.type || (x.enum ? "enum" : "")).filter((t) => t && t !== "null").join("|") || (s.enum ? "enum" : "");
          const limits = [s.enum && "one of " + s.enum.join(", "), s.pattern && "pattern " + s.pattern, s.minimum !== undefined && "≥ " + s.minimum, s.maximum !== undefined && "≤ " + s.maximum, s.default !== undefined && "default " + JSON.stringify(s.default)].filter(Boolean).join("; ");
          return el("tr", {}, el("td", {}, el("code", {}, p.name)), el("td", {}, p.in), el("td", {}, type), el("td", {}, p.description || ""), el("td", { class: "muted" }, limits));
        });
        cards.push(el("div", { class: "card" },
          el("h2", {}, el("code", {}, method.toUpperCase() + " " + path), " ", el("span", { class: "muted" }, op.summary || "")),
          params.length ? el("table", {}, el("thead", {}, el("tr", {}, ["name", "in", "type", "meaning", "limits"].map((h) => el("th", {}, h)))), el("tbody", {}, params)) : el("p", { class: "muted" }, "No parameters.")));
      }
    }
    document.getElementById("endpoints").replaceChildren(...cards);
    setState("ready");
  } catch (err) { showError(err); }
});
