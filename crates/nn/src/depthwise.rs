//! The depthwise convolution (one 3×3 filter per channel, `w` laid out `[ky][kx][c]`), over an
//! input padded with zeros by (top, bottom, left, right) without making a padded copy.

use super::Tensor;
use super::kernels::{max_pool2, max_pool2_row, relu_in_place, valid_size};

/// A k×k depthwise convolution (one filter per channel) over the input padded with zeros by
/// `pad` = (top, bottom, left, right); `w` is laid out `[ky][kx][c]`.
pub fn depthwise(
    x: &Tensor,
    w: &[f32],
    b: &[f32],
    ks: (usize, usize),
    pad: (usize, usize, usize, usize),
    relu: bool,
) -> Tensor {
    depthwise_then(x, (w, b), ks, pad, (relu, false))
}

/// [`depthwise`] followed by 2×2 max pooling (stride 2, VALID), without the convolution's
/// whole output: its rows are made two at a time and pooled at once. YuNet pools after four
/// depthwise layers, the first of them its largest tensor (4 MB for a 640×384 input, more
/// than this core's cache): writing and reading it back was most of the pooling's time.
pub fn depthwise_pooled(
    x: &Tensor,
    w: &[f32],
    b: &[f32],
    ks: (usize, usize),
    pad: (usize, usize, usize, usize),
    relu: bool,
) -> Tensor {
    depthwise_then(x, (w, b), ks, pad, (relu, true))
}

/// `then`: (relu, pooled).
fn depthwise_then(
    x: &Tensor,
    (w, b): (&[f32], &[f32]),
    ks: (usize, usize),
    pad: (usize, usize, usize, usize),
    then: (bool, bool),
) -> Tensor {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx512f") {
        // SAFETY: the CPU has just been seen to support it.
        return unsafe { depthwise_avx512(x, w, b, (ks, pad), then) };
    }
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma") {
        // SAFETY: the CPU has just been seen to support both features.
        return unsafe { depthwise_avx2(x, w, b, (ks, pad), then) };
    }
    depthwise_rows::<false, false>(x, w, b, (ks, pad), then)
}

/// Channels per register in the 3×3 depthwise kernel (one AVX register of floats; with
/// AVX-512, layers whose channels are a multiple of 16 take `WIDE_LANES`: one 512-bit
/// register).
const LANES: usize = 8;
const WIDE_LANES: usize = 16;

/// The depthwise convolution of the model's layers (3×3, channels a multiple of 8): eight
/// channels of one output pixel are summed in registers over the nine taps and stored once.
/// (The row-at-a-time loop below loads and stores the output once per tap; this is the
/// fallback for other shapes.) Same sums in the same order, so the same result to the bit.
#[inline(always)]
fn depthwise_lanes<const FMA: bool, const L: usize>(
    x: &Tensor,
    w: &[f32],
    b: &[f32],
    stride: usize,
    (top, left): (usize, usize),
    relu: bool,
    out: &mut Tensor,
) {
    let row_len = out.w * out.c;
    let strip = strip_width(x.c, stride);
    for c0 in (0..out.w).step_by(strip) {
        let cols = (c0, (c0 + strip).min(out.w));
        for (oy, line) in out.data.chunks_exact_mut(row_len.max(1)).enumerate() {
            if relu {
                lanes_row::<FMA, true, L>(x, (w, b), stride, (top, left), (oy, cols), line);
            } else {
                lanes_row::<FMA, false, L>(x, (w, b), stride, (top, left), (oy, cols), line);
            }
        }
    }
}

/// The input rows an output row reads, at most this many bytes of them, are read for three
/// output rows in turn while they are still in the core's first cache (32–48 KB): the
/// output is made in strips of columns this narrow. Whole rows of the model's largest
/// tensors (3 rows × 320 pixels × 16 channels, 60 KB) fell out of it between one output row
/// and the next, and those layers ran at half the speed of the smaller ones.
const STRIP_BYTES: usize = 16 * 1024;

