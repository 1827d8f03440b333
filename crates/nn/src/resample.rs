//! From camera pixels to the model's input: a region of an RGB8 picture scaled (area-averaged
//! when shrinking, linear when growing), values −1…1, padded right and below with −1 (black)
//! to a multiple of `multiple`.

use super::Tensor;

/// `rgb`: `width`×`height` RGB8 pixels; `region`: (x, y, w, h) inside them; `scale`: input
/// pixels per picture pixel.
pub fn rgb_region(
    rgb: &[u8],
    size: (usize, usize),
    region: (usize, usize, usize, usize),
    scale: f32,
    multiple: usize,
) -> Tensor {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has just been seen to support it.
        return unsafe { rgb_region_avx2(rgb, size, region, scale, multiple) };
    }
    region_input(rgb, size, region, scale, multiple)
}

/// [`rgb_region`] compiled for AVX2: its loops turn eight bytes into eight sums or floats at
/// a time (the plain build's SSE2 does four); the same operations on each value, so the same
/// values to the bit. A live look's copies of the picture were a tenth of its time.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn rgb_region_avx2(
    rgb: &[u8],
    size: (usize, usize),
    region: (usize, usize, usize, usize),
    scale: f32,
    multiple: usize,
) -> Tensor {
    region_input(rgb, size, region, scale, multiple)
}

#[inline(always)]
fn region_input(
    rgb: &[u8],
    (width, height): (usize, usize),
    (rx, ry, rw, rh): (usize, usize, usize, usize),
    scale: f32,
    multiple: usize,
) -> Tensor {
    let sw = ((rw as f32 * scale).round() as usize).max(1);
    let sh = ((rh as f32 * scale).round() as usize).max(1);
    let m = multiple.max(1);
    let (pw, ph) = (sw.div_ceil(m) * m, sh.div_ceil(m) * m);
    if width == 0 || height == 0 || rgb.len() < width * height * 3 {
        return Tensor::filled(ph, pw, 3, -1.0);
    }
    // Every value of the scaled region is written below; only the padding is filled first.
    let mut t = Tensor::for_overwrite(ph, pw, 3);
    for (oy, line) in t.data.chunks_exact_mut(pw * 3).enumerate() {
        let from = if oy < sh { sw * 3 } else { 0 };
        line[from..].fill(-1.0);
    }
    if (sw, sh) == (rw, rh) && rx + rw <= width && ry + rh <= height {
        // Full scale: each input pixel is its picture pixel — what the spans give (weights 1
        // and 0), at a quarter of the work; half the pixels of a live look are at full scale.
        let stride = width * 3;
        for oy in 0..sh {
            let from = (ry + oy) * stride + rx * 3;
            let at = oy * pw * 3;
            for (o, &v) in t.data[at..at + sw * 3]
                .iter_mut()
                .zip(&rgb[from..from + sw * 3])
            {
                *o = f32::from(v) / 127.5 - 1.0;
            }
        }
    } else if let Some(n) =
        power_of_two_shrink((rw, rh), (sw, sh)).filter(|_| rx + rw <= width && ry + rh <= height)
    {
        shrink(rgb, width, (rx, ry), n, (sw, sh), &mut t);
    } else if sw >= rw && sh >= rh && rx + rw <= width && ry + rh <= height {
        grow(rgb, (width, height), (rx, ry, rw, rh), (sw, sh), &mut t);
    } else {
        resample(rgb, (width, height), (rx, ry, rw, rh), (sw, sh), &mut t);
    }
    t
}

