//! Where a proxy is configured: environment variables, desktop settings (GNOME `gsettings`,
//! KDE `kioslaverc`), macOS `scutil --proxy`, Windows Internet Settings, and the browsers' own
//! settings (`browser_proxy`). Values are reported without passwords.

use serde::{Deserialize, Serialize};

/// One place a proxy was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProxySetting {
    /// Where: "env:HTTPS_PROXY", "gnome", "macos:scutil", "windows:internet-settings".
    pub source: String,
    /// The proxy, credentials removed.
    pub value: String,
}

/// What the probe could and could not read.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ProxyFacts {
    pub settings: Vec<ProxySetting>,
    /// Sources that exist on this OS but could not be read (e.g. gsettings missing).
    pub unreadable: Vec<String>,
    /// Proxy-switching extensions installed in a browser profile (`value`: the extension's
    /// name): whether one is switched on lives in the extension's own storage.
    #[serde(default)]
    pub extensions: Vec<ProxySetting>,
    /// Windows' "Automatically detect settings" (WPAD) switch: `None` where there is no such
    /// switch or it could not be read. Reported, not judged: it is on by default on every
    /// Windows PC and sends traffic through a proxy only where the network publishes one.
    #[serde(default)]
    pub auto_detect: Option<bool>,
}

/// The "Automatically detect settings" switch in `Internet Settings\Connections`
/// `DefaultConnectionSettings` (REG_BINARY): a version DWORD, a change counter DWORD, then the
/// flags DWORD, little-endian — 1 direct, 2 proxy, 4 automatic configuration script, 8
/// automatic detection. `None` for a value too short to hold the flags.
pub fn parse_connection_settings_auto_detect(blob: &[u8]) -> Option<bool> {
    let flags = u32::from_le_bytes(blob.get(8..12)?.try_into().ok()?);
    Some(flags & 0x08 != 0)
}

const PROXY_VARS: [&str; 4] = ["http_proxy", "https_proxy", "all_proxy", "ftp_proxy"];

/// Proxy variables from an environment snapshot, any letter case.
pub fn from_env(env: &[(String, String)]) -> Vec<ProxySetting> {
    let mut out: Vec<ProxySetting> = env
        .iter()
        .filter(|(k, v)| {
            PROXY_VARS.contains(&k.to_ascii_lowercase().as_str()) && !v.trim().is_empty()
        })
        .map(|(k, v)| ProxySetting {
            source: format!("env:{k}"),
            value: redact(v.trim()),
        })
        .collect();
    out.sort_by(|a, b| a.source.cmp(&b.source));
    out
}

/// Removes "user:password@" from a proxy URL.
pub fn redact(url: &str) -> String {
    let (scheme, rest) = match url.split_once("://") {
        Some((s, r)) => (format!("{s}://"), r),
        None => (String::new(), url),
    };
    let host_part_end = rest.find('/').unwrap_or(rest.len());
    match rest[..host_part_end].rfind('@') {
        Some(at) => format!("{scheme}***@{}", &rest[at + 1..]),
        None => format!("{scheme}{rest}"),
    }
}

/// Parses macOS `scutil --proxy` output: enabled HTTP/HTTPS/SOCKS proxies and a PAC URL.
pub fn parse_scutil(text: &str) -> Vec<ProxySetting> {
    let mut map = std::collections::HashMap::new();
    for line in text.lines() {
        if let Some((k, v)) = line.split_once(" : ") {
            map.insert(k.trim().to_string(), v.trim().to_string());
        }
    }
    let mut out = Vec::new();
    for kind in ["HTTP", "HTTPS", "SOCKS"] {
        if map.get(&format!("{kind}Enable")).map(String::as_str) == Some("1") {
            let host = map
                .get(&format!("{kind}Proxy"))
                .cloned()
                .unwrap_or_default();
            let port = map.get(&format!("{kind}Port")).cloned().unwrap_or_default();
            out.push(ProxySetting {
                source: format!("macos:scutil:{kind}"),
                value: format!("{host}:{port}"),
            });
        }
    }
    if map.get("ProxyAutoConfigEnable").map(String::as_str) == Some("1") {
        out.push(ProxySetting {
            source: "macos:scutil:PAC".into(),
            value: map
                .get("ProxyAutoConfigURLString")
                .cloned()
                .unwrap_or_default(),
        });
    }
    out
}

