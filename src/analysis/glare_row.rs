//! The glare mask of one card row written with AVX2 instructions (see `glare::mark_row`):
//! sixteen pixels at a time are split into red, green and blue by byte shuffles, so their
//! brightest and dimmest channels and the saturation test are a few vector operations. Same
//! mask as the portable code, to the bit (tested in `glare`).

#[cfg(target_arch = "x86_64")]
use std::arch::x86_64::*;

/// Pixels per loop turn.
const TURN: usize = 16;

/// Shuffles taking one channel's bytes out of each of the three 16-byte thirds of 16 RGB
/// pixels (`-1`: a zero byte), channel by channel (red, green, blue).
const SPLIT: [[[i8; 16]; 3]; 3] = [
    [
        [0, 3, 6, 9, 12, 15, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1],
        [-1, -1, -1, -1, -1, -1, 2, 5, 8, 11, 14, -1, -1, -1, -1, -1],
        [-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 1, 4, 7, 10, 13],
    ],
    [
        [1, 4, 7, 10, 13, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1],
        [-1, -1, -1, -1, -1, 0, 3, 6, 9, 12, 15, -1, -1, -1, -1, -1],
        [-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 2, 5, 8, 11, 14],
    ],
    [
        [2, 5, 8, 11, 14, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1],
        [-1, -1, -1, -1, -1, 1, 4, 7, 10, 13, -1, -1, -1, -1, -1, -1],
        [-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 0, 3, 6, 9, 12, 15],
    ],
];

/// What `glare::mark_row` needs to mark a pixel.
#[derive(Clone, Copy)]
pub struct Marks {
    /// The brightness (largest channel) a candidate reaches.
    pub threshold: u8,
    /// The brightness of a clipped pixel.
    pub clipped: u8,
    /// The most saturation (percent) a colourless pixel has.
    pub max_saturation_pct: u8,
    pub candidate: u8,
    pub clipped_bit: u8,
}

/// Marks the whole turns of `rgb` (16 pixels each) into `mask`; returns how many pixels were
/// marked (the caller marks the rest). `mask` must hold a byte per pixel of `rgb`.
///
/// # Safety
/// The CPU must support AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
pub unsafe fn mark(rgb: &[u8], marks: Marks, mask: &mut [u8]) -> usize {
    let turns = (rgb.len() / (3 * TURN)).min(mask.len() / TURN);
    // SAFETY (for the block): AVX2 is enabled for this function; turn t reads bytes
    // 48 t .. 48 t + 48 of `rgb` and writes bytes 16 t .. 16 t + 16 of `mask`, inside both
    // by the choice of `turns`.
    unsafe {
        let split = SPLIT.map(|c| c.map(|m| _mm_loadu_si128(m.map(|b| b as u8).as_ptr().cast())));
        let threshold = _mm_set1_epi8(marks.threshold as i8);
        let clipped = _mm_set1_epi8(marks.clipped as i8);
        let hundred = _mm256_set1_epi16(100);
        // From 100 % up every pixel is colourless; capped so the products fit 16 bits.
        let saturation = _mm256_set1_epi16(i16::from(marks.max_saturation_pct.min(100)));
        let candidate = _mm_set1_epi8(marks.candidate as i8);
        let clipped_bit = _mm_set1_epi8(marks.clipped_bit as i8);
        for t in 0..turns {
            let p = rgb.as_ptr().add(t * 3 * TURN);
            let thirds = [0, 16, 32].map(|o| _mm_loadu_si128(p.add(o).cast()));
            let channel = |c: usize| {
                let part = |k: usize| _mm_shuffle_epi8(thirds[k], split[c][k]);
                _mm_or_si128(_mm_or_si128(part(0), part(1)), part(2))
            };
            let (r, g, b) = (channel(0), channel(1), channel(2));
            let max = _mm_max_epu8(r, _mm_max_epu8(g, b));
            let min = _mm_min_epu8(r, _mm_min_epu8(g, b));
            // (max − min) × 100 ≤ saturation × max, in 16-bit lanes.
            let spread = _mm256_mullo_epi16(_mm256_cvtepu8_epi16(_mm_subs_epu8(max, min)), hundred);
            let allowed = _mm256_mullo_epi16(_mm256_cvtepu8_epi16(max), saturation);
            let coloured = _mm256_cmpgt_epi16(spread, allowed);
            let coloured = _mm_packs_epi16(
                _mm256_castsi256_si128(coloured),
                _mm256_extracti128_si256::<1>(coloured),
            );
            let at_least = |level: __m128i| _mm_cmpeq_epi8(_mm_max_epu8(max, level), max);
            let bright = _mm_andnot_si128(coloured, at_least(threshold));
            let out = _mm_or_si128(
                _mm_and_si128(bright, candidate),
                _mm_and_si128(at_least(clipped), clipped_bit),
            );
            _mm_storeu_si128(mask.as_mut_ptr().add(t * TURN).cast(), out);
        }
    }
    turns * TURN
}
