//! When a US patent's term ends, estimated from what the document itself says, with every input
//! date and the rule applied spelled out, so that a reader can redo it by hand (hosted tools
//! show an "anticipated expiry" without saying how they got it, and the formula matters).
//!
//! The rules (35 U.S.C. 154 and 173):
//! * utility and plant patents: 20 years from the earliest US non-provisional filing date the
//!   patent claims the benefit of (its own, or a continuation, division or continuation-in-part
//!   parent's; for a PCT national stage or a continuation of a PCT application the international
//!   filing date), plus the patent term adjustment or extension printed on the grant
//!   (`us-term-extension`). Provisional applications and foreign priorities do not count;
//! * filed before 8 June 1995 (the GATT transition): the later of 17 years from the grant and 20
//!   years from that earliest filing;
//! * design patents: 15 years from the grant when filed on or after 13 May 2015, 14 before;
//! * a reissue runs to the end of the original patent's term: estimated from the original
//!   application and grant the reissue names, without the original's adjustment (not printed).
//!
//! What the full-text XML cannot tell: maintenance fees (a utility patent lapses when the 3.5,
//! 7.5 or 11.5-year fee is not paid: every estimate assumes they were paid), the date a terminal
//! disclaimer ties the term to (the XML only says there is one: such a patent may expire
//! earlier), and regulatory-review extensions granted after the patent issued (35 U.S.C. 156).
//! "In force" therefore means "the statutory term has not ended", an upper bound.
//!
//! This sits below the chain (like `number.rs`) because the doc mapper indexes the estimate
//! (`exp`), and the analyses and `patdex show` explain it.

use jiff::civil::{Date, date};
use serde::Serialize;

use crate::model::{DocKind, DocType, Patent, parse_yyyymmdd};

/// The filing date from which the 20-year term and the GATT transition count.
pub const GATT: Date = date(1995, 6, 8);
/// The Hague Agreement's 15-year design term applies to designs filed from this date.
pub const DESIGN_15: Date = date(2015, 5, 13);

/// Estimated status of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// A grant whose estimated term has not ended.
    InForce,
    /// A grant whose estimated term has ended.
    Expired,
    /// A pre-grant publication: no patent rights (yet) from this document.
    Application,
    /// Not enough dates to estimate.
    Unknown,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::InForce => "in force (term not ended)",
            Status::Expired => "expired (term ended)",
            Status::Application => "application",
            Status::Unknown => "unknown (dates missing)",
        }
    }
}

/// The rule an estimate applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// 20 years from the earliest US filing, plus the adjustment.
    Twenty,
    /// Filed before 8 June 1995: the later of 17 years from grant and 20 from filing.
    Gatt,
    /// Design filed before 13 May 2015: 14 years from grant.
    Design14,
    /// Design filed from 13 May 2015: 15 years from grant.
    Design15,
    /// A pre-grant publication: the term a grant would have (without adjustment).
    Application,
    /// Outside the US: 20 years from the filing date (EPC Art. 63(1), Chinese Patent Law
    /// Art. 42, and the TRIPS minimum most offices apply).
    Filing20,
    /// A Chinese utility model (kind U or Y): 10 years from the filing date.
    UtilityModel10,
    /// A Chinese design: 10 years from the filing date, 15 when filed from 2021-06-01.
    CnDesign,
    /// Dates missing.
    Unknown,
}

impl Rule {
    /// The rule in words.
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Twenty => "20 years from the earliest US non-provisional filing, plus adjustment",
            Rule::Gatt => {
                "filed before 1995-06-08: later of 17 years from grant and 20 years from filing"
            }
            Rule::Design14 => "design filed before 2015-05-13: 14 years from grant",
            Rule::Design15 => "design filed from 2015-05-13: 15 years from grant",
            Rule::Application => {
                "application: if granted, 20 years from the earliest US non-provisional filing (plus any adjustment)"
            }
            Rule::Filing20 => {
                "outside the US: 20 years from the filing date (EPC Art. 63, CN Patent Law Art. 42)"
            }
            Rule::UtilityModel10 => "CN utility model: 10 years from the filing date",
            Rule::CnDesign => {
                "CN design: 10 years from the filing date, 15 when filed from 2021-06-01"
            }
            Rule::Unknown => "dates missing: no estimate",
        }
    }
}

