//! Alert profiles: one TOML file per profile in a profiles folder, so a team keeps them in git,
//! reviews changes and sees their history.
//!
//! ```toml
//! # profiles/solid-electrolytes.toml (the file name is the profile's name)
//! description = "Solid electrolytes for lithium cells"
//! owner = "Technology transfer office <tto@example.edu>"
//! query = '"solid electrolyte" AND (lithium OR battery)'
//!
//! [screen]                        # every rule given must hold
//! cpc = ["H01M"]                  # a CPC symbol at any level: one of them
//! assignees = []                  # only these owners (spellings merged as in `portfolio`)
//! exclude_assignees = ["Acme"]    # never these owners
//! claims = ["sulfide"]            # each word or phrase must be in the claims
//! kinds = ["grant"]               # grant, application, utility, design, plant, reissue, or kind codes (B2)
//!
//! [output]
//! formats = ["md", "html", "json", "atom"]   # default: md and atom
//! dir = "digests/solid"           # relative to the profiles folder; default ../digests/NAME
//! webhook = "http://127.0.0.1:9000/patdex"   # the JSON digest is POSTed here
//! ```

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::index::schema;

/// A saved search and what to do with its new hits.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// From the file name.
    #[serde(skip)]
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Who the alerts are for.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// In the query language (docs/SEARCHING.md).
    pub query: String,
    #[serde(default, skip_serializing_if = "Screen::is_empty")]
    pub screen: Screen,
    #[serde(default)]
    pub output: Output,
}

/// Screening rules on top of the query.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Screen {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cpc: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assignees: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude_assignees: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<String>,
}

impl Screen {
    pub fn is_empty(&self) -> bool {
        self.cpc.is_empty()
            && self.assignees.is_empty()
            && self.exclude_assignees.is_empty()
            && self.claims.is_empty()
            && self.kinds.is_empty()
    }
}

/// Digest formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum DigestFormat {
    Md,
    Html,
    Json,
    Atom,
}

impl DigestFormat {
    pub fn extension(self) -> &'static str {
        match self {
            DigestFormat::Md => "md",
            DigestFormat::Html => "html",
            DigestFormat::Json => "json",
            DigestFormat::Atom => "atom",
        }
    }
}

fn default_formats() -> Vec<DigestFormat> {
    vec![DigestFormat::Md, DigestFormat::Atom]
}

/// Where a profile's digests go.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Output {
    #[serde(default = "default_formats")]
    pub formats: Vec<DigestFormat>,
    /// Relative to the profiles folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dir: Option<PathBuf>,
    /// An http:// or https:// URL the JSON digest is POSTed to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhook: Option<String>,
}

impl Default for Output {
    fn default() -> Output {
        Output {
            formats: default_formats(),
            dir: None,
            webhook: None,
        }
    }
}

/// A kind rule: which index field it tests and the value.
pub fn kind_rule(kind: &str) -> Option<(&'static str, String)> {
    let k = kind.trim();
    let lower = k.to_ascii_lowercase();
    match lower.as_str() {
        "grant" | "application" => Some(("kind", lower)),
        "utility" | "design" | "plant" | "reissue" => Some(("type", lower)),
        _ if (1..=2).contains(&k.len())
            && k.starts_with(|c: char| c.is_ascii_alphabetic())
            && k.chars().all(|c| c.is_ascii_alphanumeric()) =>
        {
            Some(("kc", k.to_ascii_uppercase()))
        }
        _ => None,
    }
}

/// A profile file that cannot be used: the file, the line when known, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileError {
    pub file: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for ProfileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "{} line {l}: {}", self.file.display(), self.message),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

impl std::error::Error for ProfileError {}

/// Profile and collection names: they become file names.
pub fn valid_name(name: &str) -> Result<(), String> {
    let ok = !name.is_empty()
        && name.len() <= 80
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
        && !name.starts_with('.');
    if ok {
        Ok(())
    } else {
        Err(format!(
            "`{name}` cannot be a name: use letters, digits, `-`, `_` and `.` (not first), at most 80"
        ))
    }
}

impl Profile {
    /// Reads and checks `text` (the contents of `file`).
    pub fn from_toml(name: &str, file: &Path, text: &str) -> Result<Profile, ProfileError> {
        let err = |line: Option<usize>, message: String| ProfileError {
            file: file.to_path_buf(),
            line,
            message,
        };
        let mut p: Profile = toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            err(line, e.message().trim().to_string())
        })?;
        p.name = name.to_string();
        p.check().map_err(|(key, message)| {
            // The line of the key the problem is in, for a file a person edits.
            let line = text.lines().position(|l| {
                let l = l.trim_start();
                l.starts_with(key) && l[key.len()..].trim_start().starts_with('=')
            });
            err(line.map(|l| l + 1), message)
        })?;
        Ok(p)
    }

    /// The TOML text of the profile.
    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("a profile serialises")
    }

    /// Checks what can be checked without an index (`/low` codes are checked against the
    /// index's scheme when the profile runs): the query's syntax and fields, CPC symbols,
    /// kinds, claim words, the webhook URL. Errors name the key.
    pub fn check(&self) -> Result<(), (&'static str, String)> {
        if self.query.trim().is_empty() {
            return Err(("query", "`query` is empty: give the search to watch".into()));
        }
        let parsed = crate::query::parse::parse(&self.query)
            .and_then(|node| crate::query::plan::resolve_with(&self.query, &node, &Unchecked));
        if let Err(e) = parsed {
            return Err(("query", format!("the query is not valid:\n{}", e.render())));
        }
        for c in &self.screen.cpc {
            if schema::cpc_symbol(c).is_none() {
                return Err((
                    "cpc",
                    format!(
                        "`{c}` is not a CPC symbol; give a section (H), class (H01), subclass (H01M), main group (H01M10) or symbol (H01M10/0525)"
                    ),
                ));
            }
        }
        for k in &self.screen.kinds {
            if kind_rule(k).is_none() {
                return Err((
                    "kinds",
                    format!(
                        "`{k}` is not a kind; use grant, application, utility, design, plant, reissue, or a kind code such as B2"
                    ),
                ));
            }
        }
        for w in &self.screen.claims {
            if w.trim().is_empty() || w.contains('"') {
                return Err((
                    "claims",
                    format!("`{w}` cannot be a claim word: give a word or phrase, without quotes"),
                ));
            }
        }
        for (key, names) in [
            ("assignees", &self.screen.assignees),
            ("exclude_assignees", &self.screen.exclude_assignees),
        ] {
            if names.iter().any(|n| n.trim().is_empty()) {
                return Err((key, format!("`{key}` has an empty name")));
            }
        }
        if let Some(url) = &self.output.webhook
            && !(url.starts_with("http://") || url.starts_with("https://"))
        {
            return Err((
                "webhook",
                format!("webhook `{url}` must be an http:// or https:// URL"),
            ));
        }
        Ok(())
    }
}

