//! One monotonic clock for everything captured: camera frames, microphone samples and the
//! moment the digits appear are stamped on it, so "too early", pace and (later) the offset
//! between lips and voice are measured between stamps of the same clock — never between a
//! wall-clock moment and a sample count that started whenever the device got going.

use std::sync::OnceLock;
use std::time::Instant;

static ORIGIN: OnceLock<Instant> = OnceLock::new();

fn origin() -> Instant {
    *ORIGIN.get_or_init(Instant::now)
}

/// Seconds on the shared clock, now.
pub fn now_s() -> f64 {
    stamp(Instant::now())
}

/// Seconds on the shared clock at `at` (an instant before the clock's origin reads as 0).
pub fn stamp(at: Instant) -> f64 {
    at.saturating_duration_since(origin()).as_secs_f64()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_follow_instants_and_never_go_back() {
        let a = now_s();
        let later = Instant::now() + std::time::Duration::from_millis(500);
        let b = stamp(later);
        assert!(b - a >= 0.5 - 1e-6, "{a} {b}");
        assert!(now_s() >= a);
    }
}
