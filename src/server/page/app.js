// patdex web page: search, explain, facets, documents. Plain JavaScript, no dependencies; the
// state lives in the URL hash (#/search?q=…&sort=…&offset=…, #/doc/NUMBER) so back, forward and
// bookmarks work.
"use strict";
const $ = (s) => document.querySelector(s);
const PAGE = 20;
const enc = new TextEncoder();
const dec = new TextDecoder();

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "onclick") e.addEventListener("click", v);
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

async function api(path) {
  const r = await fetch(path);
  const body = await r.json();
  if (!r.ok) throw body;
  return body;
}

function showError(e) {
  const box = $("#error");
  box.textContent = e && (e.rendered || ((e.error || String(e)) + (e.hint ? "\nhint: " + e.hint : "")));
  box.hidden = false;
}

// A snippet with its matched byte ranges marked.
function marked(snippet) {
  return markRanges(snippet.text, snippet.highlights, "snippet");
}

// Text with the byte ranges the server matched wrapped in <mark>.
function markRanges(text, ranges, cls) {
  const bytes = enc.encode(text);
  const out = el("span", cls ? { class: cls } : {});
  let at = 0;
  for (const [s, e] of ranges) {
    out.append(dec.decode(bytes.slice(at, s)), el("mark", {}, dec.decode(bytes.slice(s, e))));
    at = e;
  }
  out.append(dec.decode(bytes.slice(at)));
  return out;
}

