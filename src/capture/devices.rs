//! Lists cameras and microphones by name, without opening a stream.

use crate::probe::error::ProbeError;

/// Why no camera list could be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CameraListError {
    /// The camera API (Media Foundation, V4L2, AVFoundation) failed.
    #[error("camera API: {0}")]
    CameraApi(String),
    /// On Windows both the camera API and the DirectShow registrations failed.
    #[error("camera API: {api}; {registry}")]
    BothLists { api: String, registry: ProbeError },
    /// The thread reading the list ended without an answer.
    #[error("the camera list stopped without an answer")]
    Stopped,
}

/// Names of the cameras the OS offers; an error when no list could be read.
/// On Windows also the DirectShow-only devices (virtual cameras Chrome offers but Media
/// Foundation does not list).
pub fn camera_names() -> Result<Vec<String>, CameraListError> {
    super::com_thread::start_for_this_thread();
    let listed = nokhwa::query(nokhwa::utils::ApiBackend::Auto)
        .map(|list| list.iter().map(|c| c.human_name()).collect())
        .map_err(|e| e.to_string());
    #[cfg(windows)]
    {
        merge_camera_lists(listed, crate::probe::windows::directshow_cameras())
    }
    #[cfg(not(windows))]
    {
        listed.map_err(CameraListError::CameraApi)
    }
}

/// The camera API's list first (its first device is the default), then the names only the
/// other list has. Either list alone is enough; an error only when both fail.
pub fn merge_camera_lists(
    primary: Result<Vec<String>, String>,
    extra: Result<Vec<String>, ProbeError>,
) -> Result<Vec<String>, CameraListError> {
    match (primary, extra) {
        (Ok(mut names), Ok(more)) => {
            for name in more {
                if !names
                    .iter()
                    .any(|n| n.trim().eq_ignore_ascii_case(name.trim()))
                {
                    names.push(name);
                }
            }
            Ok(names)
        }
        (Ok(names), Err(_)) | (Err(_), Ok(names)) => Ok(names),
        (Err(api), Err(registry)) => Err(CameraListError::BothLists { api, registry }),
    }
}

/// The default input device's name and whether it can be opened, when the audio system
/// names one.
pub fn default_microphone() -> Option<(String, bool)> {
    super::quiet_stderr::muted(default_microphone_inner)
}

fn default_microphone_inner() -> Option<(String, bool)> {
    use cpal::traits::{DeviceTrait, HostTrait};
    let host = cpal::default_host();
    let device = host.default_input_device()?;
    let name = device
        .description()
        .map(|d| d.name().to_string())
        .unwrap_or_else(|_| "default".to_string());
    let usable = device.default_input_config().is_ok();
    Some((name, usable))
}

/// Names of all input devices (for a device picker).
pub fn microphone_names() -> Vec<String> {
    use cpal::traits::{DeviceTrait, HostTrait};
    super::quiet_stderr::muted(|| {
        cpal::default_host()
            .input_devices()
            .map(|devices| {
                devices
                    .filter_map(|d| d.description().ok().map(|x| x.name().to_string()))
                    .collect()
            })
            .unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names<E>(v: &[&str]) -> Result<Vec<String>, E> {
        Ok(v.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn directshow_only_cameras_join_the_list_after_the_default() {
        let merged = merge_camera_lists(
            names(&["Integrated Camera", "OBSBOT Tiny 2"]),
            names(&[
                "integrated camera",
                "OBS Virtual Camera",
                "ManyCam Virtual Webcam",
            ]),
        );
        assert_eq!(
            merged,
            names(&[
                "Integrated Camera",
                "OBSBOT Tiny 2",
                "OBS Virtual Camera",
                "ManyCam Virtual Webcam"
            ])
        );
    }

    #[test]
    fn one_readable_list_is_enough_and_two_failures_are_an_error() {
        let api = || Err::<Vec<String>, String>("0x80070005".to_string());
        let registry = || Err(ProbeError::registry("DirectShow video inputs", "denied"));
        assert_eq!(
            merge_camera_lists(api(), names(&["XSplit VCam"])),
            names(&["XSplit VCam"])
        );
        assert_eq!(
            merge_camera_lists(names(&["Cam"]), registry()),
            names(&["Cam"])
        );
        assert_eq!(
            merge_camera_lists(api(), registry()).map_err(|e| e.to_string()),
            Err("camera API: 0x80070005; registry DirectShow video inputs: denied".into())
        );
    }
}
