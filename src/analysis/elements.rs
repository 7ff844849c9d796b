//! Splits one claim into the elements (limitations) a freedom-to-operate claim chart lists, each
//! with its chart label: `1[pre]` for the preamble, then `1[a]`, `1[b]`, ... `1[z]`, `1[aa]`.
//!
//! The input is [`crate::model::Claim::text`] as the USPTO parser leaves it: the claim number is
//! gone and every nested `<claim-text>` starts a new line. The rules, in the order they apply:
//!
//! **Claim statement.** A first line that is only "We claim:", "I claim:", "What is claimed
//! is:" (some grants put the claim statement inside the first claim) is dropped before all
//! else, so "We claim:\nThe ornamental design for a lid, as shown." is one element.
//!
//! **Preamble.** The first line (up to the first newline, or the first `;` outside parentheses)
//! is searched for a transitional phrase: `comprising`, `comprises`, `which comprises`,
//! `consisting of`, `consisting essentially of`, `including`, `having`, `characterized in that`
//! / `characterised in that`, `the improvement comprising` (Jepson). It counts only as a whole
//! word, outside parentheses, and only when what follows it on that line is `:` or `,` or
//! nothing at all (end of the line or of the text; `comprising;` therefore counts too). A few
//! filler words may stand between the phrase and that mark and then belong to the preamble
//! (`comprising the steps of:`, `including the following acts:`, `comprising in combination:`).
//! The first such phrase ends the preamble, which includes it. A phrase followed by claim
//! matter on the same line (`a compound selected from the group consisting of A, B and C`,
//! `a composition comprising water and salt`) is not a transition: splitting there would cut
//! a Markush group or an element in half. Without a transition there is no preamble element
//! and the whole claim goes through the body rules.
//!
//! **Body.** The rest is cut at every newline, at every `;`, and before every `wherein` /
//! `whereby`, but never at a `;` or `wherein` inside parentheses, and never at a comma
//! (commas separate the parts of one element far more often than elements). Parentheses are
//! counted per line, so a stray `(` cannot keep the rest of the claim in one piece; a stray `)`
//! is ignored. Each piece is trimmed of the joining words and punctuation around it: leading
//! `and ` / `or ` / `and/or ` and `,;:`, trailing `;` `,` `.` `:` and a trailing `and` / `or`
//! (so `; and`, `: and`, `, and wherein` all disappear). Empty pieces and pieces that are
//! only a joining word (`and`, `or`, `and/or`, `then`) are dropped.
//!
//! **Glue.** A piece that is only a list marker (`(a)`, `a)`, `i.`, `(ii)`, `a.1)`) or only
//! `wherein` / `whereby` (chemical claims put `wherein:` on a line of its own) introduces the
//! next piece and is joined to it. One left over at the very end has nothing to introduce and
//! is dropped.
//!
//! Any input is accepted: the function never panics, and text it cannot split comes back as
//! one element.

use serde::Serialize;

/// One element (limitation) of a claim, as a claim chart lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Element {
    /// Chart label: "1[pre]" for the preamble, then "1[a]", "1[b]", ... ("1[z]", "1[aa]" after z).
    pub label: String,
    /// The element's text, trimmed of its joining words and punctuation ("and", "; and", ",", ":" ...).
    pub text: String,
    /// True for the preamble (the text up to and including the transitional phrase).
    pub preamble: bool,
}

/// Splits claim `number`'s text into its elements.
pub fn split(number: u32, text: &str) -> Vec<Element> {
    let mut out = Vec::new();
    let text = without_claim_statement(text);
    let body = match preamble_end(text) {
        Some(end) => {
            out.push(Element {
                label: format!("{number}[pre]"),
                text: text[..end].trim().to_string(),
                preamble: true,
            });
            &text[end..]
        }
        None => text,
    };
    for (i, piece) in body_elements(body).into_iter().enumerate() {
        out.push(Element {
            label: format!("{number}[{}]", letters(i)),
            text: piece,
            preamble: false,
        });
    }
    out
}

