//! Gathers the report header's facts about this machine: OS, CPU, and the devices the checks
//! used — the real camera and microphone asked within a time bound (a driver that blocks must
//! not stop the report), or the recordings that stood in for them.

use crate::capture::camera::CameraSource;
use crate::capture::microphone::MicSource;
use crate::probe;
use crate::report::header::{DeviceFact, MachineFacts};
use crate::time_bound::within;
use std::time::Duration;

/// Seconds a device list may take before the report says the device does not respond.
const DEVICE_QUERY_S: u64 = 5;

/// The machine with the devices `camera` and `microphone` name.
pub fn gather(camera: &CameraSource, microphone: &MicSource) -> MachineFacts {
    let (os, cpu) = probe::system_info::os_and_cpu();
    let limit = Duration::from_secs(DEVICE_QUERY_S);
    let camera = match camera {
        CameraSource::Replay(path) => DeviceFact::replayed(path),
        CameraSource::Device(_) => {
            match within("device query", limit, crate::capture::devices::camera_names) {
                Some(Ok(names)) if !names.is_empty() => DeviceFact::Named(names),
                Some(Ok(_)) => DeviceFact::NoneFound,
                Some(Err(e)) => DeviceFact::Unreadable(e.to_string()),
                None => DeviceFact::NotResponding(DEVICE_QUERY_S),
            }
        }
    };
    let microphone = match microphone {
        MicSource::Replay(path) => DeviceFact::replayed(path),
        MicSource::Device(_) => {
            match within(
                "device query",
                limit,
                crate::capture::devices::default_microphone,
            ) {
                Some(Some((name, true))) => DeviceFact::Named(vec![name]),
                Some(Some((name, false))) => DeviceFact::NamedUnusable(name),
                Some(None) => DeviceFact::NoneFound,
                None => DeviceFact::NotResponding(DEVICE_QUERY_S),
            }
        }
    };
    MachineFacts {
        os,
        cpu,
        camera,
        microphone,
    }
}

/// OS and CPU only, for reports about a file (no device is opened).
pub fn without_devices() -> MachineFacts {
    let (os, cpu) = probe::system_info::os_and_cpu();
    MachineFacts {
        os,
        cpu,
        camera: DeviceFact::NotUsed,
        microphone: DeviceFact::NotUsed,
    }
}
