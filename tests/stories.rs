//! Whole stories of kinds the rules were not written for (an earthquake, a derailment): the exact
//! set of findings a careful reader expects, nothing more.

mod common;
use common::{factlint, json};
use std::collections::BTreeSet;

/// The JSON report of `factlint check` on a story.
fn check_report(path: &str) -> serde_json::Value {
    json(&factlint(&["check", "--format", "json", path]))
}

fn findings(path: &str) -> BTreeSet<(String, String, String)> {
    findings_in(&check_report(path))
}

/// Each finding of a report as (severity, subject, attribute).
fn findings_in(report: &serde_json::Value) -> BTreeSet<(String, String, String)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let s = |v: &serde_json::Value| v.as_str().unwrap().to_string();
            (s(&f["severity"]), s(&f["topic"]["subject"]), s(&f["topic"]["attribute"]))
        })
        .collect()
}

/// The report's finding about `attribute` (there must be one).
fn finding_about<'r>(report: &'r serde_json::Value, attribute: &str) -> &'r serde_json::Value {
    report["findings"].as_array().unwrap().iter().find(|f| f["topic"]["attribute"] == attribute).unwrap()
}

/// A finding as (severity, subject, attribute).
type Finding<'a> = (&'a str, &'a str, &'a str);

/// The texts a finding quotes, in report order.
fn claim_texts(finding: &serde_json::Value) -> Vec<&str> {
    finding["claims"].as_array().unwrap().iter().map(|c| c["text"].as_str().unwrap()).collect()
}

fn set(items: &[Finding]) -> BTreeSet<(String, String, String)> {
    items.iter().map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string())).collect()
}

#[test]
fn earthquake() {
    // 618 is not "nearly 600"; Monday against Sunday night (a night-time quake, worth a check);
    // the 1999 quake's 2,100 dead and the two spellings of the president's first name. Veloria
    // holds only Karsk, so the two are one subject, shown by the name the articles give most.
    // With the dateline's KARSK counted once (it counted twice while its capitals also made it an
    // organisation's acronym), that is Veloria.
    let report = check_report("tests/fixtures/stories/quake");
    assert_eq!(
        findings_in(&report),
        set(&[("error", "Veloria", "date"), ("error", "Veloria", "deaths"), ("info", "Anna Morvik", "name spelling"),])
    );
    let texts: Vec<&str> = report["findings"].as_array().unwrap().iter().flat_map(claim_texts).collect();
    assert!(!texts.contains(&"2,100"), "the 1999 quake's toll is not this quake's");
}

#[test]
fn derailment() {
    assert_eq!(
        findings("tests/fixtures/stories/train"),
        set(&[("error", "Hollin", "date"), ("error", "Hollin", "deaths"), ("error", "Brennan Rail", "founding year"),])
    );
}

#[test]
fn train_collision() {
    // One crash named at four levels, which the texts link: "India's eastern state of Odisha",
    // "Bahanaga Bazar station in Balasore district", "near Balasore, in eastern Odisha state".
    // 275 against 288 and at least 290; about 900 injured against more than 1,000 a day later;
    // "Saturday, June 2" against Friday (June 2, 2023 was a Friday); the minister's two spellings.
    // The 1995 Firozabad crash's 358 dead and the 2016 derailment's 140 are other crashes.
    let path = "tests/fixtures/stories/collision";
    let report = check_report(path);
    assert_eq!(
        findings_in(&report),
        set(&[
            ("error", "Balasore", "date"),
            ("error", "Balasore", "deaths"),
            ("error", "Balasore", "injuries"),
            ("info", "Ashwini Vaishnaw", "name spelling"),
        ])
    );
    let texts = claim_texts(finding_about(&report, "deaths"));
    // "BALASORE, India, June 3 (Eastern Wire) - At least 233": the dateline's dash is no minus sign.
    assert_eq!(texts, ["At least 233", "288", "275", "275", "at least 290"]);
}

#[test]
fn school_shooting() {
    // The gunman is 18 in two articles and 19 in one; the state police head is Ray McCrae and Ray
    // McRae. "He was killed about 40 minutes later" counts minutes, not the dead, and "How many
    // people died?" asks; the 2012 Sandy Hook toll of 26 is another shooting's. 19 children and
    // two teachers are the 21 killed.
    assert_eq!(
        findings("tests/fixtures/stories/school"),
        set(&[("error", "Caleb Orwin", "age"), ("info", "Ray McCrae", "name spelling")])
    );
}