/// Output columns a strip (a multiple of `BLOCK`, so even: pooling takes pairs).
fn strip_width(c: usize, stride: usize) -> usize {
    let per_column = 3 * c.max(1) * stride.max(1) * std::mem::size_of::<f32>();
    (STRIP_BYTES / per_column / BLOCK * BLOCK).max(BLOCK)
}

/// [`depthwise_lanes`] with its output rows made two at a time into `pair` and max-pooled
/// 2×2 into `out` (half as high and wide, rounded down).
#[inline(always)]
fn depthwise_lanes_pooled<const FMA: bool, const L: usize>(
    x: &Tensor,
    (w, b): (&[f32], &[f32]),
    stride: usize,
    (top, left): (usize, usize),
    relu: bool,
    pair: &mut [f32],
    out: &mut Tensor,
) {
    let c = x.c;
    let (upper, lower) = pair.split_at_mut(pair.len() / 2);
    let ow = upper.len() / c.max(1);
    let strip = strip_width(c, stride);
    for c0 in (0..ow).step_by(strip) {
        let cols = (c0, (c0 + strip).min(ow));
        let (from, to) = (cols.0 * c, cols.1 * c);
        for (py, line) in out.data.chunks_exact_mut((out.w * c).max(1)).enumerate() {
            for (oy, row) in [(2 * py, &mut *upper), (2 * py + 1, &mut *lower)] {
                if relu {
                    lanes_row::<FMA, true, L>(x, (w, b), stride, (top, left), (oy, cols), row);
                } else {
                    lanes_row::<FMA, false, L>(x, (w, b), stride, (top, left), (oy, cols), row);
                }
            }
            // The strip starts at an even column: its pairs are the pooled row's.
            let pooled = &mut line[cols.0 / 2 * c..(cols.1 / 2 * c).min(out.w * c)];
            max_pool2_row((&upper[from..to], &lower[from..to]), c, pooled);
        }
    }
}

/// Whether the register kernel does this depthwise convolution.
fn fits_lanes(k: usize, c: usize, stride: usize, lanes: usize) -> bool {
    k == 3 && c.is_multiple_of(lanes) && (stride == 1 || stride == 2)
}

/// Output columns `cols` = [from, to) of output row `oy` of the register kernel into `line`
/// (the row's `ow` pixels × `c` channels), negative sums stored as zeros when `RELU` (a
/// second pass over the row was a tenth of the kernel's time).
#[inline(always)]
fn lanes_row<const FMA: bool, const RELU: bool, const L: usize>(
    x: &Tensor,
    (w, b): (&[f32], &[f32]),
    stride: usize,
    (top, left): (usize, usize),
    (oy, (from, to)): (usize, (usize, usize)),
    line: &mut [f32],
) {
    const K: usize = 3;
    let c = x.c;
    let ow = line.len() / c.max(1);
    // Output columns whose three input columns all lie inside the row need no checks.
    let lo = left.div_ceil(stride).min(ow);
    let hi = if x.w + left >= K {
        ((x.w + left - K) / stride + 1).min(ow)
    } else {
        0
    }
    .max(lo);
    let to = to.min(ow);
    let rows: [Option<&[f32]>; K] = std::array::from_fn(|ky| {
        (oy * stride + ky)
            .checked_sub(top)
            .filter(|&iy| iy < x.h)
            .map(|iy| &x.data[iy * x.w * c..(iy + 1) * x.w * c])
    });
    for ch in (0..c).step_by(L) {
        let mut taps = [[[0f32; L]; K]; K];
        for (ky, tap_row) in taps.iter_mut().enumerate() {
            for (kx, tap) in tap_row.iter_mut().enumerate() {
                *tap = lanes(w, (ky * K + kx) * c + ch);
            }
        }
        let at = Lane {
            rows: &rows,
            taps: &taps,
            bias: lanes(b, ch),
            ch,
            stride,
            left,
            width: x.w,
        };
        for ox in (from..lo.min(to)).chain(hi.max(from)..to) {
            line[ox * c + ch..ox * c + ch + L].copy_from_slice(&relu_if::<RELU, L>(lane_pixel::<
                FMA,
                false,
                L,
            >(
                &at, ox, c
            )));
        }
        let (lo, hi) = (lo.max(from), hi.min(to));
        let mut ox = lo;
        while ox + BLOCK <= hi {
            for (p, sums) in lane_block::<FMA, L>(&at, ox, c).into_iter().enumerate() {
                let o = (ox + p) * c + ch;
                line[o..o + L].copy_from_slice(&relu_if::<RELU, L>(sums));
            }
            ox += BLOCK;
        }
        for ox in ox..hi {
            line[ox * c + ch..ox * c + ch + L].copy_from_slice(&relu_if::<RELU, L>(lane_pixel::<
                FMA,
                true,
                L,
            >(
                &at, ox, c
            )));
        }
    }
}

