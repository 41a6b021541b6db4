//! Tests of the German lexicon (src/lexicon, data/lexicon).

use std::path::Path;
use std::process::Command;

use kernsatz::lexicon::{
    Case, Category, Gender, LEVEL_THRESHOLDS, Level, Lexicon, NameKind, Number, PartKind, Pos,
    embedded_data_bytes, level_for_zipf, lexicon,
};

#[test]
fn lemmatises_inflected_nouns() {
    let lex = lexicon();
    for (surface, lemma) in [
        ("Lieferketten", "Lieferkette"),
        ("Verbündeten", "Verbündeter"),
        ("Verbündete", "Verbündeter"),
        ("Bündnisse", "Bündnis"),
        ("Bündnissen", "Bündnis"),
        ("Streitkräften", "Streitkraft"),
        ("Gipfels", "Gipfel"),
        ("Stützpunkte", "Stützpunkt"),
        ("Lieferanten", "Lieferant"),
        ("Produkten", "Produkt"),
        ("Bauteilen", "Bauteil"),
        ("Fabriken", "Fabrik"),
        ("Gespräche", "Gespräch"),
        ("Regierungen", "Regierung"),
        ("Häusern", "Haus"),
        ("Hauptthemen", "Hauptthema"),
        ("Technologieinvestitionen", "Technologieinvestition"),
        ("Akkufabriken", "Akkufabrik"),
        ("US-Präsidenten", "US-Präsident"),
        ("Unternehmen", "Unternehmen"),
        ("Kosten", "Kosten"),
        ("Alternativen", "Alternative"),
        ("Abgeordneten", "Abgeordneter"),
        ("Firmenanteile", "Firmenanteil"),
        ("Museums-", "Museum"),
        ("Wirtschafts-", "Wirtschaft"),
    ] {
        assert_eq!(
            lex.lemmatize_noun(surface).as_deref(),
            Some(lemma),
            "{surface}"
        );
    }
    // Only capitalised words are nouns; unknown words have no lemma.
    assert_eq!(lex.lemmatize_noun("lieferketten"), None);
    assert_eq!(lex.lemmatize_noun("Xqzvbnm"), None);
}

#[test]
fn seed_nouns_have_gender_and_plural() {
    let lex = lexicon();
    for (lemma, gender, plural) in [
        ("Lieferkette", Gender::F, Some("Lieferketten")),
        ("Bündnis", Gender::N, Some("Bündnisse")),
        ("Allianz", Gender::F, Some("Allianzen")),
        ("Gipfel", Gender::M, Some("Gipfel")),
        ("Gipfeltreffen", Gender::N, Some("Gipfeltreffen")),
        ("Abhängigkeit", Gender::F, Some("Abhängigkeiten")),
        ("Halbleiter", Gender::M, Some("Halbleiter")),
        ("Investition", Gender::F, Some("Investitionen")),
        ("Einfluss", Gender::M, Some("Einflüsse")),
        ("Stützpunkt", Gender::M, Some("Stützpunkte")),
        ("Unternehmen", Gender::N, Some("Unternehmen")),
        ("Fabrik", Gender::F, Some("Fabriken")),
        ("Standard", Gender::M, Some("Standards")),
        ("Staatschef", Gender::M, Some("Staatschefs")),
        ("Streitkraft", Gender::F, Some("Streitkräfte")),
        ("Kosten", Gender::Pl, None),
    ] {
        assert_eq!(
            lex.noun(lemma),
            Some((gender, plural.map(str::to_owned))),
            "{lemma}"
        );
    }
    assert_eq!(Gender::M.article(), "der");
    assert_eq!(Gender::F.article(), "die");
    assert_eq!(Gender::N.article(), "das");
    assert_eq!(Gender::Pl.article(), "die");
    // Nouns with several Wiktionary entries keep them all; the first is the primary one.
    let steuer = lex.noun_entries("Steuer");
    assert!(
        steuer
            .iter()
            .any(|(g, p)| *g == Gender::F && p.contains(&"Steuern".to_owned())),
        "{steuer:?}"
    );
    assert!(steuer.iter().any(|(g, _)| *g == Gender::N), "{steuer:?}");
}