#[test]
fn dam_burst() {
    // The toll passes 5,300, then the UN revises its tally of deaths to 3,958: a conflict an editor
    // must see. "Thousands" missing, then at least 10,000 and more than 9,000, agree ("thousands"
    // runs up to where "tens of thousands" starts); "could reach 10,000" is a fear, not a toll;
    // the outlet in the dateline, "(Desert Wire)", is no person, and Sudan's 2020 floods are
    // another disaster.
    assert_eq!(findings("tests/fixtures/stories/flood"), set(&[("error", "Derna", "deaths")]));
}

#[test]
fn building_fire_in_web_pages() {
    // Two saved web pages: Thursday night against Wednesday night (the second page dates itself
    // only by <meta name="date">), a seven-storey building against a six-storey one. 33 who
    // "died at the scene" are part of the 46; the caption's "the site of the fire in Dhaka on
    // Friday" is the day of the photo; the 2012 Tazreen fire's 117 and the related links' tolls
    // belong to other fires.
    let path = "tests/fixtures/stories/fire";
    let report = check_report(path);
    assert_eq!(findings_in(&report), set(&[("error", "Dhaka", "date"), ("error", "Dhaka", "storeys")]));
    for claim in report["findings"].as_array().unwrap().iter().flat_map(|f| f["claims"].as_array().unwrap()) {
        let source = std::fs::read_to_string(claim["path"].as_str().unwrap()).unwrap();
        let (start, end) = (claim["start"].as_u64().unwrap() as usize, claim["end"].as_u64().unwrap() as usize);
        assert_eq!(&source[start..end], claim["text"].as_str().unwrap(), "the span quotes the page");
    }
}

#[test]
fn mine_blast() {
    // At least 25 dead, then 41, agree; Soma's 301 dead of 2014 are another disaster; the
    // energy minister is Dönmez and Donmez. (The articles file the blast under Turkey and under
    // Amasra by turns: no finding is lost here, but a disagreement between them would be.)
    assert_eq!(findings("tests/fixtures/stories/mine"), set(&[("info", "Fatih Dönmez", "name spelling")]));
}

#[test]
fn air_crash() {
    // 1945 against 1946; "the jet went down on Sunday morning" against "crashed ... on Saturday"
    // (the airport is where it took off from, named in both sentences). 149 passengers and eight
    // crew are not a toll that contradicts 157, and the 2010 crash's 90 dead belong to another
    // crash.
    assert_eq!(
        findings("tests/fixtures/stories/plane"),
        set(&[("error", "SkyCastria", "founding year"), ("error", "Ardena International Airport", "date")])
    );
}

#[test]
fn plant_explosion() {
    // The early hours of Saturday against Friday night (worth a check, as for the quake); 9
    // against 14 in serious condition; 2009 ("early 2009") against 2008. "More than 60 workers
    // were hurt" agrees with 64, the 14 "seriously injured" are no count of all the injured, and
    // "Last year, a fire ... killed 2" and "the 2011 Porvan mine collapse, which killed 29" are
    // other events' tolls.
    assert_eq!(
        findings("tests/fixtures/stories/plant"),
        set(&[
            ("error", "Dravik", "date"),
            ("error", "Dravik", "serious condition"),
            ("error", "Halvane Chemicals", "founding year"),
        ])
    );
}

#[test]
fn bus_crash() {
    // Sunday night against Saturday night; 27 against "at least 29" (an update, the later article
    // says why) and 18 against 16 injured; "nine of the injured" against seven in critical
    // condition; 1998 ("The company was founded") against "a firm established in 1996"; the
    // governor's two spellings. The 45 and 52 on board and the country's 12,000 road deaths a year
    // are no claims about the crash's toll.
    assert_eq!(
        findings("tests/fixtures/stories/bus"),
        set(&[
            ("error", "Kolvar Transport", "founding year"),
            ("error", "Tarsa", "date"),
            ("error", "Tarsa", "deaths"),
            ("error", "Tarsa", "injuries"),
            ("error", "Tarsa", "serious condition"),
            ("info", "Amir Saddiq", "name spelling"),
        ])
    );
}

