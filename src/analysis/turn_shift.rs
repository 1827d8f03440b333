//! How far the picture slid sideways between two looks while the camera turns. During the
//! 360° pan far faces are searched in the picture's middle column only (`face_search`); the
//! turn carries the room through it. If the picture slides further than that column between
//! two face looks, a part of the room was never in it: a far face there could not be seen.
//!
//! Measured on column profiles: the picture, cut into a few horizontal bands, each band's
//! grey mean per narrow column. Turning the camera slides every band's profile sideways by the
//! same amount; tilting it a little or a change of exposure changes the profiles' level, not
//! their shape. The slide is the shift that makes the two looks' profiles agree best where
//! they overlap.

use super::frame::{RgbFrame, luma};

/// Frame pixels in one column of a profile (a shift is measured to about this).
pub const BIN_PX: u32 = 4;
/// Horizontal bands each profiled on its own (more bands tell repeating things apart better).
const BANDS: usize = 4;
/// Two looks must share at least this share of the picture's width for a slide to be measured.
const MIN_OVERLAP: f32 = 0.25;
/// A picture whose profiles vary less than this (grey levels, mean deviation) is too plain for
/// a slide to be measured: a bare wall, a covered lens.
const MIN_DETAIL: f32 = 1.0;

/// One face look of a pan: how far the picture slid since the look before (frame pixels,
/// negative: to the left; None: could not be told), how far it may slide either way with
/// every far face still passing through the searched middle column
/// (`face_search::middle_column_reach`), and how far the turn smeared this look's picture
/// along its rows (`turn_smear`; None: no smear could be read).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Slide {
    pub px: Option<f32>,
    pub reach_px: f32,
    pub smear_px: Option<f32>,
}

impl Slide {
    /// The room that slid past the middle column unsearched, in frame pixels (0 when the
    /// search kept up or the slide is unknown).
    pub fn unsearched_px(&self) -> f32 {
        self.px
            .map_or(0.0, |px| (px.abs() - self.reach_px).max(0.0))
    }
}

/// Grey means per `BIN_PX` columns of a frame, band by band.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnProfile {
    /// `BANDS` rows of `bins` values.
    means: Vec<f32>,
    bins: usize,
    width: u32,
    height: u32,
}

/// The frame's column profile.
pub fn column_profile(frame: &RgbFrame) -> ColumnProfile {
    let bins = (frame.width / BIN_PX) as usize;
    let mut sums = vec![0u64; BANDS * bins];
    let mut rows = [0u64; BANDS];
    let w = frame.width as usize;
    let h = frame.height.max(1) as usize;
    for (y, row) in frame.data.chunks_exact(w * 3).enumerate() {
        let band = (y * BANDS / h).min(BANDS - 1);
        rows[band] += 1;
        let out = &mut sums[band * bins..(band + 1) * bins];
        for (bin, px) in out.iter_mut().zip(row.chunks_exact(BIN_PX as usize * 3)) {
            *bin += px
                .chunks_exact(3)
                .map(|p| u64::from(luma(p[0], p[1], p[2])))
                .sum::<u64>();
        }
    }
    let means = sums
        .iter()
        .enumerate()
        .map(|(i, &s)| s as f32 / (rows[i / bins.max(1)].max(1) * u64::from(BIN_PX)) as f32)
        .collect();
    ColumnProfile {
        means,
        bins,
        width: frame.width,
        height: frame.height,
    }
}

impl ColumnProfile {
    fn band(&self, b: usize) -> &[f32] {
        &self.means[b * self.bins..(b + 1) * self.bins]
    }
}

