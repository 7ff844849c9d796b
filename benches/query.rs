//! Query latency on an existing index (a plain program).
//!
//! ```text
//! cargo bench --bench query -- --index DIR [--runs N] [--stress-runs N] [--warmup N]
//!     [--label NAME] [--only TEXT] [--list]
//! ```
//!
//! Opens the index read-only and, for every query of a fixed set (keyword, field, class, date,
//! phrase, proximity, wildcard, and a few worst cases under "stress"), does what
//! `patdex search` does minus loading and printing records: `query::prepare` (parse, resolve,
//! expand words against the term dictionaries, compile) and `query::search::all_hits` (every
//! hit, sorted by relevance), then takes the top 10 and the exact count. Each query is timed as
//! a whole (prepare + search) with `Instant`, on one thread (tantivy searches segments one
//! after another unless given an executor).
//!
//! Protocol: `--warmup` passes over all queries (default 1; they also fault the index into the
//! page cache), then `--runs` passes (default 100, or `PATDEX_QUERY_RUNS`); the stress queries
//! take part in the first `--stress-runs` passes only (default 10). Passes go round robin over
//! the queries, so noise from other work on the machine spreads over all queries rather than
//! landing on a few. Reported per query: median, p99 (nearest rank; the maximum when there are
//! fewer than 100 runs), minimum, hits. Per category: median and p99 of all of the category's
//! runs pooled, and the slowest query's median.
//!
//! Two comparisons run in the same passes:
//!
//! * **Proximity cost**: every proximity query (and phrase) is paired with the plain AND of the
//!   same operands (`a NEAR/5 b` with `a b`; `(a OR b*) NEAR/5 (c OR d)` with
//!   `(a OR b*) (c OR d)`), and the ratio of medians is reported per pair, with the median
//!   ratio over the pairs (stress pairs apart).
//! * **tantivy alone** (the peer): tantivy's own `PhraseQuery` (one per text field, ORed) and
//!   `BooleanQuery` of `TermQuery`s (a must-clause per word, each a should over the four text
//!   fields), with `(Count, TopDocs::with_limit(10))`, against our `="a b"` and `=a =b` (exact
//!   words, so both sides look up the same terms). The same tantivy queries are also run
//!   through our `all_hits` collector, which separates the cost of the query engine from that
//!   of collecting every hit. Hit counts must agree; for the AND, whose scoring is the same
//!   BM25 on both sides, the top 10 must agree too. tantivy cannot express proximity within a
//!   distance, over OR-groups or truncated words, or within a sentence or paragraph, so the
//!   other queries have no native peer.
//!
//! Output: tables, and `JSON ` lines (one per query, category, pair and peer comparison, and a
//! summary) that `benches/run.sh` keeps.

#[path = "util/mod.rs"]
mod util;
use util::{cpu_secs, median, p99, p99_kind};

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

use patdex::index::Layout;
use patdex::index::reader::IndexReader;
use patdex::index::schema;
use patdex::query::search::{Sort, all_hits};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Searcher, Term};

/// The text fields a query without a field prefix searches.
const TEXT_FIELDS: &[&str] = &["title", "abstract", "claims", "description"];

