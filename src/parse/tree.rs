//! A small element tree for the formats read by path (EPO, DOCDB, CNIPA, the 2001–2004 USPTO
//! formats).
//!
//! The USPTO v4 parser is a hand-tuned streaming state machine because weekly v4 files are the
//! bulk of every rebuild. The other formats are read far less often, differ from each other in
//! every wrapper, and are much easier to get right (and to review) as "the text at
//! `B100/B110`" than as a state machine each. Their documents are small (tens to hundreds of
//! kilobytes), so building a tree first costs little; `BENCHMARKS.md` has the throughput.
//!
//! Names are local names (`exch:exchange-document` is `exchange-document`), because the
//! namespace prefixes vary between deliveries of the same format. Entity references resolve
//! like everywhere else in `parse` ([`super::text::resolve_entity`]: the internal DTD subset,
//! HTML5's list, the ISO sets the offices' DTDs use); an unknown one stays visible as `&name;`.

use std::borrow::Cow;
use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::ParseError;
use super::text::{Sep, TextBuf, internal_entities, resolve_entity, sep_of};

/// One element: its local name, attributes (names as written) and content in order. Names,
/// attribute values and text borrow from the document where they can (`'i`): building the tree
/// was mostly allocation before (BENCHMARKS.md, per-format parsing).
#[derive(Debug, Clone, Default)]
pub struct Node<'i> {
    pub name: Cow<'i, str>,
    pub attrs: Vec<(Cow<'i, str>, Cow<'i, str>)>,
    pub children: Vec<Child<'i>>,
}

/// Element content: an element or character data (entities already resolved, whitespace as
/// written).
#[derive(Debug, Clone)]
pub enum Child<'i> {
    Element(Node<'i>),
    Text(Cow<'i, str>),
}

/// `s` as a slice of the document when it lies inside it (quick-xml hands out views of its
/// input, but with the lifetime of the event), else a copy.
fn borrowed<'i>(doc: &'i str, s: &str) -> Cow<'i, str> {
    let (base, at) = (doc.as_ptr() as usize, s.as_ptr() as usize);
    if at >= base
        && at + s.len() <= base + doc.len()
        && let Some(v) = doc.get(at - base..at - base + s.len())
    {
        return Cow::Borrowed(v);
    }
    Cow::Owned(s.to_string())
}

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

fn node_of<'i>(doc: &'i str, e: &BytesStart<'_>) -> Result<Node<'i>, String> {
    let mut attrs = Vec::new();
    for a in e.attributes().with_checks(false) {
        let a = a.map_err(|e| e.to_string())?;
        // Attribute values here are codes and ids; character references are all they use.
        let value = if a.value.contains('&') {
            Cow::Owned(super::text::expand_char_refs(&a.value).replace("&amp;", "&"))
        } else {
            borrowed(doc, &a.value)
        };
        attrs.push((borrowed(doc, a.key.as_ref()), value));
    }
    Ok(Node {
        name: borrowed(doc, local(e.name().as_ref())),
        attrs,
        children: Vec::new(),
    })
}

