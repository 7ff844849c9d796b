//! `patdex watch` (alert profiles, runs, digests, the Atom feed, webhooks) and `patdex
//! collection` (frozen result sets). The work is in `crate::watch`; this module reads the
//! arguments, renders digests and delivers them.

use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use super::Failure;
use super::render::{html_page, mark_highlights, md, table, xml_escape};
use crate::index::Layout;
use crate::index::batches::{self, Batch};
use crate::index::reader::{FastStrings, IndexReader};
use crate::watch::collection::{self, Collection, Collections, IndexState};
use crate::watch::{
    self, DigestFormat, Entry, Output, Pending, Profile, Profiles, Screen, State, Status,
};

/// `patdex watch`.
#[derive(Debug, clap::Args)]
pub struct WatchArgs {
    /// Profiles folder (default: `profiles` next to the index folder).
    #[arg(long, global = true, value_name = "DIR")]
    pub profiles: Option<PathBuf>,
    #[command(subcommand)]
    pub command: WatchCommand,
}

// Parsed once per process: the size of the largest variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, clap::Subcommand)]
pub enum WatchCommand {
    /// Save a profile: a query, optional screening rules and outputs, as profiles/NAME.toml.
    Add {
        name: String,
        /// The search, in the query language.
        #[arg(long)]
        query: String,
        #[arg(long)]
        description: Option<String>,
        /// Who the alerts are for.
        #[arg(long)]
        owner: Option<String>,
        /// Only documents with a CPC symbol at or under this one (repeatable).
        #[arg(long)]
        cpc: Vec<String>,
        /// Only these owners (repeatable; spellings merged).
        #[arg(long)]
        assignee: Vec<String>,
        /// Never these owners (repeatable), e.g. your own company.
        #[arg(long)]
        exclude: Vec<String>,
        /// A word or phrase the claims must contain (repeatable).
        #[arg(long)]
        claims: Vec<String>,
        /// grant, application, utility, design, plant, reissue, or a kind code (repeatable).
        #[arg(long)]
        kind: Vec<String>,
        /// Digest formats (default md,atom).
        #[arg(long, value_enum, value_delimiter = ',')]
        format: Vec<DigestFormat>,
        /// Digest folder, relative to the profiles folder (default ../digests/NAME).
        #[arg(long)]
        dir: Option<PathBuf>,
        /// POST each JSON digest to this http(s) URL.
        #[arg(long)]
        webhook: Option<String>,
        /// Replace a profile of that name.
        #[arg(long)]
        force: bool,
    },
    /// The profiles, with what each has delivered.
    List {
        #[arg(long)]
        json: bool,
    },
    /// One profile: its file, its hits now, delivered and waiting.
    Show {
        name: String,
        #[arg(long)]
        json: bool,
    },
    /// Delete a profile file (its delivery record stays unless --forget).
    Remove {
        name: String,
        /// Also delete what it has delivered (a profile of the same name starts afresh).
        #[arg(long)]
        forget: bool,
    },
    /// Run a profile over the whole index, recording nothing: its hits now, best first.
    Test {
        name: String,
        #[arg(long, short = 'n', default_value_t = 10)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Deliver what each profile (all, or those named) has not delivered: new hits, and
    /// delivered documents that have changed since. Writes the digests, updates the Atom feed,
    /// POSTs to the webhook; records only what was delivered.
    Run {
        names: Vec<String>,
        /// Replay: everything the batches from this one on brought that matches, delivered or not.
        #[arg(long, value_name = "BATCH")]
        since: Option<u64>,
        /// Show what would be delivered; write, send and record nothing.
        #[arg(long, conflicts_with = "baseline")]
        dry_run: bool,
        /// Record every current match as delivered without writing or sending anything: a new
        /// profile then starts with the next ingest instead of the backfile.
        #[arg(long, conflicts_with = "since")]
        baseline: bool,
        #[arg(long)]
        json: bool,
    },
    /// The ingest batches (for --since).
    Batches {
        #[arg(long)]
        json: bool,
    },
}

/// `patdex collection`.
#[derive(Debug, clap::Args)]
pub struct CollectionArgs {
    /// Collections folder (default: `collections` next to the index folder).
    #[arg(long, global = true, value_name = "DIR")]
    pub collections: Option<PathBuf>,
    #[command(subcommand)]
    pub command: CollectionCommand,
}

/// Export formats of a collection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Csv,
    Jsonl,
}

