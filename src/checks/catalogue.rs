//! The one table of every check: its id, where in the app the seller produces it, and whether
//! `selfcheck check` can measure it on its own. Report order is the table's order, for the app
//! and the command line alike. Adding a check starts here (README, "Adding a check").

use super::ids::*;

/// Where a check's facts come from: a step of the app's wizard. `check` runs the ones marked
/// `runnable`; the others need the seller in front of the camera or the microphone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The "computer and network" step.
    Computer,
    Camera,
    IdCard,
    Microphone,
    Digits,
    Pan,
    Checklist,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub id: &'static str,
    pub stage: Stage,
    /// `selfcheck check` can measure it without the seller (no framed face, card or reading).
    pub runnable: bool,
}

const fn entry(id: &'static str, stage: Stage, runnable: bool) -> Entry {
    Entry {
        id,
        stage,
        runnable,
    }
}

/// Every check, in report order.
pub const CATALOGUE: &[Entry] = &[
    entry(SYSTEM_VIRTUAL_MACHINE, Stage::Computer, true),
    entry(SYSTEM_REMOTE_DESKTOP, Stage::Computer, true),
    entry(NETWORK_PROXY, Stage::Computer, true),
    entry(NETWORK_VPN, Stage::Computer, true),
    entry(NETWORK_UPLOAD, Stage::Computer, true),
    entry(NETWORK_LATENCY, Stage::Computer, true),
    entry(BROWSER_VERSION, Stage::Computer, true),
    entry(CAMERA_DEVICE, Stage::Camera, true),
    entry(CAMERA_RESOLUTION, Stage::Camera, true),
    entry(CAMERA_FRAME_RATE, Stage::Camera, true),
    entry(CAMERA_VIRTUAL, Stage::Computer, true),
    entry(IMAGE_LIGHTING, Stage::Camera, false),
    entry(IMAGE_SHARPNESS, Stage::Camera, false),
    entry(IMAGE_GLARE, Stage::IdCard, false),
    entry(IMAGE_CARD_CORNERS, Stage::IdCard, false),
    entry(IMAGE_CARD_SHADOW, Stage::IdCard, false),
    entry(IMAGE_FACES, Stage::Camera, false),
    entry(REHEARSAL_PAN, Stage::Pan, false),
    entry(AUDIO_DEVICE, Stage::Microphone, true),
    entry(AUDIO_LEVEL, Stage::Microphone, false),
    entry(AUDIO_NOISE, Stage::Microphone, false),
    entry(AUDIO_CLIPPING, Stage::Microphone, false),
    entry(AUDIO_DIGITS, Stage::Digits, false),
    entry(REHEARSAL_LIP_SYNC, Stage::Digits, false),
    entry(SYSTEM_TIME_OF_DAY, Stage::Computer, true),
    entry(CHECKLIST_ID_CARD_VALIDITY, Stage::Checklist, true),
    entry(CHECKLIST_PHONE_REAL_NAME, Stage::Checklist, true),
    entry(CHECKLIST_PRODUCT_SAMPLES, Stage::Checklist, true),
    entry(CHECKLIST_BUSINESS_PREMISES, Stage::Checklist, true),
];

/// Every id, in report order.
pub fn all() -> impl Iterator<Item = &'static str> {
    CATALOGUE.iter().map(|e| e.id)
}

/// Whether the id is a known check.
pub fn known(id: &str) -> bool {
    CATALOGUE.iter().any(|e| e.id == id)
}

/// The ids `selfcheck check` can measure, in report order.
pub fn runnable() -> impl Iterator<Item = &'static str> {
    CATALOGUE.iter().filter(|e| e.runnable).map(|e| e.id)
}

/// The ids a step of the app produces, in report order.
pub fn of_stage(stage: Stage) -> impl Iterator<Item = &'static str> {
    CATALOGUE
        .iter()
        .filter(move |e| e.stage == stage)
        .map(|e| e.id)
}

/// Report position of an id (unknown ids last).
pub fn position(id: &str) -> usize {
    CATALOGUE
        .iter()
        .position(|e| e.id == id)
        .unwrap_or(CATALOGUE.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, Tr};

    #[test]
    fn ids_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for id in all() {
            assert!(seen.insert(id), "{id} twice");
        }
    }

    /// Every check has a title and a "how to do it" line in both languages.
    #[test]
    fn every_check_has_a_title_and_a_howto_in_both_languages() {
        for lang in [Lang::ZhCn, Lang::En] {
            let tr = Tr::new(lang);
            for id in all() {
                let stem = super::super::model::message_stem(id);
                for key in [format!("title-{stem}"), format!("howto-{stem}")] {
                    let text = tr.t(&key);
                    assert!(!text.is_empty() && text != key, "{lang:?} lacks {key}");
                }
            }
        }
    }

    /// The keys the checks name literally (`tr.t("…")`, `tr.f("…", …)`: summaries and advice).
    fn literal_keys(source: &str) -> Vec<String> {
        let mut keys = Vec::new();
        for call in ["tr.t(", "tr.f("] {
            for (at, _) in source.match_indices(call) {
                let rest = source[at + call.len()..].trim_start();
                if let Some(body) = rest.strip_prefix('"')
                    && let Some(end) = body.find('"')
                {
                    let key = &body[..end];
                    let fluent = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
                    if !key.is_empty() && key.chars().all(fluent) {
                        keys.push(key.to_string());
                    }
                }
            }
        }
        keys
    }

    /// Every summary and advice a verdict can give exists in both languages (a missing key
    /// would show the seller its raw name).
    #[test]
    fn every_summary_and_advice_the_checks_give_is_translated() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/checks");
        let mut keys = Vec::new();
        for entry in std::fs::read_dir(dir).expect("src/checks") {
            let path = entry.expect("entry").path();
            let source = std::fs::read_to_string(&path).expect("source");
            // What the seller can see: the code before its tests.
            let shipped = source.split("#[cfg(test)]").next().unwrap_or_default();
            keys.extend(literal_keys(shipped));
        }
        assert!(keys.len() > 100, "found only {} keys", keys.len());
        for (lang, ftl) in [
            ("zh-CN", include_str!("../../assets/i18n/zh-CN/main.ftl")),
            ("en", include_str!("../../assets/i18n/en/main.ftl")),
        ] {
            for key in &keys {
                let defined = ftl.lines().any(|l| l.starts_with(&format!("{key} =")));
                assert!(defined, "{lang} lacks {key}");
            }
        }
    }
}
