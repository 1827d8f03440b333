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
    // The replay's pace is the replay's, not a camera's: what is checked is that the verdict
    // follows the rate measured from the frames' arrival (pass at or above warn_fps_below,
    // 15), whatever rate a busy machine let the replay reach.
    let fps = check(&r, "camera.frame_rate");
    let measured = fps["measured"]["fps"].as_f64().expect("fps");
    let arrived = fps["measured"]["frames"].as_u64().expect("frames");
    assert!(arrived >= 2, "{fps}");
    let limit = fps["threshold"]["warn_fps_below"].as_f64().expect("limit");
    let expected = if measured >= limit { "pass" } else { "warn" };
    assert_eq!(fps["status"], expected, "{fps}");

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
    // The machine's own camera, judged against what the test sees for itself: with no video
    // device at all the check fails saying so; with one it must not claim there is none.
    let o = run(&["check", "--json", "--no-network", "--only", "camera.device"]);
    let c = check(&json(&o), "camera.device").clone();
    let has_video_device = std::fs::read_dir("/dev").is_ok_and(|d| {
        d.flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with("video"))
    });
    let none_text = "没有找到摄像头";
    let says_none = c["summary"].as_str().is_some_and(|s| s.contains(none_text));
    if has_video_device {
        assert!(!says_none, "{c}");
    } else {
        assert_eq!(c["status"], "fail", "{c}");
        assert!(says_none, "{c}");
    }
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
    // A long capture (20 s) so the pull lands mid-stream however loaded the machine is; the
    // pull happens once the replay has read every frame once (the process's read count), an
    // event, not a guessed delay.
    let profile = dir.path().join("long-capture.toml");
    std::fs::write(
        &profile,
        include_str!("../assets/profiles/aliexpress.toml")
            .replace("capture_seconds = 3.0", "capture_seconds = 20.0"),
    )
    .expect("profile");
    let folder_bytes: u64 = std::fs::read_dir(&cam)
        .expect("cam")
        .flatten()
        .map(|e| e.metadata().map(|m| m.len()).unwrap_or(0))
        .sum();
    let mut command = camera_check_command(&cam);
    command.arg("--profile").arg(&profile);
    let child = command
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    let read_so_far = |pid: u32| -> u64 {
        std::fs::read_to_string(format!("/proc/{pid}/io"))
            .ok()
            .and_then(|t| {
                t.lines()
                    .find_map(|l| l.strip_prefix("rchar: ").and_then(|v| v.parse().ok()))
            })
            .unwrap_or(0)
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while read_so_far(child.id()) < folder_bytes {
        assert!(
            std::time::Instant::now() < deadline,
            "the replay never read its frames"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
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

/// Each check says how its facts were obtained: replayed pictures are marked "replayed" in
/// JSON, HTML and text, the header says the camera results are not this computer's, and
/// what the machine itself answered stays "measured".
#[test]
fn replayed_camera_results_are_marked_in_every_format() {
    let dir = tempfile::tempdir().expect("tmp");
    frames(dir.path(), 1280, 720, 6);
    let args = |format: &str| {
        let mut c = selfcheck();
        c.args([
            "check",
            "--format",
            format,
            "--no-network",
            "--only",
            "camera.device,camera.resolution,system.time_of_day",
            "--camera-source",
        ])
        .arg(dir.path());
        c.output().expect("runs")
    };
    let r = json(&args("json"));
    assert_eq!(check(&r, "camera.device")["source"], "replayed", "{r}");
    // The header names the recording that stood in for the camera (by its folder's name
    // only), not the real cameras the checks never used.
    let folder = dir
        .path()
        .file_name()
        .and_then(|n| n.to_str())
        .expect("name");
    let camera = r["system"]["camera"].as_str().expect("camera line");
    assert_eq!(camera, format!("回放的录制文件（{folder}）"), "{r}");
    assert_eq!(check(&r, "camera.resolution")["source"], "replayed");
    assert_eq!(check(&r, "system.time_of_day")["source"], "measured");
    let skipped = r["checks"]
        .as_array()
        .expect("checks")
        .iter()
        .filter(|c| c["status"] == "skipped")
        .count();
    assert_eq!(skipped, 0, "only selected checks are listed: {r}");

    let html = String::from_utf8_lossy(&args("html").stdout).to_string();
    assert!(html.contains("id=\"replayed\""), "header note missing");
    assert!(
        html.contains("class=\"src src-replayed\">回放文件<"),
        "{html}"
    );
    assert!(html.contains("class=\"src src-measured\">实测<"), "{html}");

    let text = String::from_utf8_lossy(&args("text").stdout).to_string();
    assert!(text.contains("来自录好的图片（回放）"), "{text}");
}

/// A closed privacy shutter: frames arrive, every one black. The camera is not usable.
#[test]
fn all_black_frames_fail_the_camera_as_a_closed_shutter() {
    let dir = tempfile::tempdir().expect("tmp");
    for i in 0..8u32 {
        // A sensor behind a shutter: black with a little noise, mean luma ~2.
        let img = image::RgbImage::from_fn(1280, 720, |x, y| {
            let n = ((x * 7 + y * 13 + i * 31) % 5) as u8;
            image::Rgb([n, n, n])
        });
        img.save(dir.path().join(format!("frame{i:03}.png")))
            .expect("save");
    }
    let r = json(&camera_check_command(dir.path()).output().expect("runs"));
    let device = check(&r, "camera.device");
    assert_eq!(device["status"], "fail", "{device}");
    assert!(
        device["advice"]
            .as_str()
            .is_some_and(|a| a.contains("挡板")),
        "{device}"
    );
    assert_eq!(check(&r, "camera.frame_rate")["status"], "fail");
}
