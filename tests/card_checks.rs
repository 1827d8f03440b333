//! The ID card checks (`image.glare` with its three kinds, `image.card_corners`,
//! `image.card_shadow`) through `selfcheck analyze-image --card`, on cards composed with known
//! answers: clean, specular highlight, sheen, hologram flare, a corner outside the picture, a
//! covered corner, hard and soft shadows, and a soft light gradient that must pass.
//!
//! The limits were chosen on the **tuning** scenes (a pale blue-grey card on the real portrait
//! fixture, 400 px wide), where every verdict must be right, and are checked unchanged on the
//! **validation** scenes: other backgrounds (the scikit-image validation pictures), a
//! near-white and a light-blue card, the other side of the card, other sizes, positions and a
//! slight tilt. There no verdict may be a false "pass" and 9 in 10 must be exactly right (the
//! misses are printed; the README lists them).
//!
//! The cards are printed as paper is: every ink multiplies the paper's colour, so nothing
//! printed is brighter than the paper (the physical fact sheen detection rests on).

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

fn picture(name: &str, w: u32, h: u32) -> RgbImage {
    let img = image::open(fixture(name)).expect("fixture").to_rgb8();
    image::imageops::resize(&img, w, h, image::imageops::FilterType::Triangle)
}

#[derive(Clone, Copy, PartialEq)]
enum Side {
    Portrait,
    Emblem,
}

/// A card to compose: paper colour, side, width in pixels, top-left corner, tilt.
#[derive(Clone, Copy)]
struct Card {
    paper: [f32; 3],
    side: Side,
    w: f32,
    at: (f32, f32),
    tilt_deg: f32,
}

/// Card coordinates in millimetres (ID-1: 85.6 × 54) of an image pixel, if on the card.
fn card_mm(c: &Card, x: f32, y: f32) -> Option<(f32, f32)> {
    let scale = 85.6 / c.w;
    let (s, co) = c.tilt_deg.to_radians().sin_cos();
    let (dx, dy) = (x - c.at.0, y - c.at.1);
    let (u, v) = ((dx * co + dy * s) * scale, (-dx * s + dy * co) * scale);
    ((0.0..85.6).contains(&u) && (0.0..54.0).contains(&v)).then_some((u, v))
}

fn hash(a: u32, b: u32) -> u32 {
    (a.wrapping_mul(374_761_393) ^ b.wrapping_mul(668_265_263)).wrapping_mul(1_274_126_177)
}

/// How much of the paper's light the print at (u, v) mm lets through, per channel (1 = bare
/// paper). `photo` is the portrait to print.
fn print(side: Side, u: f32, v: f32, photo: &RgbImage) -> [f32; 3] {
    // A fine, faint security pattern all over.
    let wave = 0.97 + 0.03 * (u * 1.7 + 2.0 * (v * 0.9).sin()).sin();
    let mut t = [wave, wave, wave * 0.995];
    let ink = |t: &mut [f32; 3], c: [f32; 3]| {
        for k in 0..3 {
            t[k] *= c[k];
        }
    };
    // "Characters": 3.2 mm cells, most of each cell inked in strokes.
    let text = |u: f32, v: f32, u0: f32, u1: f32, rows: &[f32]| {
        rows.iter().any(|r| v >= *r && v < r + 3.2) && (u0..u1).contains(&u) && {
            let (cu, cv) = ((u / 3.2) as u32, (v / 0.8) as u32);
            !hash(cu, cv).is_multiple_of(3) && (u % 3.2) > 0.5
        }
    };
    match side {
        Side::Portrait => {
            if text(u, v, 6.0, 50.0, &[7.0, 14.0, 21.0, 28.0, 35.0]) {
                ink(&mut t, [0.18, 0.18, 0.22]);
            }
            if text(u, v, 25.0, 80.0, &[45.0]) {
                ink(&mut t, [0.15, 0.15, 0.18]);
            }
            if (55.0..80.0).contains(&u) && (7.0..40.0).contains(&v) {
                let px = photo.get_pixel(
                    (((u - 55.0) / 25.0) * photo.width() as f32) as u32 % photo.width(),
                    (((v - 7.0) / 33.0) * photo.height() as f32) as u32 % photo.height(),
                );
                ink(&mut t, px.0.map(|c| f32::from(c) / 255.0));
            }
        }
        Side::Emblem => {
            let (du, dv) = (u - 14.0, v - 14.0);
            let r = (du * du + dv * dv).sqrt();
            if r < 9.0 {
                ink(
                    &mut t,
                    if r > 7.5 {
                        [0.9, 0.75, 0.3]
                    } else {
                        [0.85, 0.2, 0.2]
                    },
                );
            }
            if text(u, v, 30.0, 78.0, &[10.0, 18.0]) {
                ink(&mut t, [0.2, 0.2, 0.24]);
            }
            if text(u, v, 20.0, 70.0, &[40.0, 46.0]) {
                ink(&mut t, [0.2, 0.2, 0.24]);
            }
        }
    }
    t
}

