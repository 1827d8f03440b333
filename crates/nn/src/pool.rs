//! Buffers of tensors no longer needed, kept for the next tensor of the thread. A look makes
//! hundreds of tensors of up to 4 MB; fresh ones came from the operating system each time
//! (the C library hands large freed blocks back), and touching their new pages cost about a
//! quarter of a look (measured: README, "Where the time goes"). Kept per thread (the camera
//! analysis runs on one), bounded in count and bytes.

use std::cell::RefCell;

/// Smaller buffers are left to the allocator, which keeps them without the page cost.
const MIN_KEPT: usize = 16 * 1024;
/// At most this many buffers and values (16 MB) are kept per thread: a look's largest
/// tensors alive at once (a look on its own thread: about 110 page faults with 16 MB kept, as
/// with 32; the app's peak memory 180 MB with 32).
const MAX_BUFFERS: usize = 24;
const MAX_VALUES: usize = 4 * 1024 * 1024;

thread_local! {
    static FREE: RefCell<Vec<Vec<f32>>> = const { RefCell::new(Vec::new()) };
}

/// `len` values, each `fill`: the smallest kept buffer that holds them, or a new one.
pub(crate) fn take(len: usize, fill: f32) -> Vec<f32> {
    match take_kept(len) {
        Some(mut v) => {
            v.clear();
            v.resize(len, fill);
            v
        }
        None => vec![fill; len],
    }
}

/// The smallest kept buffer with room for `len` values, taken out of the pool.
fn take_kept(len: usize) -> Option<Vec<f32>> {
    take_best(len, Vec::capacity)
}

/// The kept buffer with the smallest `size` of at least `len`, taken out of the pool. A
/// tensor smaller than the pool keeps takes none: it would hold a large buffer where the
/// allocator's small block does, and the model's outputs (a few thousand values, moved out
/// of their tensors) took the pool's buffers with them — five thousand fresh pages a look.
fn take_best(len: usize, size: fn(&Vec<f32>) -> usize) -> Option<Vec<f32>> {
    if len < MIN_KEPT {
        return None;
    }
    FREE.try_with(|free| {
        let mut free = free.try_borrow_mut().ok()?;
        let best = free
            .iter()
            .enumerate()
            .filter(|(_, b)| size(b) >= len)
            .min_by_key(|(_, b)| size(b))
            .map(|(i, _)| i)?;
        Some(free.swap_remove(best))
    })
    .ok()
    .flatten()
}

/// `len` values whose contents do not matter (the caller writes every one): a kept buffer
/// as it was left, or new zeros. Stale values, never uninitialised memory.
pub(crate) fn take_for_overwrite(len: usize) -> Vec<f32> {
    // A buffer already that long needs no filling; a look makes tensors of the same shapes
    // over and over, so one usually is.
    let mut v = take_best(len, Vec::len)
        .or_else(|| take_kept(len))
        .unwrap_or_default();
    if v.len() >= len {
        v.truncate(len);
    } else {
        v.resize(len, 0.0);
    }
    v
}

/// Keeps `buffer` for a later `take` if it is large and there is room (the smallest kept
/// buffers make way for a larger one).
pub(crate) fn give(buffer: Vec<f32>) {
    if buffer.capacity() < MIN_KEPT {
        return;
    }
    // A thread being torn down has no pool any more: the buffer is simply freed.
    let _ = FREE.try_with(|free| {
        let Ok(mut free) = free.try_borrow_mut() else {
            return;
        };
        free.push(buffer);
        free.sort_unstable_by_key(|b| std::cmp::Reverse(b.capacity()));
        let mut total = 0;
        let keep = free
            .iter()
            .take(MAX_BUFFERS)
            .take_while(|b| {
                total += b.capacity();
                total <= MAX_VALUES
            })
            .count();
        free.truncate(keep);
    });
}

/// Values held by the current thread's kept buffers (for tests).
#[cfg(test)]
pub(crate) fn kept_values() -> usize {
    FREE.with(|free| free.borrow().iter().map(Vec::capacity).sum())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_given_buffer_is_taken_again_filled_anew() {
        let mut b = take(MIN_KEPT * 2, 3.0);
        b[5] = 9.0;
        let at = b.as_ptr();
        give(b);
        assert!(kept_values() >= MIN_KEPT * 2);
        let again = take(MIN_KEPT, -1.0);
        assert_eq!(again.as_ptr(), at, "the kept buffer is reused");
        assert_eq!(again.len(), MIN_KEPT);
        assert!(again.iter().all(|&v| v == -1.0));
        // Small buffers and more than the bound are not kept.
        give(vec![0.0; 10]);
        for _ in 0..MAX_BUFFERS + 4 {
            give(vec![0.0; MAX_VALUES / 4]);
        }
        assert!(kept_values() <= MAX_VALUES, "{}", kept_values());
        // A tensor smaller than the pool keeps leaves the kept buffers where they are.
        let before = kept_values();
        let small = take(MIN_KEPT / 2, 0.0);
        let small_too = take_for_overwrite(MIN_KEPT / 2);
        assert_eq!(kept_values(), before, "a small tensor took a kept buffer");
        assert!(small.capacity() < MIN_KEPT && small_too.capacity() < MIN_KEPT);
        // For overwriting: the right length, whatever it held.
        assert_eq!(take_for_overwrite(MIN_KEPT * 3).len(), MIN_KEPT * 3);
        assert_eq!(take_for_overwrite(5).len(), 5);
    }
}
