//! The measurable targets of cloze generation (issues 4 and 14), on the seed article and on six
//! economy and politics articles of 10kGNAD (`tests/fixtures/articles/`, chosen by a fixed
//! rule: see the README there). The worksheets are made as `kernsatz cloze` makes them:
//! summarizer scores, the embedded IDF table, the seed derived from the text, default options
//! (and every kind of item for the sheet-wide and drill checks).
//!
//! Run with `--nocapture` to see the figures per article.

mod common;

use std::collections::HashSet;
use std::sync::OnceLock;

use rand::SeedableRng;
use rand::rngs::StdRng;

use kernsatz::cloze::generate::{ClozeOptions, generate, seed_from_text};
use kernsatz::cloze::sheet::cognate_hint;
use kernsatz::cloze::{ClozeItem, GAP, Kind, Kinds, Worksheet};
use kernsatz::lexicon::grammar::{ADJECTIVE_ENDINGS, Article, is_unit, is_weekday_or_month};
use kernsatz::lexicon::{Case, Level, Number, Pos, lexicon};
use kernsatz::tokenize::{TokenKind, tokenize};
use kernsatz::vocab::{VocabOptions, in_multiword_name, vocabulary};
use kernsatz::{Document, IdfTable, Summarizer};

use common::{SEED_TEXT, fixture};

/// The seed article and the 10kGNAD articles as (name, text), in file-name order.
fn articles() -> Vec<(String, String)> {
    let mut paths: Vec<_> = std::fs::read_dir(fixture("articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 3, "need at least 3 dev articles");
    let mut out = vec![("seed".to_owned(), SEED_TEXT.to_owned())];
    for p in paths {
        let name = p.file_stem().unwrap().to_string_lossy().into_owned();
        out.push((name, std::fs::read_to_string(&p).unwrap()));
    }
    out
}

struct Sheet {
    name: String,
    doc: Document,
    sheet: Worksheet,
}

fn worksheet(doc: &Document, opts: &ClozeOptions, seed: u64) -> Worksheet {
    let scores = Summarizer::default().scores(doc);
    let mut rng = StdRng::seed_from_u64(seed);
    generate(doc, &scores, IdfTable::embedded(), "t", opts, &mut rng)
}

/// Default worksheets of every article, made once per test binary.
fn sheets() -> &'static [Sheet] {
    static SHEETS: OnceLock<Vec<Sheet>> = OnceLock::new();
    SHEETS.get_or_init(|| made_with(&ClozeOptions::default()))
}

/// Worksheets with every kind of item (vocabulary, articles, endings), made once.
fn full_sheets() -> &'static [Sheet] {
    static SHEETS: OnceLock<Vec<Sheet>> = OnceLock::new();
    SHEETS.get_or_init(|| {
        made_with(&ClozeOptions {
            kinds: Kinds::all(),
            ..ClozeOptions::default()
        })
    })
}

/// Worksheets with only drills of `kind` (all the article's sentences are theirs), made once.
fn drill_sheets(kind: Kind) -> &'static [Sheet] {
    static ARTICLES: OnceLock<Vec<Sheet>> = OnceLock::new();
    static ENDINGS: OnceLock<Vec<Sheet>> = OnceLock::new();
    let cell = if kind == Kind::Articles {
        &ARTICLES
    } else {
        &ENDINGS
    };
    cell.get_or_init(|| {
        made_with(&ClozeOptions {
            kinds: Kinds::only(kind),
            ..ClozeOptions::default()
        })
    })
}

