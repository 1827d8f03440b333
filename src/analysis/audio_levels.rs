//! Short-frame levels of mono audio: frame energies, noise floor, speech level and clipping.

/// Frame length and hop for all audio analysis.
pub const FRAME_S: f64 = 0.020;
pub const HOP_S: f64 = 0.010;
/// Floor for dB values of digital silence.
pub const SILENCE_DB: f64 = -120.0;

/// Mono samples in [-1, 1] and their rate.
#[derive(Debug, Clone, PartialEq)]
pub struct MonoAudio {
    pub rate: u32,
    pub samples: Vec<f32>,
}

impl MonoAudio {
    pub fn duration_s(&self) -> f64 {
        self.samples.len() as f64 / f64::from(self.rate.max(1))
    }
}

/// Energy of each 20 ms frame (10 ms hop) in dBFS (a full-scale sine is −3 dB).
pub fn frame_db(audio: &MonoAudio) -> Vec<f64> {
    let frame = ((f64::from(audio.rate) * FRAME_S) as usize).max(1);
    let hop = ((f64::from(audio.rate) * HOP_S) as usize).max(1);
    let s = &audio.samples;
    if s.len() < frame {
        return if s.is_empty() {
            Vec::new()
        } else {
            vec![energy_db(s)]
        };
    }
    (0..=(s.len() - frame) / hop)
        .map(|i| energy_db(&s[i * hop..i * hop + frame]))
        .collect()
}

fn energy_db(x: &[f32]) -> f64 {
    let sum: f64 = x.iter().map(|v| f64::from(*v) * f64::from(*v)).sum();
    to_db(sum / x.len().max(1) as f64)
}

/// Power ratio → dB, with digital silence at `SILENCE_DB`.
pub fn to_db(power: f64) -> f64 {
    if power <= 1e-12 {
        SILENCE_DB
    } else {
        (10.0 * power.log10()).max(SILENCE_DB)
    }
}

/// Amplitude → dBFS.
pub fn amplitude_db(a: f64) -> f64 {
    if a <= 1e-6 {
        SILENCE_DB
    } else {
        20.0 * a.log10()
    }
}

/// The p-quantile (0..1) of values, by nearest rank.
pub fn quantile(values: &[f64], p: f64) -> f64 {
    if values.is_empty() {
        return SILENCE_DB;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let idx = ((p * (v.len() - 1) as f64).round() as usize).min(v.len() - 1);
    v[idx]
}

/// Noise floor: the 10th percentile of frame energies (the quietest moments of the room).
pub fn noise_floor_db(frames: &[f64]) -> f64 {
    quantile(frames, 0.10)
}

/// Runs of consecutive samples at full scale (|x| ≥ 0.999) longer than `min_run` samples.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Clipping {
    pub runs: usize,
    pub clipped_samples: usize,
    pub longest_run: usize,
}

pub fn clipping(samples: &[f32], min_run: usize) -> Clipping {
    let mut c = Clipping::default();
    let mut run = 0usize;
    let close = |run: usize, c: &mut Clipping| {
        if run > min_run {
            c.runs += 1;
            c.clipped_samples += run;
            c.longest_run = c.longest_run.max(run);
        }
    };
    for s in samples {
        if s.abs() >= 0.999 {
            run += 1;
        } else {
            close(run, &mut c);
            run = 0;
        }
    }
    close(run, &mut c);
    c
}

/// True when every sample is exactly zero (a blocked or muted microphone, not a quiet room).
pub fn is_exact_silence(samples: &[f32]) -> bool {
    samples.iter().all(|s| *s == 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sine(rate: u32, seconds: f64, amp: f32) -> MonoAudio {
        let n = (f64::from(rate) * seconds) as usize;
        let samples = (0..n)
            .map(|i| amp * (2.0 * std::f32::consts::PI * 440.0 * i as f32 / rate as f32).sin())
            .collect();
        MonoAudio { rate, samples }
    }

    #[test]
    fn full_scale_sine_is_minus_3_db() {
        let f = frame_db(&sine(16000, 1.0, 1.0));
        assert!(f.len() > 90);
        assert!((f[10] + 3.01).abs() < 0.1, "{}", f[10]);
        let quiet = frame_db(&sine(8000, 0.5, 0.01));
        assert!((quiet[5] + 43.0).abs() < 0.2, "{}", quiet[5]);
    }

    #[test]
    fn silence_noise_floor_and_clipping() {
        let silent = MonoAudio {
            rate: 8000,
            samples: vec![0.0; 8000],
        };
        assert!(is_exact_silence(&silent.samples));
        assert_eq!(noise_floor_db(&frame_db(&silent)), SILENCE_DB);
        let mut s = vec![0.2f32; 100];
        s.extend([1.0; 8]);
        s.extend([0.1; 5]);
        s.extend([-1.0; 3]);
        s.extend([1.0; 20]);
        let c = clipping(&s, 6);
        assert_eq!((c.runs, c.clipped_samples, c.longest_run), (2, 31, 23));
        assert_eq!(quantile(&[3.0, 1.0, 2.0], 0.5), 2.0);
        assert!(
            frame_db(&MonoAudio {
                rate: 8000,
                samples: vec![]
            })
            .is_empty()
        );
    }
}