#[derive(Debug, clap::Subcommand)]
pub enum CollectionCommand {
    /// Freeze the documents a query (or a profile, with its screening) matches now.
    Create {
        name: String,
        #[arg(long, required_unless_present = "from_profile")]
        query: Option<String>,
        #[arg(long, conflicts_with = "query", value_name = "PROFILE")]
        from_profile: Option<String>,
        /// Profiles folder for --from-profile (default: `profiles` next to the index folder).
        #[arg(long, value_name = "DIR")]
        profiles: Option<PathBuf>,
        #[arg(long)]
        description: Option<String>,
        /// Replace a collection of that name.
        #[arg(long)]
        force: bool,
    },
    /// The collections.
    List {
        #[arg(long)]
        json: bool,
    },
    /// One collection: query, date, index state, size (and its numbers with --numbers).
    Show {
        name: String,
        #[arg(long)]
        numbers: bool,
        #[arg(long)]
        json: bool,
    },
    /// The full records of a collection's documents.
    Export {
        name: String,
        #[arg(long, short, value_enum, default_value_t = ExportFormat::Jsonl)]
        format: ExportFormat,
        /// Write here instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Run the collection's query again: what it adds and drops; the collection is updated
    /// unless --dry-run.
    Refresh {
        name: String,
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
    /// Delete a collection file.
    Remove { name: String },
}

fn profiles(layout: &Layout, dir: Option<PathBuf>) -> Profiles {
    Profiles::new(&dir.unwrap_or_else(|| layout.beside("profiles")))
}

/// Runs `patdex watch`.
pub(super) fn run(layout: &Layout, args: WatchArgs, out: &mut dyn Write) -> Result<u8, Failure> {
    let profiles = profiles(layout, args.profiles);
    match args.command {
        WatchCommand::Add {
            name,
            query,
            description,
            owner,
            cpc,
            assignee,
            exclude,
            claims,
            kind,
            format,
            dir,
            webhook,
            force,
        } => {
            let p = Profile {
                name,
                description: description.unwrap_or_default(),
                owner: owner.unwrap_or_default(),
                query,
                screen: Screen {
                    cpc,
                    assignees: assignee,
                    exclude_assignees: exclude,
                    claims,
                    kinds: kind,
                },
                output: Output {
                    formats: if format.is_empty() {
                        Output::default().formats
                    } else {
                        format
                    },
                    dir,
                    webhook,
                },
            };
            // A query that names a field the index lacks or expands too far fails here, not
            // at the first run.
            let count = if layout.exists() {
                let reader = IndexReader::open(layout)?;
                p.check().map_err(|(_, m)| anyhow::anyhow!(m))?;
                let s = watch::screening(&reader, &p)?;
                for n in &s.notes {
                    writeln!(out, "note: {n}")?;
                }
                Some(watch::matches(&reader, &s, 0)?.len())
            } else {
                None
            };
            let file = profiles.save(&p, force)?;
            writeln!(out, "saved {}", file.display())?;
            if let Some(n) = count {
                writeln!(
                    out,
                    "{n} documents match now; the first `patdex watch run {}` delivers them",
                    p.name
                )?;
            }
            Ok(0)
        }
        WatchCommand::List { json } => list(layout, &profiles, json, out),
        WatchCommand::Show { name, json } => show(layout, &profiles, &name, json, out),
        WatchCommand::Remove { name, forget } => {
            let file = profiles.path(&name);
            if !file.exists() {
                return Err(
                    anyhow::anyhow!("no profile `{name}` in {}", profiles.dir.display()).into(),
                );
            }
            std::fs::remove_file(&file)?;
            writeln!(out, "removed {}", file.display())?;
            let state = watch::state_path(layout, &name);
            if forget && state.exists() {
                std::fs::remove_file(&state)?;
                writeln!(out, "forgot what it delivered ({})", state.display())?;
            } else if state.exists() {
                writeln!(
                    out,
                    "kept what it delivered ({}): a profile of the same name goes on from there",
                    state.display()
                )?;
            }
            Ok(0)
        }
        WatchCommand::Test { name, limit, json } => {
            let p = profiles.load(&name).map_err(anyhow::Error::from)?;
            let reader = IndexReader::open(layout)?;
            let s = watch::screening(&reader, &p)?;
            let all = watch::matches(&reader, &s, limit)?;
            if json {
                let hits: Vec<serde_json::Value> = all
                    .iter()
                    .take(limit)
                    .map(|m| serde_json::json!({"number": m.id, "score": m.score}))
                    .collect();
                let v = serde_json::json!({"profile": name, "matches": all.len(), "notes": s.notes, "hits": hits});
                writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
            } else {
                for n in &s.notes {
                    writeln!(out, "note: {n}")?;
                }
                writeln!(out, "{}: {} documents match", name, all.len())?;
                let mut t = table(["#", "number", "published", "title", "owner"]);
                for (i, m) in all.iter().take(limit).enumerate() {
                    let p = reader.patent(m.addr)?;
                    t.add_row(vec![
                        (i + 1).to_string(),
                        m.id.clone(),
                        p.pub_date.map(|d| d.to_string()).unwrap_or_default(),
                        p.title.clone(),
                        crate::index::schema::owners(&p)
                            .iter()
                            .map(|o| o.name.clone())
                            .collect::<Vec<_>>()
                            .join("; "),
                    ]);
                }
                writeln!(out, "{t}")?;
            }
            Ok(if all.is_empty() { 1 } else { 0 })
        }
        WatchCommand::Run {
            names,
            since,
            dry_run,
            baseline,
            json,
        } => {
            let mode = if dry_run {
                Mode::DryRun
            } else if baseline {
                Mode::Baseline
            } else {
                Mode::Deliver
            };
            run_profiles(layout, &profiles, &names, since, mode, json, out)
        }
        WatchCommand::Batches { json } => {
            let all = batches::load(&layout.batches)?;
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&all)?)?;
                return Ok(0);
            }
            if all.is_empty() {
                writeln!(
                    out,
                    "no batches recorded in {} (each `patdex ingest` that reads a file records one)",
                    layout.batches.display()
                )?;
                return Ok(0);
            }
            let mut t = table(["batch", "finished", "added", "updated", "files"]);
            for b in &all {
                t.add_row(vec![
                    b.batch.to_string(),
                    b.finished.clone(),
                    b.added.len().to_string(),
                    b.updated.len().to_string(),
                    files_label(&b.files),
                ]);
            }
            writeln!(out, "{t}")?;
            Ok(0)
        }
    }
}

