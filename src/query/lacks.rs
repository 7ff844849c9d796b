//! Records that lack a part, and the searches that cannot find them.
//!
//! Records exported from other databases (PatSnap, The Lens, Google Patents) are bibliographic:
//! they have no claims and no description, and some have no abstract (`Patent::lacks`, indexed
//! as the keyword field `lacks`). A search that needs such a part (`cl:bubble`, or
//! `cl:x OR desc:y`) can never match them, which would otherwise look like "no such document".
//! [`missing`] finds, for a resolved query, every set of parts whose absence rules a document out,
//! and counts the documents of the index lacking them with a term query on `lacks`, so
//! `search` and `explain` can say why those records are not among the hits.

use serde::Serialize;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

use super::plan::Plan;
use crate::index::schema::{self, PARTS, part_of};

/// Documents of the index a query cannot match because they lack parts it must match in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Missing {
    /// The parts those documents lack (values of `lacks:`), e.g. `["claims"]`.
    pub lacks: Vec<&'static str>,
    /// The field prefixes of the query that search only those parts, e.g. `["cl"]`.
    pub fields: Vec<&'static str>,
    /// Documents of the index lacking every one of `lacks`.
    pub documents: u64,
    /// Documents in the index.
    pub total: u64,
    /// The explanation, as printed after `note: `.
    pub message: String,
}

/// A set of parts, one bit per entry of [`PARTS`].
type Parts = u32;

fn parts_in(set: Parts) -> Vec<&'static str> {
    PARTS
        .iter()
        .enumerate()
        .filter(|(i, _)| set & (1 << i) != 0)
        .map(|(_, (p, _))| *p)
        .collect()
}

fn bit(part: &str) -> Parts {
    PARTS
        .iter()
        .position(|(p, _)| *p == part)
        .map_or(0, |i| 1 << i)
}

/// Whether a text clause over `fields` can match a document lacking the parts in `set`: only
/// when one of its fields is outside them (the title never is missing).
fn field_reachable(fields: &[&str], set: Parts) -> bool {
    fields
        .iter()
        .any(|f| part_of(f).is_none_or(|p| set & bit(p) == 0))
}

/// Whether `plan` can match some document that lacks the parts in `set`. Only the positive side
/// counts: `x NOT cl:y` and `-cl:y` match such documents (their claims cannot contain y).
fn can_match(plan: &Plan, set: Parts) -> bool {
    match plan {
        Plan::Text { fields, .. } => field_reachable(fields, set),
        Plan::Term { .. }
        | Plan::TermSet { .. }
        | Plan::TermGlob { .. }
        | Plan::Date { .. }
        | Plan::Neg(..) => true,
        Plan::And(v, _) => v.iter().all(|p| can_match(p, set)),
        Plan::Or(v, _) => v.iter().any(|p| can_match(p, set)),
        Plan::Not(a, _, _) => can_match(a, set),
    }
}

/// The prefixes of the positive text clauses that cannot match documents lacking `set`.
fn blocked_prefixes(plan: &Plan, set: Parts, out: &mut Vec<&'static str>) {
    match plan {
        Plan::Text { prefix, fields, .. } => {
            if !field_reachable(fields, set) && !out.contains(prefix) {
                out.push(prefix);
            }
        }
        Plan::And(v, _) | Plan::Or(v, _) => v.iter().for_each(|p| blocked_prefixes(p, set, out)),
        Plan::Not(a, _, _) => blocked_prefixes(a, set, out),
        Plan::Term { .. }
        | Plan::TermSet { .. }
        | Plan::TermGlob { .. }
        | Plan::Date { .. }
        | Plan::Neg(..) => {}
    }
}

/// The smallest sets of parts whose absence rules a document out of `plan`, each with the
/// prefixes that need them: `cl:x` gives `{claims}` (`cl`); `cl:x AND desc:y` gives `{claims}`
/// and `{description}`; `cl:x OR desc:y` gives `{claims, description}`; `txt:x` or
/// `cl:x OR ti:x` give nothing.
pub fn blocking_sets(plan: &Plan) -> Vec<(Vec<&'static str>, Vec<&'static str>)> {
    let all: Parts = (1 << PARTS.len()) - 1;
    let mut sets: Vec<Parts> = (1..=all).collect();
    sets.sort_by_key(|s| (s.count_ones(), *s));
    let mut found: Vec<Parts> = Vec::new();
    let mut out = Vec::new();
    for set in sets {
        if found.iter().any(|f| f & set == *f) || can_match(plan, set) {
            continue;
        }
        found.push(set);
        let mut prefixes = Vec::new();
        blocked_prefixes(plan, set, &mut prefixes);
        out.push((parts_in(set), prefixes));
    }
    out
}

/// Documents of the index lacking every part of `set`: a conjunction of term queries on the
/// `lacks` field.
fn count_lacking(searcher: &Searcher, set: Parts) -> tantivy::Result<u64> {
    let field = schema::field("lacks");
    let q = BooleanQuery::new(
        parts_in(set)
            .into_iter()
            .map(|p| {
                let t: Box<dyn Query> = Box::new(TermQuery::new(
                    Term::from_field_text(field, p),
                    IndexRecordOption::Basic,
                ));
                (Occur::Must, t)
            })
            .collect(),
    );
    Ok(q.count(searcher)? as u64)
}

