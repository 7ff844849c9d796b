//! Records exported from other patent databases (The Lens, Google Patents, PatSnap, or any
//! spreadsheet a user keeps): one record per row or element, named fields, no full text.
//!
//! A [`Mapping`] is the one declarative place that says which field of a record becomes which
//! part of the [`Patent`]. The built-in mappings are the TOML files next to this module
//! (`records/lens.toml`, `google.toml`, `patsnap.toml`), written in the very format a user
//! writes for an export of their own (`patdex ingest --records export.csv --map mine.toml`), so
//! they double as examples.
//!
//! Delimited files reach this module one row at a time: the source layer cuts a CSV or TSV
//! file into rows and hands each on as a two-line CSV (header, row), which is also what a
//! quarantined row looks like on disk.

use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{ParseError, Parsed};
use crate::model::{
    Block, Citation, Claim, Classification, DocId, DocKind, DocType, Party, Patent, Priority,
    Related,
};
use crate::number::PubNumber;

/// How the fields of one export layout become a [`Patent`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// Short name; records read with it have the format `{name}-export`.
    pub name: String,
    /// Header columns whose presence identifies the layout, so a file is recognised without
    /// `--map` (built-in mappings).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub detect: Vec<String>,
    /// Field delimiter of a delimited file (`","`, `";"` or `"\t"`); by default `.tsv` files
    /// are tab-separated and others read with whichever delimiter gives the header and the
    /// first rows the same number of fields.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delimiter: Option<String>,
    /// Separator between the values of a list column (`;;` in Lens exports).
    #[serde(default = "default_list_separator")]
    pub list_separator: String,
    /// Separators of single columns that differ from `list_separator`, by column name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub separators: BTreeMap<String, String>,
    /// How people's names are written.
    #[serde(default)]
    pub person_names: NameOrder,
    pub columns: Columns,
}

fn default_list_separator() -> String {
    ";".into()
}

/// How a person's name is written in an export.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NameOrder {
    /// `Jane Q. Doe`.
    #[default]
    AsWritten,
    /// `DOE, JANE Q.`
    LastFirst,
}

/// Which column holds each part of the record; parts without a column are missing from every
/// record, and the records say so (`Patent::lacks`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Columns {
    /// The publication number in any usual spelling (`US 7,654,321 B2`, `US-7654321-B2`,
    /// `EP1918441A1`). Required.
    pub number: String,
    /// Kind code, used when the number has none.
    pub kind: Option<String>,
    /// Office code, used when the number has none.
    pub country: Option<String>,
    pub title: Option<String>,
    #[serde(rename = "abstract")]
    pub abstract_text: Option<String>,
    /// Claims text; numbered claims (`1. … 2. …`) become separate claims.
    pub claims: Option<String>,
    /// Description text; lines become paragraphs.
    pub description: Option<String>,
    pub publication_date: Option<String>,
    pub filing_date: Option<String>,
    /// Earliest priority date; without it, the earliest of the priority claims and the filing.
    pub priority_date: Option<String>,
    pub application_number: Option<String>,
    /// Priority application numbers (a list); countries and dates may be parallel lists.
    pub priority_numbers: Option<String>,
    pub priority_countries: Option<String>,
    pub priority_dates: Option<String>,
    pub applicants: Option<String>,
    pub assignees: Option<String>,
    /// `City, CC` per assignee, parallel to `assignees`.
    pub assignee_addresses: Option<String>,
    pub inventors: Option<String>,
    pub inventor_addresses: Option<String>,
    /// Examiner columns (primary, assistant).
    #[serde(default)]
    pub examiners: Vec<String>,
    pub agents: Option<String>,
    pub cpc: Option<String>,
    pub ipc: Option<String>,
    /// The main IPC symbol; without it, the first symbol is the main one.
    pub ipc_main: Option<String>,
    pub us_classes: Option<String>,
    /// Cited patent numbers (backward citations).
    pub citations: Option<String>,
    /// Cited non-patent literature, one reference per list value.
    pub npl_citations: Option<String>,
    /// Publication numbers of family members.
    pub family: Option<String>,
}

