//! `camera.virtual`: beauty filters and virtual cameras (OBS, Snap Camera, …) end the
//! verification. A running filter program warns; a virtual device as the camera fails.

use super::ids::CAMERA_VIRTUAL;
use super::model::{CheckResult, Status};
use crate::i18n::Tr;
use crate::probe::processes::find_matches;
use crate::profile::VirtualCameraReq;

/// Whether a camera name looks like a virtual or filter device: a marker must appear as whole
/// words ("obs" is OBS Virtual Camera, not an OBSBOT webcam; "camo" is Reincubate Camo, not a
/// "Camouflage" device). Markers in Chinese match anywhere (no spaces between words there).
pub fn is_virtual_name(name: &str, req: &VirtualCameraReq) -> bool {
    let lower = name.to_lowercase();
    req.device_name_markers.iter().any(|m| {
        let m = m.to_lowercase();
        if !m.is_ascii() {
            return lower.contains(&m);
        }
        lower.match_indices(&m).any(|(at, _)| {
            let before = lower[..at].chars().next_back();
            let after = lower[at + m.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

/// The camera list could not be read (a driver fault, a blocked device enumerator): the
/// devices are unknown, so the check cannot pass; a filter program found running still warns.
pub fn list_failed(
    processes: &[String],
    reason: &str,
    req: &VirtualCameraReq,
    tr: &Tr,
) -> CheckResult {
    let programs = find_matches(processes, &req.programs);
    if programs.is_empty() {
        return CheckResult::error(
            CAMERA_VIRTUAL,
            tr,
            tr.f("vcam-list-failed", &[("reason", reason.to_string())]),
        );
    }
    CheckResult::new(CAMERA_VIRTUAL, Status::Warn, tr)
        .measured("programs", programs.clone())
        .measured("camera_list_error", reason)
        .threshold("allowed", false)
        .summary(tr.f("vcam-summary-present", &[("found", programs.join(", "))]))
        .advice(tr.t("vcam-advice"))
}

/// `cameras` lists device names; the first one is what the browser picks by default.
pub fn judge(
    processes: &[String],
    cameras: &[String],
    req: &VirtualCameraReq,
    tr: &Tr,
) -> CheckResult {
    let programs = find_matches(processes, &req.programs);
    let virtual_devices: Vec<String> = cameras
        .iter()
        .filter(|c| is_virtual_name(c, req))
        .cloned()
        .collect();
    let default_virtual = cameras.first().is_some_and(|c| is_virtual_name(c, req));
    let base = |status| {
        CheckResult::new(CAMERA_VIRTUAL, status, tr)
            .measured("programs", programs.clone())
            .measured("virtual_devices", virtual_devices.clone())
            .measured("default_is_virtual", default_virtual)
            .threshold("allowed", false)
    };
    if default_virtual {
        base(Status::Fail)
            .summary(tr.f(
                "vcam-summary-default",
                &[("name", cameras.first().cloned().unwrap_or_default())],
            ))
            .advice(tr.t("vcam-advice"))
    } else if !programs.is_empty() || !virtual_devices.is_empty() {
        let found: Vec<String> = programs
            .iter()
            .chain(virtual_devices.iter())
            .cloned()
            .collect();
        base(Status::Warn)
            .summary(tr.f("vcam-summary-present", &[("found", found.join(", "))]))
            .advice(tr.t("vcam-advice"))
    } else {
        base(Status::Pass).summary(tr.t("vcam-summary-none"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::profile::Profile;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn virtual_devices_and_programs() {
        let req = Profile::builtin().expect("p").virtual_camera;
        let tr = Tr::new(Lang::En);
        let r = judge(
            &[],
            &s(&["OBS Virtual Camera", "Integrated Camera"]),
            &req,
            &tr,
        );
        assert_eq!(r.status, Status::Fail);
        let r = judge(
            &s(&["obs64.exe"]),
            &s(&["Integrated Camera", "OBS Virtual Camera"]),
            &req,
            &tr,
        );
        assert_eq!(r.status, Status::Warn);
        assert_eq!(r.measured["programs"][0], "obs64");
        let r = judge(
            &s(&["explorer.exe"]),
            &s(&["HD Pro Webcam C920"]),
            &req,
            &tr,
        );
        assert_eq!(r.status, Status::Pass);
        assert!(is_virtual_name("Snap Camera", &req));
        assert!(!is_virtual_name("Logitech BRIO", &req));
    }

    #[test]
    fn markers_match_whole_words_so_real_webcams_are_not_flagged() {
        let req = Profile::builtin().expect("p").virtual_camera;
        // Names these programs give their devices (their documentation and device lists).
        for v in [
            "OBS Virtual Camera",
            "OBS-Camera",
            "ManyCam Virtual Webcam",
            "XSplit VCam",
            "Snap Camera",
            "e2eSoft iVCam",
            "DroidCam Source 3",
            "Iriun Webcam",
            "Camo",
            "NVIDIA Broadcast",
            "CyberLink YouCam 10",
            "SplitCam Video Driver",
            "Windows Virtual Camera",
        ] {
            assert!(is_virtual_name(v, &req), "{v} is virtual");
        }
        for real in [
            "OBSBOT Tiny 2",
            "OBSBOT Meet 4K",
            "Logitech BRIO",
            "HD Pro Webcam C920",
            "Integrated Camera",
            "USB2.0 HD UVC WebCam",
            "Camouflage USB Camera",
        ] {
            assert!(!is_virtual_name(real, &req), "{real} is a real webcam");
        }
    }

    #[test]
    fn an_unreadable_camera_list_is_an_error_not_a_pass() {
        let req = Profile::builtin().expect("p").virtual_camera;
        let tr = Tr::new(Lang::En);
        let r = list_failed(&s(&["explorer.exe"]), "0x80070005", &req, &tr);
        assert_eq!(r.status, Status::Error);
        assert!(r.summary.contains("0x80070005"), "{}", r.summary);
        let r = list_failed(&s(&["obs64.exe"]), "0x80070005", &req, &tr);
        assert_eq!(r.status, Status::Warn);
    }
}
