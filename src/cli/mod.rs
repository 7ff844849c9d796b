//! The command-line surface. Each subcommand is one function; all output goes through a single
//! writer so a closed pipe (`patdex search ... | head`) ends quietly.

pub mod chart;
pub mod citations;
pub mod classes;
pub mod guide;
pub mod portfolio;
pub mod prior_art;
pub(crate) mod render;
pub mod risk;
pub mod translate;
pub mod trend;
pub mod watch;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand, ValueEnum};

use crate::index::Layout;
use crate::index::ingest::{self, IngestOptions, ProgressMode};
use crate::index::reader::{self, IndexReader};
use crate::number::PubNumber;
use crate::parse::records::Mapping;
use crate::query::QueryError;
use crate::query::search::{self, Sort};

/// patdex: a self-hosted patent full-text index and search guide.
#[derive(Debug, Parser)]
#[command(name = "patdex", version, about, long_about = None)]
pub struct Cli {
    /// Index folder.
    #[arg(long, global = true, env = "PATDEX_INDEX", default_value = "index")]
    pub index: PathBuf,

    #[command(subcommand)]
    pub command: Command,
}

/// Output formats for search results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Jsonl,
    Csv,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add USPTO XML files to the index: .xml (single or weekly concatenated), .zip, .gz, .tar,
    /// and folders (read recursively); and record exports from other databases (CSV/TSV from
    /// The Lens, Google Patents, or any spreadsheet with a mapping; PatSnap XML records).
    /// Unchanged files already in the manifest are skipped.
    Ingest {
        /// Files or folders to read; .csv and .tsv files are read as record exports (--records).
        #[arg(required_unless_present = "records")]
        paths: Vec<PathBuf>,
        /// A record export (CSV or TSV, plain or .gz), one record per row.
        #[arg(long, value_name = "FILE")]
        records: Vec<PathBuf>,
        /// How to read the --records files: a built-in layout (lens, google) or a mapping file
        /// (TOML, see docs/RECORDS.md). Default: recognised from each file's header.
        #[arg(long, value_name = "NAME|FILE")]
        map: Option<String>,
        /// Parser threads (default: all cores).
        #[arg(long, short = 'j')]
        threads: Option<usize>,
        /// Read files again even if the manifest says they are unchanged.
        #[arg(long)]
        force: bool,
        /// Seconds between intermediate commits.
        #[arg(long, default_value_t = 60)]
        commit_interval: u64,
        /// No progress output, only the summary.
        #[arg(long, short)]
        quiet: bool,
        /// Print the summary as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Recreate the index from the files listed in its manifest (after a parser upgrade).
    Rebuild {
        #[arg(long, short = 'j')]
        threads: Option<usize>,
        /// Rebuild even when some manifest files are missing (their documents are dropped).
        #[arg(long)]
        skip_missing: bool,
        #[arg(long, short)]
        quiet: bool,
        /// Print the summary as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Search the index with the patent query language: words (stemmed), =exact, trunc*,
    /// "phrases", AND OR NOT -word (), proximity ADJ/n NEAR/n WITH SAME over words, phrases and
    /// OR-groups, fields (ti ab cl icl desc txt pa in cpc ipc pn an pd ad prd ct kind cc
    /// lacks), dates (pd:2015, pd:[2010 TO 2015], pd>=2019-01-01). A note says when records
    /// without claims, description or abstract (exports) cannot match. See docs/SEARCHING.md.
    Search {
        query: String,
        /// Hits to print.
        #[arg(long, short = 'n', default_value_t = 10)]
        limit: usize,
        /// Hits to skip.
        #[arg(long, default_value_t = 0)]
        offset: usize,
        /// Print every hit (no limit); meant for `--format csv` or `jsonl` exports.
        #[arg(long)]
        all: bool,
        /// Order: relevance, or pd / ad / prd (oldest first; add :desc for newest first).
        #[arg(long, default_value = "relevance")]
        sort: Sort,
        /// Count values over all hits: cpc, cpc-group, cpc-full, ipc, ipc-group, pa, year,
        /// kind, type, cc, lang (comma-separated).
        #[arg(long, value_delimiter = ',')]
        facet: Vec<String>,
        /// One row per family: hits sharing an application, publication, priority claim or
        /// office family id are one row, at the place of the best of them, with the others
        /// listed; the total counts families.
        #[arg(long)]
        family: bool,
        /// Leave out the keyword-in-context snippets (faster exports).
        #[arg(long)]
        no_snippets: bool,
        /// Search only inside this collection (a name in `collections/` next to the index, or
        /// a collection .json file).
        #[arg(long = "in", value_name = "COLLECTION")]
        within: Option<String>,
        #[arg(long, short, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Show how a query is parsed (the clause tree, with precedence and fields resolved), the
    /// hit count of every clause, and the words each query word matched.
    Explain {
        query: String,
        #[arg(long)]
        json: bool,
    },
    /// Find earlier documents like an invention: key terms and phrases of the text, BM25, a
    /// soft boost for shared classes, and a boost for documents the best hits cite. Each hit
    /// comes with the paragraph or claim that matches best. See docs/PRIOR_ART.md.
    #[command(name = "prior-art")]
    #[command(group(clap::ArgGroup::new("input").required(true).args(["text", "number"])))]
    PriorArt {
        /// File with the invention text (description and/or claims); `-` reads stdin.
        #[arg(long)]
        text: Option<PathBuf>,
        /// A document of the index as the invention (its claims and description).
        #[arg(long)]
        number: Option<String>,
        /// Only documents published before this date (default: the input's earliest priority
        /// date; none for --text).
        #[arg(long)]
        before: Option<String>,
        /// Classification symbols of the invention (H01M10/0562), for the class boost.
        #[arg(long, value_delimiter = ',')]
        cpc: Vec<String>,
        /// Hits to return (at most 1000).
        #[arg(long, short = 'n', default_value_t = 20)]
        limit: usize,
        /// Pipeline: bm25, terms, +phrases, +class, +cites (= full).
        #[arg(long, default_value = "full")]
        config: String,
        #[command(flatten)]
        tuning: prior_art::Tuning,
        #[arg(long, short, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Measure prior-art search: Recall@10/100, MAP, PRES@100, nDCG@10 and MRR per pipeline
    /// configuration, with topics from the index's own citations or from files.
    Eval {
        /// Topics: every grant citing documents of the index; judgments: those documents.
        #[arg(long, conflicts_with_all = ["topics", "qrels"])]
        from_citations: bool,
        /// Topics (repeatable): patent XML, `<query><title/><description/></query>` files (topic
        /// id = file name), or `id<TAB>text` lines (a text that is an indexed number makes that
        /// document the topic). Without it, the judged topic ids are documents of the index.
        #[arg(long, requires = "qrels")]
        topics: Vec<PathBuf>,
        /// Judgments (repeatable): TREC qrels (`topic iteration document relevance`),
        /// tab-separated with a `query_id`, `doc_id`, `relevance` header, or a list of relevant
        /// documents for the topic its file is named after (`q1-qrels.txt` judges `q1`).
        #[arg(long)]
        qrels: Vec<PathBuf>,
        /// Which citations judge relevance with --from-citations.
        #[arg(long, value_enum, default_value_t = CitedByArg::Examiner)]
        cited_by: CitedByArg,
        /// Which date of a topic document ends its prior art: priority (the earliest priority
        /// date), filing, or publication (everything its examiner could have cited).
        #[arg(long, value_enum, default_value_t = CutoffArg::Priority)]
        cutoff: CutoffArg,
        /// Configurations to compare (default: all): bm25, terms, +phrases, +class, +cites.
        #[arg(long, value_delimiter = ',')]
        config: Vec<String>,
        /// Documents ranked per topic.
        #[arg(long, default_value_t = 1000)]
        depth: usize,
        /// Write the last configuration's ranking here as a TREC run file (for trec_eval).
        #[arg(long)]
        run: Option<PathBuf>,
        /// Write the judgments used (after the cut-off and family rules) as TREC qrels.
        #[arg(long)]
        write_qrels: Option<PathBuf>,
        #[command(flatten)]
        tuning: prior_art::Tuning,
        #[arg(long)]
        json: bool,
    },
    /// Track a technology field: documents per year or month, top assignees (spellings merged),
    /// inventors, CPC subclasses and countries, growth, new entrants, universities and
    /// institutes against companies, and emerging terms, over every hit. Several queries side
    /// by side with -q. See docs/ANALYSIS.md.
    Trend {
        /// The query (the patent query language of `search`); none: the whole index.
        query: Option<String>,
        /// More queries, compared side by side (repeatable).
        #[arg(short = 'q', long = "query", value_name = "QUERY")]
        more: Vec<String>,
        /// Which date places a document in time: publication, filing or priority.
        #[arg(long, value_enum, default_value_t = trend::DateArg::Pd)]
        date: trend::DateArg,
        /// Count per year or per month.
        #[arg(long, value_enum, default_value_t = trend::ByArg::Year)]
        by: trend::ByArg,
        /// Values listed per table (assignees, inventors, classes, countries, entrants).
        #[arg(long, default_value_t = 10)]
        top: usize,
        /// Length in years of the recent window (growth against the same length before, new
        /// entrants, emerging terms).
        #[arg(long, default_value_t = 3)]
        years: i32,
        /// Last year of the recent window (default: the latest year of the results).
        #[arg(long)]
        until: Option<i32>,
        /// Keep assignee spellings apart (no merging of case, punctuation, Inc./Corp./GmbH).
        #[arg(long)]
        exact: bool,
        /// Emerging terms to list (0 leaves them out).
        #[arg(long, default_value_t = 15)]
        terms: usize,
        /// Draw a chart: FILE.svg or FILE.png (lines per query, or stacked bars with --stack).
        #[arg(long, value_name = "FILE")]
        chart: Option<PathBuf>,
        /// Stack the chart's bars by the first query's top values of this table.
        #[arg(long, value_enum, requires = "chart")]
        stack: Option<trend::StackArg>,
        #[arg(long, short, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// An owner's portfolio: documents per year, CPC subclass and kind, estimated status (term
    /// rules, listed), the most-cited documents (citations within the index) and co-assignees.
    /// Spellings of the name are merged (Inc., Corp., GmbH, case); the report lists them.
    Portfolio {
        /// The owner's name, or distinctive words of it ("northwind energy").
        name: String,
        /// Only this exact spelling (no merging).
        #[arg(long)]
        exact: bool,
        /// Which date places a document in a year.
        #[arg(long, value_enum, default_value_t = trend::DateArg::Pd)]
        date: trend::DateArg,
        /// Rows per table (classes, most cited, co-assignees).
        #[arg(long, default_value_t = 10)]
        top: usize,
        /// Estimate the status on this day (YYYY-MM-DD) instead of today.
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
        /// Draw documents per year as stacked bars: FILE.svg or FILE.png.
        #[arg(long, value_name = "FILE")]
        chart: Option<PathBuf>,
        /// What the chart's bars are stacked by.
        #[arg(long, value_enum, default_value_t = portfolio::PortfolioStack::Cpc)]
        stack: portfolio::PortfolioStack,
        #[arg(long, short, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Freedom-to-operate screen: which patents in force on a day (estimated term, formula
    /// shown) could a product read on, claim element by claim element, grouped by owner; pending
    /// applications apart. Markdown, HTML or JSON report. Not legal advice. See docs/RISK.md.
    Risk(risk::RiskArgs),
    /// Alerts: saved searches as files (profiles/NAME.toml) that deliver only what is new after
    /// each ingest, as Markdown/HTML/JSON digests, an Atom feed and a webhook. See docs/WATCH.md.
    Watch(watch::WatchArgs),
    /// Collections: named, frozen sets of documents (subject databases); `search --in NAME`.
    Collection(watch::CollectionArgs),
    /// Classification schemes: import IPC/CPC titles, search classes by title words, show a
    /// class with its path, children and document counts. Enables `cpc:CODE/low`.
    Classes(classes::ClassesArgs),
    /// The search guide: from a need in plain words to a professional query. Concepts, their
    /// spellings, truncations and related terms found in this index, over-represented classes,
    /// the query built step by step with counts and why, and the same query for Espacenet and
    /// USPTO Patent Public Search. --interactive to accept or drop each suggestion.
    /// See docs/GUIDE.md.
    Guide(guide::GuideArgs),
    /// Serve the web page and the JSON API over this index: search, documents, the guide,
    /// prior art, trends, alerts (read-only; the reader follows ingests without a restart).
    /// API described at /api/openapi.json. Loopback by default.
    Serve {
        /// Address to listen on; port 0 picks a free port (printed at start).
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
        /// Largest page a search may ask for.
        #[arg(long, default_value_t = 100)]
        max_limit: usize,
        /// Most rows a CSV export (/api/search.csv) holds.
        #[arg(long, default_value_t = 5000)]
        max_export: usize,
        /// Longest a request may compute, in seconds, before it is answered with 503.
        #[arg(long, default_value_t = 10.0)]
        timeout: f64,
    },
    /// Translate a query to Espacenet or USPTO Patent Public Search syntax (--to), or from them
    /// into patdex (--from). Whatever the other system cannot express is listed, never dropped.
    /// See docs/TRANSLATE.md.
    Translate {
        query: String,
        /// The system to write the query for (default patdex).
        #[arg(long, value_parser = ["patdex", "espacenet", "ppubs"], required_unless_present = "from")]
        to: Option<String>,
        /// The system whose syntax the query is in (default patdex). One side must be patdex.
        #[arg(long, value_parser = ["patdex", "espacenet", "ppubs"])]
        from: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Citations of a document: what it cites (examiner/applicant, which are in the index) and
    /// which documents of the index cite it, with --depth 2 a second generation both ways;
    /// --by-assignee groups the citing documents by owner. With --assignee NAME: every document
    /// citing the owner's documents, grouped by citing owner (licensing prospects).
    /// See docs/ANALYSIS.md.
    Citations {
        /// A publication number: US7654321B2, 7654321, D586081, RE47607, "US 2021/0202459 A1".
        #[arg(required_unless_present = "assignee")]
        number: Option<String>,
        /// An owner name (spellings merged): who cites its documents.
        #[arg(long, conflicts_with = "number")]
        assignee: Option<String>,
        /// 2 adds what the cited documents cite and what cites the citing documents.
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=2))]
        depth: u8,
        /// Group the citing documents by owner.
        #[arg(long)]
        by_assignee: bool,
        /// Keep owner spellings apart (no merging of case, punctuation, Inc./Corp./GmbH).
        #[arg(long)]
        exact: bool,
        /// Rows per list (0: all); the document's own citations are always listed whole.
        #[arg(long, short = 'n', default_value_t = 50)]
        limit: usize,
        /// Draw the citation graph: FILE.svg or FILE.png (columns by generation, arrows from
        /// citing to cited).
        #[arg(long, value_name = "FILE")]
        chart: Option<PathBuf>,
        #[arg(long, short, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Show one document: US7654321B2, "US 7,654,321 B2", 7654321, D586081, US20150075015A1.
    Show {
        number: String,
        /// The whole record as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Documents by kind, year and format; index size; last ingest; quarantine.
    Stats {
        #[arg(long)]
        json: bool,
    },
    /// Ingest the bundled sample corpus (corpus/) and run example searches.
    Quickstart {
        /// Folder with the sample corpus.
        #[arg(long)]
        corpus: Option<PathBuf>,
    },
}

/// Which citations count as relevant for `eval --from-citations`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CitedByArg {
    Examiner,
    Any,
}

/// The `--cutoff` rule of `eval`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CutoffArg {
    Priority,
    Filing,
    Publication,
}

/// An error with the exit code it maps to.
struct Failure {
    code: u8,
    message: String,
    /// Printed as is, without the `patdex:` prefix (bad queries, whose first line is the
    /// message and whose later lines must line up).
    bare: bool,
}

impl<E: Into<anyhow::Error>> From<E> for Failure {
    fn from(e: E) -> Failure {
        let e: anyhow::Error = e.into();
        let message = format!("{e:#}");
        Failure {
            code: 2,
            message,
            bare: false,
        }
    }
}

/// Runs the command line; returns the process exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = io::stdout().lock();
    match run(cli, &mut out) {
        Ok(code) => ExitCode::from(code),
        Err(f) => {
            if is_broken_pipe(&f.message) {
                return ExitCode::SUCCESS;
            }
            if f.bare {
                eprintln!("{}", f.message);
            } else {
                eprintln!("patdex: {}", f.message);
            }
            ExitCode::from(f.code)
        }
    }
}

fn is_broken_pipe(message: &str) -> bool {
    message.contains("Broken pipe") || message.contains("broken pipe")
}

fn threads(t: Option<usize>) -> usize {
    t.unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()))
        .max(1)
}