/// Judges Windows `HKCU\…\Internet Settings` values: `ProxyEnable` (DWORD), `ProxyServer`
/// (`host:port` or `http=h:p;https=h:p;socks=h:p`) and `AutoConfigURL`.
pub fn parse_windows_internet_settings(
    proxy_enable: Option<u32>,
    proxy_server: Option<&str>,
    auto_config_url: Option<&str>,
) -> Vec<ProxySetting> {
    let mut out = Vec::new();
    if proxy_enable.unwrap_or(0) != 0 {
        let server = proxy_server.unwrap_or("").trim();
        if server.contains('=') {
            for part in server.split(';').filter(|p| !p.trim().is_empty()) {
                let (kind, addr) = part.split_once('=').unwrap_or(("", part));
                out.push(ProxySetting {
                    source: format!("windows:internet-settings:{}", kind.trim()),
                    value: redact(addr.trim()),
                });
            }
        } else if !server.is_empty() {
            out.push(ProxySetting {
                source: "windows:internet-settings".into(),
                value: redact(server),
            });
        }
    }
    if let Some(pac) = auto_config_url.map(str::trim).filter(|s| !s.is_empty()) {
        out.push(ProxySetting {
            source: "windows:internet-settings:AutoConfigURL".into(),
            value: redact(pac),
        });
    }
    out
}

/// Parses `gsettings get org.gnome.system.proxy mode` plus host/port answers.
pub fn parse_gnome(mode: &str, hosts: &[(&str, String, String)]) -> Vec<ProxySetting> {
    let mode = mode.trim().trim_matches('\'');
    let mut out = Vec::new();
    match mode {
        "manual" => {
            for (kind, host, port) in hosts {
                let host = host.trim().trim_matches('\'');
                let port = port.trim();
                if !host.is_empty() && port != "0" {
                    out.push(ProxySetting {
                        source: format!("gnome:{kind}"),
                        value: format!("{host}:{port}"),
                    });
                }
            }
        }
        "auto" => out.push(ProxySetting {
            source: "gnome:auto".into(),
            value: "PAC".into(),
        }),
        _ => {}
    }
    out
}

/// Parses KDE's `~/.config/kioslaverc` `[Proxy Settings]`: `ProxyType` 1 = manual
/// (`httpProxy=http://127.0.0.1 7890`, host and port separated by a space or a colon),
/// 2 = PAC (`Proxy Config Script`), 3 = automatic discovery (WPAD); 0 and 4 (the environment
/// variables, read on their own) add nothing here.
pub fn parse_kioslaverc(text: &str) -> Vec<ProxySetting> {
    let mut in_section = false;
    let mut values: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_section = line == "[Proxy Settings]";
            continue;
        }
        if !in_section {
            continue;
        }
        if let Some((k, v)) = line.split_once('=') {
            // Keys may carry a locale or a KDE flag: "httpProxy[$e]".
            let key = k.split('[').next().unwrap_or(k).trim().to_string();
            values.push((key, v.trim().to_string()));
        }
    }
    let get = |key: &str| {
        values
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    };
    let mut out = Vec::new();
    match get("ProxyType") {
        "1" => {
            for (key, kind) in [
                ("httpProxy", "http"),
                ("httpsProxy", "https"),
                ("socksProxy", "socks"),
                ("ftpProxy", "ftp"),
            ] {
                let v = get(key);
                if v.is_empty() {
                    continue;
                }
                let value = match v.rsplit_once(' ') {
                    Some((host, port)) if port.chars().all(|c| c.is_ascii_digit()) => {
                        format!("{}:{port}", host.trim())
                    }
                    _ => v.to_string(),
                };
                out.push(ProxySetting {
                    source: format!("kde:{kind}"),
                    value: redact(&value),
                });
            }
        }
        "2" => out.push(ProxySetting {
            source: "kde:pac".into(),
            value: redact(get("Proxy Config Script")),
        }),
        "3" => out.push(ProxySetting {
            source: "kde:auto".into(),
            value: "WPAD".into(),
        }),
        _ => {}
    }
    out
}

/// Everything this OS offers, with an environment snapshot taken by the caller.
pub fn probe(env: &[(String, String)]) -> ProxyFacts {
    let mut facts = ProxyFacts {
        settings: from_env(env),
        unreadable: Vec::new(),
        extensions: super::proxy_extensions::installed(),
        auto_detect: None,
    };
    os_settings(&mut facts);
    browser_settings(&mut facts);
    facts
}

/// Proxies set inside the browsers (see `browser_proxy`).
fn browser_settings(facts: &mut ProxyFacts) {
    let (firefox, unreadable) = super::browser_proxy::firefox();
    facts.settings.extend(firefox);
    facts.unreadable.extend(unreadable);
    #[cfg(target_os = "linux")]
    {
        facts
            .settings
            .extend(super::browser_proxy::chromium_policy_files());
        facts.settings.extend(super::firefox_policy::linux_files());
    }
    #[cfg(windows)]
    {
        facts
            .settings
            .extend(super::windows::chromium_proxy_policies());
        facts
            .settings
            .extend(super::windows::firefox_proxy_policy());
    }
}

