//! `selfcheck summarize`: many reports in, one table out — the right counts, every refused
//! file listed with its reason, CSV that a CSV reader (Python's) reads back with Chinese intact.

mod common;
use common::*;
use std::path::Path;

/// A real report from the binary: `check --json --only IDS`, with `env` added.
fn make_report(dir: &Path, name: &str, only: &str, env: &[(&str, &str)]) {
    let mut c = selfcheck();
    c.args(["check", "--json", "--no-network", "--only", only]);
    for (k, v) in env {
        c.env(k, v);
    }
    let o = c.output().expect("runs");
    assert!(
        matches!(o.status.code(), Some(0) | Some(1)),
        "{}",
        stderr(&o)
    );
    std::fs::write(dir.join(name), &o.stdout).expect("write");
}

/// Three usable reports (a proxy failing in one, a v1 file), an edited one, a broken one, a
/// file that is not JSON (ignored: only `.json` files in folders are reports).
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tmp");
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).expect("mkdir");
    // Checks whose verdict does not depend on the hour (the night window would warn).
    make_report(dir.path(), "a.json", "network.proxy", &[]);
    make_report(
        &sub,
        "b.json",
        "network.proxy",
        &[("HTTPS_PROXY", "http://127.0.0.1:7890")],
    );
    std::fs::copy(
        format!(
            "{}/tests/fixtures/reports/v1-check.json",
            env!("CARGO_MANIFEST_DIR")
        ),
        dir.path().join("old-v1.json"),
    )
    .expect("v1");
    make_report(dir.path(), "edited.json", "network.proxy", &[]);
    let edited = std::fs::read_to_string(dir.path().join("edited.json")).expect("read");
    let edited = edited.replacen("\"title\": \"代理\"", "\"title\": \"代理（改过）\"", 1);
    std::fs::write(dir.path().join("edited.json"), edited).expect("write");
    std::fs::write(dir.path().join("broken.json"), "{ not json").expect("write");
    std::fs::write(dir.path().join("notes.txt"), "not a report").expect("write");
    dir
}

#[test]
fn a_folder_of_good_edited_v1_and_broken_reports_gives_the_right_counts() {
    let dir = folder();
    let o = run(&[
        "summarize",
        dir.path().to_str().expect("utf8"),
        "/no/such/folder",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let s = json(&o);
    assert_eq!(s["reports"], 3, "{s}");
    let refused = s["refused"].as_array().expect("refused");
    assert_eq!(refused.len(), 3, "{s}");
    let reason_of = |name: &str| {
        refused
            .iter()
            .find(|f| f["file"].as_str().is_some_and(|p| p.ends_with(name)))
            .and_then(|f| f["reason"].as_str())
            .unwrap_or_else(|| panic!("{name} not listed: {s}"))
            .to_string()
    };
    assert!(reason_of("edited.json").contains("被修改过"));
    assert!(reason_of("broken.json").contains("不是有效的自检报告"));
    assert!(reason_of("/no/such/folder").contains("不存在"));
    // The proxy failed in one report of three, and nothing else failed or warned.
    assert_eq!(s["checks"].as_array().map(Vec::len), Some(1), "{s}");
    let first = &s["checks"][0];
    assert_eq!(first["id"], "network.proxy", "{s}");
    assert_eq!(first["failed"], 1);
    assert!((first["share"].as_f64().expect("share") - 1.0 / 3.0).abs() < 1e-9);
    let schemas: Vec<&str> = s["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .filter_map(|r| r["schema"].as_str())
        .collect();
    assert!(schemas.contains(&"selfcheck-report/1") && schemas.contains(&"selfcheck-report/2"));
    // Refused files are also named on stderr, so none is dropped silently.
    assert!(stderr(&o).contains("edited.json"), "{}", stderr(&o));
}

#[test]
fn csv_reads_back_with_chinese_intact_and_html_is_one_page() {
    let dir = folder();
    let out = dir.path().join("summary.csv");
    let o = run(&[
        "summarize",
        dir.path().to_str().expect("utf8"),
        "--out",
        out.to_str().expect("utf8"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let bytes = std::fs::read(&out).expect("csv");
    assert!(
        bytes.starts_with(&[0xEF, 0xBB, 0xBF]),
        "UTF-8 byte-order mark for Excel"
    );
    // Python's csv module reads it back: the first block's header and the proxy row.
    if !sh(&["sh", "-c", "command -v python3 >/dev/null"]) {
        common::skip::skip("python3 missing (the CSV reader)");
        return;
    }
    let read = std::process::Command::new("python3")
        .args([
            "-c",
            "import csv,sys,json; rows=list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline=''))); print(json.dumps(rows, ensure_ascii=False))",
        ])
        .arg(&out)
        .output()
        .expect("python3");
    assert!(
        read.status.success(),
        "{}",
        String::from_utf8_lossy(&read.stderr)
    );
    let rows: Vec<Vec<String>> = serde_json::from_slice(&read.stdout).expect("rows");
    assert_eq!(rows[0][0], "检查项目");
    assert_eq!(rows[1][0], "network.proxy");
    assert_eq!(rows[1][1], "代理");
    assert!(
        rows.iter()
            .any(|r| r.first().is_some_and(|c| c == "无法使用的文件"))
    );

    let o = run(&[
        "summarize",
        dir.path().to_str().expect("utf8"),
        "--format",
        "html",
        "--lang",
        "en",
    ]);
    let html = String::from_utf8_lossy(&o.stdout).to_string();
    assert!(html.starts_with("<!DOCTYPE html>") && !html.contains("<script"));
    assert!(html.contains("Files that could not be used"), "{html}");
}