/// The date the 20 years count from, and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Start {
    pub date: Date,
    /// `own filing US 13/349,377`, `continuation parent US 12/253,586`,
    /// `PCT international filing PCT/EP2009/056266`, ...
    pub from: String,
}

/// Everything an estimate is computed from, as read from the document.
#[derive(Debug, Clone, Serialize)]
pub struct Inputs {
    pub kind: DocKind,
    #[serde(rename = "type")]
    pub doc_type: DocType,
    /// The document's own filing date.
    pub filed: Option<Date>,
    /// The earliest filing the term counts from.
    pub start: Option<Start>,
    /// The grant date (for a reissue: the original patent's, where named).
    pub granted: Option<Date>,
    /// Patent term adjustment or extension days printed on the grant.
    pub adjustment_days: u32,
    /// The grant carries a terminal disclaimer notice.
    pub terminal_disclaimer: bool,
    /// Related filings that were looked at and do not count, with why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_counted: Vec<String>,
}

/// An estimated end of term and how it was obtained.
#[derive(Debug, Clone, Serialize)]
pub struct Term {
    /// The day the term ends: the patent is in force on the days before it.
    pub expiry: Option<Date>,
    pub rule: Rule,
    /// The computation with its dates, e.g. `2008-10-17 + 20 years = 2028-10-17`.
    pub formula: String,
    /// What the estimate assumes or cannot know for this document.
    pub caveats: Vec<&'static str>,
    pub inputs: Inputs,
}

/// Relations whose parent's filing date the term counts from (35 U.S.C. 120, 121, 365(c)).
const BENEFIT: &[&str] = &["continuation", "division", "continuation-in-part"];

/// `US 12/253,586` for an 8-digit US application number, the number as given otherwise.
pub fn application_label(country: &str, number: &str) -> String {
    let n = number.trim();
    let cc = if country.trim().is_empty() {
        "US"
    } else {
        country.trim()
    };
    if cc == "US" && n.len() == 8 && n.bytes().all(|b| b.is_ascii_digit()) {
        format!("US {}/{},{}", &n[..2], &n[2..5], &n[5..])
    } else {
        format!("{cc} {n}")
    }
}

impl Inputs {
    /// Reads the inputs of an estimate from a document.
    pub fn of(p: &Patent) -> Inputs {
        let filed = p.application.filing_date;
        let own = filed.map(|d| Start {
            date: d,
            from: format!(
                "own filing {}",
                application_label(&p.application.country, &p.application.number)
            ),
        });
        let mut start = own;
        let mut not_counted = Vec::new();
        let mut granted = if p.kind == DocKind::Grant {
            p.pub_date
        } else {
            None
        };
        let earlier = |d: Date, from: String, start: &mut Option<Start>| {
            if start.as_ref().is_none_or(|s| d < s.date) {
                *start = Some(Start { date: d, from });
            }
        };
        for r in &p.related {
            let date = parse_yyyymmdd(&r.id.date);
            match (r.relation.as_str(), r.role.as_str()) {
                (rel, "parent") if BENEFIT.contains(&rel) => {
                    if let Some(d) = date {
                        earlier(
                            d,
                            format!(
                                "{rel} parent {}",
                                application_label(&r.id.country, &r.id.number)
                            ),
                            &mut start,
                        );
                    }
                }
                (rel, "parent-pct") if BENEFIT.contains(&rel) => {
                    if let Some(d) = date {
                        earlier(
                            d,
                            format!("{rel} of PCT application {}", r.id.number.trim()),
                            &mut start,
                        );
                    }
                }
                ("pct-or-regional-filing", _) => {
                    if let Some(d) = date {
                        earlier(
                            d,
                            format!("PCT international filing {}", r.id.number.trim()),
                            &mut start,
                        );
                    }
                }
                ("reissue", "parent") if p.doc_type == DocType::Reissue => {
                    // The original application: the reissue keeps the original's term.
                    if let Some(d) = date {
                        start = Some(Start {
                            date: d,
                            from: format!(
                                "original application {} (reissued)",
                                application_label(&r.id.country, &r.id.number)
                            ),
                        });
                    }
                }
                ("reissue", "parent-grant") if p.doc_type == DocType::Reissue => {
                    granted = date.or(granted);
                }
                ("us-provisional-application", _) => not_counted.push(format!(
                    "provisional {}{}: provisional applications do not count",
                    application_label(&r.id.country, &r.id.number),
                    on(date)
                )),
                _ => {}
            }
        }
        for c in &p.priority_claims {
            if !c.country.is_empty() && c.country != "US" {
                not_counted.push(format!(
                    "foreign priority {} {}{}: foreign priorities do not count",
                    c.country,
                    c.number,
                    on(c.date)
                ));
            }
        }
        Inputs {
            kind: p.kind,
            doc_type: p.doc_type,
            filed,
            start,
            granted,
            adjustment_days: p.term_extension_days.unwrap_or(0),
            terminal_disclaimer: p.disclaimer,
            not_counted,
        }
    }
}

