//! The `kernsatz` command: argument parsing, I/O and exit codes. All the work is in the library.

mod cli;

/// mimalloc: the pipeline allocates many small per-sentence vectors; measured faster than the
/// system allocator on the corpus benchmark (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