#[cfg(target_os = "linux")]
fn os_settings(facts: &mut ProxyFacts) {
    gnome_settings(facts);
    kde_settings(facts);
}

/// KDE Plasma's settings file, when there is one.
#[cfg(target_os = "linux")]
fn kde_settings(facts: &mut ProxyFacts) {
    let dir = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|d| !d.is_empty())
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| std::path::Path::new(&h).join(".config")));
    let Some(file) = dir.map(|d| d.join("kioslaverc")) else {
        return;
    };
    match std::fs::read(&file) {
        Ok(bytes) => facts
            .settings
            .extend(parse_kioslaverc(&String::from_utf8_lossy(&bytes))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(_) => facts.unreadable.push("kde".into()),
    }
}

#[cfg(target_os = "linux")]
fn gnome_settings(facts: &mut ProxyFacts) {
    use super::command::{run, which};
    if which("gsettings").is_none() {
        return; // No GNOME settings on this machine: nothing to read, nothing unknown.
    }
    let t = std::time::Duration::from_secs(3);
    let get = |key: &str, schema: &str| {
        run("gsettings", &["get", schema, key], t)
            .ok()
            .filter(|o| o.success)
            .map(|o| o.stdout)
    };
    let Some(mode) = get("mode", "org.gnome.system.proxy") else {
        facts.unreadable.push("gnome".into());
        return;
    };
    let mut hosts = Vec::new();
    for kind in ["http", "https", "socks"] {
        let schema = format!("org.gnome.system.proxy.{kind}");
        let host = get("host", &schema).unwrap_or_default();
        let port = get("port", &schema).unwrap_or_default();
        hosts.push((kind, host, port));
    }
    facts.settings.extend(parse_gnome(&mode, &hosts));
}

#[cfg(target_os = "macos")]
fn os_settings(facts: &mut ProxyFacts) {
    match super::command::run("scutil", &["--proxy"], std::time::Duration::from_secs(3)) {
        Ok(o) if o.success => facts.settings.extend(parse_scutil(&o.stdout)),
        _ => facts.unreadable.push("macos:scutil".into()),
    }
}

#[cfg(windows)]
fn os_settings(facts: &mut ProxyFacts) {
    match super::windows::internet_settings() {
        Ok((enable, server, pac)) => facts.settings.extend(parse_windows_internet_settings(
            enable,
            server.as_deref(),
            pac.as_deref(),
        )),
        Err(_) => facts.unreadable.push("windows:internet-settings".into()),
    }
    // Only reported: a missing or unreadable value leaves it unknown.
    facts.auto_detect = super::windows::default_connection_settings()
        .ok()
        .flatten()
        .and_then(|blob| parse_connection_settings_auto_detect(&blob));
}

