//! Whether the camera went all the way round. Turning the camera by an angle slides the
//! picture by about `f × angle` (f = half the picture's width / tan(half the view)), so a full
//! circle slides it at least π / tan(half the view) picture widths — the least for the widest
//! camera expected (`pan_camera_max_fov_deg`). A half turn, or turning back the way it came,
//! slides it less in one direction: part of the room was never in view.

use super::pan_far_search::SlideAt;

/// How far the measured slides reached in one direction, against the least a full circle
/// needs (frame pixels).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Turn {
    pub reached_px: f64,
    pub circle_px: f64,
}

impl Turn {
    /// The share of the least full circle reached (1: a full turn at the least).
    pub fn share(&self) -> f64 {
        self.reached_px / self.circle_px
    }

    pub fn is_full_circle(&self) -> bool {
        self.reached_px >= self.circle_px
    }
}

/// How far the turn went in one direction, or None when no slide was measured. Looks whose slide could not be
/// measured (a plain wall) are given the benefit of the doubt: as far as the median measured
/// slide, in the turn's direction.
pub fn full_turn(slides: &[SlideAt], picture_w: u32, max_fov_deg: f64) -> Option<Turn> {
    let mut measured: Vec<f64> = slides
        .iter()
        .filter_map(|s| s.slide.px.map(f64::from))
        .collect();
    if measured.is_empty() || picture_w == 0 {
        return None;
    }
    let net = measured.iter().sum::<f64>().abs();
    measured.sort_by(|a, b| a.abs().total_cmp(&b.abs()));
    let typical = measured[measured.len() / 2].abs();
    let unmeasured = slides.iter().filter(|s| s.slide.px.is_none()).count() as f64;
    let half_view = (max_fov_deg / 2.0).to_radians();
    let circle = std::f64::consts::PI * f64::from(picture_w) / half_view.tan();
    Some(Turn {
        reached_px: net + unmeasured * typical,
        circle_px: circle,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::pan_far_search::looks;

    fn share(slides: &[SlideAt], picture_w: u32, fov: f64) -> Option<f64> {
        full_turn(slides, picture_w, fov).map(|t| t.share())
    }

    #[test]
    fn a_full_circle_of_a_90_degree_camera_slides_pi_picture_widths() {
        // 1280 px wide: a full circle slides 4021 px; 20 looks of 210 px leftwards is 4200.
        let full = share(&looks(&[Some(-210.0); 20]), 1280, 90.0).expect("measured");
        assert!((full - 4200.0 / 4021.2).abs() < 1e-3, "{full}");
        // A 70-degree camera's circle (5743 px) reached by 28 looks of 210 px, in share
        // of the 90-degree least.
        let seventy = share(&looks(&[Some(210.0); 28]), 1280, 90.0).expect("measured");
        assert!(seventy > 1.4, "{seventy}");
    }

    #[test]
    fn half_a_turn_or_there_and_back_is_short() {
        let half = share(&looks(&[Some(-210.0); 10]), 1280, 90.0).expect("measured");
        assert!(half < 0.6, "{half}");
        let mut back = vec![Some(-210.0); 12];
        back.extend([Some(210.0); 12]);
        let there_and_back = share(&looks(&back), 1280, 90.0).expect("measured");
        assert!(there_and_back < 0.01, "{there_and_back}");
    }

    #[test]
    fn unmeasured_looks_count_as_typical_ones_and_nothing_measured_is_unknown() {
        let mut px = vec![Some(-210.0); 10];
        px.extend([None; 10]);
        let got = share(&looks(&px), 1280, 90.0).expect("measured");
        assert!((got - 4200.0 / 4021.2).abs() < 1e-3, "{got}");
        assert_eq!(share(&looks(&[None; 5]), 1280, 90.0), None);
        assert_eq!(share(&[], 1280, 90.0), None);
    }
}
