//! Rendering records and results for people (tables, readable text) and programs (JSON, CSV).

use std::fmt::Write as _;
use std::io::Write;

use comfy_table::{ContentArrangement, Table, presets::UTF8_BORDERS_ONLY};
use serde::Serialize;

use super::Format;
use crate::index::Layout;
use crate::index::reader::Stats;
use crate::model::{Block, Citation, Party, Patent};
use crate::query::highlight::Snippet;
use crate::query::lacks::Missing;
use crate::query::search::Facet;

/// One search hit as printed.
#[derive(Serialize)]
pub struct Hit {
    pub rank: usize,
    pub number: String,
    pub kind: &'static str,
    pub date: String,
    pub title: String,
    pub assignees: Vec<String>,
    pub score: f32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snippet: Option<Snippet>,
    /// With `--family`: the other hits of this row's family, best first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub family: Vec<String>,
}

impl Hit {
    pub fn new(rank: usize, score: f32, p: Patent, snippet: Option<Snippet>) -> Hit {
        Hit {
            rank,
            number: p.number.to_string(),
            kind: p.kind.as_str(),
            date: p.pub_date.map(|d| d.to_string()).unwrap_or_default(),
            assignees: p.assignees.into_iter().map(|a| a.name).collect(),
            title: p.title,
            score,
            snippet,
            family: Vec::new(),
        }
    }
}

/// The rows of a results page as [`Hit`]s, lazily (so `--all` streams): each row's best hit
/// with its snippet (when `snippets`), and the numbers of the rest of its family.
pub fn page_hits<'a>(
    reader: &'a crate::index::reader::IndexReader,
    page: &'a crate::query::search::Page,
    clauses: &'a [crate::query::compile::Clause],
    snippets: bool,
) -> anyhow::Result<impl Iterator<Item = anyhow::Result<Hit>> + 'a> {
    let ids = crate::index::reader::FastStrings::open(&reader.searcher, "id")?;
    Ok(page.rows.iter().enumerate().map(move |(i, g)| {
        let h = &page.hits[g[0]];
        let p = reader.patent(h.addr)?;
        let snippet = if snippets {
            crate::query::highlight::snippet(&p, clauses, 160)
        } else {
            None
        };
        let mut row = Hit::new(page.start + i + 1, h.score, p, snippet);
        let others: Vec<_> = g[1..].iter().map(|&j| page.hits[j].addr).collect();
        row.family = ids.first_values(&others)?;
        Ok(row)
    }))
}

/// A table in the house style (borders only, fitted to the terminal), with this header.
pub(super) fn table<S: ToString>(header: impl IntoIterator<Item = S>) -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_BORDERS_ONLY)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(
            header
                .into_iter()
                .map(|h| h.to_string())
                .collect::<Vec<_>>(),
        );
    t
}

fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// ANSI styles, empty when colour is off.
struct Style {
    on: bool,
}

impl Style {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    /// The snippet with its matches bold red (colour) or in [brackets] (no colour).
    fn snippet(&self, s: &Snippet) -> String {
        mark_highlights(&s.text, &s.highlights, str::to_string, |m| {
            if self.on {
                self.wrap("1;31", m)
            } else {
                format!("[{m}]")
            }
        })
    }
}

/// What a search printed: the header facts and where the hits come from.
pub struct Results<'a> {
    pub query: &'a str,
    pub total: usize,
    pub offset: usize,
    pub sort: String,
    pub facets: &'a [Facet],
    /// Documents the query cannot match because they lack a part it searches.
    pub notes: &'a [Missing],
    pub colour: bool,
}

/// The notes on stderr, for formats whose stdout is data only (CSV, JSONL).
fn notes_to_stderr(notes: &[Missing]) {
    let mut err = std::io::stderr().lock();
    for n in notes {
        let _ = writeln!(err, "patdex: note: {}", n.message);
    }
}

