// The search box: answers from /api/search as the user types; the form still works without it.
import { el, plural } from "./common.js";

const input = document.getElementById("q");
const results = document.getElementById("results");
const status = document.getElementById("search-status");
let timer = 0;
let asked = "";

async function fromApi(query) {
  const response = await fetch(`/api/search?q=${encodeURIComponent(query)}`, { headers: { Accept: "application/json" } });
  if (response.status === 404 && !(response.headers.get("content-type") || "").includes("json")) return null;
  if (!response.ok) return null;
  const body = await response.json();
  return Array.isArray(body.leaders) ? body : null;
}

async function fromPage(query) {
  const response = await fetch(`/?q=${encodeURIComponent(query)}`);
  const doc = new DOMParser().parseFromString(await response.text(), "text/html");
  const leaders = [...doc.querySelectorAll('#results a[href^="/leader/"]')].map((a) => ({ id: a.getAttribute("href").slice(8), name: a.textContent, country: a.nextElementSibling ? a.nextElementSibling.textContent : null }));
  const countries = [...doc.querySelectorAll('#results a[href^="/country/"]')].map((a) => ({ code: a.getAttribute("href").slice(9), name: a.textContent }));
  return { leaders, countries };
}

function list(items, link, extra) {
  return el("ul", { class: "hits" }, items.map((item) => el("li", {}, [
    el("a", { href: link(item), text: item.name }), extra(item) ? " " : null, extra(item) ? el("span", { class: "muted", text: extra(item) }) : null,
  ])));
}

function render(query, found) {
  const total = found.leaders.length + found.countries.length;
  if (!total) {
    results.replaceChildren(el("p", { text: `Nothing in the record answers to “${query}”. Try another spelling or the country’s name.` }));
  } else {
    results.replaceChildren(el("div", { class: "grid two" }, [
      el("div", {}, [el("h2", { text: "Leaders" }), found.leaders.length ? list(found.leaders, (l) => `/leader/${encodeURIComponent(l.id)}`, (l) => l.country) : el("p", { class: "muted", text: "No leader." })]),
      el("div", {}, [el("h2", { text: "Countries" }), found.countries.length ? list(found.countries, (c) => `/country/${encodeURIComponent(c.code)}`, (c) => c.code) : el("p", { class: "muted", text: "No country." })]),
    ]));
  }
  status.textContent = `${plural(found.leaders.length, "leader")} and ${plural(found.countries.length, "country", "countries")} found.`;
}

async function lookup() {
  const query = input.value.trim();
  if (query === asked) return;
  asked = query;
  if (query.length < 2) { results.replaceChildren(); status.textContent = ""; return; }
  try {
    const found = (await fromApi(query)) || (await fromPage(query));
    if (query === asked) render(query, found);
  } catch (error) {
    status.textContent = "Search is unavailable right now; press Enter to search.";
  }
}

input.addEventListener("input", () => {
  window.clearTimeout(timer);
  timer = window.setTimeout(lookup, 180);
});
