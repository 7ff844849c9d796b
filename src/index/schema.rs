//! The doc mapper: the one place that says how a [`Patent`] becomes index fields.
//!
//! Each entry of [`FIELDS`] names a field, its type and options, what it is for, and how its
//! values are taken from a `Patent`. The schema and the document builder are both derived from
//! this table, so adding a field is one entry here (and, to query it, a name in the query
//! language's field table).

use std::borrow::Cow;
use std::sync::OnceLock;

use jiff::civil::Date;
use tantivy::schema::{
    DateOptions, Field, INDEXED, IndexRecordOption, STORED, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::{DateTime, TantivyDocument};

use crate::model::{Citation, Party, Patent};

/// Bumped whenever the mapping changes in a way that needs `patdex rebuild`.
pub const SCHEMA_VERSION: u32 = 8;

/// How a field is indexed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Words with positions and sentence/paragraph marks (see `index::text`); one value per
    /// paragraph.
    Text,
    /// One exact token per value (numbers, codes), fast for facets and counts.
    Keyword,
    /// A calendar date, fast and range-searchable.
    Date,
    /// An unsigned integer, fast.
    Number,
    /// The whole `Patent` as JSON, stored only.
    Stored,
}

/// One indexed field.
pub struct FieldSpec {
    pub name: &'static str,
    pub kind: Kind,
    /// What the field holds, for readers of this table.
    pub about: &'static str,
    pub extract: for<'a> fn(&'a Patent, &mut Values<'a>),
}

/// Values a field takes for one document. Texts borrow from the `Patent` where they can, so
/// building a document copies each text once (into tantivy's document).
#[derive(Default)]
pub struct Values<'a> {
    pub texts: Vec<Cow<'a, str>>,
    pub dates: Vec<Date>,
    pub numbers: Vec<u64>,
    pub bytes: Vec<Vec<u8>>,
}

impl<'a> Values<'a> {
    fn text(&mut self, s: impl Into<Cow<'a, str>>) {
        let s = s.into();
        if !s.is_empty() {
            self.texts.push(s);
        }
    }

    fn clear(&mut self) {
        self.texts.clear();
        self.dates.clear();
        self.numbers.clear();
        self.bytes.clear();
    }
}

fn party_names<'a>(parties: &'a [Party], v: &mut Values<'a>) {
    for p in parties {
        v.text(p.name.as_str());
    }
}

/// Who owns a document: its assignees, or its applicants when it names no assignee.
pub fn owners(p: &Patent) -> &[Party] {
    if p.assignees.is_empty() {
        &p.applicants
    } else {
        &p.assignees
    }
}

/// A CPC symbol as the `cpc` field indexes it (`h01m 10/052` → `H01M10/052`) at any level
/// (section, class, subclass, main group, full symbol), or `None` when it is none of them.
pub fn cpc_symbol(raw: &str) -> Option<String> {
    let s: String = raw
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    let levels = class_ancestors(&s);
    // A section, class or subclass is one of its own levels; a main group (`H01M10`) is a
    // subclass and digits; a full symbol has its main group as a level and a subgroup after `/`.
    let group = levels.len() == 3 && s.len() > 4 && s[4..].bytes().all(|b| b.is_ascii_digit());
    let full = levels.len() == 4
        && s.split_once('/').is_some_and(|(_, sub)| {
            !sub.is_empty() && sub.bytes().all(|b| b.is_ascii_alphanumeric())
        });
    (levels.contains(&s.as_str()) || group || full).then_some(s)
}

/// Indexes a classification symbol with every level above it, so that `cpc:H01M10` (main
/// group), `cpc:H01M` (subclass), `cpc:H01` (class) and `cpc:H` (section) are one term lookup each.
fn class_levels<'a>(symbol: &'a str, v: &mut Values<'a>) {
    for level in class_ancestors(symbol) {
        v.text(level);
    }
    v.text(symbol);
}

/// The section, class, subclass and main group of a symbol like `H01M10/0562`, as far as the
/// symbol is well formed.
pub fn class_ancestors(symbol: &str) -> Vec<&str> {
    let b = symbol.as_bytes();
    let mut out = Vec::new();
    if b.first().is_some_and(u8::is_ascii_uppercase) {
        out.push(&symbol[..1]);
    } else {
        return out;
    }
    if b.len() >= 3 && b[1..3].iter().all(u8::is_ascii_digit) {
        out.push(&symbol[..3]);
    } else {
        return out;
    }
    if b.get(3).is_some_and(u8::is_ascii_uppercase) {
        out.push(&symbol[..4]);
    } else {
        return out;
    }
    let digits = b[4..].iter().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 && b.get(4 + digits) == Some(&b'/') {
        out.push(&symbol[..4 + digits]);
    }
    out
}

