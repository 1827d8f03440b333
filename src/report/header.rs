//! The report's header: the machine the report was made on (OS, CPU, camera, microphone).
//! Gathered once as facts in no language (`MachineFacts`), written in the report's language
//! when the report is made (`SystemInfo`), so a language switch rewrites it without asking
//! the devices again. No host name, user name, MAC or IP address is part of it.

use crate::i18n::Tr;
use serde::{Deserialize, Serialize};

/// The header as the report holds it, in the report's language.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SystemInfo {
    pub os: String,
    pub cpu: String,
    pub camera: String,
    pub microphone: String,
}

/// What is known of a device for the header.
#[derive(Debug, Clone, PartialEq)]
pub enum DeviceFact {
    /// The names the system gives (cameras: all of them; the microphone: the default one).
    Named(Vec<String>),
    /// The default microphone has a name but cannot be opened.
    NamedUnusable(String),
    NoneFound,
    /// The device list could not be read: the system's reason.
    Unreadable(String),
    /// The device list gave no answer within this many seconds.
    NotResponding(u64),
    /// Pictures or sound came from a recording: its file or folder name (no path).
    Replayed(String),
    /// Not looked at: the report is about a file.
    NotUsed,
}

/// The machine, as facts.
#[derive(Debug, Clone, PartialEq)]
pub struct MachineFacts {
    pub os: String,
    pub cpu: String,
    pub camera: DeviceFact,
    pub microphone: DeviceFact,
}

impl DeviceFact {
    /// A recording at `path`, named by its last part only (the path can hold the user name).
    pub fn replayed(path: &std::path::Path) -> DeviceFact {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        DeviceFact::Replayed(name)
    }

    fn describe(&self, tr: &Tr) -> String {
        match self {
            DeviceFact::Named(names) if !names.is_empty() => names.join(", "),
            DeviceFact::Named(_) | DeviceFact::NoneFound => tr.t("system-none-found"),
            DeviceFact::NamedUnusable(name) => {
                tr.f("system-mic-unavailable", &[("name", name.clone())])
            }
            DeviceFact::Unreadable(reason) => {
                tr.f("system-unreadable", &[("reason", reason.clone())])
            }
            DeviceFact::NotResponding(seconds) => {
                tr.f("system-not-responding", &[("seconds", seconds.to_string())])
            }
            DeviceFact::Replayed(name) => tr.f("system-replayed", &[("name", name.clone())]),
            DeviceFact::NotUsed => tr.t("system-not-used"),
        }
    }
}

impl MachineFacts {
    /// The header in `tr`'s language.
    pub fn describe(&self, tr: &Tr) -> SystemInfo {
        SystemInfo {
            os: self.os.clone(),
            cpu: self.cpu.clone(),
            camera: self.camera.describe(tr),
            microphone: self.microphone.describe(tr),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn facts(camera: DeviceFact, microphone: DeviceFact) -> MachineFacts {
        MachineFacts {
            os: "Windows 11".into(),
            cpu: "Intel ×8".into(),
            camera,
            microphone,
        }
    }

    #[test]
    fn the_same_facts_read_in_either_language() {
        let f = facts(
            DeviceFact::NotResponding(5),
            DeviceFact::NamedUnusable("USB Mic".into()),
        );
        let zh = f.describe(&Tr::new(Lang::ZhCn));
        let en = f.describe(&Tr::new(Lang::En));
        assert_eq!(zh.os, en.os);
        assert!(en.camera.contains("not responding") && en.camera.contains('5'));
        assert!(zh.camera.contains('5') && zh.camera != en.camera);
        assert!(en.microphone.contains("USB Mic") && zh.microphone.contains("USB Mic"));
        assert_ne!(zh.microphone, en.microphone);
    }

    #[test]
    fn a_recording_is_named_without_its_folders() {
        let f = facts(
            DeviceFact::replayed(std::path::Path::new("/home/zhang/录像/frames")),
            DeviceFact::Named(vec!["Mic".into()]),
        );
        let en = f.describe(&Tr::new(Lang::En));
        assert!(en.camera.contains("frames"), "{}", en.camera);
        assert!(!en.camera.contains("zhang"), "{}", en.camera);
        assert_eq!(en.microphone, "Mic");
    }
}
