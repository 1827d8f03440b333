//! Atomic save: write a temp file beside the target, flush it to disk, then rename over the
//! target. A failure leaves the old file (if any) untouched and no partial file behind.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn temp_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let tmp = format!(".{name}.tmp-{}-{n}", std::process::id());
    target.with_file_name(tmp)
}

/// Writes `bytes` to `target` atomically; a failure also goes to the app's log.
pub fn save_atomic(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let saved = write_atomic(target, bytes);
    if let Err(e) = &saved {
        crate::app_log::note("save", &format!("{}: {e}", target.display()));
    }
    saved
}

fn write_atomic(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if target.file_name().is_none() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a file path",
        ));
    }
    if target.is_dir() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "is a folder",
        ));
    }
    let tmp = temp_path(target);
    let result = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, target)
    })();
    if result.is_err() {
        // The temporary file may not exist (the failure came first); nothing else to do.
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Why a save failed, in the seller's language: the common causes by name (the disk is full,
/// the folder is read-only, …) followed by the system's own words for support.
pub fn reason(e: &std::io::Error, tr: &crate::i18n::Tr) -> String {
    use std::io::ErrorKind as K;
    let key = match e.kind() {
        K::StorageFull | K::QuotaExceeded => "save-reason-full",
        K::ReadOnlyFilesystem => "save-reason-read-only",
        K::PermissionDenied => "save-reason-denied",
        K::NotFound => "save-reason-missing",
        K::IsADirectory => "save-reason-is-folder",
        K::NotADirectory => "save-reason-missing",
        _ => return e.to_string(),
    };
    tr.f(
        "save-reason-with-detail",
        &[("cause", tr.t(key)), ("detail", e.to_string())],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_and_leaves_no_temp() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join("r.json");
        save_atomic(&p, b"first").expect("save");
        save_atomic(&p, b"second").expect("save");
        assert_eq!(std::fs::read(&p).expect("read"), b"second");
        let names: Vec<_> = std::fs::read_dir(dir.path()).expect("ls").collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn reasons_name_the_cause() {
        let tr = crate::i18n::Tr::new(crate::i18n::Lang::ZhCn);
        let full = std::io::Error::from(std::io::ErrorKind::StorageFull);
        assert!(
            reason(&full, &tr).starts_with("磁盘空间已满"),
            "{}",
            reason(&full, &tr)
        );
        let ro = std::io::Error::from(std::io::ErrorKind::ReadOnlyFilesystem);
        assert!(reason(&ro, &tr).contains("只读"));
        let odd = std::io::Error::other("odd");
        assert_eq!(reason(&odd, &tr), "odd");
    }

    #[test]
    fn missing_folder_fails_cleanly() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join("no/such/dir/r.json");
        assert!(save_atomic(&p, b"x").is_err());
        assert!(save_atomic(dir.path(), b"x").is_err());
    }
}