fn files_label(files: &[PathBuf]) -> String {
    let names: Vec<String> = files
        .iter()
        .map(|f| {
            f.file_name()
                .map_or_else(|| f.display().to_string(), |n| n.to_string_lossy().into())
        })
        .collect();
    if names.len() > 3 {
        format!("{} and {} more", names[..3].join(", "), names.len() - 3)
    } else {
        names.join(", ")
    }
}

fn list(
    layout: &Layout,
    profiles: &Profiles,
    json: bool,
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    let names = profiles.names()?;
    let mut rows = Vec::new();
    for name in &names {
        let state = State::load(&watch::state_path(layout, name))?;
        let last = state.runs.last();
        match profiles.load(name) {
            Ok(p) => rows.push(serde_json::json!({
                "name": name,
                "description": p.description,
                "query": p.query,
                "delivered": state.delivered.len(),
                "runs": state.runs.len(),
                "last_run": last.map(|r| r.at.clone()),
            })),
            Err(e) => rows.push(serde_json::json!({"name": name, "error": e.to_string()})),
        }
    }
    let empty = format!(
        "no profiles in {}; `patdex watch add NAME --query Q` makes one",
        profiles.dir.display()
    );
    let columns = [
        ("profile", "name"),
        ("query", "query"),
        ("delivered", "delivered"),
        ("last run", "last_run"),
        ("description", "description"),
    ];
    list_rows(&rows, &columns, json, &empty, out)
}

/// A listing of profiles or collections: JSON rows as they are, or a table of `columns`
/// (header, key); a row with an `error` (a file that does not load) shows it in the second
/// column.
fn list_rows(
    rows: &[serde_json::Value],
    columns: &[(&str, &str)],
    json: bool,
    empty: &str,
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(rows)?)?;
        return Ok(0);
    }
    if rows.is_empty() {
        writeln!(out, "{empty}")?;
        return Ok(0);
    }
    let mut t = table(columns.iter().map(|(h, _)| *h));
    for r in rows {
        let cell = |k: &str| match &r[k] {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Null => String::new(),
            v => v.to_string(),
        };
        let mut cells: Vec<String> = columns.iter().map(|(_, k)| cell(k)).collect();
        if let Some(e) = r.get("error") {
            cells[1] = format!("error: {}", e.as_str().unwrap_or_default());
        }
        t.add_row(cells);
    }
    writeln!(out, "{t}")?;
    Ok(0)
}

