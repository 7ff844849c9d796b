//! Analysis: what patdex computes on top of searches (prior art, trends, portfolios, risk).
//! It may use `query` and `index`; nothing below it uses this module.
//!
//! * [`terms`] counts the words and word pairs of an invention text.
//! * [`prior_art`] turns an invention into a ranked list of earlier documents with evidence.
//! * [`eval`] measures retrieval quality the way patent-search evaluations do (Recall@k, MAP,
//!   PRES, nDCG) and reads and writes the TREC formats.
//! * [`topics`] builds evaluation topics (from the index's own citations, or from files) and
//!   runs the prior-art configurations over them.

pub mod eval;
pub mod prior_art;
pub mod terms;
pub mod topics;
