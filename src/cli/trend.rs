//! `patdex trend`: one or several queries over time, as tables, JSON, CSV and charts.

use std::io::Write;
use std::path::PathBuf;

use super::render::table;
use clap::ValueEnum;
use serde::Serialize;

use super::{Failure, Format, bad_query};
use crate::analysis::trend::{self, Options, Period, Trend};
use crate::index::Layout;
use crate::index::reader::IndexReader;

/// Which date places a document in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DateArg {
    /// Publication date.
    Pd,
    /// Application filing date.
    Ad,
    /// Earliest priority date.
    Prd,
}

impl DateArg {
    pub fn field(self) -> &'static str {
        match self {
            DateArg::Pd => "pd",
            DateArg::Ad => "ad",
            DateArg::Prd => "prd",
        }
    }

    fn describe(self) -> &'static str {
        match self {
            DateArg::Pd => "publication date",
            DateArg::Ad => "filing date",
            DateArg::Prd => "earliest priority date",
        }
    }
}

/// Counting unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ByArg {
    Year,
    Month,
}

/// What a `--chart` of `trend` stacks, when not lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StackArg {
    Assignee,
    Inventor,
    Cpc,
    Country,
}

impl StackArg {
    fn dimension(self) -> &'static str {
        match self {
            StackArg::Assignee => "assignee",
            StackArg::Inventor => "inventor",
            StackArg::Cpc => "cpc",
            StackArg::Country => "country",
        }
    }
}

/// The arguments of `patdex trend`.
pub struct TrendArgs {
    pub queries: Vec<String>,
    pub date: DateArg,
    pub by: ByArg,
    pub top: usize,
    pub years: i32,
    pub until: Option<i32>,
    pub exact: bool,
    pub terms: usize,
    pub format: Format,
    pub chart: Option<PathBuf>,
    pub stack: Option<StackArg>,
}

/// The whole index, when no query is given.
const ALL: &str = "*";

pub(super) fn run(layout: &Layout, args: TrendArgs, out: &mut dyn Write) -> Result<u8, Failure> {
    if args.years < 1 {
        return Err(Failure::from(anyhow::anyhow!(
            "--years must be at least 1 (the length of the recent window)"
        )));
    }
    let reader = IndexReader::open(layout)?;
    let period = match args.by {
        ByArg::Year => Period::Year,
        ByArg::Month => Period::Month,
    };
    let opts = Options {
        date: args.date.field(),
        period,
        top: args.top,
        years: args.years,
        until: args.until,
        exact: args.exact,
        terms: args.terms,
    };
    let queries = if args.queries.is_empty() {
        vec![ALL.to_string()]
    } else {
        args.queries.clone()
    };
    let mut trends = Vec::new();
    for q in &queries {
        let t = if q.trim() == ALL {
            trend::trend(&reader, &tantivy::query::AllQuery, "all documents", &opts)?
        } else {
            let classes = crate::classes::Classes::at(&reader.root);
            let prepared =
                crate::query::prepare_with(&reader.searcher, q, &classes).map_err(bad_query)?;
            trend::trend(&reader, prepared.compiled.query.as_ref(), q, &opts)?
        };
        trends.push(t);
    }
    let axis = Axis::of(&trends, period);
    match args.format {
        Format::Table => write!(out, "{}", render_table(&trends, &axis, &args))?,
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&trends)?)?,
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            for r in rows(&trends) {
                w.serialize(r)?;
            }
            w.flush()?;
        }
        Format::Jsonl => {
            for r in rows(&trends) {
                writeln!(out, "{}", serde_json::to_string(&r)?)?;
            }
        }
    }
    if let Some(path) = &args.chart {
        chart(path, &trends, &axis, &args)?;
        eprintln!("chart written to {}", path.display());
    }
    Ok(if trends.iter().all(|t| t.documents == 0) {
        1
    } else {
        0
    })
}

/// The periods of several reports on one axis: the union of their ranges.
struct Axis {
    labels: Vec<String>,
    keys: Vec<i32>,
}

impl Axis {
    fn of(trends: &[Trend], period: Period) -> Axis {
        let lo = trends.iter().filter_map(|t| t.period_keys.first()).min();
        let hi = trends.iter().filter_map(|t| t.period_keys.last()).max();
        let keys: Vec<i32> = match (lo, hi) {
            (Some(&a), Some(&b)) => (a..=b).collect(),
            _ => Vec::new(),
        };
        Axis {
            labels: keys.iter().map(|&k| period.label(k)).collect(),
            keys,
        }
    }

    /// `values` (aligned with `t`'s periods) on this axis.
    fn align(&self, t: &Trend, values: &[u64]) -> Vec<u64> {
        self.keys
            .iter()
            .map(|k| {
                t.period_keys
                    .iter()
                    .position(|x| x == k)
                    .and_then(|i| values.get(i).copied())
                    .unwrap_or(0)
            })
            .collect()
    }
}

fn pct(x: f64) -> String {
    format!("{:.1} %", x * 100.0)
}

fn dimension_title(name: &str) -> &str {
    match name {
        "assignee" => "Top assignees",
        "inventor" => "Top inventors",
        "cpc" => "Top CPC subclasses",
        "country" => "Top owner countries",
        _ => name,
    }
}

