//! `rehearsal.lip_sync` on synthetic recordings with known offsets (tests/common/talking_face.rs:
//! the fixtures' real voice, and the fixtures' real portrait whose jaw moves with it — no freely
//! licensed video of someone reading digits exists, so the picture half is made): in step,
//! the sound 1.2 s late and 1.2 s early, a still mouth with a voice reading, nobody in view —
//! through the app's own code (`session::reading`), and through `selfcheck analyze-reading`.
//! The limits were chosen on the tuning face; the validation face (another man, whose closed
//! mouth is opened instead of an open one closed) only checks them.

mod common;

use common::talking_face::{Face, Mouth, ReadingAudio, TalkingFace, frame_at};
use selfcheck::analysis::faces::FaceRules;
use selfcheck::analysis::lip_sync::MouthSample;
use selfcheck::analysis::mouth_track::MouthTracker;
use selfcheck::checks::Status;
use selfcheck::checks::model::CheckResult;
use selfcheck::i18n::{Lang, Tr};
use selfcheck::profile::Profile;
use selfcheck::session::reading::{Reading, judge};

const FPS: f64 = 30.0;

/// The lip-sync result of a 1280×720 reading of the tuning face whose mouth moves as told.
fn judged(mouth: Mouth) -> CheckResult {
    judged_face(Face::Portrait, mouth)
}

fn judged_face(which: Face, mouth: Mouth) -> CheckResult {
    judged_on_clock(which, mouth, 0.0)
}

/// As the app records: camera frames stamped on the shared clock from 0, the microphone's
/// first sample captured `mic_late_s` later; the frames are placed in the recording by that
/// stamp (`session::reading::place_frames`).
fn judged_on_clock(which: Face, mouth: Mouth, mic_late_s: f64) -> CheckResult {
    let profile = Profile::builtin().expect("profile");
    let audio = ReadingAudio::new(2.0, 2.0);
    let face = TalkingFace::of(which, 1280, 720);
    let mut tracker = MouthTracker::new(FaceRules::from_profile(&profile.image)).expect("models");
    // The camera runs from clock 0; what it shows at clock t is the reading's moment
    // t − mic_late_s (the sound of that moment is the recording's sample at that time).
    let n = ((audio.seconds() + mic_late_s) * FPS) as usize;
    let log: Vec<MouthSample> = (0..n)
        .map(|i| {
            let clock_s = i as f64 / FPS;
            let reading_frame = ((clock_s - mic_late_s).max(0.0) * FPS).round() as usize;
            MouthSample {
                t_s: clock_s,
                opening: tracker
                    .look(&frame_at(&face, &audio, mouth, reading_frame, FPS), clock_s)
                    .map(|m| m.mouth_opening()),
            }
        })
        .collect();
    let samples = selfcheck::session::reading::place_frames(&log, Some(mic_late_s));
    let mono = audio.mono();
    let checks = judge(
        &Reading {
            audio: &mono,
            mouth: &samples,
            digits: 4,
            shown_at_s: Some(1.5),
            microphone: Some("USB Audio Device"),
        },
        &profile,
        &Tr::new(Lang::En),
    );
    let digits = checks
        .iter()
        .find(|c| c.id == "audio.digits")
        .expect("digits");
    assert_eq!(digits.status, Status::Pass, "{digits:?}");
    checks
        .into_iter()
        .find(|c| c.id == "rehearsal.lip_sync")
        .expect("lip sync judged")
}

fn offset(r: &CheckResult) -> f64 {
    r.measured["offset_s"].as_f64().expect("an offset")
}

#[test]
fn a_reading_in_step_passes() {
    let r = judged(Mouth::WithVoice { delay_s: 0.0 });
    eprintln!("in step: measured {}", offset(&r));
    assert_eq!(r.status, Status::Pass, "{r:?}");
    assert!(offset(&r).abs() <= 0.1, "{r:?}");
    assert!(
        r.measured["mouth_moving_share"].as_f64().unwrap_or(0.0) > 0.9,
        "{r:?}"
    );
    assert_eq!(
        r.measured["face_in_view_share"].as_f64(),
        Some(1.0),
        "{r:?}"
    );
}

#[test]
fn the_sound_late_or_early_by_1_2_s_fails_with_the_offset_measured() {
    for delay in [1.2, -1.2] {
        let r = judged(Mouth::WithVoice { delay_s: delay });
        assert_eq!(r.status, Status::Fail, "delay {delay}: {r:?}");
        let off = offset(&r);
        assert!((off - delay).abs() <= 0.1, "delay {delay}: measured {off}");
        eprintln!("delay {delay}: measured {off}, {}", r.summary);
    }
}

#[test]
fn the_late_sound_is_a_steady_delay_that_names_the_microphone() {
    let r = judged(Mouth::WithVoice { delay_s: 1.2 });
    assert_eq!(r.measured["steady_delay"].as_bool(), Some(true), "{r:?}");
    assert!(r.advice.contains("USB Audio Device"), "{}", r.advice);
}

#[test]
fn half_a_second_late_warns() {
    let r = judged(Mouth::WithVoice { delay_s: 0.6 });
    eprintln!("delay 0.6: measured {}", offset(&r));
    assert_eq!(r.status, Status::Warn, "{r:?}");
    assert!((offset(&r) - 0.6).abs() <= 0.1, "{r:?}");
}

#[test]
fn a_voice_reading_while_the_mouth_on_camera_is_still_fails() {
    let r = judged(Mouth::Still);
    assert_eq!(r.status, Status::Fail, "{r:?}");
    assert!(
        r.measured["mouth_moving_share"].as_f64().unwrap_or(1.0) < 0.2,
        "{r:?}"
    );
    assert_eq!(
        r.measured["face_in_view_share"].as_f64(),
        Some(1.0),
        "{r:?}"
    );
}