fn show(
    layout: &Layout,
    profiles: &Profiles,
    name: &str,
    json: bool,
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    let p = profiles.load(name).map_err(anyhow::Error::from)?;
    let reader = IndexReader::open(layout)?;
    let state = State::load(&watch::state_path(layout, name))?;
    let all = batches::load(&layout.batches)?;
    let pending = watch::pending(&reader, &p, &state, &all, None, false)?;
    if json {
        let v = serde_json::json!({
            "profile": p,
            "name": name,
            "file": profiles.path(name),
            "matches": pending.matched,
            "delivered": state.delivered.len(),
            "waiting": {"new": pending.count(Status::New), "updated": pending.count(Status::Updated)},
            "runs": state.runs,
            "notes": pending.notes,
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
        return Ok(0);
    }
    writeln!(out, "# {}\n", profiles.path(name).display())?;
    writeln!(out, "{}", p.to_toml())?;
    for n in &pending.notes {
        writeln!(out, "note: {n}")?;
    }
    writeln!(
        out,
        "matches now: {}; delivered: {} in {} run(s); waiting: {} new, {} updated",
        pending.matched,
        state.delivered.len(),
        state.runs.len(),
        pending.count(Status::New),
        pending.count(Status::Updated)
    )?;
    Ok(0)
}

/// What `watch run` does with what it finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Deliver,
    /// Show only.
    DryRun,
    /// Record as delivered, write and send nothing.
    Baseline,
}

/// One profile's outcome in a run.
#[derive(serde::Serialize)]
struct Outcome {
    profile: String,
    run: Option<u64>,
    matched: usize,
    new: usize,
    updated: usize,
    replayed: usize,
    files: Vec<PathBuf>,
    webhook: Option<String>,
    notes: Vec<String>,
    error: Option<String>,
    #[serde(skip)]
    entries: Vec<Entry>,
}

#[allow(clippy::too_many_arguments)]
fn run_profiles(
    layout: &Layout,
    profiles: &Profiles,
    names: &[String],
    since: Option<u64>,
    mode: Mode,
    json: bool,
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    let reader = IndexReader::open(layout)?;
    let all_batches = batches::load(&layout.batches)?;
    let names = if names.is_empty() {
        profiles.names()?
    } else {
        names.to_vec()
    };
    if names.is_empty() {
        writeln!(
            out,
            "no profiles in {}; `patdex watch add NAME --query Q` makes one",
            profiles.dir.display()
        )?;
        return Ok(0);
    }
    let mut outcomes = Vec::new();
    for name in &names {
        let mut o = Outcome {
            profile: name.clone(),
            run: None,
            matched: 0,
            new: 0,
            updated: 0,
            replayed: 0,
            files: Vec::new(),
            webhook: None,
            notes: Vec::new(),
            error: None,
            entries: Vec::new(),
        };
        // One profile's failure (a bad file, a webhook down) must not stop the others.
        if let Err(e) = run_one(
            layout,
            profiles,
            &reader,
            &all_batches,
            name,
            since,
            mode,
            &mut o,
        ) {
            o.error = Some(format!("{e:#}"));
        }
        outcomes.push(o);
    }
    let failed = outcomes.iter().filter(|o| o.error.is_some()).count();
    if json {
        let v: Vec<serde_json::Value> = outcomes
            .iter()
            .map(|o| {
                let mut v = serde_json::to_value(o).expect("outcome serialises");
                v["entries"] = serde_json::to_value(&o.entries).expect("entries serialise");
                v
            })
            .collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
    } else {
        for o in &outcomes {
            report(o, mode, out)?;
        }
    }
    if failed > 0 {
        return Err(Failure {
            code: 2,
            message: format!(
                "{failed} of {} profile(s) failed; what they did not deliver stays waiting for the next run",
                outcomes.len()
            ),
            bare: false,
        });
    }
    Ok(0)
}

fn report(o: &Outcome, mode: Mode, out: &mut dyn Write) -> Result<(), Failure> {
    if let Some(e) = &o.error {
        writeln!(out, "{}: FAILED: {e}", o.profile)?;
        return Ok(());
    }
    for n in &o.notes {
        writeln!(out, "{}: note: {n}", o.profile)?;
    }
    let what = format!(
        "{} new, {} updated{}",
        o.new,
        o.updated,
        if o.replayed > 0 {
            format!(", {} replayed", o.replayed)
        } else {
            String::new()
        }
    );
    match (mode, o.run) {
        (Mode::Baseline, Some(run)) => {
            writeln!(
                out,
                "{}: run {run}: recorded {what} as delivered (baseline: nothing written or sent)",
                o.profile
            )?;
            return Ok(());
        }
        (Mode::DryRun, _) => writeln!(
            out,
            "{}: would deliver {what} (dry run: nothing written or recorded)",
            o.profile
        )?,
        (_, Some(run)) => writeln!(out, "{}: run {run}: {what}", o.profile)?,
        (_, None) => writeln!(
            out,
            "{}: nothing new ({} matching, all delivered)",
            o.profile, o.matched
        )?,
    }
    for e in &o.entries {
        writeln!(
            out,
            "  {:<8} {:<16} {}  {}",
            e.status.as_str(),
            e.number,
            e.pub_date.map(|d| d.to_string()).unwrap_or_default(),
            e.title
        )?;
    }
    for f in &o.files {
        writeln!(out, "  wrote {}", f.display())?;
    }
    if let Some(w) = &o.webhook {
        writeln!(out, "  {w}")?;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn run_one(
    layout: &Layout,
    profiles: &Profiles,
    reader: &IndexReader,
    all_batches: &[Batch],
    name: &str,
    since: Option<u64>,
    mode: Mode,
    o: &mut Outcome,
) -> anyhow::Result<()> {
    let p = profiles.load(name)?;
    // Held until the state is saved: an overlapping run must not deliver the same entries.
    let _lock = match mode {
        Mode::DryRun => None,
        _ => Some(watch::lock(layout, name)?),
    };
    let state_file = watch::state_path(layout, name);
    let mut state = State::load(&state_file)?;
    let details = mode != Mode::Baseline;
    let pending = watch::pending(reader, &p, &state, all_batches, since, details)?;
    o.matched = pending.matched;
    o.new = pending.count(Status::New);
    o.updated = pending.count(Status::Updated);
    o.replayed = pending.count(Status::Replayed);
    o.notes = pending.notes.clone();
    o.entries = pending.entries.clone();
    if mode == Mode::DryRun || pending.entries.is_empty() {
        return Ok(());
    }
    let run = state.next_run();
    let at = jiff::Timestamp::now()
        .round(jiff::Unit::Second)?
        .to_string();
    if mode == Mode::Baseline {
        watch::record(&mut state, &pending, run, &at);
        state.save(&state_file)?;
        o.run = Some(run);
        return Ok(());
    }
    let digest = Digest {
        profile: &p,
        pending: &pending,
        run,
        at: &at,
    };
    let json = digest.json();
    // The webhook first: if it fails, nothing is written or recorded and the next run sends
    // the same entries again.
    if let Some(url) = &p.output.webhook {
        let status = post(url, &json).map_err(|e| {
            anyhow::anyhow!("webhook {url}: {e}; nothing recorded, the next run retries")
        })?;
        o.webhook = Some(format!("webhook {url}: HTTP {status}"));
    }
    let dir = match &p.output.dir {
        Some(d) => profiles.dir.join(d),
        None => layout.beside("digests").join(name),
    };
    for f in &p.output.formats {
        let text = match f {
            DigestFormat::Md => digest.markdown(),
            DigestFormat::Html => digest.html(),
            DigestFormat::Json => serde_json::to_string_pretty(&json)?,
            DigestFormat::Atom => continue,
        };
        let file = dir.join(format!("{name}-run{run:04}.{}", f.extension()));
        watch::write_atomic(&file, text.as_bytes())?;
        o.files.push(file);
    }
    watch::record(&mut state, &pending, run, &at);
    if p.output.formats.contains(&DigestFormat::Atom) {
        let file = dir.join(format!("{name}.atom"));
        watch::write_atomic(&file, atom(&p, &state, &at).as_bytes())?;
        o.files.push(file);
    }
    state.save(&state_file)?;
    o.run = Some(run);
    Ok(())
}

/// POSTs `body` as JSON; the HTTP status on success (2xx).
fn post(url: &str, body: &serde_json::Value) -> Result<u16, String> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(15)))
        .build()
        .new_agent();
    let bytes = serde_json::to_vec(body).map_err(|e| e.to_string())?;
    match agent
        .post(url)
        .header("Content-Type", "application/json")
        .header("User-Agent", concat!("patdex/", env!("CARGO_PKG_VERSION")))
        .send(&bytes[..])
    {
        Ok(r) => Ok(r.status().as_u16()),
        Err(ureq::Error::StatusCode(code)) => Err(format!("HTTP {code}")),
        Err(e) => Err(e.to_string()),
    }
}

