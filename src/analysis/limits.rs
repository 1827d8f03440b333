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
    /// The brightest channel at or above this is clipped (the others may stop lower after
    /// white balance: a tinted white); a blob needs a clipped core.
    pub clipped: u8,
}

/// What departs from the card's own paper light (`card_surface`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SurfaceLimits {
    /// Blocks whose paper lies within this many levels of the fitted plane always count as
    /// agreeing with it (the plane's fit ignores the others).
    pub plane_tolerance: f64,
    /// Paper at or above this level is clipped: its true level is unknown.
    pub clipped_level: f64,
    /// Sheen: the paper rises above the plane by at least this share of the way to white…
    pub sheen_headroom_share: f64,
    /// …and by at least this many levels.
    pub sheen_min_lift: f64,
    /// Hologram flare: a bright block at least this saturated…
    pub hologram_min_saturation: f64,
    /// …on a card whose typical saturation is at most this…
    pub hologram_card_max_saturation: f64,
    /// …in a patch whose hues spread over at least this many degrees.
    pub hologram_min_hue_spread_deg: f64,
    /// Shadow: paper at least this share darker than the plane…
    pub shadow_min_depth: f64,
    /// …but not more than this (darker is print, not shadow)…
    pub shadow_max_depth: f64,
    /// …with the paper's chromaticity kept within this.
    pub shadow_chroma_tolerance: f64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FrameLimits {
    pub under_exposed: u8,
    pub over_exposed: u8,
    pub glare: GlareLimits,
    pub surface: SurfaceLimits,
    /// A corner counts when the card's edge shows along this share of the stretch next to it.
    pub corner_min_edge_share: f64,
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
            surface: SurfaceLimits {
                plane_tolerance: req.card_plane_tolerance,
                clipped_level: f64::from(req.glare_clipped_level),
                sheen_headroom_share: req.sheen_headroom_share,
                sheen_min_lift: req.sheen_min_lift,
                hologram_min_saturation: req.hologram_min_saturation,
                hologram_card_max_saturation: req.hologram_card_max_saturation,
                hologram_min_hue_spread_deg: req.hologram_min_hue_spread_deg,
                shadow_min_depth: req.shadow_min_depth,
                shadow_max_depth: req.shadow_max_depth,
                shadow_chroma_tolerance: req.shadow_chroma_tolerance,
            },
            corner_min_edge_share: req.card_corner_min_edge_share,
        }
    }

    /// The shipped profile's limits (benches and the fuzz harness).
    pub fn builtin() -> Result<FrameLimits, crate::profile::ProfileError> {
        crate::profile::Profile::builtin().map(|p| FrameLimits::from_profile(&p.image))
    }
}
