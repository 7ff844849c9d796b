//! `patdex guide`: the search-strategy assistant's report, and its interactive mode.

use std::io::{BufRead, Write};

use super::Failure;
use crate::analysis::guide::{self, Guide, GuideError, Options};
use crate::classes::Classes;
use crate::index::Layout;
use crate::index::reader::IndexReader;

#[derive(Debug, clap::Args)]
pub struct GuideArgs {
    /// What you are looking for, in plain words (quote it, or write it as several words).
    #[arg(required = true)]
    pub need: Vec<String>,
    /// Related terms listed per concept.
    #[arg(long, default_value_t = 5)]
    pub related: usize,
    /// Classes suggested.
    #[arg(long, default_value_t = 5)]
    pub classes: usize,
    /// Accept or drop each suggestion (spellings, truncations, related terms, the class) and see
    /// the count change; the questions go to stderr, the answers are read from standard input,
    /// one line each (y, n, or empty for the default shown in capitals).
    #[arg(long, short)]
    pub interactive: bool,
    #[arg(long, value_enum, default_value_t = GuideFormat::Text)]
    pub format: GuideFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GuideFormat {
    Text,
    Json,
}

fn failure(e: GuideError) -> Failure {
    match e {
        GuideError::Query(q) => Failure {
            code: 2,
            message: q.render(),
            bare: true,
        },
        other => Failure::from(anyhow::Error::from(other)),
    }
}

pub(super) fn run(layout: &Layout, args: GuideArgs, out: &mut dyn Write) -> Result<u8, Failure> {
    let need = args.need.join(" ");
    let reader = IndexReader::open(layout)?;
    let classes = Classes::at(&layout.root);
    let opts = Options {
        related: args.related,
        classes: args.classes,
    };
    let mut g = guide::guide(&reader, &classes, &need, &opts).map_err(failure)?;
    if args.interactive {
        let stdin = std::io::stdin();
        let mut lines = stdin.lock().lines();
        // The conversation goes to stderr, so that stdout holds only the report (or the JSON).
        let mut err = std::io::stderr();
        interact(&reader, &classes, &mut g, &mut lines, &mut err)?;
    }
    match args.format {
        GuideFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&g)?)?,
        GuideFormat::Text => write!(out, "{}", render(&g))?,
    }
    Ok(if g.hits == 0 { 1 } else { 0 })
}

/// Asks about each suggestion in turn; after each answer the proposed query is rebuilt and its
/// count printed. End of input keeps the remaining defaults.
fn interact(
    reader: &IndexReader,
    classes: &Classes,
    g: &mut Guide,
    lines: &mut dyn Iterator<Item = std::io::Result<String>>,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    writeln!(
        out,
        "Proposed now ({} hits): {}\nAnswer y or n for each suggestion; Enter keeps the default (capital letter).\n",
        g.hits, g.query
    )?;
    let mut ask = |out: &mut dyn Write, prompt: &str, default: bool| -> std::io::Result<bool> {
        write!(out, "{prompt} [{}] ", if default { "Y/n" } else { "y/N" })?;
        out.flush()?;
        let answer = match lines.next() {
            Some(l) => l?,
            None => String::new(),
        };
        writeln!(out)?;
        Ok(match answer.trim().to_ascii_lowercase().as_str() {
            "y" | "yes" => true,
            "n" | "no" => false,
            _ => default,
        })
    };
    for ci in 0..g.concepts.len() {
        if g.concepts[ci].hits > 0 {
            let c = &g.concepts[ci];
            let prompt = format!("use the concept {} ({} hits)?", c.label, c.hits);
            let keep = ask(out, &prompt, !c.dropped)?;
            g.concepts[ci].dropped = !keep;
            guide::assemble(reader, classes, g).map_err(failure)?;
            writeln!(out, "  → {} hits: {}", g.hits, g.query)?;
            if !keep {
                continue;
            }
        }
        for si in 0..g.concepts[ci].suggestions.len() {
            let (prompt, default) = {
                let c = &g.concepts[ci];
                let s = &c.suggestions[si];
                (
                    format!(
                        "{}: {} {} ({} hits alone; {} with the concept) — {}?",
                        c.label, s.kind, s.text, s.hits, s.with_concept, s.why
                    ),
                    s.accepted,
                )
            };
            let yes = ask(out, &prompt, default)?;
            g.concepts[ci].suggestions[si].accepted = yes;
            guide::assemble(reader, classes, g).map_err(failure)?;
            writeln!(out, "  → {} hits: {}", g.hits, g.query)?;
        }
    }
    for hi in 0..g.classes.len() {
        let prompt = {
            let h = &g.classes[hi];
            format!(
                "restrict to {}{} ({} of {} hits are in it)?",
                h.clause,
                h.title
                    .as_ref()
                    .map(|t| format!(" — {t}"))
                    .unwrap_or_default(),
                h.in_hits,
                h.hits
            )
        };
        let yes = ask(out, &prompt, false)?;
        if yes {
            for h in g.classes.iter_mut() {
                h.accepted = false;
            }
            g.classes[hi].accepted = true;
            guide::assemble(reader, classes, g).map_err(failure)?;
            writeln!(out, "  → {} hits: {}", g.hits, g.query)?;
            break;
        }
    }
    writeln!(out)?;
    Ok(())
}