fn run(cli: Cli, out: &mut dyn Write) -> Result<u8, Failure> {
    let layout = Layout::new(&cli.index);
    match cli.command {
        Command::Ingest {
            paths,
            records,
            map,
            threads: t,
            force,
            commit_interval,
            quiet,
            json,
        } => {
            let opts = IngestOptions {
                threads: threads(t),
                force,
                commit_interval: Duration::from_secs(commit_interval),
                progress: if quiet {
                    ProgressMode::Quiet
                } else {
                    ProgressMode::auto()
                },
                records: Vec::new(),
                record_batch: true,
            };
            let (paths, records) = record_inputs(paths, records, map.as_deref())?;
            let opts = IngestOptions { records, ..opts };
            let summary = ingest::ingest(&layout, &paths, &opts)?;
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&summary.to_json())?)?;
            } else {
                writeln!(out, "{}", summary.render())?;
            }
            Ok(if summary.files_failed.is_empty() {
                0
            } else {
                2
            })
        }
        Command::Rebuild {
            threads: t,
            skip_missing,
            quiet,
            json,
        } => {
            let opts = IngestOptions {
                threads: threads(t),
                force: true,
                commit_interval: Duration::from_secs(60),
                progress: if quiet {
                    ProgressMode::Quiet
                } else {
                    ProgressMode::auto()
                },
                records: Vec::new(),
                record_batch: true,
            };
            let summary = ingest::rebuild(&layout, &opts, skip_missing)?;
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&summary.to_json())?)?;
            } else {
                let root = layout.root.display();
                writeln!(out, "rebuilt {root}\n{}", summary.render())?;
            }
            Ok(0)
        }
        Command::Search {
            query,
            limit,
            offset,
            all,
            sort,
            facet,
            family,
            no_snippets,
            within,
            format,
        } => {
            let opts = SearchOptions {
                offset,
                limit: if all { usize::MAX } else { limit },
                sort,
                facets: facet,
                family,
                snippets: !no_snippets,
                format,
                within,
            };
            search(&layout, &query, &opts, out)
        }
        Command::Trend {
            query,
            more,
            date,
            by,
            top,
            years,
            until,
            exact,
            terms,
            chart,
            stack,
            format,
        } => {
            let args = trend::TrendArgs {
                queries: query.into_iter().chain(more).collect(),
                date,
                by,
                top,
                years,
                until,
                exact,
                terms,
                format,
                chart,
                stack,
            };
            trend::run(&layout, args, out)
        }
        Command::Portfolio {
            name,
            exact,
            date,
            top,
            on,
            chart,
            stack,
            format,
        } => {
            let args = portfolio::PortfolioArgs {
                name,
                exact,
                date,
                top,
                on,
                format,
                chart,
                stack,
            };
            portfolio::run(&layout, args, out)
        }
        Command::Explain { query, json } => explain(&layout, &query, json, out),
        Command::Risk(args) => risk::run(&layout, args, out),
        Command::Watch(args) => watch::run(&layout, args, out),
        Command::Collection(args) => watch::collection(&layout, args, out),
        Command::Classes(args) => classes::run(&layout, args, out),
        Command::Guide(args) => guide::run(&layout, args, out),
        Command::Serve {
            addr,
            max_limit,
            max_export,
            timeout,
        } => {
            let opts = crate::server::Options {
                addr,
                max_limit,
                max_export,
                timeout: Duration::from_secs_f64(timeout.max(0.1)),
            };
            crate::server::serve(&layout, opts)?;
            Ok(0)
        }
        Command::Translate {
            query,
            to,
            from,
            json,
        } => {
            use crate::query::translate::System;
            let system = |s: Option<String>| -> Result<System, Failure> {
                match s {
                    Some(s) => s.parse::<System>().map_err(|e| anyhow::anyhow!(e).into()),
                    None => Ok(System::Patdex),
                }
            };
            let (from, to) = (system(from)?, system(to)?);
            let classes = crate::classes::Classes::at(&layout.root);
            translate::run(&query, from, to, json, &classes, out)
                .map(|c| c as u8)
                .map_err(|e| match e.downcast::<QueryError>() {
                    Ok(q) => bad_query(q),
                    Err(e) => e.into(),
                })
        }
        Command::Citations {
            number,
            assignee,
            depth,
            by_assignee,
            exact,
            limit,
            chart,
            format,
        } => citations::run(
            &layout,
            citations::CitationsArgs {
                number,
                assignee,
                depth,
                by_assignee,
                exact,
                format,
                limit,
                chart,
            },
            out,
        ),
        Command::Show { number, json } => show(&layout, &number, json, out),
        Command::Stats { json } => {
            let stats = reader::stats(&layout)?;
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&stats)?)?;
            } else {
                write!(out, "{}", render::stats(&stats, &layout))?;
            }
            Ok(0)
        }
        Command::Quickstart { corpus } => quickstart(&layout, corpus, out),
        Command::PriorArt {
            text,
            number,
            before,
            cpc,
            limit,
            config,
            tuning,
            format,
        } => {
            let input = match (text, number) {
                (Some(t), _) => prior_art::Input::Text(t),
                (None, Some(n)) => prior_art::Input::Number(n),
                (None, None) => unreachable!("clap requires --text or --number"),
            };
            let args = prior_art::PriorArtArgs {
                input,
                before,
                classes: cpc,
                limit,
                config,
                tuning,
                format,
            };
            prior_art::prior_art(&layout, args, out)
        }
        Command::Eval {
            from_citations,
            topics,
            qrels,
            cited_by,
            cutoff,
            config,
            depth,
            run,
            write_qrels,
            tuning,
            json,
        } => {
            let args = prior_art::EvalArgs {
                from_citations,
                topics,
                qrels,
                cited_by: match cited_by {
                    CitedByArg::Examiner => crate::analysis::topics::CitedBy::Examiner,
                    CitedByArg::Any => crate::analysis::topics::CitedBy::Any,
                },
                cutoff: match cutoff {
                    CutoffArg::Priority => crate::analysis::topics::Cutoff::Priority,
                    CutoffArg::Filing => crate::analysis::topics::Cutoff::Filing,
                    CutoffArg::Publication => crate::analysis::topics::Cutoff::Publication,
                },
                configs: config,
                depth,
                run,
                write_qrels,
                tuning,
                json,
            };
            prior_art::eval(&layout, args, out)
        }
    }
}