impl Columns {
    /// Every column the mapping names, for checking them against a file's header.
    pub fn all(&self) -> Vec<&str> {
        let optional = [
            &self.kind,
            &self.country,
            &self.title,
            &self.abstract_text,
            &self.claims,
            &self.description,
            &self.publication_date,
            &self.filing_date,
            &self.priority_date,
            &self.application_number,
            &self.priority_numbers,
            &self.priority_countries,
            &self.priority_dates,
            &self.applicants,
            &self.assignees,
            &self.assignee_addresses,
            &self.inventors,
            &self.inventor_addresses,
            &self.agents,
            &self.cpc,
            &self.ipc,
            &self.ipc_main,
            &self.us_classes,
            &self.citations,
            &self.npl_citations,
            &self.family,
        ];
        std::iter::once(self.number.as_str())
            .chain(optional.into_iter().flatten().map(String::as_str))
            .chain(self.examiners.iter().map(String::as_str))
            .collect()
    }
}

static BUILTIN: LazyLock<Vec<Mapping>> = LazyLock::new(|| {
    [
        include_str!("records/lens.toml"),
        include_str!("records/google.toml"),
        include_str!("records/patsnap.toml"),
    ]
    .iter()
    .map(|t| Mapping::from_toml(t).expect("built-in mappings are valid"))
    .collect()
});

/// One record: field values by column name. Names match without regard to case or
/// surrounding spaces, as spreadsheets are edited by hand.
#[derive(Debug, Default)]
pub struct Record {
    fields: HashMap<String, String>,
}

fn column_key(name: &str) -> String {
    name.trim().trim_start_matches('\u{feff}').to_lowercase()
}

impl Record {
    pub fn insert(&mut self, column: &str, value: String) {
        self.fields.insert(column_key(column), value);
    }

    /// The trimmed value of a column, `None` when absent or empty.
    pub fn get(&self, column: &str) -> Option<&str> {
        self.fields
            .get(&column_key(column))
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
    }
}