/// The keys that tie a document to its family: its own application (`app:US13349377`) and
/// publication (`pub:US7654321`), the filings it names as related (parents, children,
/// provisionals, PCT, its earlier publication) and its priority claims. Two documents sharing a
/// key are one family, which prior-art search must not return for each other. Applications and
/// publications are kept apart because their number ranges overlap (application 10/971,298 and
/// patent 10,971,298 are different things). An office's own family id (DOCDB's) is `fid:`.
pub fn family_keys(p: &Patent) -> Vec<String> {
    fn app(cc: &str, number: &str) -> Option<String> {
        let digits: String = number
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_uppercase();
        let cc = cc.trim().to_ascii_uppercase();
        (!digits.is_empty()).then(|| format!("app:{cc}{digits}"))
    }
    fn publ(cc: &str, number: &str) -> Option<String> {
        crate::number::PubNumber::from_parts(cc, number, "")
            .ok()
            .map(|n| format!("pub:{}", n.key()))
    }
    let mut out = vec![format!("pub:{}", p.number.key())];
    let cc = if p.application.country.is_empty() {
        p.number.country.as_str()
    } else {
        p.application.country.as_str()
    };
    out.extend(app(cc, &p.application.number));
    for r in &p.related {
        let is_pub = r.role == "parent-grant"
            || r.relation == "related-publication"
            || r.relation == "family-member";
        let cc = if r.id.country.is_empty() {
            cc
        } else {
            r.id.country.as_str()
        };
        out.extend(if is_pub {
            publ(cc, &r.id.number)
        } else {
            app(cc, &r.id.number)
        });
    }
    for c in &p.priority_claims {
        out.extend(app(&c.country, &c.number));
    }
    if !p.family_id.trim().is_empty() {
        out.push(format!("fid:{}", p.family_id.trim()));
    }
    out.sort();
    out.dedup();
    out
}

/// The parts of a document a record can lack (the values of the `lacks` field, from
/// `Patent::lacks`), each with the text fields that hold it. The title is never missing, so a
/// search that reaches the title can match every record.
pub const PARTS: &[(&str, &[&str])] = &[
    ("abstract", &["abstract"]),
    ("claims", &["claims", "icl"]),
    ("description", &["description"]),
];

/// The part (a value of `lacks`) text field `field` belongs to, if a record can lack it.
pub fn part_of(field: &str) -> Option<&'static str> {
    PARTS
        .iter()
        .find(|(_, fields)| fields.contains(&field))
        .map(|(part, _)| *part)
}

