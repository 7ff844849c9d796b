//! Evaluation topics, and running the prior-art configurations over them.
//!
//! A topic is an invention with a cut-off date and the documents judged relevant to it. The
//! CLEF-IP way of getting them without human assessors: take a patent of the collection as the
//! query and the documents its examiner cited as the relevant ones ([`citation_topics`]). Or
//! read them from files: TREC qrels, with topics given as text or as documents of the index
//! ([`file_topics`]).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;
use std::time::Instant;

use jiff::civil::Date;
use rayon::prelude::*;
use serde::Serialize;
use tantivy::DocAddress;

use super::eval::{Judgments, TopicScores, trec_run_lines};
use super::prior_art::{self, Config, Invention, Options};
use crate::index::reader::{FastDates, FastStrings, IndexReader};
use crate::index::schema;
use crate::model::{Citation, Patent};
use crate::number::PubNumber;

/// One evaluation topic.
#[derive(Debug, Clone)]
pub struct Topic {
    pub id: String,
    pub invention: Invention,
    /// Results must be published before this date.
    pub cutoff: Option<Date>,
    /// Relevant documents, as number keys without kind (`US7654321`).
    pub relevant: BTreeSet<String>,
}

/// Which citations count as relevance judgments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CitedBy {
    /// Only `cited by examiner` (the CLEF-IP/NTCIR choice: the examiner judged them).
    Examiner,
    /// Examiner and applicant citations.
    Any,
}

/// How the topics were found: what was kept and what was dropped, and why.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TopicStats {
    /// Documents whose citations name another document of the index.
    pub citing_documents: usize,
    pub topics: usize,
    pub judgments: usize,
    /// Citations of the right kind to documents of the index, dropped because the cited
    /// document is not earlier than the topic's cut-off ([`prior_art::is_earlier`]).
    pub dropped_after_cutoff: usize,
    /// ... or belongs to the topic's own family (or is flagged as family in the judgments).
    pub dropped_family: usize,
    /// Judged topics that are not documents of the index (with judgments read from a file and
    /// no topics file).
    pub missing_topics: usize,
    /// Judged documents that are not in the index: relevant, but no run can find them.
    pub judged_not_in_index: usize,
}

/// What to do with one judged document of a document topic.
enum Verdict {
    Keep,
    Late,
    Family,
    Absent,
}

/// The documents of the index, with what judging needs: family keys, publication and filing
/// dates.
struct Judge {
    keys: HashMap<String, Vec<DocAddress>>,
    fams: FastStrings,
    published: FastDates,
    filed: FastDates,
    /// US documents filed before the cut-off count as earlier ([`Options::us_filed`]).
    us_filed: bool,
}

impl Judge {
    fn new(reader: &IndexReader, us_filed: bool) -> anyhow::Result<Judge> {
        Ok(Judge {
            keys: all_keys(reader)?,
            fams: FastStrings::open(&reader.searcher, "fam")?,
            published: FastDates::open(&reader.searcher, "pd")?,
            filed: FastDates::open(&reader.searcher, "ad")?,
            us_filed,
        })
    }

    /// A judged document (by key) for a topic with `family` keys and `cutoff`: kept if some
    /// document under that number is outside the family and earlier than the cut-off, by the
    /// rule the ranking is restricted by ([`prior_art::is_earlier`]).
    fn verdict(
        &self,
        key: &str,
        family: &HashSet<String>,
        cutoff: Option<Date>,
    ) -> anyhow::Result<Verdict> {
        let Some(addrs) = self.keys.get(key) else {
            return Ok(Verdict::Absent);
        };
        let (mut in_family, mut early) = (false, false);
        let mut v = Vec::new();
        for &a in addrs {
            v.clear();
            self.fams.values(a, &mut v)?;
            in_family |= v.iter().any(|k| family.contains(k));
            early |= prior_art::is_earlier(
                cutoff,
                self.us_filed,
                key,
                self.published.get(a),
                self.filed.get(a),
            );
        }
        Ok(if in_family {
            Verdict::Family
        } else if !early {
            Verdict::Late
        } else {
            Verdict::Keep
        })
    }
}

/// The normalised key of a cited or judged number (`US 5,295,373` → `US5295373`), or the text
/// itself when it is not a number patdex knows.
pub fn doc_key(s: &str) -> String {
    s.parse::<PubNumber>()
        .map(|n| n.key())
        .unwrap_or_else(|_| s.trim().to_string())
}

