//! Names of owners (assignees, applicants): the key under which the spellings of one organisation
//! meet, and what kind of owner a party is.
//!
//! Like [`crate::number`], this sits below the pipeline: the doc mapper indexes the owner kind,
//! and the analyses merge spellings with [`name_key`] at query time (so improving the rules
//! needs no rebuild).
//!
//! The same company is printed many ways, even within one weekly file: `HEARTSNUG LLC` and
//! `HeartSnug LLC`, `The Procter & Gamble Company` and `The Procter and Gamble Company`,
//! `International Plant Propagation Technology, Ltd.` and `... TECHNOLOGY LTD`. [`name_key`]
//! removes what does not tell owners apart (case, punctuation, accents, legal forms, the board a
//! university is registered under) and nothing else: there is no fuzzy matching, because names
//! one letter apart are often different companies (`CSMC Technologies FAB1` and `FAB2`), so a
//! misspelt name (`General Electtric Company`) keeps its own key.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::Party;

/// What kind of owner a party is, for the share of universities and institutes against
/// companies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OwnerKind {
    Company,
    /// Universities, colleges and public research institutes.
    Academic,
    Government,
    /// Individual inventors owning their patents.
    Individual,
}

impl OwnerKind {
    pub const ALL: [OwnerKind; 4] = [
        OwnerKind::Company,
        OwnerKind::Academic,
        OwnerKind::Government,
        OwnerKind::Individual,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OwnerKind::Company => "company",
            OwnerKind::Academic => "academic",
            OwnerKind::Government => "government",
            OwnerKind::Individual => "individual",
        }
    }

    pub fn parse(s: &str) -> Option<OwnerKind> {
        OwnerKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

// ---------------------------------------------------------------------------------------------
// Word lists. Every entry is in the form words take after tokenising: upper case, ASCII-folded,
// punctuation gone, dotted initials joined (`S.p.A.` → `SPA`, `A/S` → `AS`) and the abbreviations
// of `canonical` expanded (`Corp.` → `CORPORATION`, `Ltd` → `LIMITED`, `Inc` → `INCORPORATED`).
// ---------------------------------------------------------------------------------------------

/// Legal forms, stripped repeatedly from the end of a name (never from the middle: `Masco
/// Corporation of Indiana` keeps its `CORPORATION`). Combinations need no entry of their own:
/// `Co., Ltd.` is `LIMITED` then `CO`, `GmbH & Co. KG` is `KG`, `AND CO`, `GMBH`. Long forms are
/// listed where the real data spells them out (`Aktiengesellschaft`, `besloten vennootschap met
/// beperkte aansprakelijkheid`, `Societe Par Actions Simplifiee`).
const LEGAL_FORMS: &[&[&str]] = &[
    // English-speaking countries; `INC`, `CORP`, `LTD` arrive expanded.
    &["INCORPORATED"],
    &["CORPORATION"],
    &["CO"],
    &["COMPANY"],
    &["LIMITED"],
    &["LLC"],
    &["LIMITED", "LIABILITY", "COMPANY"],
    &["LLP"],
    &["LP"],
    &["LIMITED", "PARTNERSHIP"],
    &["PLC"],
    &["PUBLIC", "LIMITED", "COMPANY"],
    &["PUBLIC", "COMPANY", "LIMITED"],
    &["PLLC"],
    &["PTY"],
    &["PTE"],
    &["SDN", "BHD"],
    // "& Co.", "& Cie", Italian "& C.": the partners of the firm, not part of its name.
    &["AND", "CO"],
    &["AND", "COMPANY"],
    &["AND", "C"],
    &["AND", "CIE"],
    // German-speaking countries.
    &["GMBH"],
    &["MBH"],
    &["GESELLSCHAFT", "MIT", "BESCHRANKTER", "HAFTUNG"],
    &["AG"],
    &["AKTIENGESELLSCHAFT"],
    &["KG"],
    &["KGAA"],
    &["OHG"],
    &["EV"],
    // Europe at large.
    &["SE"],
    &["SA"],
    &["SOCIETE", "ANONYME"],
    &["SAS"],
    &["SOCIETE", "PAR", "ACTIONS", "SIMPLIFIEE"],
    &["SARL"],
    &["SPA"],
    &["SOCIETA", "PER", "AZIONI"],
    &["SRL"],
    &["SL"],
    &["NV"],
    &["NAAMLOZE", "VENNOOTSCHAP"],
    &["BV"],
    &["BESLOTEN", "VENNOOTSCHAP"],
    &[
        "BESLOTEN",
        "VENNOOTSCHAP",
        "MET",
        "BEPERKTE",
        "AANSPRAKELIJKHEID",
    ],
    &["BVBA"],
    &["AS"],
    &["ASA"],
    &["APS"],
    &["AB"],
    &["AKTIEBOLAG"],
    &["PUBL"],
    &["OY"],
    &["OYJ"],
    &["SRO"],
    &["SP", "Z", "OO"],
    &["SJ"],
    &["I", "SPOLKA"],
    // Latin America.
    &["SA", "DE", "CV"],
    &["LTDA"],
    // Japan.
    &["KK"],
    &["KABUSHIKI", "KAISHA"],
    &["YUGEN", "KAISHA"],
    &["GODO", "KAISHA"],
];

/// Legal forms and statuses that come first: `Kabushiki Kaisha Toshiba` is `Toshiba
/// Corporation`, `Aktiebolaget SKF` is `SKF AB`, and Japan's national universities and public
/// institutes are registered as `National University Corporation Tohoku University` or
/// `Incorporated Administrative Agency National Institute for ...` but printed without it as
/// often.
const PREFIX_FORMS: &[&[&str]] = &[
    &["KABUSHIKI", "KAISHA"],
    &["YUGEN", "KAISHA"],
    &["GODO", "KAISHA"],
    &["AKTIEBOLAGET"],
    &["NATIONAL", "UNIVERSITY", "CORPORATION"],
    &["INCORPORATED", "ADMINISTRATIVE", "AGENCY"],
    &["INDEPENDENT", "ADMINISTRATIVE", "INSTITUTION"],
];

/// The bodies a university's patents are registered under (`The Regents of the University of
/// California`, `Board of Regents, University of Texas System`, `President and Fellows of
/// Harvard College`, `The Chancellor, Masters and Scholars of the University of Oxford`): the
/// same university is just as often printed without them, and the body owns nothing else.
/// Only dropped when what follows names an academic institution (see [`is_institution`]).
const BOARDS: &[&[&str]] = &[
    &["BOARD", "OF", "REGENTS"],
    &["BOARD", "OF", "TRUSTEES"],
    &["BOARD", "OF", "GOVERNORS"],
    &["BOARD", "OF", "SUPERVISORS"],
    &["BOARD", "OF", "VISITORS"],
    &["BOARD", "OF", "CURATORS"],
    &["REGENTS"],
    &["TRUSTEES"],
    &["GOVERNORS"],
    &["CURATORS"],
    &["GOVERNING", "COUNCIL"],
    &["PRESIDENT", "AND", "FELLOWS"],
    &["RECTOR", "AND", "VISITORS"],
    &["CHANCELLOR", "MASTERS", "AND", "SCHOLARS"],
];

/// Word-wise abbreviations that always stand for one word in an owner's name, so both spellings
/// meet. Each is unambiguous there: `Corp`, `Inc`, `Ltd` are only ever the legal words (and
/// expanding them lets `Masco Corp. of Indiana` meet `Masco Corporation of Indiana`); `Labs` and
/// `Lab` are laboratories; `Intl` (also `Int'l`) international; `Mfg` manufacturing; `Univ`
/// university; `Natl` national; `Bros` brothers; `Dept` department.
///
/// Deliberately not expanded: `Tech` (Technology or Technologies? and a brand word in its own
/// right: `Georgia Tech`), `Ind` (Industry, Industries or Industrial), `Co` in the middle of a
/// name (`Co-op`), `Inst` (Institute or Instruments), `Sys`, `Elec`.
fn canonical(word: &str) -> &str {
    match word {
        "CORP" => "CORPORATION",
        "INC" => "INCORPORATED",
        "LTD" => "LIMITED",
        "LABS" => "LABORATORIES",
        "LAB" => "LABORATORY",
        "INTL" => "INTERNATIONAL",
        "MFG" => "MANUFACTURING",
        "UNIV" => "UNIVERSITY",
        "NATL" => "NATIONAL",
        "BROS" => "BROTHERS",
        "DEPT" => "DEPARTMENT",
        w => w,
    }
}

// ---------------------------------------------------------------------------------------------
// Tokenising
// ---------------------------------------------------------------------------------------------

/// One word of a name and the first punctuation mark after it (`'\0'` if none), which tells a
/// legal form followed by `(` or `,` apart.
#[derive(Debug, Clone)]
struct Tok {
    word: String,
    next: char,
}

/// The ASCII letters for a Latin letter with diacritics (Latin-1 and Latin Extended-A, plus the
/// Romanian comma-below letters): owner names come with and without accents (`Université` /
/// `Universite`, `Nestlé` / `Nestle`), and people type them without.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'À'..='Å' | 'à'..='å' | 'Ā'..='ą' => "A",
        'Æ' | 'æ' => "AE",
        'Ç' | 'ç' | 'Ć'..='č' => "C",
        'Ð' | 'ð' | 'Ď'..='đ' => "D",
        'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' => "E",
        'Ĝ'..='ģ' => "G",
        'Ĥ'..='ħ' => "H",
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='ı' => "I",
        'Ĳ' | 'ĳ' => "IJ",
        'Ĵ' | 'ĵ' => "J",
        'Ķ'..='ĸ' => "K",
        'Ĺ'..='ł' => "L",
        'Ñ' | 'ñ' | 'Ń'..='ŉ' => "N",
        'Ŋ' | 'ŋ' => "NG",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō'..='ő' => "O",
        'Œ' | 'œ' => "OE",
        'Ŕ'..='ř' => "R",
        'Ś'..='š' | 'ſ' | 'Ș' | 'ș' => "S",
        'ß' => "SS",
        'Ţ'..='ŧ' | 'Ț' | 'ț' => "T",
        'Þ' | 'þ' => "TH",
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' => "U",
        'Ŵ' | 'ŵ' => "W",
        'Ý' | 'ý' | 'ÿ' | 'Ŷ'..='Ÿ' => "Y",
        'Ź'..='ž' => "Z",
        _ => return None,
    })
}