fn made_with(opts: &ClozeOptions) -> Vec<Sheet> {
    articles()
        .into_iter()
        .map(|(name, text)| {
            let doc = Document::new(text).unwrap();
            let sheet = worksheet(&doc, opts, seed_from_text(&doc.text));
            Sheet { name, doc, sheet }
        })
        .collect()
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// Every article gives a worksheet; ten items where the article has the sentences for them.
/// (An item needs a sentence of its own whose words give no other answer away, so a short
/// article gives fewer: 10kgnad-test-0070 has 3.)
#[test]
fn every_article_gives_a_worksheet() {
    let mut total = 0;
    for s in sheets() {
        let n = s.sheet.items.len();
        eprintln!("{}: {n} items", s.name);
        assert!((3..=10).contains(&n), "{}: {n}", s.name);
        for (i, it) in s.sheet.items.iter().enumerate() {
            assert_eq!(it.id, i + 1, "{}", s.name);
            assert_eq!(it.kind, Kind::Vocab, "{}", s.name);
        }
        total += n;
    }
    // nouns only (verbs' and typed adjectives' options fit too often), no transparent cognate
    // (Krise, Konflikt) and none in the teaser: 47 on these seven (51 before those two rules)
    assert!(total >= 45, "{total} items on {} sheets", sheets().len());
}

/// The sentence and token of the article at the item's gap.
fn gap_token(doc: &Document, it: &ClozeItem) -> (usize, usize) {
    let si = it.sentence_index;
    let ti = doc.sentences[si]
        .tokens
        .iter()
        .position(|t| t.start == it.source_start && t.end == it.source_end)
        .unwrap_or_else(|| panic!("gap of {:?} is no token", it.answer));
    (si, ti)
}

#[test]
fn answers_are_content_words_and_key_terms_with_a_meaning() {
    let lex = lexicon();
    let (mut domain_all, mut n_all) = (0, 0);
    for s in sheets() {
        let mut domain = 0;
        // the article's key terms (issue 13: chosen by relevance, the domain list boosts but
        // does not gate), each with a meaning
        let key: HashSet<String> =
            // (the whole ranking: the worksheet also draws on words below the list's cut-off)
            vocabulary(
                &s.doc,
                IdfTable::embedded(),
                &VocabOptions {
                    uncut: true,
                    ..VocabOptions::default()
                },
            )
                .into_iter()
                .filter(|e| e.gloss.is_some() || e.definition_de.is_some())
                .map(|e| e.lemma)
                .collect();
        for it in &s.sheet.items {
            let a = &it.answer;
            let toks = tokenize(a);
            assert_eq!(toks.len(), 1, "{}: answer {a:?} is one word", s.name);
            assert_eq!(
                toks[0].kind,
                TokenKind::Word,
                "{}: {a:?} is a number",
                s.name
            );
            assert!(!toks[0].stop, "{}: {a:?} is a stop word", s.name);
            assert!(
                !lex.is_function_word(a),
                "{}: {a:?} is a function word",
                s.name
            );
            assert!(!lex.is_proper_name(a), "{}: {a:?} is a name", s.name);
            let (si, ti) = gap_token(&s.doc, it);
            assert!(
                !in_multiword_name(&s.doc, si, ti),
                "{}: {a:?} is part of a longer name: {}",
                s.name,
                it.sentence
            );
            let an = lex
                .analyze(a)
                .unwrap_or_else(|| panic!("{}: {a:?} unknown", s.name));
            assert!(
                matches!(an.pos, Pos::Noun | Pos::Verb | Pos::Adj),
                "{}: {a:?} is {:?}",
                s.name,
                an.pos
            );
            assert_eq!(an.lemma, it.lemma, "{}", s.name);
            if it.kind == Kind::Vocab {
                // a verb's options fit some reading of the sentence, a typed adjective its
                // synonyms: vocabulary items ask for nouns
                assert_eq!(an.pos, Pos::Noun, "{}: {a:?}", s.name);
                assert!(
                    key.contains(&it.lemma),
                    "{}: {} is no key term of the article",
                    s.name,
                    it.lemma
                );
            }
            if an.domain {
                domain += 1;
            }
        }
        let n = s.sheet.items.len();
        eprintln!(
            "{}: {domain}/{n} answers are domain terms ({:.0} %)",
            s.name,
            100.0 * share(domain, n)
        );
        domain_all += domain;
        n_all += n;
    }
    eprintln!(
        "all articles: {domain_all}/{n_all} answers are domain terms ({:.1} %)",
        100.0 * share(domain_all, n_all)
    );
}

/// The grammatical numbers a noun form can have, as a form of `lemma`.
fn numbers(lemma: &str, form: &str) -> HashSet<Number> {
    let lex = lexicon();
    let mut out = HashSet::new();
    for number in [Number::Sg, Number::Pl] {
        for case in [Case::Nom, Case::Gen, Case::Dat, Case::Acc] {
            if lex.inflect_noun(lemma, case, number).as_deref() == Some(form) {
                out.insert(number);
            }
        }
    }
    out
}

/// Every form of a noun lemma.
fn noun_forms(lemma: &str) -> HashSet<String> {
    let lex = lexicon();
    let mut out = HashSet::new();
    for number in [Number::Sg, Number::Pl] {
        for case in [Case::Nom, Case::Gen, Case::Dat, Case::Acc] {
            out.extend(lex.inflect_noun(lemma, case, number));
        }
    }
    out
}

#[test]
fn distractors_fit_the_answer_and_are_never_its_forms() {
    let lex = lexicon();
    let (mut agree_all, mut n_all) = (0, 0);
    for s in sheets() {
        let (mut agree, mut n) = (0, 0);
        for it in &s.sheet.items {
            let answer = lex.analyze(&it.answer).unwrap();
            if answer.pos == Pos::Adj {
                // adjectives are typed (another adjective would fit the noun)
                assert!(it.choices.is_empty(), "{}: {:?}", s.name, it.choices);
                continue;
            }
            let k = ClozeOptions::default().choices;
            assert_eq!(it.choices.len(), k, "{}: {:?}", s.name, it.choices);
            let distinct: HashSet<String> = it.choices.iter().map(|c| c.to_lowercase()).collect();
            assert_eq!(distinct.len(), k, "{}: {:?}", s.name, it.choices);
            assert_eq!(
                it.choices.iter().filter(|c| **c == it.answer).count(),
                1,
                "{}: {:?}",
                s.name,
                it.choices
            );
            let answer_forms = noun_forms(&it.lemma);
            for d in it.choices.iter().filter(|c| **c != it.answer) {
                let da = lex
                    .analyze(d)
                    .unwrap_or_else(|| panic!("{}: distractor {d:?} unknown", s.name));
                assert_ne!(
                    da.lemma, it.lemma,
                    "{}: {d:?} is a form of {}",
                    s.name, it.lemma
                );
                assert!(
                    !answer_forms.contains(d),
                    "{}: {d:?} is a form of {}",
                    s.name,
                    it.lemma
                );
                assert_eq!(da.pos, answer.pos, "{}: {d:?} for {}", s.name, it.answer);
                if answer.pos == Pos::Noun {
                    n += 1;
                    let same_gender = da.gender == answer.gender;
                    let same_number =
                        !numbers(&it.lemma, &it.answer).is_disjoint(&numbers(&da.lemma, d));
                    if same_gender && same_number {
                        agree += 1;
                    } else {
                        eprintln!(
                            "  {}: {d:?} ({:?}) for {:?} ({:?})",
                            s.name, da.gender, it.answer, answer.gender
                        );
                    }
                }
            }
        }
        eprintln!(
            "{}: {agree}/{n} noun distractors share gender and number ({:.0} %)",
            s.name,
            100.0 * share(agree, n)
        );
        agree_all += agree;
        n_all += n;
    }
    let s = share(agree_all, n_all);
    eprintln!(
        "all articles: {agree_all}/{n_all} noun distractors share gender and number ({:.1} %)",
        100.0 * s
    );
    assert!(s >= 0.95, "{agree_all}/{n_all}");
}

#[test]
fn no_item_gives_its_answer_away_and_no_lemma_is_asked_twice() {
    let lex = lexicon();
    for s in sheets() {
        let mut lemmas = HashSet::new();
        for it in &s.sheet.items {
            assert!(
                lemmas.insert(it.lemma.as_str()),
                "{}: {} asked twice",
                s.name,
                it.lemma
            );
            let answer = it.answer.to_lowercase();
            let lemma = it.lemma.to_lowercase();
            let rest = it.prompt.replace(GAP, " ");
            for t in tokenize(&rest) {
                let w = t.surface(&rest);
                let lw = w.to_lowercase();
                let same_lemma = lex.analyze(w).is_some_and(|a| a.lemma == it.lemma);
                assert!(
                    lw != answer
                        && !same_lemma
                        && !(lemma.chars().count() >= 4 && lw.contains(&lemma)),
                    "{}: {w:?} in the prompt gives away {:?}: {}",
                    s.name,
                    it.answer,
                    it.prompt
                );
            }
            assert!(
                !it.hint.to_lowercase().contains(&answer),
                "{}: hint {:?}",
                s.name,
                it.hint
            );
        }
    }
}

#[test]
fn items_are_consistent_with_their_sentence_and_article() {
    for s in sheets() {
        for it in &s.sheet.items {
            assert_eq!(&it.sentence[it.start..it.end], it.answer, "{}", s.name);
            assert_eq!(
                it.prompt,
                format!(
                    "{}{GAP}{}",
                    &it.sentence[..it.start],
                    &it.sentence[it.end..]
                ),
                "{}",
                s.name
            );
            assert_eq!(it.prompt.matches(GAP).count(), 1, "{}", s.name);
            assert_eq!(
                &s.doc.text[it.source_start..it.source_end],
                it.answer,
                "{}",
                s.name
            );
            assert_eq!(
                s.doc.sentence_text(it.sentence_index),
                it.sentence,
                "{}",
                s.name
            );
        }
    }
}

#[test]
fn same_seed_same_worksheet_other_seed_other_order() {
    // the seed article: a second run with the same seed is identical; other seeds shuffle the
    // choices somewhere
    let s = &sheets()[0];
    let opts = ClozeOptions::default();
    let seed = seed_from_text(&s.doc.text);
    assert_eq!(worksheet(&s.doc, &opts, seed), s.sheet);
    let orders =
        |w: &Worksheet| -> Vec<Vec<String>> { w.items.iter().map(|i| i.choices.clone()).collect() };
    let other = worksheet(&s.doc, &opts, seed ^ 1);
    assert_ne!(orders(&other), orders(&s.sheet));
}

/// Whether word `w` (in any text on the sheet) gives away the answer of `it`: it contains the
/// answer or its lemma, or the answer's compound head, or is a form of the same lemma.
fn gives_away(w: &str, it: &ClozeItem) -> bool {
    let lex = lexicon();
    let lw = w.to_lowercase();
    let lemma = it.lemma.to_lowercase();
    let head = lex
        .analyze(&it.answer)
        .and_then(|a| a.parts.last().cloned())
        .map(|h| h.to_lowercase())
        .filter(|h| h.chars().count() >= 4);
    lw == it.answer.to_lowercase()
        || (lemma.chars().count() >= 4 && lw.contains(&lemma))
        || head.is_some_and(|h| lw.contains(&h))
        || lex.analyze(w).is_some_and(|a| a.lemma == it.lemma)
}

/// The words a sheet shows besides item `skip`'s own gap: its title, every item's prompt (a
/// drill shows its sentence but the gap), every option, the gender-and-plural drill's nouns.
fn sheet_words(sheet: &Worksheet, skip: usize) -> Vec<(String, String)> {
    let mut texts: Vec<(String, String)> = vec![("title".into(), sheet.title.clone())];
    for o in &sheet.items {
        if o.id != skip {
            texts.push((format!("item {}", o.id), o.prompt.clone()));
            for c in o.choices.iter().filter(|c| **c != o.answer) {
                texts.push((format!("option of item {}", o.id), c.clone()));
            }
        } else {
            texts.push(("its own sentence".into(), o.prompt.clone()));
        }
    }
    for n in &sheet.nouns {
        texts.push((format!("noun {}", n.id), n.lemma.clone()));
    }
    let mut out = Vec::new();
    for (where_, t) in texts {
        for tok in tokenize(&t) {
            if tok.kind == TokenKind::Word {
                out.push((where_.clone(), tok.surface(&t).to_owned()));
            }
        }
    }
    out
}

/// Issue 14: the answer of a vocabulary item, its lemma and its compound head appear nowhere
/// else on the sheet — not in the title, other items' sentences or options, the noun drill.
#[test]
fn no_answer_shows_elsewhere_on_the_sheet() {
    let mut checked = 0;
    for s in sheets().iter().chain(full_sheets()) {
        for it in s.sheet.items.iter().filter(|i| i.kind == Kind::Vocab) {
            for (where_, w) in sheet_words(&s.sheet, it.id) {
                assert!(
                    !gives_away(&w, it),
                    "{}: {w:?} ({where_}) gives away item {} {:?}",
                    s.name,
                    it.id,
                    it.answer
                );
            }
            checked += 1;
        }
    }
    assert!(checked >= 90, "{checked}");
}

/// The words of a drill's phrase as the article wrote them: the answer (the article, or the
/// adjective with its ending) and the noun, the first capitalised word after the gap.
fn drill_phrase(it: &ClozeItem) -> (String, String) {
    let (before, after) = it.prompt.split_once(GAP).unwrap();
    let first = match it.kind {
        Kind::Articles => it.answer.to_lowercase(),
        _ => {
            let stem = before.rsplit(' ').next().unwrap_or("");
            format!("{stem}{}", it.answer).to_lowercase()
        }
    };
    let noun = after
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .find(|w| w.starts_with(char::is_uppercase))
        .unwrap_or("")
        .to_lowercase();
    (first, noun)
}

/// Whether `text` has `first`, then at most three lower-case words, then `noun`.
fn shows_phrase(text: &str, (first, noun): &(String, String)) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(i, w)| {
        w.to_lowercase() == *first
            && words[i + 1..]
                .iter()
                .take(4)
                .take_while(|n| n.to_lowercase() == *noun || !n.starts_with(char::is_uppercase))
                .any(|n| n.to_lowercase() == *noun)
    })
}

