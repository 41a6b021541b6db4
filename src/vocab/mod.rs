//! Vocabulary lists: the article's key terms in the form learners must learn them
//! (**die Lieferkette, -n — supply chain**), each with a meaning.
//!
//! Every content word of the article body is analysed by the [`lexicon`](crate::lexicon) and
//! grouped by lemma ([`collect`]: elliptical coordination completed, separated particles joined
//! to their verbs, a compound with a name in front counted as its head). Names of people,
//! places, parties and companies, numbers, units, currencies, weekdays and months are left out
//! (with `all` they are listed). The words are ranked by how central they are to the article
//! ([`rank`]: keyness against the background table, repetition also inside compounds, the lead,
//! families of compounds; then domain, part of speech and level), and the default list keeps
//! those whose relevance is a good share of the best ones'. Each entry gets a meaning
//! ([`meaning`]): an English gloss in the sense the article uses, or a German definition from
//! Wiktionary; entries without either are left out of the default list. Words the learner
//! knows ([`KnownWords`]) are left out.
//!
//! ```
//! use kernsatz::{Document, IdfTable};
//! use kernsatz::vocab::{VocabOptions, vocabulary};
//!
//! let text = std::fs::read_to_string("examples/japan-usa-wirtschaftssicherheit.txt").unwrap();
//! let doc = Document::new(text).unwrap();
//! let list = vocabulary(&doc, IdfTable::embedded(), &VocabOptions::default());
//! let lk = list.iter().find(|e| e.lemma == "Lieferkette").unwrap();
//! assert_eq!(lk.display(), "die Lieferkette, -n — supply chain");
//! assert!(list.iter().all(|e| e.gloss.is_some() || e.definition_de.is_some()));
//! ```

mod collect;
mod known;
mod meaning;
mod merge;
mod rank;

use serde::Serialize;

use crate::document::Document;
use crate::idf::IdfTable;
use crate::lexicon::{Analysis, Category, Gender, Level, Pos, grammar, lexicon};
use crate::tokenize::TokenKind;

pub use known::KnownWords;
pub use merge::{MergedVocabulary, merge};

/// One entry of the vocabulary list. Serialises to exactly the keys of the JSON format.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VocabEntry {
    /// Dictionary form.
    pub lemma: String,
    /// "noun", "verb", "adj" or "other".
    pub pos: &'static str,
    /// "m", "f", "n", "pl" (plural-only nouns) or null.
    pub gender: Option<&'static str>,
    /// "der", "die", "das" or null.
    pub article: Option<&'static str>,
    /// Nominative plural, or null.
    pub plural: Option<String>,
    /// English gloss in the sense the article uses, or null.
    pub gloss: Option<String>,
    /// The gloss is composed from the glosses of the compound's parts ("energy company"), not
    /// written for the word.
    pub gloss_composed: bool,
    /// German definition (German Wiktionary) in the sense the article uses, when there is no
    /// English gloss; or null.
    pub definition_de: Option<String>,
    /// IPA transcription of the lemma (German Wiktionary), or null.
    pub ipa: Option<String>,
    /// Subject area of the word in this sense, or null.
    pub category: Option<&'static str>,
    /// A1…C2, or null.
    pub level: Option<&'static str>,
    /// Occurrences in the article body.
    pub count: usize,
    /// The forms seen, in order of first occurrence.
    pub forms: Vec<String>,
    /// The first sentence of the article that contains the word, on one line; a sentence
    /// longer than [`MAX_EXAMPLE_BYTES`] is cut to a window around the word, marked with `…`.
    pub example: String,
    /// Compound parts, or empty.
    pub parts: Vec<String>,
    /// Ranking score (not serialised).
    #[serde(skip)]
    pub score: f32,
    /// Domain term (or compound of one)?
    #[serde(skip)]
    pub domain: bool,
    /// Index of the first sentence it occurs in.
    #[serde(skip)]
    pub sentence_index: usize,
    /// Byte offsets into the article of the example (the sentence, or the window of it).
    #[serde(skip)]
    pub example_span: (usize, usize),
    /// Byte offsets into the article of every occurrence (a truncated word of an elliptical
    /// coordination with its hyphen; a particle verb at its finite verb).
    #[serde(skip)]
    pub occurrences: Vec<(usize, usize)>,
}

