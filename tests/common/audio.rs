//! Recordings made for tests from the fixtures' real speech.

use std::path::{Path, PathBuf};

/// The fixtures' four-digit reading (`fsdd_jackson_4719_gap0.5s.wav`, 8 kHz) with `lead_s` of
/// faint room noise in front, written to `dir/name`.
pub fn digits_after_noise(dir: &Path, name: &str, lead_s: f64) -> PathBuf {
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/audio/fsdd_jackson_4719_gap0.5s.wav"
    );
    let mut reader = hound::WavReader::open(fixture).expect("wav");
    let spec = reader.spec();
    let speech: Vec<i16> = reader
        .samples::<i16>()
        .map(|s| s.expect("sample"))
        .collect();
    let path = dir.join(name);
    let mut w = hound::WavWriter::create(&path, spec).expect("create");
    let mut seed: u32 = 12345;
    for _ in 0..(f64::from(spec.sample_rate) * lead_s) as u32 {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
        w.write_sample(((seed >> 16) % 21) as i16 - 10)
            .expect("write");
    }
    for s in speech {
        w.write_sample(s).expect("write");
    }
    w.finalize().expect("finalize");
    path
}
