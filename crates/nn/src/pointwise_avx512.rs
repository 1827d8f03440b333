//! The 1×1 convolution with AVX-512 (Intel server and 11th-generation laptop cores, AMD Zen 4
//! and later): eight pixels × thirty-two output channels summed in sixteen 512-bit registers
//! while the input channels run (sixteen channels where fewer are left), so each weight row
//! loaded serves eight pixels (the AVX2 kernel's six) and each input value two registers. Each sum starts from the bias and adds the input channels in order with one fused
//! multiply-add each — the AVX2 kernel's sums, so the same result to the bit.

use std::arch::x86_64::{
    __m512, _mm512_fmadd_ps, _mm512_loadu_ps, _mm512_mask_storeu_ps, _mm512_set1_ps,
    _mm512_storeu_ps,
};

use super::pointwise::{Packed, Rows, by_blocks};

/// Pixels per block.
const PX: usize = 8;
/// Output channels per block: one register of floats. Fewer channels left at the end (the
/// model's 8-channel layers, its 1- and 4-channel heads) take one block over weights padded
/// with zeros, at the same cost per instruction.
const CO: usize = 16;

/// The 1×1 convolution of the pixels of `x` (`cin` values each) into `out` (`cout` each).
///
/// # Safety
/// The CPU must support AVX-512F.
#[target_feature(enable = "avx512f,avx2,fma")]
pub(crate) unsafe fn pointwise_avx512(
    x: &[f32],
    w: &[f32],
    b: &[f32],
    then: Rows,
    out: &mut [f32],
) {
    let cout = b.len();
    let pairs = cout / (2 * CO) * 2 * CO;
    let wide: Vec<Packed<{ 2 * CO }>> = (0..pairs)
        .step_by(2 * CO)
        .map(|co| Packed::new(w, b, co, 2 * CO))
        .collect();
    let blocks: Vec<Packed<CO>> = (pairs..cout)
        .step_by(CO)
        .map(|co| Packed::new(w, b, co, CO.min(cout - co)))
        .collect();
    by_blocks::<true, PX>((x, w, b), then, out, |input, rows| {
        for block in &wide {
            // SAFETY: AVX-512F is enabled for this function.
            unsafe { sums32(input, block, rows, cout) };
        }
        for block in &blocks {
            // SAFETY: as above.
            unsafe { sums(input, block, rows, cout) };
        }
    });
}

/// Thirty-two channels of `PX` pixels: sixteen sums in registers, each input value
/// broadcast once for two registers of weights (with sixteen channels at a time, the
/// loads of the input — one per multiply-add — held the multiply-add unit back).
///
/// # Safety
/// The CPU must support AVX-512F.
#[target_feature(enable = "avx512f")]
unsafe fn sums32(input: &[f32], block: &Packed<{ 2 * CO }>, rows: &mut [f32], cout: usize) {
    let cin = block.w.len();
    if input.len() < PX * cin || rows.len() < (PX - 1) * cout + block.co + 2 * CO {
        return;
    }
    let x = input.as_ptr();
    // SAFETY: the bias is 32 floats.
    let bias = unsafe {
        [
            _mm512_loadu_ps(block.b.as_ptr()),
            _mm512_loadu_ps(block.b.as_ptr().add(CO)),
        ]
    };
    let mut acc: [[__m512; 2]; PX] = [bias; PX];
    for (ci, row) in block.w.iter().enumerate() {
        // SAFETY: a row is 32 floats; `pi * cin + ci < PX * cin <= input.len()`.
        let (w0, w1) = unsafe {
            (
                _mm512_loadu_ps(row.as_ptr()),
                _mm512_loadu_ps(row.as_ptr().add(CO)),
            )
        };
        for (pi, a) in acc.iter_mut().enumerate() {
            let v = _mm512_set1_ps(unsafe { *x.add(pi * cin + ci) });
            a[0] = _mm512_fmadd_ps(v, w0, a[0]);
            a[1] = _mm512_fmadd_ps(v, w1, a[1]);
        }
    }
    for (pi, [a0, a1]) in acc.into_iter().enumerate() {
        let at = pi * cout + block.co;
        let place = &mut rows[at..at + 2 * CO];
        // SAFETY: `place` holds 32 floats.
        unsafe {
            _mm512_storeu_ps(place.as_mut_ptr(), a0);
            _mm512_storeu_ps(place.as_mut_ptr().add(CO), a1);
        }
    }
}

/// The block's channels of `PX` pixels (`input`: `PX` × `cin` values) stored into their
/// places in `rows` (`cout` values a pixel), straight from the registers.
///
/// # Safety
/// The CPU must support AVX-512F.
#[target_feature(enable = "avx512f")]
unsafe fn sums(input: &[f32], block: &Packed<CO>, rows: &mut [f32], cout: usize) {
    let cin = block.w.len();
    if input.len() < PX * cin || rows.len() < (PX - 1) * cout + block.co + block.width {
        return;
    }
    let x = input.as_ptr();
    // SAFETY: the bias is 16 floats.
    let mut acc: [__m512; PX] = [unsafe { _mm512_loadu_ps(block.b.as_ptr()) }; PX];
    for (ci, row) in block.w.iter().enumerate() {
        // SAFETY: a row is 16 floats; `pi * cin + ci < PX * cin <= input.len()`.
        let weights = unsafe { _mm512_loadu_ps(row.as_ptr()) };
        for (pi, a) in acc.iter_mut().enumerate() {
            let v = unsafe { *x.add(pi * cin + ci) };
            *a = _mm512_fmadd_ps(_mm512_set1_ps(v), weights, *a);
        }
    }
    // The block's first `width` lanes only: a narrower last block's padding is not stored.
    let mask = ((1u32 << block.width) - 1) as u16;
    for (pi, a) in acc.into_iter().enumerate() {
        let at = pi * cout + block.co;
        let place = &mut rows[at..at + block.width];
        // SAFETY: `place` holds `width` floats; a full block stores all 16 of them, a narrower
        // one only the lanes `mask` keeps (the others are not touched).
        unsafe {
            if block.width == CO {
                _mm512_storeu_ps(place.as_mut_ptr(), a);
            } else {
                _mm512_mask_storeu_ps(place.as_mut_ptr(), mask, a);
            }
        }
    }
}
