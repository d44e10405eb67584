//! The context alignment reads around facts: sentence bounds, places (with the containment the
//! text declares: "Kerman, Iran", "Crocus City Hall in Moscow", "Seoul's Itaewon"), aliases
//! ("Islamic State Khorasan, or ISIS-K"), organisations, person names, and the years mentioned.

use crate::extract::boundary::{ascii_boundaries, words_are_ascii};
use crate::extract::date::one_or_number;
use crate::extract::lexicon::{NameWords, alternation};
use crate::extract::{stop_after, stop_before};
use crate::model::Document;
use crate::rules::{Grammar, NAME_PATTERN};
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Context {
    /// Sentence ranges in the prose, in order.
    pub sentences: Vec<Range<usize>>,
    /// Paragraph index of each sentence (sentences of one line or block share it).
    pub paragraph: Vec<usize>,
    pub places: Vec<PlaceMention>,
    /// (child, parent) place names: the child lies in the parent.
    pub containment: Vec<(String, String)>,
    /// Place names with an administrative suffix and their base: ("Itaewon-dong", "Itaewon").
    pub suffixed: Vec<(String, String)>,
    /// Names the text declares to be one: (name, alias).
    pub aliases: Vec<(String, String)>,
    /// Organisations' full names and the first words that stand for them later in the text:
    /// ("Nordvik Motors", "Nordvik"). Alignment merges the two unless the short word names a place.
    #[serde(default)]
    pub short_forms: Vec<(String, String)>,
    /// Organisation-like names (acronyms, names with "Council", "State", ...), first seen first.
    pub organisations: Vec<Mentions>,
    /// Every capitalised name, first seen first (for what an article is about).
    pub names: Vec<Mentions>,
    /// Places named in the article's title (from its metadata).
    pub title_places: Vec<String>,
    /// Event nouns and where they occur.
    pub events: Vec<Range<usize>>,
    /// Offsets where a clause starts inside a sentence ("; ", " – ", ", when ").
    pub clause_breaks: Vec<usize>,
    /// Clause breaks at ", when" right after a year ("since 1999, when …"), with that year.
    pub year_when_clauses: Vec<(usize, i32)>,
    /// The years the text names, in order: four-digit years, and "last year" or "two years ago"
    /// counted from the publication date.
    pub years: Vec<(i32, Range<usize>)>,
    /// Years that name the event noun after them, each with the span from the year to the noun:
    /// "the 2014 Sewol sinking", "last year’s attack".
    #[serde(default)]
    pub event_years: Vec<(i32, Range<usize>)>,
    /// Each event year's span stretched to the end of its stretch between commas: what "A 1987
    /// quarry collapse at Ewekoro killed 14" says of 1987, and "Four years after the 2020 flood,"
    /// does not of what follows the comma.
    #[serde(default)]
    pub event_year_reach: Vec<(i32, Range<usize>)>,
    /// Stretches of a sentence (between commas or clause breaks) that speak of an event other
    /// than the article's, each with the words that say so: "a similar attack", "another
    /// blast", "the group has killed".
    #[serde(default)]
    pub other_events: Vec<(Range<usize>, String)>,
    /// Asides that ", including" opens, to the next comma or the sentence's end: a part of what
    /// a sentence counted ("14 died, including a man swept away in Mareta" places the man, not
    /// the 14; "14 died, including three children, in Mareta" places the 14).
    #[serde(default)]
    pub inclusions: Vec<Range<usize>>,
    /// Stretches of a sentence dated to a year, with that year: from the last comma or clause
    /// break to "in" a four-digit year ("a magnitude 7.4 tremor killed 300 people in 1987"), and
    /// from a year that opens the sentence to its next clause break ("In 2017, cholera killed 74
    /// people in Nampula").
    #[serde(default)]
    pub dated_stretches: Vec<(i32, Range<usize>)>,
    /// Given names the text gives someone's relative, sorted: "her older sister Mira" (another
    /// person than a "Mara" of the same family).
    #[serde(default)]
    pub relatives: Vec<String>,
}

/// A name and how often a text mentions it. Alignment needs only the counts, and one entry per
/// mention (with its span) was most of the memory a context holds until alignment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mentions {
    pub name: String,
    pub count: usize,
    /// Mentions in the opening sentence, which says most about what an article covers.
    pub opening: usize,
}

/// Counts a mention of `name` in `list`, where `index` says where each name is.
fn tally(list: &mut Vec<Mentions>, index: &mut HashMap<String, usize>, name: &str, opening: bool) {
    let at = *index.entry(name.to_string()).or_insert_with(|| {
        list.push(Mentions { name: name.to_string(), count: 0, opening: 0 });
        list.len() - 1
    });
    list[at].count += 1;
    list[at].opening += usize::from(opening);
}

/// A place the text puts an event in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceMention {
    pub name: String,
    pub span: Range<usize>,
    /// True when found after a locative preposition ("in Moscow"); false when only seen before an
    /// event noun ("the Moscow attack"), which counts only if the name is a place elsewhere.
    pub locative: bool,
    /// A site inside a place (an airport, a hall), reported under the place that contains it.
    pub facility: bool,
    /// A named event standing where a place would ("Hurricane Delia"): the article's event
    /// before any place it names.
    #[serde(default)]
    pub named_event: bool,
    /// A hospital or a clinic the wounded were taken to or treated at ("were treated at Odrava
    /// General Hospital"): no place of the event (unlike "an oxygen tank exploded at Ibn Khatib
    /// Hospital").
    #[serde(default)]
    pub care: bool,
    /// What an event struck ("the avalanche that struck Hochmarn", "the bombing of the Dornitsa
    /// bus station"): a place unless the name is a person's elsewhere ("the avalanche buried
    /// Tomas Reiner, 41").
    #[serde(default)]
    pub struck: bool,
    /// After a comma that follows a place ("in Kerman, Iran"): a place that contains the one
    /// before, unless the name is a person's elsewhere ("a car mechanic from Kessel, Timur
    /// Osmanov, was charged").
    #[serde(default)]
    pub apposed: bool,
    /// The city of a dateline ("VELGRAD —"): where the reporter filed from, which is the event's
    /// place only where the lead names no other.
    #[serde(default)]
    pub dateline: bool,
}

/// Words that join phrases rather than qualify a noun.
const FUNCTION_WORDS: &[&str] =
    &["a", "an", "the", "at", "in", "on", "of", "near", "from", "to", "by", "for", "with", "and", "or"];

struct Patterns {
    locative: Regex,
    struck: Regex,
    attributive: Regex,
    district: Regex,
    district_of: Regex,
    continuation: Regex,
    dateline: Regex,
    apposition: Regex,
    alias_or: Regex,
    alias_known: Regex,
    alias_paren: Regex,
    name: Regex,
    year: Regex,
    years_back: Regex,
    other_event: Regex,
    named_event: Regex,
    relative: Regex,
}

