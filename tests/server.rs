//! `patdex serve` on an ephemeral loopback port: every answer of the JSON API is compared with
//! what the CLI prints for the same request, the OpenAPI description with the routes, and the
//! reader must follow an ingest made while the server runs.

mod common;

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{run_in, temp_index};
use serde_json::Value;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/ipg_patdex_sample.xml");
const APPS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/ipa_patdex_sample.zip");
const SAMPLE_SCHEME: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/corpus/classes/cpc-scheme-sample.xml"
);

/// A running server, stopped when dropped.
struct Server {
    child: Child,
    url: String,
    agent: ureq::Agent,
}

impl Server {
    fn start(index: &str, extra: &[&str]) -> Server {
        let mut args = vec!["--index", index, "serve", "--addr", "127.0.0.1:0"];
        args.extend_from_slice(extra);
        let mut child = Command::new(env!("CARGO_BIN_EXE_patdex"))
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let url = line
            .trim()
            .rsplit(' ')
            .next()
            .unwrap()
            .trim_end_matches('/')
            .to_string();
        assert!(url.starts_with("http://127.0.0.1:"), "{line}");
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(30)))
            .build()
            .new_agent();
        Server { child, url, agent }
    }

    /// Status and JSON body of a GET.
    fn get(&self, path_and_query: &str) -> (u16, Value) {
        let mut r = self
            .agent
            .get(format!("{}{path_and_query}", self.url))
            .call()
            .unwrap();
        let status = r.status().as_u16();
        let body = r.body_mut().read_to_string().unwrap();
        (
            status,
            serde_json::from_str(&body).unwrap_or_else(|e| panic!("{path_and_query}: {e}: {body}")),
        )
    }
}

