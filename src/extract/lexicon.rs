//! The English vocabulary of `rules/lexicon/en.toml`, parsed once and shared by extraction
//! (placeholders, count readings) and alignment (event nouns, place and name words).

use serde::Deserialize;
use std::collections::BTreeMap;

pub const BUILTIN_LEXICON: &str = include_str!("../../rules/lexicon/en.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    pub qualifiers: Qualifiers,
    pub vague: BTreeMap<String, toml::Value>,
    pub populations: BTreeMap<String, Vec<String>>,
    pub events: Events,
    pub names: NameWords,
    /// Holidays by key: the day each falls on (see `[holidays]` in the lexicon) and its names.
    pub holidays: BTreeMap<String, Holiday>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Holiday {
    /// "12-25", "4 thu nov", "last mon may", "easter -2", "hebrew tishrei 10": read by
    /// `date::HolidayRule::parse`.
    pub day: String,
    pub names: Vec<String>,
    /// How many days it lasts, when more than one.
    #[serde(default)]
    pub days: Option<u32>,
    /// The weekdays it moves off, and by how many days: "sat +1".
    #[serde(default)]
    pub moved: Vec<String>,
    /// Its names are read only capitalised, or before a year: "Lent", not "lent".
    #[serde(default)]
    pub capitalised: bool,
    /// Its names are read only before a year: "Rakhi 2018", not the given name "Rakhi".
    #[serde(default)]
    pub year_required: bool,
    /// Phrases and the days they are read as, "TEXT => 2018-06-15" or "TEXT => 2018-03-31 ..
    /// 2018-04-07" (first and last day); `cargo test` reads each.
    pub examples: Vec<String>,
    /// Phrases in which no date may be read.
    #[serde(default)]
    pub counterexamples: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Qualifiers {
    pub exact: Vec<String>,
    pub at_least: Vec<String>,
    pub more_than: Vec<String>,
    pub at_most: Vec<String>,
    pub less_than: Vec<String>,
    pub nearly: Vec<String>,
    pub about: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Events {
    pub nouns: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameWords {
    pub not_places: Vec<String>,
    pub generic_place_nouns: Vec<String>,
    pub facility_words: Vec<String>,
    pub organisation_words: Vec<String>,
    pub not_place_words: Vec<String>,
    pub compass_words: Vec<String>,
    pub person_titles: Vec<String>,
}

impl Lexicon {
    pub fn builtin() -> Self {
        toml::from_str(BUILTIN_LEXICON).expect("the built-in lexicon is valid (tested)")
    }

    /// Vague amounts with their ranges; `None` range = unbounded ("many").
    pub fn vague_amounts(&self) -> Vec<(String, Option<(f64, f64)>)> {
        let mut out = Vec::new();
        for (phrase, value) in &self.vague {
            match value {
                toml::Value::Array(a) if a.len() == 2 => {
                    let n = |v: &toml::Value| v.as_integer().map(|i| i as f64).or_else(|| v.as_float());
                    if let (Some(lo), Some(hi)) = (n(&a[0]), n(&a[1])) {
                        out.push((phrase.clone(), Some((lo, hi))));
                    }
                }
                toml::Value::Array(a) if phrase == "unbounded" => {
                    out.extend(a.iter().filter_map(|v| v.as_str()).map(|s| (s.to_string(), None)));
                }
                _ => {}
            }
        }
        out
    }

    /// The canonical population of a head noun ("service members" → "military"); None = everyone.
    pub fn population_of(&self, noun: &str) -> Option<String> {
        let noun = noun.to_lowercase();
        let noun = noun.split_whitespace().collect::<Vec<_>>().join(" ");
        for (name, words) in &self.populations {
            let ends_with_word = |w: &str| noun.strip_suffix(w).is_some_and(|head| head.ends_with(' '));
            if words.iter().any(|w| noun == *w || ends_with_word(w)) {
                return (name != "people").then(|| name.clone());
            }
        }
        None
    }

    /// Every population word, longest first (so "service members" wins over "members").
    pub fn population_words(&self) -> Vec<&str> {
        let mut words: Vec<&str> = self.populations.values().flatten().map(String::as_str).collect();
        sort_longest_first(&mut words);
        words
    }

    pub fn is_event_noun(&self, word: &str) -> bool {
        let w = word.to_lowercase();
        self.events.nouns.contains(&w)
    }
}

/// Sorts alternatives so that a regex alternation tries the longest first.
pub fn sort_longest_first(words: &mut Vec<&str>) {
    words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    words.dedup();
}

/// A regex alternation of phrases, each word boundary-delimited and white space made flexible.
pub fn alternation(phrases: &[&str]) -> String {
    let mut phrases = phrases.to_vec();
    sort_longest_first(&mut phrases);
    let parts: Vec<String> =
        phrases.iter().map(|p| p.split_whitespace().map(regex::escape).collect::<Vec<_>>().join(r"\s+")).collect();
    format!("(?:{})", parts.join("|"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_parses() {
        let lex = Lexicon::builtin();
        assert!(lex.vague_amounts().iter().any(|(p, r)| p == "dozens" && *r == Some((24.0, 99.0))));
        assert!(lex.vague_amounts().iter().any(|(p, r)| p == "many" && r.is_none()));
        assert_eq!(lex.population_of("U.S. service members").as_deref(), Some("military"));
        assert_eq!(lex.population_of("people"), None);
        assert_eq!(lex.population_of("Afghan civilians").as_deref(), Some("civilians"));
    }
}
