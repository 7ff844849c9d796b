//! `patdex classes`: import classification schemes, search their titles, show a class with its
//! path, children and document counts.

use std::io::Write;
use std::path::PathBuf;

use super::Failure;
use super::render::table;
use crate::classes::{self, Classes, Tree, browse};
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
    let got = browse::trees(classes, scheme);
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
    let rows = browse::search(reader.as_ref().map(|r| &r.searcher), &trees, words, limit)?;
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
    let reader = IndexReader::open(layout).ok();
    let shown = browse::show(
        classes,
        reader.as_ref().map(|r| &r.searcher),
        name,
        tree,
        &symbol,
    )?
    .expect("the scheme holds the symbol");
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
