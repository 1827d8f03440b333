//! `selfcheck analyze-image` on real photos, on lighting variants made from a real portrait,
//! and on ID cards composed into it with and without specular glare (and with the card's own
//! printed portrait), plus broken and hostile files.

mod common;
use common::*;
use image::{Rgb, RgbImage};
use std::path::Path;

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/images/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn analyze(path: &str, extra: &[&str]) -> (Option<i32>, serde_json::Value) {
    let mut args = vec!["analyze-image", path, "--json"];
    args.extend_from_slice(extra);
    let o = run(&args);
    assert!(
        matches!(o.status.code(), Some(0) | Some(1)),
        "{path}: {}",
        stderr(&o)
    );
    (o.status.code(), json(&o))
}

fn status(r: &serde_json::Value, id: &str) -> String {
    check(r, id)["status"].as_str().unwrap_or("?").to_string()
}

fn save(img: &RgbImage, dir: &Path, name: &str) -> String {
    let p = dir.join(name);
    img.save(&p).expect("save png");
    p.to_str().expect("utf8").to_string()
}

#[test]
fn people_counts_on_real_photos() {
    let cases = [
        ("one_face_portrait.jpg", "pass"),
        ("two_people.jpg", "fail"),
        ("three_people_stage.jpg", "fail"),
        ("three_people_garden.jpg", "fail"),
    ];
    for (name, expected) in cases {
        let (_, r) = analyze(&fixture(name), &[]);
        assert_eq!(
            status(&r, "image.faces"),
            expected,
            "{name}: {}",
            check(&r, "image.faces")
        );
    }
    let (_, r) = analyze(&fixture("three_people_garden.jpg"), &[]);
    // All three, the face washed out by the sun too (tests/face_detector.rs).
    assert_eq!(check(&r, "image.faces")["measured"]["count"], 3);
    assert_eq!(
        status(&r, "image.glare"),
        "skipped",
        "no card box, no glare verdict"
    );
}

#[test]
fn sharp_and_blurred_triplets() {
    for camera in ["106_NIKON-D3400-35MM", "176_HONOR-7X", "180_HONOR-10"] {
        let (_, s) = analyze(&fixture(&format!("{camera}_S.jpg")), &[]);
        assert_eq!(
            status(&s, "image.sharpness"),
            "pass",
            "{camera} sharp: {}",
            check(&s, "image.sharpness")
        );
        for kind in ["F", "M"] {
            let (_, b) = analyze(&fixture(&format!("{camera}_{kind}.jpg")), &[]);
            assert_ne!(
                status(&b, "image.sharpness"),
                "pass",
                "{camera}_{kind}: {}",
                check(&b, "image.sharpness")
            );
        }
    }
}

fn portrait() -> RgbImage {
    image::open(fixture("one_face_portrait.jpg"))
        .expect("portrait")
        .to_rgb8()
}

#[test]
fn dark_bright_and_backlit_variants_of_a_real_portrait() {
    let dir = tempfile::tempdir().expect("tmp");
    let base = portrait();
    let (_, r) = analyze(&save(&base, dir.path(), "even.png"), &[]);
    assert_eq!(
        status(&r, "image.lighting"),
        "pass",
        "{}",
        check(&r, "image.lighting")
    );

    let mut dark = base.clone();
    dark.pixels_mut()
        .for_each(|p| p.0 = p.0.map(|v| (f32::from(v) * 0.25) as u8));
    let (_, r) = analyze(&save(&dark, dir.path(), "dark.png"), &[]);
    assert_eq!(
        status(&r, "image.lighting"),
        "fail",
        "{}",
        check(&r, "image.lighting")
    );

    let mut bright = base.clone();
    bright
        .pixels_mut()
        .for_each(|p| p.0 = p.0.map(|v| (f32::from(v) * 1.9).min(255.0) as u8));
    let (_, r) = analyze(&save(&bright, dir.path(), "bright.png"), &[]);
    assert_ne!(
        status(&r, "image.lighting"),
        "pass",
        "{}",
        check(&r, "image.lighting")
    );

    // Backlit: the face and body darkened, the background (left and right margins) blown out.
    let mut backlit = base.clone();
    let w = backlit.width();
    for (x, _, p) in backlit.enumerate_pixels_mut() {
        let edge = x < w / 5 || x > w * 4 / 5;
        p.0 = p.0.map(|v| {
            if edge {
                250
            } else {
                (f32::from(v) * 0.5) as u8
            }
        });
    }
    let (_, r) = analyze(&save(&backlit, dir.path(), "backlit.png"), &[]);
    let l = check(&r, "image.lighting");
    assert_ne!(l["status"], "pass", "{l}");
    assert!(
        l["measured"]["backlight_delta"]
            .as_f64()
            .is_some_and(|d| d > 50.0),
        "{l}"
    );
}

