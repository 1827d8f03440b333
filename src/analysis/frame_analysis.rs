//! Everything judged on one camera frame or photo, measured once: lighting and sharpness on
//! the face (else the centre), glare, corners, shadow and sharpness on the ID card, faces
//! and people.

use super::faces::{FaceBox, FaceDetector, NotAPerson, people};
use super::frame::{Rect, RgbFrame, analysis_factor, small_gray};
use super::glare::Glare;
use super::lighting::Lighting;
use super::limits::FrameLimits;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Region {
    Face,
    Centre,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FrameAnalysis {
    pub width: u32,
    pub height: u32,
    pub region: Region,
    pub region_rect: Rect,
    pub lighting: Lighting,
    pub blur: f64,
    pub faces: Vec<FaceBox>,
    pub people: Vec<FaceBox>,
    pub not_people: Vec<(FaceBox, NotAPerson)>,
    pub glare: Option<Glare>,
    pub card_blur: Option<f64>,
    /// How much of each side of the card box shows a card's edge.
    pub card_edges: Option<super::card_edges::CardEdges>,
    /// The card's corners (grey-copy pixels; `grey_factor` scales them to the frame).
    pub card_corners: Option<super::card_corners::CardCorners>,
    /// Sheen, hologram flare and shadow on the card.
    pub card_surface: Option<super::card_surface::CardSurface>,
    /// What is printed on the card, coarsely (to tell the two sides apart).
    pub card_print: Option<super::card_print::CardPrint>,
    /// Frame pixels per grey-copy pixel.
    pub grey_factor: u32,
}

/// `card` must lie inside the frame (callers check and explain).
/// Lighting, sharpness and faces work on one grey copy at analysis scale (long side about
/// 640 px); glare works on the card's full-resolution colour pixels.
pub fn analyze(
    frame: &RgbFrame,
    card: Option<Rect>,
    detector: &mut FaceDetector,
    limits: &FrameLimits,
) -> FrameAnalysis {
    let faces = detector.detect_frame(frame);
    let factor = analysis_factor(frame.width, frame.height);
    let (small, sw, sh) = small_gray(frame, factor);
    measure_with(frame, (&small, sw, sh, factor), card, faces, limits)
}

/// The measures without face detection, for faces found earlier (the live preview detects
/// faces less often than it measures light and focus).
pub fn analyze_with_faces(
    frame: &RgbFrame,
    card: Option<Rect>,
    faces: Vec<FaceBox>,
    limits: &FrameLimits,
) -> FrameAnalysis {
    let factor = analysis_factor(frame.width, frame.height);
    let (small, sw, sh) = small_gray(frame, factor);
    measure_with(frame, (&small, sw, sh, factor), card, faces, limits)
}

fn measure_with(
    frame: &RgbFrame,
    grey: (&[u8], u32, u32, u32),
    card: Option<Rect>,
    faces: Vec<FaceBox>,
    limits: &FrameLimits,
) -> FrameAnalysis {
    let (small, sw, sh, factor) = grey;
    let (people_found, not_people) = people(&faces, card);
    let (region, region_rect) = match people_found.first() {
        Some(f) => (Region::Face, f.rect),
        None => (Region::Centre, Rect::centre_of(frame.width, frame.height)),
    };
    let small_region = region_rect.scaled_down(factor).clipped(sw, sh);
    let (under, over) = (limits.under_exposed, limits.over_exposed);
    let lighting = super::lighting::measure(small, sw, sh, small_region, under, over);
    let blur = super::sharpness::blur(small, sw, small_region);
    let card_blur =
        card.map(|c| super::sharpness::blur(small, sw, c.scaled_down(factor).clipped(sw, sh)));
    let card_print = card.map(|c| super::card_print::measure(small, sw, sh, c.scaled_down(factor)));
    // The card's edges are searched within 15 % of the box around it: colour is sampled there.
    let colour = card.map(|c| {
        let region = c.scaled_down(factor).expanded(0.2).clipped(sw, sh);
        super::frame::small_opponent(frame, factor, (sw, sh), region)
    });
    let card_edges = card.map(|c| {
        let s = c.scaled_down(factor);
        super::card_edges::measure_with_colour(small, colour.as_deref(), sw, sh, s)
    });
    let card_corners = card.zip(card_edges.as_ref()).map(|(c, e)| {
        let s = c.scaled_down(factor);
        let size = (s.w, s.h);
        let share = limits.corner_min_edge_share;
        super::card_corners::measure(small, colour.as_deref(), (sw, sh), e, size, share)
    });
    let card_surface = card.map(|c| {
        let outline = card_corners
            .as_ref()
            .and_then(|k| k.outline())
            .map(|o| o.map(|(x, y)| (x * f64::from(factor), y * f64::from(factor))));
        super::card_surface::measure(frame, c, outline, &limits.surface)
    });
    let glare = card
        .zip(card_surface.as_ref())
        .map(|(c, s)| super::glare::measure(frame, c, &limits.glare, s));
    FrameAnalysis {
        width: frame.width,
        height: frame.height,
        region,
        region_rect,
        lighting,
        blur,
        faces,
        people: people_found,
        not_people,
        glare,
        card_blur,
        card_edges,
        card_corners,
        card_surface,
        card_print,
        grey_factor: factor,
    }
}
