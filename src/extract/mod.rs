//! Stage 2: read facts out of a document's prose with the rules, and the context alignment needs
//! (sentences, places, aliases, names). Pure: a document in, plain data out.

pub mod boundary;
pub mod calendar;
pub mod context;
pub mod date;
pub mod lexicon;
pub mod number;
pub mod ordinal;
pub mod shadow;

use crate::model::{Count, DateValue, Document, Fact, Qualifier, Value};
use crate::rules::{Grammar, Pattern, Rule, RuleBook, SubjectKind, Trend, ValueKind};
use crate::thresholds::Thresholds;
pub use context::Context;
use date::DateReading;
use lexicon::Lexicon;
use regex::Regex;
use shadow::{Shadow, View};
use std::ops::Range;
use std::sync::OnceLock;

/// What extraction finds in one document.
#[derive(Debug, Clone)]
pub struct Extraction {
    pub facts: Vec<Fact>,
    pub context: Context,
}

pub fn extract(doc: &Document, rules: &RuleBook, grammar: &Grammar, t: &Thresholds) -> Extraction {
    Extraction { facts: extract_facts(doc, rules, grammar, t), context: Context::of(doc, grammar) }
}

/// How a value reads in reports and labels: "≥ 143", "90–99 (nearly 100)", "2024-03-22 (Friday)".
pub fn reading(value: &Value) -> String {
    match value {
        Value::Count(c) => number::reading(c),
        Value::Date(d) => date::reading(d),
        Value::Name { name } => name.clone(),
    }
}

/// The copies of a document's prose that rule patterns run over, each made on first use.
pub struct Views<'a> {
    doc: &'a Document,
    grammar: &'a Grammar,
    t: &'a Thresholds,
    counts: OnceLock<Shadow<Count>>,
    dates: OnceLock<Shadow<DateValue>>,
    scope_phrases: OnceLock<Vec<usize>>,
}

impl<'a> Views<'a> {
    pub fn new(doc: &'a Document, grammar: &'a Grammar, t: &'a Thresholds) -> Self {
        Views { doc, grammar, t, counts: OnceLock::new(), dates: OnceLock::new(), scope_phrases: OnceLock::new() }
    }

    /// The copy of the prose a pattern of `view` runs over (scanned on first call).
    pub fn text(&self, view: View) -> &str {
        match view {
            View::Prose => &self.doc.prose,
            View::Counts => &self.counts().text,
            View::Dates => &self.dates().text,
        }
    }

    /// Where the lexicon's scope phrases start in the prose (found on first call).
    fn scope_phrases(&self) -> &[usize] {
        self.scope_phrases.get_or_init(|| self.grammar.lexicon.scope_phrase_starts(&self.doc.prose))
    }

    fn counts(&self) -> &Shadow<Count> {
        self.counts.get_or_init(|| {
            let found = self.grammar.counts.scan(&self.doc.prose, self.t);
            Shadow::new(&self.doc.prose, found, View::Counts)
        })
    }

    /// Dates that name a day, a month or a year; ranges, stretches and lengths of time are no
    /// `{date}`, nor is a holiday's name unless "on" it: "the Halloween crush" names an occasion
    /// (the crush was two days before), "the Christmas market attack" a place. Nor is a day
    /// counted "later": "a second blast happened two days later" counts from the story's last
    /// event, which the scanner cannot know, not from the publication day it resolves against.
    fn dates(&self) -> &Shadow<DateValue> {
        self.dates.get_or_init(|| {
            let prose = &self.doc.prose;
            let found = self.grammar.dates.scan(prose, self.doc.meta.published);
            let days = found.into_iter().filter_map(|(r, d)| match d {
                DateReading::Date(_)
                    if self.grammar.dates.is_holiday_name(&prose[r.clone()]) && !after_on(prose, r.start) =>
                {
                    None
                }
                DateReading::Date(_) if counts_from_an_event(&prose[r.clone()]) || vague_amount(&prose[r.clone()]) => {
                    None
                }
                DateReading::Date(v) => Some((r, v)),
                _ => None,
            });
            Shadow::new(&self.doc.prose, days.collect(), View::Dates)
        })
    }
}

/// Whether a date phrase counts from an event the text told before: "three days later", "a
/// fortnight later".
fn counts_from_an_event(phrase: &str) -> bool {
    phrase.rsplit(char::is_whitespace).next().is_some_and(|last| last.eq_ignore_ascii_case("later"))
}

/// Whether a date phrase counts a vague number of units: "a few weeks ago", "a couple of months
/// ago". The scanner reads "few" as three, as the peer suites do, but the day it gives is a
/// guess, and against a source that names the day it would be a conflict no one stated.
fn vague_amount(phrase: &str) -> bool {
    phrase.split_whitespace().any(|w| ["few", "couple", "several"].iter().any(|v| w.eq_ignore_ascii_case(v)))
}

/// Runs every rule over the prose. Where several rules read the same phrase, the one with the
/// highest priority keeps it (then the first by id); facts come out in text order.
pub fn extract_facts(doc: &Document, rules: &RuleBook, grammar: &Grammar, t: &Thresholds) -> Vec<Fact> {
    // Each with its priority and (rule, pattern) indices: the order of the search is not that
    // of the report.
    let mut found: Vec<(i32, (usize, usize), Fact)> = Vec::new();
    let views = Views::new(doc, grammar, t);
    let mut search = |(r, p): (usize, usize), para: Range<usize>, ascii_words: bool| {
        let (rule, pattern) = (&rules[r], &rules[r].patterns[p]);
        let text = &views.text(pattern.view)[para.clone()];
        let regex = pattern.regex.get(ascii_words);
        let mut read = |groups: Groups| {
            if let Some(fact) = read_match(doc, &views, grammar, rule, pattern, para.start, groups) {
                found.push((rule.priority, (r, p), fact));
            }
        };
        if pattern.value_is_match {
            regex.find_iter(text).for_each(|m| read(Groups::whole(m)));
        } else {
            regex.captures_iter(text).for_each(|caps| read(Groups::of(&caps, pattern)));
        }
    };
    let ascii_words = boundary::words_are_ascii(&doc.prose);
    for &pattern in rules.ungated() {
        search(pattern, 0..doc.prose.len(), ascii_words);
    }
    for gated in rules.gated_views() {
        // A view shadows the prose with ASCII marks: its words are the prose's.
        for (para, ascii_words, patterns) in gated.gate.paragraphs(views.text(gated.view), ascii_words) {
            for i in patterns {
                search(gated.members[i], para.clone(), ascii_words);
            }
        }
    }
    // Highest priority first, then a fact that names its group before one that does not. A
    // pattern's matches never overlap, so no two keys are equal; the facts themselves are large,
    // so their keys are sorted, not they.
    let mut order: Vec<_> = found
        .iter()
        .enumerate()
        .map(|(k, (priority, ia, fact))| {
            (fact.prose_span.start, std::cmp::Reverse(*priority), fact.population.is_none(), *ia, k)
        })
        .collect();
    order.sort_unstable();
    let mut found: Vec<Option<Fact>> = found.into_iter().map(|(_, _, fact)| Some(fact)).collect();
    // Facts come in order of start and none is empty, so a fact overlaps one already kept exactly
    // when it starts before the furthest end kept so far.
    let mut facts: Vec<Fact> = Vec::new();
    let mut kept_end = 0;
    for (start, .., k) in order {
        if start < kept_end {
            continue;
        }
        let fact = found[k].take().expect("each fact is taken once");
        kept_end = kept_end.max(fact.prose_span.end);
        facts.push(fact);
    }
    facts
}

