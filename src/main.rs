//! `selfcheck`: opens the app, or runs `check` / `report` from a terminal.
// On Windows a double-click must not open a console window; `selfcheck.exe check` typed in a
// console attaches to it instead (see `attach_console`).
#![cfg_attr(windows, windows_subsystem = "windows")]

fn main() {
    selfcheck::memory::keep_freed_memory();
    #[cfg(windows)]
    attach_console();
    // rustls needs one crypto provider for the whole process (ring: builds for every target).
    let _ = rustls::crypto::ring::default_provider().install_default();
    std::process::exit(selfcheck::cli::main());
}

/// With arguments (a subcommand typed in a console), print into the console that started us.
#[cfg(windows)]
fn attach_console() {
    use windows_sys::Win32::System::Console::{ATTACH_PARENT_PROCESS, AttachConsole};
    if std::env::args_os().len() > 1 {
        // SAFETY: plain Win32 call; failure (no parent console, or output already redirected)
        // leaves the inherited handles as they are.
        unsafe {
            AttachConsole(ATTACH_PARENT_PROCESS);
        }
    }
}
