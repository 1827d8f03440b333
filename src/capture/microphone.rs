//! The microphone on its own thread: cpal's callback converts to mono f32 and pushes into a
//! lock-free ring (rtrb); a worker drains it, keeps the last seconds and publishes levels
//! about 20 times a second. A WAV file can stand in for the microphone (`--mic-source`),
//! played in real time through the same ring.

use crate::analysis::audio_levels::{MonoAudio, amplitude_db, to_db};
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Where the sound comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum MicSource {
    /// The default input device, or the one whose name contains this text.
    Device(Option<String>),
    /// A WAV file played as if spoken into the microphone.
    Replay(PathBuf),
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum MicError {
    #[error("no microphone found")]
    NoDevice,
    #[error("the microphone cannot be opened: {0}")]
    Open(String),
    #[error("the microphone's sample format is not supported: {0}")]
    Format(String),
    #[error("the microphone stopped: {0}")]
    Stream(String),
    /// No sound data arrived for this many seconds (the device stopped delivering).
    #[error("the microphone sent no sound for {0:.1} s")]
    Stopped(f64),
    #[error("the recording cannot be played: {0}")]
    Replay(String),
    /// Opening gave no answer within this many seconds (a driver that hangs).
    #[error("the microphone did not answer within {0} s")]
    NotResponding(u64),
}

impl MicError {
    /// The technical detail without the leading sentence, for embedding in a message.
    pub fn detail(&self) -> String {
        match self {
            MicError::NoDevice => String::new(),
            MicError::Stopped(s) => format!("{s:.1} s"),
            MicError::NotResponding(s) => format!("{s} s"),
            MicError::Open(d) | MicError::Format(d) | MicError::Stream(d) | MicError::Replay(d) => {
                d.clone()
            }
        }
    }
}

/// What the UI and checks read: updated ~20×/s.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MicLevels {
    pub device: String,
    pub rate: u32,
    pub channels: u16,
    /// Level of the last 50 ms, dBFS.
    pub rms_db: f64,
    pub peak_db: f64,
    /// Seconds of sound received so far.
    pub seconds: f64,
    /// Seconds in a row of exact digital zero up to now.
    pub zero_run_s: f64,
    pub error: Option<MicError>,
}

/// The kept recent sound and how many samples arrived in all (to place the kept ones on the
/// shared clock).
#[derive(Default)]
struct History {
    samples: VecDeque<f32>,
    received: u64,
}

/// When the first sample was captured, on the shared clock (`capture::clock`), as f64 bits;
/// `NOT_YET` until the device delivers. Set from the audio thread without a lock.
type FirstSample = Arc<AtomicU64>;
const NOT_YET: u64 = u64::MAX;

fn mark_first_sample(first: &AtomicU64, captured_s: f64) {
    let bits = captured_s.to_bits();
    if first
        .compare_exchange(NOT_YET, bits, Ordering::Relaxed, Ordering::Relaxed)
        .is_err()
    {
        // Already stamped by the first buffer; later buffers follow from the sample count.
    }
}

/// A running capture; dropping it stops the device and the worker.
pub struct MicCapture {
    levels: Arc<Mutex<MicLevels>>,
    history: Arc<Mutex<History>>,
    first_sample: FirstSample,
    stop: Arc<AtomicBool>,
    rate: u32,
    _stream: Option<StreamHolder>,
}