#[test]
fn protest_crackdown() {
    // Friday against Thursday evening; 18 against 23 injured officers and 560 against 612
    // arrests (both later and higher); 2011 against "an opposition coalition formed in 2012"; the
    // minister's two spellings. "At least 41" and 58 dead, "more than 300" and "about 290"
    // wounded agree. The capital is "Valdora" as the prose writes it, not the dateline's VALDORA.
    assert_eq!(
        findings("tests/fixtures/stories/protest"),
        set(&[
            ("error", "Unity Front", "founding year"),
            ("error", "Valdora", "arrests"),
            ("error", "Valdora", "date"),
            ("error", "Valdora", "injuries (police)"),
            ("info", "Paolo Renke", "name spelling"),
        ])
    );
}

#[test]
fn wildfire() {
    // "swept through the Marrow Valley" places the first article's claims where the second's "the
    // Marrow Valley wildfire" does: 12 against 9 injured firefighters. 37 missing, then 19: fewer
    // missing later is the usual update, and the finding says so. "At least 23" and 31 dead agree;
    // the 2018 Camp Fire's 85 are another fire's. The fire "began near the town of Sellick on
    // Monday afternoon" in one and "erupted on Sunday near Sellick" in the other.
    let report = check_report("tests/fixtures/stories/wildfire");
    assert_eq!(
        findings_in(&report),
        set(&[
            ("error", "Marrow Valley", "injuries (firefighters)"),
            ("error", "Marrow Valley", "missing"),
            ("error", "Sellick", "date"),
        ])
    );
    let missing = finding_about(&report, "missing");
    assert!(
        missing["message"].as_str().unwrap().ends_with("(likely an updated count: later reports give lower figures)"),
        "{missing}"
    );
}

#[test]
fn school_kidnapping() {
    // 137 pupils abducted against "more than 150 schoolchildren seized", the later the higher.
    // "A teacher and a security guard were shot dead" against "two guards were killed" name two
    // dead both times; the eleven and fourteen who escaped and the school's 600 are no tolls.
    assert_eq!(findings("tests/fixtures/stories/kidnapping"), set(&[("error", "Ruma", "abducted (students)")]));
}

#[test]
fn market_attack_and_other_tolls() {
    // Friday against Thursday is the one disagreement. The first article's other tolls are not
    // this attack's: "a similar attack killed 12", "the group behind both attacks has killed
    // hundreds", "4 people died in hospital" (a part of the 57), and Vessa's 31, which the 57
    // before it does not share.
    assert_eq!(findings("tests/fixtures/stories/market"), set(&[("error", "Tarvik", "date")]));
}

#[test]
fn overnight_siege() {
    // The follow-up names Meriden only as a name ("Meriden held a vigil"), which the first
    // article places: its claims are Meriden's too, so 45 against 40 injured is found. It gives
    // both days of a siege that ran past midnight (seized on Friday evening, stormed on Saturday
    // morning), so the first article's Saturday is no conflict with it.
    assert_eq!(findings("tests/fixtures/stories/siege"), set(&[("error", "Meriden", "injuries")]));
}

#[test]
fn earthquake_magnitude_and_depth() {
    // Magnitude 7.1 against 6.8, and a depth of 10 km against 17 km: agencies differ, later
    // reports do not revise them upward, so each is a conflict. The aftershocks' 5.9 and 5.6 are
    // not the quake's (nor the 6.4 of the one that "followed"), nor the 1987 tremor's 7.4 and 300
    // dead; "6.8-magnitude" is no June 8, and
    // the toll that "rose to 88 on Tuesday" gives no date of the quake.
    let report = check_report("tests/fixtures/stories/tremor");
    assert_eq!(
        findings_in(&report),
        set(&[("error", "Marlow", "deaths"), ("error", "Marlow", "depth"), ("error", "Marlow", "magnitude")])
    );
    let texts = |attribute: &str| claim_texts(finding_about(&report, attribute));
    assert_eq!(texts("magnitude"), ["7.1", "6.8", "7.1", "7.1"]);
    assert_eq!(texts("depth"), ["10 km", "17 kilometres", "about 10 kilometres"]);
    assert!(!texts("deaths").contains(&"300"), "the 1987 tremor's toll");
    let message = finding_about(&report, "magnitude")["message"].as_str().unwrap().to_string();
    assert!(!message.contains("likely an updated"), "a magnitude has no trend: {message}");
}