/// No drill asks for a phrase another drill asks for, and no other item's sentence or options
/// show a drill's answer (*bei einer Pressekonferenz* beside *bei _____ Pressekonferenz*).
#[test]
fn no_drill_answer_shows_elsewhere_on_the_sheet() {
    let mut checked = 0;
    for s in full_sheets().iter().chain(drill_sheets(Kind::Articles)) {
        let drills: Vec<&ClozeItem> = s
            .sheet
            .items
            .iter()
            .filter(|i| i.kind != Kind::Vocab)
            .collect();
        for it in &drills {
            let phrase = drill_phrase(it);
            assert!(!phrase.1.is_empty(), "{}: {}", s.name, it.prompt);
            for other in s.sheet.items.iter().filter(|o| o.id != it.id) {
                let texts = std::iter::once(&other.prompt).chain(&other.choices);
                for t in texts {
                    assert!(
                        !shows_phrase(t, &phrase),
                        "{}: item {} ({:?}) shows the answer of drill {} ({:?})",
                        s.name,
                        other.id,
                        t,
                        it.id,
                        it.prompt
                    );
                }
                if other.kind == it.kind {
                    assert_ne!(
                        phrase,
                        drill_phrase(other),
                        "{}: drills {} and {} ask for one phrase",
                        s.name,
                        it.id,
                        other.id
                    );
                }
            }
            checked += 1;
        }
    }
    assert!(checked >= 40, "{checked}");
}

