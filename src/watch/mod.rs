//! Active distribution: alert profiles (saved searches kept as files), what each has delivered,
//! and runs that find only what is new; and collections (frozen, named result sets).
//!
//! A run does not trust batches or dates to decide what is new: it takes everything the profile
//! matches now and leaves out what the profile's state says it has delivered, with the same
//! source bytes ([`crate::model::source_hash`]). So a run is idempotent, a delivery that failed
//! is simply not recorded and comes again next time, and a corrected re-publication of a
//! delivered number comes once more, as "updated". Batches ([`crate::index::batches`]) only
//! label entries and let `--since` replay a stretch of ingests.
//!
//! State lives in the index folder (`watch/NAME.json`): it describes what was delivered from
//! this index, survives `patdex rebuild`, and stays out of the profiles folder people keep in git.

pub mod collection;
pub mod profile;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use tantivy::query::{BooleanQuery, ConstScoreQuery, EmptyQuery, Occur, Query};
use tantivy::schema::IndexRecordOption;

pub use profile::{DigestFormat, Output, Profile, ProfileError, Profiles, Screen};

use crate::analysis::owners;
use crate::index::Layout;
use crate::index::batches::Batch;
use crate::index::reader::{FastStrings, IndexReader};
use crate::index::schema;
use crate::query::compile::any_of;
use crate::query::search::{self, Sort};
use crate::query::{Prepared, highlight};

pub use crate::index::write_atomic;

/// The stems of the `*.EXT` files in `dir`, sorted (none when `dir` does not exist): the names
/// of the profiles or collections kept there.
pub fn file_stems(dir: &Path, ext: &str) -> anyhow::Result<Vec<String>> {
    let rd = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => anyhow::bail!("cannot read {}: {e}", dir.display()),
    };
    let mut out = Vec::new();
    for entry in rd {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == ext)
            && let Some(stem) = path.file_stem().and_then(|s| s.to_str())
        {
            out.push(stem.to_string());
        }
    }
    out.sort();
    Ok(out)
}

/// The file holding what profile `name` has delivered from the index at `layout`.
pub fn state_path(layout: &Layout, name: &str) -> PathBuf {
    layout.root.join("watch").join(format!("{name}.json"))
}

/// A profile's run lock, held while a run reads, delivers and records: a second run of the
/// same profile (an overlapping cron job) stops instead of delivering the same entries twice.
/// The operating system releases it when the process ends, however it ends.
pub struct RunLock {
    _file: std::fs::File,
}

/// Takes profile `name`'s run lock (`index/watch/NAME.lock`), or says who holds it.
pub fn lock(layout: &Layout, name: &str) -> anyhow::Result<RunLock> {
    let path = layout.root.join("watch").join(format!("{name}.lock"));
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", dir.display()))?;
    }
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| anyhow::anyhow!("cannot open {}: {e}", path.display()))?;
    match file.try_lock() {
        Ok(()) => Ok(RunLock { _file: file }),
        Err(std::fs::TryLockError::WouldBlock) => anyhow::bail!(
            "another `patdex watch run` is delivering profile `{name}` right now (it holds {}); this run leaves the profile alone",
            path.display()
        ),
        Err(std::fs::TryLockError::Error(e)) => {
            anyhow::bail!("cannot lock {}: {e}", path.display())
        }
    }
}

/// How many delivered entries a profile's state keeps for its Atom feed.
pub const FEED_ENTRIES: usize = 100;

/// What a profile has delivered.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct State {
    pub runs: Vec<RunRecord>,
    /// By publication number: the source hash delivered and the run.
    pub delivered: BTreeMap<String, Delivered>,
    /// The latest delivered entries, newest first (the Atom feed).
    pub recent: Vec<Entry>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Delivered {
    pub src: String,
    pub run: u64,
}

/// One recorded run.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RunRecord {
    pub run: u64,
    /// RFC 3339.
    pub at: String,
    pub new: usize,
    pub updated: usize,
    pub replayed: usize,
    /// The newest ingest batch at the time.
    pub last_batch: Option<u64>,
}

