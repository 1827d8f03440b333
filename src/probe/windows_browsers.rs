//! Installed browsers on Windows, from every place installers leave a trace: `App Paths`
//! (where the program is), the Uninstall lists of both registry views, per machine and per
//! user (what is installed, including browsers never launched), and Chrome's and Edge's
//! `BLBeacon` (the version last run by this user). The version shown is the program file's
//! own (its version resource) wherever the file is known, as that is what will run; the
//! recorded versions fill in otherwise. Matching names lives in `browsers` (tested
//! everywhere); this file only reads.

use super::browsers::{
    Browser, BrowserFacts, family_of, installed_browser, is_fingerprint_browser, windows_before_10,
};
use super::windows::string_value;
use winreg::RegKey;
use winreg::enums::{
    HKEY_CURRENT_USER, HKEY_LOCAL_MACHINE, KEY_READ, KEY_WOW64_32KEY, KEY_WOW64_64KEY,
};

const APP_PATHS: &str = r"Software\Microsoft\Windows\CurrentVersion\App Paths";
const UNINSTALL: &str = r"Software\Microsoft\Windows\CurrentVersion\Uninstall";

/// Program files of the browsers sellers use (family, usual name).
const PROGRAMS: [(&str, &str, &str); 10] = [
    ("chrome.exe", "chrome", "Google Chrome"),
    ("msedge.exe", "edge", "Microsoft Edge"),
    ("firefox.exe", "firefox", "Mozilla Firefox"),
    ("360se.exe", "360", "360安全浏览器"),
    ("360chrome.exe", "360", "360极速浏览器"),
    ("qqbrowser.exe", "qq", "QQ浏览器"),
    ("sogouexplorer.exe", "sogou", "搜狗高速浏览器"),
    ("2345explorer.exe", "2345", "2345加速浏览器"),
    ("liebao.exe", "liebao", "猎豹安全浏览器"),
    ("quark.exe", "quark", "夸克浏览器"),
];

/// One trace of an installed browser.
struct Trace {
    family: &'static str,
    name: String,
    path: Option<String>,
    recorded_version: Option<String>,
}

/// Every browser found, the fingerprint browsers among installed programs (names in
/// `fingerprint_markers`), the default browser and whether Windows is older than 10.
pub fn browsers(fingerprint_markers: &[String]) -> BrowserFacts {
    let mut traces = Vec::new();
    let mut fingerprint = Vec::new();
    for (root, view) in views() {
        app_paths(&root, view, &mut traces);
        uninstall_entries(
            &root,
            view,
            fingerprint_markers,
            &mut traces,
            &mut fingerprint,
        );
    }
    beacons(&mut traces);
    fingerprint.sort();
    fingerprint.dedup();
    let mut facts = BrowserFacts {
        browsers: merge(traces),
        fingerprint,
        old_windows: old_windows(),
        ..BrowserFacts::default()
    };
    let hkcu = RegKey::predef(HKEY_CURRENT_USER);
    let choice = r"Software\Microsoft\Windows\Shell\Associations\UrlAssociations\https\UserChoice";
    if let Some(prog_id) = string_value(&hkcu, choice, "ProgId") {
        facts.default_family = family_of(&prog_id).map(str::to_string);
        facts.default_raw = Some(prog_id);
    }
    facts
}

/// Per user, then per machine in its 64-bit and 32-bit views (a 32-bit installer writes
/// under `WOW6432Node`).
fn views() -> [(RegKey, u32); 3] {
    [
        (RegKey::predef(HKEY_CURRENT_USER), 0),
        (RegKey::predef(HKEY_LOCAL_MACHINE), KEY_WOW64_64KEY),
        (RegKey::predef(HKEY_LOCAL_MACHINE), KEY_WOW64_32KEY),
    ]
}

fn app_paths(root: &RegKey, view: u32, traces: &mut Vec<Trace>) {
    for (exe, family, name) in PROGRAMS {
        let Ok(key) = root.open_subkey_with_flags(format!(r"{APP_PATHS}\{exe}"), KEY_READ | view)
        else {
            continue;
        };
        if let Ok(path) = key.get_value::<String, _>("") {
            let path = unquoted(&path);
            // Chromium installs as chrome.exe too.
            let (family, name) = if family == "chrome" && path.to_lowercase().contains("chromium") {
                ("chromium", "Chromium")
            } else {
                (family, name)
            };
            traces.push(Trace {
                family,
                name: name.to_string(),
                path: Some(path),
                recorded_version: None,
            });
        }
    }
}

fn uninstall_entries(
    root: &RegKey,
    view: u32,
    markers: &[String],
    traces: &mut Vec<Trace>,
    fingerprint: &mut Vec<String>,
) {
    let Ok(list) = root.open_subkey_with_flags(UNINSTALL, KEY_READ | view) else {
        return;
    };
    for sub in list.enum_keys().flatten() {
        let Ok(entry) = list.open_subkey_with_flags(&sub, KEY_READ) else {
            continue;
        };
        let Ok(display) = entry.get_value::<String, _>("DisplayName") else {
            continue;
        };
        if is_fingerprint_browser(&display, markers) {
            fingerprint.push(display.trim().to_string());
            continue;
        }
        let Some((family, name)) = installed_browser(&display) else {
            continue;
        };
        // DisplayIcon is the program file with an icon index ("C:\…\chrome.exe,0").
        let path = entry
            .get_value::<String, _>("DisplayIcon")
            .ok()
            .map(|icon| unquoted(icon.rsplit_once(',').map_or(&icon, |(p, _)| p)))
            .filter(|p| p.to_lowercase().ends_with(".exe"));
        traces.push(Trace {
            family,
            name: name.to_string(),
            path,
            recorded_version: entry.get_value::<String, _>("DisplayVersion").ok(),
        });
    }
}

