//! The operations, each a plain loop over NHWC data with the channel loop innermost (so the
//! compiler vectorises it). Convolutions are VALID: padding is its own operation, as in the
//! source graph.

use super::Tensor;

/// Zero padding around the picture.
pub fn pad(x: &Tensor, top: usize, bottom: usize, left: usize, right: usize) -> Tensor {
    let mut out = Tensor::zeros(x.h + top + bottom, x.w + left + right, x.c);
    let row = x.w * x.c;
    for y in 0..x.h {
        let to = ((y + top) * out.w + left) * x.c;
        out.data[to..to + row].copy_from_slice(&x.data[y * row..(y + 1) * row]);
    }
    out
}

/// Output size of a VALID convolution.
pub fn valid_size(input: usize, k: usize, stride: usize) -> usize {
    if input < k {
        0
    } else {
        (input - k) / stride + 1
    }
}

/// A k×k convolution; `w` is laid out `[ky][kx][cin][cout]`. Larger kernels gather each
/// output pixel's k×k×cin inputs into one row first, so the same 1×1 kernel does the work.
pub fn conv(x: &Tensor, w: &[f32], b: &[f32], k: usize, stride: usize, relu: bool) -> Tensor {
    conv_then(x, w, b, (k, stride), Then { add: None, relu })
}

/// What is done to a convolution's sums as they are stored: a residual tensor of the output's
/// shape added, then negative values set to zero (`relu`) — one pass over the output instead
/// of three.
#[derive(Debug, Clone, Copy)]
pub struct Then<'a> {
    pub add: Option<&'a Tensor>,
    pub relu: bool,
}

/// [`conv`], with `then` done to each sum as it is stored.
pub fn conv_then(
    x: &Tensor,
    w: &[f32],
    b: &[f32],
    (k, stride): (usize, usize),
    then: Then,
) -> Tensor {
    let cout = b.len();
    let (oh, ow) = (valid_size(x.h, k, stride), valid_size(x.w, k, stride));
    let mut out = Tensor::zeros(oh, ow, cout);
    let then = Then {
        add: then
            .add
            .filter(|r| (r.h, r.w, r.c) == (oh, ow, cout) && r.data.len() == out.data.len()),
        relu: then.relu,
    };
    if k == 1 && stride == 1 {
        pointwise(x, w, b, then, &mut out);
    } else {
        let patch = k * k * x.c;
        let mut cols = Tensor::zeros(oh, ow, patch);
        for oy in 0..oh {
            for ox in 0..ow {
                let at = (oy * ow + ox) * patch;
                for ky in 0..k {
                    let from = ((oy * stride + ky) * x.w + ox * stride) * x.c;
                    let to = at + ky * k * x.c;
                    cols.data[to..to + k * x.c].copy_from_slice(&x.data[from..from + k * x.c]);
                }
            }
        }
        pointwise(&cols, w, b, then, &mut out);
    }
    out
}

/// The 1×1 convolution (most of the model's work). With AVX2 and FMA (nearly every PC since
/// 2013) the same code is compiled for them, chosen when the program runs.
fn pointwise(x: &Tensor, w: &[f32], b: &[f32], then: Then, out: &mut Tensor) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma") {
        // SAFETY: the CPU has just been seen to support both features.
        unsafe { pointwise_avx2(x, w, b, then, out) };
        return;
    }
    pointwise_blocks::<false>(x, w, b, then, out);
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
fn pointwise_avx2(x: &Tensor, w: &[f32], b: &[f32], then: Then, out: &mut Tensor) {
    pointwise_blocks::<true>(x, w, b, then, out);
}

/// Pixels per block and output channels per block: 4×16 sums stay in registers while the
/// input channels run, so each weight loaded serves four pixels. Output channels past a
/// multiple of 16 take one 4×8 block when at least 8 are left (the model's 32→8 and 48→24
/// layers run at its finest scale, where a channel-at-a-time loop cost a fifth of the time).
const PX: usize = 4;
const CO: usize = 16;
const CO_HALF: usize = 8;

