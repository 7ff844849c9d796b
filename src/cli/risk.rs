//! `patdex risk`: a freedom-to-operate screen of a product description, as a Markdown, HTML or
//! JSON report. The HTML report is the Markdown one rendered (pulldown-cmark), so the two say
//! the same.

use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;

use clap::ValueEnum;

use super::Failure;
use super::render::{html_page, md};
use crate::analysis::risk::{self, Coverage, Options, Risk, RiskError, Screened, Tier};
use crate::index::Layout;
use crate::index::reader::IndexReader;

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RiskFormat {
    /// Markdown (also readable as plain text).
    Md,
    /// A standalone HTML page.
    Html,
    Json,
}

/// The arguments of `patdex risk`.
#[derive(Debug, Clone, clap::Args)]
pub struct RiskArgs {
    /// The product or process description, plain text (`-`: standard input).
    #[arg(long, value_name = "FILE")]
    pub product: PathBuf,
    /// The day "in force" is judged on, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Only documents of this owner (spellings merged); repeat for several.
    #[arg(long, value_name = "NAME")]
    pub assignee: Vec<String>,
    /// Leave out documents of this owner, e.g. your own company; repeat for several.
    #[arg(long, value_name = "NAME")]
    pub exclude: Vec<String>,
    /// Owner names exactly as typed (no merging of spellings).
    #[arg(long)]
    pub exact: bool,
    /// Only documents with a CPC symbol under this one (H01M, H01M10/052); repeat for several.
    #[arg(long, value_name = "SYMBOL")]
    pub cpc: Vec<String>,
    /// Grants screened: the best text matches among those in force.
    #[arg(long, default_value_t = risk::DEFAULT_CANDIDATES)]
    pub candidates: usize,
    /// Published applications screened.
    #[arg(long, default_value_t = risk::DEFAULT_APPLICATIONS)]
    pub applications: usize,
    /// List low-tier documents with their element tables too (default: one line each).
    #[arg(long)]
    pub all: bool,
    #[arg(long, short, value_enum, default_value_t = RiskFormat::Md)]
    pub format: RiskFormat,
    /// Write the report to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Runs `patdex risk`.
pub(super) fn run(layout: &Layout, args: RiskArgs, out: &mut dyn Write) -> Result<u8, Failure> {
    let as_of = match &args.as_of {
        Some(d) => {
            super::prior_art::parse_date(d).map_err(|e| super::usage(format!("--as-of: {e}")))?
        }
        None => jiff::Zoned::now().date(),
    };
    let product = super::prior_art::read_input(&args.product, "the product description")?;
    let reader = IndexReader::open(layout)?;
    let opts = Options {
        assignees: args.assignee.clone(),
        exclude: args.exclude.clone(),
        exact: args.exact,
        cpc: args.cpc.clone(),
        candidates: args.candidates,
        applications: args.applications,
        ..Options::new(as_of)
    };
    let r = match risk::screen(&reader, &product, &opts) {
        Ok(r) => r,
        Err(RiskError::Index(e)) => return Err(e.into()),
        Err(e @ RiskError::OwnerNotFound { .. }) => {
            return Err(Failure {
                code: 1,
                message: e.to_string(),
                bare: false,
            });
        }
        Err(e) => return Err(super::usage(e.to_string())),
    };
    let source = args.product.display().to_string();
    let text = match args.format {
        RiskFormat::Md => markdown(&r, &source, args.all),
        RiskFormat::Html => html(&r, &source, args.all),
        RiskFormat::Json => serde_json::to_string_pretty(&r)? + "\n",
    };
    match &args.output {
        Some(path) => {
            std::fs::write(path, text).map_err(|e| Failure {
                code: 2,
                message: format!("cannot write the report to {}: {e}", path.display()),
                bare: false,
            })?;
            eprintln!("report written to {}", path.display());
        }
        None => out.write_all(text.as_bytes())?,
    }
    Ok(0)
}

fn day(d: Option<jiff::civil::Date>) -> String {
    d.map_or_else(|| "?".to_string(), |d| d.to_string())
}

/// The report as Markdown.
pub fn markdown(r: &Risk, source: &str, all: bool) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# Freedom-to-operate screen\n");
    let _ = writeln!(
        s,
        "Product description: `{}` · in force on **{}**\n",
        source.replace('`', "'"),
        r.as_of
    );
    let _ = writeln!(
        s,
        "> **Not legal advice.** A screen of claim words against the description, to decide what to read first. Maintenance status unknown; equivalents not considered. See *Limits* at the end.\n"
    );
    let _ = writeln!(s, "## Summary\n");
    let m = &r.matched;
    let count = |list: &[Screened], t: Tier| list.iter().filter(|p| p.tier == t).count();
    let _ = writeln!(
        s,
        "- Grants the product's key terms match: **{}** estimated in force (screened: {}), {} expired (not screened), {} without the dates for an estimate (not screened).",
        m.in_force,
        r.patents.len(),
        m.expired,
        m.unknown_term
    );
    let _ = writeln!(
        s,
        "- In force, by tier: **{} high**, **{} medium**, {} low.",
        count(&r.patents, Tier::High),
        count(&r.patents, Tier::Medium),
        count(&r.patents, Tier::Low)
    );
    let _ = writeln!(
        s,
        "- Applications that may still mature: {} matched (screened: {}, of which {} already granted; {} high, {} medium).",
        m.applications,
        r.applications.len() + r.matured.len(),
        r.matured.len(),
        count(&r.applications, Tier::High),
        count(&r.applications, Tier::Medium)
    );
    if !r.assignees.is_empty() {
        let _ = writeln!(s, "- Only owners: {}.", md(&r.assignees.join("; ")));
    }
    if !r.excluded.is_empty() {
        let _ = writeln!(s, "- Owners left out: {}.", md(&r.excluded.join("; ")));
    }
    if !r.cpc.is_empty() {
        let _ = writeln!(s, "- CPC scope: {}.", r.cpc.join(", "));
    }
    let terms: Vec<String> = r.key_terms.iter().map(|t| md(&t.term)).collect();
    let _ = writeln!(s, "- Key terms of the product: {}.\n", terms.join(", "));

