//! Saving reports (atomic, HTML escaping) and re-rendering them with `selfcheck report`.

mod common;
use common::*;
use std::path::Path;

fn save_report(dir: &Path, name: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    let o = run(&[
        "check",
        "--no-network",
        "--only",
        "system.time_of_day,network.vpn",
        "--out",
        path.to_str().expect("utf8"),
    ]);
    assert!(
        matches!(o.status.code(), Some(0) | Some(1)),
        "{}",
        stderr(&o)
    );
    assert!(o.stdout.is_empty(), "report goes to the file, not stdout");
    assert!(stderr(&o).contains("报告已保存"), "{}", stderr(&o));
    path
}

#[test]
fn out_extension_picks_the_format_and_report_round_trips() {
    let dir = tempfile::tempdir().expect("tmp");
    let json_path = save_report(dir.path(), "r.json");
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&json_path).expect("read")).expect("json");
    assert_eq!(saved["schema"], "selfcheck-report/2");
    let id = saved["report_id"].as_str().expect("id").to_string();

    let p = json_path.to_str().expect("utf8");
    let o = run(&["report", p, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(json(&o), saved, "JSON re-render is identical");

    let o = run(&["report", p, "--format", "html"]);
    assert_eq!(o.status.code(), Some(0));
    let html = stdout(&o);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains(&id));
    assert!(html.contains("视频验证自检报告"));
    assert!(!html.to_lowercase().contains("<script"));

    let o = run(&["report", p]);
    assert!(stdout(&o).contains(&id));
    assert!(
        stderr(&o).is_empty(),
        "untouched report raises no warning: {}",
        stderr(&o)
    );

    let o = run(&["--lang", "en", "report", p, "--format", "text"]);
    assert!(stdout(&o).contains("Report ID"), "{}", stdout(&o));

    let html_path = save_report(dir.path(), "r.html");
    let html = std::fs::read_to_string(html_path).expect("read");
    assert!(html.contains("Content-Security-Policy"));
}

#[test]
fn unwritable_destination_exits_2_and_leaves_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("plain-file");
    std::fs::write(&file, b"keep me").expect("write");
    let logs = tempfile::tempdir().expect("log dir");
    let log = logs.path().join("selfcheck.log");
    for target in [
        dir.path().join("missing-folder/r.json"),
        file.join("r.json"),
        dir.path().to_path_buf(),
    ] {
        let o = selfcheck()
            .args([
                "check",
                "--only",
                "system.time_of_day",
                "--out",
                target.to_str().expect("utf8"),
            ])
            .env("SELFCHECK_LOG_FILE", &log)
            .output()
            .expect("runs");
        assert_eq!(o.status.code(), Some(2), "{target:?}");
        assert!(stderr(&o).contains("无法保存报告"), "{}", stderr(&o));
    }
    // Each failed save is one line of the app's log, for support.
    let logged = std::fs::read_to_string(&log).expect("the app's log");
    assert_eq!(logged.matches("[save]").count(), 3, "{logged}");
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .expect("ls")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert_eq!(
        left,
        vec![std::ffi::OsString::from("plain-file")],
        "no temp or partial files"
    );
    assert_eq!(std::fs::read(&file).expect("read"), b"keep me");
}

