//! The profile's numbers the frame measures need, gathered once: what counts as under- and
//! over-exposed, what counts as a glare pixel, and which faces are people. Built from the
//! requirement profile (`[image]`), so no measuring limit is written in the code.

use crate::profile::ImageReq;

/// What makes a card pixel part of a specular highlight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GlareLimits {
    /// How much brighter than the card's median (max of R, G, B) a highlight must be…
    pub above_median: u8,
    /// …and at least this bright.
    pub min_bright: u8,
    /// (max − min) / max at or below this many percent is "colourless".
    pub max_saturation_pct: u8,
    /// Every channel at or above this is clipped; a blob needs a clipped core.
    pub clipped: u8,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FrameLimits {
    pub under_exposed: u8,
    pub over_exposed: u8,
    pub glare: GlareLimits,
    /// A face narrower than this share of the main face's width is not counted as a person
    /// (a card held up, a photo on the wall).
    pub far_smaller_ratio: f64,
}

impl FrameLimits {
    pub fn from_profile(req: &ImageReq) -> FrameLimits {
        FrameLimits {
            under_exposed: req.under_exposed_luma,
            over_exposed: req.over_exposed_luma,
            glare: GlareLimits {
                above_median: req.glare_above_median,
                min_bright: req.glare_min_bright,
                max_saturation_pct: req.glare_max_saturation_pct,
                clipped: req.glare_clipped_level,
            },
            far_smaller_ratio: req.face_far_smaller_ratio,
        }
    }

    /// The shipped profile's limits (benches and the fuzz harness).
    pub fn builtin() -> Result<FrameLimits, crate::profile::ProfileError> {
        crate::profile::Profile::builtin().map(|p| FrameLimits::from_profile(&p.image))
    }
}
