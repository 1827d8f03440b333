//! The real binary opens its window under Xvfb (software GL), shows Chinese text, and the
//! screenshot is kept at target/gui-screenshot.png. Skips with a message where Xvfb is absent
//! (CI installs it).

mod common;
use common::x11::{APP_TITLE, Xvfb};
use common::*;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

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

/// A folder of 1280×720 camera frames cut from the real portrait, moving slightly.
fn replay_frames(dir: &std::path::Path) -> std::path::PathBuf {
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/images/one_face_portrait.jpg");
    let img = image::open(fixture).expect("portrait").to_rgb8();
    let scale = 1280.0 / img.width() as f32;
    let resized = image::imageops::resize(
        &img,
        1280,
        (img.height() as f32 * scale) as u32,
        image::imageops::FilterType::Triangle,
    );
    let frames = dir.join("frames");
    std::fs::create_dir_all(&frames).expect("mkdir");
    for i in 0..6u32 {
        let f = image::imageops::crop_imm(&resized, 0, i * 4, 1280, 720).to_image();
        f.save(frames.join(format!("f{i}.jpg")))
            .expect("save frame");
    }
    frames
}

fn screenshot_colours(display: &str, shot: &std::path::Path) -> usize {
    let ok = Command::new("import")
        .args(["-display", display, "-window", "root"])
        .arg(shot)
        .status()
        .expect("import");
    assert!(ok.success());
    let img = image::open(shot).expect("screenshot decodes").to_rgb8();
    let mut colours = std::collections::HashSet::new();
    for p in img.pixels().step_by(7) {
        colours.insert(p.0);
    }
    colours.len()
}

fn tools_present() -> bool {
    if have("Xvfb") && have("xwininfo") && have("import") {
        return true;
    }
    common::skip::skip("Xvfb, xwininfo (x11-utils) or import (imagemagick) missing");
    false
}

/// The camera step of the real binary on replayed 720p frames: the window comes up, the
/// preview shows the picture (a screenshot full of photo colours, kept at
/// target/gui-screenshot.png), and the preview is redrawn as frames arrive.
#[cfg(target_os = "linux")]
#[test]
fn camera_step_previews_replayed_frames_under_xvfb() {
    if !tools_present() {
        return;
    }
    let x = Xvfb::start(true);
    let display = x.display.clone();
    let home = tempfile::tempdir().expect("home");
    let frames = replay_frames(home.path());
    let stats = home.path().join("stats.txt");
    let _app = Kill(
        selfcheck()
            .args([
                "--lang",
                "zh-CN",
                "--step",
                "camera",
                "--no-network",
                "--camera-source",
            ])
            .arg(&frames)
            .env("DISPLAY", &display)
            .env("HOME", home.path())
            .env("SELFCHECK_STATS_FILE", &stats)
            .env_remove("WAYLAND_DISPLAY")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("app starts"),
    );
    let up = x
        .wait_for_window(APP_TITLE, Duration::from_secs(30))
        .expect("a window titled 视频验证自检助手 appears");
    eprintln!("window mapped after {:.2} s", up.as_secs_f64());
    // Wait for the event — the app's own statistics saying the camera step shows frames —
    // rather than a fixed delay, then look at the screen.
    let showing = |lines: &str| {
        lines
            .lines()
            .filter(|l| l.contains("step=Camera"))
            .any(|l| !l.contains("preview_fps=0 "))
    };
    let start = std::time::Instant::now();
    let mut lines = String::new();
    while !showing(&lines) {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the preview never showed a frame: {lines}"
        );
        std::thread::sleep(Duration::from_millis(100));
        lines = std::fs::read_to_string(&stats).unwrap_or_default();
    }
    eprintln!("{lines}");
    let shot = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("../gui-screenshot.png");
    let colours = screenshot_colours(&display, &shot);
    assert!(colours > 2000, "no photo in the preview: {colours} colours");
}

/// On a screen smaller than the window in points (a 1024×600 netbook; 1366×768 at 125 % is
/// 1093×614), the window shrinks to fit above a taskbar and is centred, so its bottom bar is
/// never under the taskbar; and it carries the app's icon. (Xvfb has no window manager: no
/// title bar, no taskbar — the room for both is what is checked.)
#[cfg(target_os = "linux")]
#[test]
fn the_window_fits_a_small_screen_above_the_taskbar_with_the_app_icon() {
    if !tools_present() {
        return;
    }
    let x = Xvfb::start_sized(true, "1024x600x24");
    let home = tempfile::tempdir().expect("home");
    let _app = Kill(app_on(&x, home.path()));
    // Xvfb has no window manager, so no work area: a taskbar's room is kept at the bottom.
    let (taskbar, title_bar) = (40, 31);
    let g = wait_for_fit(&x, |(left, top, w, h)| {
        left >= 0
            && left + w as i32 <= 1024
            && top >= 0
            && top + title_bar + h as i32 <= 600 - taskbar
    });
    eprintln!("window on a 1024×600 screen: {g:?}");
    // The app's own icon (title bar, taskbar), not the system's default one.
    let icon = x.window_property(APP_TITLE, "_NET_WM_ICON").expect("xprop");
    // Its width and height lead the property.
    assert!(
        icon.starts_with("_NET_WM_ICON(CARDINAL) = 256, 256"),
        "{}",
        icon.chars().take(120).collect::<String>()
    );
}

