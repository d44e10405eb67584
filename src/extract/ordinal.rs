//! Ordinals: "3rd", "21st", "fourth", "twenty-fifth", "one hundred twenty fifth", "two hundredth",
//! "the fourth anniversary". An ordinal is read as the whole number it ranks.

use super::number::{TENS, UNITS, parse_number};
use regex::Regex;
use std::ops::Range;

/// Ordinal words and the cardinal word each stands for.
const ORDINAL_WORDS: &[(&str, &str)] = &[
    ("first", "one"),
    ("second", "two"),
    ("third", "three"),
    ("fourth", "four"),
    ("fifth", "five"),
    ("sixth", "six"),
    ("seventh", "seven"),
    ("eighth", "eight"),
    ("ninth", "nine"),
    ("nineth", "nine"),
    ("tenth", "ten"),
    ("eleventh", "eleven"),
    ("twelfth", "twelve"),
    ("thirteenth", "thirteen"),
    ("fourteenth", "fourteen"),
    ("fifteenth", "fifteen"),
    ("sixteenth", "sixteen"),
    ("seventeenth", "seventeen"),
    ("eighteenth", "eighteen"),
    ("nineteenth", "nineteen"),
];
const TENS_ORDINALS: &[(&str, &str)] = &[
    ("twentieth", "twenty"),
    ("thirtieth", "thirty"),
    ("fortieth", "forty"),
    ("fiftieth", "fifty"),
    ("sixtieth", "sixty"),
    ("seventieth", "seventy"),
    ("eightieth", "eighty"),
    ("ninetieth", "ninety"),
];
const SCALE_ORDINALS: &[(&str, &str)] = &[
    ("hundredth", "hundred"),
    ("thousandth", "thousand"),
    ("millionth", "million"),
    ("billionth", "billion"),
    ("trillionth", "trillion"),
];
const SCALES: &[&str] = &["hundred", "thousand", "million", "billion", "trillion"];

/// The ordinal grammar: a pattern that finds ordinals and a reader for what it finds.
pub struct OrdinalGrammar {
    /// The regex of one ordinal (case-insensitive use intended).
    pub pattern: String,
    finder: Regex,
    reader: Regex,
}

impl Default for OrdinalGrammar {
    fn default() -> Self {
        Self::new()
    }
}

fn words(list: &[(&str, &str)]) -> String {
    let mut w: Vec<&str> = list.iter().map(|(o, _)| *o).collect();
    w.sort_by_key(|x| std::cmp::Reverse(x.len()));
    w.join("|")
}

impl OrdinalGrammar {
    pub fn new() -> Self {
        let unit = format!("(?:{})", UNITS.join("|"));
        let ten = format!("(?:{})", TENS.join("|"));
        let small = format!(r"(?:{ten}(?:[\s-]+{unit})?|{unit})");
        let scale = format!("(?:{})", SCALES.join("|"));
        let ord_small = format!("(?:{})", words(ORDINAL_WORDS));
        let ord_ten = format!("(?:{})", words(TENS_ORDINALS));
        let ord_scale = format!("(?:{})", words(SCALE_ORDINALS));
        let dash = r"[\s\-‐‑–—]";
        // "twenty-one trillion and three hundred " before the last word, which is the ordinal.
        let lead = format!(r"(?:(?:{small}|an?)[\s-]+{scale}(?:\s+and)?\s+)*");
        let last =
            format!(r"(?:(?:{ten}{dash}*)?{ord_small}|{ord_ten}|(?:{small}[\s-]+)?(?:{scale}[\s-]+)*{ord_scale})");
        let digits = r"\d{1,3}(?:,\d{3})+(?:st|nd|rd|th)|\d+(?:st|nd|rd|th)";
        let pattern = format!(r"\b(?:{digits}|{lead}{last})\b");
        let finder = Regex::new(&format!("(?i){pattern}")).expect("ordinal pattern");
        let reader = Regex::new(&format!(r"(?i)^(?P<lead>.*?)(?P<last>{ord_small}|{ord_ten}|{ord_scale})$"))
            .expect("ordinal reader");
        OrdinalGrammar { pattern, finder, reader }
    }

    /// Every ordinal in a text, in order, with its byte range and value.
    /// "a trillionth" is a fraction, not a rank: a bare scale ordinal after "a" is left out.
    pub fn scan(&self, text: &str) -> Vec<(Range<usize>, f64)> {
        self.finder
            .find_iter(text)
            .filter(|m| {
                let bare_scale = SCALE_ORDINALS.iter().any(|(o, _)| m.as_str().eq_ignore_ascii_case(o));
                let word_before = text[..m.start()].rsplit(char::is_whitespace).nth(1).unwrap_or("");
                !(bare_scale && (word_before.eq_ignore_ascii_case("a") || word_before.eq_ignore_ascii_case("an")))
            })
            .filter_map(|m| Some((m.range(), self.read(m.as_str())?)))
            .collect()
    }

    /// The rank an ordinal states: "3rd" → 3, "twenty-fifth" → 25, "two hundredth" → 200.
    pub fn read(&self, text: &str) -> Option<f64> {
        let lower = text.trim().to_lowercase();
        if let Some(d) = lower.strip_suffix(|c: char| c.is_ascii_alphabetic()) {
            let digits = d.trim_end_matches(|c: char| c.is_ascii_alphabetic()).replace(',', "");
            if let Ok(v) = digits.parse::<f64>() {
                return Some(v);
            }
        }
        let c = self.reader.captures(&lower)?;
        let last = &c["last"];
        let cardinal = ORDINAL_WORDS
            .iter()
            .chain(TENS_ORDINALS)
            .chain(SCALE_ORDINALS)
            .find(|(o, _)| *o == last)
            .map(|(_, card)| *card)?;
        // "twentyfifth": the tens word runs into the ordinal.
        let lead = c["lead"].replace(['‐', '‑', '–', '—'], " ");
        let lead = TENS.iter().find(|t| lead.ends_with(*t)).map_or(lead.clone(), |t| {
            let head = &lead[..lead.len() - t.len()];
            format!("{head} {t}")
        });
        parse_number(&format!("{lead} {cardinal}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole(text: &str) -> Option<f64> {
        let g = OrdinalGrammar::new();
        let found = g.scan(text);
        assert_eq!(found.len(), 1, "{text:?}: {found:?}");
        assert_eq!(found[0].0, 0..text.len(), "{text:?}");
        Some(found[0].1)
    }

    #[test]
    fn ordinals_in_digits_and_words() {
        for (text, v) in [
            ("3rd", 3.0),
            ("21st", 21.0),
            ("1,000th", 1000.0),
            ("fourth", 4.0),
            ("twelfth", 12.0),
            ("twentieth", 20.0),
            ("twenty-fifth", 25.0),
            ("twenty fifth", 25.0),
            ("twentyfifth", 25.0),
            ("twenty—fifth", 25.0),
            ("one hundred twenty fifth", 125.0),
            ("two hundredth", 200.0),
            ("a hundred trillionth", 1e14),
            ("twenty-one trillion and three hundred twenty second", 21_000_000_000_322.0),
        ] {
            assert_eq!(whole(text), Some(v), "{text}");
        }
    }

    #[test]
    fn ordinals_in_prose() {
        let g = OrdinalGrammar::new();
        let found: Vec<f64> =
            g.scan("The fourth anniversary of the 3rd attack, a first.").into_iter().map(|x| x.1).collect();
        assert_eq!(found, vec![4.0, 3.0, 1.0]);
        assert!(g.scan("a trillionth of a second ago").iter().all(|(r, _)| r.start > 0), "a fraction");
    }
}
