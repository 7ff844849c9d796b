//! USPTO full-text XML, DTD v4.0 to v4.7: `us-patent-grant` and `us-patent-application`.
//!
//! A single streaming pass over quick-xml events. The parser keeps a stack of the elements it
//! is inside and two kinds of text collectors: a *leaf* string for simple bibliographic values
//! (`<doc-number>`, `<city>`), and a *capture* that turns a whole mixed-content element (a claim
//! with nested `claim-text`, a description paragraph with `<sub>` and tables) into readable
//! text with word boundaries kept. Elements are recognised by name and position, not by DTD
//! version, because the versions differ mostly by which wrapper they use (`parties` against
//! `us-parties`, `references-cited` against `us-references-cited`).

use std::collections::HashMap;

use jiff::civil::Date;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::claims::{numbers_in_id, strip_number};
use super::text::{TextBuf, internal_entities, resolve_entity, sep_of};
use super::{ParseError, Parsed};
use crate::model::{
    Block, Citation, Claim, Classification, DocId, DocKind, DocType, Party, Patent, Priority,
    Related, parse_yyyymmdd,
};
use crate::number::PubNumber;

/// Elements the parser acts on. Everything else is `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum T {
    Biblio,
    PublicationReference,
    ApplicationReference,
    DocumentId,
    Country,
    DocNumber,
    Kind,
    Date,
    Name,
    SeriesCode,
    PriorityClaim,
    TermOfGrant,
    TermExtension,
    Disclaimer,
    ClassificationsIpcr,
    ClassificationIpcr,
    ClassificationIpc,
    ClassificationsCpc,
    ClassificationCpc,
    MainCpc,
    Section,
    Class,
    Subclass,
    MainGroup,
    Subgroup,
    ClassificationValue,
    ClassificationNational,
    MainClassification,
    FurtherClassification,
    InventionTitle,
    Citation,
    Patcit,
    Nplcit,
    Othercit,
    Category,
    NumberOfClaims,
    NumberOfFigures,
    NumberOfDrawingSheets,
    RelatedDocuments,
    ParentDoc,
    ChildDoc,
    ParentGrantDocument,
    ParentPctDocument,
    ParentStatus,
    Applicant,
    Inventor,
    Agent,
    Assignee,
    Orgname,
    LastName,
    FirstName,
    Address,
    City,
    State,
    Role,
    Residence,
    PrimaryExaminer,
    AssistantExaminer,
    Department,
    PctFiling,
    Abstract,
    Description,
    DescriptionOfDrawings,
    Heading,
    Claims,
    Claim,
    ClaimRef,
    Other,
}