impl VocabEntry {
    /// The learner's headword: `die Lieferkette` for nouns, the lemma otherwise. A noun declined
    /// like an adjective, listed in its strong form (`Verbündeter`, plural `Verbündeten`), takes
    /// the form that goes with the definite article: `der Verbündete`.
    pub fn headword(&self) -> String {
        match self.article {
            Some(a) if self.gender == Some("m") => {
                format!("{a} {}", self.adjectival_weak().unwrap_or(&self.lemma))
            }
            Some(a) if self.gender != Some("pl") => format!("{a} {}", self.lemma),
            Some(a) => format!("{a} {} (pl.)", self.lemma),
            None => self.lemma.clone(),
        }
    }

    /// `Verbündete` for a masculine noun with adjectival declension (`Verbündeter`, plural
    /// `Verbündeten`), `None` for others.
    fn adjectival_weak(&self) -> Option<&str> {
        let weak = self.lemma.strip_suffix('r').filter(|w| w.ends_with('e'))?;
        let plural = self.plural.as_deref()?;
        (plural.strip_suffix('n') == Some(weak)).then_some(weak)
    }

    /// Compact plural notation of dictionaries: `-n`, `-se`, `¨-e`, `¨`, `-` (same form), or the
    /// whole plural when it is not built from the lemma.
    pub fn plural_short(&self) -> Option<String> {
        let p = self.plural.as_deref()?;
        let base = match self.gender {
            Some("m") => self.adjectival_weak().unwrap_or(&self.lemma),
            _ => &self.lemma,
        };
        Some(plural_short(base, p))
    }

    /// The meaning as a learner reads it: the English gloss (a composed one marked `≈`), else
    /// the German definition; `None` if the entry has neither.
    pub fn meaning(&self) -> Option<String> {
        match (&self.gloss, &self.definition_de) {
            (Some(g), _) if self.gloss_composed => Some(format!("≈ {g}")),
            (Some(g), _) => Some(g.clone()),
            (None, Some(d)) => Some(d.clone()),
            (None, None) => None,
        }
    }

    /// `die Lieferkette, -n — supply chain` (the meaning only when known).
    pub fn display(&self) -> String {
        let mut s = self.headword();
        if let Some(p) = self.plural_short() {
            s.push_str(", ");
            s.push_str(&p);
        }
        if let Some(m) = self.meaning() {
            s.push_str(" — ");
            s.push_str(&m);
        }
        s
    }
}

/// Compact plural notation (see [`VocabEntry::plural_short`]).
pub fn plural_short(lemma: &str, plural: &str) -> String {
    if plural == lemma {
        return "-".into();
    }
    if let Some(rest) = plural.strip_prefix(lemma) {
        return format!("-{rest}");
    }
    // umlaut plural: the lemma with its last a/o/u/au umlauted is a prefix of the plural
    let umlauted = umlaut_last(lemma);
    if let Some(u) = umlauted
        && let Some(rest) = plural.strip_prefix(u.as_str())
    {
        return if rest.is_empty() {
            "¨".into()
        } else {
            format!("¨-{rest}")
        };
    }
    plural.to_owned()
}

fn umlaut_last(word: &str) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    let i = chars
        .iter()
        .rposition(|c| matches!(c, 'a' | 'o' | 'u' | 'A' | 'O' | 'U'))?;
    // "au" umlauts its a: Baum → Bäume
    let i = if i > 0 && chars[i] == 'u' && chars[i - 1] == 'a' {
        i - 1
    } else {
        i
    };
    let mut out = chars.clone();
    out[i] = match chars[i] {
        'a' => 'ä',
        'o' => 'ö',
        'u' => 'ü',
        'A' => 'Ä',
        'O' => 'Ö',
        'U' => 'Ü',
        c => c,
    };
    Some(out.into_iter().collect())
}

/// Which words to list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VocabOptions {
    /// List every word of the article, ranked: also words of little relevance, names, numbers,
    /// units, weekdays, months, unknown words and words without a meaning.
    pub all: bool,
    /// At most this many entries (`None` = all that are relevant enough).
    pub limit: Option<usize>,
    /// Only entries whose level is within this range (entries without a level are kept).
    pub levels: Option<(Level, Level)>,
    /// Only entries of this category.
    pub category: Option<Category>,
    /// Words the learner knows: left out.
    pub known: KnownWords,
}