/// The titles a worksheet is made with count too: an answer in the title is never asked.
#[test]
fn an_answer_in_the_title_is_not_asked() {
    let s = &sheets()[0];
    let asked: Vec<&str> = s.sheet.items.iter().map(|i| i.lemma.as_str()).collect();
    let title = format!("Thema: {}", asked.join(", "));
    let other = {
        let scores = Summarizer::default().scores(&s.doc);
        let mut rng = StdRng::seed_from_u64(seed_from_text(&s.doc.text));
        generate(
            &s.doc,
            &scores,
            IdfTable::embedded(),
            &title,
            &ClozeOptions::default(),
            &mut rng,
        )
    };
    for it in &other.items {
        assert!(
            !asked.contains(&it.lemma.as_str()),
            "{} is in the title",
            it.lemma
        );
    }
}

/// Issue 14: never a unit, currency, numeral noun, weekday or month, never an A1 word, never a
/// name or a title/function right before a name, never a part of a suspended compound; the
/// sentence is whole.
#[test]
fn no_unit_title_or_name_is_gapped() {
    let lex = lexicon();
    for s in sheets().iter().chain(full_sheets()) {
        for it in s.sheet.items.iter().filter(|i| i.kind == Kind::Vocab) {
            let (si, ti) = gap_token(&s.doc, it);
            let toks = &s.doc.sentences[si].tokens;
            assert!(!is_unit(&it.lemma), "{}: unit {}", s.name, it.answer);
            assert!(!is_weekday_or_month(&it.lemma), "{}: {}", s.name, it.answer);
            let level = lex.analyze(&it.answer).and_then(|a| a.level);
            assert_ne!(level, Some(Level::A1), "{}: A1 word {}", s.name, it.answer);
            if let Some(next) = toks.get(ti + 1)
                && s.doc.text[toks[ti].end..next.start].trim().is_empty()
                && next.capitalized
            {
                assert!(
                    !lex.is_proper_name(next.surface(&s.doc.text)),
                    "{}: {:?} stands before the name {:?}",
                    s.name,
                    it.answer,
                    next.surface(&s.doc.text)
                );
            }
            let before = &it.sentence[..it.start];
            let after = &it.sentence[it.end..];
            assert!(!after.starts_with('-'), "{}: {}", s.name, it.prompt);
            let suspended = ["- und ", "- oder ", "- sowie ", "-, "]
                .iter()
                .any(|p| before.ends_with(p));
            assert!(!suspended, "{}: suspended compound: {}", s.name, it.prompt);
            let end = it.sentence.trim_end_matches(['“', '"', '»', '«', ')', '”']);
            assert!(
                end.ends_with(['.', '!', '?']),
                "{}: not a whole sentence: {}",
                s.name,
                it.sentence
            );
        }
    }
}

/// A made-up article full of what must never be gapped: units after numbers, titles before
/// names, a suspended compound, weekdays.
#[test]
fn units_titles_and_suspended_compounds_in_a_test_article() {
    let text = "Die Europäische Zentralbank hat am Freitag die Leitzinsen erhöht. \
        Die Inflation im Euroraum lag zuletzt bei zehn Prozent, teilte die Notenbank mit. \
        Für die Banken bedeutet die Zinswende höhere Erträge von 150 Millionen Euro. \
        US-Präsident Joe Biden begrüßte den Beschluss der Notenbank in Washington. \
        Die Staats- und Regierungschefs der Europäischen Union beraten am Montag über den Haushalt. \
        OERAK-Präsident Wolff kritisierte die Regierung wegen der hohen Staatsverschuldung scharf. \
        Die Gewerkschaften fordern nun höhere Löhne für die Beschäftigten im öffentlichen Dienst. \
        Die Arbeitgeber verweisen dagegen auf die schwache Konjunktur und die hohen Energiepreise. \
        Ökonomen erwarten, dass die Teuerung im kommenden Jahr deutlich zurückgeht.";
    let doc = Document::new(text).unwrap();
    let sheet = worksheet(&doc, &ClozeOptions::default(), 3);
    let answers: Vec<&str> = sheet.items.iter().map(|i| i.answer.as_str()).collect();
    eprintln!("{answers:?}");
    assert!(sheet.items.len() >= 3, "{answers:?}");
    for it in &sheet.items {
        for bad in [
            "Euro",
            "Prozent",
            "Millionen",
            "US-Präsident",
            "OERAK-Präsident",
            "Regierungschefs",
            "Staats",
            "Freitag",
            "Montag",
            "Jahr",
        ] {
            assert_ne!(it.answer, bad, "{}", it.prompt);
        }
    }
}

