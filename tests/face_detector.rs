//! The face detector on a labelled set: real faces (fixture photos, boxes measured by hand)
//! scaled to a given width and placed on pictures without faces, then searched as a still
//! picture is. Recall per face width, and for heads tilted in the picture's plane, and false
//! faces are asserted and printed (the README's tables come from
//! `cargo test --test face_detector -- --nocapture`).
//!
//! Tuning faces (used when choosing `face_model_px` and the score): the portrait, the two men,
//! the stage. Validation faces, never used for tuning: the astronaut (scikit-image), two of
//! the three people in the garden (Flickr, CC BY 2.0) and Grace Hopper (matplotlib's sample
//! data; US Navy photo, public domain).

mod common;

use common::boxes::iou;
use image::{RgbImage, imageops};
use selfcheck::analysis::faces::{FaceBox, FaceDetector, FaceRules};
use selfcheck::analysis::frame::{Rect, RgbFrame};

const IMAGES: &str = "tests/fixtures/images";

/// A face in a fixture photo: file and box (x, y, w, h), the box as wide as the face from ear
/// to ear and from brow to chin, as the model draws it.
struct Face {
    file: &'static str,
    x: u32,
    y: u32,
    w: u32,
}

const TUNING: &[Face] = &[
    Face {
        file: "one_face_portrait.jpg",
        x: 346,
        y: 133,
        w: 298,
    },
    Face {
        file: "two_people.jpg",
        x: 774,
        y: 64,
        w: 195,
    },
    Face {
        file: "two_people.jpg",
        x: 236,
        y: 60,
        w: 167,
    },
    Face {
        file: "three_people_stage.jpg",
        x: 738,
        y: 430,
        w: 199,
    },
];

const VALIDATION: &[Face] = &[
    Face {
        file: "validation/astronaut.png",
        x: 166,
        y: 62,
        w: 116,
    },
    Face {
        file: "three_people_garden.jpg",
        x: 350,
        y: 424,
        w: 174,
    },
    Face {
        file: "three_people_garden.jpg",
        x: 837,
        y: 460,
        w: 154,
    },
    // Glasses, a cap's brim over the brow, an older face (added 2026-12-03, after every
    // limit was chosen).
    Face {
        file: "validation/grace_hopper.jpg",
        x: 160,
        y: 130,
        w: 210,
    },
];

/// Pictures without a face: rooms, a building, a mural, a cat, objects, textures.
const NO_FACE: &[&str] = &[
    "106_NIKON-D3400-35MM_S.jpg",
    "176_HONOR-7X_S.jpg",
    "180_HONOR-10_S.jpg",
    "106_NIKON-D3400-35MM_M.jpg",
    "176_HONOR-7X_F.jpg",
    "validation/chelsea.png",
    "validation/coffee.png",
    "validation/rocket.jpg",
    "validation/brick.png",
    "validation/gravel.png",
];

fn open(file: &str) -> RgbImage {
    image::open(format!("{IMAGES}/{file}"))
        .unwrap_or_else(|e| panic!("{file}: {e}"))
        .to_rgb8()
}

fn frame(img: &RgbImage) -> RgbFrame {
    RgbFrame {
        width: img.width(),
        height: img.height(),
        data: img.as_raw().clone(),
    }
}

fn detector() -> FaceDetector {
    let profile = selfcheck::profile::Profile::builtin().expect("profile");
    FaceDetector::new(FaceRules::from_profile(&profile.image)).expect("model")
}

/// The face with a margin of half a face width all round (hair, neck; no neighbour's face),
/// scaled so the face is `width` wide.
fn head(img: &RgbImage, f: &Face, width: u32) -> (RgbImage, Rect) {
    let side = f.w * 2;
    let cx = (f.x + f.w / 2) as i64;
    let cy = (f.y + f.w / 2) as i64;
    let x0 = (cx - side as i64 / 2).clamp(0, (img.width() - side.min(img.width())) as i64) as u32;
    let y0 = (cy - side as i64 / 2).clamp(0, (img.height() - side.min(img.height())) as i64) as u32;
    let (cw, ch) = (side.min(img.width() - x0), side.min(img.height() - y0));
    let crop = imageops::crop_imm(img, x0, y0, cw, ch).to_image();
    let k = f64::from(width) / f64::from(f.w);
    let (sw, sh) = (
        (f64::from(cw) * k).round() as u32,
        (f64::from(ch) * k).round() as u32,
    );
    let small = imageops::resize(&crop, sw.max(1), sh.max(1), imageops::FilterType::Triangle);
    let face = Rect {
        x: (f64::from(f.x - x0) * k).round() as u32,
        y: (f64::from(f.y - y0) * k).round() as u32,
        w: width,
        h: width,
    };
    (small, face)
}

