//! `patdex serve`: the JSON API over one index, for the web page and for scripts.
//!
//! A surface, like the CLI: it calls the query, analysis and classes layers and never writes
//! the index. The tantivy reader reloads on each commit (`ReloadPolicy::OnCommitWithDelay`), so
//! a librarian can ingest while the server answers; every request takes a fresh searcher.
//! Queries run on tokio's blocking pool under a time limit, pages are capped, and no request
//! names a file: the only paths read are the index folder given at start.
//!
//! The routes are listed once, in [`ROUTES`]; `openapi.json` (served at `/api/openapi.json`)
//! describes the same set, and `tests/server.rs` checks that the two agree.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use axum::Router;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path as UrlPath, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::classes::{Classes, browse};
use crate::index::Layout;
use crate::index::reader::IndexReader;
use crate::number::PubNumber;
use crate::query::QueryError;
use crate::query::search::{self, Sort};

/// Every route of the API, method and path (axum's `{name}` captures): the router is built from
/// the same handlers, and the OpenAPI description must list exactly these.
pub const ROUTES: &[(&str, &str)] = &[
    ("GET", "/api/search"),
    ("GET", "/api/search.csv"),
    ("GET", "/api/explain"),
    ("GET", "/api/doc/{number}"),
    ("GET", "/api/classes/search"),
    ("GET", "/api/classes/show"),
    ("GET", "/api/translate"),
    ("GET", "/api/guide"),
    ("POST", "/api/prior-art"),
    ("GET", "/api/trend"),
    ("GET", "/api/profiles"),
    ("GET", "/api/stats"),
    ("GET", "/api/openapi.json"),
];

/// The page's files, embedded: no CDN, nothing fetched at run time.
pub const PAGE: &[(&str, &str, &str)] = &[
    (
        "/",
        "text/html; charset=utf-8",
        include_str!("page/index.html"),
    ),
    (
        "/app.js",
        "text/javascript; charset=utf-8",
        include_str!("page/app.js"),
    ),
    (
        "/style.css",
        "text/css; charset=utf-8",
        include_str!("page/style.css"),
    ),
];

/// The OpenAPI 3.1 description of [`ROUTES`].
pub const OPENAPI: &str = include_str!("openapi.json");

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Options {
    pub addr: SocketAddr,
    /// Largest page a search returns.
    pub max_limit: usize,
    /// Most rows a CSV export holds (each row reads a stored record).
    pub max_export: usize,
    /// Longest a request may compute before it is answered with 503.
    pub timeout: Duration,
}

#[derive(Clone)]
struct App {
    index: tantivy::Index,
    reader: tantivy::IndexReader,
    root: PathBuf,
    opts: Arc<Options>,
}

impl App {
    /// A reader over the latest commit.
    fn current(&self) -> IndexReader {
        IndexReader {
            index: self.index.clone(),
            searcher: self.reader.searcher(),
            root: self.root.clone(),
        }
    }

    /// Runs `f` on the blocking pool with a fresh reader, under the time limit.
    async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(IndexReader) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let reader = self.current();
        let limit = self.opts.timeout;
        match tokio::time::timeout(limit, tokio::task::spawn_blocking(move || f(reader))).await {
            Ok(Ok(r)) => r,
            Ok(Err(e)) => Err(ApiError::internal(anyhow::anyhow!(
                "the request failed: {e}"
            ))),
            Err(_) => Err(ApiError {
                status: StatusCode::SERVICE_UNAVAILABLE,
                body: json!({
                    "error": format!("the request took longer than {} s", limit.as_secs_f32()),
                    "hint": "narrow the query (a field, a class, a date range), or ask for fewer facets",
                }),
            }),
        }
    }
}

/// An error as JSON: `error` (the message), `hint`, and for a bad query `start`/`end` (byte
/// offsets into it) and `rendered` (the query with carets under the problem, as the CLI prints).
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    body: Value,
}

impl ApiError {
    fn query(e: QueryError) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            body: json!({
                "error": e.message,
                "hint": e.hint,
                "start": e.loc.start,
                "end": e.loc.end,
                "rendered": e.render(),
            }),
        }
    }

    fn bad(message: impl Into<String>, hint: &str) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            body: json!({ "error": message.into(), "hint": hint }),
        }
    }

    fn not_found(message: impl Into<String>, hint: &str) -> ApiError {
        ApiError {
            status: StatusCode::NOT_FOUND,
            body: json!({ "error": message.into(), "hint": hint }),
        }
    }

    fn internal(e: anyhow::Error) -> ApiError {
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            body: json!({ "error": format!("{e:#}"), "hint": "check the server's log and the index (patdex stats)" }),
        }
    }
}

