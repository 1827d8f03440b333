//! Whether a card is really held in the guide box. An ID card against whatever is behind it
//! shows a long, straight edge near each side of the box; a face, a shirt or a wall does not.
//! For each side of the box this searches a band around it for the straight line (tilted up
//! to about 6°, as a hand holds a card) along which the most pixels have a strong brightness
//! step across the line, and reports that share. A line counts only when it stands out from
//! the other lines of its band, so a busy texture (wood grain, a patterned shirt) that is
//! "edgy" everywhere does not read as a card. Works on the grey analysis copy; pure.

use super::frame::Rect;

/// Brightness step (0–255) across a line that counts as an edge pixel.
const STEP: u8 = 16;
/// How far from the box a side may lie, as a share of the box height (top, bottom) or width
/// (left, right): the seller holds the card only roughly in the guide.
const BAND: f64 = 0.15;
/// Tilt tolerated, as the rise over the run of a side (tan 6°).
const TILT: f64 = 0.105;
/// How far above the band's median line the best line must be (share of the side's length).
const STAND_OUT: f64 = 0.25;

/// A straight line along one side: `across = at + slope * (along - from)`, in the grey copy's
/// pixels (`across` is y for the top and bottom sides, x for the left and right ones).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EdgeLine {
    pub at: f64,
    pub from: f64,
    pub slope: f64,
}

impl EdgeLine {
    pub fn across(&self, along: f64) -> f64 {
        self.at + self.slope * (along - self.from)
    }
}

/// Per side (top, bottom, left, right): the share of the side's length along the best line
/// that is an edge, 0 when no line stands out, and that line.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct CardEdges {
    pub sides: [f64; 4],
    pub lines: [Option<EdgeLine>; 4],
    /// Whether the band searched for each side reached the picture's border (so a side not
    /// found may lie outside the picture).
    pub band_cut: [bool; 4],
}

impl CardEdges {
    /// Sides with an edge along at least `min_fraction` of their length.
    pub fn found(&self, min_fraction: f64) -> usize {
        self.sides.iter().filter(|s| **s >= min_fraction).count()
    }
}

/// A grey image seen along one axis: `at(along, across)` reads the pixel, so one routine
/// serves horizontal and vertical sides.
struct View<'a> {
    grey: &'a [u8],
    /// The opponent colour plane (`frame::small_opponent`), when there is one.
    colour: Option<&'a [u8]>,
    w: usize,
    transposed: bool,
}

impl View<'_> {
    fn index(&self, along: usize, across: usize) -> usize {
        let (x, y) = if self.transposed {
            (across, along)
        } else {
            (along, across)
        };
        y * self.w + x
    }
}

/// Pieces a side is cut into: a tilted line is followed piece by piece (each piece at its own
/// row), so every line costs `PIECES` additions instead of a walk along the side.
const PIECES: usize = 8;

/// Where one side is searched: along `a0..a1`, near `across0` (a row for top/bottom sides, a
/// column for left/right) within `band`; `limit` is the image size across; the card lies
/// towards `inward` (+1 or −1) of its edge.
struct Search {
    a0: usize,
    a1: usize,
    across0: usize,
    band: usize,
    limit: usize,
    inward: i64,
}

/// The card's own look: median grey (and opponent colour) of the middle of the box.
#[derive(Clone, Copy)]
struct CardLook {
    grey: u8,
    colour: Option<u8>,
}

/// How far from the card's look a pixel may be and still be the card: its brightness within
/// 30 % (window light falls off across a card by about that much), its colour within this
/// many opponent levels (colour hardly changes with the light's strength).
const LIKE_CARD_LIGHT: f64 = 0.3;
const LIKE_CARD_COLOUR: u8 = 24;

/// Places across the band weighed as the card's edge.
const CANDIDATES: usize = 6;

