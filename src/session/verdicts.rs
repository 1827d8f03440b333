//! The app's verdicts with their facts kept (see `checks::Judged`): what a step measured
//! live is written in whichever language the seller switches to.

use crate::analysis::frame_analysis::FrameAnalysis;
use crate::capture::camera::CameraState;
use crate::checks::{CheckResult, Judged};
use crate::i18n::Tr;
use crate::profile::{CameraReq, ImageReq, Profile};
use std::sync::Arc;

/// A picture verdict (`checks::image::lighting`, `sharpness`, `faces`) of one analysis.
pub fn image(
    a: &Arc<FrameAnalysis>,
    p: &Arc<Profile>,
    judge: fn(&FrameAnalysis, &ImageReq, &Tr) -> CheckResult,
) -> Judged {
    let (a, p) = (a.clone(), p.clone());
    Judged::new(move |tr| judge(&a, &p.image, tr))
}

/// A delivered-picture verdict (`checks::camera::resolution`, `frame_rate`).
pub fn camera(
    state: &CameraState,
    p: &Arc<Profile>,
    judge: fn(&CameraState, &CameraReq, &Tr) -> CheckResult,
) -> Judged {
    let (state, p) = (state.clone(), p.clone());
    Judged::new(move |tr| judge(&state, &p.camera, tr))
}

/// The privacy switches are read at most this often (the screens judge on every frame).
const CONSENT_MAX_AGE: std::time::Duration = std::time::Duration::from_secs(1);

/// `camera.device`, failed when a Windows privacy switch keeps the browser from the camera.
pub fn camera_device(state: &CameraState, p: &Arc<Profile>) -> Judged {
    use crate::probe::device_consent::{Device, read_recent};
    let consent = read_recent(Device::Camera, &p.browser.programs, CONSENT_MAX_AGE);
    let (state, p) = (state.clone(), p.clone());
    Judged::new(move |tr| {
        let r = crate::checks::camera::device(&state, &p.camera, tr);
        crate::checks::device_privacy::apply(r, &consent, Device::Camera, tr)
    })
}

/// `audio.device` from what the microphone (or its replay) gave.
pub fn microphone(
    heard: Result<crate::capture::microphone::MicLevels, crate::capture::microphone::MicError>,
    p: &Arc<Profile>,
) -> Judged {
    use crate::probe::device_consent::{Device, read_recent};
    let consent = read_recent(Device::Microphone, &p.browser.programs, CONSENT_MAX_AGE);
    let p = p.clone();
    Judged::new(move |tr| {
        let r = crate::checks::audio_device::judge(&heard, &p.audio, tr);
        crate::checks::device_privacy::apply(r, &consent, Device::Microphone, tr)
    })
}

/// `audio.level`, `audio.noise` and `audio.clipping` of one recording, and `audio.digits`
/// when digits were shown (`digits`: how many, and when they appeared).
pub fn speech(
    a: crate::analysis::speech::SpeechAnalysis,
    req: &crate::profile::AudioReq,
    digits: Option<(u32, Option<f64>)>,
) -> Vec<Judged> {
    use crate::checks::audio;
    let (a, req) = (Arc::new(a), Arc::new(req.clone()));
    type Judge =
        fn(&crate::analysis::speech::SpeechAnalysis, &crate::profile::AudioReq, &Tr) -> CheckResult;
    let simple: [Judge; 3] = [audio::level, audio::noise, audio::clipping];
    let mut out: Vec<Judged> = simple
        .into_iter()
        .map(|judge| {
            let (a, req) = (a.clone(), req.clone());
            Judged::new(move |tr| judge(&a, &req, tr))
        })
        .collect();
    if let Some((expected, shown_at_s)) = digits {
        out.push(Judged::new(move |tr| {
            audio::digits(&a, expected, shown_at_s, &req, tr)
        }));
    }
    out
}

/// The digit reading's verdicts: the recording's (`speech`, with the digits) and
/// `rehearsal.lip_sync`, judged by the same code as `selfcheck analyze-reading`.
pub fn reading(facts: crate::session::reading::ReadingFacts, p: &Arc<Profile>) -> Vec<Judged> {
    let mut out = speech(
        facts.speech.clone(),
        &p.audio,
        Some((facts.digits, facts.shown_at_s)),
    );
    let (f, p) = (Arc::new(facts), p.clone());
    out.push(Judged::new(move |tr| {
        crate::session::reading::lip_sync_result(&f, &p.audio, tr)
    }));
    out
}

/// `rehearsal.pan` from one watched pan.
pub fn pan(watch: &crate::checks::pan::PanWatch, p: &Arc<Profile>) -> Judged {
    let (watch, p) = (watch.clone(), p.clone());
    Judged::new(move |tr| crate::checks::pan::judge(&watch, &p.rehearsal, tr))
}