impl State {
    /// The state in `path`, empty when there is none yet.
    pub fn load(path: &Path) -> anyhow::Result<State> {
        match std::fs::read(path) {
            Ok(b) => serde_json::from_slice(&b).map_err(|e| {
                anyhow::anyhow!(
                    "{}: not a patdex alert state ({e}); restore it from a backup, or delete it to start the profile afresh (it will deliver every current hit again)",
                    path.display()
                )
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(State::default()),
            Err(e) => anyhow::bail!("cannot read {}: {e}", path.display()),
        }
    }

    pub fn save(&self, path: &Path) -> anyhow::Result<()> {
        write_atomic(path, &serde_json::to_vec_pretty(self)?)
    }

    /// The number the next run gets.
    pub fn next_run(&self) -> u64 {
        self.runs.last().map_or(1, |r| r.run + 1)
    }
}

/// Why an entry is in a digest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Never delivered by this profile.
    New,
    /// Delivered before, but the document has changed since (a corrected re-publication).
    Updated,
    /// Delivered before, unchanged, and sent again because `--since` asked for it.
    Replayed,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Updated => "updated",
            Status::Replayed => "replayed",
        }
    }
}

/// The matching passage of an entry.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EntrySnippet {
    /// `abstract`, `claims`, `description`, `title`.
    pub field: String,
    pub text: String,
    /// Byte ranges of `text` that matched.
    pub highlights: Vec<(usize, usize)>,
}

/// One document in a digest.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    pub status: Status,
    /// Publication number with kind.
    pub number: String,
    pub title: String,
    pub pub_date: Option<Date>,
    pub owners: Vec<String>,
    pub cpc: Vec<String>,
    pub snippet: Option<EntrySnippet>,
    /// Which rules it met, in a line.
    pub reason: String,
    /// The ingest batch that brought it (or its change), when recorded.
    pub batch: Option<u64>,
    /// RFC 3339 time of delivery (set when recorded).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub delivered_at: String,
    /// Source hash delivered.
    #[serde(default, skip_serializing)]
    pub src: String,
}

/// A profile compiled against one index.
pub struct Screening {
    pub prepared: Prepared,
    /// The query with the screening rules.
    pub query: Box<dyn Query>,
    /// What the reader should know (assignee names the index does not have yet...).
    pub notes: Vec<String>,
    cpc: Vec<String>,
    claims: Vec<String>,
    kinds: Vec<String>,
    owners: Vec<String>,
}

/// Compiles `p` against the index: its query and screening rules. A query error comes back
/// rendered (pointing at the problem).
pub fn screening(reader: &IndexReader, p: &Profile) -> anyhow::Result<Screening> {
    let searcher = &reader.searcher;
    let classes = crate::classes::Classes::at(&reader.root);
    let prepared = crate::query::prepare_with(searcher, &p.query, &classes).map_err(|e| {
        anyhow::anyhow!(
            "profile `{}`: the query does not run:\n{}",
            p.name,
            e.render()
        )
    })?;
    let mut notes = Vec::new();
    let mut clauses: Vec<(Occur, Box<dyn Query>)> =
        vec![(Occur::Must, prepared.compiled.query.box_clone())];
    let filter = |q: Box<dyn Query>| -> (Occur, Box<dyn Query>) {
        (Occur::Must, Box::new(ConstScoreQuery::new(q, 0.0)))
    };
    let s = &p.screen;
    let cpc: Vec<String> = s.cpc.iter().filter_map(|c| schema::cpc_symbol(c)).collect();
    if !cpc.is_empty() {
        clauses.push(filter(any_of(
            schema::field("cpc"),
            &cpc,
            IndexRecordOption::Basic,
        )));
    }
    if !s.kinds.is_empty() {
        let any: Vec<Box<dyn Query>> = s
            .kinds
            .iter()
            .filter_map(|k| profile::kind_rule(k))
            .map(|(field, value)| any_of(schema::field(field), [value], IndexRecordOption::Basic))
            .collect();
        clauses.push(filter(crate::query::compile::or(any)));
    }
    for w in &s.claims {
        let text = format!("cl:\"{}\"", w.trim());
        let q = crate::query::prepare(searcher, &text).map_err(|e| {
            anyhow::anyhow!(
                "profile `{}`: claim word `{w}` does not run:\n{}",
                p.name,
                e.render()
            )
        })?;
        clauses.push(filter(q.compiled.query));
    }
    let all_owners = if s.assignees.is_empty() && s.exclude_assignees.is_empty() {
        Default::default()
    } else {
        owners::spellings(reader)?
    };
    let mut spell = |names: &[String]| -> Vec<String> {
        let mut out = Vec::new();
        for n in names {
            match owners::find(&all_owners, n, false) {
                Some((_, found)) => out.extend(found),
                None => notes.push(format!(
                    "assignee `{}` matches no owner in the index yet",
                    n.trim()
                )),
            }
        }
        out.sort();
        out.dedup();
        out
    };
    let included = spell(&s.assignees);
    let excluded = spell(&s.exclude_assignees);
    if !s.assignees.is_empty() {
        if included.is_empty() {
            clauses.push((Occur::Must, Box::new(EmptyQuery)));
        } else {
            clauses.push(filter(owners::query(&included)));
        }
    }
    if !excluded.is_empty() {
        clauses.push((Occur::MustNot, owners::query(&excluded)));
    }
    Ok(Screening {
        prepared,
        query: Box::new(BooleanQuery::new(clauses)),
        notes,
        cpc,
        claims: s.claims.iter().map(|w| w.trim().to_string()).collect(),
        kinds: s.kinds.clone(),
        owners: included,
    })
}

