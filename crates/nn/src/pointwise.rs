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

/// The 1×1 convolution of the pixels of `x` into `out`: with AVX-512 or with AVX2 and FMA
/// (nearly every PC since 2013) their kernels, chosen when the program runs, else plain code.
/// All give the same sums (the vector kernels fuse each multiply-add, as TFLite does).
pub(crate) fn pointwise(x: &[f32], w: &[f32], b: &[f32], then: Rows, out: &mut [f32]) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx512f") {
        // SAFETY: the CPU has just been seen to support it.
        unsafe { super::pointwise_avx512::pointwise_avx512(x, w, b, then, out) };
        return;
    }
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma") {
        // SAFETY: the CPU has just been seen to support both features.
        unsafe { super::pointwise_avx2::pointwise_avx2(x, w, b, then, out) };
        return;
    }
    pointwise_blocks(x, w, b, then, out);
}

/// The plain kernel (CPUs without AVX2, and the definition the vector kernels are tested
/// against; the AVX2 and AVX-512 kernels keep its blocking of channels). Pixels per block and
/// output channels per block: 4×16 sums stay in registers while the input channels run, so each weight loaded serves four pixels. Output channels past a
/// multiple of 16 take one 4×8 block when at least 8 are left (the model's 32→8 and 48→24
/// layers run at its finest scale, where a channel-at-a-time loop cost a fifth of the time),
/// and the last fewer than 8 one more 4×8 block over weights padded with zeros (YuNet's
/// score and box heads, 64→1 and 64→4 at every cell of the finest grid, took a sixth of a
/// look one channel at a time).
const PX: usize = 4;
const CO: usize = 16;
const CO_HALF: usize = 8;

/// One block's weights packed `[cin][N]` (zeros past the layer's channels), so the inner loop
/// reads whole rows with no bounds to check, and its first channel and channel count.
pub(crate) struct Packed<const N: usize> {
    pub co: usize,
    pub width: usize,
    pub w: Vec<[f32; N]>,
    pub b: [f32; N],
}

impl<const N: usize> Packed<N> {
    pub fn new(w: &[f32], b: &[f32], co: usize, width: usize) -> Packed<N> {
        let cout = b.len();
        let rows = w
            .chunks_exact(cout.max(1))
            .map(|row| {
                let mut r = [0f32; N];
                r[..width].copy_from_slice(&row[co..co + width]);
                r
            })
            .collect();
        let mut bias = [0f32; N];
        bias[..width].copy_from_slice(&b[co..co + width]);
        Packed {
            co,
            width,
            w: rows,
            b: bias,
        }
    }

    /// Its channels of the `PX` pixels of `input` into their rows (`cout` values a pixel).
    #[inline(always)]
    fn run(&self, input: &[f32], rows: &mut [f32], cout: usize) {
        let sums = block::<N>(input, &self.w, self.b);
        for (pi, s) in sums.iter().enumerate() {
            let at = pi * cout + self.co;
            rows[at..at + self.width].copy_from_slice(&s[..self.width]);
        }
    }
}

#[inline(always)]
pub(crate) fn pointwise_blocks(x: &[f32], w: &[f32], b: &[f32], then: Rows, out: &mut [f32]) {
    let cout = b.len();
    let full_co = cout / CO * CO;
    let wide: Vec<Packed<CO>> = (0..full_co)
        .step_by(CO)
        .map(|co| Packed::new(w, b, co, CO))
        .collect();
    // The channels past the 16-wide blocks: one 8-wide block, then what is left of them.
    let mut narrow: Vec<Packed<CO_HALF>> = Vec::new();
    let mut co = full_co;
    while co < cout {
        let width = (cout - co).min(CO_HALF);
        narrow.push(Packed::new(w, b, co, width));
        co += width;
    }
    by_blocks::<false, PX>((x, w, b), then, out, |input, rows| {
        for block in &wide {
            block.run(input, rows, cout);
        }
        for block in &narrow {
            block.run(input, rows, cout);
        }
    });
}