#[test]
fn analysis_of_domain_nouns() {
    let lex = lexicon();
    let a = lex.analyze("Verbündeten").unwrap();
    assert_eq!(
        (a.lemma.as_str(), a.pos, a.gender),
        ("Verbündeter", Pos::Noun, Some(Gender::M))
    );
    assert!(a.domain);
    assert_eq!(a.category, Some(Category::Diplomacy));
    assert_eq!(a.gloss.as_deref(), Some("ally"));
    assert!(
        a.synonyms.contains(&"Partner".to_owned()),
        "{:?}",
        a.synonyms
    );
    assert!(a.zipf.is_some() && a.level.is_some());

    // A domain noun whose Wiktionary entry is not the first one: die Steuer, not das Steuer.
    let s = lex.analyze("Steuern").unwrap();
    assert_eq!(
        (s.lemma.as_str(), s.gender, s.plural.as_deref()),
        ("Steuer", Some(Gender::F), Some("Steuern"))
    );

    // A plural-only noun.
    let k = lex.analyze("Kosten").unwrap();
    assert_eq!((k.gender, k.plural.as_deref()), (Some(Gender::Pl), None));
}

#[test]
fn splits_compounds() {
    let lex = lexicon();
    for (word, parts) in [
        ("Versorgungssicherheit", &["Versorgungs", "sicherheit"][..]),
        (
            "Truppenaustauschabkommen",
            &["Truppen", "austausch", "abkommen"],
        ),
        ("Technologieinvestition", &["Technologie", "investition"]),
        (
            "Technologieinvestitionen",
            &["Technologie", "investitionen"],
        ),
        ("Halbleiterfabrik", &["Halbleiter", "fabrik"]),
        ("Wirtschaftsminister", &["Wirtschafts", "minister"]),
        ("Gipfeltreffen", &["Gipfel", "treffen"]),
        ("Sicherheitspolitik", &["Sicherheits", "politik"]),
        ("Lieferkette", &["Liefer", "kette"]),
        ("Außenminister", &["Außen", "minister"]),
        ("Staatenbund", &["Staaten", "bund"]),
        ("US-Präsident", &["US", "Präsident"]),
        ("Online-Gipfel", &["Online", "Gipfel"]),
        ("Firmenchef", &["Firmen", "chef"]),
        ("Museumsdirektor", &["Museums", "direktor"]),
        // -ung, -heit, -tät, -ion … take the linking -s- (not Regierung·samt)
        ("Regierungsamt", &["Regierungs", "amt"]),
        ("Universitätsklinik", &["Universitäts", "klinik"]),
        ("Gesundheitsamt", &["Gesundheits", "amt"]),
        // … but not a word that merely ends so (der Sprung, das Stadion)
        ("Sprungbrett", &["Sprung", "brett"]),
        ("Stadionverbot", &["Stadion", "verbot"]),
    ] {
        let parts: Vec<String> = parts.iter().map(|p| (*p).to_owned()).collect();
        assert_eq!(lex.split_compound(word), Some(parts), "{word}");
    }
    // Simple words are not split into short rare "words" (Mini·ster, Bünd·nis).
    for word in [
        "Pensionist",
        "Minister",
        "Bündnis",
        "Regierung",
        "Unternehmen",
        "Standard",
        "Allianz",
        "Marine",
        "Haus",
        "Konzeption",
        "Kaputtsparen",
    ] {
        assert_eq!(lex.split_compound(word), None, "{word}");
    }
    let parts = lex.compound_parts("Versorgungssicherheit").unwrap();
    assert_eq!(parts[0].lemma, "Versorgung");
    assert_eq!(parts[0].linker, "s");
    assert_eq!(parts[0].kind, PartKind::Noun);
    assert_eq!(parts[1].lemma, "Sicherheit");
    let liefer = lex.compound_parts("Lieferkette").unwrap();
    assert_eq!(
        (liefer[0].lemma.as_str(), liefer[0].kind),
        ("liefern", PartKind::VerbStem)
    );
}

