//! `patdex trend` on an existing index, against tantivy's own aggregation framework (a plain
//! program).
//!
//! ```text
//! cargo bench --bench trend -- --index DIR [--runs N] [--query Q]... [--label NAME]
//! ```
//!
//! Per query (default: `cl:comprising`, which matches most utility grants, and the whole index
//! `*`), it times, one thread, after one warm-up pass, `--runs` passes (default 5) round robin:
//!
//! | name | what |
//! |---|---|
//! | `trend` | `analysis::trend::trend` with the default options but by filing date (per-year counts; top assignees merged by name key, inventors, CPC subclasses, countries; owner kinds; growth; new entrants; 15 emerging terms) |
//! | `trend-noterms` | the same without the emerging terms (`--terms 0`): the collector alone |
//! | `tantivy-agg` | tantivy's `AggregationCollector` with the nearest request it can express: a histogram of the filing date (fixed 365-day buckets: tantivy has no calendar years) and `terms` (top 10) of the raw owner names, inventors, CPC symbols and owner countries (no merging of spellings, no subclass filter, no per-year breakdown of the top values, no growth, entrants or terms) |
//!
//! and prints the median wall and CPU time of each (CPU in 10 ms ticks), the hit count, and `JSON ` lines for
//! benches/trend.sh.

#[path = "util/mod.rs"]
mod util;

use std::time::Instant;

use patdex::analysis::trend::{self, Options};
use patdex::index::Layout;
use patdex::index::reader::IndexReader;
use tantivy::aggregation::AggregationCollector;
use tantivy::aggregation::agg_req::Aggregations;
use tantivy::query::{AllQuery, Query};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let mut index = None;
    let mut runs = 5usize;
    let mut queries: Vec<String> = Vec::new();
    let mut label = String::new();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--index" => index = args.next(),
            "--runs" => runs = args.next().unwrap_or_default().parse()?,
            "--query" => queries.extend(args.next()),
            "--label" => label = args.next().unwrap_or_default(),
            "--bench" => {}
            other => anyhow::bail!("unknown argument {other}"),
        }
    }
    let index = index.ok_or_else(|| anyhow::anyhow!("--index DIR is required"))?;
    if queries.is_empty() {
        queries = vec!["cl:comprising".into(), "*".into()];
    }
    let reader = IndexReader::open(&Layout::new(std::path::Path::new(&index)))?;
    let docs = reader.num_docs();
    let agg: Aggregations = serde_json::from_value(serde_json::json!({
        "years": {"date_histogram": {"field": "ad", "fixed_interval": "365d"}},
        "owners": {"terms": {"field": "owner", "size": 10}},
        "inventors": {"terms": {"field": "inv", "size": 10}},
        "cpc": {"terms": {"field": "cpc", "size": 10}},
        "countries": {"terms": {"field": "ownercc", "size": 10}},
    }))?;
    for q in &queries {
        let prepared;
        let query: &dyn Query = if q == "*" {
            &AllQuery
        } else {
            prepared = patdex::query::prepare(&reader.searcher, q)
                .map_err(|e| anyhow::anyhow!(e.render()))?;
            prepared.compiled.query.as_ref()
        };
        // By filing date: the generated corpus's publication dates all fall in one year (one
        // weekly file per Tuesday), its filing dates are the real ones (1999-2018), so growth,
        // entrants and emerging terms have years to compare.
        let with_terms = Options {
            date: "ad",
            ..Options::default()
        };
        let no_terms = Options {
            terms: 0,
            ..with_terms.clone()
        };
        let configs = ["trend", "trend-noterms", "tantivy-agg"];
        let mut times: Vec<Vec<f64>> = vec![Vec::new(); configs.len()];
        let mut cpu: Vec<Vec<f64>> = vec![Vec::new(); configs.len()];
        let mut hits = 0;
        for pass in 0..=runs {
            for (i, name) in configs.iter().enumerate() {
                let t0 = Instant::now();
                let c0 = util::cpu_secs();
                match *name {
                    "trend" => hits = trend::trend(&reader, query, q, &with_terms)?.documents,
                    "trend-noterms" => {
                        trend::trend(&reader, query, q, &no_terms)?;
                    }
                    _ => {
                        let c = AggregationCollector::from_aggs(agg.clone(), Default::default());
                        let r = reader.searcher.search(query, &c)?;
                        std::hint::black_box(r);
                    }
                }
                if pass > 0 {
                    times[i].push(t0.elapsed().as_secs_f64());
                    cpu[i].push(util::cpu_secs() - c0);
                }
            }
        }
        println!("{label} docs {docs} query {q:?} hits {hits}");
        for ((name, t), c) in configs.iter().zip(&times).zip(&cpu) {
            let (m, mc) = (util::median(t), util::median(c));
            println!(
                "  {name:<14} median {:>8.1} ms wall, {:>8.1} ms CPU",
                m * 1000.0,
                mc * 1000.0
            );
            println!(
                "JSON {}",
                serde_json::json!({"label": label, "docs": docs, "query": q, "hits": hits,
                    "config": name, "median_s": m, "median_cpu_s": mc, "runs": t.len()})
            );
        }
    }
    Ok(())
}