/// Prints search results. Hits are produced lazily so that `--all` streams.
pub fn results(
    out: &mut dyn Write,
    format: Format,
    r: &Results,
    hits: &mut dyn Iterator<Item = anyhow::Result<Hit>>,
) -> anyhow::Result<()> {
    let style = Style { on: r.colour };
    match format {
        Format::Table => {
            if r.total == 0 {
                writeln!(out, "no documents match `{}` (0 hits)", r.query)?;
            }
            let mut shown = 0;
            for h in hits {
                let h = h?;
                shown += 1;
                writeln!(
                    out,
                    "{:>3}. {}  {}  score {:.2}",
                    h.rank,
                    style.wrap("1", &h.number),
                    if h.date.is_empty() { "-" } else { &h.date },
                    h.score
                )?;
                writeln!(out, "     {}", clip(&h.title, 100))?;
                if !h.assignees.is_empty() {
                    writeln!(out, "     {}", clip(&h.assignees.join("; "), 100))?;
                }
                if let Some(s) = &h.snippet {
                    writeln!(
                        out,
                        "     {}: {}",
                        style.wrap("2", s.field),
                        style.snippet(s)
                    )?;
                }
                if !h.family.is_empty() {
                    writeln!(out, "     family: {}", h.family.join(", "))?;
                }
            }
            if r.total > 0 {
                writeln!(
                    out,
                    "{shown} of {} hits (from #{}, sorted by {})",
                    r.total,
                    if shown == 0 { 0 } else { r.offset + 1 },
                    r.sort
                )?;
            }
            for n in r.notes {
                writeln!(out, "{}: {}", style.wrap("1;33", "note"), n.message)?;
            }
            for f in r.facets {
                writeln!(
                    out,
                    "\n{} ({} of {} hits have one):",
                    f.name, f.documents, r.total
                )?;
                let mut t = table(["value", "hits"]);
                for (v, n) in f.values.iter().take(15) {
                    t.add_row(vec![v.clone(), n.to_string()]);
                }
                writeln!(out, "{t}")?;
                if f.values.len() > 15 {
                    writeln!(
                        out,
                        "({} more values; --format json lists all)",
                        f.values.len() - 15
                    )?;
                }
            }
            Ok(())
        }
        Format::Json => {
            let hits: Vec<Hit> = hits.collect::<anyhow::Result<_>>()?;
            let v = serde_json::json!({
                "query": r.query,
                "total": r.total,
                "offset": r.offset,
                "sort": r.sort,
                "hits": hits,
                "facets": r.facets,
                "notes": r.notes,
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
            Ok(())
        }
        Format::Jsonl => {
            notes_to_stderr(r.notes);
            for h in hits {
                writeln!(out, "{}", serde_json::to_string(&h?)?)?;
            }
            Ok(())
        }
        Format::Csv => {
            notes_to_stderr(r.notes);
            let mut w = csv::Writer::from_writer(out);
            w.write_record([
                "rank",
                "number",
                "kind",
                "published",
                "title",
                "assignees",
                "score",
                "snippet",
                "family",
            ])?;
            for h in hits {
                let h = h?;
                w.write_record([
                    h.rank.to_string(),
                    h.number.clone(),
                    h.kind.to_string(),
                    h.date.clone(),
                    h.title.clone(),
                    h.assignees.join("; "),
                    format!("{:.4}", h.score),
                    h.snippet
                        .as_ref()
                        .map(|s| s.text.clone())
                        .unwrap_or_default(),
                    h.family.join("; "),
                ])?;
            }
            w.flush()?;
            Ok(())
        }
    }
}

fn party(p: &Party) -> String {
    let place: Vec<&str> = [p.city.as_str(), p.state.as_str(), p.country.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    let mut s = p.name.clone();
    if !place.is_empty() {
        let _ = write!(s, " ({})", place.join(", "));
    }
    s
}

fn date(d: Option<jiff::civil::Date>) -> String {
    d.map_or_else(|| "-".to_string(), |d| d.to_string())
}

/// A whole document as readable text.
/// A term estimate as `patdex show` prints it: the end, the rule, the computation with its
/// dates, and what it assumes, so a reader can redo it by hand.
pub fn term_lines(t: &crate::term::Term) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "Term ends (estimate): {}   rule: {}",
        date(t.expiry),
        t.rule.as_str()
    );
    let _ = writeln!(s, "  computed: {}", t.formula);
    for n in &t.inputs.not_counted {
        let _ = writeln!(s, "  not counted: {n}");
    }
    for c in &t.caveats {
        let _ = writeln!(s, "  note: {c}");
    }
    s
}

pub fn patent(p: &Patent) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}  ({}, {}; {})",
        p.number,
        p.kind.as_str(),
        p.doc_type.as_str(),
        p.format
    );
    let _ = writeln!(s, "{}\n", p.title);
    let _ = writeln!(
        s,
        "Published: {}   Filed: {} (application {} {})   Earliest priority: {}",
        date(p.pub_date),
        date(p.application.filing_date),
        p.application.country,
        p.application.number,
        date(p.priority_date)
    );
    let list = |label: &str, parties: &[Party], s: &mut String| {
        if !parties.is_empty() {
            let names: Vec<String> = parties.iter().map(party).collect();
            let _ = writeln!(s, "{label}: {}", names.join("; "));
        }
    };
    list("Assignees", &p.assignees, &mut s);
    list("Applicants", &p.applicants, &mut s);
    list("Inventors", &p.inventors, &mut s);
    list("Examiners", &p.examiners, &mut s);
    list("Agents", &p.agents, &mut s);
    let classes = |label: &str, c: &[crate::model::Classification], s: &mut String| {
        if !c.is_empty() {
            let v: Vec<String> = c
                .iter()
                .map(|c| {
                    let mut t = c.symbol.clone();
                    if c.main {
                        t.push_str(" (main)");
                    }
                    if c.value == "A" {
                        t.push_str(" [additional]");
                    }
                    t
                })
                .collect();
            let _ = writeln!(s, "{label}: {}", v.join(", "));
        }
    };
    classes("CPC", &p.cpc, &mut s);
    classes("IPC", &p.ipc, &mut s);
    if !p.us_classes.is_empty() {
        let _ = writeln!(s, "US classes: {}", p.us_classes.join(", "));
    }
    for pr in &p.priority_claims {
        let _ = writeln!(
            s,
            "Priority: {} {} ({})",
            pr.country,
            pr.number,
            date(pr.date)
        );
    }
    for r in &p.related {
        let role = if r.role.is_empty() {
            String::new()
        } else {
            format!(" {}", r.role)
        };
        let status = if r.status.is_empty() {
            String::new()
        } else {
            format!(" [{}]", r.status)
        };
        let _ = writeln!(
            s,
            "Related: {}{role}: {} {} {} {}{status}",
            r.relation, r.id.country, r.id.number, r.id.kind, r.id.date
        );
    }
    s.push_str(&term_lines(&crate::term::of(p)));
    let independent = p.claims.iter().filter(|c| !c.dependent).count();
    let _ = writeln!(
        s,
        "Claims: {} ({independent} independent)   Figures: {}   Citations: {}",
        p.claims.len(),
        p.num_figures.map_or("-".to_string(), |n| n.to_string()),
        p.citations.len()
    );
    if !p.lacks.is_empty() {
        let _ = writeln!(
            s,
            "Not in this record: {} (an exported bibliographic record; `lacks:` finds such records)",
            p.lacks.join(", ")
        );
    }
    let _ = writeln!(
        s,
        "Source: {} (document {}, byte {})",
        p.source.file, p.source.index, p.source.offset
    );
    if !p.abstract_text.is_empty() {
        let _ = writeln!(s, "\nABSTRACT\n{}", p.abstract_text);
    }
    if !p.claims.is_empty() {
        let _ = writeln!(s, "\nCLAIMS");
        for c in &p.claims {
            let dep = if c.refers_to.is_empty() {
                String::new()
            } else {
                let r: Vec<String> = c.refers_to.iter().map(u32::to_string).collect();
                format!(" [depends on {}]", r.join(", "))
            };
            let _ = writeln!(s, "{}.{dep} {}", c.number, c.text);
        }
    }
    if !p.description.is_empty() {
        let _ = writeln!(s, "\nDESCRIPTION");
        for b in &p.description {
            match b {
                Block::Heading { text, .. } => {
                    let _ = writeln!(s, "\n{text}");
                }
                Block::Paragraph { text } => {
                    let _ = writeln!(s, "{text}");
                }
            }
        }
    }
    if !p.citations.is_empty() {
        let _ = writeln!(s, "\nCITATIONS");
        for c in &p.citations {
            match c {
                Citation::Patent { id, name, category } => {
                    let _ = writeln!(
                        s,
                        "{}{} {} {} {} ({category})",
                        id.country, id.number, id.kind, name, id.date
                    );
                }
                Citation::Npl { text, category } => {
                    let _ = writeln!(s, "{text} ({category})");
                }
            }
        }
    }
    s
}