impl Mapping {
    /// The built-in mappings: `lens`, `google`, `patsnap`.
    pub fn builtins() -> &'static [Mapping] {
        &BUILTIN
    }

    pub fn builtin(name: &str) -> Option<&'static Mapping> {
        BUILTIN.iter().find(|m| m.name.eq_ignore_ascii_case(name))
    }

    /// Reads a mapping file's text.
    pub fn from_toml(text: &str) -> Result<Mapping, String> {
        let m: Mapping = toml::from_str(text).map_err(|e| e.to_string())?;
        if m.columns.number.trim().is_empty() {
            return Err("`columns.number` must name the column with publication numbers".into());
        }
        if m.list_separator.is_empty() || m.separators.values().any(String::is_empty) {
            return Err("list separators must not be empty".into());
        }
        m.delimiter_byte()?;
        Ok(m)
    }

    /// The built-in mapping whose `detect` columns are all in `header`.
    pub fn detect(header: &[String]) -> Option<&'static Mapping> {
        let have: Vec<String> = header.iter().map(|h| column_key(h)).collect();
        BUILTIN.iter().find(|m| {
            !m.detect.is_empty() && m.detect.iter().all(|d| have.contains(&column_key(d)))
        })
    }

    /// Columns the mapping names that `header` does not have.
    pub fn missing_columns<'a>(&'a self, header: &[String]) -> Vec<&'a str> {
        let have: Vec<String> = header.iter().map(|h| column_key(h)).collect();
        let mut missing: Vec<&str> = self
            .columns
            .all()
            .into_iter()
            .filter(|c| !have.contains(&column_key(c)))
            .collect();
        missing.dedup();
        missing
    }

    /// The configured field delimiter as a byte, `None` to decide from the file.
    pub fn delimiter_byte(&self) -> Result<Option<u8>, String> {
        match self.delimiter.as_deref() {
            None => Ok(None),
            Some(",") => Ok(Some(b',')),
            Some(";") => Ok(Some(b';')),
            Some("\t") | Some("\\t") | Some("tab") => Ok(Some(b'\t')),
            Some(other) => Err(format!(
                "`delimiter` must be \",\", \";\" or \"\\t\", not {other:?}"
            )),
        }
    }

    /// The `format` of records read with this mapping.
    pub fn format(&self) -> String {
        format!("{}-export", self.name)
    }

    fn separator(&self, column: &str) -> &str {
        self.separators
            .get(column)
            .map_or(self.list_separator.as_str(), String::as_str)
    }

    /// The values of a list column, split on its separator. A value that is only a corporate
    /// suffix joins the one before it: in `ElectroCore, LLC` the comma separates nothing.
    fn list<'r>(&self, r: &'r Record, column: &Option<String>) -> Vec<&'r str> {
        let Some(column) = column else {
            return Vec::new();
        };
        let Some(value) = r.get(column) else {
            return Vec::new();
        };
        let sep = self.separator(column);
        let mut out: Vec<&'r str> = Vec::new();
        // Where the name being built starts, so a suffix can extend it in place.
        let mut start = None;
        for piece in value.split(sep) {
            let begin = piece.as_ptr() as usize - value.as_ptr() as usize;
            let t = piece.trim();
            if t.is_empty() {
                continue;
            }
            match (start, out.last_mut()) {
                (Some(s), Some(last)) if is_corporate_suffix(t) => {
                    *last = value[s..begin + piece.len()].trim();
                }
                _ => {
                    out.push(t);
                    start = Some(begin);
                }
            }
        }
        out
    }

    fn one<'r>(&self, r: &'r Record, column: &Option<String>) -> Option<&'r str> {
        column.as_deref().and_then(|c| r.get(c))
    }

    fn person(&self, s: &str) -> Party {
        match self.person_names {
            // `BRASE, CRAIG, S.`: the initials after a second comma belong to the first name;
            // `ACME, INC.` is a company.
            NameOrder::LastFirst => match s.split_once(", ") {
                Some((last, first)) if !is_corporate_suffix(first) => {
                    let first = first.replace(", ", " ");
                    Party {
                        name: format!("{first} {last}"),
                        first_name: first,
                        last_name: last.to_string(),
                        ..Party::default()
                    }
                }
                _ => organisation(s),
            },
            NameOrder::AsWritten => organisation(s),
        }
    }

    /// The record as a [`Patent`]. Fails only without a readable publication number.
    pub fn to_patent(&self, r: &Record) -> Result<Patent, ParseError> {
        let c = &self.columns;
        let mut number = self.number(r)?;
        if number.kind.is_empty()
            && let Some(k) = self.one(r, &c.kind)
        {
            number.kind = k.to_ascii_uppercase();
        }
        let kind = if is_grant(&number) {
            DocKind::Grant
        } else {
            DocKind::Application
        };
        let doc_type = DocType::of_number(&number);
        let mut p = Patent::new(number, kind);
        p.doc_type = doc_type;
        p.format = self.format();
        p.lang = "en".into();
        p.pub_date = date(self.one(r, &c.publication_date));
        p.title = self.one(r, &c.title).unwrap_or_default().to_string();
        p.abstract_text = self
            .one(r, &c.abstract_text)
            .unwrap_or_default()
            .to_string();
        if let Some(text) = self.one(r, &c.claims) {
            p.claims = claims(text);
        }
        if let Some(text) = self.one(r, &c.description) {
            p.description = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|l| Block::Paragraph {
                    text: l.to_string(),
                })
                .collect();
        }
        if let Some(a) = self.one(r, &c.application_number) {
            let (country, number) = application_number(a);
            p.application.country = country;
            p.application.number = number;
        }
        p.application.filing_date = date(self.one(r, &c.filing_date));

        let countries = self.list(r, &c.priority_countries);
        let dates = self.list(r, &c.priority_dates);
        for (i, n) in self.list(r, &c.priority_numbers).into_iter().enumerate() {
            let (cc, number) = match countries.get(i) {
                Some(cc) => (cc.to_string(), n.to_string()),
                None => application_number(n),
            };
            p.priority_claims.push(Priority {
                country: cc,
                number,
                date: date(dates.get(i).copied()),
                kind: String::new(),
            });
        }
        p.priority_date = p
            .priority_claims
            .iter()
            .filter_map(|c| c.date)
            .chain(date(self.one(r, &c.priority_date)))
            .chain(p.application.filing_date)
            .min();

        let main = self.one(r, &c.ipc_main).and_then(normalize_class);
        for (i, s) in self
            .list(r, &c.ipc)
            .into_iter()
            .filter_map(normalize_class)
            .enumerate()
        {
            let is_main = main.as_ref().map_or(i == 0, |m| *m == s);
            p.ipc.push(Classification {
                symbol: s,
                value: String::new(),
                main: is_main,
            });
        }
        for (i, s) in self
            .list(r, &c.cpc)
            .into_iter()
            .filter_map(normalize_class)
            .enumerate()
        {
            p.cpc.push(Classification {
                symbol: s,
                value: String::new(),
                main: i == 0,
            });
        }
        p.us_classes = self
            .list(r, &c.us_classes)
            .into_iter()
            .map(String::from)
            .collect();

        p.applicants = self
            .list(r, &c.applicants)
            .into_iter()
            .map(organisation)
            .collect();
        let addresses = self.list(r, &c.assignee_addresses);
        for (i, a) in self.list(r, &c.assignees).into_iter().enumerate() {
            let mut party = organisation(a);
            address(&mut party, addresses.get(i));
            p.assignees.push(party);
        }
        let addresses = self.list(r, &c.inventor_addresses);
        for (i, a) in self.list(r, &c.inventors).into_iter().enumerate() {
            let mut party = self.person(a);
            address(&mut party, addresses.get(i));
            p.inventors.push(party);
        }
        for column in &c.examiners {
            for e in self.list(r, &Some(column.clone())) {
                p.examiners.push(self.person(e));
            }
        }
        p.agents = self
            .list(r, &c.agents)
            .into_iter()
            .map(organisation)
            .collect();

        for cited in self.list(r, &c.citations) {
            if let Ok(n) = number_of(cited) {
                p.citations.push(Citation::Patent {
                    id: doc_id(&n),
                    name: String::new(),
                    category: String::new(),
                });
            }
        }
        for text in self.list(r, &c.npl_citations) {
            p.citations.push(Citation::Npl {
                text: text.to_string(),
                category: String::new(),
            });
        }
        for m in self.list(r, &c.family) {
            if let Ok(n) = number_of(m)
                && n.key() != p.number.key()
            {
                p.related.push(Related {
                    relation: "family-member".into(),
                    role: String::new(),
                    id: doc_id(&n),
                    status: String::new(),
                });
            }
        }
        for (part, present) in [
            ("abstract", !p.abstract_text.is_empty()),
            ("claims", !p.claims.is_empty()),
            ("description", !p.description.is_empty()),
        ] {
            if !present {
                p.lacks.push(part.to_string());
            }
        }
        Ok(p)
    }

    fn number(&self, r: &Record) -> Result<PubNumber, ParseError> {
        let c = &self.columns;
        let raw = r
            .get(&c.number)
            .ok_or_else(|| ParseError::Number(format!("the record has no `{}` value", c.number)))?;
        // A bare number takes its office from the country column.
        let raw = match self.one(r, &c.country) {
            Some(cc) if raw.starts_with(|ch: char| ch.is_ascii_digit()) => format!("{cc}{raw}"),
            _ => raw.to_string(),
        };
        number_of(&raw).map_err(|e| ParseError::Number(e.to_string()))
    }
}

