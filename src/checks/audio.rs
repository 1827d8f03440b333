//! The audio checks over one recording: `audio.level`, `audio.noise`, `audio.clipping` and
//! `audio.digits` (four digits heard, at the right pace).

use super::ids::{AUDIO_CLIPPING, AUDIO_DIGITS, AUDIO_LEVEL, AUDIO_NOISE};
use super::model::{CheckResult, Status, round};
use crate::analysis::speech::SpeechAnalysis;
use crate::i18n::Tr;
use crate::profile::AudioReq;

fn silence_error(id: &str, tr: &Tr) -> CheckResult {
    CheckResult::error(id, tr, tr.t("audio-exact-silence")).advice(tr.t("audio-advice-blocked"))
}

pub fn level(a: &SpeechAnalysis, req: &AudioReq, tr: &Tr) -> CheckResult {
    if a.exact_silence {
        return silence_error(AUDIO_LEVEL, tr);
    }
    let r = CheckResult::new(AUDIO_LEVEL, Status::Pass, tr)
        .measured("speech_peak_dbfs", round(a.speech_peak_db, 1))
        .measured("speech_rms_dbfs", round(a.speech_rms_db, 1))
        .measured("speech_s", round(a.vad.speech_s(), 2))
        .threshold("min_speech_peak_dbfs", req.min_speech_peak_dbfs)
        .threshold("fail_speech_rms_dbfs", req.fail_speech_rms_dbfs)
        .threshold("warn_speech_rms_dbfs", req.warn_speech_rms_dbfs);
    let args = [
        ("rms", format!("{:.0}", a.speech_rms_db)),
        ("peak", format!("{:.0}", a.speech_peak_db)),
    ];
    if a.vad.segments.is_empty() {
        return CheckResult {
            status: Status::Fail,
            ..r
        }
        .summary(tr.t("audio-level-no-speech"))
        .advice(tr.t("audio-advice-quiet"));
    }
    let (status, key) = if a.speech_peak_db < req.min_speech_peak_dbfs
        || a.speech_rms_db < req.fail_speech_rms_dbfs
    {
        (Status::Fail, "audio-level-too-quiet")
    } else if a.speech_rms_db < req.warn_speech_rms_dbfs {
        (Status::Warn, "audio-level-quiet")
    } else {
        (Status::Pass, "audio-level-ok")
    };
    let r = CheckResult { status, ..r }.summary(tr.f(key, &args));
    if status == Status::Pass {
        r
    } else {
        r.advice(tr.t("audio-advice-quiet"))
    }
}

pub fn noise(a: &SpeechAnalysis, req: &AudioReq, tr: &Tr) -> CheckResult {
    if a.exact_silence {
        return silence_error(AUDIO_NOISE, tr);
    }
    let r = CheckResult::new(AUDIO_NOISE, Status::Pass, tr)
        .measured("noise_floor_dbfs", round(a.noise_floor_db, 1))
        .measured("snr_db", round(a.snr_db, 1))
        .threshold("warn_snr_db", req.warn_snr_db);
    let args = [
        ("noise", format!("{:.0}", a.noise_floor_db)),
        ("snr", format!("{:.0}", a.snr_db)),
    ];
    if a.vad.segments.is_empty() {
        return CheckResult {
            status: Status::Warn,
            ..r
        }
        .summary(tr.f("audio-noise-no-speech", &args))
        .advice(tr.t("audio-advice-noise"));
    }
    if a.snr_db < req.warn_snr_db {
        CheckResult {
            status: Status::Warn,
            ..r
        }
        .summary(tr.f("audio-noise-noisy", &args))
        .advice(tr.t("audio-advice-noise"))
    } else {
        r.summary(tr.f("audio-noise-ok", &args))
    }
}

