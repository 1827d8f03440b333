//! The NSIS installer that ships, under Wine: it installs silently for this user (program,
//! Start-menu entries with the compatibility one, the "Apps" entry with its size), the
//! installed program runs, and the silent uninstaller leaves nothing behind but the settings
//! (removed only when the seller says so). A copy of the installer that Wine runs as Windows 7
//! refuses to install. The installer, the program and the uninstaller are signed
//! (packaging/windows/sign.sh). Runs when SELFCHECK_WINDOWS_INSTALLER names the installer
//! (scripts/test.sh sets it); skips otherwise (a failure in CI).

mod common;
use common::wine::Wine;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const UNINSTALL_KEY: &str =
    r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\SellerSelfCheck";

fn installer() -> Option<PathBuf> {
    let Some(path) = std::env::var_os("SELFCHECK_WINDOWS_INSTALLER") else {
        common::skip::skip("SELFCHECK_WINDOWS_INSTALLER not set (scripts/test.sh builds it)");
        return None;
    };
    Some(path.into())
}

/// `osslsigncode verify` accepts the file's Authenticode signature: against the release's
/// certificate chain when SELFCHECK_SIGN_PFX signed it, else against the throwaway certificate
/// packaging/windows/sign.sh made (which only this check trusts).
fn signature_verifies(file: &Path) {
    let mut c = std::process::Command::new("osslsigncode");
    c.args(["verify", "-in"]).arg(file);
    if std::env::var_os("SELFCHECK_SIGN_PFX").is_none() {
        let cert = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/signing/test-cert.pem");
        c.arg("-CAfile").arg(cert);
    }
    let out = c
        .output()
        .expect("osslsigncode runs (scripts/setup.sh windows installs it)");
    assert!(
        out.status.success(),
        "{} is not signed: {}{}",
        file.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// This user's folders inside the prefix.
struct Places {
    install: PathBuf,
    start_menu: PathBuf,
    desktop_shortcut: PathBuf,
    settings: PathBuf,
}

fn places(wine: &Wine) -> Places {
    let user = std::env::var("USER").unwrap_or_else(|_| "root".into());
    let home = Path::new(&wine.prefix).join(format!("drive_c/users/{user}"));
    Places {
        install: home.join("AppData/Local/Programs/SellerSelfCheck"),
        start_menu: home
            .join("AppData/Roaming/Microsoft/Windows/Start Menu/Programs/视频验证自检助手"),
        desktop_shortcut: home.join("Desktop/视频验证自检助手.lnk"),
        settings: home.join("AppData/Roaming/seller-selfcheck"),
    }
}

/// `reg query KEY /v NAME`'s answer, or None when the value (or key) is absent.
fn reg_value(wine: &Wine, key: &str, name: &str) -> Option<String> {
    let mut c = wine.command("reg");
    c.args(["query", key, "/v", name]);
    let (code, out, _) = wine.run(c, Duration::from_secs(60));
    (code == Some(0)).then_some(out)
}

#[test]
fn the_installer_installs_runs_and_uninstalls_under_wine() {
    let (Some(wine), Some(setup)) = (Wine::from_env(), installer()) else {
        return;
    };
    let _session = wine.fresh_session();
    let at = places(&wine);
    // Whatever an earlier, interrupted run left.
    let _ = std::fs::remove_dir_all(&at.install);
    let _ = std::fs::remove_dir_all(&at.start_menu);
    wine.reg(&["delete", UNINSTALL_KEY, "/f"]);
    let (code, _, err) = wine.run(
        {
            // In Chinese (Wine's own language here is English): shortcuts named in Chinese.
            let mut c = wine.command(setup.to_str().expect("utf8"));
            c.args(["/S", "/LANG=2052"]);
            c
        },
        Duration::from_secs(180),
    );
    assert_eq!(code, Some(0), "silent install: {err}");
    let exe = at.install.join("selfcheck.exe");
    assert!(exe.is_file(), "installed program at {exe:?}");
    assert!(at.install.join("uninstall.exe").is_file());
    // The licences of what is built into the program: the font and the two face models.
    for licence in [
        "LICENSE-fonts.txt",
        "LICENSE-face-detector.txt",
        "LICENSE-face-mesh.txt",
    ] {
        assert!(at.install.join(licence).is_file(), "{licence} installed");
    }
    // Signed, all three: the installer, the program and the uninstaller it wrote.
    for signed in [setup.clone(), exe.clone(), at.install.join("uninstall.exe")] {
        signature_verifies(&signed);
    }
    let shortcuts: Vec<String> = std::fs::read_dir(&at.start_menu)
        .expect("Start-menu folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    for wanted in [
        "视频验证自检助手.lnk",
        "视频验证自检助手（兼容模式）.lnk",
        "卸载 视频验证自检助手.lnk",
    ] {
        assert!(
            shortcuts.iter().any(|s| s == wanted),
            "{wanted} in {shortcuts:?}"
        );
    }
    assert!(at.desktop_shortcut.is_file(), "{:?}", at.desktop_shortcut);
    let size = reg_value(&wine, UNINSTALL_KEY, "EstimatedSize").expect("EstimatedSize");
    let kb = size
        .split_whitespace()
        .find_map(|w| w.strip_prefix("0x"))
        .and_then(|h| u32::from_str_radix(h, 16).ok())
        .expect("a REG_DWORD");
    // The program alone is tens of megabytes.
    assert!(kb > 10_000, "EstimatedSize {kb} KB: {size}");

    // The installed program runs.
    let mut c = wine.command(exe.to_str().expect("utf8"));
    c.arg("--version");
    let (code, out, err) = wine.run(c, Duration::from_secs(120));
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains(env!("CARGO_PKG_VERSION")), "{out}");
    let report = wine.check_with(&exe, "network.proxy");
    assert!(
        common::check(&report, "network.proxy")["status"].is_string(),
        "{report}"
    );

    // Settings the app saved (eframe keeps them under %APPDATA%\seller-selfcheck).
    std::fs::create_dir_all(at.settings.join("data")).expect("settings");
    std::fs::write(at.settings.join("data/app.ron"), "()").expect("app.ron");
    let mut c = wine.command(at.install.join("uninstall.exe").to_str().expect("utf8"));
    c.arg("/S");
    let (code, _, err) = wine.run(c, Duration::from_secs(120));
    assert_eq!(code, Some(0), "silent uninstall: {err}");
    // The uninstaller copies itself away and finishes from there: wait for the folder to go.
    let start = Instant::now();
    while at.install.exists() && start.elapsed() < Duration::from_secs(90) {
        std::thread::sleep(Duration::from_millis(200));
    }
    let settings_kept = at.settings.join("data/app.ron").is_file();
    let _ = std::fs::remove_dir_all(&at.settings);
    assert!(!at.install.exists(), "program folder left behind");
    assert!(!at.start_menu.exists(), "Start-menu entries left behind");
    assert!(
        !at.desktop_shortcut.exists(),
        "desktop shortcut left behind"
    );
    assert!(
        reg_value(&wine, UNINSTALL_KEY, "DisplayName").is_none(),
        "Apps entry left"
    );
    // Silent uninstalls keep the settings; only a seller who says yes loses them.
    assert!(settings_kept, "settings removed without asking");
}

#[test]
fn the_installer_refuses_windows_before_10() {
    let (Some(wine), Some(setup)) = (Wine::from_env(), installer()) else {
        return;
    };
    let _session = wine.fresh_session();
    let at = places(&wine);
    let _ = std::fs::remove_dir_all(&at.install);
    let dir = tempfile::tempdir().expect("tmp");
    let copy = dir.path().join("setup-win7.exe");
    std::fs::copy(&setup, &copy).expect("copy installer");
    let per_program = r"HKCU\Software\Wine\AppDefaults\setup-win7.exe";
    wine.set_text(per_program, "Version", "win7");
    let mut c = wine.command(copy.to_str().expect("utf8"));
    c.arg("/S");
    let (code, _, err) = wine.run(c, Duration::from_secs(120));
    wine.reg(&["delete", per_program, "/f"]);
    // NSIS ends an installation aborted before it began with exit code 2.
    assert_eq!(code, Some(2), "{err}");
    assert!(
        !at.install.join("selfcheck.exe").exists(),
        "installed on Windows 7"
    );
}
