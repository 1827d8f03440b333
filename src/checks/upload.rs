//! `network.upload`: the verification streams 720p video up; one frame taking more than 2 s
//! counts as an interruption. Judged on the sustained rate, the rate the link keeps most of
//! the time, and the longest stall. A stall of `max_stall_s` or more is an interruption and
//! fails, unless the link recovered and a repeat of the test ran without one (then it warns).

use super::ids::NETWORK_UPLOAD;
use super::model::{CheckResult, Status, round};
use crate::i18n::Tr;
use crate::net::upload::{UploadError, UploadOutcome};
use crate::profile::NetworkReq;

/// `result`: the last run of the test. `earlier_stall_s`: the stall that made the runner
/// repeat it (None when the first run had none).
pub fn judge(
    result: &Result<UploadOutcome, UploadError>,
    earlier_stall_s: Option<f64>,
    via_proxy: bool,
    req: &NetworkReq,
    tr: &Tr,
) -> CheckResult {
    let thresholds = |r: CheckResult| {
        r.threshold("pass_mbps", req.upload_pass_mbps)
            .threshold("warn_mbps", req.upload_warn_mbps)
            .threshold("max_stall_s", req.max_stall_s)
    };
    let o = match result {
        Ok(o) => o,
        Err(e) => {
            let reason = match e {
                UploadError::BadUrl(u) => tr.f("upload-error-url", &[("url", u.clone())]),
                UploadError::Dns(d) => tr.f("upload-error-dns", &[("detail", d.clone())]),
                UploadError::Connect(d) => tr.f("upload-error-connect", &[("detail", d.clone())]),
                UploadError::HttpStatus(code) => {
                    tr.f("upload-error-status", &[("code", code.to_string())])
                }
                UploadError::NothingSent => tr.t("upload-error-nothing-sent"),
                UploadError::NoAnswer => tr.t("upload-error-no-answer"),
                UploadError::Other(d) => tr.f("upload-error-other", &[("detail", d.clone())]),
            };
            let advice = match e {
                UploadError::Dns(_) => "net-advice-dns",
                _ => "upload-advice-error",
            };
            return thresholds(
                CheckResult::error(NETWORK_UPLOAD, tr, reason)
                    .advice(tr.t(advice))
                    .measured("via_proxy", via_proxy),
            );
        }
    };
    let mut status = if o.mbps >= req.upload_pass_mbps {
        Status::Pass
    } else if o.mbps >= req.upload_warn_mbps {
        Status::Warn
    } else {
        Status::Fail
    };
    // One frame held up longer than max_stall_s is an interruption of the verification.
    let stalled = o.longest_stall_s >= req.max_stall_s;
    let unsteady = o.p10_mbps < req.upload_warn_mbps;
    // It stalled once, recovered, and the repeat was clean: a risk, not a certainty.
    let recovered = earlier_stall_s.is_some() && !stalled;
    if status == Status::Pass && (unsteady || recovered) {
        status = Status::Warn;
    }
    if stalled {
        status = Status::Fail;
    }
    // The connection died part-way and never came back: the verification would drop.
    let lost = o.final_stall_s >= req.max_stall_s;
    if lost {
        status = Status::Fail;
    }
    let shown_mbps = if lost { o.whole_mbps } else { o.mbps };
    let args = [
        ("mbps", format!("{shown_mbps:.1}")),
        ("p10", format!("{:.1}", o.p10_mbps)),
        ("stall", format!("{:.1}", o.longest_stall_s)),
    ];
    let mut summary = if lost {
        tr.f(
            "upload-summary-lost",
            &[
                ("stall", format!("{:.1}", o.final_stall_s)),
                ("mbps", format!("{shown_mbps:.1}")),
            ],
        )
    } else {
        tr.f("upload-summary", &args)
    };
    if stalled && !lost {
        summary.push(' ');
        summary.push_str(&tr.f(
            "upload-summary-stall",
            &[
                ("stall", format!("{:.1}", o.longest_stall_s)),
                ("max", format!("{}", req.max_stall_s)),
            ],
        ));
    }
    if let (Some(first), true) = (earlier_stall_s, recovered) {
        summary.push(' ');
        summary.push_str(&tr.f(
            "upload-summary-recovered",
            &[("stall", format!("{first:.1}"))],
        ));
    }
    if via_proxy {
        summary.push(' ');
        summary.push_str(&tr.t("upload-summary-proxy"));
    }
    let r = CheckResult::new(NETWORK_UPLOAD, status, tr)
        .summary(summary)
        .measured("mbps", round(shown_mbps, 2))
        .measured("final_stall_s", round(o.final_stall_s, 2))
        .measured("p10_mbps", round(o.p10_mbps, 2))
        .measured("longest_stall_s", round(o.longest_stall_s, 2))
        .measured("duration_s", round(o.duration_s, 1))
        .measured("bytes_sent", o.bytes_sent)
        .measured("idle_latency_ms", o.idle_latency_ms.map(|v| round(v, 1)))
        .measured(
            "loaded_latency_ms",
            o.loaded_latency_ms.map(|v| round(v, 1)),
        )
        .measured("via_proxy", via_proxy)
        .measured("stopped_early", o.stopped_early)
        .measured(
            "repeated_after_stall_s",
            earlier_stall_s.map(|v| round(v, 2)),
        );
    let r = match status {
        Status::Pass => r,
        _ if lost => r.advice(tr.t("upload-advice-lost")),
        _ if stalled || unsteady || recovered => r.advice(tr.t("upload-advice-unsteady")),
        _ => r.advice(tr.t("upload-advice-slow")),
    };
    thresholds(r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::profile::Profile;

    fn outcome(mbps: f64, p10: f64, stall: f64) -> UploadOutcome {
        UploadOutcome {
            mbps,
            p10_mbps: p10,
            longest_stall_s: stall,
            final_stall_s: 0.0,
            whole_mbps: mbps * 0.9,
            duration_s: 8.0,
            bytes_sent: 1_000_000,
            series: vec![],
            idle_latency_ms: Some(20.0),
            loaded_latency_ms: Some(80.0),
            requests_ok: 3,
            stopped_early: true,
        }
    }

    #[test]
    fn upload_verdicts() {
        let req = Profile::builtin().expect("p").network;
        let tr = Tr::new(Lang::ZhCn);
        assert_eq!(
            judge(&Ok(outcome(10.0, 9.0, 0.0)), None, false, &req, &tr).status,
            Status::Pass
        );
        assert_eq!(
            judge(&Ok(outcome(2.0, 1.8, 0.0)), None, false, &req, &tr).status,
            Status::Warn
        );
        assert_eq!(
            judge(&Ok(outcome(1.0, 0.9, 0.0)), None, false, &req, &tr).status,
            Status::Fail
        );
        // A 3 s stall is an interruption (over max_stall_s, 2 s): it fails…
        let stalled = judge(&Ok(outcome(10.0, 9.0, 3.0)), None, false, &req, &tr);
        assert_eq!(stalled.status, Status::Fail);
        assert!(stalled.summary.contains("3.0"));
        // …also in a repeat after an earlier stall…
        let again = judge(&Ok(outcome(10.0, 9.0, 2.5)), Some(3.0), false, &req, &tr);
        assert_eq!(again.status, Status::Fail);
        // …and a stall just under the limit does not.
        let short = judge(&Ok(outcome(10.0, 9.0, 1.9)), None, false, &req, &tr);
        assert_eq!(short.status, Status::Pass);
        // Recovered and repeated cleanly: a warning that names the first stall.
        let recovered = judge(&Ok(outcome(10.0, 9.0, 0.2)), Some(3.0), false, &req, &tr);
        assert_eq!(recovered.status, Status::Warn);
        assert_eq!(recovered.measured["repeated_after_stall_s"], 3.0);
        assert!(recovered.summary.contains("3.0"), "{}", recovered.summary);
        // Fast at first, then the connection died for the rest of the test.
        let lost = UploadOutcome {
            final_stall_s: 9.0,
            whole_mbps: 3.7,
            ..outcome(2225.0, 0.0, 9.0)
        };
        let lost = judge(&Ok(lost), None, false, &req, &tr);
        assert_eq!(lost.status, Status::Fail);
        assert!(
            lost.summary.contains("断开") && lost.summary.contains("3.7"),
            "{}",
            lost.summary
        );
        assert_eq!(lost.measured["mbps"], 3.7);
        assert_eq!(
            judge(&Ok(outcome(10.0, 0.5, 0.0)), None, false, &req, &tr).status,
            Status::Warn
        );
        let e = judge(&Err(UploadError::HttpStatus(413)), None, false, &req, &tr);
        assert_eq!(e.status, Status::Error);
        assert!(e.summary.contains("413"));
        assert!(
            e.measured.get("mbps").is_none(),
            "no figure from a refused upload"
        );
        let p = judge(&Ok(outcome(10.0, 9.0, 0.0)), None, true, &req, &tr);
        assert_eq!(p.measured["via_proxy"], true);
    }
}
