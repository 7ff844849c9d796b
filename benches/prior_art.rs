//! Prior-art query latency on an existing index (a plain program).
//!
//! ```text
//! cargo bench --bench prior_art -- --index DIR [--topics N] [--runs N] [--warmup N]
//!     [--cutoff priority|publication|none] [--configs LIST|all] [--label NAME] [--slowest N]
//! ```
//!
//! Opens the index read-only, picks `--topics` documents (default 50) as topics, and times
//! `prior_art::search` for each, the way `patdex prior-art --number N` runs it, minus printing.
//!
//! **Topics**: every alive document sorted by publication number (so the choice does not
//! depend on how segments were merged), then every k-th of them (k = documents / topics,
//! starting at k / 2), skipping forward to the next document with claims and a description.
//! Each becomes `Invention::from_patent`.
//!
//! **Cut-off** (`--cutoff`): `priority` (default) is what `patdex prior-art --number N` does: only
//! documents published before the topic's priority date. `publication`: before the topic's own
//! publication date. `none`: no date filter. On the generated bench corpus every publication
//! date is in 2030 and the priority dates are the real ones (2005–2016), so `priority` leaves
//! no candidate at all; `publication` gives each topic the documents of the earlier weekly
//! files (from none to 48,000 of 50,000, about half on average, as for a random topic of a
//! real collection).
//!
//! **Configurations** (`--configs`, comma-separated, or `all`):
//!
//! | name | what |
//! |---|---|
//! | `full` | default `Options`: every step (`Config::FULL`), limit 20, evidence on |
//! | `full-noev` | the same without evidence (the difference is evidence loading) |
//! | `bm25-1000` | `--config bm25` (`CONFIGS[0]`: every word of the text, plain BM25), limit 1000, no evidence |
//! | `terms-noev`, `phrases-noev`, `class-noev` | `CONFIGS[1..4]`, limit 20, no evidence |
//! | `lookup` | not a search: the first steps of one, rebuilt here from public APIs: word counts of the invention (`terms::Counts`) and the expansion of every distinct word against the term dictionaries of every searched field (what `Words::new` does) |
//!
//! Default: `full,full-noev,bm25-1000,lookup`.
//!
//! **Protocol**: `--warmup` passes over every topic and configuration (default 1; they also
//! fault the index into the page cache), then `--runs` passes (default 3), round robin over
//! topics and configurations so that noise from other work spreads evenly. For each topic and
//! configuration the median of its runs is taken; reported per configuration is the
//! distribution of those medians over the topics: median, p99 (nearest rank, which with fewer
//! than 100 topics is the maximum), maximum, and the mean. One thread.
//!
//! **Where the time goes**: the slowest topics are listed with every configuration's time and
//! their size (distinct words, characters); steps are estimated per topic as the difference
//! between configurations one step apart (`full` − `full-noev` = evidence; with `--configs
//! all` also BM25 over the key terms, phrases, class boost and citation boost; `class-noev`
//! also re-ranks a pool of 1,000 instead of 20), and one extra pass over the topics splits the
//! lookup into counting and expanding, by word length and stopwords.
//!
//! Output: tables, and `JSON ` lines (one per configuration, topic, step, the lookup split, and
//! a summary) that `benches/run.sh` keeps.

#[path = "util/mod.rs"]
mod util;
use util::{cpu_secs, median, p99, p99_kind};

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use patdex::analysis::prior_art::{self, CONFIGS, Config, Invention, Options, SEARCH_FIELDS};
use patdex::analysis::terms::{self, Counts};
use patdex::index::Layout;
use patdex::index::reader::{FastStrings, IndexReader};
use patdex::index::{schema, text};
use patdex::model::{Block, Patent};
use patdex::query::expand::Expander;
use patdex::query::plan::WordMatch;
use tantivy::DocAddress;

