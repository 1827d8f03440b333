//! How much arithmetic the engine has done, and how fast it can do it at best: a look's time
//! is its multiply-adds divided by the rate its kernels reach, so the two say how far a look
//! is from the fastest this CPU could give it (`selfcheck bench`).

use std::cell::Cell;
use std::time::{Duration, Instant};

use super::pointwise::{Rows, pointwise};

thread_local! {
    static DONE: Cell<u64> = const { Cell::new(0) };
}

/// Multiply-adds of the convolutions this thread has run since it started (wrapping).
pub fn multiply_adds_done() -> u64 {
    DONE.try_with(Cell::get).unwrap_or(0)
}

pub(crate) fn count(multiply_adds: u64) {
    let _ = DONE.try_with(|d| d.set(d.get().wrapping_add(multiply_adds)));
}

/// Pixels and channels of the rate test: a 64 → 64 1×1 convolution (YuNet's commonest layer)
/// over a block small enough to stay in the core's second cache, so memory does not count.
const PIXELS: usize = 96;
const CHANNELS: usize = 64;

/// The engine's best rate, in billions of multiply-adds a second on this thread: its 1×1
/// kernel (the fastest it has) run over data already in cache for about `time`, the best of
/// a few rounds. No look can run faster than its multiply-adds at this rate.
pub fn best_rate_gmacs(time: Duration) -> f64 {
    let x: Vec<f32> = (0..PIXELS * CHANNELS)
        .map(|i| (i % 13) as f32 * 0.01)
        .collect();
    let w: Vec<f32> = (0..CHANNELS * CHANNELS)
        .map(|i| (i % 7) as f32 * 0.001)
        .collect();
    let b = vec![0.0f32; CHANNELS];
    let mut out = vec![0.0f32; PIXELS * CHANNELS];
    // As the model's 1×1 layers run: no residual, no relu (the depthwise layer after does it).
    let then = Rows {
        add: None,
        relu: false,
    };
    let per_call = (PIXELS * CHANNELS * CHANNELS) as f64;
    let rounds = 5;
    let round_time = time / rounds;
    let mut best: f64 = 0.0;
    for _ in 0..rounds {
        let start = Instant::now();
        let mut calls = 0u32;
        while calls == 0 || start.elapsed() < round_time {
            for _ in 0..16 {
                pointwise(std::hint::black_box(&x), &w, &b, then, &mut out);
            }
            calls += 16;
        }
        let secs = start.elapsed().as_secs_f64();
        if secs > 0.0 {
            best = best.max(per_call * f64::from(calls) / secs / 1e9);
        }
        std::hint::black_box(&out);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rate_is_a_positive_number_of_multiply_adds_a_second() {
        let rate = best_rate_gmacs(Duration::from_millis(20));
        assert!(rate.is_finite() && rate > 0.0, "{rate}");
    }
}
