//! Rules are data: one TOML file per rule in `rules/`, embedded in the binary, with more (or
//! overrides, by id) from `--rules DIR`. A rule names an attribute, the kind of value it reads, and
//! regex patterns written with placeholders that the [`Grammar`] expands:
//!
//! | placeholder | expands to | capture |
//! |---|---|---|
//! | `{count}` | a count with its qualifier ("at least 143", "dozens"), as the count grammar found it | the value |
//! | `{date}`  | a date, absolute or relative ("March 22", "last year"), as the date scanner found it | the value |
//! | `{year}`  | a four-digit year | the value |
//! | `{measure}` | a count and a unit of length after it ("3.2-meter", "about 4 metres", "10 km"), read in metres | the value (the count) and `unit` |
//! | `{area}` | a count and a unit of area after it ("14,200 hectares", "some 35,000 acres"), read in hectares | the value (the count) and `unit` |
//! | `{who}`   | an optional "of the" + up to two words + a population noun ("Afghan civilians") | `who` |
//! | `{group}` | the same, required ("including 26 foreigners") | `who` |
//! | `{subgroup}` | the same, of a part of everyone: not "people" or "others" ("and 170 civilians") | `who` |
//! | `{aside}` | an optional aside after the count, opened by "including", "among them", "most of them" or "many of them" (", including two police officers,") | none |
//! | `{name}`  | a capitalised name ("Islamic State Khorasan", "ISIS-K") | `subject` |
//! | `{event}` | an event noun ("attack", "bombings", "crush") | none |
//! | `{organisation}` | a noun for an organisation ("group", "company", "coalition") | none |
//! | `{person}` | two or three capitalised words, initials allowed ("Michael E. Kurilla"), after a title if there is one ("Foreign Minister") | the value in a rule of kind `name`, else `subject` (the person a count is about: "Karl Brenner, 19") |
//!
//! In a rule of kind `measure`, a group named `who` names what is measured ("an alley about 4
//! metres wide"): its word, lower-cased, keeps the lengths of different things apart.
//!
//! `{count}` and `{date}` match whole phrases that the grammars found before any rule ran (see
//! [`crate::extract::shadow`]): a pattern cannot match part of one, and needs no `\b` beside it.
//!
//! Every rule carries examples (text, the phrase it must match, the reading it must give) and
//! counterexamples (texts it must not match); the test suite runs them all.

use crate::extract::boundary::{Gate, Twin};
use crate::extract::date::{DateGrammar, YEAR_PATTERN};
use crate::extract::lexicon::{Lexicon, alternation};
use crate::extract::number::CountGrammar;
use crate::extract::shadow::View;
use rayon::prelude::*;
use serde::Deserialize;
use std::collections::HashSet;
use std::path::Path;

/// The built-in rule files, embedded so that `factlint` works from any folder.
pub const BUILTIN_RULES: &[(&str, &str)] = &[
    ("rules/deaths.toml", include_str!("../rules/deaths.toml")),
    ("rules/injuries.toml", include_str!("../rules/injuries.toml")),
    ("rules/serious-condition.toml", include_str!("../rules/serious-condition.toml")),
    ("rules/hospitalised.toml", include_str!("../rules/hospitalised.toml")),
    ("rules/in-hospital.toml", include_str!("../rules/in-hospital.toml")),
    ("rules/founding-year.toml", include_str!("../rules/founding-year.toml")),
    ("rules/event-date.toml", include_str!("../rules/event-date.toml")),
    ("rules/arrests.toml", include_str!("../rules/arrests.toml")),
    ("rules/abducted.toml", include_str!("../rules/abducted.toml")),
    ("rules/attackers.toml", include_str!("../rules/attackers.toml")),
    ("rules/members.toml", include_str!("../rules/members.toml")),
    ("rules/missing.toml", include_str!("../rules/missing.toml")),
    ("rules/person-name.toml", include_str!("../rules/person-name.toml")),
    ("rules/width.toml", include_str!("../rules/width.toml")),
    ("rules/depth.toml", include_str!("../rules/depth.toml")),
    ("rules/magnitude.toml", include_str!("../rules/magnitude.toml")),
    ("rules/age.toml", include_str!("../rules/age.toml")),
    ("rules/aboard.toml", include_str!("../rules/aboard.toml")),
    ("rules/rescued.toml", include_str!("../rules/rescued.toml")),
    ("rules/evacuated.toml", include_str!("../rules/evacuated.toml")),
    ("rules/storm-category.toml", include_str!("../rules/storm-category.toml")),
    ("rules/storeys.toml", include_str!("../rules/storeys.toml")),
    ("rules/area-burned.toml", include_str!("../rules/area-burned.toml")),
    ("rules/year-built.toml", include_str!("../rules/year-built.toml")),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueKind {
    Count,
    Date,
    Year,
    /// A person's name, compared for spelling.
    Name,
    /// A length (`{measure}`): a count and its unit, compared in metres.
    Measure,
}

/// What kind of subject a rule's facts are about.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SubjectKind {
    /// An event (an attack, a disaster), found from the places the sentence names.
    #[default]
    Event,
    /// An organisation, named in the pattern or the one the article is about.
    Organisation,
    /// The person a name belongs to: names are grouped by similar spelling.
    Person,
}

