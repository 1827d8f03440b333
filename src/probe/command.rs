//! Runs a helper program (a browser's `--version`, `xdg-settings`, `scutil`) with a time bound,
//! so a hung or slow program can never hang a check.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    #[error("cannot start {program}: {source}")]
    Spawn {
        program: String,
        source: std::io::Error,
    },
    #[error("{program} did not finish within {seconds} s")]
    Timeout { program: String, seconds: u64 },
    #[error("{program} failed while waiting: {source}")]
    Wait {
        program: String,
        source: std::io::Error,
    },
}

/// What a finished helper printed.
#[derive(Debug, Clone)]
pub struct CommandOutput {
    pub success: bool,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `program args…` with stdin closed; kills it after `timeout`.
pub fn run(program: &str, args: &[&str], timeout: Duration) -> Result<CommandOutput, CommandError> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|source| CommandError::Spawn {
            program: program.to_string(),
            source,
        })?;
    let out_reader = child.stdout.take().map(spawn_reader);
    let err_reader = child.stderr.take().map(spawn_reader);
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() >= timeout => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(CommandError::Timeout {
                    program: program.to_string(),
                    seconds: timeout.as_secs().max(1),
                });
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(15)),
            Err(source) => {
                let _ = child.kill();
                return Err(CommandError::Wait {
                    program: program.to_string(),
                    source,
                });
            }
        }
    };
    let join = |h: Option<std::thread::JoinHandle<String>>| {
        h.and_then(|h| h.join().ok()).unwrap_or_default()
    };
    Ok(CommandOutput {
        success: status.success(),
        stdout: join(out_reader),
        stderr: join(err_reader),
    })
}

/// Reads a pipe to the end on its own thread (at most 1 MiB is kept).
fn spawn_reader<R: Read + Send + 'static>(mut pipe: R) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let mut chunk = [0u8; 8192];
        loop {
            match pipe.read(&mut chunk) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    if buf.len() < (1 << 20) {
                        buf.extend_from_slice(&chunk[..n]);
                    }
                }
            }
        }
        String::from_utf8_lossy(&buf).into_owned()
    })
}

/// Finds `name` on PATH (like `which`).
pub fn which(name: &str) -> Option<std::path::PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn captures_output_and_bounds_time() {
        let out = run(
            "sh",
            &["-c", "echo hi; echo err >&2"],
            Duration::from_secs(5),
        )
        .expect("sh runs");
        assert!(out.success);
        assert_eq!(out.stdout.trim(), "hi");
        assert_eq!(out.stderr.trim(), "err");
        let start = Instant::now();
        let err = run("sleep", &["30"], Duration::from_millis(300)).expect_err("times out");
        assert!(matches!(err, CommandError::Timeout { .. }));
        assert!(start.elapsed() < Duration::from_secs(5));
        assert!(matches!(
            run("/nonexistent/prog", &[], Duration::from_secs(1)),
            Err(CommandError::Spawn { .. })
        ));
    }
}
