//! Command-line front end.

mod args;
mod batch;
mod cloze;
mod deck;
mod extract;
mod idf;
mod io;
mod quiz;
mod segment;
mod study;
mod summarize;
mod table;
mod vocab;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use args::{Cli, Command, IdfCommand};

/// Exit code for success.
const OK: u8 = 0;
/// Exit code when some documents of a batch failed.
const SOME_FAILED: u8 = 1;
/// Exit code for usage and input errors.
const USAGE: u8 = 2;

/// An error with the exit code it maps to.
pub struct Failure {
    code: u8,
    message: String,
}

impl Failure {
    fn usage(message: impl Into<String>) -> Self {
        Failure {
            code: USAGE,
            message: message.into(),
        }
    }
}

impl From<kernsatz::Error> for Failure {
    fn from(e: kernsatz::Error) -> Self {
        Failure::usage(describe(&e))
    }
}

/// The message of a library error, with the command-line hint that helps (the library's
/// messages name no flags).
pub fn describe(e: &kernsatz::Error) -> String {
    use kernsatz::ErrorKind;
    match e.kind() {
        ErrorKind::OutputExists { .. } => format!("{e}; use --force to overwrite it"),
        ErrorKind::Decode {
            latin1_likely: true,
            ..
        } => format!("{e}; the text looks like Latin-1/Windows-1252: try --encoding latin1"),
        _ => e.to_string(),
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure {
            code: if e.kind() == std::io::ErrorKind::BrokenPipe {
                OK
            } else {
                USAGE
            },
            message: if e.kind() == std::io::ErrorKind::BrokenPipe {
                String::new()
            } else {
                e.to_string()
            },
        }
    }
}

/// The outcome of a command that may partly fail.
pub enum Outcome {
    /// Everything worked.
    Done,
    /// Some documents failed; they were reported on stderr.
    SomeFailed,
}

/// Exit code after SIGINT or SIGTERM (128 + SIGINT, as shells report it).
const INTERRUPTED: i32 = 130;

/// `kernsatz completions SHELL`: the completion script on stdout.
fn completions(shell: clap_complete::Shell) -> Result<Outcome, Failure> {
    let mut cmd = <Cli as clap::CommandFactory>::command();
    let mut out = std::io::stdout().lock();
    clap_complete::generate(shell, &mut cmd, "kernsatz", &mut out);
    Ok(Outcome::Done)
}

/// `kernsatz man [COMMAND]`: the manual page (roff) of kernsatz or of one command on stdout.
fn man(command: Option<&str>) -> Result<Outcome, Failure> {
    let mut cmd = <Cli as clap::CommandFactory>::command();
    cmd.build();
    let page = match command {
        None => cmd,
        Some(name) => {
            let sub = cmd.find_subcommand(name).cloned().ok_or_else(|| {
                let names: Vec<&str> = cmd.get_subcommands().map(|c| c.get_name()).collect();
                Failure::usage(format!(
                    "no command '{name}' (one of: {})",
                    names.join(", ")
                ))
            })?;
            sub.name(format!("kernsatz-{name}"))
                .version(env!("CARGO_PKG_VERSION"))
        }
    };
    let mut out = std::io::stdout().lock();
    clap_mangen::Man::new(page).render(&mut out)?;
    Ok(Outcome::Done)
}

/// `kernsatz --version`: the version, and the packages the embedded data was generated from
/// (for bug reports); `-V` prints the version alone.
fn long_version() -> String {
    let sources: Vec<String> = kernsatz::lexicon::data_sources()
        .iter()
        .map(ToString::to_string)
        .collect();
    format!(
        "{}\ndata: {}",
        env!("CARGO_PKG_VERSION"),
        sources.join(", ")
    )
}

/// The command line, parsed by clap (which prints help, version and usage errors itself).
fn parse_args() -> Cli {
    let long_version: &'static str = Box::leak(long_version().into_boxed_str());
    let matches = Cli::command().long_version(long_version).get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|err| err.exit())
}

/// Parse arguments, run the command, map the outcome to an exit code.
pub fn run() -> ExitCode {
    let cli = parse_args();
    // Interrupted (Ctrl-C, SIGTERM): remove the temporary files of outputs not yet complete,
    // so that neither they nor half-written outputs are left; finished outputs stay.
    let _ = ctrlc::set_handler(|| {
        let _removed = kernsatz::output::remove_temporary_files();
        std::process::exit(INTERRUPTED);
    });
    let result = match cli.command {
        Command::Summarize(a) => summarize::run(a),
        Command::Segment(a) => segment::run(a),
        Command::Extract(a) => extract::run(a),
        Command::Vocab(a) => vocab::run(a),
        Command::Cloze(a) => cloze::run(a),
        Command::Quiz(a) => quiz::run(a),
        Command::Deck(a) => deck::run(a),
        Command::Study(a) => study::run(a),
        Command::Idf(IdfCommand::Build(a)) => idf::build(a),
        Command::Idf(IdfCommand::Count(a)) => idf::count_command(a),
        Command::Idf(IdfCommand::Merge(a)) => idf::merge(a),
        Command::Completions(a) => completions(a.shell),
        Command::Man(a) => man(a.command.as_deref()),
    };
    match result {
        Ok(Outcome::Done) => ExitCode::from(OK),
        Ok(Outcome::SomeFailed) => ExitCode::from(SOME_FAILED),
        Err(f) => {
            if !f.message.is_empty() {
                eprintln!("kernsatz: {}", f.message);
            }
            ExitCode::from(f.code)
        }
    }
}
