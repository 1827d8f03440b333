//! The requirement profile: every number and name the checks judge against.
//!
//! The default profile is embedded in the binary; `--profile FILE` loads another. Unknown and
//! missing keys are errors that name the key and the line, so a support agent editing a
//! profile sees exactly what is wrong.

use serde::{Deserialize, Serialize};
use std::path::Path;

/// The AliExpress profile shipped inside the binary.
pub const DEFAULT_PROFILE_TOML: &str = include_str!("../assets/profiles/aliexpress.toml");

#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("cannot read profile {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("invalid profile {origin}: {message}")]
    Invalid { origin: String, message: String },
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub profile: ProfileInfo,
    pub verification: Verification,
    pub camera: CameraReq,
    pub audio: AudioReq,
    pub image: ImageReq,
    pub network: NetworkReq,
    pub browser: BrowserReq,
    pub schedule: Schedule,
    pub checklist: ChecklistReq,
    pub remote_desktop: RemoteDesktopReq,
    pub vpn: VpnReq,
    pub virtual_machine: VirtualMachineReq,
    pub virtual_camera: VirtualCameraReq,
    pub rehearsal: RehearsalReq,
    pub report: ReportReq,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileInfo {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    pub verification_domain: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verification {
    pub attempts_per_day: u32,
    pub freeze_hours: u32,
    pub notice_deadline_hours: u32,
    pub result_wait_s: u32,
    pub flow_minutes_min: u32,
    pub flow_minutes_max: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CameraReq {
    pub min_width: u32,
    pub min_height: u32,
    pub warn_fps_below: f64,
    pub capture_seconds: f64,
    /// A frame darker than this mean luma (0–255) counts as black.
    pub black_mean_luma: f64,
    /// Share of frozen or black frames that warns, and that fails.
    pub warn_stuck_share: f64,
    pub fail_stuck_share: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AudioReq {
    pub digit_count: u32,
    pub max_s_per_digit: f64,
    pub min_s_per_digit: f64,
    /// The platform fails a reading whose voice and mouth are further apart than this.
    pub max_lip_sync_offset_s: f64,
    /// Offsets beyond this (but within the limit) warn.
    pub warn_lip_sync_offset_s: f64,
    /// The voice-to-mouth offset is searched this far either way.
    pub lip_sync_search_s: f64,
    /// The mouth counts as open when its lips' inner gap is this many eye spans above closed.
    pub lip_open_min: f64,
    /// Below this share of the speech with the mouth open (within the allowed offset), the
    /// voice is not the mouth's: someone else reading, or the mouth covered.
    pub lip_min_mouth_moving_share: f64,
    /// Below this share of the reading's frames with the face in view, the reading fails.
    pub lip_min_face_in_view_share: f64,
    /// Per-digit offsets within this of each other are one steady delay (a device), not a
    /// reader out of step.
    pub lip_steady_spread_s: f64,
    pub min_speech_peak_dbfs: f64,
    pub fail_speech_rms_dbfs: f64,
    pub warn_speech_rms_dbfs: f64,
    pub max_single_digit_s: f64,
    pub clipping_run_samples: u32,
    /// A few short clips warn (at most this many runs, under this share of the samples);
    /// more fail.
    pub warn_clipping_runs: usize,
    pub warn_clipped_fraction: f64,
    pub warn_snr_db: f64,
    /// Exact digital zero this long: the microphone is muted or blocked (a quiet room is never
    /// exactly zero).
    pub muted_zero_run_s: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImageReq {
    pub max_glare_fraction: f64,
    pub warn_glare_fraction: f64,
    pub under_exposed_luma: u8,
    pub over_exposed_luma: u8,
    /// Glare pixels: brighter than the card's median by this (max of R, G, B)…
    pub glare_above_median: u8,
    /// …and at least this bright (but never required above `glare_clipped_level`),
    /// colourless ((max − min) / max ≤ this many percent), in a blob with a core whose
    /// brightest channel reaches `glare_clipped_level`.
    pub glare_min_bright: u8,
    pub glare_max_saturation_pct: u8,
    pub glare_clipped_level: u8,
    /// The face detector: smallest face searched for (frame pixels), the smallest face the
    /// model itself finds (pixels of its input), faces searched in the whole picture at every
    /// look from this width (smaller ones a column at a time), the column width (model
    /// pixels), looks in a row per column, and the score (0–1) a face needs.
    pub face_min_px: u32,
    /// `face_min_px` is for a picture this wide; wider ones are searched for the same share.
    pub face_min_px_at_width: u32,
    pub face_model_px: u32,
    /// The smallest faces (the finest level) are searched enlarged to this many model pixels
    /// with a lower score (0–1): what scores that there is a place to look again enlarged to
    /// `face_fine_model_px`, where a face is judged, not yet a face.
    pub face_candidate_model_px: u32,
    pub face_candidate_score: f64,
    pub face_fine_model_px: u32,
    pub face_every_look_px: u32,
    pub face_tile_px: u32,
    pub face_column_looks: u32,
    pub face_min_score: f64,
    /// Heads leaning in the picture: the picture is also searched turned this many degrees
    /// each way (0: never), for faces of `face_every_look_px` and more — a still both ways, a
    /// live look one way every `face_turned_looks` looks (0: stills only), the ways taking turns.
    pub face_turned_deg: f64,
    pub face_turned_looks: u32,
    pub expected_faces: u32,
    /// The camera step counts the most people seen in any look of this many last seconds.
    pub faces_window_s: f64,
    pub fail_dark_mean: f64,
    pub warn_dark_mean: f64,
    pub warn_bright_mean: f64,
    pub fail_bright_mean: f64,
    pub warn_under_fraction: f64,
    pub warn_over_fraction: f64,
    pub fail_over_fraction: f64,
    pub warn_backlight_delta: f64,
    pub warn_uneven_delta: f64,
    pub face_warn_blur: f64,
    pub face_fail_blur: f64,
    pub scene_warn_blur: f64,
    pub scene_fail_blur: f64,
    /// A card is seen in its box when at least this many of the box's sides show its edge…
    pub card_min_sides: u32,
    /// …each along at least this share of the side's length.
    pub card_edge_min_share: f64,
    /// A corner is seen when the card's edge shows along this share of each side's stretch
    /// next to it.
    pub card_corner_min_edge_share: f64,
    /// The card's paper light: blocks within this many levels of the fitted plane agree.
    pub card_plane_tolerance: f64,
    /// Sheen: the paper rises above the plane by this share of the way to white, and by at
    /// least `sheen_min_lift` levels.
    pub sheen_headroom_share: f64,
    pub sheen_min_lift: f64,
    /// Hologram flare: saturation of a bright patch, the card's own saturation at most, and
    /// the spread of the patch's hues.
    pub hologram_min_saturation: f64,
    pub hologram_card_max_saturation: f64,
    pub hologram_min_hue_spread_deg: f64,
    /// Shadow: depth of a shadowed block (share darker than the lit paper), the depth beyond
    /// which it is print, and the chromaticity it keeps.
    pub shadow_min_depth: f64,
    pub shadow_max_depth: f64,
    pub shadow_chroma_tolerance: f64,
    /// `image.card_shadow`: warn from this share of the card in shadow; fail from the larger
    /// share when the shadow is at least `fail_shadow_depth` deep.
    pub warn_shadow_fraction: f64,
    pub fail_shadow_fraction: f64,
    pub fail_shadow_depth: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetworkReq {
    pub upload_pass_mbps: f64,
    pub upload_warn_mbps: f64,
    pub max_stall_s: f64,
    pub upload_url: String,
    pub upload_max_seconds: f64,
    pub upload_max_bytes: u64,
    pub latency_hosts: Vec<String>,
    pub latency_warn_ms: f64,
    pub latency_fail_ms: f64,
    pub jitter_warn_ms: f64,
    pub latency_fail_loss_share: f64,
    pub trace_url: String,
    pub expected_countries: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupportedBrowser {
    pub family: String,
    pub min_major: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BrowserReq {
    pub supported: Vec<SupportedBrowser>,
    pub discouraged: Vec<String>,
    /// Browsers' program file names (Windows), to find a browser denied the camera or the
    /// microphone on its own in the privacy settings.
    #[serde(default)]
    pub programs: Vec<String>,
    /// Names (as installed) of fingerprint / multi-account browsers: installed, they warn.
    #[serde(default)]
    pub fingerprint_browsers: Vec<String>,
    /// The last Chrome major version for Windows 7 and 8.1 (Chrome stopped updating there).
    #[serde(default)]
    pub chrome_last_major_before_windows_10: Option<u32>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    pub night_start: String,
    pub night_end: String,
    /// The reviewers' time zone as a UTC offset, "+08:00" (China has no daylight saving).
    pub reviewers_utc_offset: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistReq {
    pub id_card_min_valid_months: u32,
    pub id_photo_max_mb: f64,
    pub min_product_samples: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RemoteDesktopReq {
    pub programs: Vec<String>,
    pub session_env: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VpnReq {
    pub programs: Vec<String>,
    pub adapter_prefixes: Vec<String>,
    pub adapter_descriptions: Vec<String>,
    /// Windows interface types that are tunnels whatever their name (IANA ifType numbers).
    #[serde(default)]
    pub tunnel_if_types: Vec<u32>,
    /// Descriptions of adapters of those types that are not a VPN (IPv6 transition tunnels).
    #[serde(default)]
    pub not_tunnel_descriptions: Vec<String>,
    pub fake_ip_ranges: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VirtualMachineReq {
    pub hypervisor_vendors: Vec<String>,
    pub host_capable_vendors: Vec<String>,
    pub dmi_markers: Vec<String>,
    pub mac_prefixes: Vec<String>,
    /// Prefixes of the adapters a host has for its own VMs: ignored when the CPU says host.
    pub host_adapter_mac_prefixes: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VirtualCameraReq {
    pub programs: Vec<String>,
    pub device_name_markers: Vec<String>,
}

/// The app's guided rehearsals (ID card, 360° pan, digits, microphone test).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RehearsalReq {
    pub card_aspect: f64,
    pub card_guide_width_fraction: f64,
    pub card_hold_s: f64,
    /// The second side counts only when its print correlates with the first side's at most
    /// this much (the card was turned, not shown twice).
    pub card_flip_max_similarity: f64,
    pub pan_min_s: f64,
    pub pan_motion_level: f64,
    pub pan_moving_fraction: f64,
    /// The seller's face must be in the picture within this many seconds of the pan's start.
    pub pan_seller_start_s: f64,
    /// Between two face looks the seller's face moves at most this many face widths.
    pub pan_seller_follow_share: f64,
    /// After leaving the picture, a face at least this share of the seller's starting width
    /// is the seller coming back (the end of a full turn); smaller faces are someone else.
    pub pan_seller_return_ratio: f64,
    /// Another face counts when seen in at least this many face looks…
    pub pan_other_min_looks: u32,
    /// …no more than this many seconds apart (one sighting).
    pub pan_sighting_gap_s: f64,
    /// The pan passes only if at most this share of the turn slid past the far-face search
    /// unsearched (the chance that a far person was never looked for).
    pub pan_far_unsearched_max_share: f64,
    /// A look whose picture the turn smeared along its rows by more than this share of its
    /// width counts as not searched for far faces (a far face smeared by about half its
    /// width is not found).
    pub pan_far_max_smear_share: f64,
    /// The widest horizontal view a seller's camera is expected to have (degrees): a full
    /// circle slides the picture at least π / tan(half of it) picture widths.
    pub pan_camera_max_fov_deg: f64,
    pub digits_countdown_s: f64,
    pub digits_record_s: f64,
    pub mic_test_s: f64,
}

/// What the report's verdict rests on.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportReq {
    /// Checks the verification needs: while any of them is not done (absent, skipped or not
    /// measurable) the verdict is `incomplete`, never `ready`.
    pub required: Vec<String>,
}

impl Profile {
    /// The embedded AliExpress profile.
    pub fn builtin() -> Result<Profile, ProfileError> {
        Self::parse(DEFAULT_PROFILE_TOML, "(built-in aliexpress)")
    }

    /// Load a profile file given on the command line.
    pub fn load(path: &Path) -> Result<Profile, ProfileError> {
        let text = std::fs::read_to_string(path).map_err(|source| ProfileError::Read {
            path: path.display().to_string(),
            source,
        })?;
        Self::parse(&text, &path.display().to_string())
    }

    /// Parse and validate profile text. `origin` names the source in error messages.
    pub fn parse(text: &str, origin: &str) -> Result<Profile, ProfileError> {
        let profile: Profile = toml::from_str(text).map_err(|e| ProfileError::Invalid {
            origin: origin.to_string(),
            message: e.to_string().trim_end().to_string(),
        })?;
        profile
            .validate()
            .map_err(|message| ProfileError::Invalid {
                origin: origin.to_string(),
                message: locate_key(text, &message),
            })?;
        Ok(profile)
    }

    /// Cross-field rules serde cannot express. The message starts with the key's dotted path.
    fn validate(&self) -> Result<(), String> {
        parse_clock(&self.schedule.night_start)
            .ok_or("schedule.night_start: expected HH:MM".to_string())?;
        parse_clock(&self.schedule.night_end)
            .ok_or("schedule.night_end: expected HH:MM".to_string())?;
        crate::checks::time_of_day::parse_utc_offset(&self.schedule.reviewers_utc_offset)
            .ok_or("schedule.reviewers_utc_offset: expected +HH:MM or -HH:MM".to_string())?;
        let n = &self.network;
        if !(n.upload_warn_mbps > 0.0 && n.upload_warn_mbps <= n.upload_pass_mbps) {
            return Err("network.upload_warn_mbps: must be > 0 and <= upload_pass_mbps".into());
        }
        if n.latency_warn_ms > n.latency_fail_ms {
            return Err("network.latency_warn_ms: must be <= latency_fail_ms".into());
        }
        if !(n.upload_max_seconds > 0.0 && n.upload_max_seconds <= 60.0) {
            return Err("network.upload_max_seconds: must be between 0 and 60".into());
        }
        let i = &self.image;
        if !(i.face_candidate_score > 0.0 && i.face_candidate_score <= i.face_min_score) {
            return Err("image.face_candidate_score: must be > 0 and <= face_min_score".into());
        }
        if !(i.face_model_px <= i.face_candidate_model_px
            && i.face_candidate_model_px <= i.face_fine_model_px)
        {
            return Err(
                "image.face_candidate_model_px: must be between face_model_px and face_fine_model_px"
                    .into(),
            );
        }
        if !(0.0..=90.0).contains(&self.image.face_turned_deg) {
            return Err("image.face_turned_deg: must be between 0 and 90".into());
        }
        let a = &self.audio;
        if !(a.min_s_per_digit > 0.0 && a.min_s_per_digit < a.max_s_per_digit) {
            return Err("audio.min_s_per_digit: must be > 0 and < max_s_per_digit".into());
        }
        if !(a.warn_lip_sync_offset_s > 0.0 && a.warn_lip_sync_offset_s < a.max_lip_sync_offset_s) {
            return Err(
                "audio.warn_lip_sync_offset_s: must be > 0 and < max_lip_sync_offset_s".into(),
            );
        }
        if !(a.lip_sync_search_s > a.max_lip_sync_offset_s && a.lip_sync_search_s <= 5.0) {
            return Err(
                "audio.lip_sync_search_s: must be above max_lip_sync_offset_s and at most 5".into(),
            );
        }
        if !(a.lip_open_min > 0.0 && a.lip_open_min < 1.0) {
            return Err("audio.lip_open_min: must be between 0 and 1 (eye spans)".into());
        }
        for (key, v) in [
            ("lip_min_mouth_moving_share", a.lip_min_mouth_moving_share),
            ("lip_min_face_in_view_share", a.lip_min_face_in_view_share),
        ] {
            if !(0.0..=1.0).contains(&v) {
                return Err(format!("audio.{key}: must be between 0 and 1"));
            }
        }
        if a.lip_steady_spread_s.is_nan() || a.lip_steady_spread_s <= 0.0 {
            return Err("audio.lip_steady_spread_s: must be above 0".into());
        }
        if a.digit_count == 0 {
            return Err("audio.digit_count: must be at least 1".into());
        }
        let c = &self.camera;
        if !(0.0..=crate::capture::camera_stats::DARK_LEVELS as f64).contains(&c.black_mean_luma) {
            return Err("camera.black_mean_luma: must be between 0 and 32".into());
        }
        if !(0.0 < c.warn_stuck_share
            && c.warn_stuck_share <= c.fail_stuck_share
            && c.fail_stuck_share <= 1.0)
        {
            return Err("camera.warn_stuck_share: must be > 0 and <= fail_stuck_share <= 1".into());
        }
        if self.camera.min_width == 0 || self.camera.min_height == 0 {
            return Err("camera.min_width: resolution must be positive".into());
        }
        if self.image.card_min_sides > 4 {
            return Err("image.card_min_sides: a box has 4 sides".into());
        }
        if !(0.0..=1.0).contains(&self.image.card_edge_min_share) {
            return Err("image.card_edge_min_share: must be between 0 and 1".into());
        }
        if !(0.0..=1.0).contains(&self.image.max_glare_fraction) {
            return Err("image.max_glare_fraction: must be between 0 and 1".into());
        }
        let r = &self.rehearsal;
        if !(r.card_aspect >= 1.0 && r.card_aspect <= 3.0) {
            return Err("rehearsal.card_aspect: must be between 1 and 3".into());
        }
        if !(r.card_guide_width_fraction > 0.1 && r.card_guide_width_fraction <= 0.95) {
            return Err("rehearsal.card_guide_width_fraction: must be between 0.1 and 0.95".into());
        }
        if !(r.digits_record_s >= 3.0 && r.digits_record_s <= 30.0) {
            return Err("rehearsal.digits_record_s: must be between 3 and 30".into());
        }
        if !(0.5..=10.0).contains(&r.digits_countdown_s) {
            return Err("rehearsal.digits_countdown_s: must be between 0.5 and 10".into());
        }
        if !(r.mic_test_s >= 1.0 && r.mic_test_s <= 30.0) {
            return Err("rehearsal.mic_test_s: must be between 1 and 30".into());
        }
        if !(0.0..=1.0).contains(&r.pan_moving_fraction) || r.pan_min_s <= 0.0 {
            return Err(
                "rehearsal.pan_moving_fraction: must be between 0 and 1 (pan_min_s > 0)".into(),
            );
        }
        if !(0.0..=10.0).contains(&r.pan_seller_start_s)
            || !(0.1..=5.0).contains(&r.pan_seller_follow_share)
            || !(0.1..=1.0).contains(&r.pan_seller_return_ratio)
            || r.pan_other_min_looks == 0
            || !(0.1..=10.0).contains(&r.pan_sighting_gap_s)
        {
            return Err(
                "rehearsal.pan_seller_* / pan_other_min_looks / pan_sighting_gap_s: \
                 start 0–10 s, follow 0.1–5 widths, return 0.1–1, looks ≥ 1, gap 0.1–10 s"
                    .into(),
            );
        }
        if !(30.0..=170.0).contains(&r.pan_camera_max_fov_deg) {
            return Err("rehearsal.pan_camera_max_fov_deg: must be between 30 and 170".into());
        }
        if !(0.0..=1.0).contains(&r.pan_far_unsearched_max_share) {
            return Err("rehearsal.pan_far_unsearched_max_share: must be between 0 and 1".into());
        }
        if !(r.pan_far_max_smear_share > 0.0 && r.pan_far_max_smear_share < 1.0) {
            return Err("rehearsal.pan_far_max_smear_share: must be between 0 and 1".into());
        }
        if !(0.0..=30.0).contains(&self.image.faces_window_s) {
            return Err("image.faces_window_s: must be between 0 and 30".into());
        }
        if !(-1.0..=1.0).contains(&r.card_flip_max_similarity) {
            return Err("rehearsal.card_flip_max_similarity: must be between -1 and 1".into());
        }
        if self.browser.supported.is_empty() {
            return Err("browser.supported: list at least one browser".into());
        }
        for id in &self.report.required {
            if !crate::checks::catalogue::known(id) {
                return Err(format!("report.required: '{id}' is not a check id"));
            }
        }
        for range in &self.vpn.fake_ip_ranges {
            if crate::probe::net_facts::parse_cidr(range).is_none() {
                return Err(format!("vpn.fake_ip_ranges: '{range}' is not an IPv4 CIDR"));
            }
        }
        Ok(())
    }
}

/// Adds "(line N)" to a validation message whose first word is a dotted key path.
fn locate_key(text: &str, message: &str) -> String {
    let Some(path) = message.split(':').next() else {
        return message.to_string();
    };
    let Some((section, key)) = path.rsplit_once('.') else {
        return message.to_string();
    };
    let mut in_section = false;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.starts_with('[') {
            in_section = t.trim_matches(|c| c == '[' || c == ']').trim() == section;
        } else if in_section && t.split('=').next().map(str::trim) == Some(key) && t.contains('=') {
            return format!("{message} (line {})", i + 1);
        }
    }
    message.to_string()
}

/// "22:00" → minutes after midnight.
pub fn parse_clock(s: &str) -> Option<u32> {
    let (h, m) = s.trim().split_once(':')?;
    let h: u32 = h.parse().ok()?;
    let m: u32 = m.parse().ok()?;
    (h < 24 && m < 60).then_some(h * 60 + m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_profile_parses_and_holds_the_article_numbers() {
        let p = Profile::builtin().expect("builtin");
        assert_eq!(p.profile.id, "aliexpress");
        assert_eq!((p.camera.min_width, p.camera.min_height), (1280, 720));
        assert_eq!(p.audio.digit_count, 4);
        assert_eq!(p.audio.max_s_per_digit, 2.0);
        assert_eq!(p.audio.max_lip_sync_offset_s, 0.8);
        assert_eq!(p.network.max_stall_s, 2.0);
        assert_eq!(p.checklist.id_card_min_valid_months, 6);
        assert_eq!(p.verification.freeze_hours, 72);
        assert_eq!(p.verification.attempts_per_day, 3);
        assert_eq!(parse_clock(&p.schedule.night_start), Some(22 * 60));
        assert_eq!(parse_clock(&p.schedule.night_end), Some(6 * 60));
        let chrome = p.browser.supported.iter().find(|b| b.family == "chrome");
        assert_eq!(chrome.map(|b| b.min_major), Some(110));
        let firefox = p.browser.supported.iter().find(|b| b.family == "firefox");
        assert_eq!(firefox.map(|b| b.min_major), Some(115));
        assert!(p.remote_desktop.programs.iter().any(|n| n == "ToDesk"));
        assert!(p.remote_desktop.programs.iter().any(|n| n == "TeamViewer"));
    }

    #[test]
    fn missing_key_is_named_with_its_line() {
        let text = DEFAULT_PROFILE_TOML.replace("min_width = 1280\n", "");
        let err = Profile::parse(&text, "x.toml")
            .expect_err("must fail")
            .to_string();
        assert!(err.contains("min_width"), "{err}");
        assert!(err.contains("line"), "{err}");
    }

    #[test]
    fn unknown_key_is_named() {
        let text = DEFAULT_PROFILE_TOML.replace("[camera]\n", "[camera]\nmin_widht = 3\n");
        let err = Profile::parse(&text, "x.toml")
            .expect_err("must fail")
            .to_string();
        assert!(err.contains("min_widht"), "{err}");
        assert!(err.contains("line 21"), "{err}");
    }

    #[test]
    fn wrong_type_and_bad_values_are_named() {
        let text = DEFAULT_PROFILE_TOML.replace("min_height = 720", "min_height = \"720p\"");
        let err = Profile::parse(&text, "x.toml")
            .expect_err("must fail")
            .to_string();
        assert!(err.contains("min_height") || err.contains("line"), "{err}");

        let text = DEFAULT_PROFILE_TOML.replace("night_end = \"06:00\"", "night_end = \"6 am\"");
        let err = Profile::parse(&text, "x.toml")
            .expect_err("must fail")
            .to_string();
        assert!(err.contains("schedule.night_end"), "{err}");
        assert!(err.contains("(line "), "{err}");
    }

    #[test]
    fn clock_parsing() {
        assert_eq!(parse_clock("00:00"), Some(0));
        assert_eq!(parse_clock("23:59"), Some(23 * 60 + 59));
        assert_eq!(parse_clock("24:00"), None);
        assert_eq!(parse_clock("7"), None);
    }
}
