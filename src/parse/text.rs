//! Turning mixed XML content into readable text: whitespace, word boundaries, entities.

use std::collections::HashMap;

/// A boundary pending between what the buffer holds and the next word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Sep {
    None,
    Space,
    Newline,
}

/// Accumulates text with XML whitespace collapsed to single spaces, and with explicit
/// separators between block elements. Leading and trailing whitespace never appears.
#[derive(Debug, Default, Clone)]
pub struct TextBuf {
    pub buf: String,
    pending: Option<Sep>,
}

impl TextBuf {
    pub fn new() -> TextBuf {
        TextBuf::default()
    }

    pub fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }

    /// Requests a boundary before the next word (the strongest request wins).
    pub fn sep(&mut self, sep: Sep) {
        if sep == Sep::None {
            return;
        }
        self.pending = Some(self.pending.map_or(sep, |p| p.max(sep)));
    }

    fn flush_pending(&mut self) {
        if let Some(p) = self.pending.take()
            && !self.buf.is_empty()
        {
            match p {
                Sep::Newline => self.buf.push('\n'),
                Sep::Space => self.buf.push(' '),
                Sep::None => {}
            }
        }
    }

    /// Appends character data; runs of XML whitespace become one space.
    pub fn push(&mut self, text: &str) {
        let b = text.as_bytes();
        // Fast path, the common case: words with single spaces between them, perhaps a space at
        // either end. Checked with SIMD searches, then copied in one go.
        let lead = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
        if lead == b.len() {
            if lead > 0 {
                self.sep(Sep::Space);
            }
            return;
        }
        let trail = b
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_whitespace())
            .count();
        let mid = &text[lead..b.len() - trail];
        if memchr::memchr3(b'\n', b'\r', b'\t', mid.as_bytes()).is_none()
            && double_space().find(mid.as_bytes()).is_none()
        {
            if lead > 0 {
                self.sep(Sep::Space);
            }
            self.flush_pending();
            self.buf.push_str(mid);
            if trail > 0 {
                self.sep(Sep::Space);
            }
            return;
        }
        self.push_slow(text);
    }

    /// General case: copy runs of "words with single spaces", collapse everything else.
    fn push_slow(&mut self, text: &str) {
        let b = text.as_bytes();
        let n = b.len();
        let mut i = 0;
        while i < n {
            if b[i].is_ascii_whitespace() {
                while i < n && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                self.sep(Sep::Space);
                continue;
            }
            let start = i;
            loop {
                while i < n && !b[i].is_ascii_whitespace() {
                    i += 1;
                }
                if i + 1 < n && b[i] == b' ' && !b[i + 1].is_ascii_whitespace() {
                    i += 1;
                    continue;
                }
                break;
            }
            self.flush_pending();
            // Runs start and end at ASCII bytes, so these are char boundaries.
            self.buf.push_str(&text[start..i]);
        }
    }

    /// Appends one resolved character (from a character or entity reference).
    pub fn push_char(&mut self, c: char) {
        if c.is_whitespace() {
            self.sep(Sep::Space);
        } else {
            self.flush_pending();
            self.buf.push(c);
        }
    }

    pub fn push_resolved(&mut self, s: &str) {
        for c in s.chars() {
            self.push_char(c);
        }
    }

    /// `text` with whitespace collapsed and trimmed.
    pub fn collapsed(text: &str) -> String {
        let mut t = TextBuf::new();
        t.push(text);
        t.take()
    }

    /// Takes the text out, leaving the buffer empty.
    pub fn take(&mut self) -> String {
        self.pending = None;
        std::mem::take(&mut self.buf)
    }

    pub fn clear(&mut self) {
        self.pending = None;
        self.buf.clear();
    }
}