/// One run's digest of one profile.
struct Digest<'a> {
    profile: &'a Profile,
    pending: &'a Pending,
    run: u64,
    at: &'a str,
}

impl Digest<'_> {
    fn headline(&self) -> String {
        let p = self.pending;
        let mut parts = vec![format!("{} new", p.count(Status::New))];
        if p.count(Status::Updated) > 0 {
            parts.push(format!("{} updated", p.count(Status::Updated)));
        }
        if p.count(Status::Replayed) > 0 {
            parts.push(format!("{} replayed", p.count(Status::Replayed)));
        }
        parts.join(", ")
    }

    fn json(&self) -> serde_json::Value {
        serde_json::json!({
            "profile": self.profile.name,
            "description": self.profile.description,
            "owner": self.profile.owner,
            "query": self.profile.query,
            "run": self.run,
            "at": self.at,
            "last_batch": self.pending.last_batch,
            "matched": self.pending.matched,
            "new": self.pending.count(Status::New),
            "updated": self.pending.count(Status::Updated),
            "replayed": self.pending.count(Status::Replayed),
            "notes": self.pending.notes,
            "entries": self.pending.entries,
        })
    }

    fn markdown(&self) -> String {
        let p = self.profile;
        let mut s = String::new();
        let _ = writeln!(s, "# patdex alert `{}`: {}\n", p.name, self.headline());
        if !p.description.is_empty() {
            let _ = writeln!(s, "{}\n", md(&p.description));
        }
        let _ = writeln!(s, "- Run {}, {}", self.run, self.at);
        if !p.owner.is_empty() {
            let _ = writeln!(s, "- For: {}", md(&p.owner));
        }
        let _ = writeln!(s, "- Query: `{}`", p.query.replace('`', "'"));
        if !p.screen.is_empty() {
            let _ = writeln!(s, "- Screening: {}", md(&screen_line(&p.screen)));
        }
        if let Some(b) = self.pending.last_batch {
            let _ = writeln!(s, "- Index as of ingest batch {b}");
        }
        let _ = writeln!(
            s,
            "- {} documents match in all; those delivered before and unchanged are left out.\n",
            self.pending.matched
        );
        for n in &self.pending.notes {
            let _ = writeln!(s, "> Note: {}\n", md(n));
        }
        for e in &self.pending.entries {
            let _ = writeln!(s, "## {} {}\n", e.number, md(&e.title));
            let mut meta = vec![format!("**{}**", e.status.as_str())];
            if let Some(d) = e.pub_date {
                meta.push(format!("published {d}"));
            }
            if !e.owners.is_empty() {
                meta.push(md(&e.owners.join("; ")));
            }
            if !e.cpc.is_empty() {
                meta.push(format!("CPC {}", e.cpc.join(", ")));
            }
            if let Some(b) = e.batch {
                meta.push(format!("batch {b}"));
            }
            let _ = writeln!(s, "{}\n", meta.join(" · "));
            let _ = writeln!(s, "Why: {}\n", md(&e.reason));
            if let Some(sn) = &e.snippet {
                let _ = writeln!(s, "> {}\n", highlighted(&sn.text, &sn.highlights));
            }
        }
        s
    }

    fn html(&self) -> String {
        html_page(
            &format!("patdex alert {}: {}", self.profile.name, self.headline()),
            &self.markdown(),
            "",
        )
    }
}

