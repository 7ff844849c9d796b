//! `patdex translate`: a query from patdex into Espacenet or Patent Public Search (PPUBS)
//! syntax, or from those into patdex, with every part the other side cannot say listed under
//! it. The translation itself is `crate::query::translate`; this is only its output.

use std::io::Write;

use crate::classes::Classes;
use crate::query::plan::Hierarchy;
use crate::query::translate::{System, translate_with};

/// Translates `query` and prints it: the translated query on the first line, then one
/// `lost: <source part> — <reason>` line per part the target cannot express; with `json`, one
/// object `{from, to, query, losses: [{source, start, end, reason}]}` (`start`/`end` are byte
/// offsets into `query`).
///
/// Returns the exit code (0). A query that cannot be read comes back as an `Err` holding the
/// [`QueryError`](crate::query::QueryError), so the caller prints its rendering (message, caret
/// line, hint) and exits 2, as `search` does for a bad query. A pair without patdex on either
/// side is an error too: losses are located in the source text, and a two-step translation
/// would locate them in the middle one.
pub fn run(
    query: &str,
    from: System,
    to: System,
    json: bool,
    classes: &Classes,
    out: &mut dyn Write,
) -> anyhow::Result<i32> {
    if from != System::Patdex && to != System::Patdex {
        anyhow::bail!(
            "translate from or to patdex: {from} → {to} is two steps, {from} → patdex, then patdex → {to}"
        );
    }
    // `cpc:CODE/low` for PPUBS, which has no such operator, becomes the list of codes below
    // CODE when the index folder holds a scheme with levels.
    let low = |field: &str, code: &str| classes.below(field, code).ok();
    let t = translate_with(query, from, to, &low)?;
    if json {
        let losses: Vec<serde_json::Value> = t
            .losses
            .iter()
            .map(|l| {
                serde_json::json!({
                    "source": l.source,
                    "start": l.loc.start,
                    "end": l.loc.end,
                    "reason": l.reason,
                })
            })
            .collect();
        let doc = serde_json::json!({
            "from": from.to_string(),
            "to": to.to_string(),
            "query": t.query,
            "losses": losses,
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
    } else {
        writeln!(out, "{}", t.query)?;
        for l in &t.losses {
            writeln!(out, "lost: {} — {}", l.source, l.reason)?;
        }
    }
    Ok(0)
}
