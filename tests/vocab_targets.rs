//! The measurable targets of `kernsatz vocab` (issue 3), on the seed article and on six economy
//! and politics articles of 10kGNAD (`tests/fixtures/articles/`, chosen by a fixed rule: see
//! the README there).
//!
//! Run with `--nocapture` to see the figures per article.

mod common;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

use serde_json::Value;

use kernsatz::lexicon::{Gender, Pos, lexicon};
use kernsatz::tokenize::TokenKind;
use kernsatz::vocab::{VocabEntry, VocabOptions, vocabulary};
use kernsatz::{Document, IdfTable};

use common::{SEED, SEED_TEXT, fixture, kernsatz};

/// The seed article and the 10kGNAD articles: (name, path, text), in file-name order.
fn articles() -> Vec<(String, String, String)> {
    let mut paths: Vec<_> = std::fs::read_dir(fixture("articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 3, "need at least 3 dev articles");
    let mut out = vec![("seed".to_owned(), SEED.to_owned(), SEED_TEXT.to_owned())];
    for p in paths {
        let name = p.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&p).unwrap();
        out.push((name, p.to_string_lossy().into_owned(), text));
    }
    out
}

/// One article with its default list (domain terms, no limit) and its `all` list.
struct Lists {
    name: String,
    doc: Document,
    default: Vec<VocabEntry>,
    all: Vec<VocabEntry>,
}

/// Computed once per test binary (the lexicon is slow in debug builds).
fn lists() -> &'static [Lists] {
    static LISTS: OnceLock<Vec<Lists>> = OnceLock::new();
    LISTS.get_or_init(|| {
        articles()
            .into_iter()
            .map(|(name, _, text)| {
                let doc = Document::new(text).unwrap();
                let idf = IdfTable::embedded();
                let default = vocabulary(&doc, idf, &VocabOptions::default());
                let all = vocabulary(
                    &doc,
                    idf,
                    &VocabOptions {
                        all: true,
                        ..VocabOptions::default()
                    },
                );
                Lists {
                    name,
                    doc,
                    default,
                    all,
                }
            })
            .collect()
    })
}

fn stdout_of(args: &[&str]) -> String {
    let out = kernsatz().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The seed's list as the CLI prints it by default, as JSON (computed once).
fn seed_default_json() -> &'static [Value] {
    static JSON: OnceLock<Vec<Value>> = OnceLock::new();
    JSON.get_or_init(|| {
        let out = stdout_of(&["vocab", "--format", "json", SEED]);
        serde_json::from_str::<Vec<Value>>(&out).unwrap()
    })
}

fn str_of<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

/// The head of a compound lemma as `parts` (the entry's compound parts; the lexicon's split
/// when empty) give it: (front, head lemma), `Militärallianz` → (`Militär`, `Allianz`).
fn head_of<'a>(lemma: &'a str, parts: &[String]) -> Option<(&'a str, String)> {
    // a hyphenated compound's head is its last word (All-in-Gehalt → Gehalt)
    if let Some(i) = lemma.rfind('-')
        && !lexicon().noun_entries(&lemma[i + 1..]).is_empty()
    {
        return Some((&lemma[..=i], lemma[i + 1..].to_owned()));
    }
    let parts = if parts.len() >= 2 {
        parts.to_vec()
    } else {
        lexicon().split_compound(lemma)?
    };
    let head = parts.last()?;
    let front = lemma.strip_suffix(head.as_str())?;
    let mut cs = head.chars();
    let head_lemma: String = cs.next()?.to_uppercase().chain(cs).collect();
    Some((front, head_lemma))
}

