//! Cloze generation on arbitrary text with a fuzzed seed: never panics; every item's prompt is
//! its sentence with `[start, end)` replaced by the gap, the answer is that slice, the choices
//! hold the answer exactly once, and no lemma is asked twice.
#![no_main]

use kernsatz::cloze::GAP;
use kernsatz::cloze::generate::{ClozeOptions, generate};
use libfuzzer_sys::fuzz_target;
use rand::SeedableRng;

fuzz_target!(|input: (u64, &str)| {
    let (seed, text) = input;
    let Ok(doc) = kernsatz::Document::new(text) else { return };
    let scores = kernsatz::Summarizer::default().scores(&doc);
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let sheet = generate(
        &doc,
        &scores,
        kernsatz::IdfTable::embedded(),
        "fuzz",
        &ClozeOptions::default(),
        &mut rng,
    );
    let mut lemmas = std::collections::HashSet::new();
    for it in &sheet.items {
        assert_eq!(&it.sentence[it.start..it.end], it.answer);
        assert_eq!(
            it.prompt,
            format!("{}{GAP}{}", &it.sentence[..it.start], &it.sentence[it.end..])
        );
        assert_eq!(&doc.text[it.source_start..it.source_end], it.answer);
        if !it.choices.is_empty() {
            assert_eq!(it.choices.iter().filter(|c| **c == it.answer).count(), 1);
        }
        assert!(lemmas.insert(it.lemma.clone()), "lemma asked twice: {}", it.lemma);
    }
});
