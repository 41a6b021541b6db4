//! Tokenize stage: words with byte offsets, lower-cased, stemmed (Snowball German via
//! rust-stemmers) and flagged as stop words.
//!
//! A word is a run of letters and digits. Inner joiners keep a word whole: a hyphen between
//! alphanumerics (`US-Präsident`, `2+2-Gespräche`), `+` between alphanumerics (`2+2`), `.` and `,`
//! between digits (`1.000.000`, `5.300,25`) and an apostrophe between letters (`geht's`). A
//! trailing hyphen of a suspended compound (`Halbleiter- und Akkufabriken`) is not part of the word.

use std::borrow::{Borrow, Cow};
use std::cell::RefCell;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, LazyLock};

use rustc_hash::FxHashSet;

use rust_stemmers::{Algorithm, Stemmer};

use crate::lexicon::background;
use crate::stopwords::is_stopword;

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::German));

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Contains at least one letter.
    Word,
    /// Digits with inner `.`/`,`/`+`/`-` only.
    Number,
}

/// One token; `start..end` are byte offsets into the text that was tokenized (plus the offset
/// passed to [`tokenize_at`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The lower-cased surface form followed by its stem (and the surface form), in one
    /// allocation shared between the tokens of the same surface form (one reference count per
    /// token, one cache line to reach both): see [`Token::lower`] and [`Token::stem`].
    forms: Arc<str>,
    /// End of the lower-cased form in `forms`.
    split: u32,
    /// End of the stem in `forms`.
    stem_end: u32,
    /// Word or number.
    pub kind: TokenKind,
    /// `lower` is a stop word.
    pub stop: bool,
    /// The surface form starts with an upper-case letter.
    pub capitalized: bool,
}

impl Token {
    /// The token's surface form in `text` (the text whose offsets the token carries).
    pub fn surface<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// Lower-cased surface form.
    pub fn lower(&self) -> &str {
        &self.forms[..self.split as usize]
    }

    /// The surface form as written (what [`Token::surface`] finds in the text), without the
    /// text.
    pub(crate) fn written(&self) -> &str {
        &self.forms[self.stem_end as usize..]
    }

    /// Snowball German stem of [`Token::lower`] (numbers: the number itself).
    pub fn stem(&self) -> &str {
        &self.forms[self.split as usize..self.stem_end as usize]
    }

    /// An identity for the token's form within one document: tokens with equal identities have
    /// the same lower-cased form (the converse does not always hold).
    pub(crate) fn form_id(&self) -> usize {
        Arc::as_ptr(&self.forms) as *const u8 as usize
    }

    /// A word that carries meaning: not a stop word, not a number, at least two letters.
    pub fn is_content(&self) -> bool {
        // five bytes always hold two chars; shorter forms are counted
        self.kind == TokenKind::Word
            && !self.stop
            && (self.split >= 5 || self.lower().chars().count() >= 2)
    }
}

/// Stem an already lower-cased word with the Snowball German stemmer. The stems of the
/// embedded background table's words are read from its index (computed by build.rs with the
/// same stemmer; a test checks every one): only other words go through Snowball.
pub fn stem(lower: &str) -> Cow<'_, str> {
    let mut out = String::new();
    if background::stem_into(lower, &mut out) {
        return Cow::Owned(out);
    }
    snowball(lower)
}

/// [`stem`] by the stemmer itself, for a word the background table lacks.
fn snowball(lower: &str) -> Cow<'_, str> {
    STEMMER.stem(lower)
}

/// What a surface form analyses to; shared between the tokens of the same form.
#[derive(Clone)]
struct Analysed {
    /// The lower-cased form, its stem and the surface form, in one allocation: the cache finds
    /// an analysis by the surface form in the same cache line as the token's forms.
    forms: Arc<str>,
    /// End of the lower-cased form in `forms`.
    split: u32,
    /// End of the stem in `forms` (the surface form follows).
    stem_end: u32,
    kind: TokenKind,
    stop: bool,
    capitalized: bool,
}

impl Analysed {
    fn surface(&self) -> &str {
        &self.forms[self.stem_end as usize..]
    }
}

// The cache is a set of analyses looked up by their surface form: hashing and equality are the
// surface form's, so that `Borrow<str>` is consistent with them.
impl Borrow<str> for Analysed {
    fn borrow(&self) -> &str {
        self.surface()
    }
}

impl Hash for Analysed {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.surface().hash(state);
    }
}

impl PartialEq for Analysed {
    fn eq(&self, other: &Self) -> bool {
        self.surface() == other.surface()
    }
}

impl Eq for Analysed {}

/// Analyses of recent surface forms, per thread: news text repeats its words, and lower-casing
/// plus stemming cost more than a hash lookup. Bounded: cleared when it grows past this size.
const CACHE_MAX: usize = 200_000;

thread_local! {
    static CACHE: RefCell<FxHashSet<Analysed>> = RefCell::new(FxHashSet::default());
}

