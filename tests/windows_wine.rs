//! selfcheck.exe (cross-built by scripts/windows.sh) under Wine: the report names Windows,
//! and the Windows probes read Wine's real registry — a proxy set in Internet Settings fails
//! `network.proxy`, a Chrome version in BLBeacon is what `browser.version` finds — and the
//! camera and microphone, which Wine cannot provide, end in a clear verdict, not a hang; the
//! routing table comes from the IP Helper API and matches the host's.
//! Runs when SELFCHECK_WINDOWS_EXE names the exe (scripts/test.sh sets it); skips otherwise.

mod common;
use common::wine::Wine;
use common::x11::{APP_TITLE, Xvfb};
use std::process::Stdio;
use std::time::Duration;

fn result<'a>(report: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    common::check(report, id)
}

const SETTINGS: &str = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Internet Settings";
const BEACON: &str = r"HKCU\Software\Google\Chrome\BLBeacon";
const BIOS: &str = r"HKLM\HARDWARE\DESCRIPTION\System\BIOS";
/// Where Windows keeps the seller's default browser for https links (its ProgId).
const HTTPS_CHOICE: &str =
    r"HKCU\Software\Microsoft\Windows\Shell\Associations\UrlAssociations\https\UserChoice";

/// A clean state: no proxy in Internet Settings, no Chrome, no firmware product name (as Wine
/// leaves it).
fn clear_proxy_chrome_and_bios(wine: &Wine) {
    wine.reg(&["delete", SETTINGS, "/v", "ProxyEnable", "/f"]);
    wine.reg(&["delete", SETTINGS, "/v", "ProxyServer", "/f"]);
    wine.reg(&["delete", BEACON, "/f"]);
    wine.set_text(BIOS, "SystemProductName", "");
}

#[test]
fn windows_build_reads_the_registry_under_wine() {
    let Some(wine) = Wine::from_env() else { return };
    let _session = wine.fresh_session();
    clear_proxy_chrome_and_bios(&wine);

    let r = wine.check(
        "network.proxy,network.vpn,browser.version,system.time_of_day,camera.device,audio.device",
    );
    let os = r["system"]["os"].as_str().unwrap_or_default();
    assert!(os.contains("Windows"), "os = {os}");
    assert_eq!(result(&r, "network.proxy")["status"], "pass", "{r}");
    // The routing table through the IP Helper API: Wine answers with this Linux host's
    // routes, so the default route is on the interface /proc/net/route names.
    let vpn = result(&r, "network.vpn");
    assert_ne!(vpn["status"], "error", "{vpn}");
    let host = std::fs::read_to_string("/proc/net/route").expect("/proc/net/route");
    let host = selfcheck::probe::net_facts::default_route_interfaces(
        &selfcheck::probe::net_facts::parse_proc_net_route(&host),
    );
    assert_eq!(
        vpn["measured"]["default_route"],
        serde_json::json!(host),
        "{vpn}"
    );
    assert!(result(&r, "system.time_of_day")["measured"]["utc_offset"].is_string());
    // Wine has no camera (Media Foundation cannot start) and no audio input: a verdict that
    // says so, within the time bound.
    for id in ["camera.device", "audio.device"] {
        let c = result(&r, id);
        assert!(
            matches!(c["status"].as_str(), Some("fail" | "error")),
            "{id}: {c}"
        );
        assert!(
            !c["summary"].as_str().unwrap_or_default().is_empty(),
            "{id}: {c}"
        );
    }

    // "Automatically detect settings" as Windows 10 stores it (flags 9: direct + automatic
    // detection, the default): reported in `measured`, not judged.
    let connections = format!(r"{SETTINGS}\Connections");
    wine.reg(&[
        "add",
        &connections,
        "/v",
        "DefaultConnectionSettings",
        "/t",
        "REG_BINARY",
        "/d",
        "46000000130000000900000000000000000000000000000000000000",
        "/f",
    ]);
    let wpad = wine.check("network.proxy");
    let wpad = result(&wpad, "network.proxy");
    assert_eq!(wpad["measured"]["auto_detect"], true, "{wpad}");
    assert_eq!(wpad["status"], "pass", "{wpad}");

    // A proxy in Internet Settings, as Clash or a "加速器" leaves it.
    wine.reg(&[
        "add",
        SETTINGS,
        "/v",
        "ProxyEnable",
        "/t",
        "REG_DWORD",
        "/d",
        "1",
        "/f",
    ]);
    wine.set_text(SETTINGS, "ProxyServer", "127.0.0.1:7890");
    wine.set_text(BEACON, "version", "131.0.6778.85");
    // Chrome as the default browser, as Chrome's installer sets it ("ChromeHTML"). Wine's own
    // default ("https", its built-in browser) is a default nobody can name: that warns.
    wine.set_text(HTTPS_CHOICE, "ProgId", "ChromeHTML");
    let r = wine.check("network.proxy,browser.version");
    let proxy = result(&r, "network.proxy");
    assert_eq!(proxy["status"], "fail", "{proxy}");
    assert_eq!(
        proxy["measured"]["sources"][0]["source"], "windows:internet-settings",
        "{proxy}"
    );
    assert_eq!(
        proxy["measured"]["sources"][0]["value"], "127.0.0.1:7890",
        "{proxy}"
    );
    // The firmware strings Windows keeps in the registry: a VirtualBox product name is a
    // guest, whatever the processor says.
    wine.set_text(BIOS, "SystemProductName", "VirtualBox");
    let vm = wine.check("system.virtual_machine");
    let vm = result(&vm, "system.virtual_machine");
    assert_eq!(vm["status"], "fail", "{vm}");
    assert!(
        vm["measured"]["signals"]
            .to_string()
            .contains("dmi:SystemProductName=VirtualBox"),
        "{vm}"
    );
    let browsers = result(&r, "browser.version");
    let found = browsers["measured"]["browsers"].to_string();
    assert!(
        found.contains("131.0.6778.85") && found.contains("chrome"),
        "{browsers}"
    );
    assert_eq!(browsers["status"], "pass", "{browsers}");

    // An old Chrome fails.
    wine.set_text(BEACON, "version", "100.0.4896.60");
    let r = wine.check("browser.version");
    assert_eq!(result(&r, "browser.version")["status"], "fail", "{r}");

    // A virtual camera registered only with DirectShow, as OBS registers its filter: Wine's
    // Media Foundation lists no camera, so it is the only camera and the default one.
    wine.set_text(OBS_CAMERA, "FriendlyName", "OBS Virtual Camera");
    let r = wine.check("camera.virtual");
    wine.reg(&["delete", OBS_CAMERA, "/f"]);
    let cam = result(&r, "camera.virtual");
    assert_eq!(cam["status"], "fail", "{cam}");
    assert_eq!(
        cam["measured"]["virtual_devices"],
        serde_json::json!(["OBS Virtual Camera"]),
        "{cam}"
    );
    assert_eq!(cam["measured"]["default_is_virtual"], true, "{cam}");

    clear_proxy_chrome_and_bios(&wine);
}