/// The fixed query set: (category, query). Words were chosen from the generated corpus
/// (`benches/make_corpus.py`: 173 real utility grants recombined) at three document
/// frequencies; the counts are in the output. Publication dates of the generated corpus are
/// all in 2030 (one weekly Tuesday per file), filing dates are the real ones.
const QUERIES: &[(&str, &str)] = &[
    // keyword: 1-3 words ANDed, stemmed (expanded to every indexed form).
    ("keyword", "semiconductor"),
    ("keyword", "battery"),
    ("keyword", "wherein"),
    ("keyword", "semiconductor substrate"),
    ("keyword", "vehicle battery charging"),
    ("keyword", "antibody polypeptide receptor"),
    // field: title, claims, assignee/applicant.
    ("field", "ti:semiconductor"),
    ("field", "ti:(vehicle OR battery)"),
    ("field", "cl:electrode"),
    ("field", "cl:(substrate layer)"),
    ("field", "pa:samsung"),
    ("field", "pa:corporation semiconductor"),
    // class: subclass, main group, full symbol, truncated, with a word. (Only 6 of the 173
    // source grants carry CPC symbols; all carry IPC.)
    ("class", "cpc:H01L"),
    ("class", "cpc:H01L21/3065"),
    ("class", "cpc:H01L51/00*"),
    ("class", "ipc:H01L"),
    ("class", "ipc:H01L21"),
    ("class", "ipc:H01L21/4763"),
    ("class", "ipc:H01*"),
    ("class", "ipc:H01L transistor"),
    // date: ranges with a word.
    ("date", "ad:[2010 TO 2015] battery"),
    ("date", "pd:[2030-02 TO 2030-03] semiconductor"),
    ("date", "ad>=2012 cpc:H01L"),
    // phrase.
    ("phrase", "\"semiconductor substrate\""),
    ("phrase", "\"light emitting diode\""),
    ("phrase", "\"wherein the\""),
    ("phrase", "ti:\"liquid crystal display\""),
    // proximity (each also timed as a plain AND, see PROX).
    ("proximity", "semiconductor NEAR/5 substrate"),
    ("proximity", "semiconductor ADJ/3 substrate"),
    ("proximity", "battery WITH charging"),
    ("proximity", "battery SAME vehicle"),
    ("proximity", "(battery OR cell*) NEAR/5 (anode OR cathode)"),
    (
        "proximity",
        "(gate OR drain) NEAR/3 (electrode OR layer) WITH substrate",
    ),
    (
        "proximity",
        "((light ADJ emitting) OR led) NEAR/10 (substrate OR layer)",
    ),
    ("proximity", "wherein NEAR/5 said"),
    // wildcard.
    ("wildcard", "batter*"),
    ("wildcard", "electro*"),
    ("wildcard", "colo?r"),
    ("wildcard", "*ode"),
    ("wildcard", "semiconduct* substrat*"),
    // stress: the most frequent words and very broad truncation inside proximity, the worst
    // cases a searcher can type. Timed with fewer runs (`--stress-runs`).
    ("stress", "the NEAR/10 of"),
    ("stress", "(the OR a) NEAR/3 said"),
    ("stress", "s* NEAR/5 c*"),
];

/// The category whose queries run only `--stress-runs` times.
const STRESS: &str = "stress";

/// Proximity queries and the plain AND of the same operands: (operator, proximity, AND). The
/// phrase pairs show what a phrase costs over the AND of its words.
const PROX: &[(&str, &str, &str)] = &[
    (
        "NEAR/5",
        "semiconductor NEAR/5 substrate",
        "semiconductor substrate",
    ),
    (
        "ADJ/3",
        "semiconductor ADJ/3 substrate",
        "semiconductor substrate",
    ),
    ("WITH", "battery WITH charging", "battery charging"),
    ("SAME", "battery SAME vehicle", "battery vehicle"),
    (
        "NEAR/5 (OR-groups)",
        "(battery OR cell*) NEAR/5 (anode OR cathode)",
        "(battery OR cell*) (anode OR cathode)",
    ),
    (
        "nested NEAR/3 + WITH",
        "(gate OR drain) NEAR/3 (electrode OR layer) WITH substrate",
        "(gate OR drain) (electrode OR layer) substrate",
    ),
    (
        "nested ADJ in NEAR/10",
        "((light ADJ emitting) OR led) NEAR/10 (substrate OR layer)",
        "((light emitting) OR led) (substrate OR layer)",
    ),
    ("NEAR/5 (frequent)", "wherein NEAR/5 said", "wherein said"),
    (
        "phrase",
        "\"semiconductor substrate\"",
        "semiconductor substrate",
    ),
    (
        "phrase (3 words)",
        "\"light emitting diode\"",
        "light emitting diode",
    ),
    ("phrase (frequent)", "\"wherein the\"", "wherein the"),
    ("stress: NEAR/10", "the NEAR/10 of", "the of"),
    (
        "stress: NEAR/3 (OR-group)",
        "(the OR a) NEAR/3 said",
        "(the OR a) said",
    ),
    ("stress: NEAR/5 (truncation)", "s* NEAR/5 c*", "s* c*"),
];

