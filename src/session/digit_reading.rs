//! The digit rehearsal's timing, kept apart from the screen: the microphone listens through a
//! countdown, the digits appear, the seller reads. Every moment is a stamp on the shared clock
//! (`capture::clock`), and the recording knows when its first sample was captured, so "too
//! early" and the pace are judged between stamps of one clock — a microphone that opens half a
//! second late does not make a prompt reader look early.

use crate::analysis::audio_levels::MonoAudio;
use crate::capture::clock;
use crate::capture::microphone::{MicCapture, MicLevels};

pub struct DigitReading {
    mic: MicCapture,
    /// When the countdown started (shared clock).
    started_s: f64,
    /// When the digits were first on screen (shared clock).
    shown_s: Option<f64>,
    countdown_s: f64,
    record_s: f64,
    pub digits: String,
}

/// What the rehearsal recorded, ready for `analysis::speech` and `checks::audio`.
pub struct Reading {
    pub audio: MonoAudio,
    /// When the digits appeared, in seconds into `audio` (0 when they appeared before the
    /// microphone delivered its first sample).
    pub shown_at_s: f64,
    /// When the first sample of `audio` was captured, on the shared clock (to place camera
    /// frames in the recording); `None` when no sound arrived.
    pub first_s: Option<f64>,
}

impl DigitReading {
    /// Starts the countdown on an opened microphone.
    pub fn start(mic: MicCapture, digits: String, countdown_s: f64, record_s: f64) -> Self {
        DigitReading {
            mic,
            started_s: clock::now_s(),
            shown_s: None,
            countdown_s,
            record_s,
            digits,
        }
    }

    /// Seconds since the countdown started.
    pub fn elapsed_s(&self) -> f64 {
        clock::now_s() - self.started_s
    }

    /// Whether the digits are to be shown now; the first time, the moment is stamped (call it
    /// when the screen is drawn, so the stamp is when the seller could first see them).
    pub fn show_digits_now(&mut self) -> bool {
        let now = clock::now_s();
        let due = now - self.started_s >= self.countdown_s;
        if due && self.shown_s.is_none() {
            self.shown_s = Some(now);
        }
        due
    }

    /// Whether the reading time after the digits appeared is over.
    pub fn finished(&self) -> bool {
        self.shown_s
            .is_some_and(|shown| clock::now_s() - shown >= self.record_s)
    }

    pub fn levels(&self) -> MicLevels {
        self.mic.levels()
    }

    /// The sound so far, with the digits' moment placed in it.
    pub fn reading(&self) -> Reading {
        let (audio, first_s) = self.mic.recent_stamped();
        let shown = self.shown_s.unwrap_or(self.started_s + self.countdown_s);
        let shown_at_s = first_s.map_or(self.countdown_s, |first| (shown - first).max(0.0));
        Reading {
            audio,
            shown_at_s,
            first_s,
        }
    }
}