/// Section weights as `Invention::counts` uses them (they change counts, not the work).
const WEIGHTS: [f32; 4] = [2.0, 1.5, 2.0, 1.0];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Cutoff {
    Priority,
    Publication,
    None,
}

impl Cutoff {
    fn name(self) -> &'static str {
        match self {
            Cutoff::Priority => "priority",
            Cutoff::Publication => "publication",
            Cutoff::None => "none",
        }
    }
}

/// What one timed configuration runs.
#[derive(Clone)]
enum Exec {
    Search(Options),
    /// Word counts + expansion of every distinct word (the start of every search).
    Lookup,
}

struct Conf {
    name: &'static str,
    what: &'static str,
    exec: Exec,
}

fn config(name: &str) -> Config {
    CONFIGS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, c)| *c)
        .expect("a known configuration")
}

fn all_confs() -> Vec<Conf> {
    let noev = |c: Config, limit: usize| Options {
        config: c,
        limit,
        evidence: false,
        ..Options::default()
    };
    vec![
        Conf {
            name: "full",
            what: "every step, limit 20, evidence (the default)",
            exec: Exec::Search(Options::default()),
        },
        Conf {
            name: "full-noev",
            what: "every step, limit 20, no evidence",
            exec: Exec::Search(noev(Config::FULL, 20)),
        },
        Conf {
            name: "bm25-1000",
            what: "plain BM25 over every word, limit 1000, no evidence",
            exec: Exec::Search(noev(CONFIGS[0].1, 1000)),
        },
        Conf {
            name: "terms-noev",
            what: "key terms only, limit 20, no evidence",
            exec: Exec::Search(noev(config("terms"), 20)),
        },
        Conf {
            name: "phrases-noev",
            what: "key terms + phrases, limit 20, no evidence",
            exec: Exec::Search(noev(config("+phrases"), 20)),
        },
        Conf {
            name: "class-noev",
            what: "key terms + phrases + class boost, limit 20, no evidence",
            exec: Exec::Search(noev(config("+class"), 20)),
        },
        Conf {
            name: "lookup",
            what: "word counts + expanding every distinct word (no search)",
            exec: Exec::Lookup,
        },
    ]
}

const DEFAULT_CONFS: &str = "full,full-noev,bm25-1000,lookup";

struct Args {
    index: PathBuf,
    topics: usize,
    runs: usize,
    warmup: usize,
    cutoff: Cutoff,
    configs: String,
    label: String,
    slowest: usize,
}

fn usage() -> ! {
    eprintln!(
        "usage: cargo bench --bench prior_art -- --index DIR [--topics N] [--runs N] [--warmup N] \
         [--cutoff priority|publication|none] [--configs LIST|all] [--label NAME] [--slowest N]\n\
         configurations: {}",
        all_confs()
            .iter()
            .map(|c| c.name)
            .collect::<Vec<_>>()
            .join(", ")
    );
    std::process::exit(2);
}

fn args() -> Args {
    let mut a = Args {
        index: PathBuf::new(),
        topics: 50,
        runs: 3,
        warmup: 1,
        cutoff: Cutoff::Priority,
        configs: DEFAULT_CONFS.to_string(),
        label: String::new(),
        slowest: 5,
    };
    let mut it = std::env::args().skip(1);
    let num = |v: Option<String>| v.and_then(|v| v.parse().ok()).unwrap_or_else(|| usage());
    while let Some(s) = it.next() {
        match s.as_str() {
            "--bench" => {}
            "--index" => a.index = PathBuf::from(it.next().unwrap_or_else(|| usage())),
            "--topics" => a.topics = num(it.next()),
            "--runs" => a.runs = num(it.next()),
            "--warmup" => a.warmup = num(it.next()),
            "--slowest" => a.slowest = num(it.next()),
            "--label" => a.label = it.next().unwrap_or_else(|| usage()),
            "--configs" => a.configs = it.next().unwrap_or_else(|| usage()),
            "--cutoff" => {
                a.cutoff = match it.next().as_deref() {
                    Some("priority") => Cutoff::Priority,
                    Some("publication") => Cutoff::Publication,
                    Some("none") => Cutoff::None,
                    _ => usage(),
                }
            }
            _ => usage(),
        }
    }
    if a.index.as_os_str().is_empty() || a.runs == 0 || a.topics == 0 {
        usage();
    }
    a
}

