//! Lemmatising adjectives and verbs with rules, checked against the domain lexicon and the
//! frequency list.
//!
//! German adjectives and verbs are lemmatised by stripping endings and checking the result:
//!
//! * adjectives: -e/-en/-em/-er/-es, then the comparative -er and the superlative -(e)st
//!   (with the umlaut undone: stärker → stark, größten → groß), plus a short list of
//!   irregular comparisons (besser → gut);
//! * verbs: a hand-written table of irregular forms (sprach, gesprochen → sprechen), the
//!   participles ge…t / ge…et and, for -ieren verbs and inseparable prefixes, …t
//!   (gefördert → fördern, investiert → investieren, verhandelt → verhandeln), separable
//!   prefixes (zusammengearbeitet → zusammenarbeiten), zu-infinitives (aufzubauen → aufbauen),
//!   present participles (entstehend → entstehen) and finite endings (verhandelte → verhandeln).
//!
//! A candidate that is a domain lemma of that part of speech wins. Otherwise a candidate must be
//! attested in the frequency list with enough of its other forms: an adjective base with the
//! typical adjective suffixes or most of its declined forms, a verb with its infinitive and its
//! third person singular (plus a past form).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::sync::LazyLock;

use super::domain::Domain;
use super::freq::{Freq, folded};
use super::{Pos, concat, word_list};

/// `function_words.txt`: written by the kernsatz developers (MIT OR Apache-2.0).
pub(crate) const FUNCTION_WORDS_TXT: &str = include_str!("../../data/lexicon/function_words.txt");
/// `irregular_verbs.tsv`: written by the kernsatz developers (MIT OR Apache-2.0).
pub(crate) const IRREGULAR_VERBS_TSV: &str = include_str!("../../data/lexicon/irregular_verbs.tsv");

/// `separable_prefixes.txt`: separable verb prefixes, a prefix before the shorter ones it
/// begins with. Written by the kernsatz developers (MIT OR Apache-2.0).
pub(crate) const SEPARABLE_TXT: &str = include_str!("../../data/lexicon/separable_prefixes.txt");
static SEPARABLE: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(SEPARABLE_TXT).collect());

/// Whether a lower-case word is a separable verb prefix (`zu`, `ein`, `zurück`).
pub(crate) fn is_separable_prefix(w: &str) -> bool {
    SEPARABLE.contains(&w)
}

/// `inseparable_prefixes.txt`: inseparable verb prefixes (their participles have no ge-).
/// Written by the kernsatz developers (MIT OR Apache-2.0).
pub(crate) const INSEPARABLE_TXT: &str =
    include_str!("../../data/lexicon/inseparable_prefixes.txt");
static INSEPARABLE: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(INSEPARABLE_TXT).collect());

/// `adjective_suffixes.txt`: derivational suffixes that mark an adjective. Written by the
/// kernsatz developers (MIT OR Apache-2.0).
pub(crate) const ADJ_SUFFIXES_TXT: &str = include_str!("../../data/lexicon/adjective_suffixes.txt");
static ADJ_SUFFIXES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(ADJ_SUFFIXES_TXT).collect());

/// `irregular_comparison.tsv`: irregular comparison forms (stem of the comparative or
/// superlative, tab, positive). Written by the kernsatz developers (MIT OR Apache-2.0).
pub(crate) const IRREGULAR_COMPARISON_TSV: &str =
    include_str!("../../data/lexicon/irregular_comparison.tsv");
static IRREGULAR_COMPARISON: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    word_list(IRREGULAR_COMPARISON_TSV)
        .filter_map(|l| l.split_once('\t'))
        .map(|(stem, positive)| (stem.trim(), positive.trim()))
        .collect()
});

/// Adjective endings, longest first ("" = the bare form).
const ADJ_ENDINGS: &[&str] = &["em", "en", "er", "es", "e", ""];

/// What a rule found.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MorphResult {
    pub(crate) lemma: String,
    pub(crate) pos: Pos,
    /// True when the lemma is a domain lemma.
    pub(crate) domain: bool,
}

/// Function words and the irregular verb table.
#[derive(Debug)]
pub(crate) struct Morph {
    function_words: HashSet<&'static str>,
    /// Irregular form → infinitive.
    irregular: HashMap<Cow<'static, str>, &'static str>,
    /// Infinitives of the irregular table.
    irregular_infinitives: HashSet<&'static str>,
    pub(crate) problems: Vec<String>,
}

