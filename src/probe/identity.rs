//! Details that identify this computer, collected only when the seller chooses to include
//! them for support (`check --include-identity`, or the box on the app's report screen):
//! computer name, user name, and each network adapter's full addresses and hardware (MAC)
//! address. Never collected otherwise.

use crate::report::identity::{AdapterIdentity, Identity};

/// Reads the details now. Missing pieces stay empty; nothing here fails the report.
pub fn collect() -> Identity {
    let user_name = ["USERNAME", "USER", "LOGNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()));
    let mut adapters: Vec<AdapterIdentity> = sysinfo::Networks::new_with_refreshed_list()
        .map(|networks| {
            networks
                .iter()
                .map(|(name, data)| {
                    let mac = data.mac_address().to_string().to_lowercase();
                    AdapterIdentity {
                        name: name.to_string_lossy().into_owned(),
                        mac: (mac != "00:00:00:00:00:00").then_some(mac),
                        addresses: data
                            .ip_networks()
                            .iter()
                            .map(|n| format!("{}/{}", n.addr, n.prefix))
                            .collect(),
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    adapters.sort_by(|a, b| a.name.cmp(&b.name));
    Identity {
        host_name: sysinfo::System::host_name().ok().filter(|h| !h.is_empty()),
        user_name,
        adapters,
    }
}
