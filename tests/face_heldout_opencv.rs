//! Held-out pictures from OpenCV's sample data (Debian's `opencv-doc`, Apache-2.0 and
//! BSD-3-Clause by its copyright file), fetched with `apt-get download` into the cache folder
//! outside the clone (`common::heldout`, about 96 MB once). First used 2026-12-05, after every
//! limit was chosen, so none was chosen on them:
//!
//! - objects, scenes and animals (a mandrill, a dog, a squirrel, a circuit board, fruit,
//!   buildings, a painting, drawings, logos): no face, as a 720p camera frame (the whole
//!   search, then every look of a full cycle of the live camera's columns) and at their own
//!   size as `analyze-image` takes them;
//! - the camera-calibration series: a man at his desk holding a chessboard up to a webcam
//!   (640×480, grey), as a seller holds the ID card: a face only where his face shows beside
//!   the board;
//! - people: a footballer, a man catching a ball — found.
//!
//! What the detector gets wrong here is said in the README ("Held-out pictures") and below.

mod common;

use common::boxes::iou;
use common::heldout::package;
use image::RgbImage;
use selfcheck::analysis::faces::{FaceBox, FaceDetector, FaceRules};
use selfcheck::analysis::frame::{Rect, RgbFrame};
use std::path::{Path, PathBuf};

const DATA: &str = "usr/share/doc/opencv-doc/examples/data";

fn detector() -> FaceDetector {
    let profile = selfcheck::profile::Profile::builtin().expect("profile");
    FaceDetector::new(FaceRules::from_profile(&profile.image)).expect("model")
}

fn frame(img: RgbImage) -> RgbFrame {
    RgbFrame {
        width: img.width(),
        height: img.height(),
        data: img.into_raw(),
    }
}

/// Where a point of a picture lands in its 720p frame ([`as_720p`]): scaled by `k`, then
/// shifted by the part cut off.
struct Placement {
    k: f64,
    x0: f64,
    y0: f64,
}

impl Placement {
    fn rect(&self, r: Rect) -> Rect {
        let at = |v: u32, o: f64| (f64::from(v) * self.k - o).round() as u32;
        Rect {
            x: at(r.x, self.x0),
            y: at(r.y, self.y0),
            w: at(r.w, 0.0),
            h: at(r.h, 0.0),
        }
    }
}

/// A picture as the camera would give it at 720p: enlarged or shrunk to cover 1280×720, the
/// middle kept.
fn as_720p(img: &RgbImage) -> (RgbImage, Placement) {
    let (w, h) = (f64::from(img.width()), f64::from(img.height()));
    let k = (1280.0 / w).max(720.0 / h);
    let (sw, sh) = ((w * k).round() as u32, (h * k).round() as u32);
    let big = image::imageops::resize(img, sw, sh, image::imageops::FilterType::Triangle);
    let (x0, y0) = ((sw - 1280) / 2, (sh - 720) / 2);
    let cut = image::imageops::crop_imm(&big, x0, y0, 1280, 720).to_image();
    let placed = Placement {
        k,
        x0: f64::from(x0),
        y0: f64::from(y0),
    };
    (cut, placed)
}

/// At most 1280 wide or high, as `analyze-image` searches a picture.
fn own_size(img: RgbImage) -> RgbImage {
    let k = 1280.0 / f64::from(img.width().max(img.height()));
    if k >= 1.0 {
        return img;
    }
    let (w, h) = (
        (f64::from(img.width()) * k).round() as u32,
        (f64::from(img.height()) * k).round() as u32,
    );
    image::imageops::resize(&img, w, h, image::imageops::FilterType::Triangle)
}

/// Every face the live camera's looks find in one picture held still, over a full cycle of
/// its columns (each column's upright and turned looks), merged with the whole search's.
fn faces_live(d: &mut FaceDetector, f: &RgbFrame) -> Vec<FaceBox> {
    let mut all = d.detect_frame(f);
    for _ in 0..d.looks_to_search_all(f.width, f.height) {
        for face in d.detect_look(f) {
            if !all.iter().any(|a| iou(&a.rect, &face.rect) > 0.3) {
                all.push(face);
            }
        }
    }
    all
}