/// The forms of an irregular verb derived from its third person singular, past and participle:
/// spricht → sprichst; sprach → sprachst, sprachen, spracht; brachte → brachten, …
fn irregular_forms(
    third: &'static str,
    past: &'static str,
    participle: &'static str,
) -> Vec<Cow<'static, str>> {
    let mut out = vec![
        Cow::Borrowed(third),
        Cow::Borrowed(past),
        Cow::Borrowed(participle),
    ];
    if let Some(stem) = third.strip_suffix('t')
        && !third.ends_with("st")
    {
        out.push(Cow::Owned(concat(stem, "st")));
    }
    let endings: &[&str] = if past.ends_with('e') {
        &["st", "n", "t"]
    } else {
        &["st", "en", "t"]
    };
    for e in endings {
        out.push(Cow::Owned(concat(past, e)));
    }
    out
}

/// `lexical_adjectives.txt`: participles and other verb forms that are lexicalised adjectives:
/// rules would take them for verbs (bekannt is no form of bekennen). Written by the kernsatz
/// developers (MIT OR Apache-2.0).
pub(crate) const LEXICAL_ADJECTIVES_TXT: &str =
    include_str!("../../data/lexicon/lexical_adjectives.txt");
static LEXICAL_ADJECTIVES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| word_list(LEXICAL_ADJECTIVES_TXT).collect());

/// `w` without the prefix `p` ([`str::strip_prefix`]); the first bytes are compared first,
/// which spares the loops over the prefix lists a string comparison per prefix.
fn strip_prefix<'w>(w: &'w str, p: &str) -> Option<&'w str> {
    match (w.as_bytes().first(), p.as_bytes().first()) {
        (Some(a), Some(b)) if a != b => None,
        _ => w.strip_prefix(p),
    }
}

pub(crate) fn strip_umlaut_last(s: &str) -> Option<String> {
    let (i, c) = s
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, 'ä' | 'ö' | 'ü'))?;
    let plain = match c {
        'ä' => 'a',
        'ö' => 'o',
        _ => 'u',
    };
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..i]);
    out.push(plain);
    out.push_str(&s[i + c.len_utf8()..]);
    Some(out)
}

/// The verb stem of an infinitive and whether it takes -n (handeln, fördern) or -en.
fn verb_stem(inf: &str) -> Option<&str> {
    if (inf.ends_with("eln") || inf.ends_with("ern")) && !inf.ends_with("iern") {
        inf.strip_suffix('n')
    } else {
        inf.strip_suffix("en")
    }
}

/// The infinitive of a stem: -n after an unstressed -el/-er (handeln, fördern), else -en
/// (investieren, leeren).
fn infinitive(stem: &str) -> String {
    if (stem.ends_with("el") || stem.ends_with("er"))
        && !stem.ends_with("ier")
        && !stem.ends_with("eer")
    {
        concat(stem, "n")
    } else {
        concat(stem, "en")
    }
}