impl From<tantivy::TantivyError> for ApiError {
    fn from(e: tantivy::TantivyError) -> ApiError {
        ApiError::internal(e.into())
    }
}

impl From<anyhow::Error> for ApiError {
    fn from(e: anyhow::Error) -> ApiError {
        match e.downcast::<QueryError>() {
            Ok(q) => ApiError::query(q),
            Err(e) => ApiError::internal(e),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, axum::Json(self.body)).into_response()
    }
}

type Reply = Result<axum::Json<Value>, ApiError>;

/// A value as the JSON answer.
fn to_json<T: serde::Serialize>(v: T) -> Reply {
    Ok(axum::Json(
        serde_json::to_value(v).map_err(|e| ApiError::internal(e.into()))?,
    ))
}

/// A query prepared against the current reader, with the index folder's classification schemes
/// (for `/low`).
fn prepare(reader: &IndexReader, q: &str) -> Result<crate::query::Prepared, ApiError> {
    crate::query::prepare_with(&reader.searcher, q, &Classes::at(&reader.root))
        .map_err(ApiError::query)
}

fn parse_sort(s: Option<&str>) -> Result<Sort, ApiError> {
    s.map_or(Ok(Sort::default()), |s| {
        s.parse().map_err(|e: String| {
            ApiError::bad(
                e,
                "sort is relevance, pd, ad, prd or exp, with :asc or :desc",
            )
        })
    })
}

/// The query-string parameters, or a JSON error naming what is missing or malformed.
fn params<T>(p: Result<Query<T>, QueryRejection>) -> Result<T, ApiError> {
    p.map(|Query(p)| p).map_err(|e| {
        ApiError::bad(
            e.body_text(),
            "the parameters of each route are listed at /api/openapi.json",
        )
    })
}

/// Opens the index and serves until interrupted. Prints the address it listens on first (the
/// port may have been 0: any free port).
pub fn serve(layout: &Layout, opts: Options) -> anyhow::Result<()> {
    let index = layout.open_existing()?;
    let reader = index
        .reader_builder()
        .reload_policy(tantivy::ReloadPolicy::OnCommitWithDelay)
        .try_into()
        .context("cannot open a reader on the index")?;
    let app = App {
        index,
        reader,
        root: layout.root.clone(),
        opts: Arc::new(opts.clone()),
    };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the server's runtime")?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(opts.addr)
            .await
            .with_context(|| format!("cannot listen on {}", opts.addr))?;
        let addr = listener.local_addr()?;
        if !addr.ip().is_loopback() {
            eprintln!(
                "patdex: warning: listening on {addr}, reachable from other machines; the API is read-only, but anyone who reaches it can search this index"
            );
        }
        println!("patdex: serving {} at http://{addr}/", layout.root.display());
        use std::io::Write;
        let _ = std::io::stdout().flush();
        axum::serve(listener, router(app))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .context("the server stopped")
    })
}

fn router(app: App) -> Router {
    let mut r = Router::new();
    for &(path, mime, body) in PAGE {
        r = r.route(
            path,
            get(move || async move { ([(header::CONTENT_TYPE, mime)], body).into_response() }),
        );
    }
    r.route("/api/search", get(search_route))
        .route("/api/search.csv", get(csv_route))
        .route("/api/explain", get(explain_route))
        .route("/api/doc/{number}", get(doc_route))
        .route("/api/classes/search", get(classes_search_route))
        .route("/api/classes/show", get(classes_show_route))
        .route("/api/translate", get(translate_route))
        .route("/api/guide", get(guide_route))
        .route("/api/prior-art", post(prior_art_route))
        .route("/api/trend", get(trend_route))
        .route("/api/profiles", get(profiles_route))
        .route("/api/stats", get(stats_route))
        .route("/api/openapi.json", get(openapi_route))
        .fallback(|| async {
            ApiError::not_found("no such route", "the API is described at /api/openapi.json")
        })
        .with_state(app)
}

async fn openapi_route() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI).into_response()
}

#[derive(Debug, Deserialize)]
struct SearchParams {
    q: String,
    #[serde(default)]
    sort: Option<String>,
    #[serde(default)]
    offset: usize,
    #[serde(default)]
    limit: Option<usize>,
    /// Comma-separated facet names (cpc, pa, year, kind, …).
    #[serde(default)]
    facets: Option<String>,
    /// Highlighted snippets (default on).
    #[serde(default)]
    snippets: Option<bool>,
    /// One row per family (`patdex search --family`).
    #[serde(default)]
    family: Option<bool>,
}