#[inline(always)]
fn pointwise_blocks<const FMA: bool>(
    x: &Tensor,
    w: &[f32],
    b: &[f32],
    then: Then,
    out: &mut Tensor,
) {
    let (cin, cout) = (x.c, b.len());
    let pixels = x.h * x.w;
    let full_co = cout / CO * CO;
    let blocked_co = if cout - full_co >= CO_HALF {
        full_co + CO_HALF
    } else {
        full_co
    };
    let mut p = 0;
    while p + PX <= pixels {
        let input = &x.data[p * cin..(p + PX) * cin];
        let rows = &mut out.data[p * cout..(p + PX) * cout];
        let mut co = 0;
        let residual = then.add.map(|r| &r.data[p * cout..(p + PX) * cout]);
        while co < full_co {
            block::<FMA, CO>(input, w, b, co, rows);
            co += CO;
        }
        if blocked_co > full_co {
            block::<FMA, CO_HALF>(input, w, b, full_co, rows);
        }
        finish(&mut rows[..], residual, then.relu, 0..blocked_co, cout);
        p += PX;
    }
    // What the blocks left: the last pixels, and the last (fewer than 8) output channels.
    for q in 0..pixels {
        let from = if q < p { blocked_co } else { 0 };
        if from == cout {
            continue;
        }
        let acc = &mut out.data[q * cout + from..(q + 1) * cout];
        acc.copy_from_slice(&b[from..]);
        for (ci, &v) in x.data[q * cin..(q + 1) * cin].iter().enumerate() {
            axpy(acc, v, &w[ci * cout + from..(ci + 1) * cout]);
        }
        let residual = then.add.map(|r| &r.data[q * cout..(q + 1) * cout]);
        let row = &mut out.data[q * cout..(q + 1) * cout];
        finish(row, residual, then.relu, from..cout, cout);
    }
}

/// Channels `channels` of each pixel of `rows` (`cout` values a pixel), still in cache: the
/// residual's values added, then `relu`.
#[inline(always)]
fn finish(
    rows: &mut [f32],
    residual: Option<&[f32]>,
    relu: bool,
    channels: std::ops::Range<usize>,
    cout: usize,
) {
    if channels.is_empty() {
        return;
    }
    for (pi, row) in rows.chunks_exact_mut(cout).enumerate() {
        let row = &mut row[channels.clone()];
        if let Some(r) = residual {
            let r = &r[pi * cout + channels.start..pi * cout + channels.end];
            for (o, &v) in row.iter_mut().zip(r) {
                *o += v;
            }
        }
        if relu {
            relu_in_place(row);
        }
    }
}

/// Output channels `co..co + N` of `PX` pixels (`input`: their `cin` values each; `rows`:
/// their `cout` outputs each).
#[inline(always)]
fn block<const FMA: bool, const N: usize>(
    input: &[f32],
    w: &[f32],
    b: &[f32],
    co: usize,
    rows: &mut [f32],
) {
    let (cin, cout) = (input.len() / PX, b.len());
    let mut acc = [[0f32; N]; PX];
    for a in acc.iter_mut() {
        a.copy_from_slice(&b[co..co + N]);
    }
    for ci in 0..cin {
        let row: &[f32; N] = w[ci * cout + co..ci * cout + co + N]
            .try_into()
            .unwrap_or(&[0.0; N]);
        for (pi, a) in acc.iter_mut().enumerate() {
            let v = input[pi * cin + ci];
            for j in 0..N {
                // One rounding instead of two where the CPU fuses them (as TFLite does).
                a[j] = if FMA {
                    v.mul_add(row[j], a[j])
                } else {
                    a[j] + v * row[j]
                };
            }
        }
    }
    for (pi, a) in acc.iter().enumerate() {
        rows[pi * cout + co..pi * cout + co + N].copy_from_slice(a);
    }
}

#[inline]
fn axpy(acc: &mut [f32], v: f32, w: &[f32]) {
    for (a, &wv) in acc.iter_mut().zip(w) {
        *a += v * wv;
    }
}

