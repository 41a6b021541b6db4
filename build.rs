//! Build script: the hash index of the embedded IDF table (see
//! `src/lexicon/background_index.rs`), so that looking a word up costs one hash and a probe or
//! two, with no parsing at run time, and gives the word's Snowball stem, computed here once with
//! rust-stemmers; and the key indexes of the large sorted lexicon tables (see
//! `src/lexicon/key_index.rs`), so that their exact look-ups hash from the start instead of
//! hashing every key of the table at run time; the defined nouns sorted by their endings
//! (`src/lexicon/endings.rs`); and the frequency table's words with an abstract suffix, sorted
//! by their endings (`src/lexicon/abstract_words.rs`).

#[path = "src/lexicon/abstract_words.rs"]
#[allow(dead_code)] // the reader is the crate's
mod abstract_words;
#[path = "src/lexicon/background_index.rs"]
mod background_index;
#[path = "src/lexicon/key_index.rs"]
#[allow(dead_code)] // the probe is the crate's
mod key_index;

/// The sorted tables of `src/lexicon` that get a key index (`src/lexicon/key_index.rs`): the
/// large ones, which a corpus run asks millions of times.
const KEYED_TABLES: [&str; 5] = [
    "data/lexicon/freq.tsv",
    "data/lexicon/nouns.tsv",
    "data/lexicon/wikt_defs.tsv",
    "data/lexicon/wikt_ipa.tsv",
    "data/lexicon/wikt_names.tsv",
];

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

    println!("cargo::rerun-if-changed=src/lexicon/key_index.rs");
    for table in KEYED_TABLES {
        println!("cargo::rerun-if-changed={table}");
        let text = std::fs::read_to_string(table).expect("read a lexicon table");
        let slots = key_index::build(key_index::body(&text));
        let bytes: Vec<u8> = slots.iter().flat_map(|s| s.to_le_bytes()).collect();
        let name = std::path::Path::new(table)
            .file_name()
            .expect("a file name")
            .to_string_lossy()
            .replace(".tsv", ".keys");
        std::fs::write(out.join(&name), bytes).expect("write a key index");
        let lines = key_index::line_index_bytes(key_index::body(&text));
        std::fs::write(out.join(name.replace(".keys", ".lines")), lines)
            .expect("write a line index");
    }
    let ipa = std::fs::read_to_string("data/lexicon/wikt_ipa.tsv").expect("read wikt_ipa.tsv");
    let defs = std::fs::read_to_string("data/lexicon/wikt_defs.tsv").expect("read wikt_defs.tsv");
    let by_ending = key_index::nouns_by_ending(key_index::body(&ipa), key_index::body(&defs));
    std::fs::write(out.join("nouns_by_ending.idx"), by_ending).expect("write the ending index");

    println!("cargo::rerun-if-changed=src/lexicon/abstract_words.rs");
    let freq = std::fs::read_to_string("data/lexicon/freq.tsv").expect("read freq.tsv");
    let (text, offsets, centi) = abstract_words::encode(&abstract_words::collect(&freq));
    std::fs::write(out.join("abstract_words.txt"), text).expect("write the abstract words");
    std::fs::write(out.join("abstract_words.offsets"), offsets).expect("write their offsets");
    std::fs::write(out.join("abstract_words.centi"), centi).expect("write their frequencies");
}
