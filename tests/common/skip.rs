//! The one way a test says it cannot run here. On a developer's machine it prints why and
//! records the skip (scripts/test.sh counts them at the end); in CI (`CI=true`, set by .ci/run)
//! a skip is a failure naming what is missing: a skipped test is not a passed test.

use std::io::Write;

/// True when running under CI (`CI` set to anything but empty, `0` or `false`).
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "0" && v != "false")
}

/// Skips the calling test with `why`, or fails it in CI. The caller returns right after.
#[track_caller]
pub fn skip(why: &str) {
    let at = std::panic::Location::caller();
    assert!(!in_ci(), "CI must run this test ({at}), but: {why}");
    eprintln!("SKIP ({at}): {why}");
    if let Some(log) = std::env::var_os("SELFCHECK_SKIP_LOG") {
        let line = format!("{at}: {why}\n");
        // A skip log that cannot be written loses the count, so say so where the skip is seen.
        let written = std::fs::OpenOptions::new()
            .append(true)
            .create(true)
            .open(&log)
            .and_then(|mut f| f.write_all(line.as_bytes()));
        if let Err(e) = written {
            eprintln!(
                "could not record the skip in {}: {e}",
                log.to_string_lossy()
            );
        }
    }
}
