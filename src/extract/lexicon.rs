//! The English vocabulary of `rules/lexicon/en.toml`, parsed once and shared by extraction
//! (placeholders, count readings) and alignment (event nouns, place and name words).

use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};

pub const BUILTIN_LEXICON: &str = include_str!("../../rules/lexicon/en.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    pub qualifiers: Qualifiers,
    pub vague: BTreeMap<String, toml::Value>,
    pub populations: BTreeMap<String, Vec<String>>,
    /// Nouns for animals, which a count before them counts instead of people ("killed 30,000
    /// chickens", "tens of thousands of poultry").
    pub animals: HashSet<String>,
    /// Wider scopes than the event ("nationwide", "since the war began").
    pub scopes: BTreeMap<String, Scope>,
    /// Units of length and the metres in one ("km" = 1000), for `{measure}`.
    pub lengths: BTreeMap<String, f64>,
    /// Units of area and the hectares in one ("acres" = 0.4047), for `{area}`.
    pub areas: BTreeMap<String, f64>,
    pub events: Nouns,
    pub organisations: Nouns,
    pub names: NameWords,
    /// Holidays by key: the day each falls on (see `[holidays]` in the lexicon) and its names.
    pub holidays: BTreeMap<String, Holiday>,
    /// Finds every scope phrase in a text at once (compiled on first use).
    #[serde(skip)]
    scope_finder: std::sync::OnceLock<regex::Regex>,
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

/// A scope wider than an event: the phrases that say it, and whether it stays wider beside a
/// named event ("since the war began") or is that event's own ("across the state").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scope {
    pub phrases: Vec<String>,
    #[serde(default)]
    pub beside_an_event: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Nouns {
    pub nouns: Vec<String>,
    /// Titles that make the name after them an event's ("Hurricane Delia", "Typhoon Haiyan"),
    /// and words after a title that are no such name ("the Hurricane Center", "Storm Shadow
    /// missiles"): `[events]` only.
    #[serde(default)]
    pub titles: Vec<String>,
    #[serde(default)]
    pub not_titled: HashSet<String>,
    /// Words for the ground an event covers ("a swath 1.2 kilometres wide"): with the event nouns,
    /// what a length of the event itself is measured on. `[events]` only.
    #[serde(default)]
    pub extent: HashSet<String>,
    /// Words that make an article one about an outbreak (lower case), whose first case dates
    /// the event. `[events]` only.
    #[serde(default)]
    pub outbreak_words: HashSet<String>,
}

impl Nouns {
    /// Whether a length measured on `word` is the event's own: an event noun ("the tornado was
    /// 800 metres wide") or the ground it covers ("a swath 1.2 kilometres wide").
    pub fn measures_the_event(&self, word: &str) -> bool {
        self.extent.contains(word) || self.nouns.iter().any(|n| n == word)
    }

    /// The nouns as one regex alternation (a trie: see [`alternation`]).
    pub fn alternation(&self) -> String {
        let nouns: Vec<&str> = self.nouns.iter().map(String::as_str).collect();
        alternation(&nouns)
    }
}

/// Word lists that are only asked whether they hold a word: sets, since the context of every
/// article asks them for each name and place it finds.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameWords {
    pub not_places: HashSet<String>,
    pub generic_place_nouns: HashSet<String>,
    pub facility_words: HashSet<String>,
    pub organisation_words: HashSet<String>,
    /// Organisation words that name an organisation alone ("the Taliban"): the others make an
    /// organisation's name only with other words ("Police" alone is none).
    #[serde(default)]
    pub organisations_alone: HashSet<String>,
    pub not_place_words: HashSet<String>,
    pub compass_words: HashSet<String>,
    pub person_titles: HashSet<String>,
    /// Words of `not_places` that may open a person's name ("Jan Egeland", "June Carter").
    pub given_names: HashSet<String>,
    /// Words of `not_places` that may close one ("Theresa May").
    pub surnames: HashSet<String>,
    /// First words of a landform's or a lake's name ("Mount Kelm"), and last words ("Tamsin River").
    pub landforms_first: HashSet<String>,
    pub landforms_last: HashSet<String>,
    /// Last words of a hospital's or a clinic's name ("Odrava General Hospital").
    pub care_words: HashSet<String>,
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
        let noun = super::single_spaced_lowercase(noun);
        for (name, words) in &self.populations {
            let ends_with_word = |w: &str| noun.strip_suffix(w).is_some_and(|head| head.ends_with(' '));
            if words.iter().any(|w| noun == *w || ends_with_word(w)) {
                return (name != EVERYONE).then(|| name.clone());
            }
        }
        None
    }

    /// How much one `unit` as written ("Metres", "km", "square  miles") is, and in what: metres
    /// for a length, hectares for an area; None for no unit of either.
    pub fn measure_unit(&self, unit: &str) -> Option<(f64, &'static str)> {
        let unit = super::single_spaced_lowercase(unit);
        self.lengths.get(&unit).map(|m| (*m, "m")).or_else(|| self.areas.get(&unit).map(|ha| (*ha, "ha")))
    }

    /// The scope the words that open a count's sentence start with ("This week alone, 41 ...",
    /// "Nationwide, ..."), or that the count's clause (the count at `count_at`) names before the
    /// count ("across the region, 41 people"), or, for a scope `beside_an_event`, anywhere in it
    /// ("10,000 killed since the war began"). The phrases count as whole words, in any case. In
    /// the clause, where the sentence names an event ("Hurricane Delia", "the attack", "floods"),
    /// only a scope `beside_an_event`, and that one not after a superlative ("the deadliest
    /// attack since the invasion").
    pub fn scope_in(&self, clause: &str, count_at: usize, opening: &str, sentence: &str) -> Option<&str> {
        let names_an_event = std::cell::OnceCell::new();
        let lead = clause.len() - clause.trim_start().len();
        let opened = self.scope_phrases(opening).into_iter().filter(|(at, ..)| *at == 0).map(|p| (p, opening, false));
        let within = self.scope_phrases(clause).into_iter().map(|p| (p, clause, true));
        opened.chain(within).find_map(|((at, name, scope), text, in_clause)| {
            let superlative_before = text.trim_start().to_lowercase()[..at]
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| (w.len() > 4 && w.ends_with("est")) || matches!(w, "worst" | "most" | "first"));
            // A place or a time after the count is as often where and when the event's own toll
            // was counted ("Flash floods have killed 40 people across the region").
            let after_the_count = in_clause && lead + at > count_at;
            // A scope that opens the sentence ("Nationwide, ...", "This week alone, ...") widens
            // whatever it names.
            let kept = if scope.beside_an_event {
                !superlative_before
            } else {
                !in_clause || (!after_the_count && !*names_an_event.get_or_init(|| self.names_an_event(sentence)))
            };
            kept.then_some(name)
        })
    }

    /// The scope phrases in `text` (as whole words, in any case; after leading spaces), in the
    /// order they start: each one's offset in the trimmed text, its scope's name and the scope.
    fn scope_phrases(&self, text: &str) -> Vec<(usize, &str, &Scope)> {
        let lower = text.trim_start().to_lowercase();
        let mut found: Vec<(usize, &str, &Scope)> = self
            .scopes
            .iter()
            .flat_map(|(name, scope)| scope.phrases.iter().map(move |p| (name, scope, p)))
            .filter_map(|(name, scope, phrase)| Some((whole_words_at(&lower, phrase)?, name.as_str(), scope)))
            .collect();
        found.sort_by_key(|(at, name, _)| (*at, *name));
        found
    }

    /// Where scope phrases start in `text`, in order: where [`Lexicon::scope_in`] may find one.
    /// One pass over an article, so that a count whose sentence holds none is passed over.
    pub fn scope_phrase_starts(&self, text: &str) -> Vec<usize> {
        let finder = self.scope_finder.get_or_init(|| {
            let phrases: Vec<&str> = self.scopes.values().flat_map(|s| s.phrases.iter().map(String::as_str)).collect();
            regex::Regex::new(&format!(r"(?i-u)\b{}\b", alternation(&phrases))).expect("scope phrases")
        });
        finder.find_iter(text).map(|m| m.start()).collect()
    }

    /// Whether a sentence names an event: an event noun, or a storm's title ("Hurricane Delia").
    fn names_an_event(&self, sentence: &str) -> bool {
        let lower = sentence.to_lowercase();
        self.events.nouns.iter().any(|n| {
            lower.match_indices(n.as_str()).any(|(at, _)| {
                let end = at + n.len();
                // "floods" names the flood.
                stands_alone(&lower, at, end) || (lower[end..].starts_with('s') && stands_alone(&lower, at, end + 1))
            })
        }) || sentence.split(|c: char| !c.is_alphanumeric()).any(|w| self.events.titles.iter().any(|t| t == w))
    }

    /// Every population word, longest first (so "service members" wins over "members").
    pub fn population_words(&self) -> Vec<&str> {
        self.words_of_populations(|_| true)
    }

    /// Every word of a population that is part of everyone (not "people", "others"), longest
    /// first.
    pub fn group_words(&self) -> Vec<&str> {
        self.words_of_populations(|name| name != EVERYONE)
    }

    fn words_of_populations(&self, keep: impl Fn(&str) -> bool) -> Vec<&str> {
        let mut words: Vec<&str> = self
            .populations
            .iter()
            .filter(|(name, _)| keep(name))
            .flat_map(|(_, words)| words.iter().map(String::as_str))
            .collect();
        sort_longest_first(&mut words);
        words
    }

    pub fn is_event_noun(&self, word: &str) -> bool {
        let w = word.to_lowercase();
        self.events.nouns.contains(&w)
    }
}