fn on(d: Option<Date>) -> String {
    d.map(|d| format!(" ({d})")).unwrap_or_default()
}

fn plus_years(d: Date, years: i16) -> Option<Date> {
    d.checked_add(jiff::Span::new().years(years)).ok()
}

fn plus_days(d: Date, days: u32) -> Option<Date> {
    d.checked_add(jiff::Span::new().days(i64::from(days))).ok()
}

fn show(d: Option<Date>) -> String {
    d.map_or_else(|| "?".to_string(), |d| d.to_string())
}

/// The estimated end of term of a document.
pub fn of(p: &Patent) -> Term {
    let inputs = Inputs::of(p);
    if !p.number.country.is_empty() && p.number.country != "US" {
        return outside_us(&p.number.country, &p.number.kind, inputs);
    }
    estimate(inputs)
}

/// Chinese designs filed from this date get 15 years (the 2021 amendment of the Patent Law).
pub const CN_DESIGN_15: Date = date(2021, 6, 1);

/// The term of a document of another office: counted from its own filing date (for an EP or
/// CN document from a PCT application, the international filing date the document prints as
/// its filing date), without the US rules on parents and adjustments.
fn outside_us(country: &str, kind: &str, inputs: Inputs) -> Term {
    const FEES: &str = "assuming renewal fees paid (annuities are not in the document)";
    const SPC: &str = "supplementary protection certificates and other extensions not included";
    const EP: &str =
        "a European patent is a bundle of national patents: each lapses on its own in each state";
    let Some(filed) = inputs.filed else {
        return Term {
            expiry: None,
            rule: Rule::Unknown,
            formula: "no filing date".to_string(),
            caveats: Vec::new(),
            inputs,
        };
    };
    let k = kind.chars().next().unwrap_or(' ');
    let (rule, years) = match (country, k) {
        ("CN", 'U' | 'Y') => (Rule::UtilityModel10, 10),
        ("CN", 'S' | 'D') if filed >= CN_DESIGN_15 => (Rule::CnDesign, 15),
        ("CN", 'S' | 'D') => (Rule::CnDesign, 10),
        _ => (Rule::Filing20, 20),
    };
    let e = plus_years(filed, years);
    let mut caveats = vec![FEES, SPC];
    if country == "EP" {
        caveats.push(EP);
    }
    // An application keeps its office's rule: the term a grant would have.
    let formula = if inputs.kind == DocKind::Application {
        caveats.insert(
            0,
            "an application: no rights until granted, and claims may change",
        );
        format!(
            "if granted: {filed} (own filing) + {years} years = {}",
            show(e)
        )
    } else {
        format!("{filed} (own filing) + {years} years = {}", show(e))
    };
    Term {
        expiry: e,
        rule,
        formula,
        caveats,
        inputs,
    }
}

