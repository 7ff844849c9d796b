//! Single-thread parse-only throughput (a plain program, no harness).
//!
//! ```text
//! cargo bench --bench parse -- [--runs N] [--warmup N] [--label NAME] [--only a,b] FILES...
//! ```
//!
//! All files are read into memory first (untimed). Then, on one thread, each measurement gets
//! `--warmup` untimed passes (default 1) and `--runs` timed ones (default 5); the median is
//! reported:
//!
//! * `split`          – `patdex::source::Splitter` over the in-memory bytes (cut + copy each doc).
//! * `quick-xml`      – the floor: documents cut at `<?xml` (zero-copy memmem scan), then
//!   quick-xml's raw event scan (`Reader::from_reader(bytes)`, default config, events read
//!   to `Eof`) over each document. Nothing that parses with quick-xml can be faster.
//! * `patdex-parse`   – `Splitter` + `parse::parse_document` for every document.
//! * `patdex-parse+doc` – the same plus `index::schema::to_document` for every patent (what
//!   the ingest parse pool does per document).
//!
//! Output: a table on stdout, and one JSON line per measurement (prefixed `JSON `) for scripts.
//! MB are 10^6 bytes of XML as read from the files.

#[path = "util/mod.rs"]
mod util;
use util::{cpu_secs, median};

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use memchr::memmem;
use patdex::index::schema;
use patdex::parse::{Parsed, parse_document};
use patdex::source::Splitter;
use quick_xml::Reader;
use quick_xml::events::Event;

struct Args {
    runs: usize,
    warmup: usize,
    label: String,
    only: Option<Vec<String>>,
    files: Vec<PathBuf>,
}

fn usage() -> ! {
    eprintln!(
        "usage: cargo bench --bench parse -- [--runs N] [--warmup N] [--label NAME] [--only split,quick-xml,patdex-parse,patdex-parse+doc] FILES..."
    );
    std::process::exit(2);
}

fn args() -> Args {
    let mut a = Args {
        runs: 5,
        warmup: 1,
        label: String::new(),
        only: None,
        files: Vec::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(s) = it.next() {
        match s.as_str() {
            // cargo bench appends `--bench` to the arguments of harness-less benches.
            "--bench" => {}
            "--runs" => {
                a.runs = it
                    .next()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or_else(|| usage())
            }
            "--warmup" => {
                a.warmup = it
                    .next()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or_else(|| usage())
            }
            "--label" => a.label = it.next().unwrap_or_else(|| usage()),
            "--only" => {
                a.only = Some(
                    it.next()
                        .unwrap_or_else(|| usage())
                        .split(',')
                        .map(str::to_string)
                        .collect(),
                )
            }
            "-h" | "--help" => usage(),
            _ if s.starts_with("--") => usage(),
            _ => a.files.push(PathBuf::from(s)),
        }
    }
    if a.files.is_empty() || a.runs == 0 {
        usage();
    }
    a
}

/// What one pass over the corpus counted (to check passes agree and keep the work alive).
#[derive(Default, Debug, Clone, Copy, PartialEq, Eq)]
struct Count {
    docs: u64,
    patents: u64,
    skipped: u64,
    errors: u64,
    /// Events (floor), or a checksum of field counts (parse), never inspected by a human.
    work: u64,
}

/// Zero-copy split at `<?xml` declarations (the floor's own, cheap splitter; the same boundary
/// rule as `source::Splitter`).
fn split_slices<'a>(file: &'a [u8], out: &mut Vec<&'a [u8]>) {
    let finder = memmem::Finder::new(b"<?xml");
    // A declaration, not `<?xml-stylesheet` (CNIPA documents carry one after the declaration).
    let mut starts: Vec<usize> = finder
        .find_iter(file)
        .filter(|&s| {
            file.get(s + 5)
                .is_some_and(|b| b.is_ascii_whitespace() || *b == b'?')
        })
        .collect();
    let bom = if file.starts_with(b"\xef\xbb\xbf") {
        3
    } else {
        0
    };
    if starts
        .first()
        .is_none_or(|&s| file[bom.min(s)..s].iter().any(|b| !b.is_ascii_whitespace()))
    {
        starts.insert(0, 0);
    }
    for (i, &s) in starts.iter().enumerate() {
        let e = starts.get(i + 1).copied().unwrap_or(file.len());
        if file[s..e].iter().any(|b| !b.is_ascii_whitespace()) {
            out.push(&file[s..e]);
        }
    }
}

fn floor(files: &[Vec<u8>]) -> Count {
    let mut c = Count::default();
    let mut docs = Vec::new();
    for f in files {
        docs.clear();
        split_slices(f, &mut docs);
        for d in &docs {
            c.docs += 1;
            let mut r = Reader::from_reader(*d);
            loop {
                match r.read_event() {
                    Ok(Event::Eof) => break,
                    Ok(ev) => {
                        black_box(&ev);
                        c.work += 1;
                    }
                    Err(_) => {
                        c.errors += 1;
                        break;
                    }
                }
            }
        }
    }
    c
}

