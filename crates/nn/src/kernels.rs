//! The operations, each a plain loop over NHWC data with the channel loop innermost (so the
//! compiler vectorises it). Convolutions are VALID: padding is its own operation, as in the
//! source graph.

use super::Tensor;
use super::pointwise::{Rows, pointwise};

/// Padding around the picture, the new pixels holding `value`.
pub fn pad(
    x: &Tensor,
    (top, bottom, left, right): (usize, usize, usize, usize),
    value: f32,
) -> Tensor {
    let (h, w) = (x.h + top + bottom, x.w + left + right);
    let mut out = Tensor::filled(h, w, x.c, value);
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
    conv_then(
        x,
        w,
        b,
        (k, stride),
        ((0, 0, 0, 0), 0.0),
        Then { add: None, relu },
    )
}

/// What is done to a convolution's sums as they are stored: a residual tensor of the output's
/// shape added, then negative values set to zero (`relu`) — one pass over the output instead
/// of three.
#[derive(Debug, Clone, Copy)]
pub struct Then<'a> {
    pub add: Option<&'a Tensor>,
    pub relu: bool,
}

/// [`conv`] over the input padded with `value` by (top, bottom, left, right) without making a
/// padded copy, with `then` done to each sum as it is stored. A residual of another
/// shape than the output is not added: `Network::run` refuses such a model with an error
/// before calling.
pub fn conv_then(
    x: &Tensor,
    w: &[f32],
    b: &[f32],
    (k, stride): (usize, usize),
    ((top, bottom, left, right), value): ((usize, usize, usize, usize), f32),
    then: Then,
) -> Tensor {
    let cout = b.len();
    let (oh, ow) = (
        valid_size(x.h + top + bottom, k, stride),
        valid_size(x.w + left + right, k, stride),
    );
    let mut out = Tensor::for_overwrite(oh, ow, cout);
    let then = Then {
        add: then
            .add
            .filter(|r| (r.h, r.w, r.c) == (oh, ow, cout) && r.data.len() == out.data.len()),
        relu: then.relu,
    };
    let rows = Rows {
        add: then.add.map(|r| &r.data[..]),
        relu: then.relu,
    };
    if k == 1 && stride == 1 && (top, bottom, left, right) == (0, 0, 0, 0) {
        pointwise(&x.data, w, b, rows, &mut out.data);
    } else {
        // One output row at a time: its pixels' k×k×cin inputs gathered into a row buffer
        // that stays in cache (a buffer for the whole picture was 27 values a pixel written
        // to memory and read back, a fifth of a look).
        let patch = k * k * x.c;
        let mut cols = vec![0f32; ow * patch];
        let run_len = k * x.c;
        // Output columns whose k input columns all lie inside the row (no padding to fill).
        let lo = left.div_ceil(stride).min(ow);
        let hi = (x.w + left)
            .checked_sub(k)
            .map_or(0, |last| (last / stride + 1).min(ow))
            .max(lo);
        let mut tap_rows: Vec<Option<&[f32]>> = vec![None; k];
        for (oy, line) in out.data.chunks_exact_mut((ow * cout).max(1)).enumerate() {
            // The input row each tap row reads (None: padding).
            for (ky, r) in tap_rows.iter_mut().enumerate() {
                *r = (oy * stride + ky)
                    .checked_sub(top)
                    .filter(|&iy| iy < x.h)
                    .map(|iy| &x.data[iy * x.w * x.c..(iy + 1) * x.w * x.c]);
            }
            for (ox, patch_of) in cols.chunks_exact_mut(patch).enumerate() {
                let inside = (lo..hi).contains(&ox);
                for (run, r) in patch_of.chunks_exact_mut(run_len).zip(&tap_rows) {
                    match r {
                        None => run.fill(value),
                        Some(row) if inside => {
                            let from = (ox * stride - left) * x.c;
                            copy_run(run, &row[from..from + run_len]);
                        }
                        Some(row) => padded_run(row, x.c, (ox * stride, left), value, run),
                    }
                }
            }
            let row = Rows {
                add: rows.add.map(|r| &r[oy * ow * cout..(oy + 1) * ow * cout]),
                relu: rows.relu,
            };
            pointwise(&cols, w, b, row, line);
        }
    }
    out
}

/// A run of `run.len() / c` pixels of an input `row` (`c` values a pixel) from padded column
/// `at` on, where it crosses the `left` or right padding: `value` there.
fn padded_run(row: &[f32], c: usize, (at, left): (usize, usize), value: f32, run: &mut [f32]) {
    for (kx, cell) in run.chunks_exact_mut(c.max(1)).enumerate() {
        match (at + kx)
            .checked_sub(left)
            .and_then(|ix| row.get(ix * c..(ix + 1) * c))
        {
            Some(pixel) => cell.copy_from_slice(pixel),
            None => cell.fill(value),
        }
    }
}

