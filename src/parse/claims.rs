//! Claim helpers every format shares: the printed number at the start of a claim, claim ids,
//! and the claims a claim refers to when the markup does not say (EP, APS, pap), from its words
//! in English, German or French.

use crate::model::Claim;

/// A claim from its rendered text: the leading "12." goes (the number is kept apart), and
/// references to itself do not make it dependent.
pub fn claim(number: u32, text: &str, mut refs: Vec<u32>) -> Claim {
    refs.sort_unstable();
    refs.dedup();
    refs.retain(|&r| r != number && r != 0);
    Claim {
        number,
        text: strip_number(text.trim()).to_string(),
        dependent: !refs.is_empty(),
        refers_to: refs,
        lang: String::new(),
    }
}

/// Drops a leading "12." or "12 ." (the number is kept apart).
pub fn strip_number(text: &str) -> &str {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let rest = text[digits..].trim_start();
    if digits > 0 && rest.starts_with('.') {
        rest[1..].trim_start()
    } else {
        text
    }
}

/// Claim numbers named by a `claim-ref` `idref`: `CLM-00003` is claim 3; `CLM-00001-CLM-00005`
/// (or `CLM-00001-00005`) is the range 1 to 5.
pub fn numbers_in_id(idref: &str) -> Vec<u32> {
    let nums: Vec<u32> = idref
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .collect();
    match nums.as_slice() {
        [a, b] if a < b && b - a < 1000 => (*a..=*b).collect(),
        _ => nums,
    }
}

/// The claims a claim refers to, read from its words since EP claims carry no `claim-ref`:
/// `claim 1`, `claims 1 to 3`, `any one of claims 1, 2 or 5`, `Anspruch 1 bis 3`,
/// `revendications 1 à 3`.
pub fn refs_in_words(text: &str) -> Vec<u32> {
    const WORDS: &[&str] = &[
        "claim",
        "claims",
        "anspruch",
        "ansprüche",
        "ansprüchen",
        "anspruchs",
        "revendication",
        "revendications",
    ];
    const JOIN: &[&str] = &[
        "or", "and", "to", "oder", "und", "bis", "ou", "et", "à", "a", "-", "–", ",",
    ];
    const RANGE: &[&str] = &["to", "bis", "à", "a", "-", "–"];
    let tokens: Vec<String> = text
        .split_whitespace()
        .flat_map(|w| {
            // `1,` `3)` `1-3` → separate tokens for numbers and separators.
            let mut out = Vec::new();
            let mut cur = String::new();
            for ch in w.chars() {
                if ch == ',' || ch == '-' || ch == '–' {
                    if !cur.is_empty() {
                        out.push(std::mem::take(&mut cur));
                    }
                    out.push(ch.to_string());
                } else {
                    cur.push(ch);
                }
            }
            if !cur.is_empty() {
                out.push(cur);
            }
            out
        })
        .map(|t| {
            t.trim_matches(|c: char| !c.is_alphanumeric() && c != ',' && c != '-' && c != '–')
                .to_lowercase()
        })
        .collect();
    let mut refs = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !WORDS.contains(&tokens[i].as_str()) {
            i += 1;
            continue;
        }
        i += 1;
        let mut last: Option<u32> = None;
        let mut range = false;
        while i < tokens.len() {
            let t = tokens[i].as_str();
            if let Ok(n) = t.parse::<u32>() {
                match last {
                    Some(a) if range && a < n && n - a < 200 => refs.extend(a + 1..=n),
                    _ => refs.push(n),
                }
                last = Some(n);
                range = false;
            } else if JOIN.contains(&t) && last.is_some() {
                range = RANGE.contains(&t);
            } else {
                break;
            }
            i += 1;
        }
    }
    refs.sort_unstable();
    refs.dedup();
    refs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_ids_and_words() {
        assert_eq!(strip_number("12. A method"), "A method");
        assert_eq!(strip_number("1 . A garment"), "A garment");
        assert_eq!(strip_number("A 1. x"), "A 1. x");
        assert_eq!(numbers_in_id("CLM-00003"), vec![3]);
        assert_eq!(numbers_in_id("CLM-00001-CLM-00004"), vec![1, 2, 3, 4]);
        let c = claim(3, "3. The device of claim 1", vec![1, 3, 1]);
        assert_eq!(
            (c.text.as_str(), c.refers_to, c.dependent),
            ("The device of claim 1", vec![1], true)
        );
        assert_eq!(refs_in_words("The device of claim 1, wherein"), vec![1]);
        assert_eq!(refs_in_words("as in claims 1 or 2."), vec![1, 2]);
        assert_eq!(refs_in_words("according to claims 2 to 4"), vec![2, 3, 4]);
        assert_eq!(
            refs_in_words("according to any one of claims 1 to 3 or 5"),
            vec![1, 2, 3, 5]
        );
        assert_eq!(
            refs_in_words("nach einem der Ansprüche 1 bis 3,"),
            vec![1, 2, 3]
        );
        assert_eq!(refs_in_words("selon la revendication 2, dans"), vec![2]);
        assert_eq!(refs_in_words("claims 1-4"), vec![1, 2, 3, 4]);
        assert!(refs_in_words("A claimed widget").is_empty());
        assert!(refs_in_words("A device comprising").is_empty());
    }
}