/// The region enlarged to `sw`×`sh` (each way at least its own size) into the top left of `t`:
/// what `resample` computes there — two taps each way, the same sums in the same order, so
/// the same values to the bit — with each picture row's horizontal blend made once and kept
/// for the input rows that share it (an enlarged row of a live look's finest column reads
/// every picture row about twice).
#[inline(always)]
fn grow(
    rgb: &[u8],
    (width, height): (usize, usize),
    (rx, ry, rw, rh): (usize, usize, usize, usize),
    (sw, sh): (usize, usize),
    t: &mut Tensor,
) {
    let stride = width * 3;
    let cols = Taps::new(&spans(rx, rw, sw, width));
    let rows = spans(ry, rh, sh, height);
    // The two picture rows blended last (their numbers and blends).
    let (mut lo_y, mut hi_y) = (usize::MAX, usize::MAX);
    let (mut lo, mut hi) = (vec![0f32; sw * 3], vec![0f32; sw * 3]);
    for (oy, row) in rows.iter().enumerate() {
        let ((y0, wy0), (y1, wy1)) = (row[0], row[1]);
        if y0 != lo_y {
            if y0 == hi_y {
                std::mem::swap(&mut lo, &mut hi);
                hi_y = usize::MAX;
            } else {
                cols.blend(rgb, y0 * stride, &mut lo);
            }
            lo_y = y0;
        }
        if y1 != hi_y {
            cols.blend(rgb, y1 * stride, &mut hi);
            hi_y = y1;
        }
        let at = oy * t.w * 3;
        for ((o, &a), &b) in t.data[at..at + sw * 3].iter_mut().zip(&lo).zip(&hi) {
            let mut v = 0.0f32;
            v += wy0 * a;
            v += wy1 * b;
            *o = v / 127.5 - 1.0;
        }
    }
}

/// Each input column's two picture columns (the offsets of their first bytes in a row) and
/// weights, for blending a row horizontally.
struct Taps {
    at: [Vec<usize>; 2],
    weight: [Vec<f32>; 2],
}

impl Taps {
    fn new(spans: &[Vec<(usize, f32)>]) -> Taps {
        let tap = |i: usize| -> (Vec<usize>, Vec<f32>) {
            spans.iter().map(|s| (s[i].0 * 3, s[i].1)).unzip()
        };
        let ((a0, w0), (a1, w1)) = (tap(0), tap(1));
        Taps {
            at: [a0, a1],
            weight: [w0, w1],
        }
    }

    /// The horizontal blend of the picture row starting at byte `row` of `rgb`, for each
    /// input column, into `out` (three values a column).
    #[inline(always)]
    fn blend(&self, rgb: &[u8], row: usize, out: &mut [f32]) {
        let mut from = 0;
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has just been seen to support it.
            from = unsafe { self.blend_avx2(rgb, row, out) };
        }
        let src = &rgb[row..];
        let columns = self.at[0].iter().zip(&self.at[1]);
        let weights = self.weight[0].iter().zip(&self.weight[1]);
        let all = out.chunks_exact_mut(3).zip(columns.zip(weights));
        for (o, ((&x0, &x1), (&w0, &w1))) in all.skip(from) {
            for (c, o) in o.iter_mut().enumerate() {
                let mut v = 0.0f32;
                v += w0 * f32::from(src[x0 + c]);
                v += w1 * f32::from(src[x1 + c]);
                *o = v;
            }
        }
    }

    /// [`Taps::blend`] for eight columns at a time (each tap's bytes gathered as 32-bit
    /// words), the same operations on each value; returns how many columns it did (the last
    /// few, and any whose word would reach past the picture, are left to the caller).
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn blend_avx2(&self, rgb: &[u8], row: usize, out: &mut [f32]) -> usize {
        use crate::rgb_words::{channel, eight, interleave};
        use std::arch::x86_64::*;
        let n = out.len() / 3;
        let base = rgb.as_ptr().cast::<i32>();
        let mut done = 0;
        while done + 8 <= n {
            let last = self.at[0][done + 7].max(self.at[1][done + 7]);
            if row + last + 4 > rgb.len() || row + last > i32::MAX as usize {
                break;
            }
            let offsets = |tap: usize| {
                let a = &self.at[tap][done..done + 8];
                _mm256_setr_epi32(
                    (row + a[0]) as i32,
                    (row + a[1]) as i32,
                    (row + a[2]) as i32,
                    (row + a[3]) as i32,
                    (row + a[4]) as i32,
                    (row + a[5]) as i32,
                    (row + a[6]) as i32,
                    (row + a[7]) as i32,
                )
            };
            // SAFETY: the columns are in increasing order, so the eighth's word is the
            // farthest read, and it ends inside `rgb` (checked above).
            let (p, q) = unsafe {
                (
                    _mm256_i32gather_epi32::<1>(base, offsets(0)),
                    _mm256_i32gather_epi32::<1>(base, offsets(1)),
                )
            };
            // SAFETY: eight weights from `done` are inside each list (done + 8 ≤ n).
            let (w0, w1) = unsafe {
                (
                    _mm256_loadu_ps(self.weight[0][done..].as_ptr()),
                    _mm256_loadu_ps(self.weight[1][done..].as_ptr()),
                )
            };
            let mut planes = [[0f32; 8]; 3];
            for (c, plane) in planes.iter_mut().enumerate() {
                // 0 + w0·p is w0·p exactly (neither is negative), as `blend` sums it.
                let v = _mm256_add_ps(
                    _mm256_mul_ps(w0, channel(p, c)),
                    _mm256_mul_ps(w1, channel(q, c)),
                );
                *plane = eight(v);
            }
            interleave(&planes, &mut out[done * 3..(done + 8) * 3]);
            done += 8;
        }
        done
    }
}

