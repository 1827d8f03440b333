//! Helpers shared by the integration tests: run the real `selfcheck` binary.

#![allow(dead_code)]

pub mod http;
pub mod netns;
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
    c.env("LANG", "zh_CN.UTF-8")
}

pub fn run(args: &[&str]) -> Output {
    selfcheck().args(args).output().expect("binary runs")
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