/// Draws an ID-1 card (85.6 × 54 mm) at (x, y), `w` wide: light blue face with dark "text"
/// lines and a small portrait printed from the photo.
fn draw_card(
    img: &mut RgbImage,
    x: u32,
    y: u32,
    w: u32,
    base: [u8; 3],
    with_portrait: bool,
) -> (u32, u32, u32, u32) {
    let h = w * 54 / 86;
    let face = image::imageops::crop_imm(&portrait(), 300, 180, 330, 400).to_image();
    let small = image::imageops::resize(&face, w / 4, h / 2, image::imageops::FilterType::Triangle);
    for cy in 0..h {
        for cx in 0..w {
            let mut c = base;
            let line = (cy * 10 / h) % 2 == 1 && cx > w / 3 && cx < w * 9 / 10 && (cx / 3) % 4 != 0;
            if line {
                c = [40, 40, 60];
            }
            if with_portrait
                && cx >= w / 20
                && cx < w / 20 + small.width()
                && cy >= h / 4
                && cy < h / 4 + small.height()
            {
                // Printed as ink prints: the photo darkens the paper, never outshines it
                // (a printed white is the paper's own white).
                let px = small.get_pixel(cx - w / 20, cy - h / 4).0;
                c = [0, 1, 2].map(|k| (u16::from(base[k]) * u16::from(px[k]) / 255) as u8);
            }
            img.put_pixel(x + cx, y + cy, Rgb(c));
        }
    }
    (x, y, w, h)
}

/// A soft, colourless highlight with a clipped core, like a ceiling lamp on the laminate.
fn highlight(img: &mut RgbImage, cx: f32, cy: f32, rx: f32, ry: f32) {
    for y in 0..img.height() {
        for x in 0..img.width() {
            let d = (((x as f32 - cx) / rx).powi(2) + ((y as f32 - cy) / ry).powi(2)).sqrt();
            if d < 1.0 {
                let k = ((1.0 - d) * 2.2).min(1.0);
                let p = img.get_pixel_mut(x, y);
                p.0 =
                    p.0.map(|v| (f32::from(v) + (255.0 - f32::from(v)) * k) as u8);
            }
        }
    }
}

