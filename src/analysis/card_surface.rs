//! The light on the card's surface, measured block by block against the card's own paper.
//!
//! A printed card is never brighter than its paper, and light falling on a flat card from a
//! lamp or a window changes smoothly across it. So the paper's brightness (the bright end of
//! each block) is fitted with a plane across the card — robustly, so the card's clean majority
//! decides — and departures from that plane are what the seller must fix:
//! - **sheen**: blocks whose bright end rises above the paper there, at least half the way to
//!   white: light mirrored by the laminate, washing the print out whether or not it clips;
//! - **hologram flare**: on a card whose colours are pale, bright blocks whose colour is
//!   strongly saturated, in patches whose hues vary (the rainbow of the card's optically
//!   variable print catching the lamp), unlike a printed colour, which has one hue;
//! - **shadow**: blocks whose paper is markedly darker than the plane but keeps the paper's
//!   colour (a shadow dims the card's colours, it does not change them); much darker still is
//!   dark print (hair in the portrait, bold text), since indoor light always fills shadows.
//!
//! A soft gradient of light across the whole card (window light) is the plane itself, and
//! uniformly dim light moves the whole plane: neither is glare or shadow.

use super::frame::{Rect, RgbFrame, luma};
use super::limits::SurfaceLimits;

/// Blocks across the card's width: a block is about 3 % of the card (2.7 mm), finer than a
/// finger's shadow or a lamp's reflection and coarse enough to hold both print and paper.
const BLOCKS_ACROSS: u32 = 32;
/// Pixels sampled across and down each block.
const GRID: u32 = 4;
// `block_stats` finds a block's 90th and 75th percentiles among its four largest samples.
const _: () = assert!(GRID * GRID <= 16);
/// Share of the card's outline trimmed away all round before measuring: the card's rounded
/// corners, its edge and the background just beyond a slightly misplaced outline.
const INSET: f64 = 0.05;

/// The card's outline in frame pixels (top-left, top-right, bottom-right, bottom-left).
pub type Outline = [(f64, f64); 4];

#[derive(Debug, Clone, PartialEq, Default)]
pub struct CardSurface {
    /// Share of the card's measured area in each state.
    pub sheen_fraction: f64,
    pub hologram_fraction: f64,
    pub shadow_fraction: f64,
    /// How much darker than the lit paper the shadow is (0–1, median over its blocks).
    pub shadow_depth: f64,
    pub sheen_boxes: Vec<Rect>,
    pub hologram_boxes: Vec<Rect>,
    pub shadow_boxes: Vec<Rect>,
    /// Blocks that are sheen or hologram, with their rectangle in frame pixels (for the
    /// union with the specular highlights).
    pub bright_blocks: Vec<Rect>,
    /// The card area measured, in frame pixels.
    pub measured_px: u64,
}

#[derive(Debug, Clone, Copy, Default)]
struct Block {
    inside: bool,
    paper: f64,
    /// Mean colour of the block's brightest quarter.
    bright: [f64; 3],
}

/// `a + b·u + c·v` over block centres (u, v in 0–1 across the card box).
#[derive(Debug, Clone, Copy)]
struct Plane([f64; 3]);

impl Plane {
    fn at(&self, u: f64, v: f64) -> f64 {
        self.0[0] + self.0[1] * u + self.0[2] * v
    }

    /// How far a point's value lies above the plane.
    fn residual(&self, (u, v, z): (f64, f64, f64)) -> f64 {
        z - self.at(u, v)
    }

    /// Least squares over the chosen points (u, v, value); `None` when they do not span a
    /// plane.
    fn fit(points: impl Iterator<Item = (f64, f64, f64)>) -> Option<Plane> {
        // The normal equations' sums (the matrix is symmetric; its first row and column are
        // the count and the sums of u and v).
        let (mut n, mut su, mut sv, mut suu, mut suv, mut svv) = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        let (mut sz, mut suz, mut svz) = (0.0, 0.0, 0.0);
        for (u, v, z) in points {
            n += 1.0;
            su += u;
            sv += v;
            suu += u * u;
            suv += u * v;
            svv += v * v;
            sz += z;
            suz += u * z;
            svz += v * z;
        }
        let m = [[n, su, sv], [su, suu, suv], [sv, suv, svv]];
        let r = [sz, suz, svz];
        let det = |m: &[[f64; 3]; 3]| {
            m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
        };
        let d = det(&m);
        if d.abs() < 1e-9 {
            return None;
        }
        let mut out = [0.0; 3];
        for (k, o) in out.iter_mut().enumerate() {
            let mut mk = m;
            for i in 0..3 {
                mk[i][k] = r[i];
            }
            *o = det(&mk) / d;
        }
        Some(Plane(out))
    }
}

