//! Everything the audio checks judge, measured in one pass over a recording.

use super::audio_levels::{
    Clipping, MonoAudio, SILENCE_DB, amplitude_db, clipping, is_exact_silence, to_db,
};
use super::voice_activity::{VadParams, VoiceActivity, detect};

#[derive(Debug, Clone, PartialEq)]
pub struct SpeechAnalysis {
    pub duration_s: f64,
    pub exact_silence: bool,
    pub vad: VoiceActivity,
    /// Peak sample inside speech, dBFS (`SILENCE_DB` without speech).
    pub speech_peak_db: f64,
    /// Mean energy of speech frames, dBFS.
    pub speech_rms_db: f64,
    pub noise_floor_db: f64,
    /// Speech level minus noise floor, dB.
    pub snr_db: f64,
    pub clipping: Clipping,
    pub clipped_fraction: f64,
}

pub fn analyze(audio: &MonoAudio, clipping_run: usize) -> SpeechAnalysis {
    let vad = detect(audio, &VadParams::default());
    let rate = f64::from(audio.rate.max(1));
    let mut peak = 0.0f64;
    for seg in &vad.segments {
        let a = ((seg.start_s * rate) as usize).min(audio.samples.len());
        let b = ((seg.end_s * rate) as usize).min(audio.samples.len());
        for s in &audio.samples[a..b] {
            peak = peak.max(f64::from(s.abs()));
        }
    }
    let speech_frames: Vec<f64> = vad
        .speech_frames()
        .filter_map(|i| vad.frames_db.get(i).copied())
        .collect();
    let speech_rms_db = if speech_frames.is_empty() {
        SILENCE_DB
    } else {
        let mean_power = speech_frames
            .iter()
            .map(|db| 10f64.powf(db / 10.0))
            .sum::<f64>()
            / speech_frames.len() as f64;
        to_db(mean_power)
    };
    let clip = clipping(&audio.samples, clipping_run);
    SpeechAnalysis {
        duration_s: audio.duration_s(),
        exact_silence: is_exact_silence(&audio.samples),
        speech_peak_db: amplitude_db(peak),
        speech_rms_db,
        noise_floor_db: vad.noise_floor_db,
        snr_db: if speech_frames.is_empty() {
            0.0
        } else {
            speech_rms_db - vad.noise_floor_db
        },
        clipped_fraction: clip.clipped_samples as f64 / audio.samples.len().max(1) as f64,
        clipping: clip,
        vad,
    }
}