/// A document a profile matches.
#[derive(Debug, Clone)]
pub struct Match {
    pub addr: tantivy::DocAddress,
    pub id: String,
    pub src: String,
    pub score: f32,
}

/// Everything `s` matches; the first `ordered` best first (the rest in no order: a run or a
/// count needs no ranking of 20k matches).
pub fn matches(reader: &IndexReader, s: &Screening, ordered: usize) -> anyhow::Result<Vec<Match>> {
    let searcher = &reader.searcher;
    let hits = search::all_hits(searcher, s.query.as_ref(), Sort::default(), ordered)?;
    let addrs: Vec<tantivy::DocAddress> = hits.iter().map(|h| h.addr).collect();
    let ids = FastStrings::open(searcher, "id")?.first_values(&addrs)?;
    let srcs = FastStrings::open(searcher, "src")?.first_values(&addrs)?;
    Ok(hits
        .into_iter()
        .zip(ids.into_iter().zip(srcs))
        .map(|(h, (id, src))| Match {
            addr: h.addr,
            id,
            src,
            score: h.score,
        })
        .collect())
}

/// What a run of one profile would deliver.
pub struct Pending {
    pub profile: String,
    /// New, updated and replayed documents, newest publication first.
    pub entries: Vec<Entry>,
    /// Documents the profile matches now.
    pub matched: usize,
    /// Of those, delivered before and unchanged (left out).
    pub already: usize,
    pub notes: Vec<String>,
    pub last_batch: Option<u64>,
}

impl Pending {
    pub fn count(&self, status: Status) -> usize {
        self.entries.iter().filter(|e| e.status == status).count()
    }
}

/// Finds what profile `p` has not delivered: every current match whose number the state lacks
/// or holds with other source bytes. With `since`, only documents batches `since` and later
/// brought, delivered or not (a replay).
///
/// Without `details` the entries carry only their number, status, batch and source hash (no
/// record is read): enough to count them or to record them as delivered.
pub fn pending(
    reader: &IndexReader,
    p: &Profile,
    state: &State,
    batches: &[Batch],
    since: Option<u64>,
    details: bool,
) -> anyhow::Result<Pending> {
    let s = screening(reader, p)?;
    let all = matches(reader, &s, 0)?;
    let mut brought: HashMap<&str, u64> = HashMap::new();
    for b in batches {
        for id in b.added.iter().chain(&b.updated) {
            brought.insert(id.as_str(), b.batch);
        }
    }
    if let Some(n) = since {
        let last = batches.last().map_or(0, |b| b.batch);
        if n == 0 || n > last {
            anyhow::bail!(
                "there is no batch {n}: the index has batches 1 to {last} (`patdex watch batches` lists them)"
            );
        }
    }
    let (mut chosen, mut already) = (Vec::new(), 0);
    for m in &all {
        let delivered = state.delivered.get(&m.id);
        let status = match since {
            Some(n) => {
                if brought.get(m.id.as_str()).is_none_or(|&b| b < n) {
                    continue;
                }
                match delivered {
                    None => Status::New,
                    Some(d) if d.src != m.src => Status::Updated,
                    Some(_) => Status::Replayed,
                }
            }
            None => match delivered {
                None => Status::New,
                Some(d) if d.src != m.src && !m.src.is_empty() => Status::Updated,
                Some(_) => {
                    already += 1;
                    continue;
                }
            },
        };
        chosen.push((m, status, brought.get(m.id.as_str()).copied()));
    }
    // Reading each record and finding its passage is what a run costs (a few ms per full-text
    // document): spread over the cores.
    let mut entries: Vec<Entry> = chosen
        .par_iter()
        .map(|&(m, status, batch)| {
            if !details {
                return Ok(bare_entry(m, status, batch));
            }
            let patent = reader.patent(m.addr)?;
            Ok(entry(&s, &patent, m, status, batch))
        })
        .collect::<anyhow::Result<_>>()?;
    entries.sort_by(|a, b| {
        b.pub_date
            .cmp(&a.pub_date)
            .then_with(|| a.number.cmp(&b.number))
    });
    Ok(Pending {
        profile: p.name.clone(),
        entries,
        matched: all.len(),
        already,
        notes: s.notes,
        last_batch: batches.last().map(|b| b.batch),
    })
}

