//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

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
    Summarize(SummarizeArgs),
    /// List the article's vocabulary: lemma with article, plural and English gloss.
    Vocab(VocabArgs),
    /// Cloze exercises on the article's key vocabulary (text, markdown, json or an HTML worksheet).
    Cloze(ClozeArgs),
    /// Practise cloze items in the terminal: type the answer or the choice letter.
    Quiz(QuizArgs),
    /// Everything for one article at once: summary, vocabulary, cloze worksheet and Anki deck.
    Study(StudyArgs),
    /// Make an Anki deck (.apkg, or an Anki text-import file .txt/.tsv) of vocabulary and cloze notes.
    Deck(DeckArgs),
    /// Print the article's sentences, one per line (boilerplate and datelines removed).
    Segment(SegmentArgs),
    /// Build or merge IDF tables (document frequencies) from your own corpus.
    #[command(subcommand)]
    Idf(IdfCommand),
}

/// Input options shared by every command that reads articles.
#[derive(Debug, Args, Clone)]
pub struct InputArgs {
    /// Input files or directories (searched for .txt, .md, .html, .jsonl); `-` or nothing reads
    /// standard input. JSONL files hold one `{"id","text"}` article per line.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Text encoding of the input: utf8 (default; a BOM is honoured) or latin1 (Windows-1252).
    #[arg(long, default_value = "utf8", value_name = "ENC")]
    pub encoding: String,
    /// No progress bar.
    #[arg(short, long)]
    pub quiet: bool,
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
    #[arg(short = 'n', long, value_name = "N", group = "size")]
    pub sentences: Option<usize>,
    /// Share of the article's sentences (0 < R <= 1).
    #[arg(long, value_name = "R", group = "size")]
    pub ratio: Option<f32>,
    /// At most this many words (at least one sentence).
    #[arg(long, value_name = "W", group = "size")]
    pub words: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: SummaryFormat,
    /// Show each chosen sentence's score and its heaviest terms.
    #[arg(long)]
    pub explain: bool,
    /// Read JSON lines `{"id","text"}` and write one `{"id","summary","sentences"}` line each.
    #[arg(long)]
    pub jsonl: bool,
    /// Use this IDF table (from `kernsatz idf build`) instead of the embedded one.
    #[arg(long, value_name = "FILE")]
    pub idf: Option<PathBuf>,
    /// Weight of the position prior (news puts the gist first). Default: 0.5 for a one-sentence
    /// summary; for longer ones 12 for news articles up to 55 sentences, falling to 0.3 for long
    /// ones, and 0.3 for encyclopedic articles that open by defining their subject (tuned on
    /// German news and encyclopedic articles; see BENCHMARKS.md).
    #[arg(long, value_name = "W")]
    pub position_weight: Option<f32>,
    /// Sentence index at which the position prior has halved.
    #[arg(long, default_value_t = kernsatz::score::ScoreParams::default().position_decay, value_name = "K")]
    pub position_decay: f32,
    /// Exponent of the sentence-length normalisation (0 = none: sum of term weights, 1 = mean).
    #[arg(long, default_value_t = kernsatz::score::ScoreParams::default().length_exponent, value_name = "E")]
    pub length_exponent: f32,
    /// Redundancy penalty when choosing sentences (maximal marginal relevance; 0 = off).
    #[arg(long, default_value_t = kernsatz::Options::default().redundancy, value_name = "R")]
    pub redundancy: f32,
}

#[derive(Debug, Args)]
pub struct SegmentArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Segment the raw text, without removing boilerplate lines or datelines.
    #[arg(long)]
    pub raw: bool,
}

#[derive(Debug, Subcommand)]
pub enum IdfCommand {
    /// Count document frequencies over text files, directories and JSONL (`{"text"}` per line).
    Build(IdfBuildArgs),
    /// Add up tables (document counts and frequencies add): `idf merge A B -o C`.
    Merge(IdfMergeArgs),
}

#[derive(Debug, Args)]
pub struct IdfBuildArgs {
    /// Files or directories (searched recursively for .txt, .md, .jsonl); `-` for stdin.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    /// Output table.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Leave out words seen in fewer documents than this.
    #[arg(long, default_value_t = 2, value_name = "N")]
    pub min_df: u64,
    /// Text encoding of the input files.
    #[arg(long, default_value = "utf8", value_name = "ENC")]
    pub encoding: String,
    /// Replace OUTPUT if it exists.
    #[arg(long)]
    pub force: bool,
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
    /// At most N entries (0 = all).
    #[arg(long, default_value_t = 40, value_name = "N")]
    pub limit: usize,
    /// Only words of these levels, e.g. `B1..C1`, `B2..`, `..B1` or `C1`.
    #[arg(long, value_name = "MIN..MAX")]
    pub level: Option<String>,
    /// Only words of this category (economy, finance, trade, labour, energy, technology,
    /// politics, diplomacy, security, law).
    #[arg(long, value_name = "C")]
    pub category: Option<String>,
    /// Also list other content words, names and unknown words (default: domain terms only).
    #[arg(long)]
    pub all: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: VocabFormatArg,
    /// Use this IDF table (from `kernsatz idf build`) instead of the embedded one.
    #[arg(long, value_name = "FILE")]
    pub idf: Option<PathBuf>,
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
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub items: usize,
    /// Gaps per sentence.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub gaps: usize,
    /// Hints: none, or a comma list of first-letter, length, article, gloss; or all.
    #[arg(long, default_value = "article,gloss", value_name = "HINTS")]
    pub hint: String,
    /// Choices per item, answer included (0 = type the answer).
    #[arg(long, default_value_t = 4, value_name = "K")]
    pub choices: usize,
    /// Random seed (a number), or `random`. Default: derived from the text, so the same article
    /// gives the same worksheet.
    #[arg(long, value_name = "SEED")]
    pub seed: Option<String>,
    /// Only answers of these levels, e.g. `B1..C1`.
    #[arg(long, value_name = "MIN..MAX")]
    pub level: Option<String>,
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
    /// Text encoding of the input: utf8 or latin1.
    #[arg(long, default_value = "utf8", value_name = "ENC")]
    pub encoding: String,
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
    /// Vocabulary notes per article at most (0 = all domain terms).
    #[arg(long, default_value_t = 40, value_name = "N")]
    pub vocab_limit: usize,
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
    #[arg(short = 'n', long, default_value_t = 3, value_name = "N")]
    pub sentences: usize,
    /// Anki deck name; `::` makes subdecks.
    #[arg(long, default_value = "kernsatz", value_name = "NAME")]
    pub deck: String,
    #[command(flatten)]
    pub exercise: ClozeGenArgs,
    /// Replace files that exist already.
    #[arg(long)]
    pub force: bool,
}