/// One topic and what is known about it.
struct Topic {
    id: String,
    inv: Invention,
    cutoff: Option<jiff::civil::Date>,
    /// Distinct words of the text (what `Words::new` expands, per field).
    words: usize,
    /// Characters of text.
    chars: usize,
}

fn has_text(p: &Patent) -> bool {
    !p.claims.is_empty()
        && p.description
            .iter()
            .any(|b| matches!(b, Block::Paragraph { .. }))
}

/// Every k-th alive document by publication number that has claims and a description.
fn pick_topics(reader: &IndexReader, n: usize, cutoff: Cutoff) -> anyhow::Result<Vec<Topic>> {
    let ids = FastStrings::open(&reader.searcher, "id")?;
    let mut all: Vec<(String, DocAddress)> = Vec::new();
    let mut v = Vec::new();
    for (seg, r) in reader.searcher.segment_readers().iter().enumerate() {
        let alive = r.alive_bitset();
        for d in 0..r.max_doc() {
            if alive.is_none_or(|a| a.is_alive(d)) {
                let addr = DocAddress::new(seg as u32, d);
                v.clear();
                ids.values(addr, &mut v)?;
                all.push((v.first().cloned().unwrap_or_default(), addr));
            }
        }
    }
    all.sort();
    let k = (all.len() / n).max(1);
    let mut out = Vec::new();
    let mut i = k / 2;
    while out.len() < n && i < all.len() {
        let start = i;
        let mut found = None;
        while i < all.len() && i < start + k {
            let p = reader.patent(all[i].1)?;
            if has_text(&p) {
                found = Some(p);
                break;
            }
            i += 1;
        }
        if let Some(p) = found {
            let inv = Invention::from_patent(&p);
            let mut counts = Counts::default();
            let chars = count_words(&inv, &mut counts);
            out.push(Topic {
                id: all[i].0.clone(),
                cutoff: match cutoff {
                    Cutoff::Priority => inv.priority_date,
                    Cutoff::Publication => p.pub_date,
                    Cutoff::None => None,
                },
                words: counts.raw.len(),
                chars,
                inv,
            });
        }
        i = start + k;
    }
    Ok(out)
}

/// The word counts of an invention, as `Invention::counts` makes them; returns the characters
/// of text.
fn count_words(inv: &Invention, c: &mut Counts) -> usize {
    let mut a = text::analyzer();
    let mut chars = 0;
    let mut add = |t: &str, w: f32| {
        chars += t.len();
        c.add(&mut a, t, w);
    };
    add(&inv.title, WEIGHTS[0]);
    add(&inv.abstract_text, WEIGHTS[1]);
    for t in &inv.claims {
        add(t, WEIGHTS[2]);
    }
    for t in &inv.description {
        add(t, WEIGHTS[3]);
    }
    chars
}

/// Expansion time by the length of the word (its singular): 2, 3, 4, 5+ characters. Short
/// words are where a dictionary scan by prefix can get expensive (before `84b7333` a 2-letter
/// word scanned every indexed word with the same first letter).
#[derive(Default, Clone)]
struct PrefixCost {
    words: [usize; 4],
    ms: [f64; 4],
    /// Of those, the words in `terms::STOPWORDS` (never a key term or part of a key phrase).
    stop_words: [usize; 4],
    stop_ms: [f64; 4],
}

