//! patdex: a self-hosted patent search guide and full-text index.
//!
//! Data flows one way through the modules, and no module reaches back up the chain:
//!
//! ```text
//! source → parse → index → query → (analysis) → cli
//! ```
//!
//! * [`number`] and [`names`] normalise publication numbers and owner names wherever they
//!   appear, and [`term`] estimates when a patent's term ends (below the chain: every layer may
//!   use them; the doc mapper indexes the estimate).
//! * [`source`] finds input files, opens zip/gzip/tar containers and splits concatenated XML.
//! * [`parse`] turns one XML document into the one [`model::Patent`] model.
//! * [`index`] maps patents to tantivy fields, runs the ingest pipeline, keeps the manifest and
//!   the quarantine, and reads the index back.
//! * [`query`] turns what a searcher types into a tantivy query.
//! * [`analysis`] works on top of searches: prior art and its evaluation, trends, portfolios,
//!   citations and freedom-to-operate risk.
//! * [`watch`] is active distribution on top of queries: alert profiles, what each has
//!   delivered, runs that find only new hits, and collections.
//! * [`classes`] holds the classification schemes imported into the index folder (titles,
//!   hierarchy, `cpc:CODE/low`).
//! * [`cli`] is the command-line surface, [`server`] the JSON API (`patdex serve`).
//!
//! See `ARCHITECTURE.md` for the reasons behind this shape.

pub mod analysis;
pub mod classes;
pub mod cli;
pub mod index;
pub mod model;
pub mod names;
pub mod number;
pub mod parse;
pub mod query;
pub mod server;
pub mod source;
pub mod term;
pub mod watch;