/// Reads one row handed on by the source layer: a two-line CSV of header and row.
pub fn parse_row(mapping: &Mapping, bytes: &[u8]) -> Result<Parsed, ParseError> {
    let rows = csv_rows(bytes)?;
    let (header, row) = match rows.as_slice() {
        [header, row, ..] => (header, row),
        _ => return Err(ParseError::Record("the row is empty".into())),
    };
    let mut record = Record::default();
    for (name, value) in header.iter().zip(row) {
        record.insert(name, value.clone());
    }
    mapping
        .to_patent(&record)
        .map(|p| Parsed::Patent(Box::new(p)))
}

thread_local! {
    /// One CSV state machine per parser thread, reset for each row: building one (what
    /// `csv::Reader` does per reader) cost a third of a row's parse time.
    static CSV: std::cell::RefCell<csv_core::Reader> =
        std::cell::RefCell::new(csv_core::Reader::new());
}

/// The records of a small comma-separated text, as strings.
fn csv_rows(bytes: &[u8]) -> Result<Vec<Vec<String>>, ParseError> {
    use csv_core::ReadRecordResult;
    CSV.with(|core| {
        let mut core = core.borrow_mut();
        core.reset();
        // Unquoting only shortens, so a record never needs more room than the whole input.
        let mut out = vec![0u8; bytes.len() + 1];
        let mut ends = vec![0usize; bytes.len() + 1];
        let (mut input, mut outlen, mut endlen) = (bytes, 0, 0);
        let mut rows = Vec::new();
        loop {
            let (res, nin, nout, nend) =
                core.read_record(input, &mut out[outlen..], &mut ends[endlen..]);
            input = &input[nin..];
            outlen += nout;
            endlen += nend;
            match res {
                // The next call, with no input left, ends the last record.
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull | ReadRecordResult::OutputEndsFull => {
                    return Err(ParseError::Record("a field is longer than the row".into()));
                }
                ReadRecordResult::Record => {
                    let mut fields = Vec::with_capacity(endlen);
                    let mut start = 0;
                    for &end in &ends[..endlen] {
                        let field = std::str::from_utf8(&out[start..end]).map_err(|_| {
                            ParseError::Record(
                                "the row is not UTF-8 text (save the export as UTF-8 CSV)".into(),
                            )
                        })?;
                        fields.push(field.to_string());
                        start = end;
                    }
                    rows.push(fields);
                    (outlen, endlen) = (0, 0);
                }
                ReadRecordResult::End => return Ok(rows),
            }
        }
    })
}