fn render_table(trends: &[Trend], axis: &Axis, args: &TrendArgs) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let by = match args.by {
        ByArg::Year => "year",
        ByArg::Month => "month",
    };
    // Counts per period, the queries side by side.
    let mut header = vec![by.to_string()];
    header.extend(trends.iter().map(|t| t.query.clone()));
    let mut counts = table(header);
    let aligned: Vec<Vec<u64>> = trends.iter().map(|t| axis.align(t, &t.counts)).collect();
    for (i, label) in axis.labels.iter().enumerate() {
        let mut row = vec![label.clone()];
        row.extend(aligned.iter().map(|c| c[i].to_string()));
        counts.add_row(row);
    }
    let mut total = vec!["total".to_string()];
    total.extend(trends.iter().map(|t| t.documents.to_string()));
    counts.add_row(total);
    let _ = writeln!(
        s,
        "Documents per {by} by {} ({})",
        args.date.describe(),
        args.date.field()
    );
    let _ = writeln!(s, "{counts}");
    for t in trends {
        if t.undated > 0 {
            let _ = writeln!(
                s,
                "{}: {} documents have no {} and are counted only in the totals.",
                t.query,
                t.undated,
                args.date.describe()
            );
        }
    }
    for t in trends {
        let _ = writeln!(s, "\n== {} ({} documents)", t.query, t.documents);
        if t.documents == 0 {
            let _ = writeln!(s, "no documents match; try `patdex explain` on the query");
            continue;
        }
        if let Some(g) = &t.growth {
            let rate = match g.cagr {
                Some(c) => format!("{:+.1} % a year", c * 100.0),
                None => "not defined (no documents in the earlier window)".to_string(),
            };
            let _ = writeln!(
                s,
                "Growth: {} documents in {}–{} against {} in {}–{}: {rate} (compound annual growth).",
                g.recent_documents,
                g.recent.0,
                g.recent.1,
                g.before_documents,
                g.before.0,
                g.before.1
            );
        }
        let kinds: Vec<String> = t
            .owner_kinds
            .iter()
            .filter(|k| k.documents > 0)
            .map(|k| format!("{} {} ({})", k.kind, k.documents, pct(k.share)))
            .collect();
        if !kinds.is_empty() {
            let _ = writeln!(s, "Owners: {}.", kinds.join(" · "));
        }
        // The last few periods per top value: all of them would not fit a terminal.
        let shown = axis.labels.len().min(6);
        for d in &t.dimensions {
            if d.top.is_empty() {
                continue;
            }
            let mut header = vec![
                d.name.to_string(),
                "docs".into(),
                "share".into(),
                "first".into(),
                "last".into(),
            ];
            let start = t.periods.len().saturating_sub(shown);
            header.extend(t.periods[start..].iter().cloned());
            let mut tb = table(header);
            let mut merged_notes = Vec::new();
            for v in &d.top {
                let mut row = vec![
                    v.name.clone(),
                    v.documents.to_string(),
                    pct(v.share),
                    v.first.clone().unwrap_or_default(),
                    v.last.clone().unwrap_or_default(),
                ];
                row.extend(v.per_period[start..].iter().map(u64::to_string));
                tb.add_row(row);
                if !v.merged.is_empty() {
                    let names: Vec<String> =
                        v.merged.iter().map(|(n, c)| format!("{n} ({c})")).collect();
                    merged_notes.push(format!("  {} ← {}", v.name, names.join("; ")));
                }
            }
            let _ = writeln!(
                s,
                "\n{} ({} distinct)\n{tb}",
                dimension_title(d.name),
                d.distinct
            );
            if !merged_notes.is_empty() {
                let _ = writeln!(s, "Spellings merged (--exact keeps them apart):");
                for n in merged_notes {
                    let _ = writeln!(s, "{n}");
                }
            }
        }
        if let Some(g) = &t.growth {
            let _ = writeln!(
                s,
                "\nNew entrants (first document in {}–{}): {}",
                g.recent.0, g.recent.1, t.new_entrant_count
            );
            if !t.new_entrants.is_empty() {
                let mut tb = table(["assignee", "first", "docs"]);
                for e in &t.new_entrants {
                    tb.add_row(vec![
                        e.name.clone(),
                        e.first.clone(),
                        e.documents.to_string(),
                    ]);
                }
                let _ = writeln!(s, "{tb}");
            }
        }
        if let Some((recent, earlier)) = t.emerging_windows {
            let _ = writeln!(
                s,
                "\nEmerging terms (title and abstract; documents in {}–{} against {}–{})",
                recent.0, recent.1, earlier.0, earlier.1
            );
            if t.emerging.is_empty() {
                let _ = writeln!(
                    s,
                    "none: no word is used by clearly more of the recent documents"
                );
            } else {
                let mut tb = table(["term", "recent", "earlier", "ratio"]);
                for e in &t.emerging {
                    tb.add_row(vec![
                        e.term.clone(),
                        format!("{} ({})", e.recent, pct(e.recent_share)),
                        format!("{} ({})", e.earlier, pct(e.earlier_share)),
                        if e.earlier == 0 {
                            "new".to_string()
                        } else {
                            format!("{:.1}×", e.ratio)
                        },
                    ]);
                }
                let _ = writeln!(s, "{tb}");
            }
        }
    }
    s
}