/// cpal streams are not Send on every platform; keep it where it was made.
struct StreamHolder(#[allow(dead_code)] cpal::Stream);

const RING: usize = 48_000 * 2;

/// A device that has delivered sound and then sends nothing for this long has stopped
/// (unplugged, taken by another program, driver fault). Real devices deliver every 10–100 ms;
/// Bluetooth headsets in bursts of a few hundred.
const STALL_AFTER_SOUND: Duration = Duration::from_millis(1500);
/// A device that sends nothing at all this long after opening has not started.
const STALL_AT_START: Duration = Duration::from_secs(3);

impl MicCapture {
    /// Opens the source; `keep_seconds` of the most recent sound are kept for analysis.
    pub fn start(source: &MicSource, keep_seconds: f64) -> Result<MicCapture, MicError> {
        Self::start_after(source, keep_seconds, Duration::ZERO)
    }

    /// A failure to open, or a stream that broke or stopped, goes to the app's log once.
    fn log(e: &MicError) {
        crate::app_log::note("microphone", &format!("{e:?}"));
    }

    /// Like `start`; a replayed recording begins to flow only `replay_start_after` after
    /// opening, as a slow device does (Bluetooth headsets take half a second or more).
    pub fn start_after(
        source: &MicSource,
        keep_seconds: f64,
        replay_start_after: Duration,
    ) -> Result<MicCapture, MicError> {
        let opened = Self::open(source, keep_seconds, replay_start_after);
        if let Err(e) = &opened {
            Self::log(e);
        }
        opened
    }

    fn open(
        source: &MicSource,
        keep_seconds: f64,
        replay_start_after: Duration,
    ) -> Result<MicCapture, MicError> {
        let (producer, consumer) = rtrb::RingBuffer::<f32>::new(RING);
        let stop = Arc::new(AtomicBool::new(false));
        let levels = Arc::new(Mutex::new(MicLevels::default()));
        let first_sample: FirstSample = Arc::new(AtomicU64::new(NOT_YET));
        let (stream, rate, channels, name) = match source {
            MicSource::Device(name) => {
                let (s, rate, channels, name) = super::quiet_stderr::muted(|| {
                    open_device(
                        name.as_deref(),
                        producer,
                        levels.clone(),
                        first_sample.clone(),
                    )
                })?;
                (Some(StreamHolder(s)), rate, channels, name)
            }
            MicSource::Replay(path) => {
                let bytes = std::fs::read(path).map_err(|e| MicError::Replay(e.to_string()))?;
                let audio =
                    super::wav_file::decode(&bytes).map_err(|e| MicError::Replay(e.to_string()))?;
                let rate = audio.rate;
                let replay = Replay {
                    audio,
                    start_after: replay_start_after,
                    first_sample: first_sample.clone(),
                };
                spawn_replay(replay, producer, stop.clone());
                // A recording ends; that is not a fault.
                (None, rate, 1, format!("{} (replay)", path.display()))
            }
        };
        if let Ok(mut l) = levels.lock() {
            l.device = name;
            l.rate = rate;
            l.channels = channels;
        }
        let history = Arc::new(Mutex::new(History::default()));
        let keep = (keep_seconds.max(0.5) * f64::from(rate)) as usize;
        let watch_stall = stream.is_some();
        spawn_worker(
            consumer,
            Published {
                levels: levels.clone(),
                history: history.clone(),
            },
            stop.clone(),
            rate,
            keep,
            watch_stall,
        );
        Ok(MicCapture {
            levels,
            history,
            first_sample,
            stop,
            rate,
            _stream: stream,
        })
    }

    pub fn levels(&self) -> MicLevels {
        self.levels.lock().map(|l| l.clone()).unwrap_or_default()
    }

    /// The kept recent sound, for analysis (stays in memory; never written anywhere).
    pub fn recent(&self) -> MonoAudio {
        self.recent_stamped().0
    }

    /// The kept recent sound and when its first sample was captured on the shared clock
    /// (`None` before the device delivered anything).
    pub fn recent_stamped(&self) -> (MonoAudio, Option<f64>) {
        let (samples, received) = self
            .history
            .lock()
            .map(|h| (h.samples.iter().copied().collect::<Vec<f32>>(), h.received))
            .unwrap_or_default();
        let first = self.first_sample.load(Ordering::Relaxed);
        let rate = f64::from(self.rate.max(1));
        let dropped = received.saturating_sub(samples.len() as u64);
        let start = (first != NOT_YET).then(|| f64::from_bits(first) + dropped as f64 / rate);
        let audio = MonoAudio {
            rate: self.rate,
            samples,
        };
        (audio, start)
    }
}

impl Drop for MicCapture {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        // A device that stopped delivering may be stuck inside its driver; closing it could
        // wait on that driver forever. Leave such a stream open rather than hang the caller.
        let stuck = self
            .levels
            .lock()
            .map(|l| matches!(l.error, Some(MicError::Stopped(_))))
            .unwrap_or(false);
        if stuck && let Some(stream) = self._stream.take() {
            std::mem::forget(stream);
        }
    }
}

