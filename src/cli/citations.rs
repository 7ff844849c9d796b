//! `patdex citations`: a document's backward and forward citations (and a second generation),
//! citing owners, and an assignee's licensing prospects; as tables, JSON or CSV.

use std::io::Write;

use comfy_table::Table;

use super::render::table;
use serde::Serialize;

use super::{Failure, Format, usage};
use crate::analysis::citations::{
    AssigneeReport, CitationReport, Citations, Cited, Citing, Options, OwnerGroup,
};
use crate::index::Layout;
use crate::index::reader::IndexReader;
use crate::names::Match;
use crate::number::PubNumber;

/// What `patdex citations` was asked.
#[derive(Debug, Clone)]
pub struct CitationsArgs {
    /// A publication number, as `patdex show` takes it.
    pub number: Option<String>,
    /// An owner name: its documents' citing owners (licensing prospects).
    pub assignee: Option<String>,
    /// 1, or 2 for a second generation both ways.
    pub depth: u8,
    /// Group the citing documents by owner.
    pub by_assignee: bool,
    /// Owner names as printed, without merging spellings.
    pub exact: bool,
    pub format: Format,
    /// Rows per list (0: all).
    pub limit: usize,
    /// Draw the citation graph here (.svg or .png).
    pub chart: Option<std::path::PathBuf>,
}

/// Draws a report's graph with `super::chart`.
fn draw(
    path: &std::path::Path,
    title: &str,
    graph: (Vec<crate::analysis::citations::Node>, Vec<(usize, usize)>),
) -> anyhow::Result<()> {
    let (nodes, edges) = graph;
    let nodes: Vec<super::chart::GraphNode> = nodes
        .into_iter()
        .map(|(label, group, layer)| super::chart::GraphNode {
            label,
            group,
            layer,
        })
        .collect();
    super::chart::citation_graph(path, title, &nodes, &edges)?;
    eprintln!("chart written to {}", path.display());
    Ok(())
}

/// Runs `patdex citations`.
pub(super) fn run(
    layout: &Layout,
    args: CitationsArgs,
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    if !(1..=2).contains(&args.depth) {
        return Err(usage(format!(
            "--depth must be 1 or 2 (got {})",
            args.depth
        )));
    }
    let opts = Options {
        depth: args.depth,
        by_owner: args.by_assignee,
        exact: args.exact,
        limit: args.limit,
    };
    match (&args.number, &args.assignee) {
        (Some(_), Some(_)) => Err(usage(
            "give either a NUMBER (its citations) or --assignee NAME (who cites its documents), not both"
                .into(),
        )),
        (None, None) => Err(usage(
            "say what to report on: `patdex citations NUMBER` (e.g. US7654321B2, 7654321, D586081, US 2021/0202459) or `patdex citations --assignee NAME`"
                .into(),
        )),
        (Some(n), None) => {
            let n: PubNumber = n.parse()?;
            let reader = IndexReader::open(layout)?;
            let r = Citations::new(&reader)?.report(&n, &opts)?;
            if !r.in_index && r.forward_total == 0 {
                return Err(Failure {
                    code: 1,
                    message: format!(
                        "{n} is not in the index at {}, and no document of the index cites it (try `patdex search` to find it, or check the number)",
                        layout.root.display()
                    ),
                    bare: false,
                });
            }
            write_report(&r, &args, out)?;
            if let Some(path) = &args.chart {
                draw(path, &format!("Citations of {}", r.number), r.graph())?;
            }
            Ok(if r.found_any() { 0 } else { 1 })
        }
        (None, Some(name)) => {
            if args.depth != 1 {
                return Err(usage(
                    "--depth applies to a NUMBER's citations, not to --assignee".into(),
                ));
            }
            let reader = IndexReader::open(layout)?;
            let r = Citations::new(&reader)?.assignee(name, &opts)?;
            if r.names.is_empty() {
                return Err(Failure {
                    code: 1,
                    message: format!(
                        "no owner in the index at {} matches `{name}` (try `patdex search 'pa:{}'` or `patdex trend` to see the owners' spellings)",
                        layout.root.display(),
                        name.trim()
                    ),
                    bare: false,
                });
            }
            write_assignee(&r, &args, out)?;
            if let Some(path) = &args.chart {
                draw(
                    path,
                    &format!("Documents citing {}'s documents, by citing owner", name.trim()),
                    r.graph(),
                )?;
            }
            Ok(if r.found_any() { 0 } else { 1 })
        }
    }
}