#[test]
fn gate_width() {
    // A 3-metre-wide gate against a gate about 5 metres wide. The tunnel's 6 metres is another
    // thing's width, and the 25-metre tunnel's length no width at all.
    assert_eq!(findings("tests/fixtures/stories/gate"), set(&[("error", "Eastfield", "width (gate)")]));
}

#[test]
fn college_shooting_ages() {
    // Karl Brenner is 19 and 20, Lina Vogt 18 and 17: the ages of people the articles name.
    // "The 19-year-old shot Helen Ostrova" gives no age of hers (she is 52 throughout), nor does
    // "Mr Brenner, then 16" of him now; Jan Albers, 58 in two articles, is a man, not January.
    let report = check_report("tests/fixtures/stories/college");
    assert_eq!(findings_in(&report), set(&[("error", "Karl Brenner", "age"), ("error", "Lina Vogt", "age")]));
    let texts: Vec<Vec<&str>> = report["findings"].as_array().unwrap().iter().map(claim_texts).collect();
    assert_eq!(texts, [["19", "20"], ["18", "17"]]);
    let facts = String::from_utf8(factlint(&["facts", "tests/fixtures/stories/college"]).stdout).unwrap();
    let ages: Vec<&str> = facts.lines().filter(|l| l.contains("[age]")).collect();
    assert_eq!(ages.len(), 10, "{facts}");
    assert!(ages.iter().filter(|l| l.contains("→ Helen Ostrova / age")).all(|l| l.contains("\"52\"")), "{facts}");
    assert_eq!(ages.iter().filter(|l| l.contains("→ Jan Albers / age")).count(), 2, "{facts}");
}

#[test]
fn ferry_sinking() {
    // 212 passengers on board against the manifest's 230 (steady: a manifest is no running
    // tally); 83 rescued, then 97 (the later the higher, and the finding says so). What the ferry
    // was "licensed to carry" is no claim; the nine crew are not passengers; "more than 4,000"
    // and then 6,500 evacuated agree.
    let report = check_report("tests/fixtures/stories/ferry");
    assert_eq!(
        findings_in(&report),
        set(&[("error", "Palan", "on board (passengers)"), ("error", "Palan", "rescued")])
    );
    let message = |attribute: &str| finding_about(&report, attribute)["message"].as_str().unwrap().to_string();
    assert!(message("rescued").ends_with("(likely an updated count: later reports give higher figures)"));
    assert!(!message("on board (passengers)").contains("likely"), "a manifest has no trend");
}

#[test]
fn hurricane() {
    // A named storm is the event its articles are about, whatever town it came ashore near: the
    // landfall on Friday (twice) against Thursday night is one topic, "Hurricane Delia", and so
    // are the tolls each article gives without a place. The National Hurricane Center is no
    // storm; the missing of Mareta are Mareta's. "At least nine" dead, then 14 and "at least
    // 14" agree, but bounds that far apart are worth the warning that the first is early. It came
    // ashore as a Category 4 storm in one article, a Category 3 in another. The governor is
    // Rosa Ibáñez in one, Rosa Ibanez in another: one name, two spellings.
    assert_eq!(
        findings("tests/fixtures/stories/hurricane"),
        set(&[
            ("info", "Rosa Ibáñez", "name spelling"),
            ("error", "Hurricane Delia", "category at landfall"),
            ("warning", "Hurricane Delia", "deaths"),
            ("error", "Hurricane Delia", "date"),
            ("error", "Hurricane Delia", "evacuated"),
            ("error", "Hurricane Delia", "injuries"),
            ("error", "Mareta", "missing"),
        ])
    );
    // "At least 14 people have died, including a 72-year-old man who was swept away in Mareta":
    // the town is the man's, the 14 the storm's.
    let facts = String::from_utf8(factlint(&["facts", "tests/fixtures/stories/hurricane/c.md"]).stdout).unwrap();
    assert!(facts.contains("\"At least 14\" = ≥ 14 [deaths] → Hurricane Delia / deaths"), "{facts}");
}

