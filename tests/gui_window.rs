//! The real binary opens its window under Xvfb (software GL), shows Chinese text, and the
//! screenshot is kept at target/gui-screenshot.png. Skips with a message where Xvfb is absent
//! (CI installs it).

mod common;
use common::*;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Kill(Child);
impl Drop for Kill {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[cfg(target_os = "linux")]
#[test]
fn window_opens_under_xvfb_and_is_not_blank() {
    if !(have("Xvfb") && have("xwininfo") && have("import")) {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have Xvfb, xwininfo and import"
        );
        eprintln!("SKIP: Xvfb, xwininfo (x11-utils) or import (imagemagick) missing");
        return;
    }
    let display = format!(":{}", 90 + std::process::id() % 100);
    let _xvfb = Kill(
        Command::new("Xvfb")
            .args([
                display.as_str(),
                "-screen",
                "0",
                "1280x900x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb starts"),
    );
    std::thread::sleep(Duration::from_millis(800));
    let home = tempfile::tempdir().expect("home");
    let started = Instant::now();
    let _app = Kill(
        selfcheck()
            .env("DISPLAY", &display)
            .env("HOME", home.path())
            .env_remove("WAYLAND_DISPLAY")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("app starts"),
    );
    let mut up = None;
    while started.elapsed() < Duration::from_secs(30) {
        let tree = Command::new("xwininfo")
            .args(["-display", &display, "-root", "-tree"])
            .output()
            .expect("xwininfo");
        if String::from_utf8_lossy(&tree.stdout).contains("视频验证自检助手") {
            up = Some(started.elapsed());
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let up = up.expect("a window titled 视频验证自检助手 appears");
    eprintln!("window mapped after {:.2} s", up.as_secs_f64());
    std::thread::sleep(Duration::from_secs(2));
    let shot = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("../gui-screenshot.png");
    let ok = Command::new("import")
        .args(["-display", &display, "-window", "root"])
        .arg(&shot)
        .status()
        .expect("import");
    assert!(ok.success());
    let img = image::open(&shot).expect("screenshot decodes").to_rgb8();
    let mut colours = std::collections::HashSet::new();
    for p in img.pixels().step_by(7) {
        colours.insert(p.0);
    }
    assert!(
        colours.len() > 20,
        "window looks blank: {} colours",
        colours.len()
    );
}