/// The patterns for a text; `ascii_words` selects the ASCII-boundary twins (see
/// [`crate::extract::boundary`]).
fn patterns(grammar: &Grammar, ascii_words: bool) -> &'static Patterns {
    static UNICODE: OnceLock<Patterns> = OnceLock::new();
    static ASCII: OnceLock<Patterns> = OnceLock::new();
    let compile = move |pattern: &str| {
        if ascii_words { Regex::new(&ascii_boundaries(pattern)) } else { Regex::new(pattern) }
    };
    (if ascii_words { &ASCII } else { &UNICODE }).get_or_init(|| {
        let name = NAME_PATTERN;
        let event = grammar.lexicon.events.alternation();
        let organisation = grammar.lexicon.organisations.alternation();
        let adjectives = alternation(PLACE_ADJECTIVES);
        let titles: Vec<&str> = grammar.lexicon.events.titles.iter().map(String::as_str).collect();
        // With no titles, a class that matches nothing.
        let titles = if titles.is_empty() { "[^\\s\\S]".to_string() } else { alternation(&titles) };
        Patterns {
            locative: compile(&format!(
                r"\b(?i:in|near|at|outside|inside|into|on|from|across|through|throughout|(?:on|of)\s+the\s+outskirts\s+of|off(?:\s+the\s+(?:coast|shores?)\s+of)?)\s+(?:(?i:the)\s+)?(?:{adjectives}\s+)?(?P<name>{name})"
            ))
            .unwrap(),
            // "The avalanche that struck Hochmarn", "the bombing of the Dornitsa bus station": what
            // an event struck (see `PlaceMention::struck`).
            struck: compile(&format!(
                r"\b(?i:{event})\s+(?:(?:(?i:that|which)\s+)?(?i:struck|hit|rocked|devastated|ravaged|buried|flooded|battered|pounded|flattened)\s+(?:(?i:the)\s+)?|(?i:of\s+the)\s+)(?:{adjectives}\s+)?(?P<name>{name})"
            ))
            .unwrap(),
            attributive: compile(&format!(r"(?P<name>{name})\s+(?:[a-z-]+\s+){{0,2}}(?i:{event})\b")).unwrap(),
            district: compile(&format!(
                r"(?P<name>{name})\s+(?:[a-z-]+\s+){{0,2}}(?:district|area|neighbou?rhood|quarter|region|province|county|prefecture)\b"
            ))
            .unwrap(),
            // Apart from `district`, whose match may end where this one starts: "the Balasore
            // district of Odisha".
            district_of: compile(&format!(
                r"\b(?:town|city|village|hamlet|resort|suburb|township|municipality|commune|island|district|province|region|county|capital|port|state)\s+of\s+(?P<name>{name})"
            ))
            .unwrap(),
            // "KARSK, Veloria (Wire) --", "SEOUL, South Korea --", "SEOUL: The death toll ..."
            dateline: compile(&format!(
                r"(?m)^[ \t]*(?P<city>[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+)*)(?:,[ \t]+(?P<region>{name}))?[ \t]*(?:\([^)\n]*\)[ \t]*)?(?:--|—|–|:)"
            ))
            .unwrap(),
            continuation: compile(r"^(?:\s+(?:and|&|of|for|on)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)+").unwrap(),
            apposition: compile(&format!(
                r"^,\s+(?P<name>{name})(?:[,.;:)]|\s+(?:that|which|who|during|on|in|at|and|where|when|after|before|killing|to)\b|$)"
            ))
            .unwrap(),
            alias_or: compile(&format!(r"(?P<a>{name}),\s+or\s+(?:the\s+)?(?P<b>{name}),")).unwrap(),
            alias_known: compile(&format!(
                r"(?P<a>{name}),?\s+(?:\((?:also\s+)?known\s+as\s+\(?(?P<b>{name})\)?\)|(?:also\s+|better\s+|commonly\s+)?known\s+as\s+\(?(?:the\s+)?(?P<c>{name})\)?)"
            ))
            .unwrap(),
            alias_paren: compile(&format!(r"(?P<a>{name})\s+\((?P<b>[A-Z][A-Za-z-]*[A-Za-z])\)")).unwrap(),
            name: compile(name).unwrap(),
            year: compile(crate::extract::date::YEAR_PATTERN).unwrap(),
            // Not "the past year" (the last twelve months, which reach into this year).
            years_back: compile(
                r"(?i)\blast\s+year\b|\b(?P<n>[a-z]+(?:-[a-z]+)?|\d{1,3})\s+years?\s+ago\b",
            )
            .unwrap(),
            // "a similar attack", "in a separate incident", "Kardenia's last deadly heatwave":
            // not the article's event; "another
            // blast", "a second explosion": a part of it, whose toll is not the whole; "the group
            // (behind the attacks) has killed hundreds": a tally of many events ("Militants have
            // killed 30 people in Tarvik" opens a story: not "the" group).
            other_event: compile(&format!(
                r"(?i)\b(?:(?:a|an)\s+(?:similar|separate|previous|earlier|second|third|smaller|unrelated)|(?:the|its|their|[\w’']+[’']s)\s+(?:previous|last)|another)\s+(?:[a-z-]+\s+)?(?:{event})\b|\b(?:retaliation|revenge|reprisal)\s+for\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){{0,2}}?(?:{event})\b|\bthe\s+{organisation}(?:\s+(?:behind|responsible\s+for)(?:\s+[\w’'-]+){{1,3}}?)?\s+(?:has|have)\s+(?:\w+\s+)?killed\b"
            ))
            .unwrap(),
            named_event: compile(&format!(r"\b{titles}\s+(?P<name>\p{{Lu}}\p{{Ll}}+)\b")).unwrap(),
            relative: compile(
                r"\b(?i:(?:step|grand)?(?:sister|brother|daughter|son|mother|father)|wife|husband|cousin|twin|niece|nephew|aunt|uncle|fianc[eé]e?|widow|widower)s?,?\s+(?P<given>\p{Lu}\p{Ll}+)\b",
            )
            .unwrap(),
        }
    })
}

/// The named events of a text ("Hurricane Delia"), each with its span.
fn named_events<'t>(p: &Patterns, grammar: &Grammar, text: &'t str) -> Vec<(&'t str, Range<usize>)> {
    p.named_event
        .captures_iter(text)
        .filter(|c| !grammar.lexicon.events.not_titled.contains(&c["name"]))
        .filter_map(|c| c.get(0).map(|m| (m.as_str(), m.range())))
        .collect()
}