/// The profiles folder.
#[derive(Debug, Clone)]
pub struct Profiles {
    pub dir: PathBuf,
}

impl Profiles {
    pub fn new(dir: &Path) -> Profiles {
        Profiles {
            dir: dir.to_path_buf(),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.join(format!("{name}.toml"))
    }

    /// Every profile file's name, sorted (`*.toml`; the file stem is the name).
    pub fn names(&self) -> anyhow::Result<Vec<String>> {
        crate::watch::file_stems(&self.dir, "toml")
    }

    /// Reads one profile.
    pub fn load(&self, name: &str) -> Result<Profile, ProfileError> {
        let file = self.path(name);
        let text = std::fs::read_to_string(&file).map_err(|e| ProfileError {
            file: file.clone(),
            line: None,
            message: if e.kind() == std::io::ErrorKind::NotFound {
                format!(
                    "no such profile; `patdex watch list` shows the profiles in {}",
                    self.dir.display()
                )
            } else {
                e.to_string()
            },
        })?;
        Profile::from_toml(name, &file, &text)
    }

    /// Writes a profile (refusing to replace one unless `replace`).
    pub fn save(&self, p: &Profile, replace: bool) -> anyhow::Result<PathBuf> {
        valid_name(&p.name).map_err(|e| anyhow::anyhow!(e))?;
        p.check().map_err(|(_, m)| anyhow::anyhow!(m))?;
        let file = self.path(&p.name);
        if file.exists() && !replace {
            anyhow::bail!(
                "profile `{}` exists ({}); edit the file, or pass --force to replace it",
                p.name,
                file.display()
            );
        }
        std::fs::create_dir_all(&self.dir)
            .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", self.dir.display()))?;
        let header = format!(
            "# patdex alert profile `{}`: `patdex watch show {}`; see docs/WATCH.md\n",
            p.name, p.name
        );
        crate::watch::write_atomic(&file, format!("{header}{}", p.to_toml()).as_bytes())?;
        Ok(file)
    }
}

/// Accepts every `CODE/low`: the scheme lives in the index folder, which a profile check does
/// not see; `watch run` and `watch test` resolve it.
struct Unchecked;

impl crate::query::plan::Hierarchy for Unchecked {
    fn below(&self, _field: &str, code: &str) -> Result<Vec<String>, (String, String)> {
        Ok(vec![code.to_string()])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Profile, ProfileError> {
        Profile::from_toml("t", Path::new("profiles/t.toml"), text)
    }

    #[test]
    fn round_trip_and_defaults() {
        let p = parse(
            "query = 'battery AND cpc:H01M'\n[screen]\nkinds = [\"grant\", \"B2\"]\n[output]\nwebhook = \"http://127.0.0.1:1/x\"\n",
        )
        .unwrap();
        assert_eq!(p.output.formats, [DigestFormat::Md, DigestFormat::Atom]);
        assert_eq!(p.screen.kinds, ["grant", "B2"]);
        let again = parse(&p.to_toml()).unwrap();
        assert_eq!(again, p);
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = parse("description = \"x\"\nqury = 'battery'\n").unwrap_err();
        assert_eq!(e.line, Some(2), "{e}");
        assert!(e.to_string().starts_with("profiles/t.toml line 2:"), "{e}");
        let e = parse("query = 'battery AND (cell'\n").unwrap_err();
        assert_eq!(e.line, Some(1), "{e}");
        let e =
            parse("query = 'battery'\n\n[screen]\ncpc = [\"H01M\", \"battery\"]\n").unwrap_err();
        assert_eq!(e.line, Some(4), "{e}");
        assert!(e.message.contains("`battery` is not a CPC symbol"), "{e}");
        let e = parse("query = 'x'\n[screen]\nkinds = [\"patent\"]\n").unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        let e = parse("query = 'x'\n[output]\nwebhook = \"ftp://h/x\"\n").unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
    }

    #[test]
    fn kinds_and_names() {
        assert_eq!(kind_rule("Grant"), Some(("kind", "grant".into())));
        assert_eq!(kind_rule("design"), Some(("type", "design".into())));
        assert_eq!(kind_rule("b2"), Some(("kc", "B2".into())));
        assert_eq!(kind_rule("B22"), None);
        assert!(valid_name("solid-state_2026").is_ok());
        assert!(valid_name("../x").is_err() && valid_name(".hidden").is_err());
    }
}
