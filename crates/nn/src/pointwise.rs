//! The 1×1 convolution (most of the model's work), on rows of pixels: `x` holds each pixel's
//! `cin` values, `out` each pixel's `cout` sums, `w` is laid out `[cin][cout]`.

use super::kernels::relu_in_place;

/// What is done to the sums of some rows of pixels as they are stored: the matching rows of
/// a residual tensor added, then negative values set to zero.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rows<'a> {
    pub add: Option<&'a [f32]>,
    pub relu: bool,
}

/// The 1×1 convolution of the pixels of `x` into `out`. With AVX2 and FMA (nearly every PC
/// since 2013) the same code is compiled for them, chosen when the program runs.
pub(crate) fn pointwise(x: &[f32], w: &[f32], b: &[f32], then: Rows, out: &mut [f32]) {
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
fn pointwise_avx2(x: &[f32], w: &[f32], b: &[f32], then: Rows, out: &mut [f32]) {
    pointwise_blocks::<true>(x, w, b, then, out);
}

/// Pixels per block and output channels per block: 4×16 sums stay in registers while the
/// input channels run, so each weight loaded serves four pixels. Output channels past a
/// multiple of 16 take one 4×8 block when at least 8 are left (the model's 32→8 and 48→24
/// layers run at its finest scale, where a channel-at-a-time loop cost a fifth of the time),
/// and the last fewer than 8 one more 4×8 block over weights padded with zeros (YuNet's
/// score and box heads, 64→1 and 64→4 at every cell of the finest grid, took a sixth of a
/// look one channel at a time).
const PX: usize = 4;
const CO: usize = 16;
const CO_HALF: usize = 8;

#[inline(always)]
pub(crate) fn pointwise_blocks<const FMA: bool>(
    x: &[f32],
    w: &[f32],
    b: &[f32],
    then: Rows,
    out: &mut [f32],
) {
    let cout = b.len();
    let pixels = out.len() / cout.max(1);
    let cin = x.len() / pixels.max(1);
    let full_co = cout / CO * CO;
    let blocked_co = if cout - full_co >= CO_HALF {
        full_co + CO_HALF
    } else {
        full_co
    };
    let rest = cout - blocked_co;
    // The last channels' weights and biases, 8 wide (zeros past `cout`).
    let (w_rest, b_rest) = if rest > 0 {
        let mut wr = vec![0f32; cin * CO_HALF];
        for (ci, row) in wr.chunks_exact_mut(CO_HALF).enumerate() {
            row[..rest].copy_from_slice(&w[ci * cout + blocked_co..(ci + 1) * cout]);
        }
        let mut br = [0f32; CO_HALF];
        br[..rest].copy_from_slice(&b[blocked_co..]);
        (wr, br)
    } else {
        (Vec::new(), [0f32; CO_HALF])
    };
    let mut p = 0;
    while p + PX <= pixels {
        let input = &x[p * cin..(p + PX) * cin];
        let rows = &mut out[p * cout..(p + PX) * cout];
        let mut co = 0;
        let residual = then.add.map(|r| &r[p * cout..(p + PX) * cout]);
        while co < full_co {
            let sums = block::<FMA, CO>(input, (&w[co..], cout), &b[co..co + CO]);
            store(rows, &sums, co, cout);
            co += CO;
        }
        if blocked_co > full_co {
            let sums = block::<FMA, CO_HALF>(input, (&w[full_co..], cout), &b[full_co..]);
            store(rows, &sums, full_co, cout);
        }
        if rest > 0 {
            let sums = block::<FMA, CO_HALF>(input, (&w_rest, CO_HALF), &b_rest);
            for (pi, s) in sums.iter().enumerate() {
                rows[pi * cout + blocked_co..(pi + 1) * cout].copy_from_slice(&s[..rest]);
            }
        }
        finish(rows, residual, then.relu);
        p += PX;
    }
    // The last (fewer than four) pixels, summed in the same order as in a block, so a
    // pixel's sums do not depend on whether it fell in a block.
    for q in p..pixels {
        let acc = &mut out[q * cout..(q + 1) * cout];
        acc.copy_from_slice(b);
        for (ci, &v) in x[q * cin..(q + 1) * cin].iter().enumerate() {
            axpy::<FMA>(acc, v, &w[ci * cout..(ci + 1) * cout]);
        }
        let residual = then.add.map(|r| &r[q * cout..(q + 1) * cout]);
        finish(acc, residual, then.relu);
    }
}

/// The pixels of `rows` (`cout` values each), still in cache: the residual's values added,
/// then `relu`.
#[inline(always)]
fn finish(rows: &mut [f32], residual: Option<&[f32]>, relu: bool) {
    if let Some(r) = residual {
        for (o, &v) in rows.iter_mut().zip(r) {
            *o += v;
        }
    }
    if relu {
        relu_in_place(rows);
    }
}

/// `N` output channels of `PX` pixels (`input`: their `cin` values each); input channel
/// `ci`'s `N` weights start at `w[ci × stride]`, the channels' biases are `b[..N]`.
#[inline(always)]
fn block<const FMA: bool, const N: usize>(
    input: &[f32],
    (w, stride): (&[f32], usize),
    b: &[f32],
) -> [[f32; N]; PX] {
    let cin = input.len() / PX;
    let bias: [f32; N] = b
        .get(..N)
        .and_then(|s| s.try_into().ok())
        .unwrap_or([0.0; N]);
    let mut acc = [bias; PX];
    for ci in 0..cin {
        let row: &[f32; N] = w
            .get(ci * stride..ci * stride + N)
            .and_then(|s| s.try_into().ok())
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
    acc
}

/// A block's sums into channels `co..co + N` of its pixels' rows (`cout` values a pixel).
#[inline(always)]
fn store<const N: usize>(rows: &mut [f32], sums: &[[f32; N]; PX], co: usize, cout: usize) {
    for (pi, s) in sums.iter().enumerate() {
        rows[pi * cout + co..pi * cout + co + N].copy_from_slice(s);
    }
}

/// `acc += v × w`, fused as the blocks are, so a pixel's sums do not depend on whether it
/// fell in a block or in what was left.
#[inline(always)]
fn axpy<const FMA: bool>(acc: &mut [f32], v: f32, w: &[f32]) {
    for (a, &wv) in acc.iter_mut().zip(w) {
        *a = if FMA { v.mul_add(wv, *a) } else { *a + v * wv };
    }
}
