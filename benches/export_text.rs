//! The shared text of the engine comparison (benches/compare.sh): USPTO XML → one JSON line per
//! patent, `{"id": "US7654321B2", "contents": "..."}` (a plain program, no harness).
//!
//! ```text
//! cargo bench --bench export_text -- --out FILE.jsonl [--limit N] [--tokens] INPUTS...
//! ```
//!
//! Each input file is read whole, cut into documents with `patdex::source::Splitter` and
//! parsed with `patdex::parse::parse_document` (documents in parallel on rayon's pool, output in
//! input order). `contents` is the text patdex indexes, as its parser reads it: the title, the
//! abstract, each claim and each description block (headings and paragraphs), in that order,
//! joined with `\n` (empty parts left out). `id` is the publication number with kind, as
//! patdex's `id` field has it. Non-patent documents (`Skipped`) and parse errors are counted
//! and left out. `--limit N` stops after N patents. A publication number seen twice keeps its
//! last text (as `patdex ingest` does, which replaces a document by id), in the place of its
//! first.
//!
//! `--tokens` writes patdex's own tokens instead, for the "same work" check (Lucene indexing
//! exactly what patdex indexes, `-pretokenized`): `{"id", "title", "abstract", "claims",
//! "contents"}`, each the tokens patdex's doc mapper puts in its field of that name (`contents`
//! holds the `description` field's, because Anserini wants a non-empty `contents`), produced by
//! `index::schema::to_document` and the index analyzer, joined by single spaces. Paragraph and
//! sentence marks are tokens in patdex's fields and count in its field lengths, so they are
//! kept (as `\u0001p`, `\u0001s`): BM25 then sees the same document lengths on both sides.

use std::collections::HashMap;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::time::Instant;

use patdex::model::Patent;
use patdex::parse::{Parsed, parse_document};
use patdex::source::Splitter;
use rayon::prelude::*;

struct Args {
    out: PathBuf,
    limit: Option<usize>,
    tokens: bool,
    inputs: Vec<PathBuf>,
}

fn usage() -> ! {
    eprintln!(
        "usage: cargo bench --bench export_text -- --out FILE.jsonl [--limit N] [--tokens] INPUTS..."
    );
    std::process::exit(2);
}

fn args() -> Args {
    let mut out = None;
    let mut limit = None;
    let mut tokens = false;
    let mut inputs = Vec::new();
    let mut it = std::env::args().skip(1);
    while let Some(s) = it.next() {
        match s.as_str() {
            // cargo bench appends `--bench` to the arguments of harness-less benches.
            "--bench" => {}
            "--out" => out = Some(PathBuf::from(it.next().unwrap_or_else(|| usage()))),
            "--limit" => {
                limit = Some(
                    it.next()
                        .and_then(|v| v.parse().ok())
                        .unwrap_or_else(|| usage()),
                )
            }
            "--tokens" => tokens = true,
            "-h" | "--help" => usage(),
            _ if s.starts_with("--") => usage(),
            _ => inputs.push(PathBuf::from(s)),
        }
    }
    let Some(out) = out else { usage() };
    if inputs.is_empty() {
        usage();
    }
    Args {
        out,
        limit,
        tokens,
        inputs,
    }
}

/// Title, abstract, claims, description blocks, one per line.
fn contents(p: &Patent) -> String {
    let mut s = String::new();
    let mut push = |t: &str| {
        let t = t.trim();
        if !t.is_empty() {
            if !s.is_empty() {
                s.push('\n');
            }
            s.push_str(t);
        }
    };
    push(&p.title);
    push(&p.abstract_text);
    for c in &p.claims {
        push(&c.text);
    }
    for b in &p.description {
        push(b.text());
    }
    s
}

/// The text fields patdex searches by default and the JSON key each goes to.
const TOKEN_FIELDS: &[(&str, &str)] = &[
    ("title", "title"),
    ("abstract", "abstract"),
    ("claims", "claims"),
    ("description", "contents"),
];

/// `--tokens`: each text field's tokens as patdex indexes them.
fn token_line(id: &str, p: &Patent) -> String {
    use tantivy::schema::Value;
    let doc = patdex::index::schema::to_document(p);
    let mut analyzer = patdex::index::text::analyzer();
    let mut line = serde_json::Map::new();
    line.insert("id".into(), id.into());
    for (field, key) in TOKEN_FIELDS {
        let values: Vec<&str> = doc
            .get_all(patdex::index::schema::field(field))
            .filter_map(|v| v.as_str())
            .collect();
        let tokens = patdex::index::text::tokenize_values(&mut analyzer, &values);
        let joined: Vec<&str> = tokens.iter().map(|t| t.term.as_str()).collect();
        line.insert((*key).into(), joined.join(" ").into());
    }
    serde_json::Value::Object(line).to_string()
}

#[derive(serde::Serialize)]
struct Line<'a> {
    id: &'a str,
    contents: &'a str,
}

enum Out {
    Doc { id: String, line: String },
    Skipped,
    Error,
}

fn main() -> anyhow::Result<()> {
    let a = args();
    let t = Instant::now();
    let limit = a.limit.unwrap_or(usize::MAX);
    // Lines in output order; `index` maps an id to its line (for duplicates).
    let mut lines: Vec<String> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let (mut bytes, mut skipped, mut errors, mut duplicates) = (0u64, 0u64, 0u64, 0u64);
    'files: for path in &a.inputs {
        let file = std::fs::read(path)
            .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
        bytes += file.len() as u64;
        let pieces: Vec<Vec<u8>> = Splitter::new(file.as_slice())
            .map(|p| p.map(|p| p.bytes))
            .collect::<Result<_, _>>()?;
        drop(file);
        let outs: Vec<Out> = pieces
            .par_iter()
            .map(|b| match parse_document(b) {
                Ok(Parsed::Patent(p)) => {
                    let id = p.number.to_string();
                    if a.tokens {
                        let line = token_line(&id, &p);
                        return Out::Doc { id, line };
                    }
                    let text = contents(&p);
                    let line = serde_json::to_string(&Line {
                        id: &id,
                        contents: &text,
                    })
                    .expect("strings serialise");
                    Out::Doc { id, line }
                }
                Ok(Parsed::Skipped { .. } | Parsed::Patents(_)) => Out::Skipped,
                Err(_) => Out::Error,
            })
            .collect();
        for o in outs {
            match o {
                Out::Doc { id, line } => {
                    if let Some(&i) = index.get(&id) {
                        duplicates += 1;
                        lines[i] = line;
                    } else {
                        if lines.len() >= limit {
                            break 'files;
                        }
                        index.insert(id, lines.len());
                        lines.push(line);
                    }
                }
                Out::Skipped => skipped += 1,
                Out::Error => errors += 1,
            }
        }
    }
    if let Some(dir) = a.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut w = BufWriter::with_capacity(1 << 20, std::fs::File::create(&a.out)?);
    let mut out_bytes = 0u64;
    for l in &lines {
        w.write_all(l.as_bytes())?;
        w.write_all(b"\n")?;
        out_bytes += l.len() as u64 + 1;
    }
    w.flush()?;
    eprintln!(
        "export_text: {} documents ({} skipped, {} parse errors, {} duplicate ids replaced) from {:.1} MB of XML in {} file(s) → {} ({:.1} MB) in {:.1} s",
        lines.len(),
        skipped,
        errors,
        duplicates,
        bytes as f64 / 1e6,
        a.inputs.len(),
        a.out.display(),
        out_bytes as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );
    Ok(())
}