/// Every document of the index, by number key: its address.
fn all_keys(reader: &IndexReader) -> anyhow::Result<HashMap<String, Vec<DocAddress>>> {
    let nums = FastStrings::open(&reader.searcher, "num")?;
    let mut out: HashMap<String, Vec<DocAddress>> = HashMap::new();
    let mut v = Vec::new();
    for_each_doc(reader, |addr| {
        v.clear();
        nums.values(addr, &mut v)?;
        for k in v.drain(..) {
            out.entry(k).or_default().push(addr);
        }
        Ok(())
    })?;
    Ok(out)
}

fn for_each_doc(
    reader: &IndexReader,
    mut f: impl FnMut(DocAddress) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    for (seg, r) in reader.searcher.segment_readers().iter().enumerate() {
        let alive = r.alive_bitset();
        for d in 0..r.max_doc() {
            if alive.is_none_or(|a| a.is_alive(d)) {
                f(DocAddress::new(seg as u32, d))?;
            }
        }
    }
    Ok(())
}

/// Which date of a topic document ends the prior art.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Cutoff {
    /// The earliest priority date (else the filing date): the legal novelty date.
    #[default]
    Priority,
    /// The filing date of the topic's own application (a continuation-in-part's new matter
    /// only has this date).
    Filing,
    /// The topic's publication date: everything the examiner could have cited.
    Publication,
}

/// The cut-off for a document used as a topic, falling back to the next date it has.
pub fn topic_cutoff(p: &Patent, rule: Cutoff) -> Option<Date> {
    let (prio, filed, published) = (p.priority_date, p.application.filing_date, p.pub_date);
    match rule {
        Cutoff::Priority => prio.or(filed).or(published),
        Cutoff::Filing => filed.or(prio).or(published),
        Cutoff::Publication => published.or(filed).or(prio),
    }
}

/// Topics from the citations inside the index: every grant with at least one cited document
/// (of the kind `cited_by` asks for) in the index, earlier than the grant's cut-off (`rule`;
/// with `us_filed`, US documents filed before it count too: [`Options::us_filed`]) and
/// outside its family. The judgments are those documents.
pub fn citation_topics(
    reader: &IndexReader,
    cited_by: CitedBy,
    rule: Cutoff,
    us_filed: bool,
) -> anyhow::Result<(Vec<Topic>, TopicStats)> {
    let judge = Judge::new(reader, us_filed)?;
    let cites = FastStrings::open(&reader.searcher, "cites")?;
    let kinds = FastStrings::open(&reader.searcher, "kind")?;
    let mut citing: Vec<DocAddress> = Vec::new();
    let mut v = Vec::new();
    for_each_doc(reader, |addr| {
        v.clear();
        kinds.values(addr, &mut v)?;
        if v.first().map(String::as_str) != Some("grant") {
            return Ok(());
        }
        v.clear();
        cites.values(addr, &mut v)?;
        if v.iter().any(|k| judge.keys.contains_key(k)) {
            citing.push(addr);
        }
        Ok(())
    })?;
    let mut stats = TopicStats {
        citing_documents: citing.len(),
        ..TopicStats::default()
    };
    let mut topics = Vec::new();
    for addr in citing {
        let p = reader.patent(addr)?;
        let cutoff = topic_cutoff(&p, rule);
        let family: HashSet<String> = schema::family_keys(&p).into_iter().collect();
        let mut relevant = BTreeSet::new();
        for c in &p.citations {
            let Citation::Patent { id, category, .. } = c else {
                continue;
            };
            if cited_by == CitedBy::Examiner && !category.contains("examiner") {
                continue;
            }
            let Ok(n) = PubNumber::from_parts(&id.country, &id.number, "") else {
                continue;
            };
            let key = n.key();
            if relevant.contains(&key) || !judge.keys.contains_key(&key) {
                continue;
            }
            match judge.verdict(&key, &family, cutoff)? {
                Verdict::Family => stats.dropped_family += 1,
                Verdict::Late => stats.dropped_after_cutoff += 1,
                Verdict::Absent => {}
                Verdict::Keep => {
                    relevant.insert(key);
                }
            }
        }
        if relevant.is_empty() {
            continue;
        }
        stats.judgments += relevant.len();
        topics.push(Topic {
            id: p.number.to_string(),
            invention: Invention::from_patent(&p),
            cutoff,
            relevant,
        });
    }
    stats.topics = topics.len();
    Ok((topics, stats))
}