/// Reads the rest of a document (`doc`, the bytes `reader` reads) whose root start tag `root`
/// has just been read, with the DOCTYPE seen before it (for its internal entity declarations).
pub fn read<'i>(
    reader: &mut Reader<&'i [u8]>,
    doc: &'i [u8],
    root: &BytesStart<'_>,
    empty_root: bool,
    doctype: &str,
) -> Result<Node<'i>, ParseError> {
    let xml_err = |offset: u64, message: String| ParseError::Xml { offset, message };
    let doc = std::str::from_utf8(doc).map_err(|e| {
        xml_err(
            e.valid_up_to() as u64,
            format!("the document is not UTF-8 ({e}); patdex reads UTF-8 XML"),
        )
    })?;
    let mut entities = HashMap::new();
    if doctype.contains("<!ENTITY") {
        internal_entities(doctype, &mut entities);
    }
    let root = node_of(doc, root).map_err(|m| xml_err(reader.buffer_position(), m))?;
    if empty_root {
        return Ok(root);
    }
    let mut stack = vec![root];
    loop {
        let pos = reader.buffer_position();
        let ev = reader
            .read_event()
            .map_err(|e| xml_err(pos, e.to_string()))?;
        match ev {
            Event::Start(e) => stack.push(node_of(doc, &e).map_err(|m| xml_err(pos, m))?),
            Event::Empty(e) => {
                let n = node_of(doc, &e).map_err(|m| xml_err(pos, m))?;
                let top = stack.last_mut().expect("the root is on the stack");
                top.children.push(Child::Element(n));
            }
            Event::End(_) => {
                let done = stack.pop().expect("the root is on the stack");
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Child::Element(done)),
                    None => return Ok(done),
                }
            }
            Event::Text(t) => {
                push_text(stack.last_mut().expect("root"), t.into_inner());
            }
            Event::CData(t) => {
                push_text(stack.last_mut().expect("root"), t.into_inner());
            }
            Event::GeneralRef(r) => {
                let s = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => {
                        let name: &str = &r;
                        resolve_entity(name, &entities)
                            .map(String::from)
                            .unwrap_or_else(|| format!("&{name};"))
                    }
                    Err(e) => return Err(xml_err(pos, e.to_string())),
                };
                push_text(stack.last_mut().expect("root"), Cow::Owned(s));
            }
            Event::Eof => {
                let open: Vec<&str> = stack.iter().map(|n| n.name.as_ref()).collect();
                return Err(ParseError::Truncated {
                    open: open.join(" > "),
                });
            }
            _ => {}
        }
    }
}

fn push_text<'i>(node: &mut Node<'i>, s: Cow<'i, str>) {
    if let Some(Child::Text(t)) = node.children.last_mut() {
        // Text around an entity reference: one text, as written.
        t.to_mut().push_str(&s);
    } else {
        node.children.push(Child::Text(s));
    }
}

