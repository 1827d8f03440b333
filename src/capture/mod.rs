//! Camera (nokhwa) and microphone (cpal) access. Device enumeration lives here; capture
//! threads and replay sources join it as the camera and audio work lands.

pub mod camera;
pub mod camera_stats;
pub mod clock;
pub mod com_thread;
pub mod devices;
pub mod image_file;
pub mod microphone;
pub mod quiet_stderr;
pub mod wav_file;
