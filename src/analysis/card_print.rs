//! What is printed on the card in the guide, coarsely: the card's grey picture averaged into a
//! 16 × 10 grid (cells about 5 mm of the card), without its brightness and contrast. Two looks
//! at the same side of the card correlate strongly wherever the card sits a little differently
//! and however the light changed; the two sides of an ID card (portrait and text on one, the
//! emblem and other text on the other) do not. The ID-card step uses it to tell that the card
//! was really turned before the second side counts.

use super::frame::Rect;

const COLS: u32 = 16;
const ROWS: u32 = 10;

#[derive(Debug, Clone, PartialEq)]
pub struct CardPrint {
    /// Cell means, zero-mean and unit length (empty for a blank card area).
    cells: Vec<f32>,
}

/// The print inside `card` (grey-copy coordinates) of a grey picture `width` wide.
pub fn measure(gray: &[u8], width: u32, height: u32, card: Rect) -> CardPrint {
    let card = card.clipped(width, height);
    let mut cells = Vec::with_capacity((COLS * ROWS) as usize);
    for row in 0..ROWS {
        let (y0, y1) = span(card.y, card.h, row, ROWS);
        for col in 0..COLS {
            let (x0, x1) = span(card.x, card.w, col, COLS);
            let (mut sum, mut n) = (0u64, 0u64);
            for y in y0..y1.min(height) {
                let line = (y * width) as usize;
                for x in x0..x1.min(width) {
                    sum += u64::from(gray[line + x as usize]);
                    n += 1;
                }
            }
            cells.push(if n == 0 { 0.0 } else { sum as f32 / n as f32 });
        }
    }
    let mean = cells.iter().sum::<f32>() / cells.len() as f32;
    cells.iter_mut().for_each(|c| *c -= mean);
    let norm = cells.iter().map(|c| c * c).sum::<f32>().sqrt();
    if norm < 1e-3 {
        return CardPrint { cells: Vec::new() };
    }
    cells.iter_mut().for_each(|c| *c /= norm);
    CardPrint { cells }
}

/// Cell `i` of `n` across a length starting at `start`: [from, to).
fn span(start: u32, len: u32, i: u32, n: u32) -> (u32, u32) {
    let from = start + len * i / n;
    let to = (start + len * (i + 1) / n).max(from + 1);
    (from, to)
}

impl CardPrint {
    /// Correlation of two prints, −1 … 1 (0 when either area is blank).
    pub fn similarity(&self, other: &CardPrint) -> f64 {
        if self.cells.len() != other.cells.len() {
            return 0.0;
        }
        f64::from(
            self.cells
                .iter()
                .zip(&other.cells)
                .map(|(a, b)| a * b)
                .sum::<f32>(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picture(f: impl Fn(u32, u32) -> u8) -> Vec<u8> {
        (0..120u32)
            .flat_map(|y| (0..200u32).map(move |x| (x, y)))
            .map(|(x, y)| f(x, y))
            .collect()
    }

    #[test]
    fn the_same_print_matches_and_a_different_one_does_not() {
        let card = Rect {
            x: 20,
            y: 10,
            w: 160,
            h: 100,
        };
        // A dark block upper left, on a pale card.
        let side_a = picture(|x, y| if x < 80 && y < 50 { 60 } else { 220 });
        // The same, darker overall and lower in contrast (other light).
        let dimmer = picture(|x, y| if x < 80 && y < 50 { 70 } else { 170 });
        // The other side: a dark band at the bottom right.
        let side_b = picture(|x, y| if x > 110 && y > 70 { 60 } else { 220 });
        let a = measure(&side_a, 200, 120, card);
        assert!(a.similarity(&measure(&dimmer, 200, 120, card)) > 0.99);
        assert!(a.similarity(&measure(&side_b, 200, 120, card)) < 0.2);
        let blank = measure(&vec![200; 200 * 120], 200, 120, card);
        assert_eq!(a.similarity(&blank), 0.0);
    }
}