#[test]
fn trial_a_year_later() {
    // An age grows with the years between articles: 19 in January 2024 and 20 at the trial in
    // March 2025 agree; 23 two days later agrees with neither.
    assert_eq!(findings("tests/fixtures/stories/trial"), set(&[("error", "Karl Brenner", "age")]));
    let report = json(&factlint(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/stories/trial/a.md",
        "tests/fixtures/stories/trial/b.md",
    ]));
    assert_eq!(report["findings"].as_array().unwrap().len(), 0, "{report}");
}

#[test]
fn building_collapse() {
    // One collapse, three levels of place: "in Ilesemi" (with its Oke-Ado district in the
    // dateline article), "the Osun State city of Ilesemi" and "Ilesemi's Oke-Ado district". All
    // are the one subject. The two figures of June 12, 42 and "nearly 40", cannot both be true,
    // so the rise from seven is no likely update.
    let report = check_report("tests/fixtures/stories/collapse");
    assert_eq!(findings_in(&report), set(&[("error", "Ilesemi", "deaths")]));
    let deaths = finding_about(&report, "deaths");
    assert_eq!(claim_texts(deaths), vec!["at least seven", "42", "nearly 40"]);
    assert!(!deaths["message"].as_str().unwrap().contains("updated"), "{deaths}");
}

#[test]
fn nightclub_shooting() {
    // A caption puts the club in Toledo and another sentence gives the club's founding year: the
    // town stays the place of the shooting, and the year is the club's (2009 against 2011). "Five
    // people dead, including the gunman" agrees with four killed; the 2017 shooting on Dorr
    // Street is another one. The local station names only the street, Adams Street, which no
    // text places in Toledo: its claims stay a subject of their own (a street may be another
    // incident's), so its "late Saturday night" is not held against "early Sunday".
    let report = check_report("tests/fixtures/stories/nightclub");
    assert_eq!(
        findings_in(&report),
        set(&[
            ("error", "Blue Heron", "founding year"),
            ("error", "Caleb Morrow", "age"),
            ("info", "Derrick Kowalczik", "name spelling"),
            ("error", "Toledo", "injuries"),
        ])
    );
    assert_eq!(
        claim_texts(finding_about(&report, "injuries")),
        vec!["nine", "Seven"],
        "the 2017 shooting's five wounded are not this one's"
    );
}

#[test]
fn company_and_its_founder() {
    // "Founded in 2008 by Lars Haugen, a former rail engineer, Nordvik grew": Nordvik is Nordvik
    // Motors, which the article named first, so 2008 stands against 2009 (and against "He
    // founded Nordvik Motors in 2009"). Fjord Electric's 2011 is its own, not its founder's; the
    // plant "in Drammen, opened in 2014" is no founding of Drammen; the 2016 fire's tolls are no
    // one's today; Lars Haugen is 70 in February and 71 at his death in April.
    assert_eq!(
        findings("tests/fixtures/stories/company"),
        set(&[("error", "Nordvik Motors", "founding year"), ("info", "Ingrid Solberg", "name spelling")])
    );
}