fn inside_outline(o: &Outline, (x, y): (f64, f64)) -> bool {
    let mut sign = 0.0f64;
    for i in 0..4 {
        let (a, b) = (o[i], o[(i + 1) % 4]);
        let cross = (b.0 - a.0) * (y - a.1) - (b.1 - a.1) * (x - a.0);
        if cross * sign < 0.0 {
            return false;
        }
        if cross != 0.0 {
            sign = cross;
        }
    }
    true
}

fn shrunk(o: &Outline, by: f64) -> Outline {
    let cx = o.iter().map(|p| p.0).sum::<f64>() / 4.0;
    let cy = o.iter().map(|p| p.1).sum::<f64>() / 4.0;
    o.map(|(x, y)| (x + (cx - x) * by * 2.0, y + (cy - y) * by * 2.0))
}

fn median(mut v: Vec<f64>) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    let mid = v.len() / 2;
    *v.select_nth_unstable_by(mid, f64::total_cmp).1
}

fn saturation(c: [f64; 3]) -> f64 {
    let max = c[0].max(c[1]).max(c[2]);
    let min = c[0].min(c[1]).min(c[2]);
    if max <= 0.0 { 0.0 } else { (max - min) / max }
}

fn hue_deg(c: [f64; 3]) -> f64 {
    let (r, g, b) = (c[0], c[1], c[2]);
    let max = r.max(g).max(b);
    let d = max - r.min(g).min(b);
    if d <= 0.0 {
        return 0.0;
    }
    let h = if max == r {
        ((g - b) / d).rem_euclid(6.0)
    } else if max == g {
        (b - r) / d + 2.0
    } else {
        (r - g) / d + 4.0
    };
    h * 60.0
}

fn chroma(c: [f64; 3]) -> (f64, f64) {
    let s = (c[0] + c[1] + c[2]).max(1.0);
    (c[0] / s, c[1] / s)
}

/// The four largest values, largest first (zeros when fewer): each value passes down a
/// chain of compare-and-swap steps, without branches.
fn four_largest(values: impl Iterator<Item = u8>) -> [u8; 4] {
    let mut top = [0u8; 4];
    for v in values {
        let mut v = v;
        for t in &mut top {
            let (hi, lo) = ((*t).max(v), (*t).min(v));
            *t = hi;
            v = lo;
        }
    }
    top
}

/// Per block: the bright end of its luma (90th percentile: the paper between the print) and
/// the mean colour of its brightest quarter, from a grid of `GRID`×`GRID` pixels spread over
/// the block (a block is a couple of millimetres of card: print strokes and the paper between
/// them both fall on the grid). The frame is read one sample row at a time across every
/// block, in memory order. `keep[i]` says which blocks to measure.
#[inline(never)]
fn block_stats(
    frame: &RgbFrame,
    card: Rect,
    bs: u32,
    (gw, gh): (usize, usize),
    keep: &[bool],
) -> Vec<Block> {
    let g = GRID.min(bs) as usize;
    let per = g * g;
    // Where the samples sit inside a block (the same across and down).
    let offsets: Vec<u32> = (0..g as u32)
        .map(|i| (2 * i + 1) * bs / (2 * g as u32))
        .collect();
    // Each sample's colour and luma (computed once, here).
    let mut px = vec![[0u8; 4]; gw * gh * per];
    for by in 0..gh {
        for (j, dy) in offsets.iter().enumerate() {
            let y = card.y + by as u32 * bs + dy;
            let row = &frame.data[(y * frame.width) as usize * 3..];
            for bx in (0..gw).filter(|&bx| keep[by * gw + bx]) {
                let base = (by * gw + bx) * per + j * g;
                let block_x = card.x + bx as u32 * bs;
                for (p, dx) in px[base..base + g].iter_mut().zip(&offsets) {
                    let k = (block_x + dx) as usize * 3;
                    let [r, g, b] = [row[k], row[k + 1], row[k + 2]];
                    *p = [r, g, b, luma(r, g, b)];
                }
            }
        }
    }
    // The 90th and 75th percentiles of so few samples (at most 16) are among the four largest.
    let (p90, p75) = ((per * 9 / 10).min(per - 1), (per * 3 / 4).min(per - 1));
    (0..gw * gh)
        .map(|b| {
            if !keep[b] {
                return Block::default();
            }
            let block = &px[b * per..(b + 1) * per];
            let top = four_largest(block.iter().map(|p| p[3]));
            let (paper, quarter) = (top[per - 1 - p90], top[per - 1 - p75]);
            let (mut bright, mut count) = ([0u32; 3], 0u32);
            // Without a branch per sample: whether a sample is bright is unpredictable.
            for p in block {
                let take = u32::from(p[3] >= quarter);
                for c in 0..3 {
                    bright[c] += u32::from(p[c]) * take;
                }
                count += take;
            }
            Block {
                inside: true,
                paper: f64::from(paper),
                bright: bright.map(|v| f64::from(v) / f64::from(count.max(1))),
            }
        })
        .collect()
}