#[test]
fn compounds_take_gender_plural_and_domain_from_their_parts() {
    let lex = lexicon();
    let a = lex.analyze("Halbleiterfabriken").unwrap();
    assert_eq!(a.lemma, "Halbleiterfabrik");
    assert_eq!(
        (a.gender, a.plural.as_deref()),
        (Some(Gender::F), Some("Halbleiterfabriken"))
    );
    assert_eq!(a.parts, ["Halbleiter", "fabrik"]);
    assert!(a.domain);
    assert_eq!(
        a.category,
        Some(Category::Technology),
        "category of the head (Fabrik)"
    );

    let t = lex.analyze("Truppenaustauschabkommen").unwrap();
    assert_eq!(
        (t.gender, t.plural.as_deref()),
        (Some(Gender::N), Some("Truppenaustauschabkommen"))
    );
    assert!(t.domain, "Abkommen and Truppe are domain terms");

    let u = lex.analyze("US-Präsidenten").unwrap();
    assert_eq!(
        (u.lemma.as_str(), u.gender, u.plural.as_deref()),
        ("US-Präsident", Some(Gender::M), Some("US-Präsidenten"))
    );
    assert_eq!(u.parts, ["US", "Präsident"]);

    // Head not domain, modifier domain: the modifier's category.
    let w = lex.analyze("Wirtschaftszeitungen").unwrap();
    assert_eq!(w.lemma, "Wirtschaftszeitung");
    assert!(w.domain);
}

#[test]
fn lemmatises_adjectives_and_verbs() {
    let lex = lexicon();
    for (surface, lemma, pos) in [
        ("wirtschaftlichen", "wirtschaftlich", Pos::Adj),
        ("Wirtschaftliche", "wirtschaftlich", Pos::Adj),
        ("bilaterale", "bilateral", Pos::Adj),
        ("multilateralen", "multilateral", Pos::Adj),
        ("sicherheitspolitischer", "sicherheitspolitisch", Pos::Adj),
        ("geostrategischen", "geostrategisch", Pos::Adj),
        ("militärischem", "militärisch", Pos::Adj),
        ("staatlich", "staatlich", Pos::Adj),
        ("engsten", "eng", Pos::Adj),
        ("stärker", "stark", Pos::Adj),
        ("größten", "groß", Pos::Adj),
        ("wichtigerer", "wichtig", Pos::Adj),
        ("besser", "gut", Pos::Adj),
        ("bekannten", "bekannt", Pos::Adj),
        ("verhandelte", "verhandeln", Pos::Verb),
        ("verhandelt", "verhandeln", Pos::Verb),
        ("investiert", "investieren", Pos::Verb),
        ("investierten", "investieren", Pos::Verb),
        ("geförderte", "fördern", Pos::Verb),
        ("gegründet", "gründen", Pos::Verb),
        ("zusammenzuarbeiten", "zusammenarbeiten", Pos::Verb),
        ("aufzubauen", "aufbauen", Pos::Verb),
        ("diskutierten", "diskutieren", Pos::Verb),
        ("sagte", "sagen", Pos::Verb),
        ("sprach", "sprechen", Pos::Verb),
        ("beschlossen", "beschließen", Pos::Verb),
        ("angesprochen", "ansprechen", Pos::Verb),
        ("entstehenden", "entstehen", Pos::Verb),
        ("wurde", "werden", Pos::Verb),
        ("ist", "sein", Pos::Verb),
    ] {
        let a = lex
            .analyze(surface)
            .unwrap_or_else(|| panic!("{surface}: no analysis"));
        assert_eq!((a.lemma.as_str(), a.pos), (lemma, pos), "{surface}");
    }
    let f = lex.analyze("Zudem").unwrap();
    assert_eq!((f.lemma.as_str(), f.pos), ("zudem", Pos::Other));
    assert!(lex.is_function_word("Die"));
}

