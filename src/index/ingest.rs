//! The ingest pipeline: files → documents → parsed patents → index, with bounded memory.
//!
//! ```text
//! reader thread ──(bounded)──▶ rayon parse pool ──(bounded)──▶ writer (this thread)
//!   source::read_file            parse::parse_document           IndexWriter, quarantine,
//!   splits streams                (records: parse_row)            commits, manifest
//!   (records: source::records)    schema::to_document
//! ```
//!
//! Both channels are bounded, so a fast reader waits for the parsers and the parsers wait for
//! the writer: memory holds at most a few dozen documents at any time, whatever the input size.
//! Documents are keyed by publication number: an existing document is deleted and re-added
//! (upsert), and within one run the later document in input order wins.
//!
//! Commits happen every `commit_interval` and at the end. A file is written to the manifest only
//! after a commit that holds all its documents, so killing the process at any point leaves the
//! last committed index intact and the unfinished files still unlisted (they are read again next
//! time).

use std::collections::{BTreeMap, HashMap};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;
use crossbeam_channel::{RecvTimeoutError, bounded};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::iter::{ParallelBridge, ParallelIterator};
use tantivy::query::TermQuery;
use tantivy::schema::{Document, IndexRecordOption};
use tantivy::{IndexWriter, TantivyDocument, Term};

use super::Layout;
use super::manifest::{FileEntry, Manifest};
use super::quarantine;
use super::schema;
use crate::parse::records::Mapping;
use crate::parse::{self, PARSER_VERSION, Parsed};
use crate::source::{self, FileRead, RawDoc, SourceError, Stop};

/// How progress is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgressMode {
    /// An indicatif bar (for terminals).
    Bar,
    /// A plain line every few seconds (for logs and pipes).
    Log,
    Quiet,
}

impl ProgressMode {
    /// A bar on a terminal, log lines otherwise.
    pub fn auto() -> ProgressMode {
        if std::io::stderr().is_terminal() {
            ProgressMode::Bar
        } else {
            ProgressMode::Log
        }
    }
}

/// Ingest settings.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Parser threads (and tantivy indexing threads).
    pub threads: usize,
    /// Read files even when the manifest says they are unchanged.
    pub force: bool,
    /// Time between intermediate commits.
    pub commit_interval: Duration,
    pub progress: ProgressMode,
    /// Delimited record exports (CSV, TSV) to read besides the XML paths.
    pub records: Vec<RecordFile>,
    /// Record the run in the index's `batches.jsonl` (not for a rebuild, which brings nothing
    /// new).
    pub record_batch: bool,
}

/// A delimited record export (CSV or TSV, from The Lens, Google Patents or a spreadsheet) and
/// how to read it.
#[derive(Debug, Clone)]
pub struct RecordFile {
    pub path: PathBuf,
    /// `None` recognises a built-in layout from the file's header.
    pub mapping: Option<Mapping>,
}

/// How the rows of one record file are read.
#[derive(Debug)]
struct Records {
    mapping: Mapping,
    delimiter: u8,
}