fn background(file: &str) -> RgbImage {
    imageops::resize(&open(file), 1280, 720, imageops::FilterType::Triangle)
}

struct Tally {
    found: usize,
    total: usize,
    false_faces: usize,
}

/// Each face of `faces` at `width` px, one per quarter of a 1280×720 picture of each
/// background; counts faces found (IoU > 0.3 with the truth) and boxes matching no face.
fn tally(faces: &[Face], width: u32, backgrounds: &[&str], d: &mut FaceDetector) -> Tally {
    let heads: Vec<(RgbImage, Rect)> = faces
        .iter()
        .map(|f| head(&open(f.file), f, width))
        .collect();
    tally_heads(&heads, backgrounds, d)
}

/// `head` turned by `degrees` (clockwise on screen) around the face's centre, in the picture's
/// own plane — a tilted head, or a camera held crooked. Bilinear; the corners the turn brings
/// in repeat the nearest edge (the face, 0.7 face widths from its centre at most, stays inside
/// the crop, which reaches one face width from it).
fn tilted((img, face): &(RgbImage, Rect), degrees: f64) -> (RgbImage, Rect) {
    let (sin, cos) = degrees.to_radians().sin_cos();
    let cx = f64::from(face.x) + f64::from(face.w) / 2.0;
    let cy = f64::from(face.y) + f64::from(face.h) / 2.0;
    let (xmax, ymax) = (f64::from(img.width() - 1), f64::from(img.height() - 1));
    let out = RgbImage::from_fn(img.width(), img.height(), |x, y| {
        // The source point that turns onto this pixel: the pixel turned back.
        let (u, v) = (f64::from(x) + 0.5 - cx, f64::from(y) + 0.5 - cy);
        let sx = (cx + u * cos + v * sin - 0.5).clamp(0.0, xmax);
        let sy = (cy - u * sin + v * cos - 0.5).clamp(0.0, ymax);
        let (x0, y0) = (sx.floor() as u32, sy.floor() as u32);
        let (x1, y1) = (
            (x0 + 1).min(img.width() - 1),
            (y0 + 1).min(img.height() - 1),
        );
        let (fx, fy) = (sx - f64::from(x0), sy - f64::from(y0));
        let mut px = [0u8; 3];
        for (c, v) in px.iter_mut().enumerate() {
            let p = |x: u32, y: u32| f64::from(img.get_pixel(x, y)[c]);
            let top = p(x0, y0) + (p(x1, y0) - p(x0, y0)) * fx;
            let bottom = p(x0, y1) + (p(x1, y1) - p(x0, y1)) * fx;
            *v = (top + (bottom - top) * fy).round() as u8;
        }
        image::Rgb(px)
    });
    (out, *face)
}

/// Each of `heads` once per quarter of a 1280×720 picture of each background; counts faces
/// found (IoU > 0.3 with the truth) and boxes matching no face.
fn tally_heads(heads: &[(RgbImage, Rect)], backgrounds: &[&str], d: &mut FaceDetector) -> Tally {
    let mut t = Tally {
        found: 0,
        total: 0,
        false_faces: 0,
    };
    for (bi, bg) in backgrounds.iter().enumerate() {
        let mut canvas = background(bg);
        let mut truths = Vec::new();
        for (i, (h, face)) in heads.iter().enumerate() {
            // Quarters, shifted a little per background so faces meet tile borders too.
            let (qx, qy) = ((i % 2) as u32 * 640, (i / 2 % 2) as u32 * 360);
            let jitter = (bi as u32 * 97 + i as u32 * 41) % 200;
            let x = (qx + 60 + jitter).min(1280 - h.width());
            let y = (qy + 40 + jitter / 2).min(720 - h.height());
            imageops::replace(&mut canvas, h, i64::from(x), i64::from(y));
            truths.push(Rect {
                x: x + face.x,
                y: y + face.y,
                ..*face
            });
        }
        let found: Vec<FaceBox> = d.detect_frame(&frame(&canvas));
        for truth in &truths {
            t.total += 1;
            if found.iter().any(|f| iou(&f.rect, truth) > 0.3) {
                t.found += 1;
            }
        }
        t.false_faces += found
            .iter()
            .filter(|f| !truths.iter().any(|tr| iou(&f.rect, tr) > 0.3))
            .count();
    }
    t
}

