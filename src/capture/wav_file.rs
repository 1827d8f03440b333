//! Reads a WAV recording (8/16/24/32-bit integer or 32-bit float, mono or stereo, 8–48 kHz)
//! into mono samples. Bad files give a clear error, never a panic, and memory stays bounded.

use crate::analysis::audio_levels::MonoAudio;

/// The longest recording we analyse.
pub const MAX_SECONDS: u32 = 600;

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum WavError {
    #[error("not a readable WAV file: {0}")]
    Format(String),
    #[error("the WAV file has no channels")]
    NoChannels,
    #[error("unsupported sample rate {0} Hz (8000–48000 Hz)")]
    Rate(u32),
    #[error("unsupported sample format ({0} bits)")]
    Bits(u16),
    #[error("the recording is longer than {MAX_SECONDS} s")]
    TooLong,
    #[error("the recording is empty")]
    Empty,
    #[error("the WAV data is cut off: {0}")]
    Truncated(String),
}

/// Decodes WAV bytes, averaging channels to mono.
pub fn decode(bytes: &[u8]) -> Result<MonoAudio, WavError> {
    let reader = hound::WavReader::new(std::io::Cursor::new(bytes))
        .map_err(|e| WavError::Format(e.to_string()))?;
    let spec = reader.spec();
    if spec.channels == 0 {
        return Err(WavError::NoChannels);
    }
    if !(8000..=48000).contains(&spec.sample_rate) {
        return Err(WavError::Rate(spec.sample_rate));
    }
    let channels = usize::from(spec.channels);
    let frames = reader.duration();
    if frames > MAX_SECONDS * spec.sample_rate {
        return Err(WavError::TooLong);
    }
    let samples: Vec<f32> = match (spec.sample_format, spec.bits_per_sample) {
        (hound::SampleFormat::Float, 32) => collect(reader.into_samples::<f32>(), |v| v)?,
        (hound::SampleFormat::Int, bits @ 1..=32) => {
            let scale = 1.0 / (1u64 << (bits - 1)) as f32;
            collect(reader.into_samples::<i32>(), |v| v as f32 * scale)?
        }
        (_, bits) => return Err(WavError::Bits(bits)),
    };
    if samples.len() < channels {
        return Err(WavError::Empty);
    }
    let mono = samples
        .chunks_exact(channels)
        .map(|c| (c.iter().sum::<f32>() / channels as f32).clamp(-1.0, 1.0))
        .map(|v| if v.is_finite() { v } else { 0.0 })
        .collect();
    Ok(MonoAudio {
        rate: spec.sample_rate,
        samples: mono,
    })
}

fn collect<T, I: Iterator<Item = hound::Result<T>>>(
    it: I,
    f: impl Fn(T) -> f32,
) -> Result<Vec<f32>, WavError> {
    let mut out = Vec::new();
    for s in it {
        match s {
            Ok(v) => out.push(f(v)),
            Err(e) if out.is_empty() => return Err(WavError::Format(e.to_string())),
            Err(e) => return Err(WavError::Truncated(e.to_string())),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wav(
        spec: hound::WavSpec,
        write: impl FnOnce(&mut hound::WavWriter<&mut std::io::Cursor<Vec<u8>>>),
    ) -> Vec<u8> {
        let mut cur = std::io::Cursor::new(Vec::new());
        {
            let mut w = hound::WavWriter::new(&mut cur, spec).expect("writer");
            write(&mut w);
            w.finalize().expect("finalize");
        }
        cur.into_inner()
    }

    #[test]
    fn formats_decode_to_the_same_mono_signal() {
        let s16 = wav(
            hound::WavSpec {
                channels: 2,
                sample_rate: 16000,
                bits_per_sample: 16,
                sample_format: hound::SampleFormat::Int,
            },
            |w| {
                for _ in 0..100 {
                    w.write_sample(16384i16).expect("w");
                    w.write_sample(0i16).expect("w");
                }
            },
        );
        let a = decode(&s16).expect("16-bit stereo");
        assert_eq!(a.samples.len(), 100);
        assert!((a.samples[0] - 0.25).abs() < 1e-4);
        let f32w = wav(
            hound::WavSpec {
                channels: 1,
                sample_rate: 48000,
                bits_per_sample: 32,
                sample_format: hound::SampleFormat::Float,
            },
            |w| {
                for _ in 0..10 {
                    w.write_sample(0.5f32).expect("w");
                }
            },
        );
        assert_eq!(decode(&f32w).expect("float").samples[0], 0.5);
        let s24 = wav(
            hound::WavSpec {
                channels: 1,
                sample_rate: 8000,
                bits_per_sample: 24,
                sample_format: hound::SampleFormat::Int,
            },
            |w| {
                w.write_sample(-(1i32 << 22)).expect("w");
            },
        );
        assert!((decode(&s24).expect("24-bit").samples[0] + 0.5).abs() < 1e-6);
    }

    #[test]
    fn bad_files_are_errors() {
        assert!(matches!(decode(b""), Err(WavError::Format(_))));
        assert!(matches!(
            decode(b"RIFF\x10\x00\x00\x00WAVEjunk"),
            Err(WavError::Format(_))
        ));
        let hi = wav(
            hound::WavSpec {
                channels: 1,
                sample_rate: 96000,
                bits_per_sample: 16,
                sample_format: hound::SampleFormat::Int,
            },
            |w| {
                w.write_sample(1i16).expect("w");
            },
        );
        assert_eq!(decode(&hi), Err(WavError::Rate(96000)));
        let ok = wav(
            hound::WavSpec {
                channels: 1,
                sample_rate: 8000,
                bits_per_sample: 16,
                sample_format: hound::SampleFormat::Int,
            },
            |w| {
                for _ in 0..1000 {
                    w.write_sample(1000i16).expect("w");
                }
            },
        );
        let cut = &ok[..ok.len() - 501];
        assert!(matches!(
            decode(cut),
            Err(WavError::Truncated(_)) | Err(WavError::Format(_))
        ));
        let empty = wav(
            hound::WavSpec {
                channels: 1,
                sample_rate: 8000,
                bits_per_sample: 16,
                sample_format: hound::SampleFormat::Int,
            },
            |_| {},
        );
        assert_eq!(decode(&empty), Err(WavError::Empty));
    }
}
