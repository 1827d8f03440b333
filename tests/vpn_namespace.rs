//! `network.vpn` in a network namespace the test builds: a default route through a tun
//! device fails the check and names it; the same namespace without the tunnel passes.
//! Needs root (CI runs as root).

mod common;
use common::*;
use std::process::Command;

struct Ns(String, String);
impl Drop for Ns {
    fn drop(&mut self) {
        let _ = Command::new("ip").args(["link", "del", &self.1]).status();
        let _ = Command::new("ip").args(["netns", "del", &self.0]).status();
    }
}

fn vpn_in(ns: &str) -> serde_json::Value {
    let o = clean_env(&mut Command::new("ip"))
        .args([
            "netns",
            "exec",
            ns,
            BIN,
            "check",
            "--json",
            "--no-network",
            "--only",
            "network.vpn",
        ])
        .output()
        .expect("runs");
    let r: serde_json::Value =
        serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr(&o)));
    check(&r, "network.vpn").clone()
}

#[cfg(target_os = "linux")]
#[test]
fn default_route_through_tun_fails_and_plain_route_passes() {
    let is_root = unsafe { libc::geteuid() } == 0;
    let name = format!("scvpn{}", std::process::id() % 100000);
    if !is_root || !sh(&["ip", "netns", "add", &name]) {
        common::skip::skip(if is_root {
            "ip netns add failed"
        } else {
            "needs root for network namespaces"
        });
        return;
    }
    let ns = Ns(name, format!("vv{}", std::process::id() % 100000));
    let n = ns.0.as_str();
    // A plain uplink first: one end of a veth pair, with a default route.
    assert!(sh(&[
        "ip", "link", "add", &ns.1, "type", "veth", "peer", "name", "eth9", "netns", n
    ]));
    assert!(sh(&[
        "ip",
        "netns",
        "exec",
        n,
        "ip",
        "addr",
        "add",
        "100.65.7.2/24",
        "dev",
        "eth9"
    ]));
    assert!(sh(&[
        "ip", "netns", "exec", n, "ip", "link", "set", "eth9", "up"
    ]));
    assert!(sh(&[
        "ip",
        "netns",
        "exec",
        n,
        "ip",
        "route",
        "add",
        "default",
        "via",
        "100.65.7.1"
    ]));
    let plain = vpn_in(n);
    assert_eq!(plain["status"], "pass", "{plain}");
    assert_eq!(plain["measured"]["default_route"][0], "eth9");

    // Now a VPN: a tun device that takes the default route.
    assert!(sh(&[
        "ip", "netns", "exec", n, "ip", "tuntap", "add", "dev", "tun7", "mode", "tun"
    ]));
    assert!(sh(&[
        "ip",
        "netns",
        "exec",
        n,
        "ip",
        "addr",
        "add",
        "10.77.0.2/24",
        "dev",
        "tun7"
    ]));
    assert!(sh(&[
        "ip", "netns", "exec", n, "ip", "link", "set", "tun7", "up"
    ]));
    assert!(sh(&[
        "ip", "netns", "exec", n, "ip", "route", "replace", "default", "dev", "tun7"
    ]));
    let vpn = vpn_in(n);
    assert_eq!(vpn["status"], "fail", "{vpn}");
    assert!(
        vpn["measured"]["signals"]
            .as_array()
            .is_some_and(|s| s.iter().any(|x| x == "default-route:tun7")),
        "{vpn}"
    );
    assert!(vpn["advice"].as_str().is_some_and(|a| a.contains("VPN")));

    // Tunnel no longer the default route. Nobody holds it open, so it has no carrier: not a
    // live VPN, and the check passes.
    assert!(sh(&[
        "ip",
        "netns",
        "exec",
        n,
        "ip",
        "route",
        "replace",
        "default",
        "via",
        "100.65.7.1"
    ]));
    let down = vpn_in(n);
    assert_eq!(down["status"], "pass", "{down}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_tunnel_idle_then_in_use_then_holding_a_fake_ip_is_pass_warn_fail() {
    let is_root = unsafe { libc::geteuid() } == 0;
    if !is_root {
        common::skip::skip("needs root for network namespaces");
        return;
    }
    // Attaching happens in this process, so create the tunnel in the host namespace under a
    // unique name and judge from here.
    let tun = format!("tun{}", std::process::id() % 100000);
    let Some(_holder) = common::tun::attach_tun(&tun) else {
        common::skip::skip("/dev/net/tun unavailable");
        return;
    };
    assert!(sh(&["ip", "link", "set", &tun, "up"]));
    // Up but with no address and no route it carries nothing (like macOS's utun0-3): no warning.
    let judge = || {
        let o = run(&["check", "--json", "--no-network", "--only", "network.vpn"]);
        check(&json(&o), "network.vpn").clone()
    };
    let v = judge();
    assert_eq!(v["status"], "pass", "{v}");
    assert!(
        v["measured"]["idle_tunnels"]
            .as_array()
            .is_some_and(|a| a.iter().any(|x| x == tun.as_str())),
        "{v}"
    );
    // With an address (shared address space; nothing is sent) it is a VPN in use.
    assert!(sh(&["ip", "addr", "add", "100.66.7.10/32", "dev", &tun]));
    let v = judge();
    assert_eq!(v["status"], "warn", "{v}");
    assert!(
        v["measured"]["tunnel_adapters"]
            .as_array()
            .is_some_and(|a| a.iter().any(|x| x == tun.as_str())),
        "{v}"
    );
    // Clash/mihomo TUN in fake-IP mode: the tunnel holds 198.18.0.1 (the fake-IP range).
    assert!(sh(&["ip", "addr", "add", "198.18.0.1/30", "dev", &tun]));
    let v = judge();
    assert_eq!(v["status"], "fail", "{v}");
    let fake = format!("fake-ip:{tun}");
    assert!(
        v["measured"]["signals"]
            .as_array()
            .is_some_and(|a| a.iter().any(|x| x == fake.as_str())),
        "{v}"
    );
}
