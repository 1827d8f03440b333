//! From camera pixels to the model's input: a region of an RGB8 picture scaled (area-averaged
//! when shrinking, linear when growing), values −1…1, padded right and below with −1 (black)
//! to a multiple of `multiple`.

use super::Tensor;

/// `rgb`: `width`×`height` RGB8 pixels; `region`: (x, y, w, h) inside them; `scale`: input
/// pixels per picture pixel.
pub fn rgb_region(
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
    let mut t = Tensor {
        h: ph,
        w: pw,
        c: 3,
        data: vec![-1.0; ph * pw * 3],
    };
    if width == 0 || height == 0 || rgb.len() < width * height * 3 {
        return t;
    }
    let cols = spans(rx, rw, sw, width);
    let rows = spans(ry, rh, sh, height);
    let stride = width * 3;
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
        let at = oy * pw * 3;
        for (o, v) in t.data[at..at + sw * 3].iter_mut().zip(&line) {
            *o = v / 127.5 - 1.0;
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
mod tests {
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