impl Context {
    pub fn of(doc: &Document, grammar: &Grammar) -> Context {
        let text = doc.prose.as_str();
        let ascii_words = words_are_ascii(text);
        let p = patterns(grammar, ascii_words);
        let mut ctx = Context::default();
        (ctx.sentences, ctx.paragraph) = sentences(text);

        // "the Yongsan tourist district", not "Staff at the district hospital".
        let districts = p
            .district
            .captures_iter(text)
            .filter(|caps| {
                let between = &text[caps.name("name").unwrap().end()..caps.get(0).unwrap().end()];
                !between.split_whitespace().any(|w| FUNCTION_WORDS.contains(&w))
            })
            .chain(p.district_of.captures_iter(text));
        for caps in p.locative.captures_iter(text).chain(districts) {
            let m = caps.name("name").unwrap();
            if within_a_place(&ctx.places, m.start()) {
                continue;
            }
            // "the Central Disaster and Safety Countermeasures Headquarters" is an office.
            let rest = &text[m.end()..];
            let continued = p.continuation.find(rest).map_or("", |c| c.as_str());
            let full = format!("{}{continued}", m.as_str());
            if full.split_whitespace().any(|w| grammar.lexicon.names.not_place_words.contains(w)) {
                continue;
            }
            add_place(&mut ctx, grammar, m.as_str(), m.start(), next_word(rest), true);
        }
        for caps in p.dateline.captures_iter(text) {
            let city = caps.name("city").unwrap();
            let before = ctx.places.len();
            add_place(&mut ctx, grammar, city.as_str(), city.start(), None, true);
            if let (Some(region), true) = (caps.name("region"), ctx.places.len() > before) {
                let child = ctx.places[before].name.clone();
                let at = ctx.places.len();
                add_place(&mut ctx, grammar, region.as_str(), region.start(), None, true);
                if ctx.places.len() > at {
                    let parent = ctx.places[at].name.clone();
                    ctx.containment.push((child, parent));
                }
            }
            ctx.places[before..].iter_mut().for_each(|place| place.dateline = true);
        }
        // "in Kerman, Iran, ...": the place after the comma contains the one before.
        let locatives: Vec<PlaceMention> = ctx.places.clone();
        for place in locatives {
            if let Some(caps) = p.apposition.captures(&text[place.span.end..]) {
                let m = caps.name("name").unwrap();
                let start = place.span.end + m.start();
                // "the medical officer in Nkara, Daniel Osei, 52, said": a person, by an age.
                if is_age_after(&text[start + m.len()..]) {
                    continue;
                }
                let before = ctx.places.len();
                add_place(&mut ctx, grammar, m.as_str(), start, None, true);
                ctx.places[before..].iter_mut().for_each(|place| place.apposed = true);
                // "from Sudan, Eritrea and Ethiopia": a list, not a place and its country.
                if ctx.places.len() > before && !goes_on_as_a_list(&text[start + m.len()..]) {
                    let parent = ctx.places[before].name.clone();
                    ctx.containment.push((place.name.clone(), parent));
                }
            }
        }
        for caps in p.struck.captures_iter(text) {
            let m = caps.name("name").unwrap();
            // "the bombing of the president's convoy": an owner, no place.
            let owner = text[m.end()..].starts_with(['\'', '’']);
            if !within_a_place(&ctx.places, m.start()) && !owner {
                let before = ctx.places.len();
                add_place(&mut ctx, grammar, m.as_str(), m.start(), None, false);
                ctx.places[before..].iter_mut().for_each(|place| place.struck = true);
            }
        }
        for caps in p.attributive.captures_iter(text) {
            let m = caps.name("name").unwrap();
            // "The Moscow attack" at the start of a sentence: the article is no part of the name.
            let name = strip_article(m.as_str());
            let start = m.end() - name.len();
            if !within_a_place(&ctx.places, start) {
                add_place(&mut ctx, grammar, name, start, None, false);
            }
        }
        for (name, span) in named_events(p, grammar, text) {
            match ctx.places.iter_mut().find(|pl| pl.span.start == span.start) {
                Some(place) => {
                    (place.name, place.span, place.locative, place.named_event) = (name.to_string(), span, true, true);
                }
                None => ctx.places.push(PlaceMention {
                    name: name.to_string(),
                    span,
                    locative: true,
                    facility: false,
                    named_event: true,
                    care: false,
                    struck: false,
                    apposed: false,
                    dateline: false,
                }),
            }
        }
        ctx.places.sort_by_key(|pl| pl.span.start);
        for place in ctx.places.iter_mut().filter(|pl| pl.care) {
            place.care = taken_to(&text[..place.span.start]);
        }
        let locatives: Vec<PlaceMention> = ctx.places.iter().filter(|pl| pl.locative).cloned().collect();
        ctx.containment.extend(chains(text, &locatives, &grammar.lexicon.names.generic_place_nouns));
        // A storm lies in no town it came ashore near, and no town lies in it: either would file
        // the town's own toll under the storm's.
        let storms: HashSet<&str> = ctx.places.iter().filter(|pl| pl.named_event).map(|pl| pl.name.as_str()).collect();
        ctx.containment.retain(|(child, parent)| !storms.contains(child.as_str()) && !storms.contains(parent.as_str()));
        if let Some(title) = &doc.meta.title {
            let p = patterns(grammar, words_are_ascii(title));
            let mut title_ctx = Context::default();
            for caps in p.locative.captures_iter(title) {
                let m = caps.name("name").unwrap();
                add_place(&mut title_ctx, grammar, m.as_str(), m.start(), next_word(&title[m.end()..]), true);
            }
            for caps in p.attributive.captures_iter(title) {
                let m = caps.name("name").unwrap();
                add_place(&mut title_ctx, grammar, m.as_str(), m.start(), None, false);
            }
            ctx.title_places = title_ctx.places.into_iter().map(|pl| pl.name).collect();
            ctx.title_places.extend(named_events(p, grammar, title).into_iter().map(|(name, _)| name.to_string()));
        }

        for caps in p.alias_or.captures_iter(text) {
            push_alias(&mut ctx, grammar, caps.name("a").unwrap().as_str(), caps.name("b").unwrap().as_str());
        }
        for caps in p.alias_known.captures_iter(text) {
            let b = caps.name("b").or(caps.name("c")).unwrap();
            push_alias(&mut ctx, grammar, caps.name("a").unwrap().as_str(), b.as_str());
        }
        for caps in p.alias_paren.captures_iter(text) {
            let (a, b) = (caps.name("a").unwrap().as_str(), caps.name("b").unwrap().as_str());
            if is_acronym_of(b, strip_article(a)) {
                push_alias(&mut ctx, grammar, a, b);
            }
        }
        let opening = ctx.sentences.first().cloned().unwrap_or(0..0);
        let (mut seen_organisations, mut seen_names) = (HashMap::new(), HashMap::new());
        // Names the text declares aliases of one another are organisations' names.
        for (a, b) in &ctx.aliases {
            for name in [a, b] {
                tally(&mut ctx.organisations, &mut seen_organisations, name, false);
            }
        }
        // A dateline's city and a kicker alone on its line ("ANALYSIS") are in capitals, and no
        // acronyms.
        let datelines: Vec<usize> = ctx.places.iter().filter(|p| p.dateline).map(|p| p.span.start).collect();
        for m in p.name.find_iter(text) {
            let name = strip_possessive(m.as_str());
            let in_opening = opening.contains(&m.start());
            if is_organisation(name, &grammar.lexicon.names)
                && !datelines.contains(&m.start())
                && !alone_on_its_line(text, m.range())
            {
                tally(&mut ctx.organisations, &mut seen_organisations, name, in_opening);
            }
            tally(&mut ctx.names, &mut seen_names, strip_article(name), in_opening);
        }
        ctx.relatives = p.relative.captures_iter(text).map(|c| c["given"].to_string()).collect();
        ctx.relatives.sort_unstable();
        ctx.relatives.dedup();
        ctx.short_forms = short_forms(&ctx.names, &ctx.organisations, &grammar.lexicon.names.organisation_words);
        let event_re = event_regex(grammar, ascii_words);
        ctx.events = event_re.find_iter(text).map(|m| m.range()).collect();
        ctx.clause_breaks = clause_breaks(text);
        ctx.inclusions = text
            .match_indices(", including ")
            .map(|(at, opener)| {
                let rest = &text[at + opener.len()..];
                let stop = |from: usize| {
                    let tail = &rest[from..];
                    tail.find([',', ';', '\n'])
                        .into_iter()
                        .chain(tail.find(". "))
                        .min()
                        .map_or(rest.len(), |e| from + e)
                };
                let mut end = stop(0);
                // "including children from Kessel, Durrav and Tarn, were": a name in apposition or a
                // list goes on to the next comma, as `{aside}` does.
                if rest[end..].starts_with(", ") && rest[end + 2..].starts_with(|c: char| c.is_uppercase()) {
                    let next = stop(end + 2);
                    if rest[next..].starts_with(',') && next - end <= 42 {
                        end = next;
                    }
                }
                at..at + opener.len() + end
            })
            .collect();
        ctx.year_when_clauses = year_when_clauses(text, &ctx.clause_breaks);
        ctx.years = p.year.find_iter(text).filter_map(|m| Some((m.as_str().parse().ok()?, m.range()))).collect();
        if let Some(published) = doc.meta.published {
            // "last year" is one year back; an amount that is no number ("many years ago") none.
            let back = |c: &regex::Captures| c.name("n").map_or(Some(1.0), |n| one_or_number(n.as_str()));
            ctx.years.extend(p.years_back.captures_iter(text).filter_map(|c| {
                let back = back(&c).filter(|n| n.fract() == 0.0)?;
                Some((published.year - back as i32, c.get(0)?.range()))
            }));
            ctx.years.sort_by_key(|(_, span)| span.start);
        }
        ctx.event_years = event_years(text, &ctx.years, &ctx.events);
        ctx.event_year_reach =
            ctx.event_years.iter().map(|(y, span)| (*y, event_year_reach(text, &ctx.clause_breaks, span))).collect();
        ctx.dated_stretches = ctx
            .years
            .iter()
            .filter(|(_, span)| after_in(&text[..span.start]))
            .map(|(y, span)| {
                let segment = segment_around(text, &ctx.clause_breaks, span.clone());
                (*y, clause_opened(text, segment.start..span.start))
            })
            .collect();
        // A year or less before publication is often the story's own (a trial a year after the
        // attack): only older years opening a sentence date it.
        let opened_by_years = opening_years(text, &ctx.sentences, &ctx.clause_breaks, &ctx.years);
        let published = doc.meta.published.map(|p| p.year);
        ctx.dated_stretches.extend(opened_by_years.into_iter().filter(|(y, _)| published.is_none_or(|p| p - y >= 2)));
        // "In retaliation for the attack, the army launched an airstrike that killed 30": what
        // opens the sentence is the cause; the airstrike is the story.
        let opens_its_sentence = |m: &regex::Match| {
            let cause = ["retaliation", "revenge", "reprisal"].iter().any(|w| m.as_str().starts_with(w));
            let before = text[..m.start()].trim_end();
            let before = before.strip_suffix("In").or(before.strip_suffix("As")).unwrap_or(before).trim_end();
            cause && (before.is_empty() || before.ends_with(['.', '!', '?', '\n']))
        };
        ctx.other_events = p
            .other_event
            .find_iter(text)
            .filter(|m| !opens_its_sentence(m))
            .map(|m| (segment_around(text, &ctx.clause_breaks, m.range()), crate::extract::single_spaced(m.as_str())))
            .collect();
        ctx
    }