/// Issue 14: a drill's answer is what the article wrote (the article at the gap, the ending of
/// the adjective), its options are forms of the same paradigm, and its gap is where the item
/// says; every article gives some drills of each kind.
#[test]
fn drill_answers_are_the_articles_text() {
    let lex = lexicon();
    for kind in [Kind::Articles, Kind::Endings] {
        let mut n = 0;
        for s in drill_sheets(kind).iter().chain(full_sheets()) {
            for it in s.sheet.items.iter().filter(|i| i.kind == kind) {
                n += 1;
                assert_eq!(
                    &s.doc.text[it.source_start..it.source_end],
                    it.answer,
                    "{}",
                    s.name
                );
                assert_eq!(&it.sentence[it.start..it.end], it.answer);
                // the sentence as shown: the whole sentence, or its end after a dateline
                assert!(
                    s.doc
                        .sentence_text(it.sentence_index)
                        .ends_with(it.sentence.as_str())
                );
                assert_eq!(
                    it.choices.iter().filter(|c| **c == it.answer).count(),
                    1,
                    "{}: {:?}",
                    s.name,
                    it.choices
                );
                let tok = s.doc.sentences[it.sentence_index]
                    .tokens
                    .iter()
                    .find(|t| t.start <= it.source_start && it.source_end <= t.end)
                    .unwrap_or_else(|| panic!("{}: gap in no word: {}", s.name, it.prompt));
                match kind {
                    Kind::Articles => {
                        assert_eq!((tok.start, tok.end), (it.source_start, it.source_end));
                        let (art, _) = Article::parse(&it.answer.to_lowercase())
                            .unwrap_or_else(|| panic!("{} is no article", it.answer));
                        for c in &it.choices {
                            assert_eq!(
                                Article::parse(&c.to_lowercase()).map(|p| p.0),
                                Some(art),
                                "{c}"
                            );
                        }
                    }
                    _ => {
                        assert_eq!(tok.end, it.source_end, "{}: {}", s.name, it.prompt);
                        assert!(ADJECTIVE_ENDINGS.contains(&it.answer.as_str()));
                        assert!(
                            it.choices
                                .iter()
                                .all(|c| ADJECTIVE_ENDINGS.contains(&c.as_str()))
                        );
                        let word = tok.surface(&s.doc.text);
                        let stem = &word[..word.len() - it.answer.len()];
                        let a = lex.analyze(word).unwrap();
                        assert!(
                            matches!(a.pos, Pos::Adj | Pos::Verb),
                            "{}: {word} is {:?}",
                            s.name,
                            a.pos
                        );
                        assert!(!stem.is_empty());
                    }
                }
            }
        }
        // no sheet asks for one answer more than twice in a drill section
        for s in drill_sheets(kind).iter().chain(full_sheets()) {
            let mut asked: std::collections::HashMap<String, usize> = Default::default();
            for it in s.sheet.items.iter().filter(|i| i.kind == kind) {
                *asked.entry(it.answer.to_lowercase()).or_default() += 1;
            }
            assert!(asked.values().all(|&c| c <= 2), "{}: {asked:?}", s.name);
        }
        eprintln!("{kind:?}: {n} drill items checked");
        // five endings at most twice each bound the endings drill
        let floor = if kind == Kind::Articles { 40 } else { 30 };
        assert!(n >= floor, "{kind:?}: {n}");
    }
}

/// Same seed, same worksheet, byte for byte, with every kind of item.
#[test]
fn same_seed_same_full_worksheet() {
    let opts = ClozeOptions {
        kinds: Kinds::all(),
        ..ClozeOptions::default()
    };
    for s in full_sheets() {
        let again = worksheet(&s.doc, &opts, seed_from_text(&s.doc.text));
        assert_eq!(again, s.sheet, "{}", s.name);
        let json = |w: &Worksheet| {
            kernsatz::export::worksheet::render(w, kernsatz::export::worksheet::Format::Json)
        };
        assert_eq!(json(&again), json(&s.sheet));
    }
}

/// A word family's root as an independent check sees it: the lower-case lemma without its
/// infinitive or derivational ending, as its first two letters and its consonants
/// (*festnehmen*, *Festnahme* → `fe fstnhm`; *Kontrolle*, *kontrollieren* → `ko kntrll`);
/// `None` below five consonants.
fn family(lemma: &str) -> Option<String> {
    let lower = lemma.to_lowercase();
    let base = ["ierung", "ieren", "lich", "isch", "ung", "en", "e", "n"]
        .iter()
        .find_map(|e| lower.strip_suffix(e).filter(|b| b.chars().count() >= 4))
        .unwrap_or(&lower);
    let skeleton: String = base
        .chars()
        .filter(|c| c.is_alphabetic() && !"aeiouäöüy".contains(*c))
        .collect();
    (skeleton.chars().count() >= 5)
        .then(|| format!("{} {skeleton}", base.chars().take(2).collect::<String>()))
}