impl Server {
    /// Status and JSON body of a POST of `body` (JSON).
    fn post(&self, path: &str, body: &str) -> (u16, Value) {
        let mut r = self
            .agent
            .post(format!("{}{path}", self.url))
            .header("Content-Type", "application/json")
            .send(body)
            .unwrap();
        let status = r.status().as_u16();
        let text = r.body_mut().read_to_string().unwrap();
        (
            status,
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}: {text}")),
        )
    }

    /// Status, content type and text of a GET.
    fn get_text(&self, path_and_query: &str) -> (u16, String, String) {
        let mut r = self
            .agent
            .get(format!("{}{path_and_query}", self.url))
            .call()
            .unwrap();
        let mime = r
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default();
        (
            r.status().as_u16(),
            mime,
            r.body_mut().read_to_string().unwrap(),
        )
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Percent-encodes a query parameter.
fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn cli_json(index: &str, args: &[&str]) -> Value {
    let (out, err, code) = run_in(index, args);
    assert!(code == 0 || code == 1, "{args:?}: {err}");
    serde_json::from_str(&out).unwrap()
}

#[test]
fn the_api_answers_as_the_cli_does() {
    let (_tmp, index) = temp_index(CORPUS);
    run_in(&index, &["ingest", "--quiet", APPS]);
    run_in(&index, &["classes", "import", SAMPLE_SCHEME]);
    let s = Server::start(&index, &["--max-limit", "50", "--max-export", "3"]);

    for q in [
        "\"solid electrolyte\"",
        "(sulfide OR oxide) NEAR/3 electrolyte*",
        "cpc:H01M10/056/low AND pd>=2020",
        "pa:(northwind OR kestrel) -ti:battery",
    ] {
        let (status, api) = s.get(&format!("/api/search?q={}&limit=5&facets=year,cpc", enc(q)));
        assert_eq!(status, 200, "{q}: {api}");
        let cli = cli_json(
            &index,
            &[
                "search", q, "--format", "json", "-n", "5", "--facet", "year,cpc",
            ],
        );
        assert_eq!(api["total"], cli["total"], "{q}");
        assert_eq!(api["facets"], cli["facets"], "{q}");
        assert_eq!(common::hit_numbers(&api), common::hit_numbers(&cli), "{q}");
        assert_eq!(api["hits"][0]["snippet"], cli["hits"][0]["snippet"], "{q}");

        // One row per family: the same rows and members as `search --family`.
        let (_, api) = s.get(&format!("/api/search?q={}&limit=5&family=true", enc(q)));
        let cli = cli_json(
            &index,
            &["search", q, "--format", "json", "-n", "5", "--family"],
        );
        assert_eq!(api["total"], cli["total"], "{q}");
        assert_eq!(common::hit_numbers(&api), common::hit_numbers(&cli), "{q}");
        for (a, c) in api["hits"]
            .as_array()
            .unwrap()
            .iter()
            .zip(cli["hits"].as_array().unwrap())
        {
            assert_eq!(a["family"], c["family"], "{q}");
        }

        let (_, e) = s.get(&format!("/api/explain?q={}", enc(q)));
        let cli = cli_json(&index, &["explain", q, "--json"]);
        assert_eq!(e["tree"], cli["tree"], "{q}");
        assert_eq!(e["words"], cli["words"], "{q}");
    }
    // Paging: the second page starts where the first ended.
    let (_, p1) = s.get("/api/search?q=battery&limit=3");
    let (_, p2) = s.get("/api/search?q=battery&limit=3&offset=3");
    assert_eq!(p2["hits"][0]["rank"], 4);
    assert_ne!(p1["hits"][0]["number"], p2["hits"][0]["number"]);

    // A bad query: 400, the same message and carets as the CLI, the offsets of the problem.
    let q = "sulfide NEAR/3 (electrolyte";
    let (status, e) = s.get(&format!("/api/search?q={}", enc(q)));
    assert_eq!(status, 400);
    let (_, err, code) = run_in(&index, &["search", q]);
    assert_eq!(code, 2);
    assert_eq!(e["rendered"].as_str().unwrap().trim(), err.trim());
    assert_eq!(&q[e["start"].as_u64().unwrap() as usize..][..1], "(");

    // Bounded work: a page over the server's limit is refused, with what to do instead.
    let (status, e) = s.get("/api/search?q=battery&limit=51");
    assert_eq!(status, 400);
    assert!(e["hint"].as_str().unwrap().contains("offset"), "{e}");
    let (status, _) = s.get("/api/search?q=battery&sort=sideways");
    assert_eq!(status, 400);

    // Documents: the record and its term estimate; 404 and 400 as JSON.
    let (status, d) = s.get("/api/doc/US11446052B2");
    assert_eq!(status, 200);
    let cli = cli_json(&index, &["show", "US11446052B2", "--json"]);
    assert_eq!(d["documents"][0]["title"], cli["title"]);
    assert!(d["documents"][0]["term"]["expiry"].is_string(), "{d}");
    // With a query, the values it matched and the matched words' byte ranges: the phrase's
    // words, where they stand together.
    let (_, d) = s.get("/api/doc/US11446052B2?q=%22sulfide%20solid%20electrolyte%22");
    let marks = d["documents"][0]["marks"].as_array().unwrap();
    assert!(!marks.is_empty());
    for m in marks {
        let text = m["text"].as_str().unwrap();
        let words: Vec<&str> = m["ranges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| &text[r[0].as_u64().unwrap() as usize..r[1].as_u64().unwrap() as usize])
            .collect();
        assert_eq!(words.len() % 3, 0, "{words:?}");
        for w in words.chunks(3) {
            assert_eq!(
                w.iter().map(|x| x.to_lowercase()).collect::<Vec<_>>(),
                ["sulfide", "solid", "electrolyte"]
            );
        }
    }
    let (status, e) = s.get("/api/doc/US1234567B2");
    assert_eq!(status, 404);
    assert!(e["error"].as_str().unwrap().contains("not in this index"));
    let (status, _) = s.get("/api/doc/not-a-number");
    assert_eq!(status, 400);

    // Classes, translation and the guide give what the CLI gives.
    let (_, c) = s.get("/api/classes/show?code=H01M10/056");
    let cli = cli_json(&index, &["classes", "show", "H01M10/056", "--json"]);
    assert_eq!(c["documents_below"], cli["documents_below"]);
    assert_eq!(c["children"][0]["symbol"], cli["children"][0]["symbol"]);
    let (_, c) = s.get("/api/classes/search?q=solid%20electrolytes");
    assert_eq!(c["classes"][0]["symbol"], "H01M10/0562");
    let (_, t) = s.get("/api/translate?q=cpc:H01M10/056/low&to=ppubs");
    assert_eq!(
        t["query"],
        "(H01M10/056 OR H01M10/0561 OR H01M10/0562).cpc."
    );
    let need = "a vacuum gripper whose suction cups each have a valve and detect a leaking seal";
    let (_, g) = s.get(&format!("/api/guide?need={}", enc(need)));
    let cli = cli_json(&index, &["guide", need, "--format", "json"]);
    assert_eq!(g["query"], cli["query"]);
    assert_eq!(g["hits"], cli["hits"]);

    // Prior art for a text, trends and profiles, as the CLI gives them.
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/corpus/products/solid-state-pack.txt"
    ))
    .unwrap();
    let (status, pa) = s.post(
        "/api/prior-art",
        &serde_json::to_string(&serde_json::json!({ "text": text, "limit": 5 })).unwrap(),
    );
    assert_eq!(status, 200, "{pa}");
    let product = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/corpus/products/solid-state-pack.txt"
    );
    let cli = cli_json(
        &index,
        &[
            "prior-art",
            "--text",
            product,
            "-n",
            "5",
            "--format",
            "json",
        ],
    );
    assert_eq!(common::hit_numbers(&pa), common::hit_numbers(&cli));
    let (status, e) = s.post("/api/prior-art", r#"{"text": "x", "before": "soon"}"#);
    assert_eq!(status, 400);
    assert!(e["error"].as_str().unwrap().contains("not a date"), "{e}");
    let (_, t) = s.get("/api/trend?q=%22solid%20electrolyte%22");
    let cli = cli_json(
        &index,
        &["trend", "\"solid electrolyte\"", "--format", "json"],
    );
    assert_eq!(t["documents"], cli[0]["documents"]);
    assert_eq!(t["counts"], cli[0]["counts"]);
    run_in(
        &index,
        &["watch", "add", "solid", "--query", "\"solid electrolyte\""],
    );
    let (_, p) = s.get("/api/profiles");
    assert_eq!(p["profiles"][0]["name"], "solid");
    assert_eq!(p["profiles"][0]["query"], "\"solid electrolyte\"");

    // The whole result set as CSV: one row per hit, in the CLI's order.
    let (status, mime, csv) = s.get_text("/api/search.csv?q=battery");
    assert_eq!(status, 200);
    assert!(mime.starts_with("text/csv"), "{mime}");
    let cli = cli_json(&index, &["search", "battery", "--format", "json", "--all"]);
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    let total = cli["total"].as_u64().unwrap();
    assert!(
        total > 3,
        "the cut below needs more hits than the export holds"
    );
    // Three rows (the server's --max-export), then a row saying how many were left out.
    assert_eq!(rows.len(), 4, "{csv}");
    assert!(rows[0].starts_with(&format!(
        "1,{},",
        cli["hits"][0]["number"].as_str().unwrap()
    )));
    assert!(
        rows[3].contains(&format!(
            "{} more hits not exported (at most 3 rows)",
            total - 3
        )),
        "{csv}"
    );

    // The page is served from the binary.
    let (status, mime, html) = s.get_text("/");
    assert_eq!(status, 200);
    assert!(mime.starts_with("text/html") && html.contains("/app.js"));
    let (status, _, js) = s.get_text("/app.js");
    assert_eq!(status, 200);
    assert!(js.contains("/api/search"));

    // Unknown routes are JSON errors too.
    let (status, e) = s.get("/api/nothing-here");
    assert_eq!(status, 404);
    assert!(e["hint"].as_str().unwrap().contains("openapi"));
}