/// What one output row's `L` channels (8, or 16 with AVX-512) read: the three input rows
/// (None: padding), the channels' nine taps and bias.
struct Lane<'a, const L: usize> {
    rows: &'a [Option<&'a [f32]>; 3],
    taps: &'a [[[f32; L]; 3]; 3],
    bias: [f32; L],
    ch: usize,
    stride: usize,
    left: usize,
    width: usize,
}

/// `L` channels of output column `ox`. `INSIDE`: all three input columns are in the row.
/// (A function, not a closure: closures do not inherit the caller's AVX2/FMA and would call
/// a software `fma`.)
#[inline(always)]
fn lane_pixel<const FMA: bool, const INSIDE: bool, const L: usize>(
    at: &Lane<L>,
    ox: usize,
    c: usize,
) -> [f32; L] {
    let mut acc = at.bias;
    for (row, tap_row) in at.rows.iter().zip(at.taps) {
        let Some(row) = row else { continue };
        for (kx, tap) in tap_row.iter().enumerate() {
            let ix = ox * at.stride + kx;
            if !INSIDE && (ix < at.left || ix - at.left >= at.width) {
                continue;
            }
            madd::<FMA, L>(&mut acc, &lanes(row, (ix - at.left) * c + at.ch), tap);
        }
    }
    acc
}

/// Output columns summed together inside the row: four independent sums keep the
/// multiply-add unit busy (one sum alone waits for each of its nine steps in turn).
const BLOCK: usize = 4;

/// `L` channels of output columns `ox..ox + BLOCK`, all inside the row.
#[inline(always)]
fn lane_block<const FMA: bool, const L: usize>(
    at: &Lane<L>,
    ox: usize,
    c: usize,
) -> [[f32; L]; BLOCK] {
    if at.stride == 1 {
        lane_block_strided::<FMA, 1, { BLOCK + 2 }, L>(at, ox, c)
    } else {
        lane_block_strided::<FMA, 2, { 2 * BLOCK + 1 }, L>(at, ox, c)
    }
}

/// [`lane_block`] at stride `S`: the `SPAN` input columns the block reads (`(BLOCK − 1)·S + 3`)
/// are loaded once per row and each serves every output column that reads it (a column was
/// loaded once per tap before).
#[inline(always)]
fn lane_block_strided<const FMA: bool, const S: usize, const SPAN: usize, const L: usize>(
    at: &Lane<L>,
    ox: usize,
    c: usize,
) -> [[f32; L]; BLOCK] {
    let mut acc = [at.bias; BLOCK];
    let from = (ox * S - at.left) * c + at.ch;
    let span = (SPAN - 1) * c + L;
    for (row, tap_row) in at.rows.iter().zip(at.taps) {
        let Some(seg) = row.and_then(|r| r.get(from..from + span)) else {
            continue;
        };
        // SAFETY: `seg` holds `span` = (SPAN − 1)·c + L values, so each of the SPAN columns'
        // L values, from j·c, lies inside it. (Checked loads, each with its own way out, kept
        // the register kernel at a third of the multiply-add unit's speed.)
        let cols: [[f32; L]; SPAN] = std::array::from_fn(|j| unsafe {
            seg.as_ptr().add(j * c).cast::<[f32; L]>().read_unaligned()
        });
        for (kx, tap) in tap_row.iter().enumerate() {
            for (p, a) in acc.iter_mut().enumerate() {
                madd::<FMA, L>(a, &cols[p * S + kx], tap);
            }
        }
    }
    acc
}