/// With a desktop panel on the left (the work area the window manager publishes,
/// `_NET_WORKAREA`, starting 120 px in), the window is fitted into that area — right of the
/// panel, and using the full height, where the guess would have kept a bottom taskbar's room.
#[cfg(target_os = "linux")]
#[test]
fn the_window_is_fitted_into_the_desktops_work_area() {
    if !tools_present() {
        return;
    }
    let x = Xvfb::start_sized(true, "1024x600x24");
    x.set_root_cardinals("_NET_WORKAREA", "120,0,904,600");
    let home = tempfile::tempdir().expect("home");
    let _app = Kill(app_on(&x, home.path()));
    let title_bar = 31;
    let g = wait_for_fit(&x, |(left, top, w, h)| {
        left >= 120 && left + w as i32 <= 1024 && top >= 0 && top + title_bar + h as i32 <= 600
    });
    // The guess (a 48-point taskbar at the bottom) would leave at most 600 − 48 − 32 = 520.
    assert!(g.3 > 520, "the height kept a bottom taskbar's room: {g:?}");
    eprintln!("window in the work area 120,0 904×600: {g:?}");
}

/// The app in Chinese, without network, on `x`'s display.
fn app_on(x: &Xvfb, home: &std::path::Path) -> Child {
    selfcheck()
        .args(["--lang", "zh-CN", "--no-network"])
        .env("DISPLAY", &x.display)
        .env("HOME", home)
        .env_remove("WAYLAND_DISPLAY")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("app starts")
}

/// Waits for the app's window, then for its geometry to satisfy `fits` (the fit follows the
/// first frames, which tell the monitor's size); fails with the last geometry seen.
fn wait_for_fit(x: &Xvfb, fits: impl Fn((i32, i32, u32, u32)) -> bool) -> (i32, i32, u32, u32) {
    x.wait_for_window(APP_TITLE, Duration::from_secs(30))
        .expect("a window titled 视频验证自检助手 appears");
    let start = std::time::Instant::now();
    let mut last = None;
    while start.elapsed() < Duration::from_secs(30) {
        last = x.window_geometry(APP_TITLE);
        if last.is_some_and(&fits) {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let g = last.expect("window geometry");
    assert!(fits(g), "window at {g:?} does not fit");
    g
}

/// With OpenGL too old (Mesa told to offer GL 1.1, as on PCs without a real OpenGL driver)
/// glow cannot start; the app starts again with wgpu, which draws through Vulkan (lavapipe).
#[cfg(target_os = "linux")]
#[test]
fn without_usable_opengl_the_app_falls_back_to_wgpu() {
    if !tools_present() {
        return;
    }
    if !std::path::Path::new("/usr/share/vulkan/icd.d/lvp_icd.x86_64.json").exists() {
        common::skip::skip("mesa-vulkan-drivers (lavapipe) missing");
        return;
    }
    let x = Xvfb::start(true);
    let display = x.display.clone();
    let home = tempfile::tempdir().expect("home");
    let log = home.path().join("stderr.txt");
    let _app = Kill(
        selfcheck()
            .args(["--lang", "zh-CN", "--no-network"])
            .env("DISPLAY", &display)
            .env("HOME", home.path())
            .env("MESA_GL_VERSION_OVERRIDE", "1.1")
            .env("MESA_GLES_VERSION_OVERRIDE", "1.0")
            .env_remove("WAYLAND_DISPLAY")
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).expect("log"))
            .spawn()
            .expect("app starts"),
    );
    let up = x.wait_for_window(APP_TITLE, Duration::from_secs(30));
    // The window may be glow's, before it gives up: wait for the line that says so.
    let start = std::time::Instant::now();
    let mut stderr = String::new();
    while !stderr.contains("trying wgpu") && start.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(100));
        stderr = std::fs::read_to_string(&log).unwrap_or_default();
    }
    assert!(
        stderr.contains("trying wgpu"),
        "glow did not fail first: {stderr}"
    );
    let up = up.unwrap_or_else(|| panic!("no window after the fallback: {stderr}"));
    eprintln!("window after the fallback in {:.2} s", up.as_secs_f64());
    // The window is mapped before wgpu's first frame: look until it has drawn (bounded).
    let start = std::time::Instant::now();
    let mut colours = screenshot_colours(&display, &home.path().join("wgpu.png"));
    while colours <= 20 && start.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(200));
        colours = screenshot_colours(&display, &home.path().join("wgpu.png"));
    }
    assert!(colours > 20, "blank window: {colours} colours; {stderr}");
    assert!(!stderr.contains("无法打开程序窗口"), "{stderr}");
}

