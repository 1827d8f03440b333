//! Which renderer draws the window, and the fallback when it cannot start. Windows and macOS
//! try wgpu first (Direct3D 12 with its software WARP device, Metal), Linux tries OpenGL (glow)
//! first; when one fails the app starts again with the other. winit cannot create a second
//! event loop in one process, so the retry runs the same program as a child process.

use std::ffi::OsString;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Renderer {
    Glow,
    Wgpu,
}

/// Set in the child so it never tries a third time.
pub const RETRY_ENV: &str = "SELFCHECK_RENDERER_RETRY";

/// Fault injection for the tests: the renderer named here panics as it starts (as wgpu and
/// some OpenGL drivers do on a broken setup), so the fallback after a panic can be proven.
pub const PANIC_ENV: &str = "SELFCHECK_TEST_RENDERER_PANIC";

/// Frames the window has drawn (2 or more: the renderer works, a later panic is the app's).
static FRAMES: AtomicU32 = AtomicU32::new(0);
/// The first renderer is starting and the other may still be tried.
static RETRY_ARMED: AtomicBool = AtomicBool::new(false);

/// Called by the app at every frame.
pub fn frame_drawn() {
    if FRAMES.load(Ordering::Relaxed) < 2 {
        FRAMES.fetch_add(1, Ordering::Relaxed);
    }
}

pub fn window_started() -> bool {
    FRAMES.load(Ordering::Relaxed) >= 2
}

pub fn arm_retry(on: bool) {
    RETRY_ARMED.store(on, Ordering::Relaxed);
}

/// A panic now is a renderer that could not start and will be retried with the other: not
/// the app crashing, so no crash box.
pub fn panic_goes_to_retry() -> bool {
    RETRY_ARMED.load(Ordering::Relaxed) && !window_started()
}

/// The injected fault of `PANIC_ENV`, if it names `renderer`.
pub fn injected_panic(renderer: Renderer) {
    if std::env::var(PANIC_ENV).is_ok_and(|v| v == renderer.name()) {
        panic!("{} failed to start ({PANIC_ENV})", renderer.name());
    }
}

/// A panic's message.
pub fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".into())
}

impl Renderer {
    pub fn first() -> Renderer {
        if cfg!(any(windows, target_os = "macos")) {
            Renderer::Wgpu
        } else {
            Renderer::Glow
        }
    }

    pub fn other(self) -> Renderer {
        match self {
            Renderer::Glow => Renderer::Wgpu,
            Renderer::Wgpu => Renderer::Glow,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Renderer::Glow => "glow",
            Renderer::Wgpu => "wgpu",
        }
    }

    pub fn to_eframe(self) -> eframe::Renderer {
        match self {
            Renderer::Glow => eframe::Renderer::Glow,
            Renderer::Wgpu => eframe::Renderer::Wgpu,
        }
    }
}

/// The arguments for the retry: the original ones with `--renderer` replaced.
pub fn retry_args(args: &[OsString], next: Renderer) -> Vec<OsString> {
    let mut out = Vec::new();
    let mut skip_value = false;
    for a in args {
        if skip_value {
            skip_value = false;
            continue;
        }
        if a == "--renderer" {
            skip_value = true;
            continue;
        }
        if a.to_str().is_some_and(|s| s.starts_with("--renderer=")) {
            continue;
        }
        out.push(a.clone());
    }
    out.push("--renderer".into());
    out.push(next.name().into());
    out
}

/// Runs this program again with the other renderer and waits for it. Returns its exit code,
/// or why it could not run.
pub fn retry_with(next: Renderer) -> Result<i32, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let status = std::process::Command::new(exe)
        .args(retry_args(&args, next))
        .env(RETRY_ENV, "1")
        .status()
        .map_err(|e| e.to_string())?;
    Ok(status.code().unwrap_or(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_replaces_the_renderer_and_keeps_the_rest() {
        let args: Vec<OsString> = ["--lang", "en", "--renderer", "glow", "--camera-source", "x"]
            .iter()
            .map(OsString::from)
            .collect();
        let out = retry_args(&args, Renderer::Wgpu);
        let out: Vec<&str> = out.iter().filter_map(|a| a.to_str()).collect();
        assert_eq!(
            out,
            ["--lang", "en", "--camera-source", "x", "--renderer", "wgpu"]
        );
        let eq: Vec<OsString> = vec!["--renderer=wgpu".into()];
        let out = retry_args(&eq, Renderer::Glow);
        assert_eq!(
            out,
            vec![OsString::from("--renderer"), OsString::from("glow")]
        );
        assert_eq!(Renderer::Glow.other(), Renderer::Wgpu);
    }
}