/// The boundary an element puts around its text inside a capture. Inline markup glues to its
/// neighbours (`H<sub>2</sub>O` is one word); block elements start a new line; anything else,
/// including unknown elements, at least separates words.
pub fn sep_of(name: &[u8]) -> Sep {
    match name {
        b"b" | b"i" | b"u" | b"o" | b"sub" | b"sup" | b"sub2" | b"sup2" | b"smallcaps"
        | b"claim-ref" | b"figref" | b"crossref" | b"ul-style" | b"bio-deposit" => Sep::None,
        b"claim-text"
        | b"p"
        | b"heading"
        | b"li"
        | b"ul"
        | b"ol"
        | b"dl"
        | b"dt"
        | b"dd"
        | b"row"
        | b"br"
        | b"table"
        | b"tables"
        | b"maths"
        | b"chemistry"
        | b"pre"
        | b"table-external-doc" => Sep::Newline,
        _ => Sep::Space,
    }
}

/// A searcher for two spaces, built once (building one per call showed up in profiles).
fn double_space() -> &'static memchr::memmem::Finder<'static> {
    static F: std::sync::OnceLock<memchr::memmem::Finder<'static>> = std::sync::OnceLock::new();
    F.get_or_init(|| memchr::memmem::Finder::new(b"  "))
}

/// Resolves a named entity: XML's five, HTML5's list, the ISO 8879 Greek set that the USPTO DTDs
/// declare (`&lgr;`), USPTO's own additions, and entities declared in the document's internal DTD
/// subset.
pub fn resolve_entity<'a>(name: &str, declared: &'a HashMap<String, String>) -> Option<&'a str>
where
    'static: 'a,
{
    if let Some(v) = declared.get(name) {
        return Some(v.as_str());
    }
    if let Some(v) = html5_entity(name) {
        return Some(v);
    }
    iso_extra(name)
}

/// HTML5's named character references, from the `entities` crate. quick-xml has a table of its
/// own, but its Latin Extended-A entries are wrong (`&ccaron;` gives U+0010 instead of `č`,
/// and so on for `&amacr;` to `&zcaron;`): the names DOCDB and the USPTO use for Central
/// European and Baltic letters.
fn html5_entity(name: &str) -> Option<&'static str> {
    static MAP: std::sync::OnceLock<HashMap<&'static str, &'static str>> =
        std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        entities::ENTITIES
            .iter()
            .filter_map(|e| {
                let n = e.entity.strip_prefix('&')?.strip_suffix(';')?;
                Some((n, e.characters))
            })
            .collect()
    })
    .get(name)
    .copied()
}

/// The text of a character or entity reference in a document without a DTD of its own
/// (`&amp;`, `&#233;`, `&eacute;`); an unknown entity stays visible as `&name;`.
pub fn reference_text(r: &quick_xml::events::BytesRef<'_>) -> String {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return c.to_string();
    }
    static NONE: std::sync::OnceLock<HashMap<String, String>> = std::sync::OnceLock::new();
    let name: &str = r;
    resolve_entity(name, NONE.get_or_init(HashMap::new))
        .map(String::from)
        .unwrap_or_else(|| format!("&{name};"))
}

/// ISO 8879 entity names that HTML5 does not define, as used in USPTO text.
fn iso_extra(name: &str) -> Option<&'static str> {
    Some(match name {
        "agr" => "α",
        "bgr" => "β",
        "ggr" => "γ",
        "dgr" => "δ",
        "egr" => "ε",
        "zgr" => "ζ",
        "eegr" => "η",
        "thgr" => "θ",
        "igr" => "ι",
        "kgr" => "κ",
        "lgr" => "λ",
        "mgr" => "μ",
        "ngr" => "ν",
        "xgr" => "ξ",
        "ogr" => "ο",
        "pgr" => "π",
        "rgr" => "ρ",
        "sgr" => "σ",
        "sfgr" => "ς",
        "tgr" => "τ",
        "ugr" => "υ",
        "phgr" => "φ",
        "khgr" => "χ",
        "psgr" => "ψ",
        "ohgr" => "ω",
        "Agr" => "Α",
        "Bgr" => "Β",
        "Ggr" => "Γ",
        "Dgr" => "Δ",
        "Egr" => "Ε",
        "Zgr" => "Ζ",
        "EEgr" => "Η",
        "THgr" => "Θ",
        "Igr" => "Ι",
        "Kgr" => "Κ",
        "Lgr" => "Λ",
        "Mgr" => "Μ",
        "Ngr" => "Ν",
        "Xgr" => "Ξ",
        "Ogr" => "Ο",
        "Pgr" => "Π",
        "Rgr" => "Ρ",
        "Sgr" => "Σ",
        "Tgr" => "Τ",
        "Ugr" => "Υ",
        "PHgr" => "Φ",
        "KHgr" => "Χ",
        "PSgr" => "Ψ",
        "OHgr" => "Ω",
        "Circlesolid" => "●",
        "Square" => "□",
        "squ" => "□",
        "rect" => "▭",
        _ => return None,
    })
}