/// What the light does to the card at (u, v) mm: a function of the lit colour.
type Light = Box<dyn Fn(f32, f32, [f32; 3]) -> [f32; 3]>;

fn even() -> Light {
    Box::new(|_, _, c| c)
}

/// A specular highlight (clipped core) of radii (rx, ry) mm at (cx, cy) mm.
fn specular(cx: f32, cy: f32, rx: f32, ry: f32) -> Light {
    Box::new(move |u, v, c| {
        let d = (((u - cx) / rx).powi(2) + ((v - cy) / ry).powi(2)).sqrt();
        let k = ((1.0 - d) * 2.2).clamp(0.0, 1.0);
        c.map(|x| x + (255.0 - x) * k)
    })
}

/// Sheen: light added evenly to print and paper (a veil), Gaussian of `sigma` mm, `add`
/// levels at its centre.
fn sheen(cx: f32, cy: f32, sigma: f32, add: f32) -> Light {
    Box::new(move |u, v, c| {
        let g = (-((u - cx).powi(2) + (v - cy).powi(2)) / (2.0 * sigma * sigma)).exp();
        c.map(|x| (x + add * g).min(255.0))
    })
}

/// Hologram flare: a rainbow (hue running along u) mixed over a patch of radius `r` mm.
fn hologram(cx: f32, cy: f32, r: f32) -> Light {
    Box::new(move |u, v, c| {
        let d = ((u - cx).powi(2) + (v - cy).powi(2)).sqrt() / r;
        if d >= 1.0 {
            return c;
        }
        let k = ((1.0 - d) * 1.6).min(0.9);
        let hue = ((u - cx + r) / (2.0 * r)).clamp(0.0, 1.0) * 300.0;
        let rainbow = hsv(hue, 0.75, 255.0);
        [0, 1, 2].map(|i| c[i] * (1.0 - k) + rainbow[i] * k)
    })
}

fn hsv(h: f32, s: f32, v: f32) -> [f32; 3] {
    let c = v * s;
    let x = c * (1.0 - ((h / 60.0) % 2.0 - 1.0).abs());
    let (r, g, b) = match (h / 60.0) as u32 {
        0 => (c, x, 0.0),
        1 => (x, c, 0.0),
        2 => (0.0, c, x),
        3 => (0.0, x, c),
        4 => (x, 0.0, c),
        _ => (c, 0.0, x),
    };
    let m = v - c;
    [r + m, g + m, b + m]
}

/// A shadow `depth` darker (a hand's or a phone's) over an ellipse centred at (cx, cy) mm with
/// radii (rx, ry) mm, entering from the card's edge; its edge blurred over `soft` mm.
fn shadow(cx: f32, cy: f32, rx: f32, ry: f32, depth: f32, soft: f32) -> Light {
    Box::new(move |u, v, c| {
        let d = (((u - cx) / rx).powi(2) + ((v - cy) / ry).powi(2)).sqrt();
        // Distance inside the ellipse's edge, in mm (approximately).
        let inside = (1.0 - d) * rx.min(ry);
        let k = if soft <= 0.0 {
            f32::from(u8::from(inside > 0.0))
        } else {
            (inside / soft + 0.5).clamp(0.0, 1.0)
        };
        c.map(|x| x * (1.0 - depth * k))
    })
}

/// Window light falling off across the card: 65 % at the left edge, full at the right.
fn gradient() -> Light {
    Box::new(|u, _, c| c.map(|x| x * (0.65 + 0.35 * u / 85.6)))
}