/// Topics from files. `qrels` holds the judgments: TREC qrels (`topic iteration document
/// relevance`) or a tab-separated file with a `query_id`/`doc_id`/`relevance` header (see
/// [`Judgments::parse_any`]). `topics` is either patent XML (any file `patdex ingest` reads;
/// topic id = publication number, cut-off = its priority date) or a text file with one
/// `id<TAB>text` line per topic, where a text that is the number of a document in the index
/// makes that document the topic. Without `topics`, every judged topic id must be the number
/// of a document in the index, which is the topic. Judged documents that belong to a document
/// topic's family or are not earlier than its cut-off (published before it or, with
/// `us_filed`, a US document filed before it) are dropped (and counted): no run may return
/// them. Topics left without judgments are left out.
pub fn file_topics(
    reader: &IndexReader,
    topics: &[std::path::PathBuf],
    qrels: &[std::path::PathBuf],
    rule: Cutoff,
    us_filed: bool,
) -> anyhow::Result<(Vec<Topic>, HashMap<String, String>, TopicStats)> {
    let mut judgments = Judgments::default();
    let mut stats = TopicStats::default();
    for q in qrels {
        let text = std::fs::read_to_string(q)
            .map_err(|e| anyhow::anyhow!("cannot read judgments {}: {e}", q.display()))?;
        let name = q
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let (j, flagged) = Judgments::parse_any(&text, &name)
            .map_err(|e| anyhow::anyhow!("{}: {e}", q.display()))?;
        stats.dropped_family += flagged;
        for (t, docs) in j.relevant {
            judgments.relevant.entry(t).or_default().extend(docs);
        }
    }
    let qrels_names: Vec<String> = qrels.iter().map(|q| q.display().to_string()).collect();
    // Judged ids as the qrels spell them, by key, so the run file speaks the qrels' language.
    let mut spelling = HashMap::new();
    for docs in judgments.relevant.values() {
        for d in docs {
            spelling.insert(doc_key(d), d.clone());
        }
    }
    let inputs: Vec<(String, Invention, Option<Date>, HashSet<String>)> = if !topics.is_empty() {
        let mut v = Vec::new();
        for path in topics {
            for (id, inv, cutoff) in read_topics(reader, path, rule)? {
                let fam = inv.family.iter().cloned().collect();
                v.push((id, inv, cutoff, fam));
            }
        }
        v
    } else {
        {
            let mut v = Vec::new();
            for id in judgments.topics() {
                let found = match id.parse::<PubNumber>() {
                    Ok(n) => reader.lookup(&n)?.into_iter().next(),
                    Err(_) => None,
                };
                match found {
                    Some(p) => v.push((
                        id.to_string(),
                        Invention::from_patent(&p),
                        topic_cutoff(&p, rule),
                        schema::family_keys(&p).into_iter().collect(),
                    )),
                    None => stats.missing_topics += 1,
                }
            }
            v
        }
    };
    let judge = Judge::new(reader, us_filed)?;
    let mut out = Vec::new();
    for (id, inv, cutoff, family) in inputs {
        let Some(rel) = judgments.relevant.get(&id) else {
            continue;
        };
        let mut relevant = BTreeSet::new();
        for d in rel {
            let key = doc_key(d);
            match judge.verdict(&key, &family, cutoff)? {
                Verdict::Family => stats.dropped_family += 1,
                Verdict::Late => stats.dropped_after_cutoff += 1,
                Verdict::Absent => {
                    stats.judged_not_in_index += 1;
                    relevant.insert(key);
                }
                Verdict::Keep => {
                    relevant.insert(key);
                }
            }
        }
        if relevant.is_empty() {
            continue;
        }
        stats.judgments += relevant.len();
        out.push(Topic {
            relevant,
            id,
            invention: inv,
            cutoff,
        });
    }
    stats.topics = out.len();
    if out.is_empty() {
        anyhow::bail!(
            "no topic has a judgment left in {}: topic ids must match the first column of the judgments{}",
            qrels_names.join(", "),
            if topics.is_empty() {
                " and, without --topics, be numbers of documents in the index"
            } else {
                ""
            }
        );
    }
    Ok((out, spelling, stats))
}

type TopicInput = (String, Invention, Option<Date>);

