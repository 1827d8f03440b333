//! Read-only facts about the machine. Each probe returns raw facts; the `checks` layer judges
//! them. Per-OS readers are small and sit at the edge; parsers of OS output are plain functions
//! tested on captured text.

pub mod browser_proxy;
pub mod browsers;
pub mod command;
pub mod device_consent;
pub mod env_vars;
pub mod error;
pub mod firefox_policy;
pub mod identity;
pub mod net_facts;
pub mod processes;
pub mod proxy;
pub mod proxy_extensions;
pub mod remote_session;
pub mod system_info;
pub mod vm;
#[cfg(windows)]
pub mod windows;
#[cfg(windows)]
pub mod windows_adapters;
#[cfg(windows)]
pub mod windows_browsers;
#[cfg(windows)]
pub mod windows_routes;