/// `1 document`, `2 documents`.
fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
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

/// `cited by examiner` → `examiner`.
fn short_category(c: &str) -> String {
    c.split("; ")
        .map(|c| c.trim().strip_prefix("cited by ").unwrap_or(c.trim()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn date(d: Option<jiff::civil::Date>) -> String {
    d.map_or_else(|| "-".to_string(), |d| d.to_string())
}

fn year(y: Option<i16>) -> String {
    y.map_or_else(|| "-".to_string(), |y| y.to_string())
}

fn more(out: &mut dyn Write, shown: usize, total: usize) -> std::io::Result<()> {
    if total > shown {
        writeln!(
            out,
            "({} more; --limit 0 lists all, --format json or csv for export)",
            total - shown
        )?;
    }
    Ok(())
}

fn cited_rows(t: &mut Table, rows: &[Cited], second: bool) {
    for (i, c) in rows.iter().enumerate() {
        let what = match &c.document {
            Some(d) => clip(&d.title, 60),
            None if c.in_index => "(in the index)".to_string(),
            None => clip(&c.name, 40),
        };
        let date = match &c.document {
            Some(d) => date(d.pub_date),
            None => c.date.clone(),
        };
        let mut row = vec![
            (i + 1).to_string(),
            c.label(),
            short_category(&c.category),
            if c.in_index { "yes" } else { "" }.to_string(),
            date,
            what,
        ];
        if second {
            row.push(c.via.join(", "));
        }
        t.add_row(row);
    }
}

fn citing_rows(t: &mut Table, rows: &[Citing], second: bool) {
    for (i, c) in rows.iter().enumerate() {
        let mut row = vec![
            (i + 1).to_string(),
            c.number.clone(),
            date(c.pub_date),
            clip(&c.owners.join("; "), 40),
            short_category(&c.category),
            clip(&c.title, 60),
        ];
        if second {
            row.push(c.via.join(", "));
        }
        t.add_row(row);
    }
}

fn group_table(groups: &[OwnerGroup], assignee: bool) -> Table {
    let mut header = vec!["citing owner", "kind", "citing documents"];
    if assignee {
        header.push("our documents cited");
    }
    header.extend(["first", "last"]);
    let mut t = table(header);
    for g in groups {
        let mut row = vec![
            clip(&g.owner, 50),
            g.kind.clone(),
            g.citing_documents.to_string(),
        ];
        if assignee {
            row.push(format!(
                "{}: {}",
                g.cited.len(),
                clip(&g.cited.join(", "), 60)
            ));
        }
        row.extend([year(g.first_year), year(g.last_year)]);
        t.add_row(row);
    }
    t
}

fn render_report(r: &CitationReport, out: &mut dyn Write) -> std::io::Result<()> {
    match &r.document {
        Some(d) => {
            writeln!(out, "{}  {}", d.number, d.title)?;
            let mut facts = vec![format!("published {}", date(d.pub_date))];
            if !d.owners.is_empty() {
                facts.push(d.owners.join("; "));
            }
            writeln!(out, "{}", facts.join("  ·  "))?;
            if !r.also.is_empty() {
                writeln!(
                    out,
                    "(also in the index under this number: {}; citations are those of {})",
                    r.also.join(", "),
                    d.number
                )?;
            }
        }
        None => writeln!(
            out,
            "{} is not in the index: its own citations are unknown; documents of the index citing it follow.",
            r.number
        )?,
    }
    if r.in_index {
        let in_index = r.backward.iter().filter(|c| c.in_index).count();
        writeln!(
            out,
            "\nBackward citations: {} ({in_index} in the index), {} non-patent",
            count(r.backward.len(), "patent document"),
            r.npl.len()
        )?;
        if !r.backward.is_empty() {
            let mut t = table(["#", "cited", "by", "in index", "date", "title / patentee"]);
            cited_rows(&mut t, &r.backward, false);
            writeln!(out, "{t}")?;
        }
        if !r.npl.is_empty() {
            let mut t = table(["#", "by", "non-patent literature"]);
            for (i, n) in r.npl.iter().enumerate() {
                t.add_row(vec![
                    (i + 1).to_string(),
                    short_category(&n.category),
                    clip(&n.text, 110),
                ]);
            }
            writeln!(out, "{t}")?;
        }
    }
    writeln!(
        out,
        "\nForward citations: {} of the index citing {}",
        count(r.forward_total, "document"),
        r.key
    )?;
    if !r.forward.is_empty() {
        let mut t = table(["#", "citing", "published", "owner", "as", "title"]);
        citing_rows(&mut t, &r.forward, false);
        writeln!(out, "{t}")?;
        more(out, r.forward.len(), r.forward_total)?;
    }
    if let (Some(list), Some(total)) = (&r.backward2, r.backward2_total) {
        writeln!(
            out,
            "\nSecond generation, backward: {} cited by the cited documents of the index",
            count(total, "document")
        )?;
        if !list.is_empty() {
            let mut t = table([
                "#",
                "cited",
                "by",
                "in index",
                "date",
                "title / patentee",
                "via",
            ]);
            cited_rows(&mut t, list, true);
            writeln!(out, "{t}")?;
            more(out, list.len(), total)?;
        }
    }
    if let (Some(list), Some(total)) = (&r.forward2, r.forward2_total) {
        writeln!(
            out,
            "\nSecond generation, forward: {} citing the citing documents",
            count(total, "document")
        )?;
        if !list.is_empty() {
            let mut t = table(["#", "citing", "published", "owner", "as", "title", "via"]);
            citing_rows(&mut t, list, true);
            writeln!(out, "{t}")?;
            more(out, list.len(), total)?;
        }
    }
    if let Some(groups) = &r.by_assignee {
        writeln!(out, "\nCiting documents by owner")?;
        if !groups.is_empty() {
            writeln!(out, "{}", group_table(groups, false))?;
        }
    }
    Ok(())
}

/// One CSV/JSONL row: a citation.
#[derive(Serialize)]
struct CitationRow {
    /// backward, forward, backward2, forward2.
    direction: &'static str,
    /// patent or npl.
    #[serde(rename = "type")]
    kind: &'static str,
    number: String,
    cited_as: String,
    category: String,
    in_index: bool,
    title: String,
    date: String,
    owners: String,
    patentee: String,
    via: String,
    text: String,
}

fn cited_row(direction: &'static str, c: &Cited) -> CitationRow {
    CitationRow {
        direction,
        kind: "patent",
        number: c.label(),
        cited_as: c.cited_as.clone(),
        category: c.category.clone(),
        in_index: c.in_index,
        title: c
            .document
            .as_ref()
            .map(|d| d.title.clone())
            .unwrap_or_default(),
        date: c.document.as_ref().map_or_else(
            || c.date.clone(),
            |d| d.pub_date.map(|d| d.to_string()).unwrap_or_default(),
        ),
        owners: c
            .document
            .as_ref()
            .map(|d| d.owners.join("; "))
            .unwrap_or_default(),
        patentee: c.name.clone(),
        via: c.via.join(" "),
        text: String::new(),
    }
}

fn citing_row(direction: &'static str, c: &Citing) -> CitationRow {
    CitationRow {
        direction,
        kind: "patent",
        number: c.number.clone(),
        cited_as: String::new(),
        category: c.category.clone(),
        in_index: true,
        title: c.title.clone(),
        date: c.pub_date.map(|d| d.to_string()).unwrap_or_default(),
        owners: c.owners.join("; "),
        patentee: String::new(),
        via: c.via.join(" "),
        text: String::new(),
    }
}

fn citation_rows(r: &CitationReport) -> Vec<CitationRow> {
    let mut rows: Vec<CitationRow> = r
        .backward
        .iter()
        .map(|c| cited_row("backward", c))
        .collect();
    rows.extend(r.npl.iter().map(|n| CitationRow {
        direction: "backward",
        kind: "npl",
        number: String::new(),
        cited_as: String::new(),
        category: n.category.clone(),
        in_index: false,
        title: String::new(),
        date: String::new(),
        owners: String::new(),
        patentee: String::new(),
        via: String::new(),
        text: n.text.clone(),
    }));
    rows.extend(r.forward.iter().map(|c| citing_row("forward", c)));
    rows.extend(
        r.backward2
            .iter()
            .flatten()
            .map(|c| cited_row("backward2", c)),
    );
    rows.extend(
        r.forward2
            .iter()
            .flatten()
            .map(|c| citing_row("forward2", c)),
    );
    rows
}

/// One CSV/JSONL row: a citing owner.
#[derive(Serialize)]
struct OwnerRow {
    owner: String,
    kind: String,
    citing_documents: usize,
    cited_documents: usize,
    cited: String,
    first_year: String,
    last_year: String,
    documents: String,
    spellings: String,
}

fn owner_rows(groups: &[OwnerGroup]) -> Vec<OwnerRow> {
    groups
        .iter()
        .map(|g| OwnerRow {
            owner: g.owner.clone(),
            kind: g.kind.clone(),
            citing_documents: g.citing_documents,
            cited_documents: g.cited.len(),
            cited: g.cited.join(" "),
            first_year: g.first_year.map(|y| y.to_string()).unwrap_or_default(),
            last_year: g.last_year.map(|y| y.to_string()).unwrap_or_default(),
            documents: g.documents.join(" "),
            spellings: g.spellings.join("; "),
        })
        .collect()
}

fn write_rows<T: Serialize>(rows: &[T], format: Format, out: &mut dyn Write) -> anyhow::Result<()> {
    if format == Format::Jsonl {
        for r in rows {
            writeln!(out, "{}", serde_json::to_string(r)?)?;
        }
        return Ok(());
    }
    let mut w = csv::Writer::from_writer(out);
    for r in rows {
        w.serialize(r)?;
    }
    w.flush()?;
    Ok(())
}

fn write_report(
    r: &CitationReport,
    args: &CitationsArgs,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    match args.format {
        Format::Table => render_report(r, out)?,
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(r)?)?,
        Format::Csv | Format::Jsonl => match &r.by_assignee {
            Some(groups) => write_rows(&owner_rows(groups), args.format, out)?,
            None => write_rows(&citation_rows(r), args.format, out)?,
        },
    }
    Ok(())
}

fn render_assignee(r: &AssigneeReport, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "Licensing prospects of {} (`{}`)", r.owner, r.query)?;
    let spellings: Vec<String> = r
        .names
        .iter()
        .map(|n| format!("{} ({})", n.name, n.documents))
        .collect();
    let how = match r.matched {
        Some(Match::Words) => "no owner name matches it exactly; owner names containing its words",
        _ => "owner names matching it",
    };
    writeln!(out, "{how}: {}", spellings.join("; "))?;
    writeln!(
        out,
        "{}; {} of them cited by {} of {}; {} (the assignee's own documents citing its documents, not counted below)",
        count(r.documents.len(), "document"),
        r.cited_documents,
        count(r.citing_documents, "document"),
        count(r.prospects_total, "other owner"),
        count(r.self_citations, "self-citation")
    )?;
    if !r.prospects.is_empty() {
        writeln!(out, "{}", group_table(&r.prospects, true))?;
        more(out, r.prospects.len(), r.prospects_total)?;
    }
    Ok(())
}

fn write_assignee(
    r: &AssigneeReport,
    args: &CitationsArgs,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    match args.format {
        Format::Table => render_assignee(r, out)?,
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(r)?)?,
        Format::Csv | Format::Jsonl => write_rows(&owner_rows(&r.prospects), args.format, out)?,
    }
    Ok(())
}
