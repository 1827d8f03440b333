//! `check` with `--camera-source`: the camera checks judge what a replayed source delivers,
//! and without any camera they fail with advice instead of hanging.

mod common;
use common::*;

fn frames(dir: &std::path::Path, w: u32, h: u32, n: u32) {
    let base = image::open(format!(
        "{}/tests/fixtures/images/one_face_portrait.jpg",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("portrait");
    let img = base
        .resize_exact(w, h, image::imageops::FilterType::Triangle)
        .to_rgb8();
    for i in 0..n {
        // Each frame shifted a little, as a live camera's would differ.
        let shifted = image::RgbImage::from_fn(w, h, |x, y| *img.get_pixel((x + i * 3) % w, y));
        shifted
            .save(dir.join(format!("frame{i:03}.jpg")))
            .expect("save");
    }
}

/// `check --json` of the three camera checks on a replayed source.
fn camera_check_command(source: &std::path::Path) -> std::process::Command {
    let mut c = selfcheck();
    c.args([
        "check",
        "--json",
        "--no-network",
        "--only",
        "camera.device,camera.resolution,camera.frame_rate",
        "--camera-source",
    ])
    .arg(source);
    c
}

fn camera_checks(source: &str) -> serde_json::Value {
    json(
        &camera_check_command(std::path::Path::new(source))
            .output()
            .expect("runs"),
    )
}

#[test]
fn hd_replay_passes_and_vga_replay_fails_resolution() {
    let dir = tempfile::tempdir().expect("tmp");
    let hd = dir.path().join("hd");
    std::fs::create_dir(&hd).expect("mkdir");
    frames(&hd, 1280, 720, 12);
    let r = camera_checks(hd.to_str().expect("utf8"));
    assert_eq!(check(&r, "camera.device")["status"], "pass", "{r}");
    let res = check(&r, "camera.resolution");
    assert_eq!(
        (res["status"].as_str(), res["measured"]["width"].as_u64()),
        (Some("pass"), Some(1280))
    );
    let fps = check(&r, "camera.frame_rate");
    assert_eq!(fps["status"], "pass", "{fps}");
    assert!(
        fps["measured"]["fps"].as_f64().is_some_and(|f| f > 20.0),
        "{fps}"
    );

    let vga = dir.path().join("vga");
    std::fs::create_dir(&vga).expect("mkdir");
    frames(&vga, 640, 480, 4);
    let r = camera_checks(vga.to_str().expect("utf8"));
    let res = check(&r, "camera.resolution");
    assert_eq!(res["status"], "fail", "{res}");
    assert!(
        res["summary"]
            .as_str()
            .is_some_and(|s| s.contains("640×480"))
    );
}

#[test]
fn no_camera_and_empty_source_fail_with_advice() {
    let r = camera_checks("/no/such/folder");
    for id in ["camera.device", "camera.resolution", "camera.frame_rate"] {
        let c = check(&r, id);
        assert_eq!(c["status"], "fail", "{c}");
        assert!(c["advice"].as_str().is_some_and(|a| !a.is_empty()));
    }
    // This build machine has no camera at all.
    let o = run(&["check", "--json", "--no-network", "--only", "camera.device"]);
    let c = check(&json(&o), "camera.device").clone();
    assert_eq!(c["status"], "fail", "{c}");
}

/// A camera that disappears mid-stream (the replayed folder is removed while `check` reads
/// it, as a USB camera pulled out): camera.device fails with "disconnected" and its reason,
/// within the capture time, and the other camera checks still judge what arrived before.
#[test]
fn a_camera_that_vanishes_mid_stream_fails_as_disconnected() {
    let dir = tempfile::tempdir().expect("tmp");
    let cam = dir.path().join("cam");
    std::fs::create_dir(&cam).expect("mkdir");
    frames(&cam, 1280, 720, 12);
    let child = camera_check_command(&cam)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    std::thread::sleep(std::time::Duration::from_millis(900));
    std::fs::remove_dir_all(&cam).expect("unplug");
    let o = child.wait_with_output().expect("wait");
    let r = json(&o);
    let dev = check(&r, "camera.device");
    assert_eq!(dev["status"], "fail", "{dev}");
    assert!(
        dev["summary"]
            .as_str()
            .is_some_and(|s| s.contains("中途断开")),
        "{dev}"
    );
    assert_eq!(
        check(&r, "camera.resolution")["measured"]["width"],
        1280,
        "{r}"
    );
}
