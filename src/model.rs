//! The one document model every parser fills.
//!
//! Parsers for each office and format produce a [`Patent`]; everything downstream (index, query,
//! analysis, surfaces) only ever sees this type. Fields are plain data so a `Patent` serialises to
//! JSON losslessly (`patdex show --json` prints exactly this) and so the index can keep the whole
//! record in its document store.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::number::PubNumber;

/// Grant or pre-grant publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocKind {
    Grant,
    Application,
}

impl DocKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::Grant => "grant",
            DocKind::Application => "application",
        }
    }
}

/// The legal type of the document (USPTO `appl-type`, or implied by the number series).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocType {
    Utility,
    Design,
    Plant,
    Reissue,
    /// Statutory invention registration (`H` numbers).
    Sir,
    Other,
}

impl DocType {
    pub fn as_str(self) -> &'static str {
        match self {
            DocType::Utility => "utility",
            DocType::Design => "design",
            DocType::Plant => "plant",
            DocType::Reissue => "reissue",
            DocType::Sir => "sir",
            DocType::Other => "other",
        }
    }

    /// The type a publication number's series implies: US `D`, `PP`, `RE` and `H` numbers;
    /// anything else (and every other office's numbers) is utility.
    pub fn of_number(n: &crate::number::PubNumber) -> DocType {
        if n.country != "US" {
            return DocType::Utility;
        }
        let s = n.number.as_str();
        if s.starts_with("PP") {
            DocType::Plant
        } else if s.starts_with("RE") {
            DocType::Reissue
        } else if s.starts_with('D') {
            DocType::Design
        } else if s.starts_with('H') {
            DocType::Sir
        } else {
            DocType::Utility
        }
    }

    /// Maps the USPTO `appl-type` attribute (`utility`, `design`, `plant`, `reissue`, `sir`).
    pub fn from_appl_type(s: &str) -> Option<DocType> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "utility" => DocType::Utility,
            "design" => DocType::Design,
            "plant" => DocType::Plant,
            "reissue" => DocType::Reissue,
            "sir" | "statutory invention registration" => DocType::Sir,
            "" => return None,
            _ => DocType::Other,
        })
    }
}

/// A document identifier as printed in the source (citations, related documents, priorities).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocId {
    pub country: String,
    pub number: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub kind: String,
    /// Date as given (`YYYYMMDD`; citations often carry `00` for the day).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
}

/// The application the document was published from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Application {
    pub country: String,
    pub number: String,
    pub filing_date: Option<Date>,
    /// `appl-type` as written (`utility`, `design`, ...).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub appl_type: String,
    /// US application series code (`13`, `29` for designs, ...).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub series_code: String,
}

/// A claimed priority (usually a foreign first filing).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Priority {
    pub country: String,
    pub number: String,
    pub date: Option<Date>,
    /// `national`, `regional` or `international`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub kind: String,
}

/// One claim. `text` is the whole claim, nested `claim-text` elements included, one line each.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    pub number: u32,
    pub text: String,
    pub dependent: bool,
    /// Numbers of the claims this claim refers to (empty for independent claims).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub refers_to: Vec<u32>,
    /// Language of this claim when the document publishes claims in several (an EP grant has
    /// its claims in English, German and French); empty when it is the document's language.
    /// Claims in the document's own language come first.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub lang: String,
}

/// A text in a stated language: the titles and abstracts a document also publishes in other
/// languages (EP B540 titles in three languages, DOCDB abstracts).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LangText {
    /// ISO 639-1 code in lower case (`en`, `de`, `fr`, `zh`).
    pub lang: String,
    pub text: String,
}

/// A block of the description: headings are kept apart from paragraphs so the structure survives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Block {
    Heading { level: u8, text: String },
    Paragraph { text: String },
}

impl Block {
    pub fn text(&self) -> &str {
        match self {
            Block::Heading { text, .. } | Block::Paragraph { text } => text,
        }
    }
}

/// A classification symbol in a normalised form (`H01M 10/0562`, `A61K 9/00`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Classification {
    pub symbol: String,
    /// `I` inventive, `A` additional (CPC/IPC `classification-value`), empty if not given.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub value: String,
    /// The first (main) symbol of its scheme.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub main: bool,
}

/// A person or organisation: applicant, assignee, inventor, agent or examiner.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    /// Organisation name, or "First Last" for a person.
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub first_name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub last_name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub city: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub state: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub country: String,
    /// Assignee type code (`02` US company, `03` foreign company, `04`/`05` individuals, ...),
    /// applicant `app-type`, agent `rep-type`, or examiner department.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub type_code: String,
}

impl Party {
    pub fn is_empty(&self) -> bool {
        self.name.is_empty() && self.first_name.is_empty() && self.last_name.is_empty()
    }
}

/// A cited document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Citation {
    Patent {
        #[serde(flatten)]
        id: DocId,
        /// First-named patentee as printed ("Hu et al.").
        #[serde(default, skip_serializing_if = "String::is_empty")]
        name: String,
        /// `cited by examiner`, `cited by applicant`, `cited by other`, ...
        #[serde(default, skip_serializing_if = "String::is_empty")]
        category: String,
    },
    Npl {
        text: String,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        category: String,
    },
}

impl Citation {
    pub fn category(&self) -> &str {
        match self {
            Citation::Patent { category, .. } | Citation::Npl { category, .. } => category,
        }
    }
}

/// A related US filing (continuation, division, provisional, PCT, earlier publication, ...).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Related {
    /// Element name of the relation: `continuation`, `division`, `continuation-in-part`,
    /// `us-provisional-application`, `related-publication`, `pct`, ...
    pub relation: String,
    /// `parent`, `child`, `parent-grant`, `parent-pct` or empty where the relation has no roles.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    #[serde(flatten)]
    pub id: DocId,
    /// `parent-status` (`PENDING`, `ABANDONED`, `GRANTED`) where given.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub status: String,
}

