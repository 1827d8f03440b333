//! The microphone opened off the screen's thread, as the camera is: a sound driver that hangs
//! while opening must not freeze the window. The screen asks once per frame whether the
//! device is open; a device that gives no answer within `OPEN_LIMIT` counts as not responding.

use crate::capture::microphone::{MicCapture, MicError, MicSource};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

/// How long opening may take. Real devices open in well under a second; Bluetooth headsets
/// switching profile take up to a few seconds.
pub const OPEN_LIMIT: Duration = Duration::from_secs(10);

pub struct MicOpening {
    rx: Receiver<Result<MicCapture, MicError>>,
    started: Instant,
    limit: Duration,
}

impl MicOpening {
    /// Starts opening `source` (keeping `keep_seconds` of sound); `wake` is called when the
    /// answer is there (the app repaints then).
    pub fn start(
        source: &MicSource,
        keep_seconds: f64,
        wake: impl FnOnce() + Send + 'static,
    ) -> MicOpening {
        Self::start_within(source, keep_seconds, OPEN_LIMIT, wake)
    }

    fn start_within(
        source: &MicSource,
        keep_seconds: f64,
        limit: Duration,
        wake: impl FnOnce() + Send + 'static,
    ) -> MicOpening {
        let (tx, rx) = channel();
        let source = source.clone();
        let spawned = std::thread::Builder::new()
            .name("microphone open".into())
            .spawn(move || {
                // A capture that comes after the screen gave up is dropped here: it closes.
                if tx.send(MicCapture::start(&source, keep_seconds)).is_ok() {
                    wake();
                }
            });
        if let Err(e) = spawned {
            crate::app_log::note("microphone", &format!("no thread to open it: {e}"));
        }
        MicOpening {
            rx,
            started: Instant::now(),
            limit,
        }
    }

    /// The opened device or why it could not be opened; None while it is still opening.
    pub fn poll(&self) -> Option<Result<MicCapture, MicError>> {
        match self.rx.try_recv() {
            Ok(opened) => Some(opened),
            Err(TryRecvError::Empty) if self.started.elapsed() < self.limit => None,
            Err(TryRecvError::Empty) => {
                let e = MicError::NotResponding(self.limit.as_secs());
                crate::app_log::note("microphone", &format!("{e:?}"));
                Some(Err(e))
            }
            Err(TryRecvError::Disconnected) => Some(Err(MicError::Open(
                "the thread opening the microphone ended".into(),
            ))),
        }
    }

    /// How long it has been opening.
    pub fn waited(&self) -> Duration {
        self.started.elapsed()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait(opening: &MicOpening) -> Result<MicCapture, MicError> {
        let until = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(r) = opening.poll() {
                return r;
            }
            assert!(Instant::now() < until, "no answer");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    #[test]
    fn a_recording_opens_on_the_worker_and_wakes_the_screen() {
        let wav = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/audio/fsdd_jackson_4719_gap0.5s.wav"
        );
        let (woke, woken) = channel();
        let opening = MicOpening::start(&MicSource::Replay(wav.into()), 2.0, move || {
            let _ = woke.send(());
        });
        let mic = wait(&opening).expect("opens");
        assert!(woken.recv_timeout(Duration::from_secs(5)).is_ok());
        assert_eq!(mic.levels().rate, 8000);
    }

    #[test]
    fn a_missing_recording_is_an_error_not_a_wait() {
        let opening = MicOpening::start(&MicSource::Replay("/nonexistent.wav".into()), 2.0, || {});
        assert!(matches!(wait(&opening), Err(MicError::Replay(_))));
    }

    /// A recording that is a FIFO nobody writes to: opening it blocks, as a hung driver does.
    #[cfg(unix)]
    #[test]
    fn a_device_that_hangs_while_opening_is_not_responding() {
        let dir = tempfile::tempdir().expect("temp");
        let fifo = dir.path().join("hung.wav");
        let c = std::ffi::CString::new(fifo.to_str().expect("utf-8")).expect("path");
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let opening = MicOpening::start_within(
            &MicSource::Replay(fifo.clone()),
            2.0,
            Duration::from_millis(200),
            || {},
        );
        assert_eq!(wait(&opening).err(), Some(MicError::NotResponding(0)));
        assert!(opening.waited() >= Duration::from_millis(200));
        // Let the stuck opener go: a writer that closes at once gives it an empty file.
        drop(std::fs::OpenOptions::new().write(true).open(&fifo));
    }
}
