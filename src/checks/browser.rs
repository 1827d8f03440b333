//! `browser.version`: the verification page supports Chrome 110+ or Firefox 115+ on a PC.

use super::ids::BROWSER_VERSION;
use super::model::{CheckResult, Status};
use crate::i18n::Tr;
use crate::probe::browsers::BrowserFacts;
use crate::profile::BrowserReq;

/// `searched` is false where this OS's browser lookup is not available.
pub fn judge(facts: &BrowserFacts, searched: bool, req: &BrowserReq, tr: &Tr) -> CheckResult {
    let min_of = |family: &str| {
        req.supported
            .iter()
            .find(|s| s.family == family)
            .map(|s| s.min_major)
    };
    let listed: Vec<serde_json::Value> = facts
        .browsers
        .iter()
        .map(|b| {
            serde_json::json!({
                "name": b.name, "family": b.family, "version": b.version, "path": b.path,
                "supported": min_of(&b.family).is_some_and(|m| b.major >= m),
            })
        })
        .collect();
    let minimums: serde_json::Map<String, serde_json::Value> = req
        .supported
        .iter()
        .map(|s| (s.family.clone(), s.min_major.into()))
        .collect();
    let minimum_text = req
        .supported
        .iter()
        .map(|s| format!("{} {}+", display_family(&s.family), s.min_major))
        .collect::<Vec<_>>()
        .join(" / ");
    // The default browser opens the verification link from the seller back office: one the
    // page does not support (Edge, a Chinese shell…), or one we cannot name, is a risk.
    let default_lower = facts.default_raw.as_deref().map(str::to_lowercase);
    let discouraged = default_lower.as_deref().and_then(|raw| {
        req.discouraged
            .iter()
            .find(|d| raw.contains(&d.to_lowercase()))
            .cloned()
    });
    let base = |status| {
        CheckResult::new(BROWSER_VERSION, status, tr)
            .measured("browsers", listed.clone())
            .measured("default", facts.default_raw.clone())
            .measured("default_discouraged", discouraged.clone())
            .measured("fingerprint_browsers", facts.fingerprint.clone())
            .measured("old_windows", facts.old_windows.clone())
            .threshold("min_major", minimums.clone())
            .threshold("discouraged", req.discouraged.clone())
    };
    if !searched {
        return CheckResult::error(BROWSER_VERSION, tr, tr.t("browser-summary-unsearched"))
            .advice(tr.f("browser-advice-install", &[("minimum", minimum_text)]));
    }
    let good: Vec<String> = facts
        .browsers
        .iter()
        .filter(|b| min_of(&b.family).is_some_and(|m| b.major >= m))
        .map(|b| format!("{} {}", b.name, b.version))
        .collect();
    if good.is_empty() {
        let old: Vec<String> = facts
            .browsers
            .iter()
            .filter(|b| min_of(&b.family).is_some())
            .map(|b| format!("{} {}", b.name, b.version))
            .collect();
        let summary = if old.is_empty() {
            tr.t("browser-summary-none")
        } else {
            tr.f("browser-summary-old", &[("list", old.join(", "))])
        };
        let advice_key = if old.is_empty() {
            "browser-advice-install"
        } else {
            "browser-advice-update"
        };
        // On Windows 7/8.1 updating Chrome is not possible: say what is.
        let advice = match (&facts.old_windows, req.chrome_last_major_before_windows_10) {
            (Some(os), Some(last)) => tr.f(
                "browser-advice-old-windows",
                &[("os", os.clone()), ("chrome_last", last.to_string())],
            ),
            _ => tr.f(advice_key, &[("minimum", minimum_text)]),
        };
        return base(Status::Fail).summary(summary).advice(advice);
    }
    if !facts.fingerprint.is_empty() {
        let names = facts.fingerprint.join(", ");
        return base(Status::Warn)
            .summary(tr.f(
                "browser-summary-fingerprint",
                &[("list", good.join(", ")), ("fingerprint", names.clone())],
            ))
            .advice(tr.f("browser-advice-fingerprint", &[("fingerprint", names)]));
    }
    let default_ok = facts.default_family.as_deref().map(|f| min_of(f).is_some());
    let unknown_default = facts.default_raw.is_some() && facts.default_family.is_none();
    if default_ok == Some(false) || discouraged.is_some() || unknown_default {
        return base(Status::Warn)
            .summary(tr.f(
                "browser-summary-default-unsupported",
                &[
                    ("list", good.join(", ")),
                    ("default", facts.default_raw.clone().unwrap_or_default()),
                ],
            ))
            .advice(tr.t("browser-advice-open-supported"));
    }
    base(Status::Pass).summary(tr.f("browser-summary-ok", &[("list", good.join(", "))]))
}