/// Markdown of `text` with the byte ranges `marks` in bold.
fn highlighted(text: &str, marks: &[(usize, usize)]) -> String {
    mark_highlights(text, marks, md, |m| format!("**{}**", md(m)))
}

fn screen_line(s: &Screen) -> String {
    let mut parts = Vec::new();
    if !s.cpc.is_empty() {
        parts.push(format!("CPC {}", s.cpc.join(" or ")));
    }
    if !s.assignees.is_empty() {
        parts.push(format!("owners {}", s.assignees.join(" or ")));
    }
    if !s.exclude_assignees.is_empty() {
        parts.push(format!("not owners {}", s.exclude_assignees.join(", ")));
    }
    if !s.claims.is_empty() {
        parts.push(format!("claims mention {}", s.claims.join(" and ")));
    }
    if !s.kinds.is_empty() {
        parts.push(format!("kinds {}", s.kinds.join(" or ")));
    }
    parts.join("; ")
}

/// The profile's Atom feed (RFC 4287): its latest delivered entries, newest first.
fn atom(p: &Profile, state: &State, now: &str) -> String {
    let mut s = String::new();
    let title = if p.description.is_empty() {
        format!("patdex alert {}", p.name)
    } else {
        format!("patdex alert {}: {}", p.name, p.description)
    };
    let _ = writeln!(s, "<?xml version=\"1.0\" encoding=\"utf-8\"?>");
    let _ = writeln!(s, "<feed xmlns=\"http://www.w3.org/2005/Atom\">");
    let _ = writeln!(s, "  <title>{}</title>", xml_escape(&title));
    let _ = writeln!(s, "  <id>urn:patdex:watch:{}</id>", xml_escape(&p.name));
    let _ = writeln!(s, "  <updated>{now}</updated>");
    let _ = writeln!(
        s,
        "  <author><name>{}</name></author>",
        xml_escape(if p.owner.is_empty() {
            "patdex"
        } else {
            &p.owner
        })
    );
    let _ = writeln!(s, "  <subtitle>{}</subtitle>", xml_escape(&p.query));
    let _ = writeln!(
        s,
        "  <generator version=\"{}\">patdex</generator>",
        env!("CARGO_PKG_VERSION")
    );
    for e in &state.recent {
        let run = state.delivered.get(&e.number).map_or(0, |d| d.run);
        let _ = writeln!(s, "  <entry>");
        let _ = writeln!(
            s,
            "    <id>urn:patdex:watch:{}:{}:{}:{}</id>",
            xml_escape(&p.name),
            xml_escape(&e.number),
            e.status.as_str(),
            xml_escape(&e.delivered_at)
        );
        let _ = writeln!(
            s,
            "    <title>{}{}</title>",
            xml_escape(&format!("{} {}", e.number, e.title)),
            if e.status == Status::Updated {
                " (updated)"
            } else {
                ""
            }
        );
        let _ = writeln!(s, "    <updated>{}</updated>", xml_escape(&e.delivered_at));
        if let Some(d) = e.pub_date {
            let _ = writeln!(s, "    <published>{d}T00:00:00Z</published>");
        }
        for c in &e.cpc {
            let _ = writeln!(
                s,
                "    <category term=\"{}\" scheme=\"CPC\"/>",
                xml_escape(c)
            );
        }
        let mut summary = e.reason.clone();
        if !e.owners.is_empty() {
            summary = format!("{} — {summary}", e.owners.join("; "));
        }
        if let Some(sn) = &e.snippet {
            summary.push_str(&format!(" — “{}”", sn.text));
        }
        let _ = writeln!(
            s,
            "    <summary type=\"text\">{}</summary>",
            xml_escape(&summary)
        );
        let _ = writeln!(
            s,
            "    <content type=\"text\">run {run}; {}</content>",
            xml_escape(&e.reason)
        );
        let _ = writeln!(s, "  </entry>");
    }
    let _ = writeln!(s, "</feed>");
    s
}