/// Some grants carry the claim statement ("We claim:") as a line of the first claim.
const CLAIM_STATEMENTS: &[&str] = &[
    "i claim",
    "we claim",
    "what is claimed is",
    "what i claim is",
    "what we claim is",
    "the invention claimed is",
];

/// The text after a first line that is only a claim statement, which limits nothing.
fn without_claim_statement(text: &str) -> &str {
    match text.split_once('\n') {
        Some((first, rest)) if is_claim_statement(clean(first)) => rest,
        _ => text,
    }
}

fn is_claim_statement(piece: &str) -> bool {
    CLAIM_STATEMENTS
        .iter()
        .any(|s| piece.eq_ignore_ascii_case(s))
}

/// Longer phrases first, so that at one position the whole phrase is taken.
const TRANSITIONS: &[&str] = &[
    "consisting essentially of",
    "the improvement comprising",
    "characterized in that",
    "characterised in that",
    "which comprises",
    "consisting of",
    "comprising",
    "comprises",
    "including",
    "having",
];

/// Words drafters put between the transition and its colon ("comprising the steps of:").
const FILLER: &[&str] = &[
    "the",
    "following",
    "step",
    "steps",
    "act",
    "acts",
    "of",
    "in",
    "combination",
];

/// Where the preamble ends (just after its transitional phrase), if the claim has one.
fn preamble_end(text: &str) -> Option<usize> {
    let line = first_line(text);
    let mut depth = 0u32;
    let mut prev: Option<char> = None;
    for (i, c) in line.char_indices() {
        let at_word_start = !prev.is_some_and(char::is_alphanumeric);
        prev = Some(c);
        match c {
            '(' => depth = depth.saturating_add(1),
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 && at_word_start => {
                for phrase in TRANSITIONS {
                    if let Some(end) = word_at(line, i, phrase)
                        && let Some(end) = transition_end(line, end)
                    {
                        return Some(end);
                    }
                }
            }
            _ => {}
        }
    }
    None
}

