//! Analysis: what patdex computes on top of searches (prior art, trends, portfolios, risk).
//! It may use `query` and `index`; nothing below it uses this module.
//!
//! * [`eval`] measures retrieval quality the way patent-search evaluations do (Recall@k, MAP,
//!   PRES, nDCG) and reads and writes the TREC formats; `patdex eval` will use it to prove the
//!   prior-art search.

pub mod eval;
