//! Blur that does not depend on what is in the picture: compares the region's own neighbour
//! differences with those of a re-blurred copy (Crété-Roffet et al., "The blur effect", 2007).
//! A sharp region loses much of its variation when blurred again, a blurred one hardly any.
//! Result in [0, 1]: 0 = sharp, 1 = completely blurred. Plain walls and white paper have
//! little variation either way, so the ratio, not the amount, is judged.

use super::frame::Rect;

/// The re-blur is a 9-tap box (edges clamped). Neighbour differences of a running box sum
/// need no blurred copy: sum(i) − sum(i−1) = v[i+4] − v[i−5], so each difference is two
/// reads, and rows and columns are both walked row by row (contiguous, vectorises).
const HALF: usize = 4;
const TAPS: u8 = 9;

/// Blur of `roi` in the grey frame (row length `width`).
pub fn blur(gray: &[u8], width: u32, roi: Rect) -> f64 {
    let (h_var, h_lost) = horizontal(gray, width as usize, roi);
    let (v_var, v_lost) = vertical(gray, width as usize, roi);
    let b = |var: u64, lost: u64| {
        if var == 0 {
            1.0
        } else {
            (var - lost.min(var)) as f64 / var as f64
        }
    };
    b(h_var, h_lost).max(b(v_var, v_lost)).clamp(0.0, 1.0)
}

/// One neighbour difference `d` = |now − before| and what the re-blur keeps of it
/// (`reach` = |ahead − behind| / 9): returns (d, max(0, d − kept)).
#[inline(always)]
fn step(now: u8, before: u8, ahead: u8, behind: u8) -> (u32, u32) {
    let d = now.abs_diff(before);
    let kept = ahead.abs_diff(behind) / TAPS;
    (u32::from(d), u32::from(d.saturating_sub(kept)))
}

/// Sum of |d| of the original and of max(0, |d| − |d_blurred|) along rows.
fn horizontal(gray: &[u8], w: usize, roi: Rect) -> (u64, u64) {
    let (x0, x1) = (roi.x as usize, (roi.x + roi.w) as usize);
    let n = x1 - x0;
    let (mut var, mut lost) = (0u64, 0u64);
    for y in roi.y as usize..(roi.y + roi.h) as usize {
        let row = &gray[y * w + x0..y * w + x1];
        let at = |i: usize, back: usize| row[i.saturating_sub(back).min(n - 1)];
        let ahead = |i: usize| row[(i + HALF).min(n - 1)];
        let (mut rv, mut rl) = (0u32, 0u32);
        // Edges, where the box is clamped: i < 5 and i > n − 5.
        let inner = (HALF + 1)..n.saturating_sub(HALF).max(HALF + 1);
        for i in (1..n).filter(|i| !inner.contains(i)) {
            let (d, l) = step(row[i], row[i - 1], ahead(i), at(i, HALF + 1));
            rv += d;
            rl += l;
        }
        if !inner.is_empty() {
            let (a, b) = (inner.start, inner.end);
            let (d, l) = steps(
                &row[a..b],
                &row[a - 1..b - 1],
                &row[a + HALF..b + HALF],
                &row[a - HALF - 1..b - HALF - 1],
            );
            rv += d;
            rl += l;
        }
        var += u64::from(rv);
        lost += u64::from(rl);
    }
    (var, lost)
}

/// The same down the columns, a whole row of the region at a time.
fn vertical(gray: &[u8], w: usize, roi: Rect) -> (u64, u64) {
    let (x0, x1) = (roi.x as usize, (roi.x + roi.w) as usize);
    let (y0, m) = (roi.y as usize, roi.h as usize);
    let row = |i: usize| &gray[(y0 + i) * w + x0..(y0 + i) * w + x1];
    let (mut var, mut lost) = (0u64, 0u64);
    for i in 1..m {
        let (now, before) = (row(i), row(i - 1));
        let ahead = row((i + HALF).min(m - 1));
        let behind = row(i.saturating_sub(HALF + 1));
        let (rv, rl) = steps(now, before, ahead, behind);
        var += u64::from(rv);
        lost += u64::from(rl);
    }
    (var, lost)
}

/// Elements summed in 16 bits before widening: 256 × 255 < 65 536.
const CHUNK: usize = 256;

