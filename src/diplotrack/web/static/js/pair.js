// The pair page: visits each way per year, side by side.
import { chartReady, el, onResize, pageData } from "./common.js";
import { OFFICE_COLORS, barChart, yearRange } from "./charts.js";

const data = pageData();

function draw() {
  const container = document.getElementById("pair-chart");
  if (!data.rows.length) {
    container.replaceChildren(el("p", { class: "muted", text: "No visits either way in this range." }));
    return;
  }
  const years = yearRange(data.rows.map((r) => r.year));
  const byYear = Object.fromEntries(data.rows.map((r) => [r.year, r]));
  const way = (key) => years.map((y) => (byYear[y] ? byYear[y][key] : 0));
  barChart(container, {
    categories: years, stacked: false,
    series: [
      { label: `${data.a.name} → ${data.b.name}`, color: OFFICE_COLORS[0], values: way("a_to_b") },
      { label: `${data.b.name} → ${data.a.name}`, color: OFFICE_COLORS[1], values: way("b_to_a") },
    ],
    title: `Visits between ${data.a.name} and ${data.b.name} per year`,
    desc: `From ${years[0]} to ${years[years.length - 1]}.`,
  });
  chartReady("pair-chart");
}

draw();
onResize(document.getElementById("pair-chart"), draw);
