//! `network.proxy`: the verification must run over a direct connection.

use super::ids::NETWORK_PROXY;
use super::model::{CheckResult, Status};
use crate::i18n::Tr;
use crate::probe::proxy::{ProxyFacts, ProxySetting};

pub fn judge(facts: &ProxyFacts, tr: &Tr) -> CheckResult {
    let sources: Vec<serde_json::Value> = facts
        .settings
        .iter()
        .map(|s| serde_json::json!({ "source": s.source, "value": s.value }))
        .collect();
    let extensions: Vec<serde_json::Value> = facts
        .extensions
        .iter()
        .map(|s| serde_json::json!({ "source": s.source, "name": s.value }))
        .collect();
    // What was read, on every verdict.
    let with_facts = |r: CheckResult| {
        r.measured("sources", sources.clone())
            .measured("unreadable", facts.unreadable.clone())
            .measured("extensions", extensions.clone())
            .measured("auto_detect", facts.auto_detect)
    };
    // "value (where)", for the summary.
    let listed = |found: &[ProxySetting]| {
        found
            .iter()
            .map(|s| format!("{} ({})", s.value, s.source))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !facts.settings.is_empty() {
        let list = listed(&facts.settings);
        return with_facts(CheckResult::new(NETWORK_PROXY, Status::Fail, tr))
            .summary(tr.f("proxy-summary-found", &[("list", list)]))
            .advice(tr.t("proxy-advice"))
            .threshold("allowed", false);
    }
    if !facts.unreadable.is_empty() {
        let sources = facts.unreadable.join(", ");
        return with_facts(CheckResult::error(
            NETWORK_PROXY,
            tr,
            tr.f("proxy-summary-unreadable", &[("sources", sources)]),
        ));
    }
    if !facts.extensions.is_empty() {
        let list = listed(&facts.extensions);
        return with_facts(CheckResult::new(NETWORK_PROXY, Status::Warn, tr))
            .summary(tr.f("proxy-summary-extension", &[("list", list)]))
            .advice(tr.t("proxy-advice-extension"))
            .threshold("allowed", false);
    }
    with_facts(CheckResult::new(NETWORK_PROXY, Status::Pass, tr))
        .summary(tr.t("proxy-summary-none"))
        .threshold("allowed", false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::probe::proxy::parse_windows_internet_settings;

    #[test]
    fn found_fails_with_sources_none_passes_unreadable_is_error() {
        let tr = Tr::new(Lang::ZhCn);
        let found = ProxyFacts {
            settings: parse_windows_internet_settings(Some(1), Some("127.0.0.1:7890"), None),
            ..ProxyFacts::default()
        };
        let r = judge(&found, &tr);
        assert_eq!(r.status, Status::Fail);
        assert_eq!(
            r.measured["sources"][0]["source"],
            "windows:internet-settings"
        );
        assert!(r.summary.contains("127.0.0.1:7890"));
        assert_eq!(judge(&ProxyFacts::default(), &tr).status, Status::Pass);
        // Windows' automatic detection is reported, not judged (on by default everywhere).
        let wpad = ProxyFacts {
            auto_detect: Some(true),
            ..ProxyFacts::default()
        };
        let r = judge(&wpad, &tr);
        assert_eq!(r.status, Status::Pass);
        assert_eq!(r.measured["auto_detect"], true);
        let unknown = ProxyFacts {
            unreadable: vec!["gnome".into()],
            ..ProxyFacts::default()
        };
        assert_eq!(judge(&unknown, &tr).status, Status::Error);
        let both = ProxyFacts {
            settings: vec![ProxySetting {
                source: "env:ALL_PROXY".into(),
                value: "socks5://127.0.0.1:1080".into(),
            }],
            unreadable: vec!["gnome".into()],
            ..ProxyFacts::default()
        };
        assert_eq!(judge(&both, &tr).status, Status::Fail);
        // An installed proxy extension alone warns and is named with its profile.
        let extension = ProxyFacts {
            extensions: vec![ProxySetting {
                source: "chrome:Default:extension".into(),
                value: "Proxy SwitchyOmega".into(),
            }],
            ..ProxyFacts::default()
        };
        let r = judge(&extension, &tr);
        assert_eq!(r.status, Status::Warn);
        assert!(r.summary.contains("Proxy SwitchyOmega"), "{}", r.summary);
        assert_eq!(
            r.measured["extensions"][0]["source"],
            "chrome:Default:extension"
        );
    }
}
