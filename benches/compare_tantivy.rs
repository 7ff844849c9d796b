//! The engine comparison's tantivy side (benches/compare.sh): tantivy alone on the shared text,
//! and patdex's own plain BM25 path on a patdex index of the same XML (a plain program).
//!
//! ```text
//! cargo bench --bench compare_tantivy -- index --text FILE.jsonl --index DIR
//!     [--threads 2] [--runs 3] [--corpus 10k] [--results FILE]
//! cargo bench --bench compare_tantivy -- search --index DIR [--engine tantivy|patdex-bm25|patdex-search]
//!     --batch keyword=FILE [--batch prior=FILE]... [--threads 1] [--runs 3] [--corpus 10k]
//!     [--results FILE] [--run-prefix PREFIX]
//! ```
//!
//! The shared contract (text, queries, analyzer, BM25, output) is the one of benches/compare.sh:
//!
//! * `index` (engine `tantivy`): the JSON lines (`{"id", "contents"}`, from
//!   `benches/export_text.rs`) are read and turned into `TantivyDocument`s first (untimed).
//!   Each run then removes DIR and times: a fresh index in DIR (`MmapDirectory`), schema `id`
//!   (`STRING | STORED`) and `contents` (indexed with freqs and positions, as patdex's text
//!   fields, not stored) with the tokenizer `compare_simple` = `SimpleTokenizer` (split on
//!   anything not alphanumeric) + `LowerCaser` (no stemming, no stopwords), an `IndexWriter`
//!   with `--threads` indexing threads, 64 MB per thread and 1 merge thread (what `patdex
//!   ingest` uses), `add_document` for all, `commit`, `wait_merging_threads`. The median of
//!   `--runs` is reported, with the size of the last run's index (which stays in DIR).
//! * `search`: each query line `qid<TAB>text` is the OR of its distinct words. Engine `tantivy`
//!   (DIR from `index`): the text through the same tokenizer, a `BooleanQuery` of `Should`
//!   `TermQuery`s (with freqs) over the distinct words, BM25 (tantivy's, k1 1.2, b 0.75),
//!   `TopDocs` 10, each hit's `id` read from the document store. Engine `patdex-bm25` (DIR a
//!   `patdex ingest` index): the distinct words joined by spaces as
//!   `prior_art::Invention::from_text`, `prior_art::search` with configuration `bm25` (every
//!   word, no key-term selection, phrases, class or citation boost), the four text fields, no
//!   cut-off, no evidence, limit 10. patdex's analyzer folds plurals and its plain BM25 drops
//!   English function words, so its top 10 overlaps less with the other engines: expected.
//!   Engine `patdex-search` (a `patdex ingest` index): the words joined by ` OR ` through the
//!   query language (`query::prepare`: default fields, plural folding), every hit scored and
//!   counted, the best 10 kept (`query::search::top_hits`, as `patdex search` without facets
//!   does), ids from the fast column.
//!   Every engine's timings include building the query and reading the 10 ids.
//!
//!   Queries are dealt round robin to `--threads` threads (`std::thread::scope`; rayon's pool,
//!   which `prior_art::search` uses, is set to the same size), one untimed warm-up pass, then
//!   `--runs` timed passes. Per-query latencies of all timed passes are pooled for p50 and p99
//!   (nearest rank); qps = queries / median pass wall time. The TREC run
//!   `PREFIX-BATCH.run` (`qid Q0 docid rank score ENGINE`, top 10) is written from the warm-up
//!   pass (every pass returns the same).
//!
//! Results: one JSON line per measurement on stdout (prefixed `JSON `) and appended to
//! `--results`, with the contract's keys plus `cpu_s` (CPU seconds of the process, all
//! threads, median over runs) and the 1-minute load average before and after (the machine is
//! shared). No `peak_rss_kb`: the process holds the whole text in memory while it indexes.

