//! A network namespace "the seller's PC" joined to the test by a veth pair; the host side is
//! "the internet" (addresses from 100.64.0.0/10, the shared address space: not the fake-IP
//! range 198.18.0.0/15 that network.vpn looks for on tunnels, and used by nothing on this
//! machine). Needs root.

use super::sh;
use std::process::Command;

/// A namespace "the seller's PC" behind veth, the host side is "the internet".
pub struct Link {
    pub ns: String,
    pub host_if: String,
    pub ns_if: String,
    pub host_ip: String,
}

impl Link {
    pub fn new(tag: u8) -> Option<Link> {
        let is_root = unsafe { libc::geteuid() } == 0;
        let id = format!("{}{}", std::process::id() % 10000, tag);
        let l = Link {
            ns: format!("scup{id}"),
            host_if: format!("vh{id}"),
            ns_if: format!("vn{id}"),
            host_ip: format!("100.64.{tag}.1"),
        };
        let ns_ip = format!("100.64.{tag}.2/24");
        let host_cidr = format!("{}/24", l.host_ip);
        let ok = is_root
            && sh(&["ip", "netns", "add", &l.ns])
            && sh(&[
                "ip", "link", "add", &l.host_if, "type", "veth", "peer", "name", &l.ns_if,
            ])
            && sh(&["ip", "link", "set", &l.ns_if, "netns", &l.ns])
            && sh(&["ip", "addr", "add", &host_cidr, "dev", &l.host_if])
            && sh(&["ip", "link", "set", &l.host_if, "up"])
            && sh(&[
                "ip", "netns", "exec", &l.ns, "ip", "addr", "add", &ns_ip, "dev", &l.ns_if,
            ])
            && sh(&[
                "ip", "netns", "exec", &l.ns, "ip", "link", "set", &l.ns_if, "up",
            ])
            && sh(&[
                "ip", "netns", "exec", &l.ns, "ip", "link", "set", "lo", "up",
            ]);
        if ok {
            Some(l)
        } else {
            drop(l);
            let why = if is_root {
                "ip netns/veth set-up failed"
            } else {
                "not root"
            };
            super::skip::skip(&format!("network-namespace test: {why} (needs root)"));
            None
        }
    }
}

impl Link {
    /// Sends everything the namespace does not know through the host side ("the internet").
    pub fn default_route_via_host(&self) {
        assert!(
            sh(&[
                "ip",
                "netns",
                "exec",
                &self.ns,
                "ip",
                "route",
                "add",
                "default",
                "via",
                &self.host_ip
            ]),
            "default route in {}",
            self.ns
        );
    }
}

impl Drop for Link {
    fn drop(&mut self) {
        let _ = Command::new("ip")
            .args(["link", "del", &self.host_if])
            .status();
        let _ = Command::new("ip").args(["netns", "del", &self.ns]).status();
    }
}
