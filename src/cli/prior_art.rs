//! `patdex prior-art` and `patdex eval`.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use comfy_table::{ContentArrangement, Table, presets::UTF8_BORDERS_ONLY};
use jiff::civil::Date;

use super::{Failure, Format, usage};
use crate::analysis::prior_art::{self, CONFIGS, Config, Invention, MAX_LIMIT, Options, PriorArt};
use crate::analysis::topics::{self, CitedBy, Topic};
use crate::index::Layout;
use crate::index::reader::IndexReader;
use crate::number::PubNumber;

/// Where the invention comes from.
pub enum Input {
    Text(PathBuf),
    Number(String),
}

/// Knobs shared by `prior-art` and `eval`.
#[derive(Debug, clap::Args)]
pub struct Tuning {
    /// Text fields to search: title, abstract, claims, icl, description (comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub fields: Vec<String>,
    /// Key terms to select from the text.
    #[arg(long, default_value_t = prior_art::DEFAULT_TERMS)]
    pub terms: usize,
    /// Key phrases (adjacent word pairs) to add.
    #[arg(long, default_value_t = prior_art::DEFAULT_PHRASES)]
    pub phrases: usize,
    /// US patents and applications filed before the cut-off count as prior art even when
    /// published after it (35 U.S.C. 102(e)); for eval, in the judgments and the results.
    #[arg(long)]
    pub us_filed: bool,
}

impl Default for Tuning {
    fn default() -> Tuning {
        Tuning {
            fields: Vec::new(),
            terms: prior_art::DEFAULT_TERMS,
            phrases: prior_art::DEFAULT_PHRASES,
            us_filed: false,
        }
    }
}

impl Tuning {
    fn options(&self) -> Result<Options, Failure> {
        let mut fields = Vec::new();
        for f in &self.fields {
            let name = prior_art::SEARCH_FIELDS
                .iter()
                .chain(&["icl"])
                .find(|n| **n == f.as_str())
                .ok_or_else(|| {
                    usage(format!(
                        "--fields: `{f}` is not a text field prior-art search can use; choose from title, abstract, claims, icl, description"
                    ))
                })?;
            fields.push(*name);
        }
        if fields.is_empty() {
            fields = prior_art::SEARCH_FIELDS.to_vec();
        }
        if self.terms == 0 {
            return Err(usage("--terms must be at least 1".into()));
        }
        Ok(Options {
            fields,
            terms: self.terms,
            phrases: self.phrases,
            us_filed: self.us_filed,
            ..Options::default()
        })
    }
}

/// A configuration by name (`bm25`, `terms`, `+phrases`, `+class`, `+cites`, or `full`).
pub(super) fn config_named(name: &str) -> Result<(&'static str, Config), Failure> {
    let name = name.trim();
    if name == "full" {
        return Ok(*CONFIGS.last().expect("configs"));
    }
    CONFIGS
        .iter()
        .find(|(n, _)| *n == name || n.trim_start_matches('+') == name)
        .copied()
        .ok_or_else(|| {
            let names: Vec<&str> = CONFIGS.iter().map(|(n, _)| *n).collect();
            usage(format!(
                "unknown configuration `{name}`; choose from {} (or full)",
                names.join(", ")
            ))
        })
}

/// `YYYY-MM-DD`, `YYYYMMDD`, `YYYY-MM` or `YYYY` (the first day of the month or year).
pub fn parse_date(s: &str) -> Result<Date, String> {
    let t = s.trim();
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    let ok_shape = t.chars().all(|c| c.is_ascii_digit() || c == '-');
    let (y, m, d) = match (ok_shape, digits.len()) {
        (true, 4) => (&digits[..4], "1", "1"),
        (true, 6) => (&digits[..4], &digits[4..6], "1"),
        (true, 8) => (&digits[..4], &digits[4..6], &digits[6..8]),
        _ => {
            return Err(format!(
                "`{s}` is not a date; write 2015-06-30, 20150630, 2015-06 or 2015"
            ));
        }
    };
    let n = |x: &str| x.parse::<i16>().unwrap_or(0);
    Date::new(n(y), n(m) as i8, n(d) as i8).map_err(|e| format!("`{s}` is not a date: {e}"))
}

