//! CLI tests of `kernsatz vocab`, `kernsatz cloze` and `kernsatz quiz`: formats, options,
//! determinism, and scores of piped quiz answers.

//!
//! Every run of the debug binary costs a few hundred milliseconds (the lexicon is slow
//! unoptimised), so runs are few: outputs are cached per argument list, and what the library
//! already shows (every format is rendered from one worksheet) is checked by comparing the CLI's
//! output with the library's, byte for byte.

mod common;

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, OnceLock};

use rand::SeedableRng;
use rand::rngs::StdRng;
use serde_json::Value;

use kernsatz::cloze::Worksheet;
use kernsatz::cloze::generate::{ClozeOptions, generate, meaning_hint, seed_from_text};
use kernsatz::cloze::sheet::cognate_hint;
use kernsatz::export::worksheet::{Format, render};
use kernsatz::lexicon::{Level, lexicon};
use kernsatz::vocab::{VocabOptions, vocabulary};
use kernsatz::{Document, IdfTable, Summarizer};

use common::{SEED, SEED_TEXT, kernsatz};

/// A short 10kGNAD article (see tests/fixtures/articles/README.md).
const SHORT: &str = "tests/fixtures/articles/10kgnad-test-0070-Inland.txt";
const GAP: &str = "_____";

/// Outputs of earlier runs by argument list.
type Outputs = Mutex<HashMap<Vec<String>, Arc<Vec<u8>>>>;

/// Standard output of a successful run, cached per argument list.
fn run(args: &[&str]) -> Arc<Vec<u8>> {
    static CACHE: OnceLock<Outputs> = OnceLock::new();
    let key: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(out) = cache.lock().unwrap().get(&key) {
        return out.clone();
    }
    let out = kernsatz().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = Arc::new(out.stdout);
    cache.lock().unwrap().insert(key, stdout.clone());
    stdout
}

fn stdout_of(args: &[&str]) -> String {
    String::from_utf8(run(args).to_vec()).unwrap()
}

fn json_of(args: &[&str]) -> Value {
    serde_json::from_str(&stdout_of(args)).unwrap()
}

/// A usage error: exit code 2 and a message on stderr that contains `needle`.
fn fails_with(args: &[&str], needle: &str) {
    let out = kernsatz().args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(needle), "{args:?}: {err}");
}

fn items(sheet: &Value) -> &Vec<Value> {
    sheet["items"].as_array().unwrap()
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap()
}