fn counts(label: &str, m: &std::collections::BTreeMap<String, u64>, s: &mut String) {
    if m.is_empty() {
        return;
    }
    let parts: Vec<String> = m.iter().map(|(k, v)| format!("{k} {v}")).collect();
    let _ = writeln!(s, "{label}: {}", parts.join(", "));
}

/// Index statistics as readable text.
pub fn stats(st: &Stats, layout: &Layout) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "index: {}", layout.root.display());
    let _ = writeln!(s, "documents: {}", st.documents);
    counts("by kind", &st.by_kind, &mut s);
    counts("by type", &st.by_type, &mut s);
    counts("by office", &st.by_office, &mut s);
    counts("by format", &st.by_format, &mut s);
    counts("by language", &st.by_lang, &mut s);
    counts("by year", &st.by_year, &mut s);
    let _ = writeln!(s, "index size: {:.1} MB", st.index_bytes as f64 / 1e6);
    let _ = writeln!(
        s,
        "files ingested: {}; last ingest: {}",
        st.files,
        st.last_ingest.as_deref().unwrap_or("never")
    );
    let _ = writeln!(s, "quarantined documents: {}", st.quarantined);
    for q in &st.quarantine {
        let _ = writeln!(
            s,
            "  {} document {} (byte {}): {}\n    raw: {}",
            q.source,
            q.index,
            q.offset,
            q.error,
            q.raw.display()
        );
    }
    s
}

