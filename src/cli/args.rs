//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use kernsatz::cloze::{Hints, Kinds};
use kernsatz::export::anki::TextNoteTypes;
use kernsatz::input::Encoding;
use kernsatz::lexicon::{Category, Level};

// Option values are parsed here, once, into the library's types; a bad value is a usage error
// (exit code 2) with clap's message.

fn encoding(s: &str) -> Result<Encoding, String> {
    s.parse().map_err(|e: kernsatz::Error| e.to_string())
}

fn note_types(s: &str) -> Result<TextNoteTypes, String> {
    s.parse().map_err(|e: kernsatz::Error| e.to_string())
}

/// `B1..C1`, `B2..`, `..B1`, `C1`.
pub fn levels(s: &str) -> Result<(Level, Level), String> {
    let bad = || format!("'{s}': use e.g. B1..C1, B2.., ..B1 or C1");
    let level = |t: &str, default: Level| -> Result<Level, String> {
        if t.is_empty() {
            Ok(default)
        } else {
            t.to_ascii_uppercase().parse().map_err(|_| bad())
        }
    };
    let (lo, hi) = match s.split_once("..") {
        Some((a, b)) => (level(a, Level::A1)?, level(b, Level::C2)?),
        None => {
            let l = level(s, Level::A1)?;
            (l, l)
        }
    };
    if lo > hi {
        return Err(bad());
    }
    Ok((lo, hi))
}

fn category(s: &str) -> Result<Category, String> {
    Category::ALL
        .iter()
        .copied()
        .find(|c| c.as_str().eq_ignore_ascii_case(s))
        .ok_or_else(|| {
            let names: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
            format!("unknown category '{s}' (use one of: {})", names.join(", "))
        })
}

fn kinds(s: &str) -> Result<Kinds, String> {
    s.parse().map_err(|e: kernsatz::Error| e.to_string())
}

fn hints(s: &str) -> Result<Hints, String> {
    s.parse().map_err(|e: kernsatz::Error| e.to_string())
}

/// The `--seed` value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeedArg {
    /// This number.
    Number(u64),
    /// A new random seed.
    Random,
}

fn seed(s: &str) -> Result<SeedArg, String> {
    match s {
        "random" => Ok(SeedArg::Random),
        _ => s
            .parse()
            .map(SeedArg::Number)
            .map_err(|_| format!("'{s}': use a number or 'random'")),
    }
}

fn at_least_one(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(0) => Err("must be at least 1".into()),
        Ok(n) => Ok(n),
        Err(e) => Err(e.to_string()),
    }
}

/// Most choices per item: lettered a) to j), and a lexicon rarely has more that fit a gap.
const MAX_CHOICES: usize = 10;

fn choices(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(n) if n == 1 || n > MAX_CHOICES => {
            Err(format!("must be 0 (typed answers) or 2 to {MAX_CHOICES}"))
        }
        Ok(n) => Ok(n),
        Err(e) => Err(e.to_string()),
    }
}

/// A finite number ≥ 0 (NaN and infinity would make every score NaN).
fn weight(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(w) if w.is_finite() && w >= 0.0 => Ok(w),
        Ok(_) => Err("must be a finite number, at least 0".into()),
        Err(e) => Err(e.to_string()),
    }
}

/// A finite number > 0.
fn positive(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(w) if w.is_finite() && w > 0.0 => Ok(w),
        Ok(_) => Err("must be a finite number above 0".into()),
        Err(e) => Err(e.to_string()),
    }
}

fn ratio(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(r) if r > 0.0 && r <= 1.0 => Ok(r),
        Ok(_) => Err("must be in (0, 1]".into()),
        Err(e) => Err(e.to_string()),
    }
}

