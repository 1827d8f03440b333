//! Listening to the microphone (or its replay) for a fixed time: the `audio.device` check and
//! `analyze-audio --record`.

use crate::analysis::audio_levels::MonoAudio;
use crate::capture::microphone::{MicCapture, MicError, MicLevels, MicSource};
use std::time::{Duration, Instant};

/// Opens the microphone (or replay) and listens for up to `wait`, returning the last levels.
pub fn listen(source: &MicSource, wait: Duration) -> Result<MicLevels, MicError> {
    let mic = MicCapture::start(source, 3.0)?;
    let start = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(100));
        let l = mic.levels();
        let enough = l.seconds >= wait.as_secs_f64() - 0.3;
        if l.error.is_some() || enough || start.elapsed() >= wait {
            return Ok(l);
        }
    }
}

/// Records `seconds` from the microphone (or replay) into memory for analysis; nothing is
/// written to disk.
pub fn record(source: &MicSource, seconds: f64) -> Result<MonoAudio, MicError> {
    let mic = MicCapture::start(source, seconds + 1.0)?;
    let deadline = Instant::now() + Duration::from_secs_f64(seconds);
    while Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
        if let Some(e) = mic.levels().error {
            return Err(e);
        }
    }
    std::thread::sleep(Duration::from_millis(120));
    Ok(mic.recent())
}
