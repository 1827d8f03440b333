//! Privacy: a full `check` (network allowed) runs inside a network namespace whose only way
//! out leads to this test's servers, under strace, which records every connection attempt
//! and every addressed datagram of selfcheck and the programs it starts. Only the profile's
//! hosts may appear (here the upload sink, which is also the latency probe, and the trace
//! server); no DNS, nothing else. The report holds no host name, MAC or IP address.
//! Needs root and strace (CI has both).

mod common;
use common::http::servers_profile;
use common::netns::Link;
use common::*;
use std::collections::BTreeSet;
use std::process::Command;

/// (address, port) of every IPv4/IPv6 destination in strace's connect/sendto/sendmsg lines.
fn destinations(log: &str) -> BTreeSet<(String, u16)> {
    let mut out = BTreeSet::new();
    for line in log.lines() {
        let port = |key: &str| {
            line.split(key)
                .nth(1)
                .and_then(|r| r.split(')').next())
                .and_then(|p| p.parse::<u16>().ok())
        };
        if line.contains("sa_family=AF_INET,") {
            let addr = line
                .split("inet_addr(\"")
                .nth(1)
                .and_then(|r| r.split('"').next());
            if let (Some(a), Some(p)) = (addr, port("sin_port=htons(")) {
                out.insert((a.to_string(), p));
            }
        } else if line.contains("sa_family=AF_INET6") {
            let addr = line
                .split("inet_pton(AF_INET6, \"")
                .nth(1)
                .and_then(|r| r.split('"').next());
            if let (Some(a), Some(p)) = (addr, port("sin6_port=htons(")) {
                out.insert((a.to_string(), p));
            }
        }
    }
    out
}

#[test]
fn strace_lines_parse() {
    let log = r#"812 connect(9, {sa_family=AF_INET, sin_port=htons(41237), sin_addr=inet_addr("100.64.71.1")}, 16) = -1 EINPROGRESS (Operation now in progress)
813 sendto(5, "\x12"..., 40, MSG_NOSIGNAL, {sa_family=AF_INET6, sin6_port=htons(53), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2001:db8::1", &sin6_addr), sin6_scope_id=0}, 28) = 40
814 connect(3, {sa_family=AF_UNIX, sun_path="/run/dbus/system_bus_socket"}, 110) = 0"#;
    let d = destinations(log);
    assert!(d.contains(&("100.64.71.1".to_string(), 41237)));
    assert!(d.contains(&("2001:db8::1".to_string(), 53)));
    assert_eq!(d.len(), 2);
}

fn port_of(url: &str) -> u16 {
    url.trim_start_matches("http://")
        .split('/')
        .next()
        .and_then(|h| h.rsplit(':').next())
        .and_then(|p| p.parse().ok())
        .expect("port in url")
}

#[test]
fn a_full_check_talks_only_to_the_profile_hosts() {
    let Some(link) = Link::new(71) else { return };
    if !sh(&["sh", "-c", "command -v strace >/dev/null"]) {
        common::skip::skip("strace missing");
        return;
    }
    link.default_route_via_host();
    let dir = tempfile::tempdir().expect("tmp");
    let (profile, sink, trace) = servers_profile(dir.path(), &link.host_ip);
    let log = dir.path().join("strace.txt");
    let o = clean_env(&mut Command::new("ip"))
        .args(["netns", "exec", &link.ns, "strace", "-f", "-qq", "-e"])
        .arg("trace=connect,sendto,sendmsg")
        .arg("-o")
        .arg(&log)
        .args([BIN, "--profile"])
        .arg(&profile)
        .args(["check", "--json", "--lang", "en"])
        .env("HOME", dir.path())
        .output()
        .expect("selfcheck runs");
    let report: serde_json::Value =
        serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr(&o)));
    assert_eq!(
        check(&report, "network.upload")["status"],
        "pass",
        "{report}"
    );
    assert_eq!(
        check(&report, "network.latency")["status"],
        "pass",
        "{report}"
    );
    assert_eq!(
        check(&report, "network.vpn")["measured"]["exit_country"],
        "CN",
        "{report}"
    );

    let seen = destinations(&std::fs::read_to_string(&log).expect("strace log"));
    let allowed: BTreeSet<(String, u16)> = [port_of(&sink), port_of(&trace)]
        .into_iter()
        .map(|p| (link.host_ip.clone(), p))
        .collect();
    eprintln!("destinations: {seen:?}");
    let unexpected: Vec<_> = seen.difference(&allowed).collect();
    assert!(
        unexpected.is_empty(),
        "connections outside the profile: {unexpected:?}"
    );
    assert_eq!(seen, allowed, "the capture missed the profile's own hosts");

    // The report describes the machine without identifying it.
    let text = report.to_string();
    assert!(
        !text.contains("100.64.71.2") && !text.contains("192.0.2.1"),
        "an IP address in the report"
    );
    let mac = text.as_bytes().windows(17).any(|w| {
        w.iter().enumerate().all(|(i, c)| {
            if i % 3 == 2 {
                *c == b':'
            } else {
                c.is_ascii_hexdigit()
            }
        })
    });
    assert!(!mac, "a MAC address in the report");
    if let Ok(host) = std::fs::read_to_string("/proc/sys/kernel/hostname") {
        let host = host.trim();
        if host.len() >= 4 {
            assert!(
                !text.contains(host),
                "the host name {host} is in the report"
            );
        }
    }
}

