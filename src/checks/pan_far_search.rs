//! Whether the pan turned slowly enough for far faces to be looked for all the way round.
//! Far faces (under `face_every_look_px`) are searched in the picture's middle column only;
//! the turn carries the room through it. When the picture slides further between two face
//! looks than the column keeps up with (`Slide::reach_px`), a strip of the room never passed
//! through it: a far person standing there could not have been seen, and "nobody else" would
//! claim more than was checked. That happens when the seller turns fast, or when the PC is
//! slow and face looks come further apart.

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
}

impl FarSearch {
    /// The share of the turn not searched for far faces: the chance that a far person standing
    /// somewhere in the room was never in the searched column (0–1).
    pub fn unsearched_share(&self) -> f64 {
        if self.turned_px <= 0.0 {
            0.0
        } else {
            self.unsearched_px / self.turned_px
        }
    }
}

/// Sums the looks' slides. Each slide is taken as the middle of itself and its neighbours'
/// (a turn is smooth: one look mismeasured on a repeating pattern, such as a brick wall, does
/// not count, while a PC falling behind or a fast turn lasts several looks).
pub fn far_search(slides: &[SlideAt]) -> FarSearch {
    let mut out = FarSearch::default();
    let measured: Vec<Option<f32>> = slides.iter().map(|s| s.slide.px.map(f32::abs)).collect();
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
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slow_turn_is_searched_all_the_way() {
        let f = far_search(&looks(&[Some(200.0); 30]));
        assert_eq!(f.unsearched_share(), 0.0);
        assert_eq!((f.turned_px, f.behind_looks), (6000.0, 0));
    }

    #[test]
    fn looks_falling_behind_leave_their_excess_unsearched() {
        let mut px = vec![Some(200.0); 10];
        px.extend([Some(400.0); 5]);
        let f = far_search(&looks(&px));
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
        let f = far_search(&looks(&px));
        assert_eq!(f.behind_looks, 0, "{f:?}");
        assert_eq!(f.unmeasured_looks, 1);
    }
}
