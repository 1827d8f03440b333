//! `selfcheck analyze-audio` on real recordings and on Mandarin readings made with espeak-ng
//! and sox (paced, too fast, too slow, noisy, clipped), plus silence, noise and broken files.

mod common;
use common::*;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/audio/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn analyze(path: &str, extra: &[&str]) -> (Option<i32>, serde_json::Value) {
    let mut args = vec!["analyze-audio", path, "--json"];
    args.extend_from_slice(extra);
    let o = run(&args);
    (o.status.code(), json(&o))
}

fn status<'a>(r: &'a serde_json::Value, id: &str) -> &'a str {
    check(r, id)["status"].as_str().unwrap_or("?")
}

#[test]
fn real_recordings_get_the_expected_verdicts() {
    let (code, r) = analyze(&fixture("fsdd_jackson_4719_gap0.5s.wav"), &[]);
    assert_eq!(code, Some(0), "{r}");
    let d = check(&r, "audio.digits");
    assert_eq!(d["status"], "pass", "{d}");
    assert_eq!(d["measured"]["count"], 4);
    let pace = d["measured"]["pace_s_per_digit"].as_f64().expect("pace");
    assert!((0.8..1.2).contains(&pace), "{pace}");
    assert_eq!(status(&r, "audio.level"), "pass");
    assert_eq!(status(&r, "audio.clipping"), "pass");

    let (code, r) = analyze(&fixture("fsdd_jackson_4719_gap2.5s.wav"), &[]);
    assert_eq!(code, Some(1));
    let d = check(&r, "audio.digits");
    assert_eq!(
        (d["status"].as_str(), d["measured"]["count"].as_u64()),
        (Some("fail"), Some(4))
    );
    assert!(
        d["summary"].as_str().is_some_and(|s| s.contains("太慢")),
        "{d}"
    );

    let (_, r) = analyze(&fixture("fsdd_theo_2831_gap0.5s.wav"), &[]);
    assert_eq!(status(&r, "audio.level"), "fail", "quiet speaker");
    assert_eq!(check(&r, "audio.digits")["measured"]["count"], 4);

    // The digits appeared at 1.2 s, but the reading began at 0.5 s: recited too early.
    let (_, r) = analyze(
        &fixture("fsdd_jackson_4719_gap0.5s.wav"),
        &["--shown-at", "1.2"],
    );
    let d = check(&r, "audio.digits");
    assert_eq!(d["status"], "fail", "{d}");
    assert!(
        d["summary"]
            .as_str()
            .is_some_and(|s| s.contains("出现之前")),
        "{d}"
    );
    let (_, r) = analyze(
        &fixture("fsdd_jackson_4719_gap0.5s.wav"),
        &["--shown-at", "0.3"],
    );
    assert_eq!(status(&r, "audio.digits"), "pass");

    let (code, r) = analyze(&fixture("fifteen_digits_16k.wav"), &[]);
    assert_eq!(code, Some(1));
    assert_eq!(
        status(&r, "audio.digits"),
        "fail",
        "fifteen digits are not a 4-digit reading"
    );

    let (_, r) = analyze(&fixture("7_jackson_0.wav"), &["--digits", "1"]);
    assert_eq!(status(&r, "audio.digits"), "pass");
    let (_, r) = analyze(&fixture("6_theo_0.wav"), &["--digits", "1"]);
    assert_eq!(status(&r, "audio.level"), "fail");
}

fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

fn tools_or_skip() -> bool {
    if have("espeak-ng") && have("sox") {
        return true;
    }
    common::skip::skip("espeak-ng or sox missing");
    false
}

fn sh(cmd: &str) {
    let ok = Command::new("sh").args(["-c", cmd]).status().expect("sh");
    assert!(ok.success(), "{cmd}");
}

/// Mandarin digits spoken one by one, joined with `gap_s` of silence, as 16 kHz mono.
fn mandarin(dir: &Path, name: &str, digits: &[&str], gap_s: f64, rate_wpm: u32) -> PathBuf {
    let mut parts = Vec::new();
    for (i, d) in digits.iter().enumerate() {
        let p = dir.join(format!("{name}_{i}.wav"));
        sh(&format!(
            "espeak-ng -v cmn -s {rate_wpm} -w '{}' '{d}'",
            p.display()
        ));
        parts.push(format!("'{}'", p.display()));
    }
    let out = dir.join(format!("{name}.wav"));
    let joined = parts.join(&format!(
        " '|sox -n -r 22050 -c 1 -b 16 -p trim 0 {gap_s}' "
    ));
    sh(&format!(
        "sox {joined} -r 16000 '{}' pad 0.4 0.4",
        out.display()
    ));
    out
}

