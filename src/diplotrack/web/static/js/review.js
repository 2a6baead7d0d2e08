// The review queue: trips read from the news, with their evidence; accept, edit or reject.
// Reads /api/review; writes send the token (kept in this browser's local storage) as
// "Authorization: Bearer …" and the item's ETag as If-Match, so two reviewers never
// silently overwrite each other.
import { announce, el } from "./common.js";

const TOKEN_KEY = "diplotrack.token";
const LIMIT = 20;
const EDITABLE = [
  ["visitor_name", "Visitor", "text"],
  ["host_country", "Host country (name or ISO3)", "text"],
  ["cities", "Cities (separated by ;)", "text"],
  ["start_date", "Start date", "text"],
  ["end_date", "End date", "text"],
  ["status", "Status", ["occurred", "planned", "cancelled"]],
  ["kind", "Kind", ["state", "official", "working", "summit", "private", "transit", "unknown"]],
  ["occasion", "Occasion", "text"],
];

const queue = document.getElementById("queue");
const queueStatus = document.getElementById("queue-status");
const tokenInput = document.getElementById("token");
const tokenStatus = document.getElementById("token-status");
const stateSelect = document.getElementById("state");
const prev = document.getElementById("prev");
const next = document.getElementById("next");
let offset = 0;
const shown = new Map();

// -- the token --------------------------------------------------------------------------

function token() {
  try { return window.localStorage.getItem(TOKEN_KEY) || ""; } catch { return ""; }
}

function showToken() {
  tokenStatus.textContent = token() ? "A token is saved in this browser." : "No token saved: you can read the queue but not decide.";
}

document.getElementById("token-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const value = tokenInput.value.trim();
  if (!value) { tokenStatus.textContent = "Paste a token first."; return; }
  window.localStorage.setItem(TOKEN_KEY, value);
  tokenInput.value = "";
  showToken();
});
document.getElementById("forget-token").addEventListener("click", () => {
  window.localStorage.removeItem(TOKEN_KEY);
  showToken();
});

// -- reading ----------------------------------------------------------------------------

async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  return { response, body };
}

async function load() {
  queueStatus.textContent = "Loading the queue…";
  const url = `/api/review?state=${encodeURIComponent(stateSelect.value)}&limit=${LIMIT}&offset=${offset}`;
  let result;
  try {
    result = await getJSON(url);
  } catch (error) {
    queueStatus.textContent = "The queue could not be read (network error).";
    return;
  }
  const { response, body } = result;
  if (response.status === 404) {
    queueStatus.textContent = "This server has no review queue yet (GET /api/review is not available).";
    queue.replaceChildren();
    return;
  }
  if (!response.ok) {
    queueStatus.textContent = `The queue could not be read: ${body.detail || response.status}.`;
    return;
  }
  render(body.items || [], body.total || 0);
}

function render(items, total) {
  shown.clear();
  queue.replaceChildren(...items.map((item) => { shown.set(item.id, item); return itemView(item); }));
  const first = total ? offset + 1 : 0;
  queueStatus.textContent = total
    ? `${total} ${stateSelect.value} item${total === 1 ? "" : "s"}; showing ${first}–${offset + items.length}.`
    : `No ${stateSelect.value} items.`;
  prev.hidden = offset === 0;
  next.hidden = offset + items.length >= total;
}

function dates(item) {
  const start = item.start_date || "date unknown";
  return item.end_date && item.end_date !== item.start_date ? `${start} – ${item.end_date}` : start;
}

function evidenceView(ev) {
  const text = ev.text || "";
  const inside = Number.isInteger(ev.start) && Number.isInteger(ev.end) && ev.start >= 0 && ev.end > ev.start && ev.end <= text.length;
  const sentence = inside
    ? [text.slice(0, ev.start), el("mark", { text: text.slice(ev.start, ev.end) }), text.slice(ev.end)]
    : [text];
  const source = isWebUrl(ev.url) ? el("a", { href: ev.url, rel: "noreferrer noopener", target: "_blank", text: hostOf(ev.url) }) : "article";
  return el("blockquote", { class: "evidence" }, [
    el("p", {}, sentence),
    el("footer", {}, [source, ev.published ? ` · published ${ev.published}` : "", ev.rule ? ` · rule ${ev.rule}` : ""]),
  ]);
}