    /// Index of the sentence that contains `offset`.
    pub fn sentence_of(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= offset);
        (i < self.sentences.len() && self.sentences[i].start <= offset).then_some(i)
    }
}

fn event_regex(grammar: &Grammar, ascii_words: bool) -> &'static Regex {
    static UNICODE: OnceLock<Regex> = OnceLock::new();
    static ASCII: OnceLock<Regex> = OnceLock::new();
    (if ascii_words { &ASCII } else { &UNICODE }).get_or_init(|| {
        let pattern = format!(r"(?i)\b{}\b", grammar.lexicon.events.alternation());
        Regex::new(&if ascii_words { ascii_boundaries(&pattern) } else { pattern }).unwrap()
    })
}

pub fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("’s").or_else(|| s.strip_suffix("'s")).or_else(|| s.strip_suffix('’')).unwrap_or(s)
}

/// The lower-case word right after a name ("theater" in "Crocus City Hall theater"), if any.
fn next_word(rest: &str) -> Option<&str> {
    let rest = rest.strip_prefix(' ')?;
    let word: &str = rest.split(|c: char| !c.is_alphabetic()).next()?;
    (!word.is_empty() && word.chars().all(char::is_lowercase)).then_some(word)
}

fn strip_article(s: &str) -> &str {
    s.strip_prefix("The ").unwrap_or(s)
}

fn push_alias(ctx: &mut Context, grammar: &Grammar, a: &str, b: &str) {
    let (a, b) = (strip_possessive(strip_article(a.trim())), strip_possessive(strip_article(b.trim())));
    let not = &grammar.lexicon.names.not_places;
    if a != b && !not.contains(a) && !not.contains(b) {
        ctx.aliases.push((a.to_string(), b.to_string()));
    }
}

/// "CFR" is an acronym of "Council on Foreign Relations": its letters are the initials (or
/// word starts) of the capitalised words, in order, with none left over.
fn is_acronym_of(acronym: &str, name: &str) -> bool {
    let letters: Vec<char> =
        acronym.chars().filter(char::is_ascii_alphabetic).map(|c| c.to_ascii_lowercase()).collect();
    let words: Vec<String> =
        name.split_whitespace().filter(|w| w.starts_with(char::is_uppercase)).map(str::to_lowercase).collect();
    fn fits(letters: &[char], words: &[String]) -> bool {
        match (letters.first(), words.first()) {
            (None, None) => true,
            (None, Some(_)) | (Some(_), None) => false,
            (Some(_), Some(w)) => {
                let w: Vec<char> = w.chars().collect();
                // This word gives the next 1..=k letters (a prefix of itself).
                (1..=w.len().min(letters.len())).any(|k| letters[..k] == w[..k] && fits(&letters[k..], &words[1..]))
            }
        }
    }
    letters.len() >= 2 && fits(&letters, &words)
}

/// "Nordvik Motors will cut 1,100 jobs ... Founded in 2008, Nordvik grew": after naming an
/// organisation in full, an article may go on by its first word. That word stands for it when the
/// full name came first and no other name in the article starts with the word. Two words are no
/// short form ("Islamic State" is not "Islamic State Khorasan"), nor is a word that names a kind
/// of body ("Police", "Bank").
fn short_forms(
    names: &[Mentions],
    organisations: &[Mentions],
    organisation_words: &HashSet<String>,
) -> Vec<(String, String)> {
    let first_word = |name: &str| name.split_once(' ').map(|(first, _)| first.to_string());
    names
        .iter()
        .enumerate()
        .filter(|(_, short)| !short.name.contains(' ') && short.name.chars().any(char::is_lowercase))
        .filter(|(_, short)| !organisation_words.contains(&short.name))
        .filter_map(|(at, short)| {
            let mut longer = names.iter().filter(|m| first_word(&m.name).as_deref() == Some(short.name.as_str()));
            let long = longer.next()?;
            let first_seen_before = names[..at].iter().any(|m| m.name == long.name);
            let an_organisation = organisations.iter().any(|o| strip_article(&o.name) == long.name);
            (longer.next().is_none() && first_seen_before && an_organisation)
                .then(|| (long.name.clone(), short.name.clone()))
        })
        .collect()
}

fn is_organisation(name: &str, words: &NameWords) -> bool {
    // Dotted abbreviations ("U.S.", "U.N.") are mostly countries and bodies named as places.
    let acronym = name.len() >= 2
        && !name.contains('.')
        && name.chars().filter(char::is_ascii_alphabetic).all(|c| c.is_ascii_uppercase())
        && name.chars().filter(char::is_ascii_alphabetic).count() >= 2;
    if !name.contains(' ') {
        return acronym || words.organisations_alone.contains(name);
    }
    name.split_whitespace().any(|w| words.organisation_words.contains(w))
}

/// Whether the words after a name go on with another name in a list: ", Ethiopia", " and
/// Ethiopia", " or Chad".
fn goes_on_as_a_list(after: &str) -> bool {
    let comma = after.strip_prefix(',').map(str::trim_start);
    let rest = comma.unwrap_or(after.trim_start());
    let joined = ["and ", "or "].iter().find_map(|w| rest.strip_prefix(w));
    (comma.is_some() || joined.is_some()) && joined.unwrap_or(rest).starts_with(|c: char| c.is_uppercase())
}

/// Whether `range` of `text` is all its line holds, but for spaces.
fn alone_on_its_line(text: &str, range: Range<usize>) -> bool {
    let start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[range.end..].find('\n').map_or(text.len(), |i| range.end + i);
    text[start..range.start].trim().is_empty() && text[range.end..end].trim().is_empty()
}

/// Whether a name is one of `not_places`, alone or before an apostrophe ("Christmas’ crowds").
fn names_no_place(name: &str, not_places: &HashSet<String>) -> bool {
    name.match_indices(['’', '\'']).map(|(at, _)| at).chain([name.len()]).any(|end| not_places.contains(&name[..end]))
}