/// Decides how to read a record file, before anything is written: its layout must be known and
/// its number column present. Columns the mapping names but the file lacks are warnings (those
/// parts will be missing from every record).
fn resolve_records(rf: &RecordFile, warnings: &mut Vec<String>) -> anyhow::Result<Records> {
    let explicit = match &rf.mapping {
        Some(m) => m
            .delimiter_byte()
            .map_err(|e| anyhow::anyhow!("mapping '{}': {e}", m.name))?,
        None => None,
    };
    let (header, delimiter) = source::records::header(&rf.path, explicit)?;
    let shown = || {
        let mut cols: Vec<&str> = header.iter().map(String::as_str).take(12).collect();
        if header.len() > 12 {
            cols.push("...");
        }
        cols.join(", ")
    };
    let mapping = match &rf.mapping {
        Some(m) => m.clone(),
        None => Mapping::detect(&header).cloned().ok_or_else(|| {
            let names: Vec<&str> = Mapping::builtins().iter().map(|m| m.name.as_str()).collect();
            anyhow::anyhow!(
                "{}: its columns ({}) are not a layout patdex knows ({}); name the columns in a mapping file (see docs/RECORDS.md) and pass it with --map FILE",
                rf.path.display(),
                shown(),
                names.join(", ")
            )
        })?,
    };
    let missing = mapping.missing_columns(&header);
    if missing.contains(&mapping.columns.number.as_str()) {
        anyhow::bail!(
            "{}: mapping '{}' takes publication numbers from column '{}', which the file does not have (its columns: {})",
            rf.path.display(),
            mapping.name,
            mapping.columns.number,
            shown()
        );
    }
    if !missing.is_empty() {
        warnings.push(format!(
            "{}: mapping '{}' names columns the file does not have: {} (those parts will be missing from its records)",
            rf.path.display(),
            mapping.name,
            missing.join(", ")
        ));
    }
    Ok(Records { mapping, delimiter })
}

impl Default for IngestOptions {
    fn default() -> IngestOptions {
        IngestOptions {
            threads: std::thread::available_parallelism().map_or(2, |n| n.get()),
            force: false,
            commit_interval: Duration::from_secs(60),
            progress: ProgressMode::Quiet,
            records: Vec::new(),
            record_batch: true,
        }
    }
}

/// What an ingest did.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// Input files found.
    pub files: usize,
    /// Files read (not skipped as unchanged).
    pub files_read: usize,
    pub files_unchanged: usize,
    /// Files that could not be read to the end, with the reason.
    pub files_failed: Vec<(PathBuf, String)>,
    pub added: u64,
    pub replaced: u64,
    /// Of `replaced`, documents whose source bytes changed (a corrected re-publication).
    pub updated: u64,
    /// The batch this run was recorded as (see `index::batches`).
    pub batch: Option<u64>,
    /// Non-patent documents by root element.
    pub skipped: BTreeMap<String, u64>,
    pub quarantined: u64,
    /// Bytes of input files read from disk.
    pub bytes: u64,
    /// Bytes of XML after decompression.
    pub xml_bytes: u64,
    pub elapsed: Duration,
    /// Things the librarian should know that did not stop the run.
    pub warnings: Vec<String>,
}

impl Summary {
    pub fn skipped_total(&self) -> u64 {
        self.skipped.values().sum()
    }

    /// The summary for programs (`patdex ingest --json`).
    pub fn to_json(&self) -> serde_json::Value {
        let secs = self.elapsed.as_secs_f64();
        serde_json::json!({
            "files": self.files,
            "files_read": self.files_read,
            "files_unchanged": self.files_unchanged,
            "files_failed": self.files_failed.iter()
                .map(|(p, why)| serde_json::json!({"path": p, "error": why}))
                .collect::<Vec<_>>(),
            "added": self.added,
            "replaced": self.replaced,
            "updated": self.updated,
            "batch": self.batch,
            "skipped": self.skipped,
            "quarantined": self.quarantined,
            "bytes": self.bytes,
            "xml_bytes": self.xml_bytes,
            "elapsed_s": secs,
            "xml_mb_per_s": self.xml_bytes as f64 / 1e6 / secs.max(1e-9),
            "docs_per_s": (self.added + self.replaced) as f64 / secs.max(1e-9),
            "warnings": self.warnings,
        })
    }