/// Turn German news articles into study material: summaries, vocabulary, cloze exercises, decks.
#[derive(Debug, Parser)]
#[command(name = "kernsatz", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Summarize articles: their key sentences by TF-IDF score.
    #[command(after_help = "Examples:
  kernsatz summarize article.txt
  kernsatz summarize -n 5 --format markdown --explain saved-page.html
  kernsatz summarize --jsonl corpus.jsonl > summaries.jsonl")]
    Summarize(SummarizeArgs),
    /// List the article's vocabulary: lemma with article, plural and English gloss.
    #[command(after_help = "Examples:
  kernsatz vocab article.txt
  kernsatz vocab --level B2.. --category finance article.txt
  kernsatz vocab --format tsv articles/ > vocab.tsv")]
    Vocab(VocabArgs),
    /// Cloze exercises on the article's key vocabulary (text, markdown, json or an HTML worksheet).
    #[command(after_help = "Examples:
  kernsatz cloze article.txt
  kernsatz cloze --format html -o worksheet.html article.txt
  kernsatz cloze --choices 0 --hint first-letter,gloss --seed 7 article.txt")]
    Cloze(ClozeArgs),
    /// Practise cloze items in the terminal: type the answer or the choice letter.
    #[command(after_help = "Examples:
  kernsatz quiz article.txt
  kernsatz quiz --choices 0 --items 5 article.txt")]
    Quiz(QuizArgs),
    /// Everything for one article at once: summary, vocabulary, cloze worksheet and Anki deck.
    #[command(after_help = "Examples:
  kernsatz study article.txt
  kernsatz study -o week-12/ monday.html tuesday.html
  kernsatz study --format json article.txt | jq .vocab")]
    Study(StudyArgs),
    /// Make an Anki deck (.apkg, or an Anki text-import file .txt/.tsv) of vocabulary and cloze notes
    ///
    /// The .apkg brings its own note types, "kernsatz Vokabel" and "kernsatz Cloze". Anki's
    /// text import cannot create note types, so the text file uses two that every profile has:
    ///   "Basic (and reversed card)"  Front: word, plural, example, parts; Back: the English
    ///   "Cloze"                      Text; Back Extra: as in the .apkg, then the source
    /// An Anki in another language names them otherwise (Tools > Manage Note Types); give
    /// those names, e.g. --note-types 'Einfach (und die umgekehrte Richtung),Lückentext'.
    ///
    /// Both files give a note the same GUID, so no note is added twice, and a file imported
    /// again updates its notes. A note keeps the note type it first came with, though: Anki
    /// skips the other file's version of it ("conflicting"). Keep to one of the two per
    /// collection, or, to update notes from a .apkg with a text file, write it with
    /// --note-types kernsatz.
    #[command(
        verbatim_doc_comment,
        after_help = "Examples:
  kernsatz deck -o wirtschaft.apkg article.txt
  kernsatz deck --deck 'Deutsch::Wirtschaft' --vocab -o vocab.apkg articles/
  kernsatz deck -o notes.txt article.txt"
    )]
    Deck(DeckArgs),
    /// Print the article's sentences, one per line (boilerplate and datelines removed).
    #[command(after_help = "Examples:
  kernsatz segment article.txt
  kernsatz segment --raw notes.txt
  kernsatz segment --jsonl < corpus.jsonl > sentences.jsonl")]
    Segment(SegmentArgs),
    /// Print the article as extracted from a web page: title, date, teaser and blocks.
    Extract(ExtractArgs),
    /// Build or merge IDF tables (document frequencies) from your own corpus.
    #[command(subcommand)]
    Idf(IdfCommand),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    #[command(after_help = "Examples:
  kernsatz completions bash > ~/.local/share/bash-completion/completions/kernsatz
  kernsatz completions zsh > ~/.zfunc/_kernsatz
  kernsatz completions fish > ~/.config/fish/completions/kernsatz.fish")]
    Completions(CompletionsArgs),
    /// Print a manual page (roff): kernsatz(1), or kernsatz-COMMAND(1) of one command.
    #[command(after_help = "Examples:
  kernsatz man > kernsatz.1 && man ./kernsatz.1
  kernsatz man study > kernsatz-study.1
  for c in '' summarize vocab cloze quiz study deck segment idf completions; do
    kernsatz man $c | gzip > /usr/local/share/man/man1/kernsatz${c:+-$c}.1.gz; done")]
    Man(ManArgs),
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// The command whose page to print (default: the overview page).
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// The background IDF table, for every command that scores sentences or words.
#[derive(Debug, Args, Clone)]
pub struct IdfArg {
    /// Use this IDF table (from `kernsatz idf build`) instead of the embedded one.
    #[arg(long = "idf", value_name = "FILE")]
    pub path: Option<PathBuf>,
}

