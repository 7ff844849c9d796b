//! `patdex risk` (the freedom-to-operate screen) on an existing index, its parts, and the
//! nearest peers (a plain program).
//!
//! ```text
//! cargo bench --bench risk -- --index DIR --product FILE [--product FILE]... [--runs N]
//!     [--warmup N] [--label NAME]
//! ```
//!
//! For each product text, after `--warmup` passes (default 1), `--runs` passes (default 9)
//! round robin over these configurations, one thread (rayon's global pool is set to one
//! thread, so `screen`'s and `prior_art::search`'s parallel record reading runs on one core):
//!
//! | name | what |
//! |---|---|
//! | `screen` | `analysis::risk::screen` with the default options (100 grants, 30 applications), as of 2026-11-21 |
//! | `screen-c20`, `screen-c500` | the same with `candidates` 20 and 500 |
//! | `text-query` | `prior_art::text_query` alone, as `screen` builds it (key terms and phrases over `icl`) |
//! | `one-pass` | one scored pass over every document the text matches, no filter: `TopDocs` 100 and `Count` in one search. `screen` makes one such pass with its own collector, which also reads `kind` and `exp` per hit for the counts and both lists |
//! | `top-N` (20, 100, 500) | the retrieval alone: tantivy `TopDocs` (BM25) of the prebuilt text query with `kind:grant` and `exp` after the day as zero-scored `Must` filters, as `screen` asks it. `top-100` is the floor any tantivy tool pays |
//! | `apps-30` | the same for the 30 applications (`kind:application`) |
//! | `read-N` (20, 100, 500) | `IndexReader::patent` (stored JSON record, decoded) for each of those N hits |
//! | `prior-art` | `prior_art::search` with the same text, `limit` 100, evidence on, other options default (`patdex prior-art --text FILE --limit 100`) |
//!
//! The text query of `top-*` and the addresses of `read-*` are made once before timing. What
//! `screen` spends splitting claims into elements and matching them is the remainder:
//! `screen` − `text-query` − `one-pass` − `read-100` (and the applications' own reads and
//! `granted_as` lookups, none on a corpus of grants only).
//!
//! Prints per product the median wall and CPU time of each (CPU in 10 ms ticks, all threads
//! of the process), what `screen` found, and `JSON ` lines for benches/risk.sh.

#[path = "util/mod.rs"]
mod util;
use util::{cpu_secs, median};

use std::hint::black_box;
use std::ops::Bound;
use std::path::PathBuf;
use std::time::Instant;

use patdex::analysis::prior_art::{self, Invention};
use patdex::analysis::risk::{self, Options, Tier};
use patdex::index::Layout;
use patdex::index::reader::IndexReader;
use patdex::index::schema;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, TantivyDocument, Term};

const CONFIGS: &[&str] = &[
    "screen",
    "screen-c20",
    "screen-c500",
    "text-query",
    "one-pass",
    "top-20",
    "top-100",
    "top-500",
    "apps-30",
    "read-20",
    "read-100",
    "read-500",
    "prior-art",
];

struct Args {
    index: PathBuf,
    products: Vec<PathBuf>,
    runs: usize,
    warmup: usize,
    label: String,
}

fn args() -> anyhow::Result<Args> {
    let mut a = Args {
        index: PathBuf::new(),
        products: Vec::new(),
        runs: 9,
        warmup: 1,
        label: String::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(s) = it.next() {
        let mut value = || {
            it.next()
                .ok_or_else(|| anyhow::anyhow!("{s} needs a value"))
        };
        match s.as_str() {
            "--bench" => {}
            "--index" => a.index = PathBuf::from(value()?),
            "--product" => a.products.push(PathBuf::from(value()?)),
            "--runs" => a.runs = value()?.parse()?,
            "--warmup" => a.warmup = value()?.parse()?,
            "--label" => a.label = value()?,
            other => anyhow::bail!("unknown argument {other}"),
        }
    }
    if a.index.as_os_str().is_empty() || a.products.is_empty() || a.runs == 0 {
        anyhow::bail!(
            "usage: risk --index DIR --product FILE [--product FILE]... [--runs N] [--warmup N] [--label L]"
        );
    }
    Ok(a)
}

fn keyword(field: &str, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(schema::field(field), value),
        IndexRecordOption::Basic,
    ))
}

