//! Network adapters and the default route, as facts for the VPN and VM checks.

use serde::{Deserialize, Serialize};
use std::net::Ipv4Addr;

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Adapter {
    pub name: String,
    /// Windows adapter driver description from the registry ("Wintun Userspace Tunnel",
    /// "TAP-Windows Adapter V9"); empty elsewhere.
    pub description: String,
    pub up: Option<bool>,
    pub mac: Option<String>,
    pub ipv4: Vec<Ipv4Addr>,
    /// Windows interface type (IANA ifType: 6 Ethernet, 24 loopback, 53 proprietary virtual —
    /// Wintun —, 131 tunnel); None where the OS does not say.
    #[serde(default)]
    pub if_type: Option<u32>,
}

/// Every adapter: on Windows from the IP Helper API (tunnels without a hardware address
/// included), falling back to sysinfo's list with the registry's driver descriptions; elsewhere
/// sysinfo's list with the link state where the OS tells it.
pub fn adapters() -> Result<Vec<Adapter>, super::error::ProbeError> {
    #[cfg(windows)]
    if let Ok(mut list) = super::windows_adapters::adapters() {
        list.sort_by(|a, b| a.name.cmp(&b.name));
        return Ok(list);
    }
    let networks = sysinfo::Networks::new_with_refreshed_list()
        .map_err(|e| super::error::ProbeError::system("network adapter list", e))?;
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
                if_type: None,
            }
        })
        .collect();
    #[cfg(windows)]
    if let Ok(descriptions) = super::windows::adapter_descriptions() {
        for a in &mut out {
            if let Some((_, d)) = descriptions.iter().find(|(n, _)| *n == a.name) {
                a.description = d.clone();
            }
        }
    }
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

/// The routes of this machine: Linux `/proc/net/route`, Windows the IP Helper table (else
/// `route print -4`, interfaces named by matching their address to an adapter), macOS
/// `netstat -rn -f inet`.
pub fn routes() -> Option<Vec<Route>> {
    #[cfg(target_os = "linux")]
    {
        let text = std::fs::read_to_string("/proc/net/route").ok()?;
        Some(parse_proc_net_route(&text))
    }
    #[cfg(windows)]
    {
        // The IP Helper table first; `route print` only if that call fails.
        if let Ok(routes) = super::windows_routes::routes() {
            return Some(routes);
        }
        let o = super::command::run("route", &["print", "-4"], std::time::Duration::from_secs(5))
            .ok()
            .filter(|o| o.success)?;
        let routes = parse_route_print(&o.stdout);
        Some(name_interfaces(routes, &adapters().unwrap_or_default()))
    }
    #[cfg(target_os = "macos")]
    {
        let o = super::command::run(
            "netstat",
            &["-rn", "-f", "inet"],
            std::time::Duration::from_secs(5),
        )
        .ok()
        .filter(|o| o.success)?;
        Some(parse_netstat_rn(&o.stdout))
    }
    #[cfg(not(any(target_os = "linux", windows, target_os = "macos")))]
    {
        None
    }
}

/// Parses the IPv4 table of Windows `route print -4`, in any display language: a route line is
/// destination, netmask, gateway (an address, or "On-link" / "在链路上"), interface address,
/// metric. The interface is the adapter's address (see `name_interfaces`).
pub fn parse_route_print(text: &str) -> Vec<Route> {
    text.lines()
        .filter_map(|line| {
            let f: Vec<&str> = line.split_whitespace().collect();
            if f.len() != 5 || f[4].parse::<u32>().is_err() {
                return None;
            }
            let destination: Ipv4Addr = f[0].parse().ok()?;
            let mask: Ipv4Addr = f[1].parse().ok()?;
            let _: Ipv4Addr = f[3].parse().ok()?;
            Some(Route {
                interface: f[3].to_string(),
                destination,
                mask,
                gateway: f[2].parse().unwrap_or(Ipv4Addr::UNSPECIFIED),
            })
        })
        .collect()
}

/// Replaces an interface given as an address by the name of the adapter holding it.
pub fn name_interfaces(routes: Vec<Route>, adapters: &[Adapter]) -> Vec<Route> {
    routes
        .into_iter()
        .map(|mut r| {
            if let Ok(ip) = r.interface.parse::<Ipv4Addr>()
                && let Some(a) = adapters.iter().find(|a| a.ipv4.contains(&ip))
            {
                r.interface = a.name.clone();
            }
            r
        })
        .collect()
}

/// Parses macOS `netstat -rn -f inet`: destination ("default", "0/1", "128.0/1", "10.8/16",
/// "192.168.1.1"), gateway, flags, interface.
pub fn parse_netstat_rn(text: &str) -> Vec<Route> {
    text.lines()
        .filter_map(|line| {
            let f: Vec<&str> = line.split_whitespace().collect();
            if f.len() < 4 || !f[2].chars().all(|c| c.is_ascii_alphabetic()) {
                return None;
            }
            let (destination, len) = netstat_destination(f[0])?;
            let mask = if len == 0 {
                Ipv4Addr::UNSPECIFIED
            } else {
                Ipv4Addr::from(u32::MAX << (32 - u32::from(len)))
            };
            Some(Route {
                interface: f[3].to_string(),
                destination,
                mask,
                gateway: f[1].parse().unwrap_or(Ipv4Addr::UNSPECIFIED),
            })
        })
        .collect()
}

