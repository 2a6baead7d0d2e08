// Shared helpers for the pages: element builders, downloads (CSV, SVG, PNG), announcements.
// No third-party code; everything here works offline.

export const SVG_NS = "http://www.w3.org/2000/svg";
export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';

function fill(node, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") node.textContent = value;
    else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of [].concat(children || [])) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An HTML element: el("a", {href: "/x"}, ["text"]). */
export function el(tag, attrs = {}, children = []) {
  return fill(document.createElement(tag), attrs, children);
}

/** An SVG element. */
export function svgEl(tag, attrs = {}, children = []) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

/** The JSON the server embedded in the page (<script type="application/json" id="page-data">). */
export function pageData() {
  const node = document.getElementById("page-data");
  return node ? JSON.parse(node.textContent) : null;
}

/** Say something to screen readers through the page's polite live region. */
export function announce(text, region = document.getElementById("toast")) {
  if (!region) return;
  region.textContent = "";
  window.setTimeout(() => { region.textContent = text; }, 60);
}

export function plural(count, word, many) {
  return `${count} ${count === 1 ? word : many || word + "s"}`;
}

// -- downloads ---------------------------------------------------------------------------

export function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = el("a", { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function csvField(value) {
  const text = String(value ?? "");
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cellText(cell) {
  if (cell.dataset.csv !== undefined) return cell.dataset.csv;
  const copy = cell.cloneNode(true);
  copy.querySelectorAll(".visually-hidden").forEach((node) => node.remove());
  return copy.textContent.replace(/\s+/g, " ").trim();
}

/** A table's header, body and footer rows as CSV text (RFC 4180). */
export function tableCSV(table) {
  const lines = [];
  for (const row of table.querySelectorAll("tr")) {
    lines.push([...row.cells].map((cell) => csvField(cellText(cell))).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}

export function downloadCSV(table, filename) {
  saveBlob(new Blob(["\ufeff" + tableCSV(table)], { type: "text/csv;charset=utf-8" }), filename);
}

/** A standalone SVG document for a chart drawn on the page, with its title written above it
 * (on the page the caption says it) and a white background. */
export function svgDocument(svg) {
  const copy = svg.cloneNode(true);
  const box = svg.viewBox.baseVal;
  const view = box && box.width ? { x: box.x, y: box.y, width: box.width, height: box.height }
    : { x: 0, y: 0, width: svg.clientWidth, height: svg.clientHeight };
  const unit = view.width / Math.max(svg.clientWidth || view.width, 1);
  const size = 15 * unit;
  const pad = size * 2;
  const titleNode = svg.querySelector("title");
  const title = titleNode ? titleNode.textContent : "";
  const width = Math.round(view.width / unit);
  const height = Math.round((view.height + pad) / unit);
  copy.setAttribute("xmlns", SVG_NS);
  copy.setAttribute("viewBox", `${view.x} ${view.y - pad} ${view.width} ${view.height + pad}`);
  copy.setAttribute("width", width);
  copy.setAttribute("height", height);
  copy.querySelectorAll("[data-screen-only]").forEach((node) => node.remove());
  copy.insertBefore(svgEl("text", { x: view.x + size * 0.6, y: view.y - pad + size * 1.3, "font-size": size, "font-weight": 700, fill: "#1f2937", "font-family": FONT, text: title }), copy.firstChild);
  copy.insertBefore(svgEl("rect", { x: view.x, y: view.y - pad, width: view.width, height: view.height + pad, fill: "#ffffff" }), copy.firstChild);
  return { text: new XMLSerializer().serializeToString(copy), width, height };
}

export function downloadSVG(svg, filename) {
  const { text } = svgDocument(svg);
  saveBlob(new Blob([text], { type: "image/svg+xml;charset=utf-8" }), filename + ".svg");
}

export function downloadPNG(svg, filename, scale = 2) {
  const { text, width, height } = svgDocument(svg);
  const image = new Image();
  const url = URL.createObjectURL(new Blob([text], { type: "image/svg+xml;charset=utf-8" }));
  image.onload = () => {
    const factor = Math.max(scale, 1600 / width);
    const canvas = el("canvas", { width: Math.round(width * factor), height: Math.round(height * factor) });
    const context = canvas.getContext("2d");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    URL.revokeObjectURL(url);
    canvas.toBlob((blob) => saveBlob(blob, filename + ".png"), "image/png");
  };
  image.src = url;
}

/** Show the SVG and PNG buttons of a chart once it is drawn. */
export function chartReady(id) {
  document.querySelectorAll(`[data-svg="${id}"], [data-png="${id}"]`).forEach((b) => { b.hidden = false; });
}

function chartSvg(id) {
  return document.querySelector(`#${CSS.escape(id)} svg`);
}

/** Wire every download button on the page (the buttons stay hidden without scripts). */
export function wireDownloads(root = document) {
  root.querySelectorAll("[data-csv]").forEach((button) => {
    const table = document.getElementById(button.dataset.csv);
    if (!table) return;
    button.hidden = false;
    button.setAttribute("aria-label", `Download the table “${captionOf(table)}” as CSV`);
    button.addEventListener("click", () => downloadCSV(table, button.dataset.filename));
  });
  root.querySelectorAll("[data-svg]").forEach((button) => {
    button.setAttribute("aria-label", "Download the chart as SVG");
    button.addEventListener("click", () => { const s = chartSvg(button.dataset.svg); if (s) downloadSVG(s, button.dataset.filename); });
  });
  root.querySelectorAll("[data-png]").forEach((button) => {
    button.setAttribute("aria-label", "Download the chart as PNG");
    button.addEventListener("click", () => { const s = chartSvg(button.dataset.png); if (s) downloadPNG(s, button.dataset.filename); });
  });
}

function captionOf(table) {
  return table.caption ? table.caption.textContent.trim() : "table";
}

/** Redraw ``draw`` when the element's width changes (charts are drawn at their real size). */
export function onResize(element, draw) {
  let width = element.clientWidth;
  let timer = 0;
  new ResizeObserver(() => {
    if (Math.abs(element.clientWidth - width) < 8) return;
    width = element.clientWidth;
    window.clearTimeout(timer);
    timer = window.setTimeout(draw, 120);
  }).observe(element);
}

/** Open a <details> that the URL's fragment points at (a link from the map or a table). */
export function openTarget() {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id && document.getElementById(id);
  if (target && target.tagName === "DETAILS") target.open = true;
}
