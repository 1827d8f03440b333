//! The grey copy at half size (720p and 1080p-wide 2×2 blocks; a 1280×720 frame is analysed
//! at 640×360) written with AVX2 instructions: each 2×2 block's three channel sums are found
//! with one byte shuffle and one pair-add per two blocks, instead of splitting every row into
//! colour planes first. Same BT.601 weights and rounding as the portable code, to the bit
//! (tested in `grey_downscale`).

#[cfg(target_arch = "x86_64")]
use std::arch::x86_64::*;

/// Bytes in one 2×2 block's row: two RGB pixels.
const BLOCK: usize = 6;
/// Blocks made per loop turn.
const TURN: usize = 16;
/// A turn reads 16 bytes from the start of its last pair of blocks: 4 bytes past the turn.
const READ_PAST: usize = 16 - 2 * BLOCK;

/// Shuffle putting two blocks' bytes (R0 G0 B0 R1 G1 B1, twice) as channel pairs
/// (R0 R1, G0 G1, B0 B1, 0 0, and again for the second block), so that adding neighbouring
/// bytes gives each block's channel sums in 16-bit lanes R, G, B, 0.
const PAIRS: [i8; 16] = [0, 3, 1, 4, 2, 5, -1, -1, 6, 9, 7, 10, 8, 11, -1, -1];

/// One output row from two frame rows (`top`, `bottom`, RGB): `out[i]` is the BT.601 luma of
/// the 2×2 block at pixels `2i, 2i + 1`. Both rows must hold at least `6 × out.len()` bytes.
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
    let turns = whole_turns(n);
    // SAFETY (for the block): AVX2 is enabled for this function; every load reads 16 bytes
    // from an offset at most `turn × 96 + 84`, and `turns` was chosen so that
    // `turns × 96 + 4 ≤ need`, which both rows hold; each store writes 16 bytes inside `out`.
    unsafe {
        let pairs = both_lanes(PAIRS);
        let ones = _mm256_set1_epi8(1);
        let weights = _mm256_setr_epi16(
            77, 150, 29, 0, 77, 150, 29, 0, 77, 150, 29, 0, 77, 150, 29, 0,
        );
        for t in 0..turns {
            let base = t * TURN * BLOCK;
            // Blocks (lane 0 | lane 1): x1 = 0,1 | 8,9; y1 = 2,3 | 10,11; x2 = 4,5 | 12,13;
            // y2 = 6,7 | 14,15 — the order the in-lane adds and packs below put back in line.
            let sums = |k: usize| {
                let lo = base + 2 * k * BLOCK;
                let hi = lo + 8 * BLOCK;
                let channel_sums = |rowp: &[u8]| {
                    let v = _mm256_loadu2_m128i(
                        rowp.as_ptr().add(hi).cast(),
                        rowp.as_ptr().add(lo).cast(),
                    );
                    _mm256_maddubs_epi16(_mm256_shuffle_epi8(v, pairs), ones)
                };
                let rgb = _mm256_add_epi16(channel_sums(top), channel_sums(bottom));
                // Per block: 77 R + 150 G in one 32-bit lane, 29 B in the next.
                _mm256_madd_epi16(rgb, weights)
            };
            let (x1, y1, x2, y2) = (sums(0), sums(1), sums(2), sums(3));
            let first = _mm256_srli_epi32::<10>(_mm256_hadd_epi32(x1, y1));
            let second = _mm256_srli_epi32::<10>(_mm256_hadd_epi32(x2, y2));
            let words = _mm256_packs_epi32(first, second);
            let bytes = _mm256_packus_epi16(words, words);
            let ordered = _mm256_permute4x64_epi64::<0b1000>(bytes);
            _mm_storeu_si128(
                out.as_mut_ptr().add(t * TURN).cast(),
                _mm256_castsi256_si128(ordered),
            );
        }
    }
    for i in turns * TURN..n {
        let (t, b) = (
            &top[i * BLOCK..i * BLOCK + BLOCK],
            &bottom[i * BLOCK..i * BLOCK + BLOCK],
        );
        let sum = |c: usize| {
            u32::from(t[c]) + u32::from(t[c + 3]) + u32::from(b[c]) + u32::from(b[c + 3])
        };
        out[i] = ((77 * sum(0) + 150 * sum(1) + 29 * sum(2)) / 1024) as u8;
    }
}

/// The turns of 16 blocks (6 bytes each) of an `n`-block row that stay inside rows of
/// `6 n` bytes while reading 4 bytes past each turn (also `opponent_half`'s turns).
#[cfg(target_arch = "x86_64")]
pub(super) fn whole_turns(n: usize) -> usize {
    let need = n * BLOCK;
    if need >= READ_PAST {
        ((need - READ_PAST) / (TURN * BLOCK)).min(n / TURN)
    } else {
        0
    }
}

/// The 16-byte shuffle in both 128-bit lanes.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
pub(super) fn both_lanes(mask: [i8; 16]) -> __m256i {
    let m = mask.map(|b| b as u8);
    // SAFETY: reads 16 bytes from a 16-byte array; AVX2 is enabled for this function.
    unsafe {
        let v = _mm_loadu_si128(m.as_ptr().cast());
        _mm256_broadcastsi128_si256(v)
    }
}