/// Prints `t` as the README's tables quote it and asserts at least `need` of the faces found
/// and no false face.
fn assert_recall(what: &str, t: &Tally, need: f64) {
    let recall = t.found as f64 / t.total as f64;
    println!(
        "{what}: found {}/{} ({:.0} %), false faces {}",
        t.found,
        t.total,
        recall * 100.0,
        t.false_faces
    );
    assert!(recall >= need, "{what}: recall {recall:.2} < {need}");
    assert_eq!(t.false_faces, 0, "{what}: false faces");
}

const BACKGROUNDS: &[&str] = &[
    "106_NIKON-D3400-35MM_S.jpg",
    "176_HONOR-7X_S.jpg",
    "validation/gravel.png",
];

/// (face width at 720p, recall needed on the tuning faces, on the validation faces). The
/// validation figures are what was measured, less one face: 12/12 at every width. At 24 px
/// the garden's sunlit, washed-out faces were partly missed (9/12, README) until the smallest
/// faces were searched enlarged to 32 model pixels (`face_fine_model_px`, 2026-12-03). 64 px
/// sits where the finest level (enlarged) and the half-scale level meet — where a printed face
/// of a held-out photo was lost (README): 12/12 and 12/12 (2026-12-04; 40, 56, 72 and 80 px
/// too, as stills and seen at two live looks, a scratch run).
const RECALL: &[(u32, f64, f64)] = &[
    (24, 0.9, 0.91),
    (32, 0.9, 0.91),
    (48, 0.9, 0.91),
    (64, 0.9, 0.91),
    (96, 0.9, 0.91),
];

#[test]
fn faces_are_found_down_to_24_px_on_tuning_and_validation_faces() {
    let mut d = detector();
    for (set, faces) in [("tuning", TUNING), ("validation", VALIDATION)] {
        for &(width, tuning, validation) in RECALL {
            let need = if set == "tuning" { tuning } else { validation };
            let t = tally(faces, width, BACKGROUNDS, &mut d);
            assert_recall(&format!("{set}: {width:>3} px"), &t, need);
        }
    }
}

/// (tilt in degrees, recall needed at 48 px on the tuning faces, on the validation faces):
/// what was measured, less one face (upright, the 48-px row above: 12/12 and 12/12). The
/// upright search alone found 20° 12/12 and 12/12, 40° 11/12 and 9/12 (Grace Hopper missed in
/// every placement), 60° 1/12 and 5/12; with the picture also searched turned 40° each way
/// (`face_turned_deg`): 20° 12/12 and 12/12, 40° 11/12 and 12/12, 60° 9/12 and 10/12; with
/// the smallest faces searched enlarged as well (`face_fine_model_px`): 40° 12/12 and 12/12,
/// 60° 9/12 and 11/12; with the finest level's places looked at closer (`face_closer_look`,
/// 2026-12-04): the same but 60° validation 12/12; with its places also looked at closer
/// turned (2026-12-04, later): 60° tuning 12/12 as well.
const TILTS: &[(f64, f64, f64)] = &[(20.0, 0.9, 0.91), (40.0, 0.91, 0.91), (60.0, 0.91, 0.91)];

#[test]
fn tilted_heads_are_found() {
    let mut d = detector();
    for (set, faces) in [("tuning", TUNING), ("validation", VALIDATION)] {
        let upright: Vec<(RgbImage, Rect)> =
            faces.iter().map(|f| head(&open(f.file), f, 48)).collect();
        for &(degrees, tuning, validation) in TILTS {
            // Every other face tilted the other way.
            let heads: Vec<(RgbImage, Rect)> = upright
                .iter()
                .enumerate()
                .map(|(i, h)| tilted(h, if i % 2 == 0 { degrees } else { -degrees }))
                .collect();
            let t = tally_heads(&heads, BACKGROUNDS, &mut d);
            let need = if set == "tuning" { tuning } else { validation };
            assert_recall(&format!("{set}: 48 px tilted {degrees:>2}°"), &t, need);
        }
    }
}