fn tag_of(name: &[u8]) -> T {
    match name {
        b"us-bibliographic-data-grant" | b"us-bibliographic-data-application" => T::Biblio,
        b"publication-reference" => T::PublicationReference,
        b"application-reference" => T::ApplicationReference,
        b"document-id" => T::DocumentId,
        b"country" => T::Country,
        b"doc-number" => T::DocNumber,
        b"kind" => T::Kind,
        b"date" => T::Date,
        b"name" => T::Name,
        b"us-application-series-code" => T::SeriesCode,
        b"priority-claim" => T::PriorityClaim,
        b"us-term-of-grant" => T::TermOfGrant,
        b"us-term-extension" => T::TermExtension,
        b"disclaimer" => T::Disclaimer,
        b"classifications-ipcr" => T::ClassificationsIpcr,
        b"classification-ipcr" => T::ClassificationIpcr,
        b"classification-ipc" => T::ClassificationIpc,
        b"classifications-cpc" => T::ClassificationsCpc,
        b"classification-cpc" => T::ClassificationCpc,
        b"main-cpc" => T::MainCpc,
        b"section" => T::Section,
        b"class" => T::Class,
        b"subclass" => T::Subclass,
        b"main-group" => T::MainGroup,
        b"subgroup" => T::Subgroup,
        b"classification-value" => T::ClassificationValue,
        b"classification-national" => T::ClassificationNational,
        b"main-classification" => T::MainClassification,
        b"further-classification" => T::FurtherClassification,
        b"invention-title" => T::InventionTitle,
        b"us-citation" | b"citation" => T::Citation,
        b"patcit" => T::Patcit,
        b"nplcit" => T::Nplcit,
        b"othercit" => T::Othercit,
        b"category" => T::Category,
        b"number-of-claims" => T::NumberOfClaims,
        b"number-of-figures" => T::NumberOfFigures,
        b"number-of-drawing-sheets" => T::NumberOfDrawingSheets,
        b"us-related-documents" => T::RelatedDocuments,
        b"parent-doc" => T::ParentDoc,
        b"child-doc" => T::ChildDoc,
        b"parent-grant-document" => T::ParentGrantDocument,
        b"parent-pct-document" => T::ParentPctDocument,
        b"parent-status" => T::ParentStatus,
        b"us-applicant" | b"applicant" => T::Applicant,
        b"inventor" => T::Inventor,
        b"agent" => T::Agent,
        b"assignee" => T::Assignee,
        b"orgname" => T::Orgname,
        b"last-name" => T::LastName,
        b"first-name" => T::FirstName,
        b"address" => T::Address,
        b"city" => T::City,
        b"state" => T::State,
        b"role" => T::Role,
        b"residence" => T::Residence,
        b"primary-examiner" => T::PrimaryExaminer,
        b"assistant-examiner" => T::AssistantExaminer,
        b"department" => T::Department,
        b"pct-or-regional-filing-data" => T::PctFiling,
        b"abstract" => T::Abstract,
        b"description" => T::Description,
        b"description-of-drawings" => T::DescriptionOfDrawings,
        b"heading" => T::Heading,
        b"claims" => T::Claims,
        b"claim" => T::Claim,
        b"claim-ref" => T::ClaimRef,
        _ => T::Other,
    }
}

/// What the active capture is collecting.
#[derive(Debug)]
enum CaptureKind {
    Title,
    Npl,
    AbstractPara,
    DescBlock { heading: Option<u8> },
    Claim { number: u32 },
}

#[derive(Debug)]
struct Capture {
    kind: CaptureKind,
    /// Stack depth of the element that started the capture.
    depth: usize,
    text: TextBuf,
    refs: Vec<u32>,
}

#[derive(Default)]
struct ClassParts {
    section: String,
    class: String,
    subclass: String,
    main_group: String,
    subgroup: String,
    value: String,
}

impl ClassParts {
    fn symbol(&self) -> String {
        format!(
            "{}{}{}{}/{}",
            self.section.trim(),
            self.class.trim(),
            self.subclass.trim(),
            self.main_group.trim(),
            self.subgroup.trim()
        )
    }
}

struct State {
    stack: Vec<T>,
    leaf: String,
    cap: Option<Capture>,
    entities: HashMap<String, String>,

    pub_id: DocId,
    app_id: DocId,
    appl_type: String,
    series_code: String,
    cur_id: DocId,
    prio: Priority,
    priorities: Vec<Priority>,
    class: ClassParts,
    ipc: Vec<Classification>,
    cpc: Vec<Classification>,
    us_classes: Vec<String>,
    title: String,
    cit_id: Option<DocId>,
    cit_name: String,
    cit_npl: Option<String>,
    cit_category: String,
    citations: Vec<Citation>,
    num_claims: Option<u32>,
    num_figures: Option<u32>,
    num_sheets: Option<u32>,
    relation: String,
    related: Vec<Related>,
    party: Party,
    applicants: Vec<Party>,
    inventors: Vec<Party>,
    agents: Vec<Party>,
    assignees: Vec<Party>,
    examiners: Vec<Party>,
    term_extension: Option<u32>,
    disclaimer: bool,
    abstract_paras: Vec<String>,
    description: Vec<Block>,
    claims: Vec<Claim>,
}

impl State {
    fn new(entities: HashMap<String, String>) -> State {
        State {
            stack: Vec::with_capacity(32),
            leaf: String::new(),
            cap: None,
            entities,
            pub_id: DocId::default(),
            app_id: DocId::default(),
            appl_type: String::new(),
            series_code: String::new(),
            cur_id: DocId::default(),
            prio: Priority::default(),
            priorities: Vec::new(),
            class: ClassParts::default(),
            ipc: Vec::new(),
            cpc: Vec::new(),
            us_classes: Vec::new(),
            title: String::new(),
            cit_id: None,
            cit_name: String::new(),
            cit_npl: None,
            cit_category: String::new(),
            citations: Vec::new(),
            num_claims: None,
            num_figures: None,
            num_sheets: None,
            relation: String::new(),
            related: Vec::new(),
            party: Party::default(),
            applicants: Vec::new(),
            inventors: Vec::new(),
            agents: Vec::new(),
            assignees: Vec::new(),
            examiners: Vec::new(),
            term_extension: None,
            disclaimer: false,
            abstract_paras: Vec::new(),
            description: Vec::new(),
            claims: Vec::new(),
        }
    }

