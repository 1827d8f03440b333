//! The details that identify the computer, in a report only when the seller chose to include
//! them for support (collected by `probe::identity`).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Identity {
    pub host_name: Option<String>,
    pub user_name: Option<String>,
    pub adapters: Vec<AdapterIdentity>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AdapterIdentity {
    pub name: String,
    pub mac: Option<String>,
    /// Every address with its prefix length, IPv4 and IPv6.
    pub addresses: Vec<String>,
}