#[test]
fn tells_proper_names() {
    let lex = lexicon();
    for name in [
        "Biden",
        "Kishida",
        "Tokio",
        "Japan",
        "China",
        "Australien",
        "Indien",
        "Taiwan",
        "Blinken",
        "Nikkei",
        "Chinas",
        "Japans",
        "Russlands",
        "Bidens",
        "Aukus",
        "Fumio",
    ] {
        assert!(lex.is_proper_name(name), "{name}");
    }
    for word in [
        "Lieferketten",
        "Minister",
        "Gipfel",
        "Regierung",
        "Steuer",
        "Bank",
        "Die",
        "Aber",
        "Zudem",
        "Wirtschaftliche",
        "US-Präsident",
        "Technologieinvestitionen",
        "biden",
        "japan",
        "",
        "Wirtschafts-",
        "Einmal",
        "Aussendung",
    ] {
        assert!(!lex.is_proper_name(word), "{word}");
    }
    // At the start of a sentence only listed names count.
    assert!(lex.is_proper_name_at_sentence_start("Kishida"));
    assert!(!lex.is_proper_name_at_sentence_start("Xqzvbnmk"));
    assert!(
        lex.is_proper_name("Xqzvbnmk"),
        "an unknown capitalised word inside a sentence"
    );
    assert_eq!(lex.proper_name_kind("Biden"), Some(NameKind::Person));
    assert_eq!(lex.proper_name_kind("Tokio"), Some(NameKind::Place));
    assert_eq!(lex.proper_name_kind("Nikkei"), Some(NameKind::Organisation));
}

#[test]
fn inflects_nouns() {
    let lex = lexicon();
    assert_eq!(
        lex.inflect_noun("Bündnis", Case::Dat, Number::Pl)
            .as_deref(),
        Some("Bündnissen")
    );
    assert_eq!(
        lex.inflect_noun("Bündnis", Case::Gen, Number::Sg)
            .as_deref(),
        Some("Bündnisses")
    );
    assert_eq!(
        lex.inflect_noun("Gipfel", Case::Gen, Number::Sg).as_deref(),
        Some("Gipfels")
    );
    assert_eq!(
        lex.inflect_noun("Verbündeter", Case::Nom, Number::Pl)
            .as_deref(),
        Some("Verbündeten")
    );
    assert_eq!(
        lex.inflect_noun("Lieferkette", Case::Acc, Number::Sg)
            .as_deref(),
        Some("Lieferkette")
    );
    assert_eq!(
        lex.inflect_noun("Technologieinvestition", Case::Dat, Number::Pl)
            .as_deref(),
        Some("Technologieinvestitionen")
    );
    assert_eq!(lex.inflect_noun("Kosten", Case::Nom, Number::Sg), None);
    assert_eq!(lex.inflect_noun("Xqzvbnm", Case::Nom, Number::Sg), None);
}