/// `to` = `from` (same length). The runs of a 3×3 convolution over a picture's three colours
/// are nine values: copied as one fixed-size block, not a call to `memcpy` per run (half a
/// million calls a look).
#[inline(always)]
fn copy_run(to: &mut [f32], from: &[f32]) {
    const RGB_RUN: usize = 9;
    match (
        <&mut [f32; RGB_RUN]>::try_from(&mut *to),
        <&[f32; RGB_RUN]>::try_from(from),
    ) {
        (Ok(t), Ok(f)) => *t = *f,
        _ => to.copy_from_slice(from),
    }
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

pub(crate) fn relu_in_place(data: &mut [f32]) {
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
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has just been seen to support it.
        return unsafe { max_pool2_avx2(x) };
    }
    max_pool2_rows(x)
}

/// [`max_pool2`] compiled for AVX2: eight channels a compare (the plain build's SSE2 does
/// four); YuNet pools its largest tensor, the first layer's sixteen channels.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn max_pool2_avx2(x: &Tensor) -> Tensor {
    max_pool2_rows(x)
}

#[inline(always)]
fn max_pool2_rows(x: &Tensor) -> Tensor {
    let (oh, ow, c) = (x.h / 2, x.w / 2, x.c);
    let mut out = Tensor::for_overwrite(oh, ow, c);
    let row = x.w * x.c;
    for (oy, line) in out.data.chunks_exact_mut((ow * c).max(1)).enumerate() {
        let top = &x.data[2 * oy * row..(2 * oy + 1) * row];
        let bottom = &x.data[(2 * oy + 1) * row..(2 * oy + 2) * row];
        max_pool2_row((top, bottom), c, line);
    }
    out
}

