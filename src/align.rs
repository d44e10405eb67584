//! Stage 3: give each fact a topic — a subject (an event's place or an organisation) and an
//! attribute. Names are matched across documents by normalisation, the aliases the texts declare,
//! the containment they declare ("Kerman, Iran"), a user alias file, and fuzzy similarity.
//! A fact without a confident subject keeps `topic: None`: it is listed, never compared.

use crate::extract::{Extraction, lexicon::Lexicon};
use crate::model::{AlignedFact, Document, Fact, TopicKey, Value};
use crate::rules::{Rule, SubjectKind};
use crate::thresholds::Thresholds;
use std::collections::{BTreeMap, BTreeSet};

/// Subject names and the classes that say which names are one subject.
#[derive(Debug, Default)]
pub struct Names {
    index: BTreeMap<String, usize>,
    parent: Vec<usize>,
    /// How often each surface form was seen, per name id.
    surface: Vec<BTreeMap<String, usize>>,
}

impl Names {
    fn id(&mut self, surface: &str) -> usize {
        let key = normalise(surface);
        let next = self.parent.len();
        let id = *self.index.entry(key).or_insert(next);
        if id == next {
            self.parent.push(id);
            self.surface.push(BTreeMap::new());
        }
        *self.surface[id].entry(surface.to_string()).or_default() += 1;
        id
    }

    fn find(&self, mut id: usize) -> usize {
        while self.parent[id] != id {
            id = self.parent[id];
        }
        id
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            // The smaller id is the root, so the result does not depend on the order of unions.
            let (root, child) = if a < b { (a, b) } else { (b, a) };
            self.parent[child] = root;
        }
    }

    fn class_of(&self, surface: &str) -> Option<usize> {
        self.index.get(&normalise(surface)).map(|&id| self.find(id))
    }

    /// The display name of a class: its most frequent surface form (ties: the longest, then
    /// alphabetical), so that reports read "Moscow" rather than a rare variant.
    fn display(&self, class: usize) -> String {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for (id, forms) in self.surface.iter().enumerate() {
            if self.find(id) == class {
                for (form, n) in forms {
                    *counts.entry(form).or_default() += n;
                }
            }
        }
        counts
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(a.0.len().cmp(&b.0.len())).then(b.0.cmp(a.0)))
            .map(|(s, _)| s.to_string())
            .unwrap_or_default()
    }
}

/// Lower case, apostrophes dropped, other punctuation as spaces, a leading "the" dropped.
pub fn normalise(name: &str) -> String {
    let s: String = name
        .chars()
        .filter(|c| !matches!(c, '’' | '\''))
        .map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { ' ' })
        .collect();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    s.strip_prefix("the ").map(str::to_string).unwrap_or(s)
}

/// Token-wise similarity: the same number of words, each pair equal or similar enough (Jaro-Winkler
/// at the threshold and at most one edit in four letters), and a differing pair long enough to be
/// a spelling rather than another word ("ISIS" is not "ISIS-K", "Iran" is not "Iraq").
pub fn similar_names(a: &str, b: &str, threshold: f64) -> bool {
    let (ta, tb): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    ta.len() == tb.len()
        && ta.iter().zip(&tb).all(|(x, y)| {
            x == y
                || (x.chars().count() >= 5
                    && y.chars().count() >= 5
                    && x.chars().next() == y.chars().next()
                    && strsim::jaro_winkler(x, y) >= threshold
                    && strsim::levenshtein(x, y) <= (x.chars().count().min(y.chars().count()) / 4).max(1))
        })
}