/// With no renderer able to start, the app ends at once with a message that points to the
/// compatibility entry and `selfcheck check` (exit 2), instead of hanging or crashing; the
/// message also goes to the message box (read through its test hook), once — by the renderer
/// retry's child process, whose exit code the parent passes on.
#[cfg(target_os = "linux")]
#[test]
fn with_no_renderer_the_app_says_to_use_check() {
    if !tools_present() {
        return;
    }
    let x = Xvfb::start(true);
    let display = x.display.clone();
    let home = tempfile::tempdir().expect("home");
    let boxes = home.path().join("message-boxes.txt");
    let log = home.path().join("logs/selfcheck.log");
    let out = selfcheck()
        .args(["--lang", "zh-CN", "--no-network"])
        .env("DISPLAY", &display)
        .env("HOME", home.path())
        .env("SELFCHECK_MESSAGE_BOX_LOG", &boxes)
        .env("SELFCHECK_LOG_FILE", &log)
        .env("LIBGL_DRIVERS_PATH", "/nonexistent")
        .env("__EGL_VENDOR_LIBRARY_FILENAMES", "/nonexistent.json")
        .env("VK_ICD_FILENAMES", "/nonexistent.json")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("runs");
    let stderr = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("trying wgpu"), "{stderr}");
    assert!(stderr.contains("selfcheck check"), "{stderr}");
    assert!(stderr.contains("无法打开程序窗口"), "{stderr}");
    let told = std::fs::read_to_string(&boxes).expect("a message box");
    assert!(
        told.starts_with("视频验证自检助手\n无法打开程序窗口"),
        "{told}"
    );
    assert!(told.contains("兼容模式"), "{told}");
    assert_eq!(told.matches("无法打开程序窗口").count(), 1, "{told}");
    // The box names the log, and the log holds both renderers' failures for support.
    assert!(told.contains(&log.display().to_string()), "{told}");
    let logged = std::fs::read_to_string(&log).expect("the app's log");
    assert!(
        logged.contains("[window] glow") && logged.contains("[window] wgpu"),
        "{logged}"
    );
}

/// A renderer that panics as it starts (wgpu and some OpenGL drivers do, on a broken setup) is
/// not a crash: the app says so on stderr, no crash box appears, and the other renderer opens
/// the window. The panic is injected (SELFCHECK_TEST_RENDERER_PANIC) into the first renderer,
/// glow; wgpu then runs on Mesa's lavapipe.
#[cfg(target_os = "linux")]
#[test]
fn a_renderer_that_panics_as_it_starts_hands_over_to_the_other() {
    if !tools_present() {
        return;
    }
    if !std::path::Path::new("/usr/share/vulkan/icd.d/lvp_icd.x86_64.json").exists() {
        common::skip::skip("mesa-vulkan-drivers (lavapipe) missing");
        return;
    }
    let x = Xvfb::start(true);
    let display = x.display.clone();
    let home = tempfile::tempdir().expect("home");
    let log = home.path().join("stderr.txt");
    let boxes = home.path().join("message-boxes.txt");
    let _app = Kill(
        selfcheck()
            .args(["--lang", "zh-CN", "--no-network"])
            .env("DISPLAY", &display)
            .env("HOME", home.path())
            .env("SELFCHECK_TEST_RENDERER_PANIC", "glow")
            .env("SELFCHECK_MESSAGE_BOX_LOG", &boxes)
            .env_remove("WAYLAND_DISPLAY")
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).expect("log"))
            .spawn()
            .expect("app starts"),
    );
    let up = x.wait_for_window(APP_TITLE, Duration::from_secs(60));
    let stderr = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(up.is_some(), "no window after the panic: {stderr}");
    assert!(
        stderr.contains("glow failed to start") && stderr.contains("trying wgpu"),
        "{stderr}"
    );
    // The window is wgpu's: glow panicked before it made one.
    assert!(
        !boxes.exists(),
        "a message box for a retried renderer: {:?}",
        std::fs::read_to_string(&boxes)
    );
}