/// What `patdex search` prints.
struct SearchOptions {
    offset: usize,
    limit: usize,
    sort: Sort,
    facets: Vec<String>,
    /// One row per family.
    family: bool,
    snippets: bool,
    format: Format,
    /// A collection to search inside.
    within: Option<String>,
}

/// A bad query: the message already shows the query and where the problem is.
fn bad_query(e: QueryError) -> Failure {
    Failure {
        code: 2,
        message: e.render(),
        bare: true,
    }
}

fn search(
    layout: &Layout,
    query: &str,
    opts: &SearchOptions,
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    let reader = IndexReader::open(layout)?;
    let classes = crate::classes::Classes::at(&layout.root);
    let mut prepared =
        crate::query::prepare_with(&reader.searcher, query, &classes).map_err(bad_query)?;
    if let Some(name) = &opts.within {
        let inside = watch::collection_filter(layout, name)?;
        prepared.compiled.query = Box::new(tantivy::query::BooleanQuery::new(vec![
            (tantivy::query::Occur::Must, prepared.compiled.query),
            (
                tantivy::query::Occur::Must,
                Box::new(tantivy::query::ConstScoreQuery::new(inside, 0.0)),
            ),
        ]));
    }
    let page = search::page(
        &reader.searcher,
        prepared.compiled.query.as_ref(),
        opts.sort,
        opts.offset,
        opts.limit,
        !opts.facets.is_empty(),
        opts.family,
    )?;
    // Records without the claims, description or abstract a clause searches (exports) can never
    // match; say so rather than let them look absent.
    let notes = crate::query::lacks::missing(&reader.searcher, &prepared.plan)?;
    let facets = opts
        .facets
        .iter()
        .map(|f| search::facet(&reader.searcher, &page.hits, f.trim()))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let mut rows = render::page_hits(&reader, &page, &prepared.compiled.clauses, opts.snippets)?;
    let colour = opts.format == Format::Table
        && io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none();
    let r = render::Results {
        query,
        total: page.total,
        offset: page.start,
        sort: opts.sort.to_string(),
        facets: &facets,
        notes: &notes,
        colour,
    };
    render::results(out, opts.format, &r, &mut rows)?;
    Ok(if page.hits.is_empty() { 1 } else { 0 })
}

