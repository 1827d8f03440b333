//! The 1×1 convolution with AVX2 and FMA (nearly every PC since 2013): six pixels × sixteen
//! output channels summed in twelve of the sixteen 256-bit registers while the input channels
//! run, so each pair of weight registers loaded serves six pixels and twelve independent sums
//! keep both multiply-add units busy. (The same loop written as plain code for the compiler
//! held four pixels; with six, the compiler's registers spilled.) Each sum starts from the
//! bias and adds the input channels in order with one fused multiply-add each — the plain
//! kernel's sums with fused multiply-adds, so the same result to the bit.

use std::arch::x86_64::{
    __m256, _mm256_fmadd_ps, _mm256_loadu_ps, _mm256_set1_ps, _mm256_storeu_ps,
};

use super::pointwise::{Packed, Rows, by_blocks};

/// Pixels per block.
const PX: usize = 6;
/// Output channels per block: two registers of floats. Channels past a multiple of 16 take
/// eight-wide blocks, the last one over weights padded with zeros.
const CO: usize = 16;
const CO_HALF: usize = 8;

/// The 1×1 convolution of the pixels of `x` (`cin` values each) into `out` (`cout` each).
///
/// # Safety
/// The CPU must support AVX2 and FMA.
#[target_feature(enable = "avx2,fma")]
pub(crate) unsafe fn pointwise_avx2(x: &[f32], w: &[f32], b: &[f32], then: Rows, out: &mut [f32]) {
    let cout = b.len();
    let full = cout / CO * CO;
    let wide: Vec<Packed<CO>> = (0..full)
        .step_by(CO)
        .map(|co| Packed::new(w, b, co, CO))
        .collect();
    let narrow: Vec<Packed<CO_HALF>> = (full..cout)
        .step_by(CO_HALF)
        .map(|co| Packed::new(w, b, co, CO_HALF.min(cout - co)))
        .collect();
    by_blocks::<true, PX>((x, w, b), then, out, |input, rows| {
        for block in &wide {
            // SAFETY: AVX2 and FMA are enabled for this function.
            unsafe { sums16(input, block, rows, cout) };
        }
        for block in &narrow {
            // SAFETY: as above.
            unsafe { sums8(input, block, rows, cout) };
        }
    });
}

/// A sixteen-channel block of `PX` pixels (`input`: `PX` × `cin` values) stored into its
/// places in `rows` (`cout` values a pixel).
///
/// # Safety
/// The CPU must support AVX2 and FMA.
#[target_feature(enable = "avx2,fma")]
unsafe fn sums16(input: &[f32], block: &Packed<CO>, rows: &mut [f32], cout: usize) {
    let cin = block.w.len();
    if input.len() < PX * cin || rows.len() < (PX - 1) * cout + block.co + CO {
        return;
    }
    let x = input.as_ptr();
    // SAFETY: the bias is 16 floats.
    let bias = unsafe {
        [
            _mm256_loadu_ps(block.b.as_ptr()),
            _mm256_loadu_ps(block.b.as_ptr().add(8)),
        ]
    };
    let mut acc: [[__m256; 2]; PX] = [bias; PX];
    for (ci, row) in block.w.iter().enumerate() {
        // SAFETY: a row is 16 floats; `pi * cin + ci < PX * cin <= input.len()`.
        let (w0, w1) = unsafe {
            (
                _mm256_loadu_ps(row.as_ptr()),
                _mm256_loadu_ps(row.as_ptr().add(8)),
            )
        };
        for (pi, a) in acc.iter_mut().enumerate() {
            let v = _mm256_set1_ps(unsafe { *x.add(pi * cin + ci) });
            a[0] = _mm256_fmadd_ps(v, w0, a[0]);
            a[1] = _mm256_fmadd_ps(v, w1, a[1]);
        }
    }
    for (pi, [a0, a1]) in acc.into_iter().enumerate() {
        let at = pi * cout + block.co;
        let place = &mut rows[at..at + CO];
        // SAFETY: `place` holds 16 floats.
        unsafe {
            _mm256_storeu_ps(place.as_mut_ptr(), a0);
            _mm256_storeu_ps(place.as_mut_ptr().add(8), a1);
        }
    }
}

/// An eight-channel block (or the last, narrower one, over zero-padded weights) of `PX`
/// pixels, stored into its places in `rows`.
///
/// # Safety
/// The CPU must support AVX2 and FMA.
#[target_feature(enable = "avx2,fma")]
unsafe fn sums8(input: &[f32], block: &Packed<CO_HALF>, rows: &mut [f32], cout: usize) {
    let cin = block.w.len();
    if input.len() < PX * cin || rows.len() < (PX - 1) * cout + block.co + block.width {
        return;
    }
    let x = input.as_ptr();
    // SAFETY: the bias is 8 floats.
    let mut acc: [__m256; PX] = [unsafe { _mm256_loadu_ps(block.b.as_ptr()) }; PX];
    for (ci, row) in block.w.iter().enumerate() {
        // SAFETY: a row is 8 floats; `pi * cin + ci < PX * cin <= input.len()`.
        let weights = unsafe { _mm256_loadu_ps(row.as_ptr()) };
        for (pi, a) in acc.iter_mut().enumerate() {
            let v = _mm256_set1_ps(unsafe { *x.add(pi * cin + ci) });
            *a = _mm256_fmadd_ps(v, weights, *a);
        }
    }
    for (pi, a) in acc.into_iter().enumerate() {
        let at = pi * cout + block.co;
        let mut sums = [0f32; CO_HALF];
        // SAFETY: `sums` holds 8 floats.
        unsafe { _mm256_storeu_ps(sums.as_mut_ptr(), a) };
        rows[at..at + block.width].copy_from_slice(&sums[..block.width]);
    }
}
