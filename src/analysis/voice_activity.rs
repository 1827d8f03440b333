//! Finds spoken digits: an energy detector whose threshold adapts to the room (noise floor)
//! and to the speaker (loudest frames), with hysteresis and a hangover that joins the short
//! gaps inside one word ("six", "seven"), so each segment is one spoken digit.

use super::audio_levels::{HOP_S, MonoAudio, frame_db, noise_floor_db, quantile};

/// Tuning of the detector (the defaults fit spoken digits).
#[derive(Debug, Clone, Copy)]
pub struct VadParams {
    /// Speech must rise this far above the noise floor.
    pub above_noise_db: f64,
    /// Frames this far below the loudest speech do not start a segment.
    pub below_peak_db: f64,
    /// A segment continues while frames stay above (start threshold − this).
    pub hysteresis_db: f64,
    /// Gaps shorter than this are joined (inside one word).
    pub join_gap_s: f64,
    /// Segments shorter than this are clicks, not digits.
    pub min_segment_s: f64,
}

impl Default for VadParams {
    fn default() -> VadParams {
        VadParams {
            above_noise_db: 12.0,
            below_peak_db: 28.0,
            hysteresis_db: 6.0,
            join_gap_s: 0.10,
            min_segment_s: 0.10,
        }
    }
}

/// One stretch of speech, in seconds from the start.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment {
    pub start_s: f64,
    pub end_s: f64,
}

/// What the detector found.
#[derive(Debug, Clone, PartialEq)]
pub struct VoiceActivity {
    pub segments: Vec<Segment>,
    pub noise_floor_db: f64,
    pub threshold_db: f64,
    /// Energy (dB) of every frame, for level measurements over the segments.
    pub frames_db: Vec<f64>,
}

impl VoiceActivity {
    pub fn speech_s(&self) -> f64 {
        self.segments.iter().map(|s| s.end_s - s.start_s).sum()
    }

    /// Frame indices inside speech segments.
    pub fn speech_frames(&self) -> impl Iterator<Item = usize> + '_ {
        self.segments.iter().flat_map(|s| {
            let a = (s.start_s / HOP_S).round() as usize;
            let b = ((s.end_s / HOP_S).round() as usize).min(self.frames_db.len());
            a..b
        })
    }
}

pub fn detect(audio: &MonoAudio, p: &VadParams) -> VoiceActivity {
    let frames = frame_db(audio);
    let noise = noise_floor_db(&frames);
    let loud = quantile(&frames, 0.99);
    let threshold = (noise + p.above_noise_db)
        .max(loud - p.below_peak_db)
        .max(-75.0);
    let low = (threshold - p.hysteresis_db).max(noise + p.above_noise_db / 2.0);
    let mut raw: Vec<(usize, usize)> = Vec::new();
    let mut start: Option<usize> = None;
    for (i, db) in frames.iter().enumerate() {
        match start {
            None if *db > threshold => start = Some(i),
            Some(s) if *db <= low => {
                raw.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        raw.push((s, frames.len()));
    }
    let join = (p.join_gap_s / HOP_S).round() as usize;
    let mut joined: Vec<(usize, usize)> = Vec::new();
    for (a, b) in raw {
        match joined.last_mut() {
            Some(last) if a.saturating_sub(last.1) < join => last.1 = b,
            _ => joined.push((a, b)),
        }
    }
    let min = (p.min_segment_s / HOP_S).round() as usize;
    let segments = joined
        .into_iter()
        .filter(|(a, b)| b - a >= min)
        .map(|(a, b)| Segment {
            start_s: a as f64 * HOP_S,
            end_s: b as f64 * HOP_S,
        })
        .collect();
    VoiceActivity {
        segments,
        noise_floor_db: noise,
        threshold_db: threshold,
        frames_db: frames,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bursts of a 300 Hz tone (syllables) separated by silence, over light noise.
    fn bursts(rate: u32, pattern: &[(f64, bool)]) -> MonoAudio {
        let mut samples = Vec::new();
        let mut seed: u32 = 1;
        for (secs, on) in pattern {
            let n = (f64::from(rate) * secs) as usize;
            for i in 0..n {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                let noise = ((seed >> 16) as f32 / 32768.0 - 1.0) * 0.001;
                let tone = if *on {
                    0.3 * (2.0 * std::f32::consts::PI * 300.0 * i as f32 / rate as f32).sin()
                } else {
                    0.0
                };
                samples.push(tone + noise);
            }
        }
        MonoAudio { rate, samples }
    }

    #[test]
    fn counts_syllables_and_joins_short_gaps() {
        let a = bursts(
            16000,
            &[
                (0.3, false),
                (0.4, true),
                (0.6, false),
                (0.3, true),
                (0.08, false),
                (0.2, true),
                (0.6, false),
                (0.4, true),
                (0.5, false),
            ],
        );
        let v = detect(&a, &VadParams::default());
        assert_eq!(v.segments.len(), 3, "{:?}", v.segments);
        assert!((v.segments[0].start_s - 0.3).abs() < 0.03);
        assert!(v.speech_s() > 1.2);
    }

    #[test]
    fn noise_alone_has_no_speech() {
        let a = bursts(8000, &[(2.0, false)]);
        assert!(detect(&a, &VadParams::default()).segments.is_empty());
        let silent = MonoAudio {
            rate: 8000,
            samples: vec![0.0; 16000],
        };
        assert!(detect(&silent, &VadParams::default()).segments.is_empty());
    }
}