async fn search_route(
    State(app): State<App>,
    p: Result<Query<SearchParams>, QueryRejection>,
) -> Reply {
    let p = params(p)?;
    let max = app.opts.max_limit;
    let limit = p.limit.unwrap_or(20);
    if limit > max {
        return Err(ApiError::bad(
            format!("limit {limit} is over this server's page size of {max}"),
            "page with offset, or export the whole result set with the CLI (`patdex search --all --format csv`)",
        ));
    }
    let sort = parse_sort(p.sort.as_deref())?;
    let facets: Vec<String> = p
        .facets
        .as_deref()
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .map(str::to_string)
        .collect();
    app.run(move |reader| {
        let prepared = prepare(&reader, &p.q)?;
        let page = search::page(
            &reader.searcher,
            prepared.compiled.query.as_ref(),
            sort,
            p.offset,
            limit,
            !facets.is_empty(),
            p.family.unwrap_or(false),
        )?;
        let hits = &page.hits;
        let facets = facets
            .iter()
            .map(|f| search::facet(&reader.searcher, hits, f))
            .collect::<anyhow::Result<Vec<_>>>()
            .map_err(|e| {
                ApiError::bad(
                    format!("{e:#}"),
                    "facets are cpc, ipc, pa, in, year, kind, cc",
                )
            })?;
        let notes = crate::query::lacks::missing(&reader.searcher, &prepared.plan)?;
        let out = crate::cli::render::page_hits(
            &reader,
            &page,
            &prepared.compiled.clauses,
            p.snippets.unwrap_or(true),
        )?
        .collect::<anyhow::Result<Vec<_>>>()?;
        Ok(axum::Json(json!({
            "query": p.q,
            "total": page.total,
            "offset": page.start,
            "sort": sort.to_string(),
            "hits": out,
            "facets": facets,
            "notes": notes,
        })))
    })
    .await
}

#[derive(Debug, Deserialize)]
struct CsvParams {
    q: String,
    #[serde(default)]
    sort: Option<String>,
}

/// The whole result set (up to `--max-export` rows) as CSV, the columns of `search --format csv`
/// without snippets.
async fn csv_route(
    State(app): State<App>,
    p: Result<Query<CsvParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let p = params(p)?;
    let sort = parse_sort(p.sort.as_deref())?;
    let max_export = app.opts.max_export;
    let bytes = app
        .run(move |reader| {
            let prepared = prepare(&reader, &p.q)?;
            let (hits, total) = search::top_hits(
                &reader.searcher,
                prepared.compiled.query.as_ref(),
                sort,
                max_export,
            )?;
            // The CLI's CSV (`search --format csv`), snippets left empty.
            let mut out = Vec::new();
            let r = crate::cli::render::Results {
                query: &p.q,
                total,
                offset: 0,
                sort: sort.to_string(),
                facets: &[],
                notes: &[],
                colour: false,
            };
            let mut rows = hits.iter().enumerate().map(|(i, h)| {
                let patent = reader.patent(h.addr)?;
                Ok(crate::cli::render::Hit::new(i + 1, h.score, patent, None))
            });
            crate::cli::render::results(&mut out, crate::cli::Format::Csv, &r, &mut rows)?;
            if total > hits.len() {
                // The cut is said in the file itself, where a spreadsheet user sees it, as a row
                // of the same width (csv refuses ragged rows).
                let mut w = csv::Writer::from_writer(&mut out);
                let note = format!(
                    "… {} more hits not exported (at most {max_export} rows)",
                    total - hits.len()
                );
                w.write_record(["", note.as_str(), "", "", "", "", "", ""])
                    .and_then(|()| w.flush().map_err(Into::into))
                    .map_err(|e| ApiError::internal(e.into()))?;
            }
            Ok(out)
        })
        .await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"patdex-results.csv\"",
            ),
        ],
        bytes,
    )
        .into_response())
}

#[derive(Debug, Deserialize)]
struct QParam {
    q: String,
}

async fn explain_route(State(app): State<App>, p: Result<Query<QParam>, QueryRejection>) -> Reply {
    let p = params(p)?;
    app.run(move |reader| {
        let prepared = prepare(&reader, &p.q)?;
        let e =
            crate::query::explain::explain(&reader.searcher, &prepared).map_err(ApiError::query)?;
        to_json(e)
    })
    .await
}

#[derive(Debug, Deserialize)]
struct DocParams {
    /// A query whose matches are marked (`marks`: each matching value with byte ranges).
    #[serde(default)]
    q: Option<String>,
}