/// One CSV / JSONL row: the report in long form (one value per row), for spreadsheets.
#[derive(Serialize)]
struct Row<'a> {
    query: &'a str,
    /// `period`, `assignee`, `inventor`, `cpc`, `country`, `owner_kind`, `growth`,
    /// `new_entrant`, `emerging_term`.
    table: &'static str,
    name: String,
    /// A period label for per-period counts; empty for totals.
    period: String,
    documents: u64,
    /// Share of the result set (or growth rate for `growth`, ratio for `emerging_term`).
    value: Option<f64>,
}

fn rows(trends: &[Trend]) -> Vec<Row<'_>> {
    let mut out = Vec::new();
    for t in trends {
        let q = t.query.as_str();
        let mut push = |table, name: String, period: String, documents, value| {
            out.push(Row {
                query: q,
                table,
                name,
                period,
                documents,
                value,
            })
        };
        for (p, n) in t.periods.iter().zip(&t.counts) {
            push("period", String::new(), p.clone(), *n, None);
        }
        for d in &t.dimensions {
            for v in &d.top {
                push(
                    d.name,
                    v.name.clone(),
                    String::new(),
                    v.documents,
                    Some(v.share),
                );
                for (p, n) in t.periods.iter().zip(&v.per_period) {
                    if *n > 0 {
                        push(d.name, v.name.clone(), p.clone(), *n, None);
                    }
                }
            }
        }
        for k in &t.owner_kinds {
            push(
                "owner_kind",
                k.kind.clone(),
                String::new(),
                k.documents,
                Some(k.share),
            );
        }
        if let Some(g) = &t.growth {
            let name = format!(
                "{}-{} vs {}-{}",
                g.recent.0, g.recent.1, g.before.0, g.before.1
            );
            push("growth", name, String::new(), g.recent_documents, g.cagr);
        }
        for e in &t.new_entrants {
            push(
                "new_entrant",
                e.name.clone(),
                e.first.clone(),
                e.documents,
                None,
            );
        }
        for e in &t.emerging {
            push(
                "emerging_term",
                e.term.clone(),
                String::new(),
                e.recent,
                Some(e.ratio),
            );
        }
    }
    out
}

/// Lines of documents per period (one per query), or the first query's documents per period
/// stacked by its top values of `--stack`.
fn chart(
    path: &std::path::Path,
    trends: &[Trend],
    axis: &Axis,
    args: &TrendArgs,
) -> anyhow::Result<()> {
    use super::chart::{self, Chart, Series};
    let by = match args.by {
        ByArg::Year => "year",
        ByArg::Month => "month",
    };
    let x_label = format!("{} ({})", args.date.describe(), by);
    let y_label = format!("documents per {by}");
    match args.stack {
        None => {
            let title = if trends.len() == 1 {
                format!("Documents per {by}: {}", trends[0].query)
            } else {
                format!("Documents per {by}")
            };
            let series: Vec<Series> = trends
                .iter()
                .map(|t| Series {
                    label: t.query.clone(),
                    values: axis
                        .align(t, &t.counts)
                        .into_iter()
                        .map(|n| n as f64)
                        .collect(),
                })
                .collect();
            let c = Chart {
                title: &title,
                x_label: &x_label,
                y_label: &y_label,
                x: &axis.labels,
            };
            chart::lines(path, &c, &series)
        }
        Some(stack) => {
            let t = &trends[0];
            let dim = t.dimensions.iter().find(|d| d.name == stack.dimension());
            let top: Vec<_> = dim
                .map(|d| d.top.iter().take(8).collect())
                .unwrap_or_default();
            let mut series: Vec<Series> = top
                .iter()
                .map(|v| Series {
                    label: v.name.clone(),
                    values: axis
                        .align(t, &v.per_period)
                        .into_iter()
                        .map(|n| n as f64)
                        .collect(),
                })
                .collect();
            // The rest, so bars still add up to the documents per period. A document with two
            // top values counts in both, so "other" is floored at zero.
            let totals = axis.align(t, &t.counts);
            let other: Vec<f64> = totals
                .iter()
                .enumerate()
                .map(|(i, &n)| {
                    let stacked: f64 = series.iter().map(|s| s.values[i]).sum();
                    (n as f64 - stacked).max(0.0)
                })
                .collect();
            if other.iter().any(|&v| v > 0.0) {
                series.push(Series {
                    label: format!("other or no {}", stack.dimension()),
                    values: other,
                });
            }
            let title = format!(
                "Documents per {by} by {}: {}",
                dimension_title(stack.dimension())
                    .trim_start_matches("Top ")
                    .to_lowercase(),
                t.query
            );
            let c = Chart {
                title: &title,
                x_label: &x_label,
                y_label: &y_label,
                x: &axis.labels,
            };
            chart::stacked_bars(path, &c, &series)
        }
    }
}
