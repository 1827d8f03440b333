//! The whole picture turned, as the model's input for heads leaning sideways. Each input pixel
//! is a bilinear sample of the shrunk picture; with AVX2 eight samples are taken at once
//! (their bytes gathered, the same operations in the same order as one at a time, so the
//! same values to the bit). The turned copy was a twelfth of a live look's time one sample
//! at a time.

use super::Tensor;
use super::resample::block_sums;

/// The whole picture shrunk by `n` (a power of two; 1 keeps it) and turned by `angle`
/// (radians, clockwise on screen) around its centre, as the model's input: the same size as
/// the shrunk picture, values −1…1, black (−1) where the turned picture does not reach and
/// in the padding to a multiple of `multiple`. A head leaning `angle` clockwise stands
/// upright in it. Output pixel (u, v) from the centre shows the shrunk picture's point
/// centre + u·(cos, sin) + v·(−sin, cos), sampled bilinearly.
pub fn rgb_turned(
    rgb: &[u8],
    (width, height): (usize, usize),
    angle: f32,
    n: usize,
    multiple: usize,
) -> Tensor {
    // A power of two (the largest not above `n`): the shrink's mean is a shift.
    let n = 1usize << n.max(1).ilog2();
    let (sw, sh) = ((width / n).max(1), (height / n).max(1));
    let m = multiple.max(1);
    let mut t = Tensor::filled(sh.div_ceil(m) * m, sw.div_ceil(m) * m, 3, -1.0);
    if width < n || height < n || rgb.len() < width * height * 3 {
        return t;
    }
    let small = shrunk_rgb8(rgb, width, n, (sw, sh));
    let turn = Turn::new(&small, (sw, sh), angle);
    let tw = t.w;
    for (oy, line) in t.data.chunks_exact_mut(tw * 3).take(sh).enumerate() {
        let line = &mut line[..sw * 3];
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has just been seen to support it.
            unsafe { turn.row_avx2(oy, line) };
            continue;
        }
        turn.row(oy, line, 0);
    }
    t
}

/// A part of the picture turned by `angle` (radians, clockwise on screen) and scaled by
/// `scale` (input pixels a picture pixel), as an `ow`×`oh` input whose centre shows the
/// picture's point `centre` (pixel units, a pixel's centre at +0.5): values −1…1, black (−1)
/// where the picture does not reach. Input pixel (u, v) from the input's centre shows the
/// point centre + (u·(cos, sin) + v·(−sin, cos)) / scale, sampled bilinearly. With scale 1
/// and the picture's own centre and size it is [`rgb_turned`] unshrunk, to the bit.
pub fn rgb_turned_part(
    rgb: &[u8],
    (width, height): (usize, usize),
    (cx, cy): (f32, f32),
    (ow, oh): (usize, usize),
    scale: f32,
    angle: f32,
) -> Tensor {
    let mut t = Tensor::filled(oh, ow, 3, -1.0);
    if width == 0 || height == 0 || rgb.len() < width * height * 3 || scale.is_nan() || scale <= 0.0
    {
        return t;
    }
    // Only the rows the part reaches are copied (a small part of a large picture).
    let (sin, cos) = angle.sin_cos();
    let (hu, hv) = (ow as f32 / 2.0 / scale, oh as f32 / 2.0 / scale);
    let reach = hu * sin.abs() + hv * cos.abs();
    let first = ((cy - reach).floor() - 1.0).clamp(0.0, height as f32) as usize;
    let last = ((cy + reach).ceil() + 1.0).clamp(0.0, height as f32) as usize;
    if last <= first {
        return t;
    }
    let mut rows = rgb[first * width * 3..last * width * 3].to_vec();
    rows.extend_from_slice(&[0; 4]);
    let turn = Turn::around(
        &rows,
        (width, last - first),
        (cx, cy - first as f32),
        (ow, oh),
        scale,
        angle,
    );
    for (oy, line) in t.data.chunks_exact_mut(ow * 3).enumerate() {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has just been seen to support it.
            unsafe { turn.row_avx2(oy, line) };
            continue;
        }
        turn.row(oy, line, 0);
    }
    t
}

