//! `selfcheck check`: the report contract, formats, selection and exit codes.

mod common;
use common::*;

/// What `check` runs, in report order: the catalogue's order, the same as the app's report.
const RUNNABLE: [&str; 17] = [
    "system.virtual_machine",
    "system.remote_desktop",
    "network.proxy",
    "network.vpn",
    "network.upload",
    "network.latency",
    "browser.version",
    "camera.device",
    "camera.resolution",
    "camera.frame_rate",
    "camera.virtual",
    "audio.device",
    "system.time_of_day",
    "checklist.id_card_validity",
    "checklist.phone_real_name",
    "checklist.product_samples",
    "checklist.business_premises",
];

#[test]
fn json_report_follows_the_v2_contract() {
    let o = run(&["check", "--json", "--no-network"]);
    let code = o.status.code();
    assert!(
        code == Some(0) || code == Some(1),
        "exit {code:?}: {}",
        stderr(&o)
    );
    let r = json(&o);
    assert_eq!(r["schema"], "selfcheck-report/2");
    for key in [
        "report_id",
        "app_version",
        "created_at",
        "lang",
        "profile",
        "verdict",
        "system",
        "checks",
    ] {
        assert!(!r[key].is_null(), "missing {key}");
    }
    assert_eq!(r["app_version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(r["profile"], "aliexpress");
    assert_eq!(r["lang"], "zh-CN");
    let id = r["report_id"].as_str().expect("id");
    assert!(id.len() == 9 && id.as_bytes()[4] == b'-', "{id}");
    assert!(chrono::DateTime::parse_from_rfc3339(r["created_at"].as_str().expect("time")).is_ok());
    for key in ["os", "cpu", "camera", "microphone"] {
        assert!(
            r["system"][key].as_str().is_some_and(|s| !s.is_empty()),
            "system.{key}"
        );
    }
    let checks = r["checks"].as_array().expect("checks");
    let ids: Vec<&str> = checks.iter().filter_map(|c| c["id"].as_str()).collect();
    assert_eq!(ids, RUNNABLE);
    let mut any_fail = false;
    let mut any_warn = false;
    for c in checks {
        let status = c["status"].as_str().expect("status");
        assert!(["pass", "warn", "fail", "skipped", "error"].contains(&status));
        assert!(
            c["title"]
                .as_str()
                .is_some_and(|t| !t.is_empty() && !t.starts_with("title-"))
        );
        assert!(c["summary"].is_string() && c["advice"].is_string());
        assert!(c["measured"].is_object() && c["threshold"].is_object());
        any_fail |= status == "fail";
        any_warn |= status == "warn" || status == "error";
    }
    // `check` cannot do the card, faces, pan or digits: never "ready" or "warnings".
    let missing: Vec<&str> = r["missing"]
        .as_array()
        .expect("missing listed")
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    for id in [
        "image.glare",
        "image.faces",
        "rehearsal.pan",
        "audio.digits",
        "network.upload",
    ] {
        assert!(missing.contains(&id), "{id} not in missing: {missing:?}");
    }
    let _ = any_warn;
    assert_eq!(
        r["verdict"],
        if any_fail { "not_ready" } else { "incomplete" }
    );
    assert_eq!(code, Some(if any_fail { 1 } else { 0 }));
    assert_eq!(check(&r, "network.latency")["status"], "skipped");
    assert_eq!(check(&r, "network.upload")["status"], "skipped");
}

/// Nothing failed, but the checks behind the three biggest failure causes never ran: the
/// verdict is "incomplete" (exit 0, no failure), and every format lists what is missing with
/// how to do it.
#[test]
fn without_the_big_checks_the_verdict_is_incomplete_in_every_format() {
    let o = run(&["check", "--json", "--only", "system.time_of_day"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let r = json(&o);
    assert_eq!(r["verdict"], "incomplete");
    let required = r["required"].as_array().expect("required");
    // Only time of day ran, and it is not required: every required check is missing.
    assert_eq!(r["missing"].as_array().expect("missing"), required);
    assert!(required.iter().any(|v| v == "image.glare"));

    let o = run(&["check", "--format", "text", "--only", "system.time_of_day"]);
    let text = String::from_utf8_lossy(&o.stdout).to_string();
    assert!(text.contains("还不完整"), "{text}");
    assert!(text.contains("还没做的关键检查"), "{text}");
    assert!(text.contains("「身份证」一步"), "{text}");
    let o = run(&[
        "check",
        "--format",
        "html",
        "--only",
        "system.time_of_day",
        "--lang",
        "en",
    ]);
    let html = String::from_utf8_lossy(&o.stdout).to_string();
    assert!(html.contains("id=\"missing\""), "{html}");
    assert!(html.contains("Key checks not done yet"), "{html}");
    assert!(html.contains("<code>rehearsal.pan</code>"), "{html}");
    // The rules of the real attempt, with the profile's numbers, in the English report.
    assert!(html.contains("id=\"before-you-start\""), "{html}");
    for needle in [
        "incognito",
        "switch browser tabs",
        "within 72 hours",
        "at most 2 MB",
    ] {
        assert!(html.contains(needle), "{needle} missing");
    }
    assert!(
        html.contains("AliExpress video verification"),
        "profile named for people"
    );
}

/// The verdict on this very machine, against what the test reads for itself: the CPU's
/// "hypervisor" flag (set by every hypervisor for its guests) means a virtual machine, which
/// fails with a cpuid signal; on a physical machine the check must not fail.
#[cfg(target_os = "linux")]
#[test]
fn this_machine_is_judged_as_what_it_is() {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").expect("cpuinfo");
    let guest = cpuinfo
        .lines()
        .any(|l| l.starts_with("flags") && l.split_whitespace().any(|f| f == "hypervisor"));
    let o = run(&[
        "check",
        "--json",
        "--no-network",
        "--only",
        "system.virtual_machine",
    ]);
    if !guest {
        let r = json(&o);
        let vm = check(&r, "system.virtual_machine");
        assert_ne!(vm["status"], "fail", "a physical machine: {vm}");
        return;
    }
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let r = json(&o);
    let vm = check(&r, "system.virtual_machine");
    assert_eq!(vm["status"], "fail");
    let signals = vm["measured"]["signals"].as_array().expect("signals");
    assert!(
        signals
            .iter()
            .any(|s| s.as_str().is_some_and(|s| s.starts_with("cpuid:"))),
        "{vm}"
    );
    assert!(
        vm["advice"]
            .as_str()
            .is_some_and(|a| a.contains("实体电脑"))
    );
}

#[test]
fn only_skip_and_language() {
    let o = run(&[
        "check",
        "--json",
        "--only",
        "system.time_of_day,network.proxy",
        "--skip",
        "network.proxy",
        "--lang",
        "en",
    ]);
    let r = json(&o);
    let checks = r["checks"].as_array().expect("checks");
    assert_eq!(checks.len(), 1);
    assert_eq!(checks[0]["id"], "system.time_of_day");
    assert_eq!(checks[0]["title"], "Time of day");
    assert_eq!(r["lang"], "en");
}

/// The validity typed exactly as printed on the back of the card: the range's end counts.
#[test]
fn id_card_validity_range_as_printed() {
    for (typed, expected) in [
        ("2010.01.01-2015.01.01", "fail"),
        ("2016.05.01－2099.05.01", "pass"),
        ("2016.05.01 至 2099.05.01", "pass"),
        ("2016.05.01-长期", "pass"),
    ] {
        let o = run(&[
            "check",
            "--json",
            "--only",
            "checklist.id_card_validity",
            "--id-expiry",
            typed,
        ]);
        let c = check(&json(&o), "checklist.id_card_validity").clone();
        assert_eq!(c["status"], expected, "{typed}: {c}");
        assert_eq!(c["source"], "self_reported", "{c}");
    }
}

#[test]
fn id_card_expiry_is_judged() {
    let o = run(&[
        "check",
        "--json",
        "--only",
        "checklist.id_card_validity",
        "--id-expiry",
        "2000-01-01",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        check(&json(&o), "checklist.id_card_validity")["status"],
        "fail"
    );
    let o = run(&[
        "check",
        "--json",
        "--only",
        "checklist.id_card_validity",
        "--id-expiry",
        "long-term",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        check(&json(&o), "checklist.id_card_validity")["status"],
        "pass"
    );
    let o = run(&[
        "check",
        "--only",
        "checklist.id_card_validity",
        "--id-expiry",
        "31/12/2030",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("2031.05.01"), "{}", stderr(&o));
    // As printed on the card, with dots.
    let o = run(&[
        "check",
        "--json",
        "--only",
        "checklist.id_card_validity",
        "--id-expiry",
        "2099.12.31",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        check(&json(&o), "checklist.id_card_validity")["status"],
        "pass"
    );
}

/// KDE Plasma keeps its proxy in ~/.config/kioslaverc: a manual proxy there fails
/// network.proxy and names KDE as the source; without the file the check passes.
#[cfg(target_os = "linux")]
#[test]
fn proxy_from_kde_settings_fails_and_says_where() {
    let home = tempfile::tempdir().expect("home");
    let proxy = |home: &std::path::Path| {
        json(
            &selfcheck()
                .args(["check", "--json", "--only", "network.proxy"])
                .env("HOME", home)
                .env_remove("XDG_CONFIG_HOME")
                .output()
                .expect("runs"),
        )
    };
    let r = proxy(home.path());
    assert_eq!(check(&r, "network.proxy")["status"], "pass", "{r}");
    std::fs::create_dir_all(home.path().join(".config")).expect("mkdir");
    std::fs::write(
        home.path().join(".config/kioslaverc"),
        "[Proxy Settings]\nProxyType=1\nhttpProxy=http://127.0.0.1 7890\nhttpsProxy=http://127.0.0.1 7890\n",
    )
    .expect("kioslaverc");
    let r = proxy(home.path());
    let p = check(&r, "network.proxy");
    assert_eq!(p["status"], "fail", "{p}");
    assert_eq!(p["measured"]["sources"][0]["source"], "kde:http", "{p}");
    assert_eq!(
        p["measured"]["sources"][0]["value"], "http://127.0.0.1:7890",
        "{p}"
    );
}

/// Firefox keeps its own proxy in each profile's prefs.js (Settings → Network Settings): a
/// manual proxy there fails network.proxy and names the profile; back on "use system proxy
/// settings" (type 5, the hosts left in the file) it passes.
#[cfg(target_os = "linux")]
#[test]
fn proxy_set_inside_firefox_fails_and_says_which_profile() {
    let home = tempfile::tempdir().expect("home");
    let profile = home
        .path()
        .join(".mozilla/firefox/k3x9q2ab.default-release");
    std::fs::create_dir_all(&profile).expect("mkdir");
    let prefs = |kind: u32| {
        format!(
            "// Mozilla User Preferences\nuser_pref(\"network.proxy.http\", \"127.0.0.1\");\nuser_pref(\"network.proxy.http_port\", 7890);\nuser_pref(\"network.proxy.type\", {kind});\n"
        )
    };
    let proxy = || {
        json(
            &selfcheck()
                .args(["check", "--json", "--only", "network.proxy"])
                .env("HOME", home.path())
                .env_remove("XDG_CONFIG_HOME")
                .output()
                .expect("runs"),
        )
    };
    std::fs::write(profile.join("prefs.js"), prefs(1)).expect("prefs.js");
    let r = proxy();
    let p = check(&r, "network.proxy");
    assert_eq!(p["status"], "fail", "{p}");
    assert_eq!(
        p["measured"]["sources"][0]["source"], "firefox:k3x9q2ab.default-release:http",
        "{p}"
    );
    assert_eq!(
        p["measured"]["sources"][0]["value"], "127.0.0.1:7890",
        "{p}"
    );
    std::fs::write(profile.join("prefs.js"), prefs(5)).expect("prefs.js");
    let r = proxy();
    assert_eq!(check(&r, "network.proxy")["status"], "pass", "{r}");
}

/// Proxy SwitchyOmega installed in a Chrome profile (as Chrome lays out an installed
/// extension) warns and names the profile; nothing else set, so nothing fails.
#[test]
fn proxy_extension_in_a_chrome_profile_warns_and_names_it() {
    let home = tempfile::tempdir().expect("home");
    let ext = home.path().join(
        ".config/google-chrome/Profile 1/Extensions/padekgcemlokbadohgkifijomclgjgif/2.5.21_0",
    );
    std::fs::create_dir_all(&ext).expect("mkdir");
    std::fs::write(ext.join("manifest.json"), "{}").expect("manifest");
    let r = json(
        &selfcheck()
            .args(["check", "--json", "--only", "network.proxy"])
            .env("HOME", home.path())
            .env_remove("XDG_CONFIG_HOME")
            .env_remove("HTTPS_PROXY")
            .env_remove("HTTP_PROXY")
            .env_remove("ALL_PROXY")
            .env_remove("https_proxy")
            .env_remove("http_proxy")
            .env_remove("all_proxy")
            .output()
            .expect("runs"),
    );
    let p = check(&r, "network.proxy");
    assert_eq!(p["status"], "warn", "{p}");
    assert_eq!(
        p["measured"]["extensions"],
        serde_json::json!([{"source": "chrome:Profile 1:extension", "name": "Proxy SwitchyOmega"}]),
        "{p}"
    );
}

#[test]
fn proxy_from_environment_fails_and_says_where() {
    let o = selfcheck()
        .args(["check", "--json", "--only", "network.proxy"])
        .env("HTTPS_PROXY", "http://user:secret@127.0.0.1:7890")
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(1));
    let r = json(&o);
    let p = check(&r, "network.proxy");
    assert_eq!(p["status"], "fail");
    assert_eq!(p["measured"]["sources"][0]["source"], "env:HTTPS_PROXY");
    assert!(
        !stdout(&o).contains("secret"),
        "credentials must not reach the report"
    );
    let o = run(&["check", "--json", "--only", "network.proxy"]);
    let status = check(&json(&o), "network.proxy")["status"].clone();
    assert!(status == "pass" || status == "error", "{status}");
}

#[test]
fn text_is_the_default_and_fits_a_chat() {
    let o = run(&["check", "--no-network"]);
    let t = stdout(&o);
    assert!(t.starts_with("【视频验证自检报告】"), "{t}");
    assert!(t.contains("报告编号"));
    assert!(t.chars().count() < 3000, "{}", t.chars().count());
}

#[test]
fn usage_errors_exit_2_with_a_message() {
    for args in [
        vec!["check", "--bogus-flag"],
        vec!["check", "--only", "nope.check"],
        vec!["check", "--only", "image.glare"],
        vec!["check", "--format", "pdf"],
        vec!["--lang", "fr", "check"],
    ] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(!stderr(&o).trim().is_empty(), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
    }
    let o = run(&["check", "--only", "nope.check"]);
    assert!(stderr(&o).contains("nope.check"));
}

#[test]
fn version_flag() {
    let o = run(&["--version"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains(env!("CARGO_PKG_VERSION")));
}

/// Identifying details only by choice: without the flag the report says it holds none and
/// carries none; with `--include-identity` it carries this computer's name, the user and the
/// adapters' addresses, says so, and the HTML shows them under their own heading.
#[test]
fn identifying_details_only_when_asked() {
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|h| h.trim().to_string())
        .unwrap_or_default();
    let plain = json(&run(&[
        "check",
        "--json",
        "--no-network",
        "--only",
        "system.time_of_day",
    ]));
    assert_eq!(plain["contents"]["identifying_details"], false, "{plain}");
    assert_eq!(plain["contents"]["pictures"], false);
    assert_eq!(plain["contents"]["sound"], false);
    assert!(plain.get("identity").is_none(), "{plain}");

    let dir = tempfile::tempdir().expect("tmp");
    let saved = dir.path().join("r.json");
    let o = run(&[
        "check",
        "--no-network",
        "--only",
        "system.time_of_day",
        "--include-identity",
        "--out",
        saved.to_str().expect("utf8"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let with: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&saved).expect("saved")).expect("json");
    assert_eq!(with["contents"]["identifying_details"], true, "{with}");
    if !host.is_empty() {
        assert_eq!(with["identity"]["host_name"], host.as_str(), "{with}");
    }
    assert!(
        with["identity"]["adapters"]
            .as_array()
            .is_some_and(|a| a.iter().any(|x| x["name"] == "lo")),
        "{with}"
    );
    let html = run(&["report", saved.to_str().expect("utf8"), "--format", "html"]);
    let page = stdout(&html);
    assert!(
        page.contains("识别信息") && page.contains("应您的要求"),
        "{page}"
    );
    assert!(host.is_empty() || page.contains(&host));
}

/// A microphone that delivers exact digital zero is muted or blocked by the system's privacy
/// switch (how Windows and macOS deny it): the verification would hear nothing, so it fails.
#[test]
fn a_microphone_giving_exact_zero_fails_as_muted_or_blocked() {
    let dir = tempfile::tempdir().expect("tmp");
    let wav = dir.path().join("zero.wav");
    let spec = hound::WavSpec {
        channels: 1,
        sample_rate: 48_000,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let mut w = hound::WavWriter::create(&wav, spec).expect("wav");
    for _ in 0..48_000 * 4 {
        w.write_sample(0i16).expect("sample");
    }
    w.finalize().expect("wav");
    let o = run(&[
        "check",
        "--json",
        "--only",
        "audio.device",
        "--mic-source",
        wav.to_str().expect("utf8"),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let r = json(&o);
    let mic = check(&r, "audio.device");
    assert_eq!(mic["status"], "fail", "{mic}");
    assert_eq!(mic["source"], "replayed");
    assert!(
        mic["advice"].as_str().is_some_and(|a| a.contains("隐私")),
        "{mic}"
    );
    assert_eq!(r["verdict"], "not_ready");
}