/// One output row of [`max_pool2`] from two input rows of `c` channels a pixel (an odd last
/// pixel is dropped).
#[inline(always)]
pub(crate) fn max_pool2_row((top, bottom): (&[f32], &[f32]), c: usize, line: &mut [f32]) {
    if c == 0 {
        return;
    }
    // A pixel pair of each row at a time: 2c values, the left pixel's c then the right's.
    let pairs = top.chunks_exact(2 * c).zip(bottom.chunks_exact(2 * c));
    for (o, (t, b)) in line.chunks_exact_mut(c).zip(pairs) {
        let (tl, tr) = t.split_at(c);
        let (bl, br) = b.split_at(c);
        // Zipped, not indexed: with an index into five slices the compiler could not drop
        // the bounds checks, and the loop went one value at a time — the pooling cost more
        // than the depthwise convolution it follows.
        let lanes = o.iter_mut().zip(tl.iter().zip(tr)).zip(bl.iter().zip(br));
        for ((o, (&a, &b)), (&c, &d)) in lanes {
            *o = a.max(b).max(c.max(d));
        }
    }
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

/// Channels `from..from + len` of every pixel (none past the tensor's channels).
pub fn channels(x: &Tensor, from: usize, len: usize) -> Tensor {
    let from = from.min(x.c);
    let len = len.min(x.c - from);
    let mut out = Tensor::for_overwrite(x.h, x.w, len);
    for (o, i) in out
        .data
        .chunks_exact_mut(len.max(1))
        .zip(x.data.chunks_exact(x.c.max(1)))
    {
        o.copy_from_slice(&i[from..from + len]);
    }
    out
}

/// 2× upsampling, each pixel repeated over a 2×2 square (nearest neighbour).
pub fn upsample2(x: &Tensor) -> Tensor {
    let mut out = Tensor::for_overwrite(x.h * 2, x.w * 2, x.c);
    let row = x.w * x.c;
    for y in 0..out.h {
        let from = &x.data[y / 2 * row..(y / 2 + 1) * row];
        let to = &mut out.data[y * 2 * row..(y + 1) * 2 * row];
        for (pair, pixel) in to.chunks_exact_mut(2 * x.c).zip(from.chunks_exact(x.c)) {
            pair[..x.c].copy_from_slice(pixel);
            pair[x.c..].copy_from_slice(pixel);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::depthwise::depthwise;
    use crate::test_values::fused;

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
        let x = pad(&t(2, 2, 1, vec![1.0, 2.0, 3.0, 4.0]), (1, 1, 1, 1), 0.0);
        assert_eq!((x.h, x.w), (4, 4));
        // Padding with a value: one row above and one column left, of −1.
        let black = pad(&t(1, 1, 1, vec![5.0]), (1, 0, 1, 0), -1.0);
        assert_eq!(black.data, vec![-1.0, -1.0, -1.0, 5.0]);
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

    #[test]
    fn a_convolution_padding_inside_gives_the_padded_copy_s_sums() {
        // Odd sizes, both strides, padding on every side, three channels in (the model's
        // first layer) and two; zeros and the model input's black (-1) as padding.
        let shapes = [
            (7, 9, 3, 2, (1, 1, 1, 1)),
            (6, 5, 3, 2, (0, 1, 0, 1)),
            (5, 6, 2, 1, (1, 1, 1, 1)),
            (4, 4, 2, 1, (2, 0, 0, 2)),
            (2, 2, 3, 2, (1, 1, 1, 1)),
        ];
        for ((h, w, c, stride, around), value) in
            shapes.into_iter().flat_map(|s| [(s, 0.0), (s, -1.0)])
        {
            let x = t(
                h,
                w,
                c,
                (0..h * w * c)
                    .map(|v| (v % 11) as f32 * 0.5 - 2.0)
                    .collect(),
            );
            let cout = 5;
            let wt: Vec<f32> = (0..9 * c * cout).map(|v| (v % 7) as f32 - 3.0).collect();
            let b: Vec<f32> = (0..cout).map(|v| v as f32).collect();
            let copy = conv(&pad(&x, around, value), &wt, &b, 3, stride, true);
            let relu = Then {
                add: None,
                relu: true,
            };
            let inside = conv_then(&x, &wt, &b, (3, stride), (around, value), relu);
            assert_eq!((inside.h, inside.w, inside.c), (copy.h, copy.w, copy.c));
            let shape = format!("{h}x{w}x{c} stride {stride} pad {around:?} of {value}");
            assert_eq!(inside.data, copy.data, "{shape}");
        }
    }

    /// A k×k convolution by its definition over the input padded with `value`: each sum the
    /// bias, then the taps row by row, column by column, channel by channel, fused where the
    /// kernels fuse.
    fn conv_by_definition(
        x: &Tensor,
        (w, b): (&[f32], &[f32]),
        (k, stride): (usize, usize),
        ((top, bottom, left, right), value): ((usize, usize, usize, usize), f32),
    ) -> Tensor {
        let cout = b.len();
        let oh = valid_size(x.h + top + bottom, k, stride);
        let ow = valid_size(x.w + left + right, k, stride);
        let fused = fused();
        let mut out = Tensor::zeros(oh, ow, cout);
        for (i, o) in out.data.iter_mut().enumerate() {
            let (oy, ox, co) = (i / cout / ow, i / cout % ow, i % cout);
            let mut acc = b[co];
            for ky in 0..k {
                for kx in 0..k {
                    let (iy, ix) = (oy * stride + ky, ox * stride + kx);
                    let inside = iy >= top && iy - top < x.h && ix >= left && ix - left < x.w;
                    for ci in 0..x.c {
                        let v = if inside {
                            x.pixel(iy - top, ix - left)[ci]
                        } else {
                            value
                        };
                        let t = w[((ky * k + kx) * x.c + ci) * cout + co];
                        acc = if fused {
                            crate::fused_multiply_add(v, t, acc)
                        } else {
                            acc + v * t
                        };
                    }
                }
            }
            *o = acc;
        }
        out
    }

    #[test]
    fn a_convolution_sums_as_its_definition_does() {
        // Rows wider than the 1×1 kernels' blocks of pixels (eight with AVX-512, six with
        // AVX2) with padded columns at both ends; 16, 40 (32 + 8) and 5 outputs; the model
        // input's black (-1) as padding.
        let mut next = crate::test_values::random(5);
        for (h, wd, c) in [(5, 41, 3), (4, 30, 2), (3, 17, 3)] {
            let x = t(h, wd, c, (0..h * wd * c).map(|_| next()).collect());
            for cout in [16, 40, 5] {
                let wt: Vec<f32> = (0..9 * c * cout).map(|_| next()).collect();
                let b: Vec<f32> = (0..cout).map(|_| next()).collect();
                for stride in [1, 2] {
                    for around in [(0, 0, 0, 0), (1, 1, 1, 1), (0, 1, 0, 1), (2, 0, 1, 2)] {
                        let want = conv_by_definition(&x, (&wt, &b), (3, stride), (around, -1.0));
                        let plain = Then {
                            add: None,
                            relu: false,
                        };
                        let got = conv_then(&x, &wt, &b, (3, stride), (around, -1.0), plain);
                        let case = format!("{h}x{wd}x{c} → {cout}, stride {stride}, {around:?}");
                        assert_eq!(got, want, "{case}");
                    }
                }
            }
        }
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
    fn nearest_upsampling_repeats_each_pixel_over_two_by_two() {
        let x = t(1, 2, 2, vec![1.0, 2.0, 3.0, 4.0]);
        let up = upsample2(&x);
        assert_eq!((up.h, up.w, up.c), (2, 4, 2));
        let row = [1.0, 2.0, 1.0, 2.0, 3.0, 4.0, 3.0, 4.0];
        assert_eq!(up.data, [row, row].concat());
    }
}
