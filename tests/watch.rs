//! Alerts and collections end to end: the sample corpus ingested in two batches split by
//! publication year, a profile that delivers each batch's new hits once, a corrected document
//! delivered again as "updated", a webhook that fails and then succeeds (a small HTTP server on
//! loopback), a malformed profile that does not stop the others, the Atom feed parsed as XML,
//! and collections with `search --in`. Then the same on a real USPTO weekly file.
//!
//! Expected documents come from the raw XML by plain string search on the titles
//! (`<invention-title>`), not through patdex's parser.

mod common;

use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use common::{patdex, stderr, stdout};
use serde_json::Value;

const GRANTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/ipg_patdex_sample.xml");

/// A raw document: its text (from `<?xml`), publication number with kind, year and title.
struct Doc {
    xml: String,
    number: String,
    year: u32,
    title: String,
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> &'a str {
    let a = s.find(open).unwrap_or_else(|| panic!("no {open}"));
    let a = a + s[a..].find('>').unwrap() + 1;
    let b = a + s[a..].find(close).unwrap();
    &s[a..b]
}

/// The documents of a weekly file, split at each `<?xml`.
fn docs(path: &Path) -> Vec<Doc> {
    let text = std::fs::read_to_string(path).unwrap();
    text.split("<?xml")
        .skip(1)
        .filter(|d| d.contains("<us-patent-grant"))
        .map(|d| {
            let pubref = &d[d.find("<publication-reference>").unwrap()..];
            let num = between(pubref, "<doc-number>", "</doc-number>");
            let kind = between(pubref, "<kind>", "</kind>");
            let date = between(pubref, "<date>", "</date>");
            // US numbers drop leading zeros: 06882107 → US6882107, D0669331 → USD669331.
            let (prefix, digits) = num.split_at(num.find(|c: char| c.is_ascii_digit()).unwrap());
            let number = format!("US{prefix}{}{kind}", digits.trim_start_matches('0'));
            Doc {
                xml: format!("<?xml{d}"),
                number,
                year: date[..4].parse().unwrap(),
                title: between(d, "<invention-title", "</invention-title>").to_string(),
            }
        })
        .collect()
}

fn write_docs(path: &Path, docs: &[&Doc]) {
    let text: String = docs.iter().map(|d| d.xml.as_str()).collect();
    std::fs::write(path, text).unwrap();
}

/// Numbers whose title has `word` (a whole word, any case).
fn titled(docs: &[&Doc], words: &[&str]) -> BTreeSet<String> {
    docs.iter()
        .filter(|d| {
            let t = d.title.to_lowercase();
            t.split(|c: char| !c.is_alphanumeric())
                .any(|w| words.contains(&w))
        })
        .map(|d| d.number.clone())
        .collect()
}

fn ok(args: &[&str]) -> String {
    let o = patdex(args);
    assert!(o.status.success(), "{args:?}: {}{}", stdout(&o), stderr(&o));
    stdout(&o)
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&ok(args)).unwrap()
}

