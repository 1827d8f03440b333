//! Lists cameras and microphones by name, without opening a stream.

/// Names of the cameras the OS offers; an error text when the camera API itself fails.
pub fn camera_names() -> Result<Vec<String>, String> {
    nokhwa::query(nokhwa::utils::ApiBackend::Auto)
        .map(|list| list.iter().map(|c| c.human_name()).collect())
        .map_err(|e| e.to_string())
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