/// The groups of a rule pattern's match that reading it looks at.
struct Groups<'t> {
    whole: Range<usize>,
    value: Option<Range<usize>>,
    who: Option<&'t str>,
    subject: Option<&'t str>,
    /// The unit after a `{measure}`'s count.
    unit: Option<Range<usize>>,
}

impl<'t> Groups<'t> {
    /// A match of a pattern that is its value alone.
    fn whole(m: regex::Match) -> Self {
        Groups { whole: m.range(), value: Some(m.range()), who: None, subject: None, unit: None }
    }

    /// A match of `pattern`, its groups found by the indices of [`Pattern::groups`].
    fn of(caps: &regex::Captures<'t>, pattern: &Pattern) -> Self {
        let [value, who, subject, unit] = pattern.groups.map(|i| i.and_then(|i| caps.get(i)));
        Groups {
            whole: caps.get(0).expect("a match has a whole").range(),
            value: value.map(|m| m.range()),
            who: who.map(|m| m.as_str()),
            subject: subject.map(|m| m.as_str()),
            unit: unit.map(|m| m.range()),
        }
    }
}

/// The fact one match of `rule`'s `pattern` reads, if it reads one; the groups' offsets are
/// relative to `base`.
fn read_match(
    doc: &Document,
    views: &Views,
    grammar: &Grammar,
    rule: &Rule,
    pattern: &Pattern,
    base: usize,
    groups: Groups,
) -> Option<Fact> {
    let m = groups.value?;
    let mut range = trim_range(&doc.prose, base + m.start..base + m.end);
    let whole = base + groups.whole.start..base + groups.whole.end;
    if range.is_empty()
        || !plausible_context(&doc.prose, range.clone(), whole.end, rule.kind)
        // "52 passengers, including the driver, Oleg Lenz, who was killed": the verb is his.
        || (rule.kind == ValueKind::Count && doc.prose[range.end.min(whole.end)..whole.end].contains(", who "))
        || (rule.kind == ValueKind::Date
            && ((reported_speech(&doc.prose[whole.start..range.start])
                && !first_case(
                    &doc.prose[whole.start..range.start],
                    &doc.prose,
                    &grammar.lexicon.events.outbreak_words,
                ))
                || anniversary(&doc.prose[..whole.start])
                || foretold(&doc.prose[..whole.start])
                || forecast(&doc.prose[whole.start..range.start])
                || toll_update(&doc.prose[..whole.start], &doc.prose[whole.start..range.start])
                || after_the_event(&doc.prose[whole.start..range.start])))
    {
        return None;
    }
    if rule.kind == ValueKind::Count && counts_animals(&doc.prose[range.end..], &grammar.lexicon.animals) {
        return None;
    }
    let mut text = &doc.prose[range.clone()];
    let value = match (pattern.view, rule.kind) {
        (View::Counts, ValueKind::Measure) => {
            let count = views.counts().at(&range)?;
            // The claim quotes the measure with its unit: "3.2-meter", "4 meters", "14,200 hectares".
            let unit = groups.unit.map(|u| trim_range(&doc.prose, base + u.start..base + u.end))?;
            let (size, label) = grammar.lexicon.measure_unit(doc.prose[unit.clone()].trim_start_matches('-'))?;
            let measured = number::measure(count, text, size, label, views.t)?;
            range.end = unit.end;
            text = &doc.prose[range.clone()];
            Some(Value::Count(measured))
        }
        (View::Counts, _) => views.counts().at(&range).cloned().map(Value::Count),
        (View::Dates, _) => views.dates().at(&range).cloned().map(Value::Date),
        // A count rule's value is always `{count}`, a length's `{measure}`.
        (View::Prose, ValueKind::Count | ValueKind::Measure) => None,
        (View::Prose, ValueKind::Date | ValueKind::Year) => {
            grammar.dates.read(text, doc.meta.published).map(Value::Date)
        }
        // The name first: most runs of capitals are no person's, and the headline test reads the
        // whole line. "(Desert Wire)" in a dateline is the outlet, not a person.
        (View::Prose, ValueKind::Name) => person_name(text, grammar)
            .filter(|_| !in_headline(&doc.prose, range.start))
            .filter(|name| doc.meta.outlet.as_deref() != Some(name.as_str()))
            .map(|name| Value::Name { name }),
    };
    let value = value?;
    // "will be sentenced on Monday, a year after a crash that killed 27": a day to come (after
    // the publication day, or a weekday without one) is no date of what happened.
    if let Value::Date(v) = &value
        && (v.unresolved.is_some()
            || doc.meta.published.is_some_and(|p| date::date_stretch(v).is_some_and(|(first, _)| first > p)))
        && date::in_future_clause(&doc.prose, &range)
    {
        return None;
    }
    // No toll, count of people or height is below zero: "(- 12 dead)" is a dash.
    if let Value::Count(c) = &value
        && c.stated.is_some_and(|n| n < 0.0)
    {
        return None;
    }
    if let (Some([least, most]), Value::Count(c)) = (rule.plausible, &value)
        && !c.stated.is_some_and(|n| (least..=most).contains(&n))
    {
        return None;
    }
    // "President Anna Morvik": the claim is the name; its title is no part of what it quotes.
    let range = match &value {
        Value::Name { name } => name
            .split(' ')
            .next()
            .and_then(|first| word_at(text, first))
            .map_or(range.clone(), |at| range.start + at..range.end),
        _ => range,
    };
    // "a third of the victims", "half": a share is not a count; "nine died in hospital, bringing
    // the toll to 139": an increment is not a total.
    if let (Value::Count(c), ValueKind::Count) = (&value, rule.kind) {
        let sentence = last_sentence(&doc.prose[..range.start]);
        if c.stated.is_some_and(|n| n < 1.0 && n.fract() != 0.0)
            || increment(&doc.prose, &range)
            || died_later(&doc.prose[range.end..])
            || more_of_the_same(&doc.prose, &views.counts().text, &range)
            || the_whole_of_a_part(&views.counts().text[..range.start], &doc.prose[range.end..])
            || ratio(views.counts(), c, &range, &grammar.lexicon)
            || projected(sentence, text)
            || superseded(sentence)
            || passed_over(sentence, &doc.prose[range.end..])
            || a_first_few(&doc.prose[..range.start])
            || compared_with(&doc.prose[..range.start])
        {
            return None;
        }
    }
    // "five people dead, including the gunman": some sources count the attacker, others do not.
    let value = match value {
        // Only a toll: "arrested three people, including the suspected gunman" counts him.
        Value::Count(c) if rule.attribute == "deaths" && c.qualifier == Qualifier::Exact => {
            match counts_the_attacker(&views.counts().text[range.end..]) {
                Some(words) => Value::Count(with_the_attacker(c, words)),
                None => Value::Count(c),
            }
        }
        value => value,
    };
    // A toll that "could rise" is still a toll (`projected` reads forecasts of one); a magnitude
    // or a width of what "could strike" is of nothing that happened.
    if rule.trend == Trend::Steady && hypothetical(&doc.prose[..whole.start], &doc.prose[whole.end..]) {
        return None;
    }
    // What a length measures ("alley") keeps apart the widths of different things; the event's
    // own ("the avalanche", "its path") are one.
    let population = match rule.kind {
        ValueKind::Measure => match groups.who.map(single_spaced_lowercase) {
            Some(word) if !names_a_thing(&word) => return None,
            Some(word) if grammar.lexicon.events.measures_the_event(&word) => None,
            word => word,
        },
        _ => groups
            .who
            .and_then(|w| grammar.lexicon.population_of(w))
            .or_else(|| nationals(&doc.prose[range.end..]).filter(|_| rule.kind == ValueKind::Count)),
    };
    // "Nationwide, 120 have died": a count of a wider scope than the event is no count of it.
    let population = match (rule.kind, scope_of(&doc.prose, range.clone(), &grammar.lexicon, views.scope_phrases())) {
        (ValueKind::Count, Some(scope)) => Some(match population {
            Some(p) => format!("{p}, {scope}"),
            None => scope.to_string(),
        }),
        _ => population,
    };
    // A count about a person ("Karl Brenner, 19") is about the name the sentence gives, or none;
    // and it counts years, whole ones ("Brent Crude, 82.5" is a price).
    let named_subject = match (rule.subject, rule.kind) {
        (SubjectKind::Person, kind) if kind != ValueKind::Name => {
            if let Value::Count(c) = &value
                && !c.stated.is_some_and(|n| n.fract() == 0.0)
            {
                return None;
            }
            // "a 19-year-old guest, Peter Brandauer, 63, and his wife": a name with an age of its
            // own after it is another person than an age before it.
            if range.end <= whole.end.saturating_sub(groups.subject?.len())
                && context::is_age_after(&doc.prose[whole.end..])
            {
                return None;
            }
            // "When Karl Brenner, 19,", "In May Karl Brenner, 19,": a word that opens the
            // sentence is no part of the name after it.
            let mut subject = groups.subject?;
            while let Some((first, rest)) = subject.split_once(' ')
                && rest.contains(' ')
                && grammar.not_in_person_names.contains(first)
                && !grammar.lexicon.names.given_names.contains(first)
            {
                subject = rest.trim_start();
            }
            Some(person_name(subject, grammar)?)
        }
        // "its plant in Drammen, opened in 2014": a bare name after a preposition of place, the
        // verb right after it, is where the organisation is. ("at The Blue Heron, which was
        // founded", "at Kolvar University, founded" are the organisations.)
        (SubjectKind::Organisation, _)
            if after_locative(&doc.prose[..whole.start])
                && groups.subject.is_some_and(|s| !names_a_body(s, grammar))
                && !has_word_of(&doc.prose[whole.clone()], &["which", "that"]) =>
        {
            return None;
        }
        _ => groups.subject.and_then(|s| clean_subject(s, grammar)),
    };
    let fact = Fact {
        doc: doc.index,
        span: doc.source_span(range.clone()),
        prose_span: range,
        match_span: whole,
        rule: rule.id.clone(),
        attribute: rule.attribute.clone(),
        population,
        value,
        named_subject,
    };
    Some(fact)
}