#[test]
fn glare_on_composed_id_cards() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut rows = Vec::new();
    // (name, highlight radii as shares of the card width, expected)
    type Case = (&'static str, Option<(f32, f32)>, &'static str);
    let cases: [Case; 6] = [
        ("clean", None, "pass"),
        ("tiny", Some((0.03, 0.02)), "pass"),
        ("small", Some((0.11, 0.08)), "warn"),
        ("large", Some((0.2, 0.15)), "fail"),
        ("stripe", Some((0.5, 0.08)), "fail"),
        ("corner", Some((0.15, 0.2)), "fail"),
    ];
    for (name, spot, expected) in cases {
        let mut img = portrait();
        let (x, y, w, h) = draw_card(&mut img, 470, 700, 400, [170, 200, 225], true);
        if let Some((rx, ry)) = spot {
            let (cx, cy) = if name == "corner" {
                (x as f32 + w as f32 * 0.85, y as f32 + h as f32 * 0.2)
            } else {
                (x as f32 + w as f32 * 0.55, y as f32 + h as f32 * 0.45)
            };
            highlight(&mut img, cx, cy, w as f32 * rx, w as f32 * ry);
        }
        let card = format!("{x},{y},{w},{h}");
        let (_, r) = analyze(
            &save(&img, dir.path(), &format!("{name}.png")),
            &["--card", &card],
        );
        let g = check(&r, "image.glare");
        rows.push(format!(
            "{name}: {} {}",
            g["status"], g["measured"]["glare_fraction"]
        ));
        if g["status"] != expected {
            eprintln!("MISMATCH {name}: {g}");
        }
        assert_eq!(g["status"], expected, "{name}: {g}");
        assert_eq!(g["measured"]["card_seen"], true, "{name}: {g}");
        // The card's printed portrait is not a second person.
        let f = check(&r, "image.faces");
        assert_eq!(f["measured"]["count"], 1, "{name}: {f}");
    }
    eprintln!("{}", rows.join("\n"));

    // The same box on the portrait with no card in it: no card edges, so no pass (the
    // app's ID-card step must not pass on a shirt or a face).
    let img = portrait();
    let (_, r) = analyze(
        &save(&img, dir.path(), "no_card.png"),
        &["--card", "470,700,400,251"],
    );
    let g = check(&r, "image.glare");
    assert_eq!(g["status"], "warn", "{g}");
    assert_eq!(g["measured"]["card_seen"], false, "{g}");
    assert!(g["measured"]["card_sides_found"].as_u64() < Some(3), "{g}");
    eprintln!("no card: {}", g["summary"]);

    // A white card and a bright white document without highlights are not glare.
    for (name, colour) in [
        ("white_card", [236, 236, 232]),
        ("white_paper", [248, 248, 246]),
    ] {
        let mut img = portrait();
        let (x, y, w, h) = draw_card(&mut img, 470, 700, 400, colour, false);
        let (_, r) = analyze(
            &save(&img, dir.path(), &format!("{name}.png")),
            &["--card", &format!("{x},{y},{w},{h}")],
        );
        assert_eq!(
            status(&r, "image.glare"),
            "pass",
            "{name}: {}",
            check(&r, "image.glare")
        );
    }
}

/// A baseline JPEG header (SOI, SOF0 with the given size, 3 components) and no picture data.
fn jpeg_declaring(w: u16, h: u16) -> Vec<u8> {
    let mut j = vec![0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08];
    j.extend_from_slice(&h.to_be_bytes());
    j.extend_from_slice(&w.to_be_bytes());
    j.extend_from_slice(&[3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
    j.extend_from_slice(&[
        0xFF, 0xDA, 0x00, 0x0C, 3, 1, 0, 2, 0x11, 3, 0x11, 0, 0x3F, 0,
    ]);
    j.extend(std::iter::repeat_n(0x55u8, 4096));
    j.extend_from_slice(&[0xFF, 0xD9]);
    j
}

#[test]
fn broken_pictures_and_bad_card_boxes_exit_2() {
    let dir = tempfile::tempdir().expect("tmp");
    let good = std::fs::read(fixture("two_people.jpg")).expect("fixture");
    let mut bomb = vec![
        0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, b'I', b'H', b'D', b'R',
    ];
    bomb.extend_from_slice(&60_000u32.to_be_bytes());
    bomb.extend_from_slice(&60_000u32.to_be_bytes());
    bomb.extend_from_slice(&[8, 2, 0, 0, 0, 0x5B, 0x32, 0xD1, 0x4F]);
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty.jpg", Vec::new()),
        ("text.jpg", b"just some text".to_vec()),
        ("truncated.jpg", good[..good.len() / 3].to_vec()),
        (
            "wrong_magic.png",
            [b"GIF89a".as_slice(), &good[6..200]].concat(),
        ),
        ("bomb.png", bomb),
        ("bomb.jpg", jpeg_declaring(65_000, 65_000)),
        ("zero_size.jpg", jpeg_declaring(0, 480)),
    ];
    for (name, bytes) in cases {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).expect("write");
        let o = run_bounded(&["analyze-image", p.to_str().expect("utf8")]);
        assert_eq!(o.status.code(), Some(2), "{name}: {}", stdout(&o));
        assert!(
            stderr(&o).contains("无法分析图片"),
            "{name}: {}",
            stderr(&o)
        );
    }
    let photo = fixture("two_people.jpg");
    for card in ["1000,600,400,300", "0,0,0,10", "a,b,c,d", "10,10,20"] {
        let o = run(&["analyze-image", &photo, "--card", card]);
        assert_eq!(o.status.code(), Some(2), "{card}");
        assert!(stderr(&o).contains("身份证位置"), "{card}: {}", stderr(&o));
    }
}