/// Apostrophes join (`L'Occitane` → `LOCCITANE`, `Int'l` → `INTL`), so the name meets its
/// spelling without one.
fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{b4}' | '\u{2bc}'
    )
}

/// Splits a name into upper-case ASCII-folded words. Any other punctuation separates words
/// (`Coca-Cola` = `Coca Cola`, `Beertubes.com` → `BEERTUBES COM`), `&` is the word `AND`, and
/// runs of single letters join (`S.p.A.` = `SPA`, `A/S` = `AS`, `E. I. du Pont` = `E.I. du
/// Pont`), so dotted and undotted initials meet. Abbreviations are expanded ([`canonical`]).
fn tokenize(raw: &str) -> Vec<Tok> {
    fn finish(cur: &mut String, chunk: usize, toks: &mut Vec<(Tok, usize)>) {
        if !cur.is_empty() {
            let word = std::mem::take(cur);
            toks.push((Tok { word, next: '\0' }, chunk));
        }
    }
    // Each word with the number of its chunk (a run of text without white space).
    let mut toks: Vec<(Tok, usize)> = Vec::new();
    let mut cur = String::new();
    let mut chunk = 0;
    for c in raw.chars() {
        if c.is_ascii_alphanumeric() {
            cur.push(c.to_ascii_uppercase());
        } else if let Some(f) = fold(c) {
            cur.push_str(f);
        } else if is_apostrophe(c) || ('\u{300}'..='\u{36f}').contains(&c) {
            // Apostrophes and combining accents (decomposed `é`) do not break a word.
        } else if c.is_alphanumeric() {
            cur.extend(c.to_uppercase());
        } else {
            finish(&mut cur, chunk, &mut toks);
            if c.is_whitespace() {
                chunk += 1;
            } else if c == '&' {
                let word = "AND".to_string();
                toks.push((Tok { word, next: '\0' }, chunk));
            } else if let Some((last, _)) = toks.last_mut()
                && last.next == '\0'
            {
                last.next = c;
            }
        }
    }
    finish(&mut cur, chunk, &mut toks);

    // Join runs of single letters: within one chunk (`S.p.A.`, `A/S`, `U.S.A.`), and across
    // chunks that are one letter each (`E. I.` = `E.I.`), but not a letter to the next chunk's
    // initials (`& C. S.p.A.` is `AND C SPA`).
    let lone = |i: usize| {
        let c = toks[i].1;
        (i == 0 || toks[i - 1].1 != c) && toks.get(i + 1).is_none_or(|t| t.1 != c)
    };
    let single =
        |i: usize| toks[i].0.word.len() == 1 && toks[i].0.word.as_bytes()[0].is_ascii_alphabetic();
    let mut out: Vec<Tok> = Vec::with_capacity(toks.len());
    for i in 0..toks.len() {
        let joins = i > 0
            && single(i)
            && single(i - 1)
            && (toks[i].1 == toks[i - 1].1 || (lone(i) && lone(i - 1)));
        let t = &toks[i].0;
        match out.last_mut() {
            Some(last) if joins => {
                last.word.push_str(&t.word);
                last.next = t.next;
            }
            _ => out.push(t.clone()),
        }
    }
    for t in &mut out {
        let c = canonical(&t.word);
        if c != t.word {
            t.word = c.to_string();
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Analysis of one name
// ---------------------------------------------------------------------------------------------

/// A name taken apart: the words of its key, the words it was written with, and the legal forms
/// removed from it.
struct Analysis {
    /// The key's words.
    key: Vec<String>,
    /// All words, before anything was removed (for the owner-kind rules).
    all: Vec<String>,
    /// The legal forms removed, from the end and the start.
    forms: Vec<&'static [&'static str]>,
}

fn ends_with(words: &[String], tail: &[&str]) -> bool {
    words.len() >= tail.len()
        && words[words.len() - tail.len()..]
            .iter()
            .zip(tail)
            .all(|(a, b)| a == b)
}

fn starts_with(words: &[String], head: &[&str]) -> bool {
    words.len() >= head.len() && words.iter().zip(head).all(|(a, b)| a == b)
}

fn contains(words: &[String], phrase: &[&str]) -> bool {
    position(words, phrase).is_some()
}

fn position(words: &[String], phrase: &[&str]) -> Option<usize> {
    if phrase.is_empty() || words.len() < phrase.len() {
        return None;
    }
    (0..=words.len() - phrase.len()).find(|&i| starts_with(&words[i..], phrase))
}

/// The longest legal form `words` ends with, if something would remain before it.
fn legal_form_at_end(words: &[String]) -> Option<&'static [&'static str]> {
    LEGAL_FORMS
        .iter()
        .copied()
        .filter(|f| f.len() < words.len() && ends_with(words, f))
        .max_by_key(|f| f.len())
}

/// Words that make a name an academic institution whatever legal form it carries: university
/// technology-transfer companies (`Ramot at Tel-Aviv University Ltd.`) belong with their
/// university, and Germany's public research centres are GmbHs (`Forschungszentrum Jülich
/// GmbH`, `Helmholtz-Zentrum ... GmbH`).
fn is_strong_academic_word(w: &str) -> bool {
    // University, Universität, Université, Università, Universiteit, Universitet.
    w.starts_with("UNIVERSIT")
        || w.starts_with("UNIVERSID") // Universidad, Universidade
        || matches!(
            w,
            "UNIWERSYTET"
                | "COLLEGE"
                | "HOCHSCHULE"
                | "FACHHOCHSCHULE"
                | "ECOLE"
                | "POLYTECHNIC"
                | "POLYTECHNIQUE"
                | "POLITECNICO"
                | "POLITECNICA"
                | "REGENTS"
                | "KAIST"
                | "CNRS"
                | "INSERM"
                | "FRAUNHOFER"
                | "HELMHOLTZ"
                | "FORSCHUNGSZENTRUM"
                | "COMMISSARIAT"
        )
}

/// Phrases with the same force as [`is_strong_academic_word`].
const STRONG_ACADEMIC_PHRASES: &[&[&str]] = &[
    &["ACADEMY", "OF", "SCIENCES"],
    &["ACADEMY", "OF", "SCIENCE"],
    &["ACADEMIA", "SINICA"],
    &["MAX", "PLANCK"],
    &[
        "CENTRE",
        "NATIONAL",
        "DE",
        "LA",
        "RECHERCHE",
        "SCIENTIFIQUE",
    ],
    &["ALUMNI", "RESEARCH", "FOUNDATION"],
];

/// Words that make a name academic only without a company legal form: public research institutes
/// (`Korea Institute of Science and Technology`, `Industrial Technology Research Institute`,
/// `Karolinska Institutet`) and US non-profits, which are incorporated (`The Broad Institute,
/// Inc.`), are academic, but `Institut Straumann AG` is a company.
fn is_weak_academic_word(w: &str) -> bool {
    w.starts_with("FORSCHUNG") // Forschungsinstitut, Forschungsgesellschaft
        || matches!(
            w,
            "INSTITUTE"
                | "INSTITUTES"
                | "INSTITUT"
                | "INSTITUTET"
                | "INSTITUUT"
                | "INSTITUTO"
                | "ISTITUTO"
                | "INSTYTUT"
        )
}

/// Phrases with the same force as [`is_weak_academic_word`].
const WEAK_ACADEMIC_PHRASES: &[&[&str]] = &[
    &["RESEARCH", "FOUNDATION"],
    &["RESEARCH", "COUNCIL"],
    &[
        "COUNCIL",
        "OF",
        "SCIENTIFIC",
        "AND",
        "INDUSTRIAL",
        "RESEARCH",
    ],
    &["SCHOOL", "OF"],
];

/// The words name an academic institution (strong or weak words, or a school): what must follow
/// a university board or "on behalf of" for it to be dropped.
fn is_institution(words: &[String]) -> bool {
    words
        .iter()
        .any(|w| is_strong_academic_word(w) || is_weak_academic_word(w) || w == "SCHOOL")
        || STRONG_ACADEMIC_PHRASES.iter().any(|p| contains(words, p))
}

fn strip_the(words: &mut Vec<String>) {
    if words.len() > 1 && words[0] == "THE" {
        words.remove(0);
    }
}

fn analyse(raw: &str) -> Analysis {
    let toks = tokenize(raw);
    let all: Vec<String> = toks.iter().map(|t| t.word.clone()).collect();
    let mut words = all.clone();
    let mut forms = Vec::new();

    // Names printed in several languages, sometimes with the street after them: `Omega SA
    // (Omega AG) (Omega Ltd.)`. Whatever follows a legal form and an opening parenthesis is
    // not the name.
    if let Some(i) =
        (1..toks.len()).find(|&i| toks[i].next == '(' && legal_form_at_end(&words[..=i]).is_some())
    {
        words.truncate(i + 1);
    }
    // A seat after the legal form, German style: `Brose Fahrzeugteile GmbH & Co. KG, Coburg`.
    // Only one word, and only when it is not itself a legal form (`Company, Limited`).
    let n = words.len();
    if n >= 3
        && toks[n - 2].next == ','
        && legal_form_at_end(&words[..n - 1]).is_some()
        && !LEGAL_FORMS
            .iter()
            .any(|f| f.len() == 1 && f[0] == words[n - 1])
        && words[n - 1] != "AND"
    {
        words.pop();
    }

    strip_the(&mut words);
    // `Arizona Board of Regents on behalf of Arizona State University`: the university.
    if let Some(i) = position(&words, &["ON", "BEHALF", "OF"]) {
        let mut rest = words[i + 3..].to_vec();
        strip_the(&mut rest);
        if !rest.is_empty() && is_institution(&rest) {
            words = rest;
        }
    }
    // `Board of Regents of the University of X` → `University of X`.
    if let Some(b) = BOARDS
        .iter()
        .filter(|b| starts_with(&words, b))
        .max_by_key(|b| b.len())
    {
        let mut rest = words[b.len()..].to_vec();
        if rest.first().is_some_and(|w| w == "OF" || w == "FOR") {
            rest.remove(0);
        }
        strip_the(&mut rest);
        if !rest.is_empty() && is_institution(&rest) {
            words = rest;
        }
    }
    if let Some(p) = PREFIX_FORMS
        .iter()
        .copied()
        .find(|p| p.len() < words.len() && starts_with(&words, p))
    {
        words.drain(..p.len());
        forms.push(p);
        strip_the(&mut words);
    }
    loop {
        if let Some(f) = legal_form_at_end(&words) {
            words.truncate(words.len() - f.len());
            forms.push(f);
        } else if words.len() > 1 && words.last().is_some_and(|w| w == "THE") {
            // `Gillette Company, The`: the article some databases move to the end.
            words.pop();
        } else {
            break;
        }
    }
    Analysis {
        key: words,
        all,
        forms,
    }
}

/// The key under which the spellings of one owner meet: upper-case words separated by single
/// spaces, in which case, punctuation, accents, a leading "The", university boards and legal
/// forms do not count.
///
/// The rules, in order:
/// * words are split at punctuation and white space, folded to ASCII and upper-cased; `&` is
///   `AND`; apostrophes join; runs of single letters join (`S.p.A.` = `SPA`, `U.S.A.` = `USA`);
///   a few unambiguous abbreviations are expanded ([`canonical`]: `Labs`, `Intl`, `Mfg`, ...);
/// * text after a legal form and `(` goes (`Omega SA (Omega AG) (Omega Ltd.)` → `OMEGA`), as
///   does a one-word seat after a legal form and a comma (`... GmbH & Co. KG, Coburg`);
/// * a leading `The`; `on behalf of` and university boards before an academic institution (`The
///   Regents of the University of California` → `UNIVERSITY OF CALIFORNIA`, `President and
///   Fellows of Harvard College` → `HARVARD COLLEGE`);
/// * a legal form in front (`Kabushiki Kaisha Toshiba`, `National University Corporation`);
/// * legal forms at the end, repeatedly (`Co., Ltd.`, `GmbH & Co. KG`), never a word in the
///   middle (`Ford Motor Company` → `FORD MOTOR`, `Masco Corporation of Indiana` keeps its
///   `CORPORATION`).
///
/// Nothing is removed that would leave no word (`Company` stays `COMPANY`), so a non-blank name
/// never has an empty key (a name without letters or digits falls back to its upper-cased
/// words); a blank name has the empty key.
pub fn name_key(raw: &str) -> String {
    let key = analyse(raw).key.join(" ");
    if key.is_empty() {
        raw.split_whitespace()
            .map(str::to_uppercase)
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        key
    }
}

/// The kind of an owner `party`: from the USPTO assignee type code where it says (individuals,
/// governments), otherwise from the name. `inventors` are the document's inventors: an
/// applicant who is one of them owns the document as an individual.
///
/// In order:
/// 1. The assignee type code (a leading `1` marks a part interest, `14` is `04`): `04`/`05`
///    individual, `06`–`09` government (federal, foreign, county, state). Company codes (`02`,
///    `03`) are not trusted further, because the USPTO codes universities as companies.
/// 2. An applicant of `app-type` `applicant-inventor`, or a party printed as a person
///    (`last-name`/`first-name` instead of `orgname`), is an individual.
/// 3. A name that starts like a state's (`United States of America as represented by ...`,
///    `Government of ...`, `Secretary of ...`, `Department of ...`, `Ministry of ...`,
///    `Her Majesty ...`) is government, even when a university of the state did the work.
/// 4. Academic: a university, college, Hochschule, École, polytechnic, academy of sciences,
///    university regents, KAIST, CNRS, INSERM, CEA (`Commissariat à l'énergie atomique`),
///    Fraunhofer, Max Planck, Helmholtz, a Forschungszentrum, an alumni research foundation,
///    whatever its legal form; an institute, research foundation or council, `Forschung...` or
///    school, or a registered association (`e.V.`, mostly research associations in patents),
///    unless it carries a company legal form other than `Inc.` (US non-profits are incorporated;
///    `Institut Straumann AG` is a company).
/// 5. Government again for NASA and `... as represented by ...` anywhere in the name.
/// 6. Individual when the name carries no legal form and is one of the inventors' names (by
///    [`name_key`], first-last or last-first).
/// 7. Otherwise a company.
pub fn owner_kind(party: &Party, inventors: &[Party]) -> OwnerKind {
    let code = party.type_code.trim();
    let code = match code.as_bytes() {
        [b'1', d @ b'0'..=b'9'] => [b'0', *d],
        [a, b] => [*a, *b],
        _ => [0, 0],
    };
    match &code {
        b"04" | b"05" => return OwnerKind::Individual,
        b"06" | b"07" | b"08" | b"09" => return OwnerKind::Government,
        _ => {}
    }
    if party.type_code.contains("inventor") {
        return OwnerKind::Individual;
    }
    let person = format!("{} {}", party.first_name, party.last_name);
    if !party.last_name.is_empty()
        && (party.name.is_empty() || name_key(&party.name) == name_key(&person))
    {
        return OwnerKind::Individual;
    }

    let a = analyse(&party.name);
    let key = &a.key;
    const STATE_STARTS: &[&[&str]] = &[
        &["UNITED", "STATES", "OF", "AMERICA"],
        &["UNITED", "STATES", "GOVERNMENT"],
        &["UNITED", "STATES", "DEPARTMENT"],
        &["USA", "AS", "REPRESENTED"],
        &["US", "AS", "REPRESENTED"],
        &["US", "GOVERNMENT"],
        &["GOVERNMENT", "OF"],
        &["HER", "MAJESTY"],
        &["HIS", "MAJESTY"],
        &["SECRETARY", "OF"],
        &["DEPARTMENT", "OF"],
        &["MINISTRY", "OF"],
        &["MINISTER", "OF"],
    ];
    if STATE_STARTS.iter().any(|s| starts_with(key, s)) {
        return OwnerKind::Government;
    }

    let words = &a.all;
    if words.iter().any(|w| is_strong_academic_word(w))
        || STRONG_ACADEMIC_PHRASES.iter().any(|p| contains(words, p))
    {
        return OwnerKind::Academic;
    }
    let company_form = a
        .forms
        .iter()
        .any(|f| !matches!(f, [w] if *w == "INCORPORATED" || *w == "EV"));
    let weak = words.iter().any(|w| is_weak_academic_word(w))
        || WEAK_ACADEMIC_PHRASES.iter().any(|p| contains(words, p))
        || a.forms.iter().any(|f| *f == ["EV"]);
    if weak && !company_form {
        return OwnerKind::Academic;
    }

    if words.iter().any(|w| w == "NASA")
        || contains(
            words,
            &["NATIONAL", "AERONAUTICS", "AND", "SPACE", "ADMINISTRATION"],
        )
        || contains(words, &["AS", "REPRESENTED", "BY"])
    {
        return OwnerKind::Government;
    }

    if a.forms.is_empty() && !key.is_empty() {
        let own = key.join(" ");
        let is_inventor = inventors.iter().any(|inv| {
            name_key(&inv.name) == own
                || (!inv.last_name.is_empty()
                    && (name_key(&format!("{} {}", inv.first_name, inv.last_name)) == own
                        || name_key(&format!("{} {}", inv.last_name, inv.first_name)) == own))
        });
        if is_inventor {
            return OwnerKind::Individual;
        }
    }
    OwnerKind::Company
}

/// True when `s` shouts: it has cased letters and none of them is lower case.
fn is_all_caps(s: &str) -> bool {
    s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase)
}

