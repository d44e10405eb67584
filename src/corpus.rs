//! A deterministic benchmark corpus: many invented stories, each told by several articles that
//! state the same facts in varied words, with a known set of planted disagreements.
//!
//! The same seed and size always give the same bytes. Every story has its own invented place,
//! organisation and spokesperson, spelled with a code whose words differ in at least four of six
//! syllables, so that no two stories' names are ever read as spellings of one name and stories
//! never merge. The sentences use only shapes the built-in rules read (see their examples); the
//! filler around them states nothing a rule reads.
//!
//! [`generate`] writes `part-NNNN/SSSSSS-K-outlet.md` files and returns the [`Manifest`] of
//! planted disagreements (also written as `manifest.json`): the exact set of topics a correct
//! `factlint check` flags at warning or error.

use crate::model::CivilDate;
use serde::Serialize;
use std::io::Write;
use std::path::Path;

/// What a planted disagreement is, with the check that must find it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Planted {
    /// One article gives a death toll no other reading allows (84 against "nearly 100"): FL001.
    DeathToll,
    /// One article gives another founding year (2014 against 2015): FL003.
    FoundingYear,
    /// One article dates the event a day off (March 14 against March 15): FL003.
    EventDate,
    /// Lower bounds of the injuries far apart ("more than 60" against "at least 143"): FL002.
    InjuryBounds,
}

impl Planted {
    pub const ALL: [Planted; 4] =
        [Planted::DeathToll, Planted::FoundingYear, Planted::EventDate, Planted::InjuryBounds];

    /// The check code that must report it.
    pub fn code(self) -> &'static str {
        match self {
            Planted::DeathToll => "FL001",
            Planted::FoundingYear | Planted::EventDate => "FL003",
            Planted::InjuryBounds => "FL002",
        }
    }
}

/// One planted disagreement: the topic a finding must have, and the readings that disagree.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct PlantedFinding {
    pub subject: String,
    pub attribute: String,
    pub kind: Planted,
    pub code: &'static str,
    /// The article that disagrees (path relative to the corpus folder).
    pub outlier: String,
    /// What the others say and what the outlier says.
    pub expected: String,
    pub stated: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Manifest {
    pub seed: u64,
    pub target_bytes: u64,
    pub bytes: u64,
    pub stories: usize,
    pub articles: usize,
    /// Sorted by subject and attribute.
    pub planted: Vec<PlantedFinding>,
}

/// Parses "10MB", "1GB", "500kB", "2048" (decimal units: 1 MB = 1,000,000 bytes).
pub fn parse_size(text: &str) -> Option<u64> {
    let t = text.trim().to_ascii_lowercase();
    let digits = t.find(|c: char| !c.is_ascii_digit() && c != '.').unwrap_or(t.len());
    let n: f64 = t[..digits].parse().ok()?;
    let unit = match t[digits..].trim() {
        "" | "b" => 1.0,
        "k" | "kb" => 1e3,
        "m" | "mb" => 1e6,
        "g" | "gb" => 1e9,
        _ => return None,
    };
    Some((n * unit) as u64)
}

