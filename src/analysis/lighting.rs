//! Exposure of the region that matters (the face, else the frame's centre), after the
//! OFIQ (ISO/IEC 29794-5) measures: mean luma, under- and over-exposed fractions, dynamic
//! range; plus backlight (region much darker than its surround) and uneven light (left half
//! against right half).

use super::frame::Rect;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lighting {
    pub mean: f64,
    pub under_fraction: f64,
    pub over_fraction: f64,
    /// Luma spread between the 1st and 99th percentile of the region.
    pub dynamic_range: u8,
    /// Surround mean minus region mean (positive = region darker: backlight).
    pub backlight_delta: f64,
    /// |left half − right half| of the region.
    pub uneven_delta: f64,
}

/// One pass over the grey frame; `roi` must lie inside it.
pub fn measure(gray: &[u8], width: u32, height: u32, roi: Rect, under: u8, over: u8) -> Lighting {
    let w = width as usize;
    // Four histograms, one per pixel position mod 4, summed at the end: runs of one grey
    // level (a flat wall, a clipped window) would otherwise make every count wait for the
    // previous one to be stored.
    let mut hists = [[0u32; 256]; 4];
    let (mut sum_all, mut left, mut right) = (0u64, 0u64, 0u64);
    let (x0, x1) = (roi.x as usize, (roi.x + roi.w) as usize);
    let mid = x0 + (x1 - x0) / 2;
    // A row sums in u32 (at most 255 × its length), which vectorises eight lanes wide.
    let row_sum = |r: &[u8]| u64::from(r.iter().map(|v| u32::from(*v)).sum::<u32>());
    for (y, row) in gray.chunks_exact(w).enumerate().take(height as usize) {
        sum_all += row_sum(row);
        if y < roi.y as usize || y >= (roi.y + roi.h) as usize {
            continue;
        }
        for half in [&row[x0..mid], &row[mid..x1]] {
            let mut quads = half.chunks_exact(4);
            for q in &mut quads {
                for (h, v) in hists.iter_mut().zip(q) {
                    h[usize::from(*v)] += 1;
                }
            }
            for v in quads.remainder() {
                hists[0][usize::from(*v)] += 1;
            }
        }
        left += row_sum(&row[x0..mid]);
        right += row_sum(&row[mid..x1]);
    }
    let mut hist = [0u64; 256];
    for h in &hists {
        for (t, c) in hist.iter_mut().zip(h) {
            *t += u64::from(*c);
        }
    }
    let n = roi.area().max(1);
    let sum_roi = left + right;
    let mean = sum_roi as f64 / n as f64;
    let under_n: u64 = hist[..=usize::from(under)].iter().sum();
    let over_n: u64 = hist[usize::from(over)..].iter().sum();
    let percentile = |p: f64| {
        let target = (p * n as f64) as u64;
        let mut acc = 0;
        for (i, c) in hist.iter().enumerate() {
            acc += c;
            if acc > target {
                return i as u8;
            }
        }
        255
    };
    let surround_n = (u64::from(width) * u64::from(height))
        .saturating_sub(n)
        .max(1);
    let surround_mean = (sum_all - sum_roi) as f64 / surround_n as f64;
    let half_l = ((mid - x0) as u64 * u64::from(roi.h)).max(1);
    let half_r = ((x1 - mid) as u64 * u64::from(roi.h)).max(1);
    Lighting {
        mean,
        under_fraction: under_n as f64 / n as f64,
        over_fraction: over_n as f64 / n as f64,
        dynamic_range: percentile(0.99).saturating_sub(percentile(0.01)),
        backlight_delta: surround_mean - mean,
        uneven_delta: (left as f64 / half_l as f64 - right as f64 / half_r as f64).abs(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dark_face_on_bright_background_is_backlit() {
        let (w, h) = (100u32, 100u32);
        let mut g = vec![230u8; (w * h) as usize];
        let roi = Rect {
            x: 25,
            y: 25,
            w: 50,
            h: 50,
        };
        for y in 25..75 {
            for x in 25..75 {
                g[y * 100 + x] = if x < 50 { 40 } else { 90 };
            }
        }
        let l = measure(&g, w, h, roi, 25, 247);
        assert!((l.mean - 65.0).abs() < 0.01);
        assert!(l.backlight_delta > 150.0);
        assert!((l.uneven_delta - 50.0).abs() < 0.01);
        assert_eq!(l.under_fraction, 0.0);
        assert_eq!(l.dynamic_range, 50);
    }

    #[test]
    fn counts_and_sums_match_a_pixel_by_pixel_reading() {
        // An odd-sized region (remainders after the groups of four) over varied bytes.
        let (w, h) = (61u32, 37u32);
        let g: Vec<u8> = (0..w * h).map(|i| (i * 97 % 256) as u8).collect();
        let roi = Rect {
            x: 3,
            y: 5,
            w: 43,
            h: 29,
        };
        let l = measure(&g, w, h, roi, 20, 240);
        let inside: Vec<u8> = (roi.y..roi.y + roi.h)
            .flat_map(|y| (roi.x..roi.x + roi.w).map(move |x| (y, x)))
            .map(|(y, x)| g[(y * w + x) as usize])
            .collect();
        let n = inside.len() as f64;
        let mean = inside.iter().map(|v| f64::from(*v)).sum::<f64>() / n;
        let under = inside.iter().filter(|v| **v <= 20).count() as f64 / n;
        let over = inside.iter().filter(|v| **v >= 240).count() as f64 / n;
        let all = g.iter().map(|v| f64::from(*v)).sum::<f64>();
        let surround = (all - mean * n) / (f64::from(w * h) - n);
        assert!((l.mean - mean).abs() < 1e-9);
        assert!((l.under_fraction - under).abs() < 1e-12);
        assert!((l.over_fraction - over).abs() < 1e-12);
        assert!((l.backlight_delta - (surround - mean)).abs() < 1e-9);
    }
}