/// Input options shared by every command that reads articles.
#[derive(Debug, Args, Clone)]
pub struct InputArgs {
    /// Input files or directories (searched for .txt, .md, .html, .jsonl); `-` or nothing reads
    /// standard input. JSONL files hold one `{"id","text"}` article per line.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Text encoding of the input: auto (default: web pages as a browser reads them, text as
    /// UTF-8; a BOM is honoured), utf8 or latin1 (Windows-1252).
    #[arg(long, default_value = "auto", value_name = "ENC", value_parser = encoding)]
    pub encoding: Encoding,
    /// No progress bar.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Words the learner knows, left out of vocabulary lists, cloze gaps and decks (`vocab`,
/// `cloze`, `deck`, `study`).
#[derive(Debug, Args, Clone, Default)]
pub struct KnownArgs {
    /// Leave out the words in FILE: one word per line, a kernsatz vocab.tsv/.csv, or an Anki
    /// text export (repeatable).
    #[arg(long = "known", value_name = "FILE")]
    pub known_files: Vec<PathBuf>,
    /// Leave out the words of an Anki collection: an .apkg or a collection.anki2 (read, never
    /// written; repeatable).
    #[arg(long = "known-anki", value_name = "PATH")]
    pub known_anki: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    Text,
    Markdown,
    Json,
}

#[derive(Debug, Args)]
pub struct SummarizeArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Number of sentences.
    #[arg(short = 'n', long, value_name = "N", group = "size", value_parser = at_least_one)]
    pub sentences: Option<usize>,
    /// Share of the article's sentences (0 < R <= 1).
    #[arg(long, value_name = "R", group = "size", value_parser = ratio)]
    pub ratio: Option<f32>,
    /// At most this many words (at least one sentence).
    #[arg(long, value_name = "W", group = "size", value_parser = at_least_one)]
    pub words: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: SummaryFormat,
    /// Show each chosen sentence's score and its heaviest terms.
    #[arg(long)]
    pub explain: bool,
    /// Read JSON lines `{"id","text"}` and write one `{"id","summary","sentences"}` line each.
    #[arg(long, conflicts_with_all = ["format", "explain"])]
    pub jsonl: bool,
    #[command(flatten)]
    pub idf: IdfArg,
    /// Weight of the position prior (news puts the gist first). Default: 0.5 for a one-sentence
    /// summary; for longer ones 3 for news articles up to 55 sentences, falling to 0.3 for long
    /// ones, and 0.3 for encyclopedic articles that open by defining their subject (tuned on
    /// German news and encyclopedic articles; see BENCHMARKS.md).
    #[arg(long, value_name = "W", value_parser = weight)]
    pub position_weight: Option<f32>,
    /// Sentence index at which the position prior has halved.
    #[arg(long, default_value_t = kernsatz::ScoreParams::default().position_decay, value_name = "K", value_parser = positive)]
    pub position_decay: f32,
    /// Exponent of the sentence-length normalisation (0 = none: sum of term weights, 1 = mean).
    /// Default: 4 for summaries of more than one sentence of news articles (short sentences
    /// dense in key terms can outrank the lead), 0 otherwise.
    #[arg(long, value_name = "E", value_parser = weight)]
    pub length_exponent: Option<f32>,
    /// Redundancy penalty when choosing sentences (maximal marginal relevance; 0 = off). A
    /// sentence with most of its content words already in the summary is skipped in any case.
    #[arg(long, default_value_t = kernsatz::Options::default().redundancy, value_name = "R", value_parser = weight)]
    pub redundancy: f32,
}

#[derive(Debug, Args)]
pub struct SegmentArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Segment the raw text, without removing boilerplate lines or datelines.
    #[arg(long)]
    pub raw: bool,
    /// Read JSON lines `{"id","text"}` and write one `{"id","sentences":[{"text","start","end"}]}`
    /// line each (byte offsets into the record's text).
    #[arg(long)]
    pub jsonl: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Text,
    Markdown,
    Json,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format; json gives each block's kind and byte offsets in the decoded page.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ExtractFormat,
}