impl<'i> Node<'i> {
    /// The value of attribute `name` (matched with or without a namespace prefix).
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name || k.rsplit(':').next() == Some(name))
            .map(|(_, v)| v.as_ref())
    }

    /// The child elements, in order.
    pub fn elements(&self) -> impl Iterator<Item = &Node<'i>> {
        self.children.iter().filter_map(|c| match c {
            Child::Element(n) => Some(n),
            Child::Text(_) => None,
        })
    }

    /// The child elements named `name`.
    pub fn children<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Node<'i>> + 'a {
        self.elements().filter(move |n| n.name == name)
    }

    /// The first child element named `name`.
    pub fn child(&self, name: &str) -> Option<&Node<'i>> {
        self.elements().find(|n| n.name == name)
    }

    /// The first element reached by the child names of `path` (`B100/B110`), trying every
    /// branch in document order.
    pub fn at(&self, path: &str) -> Option<&Node<'i>> {
        let mut out = None;
        self.walk_path(path, &mut |n| {
            out = Some(n);
            false
        });
        out
    }

    /// Every element reached by the child names of `path`, in document order.
    pub fn all(&self, path: &str) -> Vec<&Node<'i>> {
        let mut out = Vec::new();
        self.walk_path(path, &mut |n| {
            out.push(n);
            true
        });
        out
    }

    /// Calls `f` on each match of `path` until it returns false; returns false once stopped.
    fn walk_path<'a>(&'a self, path: &str, f: &mut dyn FnMut(&'a Node<'i>) -> bool) -> bool {
        let (first, rest) = match path.split_once('/') {
            Some((a, b)) => (a, Some(b)),
            None => (path, None),
        };
        for c in self.elements().filter(|n| n.name == first) {
            let go_on = match rest {
                Some(rest) => c.walk_path(rest, f),
                None => f(c),
            };
            if !go_on {
                return false;
            }
        }
        true
    }

    /// The first descendant (not this element) named `name`, depth first.
    pub fn find(&self, name: &str) -> Option<&Node<'i>> {
        for c in self.elements() {
            if c.name == name {
                return Some(c);
            }
            if let Some(n) = c.find(name) {
                return Some(n);
            }
        }
        None
    }

    /// Every descendant named `name`, depth first (not looking inside a match).
    pub fn find_all(&self, name: &str) -> Vec<&Node<'i>> {
        let mut out = Vec::new();
        self.collect(name, &mut out);
        out
    }

    fn collect<'a>(&'a self, name: &str, out: &mut Vec<&'a Node<'i>>) {
        for c in self.elements() {
            if c.name == name {
                out.push(c);
            } else {
                c.collect(name, out);
            }
        }
    }

    /// The element's text as one reads it: whitespace collapsed, inline markup glued to its
    /// neighbours (`H<sub>2</sub>O`), block elements (`p`, `claim-text`, `br`, table rows) on
    /// lines of their own, any other element at least separating words ([`sep_of`]).
    pub fn text(&self) -> String {
        self.text_with(&|name| sep_of(name.as_bytes()))
    }

    /// [`Node::text`] with the caller's idea of which elements are blocks and which inline.
    pub fn text_with(&self, sep: &dyn Fn(&str) -> Sep) -> String {
        let mut buf = TextBuf::new();
        self.render(&mut buf, sep);
        buf.take()
    }

    fn render(&self, buf: &mut TextBuf, sep: &dyn Fn(&str) -> Sep) {
        for c in &self.children {
            match c {
                Child::Text(t) => buf.push(t),
                Child::Element(n) => {
                    let s = sep(&n.name);
                    buf.sep(s);
                    n.render(buf, sep);
                    buf.sep(s);
                }
            }
        }
    }

    /// The text at `path` ([`Node::at`]), or an empty string.
    pub fn text_at(&self, path: &str) -> String {
        self.at(path).map(Node::text).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(xml: &str) -> Result<Node<'_>, ParseError> {
        let mut r = Reader::from_reader(xml.as_bytes());
        let mut doctype = String::new();
        loop {
            match r.read_event().unwrap() {
                Event::DocType(t) => doctype = t.into_inner().into_owned(),
                Event::Start(e) => {
                    let e = e.into_owned();
                    return read(&mut r, xml.as_bytes(), &e, false, &doctype);
                }
                Event::Eof => panic!("no root"),
                _ => {}
            }
        }
    }

    #[test]
    fn paths_text_and_entities() {
        let t = tree(
            r#"<!DOCTYPE x [<!ENTITY co "Acme&#x2122;">]><x:r xmlns:x="u"><B100><B110>0001</B110></B100><B100><B130>A1</B130></B100>
<p id="a">H<sub>2</sub>O &amp; &co; &ldquo;q&rdquo; &ccaron; &unknownthing;<br/>next</p></x:r>"#,
        )
        .unwrap();
        assert_eq!(t.name, "r");
        assert_eq!(t.text_at("B100/B110"), "0001");
        assert_eq!(t.text_at("B100/B130"), "A1", "later branches are searched");
        assert_eq!(t.all("B100").len(), 2);
        let p = t.find("p").unwrap();
        assert_eq!(p.attr("id"), Some("a"));
        assert_eq!(
            p.text(),
            "H2O & Acme\u{2122} \u{201c}q\u{201d} \u{10d} &unknownthing;\nnext"
        );
    }

    #[test]
    fn truncation_and_bad_markup_are_errors() {
        assert!(matches!(
            tree("<a><b>x</b>"),
            Err(ParseError::Truncated { open }) if open == "a"
        ));
        assert!(matches!(
            tree("<a><b>x</c></a>"),
            Err(ParseError::Xml { .. })
        ));
    }
}
