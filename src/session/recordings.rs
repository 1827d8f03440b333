//! A recording or a picture judged whole: the microphone step's test and `analyze-audio` share
//! `speech`; `analyze-image` judges a still picture with `picture` (the live camera looks at
//! its frames in `live_camera` with the same measures and limits).

use super::verdicts;
use crate::analysis::frame::{Rect, RgbFrame};
use crate::checks::{CheckResult, Judged};
use crate::i18n::Tr;
use crate::profile::{AudioReq, Profile};

/// `audio.level`, `audio.noise`, `audio.clipping` of a recording, and `audio.digits` when
/// digits were shown (how many, and when they appeared).
pub fn speech(
    audio: &crate::analysis::audio_levels::MonoAudio,
    req: &AudioReq,
    digits: Option<(u32, Option<f64>)>,
) -> Vec<Judged> {
    let a = crate::analysis::speech::analyze(audio, req.clipping_run_samples as usize);
    verdicts::speech(a, req, digits)
}

/// The picture checks of one still picture (`image.lighting`, `image.sharpness`,
/// `image.faces`, and the card's when `card` marks where it is), the whole picture searched
/// for faces. Err: the face model could not be loaded.
pub fn picture(
    frame: &RgbFrame,
    card: Option<Rect>,
    profile: &Profile,
    tr: &Tr,
) -> Result<Vec<CheckResult>, String> {
    let req = &profile.image;
    let rules = crate::analysis::faces::FaceRules::from_profile(req);
    let mut detector = crate::analysis::faces::FaceDetector::new(rules)?;
    let limits = crate::analysis::limits::FrameLimits::from_profile(req);
    let analysis = crate::analysis::frame_analysis::analyze(frame, card, &mut detector, &limits);
    Ok(crate::checks::image::all(&analysis, card, req, tr))
}