/// Whether the word a measure pattern took for the thing measured can be one: not a word that
/// joins ("a 4-metre-wide and 40-metre-long alley") nor a verb that ends a clause ("the alley
/// where the crush happened is 3.2 metres wide").
fn names_a_thing(word: &str) -> bool {
    const JOINING: &[&str] = &[
        "and", "but", "nor", "the", "with", "where", "which", "that", "who", "was", "were", "are", "its", "their",
        "this", "these", "those", "has", "had", "have", "been", "only", "just",
    ];
    !(JOINING.contains(&word) || (word.len() >= 7 && word.ends_with("ed")))
}

/// Whether a name has a word that makes it an organisation's or a site's: "Kolvar University",
/// "Westgate Mall".
fn names_a_body(name: &str, grammar: &Grammar) -> bool {
    let names = &grammar.lexicon.names;
    name.split_whitespace().any(|w| names.organisation_words.contains(w) || names.facility_words.contains(w))
}

/// The nationals a count counts, when the word after it names them: "At least 47 Pakistanis were
/// killed" counts Pakistanis, a part of the toll ("pakistanis"). A demonym before a noun ("nine
/// Egyptian men") is no nationals' count of its own.
fn nationals(after: &str) -> Option<String> {
    let word = after.strip_prefix(' ')?.split(|c: char| !c.is_alphabetic()).next()?;
    let singular = word.strip_suffix('s').unwrap_or(word);
    let national = word.starts_with(char::is_uppercase)
        && word.len() > 3
        && ((word.ends_with('s') && (context::is_demonym(singular) || singular.ends_with('i')))
            || word.ends_with("ese"));
    national.then(|| word.to_lowercase())
}

/// The wider scope ([`Lexicon::scope_in`]) a count's clause names, or the words that open its
/// sentence before it: "This week alone, 41 people have been killed across the region", "Since
/// the war began, more than 10,000 civilians have been killed". Not a count after "the" or "for":
/// "the 14 people killed", "flags flew for 14 people killed" are ones the text has counted.
/// `phrases` are where scope phrases start in the prose, in order.
fn scope_of<'l>(prose: &str, count: Range<usize>, lexicon: &'l Lexicon, phrases: &[usize]) -> Option<&'l str> {
    const BREAKS: &[u8] = b",.!?;:\n";
    // A phrase this far from the count is beyond its sentence: most counts have none so near.
    const NEAR: usize = 400;
    let next = phrases.partition_point(|&at| at < count.start);
    let near = |at: &usize| at.abs_diff(count.start) <= NEAR;
    if !(next > 0 && near(&phrases[next - 1]) || phrases.get(next).is_some_and(near)) {
        return None;
    }
    let sentence = sentence_start(&prose[..count.start]);
    let sentence_end = stop_after(prose, count.end, b".!?;\n").unwrap_or(prose.len());
    let first_after = phrases.partition_point(|&at| at < sentence);
    if phrases.get(first_after).is_none_or(|&at| at >= sentence_end)
        || last_word_is(&prose[..count.start], &["the", "for"])
    {
        return None;
    }
    let start = stop_before(prose, count.start, BREAKS).map_or(0, |i| i + 1).max(sentence);
    let end = stop_after(prose, count.end, BREAKS).unwrap_or(prose.len());
    // The words that open the sentence, where the count's clause comes right after them: "So far
    // this year, no attack was as deadly as Tuesday's, when gunmen killed 14" scopes no 14.
    let opening =
        stop_after(prose, sentence, BREAKS).filter(|&at| at + 1 == start).map_or("", |at| &prose[sentence..at]);
    lexicon.scope_in(&prose[start..end], count.start - start, opening, &prose[sentence..sentence_end])
}

/// Whether `before` ends with a preposition of place: "in", "at", "near", "outside".
fn after_locative(before: &str) -> bool {
    before.ends_with(char::is_whitespace) && last_word_is(before, &["in", "at", "near", "outside", "inside"])
}

/// Whether the word before `at` is "on".
fn after_on(prose: &str, at: usize) -> bool {
    last_word_is(&prose[..at], &["on"])
}

/// Whether the last word of `before` is one of `words`, in any case.
fn last_word_is(before: &str, words: &[&str]) -> bool {
    before.split_whitespace().next_back().is_some_and(|w| words.iter().any(|l| w.eq_ignore_ascii_case(l)))
}

fn trim_range(text: &str, r: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let s = &text[r.clone()];
    let start = r.start + (s.len() - s.trim_start().len());
    let end = r.end - (s.len() - s.trim_end().len());
    start..end.max(start)
}