/// What the german-nouns (Wiktionary) data says of a noun lemma: its entries as (gender,
/// plurals). A compound it does not list takes its head's entries, with the compound's front
/// prepended to the plurals (`Militärallianz` → `Allianz` → `Militärallianzen`).
fn german_nouns(lemma: &str, parts: &[String]) -> Vec<(Gender, Vec<String>)> {
    let lex = lexicon();
    let direct = lex.noun_entries(lemma);
    if !direct.is_empty() {
        return direct;
    }
    let Some((front, head_lemma)) = head_of(lemma, parts) else {
        return Vec::new();
    };
    let join = |p: &str| {
        if front.is_empty() || front.ends_with('-') {
            format!("{front}{p}")
        } else {
            let mut cs = p.chars();
            let first: String = cs.next().unwrap().to_lowercase().collect();
            format!("{front}{first}{}", cs.as_str())
        }
    };
    lex.noun_entries(&head_lemma)
        .into_iter()
        .map(|(g, ps)| (g, ps.iter().map(|p| join(p)).collect()))
        .collect()
}

/// Whether gender and plural of a noun entry agree with german-nouns: the gender of one of its
/// entries, and a plural that entry lists (none when it lists none and the noun is plural-only
/// or uncountable). Where the german-nouns entry lists no plural, the plural of the hand-written
/// domain lexicon fills the gap (german-nouns has `das Gehalt` without `Gehälter`).
fn agrees_with_german_nouns(
    lemma: &str,
    parts: &[String],
    gender: Option<&str>,
    plural: Option<&str>,
) -> bool {
    let lex = lexicon();
    let domain_plural = |l: &str| {
        lex.domain_entry(l, Pos::Noun)
            .and_then(|e| e.plural)
            .map(str::to_owned)
    };
    german_nouns(lemma, parts).iter().any(|(g, plurals)| {
        if Some(g.as_str()) != gender {
            return false;
        }
        match plural {
            Some(p) if plurals.iter().any(|x| x == p) => true,
            Some(p) if plurals.is_empty() => {
                // the domain lexicon's plural of the lemma or of its head
                domain_plural(lemma).as_deref() == Some(p)
                    || head_of(lemma, parts).is_some_and(|(front, head_lemma)| {
                        domain_plural(&head_lemma).is_some_and(|hp| {
                            p.strip_prefix(front)
                                .is_some_and(|rest| rest.eq_ignore_ascii_case(&hp))
                        })
                    })
            }
            Some(_) => false,
            // no plural: german-nouns lists none, or the compound's plural is not attested (a
            // compound of an uncountable activity or field noun: Krebsforschung), or Wiktionary's
            // main sense has none (der Frieden: kein Plural)
            None => {
                plurals.is_empty()
                    || *g == Gender::Pl
                    || lex.senses(lemma).first().is_some_and(|s| {
                        ["kein Plural", "ohne Plural", "nur Singular"]
                            .iter()
                            .any(|l| s.text.starts_with(l))
                    })
                    || plurals
                        .iter()
                        .all(|p| !lex.plural_attested(lemma, p, parts))
            }
        }
    })
}