fn collections(layout: &Layout, dir: Option<PathBuf>) -> Collections {
    Collections::new(&dir.unwrap_or_else(|| layout.beside("collections")))
}

/// The documents `query` (or profile `from`) matches now, and the query text to record.
fn current_set(
    reader: &IndexReader,
    query: Option<&str>,
    from: Option<(&Profiles, &str)>,
) -> anyhow::Result<(std::collections::BTreeSet<String>, String, Vec<String>)> {
    let p = match (query, from) {
        (_, Some((profiles, name))) => profiles.load(name)?,
        (Some(q), None) => Profile {
            name: "collection".into(),
            query: q.to_string(),
            ..Profile::default()
        },
        (None, None) => anyhow::bail!("give --query or --from-profile"),
    };
    let s = watch::screening(reader, &p)?;
    let set = watch::matches(reader, &s, 0)?
        .into_iter()
        .map(|m| m.id)
        .collect();
    let text = if p.screen.is_empty() {
        p.query.clone()
    } else {
        format!("{} [screening: {}]", p.query, screen_line(&p.screen))
    };
    Ok((set, text, s.notes))
}

/// Runs `patdex collection`.
pub(super) fn collection(
    layout: &Layout,
    args: CollectionArgs,
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    let cols = collections(layout, args.collections);
    match args.command {
        CollectionCommand::Create {
            name,
            query,
            from_profile,
            profiles: pdir,
            description,
            force,
        } => {
            crate::watch::profile::valid_name(&name).map_err(|e| anyhow::anyhow!(e))?;
            let reader = IndexReader::open(layout)?;
            let profs = profiles(layout, pdir);
            let from = from_profile.as_deref().map(|n| (&profs, n));
            let (documents, text, notes) = current_set(&reader, query.as_deref(), from)?;
            for n in &notes {
                writeln!(out, "note: {n}")?;
            }
            let last = batches::load(&layout.batches)?.last().map(|b| b.batch);
            let c = Collection {
                name,
                description: description.unwrap_or_default(),
                query: text,
                profile: from_profile,
                created: jiff::Timestamp::now()
                    .round(jiff::Unit::Second)?
                    .to_string(),
                refreshed: None,
                index: IndexState::of(&reader, last),
                documents,
            };
            let file = cols.save(&c, force)?;
            writeln!(
                out,
                "saved {} ({} documents)",
                file.display(),
                c.documents.len()
            )?;
            Ok(0)
        }
        CollectionCommand::List { json } => {
            let mut rows = Vec::new();
            for name in cols.names()? {
                match cols.load(&name) {
                    Ok(c) => rows.push(serde_json::json!({"name": name, "documents": c.documents.len(), "created": c.created, "refreshed": c.refreshed, "query": c.query})),
                    Err(e) => rows.push(serde_json::json!({"name": name, "error": format!("{e:#}")})),
                }
            }
            let empty = format!(
                "no collections in {}; `patdex collection create NAME --query Q` makes one",
                cols.dir.display()
            );
            let columns = [
                ("collection", "name"),
                ("query", "query"),
                ("documents", "documents"),
                ("created", "created"),
                ("refreshed", "refreshed"),
            ];
            list_rows(&rows, &columns, json, &empty, out)
        }
        CollectionCommand::Show {
            name,
            numbers,
            json,
        } => {
            let c = cols.load(&name)?;
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&c)?)?;
                return Ok(0);
            }
            writeln!(
                out,
                "collection {}: {} documents",
                c.name,
                c.documents.len()
            )?;
            if !c.description.is_empty() {
                writeln!(out, "description: {}", c.description)?;
            }
            writeln!(out, "query: {}", c.query)?;
            if let Some(p) = &c.profile {
                writeln!(out, "from profile: {p}")?;
            }
            writeln!(out, "created: {}", c.created)?;
            if let Some(r) = &c.refreshed {
                writeln!(out, "refreshed: {r}")?;
            }
            writeln!(
                out,
                "index then: {} documents, batch {}, schema {}",
                c.index.documents,
                c.index.batch.map_or("–".to_string(), |b| b.to_string()),
                c.index.schema_version
            )?;
            if numbers {
                for n in &c.documents {
                    writeln!(out, "{n}")?;
                }
            }
            Ok(0)
        }
        CollectionCommand::Export {
            name,
            format,
            output,
        } => {
            let c = cols.load(&name)?;
            let reader = IndexReader::open(layout)?;
            let mut sink: Box<dyn Write> = match &output {
                Some(path) => Box::new(std::io::BufWriter::new(
                    std::fs::File::create(path)
                        .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?,
                )),
                None => Box::new(&mut *out),
            };
            let missing = export(&reader, &c, format, &mut sink)?;
            sink.flush()?;
            drop(sink);
            if !missing.is_empty() {
                eprintln!(
                    "patdex: {} of the collection's documents are no longer in the index: {}",
                    missing.len(),
                    missing.join(", ")
                );
            }
            if let Some(path) = output {
                writeln!(
                    out,
                    "wrote {} ({} documents)",
                    path.display(),
                    c.documents.len() - missing.len()
                )?;
            }
            Ok(0)
        }
        CollectionCommand::Refresh {
            name,
            dry_run,
            json,
        } => {
            let mut c = cols.load(&name)?;
            let reader = IndexReader::open(layout)?;
            let profs = profiles(layout, None);
            let (now, _, notes) = match &c.profile {
                Some(p) => current_set(&reader, None, Some((&profs, p)))?,
                None => current_set(&reader, Some(&c.query), None)?,
            };
            let changes = collection::diff(&c.documents, &now);
            if json {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(
                        &serde_json::json!({"collection": name, "dry_run": dry_run, "changes": changes, "notes": notes})
                    )?
                )?;
            } else {
                for n in &notes {
                    writeln!(out, "note: {n}")?;
                }
                writeln!(
                    out,
                    "{name}: {} added, {} removed, {} kept{}",
                    changes.added.len(),
                    changes.removed.len(),
                    changes.kept,
                    if dry_run { " (dry run: not saved)" } else { "" }
                )?;
                for a in &changes.added {
                    writeln!(out, "  + {a}")?;
                }
                for r in &changes.removed {
                    writeln!(out, "  - {r}")?;
                }
            }
            if !dry_run {
                let last = batches::load(&layout.batches)?.last().map(|b| b.batch);
                c.documents = now;
                c.refreshed = Some(
                    jiff::Timestamp::now()
                        .round(jiff::Unit::Second)?
                        .to_string(),
                );
                c.index = IndexState::of(&reader, last);
                cols.save(&c, true)?;
            }
            Ok(0)
        }
        CollectionCommand::Remove { name } => {
            let path = cols.path(&name);
            if !path.exists() {
                return Err(
                    anyhow::anyhow!("no collection `{name}` in {}", cols.dir.display()).into(),
                );
            }
            std::fs::remove_file(&path)?;
            writeln!(out, "removed {}", path.display())?;
            Ok(0)
        }
    }
}