fn explain(layout: &Layout, query: &str, json: bool, out: &mut dyn Write) -> Result<u8, Failure> {
    let reader = IndexReader::open(layout)?;
    let classes = crate::classes::Classes::at(&layout.root);
    let prepared =
        crate::query::prepare_with(&reader.searcher, query, &classes).map_err(bad_query)?;
    let e = crate::query::explain::explain(&reader.searcher, &prepared).map_err(bad_query)?;
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&e)?)?;
    } else {
        write!(out, "{}", e.render())?;
    }
    Ok(0)
}

fn show(layout: &Layout, number: &str, json: bool, out: &mut dyn Write) -> Result<u8, Failure> {
    let n: PubNumber = number.parse()?;
    let reader = IndexReader::open(layout)?;
    let found = reader.lookup(&n)?;
    if found.is_empty() {
        return Err(Failure {
            code: 1,
            message: format!(
                "{n} is not in the index at {} (try `patdex search` to find it, or check the number)",
                layout.root.display()
            ),
            bare: false,
        });
    }
    for p in &found {
        if json {
            /// The record with its term estimate beside it, inputs and rule included.
            #[derive(serde::Serialize)]
            struct Shown<'a> {
                #[serde(flatten)]
                patent: &'a crate::model::Patent,
                term: crate::term::Term,
            }
            let shown = Shown {
                patent: p,
                term: crate::term::of(p),
            };
            writeln!(out, "{}", serde_json::to_string_pretty(&shown)?)?;
        } else {
            write!(out, "{}", render::patent(p))?;
        }
    }
    Ok(0)
}