/// A publication number as exports write it. PatSnap writes reissues `USR40734`, which the
/// USPTO writes `RE40734`.
pub fn number_of(raw: &str) -> Result<PubNumber, crate::number::NumberError> {
    let raw = raw.trim();
    match raw.strip_prefix("USR") {
        Some(d) if d.starts_with(|c: char| c.is_ascii_digit()) => format!("USRE{d}").parse(),
        _ => raw.parse(),
    }
}

/// Whether a publication of `country` with `kind` is a grant: B and C kinds are, so are old US
/// `A` grants (before 2001 US grants were kind A), designs, plants and reissues.
pub fn is_grant(n: &PubNumber) -> bool {
    let k = n.kind.as_str();
    if n.country == "US" {
        return match k {
            "A1" | "A2" | "A9" => false,
            "" => !n.is_application_number(),
            _ => true,
        };
    }
    matches!(k.as_bytes().first(), Some(b'B' | b'C'))
}

fn doc_id(n: &PubNumber) -> DocId {
    DocId {
        country: n.country.clone(),
        number: n.number.clone(),
        kind: n.kind.clone(),
        date: String::new(),
    }
}

/// An application number as exports write it, as office and number. The Lens writes
/// `US 201715812345 A` (office, filing year, serial, kind); the USPTO's own XML has the serial
/// `15812345`, and only that spelling meets the same application in full-text documents (family
/// keys, continuity), so a US number of a year and eight digits keeps the eight. Numbers
/// without an office keep it empty.
pub fn application_number(s: &str) -> (String, String) {
    let s = s.trim();
    let letters = s.bytes().take_while(u8::is_ascii_alphabetic).count();
    let (country, rest) = if letters == 2 {
        (&s[..2], s[2..].trim())
    } else {
        ("", s)
    };
    // A trailing kind (`A`, `P`, `W`) after a space is not part of the number.
    let rest = match rest.rsplit_once(' ') {
        Some((num, kind))
            if kind.len() <= 2 && kind.starts_with(|c: char| c.is_ascii_alphabetic()) =>
        {
            num
        }
        _ => rest,
    };
    let compact: String = rest
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, ',' | '/'))
        .collect();
    let year_serial = compact.len() == 12
        && compact.bytes().all(|b| b.is_ascii_digit())
        && (compact.starts_with("19") || compact.starts_with("20"));
    let number = if country.eq_ignore_ascii_case("US") && year_serial {
        compact[4..].to_string()
    } else {
        compact
    };
    (country.to_ascii_uppercase(), number)
}

