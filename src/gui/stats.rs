//! A diagnostic for support and the budget benchmark: with `SELFCHECK_STATS_FILE=PATH` set,
//! the app appends one line a second while it draws — the step, how many camera pictures the
//! preview showed in the last second, and the process's resident memory. Nothing else is
//! written and nothing is written without the variable.

use super::steps::Step;
use super::steps::camera::CameraStep;
use std::io::Write;
use std::time::Instant;

pub struct StatsFile {
    path: Option<std::path::PathBuf>,
    last: Option<Instant>,
    start: Instant,
}

impl StatsFile {
    pub fn from_env() -> StatsFile {
        StatsFile {
            path: std::env::var_os("SELFCHECK_STATS_FILE").map(Into::into),
            last: None,
            start: Instant::now(),
        }
    }

    pub fn write(&mut self, step: Step, camera: &CameraStep) {
        let Some(path) = &self.path else { return };
        if self.last.is_some_and(|t| t.elapsed().as_secs_f64() < 1.0) {
            return;
        }
        self.last = Some(Instant::now());
        let line = format!(
            "t_s={:.1} step={step:?} preview_fps={} rss_kb={}\n",
            self.start.elapsed().as_secs_f64(),
            camera.preview_fps(),
            rss_kb()
                .map(|k| k.to_string())
                .unwrap_or_else(|| "-".into()),
        );
        if let Ok(mut f) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
        {
            let _ = f.write_all(line.as_bytes());
        }
    }
}

/// Resident memory of this process (Linux; None elsewhere).
fn rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}