/// A word of the article with its relevance, before it becomes an entry.
struct Ranked {
    group: collect::Group,
    score: f32,
}

/// The vocabulary of `doc`, most relevant first.
pub fn vocabulary(doc: &Document, idf: &IdfTable, opts: &VocabOptions) -> Vec<VocabEntry> {
    let params = rank::PARAMS;
    let groups = collect::groups(doc, opts.all);
    let sentence_scores: Vec<f32> = {
        let mut v = vec![0.0; doc.sentences.len()];
        for s in
            crate::summarize::Summarizer::new(idf, crate::summarize::Options::default()).scores(doc)
        {
            v[s.index] = s.score;
        }
        v
    };
    let relevance = rank::relevance(doc, &groups, idf, &params, &sentence_scores);
    let mut ranked: Vec<Ranked> = groups
        .into_iter()
        .zip(relevance)
        .filter(|(g, _)| opts.all || !g.name && is_vocabulary(g))
        .map(|(group, (score, _))| Ranked { group, score })
        .collect();
    ranked.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.group.sentence_index.cmp(&b.group.sentence_index))
            .then(a.group.lemma.cmp(&b.group.lemma))
    });
    if !opts.known.is_empty() {
        ranked.retain(|r| !opts.known.knows(&r.group.lemma, &r.group.forms));
    }
    // the default list: the words whose relevance is a good share of the best ones'
    if !opts.all {
        let cut = relevance_floor(&ranked, &params);
        ranked.retain(|r| r.score >= cut);
    }
    let terms: Vec<(&Analysis, f32)> = ranked
        .iter()
        .filter_map(|r| r.group.analysis.as_ref().map(|a| (a, r.score)))
        .collect();
    let ctx = meaning::Context::new(doc, &terms);
    let limit = opts.limit.unwrap_or(usize::MAX);
    let mut entries = Vec::new();
    for r in &ranked {
        if entries.len() >= limit {
            break;
        }
        let e = entry(doc, r, &ctx);
        if !opts.all && e.gloss.is_none() && e.definition_de.is_none() {
            continue;
        }
        let level_ok = match (opts.levels, e.level.and_then(|l| l.parse::<Level>().ok())) {
            (Some((lo, hi)), Some(l)) => lo <= l && l <= hi,
            _ => true,
        };
        let cat_ok = opts.category.is_none_or(|c| e.category == Some(c.as_str()));
        if level_ok && cat_ok {
            entries.push(e);
        }
    }
    entries
}

/// Whether a word of the article can be key vocabulary: a noun, verb or adjective (or a domain
/// term) the lexicon knows; no unit, currency, weekday, month, number word (`not_vocabulary.tsv`,
/// and the units, weekdays and months of [`grammar`]), adjective or noun
/// of a place (*syrisch*, *Kärntner*), or abbreviation (*GmbH*, *NGO*).
fn is_vocabulary(g: &collect::Group) -> bool {
    let lex = lexicon();
    let Some(a) = &g.analysis else {
        return false;
    };
    let abbreviation =
        !g.lemma.contains('-') && g.lemma.chars().filter(|c| c.is_uppercase()).count() >= 2;
    (matches!(a.pos, Pos::Noun | Pos::Verb | Pos::Adj) || a.domain)
        && !abbreviation
        && !lex.not_vocabulary(&g.lemma).is_some_and(|n| n.never())
        && !grammar::is_unit(&g.lemma)
        && !grammar::is_weekday_or_month(&g.lemma)
        && !lex.is_place_derived(&g.lemma, a.pos)
        && !date_compound(a)
}

/// A compound of calendar words: *Montagabend*, *Jahresmitte*, *Septemberwoche*.
fn date_compound(a: &Analysis) -> bool {
    use crate::lexicon::NotVocabulary::{Month, Time, Weekday};
    let lex = lexicon();
    if a.pos != Pos::Noun || a.parts.len() < 2 {
        return false;
    }
    let Some(parts) = lex.compound_parts(&a.lemma) else {
        return false;
    };
    let calendar = |lemma: &str, pos| {
        matches!(lex.not_vocabulary(lemma), Some(Month | Time | Weekday))
            || matches!(lemma, "Mitte" | "Ende" | "Anfang" | "Beginn") && pos
    };
    parts.len() >= 2
        && calendar(&parts[0].lemma, false)
        && calendar(&parts[parts.len() - 1].lemma, true)
}

