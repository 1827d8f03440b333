//! The face search on real pictures: `selfcheck bench`'s `face_ms_720p` times a synthetic
//! picture, where the finest level finds almost no place to look closer at
//! (`analysis::face_closer_look`); real rooms, textures and faces give it some. Each fixture
//! photo (rooms, a cat, coffee, a rocket, brick, gravel, people) scaled to 1280×720: one live
//! look (mean of a full round of the columns, camera still) and one still picture, one thread.
//! Run: `cargo bench --bench face_looks`.

use selfcheck::analysis::faces::{FaceDetector, FaceRules};
use selfcheck::analysis::frame::RgbFrame;
use std::time::Instant;

const PICTURES: &[&str] = &[
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
    "two_people.jpg",
    "three_people_stage.jpg",
    "three_people_garden.jpg",
    "one_face_portrait.jpg",
];

fn frame(file: &str) -> Result<RgbFrame, String> {
    let path = format!(
        "{}/tests/fixtures/images/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    let img = image::open(&path).map_err(|e| format!("{path}: {e}"))?;
    let img = image::imageops::resize(
        &img.to_rgb8(),
        1280,
        720,
        image::imageops::FilterType::Triangle,
    );
    Ok(RgbFrame {
        width: 1280,
        height: 720,
        data: img.into_raw(),
    })
}

fn main() -> Result<(), String> {
    let profile = selfcheck::profile::Profile::builtin().map_err(|e| e.to_string())?;
    let rules = FaceRules::from_profile(&profile.image);
    let (mut looks, mut stills) = (Vec::new(), Vec::new());
    for file in PICTURES {
        let f = frame(file)?;
        let mut d = FaceDetector::new(rules)?;
        let round = d.looks_to_search_all(f.width, f.height).max(1);
        let start = Instant::now();
        for _ in 0..round {
            std::hint::black_box(d.detect_look(&f));
        }
        let look = start.elapsed().as_secs_f64() * 1000.0 / round as f64;
        let start = Instant::now();
        let faces = d.detect_frame(&f).len();
        let still = start.elapsed().as_secs_f64() * 1000.0;
        println!("{file:32} look {look:6.1} ms  still {still:6.0} ms  faces {faces}");
        looks.push(look);
        stills.push(still);
    }
    for (name, v) in [("look", &mut looks), ("still", &mut stills)] {
        v.sort_by(f64::total_cmp);
        println!(
            "{name}: median {:.1} ms, slowest {:.1} ms",
            v[v.len() / 2],
            v[v.len() - 1]
        );
    }
    Ok(())
}
