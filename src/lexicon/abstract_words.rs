//! The words of the frequency table that end in an abstract suffix (*-ung*, *-heit*, *-politik*:
//! [`ABSTRACT_SUFFIXES`]), reversed and sorted, with their Zipf × 100: the compounds of a head
//! are one run of them, found by bisection ([`super::nouns`] counts a head's family for the
//! plurals of its compounds). Shared by `build.rs`, which makes the list at compile time
//! ([`collect`], [`encode`]), and the crate, which reads it in place ([`Embedded`]): collecting
//! and sorting it at run time scanned the 170,000 lines of the table and cost a 100-article run
//! 2.6 % of its instructions. Keep this file free of crate dependencies: the build script
//! includes it with `#[path]`.

/// Suffixes of abstract nouns of activities, states and fields (*Forschung*, *Sicherheit*,
/// *Wirtschaft*, *Politik*): the compounds of these heads are often uncountable in use
/// (*Krebsforschung*, *Unkrautvernichtung*), though the dictionary gives every one a plural.
/// Not *-ion*: *Kommission* and *Mission* are mostly institutions and tasks, countable.
pub const ABSTRACT_SUFFIXES: &[&str] = &["ung", "heit", "keit", "schaft", "tät", "ik", "ismus"];

/// The words of the frequency table `freq_tsv` (the text of `freq.tsv`: `#` header lines, then
/// `word<TAB>zipf` lines) that end in one of [`ABSTRACT_SUFFIXES`], reversed, with their Zipf
/// × 100, sorted.
pub fn collect(freq_tsv: &str) -> Vec<(String, u16)> {
    // one pass over the bytes: a line is `word\tzipf\n`
    let bytes = freq_tsv.as_bytes();
    let mut v: Vec<(String, u16)> = Vec::new();
    let mut start = 0;
    let mut from = 0;
    while let Some(i) = bytes[from..].iter().position(|&b| b == b'\t') {
        let tab = from + i;
        from = tab + 1;
        let word = &bytes[start..tab];
        let end = bytes[tab..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |i| tab + i);
        start = end + 1;
        if !ABSTRACT_SUFFIXES
            .iter()
            .any(|s| word.ends_with(s.as_bytes()))
        {
            continue;
        }
        // a header line ends before the first tab of the table
        let word = std::str::from_utf8(word).unwrap_or("");
        let word = word.rsplit('\n').next().unwrap_or(word);
        if let Ok(centi) = std::str::from_utf8(&bytes[tab + 1..end])
            .unwrap_or("")
            .trim()
            .parse()
            && !word.starts_with('#')
        {
            v.push((word.chars().rev().collect(), centi));
        }
    }
    v.sort_unstable();
    v
}

/// The list as the build script writes it: the reversed words, each followed by a newline;
/// the byte offset of each word in that text and of its end (little-endian `u32`s, one more
/// than there are words); the Zipf × 100 of each word (little-endian `u16`s).
pub fn encode(words: &[(String, u16)]) -> (String, Vec<u8>, Vec<u8>) {
    let mut text = String::new();
    let mut offsets = Vec::with_capacity(4 * (words.len() + 1));
    let mut centi = Vec::with_capacity(2 * words.len());
    for (w, c) in words {
        let at = u32::try_from(text.len()).expect("a list under 4 GiB");
        offsets.extend_from_slice(&at.to_le_bytes());
        centi.extend_from_slice(&c.to_le_bytes());
        text.push_str(w);
        text.push('\n');
    }
    let at = u32::try_from(text.len()).expect("a list under 4 GiB");
    offsets.extend_from_slice(&at.to_le_bytes());
    (text, offsets, centi)
}

/// The list [`encode`] wrote, read in place.
#[derive(Debug, Clone, Copy)]
pub struct Embedded {
    pub text: &'static str,
    pub offsets: &'static [u8],
    pub centi: &'static [u8],
}

impl Embedded {
    /// Number of words.
    pub fn len(&self) -> usize {
        self.centi.len() / 2
    }

    fn offset(&self, i: usize) -> usize {
        let b = &self.offsets[4 * i..4 * i + 4];
        u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize
    }

    /// Word `i` (reversed).
    pub fn word(&self, i: usize) -> &'static str {
        // the word ends one byte (its newline) before the next one starts
        &self.text[self.offset(i)..self.offset(i + 1) - 1]
    }

    /// The Zipf × 100 of word `i`.
    pub fn centi(&self, i: usize) -> u16 {
        u16::from_le_bytes([self.centi[2 * i], self.centi[2 * i + 1]])
    }

    /// The index of the first word not below `key` (the list's length if none).
    pub fn lower_bound(&self, key: &str) -> usize {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.word(mid) < key {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }
}