/// Joins flagged blocks (4-connected) into regions (their block indexes).
fn regions(flags: &[bool], gw: usize) -> Vec<Vec<usize>> {
    let mut seen = vec![false; flags.len()];
    let mut out = Vec::new();
    for start in 0..flags.len() {
        if !flags[start] || seen[start] {
            continue;
        }
        seen[start] = true;
        let mut stack = vec![start];
        let mut members = Vec::new();
        while let Some(i) = stack.pop() {
            members.push(i);
            let (x, y) = (i % gw, i / gw);
            let mut near = Vec::with_capacity(4);
            if x > 0 {
                near.push(i - 1);
            }
            if x + 1 < gw {
                near.push(i + 1);
            }
            if y > 0 {
                near.push(i - gw);
            }
            if i + gw < flags.len() {
                near.push(i + gw);
            }
            for j in near {
                if flags[j] && !seen[j] {
                    seen[j] = true;
                    stack.push(j);
                }
            }
        }
        out.push(members);
    }
    out
}

fn bounding(rects: impl Iterator<Item = Rect>) -> Option<Rect> {
    let (mut x0, mut y0, mut x1, mut y1) = (u32::MAX, u32::MAX, 0, 0);
    let mut any = false;
    for r in rects {
        any = true;
        x0 = x0.min(r.x);
        y0 = y0.min(r.y);
        x1 = x1.max(r.x + r.w);
        y1 = y1.max(r.y + r.h);
    }
    any.then(|| Rect {
        x: x0,
        y: y0,
        w: x1 - x0,
        h: y1 - y0,
    })
}

