// The claim checker: sends the text to /api/check and marks each figure with its verdict.
import { announce, el, plural } from "./common.js";

const VERDICTS = ["supported", "close", "contradicted", "unverifiable"];
const form = document.getElementById("check-form");
const textarea = document.getElementById("text");
const upload = document.getElementById("upload");
const published = document.getElementById("published");
const results = document.getElementById("check-results");
const sample = document.getElementById("sample");
const sampleButton = document.getElementById("load-sample");

function htmlText(source) {
  const doc = new DOMParser().parseFromString(source, "text/html");
  doc.querySelectorAll("script, style, noscript, template").forEach((node) => node.remove());
  const blocks = [...doc.body.querySelectorAll("p, h1, h2, h3, h4, li")].map((node) => node.textContent.replace(/\s+/g, " ").trim());
  const text = blocks.filter(Boolean).join("\n\n");
  return text || doc.body.textContent.trim();
}

async function readUpload() {
  const file = upload.files && upload.files[0];
  if (!file) return null;
  if (file.size > 1_000_000) throw new Error("The file is larger than 1 MB.");
  const text = await file.text();
  return /\.html?$/i.test(file.name) || file.type === "text/html" ? htmlText(text) : text;
}

function dates(start, end) {
  return `${start || "date unknown"}${end && end !== start ? ` – ${end}` : ""}`;
}

/** The text as plain runs and marked figures; offsets are in code points, as Python counts. */
function markedText(text, claims) {
  const chars = Array.from(text);
  const nodes = [];
  let position = 0;
  claims.forEach((claim, index) => {
    if (claim.start < position || claim.end <= claim.start) return;
    nodes.push(chars.slice(position, claim.start).join(""));
    const number = index + 1;
    nodes.push(el("a", { class: `mark ${claim.verdict}`, href: `#claim-${number}`, id: `mark-${number}` }, [
      chars.slice(claim.start, claim.end).join(""), el("sup", { text: number }), el("span", { class: "visually-hidden", text: ` (${claim.verdict})` }),
    ]));
    position = claim.end;
  });
  nodes.push(chars.slice(position).join(""));
  return el("div", { class: "article", "aria-label": "The text with each figure marked" }, nodes);
}

function fact(term, value) {
  return value === null || value === undefined || value === "" ? [] : [el("dt", { text: term }), el("dd", {}, [value])];
}

function tripsBehind(trips) {
  if (!trips.length) return null;
  return el("details", {}, [
    el("summary", { text: `The ${plural(trips.length, "trip")} behind it` }),
    el("ol", { class: "trips-behind" }, trips.map((t) => el("li", t.n ? { value: t.n } : {}, [
      el("a", { href: `/trip/${encodeURIComponent(t.trip_id)}`, text: dates(t.start_date, t.end_date) }),
      ` · ${t.country}${t.cities.length ? ` (${t.cities.join(", ")})` : ""}${t.office ? ` · ${t.office}` : ""}${t.status !== "occurred" ? ` · ${t.status}` : ""}`,
    ]))),
  ]);
}

function claimItem(claim, number, text) {
  const chars = Array.from(text);
  const figure = chars.slice(claim.start, claim.end).join("");
  const leader = claim.leader ? el("a", { href: `/leader/${encodeURIComponent(claim.leader.id)}`, text: claim.leader.name }) : null;
  const place = claim.country ? el("span", {}, [el("a", { href: `/country/${claim.country}`, text: claim.country }), claim.city ? ` (${claim.city})` : ""]) : null;
  return el("li", { id: `claim-${number}`, class: `claim ${claim.verdict}` }, [
    el("div", { class: "claim-head" }, [el("span", { class: `verdict ${claim.verdict}`, text: claim.verdict }), " ", el("a", { href: `#mark-${number}`, text: `“${figure}”` })]),
    el("p", { text: claim.explanation }),
    el("dl", { class: "facts" }, [
      ...fact("Leader", leader), ...fact("Place", place), ...fact("Office", claim.office),
      ...fact("Window", `${claim.since || "start of record"} – ${claim.until || ""}`),
      ...fact("Claimed", claim.claimed === null ? "—" : `${claim.claimed}${claim.bound !== "exact" ? ` (${claim.bound})` : ""}`),
      ...fact("Found", claim.found === null ? "—" : String(claim.found)),
      ...fact("Convention", claim.convention),
    ]),
    tripsBehind(claim.trips),
  ]);
}

function render(result, text) {
  const claims = result.claims;
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, claims.filter((c) => c.verdict === v).length]));
  const list = el("ol", { class: "claims" }, claims.length
    ? claims.map((c, i) => claimItem(c, i + 1, text))
    : [el("li", { class: "muted", text: "No figures about visits were found in this text." })]);
  results.replaceChildren(
    el("h2", { tabindex: "-1", text: `${plural(claims.length, "figure")} checked as of ${result.published}` }),
    el("ul", { class: "tally" }, VERDICTS.map((v) => el("li", { class: `verdict ${v}`, text: `${counts[v]} ${v}` }))),
    el("div", { class: "grid check-out" }, [markedText(text, claims), list]),
  );
  const said = VERDICTS.filter((v) => counts[v]).map((v) => `${counts[v]} ${v}`).join(", ");
  announce(`${plural(claims.length, "figure")} checked${said ? ": " + said : ""}.`);
}

function problem(message) {
  results.replaceChildren(el("p", { class: "notice error", role: "alert", text: message }));
}

async function submit(event) {
  event.preventDefault();
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  results.setAttribute("aria-busy", "true");
  try {
    const uploaded = await readUpload();
    if (uploaded !== null) { textarea.value = uploaded; upload.value = ""; }
    const text = textarea.value;
    if (!text.trim()) { problem("Paste an article or choose a file first."); return; }
    const response = await fetch("/api/check", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ text, published: published.value || null }),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) { problem(typeof body.detail === "string" ? body.detail : `The check failed (HTTP ${response.status}).`); return; }
    render(body, text);
  } catch (error) {
    problem(error.message || "The check failed.");
  } finally {
    button.disabled = false;
    results.setAttribute("aria-busy", "false");
  }
}

form.addEventListener("submit", submit);
sampleButton.hidden = false;
sampleButton.addEventListener("click", () => {
  textarea.value = sample.content ? sample.content.textContent : sample.textContent;
  published.value = sample.dataset.published;
  textarea.focus();
  announce("Example article loaded; press Check figures.");
});
