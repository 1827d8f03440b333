//! Where the frame-measure time goes, part by part, at 1080p (median of 31 runs, one thread).
//! Run: `cargo bench --bench frame_parts`.

use selfcheck::analysis::frame::{Rect, analysis_factor, small_gray};
use selfcheck::bench::synthetic_frame;

fn median_ms(f: impl FnMut()) -> f64 {
    selfcheck::bench::median_ms(31, f)
}

fn main() {
    use selfcheck::analysis::{glare, lighting, sharpness};
    use std::hint::black_box;
    let frame = synthetic_frame(1920, 1080);
    let factor = analysis_factor(1920, 1080);
    let (small, sw, sh) = small_gray(&frame, factor);
    let card = Rect {
        x: 660,
        y: 450,
        w: 600,
        h: 378,
    };
    let region = Rect {
        x: 40,
        y: 60,
        w: 128,
        h: 128,
    };
    let small_card = card.scaled_down(factor);
    let parts: [(&str, f64); 5] = [
        (
            "small_gray",
            median_ms(|| {
                black_box(small_gray(&frame, factor));
            }),
        ),
        (
            "lighting",
            median_ms(|| {
                black_box(lighting::measure(&small, sw, sh, region, 25, 247));
            }),
        ),
        (
            "sharpness",
            median_ms(|| {
                black_box(sharpness::blur(&small, sw, region));
            }),
        ),
        (
            "glare",
            median_ms(|| {
                black_box(glare::measure(&frame, card));
            }),
        ),
        (
            "card blur",
            median_ms(|| {
                black_box(sharpness::blur(&small, sw, small_card));
            }),
        ),
    ];
    for (name, ms) in parts {
        println!("{name:12} {ms:.3} ms");
    }
}
