//! How long the speech analysis takes on 10 s of 16 kHz and 48 kHz audio (median of 30 runs).
//! Run: `cargo bench --bench audio_analysis`.

use selfcheck::analysis::audio_levels::MonoAudio;
use selfcheck::analysis::speech::analyze;
use std::time::Instant;

fn speech_like(rate: u32, seconds: f64) -> MonoAudio {
    let n = (f64::from(rate) * seconds) as usize;
    let mut seed: u32 = 7;
    let samples = (0..n)
        .map(|i| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            let noise = ((seed >> 16) as f32 / 32768.0 - 1.0) * 0.01;
            let t = i as f32 / rate as f32;
            let syllable = if (t % 1.0) < 0.4 { 0.3 } else { 0.0 };
            syllable * (2.0 * std::f32::consts::PI * 220.0 * t).sin() + noise
        })
        .collect();
    MonoAudio { rate, samples }
}

fn main() {
    for rate in [16_000u32, 48_000] {
        let audio = speech_like(rate, 10.0);
        let mut times: Vec<f64> = (0..30)
            .map(|_| {
                let t = Instant::now();
                let a = analyze(&audio, 6);
                assert_eq!(a.vad.segments.len(), 10);
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        times.sort_by(f64::total_cmp);
        println!(
            "analyse 10 s at {rate} Hz: median {:.2} ms (min {:.2}, max {:.2})",
            times[15], times[0], times[29]
        );
    }
}