/// Composes `card` lit by `light` into `bg`; returns the picture and the card's box.
fn compose(bg: &RgbImage, card: &Card, light: &Light) -> (RgbImage, (u32, u32, u32, u32)) {
    let photo = picture("one_face_portrait.jpg", 120, 160);
    let mut img = bg.clone();
    for y in 0..img.height() {
        for x in 0..img.width() {
            let Some((u, v)) = card_mm(card, x as f32 + 0.5, y as f32 + 0.5) else {
                continue;
            };
            let t = print(card.side, u, v, &photo);
            let lit = [0, 1, 2].map(|k| card.paper[k] * t[k]);
            let out = light(u, v, lit);
            img.put_pixel(x, y, Rgb(out.map(|c| c.round().clamp(0.0, 255.0) as u8)));
        }
    }
    let h = card.w * 54.0 / 85.6;
    let boxed = (
        card.at.0.max(0.0) as u32,
        card.at.1.max(0.0) as u32,
        card.w as u32,
        h as u32,
    );
    (img, boxed)
}

/// A thumb (skin, shaded) of radius `r` px over the point (x, y).
fn thumb(img: &mut RgbImage, x: f32, y: f32, r: f32) {
    for py in 0..img.height() {
        for px in 0..img.width() {
            let d = ((px as f32 - x).powi(2) + (py as f32 - y).powi(2)).sqrt() / r;
            if d < 1.0 {
                let shade = 1.0 - 0.3 * d;
                img.put_pixel(
                    px,
                    py,
                    Rgb([224.0, 172.0, 140.0].map(|c| (c * shade) as u8)),
                );
            }
        }
    }
}

struct Outcome {
    glare: serde_json::Value,
    corners: serde_json::Value,
    shadow: serde_json::Value,
}

fn judge(img: &RgbImage, boxed: (u32, u32, u32, u32), dir: &Path, name: &str) -> Outcome {
    // KEEP_CARD_SCENES=DIR keeps the composed pictures there, to look at.
    let dir = std::env::var_os("KEEP_CARD_SCENES").map_or(dir.to_path_buf(), Into::into);
    let path = dir.join(format!("{name}.png"));
    img.save(&path).expect("save");
    let card = format!("{},{},{},{}", boxed.0, boxed.1, boxed.2, boxed.3);
    let o = run(&[
        "analyze-image",
        path.to_str().expect("utf8"),
        "--card",
        &card,
        "--json",
    ]);
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{name}: {}",
        stderr(&o)
    );
    let r = json(&o);
    Outcome {
        glare: check(&r, "image.glare").clone(),
        corners: check(&r, "image.card_corners").clone(),
        shadow: check(&r, "image.card_shadow").clone(),
    }
}

/// What a case must give: glare status and the kind it must name, corners status, shadow
/// status.
struct Expect {
    glare: &'static str,
    kind: Option<&'static str>,
    corners: &'static str,
    shadow: &'static str,
}

const CLEAN: Expect = Expect {
    glare: "pass",
    kind: None,
    corners: "pass",
    shadow: "pass",
};

enum Prop {
    None,
    Thumb,
    OffPicture,
}

/// Every case on one scene: (name, light, extra, expected).
fn cases() -> Vec<(&'static str, Light, Prop, Expect)> {
    vec![
        ("clean", even(), Prop::None, CLEAN),
        ("window_gradient", gradient(), Prop::None, CLEAN),
        (
            "specular",
            specular(50.0, 24.0, 16.0, 11.0),
            Prop::None,
            Expect {
                glare: "fail",
                kind: Some("specular"),
                ..CLEAN
            },
        ),
        (
            "sheen",
            sheen(40.0, 26.0, 10.0, 60.0),
            Prop::None,
            Expect {
                glare: "fail",
                kind: Some("sheen"),
                ..CLEAN
            },
        ),
        (
            "hologram",
            hologram(45.0, 30.0, 14.0),
            Prop::None,
            Expect {
                glare: "fail",
                kind: Some("hologram"),
                ..CLEAN
            },
        ),
        (
            "hard_shadow",
            shadow(45.0, 56.0, 24.0, 22.0, 0.5, 0.0),
            Prop::None,
            Expect {
                shadow: "fail",
                ..CLEAN
            },
        ),
        (
            "soft_shadow",
            shadow(-4.0, 27.0, 30.0, 20.0, 0.5, 10.0),
            Prop::None,
            Expect {
                shadow: "fail",
                ..CLEAN
            },
        ),
        (
            "covered_corner",
            even(),
            Prop::Thumb,
            Expect {
                corners: "fail",
                ..CLEAN
            },
        ),
        (
            "corner_outside",
            even(),
            Prop::OffPicture,
            Expect {
                corners: "fail",
                ..CLEAN
            },
        ),
    ]
}

/// How a scene went: every verdict (glare with its kind, corners, shadow) compared with the
/// known answer.
#[derive(Default)]
struct Tally {
    verdicts: usize,
    right: usize,
    /// Verdicts that said "pass" where the known answer is not a pass: a false "ready".
    false_ready: Vec<String>,
    wrong: Vec<String>,
}