fn find_corpus(given: Option<PathBuf>) -> Result<PathBuf, Failure> {
    if let Some(c) = given {
        return Ok(c);
    }
    let candidates = [
        PathBuf::from("corpus"),
        Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"),
    ];
    candidates
        .into_iter()
        .find(|c| c.is_dir())
        .ok_or_else(|| Failure {
            code: 2,
            message: "cannot find the sample corpus folder `corpus/`; run from the patdex source folder or pass --corpus DIR".into(),
            bare: false,
        })
}

/// Example searches shown by `quickstart`: a phrase, fields, proximity over OR-groups with
/// truncation, a class with a date, a name.
const EXAMPLES: &[&str] = &[
    "\"solid electrolyte\"",
    "sulfide AND cl:electrolyte",
    "(sulfide OR oxide) NEAR/3 electrolyte*",
    "ti:membrane OR ti:filtration",
    "cpc:H01M10 pd>=2015",
    "pa:university",
];

/// A corpus grant (a solid-state battery continuation) whose prior art the quickstart shows.
const PRIOR_ART_EXAMPLE: &str = "US11950719B2";

/// Splits the inputs into XML paths and record exports: files named with --records are read with
/// the mapping `--map` names (or recognised), .csv/.tsv files among the paths are recognised
/// from their header, so one run can mix a Lens export with an in-house spreadsheet.
fn record_inputs(
    paths: Vec<PathBuf>,
    records: Vec<PathBuf>,
    map: Option<&str>,
) -> Result<(Vec<PathBuf>, Vec<ingest::RecordFile>), Failure> {
    let is_records = |p: &Path| {
        let name = p.to_string_lossy().to_ascii_lowercase();
        [".csv", ".tsv", ".csv.gz", ".tsv.gz"]
            .iter()
            .any(|ext| name.ends_with(ext))
            && !p.is_dir()
    };
    let (csv, xml): (Vec<PathBuf>, Vec<PathBuf>) = paths.into_iter().partition(|p| is_records(p));
    if let Some(dir) = records.iter().find(|p| p.is_dir()) {
        return Err(usage(format!(
            "--records takes files, and {} is a folder; name the export files",
            dir.display()
        )));
    }
    let mapping = match map {
        None => None,
        Some(_) if records.is_empty() => {
            return Err(usage(
                "--map says how to read the files named with --records, and there are none (write --records FILE --map MAPPING)"
                    .into(),
            ));
        }
        Some(spec) => Some(load_mapping(spec)?),
    };
    let records = records
        .into_iter()
        .map(|path| ingest::RecordFile {
            path,
            mapping: mapping.clone(),
        })
        .chain(csv.into_iter().map(|path| ingest::RecordFile {
            path,
            mapping: None,
        }))
        .collect();
    Ok((xml, records))
}

