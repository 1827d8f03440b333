//! Stable check identifiers. Reports and support scripts depend on them; an id never changes
//! meaning, a new check gets a new id (and an entry in `catalogue`, which orders them).

pub const CAMERA_DEVICE: &str = "camera.device";
pub const CAMERA_RESOLUTION: &str = "camera.resolution";
pub const CAMERA_FRAME_RATE: &str = "camera.frame_rate";
pub const CAMERA_VIRTUAL: &str = "camera.virtual";
pub const IMAGE_LIGHTING: &str = "image.lighting";
pub const IMAGE_SHARPNESS: &str = "image.sharpness";
pub const IMAGE_GLARE: &str = "image.glare";
/// All four corners of the ID card in the picture and uncovered.
pub const IMAGE_CARD_CORNERS: &str = "image.card_corners";
/// No shadow across the ID card.
pub const IMAGE_CARD_SHADOW: &str = "image.card_shadow";
pub const IMAGE_FACES: &str = "image.faces";
/// The 360° pan rehearsal: the pan happened and nobody else came into view.
pub const REHEARSAL_PAN: &str = "rehearsal.pan";
/// The digits read in time with the lips, by the person on camera.
pub const REHEARSAL_LIP_SYNC: &str = "rehearsal.lip_sync";
pub const AUDIO_DEVICE: &str = "audio.device";
pub const AUDIO_LEVEL: &str = "audio.level";
pub const AUDIO_NOISE: &str = "audio.noise";
pub const AUDIO_CLIPPING: &str = "audio.clipping";
pub const AUDIO_DIGITS: &str = "audio.digits";
pub const NETWORK_UPLOAD: &str = "network.upload";
pub const NETWORK_LATENCY: &str = "network.latency";
pub const NETWORK_PROXY: &str = "network.proxy";
pub const NETWORK_VPN: &str = "network.vpn";
pub const SYSTEM_REMOTE_DESKTOP: &str = "system.remote_desktop";
pub const SYSTEM_VIRTUAL_MACHINE: &str = "system.virtual_machine";
pub const SYSTEM_TIME_OF_DAY: &str = "system.time_of_day";
pub const BROWSER_VERSION: &str = "browser.version";
pub const CHECKLIST_ID_CARD_VALIDITY: &str = "checklist.id_card_validity";
pub const CHECKLIST_PHONE_REAL_NAME: &str = "checklist.phone_real_name";
pub const CHECKLIST_PRODUCT_SAMPLES: &str = "checklist.product_samples";
pub const CHECKLIST_BUSINESS_PREMISES: &str = "checklist.business_premises";

/// Parses a comma-separated id list (`--only`, `--skip`); unknown ids are an error naming them.
pub fn parse_list(text: &str) -> Result<Vec<&'static str>, String> {
    let mut out = Vec::new();
    let mut unknown = Vec::new();
    for part in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        match super::catalogue::all().find(|id| *id == part) {
            Some(id) => out.push(id),
            None => unknown.push(part.to_string()),
        }
    }
    if unknown.is_empty() {
        Ok(out)
    } else {
        Err(unknown.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_lists_parse() {
        assert_eq!(
            parse_list("network.proxy, system.time_of_day"),
            Ok(vec![NETWORK_PROXY, SYSTEM_TIME_OF_DAY])
        );
        assert_eq!(parse_list("network.proxy,bogus"), Err("bogus".to_string()));
    }
}
