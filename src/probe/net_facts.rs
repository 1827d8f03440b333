//! Network adapters and the default route, as facts for the VPN and VM checks.

use serde::{Deserialize, Serialize};
use std::net::Ipv4Addr;

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Adapter {
    pub name: String,
    /// Windows adapter description ("Wintun Userspace Tunnel"); empty elsewhere.
    pub description: String,
    pub up: Option<bool>,
    pub mac: Option<String>,
    pub ipv4: Vec<Ipv4Addr>,
}

/// All adapters sysinfo can see, with the link state where the OS tells it.
pub fn adapters() -> Result<Vec<Adapter>, String> {
    let networks = sysinfo::Networks::new_with_refreshed_list().map_err(|e| e.to_string())?;
    let mut out: Vec<Adapter> = networks
        .iter()
        .map(|(name, data)| {
            let mac = data.mac_address().to_string().to_lowercase();
            let name = name.to_string_lossy().into_owned();
            Adapter {
                up: link_up(&name),
                name,
                description: String::new(),
                mac: (mac != "00:00:00:00:00:00").then_some(mac),
                ipv4: data
                    .ip_networks()
                    .iter()
                    .filter_map(|n| match n.addr {
                        std::net::IpAddr::V4(a) => Some(a),
                        std::net::IpAddr::V6(_) => None,
                    })
                    .collect(),
            }
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

#[cfg(target_os = "linux")]
fn link_up(name: &str) -> Option<bool> {
    let state = std::fs::read_to_string(format!("/sys/class/net/{name}/operstate")).ok()?;
    // Tunnels report "unknown" while working; only "down" is down.
    Some(state.trim() != "down")
}

#[cfg(not(target_os = "linux"))]
fn link_up(_name: &str) -> Option<bool> {
    None
}

/// One IPv4 route: interface, destination, mask, gateway.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Route {
    pub interface: String,
    pub destination: Ipv4Addr,
    pub mask: Ipv4Addr,
    pub gateway: Ipv4Addr,
}

/// The routes of this machine, where the OS exposes them as text we parse.
pub fn routes() -> Option<Vec<Route>> {
    #[cfg(target_os = "linux")]
    {
        let text = std::fs::read_to_string("/proc/net/route").ok()?;
        Some(parse_proc_net_route(&text))
    }
    #[cfg(not(target_os = "linux"))]
    {
        None
    }
}

/// Parses Linux `/proc/net/route` (hex, little-endian addresses).
pub fn parse_proc_net_route(text: &str) -> Vec<Route> {
    let hex = |s: &str| {
        u32::from_str_radix(s, 16)
            .ok()
            .map(|v| Ipv4Addr::from(v.swap_bytes()))
    };
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let f: Vec<&str> = line.split_whitespace().collect();
            if f.len() < 8 {
                return None;
            }
            Some(Route {
                interface: f[0].to_string(),
                destination: hex(f[1])?,
                gateway: hex(f[2])?,
                mask: hex(f[7])?,
            })
        })
        .collect()
}

/// The interfaces that carry a default route (0.0.0.0/0, or the 0/1 + 128/1 split that VPN
/// clients such as OpenVPN and WireGuard install to override it).
pub fn default_route_interfaces(routes: &[Route]) -> Vec<String> {
    let mut out: Vec<String> = routes
        .iter()
        .filter(|r| {
            let m = u32::from(r.mask);
            let d = u32::from(r.destination);
            m == 0 || (m == 0x8000_0000 && (d == 0 || d == 0x8000_0000))
        })
        .map(|r| r.interface.clone())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// "198.18.0.0/15" → (network, prefix length).
pub fn parse_cidr(text: &str) -> Option<(Ipv4Addr, u8)> {
    let (addr, len) = text.trim().split_once('/')?;
    let addr: Ipv4Addr = addr.parse().ok()?;
    let len: u8 = len.parse().ok()?;
    (len <= 32).then_some((addr, len))
}

/// Whether `ip` lies in the CIDR range.
pub fn in_cidr(ip: Ipv4Addr, cidr: (Ipv4Addr, u8)) -> bool {
    let (net, len) = cidr;
    if len == 0 {
        return true;
    }
    let mask = u32::MAX << (32 - u32::from(len));
    u32::from(ip) & mask == u32::from(net) & mask
}

#[cfg(test)]
mod tests {
    use super::*;

    // Captured on this project's Linux build machine (a KVM guest).
    const ROUTE_PLAIN: &str = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n\
eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0\n\
eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n";

    // A WireGuard/OpenVPN style split default route over tun0.
    const ROUTE_SPLIT_TUN: &str = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n\
eth0\t00000000\t0101A8C0\t0003\t0\t0\t100\t00000000\t0\t0\t0\n\
tun0\t00000000\t00000000\t0001\t0\t0\t0\t00000080\t0\t0\t0\n\
tun0\t00000080\t00000000\t0001\t0\t0\t0\t00000080\t0\t0\t0\n";

    #[test]
    fn parses_proc_net_route() {
        let r = parse_proc_net_route(ROUTE_PLAIN);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].gateway, Ipv4Addr::new(192, 0, 2, 1));
        assert_eq!(r[1].destination, Ipv4Addr::new(192, 0, 2, 0));
        assert_eq!(r[1].mask, Ipv4Addr::new(255, 255, 255, 0));
        assert_eq!(default_route_interfaces(&r), vec!["eth0".to_string()]);
    }

    #[test]
    fn split_default_route_is_seen() {
        let r = parse_proc_net_route(ROUTE_SPLIT_TUN);
        assert_eq!(
            default_route_interfaces(&r),
            vec!["eth0".to_string(), "tun0".to_string()]
        );
    }

    #[test]
    fn cidr_membership() {
        let c = parse_cidr("198.18.0.0/15").expect("cidr");
        assert!(in_cidr(Ipv4Addr::new(198, 19, 0, 1), c));
        assert!(!in_cidr(Ipv4Addr::new(198, 20, 0, 1), c));
        assert!(parse_cidr("1.2.3.4/33").is_none());
        assert!(parse_cidr("nope").is_none());
    }
}