/// The paper plane. Light on a flat card changes smoothly, so the plane that most blocks
/// agree with (`fit`: the blocks the plane may be fitted to) is the card's own light: planes
/// fitted to each half, third and quarter of the card (and the whole) are tried, the one with
/// the most blocks within `tolerance` wins, and it is refitted to those blocks. A shadow or a
/// sheen over part of the card leaves the other part to decide, even when it covers more than
/// half. `inside`: every block of the card.
#[inline(never)]
fn paper_plane(
    fit: &[(f64, f64, f64)],
    inside: &[(f64, f64, f64)],
    tolerance: f64,
) -> Option<Plane> {
    const PARTS: [(f64, f64, f64, f64); 13] = [
        (0.0, 1.0, 0.0, 1.0),
        (0.0, 0.5, 0.0, 1.0),
        (0.5, 1.0, 0.0, 1.0),
        (0.0, 1.0, 0.0, 0.5),
        (0.0, 1.0, 0.5, 1.0),
        (0.0, 0.34, 0.0, 1.0),
        (0.66, 1.0, 0.0, 1.0),
        (0.0, 1.0, 0.0, 0.34),
        (0.0, 1.0, 0.66, 1.0),
        (0.0, 0.5, 0.0, 0.5),
        (0.5, 1.0, 0.0, 0.5),
        (0.0, 0.5, 0.5, 1.0),
        (0.5, 1.0, 0.5, 1.0),
    ];
    // The points within `tolerance` of a plane, taken as they are read (not collected).
    fn within(
        p: Plane,
        points: &[(f64, f64, f64)],
        tolerance: f64,
    ) -> impl Iterator<Item = (f64, f64, f64)> + '_ {
        points
            .iter()
            .copied()
            .filter(move |&q| p.residual(q).abs() <= tolerance)
    }
    let (mut part, mut residuals) = (Vec::new(), Vec::new());
    // Each part's plane is refined on its own blocks: first on the brighter half of them
    // (print pulls a block's paper level down, never up), then on those near the plane.
    let mut fit_part = |part: &[(f64, f64, f64)]| -> Option<Plane> {
        let mut p = Plane::fit(part.iter().copied())?;
        residuals.clear();
        residuals.extend(part.iter().map(|&q| p.residual(q)));
        let mid = median(std::mem::take(&mut residuals));
        let first = p;
        p = Plane::fit(part.iter().copied().filter(|&q| first.residual(q) >= mid)).unwrap_or(p);
        for _ in 0..2 {
            p = Plane::fit(within(p, part, tolerance)).unwrap_or(p);
        }
        Some(p)
    };
    let mut tried: Vec<(Plane, usize)> = Vec::with_capacity(PARTS.len());
    for (u0, u1, v0, v1) in PARTS {
        part.clear();
        part.extend(
            fit.iter()
                .copied()
                .filter(|&(u, v, _)| (u0..u1).contains(&u) && (v0..v1).contains(&v)),
        );
        if let Some(p) = fit_part(&part) {
            tried.push((p, within(p, fit, tolerance).count()));
        }
    }
    // Where several planes each hold a large part of the card (a shadow over nearly half of
    // it), the card's light is the one most blocks agree with and fewest rise above: print is
    // never brighter than its paper, while the lit part rises above the shadowed part's light.
    let most = tried.iter().map(|t| t.1).max().unwrap_or(0);
    let above = |p: &Plane| {
        inside
            .iter()
            .filter(|&&q| p.residual(q) > tolerance)
            .count()
    };
    let mut plane = tried
        .iter()
        .filter(|t| t.1 * 5 >= most * 3)
        .max_by_key(|t| t.1 as i64 - above(&t.0) as i64)
        .map(|t| t.0);
    for _ in 0..2 {
        let Some(p) = plane else { break };
        if within(p, fit, tolerance).nth(7).is_none() {
            break;
        }
        plane = Plane::fit(within(p, fit, tolerance)).or(plane);
    }
    plane
}