/// (face width at 720p, tilt in degrees, recall needed on the tuning faces, on the
/// validation faces) for far heads leaning: the sizes below the turned search of the whole
/// picture (it keeps faces of 48 px and more at 720p). Measured on 2026-12-04 with the finest
/// level also searched turned (`analysis::face_leaning_far`) and its places looked at closer
/// turned: 24 px 40° 12/12 and 12/12, 50° 12/12 and 12/12, 60° 10/12 and 11/12; 32 px 12/12
/// at every tilt; asserted less one face. Before: 24 px 50° 4/12 and 5/12, 60° 2/12 and
/// 1/12; 32 px 60° 4/12 and 6/12 (upright, a small head leaning 60° scored under the places'
/// low score as often as not). Both sets were looked at while building it (no limit was
/// chosen: the turned angle and the scores are the profile's), so the held-out pictures
/// (`face_heldout_pictures`) are the evidence on false faces. 2026-12-05: a head leaning 60°
/// found turned 40° may pass the mirror checks at 60° when it fails them half way back
/// (`face_mirror::FURTHER`): 24 px 60° 10/12 and 11/12 → 11/12 and 11/12.
const SMALL_TILTS: &[(u32, f64, f64, f64)] = &[
    (24, 40.0, 0.91, 0.91),
    (24, 50.0, 0.91, 0.91),
    (24, 60.0, 0.83, 0.83),
    (32, 40.0, 0.91, 0.91),
    (32, 50.0, 0.91, 0.91),
    (32, 60.0, 0.91, 0.91),
];

#[test]
fn far_leaning_heads_are_found() {
    let mut d = detector();
    for (set, faces) in [("tuning", TUNING), ("validation", VALIDATION)] {
        for &(width, degrees, tuning, validation) in SMALL_TILTS {
            let heads: Vec<(RgbImage, Rect)> = faces
                .iter()
                .enumerate()
                .map(|(i, f)| {
                    let upright = head(&open(f.file), f, width);
                    tilted(&upright, if i % 2 == 0 { degrees } else { -degrees })
                })
                .collect();
            let t = tally_heads(&heads, BACKGROUNDS, &mut d);
            let need = if set == "tuning" { tuning } else { validation };
            assert_recall(&format!("{set}: {width} px tilted {degrees:>2}°"), &t, need);
        }
    }
}

/// (face width, tilt, heads needed of 12 on the tuning faces, on the validation faces) for
/// live looks with the camera still: one look searches the smallest faces in one column, so
/// a head counts when seen at two looks or more of one round of the columns. A column's looks
/// alternate upright and turned (each way once a round), and a small face found turned is
/// followed up turned. Measured 2026-12-04 (scratch runs of this test): before the closer
/// look turned, 24 px 50° 4 and 5, 32 px 60° 4 and 6, 24 px 60° 2 and 1; with it 10 and 10,
/// 10 and 11, 7 and 8; with the columns' turned looks and turned follow-ups 11 and 12,
/// 12 and 11, 10 and 12 (seen at one look at least: 12/12 but 24 px 60° tuning 11/12);
/// asserted less one. 2026-12-05, with the mirror checks at 60° for heads leaning further
/// (`face_mirror::FURTHER`): 24 px 60° 10 and 12 → 11 and 11 at two looks, 11 and 12 → 12 and
/// 12 at one (the camera step counts one); the other rows unchanged.
const LIVE_TILTS: &[(u32, f64, usize, usize)] =
    &[(24, 50.0, 10, 11), (32, 60.0, 11, 10), (24, 60.0, 10, 10)];

