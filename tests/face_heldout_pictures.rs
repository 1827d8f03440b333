//! Held-out pictures without a face, from Debian packages: KDE Plasma's wallpapers
//! (`plasma-workspace-wallpapers`, LGPL / CC BY-SA: landscapes, leaves, a forest, a jetty,
//! cups, moss, the Milky Way, abstract art, drawings) and the photos of its user pictures
//! (`plasma-workspace-data`, CC0: a cat, a dog, an owl, a parrot, a chameleon, a fish, food,
//! objects). Nothing in them was used to choose a limit; the detector finds no face in any (its
//! false faces elsewhere: README). And the 24 animal photos of GCompris's two "explore the
//! animals" activities (`gcompris-qt-data`, GPL/CC BY-SA: farm animals and world animals —
//! koala, lemurs, panda, bison, leopards…), first used 2026-12-03 after the turned search was
//! chosen: the upright search counts two of them (a bison's and a koala's face), the turned
//! search none — asserted as measured. The packages are fetched with `apt-get download` into a
//! cache folder outside the clone (about 155 MB, once).

mod common;

use selfcheck::analysis::faces::{FaceDetector, FaceRules};
use selfcheck::analysis::frame::RgbFrame;
use std::path::{Path, PathBuf};
use std::process::Command;

fn cache() -> PathBuf {
    std::env::var_os("SELFCHECK_HELDOUT_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/var/tmp/selfcheck-heldout"))
}