function params() {
  const h = location.hash.replace(/^#/, "");
  const [path, query] = h.split("?");
  return { path: path || "/", p: new URLSearchParams(query || "") };
}

function go(q, sort, offset) {
  const p = new URLSearchParams({ q, sort: sort || "relevance", offset: String(offset || 0) });
  if ($("#family").checked) p.set("family", "1");
  location.hash = "#/search?" + p.toString();
}

// A facet value as the clause that restricts the query to it.
function clause(facet, value) {
  switch (facet) {
    case "year": return `pd:${value}`;
    case "cpc": return `cpc:${value}`;
    case "kind": return `kind:${value}`;
    case "cc": return `cc:${value}`;
    case "pa": return `pa:"${value.replace(/"/g, "")}"`;
  }
  return value;
}

async function search(q, sort, offset, family) {
  $("#doc-view").hidden = true;
  $("#error").hidden = true;
  $("#q").value = q;
  $("#sort").value = sort;
  $("#family").checked = family;
  const base = `q=${encodeURIComponent(q)}&sort=${encodeURIComponent(sort)}`;
  let r;
  try {
    r = await api(`/api/search?${base}&offset=${offset}&limit=${PAGE}&facets=year,cpc,pa,kind,cc${family ? "&family=true" : ""}`);
  } catch (e) {
    $("#results-view").hidden = true;
    showError(e);
    return;
  }
  $("#results-view").hidden = false;
  const unit = family ? ["family", "families"] : ["hit", "hits"];
  $("#count").textContent = r.total === 1 ? `1 ${unit[0]}` : `${r.total} ${unit[1]}`;
  for (const n of r.notes || []) $("#count").append(el("br"), "note: " + n.message);
  const hits = $("#hits");
  hits.replaceChildren();
  hits.start = offset + 1;
  for (const h of r.hits) {
    const li = el("li", { class: "hit" },
      el("a", { class: "hit-title", href: `#/doc/${h.number}?q=${encodeURIComponent(q)}` }, h.title || h.number),
      el("div", { class: "meta" }, `${h.number} · ${h.date || "no date"} · ${h.assignees.join("; ")}`));
    if (h.snippet) li.append(el("div", {}, el("span", { class: "meta" }, h.snippet.field + ": "), marked(h.snippet)));
    if (h.family && h.family.length) {
      const fam = el("div", { class: "meta family" }, "family: ");
      h.family.forEach((n, i) => fam.append(i ? ", " : "", el("a", { href: `#/doc/${n}?q=${encodeURIComponent(q)}` }, n)));
      li.append(fam);
    }
    hits.append(li);
  }
  const pages = $("#pages");
  pages.replaceChildren();
  if (offset > 0) pages.append(el("button", { type: "button", onclick: () => go(q, sort, Math.max(0, offset - PAGE)) }, "← previous"));
  if (offset + PAGE < r.total) pages.append(el("button", { type: "button", id: "next", onclick: () => go(q, sort, offset + PAGE) }, "next →"));
  $("#csv").href = `/api/search.csv?${base}`;
  renderFacets(r, q, sort);
  try {
    const x = await api(`/api/explain?q=${encodeURIComponent(q)}`);
    $("#explain-tree").textContent = x.tree.map((l) => `${"  ".repeat(l.depth)}${l.clause}   ${l.hits}`).join("\n");
  } catch (e) { $("#explain-tree").textContent = ""; }
}

function renderFacets(r, q, sort) {
  const box = $("#facets");
  box.replaceChildren();
  const names = { year: "Year", cpc: "CPC", pa: "Assignee", kind: "Kind", cc: "Office" };
  for (const f of r.facets) {
    let values = f.values.slice(0, 12);
    if (f.name === "year") values = f.values.slice().sort((a, b) => a[0].localeCompare(b[0]));
    const max = Math.max(1, ...values.map((v) => v[1]));
    const ul = el("ul", { "data-facet": f.name });
    for (const [value, n] of values) {
      const bar = f.name === "year" ? el("span", { class: "bar", style: `width:${Math.round(60 * n / max)}px` }) : "";
      ul.append(el("li", {}, el("button", {
        type: "button", class: "facet", "data-value": value,
        title: `only ${clause(f.name, value)}`,
        onclick: () => go(`(${q}) AND ${clause(f.name, value)}`, sort, 0),
      }, el("span", {}, bar, value), el("span", { class: "meta" }, n))));
    }
    box.append(el("h3", {}, names[f.name] || f.name), ul);
  }
}

// Claims nested under the claim they depend on.
function claimTree(claims, show) {
  const kids = new Map();
  const roots = [];
  for (const c of claims) {
    const parent = (c.refers_to || [])[0];
    if (parent && claims.some((x) => x.number === parent)) {
      if (!kids.has(parent)) kids.set(parent, []);
      kids.get(parent).push(c);
    } else roots.push(c);
  }
  const list = (cs) => el("ul", {}, ...cs.map((c) => el("li", { class: "claim", id: `claim-${c.number}` },
    el("strong", {}, `${c.number}. `), show(c.text), kids.has(c.number) ? list(kids.get(c.number)) : "")));
  return list(roots);
}

async function showDoc(number, q) {
  $("#results-view").hidden = true;
  $("#error").hidden = true;
  const view = $("#doc-view");
  let r;
  try { r = await api(`/api/doc/${encodeURIComponent(number)}?q=${encodeURIComponent(q)}`); } catch (e) { view.hidden = true; showError(e); return; }
  const d = r.documents[0];
  // The values the query matched, by text, with the server's byte ranges (the same matching
  // as the search's snippets).
  const marks = new Map((d.marks || []).map((m) => [m.text, m.ranges]));
  const show = (text) => (marks.has(text) ? markRanges(text, marks.get(text)) : text);
  const names = (ps) => ps.map((p) => p.name).join("; ");
  const dl = el("dl", {},
    el("dt", {}, "Number"), el("dd", {}, d.number),
    el("dt", {}, "Published"), el("dd", {}, d.pub_date || "-"),
    el("dt", {}, "Assignees"), el("dd", {}, names(d.assignees) || "-"),
    el("dt", {}, "Inventors"), el("dd", {}, names(d.inventors) || "-"),
    el("dt", {}, "CPC"), el("dd", {}, d.cpc.map((c) => c.symbol).join(", ") || "-"),
    el("dt", {}, "End of term (est.)"), el("dd", {}, d.term && d.term.expiry ? `${d.term.expiry}: ${d.term.formula}` : "-"));
  const cited = el("ul", { id: "cited" });
  for (const c of d.citations.filter((c) => c.type === "patent")) {
    const label = `${c.country}${c.number}${c.kind || ""}`;
    const li = el("li", {}, label, ` (${c.category || "cited"}) `);
    if (c.country === "US") li.append(el("a", { href: `#/doc/US${c.number}`, class: "cite" }, "open"));
    cited.append(li);
  }
  const citing = el("ul", { id: "citing" });
  try {
    const s = await api(`/api/search?q=${encodeURIComponent("ct:" + d.number)}&limit=50&snippets=false`);
    for (const h of s.hits) citing.append(el("li", {}, el("a", { href: `#/doc/${h.number}` }, `${h.number}`), ` ${h.title}`));
    if (!s.hits.length) citing.append(el("li", {}, "none in this index"));
  } catch (e) { citing.append(el("li", {}, "?")); }
  const desc = el("div", { class: "description" });
  for (const b of d.description) desc.append(b.type === "heading" ? el("h3", {}, show(b.text)) : el("p", {}, show(b.text)));
  view.replaceChildren(
    el("p", {}, el("a", { href: q ? `#/search?q=${encodeURIComponent(q)}` : "#/" }, "← back to the results")),
    el("h1", {}, d.title), dl,
    el("h2", {}, "Abstract"), el("p", {}, show(d.abstract || "")),
    el("h2", {}, "Claims"), el("div", { class: "claims" }, claimTree(d.claims, show)),
    el("h2", {}, "Cites"), cited,
    el("h2", {}, "Cited by (in this index)"), citing,
    el("h2", {}, "Description"), desc);
  view.hidden = false;
  window.scrollTo(0, 0);
}

const VIEWS = ["#results-view", "#doc-view", "#guide-view", "#prior-art-view", "#trend-view", "#alerts-view"];
function only(view) {
  for (const v of VIEWS) $(v).hidden = v !== view;
  $("#search").hidden = $("#help").hidden = !(view === "#results-view" || view === "#doc-view" || view === null);
  $("#error").hidden = true;
}

async function guide(need) {
  only("#guide-view");
  $("#need").value = need;
  const out = $("#guide-out");
  out.replaceChildren("…");
  let g;
  try { g = await api(`/api/guide?need=${encodeURIComponent(need)}`); } catch (e) { out.replaceChildren(); showError(e); return; }
  const concepts = el("ul", {}, ...g.concepts.map((c) => el("li", {},
    el("code", {}, c.base), ` ${c.hits} hits`, c.dropped ? " (left out)" : "",
    ...c.warnings.map((w) => el("div", { class: "meta" }, "! " + w)))));
  const steps = el("div", { id: "guide-steps" }, ...g.steps.map((s) => el("div", { class: "step" + (s.optional ? " optional" : "") },
    el("span", { class: "n" }, s.hits),
    el("span", {}, el("a", { href: `#/search?q=${encodeURIComponent(s.query)}` }, s.query), el("div", { class: "meta" }, s.why)))));
  const classes = el("ul", {}, ...g.classes.map((h) => el("li", {},
    el("a", { href: `#/search?q=${encodeURIComponent(h.clause)}` }, h.clause), ` ${h.in_hits} of ${h.hits} · ${h.lift.toFixed(1)}× `, h.title || "")));
  const elsewhere = el("ul", {}, ...g.elsewhere.map((e) => el("li", {}, `${e.system}: `, el("code", {}, e.query))));
  out.replaceChildren(
    el("h2", {}, "Concepts"), concepts,
    el("h2", {}, "Classes"), classes,
    el("h2", {}, "Steps, broad to narrow"), steps,
    el("h2", {}, "Proposed query"),
    el("p", {}, el("a", { id: "proposed", href: `#/search?q=${encodeURIComponent(g.query)}` }, g.query), ` (${g.hits} hits)`),
    el("h2", {}, "Elsewhere"), elsewhere);
}

async function priorArt(text, before) {
  const out = $("#prior-art-out");
  out.replaceChildren(el("li", {}, "…"));
  let r;
  try {
    r = await fetch("/api/prior-art", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify(before ? { text, before } : { text }) }).then(async (x) => { const b = await x.json(); if (!x.ok) throw b; return b; });
  } catch (e) { out.replaceChildren(); showError(e); return; }
  out.replaceChildren(...r.hits.map((h) => el("li", { class: "hit" },
    el("a", { class: "hit-title", href: `#/doc/${h.number}` }, h.title),
    el("div", { class: "meta" }, `${h.number} · ${h.pub_date || ""} · score ${h.score.toFixed(3)}`),
    h.evidence ? el("div", { class: "snippet" }, el("span", { class: "meta" }, h.evidence.passage + ": "), h.evidence.text.slice(0, 400)) : "")));
}