/// What to tell the searcher about the documents `plan` cannot match for want of a part; empty
/// when every document of the index could match (full-text indexes, all-fields searches).
pub fn missing(searcher: &Searcher, plan: &Plan) -> tantivy::Result<Vec<Missing>> {
    let total = searcher.num_docs();
    let mut out = Vec::new();
    for (lacks, fields) in blocking_sets(plan) {
        let set = lacks.iter().fold(0, |s, p| s | bit(p));
        let documents = count_lacking(searcher, set)?;
        if documents == 0 {
            continue;
        }
        // Parts some of these documents do have, to suggest searching; a part every one of
        // them lacks too would find nothing.
        let mut have = Vec::new();
        for (part, _) in PARTS {
            let b = bit(part);
            if set & b == 0 && count_lacking(searcher, set | b)? < documents {
                have.push(*part);
            }
        }
        let message = message(&lacks, &fields, &have, documents, total);
        out.push(Missing {
            lacks,
            fields,
            documents,
            total,
            message,
        });
    }
    Ok(out)
}

/// `2244` as `2,244`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `a`, `a and b`, `a, b and c`.
fn list(items: &[String], last: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., end] => format!("{} {last} {end}", init.join(", ")),
    }
}

/// The prefix that searches a part.
fn prefix_of(part: &str) -> &'static str {
    match part {
        "abstract" => "ab",
        "claims" => "cl",
        _ => "desc",
    }
}

fn message(lacks: &[&str], fields: &[&str], have: &[&str], documents: u64, total: u64) -> String {
    let who = if documents == total {
        if documents == 1 {
            "the only document in the index is a record".to_string()
        } else {
            format!(
                "all {} documents in the index are records",
                thousands(total)
            )
        }
    } else {
        format!(
            "{} of the {} documents in the index {}",
            thousands(documents),
            thousands(total),
            if documents == 1 {
                "is a record"
            } else {
                "are records"
            }
        )
    };
    let parts: Vec<String> = lacks
        .iter()
        .map(|p| match *p {
            "abstract" => "an abstract".to_string(),
            "description" => "a description".to_string(),
            p => p.to_string(),
        })
        .collect();
    let fields: Vec<String> = fields.iter().map(|f| format!("`{f}:`")).collect();
    let mut search: Vec<String> = vec!["`ti:`".to_string()];
    search.extend(have.iter().map(|p| format!("`{}:`", prefix_of(p))));
    let query: Vec<String> = lacks.iter().map(|p| format!("lacks:{p}")).collect();
    format!(
        "{who} without {} (bibliographic records exported from other databases), which {} cannot match. Search {} too to reach them; `{}` finds them.",
        list(&parts, "and"),
        list(&fields, "and"),
        list(&search, "or"),
        query.join(" "),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::{parse, plan};

    fn sets(q: &str) -> Vec<(Vec<&'static str>, Vec<&'static str>)> {
        blocking_sets(&plan::resolve(q, &parse::parse(q).unwrap()).unwrap())
    }

    #[test]
    fn searches_that_need_a_part() {
        assert_eq!(sets("cl:bubble"), vec![(vec!["claims"], vec!["cl"])]);
        assert_eq!(
            sets("icl:(a NEAR/3 b)"),
            vec![(vec!["claims"], vec!["icl"])]
        );
        assert_eq!(sets("ab:bubble"), vec![(vec!["abstract"], vec!["ab"])]);
        assert_eq!(
            sets("desc:\"air bubble\" pd>2000"),
            vec![(vec!["description"], vec!["desc"])]
        );
        assert_eq!(
            sets("cl:x AND desc:y"),
            vec![
                (vec!["claims"], vec!["cl"]),
                (vec!["description"], vec!["desc"])
            ]
        );
        assert_eq!(
            sets("cl:x OR desc:y"),
            vec![(vec!["claims", "description"], vec!["cl", "desc"])]
        );
        assert_eq!(
            sets("(cl:x OR icl:y) NOT ti:z"),
            vec![(vec!["claims"], vec!["cl", "icl"])]
        );
        assert_eq!(
            sets("ab:x OR cl:x OR desc:x"),
            vec![(
                vec!["abstract", "claims", "description"],
                vec!["ab", "cl", "desc"]
            )]
        );
    }

    #[test]
    fn searches_every_record_can_match() {
        for q in [
            "bubble",
            "txt:bubble",
            "ti:bubble",
            "cl:bubble OR ti:bubble",
            "ti:x NOT cl:y",
            "-cl:y",
            "pa:kestrel",
            "cpc:H01M",
            "lacks:claims",
            "US7654321B2",
        ] {
            let plan = plan::bare_number(q)
                .unwrap_or_else(|| plan::resolve(q, &parse::parse(q).unwrap()).unwrap());
            assert!(blocking_sets(&plan).is_empty(), "{q}");
        }
    }

    #[test]
    fn messages() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(2244), "2,244");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(
            message(&["claims"], &["cl"], &["abstract"], 2244, 2249),
            "2,244 of the 2,249 documents in the index are records without claims (bibliographic records exported from other databases), which `cl:` cannot match. Search `ti:` or `ab:` too to reach them; `lacks:claims` finds them."
        );
        assert_eq!(
            message(&["claims", "description"], &["cl", "desc"], &[], 5, 5),
            "all 5 documents in the index are records without claims and a description (bibliographic records exported from other databases), which `cl:` and `desc:` cannot match. Search `ti:` too to reach them; `lacks:claims lacks:description` finds them."
        );
    }
}
