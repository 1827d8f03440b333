//! Frames as plain pixel buffers, and the small conversions every image measure shares.

/// A rectangle in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Rect {
    pub x: u32,
    pub y: u32,
    pub w: u32,
    pub h: u32,
}

impl Rect {
    pub fn area(&self) -> u64 {
        u64::from(self.w) * u64::from(self.h)
    }

    /// Whether the whole rectangle lies inside a `width`×`height` frame.
    pub fn inside(&self, width: u32, height: u32) -> bool {
        self.w > 0
            && self.h > 0
            && u64::from(self.x) + u64::from(self.w) <= u64::from(width)
            && u64::from(self.y) + u64::from(self.h) <= u64::from(height)
    }

    /// The middle half of a frame (for lighting when no face is found).
    pub fn centre_of(width: u32, height: u32) -> Rect {
        Rect {
            x: width / 4,
            y: height / 4,
            w: (width / 2).max(1),
            h: (height / 2).max(1),
        }
    }

    /// Whether the centre of `other` lies inside this rectangle.
    pub fn contains_centre_of(&self, other: &Rect) -> bool {
        let cx = u64::from(other.x) + u64::from(other.w) / 2;
        let cy = u64::from(other.y) + u64::from(other.h) / 2;
        cx >= u64::from(self.x)
            && cx < u64::from(self.x) + u64::from(self.w)
            && cy >= u64::from(self.y)
            && cy < u64::from(self.y) + u64::from(self.h)
    }

    /// "x,y,w,h" → Rect.
    pub fn parse(text: &str) -> Option<Rect> {
        let v: Vec<u32> = text
            .split(',')
            .map(|p| p.trim().parse().ok())
            .collect::<Option<Vec<u32>>>()?;
        match v.as_slice() {
            [x, y, w, h] if *w > 0 && *h > 0 => Some(Rect {
                x: *x,
                y: *y,
                w: *w,
                h: *h,
            }),
            _ => None,
        }
    }
}

/// An RGB8 frame, row-major, 3 bytes a pixel.
#[derive(Debug, Clone, PartialEq)]
pub struct RgbFrame {
    pub width: u32,
    pub height: u32,
    pub data: Vec<u8>,
}

/// BT.601 luma in integer arithmetic (weights 77, 150, 29 out of 256).
#[inline]
pub fn luma(r: u8, g: u8, b: u8) -> u8 {
    ((77 * u32::from(r) + 150 * u32::from(g) + 29 * u32::from(b)) >> 8) as u8
}

impl RgbFrame {
    /// Grey copy (one luma byte a pixel).
    pub fn to_gray(&self) -> Vec<u8> {
        self.data
            .chunks_exact(3)
            .map(|p| luma(p[0], p[1], p[2]))
            .collect()
    }
}

/// The long side the measures work at: sharpness and faces are judged at the scale a
/// reviewer sees, and sensor noise averages out.
pub const ANALYSIS_LONG_SIDE: u32 = 640;

/// Integer downscale factor that brings the long side to about `ANALYSIS_LONG_SIDE`.
pub fn analysis_factor(width: u32, height: u32) -> u32 {
    width.max(height).div_ceil(ANALYSIS_LONG_SIDE).max(1)
}

impl Rect {
    /// This rectangle in a frame downscaled by `factor` (at least 1×1).
    pub fn scaled_down(&self, factor: u32) -> Rect {
        let f = factor.max(1);
        Rect {
            x: self.x / f,
            y: self.y / f,
            w: (self.w / f).max(1),
            h: (self.h / f).max(1),
        }
    }

    /// Grown by `by` × its size on every side (before clipping).
    pub fn expanded(&self, by: f64) -> Rect {
        let dx = (f64::from(self.w) * by) as u32;
        let dy = (f64::from(self.h) * by) as u32;
        Rect {
            x: self.x.saturating_sub(dx),
            y: self.y.saturating_sub(dy),
            w: self.w + 2 * dx,
            h: self.h + 2 * dy,
        }
    }

    /// Clipped to a `width`×`height` frame.
    pub fn clipped(&self, width: u32, height: u32) -> Rect {
        let x = self.x.min(width.saturating_sub(1));
        let y = self.y.min(height.saturating_sub(1));
        Rect {
            x,
            y,
            w: self.w.min(width - x).max(1),
            h: self.h.min(height - y).max(1),
        }
    }
}