/// A free-text topic as TREC-style tracks write them: `<query><title>..</title>
/// <description>..</description></query>`, named after its file (`q1.xml` is topic `q1`).
fn query_topic(path: &Path) -> anyhow::Result<TopicInput> {
    use quick_xml::events::Event;
    let bytes = std::fs::read(path)
        .map_err(|e| anyhow::anyhow!("cannot read topic {}: {e}", path.display()))?;
    let mut r = quick_xml::Reader::from_reader(bytes.as_slice());
    let (mut title, mut description, mut at) = (String::new(), String::new(), String::new());
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) => at = e.local_name().as_ref().to_string(),
            Ok(Event::End(_)) => {
                // An element boundary separates words; entities inside a word do not.
                title.push(' ');
                description.push(' ');
                at.clear();
            }
            Ok(Event::Text(t)) => {
                let to = match at.as_str() {
                    "title" => &mut title,
                    "description" | "desc" | "narrative" => &mut description,
                    _ => continue,
                };
                let t: &str = &t;
                to.push_str(t);
            }
            Ok(Event::GeneralRef(g)) => {
                let to = match at.as_str() {
                    "title" => &mut title,
                    "description" | "desc" | "narrative" => &mut description,
                    _ => continue,
                };
                to.push_str(&crate::parse::text::reference_text(&g));
            }
            Ok(Event::Eof) => break,
            Err(e) => anyhow::bail!("{}: {e}", path.display()),
            _ => {}
        }
    }
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let inv = Invention {
        title: squash(&title),
        description: vec![squash(&description)],
        ..Invention::default()
    };
    Ok((id, inv, None))
}

fn read_topics(reader: &IndexReader, path: &Path, rule: Cutoff) -> anyhow::Result<Vec<TopicInput>> {
    let head = {
        use std::io::Read;
        let mut b = [0u8; 512];
        let n = std::fs::File::open(path)
            .and_then(|mut f| f.read(&mut b))
            .map_err(|e| anyhow::anyhow!("cannot read topics {}: {e}", path.display()))?;
        b[..n].to_vec()
    };
    if memchr::memmem::find(&head, b"<query").is_some() {
        return Ok(vec![query_topic(path)?]);
    }
    let text_like = !path.is_dir()
        && !head.starts_with(b"PK")
        && !head.starts_with(&[0x1f, 0x8b])
        && !String::from_utf8_lossy(&head).trim_start().starts_with('<');
    if !text_like {
        let mut out = Vec::new();
        let mut broken: Vec<String> = Vec::new();
        let progress = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
        let mut sink = |doc: crate::source::RawDoc| {
            match crate::parse::parse_document(&doc.bytes) {
                Ok(crate::parse::Parsed::Patent(p)) => out.push((
                    p.number.to_string(),
                    Invention::from_patent(&p),
                    topic_cutoff(&p, rule),
                )),
                Ok(crate::parse::Parsed::Patents(ps)) => out.extend(ps.iter().map(|p| {
                    (
                        p.number.to_string(),
                        Invention::from_patent(p),
                        topic_cutoff(p, rule),
                    )
                })),
                Ok(crate::parse::Parsed::Skipped { .. }) => {}
                Err(e) => broken.push(format!("{} document {}: {e}", doc.origin, doc.index)),
            }
            Ok(())
        };
        for file in crate::source::expand_inputs(&[path.to_path_buf()])? {
            let _ = crate::source::read_file(&file, &progress, &mut sink)?;
        }
        // A topic silently missing would change every measure: refuse instead.
        if let Some(first) = broken.first() {
            anyhow::bail!(
                "{} topic document(s) could not be read, so the evaluation would be incomplete; first: {first}",
                broken.len()
            );
        }
        return Ok(out);
    }
    let text = std::fs::read_to_string(path)
        .map_err(|e| anyhow::anyhow!("cannot read topics {}: {e}", path.display()))?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((id, body)) = line.split_once('\t') else {
            anyhow::bail!(
                "{} line {}: expected `topic-id<TAB>text` (or patent XML)",
                path.display(),
                n + 1
            );
        };
        let (id, body) = (id.trim().to_string(), body.trim());
        let doc = match body.parse::<PubNumber>() {
            Ok(num) => reader.lookup(&num)?.into_iter().next(),
            Err(_) => None,
        };
        out.push(match doc {
            Some(p) => (id, Invention::from_patent(&p), topic_cutoff(&p, rule)),
            None => (id, Invention::from_text(&body.replace("\\n", "\n")), None),
        });
    }
    Ok(out)
}

