//! Output formats: everything kernsatz writes, as bytes or to a `&mut dyn Write`. Nothing here
//! knows about the command line or the terminal (colour and tables belong to the binary).
//!
//! - [`summary`]: summaries as text, Markdown, JSON, JSON lines; a study pack's `summary.md`;
//! - [`vocab`]: vocabulary lists as Markdown, TSV, CSV and JSON;
//! - [`worksheet`]: cloze worksheets as text, Markdown, JSON and a self-contained HTML page;
//! - [`anki`]: Anki packages (`.apkg`) and text-import files, and the notes they hold;
//! - [`page`]: an article as read from a web page (title, date, teaser, blocks) as text,
//!   Markdown and JSON;
//! - [`pack`]: a study pack's files in a directory;
//! - [`escape`]: the HTML and Markdown escapers every format shares; [`names`]: file-name slugs.

pub mod anki;
pub mod escape;
pub mod names;
pub mod pack;
pub mod page;
pub mod summary;
pub mod vocab;
pub mod worksheet;