/// A date reached through "said", "told", ... is when someone spoke, not when the event happened.
fn reported_speech(between: &str) -> bool {
    const VERBS: &[&str] = &[
        "said",
        "says",
        "told",
        "announced",
        "reported",
        "stated",
        "confirmed",
        "testified",
        "warned",
        "added",
        "according",
        "released",
        "published",
    ];
    has_word_of(between, VERBS)
}

/// "The laboratory confirmed the first case on July 29": an outbreak starts with its first case,
/// so the day it was confirmed or reported is the event's, not a statement's. Only in an article
/// about an outbreak (one of `outbreak_words`): elsewhere a first case is a court's, or one of
/// looting.
fn first_case(between: &str, prose: &str, outbreak_words: &std::collections::HashSet<String>) -> bool {
    static FIRST: OnceLock<Regex> = OnceLock::new();
    // The few words between first: the whole article only when they name a first case.
    FIRST
        .get_or_init(|| {
            Regex::new(r"(?i)\bfirst\s+(?:(?:suspected|confirmed|known)\s+)?(?:case|infection)\b").expect("first case")
        })
        .is_match(between)
        && prose.split(|c: char| !c.is_alphabetic()).any(|w| outbreak_words.contains(&w.to_lowercase()))
}

/// The last run of letters of `text`, after any white space: "killed 30 people in" → "in".
fn last_word(text: &str) -> &str {
    text.trim_end().rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("")
}

/// Whether any word of `text` (a run of letters) is one of `words` (lowercase ASCII), in any case.
fn has_word_of(text: &str, words: &[&str]) -> bool {
    text.split(|c: char| !c.is_alphabetic()).any(|w| words.iter().any(|v| w.eq_ignore_ascii_case(v)))
}

/// "The death toll from the stadium collapse rose to 41 on Monday": a date reached through the
/// toll's verb ("rose", "reached", "stood") is when the toll was updated, not when the event it
/// counts happened. ("The death toll in the attack on Friday rose to 41" keeps its Friday.)
fn toll_update(before: &str, between: &str) -> bool {
    const TOLLS: &[&str] = &["toll", "tally", "casualties", "count", "number"];
    const CHANGES: &[&str] = &[
        "rose",
        "risen",
        "rises",
        "climbed",
        "climbs",
        "increased",
        "jumped",
        "grew",
        "reached",
        "stood",
        "stands",
        "topped",
        "exceeded",
        "surpassed",
        "passed",
        "hit",
    ];
    has_word_of(last_sentence(before), TOLLS) && has_word_of(between, CHANGES)
}

/// "Families of those killed in the crash began burying their dead on Thursday", "two people died
/// of their injuries in hospital on Friday", "the victims were buried on Friday": the words
/// between the event and a date say the date is of what came after it, not of the event. Not
/// burials or mourning at the event ("opened fire on mourners burying a tribal elder", "miners
/// were buried by falling rock", "as crowds mourned a cleric"), nor a funeral alone ("a bomber
/// attacked a funeral on Friday").
fn after_the_event(between: &str) -> bool {
    static AFTER: OnceLock<Regex> = OnceLock::new();
    AFTER
        .get_or_init(|| {
            Regex::new(
                r"(?i)\b(?:(?:buried|burying|bury)\s+(?:their|the|its)\s+(?:dead|victims)|(?:funerals?|vigils?)\s+(?:were|was)\s+held|held\s+(?:a\s+|the\s+)?(?:funerals?|vigils?)\s+for|(?:died|dying)\s+(?:later\s+)?(?:(?:of|from)\s+(?:their|his|her)\s+(?:injuries|wounds)|in\s+(?:(?:the|a)\s+)?hospital)|succumbed\s+to\s+(?:their|his|her)\s+(?:injuries|wounds))\b|\b(?:were|was|been)\s+(?:buried|laid\s+to\s+rest)\s+(?:on\s+)?$",
            )
            .expect("words of what follows an event")
        })
        .is_match(between)
}

/// "warned of an imminent attack on March 7", "a foiled bombing on Friday", "a plot for an attack
/// on May 9": the event a match opens with was feared, planned or prevented, so its date is not
/// the date of one that happened. ("Despite warnings, the attack on Friday" happened.)
fn foretold(before: &str) -> bool {
    const NOT_HAPPENED: &[&str] = &[
        "imminent",
        "possible",
        "potential",
        "planned",
        "plotted",
        "foiled",
        "thwarted",
        "attempted",
        "threatened",
        "feared",
        "future",
    ];
    const FORETELLING: &[&str] =
        &["warned", "warning", "warnings", "threat", "threats", "plot", "plotting", "planning"];
    let sentence = last_sentence(before);
    let words: Vec<String> = sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(3)
        .map(str::to_lowercase)
        .collect();
    let word = |i: usize| words.get(i).map_or("", String::as_str);
    let after_article = usize::from(matches!(word(0), "a" | "an" | "the"));
    NOT_HAPPENED.contains(&word(0))
        || (matches!(word(after_article), "of" | "for") && FORETELLING.contains(&word(after_article + 1)))
}

/// Words that put what follows them in the future or the conditional: "will", "could",
/// "expected to". Read before an event verb ([`forecast`]) and before a steady figure
/// ([`hypothetical`]).
const FORETELLING_WORDS: &[&str] = &[
    "will",
    "would",
    "could",
    "may",
    "might",
    "shall",
    "expected to",
    "set to",
    "due to",
    "forecast to",
    "likely to",
    "about to",
    "going to",
];

/// "The storm is expected to hit the coast on Wednesday", "Delia will make landfall on Friday",
/// "the heatwave would break on Friday": the words between the event and its date foretell it (or
/// its end), so the date is a forecast's.
fn forecast(between: &str) -> bool {
    static FORECAST: OnceLock<Regex> = OnceLock::new();
    FORECAST
        .get_or_init(|| {
            let foretelling = FORETELLING_WORDS.iter().map(|w| w.replace(' ', r"\s+")).collect::<Vec<_>>().join("|");
            Regex::new(&format!(
                r"(?i)\b(?:{foretelling})\s+(?:\w+\s+)?(?:hit|strike|make\s+landfall|come\s+ashore|reach|occur|happen|take\s+place|begin|start|end|break|ease|subside|peak)\b"
            ))
            .expect("a forecast before a date")
        })
        .is_match(between)
}

/// "Scientists warned a magnitude 8 earthquake could strike", "if a 7.0 quake hit the city", "a
/// ferry capable of carrying 300 passengers", "expected to hit as a Category 4": the figure of
/// what may happen or what a thing can hold, not of what did. A modal right after the match, or
/// "if", a warning, a capacity or a forecast right before it.
fn hypothetical(before: &str, after: &str) -> bool {
    const CAPACITY: &[&str] = &["capable of", "designed for", "built for"];
    static MODAL: OnceLock<Regex> = OnceLock::new();
    let modal = MODAL.get_or_init(|| {
        // Lower case: "May 3" is a day.
        Regex::new(r"^\s+(?:[a-z]+ly\s+)?(?:could|would|might|may|can)\b").expect("a modal after a match")
    });
    let opener = last_sentence(before)
        .split(|c: char| !c.is_alphanumeric())
        .rev()
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .find(|w| !matches!(w.as_str(), "a" | "an" | "the"));
    let sentence = single_spaced_lowercase(last_sentence(before));
    let foreseen = |words: &&str| {
        sentence
            .strip_suffix(*words)
            .is_some_and(|rest| rest.is_empty() || rest.ends_with(|c: char| !c.is_alphanumeric()))
    };
    modal.is_match(after)
        || opener.is_some_and(|w| matches!(w.as_str(), "if" | "warned" | "feared" | "predicted"))
        || CAPACITY.iter().chain(FORETELLING_WORDS).any(foreseen)
}