#[test]
fn invalid_reports_are_refused_with_exit_2() {
    let dir = tempfile::tempdir().expect("tmp");
    let good = save_report(dir.path(), "good.json");
    let text = std::fs::read_to_string(&good).expect("read");
    // Cut in the middle, on a character boundary (the report is Chinese).
    let half = (0..=text.len() / 2)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let cases = [
        ("empty.json", String::new()),
        ("garbage.json", "not json at all".to_string()),
        ("truncated.json", text[..half].to_string()),
        (
            "schema.json",
            text.replace("selfcheck-report/2", "selfcheck-report/9"),
        ),
        ("array.json", "[1,2,3]".to_string()),
        (
            "status.json",
            text.replacen("\"status\": \"", "\"status\": \"great", 1),
        ),
        ("missing.json", text.replacen("\"checks\"", "\"chex\"", 1)),
    ];
    for (name, body) in cases {
        let p = dir.path().join(name);
        std::fs::write(&p, body).expect("write");
        let o = run_bounded(&["report", p.to_str().expect("utf8")]);
        assert_eq!(o.status.code(), Some(2), "{name}: {}", stdout(&o));
        assert!(
            stderr(&o).contains("不是有效的自检报告"),
            "{name}: {}",
            stderr(&o)
        );
    }
    let o = run(&[
        "report",
        dir.path().join("absent.json").to_str().expect("utf8"),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("无法读取"));
}

#[test]
fn edited_report_is_flagged_and_hostile_strings_are_escaped() {
    let dir = tempfile::tempdir().expect("tmp");
    let good = save_report(dir.path(), "good.json");
    let mut r: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&good).expect("read")).expect("json");
    r["system"]["camera"] = "<script>alert(1)</script>".into();
    r["system"]["microphone"] = "\"><img src=x onerror=alert(2)> & \u{202E}evil".into();
    r["checks"][0]["summary"] = "<iframe src=javascript:alert(3)>".into();
    r["checks"][0]["measured"]["found"] = serde_json::json!(["<svg onload=alert(4)>"]);
    let p = dir.path().join("hostile.json");
    std::fs::write(&p, serde_json::to_vec(&r).expect("json")).expect("write");
    let o = run(&["report", p.to_str().expect("utf8"), "--format", "html"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("被修改过"),
        "tampering is pointed out: {}",
        stderr(&o)
    );
    let html = stdout(&o).to_lowercase();
    for bad in ["<script", "<img", "<iframe", "<svg", "\u{202e}"] {
        assert!(!html.contains(bad), "{bad} leaked");
    }
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&amp;"));
}

#[test]
fn bad_profiles_are_named_with_key_and_line() {
    let dir = tempfile::tempdir().expect("tmp");
    let p = dir.path().join("broken.toml");
    let builtin = include_str!("../assets/profiles/aliexpress.toml");
    std::fs::write(&p, builtin.replace("upload_pass_mbps = 3.0\n", "")).expect("write");
    let o = run(&[
        "--profile",
        p.to_str().expect("utf8"),
        "check",
        "--only",
        "system.time_of_day",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("upload_pass_mbps") && e.contains("line"), "{e}");

    std::fs::write(&p, "this is = = not toml").expect("write");
    let o = run(&["--profile", p.to_str().expect("utf8"), "check"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("line 1"), "{}", stderr(&o));

    let o = run(&["--profile", "/no/such/profile.toml", "check"]);
    assert_eq!(o.status.code(), Some(2));
    // bench reads the profile it is given too (it used to measure the built-in one).
    let o = run(&["--profile", "/no/such/profile.toml", "bench", "--json"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));

    // A valid custom profile changes the verdict: an all-day "night" window warns.
    let custom = builtin
        .replace("night_start = \"22:00\"", "night_start = \"00:00\"")
        .replace("night_end = \"06:00\"", "night_end = \"23:59\"");
    std::fs::write(&p, custom).expect("write");
    let o = run(&[
        "--profile",
        p.to_str().expect("utf8"),
        "check",
        "--json",
        "--only",
        "system.time_of_day",
    ]);
    let r = json(&o);
    let tod = check(&r, "system.time_of_day");
    assert_eq!(tod["threshold"]["night_start"], "00:00");
    // The window 00:00–23:59 holds every minute but the last one of the day.
    let expected = if tod["measured"]["reviewers_time"] == "23:59" {
        "pass"
    } else {
        "warn"
    };
    assert_eq!(tod["status"], expected, "{tod}");
}

/// A report written by the version before schema 2 (a real file, tests/fixtures/reports) still
/// renders in every format, its ID still matches (no "edited" notice), and its verdict is
/// version 1's: "ready" stays "ready" (version 1 had no "incomplete").
#[test]
fn a_version_1_report_still_renders() {
    let v1 = format!(
        "{}/tests/fixtures/reports/v1-check.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let o = run(&["report", &v1, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let r = json(&o);
    assert_eq!(r["schema"], "selfcheck-report/1");
    assert_eq!(r["verdict"], "ready");
    assert!(
        r.get("missing").is_none() && r.get("required").is_none(),
        "{r}"
    );
    let o = run(&["report", &v1, "--format", "text"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).is_empty(), "no edited notice: {}", stderr(&o));
    let text = String::from_utf8_lossy(&o.stdout).to_string();
    assert!(
        text.contains("BZ5C-ZCK4") && text.contains("可以开始验证"),
        "{text}"
    );
    let o = run(&["report", &v1, "--format", "html", "--lang", "en"]);
    let html = String::from_utf8_lossy(&o.stdout).to_string();
    assert!(html.contains("Ready to verify") && !html.contains("id=\"missing\""));
}
