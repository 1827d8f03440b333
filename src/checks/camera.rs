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
        Some(e @ CameraError::Busy(_)) => (
            tr.f("cam-busy", &[("reason", e.detail())]),
            tr.t("cam-advice-busy"),
        ),
        Some(e @ CameraError::Denied(_)) => (
            tr.f("cam-denied", &[("reason", e.detail())]),
            tr.t("cam-advice-denied"),
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

pub fn device(s: &CameraState, req: &CameraReq, tr: &Tr) -> CheckResult {
    if let Some(r) = unusable(CAMERA_DEVICE, s, tr) {
        return r;
    }
    let black = s.stats.black(req.black_mean_luma);
    if s.error.is_none() && s.stats.frames > 0 && black == s.stats.frames {
        // Frames arrive but every one is black: a closed privacy shutter, a covered lens, or a
        // camera the system lets open but feeds nothing. The verification cannot see the seller.
        return CheckResult::new(CAMERA_DEVICE, Status::Fail, tr)
            .measured("name", s.name.clone())
            .measured("frames", s.stats.frames)
            .measured("black_frames", black)
            .threshold("black_mean_luma", req.black_mean_luma)
            .summary(tr.f("cam-all-black", &[("name", s.name.clone())]))
            .advice(tr.t("cam-advice-shutter"));
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
    let black = st.black(req.black_mean_luma);
    let black_share = black as f64 / st.frames.max(1) as f64;
    let mut notes = Vec::new();
    if fps < req.warn_fps_below {
        notes.push(tr.f("cam-fps-low", &[("fps", format!("{fps:.0}"))]));
    }
    if frozen_share > req.warn_stuck_share {
        notes.push(tr.f(
            "cam-frozen",
            &[("pct", format!("{:.0}", frozen_share * 100.0))],
        ));
    }
    if black_share > req.warn_stuck_share {
        notes.push(tr.f(
            "cam-black",
            &[("pct", format!("{:.0}", black_share * 100.0))],
        ));
    }
    // More than half the picture frozen or black is no video call at all.
    let stuck = frozen_share.max(black_share) > req.fail_stuck_share;
    let status = if stuck {
        Status::Fail
    } else if notes.is_empty() {
        Status::Pass
    } else {
        Status::Warn
    };
    let r = CheckResult::new(CAMERA_FRAME_RATE, status, tr)
        .measured("fps", round(fps, 1))
        .measured("frames", st.frames)
        .measured("frozen_frames", st.frozen)
        .measured("black_frames", black)
        .threshold("warn_fps_below", req.warn_fps_below)
        .threshold("warn_stuck_share", req.warn_stuck_share)
        .threshold("fail_stuck_share", req.fail_stuck_share);
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
        assert_eq!(device(&good, &req, &tr).status, Status::Pass);
        assert_eq!(resolution(&good, &req, &tr).status, Status::Pass);
        assert_eq!(frame_rate(&good, &req, &tr).status, Status::Pass);
        let vga = state(90, 640, 480, 30.0, None);
        assert_eq!(resolution(&vga, &req, &tr).status, Status::Fail);
        let slow = state(30, 1280, 720, 8.0, None);
        assert_eq!(frame_rate(&slow, &req, &tr).status, Status::Warn);
        let none = state(0, 0, 0, 30.0, Some(CameraError::NoDevice));
        for r in [
            device(&none, &req, &tr),
            resolution(&none, &req, &tr),
            frame_rate(&none, &req, &tr),
        ] {
            assert_eq!(r.status, Status::Fail);
            assert!(!r.advice.is_empty());
        }
        let unplugged = state(40, 1280, 720, 30.0, Some(CameraError::Lost("gone".into())));
        assert_eq!(device(&unplugged, &req, &tr).status, Status::Fail);
    }

    /// Error texts as nokhwa builds them from the `windows` crate's errors (message, then
    /// the code in brackets, in the system's language) and from Linux's I/O errors.
    #[test]
    fn busy_and_denied_cameras_are_named_as_such_in_any_language() {
        let req = Profile::builtin().expect("p").camera;
        let tr = Tr::new(Lang::ZhCn);
        let open = CameraError::Open;
        let cases = [
            (
                "Could not open device stream: The hardware MFT failed to start streaming due to lack of hardware resources. (0xC00D3704)",
                "busy",
            ),
            (
                "Could not open device stream: 由于缺少硬件资源，硬件 MFT 无法开始流式处理。 (0xC00D3704)",
                "busy",
            ),
            (
                "Could not open device 0: Device or resource busy (os error 16)",
                "busy",
            ),
            (
                "Could not open device stream: 拒绝访问。 (0x80070005)",
                "denied",
            ),
            (
                "Could not open device 0: Permission denied (os error 13)",
                "denied",
            ),
            (
                "Could not open device 0: No such device (os error 19)",
                "other",
            ),
        ];
        for (text, kind) in cases {
            let e = CameraError::from_device(text.to_string(), open);
            let got = match &e {
                CameraError::Busy(_) => "busy",
                CameraError::Denied(_) => "denied",
                _ => "other",
            };
            assert_eq!(got, kind, "{text}");
            let r = device(&state(0, 0, 0, 0.0, Some(e)), &req, &tr);
            assert_eq!(r.status, Status::Fail);
            let advice_key = match kind {
                "busy" => "cam-advice-busy",
                "denied" => "cam-advice-denied",
                _ => "cam-advice-open",
            };
            assert_eq!(r.advice, tr.t(advice_key), "{text}");
        }
        // Frames stop mid-way because another program took the camera: busy, not "lost".
        let lost = CameraError::from_device("(0xC00D3704)".into(), CameraError::Lost);
        assert!(matches!(lost, CameraError::Busy(_)));
    }

    fn stats_of(frames: u32, black_from: u32, frozen_from: u32) -> CameraState {
        let mut stats = FrameStats::default();
        for i in 0..frames {
            let luma = if i >= black_from { 0.0 } else { 100.0 };
            let hash = if i >= frozen_from { 7 } else { u64::from(i) };
            stats.observe(f64::from(i) / 30.0, 1280, 720, hash, luma);
        }
        CameraState {
            name: "HD Webcam".into(),
            mode: None,
            stats,
            error: None,
        }
    }

    /// A closed shutter delivers frames, all black: the camera is not usable for the call.
    #[test]
    fn all_black_frames_fail_the_device_and_half_stuck_fails_the_rate() {
        let req = Profile::builtin().expect("p").camera;
        let tr = Tr::new(Lang::ZhCn);
        let shutter = stats_of(90, 0, 90);
        let r = device(&shutter, &req, &tr);
        assert_eq!(r.status, Status::Fail);
        assert!(r.summary.contains("黑"), "{}", r.summary);
        assert!(!r.advice.is_empty());
        assert_eq!(frame_rate(&shutter, &req, &tr).status, Status::Fail);
        // 20 % black: the device is fine, the rate warns; 60 % frozen: the rate fails.
        let some_black = stats_of(100, 80, 100);
        assert_eq!(device(&some_black, &req, &tr).status, Status::Pass);
        assert_eq!(frame_rate(&some_black, &req, &tr).status, Status::Warn);
        let mostly_frozen = stats_of(100, 100, 40);
        assert_eq!(frame_rate(&mostly_frozen, &req, &tr).status, Status::Fail);
    }
}