/// Dates as exports write them: `2019-05-22`, `20190522`, `2019/05/22`, `2019.05.22`. Years
/// before the first US patent (1790) or after 2100 are typos in the export (a priority date of
/// `0200-11-28` occurs in a real one) and are dropped.
fn date(s: Option<&str>) -> Option<Date> {
    let s = s?.trim();
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    let separated = s.chars().filter(|c| matches!(c, '-' | '/' | '.')).count();
    if digits.len() != 8 || !(separated == 0 || separated == 2) || s.len() != 8 + separated {
        return None;
    }
    let (y, m, d) = (&digits[..4], &digits[4..6], &digits[6..]);
    let date = Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()?;
    (1790..=2100).contains(&date.year()).then_some(date)
}

fn normalize_class(s: &str) -> Option<String> {
    super::uspto::normalize_ipc_text(s)
}

fn organisation(s: &str) -> Party {
    Party {
        name: s.to_string(),
        ..Party::default()
    }
}

/// `Mumbai, IN` → city and country.
fn address(p: &mut Party, s: Option<&&str>) {
    if let Some(s) = s
        && let Some((city, cc)) = s.rsplit_once(", ")
    {
        p.city = city.to_string();
        p.country = cc.to_string();
    }
}

/// Legal-form words that end a company name; a list value that is only one of these belongs to
/// the name before it.
const CORPORATE_SUFFIXES: &[&str] = &[
    "ab",
    "ag",
    "bv",
    "co",
    "company",
    "corp",
    "corporation",
    "gmbh",
    "inc",
    "incorporated",
    "kg",
    "kk",
    "limited",
    "llc",
    "llp",
    "lp",
    "ltd",
    "nv",
    "oy",
    "plc",
    "sa",
    "sas",
    "spa",
    "srl",
];

fn is_corporate_suffix(s: &str) -> bool {
    let word: String = s
        .chars()
        .filter(|c| !matches!(c, '.' | ' '))
        .collect::<String>()
        .to_lowercase();
    CORPORATE_SUFFIXES.binary_search(&word.as_str()).is_ok()
}