fn open(path: &Path) -> RgbImage {
    image::open(path).expect("a picture").to_rgb8()
}

fn name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The pictures of the sample data folder whose file names `keep` takes, in name order.
fn pictures(dir: &Path, keep: impl Fn(&str) -> bool) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir.join(DATA))
        .expect("the sample data folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("jpg") || x.eq_ignore_ascii_case("png"))
                && keep(&name(p))
        })
        .collect();
    out.sort();
    out
}

/// Pictures with people in them (tests below), and the newspaper's sudoku page, which has a
/// drawn face at its top edge (a face on paper counts for the platform as for this app).
fn has_people(file: &str) -> bool {
    file.starts_with("left")
        || file.starts_with("right")
        || [
            "messi5.jpg",
            "basketball1.png",
            "basketball2.png",
            "sudoku.png",
        ]
        .contains(&file)
}

/// Where a picture is looked at: as a 720p camera frame, or at its own size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Seen {
    At720p,
    OwnSize,
}

/// False faces known and said in the README, all on one capacitor's top (the round can
/// marked C62) of the circuit board: at the picture's own size (640×480) 16 px, under the
/// 24-px smallest face the profile asks for, found upright by the closer look (0.74); as a
/// 720p frame (the board enlarged twice, the can 32 px) 39 px, found by 2 of 32 live looks
/// with the camera still (the column's looks turned 40°, 0.72), not by the whole search. It
/// is not a round pattern found at every turn: turned upside down the model does not find
/// it; the face mesh's presence (0.02) is as low as for true faces in profile (0.00–0.02), so
/// neither tells it apart. Any other false face fails the test.
const KNOWN_FALSE: &[(&str, Seen, Rect)] = &[
    (
        "board.jpg",
        Seen::OwnSize,
        Rect {
            x: 374,
            y: 120,
            w: 16,
            h: 16,
        },
    ),
    (
        "board.jpg",
        Seen::At720p,
        Rect {
            x: 749,
            y: 117,
            w: 39,
            h: 39,
        },
    ),
];

/// `faces` less the known false faces of `file` seen so.
fn unknown(file: &str, seen: Seen, faces: Vec<FaceBox>) -> Vec<FaceBox> {
    faces
        .into_iter()
        .filter(|f| {
            !KNOWN_FALSE
                .iter()
                .any(|(k, s, r)| *k == file && *s == seen && iou(r, &f.rect) > 0.5)
        })
        .collect()
}

#[test]
fn no_face_on_opencv_sample_pictures_without_people() {
    let Some(dir) = package("opencv-doc") else {
        return;
    };
    let photos = pictures(&dir, |f| !has_people(f));
    println!("{} pictures", photos.len());
    assert!(photos.len() >= 50, "{} pictures", photos.len());
    let mut d = detector();
    let (mut at_720p, mut at_own) = (Vec::new(), Vec::new());
    for p in &photos {
        let img = open(p);
        let file = name(p);
        let (big, _) = as_720p(&img);
        let live = unknown(&file, Seen::At720p, faces_live(&mut d, &frame(big)));
        let own = unknown(&file, Seen::OwnSize, d.detect_frame(&frame(own_size(img))));
        println!("{file}: 720p {}, own size {}", live.len(), own.len());
        if !live.is_empty() {
            at_720p.push(format!("{file}: {live:?}"));
        }
        if !own.is_empty() {
            at_own.push(format!("{file}: {own:?}"));
        }
    }
    assert!(at_720p.is_empty(), "false faces at 720p: {at_720p:#?}");
    assert!(at_own.is_empty(), "false faces at own size: {at_own:#?}");
}