#[test]
fn the_openapi_description_lists_exactly_the_routes() {
    let (_tmp, index) = temp_index(CORPUS);
    let s = Server::start(&index, &[]);
    let (status, doc) = s.get("/api/openapi.json");
    assert_eq!(status, 200);
    assert_eq!(doc["openapi"], "3.1.0");
    let described: BTreeSet<(String, String)> = doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, ops)| {
            ops.as_object()
                .unwrap()
                .keys()
                .map(move |m| (m.to_uppercase(), path.clone()))
        })
        .collect();
    let routed: BTreeSet<(String, String)> = patdex::server::ROUTES
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    assert_eq!(described, routed);
    // Every listed route is served (not the fallback), and every required parameter listed is
    // one the handler needs: without it the answer is an error, not a crash.
    for (method, path) in &routed {
        let concrete = path.replace("{number}", "US11446052B2");
        let (status, body) = if method == "POST" {
            s.post(&concrete, "{}")
        } else {
            s.get(&concrete)
        };
        assert_ne!(body["error"], "no such route", "{path}");
        assert!(status < 500, "{path}: {status} {body}");
    }
}

#[test]
fn the_server_follows_an_ingest_without_a_restart() {
    let (_tmp, index) = temp_index(CORPUS);
    let s = Server::start(&index, &[]);
    let (_, st) = s.get("/api/stats");
    assert_eq!(st["documents"], 74);
    let (_, before) = s.get("/api/search?q=kind:application&limit=0");
    assert_eq!(before["total"], 0);
    // A librarian ingests the applications while the server runs.
    let (_, err, code) = run_in(&index, &["ingest", "--quiet", APPS]);
    assert_eq!(code, 0, "{err}");
    let start = Instant::now();
    loop {
        let (_, st) = s.get("/api/stats");
        if st["documents"] == 83 {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the server still sees {st} after 20 s"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let (_, after) = s.get("/api/search?q=kind:application&limit=0");
    assert_eq!(after["total"], 9);
}