/// Claims text as one string: numbered claims (`1. A widget … 2. The widget of claim 1 …`)
/// become separate claims. Only the next number in sequence starts a claim, so `1.5 mm` or a
/// list inside a claim does not.
fn claims(text: &str) -> Vec<Claim> {
    let text = text.trim();
    let starts_numbered = text.starts_with("1.") || text.starts_with("1 .");
    if !starts_numbered {
        return vec![claim(1, text)];
    }
    let mut out = Vec::new();
    let mut rest = text;
    let mut n = 1u32;
    loop {
        let body = rest
            .strip_prefix(&format!("{n}."))
            .or_else(|| rest.strip_prefix(&format!("{n} .")))
            .unwrap_or(rest);
        // The next number after whitespace and before whitespace; where several qualify
        // (`… and 2. a lid. 2. The widget …`), the one after a sentence's end.
        let next = format!("{}.", n + 1);
        let candidates: Vec<usize> = body
            .match_indices(&next)
            .map(|(i, _)| i)
            .filter(|&i| {
                body[..i].ends_with(char::is_whitespace)
                    && body[i + next.len()..].starts_with(char::is_whitespace)
            })
            .collect();
        let end = candidates
            .iter()
            .copied()
            .find(|&i| body[..i].trim_end().ends_with(['.', ';']))
            .or(candidates.first().copied());
        match end {
            Some(i) => {
                out.push(claim(n, &body[..i]));
                rest = &body[i..];
                n += 1;
            }
            None => {
                out.push(claim(n, body));
                return out;
            }
        }
    }
}