pub fn align(
    docs: &[Document],
    extractions: &[Extraction],
    rules: &[Rule],
    lexicon: &Lexicon,
    user_aliases: &[(String, String)],
    t: &Thresholds,
) -> Vec<AlignedFact> {
    let mut names = Names::default();
    let mut place_names: BTreeSet<String> = BTreeSet::new();
    let mut facility: BTreeSet<usize> = BTreeSet::new();

    for ex in extractions {
        for p in ex.context.places.iter().filter(|p| p.locative) {
            let id = names.id(&p.name);
            place_names.insert(normalise(&p.name));
            if p.facility {
                facility.insert(id);
            }
        }
        for (name, _) in &ex.context.organisations {
            names.id(name);
        }
        for f in &ex.facts {
            if let Some(s) = &f.named_subject {
                names.id(s);
            }
        }
    }
    for (a, b) in extractions.iter().flat_map(|ex| ex.context.aliases.iter()).chain(user_aliases) {
        let (a, b) = (names.id(a), names.id(b));
        names.union(a, b);
    }
    // A site inside a place is reported under the place: "Crocus City Hall" in "Moscow".
    let containment: Vec<(String, String)> =
        extractions.iter().flat_map(|ex| ex.context.containment.iter().cloned()).collect();
    for (child, parent) in &containment {
        let (c, p) = (names.id(child), names.id(parent));
        if facility.contains(&c) {
            names.union(c, p);
        }
    }
    // "Kabul International Airport" lies in "Kabul" when "Kabul" is a place of its own.
    let keys: Vec<(String, usize)> = names.index.iter().map(|(k, &v)| (k.clone(), v)).collect();
    for (key, id) in &keys {
        if !facility.contains(id) {
            continue;
        }
        let words: Vec<&str> = key.split(' ').collect();
        for n in (1..words.len()).rev() {
            let prefix = words[..n].join(" ");
            if place_names.contains(&prefix) {
                let p = names.class_of(&prefix).unwrap();
                names.union(*id, p);
                break;
            }
        }
    }
    // A place that contains exactly one other place named in the corpus stands for it:
    // "bombings in Iran" are the bombings in Kerman when Kerman is the only place in Iran.
    let mut children: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for (child, parent) in &containment {
        let (c, p) = (names.class_of(child).unwrap(), names.class_of(parent).unwrap());
        if c != p {
            children.entry(p).or_default().insert(c);
        }
    }
    for (parent, kids) in &children {
        if kids.len() == 1 {
            names.union(*parent, *kids.iter().next().unwrap());
        }
    }
    // Fuzzy: spellings of one name ("Itaewon" / "Itaewon-dong" are not; "Soleimani" /
    // "Suleimani" are).
    let keys: Vec<(String, usize)> = names.index.iter().map(|(k, &v)| (k.clone(), v)).collect();
    for i in 0..keys.len() {
        for j in i + 1..keys.len() {
            if similar_names(&keys[i].0, &keys[j].0, t.name_similarity) {
                names.union(keys[i].1, keys[j].1);
            }
        }
    }

    // People are their own namespace: a person is never merged with a place or a group.
    let mut persons = Names::default();
    for f in extractions.iter().flat_map(|ex| &ex.facts) {
        if let Value::Name { name } = &f.value {
            persons.id(name);
        }
    }
    let keys: Vec<(String, usize)> = persons.index.iter().map(|(k, &v)| (k.clone(), v)).collect();
    for i in 0..keys.len() {
        for j in i + 1..keys.len() {
            if similar_names(&keys[i].0, &keys[j].0, t.name_similarity) {
                persons.union(keys[i].1, keys[j].1);
            }
        }
    }

    let rule_subject: BTreeMap<&str, SubjectKind> = rules.iter().map(|r| (r.id.as_str(), r.subject)).collect();
    let mut out = Vec::new();
    for (doc, ex) in docs.iter().zip(extractions) {
        let salience = Salience::of(doc, ex, &names, &place_names, lexicon);
        for fact in &ex.facts {
            let kind = rule_subject.get(fact.rule.as_str()).copied().unwrap_or_default();
            let (subject, why) = match kind {
                SubjectKind::Organisation => organisation_subject(fact, &salience, &names),
                SubjectKind::Event => event_subject(fact, ex, &salience, &names, &place_names),
                SubjectKind::Person => match &fact.value {
                    Value::Name { name } => (persons.class_of(name), "the person of that name".into()),
                    _ => (None, "not a name".into()),
                },
            };
            let attribute = match &fact.population {
                Some(p) => format!("{} ({p})", fact.attribute),
                None => fact.attribute.clone(),
            };
            let registry = if kind == SubjectKind::Person { &persons } else { &names };
            let topic = subject.map(|class| TopicKey { subject: registry.display(class), attribute });
            out.push(AlignedFact { fact: fact.clone(), topic, why });
        }
    }
    out
}

/// What a document is mostly about: its most mentioned place class and organisation class.
struct Salience {
    place: Option<usize>,
    organisation: Option<usize>,
    /// Publication year, else the latest year the text mentions.
    reference_year: Option<i32>,
}