/// "default" → 0.0.0.0/0; "128.0/1" → 128.0.0.0/1; "10.8/16"; a bare address is a /32 host
/// route, a bare "127" a /8 (BSD shorthand: missing octets are zero, the prefix follows them).
fn netstat_destination(text: &str) -> Option<(Ipv4Addr, u8)> {
    if text == "default" {
        return Some((Ipv4Addr::UNSPECIFIED, 0));
    }
    let (addr, len) = match text.split_once('/') {
        Some((a, l)) => (a, Some(l.parse::<u8>().ok()?)),
        None => (text, None),
    };
    let parts: Vec<u8> = addr
        .split('.')
        .map(|p| p.parse::<u8>().ok())
        .collect::<Option<Vec<u8>>>()?;
    if parts.is_empty() || parts.len() > 4 {
        return None;
    }
    let mut octets = [0u8; 4];
    octets[..parts.len()].copy_from_slice(&parts);
    let len = len.unwrap_or(8 * parts.len() as u8);
    (len <= 32).then_some((Ipv4Addr::from(octets), len))
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

    /// `route print -4` on Windows 11 (Chinese display language) with Clash Verge's TUN
    /// ("Meta", 198.18.0.1) holding the default route beside the Wi-Fi.
    const ROUTE_PRINT_ZH: &str =
        "===========================================================================
接口列表
 18...8c 16 45 aa bb cc ......Intel(R) Wi-Fi 6 AX201 160MHz
 48...........................Meta Tunnel
  1...........................Software Loopback Interface 1
===========================================================================

IPv4 路由表
===========================================================================
活动路由:
网络目标        网络掩码          网关       接口   跃点数
          0.0.0.0          0.0.0.0      192.168.1.1    192.168.1.105     35
          0.0.0.0          0.0.0.0            在链路上        198.18.0.1      0
        127.0.0.0        255.0.0.0            在链路上         127.0.0.1    331
      192.168.1.0    255.255.255.0            在链路上     192.168.1.105    291
===========================================================================
永久路由:
  无
";

    /// `route print -4` on an English Windows 10 with OpenVPN's split default (0/1 + 128/1).
    const ROUTE_PRINT_EN: &str = "IPv4 Route Table
===========================================================================
Active Routes:
Network Destination        Netmask          Gateway       Interface  Metric
          0.0.0.0          0.0.0.0      192.168.0.1    192.168.0.23     25
          0.0.0.0        128.0.0.0         10.8.0.1        10.8.0.6    257
        128.0.0.0        128.0.0.0         10.8.0.1        10.8.0.6    257
===========================================================================
Persistent Routes:
  Network Address          Netmask  Gateway Address  Metric
          0.0.0.0          0.0.0.0      192.168.0.1  Default
";

    fn adapter(name: &str, ip: [u8; 4]) -> Adapter {
        Adapter {
            name: name.into(),
            description: String::new(),
            up: None,
            mac: None,
            ipv4: vec![Ipv4Addr::from(ip)],
            if_type: None,
        }
    }

    #[test]
    fn windows_route_print_in_chinese_and_english() {
        let zh = parse_route_print(ROUTE_PRINT_ZH);
        assert_eq!(zh.len(), 4);
        let named = name_interfaces(
            zh,
            &[
                adapter("WLAN", [192, 168, 1, 105]),
                adapter("Meta", [198, 18, 0, 1]),
            ],
        );
        assert_eq!(default_route_interfaces(&named), vec!["Meta", "WLAN"]);
        let en = name_interfaces(
            parse_route_print(ROUTE_PRINT_EN),
            &[
                adapter("以太网", [192, 168, 0, 23]),
                adapter("OpenVPN TAP-Windows6", [10, 8, 0, 6]),
            ],
        );
        assert_eq!(en.len(), 3, "persistent routes are not active routes");
        assert_eq!(
            default_route_interfaces(&en),
            vec!["OpenVPN TAP-Windows6", "以太网"]
        );
    }

    /// `netstat -rn -f inet` on macOS 14 with a WireGuard tunnel (utun4) overriding the
    /// default with 0/1 + 128.0/1.
    const NETSTAT_MAC: &str = "Routing tables

Internet:
Destination        Gateway            Flags               Netif Expire
0/1                utun4              USc                 utun4
default            192.168.1.1        UGScg                 en0
10.7.0.2           10.7.0.2           UH                  utun4
127                127.0.0.1          UCS                   lo0
128.0/1            utun4              USc                 utun4
192.168.1          link#11            UCS                   en0      !
";

    #[test]
    fn macos_netstat_routes() {
        let r = parse_netstat_rn(NETSTAT_MAC);
        assert_eq!(default_route_interfaces(&r), vec!["en0", "utun4"]);
        let host = r
            .iter()
            .find(|x| x.destination == Ipv4Addr::new(10, 7, 0, 2))
            .expect("host");
        assert_eq!(host.mask, Ipv4Addr::BROADCAST);
        let lo = r.iter().find(|x| x.interface == "lo0").expect("lo0");
        assert_eq!(
            (lo.destination, lo.mask),
            (Ipv4Addr::new(127, 0, 0, 0), Ipv4Addr::new(255, 0, 0, 0))
        );
        assert!(parse_netstat_rn("Routing tables\n\nInternet:\n").is_empty());
    }

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
