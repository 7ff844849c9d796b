//! Runs every command of docs/GUIDE.md in order, in a fresh index, and checks that the lines the
//! tutorial shows under each command still appear in its output, in that order: the guide
//! cannot go stale. docs/TRANSLATE.md's examples are run the same way.
//!
//! Only ```console blocks run. In them, a line starting with `$ ` is a command (run by `sh -c`
//! from the repository root, with the freshly built `patdex` first on PATH and PATDEX_INDEX set
//! to a temporary folder); the lines after it, up to the next command, are expected output
//! (each must be contained in an output line after the previous match); `...` marks output left
//! out. A command must exit with 0 unless its block says `[exit N]`.

use std::path::Path;
use std::process::Command;

struct Step {
    line: usize,
    command: String,
    expected: Vec<String>,
    exit: i32,
}

fn steps(text: &str) -> Vec<Step> {
    let mut out: Vec<Step> = Vec::new();
    let mut in_console = false;
    for (i, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            in_console = !in_console && line.trim() == "```console";
            continue;
        }
        if !in_console {
            continue;
        }
        if let Some(cmd) = line.strip_prefix("$ ") {
            out.push(Step {
                line: i + 1,
                command: cmd.to_string(),
                expected: Vec::new(),
                exit: 0,
            });
        } else if let Some(step) = out.last_mut() {
            let l = line.trim_end();
            if let Some(code) = l.strip_prefix("[exit ").and_then(|r| r.strip_suffix(']')) {
                step.exit = code.parse().expect("an exit code");
            } else if l != "..." && !l.is_empty() {
                step.expected.push(l.to_string());
            }
        }
    }
    out
}

#[test]
fn every_command_of_the_tutorial_prints_what_the_text_says() {
    check("docs/GUIDE.md", 10);
}

#[test]
fn the_translation_examples_print_what_the_text_says() {
    check("docs/TRANSLATE.md", 2);
}

/// Runs the console blocks of `doc` (at least `min` commands) in a fresh index.
fn check(doc: &str, min: usize) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join(doc)).unwrap();
    let steps = steps(&text);
    assert!(steps.len() >= min, "{doc} has {} commands", steps.len());
    let tmp = tempfile::tempdir().unwrap();
    let bin = tmp.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_patdex"), bin.join("patdex")).unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let index = tmp.path().join("index");
    let mut failures = Vec::new();
    for step in &steps {
        assert!(
            step.command.starts_with("patdex "),
            "{doc}:{}: tutorial commands start with patdex",
            step.line
        );
        let o = Command::new("sh")
            .arg("-c")
            .arg(&step.command)
            .current_dir(root)
            .env("PATH", &path)
            .env("PATDEX_INDEX", &index)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&o.stdout);
        let stderr = String::from_utf8_lossy(&o.stderr);
        let code = o.status.code().unwrap_or(-1);
        if code != step.exit {
            failures.push(format!(
                "{doc}:{}: `{}` exited {code}, the text says {}\n{stderr}",
                step.line, step.command, step.exit
            ));
            continue;
        }
        let lines: Vec<&str> = stdout.lines().collect();
        let mut at = 0;
        for want in &step.expected {
            match lines[at..].iter().position(|l| l.contains(want.as_str())) {
                Some(i) => at += i + 1,
                None => {
                    failures.push(format!(
                        "{doc}:{}: `{}` no longer prints (after the lines before it):\n  {want}\nit printed:\n{stdout}",
                        step.line, step.command
                    ));
                    break;
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_harness_reads_blocks_commands_and_expectations() {
    let md = "text\n```console\n$ patdex a\nx\n...\ny\n$ patdex b\n[exit 1]\n```\n```sh\n$ not run\n```\n";
    let s = steps(md);
    assert_eq!(s.len(), 2);
    assert_eq!(s[0].command, "patdex a");
    assert_eq!(s[0].expected, vec!["x", "y"]);
    assert_eq!(s[1].exit, 1);
}
