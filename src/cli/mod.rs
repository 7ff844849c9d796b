//! The command-line surface. Each subcommand is one function; all output goes through a single
//! writer so a closed pipe (`patdex search ... | head`) ends quietly.

mod render;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand, ValueEnum};

use crate::index::Layout;
use crate::index::ingest::{self, IngestOptions, ProgressMode};
use crate::index::reader::{self, IndexReader};
use crate::number::PubNumber;

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
    /// and folders (read recursively). Unchanged files already in the manifest are skipped.
    Ingest {
        /// Files or folders to read.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
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
    /// Search the index (tantivy query syntax for now: words are ANDed; OR, -word, "phrase",
    /// field:value with fields title, abstract, claims, description, assignee, inventor, cpc,
    /// ipc, uspc, kind, type, kc, num, id).
    Search {
        query: String,
        #[arg(long, short = 'n', default_value_t = 10)]
        limit: usize,
        #[arg(long, default_value_t = 0)]
        offset: usize,
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

/// An error with the exit code it maps to.
struct Failure {
    code: u8,
    message: String,
}

impl<E: Into<anyhow::Error>> From<E> for Failure {
    fn from(e: E) -> Failure {
        let e: anyhow::Error = e.into();
        let message = format!("{e:#}");
        Failure { code: 2, message }
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
            eprintln!("patdex: {}", f.message);
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
            };
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
            format,
        } => search(&layout, &query, offset, limit, format, out),
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
    }
}

fn search(
    layout: &Layout,
    query: &str,
    offset: usize,
    limit: usize,
    format: Format,
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    let reader = IndexReader::open(layout)?;
    let q = crate::query::parse(&reader.index, query)?;
    let (total, hits) = reader.search(q.as_ref(), offset, limit)?;
    render::hits(out, format, query, total, offset, &hits)?;
    Ok(if total == 0 { 1 } else { 0 })
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
        });
    }
    for p in &found {
        if json {
            writeln!(out, "{}", serde_json::to_string_pretty(p)?)?;
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
        })
}

/// Example searches shown by `quickstart`: one per kind of query the interim parser supports.
const EXAMPLES: &[&str] = &[
    "\"solid electrolyte\"",
    "sulfide AND claims:electrolyte",
    "title:membrane OR title:filtration",
    "cpc:\"H01M10/0562\"",
    "assignee:university",
];

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
    };
    let summary = ingest::ingest(layout, &[corpus], &opts)?;
    writeln!(out, "{}\n", summary.render())?;
    let reader = IndexReader::open(layout)?;
    for q in EXAMPLES {
        writeln!(out, "== patdex search '{q}' --limit 5")?;
        let query = crate::query::parse(&reader.index, q)?;
        let (total, hits) = reader.search(query.as_ref(), 0, 5)?;
        render::hits(out, Format::Table, q, total, 0, &hits)?;
        writeln!(out)?;
    }
    let stats = reader::stats(layout)?;
    writeln!(out, "== patdex stats")?;
    write!(out, "{}", render::stats(&stats, layout))?;
    writeln!(
        out,
        "\nNext: `patdex show NUMBER` for a whole document, `patdex search --help` for the query syntax."
    )?;
    Ok(0)
}