    /// One-paragraph human summary.
    pub fn render(&self) -> String {
        let secs = self.elapsed.as_secs_f64().max(1e-9);
        let mut s = format!(
            "files: {} ({} read, {} unchanged, {} failed)\ndocuments: {} added, {} replaced{}, {} skipped, {} quarantined\nelapsed: {:.2} s, {:.1} MB/s of XML, {:.0} docs/s",
            self.files,
            self.files_read,
            self.files_unchanged,
            self.files_failed.len(),
            self.added,
            self.replaced,
            if self.updated > 0 {
                format!(" ({} with new content)", self.updated)
            } else {
                String::new()
            },
            self.skipped_total(),
            self.quarantined,
            secs,
            self.xml_bytes as f64 / 1e6 / secs,
            (self.added + self.replaced) as f64 / secs,
        );
        if let Some(b) = self.batch {
            s.push_str(&format!("\nbatch: {b} (see `patdex watch run`)"));
        }
        if !self.skipped.is_empty() {
            let parts: Vec<String> = self
                .skipped
                .iter()
                .map(|(k, v)| format!("{k} {v}"))
                .collect();
            s.push_str(&format!("\nskipped: {}", parts.join(", ")));
        }
        for w in &self.warnings {
            s.push_str(&format!("\nwarning: {w}"));
        }
        for (path, why) in &self.files_failed {
            s.push_str(&format!("\nfailed: {}: {why}", path.display()));
        }
        s
    }
}

/// How many documents may wait in tantivy's own indexing queue per indexing thread. Tantivy
/// queues up to 10,000 documents before `add_document` blocks, which for full-text patents is
/// gigabytes; this keeps the pipeline's memory bound true end to end.
const TANTIVY_QUEUE_PER_THREAD: usize = 16;

/// Tantivy's in-memory indexing budget per indexing thread; a segment is flushed when it is full.
/// (A larger budget was measured not to help: BENCHMARKS.md.)
pub const WRITER_MEMORY_PER_THREAD: usize = 64_000_000;

/// Merge threads. One: on a small machine concurrent merges only compete with parsing for cores
/// and memory.
pub const MERGE_THREADS: usize = 1;

/// A document on its way through tantivy's indexing queue. It holds a ticket from a bounded
/// channel that is given back when tantivy has indexed (and dropped) the document, so the
/// writer blocks once too many documents are in flight.
struct Queued {
    doc: TantivyDocument,
    _ticket: Ticket,
}

struct Ticket(crossbeam_channel::Receiver<()>);

impl Drop for Ticket {
    fn drop(&mut self) {
        let _ = self.0.try_recv();
    }
}

impl Document for Queued {
    type Value<'a> = <TantivyDocument as Document>::Value<'a>;
    type FieldsValuesIter<'a> = <TantivyDocument as Document>::FieldsValuesIter<'a>;

    fn iter_fields_and_values(&self) -> Self::FieldsValuesIter<'_> {
        self.doc.iter_fields_and_values()
    }
}

/// Work for the parse pool.
enum Work {
    Doc {
        file: usize,
        seq: u64,
        doc: RawDoc,
        /// How to read a record file's rows; `None` for XML.
        records: Option<Arc<Records>>,
    },
    FileEnd {
        file: usize,
        result: Result<FileRead, String>,
    },
}

/// What the parse pool hands the writer.
enum Done {
    /// The publications one source document held (one, except for multi-document formats).
    Patents {
        file: usize,
        seq: u64,
        /// Number, `SourcePos::hash` of the source document, and the index document.
        docs: Vec<(String, String, TantivyDocument)>,
    },
    Skipped {
        file: usize,
        root: String,
    },
    Failed {
        file: usize,
        doc: RawDoc,
        error: String,
    },
    FileEnd {
        file: usize,
        result: Result<FileRead, String>,
    },
}

/// Per-file bookkeeping in the writer.
struct FileState {
    path: PathBuf,
    size: u64,
    mtime: i64,
    processed: u64,
    documents: u64,
    skipped: u64,
    quarantined: u64,
    read: Option<FileRead>,
    failed: bool,
    recorded: bool,
    records: Option<Arc<Records>>,
}

fn mtime_secs(meta: &std::fs::Metadata) -> i64 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs() as i64)
}

