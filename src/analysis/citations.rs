//! Citations: what a document cites (backward), which documents of the index cite it (forward),
//! a second generation both ways, who cites it (grouped by owner), and who cites an assignee's
//! documents (its licensing prospects).
//!
//! Citations are matched by number key: the cited number normalised without its kind code
//! (`PubNumber::from_parts(country, number, "").key()`: `7047976`, `07047976`, `7,047,976 B2`
//! all become `US7047976`; `2021/0202459` becomes `US20210202459`; `D669331` and `RE47607` keep
//! their series). The doc mapper indexes these keys in the keyword field `cites`, so the forward
//! citations of a number are one term query over the whole index (every match is collected, no
//! top-k), and those of many numbers (an assignee's portfolio, the first generation) one
//! [`TermSetQuery`]. Owners, publication dates and numbers of citing documents come from fast
//! columns; stored records are loaded only for the documents listed.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use jiff::civil::Date;
use serde::Serialize;
use tantivy::collector::DocSetCollector;
use tantivy::query::{Query, TermQuery, TermSetQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Term};

use crate::index::reader::{FastDates, FastStrings, IndexReader};
use crate::index::schema;
use crate::model::{Citation, Patent};
use crate::names;
use crate::number::PubNumber;

/// Group names of [`CitationReport::graph`] nodes.
pub const THIS_PATENT: &str = "this patent";
pub const CITED_IN_INDEX: &str = "cited, in index";
pub const CITED_NOT_IN_INDEX: &str = "cited, not in index";
pub const CITING: &str = "citing";
pub const SECOND_GENERATION: &str = "second generation";
/// Group of the citing documents of owners beyond the first [`GRAPH_OWNERS`] in
/// [`AssigneeReport::graph`].
pub const OTHER: &str = "other";
/// Owners that get a group of their own in [`AssigneeReport::graph`].
pub const GRAPH_OWNERS: usize = 8;
/// Owner group of documents that name no owner.
pub const NO_OWNER: &str = "(no owner)";

/// What a citation report includes.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// 1: the document's citations and the documents citing it; 2: also what the cited documents
    /// cite and what cites the citing documents.
    pub depth: u8,
    /// Group the citing documents by owner.
    pub by_owner: bool,
    /// Owners are grouped (and an assignee matched) by their name as printed, not by
    /// [`names::name_key`].
    pub exact: bool,
    /// At most this many documents per list (forward, second generation, owner groups); 0 for
    /// all. The document's own citations are always listed whole.
    pub limit: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            depth: 1,
            by_owner: false,
            exact: false,
            limit: 0,
        }
    }
}

impl Options {
    fn cap(&self) -> usize {
        if self.limit == 0 {
            usize::MAX
        } else {
            self.limit
        }
    }
}

/// The key a cited number is matched under (what the `cites` field holds): `US7047976` for
/// `US`/`07047976`. `None` when the number is not one patdex can read (some foreign formats).
pub fn cited_key(country: &str, number: &str) -> Option<String> {
    PubNumber::from_parts(country, number, "")
        .ok()
        .map(|n| n.key())
}

/// A document of the index as listed.
#[derive(Debug, Clone, Serialize)]
pub struct Doc {
    /// Canonical number with kind code, `US7654321B2`.
    pub number: String,
    pub title: String,
    pub pub_date: Option<Date>,
    /// Assignees (applicants when there is none), as printed.
    pub owners: Vec<String>,
}

impl Doc {
    fn of(p: &Patent) -> Doc {
        Doc {
            number: p.number.to_string(),
            title: p.title.clone(),
            pub_date: p.pub_date,
            owners: schema::owners(p)
                .iter()
                .map(|a| a.name.trim().to_string())
                .filter(|n| !n.is_empty())
                .collect(),
        }
    }
}

/// A patent citation made by a document (backward).
#[derive(Debug, Clone, Serialize)]
pub struct Cited {
    /// The normalised number without kind (`US5074963`), or the number as printed when patdex
    /// cannot read it.
    pub number: String,
    /// Country, number and kind as the citing document prints them (`US 5074963 A`).
    pub cited_as: String,
    /// First-named patentee as printed (`Brandt et al.`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Date as printed, made readable (`1991-11`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub date: String,
    /// `cited by examiner`, `cited by applicant`, ...
    pub category: String,
    /// A document of the index has this number.
    pub in_index: bool,
    /// That document (for the second generation only within the list limit).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<Doc>,
    /// Second generation: the first-generation documents that cite it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub via: Vec<String>,
}

/// A non-patent citation.
#[derive(Debug, Clone, Serialize)]
pub struct Npl {
    pub text: String,
    pub category: String,
}

/// A document of the index citing the document (forward).
#[derive(Debug, Clone, Serialize)]
pub struct Citing {
    /// Canonical number with kind code.
    pub number: String,
    pub title: String,
    pub pub_date: Option<Date>,
    pub owners: Vec<String>,
    /// How it cites: the category of its citation (first generation) or of its citations of
    /// the `via` documents.
    pub category: String,
    /// Second generation: the first-generation citing documents it cites.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub via: Vec<String>,
}

