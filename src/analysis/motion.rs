//! How much the picture moved between two looks: a tiny grey copy of each, compared pixel by
//! pixel. The pan rehearsal uses it to tell a real turn of the camera from a camera held still.

use super::frame::{RgbFrame, small_gray};

/// A grey copy about 80 px on its long side.
pub fn tiny_gray(frame: &RgbFrame) -> (Vec<u8>, u32, u32) {
    let factor = (frame.width.max(frame.height) / 80).max(1);
    small_gray(frame, factor)
}

/// Mean absolute grey difference of two tiny copies (0–255); a size change counts as full
/// motion.
pub fn mean_abs_diff(a: &(Vec<u8>, u32, u32), b: &(Vec<u8>, u32, u32)) -> f64 {
    if a.1 != b.1 || a.2 != b.2 || a.0.is_empty() {
        return 255.0;
    }
    let sum: u64 =
        a.0.iter()
            .zip(&b.0)
            .map(|(x, y)| u64::from(x.abs_diff(*y)))
            .sum();
    sum as f64 / a.0.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn motion_is_zero_for_the_same_picture_and_large_for_a_change() {
        let a = (vec![10u8; 100], 10, 10);
        let b = (vec![60u8; 100], 10, 10);
        assert_eq!(mean_abs_diff(&a, &a), 0.0);
        assert_eq!(mean_abs_diff(&a, &b), 50.0);
        assert_eq!(mean_abs_diff(&a, &(vec![0u8; 50], 5, 10)), 255.0);
    }
}