#[path = "util/mod.rs"]
mod util;
use util::{cpu_secs, median};

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use patdex::analysis::prior_art::{self, Invention};
use patdex::index::Layout;
use patdex::index::ingest::{MERGE_THREADS, WRITER_MEMORY_PER_THREAD};
use patdex::index::reader::IndexReader;
use patdex::query::expand::singular;
use serde_json::json;
use tantivy::collector::TopDocs;
use tantivy::directory::MmapDirectory;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::tokenizer::{LowerCaser, SimpleTokenizer, TextAnalyzer, TokenStream};
use tantivy::{Index, IndexWriter, Searcher, TantivyDocument, Term};

const TOKENIZER: &str = "compare_simple";
const TOP: usize = 10;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Index,
    Search,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Engine {
    Tantivy,
    PatdexBm25,
    PatdexSearch,
}

impl Engine {
    fn name(self) -> &'static str {
        match self {
            Engine::Tantivy => "tantivy",
            Engine::PatdexBm25 => "patdex-bm25",
            Engine::PatdexSearch => "patdex-search",
        }
    }
}

struct Args {
    mode: Mode,
    engine: Engine,
    text: Option<PathBuf>,
    index: PathBuf,
    batches: Vec<(String, PathBuf)>,
    threads: Option<usize>,
    runs: usize,
    corpus: String,
    results: Option<PathBuf>,
    run_prefix: Option<String>,
    terms_prefix: Option<String>,
}

fn usage() -> ! {
    eprintln!(
        "usage: cargo bench --bench compare_tantivy -- index --text FILE.jsonl --index DIR [--threads 2] [--runs 3] [--corpus NAME] [--results FILE]\n       cargo bench --bench compare_tantivy -- search --index DIR [--engine tantivy|patdex-bm25|patdex-search] --batch NAME=FILE... [--threads 1] [--runs 3] [--corpus NAME] [--results FILE] [--run-prefix PREFIX] [--terms-prefix PREFIX]"
    );
    std::process::exit(2);
}

fn args() -> Args {
    let mut a = Args {
        mode: Mode::Index,
        engine: Engine::Tantivy,
        text: None,
        index: PathBuf::new(),
        batches: Vec::new(),
        threads: None,
        runs: 3,
        corpus: String::new(),
        results: None,
        run_prefix: None,
        terms_prefix: None,
    };
    let mut mode = None;
    let mut it = std::env::args().skip(1);
    let value = |it: &mut std::iter::Skip<std::env::Args>| it.next().unwrap_or_else(|| usage());
    while let Some(s) = it.next() {
        match s.as_str() {
            // cargo bench appends `--bench` to the arguments of harness-less benches.
            "--bench" => {}
            "index" if mode.is_none() => mode = Some(Mode::Index),
            "search" if mode.is_none() => mode = Some(Mode::Search),
            "--engine" => {
                a.engine = match value(&mut it).as_str() {
                    "tantivy" => Engine::Tantivy,
                    "patdex-bm25" => Engine::PatdexBm25,
                    "patdex-search" => Engine::PatdexSearch,
                    _ => usage(),
                }
            }
            "--text" => a.text = Some(PathBuf::from(value(&mut it))),
            "--index" => a.index = PathBuf::from(value(&mut it)),
            "--batch" => {
                let v = value(&mut it);
                let Some((name, file)) = v.split_once('=') else {
                    usage()
                };
                a.batches.push((name.to_string(), PathBuf::from(file)));
            }
            "--threads" => a.threads = Some(value(&mut it).parse().unwrap_or_else(|_| usage())),
            "--runs" => a.runs = value(&mut it).parse().unwrap_or_else(|_| usage()),
            "--corpus" => a.corpus = value(&mut it),
            "--results" => a.results = Some(PathBuf::from(value(&mut it))),
            "--run-prefix" => a.run_prefix = Some(value(&mut it)),
            "--terms-prefix" => a.terms_prefix = Some(value(&mut it)),
            _ => usage(),
        }
    }
    a.mode = mode.unwrap_or_else(|| usage());
    let ok = !a.index.as_os_str().is_empty()
        && a.runs > 0
        && a.threads != Some(0)
        && match a.mode {
            Mode::Index => a.text.is_some() && a.engine == Engine::Tantivy,
            Mode::Search => {
                !a.batches.is_empty() && (a.terms_prefix.is_none() || a.engine != Engine::Tantivy)
            }
        };
    if !ok {
        usage();
    }
    a
}

fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .build()
}

fn schema() -> (Schema, Field, Field) {
    let mut b = Schema::builder();
    let id = b.add_text_field("id", STRING | STORED);
    let contents = b.add_text_field(
        "contents",
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(TOKENIZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        ),
    );
    (b.build(), id, contents)
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

fn load1() -> f64 {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(f64::NAN)
}

/// Prints a result line and appends it to `--results`.
fn emit(a: &Args, line: &serde_json::Value) -> anyhow::Result<()> {
    println!("JSON {line}");
    if let Some(path) = &a.results {
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)?;
        writeln!(f, "{line}")?;
    }
    Ok(())
}

#[derive(serde::Deserialize)]
struct Line {
    id: String,
    contents: String,
}

fn index(a: &Args) -> anyhow::Result<()> {
    let threads = a.threads.unwrap_or(2);
    let text_path = a.text.as_ref().expect("checked in args");
    let t = Instant::now();
    let raw = std::fs::read(text_path)?;
    let text_bytes = raw.len() as u64;
    let mut docs: Vec<(String, String)> = Vec::new();
    for l in raw.split(|&b| b == b'\n') {
        if l.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let l: Line = serde_json::from_slice(l)?;
        docs.push((l.id, l.contents));
    }
    drop(raw);
    eprintln!(
        "compare_tantivy index: {} documents, {:.1} MB of text read in {:.1} s (untimed); {} run(s), {} thread(s)",
        docs.len(),
        text_bytes as f64 / 1e6,
        t.elapsed().as_secs_f64(),
        a.runs,
        threads
    );
    let (schema, id_f, contents_f) = schema();
    let mut secs = Vec::new();
    let mut cpus = Vec::new();
    let mut index_bytes = 0;
    let load_before = load1();
    for run in 0..a.runs {
        // Untimed: the documents, and an empty folder.
        let batch: Vec<TantivyDocument> = docs
            .iter()
            .map(|(id, c)| {
                let mut d = TantivyDocument::default();
                d.add_text(id_f, id);
                d.add_text(contents_f, c);
                d
            })
            .collect();
        if a.index.exists() {
            std::fs::remove_dir_all(&a.index)?;
        }
        std::fs::create_dir_all(&a.index)?;

        let c0 = cpu_secs();
        let t = Instant::now();
        let index = Index::create(
            MmapDirectory::open(&a.index)?,
            schema.clone(),
            tantivy::IndexSettings::default(),
        )?;
        index.tokenizers().register(TOKENIZER, analyzer());
        let options = tantivy::indexer::IndexWriterOptions::builder()
            .num_worker_threads(threads)
            .memory_budget_per_thread(WRITER_MEMORY_PER_THREAD)
            .num_merge_threads(MERGE_THREADS)
            .build();
        let mut writer: IndexWriter<TantivyDocument> = index.writer_with_options(options)?;
        for d in batch {
            writer.add_document(d)?;
        }
        writer.commit()?;
        writer.wait_merging_threads()?;
        let s = t.elapsed().as_secs_f64();
        let cpu = cpu_secs() - c0;
        index_bytes = dir_size(&a.index);
        let segments = index.searchable_segment_ids()?.len();
        eprintln!(
            "  run {}: {s:.2} s ({cpu:.1} CPU s), {segments} segment(s), index {:.1} MB",
            run + 1,
            index_bytes as f64 / 1e6
        );
        secs.push(s);
        cpus.push(cpu);
    }
    let m = median(&secs);
    println!(
        "tantivy index: {} docs, median {m:.2} s ({:.0} docs/s, {:.1} MB text/s), index {:.1} MB",
        docs.len(),
        docs.len() as f64 / m,
        text_bytes as f64 / 1e6 / m,
        index_bytes as f64 / 1e6
    );
    emit(
        a,
        &json!({
            "engine": "tantivy",
            "corpus": a.corpus,
            "phase": "index",
            "docs": docs.len(),
            "threads": threads,
            "median_s": m,
            "runs": secs.len(),
            "index_bytes": index_bytes,
            "all_s": secs,
            "cpu_s": median(&cpus),
            "text_bytes": text_bytes,
            "load1_before": load_before,
            "load1_after": load1(),
        }),
    )
}