/// Citing documents of one owner.
#[derive(Debug, Clone, Serialize)]
pub struct OwnerGroup {
    /// The owner's name ([`names::display_name`] over its spellings).
    pub owner: String,
    /// What the group is keyed by: [`names::name_key`], or the name as printed with `--exact`.
    pub key: String,
    /// company, academic, government or individual.
    pub kind: String,
    pub citing_documents: usize,
    pub first_year: Option<i16>,
    pub last_year: Option<i16>,
    /// The citing documents (canonical numbers, oldest first).
    pub documents: Vec<String>,
    /// Assignee report: which of the assignee's documents they cite.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cited: Vec<String>,
    /// The spellings merged into this owner, when there are several.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub spellings: Vec<String>,
}

/// `patdex citations NUMBER`.
#[derive(Debug, Clone, Serialize)]
pub struct CitationReport {
    /// The number asked about: canonical with kind when in the index, else as parsed.
    pub number: String,
    /// Its key (`US7654321`), which citations are matched under.
    pub key: String,
    pub in_index: bool,
    /// The document (when in the index).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<Doc>,
    /// Other documents of the index under the same number (other kind codes).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
    pub depth: u8,
    /// Its patent citations, in the order printed (only for documents in the index).
    pub backward: Vec<Cited>,
    /// Its non-patent citations.
    pub npl: Vec<Npl>,
    /// Documents of the index citing it (all of them, however many are listed).
    pub forward_total: usize,
    /// Oldest first, at most the list limit.
    pub forward: Vec<Citing>,
    /// What the cited documents of the index cite (depth 2), without the document itself and
    /// the first generation; most-reached first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backward2_total: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backward2: Option<Vec<Cited>>,
    /// Documents citing the citing documents (depth 2), without the document itself and the
    /// first generation; oldest first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub forward2_total: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub forward2: Option<Vec<Citing>>,
    /// The citing documents grouped by owner (`--by-assignee`), most citing documents first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by_assignee: Option<Vec<OwnerGroup>>,
    /// Citation links between the listed documents, by key (citing, cited), for the graph.
    #[serde(skip)]
    links: Vec<(String, String)>,
}

/// One node of a citation graph: label, group, layer.
pub type Node = (String, String, i32);

impl CitationReport {
    /// Whether any citation was found (exit status 0).
    pub fn found_any(&self) -> bool {
        !self.backward.is_empty() || !self.npl.is_empty() || self.forward_total > 0
    }

    /// The listed documents as a graph: nodes (label, group, layer -2..=2: second-generation
    /// cited, cited, this patent, citing, second-generation citing) and edges citing → cited
    /// (node indexes). Each number is one node; a citation between two listed documents is an
    /// edge even when neither is the document itself.
    pub fn graph(&self) -> (Vec<Node>, Vec<(usize, usize)>) {
        let mut g = Graph::default();
        g.node(&self.key, &self.number, THIS_PATENT, 0);
        for c in &self.backward {
            let group = if c.in_index {
                CITED_IN_INDEX
            } else {
                CITED_NOT_IN_INDEX
            };
            g.node(&c.number, &c.label(), group, -1);
        }
        for c in &self.forward {
            g.node(&key_of(&c.number), &c.number, CITING, 1);
        }
        for c in self.backward2.iter().flatten() {
            g.node(&c.number, &c.label(), SECOND_GENERATION, -2);
        }
        for c in self.forward2.iter().flatten() {
            g.node(&key_of(&c.number), &c.number, SECOND_GENERATION, 2);
        }
        g.edges(&self.links);
        (g.nodes, g.edges)
    }
}

impl Cited {
    /// The number to show: the indexed document's (with kind) when loaded.
    pub fn label(&self) -> String {
        self.document
            .as_ref()
            .map_or_else(|| self.number.clone(), |d| d.number.clone())
    }
}

fn key_of(number: &str) -> String {
    number
        .parse::<PubNumber>()
        .map_or_else(|_| number.to_string(), |n| n.key())
}

#[derive(Default)]
struct Graph {
    nodes: Vec<Node>,
    at: HashMap<String, usize>,
    edges: Vec<(usize, usize)>,
}

impl Graph {
    fn node(&mut self, key: &str, label: &str, group: &str, layer: i32) {
        if !self.at.contains_key(key) {
            self.at.insert(key.to_string(), self.nodes.len());
            self.nodes
                .push((label.to_string(), group.to_string(), layer));
        }
    }

    fn edges(&mut self, links: &[(String, String)]) {
        let mut seen = HashSet::new();
        for (from, to) in links {
            if let (Some(&a), Some(&b)) = (self.at.get(from), self.at.get(to))
                && a != b
                && seen.insert((a, b))
            {
                self.edges.push((a, b));
            }
        }
    }
}

/// `YYYYMMDD` as printed in citations (`19911100`) made readable: `1991-11`, `1991-11-05`.
fn readable_date(s: &str) -> String {
    let s = s.trim();
    if s.len() != 8 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return s.to_string();
    }
    match (&s[4..6], &s[6..8]) {
        ("00", _) => s[..4].to_string(),
        (m, "00") => format!("{}-{m}", &s[..4]),
        (m, d) => format!("{}-{m}-{d}", &s[..4]),
    }
}

