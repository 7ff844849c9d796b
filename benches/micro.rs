//! Criterion micro-benchmarks of the hot paths, each on one unit of work from the bundled
//! sample corpus (so they run anywhere, without `../shared` or generated corpora):
//!
//! * `split/weekly-file`: cutting the 74-document weekly-style file into documents;
//! * `parse/one-grant`: `parse_document` on one utility grant (the largest of the corpus);
//! * `hash/one-grant`: `model::source_hash` of its bytes (every ingested document gets one);
//! * `doc/one-grant`: `schema::to_document` on it (the doc mapper, stored JSON included);
//! * `term/one-grant`: the term estimate indexed as `exp`;
//! * `tokenize/description`: the index analyzer over the grant's whole description;
//!   `tokenize/description-zh` the same over a real CNIPA description (Chinese, cut by jieba's
//!   dictionary), when `../shared/data` is there;
//! * `query/parse` and `query/prepare`: the query language, parsed only and then resolved and
//!   compiled against an index of the corpus (word expansion reads the term dictionaries);
//! * `claims/elements`: splitting the grant's independent claims into elements.
//!
//! `cargo bench --bench micro` (criterion's own statistics; `-- --quick` for a fast look).
//! Whole-file and whole-index figures are the other benches' job (see BENCHMARKS.md).

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use patdex::analysis::elements;
use patdex::index::ingest::{self, IngestOptions, ProgressMode};
use patdex::index::reader::IndexReader;
use patdex::index::{Layout, schema, text};
use patdex::model::{Block, Patent};
use patdex::parse::{Parsed, parse_document};
use patdex::source::Splitter;

const QUERY: &str =
    r#"cpc:H01M10 ((sulfide OR oxide) NEAR/3 electrolyte*) AND "solid electrolyte" NOT pd<2010"#;

fn corpus() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// The corpus's grants, as raw documents and parsed.
fn documents(bytes: &[u8]) -> Vec<(Vec<u8>, Patent)> {
    Splitter::new(bytes)
        .filter_map(|piece| {
            let piece = piece.ok()?;
            match parse_document(&piece.bytes) {
                Ok(Parsed::Patent(p)) => Some((piece.bytes.to_vec(), *p)),
                _ => None,
            }
        })
        .collect()
}

fn benches(c: &mut Criterion) {
    let weekly = std::fs::read(corpus().join("ipg_patdex_sample.xml")).expect("the sample corpus");
    let docs = documents(&weekly);
    let (raw, grant) = docs
        .iter()
        .max_by_key(|(raw, _)| raw.len())
        .expect("grants in the corpus");

    let mut g = c.benchmark_group("split");
    g.throughput(Throughput::Bytes(weekly.len() as u64));
    g.bench_function("weekly-file", |b| {
        b.iter(|| {
            let mut n = 0;
            for piece in Splitter::new(black_box(weekly.as_slice())) {
                n += piece.expect("in memory").bytes.len();
            }
            n
        })
    });
    g.finish();

    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Bytes(raw.len() as u64));
    g.bench_function("one-grant", |b| {
        b.iter(|| parse_document(black_box(raw)).expect("parses"))
    });
    g.finish();

    // The source hash every ingested document gets (alerts tell corrections by it): its cost
    // next to parsing the same bytes.
    let mut g = c.benchmark_group("hash");
    g.throughput(Throughput::Bytes(raw.len() as u64));
    g.bench_function("one-grant", |b| {
        b.iter(|| patdex::model::source_hash(black_box(raw)))
    });
    g.finish();

    c.bench_function("doc/one-grant", |b| {
        b.iter(|| schema::to_document(black_box(grant)))
    });
    c.bench_function("term/one-grant", |b| {
        b.iter(|| patdex::term::of(black_box(grant)))
    });

    let description: String = grant
        .description
        .iter()
        .map(Block::text)
        .collect::<Vec<_>>()
        .join("\n");
    let mut g = c.benchmark_group("tokenize");
    g.throughput(Throughput::Bytes(description.len() as u64));
    g.bench_function("description", |b| {
        let mut analyzer = text::analyzer();
        b.iter(|| {
            let mut stream = analyzer.token_stream(black_box(&description));
            let mut n = 0;
            while stream.advance() {
                n += 1;
            }
            n
        })
    });
    // The same over a Chinese description (jieba's dictionary cut), when ../shared is there.
    let zh = Path::new(env!("CARGO_MANIFEST_DIR")).join(
        "../shared/data/cnipa/new-xsd-v2.2.1/CN102021000991218CN00001137839490AFULZH20211210CN00Y.xml",
    );
    if let Ok(bytes) = std::fs::read(&zh)
        && let Ok(Parsed::Patent(p)) = parse_document(&bytes)
    {
        let zh_text = p
            .description
            .iter()
            .map(Block::text)
            .collect::<Vec<_>>()
            .join("\n");
        // Load the dictionary outside the timing (once per process, on the first Chinese text).
        let mut analyzer = text::analyzer();
        {
            let mut warm = analyzer.token_stream("中文");
            while warm.advance() {}
        }
        g.throughput(Throughput::Bytes(zh_text.len() as u64));
        g.bench_function("description-zh", |b| {
            b.iter(|| {
                let mut stream = analyzer.token_stream(black_box(&zh_text));
                let mut n = 0;
                while stream.advance() {
                    n += 1;
                }
                n
            })
        });
    }
    g.finish();

    c.bench_function("claims/elements", |b| {
        b.iter(|| {
            grant
                .claims
                .iter()
                .filter(|c| !c.dependent)
                .map(|c| elements::split(c.number, black_box(&c.text)).len())
                .sum::<usize>()
        })
    });

    c.bench_function("query/parse", |b| {
        b.iter(|| patdex::query::parse::parse(black_box(QUERY)).expect("parses"))
    });
    let dir = tempfile::tempdir().expect("a temporary folder");
    let layout = Layout::new(dir.path());
    let opts = IngestOptions {
        threads: 2,
        force: false,
        commit_interval: std::time::Duration::from_secs(60),
        progress: ProgressMode::Quiet,
        ..IngestOptions::default()
    };
    ingest::ingest(&layout, &[corpus()], &opts).expect("the corpus ingests");
    let reader = IndexReader::open(&layout).expect("the index opens");
    c.bench_function("query/prepare", |b| {
        b.iter(|| patdex::query::prepare(&reader.searcher, black_box(QUERY)).expect("compiles"))
    });
}

criterion_group!(micro, benches);
criterion_main!(micro);