/// `watch run --json` for one profile: (status, number) of each entry.
fn run(index: &str, name: &str, extra: &[&str]) -> BTreeSet<(String, String)> {
    let mut args = vec!["--index", index, "watch", "run", name, "--json"];
    args.extend_from_slice(extra);
    let v = json(&args);
    let o = v
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["profile"] == name)
        .unwrap();
    assert!(o["error"].is_null(), "{o}");
    o["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["status"].as_str().unwrap().to_string(),
                e["number"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn all(status: &str, numbers: &BTreeSet<String>) -> BTreeSet<(String, String)> {
    numbers
        .iter()
        .map(|n| (status.to_string(), n.clone()))
        .collect()
}

struct Setup {
    _dir: tempfile::TempDir,
    root: PathBuf,
    index: String,
    docs: Vec<Doc>,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    let index = root.join("index").to_str().unwrap().to_string();
    Setup {
        _dir: dir,
        root,
        index,
        docs: docs(Path::new(GRANTS)),
    }
}

#[test]
fn alerts_deliver_each_new_hit_once_and_corrections_as_updated() {
    let s = setup();
    let (early, late): (Vec<&Doc>, Vec<&Doc>) = s.docs.iter().partition(|d| d.year <= 2015);
    assert!(!early.is_empty() && !late.is_empty());
    let (a, b) = (s.root.join("a.xml"), s.root.join("b.xml"));
    write_docs(&a, &early);
    write_docs(&b, &late);
    let words = ["battery", "batteries"];
    let want_a = titled(&early, &words);
    let want_b = titled(&late, &words);
    assert!(
        !want_a.is_empty() && want_b.len() >= 2,
        "{want_a:?} {want_b:?}"
    );

    let idx = s.index.as_str();
    ok(&["--index", idx, "ingest", "-q", a.to_str().unwrap()]);
    let out = ok(&[
        "--index",
        idx,
        "watch",
        "add",
        "batteries",
        "--query",
        "ti:battery",
        "--description",
        "Battery titles",
        "--format",
        "md,html,json,atom",
    ]);
    assert!(
        out.contains(&format!("{} documents match now", want_a.len())),
        "{out}"
    );
    assert!(s.root.join("profiles/batteries.toml").is_file());

    // Run 1: the first batch's hits; run 2 after the second batch: only its new hits; run 3:
    // nothing.
    assert_eq!(run(idx, "batteries", &[]), all("new", &want_a));
    ok(&["--index", idx, "ingest", "-q", b.to_str().unwrap()]);
    assert_eq!(run(idx, "batteries", &[]), all("new", &want_b));
    assert!(run(idx, "batteries", &[]).is_empty());

    // A corrected re-publication of a delivered number: one "updated" entry, then nothing.
    let target = want_b.iter().next().unwrap().clone();
    let doc = late.iter().find(|d| d.number == target).unwrap();
    let fixed = doc.xml.replacen(
        "<abstract",
        "<!-- certificate of correction -->\n<abstract",
        1,
    );
    assert_ne!(fixed, doc.xml);
    let c = s.root.join("c.xml");
    std::fs::write(&c, fixed).unwrap();
    ok(&["--index", idx, "ingest", "-q", c.to_str().unwrap()]);
    assert_eq!(
        run(idx, "batteries", &[]),
        all("updated", &BTreeSet::from([target.clone()]))
    );
    assert!(run(idx, "batteries", &[]).is_empty());
    // The same bytes read again (--force) change nothing.
    ok(&[
        "--index",
        idx,
        "ingest",
        "-q",
        "--force",
        c.to_str().unwrap(),
    ]);
    assert!(run(idx, "batteries", &[]).is_empty());

    // Batches: what each ingest brought.
    let batches = json(&["--index", idx, "watch", "batches", "--json"]);
    let batches = batches.as_array().unwrap();
    assert_eq!(batches.len(), 4);
    assert_eq!(batches[0]["added"].as_array().unwrap().len(), early.len());
    assert_eq!(batches[1]["added"].as_array().unwrap().len(), late.len());
    assert_eq!(batches[2]["updated"], serde_json::json!([target]));
    assert_eq!(batches[2]["added"], serde_json::json!([]));
    assert_eq!(batches[3]["unchanged"], 1);

    // Replaying from batch 2 sends the second batch's hits again, recording nothing.
    assert_eq!(
        run(idx, "batteries", &["--since", "2", "--dry-run"]),
        all("replayed", &want_b)
    );
    let o = patdex(&["--index", idx, "watch", "run", "batteries", "--since", "9"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).contains("there is no batch 9"), "{}", stdout(&o));

    // Digests: three recorded runs, each in every format; the feed holds every delivery.
    let digests = s.root.join("digests/batteries");
    for run in 1..=3 {
        for ext in ["md", "html", "json"] {
            assert!(
                digests
                    .join(format!("batteries-run{run:04}.{ext}"))
                    .is_file(),
                "run {run} {ext}"
            );
        }
    }
    let md = std::fs::read_to_string(digests.join("batteries-run0002.md")).unwrap();
    for n in &want_b {
        assert!(md.contains(n), "{n} not in the digest:\n{md}");
    }
    let feed = std::fs::read_to_string(digests.join("batteries.atom")).unwrap();
    let entries = atom_entries(&feed);
    let delivered = want_a.len() + want_b.len() + 1;
    assert_eq!(entries.len(), delivered, "{feed}");
    // Newest first: the correction leads.
    assert!(
        entries[0].0.starts_with(&target) && entries[0].0.ends_with("(updated)"),
        "{entries:?}"
    );
    for n in want_a.iter().chain(&want_b) {
        assert!(
            entries.iter().any(|(t, _)| t.starts_with(n.as_str())),
            "{n} not in the feed"
        );
    }

    let show = json(&["--index", idx, "watch", "show", "batteries", "--json"]);
    assert_eq!(show["delivered"], want_a.len() + want_b.len());
    assert_eq!(show["waiting"]["new"], 0);

    // A rebuild re-reads the same bytes: no batch, nothing new, nothing "updated".
    ok(&["--index", idx, "rebuild", "-q"]);
    assert_eq!(
        json(&["--index", idx, "watch", "batches", "--json"])
            .as_array()
            .unwrap()
            .len(),
        4
    );
    assert!(run(idx, "batteries", &[]).is_empty());
}

/// The titles and ids of an Atom feed's entries, read with quick-xml (the feed must parse).
fn atom_entries(feed: &str) -> Vec<(String, String)> {
    use quick_xml::events::Event;
    let mut r = quick_xml::Reader::from_str(feed);
    let (mut path, mut out) = (Vec::<String>::new(), Vec::new());
    let (mut title, mut id) = (String::new(), String::new());
    let mut root = None;
    loop {
        match r.read_event().expect("the feed is well-formed XML") {
            Event::Start(e) => {
                let name = e.name().as_ref().to_string();
                if root.is_none() {
                    let ns = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == "xmlns")
                        .map(|a| a.value.to_string());
                    root = Some((name.clone(), ns));
                }
                path.push(name);
            }
            Event::Text(t) => push_text(&path, &t, &mut title, &mut id),
            Event::GeneralRef(r) => {
                let c = match &*r {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("unexpected entity &{other};"),
                };
                push_text(&path, c, &mut title, &mut id);
            }
            Event::End(_) => {
                if path.len() == 2 && path[1] == "entry" {
                    out.push((std::mem::take(&mut title), std::mem::take(&mut id)));
                }
                path.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(
        root,
        Some((
            "feed".to_string(),
            Some("http://www.w3.org/2005/Atom".to_string())
        ))
    );
    out
}

fn push_text(path: &[String], text: &str, title: &mut String, id: &mut String) {
    match path
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["feed", "entry", "title"] => title.push_str(text),
        ["feed", "entry", "id"] => id.push_str(text),
        _ => {}
    }
}

/// A one-thread HTTP server on loopback: answers each request with the next status of
/// `statuses` (then 200) and keeps the bodies it received.
fn server(statuses: Vec<u16>) -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let bodies = Arc::new(Mutex::new(Vec::new()));
    let seen = bodies.clone();
    std::thread::spawn(move || {
        let mut statuses = statuses.into_iter();
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut buf = Vec::new();
            let mut chunk = [0u8; 8192];
            // Headers, then Content-Length bytes of body.
            let body = loop {
                let n = stream.read(&mut chunk).unwrap_or(0);
                if n == 0 {
                    break String::new();
                }
                buf.extend_from_slice(&chunk[..n]);
                let text = String::from_utf8_lossy(&buf).into_owned();
                if let Some(end) = text.find("\r\n\r\n") {
                    let len = text[..end]
                        .lines()
                        .find_map(|l| {
                            let (k, v) = l.split_once(':')?;
                            k.eq_ignore_ascii_case("content-length")
                                .then(|| v.trim().parse::<usize>().ok())?
                        })
                        .unwrap_or(0);
                    if buf.len() >= end + 4 + len {
                        break String::from_utf8_lossy(&buf[end + 4..end + 4 + len]).into_owned();
                    }
                }
            };
            let status = statuses.next().unwrap_or(200);
            seen.lock().unwrap().push(body);
            let reason = if status == 200 {
                "OK"
            } else {
                "Internal Server Error"
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status} {reason}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
        }
    });
    (url, bodies)
}

#[test]
fn a_failed_webhook_delivers_next_time_and_a_broken_profile_stops_nothing() {
    let s = setup();
    let idx = s.index.as_str();
    ok(&["--index", idx, "ingest", "-q", GRANTS]);
    let docs: Vec<&Doc> = s.docs.iter().collect();
    let want = titled(&docs, &["solar"]);
    assert!(want.len() >= 3, "{want:?}");
    let (url, bodies) = server(vec![500]);
    ok(&[
        "--index",
        idx,
        "watch",
        "add",
        "solar",
        "--query",
        "ti:solar",
        "--webhook",
        &url,
        "--format",
        "json",
    ]);
    // A profile file with a typo on line 2.
    std::fs::write(
        s.root.join("profiles/broken.toml"),
        "description = \"x\"\nqurey = 'solar'\n",
    )
    .unwrap();
    ok(&[
        "--index",
        idx,
        "watch",
        "add",
        "membranes",
        "--query",
        "ti:membrane",
    ]);

    // The hook answers 500: solar fails and records nothing; broken fails naming its line;
    // membranes is delivered all the same.
    let o = patdex(&["--index", idx, "watch", "run"]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    let text = stdout(&o);
    assert!(text.contains("broken.toml line 2"), "{text}");
    assert!(
        text.contains("solar: FAILED") && text.contains("HTTP 500"),
        "{text}"
    );
    assert!(text.contains("membranes: run 1"), "{text}");
    assert!(
        stderr(&o).contains("2 of 3 profile(s) failed"),
        "{}",
        stderr(&o)
    );
    let show = json(&["--index", idx, "watch", "show", "solar", "--json"]);
    assert_eq!(show["delivered"], 0);
    assert_eq!(show["waiting"]["new"], want.len());

    // Next run: the hook answers 200 and gets every solar hit.
    std::fs::remove_file(s.root.join("profiles/broken.toml")).unwrap();
    assert_eq!(run(idx, "solar", &[]), all("new", &want));
    let bodies = bodies.lock().unwrap();
    assert_eq!(bodies.len(), 2);
    let sent: Value = serde_json::from_str(&bodies[1]).unwrap();
    let numbers: BTreeSet<String> = sent["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["number"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(numbers, want);
    assert_eq!(sent["profile"], "solar");
    assert!(run(idx, "solar", &[]).is_empty());

    // A run while another holds the profile's lock (an overlapping cron job) leaves it alone.
    ok(&[
        "--index",
        idx,
        "watch",
        "add",
        "membranes2",
        "--query",
        "ti:membrane",
    ]);
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(Path::new(idx).join("watch/membranes2.lock"))
        .unwrap();
    lock.try_lock().unwrap();
    let o = patdex(&["--index", idx, "watch", "run", "membranes2"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stdout(&o).contains("is delivering profile `membranes2` right now"),
        "{}",
        stdout(&o)
    );
    drop(lock);
    assert_eq!(
        run(idx, "membranes2", &[]),
        all("new", &titled(&docs, &["membrane"]))
    );

    // A baseline records the backfile as delivered and writes nothing: the profile starts with
    // the next ingest.
    ok(&[
        "--index",
        idx,
        "watch",
        "add",
        "guidewires",
        "--query",
        "ti:guidewire",
    ]);
    let base = run(idx, "guidewires", &["--baseline"]);
    assert_eq!(base, all("new", &titled(&docs, &["guidewire"])));
    assert!(!base.is_empty());
    assert!(!s.root.join("digests/guidewires").exists());
    assert!(run(idx, "guidewires", &[]).is_empty());
}

#[test]
fn collections_freeze_a_set_refresh_it_and_restrict_searches() {
    let s = setup();
    let idx = s.index.as_str();
    let (early, late): (Vec<&Doc>, Vec<&Doc>) = s.docs.iter().partition(|d| d.year <= 2015);
    let (a, b) = (s.root.join("a.xml"), s.root.join("b.xml"));
    write_docs(&a, &early);
    write_docs(&b, &late);
    ok(&["--index", idx, "ingest", "-q", a.to_str().unwrap()]);
    let words = ["solar", "photovoltaic"];
    let before = titled(&early, &words);
    let out = ok(&[
        "--index",
        idx,
        "collection",
        "create",
        "pv",
        "--query",
        "ti:(solar OR photovoltaic)",
    ]);
    assert!(
        out.contains(&format!("({} documents)", before.len())),
        "{out}"
    );
    let c = json(&["--index", idx, "collection", "show", "pv", "--json"]);
    let frozen: BTreeSet<String> = serde_json::from_value(c["documents"].clone()).unwrap();
    assert_eq!(frozen, before);
    assert_eq!(c["index"]["batch"], 1);

    // Searching inside it: only its documents, and all of those "cell" finds among them.
    let hits = ok(&[
        "--index", idx, "search", "cell*", "--in", "pv", "--all", "--format", "jsonl",
    ]);
    let found: BTreeSet<String> = hits
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["number"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert!(!found.is_empty() && found.is_subset(&before), "{found:?}");
    let o = patdex(&["--index", idx, "search", "cell", "--in", "nosuch"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no collection `nosuch`"),
        "{}",
        stderr(&o)
    );

    // A later batch: refresh reports what the query adds, and the frozen set until then.
    ok(&["--index", idx, "ingest", "-q", b.to_str().unwrap()]);
    let after = titled(&late, &words);
    let r = json(&[
        "--index",
        idx,
        "collection",
        "refresh",
        "pv",
        "--dry-run",
        "--json",
    ]);
    let added: BTreeSet<String> = serde_json::from_value(r["changes"]["added"].clone()).unwrap();
    assert_eq!(added, after);
    assert_eq!(r["changes"]["removed"], serde_json::json!([]));
    let c = json(&["--index", idx, "collection", "show", "pv", "--json"]);
    assert_eq!(c["documents"].as_array().unwrap().len(), before.len());
    ok(&["--index", idx, "collection", "refresh", "pv"]);
    let c = json(&["--index", idx, "collection", "show", "pv", "--json"]);
    assert_eq!(
        c["documents"].as_array().unwrap().len(),
        before.len() + after.len()
    );

    // Export: one full record per document.
    let lines = ok(&[
        "--index",
        idx,
        "collection",
        "export",
        "pv",
        "--format",
        "jsonl",
    ]);
    let exported: BTreeSet<String> = lines
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            assert!(v["claims"].as_array().is_some_and(|c| !c.is_empty()));
            v["number"].as_str().unwrap().to_string()
        })
        .collect();
    let want: BTreeSet<String> = before.union(&after).cloned().collect();
    assert_eq!(exported, want);
    let csv = ok(&[
        "--index",
        idx,
        "collection",
        "export",
        "pv",
        "--format",
        "csv",
    ]);
    assert_eq!(
        csv.lines().next().unwrap().split(',').next(),
        Some("number")
    );
}

#[test]
fn alerts_on_a_real_weekly_file_in_two_batches() {
    let data = require_shared!();
    let file = data.join("uspto/grant/bulk/ipg130416_sample27docs.xml");
    let s = setup();
    let docs = docs(&file);
    assert_eq!(docs.len(), 25);
    let (first, second) = docs.split_at(12);
    let (first, second): (Vec<&Doc>, Vec<&Doc>) = (first.iter().collect(), second.iter().collect());
    let (a, b) = (s.root.join("a.xml"), s.root.join("b.xml"));
    write_docs(&a, &first);
    write_docs(&b, &second);
    let words = ["method", "methods"];
    let (want_a, want_b) = (titled(&first, &words), titled(&second, &words));
    assert!(
        !want_a.is_empty() && !want_b.is_empty(),
        "{want_a:?} {want_b:?}"
    );
    let idx = s.index.as_str();
    ok(&["--index", idx, "ingest", "-q", a.to_str().unwrap()]);
    ok(&[
        "--index",
        idx,
        "watch",
        "add",
        "methods",
        "--query",
        "ti:method",
    ]);
    assert_eq!(run(idx, "methods", &[]), all("new", &want_a));
    ok(&["--index", idx, "ingest", "-q", b.to_str().unwrap()]);
    assert_eq!(run(idx, "methods", &[]), all("new", &want_b));
    assert!(run(idx, "methods", &[]).is_empty());
    let md = std::fs::read_to_string(s.root.join("digests/methods/methods-run0002.md")).unwrap();
    assert!(
        md.contains(&format!("# patdex alert `methods`: {} new", want_b.len())),
        "{md}"
    );
}
