// The leader page: the world map (with the office switch) and the timeline chart.
import { chartReady, el, onResize, pageData, plural } from "./common.js";
import { GREY, OFFICE_COLORS, barChart, yearRange } from "./charts.js";
import { drawMap, loadWorld, visitedBox, zoomTo } from "./map.js";

const data = pageData();
const names = Object.fromEntries(data.rows.map((r) => [r.country, r.name]));

function countsFor(office) {
  const counts = {};
  for (const row of data.rows) {
    const value = office ? row.by_office[office] || 0 : row.visits;
    if (value) counts[row.country] = value;
  }
  return counts;
}

function selectedOffice() {
  const checked = document.querySelector('#office-switch input[name="office"]:checked');
  return checked ? checked.value : "";
}

async function drawWorld() {
  const container = document.getElementById("map");
  const office = selectedOffice();
  const counts = countsFor(office);
  const scope = office ? `as ${office}` : "in all offices";
  const title = `${data.name}: visits by country ${scope}, ${data.window}`;
  let geo;
  try {
    geo = await loadWorld();
  } catch (error) {
    container.replaceChildren(el("p", { class: "notice error", text: "The map could not be loaded; the table below has the counts." }));
    return;
  }
  const { svg, missing, bins } = drawMap(container, geo, counts, { names, title });
  zoomControl(container, svg, geo, bins);
  if (missing.length) {
    container.append(el("p", { class: "map-note", text: "Not on this map: " + missing.map((c) => `${names[c] || c} (${counts[c]})`).join(", ") }));
  }
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const summary = `Map shows ${plural(total, "visit")} to ${plural(Object.keys(counts).length, "country", "countries")} ${scope}.`;
  document.getElementById("map-status").textContent = "";
  window.setTimeout(() => { document.getElementById("map-status").textContent = summary; }, 60);
  chartReady("map");
}

let zoomed = null;

/** A button between the whole world and the shaded countries (zoomed at first on a phone). */
function zoomControl(container, svg, geo, bins) {
  const box = visitedBox(svg, geo);
  if (!box || box.width >= geo.width * 0.9) return;
  if (zoomed === null) zoomed = container.clientWidth < 640;
  const button = el("button", { type: "button", class: "small map-zoom", "aria-pressed": String(zoomed) });
  const apply = () => {
    zoomTo(svg, geo, zoomed ? box : null, bins);
    button.textContent = zoomed ? "Show the whole world" : "Zoom to the countries visited";
    button.setAttribute("aria-pressed", String(zoomed));
  };
  button.addEventListener("click", () => { zoomed = !zoomed; apply(); });
  apply();
  container.append(button);
}

function drawTimeline() {
  const container = document.getElementById("timeline");
  const trips = data.trips.filter((t) => t.status !== "cancelled");
  if (!trips.length) {
    container.replaceChildren(el("p", { class: "muted", text: "No trips in this range." }));
    return;
  }
  const years = yearRange(trips.map((t) => t.year));
  const offices = [...data.offices];
  for (const t of trips) if (t.status === "occurred" && !offices.includes(t.office || "(no office)")) offices.push(t.office || "(no office)");
  const series = offices.map((office, i) => ({
    label: office, color: OFFICE_COLORS[i % OFFICE_COLORS.length],
    values: years.map((y) => trips.filter((t) => t.year === y && t.status === "occurred" && (t.office || "(no office)") === office).length),
  }));
  series.push({ label: "Planned", color: GREY, values: years.map((y) => trips.filter((t) => t.year === y && t.status === "planned").length) });
  const occurred = trips.filter((t) => t.status === "occurred").length;
  barChart(container, {
    categories: years, series, stacked: true, unit: "trips",
    title: `${data.name}: trips abroad per year, by office`,
    desc: `${plural(occurred, "trip")} from ${years[0]} to ${years[years.length - 1]}.`,
  });
  chartReady("timeline");
}

document.querySelectorAll('#office-switch input[name="office"]').forEach((input) => {
  input.addEventListener("change", () => { drawWorld(); });
});
drawWorld();
drawTimeline();
onResize(document.getElementById("timeline"), drawTimeline);