/// The manifest entry with the same content as this file, if any (same path, or the same bytes
/// under another name: a re-downloaded weekly file is not read twice).
fn unchanged(
    manifest: &Manifest,
    path: &Path,
    size: u64,
    mtime: i64,
    mapping: Option<&Mapping>,
) -> Result<Option<FileEntry>, SourceError> {
    // The same bytes read with another mapping are another set of records.
    let same_path = manifest
        .by_path(path)
        .filter(|e| e.records.as_ref() == mapping);
    let candidates: Vec<&FileEntry> = match same_path {
        Some(e) if e.size == size && e.mtime == mtime => vec![e],
        _ => manifest
            .files
            .iter()
            .filter(|e| e.size == size && e.records.as_ref() == mapping)
            .collect(),
    };
    if candidates.is_empty() {
        return Ok(None);
    }
    let sha = source::sha256_file(path)?;
    Ok(candidates.into_iter().find(|e| e.sha256 == sha).cloned())
}

/// Ingests `paths` (files and folders) into the index at `layout`.
///
/// Errors only for problems that stop the whole run (missing input path, index not writable);
/// problems with single documents or files are counted in the [`Summary`].
pub fn ingest(layout: &Layout, paths: &[PathBuf], opts: &IngestOptions) -> anyhow::Result<Summary> {
    let started = Instant::now();
    let mut summary = Summary::default();
    let mut inputs: Vec<(PathBuf, Option<Arc<Records>>)> = source::expand_inputs(paths)?
        .into_iter()
        .map(|p| (p, None))
        .collect();
    let record_paths: Vec<PathBuf> = opts.records.iter().map(|r| r.path.clone()).collect();
    source::expand_inputs(&record_paths)?;
    for rf in &opts.records {
        let records = resolve_records(rf, &mut summary.warnings)?;
        inputs.push((rf.path.clone(), Some(Arc::new(records))));
    }
    let mut manifest = Manifest::load(&layout.manifest)?;
    summary.files = inputs.len();

    let mut files = Vec::new();
    let mut aliases = Vec::new();
    for (p, records) in inputs {
        let path = std::fs::canonicalize(&p).unwrap_or(p);
        let meta = std::fs::metadata(&path).map_err(|e| SourceError::Io {
            path: path.clone(),
            source: e,
        })?;
        // Fail before anything is written when a file cannot be opened.
        std::fs::File::open(&path).map_err(|e| SourceError::Io {
            path: path.clone(),
            source: e,
        })?;
        let (size, mtime) = (meta.len(), mtime_secs(&meta));
        let mapping = records.as_ref().map(|r| &r.mapping);
        if !opts.force
            && let Some(entry) = unchanged(&manifest, &path, size, mtime, mapping)?
        {
            summary.files_unchanged += 1;
            if entry.path != path {
                // Remember the new name too, so `rebuild` still works when the old one is gone.
                aliases.push(FileEntry {
                    path,
                    mtime,
                    ..entry
                });
            }
            continue;
        }
        files.push(FileState {
            path,
            size,
            mtime,
            processed: 0,
            documents: 0,
            skipped: 0,
            quarantined: 0,
            read: None,
            failed: false,
            recorded: false,
            records,
        });
    }
    summary.files_read = files.len();
    if !aliases.is_empty() {
        for a in aliases {
            manifest.record(a);
        }
        manifest.save(&layout.manifest)?;
    }
    if files.is_empty() {
        summary.elapsed = started.elapsed();
        return Ok(summary);
    }

    let threads = opts.threads.max(1);
    let index = layout.open_or_create()?;
    let writer_options = tantivy::indexer::IndexWriterOptions::builder()
        .num_worker_threads(threads)
        .memory_budget_per_thread(WRITER_MEMORY_PER_THREAD)
        .num_merge_threads(MERGE_THREADS)
        .build();
    let mut writer: IndexWriter<Queued> =
        index.writer_with_options(writer_options).with_context(|| {
            format!(
                "cannot open the index in {} for writing (is another patdex ingest running?)",
                layout.root.display()
            )
        })?;
    let (ticket_tx, ticket_rx) = bounded::<()>(threads * TANTIVY_QUEUE_PER_THREAD);
    let committed = index.reader()?.searcher();
    let check_existing = committed.num_docs() > 0;
    let committed_src = if check_existing {
        Some(super::reader::FastStrings::open(&committed, "src")?)
    } else {
        None
    };
    let id_field = schema::field("id");
    let batch_started = jiff::Timestamp::now().to_string();

    let total_bytes: u64 = files.iter().map(|f| f.size).sum();
    let progress_bytes = Arc::new(AtomicU64::new(0));
    let bar = make_bar(opts.progress, total_bytes);

    let cap = threads * 8;
    let (work_tx, work_rx) = bounded::<Work>(cap);
    let (done_tx, done_rx) = bounded::<Done>(cap);

    let read_list: Vec<(PathBuf, Option<Arc<Records>>)> = files
        .iter()
        .map(|f| (f.path.clone(), f.records.clone()))
        .collect();
    let reader_progress = progress_bytes.clone();
    let reader = std::thread::Builder::new()
        .name("patdex-read".into())
        .spawn(move || {
            let mut seq = 0u64;
            for (i, (path, records)) in read_list.iter().enumerate() {
                let mut sink = |doc: RawDoc| {
                    seq += 1;
                    work_tx
                        .send(Work::Doc {
                            file: i,
                            seq,
                            doc,
                            records: records.clone(),
                        })
                        .map_err(|_| Stop)
                };
                let read = match records {
                    Some(r) => source::records::read_records(
                        path,
                        r.delimiter,
                        &reader_progress,
                        &mut sink,
                    ),
                    None => source::read_file(path, &reader_progress, &mut sink),
                };
                let result = match read {
                    Ok(Ok(read)) => Ok(read),
                    Ok(Err(Stop)) => return,
                    Err(e) => Err(e.to_string()),
                };
                if work_tx.send(Work::FileEnd { file: i, result }).is_err() {
                    return;
                }
            }
        })?;

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("patdex-parse-{i}"))
        .build()?;
    let parser = std::thread::Builder::new()
        .name("patdex-parse".into())
        .spawn(move || {
            pool.install(|| {
                // A failed send means the writer has stopped: stop parsing too, which closes
                // the work channel and stops the reader.
                let _ = work_rx
                    .into_iter()
                    .par_bridge()
                    .try_for_each_with(done_tx, |tx, work| tx.send(process(work)).map_err(drop));
            })
        })?;

    // Every document of this run, by number: which copy was indexed (see `Seen`).
    let mut seen: HashMap<String, Seen> = HashMap::new();
    let mut last_commit = Instant::now();
    let mut last_log = Instant::now();
    let mut docs_done = 0u64;
    let mut pending_commit = false;
    let result: anyhow::Result<()> = (|| {
        loop {
            let msg = match done_rx.recv_timeout(Duration::from_millis(200)) {
                Ok(m) => Some(m),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => break,
            };
            if let Some(msg) = msg {
                match msg {
                    Done::Patents { file, seq, docs } => {
                        files[file].processed += 1;
                        for (key, hash, doc) in docs {
                            files[file].documents += 1;
                            docs_done += 1;
                            let prev = seen.get(&key);
                            if prev.is_some_and(|p| p.seq > seq) {
                                // A later copy of this document was already indexed in this run.
                                summary.replaced += 1;
                            } else {
                                let term = Term::from_field_text(id_field, &key);
                                let before = match prev {
                                    Some(p) => p.before.clone(),
                                    None => match &committed_src {
                                        Some(src) => indexed_src(&committed, src, &term)?,
                                        None => None,
                                    },
                                };
                                let existed = prev.is_some() || before.is_some();
                                writer.delete_term(term);
                                // Blocks while too many documents wait inside tantivy.
                                ticket_tx
                                    .send(())
                                    .expect("the ticket receiver lives as long as the writer");
                                writer.add_document(Queued {
                                    doc,
                                    _ticket: Ticket(ticket_rx.clone()),
                                })?;
                                if existed {
                                    summary.replaced += 1;
                                } else {
                                    summary.added += 1;
                                }
                                seen.insert(key, Seen { seq, hash, before });
                                pending_commit = true;
                            }
                        }
                    }
                    Done::Skipped { file, root } => {
                        files[file].processed += 1;
                        files[file].skipped += 1;
                        *summary.skipped.entry(root).or_default() += 1;
                    }
                    Done::Failed { file, doc, error } => {
                        files[file].processed += 1;
                        files[file].quarantined += 1;
                        summary.quarantined += 1;
                        quarantine::put(
                            &layout.quarantine,
                            &doc.origin,
                            doc.index,
                            doc.offset,
                            &doc.bytes,
                            if files[file].records.is_some() {
                                "csv"
                            } else {
                                "xml"
                            },
                            &error,
                        )
                        .with_context(|| {
                            format!(
                                "cannot write to the quarantine folder {}",
                                layout.quarantine.display()
                            )
                        })?;
                        let line = format!(
                            "quarantined: {} document {} (byte {}): {error}",
                            doc.origin, doc.index, doc.offset
                        );
                        match &bar {
                            Some(b) => b.println(line),
                            None if opts.progress != ProgressMode::Quiet => eprintln!("{line}"),
                            None => {}
                        }
                    }
                    Done::FileEnd { file, result } => match result {
                        Ok(read) => {
                            summary.xml_bytes += read.xml_bytes;
                            files[file].read = Some(read);
                        }
                        Err(e) => {
                            files[file].failed = true;
                            summary.files_failed.push((files[file].path.clone(), e));
                        }
                    },
                }
            }
            let bytes = progress_bytes.load(Ordering::Relaxed);
            report(
                &bar,
                opts.progress,
                &mut last_log,
                bytes,
                total_bytes,
                docs_done,
                started,
            );
            if last_commit.elapsed() >= opts.commit_interval
                && (pending_commit || files.iter().any(complete))
            {
                commit(&mut writer, &mut manifest, &mut files, layout)?;
                pending_commit = false;
                last_commit = Instant::now();
            }
        }
        commit(&mut writer, &mut manifest, &mut files, layout)?;
        Ok(())
    })();
    if result.is_ok() && opts.record_batch {
        let mut added = Vec::new();
        let mut updated = Vec::new();
        let mut unchanged = 0;
        for (id, Seen { hash, before, .. }) in seen {
            match before {
                None => added.push(id),
                Some(b) if b == hash => unchanged += 1,
                Some(_) => updated.push(id),
            }
        }
        added.sort();
        updated.sort();
        summary.updated = updated.len() as u64;
        let batch = super::batches::Batch {
            batch: 0,
            started: batch_started,
            finished: jiff::Timestamp::now().to_string(),
            files: files.iter().map(|f| f.path.clone()).collect(),
            added,
            updated,
            unchanged,
        };
        summary.batch = Some(super::batches::append(&layout.batches, batch)?);
    }
    // Closing the channel stops the reader and the parsers if the writer failed.
    drop(done_rx);
    let _ = parser.join();
    let _ = reader.join();
    result?;
    writer.wait_merging_threads()?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    summary.bytes = progress_bytes.load(Ordering::Relaxed);
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// The copy of a document this run indexed, and what the committed index held before it.
struct Seen {
    /// Position in the input (the later copy wins).
    seq: u64,
    /// Its source hash.
    hash: String,
    /// The committed copy's source hash (empty if it predates hashes); `None` when the index
    /// did not have the number.
    before: Option<String>,
}

