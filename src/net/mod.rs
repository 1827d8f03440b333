//! Network measurements, each bounded in time and bytes. Only the profile's hosts are
//! contacted.

pub mod latency;
pub mod trace;
pub mod upload;
pub mod upload_rate;