/// The mapping. Order is irrelevant; names are what queries use.
pub static FIELDS: &[FieldSpec] = &[
    FieldSpec {
        name: "id",
        kind: Kind::Keyword,
        about: "canonical publication number with kind, e.g. US7654321B2 (the key)",
        extract: |p, v| v.text(p.number.to_string()),
    },
    FieldSpec {
        name: "src",
        kind: Kind::Keyword,
        about: "hash of the source document's bytes (model::source_hash), to tell corrections from re-reads",
        extract: |p, v| {
            if !p.source.hash.is_empty() {
                v.text(p.source.hash.clone())
            }
        },
    },
    FieldSpec {
        name: "num",
        kind: Kind::Keyword,
        about: "publication number without kind, e.g. US7654321",
        extract: |p, v| v.text(p.number.key()),
    },
    FieldSpec {
        name: "cc",
        kind: Kind::Keyword,
        about: "publishing office, e.g. US",
        extract: |p, v| v.text(p.number.country.as_str()),
    },
    FieldSpec {
        name: "kind",
        kind: Kind::Keyword,
        about: "grant or application",
        extract: |p, v| v.text(p.kind.as_str()),
    },
    FieldSpec {
        name: "type",
        kind: Kind::Keyword,
        about: "utility, design, plant, reissue, sir",
        extract: |p, v| v.text(p.doc_type.as_str()),
    },
    FieldSpec {
        name: "kc",
        kind: Kind::Keyword,
        about: "kind code, e.g. B2, A1, S1",
        extract: |p, v| v.text(p.number.kind.as_str()),
    },
    FieldSpec {
        name: "lang",
        kind: Kind::Keyword,
        about: "languages of the document's texts (ISO 639-1: en, de, fr, zh)",
        extract: |p, v| {
            let mut langs: Vec<&str> = std::iter::once(p.lang.as_str())
                .chain(p.other_titles.iter().map(|t| t.lang.as_str()))
                .chain(p.other_abstracts.iter().map(|t| t.lang.as_str()))
                .chain(p.claims.iter().map(|c| c.lang.as_str()))
                .filter(|l| !l.is_empty())
                .collect();
            langs.sort_unstable();
            langs.dedup();
            for l in langs {
                v.text(l.to_ascii_lowercase());
            }
        },
    },
    FieldSpec {
        name: "format",
        kind: Kind::Keyword,
        about: "source format and version, e.g. 'us-patent-grant v4.5'",
        extract: |p, v| v.text(p.format.as_str()),
    },
    FieldSpec {
        name: "title",
        kind: Kind::Text,
        about: "title, and the title in other languages (EP documents have three)",
        extract: |p, v| {
            v.text(p.title.as_str());
            for t in &p.other_titles {
                v.text(t.text.as_str());
            }
        },
    },
    FieldSpec {
        name: "abstract",
        kind: Kind::Text,
        about: "abstract, and the abstract in other languages",
        extract: |p, v| {
            v.text(p.abstract_text.as_str());
            for t in &p.other_abstracts {
                v.text(t.text.as_str());
            }
        },
    },
    FieldSpec {
        name: "claims",
        kind: Kind::Text,
        about: "all claims",
        extract: |p, v| {
            for c in &p.claims {
                v.text(c.text.as_str());
            }
        },
    },
    FieldSpec {
        name: "icl",
        kind: Kind::Text,
        about: "independent claims",
        extract: |p, v| {
            for c in p.claims.iter().filter(|c| !c.dependent) {
                v.text(c.text.as_str());
            }
        },
    },
    FieldSpec {
        name: "description",
        kind: Kind::Text,
        about: "description (headings and paragraphs)",
        extract: |p, v| {
            for b in &p.description {
                v.text(b.text());
            }
        },
    },
    FieldSpec {
        name: "assignee",
        kind: Kind::Text,
        about: "assignee names",
        extract: |p, v| party_names(&p.assignees, v),
    },
    FieldSpec {
        name: "applicant",
        kind: Kind::Text,
        about: "applicant names",
        extract: |p, v| party_names(&p.applicants, v),
    },
    FieldSpec {
        name: "owner",
        kind: Kind::Keyword,
        about: "assignee names as printed (applicants when there is none), for facets",
        extract: |p, v| {
            for a in owners(p) {
                v.text(a.name.trim());
            }
        },
    },
    FieldSpec {
        name: "ownerkind",
        kind: Kind::Keyword,
        about: "kinds of the owners: company, academic, government, individual (names::owner_kind)",
        extract: |p, v| {
            for a in owners(p) {
                v.text(crate::names::owner_kind(a, &p.inventors).as_str());
            }
        },
    },
    FieldSpec {
        name: "ownercc",
        kind: Kind::Keyword,
        about: "countries of the owners (a US state without a country is US), for trends",
        extract: |p, v| {
            for a in owners(p) {
                let cc = a.country.trim();
                if !cc.is_empty() {
                    v.text(cc.to_ascii_uppercase());
                } else if !a.state.trim().is_empty() {
                    v.text("US");
                }
            }
        },
    },
    FieldSpec {
        name: "inv",
        kind: Kind::Keyword,
        about: "inventor names as printed, for facets and trends",
        extract: |p, v| {
            for a in &p.inventors {
                v.text(a.name.trim());
            }
        },
    },
    FieldSpec {
        name: "inventor",
        kind: Kind::Text,
        about: "inventor names",
        extract: |p, v| party_names(&p.inventors, v),
    },
    FieldSpec {
        name: "examiner",
        kind: Kind::Text,
        about: "examiner names",
        extract: |p, v| party_names(&p.examiners, v),
    },
    FieldSpec {
        name: "agent",
        kind: Kind::Text,
        about: "agent / attorney names",
        extract: |p, v| party_names(&p.agents, v),
    },
    FieldSpec {
        name: "cpc",
        kind: Kind::Keyword,
        about: "CPC symbols, e.g. H01M10/0562, with their main group, subclass, class and section",
        extract: |p, v| {
            for c in &p.cpc {
                class_levels(&c.symbol, v);
            }
        },
    },
    FieldSpec {
        name: "ipc",
        kind: Kind::Keyword,
        about: "IPC symbols with their main group, subclass, class and section",
        extract: |p, v| {
            for c in &p.ipc {
                class_levels(&c.symbol, v);
            }
        },
    },
    FieldSpec {
        name: "uspc",
        kind: Kind::Keyword,
        about: "US classes, e.g. 428/690",
        extract: |p, v| {
            for c in &p.us_classes {
                v.text(c.as_str());
            }
        },
    },
    FieldSpec {
        name: "cites",
        kind: Kind::Keyword,
        about: "cited patent numbers, normalised, e.g. US5843607",
        extract: |p, v| {
            for c in &p.citations {
                if let Citation::Patent { id, .. } = c
                    && let Ok(n) = crate::number::PubNumber::from_parts(&id.country, &id.number, "")
                {
                    v.text(n.key());
                }
            }
        },
    },
    FieldSpec {
        name: "fam",
        kind: Kind::Keyword,
        about: "family keys: app:/pub: numbers of the document, its related filings and priorities; fid: an office's family id",
        extract: |p, v| {
            for k in family_keys(p) {
                v.text(k);
            }
        },
    },
    FieldSpec {
        name: "lacks",
        kind: Kind::Keyword,
        about: "parts the source record does not carry: abstract, claims, description (exported bibliographic records)",
        extract: |p, v| {
            for part in &p.lacks {
                v.text(part.as_str());
            }
        },
    },
    FieldSpec {
        name: "appnum",
        kind: Kind::Keyword,
        about: "application number, e.g. 13349377",
        extract: |p, v| v.text(p.application.number.as_str()),
    },
    FieldSpec {
        name: "pd",
        kind: Kind::Date,
        about: "publication date",
        extract: |p, v| v.dates.extend(p.pub_date),
    },
    FieldSpec {
        name: "ad",
        kind: Kind::Date,
        about: "application filing date",
        extract: |p, v| v.dates.extend(p.application.filing_date),
    },
    FieldSpec {
        name: "prd",
        kind: Kind::Date,
        about: "earliest priority date",
        extract: |p, v| v.dates.extend(p.priority_date),
    },
    FieldSpec {
        name: "exp",
        kind: Kind::Date,
        about: "estimated end of term (crate::term): for an application, the end a grant would have",
        extract: |p, v| v.dates.extend(crate::term::of(p).expiry),
    },
    FieldSpec {
        name: "pta",
        kind: Kind::Number,
        about: "patent term adjustment or extension in days (us-term-extension), for term estimates",
        extract: |p, v| v.numbers.extend(p.term_extension_days.map(u64::from)),
    },
    FieldSpec {
        name: "year",
        kind: Kind::Number,
        about: "publication year",
        extract: |p, v| v.numbers.extend(p.pub_date.map(|d| d.year() as u64)),
    },
    FieldSpec {
        name: "doc",
        kind: Kind::Stored,
        about: "the whole record as JSON (stored only)",
        extract: |p, v| v.bytes.push(serde_json::to_vec(p).unwrap_or_default()),
    },
];

