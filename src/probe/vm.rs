//! Facts that tell a virtual machine from a physical one: the CPUID hypervisor leaf, firmware
//! (DMI/SMBIOS) strings — Linux `/sys/class/dmi/id`, the Windows registry copy of SMBIOS,
//! macOS `ioreg` — macOS `kern.hv_vmm_present`, and network-card vendor prefixes.

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
    /// macOS `sysctl kern.hv_vmm_present`: 1 inside a virtual machine (Intel and Apple silicon).
    #[serde(default)]
    pub vmm_present: Option<bool>,
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

#[cfg(windows)]
fn read_firmware(facts: &mut VmFacts) {
    if let Ok(strings) = super::windows::bios_strings() {
        facts.firmware_readable = true;
        facts.firmware = strings;
    }
}

#[cfg(target_os = "macos")]
fn read_firmware(facts: &mut VmFacts) {
    use super::command::run;
    let t = std::time::Duration::from_secs(5);
    if let Ok(o) = run("ioreg", &["-rd1", "-c", "IOPlatformExpertDevice"], t)
        && o.success
    {
        facts.firmware_readable = true;
        facts.firmware = parse_ioreg_platform(&o.stdout);
    }
    if let Ok(o) = run("sysctl", &["-n", "kern.hv_vmm_present"], t)
        && o.success
    {
        facts.vmm_present = parse_sysctl_flag(&o.stdout);
    }
}

#[cfg(not(any(target_os = "linux", target_os = "macos", windows)))]
fn read_firmware(_facts: &mut VmFacts) {}

/// The platform strings of `ioreg -rd1 -c IOPlatformExpertDevice` that name the maker and
/// model (`"manufacturer" = <"VMware, Inc.">`, `"model" = <"VMware7,1">`); serial numbers
/// and UUIDs, which identify the machine, are left out.
pub fn parse_ioreg_platform(text: &str) -> Vec<(String, String)> {
    const KEYS: [&str; 4] = ["manufacturer", "model", "product-name", "target-type"];
    let mut out = Vec::new();
    for line in text.lines() {
        let Some((key, value)) = line.trim().split_once(" = ") else {
            continue;
        };
        let key = key.trim().trim_matches('"');
        if !KEYS.contains(&key) {
            continue;
        }
        // Data values look like <"VMware7,1"> (a NUL may end the string inside the quotes).
        let v = value
            .trim()
            .trim_start_matches('<')
            .trim_end_matches('>')
            .trim_matches('"')
            .trim_end_matches('\0')
            .trim();
        if !v.is_empty() && !out.iter().any(|(k, _): &(String, String)| k == key) {
            out.push((key.to_string(), v.to_string()));
        }
    }
    out
}

/// `sysctl -n` output of a 0/1 value.
pub fn parse_sysctl_flag(text: &str) -> Option<bool> {
    match text.trim() {
        "1" => Some(true),
        "0" => Some(false),
        _ => None,
    }
}

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

    /// `ioreg -rd1 -c IOPlatformExpertDevice` in a VMware Fusion guest (abridged: the lines
    /// around the ones read).
    const IOREG_VMWARE: &str = r#"+-o Root  <class IORegistryEntry, id 0x100000100, retain 12>
  {
    "IOPlatformSerialNumber" = "VMFh8Kx2Qs1A"
    "compatible" = <"VMware7,1">
    "version" = <"None">
    "board-id" = <"440BX Desktop Reference Platform">
    "manufacturer" = <"VMware, Inc.">
    "model" = <"VMware7,1">
    "IOPlatformUUID" = "564D3B2C-1111-2222-3333-444455556666"
    "product-name" = <"VMware7,1">
  }
"#;
    /// The same on an Apple silicon MacBook Pro.
    const IOREG_MAC: &str = r#"+-o J316sAP  <class IOPlatformExpertDevice, id 0x100000202, registered, matched, active, busy 0 (172 ms), retain 32>
    {
      "manufacturer" = <"Apple Inc.">
      "IOPlatformSerialNumber" = "C02XXXXXXXXX"
      "model" = <"MacBookPro18,1">
      "target-type" = <"J316s">
      "product-name" = <"MacBook Pro (16-inch, 2021)">
    }
"#;

    #[test]
    fn macos_platform_strings_without_serials() {
        let vm = parse_ioreg_platform(IOREG_VMWARE);
        assert!(vm.contains(&("manufacturer".into(), "VMware, Inc.".into())));
        assert!(vm.contains(&("model".into(), "VMware7,1".into())));
        assert!(!format!("{vm:?}").contains("VMFh8Kx2Qs1A"), "no serial");
        assert!(!format!("{vm:?}").contains("564D3B2C"), "no UUID");
        let mac = parse_ioreg_platform(IOREG_MAC);
        assert_eq!(mac[0], ("manufacturer".into(), "Apple Inc.".into()));
        assert!(mac.contains(&("model".into(), "MacBookPro18,1".into())));
        assert_eq!(parse_sysctl_flag("1\n"), Some(true));
        assert_eq!(parse_sysctl_flag("0"), Some(false));
        assert_eq!(parse_sysctl_flag("sysctl: unknown oid"), None);
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