/// A usage error (exit 2) with `message`.
fn usage(message: String) -> Failure {
    Failure {
        code: 2,
        message,
        bare: false,
    }
}

/// A built-in mapping by name, or a mapping file.
fn load_mapping(spec: &str) -> Result<Mapping, Failure> {
    if let Some(m) = Mapping::builtin(spec) {
        return Ok(m.clone());
    }
    let names: Vec<&str> = Mapping::builtins()
        .iter()
        .map(|m| m.name.as_str())
        .collect();
    let text = std::fs::read_to_string(spec).map_err(|e| {
        usage(format!(
            "--map {spec}: not a built-in layout ({}) and not a readable file: {e}",
            names.join(", ")
        ))
    })?;
    Mapping::from_toml(&text).map_err(|e| usage(format!("--map {spec}: {e}")))
}

fn quickstart(
    layout: &Layout,
    corpus: Option<PathBuf>,
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    let corpus = find_corpus(corpus)?;
    writeln!(
        out,
        "== patdex quickstart: ingesting {} into {}",
        corpus.display(),
        layout.root.display()
    )?;
    let opts = IngestOptions {
        threads: threads(None),
        force: false,
        commit_interval: Duration::from_secs(60),
        progress: ProgressMode::auto(),
        records: Vec::new(),
        record_batch: true,
    };
    // The documents are the files at the top of the corpus folder; `classes/` holds the sample
    // classification scheme, imported apart, and `products/` texts for `risk`.
    let mut files: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", corpus.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_file()
                && p.extension()
                    .is_some_and(|x| ["xml", "zip", "gz"].iter().any(|e| x == *e))
        })
        .collect();
    files.sort();
    let summary = ingest::ingest(layout, &files, &opts)?;
    writeln!(out, "{}\n", summary.render())?;
    let schemes: Vec<PathBuf> = std::fs::read_dir(corpus.join("classes"))
        .map(|d| {
            let mut v: Vec<PathBuf> = d.filter_map(|e| e.ok().map(|e| e.path())).collect();
            v.sort();
            v
        })
        .unwrap_or_default();
    if !schemes.is_empty() {
        let got = crate::classes::Classes::at(&layout.root).import(&schemes, None)?;
        for s in got {
            writeln!(
                out,
                "== patdex classes import {}\n{} symbols ({}): `cpc:CODE/low` and class titles now work\n",
                s.file, s.entries, s.format
            )?;
        }
    }
    for q in EXAMPLES {
        writeln!(out, "== patdex search '{q}' --limit 5")?;
        let opts = SearchOptions {
            offset: 0,
            limit: 5,
            sort: Sort::default(),
            facets: Vec::new(),
            family: false,
            snippets: true,
            format: Format::Table,
            within: None,
        };
        search(layout, q, &opts, out)?;
        writeln!(out)?;
    }
    writeln!(out, "== patdex prior-art --number {PRIOR_ART_EXAMPLE} -n 3")?;
    let args = prior_art::PriorArtArgs {
        input: prior_art::Input::Number(PRIOR_ART_EXAMPLE.into()),
        before: None,
        classes: Vec::new(),
        limit: 3,
        config: "full".into(),
        tuning: prior_art::Tuning::default(),
        format: Format::Table,
    };
    prior_art::prior_art(layout, args, out)?;
    writeln!(out)?;
    let stats = reader::stats(layout)?;
    writeln!(out, "== patdex stats")?;
    write!(out, "{}", render::stats(&stats, layout))?;
    writeln!(
        out,
        "\nNext: `patdex guide \"what you are looking for\"` to build a query step by step, `patdex show NUMBER` for a whole document, `patdex search --help` for the query syntax, docs/GUIDE.md for the tutorial."
    )?;
    Ok(0)
}