/// "the 200th day of the tragedy on Tuesday", "the anniversary of the attack on Friday": the date
/// is of a commemoration, not of the event; nor is "firefighters work at the site of the fire in
/// Dhaka on Friday" (a caption's day) the fire's.
fn anniversary(before: &str) -> bool {
    // Only the words of the match's own sentence: in "It happened last week. The attack in
    // Moscow on Friday ..." the week is no day of the attack.
    let sentence = last_sentence(before);
    let tail: String = sentence.chars().rev().take(40).collect::<Vec<_>>().into_iter().rev().collect();
    let words: Vec<String> =
        tail.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    let n = words.len();
    let strip = |i: usize| words.get(i).map(String::as_str);
    // Skip "of the", "since the", "after the" to the word before.
    let mut i = n;
    while i > 0 && matches!(strip(i - 1), Some("the" | "a" | "an" | "of" | "since" | "after" | "for")) {
        i -= 1;
    }
    i < n
        && i > 0
        && matches!(
            strip(i - 1),
            Some(
                "anniversary"
                    | "day"
                    | "days"
                    | "week"
                    | "weeks"
                    | "month"
                    | "months"
                    | "year"
                    | "years"
                    | "memorial"
                    | "commemoration"
                    | "site"
                    | "scene"
                    | "aftermath"
                    | "wreckage"
                    | "ruins"
                    | "rubble"
            )
        )
}

/// The part of the last sentence that `before` ends in (see [`sentence_start`]).
fn last_sentence(before: &str) -> &str {
    &before[sentence_start(before)..]
}

/// Where the sentence that `before` ends in starts: after the last full stop, question or
/// exclamation mark, semicolon or line break (a cheap cut; an abbreviation's full stop cuts too).
fn sentence_start(before: &str) -> usize {
    stop_before(before, before.len(), b".!?;\n").map_or(0, |at| at + 1)
}

/// The last of the punctuation bytes `stops` in `text` before `at`, a decimal point ("a
/// 6.8-magnitude quake") being no full stop and a thousands comma ("9,000") no comma. The stops
/// are ASCII: every offset found is a character boundary.
pub(crate) fn stop_before(text: &str, at: usize, stops: &[u8]) -> Option<usize> {
    (0..at).rev().find(|&i| is_stop(text, i, stops))
}

/// The first of `stops` in `text` from `from` on, a decimal point or a thousands comma being none
/// (see [`stop_before`]).
pub(crate) fn stop_after(text: &str, from: usize, stops: &[u8]) -> Option<usize> {
    (from..text.len()).find(|&i| is_stop(text, i, stops))
}

fn is_stop(text: &str, at: usize, stops: &[u8]) -> bool {
    let bytes = text.as_bytes();
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    stops.contains(&bytes[at]) && !(matches!(bytes[at], b'.' | b',') && at > 0 && digit(at - 1) && digit(at + 1))
}

/// Whether the count at `r` adds to a toll that the same sentence then gives: "nine people died
/// in hospital, bringing the death toll to 139". Such an update would otherwise stand against the
/// total as a conflict. ("A further 82 people were injured" or "another 33 remain in serious
/// condition" are no increments: they count another group than the sentence before.)
fn increment(prose: &str, r: &Range<usize>) -> bool {
    static BRINGS: OnceLock<Regex> = OnceLock::new();
    let brings = BRINGS.get_or_init(|| {
        Regex::new(
            r"(?i)^[^.;\n]*?\b(?:bringing|raising|taking|pushing|lifting|putting)\s+the\s+(?:(?:overall|total|official|death|casualty|injury)\s+)?(?:toll|tally|number\s+of\s+(?:dead|deaths|injured|casualties|victims))\s+(?:up\s+)?to\b",
        )
        .expect("a toll brought up")
    });
    // The verb comes before the clause ends: a look for it there is cheaper than the regex over
    // the rest of the prose, which falls back from its DFA at the first non-ASCII letter.
    let after = &prose[r.end..];
    let clause = &after[..after.find(['.', ';', '\n']).unwrap_or(after.len())];
    let bytes = clause.as_bytes();
    let verb_ends_at = |end: usize| {
        ["bringing", "raising", "taking", "pushing", "lifting", "putting"]
            .iter()
            .any(|v| end >= v.len() && bytes[end - v.len()..end].eq_ignore_ascii_case(v.as_bytes()))
    };
    // Each verb ends in "g": only there is it worth a look.
    let has_verb = (0..bytes.len()).any(|i| bytes[i] | 0x20 == b'g' && verb_ends_at(i + 1));
    has_verb && brings.is_match(after)
}

/// Whether the words after a count say where or when after the event its people died: "four
/// people died in hospital", "two of the injured later succumbed to their wounds", "33 died at the
/// scene (and 10 in hospital)". Those are a part of the toll, not the toll. The words between are
/// the count's own ("people", "of the injured"): in "the toll rose to 57 after two people died in
/// hospital" the 57 is the toll.
fn died_later(after: &str) -> bool {
    static LATER: OnceLock<Regex> = OnceLock::new();
    let later = LATER.get_or_init(|| {
        Regex::new(
            r"(?i)^(?P<between>(?:\s+[a-z’'-]+){0,4}?)\s+(?:(?:have|has|had)\s+)?(?:(?:since|later|subsequently)\s+)?(?:died\s+(?:later\s+)?(?:in\s+(?:(?:the|a)\s+)?hospital|of\s+(?:their|his|her)\s+(?:injuries|wounds)|(?P<scene>at\s+the\s+scene|on\s+the\s+spot)|on\s+the\s+way\s+to\s+(?:(?:the|a)\s+)?hospital)|succumbed\s+to)\b",
        )
        .expect("a death after the event")
    });
    const OPENERS: &[&str] = &["after", "as", "when", "while", "and", "but", "before", "because", "since", "then"];
    let clause = &after[..after.find(['.', ';', ',', '\n']).unwrap_or(after.len())];
    // "33 died at the scene and 10 others in hospital", "33 died at the scene, and the toll later
    // rose to 288": a part; "Twelve people died at the scene when the bus plunged": the toll.
    let sentence = &after[..after.find(['.', ';', '\n']).unwrap_or(after.len())];
    let beside_a_whole = sentence.contains("hospital") || sentence.contains("toll");
    later
        .captures(clause)
        .is_some_and(|c| !has_word_of(&c["between"], OPENERS) && (c.name("scene").is_none() || beside_a_whole))
}