/// A tunnel with no hardware address — what Wintun gives Clash/mihomo TUN, WireGuard and
/// most "加速器" — is listed through `GetAdaptersAddresses` (sysinfo's Windows list skips every
/// adapter without one). Wine shows this host's interfaces, so a tun device attached here, in
/// fake-IP mode, must fail `network.vpn` in the Windows build.
#[cfg(target_os = "linux")]
#[test]
fn a_tunnel_without_a_hardware_address_fails_through_the_ip_helper_api() {
    let Some(wine) = Wine::from_env() else { return };
    if unsafe { libc::geteuid() } != 0 {
        common::skip::skip("needs root to create a tun device");
        return;
    }
    // The session first, so the tunnel (declared after it) is gone before another Wine test
    // can run `check` on this host.
    let _session = wine.fresh_session();
    let tun = format!("tun{}w", std::process::id() % 10000);
    let Some(_holder) = common::tun::attach_tun(&tun) else {
        common::skip::skip("/dev/net/tun unavailable");
        return;
    };
    assert!(common::sh(&["ip", "link", "set", &tun, "up"]));
    assert!(common::sh(&[
        "ip",
        "addr",
        "add",
        "198.18.0.1/30",
        "dev",
        &tun
    ]));
    let r = wine.check("network.vpn");
    let vpn = result(&r, "network.vpn");
    assert_eq!(vpn["status"], "fail", "{vpn}");
    let fake = format!("fake-ip:{tun}");
    assert!(
        vpn["measured"]["signals"]
            .as_array()
            .is_some_and(|a| a.iter().any(|x| x == fake.as_str())),
        "{vpn}"
    );
}

