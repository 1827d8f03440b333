//! How a check's facts were obtained: measured live on this machine, replayed from a file
//! (`--camera-source`, `--mic-source`, `analyze-*`), or typed / confirmed by the seller.
//! Support weighs a verdict by it: a replayed camera says nothing about the seller's camera.

use super::ids;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Provenance {
    Measured,
    Replayed,
    SelfReported,
}

impl Provenance {
    pub fn code(self) -> &'static str {
        match self {
            Provenance::Measured => "measured",
            Provenance::Replayed => "replayed",
            Provenance::SelfReported => "self_reported",
        }
    }
}

/// Which input a check's facts come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Camera,
    Microphone,
    Seller,
    Machine,
}

/// The input behind check `id`.
pub fn input_of(id: &str) -> Input {
    if id.starts_with("checklist.") {
        Input::Seller
    } else if id.starts_with("image.")
        || id == ids::REHEARSAL_PAN
        || id == ids::REHEARSAL_LIP_SYNC
        || matches!(
            id,
            ids::CAMERA_DEVICE | ids::CAMERA_RESOLUTION | ids::CAMERA_FRAME_RATE
        )
    {
        Input::Camera
    } else if id.starts_with("audio.") {
        Input::Microphone
    } else {
        // camera.virtual reads process and device lists: the machine, even with a replay.
        Input::Machine
    }
}

/// The provenance of check `id` when the camera and microphone are (or are not) replays.
pub fn of(id: &str, camera_replayed: bool, mic_replayed: bool) -> Provenance {
    // Voice against mouth: replayed when either half was.
    if id == ids::REHEARSAL_LIP_SYNC && (camera_replayed || mic_replayed) {
        return Provenance::Replayed;
    }
    match input_of(id) {
        Input::Seller => Provenance::SelfReported,
        Input::Camera if camera_replayed => Provenance::Replayed,
        Input::Microphone if mic_replayed => Provenance::Replayed,
        _ => Provenance::Measured,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_check_has_the_input_it_is_measured_from() {
        assert_eq!(
            of(ids::CHECKLIST_ID_CARD_VALIDITY, false, false),
            Provenance::SelfReported
        );
        assert_eq!(of(ids::IMAGE_GLARE, true, false), Provenance::Replayed);
        assert_eq!(
            of(ids::REHEARSAL_LIP_SYNC, false, true),
            Provenance::Replayed
        );
        assert_eq!(
            of(ids::REHEARSAL_LIP_SYNC, true, false),
            Provenance::Replayed
        );
        assert_eq!(
            of(ids::REHEARSAL_LIP_SYNC, false, false),
            Provenance::Measured
        );
        assert_eq!(of(ids::IMAGE_GLARE, false, true), Provenance::Measured);
        assert_eq!(of(ids::REHEARSAL_PAN, true, false), Provenance::Replayed);
        assert_eq!(of(ids::AUDIO_DIGITS, false, true), Provenance::Replayed);
        assert_eq!(of(ids::CAMERA_VIRTUAL, true, true), Provenance::Measured);
        assert_eq!(of(ids::NETWORK_VPN, true, true), Provenance::Measured);
        assert_eq!(
            serde_json::to_string(&Provenance::SelfReported).expect("json"),
            "\"self_reported\""
        );
    }
}
