//! Glare on the ID card, of three kinds. **Specular** highlights: pixels that are bright and
//! colourless, clearly brighter than the card itself, gathered into connected blobs that have
//! a clipped core (the brightest channel clipped: cameras clip highlights to a tinted white).
//! A white card or white paper under even light has no such blobs, however bright it is.
//! **Sheen** and **hologram** flare come from `card_surface` (the card's paper light); the
//! glare fraction is the share of the card under any of the three.

use super::card_surface::CardSurface;
use super::frame::{Rect, RgbFrame};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GlareKind {
    Specular,
    Sheen,
    Hologram,
}

impl GlareKind {
    pub fn code(self) -> &'static str {
        match self {
            GlareKind::Specular => "specular",
            GlareKind::Sheen => "sheen",
            GlareKind::Hologram => "hologram",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Glare {
    /// Share of the card area under glare of any kind.
    pub fraction: f64,
    /// Specular-highlight pixels as a fraction of the card area.
    pub specular_fraction: f64,
    /// Shares of the card's measured surface under sheen and under hologram flare.
    pub sheen_fraction: f64,
    pub hologram_fraction: f64,
    /// The largest specular blob as a fraction of the card area.
    pub largest_fraction: f64,
    /// Specular blobs.
    pub blobs: usize,
    /// Bounding boxes of the specular blobs (frame coordinates), largest first.
    pub boxes: Vec<Rect>,
    /// Every glare region with its kind: specular blobs, then sheen, then hologram patches.
    pub regions: Vec<(GlareKind, Rect)>,
    /// The card's median brightness (max of R, G, B).
    pub card_median: u8,
}

impl Glare {
    /// The kinds present, in a fixed order.
    pub fn kinds(&self) -> Vec<GlareKind> {
        [GlareKind::Specular, GlareKind::Sheen, GlareKind::Hologram]
            .into_iter()
            .filter(|k| self.regions.iter().any(|r| r.0 == *k))
            .collect()
    }
}

use super::limits::GlareLimits;

/// Pixels a brightness pre-scan looks at together: a run of pixels none of whose bytes
/// reaches the threshold cannot hold glare, and most of a card is such runs.
const RUN: usize = 16;
/// Mask bits per card pixel.
const CANDIDATE: u8 = 1;
const CLIPPED_BIT: u8 = 2;

pub fn measure(frame: &RgbFrame, card: Rect, limits: &GlareLimits, surface: &CardSurface) -> Glare {
    let (cw, ch) = (card.w as usize, card.h as usize);
    let n = (cw * ch) as u64;
    let card_row = |y: usize| {
        let start = ((card.y as usize + y) * frame.width as usize + card.x as usize) * 3;
        &frame.data[start..start + cw * 3]
    };
    let card_median = sampled_median(card_row, ch);
    // On a pale card the median plus the margin passes white; a clipped highlight still
    // reaches the clipped level.
    let threshold = card_median
        .saturating_add(limits.above_median)
        .max(limits.min_bright)
        .min(limits.clipped);
    let mut mask = vec![0u8; cw * ch];
    #[cfg(target_arch = "x86_64")]
    let avx2 = std::arch::is_x86_feature_detected!("avx2");
    #[cfg(not(target_arch = "x86_64"))]
    let avx2 = false;
    for y in 0..ch {
        let row_mask = &mut mask[y * cw..(y + 1) * cw];
        mark_row(card_row(y), threshold, limits, row_mask, avx2);
    }
    // Ignore specks: under 0.02 % of the card (sensor noise, a shiny screw head).
    let (mut blobs, pixels) = blobs(&mut mask, cw, ch, n.div_ceil(5000));
    for b in &mut blobs {
        b.1.x += card.x;
        b.1.y += card.y;
    }
    blobs.sort_by_key(|b| std::cmp::Reverse(b.0));
    let total: u64 = blobs.iter().map(|b| b.0).sum();
    let union = total + bright_area_beyond(&pixels, card, surface);
    let mut regions: Vec<(GlareKind, Rect)> =
        blobs.iter().map(|b| (GlareKind::Specular, b.1)).collect();
    regions.extend(surface.sheen_boxes.iter().map(|r| (GlareKind::Sheen, *r)));
    regions.extend(
        surface
            .hologram_boxes
            .iter()
            .map(|r| (GlareKind::Hologram, *r)),
    );
    let share = |px: u64| px as f64 / n.max(1) as f64;
    Glare {
        fraction: share(union).min(1.0),
        specular_fraction: share(total),
        sheen_fraction: surface.sheen_fraction,
        hologram_fraction: surface.hologram_fraction,
        largest_fraction: blobs.first().map_or(0.0, |b| share(b.0)),
        blobs: blobs.len(),
        boxes: blobs.iter().map(|b| b.1).collect(),
        regions,
        card_median,
    }
}

/// Pixels of the sheen and hologram blocks not already counted as specular (`pixels`: the
/// specular pixels, as indexes into the card box).
fn bright_area_beyond(pixels: &[u32], card: Rect, surface: &CardSurface) -> u64 {
    if surface.bright_blocks.is_empty() {
        return 0;
    }
    let cw = card.w as usize;
    let mut covered = vec![false; cw * card.h as usize];
    let mut area = 0u64;
    for b in &surface.bright_blocks {
        for y in b.y.saturating_sub(card.y)..(b.y + b.h).saturating_sub(card.y).min(card.h) {
            for x in b.x.saturating_sub(card.x)..(b.x + b.w).saturating_sub(card.x).min(card.w) {
                let i = y as usize * cw + x as usize;
                area += u64::from(!covered[i]);
                covered[i] = true;
            }
        }
    }
    let double = pixels.iter().filter(|&&i| covered[i as usize]).count() as u64;
    area - double
}

/// The card's median brightness (max of R, G, B) from a regular sample: every second row,
/// every fourth pixel. A card has tens of thousands of pixels, so the sample's median is the
/// card's within a level or two, at an eighth of the work.
fn sampled_median<'a>(row: impl Fn(usize) -> &'a [u8], ch: usize) -> u8 {
    super::frame::median_u8((0..ch).step_by(2).flat_map(|y| {
        row(y)
            .chunks_exact(3)
            .step_by(4)
            .map(|p| p[0].max(p[1]).max(p[2]))
    }))
}

/// Marks one row: `CANDIDATE` where bright (max channel ≥ `threshold`) and colourless,
/// `CLIPPED_BIT` where its brightest channel is clipped. Runs with no byte at the threshold are
/// skipped whole (the mask starts at zero).
/// With `avx2`, whole runs of 16 pixels go through `glare_row` (every pixel marked, which
/// gives the same mask) and only the rest through the portable loop.
fn mark_row(rgb: &[u8], threshold: u8, limits: &GlareLimits, mask: &mut [u8], avx2: bool) {
    let mut done = 0;
    #[cfg(target_arch = "x86_64")]
    if avx2 {
        let marks = super::glare_row::Marks {
            threshold,
            clipped: limits.clipped,
            max_saturation_pct: limits.max_saturation_pct,
            candidate: CANDIDATE,
            clipped_bit: CLIPPED_BIT,
        };
        // SAFETY: the caller checked that this CPU has AVX2.
        done = unsafe { super::glare_row::mark(rgb, marks, mask) };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = avx2;
    let (rgb, mask) = (&rgb[done * 3..], &mut mask[done..]);
    let saturation = u16::from(limits.max_saturation_pct);
    for (px, m) in rgb.chunks(RUN * 3).zip(mask.chunks_mut(RUN)) {
        if px.iter().fold(0u8, |a, b| a.max(*b)) < threshold {
            continue;
        }
        for (p, m) in px.chunks_exact(3).zip(m.iter_mut()) {
            let max = p[0].max(p[1]).max(p[2]);
            let min = p[0].min(p[1]).min(p[2]);
            let colourless = u16::from(max - min) * 100 <= saturation * u16::from(max);
            *m = (u8::from(max >= threshold && colourless) * CANDIDATE)
                | (u8::from(max >= limits.clipped) * CLIPPED_BIT);
        }
    }
}

/// 4-connected blobs of `CANDIDATE` pixels that have a clipped core and at least `min_area`
/// pixels: (area, box in card coordinates), and their pixels (indexes into the card box).
/// Visited pixels lose their `CANDIDATE` bit, so the mask is its own record of what was seen.
fn blobs(mask: &mut [u8], cw: usize, ch: usize, min_area: u64) -> (Vec<(u64, Rect)>, Vec<u32>) {
    let mut found = Vec::new();
    let mut stack = Vec::new();
    let (mut kept, mut members) = (Vec::new(), Vec::new());
    for y in 0..ch {
        for x0 in (0..cw).step_by(32) {
            let x1 = (x0 + 32).min(cw);
            if mask[y * cw + x0..y * cw + x1].iter().fold(0, |a, b| a | b) & CANDIDATE == 0 {
                continue;
            }
            for start in y * cw + x0..y * cw + x1 {
                if mask[start] & CANDIDATE == 0 {
                    continue;
                }
                mask[start] &= !CANDIDATE;
                stack.push(start);
                let (mut area, mut core) = (0u64, false);
                let (mut minx, mut miny, mut maxx, mut maxy) = (usize::MAX, usize::MAX, 0, 0);
                members.clear();
                while let Some(i) = stack.pop() {
                    area += 1;
                    members.push(i as u32);
                    core |= mask[i] & CLIPPED_BIT != 0;
                    let (x, y) = (i % cw, i / cw);
                    (minx, miny, maxx, maxy) = (minx.min(x), miny.min(y), maxx.max(x), maxy.max(y));
                    let mut visit = |j: usize| {
                        if mask[j] & CANDIDATE != 0 {
                            mask[j] &= !CANDIDATE;
                            stack.push(j);
                        }
                    };
                    if x > 0 {
                        visit(i - 1);
                    }
                    if x + 1 < cw {
                        visit(i + 1);
                    }
                    if y > 0 {
                        visit(i - cw);
                    }
                    if y + 1 < ch {
                        visit(i + cw);
                    }
                }
                if core && area >= min_area {
                    kept.extend_from_slice(&members);
                    let r = Rect {
                        x: minx as u32,
                        y: miny as u32,
                        w: (maxx - minx + 1) as u32,
                        h: (maxy - miny + 1) as u32,
                    };
                    found.push((area, r));
                }
            }
        }
    }
    (found, kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(w: u32, h: u32, base: [u8; 3]) -> RgbFrame {
        RgbFrame {
            width: w,
            height: h,
            data: (0..w * h).flat_map(|_| base).collect(),
        }
    }

    fn spot(f: &mut RgbFrame, cx: f32, cy: f32, r: f32) {
        for y in 0..f.height {
            for x in 0..f.width {
                let d = ((x as f32 - cx).powi(2) + (y as f32 - cy).powi(2)).sqrt();
                if d < r {
                    let k = (1.0 - d / r).min(1.0) * 2.0;
                    let i = ((y * f.width + x) * 3) as usize;
                    for c in 0..3 {
                        let v = f32::from(f.data[i + c]);
                        f.data[i + c] = (v + (255.0 - v) * k.min(1.0)) as u8;
                    }
                }
            }
        }
    }

    #[test]
    fn the_avx2_mask_is_the_portable_mask() {
        #[cfg(target_arch = "x86_64")]
        let avx2 = std::arch::is_x86_feature_detected!("avx2");
        #[cfg(not(target_arch = "x86_64"))]
        let avx2 = false;
        let mut seed = 0x2545_f491_u32;
        // Pale, tinted and saturated pixels, many near the thresholds; then every spread of
        // channels at every bright level (each saturation limit's exact boundary included).
        let mut rgb: Vec<u8> = (0..3 * 301)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                if seed & 1 == 0 {
                    255 - (seed >> 28) as u8
                } else {
                    (seed >> 24) as u8
                }
            })
            .collect();
        for m in 180..=255u8 {
            for d in 0..=120.min(m) {
                rgb.extend_from_slice(&[m - d / 2, m, m - d]);
            }
        }
        let base = crate::analysis::limits::FrameLimits::builtin()
            .expect("profile")
            .glare;
        let mut seen = [false; 4];
        for (threshold, saturation) in [(200, 15), (250, 40), (245, 0), (230, 100), (240, 180)] {
            let limits = GlareLimits {
                max_saturation_pct: saturation,
                ..base
            };
            for width in [rgb.len() / 3, 301, 48, 37, 16] {
                let (mut fast, mut portable) = (vec![0u8; width], vec![0u8; width]);
                mark_row(&rgb[..3 * width], threshold, &limits, &mut fast, avx2);
                mark_row(&rgb[..3 * width], threshold, &limits, &mut portable, false);
                assert_eq!(
                    fast, portable,
                    "threshold {threshold}, {saturation} %, {width} px"
                );
                for m in portable {
                    seen[usize::from(m)] = true;
                }
            }
        }
        // Every mark was made somewhere: nothing, candidate, clipped, both.
        assert_eq!(seen, [true; 4]);
    }

    #[test]
    fn highlight_on_a_blue_card_is_found_white_card_is_not() {
        let mut f = card(200, 126, [150, 180, 210]);
        spot(&mut f, 100.0, 60.0, 20.0);
        let rect = Rect {
            x: 0,
            y: 0,
            w: 200,
            h: 126,
        };
        let limits = crate::analysis::limits::FrameLimits::builtin()
            .expect("profile")
            .glare;
        let none = CardSurface::default();
        let g = measure(&f, rect, &limits, &none);
        assert_eq!(g.blobs, 1);
        assert!(g.fraction > 0.02 && g.fraction < 0.06, "{}", g.fraction);
        let white = card(200, 126, [238, 238, 236]);
        let g = measure(&white, rect, &limits, &none);
        assert_eq!(g.blobs, 0, "bright but even white card is not glare");
        assert_eq!(g.fraction, 0.0);
    }
}
