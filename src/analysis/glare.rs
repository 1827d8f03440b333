//! Specular highlights on the ID card: pixels that are bright and colourless, clearly brighter
//! than the card itself, gathered into connected blobs that have a clipped core. A white card
//! or white paper under even light has no such blobs, however bright it is.

use super::frame::{Rect, RgbFrame};

#[derive(Debug, Clone, PartialEq)]
pub struct Glare {
    /// Glare pixels as a fraction of the card area.
    pub fraction: f64,
    /// The largest blob as a fraction of the card area.
    pub largest_fraction: f64,
    pub blobs: usize,
    /// Bounding boxes of the glare blobs (frame coordinates), largest first.
    pub boxes: Vec<Rect>,
    /// The card's median brightness (max of R, G, B).
    pub card_median: u8,
}

/// How much brighter than the card's median a highlight must be, and the floor.
const ABOVE_MEDIAN: u16 = 25;
const MIN_BRIGHT: u16 = 235;
/// (max − min) / max at or below this many percent is "colourless".
const MAX_SATURATION_PCT: u16 = 18;
/// All channels at or above this: clipped.
const CLIPPED: u8 = 250;

pub fn measure(frame: &RgbFrame, card: Rect) -> Glare {
    let (cw, ch) = (card.w as usize, card.h as usize);
    let fw = frame.width as usize;
    let mut hist = [0u64; 256];
    // Per pixel: brightness (max channel), and two flags — colourless (bit 0), clipped (bit 1).
    let mut value = vec![0u8; cw * ch];
    let mut flags = vec![0u8; cw * ch];
    for y in 0..ch {
        let row_start = ((card.y as usize + y) * fw + card.x as usize) * 3;
        let row = &frame.data[row_start..row_start + cw * 3];
        for (x, p) in row.chunks_exact(3).enumerate() {
            let max = p[0].max(p[1]).max(p[2]);
            let min = p[0].min(p[1]).min(p[2]);
            let i = y * cw + x;
            value[i] = max;
            let colourless =
                max > 0 && u16::from(max - min) * 100 <= MAX_SATURATION_PCT * u16::from(max);
            flags[i] = u8::from(colourless) | (u8::from(min >= CLIPPED) << 1);
        }
    }
    for v in &value {
        hist[usize::from(*v)] += 1;
    }
    let n = (cw * ch) as u64;
    let mut acc = 0;
    let median = hist.iter().position(|c| {
        acc += c;
        acc * 2 >= n
    });
    let card_median = median.unwrap_or(0) as u8;
    let threshold = (u16::from(card_median) + ABOVE_MEDIAN).clamp(MIN_BRIGHT, 255) as u8;
    let mask = |i: usize| value[i] >= threshold && flags[i] & 1 != 0;

    // Connected blobs (4-neighbour flood fill); keep those with a clipped core.
    let mut seen = vec![false; cw * ch];
    let mut blobs: Vec<(u64, Rect)> = Vec::new();
    let mut stack = Vec::new();
    for start in 0..cw * ch {
        if seen[start] || !mask(start) {
            continue;
        }
        seen[start] = true;
        stack.push(start);
        let (mut area, mut core) = (0u64, false);
        let (mut minx, mut miny, mut maxx, mut maxy) = (usize::MAX, usize::MAX, 0, 0);
        while let Some(i) = stack.pop() {
            area += 1;
            core |= flags[i] & 2 != 0;
            let (x, y) = (i % cw, i / cw);
            (minx, miny, maxx, maxy) = (minx.min(x), miny.min(y), maxx.max(x), maxy.max(y));
            let mut visit = |j: usize| {
                if !seen[j] && mask(j) {
                    seen[j] = true;
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
        // Ignore specks: under 0.02 % of the card (sensor noise, a shiny screw head).
        if core && area * 5000 >= n {
            let r = Rect {
                x: card.x + minx as u32,
                y: card.y + miny as u32,
                w: (maxx - minx + 1) as u32,
                h: (maxy - miny + 1) as u32,
            };
            blobs.push((area, r));
        }
    }
    blobs.sort_by_key(|b| std::cmp::Reverse(b.0));
    let total: u64 = blobs.iter().map(|b| b.0).sum();
    Glare {
        fraction: total as f64 / n.max(1) as f64,
        largest_fraction: blobs.first().map_or(0.0, |b| b.0 as f64 / n.max(1) as f64),
        blobs: blobs.len(),
        boxes: blobs.iter().map(|b| b.1).collect(),
        card_median,
    }
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
    fn highlight_on_a_blue_card_is_found_white_card_is_not() {
        let mut f = card(200, 126, [150, 180, 210]);
        spot(&mut f, 100.0, 60.0, 20.0);
        let rect = Rect {
            x: 0,
            y: 0,
            w: 200,
            h: 126,
        };
        let g = measure(&f, rect);
        assert_eq!(g.blobs, 1);
        assert!(g.fraction > 0.02 && g.fraction < 0.06, "{}", g.fraction);
        let white = card(200, 126, [238, 238, 236]);
        let g = measure(&white, rect);
        assert_eq!(g.blobs, 0, "bright but even white card is not glare");
        assert_eq!(g.fraction, 0.0);
    }
}