/// Best line of one side (see `Search`).
fn side(view: &View, search: &Search, card: CardLook) -> (f64, Option<EdgeLine>) {
    let Search {
        a0,
        a1,
        across0,
        band,
        limit,
        inward,
    } = *search;
    let lo = across0.saturating_sub(band).max(1);
    let hi = (across0 + band).min(limit.saturating_sub(2));
    if a1 < a0 + 2 * PIECES || hi < lo {
        return (0.0, None);
    }
    let len = a1 - a0;
    let rows = hi - lo + 1;
    // Strong steps across each line (the lines before and after it differ by STEP or more,
    // in brightness or in colour).
    let mut strong = vec![0u8; rows * len];
    for plane in [Some(view.grey), view.colour].into_iter().flatten() {
        // The band's pixels, one line along the side after another (lines lo-1 ..= hi+1).
        let mut px = vec![0u8; (rows + 2) * len];
        let (first, w) = (lo - 1, view.w);
        if view.transposed {
            // A vertical side: the band is read row by row (in memory order), each row's
            // few pixels scattered to their lines.
            for i in 0..len {
                let row = &plane[(a0 + i) * w + first..(a0 + i) * w + first + rows + 2];
                for (j, &p) in row.iter().enumerate() {
                    px[j * len + i] = p;
                }
            }
        } else {
            for (j, line) in px.chunks_exact_mut(len).enumerate() {
                let start = (first + j) * w + a0;
                line.copy_from_slice(&plane[start..start + len]);
            }
        }
        for (r, out) in strong.chunks_exact_mut(len).enumerate() {
            let (before, after) = (
                &px[r * len..(r + 1) * len],
                &px[(r + 2) * len..(r + 3) * len],
            );
            for ((o, &b), &a) in out.iter_mut().zip(before).zip(after) {
                *o |= u8::from(b.abs_diff(a) >= STEP);
            }
        }
    }
    // Per line and piece: how many pixels of the piece are on an edge at that line or the
    // lines beside it (a tilted line drifts by a pixel within a piece).
    let mut counts = vec![0u32; rows * PIECES];
    let mut near = vec![0u8; len];
    for r in 0..rows {
        near.copy_from_slice(&strong[r * len..(r + 1) * len]);
        for rr in [r.wrapping_sub(1), r + 1] {
            if rr < rows {
                for (n, &s) in near.iter_mut().zip(&strong[rr * len..(rr + 1) * len]) {
                    *n |= s;
                }
            }
        }
        for k in 0..PIECES {
            let piece = &near[k * len / PIECES..(k + 1) * len / PIECES];
            counts[r * PIECES + k] = piece.iter().map(|&n| u32::from(n)).sum();
        }
    }
    let rise = (len as f64 * TILT).round() as i64;
    let mut hits_of_lines = Vec::with_capacity(rows * (2 * rise as usize + 1));
    // Straighter lines first, so that among equally good lines the straightest is kept.
    let tilts: Vec<i64> = (0..=rise)
        .flat_map(|d| if d == 0 { vec![0] } else { vec![-d, d] })
        .collect();
    // The counts piece by piece (each piece's counts for every line, in a row), so that a
    // tilt's lines are summed as whole rows shifted by the tilt.
    let by_piece: Vec<u32> = (0..PIECES)
        .flat_map(|k| (0..rows).map(move |r| (r, k)))
        .map(|(r, k)| counts[r * PIECES + k])
        .collect();
    for &d in &tilts {
        let start = hits_of_lines.len();
        hits_of_lines.resize(start + rows, 0);
        let hits = &mut hits_of_lines[start..];
        for k in 0..PIECES {
            // The line at r0 lies at row r0 + shift in the middle of piece k.
            let shift = d * (2 * k as i64 + 1) / (2 * PIECES as i64);
            let piece = &by_piece[k * rows..(k + 1) * rows];
            let (from, to) = (
                (-shift).clamp(0, rows as i64) as usize,
                (rows as i64 - shift).clamp(0, rows as i64) as usize,
            );
            if to <= from {
                continue;
            }
            let read = (from as i64 + shift) as usize;
            for (h, &c) in hits[from..to].iter_mut().zip(&piece[read..]) {
                *h += c;
            }
        }
    }
    let best = hits_of_lines.iter().copied().max().unwrap_or(0);
    // Print inside the card (the portrait's border, a line of text) or an edge behind it (a
    // table, a door, gravel) can make a line as straight as the card's own edge. The card's
    // edge is the one with the card on its inner side and something else on its outer side:
    // each line nearly as good as the best is weighed by those two shares.
    let good = best / 2;
    let light = (f64::from(card.grey) * LIKE_CARD_LIGHT).max(f64::from(STEP));
    let like_card = |idx: usize| {
        f64::from(view.grey[idx].abs_diff(card.grey)) <= light
            && view
                .colour
                .zip(card.colour)
                .is_none_or(|(c, k)| c[idx].abs_diff(k) <= LIKE_CARD_COLOUR)
    };
    let sides_of = |i: usize| -> f64 {
        let (r0, d) = ((i % rows) as i64, tilts[i / rows]);
        let (mut inner, mut outer, mut n) = (0u32, 0u32, 0u32);
        for k in (0..len).step_by(2) {
            let across = lo as i64 + r0 + d * k as i64 / len as i64;
            let (inside, outside) = (across + 3 * inward, across - 3 * inward);
            if inside < 0 || outside < 0 || inside as usize >= limit || outside as usize >= limit {
                continue;
            }
            n += 1;
            inner += u32::from(like_card(view.index(a0 + k, inside as usize)));
            outer += u32::from(!like_card(view.index(a0 + k, outside as usize)));
        }
        if n == 0 {
            return 0.0;
        }
        f64::from(inner) * f64::from(outer) / f64::from(n * n)
    };
    // The candidates: the best line of each place across the band (a line within three
    // pixels of a better one is the same place), at most `CANDIDATES` of them.
    let middle = |i: usize| 2 * (i % rows) as i64 + tilts[i / rows];
    // Taken best first (fewest-index first among equals): the good lines ordered by their
    // hits with a counting sort (hits are at most the side's length).
    let mut candidates: Vec<(usize, i64)> = Vec::with_capacity(CANDIDATES);
    for i in best_first(&hits_of_lines, good) {
        let m = middle(i);
        if candidates.iter().all(|&(_, cm)| (cm - m).abs() > 6) {
            candidates.push((i, m));
            if candidates.len() == CANDIDATES {
                break;
            }
        }
    }
    let chosen = candidates
        .iter()
        .map(|&(i, _)| (i, f64::from(hits_of_lines[i]) * (0.25 + sides_of(i))))
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .map_or(0, |c| c.0);
    // The edge lies in the middle of the run of good positions at that tilt (the step and
    // the one-pixel tolerance spread it over neighbouring lines).
    let (t, r0) = (chosen / rows, chosen % rows);
    let line_hits = |r: usize| hits_of_lines[t * rows + r];
    let (mut first, mut last) = (r0, r0);
    let same = hits_of_lines[chosen] - hits_of_lines[chosen] / 5;
    while first > 0 && line_hits(first - 1) >= same {
        first -= 1;
    }
    while last + 1 < rows && line_hits(last + 1) >= same {
        last += 1;
    }
    let best_line = (((first + last) / 2) as i64, tilts[t]);
    let chosen_hits = hits_of_lines[chosen];
    let mid = hits_of_lines.len() / 2;
    let median = *hits_of_lines.select_nth_unstable(mid).1;
    let (best, median) = (
        f64::from(chosen_hits) / len as f64,
        f64::from(median) / len as f64,
    );
    if best - median >= STAND_OUT {
        let (r0, d) = best_line;
        let line = EdgeLine {
            at: (lo as i64 + r0) as f64,
            from: a0 as f64,
            slope: d as f64 / len as f64,
        };
        (best, Some(line))
    } else {
        (0.0, None)
    }
}