/// Which way later reports move a count: a toll rises as bodies are found, the number of the
/// missing falls as people are found. A conflict that follows it over the publication dates is
/// reported as a likely update.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    #[default]
    Rising,
    Falling,
    /// A fact later reports do not revise as they learn more: an earthquake's magnitude, the width
    /// of a street. Every conflict is a conflict.
    Steady,
    /// A person's age: steady, but a year older with each birthday, so ages given a year apart
    /// agree when they differ by the years between the articles' publication dates.
    Ageing,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    id: String,
    description: String,
    attribute: String,
    kind: ValueKind,
    #[serde(default)]
    priority: i32,
    #[serde(default)]
    subject: SubjectKind,
    /// Rising for a count, steady for a length, unless the file says.
    trend: Option<Trend>,
    /// The figures a fact of the rule can state, `[least, most]`.
    plausible: Option<toml::Spanned<Vec<f64>>>,
    patterns: Vec<toml::Spanned<String>>,
    #[serde(default)]
    examples: Vec<Example>,
    #[serde(default)]
    counterexamples: Vec<String>,
}

/// A text the rule must match, the phrase it must capture and the reading it must give.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub text: String,
    #[serde(rename = "match")]
    pub matched: String,
    pub reading: String,
    #[serde(default)]
    pub population: Option<String>,
    #[serde(default)]
    pub subject: Option<String>,
    /// Publication date to resolve relative dates against (YYYY-MM-DD).
    #[serde(default)]
    pub published: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub description: String,
    pub attribute: String,
    pub kind: ValueKind,
    pub priority: i32,
    pub subject: SubjectKind,
    pub trend: Trend,
    /// The figures a fact of the rule can state, both ends included: a count stated outside them
    /// ("Karl Brenner, 2019," is no age) or not stated at all ("dozens") is no fact of the rule.
    pub plausible: Option<[f64; 2]>,
    /// The patterns as written, for `factlint explain`.
    pub sources: Vec<String>,
    /// The patterns compiled, with their ASCII-boundary twins (see [`crate::extract::boundary`]).
    pub patterns: Vec<Pattern>,
    pub examples: Vec<Example>,
    pub counterexamples: Vec<String>,
    /// Where the rule came from: a path, or "built-in: rules/x.toml".
    pub origin: String,
}

/// The rules a run uses, sorted by id, with a [`Gate`] over the patterns of each view: a
/// paragraph without a count phrase near a rule's words runs none of the `{count}` patterns, one
/// without "founded" or "established" none of the founding year's. A pattern that is its value
/// alone (`{person}`) matches nearly every paragraph, so it runs ungated, over the whole prose.
#[derive(Debug)]
pub struct RuleBook {
    rules: Vec<Rule>,
    gates: Vec<GatedView>,
    ungated: Vec<(usize, usize)>,
}

/// The patterns of one view (but those that are their value alone), as (rule, pattern) indices,
/// and their gate.
#[derive(Debug)]
pub struct GatedView {
    pub view: View,
    pub members: Vec<(usize, usize)>,
    pub gate: Gate,
}