fn choices(item: &Value) -> Vec<&str> {
    item["choices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect()
}

/// The worksheet as the library makes it: what `kernsatz cloze FILE` should print (a text
/// file has no title; the source is its file name, the date the article's).
fn library_worksheet(path: &str, seed: Option<u64>, opts: &ClozeOptions) -> Worksheet {
    let doc = Document::new(std::fs::read_to_string(path).unwrap()).unwrap();
    let seed = seed.unwrap_or_else(|| seed_from_text(&doc.text));
    let scores = Summarizer::default().scores(&doc);
    let mut rng = StdRng::seed_from_u64(seed);
    let mut sheet = generate(&doc, &scores, IdfTable::embedded(), "", opts, &mut rng);
    sheet.source = path.rsplit('/').next().unwrap().to_owned();
    sheet.date = doc.date().map(str::to_owned);
    sheet
}

// ---------------------------------------------------------------- vocab

fn json_list(args: &[&str]) -> Vec<Value> {
    serde_json::from_value(json_of(args)).unwrap()
}

#[test]
fn vocab_table_and_markdown_show_article_plural_and_gloss() {
    let table = stdout_of(&["vocab", SEED]);
    assert!(table.lines().next().unwrap().starts_with("Wort"), "{table}");
    assert_eq!(table.lines().count(), 41, "header and 40 entries");
    let line = table
        .lines()
        .find(|l| l.starts_with("die Lieferkette, -n"))
        .unwrap_or_else(|| panic!("{table}"));
    assert!(
        line.contains("supply chain") && line.contains("×3"),
        "{line}"
    );
    assert!(table.contains("die Militärallianz, -en"), "{table}");
    assert!(table.contains("die Halbleiterfabrik, -en"), "{table}");
    assert!(table.contains("der Verbündete, -n"), "{table}");
    assert!(!table.contains('\u{1b}'), "no colour when not a terminal");
    let md = stdout_of(&["vocab", "--format", "markdown", "--limit", "5", SEED]);
    assert!(md.starts_with("# Wortschatz: "), "{md}");
    // a web page's list is headed by the page's title, not by its file name
    let page = stdout_of(&[
        "vocab",
        "--format",
        "markdown",
        "--limit",
        "2",
        "tests/fixtures/html/handelsblatt-japan-usa.html",
    ]);
    assert!(
        page.starts_with("# Wortschatz: Japan und USA: Biden und Kishida"),
        "{page}"
    );
    assert!(
        md.contains("- **die Lieferkette**, -n /ˈliːfɐˌkɛtə/ — supply chain"),
        "{md}"
    );
    assert!(md.contains("„Beide Regierungen wollen daher"), "{md}");
    // --limit 5 keeps the top five of the ranking
    let default = json_list(&["vocab", "--limit", "0", "--format", "json", SEED]);
    let entries: Vec<&str> = md.lines().filter(|l| l.starts_with("- **")).collect();
    assert_eq!(entries.len(), 5, "{md}");
    for (line, e) in entries.iter().zip(&default) {
        let head = match e["article"].as_str() {
            Some(a) => format!("- **{a} {}**", s(e, "lemma")),
            None => format!("- **{}**", s(e, "lemma")),
        };
        assert!(line.starts_with(&head), "{line} / {e}");
    }
}

#[test]
fn vocab_limit_all_level_and_category_filter_the_list() {
    // by default 40 entries (the table has a header line), --limit 0 lists all
    let table = stdout_of(&["vocab", SEED]);
    assert_eq!(table.lines().count(), 41);
    let unlimited = json_list(&["vocab", "--limit", "0", "--format", "json", SEED]);
    assert!(unlimited.len() > 40, "{}", unlimited.len());
    let lemmas = |list: &[Value]| -> HashSet<String> {
        list.iter().map(|e| s(e, "lemma").to_owned()).collect()
    };

    // --all adds names and other words; the domain list is a part of it
    let all = json_list(&["vocab", "--all", "--limit", "0", "--format", "json", SEED]);
    let all_lemmas = lemmas(&all);
    assert!(all.len() > unlimited.len());
    assert!(lemmas(&unlimited).is_subset(&all_lemmas));
    for name in ["Kishida", "Biden", "Japan"] {
        assert!(!lemmas(&unlimited).contains(name), "{name} without --all");
        assert!(all_lemmas.contains(name), "{name} with --all");
    }

    // --level: every entry with a level is within the range, and nothing in range is dropped
    let (lo, hi) = (Level::C1, Level::C2);
    let list = json_list(&[
        "vocab", "--level", "C1..", "--limit", "0", "--format", "json", SEED,
    ]);
    assert!(!list.is_empty() && list.len() < unlimited.len());
    // entries without a level are kept
    let level = |e: &Value| e["level"].as_str().map(|l| l.parse::<Level>().unwrap());
    for e in &list {
        if let Some(l) = level(e) {
            assert!(lo <= l && l <= hi, "{e}");
        }
    }
    let kept = lemmas(&list);
    for e in &unlimited {
        let within = level(e).is_none_or(|l| lo <= l && l <= hi);
        assert_eq!(kept.contains(s(e, "lemma")), within, "{e}");
    }
    fails_with(&["vocab", "--level", "C2..A1", SEED], "--level");
    fails_with(&["vocab", "--level", "Z9", SEED], "--level");

    // --category (any case): exactly the entries of that category
    let list = json_list(&[
        "vocab",
        "--category",
        "Diplomacy",
        "--limit",
        "0",
        "--format",
        "json",
        SEED,
    ]);
    let n = unlimited
        .iter()
        .filter(|e| e["category"].as_str() == Some("diplomacy"))
        .count();
    assert!(n > 0);
    assert_eq!(list.len(), n);
    assert!(list.iter().all(|e| s(e, "category") == "diplomacy"));
    fails_with(&["vocab", "--category", "bogus", SEED], "unknown category");
}

#[test]
fn vocab_of_several_files_merges_entries() {
    let doc = Document::new(std::fs::read_to_string(SHORT).unwrap()).unwrap();
    let one = vocabulary(&doc, IdfTable::embedded(), &VocabOptions::default());
    let both = json_list(&["vocab", "--limit", "0", "--format", "json", SHORT, SHORT]);
    assert_eq!(one.len(), both.len(), "one entry per lemma");
    for e in &one {
        let m = both
            .iter()
            .find(|b| s(b, "lemma") == e.lemma)
            .unwrap_or_else(|| panic!("{}", e.lemma));
        assert_eq!(m["count"].as_u64(), Some(2 * e.count as u64), "{}", e.lemma);
    }
}

// ---------------------------------------------------------------- cloze

#[test]
fn cloze_same_seed_gives_byte_identical_output_in_every_format() {
    // the CLI's output equals the library's worksheet rendered in the same format, byte for
    // byte: two separate computations from the same input and seed agree
    let sheet = library_worksheet(SEED, Some(7), &ClozeOptions::default());
    assert_eq!(
        library_worksheet(SEED, Some(7), &ClozeOptions::default()),
        sheet
    );
    for format in Format::ALL {
        let cli = run(&["cloze", "--format", format.name(), "--seed", "7", SEED]);
        let lib = render(&sheet, format);
        assert!(
            cli.as_slice() == lib.as_bytes(),
            "{format}: CLI and library differ"
        );
    }
    // without --seed the seed comes from the text
    let sheet = library_worksheet(SEED, None, &ClozeOptions::default());
    let cli = run(&["cloze", "--format", "json", SEED]);
    assert!(cli.as_slice() == render(&sheet, Format::Json).as_bytes());
}

#[test]
fn cloze_other_seeds_change_the_choice_order() {
    let a = json_of(&["cloze", "--format", "json", "--seed", "1", SEED]);
    let b = json_of(&["cloze", "--format", "json", "--seed", "7", SEED]);
    let orders = |sheet: &Value| -> Vec<(String, Vec<String>)> {
        items(sheet)
            .iter()
            .map(|i| {
                let c: Vec<String> = choices(i).into_iter().map(str::to_owned).collect();
                (s(i, "answer").to_owned(), c)
            })
            .collect()
    };
    assert_ne!(orders(&a), orders(&b));
}

#[test]
fn cloze_json_prompt_is_the_sentence_with_the_gap() {
    let text = SEED_TEXT;
    let sheet = json_of(&["cloze", "--format", "json", SEED]);
    // 7: the hint of Pressekonferenz ("Treffen, bei dem …") shows the head of Gipfeltreffen
    assert!((7..=10).contains(&items(&sheet).len()));
    for it in items(&sheet) {
        let sentence = s(it, "sentence");
        let (start, end) = (
            it["start"].as_u64().unwrap() as usize,
            it["end"].as_u64().unwrap() as usize,
        );
        let answer = s(it, "answer");
        assert_eq!(&sentence[start..end], answer);
        assert_eq!(
            s(it, "prompt"),
            format!("{}{GAP}{}", &sentence[..start], &sentence[end..])
        );
        let (ss, se) = (
            it["source_start"].as_u64().unwrap() as usize,
            it["source_end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[ss..se], answer);
        let c = choices(it);
        if lexicon().analyze(answer).unwrap().pos == kernsatz::lexicon::Pos::Adj {
            // adjectives are typed: another adjective would fit the noun
            assert!(c.is_empty(), "{c:?}");
            continue;
        }
        assert_eq!(c.len(), 4);
        assert_eq!(c.iter().filter(|x| **x == answer).count(), 1, "{c:?}");
        let distinct: HashSet<&&str> = c.iter().collect();
        assert_eq!(distinct.len(), 4, "{c:?}");
    }
}

#[test]
fn cloze_hint_option() {
    let none = json_of(&["cloze", "--format", "json", "--hint", "none", SEED]);
    assert!(items(&none).iter().all(|i| s(i, "hint").is_empty()));
    // all: article (nouns) · first letter · length · gloss (unless it spells the answer)
    let all = json_of(&["cloze", "--format", "json", "--hint", "all", SEED]);
    let lex = lexicon();
    for it in items(&all) {
        let a = s(it, "answer");
        let an = lex.analyze(a).unwrap();
        let mut want = Vec::new();
        if let Some(g) = an.gender {
            want.push(g.article().to_owned());
        }
        want.push(format!("{}…", a.chars().next().unwrap()));
        want.push(format!(
            "{} Buchstaben",
            a.chars().filter(|c| c.is_alphabetic()).count()
        ));
        let parts: Vec<String> = lex
            .compound_parts(&an.lemma)
            .unwrap_or_default()
            .into_iter()
            .map(|p| p.surface)
            .collect();
        match an.gloss.as_deref() {
            // a gloss that is the answer's cognate (*press conference*) gives way to a
            // German definition
            Some(g) if cognate_hint(g, &an.lemma, &parts) => {
                let hint = s(it, "hint");
                let prefix = format!("{} · ", want.join(" · "));
                assert!(hint.starts_with(&prefix), "{a}: {hint}");
                assert!(
                    !cognate_hint(&hint[prefix.len()..], &an.lemma, &parts),
                    "{a}: {hint}"
                );
            }
            gloss => {
                want.extend(meaning_hint(gloss, a, &an.lemma));
                assert_eq!(s(it, "hint"), want.join(" · "), "{a}");
            }
        }
    }
    // the default: article and gloss
    let default = json_of(&["cloze", "--format", "json", SEED]);
    let lieferketten = items(&default)
        .iter()
        .find(|i| s(i, "answer") == "Lieferketten")
        .expect("Lieferketten is asked");
    assert_eq!(s(lieferketten, "hint"), "die · supply chain");
    fails_with(&["cloze", "--hint", "bogus", SEED], "unknown hint");
}

#[test]
fn cloze_choices_items_and_gaps_options() {
    let typed = json_of(&["cloze", "--format", "json", "--choices", "0", SEED]);
    // nine: the teaser's sentence (Japan ist bereits der engste asiatische Verbündete der USA,
    // restated in the lead) holds no item
    assert_eq!(items(&typed).len(), 9);
    assert!(items(&typed).iter().all(|i| choices(i).is_empty()));
    fails_with(&["cloze", "--choices", "1", SEED], "--choices");

    let few = json_of(&[
        "cloze",
        "--format",
        "json",
        "--choices",
        "3",
        "--items",
        "3",
        SEED,
    ]);
    assert!(items(&few).iter().all(|i| choices(i).len() == 3));
    let ids: Vec<u64> = items(&few)
        .iter()
        .map(|i| i["id"].as_u64().unwrap())
        .collect();
    assert_eq!(ids, [1, 2, 3]);
    fails_with(&["cloze", "--items", "0", SEED], "--items");

    // one gap per sentence by default; --gaps 2 puts two gaps (two items) in some sentence
    let per_sentence = |sheet: &Value| {
        let mut n = HashMap::new();
        for i in items(sheet) {
            *n.entry(i["sentence_index"].as_u64().unwrap()).or_insert(0) += 1;
        }
        n.into_values().max().unwrap()
    };
    let one = json_of(&["cloze", "--format", "json", SEED]);
    assert_eq!(per_sentence(&one), 1);
    let two = json_of(&["cloze", "--format", "json", "--gaps", "2", SEED]);
    assert_eq!(items(&two).len(), 10);
    assert_eq!(per_sentence(&two), 2);
    let mut lemmas = HashSet::new();
    for i in items(&two) {
        assert!(lemmas.insert(s(i, "lemma")), "lemma asked twice");
    }
    fails_with(&["cloze", "--gaps", "0", SEED], "--gaps");
}

#[test]
fn cloze_level_option() {
    let lex = lexicon();
    let sheet = json_of(&["cloze", "--format", "json", "--level", "C1..C2", SEED]);
    assert!(!items(&sheet).is_empty());
    for it in items(&sheet) {
        if let Some(l) = lex.analyze(s(it, "answer")).unwrap().level {
            assert!(l >= Level::C1, "{} is {l}", s(it, "answer"));
        }
    }
    // the default worksheet asks easier words too
    let default = json_of(&["cloze", "--format", "json", SEED]);
    assert!(items(&default).iter().any(|it| {
        lex.analyze(s(it, "answer"))
            .unwrap()
            .level
            .is_some_and(|l| l < Level::C1)
    }));
    fails_with(&["cloze", "--level", "X", SEED], "--level");
}

// ---------------------------------------------------------------- quiz

/// The article of the quiz tests: a news article whose sheet asks words with umlauts among
/// the items answered by typing (the seed's sheet, whose cognate compounds such as
/// *Militärallianz* make no items, has none).
const QUIZ_ARTICLE: &str = "tests/fixtures/articles/10kgnad-test-0022-Wirtschaft.txt";

fn quiz(seed: &str, input: String) -> String {
    let out = kernsatz()
        .args(["quiz", "--seed", seed, QUIZ_ARTICLE])
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn quiz_on_a_corpus_reads_its_first_article_and_nothing_after_it() {
    // issue 16: a quiz on a 200 MB JSONL loaded every record (2.2 GB) to ask about the first;
    // now the records after the first readable one are never read, so a broken line after it
    // is no failure (exit 0), and one before it is named (exit 1) while the quiz goes on
    let text = std::fs::read_to_string(QUIZ_ARTICLE).unwrap();
    let record = serde_json::json!({"id": "first", "text": text}).to_string();
    let dir = tempfile::tempdir().unwrap();
    let run = |name: &str, lines: &[&str]| {
        let path = dir.path().join(name);
        std::fs::write(&path, lines.join("\n") + "\n").unwrap();
        kernsatz()
            .args(["quiz", "--seed", "1", path.to_str().unwrap()])
            .write_stdin("q\n")
            .output()
            .unwrap()
    };
    let out = run("after.jsonl", &[&record, "not json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("Lückentext-Quiz: "), "{stdout}");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run("before.jsonl", &["not json", &record]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .starts_with("Lückentext-Quiz: ")
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 1"));
}

/// The score line of a quiz's output.
fn score_line(out: &str) -> &str {
    out.lines()
        .find(|l| l.starts_with("Ergebnis: "))
        .unwrap_or_else(|| panic!("no score in {out}"))
}

fn spelled_out(s: &str) -> String {
    s.replace('ä', "ae")
        .replace('ö', "oe")
        .replace('ü', "ue")
        .replace('Ä', "Ae")
        .replace('Ö', "Oe")
        .replace('Ü', "Ue")
        .replace('ß', "ss")
}

fn letter_of(item: &Value) -> char {
    let k = choices(item)
        .iter()
        .position(|c| *c == s(item, "answer"))
        .unwrap();
    (b'a' + k as u8) as char
}

#[test]
fn quiz_scores_piped_answers() {
    // the quiz with --seed 5 asks the worksheet of `cloze --seed 5`
    let sheet = json_of(&["cloze", "--format", "json", "--seed", "5", QUIZ_ARTICLE]);
    let items = items(&sheet);
    let n = items.len();
    assert!((8..=10).contains(&n));
    let answers: Vec<&str> = items.iter().map(|i| s(i, "answer")).collect();
    // items 1, 3, … are answered by typing below, umlauts spelled out
    assert!(
        answers.iter().step_by(2).any(|a| spelled_out(a) != *a),
        "seed 5 should ask a word with an umlaut among the typed items: {answers:?}"
    );

    // every answer right, as the JSON has it
    let out = quiz("5", answers.iter().map(|a| format!("{a}\n")).collect());
    assert_eq!(
        score_line(&out),
        format!("Ergebnis: {n} von {n} richtig (100 %)"),
        "{out}"
    );
    assert!(!out.contains("Zum Wiederholen"), "{out}");
    assert_eq!(out.matches("Richtig! ✓").count(), n, "{out}");
    for (k, it) in items.iter().enumerate() {
        let prompt = s(it, "prompt");
        let before = prompt.split(GAP).next().unwrap();
        assert!(
            out.contains(&format!("[{}/{n}] {before}{GAP}", k + 1)),
            "{out}"
        );
    }

    // umlauts spelled out in upper case (items 1, 3, … and typed items), choice letters
    // (items 2, 4, …)
    let input: String = items
        .iter()
        .enumerate()
        .map(|(n, it)| {
            if n % 2 == 0 || choices(it).is_empty() {
                format!("{}\n", spelled_out(s(it, "answer")).to_uppercase())
            } else {
                format!("{})\n", letter_of(it))
            }
        })
        .collect();
    let out = quiz("5", input);
    assert_eq!(
        score_line(&out),
        format!("Ergebnis: {n} von {n} richtig (100 %)"),
        "{out}"
    );

    // right, an invalid line (asked again), wrong, right, then q: the wrong one is named with
    // its letter, and the quiz ends with the score so far and what to repeat
    assert!(!choices(&items[1]).is_empty(), "item 2 is multiple choice");
    let wrong = if letter_of(&items[1]) == 'a' {
        'b'
    } else {
        'a'
    };
    let input = format!(
        "{}\nfalsch\n{wrong}\n{}\nq\n{}\n",
        answers[0], answers[2], answers[3]
    );
    let out = quiz("5", input);
    assert_eq!(out.matches("Richtig! ✓").count(), 2, "{out}");
    assert_eq!(out.matches("Bitte einen Buchstaben").count(), 1, "{out}");
    assert_eq!(
        out.matches("Leider falsch. ✗ Richtig ist: ").count(),
        1,
        "{out}"
    );
    let named = format!("Richtig ist: {}) {}", letter_of(&items[1]), answers[1]);
    assert!(out.contains(&named), "{named} in {out}");
    assert!(out.contains("Quiz beendet."), "{out}");
    assert!(!out.contains(&format!("[5/{n}]")), "{out}");
    assert_eq!(
        score_line(&out),
        "Ergebnis: 2 von 3 richtig (67 %)",
        "{out}"
    );
    let repeat = out
        .split_once("Zum Wiederholen:\n")
        .expect("what to repeat")
        .1;
    assert!(
        repeat.starts_with(&format!("  - {}) {}", letter_of(&items[1]), answers[1])),
        "{out}"
    );
}

#[test]
fn quiz_needs_the_article_as_a_file() {
    fails_with(&["quiz", "-"], "standard input");
}