/// Which raw spelling to show for a merged key, given each spelling and how many documents
/// carry it (a spelling given twice counts once with the sum).
///
/// The most frequent spelling wins, except that mixed case reads better than ALL CAPS, which
/// whole years of USPTO data use: an all-caps spelling counts half, so it wins only when it is
/// more than twice as frequent as the best mixed-case one (`NORTHWIND ENERGY SYSTEMS, INC.` ×3
/// loses to `Northwind Energy Systems, Inc.` ×2 but beats it ×1). Remaining ties go to the
/// spelling with more documents, then to the alphabetically first, so the choice never depends
/// on the order of the input. Blank spellings are ignored; no spelling gives the empty string.
pub fn display_name<'a>(variants: impl IntoIterator<Item = (&'a str, u64)>) -> String {
    let mut counts: BTreeMap<&str, u64> = BTreeMap::new();
    for (s, n) in variants {
        if !s.trim().is_empty() {
            *counts.entry(s).or_default() += n;
        }
    }
    counts
        .into_iter()
        .min_by_key(|&(s, n)| {
            let caps = is_all_caps(s);
            let weight = if caps { n } else { n.saturating_mul(2) };
            (std::cmp::Reverse(weight), caps, std::cmp::Reverse(n), s)
        })
        .map(|(s, _)| s.to_string())
        .unwrap_or_default()
}