/// The relevance below which a word is not listed by default: a share of the mean relevance
/// of the best words (the article's own key terms), so that a short article gets a short list.
fn relevance_floor(ranked: &[Ranked], p: &rank::Params) -> f32 {
    const TOP: usize = 5;
    let top: Vec<f32> = ranked.iter().take(TOP).map(|r| r.score).collect();
    if top.is_empty() {
        return 0.0;
    }
    let mean = top.iter().sum::<f32>() / top.len() as f32;
    let floor = p.cutoff * mean;
    // never fewer than `min_entries` words (when there are that many)
    match ranked.get(p.min_entries.saturating_sub(1)) {
        Some(r) if p.min_entries > 0 => floor.min(r.score),
        _ => floor,
    }
}

fn entry(doc: &Document, r: &Ranked, ctx: &meaning::Context) -> VocabEntry {
    let lex = lexicon();
    let g = &r.group;
    let a = g.analysis.as_ref();
    let gender: Option<Gender> = a.and_then(|a| a.gender);
    let level = a.and_then(|a| a.level);
    let domain = a.is_some_and(|a| a.domain);
    let m = a
        .map(|a| meaning::meaning(a, &g.sentences, ctx))
        .unwrap_or_default();
    let s = &doc.sentences[g.sentence_index];
    let first = g.occurrences.first().copied().unwrap_or((s.start, s.start));
    let (ex_start, ex_end) = example_span(&doc.text, (s.start, s.end), first);
    let mut example = one_line(&doc.text[ex_start..ex_end]);
    if ex_start > s.start {
        example.insert_str(0, "… ");
    }
    if ex_end < s.end {
        example.push_str(" …");
    }
    VocabEntry {
        pos: g.pos.as_str(),
        gender: gender.map(|x| x.as_str()),
        article: gender.map(|x| x.article()),
        plural: a.and_then(|a| a.plural.clone()).filter(|_| !m.no_plural),
        gloss: m.gloss,
        gloss_composed: m.gloss_composed,
        definition_de: m.definition_de,
        ipa: a.and_then(|_| lex.ipa(&g.lemma)).map(str::to_owned),
        category: m.category.map(|c| c.as_str()),
        level: level.map(|l| l.as_str()),
        count: g.count,
        forms: g.forms.clone(),
        example,
        example_span: (ex_start, ex_end),
        parts: a.map(meaning::shown_parts).unwrap_or_default(),
        score: r.score,
        domain,
        sentence_index: g.sentence_index,
        occurrences: g.occurrences.clone(),
        lemma: g.lemma.clone(),
    }
}

/// Whether token `token` of sentence `sentence` belongs to a name of several words that starts
/// with a capitalised adjective inside the sentence: *die Vereinigten Staaten*, *die Vereinigten
/// Arabischen Emirate*, *das Rote Kreuz*, *die Europäische Zentralbank*. German capitalises an
/// adjective before a noun only in a name, so both the adjective and the capitalised words
/// after it are parts of the name, not vocabulary. The first word of a sentence says nothing
/// (it is capitalised anyway).
pub fn in_multiword_name(doc: &Document, sentence: usize, token: usize) -> bool {
    let lex = lexicon();
    let s = &doc.sentences[sentence];
    let toks = &s.tokens;
    let word = |i: usize| toks[i].kind == TokenKind::Word && toks[i].capitalized;
    let adjacent = |i: usize| doc.text[toks[i].end..toks[i + 1].start].trim().is_empty();
    // a capitalised adjective inside the sentence; not a noun (*die Grünen*, *das Recht*)
    let name_adjective = |i: usize| {
        i > 0
            && word(i)
            && lex
                .analyze(toks[i].lower())
                .is_some_and(|a| a.pos == Pos::Adj)
            && lex
                .analyze(toks[i].surface(&doc.text))
                .is_none_or(|a| a.pos != Pos::Noun)
    };
    if !word(token) {
        return false;
    }
    // walk left over capitalised adjacent words to one that is a capitalised adjective
    let mut i = token;
    loop {
        if i != token && name_adjective(i) {
            return true;
        }
        if i == 0 || !word(i - 1) || !adjacent(i - 1) {
            break;
        }
        i -= 1;
    }
    // the adjective itself, followed by a capitalised word
    token + 1 < toks.len() && word(token + 1) && adjacent(token) && name_adjective(token)
}