/// `n` when the region shrinks by the same power of two `n` both ways (a live look's half and
/// quarter copies of the frame).
fn power_of_two_shrink((rw, rh): (usize, usize), (sw, sh): (usize, usize)) -> Option<usize> {
    let n = rw / sw.max(1);
    (n >= 2 && n.is_power_of_two() && rw == sw * n && rh == sh * n).then_some(n)
}

/// The region shrunk by `n` into the top left of `t`: each input pixel the mean of an n×n
/// block, summed as integers. The spans' weights are then all 1/n (a power of two), so
/// `resample` computes the same mean exactly: the same values to the bit, at a fifth of the
/// work (no weights, no lists of spans).
#[inline(always)]
fn shrink(
    rgb: &[u8],
    width: usize,
    (rx, ry): (usize, usize),
    n: usize,
    (sw, sh): (usize, usize),
    t: &mut Tensor,
) {
    let inv = 1.0 / (n * n) as f32;
    let mut sums = vec![0u32; sw * 3];
    let mut columns = Vec::new();
    for oy in 0..sh {
        block_sums(rgb, width, (rx, ry + oy * n), n, (&mut sums, &mut columns));
        let at = oy * t.w * 3;
        for (o, &s) in t.data[at..at + sw * 3].iter_mut().zip(&sums) {
            *o = s as f32 * inv / 127.5 - 1.0;
        }
    }
}

/// The channel sums of one row of n×n blocks: `sums.len() / 3` blocks side by side, the
/// first with its top left at picture pixel (`x`, `y`). The `n` picture rows are first added
/// value by value into `columns` (a loop the compiler vectorises), then each block's `n`
/// columns are added: the same integers as adding the n×n pixels one by one, with `n` times
/// fewer additions a value at a time. The live look's shrinks (by 2 and by 4) have their
/// own compiled copies, whose fixed counts the compiler unrolls (a look's block sums took a
/// third of the time the general loop did).
pub(crate) fn block_sums(
    rgb: &[u8],
    width: usize,
    at: (usize, usize),
    n: usize,
    scratch: (&mut [u32], &mut Vec<u32>),
) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has just been seen to support it.
        return unsafe { block_sums_avx2(rgb, width, at, n, scratch) };
    }
    block_sums_by(rgb, width, at, n, scratch)
}

/// [`block_sums`] compiled for AVX2 (eight bytes widened and added at a time).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn block_sums_avx2(
    rgb: &[u8],
    width: usize,
    at: (usize, usize),
    n: usize,
    scratch: (&mut [u32], &mut Vec<u32>),
) {
    block_sums_by(rgb, width, at, n, scratch)
}

#[inline(always)]
fn block_sums_by(
    rgb: &[u8],
    width: usize,
    at: (usize, usize),
    n: usize,
    scratch: (&mut [u32], &mut Vec<u32>),
) {
    match n {
        2 => block_sums_of::<2>(rgb, width, at, scratch),
        4 => block_sums_of::<4>(rgb, width, at, scratch),
        _ => block_sums_any(rgb, width, at, n, scratch),
    }
}

/// [`block_sums`] for blocks of `N`×`N`.
#[inline(always)]
fn block_sums_of<const N: usize>(
    rgb: &[u8],
    width: usize,
    (x, y): (usize, usize),
    (sums, columns): (&mut [u32], &mut Vec<u32>),
) {
    let span = sums.len() / 3 * N * 3;
    let from = (y * width + x) * 3;
    let rows: [&[u8]; N] = std::array::from_fn(|r| {
        let at = from + r * width * 3;
        &rgb[at..at + span]
    });
    columns.clear();
    columns.extend(rows[0].iter().map(|&v| u32::from(v)));
    for row in &rows[1..] {
        for (c, &v) in columns.iter_mut().zip(*row) {
            *c += u32::from(v);
        }
    }
    for (sum, block) in sums.chunks_exact_mut(3).zip(columns.chunks_exact(N * 3)) {
        for (c, s) in sum.iter_mut().enumerate() {
            *s = (0..N).map(|k| block[k * 3 + c]).sum();
        }
    }
}

