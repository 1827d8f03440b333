//! Buffers of tensors no longer needed, kept for the next tensor of the thread. A look makes
//! hundreds of tensors of up to 4 MB; fresh ones came from the operating system each time
//! (the C library hands large freed blocks back), and touching their new pages cost about a
//! quarter of a look (measured: README, "Where the time goes"). Kept per thread (the camera
//! analysis runs on one), bounded in count and bytes.

use std::cell::RefCell;

/// Smaller buffers are left to the allocator, which keeps them without the page cost.
const MIN_KEPT: usize = 16 * 1024;
/// At most this many buffers and values (24 MB) are kept per thread: a look's largest
/// tensors alive at once and the shapes it makes again and again (with 16 MB, a look's
/// tensors of 172,032 values found no buffer of their own and took and regrew the largest
/// ones: ten million values filled a look; with 24, 1.5 million, as with 32).
const MAX_BUFFERS: usize = 24;
const MAX_VALUES: usize = 6 * 1024 * 1024;

thread_local! {
    static FREE: RefCell<Vec<Vec<f32>>> = const { RefCell::new(Vec::new()) };
}

/// `len` values, each `fill`: a kept buffer that holds them (see [`take_nearest`]), or a
/// new one.
pub(crate) fn take(len: usize, fill: f32) -> Vec<f32> {
    match take_nearest(len, usize::MAX) {
        Some(mut v) => {
            v.clear();
            v.resize(len, fill);
            v
        }
        None => vec![fill; len],
    }
}

/// Of the kept buffers with room for `len` values, the one whose length is nearest `len`,
/// taken out of the pool — unless even that one's length is `far` or more from it. Every
/// value a buffer already holds is one not to fill when it is next taken for overwriting
/// (a buffer's values past its length are out of reach in safe Rust): a longer buffer
/// taken for a shorter tensor loses the values past it, a shorter one has the difference
/// filled. A tensor smaller than the pool keeps takes none: it would hold a large buffer
/// where the allocator's small block does, and the model's outputs (a few thousand values,
/// moved out of their tensors) took the pool's buffers with them — five thousand fresh pages
/// a look.
fn take_nearest(len: usize, far: usize) -> Option<Vec<f32>> {
    if len < MIN_KEPT {
        return None;
    }
    FREE.try_with(|free| {
        let mut free = free.try_borrow_mut().ok()?;
        let (best, miss) = free
            .iter()
            .enumerate()
            .filter(|(_, b)| b.capacity() >= len)
            .map(|(i, b)| (i, b.len().abs_diff(len)))
            .min_by_key(|&(_, miss)| miss)?;
        (miss < far).then(|| free.swap_remove(best))
    })
    .ok()
    .flatten()
}

/// `len` values whose contents do not matter (the caller writes every one): a kept buffer
/// as it was left, or new zeros. Stale values, never uninitialised memory. A kept buffer
/// whose length is `len` or more away from it would cost as much as a new one and lose its
/// values (see [`take_nearest`]): a new one is made instead.
pub(crate) fn take_for_overwrite(len: usize) -> Vec<f32> {
    let mut v = take_nearest(len, len).unwrap_or_default();
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

    #[test]
    fn a_tensor_for_overwriting_takes_the_buffer_nearest_its_length() {
        let short = vec![1.0; MIN_KEPT * 2];
        let long = vec![2.0; MIN_KEPT * 8];
        let (at_short, at_long) = (short.as_ptr(), long.as_ptr());
        give(short);
        give(long);
        // Nearer the long one: it is taken (a sixth of a new one to fill) and the short one
        // stays for a short tensor.
        let seven = take_for_overwrite(MIN_KEPT * 7);
        assert_eq!(seven.as_ptr(), at_long);
        let two = take_for_overwrite(MIN_KEPT * 2);
        assert_eq!(two.as_ptr(), at_short);
        assert!(two.iter().all(|&v| v == 1.0), "taken as it was left");
        // A long buffer for a tensor of under half its length would lose more than a new
        // buffer costs: a new one is made and the long one kept.
        give(seven);
        let three = take_for_overwrite(MIN_KEPT * 3);
        assert_ne!(three.as_ptr(), at_long);
        assert_eq!(three.len(), MIN_KEPT * 3);
        let seven_again = take_for_overwrite(MIN_KEPT * 7);
        assert_eq!(seven_again.as_ptr(), at_long);
    }
}