/// The source hash of the committed copy of the document `id_term` names: `None` when the
/// index does not have it, `Some("")` when its copy predates source hashes.
fn indexed_src(
    searcher: &tantivy::Searcher,
    src: &super::reader::FastStrings,
    id_term: &Term,
) -> anyhow::Result<Option<String>> {
    let q = TermQuery::new(id_term.clone(), IndexRecordOption::Basic);
    let found = searcher.search(&q, &tantivy::collector::DocSetCollector)?;
    let Some(addr) = found.into_iter().next() else {
        return Ok(None);
    };
    let mut v = Vec::new();
    src.values(addr, &mut v)?;
    Ok(Some(v.into_iter().next().unwrap_or_default()))
}

fn complete(f: &FileState) -> bool {
    !f.recorded && !f.failed && f.read.as_ref().is_some_and(|r| r.documents == f.processed)
}

/// Commits the index, then records the files now wholly committed in the manifest.
fn commit(
    writer: &mut IndexWriter<Queued>,
    manifest: &mut Manifest,
    files: &mut [FileState],
    layout: &Layout,
) -> anyhow::Result<()> {
    writer.commit()?;
    let now = jiff::Timestamp::now().to_string();
    for f in files.iter_mut().filter(|f| complete(f)) {
        let read = f.read.as_ref().expect("complete files have been read");
        manifest.record(FileEntry {
            path: f.path.clone(),
            size: f.size,
            mtime: f.mtime,
            sha256: read.sha256.clone(),
            documents: f.documents,
            skipped: f.skipped,
            quarantined: f.quarantined,
            parser_version: PARSER_VERSION.to_string(),
            ingested_at: now.clone(),
            records: f.records.as_ref().map(|r| r.mapping.clone()),
        });
        f.recorded = true;
    }
    manifest.schema_version = schema::SCHEMA_VERSION;
    manifest.last_ingest = Some(now);
    manifest.save(&layout.manifest)
}