/// Review of issue 14: no word of the same family as a vocabulary answer stands elsewhere on
/// the sheet (*Festnahmen* in one item, *festgenommen* in another; *Kontrolle* in the drill for
/// *kontrolliert*).
#[test]
fn no_word_family_gives_an_answer_away() {
    let lex = lexicon();
    let mut checked = 0;
    for s in sheets().iter().chain(full_sheets()) {
        for it in s.sheet.items.iter().filter(|i| i.kind == Kind::Vocab) {
            let Some(root) = family(&it.lemma) else {
                continue;
            };
            for (where_, w) in sheet_words(&s.sheet, it.id) {
                if where_ == "its own sentence" {
                    continue;
                }
                let lemma = lex.analyze(&w).map_or(w.clone(), |a| a.lemma);
                assert_ne!(
                    family(&lemma).as_deref(),
                    Some(root.as_str()),
                    "{}: {w:?} ({where_}) is of the family of item {} {:?}",
                    s.name,
                    it.id,
                    it.answer
                );
            }
            checked += 1;
        }
    }
    assert!(checked >= 50, "{checked}");
}

/// Review of issue 14: the gender-and-plural drill asks for no plural that is rare in use
/// (*die Bevölkerungen*, *die Verdachte*: far rarer than the singular in the word
/// frequencies), no ad-hoc hyphenated compound, and no noun whose form stands on the sheet
/// (*bei Kontrollen* shows the plural, *die Verwaltung* the gender).
#[test]
fn noun_drill_asks_for_common_plurals_not_shown_on_the_sheet() {
    let lex = lexicon();
    let mut nouns = 0;
    for s in sheets().iter().chain(full_sheets()) {
        for n in &s.sheet.nouns {
            nouns += 1;
            assert!(!n.lemma.contains('-'), "{}: {}", s.name, n.lemma);
            if n.plural != n.lemma
                && let Some(sg) = lex.zipf(&n.lemma)
            {
                // a plural not in the list is below its cut-off (Zipf 2.0)
                let pl = lex.zipf(&n.plural).unwrap_or(1.9);
                assert!(
                    sg - pl < 1.5,
                    "{}: rare plural die {} ({pl} beside {sg})",
                    s.name,
                    n.plural
                );
            }
            for (where_, w) in sheet_words(&s.sheet, 0) {
                if where_.starts_with("noun ") {
                    continue;
                }
                let shown = w.to_lowercase().contains(&n.plural.to_lowercase())
                    || lex.analyze(&w).is_some_and(|a| a.lemma == n.lemma);
                assert!(
                    !shown,
                    "{}: {w:?} ({where_}) shows the noun {}",
                    s.name, n.lemma
                );
            }
        }
    }
    assert!(nouns >= 20, "{nouns}");
}

/// Review of issue 14: a verb's options take their objects as the answer does: no
/// intransitive verb in a passive (*wurden … gependelt*), no transitive-only verb for an
/// intransitive answer (*die Anspannung … fordert*).
#[test]
fn verb_options_have_the_answers_valency() {
    use kernsatz::lexicon::grammar::valency;
    let lex = lexicon();
    for s in sheets().iter().chain(full_sheets()) {
        for it in s.sheet.items.iter().filter(|i| i.kind == Kind::Vocab) {
            let Some(a) = lex.analyze(&it.answer).filter(|a| a.pos == Pos::Verb) else {
                continue;
            };
            for c in it.choices.iter().filter(|c| **c != it.answer) {
                let d = lex.analyze(c).unwrap();
                assert!(
                    valency(&d.lemma).covers(valency(&a.lemma)),
                    "{}: {c} ({}) in the slot of {} ({})",
                    s.name,
                    d.lemma,
                    it.answer,
                    a.lemma
                );
            }
        }
    }
    assert!(valency("wachsen") != valency("fordern"));
}

/// Second blind review of issue 14: a hint never spells out its answer — no word of the hint
/// is of the answer's family or holds one of its compound parts (*Dreiviertelstunde* hinted
/// as "drei Viertel einer vollen Stunde", *erringen* as "… ringt …"). German definitions only:
/// an English gloss may be a cognate (*Asylwerber* — asylum seeker).
/// No hint is a cognate of its answer (*conflict* for *Konflikt*, *parliament* for
/// *Parlament*) or of each of its parts (*bank licence* for *Banklizenz*): it would hand the
/// answer over.
#[test]
fn no_hint_is_a_cognate_of_its_answer() {
    let mut checked = 0;
    for s in sheets().iter().chain(full_sheets()) {
        for it in s.sheet.items.iter().filter(|i| i.kind == Kind::Vocab) {
            // a compound's parts as the lexicon splits it (*bank licence* for *Banklizenz*)
            let parts: Vec<String> = lexicon()
                .compound_parts(&it.lemma)
                .unwrap_or_default()
                .into_iter()
                .map(|p| p.surface)
                .collect();
            assert!(
                !cognate_hint(&it.hint, &it.lemma, &parts),
                "{}: hint {:?} of item {} ({})",
                s.name,
                it.hint,
                it.id,
                it.answer
            );
            checked += 1;
        }
    }
    assert!(checked >= 20, "{checked}");
}

#[test]
fn german_hints_give_no_answer_away() {
    let lex = lexicon();
    let mut checked = 0;
    for s in sheets().iter().chain(full_sheets()) {
        for it in s
            .sheet
            .items
            .iter()
            .filter(|i| i.kind == Kind::Vocab && i.gloss.is_none())
        {
            let parts: Vec<String> = lex
                .split_compound(&it.lemma)
                .unwrap_or_default()
                .iter()
                .map(|p| p.to_lowercase().trim_end_matches(['s', '-']).to_owned())
                .filter(|p| p.chars().count() >= 4)
                .collect();
            let root = family(&it.lemma);
            for t in tokenize(&it.hint)
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
            {
                let w = t.surface(&it.hint);
                let lower = w.to_lowercase();
                let lemma = lex.analyze(w).map_or(w.to_owned(), |a| a.lemma);
                assert!(
                    root.is_none() || family(&lemma) != root,
                    "{}: hint {:?} of item {} ({}) holds {w:?}, of the answer's family",
                    s.name,
                    it.hint,
                    it.id,
                    it.answer
                );
                for p in &parts {
                    assert!(
                        !lower.contains(p.as_str()),
                        "{}: hint {:?} of item {} ({}) holds the part {p:?}",
                        s.name,
                        it.hint,
                        it.id,
                        it.answer
                    );
                }
            }
            checked += 1;
        }
    }
    assert!(checked >= 5, "too few items with a German hint: {checked}");
}

