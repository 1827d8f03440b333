//! Every network adapter on Windows from the IP Helper API (`GetAdaptersAddresses`): name the
//! user sees, driver description, interface type, whether it is up, and its IPv4 addresses.
//! Unlike sysinfo's list it keeps adapters with no hardware address — Wintun, the layer-3
//! driver under Clash/mihomo and sing-box TUN, WireGuard, Tailscale and many "加速器", has none
//! (Wine implements the same call, which the Windows tests use).

use super::net_facts::Adapter;
use std::net::Ipv4Addr;
use windows_sys::Win32::Foundation::{ERROR_BUFFER_OVERFLOW, NO_ERROR};
use windows_sys::Win32::NetworkManagement::IpHelper::{
    GAA_FLAG_SKIP_ANYCAST, GAA_FLAG_SKIP_DNS_SERVER, GAA_FLAG_SKIP_MULTICAST, GetAdaptersAddresses,
    IP_ADAPTER_ADDRESSES_LH,
};
use windows_sys::Win32::NetworkManagement::Ndis::IfOperStatusUp;
use windows_sys::Win32::Networking::WinSock::{AF_INET, AF_UNSPEC, SOCKADDR_IN};

/// A NUL-terminated UTF-16 string the call filled in ("" when absent).
fn wide(p: *const u16) -> String {
    if p.is_null() {
        return String::new();
    }
    // SAFETY: the API's strings are NUL-terminated; the length is found before reading.
    unsafe {
        let mut n = 0;
        while *p.add(n) != 0 {
            n += 1;
        }
        String::from_utf16_lossy(std::slice::from_raw_parts(p, n))
    }
}

/// The hardware address as "aa:bb:…", None when it has none (tunnels).
fn mac(bytes: &[u8]) -> Option<String> {
    (!bytes.is_empty() && bytes.iter().any(|b| *b != 0)).then(|| {
        bytes
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<Vec<_>>()
            .join(":")
    })
}

/// One adapter of the list the call filled in.
///
/// SAFETY (for the caller): `a` points into the buffer GetAdaptersAddresses filled, which is
/// alive while this runs.
unsafe fn adapter(a: &IP_ADAPTER_ADDRESSES_LH) -> Adapter {
    let mut ipv4 = Vec::new();
    let mut u = a.FirstUnicastAddress;
    while !u.is_null() {
        // SAFETY: a non-null list entry of the same buffer.
        let entry = unsafe { &*u };
        let sa = entry.Address.lpSockaddr;
        // SAFETY: a non-null socket address; its family says which struct it is.
        if !sa.is_null() && unsafe { (*sa).sa_family } == AF_INET {
            // SAFETY: an AF_INET address is a SOCKADDR_IN; any bit pattern of the u32 is valid.
            let raw = unsafe { (*sa.cast::<SOCKADDR_IN>()).sin_addr.S_un.S_addr };
            ipv4.push(Ipv4Addr::from(raw.to_ne_bytes()));
        }
        u = entry.Next;
    }
    let len = (a.PhysicalAddressLength as usize).min(a.PhysicalAddress.len());
    Adapter {
        name: wide(a.FriendlyName),
        description: wide(a.Description).trim().to_string(),
        up: Some(a.OperStatus == IfOperStatusUp),
        mac: mac(&a.PhysicalAddress[..len]),
        ipv4,
        if_type: Some(a.IfType),
    }
}

/// Every adapter Windows knows, up or down, with or without a hardware address.
pub fn adapters() -> Result<Vec<Adapter>, super::error::ProbeError> {
    let flags = GAA_FLAG_SKIP_ANYCAST | GAA_FLAG_SKIP_MULTICAST | GAA_FLAG_SKIP_DNS_SERVER;
    // Microsoft's advice: start with 15 KB; an adapter added between two calls makes the
    // second one ask for more, so a few tries.
    let mut size: u32 = 15 * 1024;
    for _ in 0..4 {
        // u64 elements keep the buffer aligned for the structures written into it.
        let mut buf = vec![0u64; (size as usize).div_ceil(8)];
        let first = buf.as_mut_ptr().cast::<IP_ADAPTER_ADDRESSES_LH>();
        // SAFETY: `buf` is writable for `size` bytes, as the call is told.
        let err = unsafe {
            GetAdaptersAddresses(
                u32::from(AF_UNSPEC),
                flags,
                std::ptr::null(),
                first,
                &mut size,
            )
        };
        if err == ERROR_BUFFER_OVERFLOW {
            continue;
        }
        if err != NO_ERROR {
            return Err(super::error::ProbeError::system(
                "GetAdaptersAddresses",
                std::io::Error::from_raw_os_error(err as i32),
            ));
        }
        let mut out = Vec::new();
        let mut p = first;
        while !p.is_null() {
            // SAFETY: a non-null entry of the list in `buf`, which outlives this loop.
            let a = unsafe { &*p };
            // SAFETY: as above.
            out.push(unsafe { adapter(a) });
            p = a.Next;
        }
        return Ok(out);
    }
    Err(super::error::ProbeError::system(
        "GetAdaptersAddresses",
        "the adapter list kept growing",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hardware_addresses_are_written_and_tunnels_have_none() {
        assert_eq!(
            mac(&[0x00, 0x15, 0x5d, 0x01, 0x02, 0x0a]).as_deref(),
            Some("00:15:5d:01:02:0a")
        );
        assert_eq!(mac(&[]), None);
        assert_eq!(mac(&[0, 0, 0, 0, 0, 0]), None);
    }

    #[test]
    fn the_adapter_list_includes_the_loopback_and_names_every_adapter() {
        // Wine and Windows both list a loopback adapter (type 24) holding 127.0.0.1.
        let list = adapters().expect("GetAdaptersAddresses");
        assert!(list.iter().all(|a| !a.name.is_empty()), "{list:?}");
        assert!(
            list.iter()
                .any(|a| a.ipv4.contains(&Ipv4Addr::LOCALHOST) && a.if_type == Some(24)),
            "{list:?}"
        );
    }
}