fn run_scene(scene: &str, bg: &RgbImage, card: Card, dir: &Path, tally: &mut Tally) {
    for (name, light, prop, want) in cases() {
        let mut c = card;
        if matches!(prop, Prop::OffPicture) {
            // A tenth of the card beyond the left border of the picture.
            c.at.0 = -c.w * 0.1;
        }
        let (mut img, mut boxed) = compose(bg, &c, &light);
        if matches!(prop, Prop::Thumb) {
            let r = c.w * 0.13;
            thumb(&mut img, c.at.0 + c.w, c.at.1, r);
        }
        if matches!(prop, Prop::OffPicture) {
            // The box the seller was shown stays inside the picture.
            boxed.0 = 1;
            boxed.2 = (c.w * 0.9) as u32;
        }
        let o = judge(&img, boxed, dir, &format!("{scene}_{name}"));
        let kinds = o.glare["measured"]["kind"].to_string();
        let got = format!(
            "{scene}/{name}: glare {} {} ({:.3}), corners {} {} {}, shadow {} {:.3}@{:.2}",
            o.glare["status"],
            kinds,
            o.glare["measured"]["glare_fraction"]
                .as_f64()
                .unwrap_or(-1.0),
            o.corners["status"],
            o.corners["measured"]["missing"],
            o.corners["measured"]["corners"],
            o.shadow["status"],
            o.shadow["measured"]["shadow_fraction"]
                .as_f64()
                .unwrap_or(-1.0),
            o.shadow["measured"]["depth"].as_f64().unwrap_or(-1.0),
        );
        eprintln!("{got}");
        let glare_right =
            o.glare["status"] == want.glare && want.kind.is_none_or(|k| kinds.contains(k));
        let checks = [
            ("glare", glare_right, &o.glare, want.glare),
            (
                "corners",
                o.corners["status"] == want.corners,
                &o.corners,
                want.corners,
            ),
            (
                "shadow",
                o.shadow["status"] == want.shadow,
                &o.shadow,
                want.shadow,
            ),
        ];
        for (check, right, result, wanted) in checks {
            tally.verdicts += 1;
            if right {
                tally.right += 1;
            } else {
                tally.wrong.push(format!("{check} in {got}"));
                if result["status"] == "pass" && wanted != "pass" {
                    tally.false_ready.push(format!("{check} in {got}"));
                }
            }
        }
    }
}

/// The scene the card limits were tuned on: the portrait photo with a pale-blue photo side.
fn tuning_scene() -> (&'static str, RgbImage, Card) {
    (
        "tuning_portrait",
        picture("one_face_portrait.jpg", 1280, 720),
        Card {
            paper: [222.0, 230.0, 236.0],
            side: Side::Portrait,
            w: 400.0,
            at: (700.0, 380.0),
            tilt_deg: 0.0,
        },
    )
}

/// The held-out scenes: backgrounds from the validation set, other papers, sizes and places.
fn validation_scenes() -> Vec<(&'static str, RgbImage, Card)> {
    vec![
        (
            "brick_white_emblem",
            picture("validation/brick.png", 1280, 720),
            Card {
                paper: [236.0, 236.0, 230.0],
                side: Side::Emblem,
                w: 520.0,
                at: (380.0, 200.0),
                tilt_deg: 2.0,
            },
        ),
        (
            "coffee_blue_portrait",
            picture("validation/coffee.png", 1280, 720),
            Card {
                paper: [200.0, 214.0, 232.0],
                side: Side::Portrait,
                w: 340.0,
                at: (900.0, 200.0),
                tilt_deg: -1.5,
            },
        ),
        // Added after the two above had been used to find faults in the measures (not the
        // limits), so one scene stays unseen by the development: run once, reported as is.
        (
            "gravel_green_emblem",
            picture("validation/gravel.png", 1280, 720),
            Card {
                paper: [214.0, 226.0, 216.0],
                side: Side::Emblem,
                w: 460.0,
                at: (240.0, 300.0),
                tilt_deg: 3.0,
            },
        ),
    ]
}

#[test]
fn tuning_scenes_give_the_known_answers() {
    let dir = tempfile::tempdir().expect("tmp");
    let (_, bg, card) = tuning_scene();
    let mut tally = Tally::default();
    run_scene("tuning", &bg, card, dir.path(), &mut tally);
    assert!(
        tally.wrong.is_empty(),
        "wrong verdicts:\n{}",
        tally.wrong.join("\n")
    );
}

