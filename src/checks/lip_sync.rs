//! `rehearsal.lip_sync`: the digits read in time with the lips, by the person on camera. The
//! platform compares the voice with the mouth's movement and fails a reading more than
//! `max_lip_sync_offset_s` apart, read by someone else, or read out of view.

use super::ids::REHEARSAL_LIP_SYNC;
use super::model::{CheckResult, Status, round};
use crate::analysis::lip_sync::{LipSync, LipSyncRules};
use crate::i18n::Tr;
use crate::profile::AudioReq;

pub fn rules(req: &AudioReq) -> LipSyncRules {
    LipSyncRules {
        search_s: req.lip_sync_search_s,
        open_min: req.lip_open_min,
        max_offset_s: req.max_lip_sync_offset_s,
    }
}

/// `microphone`: the recording device's name, named in the advice when a steady delay points
/// at it (`None` for a recording judged from files).
pub fn judge(m: &LipSync, microphone: Option<&str>, req: &AudioReq, tr: &Tr) -> CheckResult {
    let digit_offsets = m.digit_offsets();
    let spread = digit_offsets
        .iter()
        .fold(None, |acc: Option<(f64, f64)>, &d| {
            Some(acc.map_or((d, d), |(lo, hi)| (lo.min(d), hi.max(d))))
        })
        .map(|(lo, hi)| hi - lo);
    // A steady delay: most digits' mouths were found and they agree with each other.
    let steady = digit_offsets.len() * 2 > m.onsets_s.len()
        && spread.is_some_and(|s| s <= req.lip_steady_spread_s);
    let offset = m.offset_s.map(|o| round(o, 2));
    let r = |status| {
        CheckResult::new(REHEARSAL_LIP_SYNC, status, tr)
            .measured("offset_s", offset)
            .measured("agreement", round(m.agreement, 2))
            .measured("mouth_moving_share", round(m.mouth_moving_share, 2))
            .measured("face_in_view_share", round(m.face_in_view_share, 2))
            .measured("mouth_travel", round(m.mouth_travel, 3))
            .measured("frames", m.frames)
            .measured(
                "onsets_s",
                m.onsets_s.iter().map(|&v| round(v, 2)).collect::<Vec<_>>(),
            )
            .measured(
                "mouth_onsets_s",
                m.mouth_onsets_s
                    .iter()
                    .map(|v| v.map(|v| round(v, 2)))
                    .collect::<Vec<_>>(),
            )
            .measured("steady_delay", steady)
            .threshold("max_lip_sync_offset_s", req.max_lip_sync_offset_s)
            .threshold("warn_lip_sync_offset_s", req.warn_lip_sync_offset_s)
            .threshold("lip_open_min", req.lip_open_min)
            .threshold("lip_min_mouth_moving_share", req.lip_min_mouth_moving_share)
            .threshold("lip_min_face_in_view_share", req.lip_min_face_in_view_share)
    };
    let pct = |v: f64| format!("{:.0}", v * 100.0);
    let secs = |v: f64| format!("{:.1}", v.abs());
    if m.frames == 0 && !m.onsets_s.is_empty() {
        return r(Status::Error)
            .summary(tr.t("lip-no-camera"))
            .advice(tr.t("lip-advice-camera"));
    }
    if m.onsets_s.is_empty() {
        return r(Status::Fail)
            .summary(tr.t("lip-no-reading"))
            .advice(tr.t("lip-advice-read"));
    }
    if m.face_in_view_share < req.lip_min_face_in_view_share {
        return r(Status::Fail)
            .summary(tr.f("lip-face-away", &[("pct", pct(1.0 - m.face_in_view_share))]))
            .advice(tr.t("lip-advice-face"));
    }
    if m.mouth_moving_share < req.lip_min_mouth_moving_share {
        return r(Status::Fail)
            .summary(tr.f("lip-mouth-still", &[("pct", pct(m.mouth_moving_share))]))
            .advice(tr.t("lip-advice-mouth"));
    }
    let Some(off) = m.offset_s else {
        return r(Status::Fail)
            .summary(tr.t("lip-no-match"))
            .advice(tr.t("lip-advice-mouth"));
    };
    let direction = if off >= 0.0 {
        tr.t("lip-voice-late")
    } else {
        tr.t("lip-voice-early")
    };
    let args = [
        ("seconds", secs(off)),
        ("direction", direction),
        ("max", format!("{:.1}", req.max_lip_sync_offset_s)),
    ];
    let device_advice = || match microphone {
        Some(name) => tr.f("lip-advice-device-named", &[("device", name.to_string())]),
        None => tr.t("lip-advice-device"),
    };
    if off.abs() > req.max_lip_sync_offset_s {
        let advice = if steady && off > 0.0 {
            device_advice()
        } else {
            tr.t("lip-advice-timing")
        };
        return r(Status::Fail)
            .summary(tr.f("lip-offset-over", &args))
            .advice(advice);
    }
    if off.abs() > req.warn_lip_sync_offset_s {
        let advice = if off > 0.0 {
            device_advice()
        } else {
            tr.t("lip-advice-timing")
        };
        return r(Status::Warn)
            .summary(tr.f("lip-offset-near", &args))
            .advice(advice);
    }
    r(Status::Pass).summary(tr.f("lip-ok", &args))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Profile;

    fn sync(offset: Option<f64>, moving: f64, face: f64, digit_offsets: &[f64]) -> LipSync {
        let onsets: Vec<f64> = (0..4).map(|i| 2.0 + f64::from(i) * 0.8).collect();
        LipSync {
            offset_s: offset,
            agreement: 0.8,
            mouth_moving_share: moving,
            face_in_view_share: face,
            frames: 200,
            mouth_onsets_s: onsets
                .iter()
                .enumerate()
                .map(|(i, o)| digit_offsets.get(i).map(|d| o - d))
                .collect(),
            onsets_s: onsets,
            mouth_travel: 0.15,
        }
    }

    fn judge_it(m: &LipSync, mic: Option<&str>) -> CheckResult {
        let p = Profile::builtin().expect("profile");
        judge(m, mic, &p.audio, &Tr::new(crate::i18n::Lang::En))
    }

    #[test]
    fn verdicts_follow_the_order_of_what_the_platform_fails_first() {
        let steady = [0.02, 0.0, 0.03, 0.01];
        assert_eq!(
            judge_it(&sync(Some(0.05), 0.95, 1.0, &steady), None).status,
            Status::Pass
        );
        assert_eq!(
            judge_it(&sync(Some(0.6), 0.95, 1.0, &steady), None).status,
            Status::Warn
        );
        assert_eq!(
            judge_it(&sync(Some(1.2), 0.9, 1.0, &steady), None).status,
            Status::Fail
        );
        assert_eq!(
            judge_it(&sync(Some(-1.2), 0.9, 1.0, &steady), None).status,
            Status::Fail
        );
        // A still mouth fails whatever the offset; so does a face out of view.
        assert_eq!(
            judge_it(&sync(Some(0.0), 0.1, 1.0, &[]), None).status,
            Status::Fail
        );
        let away = judge_it(&sync(Some(0.0), 0.9, 0.3, &steady), None);
        assert_eq!(away.status, Status::Fail);
        assert!(away.summary.contains("70"), "{}", away.summary);
        // No picture at all: nothing to compare, not the seller's fault.
        let blind = LipSync {
            frames: 0,
            ..sync(None, 0.0, 0.0, &[])
        };
        assert_eq!(judge_it(&blind, None).status, Status::Error);
    }

    #[test]
    fn a_steady_late_voice_names_the_microphone() {
        let late = [1.2, 1.25, 1.18, 1.22];
        let r = judge_it(&sync(Some(1.2), 0.9, 1.0, &late), Some("Jabra Evolve2 65"));
        assert_eq!(r.status, Status::Fail);
        assert!(r.advice.contains("Jabra Evolve2 65"), "{r:?}");
        // Out of step digit by digit: the reader's timing, not a device.
        let ragged = [0.2, 1.6, 0.9, 1.4];
        let r = judge_it(
            &sync(Some(1.2), 0.9, 1.0, &ragged),
            Some("Jabra Evolve2 65"),
        );
        assert!(!r.advice.contains("Jabra"), "{r:?}");
    }
}