pub fn clipping(a: &SpeechAnalysis, req: &AudioReq, tr: &Tr) -> CheckResult {
    if a.exact_silence {
        return silence_error(AUDIO_CLIPPING, tr);
    }
    let c = a.clipping;
    let status = if c.runs == 0 {
        Status::Pass
    } else if c.runs <= req.warn_clipping_runs && a.clipped_fraction < req.warn_clipped_fraction {
        Status::Warn
    } else {
        Status::Fail
    };
    let r = CheckResult::new(AUDIO_CLIPPING, status, tr)
        .measured("clipped_runs", c.runs)
        .measured("longest_run_samples", c.longest_run)
        .measured("clipped_fraction", round(a.clipped_fraction, 5))
        .threshold("max_run_samples", req.clipping_run_samples)
        .threshold("warn_clipping_runs", req.warn_clipping_runs)
        .threshold("warn_clipped_fraction", req.warn_clipped_fraction);
    if status == Status::Pass {
        r.summary(tr.t("audio-clipping-none"))
    } else {
        r.summary(tr.f("audio-clipping-found", &[("runs", c.runs.to_string())]))
            .advice(tr.t("audio-advice-clipping"))
    }
}

/// `expected`: how many digits were to be read (the profile's 4 unless the caller says).
/// `shown_at_s`: when the digits appeared in the recording (the rehearsal knows); speech
/// before that means the seller recited from memory or guessed, which the platform fails.
pub fn digits(
    a: &SpeechAnalysis,
    expected: u32,
    shown_at_s: Option<f64>,
    req: &AudioReq,
    tr: &Tr,
) -> CheckResult {
    if a.exact_silence {
        return silence_error(AUDIO_DIGITS, tr);
    }
    let segs = &a.vad.segments;
    let count = segs.len() as u32;
    let onsets: Vec<f64> = segs.iter().map(|s| round(s.start_s, 2)).collect();
    let longest = segs.iter().map(|s| s.end_s - s.start_s).fold(0.0, f64::max);
    let pace = if count >= 2 {
        Some((segs[segs.len() - 1].start_s - segs[0].start_s) / f64::from(count - 1))
    } else {
        None
    };
    let base = |status| {
        CheckResult::new(AUDIO_DIGITS, status, tr)
            .measured("count", count)
            .measured("expected", expected)
            .measured("onsets_s", onsets.clone())
            .measured("pace_s_per_digit", pace.map(|p| round(p, 2)))
            .measured("longest_segment_s", round(longest, 2))
            .measured("shown_at_s", shown_at_s)
            .threshold("max_s_per_digit", req.max_s_per_digit)
            .threshold("min_s_per_digit", req.min_s_per_digit)
            .threshold("max_single_digit_s", req.max_single_digit_s)
    };
    let pace_text = pace
        .map(|p| format!("{p:.1}"))
        .unwrap_or_else(|| "—".into());
    let args = [
        ("count", count.to_string()),
        ("expected", expected.to_string()),
        ("pace", pace_text),
    ];
    let early =
        shown_at_s.is_some_and(|shown| segs.first().is_some_and(|s| s.start_s < shown - 0.1));
    let (status, summary, advice) = if count == 0 {
        (Status::Fail, "digits-none", "digits-advice-none")
    } else if early {
        (Status::Fail, "digits-early", "digits-advice-fast")
    } else if longest > req.max_single_digit_s {
        (Status::Fail, "digits-ran-together", "digits-advice-fast")
    } else if count < expected {
        (Status::Fail, "digits-too-few", "digits-advice-complete")
    } else if count > expected {
        (Status::Fail, "digits-too-many", "digits-advice-complete")
    } else if pace.is_some_and(|p| p > req.max_s_per_digit) {
        (Status::Fail, "digits-too-slow", "digits-advice-slow")
    } else if pace.is_some_and(|p| p < req.min_s_per_digit) {
        (Status::Fail, "digits-too-fast", "digits-advice-fast")
    } else {
        (Status::Pass, "digits-ok", "")
    };
    let r = base(status).summary(tr.f(summary, &args));
    if advice.is_empty() {
        r
    } else {
        r.advice(tr.t(advice))
    }
}

/// All four audio checks for a recording.
pub fn all(
    a: &SpeechAnalysis,
    expected: u32,
    shown_at_s: Option<f64>,
    req: &AudioReq,
    tr: &Tr,
) -> Vec<CheckResult> {
    vec![
        level(a, req, tr),
        noise(a, req, tr),
        clipping(a, req, tr),
        digits(a, expected, shown_at_s, req, tr),
    ]
}
