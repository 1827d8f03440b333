//! Whether the pan turned slowly enough for far faces to be looked for all the way round.
//! Far faces (under `face_every_look_px`) are searched in the picture's middle column only;
//! the turn carries the room through it. When the picture slides further between two face
//! looks than the column keeps up with (`Slide::reach_px`), a strip of the room never passed
//! through it: a far person standing there could not have been seen, and "nobody else" would
//! claim more than was checked. That happens when the seller turns fast, or when the PC is
//! slow and face looks come further apart. The same holds for the room that passed while the
//! pictures were smeared by the turn beyond what a far face survives (`Slide::smear_px`): a
//! dim room's long exposures, or a fast turn.

use crate::analysis::turn_shift::Slide;

/// A face look's slide, at `t_s` seconds into the pan.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SlideAt {
    pub t_s: f64,
    pub slide: Slide,
}

/// How much of the turn was searched for far faces.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct FarSearch {
    /// Frame pixels the picture slid in all (looks whose slide was measured).
    pub turned_px: f64,
    /// Of those, the pixels that slid past the middle column unsearched.
    pub unsearched_px: f64,
    /// Face looks that fell behind the turn, and when the first did.
    pub behind_looks: u32,
    pub first_behind_s: Option<f64>,
    /// Face looks whose slide could not be measured (a plain wall, a jump).
    pub unmeasured_looks: u32,
    /// Of `turned_px`, what slid past while the pictures were smeared too much for far
    /// faces; the looks so smeared, when the first was, and the longest smear counted.
    pub smeared_px: f64,
    pub smeared_looks: u32,
    pub first_smeared_s: Option<f64>,
    pub most_smear_px: Option<f32>,
}

impl FarSearch {
    /// The share of the turn not searched for far faces: the chance that a far person standing
    /// somewhere in the room was never in the searched column (0–1).
    pub fn unsearched_share(&self) -> f64 {
        if self.turned_px <= 0.0 {
            0.0
        } else {
            (self.unsearched_px + self.smeared_px) / self.turned_px
        }
    }

    /// Whether more of the unsearched room was lost to the smear than to looks falling behind.
    pub fn mostly_smeared(&self) -> bool {
        self.smeared_px > self.unsearched_px
    }
}

/// Sums the looks' slides. Each slide, and each smear, is taken as the middle of itself and
/// its neighbours' (a turn is smooth: one look mismeasured on a repeating pattern, such as a
/// brick wall, does not count, while a PC falling behind or a fast turn lasts several looks).
/// A look smeared by more than `max_smear_px` counts all it slid as unsearched; a smear is
/// at most the slide (the exposure is shorter than the time between looks), so a longer one
/// read on a still picture is its own pattern, not the turn.
pub fn far_search(slides: &[SlideAt], max_smear_px: f32) -> FarSearch {
    let mut out = FarSearch::default();
    let measured: Vec<Option<f32>> = slides.iter().map(|s| s.slide.px.map(f32::abs)).collect();
    let smears: Vec<Option<f32>> = slides.iter().map(|s| s.slide.smear_px).collect();
    for (i, s) in slides.iter().enumerate() {
        let Some(px) = smoothed(&measured, i) else {
            out.unmeasured_looks += 1;
            continue;
        };
        let slide = Slide {
            px: Some(px),
            ..s.slide
        };
        out.turned_px += f64::from(px);
        let smear = smoothed(&smears, i).filter(|&l| l <= px && l > max_smear_px);
        if let Some(l) = smear {
            out.smeared_px += f64::from(px);
            out.smeared_looks += 1;
            out.first_smeared_s.get_or_insert(s.t_s);
            out.most_smear_px = Some(out.most_smear_px.map_or(l, |m| m.max(l)));
            continue;
        }
        let unsearched = slide.unsearched_px();
        if unsearched > 0.0 {
            out.unsearched_px += f64::from(unsearched);
            out.behind_looks += 1;
            out.first_behind_s.get_or_insert(s.t_s);
        }
    }
    out
}

