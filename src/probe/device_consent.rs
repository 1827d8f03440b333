//! Whether Windows lets programs use the camera or the microphone (Settings → Privacy &
//! security → Camera / Microphone). Three switches each, stored as "Allow" / "Deny" under
//! `…\CapabilityAccessManager\ConsentStore\webcam` (or `microphone`): the machine's (HKLM,
//! "camera access" for the device), the user's (HKCU, "let apps access"), and `NonPackaged`
//! (HKCU, "let desktop apps access" — Chrome, Firefox and this app are desktop apps). Below
//! `NonPackaged` each desktop program that asked has its own key (its path with `#` for `\`),
//! which can be denied alone: then the browser is blocked even though this app is not.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Device {
    Camera,
    Microphone,
}

impl Device {
    /// The ConsentStore key's name.
    pub fn store_key(self) -> &'static str {
        match self {
            Device::Camera => "webcam",
            Device::Microphone => "microphone",
        }
    }
}

/// The switches as read: `Some(false)` is "Deny", `Some(true)` "Allow", None not set (which
/// Windows treats as allowed) or not Windows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DeviceConsent {
    pub machine: Option<bool>,
    pub user: Option<bool>,
    pub desktop_apps: Option<bool>,
    /// Browser programs (file names) denied on their own under `NonPackaged`.
    pub browsers_denied: Vec<String>,
}

/// What blocks the browser from the device, first the widest switch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Blocked {
    Machine,
    User,
    DesktopApps,
    Browsers(Vec<String>),
}

impl Blocked {
    pub fn code(&self) -> &'static str {
        match self {
            Blocked::Machine => "machine",
            Blocked::User => "user",
            Blocked::DesktopApps => "desktop_apps",
            Blocked::Browsers(_) => "browser",
        }
    }
}

impl DeviceConsent {
    pub fn blocked(&self) -> Option<Blocked> {
        if self.machine == Some(false) {
            Some(Blocked::Machine)
        } else if self.user == Some(false) {
            Some(Blocked::User)
        } else if self.desktop_apps == Some(false) {
            Some(Blocked::DesktopApps)
        } else if !self.browsers_denied.is_empty() {
            Some(Blocked::Browsers(self.browsers_denied.clone()))
        } else {
            None
        }
    }
}

/// "Allow" / "Deny" (any case) as a switch; anything else is not set.
pub fn parse_switch(value: &str) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "allow" => Some(true),
        "deny" => Some(false),
        _ => None,
    }
}

/// The program's file name from a `NonPackaged` key name
/// (`C:#Program Files#Google#Chrome#Application#chrome.exe` → `chrome.exe`), lower-case.
pub fn program_of_key(key: &str) -> String {
    key.rsplit(['#', '\\', '/'])
        .next()
        .unwrap_or(key)
        .to_ascii_lowercase()
}

/// The switches on this machine (all unset except on Windows). `browsers`: the browsers'
/// program file names (profile `browser.programs`).
pub fn read(device: Device, browsers: &[String]) -> DeviceConsent {
    #[cfg(windows)]
    {
        super::windows::device_consent(device, browsers)
    }
    #[cfg(not(windows))]
    {
        let _ = (device, browsers);
        DeviceConsent::default()
    }
}

/// Like `read`, but a reading younger than `max_age` is reused: the app's screens judge the
/// device on every analysed frame, and the switches change only when the seller changes them
/// (a second later the next reading shows it).
pub fn read_recent(
    device: Device,
    browsers: &[String],
    max_age: std::time::Duration,
) -> DeviceConsent {
    use std::sync::Mutex;
    use std::time::Instant;
    static LAST: Mutex<Vec<(Device, Instant, DeviceConsent)>> = Mutex::new(Vec::new());
    let mut last = LAST.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, at, c)) = last.iter().find(|(d, _, _)| *d == device)
        && at.elapsed() < max_age
    {
        return c.clone();
    }
    let fresh = read(device, browsers);
    last.retain(|(d, _, _)| *d != device);
    last.push((device, Instant::now(), fresh.clone()));
    fresh
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn switches_and_program_names_as_windows_writes_them() {
        assert_eq!(parse_switch("Deny"), Some(false));
        assert_eq!(parse_switch("Allow"), Some(true));
        assert_eq!(parse_switch("Prompt"), None);
        assert_eq!(
            program_of_key(r"C:#Program Files#Google#Chrome#Application#chrome.exe"),
            "chrome.exe"
        );
        assert_eq!(program_of_key("MSEdge.EXE"), "msedge.exe");
    }

    #[test]
    fn the_widest_switch_that_denies_is_named() {
        let mut c = DeviceConsent::default();
        assert_eq!(c.blocked(), None);
        c.browsers_denied = vec!["chrome.exe".into()];
        assert_eq!(
            c.blocked(),
            Some(Blocked::Browsers(vec!["chrome.exe".into()]))
        );
        c.desktop_apps = Some(false);
        assert_eq!(c.blocked(), Some(Blocked::DesktopApps));
        c.user = Some(true);
        c.machine = Some(false);
        assert_eq!(c.blocked(), Some(Blocked::Machine));
    }
}
