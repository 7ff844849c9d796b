//! "What tantivy alone needs": the indexing yardstick for end-to-end ingest (a plain program).
//!
//! ```text
//! cargo bench --bench index_only -- [--threads N] [--runs N] [--upsert] [--label NAME] FILES...
//! ```
//!
//! All documents are split, parsed and turned into `TantivyDocument`s first (untimed, with
//! patdex's own `parse_document` + `schema::to_document`). Each run then clones them (untimed)
//! and times only:
//!
//! 1. creating a fresh index in a temp dir (`index::Layout::open_or_create`, same schema and
//!    directory type as `patdex ingest`),
//! 2. an `IndexWriter` with `N` indexing threads (default 2) and the memory budget
//!    `patdex ingest` uses (`threads * 64_000_000` bytes, see src/index/ingest.rs),
//! 3. `add_document` for every document (with `--upsert` also the `delete_term(id)` before each
//!    add, as ingest does),
//! 4. the final `commit()` and `wait_merging_threads()` (ingest waits for merges too).
//!
//! Reports docs/s and MB/s of the original XML (file bytes), the time to commit, and the index
//! size on disk. Output: a table, and one `JSON ` line per run set.

use std::path::{Path, PathBuf};
use std::time::Instant;

use patdex::index::{Layout, schema};
use patdex::parse::{Parsed, parse_document};
use patdex::source::Splitter;
use tantivy::{IndexWriter, TantivyDocument, Term};

/// Same budget per indexing thread as `index::ingest::ingest`.
const BUDGET_PER_THREAD: usize = 64_000_000;

struct Args {
    threads: usize,
    runs: usize,
    upsert: bool,
    label: String,
    keep: Option<PathBuf>,
    files: Vec<PathBuf>,
}

fn usage() -> ! {
    eprintln!(
        "usage: cargo bench --bench index_only -- [--threads N] [--runs N] [--upsert] [--label NAME] [--keep DIR] FILES..."
    );
    std::process::exit(2);
}

