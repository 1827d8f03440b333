//! Seller Self-Check (视频验证自检助手): checks a seller's computer, camera, microphone and
//! network against a marketplace's live video identity verification, before the real attempt.
//!
//! Layers (see README): `analysis` (pure math), `probe` (read machine facts), `capture`
//! (camera and microphone), `net` (bounded network measurements), `checks` (verdicts),
//! `report` (JSON/HTML/text), `gui` (the app). The CLI and the GUI share `plan` and `runner`.

pub mod analysis;
pub mod app_log;
pub mod bench;
pub mod capture;
pub mod checks;
pub mod cli;
#[doc(hidden)]
pub mod fuzz_harness;
#[cfg(feature = "gui")]
pub mod gui;
pub mod i18n;
pub mod memory;
pub mod net;
pub mod plan;
pub mod probe;
pub mod profile;
pub mod report;
pub mod runner;
pub mod session;
pub mod time_bound;