/// The shrunk picture (RGB8, with four bytes more after it so that a four-byte load at its
/// last pixel stays inside) and the turn.
struct Turn<'a> {
    small: &'a [u8],
    sw: usize,
    sh: usize,
    /// The input's width (pixels sampled per row).
    ow: usize,
    /// The turn, divided by the scale: the picture's step per input pixel.
    sin: f32,
    cos: f32,
    /// The input's centre…
    ocx: f32,
    ocy: f32,
    /// …shows this point of the picture.
    cx: f32,
    cy: f32,
}

impl Turn<'_> {
    /// The whole picture turned around its centre, as large as it is.
    fn new(small: &[u8], (sw, sh): (usize, usize), angle: f32) -> Turn<'_> {
        let (cx, cy) = (sw as f32 / 2.0, sh as f32 / 2.0);
        Turn::around(small, (sw, sh), (cx, cy), (sw, sh), 1.0, angle)
    }

    /// An `ow`×`oh` input whose centre shows the picture's point `centre`, `scale` input
    /// pixels a picture pixel.
    fn around(
        small: &[u8],
        (sw, sh): (usize, usize),
        (cx, cy): (f32, f32),
        (ow, oh): (usize, usize),
        scale: f32,
        angle: f32,
    ) -> Turn<'_> {
        let (sin, cos) = angle.sin_cos();
        Turn {
            small,
            sw,
            sh,
            ow,
            // Divided by one: the same bits as the turn itself.
            sin: sin / scale,
            cos: cos / scale,
            ocx: ow as f32 / 2.0,
            ocy: oh as f32 / 2.0,
            cx,
            cy,
        }
    }

    /// Input row `oy` from column `from` on, one sample at a time.
    fn row(&self, oy: usize, line: &mut [f32], from: usize) {
        let v = oy as f32 + 0.5 - self.ocy;
        for (ox, out) in line.chunks_exact_mut(3).enumerate().skip(from) {
            self.pixel(ox, v, out);
        }
    }

    /// Input pixel (`ox`, row at `v` from the centre), left as it was (black) where the
    /// turned picture does not reach.
    #[inline(always)]
    fn pixel(&self, ox: usize, v: f32, out: &mut [f32]) {
        let (sw, sh, row) = (self.sw, self.sh, self.sw * 3);
        let (xmax, ymax) = ((sw - 1) as f32, (sh - 1) as f32);
        let u = ox as f32 + 0.5 - self.ocx;
        // The point in the shrunk picture, in pixel-centre coordinates.
        let sx = self.cx + u * self.cos - v * self.sin - 0.5;
        let sy = self.cy + u * self.sin + v * self.cos - 0.5;
        if !(0.0..=xmax).contains(&sx) || !(0.0..=ymax).contains(&sy) {
            return;
        }
        let (x0, y0) = (sx as usize, sy as usize);
        let dx = if x0 + 1 < sw { 3 } else { 0 };
        let dy = if y0 + 1 < sh { row } else { 0 };
        let (ax, ay) = (sx - x0 as f32, sy - y0 as f32);
        let at = y0 * row + x0 * 3;
        let (Some(top), Some(bottom)) = (
            self.small.get(at..at + dx + 3),
            self.small.get(at + dy..at + dy + dx + 3),
        ) else {
            return;
        };
        for ch in 0..3 {
            let (a, b) = (f32::from(top[ch]), f32::from(top[dx + ch]));
            let (c, d) = (f32::from(bottom[ch]), f32::from(bottom[dx + ch]));
            let upper = a + (b - a) * ax;
            let lower = c + (d - c) * ax;
            out[ch] = (upper + (lower - upper) * ay) * (1.0 / 127.5) - 1.0;
        }
    }

    /// [`Turn::row`] eight input pixels at a time where all eight samples have their four
    /// neighbours inside the picture (each pixel's four neighbours' bytes gathered as 32-bit
    /// words); pixels near the turned picture's edge one at a time.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn row_avx2(&self, oy: usize, line: &mut [f32]) {
        use crate::rgb_words::{channel, eight, interleave};
        use std::arch::x86_64::*;
        let (sw, row) = (self.sw, self.sw * 3);
        let v = oy as f32 + 0.5 - self.ocy;
        let (vsin, vcos) = (v * self.sin, v * self.cos);
        let (xmax, ymax) = ((sw - 1) as f32, (self.sh - 1) as f32);
        // The gathers read up to four bytes from a neighbour's first byte: the last pixel's
        // neighbour reads one byte past the picture, inside the four kept after it.
        debug_assert!(self.small.len() >= self.sh * row + 4);
        let base = self.small.as_ptr().cast::<i32>();
        let lanes = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
        let mut ox = 0;
        while ox + 8 <= self.ow {
            let xs = _mm256_add_epi32(_mm256_set1_epi32(ox as i32), lanes);
            let u = _mm256_sub_ps(
                _mm256_add_ps(_mm256_cvtepi32_ps(xs), _mm256_set1_ps(0.5)),
                _mm256_set1_ps(self.ocx),
            );
            // As `pixel` computes them: ((c + u·a) ∓ v·b) − 0.5, each step rounded.
            let sx = _mm256_sub_ps(
                _mm256_sub_ps(
                    _mm256_add_ps(
                        _mm256_set1_ps(self.cx),
                        _mm256_mul_ps(u, _mm256_set1_ps(self.cos)),
                    ),
                    _mm256_set1_ps(vsin),
                ),
                _mm256_set1_ps(0.5),
            );
            let sy = _mm256_sub_ps(
                _mm256_add_ps(
                    _mm256_add_ps(
                        _mm256_set1_ps(self.cy),
                        _mm256_mul_ps(u, _mm256_set1_ps(self.sin)),
                    ),
                    _mm256_set1_ps(vcos),
                ),
                _mm256_set1_ps(0.5),
            );
            // Strictly inside below the last column and row: both neighbours each way exist.
            let zero = _mm256_setzero_ps();
            let inside = _mm256_and_ps(
                _mm256_and_ps(
                    _mm256_cmp_ps::<_CMP_GE_OQ>(sx, zero),
                    _mm256_cmp_ps::<_CMP_LT_OQ>(sx, _mm256_set1_ps(xmax)),
                ),
                _mm256_and_ps(
                    _mm256_cmp_ps::<_CMP_GE_OQ>(sy, zero),
                    _mm256_cmp_ps::<_CMP_LT_OQ>(sy, _mm256_set1_ps(ymax)),
                ),
            );
            if _mm256_movemask_ps(inside) != 0xff {
                for (i, out) in line[ox * 3..(ox + 8) * 3].chunks_exact_mut(3).enumerate() {
                    self.pixel(ox + i, v, out);
                }
                ox += 8;
                continue;
            }
            let (x0, y0) = (_mm256_cvttps_epi32(sx), _mm256_cvttps_epi32(sy));
            let ax = _mm256_sub_ps(sx, _mm256_cvtepi32_ps(x0));
            let ay = _mm256_sub_ps(sy, _mm256_cvtepi32_ps(y0));
            let at = _mm256_add_epi32(
                _mm256_mullo_epi32(y0, _mm256_set1_epi32(row as i32)),
                _mm256_mullo_epi32(x0, _mm256_set1_epi32(3)),
            );
            let below = _mm256_add_epi32(at, _mm256_set1_epi32(row as i32));
            let three = _mm256_set1_epi32(3);
            // SAFETY: every lane is inside: at ≤ (sh−2)·row + (sw−2)·3, so the farthest
            // word read, at + row + 3 … + 7, ends at most one byte past the picture, inside
            // the slice (four bytes kept after it).
            let (tl, tr, bl, br) = unsafe {
                (
                    _mm256_i32gather_epi32::<1>(base, at),
                    _mm256_i32gather_epi32::<1>(base, _mm256_add_epi32(at, three)),
                    _mm256_i32gather_epi32::<1>(base, below),
                    _mm256_i32gather_epi32::<1>(base, _mm256_add_epi32(below, three)),
                )
            };
            let mut planes = [[0f32; 8]; 3];
            for (ch, plane) in planes.iter_mut().enumerate() {
                let (a, b) = (channel(tl, ch), channel(tr, ch));
                let (c, d) = (channel(bl, ch), channel(br, ch));
                let upper = _mm256_add_ps(a, _mm256_mul_ps(_mm256_sub_ps(b, a), ax));
                let lower = _mm256_add_ps(c, _mm256_mul_ps(_mm256_sub_ps(d, c), ax));
                let blended = _mm256_add_ps(upper, _mm256_mul_ps(_mm256_sub_ps(lower, upper), ay));
                *plane = eight(_mm256_sub_ps(
                    _mm256_mul_ps(blended, _mm256_set1_ps(1.0 / 127.5)),
                    _mm256_set1_ps(1.0),
                ));
            }
            interleave(&planes, &mut line[ox * 3..(ox + 8) * 3]);
            ox += 8;
        }
        self.row(oy, line, ox);
    }
}