/// A word folded for comparing stems: lower case, umlauts as their base vowels.
fn fold(w: &str) -> String {
    w.to_lowercase()
        .replace('ä', "a")
        .replace('ö', "o")
        .replace('ü', "u")
        .replace('ß', "ss")
}

/// Third blind review of issue 14: a German hint never holds the answer's stem once its
/// prefixes and suffixes are set aside (*nicht üblich* for *unüblich*, *den Wert …
/// abschätzen* for *bewerten*), and is never cut off.
#[test]
fn german_hints_hold_no_stem_of_the_answer() {
    let lex = lexicon();
    let mut checked = 0;
    for s in sheets().iter().chain(full_sheets()) {
        for it in s
            .sheet
            .items
            .iter()
            .filter(|i| i.kind == Kind::Vocab && i.gloss.is_none())
        {
            checked += 1;
            assert!(
                !it.hint.ends_with('…'),
                "{}: hint {:?} cut off",
                s.name,
                it.hint
            );
            let answer = fold(&it.lemma);
            for t in tokenize(&it.hint)
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
            {
                let w = t.surface(&it.hint);
                if lex.is_function_word(w) {
                    continue;
                }
                let mut forms = vec![fold(w)];
                forms.extend(lex.analyze(w).map(|a| fold(&a.lemma)));
                for f in forms {
                    let stem = ["ung", "lich", "isch", "ig", "en", "e", "n"]
                        .iter()
                        .find_map(|e| f.strip_suffix(e))
                        .unwrap_or(&f);
                    for x in [f.as_str(), stem] {
                        assert!(
                            x.chars().count() < 4 || !answer.contains(x),
                            "{}: hint {:?} of item {} ({}) holds {x:?}",
                            s.name,
                            it.hint,
                            it.id,
                            it.answer
                        );
                    }
                }
            }
        }
    }
    assert!(checked >= 3, "too few items with a German hint: {checked}");
}

/// Third blind review of issue 14: vocabulary items ask for words above A2 (since the fourth
/// review nouns only: `answers_are_content_words_and_key_terms_with_a_meaning`).
/// A verb's options nearly always fit some reading of the sentence (*prüfen* beside
/// *bewerten*, *handelten* beside *regierten*), and an A2 word (*Gespräch*) is known before B1.
/// An English hint never lists several senses (*line, pipe; management* for *unter der
/// Leitung*): the learner could not tell which is meant.
#[test]
fn vocabulary_items_are_nouns_and_adjectives_above_a2_with_one_sense() {
    let lex = lexicon();
    let mut n = 0;
    for s in sheets().iter().chain(full_sheets()) {
        for it in s.sheet.items.iter().filter(|i| i.kind == Kind::Vocab) {
            n += 1;
            let a = lex.analyze(&it.answer).unwrap();
            assert!(
                matches!(a.pos, Pos::Noun | Pos::Adj),
                "{}: {} is {:?}",
                s.name,
                it.answer,
                a.pos
            );
            assert!(
                !matches!(lex.level(&it.lemma), Some(Level::A1 | Level::A2)),
                "{}: {} is {:?}",
                s.name,
                it.lemma,
                lex.level(&it.lemma)
            );
            if let Some(g) = &it.gloss
                && !g.contains(" + ")
            {
                assert!(!g.contains(';'), "{}: {} — {g}", s.name, it.lemma);
            }
        }
    }
    assert!(n >= 40, "{n}");
}

/// Third blind review of issue 14: an option is a form in use (no *Streite*: a plural far
/// rarer than its singular), and a mass noun in the singular gets mass nouns as options (it may
/// stand without an article: *Gerade Erdgas sei …* takes no *Quartal*).
#[test]
fn options_are_common_forms_and_mass_nouns_get_mass_nouns() {
    let lex = lexicon();
    let mass = |lemma: &str| {
        let e = lex.noun_entries(lemma);
        !e.is_empty()
            && e.iter().all(|(_, p)| {
                p.first().is_none_or(|p| {
                    let sg = lex.zipf(lemma);
                    sg.is_some_and(|sg| sg - lex.zipf(p).unwrap_or(1.9) >= 1.5)
                })
            })
    };
    let mut mass_items = 0;
    for s in sheets().iter().chain(full_sheets()) {
        for it in s.sheet.items.iter().filter(|i| i.kind == Kind::Vocab) {
            let a = lex.analyze(&it.answer).unwrap();
            if a.pos != Pos::Noun {
                continue;
            }
            let singular = numbers(&it.lemma, &it.answer) == HashSet::from([Number::Sg]);
            // after the indefinite article (eine Vielzahl, einen raschen Ausbau) the answer
            // is counted: count nouns fit; declined adjectives between are skipped
            let determiner = it
                .prompt
                .split(GAP)
                .next()
                .unwrap_or("")
                .split_whitespace()
                .rev()
                .find(|w| {
                    w.starts_with(char::is_uppercase)
                        || w.to_lowercase().starts_with("ein")
                        || !w.ends_with(['e', 'n', 'm', 'r', 's'])
                })
                .map(str::to_lowercase);
            let counted = determiner
                .is_some_and(|d| d.starts_with("ein") && !d.starts_with("einig") && d.len() <= 6);
            let answer_mass = singular && mass(&it.lemma) && !counted;
            mass_items += usize::from(answer_mass && !it.choices.is_empty());
            for c in it.choices.iter().filter(|c| **c != it.answer) {
                let d = lex.analyze(c).unwrap();
                if numbers(&d.lemma, c).contains(&Number::Pl)
                    && let (Some(sg), Some(pl)) = (
                        lex.zipf(&d.lemma),
                        lex.inflect_noun(&d.lemma, Case::Nom, Number::Pl),
                    )
                    && pl != d.lemma
                {
                    let gap = sg - lex.zipf(&pl).unwrap_or(1.9);
                    assert!(gap < 1.0, "{}: option {c} ({gap:.2} rarer)", s.name);
                }
                if numbers(&it.lemma, &it.answer).contains(&Number::Pl) {
                    assert!(
                        !mass(&d.lemma),
                        "{}: mass noun {c} in the plural slot of {}",
                        s.name,
                        it.answer
                    );
                }
                if answer_mass {
                    let e = lex.noun_entries(&d.lemma);
                    assert!(
                        e.iter().all(|(_, p)| p.first().is_none_or(|p| {
                            lex.zipf(&d.lemma)
                                .is_none_or(|sg| sg - lex.zipf(p).unwrap_or(1.9) >= 1.5)
                                || lex.zipf(&d.lemma).is_none()
                        })) || lex.zipf(&d.lemma).is_none(),
                        "{}: count noun {c} for the mass noun {}",
                        s.name,
                        it.answer
                    );
                }
            }
        }
    }
    eprintln!("{mass_items} items on a mass noun");
}