/// One query of a batch.
struct Q {
    qid: String,
    /// Distinct words, in order of first occurrence.
    words: Vec<String>,
}

fn read_batch(path: &Path, analyzer: &mut TextAnalyzer) -> anyhow::Result<Vec<Q>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let Some((qid, q)) = line.split_once('\t') else {
            anyhow::bail!("{}:{}: no tab", path.display(), n + 1);
        };
        let mut seen = HashSet::new();
        let mut words = Vec::new();
        let mut ts = analyzer.token_stream(q);
        while ts.advance() {
            let w = &ts.token().text;
            if seen.insert(w.clone()) {
                words.push(w.clone());
            }
        }
        out.push(Q {
            qid: qid.trim().to_string(),
            words,
        });
    }
    Ok(out)
}

/// What an engine needs to answer one query: top 10 `(id, score)`.
enum Target {
    Tantivy {
        searcher: Searcher,
        contents: Field,
        id: Field,
    },
    Patdex {
        reader: IndexReader,
        opts: prior_art::Options,
    },
    /// The query language, as `patdex search "w1 OR w2 ..."` runs it (default fields, plural
    /// folding), top 10 by relevance.
    PatdexSearch { reader: IndexReader },
}

impl Target {
    fn open(engine: Engine, dir: &Path) -> anyhow::Result<Target> {
        Ok(match engine {
            Engine::Tantivy => {
                let index = Index::open(MmapDirectory::open(dir)?)?;
                index.tokenizers().register(TOKENIZER, analyzer());
                let schema = index.schema();
                let searcher = index.reader()?.searcher();
                Target::Tantivy {
                    searcher,
                    contents: schema.get_field("contents")?,
                    id: schema.get_field("id")?,
                }
            }
            Engine::PatdexSearch => Target::PatdexSearch {
                reader: IndexReader::open(&Layout::new(dir))?,
            },
            Engine::PatdexBm25 => {
                let config = prior_art::CONFIGS
                    .iter()
                    .find(|(n, _)| *n == "bm25")
                    .expect("bm25 configuration")
                    .1;
                Target::Patdex {
                    reader: IndexReader::open(&Layout::new(dir))?,
                    opts: prior_art::Options {
                        config,
                        cutoff: None,
                        us_filed: false,
                        limit: TOP,
                        fields: vec!["title", "abstract", "claims", "description"],
                        evidence: false,
                        ..prior_art::Options::default()
                    },
                }
            }
        })
    }

    fn docs(&self) -> u64 {
        match self {
            Target::Tantivy { searcher, .. } => searcher.num_docs(),
            Target::Patdex { reader, .. } | Target::PatdexSearch { reader } => reader.num_docs(),
        }
    }

