//! `network.vpn` reads the exit country from a trace endpoint (the profile's `trace_url`);
//! here a real HTTP server on loopback answers in Cloudflare's trace format.

mod common;
use common::http::trace_server;
use common::*;

fn vpn_with_trace(url: &str) -> serde_json::Value {
    let dir = tempfile::tempdir().expect("tmp");
    let profile = include_str!("../assets/profiles/aliexpress.toml")
        .replace("https://www.cloudflare.com/cdn-cgi/trace", url);
    let p = dir.path().join("p.toml");
    std::fs::write(&p, profile).expect("write");
    let o = run(&[
        "--profile",
        p.to_str().expect("utf8"),
        "check",
        "--json",
        "--only",
        "network.vpn",
    ]);
    check(&json(&o), "network.vpn").clone()
}

#[test]
fn foreign_exit_warns_home_exit_passes() {
    let home = vpn_with_trace(&trace_server("fl=1\nip=192.0.2.1\nloc=CN\nwarp=off\n"));
    assert_eq!(home["measured"]["exit_country"], "CN", "{home}");
    assert_ne!(home["status"], "warn", "{home}");
    let abroad = vpn_with_trace(&trace_server("fl=1\nip=192.0.2.1\nloc=JP\nwarp=off\n"));
    assert_eq!(abroad["measured"]["exit_country"], "JP", "{abroad}");
    if home["status"] == "pass" {
        assert_eq!(abroad["status"], "warn", "{abroad}");
    }
    assert!(
        !abroad.to_string().contains("192.0.2.1"),
        "the IP address is never reported"
    );
}