/// Longest example in bytes (about 80 words): a longer sentence is cut to a window around the
/// word, so that an entry never copies a pathological sentence (a text without punctuation).
pub const MAX_EXAMPLE_BYTES: usize = 600;

/// The byte range of `text` to show as the example of the word at `word` within the sentence
/// `sentence`: the sentence itself, or a window of at most [`MAX_EXAMPLE_BYTES`] around the
/// word, cut at spaces.
pub fn example_span(text: &str, sentence: (usize, usize), word: (usize, usize)) -> (usize, usize) {
    let (s, e) = sentence;
    if e - s <= MAX_EXAMPLE_BYTES {
        return (s, e);
    }
    let mid = (word.0 + word.1) / 2;
    let mut start = mid.saturating_sub(MAX_EXAMPLE_BYTES / 2).clamp(s, e);
    let mut end = (start + MAX_EXAMPLE_BYTES).min(e);
    start = end.saturating_sub(MAX_EXAMPLE_BYTES).max(s);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    // whole words only: after the first space of the window, before its last one
    if start > s
        && let Some(i) = text[start..word.0.max(start)].find(char::is_whitespace)
    {
        start += i + 1;
    }
    if end < e
        && let Some(i) = text[word.1.min(end)..end].rfind(char::is_whitespace)
    {
        end = word.1.min(end) + i;
    }
    (start, end)
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_sentences_give_a_window_around_the_word() {
        let words: Vec<String> = (0..400).map(|i| format!("wort{i}")).collect();
        let text = words.join(" ");
        let at = text.find("wort200").unwrap();
        let (s, e) = example_span(&text, (0, text.len()), (at, at + 7));
        assert!(e - s <= MAX_EXAMPLE_BYTES, "{}", e - s);
        assert!(s < at && at + 7 < e);
        // cut at spaces: whole words only
        assert!(text[s..].starts_with("wort") && text[..e].ends_with(char::is_alphanumeric));
        assert_eq!(text.as_bytes()[s - 1], b' ');
        assert_eq!(text.as_bytes()[e], b' ');
        // a short sentence is kept whole
        assert_eq!(example_span(&text, (0, 30), (5, 10)), (0, 30));
    }

    #[test]
    fn plural_notation() {
        assert_eq!(plural_short("Lieferkette", "Lieferketten"), "-n");
        assert_eq!(plural_short("Bündnis", "Bündnisse"), "-se");
        assert_eq!(plural_short("Vertrag", "Verträge"), "¨-e");
        assert_eq!(plural_short("Apfel", "Äpfel"), "¨");
        assert_eq!(plural_short("Minister", "Minister"), "-");
        assert_eq!(plural_short("Baum", "Bäume"), "¨-e");
        assert_eq!(plural_short("Museum", "Museen"), "Museen");
    }

    fn noun(lemma: &str, gender: &'static str, plural: &str) -> VocabEntry {
        VocabEntry {
            lemma: lemma.into(),
            pos: "noun",
            gender: Some(gender),
            article: Some(gender.parse::<Gender>().unwrap().article()),
            plural: Some(plural.into()),
            gloss: None,
            gloss_composed: false,
            definition_de: None,
            ipa: None,
            category: None,
            level: None,
            count: 1,
            forms: vec![lemma.into()],
            example: String::new(),
            parts: Vec::new(),
            score: 0.0,
            domain: true,
            sentence_index: 0,
            example_span: (0, 0),
            occurrences: Vec::new(),
        }
    }

    #[test]
    fn adjectival_nouns_take_the_weak_form_after_der() {
        assert_eq!(
            noun("Verbündeter", "m", "Verbündeten").display(),
            "der Verbündete, -n"
        );
        assert_eq!(
            noun("US-Beamter", "m", "US-Beamten").display(),
            "der US-Beamte, -n"
        );
        assert_eq!(noun("Lehrer", "m", "Lehrer").display(), "der Lehrer, -");
        assert_eq!(noun("Bauer", "m", "Bauern").display(), "der Bauer, -n");
        assert_eq!(
            noun("Verbündete", "f", "Verbündeten").display(),
            "die Verbündete, -n"
        );
    }
}