    fn parent(&self) -> T {
        self.stack.last().copied().unwrap_or(T::Other)
    }

    fn ancestor(&self, n: usize) -> T {
        self.stack
            .len()
            .checked_sub(n + 1)
            .map_or(T::Other, |i| self.stack[i])
    }

    fn within(&self, t: T) -> bool {
        self.stack.iter().rev().any(|&s| s == t)
    }

    fn leaf_value(&mut self) -> String {
        let v = TextBuf::collapsed(&self.leaf);
        self.leaf.clear();
        v
    }

    fn start(&mut self, e: &BytesStart<'_>) {
        // USPTO XML has no namespaces: the qualified name is the name (and `local_name` would
        // search every tag for a colon).
        let local = e.name();
        let name = local.as_ref().as_bytes();
        let tag = tag_of(name);
        if let Some(cap) = self.cap.as_mut() {
            cap.text.sep(sep_of(name));
            if tag == T::ClaimRef
                && let Some(idref) = attr(e, "idref")
            {
                cap.refs.extend(numbers_in_id(&idref));
            }
            self.stack.push(tag);
            return;
        }
        self.leaf.clear();
        let parent = self.parent();
        let depth = self.stack.len() + 1;
        let capture = |kind| {
            Some(Capture {
                kind,
                depth,
                text: TextBuf::new(),
                refs: Vec::new(),
            })
        };
        match tag {
            T::ApplicationReference => {
                self.appl_type = attr(e, "appl-type").unwrap_or_default();
            }
            T::PriorityClaim => {
                self.prio = Priority {
                    kind: attr(e, "kind").unwrap_or_default(),
                    ..Priority::default()
                };
            }
            T::DocumentId => self.cur_id = DocId::default(),
            T::ClassificationIpcr | T::ClassificationCpc => self.class = ClassParts::default(),
            T::Citation => {
                self.cit_id = None;
                self.cit_name.clear();
                self.cit_npl = None;
                self.cit_category.clear();
            }
            T::Applicant | T::Inventor | T::Agent | T::Assignee => {
                let code = attr(e, "app-type")
                    .or_else(|| attr(e, "rep-type"))
                    .unwrap_or_default();
                self.party = Party {
                    type_code: code,
                    ..Party::default()
                };
            }
            T::PrimaryExaminer | T::AssistantExaminer => self.party = Party::default(),
            T::InventionTitle if parent == T::Biblio => self.cap = capture(CaptureKind::Title),
            T::Othercit => self.cap = capture(CaptureKind::Npl),
            T::Claim if parent == T::Claims => {
                let number = attr(e, "num")
                    .and_then(|n| n.trim().parse().ok())
                    .unwrap_or(self.claims.len() as u32 + 1);
                self.cap = capture(CaptureKind::Claim { number });
            }
            _ => {}
        }
        if parent == T::RelatedDocuments {
            self.relation = String::from_utf8_lossy(name).into_owned();
        }
        if self.cap.is_none() {
            match parent {
                T::Abstract => self.cap = capture(CaptureKind::AbstractPara),
                T::Description | T::DescriptionOfDrawings if tag != T::DescriptionOfDrawings => {
                    let heading = (tag == T::Heading).then(|| {
                        attr(e, "level")
                            .and_then(|l| l.trim().parse().ok())
                            .unwrap_or(1)
                    });
                    self.cap = capture(CaptureKind::DescBlock { heading });
                }
                _ => {}
            }
        }
        self.stack.push(tag);
    }

    fn text(&mut self, t: &str) {
        if let Some(cap) = self.cap.as_mut() {
            cap.text.push(t);
        } else {
            self.leaf.push_str(t);
        }
    }