impl RuleBook {
    pub fn new(rules: Vec<Rule>) -> RuleBook {
        let patterns = || {
            rules
                .iter()
                .enumerate()
                .flat_map(|(r, rule)| rule.patterns.iter().enumerate().map(move |(p, pattern)| (r, p, pattern)))
        };
        let ungated = patterns().filter(|(_, _, pattern)| pattern.value_is_match).map(|(r, p, _)| (r, p)).collect();
        let gates = [View::Counts, View::Dates, View::Prose]
            .into_iter()
            .filter_map(|view| {
                let members: Vec<(usize, usize)> = patterns()
                    .filter(|(_, _, pattern)| pattern.view == view && !pattern.value_is_match)
                    .map(|(r, p, _)| (r, p))
                    .collect();
                if members.is_empty() {
                    return None;
                }
                // A pattern of a view reads its value from a token, so needs the token's mark.
                let gate = Gate::new(members.iter().map(|&(r, p)| &rules[r].patterns[p].regex), view.mark());
                Some(GatedView { view, members, gate })
            })
            .collect();
        RuleBook { rules, gates, ungated }
    }

    pub fn gated_views(&self) -> &[GatedView] {
        &self.gates
    }

    /// The (rule, pattern) indices of the patterns that run over the whole prose.
    pub fn ungated(&self) -> &[(usize, usize)] {
        &self.ungated
    }
}

impl<'a> IntoIterator for &'a RuleBook {
    type Item = &'a Rule;
    type IntoIter = std::slice::Iter<'a, Rule>;
    fn into_iter(self) -> Self::IntoIter {
        self.rules.iter()
    }
}

impl std::ops::Deref for RuleBook {
    type Target = [Rule];
    fn deref(&self) -> &[Rule] {
        &self.rules
    }
}

/// One compiled pattern of a rule, and the copy of the prose it runs over.
#[derive(Debug, Clone)]
pub struct Pattern {
    pub regex: Twin,
    pub view: View,
    /// The pattern is its value placeholder alone (`{person}`): a match is its value, and
    /// finding it needs no capture search.
    pub value_is_match: bool,
    /// The indices of its `value`, `who`, `subject` and `unit` groups: a lookup by name hashes the name,
    /// for every match.
    pub groups: [Option<usize>; 4],
}

/// The named groups a match of a rule pattern is read by, in the order of [`Pattern::groups`].
pub const READ_GROUPS: [&str; 4] = ["value", "who", "subject", "unit"];

/// A problem in a rule file, pointing at the line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for RuleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}: {}", self.path, self.line, self.column, self.message)
    }
}

/// The placeholder expansions, built once from the lexicon.
pub struct Grammar {
    pub lexicon: Lexicon,
    pub counts: CountGrammar,
    pub dates: DateGrammar,
    who: String,
    group: String,
    subgroup: String,
    person: String,
    event: String,
    organisation: String,
    name: String,
    /// The units of length, as one alternation.
    lengths: String,
    /// The units of area, as one alternation.
    areas: String,
    /// Words that make a run of capitalised words no person's name: the lexicon's organisation
    /// and facility words, titles and words that are no places, looked up for every `{person}`
    /// match.
    pub(crate) not_in_person_names: HashSet<String>,
}

/// A person's name: two or three capitalised words on one line, a middle initial allowed. A word
/// may carry accents ("Gómez"), a capital after a prefix ("McRae", "O'Brien", "DeSantis") and
/// hyphenated parts ("Abdel-Jalil"); a hyphen that ends a word (broken at a line's end) is taken
/// in, for `person_name` to refuse.
pub const PERSON_PATTERN: &str = concat!(
    r"(?-i:\b(?:Mc|Mac|O['’]|D['’]|De|Di|Du|La|Le)?\p{Lu}[\p{Ll}’']+(?:-\p{L}[\p{Ll}’']+)*-?(?:[ \t]+[A-Z]\.)?",
    r"(?:[ \t]+(?:al-|bin[ \t]+)?(?:Mc|Mac|O['’]|D['’]|De|Di|Du|La|Le)?\p{Lu}[\p{Ll}’']+(?:-\p{L}[\p{Ll}’']+)*-?){1,2}\b)"
);