function barChart(labels, values) {
  const w = Math.max(320, labels.length * 34), h = 160, max = Math.max(1, ...values);
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("class", "chart");
  svg.setAttribute("viewBox", `0 0 ${w} ${h + 30}`);
  svg.setAttribute("width", w);
  svg.setAttribute("role", "img");
  values.forEach((v, i) => {
    const x = i * (w / labels.length), bw = w / labels.length - 4, bh = (h - 14) * v / max;
    const r = document.createElementNS(ns, "rect");
    Object.entries({ x, y: h - bh, width: bw, height: bh }).forEach(([k, val]) => r.setAttribute(k, val));
    const t = document.createElementNS(ns, "title"); t.textContent = `${labels[i]}: ${v}`; r.append(t);
    const n = document.createElementNS(ns, "text"); n.setAttribute("x", x); n.setAttribute("y", h - bh - 2); n.textContent = v ? v : "";
    // Every label when they fit, else every few, so they never overlap.
    const every = Math.ceil(labels.length * 30 / w);
    const l = document.createElementNS(ns, "text"); l.setAttribute("x", x); l.setAttribute("y", h + 14);
    l.textContent = i % every === 0 ? labels[i] : "";
    svg.append(r, n, l);
  });
  return svg;
}

async function trend(q) {
  only("#trend-view");
  $("#trend-q").value = q;
  const out = $("#trend-out");
  out.replaceChildren("…");
  let t;
  try { t = await api(`/api/trend?q=${encodeURIComponent(q)}`); } catch (e) { out.replaceChildren(); showError(e); return; }
  const tables = t.dimensions.filter((d) => d.name === "assignee" || d.name === "cpc").map((d) =>
    el("div", {}, el("h3", {}, d.name === "cpc" ? "CPC subclasses" : "Assignees"),
      el("table", { class: "top" }, el("tr", {}, el("th", {}, "value"), el("th", {}, "documents")),
        ...d.top.map((v) => el("tr", {}, el("td", {}, v.name), el("td", {}, v.documents))))));
  out.replaceChildren(
    el("p", { id: "trend-count" }, `${t.documents} documents`),
    barChart(t.periods, t.counts), ...tables);
}

