//! How far a turning camera smeared the picture along its rows. While a picture is exposed the
//! turn slides the room sideways, so each point is spread over a run of `L` pixels (the turn's
//! speed times the exposure: a dim room's 1/30 s at a 45°/s turn is about 27 px at 720p). A
//! far face smeared by about half its width is no longer found, even looked at unsmeared
//! (README, "Motion blur"): a pan whose pictures are smeared that much was not searched for
//! far faces, whatever the search says.
//!
//! Read from the picture alone, by the gaps a box leaves in the frequencies (the cepstrum:
//! Rom 1975, Cannon 1976): a box of `L` pixels passes nothing at 1/L, 2/L, … cycles a pixel,
//! so the rows' log power spectrum dips at even steps of 1/L, and the spectrum of that
//! spectrum dips at `L` pixels. A picture's own detail has no such even steps. Two things
//! from JPEG, which webcams and recorded pans use, are left out: its 8- and 16-pixel blocks
//! (with colour halved) put a comb at multiples of 1/16 cycle a pixel, taken out; and its
//! coarse high frequencies fill the gaps there, so only up to 1/4 cycle a pixel is read.

use super::frame::RgbFrame;

/// The shortest smear told apart from a sharp picture's own softness (pixels).
const SHORTEST: usize = 3;
/// The longest smear looked for (pixels; at most a quarter of `PIECE`, so a piece holds
/// several runs).
pub const LONGEST: usize = 48;
/// Row pieces this long (a power of two) are each taken to the frequency domain.
const PIECE: usize = 256;
/// Every `ROW_STEP`-th row is read: the smear runs along the rows, and rows close together
/// tell the same (every fourth row gave the same lengths on the tuning pictures).
const ROW_STEP: usize = 8;
/// Frequencies read: up to 1/4 cycle a pixel (`PIECE / 4` steps of 1/`PIECE`).
const BAND: usize = PIECE / 4;
/// JPEG's comb: every 1/16 cycle a pixel.
const COMB: usize = PIECE / 16;
/// How deep the dip must be to be a smear: on the tuning pictures (`tests/fixtures/images`,
/// 1280×720, JPEG) a sharp picture's deepest dip from 13 px on was at most 0.08, smears of 9
/// to 27 px at least 0.25 on sharp photos (real blurred photos less).
pub const MIN_CLARITY: f64 = 0.12;

/// The smear along rows in frame pixels, when one of `SHORTEST`..=`LONGEST` shows clearly
/// (a sharp picture's own softness reads as the shortest, 3–6 px); None for a picture too
/// plain to tell, or too narrow.
pub fn smear_px(frame: &RgbFrame) -> Option<f32> {
    let (q, clarity) = deepest_dip(frame)?;
    (clarity >= MIN_CLARITY).then_some(q as f32)
}

/// The smear length whose dip is deepest, and how deep it is (the cepstrum's value, negated).
fn deepest_dip(frame: &RgbFrame) -> Option<(usize, f64)> {
    let size = (frame.width as usize, frame.height as usize);
    let power = selfcheck_nn::rgb_row_spectrum(&frame.data, size, ROW_STEP, PIECE);
    if power.len() <= BAND {
        return None;
    }
    let mut log: Vec<f64> = power.iter().map(|p| p.max(1e-3).ln()).collect();
    for f in (COMB..BAND).step_by(COMB) {
        log[f] = (log[f - 1] + log[f + 1]) / 2.0;
    }
    let mean = log[1..BAND].iter().sum::<f64>() / (BAND - 1) as f64;
    // The band tapered to its end (a hard edge would ring at every length).
    let tapered: Vec<(f64, f64)> = (1..BAND)
        .map(|f| {
            let taper = 0.5 + 0.5 * (std::f64::consts::PI * f as f64 / BAND as f64).cos();
            (f as f64, taper * (log[f] - mean))
        })
        .collect();
    let cepstrum = |q: usize| {
        let turn = std::f64::consts::TAU * q as f64 / PIECE as f64;
        tapered
            .iter()
            .map(|(f, v)| v * (turn * f).cos())
            .sum::<f64>()
            / (BAND as f64 / 2.0)
    };
    (SHORTEST..=LONGEST)
        .map(|q| (q, -cepstrum(q)))
        .max_by(|a, b| a.1.total_cmp(&b.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 1280×360 picture of fine irregular detail (a fixed pseudo-random texture, softened
    /// over two pixels as a lens does), each row smeared by a box `length` pixels wide.
    fn textured(length: usize) -> RgbFrame {
        let (w, h) = (1280usize, 360usize);
        let mut seed = 12345u32;
        let mut data = Vec::with_capacity(w * h * 3);
        for _ in 0..h {
            let raw: Vec<f32> = (0..w + length + 1)
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    f32::from((seed >> 16) as u8)
                })
                .collect();
            let soft: Vec<f32> = raw.windows(2).map(|p| (p[0] + p[1]) / 2.0).collect();
            for x in 0..w {
                let v = soft[x..x + length].iter().sum::<f32>() / length as f32;
                let v = v.round() as u8;
                data.extend_from_slice(&[v, v, v]);
            }
        }
        RgbFrame {
            width: w as u32,
            height: h as u32,
            data,
        }
    }

    #[test]
    fn a_smear_is_read_to_its_length() {
        for length in [5, 9, 13, 17, 27, 40] {
            let got = smear_px(&textured(length));
            assert_eq!(got, Some(length as f32), "{length}");
        }
    }

    #[test]
    fn a_sharp_or_plain_or_narrow_picture_shows_no_smear() {
        // The lens's softness reads as the shortest lengths at most.
        let sharp = smear_px(&textured(1));
        assert!(sharp.is_none_or(|l| l <= 4.0), "{sharp:?}");
        let plain = RgbFrame {
            width: 1280,
            height: 100,
            data: vec![120; 1280 * 100 * 3],
        };
        assert_eq!(smear_px(&plain), None);
        let narrow = RgbFrame {
            width: 200,
            height: 100,
            data: vec![120; 200 * 100 * 3],
        };
        assert_eq!(smear_px(&narrow), None);
    }
}