/// The tantivy schema built from [`FIELDS`].
pub fn schema() -> &'static Schema {
    static SCHEMA: OnceLock<Schema> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        let mut b = Schema::builder();
        for f in FIELDS {
            match f.kind {
                Kind::Text => {
                    let indexing = TextFieldIndexing::default()
                        .set_tokenizer(super::text::TOKENIZER)
                        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
                    b.add_text_field(
                        f.name,
                        TextOptions::default().set_indexing_options(indexing),
                    );
                }
                Kind::Keyword => {
                    let indexing = TextFieldIndexing::default()
                        .set_tokenizer("raw")
                        .set_index_option(IndexRecordOption::Basic);
                    let mut opts = TextOptions::default()
                        .set_indexing_options(indexing)
                        .set_fast("raw");
                    if f.name == "id" {
                        opts = opts.set_stored();
                    }
                    b.add_text_field(f.name, opts);
                }
                Kind::Date => {
                    b.add_date_field(f.name, DateOptions::from(INDEXED).set_fast());
                }
                Kind::Number => {
                    b.add_u64_field(
                        f.name,
                        tantivy::schema::NumericOptions::from(INDEXED).set_fast(),
                    );
                }
                Kind::Stored => {
                    b.add_bytes_field(f.name, STORED);
                }
            }
        }
        b.build()
    })
}