/// Exact-word phrases and ANDs run both by patdex and by tantivy alone.
const PEER_PHRASES: &[&[&str]] = &[
    &["semiconductor", "substrate"],
    &["light", "emitting", "diode"],
    &["wherein", "the"],
    &["liquid", "crystal", "display"],
];
const PEER_ANDS: &[&[&str]] = &[
    &["semiconductor", "substrate"],
    &["battery", "charging"],
    &["wherein", "said"],
    &["vehicle", "battery", "charging"],
];

struct Args {
    index: PathBuf,
    runs: usize,
    stress_runs: usize,
    warmup: usize,
    label: String,
    only: Option<String>,
    list: bool,
}

fn usage() -> ! {
    eprintln!(
        "usage: cargo bench --bench query -- --index DIR [--runs N] [--stress-runs N] [--warmup N] [--label NAME] [--only TEXT] [--list]"
    );
    std::process::exit(2);
}

fn args() -> Args {
    let runs = std::env::var("PATDEX_QUERY_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    let mut a = Args {
        index: PathBuf::new(),
        runs,
        stress_runs: 10,
        warmup: 1,
        label: String::new(),
        only: None,
        list: false,
    };
    let mut it = std::env::args().skip(1);
    let num = |v: Option<String>| v.and_then(|v| v.parse().ok()).unwrap_or_else(|| usage());
    while let Some(s) = it.next() {
        match s.as_str() {
            "--bench" => {}
            "--index" => a.index = PathBuf::from(it.next().unwrap_or_else(|| usage())),
            "--runs" => a.runs = num(it.next()),
            "--stress-runs" => a.stress_runs = num(it.next()),
            "--warmup" => a.warmup = num(it.next()),
            "--label" => a.label = it.next().unwrap_or_else(|| usage()),
            "--only" => a.only = Some(it.next().unwrap_or_else(|| usage())),
            "--list" => a.list = true,
            _ => usage(),
        }
    }
    if a.index.as_os_str().is_empty() || a.runs == 0 {
        usage();
    }
    a
}

/// What one timed entry runs.
#[derive(Clone)]
enum Exec {
    /// `patdex search` minus printing.
    Patdex(String),
    /// tantivy alone: a `PhraseQuery` per text field ORed (`phrase`), or a `BooleanQuery` in
    /// which every word must occur in some text field; collected with `(Count, TopDocs)`, or
    /// with patdex's `all_hits` when `all_hits`.
    Native {
        phrase: bool,
        words: Vec<String>,
        all_hits: bool,
    },
}

impl Exec {
    fn name(&self) -> String {
        match self {
            Exec::Patdex(q) => q.clone(),
            Exec::Native {
                phrase,
                words,
                all_hits,
            } => format!(
                "tantivy {}{}",
                if *phrase {
                    format!("PhraseQuery \"{}\"", words.join(" "))
                } else {
                    format!("BooleanQuery {}", words.join(" AND "))
                },
                if *all_hits { " + all_hits" } else { "" }
            ),
        }
    }

    fn implementation(&self) -> &'static str {
        match self {
            Exec::Patdex(_) => "patdex",
            Exec::Native {
                all_hits: false, ..
            } => "tantivy",
            Exec::Native { all_hits: true, .. } => "tantivy+all_hits",
        }
    }
}

/// The result of one run: exact hit count and the top 10.
struct Outcome {
    count: usize,
    top: Vec<DocAddress>,
}

fn term(field: &str, word: &str) -> Term {
    Term::from_field_text(schema::field(field), word)
}

fn native_phrase(words: &[String]) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(
        TEXT_FIELDS
            .iter()
            .map(|f| {
                let q: Box<dyn Query> =
                    Box::new(PhraseQuery::new(words.iter().map(|w| term(f, w)).collect()));
                (Occur::Should, q)
            })
            .collect(),
    ))
}

fn native_and(words: &[String]) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(
        words
            .iter()
            .map(|w| {
                let any_field: Box<dyn Query> = Box::new(BooleanQuery::new(
                    TEXT_FIELDS
                        .iter()
                        .map(|f| {
                            let q: Box<dyn Query> =
                                Box::new(TermQuery::new(term(f, w), IndexRecordOption::WithFreqs));
                            (Occur::Should, q)
                        })
                        .collect(),
                ));
                (Occur::Must, any_field)
            })
            .collect(),
    ))
}

