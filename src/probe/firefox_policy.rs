//! Firefox's enterprise policy for its proxy ("Proxy": `Mode` manual / autoConfig /
//! autoDetect, with `HTTPProxy`, `SSLProxy`, `SOCKSProxy`, `AutoConfigURL`): from the
//! Windows registry (`Software\Policies\Mozilla\Firefox\Proxy`) or a `policies.json` file
//! (Linux `/etc/firefox/policies`, or `distribution/` beside the program). A policy overrides
//! whatever the seller picks in Firefox's own settings.

use super::proxy::{ProxySetting, redact};

/// The proxy a policy sets (`place`: where it was read, for the source); "none" and
/// "system" add nothing here (the system's proxy is read on its own).
pub fn parse(
    place: &str,
    mode: Option<&str>,
    servers: [Option<&str>; 3],
    pac_url: Option<&str>,
) -> Vec<ProxySetting> {
    let source = format!("firefox:policy:{place}");
    let text = |v: Option<&str>| v.map(str::trim).filter(|v| !v.is_empty()).map(redact);
    let one = |value: String| ProxySetting {
        source: source.clone(),
        value,
    };
    match mode.map(|m| m.trim().to_ascii_lowercase()).as_deref() {
        Some("manual") => servers.iter().filter_map(|s| text(*s)).map(one).collect(),
        Some("autoconfig") => text(pac_url).map(one).into_iter().collect(),
        Some("autodetect") => vec![one("WPAD".into())],
        _ => Vec::new(),
    }
}

/// A `policies.json` file's proxy policy.
pub fn parse_json(place: &str, text: &str) -> Vec<ProxySetting> {
    let Ok(v) = serde_json::from_str::<serde_json::Value>(text) else {
        return Vec::new();
    };
    let p = &v["policies"]["Proxy"];
    parse(
        place,
        p["Mode"].as_str(),
        [
            p["HTTPProxy"].as_str(),
            p["SSLProxy"].as_str(),
            p["SOCKSProxy"].as_str(),
        ],
        p["AutoConfigURL"].as_str(),
    )
}

/// The policy files Firefox reads on Linux.
#[cfg(target_os = "linux")]
pub fn linux_files() -> Vec<ProxySetting> {
    let mut out = Vec::new();
    for file in [
        "/etc/firefox/policies/policies.json",
        "/usr/lib/firefox/distribution/policies.json",
        "/usr/lib/firefox-esr/distribution/policies.json",
    ] {
        if let Ok(text) = std::fs::read_to_string(file) {
            out.extend(parse_json(file, &text));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manual_pac_auto_detect_and_system_policies() {
        // As Mozilla's policy templates document the Proxy policy.
        let manual = r#"{"policies": {"Proxy": {"Mode": "manual", "Locked": true,
            "HTTPProxy": "127.0.0.1:7890", "UseHTTPProxyForAllProtocols": true,
            "SOCKSProxy": "127.0.0.1:7891", "SOCKSVersion": 5}}}"#;
        let found = parse_json("/etc/firefox/policies/policies.json", manual);
        assert_eq!(found.len(), 2);
        assert_eq!(
            found[0].source,
            "firefox:policy:/etc/firefox/policies/policies.json"
        );
        assert_eq!(found[0].value, "127.0.0.1:7890");
        assert_eq!(found[1].value, "127.0.0.1:7891");
        let pac = r#"{"policies": {"Proxy": {"Mode": "autoConfig",
            "AutoConfigURL": "http://user:pw@10.0.0.1/proxy.pac"}}}"#;
        let found = parse_json("x", pac);
        assert_eq!(found.len(), 1);
        assert!(!found[0].value.contains("pw"), "{}", found[0].value);
        assert_eq!(
            parse("HKCU", Some("autoDetect"), [None; 3], None)[0].value,
            "WPAD"
        );
        for quiet in [
            r#"{"policies": {"Proxy": {"Mode": "system"}}}"#,
            r#"{"policies": {"Proxy": {"Mode": "none"}}}"#,
            r#"{"policies": {"DisableTelemetry": true}}"#,
            "not json",
        ] {
            assert!(parse_json("x", quiet).is_empty(), "{quiet}");
        }
    }
}