/// The analysis of `surface`, from `cache` or computed (and added to it).
fn analyse(cache: &mut FxHashSet<Analysed>, surface: &str) -> Analysed {
    if let Some(a) = cache.get(surface) {
        return a.clone();
    }
    if cache.len() >= CACHE_MAX {
        cache.clear();
    }
    let lower = surface.to_lowercase();
    let lower_len = lower.len();
    let mut forms = String::with_capacity(2 * lower_len + surface.len());
    forms.push_str(&lower);
    let has_letter = surface.chars().any(char::is_alphabetic);
    let kind = if has_letter {
        TokenKind::Word
    } else {
        TokenKind::Number
    };
    if has_letter {
        // the embedded background table's index holds the stems of its words (computed by
        // build.rs with the same stemmer); only other words go through Snowball here
        if !background::stem_into(&lower, &mut forms) {
            forms.push_str(&snowball(&lower));
        }
    } else {
        forms.extend_from_within(..lower_len);
    }
    let stem_end = forms.len();
    forms.push_str(surface);
    let stop = is_stopword(&lower);
    let offset = |n: usize| u32::try_from(n).expect("a word under 4 GiB");
    let a = Analysed {
        stop,
        capitalized: surface.chars().next().is_some_and(char::is_uppercase),
        split: offset(lower_len),
        stem_end: offset(stem_end),
        forms: forms.into(),
        kind,
    };
    cache.insert(a.clone());
    a
}

/// Tokenize `text`; offsets are relative to `text`.
pub fn tokenize(text: &str) -> Vec<Token> {
    tokenize_at(text, 0)
}

/// Tokenize `text`, adding `base` to every offset (for a slice of a larger text).
pub fn tokenize_at(text: &str, base: usize) -> Vec<Token> {
    // a long text (one huge sentence) gets its vector at the exact size: growing it by
    // doubling would hold up to three times the tokens' memory at the last reallocation
    let mut tokens = if text.len() > EXACT_CAPACITY_FROM {
        Vec::with_capacity(word_spans(text).count())
    } else {
        Vec::new()
    };
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        tokens.extend(word_spans(text).map(|(s, e)| {
            let a = analyse(&mut cache, &text[s..e]);
            Token {
                start: base + s,
                end: base + e,
                forms: a.forms,
                split: a.split,
                stem_end: a.stem_end,
                kind: a.kind,
                stop: a.stop,
                capitalized: a.capitalized,
            }
        }));
    });
    tokens
}

/// Texts longer than this many bytes are counted before they are tokenized (see
/// [`tokenize_at`]).
const EXACT_CAPACITY_FROM: usize = 64 * 1024;

/// Byte spans of the words of `text`, without building tokens.
pub fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        // skip to the next alphanumeric char
        let (start, first) = loop {
            let (i, c) = chars.next()?;
            if c.is_alphanumeric() {
                break (i, c);
            }
        };
        let mut end = start + first.len_utf8();
        let mut prev = first;
        while let Some(&(i, c)) = chars.peek() {
            if c.is_alphanumeric() {
                chars.next();
                end = i + c.len_utf8();
                prev = c;
                continue;
            }
            let joins = match c {
                '-' | '\u{2011}' | '+' => true,
                '.' | ',' => prev.is_ascii_digit(),
                '\'' | '’' => prev.is_alphabetic(),
                _ => false,
            };
            if !joins {
                break;
            }
            // a joiner counts only when an alphanumeric follows it (of the right kind)
            let next = text[i + c.len_utf8()..].chars().next();
            let ok = match (c, next) {
                (_, None) => false,
                ('.' | ',', Some(n)) => n.is_ascii_digit(),
                ('\'' | '’', Some(n)) => n.is_alphabetic(),
                (_, Some(n)) => n.is_alphanumeric(),
            };
            if !ok {
                break;
            }
            chars.next();
            prev = c;
        }
        Some((start, end))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.surface(text)).collect()
    }

    #[test]
    fn a_long_text_gets_its_tokens_without_slack() {
        let text = "Die Wirtschaft wächst, sagt die Bank. ".repeat(4_000);
        assert!(text.len() > EXACT_CAPACITY_FROM);
        let tokens = tokenize(&text);
        assert_eq!(tokens.len(), 6 * 4_000);
        assert_eq!(tokens.capacity(), tokens.len());
        assert_eq!(tokens[6].surface(&text), "Die");
        assert_eq!(tokens[6].start, text.len() / 4_000);
    }

    #[test]
    fn compounds_numbers_and_umlauts() {
        assert_eq!(
            words("Die 2+2-Gespräche des US-Präsidenten kosten 5.300,25 Euro, also 1.000.000 ¥."),
            [
                "Die",
                "2+2-Gespräche",
                "des",
                "US-Präsidenten",
                "kosten",
                "5.300,25",
                "Euro",
                "also",
                "1.000.000"
            ]
        );
        assert_eq!(
            words("Halbleiter- und Akkufabriken"),
            ["Halbleiter", "und", "Akkufabriken"]
        );
        assert_eq!(words("Größe, Maß; Übel!"), ["Größe", "Maß", "Übel"]);
        assert_eq!(
            words("„Zitat“ (Klammer) geht's"),
            ["Zitat", "Klammer", "geht's"]
        );
        assert_eq!(words("Ende. 2022."), ["Ende", "2022"]);
    }

    #[test]
    fn offsets_lowercase_stem_and_flags() {
        let text = "Die Lieferketten";
        let t = tokenize_at(text, 10);
        assert_eq!((t[1].start, t[1].end), (14, 26));
        assert_eq!(t[1].lower(), "lieferketten");
        assert_eq!(t[1].stem(), stem("lieferkette"));
        assert_eq!(t[0].lower(), "die");
        assert_eq!(tokenize("2.022")[0].stem(), "2.022");
        assert!(t[0].stop && !t[1].stop);
        assert!(t[1].capitalized && t[1].is_content() && !t[0].is_content());
        assert_eq!(tokenize("2022")[0].kind, TokenKind::Number);
    }
}
