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
/// (Windows asks the system instead: `known_folder`.)
#[cfg_attr(windows, allow(dead_code))]
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

/// The user's folder of this kind, if it exists: where the system says it is first (Windows:
/// the known folder, which follows OneDrive's folder backup and a Documents folder moved to
/// D:; Linux: the desktop's own name for it), then the English default under home.
fn user_dir(home: &Path, xdg: &str, default: &str) -> Option<PathBuf> {
    #[cfg(windows)]
    let configured = known_folder(xdg);
    #[cfg(not(windows))]
    let configured = std::fs::read_to_string(home.join(".config/user-dirs.dirs"))
        .ok()
        .and_then(|t| xdg_user_dir(&t, xdg, home));
    configured
        .into_iter()
        .chain(std::iter::once(home.join(default)))
        .find(|p| p.is_dir())
}

/// Windows' known folder for "DESKTOP", "DOCUMENTS" or "DOWNLOAD" (`SHGetKnownFolderPath`).
#[cfg(windows)]
pub fn known_folder(kind: &str) -> Option<PathBuf> {
    use windows_sys::Win32::System::Com::CoTaskMemFree;
    use windows_sys::Win32::UI::Shell::{
        FOLDERID_Desktop, FOLDERID_Documents, FOLDERID_Downloads, SHGetKnownFolderPath,
    };
    let id = match kind {
        "DESKTOP" => FOLDERID_Desktop,
        "DOCUMENTS" => FOLDERID_Documents,
        "DOWNLOAD" => FOLDERID_Downloads,
        _ => return None,
    };
    let mut raw: windows_sys::core::PWSTR = std::ptr::null_mut();
    // SAFETY: `id` is a valid folder id; no token (this user); the answer is a string the
    // system allocated, read up to its NUL and then freed with CoTaskMemFree as documented
    // (also when the call failed, where it is null or must still be freed).
    let path = unsafe {
        let hr = SHGetKnownFolderPath(&id, 0, std::ptr::null_mut(), &mut raw);
        let path = (hr >= 0 && !raw.is_null()).then(|| {
            let len = (0..).take_while(|&i| *raw.add(i) != 0).count();
            String::from_utf16_lossy(std::slice::from_raw_parts(raw, len))
        });
        CoTaskMemFree(raw.cast());
        path
    };
    path.filter(|p| !p.is_empty()).map(PathBuf::from)
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

    /// Under Wine (the Windows unit tests of CI) or on Windows: a Desktop moved elsewhere, as
    /// OneDrive's folder backup moves it, is where the known folder points — not
    /// %USERPROFILE%\Desktop.
    #[cfg(windows)]
    #[test]
    fn a_moved_desktop_is_found_where_windows_says() {
        use winreg::RegKey;
        use winreg::enums::HKEY_CURRENT_USER;
        let dir = tempfile::tempdir().expect("tmp");
        let moved = dir.path().join("OneDrive").join("桌面");
        std::fs::create_dir_all(&moved).expect("mkdir");
        let key = r"Software\Microsoft\Windows\CurrentVersion\Explorer\User Shell Folders";
        let (shell, _) = RegKey::predef(HKEY_CURRENT_USER)
            .create_subkey(key)
            .expect("User Shell Folders");
        let before: Option<String> = shell.get_value("Desktop").ok();
        shell
            .set_value("Desktop", &moved.display().to_string())
            .expect("set");
        let found = known_folder("DESKTOP");
        match before {
            Some(v) => shell.set_value("Desktop", &v).expect("restore"),
            None => shell.delete_value("Desktop").expect("restore"),
        }
        assert_eq!(found, Some(moved));
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