fn exp_term(d: jiff::civil::Date) -> Term {
    Term::from_field_date(schema::field("exp"), schema::date_time(d))
}

/// `text` with zero-scored `Must` filters, as `risk::screen` restricts it.
fn restricted(text: &dyn Query, filters: Vec<Box<dyn Query>>) -> BooleanQuery {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text.box_clone())];
    for q in filters {
        clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(q, 0.0))));
    }
    BooleanQuery::new(clauses)
}

fn main() -> anyhow::Result<()> {
    let a = args()?;
    rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build_global()?;
    let reader = IndexReader::open(&Layout::new(&a.index))?;
    let searcher = &reader.searcher;
    let docs = reader.num_docs();
    let segments = searcher.segment_readers().len();
    let as_of = jiff::civil::date(2026, 11, 21);
    let after = || -> Box<dyn Query> {
        Box::new(RangeQuery::new(
            Bound::Excluded(exp_term(as_of)),
            Bound::Unbounded,
        ))
    };
    let grants_in_force = || vec![keyword("kind", "grant"), after()];
    let opts = |candidates: usize| Options {
        candidates,
        ..Options::new(as_of)
    };
    let prior = prior_art::Options {
        limit: 100,
        ..prior_art::Options::default()
    };
    println!(
        "{} docs {docs} segments {segments} runs {} warmup {} (one thread)",
        a.label, a.runs, a.warmup
    );

    for path in &a.products {
        let product = std::fs::read_to_string(path)?;
        let product_name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let inv = Invention::from_text(&product);

        // Untimed: the text query and the hits that `top-*` and `read-*` work on, and a check
        // that they are the grants `screen` reads.
        let tq = prior_art::text_query(searcher, &inv, &risk::text_options())?;
        let top = |n: usize| -> anyhow::Result<Vec<(f32, DocAddress)>> {
            Ok(searcher.search(
                &restricted(tq.query.as_ref(), grants_in_force()),
                &TopDocs::with_limit(n).order_by_score(),
            )?)
        };
        let hits: Vec<(usize, Vec<DocAddress>)> = [20, 100, 500]
            .into_iter()
            .map(|n| Ok((n, top(n)?.into_iter().map(|(_, a)| a).collect())))
            .collect::<anyhow::Result<_>>()?;
        let r = risk::screen(&reader, &product, &opts(100))?;
        let mut screened: Vec<&str> = r.patents.iter().map(|p| p.number.as_str()).collect();
        let mut read: Vec<String> = hits[1]
            .1
            .iter()
            .map(|&a| Ok(reader.patent(a)?.number.to_string()))
            .collect::<anyhow::Result<_>>()?;
        screened.sort_unstable();
        read.sort_unstable();
        let same = screened == read.iter().map(String::as_str).collect::<Vec<_>>();
        let tiers = |t: Tier| r.patents.iter().filter(|p| p.tier == t).count();
        let claims: usize = r.patents.iter().map(|p| 1 + p.other_claims.len()).sum();
        let elements: usize = r.patents.iter().map(|p| p.best_claim.elements.len()).sum();
        let mut record_bytes = 0;
        for &addr in &hits[1].1 {
            let doc: TantivyDocument = searcher.doc(addr)?;
            record_bytes += doc
                .get_first(schema::field("doc"))
                .and_then(|v| v.as_bytes())
                .map_or(0, <[u8]>::len);
        }
        println!(
            "{} product {product_name}: {} words, {} key terms, {} query clauses; grants matched: {} in force, {} expired, {} unknown term; applications in force {}; \
             screened {} (high {}, medium {}, low {}; {} independent claims, {} elements in the best claims); \
             top-100 = screen's grants: {}; stored records of the top 100: {:.1} MB of JSON",
            a.label,
            product.split_whitespace().count(),
            tq.key_terms.len(),
            tq.clauses,
            r.matched.in_force,
            r.matched.expired,
            r.matched.unknown_term,
            r.matched.applications,
            r.patents.len(),
            tiers(Tier::High),
            tiers(Tier::Medium),
            tiers(Tier::Low),
            claims,
            elements,
            if same { "yes" } else { "NO" },
            record_bytes as f64 / 1e6,
        );

        let mut wall: Vec<Vec<f64>> = vec![Vec::new(); CONFIGS.len()];
        let mut cpu: Vec<Vec<f64>> = vec![Vec::new(); CONFIGS.len()];
        for pass in 0..a.warmup + a.runs {
            for (i, &config) in CONFIGS.iter().enumerate() {
                let t0 = Instant::now();
                let c0 = cpu_secs();
                match config {
                    "screen" | "screen-c20" | "screen-c500" => {
                        let n = match config {
                            "screen-c20" => 20,
                            "screen-c500" => 500,
                            _ => 100,
                        };
                        black_box(risk::screen(&reader, &product, &opts(n))?);
                    }
                    "text-query" => {
                        black_box(prior_art::text_query(
                            searcher,
                            &inv,
                            &risk::text_options(),
                        )?);
                    }
                    "one-pass" => {
                        black_box(searcher.search(
                            tq.query.as_ref(),
                            &(TopDocs::with_limit(100).order_by_score(), Count),
                        )?);
                    }
                    "top-20" => {
                        black_box(top(20)?);
                    }
                    "top-100" => {
                        black_box(top(100)?);
                    }
                    "top-500" => {
                        black_box(top(500)?);
                    }
                    "apps-30" => {
                        black_box(searcher.search(
                            &restricted(
                                tq.query.as_ref(),
                                vec![keyword("kind", "application"), after()],
                            ),
                            &TopDocs::with_limit(30).order_by_score(),
                        )?);
                    }
                    "read-20" | "read-100" | "read-500" => {
                        let n: usize = config["read-".len()..].parse()?;
                        let addrs = &hits.iter().find(|(k, _)| *k == n).expect("read size").1;
                        for &addr in addrs {
                            black_box(reader.patent(addr)?);
                        }
                    }
                    "prior-art" => {
                        black_box(prior_art::search(&reader, &inv, &prior)?);
                    }
                    other => unreachable!("{other}"),
                }
                if pass >= a.warmup {
                    wall[i].push(t0.elapsed().as_secs_f64());
                    cpu[i].push(cpu_secs() - c0);
                }
            }
        }

        let med: Vec<f64> = wall.iter().map(|t| median(t)).collect();
        let at = |name: &str| med[CONFIGS.iter().position(|c| *c == name).expect("config")];
        for ((name, t), c) in CONFIGS.iter().zip(&wall).zip(&cpu) {
            let (m, mc) = (median(t), median(c));
            println!(
                "  {name:<12} median {:>8.2} ms wall, {:>8.1} ms CPU",
                m * 1000.0,
                mc * 1000.0
            );
            println!(
                "JSON {}",
                serde_json::json!({"label": a.label, "docs": docs, "segments": segments,
                    "product": product_name, "config": name, "median_s": m,
                    "median_cpu_s": mc, "runs": t.len(), "in_force": r.matched.in_force,
                    "screened": r.patents.len()})
            );
        }
        let remainder = at("screen") - at("text-query") - at("one-pass") - at("read-100");
        let ratios = serde_json::json!({
            "label": a.label, "docs": docs, "product": product_name, "config": "ratios",
            "screen_over_floor": at("screen") / at("top-100"),
            "screen_over_prior_art": at("screen") / at("prior-art"),
            "prior_art_over_floor": at("prior-art") / at("top-100"),
            "remainder_s": remainder,
            "c500_over_c20": at("screen-c500") / at("screen-c20"),
            "per_record_read_s": (at("read-500") - at("read-20")) / 480.0,
            "per_candidate_screen_s": (at("screen-c500") - at("screen-c20")) / 480.0,
        });
        println!(
            "  ratios: screen/top-100 {:.1}x, screen/prior-art {:.2}x, prior-art/top-100 {:.1}x; \
             remainder (elements + matching + rest) {:.2} ms; per extra candidate: screen {:.3} ms, read {:.3} ms",
            ratios["screen_over_floor"].as_f64().unwrap_or(0.0),
            ratios["screen_over_prior_art"].as_f64().unwrap_or(0.0),
            ratios["prior_art_over_floor"].as_f64().unwrap_or(0.0),
            remainder * 1000.0,
            ratios["per_candidate_screen_s"].as_f64().unwrap_or(0.0) * 1000.0,
            ratios["per_record_read_s"].as_f64().unwrap_or(0.0) * 1000.0,
        );
        println!("JSON {ratios}");
    }
    Ok(())
}