/// Where `phrase` first stands in `text` as whole words (both lowercase).
fn whole_words_at(text: &str, phrase: &str) -> Option<usize> {
    text.match_indices(phrase).map(|(at, _)| at).find(|&at| stands_alone(text, at, at + phrase.len()))
}

/// Whether `text[at..end]` stands as whole words: no letter or digit touches it on either side.
fn stands_alone(text: &str, at: usize, end: usize) -> bool {
    text[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
        && text[end..].chars().next().is_none_or(|c| !c.is_alphanumeric())
}

/// The population that is everyone: a count of it is the total, and reports do not name it.
const EVERYONE: &str = "people";

/// Sorts alternatives so that a regex alternation tries the longest first.
pub fn sort_longest_first(words: &mut Vec<&str>) {
    words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    words.dedup();
}

/// A regex alternation of phrases, longest first, white space between words made flexible,
/// written as a trie: "seventeen|seventy|seven" is `s(?:even(?:teen|ty|))`, in effect.
///
/// The regex crate compiles an alternation as one branch per phrase once `(?i)` makes each
/// letter a class, and its capture search tries every branch at every place the alternation may
/// start: for the number words, embedded a dozen times in the number pattern, and for the
/// qualifiers, populations and events of the rules, that was much of the cost of a match. A trie
/// tries one letter at a time. It finds the same matches: two phrases can both match at one
/// place only when their letters agree (up to case) as far as the shorter goes, and a branch is
/// shared only where no phrase between them in the list could compete, so competing phrases
/// keep their order (the shorter, ended by the empty alternative, after the longer).
pub fn alternation(phrases: &[&str]) -> String {
    let mut phrases = phrases.to_vec();
    sort_longest_first(&mut phrases);
    let tokens = phrases.iter().map(|p| {
        let words = p.split_whitespace().map(|w| w.chars().map(|c| regex::escape(&c.to_string())).collect());
        words.collect::<Vec<Vec<String>>>().join(&WHITE_SPACE.to_string())
    });
    token_alternation(&tokens.collect::<Vec<_>>())
}

/// The token that stands for the white space between two words.
pub const WHITE_SPACE: &str = r"\s+";

/// A regex alternation of sequences of tokens (each a character, escaped as `regex::escape`
/// writes it, [`WHITE_SPACE`], or any other piece of a regex), in their order, as a trie (see
/// [`alternation`]).
pub fn token_alternation(items: &[Vec<String>]) -> String {
    let items: Vec<&[String]> = items.iter().map(Vec::as_slice).collect();
    format!("(?:{})", trie(&items))
}

fn trie(items: &[&[String]]) -> String {
    let mut branches: Vec<(Option<&String>, Vec<&[String]>)> = Vec::new();
    for item in items {
        let (first, rest) = match item.split_first() {
            Some((first, rest)) => (Some(first), rest),
            None => (None, &[][..]),
        };
        // A sequence joins the last branch it can share, unless a later one could compete with it.
        let shared = branches.iter().rposition(|(key, _)| may_compete(*key, first));
        match shared {
            Some(i) if first.is_some() && branches[i].0 == first => branches[i].1.push(rest),
            _ => branches.push((first, vec![rest])),
        }
    }
    let branch = |(first, rests): &(Option<&String>, Vec<&[String]>)| match (first, rests.as_slice()) {
        (None, _) => String::new(),
        (Some(first), [rest]) => format!("{first}{}", rest.concat()),
        (Some(first), rests) => format!("{first}(?:{})", trie(rests)),
    };
    branches.iter().map(branch).collect::<Vec<_>>().join("|")
}

/// Whether two first tokens may match at the same place: two ASCII characters that are the same
/// letter up to case, or two white spaces. Anything else may (the end of a sequence matches
/// anywhere, an optional token may match nothing), and so may a character beyond ASCII, to be
/// safe with Unicode's case folding.
fn may_compete(a: Option<&String>, b: Option<&String>) -> bool {
    let (Some(a), Some(b)) = (a, b) else { return true };
    let char_of = |t: &str| {
        let unescaped = t.strip_prefix('\\').unwrap_or(t);
        let mut chars = unescaped.chars();
        chars.next().filter(|c| c.is_ascii() && !c.is_whitespace() && chars.next().is_none())
    };
    match (char_of(a), char_of(b)) {
        (Some(x), Some(y)) => x.eq_ignore_ascii_case(&y),
        (Some(_), None) => b != WHITE_SPACE,
        (None, Some(_)) => a != WHITE_SPACE,
        (None, None) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The trie finds what the plain alternation of the same phrases finds, at every place of
    /// a text, with or without `(?i)`, whatever follows: a longer phrase before the shorter it
    /// begins, a shorter one where only it lets the rest match, and phrases that differ only in
    /// case in an order the trie must not change.
    #[test]
    fn alternation_trie_matches_as_the_plain_alternation() {
        let lists: [&[&str]; 3] = [
            &["seventeen", "seventy", "seven", "six", "sixteen", "a", "an", "and", "ant"],
            &["U.S. troops", "u.s. Troops", "U.S. service members", "US troops", "troops", "the dead", "the"],
            &["more than", "more", "at least", "at most", "at", "no more than", "nearly", "near"],
        ];
        let texts = [
            "seventeen seven teens an ant and sixteen",
            "U.S. troops and u.s. troops, US  troops, U.S. service members",
            "the dead and the troops",
            "no more than 5, at least 6, at most 7, nearly 8, more 9",
        ];
        for phrases in lists {
            let mut sorted = phrases.to_vec();
            sort_longest_first(&mut sorted);
            let plain = sorted.iter().map(|p| p.split_whitespace().map(regex::escape).collect::<Vec<_>>().join(r"\s+"));
            let plain = format!("(?:{})", plain.collect::<Vec<_>>().join("|"));
            let trie = alternation(phrases);
            assert_ne!(plain, trie, "a trie shares the phrases' beginnings");
            for flags in ["", "(?i)"] {
                for tail in ["", r"\s+teens", r"\s+troops", r"\s+\d", r"\b"] {
                    let compile = |alt: &str| regex::Regex::new(&format!("{flags}{alt}{tail}")).unwrap();
                    let (p, t) = (compile(&plain), compile(&trie));
                    for text in texts {
                        let found = |re: &regex::Regex| re.find_iter(text).map(|m| m.range()).collect::<Vec<_>>();
                        assert_eq!(found(&p), found(&t), "{flags}{trie}{tail} on {text:?}");
                    }
                }
            }
        }
    }

    /// With optional tokens (an apostrophe or a full stop that may be left out) a branch is
    /// shared only between equal tokens, and nothing moves across an optional one.
    #[test]
    fn token_trie_keeps_optional_tokens_in_order() {
        let token = |t: &str| -> Vec<String> {
            t.split(' ').map(|p| if p == "_" { WHITE_SPACE.to_string() } else { p.to_string() }).collect()
        };
        let items: Vec<Vec<String>> = [
            r"N e w _ Y e a r ['’]? s _ D a y",
            r"N e w _ Y e a r ['’]? s",
            r"N e w _ Y e a r s _ E v e",
            r"S t \.? _ P a t r i c k ['’]? s _ D a y",
            r"S t _ J o h n",
            r"N e w _ Y e a r",
            r"s t",
        ]
        .iter()
        .map(|t| token(t))
        .collect();
        let plain = format!("(?:{})", items.iter().map(|t| t.concat()).collect::<Vec<_>>().join("|"));
        let trie = token_alternation(&items);
        assert_ne!(plain, trie);
        for text in ["New Year's Day, New Years Eve, New Years, St. Patrick’s Day, St Patricks Day, St John, st"] {
            for flags in ["", "(?i)"] {
                let found = |alt: &str| {
                    let re = regex::Regex::new(&format!(r"{flags}\b{alt}\b")).unwrap();
                    re.find_iter(text).map(|m| m.range()).collect::<Vec<_>>()
                };
                assert_eq!(found(&plain), found(&trie), "{flags}{trie}");
            }
        }
    }

    #[test]
    fn builtin_lexicon_parses() {
        let lex = Lexicon::builtin();
        assert!(lex.vague_amounts().iter().any(|(p, r)| p == "dozens" && *r == Some((24.0, 99.0))));
        assert!(lex.vague_amounts().iter().any(|(p, r)| p == "many" && r.is_none()));
        assert_eq!(lex.population_of("U.S. service members").as_deref(), Some("military"));
        assert_eq!(lex.population_of("people"), None);
        assert_eq!(lex.population_of("Afghan civilians").as_deref(), Some("civilians"));
    }

    #[test]
    fn a_scope_wider_than_the_event() {
        let lex = Lexicon::builtin();
        let alone = |clause: &str| lex.scope_in(clause, clause.find(char::is_numeric).unwrap_or(0), "", clause);
        assert_eq!(alone("Across the region, 41 people have been killed"), Some("across the region"));
        assert_eq!(
            alone("120,000 were forced from their homes across the country"),
            None,
            "where the event's were counted"
        );
        let opened = |opening: &str, clause: &str| {
            lex.scope_in(clause, clause.find(char::is_numeric).unwrap_or(0), opening, &format!("{opening}, {clause}"))
        };
        assert_eq!(opened("This week alone", "41 people have been killed"), Some("this week"));
        assert_eq!(opened("Nationwide", "Mozambique has reported 120 deaths"), Some("nationwide"));
        assert_eq!(opened("In a speech broadcast nationwide", "the president said gunmen killed 14"), None);
        assert_eq!(opened("Earlier this week", "gunmen killed 14"), None);
        assert_eq!(alone("The death toll rose to 42 on Thursday"), None);
        assert_eq!(alone("Nationally, 120 have died"), Some("nationwide"));
        assert_eq!(alone("It was the weekend's internationally watched vote"), None, "whole words only");
        // A sentence that names one event owns its place and time; a war's span stays wider.
        assert_eq!(alone("Hurricane Delia came ashore, killing 14 people across the state"), None);
        assert_eq!(alone("Across the state, the floods killed 14 people"), None);
        assert_eq!(alone("The air strike took the toll since the war began to 10,000"), Some("since the war began"));
        assert_eq!(alone("It was the deadliest attack on the city since the invasion"), None, "a comparison");
    }
}
