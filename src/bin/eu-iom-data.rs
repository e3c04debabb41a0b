//! Command-line entry of the data tool; all logic lives in `eu_iom_dashboard::cli`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match eu_iom_dashboard::cli::run(&args) {
        Ok(outcome) => {
            print!("{}", outcome.output);
            if outcome.success {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}
