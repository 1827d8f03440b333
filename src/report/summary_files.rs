//! Gathers the reports to summarise: files given by name, and every `.json` file under the
//! folders given (sub-folders too). Each file is either a usable report or refused with the
//! reason — unreadable, not a report, or edited after it was made.

use super::Report;
use super::summary::Refused;
use crate::i18n::Tr;
use std::path::{Path, PathBuf};

/// Reports larger than this are not reports the app wrote.
const MAX_BYTES: u64 = 16 << 20;
/// How deep folders are searched.
const MAX_DEPTH: usize = 8;

/// The files `paths` name: files as given, folders searched for `.json` files, in name order.
/// A path that does not exist is refused.
pub fn collect(paths: &[PathBuf], tr: &Tr) -> (Vec<PathBuf>, Vec<Refused>) {
    let mut files = Vec::new();
    let mut refused = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, 0, &mut files, &mut refused, tr);
        } else if p.exists() {
            files.push(p.clone());
        } else {
            refused.push(Refused {
                file: p.display().to_string(),
                reason: tr.t("summary-refused-missing"),
            });
        }
    }
    (files, refused)
}

fn walk(dir: &Path, depth: usize, files: &mut Vec<PathBuf>, refused: &mut Vec<Refused>, tr: &Tr) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            refused.push(Refused {
                file: dir.display().to_string(),
                reason: tr.f("summary-refused-unreadable", &[("reason", e.to_string())]),
            });
            return;
        }
    };
    let mut here: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    here.sort();
    for p in here {
        if p.is_dir() {
            if depth < MAX_DEPTH {
                walk(&p, depth + 1, files, refused, tr);
            }
        } else if p
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        {
            files.push(p);
        }
    }
}

/// Reads and validates one file: the report, or why it is refused.
pub fn read(path: &Path, tr: &Tr) -> Result<Report, String> {
    let too_big = std::fs::metadata(path).is_ok_and(|m| m.len() > MAX_BYTES);
    if too_big {
        return Err(tr.t("summary-refused-too-big"));
    }
    let text = std::fs::read_to_string(path)
        .map_err(|e| tr.f("summary-refused-unreadable", &[("reason", e.to_string())]))?;
    let report = Report::from_json(&text)
        .map_err(|e| tr.f("summary-refused-invalid", &[("reason", e.to_string())]))?;
    if !report.id_matches() {
        return Err(tr.t("summary-refused-edited"));
    }
    Ok(report)
}

/// Every usable report under `paths`, and every refused file with its reason.
pub fn load(paths: &[PathBuf], tr: &Tr) -> (Vec<(String, Report)>, Vec<Refused>) {
    let (files, mut refused) = collect(paths, tr);
    let mut reports = Vec::with_capacity(files.len());
    for f in files {
        let name = f.display().to_string();
        match read(&f, tr) {
            Ok(r) => reports.push((name, r)),
            Err(reason) => refused.push(Refused { file: name, reason }),
        }
    }
    (reports, refused)
}