pub use super::grey_downscale::small_gray;

/// The median of byte values (a histogram: no sorting, no allocation); 0 when there are none.
pub fn median_u8(values: impl Iterator<Item = u8>) -> u8 {
    let mut hist = [0u32; 256];
    let mut count = 0u32;
    for v in values {
        hist[usize::from(v)] += 1;
        count += 1;
    }
    let mut acc = 0;
    hist.iter()
        .position(|c| {
            acc += c;
            acc * 2 >= count
        })
        .unwrap_or(0) as u8
}

/// Box-filter downscale of a grey image by an integer factor.
pub fn downscale_gray(gray: &[u8], width: u32, height: u32, factor: u32) -> (Vec<u8>, u32, u32) {
    let f = factor.max(1);
    let (w2, h2) = ((width / f).max(1), (height / f).max(1));
    if f == 1 {
        return (gray.to_vec(), width, height);
    }
    let (w, f) = (width as usize, f as usize);
    let mut out = vec![0u8; w2 as usize * h2 as usize];
    let mut row_sum = vec![0u32; w2 as usize];
    for y2 in 0..h2 as usize {
        row_sum.iter_mut().for_each(|s| *s = 0);
        for dy in 0..f {
            let row = &gray[(y2 * f + dy) * w..(y2 * f + dy) * w + w];
            for (x2, s) in row_sum.iter_mut().enumerate() {
                *s += row[x2 * f..x2 * f + f]
                    .iter()
                    .map(|v| u32::from(*v))
                    .sum::<u32>();
            }
        }
        let div = (f * f) as u32;
        for (x2, s) in row_sum.iter().enumerate() {
            out[y2 * w2 as usize + x2] = (s / div) as u8;
        }
    }
    (out, w2, h2)
}

/// The blue–red opponent colour ((B − R + 255) / 2) of `frame` at analysis scale (`factor`),
/// filled only inside `region` (analysis-scale pixels; zero elsewhere): the mean of two
/// pixels on the diagonal of each `factor`×`factor` block (colour varies slowly: cameras and
/// JPEG keep it at half resolution or less). A card and what is behind it can be equally
/// bright but rarely the same colour, so edges lost in the grey copy (a shadow over the
/// card's edge) show here.
pub fn small_opponent(
    frame: &RgbFrame,
    factor: u32,
    (sw, sh): (u32, u32),
    region: Rect,
) -> Vec<u8> {
    let mut out = vec![0u8; (sw * sh) as usize];
    let f = factor.max(1) as usize;
    let r = region.clipped(sw, sh);
    let (w, h) = (frame.width as usize, frame.height as usize);
    if w == 0 || h == 0 {
        return out;
    }
    // The two pixels of each block: its first pixel and the one `f - 1` further across and
    // down (clamped to the frame), read from two whole rows of the frame.
    let row = |y: usize| {
        let y = y.min(h - 1);
        &frame.data[y * w * 3..(y + 1) * w * 3]
    };
    let b_minus_r = |row: &[u8], x: usize| {
        let i = x.min(w - 1) * 3;
        i32::from(row[i + 2]) - i32::from(row[i])
    };
    let (x0, x1) = (r.x as usize, (r.x + r.w) as usize);
    // Blocks lying wholly inside the frame's width are read as `3 f`-byte chunks of the two
    // rows (no clamping); the rest, if any, pixel by pixel.
    let whole = (w / f).clamp(x0, x1);
    let bw = 3 * f;
    #[cfg(target_arch = "x86_64")]
    let avx2 = std::arch::is_x86_feature_detected!("avx2");
    for y in r.y as usize..(r.y + r.h) as usize {
        let (top, bottom) = (row(y * f), row(y * f + f - 1));
        let line = &mut out[y * sw as usize + x0..y * sw as usize + x1];
        let (inside, beyond) = line.split_at_mut(whole - x0);
        let (tops, bottoms) = (&top[x0 * bw..whole * bw], &bottom[x0 * bw..whole * bw]);
        match f {
            #[cfg(target_arch = "x86_64")]
            // SAFETY: `avx2` was checked on this CPU.
            2 if avx2 => unsafe { super::opponent_half::row(tops, bottoms, inside) },
            _ => opponent_blocks(bw, tops, bottoms, inside),
        }
        for (x, o) in (whole..x1).zip(beyond.iter_mut()) {
            let d = b_minus_r(top, x * f) + b_minus_r(bottom, x * f + f - 1);
            *o = opponent_level(d as i16);
        }
    }
    out
}