    fn reference(&mut self, name: &str, resolved: Option<char>) -> Result<(), ParseError> {
        let value: Option<&str> = if resolved.is_some() {
            None
        } else {
            resolve_entity(name, &self.entities)
        };
        let sink_cap = self.cap.as_mut().map(|c| &mut c.text);
        match (resolved, value, sink_cap) {
            (Some(c), _, Some(t)) => t.push_char(c),
            (Some(c), _, None) => self.leaf.push(c),
            (None, Some(v), Some(t)) => t.push_resolved(v),
            (None, Some(v), None) => {
                let v = v.to_string();
                self.leaf.push_str(&v)
            }
            // Keep an unknown entity visible rather than dropping text.
            (None, None, Some(t)) => t.push(&format!("&{name};")),
            (None, None, None) => {
                self.leaf.push('&');
                self.leaf.push_str(name);
                self.leaf.push(';');
            }
        }
        Ok(())
    }

    fn end(&mut self, name: &[u8]) {
        let tag = self.stack.pop().unwrap_or(T::Other);
        if let Some(cap) = self.cap.as_mut() {
            if self.stack.len() + 1 > cap.depth {
                cap.text.sep(sep_of(name));
                return;
            }
            let cap = self.cap.take().expect("capture present");
            self.finish_capture(cap);
            return;
        }
        let parent = self.parent();
        match tag {
            T::Country | T::DocNumber | T::Kind | T::Date | T::Name if parent == T::DocumentId => {
                let v = self.leaf_value();
                match tag {
                    T::Country => self.cur_id.country = v,
                    T::DocNumber => self.cur_id.number = v,
                    T::Kind => self.cur_id.kind = v,
                    T::Date => self.cur_id.date = v,
                    _ => self.cit_name = v,
                }
            }
            T::Country | T::DocNumber | T::Date if parent == T::PriorityClaim => {
                let v = self.leaf_value();
                match tag {
                    T::Country => self.prio.country = v,
                    T::DocNumber => self.prio.number = v,
                    _ => self.prio.date = parse_yyyymmdd(&v),
                }
            }
            T::PriorityClaim => self.priorities.push(std::mem::take(&mut self.prio)),
            T::DocumentId => self.document_id_done(parent),
            T::ParentStatus => {
                let v = self.leaf_value();
                if let Some(r) = self.related.iter_mut().rev().find(|r| r.role == "parent") {
                    r.status = v;
                }
            }
            T::Section
            | T::Class
            | T::Subclass
            | T::MainGroup
            | T::Subgroup
            | T::ClassificationValue
                if matches!(parent, T::ClassificationIpcr | T::ClassificationCpc) =>
            {
                let v = self.leaf_value();
                let c = &mut self.class;
                match tag {
                    T::Section => c.section = v,
                    T::Class => c.class = v,
                    T::Subclass => c.subclass = v,
                    T::MainGroup => c.main_group = v,
                    T::Subgroup => c.subgroup = v,
                    _ => c.value = v,
                }
            }
            T::ClassificationIpcr if parent == T::ClassificationsIpcr => {
                let main = self.ipc.is_empty();
                self.ipc.push(Classification {
                    symbol: self.class.symbol(),
                    value: std::mem::take(&mut self.class.value),
                    main,
                });
            }
            T::ClassificationCpc
                if self.within(T::ClassificationsCpc) && !self.within(T::Citation) =>
            {
                self.cpc.push(Classification {
                    symbol: self.class.symbol(),
                    value: std::mem::take(&mut self.class.value),
                    main: self.within(T::MainCpc),
                });
            }
            T::MainClassification | T::FurtherClassification => {
                let raw = std::mem::take(&mut self.leaf);
                let v = TextBuf::collapsed(&raw);
                let grand = self.ancestor(1);
                if parent == T::ClassificationIpc && grand == T::Biblio {
                    if let Some(symbol) = normalize_ipc_text(&v) {
                        let main = tag == T::MainClassification;
                        self.ipc.push(Classification {
                            symbol,
                            value: String::new(),
                            main,
                        });
                    }
                } else if parent == T::ClassificationNational
                    && grand == T::Biblio
                    && let Some(c) = normalize_uspc(&raw)
                {
                    self.us_classes.push(c);
                }
            }
            T::Category if parent == T::Citation => self.cit_category = self.leaf_value(),
            T::Citation => {
                let category = std::mem::take(&mut self.cit_category);
                if let Some(id) = self.cit_id.take() {
                    self.citations.push(Citation::Patent {
                        id,
                        name: std::mem::take(&mut self.cit_name),
                        category,
                    });
                } else if let Some(text) = self.cit_npl.take() {
                    self.citations.push(Citation::Npl { text, category });
                }
            }
            T::NumberOfClaims => self.num_claims = self.leaf_value().parse().ok(),
            T::NumberOfFigures => self.num_figures = self.leaf_value().parse().ok(),
            T::NumberOfDrawingSheets => self.num_sheets = self.leaf_value().parse().ok(),
            T::TermExtension => self.term_extension = self.leaf_value().parse().ok(),
            T::Disclaimer if parent == T::TermOfGrant => self.disclaimer = true,
            T::SeriesCode => self.series_code = self.leaf_value(),
            T::Orgname | T::LastName | T::FirstName | T::Role | T::Department => {
                let v = self.leaf_value();
                let p = &mut self.party;
                match tag {
                    T::Orgname => p.name = v,
                    T::LastName => p.last_name = v,
                    T::FirstName => p.first_name = v,
                    _ => p.type_code = v,
                }
            }
            T::City | T::State | T::Country if parent == T::Address => {
                let v = self.leaf_value();
                let p = &mut self.party;
                match tag {
                    T::City => p.city = v,
                    T::State => p.state = v,
                    _ => p.country = v,
                }
            }
            T::Country if parent == T::Residence => {
                let v = self.leaf_value();
                if self.party.country.is_empty() {
                    self.party.country = v;
                }
            }
            T::Applicant
            | T::Inventor
            | T::Agent
            | T::Assignee
            | T::PrimaryExaminer
            | T::AssistantExaminer => {
                let mut p = std::mem::take(&mut self.party);
                if p.name.is_empty() {
                    p.name = match (p.first_name.is_empty(), p.last_name.is_empty()) {
                        (false, false) => format!("{} {}", p.first_name, p.last_name),
                        _ => format!("{}{}", p.first_name, p.last_name),
                    };
                }
                if !p.is_empty() {
                    match tag {
                        T::Applicant => self.applicants.push(p),
                        T::Inventor => self.inventors.push(p),
                        T::Agent => self.agents.push(p),
                        T::Assignee => self.assignees.push(p),
                        _ => self.examiners.push(p),
                    }
                }
            }
            _ => {}
        }
        if !matches!(tag, T::Other) {
            self.leaf.clear();
        }
    }

