//! `camera.device`, `camera.resolution` (as delivered, not as advertised) and
//! `camera.frame_rate` (rate from frame timestamps, frozen and black frames).

use super::ids::{CAMERA_DEVICE, CAMERA_FRAME_RATE, CAMERA_RESOLUTION};
use super::model::{CheckResult, Status, round};
use crate::capture::camera::{CameraError, CameraState};
use crate::i18n::Tr;
use crate::profile::CameraReq;

/// The shared "no camera / cannot open" failure, so all three checks say the same thing.
fn unusable(id: &str, s: &CameraState, tr: &Tr) -> Option<CheckResult> {
    let (summary, advice) = match &s.error {
        Some(CameraError::NoDevice) => (tr.t("cam-none"), tr.t("cam-advice-none")),
        Some(e @ CameraError::Open(_)) => (
            tr.f("cam-cannot-open", &[("reason", e.detail())]),
            tr.t("cam-advice-open"),
        ),
        Some(e @ CameraError::Replay(_)) => (
            tr.f("cam-cannot-open", &[("reason", e.detail())]),
            tr.t("cam-advice-open"),
        ),
        Some(e @ CameraError::Lost(_)) if s.stats.frames == 0 => (
            tr.f("cam-lost", &[("reason", e.detail())]),
            tr.t("cam-advice-open"),
        ),
        _ if s.stats.frames == 0 => (tr.t("cam-no-frames"), tr.t("cam-advice-open")),
        _ => return None,
    };
    Some(
        CheckResult::new(id, Status::Fail, tr)
            .summary(summary)
            .advice(advice),
    )
}

pub fn device(s: &CameraState, tr: &Tr) -> CheckResult {
    if let Some(r) = unusable(CAMERA_DEVICE, s, tr) {
        return r;
    }
    let r = CheckResult::new(CAMERA_DEVICE, Status::Pass, tr)
        .measured("name", s.name.clone())
        .measured("frames", s.stats.frames)
        .measured(
            "requested_mode",
            s.mode
                .as_ref()
                .map(|m| format!("{}x{}@{} {}", m.width, m.height, m.fps, m.fourcc)),
        );
    match &s.error {
        Some(e) => CheckResult {
            status: Status::Fail,
            ..r
        }
        .summary(tr.f("cam-lost", &[("reason", e.detail())]))
        .advice(tr.t("cam-advice-open")),
        None => r.summary(tr.f("cam-ok", &[("name", s.name.clone())])),
    }
}

pub fn resolution(s: &CameraState, req: &CameraReq, tr: &Tr) -> CheckResult {
    if let Some(r) = unusable(CAMERA_RESOLUTION, s, tr) {
        return r
            .threshold("min_width", req.min_width)
            .threshold("min_height", req.min_height);
    }
    let (w, h) = (s.stats.width, s.stats.height);
    let ok = w >= req.min_width && h >= req.min_height;
    let args = [
        ("w", w.to_string()),
        ("h", h.to_string()),
        ("mw", req.min_width.to_string()),
        ("mh", req.min_height.to_string()),
    ];
    let r = CheckResult::new(
        CAMERA_RESOLUTION,
        if ok { Status::Pass } else { Status::Fail },
        tr,
    )
    .measured("width", w)
    .measured("height", h)
    .threshold("min_width", req.min_width)
    .threshold("min_height", req.min_height);
    if ok {
        r.summary(tr.f("cam-res-ok", &args))
    } else {
        r.summary(tr.f("cam-res-low", &args))
            .advice(tr.t("cam-advice-res"))
    }
}

pub fn frame_rate(s: &CameraState, req: &CameraReq, tr: &Tr) -> CheckResult {
    if let Some(r) = unusable(CAMERA_FRAME_RATE, s, tr) {
        return r.threshold("warn_fps_below", req.warn_fps_below);
    }
    let st = &s.stats;
    let fps = st.fps();
    let frozen_share = st.frozen as f64 / st.frames.max(1) as f64;
    let black_share = st.black as f64 / st.frames.max(1) as f64;
    let mut notes = Vec::new();
    if fps < req.warn_fps_below {
        notes.push(tr.f("cam-fps-low", &[("fps", format!("{fps:.0}"))]));
    }
    if frozen_share > 0.10 {
        notes.push(tr.f(
            "cam-frozen",
            &[("pct", format!("{:.0}", frozen_share * 100.0))],
        ));
    }
    if black_share > 0.10 {
        notes.push(tr.f(
            "cam-black",
            &[("pct", format!("{:.0}", black_share * 100.0))],
        ));
    }
    let r = CheckResult::new(
        CAMERA_FRAME_RATE,
        if notes.is_empty() {
            Status::Pass
        } else {
            Status::Warn
        },
        tr,
    )
    .measured("fps", round(fps, 1))
    .measured("frames", st.frames)
    .measured("frozen_frames", st.frozen)
    .measured("black_frames", st.black)
    .threshold("warn_fps_below", req.warn_fps_below)
    .threshold("max_frozen_or_black_share", 0.10);
    if notes.is_empty() {
        r.summary(tr.f("cam-fps-ok", &[("fps", format!("{fps:.0}"))]))
    } else {
        r.summary(notes.join(" ")).advice(tr.t("cam-advice-fps"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capture::camera_stats::FrameStats;
    use crate::i18n::Lang;
    use crate::profile::Profile;

    fn state(frames: u32, w: u32, h: u32, fps: f64, error: Option<CameraError>) -> CameraState {
        let mut stats = FrameStats::default();
        for i in 0..frames {
            stats.observe(f64::from(i) / fps, w, h, u64::from(i), 100.0);
        }
        CameraState {
            name: "HD Webcam".into(),
            mode: None,
            stats,
            error,
        }
    }

    #[test]
    fn verdicts() {
        let req = Profile::builtin().expect("p").camera;
        let tr = Tr::new(Lang::ZhCn);
        let good = state(90, 1280, 720, 30.0, None);
        assert_eq!(device(&good, &tr).status, Status::Pass);
        assert_eq!(resolution(&good, &req, &tr).status, Status::Pass);
        assert_eq!(frame_rate(&good, &req, &tr).status, Status::Pass);
        let vga = state(90, 640, 480, 30.0, None);
        assert_eq!(resolution(&vga, &req, &tr).status, Status::Fail);
        let slow = state(30, 1280, 720, 8.0, None);
        assert_eq!(frame_rate(&slow, &req, &tr).status, Status::Warn);
        let none = state(0, 0, 0, 30.0, Some(CameraError::NoDevice));
        for r in [
            device(&none, &tr),
            resolution(&none, &req, &tr),
            frame_rate(&none, &req, &tr),
        ] {
            assert_eq!(r.status, Status::Fail);
            assert!(!r.advice.is_empty());
        }
        let unplugged = state(40, 1280, 720, 30.0, Some(CameraError::Lost("gone".into())));
        assert_eq!(device(&unplugged, &tr).status, Status::Fail);
    }
}