/// How a name a user typed matches an owner key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Match {
    /// The typed name has the key itself (`Northwind Energy Systems Inc` for
    /// `NORTHWIND ENERGY SYSTEMS`).
    Exact,
    /// Every word of the typed name is a whole word of the key (`westmarch` for `UNIVERSITY OF
    /// WESTMARCH`; `west` is not).
    Words,
}

/// A typed owner name, keyed once, to match against many owner keys.
#[derive(Debug, Clone)]
pub struct NameQuery {
    key: String,
}

impl NameQuery {
    pub fn new(query: &str) -> NameQuery {
        NameQuery {
            key: name_key(query),
        }
    }

    /// The query's own key.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// See [`key_matches`].
    pub fn matches(&self, key: &str) -> Option<Match> {
        if self.key.is_empty() {
            None
        } else if self.key == key {
            Some(Match::Exact)
        } else if self.key.split(' ').all(|q| key.split(' ').any(|k| k == q)) {
            Some(Match::Words)
        } else {
            None
        }
    }
}

/// How a name a user typed (`patdex portfolio "northwind energy"`) finds an owner `key` (a
/// [`name_key`]): [`Match::Exact`] when the typed name has that key, [`Match::Words`] when every
/// word of its key is a whole word of `key` (in any order), so a distinctive word finds its
/// owner but a word's beginning does not. A blank query matches nothing. To match many keys,
/// key the query once with [`NameQuery`].
pub fn key_matches(query: &str, key: &str) -> Option<Match> {
    NameQuery::new(query).matches(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(names: &[&str]) {
        let want = name_key(names[0]);
        for n in names {
            assert_eq!(name_key(n), want, "{n:?} vs {:?}", names[0]);
        }
    }

    fn key(raw: &str, want: &str) {
        assert_eq!(name_key(raw), want, "{raw:?}");
    }

    #[test]
    fn case_punctuation_and_white_space_do_not_count() {
        key(
            "  northwind   energy\tsystems , inc. ",
            "NORTHWIND ENERGY SYSTEMS",
        );
        same(&["Coca-Cola", "Coca Cola", "COCA—COLA"]);
        same(&["HEARTSNUG LLC", "HeartSnug LLC", "Heartsnug, L.L.C."]);
        key("Beertubes.com, LLC", "BEERTUBES COM");
    }

    #[test]
    fn accents_fold_to_ascii() {
        key("Université de Montréal", "UNIVERSITE DE MONTREAL");
        key(
            "Technische Universität München",
            "TECHNISCHE UNIVERSITAT MUNCHEN",
        );
        key("Weißenberg Œuvres ApS", "WEISSENBERG OEUVRES");
        key("Łódź Spółka", "LODZ SPOLKA");
        // Decomposed accents (e + combining acute) do not split the word.
        key("Nestle\u{301}", "NESTLE");
        // Scripts without a Latin folding stay as they are.
        key("株式会社東芝", "株式会社東芝");
    }

    #[test]
    fn apostrophes_join_and_initials_join() {
        same(&["L'Occitane", "L’Occitane", "LOccitane"]);
        same(&["Int'l Widgets", "Intl Widgets", "International Widgets"]);
        same(&[
            "E. I. du Pont de Nemours and Company",
            "E.I. du Pont de Nemours & Co.",
        ]);
        key("Chevron U.S.A., Inc.", "CHEVRON USA");
        key("M.A. Industries, Inc.", "MA INDUSTRIES");
    }

    #[test]
    fn a_leading_or_trailing_the_does_not_count() {
        same(&["The Boeing Company", "Boeing Company", "BOEING CO."]);
        key("Gillette Company, The", "GILLETTE");
        // ... but a name that is only "The" keeps it, and "The" inside stays.
        key("The", "THE");
        key("Bank of the West", "BANK OF THE WEST");
    }

    #[test]
    fn every_legal_form_is_stripped_from_the_end() {
        for form in [
            "Inc.",
            "Inc",
            ", Inc.",
            "Incorporated",
            "Corp.",
            "Corporation",
            "Co.",
            "Company",
            "Ltd.",
            "Limited",
            "LLC",
            "L.L.C.",
            "LLP",
            "LP",
            "L.P.",
            "PLC",
            "public limited company",
            "GmbH",
            "G.m.b.H.",
            "mbH",
            "Gesellschaft mit beschränkter Haftung",
            "AG",
            "Aktiengesellschaft",
            "KG",
            "GmbH & Co. KG",
            "AG & Co. KGaA",
            "GmbH & Co. oHG",
            "SE",
            "S.A.",
            "SA",
            "Société Anonyme",
            "S.p.A.",
            "SpA",
            "S.r.l.",
            "SAS",
            "S.A.S.",
            "(Societe Par Actions Simplifiee)",
            "SARL",
            "N.V.",
            "NV",
            "B.V.",
            "BV",
            "besloten vennootschap met beperkte aansprakelijkheid",
            "A/S",
            "AS",
            "ASA",
            "ApS",
            "AB",
            "AB (publ)",
            "Oy",
            "Oyj",
            "K.K.",
            "Kabushiki Kaisha",
            "Co., Ltd.",
            "Co., Ltd",
            "Co. Ltd.",
            "Co Ltd",
            "Company Limited",
            "Company, Limited",
            "Pty Ltd",
            "Pty. Limited",
            "Pte. Ltd.",
            "Sdn. Bhd.",
            "e.V.",
            "S.A. de C.V.",
            ", SA DE CV",
            "Ltda.",
            "s.r.o.",
            "sp. z o.o.",
            "& Co.",
            "& Cie",
            "& C. S.p.A.",
            "Limited Liability Company",
        ] {
            key(&format!("Kestrel Robotics {form}"), "KESTREL ROBOTICS");
        }
    }

    #[test]
    fn words_in_the_middle_stay() {
        key("Ford Motor Company", "FORD MOTOR");
        same(&["Masco Corporation of Indiana", "Masco Corp. of Indiana"]);
        key(
            "Masco Corporation of Indiana",
            "MASCO CORPORATION OF INDIANA",
        );
        key(
            "Applied Materials, Israel, Ltd.",
            "APPLIED MATERIALS ISRAEL",
        );
        key(
            "Hoya Glass Disk (thailand) Ltd.",
            "HOYA GLASS DISK THAILAND",
        );
        key(
            "Research and Business Foundation, Korea University",
            "RESEARCH AND BUSINESS FOUNDATION KOREA UNIVERSITY",
        );
    }

    #[test]
    fn a_name_that_is_only_a_legal_form_keeps_it() {
        key("Company", "COMPANY");
        key("The Company", "COMPANY");
        key("Co., Ltd.", "CO");
        key("Kabushiki Kaisha", "KABUSHIKI KAISHA");
        key("Inc.", "INCORPORATED");
    }

    #[test]
    fn the_key_is_never_empty_for_a_name() {
        key("...", "...");
        key("—", "—");
        key("", "");
        key("   ", "");
    }

    #[test]
    fn legal_forms_in_front() {
        same(&[
            "Kabushiki Kaisha Toshiba",
            "Toshiba Corporation",
            "TOSHIBA CORP",
        ]);
        same(&["Aktiebolaget SKF", "SKF AB"]);
        same(&[
            "National University Corporation Tohoku University",
            "Tohoku University",
        ]);
        same(&["Canon Kabushiki Kaisha", "Canon K.K.", "Canon Inc."]);
    }

    #[test]
    fn combinations_of_legal_forms() {
        same(&[
            "Aurelian Motors Co., Ltd.",
            "Aurelian Motors Company, Limited",
            "AURELIAN MOTORS CO., LTD.",
            "Aurelian Motors Co Ltd",
            "Aurelian Motors Co. Ltd",
        ]);
        same(&[
            "Phoenix Contact GmbH & Co. KG",
            "Phoenix Contact GmbH",
            "PHOENIX CONTACT",
        ]);
        same(&["Piaggio & C. S.p.A.", "Piaggio"]);
        // `Zo & Co, LLC`: "& Co" is the firm's partners.
        key("Zo & Co, LLC", "ZO");
    }

    #[test]
    fn unambiguous_abbreviations_unify() {
        same(&[
            "Corvid Vision Labs, Inc.",
            "Corvid Vision Laboratories, Inc.",
            "CORVID VISION LABS INC",
        ]);
        same(&[
            "Semiconductor Energy Lab Co.",
            "Semiconductor Energy Laboratory Co., Ltd.",
        ]);
        same(&["Clover Mfg. Co., Ltd.", "Clover Manufacturing Company"]);
        same(&[
            "Acme Int'l Corp.",
            "ACME INTERNATIONAL CORPORATION",
            "Acme Intl",
        ]);
        same(&["Warner Bros. Inc.", "Warner Brothers Incorporated"]);
        same(&["Univ. of Westmarch", "University of Westmarch"]);
        // Not unified: Tech stands for Technology or Technologies, and is a brand word.
        assert_ne!(name_key("Acme Tech Inc."), name_key("Acme Technology Inc."));
    }

    #[test]
    fn ampersand_and_and_meet() {
        same(&[
            "Johnson & Johnson",
            "Johnson and Johnson",
            "JOHNSON&JOHNSON",
        ]);
        same(&[
            "The Procter & Gamble Company",
            "The Procter and Gamble Company",
            "Procter & Gamble Co.",
        ]);
        key("Black & Decker Inc.", "BLACK AND DECKER");
    }

    #[test]
    fn university_boards_give_way_to_the_university() {
        same(&[
            "Board of Regents, University of Westmarch",
            "Board of Regents of the University of Westmarch",
            "The Board of Regents of the University of Westmarch",
            "University of Westmarch",
            "Regents of the University of Westmarch",
        ]);
        key(
            "The Regents of the University of California",
            "UNIVERSITY OF CALIFORNIA",
        );
        key(
            "Board of Regents, The University of Texas System",
            "UNIVERSITY OF TEXAS SYSTEM",
        );
        key("Trustees of Harrowgate College", "HARROWGATE COLLEGE");
        key(
            "The Board of Trustees of the Leland Stanford Junior University",
            "LELAND STANFORD JUNIOR UNIVERSITY",
        );
        key(
            "President and Fellows of Harvard College",
            "HARVARD COLLEGE",
        );
        key(
            "The Trustees of Columbia University in the City of New York",
            "COLUMBIA UNIVERSITY IN THE CITY OF NEW YORK",
        );
        key(
            "Board of Supervisors of Louisiana State University",
            "LOUISIANA STATE UNIVERSITY",
        );
        key(
            "The Chancellor, Masters and Scholars of the University of Oxford",
            "UNIVERSITY OF OXFORD",
        );
        key(
            "Rector and Visitors of the University of Virginia",
            "UNIVERSITY OF VIRGINIA",
        );
        key(
            "Board of Regents for Oklahoma State University",
            "OKLAHOMA STATE UNIVERSITY",
        );
        key(
            "Arizona Board of Regents on behalf of Arizona State University",
            "ARIZONA STATE UNIVERSITY",
        );
        key(
            "Arizona Board of Regents, acting for and on behalf of the University of Arizona",
            "UNIVERSITY OF ARIZONA",
        );
        // A board of something that is not an academic institution stays.
        key(
            "Board of Trustees of the Westmarch Pension Fund",
            "BOARD OF TRUSTEES OF THE WESTMARCH PENSION FUND",
        );
        key("Regents", "REGENTS");
    }

    #[test]
    fn names_in_several_languages_and_seats() {
        same(&[
            "Omega SA (Omega AG) (Omega Ltd.)",
            "Omega SA (Omega AG) (Omega LTD) Jakob-Stampfli-Strasse",
            "Omega SA",
        ]);
        key(
            "Swatch AG (Swatch SA) (Swatch Ltd) Jakob-Stampfli",
            "SWATCH",
        );
        key(
            "Brose Fahrzeugteile GmbH & Co. KG, Coburg",
            "BROSE FAHRZEUGTEILE",
        );
        key("Sumitomo Chemical Company, Limited", "SUMITOMO CHEMICAL");
    }

    #[test]
    fn different_owners_keep_different_keys() {
        for (a, b) in [
            ("Samsung Electronics Co., Ltd.", "Samsung Display Co., Ltd."),
            (
                "CSMC Technologies FAB1 Co., Ltd.",
                "CSMC Technologies FAB2 Co., Ltd.",
            ),
            (
                "Bridgestone Corporation",
                "Bridgestone Americas Tire Operations, LLC",
            ),
            ("Hoya Corporation", "Hoya Glass Disk (thailand) Ltd."),
            ("University of Westmarch", "Westmarch College"),
            (
                "University of California",
                "California Institute of Technology",
            ),
            ("Merck Sharp & Dohme Corp.", "Merck & Co., Inc."),
            ("General Electric Company", "General Electtric Company"),
        ] {
            assert_ne!(name_key(a), name_key(b), "{a:?} / {b:?}");
        }
    }

    fn party(name: &str, code: &str) -> Party {
        Party {
            name: name.to_string(),
            type_code: code.to_string(),
            ..Party::default()
        }
    }

    fn person(first: &str, last: &str, code: &str) -> Party {
        Party {
            name: format!("{first} {last}"),
            first_name: first.to_string(),
            last_name: last.to_string(),
            type_code: code.to_string(),
            ..Party::default()
        }
    }

    fn kind(name: &str) -> OwnerKind {
        owner_kind(&party(name, "02"), &[])
    }

    #[test]
    fn type_codes_say_individual_and_government() {
        for (code, want) in [
            ("04", OwnerKind::Individual),
            ("05", OwnerKind::Individual),
            ("14", OwnerKind::Individual),
            ("06", OwnerKind::Government),
            ("07", OwnerKind::Government),
            ("08", OwnerKind::Government),
            ("09", OwnerKind::Government),
            ("16", OwnerKind::Government),
            ("02", OwnerKind::Company),
            ("03", OwnerKind::Company),
            ("12", OwnerKind::Company),
            ("", OwnerKind::Company),
        ] {
            assert_eq!(
                owner_kind(&party("Acme Widgets Inc.", code), &[]),
                want,
                "{code}"
            );
        }
        // Company codes do not overrule the name: the USPTO codes universities as companies.
        assert_eq!(
            kind("The Regents of the University of California"),
            OwnerKind::Academic
        );
        assert_eq!(
            owner_kind(&party("University of Westmarch", "03"), &[]),
            OwnerKind::Academic
        );
    }

    #[test]
    fn applicant_inventors_and_people_are_individuals() {
        let p = person("Dana", "Whitfield", "applicant-inventor");
        assert_eq!(owner_kind(&p, &[]), OwnerKind::Individual);
        // Printed as a person (last-name / first-name), whatever the app-type.
        let p = person("Deborah R.", "Lowry, legal representative", "applicant");
        assert_eq!(owner_kind(&p, &[]), OwnerKind::Individual);
    }

    #[test]
    fn an_owner_named_like_an_inventor_is_that_inventor() {
        let inventors = [
            person("Kevin", "Lee", ""),
            person("Bacchiega", "Flavio", ""),
        ];
        assert_eq!(
            owner_kind(&party("KEVIN LEE", "02"), &inventors),
            OwnerKind::Individual
        );
        assert_eq!(
            owner_kind(&party("Kevin  Lee", ""), &inventors),
            OwnerKind::Individual
        );
        // Last-first, as some sources swap them.
        assert_eq!(
            owner_kind(&party("Flavio Bacchiega", ""), &inventors),
            OwnerKind::Individual
        );
        // A legal form makes it the inventor's company.
        assert_eq!(
            owner_kind(&party("Kevin Lee, LLC", ""), &inventors),
            OwnerKind::Company
        );
        assert_eq!(owner_kind(&party("Kevin Lee", ""), &[]), OwnerKind::Company);
    }

    #[test]
    fn government_names() {
        for name in [
            "The United States of America as represented by the Secretary of the Army",
            "United States of America, as represented by the Secretary, Department of Health and Human Services",
            "The Government of the United States of America, as represented by the Secretary of the Navy",
            "U.S. as represented by the Administrator of NASA",
            "Government of India",
            "Secretary of the Navy",
            "Department of Energy",
            "Her Majesty the Queen in Right of Canada as represented by the Minister of National Defence",
            "National Aeronautics and Space Administration",
            "United States of America as represented by the Secretary of the Navy, Naval Postgraduate School",
        ] {
            assert_eq!(kind(name), OwnerKind::Government, "{name}");
        }
        assert_eq!(kind("US Synthetic Corporation"), OwnerKind::Company);
    }

    #[test]
    fn academic_names() {
        for name in [
            "University of Westmarch",
            "Board of Regents, University of Westmarch",
            "Technische Universität München",
            "Université Paris-Saclay",
            "Universidad de Chile",
            "Università degli Studi di Milano",
            "Universiteit Gent",
            "Danmarks Tekniske Universitet",
            "Trustees of Harrowgate College",
            "Lakeside Institute of Technology",
            "Massachusetts Institute of Technology",
            "Institut Pasteur",
            "Karolinska Institutet",
            "Rheinfeld Institute for Applied Materials e.V.",
            "Fraunhofer-Gesellschaft zur Förderung der angewandten Forschung e.V.",
            "Max-Planck-Gesellschaft zur Förderung der Wissenschaften e.V.",
            "Deutsches Zentrum für Luft- und Raumfahrt e.V.",
            "Forschungszentrum Jülich GmbH",
            "Hochschule Mannheim",
            "École Polytechnique Fédérale de Lausanne",
            "Politecnico di Milano",
            "Chinese Academy of Sciences",
            "Centre National de la Recherche Scientifique (CNRS)",
            "INSERM (Institut National de la Santé et de la Recherche Médicale)",
            "Commissariat à l'Énergie Atomique et aux Énergies Alternatives",
            "Korea Advanced Institute of Science and Technology",
            "KAIST",
            "National University Corporation Seiran University",
            "Wisconsin Alumni Research Foundation",
            "Cornell Research Foundation, Inc.",
            "The Broad Institute, Inc.",
            "Council of Scientific and Industrial Research",
            "Ramot at Tel-Aviv University Ltd.",
            "Icahn School of Medicine at Mount Sinai",
        ] {
            assert_eq!(kind(name), OwnerKind::Academic, "{name}");
        }
    }

    #[test]
    fn companies() {
        for name in [
            "Northwind Energy Systems, Inc.",
            "Institut Straumann AG",
            "Semiconductor Energy Laboratory Co., Ltd.",
            "Acme Research Institute LLC",
            "Kabushiki Kaisha Toshiba",
            "UChicago Argonne, LLC",
            "Company",
        ] {
            assert_eq!(kind(name), OwnerKind::Company, "{name}");
        }
    }

    #[test]
    fn display_name_prefers_frequent_then_mixed_case_then_alphabetical() {
        // Most frequent wins.
        assert_eq!(
            display_name([("Acme Inc.", 5), ("Acme, Inc.", 3)]),
            "Acme Inc."
        );
        // ALL CAPS counts half: it needs more than twice the documents.
        assert_eq!(
            display_name([("ACME INC.", 3), ("Acme Inc.", 2)]),
            "Acme Inc."
        );
        assert_eq!(
            display_name([("ACME INC.", 4), ("Acme Inc.", 2)]),
            "Acme Inc."
        );
        assert_eq!(
            display_name([("ACME INC.", 5), ("Acme Inc.", 2)]),
            "ACME INC."
        );
        assert_eq!(display_name([("ACME INC.", 1)]), "ACME INC.");
        // Ties: alphabetical, whatever the input order.
        assert_eq!(
            display_name([("Acme, Inc.", 2), ("Acme Inc.", 2)]),
            "Acme Inc."
        );
        assert_eq!(
            display_name([("Acme Inc.", 2), ("Acme, Inc.", 2)]),
            "Acme Inc."
        );
        // The same spelling given twice adds up.
        assert_eq!(display_name([("b", 1), ("a", 1), ("b", 1)]), "b");
        // Names without cased letters are not shouting.
        assert_eq!(
            display_name([("株式会社東芝", 1), ("TOSHIBA", 1)]),
            "株式会社東芝"
        );
        assert_eq!(display_name([("", 9), ("Acme", 1)]), "Acme");
        assert_eq!(display_name(std::iter::empty::<(&str, u64)>()), "");
    }

    #[test]
    fn typed_names_find_keys() {
        let k = name_key("Board of Regents, University of Westmarch");
        assert_eq!(
            key_matches("University of Westmarch", &k),
            Some(Match::Exact)
        );
        assert_eq!(key_matches("westmarch", &k), Some(Match::Words));
        assert_eq!(key_matches("Westmarch university", &k), Some(Match::Words));
        assert_eq!(key_matches("west", &k), None);
        assert_eq!(key_matches("westmarch college", &k), None);
        let k = name_key("Northwind Energy Systems, Inc.");
        assert_eq!(key_matches("northwind energy", &k), Some(Match::Words));
        assert_eq!(
            key_matches("NORTHWIND ENERGY SYSTEMS INC", &k),
            Some(Match::Exact)
        );
        assert_eq!(
            key_matches("corvid vision labs", "CORVID VISION LABORATORIES"),
            Some(Match::Exact)
        );
        assert_eq!(
            key_matches("labs", "CORVID VISION LABORATORIES"),
            Some(Match::Words)
        );
        assert_eq!(key_matches("", &k), None);
        assert_eq!(key_matches(" , ", &k), None);
        let q = NameQuery::new("northwind");
        assert_eq!(q.key(), "NORTHWIND");
        assert_eq!(q.matches(&k), Some(Match::Words));
    }
}