    fn document_id_done(&mut self, parent: T) {
        let id = std::mem::take(&mut self.cur_id);
        let role = match parent {
            T::PublicationReference => {
                self.pub_id = id;
                return;
            }
            T::ApplicationReference => {
                self.app_id = id;
                return;
            }
            T::Patcit => {
                self.cit_id = Some(id);
                return;
            }
            T::ParentDoc => "parent",
            T::ChildDoc => "child",
            T::ParentGrantDocument => "parent-grant",
            T::ParentPctDocument => "parent-pct",
            T::PctFiling => {
                self.related.push(Related {
                    relation: "pct-or-regional-filing".into(),
                    role: String::new(),
                    id,
                    status: String::new(),
                });
                return;
            }
            _ if self.ancestor(0) != T::Other || !self.within(T::RelatedDocuments) => return,
            // `us-provisional-application` and `related-publication` hold the id directly.
            _ => "",
        };
        if self.within(T::RelatedDocuments) {
            self.related.push(Related {
                relation: self.relation.clone(),
                role: role.to_string(),
                id,
                status: String::new(),
            });
        }
    }

    fn finish_capture(&mut self, mut cap: Capture) {
        let text = cap.text.take();
        match cap.kind {
            CaptureKind::Title => self.title = text,
            CaptureKind::Npl => self.cit_npl = Some(text),
            CaptureKind::AbstractPara => {
                if !text.is_empty() {
                    self.abstract_paras.push(text);
                }
            }
            CaptureKind::DescBlock { heading } => {
                if !text.is_empty() {
                    self.description.push(match heading {
                        Some(level) => Block::Heading { level, text },
                        None => Block::Paragraph { text },
                    });
                }
            }
            CaptureKind::Claim { number } => {
                cap.refs.sort_unstable();
                cap.refs.dedup();
                cap.refs.retain(|&r| r != number);
                self.claims.push(Claim {
                    number,
                    text: strip_number(&text).to_string(),
                    dependent: !cap.refs.is_empty(),
                    refers_to: cap.refs,
                    lang: String::new(),
                });
            }
        }
    }
}

fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .map(|a| a.value.into_owned())
}

/// `G06F015/00` or `A61K  9/00` (pre-2006 `classification-ipc`) → `G06F15/00`.
pub fn normalize_ipc_text(s: &str) -> Option<String> {
    let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.len() < 4 || !compact.is_ascii() {
        return None;
    }
    let (subclass, rest) = compact.split_at(4);
    let (group, sub) = rest.split_once('/').unwrap_or((rest, ""));
    let group = group.trim_start_matches('0');
    let group = if group.is_empty() { "0" } else { group };
    if sub.is_empty() {
        Some(format!("{subclass}{group}"))
    } else {
        Some(format!("{subclass}{group}/{sub}"))
    }
}

/// USPC as written in `classification-national`: the class right-justified in 3 characters, then
/// the subclass: `428690` → `428/690`, `D 1128` → `D1/128`, ` D1106` → `D1/106`, `  2 21` → `2/21`.
/// Leading spaces are significant, so this takes the raw element text.
pub fn normalize_uspc(raw: &str) -> Option<String> {
    let t = raw.trim_matches(|c| matches!(c, '\n' | '\r' | '\t'));
    if t.trim().len() < 3 || !t.is_ascii() || t.trim().eq_ignore_ascii_case("none") {
        return None;
    }
    let (class, sub) = t.split_at(3);
    let class: String = class.chars().filter(|c| !c.is_whitespace()).collect();
    let sub: String = sub.chars().filter(|c| !c.is_whitespace()).collect();
    if class.is_empty() {
        return None;
    }
    if sub.is_empty() {
        Some(class)
    } else {
        Some(format!("{class}/{sub}"))
    }
}

fn normalize_dtd_version(v: &str) -> String {
    let first = v.split_whitespace().next().unwrap_or("");
    // v4.0 and v4.1 documents write `v40`, `v41`.
    match first.as_bytes() {
        [b'v', a, b] if a.is_ascii_digit() && b.is_ascii_digit() => {
            format!("v{}.{}", *a as char, *b as char)
        }
        _ if first.is_empty() => "unknown".to_string(),
        _ => first.to_string(),
    }
}

