// Event table: every filter of /api/events, paging, and CSV export of the same selection.
"use strict";
const PAGE = 50;
let filters = new URLSearchParams();
let offset = 0;

async function render() {
  setState("loading");
  document.getElementById("error").textContent = "";
  try {
    const data = await api("events", new URLSearchParams([...filters, ["limit", String(PAGE)], ["offset", String(offset)]]));
    document.getElementById("count").textContent = `${data.total} events`;
    document.getElementById("count").dataset.total = data.total;
    document.getElementById("events").replaceChildren(eventTable(data.events));
    document.getElementById("page").textContent = data.total ? `${offset + 1}–${offset + data.events.length} of ${data.total}` : "";
    document.getElementById("prev").disabled = offset === 0;
    document.getElementById("next").disabled = offset + PAGE >= data.total;
    setState("ready");
  } catch (err) { showError(err); }
}

document.addEventListener("DOMContentLoaded", () => {
  header("/events");
  document.getElementById("prev").addEventListener("click", () => { offset = Math.max(0, offset - PAGE); render(); });
  document.getElementById("next").addEventListener("click", () => { offset += PAGE; render(); });
  bindFilters(document.getElementById("filters"), (params) => {
    filters = params;
    offset = 0;
    document.getElementById("export").href = "/api/events?" + new URLSearchParams([...params, ["format", "csv"], ["limit", "10000"]]);
    render();
  });
});