/// `sums` with negative values set to zero when `RELU` (as `relu_in_place` does).
#[inline(always)]
fn relu_if<const RELU: bool, const L: usize>(mut sums: [f32; L]) -> [f32; L] {
    if RELU {
        for v in &mut sums {
            *v = v.max(0.0);
        }
    }
    sums
}

/// `acc += v × tap`, lane by lane (one rounding where the CPU fuses them, as TFLite does).
#[inline(always)]
fn madd<const FMA: bool, const L: usize>(acc: &mut [f32; L], v: &[f32; L], tap: &[f32; L]) {
    for l in 0..L {
        acc[l] = if FMA {
            v[l].mul_add(tap[l], acc[l])
        } else {
            acc[l] + v[l] * tap[l]
        };
    }
}

#[inline(always)]
fn lanes<const L: usize>(v: &[f32], at: usize) -> [f32; L] {
    v.get(at..at + L)
        .and_then(|s| s.try_into().ok())
        .unwrap_or([0.0; L])
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
fn depthwise_avx2(
    x: &Tensor,
    w: &[f32],
    b: &[f32],
    shape: ((usize, usize), (usize, usize, usize, usize)),
    then: (bool, bool),
) -> Tensor {
    depthwise_rows::<true, false>(x, w, b, shape, then)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx2,fma")]
fn depthwise_avx512(
    x: &Tensor,
    w: &[f32],
    b: &[f32],
    shape: ((usize, usize), (usize, usize, usize, usize)),
    then: (bool, bool),
) -> Tensor {
    depthwise_rows::<true, true>(x, w, b, shape, then)
}

#[inline(always)]
fn depthwise_rows<const FMA: bool, const WIDE: bool>(
    x: &Tensor,
    w: &[f32],
    b: &[f32],
    ((k, stride), (top, bottom, left, right)): ((usize, usize), (usize, usize, usize, usize)),
    (relu, pooled): (bool, bool),
) -> Tensor {
    let c = x.c;
    let oh = valid_size(x.h + top + bottom, k, stride);
    let ow = valid_size(x.w + left + right, k, stride);
    if pooled {
        let mut out = Tensor::for_overwrite(oh / 2, ow / 2, c);
        let mut pair = vec![0f32; 2 * ow * c];
        let at = (top, left);
        if WIDE && fits_lanes(k, c, stride, WIDE_LANES) {
            depthwise_lanes_pooled::<FMA, WIDE_LANES>(
                x,
                (w, b),
                stride,
                at,
                relu,
                &mut pair,
                &mut out,
            );
            return out;
        }
        if fits_lanes(k, c, stride, LANES) {
            depthwise_lanes_pooled::<FMA, LANES>(x, (w, b), stride, at, relu, &mut pair, &mut out);
            return out;
        }
        return max_pool2(&depthwise_whole::<FMA, WIDE>(
            x,
            w,
            b,
            ((k, stride), (top, bottom, left, right)),
            relu,
        ));
    }
    depthwise_whole::<FMA, WIDE>(x, w, b, ((k, stride), (top, bottom, left, right)), relu)
}

/// The whole output of [`depthwise`] (see `depthwise_rows`).
#[inline(always)]
fn depthwise_whole<const FMA: bool, const WIDE: bool>(
    x: &Tensor,
    w: &[f32],
    b: &[f32],
    ((k, stride), (top, bottom, left, right)): ((usize, usize), (usize, usize, usize, usize)),
    relu: bool,
) -> Tensor {
    let c = x.c;
    let oh = valid_size(x.h + top + bottom, k, stride);
    let ow = valid_size(x.w + left + right, k, stride);
    let mut out = Tensor::for_overwrite(oh, ow, c);
    if WIDE && fits_lanes(k, c, stride, WIDE_LANES) {
        depthwise_lanes::<FMA, WIDE_LANES>(x, w, b, stride, (top, left), relu, &mut out);
        return out;
    }
    if fits_lanes(k, c, stride, LANES) {
        depthwise_lanes::<FMA, LANES>(x, w, b, stride, (top, left), relu, &mut out);
        return out;
    }
    // Each tap's weights repeated along a whole output row, so stride-1 rows are one long
    // multiply-add over contiguous memory.
    let tiled: Vec<Vec<f32>> = if stride == 1 {
        (0..k * k)
            .map(|t| w[t * c..(t + 1) * c].repeat(ow))
            .collect()
    } else {
        Vec::new()
    };
    for oy in 0..oh {
        let row = &mut out.data[oy * ow * c..(oy + 1) * ow * c];
        for (o, &v) in row.iter_mut().zip(b.iter().cycle()) {
            *o = v;
        }
        for ky in 0..k {
            // The input row this tap reads, if it is not padding.
            let Some(iy) = (oy * stride + ky).checked_sub(top).filter(|&iy| iy < x.h) else {
                continue;
            };
            let input = &x.data[iy * x.w * c..(iy + 1) * x.w * c];
            for kx in 0..k {
                // Output columns whose input column (ox*stride + kx - left) is inside the row.
                let first = left.saturating_sub(kx).div_ceil(stride);
                let end = ((x.w + left).saturating_sub(kx)).div_ceil(stride).min(ow);
                if first >= end {
                    continue;
                }
                let tap = ky * k + kx;
                if stride == 1 {
                    let ix = first + kx - left;
                    let n = (end - first) * c;
                    let (o, i, t) = (
                        &mut row[first * c..first * c + n],
                        &input[ix * c..ix * c + n],
                        &tiled[tap][..n],
                    );
                    for ((o, &i), &t) in o.iter_mut().zip(i).zip(t) {
                        *o = if FMA { i.mul_add(t, *o) } else { *o + i * t };
                    }
                } else {
                    let wt = &w[tap * c..(tap + 1) * c];
                    for ox in first..end {
                        let ix = ox * stride + kx - left;
                        let (o, i) = (&mut row[ox * c..(ox + 1) * c], &input[ix * c..(ix + 1) * c]);
                        for ((o, &i), &t) in o.iter_mut().zip(i).zip(wt) {
                            *o = if FMA { i.mul_add(t, *o) } else { *o + i * t };
                        }
                    }
                }
            }
        }
    }
    if relu {
        relu_in_place(&mut out.data);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_values::fused;

    fn t(h: usize, w: usize, c: usize, data: Vec<f32>) -> Tensor {
        Tensor { h, w, c, data }
    }

    /// Depthwise convolution by its definition: bias, then the taps row by row, skipping
    /// padding, each a multiply-add fused where the kernels fuse it.
    fn depthwise_by_definition(
        x: &Tensor,
        w: &[f32],
        b: &[f32],
        (k, stride): (usize, usize),
        (top, bottom, left, right): (usize, usize, usize, usize),
    ) -> Tensor {
        let oh = valid_size(x.h + top + bottom, k, stride);
        let ow = valid_size(x.w + left + right, k, stride);
        let mut out = Tensor::zeros(oh, ow, x.c);
        for oy in 0..oh {
            for ox in 0..ow {
                for ch in 0..x.c {
                    let mut acc = b[ch];
                    for ky in 0..k {
                        for kx in 0..k {
                            let (iy, ix) = (oy * stride + ky, ox * stride + kx);
                            if iy < top || iy - top >= x.h || ix < left || ix - left >= x.w {
                                continue;
                            }
                            let v = x.pixel(iy - top, ix - left)[ch];
                            let t = w[(ky * k + kx) * x.c + ch];
                            acc = if fused() {
                                crate::fused_multiply_add(v, t, acc)
                            } else {
                                acc + v * t
                            };
                        }
                    }
                    out.data[(oy * ow + ox) * x.c + ch] = acc;
                }
            }
        }
        out
    }

    #[test]
    fn depthwise_kernels_equal_the_definition_for_every_padding_and_stride() {
        let mut next = crate::test_values::random(7);
        // Channel counts of the register kernel (multiples of 8; multiples of 16 take the
        // 16-lane one with AVX-512) and of the fallback.
        for c in [8, 24, 16, 48, 4, 3] {
            // The last: rows in several strips of columns (`strip_width`).
            for (h, wd) in [(5, 7), (6, 6), (1, 4), (2, 9), (3, 91)] {
                let x = t(h, wd, c, (0..h * wd * c).map(|_| next()).collect());
                let w: Vec<f32> = (0..9 * c).map(|_| next()).collect();
                let b: Vec<f32> = (0..c).map(|_| next()).collect();
                for stride in [1, 2] {
                    for pad in [(0, 0, 0, 0), (1, 1, 1, 1), (0, 1, 0, 1), (2, 0, 1, 2)] {
                        let want = depthwise_by_definition(&x, &w, &b, (3, stride), pad);
                        let got = depthwise(&x, &w, &b, (3, stride), pad, false);
                        let case = format!("c {c}, {h}x{wd}, stride {stride}, pad {pad:?}");
                        assert_eq!(got, want, "{case}");
                        // Pooled as it is made: the output pooled afterwards, with and
                        // without relu.
                        let mut want_relu = want.clone();
                        want_relu.data.iter_mut().for_each(|v| *v = v.max(0.0));
                        let pooled = [max_pool2(&want), max_pool2(&want_relu)];
                        for (relu, pooled) in [false, true].into_iter().zip(&pooled) {
                            let got = depthwise_pooled(&x, &w, &b, (3, stride), pad, relu);
                            assert_eq!(&got, pooled, "pooled, relu {relu}, {case}");
                            #[cfg(target_arch = "x86_64")]
                            {
                                use std::arch::is_x86_feature_detected as has;
                                let shape = ((3, stride), pad);
                                if has!("avx2") && has!("fma") {
                                    // SAFETY: the CPU has both features.
                                    let avx2 =
                                        unsafe { depthwise_avx2(&x, &w, &b, shape, (relu, true)) };
                                    assert_eq!(&avx2, pooled, "pooled AVX2, {case}");
                                }
                                if has!("avx512f") {
                                    // SAFETY: the CPU has it.
                                    let avx512 = unsafe {
                                        depthwise_avx512(&x, &w, &b, shape, (relu, true))
                                    };
                                    assert_eq!(&avx512, pooled, "pooled AVX-512, {case}");
                                }
                            }
                        }
                        // Each vector compilation this CPU can run, not only the one chosen.
                        #[cfg(target_arch = "x86_64")]
                        {
                            use std::arch::is_x86_feature_detected as has;
                            if has!("avx2") && has!("fma") {
                                // SAFETY: the CPU has both features.
                                let avx2 = unsafe {
                                    depthwise_avx2(&x, &w, &b, ((3, stride), pad), (false, false))
                                };
                                assert_eq!(avx2, want, "AVX2, {case}");
                            }
                            if has!("avx512f") {
                                // SAFETY: the CPU has it.
                                let avx512 = unsafe {
                                    depthwise_avx512(&x, &w, &b, ((3, stride), pad), (false, false))
                                };
                                assert_eq!(avx512, want, "AVX-512, {case}");
                            }
                        }
                    }
                }
            }
        }
    }
}