/// The words that say a count includes the attacker, when the words after it say so: "five
/// people dead, including the gunman", "six killed (including the bomber)". Not "including the
/// gunman's wife".
fn counts_the_attacker(counts_after: &str) -> Option<String> {
    static ATTACKER: OnceLock<Regex> = OnceLock::new();
    let attacker = ATTACKER.get_or_init(|| {
        // No other count between: in "five killed and seven wounded, including the gunman" the
        // gunman is among the seven.
        let mark = format!(r"\x{:02X}", View::Counts.mark().expect("the counts view has tokens"));
        Regex::new(&format!(
            r"(?i)^[^.;\n,({mark}]{{0,40}}[,(]\s*(?P<words>including\s+(?:the|a|an|one)\s+(?:(?:suspected|alleged|lone|teenage|\d+-year-old)\s+)?(?:gunman|shooter|attacker|assailant|bomber|suicide\s+bomber|suspect|perpetrator|hijacker|killer|assassin))(?:$|[^\w’'])",
        ))
        .expect("an attacker among the counted")
    });
    attacker.captures(counts_after).map(|c| single_spaced(&c["words"].to_lowercase()))
}

/// A count that includes the attacker: the number as written, or one fewer victims.
fn with_the_attacker(c: Count, words: String) -> Count {
    let n = c.min;
    Count { qualifier: Qualifier::Range, min: (n - 1.0).max(0.0), max: Some(n), word: Some(words), ..c }
}

/// Whether the count at `r` is "N more" with no other count before it in its sentence: "Two more
/// people died" adds to a toll told before. After a count of the same sentence, "more" names
/// another group: "six died and 40 more were injured"; but not after "when" or "after": "the toll
/// reached 16 when two more inmates died" is an increment still.
fn more_of_the_same(prose: &str, counts: &str, r: &Range<usize>) -> bool {
    static MORE: OnceLock<Regex> = OnceLock::new();
    let more = MORE.get_or_init(|| Regex::new(r"(?i)^\s+more\b").expect("more after a count"));
    let mark = View::Counts.mark().expect("the counts view has tokens") as char;
    let before = &prose[..r.start];
    more.is_match(&prose[r.end..])
        && (has_word_of(last_word(before), &["when", "after", "as"])
            || !counts[sentence_start(before)..r.start].contains(mark))
}

/// Whether a count is the whole another count takes a part of, and the verb after it the part's:
/// the 104 in "Nine of the 104 survivors were arrested" (the nine were). In "Three of the 12
/// people killed were children" the 12 are the toll.
fn the_whole_of_a_part(counts_before: &str, after: &str) -> bool {
    static PART_OF: OnceLock<(Regex, Regex)> = OnceLock::new();
    let (part_of, verb) = PART_OF.get_or_init(|| {
        let token = View::Counts.token_pattern().expect("the counts view has tokens");
        (
            Regex::new(&format!(r"(?i){token}\s+of\s+(?:the|these|those)\s+$")).expect("a part of a whole"),
            Regex::new(r"(?i)^\s+[a-z]+\s+(?:were|was|have|has|had)\b").expect("the part's verb"),
        )
    });
    if !verb.is_match(after) {
        return false;
    }
    // Only the last words can say so: no search through all the text before.
    let from = counts_before.ceil_char_boundary(counts_before.len().saturating_sub(48));
    part_of.is_match(&counts_before[from..])
}

/// Whether a count is what another figure is measured against: "double the 66 killed in the
/// previous attack", "more than the 40 who died in 2018". "The" marks a figure told elsewhere;
/// "more than 66" without it is a qualifier of this count.
fn compared_with(before: &str) -> bool {
    static BASELINE: OnceLock<Regex> = OnceLock::new();
    BASELINE
        .get_or_init(|| {
            Regex::new(r"(?i)\b(?:double|twice|triple|treble|three\s+times|half|compared\s+(?:with|to)|(?:more|fewer|less|higher|lower|greater)\s+than|as\s+many\s+as|exceeding|surpassing|topping)\s+the\s+$")
                .expect("a comparison before a count")
        })
        .is_match(before)
}

/// Whether the sentence before a count says it was an early figure that a later one replaced:
/// "the toll, initially put at 40, has climbed to 115" (the 40), "initial reports said 40 people
/// had died". The marker names a figure or a report: "the initial blast killed 40" is no early
/// figure. A turn after the marker ("but officials later said 115 were killed", "has climbed to
/// 115") gives the figure that stands.
fn superseded(before: &str) -> bool {
    static EARLY: OnceLock<(Regex, Regex)> = OnceLock::new();
    let (early, turn) = EARLY.get_or_init(|| {
        (
            Regex::new(
                r"(?i)\b(?:initial(?:ly)?|originally|first|earlier|previous(?:ly)?)\s+(?:put|reported|given|estimated|said|stated|announced|counted|reports?|figures?|counts?|tolls?|tally|estimates?)\b",
            )
            .expect("an early figure's marker"),
            Regex::new(r"(?i)\b(?:but|later|now|since|has|have|rose|risen|climbed|increased|revised|raised)\b")
                .expect("a turn to the later figure"),
        )
    });
    early.find_iter(before).last().is_some_and(|m| !turn.is_match(&before[m.end()..]))
}

/// Whether a count is a figure a relative clause says the toll passed: "the toll, which stood at 47
/// at the end of last week, rose to 49" (the 47).
fn passed_over(before: &str, after: &str) -> bool {
    static WHICH: OnceLock<(Regex, Regex)> = OnceLock::new();
    let (stood, rose) = WHICH.get_or_init(|| {
        (
            Regex::new(r"(?i),\s+which\s+(?:had\s+)?(?:stood|stands|was|had\s+been)\s+(?:at\s+)?$").expect("which stood at"),
            Regex::new(r"(?i)^[^,.;\n]*,\s+(?:has\s+|had\s+)?(?:climbed|rose|risen|increased|jumped|grew|grown|fell|dropped)\s+to\b")
                .expect("a change after the clause"),
        )
    });
    stood.is_match(before) && rose.is_match(after)
}

/// Whether a count is the first or last few of a toll: "the first three deaths came on
/// Saturday", "the last two victims died in hospital".
fn a_first_few(before: &str) -> bool {
    static FEW: OnceLock<Regex> = OnceLock::new();
    FEW.get_or_init(|| {
        Regex::new(r"(?i)\bthe\s+(?:first|last|latest|initial|earliest|final)\s+$").expect("the first few")
    })
    .is_match(before)
}

/// Whether the sentence before a count projects it rather than reports it: "the death toll could
/// rise to 200", "is expected to exceed 150" (where "exceed" opens the count itself). A forecast
/// is no figure a source gave for the toll. The verb must lead to the count: in "could further
/// rise as 37 of the injured were in serious condition" the 37 are reported.
fn projected(before: &str, count: &str) -> bool {
    const CHANGE: &str = r"(?:rise|climb|increase|grow|reach|exceed|top|surpass|pass|mount|soar|go\s+up)";
    static PROJECTION: OnceLock<(Regex, Regex)> = OnceLock::new();
    let (modal, change) = PROJECTION.get_or_init(|| {
        let modal = format!(
            r"(?i)\b(?:could|may|might|would|will|(?:expected|likely|feared|set)\s+to)\s+(?:[a-z]+\s+)??(?P<verb>{CHANGE}\s+(?:(?:to|above|beyond|past)\s+)?)?$"
        );
        (
            Regex::new(&modal).expect("a modal before a count"),
            Regex::new(&format!(r"(?i)^{CHANGE}\b")).expect("a verb of change"),
        )
    });
    modal.captures(before).is_some_and(|c| c.name("verb").is_some() || change.is_match(count))
}