fn collect_all(searcher: &Searcher, q: &dyn Query) -> anyhow::Result<Outcome> {
    let hits = all_hits(searcher, q, Sort::default(), 10)?;
    Ok(Outcome {
        count: hits.len(),
        top: hits.iter().take(10).map(|h| h.addr).collect(),
    })
}

fn run(searcher: &Searcher, exec: &Exec) -> anyhow::Result<Outcome> {
    match exec {
        Exec::Patdex(text) => {
            let prepared = patdex::query::prepare(searcher, text)
                .map_err(|e| anyhow::anyhow!("{}", e.render()))?;
            collect_all(searcher, prepared.compiled.query.as_ref())
        }
        Exec::Native {
            phrase,
            words,
            all_hits,
        } => {
            let q = if *phrase {
                native_phrase(words)
            } else {
                native_and(words)
            };
            if *all_hits {
                return collect_all(searcher, q.as_ref());
            }
            let (count, top) = searcher.search(
                q.as_ref(),
                &(Count, TopDocs::with_limit(10).order_by_score()),
            )?;
            Ok(Outcome {
                count,
                top: top.into_iter().map(|(_, a)| a).collect(),
            })
        }
    }
}

/// One timed entry and its measurements.
struct Entry {
    exec: Exec,
    /// The category for the per-category table; `None` for entries only timed for a comparison.
    category: Option<&'static str>,
    /// Timed runs wanted.
    runs: usize,
    times_ms: Vec<f64>,
    count: usize,
    top: Vec<DocAddress>,
}

impl Entry {
    fn median(&self) -> f64 {
        median(&self.times_ms)
    }

    fn p99(&self) -> f64 {
        p99(&self.times_ms)
    }
}

fn min(v: &[f64]) -> f64 {
    v.iter().copied().fold(f64::INFINITY, f64::min)
}

fn max(v: &[f64]) -> f64 {
    v.iter().copied().fold(0.0, f64::max)
}

fn dir_size(p: &Path) -> u64 {
    let mut n = 0;
    if let Ok(rd) = std::fs::read_dir(p) {
        for e in rd.flatten() {
            let Ok(m) = e.metadata() else { continue };
            n += if m.is_dir() {
                dir_size(&e.path())
            } else {
                m.len()
            };
        }
    }
    n
}

fn json_str(s: &str) -> String {
    serde_json::to_string(s).expect("a string serialises")
}

fn json_opt(v: Option<f64>) -> String {
    v.map_or("null".to_string(), |v| format!("{v:.4}"))
}