/// The estimated end of term from its inputs.
pub fn estimate(inputs: Inputs) -> Term {
    const FEES: &str = "assuming maintenance fees paid (fee events are not in the full text)";
    const DISCLAIMER: &str =
        "terminal disclaimer: may expire earlier (the disclaimed date is not in the XML)";
    const REISSUE: &str = "reissue: runs to the end of the original patent's term; the original's adjustment is not printed";
    let mut caveats = Vec::new();
    let adj = inputs.adjustment_days;
    let adj_text = if adj > 0 {
        format!(" + {adj} days adjustment")
    } else {
        String::new()
    };
    let unknown = |inputs: Inputs, why: &str| Term {
        expiry: None,
        rule: Rule::Unknown,
        formula: why.to_string(),
        caveats: Vec::new(),
        inputs,
    };
    if inputs.kind == DocKind::Application {
        let Some(s) = inputs.start.clone() else {
            return unknown(inputs, "no filing date");
        };
        let e = plus_years(s.date, 20);
        return Term {
            expiry: e,
            rule: Rule::Application,
            formula: format!(
                "if granted: {} ({}) + 20 years = {} (plus any adjustment)",
                s.date,
                s.from,
                show(e)
            ),
            caveats: vec!["an application: no rights until granted, and claims may change"],
            inputs,
        };
    }
    if inputs.doc_type == DocType::Design {
        let Some(g) = inputs.granted else {
            return unknown(inputs, "design without a grant date");
        };
        let (rule, years) = if inputs.filed.is_some_and(|f| f >= DESIGN_15) {
            (Rule::Design15, 15)
        } else {
            (Rule::Design14, 14)
        };
        let e = plus_years(g, years);
        if inputs.terminal_disclaimer {
            caveats.push(DISCLAIMER);
        }
        return Term {
            expiry: e,
            rule,
            formula: format!(
                "grant {g} + {years} years = {} (filed {})",
                show(e),
                show(inputs.filed)
            ),
            caveats,
            inputs,
        };
    }
    let Some(s) = inputs.start.clone() else {
        return unknown(inputs, "no filing date");
    };
    if inputs.doc_type == DocType::Reissue {
        caveats.push(REISSUE);
    }
    caveats.push(FEES);
    if inputs.terminal_disclaimer {
        caveats.push(DISCLAIMER);
    }
    let twenty = plus_years(s.date, 20).and_then(|d| plus_days(d, adj));
    // GATT applies by the application's own filing date (35 U.S.C. 154(c)(1)); a reissue's
    // is the original application's.
    let own = if inputs.doc_type == DocType::Reissue {
        Some(s.date)
    } else {
        inputs.filed
    };
    let pre_gatt = own.unwrap_or(s.date) < GATT;
    if pre_gatt {
        let seventeen = inputs.granted.and_then(|g| plus_years(g, 17));
        let e = twenty.max(seventeen);
        Term {
            expiry: e,
            rule: Rule::Gatt,
            formula: format!(
                "later of grant {} + 17 years = {} and {} ({}) + 20 years{adj_text} = {}: {}",
                show(inputs.granted),
                show(seventeen),
                s.date,
                s.from,
                show(twenty),
                show(e)
            ),
            caveats,
            inputs,
        }
    } else {
        Term {
            expiry: twenty,
            rule: Rule::Twenty,
            formula: format!(
                "{} ({}) + 20 years{adj_text} = {}",
                s.date,
                s.from,
                show(twenty)
            ),
            caveats,
            inputs,
        }
    }
}

