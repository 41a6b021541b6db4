//! Build script: the hash index of the embedded IDF table (see
//! `src/lexicon/background_index.rs`), so that looking a word up costs one hash and a probe or
//! two, with no parsing at run time, and gives the word's Snowball stem, computed here once with
//! rust-stemmers.

#[path = "src/lexicon/background_index.rs"]
mod background_index;

fn main() {
    const TABLE: &str = "data/idf/de-wordfreq.idf";
    println!("cargo::rerun-if-changed={TABLE}");
    println!("cargo::rerun-if-changed=src/lexicon/background_index.rs");
    let text = std::fs::read_to_string(TABLE).expect("read data/idf/de-wordfreq.idf");
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::German);
    let slots = background_index::build(background_index::body(&text), |w| {
        stemmer.stem(w).into_owned()
    });
    let bytes: Vec<u8> = slots.iter().flat_map(|s| s.to_le_bytes()).collect();
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR is set"));
    std::fs::write(out.join("de-wordfreq.idx"), bytes).expect("write the IDF index");
}
