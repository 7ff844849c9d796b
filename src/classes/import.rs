//! Readers for the classification scheme files the offices publish.
//!
//! - WIPO IPC title lists: tab-separated symbol and title, symbols in the 14-character form
//!   (`A01B0001020000`), no levels (a subgroup's dots are not in the file, so subgroups hang
//!   under their main group). A header line and a middle `level` column (`section`, `class`,
//!   `subclass`) are accepted.
//! - CPC title lists (`cpc-section-A_YYYYMMDD.txt` in `CPCTitleListYYYYMM.zip`): symbol, the
//!   number of dots (empty above the main group) and title, tab-separated.
//! - CPC scheme XML (`cpc-scheme-A01L.xml` in `CPCSchemeXMLYYYYMM.zip`): nested
//!   `classification-item`s whose nesting is the hierarchy.
//!
//! Each reader returns entries with their parent already decided, so the store never has to know
//! which format an entry came from.

use std::io::Read;

use anyhow::{Context, bail};
use quick_xml::events::Event;

use super::{Entry, Kind, canonical, structural_parent};

/// What one file held.
#[derive(Debug)]
pub struct Imported {
    /// `cpc` or `ipc`.
    pub scheme: &'static str,
    /// True when subgroups have their real parents (dot levels or nesting in the file).
    pub levels: bool,
    pub format: &'static str,
    pub entries: Vec<Entry>,
}

/// Reads a scheme file (plain or gzipped), recognising the format from its content.
pub fn read(path: &std::path::Path) -> anyhow::Result<Imported> {
    let raw = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let bytes = if raw.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&raw[..])
            .read_to_end(&mut out)
            .with_context(|| format!("{} is not a valid gzip file", path.display()))?;
        out
    } else {
        raw
    };
    let text = std::str::from_utf8(&bytes)
        .with_context(|| format!("{} is not UTF-8 text", path.display()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let head = text.trim_start();
    let out = if head.starts_with("<?xml") || head.starts_with("<class-scheme") {
        cpc_xml(text)
    } else if head.starts_with('<') {
        bail!("unknown XML: only CPC scheme XML (<class-scheme>) is read")
    } else {
        title_list(text)
    };
    out.with_context(|| format!("cannot import {}", path.display()))
}

/// The IPC 14-character form (`A01B0001020000`) as the usual symbol (`A01B1/02`); other forms
/// pass through [`canonical`].
fn symbol(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let b = raw.as_bytes();
    if b.len() == 14 && b[4..].iter().all(u8::is_ascii_digit) {
        let main = raw[4..8].trim_start_matches('0');
        let sub = raw[8..].trim_end_matches('0');
        let sub = if sub.len() < 2 {
            format!("{sub:0<2}")
        } else {
            sub.to_string()
        };
        let main = if main.is_empty() { "0" } else { main };
        return canonical(&format!("{}{main}/{sub}", &raw[..4]));
    }
    canonical(raw)
}

/// A tab-separated title list: IPC (symbol, title; optional level words) or CPC (symbol, dots,
/// title).
fn title_list(text: &str) -> anyhow::Result<Imported> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut ipc_form = false;
    let mut dotted = false;
    // Per main group, the last entry seen at each dot level, for the CPC parents.
    let mut at_depth: Vec<String> = Vec::new();
    // A title may run over several lines (the WIPO list has a few with a line break inside a
    // reference): a line without a tab continues the record before it.
    let mut records: Vec<(usize, String)> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        match records.last_mut() {
            Some((_, prev)) if !line.contains('\t') => {
                prev.push(' ');
                prev.push_str(line.trim());
            }
            _ => records.push((n, line.to_string())),
        }
    }
    for (n, line) in &records {
        let (n, line) = (*n, line.as_str());
        let cols: Vec<&str> = line.split('\t').collect();
        if n == 0 && cols[0].trim().eq_ignore_ascii_case("symbol") {
            continue;
        }
        let (raw, dots, title) = match cols.as_slice() {
            [s, t] => (*s, None, *t),
            [s] => bail!(
                "line {}: expected a symbol and a title separated by a tab, found {:?}",
                n + 1,
                s
            ),
            [s, d, t, ..] => {
                let d = d.trim();
                let dots = if d.is_empty() || d.parse::<u8>().is_err() {
                    None
                } else {
                    Some(d.parse::<u8>().expect("checked"))
                };
                (*s, dots, *t)
            }
            [] => continue,
        };
        let Some(sym) = symbol(raw) else {
            bail!(
                "line {}: `{}` is not a classification symbol",
                n + 1,
                raw.trim()
            );
        };
        if raw.trim().len() == 14 {
            ipc_form = true;
        }
        let kind = Kind::of(&sym);
        let mut parent = None;
        match (kind, dots) {
            (Kind::MainGroup, _) => at_depth = vec![sym.clone()],
            (Kind::Group, Some(d)) if d > 0 => {
                dotted = true;
                parent = at_depth.get(d as usize - 1).cloned();
                at_depth.truncate(d as usize);
                at_depth.push(sym.clone());
            }
            _ => {}
        }
        let parent = parent.or_else(|| structural_parent(&sym));
        let (title, refs) = split_refs(title);
        // The WIPO list repeats a main group after a guidance heading ("Ploughs", then "Ploughs
        // with fixed plough-shares"): the later line is the group's title, the heading is kept.
        if let Some(prev) = entries.last_mut().filter(|e| e.symbol == sym) {
            let heading = std::mem::replace(&mut prev.title, title);
            prev.heading = Some(heading);
            if !refs.is_empty() {
                prev.refs = Some(refs);
            }
            continue;
        }
        entries.push(Entry {
            symbol: sym,
            title,
            heading: None,
            refs: (!refs.is_empty()).then_some(refs),
            parent,
        });
    }
    if entries.is_empty() {
        bail!("no symbols found");
    }
    Ok(Imported {
        scheme: if ipc_form { "ipc" } else { "cpc" },
        levels: dotted,
        format: if ipc_form {
            "IPC title list"
        } else {
            "CPC title list"
        },
        entries,
    })
}