/// The scores of one configuration.
#[derive(Debug, Clone, Serialize)]
pub struct ConfigResult {
    pub name: String,
    pub config: Config,
    pub mean: TopicScores,
    /// Median milliseconds per topic.
    pub median_ms: f64,
    /// Ranked documents published on or after their topic's cut-off (must be 0).
    pub late: usize,
    #[serde(skip)]
    pub per_topic: Vec<(String, TopicScores)>,
}

/// What `patdex eval` reports.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub topics: usize,
    pub judgments: usize,
    pub depth: usize,
    pub results: Vec<ConfigResult>,
}

/// Runs every configuration over every topic, ranking `depth` documents each, and scores them.
/// When `run` is given, the ranking of the last configuration is written there in TREC format,
/// with document ids spelled as `spelling` says (the qrels' own spelling), else as keys.
pub fn evaluate(
    reader: &IndexReader,
    topics: &[Topic],
    configs: &[(&str, Config)],
    base: &Options,
    depth: usize,
    spelling: &HashMap<String, String>,
    run: Option<&mut dyn std::io::Write>,
) -> anyhow::Result<Report> {
    struct Ranked {
        scores: TopicScores,
        late: usize,
        ms: f64,
        docs: Vec<(String, f32)>,
    }
    let per_topic: Vec<Vec<Ranked>> = topics
        .par_iter()
        .map(|t| {
            configs
                .iter()
                .map(|(_, config)| {
                    let opts = Options {
                        config: *config,
                        cutoff: t.cutoff,
                        limit: depth,
                        evidence: false,
                        ..base.clone()
                    };
                    let start = Instant::now();
                    let r = prior_art::search(reader, &t.invention, &opts)?;
                    let ms = start.elapsed().as_secs_f64() * 1000.0;
                    let late = r
                        .hits
                        .iter()
                        .filter(|h| {
                            !prior_art::is_earlier(
                                t.cutoff,
                                opts.us_filed,
                                &h.number,
                                h.pub_date,
                                h.filing_date,
                            )
                        })
                        .count();
                    // Judgments name numbers, not kinds: an application and its later
                    // search report or grant (EP A1 and A4 or B1, WO A2 and A3) are one
                    // judged document, ranked where the first of them is. Listing the
                    // number twice would push the documents after it down a rank, and
                    // trec_eval wants each document once.
                    let mut seen = HashSet::new();
                    let docs: Vec<(String, f32)> = r
                        .hits
                        .into_iter()
                        .filter(|h| seen.insert(h.key.clone()))
                        .map(|h| (h.key, h.score))
                        .collect();
                    let keys: Vec<String> = docs.iter().map(|(k, _)| k.clone()).collect();
                    Ok(Ranked {
                        scores: TopicScores::of(&keys, &t.relevant),
                        late,
                        ms,
                        docs,
                    })
                })
                .collect::<anyhow::Result<Vec<_>>>()
        })
        .collect::<anyhow::Result<_>>()?;
    let mut results = Vec::new();
    for (i, (name, config)) in configs.iter().enumerate() {
        let scores: Vec<(String, TopicScores)> = topics
            .iter()
            .zip(&per_topic)
            .map(|(t, r)| (t.id.clone(), r[i].scores))
            .collect();
        let mut ms: Vec<f64> = per_topic.iter().map(|r| r[i].ms).collect();
        ms.sort_by(f64::total_cmp);
        results.push(ConfigResult {
            name: name.to_string(),
            config: *config,
            mean: TopicScores::mean(&scores.iter().map(|(_, s)| *s).collect::<Vec<_>>()),
            median_ms: ms.get(ms.len() / 2).copied().unwrap_or(0.0),
            late: per_topic.iter().map(|r| r[i].late).sum(),
            per_topic: scores,
        });
    }
    if let Some(w) = run
        && let Some((name, _)) = configs.last()
    {
        let i = configs.len() - 1;
        for (t, r) in topics.iter().zip(&per_topic) {
            let docs: Vec<(String, f32)> = r[i]
                .docs
                .iter()
                .map(|(k, s)| (spelling.get(k).cloned().unwrap_or_else(|| k.clone()), *s))
                .collect();
            w.write_all(trec_run_lines(&t.id, &docs, &format!("patdex-{name}")).as_bytes())?;
        }
    }
    Ok(Report {
        topics: topics.len(),
        judgments: topics.iter().map(|t| t.relevant.len()).sum(),
        depth,
        results,
    })
}
