//! Names of the running processes (remote-control tools, VPN clients, virtual cameras).

use sysinfo::{ProcessRefreshKind, ProcessesToUpdate, RefreshKind, System};

/// The distinct names of all running processes this user can see.
pub fn running_names() -> Result<Vec<String>, super::error::ProbeError> {
    let mut sys = System::new_with_specifics(
        RefreshKind::nothing().with_processes(ProcessRefreshKind::nothing()),
    )
    .map_err(|e| super::error::ProbeError::system("process list", e))?;
    sys.refresh_processes(ProcessesToUpdate::All, true);
    let mut names: Vec<String> = sys
        .processes()
        .values()
        .map(|p| p.name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names.dedup();
    Ok(names)
}

/// Lower-case, without a trailing ".exe" or ".app": how names are compared.
pub fn normalize(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    lower
        .strip_suffix(".exe")
        .or_else(|| lower.strip_suffix(".app"))
        .unwrap_or(&lower)
        .to_string()
}

/// Whether a running (normalised) name is the wanted (normalised) program: the same name, a
/// versioned or renamed build of it ("anydesk-7a3f", "todesk_4.7.2", "radmin 3"), or — Linux
/// truncates process names to 15 bytes — the first 15 bytes of a longer name.
fn is_program(running: &str, wanted: &str) -> bool {
    if running == wanted {
        return true;
    }
    if running.len() == 15 && wanted.len() > 15 && wanted.starts_with(running) {
        return true;
    }
    running
        .strip_prefix(wanted)
        .and_then(|rest| rest.chars().next())
        .is_some_and(|c| matches!(c, '-' | '_' | ' ' | '.' | '(' | '0'..='9'))
}

/// The entries of `wanted` that match a running process (case-insensitive, `.exe` optional;
/// see `is_program` for versioned and truncated names).
pub fn find_matches(running: &[String], wanted: &[String]) -> Vec<String> {
    let running: Vec<String> = running.iter().map(|n| normalize(n)).collect();
    let mut found: Vec<String> = wanted
        .iter()
        .filter(|w| {
            let w = normalize(w);
            running.iter().any(|r| is_program(r, &w))
        })
        .cloned()
        .collect();
    found.dedup();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn versioned_and_renamed_builds_match_but_other_words_do_not() {
        let wanted = s(&["AnyDesk", "ToDesk", "Parsec", "clash"]);
        let running = s(&["AnyDesk-7a3f09.exe", "ToDesk_4.7.2.exe", "Parsec (2).exe"]);
        assert_eq!(
            find_matches(&running, &wanted),
            s(&["AnyDesk", "ToDesk", "Parsec"])
        );
        // Another program whose name merely begins the same way is not the tool.
        let others = s(&["AnyDeskTop.exe", "Parsecure.exe", "clashroyale.exe"]);
        assert!(find_matches(&others, &wanted).is_empty());
    }

    #[test]
    fn matching_ignores_case_and_exe() {
        let running = s(&["explorer.exe", "TODESK.EXE", "teamviewerd", "bash"]);
        let wanted = s(&["ToDesk", "TeamViewer", "teamviewerd", "AnyDesk"]);
        assert_eq!(
            find_matches(&running, &wanted),
            s(&["ToDesk", "teamviewerd"])
        );
        // A helper of the tool is the tool at work; a longer word is another program.
        assert_eq!(
            find_matches(&s(&["todesk_helper"]), &s(&["ToDesk"])),
            s(&["ToDesk"])
        );
        assert!(find_matches(&s(&["todesktop"]), &s(&["ToDesk"])).is_empty());
    }

    #[test]
    fn linux_truncated_names_match() {
        // /proc/PID/comm keeps 15 bytes: "gnome-remote-desktop-daemon" → "gnome-remote-de".
        let running = s(&["gnome-remote-de"]);
        let wanted = s(&["gnome-remote-desktop-daemon"]);
        assert_eq!(find_matches(&running, &wanted), wanted);
    }

    #[test]
    fn this_process_is_listed() {
        let names = running_names().expect("process list");
        assert!(!names.is_empty());
    }
}
