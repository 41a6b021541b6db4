//! Vocabulary lists: the article's words in the form learners must learn them
//! (**die Lieferkette, -n — supply chain**).
//!
//! Every content word of the article body is analysed by the [`lexicon`](crate::lexicon) and
//! grouped by lemma. Stop words, function words, numbers and names of people and places
//! (also the words of a longer name: *die Vereinigten Staaten*) are left out (names and other
//! words only with `all`). Entries are ranked by
//! `domain relevance × part of speech × TF-IDF weight × difficulty`:
//!
//! - domain relevance: 1.0 for a hand-written domain term, 0.8 for a compound with a domain part
//!   (0.5 when the lexicon has no gloss for it), 0.3 for other content words (only with `all`);
//! - part of speech: nouns 1.0, verbs 0.75, adjectives and others 0.6 (news vocabulary is
//!   mostly nouns);
//! - TF-IDF weight: `(1 + ln count) · idf` against the background IDF table, the lowest IDF of
//!   the lemma and its forms; a compound the table does not know takes its head's IDF;
//! - difficulty: A1 0.4, A2 0.6, B1 0.85, B2 1.0, C1 1.1, C2 1.1, unknown 1.0 — learners of news
//!   German need B2–C1 words more than words they know.

use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;

use crate::document::Document;
use crate::idf::IdfTable;
use crate::lexicon::{Analysis, Category, Gender, Level, Pos, lexicon};
use crate::tokenize::TokenKind;

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
    /// English gloss, or null.
    pub gloss: Option<String>,
    /// Subject area, or null.
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
    /// Byte offsets into the article of every occurrence.
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

    /// `die Lieferkette, -n — supply chain` (gloss only when known).
    pub fn display(&self) -> String {
        let mut s = self.headword();
        if let Some(p) = self.plural_short() {
            s.push_str(", ");
            s.push_str(&p);
        }
        if let Some(g) = &self.gloss {
            s.push_str(" — ");
            s.push_str(g);
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
    /// Also list non-domain content words, names and unknown words.
    pub all: bool,
    /// At most this many entries (`None` = all).
    pub limit: Option<usize>,
    /// Only entries whose level is within this range (entries without a level are kept).
    pub levels: Option<(Level, Level)>,
    /// Only entries of this category.
    pub category: Option<Category>,
}

fn difficulty(level: Option<Level>) -> f32 {
    match level {
        Some(Level::A1) => 0.4,
        Some(Level::A2) => 0.6,
        Some(Level::B1) => 0.85,
        Some(Level::B2) | None => 1.0,
        Some(Level::C1) | Some(Level::C2) => 1.1,
    }
}

struct Group {
    analysis: Option<Analysis>,
    lemma: String,
    pos: Pos,
    count: usize,
    forms: Vec<String>,
    sentence_index: usize,
    occurrences: Vec<(usize, usize)>,
}

/// The vocabulary of `doc`, ranked.
pub fn vocabulary(doc: &Document, idf: &IdfTable, opts: &VocabOptions) -> Vec<VocabEntry> {
    let lex = lexicon();
    let mut groups: Vec<Group> = Vec::new();
    let mut index: HashMap<(String, Pos), usize> = HashMap::default();
    // analyses by surface, and whether a surface is a name inside a sentence (costly look-ups:
    // an article repeats its words)
    let mut analyses: HashMap<&str, Option<Analysis>> = HashMap::default();
    let mut names: HashMap<&str, bool> = HashMap::default();
    for (si, sent) in doc.sentences.iter().enumerate() {
        for (ti, tok) in sent.tokens.iter().enumerate() {
            if tok.kind != TokenKind::Word || tok.stop || tok.lower().chars().count() < 2 {
                continue;
            }
            let surface = tok.surface(&doc.text);
            if lex.is_function_word(surface) {
                continue;
            }
            let sentence_start = ti == 0;
            let name = if sentence_start {
                lex.is_proper_name_at_sentence_start(surface)
            } else {
                *names
                    .entry(surface)
                    .or_insert_with(|| lex.is_proper_name(surface))
            };
            // a word of a longer name (die Vereinigten *Staaten*) is left out by default; with
            // `all` it is listed as the word it is (one entry per lemma)
            if !name && !opts.all && in_multiword_name(doc, si, ti) {
                continue;
            }
            let analysis = if name {
                None
            } else {
                analyses
                    .entry(surface)
                    .or_insert_with(|| lex.analyze(surface))
                    .clone()
            };
            if analysis.is_none() && !opts.all {
                continue;
            }
            if let Some(a) = &analysis
                && !a.domain
                && !opts.all
            {
                continue;
            }
            let (lemma, pos) = match &analysis {
                Some(a) => (a.lemma.clone(), a.pos),
                None => (surface.to_owned(), Pos::Other),
            };
            let key = (lemma.clone(), pos);
            let gi = *index.entry(key).or_insert_with(|| {
                groups.push(Group {
                    analysis: analysis.clone(),
                    lemma,
                    pos,
                    count: 0,
                    forms: Vec::new(),
                    sentence_index: si,
                    occurrences: Vec::new(),
                });
                groups.len() - 1
            });
            let g = &mut groups[gi];
            g.count += 1;
            g.occurrences.push((tok.start, tok.end));
            if !g.forms.iter().any(|f| f == surface) {
                g.forms.push(surface.to_owned());
            }
        }
    }
    let mut entries: Vec<VocabEntry> = groups
        .into_iter()
        .filter_map(|g| entry(doc, idf, g))
        .filter(|e| {
            let level_ok = match (opts.levels, e.level.and_then(|l| l.parse::<Level>().ok())) {
                (Some((lo, hi)), Some(l)) => lo <= l && l <= hi,
                _ => true,
            };
            let cat_ok = opts.category.is_none_or(|c| e.category == Some(c.as_str()));
            level_ok && cat_ok
        })
        .collect();
    entries.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.sentence_index.cmp(&b.sentence_index))
            .then(a.lemma.cmp(&b.lemma))
    });
    if let Some(n) = opts.limit {
        entries.truncate(n);
    }
    entries
}

