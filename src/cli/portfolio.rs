//! `patdex portfolio`: one owner's documents, as tables, JSON, CSV and a chart.

use std::io::Write;
use std::path::PathBuf;

use super::render::table;
use clap::ValueEnum;
use serde::Serialize;

use super::trend::DateArg;
use super::{Failure, Format};
use crate::analysis::portfolio::{self, Options, Portfolio, PortfolioError};
use crate::index::Layout;
use crate::index::reader::IndexReader;

/// What the portfolio chart stacks its bars by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PortfolioStack {
    Cpc,
    Kind,
}

/// The arguments of `patdex portfolio`.
pub struct PortfolioArgs {
    pub name: String,
    pub exact: bool,
    pub date: DateArg,
    pub top: usize,
    /// `YYYY-MM-DD` to estimate the status on (default: today).
    pub on: Option<String>,
    pub format: Format,
    pub chart: Option<PathBuf>,
    pub stack: PortfolioStack,
}

pub(super) fn run(
    layout: &Layout,
    args: PortfolioArgs,
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    let today = match &args.on {
        Some(d) => super::prior_art::parse_date(d).map_err(|e| Failure {
            code: 2,
            message: format!("--on: {e}"),
            bare: false,
        })?,
        None => jiff::Zoned::now().date(),
    };
    let reader = IndexReader::open(layout)?;
    let opts = Options {
        date: args.date.field(),
        top: args.top,
        exact: args.exact,
        today,
    };
    let p = match portfolio::portfolio(&reader, &args.name, &opts) {
        Ok(p) => p,
        Err(e @ PortfolioError::NotFound { .. }) => {
            return Err(Failure {
                code: 1,
                message: e.to_string(),
                bare: false,
            });
        }
        Err(PortfolioError::Index(e)) => return Err(e.into()),
    };
    match args.format {
        Format::Table => write!(out, "{}", render(&p))?,
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&p)?)?,
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            for r in rows(&p) {
                w.serialize(r)?;
            }
            w.flush()?;
        }
        Format::Jsonl => {
            for r in rows(&p) {
                writeln!(out, "{}", serde_json::to_string(&r)?)?;
            }
        }
    }
    if let Some(path) = &args.chart {
        chart(path, &p, args.stack)?;
        eprintln!("chart written to {}", path.display());
    }
    Ok(0)
}

fn render(p: &Portfolio) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let _ = writeln!(s, "Portfolio of {}: {} documents", p.name, p.documents);
    if p.spellings.len() > 1 || p.matched_by == "words" {
        let how = match p.matched_by {
            "words" => "no owner has exactly that name; owners whose name has all its words",
            _ => "spellings merged (--exact keeps them apart)",
        };
        let _ = writeln!(s, "{how}:");
        for (name, n) in &p.spellings {
            let _ = writeln!(s, "  {name} ({n})");
        }
    }
    let mut years = table(["year", "documents"]);
    for (y, n) in p.periods.iter().zip(&p.counts) {
        years.add_row(vec![y.clone(), n.to_string()]);
    }
    let _ = writeln!(s, "\nDocuments per year ({})\n{years}", p.date);
    if p.undated > 0 {
        let _ = writeln!(s, "{} documents have no such date.", p.undated);
    }
    for d in [&p.cpc, &p.kinds] {
        let title = if d.name == "cpc" {
            "CPC subclasses"
        } else {
            "Kind codes"
        };
        let mut t = table([d.name, "docs", "share", "first", "last"]);
        for v in &d.top {
            t.add_row(vec![
                v.name.clone(),
                v.documents.to_string(),
                format!("{:.1} %", v.share * 100.0),
                v.first.clone().unwrap_or_default(),
                v.last.clone().unwrap_or_default(),
            ]);
        }
        let _ = writeln!(s, "\n{title} ({} distinct)\n{t}", d.distinct);
    }
    let mut st = table(["estimated status", "documents"]);
    for c in &p.status {
        st.add_row(vec![c.label.to_string(), c.documents.to_string()]);
    }
    let _ = writeln!(s, "\nStatus on {}\n{st}", p.status_on);
    let _ = writeln!(
        s,
        "From the statutory term (20 years from filing plus printed adjustments; designs 14/15 years from grant). Maintenance fees and terminal disclaimers are not checked: \"in force\" is an upper bound."
    );
    if !p.expiring.is_empty() {
        let list: Vec<String> = p
            .expiring
            .iter()
            .map(|(y, n)| format!("{y}: {n}"))
            .collect();
        let _ = writeln!(s, "Terms ending, by year: {}", list.join(" · "));
    }
    if !p.most_cited.is_empty() {
        let mut t = table(["number", "date", "citing", "by others", "title"]);
        for c in &p.most_cited {
            t.add_row(vec![
                c.number.clone(),
                c.date.clone(),
                c.citing.to_string(),
                c.citing_others.to_string(),
                c.title.clone(),
            ]);
        }
        let _ = writeln!(s, "\nMost cited (documents of this index citing them)\n{t}");
    } else {
        let _ = writeln!(s, "\nNo document of this index cites these documents.");
    }
    if !p.co_assignees.top.is_empty() {
        let mut t = table(["co-assignee", "shared docs"]);
        for v in &p.co_assignees.top {
            t.add_row(vec![v.name.clone(), v.documents.to_string()]);
        }
        let _ = writeln!(s, "\nCo-assignees\n{t}");
    }
    s
}

