//! The web page in a real browser: headless Chromium driven through chromedriver (Debian's
//! `chromium` and `chromium-driver`; `.ci/run` installs them). The test types a query, reads
//! the results, clicks a facet, opens a document, follows a citation, uses the keyboard and a
//! phone-sized window, and checks each count against the CLI. Screenshots are saved in
//! `target/browser-artifacts/`.
//!
//! The WebDriver protocol is a handful of JSON requests; they are made here with ureq (already a
//! dependency) rather than a WebDriver crate, which would bring a second TLS stack to build.
//! Without chromium or chromedriver the test says so loudly and skips.

mod common;

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine;
use common::{run_in, temp_index};
use serde_json::{Value, json};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/ipg_patdex_sample.xml");
const APPS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/ipa_patdex_sample.zip");
const SAMPLE_SCHEME: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/corpus/classes/cpc-scheme-sample.xml"
);
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// Kills the child when dropped.
struct Guard(Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn find(names: &[&str]) -> Option<PathBuf> {
    names.iter().find_map(|n| {
        std::env::var_os("PATH")?
            .to_str()?
            .split(':')
            .map(|d| Path::new(d).join(n))
            .find(|p| p.is_file())
    })
}

/// A WebDriver session.
struct Browser {
    base: String,
    agent: ureq::Agent,
    _driver: Guard,
}

impl Browser {
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}{path}", self.base);
        let mut r = match (method, body) {
            ("GET", _) => self.agent.get(&url).call(),
            ("DELETE", _) => self.agent.delete(&url).call(),
            (_, b) => self
                .agent
                .post(&url)
                .header("Content-Type", "application/json")
                .send(serde_json::to_vec(&b.unwrap_or(json!({}))).unwrap()),
        }
        .unwrap();
        let text = r.body_mut().read_to_string().unwrap();
        let v: Value = serde_json::from_str(&text).unwrap();
        if r.status().as_u16() >= 400 {
            panic!("webdriver {method} {path}: {v}");
        }
        v["value"].clone()
    }

    fn start(chromium: &Path, driver: &Path) -> Browser {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(60)))
            .build()
            .new_agent();
        let root = format!("http://127.0.0.1:{port}");
        let start = Instant::now();
        while agent.get(format!("{root}/status")).call().is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let mut b = Browser {
            base: root.clone(),
            agent,
            _driver: Guard(child),
        };
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium.to_str().unwrap(),
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000"]
            }
        }}});
        let session = b.call("POST", "/session", Some(caps));
        b.base = format!("{root}/session/{}", session["sessionId"].as_str().unwrap());
        b
    }

    fn go(&self, url: &str) {
        self.call("POST", "/url", Some(json!({ "url": url })));
    }

    fn js(&self, script: &str) -> Value {
        self.call(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": [] })),
        )
    }

    fn element(&self, css: &str) -> String {
        let v = self.call(
            "POST",
            "/element",
            Some(json!({ "using": "css selector", "value": css })),
        );
        v[ELEMENT].as_str().unwrap().to_string()
    }

    fn click(&self, css: &str) {
        let e = self.element(css);
        self.call("POST", &format!("/element/{e}/click"), Some(json!({})));
    }

    fn type_into(&self, css: &str, text: &str) {
        let e = self.element(css);
        self.call("POST", &format!("/element/{e}/clear"), Some(json!({})));
        self.call(
            "POST",
            &format!("/element/{e}/value"),
            Some(json!({ "text": text })),
        );
    }

    fn text(&self, css: &str) -> String {
        let e = self.element(css);
        self.call("GET", &format!("/element/{e}/text"), None)
            .as_str()
            .unwrap()
            .to_string()
    }

    /// Waits until `script` (an expression) is truthy.
    fn wait(&self, what: &str, script: &str) {
        let start = Instant::now();
        loop {
            let v = self.js(&format!("return !!({script});"));
            if v == json!(true) {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "waited 20 s for {what}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn screenshot(&self, name: &str) {
        let png = self.call("GET", "/screenshot", None);
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(png.as_str().unwrap())
            .unwrap();
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/browser-artifacts");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(name), bytes).unwrap();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.agent.delete(&self.base).call();
    }
}

fn cli_total(index: &str, q: &str) -> u64 {
    let (out, err, code) = run_in(index, &["search", q, "--format", "json", "-n", "0"]);
    assert!(code == 0 || code == 1, "{err}");
    serde_json::from_str::<Value>(&out).unwrap()["total"]
        .as_u64()
        .unwrap()
}

#[test]
fn search_refine_read_and_follow_in_a_real_browser() {
    let (Some(chromium), Some(driver)) = (
        find(&["chromium", "chromium-browser", "google-chrome"]),
        find(&["chromedriver"]),
    ) else {
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "\n*** SKIPPED: chromium and chromedriver are needed (Debian: chromium chromium-driver; .ci/run installs them). ***\n"
        );
        return;
    };
    let (_tmp, index) = temp_index(CORPUS);
    run_in(&index, &["ingest", "--quiet", APPS]);
    run_in(&index, &["classes", "import", SAMPLE_SCHEME]);
    let mut server = Command::new(env!("CARGO_BIN_EXE_patdex"))
        .args(["--index", &index, "serve", "--addr", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(server.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let _server = Guard(server);
    let url = line.trim().rsplit(' ').next().unwrap().to_string();

    let b = Browser::start(&chromium, &driver);
    b.go(&url);
    b.wait(
        "the index size",
        "document.querySelector('#stats').textContent.includes('83 documents')",
    );

    // Type a query and press Enter.
    let q = "\"solid electrolyte\"";
    b.type_into("#q", &format!("{q}\u{E007}"));
    b.wait("results", "!document.querySelector('#results-view').hidden && document.querySelectorAll('#hits li').length > 0");
    let total = cli_total(&index, q);
    assert_eq!(b.text("#count"), format!("{total} hits"));
    let shown = b.js("return document.querySelectorAll('#hits li').length;");
    assert_eq!(shown, json!(total.min(20)));
    let marks = b.js("return [...document.querySelectorAll('#hits mark')].map(m => m.textContent.toLowerCase());");
    assert!(
        marks
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m.as_str().unwrap().contains("electrolyte")),
        "highlighted words: {marks}"
    );
    b.wait(
        "the explain panel",
        "document.querySelector('#explain-tree').textContent.length > 0",
    );
    assert!(
        b.js("return document.querySelector('#explain-tree').textContent;")
            .as_str()
            .unwrap()
            .contains(&total.to_string())
    );
    b.screenshot("1-results.png");

    // Click the first year of the year facet: the query gains pd:YEAR and the count follows.
    let year =
        b.js("return document.querySelector('#facets ul[data-facet=year] button').dataset.value;");
    let year = year.as_str().unwrap().to_string();
    b.click("#facets ul[data-facet=year] button");
    let refined = format!("({q}) AND pd:{year}");
    b.wait(
        "the refined query",
        &format!("document.querySelector('#q').value === {}", json!(refined)),
    );
    let expected = cli_total(&index, &refined);
    b.wait(
        "the refined count",
        &format!(
            "document.querySelector('#count').textContent === '{}'",
            if expected == 1 {
                "1 hit".to_string()
            } else {
                format!("{expected} hits")
            }
        ),
    );
    b.screenshot("2-facet.png");

    // Open the first document: its title, claims as a tree, the query's words marked.
    let title = b.text("#hits li a.hit-title");
    b.click("#hits li a.hit-title");
    // The view shows before its content arrives: wait for the title, not the view.
    b.wait(
        "the document",
        "!document.querySelector('#doc-view').hidden && document.querySelector('#doc-view h1') !== null",
    );
    assert_eq!(b.text("#doc-view h1"), title);
    // The query's matches are marked in the document as the search matched them: the phrase
    // "solid electrolyte", word by word, and only where the words stand together.
    let marked = b.js("return [...document.querySelectorAll('#doc-view mark')].map(m => m.textContent.toLowerCase());");
    let marked: Vec<String> = marked
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap().to_string())
        .collect();
    assert!(!marked.is_empty(), "nothing marked in the document");
    assert!(
        marked
            .iter()
            .all(|m| m.starts_with("solid") || m.starts_with("electrolyte")),
        "{marked:?}"
    );
    assert!(
        b.js("return document.querySelectorAll('#doc-view .claims li li').length;")
            .as_u64()
            .unwrap()
            > 0,
        "dependent claims nest under their parent"
    );
    b.screenshot("3-document.png");

    // Follow a citation: US11950719B2 cites US10676429B2, which is in the index.
    b.go(&format!("{url}#/doc/US11950719B2"));
    b.wait(
        "the citing document",
        "document.querySelector('#doc-view h1') && document.querySelector('#cited a.cite')",
    );
    b.js(
        "document.querySelector('#cited a.cite[href=\"#/doc/US10676429\"]').click(); return true;",
    );
    let (out, _, _) = run_in(&index, &["show", "US10676429B2", "--json"]);
    let cited_title = serde_json::from_str::<Value>(&out).unwrap()["title"]
        .as_str()
        .unwrap()
        .to_string();
    b.wait(
        "the cited document",
        &format!(
            "document.querySelector('#doc-view h1').textContent === {}",
            json!(cited_title)
        ),
    );
    // And back the other way: the cited document lists who cites it in the index.
    b.wait(
        "its citing documents",
        "document.querySelectorAll('#citing a').length > 0",
    );
    assert!(
        b.js("return [...document.querySelectorAll('#citing a')].map(a => a.textContent);")
            .to_string()
            .contains("US11950719B2")
    );

    // A bad query: the error box with the CLI's carets.
    b.go(&format!("{url}#/search?q={}", "sulfide%20NEAR%2F3%20("));
    b.wait("the error", "!document.querySelector('#error').hidden");
    assert!(
        b.text("#error").contains("unclosed `(`"),
        "{}",
        b.text("#error")
    );

    // Keyboard: "/" puts the cursor in the query box.
    b.js("document.activeElement.blur(); return true;");
    let body = b.element("body");
    b.call(
        "POST",
        &format!("/element/{body}/value"),
        Some(json!({ "text": "/" })),
    );
    assert_eq!(b.js("return document.activeElement.id;"), json!("q"));

    // The guide: a need in plain words, the steps with counts, the proposed query runs.
    b.go(&format!("{url}#/guide"));
    let need = "a vacuum gripper whose suction cups each have a valve and detect a leaking seal";
    b.type_into("#need", &format!("{need}\u{E007}"));
    b.wait("the guide", "document.querySelector('#proposed')");
    let (out, _, _) = run_in(&index, &["guide", need, "--format", "json"]);
    let g: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(b.text("#proposed"), g["query"].as_str().unwrap());
    let steps = b.js("return document.querySelectorAll('#guide-steps .step').length;");
    assert_eq!(steps, json!(g["steps"].as_array().unwrap().len()));
    b.screenshot("5-guide.png");
    b.click("#proposed");
    let hits = g["hits"].as_u64().unwrap();
    b.wait("the proposed query's results", &format!("document.querySelector('#count') && document.querySelector('#count').textContent === '{}'", if hits == 1 { "1 hit".to_string() } else { format!("{hits} hits") }));

    // Prior art: paste a text, get the ranked list with passages, in the CLI's order.
    b.go(&format!("{url}#/prior-art"));
    let product = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/corpus/products/solid-state-pack.txt"
    );
    let text = std::fs::read_to_string(product).unwrap();
    b.js(&format!(
        "document.querySelector('#invention').value = {}; return true;",
        json!(text)
    ));
    b.click("#prior-art-form button");
    b.wait("prior art", "document.querySelector('#prior-art-out li a')");
    let (out, _, _) = run_in(
        &index,
        &[
            "prior-art",
            "--text",
            product,
            "-n",
            "3",
            "--format",
            "json",
        ],
    );
    let pa: Value = serde_json::from_str(&out).unwrap();
    let first = b.js("return document.querySelector('#prior-art-out li a').getAttribute('href');");
    assert_eq!(
        first,
        json!(format!(
            "#/doc/{}",
            pa["hits"][0]["number"].as_str().unwrap()
        ))
    );
    b.screenshot("6-prior-art.png");

    // Trends: the documents per year as a chart, and the count.
    b.go(&format!("{url}#/trend?q=battery"));
    b.wait("the trend", "document.querySelector('#trend-count') && document.querySelectorAll('svg.chart rect').length > 0");
    let (out, _, _) = run_in(&index, &["trend", "battery", "--format", "json"]);
    let t: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        b.text("#trend-count"),
        format!("{} documents", t[0]["documents"])
    );
    let bars = b.js("return document.querySelectorAll('svg.chart rect').length;");
    assert_eq!(bars, json!(t[0]["periods"].as_array().unwrap().len()));
    b.screenshot("7-trend.png");

    // Alerts: the saved profiles, each a link to its search.
    run_in(
        &index,
        &["watch", "add", "solid", "--query", "\"solid electrolyte\""],
    );
    b.go(&format!("{url}#/alerts"));
    b.wait(
        "the profiles",
        "document.querySelector('#alerts-out a.profile')",
    );
    assert_eq!(b.text("#alerts-out a.profile"), "\"solid electrolyte\"");
    b.click("#alerts-out a.profile");
    b.wait("the profile's results", &format!("document.querySelector('#count') && document.querySelector('#count').textContent === '{total} hits'"));

    // A phone-sized window: the facets move under the results, nothing overflows sideways.
    b.call(
        "POST",
        "/window/rect",
        Some(json!({ "width": 390, "height": 844 })),
    );
    b.go(&format!("{url}#/search?q=battery"));
    b.wait(
        "results on a phone",
        "document.querySelectorAll('#hits li').length > 0",
    );
    let overflow = b.js("return document.documentElement.scrollWidth <= window.innerWidth + 1;");
    assert_eq!(
        overflow,
        json!(true),
        "the page scrolls sideways on a phone"
    );
    b.screenshot("4-phone.png");
}