/** Only http and https addresses become links (never ``javascript:``). */
function isWebUrl(url) {
  try { return ["http:", "https:"].includes(new URL(url).protocol); } catch { return false; }
}

function hostOf(url) {
  try { return new URL(url).host + new URL(url).pathname.slice(0, 40); } catch { return url; }
}

function conflictsView(conflicts) {
  const entries = Object.entries(conflicts || {});
  if (!entries.length) return null;
  return el("p", { class: "conflicts" }, [el("strong", { text: "The articles disagree: " }),
    entries.map(([field, values]) => `${field}: ${values.join(" / ")}`).join("; ")]);
}

function facts(item) {
  const parts = [
    item.office && `as ${item.office}`,
    item.kind && item.kind !== "unknown" && item.kind,
    item.occasion,
    item.cities && item.cities.length && item.cities.join(", "),
    item.status !== "occurred" && item.status,
    item.ordinal && `reported as visit no. ${item.ordinal}`,
    typeof item.confidence === "number" && `confidence ${Math.round(item.confidence * 100)}%`,
  ];
  return parts.filter(Boolean).join(" · ");
}

function itemView(item) {
  const visitor = item.visitor
    ? el("a", { href: `/leader/${encodeURIComponent(item.visitor.id)}`, text: item.visitor.name })
    : el("span", { text: `${item.visitor_name} (not matched to a known leader)` });
  const host = el("a", { href: `/country/${encodeURIComponent(item.host_country)}`, text: item.host_name || item.host_country });
  const node = el("li", { class: "item", id: `item-${item.id}`, "aria-labelledby": `item-title-${item.id}` }, [
    el("h3", { id: `item-title-${item.id}` }, [visitor, " → ", host, el("span", { class: "muted", text: ` · ${dates(item)}` })]),
    el("p", { class: "muted", text: facts(item) }),
    conflictsView(item.conflicts),
    ...(item.evidence || []).map(evidenceView),
    item.trip_id ? el("p", {}, ["Record trip: ", el("a", { href: `/trip/${encodeURIComponent(item.trip_id)}`, text: item.trip_id })]) : null,
    item.state === "pending" ? actions(item) : el("p", {}, [el("span", { class: "badge state", text: item.state })]),
    el("p", { class: "item-status", role: "status", "aria-live": "polite", id: `item-status-${item.id}` }),
  ]);
  return node;
}

function actions(item) {
  const whyId = `why-${item.id}`;
  const edit = editForm(item);
  return el("div", {}, [
    el("div", { class: "actions" }, [
      el("div", { class: "field why" }, [el("label", { for: whyId, text: "Reason (kept in the change log)" }), el("input", { id: whyId, type: "text" })]),
      el("button", { type: "button", onclick: () => decide(item, "accept") }, ["Accept"]),
      el("button", { type: "button", class: "secondary", "aria-expanded": "false", "aria-controls": edit.id,
        onclick: (event) => toggle(edit, event.currentTarget) }, ["Edit"]),
      el("button", { type: "button", class: "danger", onclick: () => decide(item, "reject") }, ["Reject"]),
    ]),
    edit,
  ]);
}

function toggle(form, button) {
  form.hidden = !form.hidden;
  button.setAttribute("aria-expanded", String(!form.hidden));
  if (!form.hidden) form.querySelector("input, select").focus();
}

function editForm(item) {
  const fields = EDITABLE.map(([name, label, type]) => {
    const id = `edit-${item.id}-${name}`;
    const value = name === "cities" ? (item.cities || []).join("; ") : item[name] ?? "";
    const input = Array.isArray(type)
      ? el("select", { id, name }, type.map((v) => el("option", { value: v, selected: v === value }, [v])))
      : el("input", { id, name, type: "text", value });
    return el("div", { class: "field" }, [el("label", { for: id, text: label }), input]);
  });
  const form = el("form", { id: `edit-${item.id}`, hidden: true, "aria-label": "Edit this item" }, [
    el("div", { class: "edit-grid" }, fields),
    el("div", { class: "actions" }, [el("button", { type: "submit" }, ["Save changes"])]),
  ]);
  form.addEventListener("submit", (event) => { event.preventDefault(); saveEdit(item, form); });
  return form;
}