/// A capitalised name: words that start with a capital, joined by spaces or tabs (never a line
/// break), "of (the)", "al-".
pub const NAME_PATTERN: &str =
    r"(?-i:\b[A-Z][\w’'.-]*[\w]|\b[A-Z])(?-i:(?:[ \t]+(?:of[ \t]+(?:the[ \t]+)?|al-|bin[ \t]+)?[A-Z][\w’'-]*[\w])*)";

/// An optional aside between a count and its verb, so that the verb still reads the count: "60
/// people, including two police officers, were killed". One clause of at most 60 characters,
/// closed by a comma, perhaps with a name in apposition ("Five people, including a car mechanic
/// from Kessel, Timur Osmanov, have been arrested").
const ASIDE_PATTERN: &str = r"(?:,\s+(?:including|among\s+them|most\s+of\s+them|many\s+of\s+them)\s+[^,.;\n]{1,60}(?:,\s+(?-i:[A-Z])[^,.;\n]{1,40})?,)?";

impl Grammar {
    pub fn new(lexicon: Lexicon) -> Self {
        let counts = CountGrammar::new(&lexicon);
        let dates = DateGrammar::new(&lexicon);
        let group_of = |words: &[&str]| {
            // `^`: a population may open a paragraph ("Women made up 98 of the dead").
            format!(r"(?:\s+|^)(?:of\s+(?:the\s+)?)?(?P<who>(?:[\w.’'-]+\s+){{0,2}}?{})\b", alternation(words))
        };
        let group = group_of(&lexicon.population_words());
        let subgroup = group_of(&lexicon.group_words());
        let who = format!("(?:{group})?");
        // "Foreign Minister Marta Kowalski", "Chief Fire Officer Renata Salgueiro", "Provincial
        // Police Chief Major General Tomas Varga": titles (two words may qualify each) before the
        // name, so the titles' words do not take the name's place among its two or three.
        let titles: Vec<&str> = lexicon.names.person_titles.iter().map(String::as_str).collect();
        let person = format!(r"(?-i:(?:(?:[A-Z][a-z]+[ \t]+){{0,2}}{}[ \t]+)*){PERSON_PATTERN}", alternation(&titles));
        let event = format!(r"\b{}\b", lexicon.events.alternation());
        let organisation = format!(r"\b{}\b", lexicon.organisations.alternation());
        let lengths = alternation(&lexicon.lengths.keys().map(String::as_str).collect::<Vec<_>>());
        let areas = alternation(&lexicon.areas.keys().map(String::as_str).collect::<Vec<_>>());
        let names = &lexicon.names;
        let not_in_person_names =
            [&names.organisation_words, &names.not_places, &names.facility_words, &names.person_titles]
                .into_iter()
                .flatten()
                .cloned()
                .collect();
        Grammar {
            lexicon,
            counts,
            dates,
            who,
            group,
            subgroup,
            person,
            event,
            organisation,
            name: NAME_PATTERN.to_string(),
            lengths,
            areas,
            not_in_person_names,
        }
    }

    pub fn builtin() -> Self {
        Grammar::new(Lexicon::builtin())
    }

    /// Compiles now, on every core, the scanners' patterns that would otherwise compile on first
    /// use, one after another, while the other threads of a check wait for them.
    pub fn prepare(&self) {
        rayon::join(|| self.dates.prepare(), || self.counts.prepare());
    }