/// A package's files unpacked under the cache folder, or why not.
fn unpacked(package: &str) -> Result<PathBuf, String> {
    let dir = cache().join(package);
    let done = dir.join(".unpacked");
    if done.exists() {
        return Ok(dir);
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let run = |cmd: &mut Command| -> Result<(), String> {
        let out = cmd.output().map_err(|e| format!("{cmd:?}: {e}"))?;
        if out.status.success() {
            Ok(())
        } else {
            Err(format!(
                "{cmd:?}: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            ))
        }
    };
    run(Command::new("apt-get")
        .args(["download", package])
        .current_dir(&dir))?;
    let deb = std::fs::read_dir(&dir)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "deb"))
        .ok_or("apt-get download left no .deb")?;
    run(Command::new("dpkg-deb").arg("-x").arg(&deb).arg(&dir))?;
    let _ = std::fs::remove_file(&deb);
    std::fs::write(&done, b"").map_err(|e| e.to_string())?;
    Ok(dir)
}

/// Every JPEG and PNG under `dir`, in name order.
fn pictures(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for p in entries.filter_map(|e| e.ok().map(|e| e.path())) {
            let ext = p
                .extension()
                .map(|x| x.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            if p.is_dir() {
                todo.push(p);
            } else if ext == "jpg" || ext == "png" {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The faces found in a picture given as to analyze-image (searched for faces of the same
/// share of its width as 24 px of 1280), made at most 1280 wide first to keep the test quick.
fn faces_in(d: &mut FaceDetector, path: &Path) -> Vec<selfcheck::analysis::faces::FaceBox> {
    let img = image::open(path).expect("a picture").to_rgb8();
    faces_in_picture(d, img, &path.display().to_string())
}

/// [`faces_in`] for a decoded picture, printed as `label`.
fn faces_in_picture(
    d: &mut FaceDetector,
    img: image::RgbImage,
    label: &str,
) -> Vec<selfcheck::analysis::faces::FaceBox> {
    let k = 1280.0 / f64::from(img.width().max(img.height()));
    let img = if k < 1.0 {
        image::imageops::resize(
            &img,
            (f64::from(img.width()) * k).round() as u32,
            (f64::from(img.height()) * k).round() as u32,
            image::imageops::FilterType::Triangle,
        )
    } else {
        img
    };
    let frame = RgbFrame {
        width: img.width(),
        height: img.height(),
        data: img.into_raw(),
    };
    let faces = d.detect_frame(&frame);
    println!("{label}: {} faces", faces.len());
    faces
}

fn detector() -> FaceDetector {
    let profile = selfcheck::profile::Profile::builtin().expect("profile");
    FaceDetector::new(FaceRules::from_profile(&profile.image)).expect("model")
}

/// The package unpacked, or None after a skip (a failure in CI).
fn package(name: &str) -> Option<PathBuf> {
    match unpacked(name) {
        Ok(d) => Some(d),
        Err(why) => {
            common::skip::skip(&format!("cannot fetch {name}: {why}"));
            None
        }
    }
}

#[test]
fn no_face_on_held_out_animal_and_object_photos() {
    let Some(dir) = package("plasma-workspace-data") else {
        return;
    };
    let photos: Vec<PathBuf> = pictures(&dir.join("usr/share/plasma/avatars/photos"))
        .into_iter()
        // A person on the Moon whose face the visor hides: any answer there is arguable.
        .filter(|p| p.file_stem().is_none_or(|s| s != "Astronaut"))
        .collect();
    println!("{} photos", photos.len());
    assert!(photos.len() >= 15, "{} photos", photos.len());
    let mut d = detector();
    let with_faces: Vec<String> = photos
        .iter()
        .filter_map(|p| {
            let faces = faces_in(&mut d, p);
            (!faces.is_empty()).then(|| format!("{}: {faces:?}", p.display()))
        })
        .collect();
    assert!(with_faces.is_empty(), "false faces: {with_faces:#?}");
}

#[test]
fn no_face_on_held_out_wallpapers() {
    let Some(dir) = package("plasma-workspace-wallpapers") else {
        return;
    };
    let wallpapers = dir.join("usr/share/wallpapers");
    // The wallpapers at their largest size each (a wallpaper comes in several).
    let mut largest: std::collections::BTreeMap<PathBuf, (u64, PathBuf)> = Default::default();
    // Each wallpaper's pictures (light and dark), not the small screenshot beside them.
    for p in pictures(&wallpapers) {
        if p.file_stem().is_some_and(|s| s == "screenshot") {
            continue;
        }
        let Some(name) = p
            .strip_prefix(&wallpapers)
            .ok()
            .and_then(|r| r.iter().next())
        else {
            continue;
        };
        let variant = wallpapers
            .join(name)
            .join(p.parent().and_then(Path::file_name).unwrap_or_default());
        let size = std::fs::metadata(&p).map(|m| m.len()).unwrap_or(0);
        if largest.get(&variant).is_none_or(|(s, _)| size > *s) {
            largest.insert(variant, (size, p));
        }
    }
    println!("{} pictures", largest.len());
    assert!(largest.len() >= 30, "{} pictures", largest.len());
    let mut d = detector();
    let with_faces: Vec<String> = largest
        .values()
        .filter_map(|(_, p)| {
            let faces = faces_in(&mut d, p);
            (!faces.is_empty()).then(|| format!("{}: {faces:?}", p.display()))
        })
        .collect();
    assert!(with_faces.is_empty(), "false faces: {with_faces:#?}");
}

/// The WebP pictures stored in a Qt resource file (GCompris packs its activities' pictures
/// so), decoded; found by their RIFF headers.
fn webp_pictures(rcc: &Path) -> Vec<image::RgbImage> {
    let bytes = std::fs::read(rcc).expect("a resource file");
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = bytes[at..].windows(4).position(|w| w == b"RIFF") {
        let start = at + i;
        at = start + 4;
        let Some(head) = bytes.get(start..start + 12) else {
            break;
        };
        if &head[8..12] != b"WEBP" {
            continue;
        }
        let len = u32::from_le_bytes([head[4], head[5], head[6], head[7]]) as usize + 8;
        let Some(file) = bytes.get(start..start + len) else {
            continue;
        };
        let mut decoder =
            image_webp::WebPDecoder::new(std::io::Cursor::new(file)).expect("a WebP picture");
        let (w, h) = decoder.dimensions();
        let mut buf = vec![0u8; decoder.output_buffer_size().expect("a size")];
        decoder.read_image(&mut buf).expect("decodes");
        let rgb: Vec<u8> = if decoder.has_alpha() {
            buf.chunks_exact(4)
                .flat_map(|p| [p[0], p[1], p[2]])
                .collect()
        } else {
            buf
        };
        out.push(image::RgbImage::from_raw(w, h, rgb).expect("a picture"));
        at = start + len;
    }
    out
}

#[test]
fn animals_of_gcompris_show_at_most_the_measured_false_faces() {
    let Some(dir) = package("gcompris-qt-data") else {
        return;
    };
    let rcc = dir.join("usr/share/gcompris-qt/rcc");
    let mut d = detector();
    let mut photos = 0;
    let mut with_faces = Vec::new();
    for activity in ["explore_farm_animals", "explore_world_animals"] {
        for (i, img) in webp_pictures(&rcc.join(format!("{activity}.rcc")))
            .into_iter()
            .enumerate()
        {
            photos += 1;
            let faces = faces_in_picture(&mut d, img, &format!("{activity} {i}"));
            if !faces.is_empty() {
                with_faces.push(format!("{activity} {i}: {faces:?}"));
            }
        }
    }
    println!("{photos} photos, false faces in {}", with_faces.len());
    assert_eq!(photos, 24, "GCompris's animal photos");
    // Measured 2026-12-03: a bison's face (world animals 10, 225 px) and a koala's
    // (world animals 6, 98 px), both from the upright search (the engine before the turned
    // search counted the same two). More is a regression.
    assert!(with_faces.len() <= 2, "false faces: {with_faces:#?}");
}
