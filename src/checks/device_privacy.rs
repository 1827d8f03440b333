//! Windows' privacy switches over `camera.device` and `audio.device`: when a switch denies the
//! browser the camera or the microphone, the verification page cannot use it, whatever this
//! app could open — the device check fails and names the switch.

use super::model::{CheckResult, Status};
use crate::i18n::Tr;
use crate::probe::device_consent::{Blocked, Device, DeviceConsent};

/// `r` (the device check's own verdict) unless a privacy switch blocks the browser.
pub fn apply(r: CheckResult, consent: &DeviceConsent, device: Device, tr: &Tr) -> CheckResult {
    let Some(blocked) = consent.blocked() else {
        return r;
    };
    let switch = match &blocked {
        Blocked::Machine => tr.t("privacy-switch-machine"),
        Blocked::User => tr.t("privacy-switch-user"),
        Blocked::DesktopApps => tr.t("privacy-switch-desktop-apps"),
        Blocked::Browsers(programs) => tr.f(
            "privacy-switch-browser",
            &[("programs", programs.join(", "))],
        ),
    };
    let (summary, advice) = match device {
        Device::Camera => (
            tr.f("privacy-camera-blocked", &[("switch", switch)]),
            tr.t("privacy-camera-advice"),
        ),
        Device::Microphone => (
            tr.f("privacy-microphone-blocked", &[("switch", switch)]),
            tr.t("privacy-microphone-advice"),
        ),
    };
    CheckResult {
        status: Status::Fail,
        ..r
    }
    .measured("privacy_blocked", blocked.code())
    .measured(
        "privacy_denied_programs",
        match &blocked {
            Blocked::Browsers(p) => p.clone(),
            _ => Vec::new(),
        },
    )
    .summary(summary)
    .advice(advice)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn passed(tr: &Tr) -> CheckResult {
        CheckResult::new(crate::checks::ids::CAMERA_DEVICE, Status::Pass, tr)
            .measured("name", "USB Camera")
    }

    #[test]
    fn a_denied_switch_fails_the_device_and_says_which() {
        let tr = Tr::new(Lang::En);
        let open = DeviceConsent::default();
        assert_eq!(
            apply(passed(&tr), &open, Device::Camera, &tr).status,
            Status::Pass
        );
        let chrome = DeviceConsent {
            browsers_denied: vec!["chrome.exe".into()],
            ..DeviceConsent::default()
        };
        let r = apply(passed(&tr), &chrome, Device::Camera, &tr);
        assert_eq!(r.status, Status::Fail);
        assert_eq!(r.measured["privacy_blocked"], "browser");
        assert_eq!(r.measured["name"], "USB Camera");
        assert!(r.summary.contains("chrome.exe"), "{}", r.summary);
        let desktop = DeviceConsent {
            desktop_apps: Some(false),
            ..DeviceConsent::default()
        };
        let zh = Tr::new(Lang::ZhCn);
        let r = apply(passed(&zh), &desktop, Device::Microphone, &zh);
        assert_eq!(r.status, Status::Fail);
        assert_eq!(r.measured["privacy_blocked"], "desktop_apps");
        assert!(r.summary.contains("麦克风"), "{}", r.summary);
    }
}