#[test]
fn claims_of_other_times_and_places_stay_apart_and_the_story_is_still_compared() {
    // Each folder is two or three short articles. What an article says of another year, another
    // street or another company is kept out; what it says of the story is still compared.
    let cases: &[(&str, &[Finding])] = &[
        // "In 2022, a crowd crush in Itaewon killed 159", a year later: the opening sentences
        // date the crush to 2022, so 2022 is the story's year, not another event's.
        ("anniversary", &[("error", "Itaewon", "deaths")]),
        // "In December 2023, a fire ... killed 12" written on January 2, 2024.
        ("year-boundary", &[("error", "Wajima", "deaths")]),
        // "Hours earlier, two people were killed in a drive-by shooting on Dorr Street": another
        // incident, on a street the opening sentence does not name.
        ("another-street", &[]),
        // "Tata, which was founded in 1868" is the parent group, not Tata Steel (1907).
        ("parent-company", &[]),
        // "The crowd had grown to about 5,000, when a stampede in Lagos killed 12": 5,000 is no year.
        ("crowd-of-thousands", &[("error", "Lagos", "deaths")]),
        // "Four years after the 2020 flood, a mudslide in Garissa killed 40": the comma ends what
        // 2020 says.
        ("years-after-a-flood", &[("error", "Garissa", "deaths")]),
        // "killed four people at The Blue Heron, which was founded in 2011", "Students at Kolvar
        // University, founded in 1965": founding years after "at" are still read.
        (
            "founded-venues",
            &[("error", "Blue Heron", "founding year"), ("error", "Kolvar University", "founding year")],
        ),
        // "Westgate Mall, which opened in 2007" and "Toledo, which settlers founded in 1833" stay
        // places where things happen.
        ("venue-that-opened", &[("error", "Westgate Mall", "deaths")]),
        ("town-founded", &[("error", "Toledo", "deaths")]),
        // "Tata Steel ... Tata said" in one article and "Tata, which was founded in 1868" in
        // another: a short name without a claim of its own merges nothing.
        ("short-name-without-claim", &[]),
    ];
    for (case, expected) in cases {
        assert_eq!(findings(&format!("tests/fixtures/other-times/{case}")), set(expected), "{case}");
    }
    // "In 2017, cholera killed 74 people in Nampula, and this year it has already killed 41":
    // ", and" turns back to now.
    let report = check_report("tests/fixtures/other-times/background-then-now");
    assert_eq!(claim_texts(finding_about(&report, "deaths")), vec!["41", "52"]);
    // What stays in, each against the other article's figure: "the worst disaster since the 2014
    // Sewol sinking" in a lead makes 2014 no year of the story (the Sewol's 304 stays out); the 12
    // of "Three of the 12 people killed ... were children" are the toll; "A landslide near the
    // plant crippled by the 2011 tsunami killed three" is the landslide's toll; "The 2023 attack
    // on a mosque in Baerum killed eight", at the trial a year later, is the story's.
    for (case, claims) in [
        ("worst-since-a-year", ["151", "153"]),
        ("part-of-the-toll", ["12", "14"]),
        ("near-an-old-disaster", ["three", "four"]),
        ("trial-a-year-later", ["eight", "nine"]),
    ] {
        let report = check_report(&format!("tests/fixtures/other-times/{case}"));
        assert_eq!(claim_texts(finding_about(&report, "deaths")), claims, "{case}");
    }
    // "This week alone, 41 people have been killed across the region", "Nationwide, 126 people
    // have been killed ... this month": wider tolls than the strike's own stay out of it.
    let report = check_report("tests/fixtures/other-times/wider-tolls");
    assert_eq!(claim_texts(finding_about(&report, "deaths")), vec!["14", "Sixteen"]);
    // "will be sentenced on Monday, more than a year after a crash that killed 27": the Monday
    // to come is no date of the crash; the two days the crash is given still disagree.
    let report = check_report("tests/fixtures/other-times/sentencing-preview");
    assert_eq!(claim_texts(finding_about(&report, "date")), vec!["August 14, 2024", "August 15, 2024"]);
    // "Five people were killed and seven wounded, including the gunman": the gunman is among the
    // seven, so five dead still stand against four.
    let report = check_report("tests/fixtures/other-times/gunman-among-the-wounded");
    assert_eq!(claim_texts(finding_about(&report, "deaths")), vec!["Five", "Four"]);
}

#[test]
fn two_names_one_sentence_gives_are_two_people() {
    // "His daughters Kemi Ogunbiyi and Yemi Ogunbiyi read eulogies": one edit apart, but side by
    // side, so two sisters and no spelling to check. Okafor and Okafur are one pastor.
    assert_eq!(findings("tests/fixtures/stories/siblings"), set(&[("info", "Daniel Okafor", "name spelling")]));
}

