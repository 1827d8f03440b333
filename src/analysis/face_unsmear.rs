//! Faces smeared by a turning camera. During a pan the room slides sideways while each picture
//! is exposed, and a far face is spread over a run of pixels along its rows; once the run is
//! about a third of the face's width the model no longer finds it (README, "Motion blur").
//! The smear's length is the turn's speed times the exposure, which the picture does not tell,
//! but it is at most the slide from one picture to the next. So a place where nothing was
//! found is looked at again unsmeared (`selfcheck_nn::rgb_unsmeared`) at a few lengths up to
//! that slide, each a step of `STEP` from the last: unsmearing by a length within about a
//! quarter of the true one brings a face back; a sharp face unsmeared is lost, so this is only
//! ever a further look.

use super::frame::{Rect, RgbFrame};

/// The shortest smear looked for, pixels: shorter ones leave faces of the sizes asked for
/// findable (a 24-px face seen side-on is the first lost, at 7 px).
pub const SHORTEST: f32 = 6.0;
/// Each length tried is this many times the one before: unsmearing works within about a
/// quarter of the true length either way.
pub const STEP: f32 = 1.5;
/// The longest smear looked for, pixels. Longer smears hide the places this closer look
/// starts from: a 28-px face smeared 17 px scores 0.03–0.06 where the finest level looks for
/// places (README, "Motion blur").
pub const LONGEST: f32 = 21.0;
/// Landweber steps. In the trial on stills (noise and JPEG added, README) 30 brought the 28-px
/// face back at 13 and 17 px of smear where 10 did not; 20 finds the smeared replays' faces
/// (`tests/analyze_pan.rs`) at two thirds of the cost.
pub const ROUNDS: usize = 20;

/// The smear lengths to try when the picture slid `slide_px` since the last look: up to it,
/// and to `LONGEST`.
pub fn lengths(slide_px: f32) -> Vec<u32> {
    let most = slide_px.abs().min(LONGEST);
    let mut out = Vec::new();
    let mut l = SHORTEST;
    while l <= most {
        out.push(l.round() as u32);
        l *= STEP;
    }
    out
}

/// The part of `frame` around `region`, reaching `length` further on each side along the rows
/// (where the frame has it), unsmeared by `length`; and where `region` lies in it.
pub fn unsmeared_around(frame: &RgbFrame, region: Rect, length: u32) -> (RgbFrame, Rect) {
    let x0 = region.x.saturating_sub(length);
    let x1 = (region.x + region.w + length).min(frame.width);
    let y1 = (region.y + region.h).min(frame.height);
    let (w, h) = ((x1 - x0) as usize, (y1 - region.y.min(y1)) as usize);
    let stride = frame.width as usize * 3;
    let mut part = Vec::with_capacity(w * h * 3);
    for row in frame
        .data
        .chunks_exact(stride)
        .skip(region.y as usize)
        .take(h)
    {
        part.extend_from_slice(&row[x0 as usize * 3..x1 as usize * 3]);
    }
    let data = selfcheck_nn::rgb_unsmeared(&part, (w, h), length as usize, ROUNDS);
    (
        RgbFrame {
            width: w as u32,
            height: h as u32,
            data,
        },
        Rect {
            x: region.x - x0,
            y: 0,
            ..region
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_grow_by_the_step_up_to_the_slide() {
        assert!(lengths(5.0).is_empty());
        assert_eq!(lengths(-9.5), vec![6, 9]);
        assert_eq!(lengths(52.0), vec![6, 9, 14, 20]);
    }

    #[test]
    fn the_part_reaches_beyond_the_region_where_the_frame_has_it() {
        let frame = RgbFrame {
            width: 100,
            height: 50,
            data: vec![90; 100 * 50 * 3],
        };
        let region = Rect {
            x: 5,
            y: 10,
            w: 40,
            h: 20,
        };
        let (part, inside) = unsmeared_around(&frame, region, 9);
        assert_eq!((part.width, part.height), (54, 20));
        assert_eq!(
            inside,
            Rect {
                x: 5,
                y: 0,
                w: 40,
                h: 20
            }
        );
        assert!(part.data.iter().all(|&v| v == 90));
    }
}
