//! The network failing under the check, for real, in a network namespace: the link to the
//! servers going down in the middle of the upload, and a DNS server that never answers. Each
//! ends in a bounded time with a verdict that says what happened, never a hang or a pass.
//! Needs root (CI runs as root); skips with a message otherwise.

mod common;
use common::http::{Sink, profile_with, start_counting_sink, trace_server_on};
use common::netns::Link;
use common::*;
use std::process::{Command, Stdio};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// `selfcheck check --json` inside the namespace, killed if it is still running after
/// HOSTILE_HANG; the parsed report.
fn check_in(link: &Link, profile: &std::path::Path, only: &str) -> std::process::Child {
    clean_env(&mut Command::new("ip"))
        .args(["netns", "exec", &link.ns, BIN, "--profile"])
        .arg(profile)
        .args(["check", "--json", "--lang", "zh-CN", "--only", only])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("selfcheck runs")
}

fn report_of(child: std::process::Child) -> serde_json::Value {
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    std::thread::spawn(move || {
        if rx.recv_timeout(HOSTILE_HANG).is_err() {
            // SAFETY: signals our own child, not yet waited for.
            unsafe { libc::kill(pid as i32, libc::SIGKILL) };
        }
    });
    let o = child.wait_with_output().expect("wait");
    let _ = tx.send(());
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "no report ({e}), exit {:?}: {}",
            o.status.code(),
            String::from_utf8_lossy(&o.stderr)
        )
    })
}

#[cfg(target_os = "linux")]
#[test]
fn the_link_dropping_mid_upload_is_an_interruption_not_a_pass() {
    let Some(link) = Link::new(73) else { return };
    link.default_route_via_host();
    let dir = tempfile::tempdir().expect("tmp");
    let (sink, received) = start_counting_sink(&link.host_ip, Sink::Accept);
    let trace = trace_server_on(&link.host_ip, "fl=1\nloc=CN\nwarp=off\n");
    let profile = profile_with(dir.path(), &sink, &trace);
    let child = check_in(&link, &profile, "network.upload");
    // Once the upload is under way (1 MB arrived), pull the cable.
    let started = Instant::now();
    while received.load(Ordering::Relaxed) < 1_000_000
        && started.elapsed() < Duration::from_secs(30)
    {
        std::thread::sleep(Duration::from_millis(20));
    }
    let before = received.load(Ordering::Relaxed);
    assert!(
        before >= 1_000_000,
        "the upload never started: {before} bytes"
    );
    assert!(sh(&["ip", "link", "set", &link.host_if, "down"]));
    let report = report_of(child);
    let upload = check(&report, "network.upload");
    eprintln!("{upload}");
    // The link never comes back: the upload ends in a stall that never recovered — a lost
    // connection, which fails (no repeat can be clean).
    assert_eq!(upload["status"], "fail", "{upload}");
    assert!(
        upload["measured"]["final_stall_s"]
            .as_f64()
            .is_some_and(|s| s >= 2.0),
        "{upload}"
    );
    assert!(
        upload["measured"]["repeated_after_stall_s"].is_null(),
        "{upload}"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_dns_server_that_never_answers_is_named_as_dns() {
    let Some(link) = Link::new(74) else { return };
    link.default_route_via_host();
    // `ip netns exec` gives the namespace this resolv.conf: a name server nobody answers for
    // (packets to it are dropped on the host, which does not forward).
    let etc = std::path::PathBuf::from(format!("/etc/netns/{}", link.ns));
    std::fs::create_dir_all(&etc).expect("mkdir /etc/netns");
    struct Remove(std::path::PathBuf);
    impl Drop for Remove {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
    let _cleanup = Remove(etc.clone());
    std::fs::write(
        etc.join("resolv.conf"),
        "nameserver 100.64.74.53\noptions timeout:1 attempts:1\n",
    )
    .expect("resolv.conf");
    let dir = tempfile::tempdir().expect("tmp");
    let (sink, _) = start_counting_sink(&link.host_ip, Sink::Accept);
    let port = sink
        .rsplit(':')
        .next()
        .and_then(|p| p.split('/').next())
        .expect("port");
    let named = format!("http://speedtest.selfcheck.test:{port}/__up");
    let trace = format!("http://trace.selfcheck.test:{port}/cdn-cgi/trace");
    let profile = profile_with(dir.path(), &named, &trace);
    let report = report_of(check_in(
        &link,
        &profile,
        "network.upload,network.latency,network.vpn",
    ));
    for id in ["network.upload", "network.latency"] {
        let c = check(&report, id);
        eprintln!("{c}");
        assert_eq!(c["status"], "error", "{c}");
        assert!(
            c["summary"].as_str().is_some_and(|s| s.contains("DNS")),
            "{c}"
        );
    }
    // No tunnel in the namespace, and the exit country could not be looked up (DNS): the
    // verdict stays a pass that says the country is unknown, with the reason kept.
    let vpn = check(&report, "network.vpn");
    eprintln!("{vpn}");
    assert_eq!(vpn["status"], "pass", "{vpn}");
    assert!(vpn["measured"]["exit_country"].is_null(), "{vpn}");
    assert!(vpn["measured"]["trace_error"].is_string(), "{vpn}");
}
