//! The card's opponent colour (blue minus red) at half size, written with AVX2 instructions:
//! the 720p path of `frame::small_opponent`. Each 2×2 block's value comes from two pixels,
//! its first on the top row and its second on the bottom row; a byte shuffle and a signed
//! pair-add give four blocks' differences per instruction pair. Same result as the portable
//! code, to the bit (tested in `frame`).

#[cfg(target_arch = "x86_64")]
use super::grey_half::both_lanes;
#[cfg(target_arch = "x86_64")]
use std::arch::x86_64::*;

/// Bytes in one 2×2 block's row: two RGB pixels.
const BLOCK: usize = 6;
/// Blocks made per loop turn.
const TURN: usize = 16;

/// The shuffle for blocks `4g .. 4g + 3` of a turn (two per 128-bit lane): the blue and red
/// bytes of the chosen pixel (`first`: byte offset of that pixel in its block) of both
/// blocks, as (blue, red) pairs placed at bytes `4g .. 4g + 3` of each lane; zeros elsewhere.
const fn pairs(g: usize, first: i8) -> [i8; 16] {
    let mut m = [-1i8; 16];
    let at = 4 * g;
    m[at] = first + 2;
    m[at + 1] = first;
    m[at + 2] = first + 2 + BLOCK as i8;
    m[at + 3] = first + BLOCK as i8;
    m
}

/// One output row from two frame rows (`top`, `bottom`, RGB): `out[i]` is the opponent level
/// of the 2×2 block at pixels `2i, 2i + 1` (see `frame::opponent_level`). Both rows must hold
/// at least `6 × out.len()` bytes.
///
/// # Safety
/// The CPU must support AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
pub unsafe fn row(top: &[u8], bottom: &[u8], out: &mut [u8]) {
    let n = out.len();
    let need = n * BLOCK;
    assert!(
        top.len() >= need && bottom.len() >= need,
        "rows shorter than the output"
    );
    let turns = super::grey_half::whole_turns(n);
    // SAFETY (for the block): AVX2 is enabled for this function; every load reads 16 bytes
    // from an offset at most `turn × 96 + 84`, and `turns` was chosen so that
    // `turns × 96 + 4 ≤ need`, which both rows hold; each store writes 16 bytes inside `out`.
    unsafe {
        let signs = _mm256_set1_epi16(0x_ff01_u16 as i16);
        let (tops, bottoms) = (
            [0, 1, 2, 3].map(|g| both_lanes(pairs(g, 0))),
            [0, 1, 2, 3].map(|g| both_lanes(pairs(g, 3))),
        );
        for t in 0..turns {
            let base = t * TURN * BLOCK;
            let mut d = _mm256_setzero_si256();
            for g in 0..4 {
                let lo = base + 4 * g * BLOCK;
                let load = |rowp: &[u8]| {
                    _mm256_loadu2_m128i(
                        rowp.as_ptr().add(lo + 2 * BLOCK).cast(),
                        rowp.as_ptr().add(lo).cast(),
                    )
                };
                // Unsigned bytes times (+1, −1): blue minus red in each 16-bit lane.
                let from_top = _mm256_maddubs_epi16(_mm256_shuffle_epi8(load(top), tops[g]), signs);
                let from_bottom =
                    _mm256_maddubs_epi16(_mm256_shuffle_epi8(load(bottom), bottoms[g]), signs);
                d = _mm256_add_epi16(d, _mm256_add_epi16(from_top, from_bottom));
            }
            // d / 2 rounded toward zero (as the portable code divides), then (d/2 + 255) / 2.
            let negative = _mm256_srli_epi16::<15>(d);
            let half = _mm256_srai_epi16::<1>(_mm256_add_epi16(d, negative));
            let level = _mm256_srli_epi16::<1>(_mm256_add_epi16(half, _mm256_set1_epi16(255)));
            // Lane 0 holds blocks 0,1, 4,5, 8,9, 12,13; lane 1 blocks 2,3, 6,7, …: pairs of
            // blocks interleave back into order.
            let (a, b) = (
                _mm256_castsi256_si128(level),
                _mm256_extracti128_si256::<1>(level),
            );
            let bytes = _mm_packus_epi16(_mm_unpacklo_epi32(a, b), _mm_unpackhi_epi32(a, b));
            _mm_storeu_si128(out.as_mut_ptr().add(t * TURN).cast(), bytes);
        }
    }
    for i in turns * TURN..n {
        let (t, b) = (&top[i * BLOCK..], &bottom[i * BLOCK..]);
        let d = i16::from(t[2]) - i16::from(t[0]) + i16::from(b[5]) - i16::from(b[3]);
        out[i] = super::frame::opponent_level(d);
    }
}