/// Whether the count `first` at `r` is the first number of a ratio: "1 in 5 concertgoers", "one
/// in every four", "nine out of 10", "one in three of those killed". A share, like "a third of the
/// victims", is no toll. After a bare "in" the second number must count people ("of" them, or a
/// population word), and be the larger: "40 in two attacks", "3 in 4 hours" and "12 in 2023"
/// are tolls.
/// What "1 in 50" may count besides people: "killed 1 in 50 patients" (but "killed 41 in 2,300
/// cases" is a toll among the cases).
const RATIO_NOUNS: &[&str] = &["patients", "cases", "infections", "those"];

fn ratio(counts: &Shadow<Count>, first: &Count, r: &Range<usize>, lexicon: &Lexicon) -> bool {
    static LINK: OnceLock<Regex> = OnceLock::new();
    let link = LINK.get_or_init(|| {
        let token = View::Counts.token_pattern().expect("the counts view has tokens");
        Regex::new(&format!(r"(?i)^\s+(?:in|(?P<part>out\s+of(?:\s+every)?|in\s+every))\s+(?P<second>{token})\s*"))
            .expect("a ratio's link")
    });
    let Some(c) = link.captures(&counts.text[r.end..]) else { return false };
    let second = c.name("second").expect("a ratio has a second number");
    let Some(second) = counts.at(&(r.end + second.start()..r.end + second.end())) else { return false };
    let after = &counts.text[r.end + c.get(0).expect("a match").end()..];
    let of_people = || {
        let word = |w: &str| {
            after.get(..w.len()).is_some_and(|a| a.eq_ignore_ascii_case(w))
                && !after[w.len()..].starts_with(|ch: char| ch.is_alphanumeric())
        };
        word("of")
            || (first.stated == Some(1.0) && RATIO_NOUNS.iter().copied().any(word))
            || lexicon.population_words().into_iter().any(word)
    };
    matches!((first.stated, second.stated), (Some(a), Some(b)) if a < b) && (c.name("part").is_some() || of_people())
}

/// Rejects numbers that are parts of something else: times ("10:15"), money ("$5"), percentages,
/// ages ("24-year-old"), measurements ("3.2-meter-wide"), ordinal-like suffixes. An age is no
/// objection when the rule's own pattern reads it (`match_end`): the age rule reads
/// "24-year-old".
fn plausible_context(prose: &str, r: std::ops::Range<usize>, match_end: usize, kind: ValueKind) -> bool {
    if kind != ValueKind::Count {
        return true;
    }
    let before = prose[..r.start].chars().next_back();
    if matches!(before, Some(':' | '$' | '€' | '£' | '#' | '/' | '.')) || before.is_some_and(|c| c.is_ascii_digit())
    {
        return false;
    }
    // "the ferry disaster of 2014 killed 304": a year after a preposition of time is no count.
    let word_before = last_word(&prose[..r.start]);
    const TIME_PREPOSITIONS: &[&str] =
        &["of", "in", "since", "during", "until", "till", "by", "from", "before", "after"];
    if date::is_year_digits(&prose[r.clone()]) && has_word_of(word_before, TIME_PREPOSITIONS) {
        return false;
    }
    const SUFFIXES: &[&str] = &[
        "%",
        ":",
        " percent",
        " per cent",
        "-year",
        " years old",
        " a.m",
        " p.m",
        "-meter",
        "-metre",
        " meters",
        " metres",
        " km",
        "th ",
        "st ",
        "nd ",
        "rd ",
    ];
    // Only an age is read with its suffix, and only by a rule whose match takes it in: a rule's
    // loose word slot that swallows "percent" reads no percentage.
    const AGES: &[&str] = &["-year", " years old"];
    let after = &prose[r.end..];
    if after.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let after_lower: String = after.chars().take(16).collect::<String>().to_lowercase();
    match SUFFIXES.iter().find(|s| after_lower.starts_with(**s)) {
        Some(suffix) => AGES.contains(suffix) && match_end >= r.end + suffix.len(),
        // The next word, whole ("day-trippers" is no "day"), as written ("Acre residents").
        None => !after
            .strip_prefix(' ')
            .and_then(|rest| rest.split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ')')).next())
            .is_some_and(|unit| UNITS.contains(&unit)),
    }
}

/// "killed 30,000 chickens", "tens of thousands of poultry": the words after a count name animals,
/// which end its noun phrase ("14 fish farm workers", "12 cattle herders" are people).
fn counts_animals(after: &str, animals: &std::collections::HashSet<String>) -> bool {
    const ENDS_A_PHRASE: &[&str] = &[
        "were", "was", "are", "is", "have", "had", "died", "perished", "drowned", "and", "or", "in", "on", "at",
        "from", "of", "to", "that", "which", "as", "during", "after", "before", "with", "by", "across", "over",
    ];
    let mut words = after.split_whitespace().peekable();
    if words.peek().is_some_and(|w| w.eq_ignore_ascii_case("of")) {
        words.next();
    }
    let words: Vec<&str> = words.take(4).collect();
    let Some(first) = words.first().map(|w| w.trim_end_matches([',', '.', ';', ':'])) else { return false };
    // Most counts are of people: one look at the first word settles them, with no allocation.
    let opens_a_name = |animal: &String| animal.split(' ').next().is_some_and(|w| w.eq_ignore_ascii_case(first));
    if !animals.iter().any(opens_a_name) {
        return false;
    }
    let mut phrase = String::new();
    for (n, word) in words.iter().enumerate().take(3) {
        let bare = word.trim_end_matches([',', '.', ';', ':']);
        if n > 0 {
            phrase.push(' ');
        }
        phrase.push_str(&bare.to_lowercase());
        let next = words.get(n + 1).copied().unwrap_or("");
        // "230 cattle grazing on farms": a participle after the noun ends its phrase too.
        let participle = next.len() > 4 && (next.ends_with("ing") || next.ends_with("ed"));
        let ends = bare.len() < word.len()
            || next.is_empty()
            || participle
            || ENDS_A_PHRASE.iter().any(|w| next.eq_ignore_ascii_case(w));
        if ends && animals.contains(&phrase) {
            return true;
        }
    }
    false
}

/// Units of time, distance, speed, weight and area, plural or abbreviated: "killed about 40
/// minutes later" counts no one, "12 day labourers" are people. (Ages, "24-year-old" and "19 years
/// old", are read above.)
const UNITS: &[&str] = &[
    "seconds",
    "minutes",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "decades",
    "miles",
    "mph",
    "km/h",
    "kph",
    "kilometres",
    "kilometers",
    "km",
    "metres",
    "meters",
    "feet",
    "ft",
    "inches",
    "yards",
    "kg",
    "kilograms",
    "pounds",
    "lbs",
    "tons",
    "tonnes",
    "acres",
    "hectares",
];

