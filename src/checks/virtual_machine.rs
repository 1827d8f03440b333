//! `system.virtual_machine`: the platform rejects virtual machines outright.
//!
//! Strong evidence (fail): a guest hypervisor vendor in CPUID, VM firmware strings. Weak
//! evidence (warn): the hypervisor bit alone, VM network-card prefixes (only when the CPU does
//! not say this is the host: a host has such adapters for its own VMs). A Windows host that
//! runs Hyper-V, VBS, WSL2 or Sandbox shows "Microsoft Hv" too, but in the root partition —
//! that is a physical PC and passes.

use super::ids::SYSTEM_VIRTUAL_MACHINE;
use super::model::{CheckResult, Status};
use crate::i18n::Tr;
use crate::probe::vm::VmFacts;
use crate::profile::VirtualMachineReq;

pub fn judge(facts: &VmFacts, req: &VirtualMachineReq, tr: &Tr) -> CheckResult {
    let mut strong: Vec<String> = Vec::new();
    let mut weak: Vec<String> = Vec::new();
    let mut host_note = false;

    if let Some(vendor) = &facts.hypervisor_vendor {
        let known = req.hypervisor_vendors.iter().any(|v| v == vendor);
        let host_capable = req.host_capable_vendors.iter().any(|v| v == vendor);
        match (known, host_capable, facts.root_partition) {
            (_, true, Some(true)) => host_note = true,
            (_, true, None) => weak.push(format!("cpuid:{vendor} (root partition unknown)")),
            (true, _, _) => strong.push(format!("cpuid:{vendor}")),
            (false, _, _) => weak.push(format!("cpuid:{vendor}")),
        }
    } else if facts.hypervisor_bit == Some(true) {
        weak.push("cpuid:hypervisor-bit".to_string());
    }
    for (field, value) in &facts.firmware {
        let lower = value.to_lowercase();
        if req
            .dmi_markers
            .iter()
            .any(|m| lower.contains(&m.to_lowercase()))
        {
            strong.push(format!("dmi:{field}={value}"));
        }
    }
    if facts.vmm_present == Some(true) {
        strong.push("sysctl:kern.hv_vmm_present=1".to_string());
    }
    // A host's own adapters for its VMs (VirtualBox host-only, VMware's VMnet, the Hyper-V
    // switch of WSL2 and Docker) carry VM prefixes; on a PC whose CPU says it is not a guest (no
    // hypervisor bit, or Hyper-V's root partition) they are not a sign that this PC is virtual.
    // A guest network card's prefix (08:00:27, 00:0c:29, 52:54:00, …) still is.
    let cpu_says_host = facts.hypervisor_bit == Some(false) || host_note;
    let host_side = |prefix: &str| {
        cpu_says_host
            && req
                .host_adapter_mac_prefixes
                .iter()
                .any(|h| h.eq_ignore_ascii_case(prefix))
    };
    for mac in &facts.macs {
        let mac = mac.to_lowercase();
        if let Some(prefix) = req
            .mac_prefixes
            .iter()
            .find(|p| mac.starts_with(&p.to_lowercase()) && !host_side(p))
        {
            let s = format!("mac-prefix:{}", prefix.to_lowercase());
            if !weak.contains(&s) {
                weak.push(s);
            }
        }
    }
    if facts.cpuinfo_hypervisor_flag == Some(true)
        && !host_note
        && strong.is_empty()
        && weak.is_empty()
    {
        weak.push("cpuinfo:hypervisor".to_string());
    }

    let readable =
        facts.hypervisor_bit.is_some() || facts.firmware_readable || facts.vmm_present.is_some();
    let signals: Vec<String> = strong.iter().chain(weak.iter()).cloned().collect();
    let base = |status| {
        CheckResult::new(SYSTEM_VIRTUAL_MACHINE, status, tr)
            .measured("signals", signals.clone())
            .measured(
                "hypervisor_vendor",
                facts
                    .hypervisor_vendor
                    .clone()
                    .map_or(serde_json::Value::Null, Into::into),
            )
            .measured("hyperv_host", host_note)
            .threshold("allowed", false)
    };
    if !strong.is_empty() {
        base(Status::Fail)
            .summary(tr.f("vm-summary-guest", &[("signals", strong.join(", "))]))
            .advice(tr.t("vm-advice"))
    } else if !weak.is_empty() {
        base(Status::Warn)
            .summary(tr.f("vm-summary-weak", &[("signals", weak.join(", "))]))
            .advice(tr.t("vm-advice"))
    } else if !readable {
        CheckResult::error(SYSTEM_VIRTUAL_MACHINE, tr, tr.t("vm-summary-unreadable"))
    } else if host_note {
        base(Status::Pass).summary(tr.t("vm-summary-hyperv-host"))
    } else {
        base(Status::Pass).summary(tr.t("vm-summary-physical"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::profile::Profile;

    fn req() -> VirtualMachineReq {
        Profile::builtin().expect("profile").virtual_machine
    }

    fn cpuid(vendor: Option<&str>, root: Option<bool>) -> VmFacts {
        VmFacts {
            hypervisor_bit: Some(vendor.is_some()),
            hypervisor_vendor: vendor.map(str::to_string),
            root_partition: root,
            ..VmFacts::default()
        }
    }

    #[test]
    fn guests_fail_by_cpuid_vendor() {
        let tr = Tr::new(Lang::En);
        for v in [
            "KVMKVMKVM",
            "VMwareVMware",
            "VBoxVBoxVBox",
            "XenVMMXenVMM",
            "TCGTCGTCGTCG",
            " lrpepyh vr",
        ] {
            let r = judge(&cpuid(Some(v), None), &req(), &tr);
            assert_eq!(r.status, Status::Fail, "{v}");
            assert!(
                r.measured["signals"][0]
                    .as_str()
                    .is_some_and(|s| s.contains(v))
            );
        }
    }

    #[test]
    fn hyperv_host_passes_and_hyperv_guest_fails() {
        let tr = Tr::new(Lang::En);
        // Windows 11 host with VBS/WSL2: Microsoft Hv, CreatePartitions set.
        let host = judge(&cpuid(Some("Microsoft Hv"), Some(true)), &req(), &tr);
        assert_eq!(host.status, Status::Pass);
        assert_eq!(host.measured["hyperv_host"], true);
        // A Hyper-V guest (e.g. Azure VM or Windows Sandbox inside): flag clear.
        let guest_facts = VmFacts {
            firmware: vec![("product_name".into(), "Virtual Machine".into())],
            firmware_readable: true,
            ..cpuid(Some("Microsoft Hv"), Some(false))
        };
        assert_eq!(judge(&guest_facts, &req(), &tr).status, Status::Fail);
        let guest_cpuid_only = judge(&cpuid(Some("Microsoft Hv"), Some(false)), &req(), &tr);
        assert_eq!(guest_cpuid_only.status, Status::Fail);
    }

    #[test]
    fn physical_pc_passes_and_dmi_alone_fails() {
        let tr = Tr::new(Lang::ZhCn);
        let physical = VmFacts {
            hypervisor_bit: Some(false),
            firmware: vec![
                ("sys_vendor".into(), "LENOVO".into()),
                ("product_name".into(), "20XW0055CD".into()),
            ],
            firmware_readable: true,
            cpuinfo_hypervisor_flag: Some(false),
            macs: vec!["8c:16:45:aa:bb:cc".into()],
            ..VmFacts::default()
        };
        assert_eq!(judge(&physical, &req(), &tr).status, Status::Pass);
        // VirtualBox guest with the hypervisor leaf hidden: DMI still tells.
        let vbox = VmFacts {
            hypervisor_bit: Some(false),
            firmware: vec![
                ("sys_vendor".into(), "innotek GmbH".into()),
                ("product_name".into(), "VirtualBox".into()),
            ],
            firmware_readable: true,
            ..VmFacts::default()
        };
        let r = judge(&vbox, &req(), &tr);
        assert_eq!(r.status, Status::Fail);
        assert_eq!(r.measured["signals"].as_array().map(Vec::len), Some(2));
        // macOS guests: VMware Fusion's ioreg strings; Apple silicon under
        // Virtualization.framework shows only kern.hv_vmm_present and a VirtualMac model.
        let fusion = VmFacts {
            firmware: crate::probe::vm::parse_ioreg_platform(
                "\"manufacturer\" = <\"VMware, Inc.\">\n\"model\" = <\"VMware7,1\">\n",
            ),
            firmware_readable: true,
            vmm_present: Some(true),
            ..VmFacts::default()
        };
        let r = judge(&fusion, &req(), &tr);
        assert_eq!(r.status, Status::Fail);
        assert!(
            r.measured["signals"]
                .to_string()
                .contains("kern.hv_vmm_present")
        );
        let apple_vm = VmFacts {
            firmware: vec![("model".into(), "VirtualMac2,1".into())],
            firmware_readable: true,
            vmm_present: Some(true),
            ..VmFacts::default()
        };
        assert_eq!(judge(&apple_vm, &req(), &tr).status, Status::Fail);
        let real_mac = VmFacts {
            firmware: vec![
                ("manufacturer".into(), "Apple Inc.".into()),
                ("model".into(), "MacBookPro18,1".into()),
            ],
            firmware_readable: true,
            vmm_present: Some(false),
            ..VmFacts::default()
        };
        assert_eq!(judge(&real_mac, &req(), &tr).status, Status::Pass);
        // Windows: the registry's SMBIOS copy in a Hyper-V guest.
        let hyperv_guest = VmFacts {
            firmware: vec![
                ("SystemManufacturer".into(), "Microsoft Corporation".into()),
                ("SystemProductName".into(), "Virtual Machine".into()),
            ],
            firmware_readable: true,
            ..VmFacts::default()
        };
        assert_eq!(judge(&hyperv_guest, &req(), &tr).status, Status::Fail);
    }

    #[test]
    fn weak_evidence_warns_and_nothing_readable_is_error() {
        let tr = Tr::new(Lang::En);
        let mac_only = VmFacts {
            hypervisor_bit: Some(false),
            macs: vec!["08:00:27:12:34:56".into()],
            ..VmFacts::default()
        };
        let r = judge(&mac_only, &req(), &tr);
        assert_eq!(r.status, Status::Warn);
        assert_eq!(r.measured["signals"][0], "mac-prefix:08:00:27");
        // A physical PC running VirtualBox, VMware Workstation and WSL2 has host-side adapters
        // with those prefixes: with no hypervisor bit (or as Hyper-V's root) that is a pass.
        let host_adapters = vec![
            "0a:00:27:00:00:0b".to_string(),
            "00:50:56:c0:00:08".to_string(),
            "00:15:5d:7e:21:04".to_string(),
        ];
        let plain_host = VmFacts {
            hypervisor_bit: Some(false),
            macs: host_adapters.clone(),
            ..VmFacts::default()
        };
        assert_eq!(judge(&plain_host, &req(), &tr).status, Status::Pass);
        let hyperv_root = VmFacts {
            macs: host_adapters.clone(),
            ..cpuid(Some("Microsoft Hv"), Some(true))
        };
        assert_eq!(judge(&hyperv_root, &req(), &tr).status, Status::Pass);
        // The same adapters where the CPU shows a hypervisor of unknown role still warn.
        let unknown_role = VmFacts {
            hypervisor_bit: Some(true),
            macs: host_adapters,
            ..VmFacts::default()
        };
        assert_eq!(judge(&unknown_role, &req(), &tr).status, Status::Warn);
        assert_eq!(
            judge(&VmFacts::default(), &req(), &tr).status,
            Status::Error
        );
    }
}