#[test]
fn far_leaning_heads_are_seen_by_live_looks() {
    let profile = selfcheck::profile::Profile::builtin().expect("profile");
    let rules = FaceRules::from_profile(&profile.image);
    for (set, faces) in [("tuning", TUNING), ("validation", VALIDATION)] {
        for &(width, degrees, tuning, validation) in LIVE_TILTS {
            let (mut seen, mut total, mut false_faces, mut once) = (0, 0, 0, 0);
            for (bi, bg) in BACKGROUNDS.iter().enumerate() {
                let mut canvas = background(bg);
                let mut truths = Vec::new();
                for (i, f) in faces.iter().enumerate() {
                    let upright = head(&open(f.file), f, width);
                    let (h, face) = tilted(&upright, if i % 2 == 0 { degrees } else { -degrees });
                    // Placed as `tally_heads` places them.
                    let (qx, qy) = ((i % 2) as u32 * 640, (i / 2 % 2) as u32 * 360);
                    let jitter = (bi as u32 * 97 + i as u32 * 41) % 200;
                    let x = (qx + 60 + jitter).min(1280 - h.width());
                    let y = (qy + 40 + jitter / 2).min(720 - h.height());
                    imageops::replace(&mut canvas, &h, i64::from(x), i64::from(y));
                    truths.push(Rect {
                        x: x + face.x,
                        y: y + face.y,
                        ..face
                    });
                }
                let picture = frame(&canvas);
                let mut d = FaceDetector::new(rules).expect("model");
                let round = d.looks_to_search_all(1280, 720);
                let mut looks_seen = vec![0; truths.len()];
                for _ in 0..round {
                    let found = d.detect_look(&picture);
                    for (n, truth) in looks_seen.iter_mut().zip(&truths) {
                        *n += usize::from(found.iter().any(|f| iou(&f.rect, truth) > 0.3));
                    }
                    // A box on no placed face (a head leaning, found turned, may get a box of
                    // the whole head: that is the face, not a false one).
                    false_faces += found
                        .iter()
                        .filter(|f| {
                            !truths.iter().any(|t| {
                                f.rect.contains_centre_of(t) || t.contains_centre_of(&f.rect)
                            })
                        })
                        .count();
                }
                total += truths.len();
                seen += looks_seen.iter().filter(|&&n| n >= 2).count();
                once += looks_seen.iter().filter(|&&n| n >= 1).count();
            }
            println!(
                "{set}: {width} px tilted {degrees}°, live: seen at two looks {seen}/{total}, \
                 at one {once}/{total}, false faces {false_faces}"
            );
            let need = if set == "tuning" { tuning } else { validation };
            assert!(seen >= need, "{set} {width} px {degrees}°: {seen}/{total}");
            assert_eq!(false_faces, 0, "{set} {width} px {degrees}°: false faces");
        }
    }
}

/// `img` (a head whose face is `face` in it) put on a copy of the 1280×720 `bg` with the
/// face's centre at `at` (moved inside the picture), and where the face is then.
fn centred_at(bg: &RgbImage, img: &RgbImage, face: Rect, at: (u32, u32)) -> (RgbImage, Rect) {
    let x =
        at.0.saturating_sub(face.x + face.w / 2)
            .min(1280 - img.width());
    let y =
        at.1.saturating_sub(face.y + face.h / 2)
            .min(720 - img.height());
    let mut canvas = bg.clone();
    imageops::replace(&mut canvas, img, i64::from(x), i64::from(y));
    let truth = Rect {
        x: x + face.x,
        y: y + face.y,
        ..face
    };
    (canvas, truth)
}

/// The same heads leaning 50° in the four corners of the picture, seen by live looks with the
/// camera still (the camera step): a live look's turned input is the picture's size, so its
/// corners fall outside it; every other turned look of each way searches the corners instead.
/// Counted when seen at one look of eight (two seconds: the camera step's window).
#[test]
fn leaning_heads_in_the_corners_are_seen_by_live_looks() {
    let profile = selfcheck::profile::Profile::builtin().expect("profile");
    let rules = FaceRules::from_profile(&profile.image);
    let bg = background(BACKGROUNDS[0]);
    let mut by_corner = [(0, 0); 4];
    for (i, f) in TUNING.iter().chain(VALIDATION).enumerate() {
        let upright = head(&open(f.file), f, 96);
        let (img, face) = tilted(&upright, if i % 2 == 0 { 50.0 } else { -50.0 });
        for (c, slot) in by_corner.iter_mut().enumerate() {
            // The grid's corner places of `leaning_heads_are_found_across_the_picture`.
            let (fx, fy) = (128 + (c % 2) as u32 * 1024, 144 + (c / 2) as u32 * 432);
            let (canvas, truth) = centred_at(&bg, &img, face, (fx, fy));
            let picture = frame(&canvas);
            let mut d = FaceDetector::new(rules).expect("model");
            let mut seen = false;
            for _ in 0..8 {
                let found = d.detect_look(&picture);
                seen |= found.iter().any(|b| iou(&b.rect, &truth) > 0.3);
                assert!(
                    found.iter().all(|b| iou(&b.rect, &truth) > 0.1),
                    "{}: a false face {found:?}",
                    f.file
                );
            }
            slot.1 += 1;
            slot.0 += usize::from(seen);
        }
    }
    // Measured 2026-12-04: 6, 6, 6 and 5 of 8 before the corner squares, 8/8 each since;
    // asserted 7/8.
    println!("corners, live: {by_corner:?}");
    for &(found, of) in &by_corner {
        assert!(found + 1 >= of, "{by_corner:?}");
    }
}