/// The text of file `path` (`-`: standard input); `what` names it in the error.
pub(super) fn read_input(path: &Path, what: &str) -> Result<String, Failure> {
    let mut s = String::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| usage(format!("cannot read {what} from stdin: {e}")))?;
    } else {
        s = std::fs::read_to_string(path)
            .map_err(|e| usage(format!("cannot read {what} from {}: {e}", path.display())))?;
    }
    Ok(s)
}

/// What `patdex prior-art` was asked.
pub struct PriorArtArgs {
    pub input: Input,
    pub before: Option<String>,
    pub classes: Vec<String>,
    pub limit: usize,
    pub config: String,
    pub tuning: Tuning,
    pub format: Format,
}

pub(super) fn prior_art(
    layout: &Layout,
    a: PriorArtArgs,
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    if a.limit == 0 || a.limit > MAX_LIMIT {
        return Err(usage(format!(
            "--limit must be between 1 and {MAX_LIMIT} (got {})",
            a.limit
        )));
    }
    let (_, config) = config_named(&a.config)?;
    let mut opts = a.tuning.options()?;
    opts.config = config;
    opts.limit = a.limit;
    let reader = IndexReader::open(layout)?;
    let mut inv = match &a.input {
        Input::Text(path) => Invention::from_text(&read_input(path, "the invention text")?),
        Input::Number(n) => {
            let num: PubNumber = n.parse()?;
            let found = reader.lookup(&num)?;
            let p = found.into_iter().next().ok_or_else(|| Failure {
                code: 2,
                message: format!(
                    "{num} is not in the index at {}; use --text with its description instead",
                    layout.root.display()
                ),
                bare: false,
            })?;
            Invention::from_patent(&p)
        }
    };
    if inv.is_empty() {
        return Err(usage(
            "the invention text is empty; give a description or claims (a claims section starts with a line `Claims` or `What is claimed is:`)".into(),
        ));
    }
    inv.classes
        .extend(a.classes.iter().map(|c| c.replace(' ', "")));
    opts.cutoff = match &a.before {
        Some(b) => Some(parse_date(b).map_err(|e| usage(format!("--before: {e}")))?),
        None => inv.priority_date,
    };
    let r = prior_art::search(&reader, &inv, &opts)?;
    match a.format {
        Format::Table => write!(out, "{}", render_table(&r))?,
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&r)?)?,
        Format::Jsonl => {
            for h in &r.hits {
                writeln!(out, "{}", serde_json::to_string(h)?)?;
            }
        }
        Format::Csv => write_csv(&r, out)?,
    }
    Ok(if r.hits.is_empty() { 1 } else { 0 })
}

/// About `max` characters of `text` around its first shared key term.
fn excerpt(text: &str, shared: &[String], max: usize) -> String {
    let text = &text.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = text.to_lowercase();
    let at = shared
        .iter()
        .filter_map(|w| lower.find(w.trim_matches('"')))
        .min()
        .unwrap_or(0);
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= max {
        return text.to_string();
    }
    let at_char = text[..at.min(text.len())].chars().count();
    let start = at_char.saturating_sub(max / 4).min(chars.len() - max);
    let mut s: String = chars[start..start + max].iter().collect();
    if start > 0 {
        s.insert(0, '…');
    }
    if start + max < chars.len() {
        s.push('…');
    }
    s
}

