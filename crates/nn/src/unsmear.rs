//! Undoing a sideways smear. A camera turning while a picture is exposed spreads each point of
//! the room over a run of pixels along its row: the picture is the sharp one seen through a
//! box `length` pixels wide. Landweber's iteration undoes it as far as `rounds` steps go —
//! each step adds back, seen through the box again, what the estimate seen through the box
//! still lacks — and stops before the noise the box had hidden grows (the box passes no
//! detail at some frequencies, so no step count restores everything).

/// `rgb` (`w`×`h`, three bytes a pixel, rows one after another) with each row unsmeared by a
/// centred box `length` pixels wide (made odd, so the box is its own mirror image), `rounds`
/// steps; the picture's ends are taken to go on as their last pixel.
pub fn rgb_unsmeared(rgb: &[u8], (w, h): (usize, usize), length: usize, rounds: usize) -> Vec<u8> {
    let length = length | 1;
    if length < 3 || w == 0 || rgb.len() < w * h * 3 {
        return rgb.to_vec();
    }
    let mut out = vec![0u8; w * h * 3];
    let mut seen = vec![0f32; w];
    let mut sharp = vec![0f32; w];
    let mut lack = vec![0f32; w];
    let mut boxed = vec![0f32; w];
    let mut sums = vec![0f32; w + length + 1];
    for (row, out_row) in rgb
        .chunks_exact(w * 3)
        .take(h)
        .zip(out.chunks_exact_mut(w * 3))
    {
        for c in 0..3 {
            for (x, s) in seen.iter_mut().enumerate() {
                *s = f32::from(row[x * 3 + c]);
            }
            sharp.copy_from_slice(&seen);
            for _ in 0..rounds {
                through_box(&sharp, length, &mut sums, &mut boxed);
                for ((l, s), b) in lack.iter_mut().zip(&seen).zip(&boxed) {
                    *l = s - b;
                }
                through_box(&lack, length, &mut sums, &mut boxed);
                for (s, b) in sharp.iter_mut().zip(&boxed) {
                    *s += b;
                }
            }
            for (x, s) in sharp.iter().enumerate() {
                out_row[x * 3 + c] = s.round().clamp(0.0, 255.0) as u8;
            }
        }
    }
    out
}

/// `line` seen through a centred box of odd `length`, its ends repeated, into `out`.
fn through_box(line: &[f32], length: usize, sums: &mut [f32], out: &mut [f32]) {
    let w = line.len();
    let half = length / 2;
    let at = |i: isize| line[i.clamp(0, w as isize - 1) as usize];
    // sums[k] = the sum of the padded line's first k values; the padded line starts `half`
    // before the line.
    sums[0] = 0.0;
    for k in 0..w + length - 1 {
        sums[k + 1] = sums[k] + at(k as isize - half as isize);
    }
    let scale = 1.0 / length as f32;
    for (x, o) in out.iter_mut().enumerate() {
        *o = (sums[x + length] - sums[x]) * scale;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row of bars and single bright points: what a box smears most.
    fn pattern(w: usize) -> Vec<u8> {
        (0..w)
            .flat_map(|x| {
                let v = if x % 23 == 5 {
                    250
                } else if (x / 9) % 2 == 0 {
                    60
                } else {
                    170
                };
                [v, 255 - v, v / 2]
            })
            .collect()
    }

    fn smeared(rgb: &[u8], w: usize, length: usize) -> Vec<u8> {
        let mut out = vec![0u8; rgb.len()];
        let mut sums = vec![0f32; w + length + 1];
        let mut line = vec![0f32; w];
        let mut boxed = vec![0f32; w];
        for c in 0..3 {
            for x in 0..w {
                line[x] = f32::from(rgb[x * 3 + c]);
            }
            through_box(&line, length, &mut sums, &mut boxed);
            for x in 0..w {
                out[x * 3 + c] = boxed[x].round() as u8;
            }
        }
        out
    }

    fn distance(a: &[u8], b: &[u8]) -> f64 {
        a.iter()
            .zip(b)
            .map(|(x, y)| (f64::from(*x) - f64::from(*y)).abs())
            .sum::<f64>()
            / a.len() as f64
    }

    #[test]
    fn a_smeared_row_comes_back_closer_to_the_sharp_one() {
        let w = 200;
        let sharp = pattern(w);
        let blurred = smeared(&sharp, w, 13);
        let back = rgb_unsmeared(&blurred, (w, 1), 13, 30);
        let (before, after) = (distance(&blurred, &sharp), distance(&back, &sharp));
        assert!(after < 0.6 * before, "{before} -> {after}");
    }

    #[test]
    fn a_box_of_one_pixel_or_none_changes_nothing() {
        let rgb = pattern(50);
        assert_eq!(rgb_unsmeared(&rgb, (50, 1), 1, 30), rgb);
        assert_eq!(rgb_unsmeared(&rgb, (50, 1), 0, 30), rgb);
        assert_eq!(rgb_unsmeared(&rgb, (50, 1), 9, 0), rgb);
    }

    #[test]
    fn a_plain_picture_stays_plain() {
        let rgb = vec![120u8; 64 * 4 * 3];
        assert_eq!(rgb_unsmeared(&rgb, (64, 4), 9, 30), rgb);
    }
}