impl Salience {
    fn of(doc: &Document, ex: &Extraction, names: &Names, place_names: &BTreeSet<String>, _lex: &Lexicon) -> Salience {
        let first_sentence = ex.context.sentences.first().cloned().unwrap_or(0..0);
        let weight = |at: usize| if first_sentence.contains(&at) { 2 } else { 1 };
        let mut places: BTreeMap<usize, (usize, std::cmp::Reverse<usize>)> = BTreeMap::new();
        for p in &ex.context.places {
            if !place_names.contains(&normalise(&p.name)) {
                continue;
            }
            if let Some(class) = names.class_of(&p.name) {
                let e = places.entry(class).or_insert((0, std::cmp::Reverse(p.span.start)));
                e.0 += weight(p.span.start);
            }
        }
        let mut orgs: BTreeMap<usize, (usize, std::cmp::Reverse<usize>)> = BTreeMap::new();
        for (name, span) in &ex.context.organisations {
            if span.is_empty() {
                continue;
            }
            if let Some(class) = names.class_of(name) {
                let e = orgs.entry(class).or_insert((0, std::cmp::Reverse(span.start)));
                e.0 += weight(span.start);
            }
        }
        let best = |m: BTreeMap<usize, (usize, std::cmp::Reverse<usize>)>| {
            m.into_iter().max_by_key(|(class, score)| (*score, std::cmp::Reverse(*class))).map(|(c, _)| c)
        };
        let reference_year =
            doc.meta.published.map(|p| p.year).or_else(|| ex.context.years.iter().map(|(y, _)| *y).max());
        Salience { place: best(places), organisation: best(orgs), reference_year }
    }
}

fn organisation_subject(fact: &Fact, salience: &Salience, names: &Names) -> (Option<usize>, String) {
    if let Some(s) = &fact.named_subject {
        return (names.class_of(s), format!("named in the sentence: {s}"));
    }
    match salience.organisation {
        Some(c) => (Some(c), "the organisation the article is about".into()),
        None => (None, "no organisation named in the sentence or the article".into()),
    }
}

fn event_subject(
    fact: &Fact,
    ex: &Extraction,
    salience: &Salience,
    names: &Names,
    place_names: &BTreeSet<String>,
) -> (Option<usize>, String) {
    let ctx = &ex.context;
    let Some(s) = ctx.sentence_of(fact.prose_span.start) else {
        return (None, "outside any sentence".into());
    };
    let sentence = ctx.sentences[s].clone();
    let is_place = |name: &str| place_names.contains(&normalise(name));
    let in_range = |r: &std::ops::Range<usize>, span: &std::ops::Range<usize>| r.start <= span.start && span.end <= r.end;
    // 1. A place the sentence names: the one nearest the claim.
    let nearest = ctx
        .places
        .iter()
        .filter(|p| in_range(&sentence, &p.span) && is_place(&p.name))
        .min_by_key(|p| distance(&p.span, &fact.prose_span));
    if let Some(p) = nearest {
        return (names.class_of(&p.name), format!("named in the sentence: {}", p.name));
    }
    // 2. A sentence about another year speaks of another event.
    let own_year = match &fact.value {
        Value::Date(d) => d.year,
        _ => None,
    };
    let other_year = ctx
        .years
        .iter()
        .filter(|(_, span)| in_range(&sentence, span))
        .map(|(y, _)| *y)
        .chain(own_year)
        .find(|y| salience.reference_year.is_some_and(|r| r != *y));
    if let Some(y) = other_year {
        return (None, format!("the sentence speaks of {y}, not of the article's time"));
    }
    // 3. "The bombing – which killed ..." follows the sentence that placed the bombing.
    let has_event = |r: &std::ops::Range<usize>| ctx.events.iter().any(|e| in_range(r, e));
    if has_event(&sentence) && s > 0 && ctx.paragraph[s - 1] == ctx.paragraph[s] {
        let previous = ctx.sentences[s - 1].clone();
        if let Some(last_event) = ctx.events.iter().filter(|e| in_range(&previous, e)).next_back() {
            let after = ctx.places.iter().find(|p| in_range(&previous, &p.span) && p.span.start >= last_event.end && is_place(&p.name));
            if let Some(p) = after {
                return (names.class_of(&p.name), format!("the event of the previous sentence: {}", p.name));
            }
        }
    }
    // 4. Otherwise the event the article is about.
    match salience.place {
        Some(c) => (Some(c), "the event the article is about".into()),
        None => (None, "no place named in the sentence or the article".into()),
    }
}

fn distance(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else if b.end <= a.start {
        a.start - b.end
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation() {
        assert_eq!(normalise("ISIS-K"), "isis k");
        assert_eq!(normalise("The Islamic State’s"), "islamic states");
        assert_eq!(normalise("Seoul’s"), "seouls");
    }

    #[test]
    fn similar_names_are_spellings_not_other_words() {
        assert!(similar_names("soleimani", "suleimani", 0.88));
        assert!(similar_names("qassem soleimani", "qassim suleimani", 0.88));
        assert!(!similar_names("isis k", "isis", 0.88));
        assert!(!similar_names("iran", "iraq", 0.88), "short words differ by meaning, not spelling");
        assert!(!similar_names("austria", "australia", 0.88));
    }
}