/// SplitMix64: small, fast, and the same on every platform.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
    pub fn range(&mut self, lo: u64, hi_inclusive: u64) -> u64 {
        lo + self.below(hi_inclusive - lo + 1)
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

// ---------------------------------------------------------------------------------------------
// Invented names: a [6, 3, 4] code over 47 consonant-vowel syllables. The three message syllables
// encode the name's number; three check syllables (a Cauchy matrix over GF(47)) make any two
// names differ in at least four syllables, far beyond what factlint reads as one spelling.

const P: u64 = 47;
const CONSONANTS: &[u8] = b"bdfgklmprstvz";
const VOWELS: &[u8] = b"aeiou";

fn syllable(i: u64) -> [u8; 2] {
    // 13 consonants × 5 vowels = 65 syllables; the first 47 are used.
    let i = i as usize;
    [CONSONANTS[i / VOWELS.len()], VOWELS[i % VOWELS.len()]]
}

fn inverse(a: u64) -> u64 {
    // Fermat: a^(p-2) mod p.
    let (mut result, mut base, mut exp) = (1, a % P, P - 2);
    while exp > 0 {
        if exp & 1 == 1 {
            result = result * base % P;
        }
        base = base * base % P;
        exp >>= 1;
    }
    result
}

/// Names of the short code (six syllables): 47³.
const SHORT: u64 = P * P * P;
/// Names of the long code (eight syllables): 47⁴.
const LONG: u64 = P * P * P * P;
/// How many distinct names [`invented_name`] can make.
pub const NAME_SPACE: u64 = SHORT + LONG;
/// Prime to 47, so multiplying by it permutes each code's numbers.
const SPREAD: u64 = 40_503;

/// The invented name number `n` (`n < NAME_SPACE`), capitalised: "Bakelomirutan".
///
/// The first 47³ names use a [6, 3, 4] code (13 letters), the others an [8, 4, 5] code (17
/// letters): within a code two names differ in at least 4 (resp. 5) syllables, more than the
/// edits `similar_names` allows (a quarter of the length), and names of the two codes differ in
/// length by four letters, more than it allows too.
pub fn invented_name(n: u64) -> String {
    let (message, checks): (Vec<u64>, usize) = if n < SHORT {
        let n = n * SPREAD % SHORT;
        ((0..3).map(|i| n / P.pow(i) % P).collect(), 3)
    } else {
        let n = (n - SHORT) * SPREAD % LONG;
        ((0..4).map(|i| n / P.pow(i) % P).collect(), 4)
    };
    let k = message.len() as u64;
    let mut word = Vec::with_capacity(2 * (message.len() + checks) + 1);
    for &s in &message {
        word.extend(syllable(s));
    }
    // Check syllable j = Σ m_i / (x_i - y_j), x = 0..k and y = k..2k: a Cauchy matrix, whose
    // square submatrices are all invertible, so the code is maximum distance separable.
    for y in k..k + checks as u64 {
        let c = (0..k).map(|x| message[x as usize] * inverse((x + P - y) % P)).sum::<u64>() % P;
        word.extend(syllable(c));
    }
    // A closing "n": no name ends like a demonym ("-ese", "-ani"), which would not be a place.
    word.push(b'n');
    word[0] = word[0].to_ascii_uppercase();
    String::from_utf8(word).expect("ASCII")
}

// ---------------------------------------------------------------------------------------------

const OUTLETS: &[(&str, &str)] = &[
    ("The Harbour Dispatch", "harbour-dispatch"),
    ("Northline Daily", "northline-daily"),
    ("The Evening Courant", "evening-courant"),
    ("Meridian Wire", "meridian-wire"),
    ("The Valley Observer", "valley-observer"),
    ("Coastal Record", "coastal-record"),
    ("The Plainsman Herald", "plainsman-herald"),
    ("Capital Ledger Online", "capital-ledger"),
];

/// (noun, capitalised noun, title verb).
const EVENTS: &[(&str, &str)] = &[
    ("explosion", "Explosion"),
    ("fire", "Fire"),
    ("collapse", "Collapse"),
    ("stampede", "Stampede"),
    ("landslide", "Landslide"),
    ("derailment", "Derailment"),
    ("flood", "Flood"),
    ("blaze", "Blaze"),
];

const ORG_KINDS: &[&str] = &["Relief Council", "Heritage Foundation", "Rescue Association", "Volunteer Network"];
const FIRST_NAMES: &[&str] =
    &["Alma", "Teodor", "Ines", "Marek", "Odile", "Ruben", "Saskia", "Viktor", "Yara", "Lionel"];
const ROLES: &[&str] = &["a spokesperson for", "the director of", "a coordinator with", "a volunteer leader at"];
const MONTHS: &[&str] =
    &["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November"];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// Sentences that state nothing a rule reads. `{E}` is the event noun, `{P}` the place.
const FILLER: &[&str] = &[
    "Residents described a loud rumble shortly before emergency crews arrived.",
    "Rescue teams worked through the night under portable floodlights.",
    "Local hospitals asked for blood donations and cancelled routine appointments.",
    "Engineers were called in to inspect neighbouring buildings for damage.",
    "Shopkeepers on the nearby streets pulled down their shutters and waited for news.",
    "Investigators have not yet said what caused the {E}.",
    "Aid workers set up a shelter in a school gymnasium for families who could not go home.",
    "“We heard it from across the river,” said one resident, who asked not to be named.",
    "The regional government promised a full inquiry into the {E}.",
    "Volunteers handed out water and blankets to people waiting for word of relatives.",
    "Traffic was diverted until the following evening.",
    "Questions have been raised about whether warnings were ignored in the weeks before.",
    "Local radio stations suspended their schedules to broadcast messages from families.",
    "Several roads into {P} remained closed while crews cleared debris.",
    "People in {P} laid flowers and candles near the cordon as night fell.",
    "The {E} is the worst the town has seen in living memory, older residents said.",
    "Insurance assessors are expected to visit the site once it is declared safe.",
    "Classes were cancelled across town, and exams were postponed.",
    "A helpline for relatives was opened, and officials urged people not to travel to the scene.",
    "Footage shared online showed thick smoke rising over rooftops — images that spread quickly.",
    "Community leaders called for calm and asked residents to check on elderly neighbours.",
    "It was not immediately clear whether anyone would face charges over the {E}.",
    "Prayers were held in the main square, where a book of condolence was opened.",
    "The national weather service said conditions had been unremarkable.",
    "Officials said the site would remain sealed while evidence was gathered.",
    "Opposition politicians demanded to know why inspections had been delayed.",
    "Neighbours described a quiet street where everyone knows everyone else.",
    "Relatives gathered outside the town’s main hospital, waiting for lists of names.",
];

#[derive(Debug, Clone)]
struct Story {
    id: usize,
    place: String,
    org: String,
    person: String,
    role: &'static str,
    event: (&'static str, &'static str),
    date: CivilDate,
    deaths: u64,
    injuries: u64,
    founded: i32,
    planted: Vec<Planted>,
    articles: usize,
}

/// A count phrase that allows `n` (with `lower_only`, never an upper bound) and whose lower bound
/// stays within a factor of 1.25 of `n`, so no two of them diverge.
fn agreeing_count(rng: &mut Rng, n: u64) -> String {
    let mut options: Vec<String> = vec![n.to_string(), n.to_string(), format!("at least {n}")];
    if n >= 20 {
        let below = n - (n / 10).max(2);
        options.push(format!("more than {below}"));
    }
    // nearly R allows floor(0.9 R) ..= R - 1.
    let r = (n / 5 + 1) * 5;
    if n < r && n > (r * 9) / 10 {
        options.push(format!("nearly {r}"));
    }
    // about R allows R ± max(1, R / 10).
    let r = (n + 2) / 5 * 5;
    if r > 0 && n.abs_diff(r) < (r / 10).max(1) {
        options.push(format!("about {r}"));
    }
    if (30..=90).contains(&n) {
        options.push("dozens of".into());
    }
    rng.pick(&options).clone()
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn month_day(d: CivilDate) -> String {
    format!("{} {}", MONTHS[d.month as usize - 1], d.day)
}

fn add_days(d: CivilDate, n: i64) -> CivilDate {
    crate::extract::calendar::add_days(d, n)
}

fn weekday(d: CivilDate) -> &'static str {
    WEEKDAYS[crate::extract::calendar::weekday(d) as usize]
}

fn plan_story(rng: &mut Rng, id: usize) -> Story {
    // Three names a story (place, organisation, person), spread over the name space by a
    // multiplier prime to its size, so the map from number to name stays one-to-one.
    let name = |role: u64| invented_name(id as u64 * 3 + role);
    let place = name(0);
    let org = format!("{} {}", name(1), rng.pick(ORG_KINDS));
    let person = format!("{} {}", rng.pick(FIRST_NAMES), name(2));
    let year = rng.range(2016, 2025) as i32;
    let month = rng.range(1, 11) as u32;
    let day = rng.range(2, 27) as u32;
    let deaths = match rng.below(3) {
        0 => rng.range(5, 19),
        1 => rng.range(20, 95),
        _ => rng.range(100, 400),
    };
    let injuries = rng.range(deaths.max(30), deaths * 3 + 40);
    let mut planted = Vec::new();
    for p in Planted::ALL {
        if rng.chance(22) {
            planted.push(p);
        }
    }
    Story {
        id,
        place,
        org,
        person,
        role: ROLES[rng.below(ROLES.len() as u64) as usize],
        event: *rng.pick(EVENTS),
        date: CivilDate { year, month, day },
        deaths,
        injuries,
        founded: rng.range(1978, 2012) as i32,
        planted,
        articles: rng.range(3, 6) as usize,
    }
}

/// One article's text, and the planted disagreements it carries.
fn write_article(
    rng: &mut Rng,
    s: &Story,
    k: usize,
    outlier: usize,
    filler_target: usize,
) -> (String, Vec<(Planted, String, String)>) {
    let (outlet, _) = OUTLETS[(s.id + k) % OUTLETS.len()];
    let published = add_days(s.date, rng.range(0, 3) as i64);
    let (e, ecap) = s.event;
    let p = &s.place;
    let o = &s.org;
    let is_outlier = k == outlier;
    let mut planted = Vec::new();

    // The facts this article states; the outlier states every planted fact, the first article
    // every fact (so each planted disagreement has a side that states the truth).
    let states = |rng: &mut Rng, planted_here: bool| k == 0 || (is_outlier && planted_here) || rng.chance(65);

    let mut facts: Vec<String> = Vec::new();
    // Deaths.
    let plant = s.planted.contains(&Planted::DeathToll);
    let deaths_phrase = if is_outlier && plant {
        let wrong = if rng.chance(50) {
            // nearly R with floor(0.9 R) above the true toll.
            let r = ((s.deaths * 10 / 9) / 10 + 2) * 10;
            format!("nearly {r}")
        } else {
            (s.deaths + rng.range(3, 9)).to_string()
        };
        planted.push((Planted::DeathToll, s.deaths.to_string(), wrong.clone()));
        Some(wrong)
    } else if k == 0 && plant {
        Some(s.deaths.to_string())
    } else if states(rng, false) {
        Some(agreeing_count(rng, s.deaths))
    } else {
        None
    };
    if let Some(v) = &deaths_phrase {
        facts.push(match rng.below(4) {
            0 => format!("The {e} killed {v} people, according to local officials."),
            1 => format!("Officials said {v} people were killed in the {e}."),
            2 => format!("The {e} left {v} people dead and many homes damaged."),
            _ => format!("The {e} claimed the lives of {v} people."),
        });
    }
    // Injuries.
    let plant = s.planted.contains(&Planted::InjuryBounds);
    let injuries_phrase = if plant && (k == 0 || is_outlier) {
        let v = if is_outlier {
            let low = s.injuries * 2 / 5;
            planted.push((Planted::InjuryBounds, format!("at least {}", s.injuries), format!("more than {low}")));
            format!("more than {low}")
        } else {
            format!("at least {}", s.injuries)
        };
        Some(v)
    } else if plant {
        // Other articles give the exact figure, which fits both bounds.
        states(rng, false).then(|| s.injuries.to_string())
    } else if states(rng, false) {
        Some(agreeing_count(rng, s.injuries).replace("dozens of", &s.injuries.to_string()))
    } else {
        None
    };
    if let Some(v) = &injuries_phrase {
        facts.push(match rng.below(3) {
            0 => format!("{} people were injured, some of them badly.", cap(v)),
            1 => format!("Emergency services said the {e} also wounded {v} people."),
            _ => format!("Paramedics reported that {v} others were hurt."),
        });
    }
    // Event date.
    let plant = s.planted.contains(&Planted::EventDate);
    let date = if is_outlier && plant {
        let wrong = add_days(s.date, 1);
        planted.push((Planted::EventDate, month_day(s.date), month_day(wrong)));
        Some((wrong, false))
    } else if states(rng, false) {
        let days_after =
            crate::extract::calendar::days_from_civil(published) - crate::extract::calendar::days_from_civil(s.date);
        Some((s.date, (0..7).contains(&days_after) && rng.chance(30)))
    } else {
        None
    };
    if let Some((d, by_weekday)) = date {
        let when = if by_weekday { weekday(d).to_string() } else { month_day(d) };
        facts.push(match rng.below(3) {
            0 => format!("The {e} in {p} took place on {when}."),
            1 if !by_weekday => format!("Investigators are still reconstructing the {when} {e}."),
            _ => format!("The {e} happened late on {when}."),
        });
    }
    // Founding year.
    let plant = s.planted.contains(&Planted::FoundingYear);
    let year = if is_outlier && plant {
        let wrong = s.founded + 1;
        planted.push((Planted::FoundingYear, s.founded.to_string(), wrong.to_string()));
        Some(wrong)
    } else if states(rng, false) {
        Some(s.founded)
    } else {
        None
    };
    if let Some(y) = year {
        facts.push(match rng.below(3) {
            0 => format!("The {o} was founded in {y}."),
            1 => format!("Founded in {y}, the {o} coordinates volunteers across the region."),
            _ => format!("The {o}, which was established in {y}, sent teams to help."),
        });
    }
    if rng.chance(60) {
        facts.push(format!("“Our people are working around the clock,” said {}, {} the {o}.", s.person, s.role));
    }

    // Opening and body.
    let mut body = String::new();
    body.push_str(&format!(
        "{} in {p} has left the town in shock, and emergency crews spent hours at the scene.\n\n",
        match rng.below(3) {
            0 => format!("A deadly {e}"),
            1 => format!("The {e}"),
            _ => format!("A sudden {e}"),
        }
    ));
    // Facts interleaved with filler, two to four sentences a paragraph.
    let mut sentences: Vec<String> = facts;
    // Filler without repeats until the pool runs out (a shuffled deck, dealt in turn).
    let mut deck: Vec<usize> = (0..FILLER.len()).collect();
    for i in (1..deck.len()).rev() {
        deck.swap(i, rng.below(i as u64 + 1) as usize);
    }
    let mut filler = 0;
    let mut dealt = 0;
    while filler < filler_target {
        let f = FILLER[deck[dealt % deck.len()]].replace("{E}", e).replace("{P}", p);
        dealt += 1;
        filler += f.len();
        let at = rng.below(sentences.len() as u64 + 1) as usize;
        sentences.insert(at, f);
    }
    let mut in_paragraph = 0;
    let paragraph_len = rng.range(2, 4);
    for sentence in sentences {
        body.push_str(&sentence);
        in_paragraph += 1;
        if in_paragraph >= paragraph_len {
            body.push_str("\n\n");
            in_paragraph = 0;
        } else {
            body.push(' ');
        }
    }
    let title = match rng.below(3) {
        0 => format!("{ecap} in {p} leaves town in mourning"),
        1 => format!("Questions mount after {e} in {p}"),
        _ => format!("{ecap} in {p}: what we know"),
    };
    let text =
        format!("---\ntitle: \"{title}\"\noutlet: {outlet}\npublished: {published}\n---\n\n{}\n", body.trim_end());
    (text, planted)
}

/// Writes a corpus of about `target_bytes` under `out` and its `manifest.json`.
pub fn generate(seed: u64, target_bytes: u64, out: &Path) -> std::io::Result<Manifest> {
    std::fs::create_dir_all(out)?;
    let mut rng = Rng::new(seed);
    let mut bytes = 0u64;
    let mut articles = 0usize;
    let mut planted = Vec::new();
    let mut id = 0usize;
    while bytes < target_bytes {
        if id as u64 * 3 + 3 > NAME_SPACE {
            break;
        }
        let story = plan_story(&mut rng, id);
        let outlier =
            if story.planted.is_empty() { usize::MAX } else { rng.range(1, story.articles as u64 - 1) as usize };
        let dir = out.join(format!("part-{:04}", id / 100));
        if id.is_multiple_of(100) {
            std::fs::create_dir_all(&dir)?;
        }
        for k in 0..story.articles {
            let filler = rng.range(1200, 5200) as usize;
            let (text, found) = write_article(&mut rng, &story, k, outlier, filler);
            let (_, slug) = OUTLETS[(story.id + k) % OUTLETS.len()];
            let name = format!("{:06}-{k}-{slug}.md", story.id);
            let rel = format!("part-{:04}/{name}", id / 100);
            let mut f = std::io::BufWriter::new(std::fs::File::create(dir.join(&name))?);
            f.write_all(text.as_bytes())?;
            f.flush()?;
            bytes += text.len() as u64;
            articles += 1;
            for (kind, expected, stated) in found {
                let (subject, attribute) = match kind {
                    Planted::DeathToll => (story.place.clone(), "deaths"),
                    Planted::InjuryBounds => (story.place.clone(), "injuries"),
                    Planted::EventDate => (story.place.clone(), "date"),
                    Planted::FoundingYear => (story.org.clone(), "founding year"),
                };
                planted.push(PlantedFinding {
                    subject,
                    attribute: attribute.to_string(),
                    kind,
                    code: kind.code(),
                    outlier: rel.clone(),
                    expected,
                    stated,
                });
            }
        }
        id += 1;
    }
    planted.sort();
    let manifest = Manifest { seed, target_bytes, bytes, stories: id, articles, planted };
    let json = serde_json::to_string_pretty(&manifest).expect("manifest serialises");
    std::fs::write(out.join("manifest.json"), json + "\n")?;
    Ok(manifest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_in_decimal_units() {
        assert_eq!(parse_size("10MB"), Some(10_000_000));
        assert_eq!(parse_size("1gb"), Some(1_000_000_000));
        assert_eq!(parse_size("2048"), Some(2048));
        assert_eq!(parse_size("1.5 MB"), Some(1_500_000));
        assert_eq!(parse_size("ten"), None);
    }

    #[test]
    fn invented_names_are_never_spellings_of_each_other() {
        // Any two names differ in at least four syllables; check a neighbourhood exhaustively.
        let sample = (0..400).chain(SHORT - 200..SHORT + 400);
        let names: Vec<String> = sample.map(invented_name).map(|n| crate::align::normalise(&n)).collect();
        for i in 0..names.len() {
            for j in i + 1..names.len() {
                assert!(!crate::align::similar_names(&names[i], &names[j], 0.88), "{} ~ {}", names[i], names[j]);
            }
        }
        let distinct: std::collections::BTreeSet<&String> = names.iter().collect();
        assert_eq!(distinct.len(), names.len());
    }
}
