//! Blur that does not depend on what is in the picture: compares the region's own neighbour
//! differences with those of a re-blurred copy (Crété-Roffet et al., "The blur effect", 2007).
//! A sharp region loses much of its variation when blurred again, a blurred one hardly any.
//! Result in [0, 1]: 0 = sharp, 1 = completely blurred. Plain walls and white paper have
//! little variation either way, so the ratio, not the amount, is judged.

use super::frame::Rect;

const TAPS: usize = 9;

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

/// Sum of |d| of the original and of max(0, |d| − |d_blurred|) along rows.
fn horizontal(gray: &[u8], w: usize, roi: Rect) -> (u64, u64) {
    let (x0, x1) = (roi.x as usize, (roi.x + roi.w) as usize);
    let (mut var, mut lost) = (0u64, 0u64);
    let mut blurred = vec![0i32; x1 - x0];
    for y in roi.y as usize..(roi.y + roi.h) as usize {
        let row = &gray[y * w + x0..y * w + x1];
        box_blur(row.iter().map(|v| i32::from(*v)), &mut blurred);
        for i in 1..row.len() {
            let d = (i32::from(row[i]) - i32::from(row[i - 1])).unsigned_abs();
            let db = (blurred[i] - blurred[i - 1]).unsigned_abs() / TAPS as u32;
            var += u64::from(d);
            lost += u64::from(d.saturating_sub(db));
        }
    }
    (var, lost)
}

fn vertical(gray: &[u8], w: usize, roi: Rect) -> (u64, u64) {
    let (y0, y1) = (roi.y as usize, (roi.y + roi.h) as usize);
    let (mut var, mut lost) = (0u64, 0u64);
    let mut blurred = vec![0i32; y1 - y0];
    let mut col = vec![0i32; y1 - y0];
    for x in roi.x as usize..(roi.x + roi.w) as usize {
        for (i, y) in (y0..y1).enumerate() {
            col[i] = i32::from(gray[y * w + x]);
        }
        box_blur(col.iter().copied(), &mut blurred);
        for i in 1..col.len() {
            let d = (col[i] - col[i - 1]).unsigned_abs();
            let db = (blurred[i] - blurred[i - 1]).unsigned_abs() / TAPS as u32;
            var += u64::from(d);
            lost += u64::from(d.saturating_sub(db));
        }
    }
    (var, lost)
}

/// 9-tap running box sum (edges clamped); values are TAPS × the mean.
fn box_blur(values: impl Iterator<Item = i32>, out: &mut [i32]) {
    let v: Vec<i32> = values.collect();
    let n = v.len();
    if n == 0 {
        return;
    }
    let half = TAPS / 2;
    let at = |i: isize| v[i.clamp(0, n as isize - 1) as usize];
    let mut sum: i32 = (-(half as isize)..=half as isize).map(at).sum();
    for (i, o) in out.iter_mut().enumerate().take(n) {
        *o = sum;
        sum += at(i as isize + half as isize + 1) - at(i as isize - half as isize);
    }
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