/// One row of opponent colour for blocks of `bw` bytes (`bw / 3` pixels) across: the blue
/// minus red of each block's first pixel on the top row and its last pixel on the bottom row.
fn opponent_blocks(bw: usize, tops: &[u8], bottoms: &[u8], out: &mut [u8]) {
    let (tops, bottoms) = (tops.chunks_exact(bw), bottoms.chunks_exact(bw));
    for ((o, t), b) in out.iter_mut().zip(tops).zip(bottoms) {
        let d = i16::from(t[2]) - i16::from(t[0]) + i16::from(b[bw - 1]) - i16::from(b[bw - 3]);
        *o = opponent_level(d);
    }
}

/// Two pixels' blue minus red (−510 to 510) as one byte: 0 all red, 127 no colour, 255 all
/// blue.
#[inline(always)]
pub(super) fn opponent_level(d: i16) -> u8 {
    ((d / 2 + 255) / 2).clamp(0, 255) as u8
}

/// Pseudo-random bytes for tests (xorshift32's top byte each step), continuing from `seed`.
#[cfg(test)]
pub(crate) fn noise_bytes(seed: &mut u32, n: usize) -> Vec<u8> {
    (0..n)
        .map(|_| {
            *seed ^= *seed << 13;
            *seed ^= *seed >> 17;
            *seed ^= *seed << 5;
            (*seed >> 24) as u8
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rects_and_luma() {
        let r = Rect::parse("10, 20,30,40").expect("rect");
        assert_eq!(
            r,
            Rect {
                x: 10,
                y: 20,
                w: 30,
                h: 40
            }
        );
        assert!(r.inside(40, 60) && !r.inside(39, 60));
        assert!(
            Rect::parse("1,2,3").is_none()
                && Rect::parse("1,2,0,4").is_none()
                && Rect::parse("a,b,c,d").is_none()
        );
        assert_eq!(luma(255, 255, 255), 255);
        assert_eq!(luma(0, 0, 0), 0);
        let (d, w, h) = downscale_gray(&[0, 255, 0, 255, 0, 255, 0, 255], 4, 2, 2);
        assert_eq!((d, w, h), (vec![127, 127], 2, 1));
        assert!(
            Rect {
                x: 0,
                y: 0,
                w: 100,
                h: 100
            }
            .contains_centre_of(&Rect {
                x: 40,
                y: 40,
                w: 10,
                h: 10
            })
        );
    }

    #[test]
    fn opponent_colour_is_two_diagonal_pixels_of_each_block_inside_the_region() {
        // Odd sizes, so the last block's second pixel lies past the frame and is clamped;
        // wide ones, so the 720p path's 16-block turns run too (with a tail after them).
        for (w, h) in [(23u32, 17u32), (211, 9), (420, 6)] {
            opponent_colour_matches_its_definition(w, h);
        }
    }

    fn opponent_colour_matches_its_definition(w: u32, h: u32) {
        // Every byte value, blue far above and far below red included.
        let data = noise_bytes(&mut 0x9e37_79b9, (w * h * 3) as usize);
        let frame = RgbFrame {
            width: w,
            height: h,
            data,
        };
        for factor in 1..=4u32 {
            let (sw, sh) = (w.div_ceil(factor), h.div_ceil(factor));
            let region = Rect {
                x: 1,
                y: 1,
                w: sw - 1,
                h: sh - 1,
            };
            let got = small_opponent(&frame, factor, (sw, sh), region);
            let at = |x: u32, y: u32| {
                let i = ((y.min(h - 1) * w + x.min(w - 1)) * 3) as usize;
                i32::from(frame.data[i + 2]) - i32::from(frame.data[i])
            };
            for y in 0..sh {
                for x in 0..sw {
                    let want = if x >= 1 && y >= 1 {
                        let (fx, fy) = (x * factor, y * factor);
                        let d = at(fx, fy) + at(fx + factor - 1, fy + factor - 1);
                        ((d / 2 + 255) / 2).clamp(0, 255) as u8
                    } else {
                        0
                    };
                    assert_eq!(
                        got[(y * sw + x) as usize],
                        want,
                        "{w}x{h}, factor {factor} at {x},{y}"
                    );
                }
            }
        }
    }
}