/// Proxies set inside the browsers fail `network.proxy` in the Windows build, each named by
/// where it was found: a Chrome policy in the registry, and Firefox's own manual proxy in a
/// profile's prefs.js under %APPDATA%.
#[test]
fn proxies_set_inside_the_browsers_fail_and_say_where() {
    let Some(wine) = Wine::from_env() else { return };
    let _session = wine.fresh_session();
    clear_proxy_chrome_and_bios(&wine);
    let policy = r"HKCU\SOFTWARE\Policies\Google\Chrome";
    wine.set_text(policy, "ProxyMode", "fixed_servers");
    wine.set_text(policy, "ProxyServer", "127.0.0.1:7890");
    // Firefox's enterprise policy, per user.
    let firefox_policy = r"HKCU\SOFTWARE\Policies\Mozilla\Firefox\Proxy";
    wine.set_text(firefox_policy, "Mode", "manual");
    wine.set_text(firefox_policy, "HTTPProxy", "127.0.0.1:7892");
    let user = std::env::var("USER").unwrap_or_else(|_| "root".into());
    let profile = std::path::Path::new(&wine.prefix).join(format!(
        "drive_c/users/{user}/AppData/Roaming/Mozilla/Firefox/Profiles/w1ne0000.default-release"
    ));
    std::fs::create_dir_all(&profile).expect("profile folder");
    std::fs::write(
        profile.join("prefs.js"),
        "user_pref(\"network.proxy.socks\", \"127.0.0.1\");\r\nuser_pref(\"network.proxy.socks_port\", 7891);\r\nuser_pref(\"network.proxy.type\", 1);\r\n",
    )
    .expect("prefs.js");
    // Proxy SwitchyOmega installed in Chrome's default profile under %LOCALAPPDATA%.
    let chrome_data = std::path::Path::new(&wine.prefix).join(format!(
        "drive_c/users/{user}/AppData/Local/Google/Chrome/User Data"
    ));
    let extension =
        chrome_data.join("Default/Extensions/padekgcemlokbadohgkifijomclgjgif/2.5.21_0");
    std::fs::create_dir_all(&extension).expect("extension folder");
    let r = wine.check("network.proxy");
    wine.reg(&["delete", policy, "/f"]);
    wine.reg(&["delete", r"HKCU\SOFTWARE\Policies\Mozilla", "/f"]);
    let _ = std::fs::remove_dir_all(&profile);
    let _ = std::fs::remove_dir_all(&chrome_data);
    let p = result(&r, "network.proxy");
    assert_eq!(p["status"], "fail", "{p}");
    assert_eq!(
        p["measured"]["extensions"],
        serde_json::json!([{"source": "chrome:Default:extension", "name": "Proxy SwitchyOmega"}]),
        "{p}"
    );
    let sources: Vec<(String, String)> = p["measured"]["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .map(|s| {
            (
                s["source"].as_str().unwrap_or_default().to_string(),
                s["value"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert!(
        sources.contains(&("chrome:policy:HKCU".into(), "127.0.0.1:7890".into())),
        "{p}"
    );
    assert!(
        sources.contains(&(
            "firefox:w1ne0000.default-release:socks".into(),
            "127.0.0.1:7891".into()
        )),
        "{p}"
    );
    assert!(
        sources.contains(&("firefox:policy:HKCU".into(), "127.0.0.1:7892".into())),
        "{p}"
    );
}

/// Where Windows keeps the privacy switches for the camera and the microphone.
const CONSENT: &str =
    r"HKCU\Software\Microsoft\Windows\CurrentVersion\CapabilityAccessManager\ConsentStore";

/// A browser denied the camera on its own in the privacy settings, and desktop apps denied the
/// microphone: both device checks fail and say which switch, in the Windows build.
#[test]
fn privacy_switches_that_block_the_browser_fail_the_device_checks() {
    let Some(wine) = Wine::from_env() else { return };
    let _session = wine.fresh_session();
    let chrome = format!(
        r"{CONSENT}\webcam\NonPackaged\C:#Program Files#Google#Chrome#Application#chrome.exe"
    );
    let mic = format!(r"{CONSENT}\microphone\NonPackaged");
    wine.set_text(&chrome, "Value", "Deny");
    wine.set_text(&mic, "Value", "Deny");
    let r = wine.check("camera.device,audio.device");
    wine.reg(&["delete", &format!(r"{CONSENT}\webcam"), "/f"]);
    wine.reg(&["delete", &format!(r"{CONSENT}\microphone"), "/f"]);
    let cam = result(&r, "camera.device");
    assert_eq!(cam["status"], "fail", "{cam}");
    assert_eq!(cam["measured"]["privacy_blocked"], "browser", "{cam}");
    assert_eq!(
        cam["measured"]["privacy_denied_programs"],
        serde_json::json!(["chrome.exe"]),
        "{cam}"
    );
    let audio = result(&r, "audio.device");
    assert_eq!(audio["status"], "fail", "{audio}");
    assert_eq!(
        audio["measured"]["privacy_blocked"], "desktop_apps",
        "{audio}"
    );
    // With the switches gone the checks give their own verdicts again (no camera under Wine).
    let r = wine.check("camera.device");
    let cam = result(&r, "camera.device");
    assert!(cam["measured"].get("privacy_blocked").is_none(), "{cam}");
}

/// Where a DirectShow video-input device is registered for this user.
const OBS_CAMERA: &str = r"HKCU\Software\Classes\CLSID\{860BB310-5D01-11d0-BD3B-00A0C911CE86}\Instance\{A3FCE0F5-3493-419F-958A-ABA1250EC20B}";

const APP_PATHS_CHROME: &str =
    r"HKCU\Software\Microsoft\Windows\CurrentVersion\App Paths\chrome.exe";
/// The per-machine Uninstall list as a 32-bit installer sees it (the 64-bit `reg` writes the
/// 32-bit view under WOW6432Node).
const UNINSTALL_32: &str = r"HKLM\Software\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall\Mozilla Firefox 128.5.1 (x86 zh-CN)";
const UNINSTALL_USER: &str =
    r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\AdsPower Global";

/// A program file with a real version resource: Wine's Internet Explorer (9.0.8112.16421),
/// copied where Chrome installs as `chrome.exe`. Returns its Windows path.
fn fake_chrome_exe(wine: &Wine) -> String {
    let drive_c = std::path::Path::new(&wine.prefix).join("drive_c");
    let dir = drive_c.join("selfcheck-test/Chrome/Application");
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::copy(
        drive_c.join("Program Files/Internet Explorer/iexplore.exe"),
        dir.join("chrome.exe"),
    )
    .expect("Wine's iexplore.exe is in the prefix");
    r"C:\selfcheck-test\Chrome\Application\chrome.exe".to_string()
}

/// Browsers found where installers leave them, in the Windows build: Chrome's program file
/// from `App Paths` with the version read from the file itself (no BLBeacon: never launched),
/// Firefox from the 32-bit per-machine Uninstall list, and a fingerprint browser from the
/// per-user one.
#[test]
fn browsers_from_app_paths_uninstall_lists_and_file_versions() {
    let Some(wine) = Wine::from_env() else { return };
    let _session = wine.fresh_session();
    clear_proxy_chrome_and_bios(&wine);
    wine.set_text(HTTPS_CHOICE, "ProgId", "ChromeHTML");
    let chrome = fake_chrome_exe(&wine);
    wine.reg(&["add", APP_PATHS_CHROME, "/ve", "/d", &chrome, "/f"]);
    let r = wine.check("browser.version");
    let b = result(&r, "browser.version");
    // Version 9 from the file's resource: too old, and named with its path.
    assert_eq!(b["status"], "fail", "{b}");
    assert_eq!(b["measured"]["browsers"][0]["family"], "chrome", "{b}");
    assert_eq!(
        b["measured"]["browsers"][0]["version"], "9.0.8112.16421",
        "{b}"
    );
    assert_eq!(b["measured"]["browsers"][0]["path"], chrome.as_str(), "{b}");

    wine.set_text(UNINSTALL_32, "DisplayName", "Mozilla Firefox (x86 zh-CN)");
    wine.set_text(UNINSTALL_32, "DisplayVersion", "128.5.1");
    let r = wine.check("browser.version");
    let b = result(&r, "browser.version");
    assert_eq!(b["status"], "pass", "{b}");
    assert!(b["summary"].to_string().contains("128.5.1"), "{b}");

    wine.set_text(UNINSTALL_USER, "DisplayName", "AdsPower Global");
    let r = wine.check("browser.version");
    wine.reg(&["delete", UNINSTALL_USER, "/f"]);
    wine.reg(&["delete", UNINSTALL_32, "/f"]);
    wine.reg(&["delete", APP_PATHS_CHROME, "/f"]);
    let b = result(&r, "browser.version");
    assert_eq!(b["status"], "warn", "{b}");
    assert_eq!(
        b["measured"]["fingerprint_browsers"],
        serde_json::json!(["AdsPower Global"]),
        "{b}"
    );
    assert!(b["advice"].to_string().contains("AdsPower Global"), "{b}");
}

/// On Windows 7 (Wine told to play Windows 7 for one copy of the exe, the way Wine sets a
/// version per program), an old Chrome is told that Chrome stops at 109 there.
#[test]
fn windows_7_is_told_that_chrome_stops_at_109() {
    let Some(wine) = Wine::from_env() else { return };
    let _session = wine.fresh_session();
    clear_proxy_chrome_and_bios(&wine);
    let dir = tempfile::tempdir().expect("tmp");
    let exe = dir.path().join("selfcheck-win7.exe");
    std::fs::copy(&wine.exe, &exe).expect("copy exe");
    let per_program = r"HKCU\Software\Wine\AppDefaults\selfcheck-win7.exe";
    wine.set_text(per_program, "Version", "win7");
    wine.set_text(BEACON, "version", "109.0.5414.120");
    let r = wine.check_with(&exe, "browser.version");
    wine.reg(&["delete", per_program, "/f"]);
    clear_proxy_chrome_and_bios(&wine);
    let b = result(&r, "browser.version");
    assert_eq!(b["status"], "fail", "{b}");
    assert_eq!(b["measured"]["old_windows"], "Windows 7", "{b}");
    let advice = b["advice"].to_string();
    assert!(
        advice.contains("Windows 7") && advice.contains("109"),
        "{b}"
    );
}

/// When the window cannot open (here OpenGL, asked for alone, finds no driver: Mesa is
/// pointed at an empty folder), selfcheck.exe ends with exit code 2 and tells the seller in a
/// message box (read through its test hook), in Chinese, pointing to the compatibility entry.
/// (With no display at all Wine gives the app a window nobody sees, so that is not a failure
/// Wine can show.)
#[cfg(target_os = "linux")]
#[test]
fn when_the_window_cannot_open_the_exe_says_so_in_a_message_box() {
    let Some(wine) = Wine::from_env() else { return };
    let _session = wine.fresh_session();
    let x = Xvfb::start(true);
    let dir = tempfile::tempdir().expect("tmp");
    let boxes = dir.path().join("boxes.txt");
    let mut c = wine.command(wine.exe.to_str().expect("utf8"));
    c.args(["--lang", "zh-CN", "--no-network", "--renderer", "glow"])
        .env("DISPLAY", &x.display)
        .env("LIBGL_DRIVERS_PATH", "/nonexistent")
        .env("__EGL_VENDOR_LIBRARY_FILENAMES", "/nonexistent.json")
        // Wine's Z: drive is the Linux file system.
        .env(
            "SELFCHECK_MESSAGE_BOX_LOG",
            format!("Z:{}", boxes.display()).replace('/', "\\"),
        );
    let (code, _, stderr) = wine.run(c, Duration::from_secs(120));
    drop(x);
    assert_eq!(code, Some(2), "{stderr}");
    let told = std::fs::read_to_string(&boxes).unwrap_or_else(|e| panic!("{e}: {stderr}"));
    assert!(
        told.starts_with("视频验证自检助手\n无法打开程序窗口（glow"),
        "{told}"
    );
    assert!(told.contains("兼容模式"), "{told}");
}

/// Starting selfcheck.exe opens its window under Wine: with wgpu when Wine offers a device,
/// else through the renderer retry with OpenGL (both were seen: the debug build logged
/// "wgpu: … Parent device is lost; trying glow").
#[cfg(target_os = "linux")]
#[test]
fn windows_build_opens_its_window_under_wine() {
    let Some(wine) = Wine::from_env() else { return };
    let _session = wine.fresh_session();
    let x = Xvfb::start(true);
    let log = tempfile::NamedTempFile::new().expect("log");
    let mut c = wine.command(wine.exe.to_str().expect("utf8"));
    let mut app = c
        .args(["--lang", "zh-CN", "--no-network"])
        .env("DISPLAY", &x.display)
        .stdout(Stdio::null())
        .stderr(log.reopen().expect("log"))
        .spawn()
        .expect("wine starts");
    let up = x.wait_for_window(APP_TITLE, Duration::from_secs(90));
    // Closing the display ends the app (and its renderer retry) with it.
    drop(x);
    let _ = app.kill();
    let _ = app.wait();
    let stderr = std::fs::read_to_string(log.path()).unwrap_or_default();
    let up = up.unwrap_or_else(|| panic!("no window from selfcheck.exe: {stderr}"));
    eprintln!(
        "selfcheck.exe window after {:.1} s; {stderr}",
        up.as_secs_f64()
    );
}
