//! Where the frame-measure time goes, part by part, and the whole frame analysis, at 720p and
//! 1080p (median of 31 runs, one thread). The whole is more than the sum of the parts: it also
//! allocates and first touches its buffers, and reads the card's pixels after the grey copy has
//! streamed the frame through the cache. Run: `cargo bench --bench frame_parts`.

use selfcheck::analysis::frame::{Rect, analysis_factor, small_gray};
use selfcheck::analysis::limits::FrameLimits;
use selfcheck::bench::synthetic_frame;

fn median_ms(f: impl FnMut()) -> f64 {
    selfcheck::bench::median_ms(31, f)
}

fn parts(width: u32, height: u32, card: Rect, limits: &FrameLimits) {
    use selfcheck::analysis::{
        card_corners, card_edges, card_print, card_surface, glare, lighting, sharpness, turn_shift,
        turn_smear,
    };
    use std::hint::black_box;
    let frame = synthetic_frame(width, height);
    let factor = analysis_factor(width, height);
    let (small, sw, sh) = small_gray(&frame, factor);
    // The face box `selfcheck bench` uses (a fifth of the width), at analysis scale.
    let region = Rect {
        x: width / 3,
        y: height / 6,
        w: width / 5,
        h: width / 5,
    }
    .scaled_down(factor)
    .clipped(sw, sh);
    let small_card = card.scaled_down(factor);
    let surface = card_surface::measure(&frame, card, None, &limits.surface);
    let colour_region = small_card.expanded(0.2).clipped(sw, sh);
    let colour =
        selfcheck::analysis::frame::small_opponent(&frame, factor, (sw, sh), colour_region);
    let edges = card_edges::measure_with_colour(&small, Some(&colour), sw, sh, small_card);
    let next = synthetic_frame(width, height);
    let (before, after) = (
        turn_shift::column_profile(&frame),
        turn_shift::column_profile(&next),
    );
    let parts: [(&str, f64); 14] = [
        (
            "small_gray",
            median_ms(|| {
                black_box(small_gray(&frame, factor));
            }),
        ),
        (
            "lighting",
            median_ms(|| {
                black_box(lighting::measure(
                    &small,
                    sw,
                    sh,
                    region,
                    limits.under_exposed,
                    limits.over_exposed,
                ));
            }),
        ),
        (
            "sharpness",
            median_ms(|| {
                black_box(sharpness::blur(&small, sw, region));
            }),
        ),
        (
            "card surface",
            median_ms(|| {
                black_box(card_surface::measure(&frame, card, None, &limits.surface));
            }),
        ),
        (
            "glare",
            median_ms(|| {
                black_box(glare::measure(&frame, card, &limits.glare, &surface));
            }),
        ),
        (
            "card blur",
            median_ms(|| {
                black_box(sharpness::blur(&small, sw, small_card));
            }),
        ),
        (
            "card colour",
            median_ms(|| {
                let region = small_card.expanded(0.2).clipped(sw, sh);
                black_box(selfcheck::analysis::frame::small_opponent(
                    &frame,
                    factor,
                    (sw, sh),
                    region,
                ));
            }),
        ),
        (
            // As the frame analysis does it: brightness and colour steps.
            "card edges",
            median_ms(|| {
                black_box(card_edges::measure_with_colour(
                    &small,
                    Some(&colour),
                    sw,
                    sh,
                    small_card,
                ));
            }),
        ),
        (
            "card print",
            median_ms(|| {
                black_box(card_print::measure(&small, sw, sh, small_card));
            }),
        ),
        (
            "card corners",
            median_ms(|| {
                black_box(card_corners::measure(
                    &small,
                    Some(&colour),
                    (sw, sh),
                    &edges,
                    (small_card.w, small_card.h),
                    limits.corner_min_edge_share,
                ));
            }),
        ),
        (
            // The pan's slide between two looks (once per face look, panning only).
            "pan column profile",
            median_ms(|| {
                black_box(turn_shift::column_profile(&frame));
            }),
        ),
        (
            "pan slide",
            median_ms(|| {
                black_box(turn_shift::slide_px(&before, &after));
            }),
        ),
        (
            // How far the turn smeared the picture (once per face look, panning only).
            "pan smear",
            median_ms(|| {
                black_box(turn_smear::smear_px(&frame));
            }),
        ),
        (
            // Everything above in one call, as `selfcheck bench` times it.
            "whole frame",
            median_ms(|| {
                black_box(selfcheck::analysis::frame_analysis::analyze_with_faces(
                    &frame,
                    Some(card),
                    Vec::new(),
                    limits,
                ));
            }),
        ),
    ];
    let line: Vec<String> = parts
        .iter()
        .map(|(name, ms)| format!("{name} {ms:.3}"))
        .collect();
    println!("{width}x{height} (ms): {}", line.join(", "));
}

fn main() {
    // As the app and `selfcheck bench` run.
    selfcheck::memory::keep_freed_memory();
    let card = |x, y, w, h| Rect { x, y, w, h };
    let limits = match FrameLimits::builtin() {
        Ok(l) => l,
        Err(e) => {
            eprintln!("frame_parts: {e}");
            std::process::exit(2);
        }
    };
    parts(1280, 720, card(440, 300, 400, 252), &limits);
    parts(1920, 1080, card(660, 450, 600, 378), &limits);
}
