//! Abuse that must stay boring: many `check` runs at once, and a report full of hostile
//! strings opened in a real browser (Debian's Chromium) with nothing executed.

mod common;
use common::*;
use std::process::Command;

#[test]
fn twenty_concurrent_checks_give_twenty_valid_reports() {
    let dir = tempfile::tempdir().expect("tmp");
    let shared = dir.path().join("same.json");
    let children: Vec<_> = (0..20)
        .map(|i| {
            let own = dir.path().join(format!("r{i}.json"));
            let target = if i % 2 == 0 { own } else { shared.clone() };
            selfcheck()
                .args([
                    "check",
                    "--no-network",
                    "--only",
                    "system.time_of_day,network.proxy,checklist.id_card_validity",
                    "--out",
                ])
                .arg(&target)
                .spawn()
                .expect("spawn")
        })
        .collect();
    for mut c in children {
        let status = c.wait().expect("wait");
        assert!(matches!(status.code(), Some(0) | Some(1)), "{status:?}");
    }
    let mut valid = 0;
    for entry in std::fs::read_dir(dir.path()).expect("ls") {
        let p = entry.expect("entry").path();
        let name = p
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        assert!(!name.starts_with('.'), "temp file left behind: {name}");
        let o = run(&["report", p.to_str().expect("utf8"), "--format", "json"]);
        assert_eq!(o.status.code(), Some(0), "{name}: {}", stderr(&o));
        valid += 1;
    }
    assert_eq!(valid, 11, "10 own reports + the shared one, each complete");
}

#[cfg(target_os = "linux")]
#[test]
fn hostile_report_opens_in_chromium_without_running_anything() {
    let Some(chromium) = ["chromium", "chromium-browser"].into_iter().find(|c| {
        Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    }) else {
        common::skip::skip("chromium not installed");
        return;
    };
    let dir = tempfile::tempdir().expect("tmp");
    let base = dir.path().join("base.json");
    let o = run(&[
        "check",
        "--no-network",
        "--only",
        "system.remote_desktop,system.time_of_day",
        "--out",
        base.to_str().expect("utf8"),
    ]);
    assert!(matches!(o.status.code(), Some(0) | Some(1)));
    let mut r: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&base).expect("read")).expect("json");
    let payloads = [
        "<script>document.title='PWNED-1'</script>",
        "<img src=x onerror=\"document.title='PWNED-2'\">",
        "\"><svg onload=\"document.title='PWNED-3'\">",
        "</td></tr></table><iframe srcdoc=\"<script>parent.document.title='PWNED-4'</script>\"></iframe>",
        "\u{202E}gnp.exe & 'quotes' \"double\"",
    ];
    r["system"]["camera"] = payloads[0].into();
    r["system"]["microphone"] = payloads[1].into();
    r["checks"][0]["summary"] = payloads[2].into();
    r["checks"][0]["measured"]["found"] =
        serde_json::json!([payloads[3], payloads[4], "x".repeat(5000)]);
    let hostile = dir.path().join("hostile.json");
    std::fs::write(&hostile, serde_json::to_vec(&r).expect("json")).expect("write");
    let html = dir.path().join("hostile.html");
    let o = run(&[
        "report",
        hostile.to_str().expect("utf8"),
        "--format",
        "html",
        "--out",
        html.to_str().expect("utf8"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let profile = dir.path().join("chromium-profile");
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(["--virtual-time-budget=2000", "--dump-dom"])
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&out.stdout);
    assert!(
        dom.contains(r["report_id"].as_str().expect("id")),
        "the page rendered: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Every payload tries to set the page title; the title must be ours.
    let title = dom
        .split("<title>")
        .nth(1)
        .and_then(|t| t.split("</title>").next())
        .unwrap_or_default();
    assert!(
        title.contains("视频验证自检报告") && !title.contains("PWNED"),
        "title changed: {title}"
    );
    assert!(dom.contains("PWNED-1"), "the payloads are shown as text");
    let lower = dom.to_lowercase();
    for tag in ["<script", "<img", "<svg", "<iframe"] {
        assert!(!lower.contains(tag), "{tag} became an element");
    }
}