/// `step` over four equally long slices, summed (one region row: at most 255 × its width).
/// Each chunk of `CHUNK` sums in u16, which the compiler vectorises twice as wide as u32.
#[inline(always)]
fn steps(now: &[u8], before: &[u8], ahead: &[u8], behind: &[u8]) -> (u32, u32) {
    let (mut var, mut lost) = (0u32, 0u32);
    let n = now
        .len()
        .min(before.len())
        .min(ahead.len())
        .min(behind.len());
    for start in (0..n).step_by(CHUNK) {
        let end = (start + CHUNK).min(n);
        let (mut v, mut l) = (0u16, 0u16);
        for (((p, q), r), s) in now[start..end]
            .iter()
            .zip(&before[start..end])
            .zip(&ahead[start..end])
            .zip(&behind[start..end])
        {
            let d = p.abs_diff(*q);
            let kept = r.abs_diff(*s) / TAPS;
            v += u16::from(d);
            l += u16::from(d.saturating_sub(kept));
        }
        var += u32::from(v);
        lost += u32::from(l);
    }
    (var, lost)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checker(w: u32, h: u32, cell: u32) -> Vec<u8> {
        (0..h)
            .flat_map(|y| {
                (0..w).map(move |x| {
                    if (x / cell + y / cell).is_multiple_of(2) {
                        30
                    } else {
                        220
                    }
                })
            })
            .collect()
    }

    /// The measure as first written: a blurred copy per row and column, then differences.
    fn reference(gray: &[u8], w: usize, roi: Rect) -> f64 {
        let blurred_diffs = |v: Vec<i32>| -> (u64, u64) {
            let n = v.len() as isize;
            let at = |i: isize| v[i.clamp(0, n - 1) as usize];
            let blurred: Vec<i32> = (0..n).map(|i| (i - 4..=i + 4).map(at).sum()).collect();
            let (mut var, mut lost) = (0u64, 0u64);
            for i in 1..v.len() {
                let d = (v[i] - v[i - 1]).unsigned_abs();
                let db = (blurred[i] - blurred[i - 1]).unsigned_abs() / 9;
                var += u64::from(d);
                lost += u64::from(d.saturating_sub(db));
            }
            (var, lost)
        };
        let px = |x: u32, y: u32| i32::from(gray[y as usize * w + x as usize]);
        let (mut h, mut v) = ((0, 0), (0, 0));
        for y in roi.y..roi.y + roi.h {
            let r = blurred_diffs((roi.x..roi.x + roi.w).map(|x| px(x, y)).collect());
            h = (h.0 + r.0, h.1 + r.1);
        }
        for x in roi.x..roi.x + roi.w {
            let r = blurred_diffs((roi.y..roi.y + roi.h).map(|y| px(x, y)).collect());
            v = (v.0 + r.0, v.1 + r.1);
        }
        let b = |(var, lost): (u64, u64)| {
            if var == 0 {
                1.0
            } else {
                (var - lost.min(var)) as f64 / var as f64
            }
        };
        b(h).max(b(v)).clamp(0.0, 1.0)
    }

    #[test]
    fn same_as_the_blurred_copy_measure_on_any_region() {
        let (w, h) = (97u32, 61u32);
        let mut seed = 0x2545_f491u32;
        let gray: Vec<u8> = (0..w * h)
            .map(|i| {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                ((i % w) * 2 + (seed & 31)) as u8
            })
            .collect();
        for roi in [
            Rect { x: 0, y: 0, w, h },
            Rect {
                x: 3,
                y: 5,
                w: 40,
                h: 30,
            },
            Rect {
                x: 90,
                y: 50,
                w: 7,
                h: 11,
            },
            Rect {
                x: 10,
                y: 10,
                w: 1,
                h: 9,
            },
            Rect {
                x: 10,
                y: 10,
                w: 9,
                h: 1,
            },
            Rect {
                x: 20,
                y: 20,
                w: 10,
                h: 10,
            },
        ] {
            assert_eq!(
                blur(&gray, w, roi),
                reference(&gray, w as usize, roi),
                "{roi:?}"
            );
        }
        // Rows longer than one 16-bit chunk (and not a multiple of it), every byte value.
        let (w, h) = (601u32, 6u32);
        let gray = crate::analysis::frame::noise_bytes(&mut seed, (w * h) as usize);
        let roi = Rect { x: 0, y: 0, w, h };
        assert_eq!(blur(&gray, w, roi), reference(&gray, w as usize, roi));
    }

    #[test]
    fn sharp_edges_score_low_and_blurred_high() {
        let (w, h) = (64u32, 64u32);
        let sharp = checker(w, h, 8);
        let roi = Rect { x: 0, y: 0, w, h };
        let b_sharp = blur(&sharp, w, roi);
        // The same pattern box-blurred over 7 pixels.
        let mut soft = sharp.clone();
        for _ in 0..3 {
            let src = soft.clone();
            for y in 0..h as usize {
                for x in 0..w as usize {
                    let xs = x.saturating_sub(3)..(x + 4).min(w as usize);
                    let n = xs.len() as u32;
                    soft[y * w as usize + x] = (xs
                        .map(|xx| u32::from(src[y * w as usize + xx]))
                        .sum::<u32>()
                        / n) as u8;
                }
            }
        }
        let b_soft = blur(&soft, w, roi);
        assert!(b_sharp < 0.3, "{b_sharp}");
        assert!(b_soft > b_sharp + 0.2, "{b_soft} vs {b_sharp}");
        assert_eq!(blur(&vec![128u8; 64 * 64], 64, roi), 1.0);
    }
}