/// The blur limits were chosen on the nine tuning photos above (tests/fixtures/README.md); here
/// they are checked on photos made apart from the project (scikit-image's sample data: a
/// portrait, a cat, a cup, a rocket launch, brick and gravel textures), each as it is and
/// defocused by a known Gaussian blur. The physical rule: a photo as taken never fails; one
/// blurred with σ = 3 px at analysis scale (detail under ~7 px gone: the letters of an ID card
/// at 720p) always fails. Measured (blur, 0 sharp … 1 flat): as taken 0.15–0.33, blurred
/// 0.57–0.73; the fail limits (scene 0.38, face 0.47) sit in that gap. The warn limit (scene
/// 0.28) is closer: the cup photo, sharp but with a plain coffee surface in the centre it
/// measures, reads 0.29 and warns — at most one such warning is allowed here.
#[test]
fn blur_limits_hold_on_the_validation_photos() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut warned = Vec::new();
    for name in [
        "astronaut.png",
        "chelsea.png",
        "coffee.png",
        "rocket.jpg",
        "brick.png",
        "gravel.png",
    ] {
        let img = image::open(fixture(&format!("validation/{name}")))
            .expect("validation photo")
            .to_rgb8();
        let sharp = save(&img, dir.path(), &format!("sharp-{name}.png"));
        let soft = image::imageops::blur(&img, 3.0);
        let soft = save(&soft, dir.path(), &format!("soft-{name}.png"));
        let (_, s) = analyze(&sharp, &[]);
        let (_, b) = analyze(&soft, &[]);
        let as_taken = check(&s, "image.sharpness");
        eprintln!(
            "{name}: as taken {} blurred {}",
            as_taken["measured"]["blur"],
            check(&b, "image.sharpness")["measured"]["blur"]
        );
        assert_ne!(as_taken["status"], "fail", "{name} as taken: {as_taken}");
        if as_taken["status"] == "warn" {
            warned.push(name);
        }
        assert_eq!(
            status(&b, "image.sharpness"),
            "fail",
            "{name} blurred σ=3: {}",
            check(&b, "image.sharpness")
        );
    }
    assert!(warned.len() <= 1, "sharp photos warned: {warned:?}");
}

/// A real reflection, not a composed one: `176_HONOR-7X_S.jpg` shows posters behind glass with
/// the ceiling lights mirrored in it. With the middle poster's frame as the "card" box, the
/// two light stripes across its upper right are glare: 2.4 % of the box, over the warn limit
/// (1 %) and under the fail limit (5 %). The same box on the sharp picture is seen as a card
/// (its frame gives four straight edges).
#[test]
fn the_ceiling_lights_mirrored_in_poster_glass_are_glare() {
    let (_, r) = analyze(
        &fixture("176_HONOR-7X_S.jpg"),
        &["--card", "320,182,282,400"],
    );
    let glare = check(&r, "image.glare");
    assert_eq!(glare["status"], "warn", "{glare}");
    assert_eq!(glare["measured"]["card_seen"], true, "{glare}");
    let fraction = glare["measured"]["glare_fraction"]
        .as_f64()
        .expect("fraction");
    assert!((0.01..0.05).contains(&fraction), "{glare}");
}