/// A k×k depthwise convolution (one filter per channel) over the input padded with zeros by
/// `pad` = (top, bottom, left, right); `w` is laid out `[ky][kx][c]`.
pub fn depthwise(
    x: &Tensor,
    w: &[f32],
    b: &[f32],
    (k, stride): (usize, usize),
    pad: (usize, usize, usize, usize),
    relu: bool,
) -> Tensor {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma") {
        // SAFETY: the CPU has just been seen to support both features.
        return unsafe { depthwise_avx2(x, w, b, (k, stride), pad, relu) };
    }
    depthwise_rows::<false>(x, w, b, (k, stride), pad, relu)
}

/// Channels per register in the 3×3 depthwise kernel (one AVX register of floats).
const LANES: usize = 8;

/// The depthwise convolution of the model's layers (3×3, channels a multiple of 8): eight
/// channels of one output pixel are summed in registers over the nine taps and stored once.
/// (The row-at-a-time loop below loads and stores the output once per tap; this is the
/// fallback for other shapes.) Same sums in the same order, so the same result to the bit.
#[inline(always)]
fn depthwise_lanes<const FMA: bool>(
    x: &Tensor,
    w: &[f32],
    b: &[f32],
    stride: usize,
    (top, left): (usize, usize),
    out: &mut Tensor,
) {
    const K: usize = 3;
    let (c, ow) = (x.c, out.w);
    // Output columns whose three input columns all lie inside the row need no checks.
    let lo = left.div_ceil(stride).min(ow);
    let hi = if x.w + left >= K {
        ((x.w + left - K) / stride + 1).min(ow)
    } else {
        0
    }
    .max(lo);
    for oy in 0..out.h {
        let rows: [Option<&[f32]>; K] = std::array::from_fn(|ky| {
            (oy * stride + ky)
                .checked_sub(top)
                .filter(|&iy| iy < x.h)
                .map(|iy| &x.data[iy * x.w * c..(iy + 1) * x.w * c])
        });
        for ch in (0..c).step_by(LANES) {
            let mut taps = [[[0f32; LANES]; K]; K];
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
            let line = &mut out.data[oy * ow * c..(oy + 1) * ow * c];
            for ox in (0..lo).chain(hi..ow) {
                line[ox * c + ch..ox * c + ch + LANES]
                    .copy_from_slice(&lane_pixel::<FMA, false>(&at, ox, c));
            }
            let mut ox = lo;
            while ox + BLOCK <= hi {
                for (p, sums) in lane_block::<FMA>(&at, ox, c).iter().enumerate() {
                    let o = (ox + p) * c + ch;
                    line[o..o + LANES].copy_from_slice(sums);
                }
                ox += BLOCK;
            }
            for ox in ox..hi {
                line[ox * c + ch..ox * c + ch + LANES]
                    .copy_from_slice(&lane_pixel::<FMA, true>(&at, ox, c));
            }
        }
    }
}

/// What one output row's eight channels read: the three input rows (None: padding), the
/// channels' nine taps and bias.
struct Lane<'a> {
    rows: &'a [Option<&'a [f32]>; 3],
    taps: &'a [[[f32; LANES]; 3]; 3],
    bias: [f32; LANES],
    ch: usize,
    stride: usize,
    left: usize,
    width: usize,
}

/// Eight channels of output column `ox`. `INSIDE`: all three input columns are in the row.
/// (A function, not a closure: closures do not inherit the caller's AVX2/FMA and would call
/// a software `fma`.)
#[inline(always)]
fn lane_pixel<const FMA: bool, const INSIDE: bool>(at: &Lane, ox: usize, c: usize) -> [f32; LANES] {
    let mut acc = at.bias;
    for (row, tap_row) in at.rows.iter().zip(at.taps) {
        let Some(row) = row else { continue };
        for (kx, tap) in tap_row.iter().enumerate() {
            let ix = ox * at.stride + kx;
            if !INSIDE && (ix < at.left || ix - at.left >= at.width) {
                continue;
            }
            let v = lanes(row, (ix - at.left) * c + at.ch);
            for l in 0..LANES {
                acc[l] = if FMA {
                    v[l].mul_add(tap[l], acc[l])
                } else {
                    acc[l] + v[l] * tap[l]
                };
            }
        }
    }
    acc
}

/// Output columns summed together inside the row: four independent sums keep the
/// multiply-add unit busy (one sum alone waits for each of its nine steps in turn).
const BLOCK: usize = 4;