/// [`block_sums`] for any `n`.
#[inline(always)]
fn block_sums_any(
    rgb: &[u8],
    width: usize,
    (x, y): (usize, usize),
    n: usize,
    (sums, columns): (&mut [u32], &mut Vec<u32>),
) {
    let blocks = sums.len() / 3;
    let span = blocks * n * 3;
    columns.clear();
    columns.resize(span, 0);
    for sy in y..y + n {
        let from = (sy * width + x) * 3;
        for (c, &v) in columns.iter_mut().zip(&rgb[from..from + span]) {
            *c += u32::from(v);
        }
    }
    for (sum, block) in sums.chunks_exact_mut(3).zip(columns.chunks_exact(n * 3)) {
        let mut s = [0u32; 3];
        for px in block.chunks_exact(3) {
            s[0] += px[0];
            s[1] += px[1];
            s[2] += px[2];
        }
        sum.copy_from_slice(&s);
    }
}

/// The region resampled to `sw`×`sh` into the top left of `t`, each input pixel the
/// weighted sum of the picture pixels its spans cover.
#[inline(always)]
fn resample(
    rgb: &[u8],
    (width, height): (usize, usize),
    (rx, ry, rw, rh): (usize, usize, usize, usize),
    (sw, sh): (usize, usize),
    t: &mut Tensor,
) {
    let stride = width * 3;
    let cols = spans(rx, rw, sw, width);
    let rows = spans(ry, rh, sh, height);
    let mut line = vec![0f32; sw * 3];
    for (oy, row) in rows.iter().enumerate() {
        line.iter_mut().for_each(|v| *v = 0.0);
        for &(sy, wy) in row {
            let src = &rgb[sy * stride..(sy + 1) * stride];
            for (ox, col) in cols.iter().enumerate() {
                let (mut r, mut g, mut b) = (0.0, 0.0, 0.0);
                for &(sx, wx) in col {
                    let p = &src[sx * 3..sx * 3 + 3];
                    r += wx * f32::from(p[0]);
                    g += wx * f32::from(p[1]);
                    b += wx * f32::from(p[2]);
                }
                line[ox * 3] += wy * r;
                line[ox * 3 + 1] += wy * g;
                line[ox * 3 + 2] += wy * b;
            }
        }
        let at = oy * t.w * 3;
        for (o, v) in t.data[at..at + sw * 3].iter_mut().zip(&line) {
            *o = v / 127.5 - 1.0;
        }
    }
}

/// A square of an RGB8 picture turned by `angle` (radians, clockwise on screen) around its
/// centre `(cx, cy)`, `side` picture pixels wide, as a `size`×`size` input with values 0–1
/// (the face mesh's input). Each input pixel is the mean of an n×n grid of bilinear samples
/// (n = how many picture pixels one input pixel spans, at most 4), so shrinking a large face
/// does not alias; outside the picture reads as its nearest edge.
pub fn rgb_turned_square(
    rgb: &[u8],
    (width, height): (usize, usize),
    (cx, cy): (f32, f32),
    side: f32,
    angle: f32,
    size: usize,
) -> Tensor {
    let mut t = Tensor::zeros(size, size, 3);
    if width == 0 || height == 0 || rgb.len() < width * height * 3 || size == 0 {
        return t;
    }
    let n = ((side / size as f32).round() as usize).clamp(1, 4);
    let step = side / (size * n) as f32;
    let (sin, cos) = angle.sin_cos();
    let weight = 1.0 / (255.0 * (n * n) as f32);
    let (xmax, ymax) = ((width - 1) as f32, (height - 1) as f32);
    let stride = width * 3;
    let half = side / 2.0;
    for oy in 0..size {
        for ox in 0..size {
            let mut sum = [0f32; 3];
            for sy in 0..n {
                // Offsets from the centre along the square's own axes.
                let v = (oy * n + sy) as f32 * step + step / 2.0 - half;
                for sx in 0..n {
                    let u = (ox * n + sx) as f32 * step + step / 2.0 - half;
                    let fx = (cx + u * cos - v * sin - 0.5).clamp(0.0, xmax);
                    let fy = (cy + u * sin + v * cos - 0.5).clamp(0.0, ymax);
                    let (x0, y0) = (fx as usize, fy as usize);
                    let x1 = (x0 + 1).min(width - 1);
                    let y1 = (y0 + 1).min(height - 1);
                    let (ax, ay) = (fx - x0 as f32, fy - y0 as f32);
                    let (r0, r1) = (&rgb[y0 * stride..], &rgb[y1 * stride..]);
                    for (ch, s) in sum.iter_mut().enumerate() {
                        let p = |row: &[u8], x: usize| f32::from(row[x * 3 + ch]);
                        let top = p(r0, x0) + (p(r0, x1) - p(r0, x0)) * ax;
                        let bottom = p(r1, x0) + (p(r1, x1) - p(r1, x0)) * ax;
                        *s += top + (bottom - top) * ay;
                    }
                }
            }
            let at = (oy * size + ox) * 3;
            for (o, s) in t.data[at..at + 3].iter_mut().zip(sum) {
                *o = s * weight;
            }
        }
    }
    t
}

