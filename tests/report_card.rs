//! The report card picture (`--format png`): decodes, 1080 px wide, the verdict band in the
//! verdict's colour with text on it, the report ID drawn large, and the same picture as the
//! stored one within a small tolerance (the bundled font and our own rasteriser draw it, so it
//! does not depend on the machine). `SELFCHECK_UPDATE_SNAPSHOTS=1` rewrites the stored card.

mod common;
use common::*;
use image::RgbaImage;

fn v1_report() -> String {
    format!(
        "{}/tests/fixtures/reports/v1-check.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn card(args: &[&str]) -> RgbaImage {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("card.png");
    let mut all: Vec<&str> = args.to_vec();
    let out_s = out.to_str().expect("utf8").to_string();
    all.extend(["--out", &out_s]);
    let o = run(&all);
    assert!(
        matches!(o.status.code(), Some(0) | Some(1)),
        "{}",
        stderr(&o)
    );
    image::open(&out).expect("a PNG").to_rgba8()
}

/// Pixels in rows `y0..y1` whose every channel is below `level` (text on the light paper).
fn darker_than(img: &RgbaImage, y0: u32, y1: u32, level: u8) -> usize {
    (y0..y1.min(img.height()))
        .flat_map(|y| (0..img.width()).map(move |x| (x, y)))
        .filter(|&(x, y)| img.get_pixel(x, y).0[..3].iter().all(|&c| c < level))
        .count()
}

#[test]
fn the_card_has_the_verdict_band_the_large_id_and_text() {
    let img = card(&["report", &v1_report(), "--format", "png", "--lang", "en"]);
    assert_eq!(img.width(), 1080);
    assert!((400..4100).contains(&img.height()), "{}", img.height());
    // The band: "ready" green, with white letters on it.
    assert_eq!(img.get_pixel(4, 4).0, [0x1a, 0x7f, 0x37, 0xff]);
    let white = (0..150)
        .flat_map(|y| (0..1080).map(move |x| (x, y)))
        .filter(|&(x, y)| img.get_pixel(x, y).0[..3].iter().all(|&c| c > 230))
        .count();
    assert!(white > 1500, "no verdict text on the band: {white}");
    // The report ID line (72 px type) right under the title.
    assert!(darker_than(&img, 250, 335, 110) > 4000, "no large ID line");
    // Not blank down to the end: the grey privacy line at the bottom.
    let h = img.height();
    assert!(darker_than(&img, h - 110, h, 160) > 300, "no privacy line");
}

#[test]
fn the_card_matches_the_stored_one() {
    let img = card(&["report", &v1_report(), "--format", "png", "--lang", "zh-CN"]);
    let stored = format!(
        "{}/tests/snapshots/card_v1_zh.png",
        env!("CARGO_MANIFEST_DIR")
    );
    if std::env::var_os("SELFCHECK_UPDATE_SNAPSHOTS").is_some() {
        img.save(&stored).expect("save snapshot");
    }
    let want = image::open(&stored).expect("stored card").to_rgba8();
    assert_eq!(img.dimensions(), want.dimensions());
    // Tolerance: anti-aliasing may round differently; a changed word moves thousands.
    let differing = img
        .pixels()
        .zip(want.pixels())
        .filter(|(a, b)| a.0.iter().zip(b.0.iter()).any(|(x, y)| x.abs_diff(*y) > 40))
        .count();
    let allowed = (img.width() * img.height()) as usize / 1000;
    assert!(
        differing <= allowed,
        "{differing} pixels differ (allowed {allowed})"
    );
}

/// `check` makes the same card; `--out *.png` picks the format by itself. Nothing failed or
/// warned in the time-independent checks chosen, so the band is "incomplete" blue.
#[test]
fn check_writes_the_card_too() {
    let img = card(&["check", "--no-network", "--only", "network.proxy"]);
    assert_eq!(img.width(), 1080);
    assert_eq!(img.get_pixel(4, 4).0, [0x3b, 0x5b, 0x8c, 0xff]);
}