#[test]
fn no_face_is_found_where_there_is_none() {
    let mut d = detector();
    for file in NO_FACE {
        let faces = d.detect_frame(&frame(&open(file)));
        println!("{file}: {} faces", faces.len());
        assert!(faces.is_empty(), "{file}: {faces:?}");
    }
}

#[test]
fn the_fixture_photos_give_their_people() {
    let mut d = detector();
    for (file, people) in [("one_face_portrait.jpg", 1), ("two_people.jpg", 2)] {
        let faces = d.detect_frame(&frame(&open(file)));
        println!("{file}: {faces:?}");
        assert_eq!(faces.len(), people, "{file}: {faces:?}");
    }
    let stage = d.detect_frame(&frame(&open("three_people_stage.jpg")));
    // All three: the girl at the lower right too (0.92; the earlier detector gave her 0.675).
    assert_eq!(stage.len(), 3, "{stage:?}");
    // All three, the woman in the middle washed out by the sun behind her glasses too (0.85;
    // the earlier detector gave her 0.32).
    let garden = d.detect_frame(&frame(&open("three_people_garden.jpg")));
    assert_eq!(garden.len(), 3, "{garden:?}");
}

/// Heads leaning 50° (between the turned search's 40° and the 60° it is meant to reach),
/// 96 px wide, one at a time at every place of a 5×3 grid over the picture, as stills. The
/// turned search's input was the picture's own size, so turned, the picture's corners fell
/// outside it: measured 2026-12-03, every head found at the 11 places off the corners
/// (88/88), in the corners 6, 6, 6 and 5 of 8. A still's turned input now reaches as far as
/// the turned picture (a live look's does not: twice the pixels): 8/8 at every place
/// (2026-12-04); asserted all off the corners, 7/8 in them.
#[test]
fn leaning_heads_are_found_across_the_picture() {
    let mut d = detector();
    let bg = background(BACKGROUNDS[0]);
    let mut by_place = vec![(0, 0); 15];
    for (set, faces) in [("tuning", TUNING), ("validation", VALIDATION)] {
        for (i, f) in faces.iter().enumerate() {
            let upright = head(&open(f.file), f, 96);
            let (img, face) = tilted(&upright, if i % 2 == 0 { 50.0 } else { -50.0 });
            for (p, slot) in by_place.iter_mut().enumerate() {
                let (gx, gy) = ((p % 5) as u32, (p / 5) as u32);
                // The face's centre at 10 %, 30 % … 90 % across, 20 %, 50 %, 80 % down.
                let (fx, fy) = (128 + gx * 256, 144 + gy * 216);
                let (canvas, truth) = centred_at(&bg, &img, face, (fx, fy));
                let found = d.detect_frame(&frame(&canvas));
                slot.1 += 1;
                if found.iter().any(|b| iou(&b.rect, &truth) > 0.3) {
                    slot.0 += 1;
                }
            }
            println!("{set} {}: done", f.file);
        }
    }
    for row in by_place.chunks(5) {
        println!("{row:?}");
    }
    for (p, &(found, of)) in by_place.iter().enumerate() {
        let corner = matches!(p, 0 | 4 | 10 | 14);
        let need = if corner { of * 7 / 8 } else { of };
        assert!(found >= need, "place {p}: {found}/{of}: {by_place:?}");
    }
}
