//! A real process named like a remote-control tool makes `system.remote_desktop` fail and
//! name it; after it stops, the check passes again.

mod common;
use common::*;
use std::process::{Command, Stdio};

/// Starts a copy of `sleep` under `name` (as a renamed or versioned build would run).
#[cfg(target_os = "linux")]
fn spawn_named(dir: &std::path::Path, name: &str) -> std::process::Child {
    let fake = dir.join(name);
    std::fs::copy("/bin/sleep", &fake).expect("copy sleep");
    // Another test thread forking while the copy was open for writing makes exec fail with
    // "text file busy" for a moment; try again briefly.
    (0..50)
        .find_map(
            |_| match Command::new(&fake).arg("30").stdout(Stdio::null()).spawn() {
                Ok(c) => Some(c),
                Err(_) => {
                    std::thread::sleep(std::time::Duration::from_millis(50));
                    None
                }
            },
        )
        .expect("spawn the named process")
}

#[cfg(target_os = "linux")]
#[test]
fn a_renamed_anydesk_build_is_found_under_its_tool_name() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut child = spawn_named(dir.path(), "AnyDesk-5f2c91");
    std::thread::sleep(std::time::Duration::from_millis(200));
    let o = run(&["check", "--json", "--only", "system.remote_desktop"]);
    let _ = child.kill();
    let _ = child.wait();
    let r = json(&o);
    let rd = check(&r, "system.remote_desktop");
    assert_eq!(rd["status"], "fail", "{rd}");
    assert!(
        rd["measured"]["found"]
            .as_array()
            .expect("found")
            .iter()
            .any(|f| f == "AnyDesk"),
        "{rd}"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn running_x11vnc_named_process_is_found_then_gone() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut child = spawn_named(dir.path(), "x11vnc");
    std::thread::sleep(std::time::Duration::from_millis(200));

    let o = run(&["check", "--json", "--only", "system.remote_desktop"]);
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let r = json(&o);
    let rd = check(&r, "system.remote_desktop");
    assert_eq!(rd["status"], "fail");
    assert!(
        rd["measured"]["found"]
            .as_array()
            .expect("found")
            .iter()
            .any(|f| f == "x11vnc"),
        "{rd}"
    );

    let o = run(&["check", "--json", "--only", "system.remote_desktop"]);
    let r = json(&o);
    let found = check(&r, "system.remote_desktop")["measured"]["found"].clone();
    assert!(
        !found
            .as_array()
            .expect("found")
            .iter()
            .any(|f| f == "x11vnc"),
        "{found}"
    );
}

#[test]
fn ssh_session_marker_is_a_remote_session() {
    let o = selfcheck()
        .args(["check", "--json", "--only", "system.remote_desktop"])
        .env("SSH_CONNECTION", "100.64.0.2 50000 100.64.0.1 22")
        .output()
        .expect("runs");
    let r = json(&o);
    let rd = check(&r, "system.remote_desktop");
    assert_eq!(rd["status"], "fail");
    assert!(
        rd["measured"]["found"]
            .as_array()
            .expect("found")
            .iter()
            .any(|f| f == "session:SSH_CONNECTION")
    );
}
