//! Work shared by the app's steps and the `analyze-*` commands: the same code judges a live
//! camera and a recording, so support reproduces exactly what the seller saw.

pub mod book;
pub mod commands;
pub mod digit_reading;
pub mod frame_folder;
pub mod listening;
pub mod live_camera;
pub mod mic_opening;
pub mod pan_replay;
pub mod reading;
pub mod recordings;
pub mod sources;
pub mod verdicts;