#[derive(Debug, Subcommand)]
pub enum IdfCommand {
    /// Count document frequencies over text files, directories and JSONL (`{"text"}` per line).
    #[command(after_help = "Examples:
  kernsatz idf build corpus/ -o my.idf
  kernsatz idf build part-001.jsonl -o shard-001.idf --min-df 1")]
    Build(IdfBuildArgs),
    /// Print document frequencies as JSON lines that add up (`{"word","df"}` lines and one
    /// `{"docs"}` line): a pipe stage whose outputs an engine sums by key for `build --from-counts`.
    #[command(after_help = "Examples:
  kernsatz idf count < part-001.jsonl > part-001.counts.jsonl
  cat *.counts.jsonl | kernsatz idf build --from-counts - -o corpus.idf")]
    Count(IdfCountArgs),
    /// Add up tables (document counts and frequencies add): `idf merge A B -o C`.
    #[command(after_help = "Examples:
  kernsatz idf merge shard-*.idf -o corpus.idf")]
    Merge(IdfMergeArgs),
}

#[derive(Debug, Args)]
pub struct IdfBuildArgs {
    /// Files or directories (searched recursively for .txt, .md, .jsonl); `-` for stdin.
    #[arg(value_name = "PATH", required_unless_present = "from_counts")]
    pub paths: Vec<PathBuf>,
    /// Build the table from the JSON lines of `kernsatz idf count` (`-` for stdin) instead of
    /// counting documents; counts of the same word add up.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["paths", "encoding"])]
    pub from_counts: Option<PathBuf>,
    /// Output table.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Leave out words seen in fewer documents than this.
    #[arg(long, default_value_t = 2, value_name = "N")]
    pub min_df: u64,
    /// Text encoding of the input files: auto (default: UTF-8; web pages as a browser reads
    /// them), utf8 or latin1.
    #[arg(long, default_value = "auto", value_name = "ENC", value_parser = encoding)]
    pub encoding: Encoding,
    /// Replace OUTPUT if it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct IdfCountArgs {
    /// Files or directories as for `idf build`; nothing or `-` reads JSONL (`{"id","text"}` per
    /// line) from stdin.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Text encoding of the input files.
    #[arg(long, default_value = "utf8", value_name = "ENC", value_parser = encoding)]
    pub encoding: Encoding,
}

#[derive(Debug, Args)]
pub struct IdfMergeArgs {
    /// Tables to add up.
    #[arg(value_name = "TABLE", required = true, num_args = 2..)]
    pub tables: Vec<PathBuf>,
    /// Output table.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Replace OUTPUT if it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum VocabFormatArg {
    Table,
    Markdown,
    Tsv,
    Csv,
    Json,
}

#[derive(Debug, Args)]
pub struct VocabArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// At most N entries (0 = no cap). The list ends earlier where the words stop being key
    /// to the article (below 5 % of the mean relevance of its five best terms, after at least
    /// 10 entries); `--all` lists every word.
    #[arg(long, default_value_t = 40, value_name = "N")]
    pub limit: usize,
    /// Only words of these levels, e.g. `B1..C1`, `B2..`, `..B1` or `C1`.
    #[arg(long, value_name = "MIN..MAX", value_parser = levels)]
    pub level: Option<(Level, Level)>,
    /// Only words of this category (economy, finance, trade, labour, energy, environment,
    /// technology, politics, diplomacy, security, law).
    #[arg(long, value_name = "C", value_parser = category)]
    pub category: Option<Category>,
    /// List every word, ranked: also words of little relevance to the article, names,
    /// numbers, units, dates and words without a meaning (default: the article's key terms).
    #[arg(long)]
    pub all: bool,
    /// One list per article (JSON: one `{"id","entries"}` line each; TSV/CSV: an `id` column)
    /// instead of one merged list of all articles; standard input is then read as JSONL
    /// (`{"id","text"}` lines, as `summarize --jsonl` reads it).
    #[arg(long)]
    pub per_article: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: VocabFormatArg,
    #[command(flatten)]
    pub known: KnownArgs,
    #[command(flatten)]
    pub idf: IdfArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ClozeFormatArg {
    Text,
    Markdown,
    Json,
    Html,
}