/// The median of look `i`'s measured slide and its measured neighbours' (None: `i` itself
/// was not measured).
fn smoothed(px: &[Option<f32>], i: usize) -> Option<f32> {
    px[i]?;
    let mut near: Vec<f32> = px[i.saturating_sub(1)..(i + 2).min(px.len())]
        .iter()
        .flatten()
        .copied()
        .collect();
    near.sort_by(f32::total_cmp);
    match near.len() {
        2 => Some((near[0] + near[1]) / 2.0),
        n => near.get(n / 2).copied(),
    }
}

/// Face looks a quarter second apart that slid `px` each, the column keeping up with 296 px
/// (the tests' pans).
#[cfg(test)]
pub(crate) fn looks(px: &[Option<f32>]) -> Vec<SlideAt> {
    px.iter()
        .enumerate()
        .map(|(i, &px)| SlideAt {
            t_s: i as f64 * 0.25,
            slide: Slide {
                px,
                reach_px: 296.0,
                smear_px: None,
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The longest smear far faces survive in the tests (pixels).
    const SMEAR: f32 = 15.0;

    /// `looks`, each picture smeared `smear[i]` pixels.
    fn smeared(px: &[Option<f32>], smear: &[Option<f32>]) -> Vec<SlideAt> {
        let mut all = looks(px);
        for (a, &l) in all.iter_mut().zip(smear) {
            a.slide.smear_px = l;
        }
        all
    }

    #[test]
    fn looks_smeared_beyond_what_far_faces_survive_leave_their_slide_unsearched() {
        // 200 px a look (the column keeps up); looks 10-14 smeared 24 px, the rest 9.
        let mut smear = vec![Some(9.0); 30];
        smear[10..15].fill(Some(24.0));
        let f = far_search(&smeared(&[Some(200.0); 30], &smear), SMEAR);
        assert_eq!((f.smeared_looks, f.behind_looks), (5, 0), "{f:?}");
        assert_eq!(f.first_smeared_s, Some(2.5));
        assert_eq!(f.most_smear_px, Some(24.0));
        assert!((f.unsearched_share() - 5.0 / 30.0).abs() < 1e-9, "{f:?}");
        assert!(f.mostly_smeared());
        // Smeared just within what far faces survive: searched.
        let f = far_search(&smeared(&[Some(200.0); 30], &[Some(14.0); 30]), SMEAR);
        assert_eq!(f.unsearched_share(), 0.0);
    }

    #[test]
    fn a_smear_longer_than_the_slide_or_alone_among_its_neighbours_does_not_count() {
        // A brick wall's pattern read as a smear while the camera barely moves.
        let f = far_search(&smeared(&[Some(10.0); 12], &[Some(24.0); 12]), SMEAR);
        assert_eq!(f.smeared_looks, 0, "{f:?}");
        // One look's reading among sharp ones, and unread ones.
        let mut smear = vec![Some(4.0); 12];
        smear[5] = Some(30.0);
        smear[8] = None;
        let f = far_search(&smeared(&[Some(200.0); 12], &smear), SMEAR);
        assert_eq!(f.smeared_looks, 0, "{f:?}");
    }

    #[test]
    fn a_slow_turn_is_searched_all_the_way() {
        let f = far_search(&looks(&[Some(200.0); 30]), SMEAR);
        assert_eq!(f.unsearched_share(), 0.0);
        assert_eq!((f.turned_px, f.behind_looks), (6000.0, 0));
    }

    #[test]
    fn looks_falling_behind_leave_their_excess_unsearched() {
        let mut px = vec![Some(200.0); 10];
        px.extend([Some(400.0); 5]);
        let f = far_search(&looks(&px), SMEAR);
        // Five looks 104 px behind each.
        assert_eq!(f.behind_looks, 5);
        assert_eq!(f.first_behind_s, Some(2.5));
        assert!((f.unsearched_px - 5.0 * 104.0).abs() < 1e-6, "{f:?}");
        assert!(f.unsearched_share() > 0.1, "{f:?}");
    }

    #[test]
    fn one_mismeasured_look_and_unmeasured_looks_do_not_count() {
        let mut px = vec![Some(150.0); 12];
        px[5] = Some(900.0);
        px[8] = None;
        let f = far_search(&looks(&px), SMEAR);
        assert_eq!(f.behind_looks, 0, "{f:?}");
        assert_eq!(f.unmeasured_looks, 1);
    }
}
