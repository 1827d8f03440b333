//! The app's log: what went wrong, for support — a seller can open its folder from the report
//! screen and send the file. One file in the app's data folder (Windows
//! `%APPDATA%\seller-selfcheck\logs`, removed with the settings; macOS
//! `~/Library/Logs/seller-selfcheck`; elsewhere `$XDG_STATE_HOME/seller-selfcheck` or
//! `~/.local/state/seller-selfcheck`), `SELFCHECK_LOG_FILE` to put it elsewhere. At most
//! `MAX_BYTES`; the previous file is kept as `selfcheck.log.1`. No personal data: the home
//! folder is written `~` (it holds the user name), and callers log causes, not content.
//!
//! Writing the log is the last place an error can go: when the log itself cannot be written
//! there is nowhere left to report that, so it is left at that.

use std::io::Write;
use std::path::{Path, PathBuf};

pub const LOG_ENV: &str = "SELFCHECK_LOG_FILE";
/// A log past this size is moved to `.1` (replacing the older one) before the next line.
const MAX_BYTES: u64 = 512 * 1024;

/// Where the log is (whether or not it exists yet).
pub fn path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(LOG_ENV) {
        return Some(PathBuf::from(p));
    }
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let folder = if cfg!(windows) {
        env("APPDATA")?.join("seller-selfcheck").join("logs")
    } else if cfg!(target_os = "macos") {
        env("HOME")?.join("Library/Logs/seller-selfcheck")
    } else {
        env("XDG_STATE_HOME")
            .or_else(|| env("HOME").map(|h| h.join(".local/state")))?
            .join("seller-selfcheck")
    };
    Some(folder.join("selfcheck.log"))
}

/// Adds one line: the time, what part of the app (`camera`, `save`, `window`…), the cause.
/// (The library's own unit tests provoke failures on purpose and leave the user's log alone.)
pub fn note(part: &str, cause: &str) {
    if cfg!(test) {
        return;
    }
    if let Some(p) = path() {
        write_line(&p, part, cause);
    }
}

fn write_line(path: &Path, part: &str, cause: &str) {
    if let Some(dir) = path.parent()
        && std::fs::create_dir_all(dir).is_err()
    {
        return;
    }
    if std::fs::metadata(path).is_ok_and(|m| m.len() > MAX_BYTES) {
        let mut older = path.as_os_str().to_owned();
        older.push(".1");
        if std::fs::rename(path, PathBuf::from(older)).is_err() {
            return;
        }
    }
    let line = format!(
        "{} [{part}] {}\n",
        chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        scrub(&cause.replace(['\n', '\r'], " ")),
    );
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    {
        // Nowhere left to report a log that cannot be written (see the module's note).
        let _ = f.write_all(line.as_bytes());
    }
}

/// The home folder (which names the user) written as `~`.
fn scrub(text: &str) -> String {
    let home = ["USERPROFILE", "HOME"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|h| h.len() > 1);
    scrub_home(text, home.as_deref())
}

fn scrub_home(text: &str, home: Option<&str>) -> String {
    match home {
        Some(h) => text.replace(h, "~"),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_append_and_a_full_log_moves_aside() {
        let dir = tempfile::tempdir().expect("tmp");
        let log = dir.path().join("logs/selfcheck.log");
        write_line(&log, "camera", "device busy\nsecond line");
        write_line(&log, "save", "disk full");
        let text = std::fs::read_to_string(&log).expect("log");
        assert_eq!(text.lines().count(), 2, "{text}");
        assert!(text.contains("[camera] device busy second line"), "{text}");
        std::fs::write(&log, vec![b'x'; MAX_BYTES as usize + 1]).expect("fill");
        write_line(&log, "window", "no renderer");
        let moved = dir.path().join("logs/selfcheck.log.1");
        assert!(moved.is_file());
        let text = std::fs::read_to_string(&log).expect("log");
        assert_eq!(text.lines().count(), 1, "{text}");
    }

    #[test]
    fn the_home_folder_is_not_written() {
        let s = scrub_home(
            r"cannot save C:\Users\张伟\Desktop\report.html",
            Some(r"C:\Users\张伟"),
        );
        assert_eq!(s, r"cannot save ~\Desktop\report.html");
        assert_eq!(scrub_home("no home", None), "no home");
    }
}