/// The indexes of the lines with at least `good` hits, most hits first and, among equal
/// hits, lowest index first.
fn best_first(hits: &[u32], good: u32) -> Vec<usize> {
    let top = hits.iter().copied().max().unwrap_or(0) as usize;
    // Where each hit count's lines start in the order (more hits earlier).
    let mut start = vec![0usize; top + 2];
    for &h in hits.iter().filter(|&&h| h >= good) {
        start[top - h as usize + 1] += 1;
    }
    for k in 1..start.len() {
        start[k] += start[k - 1];
    }
    let mut order = vec![0usize; start[top + 1]];
    for (i, &h) in hits.iter().enumerate().filter(|&(_, &h)| h >= good) {
        let slot = &mut start[top - h as usize];
        order[*slot] = i;
        *slot += 1;
    }
    order
}

/// The card's look: the medians over the middle half of the box (mostly paper on an ID card).
fn card_look(grey: &[u8], colour: Option<&[u8]>, w: usize, card: Rect) -> CardLook {
    let (x, y, cw, ch) = (
        card.x as usize,
        card.y as usize,
        card.w as usize,
        card.h as usize,
    );
    let median = |plane: &[u8]| {
        super::frame::median_u8(
            (y + ch / 4..y + ch * 3 / 4)
                .step_by(2)
                .flat_map(|yy| {
                    (x + cw / 4..x + cw * 3 / 4)
                        .step_by(2)
                        .map(move |xx| (xx, yy))
                })
                .filter_map(|(xx, yy)| plane.get(yy * w + xx).copied()),
        )
    };
    CardLook {
        grey: median(grey),
        colour: colour.map(median),
    }
}