/// Chrome, Edge and Chromium record the version this user last ran in `BLBeacon`.
fn beacons(traces: &mut Vec<Trace>) {
    let hkcu = RegKey::predef(HKEY_CURRENT_USER);
    for (key, family, name) in [
        (
            r"Software\Google\Chrome\BLBeacon",
            "chrome",
            "Google Chrome",
        ),
        (
            r"Software\Microsoft\Edge\BLBeacon",
            "edge",
            "Microsoft Edge",
        ),
        (r"Software\Chromium\BLBeacon", "chromium", "Chromium"),
    ] {
        if let Some(version) = string_value(&hkcu, key, "version") {
            traces.push(Trace {
                family,
                name: name.to_string(),
                path: None,
                recorded_version: Some(version),
            });
        }
    }
}

/// One browser per program file (or per family where no file is known): the file's own
/// version where it can be read, else the first recorded one. A program file that no longer
/// exists (an entry left behind by an uninstall) is dropped.
fn merge(traces: Vec<Trace>) -> Vec<Browser> {
    let mut out: Vec<Browser> = Vec::new();
    let recorded = |family: &str| {
        traces
            .iter()
            .filter(|t| t.family == family)
            .find_map(|t| t.recorded_version.clone())
    };
    let mut files: Vec<String> = Vec::new();
    for t in traces.iter().filter(|t| t.path.is_some()) {
        let Some(path) = &t.path else { continue };
        if files.iter().any(|f| f.eq_ignore_ascii_case(path)) {
            continue;
        }
        files.push(path.clone());
        if !std::path::Path::new(path).is_file() {
            continue;
        }
        let version = file_version(path).or_else(|| recorded(t.family));
        if let Some(b) = version.and_then(|v| Browser::new(t.family, &t.name, &v, path)) {
            out.push(b);
        }
    }
    // Families seen only in records that name no program file.
    for t in traces.iter().filter(|t| t.path.is_none()) {
        if out.iter().any(|b| b.family == t.family) {
            continue;
        }
        if let Some(b) = t
            .recorded_version
            .as_deref()
            .and_then(|v| Browser::new(t.family, &t.name, v, ""))
        {
            out.push(b);
        }
    }
    out
}

fn unquoted(path: &str) -> String {
    path.trim().trim_matches('"').trim().to_string()
}

/// The product version in a program file's version resource ("131.0.6778.86").
fn file_version(path: &str) -> Option<String> {
    use windows_sys::Win32::Storage::FileSystem::{
        GetFileVersionInfoSizeW, GetFileVersionInfoW, VS_FIXEDFILEINFO, VerQueryValueW,
    };
    let wide: Vec<u16> = path.encode_utf16().chain([0]).collect();
    let mut ignored = 0u32;
    // SAFETY: `wide` is a NUL-terminated UTF-16 path; the out-parameter is a valid u32.
    let size = unsafe { GetFileVersionInfoSizeW(wide.as_ptr(), &mut ignored) };
    if size == 0 {
        return None;
    }
    let mut data = vec![0u8; size as usize];
    // SAFETY: `data` holds `size` writable bytes, as the call is told.
    if unsafe { GetFileVersionInfoW(wide.as_ptr(), 0, size, data.as_mut_ptr().cast()) } == 0 {
        return None;
    }
    let root: Vec<u16> = "\\".encode_utf16().chain([0]).collect();
    let (mut info, mut len) = (std::ptr::null_mut(), 0u32);
    // SAFETY: `data` is the block GetFileVersionInfoW filled; the answer points inside it.
    let found = unsafe { VerQueryValueW(data.as_ptr().cast(), root.as_ptr(), &mut info, &mut len) };
    if found == 0 || info.is_null() || (len as usize) < size_of::<VS_FIXEDFILEINFO>() {
        return None;
    }
    // SAFETY: `info` points at `len` ≥ size_of::<VS_FIXEDFILEINFO>() bytes inside `data`.
    let fixed = unsafe { std::ptr::read_unaligned(info.cast::<VS_FIXEDFILEINFO>()) };
    if fixed.dwSignature != 0xFEEF_04BD {
        return None;
    }
    let (ms, ls) = (fixed.dwProductVersionMS, fixed.dwProductVersionLS);
    Some(format!(
        "{}.{}.{}.{}",
        ms >> 16,
        ms & 0xffff,
        ls >> 16,
        ls & 0xffff
    ))
}

/// The Windows release when older than Windows 10, from `RtlGetVersion` (which, unlike
/// `GetVersionExW`, does not pretend to be Windows 8 to programs without a manifest).
fn old_windows() -> Option<String> {
    use windows_sys::Wdk::System::SystemServices::RtlGetVersion;
    use windows_sys::Win32::System::SystemInformation::OSVERSIONINFOW;
    let mut v = OSVERSIONINFOW {
        dwOSVersionInfoSize: size_of::<OSVERSIONINFOW>() as u32,
        ..Default::default()
    };
    // SAFETY: `v` is an OSVERSIONINFOW with its size field set, as RtlGetVersion requires.
    if unsafe { RtlGetVersion(&mut v) } != 0 {
        return None;
    }
    windows_before_10(v.dwMajorVersion, v.dwMinorVersion)
}