fn split_only(files: &[Vec<u8>]) -> Count {
    let mut c = Count::default();
    for f in files {
        for piece in Splitter::new(f.as_slice()) {
            let piece = piece.expect("in-memory read cannot fail");
            c.docs += 1;
            c.work = c.work.wrapping_add(piece.bytes.len() as u64);
            black_box(&piece.bytes);
        }
    }
    c
}

fn parse(files: &[Vec<u8>], with_doc: bool) -> Count {
    let mut c = Count::default();
    for f in files {
        for piece in Splitter::new(f.as_slice()) {
            let piece = piece.expect("in-memory read cannot fail");
            c.docs += 1;
            match parse_document(&piece.bytes) {
                Ok(parsed @ (Parsed::Patent(_) | Parsed::Patents(_))) => {
                    for p in parsed.into_patents() {
                        c.patents += 1;
                        c.work = c.work.wrapping_add(
                            (p.claims.len() + p.description.len() + p.citations.len()) as u64,
                        );
                        if with_doc {
                            let doc = schema::to_document(&p);
                            black_box(&doc);
                        }
                        black_box(&p);
                    }
                }
                Ok(Parsed::Skipped { .. }) => c.skipped += 1,
                Err(_) => c.errors += 1,
            }
        }
    }
    c
}

struct Row {
    name: &'static str,
    count: Count,
    secs: Vec<f64>,
    cpu: Vec<f64>,
}

fn main() {
    let a = args();
    let t = Instant::now();
    let files: Vec<Vec<u8>> = a
        .files
        .iter()
        .map(|p| std::fs::read(p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display())))
        .collect();
    let bytes: u64 = files.iter().map(|f| f.len() as u64).sum();
    eprintln!(
        "parse bench: {} file(s), {:.1} MB in memory ({:.1} s to read), {} run(s) each",
        files.len(),
        bytes as f64 / 1e6,
        t.elapsed().as_secs_f64(),
        a.runs
    );

    type Bench = fn(&[Vec<u8>]) -> Count;
    let benches: [(&'static str, Bench); 4] = [
        ("split", split_only),
        ("quick-xml", floor),
        ("patdex-parse", |f| parse(f, false)),
        ("patdex-parse+doc", |f| parse(f, true)),
    ];
    let mut rows = Vec::new();
    for (name, f) in benches {
        if a.only
            .as_ref()
            .is_some_and(|o| !o.iter().any(|x| x == name))
        {
            continue;
        }
        // Untimed warm-up passes (page faults, allocator, lazy statics like the schema).
        let mut first = None;
        for _ in 0..a.warmup {
            first = Some(f(&files));
        }
        let mut secs = Vec::with_capacity(a.runs);
        let mut cpu = Vec::with_capacity(a.runs);
        for _ in 0..a.runs {
            let c0 = cpu_secs();
            let t = Instant::now();
            let c = black_box(f(black_box(&files)));
            secs.push(t.elapsed().as_secs_f64());
            cpu.push(cpu_secs() - c0);
            assert_eq!(*first.get_or_insert(c), c, "{name}: passes disagree");
        }
        let first = first.expect("at least one run");
        eprintln!("  {name}: median {:.3} s", median(&secs));
        rows.push(Row {
            name,
            count: first,
            secs,
            cpu,
        });
    }

    let floor_mbs = rows
        .iter()
        .find(|r| r.name == "quick-xml")
        .map(|r| bytes as f64 / 1e6 / median(&r.secs));
    println!(
        "{:<18} {:>9} {:>10} {:>10} {:>9} {:>8}  patents/skipped/errors",
        "impl", "median s", "MB/s", "docs/s", "vs floor", "docs"
    );
    for r in &rows {
        let m = median(&r.secs);
        let mbs = bytes as f64 / 1e6 / m;
        let ratio = floor_mbs.map_or(String::from("-"), |f| format!("{:.2}", mbs / f));
        println!(
            "{:<18} {:>9.3} {:>10.1} {:>10.0} {:>9} {:>8}  {}/{}/{}",
            r.name,
            m,
            mbs,
            r.count.docs as f64 / m,
            ratio,
            r.count.docs,
            r.count.patents,
            r.count.skipped,
            r.count.errors
        );
    }
    for r in &rows {
        let m = median(&r.secs);
        let json = serde_json::json!({
            "bench": "parse",
            "corpus": a.label,
            "impl": r.name,
            "lang": "rust",
            "threads": 1,
            "runs": r.secs.len(),
            "warmup": a.warmup,
            "bytes": bytes,
            "docs": r.count.docs,
            "patents": r.count.patents,
            "skipped": r.count.skipped,
            "errors": r.count.errors,
            "median_s": m,
            "min_s": r.secs.iter().copied().fold(f64::INFINITY, f64::min),
            "all_s": r.secs,
            "mb_s": bytes as f64 / 1e6 / m,
            "docs_s": r.count.docs as f64 / m,
            "cpu_s": median(&r.cpu),
            "mb_per_cpu_s": bytes as f64 / 1e6 / median(&r.cpu).max(1e-9),
        });
        println!("JSON {json}");
    }
}