/// One CSV / JSONL row (long form).
#[derive(Serialize)]
struct Row<'a> {
    owner: &'a str,
    /// `spelling`, `year`, `cpc`, `kind`, `status`, `expiring`, `most_cited`, `co_assignee`.
    table: &'static str,
    name: String,
    documents: u64,
    /// For `most_cited`: the citing documents owned by others.
    other: Option<u64>,
}

fn rows(p: &Portfolio) -> Vec<Row<'_>> {
    let owner = p.name.as_str();
    let mut out = Vec::new();
    let mut push = |table, name: String, documents, other| {
        out.push(Row {
            owner,
            table,
            name,
            documents,
            other,
        })
    };
    for (s, n) in &p.spellings {
        push("spelling", s.clone(), *n, None);
    }
    for (y, n) in p.periods.iter().zip(&p.counts) {
        push("year", y.clone(), *n, None);
    }
    for v in &p.cpc.top {
        push("cpc", v.name.clone(), v.documents, None);
    }
    for v in &p.kinds.top {
        push("kind", v.name.clone(), v.documents, None);
    }
    for c in &p.status {
        push("status", c.label.to_string(), c.documents, None);
    }
    for (y, n) in &p.expiring {
        push("expiring", y.to_string(), *n, None);
    }
    for c in &p.most_cited {
        push(
            "most_cited",
            c.number.clone(),
            c.citing,
            Some(c.citing_others),
        );
    }
    for v in &p.co_assignees.top {
        push("co_assignee", v.name.clone(), v.documents, None);
    }
    out
}

/// Documents per year, stacked by CPC subclass or kind code.
fn chart(path: &std::path::Path, p: &Portfolio, stack: PortfolioStack) -> anyhow::Result<()> {
    use super::chart::{self, Chart, Series};
    let d = match stack {
        PortfolioStack::Cpc => &p.cpc,
        PortfolioStack::Kind => &p.kinds,
    };
    let mut series: Vec<Series> = d
        .top
        .iter()
        .take(8)
        .map(|v| Series {
            label: v.name.clone(),
            values: v.per_period.iter().map(|&n| n as f64).collect(),
        })
        .collect();
    if stack == PortfolioStack::Cpc {
        // Documents have several subclasses: bars count classifications, not documents, and
        // the title says so.
        let other: Vec<f64> = p
            .counts
            .iter()
            .enumerate()
            .map(|(i, &n)| (n as f64 - series.iter().map(|s| s.values[i]).sum::<f64>()).max(0.0))
            .collect();
        if other.iter().any(|&v| v > 0.0) {
            series.push(Series {
                label: "other or none".into(),
                values: other,
            });
        }
    }
    let title = match stack {
        PortfolioStack::Cpc => format!(
            "{}: documents per year by CPC subclass (a document counts in each of its subclasses)",
            p.name
        ),
        PortfolioStack::Kind => format!("{}: documents per year by kind code", p.name),
    };
    let y_label = match stack {
        PortfolioStack::Cpc => "documents per subclass and year",
        PortfolioStack::Kind => "documents per year",
    };
    let x_label = format!("year ({})", p.date);
    let c = Chart {
        title: &title,
        x_label: &x_label,
        y_label,
        x: &p.periods,
    };
    chart::stacked_bars(path, &c, &series)
}