    /// Expands the placeholders of one pattern, and says which copy of the prose it runs over:
    /// `{count}` and `{date}` become a token of [`View::Counts`] or [`View::Dates`] (see
    /// [`crate::extract::shadow`]). Errors name the unknown placeholder.
    pub fn expand(&self, pattern: &str, kind: ValueKind) -> Result<(String, View), String> {
        let mut out = String::new();
        let mut rest = pattern;
        let mut values = 0;
        let mut view = View::Prose;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let close = after.find('}');
            let word = close.map(|c| &after[..c]);
            let expansion = match word {
                Some("count") if kind == ValueKind::Count => {
                    view = View::Counts;
                    view.token_pattern()
                }
                Some("date") if kind == ValueKind::Date => {
                    view = View::Dates;
                    view.token_pattern()
                }
                Some("year") if matches!(kind, ValueKind::Date | ValueKind::Year) => Some(YEAR_PATTERN.to_string()),
                Some("measure" | "area") if kind == ValueKind::Measure => {
                    view = View::Counts;
                    view.token_pattern()
                }
                Some("person") if kind == ValueKind::Name => Some(self.person.clone()),
                Some("person") => Some(format!("(?P<subject>{})", self.person)),
                Some("who") => Some(self.who.clone()),
                Some("group") => Some(self.group.clone()),
                Some("subgroup") => Some(self.subgroup.clone()),
                Some("aside") => Some(ASIDE_PATTERN.to_string()),
                Some("event") => Some(self.event.clone()),
                Some("organisation") => Some(self.organisation.clone()),
                Some("name") => Some(format!("(?P<subject>{})", self.name)),
                Some(w @ ("count" | "date" | "year" | "measure" | "area")) => {
                    return Err(format!("placeholder {{{w}}} does not fit a rule of kind {kind:?}"));
                }
                Some(w) if w.chars().all(|c| c.is_ascii_lowercase() || c == '_') && !w.is_empty() => {
                    return Err(format!(
                        "unknown placeholder {{{w}}} (known: {{count}}, {{date}}, {{year}}, {{person}}, {{measure}}, {{area}}, {{who}}, {{group}}, {{subgroup}}, {{aside}}, {{name}}, {{event}}, {{organisation}})"
                    ));
                }
                // A regex repetition such as {2} or {0,3}: keep it.
                _ => None,
            };
            match expansion {
                Some(e) => {
                    rest = &after[close.unwrap_or(0) + 1..];
                    // The units a measure's count is read with: "3.2-meter", "4 metres", "14,200
                    // hectares".
                    let units = match word {
                        Some("measure") => Some(&self.lengths),
                        Some("area") => Some(&self.areas),
                        _ => None,
                    };
                    if matches!(word, Some("count" | "date" | "year"))
                        || units.is_some()
                        || (word == Some("person") && kind == ValueKind::Name)
                    {
                        values += 1;
                        if matches!(word, Some("count" | "date")) || units.is_some() {
                            // A token is a whole phrase without word boundaries of its own: a
                            // `\b` beside it, which the phrase would have had, is dropped.
                            if out.ends_with(r"\b") && !out.ends_with(r"\\b") {
                                out.truncate(out.len() - 2);
                            }
                            if rest.starts_with(r"\b") && !rest.starts_with(r"\b{") && units.is_none() {
                                rest = &rest[2..];
                            }
                        }
                        out.push_str(&format!("(?P<value>{e})"));
                        // The unit right after the count, after a space or a hyphen.
                        if let Some(units) = units {
                            out.push_str(&format!(r"(?P<unit>[\s-]*{units})\b"));
                        }
                    } else {
                        out.push_str(&e);
                    }
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        if values != 1 {
            return Err(format!(
                "a pattern needs exactly one value placeholder ({{count}}, {{date}}, {{year}}, {{person}}, {{measure}} or {{area}}); this one has {values}"
            ));
        }
        Ok((out, view))
    }
}

/// Parses and compiles one rule file.
pub fn parse_rule(origin: &str, text: &str, grammar: &Grammar) -> Result<Rule, RuleError> {
    let at = |offset: usize, message: String| {
        let (line, column) = line_column(text, offset);
        RuleError { path: origin.to_string(), line, column, message }
    };
    let file: RuleFile = toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        at(offset, e.message().trim().to_string())
    })?;
    if !file.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') || file.id.is_empty() {
        return Err(at(0, format!("rule id {:?} must be lower-case letters, digits and '-'", file.id)));
    }
    if file.patterns.is_empty() {
        return Err(at(0, "a rule needs at least one pattern".into()));
    }
    // A person's figure is read only with the name it belongs to: without `{person}` the rule
    // would load and never find anything.
    if file.subject == SubjectKind::Person
        && file.kind != ValueKind::Name
        && let Some(p) = file.patterns.iter().find(|p| !p.get_ref().contains("{person}"))
    {
        return Err(at(p.span().start, "a pattern of a rule about a person needs {person}: whose figure it is".into()));
    }
    let plausible = match &file.plausible {
        None => None,
        Some(p) => {
            let offset = p.span().start;
            let &[least, most] = p.get_ref().as_slice() else {
                return Err(at(offset, "plausible takes two figures, [least, most]".into()));
            };
            if !matches!(file.kind, ValueKind::Count | ValueKind::Measure) {
                return Err(at(offset, "only a rule of kind count or measure states figures to bound".into()));
            }
            if least > most || least.is_nan() || most.is_nan() {
                return Err(at(offset, format!("plausible = [{least}, {most}]: the least figure is above the most")));
            }
            Some([least, most])
        }
    };
    // Compiled in parallel (the first error in file order is the one reported).
    let patterns = file
        .patterns
        .par_iter()
        .map(|p| {
            let offset = p.span().start;
            let (expanded, view) = grammar.expand(p.get_ref(), file.kind).map_err(|m| at(offset, m))?;
            let regex = Twin::new(&expanded)
                .map_err(|e| at(offset, format!("invalid pattern: {}", first_line(&e.to_string()))))?;
            let value_is_match = regex.get(true).captures_len() == 2 && is_value_group(&expanded);
            let groups = READ_GROUPS.map(|name| regex.get(true).capture_names().position(|n| n == Some(name)));
            Ok(Pattern { regex, view, value_is_match, groups })
        })
        .collect::<Vec<_>>()
        .into_iter()
        .collect::<Result<Vec<Pattern>, RuleError>>()?;
    let sources = file.patterns.iter().map(|p| p.get_ref().clone()).collect();
    Ok(Rule {
        id: file.id,
        description: file.description.trim().to_string(),
        attribute: file.attribute,
        kind: file.kind,
        priority: file.priority,
        subject: file.subject,
        trend: file.trend.unwrap_or(if file.kind == ValueKind::Measure { Trend::Steady } else { Trend::Rising }),
        plausible,
        sources,
        patterns,
        examples: file.examples,
        counterexamples: file.counterexamples,
        origin: origin.to_string(),
    })
}

