//! The card's four corners: where the straight edges found by `card_edges` meet, whether that
//! point is inside the picture, and whether the card's edge really runs into the corner on
//! both sides (a thumb or an object over the corner hides it). Works on the grey analysis
//! copy; pure.

use super::card_edges::{CardEdges, EdgeLine};

/// Brightness step (0–255) across an edge line that counts as edge (as in `card_edges`).
const STEP: u8 = 16;
/// The stretch of each side checked next to a corner, as shares of the side's length from the
/// corner: an ID-1 card's corner is rounded (radius 3.18 mm: 3.7 % of its width, 5.9 % of its
/// height), so the straight edge starts after about 6 %; a thumb pressed on a corner (a pad
/// about 2 cm across) hides the next 5–10 mm of both sides, 6–13 % of them.
const NEAR: (f64, f64) = (0.06, 0.13);

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CornerName {
    TopLeft,
    TopRight,
    BottomRight,
    BottomLeft,
}

impl CornerName {
    pub const ALL: [CornerName; 4] = [
        CornerName::TopLeft,
        CornerName::TopRight,
        CornerName::BottomRight,
        CornerName::BottomLeft,
    ];

    /// The sides meeting here: (top or bottom, left or right), as `CardEdges` indexes them.
    fn sides(self) -> (usize, usize) {
        match self {
            CornerName::TopLeft => (0, 2),
            CornerName::TopRight => (0, 3),
            CornerName::BottomRight => (1, 3),
            CornerName::BottomLeft => (1, 2),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            CornerName::TopLeft => "top_left",
            CornerName::TopRight => "top_right",
            CornerName::BottomRight => "bottom_right",
            CornerName::BottomLeft => "bottom_left",
        }
    }
}

/// Why a corner is not seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// The corner (or the side leading to it) lies outside the picture.
    OutsidePicture,
    /// Both sides reach it, but the edge stops short of the corner: something covers it.
    Covered,
    /// A side leading to it shows no edge at all (covered along its length, or the card
    /// blends into what is behind it).
    EdgeNotFound,
}

