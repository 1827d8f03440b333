//! `camera.virtual`: beauty filters and virtual cameras (OBS, Snap Camera, …) end the
//! verification. A running filter program warns; a virtual device as the camera fails.

use super::ids::CAMERA_VIRTUAL;
use super::model::{CheckResult, Status};
use crate::i18n::Tr;
use crate::probe::processes::find_matches;
use crate::profile::VirtualCameraReq;

/// Whether a camera name looks like a virtual or filter device.
pub fn is_virtual_name(name: &str, req: &VirtualCameraReq) -> bool {
    let lower = name.to_lowercase();
    req.device_name_markers
        .iter()
        .any(|m| lower.contains(&m.to_lowercase()))
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
}