#[cfg(not(any(target_os = "linux", target_os = "macos", windows)))]
fn os_settings(_facts: &mut ProxyFacts) {}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    /// ~/.config/kioslaverc as KDE Plasma 5 System Settings writes it for a manual proxy
    /// (Clash on 7890/7891), then for a PAC script.
    const KIOSLAVERC_MANUAL: &str = "[$Version]\nupdate_info=kioslave.upd:kde4.2\n\n[Proxy Settings]\nNoProxyFor=localhost,127.0.0.1\nProxy Config Script=\nProxyType=1\nReversedException=false\nftpProxy=\nhttpProxy=http://127.0.0.1 7890\nhttpsProxy=http://127.0.0.1 7890\nsocksProxy=socks://127.0.0.1 7891\n";

    /// `DefaultConnectionSettings` as Windows 10 writes it: version 0x46, a change counter,
    /// the flags (9 = direct + automatic detection, the default; 1 = direct only), then the
    /// proxy, bypass and script strings (empty here) and the last detection's details.
    #[test]
    fn windows_automatic_detection_switch() {
        let mut blob = vec![0x46, 0, 0, 0, 0x13, 0, 0, 0, 0x09, 0, 0, 0];
        blob.extend_from_slice(&[0; 24]);
        assert_eq!(parse_connection_settings_auto_detect(&blob), Some(true));
        blob[8] = 0x01;
        assert_eq!(parse_connection_settings_auto_detect(&blob), Some(false));
        blob[8] = 0x0d;
        assert_eq!(parse_connection_settings_auto_detect(&blob), Some(true));
        assert_eq!(parse_connection_settings_auto_detect(&blob[..10]), None);
    }

    #[test]
    fn kde_manual_pac_and_off() {
        let s = parse_kioslaverc(KIOSLAVERC_MANUAL);
        assert_eq!(
            s.iter()
                .map(|p| (p.source.as_str(), p.value.as_str()))
                .collect::<Vec<_>>(),
            vec![
                ("kde:http", "http://127.0.0.1:7890"),
                ("kde:https", "http://127.0.0.1:7890"),
                ("kde:socks", "socks://127.0.0.1:7891"),
            ]
        );
        let pac = KIOSLAVERC_MANUAL
            .replace("ProxyType=1", "ProxyType=2")
            .replace(
                "Proxy Config Script=",
                "Proxy Config Script=http://127.0.0.1:33331/pac",
            );
        let s = parse_kioslaverc(&pac);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].source, "kde:pac");
        assert_eq!(s[0].value, "http://127.0.0.1:33331/pac");
        assert!(
            parse_kioslaverc(&KIOSLAVERC_MANUAL.replace("ProxyType=1", "ProxyType=0")).is_empty()
        );
        assert!(
            parse_kioslaverc(&KIOSLAVERC_MANUAL.replace("[Proxy Settings]", "[Other]")).is_empty()
        );
        assert!(parse_kioslaverc("").is_empty());
    }

    #[test]
    fn env_proxies_any_case_with_credentials_hidden() {
        let e = env(&[
            ("HTTPS_PROXY", "http://bob:secret@10.1.1.1:7890"),
            ("all_proxy", "socks5://127.0.0.1:7891"),
            ("NO_PROXY", "localhost"),
            ("http_proxy", "  "),
        ]);
        let s = from_env(&e);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].source, "env:HTTPS_PROXY");
        assert_eq!(s[0].value, "http://***@10.1.1.1:7890");
        assert_eq!(s[1].value, "socks5://127.0.0.1:7891");
    }

    // Captured from macOS 14 with ClashX "Set as system proxy" on.
    const SCUTIL_CLASHX: &str = "<dictionary> {\n  ExceptionsList : <array> {\n    0 : 127.0.0.1\n    1 : localhost\n  }\n  ExcludeSimpleHostnames : 1\n  HTTPEnable : 1\n  HTTPPort : 7890\n  HTTPProxy : 127.0.0.1\n  HTTPSEnable : 1\n  HTTPSPort : 7890\n  HTTPSProxy : 127.0.0.1\n  SOCKSEnable : 1\n  SOCKSPort : 7890\n  SOCKSProxy : 127.0.0.1\n}\n";
    // Captured from a macOS machine with no proxy.
    const SCUTIL_NONE: &str = "<dictionary> {\n  ExceptionsList : <array> {\n    0 : *.local\n    1 : 169.254/16\n  }\n  FTPPassive : 1\n  HTTPEnable : 0\n  HTTPSEnable : 0\n}\n";

    #[test]
    fn scutil_output() {
        let s = parse_scutil(SCUTIL_CLASHX);
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].value, "127.0.0.1:7890");
        assert!(parse_scutil(SCUTIL_NONE).is_empty());
        let pac = "<dictionary> {\n  ProxyAutoConfigEnable : 1\n  ProxyAutoConfigURLString : http://127.0.0.1:33331/pac\n}\n";
        assert_eq!(parse_scutil(pac)[0].source, "macos:scutil:PAC");
    }

    #[test]
    fn windows_internet_settings_forms() {
        let one = parse_windows_internet_settings(Some(1), Some("127.0.0.1:7890"), None);
        assert_eq!(
            one,
            vec![ProxySetting {
                source: "windows:internet-settings".into(),
                value: "127.0.0.1:7890".into()
            }]
        );
        let per = parse_windows_internet_settings(
            Some(1),
            Some("http=127.0.0.1:10809;https=127.0.0.1:10809;socks=127.0.0.1:10808"),
            None,
        );
        assert_eq!(per.len(), 3);
        assert_eq!(per[2].source, "windows:internet-settings:socks");
        assert!(parse_windows_internet_settings(Some(0), Some("127.0.0.1:7890"), None).is_empty());
        let pac = parse_windows_internet_settings(Some(0), None, Some("http://127.0.0.1:1080/pac"));
        assert_eq!(pac.len(), 1);
    }

    #[test]
    fn gnome_modes() {
        let hosts = vec![
            ("http", "'127.0.0.1'\n".to_string(), "8080\n".to_string()),
            ("socks", "''\n".to_string(), "0\n".to_string()),
        ];
        let s = parse_gnome("'manual'\n", &hosts);
        assert_eq!(
            s,
            vec![ProxySetting {
                source: "gnome:http".into(),
                value: "127.0.0.1:8080".into()
            }]
        );
        assert!(parse_gnome("'none'\n", &hosts).is_empty());
        assert_eq!(parse_gnome("'auto'", &[]).len(), 1);
    }
}