/// Third blind review of issue 14: a noun declined like an adjective takes either article
/// (*der/die Aufsichtsratsvorsitzende*, *Angestellte*): neither the article drill nor the
/// gender-and-plural drill asks for its article.
#[test]
fn no_article_asked_of_a_noun_declined_like_an_adjective() {
    let lex = lexicon();
    let adjectival = |lemma: &str| {
        let head = lex
            .split_compound(lemma)
            .and_then(|p| p.last().cloned())
            .unwrap_or_else(|| lemma.to_owned())
            .to_lowercase();
        lex.is_adjectival_noun(lemma)
            || ["er", "e"].iter().any(|e| {
                head.strip_suffix(e)
                    .filter(|b| b.ends_with("end") && b.chars().count() > 5)
                    .is_some()
            })
    };
    let mut n = 0;
    for s in drill_sheets(Kind::Articles).iter().chain(full_sheets()) {
        for it in s.sheet.items.iter().filter(|i| i.kind == Kind::Articles) {
            n += 1;
            assert!(!adjectival(&it.lemma), "{}: {}", s.name, it.lemma);
        }
        for d in &s.sheet.nouns {
            assert!(!adjectival(&d.lemma), "{}: {}", s.name, d.lemma);
        }
    }
    assert!(n >= 10, "{n}");
}

/// Third blind review of issue 14: a vocabulary gap never stands right after another
/// capitalised word (*im Linzer Design _____*: a word of a name or a title), and its clause
/// has words enough to rule out other nouns (*Die _____: Die Hälfte …* has none).
#[test]
fn vocabulary_gaps_stand_in_a_clause_of_their_own() {
    let mut n = 0;
    for s in sheets().iter().chain(full_sheets()) {
        for it in s.sheet.items.iter().filter(|i| i.kind == Kind::Vocab) {
            n += 1;
            let (si, ti) = gap_token(&s.doc, it);
            let toks = &s.doc.sentences[si].tokens;
            if ti >= 2 {
                let prev = &toks[ti - 1];
                let glued = s.doc.text[prev.end..toks[ti].start]
                    .chars()
                    .all(|c| c == ' ');
                assert!(
                    !(glued
                        && prev.kind == TokenKind::Word
                        && prev.capitalized
                        && !is_unit(prev.surface(&s.doc.text))
                        && !prev.surface(&s.doc.text).ends_with('s')),
                    "{}: {} right after {}",
                    s.name,
                    it.answer,
                    prev.surface(&s.doc.text)
                );
            }
            let before = it.prompt[..it.start]
                .rsplit([',', ';', ':', '–', '(', ')', '„', '“', '"'])
                .next()
                .unwrap_or("");
            let after = it.prompt[it.start + GAP.len()..]
                .split([',', ';', ':', '–', '(', ')', '„', '“', '"', '.', '?', '!'])
                .next()
                .unwrap_or("");
            let words = tokenize(before)
                .iter()
                .chain(tokenize(after).iter())
                .filter(|t| t.kind == TokenKind::Word)
                .count();
            assert!(words >= 3, "{}: {:?}", s.name, it.prompt);
        }
    }
    assert!(n >= 40, "{n}");
}

/// The number of numbered senses `(1) `, `(2) `… in a German definition.
fn senses(definition: &str) -> usize {
    (1..=9)
        .filter(|n| definition.contains(&format!("({n}) ")))
        .count()
}

#[test]
fn the_glossary_shows_only_meanings_that_stand_alone() {
    // the vocabulary of these articles has compound-part definitions and lists of senses (so
    // the check below can fail), the glossary shows neither, nor A1 words
    let mut unfit_in_vocab = 0;
    for s in sheets() {
        let vocab = vocabulary(
            &s.doc,
            IdfTable::embedded(),
            &VocabOptions {
                uncut: true,
                ..VocabOptions::default()
            },
        );
        unfit_in_vocab += vocab
            .iter()
            .filter(|e| {
                e.gloss.is_none()
                    && e.definition_de
                        .as_deref()
                        .is_some_and(|d| d.contains(&format!("(in {}):", e.lemma)) || senses(d) > 2)
            })
            .count();
        assert!(!s.sheet.glossary.is_empty(), "{}", s.name);
        for g in &s.sheet.glossary {
            let level = vocab
                .iter()
                .find(|e| e.lemma == g.lemma)
                .and_then(|e| e.level);
            assert_ne!(level, Some("A1"), "{}: {}", s.name, g.lemma);
            assert!(
                !g.meaning.contains(&format!("(in {}):", g.lemma)) && senses(&g.meaning) <= 1,
                "{}: {} — {}",
                s.name,
                g.lemma,
                g.meaning
            );
        }
    }
    assert!(unfit_in_vocab >= 3, "{unfit_in_vocab}");
}
