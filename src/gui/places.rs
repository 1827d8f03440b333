//! Where a seller may want to save a report: their Documents, Desktop and Downloads folders
//! (as the desktop names them — on a Chinese Linux desktop they are ~/文档, ~/桌面, ~/下载,
//! read from `~/.config/user-dirs.dirs`), the home folder, and on Windows each drive; and
//! the subfolders of a folder, for the save dialog. All of it is file-system I/O: call it
//! from a job, not from drawing.

use std::path::{Path, PathBuf};

/// A shortcut in the save dialog.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Translation key of its name, or None for a drive (shown as its path).
    pub key: Option<&'static str>,
    pub path: PathBuf,
}

fn home() -> Option<PathBuf> {
    std::env::var_os(if cfg!(windows) { "USERPROFILE" } else { "HOME" })
        .or_else(|| std::env::var_os("HOME"))
        .map(PathBuf::from)
}

/// `XDG_<NAME>_DIR` from a user-dirs.dirs text (`"$HOME/文档"` or an absolute path).
pub fn xdg_user_dir(text: &str, name: &str, home: &Path) -> Option<PathBuf> {
    let key = format!("XDG_{name}_DIR=");
    let line = text.lines().map(str::trim).find(|l| l.starts_with(&key))?;
    let value = line[key.len()..].trim().trim_matches('"');
    let path = if let Some(rest) = value.strip_prefix("$HOME") {
        home.join(rest.trim_start_matches('/'))
    } else if value.starts_with('/') {
        PathBuf::from(value)
    } else {
        return None;
    };
    // "$HOME/" alone means the desktop turned the folder off.
    (path != home).then_some(path)
}

/// The user's folder of this kind, if it exists: the desktop's own name for it first, then
/// the English default.
fn user_dir(home: &Path, xdg: &str, default: &str) -> Option<PathBuf> {
    let configured = std::fs::read_to_string(home.join(".config/user-dirs.dirs"))
        .ok()
        .and_then(|t| xdg_user_dir(&t, xdg, home));
    configured
        .into_iter()
        .chain(std::iter::once(home.join(default)))
        .find(|p| p.is_dir())
}

/// The shortcuts that exist on this computer, the Desktop first (where a seller finds a saved
/// report again most easily), then Documents and Downloads.
pub fn places() -> Vec<Place> {
    let mut out = Vec::new();
    if let Some(h) = home() {
        for (key, xdg, default) in [
            ("place-desktop", "DESKTOP", "Desktop"),
            ("place-documents", "DOCUMENTS", "Documents"),
            ("place-downloads", "DOWNLOAD", "Downloads"),
        ] {
            if let Some(path) = user_dir(&h, xdg, default) {
                out.push(Place {
                    key: Some(key),
                    path,
                });
            }
        }
        if h.is_dir() {
            out.push(Place {
                key: Some("place-home"),
                path: h,
            });
        }
    }
    if cfg!(windows) {
        // C: to Z: (A: and B: are floppy drives, which can take seconds to answer).
        for letter in b'C'..=b'Z' {
            let root = PathBuf::from(format!("{}:\\", letter as char));
            if root.is_dir() {
                out.push(Place {
                    key: None,
                    path: root,
                });
            }
        }
    }
    out
}

/// Where reports go unless the seller chooses: the Desktop, else Documents, else home, else the
/// current folder.
pub fn default_folder() -> PathBuf {
    places()
        .into_iter()
        .next()
        .map(|p| p.path)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// The names of the folders inside `folder`, sorted, hidden ones (".name") left out.
pub fn subfolders(folder: &Path) -> std::io::Result<Vec<String>> {
    let mut names: Vec<String> = std::fs::read_dir(folder)?
        .flatten()
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort_by_key(|n| n.to_lowercase());
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// As xdg-user-dirs-update writes it on a Chinese desktop.
    const ZH: &str = "# This file is written by xdg-user-dirs-update\n\
        XDG_DESKTOP_DIR=\"$HOME/桌面\"\n\
        XDG_DOWNLOAD_DIR=\"$HOME/下载\"\n\
        XDG_TEMPLATES_DIR=\"$HOME/\"\n\
        XDG_DOCUMENTS_DIR=\"$HOME/文档\"\n";

    #[test]
    fn user_dirs_as_a_chinese_desktop_names_them() {
        let home = Path::new("/home/seller");
        assert_eq!(
            xdg_user_dir(ZH, "DOCUMENTS", home),
            Some(PathBuf::from("/home/seller/文档"))
        );
        assert_eq!(
            xdg_user_dir(ZH, "DOWNLOAD", home),
            Some(PathBuf::from("/home/seller/下载"))
        );
        assert_eq!(xdg_user_dir(ZH, "TEMPLATES", home), None, "turned off");
        assert_eq!(xdg_user_dir(ZH, "MUSIC", home), None, "absent");
        let abs = "XDG_DOCUMENTS_DIR=\"/data/docs\"";
        assert_eq!(
            xdg_user_dir(abs, "DOCUMENTS", home),
            Some(PathBuf::from("/data/docs"))
        );
    }

    #[test]
    fn subfolders_sorted_without_hidden_or_files() {
        let dir = tempfile::tempdir().expect("tmp");
        for d in ["b", "A", ".cache", "c"] {
            std::fs::create_dir(dir.path().join(d)).expect("mkdir");
        }
        std::fs::write(dir.path().join("file.txt"), "x").expect("write");
        assert_eq!(
            subfolders(dir.path()).expect("list"),
            vec!["A".to_string(), "b".into(), "c".into()]
        );
        assert!(subfolders(&dir.path().join("missing")).is_err());
    }
}