/// Adds a place mention unless the name is a month, a weekday, a demonym used as an adjective
/// ("the Russian capital"), or otherwise not a place.
fn add_place(ctx: &mut Context, grammar: &Grammar, raw: &str, start: usize, after: Option<&str>, locative: bool) {
    let names = &grammar.lexicon.names;
    let whole = strip_possessive(raw.trim());
    if names_no_place(whole, &names.not_places) {
        return;
    }
    // "Seoul’s Itaewon": Itaewon lies in Seoul; but "St Anne's Hospital" is one site's name.
    let mut parts: Vec<&str> = split_possessive_chain(raw);
    if parts.last().is_some_and(|last| names.facility_words.contains(last.trim())) {
        parts = vec![raw];
    }
    let mut offset = start;
    let mut previous: Option<String> = None;
    for (i, part) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        let lead = part.len() - part.trim_start().len();
        let mut name = strip_possessive(part.trim());
        // "Itaewon Halloween stampede": the holiday is not part of the place.
        while let Some((head, last)) = name.rsplit_once(' ') {
            if names.not_places.contains(last) { name = head } else { break }
        }
        let span = offset + lead..offset + lead + name.len();
        offset += part.len();
        let first_word = name.split_whitespace().next().unwrap_or("");
        // "inside C block": a letter names no place.
        if name.chars().count() < 2
            || [name, first_word, first_word.trim_end_matches('.')].iter().any(|w| names.not_places.contains(*w))
            || (name.split_whitespace().count() == 1 && is_demonym(name))
            || (last && locative && after.is_some_and(|a| is_demonym(name) && !names.generic_place_nouns.contains(a)))
        {
            previous = None;
            continue;
        }
        let facility_word_after = last && after.is_some_and(|a| names.facility_words.contains(a));
        // "Crocus City Hall", "the Edelweiss hotel", "the Hotel Edelweiss".
        let words: Vec<&str> = name.split_whitespace().collect();
        let facility = facility_word_after
            || words.last().is_some_and(|w| names.facility_words.contains(*w))
            || (words.len() == 2 && names.facility_words.contains(words[0]));
        if let Some(parent) = previous.take() {
            ctx.containment.push((name.to_string(), parent));
        }
        // "Itaewon-dong", "Yongsan-gu": an administrative suffix on a place name is that place.
        if let Some((base, suffix)) = name.rsplit_once('-')
            && !base.contains(' ')
            && suffix.len() <= 4
            && suffix.chars().all(|c| c.is_ascii_lowercase())
        {
            ctx.suffixed.push((name.to_string(), base.to_string()));
        }
        let care = words.last().is_some_and(|w| names.care_words.contains(*w));
        ctx.places.push(PlaceMention {
            name: name.to_string(),
            span,
            locative,
            facility,
            named_event: false,
            care,
            struck: false,
            apposed: false,
            dateline: false,
        });
        previous = Some(name.to_string());
    }
}

fn split_possessive_chain(raw: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, _) in raw.match_indices(['’', '\'']) {
        let rest = &raw[i..];
        let apostrophe = rest.chars().next().unwrap().len_utf8();
        if rest[apostrophe..].starts_with("s ") {
            let end = i + apostrophe + 1;
            parts.push(&raw[start..end]);
            start = end;
        }
    }
    parts.push(&raw[start..]);
    parts
}

pub(crate) fn is_demonym(name: &str) -> bool {
    ["ian", "ean", "ese", "ish", "ani", "ean"].iter().any(|s| name.ends_with(s)) && !name.contains(' ')
        || matches!(
            name,
            "Afghan"
                | "American"
                | "Arab"
                | "Iraqi"
                | "Israeli"
                | "Kurdish"
                | "Thai"
                | "Swiss"
                | "Dutch"
                | "French"
                | "Greek"
        )
}

/// Words of direction or setting that may stand between a preposition and a place: "in eastern
/// Odisha", "in rural Kansas".
const PLACE_ADJECTIVES: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "central",
    "northeast",
    "north-east",
    "northwest",
    "north-west",
    "southeast",
    "south-east",
    "southwest",
    "south-west",
    "northern",
    "southern",
    "eastern",
    "western",
    "northeastern",
    "north-eastern",
    "northwestern",
    "north-western",
    "southeastern",
    "south-eastern",
    "southwestern",
    "south-western",
    "rural",
    "downtown",
    "neighboring",
    "neighbouring",
];

/// Nouns of a town: "the Texas town of Uvalde" is a town in Texas.
const SETTLEMENT_NOUNS: &[&str] = &["city", "town", "village", "port", "capital", "suburb", "hamlet", "township"];

/// How the words between two places join them.
enum Link {
    /// "Crocus City Hall in Moscow", "Kerman, Iran", "Balasore district in the eastern state of
    /// Odisha": the first lies in the second.
    Inside,
    /// "India's eastern state of Odisha", "Mexico's northern Sonora", "the Texas town of Uvalde":
    /// the second lies in the first.
    Owns,
}

/// The link the words between two places make, if any. Articles, place nouns ("district",
/// "state") and words of direction say nothing of which place holds which and are passed over.
fn link(gap: &str, place_nouns: &HashSet<String>) -> Option<Link> {
    if gap.trim() == "," {
        return Some(Link::Inside);
    }
    // After a comma, an apposition ("Crocus City Hall, a concert venue near Moscow", "Balasore,
    // in eastern Odisha"), not a clause ("In Lower Tesk, doctors at Kelvara").
    if let Some((_, after)) = gap.split_once(',')
        && !after.split_whitespace().next().is_some_and(|w| {
            w.starts_with(|c: char| c.is_ascii_digit())
                || matches!(
                    w,
                    "a" | "an"
                        | "the"
                        | "in"
                        | "near"
                        | "outside"
                        | "just"
                        | "about"
                        | "some"
                        | "located"
                        | "north"
                        | "south"
                        | "east"
                        | "west"
                )
        })
    {
        return None;
    }
    let words: Vec<&str> = gap.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).collect();
    let (owner, rest) = match words.split_first() {
        Some((&("'s" | "’s"), rest)) => (true, rest),
        _ => (false, &words[..]),
    };
    let lowercase = rest.iter().all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'));
    if !lowercase || rest.len() > 6 {
        return None;
    }
    let telling: Vec<&str> = rest
        .iter()
        .copied()
        .filter(|w| *w != "the" && !place_nouns.contains(*w) && !PLACE_ADJECTIVES.contains(w))
        .collect();
    if owner {
        return matches!(telling[..], [] | ["of"]).then_some(Link::Owns);
    }
    // "station in", "concert venue near": a few words that end in a preposition of place; else
    // one such preposition among place nouns and directions, or "in the (eastern) state of".
    // Not "from Lahore to the city of Karachi", nor "fired from Gaza at the state of Israel".
    let place_preposition = |w: &str| matches!(w, "in" | "at" | "near" | "outside" | "of");
    // "the Osun State city of Ilesemi", "the Texas town of Uvalde": a town of the first place.
    // (But "the Balasore district of Odisha": a district lies in what it is "of".)
    if let [.., settlement, "of"] = rest
        && SETTLEMENT_NOUNS.contains(settlement)
    {
        return (rest.len() <= 3).then_some(Link::Owns);
    }
    if rest.len() <= 3 && rest.last().is_some_and(|w| place_preposition(w)) {
        return Some(Link::Inside);
    }
    let noun_of = rest.windows(2).any(|w| place_nouns.contains(w[0]) && w[1] == "of");
    match telling[..] {
        [w] if place_preposition(w) => Some(Link::Inside),
        ["in", "of"] if noun_of => Some(Link::Inside),
        _ => None,
    }
}

/// Whether `at` falls inside a place already found (each span is read as one place, once).
fn within_a_place(places: &[PlaceMention], at: usize) -> bool {
    places.iter().any(|pl| pl.span.contains(&at))
}

/// Whether the words right before a hospital's name say the wounded were taken or treated (or
/// later died) there: "were treated at", "taken to the", "was admitted to", "died at", "doctors
/// at".
fn taken_to(before: &str) -> bool {
    const CARE_WORDS: &[&str] = &[
        "treated",
        "taken",
        "admitted",
        "rushed",
        "transferred",
        "flown",
        "airlifted",
        "brought",
        "hospitalised",
        "hospitalized",
        "recovering",
        "evacuated",
        "died",
        // "doctors at Kelvara District Hospital treated 80": where the wounded are cared for.
        "doctors",
        "nurses",
        "surgeons",
        "medics",
    ];
    super::has_word_of(&before[before.floor_char_boundary(before.len().saturating_sub(40))..], CARE_WORDS)
}

/// Whether `rest` opens with an age after a name: ", 52," or ", 52 said" (not ", 1,200").
pub(crate) fn is_age_after(rest: &str) -> bool {
    let Some(rest) = rest.strip_prefix(',') else { return false };
    let rest = rest.trim_start();
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let after = &rest[digits..];
    (1..=3).contains(&digits)
        && !after.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '.')
        && !after.strip_prefix(',').is_some_and(|a| a.starts_with(|c: char| c.is_ascii_digit()))
}

