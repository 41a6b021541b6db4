//! The `kernsatz` command: argument parsing, I/O and exit codes. All the work is in the library.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
