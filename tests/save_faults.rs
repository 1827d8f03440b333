//! Saving a report where it cannot be saved: a full disk and a read-only folder (real mounts
//! in a private mount namespace: a 64 KiB tmpfs filled to the last byte, and a read-only bind
//! mount). Each save ends with exit 2 and a message that names the cause, and the earlier
//! report in that place is still whole, with no temporary file left beside it.
//! Needs root and `unshare` (CI runs as root); skips with a message otherwise.

mod common;
use common::*;
use std::process::Command;

/// Runs `script` in a new mount namespace (mounts vanish with it) with BIN set to the binary;
/// returns its stdout.
fn in_mount_namespace(script: &str) -> Option<String> {
    if unsafe { libc::geteuid() } != 0 {
        common::skip::skip("mounting needs root");
        return None;
    }
    let mut c = Command::new("unshare");
    c.args(["-m", "sh", "-c", script]).env("BIN", BIN);
    clean_env(&mut c);
    let o = c.output().expect("unshare runs");
    assert!(
        o.status.success(),
        "{}\n{}",
        stdout(&o),
        String::from_utf8_lossy(&o.stderr)
    );
    Some(stdout(&o))
}

/// Saves a first report into `$D`, makes `$D` unwritable with `break_it`, saves again and
/// prints: the exit code, the message, what is in `$D`, and whether the first report is intact.
fn second_save_after(break_it: &str) -> Option<String> {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path().join("reports");
    std::fs::create_dir(&d).expect("mkdir");
    let script = format!(
        r#"set -u
D='{d}'
mount -t tmpfs -o size=64k tmpfs "$D"
"$BIN" check --no-network --only system.time_of_day --out "$D/report.json" 2>/dev/null
cp "$D/report.json" "$D/../first.json"
{break_it}
"$BIN" check --no-network --only system.time_of_day,network.proxy --out "$D/report.json" 2>"$D/../err.txt"
echo "exit=$?"
echo "message=$(cat "$D/../err.txt")"
echo "files=$(ls -A "$D" | tr '\n' ' ')"
cmp -s "$D/report.json" "$D/../first.json" && echo "first=intact"
"$BIN" report "$D/report.json" --format json >/dev/null 2>&1 && echo "first=valid"
true"#,
        d = d.display()
    );
    in_mount_namespace(&script)
}

/// The second save failed with exit 2 and a message naming `cause`; the first report is
/// byte-identical and still valid; the folder holds exactly `files` (no temporary file).
fn assert_refused_and_kept(out: &str, cause: &str, files: &str) {
    assert!(out.contains("exit=2"), "{out}");
    assert!(out.contains("无法保存报告") && out.contains(cause), "{out}");
    assert!(
        out.contains("first=intact") && out.contains("first=valid"),
        "{out}"
    );
    let listed = out
        .lines()
        .find_map(|l| l.strip_prefix("files="))
        .unwrap_or_default();
    assert_eq!(listed.trim(), files, "{out}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_keeps_the_earlier_report() {
    // Fill the disk to the last byte (dd stops with "no space left").
    let Some(out) = second_save_after(r#"dd if=/dev/zero of="$D/filler" bs=1k 2>/dev/null"#) else {
        return;
    };
    assert_refused_and_kept(&out, "磁盘空间已满", "filler report.json");
}

#[cfg(target_os = "linux")]
#[test]
fn a_read_only_folder_keeps_the_earlier_report() {
    let Some(out) = second_save_after(r#"mount -o remount,ro "$D""#) else {
        return;
    };
    assert_refused_and_kept(&out, "只读", "report.json");
}