/// What every 1×1 kernel does around its blocks: the pixels of `x` taken `P` at a time,
/// `block(input, rows)` writing their sums (`P` pixels of `cin` values in, `P` rows of `cout`
/// sums out), the residual and `relu` done while the rows are in cache; the last fewer than
/// `P` pixels summed one by one in the same order (fused where `FMA`), so a pixel's sums do
/// not depend on whether it fell in a block. `Network::run` slices the weights to the
/// layer's shape; weights of another shape give zeros rather than what the buffer held.
#[inline(always)]
pub(crate) fn by_blocks<const FMA: bool, const P: usize>(
    (x, w, b): (&[f32], &[f32], &[f32]),
    then: Rows,
    out: &mut [f32],
    mut block: impl FnMut(&[f32], &mut [f32]),
) {
    let cout = b.len();
    let pixels = out.len() / cout.max(1);
    let cin = x.len() / pixels.max(1);
    if w.len() != cin * cout || cin == 0 {
        out.fill(0.0);
        return;
    }
    let mut p = 0;
    while p + P <= pixels {
        let rows = &mut out[p * cout..(p + P) * cout];
        block(&x[p * cin..(p + P) * cin], rows);
        let residual = then.add.map(|r| &r[p * cout..(p + P) * cout]);
        finish(rows, residual, then.relu);
        p += P;
    }
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
pub(crate) fn finish(rows: &mut [f32], residual: Option<&[f32]>, relu: bool) {
    if let Some(r) = residual {
        for (o, &v) in rows.iter_mut().zip(r) {
            *o += v;
        }
    }
    if relu {
        relu_in_place(rows);
    }
}

/// `N` output channels of the `PX` pixels of `input` (`cin` values each; `w`: `cin` rows of
/// `N` weights), starting from `bias`.
#[inline(always)]
fn block<const N: usize>(input: &[f32], w: &[[f32; N]], bias: [f32; N]) -> [[f32; N]; PX] {
    let cin = w.len();
    let mut acc = [bias; PX];
    let (p0, rest) = input.split_at(cin.min(input.len()));
    let (p1, rest) = rest.split_at(cin.min(rest.len()));
    let (p2, p3) = rest.split_at(cin.min(rest.len()));
    let pixels = p0.iter().zip(p1).zip(p2).zip(p3);
    for (row, (((&v0, &v1), &v2), &v3)) in w.iter().zip(pixels) {
        for (a, v) in acc.iter_mut().zip([v0, v1, v2, v3]) {
            for j in 0..N {
                a[j] += v * row[j];
            }
        }
    }
    acc
}

/// `acc += v × w`, fused as the blocks are, so a pixel's sums do not depend on whether it
/// fell in a block or in what was left.
#[inline(always)]
pub(crate) fn axpy<const FMA: bool>(acc: &mut [f32], v: f32, w: &[f32]) {
    for (a, &wv) in acc.iter_mut().zip(w) {
        *a = if FMA { v.mul_add(wv, *a) } else { *a + v * wv };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both compilations (with and without fused multiply-adds) against the plain sum, on small
    /// integers (exact either way): 16- and 8-wide blocks, the padded last block, the tail.
    #[test]
    fn every_block_shape_matches_the_plain_sum_with_and_without_fma() {
        for (cin, cout, pixels) in [(5, 29, 7), (64, 1, 9), (64, 4, 5), (3, 16, 4), (27, 8, 3)] {
            let x: Vec<f32> = (0..pixels * cin).map(|v| (v % 11) as f32 - 5.0).collect();
            let w: Vec<f32> = (0..cin * cout).map(|v| (v % 7) as f32 - 3.0).collect();
            let b: Vec<f32> = (0..cout).map(|v| v as f32).collect();
            let residual: Vec<f32> = (0..pixels * cout).map(|v| (v % 5) as f32 - 2.0).collect();
            let want: Vec<f32> = (0..pixels * cout)
                .map(|i| {
                    let (p, co) = (i / cout, i % cout);
                    let sum = b[co]
                        + (0..cin)
                            .map(|ci| x[p * cin + ci] * w[ci * cout + co])
                            .sum::<f32>();
                    (sum + residual[i]).max(0.0)
                })
                .collect();
            let then = Rows {
                add: Some(&residual),
                relu: true,
            };
            let mut plain = vec![f32::NAN; pixels * cout];
            pointwise_blocks(&x, &w, &b, then, &mut plain);
            assert_eq!(plain, want, "{cin}→{cout} over {pixels}, no FMA");
            let mut fused = vec![f32::NAN; pixels * cout];
            pointwise(&x, &w, &b, then, &mut fused);
            assert_eq!(fused, want, "{cin}→{cout} over {pixels}");
        }
    }

    /// Every kernel this CPU can run (plain, and AVX2 and AVX-512 where it has them) against
    /// the definition on random values: each sum the bias, then the input channels in order,
    /// fused where the kernel fuses — the same to the bit, for blocks of eight, six and four
    /// pixels and their tails, 16-wide, 8-wide and narrower blocks.
    #[test]
    fn every_kernel_here_sums_random_values_as_the_definition_does() {
        let mut next = crate::test_values::random(11);
        let shapes = [
            (64, 1, 19),
            (16, 64, 17),
            (3, 16, 9),
            (27, 8, 11),
            (48, 24, 13),
            (5, 29, 7),
            (32, 4, 25),
            // AVX-512's 32-wide blocks, then a 16-wide one, then a narrower one.
            (8, 48, 9),
            (5, 40, 10),
            // Several whole blocks of pixels of the first layer's shape and a head's, and
            // their tails.
            (27, 16, 37),
            (64, 4, 35),
        ];
        for (cin, cout, pixels) in shapes {
            let x: Vec<f32> = (0..pixels * cin).map(|_| next()).collect();
            let w: Vec<f32> = (0..cin * cout).map(|_| next()).collect();
            let b: Vec<f32> = (0..cout).map(|_| next()).collect();
            let want = |fused: bool| -> Vec<f32> {
                (0..pixels * cout)
                    .map(|i| {
                        let (p, co) = (i / cout, i % cout);
                        (0..cin).fold(b[co], |acc, ci| {
                            let (v, t) = (x[p * cin + ci], w[ci * cout + co]);
                            if fused {
                                crate::fused_multiply_add(v, t, acc)
                            } else {
                                acc + v * t
                            }
                        })
                    })
                    .collect()
            };
            let then = Rows {
                add: None,
                relu: false,
            };
            let run = |kernel: &dyn Fn(&mut [f32])| {
                let mut got = vec![f32::NAN; pixels * cout];
                kernel(&mut got);
                got
            };
            let shape = format!("{cin}→{cout} over {pixels}");
            let plain = run(&|o| pointwise_blocks(&x, &w, &b, then, o));
            assert_eq!(plain, want(false), "plain, {shape}");
            #[cfg(target_arch = "x86_64")]
            {
                use std::arch::is_x86_feature_detected as has;
                if has!("avx2") && has!("fma") {
                    // SAFETY: the CPU has both features.
                    let avx2 = run(&|o| unsafe {
                        crate::pointwise_avx2::pointwise_avx2(&x, &w, &b, then, o)
                    });
                    assert_eq!(avx2, want(true), "AVX2, {shape}");
                }
                if has!("avx512f") {
                    // SAFETY: the CPU has it.
                    let avx512 = run(&|o| unsafe {
                        crate::pointwise_avx512::pointwise_avx512(&x, &w, &b, then, o)
                    });
                    assert_eq!(avx512, want(true), "AVX-512, {shape}");
                }
            }
        }
    }
}
