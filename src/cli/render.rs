//! Rendering records and results for people (tables, readable text) and programs (JSON, CSV).

use std::fmt::Write as _;
use std::io::{self, Write};

use comfy_table::{ContentArrangement, Table, presets::UTF8_BORDERS_ONLY};
use serde::Serialize;

use super::Format;
use crate::index::Layout;
use crate::index::reader::Stats;
use crate::model::{Block, Citation, Party, Patent};

/// One search hit as printed.
#[derive(Serialize)]
struct Hit<'a> {
    rank: usize,
    number: String,
    kind: &'a str,
    date: String,
    title: &'a str,
    assignees: Vec<&'a str>,
    score: f32,
}

fn hit<'a>(rank: usize, score: f32, p: &'a Patent) -> Hit<'a> {
    Hit {
        rank,
        number: p.number.to_string(),
        kind: p.kind.as_str(),
        date: p.pub_date.map(|d| d.to_string()).unwrap_or_default(),
        title: &p.title,
        assignees: p.assignees.iter().map(|a| a.name.as_str()).collect(),
        score,
    }
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

/// Prints a page of search results.
pub fn hits(
    out: &mut dyn Write,
    format: Format,
    query: &str,
    total: usize,
    offset: usize,
    hits: &[(f32, Patent)],
) -> io::Result<()> {
    let rows: Vec<Hit> = hits
        .iter()
        .enumerate()
        .map(|(i, (s, p))| hit(offset + i + 1, *s, p))
        .collect();
    match format {
        Format::Table => {
            if rows.is_empty() {
                return writeln!(out, "no documents match `{query}` (0 hits)");
            }
            let mut t = Table::new();
            t.load_style(UTF8_BORDERS_ONLY)
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_header(vec![
                    "#",
                    "number",
                    "published",
                    "title",
                    "assignee",
                    "score",
                ]);
            for r in &rows {
                t.add_row(vec![
                    r.rank.to_string(),
                    r.number.clone(),
                    r.date.clone(),
                    clip(r.title, 60),
                    clip(&r.assignees.join("; "), 30),
                    format!("{:.2}", r.score),
                ]);
            }
            writeln!(out, "{t}")?;
            writeln!(
                out,
                "{} of {total} hits (from #{})",
                rows.len(),
                if rows.is_empty() { 0 } else { offset + 1 }
            )
        }
        Format::Json => {
            let v = serde_json::json!({ "query": query, "total": total, "offset": offset, "hits": rows });
            writeln!(out, "{}", serde_json::to_string_pretty(&v)?)
        }
        Format::Jsonl => {
            for r in &rows {
                writeln!(out, "{}", serde_json::to_string(r)?)?;
            }
            Ok(())
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record([
                "rank",
                "number",
                "kind",
                "published",
                "title",
                "assignees",
                "score",
            ])?;
            for r in &rows {
                w.write_record([
                    r.rank.to_string(),
                    r.number.clone(),
                    r.kind.to_string(),
                    r.date.clone(),
                    r.title.to_string(),
                    r.assignees.join("; "),
                    format!("{:.4}", r.score),
                ])?;
            }
            w.flush()
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
    if p.term_extension_days.is_some() || p.disclaimer {
        let _ = writeln!(
            s,
            "Term: {} days adjustment{}",
            p.term_extension_days.unwrap_or(0),
            if p.disclaimer {
                "; terminal disclaimer"
            } else {
                ""
            }
        );
    }
    let independent = p.claims.iter().filter(|c| !c.dependent).count();
    let _ = writeln!(
        s,
        "Claims: {} ({independent} independent)   Figures: {}   Citations: {}",
        p.claims.len(),
        p.num_figures.map_or("-".to_string(), |n| n.to_string()),
        p.citations.len()
    );
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
    counts("by format", &st.by_format, &mut s);
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
            "  {} document {} (byte {}): {}\n    raw XML: {}",
            q.source,
            q.index,
            q.offset,
            q.error,
            q.raw.display()
        );
    }
    s
}
