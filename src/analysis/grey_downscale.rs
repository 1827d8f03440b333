//! The grey copy every image measure works on: RGB → BT.601 luma → box downscale to the
//! analysis scale, in one pass over the frame. It reads every byte of the frame, so it is the
//! largest part of the per-frame cost; two versions, chosen by what the CPU can do.

use super::frame::RgbFrame;

/// RGB → grey → box downscale by `factor`, in one pass over the frame: the `factor` rows of
/// each output row are first added element by element (contiguous, vectorises), then each
/// block's channel sums are weighted once (BT.601 weights 77/150/29 out of 256).
pub fn small_gray(frame: &RgbFrame, factor: u32) -> (Vec<u8>, u32, u32) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: this CPU has AVX2, checked on the line above.
        return unsafe { small_gray_avx2(frame, factor) };
    }
    small_gray_any_cpu(frame, factor)
}

/// On CPUs with AVX2 (most PCs since 2013), chosen at run time: each row is split into R, G
/// and B planes as it is added up (AVX2 can split 3-byte pixels in registers; without it that
/// split is slow, hence the interleaved version for other CPUs), so the block sums and the
/// weighting are plain contiguous arithmetic. Same result to the bit (tested).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn small_gray_avx2(frame: &RgbFrame, factor: u32) -> (Vec<u8>, u32, u32) {
    match factor.clamp(1, 16) {
        1 => planar::<1>(frame),
        2 => half(frame),
        3 => planar::<3>(frame),
        4 => planar::<4>(frame),
        _ => small_gray_any_cpu(frame, factor),
    }
}

/// Factor 2 (720p): two frame rows at a time through `grey_half::row`.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn half(frame: &RgbFrame) -> (Vec<u8>, u32, u32) {
    let (w, h) = (frame.width as usize, frame.height as usize);
    let (w2, h2) = ((w / 2).max(1), (h / 2).max(1));
    let mut out = vec![0u8; w2 * h2];
    if w < 2 || h < 2 {
        return (out, w2 as u32, h2 as u32);
    }
    for (y2, line) in out.chunks_exact_mut(w2).enumerate() {
        let top = &frame.data[2 * y2 * w * 3..(2 * y2 + 1) * w * 3];
        let bottom = &frame.data[(2 * y2 + 1) * w * 3..(2 * y2 + 2) * w * 3];
        // SAFETY: this function is compiled for, and only called on, CPUs with AVX2.
        unsafe { super::grey_half::row(top, bottom, line) };
    }
    (out, w2 as u32, h2 as u32)
}

/// The planar version for a constant factor `F` (1 to 4; up to 16 rows of bytes fit a u16).
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn planar<const F: usize>(frame: &RgbFrame) -> (Vec<u8>, u32, u32) {
    let (w, h) = (frame.width as usize, frame.height as usize);
    let (w2, h2) = ((w / F).max(1), (h / F).max(1));
    let mut out = vec![0u8; w2 * h2];
    if w < F || h < F {
        return (out, w2 as u32, h2 as u32);
    }
    let used = w2 * F;
    let (mut r, mut g, mut b) = (vec![0u16; used], vec![0u16; used], vec![0u16; used]);
    let div = (F * F * 256) as u32;
    for y2 in 0..h2 {
        for dy in 0..F {
            let start = (y2 * F + dy) * w * 3;
            let pixels = frame.data[start..start + used * 3].chunks_exact(3);
            let planes = r.iter_mut().zip(g.iter_mut()).zip(b.iter_mut());
            if dy == 0 {
                for (p, ((r, g), b)) in pixels.zip(planes) {
                    (*r, *g, *b) = (u16::from(p[0]), u16::from(p[1]), u16::from(p[2]));
                }
            } else {
                for (p, ((r, g), b)) in pixels.zip(planes) {
                    *r += u16::from(p[0]);
                    *g += u16::from(p[1]);
                    *b += u16::from(p[2]);
                }
            }
        }
        let blocks = r
            .chunks_exact(F)
            .zip(g.chunks_exact(F))
            .zip(b.chunks_exact(F));
        for (o, ((r, g), b)) in out[y2 * w2..y2 * w2 + w2].iter_mut().zip(blocks) {
            let (mut sr, mut sg, mut sb) = (0u32, 0u32, 0u32);
            for k in 0..F {
                sr += u32::from(r[k]);
                sg += u32::from(g[k]);
                sb += u32::from(b[k]);
            }
            *o = block_luma(sr, sg, sb, div);
        }
    }
    (out, w2 as u32, h2 as u32)
}