/// Looks a field up by name. Panics only on a name missing from [`FIELDS`], a programming error.
pub fn field(name: &str) -> Field {
    schema()
        .get_field(name)
        .unwrap_or_else(|_| panic!("field {name} is not in the doc mapper"))
}

/// The tantivy field of each entry of [`FIELDS`], in order.
fn fields() -> &'static [Field] {
    static F: OnceLock<Vec<Field>> = OnceLock::new();
    F.get_or_init(|| FIELDS.iter().map(|f| field(f.name)).collect())
}

/// Midnight UTC of a calendar date, as tantivy stores dates. tantivy counts nanoseconds in an
/// i64, which only reaches the years 1678 to 2261; dates outside (typos in source data such as
/// the year 0200) are clamped to that range rather than overflowing.
pub fn date_time(d: Date) -> DateTime {
    const LIMIT_DAYS: i64 = i64::MAX / 1_000_000_000 / 86_400 - 1;
    let days = d
        .since(jiff::civil::date(1970, 1, 1))
        .map(|s| s.get_days() as i64)
        .unwrap_or(0)
        .clamp(-LIMIT_DAYS, LIMIT_DAYS);
    DateTime::from_timestamp_secs(days * 86_400)
}

/// The text values field `name` takes for a patent, as indexed (for highlighting).
pub fn text_values<'a>(p: &'a Patent, name: &str) -> Vec<Cow<'a, str>> {
    let mut v = Values::default();
    if let Some(f) = FIELDS.iter().find(|f| f.name == name) {
        (f.extract)(p, &mut v);
    }
    v.texts
}

/// Builds the tantivy document for a patent.
pub fn to_document(p: &Patent) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    let mut v = Values::default();
    for (f, &field) in FIELDS.iter().zip(fields()) {
        v.clear();
        (f.extract)(p, &mut v);
        for t in &v.texts {
            doc.add_text(field, t);
        }
        for &d in &v.dates {
            doc.add_date(field, date_time(d));
        }
        for &n in &v.numbers {
            doc.add_u64(field, n);
        }
        for b in &v.bytes {
            doc.add_bytes(field, b);
        }
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_midnight_utc() {
        assert_eq!(
            date_time(jiff::civil::date(1970, 1, 2)).into_timestamp_secs(),
            86_400
        );
        assert_eq!(
            date_time(jiff::civil::date(2015, 1, 6)).into_timestamp_secs(),
            1_420_502_400
        );
    }

    #[test]
    fn dates_tantivy_cannot_hold_are_clamped_not_overflowed() {
        let early = date_time(jiff::civil::date(200, 11, 28)).into_timestamp_secs();
        let late = date_time(jiff::civil::date(9999, 1, 1)).into_timestamp_secs();
        assert!(early < date_time(jiff::civil::date(1700, 1, 1)).into_timestamp_secs());
        assert!(early > i64::MIN / 1_000_000_000);
        assert!(late > date_time(jiff::civil::date(2200, 1, 1)).into_timestamp_secs());
    }

    #[test]
    fn class_levels_stop_where_the_symbol_is_malformed() {
        assert_eq!(
            class_ancestors("H01M10/0562"),
            vec!["H", "H01", "H01M", "H01M10"]
        );
        assert_eq!(class_ancestors("A61K"), vec!["A", "A61", "A61K"]);
        assert_eq!(class_ancestors("H01M10"), vec!["H", "H01", "H01M"]);
        assert_eq!(class_ancestors("h01m"), Vec::<&str>::new());
        assert_eq!(class_ancestors("H0"), vec!["H"]);
    }

    #[test]
    fn parts_are_text_fields_and_lacks_is_indexed() {
        use tantivy::schema::Value;
        for (part, fields) in PARTS {
            for f in *fields {
                assert!(
                    FIELDS.iter().any(|s| s.name == *f && s.kind == Kind::Text),
                    "{f}"
                );
                assert_eq!(part_of(f), Some(*part));
            }
        }
        assert_eq!(part_of("title"), None);
        let mut p = Patent::new("US5295373A".parse().unwrap(), crate::model::DocKind::Grant);
        p.lacks = vec!["claims".into(), "description".into()];
        let doc = to_document(&p);
        let lacks: Vec<&str> = doc
            .get_all(field("lacks"))
            .filter_map(|v| v.as_str())
            .collect();
        assert_eq!(lacks, ["claims", "description"]);
    }

    #[test]
    fn every_field_is_in_the_schema() {
        for f in FIELDS {
            assert!(schema().get_field(f.name).is_ok(), "{}", f.name);
        }
    }
}
