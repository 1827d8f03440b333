//! The turn's smear read from pictures never used to choose how it is read
//! (`analysis::turn_smear`; its lengths and limits were chosen on `tests/fixtures/images`):
//! GCompris's 24 animal photos and 9 world-music photos (`gcompris-qt-data`) and KDE's CC0
//! user pictures (`plasma-workspace-data`: a cat, a dog, an owl, food, objects), fetched once
//! like the face detector's held-out pictures. Each photo is made a 1280×720 camera frame,
//! smeared along its rows as a turning camera would (17 and 27 px: the shortest smear that
//! loses a far face, and a dim room's), saved as JPEG like a recorded pan, and read back.

mod common;
use common::heldout::{package, webp_pictures};
use common::smear::smear_rows;
use image::{RgbImage, imageops};
use selfcheck::analysis::frame::RgbFrame;
use selfcheck::analysis::turn_smear::smear_px;
use selfcheck::profile::Profile;

const W: u32 = 1280;
const H: u32 = 720;

/// `img` as a 720p frame smeared `length` px, through JPEG (the `image` crate's quality 75,
/// as the replayed pans).
fn smeared_frame(img: &RgbImage, length: usize) -> RgbFrame {
    let mut data = imageops::resize(img, W, H, imageops::FilterType::Triangle).into_raw();
    smear_rows(&mut data, W as usize, length);
    let picture = RgbImage::from_raw(W, H, data).expect("a frame");
    let mut jpeg = Vec::new();
    picture
        .write_to(
            &mut std::io::Cursor::new(&mut jpeg),
            image::ImageFormat::Jpeg,
        )
        .expect("JPEG");
    let back = image::load_from_memory(&jpeg).expect("decoded").to_rgb8();
    RgbFrame {
        width: W,
        height: H,
        data: back.into_raw(),
    }
}

#[test]
fn smears_in_held_out_photos_are_read_and_sharp_ones_are_not_taken_for_smears() {
    let (Some(gcompris), Some(kde)) = (
        package("gcompris-qt-data"),
        package("plasma-workspace-data"),
    ) else {
        return;
    };
    let rcc = gcompris.join("usr/share/gcompris-qt/rcc");
    let mut photos: Vec<RgbImage> = [
        "explore_farm_animals",
        "explore_world_animals",
        "explore_world_music",
    ]
    .iter()
    .flat_map(|a| webp_pictures(&rcc.join(format!("{a}.rcc"))))
    .collect();
    let avatars = kde.join("usr/share/plasma/avatars/photos");
    let mut files: Vec<_> = std::fs::read_dir(&avatars)
        .expect("KDE's user pictures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "png"))
        .collect();
    files.sort();
    photos.extend(
        files
            .iter()
            .map(|f| image::open(f).expect("a picture").to_rgb8()),
    );
    assert!(photos.len() >= 50, "{} photos", photos.len());
    let profile = Profile::builtin().expect("profile");
    let limit = (profile.rehearsal.pan_far_max_smear_share * f64::from(W)) as f32;
    let mut sharp_over = Vec::new();
    for (i, photo) in photos.iter().enumerate() {
        let read = smear_px(&smeared_frame(photo, 1));
        if read.is_some_and(|l| l > limit) {
            sharp_over.push(format!("photo {i}: {read:?}"));
        }
    }
    println!(
        "{} photos; sharp read over the limit ({limit:.1} px): {}",
        photos.len(),
        sharp_over.len()
    );
    assert!(sharp_over.is_empty(), "{sharp_over:#?}");
    for length in [17usize, 27] {
        let reads: Vec<Option<f32>> = photos
            .iter()
            .map(|p| smear_px(&smeared_frame(p, length)))
            .collect();
        let over = reads.iter().flatten().filter(|&&l| l > limit).count();
        let near = reads
            .iter()
            .flatten()
            .filter(|&&l| (l - length as f32).abs() <= 3.0)
            .count();
        println!(
            "smeared {length} px: {over} of {} read over the limit, {near} within 3 px",
            photos.len()
        );
        // Chosen before these photos were looked at: at least four in five.
        assert!(over * 5 >= photos.len() * 4, "{length}: {reads:?}");
        assert!(near * 5 >= photos.len() * 4, "{length}: {reads:?}");
    }
}