/// Merge the lists of several articles into one: entries with the same lemma and part of
/// speech add their counts and forms; the first article's example is kept; ranked again.
pub fn merge(lists: Vec<Vec<VocabEntry>>, limit: Option<usize>) -> Vec<VocabEntry> {
    let mut out: Vec<VocabEntry> = Vec::new();
    let mut index: HashMap<(String, &'static str), usize> = HashMap::default();
    for (doc_no, list) in lists.into_iter().enumerate() {
        for mut e in list {
            match index.get(&(e.lemma.clone(), e.pos)) {
                Some(&i) => {
                    let m = &mut out[i];
                    m.count += e.count;
                    m.score += e.score;
                    for f in e.forms {
                        if !m.forms.contains(&f) {
                            m.forms.push(f);
                        }
                    }
                }
                None => {
                    // order ties by article, then position in it
                    e.sentence_index += doc_no << 20;
                    index.insert((e.lemma.clone(), e.pos), out.len());
                    e.occurrences.clear();
                    out.push(e);
                }
            }
        }
    }
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.sentence_index.cmp(&b.sentence_index))
            .then(a.lemma.cmp(&b.lemma))
    });
    if let Some(n) = limit {
        out.truncate(n);
    }
    out
}

fn entry(doc: &Document, idf: &IdfTable, g: Group) -> Option<VocabEntry> {
    let a = g.analysis.as_ref();
    let gender: Option<Gender> = a.and_then(|a| a.gender);
    let level = a.and_then(|a| a.level);
    let domain = a.is_some_and(|a| a.domain);
    let relevance = match a {
        Some(a) if lexicon().domain_entry(&a.lemma, a.pos).is_some() => 1.0,
        Some(a) if a.domain && a.gloss.is_some() => 0.8,
        Some(a) if a.domain => 0.5,
        _ => 0.3,
    };
    // the economic and political vocabulary of news is mostly nouns
    let pos_weight = match g.pos {
        Pos::Noun => 1.0,
        Pos::Verb => 0.75,
        _ => 0.6,
    };
    let parts = a.map(|a| a.parts.as_slice()).unwrap_or_default();
    let weight = (1.0 + (g.count as f32).ln()) * word_idf(idf, &g.lemma, &g.forms, parts);
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
    Some(VocabEntry {
        pos: g.pos.as_str(),
        gender: gender.map(|x| x.as_str()),
        article: gender.map(|x| x.article()),
        plural: a.and_then(|a| a.plural.clone()),
        gloss: a.and_then(|a| a.gloss.clone()),
        category: a.and_then(|a| a.category).map(|c| c.as_str()),
        level: level.map(|l| l.as_str()),
        count: g.count,
        forms: g.forms,
        example,
        example_span: (ex_start, ex_end),
        parts: a.map(|a| a.parts.clone()).unwrap_or_default(),
        score: relevance * pos_weight * weight * difficulty(level),
        domain,
        sentence_index: g.sentence_index,
        occurrences: g.occurrences,
        lemma: g.lemma,
    })
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

/// The IDF of a word: the lowest of its lemma's and its forms' (a table counts word forms, and
/// a lemma may be rarer than its plural). A compound the background corpus never saw
/// (`US-Präsident`, `Truppenaustauschabkommen`) would get the largest IDF of all, above every
/// real term; it takes its head's IDF instead (the part a learner has to learn), when known.
fn word_idf(idf: &IdfTable, lemma: &str, forms: &[String], parts: &[String]) -> f32 {
    let known = std::iter::once(lemma)
        .chain(forms.iter().map(String::as_str))
        .map(|w| idf.idf(&w.to_lowercase()))
        .fold(f32::INFINITY, f32::min);
    if known < idf.max_idf() || parts.len() < 2 {
        return known;
    }
    let head = parts[parts.len() - 1].to_lowercase();
    idf.idf(&head)
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