/// Options shared by `cloze` and `quiz`.
#[derive(Debug, Args, Clone)]
pub struct ClozeGenArgs {
    /// Number of items per article.
    #[arg(long, default_value_t = 10, value_name = "N", value_parser = at_least_one)]
    pub items: usize,
    /// Gaps per sentence.
    #[arg(long, default_value_t = 1, value_name = "N", value_parser = at_least_one)]
    pub gaps: usize,
    /// Hints: none, or a comma list of first-letter, length, article, gloss; or all.
    #[arg(long, default_value = "article,gloss", value_name = "HINTS", value_parser = hints)]
    pub hint: Hints,
    /// Choices per item, answer included (0 = type the answer).
    #[arg(long, default_value_t = 4, value_name = "K", value_parser = choices)]
    pub choices: usize,
    /// Random seed (a number), or `random`. Default: derived from the text, so the same article
    /// gives the same worksheet.
    #[arg(long, value_name = "SEED", value_parser = seed)]
    pub seed: Option<SeedArg>,
    /// Only answers of these levels, e.g. `B1..C1`.
    #[arg(long, value_name = "MIN..MAX", value_parser = levels)]
    pub level: Option<(Level, Level)>,
    /// Kinds of items: vocab, articles, endings (comma list) or all. Default: vocab for
    /// cloze and quiz, all for study and deck.
    #[arg(long, value_name = "KINDS", value_parser = kinds)]
    pub kind: Option<Kinds>,
    #[command(flatten)]
    pub idf: IdfArg,
}

#[derive(Debug, Args)]
pub struct ClozeArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub exercise: ClozeGenArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ClozeFormatArg,
    #[command(flatten)]
    pub known: KnownArgs,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace OUTPUT if it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct QuizArgs {
    /// The article (a file: your answers come from standard input).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Text encoding of the input: auto (web pages as a browser reads them, text as UTF-8),
    /// utf8 or latin1.
    #[arg(long, default_value = "auto", value_name = "ENC", value_parser = encoding)]
    pub encoding: Encoding,
    #[command(flatten)]
    pub exercise: ClozeGenArgs,
}

#[derive(Debug, Args)]
pub struct DeckArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output: OUT.apkg (Anki package) or OUT.txt / OUT.tsv (Anki >= 2.1.54 text import).
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
    /// Deck name; `::` makes subdecks.
    #[arg(long, default_value = "kernsatz", value_name = "NAME")]
    pub deck: String,
    /// Cloze notes (with --vocab: both; neither: both).
    #[arg(long)]
    pub cloze: bool,
    /// Vocabulary notes.
    #[arg(long)]
    pub vocab: bool,
    /// Extra tags, comma-separated or repeated.
    #[arg(long, value_name = "TAGS", value_delimiter = ',')]
    pub tags: Vec<String>,
    /// Vocabulary notes per article at most (0 = all key terms).
    #[arg(long, default_value_t = 40, value_name = "N")]
    pub vocab_limit: usize,
    /// Note types the text file names: stock (default), kernsatz, or 'VOCAB,CLOZE' names.
    #[arg(long, value_name = "TYPES", value_parser = note_types)]
    pub note_types: Option<TextNoteTypes>,
    #[command(flatten)]
    pub known: KnownArgs,
    #[command(flatten)]
    pub exercise: ClozeGenArgs,
    /// Replace OUT if it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StudyFormat {
    /// Write the study files into the output directory.
    Files,
    /// Print summary, vocabulary and cloze items as one JSON document (no files).
    Json,
}

#[derive(Debug, Args)]
pub struct StudyArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output directory (default: ./<slug of the title>/; with several articles, one
    /// subdirectory each).
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// `files` (default) or `json` (print everything to standard output instead).
    #[arg(long, value_enum, default_value = "files")]
    pub format: StudyFormat,
    /// Sentences in the summary.
    #[arg(short = 'n', long, default_value_t = 3, value_name = "N", value_parser = at_least_one)]
    pub sentences: usize,
    /// Anki deck name; `::` makes subdecks.
    #[arg(long, default_value = "kernsatz", value_name = "NAME")]
    pub deck: String,
    #[command(flatten)]
    pub exercise: ClozeGenArgs,
    #[command(flatten)]
    pub known: KnownArgs,
    /// Replace files that exist already.
    #[arg(long)]
    pub force: bool,
}
