//! Real browsers from Debian's packages: the versions `browser.version` reports match what
//! each browser's own `--version` prints.

mod common;
use common::*;
use std::process::Command;

fn own_version(program: &str) -> Option<String> {
    let o = Command::new(program).arg("--version").output().ok()?;
    let text = String::from_utf8_lossy(&o.stdout).into_owned();
    text.split_whitespace()
        .find(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()) && w.contains('.'))
        .map(str::to_string)
}

#[cfg(target_os = "linux")]
#[test]
fn installed_chromium_and_firefox_are_found_with_their_versions() {
    let o = run(&["check", "--json", "--only", "browser.version"]);
    let r = json(&o);
    let b = check(&r, "browser.version");
    let listed = b["measured"]["browsers"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let mut compared = 0;
    for (program, family) in [("chromium", "chromium"), ("firefox-esr", "firefox")] {
        let Some(version) = own_version(program) else {
            common::skip::skip(&format!("{program} not installed"));
            continue;
        };
        let found = listed
            .iter()
            .find(|x| x["family"] == family)
            .unwrap_or_else(|| panic!("{family} not listed: {b}"));
        assert_eq!(found["version"], version.as_str(), "{b}");
        assert_eq!(found["supported"], true);
        compared += 1;
    }
    if compared > 0 {
        assert_eq!(
            b["status"].as_str().map(|s| s == "pass" || s == "warn"),
            Some(true),
            "{b}"
        );
        let firefoxes = listed.iter().filter(|x| x["family"] == "firefox").count();
        assert!(firefoxes <= 1, "one Firefox install is listed once: {b}");
    }
}