fn open_device(
    wanted: Option<&str>,
    mut producer: rtrb::Producer<f32>,
    levels: Arc<Mutex<MicLevels>>,
    first_sample: FirstSample,
) -> Result<(cpal::Stream, u32, u16, String), MicError> {
    use cpal::traits::{DeviceTrait, HostTrait, StreamTrait};
    let host = cpal::default_host();
    let device = match wanted {
        None => host.default_input_device().ok_or(MicError::NoDevice)?,
        Some(w) => host
            .input_devices()
            .map_err(|e| MicError::Open(e.to_string()))?
            .find(|d| {
                d.description()
                    .is_ok_and(|n| n.name().to_lowercase().contains(&w.to_lowercase()))
            })
            .ok_or(MicError::NoDevice)?,
    };
    let name = device
        .description()
        .map(|d| d.name().to_string())
        .unwrap_or_else(|_| "default".into());
    let supported = device
        .default_input_config()
        .map_err(|e| MicError::Open(e.to_string()))?;
    let format = supported.sample_format();
    let config = supported.config();
    let channels = config.channels.max(1);
    let per = usize::from(channels);
    let err_levels = levels.clone();
    let rate = f64::from(config.sample_rate.max(1));
    let stream = device
        .build_input_stream_raw(
            config,
            format,
            move |data: &cpal::Data, _info: &cpal::InputCallbackInfo| {
                let mono = to_mono(data, per);
                // The buffer's first sample was captured one buffer's length ago.
                let buffered = mono.len() as f64 / rate;
                mark_first_sample(&first_sample, super::clock::now_s() - buffered);
                for s in mono {
                    if producer.push(s).is_err() {
                        break; // Worker behind: drop, never block the audio thread.
                    }
                }
            },
            move |e| {
                if let Ok(mut l) = err_levels.lock() {
                    let e = MicError::Stream(e.to_string());
                    MicCapture::log(&e);
                    l.error = Some(e);
                }
            },
            Some(Duration::from_secs(2)),
        )
        .map_err(|e| match e {
            cpal::Error { .. } if format_unsupported(format) => {
                MicError::Format(format!("{format:?}"))
            }
            other => MicError::Open(other.to_string()),
        })?;
    stream.play().map_err(|e| MicError::Open(e.to_string()))?;
    Ok((stream, config.sample_rate, channels, name))
}

fn format_unsupported(format: cpal::SampleFormat) -> bool {
    !matches!(
        format,
        cpal::SampleFormat::F32
            | cpal::SampleFormat::I16
            | cpal::SampleFormat::U16
            | cpal::SampleFormat::I32
            | cpal::SampleFormat::I8
            | cpal::SampleFormat::U8
    )
}

/// Interleaved samples of any common format → mono f32.
fn to_mono(data: &cpal::Data, channels: usize) -> Vec<f32> {
    fn mix<T: Copy>(s: &[T], channels: usize, f: impl Fn(T) -> f32) -> Vec<f32> {
        s.chunks(channels)
            .map(|c| c.iter().map(|v| f(*v)).sum::<f32>() / c.len() as f32)
            .collect()
    }
    if let Some(s) = data.as_slice::<f32>() {
        mix(s, channels, |v| v)
    } else if let Some(s) = data.as_slice::<i16>() {
        mix(s, channels, |v| f32::from(v) / 32768.0)
    } else if let Some(s) = data.as_slice::<u16>() {
        mix(s, channels, |v| (f32::from(v) - 32768.0) / 32768.0)
    } else if let Some(s) = data.as_slice::<i32>() {
        mix(s, channels, |v| v as f32 / 2_147_483_648.0)
    } else if let Some(s) = data.as_slice::<i8>() {
        mix(s, channels, |v| f32::from(v) / 128.0)
    } else if let Some(s) = data.as_slice::<u8>() {
        mix(s, channels, |v| (f32::from(v) - 128.0) / 128.0)
    } else {
        Vec::new()
    }
}

/// A recording played as a microphone.
struct Replay {
    audio: MonoAudio,
    /// Nothing flows until this long after opening (a slow device).
    start_after: Duration,
    first_sample: FirstSample,
}

/// Plays a recording into the ring in 20 ms chunks at real-time pace, then ends. Each chunk
/// is delivered when its last sample would have been captured, as a device delivers.
fn spawn_replay(replay: Replay, mut producer: rtrb::Producer<f32>, stop: Arc<AtomicBool>) {
    std::thread::spawn(move || {
        let Replay {
            audio,
            start_after,
            first_sample,
        } = replay;
        let chunk = (audio.rate as usize / 50).max(1);
        let start = Instant::now() + start_after;
        mark_first_sample(&first_sample, super::clock::stamp(start));
        for (i, part) in audio.samples.chunks(chunk).enumerate() {
            if stop.load(Ordering::Relaxed) {
                return;
            }
            let due = start + Duration::from_millis(20 * (i as u64 + 1));
            if let Some(wait) = due.checked_duration_since(Instant::now()) {
                std::thread::sleep(wait);
            }
            for s in part {
                if producer.push(*s).is_err() {
                    break;
                }
            }
        }
    });
}

