//! `selfcheck analyze-reading`: a recorded digit reading (a folder of frames and the WAV made
//! with them) judged through the app's own code — the synthetic readings of
//! tests/common/talking_face.rs written to files at 640×360 and 15 frames a second — and every
//! kind of bad input refused with exit code 2, a message naming it, and nothing written.

mod common;

use common::talking_face::{Mouth, ReadingAudio, TalkingFace, frame_at};
use common::*;
use image::RgbImage;
use std::path::Path;

const FPS: f64 = 15.0;

/// Writes the reading's frames (PNG) and sound into `dir`; returns (frames dir, wav).
fn recording(dir: &Path, mouth: Mouth) -> (String, String) {
    let audio = ReadingAudio::new(2.0, 2.0);
    let face = TalkingFace::new(640, 360);
    let frames = dir.join("frames");
    std::fs::create_dir_all(&frames).expect("dir");
    for i in 0..(audio.seconds() * FPS).round() as usize {
        let f = frame_at(&face, &audio, mouth, i, FPS);
        RgbImage::from_raw(f.width, f.height, f.data)
            .expect("frame")
            .save(frames.join(format!("frame_{i:04}.png")))
            .expect("save");
    }
    let wav = dir.join("reading.wav");
    audio.write_wav(&wav);
    (
        frames.to_str().expect("utf8").to_string(),
        wav.to_str().expect("utf8").to_string(),
    )
}

fn lip_sync(report: &serde_json::Value) -> serde_json::Value {
    check(report, "rehearsal.lip_sync").clone()
}

#[test]
fn a_reading_in_step_passes_and_a_late_voice_fails() {
    let dir = tempfile::tempdir().expect("tmp");
    let (frames, wav) = recording(dir.path(), Mouth::WithVoice { delay_s: 0.0 });
    let args = [
        "analyze-reading",
        "--frames",
        &frames,
        "--audio",
        &wav,
        "--fps",
        "15",
    ];
    let o = run(&[&args[..], &["--shown-at", "1.5", "--json"]].concat());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let r = json(&o);
    let lip = lip_sync(&r);
    assert_eq!(lip["status"], "pass", "{lip}");
    assert!(
        lip["measured"]["offset_s"].as_f64().expect("offset").abs() <= 0.1,
        "{lip}"
    );
    assert_eq!(lip["source"], "replayed", "{lip}");
    for id in [
        "audio.level",
        "audio.noise",
        "audio.clipping",
        "audio.digits",
    ] {
        assert_eq!(check(&r, id)["status"], "pass", "{id}: {}", check(&r, id));
    }

    let late = tempfile::tempdir().expect("tmp");
    let (frames, wav) = recording(late.path(), Mouth::WithVoice { delay_s: 1.2 });
    let out = late.path().join("report.html");
    let o = run(&[
        "analyze-reading",
        "--frames",
        &frames,
        "--audio",
        &wav,
        "--fps",
        "15",
        "--out",
        out.to_str().expect("utf8"),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let html = std::fs::read_to_string(&out).expect("report written");
    // Chinese by default: the summary says the voice came after the lips, over the limit.
    assert!(html.contains("比嘴型晚") && html.contains("0.8"), "{html}");
}

fn refused(args: &[&str], says: &str, out: &Path) {
    let o = run(args);
    assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
    assert!(stderr(&o).contains(says), "{args:?}: {}", stderr(&o));
    assert!(!out.exists(), "{args:?} wrote {}", out.display());
}

#[test]
fn broken_readings_exit_2_and_write_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("report.json");
    let out_s = out.to_str().expect("utf8");
    let (frames, wav) = recording(dir.path(), Mouth::Still);
    let folder = |name: &str| {
        let p = dir.path().join(name);
        std::fs::create_dir_all(&p).expect("dir");
        p
    };
    let reading = |frames: &str, wav: &str| -> Vec<String> {
        [
            "analyze-reading",
            "--frames",
            frames,
            "--audio",
            wav,
            "--fps",
            "15",
            "--out",
            out_s,
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    };
    let refuse = |args: Vec<String>, says: &str| {
        let a: Vec<&str> = args.iter().map(String::as_str).collect();
        refused(&a, says, &out);
    };

    let empty = folder("empty");
    refuse(reading(empty.to_str().expect("utf8"), &wav), "JPEG");
    refuse(reading(&format!("{frames}-missing"), &wav), "missing");

    // A copy of the good frames with one of them spoiled.
    let spoiled = |name: &str, spoil: &dyn Fn(&Path)| {
        let d = folder(name);
        for entry in std::fs::read_dir(&frames).expect("frames") {
            let p = entry.expect("entry").path();
            std::fs::copy(&p, d.join(p.file_name().expect("name"))).expect("copy");
        }
        spoil(&d.join("frame_0080.png"));
        d.to_str().expect("utf8").to_string()
    };
    let cut = spoiled("cut", &|p| {
        let bytes = std::fs::read(p).expect("read");
        std::fs::write(p, &bytes[..bytes.len() / 2]).expect("write");
    });
    refuse(reading(&cut, &wav), "frame_0080.png");
    let resized = spoiled("resized", &|p| {
        RgbImage::from_pixel(320, 240, image::Rgb([90, 120, 150]))
            .save(p)
            .expect("save");
    });
    refuse(reading(&resized, &wav), "frame_0080.png");

    // Two seconds of frames against eleven of sound.
    let short = folder("short");
    for i in 0..30 {
        let name = format!("frame_{i:04}.png");
        std::fs::copy(format!("{frames}/{name}"), short.join(&name)).expect("copy");
    }
    refuse(reading(short.to_str().expect("utf8"), &wav), "--fps");

    // A sound file that is not one.
    let bad_wav = dir.path().join("bad.wav");
    std::fs::write(&bad_wav, b"RIFF\x10\x00\x00\x00WAVEjunk").expect("write");
    refuse(reading(&frames, bad_wav.to_str().expect("utf8")), "bad.wav");
    refuse(reading(&frames, &format!("{wav}.missing")), "missing");
}