/// Splits the parenthesised references off a title ("Hand tools (edge trimmers for lawns
/// A01G0003060000)" → "Hand tools", "edge trimmers for lawns A01G3/06"): they name *other*
/// classes, so their words must not make a class match a title search.
fn split_refs(title: &str) -> (String, String) {
    let mut kept = String::new();
    let mut refs: Vec<String> = Vec::new();
    let mut depth = 0usize;
    let mut cur = String::new();
    for c in title.chars() {
        match c {
            '(' => {
                if depth > 0 {
                    cur.push(c);
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    refs.push(std::mem::take(&mut cur));
                } else {
                    cur.push(c);
                }
            }
            _ if depth > 0 => cur.push(c),
            _ => kept.push(c),
        }
    }
    if depth > 0 {
        // Unbalanced: keep everything as title rather than lose text.
        return (collapse(title), String::new());
    }
    let refs = refs
        .iter()
        .map(|r| {
            r.split_whitespace()
                .map(|w| {
                    let bare = w.trim_end_matches([';', ',']);
                    match symbol(bare).filter(|_| bare.len() == 14) {
                        Some(s) => format!("{s}{}", &w[bare.len()..]),
                        None => w.to_string(),
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("; ");
    (collapse(&kept), refs)
}

fn collapse(s: &str) -> String {
    let out = s.split_whitespace().collect::<Vec<_>>().join(" ");
    out.trim_end_matches([';', ',', ' ']).to_string()
}

/// CPC scheme XML: every `classification-item` with a `class-title` is an entry; its parent is
/// the nearest enclosing item with a title (items without one, such as the level-6 wrappers
/// around a main group, are transparent).
fn cpc_xml(text: &str) -> anyhow::Result<Imported> {
    let mut reader = quick_xml::Reader::from_str(text);
    // One frame per open classification-item: its symbol, and whether it became an entry.
    let mut items: Vec<(String, bool)> = Vec::new();
    let mut entries: Vec<Entry> = Vec::new();
    let mut in_symbol = false;
    let mut symbol_text = String::new();
    let mut title_depth = 0usize; // > 0 inside class-title
    let mut ref_depth = 0usize; // > 0 inside a reference (within the title)
    let mut parts: Vec<String> = Vec::new();
    let mut refs: Vec<String> = Vec::new();
    let mut saw_scheme = false;
    loop {
        let ev = reader.read_event().map_err(|e| {
            anyhow::anyhow!(
                "XML error at byte {}: {e}",
                reader.error_position().max(reader.buffer_position())
            )
        })?;
        match ev {
            Event::Start(e) => match e.name().into_inner() {
                "class-scheme" => saw_scheme = true,
                "classification-item" => items.push((String::new(), false)),
                "classification-symbol" => {
                    in_symbol = true;
                    symbol_text.clear();
                }
                "class-title" => {
                    title_depth += 1;
                    parts.clear();
                    refs.clear();
                }
                "title-part" if title_depth > 0 && ref_depth == 0 => parts.push(String::new()),
                "reference" if title_depth > 0 => {
                    ref_depth += 1;
                    refs.push(String::new());
                }
                _ => {}
            },
            Event::End(e) => match e.name().into_inner() {
                "classification-item" => {
                    items.pop();
                }
                "classification-symbol" => {
                    in_symbol = false;
                    if let Some(top) = items.last_mut() {
                        top.0 = symbol_text.trim().to_string();
                    }
                }
                "class-title" => {
                    title_depth = title_depth.saturating_sub(1);
                    let Some((raw, _)) = items.last() else {
                        continue;
                    };
                    let Some(sym) = canonical(raw) else {
                        bail!("`{raw}` is not a classification symbol");
                    };
                    let parent = items
                        .iter()
                        .rev()
                        .skip(1)
                        .find(|(s, titled)| *titled && *s != sym)
                        .and_then(|(s, _)| canonical(s))
                        .or_else(|| structural_parent(&sym));
                    let title = parts
                        .iter()
                        .map(|p| collapse(p))
                        .filter(|p| !p.is_empty())
                        .collect::<Vec<_>>()
                        .join("; ");
                    let r = refs
                        .iter()
                        .map(|p| collapse(p))
                        .filter(|p| !p.is_empty())
                        .collect::<Vec<_>>()
                        .join("; ");
                    items.last_mut().expect("checked").1 = true;
                    if let Some(prev) = entries.iter_mut().rev().find(|e| e.symbol == sym) {
                        // The same symbol twice (a heading item and the group): keep both texts.
                        if prev.title.is_empty() {
                            prev.title = title;
                        } else if !title.is_empty() && prev.title != title {
                            prev.heading = Some(std::mem::replace(&mut prev.title, title));
                        }
                        continue;
                    }
                    entries.push(Entry {
                        symbol: sym,
                        title,
                        heading: None,
                        refs: (!r.is_empty()).then_some(r),
                        parent,
                    });
                }
                "reference" if ref_depth > 0 => ref_depth -= 1,
                _ => {}
            },
            Event::Text(t) => push_text(
                &t,
                in_symbol,
                &mut symbol_text,
                title_depth,
                ref_depth,
                &mut parts,
                &mut refs,
            ),
            Event::GeneralRef(r) => push_text(
                &crate::parse::text::reference_text(&r),
                in_symbol,
                &mut symbol_text,
                title_depth,
                ref_depth,
                &mut parts,
                &mut refs,
            ),
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_scheme {
        bail!("no <class-scheme> element: not a CPC scheme file");
    }
    if entries.is_empty() {
        bail!("the scheme holds no classification items with titles");
    }
    Ok(Imported {
        scheme: "cpc",
        levels: true,
        format: "CPC scheme XML",
        entries,
    })
}

fn push_text(
    s: &str,
    in_symbol: bool,
    symbol_text: &mut String,
    title_depth: usize,
    ref_depth: usize,
    parts: &mut [String],
    refs: &mut [String],
) {
    if in_symbol {
        symbol_text.push_str(s);
    } else if title_depth > 0 {
        let target = if ref_depth > 0 {
            refs.last_mut()
        } else {
            parts.last_mut()
        };
        if let Some(t) = target {
            t.push_str(s);
            t.push(' ');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipc_long_symbols() {
        assert_eq!(symbol("A01B0001020000").as_deref(), Some("A01B1/02"));
        assert_eq!(symbol("A01B0001000000").as_deref(), Some("A01B1/00"));
        assert_eq!(symbol("H01M0010052500").as_deref(), Some("H01M10/0525"));
        assert_eq!(symbol("A01B0001100000").as_deref(), Some("A01B1/10"));
        assert_eq!(symbol("G06F0017300000").as_deref(), Some("G06F17/30"));
        assert_eq!(symbol("A01B").as_deref(), Some("A01B"));
        assert_eq!(symbol("nonsense"), None);
    }

    #[test]
    fn references_leave_the_title() {
        let (t, r) = split_refs("Hand tools (edge trimmers for lawns A01G0003060000)");
        assert_eq!(t, "Hand tools");
        assert_eq!(r, "edge trimmers for lawns A01G3/06");
        let (t, r) = split_refs("Spades; Shovels");
        assert_eq!((t.as_str(), r.as_str()), ("Spades; Shovels", ""));
        let (t, _) = split_refs("Broken (title");
        assert_eq!(t, "Broken (title");
    }

    #[test]
    fn cpc_title_list_dots_give_parents() {
        let text = "A\t\tHUMAN NECESSITIES\nA01\t\tAGRICULTURE\nA01B\t\tSOIL WORKING\n\
                    A01B1/00\t0\tHand tools\nA01B1/02\t1\tSpades; Shovels\n\
                    A01B1/022\t2\twith teeth\nA01B1/04\t1\tHoes\n";
        let got = title_list(text).unwrap();
        assert_eq!(got.scheme, "cpc");
        assert!(got.levels);
        let parent = |s: &str| {
            got.entries
                .iter()
                .find(|e| e.symbol == s)
                .unwrap()
                .parent
                .clone()
        };
        assert_eq!(parent("A01B1/022").as_deref(), Some("A01B1/02"));
        assert_eq!(parent("A01B1/04").as_deref(), Some("A01B1/00"));
        assert_eq!(parent("A01B1/00").as_deref(), Some("A01B"));
        assert_eq!(parent("A").as_deref(), None);
    }

    #[test]
    fn bad_lines_are_errors_with_their_number() {
        let e = title_list("A\tHUMAN\nzzz\tsomething\n").unwrap_err();
        assert!(e.to_string().contains("line 2"), "{e}");
        let e = title_list("just one column\n").unwrap_err();
        assert!(e.to_string().contains("line 1"), "{e}");
    }
}
