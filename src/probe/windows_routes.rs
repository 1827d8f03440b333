//! The IPv4 routing table on Windows from the IP Helper API (`GetIpForwardTable2`), each route
//! named by its interface's alias (`ConvertInterfaceLuidToAlias`: "WLAN", "以太网", "Meta") —
//! the names sysinfo gives the adapters. No program is started and no output is parsed, so
//! the display language does not matter (Wine implements the same calls, which the Windows
//! unit tests use).

use super::net_facts::Route;
use std::net::Ipv4Addr;
use windows_sys::Win32::NetworkManagement::IpHelper::{
    ConvertInterfaceLuidToAlias, FreeMibTable, GetIpForwardTable2, MIB_IPFORWARD_TABLE2,
};
use windows_sys::Win32::NetworkManagement::Ndis::NET_LUID_LH;
use windows_sys::Win32::Networking::WinSock::{AF_INET, SOCKADDR_INET};

/// The mask of a prefix length (0–32).
fn mask(len: u8) -> Ipv4Addr {
    match len {
        0 => Ipv4Addr::UNSPECIFIED,
        n => Ipv4Addr::from(u32::MAX << (32 - u32::from(n.min(32)))),
    }
}

/// An IPv4 address from a SOCKADDR_INET the table filled for AF_INET.
fn ipv4(a: &SOCKADDR_INET) -> Ipv4Addr {
    // SAFETY: the table was asked for AF_INET, so every address is the Ipv4 variant; reading
    // a u32 out of the union is valid for any bit pattern.
    let raw = unsafe { a.Ipv4.sin_addr.S_un.S_addr };
    // S_addr is in network byte order as stored in memory.
    Ipv4Addr::from(raw.to_ne_bytes())
}

/// The alias of an interface ("WLAN"), or its LUID as a number when it has none.
fn alias(luid: &NET_LUID_LH) -> String {
    let mut buf = [0u16; 257];
    // SAFETY: buf is writable for its length in characters, as the call expects.
    let err = unsafe { ConvertInterfaceLuidToAlias(luid, buf.as_mut_ptr(), buf.len()) };
    if err != 0 {
        // SAFETY: every bit pattern of the union is a valid u64.
        return format!("luid:{}", unsafe { luid.Value });
    }
    let end = buf.iter().position(|&c| c == 0).unwrap_or(buf.len());
    String::from_utf16_lossy(&buf[..end])
}

/// Every IPv4 route of the machine.
pub fn routes() -> Result<Vec<Route>, super::error::ProbeError> {
    let mut table: *mut MIB_IPFORWARD_TABLE2 = std::ptr::null_mut();
    // SAFETY: on success the call points `table` at a table it allocated, freed below.
    let err = unsafe { GetIpForwardTable2(AF_INET, &mut table) };
    if err != 0 || table.is_null() {
        return Err(super::error::ProbeError::system(
            "GetIpForwardTable2",
            std::io::Error::from_raw_os_error(err as i32),
        ));
    }
    // SAFETY: the table holds NumEntries rows laid out after its header.
    let rows = unsafe {
        std::slice::from_raw_parts((*table).Table.as_ptr(), (*table).NumEntries as usize)
    };
    let out = rows
        .iter()
        .map(|row| Route {
            interface: alias(&row.InterfaceLuid),
            destination: ipv4(&row.DestinationPrefix.Prefix),
            mask: mask(row.DestinationPrefix.PrefixLength),
            gateway: ipv4(&row.NextHop),
        })
        .collect();
    // SAFETY: allocated by GetIpForwardTable2, freed once.
    unsafe { FreeMibTable(table.cast()) };
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::probe::net_facts::{default_route_interfaces, parse_proc_net_route};

    #[test]
    fn prefix_lengths_become_masks() {
        assert_eq!(mask(0), Ipv4Addr::UNSPECIFIED);
        assert_eq!(mask(1), Ipv4Addr::new(128, 0, 0, 0));
        assert_eq!(mask(24), Ipv4Addr::new(255, 255, 255, 0));
        assert_eq!(mask(32), Ipv4Addr::BROADCAST);
    }

    /// Under Wine (CI) the API answers with the Linux host's routes, which the test can also
    /// read from /proc through Wine's Z: drive: both must name the same default route. On a
    /// real Windows there is no Z:\proc, and the table just has to be readable.
    #[test]
    fn the_ip_helper_table_matches_the_hosts_routes_under_wine() {
        let routes = routes().expect("GetIpForwardTable2");
        assert!(!routes.is_empty(), "no routes at all");
        assert!(routes.iter().all(|r| !r.interface.is_empty()));
        if let Ok(text) = std::fs::read_to_string(r"Z:\proc\net\route") {
            let host = default_route_interfaces(&parse_proc_net_route(&text));
            let ours = default_route_interfaces(&routes);
            assert_eq!(ours, host);
            eprintln!("default route via {ours:?} (host: {host:?})");
        }
    }
}