/// Where a document came from, so a reader can find the raw XML again.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourcePos {
    /// Path of the input file (for an archive member: `archive.zip!member.xml`).
    pub file: String,
    /// 0-based position of the document in the file.
    pub index: u64,
    /// Byte offset of the document in the (decompressed) stream.
    pub offset: u64,
    /// [`source_hash`] of the document's bytes: tells a corrected re-publication of a number
    /// from the same document read again (alerts say "updated" only for the first).
    #[serde(default)]
    pub hash: String,
}

/// A 128-bit XXH3 of a source document's bytes, as 32 hex digits: a change detector, not a
/// security measure (the input files' SHA-256 is in the manifest).
pub fn source_hash(bytes: &[u8]) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(bytes))
}

/// One patent publication, whatever office and format it came from.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Patent {
    pub number: PubNumber,
    pub kind: DocKind,
    pub doc_type: DocType,
    /// Format and version the document was parsed from, e.g. `us-patent-grant v4.5`.
    pub format: String,
    /// Language of the publication (ISO 639-1, lower case): of `title`, `abstract_text`, the
    /// description and the claims without a `lang` of their own.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub lang: String,
    pub pub_date: Option<Date>,
    pub application: Application,
    /// Earliest of: priority claims, related US filings (parents, provisionals, PCT) and the
    /// filing date itself.
    pub priority_date: Option<Date>,
    pub priority_claims: Vec<Priority>,
    pub title: String,
    /// Abstract paragraphs, separated by blank lines.
    #[serde(rename = "abstract")]
    pub abstract_text: String,
    /// The title in other languages than `lang`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_titles: Vec<LangText>,
    /// The abstract in other languages than `lang`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_abstracts: Vec<LangText>,
    /// A family identifier assigned by an office (the EPO's DOCDB simple family id): documents
    /// sharing it are one family even when no number links them.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub family_id: String,
    pub claims: Vec<Claim>,
    pub description: Vec<Block>,
    pub cpc: Vec<Classification>,
    pub ipc: Vec<Classification>,
    /// US classes (main first), e.g. `428/690`.
    pub us_classes: Vec<String>,
    pub applicants: Vec<Party>,
    pub assignees: Vec<Party>,
    pub inventors: Vec<Party>,
    pub examiners: Vec<Party>,
    pub agents: Vec<Party>,
    pub citations: Vec<Citation>,
    pub related: Vec<Related>,
    /// Patent term adjustment / extension in days (`us-term-extension`).
    pub term_extension_days: Option<u32>,
    /// The grant carries a terminal disclaimer notice.
    pub disclaimer: bool,
    /// Number of claims as declared in the bibliographic data.
    pub num_claims: Option<u32>,
    pub num_figures: Option<u32>,
    pub num_drawing_sheets: Option<u32>,
    /// Parts the source does not carry at all (`claims`, `description`, `abstract`): records
    /// exported from other databases are often bibliographic only. Empty for full text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lacks: Vec<String>,
    pub source: SourcePos,
}

impl Patent {
    /// An empty record for `number`; parsers fill the rest.
    pub fn new(number: PubNumber, kind: DocKind) -> Patent {
        Patent {
            number,
            kind,
            doc_type: DocType::Utility,
            format: String::new(),
            lang: String::new(),
            pub_date: None,
            application: Application::default(),
            priority_date: None,
            priority_claims: Vec::new(),
            title: String::new(),
            abstract_text: String::new(),
            other_titles: Vec::new(),
            other_abstracts: Vec::new(),
            family_id: String::new(),
            claims: Vec::new(),
            description: Vec::new(),
            cpc: Vec::new(),
            ipc: Vec::new(),
            us_classes: Vec::new(),
            applicants: Vec::new(),
            assignees: Vec::new(),
            inventors: Vec::new(),
            examiners: Vec::new(),
            agents: Vec::new(),
            citations: Vec::new(),
            related: Vec::new(),
            term_extension_days: None,
            disclaimer: false,
            num_claims: None,
            num_figures: None,
            num_drawing_sheets: None,
            lacks: Vec::new(),
            source: SourcePos::default(),
        }
    }

    /// The claims as one text, one claim per paragraph.
    pub fn claims_text(&self) -> String {
        join_blocks(self.claims.iter().map(|c| c.text.as_str()))
    }

    /// The description as one text, one block per paragraph.
    pub fn description_text(&self) -> String {
        join_blocks(self.description.iter().map(Block::text))
    }

    pub fn patent_citations(&self) -> impl Iterator<Item = &Citation> {
        self.citations
            .iter()
            .filter(|c| matches!(c, Citation::Patent { .. }))
    }
}

fn join_blocks<'a>(parts: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for p in parts {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(p);
    }
    out
}

/// Parses `YYYYMMDD` (as in USPTO XML). Returns `None` for partial (`19981200`) or invalid dates.
pub fn parse_yyyymmdd(s: &str) -> Option<Date> {
    let s = s.trim();
    if s.len() != 8 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i16 = s[0..4].parse().ok()?;
    let m: i8 = s[4..6].parse().ok()?;
    let d: i8 = s[6..8].parse().ok()?;
    Date::new(y, m, d).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(
            parse_yyyymmdd("20150106"),
            Some(jiff::civil::date(2015, 1, 6))
        );
        assert_eq!(parse_yyyymmdd("19981200"), None);
        assert_eq!(parse_yyyymmdd("2015016"), None);
        assert_eq!(parse_yyyymmdd("20150231"), None);
    }
}