fn display_family(family: &str) -> &str {
    match family {
        "chrome" => "Chrome",
        "chromium" => "Chromium",
        "firefox" => "Firefox",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::probe::browsers::parse_version_line;
    use crate::profile::Profile;

    fn facts(lines: &[&str], default: Option<&str>) -> BrowserFacts {
        BrowserFacts {
            browsers: lines
                .iter()
                .filter_map(|l| parse_version_line(l, "/usr/bin/x"))
                .collect(),
            default_family: default
                .and_then(crate::probe::browsers::family_of)
                .map(str::to_string),
            default_raw: default.map(str::to_string),
            ..BrowserFacts::default()
        }
    }

    #[test]
    fn verdicts_over_real_version_lines() {
        let req = Profile::builtin().expect("p").browser;
        let tr = Tr::new(Lang::ZhCn);
        let ok = facts(
            &[
                "Mozilla Firefox 115.6.0esr",
                "Chromium 120.0.6099.224 built on Debian 12.4",
            ],
            Some("firefox-esr.desktop"),
        );
        let r = judge(&ok, true, &req, &tr);
        assert_eq!(r.status, Status::Pass);
        assert_eq!(r.measured["browsers"][0]["version"], "115.6.0esr");
        assert_eq!(r.measured["browsers"][0]["supported"], true);

        let old = facts(
            &[
                "Mozilla Firefox 102.15.1esr",
                "Google Chrome 109.0.5414.120",
            ],
            None,
        );
        let r = judge(&old, true, &req, &tr);
        assert_eq!(r.status, Status::Fail);
        assert!(r.summary.contains("109.0.5414.120"));

        let none = facts(&["Microsoft Edge 120.0.2210.91"], Some("MSEdgeHTM"));
        assert_eq!(judge(&none, true, &req, &tr).status, Status::Fail);

        let default_edge = facts(
            &[
                "Google Chrome 131.0.6778.85",
                "Microsoft Edge 131.0.2903.70",
            ],
            Some("MSEdgeHTM"),
        );
        assert_eq!(judge(&default_edge, true, &req, &tr).status, Status::Warn);

        // A Chinese shell browser as the default (one of the profile's discouraged names) and a
        // default nobody can name both warn; the discouraged one is named.
        let chrome = ["Google Chrome 131.0.6778.85"];
        let r = judge(&facts(&chrome, Some("360SeURL")), true, &req, &tr);
        assert_eq!(r.status, Status::Warn);
        assert_eq!(r.measured["default_discouraged"], "360");
        let r = judge(&facts(&chrome, Some("SomeOddBrowserURL")), true, &req, &tr);
        assert_eq!(r.status, Status::Warn);
        assert!(r.measured["default_discouraged"].is_null());

        assert_eq!(
            judge(&BrowserFacts::default(), false, &req, &tr).status,
            Status::Error
        );
    }

    #[test]
    fn fingerprint_browsers_warn_and_old_windows_is_told_where_chrome_stops() {
        let req = Profile::builtin().expect("p").browser;
        let tr = Tr::new(Lang::ZhCn);
        let mut f = facts(&["Google Chrome 131.0.6778.85"], Some("ChromeHTML"));
        f.fingerprint = vec!["AdsPower Global".into()];
        let r = judge(&f, true, &req, &tr);
        assert_eq!(r.status, Status::Warn);
        assert!(r.summary.contains("AdsPower Global"), "{}", r.summary);
        assert!(r.advice.contains("AdsPower Global"), "{}", r.advice);

        // Windows 7 with Chrome 109: updating is impossible there, the advice says so.
        let mut f = facts(&["Google Chrome 109.0.5414.120"], Some("ChromeHTML"));
        f.old_windows = Some("Windows 7".into());
        let r = judge(&f, true, &req, &tr);
        assert_eq!(r.status, Status::Fail);
        let advice = &r.advice;
        assert!(
            advice.contains("Windows 7") && advice.contains("109"),
            "{advice}"
        );
        assert_eq!(r.measured["old_windows"], "Windows 7");
        // With Firefox 115 there, it passes.
        let mut f = facts(
            &["Mozilla Firefox 115.18.0esr"],
            Some("FirefoxURL-308046B0AF4A39CB"),
        );
        f.old_windows = Some("Windows 7".into());
        assert_eq!(judge(&f, true, &req, &tr).status, Status::Pass);
    }
}