/// Writes the full records of `c`'s documents; returns the numbers the index no longer has.
fn export(
    reader: &IndexReader,
    c: &Collection,
    format: ExportFormat,
    out: &mut dyn Write,
) -> anyhow::Result<Vec<String>> {
    let searcher = &reader.searcher;
    let ids = FastStrings::open(searcher, "id")?;
    let found = searcher.search(c.filter().as_ref(), &tantivy::collector::DocSetCollector)?;
    let mut by_id = std::collections::BTreeMap::new();
    let mut v = Vec::new();
    for addr in found {
        v.clear();
        ids.values(addr, &mut v)?;
        if let Some(id) = v.pop() {
            by_id.insert(id, addr);
        }
    }
    let missing: Vec<String> = c
        .documents
        .iter()
        .filter(|n| !by_id.contains_key(*n))
        .cloned()
        .collect();
    match format {
        ExportFormat::Jsonl => {
            for addr in by_id.values() {
                let p = reader.patent(*addr)?;
                serde_json::to_writer(&mut *out, &p)?;
                out.write_all(b"\n")?;
            }
        }
        ExportFormat::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record([
                "number",
                "kind",
                "type",
                "title",
                "published",
                "filed",
                "priority",
                "owners",
                "inventors",
                "cpc",
                "ipc",
                "abstract",
                "claims",
            ])?;
            for addr in by_id.values() {
                let p = reader.patent(*addr)?;
                let names = |v: &[crate::model::Party]| {
                    v.iter()
                        .map(|x| x.name.clone())
                        .collect::<Vec<_>>()
                        .join("; ")
                };
                let classes = |v: &[crate::model::Classification]| {
                    v.iter()
                        .map(|x| x.symbol.clone())
                        .collect::<Vec<_>>()
                        .join("; ")
                };
                let date =
                    |d: Option<jiff::civil::Date>| d.map(|d| d.to_string()).unwrap_or_default();
                w.write_record([
                    p.number.to_string(),
                    p.kind.as_str().to_string(),
                    p.doc_type.as_str().to_string(),
                    p.title.clone(),
                    date(p.pub_date),
                    date(p.application.filing_date),
                    date(p.priority_date),
                    names(crate::index::schema::owners(&p)),
                    names(&p.inventors),
                    classes(&p.cpc),
                    classes(&p.ipc),
                    p.abstract_text.clone(),
                    p.claims.len().to_string(),
                ])?;
            }
            w.flush()?;
        }
    }
    Ok(missing)
}

/// The documents of collection `name` (for `search --in`), from the collections folder beside
/// the index or a path to a collection file.
pub(super) fn collection_filter(
    layout: &Layout,
    name: &str,
) -> Result<Box<dyn tantivy::query::Query>, Failure> {
    let c = collections(layout, None).load(name)?;
    Ok(c.filter())
}
