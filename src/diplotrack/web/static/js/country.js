// The country page: visits per year, stacked by the visitor's country.
import { chartReady, el, onResize, pageData, plural } from "./common.js";
import { GREY, OFFICE_COLORS, barChart, yearRange } from "./charts.js";

const data = pageData();

function draw() {
  const container = document.getElementById("years-chart");
  if (!data.years.length) {
    container.replaceChildren(el("p", { class: "muted", text: "No visits in this range." }));
    return;
  }
  const years = yearRange(data.years.map((y) => y.year));
  const byYear = Object.fromEntries(data.years.map((y) => [y.year, y.counts]));
  const count = (year, code) => (byYear[year] || {})[code] || 0;
  const series = data.series.map((code, i) => ({
    label: data.names[code] || code, color: OFFICE_COLORS[i % OFFICE_COLORS.length],
    values: years.map((y) => count(y, code)),
  }));
  const others = years.map((y) => Object.entries(byYear[y] || {})
    .filter(([code]) => !data.series.includes(code))
    .reduce((sum, [, n]) => sum + n, 0));
  if (others.some((n) => n)) series.push({ label: "Other countries", color: GREY, values: others });
  const total = data.years.reduce((sum, y) => sum + Object.values(y.counts).reduce((a, b) => a + b, 0), 0);
  barChart(container, {
    categories: years, series, stacked: true,
    title: `Visits to ${data.country} per year, by the visitor's country`,
    desc: `${plural(total, "visit")} from ${years[0]} to ${years[years.length - 1]}.`,
  });
  chartReady("years-chart");
}

draw();
onResize(document.getElementById("years-chart"), draw);
