//! One list of several articles: entries of the same lemma and part of speech add up their
//! counts, forms and relevance. Articles are added one at a time and dropped: what is kept per
//! lemma is its counts, forms and first example, never the articles' sentences or offsets, so
//! memory grows with the distinct words of the batch, not with its size.

use rustc_hash::FxHashMap as HashMap;

use super::VocabEntry;

/// Most forms kept per merged entry.
const MAX_FORMS: usize = 16;

/// The merged vocabulary of the articles added so far.
#[derive(Debug, Default)]
pub struct MergedVocabulary {
    entries: Vec<VocabEntry>,
    index: HashMap<(String, &'static str), usize>,
    articles: usize,
}

impl MergedVocabulary {
    /// An empty merge.
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of articles added.
    pub fn articles(&self) -> usize {
        self.articles
    }

    /// Adds one article's list (best first). The first article's example of a lemma is kept.
    pub fn add(&mut self, list: Vec<VocabEntry>) {
        let doc_no = self.articles;
        self.articles += 1;
        for mut e in list {
            match self.index.get(&(e.lemma.clone(), e.pos)) {
                Some(&i) => {
                    let m = &mut self.entries[i];
                    m.count += e.count;
                    m.score += e.score;
                    for f in e.forms {
                        if m.forms.len() < MAX_FORMS && !m.forms.contains(&f) {
                            m.forms.push(f);
                        }
                    }
                }
                None => {
                    // order ties by article, then position in it
                    e.sentence_index += doc_no << 20;
                    e.occurrences = Vec::new();
                    e.example_span = (0, 0);
                    e.forms.truncate(MAX_FORMS);
                    self.index
                        .insert((e.lemma.clone(), e.pos), self.entries.len());
                    self.entries.push(e);
                }
            }
        }
    }

    /// The merged list, ranked by summed relevance; at most `limit` entries.
    pub fn finish(self, limit: Option<usize>) -> Vec<VocabEntry> {
        let mut out = self.entries;
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
}

/// Merge the lists of several articles into one (see [`MergedVocabulary`]).
pub fn merge(lists: Vec<Vec<VocabEntry>>, limit: Option<usize>) -> Vec<VocabEntry> {
    let mut m = MergedVocabulary::new();
    for l in lists {
        m.add(l);
    }
    m.finish(limit)
}
