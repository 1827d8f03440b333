//! Verdicts: each check turns facts or measurements plus the profile into a `CheckResult`.
//! Nothing here does I/O, so every verdict is testable from recorded facts of any OS.

pub mod audio;
pub mod audio_device;
pub mod browser;
pub mod camera;
pub mod card;
pub mod catalogue;
pub mod checklist;
pub mod device_privacy;
pub mod ids;
pub mod image;
pub mod judged;
pub mod latency;
pub mod lip_sync;
pub mod model;
pub mod pan;
pub mod pan_far_search;
pub mod pan_turn;
pub mod provenance;
pub mod proxy;
pub mod remote_desktop;
pub mod time_of_day;
pub mod upload;
pub mod virtual_camera;
pub mod virtual_machine;
pub mod vpn;

pub use judged::Judged;
pub use model::{CheckResult, Status};
pub use provenance::Provenance;
