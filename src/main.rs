//! `selfcheck`: opens the app, or runs `check` / `report` from a terminal.

fn main() {
    // rustls needs one crypto provider for the whole process (ring: builds for every target).
    let _ = rustls::crypto::ring::default_provider().install_default();
    std::process::exit(selfcheck::cli::main());
}