    /// The terms a patdex engine's query for `q` searches: `(field, word, clauses)`, where
    /// `clauses` counts the clauses that score the word (`device OR devices` scores each form
    /// twice). `description` is called `contents`, as in the `--tokens` export.
    fn terms(&self, q: &Q) -> anyhow::Result<Vec<(String, String, u32)>> {
        let (searcher, query): (&Searcher, Box<dyn Query>) = match self {
            Target::Tantivy { .. } => anyhow::bail!("--terms-prefix is for the patdex engines"),
            Target::Patdex { reader, opts } => {
                let inv = Invention::from_text(&q.words.join(" "));
                let tq = prior_art::text_query(&reader.searcher, &inv, opts)?;
                (&reader.searcher, tq.query)
            }
            Target::PatdexSearch { reader } => {
                let prepared = patdex::query::prepare(&reader.searcher, &q.words.join(" OR "))
                    .map_err(|e| anyhow::anyhow!("{}", e.message))?;
                (&reader.searcher, prepared.compiled.query)
            }
        };
        let schema = searcher.schema();
        let mut seen: std::collections::BTreeMap<(String, String), u32> = Default::default();
        query.query_terms(&mut |t: &Term, _| {
            let field = match schema.get_field_name(t.field()) {
                "description" => "contents",
                f => f,
            };
            let word = t.value().as_str().unwrap_or_default().to_string();
            *seen.entry((field.to_string(), word)).or_default() += 1;
        });
        // Plain BM25 has one clause per form but boosts it by how often the text has the word
        // (`device devices`: 2), which the term visitor does not show.
        let boosted = matches!(self, Target::Patdex { .. });
        Ok(seen
            .into_iter()
            .map(|((f, w), n)| {
                let stem = singular(&w);
                let count = q.words.iter().filter(|x| singular(x) == stem).count() as u32;
                let n = if boosted { count.max(1) } else { n };
                (f, w, n)
            })
            .collect())
    }

    fn search(&self, q: &Q) -> anyhow::Result<Hits> {
        if q.words.is_empty() {
            return Ok(Vec::new());
        }
        match self {
            Target::Tantivy {
                searcher,
                contents,
                id,
            } => {
                let clauses: Vec<(Occur, Box<dyn Query>)> = q
                    .words
                    .iter()
                    .map(|w| {
                        let tq = TermQuery::new(
                            Term::from_field_text(*contents, w),
                            IndexRecordOption::WithFreqs,
                        );
                        (Occur::Should, Box::new(tq) as Box<dyn Query>)
                    })
                    .collect();
                let query = BooleanQuery::new(clauses);
                let top = searcher.search(&query, &TopDocs::with_limit(TOP).order_by_score())?;
                top.into_iter()
                    .map(|(score, addr)| {
                        let doc: TantivyDocument = searcher.doc(addr)?;
                        let docid = doc
                            .get_first(*id)
                            .and_then(|v| v.as_str())
                            .unwrap_or_default()
                            .to_string();
                        Ok((docid, score))
                    })
                    .collect()
            }
            Target::PatdexSearch { reader } => {
                let text = q.words.join(" OR ");
                let prepared = patdex::query::prepare(&reader.searcher, &text)
                    .map_err(|e| anyhow::anyhow!("{}", e.message))?;
                let (hits, _total) = patdex::query::search::top_hits(
                    &reader.searcher,
                    prepared.compiled.query.as_ref(),
                    patdex::query::search::Sort::default(),
                    TOP,
                )?;
                let ids = patdex::index::reader::FastStrings::open(&reader.searcher, "id")?;
                let mut out = Vec::with_capacity(TOP);
                for h in hits.iter().take(TOP) {
                    let mut v = Vec::new();
                    ids.values(h.addr, &mut v)?;
                    out.push((v.into_iter().next().unwrap_or_default(), h.score));
                }
                Ok(out)
            }
            Target::Patdex { reader, opts } => {
                let inv = Invention::from_text(&q.words.join(" "));
                let found = prior_art::search(reader, &inv, opts)?;
                Ok(found
                    .hits
                    .into_iter()
                    .map(|h| (h.number, h.score))
                    .collect())
            }
        }
    }
}

/// One pass over the batch on `threads` threads: wall seconds, per-query latencies (ms) and
/// results, both in query order.
type Pass = (f64, Vec<f64>, Vec<Hits>);
/// One query's top 10: `(id, score)`, best first.
type Hits = Vec<(String, f32)>;