/// The lookup step: counts, then every distinct word expanded in every searched field. Returns
/// (counts ms, expansion ms), and adds per-prefix-length costs to `cost` when given.
fn lookup(
    reader: &IndexReader,
    inv: &Invention,
    mut cost: Option<&mut PrefixCost>,
) -> anyhow::Result<(f64, f64)> {
    let t0 = Instant::now();
    let mut counts = Counts::default();
    count_words(inv, &mut counts);
    let t1 = Instant::now();
    let mut ex = Expander::new(&reader.searcher, "");
    let fields: Vec<_> = SEARCH_FIELDS.iter().map(|f| schema::field(f)).collect();
    for stem in counts.raw.keys() {
        let ts = cost.is_some().then(Instant::now);
        for &f in &fields {
            let e = ex
                .expand(f, &WordMatch::Stem(stem.clone()), Default::default())
                .map_err(|e| anyhow::anyhow!("{}", e.message))?;
            black_box(e);
        }
        if let (Some(c), Some(ts)) = (cost.as_deref_mut(), ts) {
            let slot = stem.chars().count().clamp(2, 5) - 2;
            let ms = ts.elapsed().as_secs_f64() * 1e3;
            c.words[slot] += 1;
            c.ms[slot] += ms;
            if terms::is_stopword(stem) {
                c.stop_words[slot] += 1;
                c.stop_ms[slot] += ms;
            }
        }
    }
    let t2 = Instant::now();
    Ok(((t1 - t0).as_secs_f64() * 1e3, (t2 - t1).as_secs_f64() * 1e3))
}

/// Sizes of one search (from its first run).
#[derive(Default, Clone, Copy)]
struct Sizes {
    key_terms: usize,
    clauses: usize,
    matched: usize,
    hits: usize,
}

fn run(reader: &IndexReader, topic: &Topic, exec: &Exec) -> anyhow::Result<Sizes> {
    match exec {
        Exec::Search(o) => {
            let opts = Options {
                cutoff: topic.cutoff,
                ..o.clone()
            };
            let r = black_box(prior_art::search(reader, &topic.inv, &opts)?);
            Ok(Sizes {
                key_terms: r.key_terms.len(),
                clauses: r.query_clauses,
                matched: r.matched,
                hits: r.hits.len(),
            })
        }
        Exec::Lookup => {
            lookup(reader, &topic.inv, None)?;
            Ok(Sizes::default())
        }
    }
}

fn max(v: &[f64]) -> f64 {
    v.iter().copied().fold(0.0, f64::max)
}

fn mean(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len().max(1) as f64
}

fn json_str(s: &str) -> String {
    serde_json::to_string(s).expect("a string serialises")
}

