//! The .deb built by `packaging/build.sh deb`: it installs with apt (which pulls the run-time
//! libraries it declares), the installed /usr/bin/selfcheck runs, the menu entry is valid and
//! starting its Exec line opens the window. Runs as root when SELFCHECK_DEB names the
//! package (scripts/test.sh sets it); removes the package afterwards.

mod common;
use common::x11::{APP_TITLE, Xvfb};
use std::process::{Command, Stdio};
use std::time::Duration;

fn sh(cmd: &str) -> (bool, String) {
    let o = Command::new("sh")
        .args(["-c", cmd])
        .output()
        .expect("sh runs");
    (
        o.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        ),
    )
}

struct Remove;
impl Drop for Remove {
    fn drop(&mut self) {
        let _ = sh("dpkg -r seller-selfcheck >/dev/null 2>&1");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn deb_installs_runs_and_opens_from_its_menu_entry() {
    let Some(deb) = std::env::var_os("SELFCHECK_DEB") else {
        common::skip::skip("SELFCHECK_DEB not set (scripts/test.sh builds the package)");
        return;
    };
    if unsafe { libc::geteuid() } != 0 {
        common::skip::skip("installing a package needs root");
        return;
    }
    let deb = deb.to_string_lossy().to_string();
    let (ok, out) = sh(&format!("dpkg-deb --info '{deb}'"));
    assert!(ok, "{out}");
    assert!(
        out.contains("Depends:") && out.contains("libasound2"),
        "{out}"
    );
    let (ok, out) = sh(&format!(
        "DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends '{deb}' 2>&1"
    ));
    assert!(ok, "apt could not install the package: {out}");
    let _cleanup = Remove;

    let (ok, out) = sh("/usr/bin/selfcheck --version");
    assert!(ok && out.contains("selfcheck"), "{out}");
    let (ok, out) = sh("/usr/bin/selfcheck check --json --no-network --only system.time_of_day");
    assert!(ok, "{out}");
    let report: serde_json::Value = serde_json::from_str(&out).expect("json report");
    assert_eq!(report["schema"], "selfcheck-report/2");

    let desktop = std::fs::read_to_string("/usr/share/applications/selfcheck.desktop")
        .expect("menu entry installed");
    assert!(std::path::Path::new("/usr/share/icons/hicolor/256x256/apps/selfcheck.png").exists());
    for licence in ["fonts", "face-detector", "face-mesh"] {
        let path = format!("/usr/share/doc/seller-selfcheck/LICENSE-{licence}.txt");
        assert!(std::path::Path::new(&path).is_file(), "{path} installed");
    }
    // desktop-file-validate (desktop-file-utils, which scripts/setup.sh installs) exits non-zero
    // on an error in the menu entry; it not being there is a skip, a failure in CI.
    if sh("command -v desktop-file-validate").0 {
        let (ok, out) = sh("desktop-file-validate /usr/share/applications/selfcheck.desktop");
        assert!(ok && !out.contains("error"), "{out}");
    } else {
        common::skip::skip("desktop-file-validate (desktop-file-utils) missing");
    }
    let exec = desktop
        .lines()
        .find_map(|l| l.strip_prefix("Exec="))
        .expect("Exec line");

    // "Launching from the menu": the Exec line, on a display.
    let x = Xvfb::start(true);
    let home = tempfile::tempdir().expect("home");
    let mut app = Command::new("sh")
        .args(["-c", &format!("exec {exec}")])
        .env("DISPLAY", &x.display)
        .env("HOME", home.path())
        .env("LANG", "zh_CN.UTF-8")
        .env_remove("WAYLAND_DISPLAY")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("menu command starts");
    let up = x.wait_for_window(APP_TITLE, Duration::from_secs(30));
    let _ = app.kill();
    let _ = app.wait();
    assert!(up.is_some(), "the installed app did not open its window");
}
