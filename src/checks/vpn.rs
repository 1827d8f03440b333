//! `network.vpn`: a VPN or a proxy client in tunnel mode makes the connection look foreign.
//!
//! Fail: the default route goes through a tunnel adapter, or a tunnel holds a fake-IP
//! address (Clash/mihomo TUN). Warn: a tunnel adapter is up and in use (it holds an IPv4
//! address), or a VPN client runs. A tunnel with no address and no default route carries
//! nothing: macOS always has utun0–3 up that way (iCloud, Handoff), so those do not warn.

use super::ids::NETWORK_VPN;
use super::model::{CheckResult, Status};
use crate::i18n::Tr;
use crate::probe::net_facts::{Adapter, in_cidr, parse_cidr};
use crate::probe::processes::find_matches;
use crate::profile::VpnReq;

pub struct VpnFacts<'a> {
    /// Exit country and WARP state from the trace endpoint, when the network was used.
    pub trace: Option<&'a Result<crate::net::trace::Trace, crate::net::trace::TraceError>>,
    pub adapters: &'a [Adapter],
    /// Interfaces carrying the default route; None when this OS's routes could not be read.
    pub default_route: Option<&'a [String]>,
    pub processes: &'a [String],
}

/// A tunnel by its name, its driver's description, or (Windows) its interface type — except
/// Windows' own IPv6 transition tunnels (Teredo, ISATAP, 6to4), which carry no traffic abroad.
fn is_tunnel(a: &Adapter, req: &VpnReq) -> bool {
    let name = a.name.to_lowercase();
    let desc = a.description.to_lowercase();
    let described =
        |list: &[String]| !desc.is_empty() && list.iter().any(|d| desc.contains(&d.to_lowercase()));
    let by_type = a.if_type.is_some_and(|t| req.tunnel_if_types.contains(&t))
        && !described(&req.not_tunnel_descriptions);
    by_type
        || req
            .adapter_prefixes
            .iter()
            .any(|p| name.starts_with(&p.to_lowercase()))
        || described(&req.adapter_descriptions)
}

/// Judges the tunnel facts, then lets the exit country raise a pass to a warning.
pub fn judge(
    facts: &VpnFacts,
    req: &VpnReq,
    expected_countries: &[String],
    tr: &Tr,
) -> CheckResult {
    let r = judge_tunnels(facts, req, tr);
    let Some(trace) = facts.trace else { return r };
    match trace {
        Err(e) => {
            // The exit country stays unknown: say so, without raising the verdict (the trace
            // host can be slow to reach from mainland China on an ordinary line).
            let mut r = r
                .measured("exit_country", serde_json::Value::Null)
                .measured("trace_error", e.to_string());
            r.summary.push(' ');
            r.summary.push_str(&tr.t("vpn-summary-exit-unknown"));
            r
        }
        Ok(t) => {
            let foreign = t
                .country
                .as_ref()
                .is_some_and(|c| !expected_countries.iter().any(|e| e.eq_ignore_ascii_case(c)));
            let warp = t.warp.as_deref().is_some_and(|w| w != "off");
            let mut r = r
                .measured("exit_country", t.country.clone())
                .measured("warp", t.warp.clone())
                .threshold("expected_countries", expected_countries.to_vec());
            if (foreign || warp) && r.status == Status::Pass {
                r.status = Status::Warn;
                r.summary = if warp {
                    tr.t("vpn-summary-warp")
                } else {
                    tr.f(
                        "vpn-summary-exit",
                        &[
                            ("country", t.country.clone().unwrap_or_default()),
                            ("expected", expected_countries.join(", ")),
                        ],
                    )
                };
                r.advice = tr.t("vpn-advice");
            }
            r
        }
    }
}

