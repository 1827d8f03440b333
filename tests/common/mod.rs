//! Helpers shared by the integration tests: run the real `selfcheck` binary.

#![allow(dead_code)]

pub mod app_ui;
pub mod audio;
pub mod boxes;
pub mod heldout;
pub mod http;
pub mod netns;
pub mod skip;
pub mod smear;
pub mod talking_face;
pub mod tun;
pub mod wine;
pub mod x11;

use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_selfcheck");

/// A command for the binary with a clean, predictable environment: no proxy variables, no
/// remote-session markers, Chinese unless the test says otherwise.
pub fn selfcheck() -> Command {
    let mut c = Command::new(BIN);
    clean_env(&mut c);
    c
}

/// Removes proxy and remote-session variables and fixes the language, for any command.
pub fn clean_env(c: &mut Command) -> &mut Command {
    for (k, _) in std::env::vars() {
        let lower = k.to_ascii_lowercase();
        if lower.ends_with("_proxy") || k.starts_with("SSH_") || k.starts_with("XRDP_") {
            c.env_remove(&k);
        }
    }
    // Failures the tests provoke stay out of this machine's real log (a test that reads the
    // log sets its own file).
    c.env("SELFCHECK_LOG_FILE", "/dev/null");
    c.env("LANG", "zh_CN.UTF-8")
}

pub fn run(args: &[&str]) -> Output {
    selfcheck().args(args).output().expect("binary runs")
}

/// Memory a run on hostile input may use (address space, so threads' reservations count).
pub const HOSTILE_MEMORY: u64 = 2 << 30;
/// Time after which a run on hostile input counts as hung (a hang detector, not a speed goal).
pub const HOSTILE_HANG: std::time::Duration = std::time::Duration::from_secs(90);

/// Runs the binary on hostile input with its address space capped at HOSTILE_MEMORY (an
/// allocation beyond it aborts, which fails the caller's exit-code check) and kills it if it
/// runs past HOSTILE_HANG.
#[cfg(unix)]
pub fn run_bounded(args: &[&str]) -> Output {
    use std::os::unix::process::CommandExt;
    let mut c = selfcheck();
    c.args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    // SAFETY: setrlimit is async-signal-safe; nothing else runs between fork and exec.
    unsafe {
        c.pre_exec(|| {
            let lim = libc::rlimit {
                rlim_cur: HOSTILE_MEMORY,
                rlim_max: HOSTILE_MEMORY,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let child = c.spawn().expect("binary runs");
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        if rx.recv_timeout(HOSTILE_HANG).is_err() {
            // SAFETY: signals a child of ours that has not been waited for yet.
            unsafe { libc::kill(pid as i32, libc::SIGKILL) };
        }
    });
    let out = child.wait_with_output().expect("wait");
    let _ = tx.send(());
    assert!(
        out.status.code().is_some(),
        "killed (hung past {HOSTILE_HANG:?} or over {HOSTILE_MEMORY} bytes): {args:?} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(o)))
}

/// The check with `id` in a parsed report.
pub fn check<'a>(report: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    report["checks"]
        .as_array()
        .and_then(|a| a.iter().find(|c| c["id"] == id))
        .unwrap_or_else(|| panic!("no check {id} in {report}"))
}

/// Runs a command given as words; true when it succeeded.
pub fn sh(args: &[&str]) -> bool {
    Command::new(args[0])
        .args(&args[1..])
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}
