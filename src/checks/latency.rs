//! `network.latency`: round-trip time and jitter to the verification hosts. Video frames
//! that arrive late count as interruptions.

use super::ids::NETWORK_LATENCY;
use super::model::{CheckResult, Status, round};
use crate::i18n::Tr;
use crate::net::latency::{ConnectFailure, HostSamples, jitter, median};
use crate::profile::NetworkReq;

pub fn judge(samples: &[HostSamples], req: &NetworkReq, tr: &Tr) -> CheckResult {
    let all: Vec<f64> = samples
        .iter()
        .flat_map(|s| s.rtt_ms.iter().copied())
        .collect();
    let failures: usize = samples.iter().map(|s| s.failures.len()).sum();
    let attempts = all.len() + failures;
    let per_host: Vec<serde_json::Value> = samples
        .iter()
        .map(|s| {
            serde_json::json!({
                "host": s.host,
                "median_ms": (!s.rtt_ms.is_empty()).then(|| round(median(&s.rtt_ms), 1)),
                "failures": s.failures.len(),
                "first_failure": s.failures.first().map(ToString::to_string),
            })
        })
        .collect();
    let thresholds = |r: CheckResult| {
        r.threshold("warn_ms", req.latency_warn_ms)
            .threshold("fail_ms", req.latency_fail_ms)
            .threshold("jitter_warn_ms", req.jitter_warn_ms)
    };
    if all.is_empty() {
        let first = samples.iter().find_map(|s| s.failures.first());
        let dns = first.is_some_and(ConnectFailure::is_dns);
        let reason = first.map(ToString::to_string).unwrap_or_default();
        let (summary, advice) = if dns {
            ("latency-summary-dns", "net-advice-dns")
        } else {
            ("latency-summary-unreachable", "latency-advice-unreachable")
        };
        return thresholds(
            CheckResult::error(NETWORK_LATENCY, tr, tr.f(summary, &[("reason", reason)]))
                .advice(tr.t(advice))
                .measured("hosts", per_host)
                .measured("failures", failures),
        );
    }
    let med = median(&all);
    let jit = jitter(&all);
    let loss = failures as f64 / attempts.max(1) as f64;
    let args = [
        ("median", format!("{med:.0}")),
        ("jitter", format!("{jit:.0}")),
        ("failures", failures.to_string()),
        ("attempts", attempts.to_string()),
    ];
    let status = if med > req.latency_fail_ms || loss > req.latency_fail_loss_share {
        Status::Fail
    } else if med > req.latency_warn_ms || jit > req.jitter_warn_ms || failures > 0 {
        Status::Warn
    } else {
        Status::Pass
    };
    let r = CheckResult::new(NETWORK_LATENCY, status, tr)
        .summary(tr.f("latency-summary", &args))
        .measured("median_ms", round(med, 1))
        .measured("jitter_ms", round(jit, 1))
        .measured("failures", failures)
        .measured("attempts", attempts)
        .measured("hosts", per_host);
    let r = if status == Status::Pass {
        r
    } else {
        r.advice(tr.t("latency-advice"))
    };
    thresholds(r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::profile::Profile;

    fn host(rtts: &[f64], failures: usize) -> HostSamples {
        HostSamples {
            host: "h:443".into(),
            rtt_ms: rtts.to_vec(),
            failures: vec![ConnectFailure::Timeout; failures],
        }
    }

    #[test]
    fn latency_verdicts() {
        let req = Profile::builtin().expect("p").network;
        let tr = Tr::new(Lang::ZhCn);
        assert_eq!(
            judge(&[host(&[30.0, 32.0, 31.0], 0)], &req, &tr).status,
            Status::Pass
        );
        assert_eq!(
            judge(&[host(&[200.0, 210.0, 205.0], 0)], &req, &tr).status,
            Status::Warn
        );
        assert_eq!(
            judge(&[host(&[30.0, 120.0, 30.0, 120.0], 0)], &req, &tr).status,
            Status::Warn
        );
        assert_eq!(
            judge(&[host(&[500.0, 520.0], 0)], &req, &tr).status,
            Status::Fail
        );
        let r = judge(&[host(&[], 3)], &req, &tr);
        assert_eq!(r.status, Status::Error);
        assert!(r.summary.contains("timeout"));
        let r = judge(&[host(&[30.0, 31.0], 0), host(&[40.0], 2)], &req, &tr);
        assert_eq!(r.status, Status::Warn);
        assert_eq!(r.measured["failures"], 2);
    }
}