/// Reading the index for citations: term queries on `cites` and `num`, fast columns for the
/// facts about many documents, stored records for the few listed.
pub struct Citations<'a> {
    reader: &'a IndexReader,
    id: FastStrings,
    num: FastStrings,
    owner: FastStrings,
    ownerkind: FastStrings,
    cites: FastStrings,
    pd: FastDates,
}

/// One owner of a document: the name as printed and its kind.
struct Owner {
    raw: String,
    kind: String,
}

impl<'a> Citations<'a> {
    pub fn new(reader: &'a IndexReader) -> anyhow::Result<Citations<'a>> {
        let s = &reader.searcher;
        Ok(Citations {
            reader,
            id: FastStrings::open(s, "id")?,
            num: FastStrings::open(s, "num")?,
            owner: FastStrings::open(s, "owner")?,
            ownerkind: FastStrings::open(s, "ownerkind")?,
            cites: FastStrings::open(s, "cites")?,
            pd: FastDates::open(s, "pd")?,
        })
    }

    /// Every live document with one of `values` in keyword field `field`.
    fn docs_with(&self, field: &str, values: &[String]) -> anyhow::Result<HashSet<DocAddress>> {
        let f = schema::field(field);
        let q: Box<dyn Query> = match values {
            [] => return Ok(HashSet::new()),
            [one] => Box::new(TermQuery::new(
                Term::from_field_text(f, one),
                IndexRecordOption::Basic,
            )),
            many => Box::new(TermSetQuery::new(
                many.iter().map(|v| Term::from_field_text(f, v)),
            )),
        };
        Ok(self.reader.searcher.search(q.as_ref(), &DocSetCollector)?)
    }

    /// The documents citing any of `keys`.
    pub fn citing(&self, keys: &[String]) -> anyhow::Result<HashSet<DocAddress>> {
        self.docs_with("cites", keys)
    }

    /// The documents published under number `key` (any kind).
    pub fn by_key(&self, key: &str) -> anyhow::Result<Vec<DocAddress>> {
        let mut v: Vec<DocAddress> = self
            .docs_with("num", &[key.to_string()])?
            .into_iter()
            .collect();
        v.sort();
        Ok(v)
    }

    /// Which of `keys` are numbers of documents of the index: one term-set query on `num`, the
    /// keys read back from the fast column. The first document (by address) of each.
    pub fn in_index(&self, keys: &[String]) -> anyhow::Result<HashMap<String, DocAddress>> {
        let mut docs: Vec<DocAddress> = self.docs_with("num", keys)?.into_iter().collect();
        docs.sort();
        let mut out = HashMap::new();
        let mut v = Vec::new();
        for a in docs {
            v.clear();
            self.num.values(a, &mut v)?;
            for k in v.drain(..) {
                out.entry(k).or_insert(a);
            }
        }
        Ok(out)
    }

    fn first(fs: &FastStrings, addr: DocAddress) -> anyhow::Result<String> {
        let mut v = Vec::new();
        fs.values(addr, &mut v)?;
        Ok(v.into_iter().next().unwrap_or_default())
    }

    /// The canonical number of a document, from its fast column.
    pub fn number(&self, addr: DocAddress) -> anyhow::Result<String> {
        Self::first(&self.id, addr)
    }

    fn key(&self, addr: DocAddress) -> anyhow::Result<String> {
        Self::first(&self.num, addr)
    }

    fn year(&self, addr: DocAddress) -> Option<i16> {
        self.pd.get(addr).map(|d| d.year())
    }

    /// The owners of a document with their kinds, from the fast columns; the stored record is
    /// read only when a document with several owners of different kinds leaves the pairing
    /// open (the columns do not keep the order of the values).
    fn owners(&self, addr: DocAddress) -> anyhow::Result<Vec<Owner>> {
        let mut raw = Vec::new();
        self.owner.values(addr, &mut raw)?;
        raw.sort();
        raw.dedup();
        raw.retain(|r| !r.trim().is_empty());
        let mut kinds = Vec::new();
        self.ownerkind.values(addr, &mut kinds)?;
        kinds.sort();
        kinds.dedup();
        if raw.is_empty() {
            return Ok(Vec::new());
        }
        if kinds.len() <= 1 {
            let kind = kinds.pop().unwrap_or_default();
            return Ok(raw
                .into_iter()
                .map(|raw| Owner {
                    raw,
                    kind: kind.clone(),
                })
                .collect());
        }
        let p = self.reader.patent(addr)?;
        let mut out: Vec<Owner> = schema::owners(&p)
            .iter()
            .filter(|a| !a.name.trim().is_empty())
            .map(|a| Owner {
                raw: a.name.trim().to_string(),
                kind: names::owner_kind(a, &p.inventors).as_str().to_string(),
            })
            .collect();
        out.sort_by(|a, b| a.raw.cmp(&b.raw));
        out.dedup_by(|a, b| a.raw == b.raw);
        Ok(out)
    }

    /// Documents in publication order (undated last), then by number.
    fn sorted(
        &self,
        docs: impl IntoIterator<Item = DocAddress>,
    ) -> anyhow::Result<Vec<DocAddress>> {
        let mut v = Vec::new();
        for a in docs {
            v.push((self.pd.get(a).is_none(), self.pd.get(a), self.number(a)?, a));
        }
        v.sort();
        Ok(v.into_iter().map(|t| t.3).collect())
    }

    /// A listed citing document: its record, and the category of its citations of `targets`.
    fn citing_doc(
        &self,
        addr: DocAddress,
        targets: &HashSet<&str>,
        via: Vec<String>,
    ) -> anyhow::Result<Citing> {
        let p = self.reader.patent(addr)?;
        let mut categories: Vec<&str> = Vec::new();
        for c in &p.citations {
            if let Citation::Patent { id, category, .. } = c
                && cited_key(&id.country, &id.number).is_some_and(|k| targets.contains(k.as_str()))
                && !categories.contains(&category.as_str())
            {
                categories.push(category);
            }
        }
        let d = Doc::of(&p);
        Ok(Citing {
            number: d.number,
            title: d.title,
            pub_date: d.pub_date,
            owners: d.owners,
            category: categories.join("; "),
            via,
        })
    }

    /// The citation report of a number (in the index or not).
    pub fn report(&self, number: &PubNumber, opts: &Options) -> anyhow::Result<CitationReport> {
        let cap = opts.cap();
        let key = number.key();
        let found = self.reader.lookup(number)?;
        let root = found.first();
        let mut links: Vec<(String, String)> = Vec::new();

        // Backward: the document's own citations.
        let mut backward = Vec::new();
        let mut npl = Vec::new();
        // Cited documents of the index (key → record), for titles and the second generation.
        let mut cited_docs: BTreeMap<String, Patent> = BTreeMap::new();
        if let Some(p) = root {
            let keys: Vec<String> = p
                .patent_citations()
                .filter_map(|c| match c {
                    Citation::Patent { id, .. } => cited_key(&id.country, &id.number),
                    Citation::Npl { .. } => None,
                })
                .collect();
            for (k, a) in self.in_index(&keys)? {
                cited_docs.insert(k, self.reader.patent(a)?);
            }
            for c in &p.citations {
                match c {
                    Citation::Patent {
                        id, name, category, ..
                    } => {
                        let k = cited_key(&id.country, &id.number);
                        let mut in_index = false;
                        let mut document = None;
                        if let Some(k) = &k {
                            if let Some(d) = cited_docs.get(k) {
                                in_index = true;
                                document = Some(Doc::of(d));
                            }
                            links.push((key.clone(), k.clone()));
                        }
                        let cited_as = [id.country.trim(), id.number.trim(), id.kind.trim()]
                            .into_iter()
                            .filter(|s| !s.is_empty())
                            .collect::<Vec<_>>()
                            .join(" ");
                        backward.push(Cited {
                            number: k.unwrap_or_else(|| cited_as.clone()),
                            cited_as,
                            name: name.clone(),
                            date: readable_date(&id.date),
                            category: category.clone(),
                            in_index,
                            document,
                            via: Vec::new(),
                        });
                    }
                    Citation::Npl { text, category } => npl.push(Npl {
                        text: text.clone(),
                        category: category.clone(),
                    }),
                }
            }
        }

        // Forward: every document citing the key.
        let root_addrs: HashSet<DocAddress> = self.by_key(&key)?.into_iter().collect();
        let forward_set: HashSet<DocAddress> = self
            .citing(std::slice::from_ref(&key))?
            .into_iter()
            .filter(|a| !root_addrs.contains(a))
            .collect();
        let forward_sorted = self.sorted(forward_set.iter().copied())?;
        let target: HashSet<&str> = [key.as_str()].into();
        let mut forward = Vec::new();
        for &a in forward_sorted.iter().take(cap) {
            let c = self.citing_doc(a, &target, Vec::new())?;
            links.push((key_of(&c.number), key.clone()));
            forward.push(c);
        }

        let mut report = CitationReport {
            number: root.map_or_else(|| number.to_string(), |p| p.number.to_string()),
            key: key.clone(),
            in_index: root.is_some(),
            document: root.map(Doc::of),
            also: found.iter().skip(1).map(|p| p.number.to_string()).collect(),
            depth: opts.depth,
            backward,
            npl,
            forward_total: forward_set.len(),
            forward,
            backward2_total: None,
            backward2: None,
            forward2_total: None,
            forward2: None,
            by_assignee: None,
            links: Vec::new(),
        };

        if opts.depth >= 2 {
            let first: HashSet<&str> = report
                .backward
                .iter()
                .map(|c| c.number.as_str())
                .chain([key.as_str()])
                .collect();
            let (total, list) = self.backward2(&first, &cited_docs, cap, &mut links)?;
            report.backward2_total = Some(total);
            report.backward2 = Some(list);
            let (total, list) = self.forward2(&root_addrs, &forward_sorted, cap, &mut links)?;
            report.forward2_total = Some(total);
            report.forward2 = Some(list);
        }
        if opts.by_owner {
            let citing: Vec<(DocAddress, Vec<(usize, String)>)> =
                forward_sorted.iter().map(|&a| (a, Vec::new())).collect();
            let mut groups = self.group(&citing, opts.exact)?;
            groups.truncate(cap);
            report.by_assignee = Some(groups);
        }
        report.links = links;
        Ok(report)
    }

    /// What the cited documents of the index cite, except `first` (the document and its own
    /// citations).
    fn backward2(
        &self,
        first: &HashSet<&str>,
        cited_docs: &BTreeMap<String, Patent>,
        cap: usize,
        links: &mut Vec<(String, String)>,
    ) -> anyhow::Result<(usize, Vec<Cited>)> {
        // key → (citation as first met, via documents)
        let mut second: BTreeMap<String, (Cited, Vec<String>)> = BTreeMap::new();
        for (via_key, p) in cited_docs {
            let via = p.number.to_string();
            for c in p.patent_citations() {
                let Citation::Patent {
                    id, name, category, ..
                } = c
                else {
                    continue;
                };
                let cited_as = [id.country.trim(), id.number.trim(), id.kind.trim()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                let k = cited_key(&id.country, &id.number).unwrap_or_else(|| cited_as.clone());
                links.push((via_key.clone(), k.clone()));
                if first.contains(k.as_str()) {
                    continue;
                }
                let e = second.entry(k.clone()).or_insert_with(|| {
                    (
                        Cited {
                            number: k.clone(),
                            cited_as,
                            name: name.clone(),
                            date: readable_date(&id.date),
                            category: String::new(),
                            in_index: false,
                            document: None,
                            via: Vec::new(),
                        },
                        Vec::new(),
                    )
                });
                if !e.1.contains(&via) {
                    e.1.push(via.clone());
                }
                if !e.0.category.split("; ").any(|x| x == category) {
                    if !e.0.category.is_empty() {
                        e.0.category.push_str("; ");
                    }
                    e.0.category.push_str(category);
                }
            }
        }
        let total = second.len();
        let keys: Vec<String> = second.keys().cloned().collect();
        let found = self.in_index(&keys)?;
        let mut rows: Vec<Cited> = Vec::with_capacity(total);
        for (_, (mut c, via)) in second {
            c.via = via;
            c.in_index = found.contains_key(&c.number);
            rows.push(c);
        }
        // Most-reached first, documents of the index before others, then by number.
        rows.sort_by(|a, b| {
            b.via
                .len()
                .cmp(&a.via.len())
                .then(b.in_index.cmp(&a.in_index))
                .then(a.number.cmp(&b.number))
        });
        rows.truncate(cap);
        for c in rows.iter_mut().filter(|c| c.in_index) {
            if let Some(&a) = found.get(&c.number) {
                c.document = Some(Doc::of(&self.reader.patent(a)?));
            }
        }
        Ok((total, rows))
    }

    /// The documents citing the citing documents.
    fn forward2(
        &self,
        root_addrs: &HashSet<DocAddress>,
        first: &[DocAddress],
        cap: usize,
        links: &mut Vec<(String, String)>,
    ) -> anyhow::Result<(usize, Vec<Citing>)> {
        let mut first_keys: Vec<(String, String)> = Vec::new(); // (key, number)
        for &a in first {
            first_keys.push((self.key(a)?, self.number(a)?));
        }
        let keys: Vec<String> = first_keys.iter().map(|(k, _)| k.clone()).collect();
        let first_set: HashSet<DocAddress> = first.iter().copied().collect();
        let docs: Vec<DocAddress> = self
            .citing(&keys)?
            .into_iter()
            .filter(|a| !first_set.contains(a) && !root_addrs.contains(a))
            .collect();
        let wanted: Vec<(String, usize)> = first_keys
            .iter()
            .enumerate()
            .map(|(i, (k, _))| (k.clone(), i))
            .collect();
        let matcher = self.cites.matcher(&wanted)?;
        // Links among the first generation too (a citing document citing another).
        for &a in first {
            let from = self.key(a)?;
            for &i in matcher.tags(a) {
                links.push((from.clone(), first_keys[i].0.clone()));
            }
        }
        let sorted = self.sorted(docs.iter().copied())?;
        let mut out = Vec::new();
        for &a in sorted.iter().take(cap) {
            let mut via_idx: Vec<usize> = matcher.tags(a).copied().collect();
            via_idx.sort_unstable();
            via_idx.dedup();
            let targets: HashSet<&str> =
                via_idx.iter().map(|&i| first_keys[i].0.as_str()).collect();
            let via = via_idx.iter().map(|&i| first_keys[i].1.clone()).collect();
            let c = self.citing_doc(a, &targets, via)?;
            let from = key_of(&c.number);
            for &i in &via_idx {
                links.push((from.clone(), first_keys[i].0.clone()));
            }
            out.push(c);
        }
        Ok((docs.len(), out))
    }

    /// Groups citing documents by owner. Each entry is a citing document and the documents it
    /// cites that the group should list (`cited`, for an assignee's report), each with its
    /// place in the order they are listed in. Most citing documents first, then by name.
    fn group(
        &self,
        citing: &[(DocAddress, Vec<(usize, String)>)],
        exact: bool,
    ) -> anyhow::Result<Vec<OwnerGroup>> {
        #[derive(Default)]
        struct Acc {
            docs: Vec<(Option<Date>, String)>,
            cited: BTreeSet<(usize, String)>,
            spellings: HashMap<String, u64>,
            kinds: HashMap<String, u64>,
        }
        let mut groups: HashMap<String, Acc> = HashMap::new();
        for (a, cited) in citing {
            let number = self.number(*a)?;
            let date = self.pd.get(*a);
            let owners = self.owners(*a)?;
            let mut keys: Vec<(String, Option<&Owner>)> = owners
                .iter()
                .map(|o| (owner_key(&o.raw, exact), Some(o)))
                .filter(|(k, _)| !k.is_empty())
                .collect();
            if keys.is_empty() {
                keys.push((NO_OWNER.to_string(), None));
            }
            let mut seen = HashSet::new();
            for (k, o) in keys {
                let g = groups.entry(k.clone()).or_default();
                if let Some(o) = o {
                    *g.spellings.entry(o.raw.clone()).or_default() += 1;
                    if !o.kind.is_empty() {
                        *g.kinds.entry(o.kind.clone()).or_default() += 1;
                    }
                }
                if seen.insert(k) {
                    g.docs.push((date, number.clone()));
                    g.cited.extend(cited.iter().cloned());
                }
            }
        }
        let mut out: Vec<OwnerGroup> = groups
            .into_iter()
            .map(|(key, mut g)| {
                g.docs
                    .sort_by(|a, b| (a.0.is_none(), a.0, &a.1).cmp(&(b.0.is_none(), b.0, &b.1)));
                let years: Vec<i16> = g
                    .docs
                    .iter()
                    .filter_map(|d| d.0.map(|d| d.year()))
                    .collect();
                let owner = if g.spellings.is_empty() {
                    key.clone()
                } else {
                    names::display_name(g.spellings.iter().map(|(s, n)| (s.as_str(), *n)))
                };
                let kind = g
                    .kinds
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                    .map(|(k, _)| k.clone())
                    .unwrap_or_default();
                let mut spellings: Vec<String> = g.spellings.into_keys().collect();
                spellings.sort();
                if spellings.len() < 2 {
                    spellings.clear();
                }
                OwnerGroup {
                    owner,
                    key,
                    kind,
                    citing_documents: g.docs.len(),
                    first_year: years.iter().min().copied(),
                    last_year: years.iter().max().copied(),
                    documents: g.docs.into_iter().map(|d| d.1).collect(),
                    cited: g.cited.into_iter().map(|c| c.1).collect(),
                    spellings,
                }
            })
            .collect();
        out.sort_by(|a, b| {
            b.citing_documents
                .cmp(&a.citing_documents)
                .then_with(|| a.owner.to_lowercase().cmp(&b.owner.to_lowercase()))
                .then_with(|| a.key.cmp(&b.key))
        });
        Ok(out)
    }

    /// The licensing prospects of an assignee: the owners of the documents citing its documents.
    pub fn assignee(&self, query: &str, opts: &Options) -> anyhow::Result<AssigneeReport> {
        if names::name_key(query).is_empty() {
            anyhow::bail!("--assignee needs a name with letters or digits");
        }
        let all = super::owners::spellings(self.reader)?;
        let (matched, found) = super::owners::find(&all, query, opts.exact)
            .map_or((None, Vec::new()), |(m, v)| (Some(m), v));
        let mut names_found: Vec<(String, usize)> = Vec::new();
        for r in found {
            let n = self.docs_with("owner", std::slice::from_ref(&r))?.len();
            if n > 0 {
                names_found.push((r, n));
            }
        }
        let raw_names: Vec<String> = names_found.iter().map(|(r, _)| r.clone()).collect();
        let ours = self.docs_with("owner", &raw_names)?;
        let ours_sorted = self.sorted(ours.iter().copied())?;
        let mut our_keys: Vec<(String, String)> = Vec::new(); // (key, number)
        let mut seen = HashSet::new();
        for &a in &ours_sorted {
            let k = self.key(a)?;
            if seen.insert(k.clone()) {
                our_keys.push((k, self.number(a)?));
            }
        }
        let keys: Vec<String> = our_keys.iter().map(|(k, _)| k.clone()).collect();
        let wanted: Vec<(String, usize)> = keys
            .iter()
            .enumerate()
            .map(|(i, k)| (k.clone(), i))
            .collect();
        let matcher = self.cites.matcher(&wanted)?;
        let citing = self.sorted(self.citing(&keys)?)?;
        let mut prospects_in = Vec::new();
        let mut citing_docs = Vec::new();
        let mut self_citing = Vec::new();
        let mut cited_by_others = BTreeSet::new();
        for a in citing {
            let mut idx: Vec<usize> = matcher.tags(a).copied().collect();
            idx.sort_unstable();
            idx.dedup();
            let cited: Vec<(usize, String)> =
                idx.iter().map(|&i| (i, our_keys[i].1.clone())).collect();
            let cited_numbers: Vec<String> = cited.iter().map(|c| c.1.clone()).collect();
            let number = self.number(a)?;
            if ours.contains(&a) {
                self_citing.push(number);
                continue;
            }
            cited_by_others.extend(cited_numbers.iter().cloned());
            citing_docs.push(CitingDoc {
                number,
                year: self.year(a),
                owners: Vec::new(),
                cites: cited_numbers,
            });
            prospects_in.push((a, cited));
        }
        let prospects = self.group(&prospects_in, opts.exact)?;
        // Each citing document's owners, by the groups' names, for the graph.
        let by_doc: HashMap<&str, Vec<&str>> = {
            let mut m: HashMap<&str, Vec<&str>> = HashMap::new();
            for g in &prospects {
                for d in &g.documents {
                    m.entry(d.as_str()).or_default().push(g.owner.as_str());
                }
            }
            m
        };
        for c in &mut citing_docs {
            c.owners = by_doc
                .get(c.number.as_str())
                .map(|v| v.iter().map(|s| s.to_string()).collect())
                .unwrap_or_default();
        }
        let owner = if names_found.is_empty() {
            query.trim().to_string()
        } else {
            names::display_name(names_found.iter().map(|(s, n)| (s.as_str(), *n as u64)))
        };
        let prospects_total = prospects.len();
        let mut prospects = prospects;
        prospects.truncate(opts.cap());
        Ok(AssigneeReport {
            query: query.to_string(),
            owner,
            matched,
            names: names_found
                .into_iter()
                .map(|(name, documents)| NameCount { name, documents })
                .collect(),
            documents: our_keys.iter().map(|(_, n)| n.clone()).collect(),
            cited_documents: cited_by_others.len(),
            citing_documents: citing_docs.len(),
            self_citations: self_citing.len(),
            self_citing,
            prospects_total,
            prospects,
            citing: citing_docs,
        })
    }
}

/// The key owners are grouped and matched by.
fn owner_key(raw: &str, exact: bool) -> String {
    if exact {
        raw.trim().to_string()
    } else {
        names::name_key(raw)
    }
}

/// An owner spelling and its documents.
#[derive(Debug, Clone, Serialize)]
pub struct NameCount {
    pub name: String,
    pub documents: usize,
}

/// A document citing the assignee's documents.
#[derive(Debug, Clone, Serialize)]
pub struct CitingDoc {
    pub number: String,
    pub year: Option<i16>,
    /// Its owners (group names).
    pub owners: Vec<String>,
    /// The assignee's documents it cites.
    pub cites: Vec<String>,
}

/// `patdex citations --assignee NAME`.
#[derive(Debug, Clone, Serialize)]
pub struct AssigneeReport {
    pub query: String,
    /// The assignee's name ([`names::display_name`] over the spellings matched).
    pub owner: String,
    /// How the owner names were matched: `exact` (same key as the query, or the same name as
    /// printed with `--exact`), `words` (no key equals the query's: owners whose key holds all
    /// its words), none when nothing matched.
    pub matched: Option<names::Match>,
    /// The owner names (as printed) taken as the assignee, with their documents.
    pub names: Vec<NameCount>,
    /// The assignee's documents (one per number, oldest first).
    pub documents: Vec<String>,
    /// How many of them other owners cite.
    pub cited_documents: usize,
    /// Documents of other owners citing them.
    pub citing_documents: usize,
    /// The assignee's own documents citing its documents (not prospects).
    pub self_citations: usize,
    pub self_citing: Vec<String>,
    /// Citing owners, however many are listed.
    pub prospects_total: usize,
    /// Citing owners (without the assignee), most citing documents first, then by name.
    pub prospects: Vec<OwnerGroup>,
    /// Every citing document of another owner (oldest first).
    pub citing: Vec<CitingDoc>,
}

impl AssigneeReport {
    pub fn found_any(&self) -> bool {
        self.citing_documents > 0 || self.self_citations > 0
    }

    /// The assignee's documents (layer 0, group: the assignee's name) and the documents citing
    /// them (layer 1, group: the citing owner for the first [`GRAPH_OWNERS`] owners of the
    /// prospect list, [`OTHER`] for the rest), with edges citing → cited.
    pub fn graph(&self) -> (Vec<Node>, Vec<(usize, usize)>) {
        let mut g = Graph::default();
        for d in &self.documents {
            g.node(d, d, &self.owner, 0);
        }
        let top: HashSet<&str> = self
            .prospects
            .iter()
            .take(GRAPH_OWNERS)
            .map(|p| p.owner.as_str())
            .collect();
        let rank: HashMap<&str, usize> = self
            .prospects
            .iter()
            .enumerate()
            .map(|(i, p)| (p.owner.as_str(), i))
            .collect();
        let mut links = Vec::new();
        for c in &self.citing {
            let group = c
                .owners
                .iter()
                .filter(|o| top.contains(o.as_str()))
                .min_by_key(|o| rank.get(o.as_str()).copied().unwrap_or(usize::MAX))
                .map_or(OTHER, |o| o.as_str());
            g.node(&c.number, &c.number, group, 1);
            for d in &c.cites {
                links.push((c.number.clone(), d.clone()));
            }
        }
        g.edges(&links);
        (g.nodes, g.edges)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cited_numbers_meet_the_publication_numbers() {
        for (cc, n, want) in [
            ("US", "7047976", "US7047976"),
            ("US", "07047976", "US7047976"),
            ("US", "D669331", "USD669331"),
            ("US", "D0669331", "USD669331"),
            ("US", "RE47607", "USRE47607"),
            ("US", "RE047607", "USRE47607"),
            ("US", "2021/0202459", "US20210202459"),
            ("US", "20210202459", "US20210202459"),
            ("", "7,047,976", "US7047976"),
        ] {
            assert_eq!(cited_key(cc, n).as_deref(), Some(want), "{cc} {n}");
        }
        for (typed, key) in [
            ("US07442748B2", "US7442748"),
            ("USRE047607E1", "USRE47607"),
            ("USD0669331S1", "USD669331"),
            ("US 2021/0202459 A1", "US20210202459"),
        ] {
            assert_eq!(typed.parse::<PubNumber>().unwrap().key(), key);
        }
        assert_eq!(cited_key("WO", "WO 99/12345"), None);
    }

    #[test]
    fn partial_dates_are_readable() {
        assert_eq!(readable_date("19911100"), "1991-11");
        assert_eq!(readable_date("19910000"), "1991");
        assert_eq!(readable_date("19911105"), "1991-11-05");
        assert_eq!(readable_date("1991"), "1991");
    }

    fn cited(number: &str, in_index: bool) -> Cited {
        Cited {
            number: number.into(),
            cited_as: number.into(),
            name: String::new(),
            date: String::new(),
            category: "cited by examiner".into(),
            in_index,
            document: None,
            via: Vec::new(),
        }
    }

    fn citing(number: &str) -> Citing {
        Citing {
            number: number.into(),
            title: String::new(),
            pub_date: None,
            owners: Vec::new(),
            category: String::new(),
            via: Vec::new(),
        }
    }

    #[test]
    fn graph_has_one_node_per_number_and_edges_citing_to_cited() {
        let r = CitationReport {
            number: "US7000000B2".into(),
            key: "US7000000".into(),
            in_index: true,
            document: None,
            also: Vec::new(),
            depth: 2,
            backward: vec![
                cited("US5000000", true),
                cited("US5000001", false),
                cited("US5000001", false),
            ],
            npl: Vec::new(),
            forward_total: 1,
            forward: vec![citing("US8000000B1")],
            backward2_total: Some(1),
            backward2: Some(vec![cited("US4000000", false)]),
            forward2_total: Some(1),
            forward2: Some(vec![citing("US9000000B2")]),
            by_assignee: None,
            links: vec![
                ("US7000000".into(), "US5000000".into()),
                ("US7000000".into(), "US5000001".into()),
                ("US7000000".into(), "US5000001".into()),
                ("US8000000".into(), "US7000000".into()),
                ("US5000000".into(), "US4000000".into()),
                ("US5000000".into(), "US5000001".into()),
                ("US9000000".into(), "US8000000".into()),
                ("US9000000".into(), "US1".into()),
            ],
        };
        let (nodes, edges) = r.graph();
        let groups: Vec<(&str, &str, i32)> = nodes
            .iter()
            .map(|(l, g, y)| (l.as_str(), g.as_str(), *y))
            .collect();
        assert_eq!(
            groups,
            [
                ("US7000000B2", THIS_PATENT, 0),
                ("US5000000", CITED_IN_INDEX, -1),
                ("US5000001", CITED_NOT_IN_INDEX, -1),
                ("US8000000B1", CITING, 1),
                ("US4000000", SECOND_GENERATION, -2),
                ("US9000000B2", SECOND_GENERATION, 2),
            ]
        );
        assert_eq!(edges, [(0, 1), (0, 2), (3, 0), (1, 4), (1, 2), (5, 3)]);
    }

    #[test]
    fn assignee_graph_groups_the_top_owners() {
        let group = |owner: &str, n: usize| OwnerGroup {
            owner: owner.into(),
            key: owner.into(),
            kind: "company".into(),
            citing_documents: n,
            first_year: None,
            last_year: None,
            documents: Vec::new(),
            cited: Vec::new(),
            spellings: Vec::new(),
        };
        let mut prospects: Vec<OwnerGroup> =
            (0..10).map(|i| group(&format!("O{i}"), 10 - i)).collect();
        prospects[0].documents = vec!["US3B1".into()];
        let r = AssigneeReport {
            query: "u".into(),
            owner: "U".into(),
            matched: Some(names::Match::Exact),
            names: Vec::new(),
            documents: vec!["US1B1".into(), "US2B1".into()],
            cited_documents: 2,
            citing_documents: 2,
            self_citations: 0,
            self_citing: Vec::new(),
            prospects_total: 10,
            prospects,
            citing: vec![
                CitingDoc {
                    number: "US3B1".into(),
                    year: None,
                    owners: vec!["O9".into(), "O0".into()],
                    cites: vec!["US1B1".into(), "US2B1".into()],
                },
                CitingDoc {
                    number: "US4B1".into(),
                    year: None,
                    owners: vec!["O9".into()],
                    cites: vec!["US2B1".into()],
                },
            ],
        };
        let (nodes, edges) = r.graph();
        let groups: Vec<(&str, &str, i32)> = nodes
            .iter()
            .map(|(l, g, y)| (l.as_str(), g.as_str(), *y))
            .collect();
        assert_eq!(
            groups,
            [
                ("US1B1", "U", 0),
                ("US2B1", "U", 0),
                ("US3B1", "O0", 1),
                ("US4B1", OTHER, 1),
            ]
        );
        assert_eq!(edges, [(2, 0), (2, 1), (3, 1)]);
    }
}