fn judge_tunnels(facts: &VpnFacts, req: &VpnReq, tr: &Tr) -> CheckResult {
    let ranges: Vec<_> = req
        .fake_ip_ranges
        .iter()
        .filter_map(|r| parse_cidr(r))
        .collect();
    let carries_default = |a: &Adapter| {
        facts
            .default_route
            .is_some_and(|r| r.iter().any(|i| i == &a.name))
    };
    let (tunnels, idle): (Vec<&Adapter>, Vec<&Adapter>) = facts
        .adapters
        .iter()
        .filter(|a| a.up != Some(false) && is_tunnel(a, req))
        .partition(|a| !a.ipv4.is_empty() || carries_default(a));
    let idle: Vec<String> = idle.iter().map(|a| a.name.clone()).collect();
    let mut route_signals = Vec::new();
    if let Some(route) = facts.default_route {
        for iface in route {
            if let Some(a) = facts.adapters.iter().find(|a| &a.name == iface) {
                if is_tunnel(a, req) {
                    route_signals.push(format!("default-route:{iface}"));
                }
            } else if req
                .adapter_prefixes
                .iter()
                .any(|p| iface.to_lowercase().starts_with(&p.to_lowercase()))
            {
                route_signals.push(format!("default-route:{iface}"));
            }
        }
    }
    for a in &tunnels {
        if a.ipv4
            .iter()
            .any(|ip| ranges.iter().any(|r| in_cidr(*ip, *r)))
        {
            route_signals.push(format!("fake-ip:{}", a.name));
        }
    }
    let adapters: Vec<String> = tunnels.iter().map(|a| a.name.clone()).collect();
    let programs = find_matches(facts.processes, &req.programs);

    let base = |status| {
        CheckResult::new(NETWORK_VPN, status, tr)
            .measured("default_route", facts.default_route.map(<[String]>::to_vec))
            .measured("tunnel_adapters", adapters.clone())
            .measured("idle_tunnels", idle.clone())
            .measured("programs", programs.clone())
            .measured("signals", route_signals.clone())
            .threshold("allowed", false)
    };
    if !route_signals.is_empty() {
        return base(Status::Fail)
            .summary(tr.f(
                "vpn-summary-route",
                &[("signals", route_signals.join(", "))],
            ))
            .advice(tr.t("vpn-advice"));
    }
    if !adapters.is_empty() || !programs.is_empty() {
        let seen: Vec<String> = adapters.iter().chain(programs.iter()).cloned().collect();
        return base(Status::Warn)
            .summary(tr.f("vpn-summary-present", &[("found", seen.join(", "))]))
            .advice(tr.t("vpn-advice"));
    }
    if facts.default_route.is_none() {
        return CheckResult::error(NETWORK_VPN, tr, tr.t("vpn-summary-unreadable"))
            .measured("tunnel_adapters", adapters.clone())
            .measured("programs", programs.clone());
    }
    base(Status::Pass).summary(tr.t("vpn-summary-none"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::profile::Profile;
    use std::net::Ipv4Addr;

    fn adapter(name: &str, desc: &str, ip: [u8; 4]) -> Adapter {
        Adapter {
            name: name.into(),
            description: desc.into(),
            up: Some(true),
            mac: None,
            ipv4: vec![Ipv4Addr::from(ip)],
            if_type: None,
        }
    }

    #[test]
    fn default_route_through_tunnel_fails() {
        let req = Profile::builtin().expect("p").vpn;
        let tr = Tr::new(Lang::ZhCn);
        let adapters = vec![
            adapter("eth0", "", [192, 168, 1, 5]),
            adapter("wg0", "", [10, 8, 0, 2]),
        ];
        let route = vec!["wg0".to_string()];
        let f = VpnFacts {
            trace: None,
            adapters: &adapters,
            default_route: Some(&route),
            processes: &[],
        };
        let r = judge(&f, &req, &[], &tr);
        assert_eq!(r.status, Status::Fail);
        assert_eq!(r.measured["signals"][0], "default-route:wg0");
    }

    #[test]
    fn clash_fake_ip_tunnel_on_windows_fails() {
        let req = Profile::builtin().expect("p").vpn;
        let tr = Tr::new(Lang::En);
        // Windows: mihomo TUN adapter "Meta", description "Meta Tunnel", fake-IP 198.18.0.1.
        let adapters = vec![
            adapter(
                "以太网",
                "Realtek PCIe GbE Family Controller",
                [192, 168, 1, 7],
            ),
            adapter("Meta", "Meta Tunnel", [198, 18, 0, 1]),
        ];
        let procs = vec!["verge-mihomo.exe".to_string()];
        let f = VpnFacts {
            trace: None,
            adapters: &adapters,
            default_route: None,
            processes: &procs,
        };
        let r = judge(&f, &req, &[], &tr);
        assert_eq!(r.status, Status::Fail);
        assert_eq!(r.measured["programs"][0], "verge-mihomo");
    }

    #[test]
    fn a_windows_tunnel_is_known_by_its_interface_type_whatever_its_name() {
        let req = Profile::builtin().expect("p").vpn;
        let tr = Tr::new(Lang::En);
        let lan = adapter("以太网", "Intel(R) Ethernet Connection", [192, 168, 1, 7]);
        let route = vec!["以太网".to_string()];
        let judged = |other: Adapter| {
            let adapters = vec![lan.clone(), other];
            let f = VpnFacts {
                trace: None,
                adapters: &adapters,
                default_route: Some(&route),
                processes: &[],
            };
            judge(&f, &req, &[], &tr)
        };
        // A Wintun adapter the seller named "home" (no MAC, type 53, a fake-IP address): fail.
        let home = Adapter {
            if_type: Some(53),
            ..adapter("home", "home", [198, 18, 0, 1])
        };
        assert_eq!(judged(home.clone()).status, Status::Fail);
        // The same adapter up with an ordinary address, not carrying the default route: warn.
        let idle = Adapter {
            ipv4: vec![Ipv4Addr::new(10, 7, 0, 2)],
            ..home
        };
        assert_eq!(judged(idle).status, Status::Warn);
        // Windows' own Teredo tunnel (type 131) is not a VPN.
        let teredo = Adapter {
            if_type: Some(131),
            ..adapter(
                "Teredo Tunneling Pseudo-Interface",
                "Teredo Tunneling Pseudo-Interface",
                [10, 7, 0, 3],
            )
        };
        assert_eq!(judged(teredo).status, Status::Pass);
        // An Ethernet adapter (type 6) with an ordinary name is not a tunnel.
        let wifi = Adapter {
            if_type: Some(6),
            ..adapter("WLAN", "Intel(R) Wi-Fi 6 AX201", [10, 7, 0, 4])
        };
        assert_eq!(judged(wifi).status, Status::Pass);
    }

    #[test]
    fn idle_tunnel_or_client_warns_clean_passes_unknown_routes_error() {
        let req = Profile::builtin().expect("p").vpn;
        let tr = Tr::new(Lang::En);
        let adapters = vec![
            adapter("eth0", "", [192, 168, 1, 5]),
            adapter("tun0", "", [10, 9, 0, 2]),
        ];
        let route = vec!["eth0".to_string()];
        let f = VpnFacts {
            trace: None,
            adapters: &adapters,
            default_route: Some(&route),
            processes: &[],
        };
        assert_eq!(judge(&f, &req, &[], &tr).status, Status::Warn);
        let procs = vec!["v2rayN.exe".to_string()];
        let plain = vec![adapter("eth0", "", [192, 168, 1, 5])];
        let f = VpnFacts {
            trace: None,
            adapters: &plain,
            default_route: Some(&route),
            processes: &procs,
        };
        assert_eq!(judge(&f, &req, &[], &tr).status, Status::Warn);
        let f = VpnFacts {
            trace: None,
            adapters: &plain,
            default_route: Some(&route),
            processes: &[],
        };
        assert_eq!(judge(&f, &req, &[], &tr).status, Status::Pass);
        let f = VpnFacts {
            trace: None,
            adapters: &plain,
            default_route: None,
            processes: &[],
        };
        assert_eq!(judge(&f, &req, &[], &tr).status, Status::Error);
    }

    /// macOS keeps utun0–3 up for its own services, with no IPv4 address and no route: they
    /// carry nothing and do not warn. The same utun with an address (a VPN) does.
    #[test]
    fn idle_macos_utun_interfaces_do_not_warn() {
        let req = Profile::builtin().expect("p").vpn;
        let tr = Tr::new(Lang::En);
        let idle = |name: &str| Adapter {
            ipv4: vec![],
            ..adapter(name, "", [0, 0, 0, 0])
        };
        let mut adapters = vec![
            adapter("en0", "", [192, 168, 1, 5]),
            idle("utun0"),
            idle("utun1"),
            idle("utun2"),
            idle("utun3"),
        ];
        let route = vec!["en0".to_string()];
        let judged = |adapters: &[Adapter]| {
            let f = VpnFacts {
                trace: None,
                adapters,
                default_route: Some(&route),
                processes: &[],
            };
            judge(&f, &req, &[], &tr)
        };
        let r = judged(&adapters);
        assert_eq!(r.status, Status::Pass, "{r:?}");
        assert_eq!(r.measured["idle_tunnels"].as_array().map(Vec::len), Some(4));
        adapters.push(adapter("utun4", "", [10, 7, 0, 2]));
        let r = judged(&adapters);
        assert_eq!(r.status, Status::Warn);
        assert_eq!(r.measured["tunnel_adapters"][0], "utun4");
    }

    #[test]
    fn exit_country_outside_the_region_warns() {
        use crate::net::trace::{Trace, TraceError};
        let req = Profile::builtin().expect("p").vpn;
        let tr = Tr::new(Lang::ZhCn);
        let plain = vec![adapter("eth0", "", [192, 168, 1, 5])];
        let route = vec!["eth0".to_string()];
        let expected = vec!["CN".to_string()];
        let judge_with = |t: Result<Trace, TraceError>| {
            let f = VpnFacts {
                trace: Some(&t),
                adapters: &plain,
                default_route: Some(&route),
                processes: &[],
            };
            judge(&f, &req, &expected, &tr)
        };
        let home = judge_with(Ok(Trace {
            country: Some("CN".into()),
            warp: Some("off".into()),
        }));
        assert_eq!(home.status, Status::Pass);
        assert_eq!(home.measured["exit_country"], "CN");
        let abroad = judge_with(Ok(Trace {
            country: Some("US".into()),
            warp: Some("off".into()),
        }));
        assert_eq!(abroad.status, Status::Warn);
        assert!(abroad.summary.contains("US"));
        let warp = judge_with(Ok(Trace {
            country: Some("CN".into()),
            warp: Some("on".into()),
        }));
        assert_eq!(warp.status, Status::Warn);
        assert!(warp.summary.contains("WARP"));
        let unknown = judge_with(Err(TraceError::Request("timeout".into())));
        assert_eq!(unknown.status, Status::Pass);
        assert_eq!(unknown.measured["trace_error"], "timeout");
        let refused = judge_with(Err(TraceError::Status(403)));
        assert_eq!(refused.measured["trace_error"], "HTTP 403");
        assert!(unknown.summary.contains("无法确认"), "{}", unknown.summary);
    }
}