fn render_table(r: &PriorArt) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let _ = write!(s, "Prior art");
    if let Some(n) = &r.input {
        let _ = write!(s, " for {n}");
    }
    match r.cutoff {
        Some(c) if r.us_filed => {
            let _ = write!(s, ", published (US documents: filed) before {c}");
        }
        Some(c) => {
            let _ = write!(s, ", published before {c}");
        }
        None => {
            let _ = write!(s, ", no date cut-off");
        }
    }
    let _ = writeln!(s, ": {} of {} matching documents", r.hits.len(), r.matched);
    let terms: Vec<&str> = r.key_terms.iter().map(|t| t.term.as_str()).collect();
    let _ = writeln!(s, "key terms: {}", terms.join(", "));
    if !r.key_phrases.is_empty() {
        let ph: Vec<String> = r
            .key_phrases
            .iter()
            .map(|p| format!("\"{}\"", p.phrase))
            .collect();
        let _ = writeln!(s, "key phrases: {}", ph.join(", "));
    }
    for h in &r.hits {
        let mut date = h.pub_date.map(|d| d.to_string()).unwrap_or_default();
        // Earlier by its filing date only (--us-filed): say so.
        if let (Some(c), Some(p), Some(f)) = (r.cutoff, h.pub_date, h.filing_date)
            && p >= c
        {
            date.push_str(&format!(" (filed {f})"));
        }
        let _ = write!(
            s,
            "\n{:>3}. {}  {}  score {:.3}",
            h.rank, h.number, date, h.score
        );
        if let Some(c) = &h.class_match {
            let _ = write!(s, "  class {c} +{:.0}%", h.class_boost * 100.0);
        }
        if !h.cited_by.is_empty() {
            let _ = write!(s, "  cited by {} top hit(s)", h.cited_by.len());
        }
        let _ = writeln!(s);
        if !h.title.is_empty() {
            let _ = writeln!(s, "     {}", h.title);
        }
        if let Some(e) = &h.evidence {
            let _ = writeln!(
                s,
                "     {}: {}",
                e.passage,
                excerpt(&e.text, &e.shared, 220)
            );
            if !e.shared.is_empty() {
                let _ = writeln!(
                    s,
                    "     shares: {} ({} key terms in the whole document)",
                    e.shared.join(", "),
                    e.document_shares
                );
            }
        }
    }
    s
}

