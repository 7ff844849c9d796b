//! Analysis: what patdex computes on top of searches (prior art, trends, portfolios, risk).
//! It may use `query` and `index`; nothing below it uses this module.
//!
//! * [`terms`] counts the words and word pairs of an invention text.
//! * [`prior_art`] turns an invention into a ranked list of earlier documents with evidence.
//! * [`eval`] measures retrieval quality the way patent-search evaluations do (Recall@k, MAP,
//!   PRES, nDCG) and reads and writes the TREC formats.
//! * [`topics`] builds evaluation topics (from the index's own citations, or from files) and
//!   runs the prior-art configurations over them.
//! * [`owners`] finds the owner spellings a typed name means (for portfolios and citations).
//! * [`portfolio`] is one owner's documents by year, class and kind, their status, the most
//!   cited ones and the co-assignees.
//! * [`term`] estimates when a US patent's term ends, saying which rule it applied.
//! * [`trend`] counts a whole result set over time inside tantivy (periods, leading owners,
//!   inventors, classes, countries, growth, new entrants, owner kinds, emerging terms).
//! * [`citations`] follows citations both ways (term queries on the normalised `cites` keys),
//!   one or two generations, groups citing documents by owner, and finds who cites an
//!   assignee's documents (licensing prospects).

pub mod citations;
pub mod elements;
pub mod eval;
pub mod guide;
pub mod owners;
pub mod portfolio;
pub mod prior_art;
pub mod risk;
pub mod terms;
pub mod topics;
pub mod trend;
