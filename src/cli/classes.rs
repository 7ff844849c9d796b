//! `patdex classes`: import classification schemes, search their titles, show a class with its
//! path, children and document counts.

use std::io::Write;
use std::path::PathBuf;

use serde::Serialize;

use super::Failure;
use super::render::table;
use crate::classes::{self, Classes, Entry, Kind, Tree};
use crate::index::Layout;
use crate::index::reader::IndexReader;

#[derive(Debug, clap::Args)]
pub struct ClassesArgs {
    #[command(subcommand)]
    pub command: ClassesCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum ClassesCommand {
    /// Load scheme titles into the index folder: WIPO IPC title lists (symbol TAB title, the
    /// 14-character symbols of `ipc_*_titles` files, .gz accepted), CPC title lists (symbol TAB
    /// dots TAB title) and CPC scheme XML (`cpc-scheme-H01M.xml`). Importing again replaces the
    /// same symbols and keeps the others, so a scheme can be loaded file by file.
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The scheme the files hold, when the format does not say (a CPC-style list of IPC).
        #[arg(long, value_parser = ["cpc", "ipc"])]
        scheme: Option<String>,
    },
    /// Rank classes by their titles, with the number of documents of the index in each.
    Search {
        #[arg(required = true)]
        words: Vec<String>,
        /// cpc or ipc (default: every imported scheme).
        #[arg(long, value_parser = ["cpc", "ipc"])]
        scheme: Option<String>,
        #[arg(long, short = 'n', default_value_t = 15)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// A class: its title, the path up to its section, its children, and document counts.
    Show {
        code: String,
        /// cpc or ipc (default: the first imported scheme that has the code, CPC first).
        #[arg(long, value_parser = ["cpc", "ipc"])]
        scheme: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

pub(super) fn run(layout: &Layout, args: ClassesArgs, out: &mut dyn Write) -> Result<u8, Failure> {
    let classes = Classes::at(&layout.root);
    match args.command {
        ClassesCommand::Import { files, scheme } => {
            let got = classes.import(&files, scheme.as_deref())?;
            for s in &got {
                writeln!(
                    out,
                    "{}: {} symbols ({}{})",
                    s.file,
                    s.entries,
                    s.format,
                    if s.levels {
                        ", with levels"
                    } else {
                        ", no levels: subgroups are placed under their main group"
                    }
                )?;
            }
            for name in classes::SCHEMES {
                let fresh = Classes::at(&layout.root);
                if let Some(t) = fresh.tree(name) {
                    writeln!(
                        out,
                        "{} scheme: {} symbols from {} file(s) in {}",
                        name.to_uppercase(),
                        t.len(),
                        t.scheme.sources.len(),
                        classes.file(name).display()
                    )?;
                }
            }
            Ok(0)
        }
        ClassesCommand::Search {
            words,
            scheme,
            limit,
            json,
        } => search(layout, &classes, &words.join(" "), scheme, limit, json, out),
        ClassesCommand::Show { code, scheme, json } => {
            show(layout, &classes, &code, scheme, json, out)
        }
    }
}

fn schemes_to_use<'c>(
    classes: &'c Classes,
    scheme: Option<&str>,
) -> Result<Vec<(&'static str, &'c Tree)>, Failure> {
    let got: Vec<_> = classes::SCHEMES
        .iter()
        .filter(|s| scheme.is_none_or(|w| w == **s))
        .filter_map(|s| classes.tree(s).map(|t| (*s, t)))
        .collect();
    if got.is_empty() {
        let problems = classes.problems();
        return Err(Failure {
            code: 2,
            message: if problems.is_empty() {
                format!(
                    "no {} scheme is imported; import titles with `patdex classes import FILE` (WIPO IPC title list, CPC title list or CPC scheme XML; see docs/GUIDE.md)",
                    scheme.map_or("classification".to_string(), str::to_uppercase)
                )
            } else {
                problems.join("; ")
            },
            bare: false,
        });
    }
    Ok(got)
}

/// One class in a listing.
#[derive(Debug, Serialize)]
pub struct Listed {
    pub scheme: &'static str,
    pub symbol: String,
    pub title: String,
    /// Documents classified in the code or below it.
    pub documents: u64,
}

fn search(
    layout: &Layout,
    classes: &Classes,
    words: &str,
    scheme: Option<String>,
    limit: usize,
    json: bool,
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    let trees = schemes_to_use(classes, scheme.as_deref())?;
    let reader = IndexReader::open(layout).ok();
    let mut rows = Vec::new();
    for (name, tree) in trees {
        for e in tree.search(words, limit) {
            let documents = match &reader {
                Some(r) => classes::count_below(&r.searcher, name, &e.symbol, Some(tree))?,
                None => 0,
            };
            rows.push(Listed {
                scheme: name,
                symbol: e.symbol.clone(),
                title: context_title(tree, e),
                documents,
            });
        }
    }
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&rows)?)?;
    } else if rows.is_empty() {
        writeln!(out, "no class title has these words")?;
    } else {
        let mut t = table(["scheme", "class", "documents", "title"]);
        for r in &rows {
            t.add_row(vec![
                r.scheme.to_uppercase(),
                r.symbol.clone(),
                r.documents.to_string(),
                r.title.clone(),
            ]);
        }
        writeln!(out, "{t}")?;
        if reader.is_none() {
            writeln!(out, "(no index here, so no document counts)")?;
        }
    }
    Ok(if rows.is_empty() { 1 } else { 0 })
}