impl Missing {
    pub fn code(self) -> &'static str {
        match self {
            Missing::OutsidePicture => "outside_picture",
            Missing::Covered => "covered",
            Missing::EdgeNotFound => "edge_not_found",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Corner {
    pub name: CornerName,
    /// Where the two edges meet (grey-copy pixels), when both were found.
    pub at: Option<(f64, f64)>,
    /// The smaller share of the two sides' stretches next to the corner that shows an edge.
    pub edge_share: f64,
    pub missing: Option<Missing>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CardCorners {
    pub corners: [Corner; 4],
}

impl CardCorners {
    pub fn found(&self) -> usize {
        self.corners.iter().filter(|c| c.missing.is_none()).count()
    }

    /// The card's outline (top-left, top-right, bottom-right, bottom-left) when all four
    /// edges were found, even if a corner is covered or outside the picture.
    pub fn outline(&self) -> Option<[(f64, f64); 4]> {
        let mut out = [(0.0, 0.0); 4];
        for (o, c) in out.iter_mut().zip(&self.corners) {
            *o = c.at?;
        }
        Some(out)
    }
}

/// Where a horizontal line (y of x) and a vertical one (x of y) cross.
fn crossing(h: &EdgeLine, v: &EdgeLine) -> (f64, f64) {
    let mut y = h.at;
    let mut x = v.across(y);
    for _ in 0..4 {
        y = h.across(x);
        x = v.across(y);
    }
    (x, y)
}

/// Share of the points along `line` from `start` towards `towards` (between the `NEAR`
/// shares of `len`) that lie on a brightness step across the line; `None` when the stretch
/// leaves the picture.
fn edge_near(
    planes: &[&[u8]],
    (w, h): (usize, usize),
    line: &EdgeLine,
    horizontal: bool,
    start: f64,
    towards: f64,
    len: f64,
) -> Option<f64> {
    let dir = if towards >= start { 1.0 } else { -1.0 };
    let (a, b) = (start + dir * NEAR.0 * len, start + dir * NEAR.1 * len);
    let n = (b - a).abs().round().max(1.0) as usize;
    let step_at = |(x0, y0): (i64, i64), (x1, y1): (i64, i64)| -> Option<u8> {
        let inside = |x: i64, y: i64| x >= 0 && y >= 0 && (x as usize) < w && (y as usize) < h;
        if !inside(x0, y0) || !inside(x1, y1) {
            return None;
        }
        let (i, j) = (y0 as usize * w + x0 as usize, y1 as usize * w + x1 as usize);
        Some(
            planes
                .iter()
                .map(|p| p[i].abs_diff(p[j]))
                .max()
                .unwrap_or(0),
        )
    };
    let mut hits = 0;
    for i in 0..n {
        let along = a + dir * i as f64;
        let across = line.across(along).round() as i64;
        let along = along.round() as i64;
        let mut step = 0u8;
        for d in -2..=2 {
            let c = across + d;
            let across_step = if horizontal {
                step_at((along, c - 1), (along, c + 1))?
            } else {
                step_at((c - 1, along), (c + 1, along))?
            };
            step = step.max(across_step);
        }
        hits += usize::from(step >= STEP);
    }
    Some(hits as f64 / n as f64)
}

/// The corners of the card whose edges are `edges`, in a `w`×`h` grey image (and its
/// opponent colour plane, when given: steps in either count), the box being
/// `box_w`×`box_h` grey pixels; a corner counts when both sides show an edge along at least
/// `min_edge_share` of the stretch next to it.
pub fn measure(
    grey: &[u8],
    colour: Option<&[u8]>,
    (w, h): (u32, u32),
    edges: &CardEdges,
    (box_w, box_h): (u32, u32),
    min_edge_share: f64,
) -> CardCorners {
    let size = (w as usize, h as usize);
    let planes: Vec<&[u8]> = [Some(grey), colour].into_iter().flatten().collect();
    let corner = |name: CornerName| {
        let (hs, vs) = name.sides();
        let (Some(hl), Some(vl)) = (edges.lines[hs], edges.lines[vs]) else {
            let cut = |s: usize| edges.lines[s].is_none() && edges.band_cut[s];
            let why = if cut(hs) || cut(vs) {
                Missing::OutsidePicture
            } else {
                Missing::EdgeNotFound
            };
            return Corner {
                name,
                at: None,
                edge_share: 0.0,
                missing: Some(why),
            };
        };
        let at = crossing(&hl, &vl);
        let inside = at.0 >= 0.0 && at.1 >= 0.0 && at.0 <= (w - 1) as f64 && at.1 <= (h - 1) as f64;
        // The other corner along each side, to know which way is inwards.
        let other_v = edges.lines[if vs == 2 { 3 } else { 2 }]
            .map_or(if vs == 2 { at.0 + 1.0 } else { at.0 - 1.0 }, |l| {
                l.across(at.1)
            });
        let other_h = edges.lines[if hs == 0 { 1 } else { 0 }]
            .map_or(if hs == 0 { at.1 + 1.0 } else { at.1 - 1.0 }, |l| {
                l.across(at.0)
            });
        let along_h = edge_near(&planes, size, &hl, true, at.0, other_v, f64::from(box_w));
        let along_v = edge_near(&planes, size, &vl, false, at.1, other_h, f64::from(box_h));
        let (share, missing) = match (inside, along_h, along_v) {
            (true, Some(a), Some(b)) => {
                let s = a.min(b);
                (s, (s < min_edge_share).then_some(Missing::Covered))
            }
            _ => (0.0, Some(Missing::OutsidePicture)),
        };
        Corner {
            name,
            at: Some(at),
            edge_share: share,
            missing,
        }
    };
    CardCorners {
        corners: CornerName::ALL.map(corner),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::card_edges;
    use crate::analysis::frame::Rect;

    const GUIDE: Rect = Rect {
        x: 170,
        y: 110,
        w: 300,
        h: 189,
    };

    fn picture(f: impl Fn(usize, usize) -> u8) -> Vec<u8> {
        (0..640 * 400).map(|i| f(i % 640, i / 640)).collect()
    }

    fn corners_of(img: &[u8], guide: Rect) -> CardCorners {
        let e = card_edges::measure(img, 640, 400, guide);
        measure(img, None, (640, 400), &e, (guide.w, guide.h), 0.5)
    }

    fn on_card(x: usize, y: usize, r: Rect) -> bool {
        (r.x as usize..(r.x + r.w) as usize).contains(&x)
            && (r.y as usize..(r.y + r.h) as usize).contains(&y)
    }

    #[test]
    fn four_clean_corners_are_found_where_the_card_is() {
        let img = picture(|x, y| if on_card(x, y, GUIDE) { 210 } else { 90 });
        let c = corners_of(&img, GUIDE);
        assert_eq!(c.found(), 4, "{c:?}");
        let (x, y) = c.corners[0].at.expect("top left");
        assert!(
            (x - 170.0).abs() <= 1.5 && (y - 110.0).abs() <= 1.5,
            "{x},{y}"
        );
        let (x, y) = c.corners[2].at.expect("bottom right");
        assert!(
            (x - 470.0).abs() <= 1.5 && (y - 299.0).abs() <= 1.5,
            "{x},{y}"
        );
    }

    #[test]
    fn a_thumb_over_a_corner_covers_it() {
        // A mid-grey thumb 40 px across over the top-right corner.
        let img = picture(|x, y| {
            let (dx, dy) = (x as f64 - 470.0, y as f64 - 110.0);
            if dx * dx + dy * dy < 40.0 * 40.0 {
                150
            } else if on_card(x, y, GUIDE) {
                210
            } else {
                90
            }
        });
        let c = corners_of(&img, GUIDE);
        assert_eq!(c.found(), 3, "{c:?}");
        assert_eq!(c.corners[1].missing, Some(Missing::Covered));
    }

    #[test]
    fn a_card_cut_by_the_picture_border_has_corners_outside() {
        // The card runs off the left border; the box the seller was shown starts at x = 2.
        let card = Rect {
            x: 0,
            y: 110,
            w: 300,
            h: 189,
        };
        let guide = Rect { x: 2, ..card };
        let img = picture(|x, y| if on_card(x, y, card) { 210 } else { 90 });
        let c = corners_of(&img, guide);
        assert_eq!(c.found(), 2, "{c:?}");
        for i in [0, 3] {
            assert_eq!(c.corners[i].missing, Some(Missing::OutsidePicture), "{c:?}");
        }
    }
}