/// The report as text.
pub fn render(g: &Guide) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "Need: {}\nIndex: {} documents\n\nConcepts (words of the need, and pairs this index uses as phrases):",
        g.need, g.documents
    );
    for (i, c) in g.concepts.iter().enumerate() {
        let _ = writeln!(
            s,
            "{:>2}. {}: {} hits{}",
            i + 1,
            c.query(),
            c.hits,
            if c.dropped { " (left out)" } else { "" }
        );
        for sug in &c.suggestions {
            let _ = writeln!(
                s,
                "    {} {:<10} {} ({} hits; {} with the concept): {}",
                if sug.accepted { "+" } else { "?" },
                sug.kind,
                sug.text,
                sug.hits,
                sug.with_concept,
                sug.why
            );
        }
        for w in &c.warnings {
            let _ = writeln!(s, "    ! {w}");
        }
    }
    let _ = writeln!(
        s,
        "    (+ used in the query, ? offered: `patdex guide --interactive` to choose)"
    );
    if !g.classes.is_empty() {
        let hits = g.classes[0].hits;
        let _ = writeln!(
            s,
            "\nClasses over-represented among the {hits} documents of the concepts:"
        );
        for h in &g.classes {
            let _ = writeln!(
                s,
                "  {:<22} {:>4} of {hits} hits, {:>5} in the index, {:>5.1}× {}",
                h.clause,
                h.in_hits,
                h.in_index,
                h.lift,
                h.title.as_deref().unwrap_or("")
            );
        }
        if g.classes.iter().all(|h| h.title.is_none()) {
            let _ = writeln!(
                s,
                "  (titles appear once a scheme is imported: `patdex classes import FILE`)"
            );
        }
    }
    let _ = writeln!(s, "\nSteps, broad to narrow:");
    for (i, st) in g.steps.iter().enumerate() {
        let _ = writeln!(
            s,
            "  {}{:<3} {:>6}  {}\n        {}",
            if st.optional { "opt" } else { "#" },
            if st.optional {
                String::new()
            } else {
                (i + 1).to_string()
            },
            st.hits,
            st.query,
            st.why
        );
    }
    let _ = writeln!(s, "\nProposed query ({} hits):\n  {}", g.hits, g.query);
    for e in &g.elsewhere {
        let name = match e.system.as_str() {
            "espacenet" => "Espacenet",
            "ppubs" => "USPTO Patent Public Search",
            other => other,
        };
        let _ = writeln!(s, "\n{name}:\n  {}", e.query);
        for l in &e.lost {
            let _ = writeln!(s, "  lost: {l}");
        }
    }
    if !g.query.is_empty() {
        let _ = writeln!(
            s,
            "\nNext: patdex search '{}'   (patdex explain shows every clause's count)",
            g.query.replace('\'', "'\\''")
        );
    }
    s
}