/// Parses one document; runs on the parse pool.
fn process(work: Work) -> Done {
    match work {
        Work::FileEnd { file, result } => Done::FileEnd { file, result },
        Work::Doc {
            file,
            seq,
            doc,
            records,
        } => {
            // A parser or mapping bug must quarantine the document, not abort the run (a
            // panic here would end the parse pool and silently drop the rest of the input).
            let parsed = std::panic::catch_unwind(|| {
                match &records {
                    Some(r) => parse::records::parse_row(&r.mapping, &doc.bytes),
                    None => parse::parse_document(&doc.bytes),
                }
                .map(|parsed| {
                    let patents = match parsed {
                        Parsed::Patent(p) => vec![*p],
                        Parsed::Patents(ps) => ps,
                        Parsed::Skipped { root } => return Err(root),
                    };
                    let hash = crate::model::source_hash(&doc.bytes);
                    Ok(patents
                        .into_iter()
                        .map(|mut p| {
                            p.source = crate::model::SourcePos {
                                file: doc.origin.to_string(),
                                index: doc.index,
                                offset: doc.offset,
                                hash: hash.clone(),
                            };
                            (p.number.to_string(), hash.clone(), schema::to_document(&p))
                        })
                        .collect::<Vec<_>>())
                })
            });
            match parsed {
                Ok(Ok(Ok(docs))) => Done::Patents { file, seq, docs },
                Ok(Ok(Err(root))) => Done::Skipped { file, root },
                Ok(Err(e)) => Done::Failed {
                    file,
                    doc,
                    error: e.to_string(),
                },
                Err(panic) => {
                    let what = panic
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_default();
                    Done::Failed {
                        file,
                        doc,
                        error: format!("parser panicked (a patdex bug, please report it): {what}"),
                    }
                }
            }
        }
    }
}

