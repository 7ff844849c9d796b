//! Publication numbers: one canonical form, and the usual ways people write them.
//!
//! Canonical form: country, series prefix, number without leading zeros, kind code, no spaces:
//! `US7654321B2`, `USD586081S1`, `USRE43210E1`, `USPP21234P3`, `US20150075015A1`. The USPTO XML
//! writes `08927118` or `D0586081`; people write `US 7,654,321 B2`, `7654321`, `US07654321`,
//! `D586,081` or `US 2015/0075015 A1`. All of those parse to the same number, and a number without
//! a kind code matches every kind published under it (see [`PubNumber::key`]).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Series prefixes of US numbers (design, plant, reissue, statutory invention registration,
/// defensive publication, X-patents, additional improvements, reexamination).
const SERIES: &[&str] = &["PP", "RE", "RX", "AI", "D", "H", "T", "X"];

/// A normalised publication number.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PubNumber {
    /// Two-letter office code, `US`.
    pub country: String,
    /// Series prefix (`D`, `RE`, `PP`, ...) and number without leading zeros: `D586081`.
    pub number: String,
    /// Kind code (`B2`, `A1`, `S1`, `E`), empty when not known.
    pub kind: String,
}

/// Why a string is not a publication number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "'{input}' is not a publication number: {reason} (examples: US7654321B2, 'US 7,654,321 B2', 7654321, D586081, US20150075015A1)"
)]
pub struct NumberError {
    pub input: String,
    pub reason: &'static str,
}

impl PubNumber {
    /// Builds a number from the three parts found in office XML (`US`, `08927118`, `B2`).
    pub fn from_parts(
        country: &str,
        doc_number: &str,
        kind: &str,
    ) -> Result<PubNumber, NumberError> {
        let joined = format!("{}{}{}", country.trim(), doc_number.trim(), kind.trim());
        let mut n: PubNumber = joined.parse()?;
        if n.kind.is_empty() {
            n.kind = clean_kind(kind);
        }
        Ok(n)
    }

    /// The number without its kind code (`US7654321`): the lookup key shared by all kinds.
    pub fn key(&self) -> String {
        format!("{}{}", self.country, self.number)
    }

    /// True for pre-grant publication numbers (`YYYYnnnnnnn`).
    pub fn is_application_number(&self) -> bool {
        let b = self.number.as_bytes();
        b.len() == 11
            && b.iter().all(u8::is_ascii_digit)
            && (b.starts_with(b"19") || b.starts_with(b"20"))
    }
}

fn clean_kind(kind: &str) -> String {
    kind.trim().to_ascii_uppercase()
}

impl FromStr for PubNumber {
    type Err = NumberError;

    fn from_str(input: &str) -> Result<PubNumber, NumberError> {
        let err = |reason| NumberError {
            input: input.to_string(),
            reason,
        };
        // Separators people use: spaces, thousands commas, the slash in `2015/0075015`, dots, dashes.
        let s: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, ',' | '/' | '.' | '-' | '_'))
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if s.is_empty() {
            return Err(err("it is empty"));
        }
        if !s.is_ascii() {
            return Err(err("it has characters other than letters and digits"));
        }
        let mut rest = s.as_str();
        let mut country = "US";
        let letters = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
        if letters >= 2 {
            let first_two = &rest[..2];
            let series_only = SERIES.contains(&first_two) && letters == 2;
            if !series_only {
                country = first_two;
                rest = &rest[2..];
            }
        }
        let series_len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
        let series = &rest[..series_len];
        if !series.is_empty() && !SERIES.contains(&series) {
            return Err(err("unknown series prefix before the digits"));
        }
        rest = &rest[series_len..];
        let digits_len = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits_len == 0 {
            return Err(err("no digits"));
        }
        let digits = &rest[..digits_len];
        let kind = &rest[digits_len..];
        let kind_ok = kind.is_empty()
            || (kind.len() <= 2
                && kind.as_bytes()[0].is_ascii_alphabetic()
                && kind[1..].bytes().all(|b| b.is_ascii_digit()));
        if !kind_ok {
            return Err(err(
                "the part after the digits is not a kind code such as B2 or A1",
            ));
        }
        let trimmed = digits.trim_start_matches('0');
        if trimmed.is_empty() {
            return Err(err("the number is zero"));
        }
        Ok(PubNumber {
            country: country.to_string(),
            number: format!("{series}{trimmed}"),
            kind: kind.to_string(),
        })
    }
}

impl fmt::Display for PubNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}{}", self.country, self.number, self.kind)
    }
}

impl Serialize for PubNumber {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PubNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<PubNumber, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canon(s: &str) -> String {
        s.parse::<PubNumber>().unwrap().to_string()
    }

    #[test]
    fn variants_of_a_utility_grant() {
        for v in [
            "US7654321B2",
            "US 7,654,321 B2",
            "us07654321b2",
            "US-7654321-B2",
        ] {
            assert_eq!(canon(v), "US7654321B2", "{v}");
        }
        for v in ["7654321", "US07654321", "7,654,321"] {
            let n: PubNumber = v.parse().unwrap();
            assert_eq!(n.key(), "US7654321", "{v}");
            assert_eq!(n.kind, "");
        }
    }

    #[test]
    fn series_and_applications() {
        assert_eq!(canon("USD0586081S1"), "USD586081S1");
        assert_eq!(canon("D586,081"), "USD586081");
        assert_eq!(canon("RE43210E"), "USRE43210E");
        assert_eq!(canon("PP021234"), "USPP21234");
        assert_eq!(canon("US 2015/0075015 A1"), "US20150075015A1");
        assert!(
            "US20150075015A1"
                .parse::<PubNumber>()
                .unwrap()
                .is_application_number()
        );
        assert_eq!(
            PubNumber::from_parts("US", "D0586081", "S1")
                .unwrap()
                .to_string(),
            "USD586081S1"
        );
        assert_eq!(canon("EP1234567B1"), "EP1234567B1");
    }

    #[test]
    fn rejects_junk() {
        for bad in ["", "US", "hello", "US123ABC", "0000", "QQ12345"] {
            let r = bad.parse::<PubNumber>();
            // QQ is accepted as a country code; everything else must fail.
            if bad == "QQ12345" {
                assert_eq!(r.unwrap().to_string(), "QQ12345");
            } else {
                assert!(r.is_err(), "{bad} parsed as {:?}", r);
            }
        }
    }
}