async fn doc_route(
    State(app): State<App>,
    UrlPath(number): UrlPath<String>,
    p: Result<Query<DocParams>, QueryRejection>,
) -> Reply {
    let q = params(p)?.q.filter(|q| !q.trim().is_empty());
    let n: PubNumber = number.parse().map_err(|e| {
        ApiError::bad(
            format!("`{number}` is not a publication number ({e})"),
            "write numbers like US7654321B2, 7654321, D586081 or US20150075015A1",
        )
    })?;
    app.run(move |reader| {
        let found = reader.lookup(&n)?;
        if found.is_empty() {
            return Err(ApiError::not_found(
                format!("{n} is not in this index"),
                "search for it: /api/search?q=pn:NUMBER",
            ));
        }
        let clauses = match &q {
            Some(q) => prepare(&reader, q)?.compiled.clauses,
            None => Vec::new(),
        };
        let docs: Vec<Value> = found
            .into_iter()
            .map(|p| {
                let marks = crate::query::highlight::marks(&p, &clauses);
                let term = crate::term::of(&p);
                let mut v = serde_json::to_value(&p).unwrap_or(Value::Null);
                if let Value::Object(m) = &mut v {
                    m.insert(
                        "term".into(),
                        serde_json::to_value(term).unwrap_or(Value::Null),
                    );
                    m.insert(
                        "marks".into(),
                        serde_json::to_value(marks).unwrap_or(Value::Null),
                    );
                }
                v
            })
            .collect();
        Ok(axum::Json(json!({ "documents": docs })))
    })
    .await
}

#[derive(Debug, Deserialize)]
struct ClassesSearch {
    q: String,
    #[serde(default)]
    scheme: Option<String>,
    #[serde(default)]
    limit: Option<usize>,
}

async fn classes_search_route(
    State(app): State<App>,
    p: Result<Query<ClassesSearch>, QueryRejection>,
) -> Reply {
    let p = params(p)?;
    let limit = p.limit.unwrap_or(15).min(app.opts.max_limit);
    app.run(move |reader| {
        let classes = Classes::at(&reader.root);
        let trees = browse::trees(&classes, p.scheme.as_deref());
        let rows = browse::search(Some(&reader.searcher), &trees, &p.q, limit)?;
        Ok(axum::Json(json!({ "query": p.q, "classes": rows })))
    })
    .await
}

#[derive(Debug, Deserialize)]
struct ClassesShow {
    code: String,
    #[serde(default)]
    scheme: Option<String>,
}

async fn classes_show_route(
    State(app): State<App>,
    p: Result<Query<ClassesShow>, QueryRejection>,
) -> Reply {
    let p = params(p)?;
    app.run(move |reader| {
        let Some(symbol) = crate::classes::canonical(&p.code) else {
            return Err(ApiError::bad(
                format!("`{}` is not a class code", p.code),
                "codes look like H01M, H01M10/00 (or H01M10), H01M10/0525",
            ));
        };
        let classes = Classes::at(&reader.root);
        let found = browse::trees(&classes, p.scheme.as_deref())
            .into_iter()
            .find(|(_, t)| t.get(&symbol).is_some());
        let Some((name, tree)) = found else {
            return Err(ApiError::not_found(
                format!("{symbol} is not in an imported scheme"),
                "import one with `patdex classes import FILE`; search titles at /api/classes/search",
            ));
        };
        let shown = browse::show(&classes, Some(&reader.searcher), name, tree, &symbol)?;
        to_json(shown)
    })
    .await
}

#[derive(Debug, Deserialize)]
struct TranslateParams {
    q: String,
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    to: Option<String>,
}

async fn translate_route(
    State(app): State<App>,
    p: Result<Query<TranslateParams>, QueryRejection>,
) -> Reply {
    let p = params(p)?;
    use crate::query::plan::Hierarchy;
    use crate::query::translate::System;
    let system = |s: &Option<String>| -> Result<System, ApiError> {
        s.as_deref().map_or(Ok(System::Patdex), |s| {
            s.parse()
                .map_err(|e: String| ApiError::bad(e, "systems are patdex, espacenet and ppubs"))
        })
    };
    let (from, to) = (system(&p.from)?, system(&p.to)?);
    app.run(move |reader| {
        let classes = Classes::at(&reader.root);
        let low = |field: &str, code: &str| classes.below(field, code).ok();
        let t = crate::query::translate::translate_with(&p.q, from, to, &low)
            .map_err(ApiError::query)?;
        let losses: Vec<Value> = t
            .losses
            .iter()
            .map(|l| json!({ "source": l.source, "start": l.loc.start, "end": l.loc.end, "reason": l.reason }))
            .collect();
        Ok(axum::Json(json!({
            "from": from.to_string(),
            "to": to.to_string(),
            "query": t.query,
            "losses": losses,
        })))
    })
    .await
}