/// Reads `<!ENTITY name "value">` declarations from a DOCTYPE's internal subset. External and
/// unparsed (`NDATA`) entities are ignored: they name image files, not text.
pub fn internal_entities(doctype: &str, out: &mut HashMap<String, String>) {
    let mut rest = doctype;
    while let Some(i) = rest.find("<!ENTITY") {
        rest = &rest[i + 8..];
        let decl_end = rest.find('>').unwrap_or(rest.len());
        let decl = rest[..decl_end].trim();
        rest = &rest[decl_end..];
        if decl.starts_with('%') {
            continue;
        }
        let mut parts = decl.splitn(2, char::is_whitespace);
        let name = parts.next().unwrap_or("");
        let value = parts.next().unwrap_or("").trim();
        let quote = match value.chars().next() {
            Some(q @ ('"' | '\'')) => q,
            _ => continue,
        };
        if let Some(end) = value[1..].find(quote) {
            let raw = &value[1..1 + end];
            out.insert(name.to_string(), expand_char_refs(raw));
        }
    }
}

pub(crate) fn expand_char_refs(raw: &str) -> String {
    let mut out = String::new();
    let mut rest = raw;
    while let Some(i) = rest.find("&#") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        if let Some(end) = after.find(';') {
            let num = &after[..end];
            let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
                u32::from_str_radix(hex, 16).ok()
            } else {
                num.parse().ok()
            };
            if let Some(c) = code.and_then(char::from_u32) {
                out.push(c);
            }
            rest = &after[end + 1..];
        } else {
            out.push_str(&rest[i..]);
            rest = "";
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_and_separators() {
        let mut t = TextBuf::new();
        t.push("\n  A device  comprising:\r\n");
        t.sep(Sep::Newline);
        t.push(" a housing; ");
        t.push("X");
        t.push("5 ");
        t.push("and");
        t.sep(Sep::Newline);
        assert_eq!(t.take(), "A device comprising:\na housing; X5 and");
        for (input, want) in [
            ("  a  b\t\tc ", "a b c"),
            ("a b", "a b"),
            ("\r\n", ""),
            (" \u{3b1}-helix  \u{3b2} ", "\u{3b1}-helix \u{3b2}"),
        ] {
            assert_eq!(TextBuf::collapsed(input), want, "{input:?}");
        }
    }

    #[test]
    fn entities() {
        let mut decl = HashMap::new();
        internal_entities(
            r#"<!DOCTYPE x [<!ENTITY foo "f&#x26;o"><!ENTITY img SYSTEM "a.tif" NDATA TIF>]"#,
            &mut decl,
        );
        assert_eq!(resolve_entity("foo", &decl), Some("f&o"));
        assert_eq!(resolve_entity("img", &decl), None);
        assert_eq!(resolve_entity("ldquo", &decl), Some("\u{201c}"));
        assert_eq!(resolve_entity("lgr", &decl), Some("λ"));
        assert_eq!(resolve_entity("mdash", &decl), Some("\u{2014}"));
        assert_eq!(resolve_entity("nosuch", &decl), None);
    }
}