/// A line in Title Case ("Biden Will Find Both Solidarity") capitalises every word, so its
/// capitalised pairs say nothing about names.
fn in_headline(prose: &str, at: usize) -> bool {
    let start = prose[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = prose[at..].find('\n').map_or(prose.len(), |i| at + i);
    let line = prose[start..end].trim();
    // Headlines do not end like sentences.
    if line.ends_with(['.', '!', '?', '"', '”', ':']) {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).collect();
    let capitalised = words.iter().filter(|w| w.starts_with(char::is_uppercase)).count();
    words.len() >= 4 && capitalised * 10 >= words.len() * 7
}

/// A person's name as compared: possessive and middle initials dropped; None when a word shows
/// it is an organisation, a place, a site or a date ("Islamic State", "Abbey Gate", "Friday").
fn person_name(text: &str, grammar: &Grammar) -> Option<String> {
    let names = &grammar.lexicon.names;
    let text = context::strip_possessive(text);
    // Most names have no curly apostrophe: no copy for them.
    let text: std::borrow::Cow<str> = if text.contains('’') { text.replace('’', "'").into() } else { text.into() };
    // "Eremin-" at a line break, "Artistic'" before a quote: not the whole name.
    if text.split_whitespace().any(|w| w.ends_with(['-', '\''])) {
        return None;
    }
    let mut words: Vec<&str> = text.split_whitespace().filter(|w| !(w.len() == 2 && w.ends_with('.'))).collect();
    // "President Anna Morvik" is Anna Morvik, and so are "Foreign Minister Anna Morvik" and
    // "Regional Fire Commander Anna Morvik": a title, up to two words before it, and two words left.
    let title = |w: &&str| names.person_titles.contains(*w);
    while let Some(last_title) = words.iter().take(3).rposition(title).filter(|i| words.len() > i + 2 || *i == 0) {
        words.drain(..=last_title);
    }
    // "Seoul's Itaewon" is a place; "South Korea" a country.
    if words.iter().any(|w| w.ends_with("'s")) || words.first().is_some_and(|w| names.compass_words.contains(*w)) {
        return None;
    }
    let last = words.len().saturating_sub(1);
    let no_name_word = |(i, w): (usize, &&str)| {
        grammar.not_in_person_names.contains(*w)
            && !(i == 0 && names.given_names.contains(*w))
            && !(i == last && names.surnames.contains(*w))
    };
    let landform = words.first().is_some_and(|w| names.landforms_first.contains(*w))
        || words.last().is_some_and(|w| names.landforms_last.contains(*w));
    (words.len() >= 2 && !landform && !words.iter().enumerate().any(no_name_word)).then(|| words.join(" "))
}

/// Where `word` first stands in `text` as a whole word (after the start or white space).
fn word_at(text: &str, word: &str) -> Option<usize> {
    text.match_indices(word)
        .map(|(at, _)| at)
        .find(|&at| text[..at].chars().next_back().is_none_or(char::is_whitespace))
}

/// The words of a phrase with one space between each: "at  least\n143" → "at least 143". One
/// allocation, where collecting the words and joining them took two.
pub(crate) fn single_spaced(phrase: &str) -> String {
    let mut out = String::with_capacity(phrase.len());
    for word in phrase.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A word with its first letter a capital: "march" → "March".
fn with_capital_first(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

/// [`single_spaced`], lowercased (in place where the phrase is ASCII, as nearly all are).
fn single_spaced_lowercase(phrase: &str) -> String {
    let mut out = single_spaced(phrase);
    if out.is_ascii() {
        out.make_ascii_lowercase();
        return out;
    }
    out.to_lowercase()
}

/// A subject named by a pattern, minus a leading article; None for words that are not names.
fn clean_subject(text: &str, grammar: &Grammar) -> Option<String> {
    let mut s = text.trim();
    for article in ["The ", "the ", "A ", "An "] {
        s = s.strip_prefix(article).unwrap_or(s);
    }
    let s = s.trim_end_matches(['’', '\'']).trim_end_matches("’s").trim_end_matches("'s");
    if s.is_empty() || grammar.lexicon.names.not_places.contains(s) {
        return None;
    }
    Some(s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse_document;
    use crate::model::Qualifier;
    use crate::rules::load_rules;

    fn facts(text: &str) -> Vec<(String, String, Option<String>)> {
        let grammar = Grammar::builtin();
        let (rules, _) = load_rules(&grammar, &[]);
        let doc = parse_document("t.txt".into(), text.into(), 0);
        extract_facts(&doc, &rules, &grammar, &Thresholds::default())
            .into_iter()
            .map(|f| (f.attribute, text[f.span].to_string(), f.population))
            .collect()
    }

    #[test]
    fn single_spacing_joins_the_words_and_lowercases_them() {
        for phrase in ["", " ", "at  least\n143", "\tLast\u{a0} WEEK ", "ΟΔΟΣ  Σ", "Straße"] {
            let joined = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(single_spaced(phrase), joined, "{phrase:?}");
            assert_eq!(single_spaced_lowercase(phrase), joined.to_lowercase(), "{phrase:?}");
        }
    }

    #[test]
    fn one_phrase_is_one_fact() {
        let f = facts("The attack killed at least 143 people and injured more than 100 others.");
        assert_eq!(
            f,
            vec![("deaths".into(), "at least 143".into(), None), ("injuries".into(), "more than 100".into(), None)]
        );
    }

    /// Prose patterns run paragraph by paragraph behind their gate, as token patterns do: a
    /// founding year is read in its paragraph, and never across a blank line from a heading.
    #[test]
    fn a_prose_fact_stays_in_its_paragraph() {
        let founded = |text: &str| facts(text).into_iter().filter(|f| f.0 == "founding year").count();
        assert_eq!(founded("Intro.\n\nThe Vostok Front was founded in 2015 by exiles."), 1);
        assert_eq!(founded("## Vostok Front\n\nwas founded in 2015, its leaders say."), 0);
    }

    #[test]
    fn an_increment_is_not_a_total() {
        assert_eq!(
            facts("Nine people died in hospital after the attack, bringing the death toll to 139."),
            vec![("deaths".into(), "139".into(), None)],
            "the toll, not the nine"
        );
        assert!(facts("Two more people died in hospital.").is_empty(), "two more than the toll told before");
        assert_eq!(
            facts("Six people died and 40 more were injured."),
            vec![("deaths".into(), "Six".into(), None), ("injuries".into(), "40".into(), None)],
            "after a count of its sentence, another group"
        );
        assert_eq!(
            facts("The attack killed 9 people, bringing the number of attacks this year to 30."),
            vec![("deaths".into(), "9".into(), None)],
            "a number of something else"
        );
    }

    #[test]
    fn only_a_steady_figure_of_what_may_happen_is_dropped() {
        assert_eq!(
            facts("A tornado killed 12 people May 3."),
            vec![("deaths".into(), "12".into(), None)],
            "May is a month"
        );
        assert_eq!(
            facts("Officials said the death toll of 56 could rise."),
            vec![("deaths".into(), "56".into(), None)],
            "a toll that could rise is a toll"
        );
        assert_eq!(facts("Scientists warned a magnitude 8 earthquake could strike."), vec![]);
    }

    #[test]
    fn times_percentages_and_measures_are_not_counts() {
        assert!(facts("At 10:15 p.m. 40 percent of the crowd was killed.").is_empty());
        assert_eq!(
            facts("A 3.2-meter-wide alley."),
            vec![("width".into(), "3.2-meter".into(), Some("alley".into()))],
            "a length, not a count"
        );
    }

    #[test]
    fn spans_point_into_the_original_bytes() {
        let text = "---\ntitle: x\n---\nThe group’s bombing — it killed 84 people.";
        let f = facts(text);
        assert_eq!(f, vec![("deaths".into(), "84".into(), None)]);
    }

    #[test]
    fn counts_keep_their_qualifier() {
        let grammar = Grammar::builtin();
        let (rules, _) = load_rules(&grammar, &[]);
        let doc = parse_document("t.txt".into(), "The blast killed nearly 100 people.".into(), 0);
        let f = extract_facts(&doc, &rules, &grammar, &Thresholds::default());
        assert!(matches!(&f[0].value, Value::Count(c) if c.qualifier == Qualifier::Nearly));
    }
}