#[test]
fn nobody_in_view_while_reading_fails() {
    let r = judged(Mouth::NoFace);
    assert_eq!(r.status, Status::Fail, "{r:?}");
    assert_eq!(
        r.measured["face_in_view_share"].as_f64(),
        Some(0.0),
        "{r:?}"
    );
    assert!(r.summary.contains("100%"), "{}", r.summary);
}

#[test]
fn validation_face_in_step_late_and_still() {
    let r = judged_face(Face::ClosedMouthMan, Mouth::WithVoice { delay_s: 0.0 });
    eprintln!("validation in step: measured {}", offset(&r));
    assert_eq!(r.status, Status::Pass, "{r:?}");
    assert!(offset(&r).abs() <= 0.1, "{r:?}");
    for delay in [1.2, -1.2] {
        let r = judged_face(Face::ClosedMouthMan, Mouth::WithVoice { delay_s: delay });
        assert_eq!(r.status, Status::Fail, "{r:?}");
        assert!((offset(&r) - delay).abs() <= 0.1, "delay {delay}: {r:?}");
        eprintln!("validation delay {delay}: measured {}", offset(&r));
    }
    let r = judged_face(Face::ClosedMouthMan, Mouth::Still);
    assert_eq!(r.status, Status::Fail, "{r:?}");
    assert!(
        r.measured["mouth_moving_share"].as_f64().unwrap_or(1.0) < 0.2,
        "{r:?}"
    );
}

#[test]
fn a_swaying_head_does_not_move_the_lips_and_reading_while_swaying_is_in_step() {
    let still = judged(Mouth::StillSwaying { amplitude_px: 12.0 });
    assert_eq!(still.status, Status::Fail, "{still:?}");
    assert!(
        still.measured["mouth_moving_share"].as_f64().unwrap_or(1.0) < 0.2,
        "{still:?}"
    );
    let reading = judged(Mouth::SwayingWithVoice { amplitude_px: 12.0 });
    eprintln!("swaying in step: measured {}", offset(&reading));
    assert_eq!(reading.status, Status::Pass, "{reading:?}");
    assert!(offset(&reading).abs() <= 0.1, "{reading:?}");
}

/// The measurement behind choosing the lips' points over a mouth-region measure (README,
/// "Lip sync"): the region measure — mean grey change between looks (10 a second, as the live
/// camera looks) in the lower middle of the face finder's box — against the voice, for a
/// reading with a still head and for a still mouth on a swaying head. The lips' points tell
/// the two apart (the tests above); the region measure sees as much "mouth movement" in the
/// second as in the first.
#[test]
fn a_mouth_region_measure_cannot_tell_a_swaying_head_from_speech() {
    let profile = Profile::builtin().expect("profile");
    let audio = ReadingAudio::new(2.0, 2.0);
    let face = TalkingFace::new(1280, 720);
    let mut finder =
        selfcheck::analysis::faces::FaceDetector::new(FaceRules::from_profile(&profile.image))
            .expect("face finder");
    let voiced = |t: f64| audio.mouth_for_voice_at(t) > 0.0;
    let mut region_motion = |mouth: Mouth| -> f64 {
        let step = (FPS / 10.0) as usize;
        let (mut prev, mut sum, mut n) = (None::<selfcheck::analysis::frame::RgbFrame>, 0.0, 0);
        for i in (0..(audio.seconds() * FPS) as usize).step_by(step) {
            let frame = frame_at(&face, &audio, mouth, i, FPS);
            let Some(b) = finder.detect_look(&frame).first().map(|f| f.rect) else {
                continue;
            };
            if let Some(p) = &prev
                && voiced(i as f64 / FPS)
            {
                // Lower third, middle half of the face box.
                let (x0, x1) = (b.x + b.w / 4, b.x + 3 * b.w / 4);
                let (y0, y1) = (b.y + 2 * b.h / 3, (b.y + b.h).min(frame.height));
                let mut d = 0.0;
                let mut k = 0;
                for y in y0..y1 {
                    for x in x0..x1 {
                        let at = ((y * frame.width + x) * 3) as usize;
                        let g = |f: &selfcheck::analysis::frame::RgbFrame| {
                            f64::from(f.data[at])
                                + f64::from(f.data[at + 1])
                                + f64::from(f.data[at + 2])
                        };
                        d += (g(&frame) - g(p)).abs() / 3.0;
                        k += 1;
                    }
                }
                sum += d / f64::from(k.max(1));
                n += 1;
            }
            prev = Some(frame);
        }
        sum / f64::from(n.max(1))
    };
    let speech = region_motion(Mouth::WithVoice { delay_s: 0.0 });
    let sway = region_motion(Mouth::StillSwaying { amplitude_px: 12.0 });
    eprintln!(
        "mouth-region grey change during speech: reading {speech:.2}, still mouth on a swaying head {sway:.2}"
    );
    assert!(speech > 0.0);
    assert!(sway >= speech * 0.8, "reading {speech}, swaying {sway}");
}

#[test]
fn a_microphone_that_opens_half_a_second_late_still_reads_in_step() {
    let r = judged_on_clock(Face::Portrait, Mouth::WithVoice { delay_s: 0.0 }, 0.5);
    eprintln!("microphone 0.5 s late: measured {}", offset(&r));
    assert_eq!(r.status, Status::Pass, "{r:?}");
    assert!(offset(&r).abs() <= 0.1, "{r:?}");
}
