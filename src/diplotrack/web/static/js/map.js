// The world map: Natural Earth outlines (web/static/world.json, ISO3 keys) shaded by a count.
import { FONT, el, plural, svgEl } from "./common.js";

export const PALETTE = ["#b9d3f0", "#86b1e3", "#5089cf", "#2a63ad", "#153f7a"];
export const EMPTY = "#e4e6ea";
const OCEAN = "#f5f8fc";

let world = null;

/** The map geometry, fetched once from this server. */
export async function loadWorld() {
  if (!world) {
    const response = await fetch(new URL("../world.json", import.meta.url));
    world = await response.json();
  }
  return world;
}

/** Up to five classes over the counts: one per value when few, else growing geometrically
 * (1, 2–3, 4–9 …), so that a few large counts do not wash out the rest. */
export function classes(values) {
  const max = Math.max(0, ...values);
  if (!max) return [];
  const steps = PALETTE.length;
  const edges = max <= steps
    ? Array.from({ length: max }, (_, i) => i + 1)
    : [...new Set(Array.from({ length: steps }, (_, k) => Math.max(1, Math.round(max ** (k / steps)))))];
  const offset = PALETTE.length - edges.length;
  return edges.map((lo, i) => ({
    lo,
    hi: i + 1 < edges.length ? edges[i + 1] - 1 : max,
    color: PALETTE[Math.max(0, offset + i)],
  }));
}

export function colorFor(value, bins) {
  if (!value) return EMPTY;
  const bin = bins.find((b) => value >= b.lo && value <= b.hi);
  return bin ? bin.color : PALETTE[PALETTE.length - 1];
}

function binLabel(bin) {
  return bin.lo === bin.hi ? String(bin.lo) : `${bin.lo}–${bin.hi}`;
}

const LEGEND_SIZE = 26;

function legendHeight(bins) {
  return (bins.length + 2) * (LEGEND_SIZE + 10);
}

function svgLegend(bins, geo, unit) {
  const size = LEGEND_SIZE;
  const group = svgEl("g", { class: "svg-legend", transform: `translate(30, ${geo.height - 20 - legendHeight(bins)})` });
  group.append(svgEl("text", { x: 0, y: size, "font-size": size, "font-weight": 700, fill: "#1f2937", text: unit }));
  [{ lo: 0, hi: 0, color: EMPTY }, ...bins].forEach((bin, i) => {
    const y = (i + 1) * (size + 10);
    group.append(
      svgEl("rect", { x: 0, y, width: size, height: size, fill: bin.color, stroke: "#9ca3af" }),
      svgEl("text", { x: size + 10, y: y + size - 5, "font-size": size, fill: "#1f2937", text: bin.hi ? binLabel(bin) : "none" }),
    );
  });
  return group;
}

/** An HTML legend under the map (readable at any width). */
export function htmlLegend(bins, unit) {
  const items = [{ color: EMPTY, text: "none" }, ...bins.map((b) => ({ color: b.color, text: binLabel(b) }))];
  return el("div", { class: "legend", "aria-hidden": "true" }, [
    el("span", { text: unit + ":" }),
    ...items.map((item) => el("span", {}, [el("span", { class: "key", style: `background:${item.color}` }), item.text])),
  ]);
}

function shape(geo, country, value, name, unit, link) {
  const label = `${name}: ${value ? plural(value, unit.replace(/s$/, ""), unit) : "no " + unit}`;
  const attrs = { class: "country-shape", "data-code": country.id, "data-count": value, fill: colorFor(value, geo.bins), stroke: "#ffffff", "stroke-width": 0.8 };
  const path = country.d
    ? svgEl("path", { ...attrs, d: country.d })
    : svgEl("circle", { ...attrs, cx: country.x, cy: country.y, r: value ? 9 : 5, stroke: value ? "#1f2937" : "#9ca3af", "stroke-width": 1.5 });
  path.append(svgEl("title", { text: label }));
  if (!value) return path;
  return svgEl("a", { href: link(country.id), "aria-label": label, "data-tip": label }, [path]);
}

/**
 * Draw the map into ``container``: ``counts`` maps ISO3 codes to numbers, ``names`` ISO3 codes
 * to display names. Returns {svg, missing}: the codes that have a count but no outline.
 */
