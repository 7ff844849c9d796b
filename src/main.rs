//! The `patdex` binary: everything lives in the library; this only maps the outcome to an exit
//! code (0 found / done, 1 nothing found, 2 error).

fn main() -> std::process::ExitCode {
    patdex::cli::main()
}