/// Paths the traced process (not the programs it starts, such as gsettings) opened for
/// writing, created, renamed or removed, from strace lines "PID call(…)".
fn written_paths(log: &str, main_pid: &str) -> BTreeSet<String> {
    // Children that ran another program write on that program's behalf: leave them out.
    let others: BTreeSet<&str> = log
        .lines()
        .filter(|l| l.contains("execve(") && !l.starts_with(main_pid))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    // Every quoted argument: a rename names both paths.
    let quoted = |l: &str| {
        l.split('"')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    log.lines()
        .filter(|l| {
            let pid = l.split_whitespace().next().unwrap_or_default();
            !others.contains(pid) && !l.contains("= -1 ")
        })
        .filter(|l| {
            (l.contains("openat(") && (l.contains("O_WRONLY") || l.contains("O_RDWR")))
                || l.contains("creat(")
                || l.contains("rename")
                || l.contains("unlink")
        })
        .flat_map(quoted)
        .filter(|p| p != "/dev/null")
        .collect()
}

/// A whole check that watches the camera (replayed pictures) and listens to the microphone
/// (a replayed recording) writes nothing to disk but the report it was asked to save: no
/// frame, no sound, no cache. Traced with strace; the programs it starts are left out.
#[cfg(target_os = "linux")]
#[test]
fn a_check_with_camera_and_microphone_writes_only_its_report() {
    if !sh(&["sh", "-c", "command -v strace >/dev/null"]) {
        common::skip::skip("strace missing");
        return;
    }
    let dir = tempfile::tempdir().expect("tmp");
    let cam = dir.path().join("cam");
    std::fs::create_dir(&cam).expect("mkdir");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/images/one_face_portrait.jpg"
        ),
        cam.join("f1.jpg"),
    )
    .expect("frame");
    let log = dir.path().join("strace.txt");
    let report = dir.path().join("r.json");
    let o = clean_env(&mut Command::new("strace"))
        .args(["-f", "-qq", "-e"])
        .arg("trace=openat,creat,rename,renameat,renameat2,unlink,unlinkat,execve")
        .arg("-o")
        .arg(&log)
        .args([BIN, "check", "--no-network", "--camera-source"])
        .arg(&cam)
        .args([
            "--mic-source",
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/audio/4_jackson_0.wav"
            ),
            "--out",
        ])
        .arg(&report)
        .current_dir(dir.path())
        .output()
        .expect("strace runs");
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
    let text = std::fs::read_to_string(&log).expect("strace log");
    let main_pid = text
        .lines()
        .find(|l| l.contains("execve(") && l.contains(BIN))
        .and_then(|l| l.split_whitespace().next())
        .expect("the binary's own pid")
        .to_string();
    let written = written_paths(&text, &main_pid);
    let report_path = report.to_string_lossy().to_string();
    let unexpected: Vec<&String> = written
        .iter()
        .filter(|p| **p != report_path && !p.contains(".r.json.tmp-"))
        .collect();
    assert!(
        unexpected.is_empty(),
        "written besides the report: {unexpected:?}"
    );
    assert!(
        written.contains(&report_path),
        "the report itself: {written:?}"
    );
    let saved = std::fs::read_to_string(&report).expect("report");
    assert!(saved.len() < 64 * 1024, "a report of {} bytes", saved.len());
}