#[test]
fn mandarin_readings_at_several_paces() {
    if !tools_or_skip() {
        return;
    }
    let dir = tempfile::tempdir().expect("tmp");
    let digits = ["三", "七", "一", "九"];
    for (gap, expect) in [(0.4, "pass"), (0.8, "pass"), (2.2, "fail")] {
        let f = mandarin(dir.path(), &format!("gap{gap}"), &digits, gap, 150);
        let (_, r) = analyze(f.to_str().expect("utf8"), &[]);
        let d = check(&r, "audio.digits");
        assert_eq!(d["measured"]["count"], 4, "gap {gap}: {d}");
        assert_eq!(d["status"], expect, "gap {gap}: {d}");
    }
    // Read in one breath, fast: the digits run together.
    let fast = dir.path().join("fast.wav");
    sh(&format!(
        "espeak-ng -v cmn -s 280 -w '{}' '三七一九'",
        fast.display()
    ));
    let (code, r) = analyze(fast.to_str().expect("utf8"), &[]);
    assert_eq!(code, Some(1));
    assert_eq!(status(&r, "audio.digits"), "fail", "{r}");
    // Only three digits read.
    let three = mandarin(dir.path(), "three", &digits[..3], 0.5, 150);
    let (_, r) = analyze(three.to_str().expect("utf8"), &[]);
    assert_eq!(check(&r, "audio.digits")["measured"]["count"], 3);
    assert_eq!(status(&r, "audio.digits"), "fail");
}

#[test]
fn noise_clipping_and_silence() {
    if !tools_or_skip() {
        return;
    }
    let dir = tempfile::tempdir().expect("tmp");
    let clean = mandarin(dir.path(), "clean", &["二", "八", "三", "一"], 0.5, 150);
    let c = clean.display();
    // Room noise mixed in at a level close to the speech.
    let noisy = dir.path().join("noisy.wav");
    sh(&format!(
        "sox -m '{c}' '|sox -n -r 16000 -c 1 -b 16 -p synth 8 pinknoise vol 0.3' '{}'",
        noisy.display()
    ));
    let (_, r) = analyze(noisy.to_str().expect("utf8"), &[]);
    assert_eq!(
        status(&r, "audio.noise"),
        "warn",
        "{}",
        check(&r, "audio.noise")
    );
    let (_, r) = analyze(clean.to_str().expect("utf8"), &[]);
    assert_eq!(
        status(&r, "audio.noise"),
        "pass",
        "{}",
        check(&r, "audio.noise")
    );
    assert_eq!(status(&r, "audio.digits"), "pass");
    // 30 dB of gain: hard clipping.
    let clipped = dir.path().join("clipped.wav");
    sh(&format!("sox '{c}' '{}' gain 30", clipped.display()));
    let (_, r) = analyze(clipped.to_str().expect("utf8"), &[]);
    assert_eq!(
        status(&r, "audio.clipping"),
        "fail",
        "{}",
        check(&r, "audio.clipping")
    );
    // Exact digital zero: a blocked or muted microphone, not a quiet room.
    let zero = dir.path().join("zero.wav");
    sh(&format!(
        "sox -D -n -r 48000 -c 1 -b 16 '{}' trim 0 3",
        zero.display()
    ));
    let (_, r) = analyze(zero.to_str().expect("utf8"), &[]);
    assert_eq!(status(&r, "audio.level"), "error");
    assert!(
        check(&r, "audio.level")["summary"]
            .as_str()
            .is_some_and(|s| s.contains("完全是零"))
    );
    // Noise only: nothing rises above it.
    let hiss = dir.path().join("hiss.wav");
    sh(&format!(
        "sox -n -r 8000 -c 2 -b 24 '{}' synth 3 whitenoise vol 0.05",
        hiss.display()
    ));
    let (_, r) = analyze(hiss.to_str().expect("utf8"), &[]);
    assert_eq!(status(&r, "audio.digits"), "fail");
    assert_eq!(check(&r, "audio.digits")["measured"]["count"], 0);
}

#[test]
fn broken_audio_files_exit_2_with_a_message() {
    let dir = tempfile::tempdir().expect("tmp");
    let good = std::fs::read(fixture("4_jackson_0.wav")).expect("fixture");
    let mut zero_channels = good.clone();
    zero_channels[22] = 0;
    zero_channels[23] = 0;
    let mut absurd_rate = good.clone();
    absurd_rate[24..28].copy_from_slice(&4_000_000u32.to_le_bytes());
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty.wav", Vec::new()),
        ("text.wav", b"hello, this is not audio".to_vec()),
        ("truncated.wav", good[..30].to_vec()),
        ("zero_channels.wav", zero_channels),
        ("absurd_rate.wav", absurd_rate),
        (
            "jpeg.wav",
            vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 16, b'J', b'F', b'I', b'F'],
        ),
    ];
    for (name, bytes) in cases {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).expect("write");
        let o = run_bounded(&["analyze-audio", p.to_str().expect("utf8")]);
        assert_eq!(o.status.code(), Some(2), "{name}: {}", stdout(&o));
        assert!(
            stderr(&o).contains("无法分析录音") || stderr(&o).contains("无法读取"),
            "{name}: {}",
            stderr(&o)
        );
    }
    let o = run(&["analyze-audio", "/no/such/file.wav"]);
    assert_eq!(o.status.code(), Some(2));
}