fn claim(number: u32, text: &str) -> Claim {
    let text = text.trim().to_string();
    let lower = text.to_lowercase();
    let refers_to: Vec<u32> = lower
        .match_indices("claim ")
        .filter_map(|(i, m)| {
            let digits: String = lower[i + m.len()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            digits.parse().ok()
        })
        .filter(|&r| r < number)
        .collect();
    Claim {
        number,
        dependent: !refers_to.is_empty(),
        refers_to,
        text,
        lang: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(pairs: &[(&str, &str)]) -> Record {
        let mut r = Record::default();
        for (k, v) in pairs {
            r.insert(k, v.to_string());
        }
        r
    }

    #[test]
    fn builtins_load_and_suffixes_are_sorted() {
        let names: Vec<&str> = Mapping::builtins()
            .iter()
            .map(|m| m.name.as_str())
            .collect();
        assert_eq!(names, ["lens", "google", "patsnap"]);
        assert!(CORPORATE_SUFFIXES.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn a_comma_before_a_corporate_suffix_separates_nothing() {
        let google = Mapping::builtin("google").unwrap();
        let r = record(&[
            ("id", "US-9254383-B2"),
            (
                "assignee",
                "ElectroCore, LLC, Samsung Electronics Co., Ltd.",
            ),
            ("inventor/author", "Bruce J. Simon, Joseph P. Errico"),
        ]);
        let p = google.to_patent(&r).unwrap();
        let names = |v: &[Party]| v.iter().map(|p| p.name.clone()).collect::<Vec<_>>();
        assert_eq!(
            names(&p.assignees),
            ["ElectroCore, LLC", "Samsung Electronics Co., Ltd."]
        );
        assert_eq!(names(&p.inventors), ["Bruce J. Simon", "Joseph P. Errico"]);
        assert_eq!(p.number.to_string(), "US9254383B2");
        assert_eq!(p.lacks, ["abstract", "claims", "description"]);
    }

    #[test]
    fn rows_read_back_as_the_source_layer_writes_them() {
        let rows = csv_rows(b"No,Title\nEP1,\"A \"\"lid\"\", round\"\n").unwrap();
        assert_eq!(rows, [vec!["No", "Title"], vec!["EP1", "A \"lid\", round"]]);
        // Without a final line break, and a second time on the same thread.
        assert_eq!(
            csv_rows(b"a,b\n1,").unwrap(),
            [vec!["a", "b"], vec!["1", ""]]
        );
        assert!(matches!(
            csv_rows(b"a\n\xff"),
            Err(ParseError::Record(m)) if m.contains("UTF-8")
        ));
        let m = Mapping::builtin("google").unwrap();
        assert!(matches!(
            parse_row(m, b"id,title\n"),
            Err(ParseError::Record(_))
        ));
    }

    #[test]
    fn application_numbers_meet_the_uspto_spelling() {
        let a = |s: &str| application_number(s);
        assert_eq!(a("US 201715812345 A"), ("US".into(), "15812345".into()));
        assert_eq!(a("US 201662422111 P"), ("US".into(), "62422111".into()));
        assert_eq!(a("US07123456"), ("US".into(), "07123456".into()));
        assert_eq!(a("US 13/349,377"), ("US".into(), "13349377".into()));
        assert_eq!(a("EP 18190001 A"), ("EP".into(), "18190001".into()));
        assert_eq!(a("DE 102017214321 A"), ("DE".into(), "102017214321".into()));
        assert_eq!(a("15812345"), ("".into(), "15812345".into()));
    }

    #[test]
    fn dates_in_the_usual_spellings() {
        for s in ["2019-05-22", "20190522", "2019/05/22", "2019.05.22"] {
            assert_eq!(date(Some(s)).unwrap().to_string(), "2019-05-22", "{s}");
        }
        for s in [
            "",
            "22/05/2019",
            "2019-5-22",
            "0200-11-28",
            "2019-13-01",
            "2019-05-22x",
        ] {
            assert_eq!(date(Some(s)), None, "{s}");
        }
    }

    #[test]
    fn numbered_claims_split_only_in_sequence() {
        let c = claims(
            "1. A widget having a 1.5 mm rim and 2. a lid. 2. The widget of claim 1, wherein 3 parts. 3. The widget of claim 2.",
        );
        assert_eq!(c.len(), 3, "{c:?}");
        assert_eq!(c[0].text, "A widget having a 1.5 mm rim and 2. a lid.");
        assert_eq!(c[1].text, "The widget of claim 1, wherein 3 parts.");
        assert_eq!(c[1].refers_to, [1]);
        assert_eq!(c[2].refers_to, [2]);
        assert!(c[2].dependent && !c[0].dependent);
        assert_eq!(claims("A widget.").len(), 1);
    }

    #[test]
    fn bare_numbers_take_the_country_column_and_kinds_by_office() {
        let m = Mapping::from_toml(
            "name = \"t\"\n[columns]\nnumber = \"No\"\ncountry = \"CC\"\nkind = \"K\"\n",
        )
        .unwrap();
        let p = m
            .to_patent(&record(&[("No", "1918441"), ("CC", "EP"), ("K", "a1")]))
            .unwrap();
        assert_eq!(p.number.to_string(), "EP1918441A1");
        assert_eq!(p.kind, DocKind::Application);
        let patsnap = Mapping::builtin("patsnap").unwrap();
        let p = patsnap
            .to_patent(&record(&[
                ("Patent Number", "US5000001"),
                ("Inventor(s)", "BRASE, CRAIG, S. | ACME, INC."),
            ]))
            .unwrap();
        assert_eq!(p.inventors[0].name, "CRAIG S. BRASE");
        assert_eq!(p.inventors[0].last_name, "BRASE");
        assert_eq!(p.inventors[1].name, "ACME, INC.");
        let n = |s: &str| number_of(s).unwrap();
        assert!(is_grant(&n("US5295373")));
        assert!(!is_grant(&n("US20030106855")));
        assert!(is_grant(&n("EP0049154B2")));
        assert!(!is_grant(&n("WO2011066805A1")));
        assert_eq!(n("USR40734").to_string(), "USRE40734");
        assert!(m.to_patent(&record(&[("CC", "EP")])).is_err());
    }

    #[test]
    fn mapping_files_are_checked() {
        assert!(Mapping::from_toml("name = \"x\"\n[columns]\ntitle = \"T\"\n").is_err());
        let e = Mapping::from_toml("name = \"x\"\n[columns]\nnumber = \"N\"\ntitel = \"T\"\n")
            .unwrap_err();
        assert!(e.contains("titel"), "{e}");
        assert!(
            Mapping::from_toml("name = \"x\"\ndelimiter = \"|\"\n[columns]\nnumber = \"N\"\n")
                .is_err()
        );
    }
}
