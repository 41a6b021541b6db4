//! German sentence segmentation.
//!
//! [`split_sentences`] returns sentence spans as byte ranges into the input, so later stages can
//! point back into the original text.
//!
//! # How it works
//!
//! 1. **Lines** (`lines.rs`). The text is cut into lines. A blank line (or a form feed / U+2029)
//!    is a paragraph break and always ends a sentence. A single line break ends a sentence when
//!    the line before looks complete (it ends in a sentence terminator that is not an
//!    abbreviation, or it is a heading such as `Joe Biden und Fumio Kishida` above
//!    `Die beiden …`), or when the next line is a list item (`• …`, `1. …`, `a) …`) or an
//!    all-caps heading. It is a soft wrap when the line ends in a word that cannot end a sentence
//!    (`der`, `und`, …), a comma or hyphen, when the next line goes on in lower case, or when the
//!    text is hard-wrapped at a fixed width and the line is full.
//! 2. **Candidates** (`candidates.rs`). Within each run of joined lines, the UAX #29 sentence
//!    boundaries of `unicode-segmentation` are the candidates, computed on small windows around
//!    each terminator rather than on the whole text (same result, several times faster). Added
//!    are the places UAX #29 misses: after `…` (not a terminator there) and before a number, a
//!    bracket or a URL after a terminator (`… Hintergrund. 2014 hatte …`).
//! 3. **Repair** (`boundaries.rs`). Each candidate is judged by the terminator cluster before it
//!    (`.`, `!`, `?`, `…` with closing quotes, brackets, footnote marks like `[6]` and trailing
//!    emoji) and the word after it: abbreviations (`z. B.`, `Dr.`, `Nr.`, `Mio.`), initials,
//!    ordinals (`3. Oktober`, `III. Geschwader`), list numbers (`1. Dies …`) and dates keep the
//!    sentence together unless the next word is one that typically starts a sentence (`Die`,
//!    `Dort`, …). Line breaks are judged with the same rules (stage 1 asks this stage).
//!
//! Everything is byte/char scanning over `&str` (character classes and scanning helpers in
//! `chars.rs`); the word tables (`words.rs`, lists in `data/lang/`) are built once. This file
//! runs the stages block by block; `tests.rs` tests the whole.

mod boundaries;
mod candidates;
mod chars;
mod lines;
mod words;

#[cfg(test)]
mod tests;

use std::ops::Range;

use boundaries::decide_block;
use candidates::find_candidates;
use lines::hard_blocks;

/// Sentence spans of `text`, as byte ranges into `text`, trimmed of surrounding whitespace,
/// in order, non-overlapping, never empty. Line breaks: a blank line (paragraph break) always ends a
/// sentence; a single line break ends a sentence when the line looks complete or the next line
/// starts a list item / heading-like line (see golden cases), otherwise it is a soft wrap.
///
/// ```
/// use kernsatz::segment::split_sentences;
///
/// let text = "Wir trafen Dr. Meyer am 3. Oktober. Er war z. B. müde.";
/// let sentences: Vec<&str> = split_sentences(text).into_iter().map(|r| &text[r]).collect();
/// assert_eq!(sentences, ["Wir trafen Dr. Meyer am 3. Oktober.", "Er war z. B. müde."]);
/// ```
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut candidates = Vec::new();
    for block in hard_blocks(text) {
        split_block(text, block, &mut candidates, &mut out);
    }
    out
}

/// Splits one block into sentences, appending trimmed ranges to `out`.
fn split_block(
    text: &str,
    block: Range<usize>,
    candidates: &mut Vec<usize>,
    out: &mut Vec<Range<usize>>,
) {
    candidates.clear();
    find_candidates(text, block.clone(), candidates);
    decide_block(text, block, candidates, out);
}