/// The surface of the card in `card` (a box inside the frame); `outline`, when the card's
/// four edges were found, limits the measure to the card itself.
pub fn measure(
    frame: &RgbFrame,
    card: Rect,
    outline: Option<Outline>,
    limits: &SurfaceLimits,
) -> CardSurface {
    let bs = (card.w / BLOCKS_ACROSS).max(2);
    let (gw, gh) = ((card.w / bs) as usize, (card.h / bs) as usize);
    if gw < 4 || gh < 4 {
        return CardSurface::default();
    }
    let area = outline.map(|o| shrunk(&o, INSET));
    let rect_of = |i: usize| Rect {
        x: card.x + (i % gw) as u32 * bs,
        y: card.y + (i / gw) as u32 * bs,
        w: bs,
        h: bs,
    };
    let uv = |i: usize| {
        (
            ((i % gw) as f64 + 0.5) / gw as f64,
            ((i / gw) as f64 + 0.5) / gh as f64,
        )
    };
    let keep: Vec<bool> = (0..gw * gh)
        .map(|i| {
            let r = rect_of(i);
            let centre = (
                f64::from(r.x) + f64::from(bs) / 2.0,
                f64::from(r.y) + f64::from(bs) / 2.0,
            );
            let (u, v) = uv(i);
            match &area {
                Some(a) => inside_outline(a, centre),
                None => (INSET..1.0 - INSET).contains(&u) && (INSET..1.0 - INSET).contains(&v),
            }
        })
        .collect();
    let blocks = block_stats(frame, card, bs, (gw, gh), &keep);
    let inside: Vec<usize> = (0..blocks.len()).filter(|&i| blocks[i].inside).collect();
    if inside.len() < 8 {
        return CardSurface::default();
    }
    // A block whose paper is clipped tells only that its light is at least white, not how
    // much: the plane is fitted to the others (unless nearly all are clipped).
    let unclipped: Vec<usize> = inside
        .iter()
        .copied()
        .filter(|&i| blocks[i].paper < limits.clipped_level)
        .collect();
    let fit_set = if unclipped.len() * 4 >= inside.len() {
        unclipped
    } else {
        inside.clone()
    };
    let points: Vec<(f64, f64, f64)> = (0..blocks.len())
        .map(|i| {
            let (u, v) = uv(i);
            (u, v, blocks[i].paper)
        })
        .collect();
    let tolerance = limits.plane_tolerance;
    let agreeing = |p: &Plane| -> Vec<usize> {
        fit_set
            .iter()
            .copied()
            .filter(|&i| p.residual(points[i]).abs() <= tolerance)
            .collect()
    };
    let fit_points: Vec<(f64, f64, f64)> = fit_set.iter().map(|&i| points[i]).collect();
    let inside_points: Vec<(f64, f64, f64)> = inside.iter().map(|&i| points[i]).collect();
    let plane = paper_plane(&fit_points, &inside_points, tolerance);
    let Some(plane) = plane else {
        return CardSurface::default();
    };

    let lit = |i: usize| {
        let (u, v) = uv(i);
        plane.at(u, v).clamp(1.0, 255.0)
    };
    let used = agreeing(&plane);
    let card_saturation = median(used.iter().map(|&i| saturation(blocks[i].bright)).collect());
    let paper_chroma = {
        let c: Vec<(f64, f64)> = used.iter().map(|&i| chroma(blocks[i].bright)).collect();
        (
            median(c.iter().map(|c| c.0).collect()),
            median(c.iter().map(|c| c.1).collect()),
        )
    };
    let n = blocks.len();
    let mut sheen = vec![false; n];
    let mut flare = vec![false; n];
    let mut shade = vec![false; n];
    for &i in &inside {
        let b = &blocks[i];
        let f = lit(i);
        let lift = b.paper - f;
        sheen[i] = lift
            >= limits
                .sheen_min_lift
                .max(limits.sheen_headroom_share * (255.0 - f));
        flare[i] = card_saturation <= limits.hologram_card_max_saturation
            && saturation(b.bright) >= limits.hologram_min_saturation
            && b.bright.iter().copied().fold(0.0, f64::max) >= f;
        let ratio = b.paper / f;
        let c = chroma(b.bright);
        shade[i] = ratio <= 1.0 - limits.shadow_min_depth
            && ratio >= 1.0 - limits.shadow_max_depth
            && (c.0 - paper_chroma.0)
                .abs()
                .max((c.1 - paper_chroma.1).abs())
                <= limits.shadow_chroma_tolerance;
    }
    let shade_core = shade.clone();
    // Print inside a shadow is in the shadow too: a dark block (print darker than the
    // shadow's floor, or ink of another colour) mostly surrounded by shadow joins it.
    for _ in 0..2 {
        let before = shade.clone();
        for &i in &inside {
            let (x, y) = (i % gw, i / gw);
            if before[i] || x == 0 || y == 0 || x + 1 == gw || y + 1 == gh {
                continue;
            }
            let dark = blocks[i].paper / lit(i) <= 1.0 - limits.shadow_min_depth;
            let around = [
                i - gw - 1,
                i - gw,
                i - gw + 1,
                i - 1,
                i + 1,
                i + gw - 1,
                i + gw,
                i + gw + 1,
            ]
            .iter()
            .filter(|&&j| before[j])
            .count();
            shade[i] = dark && around >= 5;
        }
    }
    // A flare patch counts when its hues spread: a rainbow, not one printed colour.
    let mut hologram = vec![false; n];
    let mut hologram_boxes = Vec::new();
    for members in regions(&flare, gw) {
        let mut hues: Vec<f64> = members.iter().map(|&i| hue_deg(blocks[i].bright)).collect();
        hues.sort_by(f64::total_cmp);
        let widest_gap = hues
            .windows(2)
            .map(|w| w[1] - w[0])
            .chain(hues.first().zip(hues.last()).map(|(a, b)| a + 360.0 - b))
            .fold(0.0, f64::max);
        if members.len() >= 2 && 360.0 - widest_gap >= limits.hologram_min_hue_spread_deg {
            for &i in &members {
                hologram[i] = true;
            }
            hologram_boxes.extend(bounding(members.iter().map(|&i| rect_of(i))));
        }
    }
    // A shadow is cast by something outside the card (the hand holding it, a phone, the
    // seller's head), so it reaches the card's edge; a dark patch inside the card is print
    // (the portrait's clothes or background).
    let at_edge = |i: usize| {
        let (x, y) = (i % gw, i / gw);
        x == 0
            || y == 0
            || x + 1 == gw
            || y + 1 == gh
            || !blocks[i - 1].inside
            || !blocks[i + 1].inside
            || !blocks[i - gw].inside
            || !blocks[i + gw].inside
    };
    for members in regions(&shade.clone(), gw) {
        if !members.iter().any(|&i| at_edge(i)) {
            for i in members {
                shade[i] = false;
            }
        }
    }
    let boxes_of = |flags: &[bool]| -> Vec<Rect> {
        let mut r: Vec<(usize, Rect)> = regions(flags, gw)
            .into_iter()
            .filter_map(|m| Some((m.len(), bounding(m.iter().map(|&i| rect_of(i)))?)))
            .collect();
        r.sort_by_key(|x| std::cmp::Reverse(x.0));
        r.into_iter().map(|x| x.1).collect()
    };
    let share = |flags: &[bool]| flags.iter().filter(|f| **f).count() as f64 / inside.len() as f64;
    let shadow_depth = 1.0
        - median(
            (0..n)
                .filter(|&i| shade[i] && shade_core[i])
                .map(|i| blocks[i].paper / lit(i))
                .collect(),
        );
    CardSurface {
        sheen_fraction: share(&sheen),
        hologram_fraction: share(&hologram),
        shadow_fraction: share(&shade),
        shadow_depth: if shade.iter().any(|s| *s) {
            shadow_depth
        } else {
            0.0
        },
        sheen_boxes: boxes_of(&sheen),
        hologram_boxes,
        shadow_boxes: boxes_of(&shade),
        bright_blocks: (0..n)
            .filter(|&i| sheen[i] || hologram[i])
            .map(rect_of)
            .collect(),
        measured_px: inside.len() as u64 * u64::from(bs) * u64::from(bs),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> SurfaceLimits {
        crate::analysis::limits::FrameLimits::builtin()
            .expect("profile")
            .surface
    }

    /// A 430×270 card of paper `paper` with rows of dark text, lit by `light(u, v)` (a factor).
    fn card(paper: f64, light: impl Fn(f64, f64) -> f64) -> RgbFrame {
        let (w, h) = (430u32, 270u32);
        let mut data = Vec::with_capacity((w * h * 3) as usize);
        for y in 0..h {
            for x in 0..w {
                let (u, v) = (f64::from(x) / f64::from(w), f64::from(y) / f64::from(h));
                let text = (y / 12) % 3 == 1 && (x / 5) % 3 != 0 && (0.1..0.6).contains(&u);
                let c = if text { 40.0 } else { paper } * light(u, v);
                let c = c.clamp(0.0, 255.0) as u8;
                data.extend_from_slice(&[c, c, c.saturating_add(4)]);
            }
        }
        RgbFrame {
            width: w,
            height: h,
            data,
        }
    }

    fn whole() -> Rect {
        Rect {
            x: 0,
            y: 0,
            w: 430,
            h: 270,
        }
    }

    #[test]
    fn the_four_largest_samples_come_largest_first() {
        assert_eq!(four_largest([3, 9, 1, 9, 5, 0].into_iter()), [9, 9, 5, 3]);
        assert_eq!(four_largest([7, 2].into_iter()), [7, 2, 0, 0]);
    }

    #[test]
    fn even_light_and_a_window_gradient_are_neither_sheen_nor_shadow() {
        for (name, f) in [
            ("even", card(225.0, |_, _| 1.0)),
            ("gradient", card(225.0, |u, _| 0.6 + 0.4 * u)),
            ("dim", card(225.0, |_, _| 0.5)),
        ] {
            let s = measure(&f, whole(), None, &limits());
            assert_eq!(
                (s.sheen_fraction, s.shadow_fraction, s.hologram_fraction),
                (0.0, 0.0, 0.0),
                "{name}: {s:?}"
            );
        }
    }

    #[test]
    fn a_soft_shadow_from_the_left_edge_is_a_shadow_and_not_sheen() {
        // Half as bright left of u = 0.3, blurred over a tenth of the card.
        let f = card(225.0, |u, _| {
            1.0 - 0.5 * ((0.3 - u) / 0.1 + 0.5).clamp(0.0, 1.0)
        });
        let s = measure(&f, whole(), None, &limits());
        assert_eq!(s.sheen_fraction, 0.0, "{s:?}");
        assert!(
            s.shadow_fraction > 0.2 && (0.4..0.6).contains(&s.shadow_depth),
            "{s:?}"
        );
    }
}
