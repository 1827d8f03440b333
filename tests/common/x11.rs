//! An X server of the test's own (Xvfb) and a wait for a window by its title.
//! Xvfb picks a free display itself (`-displayfd`), so tests never collide with each other or
//! with a server a previous run left behind.

use std::io::Read;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const APP_TITLE: &str = "视频验证自检助手";

/// A running Xvfb; dropping it stops the server (and with it every client still connected).
pub struct Xvfb {
    child: Child,
    pub display: String,
}

impl Xvfb {
    /// Starts a 1280×900 server. `glx` false leaves out the GLX extension.
    pub fn start(glx: bool) -> Xvfb {
        Xvfb::start_sized(glx, "1280x900x24")
    }

    /// Starts a server whose screen is `screen` ("1024x600x24").
    pub fn start_sized(glx: bool, screen: &str) -> Xvfb {
        let mut args: Vec<&str> = vec!["-displayfd", "1", "-screen", "0", screen];
        // -noreset: what a test sets on the root window (a work area) stays when its client
        // disconnects, as on a desktop.
        args.extend(["-nolisten", "tcp", "-noreset"]);
        if !glx {
            args.extend(["-extension", "GLX"]);
        }
        let mut child = Command::new("Xvfb")
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb starts");
        // Xvfb writes the display number, then a newline, once it accepts connections.
        let mut number = String::new();
        let mut out = child.stdout.take().expect("Xvfb stdout");
        let mut byte = [0u8; 1];
        while out.read(&mut byte).map(|n| n == 1).unwrap_or(false) && byte[0] != b'\n' {
            number.push(byte[0] as char);
        }
        assert!(
            !number.trim().is_empty(),
            "Xvfb did not report a display number"
        );
        Xvfb {
            child,
            display: format!(":{}", number.trim()),
        }
    }

    /// Waits up to `limit` for a top-level window whose name contains `title`; the time it
    /// took, or None.
    pub fn wait_for_window(&self, title: &str, limit: Duration) -> Option<Duration> {
        let started = Instant::now();
        while started.elapsed() < limit {
            if self.tree_line(title).is_some() {
                return Some(started.elapsed());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        None
    }
}

impl Xvfb {
    /// `xwininfo -tree`'s line for the window whose name contains `title`, if it is there.
    fn tree_line(&self, title: &str) -> Option<String> {
        let tree = Command::new("xwininfo")
            .args(["-display", &self.display, "-root", "-tree"])
            .output()
            .ok()?;
        String::from_utf8_lossy(&tree.stdout)
            .lines()
            .find(|l| l.contains(title))
            .map(str::to_string)
    }

    /// The first 16 bytes of a 32-bit window property as `xprop` prints them
    /// (`_NET_WM_ICON(CARDINAL) = 256, 256, …`), of the top-level window whose name contains
    /// `title`.
    pub fn window_property(&self, title: &str, property: &str) -> Option<String> {
        let id = self
            .tree_line(title)?
            .split_whitespace()
            .next()?
            .to_string();
        let out = Command::new("xprop")
            .args([
                "-display",
                &self.display,
                "-id",
                &id,
                "-len",
                "16",
                "-f",
                property,
            ])
            .args(["32c", property])
            .output()
            .ok()?;
        Some(String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// Sets a 32-bit CARDINAL property on the root window, as a window manager does
    /// (`_NET_WORKAREA` = "120,0,904,600").
    pub fn set_root_cardinals(&self, property: &str, values: &str) {
        let ok = Command::new("xprop")
            .args(["-display", &self.display, "-root", "-f", property, "32c"])
            .args(["-set", property, values])
            .status()
            .expect("xprop runs");
        assert!(ok.success(), "xprop -set {property}");
    }

    /// The top-level window whose name contains `title`: its absolute position and size
    /// (x, y, width, height), from `xwininfo -tree`'s line for it
    /// (`0x… "title": ("class" "class")  980x660+150+120  +150+120`).
    pub fn window_geometry(&self, title: &str) -> Option<(i32, i32, u32, u32)> {
        let line = self.tree_line(title)?;
        let words: Vec<&str> = line.split_whitespace().collect();
        let size = words
            .iter()
            .rev()
            .find(|w| w.contains('x') && w.contains('+'))?;
        let (w, h) = size.split('+').next()?.split_once('x')?;
        let at = words.last()?.trim_start_matches('+');
        let (x, y) = at.split_once('+')?;
        Some((
            x.parse().ok()?,
            y.parse().ok()?,
            w.parse().ok()?,
            h.parse().ok()?,
        ))
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