/// Whether a pattern is one group, `value`, around the whole of it.
fn is_value_group(pattern: &str) -> bool {
    use regex_syntax::ast::{Ast, GroupKind};
    let Ok(ast) = regex_syntax::ast::parse::Parser::new().parse(pattern) else { return false };
    matches!(&ast, Ast::Group(g) if matches!(&g.kind, GroupKind::CaptureName { name, .. } if name.name == "value"))
}

fn first_line(s: &str) -> String {
    s.lines().rfind(|l| !l.trim().is_empty()).unwrap_or(s).trim().to_string()
}

/// 1-based line and character column of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |i| i + 1)..].chars().count() + 1;
    (line, column)
}

/// The built-in rules, then the rule files of each extra folder (a rule with an existing id
/// replaces it). Rules are returned sorted by id; errors do not stop the other files.
pub fn load_rules(grammar: &Grammar, extra_dirs: &[&Path]) -> (RuleBook, Vec<RuleError>) {
    let mut rules: Vec<Rule> = Vec::new();
    let mut errors = Vec::new();
    let mut add = |result: Result<Rule, RuleError>, rules: &mut Vec<Rule>| match result {
        Ok(rule) => {
            rules.retain(|r| r.id != rule.id);
            rules.push(rule);
        }
        Err(e) => errors.push(e),
    };
    let builtin: Vec<_> =
        BUILTIN_RULES.par_iter().map(|(path, text)| parse_rule(&format!("built-in: {path}"), text, grammar)).collect();
    for result in builtin {
        add(result, &mut rules);
    }
    for dir in extra_dirs {
        let mut files: Vec<_> = match std::fs::read_dir(dir) {
            Ok(entries) => {
                entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "toml")).collect()
            }
            Err(e) => {
                let path = dir.display().to_string();
                add(
                    Err(RuleError { path, line: 1, column: 1, message: format!("cannot read the rule folder: {e}") }),
                    &mut rules,
                );
                continue;
            }
        };
        files.sort();
        for file in files {
            let path = file.display().to_string();
            let result = std::fs::read_to_string(&file)
                .map_err(|e| RuleError { path: path.clone(), line: 1, column: 1, message: format!("cannot read: {e}") })
                .and_then(|text| parse_rule(&path, &text, grammar));
            add(result, &mut rules);
        }
    }
    rules.sort_by(|a, b| a.id.cmp(&b.id));
    (RuleBook::new(rules), errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_all_parse() {
        let (rules, errors) = load_rules(&Grammar::builtin(), &[]);
        assert_eq!(errors, vec![]);
        assert_eq!(rules.len(), BUILTIN_RULES.len());
    }

    #[test]
    fn every_file_in_rules_is_embedded() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .map(|p| format!("rules/{}", p.file_name().unwrap().to_string_lossy()))
            .collect();
        on_disk.sort();
        let mut embedded: Vec<String> = BUILTIN_RULES.iter().map(|(p, _)| p.to_string()).collect();
        embedded.sort();
        assert_eq!(on_disk, embedded, "add new rule files to BUILTIN_RULES");
    }

    #[test]
    fn malformed_rule_files_point_at_the_line() {
        let g = Grammar::builtin();
        let e = parse_rule(
            "x.toml",
            "id = \"x\"\ndescription = \"d\"\nattribute = \"a\"\nkind = \"count\"\npatterns = [\"{cuont}\"]\n",
            &g,
        )
        .unwrap_err();
        assert_eq!((e.line, e.column), (5, 13));
        assert!(e.message.contains("unknown placeholder {cuont}"), "{}", e.message);
        assert!(e.message.contains("{aside}"), "the known placeholders are listed: {}", e.message);

        let e = parse_rule("x.toml", "id = \"x\"\nkind = \"count\"\npaterns = []\n", &g).unwrap_err();
        assert_eq!(e.line, 3, "{e}");
        assert!(e.message.contains("paterns"), "{}", e.message);

        let e = parse_rule(
            "x.toml",
            "id = \"x\"\ndescription = \"d\"\nattribute = \"a\"\nkind = \"count\"\npatterns = [\"({count}\"]\n",
            &g,
        )
        .unwrap_err();
        assert_eq!(e.line, 5);
        assert!(e.message.contains("invalid pattern"), "{}", e.message);

        let e = parse_rule("x.toml", "id = [", &g).unwrap_err();
        assert_eq!(e.line, 1);

        let bounded = |kind: &str, plausible: &str| {
            let text = format!(
                "id = \"x\"\ndescription = \"d\"\nattribute = \"a\"\nkind = \"{kind}\"\nplausible = {plausible}\npatterns = ['{{{kind}}}']\n"
            );
            parse_rule("x.toml", &text, &g)
        };
        assert_eq!(bounded("count", "[0, 125]").unwrap().plausible, Some([0.0, 125.0]));
        let e = bounded("count", "[125, 0]").unwrap_err();
        assert_eq!(e.line, 5, "{e}");
        assert!(e.message.contains("least figure is above the most"), "{}", e.message);
        let e = bounded("date", "[0, 125]").unwrap_err();
        assert_eq!(e.line, 5, "{e}");
        assert!(e.message.contains("kind count or measure"), "{}", e.message);
        assert_eq!(bounded("count", "[1, 2, 3]").unwrap_err().line, 5);
    }

    #[test]
    fn a_person_in_a_count_rule_names_whose_count_it_is() {
        use crate::extract::extract_facts;
        use crate::load::parse_document;
        let g = Grammar::builtin();
        let text = "id = \"x\"\ndescription = \"d\"\nattribute = \"a\"\nkind = \"count\"\nsubject = \"person\"\nplausible = [0, 125]\npatterns = ['{person},\\s+{count},']\n";
        let rule = parse_rule("x.toml", text, &g).unwrap();
        let book = RuleBook::new(vec![rule]);
        let read = |prose: &str| {
            let doc = parse_document("t.txt".into(), prose.into(), 0);
            extract_facts(&doc, &book, &g, &crate::thresholds::Thresholds::default())
                .into_iter()
                .map(|f| (prose[f.span].to_string(), f.named_subject))
                .collect::<Vec<_>>()
        };
        assert_eq!(read("Dr. Karl Brenner, 19, spoke."), [("19".to_string(), Some("Karl Brenner".to_string()))]);
        assert!(read("Karl Brenner, 2019, spoke.").is_empty(), "beyond the plausible figures");
        let nameless = text.replace("['{person},\\s+{count},']", "['{person},\\s+{count},', '{count}\\s+candles']");
        let e = parse_rule("r.toml", &nameless, &g).unwrap_err();
        assert_eq!((e.line, e.message.contains("{person}")), (7, true), "{e:?}");
        assert!(read("Brenner, 19, spoke.").is_empty(), "one word is no person's name");
        assert!(read("Karl Brenner, dozens, spoke.").is_empty(), "no stated figure");
    }

    #[test]
    fn only_a_lone_value_placeholder_is_its_whole_match() {
        let g = Grammar::builtin();
        let rule = |kind: &str, pattern: &str| {
            let text = format!(
                "id = \"x\"\ndescription = \"d\"\nattribute = \"a\"\nkind = \"{kind}\"\npatterns = ['{pattern}']\n"
            );
            parse_rule("x.toml", &text, &g).unwrap().patterns[0].value_is_match
        };
        assert!(rule("name", "{person}"));
        assert!(rule("year", "{year}"));
        assert!(!rule("name", "{person} said"));
        assert!(!rule("year", "in {year}"));
        assert!(!rule("count", "{count}{who}"));
    }

    #[test]
    fn an_aside_lets_the_verb_read_the_count_before_it() {
        use crate::extract::{extract_facts, reading};
        use crate::load::parse_document;
        use crate::thresholds::Thresholds;
        let g = Grammar::builtin();
        let (p, view) = g.expand("{count}{aside}", ValueKind::Count).unwrap();
        assert!(p.ends_with(ASIDE_PATTERN), "{p}");
        assert_eq!(view, View::Counts);
        let text = "At least 60 people, including two police officers, were killed in the assault.";
        let doc = parse_document("t.txt".into(), text.into(), 0);
        let read = |aside: &str| {
            let pattern = format!(r"(?i){{count}}{{who}}{aside}\s+(?:were|was)\s+killed\b");
            let rule = format!(
                "id = \"x\"\ndescription = \"d\"\nattribute = \"a\"\nkind = \"count\"\npatterns = ['{pattern}']\n"
            );
            let rules = RuleBook::new(vec![parse_rule("x.toml", &rule, &g).unwrap()]);
            let facts = extract_facts(&doc, &rules, &g, &Thresholds::default());
            facts.iter().map(|f| (text[f.span.clone()].to_string(), reading(&f.value))).collect::<Vec<_>>()
        };
        assert_eq!(read("{aside}"), vec![("At least 60".to_string(), "≥ 60".to_string())]);
        assert_eq!(read(""), vec![], "without the aside, the comma parts the count from its verb");
    }

    #[test]
    fn a_subgroup_is_a_part_of_everyone() {
        let g = Grammar::builtin();
        let matches = |placeholder: &str, text: &str| {
            let (p, _) = g.expand(&format!("(?i)^{{year}}{placeholder}$"), ValueKind::Year).unwrap();
            regex::Regex::new(&p).unwrap().is_match(text)
        };
        for text in ["2015 civilians", "2015 of the Afghan civilians", "2015 police officers"] {
            assert!(matches("{subgroup}", text) && matches("{group}", text), "{text}");
        }
        for text in ["2015 others", "2015 people", "2015 victims"] {
            assert!(!matches("{subgroup}", text) && matches("{group}", text), "{text}");
        }
    }

    #[test]
    fn regex_repetitions_are_not_placeholders() {
        let g = Grammar::builtin();
        let (p, view) = g.expand(r"killed(?:\s+\w+){0,2}\s+{count}", ValueKind::Count).unwrap();
        assert!(p.contains("{0,2}"));
        assert_eq!(view, View::Counts);
    }

    #[test]
    fn a_value_token_drops_the_word_boundaries_beside_it() {
        let g = Grammar::builtin();
        let (p, view) = g.expand(r"\bon\s+\b{date}\b,", ValueKind::Date).unwrap();
        assert_eq!(view, View::Dates);
        assert!(p.starts_with(r"\bon\s+(?P<value>") && p.ends_with("*),"), "{p}");
        let (p, view) = g.expand(r"\bin\s+{year}\b", ValueKind::Year).unwrap();
        assert_eq!((p.ends_with(r"\b"), view), (true, View::Prose), "a year is read from the prose");
    }
}