/// The picture shrunk by `n` (a power of two) into `sw`×`sh` RGB8 pixels, each the rounded
/// mean of its n×n block, and four bytes of zeros after them (see [`Turn`]).
fn shrunk_rgb8(rgb: &[u8], width: usize, n: usize, (sw, sh): (usize, usize)) -> Vec<u8> {
    if n == 1 {
        let mut out = rgb[..sw * sh * 3].to_vec();
        out.extend_from_slice(&[0; 4]);
        return out;
    }
    // n is a power of two, so the mean is a shift (a division per value was a sixth of the
    // turned input's time).
    let shift = (n * n).trailing_zeros();
    let half = (1u32 << shift) / 2;
    let mut out = vec![0u8; sw * sh * 3 + 4];
    let mut sums = vec![0u32; sw * 3];
    let mut columns = Vec::new();
    for (oy, line) in out.chunks_exact_mut(sw * 3).take(sh).enumerate() {
        block_sums(rgb, width, (0, oy * n), n, (&mut sums, &mut columns));
        for (o, &s) in line.iter_mut().zip(&sums) {
            *o = ((s + half) >> shift) as u8;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resample::tests::half_dark;

    #[test]
    fn a_turned_picture_shows_the_picture_turned_and_black_where_it_does_not_reach() {
        let (w, h) = (64usize, 32usize);
        let rgb = half_dark(w, h);
        let straight = rgb_turned(&rgb, (w, h), 0.0, 2, 32);
        assert_eq!((straight.h, straight.w), (32, 32));
        assert_eq!(straight.pixel(8, 2), &[-1.0; 3]);
        assert_eq!(straight.pixel(8, 29), &[1.0; 3]);
        assert_eq!(straight.pixel(20, 8), &[-1.0; 3], "padding below is black");
        // A quarter turn clockwise: the input's x axis runs down the picture, so its left
        // reads the picture's top... of a 32×16 picture only the middle 16×16 stays inside.
        let quarter = rgb_turned(&rgb, (w, h), std::f32::consts::FRAC_PI_2, 2, 32);
        // Input row v > 0 reads picture column cx − v (left: dark); v < 0 reads the right.
        assert!(
            quarter.pixel(12, 16)[0] < -0.9,
            "{:?}",
            quarter.pixel(12, 16)
        );
        assert!(quarter.pixel(3, 16)[0] > 0.9, "{:?}", quarter.pixel(3, 16));
        // Far left and right of the input fall outside the 16-high picture: black.
        assert_eq!(quarter.pixel(8, 1), &[-1.0; 3]);
        assert_eq!(quarter.pixel(8, 30), &[-1.0; 3]);
    }

    #[test]
    fn a_turned_part_is_the_whole_turned_picture_where_they_meet() {
        let (w, h) = (96usize, 64usize);
        let rgb: Vec<u8> = (0..w * h * 3).map(|i| (i * 131 % 251) as u8).collect();
        let centre = (w as f32 / 2.0, h as f32 / 2.0);
        for angle in [0.0f32, 0.7, -0.7] {
            // The picture's own centre and size at scale 1: the whole turned picture.
            let whole = rgb_turned(&rgb, (w, h), angle, 1, 32);
            let part = rgb_turned_part(&rgb, (w, h), centre, (w, h), 1.0, angle);
            let same = part
                .data
                .iter()
                .zip(&whole.data)
                .all(|(a, b)| a.to_bits() == b.to_bits());
            assert!(same, "angle {angle}");
        }
        // Scaled by 2 around a point: input pixel (u, v) from the centre shows the picture
        // (u, v) / 2 from it. half_dark: the left half dark, from column 48 light; a part
        // centred on that border reads dark on its left, light on its right.
        let dark = crate::resample::tests::half_dark(w, h);
        let part = rgb_turned_part(&dark, (w, h), (48.0, 32.0), (32, 32), 2.0, 0.0);
        assert_eq!(part.pixel(16, 4), &[-1.0; 3]);
        assert_eq!(part.pixel(16, 28), &[1.0; 3]);
        // Beyond the picture: black. A part centred on the picture's lower right corner: its
        // upper left quarter inside (light), the rest outside.
        let corner = rgb_turned_part(&dark, (w, h), (96.0, 64.0), (32, 32), 1.0, 0.0);
        assert_eq!(corner.pixel(24, 24), &[-1.0; 3]);
        assert_eq!(corner.pixel(8, 8), &[1.0; 3]);
    }

    #[test]
    fn eight_samples_at_once_give_one_at_a_time_s_values_to_the_bit() {
        let (w, h) = (203usize, 117usize);
        let rgb: Vec<u8> = (0..w * h * 3).map(|i| (i * 131 % 251) as u8).collect();
        for n in [1, 2] {
            let (sw, sh) = (w / n, h / n);
            let small = shrunk_rgb8(&rgb, w, n, (sw, sh));
            for angle in [0.0f32, 0.3, -0.55, 1.2, std::f32::consts::PI] {
                let turn = Turn::new(&small, (sw, sh), angle);
                for oy in 0..sh {
                    let mut one = vec![-1.0f32; sw * 3];
                    turn.row(oy, &mut one, 0);
                    #[cfg(target_arch = "x86_64")]
                    if std::arch::is_x86_feature_detected!("avx2") {
                        let mut eight = vec![-1.0f32; sw * 3];
                        // SAFETY: the CPU has just been seen to support it.
                        unsafe { turn.row_avx2(oy, &mut eight) };
                        let same = one
                            .iter()
                            .zip(&eight)
                            .all(|(a, b)| a.to_bits() == b.to_bits());
                        assert!(same, "n {n}, angle {angle}, row {oy}");
                    }
                    // Most of a row inside the picture is sampled, not left black.
                    if angle == 0.0 && oy > 0 && oy + 1 < sh {
                        assert!(one.iter().filter(|&&v| v != -1.0).count() > sw * 2);
                    }
                }
            }
        }
        // A part: another centre, another width than the picture's, scaled.
        let small = shrunk_rgb8(&rgb, w, 1, (w, h));
        for (scale, angle) in [(1.5f32, 0.7f32), (4.0 / 3.0, -0.7), (2.0, 0.0)] {
            let (ow, oh) = (77, 45);
            let turn = Turn::around(&small, (w, h), (61.3, 40.8), (ow, oh), scale, angle);
            for oy in 0..oh {
                let mut one = vec![-1.0f32; ow * 3];
                turn.row(oy, &mut one, 0);
                #[cfg(target_arch = "x86_64")]
                if std::arch::is_x86_feature_detected!("avx2") {
                    let mut eight = vec![-1.0f32; ow * 3];
                    // SAFETY: the CPU has just been seen to support it.
                    unsafe { turn.row_avx2(oy, &mut eight) };
                    let same = one
                        .iter()
                        .zip(&eight)
                        .all(|(a, b)| a.to_bits() == b.to_bits());
                    assert!(same, "scale {scale}, angle {angle}, row {oy}");
                }
            }
        }
    }
}
