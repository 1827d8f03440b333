//! The digit rehearsal on one clock: the microphone (a real recording replayed through the
//! capture path) opens half a second late, as Bluetooth headsets do, and a seller who starts
//! reading 0.3 s after the digits appear is still judged on time — the digits' moment and the
//! recording's first sample are stamped on the same clock. The same recording judged the old
//! way (digits assumed at the countdown's end of the recording) reads as "too early", which is
//! the fault this guards against.

mod common;

use selfcheck::capture::microphone::{MicCapture, MicSource};
use selfcheck::checks::Status;
use selfcheck::i18n::{Lang, Tr};
use selfcheck::profile::Profile;
use selfcheck::session::digit_reading::DigitReading;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const COUNTDOWN_S: f64 = 1.5;
const RECORD_S: f64 = 5.0;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/audio/fsdd_jackson_4719_gap0.5s.wav"
);

/// Where the voice starts in the fixture itself (it has its own quiet lead-in).
fn fixture_onset_s() -> f64 {
    let bytes = std::fs::read(FIXTURE).expect("fixture");
    let audio = selfcheck::capture::wav_file::decode(&bytes).expect("wav");
    let a = selfcheck::analysis::speech::analyze(&audio, 4);
    a.vad.segments.first().expect("speech").start_s
}

/// The four-digit reading from the fixtures, with faint room noise in front so that the voice
/// starts `voice_at_s` into the file.
fn reading_after(voice_at_s: f64, dir: &Path) -> PathBuf {
    let lead_s = voice_at_s - fixture_onset_s();
    assert!(
        lead_s >= 0.0,
        "the fixture's own lead-in is longer than {voice_at_s} s"
    );
    common::audio::digits_after_noise(dir, &format!("reading_{voice_at_s}.wav"), lead_s)
}

/// Runs the rehearsal's timing as the digit step does (the screen drawn every 20 ms) and
/// judges `audio.digits` with the digits' moment it measured, and with the old assumption.
fn rehearse(wav: &Path, mic_late: Duration) -> (f64, Status, Status) {
    let profile = Profile::builtin().expect("profile");
    let keep = COUNTDOWN_S + RECORD_S + 1.0;
    let mic = MicCapture::start_after(&MicSource::Replay(wav.to_path_buf()), keep, mic_late)
        .expect("replay opens");
    let mut reading = DigitReading::start(mic, "4719".into(), COUNTDOWN_S, RECORD_S);
    let limit = Instant::now() + Duration::from_secs(30);
    while !reading.finished() {
        assert!(Instant::now() < limit, "the rehearsal never finished");
        reading.show_digits_now();
        std::thread::sleep(Duration::from_millis(20));
    }
    let r = reading.reading();
    let req = &profile.audio;
    let a = selfcheck::analysis::speech::analyze(&r.audio, req.clipping_run_samples as usize);
    let tr = Tr::new(Lang::En);
    let judged = selfcheck::checks::audio::digits(&a, 4, Some(r.shown_at_s), req, &tr);
    let old_way = selfcheck::checks::audio::digits(&a, 4, Some(COUNTDOWN_S), req, &tr);
    eprintln!(
        "mic late {mic_late:?}: digits at {:.2} s into the recording ({:.2} s long); onsets {}; {} / old way {}",
        r.shown_at_s,
        r.audio.duration_s(),
        judged.measured["onsets_s"],
        judged.summary,
        old_way.summary
    );
    (r.shown_at_s, judged.status, old_way.status)
}

#[test]
fn a_microphone_opening_half_a_second_late_does_not_make_a_prompt_reader_early() {
    let dir = tempfile::tempdir().expect("tmp");
    // Speech 0.3 s after the digits appear: 1.8 s after the start, 1.3 s into a recording
    // whose first sample arrives 0.5 s after the start.
    let wav = reading_after(COUNTDOWN_S + 0.3 - 0.5, dir.path());
    let (shown_at, judged, old_way) = rehearse(&wav, Duration::from_millis(500));
    assert!(
        (shown_at - (COUNTDOWN_S - 0.5)).abs() < 0.1,
        "the digits appeared 1.0 s into the recording, measured {shown_at:.2}"
    );
    assert_eq!(judged, Status::Pass, "a prompt reader is on time");
    assert_eq!(
        old_way,
        Status::Fail,
        "the old clock read this as too early"
    );
}

#[test]
fn with_a_prompt_microphone_the_digits_are_at_the_countdown_and_an_early_reader_fails() {
    let dir = tempfile::tempdir().expect("tmp");
    let on_time = reading_after(COUNTDOWN_S + 0.3, dir.path());
    let (shown_at, judged, _) = rehearse(&on_time, Duration::ZERO);
    assert!((shown_at - COUNTDOWN_S).abs() < 0.1, "{shown_at:.2}");
    assert_eq!(judged, Status::Pass);
    // Reading from memory before the digits appear: speech 0.6 s before them.
    let early = reading_after(COUNTDOWN_S - 0.6, dir.path());
    let (_, judged, _) = rehearse(&early, Duration::ZERO);
    assert_eq!(judged, Status::Fail);
}
