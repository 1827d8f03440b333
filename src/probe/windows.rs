//! Windows facts from their real sources: the registry (proxy settings, installed browsers
//! and the default one) and the system metrics (remote session). Parsing lives beside the
//! other platforms' parsers (`proxy::parse_windows_internet_settings`,
//! `browsers::parse_version_line`, `browsers::family_of`) so it is tested everywhere; this file
//! only reads.

use super::browsers::{BrowserFacts, family_of, parse_version_line};
use winreg::RegKey;
use winreg::enums::{HKEY_CURRENT_USER, HKEY_LOCAL_MACHINE, KEY_READ};

const INTERNET_SETTINGS: &str = r"Software\Microsoft\Windows\CurrentVersion\Internet Settings";

/// `ProxyEnable`, `ProxyServer` and `AutoConfigURL` of the current user. A missing key means
/// nothing is set; any other failure is an error the check reports.
pub fn internet_settings() -> Result<(Option<u32>, Option<String>, Option<String>), String> {
    let hkcu = RegKey::predef(HKEY_CURRENT_USER);
    let key = match hkcu.open_subkey_with_flags(INTERNET_SETTINGS, KEY_READ) {
        Ok(k) => k,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((None, None, None)),
        Err(e) => return Err(e.to_string()),
    };
    Ok((
        key.get_value::<u32, _>("ProxyEnable").ok(),
        key.get_value::<String, _>("ProxyServer").ok(),
        key.get_value::<String, _>("AutoConfigURL").ok(),
    ))
}

/// The firmware (SMBIOS) strings Windows copies into
/// `HKLM\HARDWARE\DESCRIPTION\System\BIOS` at boot: ("SystemManufacturer", "QEMU"), …
/// The same strings WMI's `Win32_ComputerSystem` shows, without starting WMI.
pub fn bios_strings() -> Result<Vec<(String, String)>, String> {
    const FIELDS: [&str; 7] = [
        "SystemManufacturer",
        "SystemProductName",
        "SystemVersion",
        "BaseBoardManufacturer",
        "BaseBoardProduct",
        "BIOSVendor",
        "BIOSVersion",
    ];
    let key = RegKey::predef(HKEY_LOCAL_MACHINE)
        .open_subkey_with_flags(r"HARDWARE\DESCRIPTION\System\BIOS", KEY_READ)
        .map_err(|e| e.to_string())?;
    Ok(FIELDS
        .iter()
        .filter_map(|f| {
            let v = key.get_value::<String, _>(f).ok()?;
            let v = v.trim().to_string();
            (!v.is_empty()).then(|| (f.to_string(), v))
        })
        .collect())
}

fn string_value(root: &RegKey, path: &str, name: &str) -> Option<String> {
    root.open_subkey_with_flags(path, KEY_READ)
        .ok()?
        .get_value::<String, _>(name)
        .ok()
        .filter(|v| !v.trim().is_empty())
}

/// Installed browsers: Chrome and Edge record their version in `BLBeacon`, Firefox in
/// `Mozilla Firefox\CurrentVersion`; the install path comes from `App Paths`.
pub fn browsers() -> BrowserFacts {
    let hkcu = RegKey::predef(HKEY_CURRENT_USER);
    let hklm = RegKey::predef(HKEY_LOCAL_MACHINE);
    let app_path = |exe: &str| {
        let key = format!(r"Software\Microsoft\Windows\CurrentVersion\App Paths\{exe}");
        string_value(&hkcu, &key, "")
            .or_else(|| string_value(&hklm, &key, ""))
            .unwrap_or_else(|| exe.to_string())
    };
    let mut facts = BrowserFacts::default();
    let beacons = [
        (
            r"Software\Google\Chrome\BLBeacon",
            "Google Chrome",
            "chrome.exe",
        ),
        (
            r"Software\Microsoft\Edge\BLBeacon",
            "Microsoft Edge",
            "msedge.exe",
        ),
        (r"Software\Chromium\BLBeacon", "Chromium", "chrome.exe"),
    ];
    for (key, name, exe) in beacons {
        if let Some(v) = string_value(&hkcu, key, "version")
            && let Some(b) = parse_version_line(&format!("{name} {v}"), &app_path(exe))
        {
            facts.browsers.push(b);
        }
    }
    let firefox = r"Software\Mozilla\Mozilla Firefox";
    if let Some(v) = string_value(&hklm, firefox, "CurrentVersion")
        .or_else(|| string_value(&hkcu, firefox, "CurrentVersion"))
        && let Some(b) =
            parse_version_line(&format!("Mozilla Firefox {v}"), &app_path("firefox.exe"))
    {
        facts.browsers.push(b);
    }
    let choice = r"Software\Microsoft\Windows\Shell\Associations\UrlAssociations\https\UserChoice";
    if let Some(prog_id) = string_value(&hkcu, choice, "ProgId") {
        facts.default_family = family_of(&prog_id).map(str::to_string);
        facts.default_raw = Some(prog_id);
    }
    facts
}

/// True inside a Remote Desktop (RDP) session.
pub fn remote_session() -> bool {
    use windows_sys::Win32::UI::WindowsAndMessaging::{GetSystemMetrics, SM_REMOTESESSION};
    // SAFETY: GetSystemMetrics takes a constant and has no preconditions.
    unsafe { GetSystemMetrics(SM_REMOTESESSION) != 0 }
}