// -- writing ----------------------------------------------------------------------------

function say(item, text, kind = "") {
  const status = document.getElementById(`item-status-${item.id}`);
  if (!status) return;
  status.className = `item-status ${kind ? `notice ${kind}` : ""}`;
  status.textContent = text;
}

/** The item's current ETag, or null (and a message) when it changed since the list loaded. */
async function currentTag(item) {
  const { response, body } = await getJSON(`/api/review/${encodeURIComponent(item.id)}`);
  if (!response.ok) { say(item, `Could not read this item: ${body.detail || response.status}.`, "error"); return null; }
  if (body.version !== item.version || body.state !== item.state) {
    replaceItem(body);
    say(body, "Someone changed this item since the list was loaded; it has been reloaded. Check it and decide again.", "error");
    return null;
  }
  return response.headers.get("ETag");
}

function replaceItem(fresh) {
  const old = document.getElementById(`item-${fresh.id}`);
  shown.set(fresh.id, fresh);
  if (old) old.replaceWith(itemView(fresh));
}

async function write(item, method, url, payload) {
  if (!token()) { say(item, "Save your API token above first: decisions are logged under its name.", "error"); return null; }
  const tag = await currentTag(item);
  if (tag === null) return null;
  const response = await fetch(url, {
    method,
    headers: { "Content-Type": "application/json", Accept: "application/json", Authorization: `Bearer ${token()}`, "If-Match": tag || "" },
    body: JSON.stringify(payload),
  });
  const body = await response.json().catch(() => ({}));
  if (response.ok) return body;
  const reasons = {
    401: "The token was not accepted (missing, unknown or revoked).",
    403: "This token may not make that change.",
    412: "Someone changed this item meanwhile; reload the queue and decide again.",
    428: "The server wants the item's version (If-Match); reload the queue.",
    429: "Too many requests; wait a moment and try again.",
  };
  say(item, `${reasons[response.status] || "The change was refused."} ${typeof body.detail === "string" ? body.detail : ""}`.trim(), "error");
  return null;
}

async function decide(item, action) {
  const why = document.getElementById(`why-${item.id}`).value.trim();
  say(item, action === "accept" ? "Accepting…" : "Rejecting…");
  const body = await write(item, "POST", `/api/review/${encodeURIComponent(item.id)}/${action}`, { why: why || null });
  if (!body) return;
  const done = body.candidate || item;
  replaceItem(done);
  const trip = body.trip && body.trip.id;
  const message = action === "accept"
    ? `Accepted${trip ? `: now trip ${trip} in the record` : ""}.`
    : "Rejected.";
  say(done, message, "ok");
  if (trip) {
    const status = document.getElementById(`item-status-${done.id}`);
    status.append(" ", el("a", { href: `/trip/${encodeURIComponent(trip)}`, text: "See the trip" }));
  }
  announce(message);
}

async function saveEdit(item, form) {
  const data = Object.fromEntries(new FormData(form).entries());
  const changes = {};
  for (const [name, value] of Object.entries(data)) {
    const before = name === "cities" ? (item.cities || []).join("; ") : item[name] ?? "";
    if (value !== before) changes[name] = name === "cities" ? value.split(";").map((c) => c.trim()).filter(Boolean) : value || null;
  }
  if (!Object.keys(changes).length) { say(item, "Nothing changed."); return; }
  const why = document.getElementById(`why-${item.id}`).value.trim();
  const body = await write(item, "PATCH", `/api/review/${encodeURIComponent(item.id)}`, { ...changes, why: why || null });
  if (!body) return;
  replaceItem(body);
  say(body, "Saved. Accept it to add it to the record.", "ok");
  announce("Changes saved.");
}

stateSelect.addEventListener("change", () => { offset = 0; load(); });
prev.addEventListener("click", () => { offset = Math.max(0, offset - LIMIT); load(); });
next.addEventListener("click", () => { offset += LIMIT; load(); });
showToken();
load();