/// A subgroup's title with its main group's in front, since subgroup titles continue their
/// parents' ("with teeth" means nothing alone).
fn context_title(tree: &Tree, e: &Entry) -> String {
    if Kind::of(&e.symbol) != Kind::Group {
        return e.title.clone();
    }
    let path = tree.path(&e.symbol);
    let titles: Vec<&str> = path
        .iter()
        .filter(|(s, _)| matches!(Kind::of(s), Kind::MainGroup | Kind::Group))
        .filter_map(|(_, e)| e.map(|e| e.title.as_str()))
        .collect();
    titles.join(" › ")
}

#[derive(Debug, Serialize)]
struct Shown {
    scheme: &'static str,
    symbol: String,
    level: &'static str,
    title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    heading: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    references: Option<String>,
    /// Documents with exactly this code.
    documents_exact: u64,
    /// Documents with this code or one below it (`cpc:CODE/low`).
    documents_below: u64,
    path: Vec<Listed>,
    children: Vec<Listed>,
}

fn show(
    layout: &Layout,
    classes: &Classes,
    code: &str,
    scheme: Option<String>,
    json: bool,
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    let Some(symbol) = classes::canonical(code) else {
        return Err(Failure {
            code: 2,
            message: format!(
                "`{code}` is not a class code; codes look like H01M, H01M10/00 (or H01M10), H01M10/0525"
            ),
            bare: false,
        });
    };
    let trees = schemes_to_use(classes, scheme.as_deref())?;
    let Some((name, tree)) = trees.iter().find(|(_, t)| t.get(&symbol).is_some()) else {
        let names: Vec<String> = trees.iter().map(|(n, _)| n.to_uppercase()).collect();
        return Err(Failure {
            code: 1,
            message: format!(
                "{symbol} is not in the imported {} scheme; find classes by title with `patdex classes search WORDS`, or import the file that holds it",
                names.join(" or ")
            ),
            bare: false,
        });
    };
    let (name, tree) = (*name, *tree);
    let e = tree.get(&symbol).expect("found");
    let reader = IndexReader::open(layout).ok();
    let counts = |s: &str| -> anyhow::Result<(u64, u64)> {
        let Some(r) = &reader else {
            return Ok((0, 0));
        };
        let exact = classes::count(&r.searcher, name, &[s.to_string()])?;
        Ok((
            exact,
            classes::count_below(&r.searcher, name, s, Some(tree))?,
        ))
    };
    let listed = |s: &str, title: String| -> anyhow::Result<Listed> {
        Ok(Listed {
            scheme: name,
            symbol: s.to_string(),
            title,
            documents: counts(s)?.1,
        })
    };
    // Section, class and subclass titles are the same in IPC and CPC: a CPC subclass file
    // without its section borrows them from an imported IPC list.
    let other = classes::SCHEMES
        .iter()
        .filter(|s| **s != name)
        .find_map(|s| classes.tree(s));
    let mut path = Vec::new();
    for (s, entry) in tree.path(&symbol) {
        if s == symbol {
            continue;
        }
        let title = entry
            .map(|e| e.title.clone())
            .or_else(|| {
                (Kind::of(&s) <= Kind::Subclass)
                    .then(|| other.and_then(|o| o.get(&s)).map(|e| e.title.clone()))
                    .flatten()
            })
            .unwrap_or_default();
        path.push(listed(&s, title)?);
    }
    let children = tree
        .children(&symbol)
        .into_iter()
        .map(|c| listed(&c.symbol, c.title.clone()))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let (documents_exact, documents_below) = counts(&symbol)?;
    let shown = Shown {
        scheme: name,
        symbol: symbol.clone(),
        level: Kind::of(&symbol).name(),
        title: e.title.clone(),
        heading: e.heading.clone(),
        references: e.refs.clone(),
        documents_exact,
        documents_below,
        path,
        children,
    };
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&shown)?)?;
        return Ok(0);
    }
    writeln!(
        out,
        "{} {} ({}): {}",
        name.to_uppercase(),
        shown.symbol,
        shown.level,
        shown.title
    )?;
    if let Some(h) = &shown.heading {
        writeln!(out, "  under the heading: {h}")?;
    }
    if let Some(r) = &shown.references {
        writeln!(out, "  references: {r}")?;
    }
    if reader.is_some() {
        writeln!(
            out,
            "  documents: {} with this code, {} with it or a code below ({name}:{}/low)",
            shown.documents_exact, shown.documents_below, shown.symbol
        )?;
    } else {
        writeln!(out, "  (no index here, so no document counts)")?;
    }
    writeln!(out, "\npath:")?;
    for (depth, p) in shown.path.iter().enumerate() {
        writeln!(
            out,
            "  {}{:<12} {:>6}  {}",
            "  ".repeat(depth),
            p.symbol,
            p.documents,
            p.title
        )?;
    }
    if shown.children.is_empty() {
        writeln!(out, "\nno codes below it")?;
    } else {
        writeln!(out, "\nbelow it:")?;
        for c in &shown.children {
            writeln!(out, "  {:<14} {:>6}  {}", c.symbol, c.documents, c.title)?;
        }
    }
    Ok(0)
}
