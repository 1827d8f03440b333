//! Which renderer draws the window, and the fallback when it cannot start. Windows and macOS
//! try wgpu first (Direct3D 12 with its software WARP device, Metal), Linux tries OpenGL (glow)
//! first; when one fails the app starts again with the other. winit cannot create a second
//! event loop in one process, so the retry runs the same program as a child process.

use std::ffi::OsString;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Renderer {
    Glow,
    Wgpu,
}

/// Set in the child so it never tries a third time.
pub const RETRY_ENV: &str = "SELFCHECK_RENDERER_RETRY";

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
