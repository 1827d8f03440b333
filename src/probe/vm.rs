//! Facts that tell a virtual machine from a physical one: the CPUID hypervisor leaf, firmware
//! (DMI/SMBIOS) strings and network-card vendor prefixes.

use serde::{Deserialize, Serialize};

/// Raw evidence; `None` means "could not be read here", never "no".
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct VmFacts {
    /// CPUID leaf 1, ECX bit 31.
    pub hypervisor_bit: Option<bool>,
    /// The 12-byte vendor of CPUID leaf 0x40000000, e.g. "KVMKVMKVM".
    pub hypervisor_vendor: Option<String>,
    /// For Microsoft's hypervisor: leaf 0x40000003 EBX bit 0 (CreatePartitions) — set only in
    /// the root partition, i.e. on a Windows host running Hyper-V, VBS, WSL2 or Sandbox.
    pub root_partition: Option<bool>,
    /// Firmware strings as (field, value), e.g. ("sys_vendor", "QEMU").
    pub firmware: Vec<(String, String)>,
    /// Whether firmware strings could be read at all on this OS.
    pub firmware_readable: bool,
    /// The "hypervisor" flag in /proc/cpuinfo (Linux).
    pub cpuinfo_hypervisor_flag: Option<bool>,
    /// MAC addresses of network adapters, lower-case "aa:bb:cc:dd:ee:ff".
    pub macs: Vec<String>,
}

/// Reads all facts this OS offers.
pub fn probe() -> VmFacts {
    let mut facts = VmFacts::default();
    read_cpuid(&mut facts);
    read_firmware(&mut facts);
    facts.macs = super::net_facts::adapters()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|a| a.mac)
        .collect();
    facts
}

#[cfg(target_arch = "x86_64")]
fn read_cpuid(facts: &mut VmFacts) {
    use std::arch::x86_64::__cpuid;
    // SAFETY: CPUID exists on every x86_64 processor and only reads registers.
    #[allow(unused_unsafe)]
    let leaf1 = unsafe { __cpuid(1) };
    let present = leaf1.ecx & (1 << 31) != 0;
    facts.hypervisor_bit = Some(present);
    if !present {
        return;
    }
    #[allow(unused_unsafe)]
    let base = unsafe { __cpuid(0x4000_0000) };
    let mut bytes = Vec::with_capacity(12);
    for reg in [base.ebx, base.ecx, base.edx] {
        bytes.extend_from_slice(&reg.to_le_bytes());
    }
    let vendor = vendor_string(&bytes);
    if vendor == "Microsoft Hv" && base.eax >= 0x4000_0003 {
        #[allow(unused_unsafe)]
        let features = unsafe { __cpuid(0x4000_0003) };
        facts.root_partition = Some(features.ebx & 1 != 0);
    }
    facts.hypervisor_vendor = Some(vendor);
}

#[cfg(not(target_arch = "x86_64"))]
fn read_cpuid(_facts: &mut VmFacts) {}

/// CPUID vendor bytes → text, without trailing NULs.
pub fn vendor_string(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .trim_end_matches('\0')
        .to_string()
}

#[cfg(target_os = "linux")]
fn read_firmware(facts: &mut VmFacts) {
    const FIELDS: [&str; 7] = [
        "sys_vendor",
        "product_name",
        "product_version",
        "board_vendor",
        "board_name",
        "bios_vendor",
        "chassis_vendor",
    ];
    for field in FIELDS {
        if let Ok(v) = std::fs::read_to_string(format!("/sys/class/dmi/id/{field}")) {
            facts.firmware_readable = true;
            let v = v.trim();
            if !v.is_empty() {
                facts.firmware.push((field.to_string(), v.to_string()));
            }
        }
    }
    if let Ok(cpuinfo) = std::fs::read_to_string("/proc/cpuinfo") {
        facts.cpuinfo_hypervisor_flag = Some(cpuinfo_has_hypervisor_flag(&cpuinfo));
    }
}

#[cfg(not(target_os = "linux"))]
fn read_firmware(_facts: &mut VmFacts) {}

/// True when a "flags" line of /proc/cpuinfo lists "hypervisor".
pub fn cpuinfo_has_hypervisor_flag(cpuinfo: &str) -> bool {
    cpuinfo.lines().any(|l| {
        l.starts_with("flags")
            && l.split(':')
                .nth(1)
                .is_some_and(|f| f.split_whitespace().any(|w| w == "hypervisor"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vendor_bytes_decode() {
        assert_eq!(vendor_string(b"KVMKVMKVM\0\0\0"), "KVMKVMKVM");
        assert_eq!(vendor_string(b"Microsoft Hv"), "Microsoft Hv");
    }

    #[test]
    fn cpuinfo_flag_parsing() {
        let guest = "processor\t: 0\nflags\t\t: fpu vme de pse hypervisor lahf_lm\n";
        let host = "processor\t: 0\nflags\t\t: fpu vme de pse lahf_lm\n";
        assert!(cpuinfo_has_hypervisor_flag(guest));
        assert!(!cpuinfo_has_hypervisor_flag(host));
    }

    #[cfg(target_arch = "x86_64")]
    #[test]
    fn this_machine_reads_cpuid() {
        let f = probe();
        assert!(f.hypervisor_bit.is_some());
    }
}
