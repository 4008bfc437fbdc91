//! The `copydesk` binary: glue between the command line and the library. `cli` defines the
//! flags; each command runs in its own module under `commands`; this file starts the run and
//! turns its result into an exit code.

mod cli;
mod commands;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};

/// Exit codes; `--help` of each command lists them.
mod exit {
    pub const OK: u8 = 0;
    pub const ERROR: u8 = 1;
    pub const BAD_RECORDS: u8 = 3;
    pub const STRICT: u8 = 4;
    pub const INTERRUPTED: u8 = 130;
}

/// How many bad records and warnings are printed on stderr; `--rejects` has them all.
const SHOWN: usize = 20;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Ctrl-C: outputs already written stay whole; those being written are removed.
    let installed = ctrlc::set_handler(|| {
        let removed = copydesk::output::remove_unfinished();
        eprintln!(
            "copydesk: interrupted; {removed} unfinished output file(s) removed, nothing half-written left behind"
        );
        std::process::exit(exit::INTERRUPTED as i32);
    });
    if let Err(e) = installed {
        eprintln!("copydesk: warning: Ctrl-C will not clean up unfinished outputs: {e}");
    }
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        // The reader of our stdout went away (`copydesk compare ... | head`): it has what it
        // wanted, so stop quietly, as other Unix tools do.
        Err(e) if is_broken_pipe(&e) => ExitCode::from(exit::OK),
        Err(e) => {
            eprintln!("copydesk: error: {e:#}");
            ExitCode::from(exit::ERROR)
        }
    }
}

/// Whether `e` comes from writing to a pipe whose reader closed it.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Command::Dedup(args) => commands::dedup::run(args),
        Command::Compare(args) => commands::compare::run(args),
        Command::Report(args) => commands::report::run(args),
        Command::Explain(args) => commands::explain::run(args),
        Command::Bench(args) => commands::bench::run(args),
        Command::Gen(args) => commands::generate::run(args),
    }
}