/// Parses a `us-patent-grant` / `us-patent-application` document whose root start tag has just
/// been read.
pub(super) fn parse_v4(
    mut reader: Reader<&[u8]>,
    root: BytesStart<'static>,
    doctype: &str,
) -> Result<Parsed, ParseError> {
    let root_name = root.local_name().as_ref().to_string();
    let kind = if root_name == "us-patent-grant" {
        DocKind::Grant
    } else {
        DocKind::Application
    };
    let dtd_version = normalize_dtd_version(&attr(&root, "dtd-version").unwrap_or_default());
    let lang = attr(&root, "lang").unwrap_or_default();
    let date_publ = attr(&root, "date-publ").unwrap_or_default();

    let mut entities = HashMap::new();
    if doctype.contains("<!ENTITY") {
        internal_entities(doctype, &mut entities);
    }
    let mut st = State::new(entities);
    // The root itself sits at depth 0 of the stack.
    st.stack.push(T::Other);
    loop {
        let pos = reader.buffer_position();
        let ev = reader.read_event().map_err(|e| ParseError::Xml {
            offset: pos,
            message: e.to_string(),
        })?;
        match ev {
            Event::Start(e) => st.start(&e),
            Event::Empty(e) => {
                st.start(&e);
                st.end(e.name().as_ref().as_bytes());
            }
            Event::End(e) => {
                st.end(e.name().as_ref().as_bytes());
                if st.stack.is_empty() {
                    break;
                }
            }
            Event::Text(t) => st.text(&t),
            Event::CData(t) => st.text(&t.into_inner()),
            Event::GeneralRef(r) => {
                let resolved = r.resolve_char_ref().map_err(|e| ParseError::Xml {
                    offset: pos,
                    message: e.to_string(),
                })?;
                st.reference(&r, resolved)?;
            }
            Event::Eof => {
                return Err(ParseError::Truncated {
                    open: if st.stack.len() <= 1 {
                        root_name
                    } else {
                        format!(
                            "{:?} inside <{root_name}>",
                            st.stack.last().unwrap_or(&T::Other)
                        )
                    },
                });
            }
            _ => {}
        }
    }

    let number = PubNumber::from_parts(&st.pub_id.country, &st.pub_id.number, &st.pub_id.kind)
        .map_err(|e| ParseError::Number(e.to_string()))?;
    let mut p = Patent::new(number, kind);
    p.format = format!("{root_name} {dtd_version}");
    p.lang = lang;
    p.pub_date = parse_yyyymmdd(&st.pub_id.date).or_else(|| parse_yyyymmdd(&date_publ));
    p.doc_type =
        DocType::from_appl_type(&st.appl_type).unwrap_or_else(|| DocType::of_number(&p.number));
    p.application.country = st.app_id.country;
    p.application.number = st.app_id.number;
    p.application.filing_date = parse_yyyymmdd(&st.app_id.date);
    p.application.appl_type = st.appl_type;
    p.application.series_code = st.series_code;
    p.priority_claims = st.priorities;
    p.related = st.related;
    p.priority_date = earliest_priority(&p);
    p.title = st.title;
    p.abstract_text = st.abstract_paras.join("\n\n");
    p.claims = st.claims;
    p.description = st.description;
    p.cpc = st.cpc;
    p.ipc = st.ipc;
    p.us_classes = st.us_classes;
    if st.inventors.is_empty() {
        // Before v4.2 (and in early applications) inventors are applicants of type
        // `applicant-inventor`.
        st.inventors = st
            .applicants
            .iter()
            .filter(|a| a.type_code.contains("inventor"))
            .cloned()
            .collect();
    }
    p.applicants = st.applicants;
    p.inventors = st.inventors;
    p.agents = st.agents;
    p.assignees = st.assignees;
    p.examiners = st.examiners;
    p.citations = st.citations;
    p.term_extension_days = st.term_extension;
    p.disclaimer = st.disclaimer;
    p.num_claims = st.num_claims;
    p.num_figures = st.num_figures;
    p.num_drawing_sheets = st.num_sheets;
    Ok(Parsed::Patent(Box::new(p)))
}

/// The earliest date the document can claim: foreign or domestic priorities, parent US
/// applications and provisionals, the PCT filing, and the filing date itself.
pub(super) fn earliest_priority(p: &Patent) -> Option<Date> {
    let prio = p.priority_claims.iter().filter_map(|c| c.date);
    let related = p
        .related
        .iter()
        .filter(|r| {
            matches!(r.role.as_str(), "parent" | "parent-pct")
                || r.relation == "us-provisional-application"
                || r.relation == "pct-or-regional-filing"
        })
        .filter_map(|r| parse_yyyymmdd(&r.id.date));
    prio.chain(related).chain(p.application.filing_date).min()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_normalization() {
        assert_eq!(
            normalize_ipc_text("G06F015/00").as_deref(),
            Some("G06F15/00")
        );
        assert_eq!(
            normalize_ipc_text(" A61K  9/00").as_deref(),
            Some("A61K9/00")
        );
        assert_eq!(normalize_uspc("428690").as_deref(), Some("428/690"));
        assert_eq!(normalize_uspc("D 1128").as_deref(), Some("D1/128"));
        assert_eq!(normalize_uspc(" D1106").as_deref(), Some("D1/106"));
        assert_eq!(normalize_uspc("  2 21").as_deref(), Some("2/21"));
        assert_eq!(normalize_uspc("549 41").as_deref(), Some("549/41"));
        assert_eq!(normalize_uspc("None"), None);
    }

    #[test]
    fn dtd_versions() {
        assert_eq!(normalize_dtd_version("v40 2004-12-02"), "v4.0");
        assert_eq!(normalize_dtd_version("v4.5 2014-04-03"), "v4.5");
    }
}