fn main() -> anyhow::Result<()> {
    let a = args();
    let layout = Layout::new(&a.index);
    let reader = IndexReader::open(&layout)?;
    let label = if a.label.is_empty() {
        a.index
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    } else {
        a.label.clone()
    };
    let confs: Vec<Conf> = if a.configs == "all" {
        all_confs()
    } else {
        let mut all = all_confs();
        let mut out = Vec::new();
        for name in a
            .configs
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            let Some(i) = all.iter().position(|c| c.name == name) else {
                eprintln!("unknown configuration `{name}`");
                usage();
            };
            out.push(all.remove(i));
        }
        out
    };
    if confs.is_empty() {
        usage();
    }

    let t_pick = Instant::now();
    let topics = pick_topics(&reader, a.topics, a.cutoff)?;
    if topics.is_empty() {
        anyhow::bail!(
            "no document with claims and a description in {}",
            a.index.display()
        );
    }
    println!(
        "index {}: {} documents, {} segments; {} topics (picked in {:.1} s), cut-off {}; \
         {} warm-up + {} timed passes, round robin over topics and configurations",
        a.index.display(),
        reader.num_docs(),
        reader.searcher.segment_readers().len(),
        topics.len(),
        t_pick.elapsed().as_secs_f64(),
        a.cutoff.name(),
        a.warmup,
        a.runs
    );

    // times[c][t]: the runs of configuration c on topic t.
    let mut times: Vec<Vec<Vec<f64>>> = vec![vec![Vec::new(); topics.len()]; confs.len()];
    let mut sizes: Vec<Vec<Sizes>> = vec![vec![Sizes::default(); topics.len()]; confs.len()];
    for _ in 0..a.warmup {
        for (t, topic) in topics.iter().enumerate() {
            for (c, conf) in confs.iter().enumerate() {
                sizes[c][t] = run(&reader, topic, &conf.exec)?;
            }
        }
    }
    let c0 = cpu_secs();
    let w0 = Instant::now();
    for _ in 0..a.runs {
        for (t, topic) in topics.iter().enumerate() {
            for (c, conf) in confs.iter().enumerate() {
                let t0 = Instant::now();
                let s = run(&reader, topic, &conf.exec)?;
                times[c][t].push(t0.elapsed().as_secs_f64() * 1e3);
                if a.warmup == 0 {
                    sizes[c][t] = s;
                } else if s.matched != sizes[c][t].matched {
                    anyhow::bail!(
                        "{} on {}: {} matches, then {}",
                        conf.name,
                        topic.id,
                        sizes[c][t].matched,
                        s.matched
                    );
                }
            }
        }
    }
    let wall_s = w0.elapsed().as_secs_f64();
    let cpu_s = cpu_secs() - c0;

    // Per topic medians, then the distribution over topics.
    let med: Vec<Vec<f64>> = times
        .iter()
        .map(|per| per.iter().map(|r| median(r)).collect())
        .collect();
    println!(
        "\n{:<13} {:>6} {:>9} {:>9} {:>9} {:>9} {:>9} {:>12} {:>10}  what",
        "config",
        "topics",
        "median ms",
        "p99 ms",
        "max ms",
        "mean ms",
        "min ms",
        "median match",
        "clauses"
    );
    for (c, conf) in confs.iter().enumerate() {
        let m = &med[c];
        let min = m.iter().copied().fold(f64::INFINITY, f64::min);
        let matched: Vec<f64> = sizes[c].iter().map(|s| s.matched as f64).collect();
        let clauses: Vec<f64> = sizes[c].iter().map(|s| s.clauses as f64).collect();
        println!(
            "{:<13} {:>6} {:>9.2} {:>9.2} {:>9.2} {:>9.2} {:>9.2} {:>12.0} {:>10.0}  {}",
            conf.name,
            m.len(),
            median(m),
            p99(m),
            max(m),
            mean(m),
            min,
            median(&matched),
            median(&clauses),
            conf.what
        );
        println!(
            "JSON {{\"bench\": \"prior-art\", \"corpus\": {}, \"config\": {}, \"cutoff\": \"{}\", \"topics\": {}, \"runs\": {}, \"median_ms\": {:.4}, \"p99_ms\": {:.4}, \"p99_kind\": \"{}\", \"max_ms\": {:.4}, \"mean_ms\": {:.4}, \"min_ms\": {:.4}, \"median_matched\": {}, \"median_clauses\": {}}}",
            json_str(&label),
            json_str(conf.name),
            a.cutoff.name(),
            m.len(),
            a.runs,
            median(m),
            p99(m),
            p99_kind(m.len()),
            max(m),
            mean(m),
            min,
            median(&matched),
            median(&clauses)
        );
    }

    // Per topic, and the slowest topics with their sizes.
    for (t, topic) in topics.iter().enumerate() {
        let per: BTreeMap<&str, f64> = confs
            .iter()
            .enumerate()
            .map(|(c, conf)| (conf.name, (med[c][t] * 1e4).round() / 1e4))
            .collect();
        let searched: BTreeMap<&str, String> = confs
            .iter()
            .enumerate()
            .filter(|(_, conf)| matches!(conf.exec, Exec::Search(_)))
            .map(|(c, conf)| {
                let s = sizes[c][t];
                let j = format!(
                    "{{\"key_terms\": {}, \"clauses\": {}, \"matched\": {}, \"hits\": {}}}",
                    s.key_terms, s.clauses, s.matched, s.hits
                );
                (conf.name, j)
            })
            .collect();
        let searched = searched
            .iter()
            .map(|(k, v)| format!("{}: {v}", json_str(k)))
            .collect::<Vec<_>>()
            .join(", ");
        println!(
            "JSON {{\"bench\": \"prior-art-topic\", \"corpus\": {}, \"cutoff\": \"{}\", \"topic\": {}, \"words\": {}, \"chars\": {}, \"claims\": {}, \"paragraphs\": {}, \"median_ms\": {}, \"sizes\": {{{}}}}}",
            json_str(&label),
            a.cutoff.name(),
            json_str(&topic.id),
            topic.words,
            topic.chars,
            topic.inv.claims.len(),
            topic.inv.description.len(),
            serde_json::to_string(&per)?,
            searched
        );
    }
    let first = 0;
    let mut order: Vec<usize> = (0..topics.len()).collect();
    order.sort_by(|&x, &y| med[first][y].total_cmp(&med[first][x]));
    println!(
        "\nslowest topics by `{}` (median ms per configuration; words = distinct words of the text):",
        confs[first].name
    );
    println!(
        "{:<16} {:>6} {:>8} {}",
        "topic",
        "words",
        "chars",
        confs
            .iter()
            .map(|c| format!("{:>13}", c.name))
            .collect::<String>()
    );
    let show = |t: usize| {
        println!(
            "{:<16} {:>6} {:>8} {}",
            topics[t].id,
            topics[t].words,
            topics[t].chars,
            confs
                .iter()
                .enumerate()
                .map(|(c, _)| format!("{:>13.2}", med[c][t]))
                .collect::<String>()
        );
    };
    for &t in order.iter().take(a.slowest) {
        show(t);
    }
    println!("... and the median topic:");
    show(order[order.len() / 2]);

    // Steps as differences of configurations that differ in one step, per topic (medians of
    // per-topic differences; noise can make one slightly negative).
    let at = |name: &str| confs.iter().position(|c| c.name == name);
    let steps: [(&str, &str, &str); 6] = [
        ("lookup", "", "counting + expanding every distinct word"),
        (
            "terms-noev",
            "lookup",
            "BM25 over the key terms (query building, weights, search)",
        ),
        ("phrases-noev", "terms-noev", "+ key-phrase clauses"),
        ("class-noev", "phrases-noev", "+ class boost"),
        ("full-noev", "class-noev", "+ citation boost"),
        ("full", "full-noev", "+ evidence (stored records, passages)"),
    ];
    let steps: Vec<(String, Vec<f64>, &str)> = steps
        .iter()
        .filter_map(|&(hi, lo, what)| {
            let h = at(hi)?;
            let l = if lo.is_empty() { None } else { Some(at(lo)?) };
            let d: Vec<f64> = (0..topics.len())
                .map(|t| med[h][t] - l.map_or(0.0, |l| med[l][t]))
                .collect();
            let name = if lo.is_empty() {
                hi.to_string()
            } else {
                format!("{hi} - {lo}")
            };
            Some((name, d, what))
        })
        .collect();
    // Without the intermediate configurations: the query as one step.
    let mut steps = steps;
    if at("terms-noev").is_none()
        && let (Some(f), Some(l)) = (at("full-noev"), at("lookup"))
    {
        let d = (0..topics.len()).map(|t| med[f][t] - med[l][t]).collect();
        steps.insert(
            1,
            (
                "full-noev - lookup".into(),
                d,
                "the search after the lookup (query, BM25, boosts)",
            ),
        );
    }
    if !steps.is_empty() {
        let slowest = order[0];
        println!(
            "\nwhere the time goes (per topic: difference of medians of configurations one step apart), \
             median over topics and on the slowest topic ({}):",
            topics[slowest].id
        );
        for (name, d, what) in &steps {
            println!(
                "  {:<28} median {:>8.2} ms   slowest topic {:>8.2} ms   {}",
                name,
                median(d),
                d[slowest],
                what
            );
            println!(
                "JSON {{\"bench\": \"prior-art-step\", \"corpus\": {}, \"cutoff\": \"{}\", \"step\": {}, \"median_ms\": {:.4}, \"slowest_topic_ms\": {:.4}}}",
                json_str(&label),
                a.cutoff.name(),
                json_str(name),
                median(d),
                d[slowest]
            );
        }
    }

    // Where the lookup's time goes: one untimed-by-the-table pass per topic, per prefix length.
    let mut cost = PrefixCost::default();
    let (mut counts_ms, mut expand_ms) = (Vec::new(), Vec::new());
    for topic in &topics {
        let (c, e) = lookup(&reader, &topic.inv, Some(&mut cost))?;
        counts_ms.push(c);
        expand_ms.push(e);
    }
    println!(
        "\nlookup, one extra pass over the topics: counting words median {:.2} ms, expanding them median {:.2} ms (max {:.2})",
        median(&counts_ms),
        median(&expand_ms),
        max(&expand_ms)
    );
    println!(
        "expansion by word length (the singular), over {} fields:",
        SEARCH_FIELDS.len()
    );
    let total_ms: f64 = cost.ms.iter().sum();
    for (i, name) in ["2 letters", "3 letters", "4 letters", "5+ letters"]
        .iter()
        .enumerate()
    {
        println!(
            "  {:<10} {:>7} words {:>9.1} ms total ({:>4.1} %), {:>7.3} ms per word; of which stopwords: {:>5} words, {:>8.1} ms",
            name,
            cost.words[i],
            cost.ms[i],
            100.0 * cost.ms[i] / total_ms.max(1e-9),
            cost.ms[i] / cost.words[i].max(1) as f64,
            cost.stop_words[i],
            cost.stop_ms[i]
        );
    }
    println!(
        "JSON {{\"bench\": \"prior-art-lookup\", \"corpus\": {}, \"topics\": {}, \"counts_median_ms\": {:.4}, \"expand_median_ms\": {:.4}, \"expand_max_ms\": {:.4}, \"by_length\": [\"2\", \"3\", \"4\", \"5+\"], \"words\": {:?}, \"ms\": {:?}, \"stopwords\": {:?}, \"stopword_ms\": {:?}}}",
        json_str(&label),
        topics.len(),
        median(&counts_ms),
        median(&expand_ms),
        max(&expand_ms),
        cost.words,
        cost.ms.map(|v| (v * 1e3).round() / 1e3),
        cost.stop_words,
        cost.stop_ms.map(|v| (v * 1e3).round() / 1e3)
    );

    println!(
        "\ntimed passes: {wall_s:.1} s wall, {cpu_s:.1} s CPU (CPU / wall {:.2}; below 1 means the \
         process waited for a core)",
        cpu_s / wall_s
    );
    println!(
        "JSON {{\"bench\": \"prior-art-summary\", \"corpus\": {}, \"index\": {}, \"docs\": {}, \"segments\": {}, \"topics\": {}, \"cutoff\": \"{}\", \"runs\": {}, \"warmup\": {}, \"configs\": {}, \"wall_s\": {:.3}, \"cpu_s\": {:.2}}}",
        json_str(&label),
        json_str(&a.index.display().to_string()),
        reader.num_docs(),
        reader.searcher.segment_readers().len(),
        topics.len(),
        a.cutoff.name(),
        a.runs,
        a.warmup,
        json_str(&confs.iter().map(|c| c.name).collect::<Vec<_>>().join(",")),
        wall_s,
        cpu_s
    );
    Ok(())
}
