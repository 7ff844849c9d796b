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
  const bytes = enc.encode(snippet.text);
  const out = el("span", { class: "snippet" });
  let at = 0;
  for (const [s, e] of snippet.highlights) {
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
  location.hash = "#/search?" + p.toString();
}

// A facet value as the clause that restricts the query to it.
function clause(facet, value) {
  switch (facet) {
    case "year": return `pd:${value}`;
    case "cpc": return `cpc:${value}`;
    case "kind": return `kind:${value}`;
    case "pa": return `pa:"${value.replace(/"/g, "")}"`;
  }
  return value;
}

async function search(q, sort, offset) {
  $("#doc-view").hidden = true;
  $("#error").hidden = true;
  $("#q").value = q;
  $("#sort").value = sort;
  const base = `q=${encodeURIComponent(q)}&sort=${encodeURIComponent(sort)}`;
  let r;
  try {
    r = await api(`/api/search?${base}&offset=${offset}&limit=${PAGE}&facets=year,cpc,pa,kind`);
  } catch (e) {
    $("#results-view").hidden = true;
    showError(e);
    return;
  }
  $("#results-view").hidden = false;
  $("#count").textContent = r.total === 1 ? "1 hit" : `${r.total} hits`;
  for (const n of r.notes || []) $("#count").append(el("br"), "note: " + n.message);
  const hits = $("#hits");
  hits.replaceChildren();
  hits.start = offset + 1;
  for (const h of r.hits) {
    const li = el("li", { class: "hit" },
      el("a", { class: "hit-title", href: `#/doc/${h.number}?q=${encodeURIComponent(q)}` }, h.title || h.number),
      el("div", { class: "meta" }, `${h.number} · ${h.date || "no date"} · ${h.assignees.join("; ")}`));
    if (h.snippet) li.append(el("div", {}, el("span", { class: "meta" }, h.snippet.field + ": "), marked(h.snippet)));
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
  const names = { year: "Year", cpc: "CPC", pa: "Assignee", kind: "Kind" };
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
function claimTree(claims) {
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
    el("strong", {}, `${c.number}. `), c.text, kids.has(c.number) ? list(kids.get(c.number)) : "")));
  return list(roots);
}

// Marks the query's plain words in a text (a reading aid; the search itself is exact).
function highlightWords(text, q) {
  const words = (q.match(/[A-Za-z][A-Za-z0-9]{2,}/g) || [])
    .filter((w) => !/^(AND|OR|NOT|ADJ|NEAR|WITH|SAME|ti|ab|cl|icl|desc|txt|pa|in|cpc|ipc|pd|ad|prd|pn|an|ct|kind|cc)$/.test(w))
    .map((w) => w.toLowerCase());
  if (!words.length) return [text];
  const re = new RegExp(`\\b(${words.join("|")})\\w*`, "gi");
  const out = [];
  let at = 0;
  for (const m of text.matchAll(re)) {
    out.push(text.slice(at, m.index), el("mark", {}, m[0]));
    at = m.index + m[0].length;
  }
  out.push(text.slice(at));
  return out;
}

async function showDoc(number, q) {
  $("#results-view").hidden = true;
  $("#error").hidden = true;
  const view = $("#doc-view");
  let r;
  try { r = await api(`/api/doc/${encodeURIComponent(number)}`); } catch (e) { view.hidden = true; showError(e); return; }
  const d = r.documents[0];
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
  for (const b of d.description) desc.append(b.type === "heading" ? el("h3", {}, b.text) : el("p", {}, ...highlightWords(b.text, q)));
  view.replaceChildren(
    el("p", {}, el("a", { href: q ? `#/search?q=${encodeURIComponent(q)}` : "#/" }, "← back to the results")),
    el("h1", {}, d.title), dl,
    el("h2", {}, "Abstract"), el("p", {}, ...highlightWords(d.abstract || "", q)),
    el("h2", {}, "Claims"), el("div", { class: "claims" }, claimTree(d.claims)),
    el("h2", {}, "Cites"), cited,
    el("h2", {}, "Cited by (in this index)"), citing,
    el("h2", {}, "Description"), desc);
  view.hidden = false;
  window.scrollTo(0, 0);
}

async function route() {
  const { path, p } = params();
  if (path.startsWith("/doc/")) return showDoc(decodeURIComponent(path.slice(5)), p.get("q") || "");
  if (path === "/search" && p.get("q")) return search(p.get("q"), p.get("sort") || "relevance", Number(p.get("offset") || 0));
  $("#results-view").hidden = true;
  $("#doc-view").hidden = true;
}

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