/// The status of a document on `today` from its estimated end of term.
pub fn status(kind: DocKind, expiry: Option<Date>, today: Date) -> Status {
    match (kind, expiry) {
        (DocKind::Application, _) => Status::Application,
        (_, Some(e)) if e > today => Status::InForce,
        (_, Some(_)) => Status::Expired,
        (_, None) => Status::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_offices_count_from_the_filing_date() {
        let mut p = Patent::new("EP3400001B1".parse().unwrap(), DocKind::Grant);
        p.application.country = "EP".into();
        p.application.filing_date = Some(date(2016, 12, 2));
        p.pub_date = Some(date(2021, 3, 17));
        let t = of(&p);
        assert_eq!(
            (t.expiry, t.rule),
            (Some(date(2036, 12, 2)), Rule::Filing20)
        );
        assert!(t.caveats.iter().any(|c| c.contains("bundle")));
        let mut u = Patent::new("CN208000001U".parse().unwrap(), DocKind::Grant);
        u.application.filing_date = Some(date(2018, 1, 5));
        assert_eq!(of(&u).expiry, Some(date(2028, 1, 5)));
        let mut d = Patent::new("CN306000001S".parse().unwrap(), DocKind::Grant);
        d.application.filing_date = Some(date(2021, 6, 1));
        assert_eq!(of(&d).expiry, Some(date(2036, 6, 1)));
        let mut a = Patent::new("CN108000001A".parse().unwrap(), DocKind::Application);
        a.application.filing_date = Some(date(2016, 12, 2));
        let t = of(&a);
        assert_eq!(
            (t.expiry, t.rule),
            (Some(date(2036, 12, 2)), Rule::Filing20)
        );
        assert!(t.formula.starts_with("if granted"));
    }

    fn inputs(t: DocType, filed: Date, granted: Date, adj: u32) -> Inputs {
        Inputs {
            kind: DocKind::Grant,
            doc_type: t,
            filed: Some(filed),
            start: Some(Start {
                date: filed,
                from: "own filing".into(),
            }),
            granted: Some(granted),
            adjustment_days: adj,
            terminal_disclaimer: false,
            not_counted: Vec::new(),
        }
    }

    fn grant(t: DocType, filed: Date, granted: Date, adj: u32) -> Option<Date> {
        estimate(inputs(t, filed, granted, adj)).expiry
    }

    #[test]
    fn utility_terms() {
        // 20 years from filing plus the adjustment: 2030-03-01 + 100 days.
        assert_eq!(
            grant(DocType::Utility, date(2010, 3, 1), date(2013, 5, 7), 100),
            Some(date(2030, 6, 9))
        );
        // GATT transition: 17 years from a late grant beats 20 from filing.
        assert_eq!(
            grant(DocType::Utility, date(1990, 1, 2), date(1998, 4, 7), 0),
            Some(date(2015, 4, 7))
        );
        assert_eq!(
            grant(DocType::Utility, date(1993, 1, 2), date(1994, 4, 5), 0),
            Some(date(2013, 1, 2))
        );
        // Filed on the GATT day: the 20-year rule alone, however late the grant.
        let t = estimate(inputs(
            DocType::Utility,
            date(1995, 6, 8),
            date(2003, 1, 7),
            0,
        ));
        assert_eq!((t.expiry, t.rule), (Some(date(2015, 6, 8)), Rule::Twenty));
        assert!(t.caveats.iter().any(|c| c.contains("maintenance fees")));
    }

    #[test]
    fn design_terms_depend_on_the_filing_date() {
        assert_eq!(
            grant(DocType::Design, date(2015, 5, 13), date(2016, 1, 5), 0),
            Some(date(2031, 1, 5))
        );
        assert_eq!(
            grant(DocType::Design, date(2015, 5, 12), date(2016, 1, 5), 0),
            Some(date(2030, 1, 5))
        );
        // Designs pay no maintenance fees.
        let t = estimate(inputs(
            DocType::Design,
            date(2015, 5, 12),
            date(2016, 1, 5),
            0,
        ));
        assert!(t.caveats.is_empty(), "{:?}", t.caveats);
    }

    #[test]
    fn status_on_a_day() {
        let e = Some(date(2025, 1, 1));
        assert_eq!(
            status(DocKind::Grant, e, date(2024, 12, 31)),
            Status::InForce
        );
        assert_eq!(status(DocKind::Grant, e, date(2025, 1, 1)), Status::Expired);
        assert_eq!(
            status(DocKind::Application, e, date(2025, 1, 1)),
            Status::Application
        );
        assert_eq!(
            status(DocKind::Grant, None, date(2025, 1, 1)),
            Status::Unknown
        );
    }

    #[test]
    fn application_labels() {
        assert_eq!(application_label("US", "12253586"), "US 12/253,586");
        assert_eq!(application_label("", "29335910"), "US 29/335,910");
        assert_eq!(
            application_label("US", "PCT/EP2009/056266"),
            "US PCT/EP2009/056266"
        );
        assert_eq!(application_label("JP", "2003-123"), "JP 2003-123");
    }
}
