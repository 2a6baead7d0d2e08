// Bar charts drawn as SVG at the container's width: stacked or grouped, with axes, a legend
// inside the drawing (so the SVG and PNG downloads keep it) and a title per bar.
import { FONT, svgEl } from "./common.js";

export const OFFICE_COLORS = ["#1d4ed8", "#c2410c", "#047857", "#7c3aed", "#be123c", "#0e7490"];
export const GREY = "#6b7280";

function niceMax(value) {
  if (value <= 4) return Math.max(value, 1);
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * power >= value) return step * power;
  }
  return value;
}

function ticks(max) {
  const count = max <= 5 ? max : 5;
  const step = Math.max(1, Math.ceil(max / count));
  const found = [];
  for (let v = 0; v <= max; v += step) found.push(v);
  return found;
}

function textWidth(text, size) {
  return String(text).length * size * 0.58;
}

/** Legend items laid out in rows across ``width``; returns the group and its height. */
function legend(series, width, size) {
  const group = svgEl("g", { class: "legend" });
  let x = 0;
  let y = 0;
  for (const s of series) {
    const w = 18 + textWidth(s.label, size) + 16;
    if (x > 0 && x + w > width) { x = 0; y += size + 8; }
    group.append(
      svgEl("rect", { x, y, width: 12, height: 12, rx: 2, fill: s.color }),
      svgEl("text", { x: x + 17, y: y + 10.5, "font-size": size, fill: "#374151", text: s.label }),
    );
    x += w;
  }
  return { group, height: y + size + 6 };
}

/**
 * Draw a bar chart into ``container`` (replacing its content).
 * options: {categories: [label], series: [{label, color, values: [n]}], stacked, title, desc, unit}
 */
export function barChart(container, options) {
  const { categories, series, stacked = true, title, desc = "", unit = "visits" } = options;
  const width = Math.max(container.clientWidth || 640, 280);
  const size = width < 480 ? 11 : 12;
  const shown = series.filter((s) => s.values.some((v) => v > 0));
  const key = legend(shown, width - 8, size);
  const margin = { top: key.height + 14, right: 8, bottom: 28, left: 34 };
  const height = Math.round(Math.min(360, Math.max(220, width * 0.42))) + key.height;
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const totals = categories.map((_, i) => (stacked
    ? shown.reduce((sum, s) => sum + s.values[i], 0)
    : Math.max(0, ...shown.map((s) => s.values[i]))));
  const max = niceMax(Math.max(1, ...totals));
  const y = (v) => margin.top + plotH - (v / max) * plotH;
  const band = plotW / Math.max(categories.length, 1);
  const svg = svgEl("svg", {
    viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": `${title}. ${desc}`.trim(),
    "font-family": FONT,
  }, [svgEl("title", { text: title }), svgEl("desc", { text: desc })]);
  key.group.setAttribute("transform", `translate(${margin.left}, 6)`);
  svg.append(key.group);
  for (const tick of ticks(max)) {
    svg.append(
      svgEl("line", { x1: margin.left, x2: width - margin.right, y1: y(tick), y2: y(tick), stroke: tick ? "#e5e7eb" : "#9ca3af" }),
      svgEl("text", { x: margin.left - 6, y: y(tick) + 4, "text-anchor": "end", "font-size": size, fill: "#4b5563", text: tick }),
    );
  }
  const every = Math.max(1, Math.ceil((textWidth("2000", size) + 6) / band));
  categories.forEach((label, i) => {
    const x0 = margin.left + i * band;
    drawBars(svg, { shown, i, x0, band, y, stacked, label, unit });
    if (i % every === 0) {
      svg.append(svgEl("text", { x: x0 + band / 2, y: height - margin.bottom + size + 6, "text-anchor": "middle", "font-size": size, fill: "#4b5563", text: label }));
    }
  });
  container.replaceChildren(svg);
  return svg;
}

function drawBars(svg, { shown, i, x0, band, y, stacked, label, unit }) {
  const gap = Math.min(6, band * 0.2);
  const inner = band - gap;
  let base = 0;
  shown.forEach((s, k) => {
    const value = s.values[i];
    if (!value) return;
    const w = stacked ? inner : inner / shown.length;
    const x = stacked ? x0 + gap / 2 : x0 + gap / 2 + k * w;
    const top = stacked ? y(base + value) : y(value);
    const bottom = stacked ? y(base) : y(0);
    const rect = svgEl("rect", { x: x.toFixed(1), y: top.toFixed(1), width: Math.max(w - (stacked ? 0 : 1), 1).toFixed(1), height: Math.max(bottom - top, 0.5).toFixed(1), fill: s.color },
      [svgEl("title", { text: `${label} · ${s.label}: ${value} ${unit}` })]);
    svg.append(rect);
    if (stacked) base += value;
  });
}

/** Every year from the first to the last (so gaps show), as strings. */
export function yearRange(years) {
  if (!years.length) return [];
  const first = Math.min(...years);
  const last = Math.max(...years);
  const found = [];
  for (let year = first; year <= last; year += 1) found.push(year);
  return found;
}