#[test]
fn level_mapping() {
    // The documented bands (data/lexicon/README.md).
    assert_eq!(
        LEVEL_THRESHOLDS
            .iter()
            .map(|(l, z)| (*l, *z))
            .collect::<Vec<_>>(),
        [
            (Level::A1, 5.2),
            (Level::A2, 4.8),
            (Level::B1, 4.4),
            (Level::B2, 4.0),
            (Level::C1, 3.5)
        ]
    );
    assert_eq!(level_for_zipf(6.0), Level::A1);
    assert_eq!(level_for_zipf(5.0), Level::A2);
    assert_eq!(level_for_zipf(4.5), Level::B1);
    assert_eq!(level_for_zipf(4.1), Level::B2);
    assert_eq!(level_for_zipf(3.7), Level::C1);
    assert_eq!(level_for_zipf(3.4), Level::C2);
    assert!(Level::A1 < Level::B2 && Level::B2 < Level::C2);
    assert_eq!("b2".parse::<Level>().unwrap(), Level::B2);
    assert_eq!(Level::C1.to_string(), "C1");
    assert!("D1".parse::<Level>().is_err());

    let lex = lexicon();
    // Frequent words are easier than rare ones.
    let regierung = lex.level("Regierung").unwrap();
    let lieferkette = lex.level("Lieferkette").unwrap();
    assert!(regierung < lieferkette, "{regierung} vs {lieferkette}");
    assert_eq!(lex.level("und"), Some(Level::A1));
    // A lemma's frequency is summed over its forms: more than the lemma form's alone.
    let a = lex.analyze("Lieferkette").unwrap();
    assert!(a.zipf.unwrap() > lex.zipf("Lieferkette").unwrap());
    assert_eq!(lex.zipf("LIEFERKETTE"), lex.zipf("lieferkette"));
    assert_eq!(lex.zipf("Xqzvbnm"), None);
}

#[test]
fn domain_lexicon_is_complete_and_well_formed() {
    let lex = lexicon();
    assert_eq!(lex.data_problems(), Vec::<String>::new());
    let entries: Vec<_> = lex.domain_entries().collect();
    assert!(entries.len() >= 1500, "{} entries", entries.len());
    for cat in Category::ALL {
        let n = entries.iter().filter(|e| e.category == *cat).count();
        assert!(n >= 40, "{cat}: {n} entries");
    }
    for pos in [Pos::Noun, Pos::Verb, Pos::Adj] {
        assert!(
            entries.iter().filter(|e| e.pos == pos).count() >= 100,
            "{pos}"
        );
    }
    // The terms of the seed article.
    for lemma in [
        "Lieferkette",
        "Verbündeter",
        "Bündnis",
        "Allianz",
        "Gipfel",
        "Gipfeltreffen",
        "Minister",
        "Außenminister",
        "Verteidigungsminister",
        "Wirtschaftsminister",
        "Abhängigkeit",
        "Halbleiter",
        "Versorgungssicherheit",
        "Sicherheit",
        "Zusammenarbeit",
        "Technologie",
        "Investition",
        "Einfluss",
        "Regierung",
        "Regierungschef",
        "Staatschef",
        "Partnerschaft",
        "Standard",
        "Bedrohung",
        "Unterstützung",
        "Streitkraft",
        "Stützpunkt",
        "Hersteller",
        "Lieferant",
        "Unternehmen",
        "Fabrik",
        "Produkt",
        "Bauteil",
        "Strategie",
        "Gegengewicht",
        "Staatenbund",
        "Militärallianz",
        "Neuordnung",
        "Ansiedlung",
        "Umsiedlung",
        "Reorganisation",
        "Pressekonferenz",
        "Marine",
        "Forscher",
        "Festlegung",
        "Gespräch",
        "Sicherheitspolitik",
        "Wirtschaftspolitik",
    ] {
        assert!(lex.domain_entry(lemma, Pos::Noun).is_some(), "{lemma}");
    }
    for lemma in [
        "bilateral",
        "multilateral",
        "sicherheitspolitisch",
        "geostrategisch",
        "wirtschaftlich",
        "militärisch",
        "staatlich",
    ] {
        assert!(lex.domain_entry(lemma, Pos::Adj).is_some(), "{lemma}");
    }
    for lemma in ["investieren", "verhandeln", "zusammenarbeiten"] {
        assert!(lex.domain_entry(lemma, Pos::Verb).is_some(), "{lemma}");
    }
    // "Streitkräfte" of the seed article is found through its lemma.
    assert!(lex.analyze("Streitkräfte").unwrap().domain);
}