#[test]
fn a_clause_to_come_a_wider_scope_and_a_town_of_a_state_stop_where_they_should() {
    // Two or three short articles each, one per regression a review of the future-tense, scope
    // and town-of-a-state readings found; each disagreement must still be found, each
    // non-event kept out.
    let cases: &[(&str, &[Finding])] = &[
        // "The closure is due to Monday's landslide": "due to" is "because of", and a day with
        // "'s" names a day gone by.
        ("due-to-a-past-day", &[("error", "Bralen", "date")]),
        // "held against their will during the attack on Tuesday": "will" the noun.
        ("against-their-will", &[("error", "Tarvik", "date")]),
        // "won't reopen their stalls after Tuesday's attack": "after" turns back.
        ("wont-reopen-after", &[("error", "Tarvik", "date")]),
        // "in the Texas town of Uvalde", a Texas city named later: the town, not the state.
        ("texas-town", &[("error", "Uvalde", "deaths")]),
        // A rail strike and a drone strike "in retaliation for" are no dates of the event.
        ("rail-strike", &[]),
        ("retaliation-for-a-strike", &[]),
        // The event's own toll: "Across the country, mourners remembered the 14 people killed",
        // "the deadliest attack on the city since the invasion", "Flash floods ... have killed 40
        // people across the region".
        ("mourners-across-the-country", &[("error", "Tarvik", "deaths")]),
        ("deadliest-since-the-invasion", &[("error", "Kesterin", "deaths")]),
        ("floods-across-the-region", &[("error", "Belmora", "deaths")]),
        // A second round: "will need months to recover from the blast in Tarvik on Tuesday",
        // "will compensate families hit by the June 3 bombing": the event's day, gone by.
        ("recover-from-the-blast", &[("error", "Tarvik", "date")]),
        ("families-hit-by-the-bombing", &[("error", "Tarvik", "date")]),
        // "Survivors were taken to the Royal Theatre, a concert building built in 1925": not the
        // theatre that fell.
        ("another-buildings-year", &[]),
        // "Sarah Homes, 34": a surname, not a company's word.
        ("a-surname-like-a-company", &[("error", "Sarah Homes", "age")]),
        // "In response to the attack, the army launched an airstrike ... that killed 30": the
        // airstrike is the story.
        ("in-response-to-the-attack", &[("error", "Qaram", "deaths")]),
        // "killed 14 people ... in the third such attack so far this year"; "So far this year, no
        // attack has been as deadly as Tuesday's, when gunmen killed 14": the event's own toll.
        ("so-far-this-year-beside-the-toll", &[("error", "Tarvik", "deaths")]),
        ("so-far-this-year-opens-another-clause", &[("error", "Tarvik", "deaths")]),
    ];
    for (case, expected) in cases {
        assert_eq!(findings(&format!("tests/fixtures/edges/{case}")), set(expected), "{case}");
    }
}

#[test]
fn a_lead_dates_its_event_and_what_followed_dates_nothing() {
    let cases: &[(&str, &[Finding])] = &[
        // "A landslide buried a hamlet near Tarn early on Wednesday" against "happened on Tuesday
        // night": the verbs of a lead date the event.
        ("lead-verbs", &[("error", "Tarn", "date")]),
        // "killed in the September 13 derailment ... began burying their dead on Thursday": the
        // burial's day, past the derailment's own.
        ("burial-after-the-derailment", &[]),
        // "died of their injuries in hospital on Friday": a later death, not the explosion.
        ("died-of-injuries-later", &[]),
    ];
    for (case, expected) in cases {
        assert_eq!(findings(&format!("tests/fixtures/edges/{case}")), set(expected), "{case}");
    }
}

#[test]
fn areas_burned_compare_in_hectares() {
    // "14,200 hectares" and "some 35,000 acres" are one area; "some 14,000 acres", published the
    // same day, is another, a figure in acres that reads as if it were hectares.
    assert_eq!(findings("tests/fixtures/edges/area-in-two-units"), set(&[]));
    assert_eq!(findings("tests/fixtures/edges/area-acres-for-hectares"), set(&[("error", "Kelso", "area burned")]));
}

