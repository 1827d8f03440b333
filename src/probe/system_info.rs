//! The OS and CPU for the report header (`plan::machine`). No host name, user name, MAC or IP
//! address is read here.

/// OS and CPU only (fast, no devices opened).
pub fn os_and_cpu() -> (String, String) {
    let os = sysinfo::System::long_os_version()
        .or_else(|_| sysinfo::System::name())
        .unwrap_or_else(|_| std::env::consts::OS.to_string());
    let Ok(mut sys) = sysinfo::System::new() else {
        return (os, std::env::consts::ARCH.to_string());
    };
    sys.refresh_cpu_list(sysinfo::CpuRefreshKind::nothing());
    let cpus = sys.cpus();
    let brand = cpus
        .first()
        .map(|c| c.brand().trim().to_string())
        .filter(|b| !b.is_empty())
        .unwrap_or_else(|| std::env::consts::ARCH.to_string());
    let cpu = format!("{brand} ×{}", cpus.len().max(1));
    (os, cpu)
}