async function alerts() {
  only("#alerts-view");
  const out = $("#alerts-out");
  let r;
  try { r = await api("/api/profiles"); } catch (e) { showError(e); return; }
  if (!r.profiles.length) { out.replaceChildren(el("li", {}, "No profiles yet: `patdex watch add NAME --query QUERY` saves one.")); return; }
  out.replaceChildren(...r.profiles.map((p) => el("li", { class: "hit" },
    el("strong", {}, p.name), " ",
    p.error ? el("span", { class: "meta" }, "cannot be read: " + p.error)
      : el("a", { class: "profile", href: `#/search?q=${encodeURIComponent(p.query)}` }, p.query),
    p.description ? el("div", { class: "meta" }, p.description) : "")));
}

async function route() {
  const { path, p } = params();
  if (path.startsWith("/doc/")) { only("#doc-view"); return showDoc(decodeURIComponent(path.slice(5)), p.get("q") || ""); }
  if (path === "/search" && p.get("q")) { only("#results-view"); return search(p.get("q"), p.get("sort") || "relevance", Number(p.get("offset") || 0), p.get("family") === "1"); }
  if (path === "/guide") { only("#guide-view"); if (p.get("need")) guide(p.get("need")); return; }
  if (path === "/prior-art") { only("#prior-art-view"); return; }
  if (path === "/alerts") return alerts();
  if (path === "/trend") { only("#trend-view"); if (p.get("q")) trend(p.get("q")); return; }
  only(null);
}

$("#guide-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const need = $("#need").value.trim();
  if (need) location.hash = "#/guide?need=" + encodeURIComponent(need);
});
$("#prior-art-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const text = $("#invention").value.trim();
  if (text) priorArt(text, $("#before").value);
});
$("#trend-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const q = $("#trend-q").value.trim();
  if (q) location.hash = "#/trend?q=" + encodeURIComponent(q);
});

$("#search").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const q = $("#q").value.trim();
  if (q) go(q, $("#sort").value, 0);
});
document.addEventListener("keydown", (ev) => {
  if (ev.key === "/" && document.activeElement !== $("#q")) { ev.preventDefault(); $("#q").focus(); }
});
window.addEventListener("hashchange", route);
api("/api/stats").then((s) => { $("#stats").textContent = `${s.documents} documents`; }).catch(() => {});
route();
