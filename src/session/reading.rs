//! The digit reading judged: the recording's audio checks and the lip sync, through the same
//! code for the app's digits step and `selfcheck analyze-reading` (a folder of frames and a
//! WAV that starts with the first frame).

use crate::analysis::audio_levels::MonoAudio;
use crate::analysis::lip_sync::{self, LipSync, MouthSample};
use crate::analysis::mouth_track::MouthTracker;
use crate::analysis::speech::SpeechAnalysis;
use crate::checks::model::CheckResult;
use crate::i18n::Tr;
use crate::profile::{AudioReq, Profile};
use std::path::PathBuf;

/// What a reading is judged from, on one clock (seconds from the recording's first sample).
pub struct Reading<'a> {
    pub audio: &'a MonoAudio,
    pub mouth: &'a [MouthSample],
    /// How many digits were shown.
    pub digits: u32,
    /// When the digits appeared.
    pub shown_at_s: Option<f64>,
    /// The microphone's name, for advice about a delaying device.
    pub microphone: Option<&'a str>,
}

/// What was measured of a reading, ready to be judged in any language.
#[derive(Debug, Clone)]
pub struct ReadingFacts {
    pub speech: SpeechAnalysis,
    pub lip: LipSync,
    pub digits: u32,
    pub shown_at_s: Option<f64>,
    pub microphone: Option<String>,
}

pub fn measure(r: &Reading, profile: &Profile) -> ReadingFacts {
    let req = &profile.audio;
    let speech = crate::analysis::speech::analyze(r.audio, req.clipping_run_samples as usize);
    let lip = lip_sync::measure(r.mouth, &speech.vad, &crate::checks::lip_sync::rules(req));
    ReadingFacts {
        speech,
        lip,
        digits: r.digits,
        shown_at_s: r.shown_at_s,
        microphone: r.microphone.map(str::to_string),
    }
}

/// Level, noise, clipping and digits from the audio, then `rehearsal.lip_sync`.
pub fn judge_facts(f: &ReadingFacts, req: &AudioReq, tr: &Tr) -> Vec<CheckResult> {
    let mut checks = crate::checks::audio::all(&f.speech, f.digits, f.shown_at_s, req, tr);
    checks.push(lip_sync_result(f, req, tr));
    checks
}

pub fn lip_sync_result(f: &ReadingFacts, req: &AudioReq, tr: &Tr) -> CheckResult {
    crate::checks::lip_sync::judge(&f.lip, f.microphone.as_deref(), req, tr)
}

pub fn judge(r: &Reading, profile: &Profile, tr: &Tr) -> Vec<CheckResult> {
    judge_facts(&measure(r, profile), &profile.audio, tr)
}

/// Camera frames logged on the shared clock, placed in a recording whose first sample was
/// captured at `first_s` (frames before it are dropped; no sound, no placing).
pub fn place_frames(log: &[MouthSample], first_s: Option<f64>) -> Vec<MouthSample> {
    let Some(first) = first_s else {
        return Vec::new();
    };
    log.iter()
        .filter(|m| m.t_s >= first)
        .map(|m| MouthSample {
            t_s: m.t_s - first,
            ..*m
        })
        .collect()
}

pub use super::frame_folder::{FrameFolderError as ReadingReplayError, pictures};

/// The mouth in every picture, played at `fps` from time 0. Every picture is read (a broken or
/// resized one stops the replay with its name).
pub fn mouth_in(
    files: &[PathBuf],
    fps: f64,
    profile: &Profile,
) -> Result<Vec<MouthSample>, ReadingReplayError> {
    let rules = crate::analysis::faces::FaceRules::from_profile(&profile.image);
    let mut tracker = MouthTracker::new(rules).map_err(ReadingReplayError::Model)?;
    let mut reader = super::frame_folder::FrameReader::default();
    let mut out = Vec::with_capacity(files.len());
    for (i, path) in files.iter().enumerate() {
        let frame = reader.read(path)?;
        let t_s = i as f64 / fps;
        out.push(MouthSample {
            t_s,
            opening: tracker.look(&frame, t_s).map(|m| m.mouth_opening()),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_are_placed_from_the_recordings_first_sample() {
        let log: Vec<MouthSample> = (0..10)
            .map(|i| MouthSample {
                t_s: 100.0 + f64::from(i) * 0.1,
                opening: Some(0.1),
            })
            .collect();
        // The microphone's first sample was captured at clock 100.45.
        let placed = place_frames(&log, Some(100.45));
        assert_eq!(placed.len(), 5);
        assert!((placed[0].t_s - 0.05).abs() < 1e-9, "{placed:?}");
        assert!(place_frames(&log, None).is_empty());
    }
}