fn bare_entry(m: &Match, status: Status, batch: Option<u64>) -> Entry {
    Entry {
        status,
        number: m.id.clone(),
        title: String::new(),
        pub_date: None,
        owners: Vec::new(),
        cpc: Vec::new(),
        snippet: None,
        reason: String::new(),
        batch,
        delivered_at: String::new(),
        src: m.src.clone(),
    }
}

fn entry(
    s: &Screening,
    p: &crate::model::Patent,
    m: &Match,
    status: Status,
    batch: Option<u64>,
) -> Entry {
    let snippet = highlight::snippet(p, &s.prepared.compiled.clauses, 240).map(|sn| EntrySnippet {
        field: sn.field.to_string(),
        text: sn.text,
        highlights: sn.highlights,
    });
    let mut reason = vec![match &snippet {
        Some(sn) => format!("query matches the {}", sn.field),
        None => "query matches".to_string(),
    }];
    if !s.cpc.is_empty()
        && let Some((sym, scope)) = p.cpc.iter().find_map(|c| {
            let levels = schema::class_ancestors(&c.symbol);
            s.cpc
                .iter()
                .find(|x| **x == c.symbol || levels.contains(&x.as_str()))
                .map(|x| (c.symbol.clone(), x.clone()))
        })
    {
        reason.push(if sym == scope {
            format!("CPC {sym}")
        } else {
            format!("CPC {sym} (in {scope})")
        });
    }
    if !s.claims.is_empty() {
        reason.push(format!("claims mention {}", s.claims.join(", ")));
    }
    let owners: Vec<String> = schema::owners(p).iter().map(|o| o.name.clone()).collect();
    if !s.owners.is_empty()
        && let Some(o) = owners.iter().find(|o| s.owners.contains(o))
    {
        reason.push(format!("owner {o}"));
    }
    if !s.kinds.is_empty() {
        reason.push(format!("kind {}", p.number.kind.as_str()));
    }
    Entry {
        status,
        number: m.id.clone(),
        title: p.title.clone(),
        pub_date: p.pub_date,
        owners,
        cpc: p.cpc.iter().take(5).map(|c| c.symbol.clone()).collect(),
        snippet,
        reason: reason.join("; "),
        batch,
        delivered_at: String::new(),
        src: m.src.clone(),
    }
}

/// Records `pending` as delivered at `at` (RFC 3339) in run `run`.
pub fn record(state: &mut State, pending: &Pending, run: u64, at: &str) {
    for e in &pending.entries {
        state.delivered.insert(
            e.number.clone(),
            Delivered {
                src: e.src.clone(),
                run,
            },
        );
    }
    let mut fresh: Vec<Entry> = pending
        .entries
        .iter()
        .map(|e| Entry {
            delivered_at: at.to_string(),
            ..e.clone()
        })
        .collect();
    fresh.append(&mut state.recent);
    fresh.truncate(FEED_ENTRIES);
    state.recent = fresh;
    state.runs.push(RunRecord {
        run,
        at: at.to_string(),
        new: pending.count(Status::New),
        updated: pending.count(Status::Updated),
        replayed: pending.count(Status::Replayed),
        last_batch: pending.last_batch,
    });
}