/// Containment declared by consecutive places: "Crocus City Hall in Moscow", "Kerman, Iran",
/// "Abbey Gate at Hamid Karzai International Airport in Kabul", "India's eastern state of Odisha".
fn chains(text: &str, places: &[PlaceMention], place_nouns: &HashSet<String>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let gap =
        |a: &PlaceMention, b: &PlaceMention| (a.span.end <= b.span.start).then(|| &text[a.span.end..b.span.start]);
    for (i, pair) in places.windows(2).enumerate() {
        let (a, b) = (&pair[0], &pair[1]);
        let Some(between) = gap(a, b).filter(|_| a.name != b.name) else { continue };
        match link(between, place_nouns) {
            // "In Lower Tesk, doctors at Kelvara District Hospital": no town lies in a site.
            Some(Link::Inside) if b.facility && !a.facility => {}
            Some(Link::Inside) if between.trim() == "," && goes_on_as_a_list(&text[b.span.end..]) => {}
            Some(Link::Inside) => {
                // "Hermosillo in Mexico's Sonora state": the town lies in the state, not the country.
                let owned = places.get(i + 2).filter(|c| {
                    gap(b, c).is_some_and(|g| matches!(link(g, place_nouns), Some(Link::Owns))) && c.name != a.name
                });
                out.push((a.name.clone(), owned.unwrap_or(b).name.clone()));
            }
            Some(Link::Owns) => out.push((b.name.clone(), a.name.clone())),
            None => {}
        }
    }
    out
}

/// The breaks among `breaks` that open a ", when" clause right after a four-digit year: what the
/// aligner needs of the words around a break, kept so the prose can be dropped after extraction.
fn year_when_clauses(text: &str, breaks: &[usize]) -> Vec<(usize, i32)> {
    breaks
        .iter()
        .filter(|&&at| text[at..].starts_with(", when"))
        .filter_map(|&at| {
            // Four digits right before the comma, no part of a longer number ("about 5,000, when").
            let before = &text.as_bytes()[..at];
            let digits = before.iter().rev().take_while(|b| b.is_ascii_digit()).count();
            let joined = before.len() > digits && matches!(before[before.len() - digits - 1], b',' | b'.');
            let year: i32 = text[at - digits..at].parse().ok().filter(|_| digits == 4 && !joined)?;
            Some((at, year))
        })
        .collect()
}

/// How far what an event of another year did may reach past it: to the end of its stretch
/// between commas, and no further than a verb's length away or than a word that joins another
/// clause. "A 1987 quarry collapse at Ewekoro (that) killed 14" reaches the 14; "the plant wrecked by
/// the 2011 tsunami and killed three workers" does not reach the three.
fn event_year_reach(text: &str, clause_breaks: &[usize], span: &Range<usize>) -> Range<usize> {
    const REACH: usize = 40;
    let segment_end = segment_around(text, clause_breaks, span.clone()).end;
    let end = text.floor_char_boundary(segment_end.min(span.end + REACH));
    let joined = [" and ", " by ", " after "].iter().filter_map(|w| text[span.end..end].find(w)).min();
    span.start..joined.map_or(end, |at| span.end + at)
}

/// How far an event noun may follow the year that names it ("the 2014 Sewol ferry sinking").
const YEAR_EVENT_GAP: usize = 30;

/// The years that name an event noun right after them (see [`Context::event_years`]): only
/// words between them, none of which joins or opens another phrase, so not "in September 2022
/// and dual suicide bombings", "in August 2021. The Kabul airport bombing" or "since 2014 the
/// attacks".
fn event_years(text: &str, years: &[(i32, Range<usize>)], events: &[Range<usize>]) -> Vec<(i32, Range<usize>)> {
    const OPENERS: &[&str] = &[
        "and", "or", "but", "in", "on", "at", "of", "to", "with", "by", "for", "from", "after", "before", "since",
        "when", "where", "which", "that", "while", "as", "the", "a", "an", "its", "their", "his", "her", "was", "were",
        "is", "are", "had", "has", "have",
    ];
    let names_it = |between: &str| {
        between.chars().all(|c| c.is_alphabetic() || c.is_whitespace() || matches!(c, '-' | '’' | '\''))
            && between.split_whitespace().all(|w| !OPENERS.iter().any(|o| w.eq_ignore_ascii_case(o)))
    };
    years
        .iter()
        .filter_map(|(y, year)| {
            let event = events.iter().find(|e| year.end <= e.start && e.start - year.end <= YEAR_EVENT_GAP)?;
            names_it(&text[year.end..event.start]).then_some((*y, year.start..event.end))
        })
        .collect()
}

fn clause_breaks(text: &str) -> Vec<usize> {
    const MARKERS: &[&str] = &["; ", " – ", " — ", " -- ", ", when ", ", while ", ", whereas ", ", as ", ", since "];
    let mut out: Vec<usize> = MARKERS.iter().flat_map(|m| text.match_indices(m).map(|(i, _)| i)).collect();
    out.sort_unstable();
    out
}

impl Context {
    /// The year a ", when" clause starting at `offset` follows ("since 1999, when …").
    pub fn year_before_when(&self, offset: usize) -> Option<i32> {
        self.year_when_clauses.iter().find(|(at, _)| *at == offset).map(|(_, year)| *year)
    }

    /// The clause of a sentence that contains `offset`.
    pub fn clause_of(&self, sentence: &Range<usize>, offset: usize) -> Range<usize> {
        let inside = |b: &&usize| sentence.start < **b && **b < sentence.end;
        let start =
            self.clause_breaks.iter().filter(inside).rfind(|b| **b <= offset).copied().unwrap_or(sentence.start);
        let end = self.clause_breaks.iter().filter(inside).find(|b| **b > offset).copied().unwrap_or(sentence.end);
        start..end
    }
}

/// The part of `stretch` after the last word that opens a clause in it: in "the strongest quake
/// in Marlow since a tremor killed 300 people in", what follows "since"; in "killed 14 fans at a
/// stadium that opened in", only "opened in".
fn clause_opened(text: &str, stretch: Range<usize>) -> Range<usize> {
    const OPENERS: &[&str] = &["that", "which", "who", "where", "when", "since", "after", "before", "while"];
    let part = &text[stretch.clone()];
    let mut start = stretch.start;
    let mut at = 0;
    for word in part.split(|c: char| !c.is_alphanumeric()) {
        if OPENERS.iter().any(|o| word.eq_ignore_ascii_case(o)) {
            start = stretch.start + at + word.len();
        }
        at += word.len() + part[at + word.len()..].chars().next().map_or(0, char::len_utf8);
    }
    start..stretch.end
}

/// Four-digit years that open a sentence before a comma ("In 2017,", "Back in March 2017,"), each
/// with the stretch from the year to the sentence's next clause break or ", and".
fn opening_years(
    text: &str,
    sentences: &[Range<usize>],
    clause_breaks: &[usize],
    years: &[(i32, Range<usize>)],
) -> Vec<(i32, Range<usize>)> {
    const OPENING_WORDS: &[&str] =
        &["back", "in", "early", "mid", "late", "the", "spring", "summer", "autumn", "fall", "winter", "of"];
    let opens = |words: &str| {
        let words: Vec<String> = words.split_whitespace().map(str::to_ascii_lowercase).collect();
        (words.is_empty() || words.iter().any(|w| w == "in"))
            && words
                .iter()
                .all(|w| OPENING_WORDS.contains(&w.as_str()) || crate::extract::date::MONTHS.contains(&w.as_str()))
    };
    years
        .iter()
        .filter(|(_, year)| text[year.end..].starts_with(',') && text[year.clone()].bytes().all(|b| b.is_ascii_digit()))
        .filter_map(|(y, year)| {
            let sentence = sentences.iter().find(|s| s.contains(&year.start))?;
            opens(&text[sentence.start..year.start]).then_some(())?;
            // "In 2017, cholera killed 74 people, and this year it has killed 41": ", and" or ",
            // but" turns to another time.
            let turn = [", and ", ", but "].iter().filter_map(|w| text[year.end..sentence.end].find(w)).min();
            let end = clause_breaks
                .iter()
                .copied()
                .find(|&b| b > year.end && b < sentence.end)
                .into_iter()
                .chain(turn.map(|t| year.end + t))
                .min()
                .unwrap_or(sentence.end);
            Some((*y, year.start..end))
        })
        .collect()
}

