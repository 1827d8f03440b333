//! `network.vpn` reads the exit country from a trace endpoint (the profile's `trace_url`);
//! here a real HTTP server answers in Cloudflare's trace format. The check runs in a network
//! namespace of the test's own (one veth, default route through it), so no tunnel or VPN of
//! the host machine can change the verdict: home exit passes, a foreign exit warns.

mod common;
use common::http::{profile_with, start_sink, trace_server_on};
use common::netns::Link;
use common::*;
use std::process::Command;

fn vpn_with_trace(link: &Link, body: &'static str) -> serde_json::Value {
    let dir = tempfile::tempdir().expect("tmp");
    let trace = trace_server_on(&link.host_ip, body);
    let sink = start_sink(&link.host_ip, common::http::Sink::Accept);
    let profile = profile_with(dir.path(), &sink, &trace);
    let o = clean_env(&mut Command::new("ip"))
        .args(["netns", "exec", &link.ns, BIN, "--profile"])
        .arg(&profile)
        .args(["check", "--json", "--only", "network.vpn"])
        .output()
        .expect("selfcheck runs");
    check(&json(&o), "network.vpn").clone()
}

#[cfg(target_os = "linux")]
#[test]
fn foreign_exit_warns_home_exit_passes() {
    let Some(link) = Link::new(75) else { return };
    link.default_route_via_host();
    let home = vpn_with_trace(&link, "fl=1\nip=192.0.2.1\nloc=CN\nwarp=off\n");
    assert_eq!(home["measured"]["exit_country"], "CN", "{home}");
    assert_eq!(home["status"], "pass", "{home}");
    let abroad = vpn_with_trace(&link, "fl=1\nip=192.0.2.1\nloc=JP\nwarp=off\n");
    assert_eq!(abroad["measured"]["exit_country"], "JP", "{abroad}");
    assert_eq!(abroad["status"], "warn", "{abroad}");
    let warp = vpn_with_trace(&link, "fl=1\nip=192.0.2.1\nloc=CN\nwarp=on\n");
    assert_eq!(warp["status"], "warn", "{warp}");
    assert!(
        !abroad.to_string().contains("192.0.2.1"),
        "the IP address is never reported"
    );
}