/// What the worker publishes for the UI and the checks.
struct Published {
    levels: Arc<Mutex<MicLevels>>,
    history: Arc<Mutex<History>>,
}

/// Whether a device that has been silent (no data at all) since `last_data` has stopped.
fn stalled(opened: Instant, last_data: Option<Instant>, now: Instant) -> Option<Duration> {
    let (since, limit) = match last_data {
        Some(t) => (t, STALL_AFTER_SOUND),
        None => (opened, STALL_AT_START),
    };
    let quiet = now.saturating_duration_since(since);
    (quiet >= limit).then_some(quiet)
}

fn spawn_worker(
    mut consumer: rtrb::Consumer<f32>,
    out: Published,
    stop: Arc<AtomicBool>,
    rate: u32,
    keep: usize,
    watch_stall: bool,
) {
    let Published { levels, history } = out;
    std::thread::spawn(move || {
        let mut total: u64 = 0;
        let mut zero_run: u64 = 0;
        let mut block: Vec<f32> = Vec::with_capacity(4096);
        let opened = Instant::now();
        let mut last_data: Option<Instant> = None;
        while !stop.load(Ordering::Relaxed) {
            std::thread::sleep(Duration::from_millis(50));
            block.clear();
            while let Ok(s) = consumer.pop() {
                block.push(s);
            }
            if block.is_empty() {
                if !watch_stall {
                    continue;
                }
                if let Some(quiet) = stalled(opened, last_data, Instant::now())
                    && let Ok(mut l) = levels.lock()
                    && l.error.is_none()
                {
                    let e = MicError::Stopped(quiet.as_secs_f64());
                    MicCapture::log(&e);
                    l.error = Some(e);
                }
                continue;
            }
            last_data = Some(Instant::now());
            total += block.len() as u64;
            for s in &block {
                zero_run = if *s == 0.0 { zero_run + 1 } else { 0 };
            }
            let power = block
                .iter()
                .map(|s| f64::from(*s) * f64::from(*s))
                .sum::<f64>()
                / block.len() as f64;
            let peak = block.iter().fold(0.0f32, |m, s| m.max(s.abs()));
            if let Ok(mut h) = history.lock() {
                h.samples.extend(block.iter().copied());
                h.received += block.len() as u64;
                let excess = h.samples.len().saturating_sub(keep);
                h.samples.drain(..excess);
            }
            if let Ok(mut l) = levels.lock() {
                l.rms_db = to_db(power);
                l.peak_db = amplitude_db(f64::from(peak));
                l.seconds = total as f64 / f64::from(rate.max(1));
                l.zero_run_s = zero_run as f64 / f64::from(rate.max(1));
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replay_source_plays_in_real_time_with_levels() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/audio/fsdd_jackson_4719_gap0.5s.wav"
        );
        let t0 = Instant::now();
        let mic = MicCapture::start(&MicSource::Replay(path.into()), 10.0).expect("replay opens");
        // A second of sound arrives (a loaded machine only makes it later)...
        while mic.levels().seconds < 1.0 && t0.elapsed() < Duration::from_secs(30) {
            std::thread::sleep(Duration::from_millis(20));
        }
        let l = mic.levels();
        let elapsed = t0.elapsed().as_secs_f64();
        // ...and no faster than real time (a file read at once would give seconds at once).
        assert!(
            l.seconds >= 1.0 && l.seconds <= elapsed + 0.1,
            "real time, not instant: {} s of sound after {elapsed} s",
            l.seconds
        );
        assert_eq!(l.rate, 8000);
        assert!(mic.recent().samples.iter().any(|s| *s != 0.0));
        let missing = MicCapture::start(&MicSource::Replay("/no/such.wav".into()), 1.0);
        assert!(matches!(missing, Err(MicError::Replay(_))));
    }

    #[test]
    fn a_device_that_goes_quiet_has_stopped() {
        let t0 = Instant::now();
        let at = |ms| t0 + Duration::from_millis(ms);
        // Nothing yet: patience for a slow start.
        assert_eq!(stalled(t0, None, at(2900)), None);
        assert!(stalled(t0, None, at(3000)).is_some());
        // Sound arrived, then nothing: stopped after the shorter limit.
        assert_eq!(stalled(t0, Some(at(1000)), at(2400)), None);
        let quiet = stalled(t0, Some(at(1000)), at(2600)).expect("stopped");
        assert_eq!(quiet, Duration::from_millis(1600));
        assert_eq!(MicError::Stopped(1.6).detail(), "1.6 s");
    }
}