#[inline(always)]
fn small_gray_any_cpu(frame: &RgbFrame, factor: u32) -> (Vec<u8>, u32, u32) {
    let f = factor.clamp(1, 16) as usize;
    let (w, h) = (frame.width as usize, frame.height as usize);
    let (w2, h2) = ((w / f).max(1), (h / f).max(1));
    let mut out = vec![0u8; w2 * h2];
    if w < f || h < f {
        return (out, w2 as u32, h2 as u32);
    }
    let used = w2 * f * 3;
    // Up to 16 rows of u8 sum into u16 without overflow (16 × 255 < 65536).
    let mut rows = vec![0u16; used];
    let div = (f * f) as u32 * 256;
    for y2 in 0..h2 {
        let first = y2 * f * w * 3;
        for (a, b) in rows.iter_mut().zip(&frame.data[first..first + used]) {
            *a = u16::from(*b);
        }
        for dy in 1..f {
            let start = (y2 * f + dy) * w * 3;
            for (a, b) in rows.iter_mut().zip(&frame.data[start..start + used]) {
                *a += u16::from(*b);
            }
        }
        let line = &mut out[y2 * w2..y2 * w2 + w2];
        match f {
            1 => weigh_blocks::<1>(&rows, line),
            2 => weigh_blocks::<2>(&rows, line),
            3 => weigh_blocks::<3>(&rows, line),
            4 => weigh_blocks::<4>(&rows, line),
            _ => {
                for (o, block) in line.iter_mut().zip(rows.chunks_exact(f * 3)) {
                    let (mut r, mut g, mut b) = (0u32, 0u32, 0u32);
                    for p in block.chunks_exact(3) {
                        r += u32::from(p[0]);
                        g += u32::from(p[1]);
                        b += u32::from(p[2]);
                    }
                    *o = block_luma(r, g, b, div);
                }
            }
        }
    }
    (out, w2 as u32, h2 as u32)
}

/// One output row from row sums: `F` pixels a block, channel sums weighted once. `F` is a
/// constant so the inner loop unrolls and the division becomes a multiply.
#[inline(always)]
fn weigh_blocks<const F: usize>(rows: &[u16], line: &mut [u8]) {
    let div = (F * F * 256) as u32;
    for (o, block) in line.iter_mut().zip(rows.chunks_exact(F * 3)) {
        let (mut r, mut g, mut b) = (0u32, 0u32, 0u32);
        for k in 0..F {
            r += u32::from(block[3 * k]);
            g += u32::from(block[3 * k + 1]);
            b += u32::from(block[3 * k + 2]);
        }
        *o = block_luma(r, g, b, div);
    }
}

/// A block's channel sums weighted once (BT.601, 77/150/29 out of 256); `div` is
/// 256 × the pixels in the block.
#[inline(always)]
fn block_luma(r: u32, g: u32, b: u32, div: u32) -> u8 {
    ((77 * r + 150 * g + 29 * b) / div) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_gray_is_the_same_on_every_cpu_path() {
        let white = RgbFrame {
            width: 67,
            height: 35,
            data: vec![255; 67 * 35 * 3],
        };
        for frame in [crate::bench::synthetic_frame(203, 117), white] {
            for factor in 1..=6 {
                assert_eq!(
                    small_gray(&frame, factor),
                    small_gray_any_cpu(&frame, factor),
                    "factor {factor}"
                );
            }
        }
    }

    #[test]
    fn half_size_grey_is_the_same_on_every_cpu_path_for_any_bytes_and_width() {
        // Every byte value in every position, and widths around the 16-block turn (the
        // last turn's extra read, the tail done one block at a time).
        let mut seed = 0x9e37_79b9u32;
        for width in (1..=70).chain([1279, 1280, 1283]) {
            let height = 5;
            let data =
                crate::analysis::frame::noise_bytes(&mut seed, (width * height * 3) as usize);
            let frame = RgbFrame {
                width,
                height,
                data,
            };
            assert_eq!(
                small_gray(&frame, 2),
                small_gray_any_cpu(&frame, 2),
                "width {width}"
            );
        }
    }

    #[test]
    fn small_gray_matches_per_pixel_luma_averaged() {
        let frame = RgbFrame {
            width: 4,
            height: 2,
            data: vec![
                200, 100, 50, 10, 20, 30, 0, 0, 0, 255, 255, 255, 90, 90, 90, 60, 30, 0, 1, 2, 3,
                250, 250, 250,
            ],
        };
        let (g, w, h) = small_gray(&frame, 2);
        assert_eq!((w, h), (2, 1));
        let grey = frame.to_gray();
        let expect0 =
            (u32::from(grey[0]) + u32::from(grey[1]) + u32::from(grey[4]) + u32::from(grey[5])) / 4;
        assert!(
            (i32::from(g[0]) - expect0 as i32).abs() <= 1,
            "{} vs {expect0}",
            g[0]
        );
    }
}