fn make_bar(mode: ProgressMode, total: u64) -> Option<ProgressBar> {
    if mode != ProgressMode::Bar {
        return None;
    }
    let bar = ProgressBar::new(total);
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {msg} ETA {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.enable_steady_tick(Duration::from_millis(200));
    Some(bar)
}

fn report(
    bar: &Option<ProgressBar>,
    mode: ProgressMode,
    last_log: &mut Instant,
    bytes: u64,
    total: u64,
    docs: u64,
    started: Instant,
) {
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    let rate = docs as f64 / secs;
    match (bar, mode) {
        (Some(b), _) => {
            b.set_position(bytes);
            b.set_message(format!("{docs} docs, {rate:.0} docs/s"));
        }
        (None, ProgressMode::Log) if last_log.elapsed() >= Duration::from_secs(5) => {
            *last_log = Instant::now();
            eprintln!(
                "ingest: {:.1}/{:.1} MB read, {docs} documents, {rate:.0} docs/s, {:.0} s",
                bytes as f64 / 1e6,
                total as f64 / 1e6,
                secs
            );
        }
        _ => {}
    }
}

/// Recreates the index from the files its manifest lists (after a parser upgrade).
///
/// The new index is built beside the old one and swapped in only when complete, so a failed or
/// interrupted rebuild leaves the old index in place.
pub fn rebuild(
    layout: &Layout,
    opts: &IngestOptions,
    skip_missing: bool,
) -> anyhow::Result<Summary> {
    let manifest = Manifest::load(&layout.manifest)?;
    if manifest.files.is_empty() {
        anyhow::bail!(
            "the manifest in {} lists no files; nothing to rebuild from (ingest files first with `patdex ingest PATH...`)",
            layout.root.display()
        );
    }
    let mut paths = Vec::new();
    let mut records = Vec::new();
    let mut missing = Vec::new();
    let mut contents = std::collections::HashSet::new();
    for f in &manifest.files {
        if f.path.exists() {
            // Several names for the same bytes: read them once.
            if contents.insert(f.sha256.clone()) {
                match &f.records {
                    Some(m) => records.push(RecordFile {
                        path: f.path.clone(),
                        mapping: Some(m.clone()),
                    }),
                    None => paths.push(f.path.clone()),
                }
            }
        } else {
            missing.push(f.path.display().to_string());
        }
    }
    // A missing file whose bytes exist under another listed name loses nothing.
    let present: std::collections::HashSet<&str> = manifest
        .files
        .iter()
        .filter(|f| f.path.exists())
        .map(|f| f.sha256.as_str())
        .collect();
    missing.retain(|m| {
        manifest
            .files
            .iter()
            .find(|f| f.path.display().to_string() == *m)
            .is_none_or(|f| !present.contains(f.sha256.as_str()))
    });
    if !missing.is_empty() && !skip_missing {
        anyhow::bail!(
            "{} file(s) listed in the manifest are missing, so a rebuild would lose their documents; restore them, or pass --skip-missing to rebuild without them:\n  {}",
            missing.len(),
            missing.join("\n  ")
        );
    }
    let tmp = Layout {
        root: layout.root.clone(),
        tantivy: layout.root.join("tantivy.rebuild"),
        manifest: layout.root.join("manifest.rebuild.json"),
        quarantine: layout.root.join("quarantine.rebuild"),
        batches: layout.root.join("batches.rebuild.jsonl"),
    };
    for dir in [&tmp.tantivy, &tmp.quarantine] {
        if dir.exists() {
            std::fs::remove_dir_all(dir)?;
        }
    }
    let _ = std::fs::remove_file(&tmp.manifest);
    let mut o = opts.clone();
    o.force = true;
    o.record_batch = false;
    o.records = records;
    let summary = ingest(&tmp, &paths, &o)?;
    if !summary.files_failed.is_empty() {
        anyhow::bail!(
            "rebuild stopped: {} file(s) could not be read; the old index is unchanged\n{}",
            summary.files_failed.len(),
            summary.render()
        );
    }
    swap(&tmp.tantivy, &layout.tantivy)?;
    if tmp.quarantine.exists() {
        swap(&tmp.quarantine, &layout.quarantine)?;
    } else if layout.quarantine.exists() {
        std::fs::remove_dir_all(&layout.quarantine)?;
    }
    std::fs::rename(&tmp.manifest, &layout.manifest)?;
    Ok(summary)
}

fn swap(new: &Path, live: &Path) -> anyhow::Result<()> {
    let old = live.with_extension("old");
    if old.exists() {
        std::fs::remove_dir_all(&old)?;
    }
    if live.exists() {
        std::fs::rename(live, &old)?;
    }
    std::fs::rename(new, live)?;
    if old.exists() {
        std::fs::remove_dir_all(&old)?;
    }
    Ok(())
}