#[test]
fn validation_scenes_give_the_known_answers_with_the_same_limits() {
    let dir = tempfile::tempdir().expect("tmp");
    let scenes = validation_scenes();
    let mut tally = Tally::default();
    for (name, bg, card) in scenes {
        run_scene(name, &bg, card, dir.path(), &mut tally);
    }
    // Held-out scenes are where a limit tuned too closely shows: every verdict that should
    // not pass must not pass (a false "ready" is the one mistake a seller pays for), and at
    // least 9 verdicts in 10 must be exactly right.
    eprintln!(
        "validation: {} of {} verdicts right; wrong:\n{}",
        tally.right,
        tally.verdicts,
        tally.wrong.join("\n")
    );
    assert!(
        tally.false_ready.is_empty(),
        "false ready:\n{}",
        tally.false_ready.join("\n")
    );
    assert!(
        tally.right * 10 >= tally.verdicts * 9,
        "only {} of {} verdicts right:\n{}",
        tally.right,
        tally.verdicts,
        tally.wrong.join("\n")
    );
}

/// The print of the card in the guide box `guide`, as the app's ID-card step measures it.
fn card_print(
    img: &RgbImage,
    guide: (u32, u32, u32, u32),
) -> selfcheck::analysis::card_print::CardPrint {
    let frame = selfcheck::analysis::frame::RgbFrame {
        width: img.width(),
        height: img.height(),
        data: img.as_raw().clone(),
    };
    let rect = selfcheck::analysis::frame::Rect {
        x: guide.0,
        y: guide.1,
        w: guide.2,
        h: guide.3,
    };
    let profile = selfcheck::profile::Profile::builtin().expect("profile");
    let rules = selfcheck::analysis::faces::FaceRules::from_profile(&profile.image);
    let mut detector = selfcheck::analysis::faces::FaceDetector::new(rules).expect("model");
    let limits = selfcheck::analysis::limits::FrameLimits::builtin().expect("profile");
    let a =
        selfcheck::analysis::frame_analysis::analyze(&frame, Some(rect), &mut detector, &limits);
    a.card_print.expect("a card box gives a print")
}

/// The flip rule: the same side held again (shifted, tilted, under other light) stays above
/// `card_flip_max_similarity`; the other side, held where the first was, falls below it. Tuned
/// on the portrait scene, then checked on the three validation scenes.
#[test]
fn a_turned_card_is_told_from_the_same_side_held_again() {
    let limit = selfcheck::profile::Profile::builtin()
        .expect("profile")
        .rehearsal
        .card_flip_max_similarity;
    let mut scenes = vec![tuning_scene()];
    scenes.extend(validation_scenes());
    let mut wrong = Vec::new();
    for (name, bg, card) in scenes {
        let (first, guide) = compose(&bg, &card, &even());
        let reference = card_print(&first, guide);
        let nudge = card.w * 0.03;
        let again = [
            (
                "shifted",
                Card {
                    at: (card.at.0 + nudge, card.at.1 - nudge * 0.6),
                    ..card
                },
                even(),
            ),
            (
                "tilted",
                Card {
                    tilt_deg: card.tilt_deg + 2.0,
                    ..card
                },
                even(),
            ),
            ("side light", card, gradient()),
            ("sheen", card, sheen(40.0, 20.0, 14.0, 45.0)),
        ];
        for (how, c, light) in again {
            let (img, _) = compose(&bg, &c, &light);
            let s = reference.similarity(&card_print(&img, guide));
            eprintln!("{name}: same side {how}: {s:.2}");
            if s <= limit {
                wrong.push(format!(
                    "{name}: the same side {how} reads as turned ({s:.2})"
                ));
            }
        }
        let other = if card.side == Side::Portrait {
            Side::Emblem
        } else {
            Side::Portrait
        };
        for (how, c) in [
            (
                "as held",
                Card {
                    side: other,
                    ..card
                },
            ),
            (
                "shifted",
                Card {
                    side: other,
                    at: (card.at.0 - nudge, card.at.1 + nudge * 0.6),
                    ..card
                },
            ),
        ] {
            let (img, _) = compose(&bg, &c, &even());
            let s = reference.similarity(&card_print(&img, guide));
            eprintln!("{name}: turned {how}: {s:.2}");
            if s > limit {
                wrong.push(format!(
                    "{name}: the turned card {how} reads as the same side ({s:.2})"
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