#[test]
fn seed_default_list_has_the_key_terms_with_article_plural_and_gloss() {
    let lex = lexicon();
    let list = seed_default_json();
    let by_lemma: HashMap<&str, &Value> = list
        .iter()
        .map(|e| (str_of(e, "lemma").unwrap(), e))
        .collect();
    // (lemma, a word its English gloss must contain)
    let expected = [
        ("Lieferkette", "supply chain"),
        ("Allianz", "alliance"),
        ("Militärallianz", "alliance"),
        ("Wirtschaftsminister", "minister"),
        ("Verteidigungsminister", "minister"),
        ("Gipfeltreffen", "summit"),
        // "Halbleiter- und Akkufabriken": the elliptical coordination is both factories
        ("Halbleiterfabrik", "semiconductor"),
        ("Regierungschef", "government"),
        ("Versorgungssicherheit", "supply"),
        ("Sicherheitspolitik", "security"),
        ("Zusammenarbeit", "cooperation"),
        ("Stützpunkt", "base"),
    ];
    let mut missing = Vec::new();
    for (lemma, english) in expected {
        let Some(e) = by_lemma.get(lemma) else {
            missing.push(lemma);
            continue;
        };
        let a = lex.analyze(lemma).unwrap();
        assert_eq!(str_of(e, "pos"), Some("noun"), "{lemma}");
        // article and plural as the lexicon has them (the plural where it is in use: not
        // *Versorgungssicherheiten*, a compound of a head whose compounds are used without a
        // plural), and as german-nouns has them
        let gender = a.gender.unwrap();
        assert_eq!(str_of(e, "article"), Some(gender.article()), "{lemma}");
        assert_eq!(str_of(e, "gender"), Some(gender.as_str()), "{lemma}");
        let in_use = a
            .plural
            .as_deref()
            .filter(|p| lex.plural_attested(lemma, p, &a.parts));
        assert_eq!(str_of(e, "plural"), in_use, "{lemma}");
        let parts: Vec<String> = e["parts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap().to_owned())
            .collect();
        assert!(
            agrees_with_german_nouns(lemma, &parts, str_of(e, "gender"), str_of(e, "plural")),
            "{lemma}: {} {:?} disagrees with german-nouns {:?}",
            gender.as_str(),
            str_of(e, "plural"),
            german_nouns(lemma, &parts)
        );
        let gloss = str_of(e, "gloss").unwrap_or_default();
        assert_eq!(Some(gloss), a.gloss.as_deref(), "{lemma}");
        assert!(
            gloss.to_lowercase().contains(english),
            "{lemma}: gloss {gloss:?} should mention {english:?}"
        );
    }
    let lemmas: Vec<&str> = list.iter().filter_map(|e| str_of(e, "lemma")).collect();
    // key terms named once in the article: in the first 70 of the ranking
    let longer: Vec<Value> = serde_json::from_str(&stdout_of(&[
        "vocab", "--format", "json", "--limit", "70", SEED,
    ]))
    .unwrap();
    for lemma in ["Bündnis", "Abhängigkeit", "Lieferant"] {
        if !longer.iter().any(|e| str_of(e, "lemma") == Some(lemma)) {
            missing.push(lemma);
        }
    }
    assert!(
        missing.is_empty(),
        "missing from the default list of {}: {missing:?}\nlist: {lemmas:?}",
        list.len()
    );
    eprintln!(
        "seed default list: {} entries, all {} key terms present",
        list.len(),
        expected.len()
    );
}

#[test]
fn seed_default_list_has_no_boilerplate_and_no_names() {
    let lex = lexicon();
    let list = seed_default_json();
    let forbidden = [
        // boilerplate of the page
        "Jobs",
        "Job",
        "E-Mail",
        "Mail",
        "Home-Bildschirm",
        "Startbildschirm",
        "Bildschirm",
        "imago",
        "images",
        "Bild",
        "ZUMA",
        "Wire",
        // names of people, places and organisations in the article
        "Biden",
        "Joe",
        "Kishida",
        "Fumio",
        "Blinken",
        "Antony",
        "Tokio",
        "Japan",
        "Japans",
        "China",
        "Chinas",
        "USA",
        "Taiwan",
        "Taiwans",
        "Ukraine",
        "Russland",
        "Russlands",
        "Australien",
        "Indien",
        "Indonesien",
        "Deutschland",
        "Frankreich",
        "Großbritannien",
        "Asien",
        "Südostasien",
        "Quad",
        "Aukus",
        "Nikkei",
        "Vereinigten",
        "Staaten",
        "Tech",
        "Bridge",
    ];
    for e in list {
        let lemma = str_of(e, "lemma").unwrap();
        let forms: Vec<&str> = e["forms"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f.as_str().unwrap())
            .collect();
        for w in std::iter::once(lemma).chain(forms.iter().copied()) {
            assert!(
                !forbidden.iter().any(|f| f.eq_ignore_ascii_case(w)),
                "{w:?} ({lemma}) in the default list"
            );
            assert!(
                !lex.is_proper_name(w),
                "{w:?} ({lemma}) is a name, in the default list"
            );
        }
        // every entry comes from the article body, not from a caption or prompt line
        let example = str_of(e, "example").unwrap();
        for b in [
            "Bild:",
            "Jetzt die besten Jobs",
            "Home-Bildschirm",
            "tippen",
        ] {
            assert!(!example.contains(b), "{lemma}: example {example:?}");
        }
    }
}

#[test]
fn one_entry_per_lemma_and_counts_add_up() {
    for l in lists() {
        for (what, list) in [("default", &l.default), ("all", &l.all)] {
            let mut seen = HashSet::new();
            for e in list {
                assert!(
                    seen.insert(e.lemma.as_str()),
                    "{} ({what}): {} listed twice",
                    l.name,
                    e.lemma
                );
            }
        }
        // every word token of the body, by surface
        let mut tokens: HashMap<&str, usize> = HashMap::new();
        for s in &l.doc.sentences {
            for t in &s.tokens {
                if t.kind == TokenKind::Word {
                    *tokens.entry(t.surface(&l.doc.text)).or_default() += 1;
                }
            }
        }
        // surfaces that belong to more than one entry (a name at the start of a sentence and a
        // word elsewhere) cannot be counted per entry
        let mut owners: HashMap<&str, usize> = HashMap::new();
        for e in &l.all {
            for f in &e.forms {
                *owners.entry(f.as_str()).or_default() += 1;
            }
        }
        for e in &l.all {
            assert_eq!(e.count, e.occurrences.len(), "{}: {}", l.name, e.lemma);
            let distinct: HashSet<_> = e.occurrences.iter().collect();
            assert_eq!(distinct.len(), e.count, "{}: {}", l.name, e.lemma);
            let mut forms_seen = Vec::new();
            for &(start, end) in &e.occurrences {
                let surface = &l.doc.text[start..end];
                assert!(
                    e.forms.iter().any(|f| f == surface),
                    "{}: {} occurs as {surface:?}, not among its forms {:?}",
                    l.name,
                    e.lemma,
                    e.forms
                );
                if !forms_seen.contains(&surface) {
                    forms_seen.push(surface);
                }
            }
            assert_eq!(forms_seen, e.forms, "{}: forms of {}", l.name, e.lemma);
            // (a truncated word, `Außen-`, is a token without its hyphen)
            if e.forms
                .iter()
                .all(|f| owners[f.as_str()] == 1 && tokens.contains_key(f.as_str()))
            {
                let in_text: usize = e.forms.iter().map(|f| tokens[f.as_str()]).sum();
                assert_eq!(
                    e.count, in_text,
                    "{}: {} counted {} times, its forms {:?} occur {in_text} times",
                    l.name, e.lemma, e.count, e.forms
                );
            }
        }
        // the default list is the domain part of the full list (which adds the words of
        // longer names: die Vereinigten Staaten)
        let all: HashMap<(&str, &str), &VocabEntry> = l
            .all
            .iter()
            .map(|e| ((e.lemma.as_str(), e.pos), e))
            .collect();
        for e in &l.default {
            let a = all.get(&(e.lemma.as_str(), e.pos)).unwrap_or_else(|| {
                panic!("{}: {} {} not in the --all list", l.name, e.lemma, e.pos)
            });
            assert!(e.count <= a.count, "{}: {}", l.name, e.lemma);
            assert!(
                e.forms.iter().all(|f| a.forms.contains(f)),
                "{}: {}",
                l.name,
                e.lemma
            );
        }
    }
}

#[test]
fn forms_are_grouped_under_their_lemma() {
    let lex = lexicon();
    let seed = &lists()[0];
    assert_eq!(seed.name, "seed");
    let find = |lemma: &str| {
        seed.default
            .iter()
            .find(|e| e.lemma == lemma)
            .unwrap_or_else(|| panic!("{lemma} not listed"))
    };
    let text = &seed.doc.text;
    // Lieferketten ×3 in the body, no other form
    let lk = find("Lieferkette");
    assert_eq!(lk.forms, ["Lieferketten"]);
    assert_eq!(lk.count, text.matches("Lieferketten").count());
    assert_eq!(lk.count, 3);
    assert_eq!(find("Bündnis").forms, ["Bündnisse"]);
    assert_eq!(find("Fabrik").forms, ["Fabriken"]);
    assert_eq!(
        find("Verteidigungsminister").forms,
        ["Verteidigungsministern"]
    );
    // no lemma's form is listed as a lemma of its own
    let lemmas: HashSet<&str> = seed.default.iter().map(|e| e.lemma.as_str()).collect();
    for l in lists() {
        for e in &l.default {
            for f in &e.forms {
                // a truncated word of an elliptical coordination (`Außen-` of "Außen- und
                // Verteidigungsminister") is checked in src/coordination.rs
                if f.ends_with('-') || f.starts_with('-') {
                    continue;
                }
                // a compound with a name or abbreviation in front (`US-Außenminister`) is
                // listed as its head
                let f = match f.rsplit_once('-') {
                    Some((_, head)) if lex.analyze(f).map(|a| a.lemma) != Some(e.lemma.clone()) => {
                        head
                    }
                    _ => f.as_str(),
                };
                // every form analyses back to its entry's lemma; the finite verb of a particle
                // verb (`lud … ein`) to the verb without its particle
                let back = lex.analyze(f).map(|a| a.lemma);
                if e.pos == "verb"
                    && back
                        .as_deref()
                        .is_some_and(|b| b != e.lemma && e.lemma.ends_with(b))
                {
                    continue;
                }
                assert_eq!(
                    back.as_deref(),
                    Some(e.lemma.as_str()),
                    "{}: form {f} of {}",
                    l.name,
                    e.lemma
                );
            }
        }
    }
    assert!(!lemmas.contains("Lieferketten"));
}

#[test]
fn noun_gender_and_plural_agree_with_german_nouns() {
    let mut report = BTreeMap::new();
    let mut failures = Vec::new();
    for l in lists() {
        let nouns: Vec<&VocabEntry> = l.all.iter().filter(|e| e.pos == "noun").collect();
        let mut agree = 0;
        for e in &nouns {
            assert_eq!(
                e.article,
                e.gender.map(|g| g.parse::<Gender>().unwrap().article()),
                "{}",
                e.lemma
            );
            if agrees_with_german_nouns(&e.lemma, &e.parts, e.gender, e.plural.as_deref()) {
                agree += 1;
            } else {
                failures.push(format!(
                    "{}: {} {:?} {:?}, german-nouns {:?}",
                    l.name,
                    e.lemma,
                    e.gender,
                    e.plural,
                    german_nouns(&e.lemma, &e.parts)
                ));
            }
        }
        report.insert(l.name.clone(), (agree, nouns.len()));
    }
    for (name, (agree, n)) in &report {
        eprintln!("{name}: gender+plural agree for {agree}/{n} nouns (--all)");
    }
    assert!(
        failures.is_empty(),
        "disagreements:\n{}",
        failures.join("\n")
    );
}

#[test]
fn list_sizes_and_domain_share() {
    for l in lists() {
        assert!(!l.default.is_empty(), "{}: empty default list", l.name);
        // every entry of the default list has a meaning: an English gloss or a German
        // definition (the domain list boosts, it does not gate)
        for e in &l.default {
            assert!(
                e.gloss.is_some() || e.definition_de.is_some(),
                "{}: {} has no meaning",
                l.name,
                e.lemma
            );
        }
        assert!(l.all.len() > l.default.len(), "{}", l.name);
        let glossed = l.default.iter().filter(|e| e.gloss.is_some()).count();
        let nouns = l.default.iter().filter(|e| e.pos == "noun").count();
        let top40 = &l.default[..l.default.len().min(40)];
        let top_glossed = top40.iter().filter(|e| e.gloss.is_some()).count();
        eprintln!(
            "{}: default {} entries ({nouns} nouns, {glossed} with gloss), all {}; top 40: {}/{} with gloss",
            l.name,
            l.default.len(),
            l.all.len(),
            top_glossed,
            top40.len()
        );
        // ranked: scores never rise down the list
        for w in l.default.windows(2) {
            assert!(w[0].score >= w[1].score, "{}: {:?}", l.name, w[1].lemma);
        }
    }
}

#[test]
fn json_entries_have_exactly_the_documented_keys() {
    let keys: HashSet<&str> = [
        "lemma",
        "pos",
        "gender",
        "article",
        "plural",
        "gloss",
        "category",
        "level",
        "count",
        "forms",
        "example",
        "parts",
        "gloss_composed",
        "definition_de",
        "ipa",
    ]
    .into();
    let list = seed_default_json();
    assert_eq!(list.len(), 40, "default --limit is 40");
    for e in list {
        let got: HashSet<&str> = e.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(got, keys, "{e}");
        assert!(e["count"].as_u64().unwrap() >= 1);
        assert!(e["forms"].as_array().is_some_and(|f| !f.is_empty()));
        assert!(e["parts"].is_array());
    }
}

/// The JSON value of a TSV/CSV cell: empty cells are null where JSON has null.
fn cell_matches(json: &Value, cell: &str, key: &str) -> bool {
    match json {
        Value::Null => cell.is_empty(),
        Value::String(s) => s == cell,
        Value::Number(n) => n.to_string() == cell,
        Value::Bool(b) => b.to_string() == cell,
        Value::Array(a) => {
            let sep = if key == "parts" { "·" } else { ", " };
            let joined: Vec<&str> = a.iter().map(|v| v.as_str().unwrap()).collect();
            joined.join(sep) == cell
        }
        _ => false,
    }
}

#[test]
fn tsv_and_csv_parse_back_into_the_json_values() {
    // an article with quote-heavy sentences: ASCII and typographic quotes, commas, semicolons,
    // tabs
    let dir = tempfile::tempdir().unwrap();
    let quoted = dir.path().join("quoted.txt");
    std::fs::write(
        &quoted,
        "Der Wirtschaftsminister sagte: \"Die Lieferketten, die Halbleiter; und die Abhängigkeit \
         sind \"\"unser\"\" Thema.\"\n\nDas Bündnis will die Versorgungssicherheit erhöhen, \
         hieß es\tin einer „Erklärung“ der Regierung.\n\nDie 'Allianz' der Staaten \
         stärkt die Zusammenarbeit, sagte der Regierungschef am Freitag.\n",
    )
    .unwrap();
    let quoted = quoted.to_str().unwrap();
    for input in [SEED, quoted] {
        let json: Vec<Value> = serde_json::from_str(&stdout_of(&[
            "vocab", "--all", "--limit", "0", "--format", "json", input,
        ]))
        .unwrap();
        assert!(json.len() >= 5, "{input}: {}", json.len());
        if input == quoted {
            assert!(
                json.iter()
                    .any(|e| str_of(e, "example").is_some_and(|x| x.contains('"'))),
                "no example with a double quote"
            );
        }
        for (format, delimiter) in [("tsv", b'\t'), ("csv", b',')] {
            let out = stdout_of(&["vocab", "--all", "--limit", "0", "--format", format, input]);
            let mut r = csv::ReaderBuilder::new()
                .delimiter(delimiter)
                .from_reader(out.as_bytes());
            let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
            assert_eq!(
                header,
                kernsatz::export::vocab::COLUMNS.map(str::to_owned).to_vec(),
                "{format}"
            );
            let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
            assert_eq!(rows.len(), json.len(), "{input} {format}");
            for (row, e) in rows.iter().zip(&json) {
                for (key, cell) in header.iter().zip(row.iter()) {
                    assert!(
                        cell_matches(&e[key.as_str()], cell, key),
                        "{input} {format}: {key} = {cell:?}, JSON {}",
                        e[key.as_str()]
                    );
                }
            }
        }
    }
}
