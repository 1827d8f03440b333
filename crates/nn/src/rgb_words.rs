//! Eight pixels' RGB bytes gathered as 32-bit words with AVX2 (each word a pixel's red,
//! green, blue and one byte more), as the picture copies for the model read them.

#[cfg(target_arch = "x86_64")]
use std::arch::x86_64::*;

/// Byte `ch` (0 red, 1 green, 2 blue) of each of eight gathered words, as floats.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
pub(crate) fn channel(words: __m256i, ch: usize) -> __m256 {
    let shifted = match ch {
        0 => words,
        1 => _mm256_srli_epi32::<8>(words),
        _ => _mm256_srli_epi32::<16>(words),
    };
    _mm256_cvtepi32_ps(_mm256_and_si256(shifted, _mm256_set1_epi32(0xff)))
}

/// The eight values of a register.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
pub(crate) fn eight(v: __m256) -> [f32; 8] {
    let mut values = [0f32; 8];
    // SAFETY: `values` holds eight floats; the store is unaligned.
    unsafe { _mm256_storeu_ps(values.as_mut_ptr(), v) };
    values
}

/// Eight values of each channel (red, green, blue) as eight pixels of three values into the
/// start of `out`.
#[inline(always)]
pub(crate) fn interleave(planes: &[[f32; 8]; 3], out: &mut [f32]) {
    for (i, pixel) in out.chunks_exact_mut(3).take(8).enumerate() {
        pixel[0] = planes[0][i];
        pixel[1] = planes[1][i];
        pixel[2] = planes[2][i];
    }
}