fn main() -> anyhow::Result<()> {
    let a = args();
    let layout = Layout::new(&a.index);
    let reader = IndexReader::open(&layout)?;
    let searcher = &reader.searcher;
    let label = if a.label.is_empty() {
        a.index
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    } else {
        a.label.clone()
    };

    // The timed entries, each query once (a query used by several comparisons is timed once).
    let mut entries: Vec<Entry> = Vec::new();
    let mut add = |exec: Exec, category: Option<&'static str>| -> usize {
        let name = exec.name();
        if let Some(i) = entries.iter().position(|e| e.exec.name() == name) {
            if entries[i].category.is_none() {
                entries[i].category = category;
            }
            return i;
        }
        entries.push(Entry {
            exec,
            category,
            runs: a.runs,
            times_ms: Vec::new(),
            count: 0,
            top: Vec::new(),
        });
        entries.len() - 1
    };
    for &(cat, q) in QUERIES {
        add(Exec::Patdex(q.to_string()), Some(cat));
    }
    let prox: Vec<(&str, usize, usize)> = PROX
        .iter()
        .map(|&(op, p, and)| {
            (
                op,
                add(Exec::Patdex(p.to_string()), None),
                add(Exec::Patdex(and.to_string()), None),
            )
        })
        .collect();
    // (kind, patdex, tantivy alone, tantivy + all_hits)
    let mut peers: Vec<(&str, usize, usize, usize)> = Vec::new();
    for (phrase, list) in [(true, PEER_PHRASES), (false, PEER_ANDS)] {
        for w in list {
            let words: Vec<String> = w.iter().map(|s| s.to_string()).collect();
            let ours = if phrase {
                format!("=\"{}\"", w.join(" "))
            } else {
                w.iter()
                    .map(|w| format!("={w}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let ours = add(Exec::Patdex(ours), None);
            let mut native = |all_hits| {
                add(
                    Exec::Native {
                        phrase,
                        words: words.clone(),
                        all_hits,
                    },
                    None,
                )
            };
            let alone = native(false);
            let collected = native(true);
            peers.push((
                if phrase { "phrase" } else { "AND" },
                ours,
                alone,
                collected,
            ));
        }
    }
    // Stress entries (and the ANDs paired with them) run fewer times.
    let stress: Vec<&str> = QUERIES
        .iter()
        .filter(|(c, _)| *c == STRESS)
        .map(|(_, q)| *q)
        .collect();
    for &(op, p, and) in &prox {
        if op.starts_with(STRESS) || stress.contains(&entries[p].exec.name().as_str()) {
            entries[p].runs = a.stress_runs.min(a.runs);
            if entries[and].category.is_none() {
                entries[and].runs = entries[and].runs.min(a.stress_runs);
            }
        }
    }
    for e in entries.iter_mut() {
        if e.category == Some(STRESS) {
            e.runs = a.stress_runs.min(a.runs);
        }
    }
    let selected: Vec<usize> = (0..entries.len())
        .filter(|&i| {
            a.only
                .as_ref()
                .is_none_or(|o| entries[i].exec.name().contains(o.as_str()))
        })
        .collect();
    if a.list {
        for &i in &selected {
            println!(
                "{:<10} {:>4} {}",
                entries[i].category.unwrap_or("-"),
                entries[i].runs,
                entries[i].exec.name()
            );
        }
        return Ok(());
    }

    let segments = searcher.segment_readers().len();
    let index_bytes = dir_size(&layout.tantivy);
    println!(
        "index {}: {} documents, {} segments, {:.1} MB; {} queries, {} warm-up + {} timed passes \
         ({} for stress queries), round robin",
        a.index.display(),
        searcher.num_docs(),
        segments,
        index_bytes as f64 / 1e6,
        selected.len(),
        a.warmup,
        a.runs,
        a.stress_runs.min(a.runs)
    );

    for _ in 0..a.warmup {
        for &i in &selected {
            let e = &mut entries[i];
            let o = run(searcher, &e.exec)?;
            e.count = o.count;
            e.top = o.top;
        }
    }
    let c0 = cpu_secs();
    let t0 = Instant::now();
    for pass in 0..a.runs {
        for &i in &selected {
            let e = &mut entries[i];
            if pass >= e.runs {
                continue;
            }
            let t = Instant::now();
            let o = black_box(run(searcher, &e.exec)?);
            e.times_ms.push(t.elapsed().as_secs_f64() * 1e3);
            if o.count != e.count {
                anyhow::bail!("{}: {} hits, then {}", e.exec.name(), e.count, o.count);
            }
        }
    }
    let wall_s = t0.elapsed().as_secs_f64();
    let cpu_s = cpu_secs() - c0;

    // Per query.
    println!(
        "\n{:<10} {:<62} {:>5} {:>9} {:>9} {:>9} {:>9}",
        "category", "query", "runs", "median ms", "p99/max", "min", "hits"
    );
    let mut slow = Vec::new();
    for &i in &selected {
        let e = &entries[i];
        if e.median() > 200.0 {
            slow.push(i);
        }
        println!(
            "{:<10} {:<62} {:>5} {:>9.2} {:>9.2} {:>9.2} {:>9}",
            e.category.unwrap_or("-"),
            e.exec.name(),
            e.times_ms.len(),
            e.median(),
            e.p99(),
            min(&e.times_ms),
            e.count
        );
        println!(
            "JSON {{\"bench\": \"query\", \"corpus\": {}, \"impl\": \"{}\", \"category\": {}, \"query\": {}, \"runs\": {}, \"median_ms\": {:.4}, \"p99_ms\": {:.4}, \"p99_kind\": \"{}\", \"min_ms\": {:.4}, \"hits\": {}, \"all_ms\": {:?}}}",
            json_str(&label),
            e.exec.implementation(),
            e.category.map_or("null".to_string(), json_str),
            json_str(&e.exec.name()),
            e.times_ms.len(),
            e.median(),
            e.p99(),
            p99_kind(e.times_ms.len()),
            min(&e.times_ms),
            e.count,
            e.times_ms
                .iter()
                .map(|t| (t * 1e4).round() / 1e4)
                .collect::<Vec<_>>()
        );
    }

    // Per category: all runs of the category's queries pooled.
    let mut cats: BTreeMap<usize, (&str, Vec<f64>, usize, f64)> = BTreeMap::new();
    for &i in &selected {
        let e = &entries[i];
        let Some(cat) = e.category else { continue };
        let order = QUERIES.iter().position(|(c, _)| *c == cat).unwrap_or(99);
        let slot = cats.entry(order).or_insert((cat, Vec::new(), 0, 0.0));
        slot.1.extend(&e.times_ms);
        slot.2 += 1;
        slot.3 = slot.3.max(e.median());
    }
    println!(
        "\n{:<10} {:>7} {:>7} {:>9} {:>9} {:>18}",
        "category", "queries", "samples", "median ms", "p99/max", "slowest median ms"
    );
    for (cat, times, n, slowest) in cats.values() {
        println!(
            "{:<10} {:>7} {:>7} {:>9.2} {:>9.2} {:>18.2}",
            cat,
            n,
            times.len(),
            median(times),
            p99(times),
            slowest
        );
        println!(
            "JSON {{\"bench\": \"query-category\", \"corpus\": {}, \"category\": {}, \"queries\": {}, \"samples\": {}, \"median_ms\": {:.4}, \"p99_ms\": {:.4}, \"p99_kind\": \"{}\", \"slowest_median_ms\": {:.4}}}",
            json_str(&label),
            json_str(cat),
            n,
            times.len(),
            median(times),
            p99(times),
            p99_kind(times.len()),
            slowest
        );
    }

    // Proximity against the plain AND of the same operands.
    let has = |i: usize| !entries[i].times_ms.is_empty();
    let mut ratios = Vec::new();
    let mut stress_ratios = Vec::new();
    println!(
        "\n{:<28} {:<62} {:>9} {:>9} {:>7} {:>9} {:>9}",
        "operator", "proximity query", "median ms", "AND ms", "ratio", "hits", "AND hits"
    );
    for &(op, p, and) in &prox {
        if !has(p) || !has(and) {
            continue;
        }
        let (pe, ae) = (&entries[p], &entries[and]);
        let ratio = pe.median() / ae.median();
        let is_stress = op.starts_with(STRESS);
        if is_stress {
            stress_ratios.push(ratio);
        } else {
            ratios.push(ratio);
        }
        println!(
            "{:<28} {:<62} {:>9.2} {:>9.2} {:>7.2} {:>9} {:>9}",
            op,
            pe.exec.name(),
            pe.median(),
            ae.median(),
            ratio,
            pe.count,
            ae.count
        );
        println!(
            "JSON {{\"bench\": \"query-prox\", \"corpus\": {}, \"op\": {}, \"stress\": {}, \"query\": {}, \"and_query\": {}, \"median_ms\": {:.4}, \"and_median_ms\": {:.4}, \"ratio\": {:.4}, \"hits\": {}, \"and_hits\": {}}}",
            json_str(&label),
            json_str(op),
            is_stress,
            json_str(&pe.exec.name()),
            json_str(&ae.exec.name()),
            pe.median(),
            ae.median(),
            ratio,
            pe.count,
            ae.count
        );
    }
    let prox_median = (!ratios.is_empty()).then(|| median(&ratios));
    if let Some(m) = prox_median {
        println!(
            "median ratio proximity / AND over {} pairs: {:.2} (range {:.2}-{:.2}); stress pairs: {}",
            ratios.len(),
            m,
            min(&ratios),
            max(&ratios),
            stress_ratios
                .iter()
                .map(|r| format!("{r:.0}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }

    // Against tantivy alone.
    println!(
        "\n{:<7} {:<40} {:>9} {:>11} {:>7} {:>14} {:>7} {:>9} {:>9} {:>7} {:>7}",
        "kind",
        "patdex query",
        "median ms",
        "tantivy ms",
        "ratio",
        "+all_hits ms",
        "ratio",
        "hits",
        "tantivy",
        "counts",
        "top 10"
    );
    let mut peer_ratios = Vec::new();
    let mut engine_ratios = Vec::new();
    let mut mismatches = 0;
    for &(kind, ours, alone, collected) in &peers {
        if !has(ours) || !has(alone) || !has(collected) {
            continue;
        }
        let (oe, ne, ce) = (&entries[ours], &entries[alone], &entries[collected]);
        let ratio = oe.median() / ne.median();
        let engine = oe.median() / ce.median();
        peer_ratios.push(ratio);
        engine_ratios.push(engine);
        let counts_equal = oe.count == ne.count && oe.count == ce.count;
        // The same BM25 on both sides for the AND; the phrase scores differ by design.
        let top_equal = (kind == "AND").then(|| oe.top == ne.top && oe.top == ce.top);
        if !counts_equal || top_equal == Some(false) {
            mismatches += 1;
        }
        println!(
            "{:<7} {:<40} {:>9.2} {:>11.2} {:>7.2} {:>14.2} {:>7.2} {:>9} {:>9} {:>7} {:>7}",
            kind,
            oe.exec.name(),
            oe.median(),
            ne.median(),
            ratio,
            ce.median(),
            engine,
            oe.count,
            ne.count,
            if counts_equal { "equal" } else { "DIFFER" },
            match top_equal {
                Some(true) => "equal",
                Some(false) => "DIFFER",
                None => "-",
            }
        );
        println!(
            "JSON {{\"bench\": \"query-peer\", \"corpus\": {}, \"kind\": \"{}\", \"query\": {}, \"native\": {}, \"median_ms\": {:.4}, \"native_median_ms\": {:.4}, \"ratio\": {:.4}, \"native_all_hits_median_ms\": {:.4}, \"all_hits_ratio\": {:.4}, \"hits\": {}, \"native_hits\": {}, \"native_all_hits_hits\": {}, \"counts_equal\": {}, \"top10_equal\": {}}}",
            json_str(&label),
            kind,
            json_str(&oe.exec.name()),
            json_str(&ne.exec.name()),
            oe.median(),
            ne.median(),
            ratio,
            ce.median(),
            engine,
            oe.count,
            ne.count,
            ce.count,
            counts_equal,
            top_equal.map_or("null".to_string(), |b| b.to_string())
        );
    }
    let peer_median = (!peer_ratios.is_empty()).then(|| median(&peer_ratios));
    if let Some(m) = peer_median {
        println!(
            "median ratio patdex / tantivy alone: {m:.2}; patdex / (tantivy query + all_hits): {:.2}; {} mismatch(es) in counts or top 10",
            median(&engine_ratios),
            mismatches
        );
    }
    println!(
        "tantivy alone cannot express proximity within a distance, over OR-groups or truncated \
         words, or within a sentence or paragraph (NEAR/n, ADJ/n, WITH, SAME), nor stemming or \
         truncation: those queries have no native peer here."
    );

    for &i in &slow {
        println!(
            "slow (median > 200 ms): {} ({:.0} ms, {} hits)",
            entries[i].exec.name(),
            entries[i].median(),
            entries[i].count
        );
    }
    println!(
        "\ntimed passes: {wall_s:.1} s wall, {cpu_s:.1} s CPU (CPU / wall {:.2}; below 1 means the \
         process waited for a core)",
        cpu_s / wall_s
    );
    println!(
        "JSON {{\"bench\": \"query-summary\", \"corpus\": {}, \"index\": {}, \"docs\": {}, \"segments\": {}, \"index_bytes\": {}, \"queries\": {}, \"runs\": {}, \"stress_runs\": {}, \"warmup\": {}, \"wall_s\": {:.3}, \"cpu_s\": {:.2}, \"prox_and_median_ratio\": {}, \"peer_median_ratio\": {}, \"peer_all_hits_median_ratio\": {}, \"peer_mismatches\": {}}}",
        json_str(&label),
        json_str(&a.index.display().to_string()),
        searcher.num_docs(),
        segments,
        index_bytes,
        selected.len(),
        a.runs,
        a.stress_runs.min(a.runs),
        a.warmup,
        wall_s,
        cpu_s,
        json_opt(prox_median),
        json_opt(peer_median),
        json_opt((!engine_ratios.is_empty()).then(|| median(&engine_ratios))),
        mismatches
    );
    Ok(())
}
