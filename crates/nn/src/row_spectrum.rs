//! How a picture's detail along its rows is spread over the frequencies: the mean power
//! spectrum of its rows (Welch's method). A camera turning while the picture is exposed smears
//! every row through a box, and a box of `L` pixels passes nothing at 1/L, 2/L, … cycles a
//! pixel: those gaps show in this spectrum (the app reads their spacing, `turn_smear`).

/// The mean power spectrum of the rows of `rgb` (`w`×`h`, three bytes a pixel): every
/// `row_step`-th row's grey (BT.601 weights 77/150/29 out of 256) differences between
/// neighbours (which flattens a picture's usual fall of power with frequency), cut into
/// pieces `piece` pixels long (a power of two) overlapping by half, each through a Hann
/// window. Power at 0, 1/piece, … , 1/2 cycles a pixel (`piece / 2 + 1` values); empty when
/// no piece fits in a row.
pub fn rgb_row_spectrum(
    rgb: &[u8],
    (w, h): (usize, usize),
    row_step: usize,
    piece: usize,
) -> Vec<f64> {
    if !piece.is_power_of_two() || piece < 4 || w < piece + 1 || rgb.len() < w * h * 3 {
        return Vec::new();
    }
    let fft = Fft::new(piece);
    let window: Vec<f32> = (0..piece)
        .map(|i| 0.5 - 0.5 * (std::f32::consts::TAU * i as f32 / piece as f32).cos())
        .collect();
    let mut power = vec![0f64; piece / 2 + 1];
    let mut pieces = 0u32;
    let mut grey = vec![0f32; w];
    let (mut re, mut im) = (vec![0f32; piece], vec![0f32; piece]);
    for row in rgb.chunks_exact(w * 3).take(h).step_by(row_step.max(1)) {
        for (g, p) in grey.iter_mut().zip(row.chunks_exact(3)) {
            let y = (77 * u32::from(p[0]) + 150 * u32::from(p[1]) + 29 * u32::from(p[2])) >> 8;
            *g = y as f32;
        }
        let mut x = 0;
        while x + piece < w {
            for (i, (r, m)) in re.iter_mut().zip(im.iter_mut()).enumerate() {
                *r = (grey[x + i + 1] - grey[x + i]) * window[i];
                *m = 0.0;
            }
            fft.run(&mut re, &mut im);
            for (f, p) in power.iter_mut().enumerate() {
                *p += f64::from(re[f] * re[f] + im[f] * im[f]);
            }
            pieces += 1;
            x += piece / 2;
        }
    }
    for p in &mut power {
        *p /= f64::from(pieces.max(1));
    }
    power
}

/// An in-place radix-2 fast Fourier transform of one length, its turns worked out once.
struct Fft {
    cos: Vec<f32>,
    sin: Vec<f32>,
}

impl Fft {
    fn new(n: usize) -> Self {
        let angle = |k: usize| -std::f32::consts::TAU * k as f32 / n as f32;
        Fft {
            cos: (0..n / 2).map(|k| angle(k).cos()).collect(),
            sin: (0..n / 2).map(|k| angle(k).sin()).collect(),
        }
    }

    fn run(&self, re: &mut [f32], im: &mut [f32]) {
        let n = re.len();
        let mut j = 0;
        for i in 1..n {
            let mut bit = n >> 1;
            while j & bit != 0 {
                j ^= bit;
                bit >>= 1;
            }
            j |= bit;
            if i < j {
                re.swap(i, j);
                im.swap(i, j);
            }
        }
        let mut len = 2;
        while len <= n {
            let stride = n / len;
            for start in (0..n).step_by(len) {
                for k in 0..len / 2 {
                    let (c, s) = (self.cos[k * stride], self.sin[k * stride]);
                    let (a, b) = (start + k, start + k + len / 2);
                    let (tr, ti) = (re[b] * c - im[b] * s, re[b] * s + im[b] * c);
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
            len <<= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A grey picture whose rows follow `f(x)`.
    fn rows(w: usize, h: usize, f: impl Fn(usize) -> f32) -> Vec<u8> {
        (0..h)
            .flat_map(|_| (0..w).map(&f))
            .flat_map(|v| {
                let v = v.round().clamp(0.0, 255.0) as u8;
                [v, v, v]
            })
            .collect()
    }

    #[test]
    fn a_wave_along_the_rows_shows_at_its_frequency() {
        // 16 pixels a wave: 1/16 cycle a pixel, bin 16 of a 256-long piece.
        let wave = |x: usize| 128.0 + 60.0 * (std::f32::consts::TAU * x as f32 / 16.0).sin();
        let p = rgb_row_spectrum(&rows(700, 20, wave), (700, 20), 4, 256);
        assert_eq!(p.len(), 129);
        let top = (0..p.len()).max_by(|&a, &b| p[a].total_cmp(&p[b]));
        assert_eq!(top, Some(16));
        assert!(p[16] > 100.0 * p[40], "{} {}", p[16], p[40]);
    }

    #[test]
    fn the_transform_matches_the_plain_sum() {
        let n = 16;
        let x: Vec<f32> = (0..n).map(|i| ((i * 7) % 5) as f32 - 2.0).collect();
        let (mut re, mut im) = (x.clone(), vec![0.0; n]);
        Fft::new(n).run(&mut re, &mut im);
        for f in 0..n {
            let (mut r, mut i) = (0.0f32, 0.0f32);
            for (k, v) in x.iter().enumerate() {
                let a = -std::f32::consts::TAU * (f * k) as f32 / n as f32;
                r += v * a.cos();
                i += v * a.sin();
            }
            assert!((re[f] - r).abs() < 1e-3 && (im[f] - i).abs() < 1e-3, "{f}");
        }
    }

    #[test]
    fn too_short_rows_or_a_wrong_piece_give_nothing() {
        let flat = rows(100, 4, |_| 90.0);
        assert!(rgb_row_spectrum(&flat, (100, 4), 1, 256).is_empty());
        assert!(rgb_row_spectrum(&flat, (100, 4), 1, 48).is_empty());
    }
}
