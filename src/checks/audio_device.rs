//! `audio.device`: the microphone opens and delivers sound. Exact digital zero for 2 s means
//! blocked (no permission) or muted, which a quiet room never produces.

use super::ids::AUDIO_DEVICE;
use super::model::{CheckResult, Status, round};
use crate::capture::microphone::{MicError, MicLevels};
use crate::i18n::Tr;
use crate::profile::AudioReq;

pub fn judge(result: &Result<MicLevels, MicError>, req: &AudioReq, tr: &Tr) -> CheckResult {
    let l = match result {
        Ok(l) => l,
        Err(MicError::NoDevice) => {
            return CheckResult::new(AUDIO_DEVICE, Status::Fail, tr)
                .summary(tr.t("mic-none"))
                .advice(tr.t("mic-advice-none"));
        }
        Err(MicError::NotResponding(seconds)) => {
            return CheckResult::new(AUDIO_DEVICE, Status::Fail, tr)
                .summary(tr.f("mic-not-responding", &[("seconds", seconds.to_string())]))
                .advice(tr.t("mic-advice-stopped"));
        }
        Err(e) => {
            return CheckResult::new(AUDIO_DEVICE, Status::Fail, tr)
                .summary(tr.f("mic-cannot-open", &[("reason", e.detail())]))
                .advice(tr.t("mic-advice-open"));
        }
    };
    let r = CheckResult::new(AUDIO_DEVICE, Status::Pass, tr)
        .measured("device", l.device.clone())
        .measured("sample_rate", l.rate)
        .measured("channels", l.channels)
        .measured("seconds", round(l.seconds, 2))
        .measured("rms_dbfs", round(l.rms_db, 1))
        .measured("peak_dbfs", round(l.peak_db, 1))
        .threshold("muted_zero_run_s", req.muted_zero_run_s);
    if let Some(e) = &l.error {
        let r = CheckResult {
            status: Status::Fail,
            ..r
        };
        return match e {
            MicError::Stopped(_) | MicError::Stream(_) => r
                .measured("stopped", e.detail())
                .summary(tr.f("mic-stopped", &[("reason", e.detail())]))
                .advice(tr.t("mic-advice-stopped")),
            _ => r
                .summary(tr.f("mic-cannot-open", &[("reason", e.detail())]))
                .advice(tr.t("mic-advice-open")),
        };
    }
    if l.seconds <= 0.0 {
        return CheckResult {
            status: Status::Fail,
            ..r
        }
        .summary(tr.t("mic-no-data"))
        .advice(tr.t("mic-advice-open"));
    }
    if l.zero_run_s >= req.muted_zero_run_s {
        // Muted or blocked: the verification would hear nothing, so this fails.
        return CheckResult {
            status: Status::Fail,
            ..r
        }
        .summary(tr.t("audio-exact-silence"))
        .advice(tr.t("audio-advice-blocked"));
    }
    r.summary(tr.f(
        "mic-ok",
        &[("device", l.device.clone()), ("rate", l.rate.to_string())],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn device_verdicts() {
        let tr = Tr::new(Lang::ZhCn);
        let req = crate::profile::Profile::builtin().expect("profile").audio;
        assert_eq!(
            judge(&Err(MicError::NoDevice), &req, &tr).status,
            Status::Fail
        );
        assert_eq!(
            judge(&Err(MicError::Open("busy".into())), &req, &tr).status,
            Status::Fail
        );
        let hung = judge(&Err(MicError::NotResponding(10)), &req, &tr);
        assert!(hung.summary.contains("10"), "{}", hung.summary);
        assert_eq!(hung.status, Status::Fail);
        let good = MicLevels {
            device: "USB Mic".into(),
            rate: 48000,
            channels: 1,
            rms_db: -50.0,
            peak_db: -30.0,
            seconds: 2.5,
            zero_run_s: 0.0,
            error: None,
        };
        assert_eq!(judge(&Ok(good.clone()), &req, &tr).status, Status::Pass);
        let muted = MicLevels {
            zero_run_s: 2.5,
            rms_db: -120.0,
            peak_db: -120.0,
            ..good.clone()
        };
        // Exact digital zero: muted or blocked by the system, the attempt would hear nothing.
        let r = judge(&Ok(muted), &req, &tr);
        assert_eq!(r.status, Status::Fail);
        assert!(r.summary.contains("零"));
        assert!(r.advice.contains("隐私"), "{}", r.advice);
        let nothing = MicLevels {
            seconds: 0.0,
            ..good.clone()
        };
        assert_eq!(judge(&Ok(nothing), &req, &tr).status, Status::Fail);
        let broke = MicLevels {
            error: Some(MicError::Stream("unplugged".into())),
            ..good.clone()
        };
        assert_eq!(judge(&Ok(broke), &req, &tr).status, Status::Fail);
        let stopped = MicLevels {
            error: Some(MicError::Stopped(1.6)),
            ..good
        };
        let r = judge(&Ok(stopped), &req, &tr);
        assert_eq!(r.status, Status::Fail);
        assert!(r.summary.contains("中途停止"), "{}", r.summary);
        assert_eq!(r.measured["stopped"], "1.6 s");
    }
}