impl Morph {
    pub(crate) fn new() -> Self {
        let function_words = word_list(FUNCTION_WORDS_TXT).collect();
        let mut irregular = HashMap::default();
        let mut irregular_infinitives = HashSet::default();
        let mut problems = Vec::new();
        for (n, line) in IRREGULAR_VERBS_TSV.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&'static str> = line.split('\t').map(str::trim).collect();
            if cols.len() < 4 || cols.len() > 5 {
                problems.push(format!(
                    "irregular_verbs.tsv line {}: expected 4 or 5 columns",
                    n + 1
                ));
                continue;
            }
            let inf = cols[0];
            if !irregular_infinitives.insert(inf) {
                problems.push(format!(
                    "irregular_verbs.tsv line {}: duplicate {inf}",
                    n + 1
                ));
            }
            for f in irregular_forms(cols[1], cols[2], cols[3]) {
                irregular.entry(f).or_insert(inf);
            }
            for f in cols
                .get(4)
                .unwrap_or(&"")
                .split(',')
                .map(str::trim)
                .filter(|f| !f.is_empty())
            {
                irregular
                    .entry(std::borrow::Cow::Borrowed(f))
                    .or_insert(inf);
            }
        }
        Morph {
            function_words,
            irregular,
            irregular_infinitives,
            problems,
        }
    }

    /// Whether `inf` is the infinitive of a verb of the irregular table (fahren, also with a
    /// prefix: abfahren).
    pub(crate) fn is_irregular_infinitive(&self, inf: &str) -> bool {
        self.irregular_infinitives.contains(inf) || self.irregular_verb(inf).as_deref() == Some(inf)
    }

    /// Whether `w` (lowercase) is a function word (article, pronoun, preposition, …).
    pub(crate) fn is_function_word(&self, w: &str) -> bool {
        self.function_words.contains(w)
    }

    /// The infinitive of an irregular verb form, also behind separable and inseparable prefixes
    /// (angesprochen, besprochen, zusammengekommen) and in zu-infinitives (anzusprechen).
    fn irregular_verb(&self, w: &str) -> Option<String> {
        if let Some(inf) = self.irregular.get(w) {
            return Some((*inf).to_owned());
        }
        if self.irregular_infinitives.contains(w) {
            return Some(w.to_owned());
        }
        for p in SEPARABLE.iter() {
            if let Some(rest) = strip_prefix(w, p)
                && rest.chars().count() >= 3
            {
                let rest = rest
                    .strip_prefix("zu")
                    .filter(|r| r.ends_with('n'))
                    .unwrap_or(rest);
                if let Some(inf) = self
                    .irregular
                    .get(rest)
                    .or_else(|| self.irregular_infinitives.get(rest))
                {
                    return Some(format!("{p}{inf}"));
                }
            }
        }
        // ge- is left out: its verbs (gehören, gewinnen) are in the table themselves, and
        // genannten is no form of a verb "genennen".
        for p in INSEPARABLE.iter().filter(|p| **p != "ge") {
            if let Some(rest) = strip_prefix(w, p)
                && rest.chars().count() >= 3
            {
                let with_ge = concat("ge", rest);
                if let Some(inf) = self
                    .irregular
                    .get(with_ge.as_str())
                    .or_else(|| self.irregular.get(rest))
                    .or_else(|| self.irregular_infinitives.get(rest))
                    && !inf.starts_with(p)
                {
                    return Some(format!("{p}{inf}"));
                }
            }
        }
        None
    }

    /// Whether `inf` is attested as a verb: domain verb, irregular, or in the frequency list
    /// with its third person singular and a past form.
    fn verb_attested(&self, inf: &str, domain: &Domain, freq: &Freq) -> (bool, bool) {
        if domain.get(inf, Pos::Verb).is_some() {
            return (true, true);
        }
        if self.irregular_infinitives.contains(inf)
            || self.irregular_verb(inf).as_deref() == Some(inf)
        {
            return (true, false);
        }
        let Some(stem) = verb_stem(inf) else {
            return (false, false);
        };
        if stem.chars().count() < 2 || freq.centi(&folded(inf)).is_none() {
            return (false, false);
        }
        let has = |s: String| freq.centi(&folded(&s)).is_some();
        let dental = stem.ends_with('t') || stem.ends_with('d');
        let third = if dental {
            has(concat(stem, "et"))
        } else {
            has(concat(stem, "t"))
        };
        let past = has(concat(stem, "te")) || has(concat(stem, "ete")) || has(concat(stem, "ten"));
        (third && past, false)
    }

    /// Whether `base` is attested as an adjective.
    fn adj_attested(&self, base: &str, domain: &Domain, freq: &Freq) -> (bool, bool) {
        if domain.get(base, Pos::Adj).is_some() {
            return (true, true);
        }
        if base.chars().count() < 3
            || self.is_function_word(base)
            || freq.centi(&folded(base)).is_none()
        {
            return (false, false);
        }
        let declined = ["e", "en", "er", "es", "em"]
            .iter()
            .filter(|e| freq.centi(&folded(&concat(base, e))).is_some())
            .count();
        let suffix = ADJ_SUFFIXES.iter().any(|s| base.ends_with(s));
        (declined >= 4 || (suffix && declined >= 1), false)
    }

    /// Adjective lemma candidates of `w`, most stripped first.
    fn adj_candidates(w: &str) -> Vec<String> {
        let mut out = Vec::new();
        for ending in ADJ_ENDINGS {
            let Some(b) = w.strip_suffix(ending) else {
                continue;
            };
            if b.chars().count() < 3 {
                continue;
            }
            for (irr, pos) in IRREGULAR_COMPARISON.iter() {
                if b == *irr {
                    out.push((*pos).to_owned());
                }
            }
            let mut deeper = Vec::new();
            if let Some(c) = b.strip_suffix("er") {
                deeper.push(c.to_owned());
            }
            if let Some(c) = b.strip_suffix("est").or_else(|| b.strip_suffix("st")) {
                deeper.push(c.to_owned());
            }
            if let Some(c) = b.strip_suffix('t')
                && (c.ends_with('ß') || c.ends_with('s') || c.ends_with('z'))
            {
                deeper.push(c.to_owned());
            }
            for c in deeper {
                if c.chars().count() >= 3 {
                    if let Some(plain) = strip_umlaut_last(&c) {
                        out.push(plain);
                    }
                    out.push(c);
                }
            }
            out.push(b.to_owned());
        }
        out.dedup();
        out
    }

    /// Verb infinitive candidates of `w` from participles and zu-infinitives (the shapes that
    /// are verbal for sure), and from finite endings.
    fn verb_candidates(w: &str) -> (Vec<String>, Vec<String>) {
        let mut participial = Vec::new();
        let mut finite = Vec::new();
        // Attributive use: strip an adjective ending first (geförderte → gefördert).
        let bases: Vec<&str> = ADJ_ENDINGS
            .iter()
            .filter_map(|e| w.strip_suffix(e))
            .collect();
        for &b in &bases {
            // -ieren verbs: investiert, investierte(n), investierend
            for (end, keep) in [("iert", "ier"), ("ierend", "ier")] {
                if let Some(s) = b.strip_suffix(end) {
                    participial.push(infinitive(&format!("{s}{keep}")));
                }
            }
            // present participle: entstehend → entstehen
            if let Some(s) = b.strip_suffix('d')
                && s.ends_with('n')
                && s.chars().count() >= 5
            {
                participial.push(s.to_owned());
            }
            // ge-participles, also behind a separable prefix: gefördert, zusammengearbeitet
            let mut heads: Vec<(&str, &str)> = vec![("", b)];
            for p in SEPARABLE.iter() {
                if let Some(rest) = strip_prefix(b, p) {
                    heads.push((p, rest));
                }
            }
            for (prefix, rest) in heads {
                if let Some(mid) = rest.strip_prefix("ge") {
                    for end in ["et", "t"] {
                        if let Some(stem) = mid.strip_suffix(end)
                            && stem.chars().count() >= 2
                        {
                            participial.push(format!("{prefix}{}", infinitive(stem)));
                        }
                    }
                }
            }
            // participles without ge-: inseparable prefixes (verhandelt, gegründet is above)
            if INSEPARABLE.iter().any(|p| b.starts_with(p)) {
                for end in ["et", "t"] {
                    if let Some(stem) = b.strip_suffix(end)
                        && stem.chars().count() >= 4
                    {
                        participial.push(infinitive(stem));
                    }
                }
            }
        }
        // zu-infinitive: aufzubauen → aufbauen, zusammenzuarbeiten → zusammenarbeiten
        for p in SEPARABLE.iter() {
            if let Some(rest) = strip_prefix(w, p).and_then(|r| r.strip_prefix("zu"))
                && (rest.ends_with("en") || rest.ends_with("ln") || rest.ends_with("rn"))
                && rest.chars().count() >= 4
            {
                participial.push(format!("{p}{rest}"));
            }
        }
        // finite forms: verhandelte → verhandeln, arbeitet → arbeiten
        for end in [
            "etest", "etet", "eten", "ete", "test", "tet", "ten", "te", "est", "et", "st", "t",
            "e", "en", "n", "",
        ] {
            if let Some(stem) = w.strip_suffix(end)
                && stem.chars().count() >= 3
            {
                if end.is_empty() {
                    if w.ends_with("en") || w.ends_with("eln") || w.ends_with("ern") {
                        finite.push(w.to_owned());
                    }
                } else {
                    finite.push(infinitive(stem));
                }
            }
        }
        (participial, finite)
    }

    /// Lemma and part of speech of a lowercase adjective, verb or function word, if the rules
    /// find one that is attested.
    pub(crate) fn analyze(&self, w: &str, domain: &Domain, freq: &Freq) -> Option<MorphResult> {
        let result =
            |lemma: String, pos: Pos, domain: bool| Some(MorphResult { lemma, pos, domain });
        if self.is_function_word(w) {
            return result(
                w.to_owned(),
                Pos::Other,
                domain.get(w, Pos::Other).is_some(),
            );
        }
        // adverbs in -weise (praktischerweise, schrittweise) are no declined adjectives
        if w.ends_with("weise") && w.chars().count() > 8 {
            return result(
                w.to_owned(),
                Pos::Other,
                domain.get(w, Pos::Other).is_some(),
            );
        }
        for b in ADJ_ENDINGS.iter().filter_map(|e| w.strip_suffix(e)) {
            if LEXICAL_ADJECTIVES.contains(&b) {
                return result(b.to_owned(), Pos::Adj, domain.get(b, Pos::Adj).is_some());
            }
        }
        for pos in [Pos::Adj, Pos::Verb, Pos::Other] {
            if domain.get(w, pos).is_some() {
                return result(w.to_owned(), pos, true);
            }
        }
        let adj = Self::adj_candidates(w);
        let (participial, finite) = Self::verb_candidates(w);
        // 1. a domain lemma reached by any rule
        for c in &participial {
            if domain.get(c, Pos::Verb).is_some() {
                return result(c.clone(), Pos::Verb, true);
            }
        }
        for c in &adj {
            if domain.get(c, Pos::Adj).is_some() {
                return result(c.clone(), Pos::Adj, true);
            }
        }
        for c in &finite {
            if domain.get(c, Pos::Verb).is_some() {
                return result(c.clone(), Pos::Verb, true);
            }
        }
        // 2. irregular verbs
        if let Some(inf) = self.irregular_verb(w) {
            let d = domain.get(&inf, Pos::Verb).is_some();
            return result(inf, Pos::Verb, d);
        }
        for b in ADJ_ENDINGS
            .iter()
            .filter_map(|e| w.strip_suffix(e))
            .filter(|b| b.len() < w.len())
        {
            if let Some(inf) = self.irregular_verb(b)
                && self.irregular.contains_key(b)
            {
                // declined participle: beschlossene → beschließen
                let d = domain.get(&inf, Pos::Verb).is_some();
                return result(inf, Pos::Verb, d);
            }
        }
        // 3. participles and zu-infinitives of attested verbs
        for c in &participial {
            if self.verb_attested(c, domain, freq).0 {
                return result(c.clone(), Pos::Verb, false);
            }
        }
        // 4. attested adjectives
        for c in &adj {
            if self.adj_attested(c, domain, freq).0 {
                return result(c.clone(), Pos::Adj, false);
            }
        }
        // 5. finite forms of attested verbs
        for c in &finite {
            if self.verb_attested(c, domain, freq).0 {
                return result(c.clone(), Pos::Verb, false);
            }
        }
        None
    }

    /// The forms whose frequencies add up to a lemma's (adjectives: the declined forms; verbs:
    /// regular present, past and participle forms).
    pub(crate) fn lemma_forms(lemma: &str, pos: Pos) -> Vec<String> {
        let mut out = vec![lemma.to_owned()];
        match pos {
            Pos::Adj => {
                for e in ["e", "en", "er", "es", "em"] {
                    out.push(concat(lemma, e));
                }
            }
            Pos::Verb => {
                if let Some(stem) = verb_stem(lemma) {
                    let e = if stem.ends_with('t') || stem.ends_with('d') {
                        "e"
                    } else {
                        ""
                    };
                    for end in ["e", "st", "t", "te", "ten"] {
                        let end = if end == "e" {
                            end.to_owned()
                        } else {
                            format!("{e}{end}")
                        };
                        out.push(concat(stem, &end));
                    }
                    if !stem.ends_with("ier") && !INSEPARABLE.iter().any(|p| lemma.starts_with(p)) {
                        out.push(format!("ge{stem}{e}t"));
                    }
                }
            }
            _ => {}
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::checked_word_list;

    /// Every prefix comes before the shorter prefixes it begins with (the first match wins).
    fn longest_first(items: &[&str]) {
        for (i, long) in items.iter().enumerate() {
            for short in &items[..i] {
                assert!(!long.starts_with(short), "{long} must come before {short}");
            }
        }
    }

    #[test]
    fn prefix_lists_parse() {
        let sep = checked_word_list(SEPARABLE_TXT, false);
        assert_eq!(sep, *SEPARABLE);
        longest_first(&sep);
        for p in [
            "zusammen", "auf", "an", "ab", "aus", "ein", "mit", "vor", "zu", "zurück",
        ] {
            assert!(sep.contains(&p), "{p}");
        }
        let insep = checked_word_list(INSEPARABLE_TXT, false);
        assert_eq!(insep, *INSEPARABLE);
        longest_first(&insep);
        // `ge` is skipped by name in irregular_verb
        for p in ["be", "ent", "er", "ge", "ver", "zer", "über", "unter"] {
            assert!(insep.contains(&p), "{p}");
        }
    }

    #[test]
    fn prefixes_strip_as_str_does() {
        for (w, p) in [
            ("angesprochen", "an"),
            ("angesprochen", "ab"),
            ("an", "an"),
            ("", "an"),
            ("ab", ""),
            ("", ""),
        ] {
            assert_eq!(strip_prefix(w, p), w.strip_prefix(p), "{w} {p}");
        }
    }

    #[test]
    fn adjective_lists_parse() {
        let suffixes = checked_word_list(ADJ_SUFFIXES_TXT, false);
        assert_eq!(suffixes, *ADJ_SUFFIXES);
        for s in ["lich", "isch", "ig", "bar", "sam", "haft", "los"] {
            assert!(suffixes.contains(&s), "{s}");
        }
        let lexical = checked_word_list(LEXICAL_ADJECTIVES_TXT, false);
        assert_eq!(
            lexical.iter().copied().collect::<HashSet<_>>(),
            *LEXICAL_ADJECTIVES
        );
        for a in ["bekannt", "verwandt", "umstritten", "gemeinsam"] {
            assert!(lexical.contains(&a), "{a}");
            assert!(LEXICAL_ADJECTIVES.contains(a), "{a}");
        }
        for list in [&suffixes, &lexical] {
            assert!(
                list.iter().all(|w| w.chars().all(char::is_lowercase)),
                "{list:?}"
            );
        }
    }

    #[test]
    fn irregular_comparison_parses() {
        let lines = checked_word_list(IRREGULAR_COMPARISON_TSV, true);
        assert!(
            lines.iter().all(|l| l.split('\t').count() == 2),
            "every line has two columns: {lines:?}"
        );
        assert_eq!(IRREGULAR_COMPARISON.len(), lines.len());
        for pair in [
            ("besser", "gut"),
            ("mehr", "viel"),
            ("höher", "hoch"),
            ("größt", "groß"),
        ] {
            assert!(IRREGULAR_COMPARISON.contains(&pair), "{pair:?}");
        }
        assert!(Morph::adj_candidates("besseren").contains(&"gut".to_owned()));
    }

    #[test]
    fn umlaut_and_stems() {
        assert_eq!(strip_umlaut_last("stärk").as_deref(), Some("stark"));
        assert_eq!(strip_umlaut_last("größ").as_deref(), Some("groß"));
        assert_eq!(strip_umlaut_last("eng"), None);
        assert_eq!(verb_stem("verhandeln"), Some("verhandel"));
        assert_eq!(verb_stem("investieren"), Some("investier"));
        assert_eq!(infinitive("förder"), "fördern");
        assert_eq!(infinitive("gründ"), "gründen");
    }

    #[test]
    fn candidates() {
        let adj = Morph::adj_candidates("engsten");
        assert!(adj.contains(&"eng".to_owned()), "{adj:?}");
        let (p, _) = Morph::verb_candidates("zusammengearbeitet");
        assert!(p.contains(&"zusammenarbeiten".to_owned()), "{p:?}");
        let (p, _) = Morph::verb_candidates("geförderte");
        assert!(p.contains(&"fördern".to_owned()), "{p:?}");
        let (p, _) = Morph::verb_candidates("aufzubauen");
        assert!(p.contains(&"aufbauen".to_owned()), "{p:?}");
        let (_, f) = Morph::verb_candidates("verhandelte");
        assert!(f.contains(&"verhandeln".to_owned()), "{f:?}");
    }
}