/// Whether `before` ends with "in", maybe then a month: "in 1987", "in March 1987".
fn after_in(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    match words.next() {
        Some(w) if w.eq_ignore_ascii_case("in") => true,
        Some(w) if crate::extract::date::MONTHS.contains(&w.to_ascii_lowercase().as_str()) => {
            words.next().is_some_and(|w| w.eq_ignore_ascii_case("in"))
        }
        _ => false,
    }
}

/// The stretch of text around `r` up to the nearest comma, clause break or sentence end on
/// either side: "Last month, a similar attack killed 12, police said" gives "a similar attack
/// killed 12"; after an opening "In a separate incident," it reaches the next comma.
fn segment_around(text: &str, clause_breaks: &[usize], r: Range<usize>) -> Range<usize> {
    const ENDS: &[u8] = b",.!?;\n";
    let mut start = stop_before(text, r.start, ENDS).map_or(0, |i| i + 1);
    let mut end = stop_after(text, r.end, ENDS).unwrap_or(text.len());
    // "In a separate incident, gunmen killed 5": an opening "in" puts the stretch after the
    // comma in that incident too.
    if text[start..r.start].trim().eq_ignore_ascii_case("in") && text[end..].starts_with(',') {
        end = stop_after(text, end + 1, ENDS).unwrap_or(text.len());
    }
    for &b in clause_breaks {
        if b <= r.start {
            start = start.max(b);
        } else if b >= r.end {
            end = end.min(b);
        }
    }
    start..end
}