#[derive(Debug, Deserialize)]
struct GuideParams {
    need: String,
}

async fn guide_route(
    State(app): State<App>,
    p: Result<Query<GuideParams>, QueryRejection>,
) -> Reply {
    let p = params(p)?;
    app.run(move |reader| {
        let classes = Classes::at(&reader.root);
        let g = crate::analysis::guide::guide(
            &reader,
            &classes,
            &p.need,
            &crate::analysis::guide::Options::default(),
        )
        .map_err(|e| match e {
            crate::analysis::guide::GuideError::Query(q) => ApiError::query(q),
            crate::analysis::guide::GuideError::Empty => ApiError::bad(
                e.to_string(),
                "describe what you are looking for in a few words",
            ),
            other => ApiError::internal(other.into()),
        })?;
        to_json(g)
    })
    .await
}

#[derive(Debug, Deserialize)]
struct PriorArtBody {
    /// The invention: a description and/or claims, as `patdex prior-art --text` reads them.
    text: String,
    /// Only documents published before this day (YYYY-MM-DD).
    #[serde(default)]
    before: Option<String>,
    #[serde(default)]
    limit: Option<usize>,
}

async fn prior_art_route(
    State(app): State<App>,
    body: Result<axum::Json<PriorArtBody>, axum::extract::rejection::JsonRejection>,
) -> Reply {
    let axum::Json(b) = body.map_err(|e| {
        ApiError::bad(
            e.body_text(),
            "POST a JSON object: {\"text\": \"the invention\", \"before\": \"2015-12-04\", \"limit\": 20}",
        )
    })?;
    let limit = b.limit.unwrap_or(20).min(app.opts.max_limit);
    let cutoff =
        match &b.before {
            Some(d) => Some(d.parse::<jiff::civil::Date>().map_err(|e| {
                ApiError::bad(format!("`{d}` is not a date: {e}"), "write YYYY-MM-DD")
            })?),
            None => None,
        };
    let inv = crate::analysis::prior_art::Invention::from_text(&b.text);
    if inv.is_empty() {
        return Err(ApiError::bad(
            "the text is empty",
            "paste a description of the invention, its claims, or both",
        ));
    }
    app.run(move |reader| {
        let opts = crate::analysis::prior_art::Options {
            cutoff,
            limit,
            ..Default::default()
        };
        let r = crate::analysis::prior_art::search(&reader, &inv, &opts)?;
        to_json(r)
    })
    .await
}

#[derive(Debug, Deserialize)]
struct TrendParams {
    q: String,
    /// `year` (default) or `month`.
    #[serde(default)]
    by: Option<String>,
}

async fn trend_route(
    State(app): State<App>,
    p: Result<Query<TrendParams>, QueryRejection>,
) -> Reply {
    let p = params(p)?;
    let period = match p.by.as_deref() {
        None | Some("year") => crate::analysis::trend::Period::Year,
        Some("month") => crate::analysis::trend::Period::Month,
        Some(other) => {
            return Err(ApiError::bad(format!("by={other}"), "by is year or month"));
        }
    };
    app.run(move |reader| {
        let prepared = prepare(&reader, &p.q)?;
        let opts = crate::analysis::trend::Options {
            period,
            ..Default::default()
        };
        let t =
            crate::analysis::trend::trend(&reader, prepared.compiled.query.as_ref(), &p.q, &opts)?;
        to_json(t)
    })
    .await
}

/// The alert profiles of `profiles/` beside the index folder, as `watch list` shows them.
async fn profiles_route(State(app): State<App>) -> Reply {
    app.run(move |reader| {
        let dir = Layout::new(&reader.root).beside("profiles");
        let profiles = crate::watch::profile::Profiles::new(&dir);
        let mut out = Vec::new();
        for name in profiles.names().unwrap_or_default() {
            match profiles.load(&name) {
                Ok(p) => out
                    .push(json!({ "name": name, "query": p.query, "description": p.description })),
                Err(e) => out.push(json!({ "name": name, "error": e.to_string() })),
            }
        }
        Ok(axum::Json(json!({ "profiles": out })))
    })
    .await
}

async fn stats_route(State(app): State<App>) -> Reply {
    app.run(move |reader| {
        Ok(axum::Json(json!({
            "documents": reader.num_docs(),
            "segments": reader.searcher.segment_readers().len(),
        })))
    })
    .await
}