fn args() -> Args {
    let mut a = Args {
        threads: 2,
        runs: 1,
        upsert: false,
        label: String::new(),
        keep: None,
        files: Vec::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(s) = it.next() {
        match s.as_str() {
            "--bench" => {}
            "--threads" => {
                a.threads = it
                    .next()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or_else(|| usage())
            }
            "--runs" => {
                a.runs = it
                    .next()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or_else(|| usage())
            }
            "--upsert" => a.upsert = true,
            "--label" => a.label = it.next().unwrap_or_else(|| usage()),
            "--keep" => a.keep = Some(PathBuf::from(it.next().unwrap_or_else(|| usage()))),
            "-h" | "--help" => usage(),
            _ if s.starts_with("--") => usage(),
            _ => a.files.push(PathBuf::from(s)),
        }
    }
    if a.files.is_empty() || a.runs == 0 || a.threads == 0 {
        usage();
    }
    a
}

fn dir_size(p: &Path) -> u64 {
    let mut n = 0;
    if let Ok(rd) = std::fs::read_dir(p) {
        for e in rd.flatten() {
            let Ok(m) = e.metadata() else { continue };
            if m.is_dir() {
                n += dir_size(&e.path());
            } else {
                n += m.len();
            }
        }
    }
    n
}

fn median(v: &[f64]) -> f64 {
    let mut s = v.to_vec();
    s.sort_by(|a, b| a.total_cmp(b));
    let n = s.len();
    if n % 2 == 1 {
        s[n / 2]
    } else {
        (s[n / 2 - 1] + s[n / 2]) / 2.0
    }
}

struct Run {
    total_s: f64,
    commit_s: f64,
    index_bytes: u64,
}

fn one_run(a: &Args, docs: Vec<(String, TantivyDocument)>, root: &Path) -> anyhow::Result<Run> {
    let id_field = schema::field("id");
    let t = Instant::now();
    let layout = Layout::new(root);
    let index = layout.open_or_create()?;
    let mut writer: IndexWriter<TantivyDocument> =
        index.writer_with_num_threads(a.threads, a.threads * BUDGET_PER_THREAD)?;
    for (key, doc) in docs {
        if a.upsert {
            writer.delete_term(Term::from_field_text(id_field, &key));
        }
        writer.add_document(doc)?;
    }
    writer.commit()?;
    let commit_s = t.elapsed().as_secs_f64();
    writer.wait_merging_threads()?;
    let total_s = t.elapsed().as_secs_f64();
    Ok(Run {
        total_s,
        commit_s,
        index_bytes: dir_size(&layout.tantivy),
    })
}

fn main() -> anyhow::Result<()> {
    let a = args();
    let t = Instant::now();
    let mut bytes = 0u64;
    let mut docs: Vec<(String, TantivyDocument)> = Vec::new();
    let (mut skipped, mut errors) = (0u64, 0u64);
    for path in &a.files {
        let file = std::fs::read(path)?;
        bytes += file.len() as u64;
        for piece in Splitter::new(file.as_slice()) {
            let piece = piece?;
            match parse_document(&piece.bytes) {
                Ok(Parsed::Patent(p)) => docs.push((p.number.to_string(), schema::to_document(&p))),
                Ok(Parsed::Skipped { .. }) => skipped += 1,
                Err(_) => errors += 1,
            }
        }
    }
    eprintln!(
        "index_only: {} documents ({} skipped, {} errors) from {:.1} MB of XML prepared in {:.1} s (untimed); {} run(s), {} thread(s){}",
        docs.len(),
        skipped,
        errors,
        bytes as f64 / 1e6,
        t.elapsed().as_secs_f64(),
        a.runs,
        a.threads,
        if a.upsert { ", upsert" } else { "" }
    );

    let base = std::env::var_os("PATDEX_BENCH_TMP")
        .map(PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    let mut runs = Vec::new();
    for i in 0..a.runs {
        let batch = docs.clone();
        let tmp = tempfile::Builder::new()
            .prefix("patdex-index-only-")
            .tempdir_in(&base)?;
        let r = one_run(&a, batch, tmp.path())?;
        eprintln!(
            "  run {}: {:.2} s ({:.2} s to commit), index {:.1} MB",
            i + 1,
            r.total_s,
            r.commit_s,
            r.index_bytes as f64 / 1e6
        );
        if i + 1 == a.runs {
            if let Some(keep) = &a.keep {
                let _ = std::fs::remove_dir_all(keep);
                std::fs::create_dir_all(keep.parent().unwrap_or(Path::new(".")))?;
                let kept = tmp.keep();
                std::fs::rename(&kept, keep).or_else(|_| {
                    // Different filesystems: leave it where it is and say so.
                    eprintln!("  index kept in {}", kept.display());
                    Ok::<(), std::io::Error>(())
                })?;
            }
        }
        runs.push(r);
    }

    let totals: Vec<f64> = runs.iter().map(|r| r.total_s).collect();
    let commits: Vec<f64> = runs.iter().map(|r| r.commit_s).collect();
    let m = median(&totals);
    let n = docs.len() as f64;
    let index_bytes = runs.last().map_or(0, |r| r.index_bytes);
    println!(
        "{:<12} {:>7} {:>9} {:>9} {:>9} {:>10} {:>12}",
        "impl", "threads", "median s", "MB/s", "docs/s", "commit s", "index/XML"
    );
    println!(
        "{:<12} {:>7} {:>9.2} {:>9.1} {:>9.0} {:>10.2} {:>12.3}",
        if a.upsert { "tantivy+del" } else { "tantivy" },
        a.threads,
        m,
        bytes as f64 / 1e6 / m,
        n / m,
        median(&commits),
        index_bytes as f64 / bytes as f64
    );
    let json = serde_json::json!({
        "bench": "index_only",
        "corpus": a.label,
        "impl": if a.upsert { "tantivy-upsert" } else { "tantivy" },
        "threads": a.threads,
        "memory_budget": a.threads * BUDGET_PER_THREAD,
        "runs": runs.len(),
        "bytes": bytes,
        "docs": docs.len(),
        "median_s": m,
        "all_s": totals,
        "commit_median_s": median(&commits),
        "mb_s": bytes as f64 / 1e6 / m,
        "docs_s": n / m,
        "index_bytes": index_bytes,
    });
    println!("JSON {json}");
    Ok(())
}