/// Eight channels of output columns `ox..ox + BLOCK`, all inside the row.
#[inline(always)]
fn lane_block<const FMA: bool>(at: &Lane, ox: usize, c: usize) -> [[f32; LANES]; BLOCK] {
    let mut acc = [at.bias; BLOCK];
    let span = ((BLOCK - 1) * at.stride + 2) * c + LANES;
    let from = (ox * at.stride - at.left) * c + at.ch;
    for (row, tap_row) in at.rows.iter().zip(at.taps) {
        let Some(seg) = row.and_then(|r| r.get(from..from + span)) else {
            continue;
        };
        // `from`, `c` and `span` are multiples of eight: whole registers, no remainder.
        let (seg, _) = seg.as_chunks::<LANES>();
        let c8 = c / LANES;
        for (kx, tap) in tap_row.iter().enumerate() {
            for (p, a) in acc.iter_mut().enumerate() {
                let v = seg[(p * at.stride + kx) * c8];
                for l in 0..LANES {
                    a[l] = if FMA {
                        v[l].mul_add(tap[l], a[l])
                    } else {
                        a[l] + v[l] * tap[l]
                    };
                }
            }
        }
    }
    acc
}

#[inline(always)]
fn lanes(v: &[f32], at: usize) -> [f32; LANES] {
    v.get(at..at + LANES)
        .and_then(|s| s.try_into().ok())
        .unwrap_or([0.0; LANES])
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
fn depthwise_avx2(
    x: &Tensor,
    w: &[f32],
    b: &[f32],
    ks: (usize, usize),
    pad: (usize, usize, usize, usize),
    relu: bool,
) -> Tensor {
    depthwise_rows::<true>(x, w, b, ks, pad, relu)
}

#[inline(always)]
fn depthwise_rows<const FMA: bool>(
    x: &Tensor,
    w: &[f32],
    b: &[f32],
    (k, stride): (usize, usize),
    (top, bottom, left, right): (usize, usize, usize, usize),
    relu: bool,
) -> Tensor {
    let c = x.c;
    let oh = valid_size(x.h + top + bottom, k, stride);
    let ow = valid_size(x.w + left + right, k, stride);
    let mut out = Tensor::zeros(oh, ow, c);
    if k == 3 && c.is_multiple_of(LANES) && (stride == 1 || stride == 2) {
        depthwise_lanes::<FMA>(x, w, b, stride, (top, left), &mut out);
        if relu {
            relu_in_place(&mut out.data);
        }
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

/// `a` + `b` in place of `a`.
pub fn add(mut a: Tensor, b: &Tensor, relu: bool) -> Tensor {
    for (o, &v) in a.data.iter_mut().zip(&b.data) {
        *o += v;
    }
    if relu {
        relu_in_place(&mut a.data);
    }
    a
}

fn relu_in_place(data: &mut [f32]) {
    for v in data {
        *v = v.max(0.0);
    }
}

/// Per-channel leaky ReLU in place: a negative value is multiplied by its channel's `alpha`.
pub fn prelu(mut x: Tensor, alpha: &[f32]) -> Tensor {
    for px in x.data.chunks_exact_mut(alpha.len()) {
        for (v, &a) in px.iter_mut().zip(alpha) {
            if *v < 0.0 {
                *v *= a;
            }
        }
    }
    x
}

/// The maximum of each 2×2 block (stride 2; an odd last row or column is dropped, as VALID).
pub fn max_pool2(x: &Tensor) -> Tensor {
    let (oh, ow, c) = (x.h / 2, x.w / 2, x.c);
    let mut out = Tensor::zeros(oh, ow, c);
    for oy in 0..oh {
        for ox in 0..ow {
            let o = &mut out.data[(oy * ow + ox) * c..(oy * ow + ox + 1) * c];
            o.copy_from_slice(x.pixel(2 * oy, 2 * ox));
            for (dy, dx) in [(0, 1), (1, 0), (1, 1)] {
                for (m, &v) in o.iter_mut().zip(x.pixel(2 * oy + dy, 2 * ox + dx)) {
                    *m = m.max(v);
                }
            }
        }
    }
    out
}

/// `after` zero channels appended to every pixel.
pub fn pad_channels(x: &Tensor, after: usize) -> Tensor {
    let c = x.c + after;
    let mut out = Tensor::zeros(x.h, x.w, c);
    for (o, i) in out.data.chunks_exact_mut(c).zip(x.data.chunks_exact(x.c)) {
        o[..x.c].copy_from_slice(i);
    }
    out
}

/// Bilinear 2× upsampling with half-pixel centres (TensorFlow's `half_pixel_centers`).
pub fn upsample2(x: &Tensor) -> Tensor {
    let mut out = Tensor::zeros(x.h * 2, x.w * 2, x.c);
    let source = |o: usize, n: usize| {
        let s = ((o as f32 + 0.5) * 0.5 - 0.5).max(0.0);
        let lo = (s.floor() as usize).min(n - 1);
        let hi = (lo + 1).min(n - 1);
        (lo, hi, s - lo as f32)
    };
    for oy in 0..out.h {
        let (y0, y1, fy) = source(oy, x.h);
        for ox in 0..out.w {
            let (x0, x1, fx) = source(ox, x.w);
            let (p00, p01, p10, p11) = (
                x.pixel(y0, x0),
                x.pixel(y0, x1),
                x.pixel(y1, x0),
                x.pixel(y1, x1),
            );
            let at = (oy * out.w + ox) * x.c;
            for ch in 0..x.c {
                let top = p00[ch] + (p01[ch] - p00[ch]) * fx;
                let bottom = p10[ch] + (p11[ch] - p10[ch]) * fx;
                out.data[at + ch] = top + (bottom - top) * fy;
            }
        }
    }
    out
}

/// Depth-to-space: each pixel's `block²` groups of channels become a block×block square.
pub fn depth_to_space(x: &Tensor, block: usize) -> Tensor {
    let oc = x.c / (block * block);
    let mut out = Tensor::zeros(x.h * block, x.w * block, oc);
    for oy in 0..out.h {
        for ox in 0..out.w {
            let group = (oy % block) * block + ox % block;
            let src = &x.pixel(oy / block, ox / block)[group * oc..(group + 1) * oc];
            let at = (oy * out.w + ox) * oc;
            out.data[at..at + oc].copy_from_slice(src);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: usize, w: usize, c: usize, data: Vec<f32>) -> Tensor {
        Tensor { h, w, c, data }
    }

    #[test]
    fn pointwise_matches_the_plain_sum_for_odd_pixel_counts() {
        let x = t(1, 5, 2, (0..10).map(|v| v as f32).collect());
        // w[ci][co]: co0 = ci0 + 2*ci1, co1 = -ci0
        let w = [1.0, -1.0, 2.0, 0.0];
        let out = conv(&x, &w, &[0.5, 0.0], 1, 1, false);
        for p in 0..5 {
            let (a, b) = (x.data[2 * p], x.data[2 * p + 1]);
            assert_eq!(out.pixel(0, p), &[a + 2.0 * b + 0.5, -a]);
        }
    }

    #[test]
    fn pointwise_blocks_of_16_and_8_and_the_tail_match_the_plain_sum() {
        // 29 output channels (16 + 8 + 5) over 7 pixels (a block of 4 and 3 left).
        let (cin, cout, px) = (3, 29, 7);
        let x = t(
            1,
            px,
            cin,
            (0..px * cin).map(|v| v as f32 * 0.25 - 1.0).collect(),
        );
        let w: Vec<f32> = (0..cin * cout).map(|v| (v % 7) as f32 - 3.0).collect();
        let b: Vec<f32> = (0..cout).map(|v| v as f32 * 0.5).collect();
        let out = conv(&x, &w, &b, 1, 1, false);
        for p in 0..px {
            for co in 0..cout {
                let want = b[co]
                    + (0..cin)
                        .map(|ci| x.data[p * cin + ci] * w[ci * cout + co])
                        .sum::<f32>();
                assert_eq!(out.pixel(0, p)[co], want, "pixel {p} channel {co}");
            }
        }
    }

    #[test]
    fn strided_convolution_and_padding() {
        let x = pad(&t(2, 2, 1, vec![1.0, 2.0, 3.0, 4.0]), 1, 1, 1, 1);
        assert_eq!((x.h, x.w), (4, 4));
        let ones = [1.0; 9];
        let out = conv(&x, &ones, &[0.0], 3, 2, false);
        assert_eq!((out.h, out.w), (1, 1));
        assert_eq!(out.data, vec![10.0]);
        let dw = depthwise(&x, &ones, &[-11.0], (3, 1), (0, 0, 0, 0), true);
        assert_eq!(dw.data, vec![0.0; 4]);
        // The same through implicit padding, and with stride 2.
        let raw = t(2, 2, 1, vec![1.0, 2.0, 3.0, 4.0]);
        let dw = depthwise(&raw, &ones, &[0.0], (3, 1), (1, 1, 1, 1), false);
        assert_eq!(dw.data, vec![10.0; 4]);
        let dw = depthwise(&raw, &ones, &[0.0], (3, 2), (1, 1, 1, 1), false);
        assert_eq!(dw.data, vec![10.0]);
        let wide = t(1, 4, 1, vec![1.0, 2.0, 3.0, 4.0]);
        let dw = depthwise(&wide, &ones, &[0.0], (3, 2), (1, 1, 1, 1), false);
        assert_eq!(dw.data, vec![3.0, 9.0]);
    }

    /// Whether the kernels run with fused multiply-adds here.
    fn fused() -> bool {
        #[cfg(target_arch = "x86_64")]
        return std::arch::is_x86_feature_detected!("avx2")
            && std::arch::is_x86_feature_detected!("fma");
        #[cfg(not(target_arch = "x86_64"))]
        false
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
                                v.mul_add(t, acc)
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
        let mut seed = 7u32;
        let mut next = move || {
            seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            (seed >> 8) as f32 / (1u32 << 24) as f32 - 0.5
        };
        // Channel counts of the register kernel (multiples of 8) and of the fallback.
        for c in [8, 24, 4, 3] {
            for (h, wd) in [(5, 7), (6, 6), (1, 4), (2, 9)] {
                let x = t(h, wd, c, (0..h * wd * c).map(|_| next()).collect());
                let w: Vec<f32> = (0..9 * c).map(|_| next()).collect();
                let b: Vec<f32> = (0..c).map(|_| next()).collect();
                for stride in [1, 2] {
                    for pad in [(0, 0, 0, 0), (1, 1, 1, 1), (0, 1, 0, 1), (2, 0, 1, 2)] {
                        let want = depthwise_by_definition(&x, &w, &b, (3, stride), pad);
                        let got = depthwise(&x, &w, &b, (3, stride), pad, false);
                        assert_eq!(got, want, "c {c}, {h}x{wd}, stride {stride}, pad {pad:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn upsampling_keeps_constants_and_interpolates_between_pixels() {
        let x = t(1, 2, 1, vec![0.0, 4.0]);
        let up = upsample2(&x);
        assert_eq!(up.data, vec![0.0, 1.0, 3.0, 4.0, 0.0, 1.0, 3.0, 4.0]);
    }

    #[test]
    fn prelu_pool_and_channel_padding() {
        let x = t(2, 2, 2, vec![1.0, -2.0, -4.0, 3.0, 0.5, -1.0, 2.0, 7.0]);
        let p = prelu(x.clone(), &[0.5, 0.25]);
        assert_eq!(p.data, vec![1.0, -0.5, -2.0, 3.0, 0.5, -0.25, 2.0, 7.0]);
        let m = max_pool2(&x);
        assert_eq!((m.h, m.w, m.c), (1, 1, 2));
        assert_eq!(m.data, vec![2.0, 7.0]);
        let c = pad_channels(&t(1, 2, 1, vec![5.0, 6.0]), 2);
        assert_eq!(c.data, vec![5.0, 0.0, 0.0, 6.0, 0.0, 0.0]);
    }

    #[test]
    fn depth_to_space_places_the_channel_groups() {
        let x = t(1, 1, 4, vec![1.0, 2.0, 3.0, 4.0]);
        let out = depth_to_space(&x, 2);
        assert_eq!((out.h, out.w, out.c), (2, 2, 1));
        assert_eq!(out.data, vec![1.0, 2.0, 3.0, 4.0]);
    }
}
