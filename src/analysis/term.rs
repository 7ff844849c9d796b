//! When a US patent's term ends, estimated from what the document itself says, with the rule
//! that was applied spelled out (hosted tools show an "anticipated expiry" without saying how).
//!
//! The rules (35 U.S.C. 154 and 173):
//! * utility and plant patents filed on or after 8 June 1995: 20 years from the filing date,
//!   plus the patent term adjustment or extension printed on the grant (`us-term-extension`);
//! * filed before 8 June 1995 (the GATT transition): the later of 17 years from the grant and 20
//!   years from filing;
//! * design patents: 15 years from the grant when filed on or after 13 May 2015, 14 before;
//! * a reissue runs to the end of the original patent's term, which the reissue does not print;
//!   it is estimated from its own filing date and flagged as such.
//!
//! Not checked: maintenance fees (a utility patent lapses when the 3.5, 7.5 or 11.5-year fee is
//! not paid), terminal disclaimers (tie the term to another patent's), and the 20 years running
//! from an earlier US or PCT parent's filing date for continuations. "In force" therefore means
//! "the statutory term has not ended", an upper bound on what is really in force.

use jiff::civil::{Date, date};
use serde::Serialize;

use crate::model::{DocKind, DocType};

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

/// An estimated end of term and how it was obtained.
#[derive(Debug, Clone, Serialize)]
pub struct Term {
    pub expiry: Option<Date>,
    pub rule: &'static str,
}

/// The filing date from which the 20-year term and the GATT transition count.
const GATT: Date = date(1995, 6, 8);
/// The Hague Agreement's 15-year design term applies to designs filed from this date.
const DESIGN_15: Date = date(2015, 5, 13);

fn plus_years(d: Date, years: i16) -> Option<Date> {
    d.checked_add(jiff::Span::new().years(years)).ok()
}

/// The estimated end of term of a document.
pub fn estimate(
    kind: DocKind,
    doc_type: DocType,
    filed: Option<Date>,
    granted: Option<Date>,
    adjustment_days: Option<u32>,
) -> Term {
    if kind == DocKind::Application {
        return Term {
            expiry: None,
            rule: "an application: no term",
        };
    }
    let adjust = |d: Date| {
        d.checked_add(jiff::Span::new().days(i64::from(adjustment_days.unwrap_or(0))))
            .ok()
    };
    match doc_type {
        DocType::Design => {
            let Some(g) = granted else {
                return Term {
                    expiry: None,
                    rule: "design without a grant date",
                };
            };
            if filed.is_some_and(|f| f >= DESIGN_15) {
                Term {
                    expiry: plus_years(g, 15),
                    rule: "design filed from 2015-05-13: 15 years from grant",
                }
            } else {
                Term {
                    expiry: plus_years(g, 14),
                    rule: "design filed before 2015-05-13: 14 years from grant",
                }
            }
        }
        _ => {
            let Some(f) = filed else {
                return Term {
                    expiry: None,
                    rule: "no filing date",
                };
            };
            let twenty = plus_years(f, 20).and_then(adjust);
            let reissue = doc_type == DocType::Reissue;
            if f < GATT {
                let seventeen = granted.and_then(|g| plus_years(g, 17));
                Term {
                    expiry: twenty.max(seventeen),
                    rule: if reissue {
                        "reissue (original's term not printed; own dates used): filed before 1995-06-08, later of 17 years from grant and 20 from filing"
                    } else {
                        "filed before 1995-06-08: later of 17 years from grant and 20 years from filing"
                    },
                }
            } else {
                Term {
                    expiry: twenty,
                    rule: match (reissue, adjustment_days.unwrap_or(0) > 0) {
                        (true, _) => {
                            "reissue (original's term not printed; own dates used): 20 years from filing"
                        }
                        (false, true) => "20 years from filing plus the printed term adjustment",
                        (false, false) => "20 years from filing",
                    },
                }
            }
        }
    }
}

/// The status of a document on `today`.
pub fn status(kind: DocKind, term: &Term, today: Date) -> Status {
    match (kind, term.expiry) {
        (DocKind::Application, _) => Status::Application,
        (_, Some(e)) if e > today => Status::InForce,
        (_, Some(_)) => Status::Expired,
        (_, None) => Status::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grant(t: DocType, filed: Date, granted: Date, pta: u32) -> Option<Date> {
        estimate(DocKind::Grant, t, Some(filed), Some(granted), Some(pta)).expiry
    }

    #[test]
    fn utility_terms() {
        // 20 years from filing plus the adjustment.
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
    }

    #[test]
    fn status_on_a_day() {
        let t = estimate(
            DocKind::Grant,
            DocType::Utility,
            Some(date(2005, 1, 1)),
            Some(date(2008, 1, 1)),
            None,
        );
        assert_eq!(
            status(DocKind::Grant, &t, date(2024, 12, 31)),
            Status::InForce
        );
        assert_eq!(
            status(DocKind::Grant, &t, date(2025, 1, 1)),
            Status::Expired
        );
        let a = estimate(DocKind::Application, DocType::Utility, None, None, None);
        assert_eq!(
            status(DocKind::Application, &a, date(2025, 1, 1)),
            Status::Application
        );
    }
}