/// The calibration series' pictures where the man's face shows beside the board (by eye): in
/// `left06` turned about 40° from the camera, in `right06` in profile (about 80°), the board's
/// edge across his cheek. In the 26 others the board hides his face (his hair or an ear at
/// most shows).
const FACE_SHOWS: &[(&str, Rect)] = &[
    (
        "left06.jpg",
        Rect {
            x: 218,
            y: 105,
            w: 134,
            h: 134,
        },
    ),
    (
        "right06.jpg",
        Rect {
            x: 131,
            y: 123,
            w: 128,
            h: 128,
        },
    ),
];

#[test]
fn a_man_holding_a_chessboard_to_the_camera_is_seen_where_his_face_shows() {
    let Some(dir) = package("opencv-doc") else {
        return;
    };
    let series = pictures(&dir, |f| f.starts_with("left") || f.starts_with("right"));
    assert_eq!(series.len(), 28, "the calibration series");
    let mut d = detector();
    let mut wrong = Vec::new();
    for p in &series {
        let img = open(p);
        let file = name(p);
        let shows = FACE_SHOWS.iter().find(|(f, _)| *f == file).map(|(_, r)| *r);
        let own = d.detect_frame(&frame(img.clone()));
        let (big, placed) = as_720p(&img);
        let live = faces_live(&mut d, &frame(big));
        println!("{file}: own size {own:?}, 720p {live:?}");
        match shows {
            // At its own size his face is found wherever it shows.
            Some(r) => {
                let found = own.len() == 1 && iou(&own[0].rect, &r) > 0.3;
                if !found {
                    wrong.push(format!("{file} own size: {own:?}"));
                }
                // As a 720p frame, the face turned 40° is found. The profile is past the
                // 60° the detector is made for: found here (0.74, just over the 0.7 limit),
                // not when the picture was enlarged with ImageMagick's filter (a scratch
                // run), so not asserted beyond "one face at most".
                if file == "left06.jpg" {
                    if !(live.len() == 1 && iou(&live[0].rect, &placed.rect(r)) > 0.3) {
                        wrong.push(format!("{file} 720p: {live:?}"));
                    }
                } else if live.len() > 1 {
                    wrong.push(format!("{file} 720p: {live:?}"));
                }
            }
            None => {
                if !own.is_empty() || !live.is_empty() {
                    wrong.push(format!("{file}: own size {own:?}, 720p {live:?}"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// People: the footballer (his face 40 px at the picture's own size; the crowd behind him is
/// out of focus, no face shows) and the man catching a ball in two frames of a video (the
/// other man, turned away from the camera, shows the back of his head and an ear: past what a
/// face detector sees — README). The face marked by eye is found at the picture's own size
/// and as a 720p frame.
#[test]
fn people_in_opencv_sample_pictures_are_found() {
    let Some(dir) = package("opencv-doc") else {
        return;
    };
    let marked: &[(&str, Rect)] = &[
        (
            "messi5.jpg",
            Rect {
                x: 221,
                y: 92,
                w: 40,
                h: 39,
            },
        ),
        (
            "basketball1.png",
            Rect {
                x: 66,
                y: 92,
                w: 43,
                h: 43,
            },
        ),
        (
            "basketball2.png",
            Rect {
                x: 66,
                y: 91,
                w: 44,
                h: 43,
            },
        ),
    ];
    let mut d = detector();
    let mut missed = Vec::new();
    for (file, r) in marked {
        let img = open(&dir.join(DATA).join(file));
        let own = d.detect_frame(&frame(img.clone()));
        let (big, placed) = as_720p(&img);
        let live = faces_live(&mut d, &frame(big));
        println!("{file}: own size {own:?}, 720p {live:?}");
        let r720 = placed.rect(*r);
        if !own.iter().any(|f| iou(&f.rect, r) > 0.3) {
            missed.push(format!("{file} own size: {own:?}"));
        }
        if !live.iter().any(|f| iou(&f.rect, &r720) > 0.3) {
            missed.push(format!("{file} 720p: {live:?}"));
        }
    }
    assert!(missed.is_empty(), "{missed:#?}");
}