fn write_csv(r: &PriorArt, out: &mut dyn Write) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "rank",
        "number",
        "pub_date",
        "filing_date",
        "score",
        "text_score",
        "class_match",
        "class_boost",
        "cited_by",
        "citation_boost",
        "title",
        "passage",
        "shared",
        "passage_text",
    ])?;
    for h in &r.hits {
        let (passage, shared, text) = match &h.evidence {
            Some(e) => (e.passage.clone(), e.shared.join("; "), e.text.clone()),
            None => Default::default(),
        };
        w.write_record([
            h.rank.to_string(),
            h.number.clone(),
            h.pub_date.map(|d| d.to_string()).unwrap_or_default(),
            h.filing_date.map(|d| d.to_string()).unwrap_or_default(),
            format!("{:.4}", h.score),
            format!("{:.4}", h.text_score),
            h.class_match.clone().unwrap_or_default(),
            format!("{:.2}", h.class_boost),
            h.cited_by.join(" "),
            format!("{:.4}", h.citation_boost),
            h.title.clone(),
            passage,
            shared,
            text,
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// What `patdex eval` was asked.
pub struct EvalArgs {
    pub from_citations: bool,
    pub topics: Vec<PathBuf>,
    pub qrels: Vec<PathBuf>,
    pub cited_by: CitedBy,
    pub cutoff: topics::Cutoff,
    pub configs: Vec<String>,
    pub depth: usize,
    pub run: Option<PathBuf>,
    pub write_qrels: Option<PathBuf>,
    pub tuning: Tuning,
    pub json: bool,
}

pub(super) fn eval(layout: &Layout, a: EvalArgs, out: &mut dyn Write) -> Result<u8, Failure> {
    let mut configs = Vec::new();
    for c in &a.configs {
        configs.push(config_named(c)?);
    }
    if configs.is_empty() {
        configs = CONFIGS.to_vec();
    }
    if a.depth == 0 || a.depth > MAX_LIMIT {
        return Err(usage(format!(
            "--depth must be between 1 and {MAX_LIMIT} (got {})",
            a.depth
        )));
    }
    let base = a.tuning.options()?;
    let reader = IndexReader::open(layout)?;
    let (topics, spelling, found): (Vec<Topic>, _, Option<topics::TopicStats>) =
        match (a.from_citations, a.qrels.is_empty()) {
            (true, true) => {
                let (t, st) =
                    topics::citation_topics(&reader, a.cited_by, a.cutoff, base.us_filed)?;
                (t, Default::default(), Some(st))
            }
            (false, false) => {
                let (t, sp, st) =
                    topics::file_topics(&reader, &a.topics, &a.qrels, a.cutoff, base.us_filed)?;
                (t, sp, Some(st))
            }
            _ => {
                return Err(usage(
                "say where the topics come from: --from-citations, or --topics FILE --qrels FILE"
                    .into(),
            ));
            }
        };
    if topics.is_empty() {
        return Err(Failure {
            code: 1,
            message: format!(
                "no topics: no grant in {} cites another document of the index published before its priority date{}",
                layout.root.display(),
                if a.cited_by == CitedBy::Examiner {
                    " (examiner citations only; try --cited-by any)"
                } else {
                    ""
                }
            ),
            bare: false,
        });
    }
    if let Some(p) = &a.write_qrels {
        let mut s = String::new();
        for t in &topics {
            for d in &t.relevant {
                let d = spelling.get(d).unwrap_or(d);
                s.push_str(&format!("{} 0 {d} 1\n", t.id));
            }
        }
        std::fs::write(p, s)
            .map_err(|e| usage(format!("cannot write the qrels {}: {e}", p.display())))?;
    }
    let mut run_file = match &a.run {
        Some(p) => Some(std::io::BufWriter::new(std::fs::File::create(p).map_err(
            |e| usage(format!("cannot write the run file {}: {e}", p.display())),
        )?)),
        None => None,
    };
    let report = topics::evaluate(
        &reader,
        &topics,
        &configs,
        &base,
        a.depth,
        &spelling,
        run_file.as_mut().map(|w| w as &mut dyn Write),
    )?;
    if let Some(mut w) = run_file {
        w.flush()?;
    }
    if a.json {
        let v = serde_json::json!({ "topic_sources": found, "report": report });
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
    } else {
        if let Some(st) = &found {
            let mut line = if a.from_citations {
                format!(
                    "topics: {} grants cite documents of the index; {} topics with {} judgments",
                    st.citing_documents, st.topics, st.judgments
                )
            } else {
                format!("topics: {} with {} judgments", st.topics, st.judgments)
            };
            let mut notes = Vec::new();
            if st.dropped_after_cutoff > 0 {
                notes.push(format!(
                    "{} judged documents dropped as published{} on or after the topic's cut-off",
                    st.dropped_after_cutoff,
                    if base.us_filed { " (US: filed)" } else { "" }
                ));
            }
            if st.dropped_family > 0 {
                notes.push(format!("{} as family", st.dropped_family));
            }
            if st.missing_topics > 0 {
                notes.push(format!(
                    "{} judged topics are not documents of the index",
                    st.missing_topics
                ));
            }
            if st.judged_not_in_index > 0 {
                notes.push(format!(
                    "{} judged documents are not in the index",
                    st.judged_not_in_index
                ));
            }
            if !notes.is_empty() {
                line.push_str(&format!(" ({})", notes.join("; ")));
            }
            writeln!(out, "{line}")?;
        }
        let mut t = Table::new();
        t.load_style(UTF8_BORDERS_ONLY)
            .set_content_arrangement(ContentArrangement::Disabled)
            .set_header([
                "config", "P@10", "R@10", "R@100", "MAP", "PRES@100", "nDCG@10", "MRR", "ms/topic",
            ]);
        for r in &report.results {
            let m = &r.mean;
            // `+ 0.0` turns a negative zero (from summing nothing) into 0.
            let f = |v: f64| format!("{:.3}", v + 0.0);
            t.add_row([
                r.name.clone(),
                f(m.p_10),
                f(m.recall_10),
                f(m.recall_100),
                f(m.ap),
                f(m.pres_100),
                f(m.ndcg_10),
                f(m.rr),
                format!("{:.1}", r.median_ms),
            ]);
        }
        writeln!(out, "{t}")?;
        writeln!(
            out,
            "ranked to depth {}; judgments and results end at each topic's cut-off{}",
            report.depth,
            if base.us_filed {
                " (US documents: at their filing date)"
            } else {
                ""
            }
        )?;
        if let (Some(p), Some((name, _))) = (&a.run, configs.last()) {
            writeln!(out, "run file ({name}): {}", p.display())?;
        }
    }
    let late: usize = report.results.iter().map(|r| r.late).sum();
    if late > 0 {
        return Err(Failure {
            code: 2,
            message: format!(
                "{late} ranked documents were published after their topic's cut-off (a bug; please report it)"
            ),
            bare: false,
        });
    }
    Ok(0)
}