/// The four sides of `card` (in the grey copy's pixels) in a `w`×`h` grey image.
pub fn measure(grey: &[u8], w: u32, h: u32, card: Rect) -> CardEdges {
    measure_with_colour(grey, None, w, h, card)
}

/// As `measure`, also counting colour steps in `colour` (same size as `grey`).
pub fn measure_with_colour(
    grey: &[u8],
    colour: Option<&[u8]>,
    w: u32,
    h: u32,
    card: Rect,
) -> CardEdges {
    let (w, h) = (w as usize, h as usize);
    if grey.len() < w * h || w < 8 || h < 8 || colour.is_some_and(|c| c.len() < w * h) {
        return CardEdges::default();
    }
    let (x, y, cw, ch) = (
        card.x as usize,
        card.y as usize,
        card.w as usize,
        card.h as usize,
    );
    // The middle 80 % of each side: corners are rounded and fingers hold them.
    let (x0, x1) = (x + cw / 10, (x + cw * 9 / 10).min(w));
    let (y0, y1) = (y + ch / 10, (y + ch * 9 / 10).min(h));
    let band_v = ((ch as f64 * BAND) as usize).max(2);
    let band_h = ((cw as f64 * BAND) as usize).max(2);
    let rows = View {
        grey,
        colour,
        w,
        transposed: false,
    };
    let cols = View {
        grey,
        colour,
        w,
        transposed: true,
    };
    let look = card_look(grey, colour, w, card);
    let search = |a0, a1, across0, band, limit, inward| Search {
        a0,
        a1,
        across0,
        band,
        limit,
        inward,
    };
    let found = [
        side(&rows, &search(x0, x1, y, band_v, h, 1), look),
        side(&rows, &search(x0, x1, y + ch, band_v, h, -1), look),
        side(&cols, &search(y0, y1, x, band_h, w, 1), look),
        side(&cols, &search(y0, y1, x + cw, band_h, w, -1), look),
    ];
    CardEdges {
        sides: found.map(|f| f.0),
        lines: found.map(|f| f.1),
        band_cut: [
            y <= band_v + 1,
            y + ch + band_v + 2 >= h,
            x <= band_h + 1,
            x + cw + band_h + 2 >= w,
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_lines_come_most_hits_first_then_lowest_index() {
        let hits = [3, 9, 0, 5, 9, 4, 5, 2];
        assert_eq!(best_first(&hits, 4), vec![1, 4, 3, 6, 5]);
        assert_eq!(best_first(&hits, 10), Vec::<usize>::new());
        assert_eq!(best_first(&[], 0), Vec::<usize>::new());
    }

    /// A `w`×`h` grey picture from a function of (x, y).
    fn picture(w: usize, h: usize, f: impl Fn(f64, f64) -> u8) -> Vec<u8> {
        (0..w * h)
            .map(|i| f((i % w) as f64, (i / w) as f64))
            .collect()
    }

    /// Whether (x, y) is on a card centred at (cx, cy), `cw`×`ch`, turned by `deg`.
    fn on_card(x: f64, y: f64, (cx, cy, cw, ch): (f64, f64, f64, f64), deg: f64) -> bool {
        let (s, c) = deg.to_radians().sin_cos();
        let (dx, dy) = (x - cx, y - cy);
        let (u, v) = (dx * c + dy * s, -dx * s + dy * c);
        u.abs() <= cw / 2.0 && v.abs() <= ch / 2.0
    }

    const GUIDE: Rect = Rect {
        x: 170,
        y: 110,
        w: 300,
        h: 189,
    };

    /// Pseudo-random texture (a hash of the position).
    fn noise(x: f64, y: f64) -> u8 {
        let n = (x as u32).wrapping_mul(374_761_393) ^ (y as u32).wrapping_mul(668_265_263);
        (n.wrapping_mul(1_274_126_177) >> 24) as u8
    }

    #[test]
    fn a_card_held_roughly_in_the_guide_shows_its_four_sides() {
        // Shifted by 5 % and turned by 3°, light card on a mid-grey wall with some shading.
        let card = (320.0 + 15.0, 204.5 - 8.0, 300.0, 189.0);
        let img = picture(640, 400, |x, y| {
            if on_card(x, y, card, 3.0) {
                200
            } else {
                (110.0 + y / 20.0) as u8
            }
        });
        let e = measure(&img, 640, 400, GUIDE);
        assert_eq!(e.found(0.5), 4, "{e:?}");
        // A thumb over half of the bottom side still leaves three.
        let thumb = picture(640, 400, |x, y| {
            if x > 300.0 && x < 420.0 && y > 260.0 {
                150
            } else {
                img[y as usize * 640 + x as usize]
            }
        });
        assert!(measure(&thumb, 640, 400, GUIDE).found(0.5) >= 3);
    }

    #[test]
    fn no_card_plain_or_textured_shows_no_sides() {
        let plain = picture(640, 400, |x, y| (100.0 + x / 10.0 + y / 8.0) as u8);
        assert_eq!(measure(&plain, 640, 400, GUIDE).found(0.5), 0);
        let busy = picture(640, 400, noise);
        assert_eq!(measure(&busy, 640, 400, GUIDE).found(0.5), 0);
        // A round face-sized blob in the guide is not a card.
        let blob = picture(640, 400, |x, y| {
            if (x - 320.0).powi(2) / 90.0f64.powi(2) + (y - 205.0).powi(2) / 120.0f64.powi(2) < 1.0
            {
                190
            } else {
                90
            }
        });
        assert!(measure(&blob, 640, 400, GUIDE).found(0.5) <= 1);
    }

    #[test]
    fn boxes_at_the_picture_edge_or_tiny_pictures_do_not_panic() {
        let img = picture(64, 40, |x, _| if x > 30.0 { 200 } else { 50 });
        for card in [
            Rect {
                x: 0,
                y: 0,
                w: 64,
                h: 40,
            },
            Rect {
                x: 60,
                y: 35,
                w: 4,
                h: 5,
            },
        ] {
            let e = measure(&img, 64, 40, card);
            assert!(e.sides.iter().all(|s| (0.0..=1.0).contains(s)));
        }
        assert_eq!(measure(&[0; 10], 4, 4, GUIDE), CardEdges::default());
    }
}