/// The text before the first newline or the first `;` outside parentheses.
fn first_line(text: &str) -> &str {
    let mut depth = 0u32;
    for (i, c) in text.char_indices() {
        match c {
            '\n' => return &text[..i],
            ';' if depth == 0 => return &text[..i],
            '(' => depth = depth.saturating_add(1),
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    text
}

/// If `word` (ASCII, any case) stands at `i` as a whole word, where it ends.
fn word_at(s: &str, i: usize, word: &str) -> Option<usize> {
    let end = i.checked_add(word.len())?;
    let found = s.get(i..end)?;
    let whole = !s[end..].chars().next().is_some_and(char::is_alphanumeric);
    (found.eq_ignore_ascii_case(word) && whole).then_some(end)
}

/// A transition ending at `end` really ends the preamble when the line stops there or goes on
/// with `:` or `,`, possibly after filler words; returns the end including the filler.
fn transition_end(line: &str, mut end: usize) -> Option<usize> {
    let closes = |at: usize| {
        let rest = line[at..].trim_start();
        rest.is_empty() || rest.starts_with([':', ','])
    };
    // "comprising the following steps of:" is as much filler as drafters use.
    for _ in 0..4 {
        if closes(end) {
            return Some(end);
        }
        let start = end + (line[end..].len() - line[end..].trim_start().len());
        if start == end {
            return None;
        }
        end = FILLER.iter().find_map(|w| word_at(line, start, w))?;
    }
    closes(end).then_some(end)
}

/// The body's elements, cleaned and glued, in order.
fn body_elements(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut intro: Option<String> = None;
    for raw in raw_pieces(body) {
        let raw = raw.trim();
        let (piece, introduces) = if is_list_marker(raw) {
            (raw, true)
        } else {
            let piece = clean(raw);
            (piece, is_lead_word(piece))
        };
        if piece.is_empty() || is_joining_word(piece) {
            continue;
        }
        if introduces {
            intro = Some(match intro {
                Some(prefix) => format!("{prefix} {piece}"),
                None => piece.to_string(),
            });
            continue;
        }
        out.push(match intro.take() {
            Some(prefix) => format!("{prefix} {piece}"),
            None => piece.to_string(),
        });
    }
    out
}

/// The body cut at newlines, at `;` and before `wherein` / `whereby`, outside parentheses.
fn raw_pieces(body: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut depth = 0u32;
    let mut prev: Option<char> = None;
    for (i, c) in body.char_indices() {
        let at_word_start = !prev.is_some_and(char::is_alphanumeric);
        prev = Some(c);
        match c {
            '\n' => {
                pieces.push(&body[start..i]);
                start = i + 1;
                depth = 0;
            }
            '(' => depth = depth.saturating_add(1),
            ')' => depth = depth.saturating_sub(1),
            ';' if depth == 0 => {
                pieces.push(&body[start..i]);
                start = i + 1;
            }
            'w' | 'W' if depth == 0 && at_word_start && starts_clause(body, i) => {
                pieces.push(&body[start..i]);
                start = i;
            }
            _ => {}
        }
    }
    pieces.push(&body[start..]);
    pieces
}

fn starts_clause(s: &str, i: usize) -> bool {
    word_at(s, i, "wherein").is_some() || word_at(s, i, "whereby").is_some()
}

/// A cleaned piece that is only `wherein` / `whereby`.
fn is_lead_word(piece: &str) -> bool {
    piece.eq_ignore_ascii_case("wherein") || piece.eq_ignore_ascii_case("whereby")
}

fn is_joining_word(piece: &str) -> bool {
    ["and", "or", "and/or", "then"]
        .iter()
        .any(|w| piece.eq_ignore_ascii_case(w))
}

/// `(a)`, `a)`, `a.`, `(1)`, `1.`, `(iv)`, `a.1)`: a label and nothing else.
fn is_list_marker(piece: &str) -> bool {
    let inner = if let Some(rest) = piece.strip_prefix('(') {
        rest.strip_suffix(')')
    } else {
        piece.strip_suffix(')').or_else(|| piece.strip_suffix('.'))
    };
    let Some(inner) = inner else { return false };
    if inner.is_empty() || inner.len() > 5 || inner.starts_with('.') || inner.ends_with('.') {
        return false;
    }
    // Every dot-separated part must look like a counter, so that a word such as "etc." or
    // "Inc." standing alone is not taken for one.
    inner.split('.').all(|part| {
        part.bytes().all(|b| b.is_ascii_digit())
            || (part.len() == 1 && part.bytes().all(|b| b.is_ascii_alphabetic()))
            || part
                .bytes()
                .all(|b| matches!(b.to_ascii_lowercase(), b'i' | b'v' | b'x'))
    }) && !inner.split('.').any(str::is_empty)
}

/// Trims the joining words and punctuation around an element until nothing more comes off.
fn clean(piece: &str) -> &str {
    let mut s = piece;
    loop {
        let before = s;
        s = s.trim().trim_start_matches([',', ';', ':']).trim_start();
        for lead in ["and/or", "and", "or"] {
            if let Some(end) = leading_word(s, lead) {
                s = &s[end..];
                break;
            }
        }
        s = s.trim().trim_end_matches([';', ',', '.', ':']).trim_end();
        for tail in ["and/or", "and", "or"] {
            if let Some(start) = trailing_word(s, tail) {
                s = &s[..start];
                break;
            }
        }
        if s.len() == before.len() {
            return s.trim();
        }
    }
}

/// Where `word` ends if `s` starts with it as a whole word. "or" must be lower case: a
/// capital "OR" is more likely a logic gate than a joining word.
fn leading_word(s: &str, word: &str) -> Option<usize> {
    let found = s.get(..word.len())?;
    let case_ok = if word == "or" {
        found == word
    } else {
        found.eq_ignore_ascii_case(word)
    };
    let whole = s[word.len()..]
        .chars()
        .next()
        .is_none_or(|c| c.is_whitespace() || c == ',' || c == ':');
    (case_ok && whole).then_some(word.len())
}

/// Where `word` starts if `s` ends with it as a whole word.
fn trailing_word(s: &str, word: &str) -> Option<usize> {
    let start = s.len().checked_sub(word.len())?;
    let found = s.get(start..)?;
    let case_ok = if word == "or" {
        found == word
    } else {
        found.eq_ignore_ascii_case(word)
    };
    let whole = s[..start]
        .chars()
        .next_back()
        .is_none_or(char::is_whitespace);
    (case_ok && whole).then_some(start)
}

/// Spreadsheet-style letters: 0 → a, 25 → z, 26 → aa, 27 → ab.
fn letters(i: usize) -> String {
    let mut out = Vec::new();
    let mut n = i + 1;
    while n > 0 {
        n -= 1;
        out.push(b'a' + (n % 26) as u8);
        n /= 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(elements: &[Element]) -> Vec<&str> {
        elements.iter().map(|e| e.text.as_str()).collect()
    }

    fn labels(elements: &[Element]) -> Vec<&str> {
        elements.iter().map(|e| e.label.as_str()).collect()
    }

    #[test]
    fn nested_lines_become_elements_after_the_preamble() {
        let e = split(
            1,
            "A lamp comprising:\na base;\na bulb held by the base; and\na switch.",
        );
        assert_eq!(labels(&e), ["1[pre]", "1[a]", "1[b]", "1[c]"]);
        assert_eq!(
            texts(&e),
            [
                "A lamp comprising",
                "a base",
                "a bulb held by the base",
                "a switch"
            ]
        );
        assert!(e[0].preamble);
        assert!(e[1..].iter().all(|e| !e.preamble));
    }

    #[test]
    fn semicolons_split_on_one_line_and_joining_words_go() {
        let e = split(3, "A kit comprising: a box; a lid; and a key.");
        assert_eq!(texts(&e), ["A kit comprising", "a box", "a lid", "a key"]);
    }

    #[test]
    fn wherein_and_whereby_start_new_elements() {
        let e = split(
            2,
            "A cup comprising:\na wall, wherein the wall is round and wherein the wall is red; and\na handle, whereby the cup is held.",
        );
        assert_eq!(
            texts(&e),
            [
                "A cup comprising",
                "a wall",
                "wherein the wall is round",
                "wherein the wall is red",
                "a handle",
                "whereby the cup is held"
            ]
        );
        let e = split(1, "A pen comprising:\nan ink, and wherein the ink is blue.");
        assert_eq!(texts(&e)[1..], ["an ink", "wherein the ink is blue"]);
    }

    #[test]
    fn each_transition_is_recognised() {
        for (claim, pre) in [
            (
                "A gel consisting essentially of:\nwater.",
                "A gel consisting essentially of",
            ),
            ("A gel consisting of:\nwater.", "A gel consisting of"),
            ("A box including:\na lid.", "A box including"),
            ("A box having:\na lid.", "A box having"),
            ("A box, which comprises:\na lid.", "A box, which comprises"),
            (
                "A box, characterized in that:\nit has a lid.",
                "A box, characterized in that",
            ),
            (
                "A box, characterised in that\nit has a lid.",
                "A box, characterised in that",
            ),
            (
                "In a box with a lid, the improvement comprising:\na hinge.",
                "In a box with a lid, the improvement comprising",
            ),
            ("A box that comprises,\na lid.", "A box that comprises"),
            (
                "A method comprising the steps of:\nmixing.",
                "A method comprising the steps of",
            ),
            (
                "A method comprising the following acts\nmixing.",
                "A method comprising the following acts",
            ),
            ("A box comprising; a lid.", "A box comprising"),
            ("A BOX COMPRISING:\nA LID.", "A BOX COMPRISING"),
        ] {
            let e = split(1, claim);
            assert_eq!(e[0].text, pre, "{claim}");
            assert!(e[0].preamble, "{claim}");
            assert_eq!(e.len(), 2, "{claim}: {e:?}");
        }
    }

    #[test]
    fn a_transition_followed_by_claim_matter_is_not_one() {
        // A Markush group must stay one element.
        let claim = "A compound selected from the group consisting of A, B and C.";
        let e = split(5, claim);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].label, "5[a]");
        assert!(!e[0].preamble);
        assert_eq!(
            e[0].text,
            "A compound selected from the group consisting of A, B and C"
        );
        // Only the first transition counts; a later "consisting of" stays inside its element.
        let e = split(
            1,
            "A salt comprising:\na cation selected from the group consisting of Na, K, and Li; and\nan anion.",
        );
        assert_eq!(
            texts(&e),
            [
                "A salt comprising",
                "a cation selected from the group consisting of Na, K, and Li",
                "an anion"
            ]
        );
        // Words inside the transition's word do not count ("havingness", "includings").
        assert!(!split(1, "A box of havingness:\na lid.")[0].preamble);
    }

    #[test]
    fn a_transition_after_the_first_line_does_not_make_a_preamble() {
        let e = split(
            1,
            "A process for a compound of formula\nR-X,\nwhich comprises:\nheating.",
        );
        assert!(e.iter().all(|e| !e.preamble));
        assert_eq!(
            texts(&e),
            [
                "A process for a compound of formula",
                "R-X",
                "which comprises",
                "heating"
            ]
        );
    }

    #[test]
    fn parentheses_protect_semicolons_and_wherein() {
        let e = split(
            1,
            "A mix comprising:\na solvent (e.g. water; wherein pure) and a salt;\na dye.",
        );
        assert_eq!(
            texts(&e),
            [
                "A mix comprising",
                "a solvent (e.g. water; wherein pure) and a salt",
                "a dye"
            ]
        );
        // A transition inside parentheses is not the claim's.
        let e = split(1, "A mix (comprising: salt) of water.");
        assert_eq!(texts(&e), ["A mix (comprising: salt) of water"]);
    }

    #[test]
    fn an_unclosed_parenthesis_does_not_swallow_the_rest() {
        let e = split(
            1,
            "A mix comprising:\na solvent (water; and\na dye; and a salt.",
        );
        assert_eq!(
            texts(&e),
            ["A mix comprising", "a solvent (water", "a dye", "a salt"]
        );
    }

    #[test]
    fn list_markers_are_glued_and_joining_words_dropped() {
        let e = split(
            1,
            "A kit comprising:\n(a)\na box;\nand\nii.\na lid; and then:\nc)\na key;\nand/or\n(d)",
        );
        assert_eq!(
            texts(&e),
            ["A kit comprising", "(a) a box", "ii. a lid", "c) a key"]
        );
        let e = split(1, "A material of formula (8):\nwherein:\nX is N;\nY is O.");
        assert_eq!(
            texts(&e),
            ["A material of formula (8)", "wherein X is N", "Y is O"]
        );
    }

    #[test]
    fn words_are_not_markers() {
        for word in [
            "etc.",
            "Inc.",
            "and.",
            "(fig)",
            "(ab)",
            "a.b.c.d.e)",
            "()",
            "(.)",
        ] {
            assert!(!is_list_marker(word), "{word}");
        }
        for marker in ["(a)", "a)", "i.", "(ii)", "a.1)", "12.", "(iv)", "B)"] {
            assert!(is_list_marker(marker), "{marker}");
        }
    }

    #[test]
    fn trimming_stops_at_words_that_only_look_like_joining_words() {
        let e = split(
            1,
            "A gate comprising:\nan OR gate;\nandesite or\nand, a brand.",
        );
        assert_eq!(
            texts(&e),
            ["A gate comprising", "an OR gate", "andesite", "a brand"]
        );
        let e = split(1, "A switch comprising:\nOR logic; and an operand.");
        assert_eq!(texts(&e)[1..], ["OR logic", "an operand"]);
    }

    #[test]
    fn a_claim_without_transition_is_split_by_the_body_rules() {
        let e = split(
            12,
            "The ornamental design for a lamp, as shown and described.",
        );
        assert_eq!(
            e,
            [Element {
                label: "12[a]".into(),
                text: "The ornamental design for a lamp, as shown and described".into(),
                preamble: false,
            }]
        );
        let e = split(1, "A valve with a seat; a stem, wherein the stem moves.");
        assert_eq!(
            texts(&e),
            ["A valve with a seat", "a stem", "wherein the stem moves"]
        );
    }

    #[test]
    fn a_claim_statement_line_is_not_an_element() {
        let e = split(1, "We claim:\nThe ornamental design for a lid, as shown.");
        assert_eq!(texts(&e), ["The ornamental design for a lid, as shown"]);
        let e = split(1, "What is claimed is:\nA cup comprising:\na handle.");
        assert_eq!(texts(&e), ["A cup comprising", "a handle"]);
        // Only a whole first line is a claim statement.
        let e = split(1, "We claim a cup, as shown.");
        assert_eq!(texts(&e), ["We claim a cup, as shown"]);
    }

    #[test]
    fn labels_run_past_z() {
        assert_eq!(letters(0), "a");
        assert_eq!(letters(25), "z");
        assert_eq!(letters(26), "aa");
        assert_eq!(letters(27), "ab");
        assert_eq!(letters(51), "az");
        assert_eq!(letters(52), "ba");
        assert_eq!(letters(26 + 26 * 26), "aaa");
        let claim = format!(
            "A chain comprising:\n{}",
            (0..30).map(|i| format!("link {i};\n")).collect::<String>()
        );
        let e = split(7, &claim);
        assert_eq!(e.len(), 31);
        assert_eq!(e[26].label, "7[z]");
        assert_eq!(e[27].label, "7[aa]");
        assert_eq!(e[27].text, "link 26");
        assert_eq!(e[30].label, "7[ad]");
    }

    #[test]
    fn the_preamble_alone_is_one_element() {
        let e = split(1, "A system comprising");
        assert_eq!(labels(&e), ["1[pre]"]);
        let e = split(1, "A system comprising:\n");
        assert_eq!(texts(&e), ["A system comprising"]);
    }

    #[test]
    fn odd_inputs_never_panic_and_keep_their_promises() {
        let pieces = [
            "",
            " ",
            "\n",
            ";",
            ":",
            ",",
            ".",
            "(",
            ")",
            "((",
            "))",
            "and",
            "or",
            "and/or",
            "then",
            "wherein",
            "Wherein:",
            "whereby",
            "comprising",
            "comprising:",
            "consisting of",
            "(a)",
            "a)",
            "i.",
            "é",
            "ü(",
            "—",
            "°C.",
            "日本語",
            "\u{0}",
            "\r\n",
            "\t",
            "x",
            "wherein é",
            "comprisingé",
            "éwherein",
            "having, ",
            "the steps of",
            " the ",
            "ß;",
        ];
        let mut count = 0;
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let claim = format!("{a}{b}{c}");
                    let e = split(1, &claim);
                    count += 1;
                    for (i, el) in e.iter().enumerate() {
                        assert_eq!(el.preamble, i == 0 && el.label == "1[pre]", "{claim:?}");
                        assert!(!el.text.is_empty(), "{claim:?}: {e:?}");
                        assert_eq!(el.text, el.text.trim(), "{claim:?}");
                        assert!(!el.text.contains('\n'), "{claim:?}");
                        if !el.preamble {
                            assert!(!is_joining_word(&el.text), "{claim:?}: {e:?}");
                        }
                    }
                    let labels: Vec<_> =
                        e.iter().filter(|e| !e.preamble).map(|e| &e.label).collect();
                    for (i, l) in labels.iter().enumerate() {
                        assert_eq!(**l, format!("1[{}]", letters(i)));
                    }
                }
            }
        }
        assert_eq!(count, pieces.len().pow(3));
        assert!(split(1, "").is_empty());
        assert!(split(1, ";;;,,,...:::").is_empty());
        // Deep or unbalanced nesting, long texts.
        let deep = "(".repeat(10_000) + "comprising:" + &")".repeat(20_000) + ";x";
        assert_eq!(split(1, &deep).last().map(|e| e.text.as_str()), Some("x"));
        let long = "a; ".repeat(5_000);
        assert_eq!(split(1, &long).len(), 5_000);
    }
}