fn pass(target: &Target, queries: &[Q], threads: usize) -> anyhow::Result<Pass> {
    let t = Instant::now();
    let per_thread: Vec<anyhow::Result<Vec<(usize, f64, Hits)>>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|k| {
                s.spawn(move || {
                    let mut out = Vec::new();
                    for (i, q) in queries.iter().enumerate().skip(k).step_by(threads) {
                        let t = Instant::now();
                        let hits = target.search(q)?;
                        out.push((i, t.elapsed().as_secs_f64() * 1e3, hits));
                    }
                    Ok(out)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("search thread panicked"))
            .collect()
    });
    let wall = t.elapsed().as_secs_f64();
    let mut lat = vec![0.0; queries.len()];
    let mut res = vec![Vec::new(); queries.len()];
    for r in per_thread {
        for (i, ms, hits) in r? {
            lat[i] = ms;
            res[i] = hits;
        }
    }
    Ok((wall, lat, res))
}

fn percentile(v: &[f64], p: f64) -> f64 {
    let mut s = v.to_vec();
    s.sort_by(|a, b| a.total_cmp(b));
    let rank = ((s.len() as f64) * p).ceil() as usize;
    s[rank.clamp(1, s.len()) - 1]
}

fn search(a: &Args) -> anyhow::Result<()> {
    let threads = a.threads.unwrap_or(1);
    // prior_art::search reads hits on rayon's pool: no more threads than asked for.
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build_global()?;
    let target = Target::open(a.engine, &a.index)?;
    let engine = a.engine.name();
    let mut an = analyzer();
    for (batch, path) in &a.batches {
        let queries = read_batch(path, &mut an)?;
        anyhow::ensure!(!queries.is_empty(), "{}: no queries", path.display());
        if let Some(prefix) = &a.terms_prefix {
            let path = format!("{prefix}-{batch}.tsv");
            let mut w = std::io::BufWriter::new(std::fs::File::create(&path)?);
            for q in &queries {
                let terms: Vec<String> = target
                    .terms(q)?
                    .into_iter()
                    .map(|(f, t, n)| format!("{f}:{t}^{n}"))
                    .collect();
                writeln!(w, "{}\t{}", q.qid, terms.join(" "))?;
            }
            w.flush()?;
        }
        let load_before = load1();
        let (_, _, results) = pass(&target, &queries, threads)?;
        let mut walls = Vec::new();
        let mut cpus = Vec::new();
        let mut lats = Vec::new();
        for _ in 0..a.runs {
            let c0 = cpu_secs();
            let (wall, lat, _) = pass(&target, &queries, threads)?;
            cpus.push(cpu_secs() - c0);
            walls.push(wall);
            lats.extend(lat);
        }
        let m = median(&walls);
        let qps = queries.len() as f64 / m;
        let (p50, p99) = (percentile(&lats, 0.5), percentile(&lats, 0.99));
        let hits: usize = results.iter().map(Vec::len).sum();
        println!(
            "{engine} search {batch}: {} queries on {} docs, {threads} thread(s): {qps:.1} q/s, p50 {p50:.2} ms, p99 {p99:.2} ms ({:.1} hits/query)",
            queries.len(),
            target.docs(),
            hits as f64 / queries.len() as f64
        );
        if let Some(prefix) = &a.run_prefix {
            let path = format!("{prefix}-{batch}.run");
            if let Some(dir) = Path::new(&path).parent() {
                std::fs::create_dir_all(dir)?;
            }
            let mut w = std::io::BufWriter::new(std::fs::File::create(&path)?);
            for (q, hits) in queries.iter().zip(&results) {
                for (rank, (docid, score)) in hits.iter().enumerate() {
                    writeln!(w, "{} Q0 {docid} {} {score:.6} {engine}", q.qid, rank + 1)?;
                }
            }
            w.flush()?;
        }
        emit(
            a,
            &json!({
                "engine": engine,
                "corpus": a.corpus,
                "phase": "search",
                "batch": batch,
                "queries": queries.len(),
                "threads": threads,
                "qps": qps,
                "p50_ms": p50,
                "p99_ms": p99,
                "runs": walls.len(),
                "docs": target.docs(),
                "all_s": walls,
                "cpu_s": median(&cpus),
                "load1_before": load_before,
                "load1_after": load1(),
            }),
        )?;
    }
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let a = args();
    match a.mode {
        Mode::Index => index(&a),
        Mode::Search => search(&a),
    }
}