/// For each of `n` output pixels over `len` source pixels from `start` (in a line of `limit`),
/// the source pixels it covers and their weights, summing to 1.
fn spans(start: usize, len: usize, n: usize, limit: usize) -> Vec<Vec<(usize, f32)>> {
    let last = (start + len).min(limit).saturating_sub(1);
    let step = len as f32 / n as f32;
    (0..n)
        .map(|o| {
            if step <= 1.0 {
                let s = ((o as f32 + 0.5) * step - 0.5).max(0.0);
                let lo = (start + s.floor() as usize).min(last);
                let hi = (lo + 1).min(last);
                let f = s - s.floor();
                return vec![(lo, 1.0 - f), (hi, f)];
            }
            let (a, b) = (o as f32 * step, (o as f32 + 1.0) * step);
            let mut v = Vec::new();
            let mut x = a.floor();
            while x < b {
                let w = (b.min(x + 1.0) - a.max(x)) / step;
                if w > 0.0 {
                    v.push(((start + x as usize).min(last), w));
                }
                x += 1.0;
            }
            v
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn spans_cover_the_source_once() {
        for (len, n) in [(1280usize, 320usize), (720, 192), (100, 300), (7, 3)] {
            let s = spans(0, len, n, len);
            let total: f32 = s.iter().flatten().map(|&(_, w)| w).sum();
            assert!((total - n as f32).abs() < 1e-3, "{len}->{n}: {total}");
            assert!(s.iter().flatten().all(|&(i, _)| i < len));
        }
    }

    /// A `w`×`h` picture dark on the left half, bright on the right.
    pub(crate) fn half_dark(w: usize, h: usize) -> Vec<u8> {
        (0..w * h)
            .flat_map(|i| if i % w < w / 2 { [0u8; 3] } else { [255u8; 3] })
            .collect()
    }

    #[test]
    fn a_turned_square_samples_where_it_is_turned_to() {
        let (w, h) = (40usize, 40usize);
        let rgb = half_dark(w, h);
        let level = rgb_turned_square(&rgb, (w, h), (20.0, 20.0), 20.0, 0.0, 4);
        assert!(level.pixel(0, 0)[0] < 0.01 && level.pixel(0, 3)[0] > 0.99);
        // Turned a quarter clockwise: the square's x axis points down the picture and its y
        // axis to the left, so its top row reads the bright right half, its bottom row the
        // dark left half.
        let quarter = std::f32::consts::FRAC_PI_2;
        let turned = rgb_turned_square(&rgb, (w, h), (20.0, 20.0), 20.0, quarter, 4);
        assert!(turned.pixel(0, 1)[0] > 0.99, "{:?}", turned.pixel(0, 1));
        assert!(turned.pixel(3, 1)[0] < 0.01, "{:?}", turned.pixel(3, 1));
    }

    #[test]
    fn at_full_scale_each_input_pixel_is_its_picture_pixel() {
        let (w, h) = (50usize, 40usize);
        let rgb: Vec<u8> = (0..w * h * 3).map(|i| (i * 37 % 256) as u8).collect();
        let (rx, ry, rw, rh) = (7, 5, 33, 30);
        let t = rgb_region(&rgb, (w, h), (rx, ry, rw, rh), 1.0, 32);
        assert_eq!((t.h, t.w), (32, 64));
        for y in 0..rh {
            for x in 0..rw {
                let at = ((ry + y) * w + rx + x) * 3;
                let want: Vec<f32> = rgb[at..at + 3]
                    .iter()
                    .map(|&v| f32::from(v) / 127.5 - 1.0)
                    .collect();
                assert_eq!(t.pixel(y, x), &want[..], "({x}, {y})");
            }
        }
        assert_eq!(t.pixel(31, 40), &[-1.0, -1.0, -1.0]);
        assert_eq!(t.pixel(3, 33), &[-1.0, -1.0, -1.0]);
        // The same values, to the bit, as the general resampling gives at scale 1.
        let mut general = Tensor {
            data: vec![-1.0; t.data.len()],
            ..t.clone()
        };
        resample(&rgb, (w, h), (rx, ry, rw, rh), (rw, rh), &mut general);
        assert_eq!(general, t);
    }

    #[test]
    fn enlarging_gives_the_general_resampling_to_the_bit() {
        let (w, h) = (61usize, 47usize);
        let rgb: Vec<u8> = (0..w * h * 3).map(|i| (i * 89 % 253) as u8).collect();
        for (scale, region) in [
            (4.0 / 3.0, (5, 3, 40, 30)),
            (28.0 / 24.0, (0, 0, 61, 47)),
            (2.0, (20, 10, 41, 37)),
        ] {
            let t = rgb_region(&rgb, (w, h), region, scale, 32);
            let sw = ((region.2 as f32 * scale).round() as usize).max(1);
            let sh = ((region.3 as f32 * scale).round() as usize).max(1);
            let mut general = Tensor {
                data: vec![-1.0; t.data.len()],
                ..t.clone()
            };
            resample(&rgb, (w, h), region, (sw, sh), &mut general);
            assert_eq!(general, t, "scale {scale}");
        }
    }

    #[test]
    fn halving_and_quartering_give_the_general_resampling_to_the_bit() {
        let (w, h) = (64usize, 48usize);
        let rgb: Vec<u8> = (0..w * h * 3).map(|i| (i * 97 % 251) as u8).collect();
        for (scale, region) in [(0.5, (4, 8, 40, 32)), (0.25, (0, 0, 64, 48))] {
            let t = rgb_region(&rgb, (w, h), region, scale, 32);
            let n = (1.0 / scale) as usize;
            let (sw, sh) = (region.2 / n, region.3 / n);
            assert_eq!(power_of_two_shrink((region.2, region.3), (sw, sh)), Some(n));
            let mut general = Tensor {
                data: vec![-1.0; t.data.len()],
                ..t.clone()
            };
            resample(&rgb, (w, h), region, (sw, sh), &mut general);
            assert_eq!(general, t, "scale {scale}");
            // The mean of the block: pixel (1, 2)'s red from picture rows 1n..2n, columns 2n..3n.
            let mean = (0..n)
                .flat_map(|dy| (0..n).map(move |dx| (dy, dx)))
                .map(|(dy, dx)| {
                    let at = ((region.1 + n + dy) * w + region.0 + 2 * n + dx) * 3;
                    f32::from(rgb[at])
                })
                .sum::<f32>()
                / (n * n) as f32;
            assert!((t.pixel(1, 2)[0] - (mean / 127.5 - 1.0)).abs() < 1e-6);
        }
        // A shrink by 3 is not a power of two: the general path.
        assert_eq!(power_of_two_shrink((30, 30), (10, 10)), None);
    }

    #[test]
    fn a_grey_picture_becomes_a_flat_input_padded_with_black() {
        let rgb = vec![255u8; 40 * 30 * 3];
        let t = rgb_region(&rgb, (40, 30), (0, 0, 40, 30), 0.5, 32);
        assert_eq!((t.h, t.w, t.c), (32, 32, 3));
        assert!((t.pixel(0, 0)[0] - 1.0).abs() < 1e-5);
        assert!((t.pixel(14, 19)[2] - 1.0).abs() < 1e-5);
        assert_eq!(t.pixel(20, 25), &[-1.0, -1.0, -1.0]);
    }
}