/// Splits prose into sentences: at line breaks, and after `.`, `!` or `?` followed by white space
/// and a capital, a digit or a quote, unless the word before is an abbreviation or an initial.
pub fn sentences(text: &str) -> (Vec<Range<usize>>, Vec<usize>) {
    const ABBREVIATIONS: &[&str] = &[
        "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Sen", "Rep", "Gov", "Amb", "St", "Jr",
        "Sr", "Prof", "No", "vs", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Inc", "Ltd", "Co", "Corp", "Mt", "Ft", "approx", "etc", "e.g", "i.e",
    ];
    let mut sentences = Vec::new();
    let mut paragraphs = Vec::new();
    let mut paragraph = 0;
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    let mut push = |s: usize, e: usize, paragraph: usize| {
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if e - trail > s + lead {
            sentences.push(s + lead..e - trail);
            paragraphs.push(paragraph);
        }
    };
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            push(start, i, paragraph);
            paragraph += 1;
            start = i + 1;
        } else if matches!(b, b'.' | b'!' | b'?') {
            // Include closing quotes and brackets in the sentence.
            let mut end = i + 1;
            while end < bytes.len() && matches!(bytes[end], b'"' | b')' | b'\'') {
                end += 1;
            }
            for q in ["”", "’"] {
                if text[end..].starts_with(q) {
                    end += q.len();
                }
            }
            let rest = &text[end..];
            let next = rest.trim_start_matches([' ', '\t']).chars().next();
            let spaced = rest.starts_with([' ', '\t']);
            let word_before = text[..i].rsplit(|c: char| !c.is_alphanumeric() && c != '.').next().unwrap_or("");
            let initial = word_before.len() == 1 && word_before.chars().all(|c| c.is_uppercase());
            let dotted = word_before.contains('.'); // "U.S", "D.C"
            let abbreviation = b == b'.' && (ABBREVIATIONS.contains(&word_before) || initial || dotted);
            if spaced
                && !abbreviation
                && next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\''))
            {
                push(start, end, paragraph);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    push(start, bytes.len(), paragraph);
    (sentences, paragraphs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse_document;

    fn ctx(text: &str) -> Context {
        Context::of(&parse_document("t.txt".into(), text.into(), 0), &Grammar::builtin())
    }

    #[test]
    fn sentence_split_respects_abbreviations() {
        let text = "U.S. officials said Gen. Kurilla spoke on Jan. 3. The attack followed.\nNew line";
        let (s, p) = sentences(text);
        let got: Vec<&str> = s.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(got, vec!["U.S. officials said Gen. Kurilla spoke on Jan. 3.", "The attack followed.", "New line"]);
        assert_eq!(p, vec![0, 0, 1]);
    }

    #[test]
    fn places_an_event_struck_and_people_after_a_place() {
        let text = "The avalanche that struck Velden was wide. A second avalanche buried the Hotel Edelweiss. The officer in Nkara, \
                    Daniel Osei, 52, said the town of Orla and the ski resort of Marn were cut off. Her \
                    sister Mira survived.";
        let c = ctx(text);
        let places: Vec<(&str, bool)> = c.places.iter().map(|p| (p.name.as_str(), p.struck)).collect();
        assert_eq!(
            places,
            vec![("Velden", true), ("Hotel Edelweiss", true), ("Nkara", false), ("Orla", false), ("Marn", false)]
        );
        assert!(c.places.iter().find(|p| p.name == "Hotel Edelweiss").is_some_and(|p| p.facility));
        assert_eq!(c.relatives, vec!["Mira"]);
        assert!(is_age_after(", 52, said") && is_age_after(", 9 said"));
        assert!(!is_age_after(", 1,200 people") && !is_age_after(", Iran") && !is_age_after(" 52"));
    }

    #[test]
    fn a_named_storm_stands_where_a_place_would() {
        let text = "Hurricane Delia hit Port Aransel, the National Hurricane Center said. Super Typhoon \
                    Haiyan was worse. Jets fired Storm Shadow missiles.";
        let c = ctx(text);
        let named: Vec<&str> = c.places.iter().filter(|p| p.named_event).map(|p| &text[p.span.clone()]).collect();
        assert_eq!(named, vec!["Hurricane Delia", "Super Typhoon Haiyan"]);
        assert!(c.places.iter().filter(|p| p.named_event).all(|p| p.locative && p.name == text[p.span.clone()]));
    }

    #[test]
    fn stretches_that_end_in_a_year() {
        let text = "The worst since a magnitude 7.4 tremor killed 300 in March 1987. The crush killed 14 \
                    fans at a stadium that opened in 1923. Founded in 2015, the group grew. The 2011 collapse \
                    killed 29.";
        let c = ctx(text);
        let got: Vec<(i32, &str)> = c.dated_stretches.iter().map(|(y, r)| (*y, &text[r.clone()])).collect();
        // A stretch opens after the last word that opens a clause ("since", "that"), else at the
        // sentence or after a comma; the decimal point of "7.4" opens none.
        assert_eq!(
            got,
            vec![(1987, " a magnitude 7.4 tremor killed 300 in March "), (1923, " opened in "), (2015, " Founded in ")]
        );
    }

    #[test]
    fn sentences_a_year_opens() {
        let text = "In 2017, cholera killed 74 in Nampula; this year 41 died. Back in March 2019, a flood \
                    hit. By 2020, it spread. In 2015 the group formed. In 2016, a fire killed 2, and now 9 died.";
        let c = ctx(text);
        let opened = opening_years(text, &c.sentences, &c.clause_breaks, &c.years);
        let got: Vec<(i32, &str)> = opened.iter().map(|(y, r)| (*y, &text[r.clone()])).collect();
        // "By 2020" is no time the sentence happens in, and without a comma the year may belong to
        // the verb alone.
        assert_eq!(
            got,
            vec![
                (2017, "2017, cholera killed 74 in Nampula"),
                (2019, "2019, a flood hit."),
                (2016, "2016, a fire killed 2")
            ]
        );
    }

    #[test]
    fn years_written_or_counted_back_from_the_publication_date() {
        let text = "Last year, a flood killed 9. In 2019 and three years ago, others. A year ago too. \
                    Over the past year, many years ago, two and a half years ago: none of these.";
        let mut doc = parse_document("t.txt".into(), text.into(), 0);
        let years = |doc: &Document| -> Vec<(i32, &str)> {
            Context::of(doc, &Grammar::builtin()).years.iter().map(|(y, r)| (*y, &text[r.clone()])).collect()
        };
        assert_eq!(years(&doc), vec![(2019, "2019")], "without a publication date only the year written");
        doc.meta.published = Some(crate::model::CivilDate { year: 2025, month: 10, day: 16 });
        assert_eq!(
            years(&doc),
            vec![(2024, "Last year"), (2019, "2019"), (2022, "three years ago"), (2024, "A year ago")]
        );
    }

    #[test]
    fn a_year_names_the_event_noun_right_after_it() {
        let text = "The Itaewon crush was the deadliest since the 2014 Sewol ferry sinking. \
                    A bombing in Kabul in September 2022 and dual suicide bombings followed. \
                    It happened in August 2021. The bombing was claimed. Since 2014 the attacks grew.";
        let named: Vec<(i32, &str)> = ctx(text).event_years.iter().map(|(y, r)| (*y, &text[r.clone()])).collect();
        assert_eq!(named, vec![(2014, "2014 Sewol ferry sinking")]);
    }

    #[test]
    fn places_and_their_containment() {
        let c = ctx(
            "Bombings in Kerman, Iran, killed 84. Gunmen burst into the Crocus City Hall theater in Moscow. A crush in Seoul’s Itaewon district.",
        );
        let names: Vec<&str> = c.places.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, vec!["Kerman", "Iran", "Crocus City Hall", "Moscow", "Seoul", "Itaewon"]);
        assert!(c.containment.contains(&("Kerman".into(), "Iran".into())));
        assert!(c.containment.contains(&("Crocus City Hall".into(), "Moscow".into())));
        assert!(c.containment.contains(&("Itaewon".into(), "Seoul".into())));
        assert!(c.places.iter().find(|p| p.name == "Crocus City Hall").unwrap().facility);
    }

    #[test]
    fn place_nouns_and_directions_between_two_places_say_nothing_of_which_holds_which() {
        let inside = |text: &str| ctx(text).containment;
        let pair = |child: &str, parent: &str| (child.to_string(), parent.to_string());
        assert_eq!(inside("It crashed in India's eastern state of Odisha."), [pair("Odisha", "India")]);
        assert_eq!(inside("It crashed in the Balasore district of Odisha."), [pair("Balasore", "Odisha")]);
        assert_eq!(inside("It fell in the Osun State city of Ilesemi."), [pair("Ilesemi", "Osun State")]);
        assert_eq!(inside("A gunman opened fire in the Texas town of Uvalde."), [pair("Uvalde", "Texas")]);
        assert_eq!(
            inside("It crashed in Balasore district in the eastern state of Odisha."),
            [pair("Balasore", "Odisha")]
        );
        assert_eq!(inside("It crashed near Balasore, in eastern Odisha state."), [pair("Balasore", "Odisha")]);
        assert_eq!(inside("The blasts hit a cemetery in Kerman, a city in Iran."), [pair("Kerman", "Iran")]);
        // A clause after the comma, and no town lies in a site.
        assert_eq!(inside("In Lower Tesk, doctors at Kelvara were overwhelmed."), []);
        assert_eq!(inside("Most came from Sudan, Eritrea and Ethiopia."), []);
        assert_eq!(inside("Most came from Sudan, Eritrea, Chad or Ethiopia."), []);
        assert_eq!(inside("For many in Lower Tesk, the scenes at Kelvara District Hospital were grim."), []);
        let town = inside("It crashed in the town of Hermosillo in Mexico's Sonora state.");
        assert!(town.contains(&pair("Hermosillo", "Sonora")) && town.contains(&pair("Sonora", "Mexico")), "{town:?}");
        assert!(!town.contains(&pair("Hermosillo", "Mexico")), "{town:?}");
        // Other words between two places join nothing.
        assert!(inside("Rockets were fired from Gaza at the state of Israel.").is_empty());
        assert!(inside("Teams flew from Lahore to the city of Karachi.").is_empty());
        assert!(inside("Russia's invasion of Ukraine began in 2022.").is_empty());
        assert!(inside("Flights from Kabul to Doha resumed.").is_empty());
    }

    #[test]
    fn a_place_at_sea_is_off_it() {
        let c = ctx("A ferry capsized off Korlan island. A boat sank off the coast of Libya. Talks kicked off Monday.");
        let names: Vec<&str> = c.places.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, vec!["Korlan", "Libya"]);
    }

    #[test]
    fn a_preposition_after_a_place_starts_the_next_place() {
        let c = ctx("The bombing outside the Abbey Gate at Hamid Karzai International Airport in Kabul.");
        assert!(c.containment.contains(&("Abbey Gate".into(), "Hamid Karzai International Airport".into())));
        assert!(c.containment.contains(&("Hamid Karzai International Airport".into(), "Kabul".into())));
    }

    #[test]
    fn an_organisation_before_an_event_noun_is_not_inside_the_place_after_it() {
        let c = ctx("The ISIS-K attack in Moscow drew fears.");
        assert!(c.containment.is_empty(), "{:?}", c.containment);
    }

    #[test]
    fn organisations_are_names_not_generic_words_datelines_or_kickers() {
        let c = ctx(
            "ANALYSIS\n\nVELGRAD — Police have detained five. Security officials blamed the Sarn Valley Liberation Front (SVLF). The Taliban and the Defence Ministry denied it.",
        );
        let organisations: Vec<&str> = c.organisations.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(organisations, ["Sarn Valley Liberation Front", "SVLF", "The Taliban", "Defence Ministry"]);
    }

    #[test]
    fn compass_adjectives_and_datelines() {
        let c = ctx("KARSK, Veloria (Wire) -- A quake struck.\nThe quake in eastern Veloria killed 40.");
        assert!(c.containment.contains(&("KARSK".into(), "Veloria".into())), "{:?}", c.containment);
        assert!(c.places.iter().any(|p| p.name == "Veloria" && p.span.start > 40));
    }

    #[test]
    fn a_name_is_no_place_as_the_word_list_scanned_in_full_says() {
        // The check before the set: a word of the list that the name is, or that ends where an
        // apostrophe starts.
        let scanned = |name: &str, list: &HashSet<String>| {
            list.iter().any(|w| {
                name.strip_prefix(w.as_str()).is_some_and(|rest| rest.is_empty() || rest.starts_with(['’', '\'']))
            })
        };
        let list = &Grammar::builtin().lexicon.names.not_places;
        let mut names: Vec<String> = Vec::new();
        for word in list.iter().map(String::as_str).chain(["Moscow", "Kerman", "O'Hare", "", "’", "Crocus City Hall"])
        {
            for suffix in ["", "’s", "'s", "’", "'", "s", " Hall", "’s Eve", "-dong"] {
                names.push(format!("{word}{suffix}"));
            }
        }
        let mut no_place = 0;
        for name in &names {
            assert_eq!(names_no_place(name, list), scanned(name, list), "{name:?}");
            no_place += usize::from(names_no_place(name, list));
        }
        assert!(no_place > list.len() * 4, "{no_place}");
    }

    #[test]
    fn months_weekdays_and_demonyms_are_not_places() {
        let c = ctx("It happened on Friday in March on the outskirts of the Russian capital.");
        assert!(c.places.is_empty(), "{:?}", c.places);
    }

    #[test]
    fn declared_aliases() {
        let c = ctx(
            "Islamic State Khorasan, or ISIS-K, struck. ISIS-Khorasan, known as (ISIS-K), grew. The Islamic Revolutionary Guard Corps (IRGC) said. The Islamic State (ISIS-K) claimed it.",
        );
        assert!(c.aliases.contains(&("Islamic State Khorasan".into(), "ISIS-K".into())));
        assert!(c.aliases.contains(&("ISIS-Khorasan".into(), "ISIS-K".into())));
        assert!(c.aliases.contains(&("Islamic Revolutionary Guard Corps".into(), "IRGC".into())));
        assert!(!c.aliases.iter().any(|(a, _)| a == "Islamic State"), "ISIS-K is not an acronym of Islamic State");
    }
}
