//! Where the app's pictures, sound and speed test come from: the real devices by default;
//! replayed media and a local speed-test sink when started with the matching flags (used by
//! tests, and by support to reproduce what a seller sent).

use crate::capture::camera::CameraSource;
use crate::capture::microphone::MicSource;
use std::path::PathBuf;

#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub camera_replay: Option<PathBuf>,
    pub mic_replay: Option<PathBuf>,
    pub upload_url: Option<String>,
    pub no_network: bool,
}

/// The seller's device choices, remembered between runs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Prefs {
    pub camera_index: u32,
    pub microphone: Option<String>,
}

impl Sources {
    pub fn camera(&self, prefs: &Prefs) -> CameraSource {
        match &self.camera_replay {
            Some(p) => CameraSource::Replay(p.clone()),
            None => CameraSource::Device(prefs.camera_index),
        }
    }

    pub fn microphone(&self, prefs: &Prefs) -> MicSource {
        match &self.mic_replay {
            Some(p) => MicSource::Replay(p.clone()),
            None => MicSource::Device(prefs.microphone.clone()),
        }
    }
}
