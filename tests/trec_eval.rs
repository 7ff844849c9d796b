//! `patdex eval`'s measures against trec_eval's: the same run and qrels (written by
//! `eval --run --write-qrels` on the sample corpus) scored by pytrec_eval, a binding of the
//! trec_eval C code. `.ci/run` installs it in a virtualenv and names its python in
//! `PATDEX_TREC_PYTHON`; without it the test says so loudly and skips.

mod common;

use std::process::Command;

use common::{patdex, stderr};
use serde_json::Value;

const CHECK: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/support/trec_check.py");

fn python() -> Option<String> {
    let py = std::env::var("PATDEX_TREC_PYTHON").unwrap_or_else(|_| "python3".into());
    let ok = Command::new(&py)
        .args(["-c", "import pytrec_eval"])
        .output()
        .is_ok_and(|o| o.status.success());
    if ok {
        Some(py)
    } else {
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "\n*** SKIPPED: pytrec_eval not importable by `{py}`; `pip install pytrec_eval-terrier` (or run .ci/run) and set PATDEX_TREC_PYTHON. ***\n"
        );
        None
    }
}

#[test]
fn eval_measures_agree_with_trec_eval() {
    let Some(py) = python() else { return };
    let (tmp, index) = common::corpus_index();
    for (config, cited_by) in [
        ("bm25", "examiner"),
        ("+cites", "examiner"),
        ("terms", "any"),
    ] {
        let run = tmp.path().join("run.txt");
        let qrels = tmp.path().join("qrels.txt");
        let o = patdex(&[
            "--index",
            &index,
            "eval",
            "--from-citations",
            "--cited-by",
            cited_by,
            "--config",
            config,
            "--run",
            run.to_str().unwrap(),
            "--write-qrels",
            qrels.to_str().unwrap(),
            "--json",
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        let ours: Value = serde_json::from_slice(&o.stdout).unwrap();
        let ours = &ours["report"]["results"][0]["mean"];
        let o = Command::new(&py)
            .args([CHECK, qrels.to_str().unwrap(), run.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        let theirs: Value = serde_json::from_slice(&o.stdout).unwrap();
        assert!(theirs["topics"].as_u64().unwrap() >= 25, "{theirs}");
        for (mine, trec) in [
            ("ap", "map"),
            ("p_10", "P_10"),
            ("recall_10", "recall_10"),
            ("recall_100", "recall_100"),
            ("ndcg_10", "ndcg_cut_10"),
            ("rr", "recip_rank"),
        ] {
            let (a, b) = (ours[mine].as_f64().unwrap(), theirs[trec].as_f64().unwrap());
            assert!(
                (a - b).abs() < 1e-4,
                "{config}/{cited_by}: patdex {mine} {a} vs trec_eval {trec} {b}"
            );
        }
    }
}