#[test]
fn an_avalanche_and_an_outbreak_read_as_their_articles_tell_them() {
    let cases: &[(&str, &[Finding])] = &[
        // "The avalanche that struck Velden on Friday night" against "swept into the ski resort
        // of Velden late on Saturday": a place an event struck, and a resort, are places.
        ("struck-place", &[("error", "Velden", "date")]),
        // "The tornado was about 800 metres wide" and "cut a swath 1.2 kilometres wide": the
        // event's own width, measured on the event or on the ground it covered.
        ("width-of-the-swath", &[("error", "Greyton", "width")]),
        // "Mara Tessen, 21 ... Her older sister Mira" and "Mira Tessen, 24": two sisters.
        ("sisters-one-letter-apart", &[]),
        // "Dr. Daniel Osei, 52" and "Daniela Osei, 34": a man's and a woman's name.
        ("gendered-given-names", &[]),
        // "The chief medical officer in Nkara, Daniel Osei, 52, said": a person, not a place
        // Nkara lies in; his age is compared.
        ("officer-of-the-town", &[("error", "Daniel Osei", "age")]),
        // "confirmed the first case on July 29" against "since the first infection was confirmed
        // on July 24": an outbreak's first day.
        ("first-case-confirmed", &[("error", "Nkara", "date")]),
        // "The hotel, built in 1968" against "the Edelweiss hotel was built in 1974"; "the
        // district hospital, which was constructed in 1971" against "built in 1964".
        ("named-hotel-built", &[("error", "Velden", "year built")]),
        ("district-hospital-built", &[("error", "Nkara", "year built")]),
    ];
    for (case, expected) in cases {
        assert_eq!(findings(&format!("tests/fixtures/edges/{case}")), set(expected), "{case}");
    }
}

#[test]
fn a_prison_riot_and_a_heatwave_read_as_their_articles_tell_them() {
    let cases: &[(&str, &[Finding])] = &[
        // "A riot in Karsk began on Saturday" against "The riot broke out in Karsk on Friday
        // night": a riot is an event.
        ("riot-day", &[("error", "Karsk", "date")]),
        // "Seven guards were injured" and "43 inmates were injured": two groups.
        ("guards-and-inmates", &[]),
        // "More than 40 inmates ... were treated at Kelmbruck General Hospital": the riot's
        // injured, compared with "In Odrava, 25 inmates were injured".
        ("treated-at-a-hospital", &[("error", "Odrava", "injuries (inmates)")]),
        // "Kardenia's last heatwave killed about 300 people": the previous one's toll.
        ("the-last-heatwave", &[]),
        // "killed 30,000 chickens" counts no one.
        ("animals-are-no-toll", &[]),
        // "When a cold front swept across Kardenia on July 12, it ended a heatwave that killed
        // 309": the front's day, not the heatwave's (which began on June 30); the toll rose.
        ("the-day-a-front-ended-it", &[("error", "Kardenia", "deaths")]),
    ];
    for (case, expected) in cases {
        assert_eq!(findings(&format!("tests/fixtures/edges/{case}")), set(expected), "{case}");
    }
}

#[test]
fn a_bombing_claimed_by_a_group_and_a_poisoning_read_as_their_articles_tell_them() {
    let cases: &[(&str, &[Finding])] = &[
        // "VELGRAD — Police detained five people ... over the bombing of the Dornitsa bus
        // station, which killed 34": the reporter filed from the capital; the bombing was in
        // Dornitsa, where the other article's 27 were killed the same day.
        ("filed-from-the-capital", &[("error", "Dornitsa", "deaths")]),
        // "KESSEL — A fire broke out at a textile factory": a lead that names no other place is
        // the dateline's, and so is the toll of the next paragraph, though it names Tarsk twice.
        ("the-dateline-is-the-scene", &[("error", "Kessel", "deaths")]),
        // "a car mechanic from Kessel, Timur Osmanov," is a man, not a place Kessel lies in: his
        // ages are compared.
        ("suspect-after-a-town", &[("error", "Timur Osmanov", "age")]),
        // "11 militants, including Djemalov, were killed" and "killed Djemalov and 10 of his
        // fighters" are one toll of militants, and no size of a group of 2,000.
        ("killed-with-the-leader", &[]),
        // "The first three deaths" are a part of the toll, and "the toll, which stood at 31 early
        // last week, rose to 49" gives 49.
        ("a-toll-passed-over", &[]),
        // 84 against 58 in hospital on the same Monday afternoon.
        ("in-hospital-same-day", &[("error", "Durrav", "in hospital")]),
        // "Police have detained five" and the kicker "ANALYSIS" are no organisations: "the group"
        // is the SVLF in both articles, which give it 2,000 and 3,000 fighters.
        ("the-group-not-the-police", &[("error", "SVLF", "fighters")]),
    ];
    for (case, expected) in cases {
        assert_eq!(findings(&format!("tests/fixtures/edges/{case}")), set(expected), "{case}");
    }
}
