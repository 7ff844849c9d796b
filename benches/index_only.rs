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
//! 2. an `IndexWriter` with `N` indexing threads (default 2), the memory budget and the merge
//!    thread count `patdex ingest` uses (64 MB per thread, 1 merge thread; see
//!    src/index/ingest.rs),
//! 3. `add_document` for every document (with `--upsert` also the `delete_term(id)` before each
//!    add, as ingest does),
//! 4. the final `commit()` and `wait_merging_threads()` (ingest waits for merges too).
//!
//! `--drop FIELD,...` leaves those fields' values out of every document (an experiment: what
//! does e.g. the stored JSON `doc` field or the `description` cost tantivy?).
//!
//! `--budget-mb MB` changes the per-thread memory budget (another experiment).
//!
//! Reports docs/s and MB/s of the original XML (file bytes), the time to commit, and the index
//! size on disk. Output: a table, and one `JSON ` line per run set.

#[path = "util/mod.rs"]
mod util;
use util::{cpu_secs, median};

use std::path::{Path, PathBuf};
use std::time::Instant;

use patdex::index::{Layout, schema};
use patdex::parse::{Parsed, parse_document};
use patdex::source::Splitter;
use tantivy::{IndexWriter, TantivyDocument, Term};

/// The writer settings `patdex ingest` uses.
use patdex::index::ingest::{MERGE_THREADS, WRITER_MEMORY_PER_THREAD as BUDGET_PER_THREAD};

struct Args {
    threads: usize,
    runs: usize,
    upsert: bool,
    label: String,
    keep: Option<PathBuf>,
    drop: Vec<String>,
    budget: usize,
    merge_threads: usize,
    files: Vec<PathBuf>,
}

fn usage() -> ! {
    eprintln!(
        "usage: cargo bench --bench index_only -- [--threads N] [--runs N] [--upsert] [--drop FIELD,...] [--budget-mb MB_PER_THREAD] [--merge-threads N] [--label NAME] [--keep DIR] FILES..."
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
        drop: Vec::new(),
        budget: BUDGET_PER_THREAD,
        merge_threads: MERGE_THREADS,
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
            "--drop" => {
                a.drop = it
                    .next()
                    .unwrap_or_else(|| usage())
                    .split(',')
                    .map(str::to_string)
                    .collect()
            }
            "--budget-mb" => {
                a.budget = it
                    .next()
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or_else(|| usage())
                    * 1_000_000
            }
            "--merge-threads" => {
                a.merge_threads = it
                    .next()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or_else(|| usage())
            }
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

struct Run {
    total_s: f64,
    cpu_s: f64,
    commit_s: f64,
    index_bytes: u64,
}

fn one_run(a: &Args, docs: Vec<(String, TantivyDocument)>, root: &Path) -> anyhow::Result<Run> {
    let id_field = schema::field("id");
    let c0 = cpu_secs();
    let t = Instant::now();
    let layout = Layout::new(root);
    let index = layout.open_or_create()?;
    let options = tantivy::indexer::IndexWriterOptions::builder()
        .num_worker_threads(a.threads)
        .memory_budget_per_thread(a.budget)
        .num_merge_threads(a.merge_threads)
        .build();
    let mut writer: IndexWriter<TantivyDocument> = index.writer_with_options(options)?;
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
    let cpu_s = cpu_secs() - c0;
    let segments = index.searchable_segment_ids()?.len();
    eprintln!("    {segments} segment(s) after commit and merges");
    Ok(Run {
        total_s,
        cpu_s,
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
    let dropped: Vec<tantivy::schema::Field> = a.drop.iter().map(|n| schema::field(n)).collect();
    let strip = |doc: TantivyDocument| -> TantivyDocument {
        if dropped.is_empty() {
            return doc;
        }
        let mut out = TantivyDocument::default();
        for (f, v) in doc.field_values() {
            if !dropped.contains(&f) {
                out.add_field_value(f, v);
            }
        }
        out
    };
    for path in &a.files {
        let file = std::fs::read(path)?;
        bytes += file.len() as u64;
        for piece in Splitter::new(file.as_slice()) {
            let piece = piece?;
            match parse_document(&piece.bytes) {
                Ok(parsed @ (Parsed::Patent(_) | Parsed::Patents(_))) => {
                    for p in parsed.into_patents() {
                        docs.push((p.number.to_string(), strip(schema::to_document(&p))))
                    }
                }
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
            "  run {}: {:.2} s ({:.2} s to commit, {:.1} CPU s), index {:.1} MB",
            i + 1,
            r.total_s,
            r.commit_s,
            r.cpu_s,
            r.index_bytes as f64 / 1e6
        );
        if let Some(keep) = a.keep.as_ref().filter(|_| i + 1 == a.runs) {
            let _ = std::fs::remove_dir_all(keep);
            std::fs::create_dir_all(keep.parent().unwrap_or(Path::new(".")))?;
            let kept = tmp.keep();
            if std::fs::rename(&kept, keep).is_err() {
                // Different filesystems: leave it where it is and say so.
                eprintln!("  index kept in {}", kept.display());
            }
        }
        runs.push(r);
    }

    let totals: Vec<f64> = runs.iter().map(|r| r.total_s).collect();
    let commits: Vec<f64> = runs.iter().map(|r| r.commit_s).collect();
    let m = median(&totals);
    let n = docs.len() as f64;
    let index_bytes = runs.last().map_or(0, |r| r.index_bytes);
    let mut impl_name = String::from(if a.upsert {
        "tantivy-upsert"
    } else {
        "tantivy"
    });
    if !a.drop.is_empty() {
        impl_name.push_str(&format!("-without-{}", a.drop.join("+")));
    }
    if a.merge_threads != MERGE_THREADS {
        impl_name.push_str(&format!("-merge-threads-{}", a.merge_threads));
    }
    if a.budget != BUDGET_PER_THREAD {
        impl_name.push_str(&format!("-budget-{}MB", a.budget / 1_000_000));
    }
    println!(
        "{:<28} {:>7} {:>9} {:>9} {:>9} {:>10} {:>12}",
        "impl", "threads", "median s", "MB/s", "docs/s", "commit s", "index/XML"
    );
    println!(
        "{:<28} {:>7} {:>9.2} {:>9.1} {:>9.0} {:>10.2} {:>12.3}",
        impl_name,
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
        "impl": impl_name,
        "dropped_fields": a.drop,
        "threads": a.threads,
        "memory_budget": a.threads * a.budget,
        "merge_threads": a.merge_threads,
        "runs": runs.len(),
        "bytes": bytes,
        "docs": docs.len(),
        "median_s": m,
        "all_s": totals,
        "commit_median_s": median(&commits),
        "mb_s": bytes as f64 / 1e6 / m,
        "docs_s": n / m,
        "index_bytes": index_bytes,
        "cpu_s": median(&runs.iter().map(|r| r.cpu_s).collect::<Vec<_>>()),
        "mb_per_cpu_s": bytes as f64 / 1e6 / median(&runs.iter().map(|r| r.cpu_s).collect::<Vec<_>>()).max(1e-9),
    });
    println!("JSON {json}");
    Ok(())
}