/// How far (frame pixels) the picture slid from `a` to `b`: what was at x in `a` is near
/// x + shift in `b` (negative: it slid left). None when it cannot be told: pictures of another
/// size, too plain, or sharing less than a quarter of their width.
pub fn slide_px(a: &ColumnProfile, b: &ColumnProfile) -> Option<f32> {
    if a.width != b.width || a.height != b.height || a.bins < 8 {
        return None;
    }
    let n = a.bins as i64;
    let min_overlap = ((n as f32 * MIN_OVERLAP).ceil() as i64).max(4);
    mismatch(a, a, 0, a.bins, 0)?;
    let mut best: Option<(f32, i64)> = None;
    for s in -(n - min_overlap)..=(n - min_overlap) {
        let (from, to) = (0.max(-s), n.min(n - s));
        // An overlap too plain to tell (the picture's plain part) is no evidence either way.
        let Some(cost) = mismatch(a, b, from as usize, to as usize, s) else {
            continue;
        };
        if best.is_none_or(|(c, _)| cost < c) {
            best = Some((cost, s));
        }
    }
    best.map(|(_, s)| (s * i64::from(BIN_PX)) as f32)
}

/// Mean absolute difference of `a`'s bins `from..to` and `b`'s shifted by `s`, each band's
/// level taken away (exposure). None when the overlap is too plain to tell.
fn mismatch(a: &ColumnProfile, b: &ColumnProfile, from: usize, to: usize, s: i64) -> Option<f32> {
    let len = (to - from) as f32;
    let (mut cost, mut detail) = (0.0f32, 0.0f32);
    for band in 0..BANDS {
        let pa = &a.band(band)[from..to];
        let start = (from as i64 + s) as usize;
        let pb = &b.band(band)[start..start + (to - from)];
        let ma = pa.iter().sum::<f32>() / len;
        let mb = pb.iter().sum::<f32>() / len;
        for (x, y) in pa.iter().zip(pb) {
            cost += ((x - ma) - (y - mb)).abs();
            detail += (x - ma).abs();
        }
    }
    let per_bin = (BANDS as f32) * len;
    (detail / per_bin >= MIN_DETAIL).then_some(cost / per_bin)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 400×40 frame whose grey value follows `f(x)` (x in a room wider than the frame).
    fn frame_at(offset: i64, f: impl Fn(i64, u32) -> u8) -> RgbFrame {
        let (w, h) = (400u32, 40u32);
        let mut data = Vec::with_capacity((w * h * 3) as usize);
        for y in 0..h {
            for x in 0..w {
                let v = f(i64::from(x) + offset, y);
                data.extend_from_slice(&[v, v, v]);
            }
        }
        RgbFrame {
            width: w,
            height: h,
            data,
        }
    }

    fn room(x: i64, y: u32) -> u8 {
        // Irregular light and dark stripes, different in the top and bottom halves.
        let k = if y < 20 { 7 } else { 13 };
        (((x * k) % 97 + (x * x / 31) % 53) as u8).wrapping_add(40)
    }

    #[test]
    fn a_turn_slides_the_profile_by_the_same_pixels() {
        let a = column_profile(&frame_at(0, room));
        for turn in [-200i64, -120, -40, 0, 36, 160, 280] {
            // The camera turns right: the room slides left in the picture.
            let b = column_profile(&frame_at(turn, room));
            let s = slide_px(&a, &b).expect("measured");
            assert!((s + turn as f32).abs() <= BIN_PX as f32, "{turn}: {s}");
        }
    }

    #[test]
    fn exposure_changing_does_not_count_as_a_slide() {
        let a = column_profile(&frame_at(0, room));
        let b = column_profile(&frame_at(0, |x, y| room(x, y).saturating_add(30)));
        assert_eq!(slide_px(&a, &b), Some(0.0));
    }

    #[test]
    fn a_plain_wall_or_another_size_is_not_measured() {
        let wall = column_profile(&frame_at(0, |_, _| 128));
        assert_eq!(slide_px(&wall, &wall), None);
        let a = column_profile(&frame_at(0, room));
        let small = column_profile(&RgbFrame {
            width: 200,
            height: 40,
            data: vec![0; 200 * 40 * 3],
        });
        assert_eq!(slide_px(&a, &small), None);
    }
}