/// Every domain noun's gender and plural must agree with Wiktionary: directly, or for compounds
/// that Wiktionary lacks, through the head (plural = modifiers + head plural).
#[test]
fn domain_nouns_agree_with_wiktionary() {
    let lex = lexicon();
    let mut mismatches = Vec::new();
    for e in lex.domain_entries().filter(|e| e.pos == Pos::Noun) {
        let gender = e.gender.unwrap();
        let plural = e.plural.map(str::to_owned);
        let entries = lex.noun_entries(e.lemma);
        let (source, candidates): (String, Vec<(Gender, Vec<String>)>) = if !entries.is_empty() {
            ("Wiktionary".into(), entries)
        } else if let Some(parts) = lex.compound_parts(e.lemma)
            && parts.len() >= 2
            && parts.last().unwrap().kind == PartKind::Noun
        {
            let head = parts.last().unwrap();
            let prefix = &e.lemma[..e.lemma.len() - head.surface.len()];
            let hyphen = prefix.ends_with('-');
            let join = |p: &str| {
                if hyphen {
                    format!("{prefix}{p}")
                } else {
                    let mut c = p.chars();
                    let first = c
                        .next()
                        .map(|f| f.to_lowercase().collect::<String>())
                        .unwrap_or_default();
                    format!("{prefix}{first}{}", c.as_str())
                }
            };
            // A plural-only compound (Verteidigungsausgaben) ends in the head's plural.
            let head_lemma_ok = join(&head.lemma) == e.lemma
                || (gender == Gender::Pl
                    && lex
                        .noun(&head.lemma)
                        .and_then(|(_, p)| p)
                        .is_some_and(|p| join(&p) == e.lemma));
            if head_lemma_ok && gender == Gender::Pl && join(&head.lemma) != e.lemma {
                continue;
            }
            if !head_lemma_ok {
                mismatches.push(format!(
                    "{}: compound head {} is inflected ({})",
                    e.lemma, head.lemma, head.surface
                ));
                continue;
            }
            let c = lex
                .noun_entries(&head.lemma)
                .into_iter()
                .map(|(g, ps)| (g, ps.iter().map(|p| join(p)).collect()))
                .collect();
            (format!("head {}", head.lemma), c)
        } else {
            mismatches.push(format!(
                "{}: unknown to Wiktionary and no compound of known nouns",
                e.lemma
            ));
            continue;
        };
        let ok = candidates.iter().any(|(g, plurals)| {
            *g == gender
                && match &plural {
                    Some(p) => plurals.contains(p),
                    None => plurals.is_empty() || *g == Gender::Pl,
                }
        });
        if !ok {
            let said: Vec<String> = candidates
                .iter()
                .map(|(g, ps)| {
                    format!(
                        "{g} {}",
                        if ps.is_empty() {
                            "-".to_owned()
                        } else {
                            ps.join("/")
                        }
                    )
                })
                .collect();
            mismatches.push(format!(
                "{}: domain.tsv says {gender} {}, {source} says {}",
                e.lemma,
                plural.as_deref().unwrap_or("-"),
                said.join(" | ")
            ));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

/// The files `data_is_current` regenerates.
const GENERATED: [&str; 8] = [
    "nouns.tsv",
    "mass_heads.tsv",
    "noun_paradigms.tsv",
    "noun_rules.tsv",
    "wikt_names.tsv",
    "freq.tsv",
    "wikt_defs.tsv",
    "wikt_ipa.tsv",
];

/// Every file of `data/lexicon/` is either regenerated and compared by `data_is_current` or
/// written by hand, with a header that says so and names its licence; and the README lists it.
#[test]
fn every_data_file_is_generated_or_says_it_is_hand_written() {
    let dir = repo().join("data/lexicon");
    let readme = std::fs::read_to_string(dir.join("README.md")).unwrap();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        if name == "README.md" {
            continue;
        }
        assert!(
            readme.contains(&format!("`{name}`")),
            "data/lexicon/README.md does not list {name}"
        );
        if GENERATED.contains(&name.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let header: Vec<&str> = text.lines().take_while(|l| l.starts_with('#')).collect();
        let header = header.join("\n");
        assert!(
            header.contains("Written by") && header.contains("MIT OR Apache-2.0"),
            "{name}: neither regenerated by data_is_current nor a hand-written file whose \
             header says so with its licence"
        );
    }
}

#[test]
fn embedded_size_and_noun_count() {
    // Time to build the lexicon and the first look-up are measured in benches/pipeline.rs
    // (criterion), not here.
    let bytes = embedded_data_bytes();
    // 8 MiB before the German Wiktionary's definitions and IPA (9.9 MB, issue 13) were
    // embedded for the vocabulary's meanings
    assert!(bytes < 16 * 1024 * 1024, "{bytes} bytes embedded");
    let lex = Lexicon::load();
    let a = lex.analyze("Lieferketten").unwrap();
    assert_eq!(a.lemma, "Lieferkette");
    let n = lex.noun_entry_count();
    assert!(n > 80_000, "{n} noun entries");
}

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The generated data files are what the pinned packages produce. Needs the data venv:
/// `KERNSATZ_DATA_PY=$(bash scripts/setup-data-venv.sh | tail -1) cargo test --test lexicon data_is_current`.
#[test]
fn data_is_current() {
    let Ok(py) = std::env::var("KERNSATZ_DATA_PY") else {
        if std::env::var("KERNSATZ_SKIP_DATA_CHECK").as_deref() == Ok("1") {
            return;
        }
        panic!(
            "set KERNSATZ_DATA_PY to the python of the data venv to check data/lexicon/ against its \
             generators:\n  KERNSATZ_DATA_PY=$(bash scripts/setup-data-venv.sh | tail -1) cargo test --test lexicon\n\
             or set KERNSATZ_SKIP_DATA_CHECK=1 to skip this check"
        );
    };
    let dir = tempfile::tempdir().unwrap();
    // In this order: gen_mass_heads.py and gen_wiktionary.py read the frequency and noun
    // tables the others write.
    for script in [
        "gen_nouns.py",
        "gen_freq.py",
        "gen_mass_heads.py",
        "gen_wiktionary.py",
    ] {
        let out = Command::new(&py)
            .arg(repo().join("scripts").join(script))
            .arg(dir.path())
            .output()
            .unwrap_or_else(|e| panic!("running {py} scripts/{script}: {e}"));
        assert!(
            out.status.success(),
            "scripts/{script} failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let mut stale = Vec::new();
    for file in GENERATED {
        let fresh = std::fs::read(dir.path().join(file)).unwrap();
        let committed = std::fs::read(repo().join("data/lexicon").join(file)).unwrap();
        if fresh != committed {
            stale.push(file);
        }
    }
    assert!(
        stale.is_empty(),
        "stale data files {stale:?}: regenerate with $KERNSATZ_DATA_PY scripts/gen_nouns.py data/lexicon && \
         $KERNSATZ_DATA_PY scripts/gen_freq.py data/lexicon && \
         $KERNSATZ_DATA_PY scripts/gen_mass_heads.py data/lexicon && \
         $KERNSATZ_DATA_PY scripts/gen_wiktionary.py data/lexicon"
    );
}

#[test]
fn an_inflected_head_takes_the_entry_it_is_a_form_of() {
    let lex = lexicon();
    // *Alters* is the genitive of *das Alter* (age), no form of *der Alte* (ein Alter, old man)
    for word in ["Frauenpensionsalters", "Pensionsalters"] {
        let a = lex.analyze(word).unwrap();
        let lemma = word.strip_suffix('s').unwrap();
        assert_eq!(a.lemma, lemma, "{word}");
        assert_eq!(a.gender, Some(Gender::N), "{word}");
        assert_eq!(a.plural.as_deref(), Some(lemma), "{word}");
    }
}

#[test]
fn an_inflected_unknown_noun_is_no_compound_of_other_parts() {
    let lex = lexicon();
    // *Mandataren*, *Mandatare*: the Austrian *der Mandatar* (not in the noun table), not
    // *Mandat* + *Aren* (an aromatic hydrocarbon)
    for word in ["Mandataren", "Mandatare"] {
        assert_eq!(lex.split_compound(word), None, "{word}");
        assert!(
            lex.analyze(word).is_none_or(|a| a.pos != Pos::Noun),
            "{word}: {:?}",
            lex.analyze(word)
        );
    }
    // compounds of known parts and nominalised adjectives stay
    assert_eq!(
        lex.lemmatize_noun("Regierungsparteien").as_deref(),
        Some("Regierungspartei")
    );
    assert!(lex.split_compound("Schutzbedürftige").is_some());
}

#[test]
fn uncountable_heads_and_abstract_nouns_of_states_show_no_plural() {
    let lex = lexicon();
    let parts = |lemma: &str| lex.analyze(lemma).unwrap().parts;
    // *Schutz* has no plural in use (the table's *Schutze* is the old dative *zum Schutze*):
    // nor have its compounds
    for (lemma, plural) in [
        ("Schutz", "Schutze"),
        ("Versicherungsschutz", "Versicherungsschutze"),
        ("Konsumentenschutz", "Konsumentenschutze"),
        // abstract nouns of readiness, states and processes
        ("Bereitschaft", "Bereitschaften"),
        ("Bevölkerung", "Bevölkerungen"),
        ("Aufmerksamkeit", "Aufmerksamkeiten"),
    ] {
        assert!(
            !lex.plural_attested(lemma, plural, &parts(lemma)),
            "{lemma}: {plural}"
        );
    }
    // *Bereitschaft* is readiness, no *Bereit·schaft* (shaft)
    assert_eq!(lex.split_compound("Bereitschaft"), None);
    for (lemma, plural) in [
        ("Regierung", "Regierungen"),
        ("Gesellschaft", "Gesellschaften"),
        ("Verfassung", "Verfassungen"),
        ("Punkt", "Punkte"),
        ("Mittelpunkt", "Mittelpunkte"),
        ("Vorsprung", "Vorsprünge"),
        ("Wirtschaftsmacht", "Wirtschaftsmächte"),
        ("Bundesland", "Bundesländer"),
    ] {
        assert!(
            lex.plural_attested(lemma, plural, &parts(lemma)),
            "{lemma}: {plural}"
        );
    }
}

#[test]
fn general_glosses_are_for_words_the_vocabulary_lists() {
    // `glosses.tsv` is read without problems (`data_problems`, above) and each of its lemmas
    // is one the vocabulary can list: the lexicon analyses it to itself, with that part of
    // speech, or it is a verb or adjective of the frequency list (participles such as
    // *steigend* are listed as adjectives by the vocabulary's own rules); a gloss of a form no
    // list shows would never be read
    let lex = lexicon();
    let all = lex.general_glosses();
    assert!(all.len() >= 1000, "{} glosses", all.len());
    let mut unreachable = Vec::new();
    for (lemma, pos, gloss) in &all {
        assert!(lex.domain_entry(lemma, *pos).is_none(), "{lemma}");
        assert_eq!(lex.general_gloss(lemma, *pos), Some(*gloss));
        let reached = lex
            .analyze(lemma)
            .is_some_and(|a| a.lemma == *lemma && a.pos == *pos)
            || (*pos != Pos::Noun && lex.zipf(lemma).is_some());
        if !reached {
            unreachable.push(format!("{lemma} {pos}"));
        }
    }
    unreachable.sort();
    assert!(unreachable.is_empty(), "{unreachable:?}");
}