    if !r.exposure.is_empty() {
        let _ = writeln!(s, "## Exposure by owner\n");
        let _ = writeln!(
            s,
            "| owner | high | medium | low | latest end of term (high, medium) |\n|---|---:|---:|---:|---|"
        );
        for e in &r.exposure {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} |",
                md(&e.owner),
                e.high,
                e.medium,
                e.low,
                e.runs_until.map_or("-".to_string(), |d| d.to_string())
            );
        }
        let _ = writeln!(s);
    }

    let _ = writeln!(s, "## Patents in force\n");
    section(&mut s, &r.patents, all);
    let _ = writeln!(s, "## Applications that may still mature\n");
    if !r.applications.is_empty() {
        let _ = writeln!(
            s,
            "Published claims often change before grant; an application gives no rights until it is granted.\n"
        );
    }
    section(&mut s, &r.applications, all);
    if !r.matured.is_empty() {
        let list: Vec<String> = r
            .matured
            .iter()
            .map(|m| format!("{} (granted as {})", m.application, m.grant))
            .collect();
        let _ = writeln!(
            s,
            "Already granted, so judged by the grant's claims above (or left out by the filters): {}.\n",
            list.join(", ")
        );
    }

    let _ = writeln!(s, "## How the tiers were assigned\n");
    for rule in r.rules {
        let _ = writeln!(s, "- {}", md(rule));
    }
    let _ = writeln!(s, "\n## Limits\n");
    for l in r.limits {
        let _ = writeln!(s, "- {}", md(l));
    }
    s
}

/// High and medium documents grouped by owner with their element tables; low ones (unless
/// `all`) one line each.
fn section(s: &mut String, list: &[Screened], all: bool) {
    if list.is_empty() {
        let _ = writeln!(s, "None.\n");
        return;
    }
    let detailed: Vec<&Screened> = list.iter().filter(|p| all || p.tier != Tier::Low).collect();
    let mut owners: Vec<&str> = Vec::new();
    for p in &detailed {
        if !owners.contains(&p.owner.as_str()) {
            owners.push(&p.owner);
        }
    }
    for owner in owners {
        let _ = writeln!(s, "### {}\n", md(owner));
        for p in detailed.iter().filter(|p| p.owner == owner) {
            document(s, p);
        }
    }
    let low: Vec<&Screened> = list
        .iter()
        .filter(|p| !all && p.tier == Tier::Low)
        .collect();
    if !low.is_empty() {
        let _ = writeln!(
            s,
            "### Low tier ({} documents: fewer than half the elements of any independent claim covered)\n",
            low.len()
        );
        let _ = writeln!(
            s,
            "| document | owner | title | best claim | elements covered | term ends (estimate) |\n|---|---|---|---:|---:|---|"
        );
        for p in low {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} of {} | {} |",
                p.number,
                md(&p.owner),
                md(&p.title),
                p.best_claim.number,
                p.best_claim.covered,
                p.best_claim.counted,
                day(p.term.expiry)
            );
        }
        let _ = writeln!(s);
    }
}

fn document(s: &mut String, p: &Screened) {
    let _ = writeln!(
        s,
        "#### {} · {} risk · {}\n",
        p.number,
        p.tier.as_str(),
        md(&p.title)
    );
    if p.owners.len() > 1 {
        let _ = writeln!(s, "- Owners: {}", md(&p.owners.join("; ")));
    }
    let _ = writeln!(s, "- Tier: **{}**: {}", p.tier.as_str(), p.why);
    let _ = writeln!(
        s,
        "- Term ends (estimate): **{}**, {}: {}",
        day(p.term.expiry),
        p.term.rule.as_str(),
        md(&p.term.formula)
    );
    for c in &p.term.caveats {
        let _ = writeln!(s, "  - {}", md(c));
    }
    if !p.other_claims.is_empty() {
        let others: Vec<String> = p
            .other_claims
            .iter()
            .map(|(n, k, of)| format!("claim {n}: {k} of {of}"))
            .collect();
        let _ = writeln!(
            s,
            "- Other independent claims, elements covered: {}",
            others.join("; ")
        );
    }
    let _ = writeln!(
        s,
        "\nClaim {}, element by element:\n\n| element | claim text | product words | not in the product | |\n|---|---|---|---|---|",
        p.best_claim.number
    );
    for e in &p.best_claim.elements {
        let mark = match e.coverage {
            Coverage::Covered => "**covered**",
            Coverage::Partial => "partly",
            Coverage::Missing => "missing",
            Coverage::NoWords => "not counted",
        };
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {mark} |",
            e.label,
            md(&e.text),
            md(&e.covered_by.join(", ")),
            md(&e.missing.join(", "))
        );
    }
    let _ = writeln!(s);
}

/// The report as a standalone HTML page: the Markdown report, rendered.
pub fn html(r: &Risk, source: &str, all: bool) -> String {
    html_page(
        &format!("Freedom-to-operate screen, {}", r.as_of),
        &markdown(r, source, all),
        "blockquote { border-left: 4px solid #c33; background: #fff5f5; }",
    )
}