/// Text for Markdown: characters that would start emphasis, links, code, tables or raw HTML
/// escaped (claims contain `<`, `*`, `|`, `[`), new lines as spaces.
pub(super) fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '&' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// A standalone HTML page of Markdown `text` (tables on), with the house style and `extra_css`.
pub(super) fn html_page(title: &str, text: &str, extra_css: &str) -> String {
    use pulldown_cmark::{Options, Parser, html};
    let mut body = String::with_capacity(text.len() * 2);
    html::push_html(&mut body, Parser::new_ext(text, Options::ENABLE_TABLES));
    let title = xml_escape(title);
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>\n{CSS}\n{extra_css}\n</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )
}

/// `s` with the characters HTML gives a meaning escaped.
pub(super) fn xml_escape(s: &str) -> String {
    quick_xml::escape::escape(s).into_owned()
}

/// `text` with each highlighted byte range through `mark` and the text between through
/// `plain`. A range that overlaps the one before, runs past the end or cuts a character is
/// left unmarked.
pub(super) fn mark_highlights(
    text: &str,
    highlights: &[(usize, usize)],
    plain: impl Fn(&str) -> String,
    mark: impl Fn(&str) -> String,
) -> String {
    let mut out = String::with_capacity(text.len() + 16 * highlights.len());
    let mut at = 0;
    for &(a, b) in highlights {
        if a < at || b > text.len() || !text.is_char_boundary(a) || !text.is_char_boundary(b) {
            continue;
        }
        out.push_str(&plain(&text[at..a]));
        out.push_str(&mark(&text[a..b]));
        at = b;
    }
    out.push_str(&plain(&text[at..]));
    out
}

const CSS: &str = "body { font-family: system-ui, sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; color: #1d1d1f; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; font-size: 0.92rem; }
th, td { border: 1px solid #ccc; padding: 0.3rem 0.5rem; vertical-align: top; text-align: left; }
th { background: #f2f2f2; }
blockquote { border-left: 4px solid #999; margin: 1rem 0; padding: 0.2rem 1rem; }
h4 { margin-top: 2rem; }";