export function drawMap(container, geo, counts, { names = {}, unit = "visits", title = "", link = (c) => `#country-${c}` } = {}) {
  const bins = classes(Object.values(counts));
  const ctx = { ...geo, bins };
  const svg = svgEl("svg", {
    viewBox: `0 0 ${geo.width} ${geo.height}`, role: "group", "aria-label": title, "font-family": FONT,
  }, [svgEl("title", { text: title }), svgEl("rect", { width: geo.width, height: geo.height, fill: OCEAN })]);
  const drawn = new Set();
  for (const country of [...geo.countries, ...geo.points]) {
    if (country.x !== undefined && !counts[country.id]) continue;
    drawn.add(country.id);
    svg.append(shape(ctx, country, counts[country.id] || 0, names[country.id] || country.name, unit, link));
  }
  svg.append(svgLegend(bins, geo, unit));
  container.replaceChildren(svg, htmlLegend(bins, unit));
  tooltips(container, svg);
  const missing = Object.keys(counts).filter((code) => counts[code] && !drawn.has(code));
  return { svg, missing, bins };
}

/** The box around the shaded countries, widened to the map's proportions, in map units. */
export function visitedBox(svg, geo) {
  const known = Object.fromEntries(geo.countries.filter((c) => c.box).map((c) => [c.id, c.box]));
  const boxes = [...svg.querySelectorAll("a > .country-shape")].map((shape) => {
    const box = known[shape.dataset.code];
    return box ? { x: box[0], y: box[1], width: box[2], height: box[3] } : shape.getBBox();
  });
  if (!boxes.length) return null;
  let x0 = Math.min(...boxes.map((b) => b.x));
  let y0 = Math.min(...boxes.map((b) => b.y));
  let x1 = Math.max(...boxes.map((b) => b.x + b.width));
  let y1 = Math.max(...boxes.map((b) => b.y + b.height));
  const pad = 0.08 * Math.max(x1 - x0, y1 - y0) + 20;
  [x0, y0, x1, y1] = [x0 - pad, y0 - pad, x1 + pad, y1 + pad];
  const ratio = geo.width / geo.height;
  let w = Math.max(x1 - x0, geo.width * 0.3);
  let h = Math.max(y1 - y0, w / ratio);
  w = Math.max(w, h * ratio);
  w = Math.min(w, geo.width);
  h = Math.min(h, geo.height);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const x = Math.min(Math.max(cx - w / 2, 0), geo.width - w);
  const y = Math.min(Math.max(cy - h / 2, 0), geo.height - h);
  return { x, y, width: w, height: h };
}

/** Show ``box`` of the map (or all of it), keeping the drawn legend in its lower-left corner. */
export function zoomTo(svg, geo, box, bins) {
  const view = box || { x: 0, y: 0, width: geo.width, height: geo.height };
  svg.setAttribute("viewBox", `${view.x.toFixed(1)} ${view.y.toFixed(1)} ${view.width.toFixed(1)} ${view.height.toFixed(1)}`);
  const scale = view.width / geo.width;
  const legend = svg.querySelector(".svg-legend");
  if (legend) {
    const top = view.y + view.height - (20 + legendHeight(bins)) * scale;
    legend.setAttribute("transform", `translate(${view.x + 30 * scale}, ${top}) scale(${scale})`);
  }
  svg.querySelectorAll(".country-shape").forEach((shape) => shape.setAttribute("stroke-width", (0.8 * scale).toFixed(2)));
}

function tooltips(container, svg) {
  const tip = el("div", { class: "tip", hidden: true, "aria-hidden": "true" });
  container.append(tip);
  const place = (x, y, text) => {
    tip.textContent = text;
    tip.style.left = `${x}px`;
    tip.style.top = `${y}px`;
    tip.hidden = false;
  };
  svg.addEventListener("mousemove", (event) => {
    const target = event.target.closest("[data-code]");
    if (!target) { tip.hidden = true; return; }
    const box = container.getBoundingClientRect();
    place(event.clientX - box.left, event.clientY - box.top, target.querySelector("title").textContent);
  });
  svg.addEventListener("mouseleave", () => { tip.hidden = true; });
  svg.addEventListener("focusin", (event) => {
    const link = event.target.closest("a[data-tip]");
    if (!link) return;
    const box = container.getBoundingClientRect();
    const shapeBox = link.getBoundingClientRect();
    place(shapeBox.left + shapeBox.width / 2 - box.left, shapeBox.top - box.top, link.dataset.tip);
  });
  svg.addEventListener("focusout", () => { tip.hidden = true; });
}
