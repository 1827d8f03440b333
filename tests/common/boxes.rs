//! Comparing face boxes in the detector's tests.

use selfcheck::analysis::frame::Rect;

/// Intersection over union of two boxes (0: apart, 1: the same box).
pub fn iou(a: &Rect, b: &Rect) -> f64 {
    let ix = (a.x + a.w).min(b.x + b.w).saturating_sub(a.x.max(b.x));
    let iy = (a.y + a.h).min(b.y + b.h).saturating_sub(a.y.max(b.y));
    let inter = f64::from(ix) * f64::from(iy);
    inter / (a.area() as f64 + b.area() as f64 - inter)
}
